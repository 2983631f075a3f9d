//! Quotes and their speakers.
//!
//! 1. [`marks`] finds the quoted pieces of each paragraph (all mark styles, nesting, quotes
//!    running on into the next paragraph).
//! 2. Each piece is attributed from the text after it (`"...," Kelin said`, `— Commissioner
//!    Smith`) or before it (`he said: "..."`, `according to X, "..."`); a quote split by its
//!    attribution (`"...," X said. "..."`) becomes one quote spanning both parts. A piece inside
//!    reported speech (`X said Y was "..." to ...`) makes a *mixed* quote; a quoted fragment
//!    without any cue (scare quotes, titles) is no quote.
//! 3. [`reported`] finds reported speech without marks (*indirect*); [`headlines`] reads
//!    headline attributions (`Speaker: content`, `X Says Y`).
//! 4. [`speakers`] resolves every mention to a name, in text order.

mod cue_scan;
mod headlines;
mod len_filter;
mod lexicon;
pub(crate) use lexicon::WordBits;
mod marks;
mod mentions;
mod name_runs;
mod reported;
mod span_index;
mod speakers;
mod view;
mod ws;

pub use view::{speakers, Speaker};

pub(crate) use lexicon::with_lower;

use crate::{Context, Entity, Quote, QuoteKind};
use copydesk_normalize::Span;
use copydesk_parse::BlockKind;
use cue_scan::{CueIndex, Cues};
use marks::Piece;
use ws::SplitWsExt;

/// Most words between a split quote's attribution cue and its second part.
const MAX_SPLIT_TAIL: usize = 40;
/// A partial quote ending its sentence counts as direct when it is this long (words) ...
const LONG_PARTIAL_WORDS: usize = 15;
/// ... and makes up this share (percent) of the reported clause.
const LONG_PARTIAL_SHARE: usize = 70;
/// Most words before an after-quote cue when the mention has an appositive ("X, a ..., said").
const MAX_APPOSITIVE_WORDS: usize = 30;
/// Merge a paragraph that is one unattributed quote into the attributed quote before it.
const CONTINUE_ACROSS_PARAGRAPHS: bool = true;
/// Most words between a cue and the quoted sentence it introduces after a comma.
const MAX_INTRO_WORDS: usize = 20;
/// Most words of a title (a programme, a paper) quoted in an attribution.
const MAX_TITLE_WORDS: usize = 5;
/// Shortest standalone quote without an attribution, in words.
const MIN_STANDALONE_WORDS: usize = 4;
/// How far (bytes) after a closing mark the attribution's cue may start.
const MAX_AFTER: usize = 160;
/// How far (bytes) before an opening mark the attribution's cue may end.
const MAX_BEFORE: usize = 160;

/// A quote before speaker resolution.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub span: Span,
    pub content: Span,
    pub kind: QuoteKind,
    pub mention: Option<Span>,
    pub cue: Option<String>,
    /// Where the cue is (so the reported-speech pass does not use it again).
    pub cue_span: Option<Span>,
    /// No attribution of its own: takes the speaker of the quote before it.
    pub inherit: bool,
    /// Segment index of the (first) piece.
    pub seg: usize,
    /// Attributed by the text after the quote (may be continued by a split part).
    pub attributed_after: bool,
}

/// Find quotes in the article and attribute them.
pub(crate) fn find(ctx: &Context, entities: &[Entity]) -> Vec<Quote> {
    let pieces: Vec<Piece> = marks::scan(ctx)
        .into_iter()
        .filter(|p| {
            matches!(ctx.segments[p.seg].kind, BlockKind::Paragraph | BlockKind::Standfirst | BlockKind::Caption)
        })
        .collect();
    let cues = CueIndex::new(ctx.text);
    let mut drafts = direct_quotes(ctx, &cues, &pieces);
    let more = reported::find(ctx, &cues, &pieces, &drafts);
    drafts.extend(more);
    drafts.extend(headlines::find(ctx));
    drafts.sort_by_key(|d| (d.span.start, d.span.end));
    let quoted: Vec<Span> = pieces.iter().map(|p| p.span).collect();
    resolve(ctx, entities, &quoted, drafts)
}

/// Sentence containing byte `at` (index), if any.
fn sentence_of(ctx: &Context, at: usize) -> Option<usize> {
    let i = ctx.sentences.partition_point(|s| s.span.end <= at);
    ctx.sentences.get(i).filter(|s| s.span.start <= at).map(|_| i)
}

/// Has `s` more than `n` words? (Stops reading at word `n + 1`.)
fn more_words_than(s: &str, n: usize) -> bool {
    ws::at_least_words(s, n.saturating_add(1))
}

/// Has `s` at least `n` words?
fn at_least_words(s: &str, n: usize) -> bool {
    ws::at_least_words(s, n)
}

/// Is `s` only closing punctuation and space?
fn trivial(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | '!' | '?' | ')' | ']' | '…' | ':'))
}

/// An attribution: mention, cue and where the cue is.
struct Attr {
    mention: Option<Span>,
    cue: String,
    cue_span: Span,
}

impl Attr {
    /// `base` attributed by this attribution (mention, cue and cue span).
    fn attribute(self, base: Draft) -> Draft {
        Draft { mention: self.mention, cue: Some(self.cue), cue_span: Some(self.cue_span), ..base }
    }
}

/// The first speech cue within reach after a quote (`s` starts at the closing mark's end,
/// `base` is its offset), as a range of `s`; none when the cue opens reported speech or a
/// quote of its own (`"..." Greene added that ...`, `X reiterated: "..."`), which is no
/// attribution of the quote.
fn cue_after(cues: &CueIndex, s: &str, base: usize) -> Option<(usize, usize)> {
    let (m_start, m_end) = cues.first_in(base, base + s.len(), Cues::Speech).map(|(a, b)| (a - base, b - base))?;
    let after_cue = s[m_end..].trim_start();
    let own = after_cue.starts_with("that ") || after_cue.starts_with(':');
    (m_start <= MAX_AFTER && !own).then_some((m_start, m_end))
}

/// Attribution in the text right after a quote (`s` starts at the closing mark's end, `base` is
/// its offset).
fn attr_after(cues: &CueIndex, s: &str, base: usize) -> Option<Attr> {
    if let Some(m) = mentions::dash_attribution(s) {
        return Some(Attr { mention: Some(m.shift(base)), cue: "—".into(), cue_span: m.shift(base) });
    }
    let (m_start, m_end) = cue_after(cues, s, base)?;
    let left_full = &s[..m_start];
    let two_commas = left_full.bytes().filter(|&b| b == b',').nth(1).is_some();
    let max_words = if two_commas { MAX_APPOSITIVE_WORDS } else { 10 };
    if left_full.contains(['!', '?', '"', '\u{201c}', '\u{201d}', ';']) || more_words_than(left_full, max_words) {
        return None;
    }
    let lt = left_full.trim_start_matches(|c: char| c == ',' || c.is_whitespace() || c == '—' || c == '–');
    let loff = left_full.len() - lt.len();
    let cue_span = Span::new(base + m_start, base + m_end);
    let mention = if lt.trim().is_empty() {
        let r = &s[m_end..];
        mentions::right_of(r)
            .filter(|sp| mentions::plausible(sp.text_in(r)))
            .or_else(|| described_name(r))
            .or_else(|| mentions::right_of(r))
            .map(|sp| sp.shift(base + m_end))
    } else {
        // The subject must reach back to the quote: nothing but the mention before the cue.
        match mentions::left_of(lt) {
            Some(sp) if lt[..sp.start].trim().is_empty() => Some(sp.shift(base + loff)),
            // A subject the mention reader does not take whole (`Mr. Lee of the Water Board
            // said`, `a spokesman for the board said`, `Ann Lee (D-Ohio), a member, said`): the
            // name or noun phrase it opens with.
            _ => subject_phrase(lt).map(|sp| sp.shift(base + loff)),
        }
    };
    let mention = mention.filter(|sp| {
        let m = sp.slice_in(s, base);
        mentions::plausible(m) || m.split_ws().next().is_some_and(lexicon::is_determiner)
    });
    mention?;
    // The cue's text is copied only for an attribution found.
    Some(Attr { mention, cue: s[m_start..m_end].to_string(), cue_span })
}

/// Most words between a quote and its cue that [`loose_attr_after`] takes as the subject.
const MAX_LOOSE_SUBJECT_WORDS: usize = 20;
/// Most words of an inverted subject without a name [`loose_attr_after`] takes whole.
const MAX_LOOSE_INVERTED_WORDS: usize = 8;

/// The attribution after a quoted sentence cut by a comma inside its closing mark, when
/// [`attr_after`] finds its subject too long or unlikely (`"...," nuclear experts Ann Lee and
/// Bo Ng of the Water Institute wrote`, `"...," federal prosecutors wrote`, `"...," said 9/11
/// widow Ann Lee`): the comma says the sentence goes on, so the text up to the cue is its
/// subject, taken as the mention where the mention reader finds none.
fn loose_attr_after(cues: &CueIndex, s: &str, base: usize) -> Option<Attr> {
    let (m_start, m_end) = cue_after(cues, s, base)?;
    if is_according(&s[m_start..m_end]) {
        return None;
    }
    let left = &s[..m_start];
    if left.contains(['!', '?', '"', '\u{201c}', '\u{201d}', ';', ':', '\n'])
        || more_words_than(left, MAX_LOOSE_SUBJECT_WORDS)
    {
        return None;
    }
    let cue_span = Span::new(base + m_start, base + m_end);
    let lt = left.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    let loff = left.len() - lt.len();
    let mention = if lt.trim().is_empty() {
        // Inverted: the words after the cue up to the next comma or period.
        let r = &s[m_end..];
        let rt = r.trim_start();
        let roff = m_end + (r.len() - rt.len());
        let stop = rt.find([',', '.', ';', '(']).unwrap_or(rt.len());
        let m = rt[..stop].trim_end();
        let ok = !m.is_empty() && !more_words_than(m, MAX_LOOSE_INVERTED_WORDS) && mentions::plausible(m);
        ok.then(|| Span::new(base + roff, base + roff + m.len()))?
    } else {
        // Not a phrase of the writer's (`"...," in contrast to ..., Lee said`); a capital is a
        // name (`"...," From said`).
        let first = lt.split_ws().next().unwrap_or("");
        let writers =
            first.starts_with(char::is_lowercase) && lexicon::is_stop_word(first) && !lexicon::is_determiner(first);
        if !lt.starts_with(char::is_alphanumeric) || writers {
            return None;
        }
        // The subject: the mention the reader finds at its end, else its opening phrase, else
        // the words up to its first comma.
        match mentions::left_of(lt) {
            Some(sp) if lt[..sp.start].trim().is_empty() => sp.shift(base + loff),
            _ => match subject_phrase(lt) {
                Some(sp) => sp.shift(base + loff),
                None => {
                    let stop = lt.find([',', '(']).unwrap_or(lt.len());
                    let m = lt[..stop].trim_end();
                    if m.is_empty() {
                        return None;
                    }
                    Span::new(base + loff, base + loff + m.len())
                }
            },
        }
    };
    Some(Attr { mention: Some(mention), cue: s[m_start..m_end].to_string(), cue_span })
}

/// An attribution after a quote whose verb is not in the cue list: `<subject> <verb>` (`Lee
/// went on`, `he mocks`) or `<verb> <name>` (`reacted Lee`), right after the closing mark and
/// ending at a comma or the sentence end. `s` starts at the closing mark's end, `base` is its
/// offset.
fn unlisted_attribution(s: &str, base: usize) -> Option<Attr> {
    let t = s.trim_start();
    let off = s.len() - t.len();
    // A lower-case word (the verb), its span in `t`.
    let verb_at = |from: usize| -> Option<Span> {
        let r = &t[from..];
        let r_t = r.trim_start();
        let st = from + (r.len() - r_t.len());
        let w_end = r_t.find(|c: char| !c.is_ascii_lowercase()).unwrap_or(r_t.len());
        let w = &r_t[..w_end];
        let ok = w.len() >= 3
            && !lexicon::is_stop_word(w)
            && !lexicon::is_determiner(w)
            && !lexicon::is_aux(w)
            && !w.ends_with("ing")
            && !w.ends_with("ly")
            && !cue_scan::is_cue_word(w, Cues::Speech)
            && !r_t[w_end..].trim_start().starts_with("that ");
        ok.then(|| Span::new(st, st + w_end))
    };
    // What follows the attribution: its end, a comma or `as`/`in`/`on`... phrase is fine, a
    // clause of its own is not (checked by the word count).
    let ends_soon = |from: usize| {
        let r = &t[from..];
        let stop = r.find(['.', ',', ';', '!', '?']).unwrap_or(r.len());
        !r[..stop].contains(['"', '\u{201c}', '\u{201d}']) && !more_words_than(&r[..stop], 6)
    };
    // `<subject> <verb>`: the subject opens the text and the verb follows it.
    if let Some(m) = mentions::right_of(t).filter(|m| m.start == 0 && mentions::plausible(m.text_in(t))) {
        if let Some(v) = verb_at(m.end) {
            let joined = t[m.end..v.start].trim().is_empty();
            if joined && ends_soon(v.end) {
                return Some(Attr {
                    mention: Some(m.shift(base + off)),
                    cue: t[v.start..v.end].to_string(),
                    cue_span: v.shift(base + off),
                });
            }
        }
        return None;
    }
    // `<verb> <name>`: an inverted subject with a capital.
    let v = verb_at(0).filter(|v| v.start == 0 && (t[..v.end].ends_with("ed") || t[..v.end].ends_with('s')))?;
    let r = &t[v.end..];
    let m = mentions::right_of(r).filter(|m| {
        let ms = m.text_in(r);
        r[..m.start].trim().is_empty() && ms.starts_with(char::is_uppercase) && mentions::plausible(ms)
    })?;
    ends_soon(v.end + m.end).then(|| Attr {
        mention: Some(m.shift(base + off + v.end)),
        cue: t[v.start..v.end].to_string(),
        cue_span: v.shift(base + off),
    })
}

/// Most words of a subject between a quote and its cue that [`subject_phrase`] reads.
const MAX_SUBJECT_WORDS: usize = 14;

/// The mention opening `lt`, the whole text between a closing mark and the cue after it, when
/// that text reads as the cue's subject: it opens with a capital or a determiner, the phrase
/// read there is a plausible speaker, and what follows it is a modifier (a preposition phrase,
/// an appositive or a parenthesis), not a clause of its own.
fn subject_phrase(lt: &str) -> Option<Span> {
    let t = lt.trim_end();
    if more_words_than(t, MAX_SUBJECT_WORDS) {
        return None;
    }
    let first = t.split_ws().next()?;
    let opens = first.chars().next().is_some_and(char::is_uppercase) || lexicon::is_determiner(first);
    if !opens {
        return None;
    }
    let sp = mentions::right_of(t).filter(|sp| mentions::plausible(sp.text_in(t)))?;
    let rest = t[sp.end..].trim_start();
    let modifier = rest.is_empty()
        || rest.starts_with([',', '('])
        || rest.split_ws().next().is_some_and(|w| matches!(w, "of" | "for" | "at" | "from" | "with" | "in" | "on"));
    modifier.then_some(sp)
}

/// Most lower-case words of a description before a name ("retired neurosurgeon Ben Carson").
const MAX_DESCRIPTION_WORDS: usize = 4;

/// An inverted subject that opens with a lower-case description before the name (`said
/// retired neurosurgeon Ben Carson`): the description and the name, as a span of `s`.
fn described_name(s: &str) -> Option<Span> {
    let mut rest = s;
    for _ in 0..MAX_DESCRIPTION_WORDS {
        let t = rest.trim_start();
        let w_end = t.find(char::is_whitespace).unwrap_or(t.len());
        let w = &t[..w_end];
        if w.is_empty() || !w.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
            return None;
        }
        if lexicon::is_stop_word(w) && w != "of" || lexicon::is_determiner(w) || lexicon::is_aux(w) {
            return None;
        }
        rest = &t[w_end..];
        let off = s.len() - rest.len();
        if let Some(sp) = mentions::right_of(rest) {
            let m = sp.text_in(rest);
            if m.split_ws().count() >= 2 && m.chars().next().is_some_and(char::is_uppercase) {
                let start = s.len() - s.trim_start().len();
                return Some(Span::new(start, off + sp.end));
            }
        }
    }
    None
}

/// Attribution in the text right before a quote (`s` ends at the opening mark; `base` is its
/// start offset). Returns the attribution and the gap between the cue and the mark.
fn attr_before(cues: &CueIndex, s: &str, base: usize) -> Option<(Attr, usize)> {
    let (m_start, m_end) = cues.last_in(base, base + s.len(), Cues::Speech).map(|(a, b)| (a - base, b - base))?;
    if s.len() - m_end > MAX_BEFORE {
        return None;
    }
    let gap = &s[m_end..];
    if gap.contains(['.', '!', '?', ';', '"', '\u{201c}', '\u{201d}']) {
        return None;
    }
    let cue = &s[m_start..m_end];
    let cue_span = Span::new(base + m_start, base + m_end);
    if is_according(cue) {
        let sp = mentions::right_of(gap)?;
        return Some((Attr { mention: Some(sp.shift(base + m_end)), cue: cue.to_string(), cue_span }, m_end));
    }
    let left = &s[..m_start];
    let mention = match participle_subject(left, cue) {
        Some(sp) => Some(sp),
        None => mentions::left_of(left).filter(|sp| mentions::plausible(sp.text_in(left))),
    }
    .map(|sp| sp.shift(base))
    .or_else(|| {
        mentions::right_of(gap).filter(|sp| mentions::plausible(sp.text_in(gap))).map(|sp| sp.shift(base + m_end))
    });
    // `Another commenter said, "..."`: a cue right before the mark, with only a comma or colon
    // between, introduces a quote even when its subject is not a plausible speaker: then the
    // subject as it stands, or none.
    let mention = match mention {
        Some(m) => Some(m),
        None if matches!(gap.trim(), "," | ":") => mentions::left_of(left)
            .filter(|sp| mentions::plausible(sp.text_in(left)))
            // `he backed Lee and said, "..."`: the subject at the sentence start.
            .or_else(|| participle_subject(left, "ing"))
            .or_else(|| mentions::left_of(left))
            .map(|sp| sp.shift(base)),
        None => return None,
    };
    Some((Attr { mention, cue: cue.to_string(), cue_span }, m_end))
}

/// An inverted attribution opening the sentence before a quote (`Said Ann Lee, "..."`, `Said
/// Lee, who knew him, "..."`, `Said Lee: "..."`); `s` ends at the opening mark and starts at
/// `base`.
fn said_first(s: &str, base: usize) -> Option<Attr> {
    let t = s.trim_start();
    let off = s.len() - t.len();
    let rest = t.strip_prefix("Said ")?;
    let r_off = off + 5;
    let body = rest.trim_end();
    if !body.ends_with([',', ':']) || more_words_than(body, MAX_SUBJECT_WORDS) {
        return None;
    }
    let sp = mentions::right_of(rest).filter(|sp| mentions::plausible(sp.text_in(rest)))?;
    let after = rest[sp.end..].trim();
    if !(after.len() == 1 || after.starts_with(',')) {
        return None;
    }
    Some(Attr {
        mention: Some(sp.shift(base + r_off)),
        cue: "said".into(),
        cue_span: Span::new(base + off, base + off + 4),
    })
}

/// Most words of the subject of `as X put it`.
const MAX_PUT_IT_SUBJECT_WORDS: usize = 10;
/// Most words between `put it` and the quote (`as X put it in a long essay, "..."`).
const MAX_PUT_IT_TAIL_WORDS: usize = 8;

/// The attribution frame `As X put it, "..."` (`as X puts it in a memo, "..."`) right before a
/// quote; `s` ends at the opening mark and starts at `base`.
fn as_put_it(s: &str, base: usize) -> Option<Attr> {
    let body = s.trim_end().strip_suffix(',')?;
    let at = body.rfind(" put it").or_else(|| body.rfind(" puts it"))?;
    let verb_end = at + if body[at..].starts_with(" puts") { 5 } else { 4 };
    let it_end = verb_end + 3;
    let tail = body.get(it_end..)?;
    if tail.starts_with(char::is_alphanumeric)
        || more_words_than(tail, MAX_PUT_IT_TAIL_WORDS)
        || tail.contains(['.', ';', ':', '!', '?', '"', '\u{201c}', '\u{201d}'])
    {
        return None;
    }
    // `As` / `as` opening the frame, a few words before the verb.
    let head = &body[..at];
    let as_at = head
        .rfind(" as ")
        .map(|i| i + 1)
        .or_else(|| head.rfind("As ").filter(|&i| i == 0 || head[..i].ends_with([' ', ',', '(', '—'])))?;
    let subject_at = as_at + 3;
    let subject = head.get(subject_at..)?;
    if subject.trim().is_empty()
        || more_words_than(subject, MAX_PUT_IT_SUBJECT_WORDS)
        || subject.contains([',', '.', ';', ':', '"', '\u{201c}', '\u{201d}'])
    {
        return None;
    }
    let st = subject_at + (subject.len() - subject.trim_start().len());
    let mention = Span::new(base + st, base + subject_at + subject.trim_end().len());
    Some(Attr {
        mention: Some(mention),
        cue: body[at + 1..it_end].to_string(),
        cue_span: Span::new(base + at + 1, base + it_end),
    })
}

/// Is the cue "according to" (any case, any spacing)?
pub(crate) fn is_according(cue: &str) -> bool {
    cue.get(..9).is_some_and(|a| a.eq_ignore_ascii_case("according"))
}

/// For a participle cue after a comma (", saying", ", adding that"), the subject at the
/// sentence start.
pub(crate) fn participle_subject(left: &str, cue: &str) -> Option<Span> {
    if !cue.ends_with("ing") {
        return None;
    }
    let t = left.trim_start();
    let off = left.len() - t.len();
    if let Some(sp) = mentions::right_of(t).filter(|sp| mentions::plausible(sp.text_in(t))) {
        return Some(sp.shift(off));
    }
    // After an opening adverbial ("In early October, X reached out, writing ...").
    let comma = t.find(',')?;
    let rest = &t[comma + 1..];
    let r = rest.trim_start();
    let roff = off + comma + 1 + (rest.len() - r.len());
    mentions::right_of(r).filter(|sp| mentions::plausible(sp.text_in(r))).map(|sp| sp.shift(roff))
}

/// Is the gap between a cue and a quote only an introducer ("", ", ", ": ", " reporters:")? Not
/// " that ": `said that "..."` is reported speech quoting its words (mixed).
fn introducer(gap: &str) -> bool {
    let g = gap.trim_end();
    // Up to nine words tell `n <= 8` and `n <= 1` apart.
    let n = g.split_ws().take(9).count();
    g.is_empty()
        || g.ends_with(':')
        || (g.ends_with(',') && n <= 8 && !g.contains(" that "))
        || (n <= 1 && g.trim_start() != "that")
}

/// Direct and mixed quotes from the quoted pieces.
fn direct_quotes(ctx: &Context, cues: &CueIndex, pieces: &[Piece]) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    let text = ctx.text;
    for (pi, p) in pieces.iter().enumerate() {
        let seg = ctx.segments[p.seg].span;
        let content = ctx.slice(p.content);
        let open_i = sentence_of(ctx, p.span.start);
        let close_i = sentence_of(ctx, p.span.end.saturating_sub(1));
        let s_open = open_i.map(|i| ctx.sentences[i].span);
        let s_close = close_i.map(|i| ctx.sentences[i].span);
        let prev_end = if pi > 0 && pieces[pi - 1].seg == p.seg { pieces[pi - 1].span.end } else { seg.start };
        let next_start = pieces.get(pi + 1).filter(|n| n.seg == p.seg).map_or(seg.end, |n| n.span.start);
        let pre_start = s_open.map_or(seg.start, |s| s.start).max(prev_end).min(p.span.start);
        let mut post_end = s_close.map_or(seg.end, |s| s.end).min(next_start).max(p.span.end);
        // The quote ends its sentence (before the look into the next one below).
        let ends_sentence = trivial(&text[p.span.end..post_end]);
        // `"...?" Graham asked.`: the splitter ends the sentence at the quote; look at the next one.
        if ends_sentence && content.trim_end().ends_with(['?', '!', '.']) {
            // The sentence holding the closing mark, and the one after it.
            if let Some(next) = close_i.and_then(|i| ctx.sentences.get(i + 1)) {
                if next.segment == ctx.sentences.get(open_i.unwrap_or(0)).map_or(usize::MAX, |s| s.segment) {
                    post_end = next.span.end.min(next_start).max(p.span.end);
                }
            }
        }
        let pre = &text[pre_start..p.span.start];
        let post = &text[p.span.end..post_end];
        let starts_sentence = pre.trim().is_empty() || pre.trim().chars().all(|c| matches!(c, '(' | '—' | '–' | '-'));
        let base = Draft {
            span: p.span,
            content: p.content,
            kind: QuoteKind::Direct,
            mention: None,
            cue: None,
            cue_span: None,
            inherit: false,
            seg: p.seg,
            attributed_after: false,
        };
        // A paragraph ending inside a quote (no closing mark) goes on in the next paragraph when
        // that opens with a mark: the newspaper convention for a quote of several paragraphs,
        // which is one quote however those paragraphs are attributed.
        if let Some(last) = out.last_mut() {
            let before = pi.checked_sub(1).map(|k| &pieces[k]);
            let continues = before.is_some_and(|b| {
                !b.closed && b.seg + 1 == p.seg && last.kind == QuoteKind::Direct && last.span.end == b.span.end
            }) && p.span.start == seg.start;
            if continues {
                last.span = Span::new(last.span.start, p.span.end);
                last.content = Span::new(last.content.start, p.content.end);
                last.seg = p.seg;
                last.attributed_after = false;
                if p.closed {
                    // The attribution nearest the end names the speaker of the whole.
                    if let Some(a) = attr_after(cues, post, p.span.end) {
                        last.mention = a.mention;
                        last.cue = Some(a.cue);
                        last.inherit = false;
                        last.cue_span = Some(a.cue_span);
                        last.attributed_after = true;
                    }
                }
                continue;
            }
        }
        // A title in the attribution after a quote (`"...," Lee said on NBC's "Meet the Press."
        // "..."`): no quote of its own, and no bar to the part after it joining the quote.
        if let Some(last) = out.last() {
            let in_attribution = last.attributed_after
                && last.seg == p.seg
                && p.closed
                && !more_words_than(content, MAX_TITLE_WORDS)
                && last.cue_span.is_some_and(|c| {
                    c.end <= p.span.start
                        && sentence_of(ctx, c.start).is_some_and(|s| sentence_of(ctx, p.span.start) == Some(s))
                        && cues.first_in(c.end, p.span.start, Cues::Speech).is_none()
                });
            if in_attribution {
                continue;
            }
        }
        // [`attr_after`] of this piece, once made by the split-quote test below (the tests after
        // it ask for it again).
        let mut after_memo: Option<Option<Attr>> = None;
        // Second part of a split quote: `"...," X said, "..."` or `"...," X said. "..."`.
        if let Some(last) = out.last_mut() {
            let between_start = last.span.end;
            let joinable = last.attributed_after && last.seg == p.seg && between_start <= p.span.start;
            if joinable {
                let same_attr = last.cue_span.is_some_and(|c| c.end <= p.span.start && c.start >= between_start);
                let after_cue = last.cue_span.map_or("", |c| &text[c.end.min(p.span.start)..p.span.start]);
                let starts_own_sentence = trivial(&text[pre_start..p.span.start]) || pre_start == p.span.start;
                // Pieces are in text order: walk back over those after the last quote.
                let short_pieces_only = pieces[..pi]
                    .iter()
                    .rev()
                    .take_while(|q| q.span.start >= between_start)
                    .all(|q| !more_words_than(ctx.slice(q.content), 5));
                if same_attr
            && short_pieces_only
            && short_tail(after_cue)
            // A cue after the attribution introduces the next part, unless that part opens
            // a sentence of its own (`"...," X said, according to Y. "..."`).
            && (starts_own_sentence
            || cues.first_in(p.span.start - after_cue.len(), p.span.start, Cues::Speech).is_none())
            && (starts_own_sentence
            || (trivial(after_cue) && !after_cue.trim().is_empty())
            || after_cue.trim_end().ends_with([',', '.']))
                {
                    let own = attr_after(cues, post, p.span.end);
                    if own.is_none() {
                        last.span = Span::new(last.span.start, p.span.end);
                        last.content = Span::new(last.content.start, p.content.end);
                        last.attributed_after = false;
                        continue;
                    }
                    after_memo = Some(own);
                }
            }
        }
        // A paragraph that is one unattributed quote continues the quote that ended the
        // paragraph before it (`"...," X said.` / `"..."`).
        if let Some(last) = out.last_mut() {
            let prev_seg_end = p.seg.checked_sub(1).map(|k| ctx.segments[k].span.end);
            let whole_paragraph = starts_sentence && p.span.start == seg.start && trivial(&text[p.span.end..seg.end]);
            let last_ends_its_paragraph = prev_seg_end.is_some_and(|e| {
                // Pieces are sorted and disjoint: only the first one after the quote can end before `e`.
                let after = pieces.partition_point(|q| q.span.start < last.span.end);
                last.seg + 1 == p.seg && !pieces.get(after).is_some_and(|q| q.span.end <= e)
            });
            if CONTINUE_ACROSS_PARAGRAPHS
                && last.attributed_after
                && whole_paragraph
                && last_ends_its_paragraph
                && p.closed
            {
                last.span = Span::new(last.span.start, p.span.end);
                last.content = Span::new(last.content.start, p.content.end);
                last.attributed_after = false;
                last.seg = p.seg;
                continue;
            }
        }
        let after = after_memo.unwrap_or_else(|| attr_after(cues, post, p.span.end));
        let has_after = after.is_some();
        if let Some(a) = after {
            // `He was always "charming," X said`: the quote finishes a clause of the writer's.
            let lead = pre.trim();
            let lead_words = lead.split_ws().take(2).count();
            // One word is enough when it is a subject (`Teachers "get why ...," X said`), not a
            // connector (`But "...," X said`).
            let subject_word = lead_words == 1
                && lead.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '\u{2019}')
                && !lexicon::not_name_start(lead, true, false);
            if !starts_sentence && (lead_words >= 2 || subject_word) && !lead.ends_with([',', ':']) {
                let clause_start = pre_start + (pre.len() - pre.trim_start().len());
                let span = Span::new(clause_start, trim_end_punct(text, p.span.end, p.span.end));
                out.push(Draft { span, content: span, kind: QuoteKind::Mixed, ..a.attribute(base) });
                continue;
            }
            if at_least_words(content, 2) || starts_sentence {
                out.push(Draft { attributed_after: true, ..a.attribute(base) });
                continue;
            }
        }
        // `"...," Lee went on.`: a quoted sentence cut by a comma (or ended by a question or
        // exclamation mark) inside its closing mark is attributed by the subject and verb after
        // it, whatever the verb.
        if starts_sentence && content.trim_end().ends_with([',', '?', '!']) {
            if let Some(a) = unlisted_attribution(post, p.span.end).or_else(|| loose_attr_after(cues, post, p.span.end))
            {
                out.push(Draft { attributed_after: true, ..a.attribute(base) });
                continue;
            }
        }
        if let Some(a) = as_put_it(pre, pre_start).filter(|_| ends_sentence) {
            out.push(a.attribute(base));
            continue;
        }
        if let Some(a) = said_first(pre, pre_start).filter(|_| starts_upper(content)) {
            out.push(a.attribute(base));
            continue;
        }
        if let Some((a, gap_at)) = attr_before(cues, pre, pre_start) {
            let gap = &pre[gap_at..];
            // `said Obama "knows ..."`, `said that "every ..."`: words of the writer's between
            // the cue and a quote that goes on their clause make a partial quote (unless it is
            // long, below: the sample article counts `said that "at the moment ... ."` as
            // direct, where PolNeAR's gold has mixed).
            let g = gap.trim();
            let clause_goes_on = !g.is_empty()
                && !g.ends_with([',', ':'])
                && (starts_lower(content) || g == "that" || g.ends_with(" that"));
            // A quoted sentence (upper case) after `X said,` or `X said:` is direct even where the
            // writer's sentence goes on (`, adding that ...`), and after a longer introduction
            // (`said in an op-ed before the hearing, "..."`).
            // Double marks only: single marks in a segment without double ones are often quotes
            // within a quote (`''He said, 'I will go.' ''`).
            let sentence_quoted = starts_upper(content)
                && (g.ends_with(',') || g.ends_with(':'))
                && text[p.span.start..].starts_with(['"', '\u{201c}', '\u{ab}']);
            let long_intro = sentence_quoted
                && g.ends_with(',')
                && !more_words_than(g, MAX_INTRO_WORDS)
                && !g.contains(" that ")
                && !g.starts_with("that ");
            let direct =
                !clause_goes_on && (introducer(gap) || long_intro) && (ends_sentence || sentence_quoted || has_after);
            // `If she wins, he said, "she might ..."`: a quote going on (in lower case) with a
            // sentence the writer began before the attribution is a partial quote of that
            // sentence, from its start. Not after an attribution frame (`As X wrote, "..."`).
            let subject_at = a.mention.map_or(a.cue_span.start, |m| m.start.min(a.cue_span.start));
            let opening = text[pre_start..subject_at.max(pre_start)].trim();
            let frame = opening.is_empty() || opening == "As" || is_according(opening);
            if direct && !frame && g.ends_with(',') && starts_lower(content) && !is_according(&a.cue) {
                let start = pre_start + (pre.len() - pre.trim_start().len());
                let span = Span::new(start, trim_end_punct(text, p.span.end, p.span.end));
                out.push(Draft { span, content: span, kind: QuoteKind::Mixed, ..a.attribute(base) });
                continue;
            }
            if direct {
                out.push(a.attribute(base));
                continue;
            }
            // Partial quote inside reported speech.
            let content_start = pre_start + gap_at + (gap.len() - gap.trim_start().len());
            let clause_end = s_close.map_or(post_end, |s| s.end.max(p.span.end));
            let clause = Span::new(
                content_start.min(p.span.start),
                trim_end_punct(text, clause_end.max(p.span.end), p.span.end),
            );
            let quoted = p.span.end - p.span.start;
            let long_partial = at_least_words(content, LONG_PARTIAL_WORDS)
                && quoted * 100 >= LONG_PARTIAL_SHARE * (clause.end - clause.start);
            // Not after a clause opened in the writer's words (`said that X was "..."`, `said he
            // was "..."`): that is reported speech with a quoted tail, however long.
            let lead = text[clause.start..p.span.start].trim();
            let first = lead.split_ws().next().unwrap_or("");
            let that_clause = (first == "that" || matches!(first, "he" | "she" | "it" | "they" | "we" | "I"))
                && lead.len() > first.len();
            // PolNeAR calls every quote that goes on a clause of the writer's mixed; the sample
            // article's convention (issue 5) keeps two long clause-final ones direct, and this
            // goes no further: right after a plain `said that`, or after a subject with a verb of
            // its own (`said the plan's aims were "..."`). A bare subject (`said Obama "knows
            // ..."`), another cue before `that` (`added that`), or words between the cue and the
            // clause (`said, without evidence, that`) leave a mixed quote.
            let plain_that = lead == "that" && is_plain_say(&a.cue);
            let subject_verb = !lead.contains(',')
                && first != "that"
                && lead.split_ws().nth(1).is_some()
                && lead.split_ws().any(is_finite_verb);
            if ends_sentence && long_partial && !that_clause && (plain_that || subject_verb) {
                out.push(a.attribute(base));
            } else {
                // Skip the quote if the same reported clause already produced a mixed quote.
                if out.last().is_some_and(|d| d.kind == QuoteKind::Mixed && d.span.end >= p.span.end) {
                    continue;
                }
                out.push(Draft { span: clause, content: clause, kind: QuoteKind::Mixed, ..a.attribute(base) });
            }
            continue;
        }
        // A quote introduced by a colon in its own sentence: `X has a message: "..."`.
        if pre.trim_end().ends_with(':') && ends_sentence && at_least_words(content, 2) {
            // The sentence's subject, or a name right before the colon (`... does not
            // surprise pollster Ann Lee: "..."`, `Polls - Ann Lee: "..."`) before a quoted sentence.
            let lead = pre.trim_end().strip_suffix(':').unwrap_or("");
            let mention = participle_subject(pre, "ing")
                .or_else(|| {
                    // From its first capitalised word (the reader may take a verb before the
                    // name for a description: `surprise Ann Lee`).
                    let sp = mentions::left_of(lead)?;
                    let m = sp.text_in(lead);
                    let cap = m.split_ws().find(|w| w.starts_with(char::is_uppercase))?;
                    let sp = Span::new(sp.start + (cap.as_ptr() as usize - m.as_ptr() as usize), sp.end);
                    let ok = starts_upper(content)
                        && lead[sp.end..].trim().is_empty()
                        && mentions::plausible(sp.text_in(lead));
                    ok.then_some(sp)
                })
                .map(|sp| sp.shift(pre_start));
            if mention.is_some() {
                out.push(Draft { mention, cue: Some(":".into()), ..base });
                continue;
            }
        }
        if starts_sentence && (ends_sentence || !p.closed) && at_least_words(content, MIN_STANDALONE_WORDS) {
            // A standalone quote: introduced by "X said:" before it, or continuing the last quote.
            let colon = colon_intro(ctx, cues, p);
            match colon {
                Some(a) => out.push(a.attribute(base)),
                None => out.push(Draft { inherit: true, ..base }),
            }
        }
    }
    out
}

/// Is the cue the plain reporting verb ("said", "says", "say")?
fn is_plain_say(cue: &str) -> bool {
    matches!(cue, "said" | "says" | "say")
}

/// Is `w` a finite form of "be", "have", "do" or a modal ("were", "has", "would")?
fn is_finite_verb(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "can"
            | "could"
            | "shall"
            | "should"
            | "may"
            | "might"
            | "must"
    )
}

/// Does `s` start (after spaces) with an upper-case letter?
fn starts_upper(s: &str) -> bool {
    s.trim_start().chars().next().is_some_and(char::is_uppercase)
}

/// Does `s` start (after spaces and an ellipsis) with a lower-case letter?
fn starts_lower(s: &str) -> bool {
    s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '…'))
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// Is the text after a cue, up to the next quote part, short ("on CNN.", ", adding,")?
fn short_tail(s: &str) -> bool {
    !more_words_than(s, MAX_SPLIT_TAIL)
}

/// Trim trailing spaces and a final period from `text[..end]`, not before `min`.
fn trim_end_punct(text: &str, end: usize, min: usize) -> usize {
    let t = text[..end].trim_end();
    let t = t.strip_suffix(['.', ',', ';']).unwrap_or(t);
    t.len().max(min)
}

/// The attribution of the sentence before a standalone quote when it ends with a colon
/// (`Kelin said:` / `Breitbart News responded:`), in the same or the previous segment.
fn colon_intro(ctx: &Context, cues: &CueIndex, p: &Piece) -> Option<Attr> {
    let si = sentence_of(ctx, p.span.start)?;
    let prev = ctx.sentences.get(si.checked_sub(1)?)?;
    if prev.segment + 1 < ctx.sentences[si].segment {
        return None;
    }
    let s = ctx.slice(prev.span);
    let t = s.trim_end();
    let body = t.strip_suffix(':')?;
    match attr_before(cues, body, prev.span.start) {
        Some((a, gap_at)) => (!more_words_than(&body[gap_at..], 8)).then_some(a),
        // No speech cue (`He then listed the qualities he wants:`, `Transcript as follows:`):
        // the sentence's subject introduces the quote.
        None => {
            let sp = participle_subject(body, "ing")?;
            let at = Span::new(prev.span.start + sp.start, prev.span.start + sp.end);
            Some(Attr {
                mention: Some(at),
                cue: ":".into(),
                cue_span: Span::new(prev.span.start + body.len(), prev.span.start + t.len()),
            })
        }
    }
}

/// Resolve speakers in text order and build the quotes.
fn resolve(ctx: &Context, entities: &[Entity], quoted: &[Span], drafts: Vec<Draft>) -> Vec<Quote> {
    // Built on the first mention to resolve (an article may have none).
    let mut resolver: Option<speakers::Resolver> = None;
    let mut out: Vec<Quote> = Vec::with_capacity(drafts.len());
    // The last direct or mixed quote: its segment and its index in `out` (whose mention,
    // speaker and cue quotes that inherit take; copied only then).
    let mut last_direct: Option<(usize, usize)> = None;
    // Headline attributions name people by surname before the body introduces them: resolve
    // them last, with the body's names known.
    let in_headline = |d: &Draft| ctx.segments.get(d.seg).is_some_and(|s| s.kind == BlockKind::Headline);
    let any_headline = drafts.iter().any(in_headline);
    // Most articles have no headline attribution: the drafts stay where they are.
    let (headline, body): (Vec<Draft>, Vec<Draft>) =
        if any_headline { drafts.into_iter().partition(in_headline) } else { (Vec::new(), drafts) };
    for d in body.into_iter().chain(headline) {
        let (mention, speaker, cue) = if d.inherit {
            match last_direct.and_then(|(seg, i)| out.get(i).filter(|_| d.seg <= seg + 2)) {
                Some(q) => (q.speaker_mention, q.speaker.clone(), q.cue.clone()),
                None => (None, None, None),
            }
        } else {
            let speaker = d.mention.and_then(|m| {
                resolver.get_or_insert_with(|| speakers::Resolver::new(ctx, entities, quoted)).resolve(m)
            });
            (d.mention, speaker, d.cue)
        };
        if d.kind != QuoteKind::Indirect && (mention.is_some() || d.inherit) {
            last_direct = Some((d.seg, out.len()));
        }
        out.push(Quote { span: d.span, content: d.content, kind: d.kind, speaker, speaker_mention: mention, cue });
    }
    if any_headline {
        out.sort_by_key(|q| (q.span.start, q.span.end));
    }
    out
}

pub(crate) trait SpanExt {
    fn shift(self, by: usize) -> Span;
    fn slice_in<'a>(&self, s: &'a str, base: usize) -> &'a str;
    fn text_in<'a>(&self, s: &'a str) -> &'a str;
}

impl SpanExt for Span {
    /// [`Span::slice`], inlined here (the quote passes take thousands of short slices).
    #[inline]
    fn text_in<'a>(&self, s: &'a str) -> &'a str {
        s.get(self.start..self.end).unwrap_or("")
    }

    fn shift(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    /// Slice a span given in absolute offsets out of `s`, which starts at `base`.
    fn slice_in<'a>(&self, s: &'a str, base: usize) -> &'a str {
        let a = self.start.saturating_sub(base).min(s.len());
        let b = self.end.saturating_sub(base).min(s.len()).max(a);
        s.get(a..b).unwrap_or("")
    }
}

#[cfg(test)]
mod tests;
