//! Reported speech without quotation marks (kind "indirect"), or with a quoted fragment
//! inside (kind "mixed"):
//!
//! - `X said (that) CONTENT`, `X told Y (that) CONTENT`, `X noted/warned/added ... CONTENT`;
//! - `..., adding/saying (that) CONTENT` with the sentence's subject as speaker;
//! - `CONTENT, X told Y.` / `CONTENT, X said.` (trailing attribution);
//! - `According to X, CONTENT` and `CONTENT, according to X`.

use super::cue_scan::{is_cue_word, CueIndex, Cues};
use super::lexicon::core_word;
use super::marks::Piece;
use super::span_index::SpanIndex;
use super::ws::{at_least_words, SplitWsExt};
use super::{is_according, lexicon, mentions, participle_subject, Draft, SpanExt};
use crate::{Context, QuoteKind};
use copydesk_normalize::Span;
use copydesk_parse::BlockKind;
use once_cell::sync::Lazy;

/// Fewest words of reported content.
const MIN_WORDS: usize = 3;
/// Cues per sentence at most.
const MAX_PER_SENTENCE: usize = 3;
/// Whether a cue inside the content of an earlier report in the sentence starts its own report:
/// only a speech verb inside the content of a verb of another kind ("Commenting on the plan
/// [to be built in 2019, Lee said [Z]]"). Other nested reports ("X said [Y wants Z]") were
/// right about one time in four on PolNeAR's dev set, where the outer report is annotated
/// with its content whole.
fn nested_report(outer_speech: bool, speech_cue: bool) -> bool {
    !outer_speech && speech_cue
}

/// Cue forms that are more often nouns ("the Balkan states", "his notes"): used only next to quotes.
fn noun_like(cue: &str) -> bool {
    matches!(
        cue,
        "states"
            | "notes"
            | "comments"
            | "tweets"
            | "reports"
            | "claims"
            | "reads"
            | "posts"
            | "promises"
            | "vows"
            | "thought"
            | "answers"
            | "read"
            | "charged"
    )
}

/// Verbs whose object comes before the content ("told reporters that").
fn takes_object(cue: &str) -> bool {
    matches!(
        cue,
        "told"
            | "tells"
            | "tell"
            | "telling"
            | "asked"
            | "asks"
            | "asking"
            | "warned"
            | "warns"
            | "urged"
            | "urges"
            | "reminded"
    )
}

/// Reported speech in the paragraphs, skipping cues already used by `drafts` and sentences
/// wholly inside quoted pieces.
pub(crate) fn find(ctx: &Context, cues: &CueIndex, pieces: &[Piece], drafts: &[Draft]) -> Vec<Draft> {
    // Quotations set with two apostrophes for marks (`''We won,'' she said.`): attributed like
    // quotes in marks, reported as indirect speech (see [`apostrophe_quotes`]).
    let apos = apostrophe_pieces(ctx);
    let mut out = if apos.is_empty() { Vec::new() } else { apostrophe_quotes(ctx, cues, &apos, drafts) };
    let mut used: Vec<usize> = drafts.iter().chain(&out).filter_map(|d| d.cue_span.map(|c| c.start)).collect();
    used.sort_unstable();
    let covered = SpanIndex::new(drafts.iter().chain(&out).map(|d| d.span));
    let quoted = SpanIndex::new(pieces.iter().chain(&apos).map(|p| p.span));
    // Where the hits of the sentence start in the cue index (sentences come in text order).
    let mut cursor = 0;
    for sent in &ctx.sentences {
        if ctx.segments.get(sent.segment).map_or(true, |s| s.kind != BlockKind::Paragraph) {
            continue;
        }
        cursor = cues.advance(cursor, sent.span.start);
        let s = ctx.slice(sent.span);
        let base = sent.span.start;
        let mut found = 0;
        let mut last_content_end = 0usize;
        // Whether the cue of the last report in the sentence is a speech verb.
        let mut last_speech = false;
        // The mention of the last report in the sentence (relative to it).
        let mut prior: Option<Span> = None;
        // `speech`: the cue is a one-word speech cue (`is_cue_word(cue, Cues::Speech)`).
        for (m_start, m_end, speech) in cues.speech_from(cursor, sent.span.end, Cues::Report) {
            let (m_start, m_end) = (m_start - base, m_end - base);
            if found >= MAX_PER_SENTENCE {
                break;
            }
            let cue = &s[m_start..m_end];
            let cue_abs = Span::new(base + m_start, base + m_end);
            if (m_start < last_content_end && !nested_report(last_speech, speech))
                || used.binary_search(&cue_abs.start).is_ok()
                || quoted.contains_strictly_after_start(cue_abs)
            {
                continue;
            }
            if noun_like(cue) {
                continue;
            }
            // The parse of the cue, when the question test below already made it.
            let mut parsed: Option<Option<(Span, Span)>> = None;
            let ev = evidential(s, m_start, m_end, cue).or_else(|| {
                // `Asked whether ..., X said`: the question, when no subject asks it.
                let q = question(s, m_end, cue)?;
                let p = parse_after(s, m_start, m_end, cue, prior);
                let none = p.is_none();
                parsed = Some(p);
                none.then_some(q)
            });
            if let Some(ev) = ev {
                // "X seems to ...", "X is expected to ...": the whole clause, without a speaker.
                let Some(content) = ev.map(|c| c.shift(base)) else { continue };
                if covered.overlaps(content) || quoted.overlaps(content) {
                    continue;
                }
                last_content_end = content.end - base;
                last_speech = false;
                found += 1;
                out.push(Draft {
                    span: content,
                    content,
                    kind: QuoteKind::Indirect,
                    mention: None,
                    cue: Some(cue.to_string()),
                    cue_span: Some(cue_abs),
                    inherit: false,
                    seg: sent.segment,
                    attributed_after: false,
                });
                continue;
            }
            let parsed = parsed.unwrap_or_else(|| parse_after(s, m_start, m_end, cue, prior));
            let Some((mention, content)) = parsed else { continue };
            prior = Some(mention);
            let content = content.shift(base);
            if covered.overlaps(content) {
                continue;
            }
            let inside_quote = quoted.overlaps(content);
            last_content_end = content.end - base;
            last_speech = speech;
            found += 1;
            out.push(Draft {
                span: content,
                content,
                kind: if inside_quote { QuoteKind::Mixed } else { QuoteKind::Indirect },
                mention: Some(mention.shift(base)),
                cue: Some(cue.to_string()),
                cue_span: Some(cue_abs),
                inherit: false,
                seg: sent.segment,
                attributed_after: false,
            });
        }
    }
    out
}

/// Trim spaces, commas and a final period from a content span of `s`.
fn clean(s: &str, start: usize, end: usize) -> Option<Span> {
    let t = &s[start..end];
    let lead = t.len() - t.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == ':').len();
    let t2 = t.trim_end().trim_end_matches([',', '.', ';', ':']).trim_end();
    let a = start + lead;
    let b = start + t2.len();
    (b > a && at_least_words(&s[a..b], MIN_WORDS)).then(|| Span::new(a, b))
}

/// Parse one cue at `cs..ce` of sentence `s`: the mention and the content span.
pub(crate) fn parse(s: &str, cs: usize, ce: usize, cue: &str) -> Option<(Span, Span)> {
    parse_after(s, cs, ce, cue, None)
}

/// [`parse`], with the mention of an earlier report in the sentence (`prior`, a span of `s`)
/// as the subject of a conjoined cue ("A spokesman defended the route and said ...").
fn parse_after(s: &str, cs: usize, ce: usize, cue: &str, prior: Option<Span>) -> Option<(Span, Span)> {
    forward(s, cs, ce, cue, prior).or_else(|| inverted(s, cs, ce, cue))
}

/// Inverted trailing attribution: "CONTENT, said X." (a speech verb, then the speaker and at
/// most a few more words to the end of the sentence).
fn inverted(s: &str, cs: usize, ce: usize, cue: &str) -> Option<(Span, Span)> {
    let lt = s[..cs].trim_end();
    if !lt.ends_with(',') || !is_cue_word(cue, Cues::Speech) || takes_object(cue) || is_according(cue) {
        return None;
    }
    let right = &s[ce..];
    let m = mentions::right_of(right)?;
    let rest = &right[m.end..];
    let name = m.text_in(right);
    let fits = mentions::plausible(name) || common_noun_subject(name) || starts_with_determiner(name);
    (fits && rest.split_ws().take(MAX_INVERTED_TAIL + 1).count() <= MAX_INVERTED_TAIL).then_some(())?;
    Some((m.shift(ce), clean(s, 0, lt.len() - 1)?))
}

/// [`parse`] for a cue after its subject (or opening the sentence, "According to X, ...").
fn forward(s: &str, cs: usize, ce: usize, cue: &str, prior: Option<Span>) -> Option<(Span, Span)> {
    let left = &s[..cs];
    let right = &s[ce..];
    if is_according(cue) {
        // The source: a mention, else any short phrase up to a comma ("media buying sources").
        let m = mentions::right_of(right).map(|m| m.shift(ce)).or_else(|| source_phrase(s, ce))?;
        if left.trim().is_empty() {
            // "According to X, CONTENT"
            let comma = s[m.end..].find(',')? + m.end;
            return Some((m, clean(s, comma + 1, s.len())?));
        }
        // "But, according to X, CONTENT" and "HALF, according to X, HALF".
        if let Some(rest) = s[m.end..].trim_start().strip_prefix(',') {
            let first = rest.split_ws().next().unwrap_or("");
            let clause = !lexicon::is_stop_word(first) && !first.ends_with("ing");
            if clause && at_least_words(rest, MIN_WORDS) {
                // After an opening connector ("But", "In addition"), the clause after the source;
                // else the sentence, split by the source.
                let lead = left.split_ws().next().unwrap_or("").trim_end_matches(',');
                let connector = lexicon::is_stop_word(lead)
                    || (lexicon::not_name_start(lead, true, false) && !lexicon::is_determiner(lead));
                let short = left.split_ws().take(4).count() <= 3;
                let from = if short && connector { s.len() - rest.len() } else { 0 };
                return Some((m, clean(s, from, s.len())?));
            }
        }
        // "CONTENT, according to X"
        return Some((m, clean(s, 0, cs)?));
    }
    // Subject: participles take the sentence subject; else the phrase before the cue,
    // through a relative pronoun ("Lavrov, who has said").
    let mention = if let Some(sp) = participle_subject(left, cue) {
        sp
    } else if ends_with_conjunction(left) && is_cue_word(cue, Cues::Speech) {
        // `X did Y and said ...`: the subject of the sentence.
        participle_subject(left, "ing").or(prior.filter(|p| p.end <= cs))?
    } else {
        let (off, l) = tail(strip_relative(left), MAX_SUBJECT_REACH);
        let subject = |sp: Span| mentions::plausible(sp.text_in(l)) || common_noun_subject(sp.text_in(l));
        let mut sp = mentions::left_of(l)?;
        if !subject(sp) {
            sp = of_head(l, sp);
            if !subject(sp) {
                return None;
            }
        }
        sp.shift(off)
    };
    if takes_noun_phrase(cue) {
        return noun_phrase_object(s, ce).map(|c| (mention, c));
    }
    // `declined to comment`, `wants to run`: the infinitive is the content.
    let must_infinitive = matches!(cue, "declined" | "refused");
    if must_infinitive || takes_infinitive(cue) {
        let r = right.trim_start();
        if r.starts_with("to ") {
            let a = ce + (right.len() - r.len());
            let b = clause_end(s, a, s.len());
            let t = s[a..b].trim_end().trim_end_matches(['.', ',', ';', ':']).trim_end();
            return (t.split_ws().nth(1).is_some()).then(|| (mention, Span::new(a, a + t.len())));
        }
        if must_infinitive {
            return None;
        }
    }
    // Content after the cue: skip an object ("told Sputnik") and a "that".
    let cstart = content_start(right, ce, cue);
    // `CONTENT, he said, wiping ...`: a comma right after the cue ends a trailing attribution.
    let comma_after = cstart == ce
        && right.trim_start().starts_with(',')
        && s[..mention.start].trim_end().trim_end_matches("''").ends_with(',');
    let mut cend = clause_end(s, cstart, s.len());
    if subordinate_subject(&s[..mention.start]) {
        if let Some(i) = s[cstart..cend].find(',') {
            if at_least_words(&s[cstart..cstart + i], MIN_WORDS) {
                cend = cstart + i;
            }
        }
    }
    if let Some(c) = clean(s, cstart, cend).filter(|_| !comma_after) {
        // Content must not start with a preposition phrase only ("said on Tuesday.").
        let first = s[c.start..c.end].split_ws().next().unwrap_or("");
        if !matches!(
            first,
            "in" | "on"
                | "at"
                | "to"
                | "during"
                | "after"
                | "before"
                | "by"
                | "about"
                | "for"
                | "from"
                | "with"
                | "via"
                | "over"
                | "as"
        ) || cstart != ce
        {
            return Some((mention, c));
        }
    }
    // Trailing attribution: "CONTENT, X told Y.", also after a quotation closed with two
    // apostrophes, which are no quote marks to the mark scanner (",'' X said.").
    let before_mention = s[..mention.start].trim_end();
    let b = before_mention.strip_suffix("''").unwrap_or(before_mention);
    if b.ends_with(',') {
        // `CONTENT, X said, CONTENT`: an attribution inside the sentence, which goes on after
        // it; the content is the sentence (as for a quote split by its attribution).
        if comma_after && b.len() == before_mention.len() && goes_on(s, ce) {
            return Some((mention, clean(s, 0, s.len())?));
        }
        return Some((mention, clean(s, 0, b.len() - 1)?));
    }
    None
}

/// Where the content of a cue ending at `ce` starts (`r` is the text after the cue): past an
/// object ("told Sputnik", "told reporters") and a "that" within reach, or past a leading
/// phrase to a pronoun subject; else at `ce`.
fn content_start(r: &str, ce: usize, cue: &str) -> usize {
    let mut cstart = ce;
    // The first ten words after the cue, on the stack; twenty after a preposition, where a
    // "that" may come later. Read up to the first "that" only: the words after it are needed
    // only when it opens no content (see below).
    let mut buf: [(usize, &str); 20] = [(0, ""); 20];
    let mut ws = r.split_ws();
    let first_word = ws.next();
    // Without a "that" anywhere after the cue (one substring search), the first word is all
    // that is needed, unless it is a preposition.
    let take = if first_word.is_some_and(is_preposition) {
        20
    } else if THAT_FINDER.find(r.as_bytes()).is_some() {
        10
    } else {
        1
    };
    let r_at = r.as_ptr() as usize;
    let mut n = 0;
    let mut next_word = first_word;
    let mut that_at: Option<usize> = None;
    while let Some(w) = next_word.filter(|_| n < take) {
        buf[n] = (w.as_ptr() as usize - r_at, w);
        n += 1;
        if w == "that" {
            that_at = Some(buf[n - 1].0);
            break;
        }
        next_word = if n < take { ws.next() } else { None };
    }
    if let Some(off) = that_at {
        if that_opens_content(&buf[..n], off) {
            cstart = ce + off + 4;
        }
    } else if takes_object(cue) {
        if let Some(obj) = mentions::right_of(r) {
            cstart = ce + obj.end;
        } else if let Some(&(off, w)) = buf[..n].first().filter(|(_, w)| one_word_object(w)) {
            cstart = ce + off + w.len();
        }
    }
    // `said in a statement Thursday they ...`: past a leading phrase to a pronoun subject.
    if cstart == ce && first_word.is_some_and(is_preposition) {
        // The rest of the words, when the read stopped at a "that".
        if that_at.is_some() {
            for w in ws.by_ref() {
                if n >= take {
                    break;
                }
                buf[n] = (w.as_ptr() as usize - r_at, w);
                n += 1;
            }
        }
        if let Some(off) = pronoun_subject(&buf[..n]) {
            cstart = ce + off;
        }
    }
    cstart
}

/// Does the "that" at offset `off` among the first `words` after a cue (offset, word) open its
/// content: few enough words before it (more after a preposition: `said in an interview with
/// the paper last week that ...`) and no comma or period among them?
fn that_opens_content(words: &[(usize, &str)], off: usize) -> bool {
    let before = || words.iter().take_while(|(o, _)| *o < off).map(|(_, w)| *w);
    let reach = if words.first().is_some_and(|(_, w)| is_preposition(w)) { 15 } else { 7 };
    before().count() <= reach && !before().any(|w| w.ends_with([',', '.']))
}

/// A one-word object of a cue like "told": "told reporters", "told him".
fn one_word_object(w: &str) -> bool {
    w.ends_with('s') || matches!(w, "me" | "him" | "her" | "us" | "them")
}

/// The offset of a pronoun subject among the second to ninth `words` after a cue (`said in a
/// statement Thursday they ...`).
fn pronoun_subject(words: &[(usize, &str)]) -> Option<usize> {
    words
        .iter()
        .skip(1)
        .take(8)
        .find(|(_, w)| matches!(*w, "he" | "she" | "they" | "it" | "we" | "I"))
        .map(|&(off, _)| off)
}

/// Does the sentence go on after an attribution's cue ending at `ce` and a comma with a clause
/// of the reported speech (`..., he said, the plan will fail.`), not with a phrase of the
/// attribution's (`, adding ...`, `, according to ...`, `, who ...`) or another cue?
fn goes_on(s: &str, ce: usize) -> bool {
    let Some(rest) = s[ce..].trim_start().strip_prefix(',') else { return false };
    let first = rest.split_ws().next().unwrap_or("").trim_end_matches([',', '.']);
    let words = at_least_words(rest, MIN_WORDS);
    let phrase = (first.len() > 4 && first.ends_with("ing"))
        || matches!(first, "which" | "who" | "according" | "in" | "on" | "at" | "during" | "after" | "before" | "as")
        || (may_be_cue(first) && is_cue_word(first, Cues::Report));
    words && !phrase
}

/// How far (bytes) left of a cue its subject may start: longer sentence openings are cut off
/// before the mention search (an appositive is at most 200 bytes, a mention 8 words).
const MAX_SUBJECT_REACH: usize = 400;

/// The last `max` bytes of `s` or a little less, from a word start, with their offset in `s`.
fn tail(s: &str, max: usize) -> (usize, &str) {
    if s.len() <= max {
        return (0, s);
    }
    let mut i = s.len() - max;
    while !s.is_char_boundary(i) {
        i += 1;
    }
    let j = s[i..].find(char::is_whitespace).map_or(i, |k| i + k);
    (j, &s[j..])
}

/// Verbs of stance whose content is their object, a noun phrase ("endorsed Cruz", "criticized
/// the president's foreign policy").
fn takes_noun_phrase(cue: &str) -> bool {
    matches!(
        cue,
        "endorsed"
            | "endorses"
            | "endorse"
            | "endorsing"
            | "supported"
            | "supports"
            | "supporting"
            | "backed"
            | "backing"
            | "opposed"
            | "opposes"
            | "criticized"
            | "criticised"
            | "criticizing"
            | "praised"
            | "praising"
            | "attacked"
            | "attacking"
            | "defended"
            | "defending"
            | "rejected"
            | "denounced"
            | "condemned"
            | "slammed"
            | "blasted"
            | "welcomed"
            | "touted"
            | "touting"
            | "dismissed"
            | "mocked"
            | "blamed"
            | "blaming"
            | "accused"
            | "accuses"
            | "accusing"
            | "questioned"
            | "questioning"
            | "oppose"
            | "favor"
            | "favors"
            | "called for"
            | "calls for"
            | "call for"
            | "calling for"
            | "called on"
            | "calls on"
            | "calling on"
            | "pointed to"
            | "points to"
            | "pointing to"
            | "talked about"
            | "talking about"
            | "talks about"
            | "spoke about"
            | "railed against"
            | "voted for"
            | "voted against"
    )
}

/// Words that end an object noun phrase: prepositions and adverbs of time and place, and clause
/// openers ("endorsed Clinton during a call", "criticized him last week").
fn ends_noun_phrase(w: &str) -> bool {
    matches!(
        w,
        "on" | "at"
            | "during"
            | "after"
            | "before"
            | "since"
            | "while"
            | "when"
            | "because"
            | "amid"
            | "last"
            | "this"
            | "earlier"
            | "again"
            | "but"
    )
}

/// The object noun phrase after a cue ending at `ce`: up to a clause boundary, a comma or a
/// word of [`ends_noun_phrase`]. Not after a passive or a leading preposition.
fn noun_phrase_object(s: &str, ce: usize) -> Option<Span> {
    let cue = s[..ce].split_ws().next_back().unwrap_or("");
    let left = s[..ce].split_ws().rev().nth(1).unwrap_or("");
    if cue.ends_with("ed") && matches!(left, "was" | "were" | "been" | "be" | "is" | "are" | "being") {
        return None;
    }
    let r = &s[ce..];
    let mut end = None;
    for (i, w) in r.split_ws().enumerate() {
        let off = w.as_ptr() as usize - r.as_ptr() as usize;
        let core = core_word(w);
        if core.is_empty()
            || ends_noun_phrase(core)
            || (i == 0 && is_preposition(core))
            || (core.len() > 3 && is_cue_word(core, Cues::Report))
        {
            break;
        }
        if i == 0 && (lexicon::is_stop_word(core) || lexicon::is_aux(core)) {
            return None;
        }
        let trimmed = w.trim_end_matches([',', '.', ';', ':', ')', '"', '\u{201d}']);
        end = Some(ce + off + trimmed.len());
        if trimmed.len() != w.len() && !lexicon::is_title(w) {
            break;
        }
        if i >= 40 {
            return None;
        }
    }
    let end = end?;
    let a = ce + (r.len() - r.trim_start().len());
    (end > a).then(|| Span::new(a, end))
}

/// Verbs of intention whose content may be an infinitive ("wants to run", "vowed to fight").
fn takes_infinitive(cue: &str) -> bool {
    matches!(
        cue,
        "want"
            | "wants"
            | "wanted"
            | "plans"
            | "planned"
            | "hope"
            | "hopes"
            | "hoped"
            | "hoping"
            | "expect"
            | "expects"
            | "seek"
            | "seeks"
            | "sought"
            | "seeking"
            | "vow"
            | "vows"
            | "vowed"
            | "vowing"
            | "pledge"
            | "pledged"
            | "pledging"
            | "promised"
            | "promising"
            | "agree"
            | "agrees"
            | "agreed"
            | "decided"
            | "intend"
            | "intends"
            | "threatened"
            | "threatens"
            | "offered"
    )
}

/// Verbs of appearance and expectation ("seems to", "is expected to"), whose content is the
/// whole clause, subject included, with no speaker: `None` for other cues, `Some(None)` for
/// such a cue without a usable clause.
fn evidential(s: &str, cs: usize, ce: usize, cue: &str) -> Option<Option<Span>> {
    let seem = matches!(cue, "seem" | "seems" | "seemed");
    let appear = matches!(cue, "appear" | "appears" | "appeared");
    let expected = cue == "expected";
    if !seem && !appear && !expected {
        return None;
    }
    let next = s[ce..].split_ws().next().unwrap_or("");
    let left = s[..cs].trim_end();
    let prev = left.rsplit(char::is_whitespace).next().unwrap_or("");
    if expected && !(next == "to" && matches!(prev, "is" | "are" | "was" | "were")) {
        // An active "expected" reports like other verbs.
        return None;
    }
    if appear && !matches!(next, "to" | "that" | "likely" | "unlikely" | "poised" | "ready" | "set" | "certain") {
        return Some(None);
    }
    // The clause opens after the last comma, semicolon, colon or dash before the cue, past
    // connectors ("but", "where").
    let mut a = left
        .rfind([',', ';', ':', '(', '\u{2014}'])
        .map_or(0, |i| i + left[i..].chars().next().map_or(1, char::len_utf8));
    for _ in 0..2 {
        let rest = &s[a..cs];
        let t = rest.trim_start();
        let w = t.split_ws().next().unwrap_or("");
        if !lexicon::is_stop_word(w) || w.is_empty() {
            break;
        }
        a = cs - t.len() + w.len();
    }
    if s[a..cs].split_ws().take(MAX_EVIDENTIAL_SUBJECT + 1).count() > MAX_EVIDENTIAL_SUBJECT {
        return Some(None);
    }
    Some(clean(s, a, clause_end(s, ce, s.len())))
}

/// The question after a form of "ask" ending at `ce` with no subject of its own ("Asked whether
/// he would run, Lee said ...", "When asked about the plan, ..."): from the question word to
/// the comma that ends it. `Some(None)` for such a cue without a question.
fn question(s: &str, ce: usize, cue: &str) -> Option<Option<Span>> {
    if !matches!(cue, "asked" | "Asked" | "asking") {
        return None;
    }
    let r = &s[ce..];
    let a = ce + (r.len() - r.trim_start().len());
    let first = s[a..].split_ws().next().unwrap_or("");
    if !matches!(
        first,
        "whether" | "if" | "about" | "what" | "which" | "who" | "whom" | "how" | "why" | "where" | "when"
    ) {
        return Some(None);
    }
    let end = s[a..].find([',', ';']).map_or(s.len(), |i| a + i);
    Some(clean(s, a, end))
}

/// Most words of the subject of an evidential clause ("About one in nine voters is expected").
const MAX_EVIDENTIAL_SUBJECT: usize = 12;

/// Does `left` end with a coordinating conjunction (before auxiliaries: "and also", "but")?
fn ends_with_conjunction(left: &str) -> bool {
    let mut ws = left.split_ws().rev();
    match ws.next() {
        Some("and" | "but") => true,
        // One adverb between: "and also said", "but later said".
        Some(w)
            if matches!(w, "also" | "then" | "later" | "again" | "has" | "had" | "have" | "would" | "will")
                || (w.len() > 4 && w.ends_with("ly") && w.bytes().all(|b| b.is_ascii_lowercase())) =>
        {
            matches!(ws.next(), Some("and" | "but"))
        }
        _ => false,
    }
}

/// `of`-phrases belong to the subject: "supporters of reform" for the mention "reform".
fn of_head(l: &str, sp: Span) -> Span {
    let before = l[..sp.start].trim_end();
    let Some(head) = before.strip_suffix("of").filter(|h| h.is_empty() || h.ends_with(char::is_whitespace)) else {
        return sp;
    };
    match mentions::left_of(head) {
        Some(h) if !head[h.start..].trim().is_empty() => Span::new(h.start, sp.end),
        _ => sp,
    }
}

/// Prepositions that open an adverbial phrase after a cue ("said in a statement").
fn is_preposition(w: &str) -> bool {
    matches!(w, "in" | "on" | "at" | "during" | "after" | "before" | "by" | "via" | "over" | "through" | "from")
}

/// Where the reported clause starting at `start` ends, at most `end`: before a comma that opens
/// a participle or a non-restrictive phrase (", adding ...", ", which ...", ", according to"), or
/// a semicolon, provided the clause keeps [`MIN_WORDS`] words.
fn clause_end(s: &str, start: usize, end: usize) -> usize {
    let end = comma_end(s, start, end);
    conjoined_cue(s, start, end)
}

/// [`clause_end`] at a comma or semicolon only.
fn comma_end(s: &str, start: usize, end: usize) -> usize {
    let t = &s[start..end];
    // Both marks are ASCII, so a byte search finds them at char boundaries.
    for pos in memchr::memchr2_iter(b',', b';', t.as_bytes()) {
        let semicolon = t.as_bytes()[pos] == b';';
        let after = &t[pos + 1..];
        let next = after.trim_start();
        if next.len() == after.len() {
            continue;
        }
        let Some(w) = next.split_ws().next() else { break };
        let cut = semicolon || {
            let lw = w.trim_end_matches([',', '.']);
            (lw.len() > 4 && lw.ends_with("ing") && lw.bytes().all(|b| b.is_ascii_lowercase()) && lw != "including")
                || matches!(
                    lw,
                    "which"
                        | "who"
                        | "where"
                        | "according"
                        | "after"
                        | "before"
                        | "when"
                        | "because"
                        | "despite"
                        | "while"
                        | "although"
                        | "though"
                )
                || (!semicolon && may_be_cue(lw) && is_cue_word(lw, Cues::Speech))
        };
        if cut && at_least_words(&t[..pos], MIN_WORDS) {
            return start + pos;
        }
    }
    end
}

/// Does the text before a subject open a subordinate clause at the sentence start ("While
/// most voters said ...,", "But if the mayor says ...,"), with no comma before the subject?
fn subordinate_subject(lead: &str) -> bool {
    let mut ws = lead.split_ws();
    let mut w = ws.next().unwrap_or("");
    if matches!(w, "But" | "And" | "Yet" | "So") {
        w = ws.next().unwrap_or("");
    }
    let w = w.trim_start_matches(|c: char| !c.is_alphabetic());
    let sub =
        ["while", "although", "though", "if", "when", "because", "as", "since", "whereas", "unless", "once", "even"]
            .iter()
            .any(|x| x.eq_ignore_ascii_case(w));
    sub && !lead.contains(',')
}

/// Most words after the speaker of an inverted trailing attribution ("..., said X in a
/// statement on Monday.").
const MAX_INVERTED_TAIL: usize = 8;

/// Does the phrase open with a determiner ("the official", "one source")?
fn starts_with_determiner(phrase: &str) -> bool {
    phrase.split_ws().next().is_some_and(lexicon::is_determiner)
}

/// Where a clause starting at `start` ends before "and said", "but added" (a speech verb
/// conjoined to the reporting one), at most `end`.
///
/// Each conjunction is found by a substring search built once (its occurrences as the search
/// yields them, without overlaps); the cut for the first one that qualifies is the nearest, as
/// the cut moves right with the conjunction, so the nearest over both conjunctions is the cut
/// of the first qualifying one in the clause.
fn conjoined_cue(s: &str, start: usize, end: usize) -> usize {
    let t = &s[start..end];
    let mut best = end;
    for finder in CONJ_FINDERS.iter() {
        let n = finder.needle().len();
        for pos in finder.find_iter(t.as_bytes()) {
            let next = t[pos + n..].split_ws().next().unwrap_or("");
            let next = next.trim_end_matches([',', '.', ':']);
            if may_be_cue(next) && is_cue_word(next, Cues::Speech) && at_least_words(&t[..pos], MIN_WORDS) {
                best = best.min(start + t[..pos].trim_end().trim_end_matches(',').len());
                break;
            }
        }
    }
    best
}

/// Searches for two apostrophes in a row (see [`apostrophe_pieces`]), built once.
static APOSTROPHE_PAIR: Lazy<memchr::memmem::Finder<'static>> = Lazy::new(|| memchr::memmem::Finder::new("''"));

/// Searches for "that" (see [`content_start`]), built once.
static THAT_FINDER: Lazy<memchr::memmem::Finder<'static>> = Lazy::new(|| memchr::memmem::Finder::new("that"));

/// Searches for " and " and " but " (see [`conjoined_cue`]).
static CONJ_FINDERS: Lazy<[memchr::memmem::Finder<'static>; 2]> =
    Lazy::new(|| [memchr::memmem::Finder::new(" and "), memchr::memmem::Finder::new(" but ")]);

/// A cheap test before a cue-word lookup: cue words are lower case, three bytes or more.
fn may_be_cue(w: &str) -> bool {
    w.len() >= 3 && w.as_bytes()[0].is_ascii_lowercase()
}

/// Quantifiers that open a plural subject ("many experts", "most voters").
fn is_quantifier(w: &str) -> bool {
    [
        "many", "some", "most", "all", "few", "several", "both", "other", "others", "two", "three", "four", "those",
        "these",
    ]
    .iter()
    .any(|q| q.eq_ignore_ascii_case(w))
}

/// A common-noun subject of reported speech that [`mentions::plausible`] does not take as a
/// speaker of quotes: a determiner or quantifier phrase ("the administration", "many
/// experts") or a bare plural ("economists", "critics").
fn common_noun_subject(phrase: &str) -> bool {
    // The first four words (all the tests below read), and the last.
    let mut it = phrase.split_ws();
    let mut head = [""; 4];
    let mut count = 0;
    for w in it.by_ref().take(4) {
        head[count] = w;
        count += 1;
    }
    let Some(&first) = head.first().filter(|_| count > 0) else { return false };
    let last = if count < 4 { head[count - 1] } else { it.next_back().unwrap_or(head[3]) };
    // "74 percent", "26%", "two-thirds of voters" (the words are read for a digit only after
    // such a last word).
    let percent = last.ends_with('%') || matches!(last, "percent" | "percent," | "%");
    if percent && phrase.split_ws().any(|w| w.as_bytes().first().is_some_and(u8::is_ascii_digit)) {
        return true;
    }
    // Collective nouns that speak ("police said").
    if count == 1 && matches!(last, "police" | "people" | "staff" | "authorities" | "prosecutors") {
        return true;
    }
    let alpha = |w: &str| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
    if !alpha(last) || stop_or_aux(last) {
        return false;
    }
    let plural = last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("us");
    // "political scientists", "many Republican leaders": a short bare plural.
    if plural
        && count <= 3
        && head[..count].iter().all(|w| w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-') && !stop_or_aux(w))
    {
        return true;
    }
    (count >= 2 && (lexicon::is_determiner(first) || is_quantifier(first))) || (count == 1 && plural)
}

/// [`lexicon::is_stop_word`] or [`lexicon::is_aux`], from one look-up.
fn stop_or_aux(w: &str) -> bool {
    let l = lexicon::lists(w);
    l.stop() || lexicon::aux_with(w, l)
}

/// Most words of a source phrase after "according to" that is no mention.
const MAX_SOURCE_WORDS: usize = 12;

/// The phrase after a cue ending at `ce`, up to a comma, semicolon, parenthesis or the end of
/// the sentence, when it has at most [`MAX_SOURCE_WORDS`] words.
fn source_phrase(s: &str, ce: usize) -> Option<Span> {
    let r = &s[ce..];
    let a = ce + (r.len() - r.trim_start().len());
    let stop = s[a..].find([',', ';', '(']).map_or(s.len(), |i| a + i);
    let t = s[a..stop].trim_end().trim_end_matches(['.', '!', '?']).trim_end();
    let n = t.split_ws().take(MAX_SOURCE_WORDS + 1).count();
    (1..=MAX_SOURCE_WORDS).contains(&n).then(|| Span::new(a, a + t.len()))
}

/// Longest parenthetical between a subject and its cue, in bytes.
const MAX_PARENTHETICAL: usize = 200;

/// The closing and opening marks of a parenthetical in [`strip_relative`].
const PARENTHETICAL_MARKS: [(&str, &str); 4] =
    [("--", " --"), ("\u{2014}", "\u{2014}"), (" -", " - "), (",", ", who ")];

/// What may come between a relative pronoun and the cue in [`strip_relative`].
const RELATIVE_AUX: [&str; 7] = ["", " has", " had", " have", " also", " has also", " had also"];

/// The last words of the forms of [`strip_relative`]: the relative pronouns and the last words
/// of [`RELATIVE_AUX`].
const RELATIVE_ENDS: [&str; 6] = ["who", "which", "has", "had", "have", "also"];

/// "..., Lavrov, who has" -> "..., Lavrov" (the person a relative clause hangs on).
fn strip_relative(left: &str) -> &str {
    let t = left.trim_end();
    // "Ann Lee -- who ... --", "Ann Lee, who ...,": a parenthetical between the subject and
    // the cue (at most [`MAX_PARENTHETICAL`] bytes). Each closing mark ends with '-', ','
    // or the last byte of '—' (0x94): one test turns the other texts away.
    let closed = matches!(t.as_bytes().last(), Some(b'-' | b',' | 0x94));
    if let Some(x) = closed.then(|| cut_parenthetical(t)).flatten() {
        return x;
    }
    // Every form below ends with one of these words: one test turns the rest away.
    if !RELATIVE_ENDS.iter().any(|e| t.ends_with(e)) {
        return left;
    }
    cut_relative(t).unwrap_or(left)
}

/// `t` without a closing parenthetical ("Ann Lee -- who ... --": [`PARENTHETICAL_MARKS`], at
/// most [`MAX_PARENTHETICAL`] bytes), when something is left before it.
#[inline]
fn cut_parenthetical(t: &str) -> Option<&str> {
    for (close, open) in PARENTHETICAL_MARKS {
        if let Some(x) = t.strip_suffix(close) {
            let from = x.len().saturating_sub(MAX_PARENTHETICAL);
            if let Some(i) = x.get(from..).and_then(|w| w.rfind(open)).map(|i| from + i) {
                if !x[..i].trim().is_empty() {
                    return Some(&x[..i]);
                }
            }
        }
    }
    None
}

/// `t` without a closing relative clause ("Ann Lee, who has": " who"/" which" and one of
/// [`RELATIVE_AUX`]), and the comma before it.
#[inline]
fn cut_relative(t: &str) -> Option<&str> {
    for rel in [" who", " which"] {
        for aux in RELATIVE_AUX {
            if let Some(x) = t.strip_suffix(aux).and_then(|x| x.strip_suffix(rel)) {
                return Some(x.trim_end().trim_end_matches(','));
            }
        }
    }
    None
}

/// Where the first two apostrophes in a row at or after `from` start.
fn apostrophe_pair(b: &[u8], from: usize) -> Option<usize> {
    let mut j = from;
    while let Some(k) = memchr::memchr(b'\'', b.get(j..)?) {
        let at = j + k;
        if b.get(at + 1) == Some(&b'\'') {
            return Some(at);
        }
        j = at + 1;
    }
    None
}

/// Quoted pieces set with two apostrophes for marks (`''...''`, as some news archives print
/// typographic double quotes), in paragraph-like segments, in text order. An opening pair
/// follows a space, an opening bracket or a dash and comes before a non-space; a closing pair
/// follows a non-space and comes before a non-letter. A run of three apostrophes is a pair next
/// to a single mark (`'Fox,'''`). A segment ending inside a quote gives a piece running to its
/// end (`closed == false`).
fn apostrophe_pieces(ctx: &Context) -> Vec<Piece> {
    let mut out = Vec::new();
    // Most texts have no two apostrophes in a row anywhere: one search over the whole text
    // spares the search of each segment for them.
    if APOSTROPHE_PAIR.find(ctx.text.as_bytes()).is_none() {
        return out;
    }
    for (si, seg) in ctx.segments.iter().enumerate() {
        if !matches!(seg.kind, BlockKind::Paragraph | BlockKind::Standfirst | BlockKind::Caption) {
            continue;
        }
        let s = ctx.slice(seg.span);
        let b = s.as_bytes();
        let base = seg.span.start;
        let mut open: Option<usize> = None;
        let mut i = 0;
        while let Some(at) = apostrophe_pair(b, i) {
            let run = b[at..].iter().take_while(|&&c| c == b'\'').count();
            i = at + run;
            if run > 3 {
                continue;
            }
            let prev = s[..at].chars().next_back();
            let next = s[at + run..].chars().next();
            let can_open = prev.map_or(true, |p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | ':'))
                && next.is_some_and(|n| !n.is_whitespace());
            let can_close = prev.is_some_and(|p| !p.is_whitespace()) && next.map_or(true, |n| !n.is_alphanumeric());
            match open {
                Some(o) if can_close => {
                    // `'''` closing: the pair is the last two.
                    let mark = at + run - 2;
                    out.push(Piece {
                        span: Span::new(base + o, base + at + run),
                        content: Span::new(base + o + 2, base + mark),
                        seg: si,
                        closed: true,
                    });
                    open = None;
                }
                _ if can_open => open = Some(at),
                _ => {}
            }
        }
        if let Some(o) = open {
            let end = s.trim_end().len().max(o + 2);
            out.push(Piece {
                span: Span::new(base + o, base + end),
                content: Span::new(base + o + 2, base + end),
                seg: si,
                closed: false,
            });
        }
    }
    out
}

/// Quotes from pieces in two-apostrophe marks, attributed by the rules for quotes in marks
/// (`''...,'' X said`, `X said, ''...''`, split quotes, partial quotes). PolNeAR, whose news
/// archive prints every quotation this way, annotates them as reported speech: they are kind
/// indirect, and a standalone piece continuing an attributed one takes its speaker. Quotes
/// overlapping those found in real marks are left out.
fn apostrophe_quotes(ctx: &Context, cues: &CueIndex, pieces: &[Piece], drafts: &[Draft]) -> Vec<Draft> {
    let marked = SpanIndex::new(drafts.iter().map(|d| d.span));
    let mut out: Vec<Draft> = Vec::new();
    for mut d in super::direct_quotes(ctx, cues, pieces) {
        if marked.overlaps(d.span) {
            continue;
        }
        if d.inherit {
            let Some(last) = out.last().filter(|l| d.seg <= l.seg + 2 && l.mention.is_some()) else { continue };
            d.mention = last.mention;
            d.cue = last.cue.clone();
            d.inherit = false;
        }
        d.kind = QuoteKind::Indirect;
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`clause_end`] as it was written before its one-pass scans: the reference they must agree with.
    fn clause_end_reference(s: &str, start: usize, end: usize) -> usize {
        let t = &s[start..end];
        let mut end2 = end;
        for (pos, mark) in t.match_indices([',', ';']) {
            let after = &t[pos + 1..];
            let next = after.trim_start();
            if next.len() == after.len() {
                continue;
            }
            let Some(w) = next.split_ws().next() else { break };
            let cut = mark == ";" || {
                let lw = w.trim_end_matches([',', '.']);
                (lw.len() > 4 && lw.ends_with("ing") && lw.bytes().all(|b| b.is_ascii_lowercase()) && lw != "including")
                    || matches!(lw, "which" | "who" | "where" | "according" | "after" | "before" | "when" | "because")
                    || matches!(lw, "despite" | "while" | "although" | "though")
                    || (mark == "," && may_be_cue(lw) && is_cue_word(lw, Cues::Speech))
            };
            if cut && t[..pos].split_ws().take(MIN_WORDS).count() >= MIN_WORDS {
                end2 = start + pos;
                break;
            }
        }
        let t = &s[start..end2];
        let mut best = end2;
        for conj in [" and ", " but "] {
            for pos in memchr::memmem::find_iter(t.as_bytes(), conj.as_bytes()) {
                let next = t[pos + conj.len()..].split_ws().next().unwrap_or("");
                let next = next.trim_end_matches([',', '.', ':']);
                if may_be_cue(next)
                    && is_cue_word(next, Cues::Speech)
                    && t[..pos].split_ws().take(MIN_WORDS).count() >= MIN_WORDS
                {
                    best = best.min(start + t[..pos].trim_end().trim_end_matches(',').len());
                    break;
                }
            }
        }
        best
    }

    proptest! {
        #[test]
        fn clause_end_agrees_with_reference(
            s in "(and|but|said|added|says|which|adding|including|x|é|,|;|:|\\.| |\u{a0}){0,60}",
            cut in 0usize..200,
        ) {
            let mut start = cut.min(s.len());
            while !s.is_char_boundary(start) {
                start -= 1;
            }
            prop_assert_eq!(clause_end(&s, start, s.len()), clause_end_reference(&s, start, s.len()));
        }
    }

    /// [`common_noun_subject`] as first written: the reference it must agree with.
    fn common_noun_subject_reference(phrase: &str) -> bool {
        let mut it = phrase.split_ws();
        let (Some(first), n) = (it.next(), phrase.split_ws().take(2).count()) else { return false };
        let last = it.next_back().unwrap_or(first);
        // "74 percent", "26%", "two-thirds of voters" (the words are read for a digit only after
        // such a last word).
        let percent = last.ends_with('%') || matches!(last, "percent" | "percent," | "%");
        if percent && phrase.split_ws().any(|w| w.as_bytes().first().is_some_and(u8::is_ascii_digit)) {
            return true;
        }
        // Collective nouns that speak ("police said").
        if n == 1 && matches!(last, "police" | "people" | "staff" | "authorities" | "prosecutors") {
            return true;
        }
        let alpha = |w: &str| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
        if !alpha(last) || lexicon::is_stop_word(last) || lexicon::is_aux(last) {
            return false;
        }
        let plural = last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("us");
        // "political scientists", "many Republican leaders": a short bare plural.
        let words = phrase.split_ws().take(4).count();
        if plural
            && words <= 3
            && phrase.split_ws().all(|w| {
                w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
                    && !lexicon::is_stop_word(w)
                    && !lexicon::is_aux(w)
            })
        {
            return true;
        }
        (n >= 2 && (lexicon::is_determiner(first) || is_quantifier(first))) || (n == 1 && plural)
    }

    proptest::proptest! {
        #[test]
        fn common_noun_subject_agrees_with_the_reference(
            words in proptest::collection::vec("(the|many|two|74|percent|%|26%|police|voters|experts|boss|status|has|also|quickly|Ann|Republican|well-known|said|x|)", 0..9),
        ) {
            let p = words.join(" ");
            proptest::prop_assert_eq!(common_noun_subject(&p), common_noun_subject_reference(&p), "{:?}", p);
        }
    }

    /// [`strip_relative`] without its quick tests on the last byte and the last word.
    fn strip_relative_reference(left: &str) -> &str {
        let t = left.trim_end();
        cut_parenthetical(t).or_else(|| cut_relative(t)).unwrap_or(left)
    }

    proptest::proptest! {
        #[test]
        fn strip_relative_agrees_with_the_reference(
            words in proptest::collection::vec("(Ann|Lee|,|who|which|has|had|have|also|whose|shad|alsoo|--|\u{2014}| -| |  )", 0..10),
        ) {
            let p = words.join(" ");
            proptest::prop_assert_eq!(strip_relative(&p), strip_relative_reference(&p), "{:?}", p);
            let q = words.concat();
            proptest::prop_assert_eq!(strip_relative(&q), strip_relative_reference(&q), "{:?}", q);
        }
    }

    /// [`content_start`] as first written: the first ten (or twenty) words read at once (the
    /// rules on them are shared; what the property test checks is the reading up to "that").
    fn content_start_reference(r: &str, ce: usize, cue: &str) -> usize {
        let mut cstart = ce;
        let mut buf: [(usize, &str); 20] = [(0, ""); 20];
        let mut n = 0;
        let take = if r.split_ws().next().is_some_and(is_preposition) { 20 } else { 10 };
        for (slot, w) in buf.iter_mut().zip(r.split_ws()).take(take) {
            *slot = (w.as_ptr() as usize - r.as_ptr() as usize, w);
            n += 1;
        }
        let words = &buf[..n];
        if let Some(&(off, _)) = words.iter().find(|(_, w)| *w == "that") {
            if that_opens_content(words, off) {
                cstart = ce + off + 4;
            }
        } else if takes_object(cue) {
            if let Some(obj) = mentions::right_of(r) {
                cstart = ce + obj.end;
            } else if let Some(&(off, w)) = words.first().filter(|(_, w)| one_word_object(w)) {
                cstart = ce + off + w.len();
            }
        }
        if cstart == ce && words.first().is_some_and(|(_, w)| is_preposition(w)) {
            if let Some(off) = pronoun_subject(words) {
                cstart = ce + off;
            }
        }
        cstart
    }

    proptest::proptest! {
        #[test]
        fn content_start_agrees_with_the_reference(
            words in proptest::collection::vec("(that|in|at|he|they|I|Ann|reporters|him|the|plan,|week.|x| |  |\u{a0})", 0..30),
            cue in "(said|told|warned|added)",
            ce in 0usize..5,
        ) {
            let r: String = words.join(" ");
            proptest::prop_assert_eq!(content_start(&r, ce, &cue), content_start_reference(&r, ce, &cue));
        }
    }

    #[test]
    fn clause_end_cases() {
        for s in [
            "the plan will fail and said it was late",
            "the plan will fail and and said it was late",
            "the plan, he argued, will fail, adding that it is late; and more",
            "one two three but added four, which five",
            "one two three and said; but said",
            "é é é and\u{a0}said x but said y",
        ] {
            for start in (0..=s.len()).filter(|&i| s.is_char_boundary(i)) {
                assert_eq!(clause_end(s, start, s.len()), clause_end_reference(s, start, s.len()), "{s:?} {start}");
            }
        }
    }

    fn p(s: &str, cue: &str) -> Option<(String, String)> {
        let cs = s.find(cue)?;
        parse(s, cs, cs + cue.len(), cue).map(|(m, c)| (m.slice(s).to_string(), c.slice(s).to_string()))
    }

    #[test]
    fn said_that() {
        assert_eq!(
            p("Ann Lee said that the deal was dead.", "said"),
            Some(("Ann Lee".into(), "the deal was dead".into()))
        );
        assert_eq!(
            p("The mayor told reporters the plan works well.", "told"),
            Some(("The mayor".into(), "the plan works well".into()))
        );
    }

    #[test]
    fn trailing_and_according() {
        assert_eq!(
            p("The dam will hold for years, Ann Lee, head of the water office, told the paper.", "told"),
            Some(("Ann Lee, head of the water office".into(), "The dam will hold for years".into()))
        );
        assert_eq!(
            p("According to the ministry, the dam will hold.", "According to"),
            Some(("the ministry".into(), "the dam will hold".into()))
        );
    }

    #[test]
    fn infinitive_and_noun_phrase_contents() {
        assert_eq!(p("The mayor declined to comment.", "declined"), Some(("The mayor".into(), "to comment".into())));
        assert_eq!(
            p("Ann Lee endorsed Bob Day during a call.", "endorsed"),
            Some(("Ann Lee".into(), "Bob Day".into()))
        );
        assert_eq!(p("Ann Lee was endorsed by Bob Day.", "endorsed"), None);
    }

    #[test]
    fn clause_ends_before_a_participle() {
        assert_eq!(
            p("Ann Lee said the dam will hold, citing new data.", "said"),
            Some(("Ann Lee".into(), "the dam will hold".into()))
        );
    }

    #[test]
    fn participles_and_relatives() {
        assert_eq!(
            p("The minister praised the pact, adding that talks would go on.", "adding"),
            Some(("The minister".into(), "talks would go on".into()))
        );
        assert_eq!(
            p("It was backed by Ann Lee, who has said that the vote is fair.", "said"),
            Some(("Ann Lee".into(), "the vote is fair".into()))
        );
    }
}
#[cfg(test)]
mod more_tests {
    use super::*;

    fn p(s: &str, cue: &str) -> Option<(String, String)> {
        let cs = s.find(cue)?;
        parse(s, cs, cs + cue.len(), cue).map(|(m, c)| (m.slice(s).to_string(), c.slice(s).to_string()))
    }

    fn ev(s: &str, cue: &str) -> Option<Option<String>> {
        let cs = s.find(cue)?;
        evidential(s, cs, cs + cue.len(), cue).map(|c| c.map(|c| c.slice(s).to_string()))
    }

    fn pair(m: &str, c: &str) -> Option<(String, String)> {
        Some((m.into(), c.into()))
    }

    #[test]
    fn evidential_clauses() {
        assert_eq!(
            ev("At the time, Ann Lee seemed to suggest the deal was dead.", "seemed"),
            Some(Some("Ann Lee seemed to suggest the deal was dead".into()))
        );
        assert_eq!(
            ev("Polls closed, but Bob Day is expected to win the seat easily.", "expected"),
            Some(Some("Bob Day is expected to win the seat easily".into()))
        );
        assert_eq!(ev("Ann Lee appeared on television with Bob Day.", "appeared"), Some(None));
        assert_eq!(ev("Ann Lee expected a large crowd.", "expected"), None);
        assert_eq!(ev("Ann Lee said so.", "said"), None);
    }

    #[test]
    fn infinitive_contents() {
        assert_eq!(p("Ann Lee wants to build a new dam.", "wants"), pair("Ann Lee", "to build a new dam"));
        assert_eq!(
            p("The mayor vowed to fight the plan in court.", "vowed"),
            pair("The mayor", "to fight the plan in court")
        );
    }

    #[test]
    fn subjects() {
        assert_eq!(
            p("Ann Lee praised the plan and said the dam will hold.", "said"),
            pair("Ann Lee", "the dam will hold")
        );
        assert_eq!(
            p("Among voters, 74 percent said they would vote again.", "said"),
            pair("74 percent", "they would vote again")
        );
        assert_eq!(
            p("Several supporters of reform said the system is unfair.", "said"),
            pair("Several supporters of reform", "the system is unfair")
        );
    }

    #[test]
    fn preposition_cues_and_clause_ends() {
        assert_eq!(
            p("The union called for a new round of talks on Monday.", "called for"),
            pair("The union", "a new round of talks")
        );
        assert_eq!(
            p("Ann Lee said the vote was fair, although others disagreed.", "said"),
            pair("Ann Lee", "the vote was fair")
        );
    }

    #[test]
    fn parentheticals_conjoined_cues_and_late_that() {
        assert_eq!(
            p("The judge -- who has clashed with the mayor -- said the ruling stands.", "said"),
            pair("The judge", "the ruling stands")
        );
        assert_eq!(
            p("Ann Lee said the vote was fair and said the count would go on.", "said"),
            pair("Ann Lee", "the vote was fair")
        );
        assert_eq!(
            p("Ann Lee said in an interview with the paper last week that the vote was fair.", "said"),
            pair("Ann Lee", "the vote was fair")
        );
        let s = "A spokesman for the city defended the route and said the police were ready.";
        let prior = Some(Span::new(0, 24));
        let cs = s.find("said").unwrap();
        let got = parse_after(s, cs, cs + 4, "said", prior).map(|(m, c)| (m.slice(s), c.slice(s)));
        assert_eq!(got, Some(("A spokesman for the city", "the police were ready")));
    }

    #[test]
    fn according_to_in_the_middle() {
        assert_eq!(
            p("The dam will hold for years, according to water board engineers.", "according to"),
            pair("water board engineers", "The dam will hold for years")
        );
        assert_eq!(
            p("But, according to the ministry, the dam will hold for years.", "according to"),
            pair("the ministry", "the dam will hold for years")
        );
        assert_eq!(
            p("The new dam, according to the ministry, will hold for years.", "according to"),
            pair("the ministry", "The new dam, according to the ministry, will hold for years")
        );
    }

    #[test]
    fn attribution_inside_the_sentence() {
        assert_eq!(
            p("The new dam, Ann Lee said, will hold for many years.", "said"),
            pair("Ann Lee", "The new dam, Ann Lee said, will hold for many years")
        );
        assert_eq!(
            p("The new dam will hold for years, Ann Lee said, adding that it cost little.", "said"),
            pair("Ann Lee", "The new dam will hold for years")
        );
    }

    #[test]
    fn questions_without_an_asker() {
        let q = super::apostrophe_tests::run("When asked whether he would run again, Ann Lee said he had not decided.");
        assert!(q.iter().any(|x| x.1 == "whether he would run again" && x.2.is_none()), "{q:?}");
        assert!(q.iter().any(|x| x.1 == "he had not decided" && x.2.as_deref() == Some("Ann Lee")), "{q:?}");
    }

    #[test]
    fn asked_with_a_subject_reports_once() {
        // The question test parses the cue; a cue with a subject of its own is reported from
        // that parse, as the plain parse reports it.
        let text = "The senator asked whether the dam would hold after the storm.";
        let q = super::apostrophe_tests::run(text);
        assert_eq!(q.len(), 1, "{q:?}");
        let plain = super::parse(text, 12, 17, "asked").map(|(m, c)| (m.slice(text), c.slice(text)));
        assert_eq!(plain, Some(("The senator", "whether the dam would hold after the storm")));
        assert_eq!((q[0].1.as_str(), q[0].2.as_deref()), (plain.map_or("", |p| p.1), plain.map(|p| p.0)));
    }

    #[test]
    fn subordinate_clauses_end_at_their_comma() {
        assert_eq!(
            p("While most voters said they liked the new plan, few would pay for it.", "said"),
            pair("most voters", "they liked the new plan")
        );
        assert_eq!(
            p("Most voters said they liked the new plan, few as they were.", "said"),
            pair("Most voters", "they liked the new plan, few as they were")
        );
        assert_eq!(
            p("Ann Lee said the fund pays for repairs, including the new dam.", "said"),
            pair("Ann Lee", "the fund pays for repairs, including the new dam")
        );
    }

    #[test]
    fn inverted_and_plural_trailing_attributions() {
        assert_eq!(
            p("The meeting went badly from the start, said one source in the room.", "said"),
            pair("one source", "The meeting went badly from the start")
        );
        assert_eq!(
            p("There is no link between turnout and results, political scientists say.", "say"),
            pair("political scientists", "There is no link between turnout and results")
        );
    }
}

#[cfg(test)]
mod debug_tests {
    use super::*;
    #[test]
    fn trailing_told_with_long_appositive() {
        let s = "The United States is using political pressure to draw the Balkan states into NATO, Moscow is concerned about such attempts, Andrey Kelin, director of the Russian Foreign Ministry's Department of European Cooperation (DEC), told Sputnik.";
        let cs = s.find("told").unwrap();
        let r = parse(s, cs, cs + 4, "told").map(|(m, c)| (m.slice(s).to_string(), c.slice(s).to_string()));
        assert_eq!(r.map(|x| x.1), Some("The United States is using political pressure to draw the Balkan states into NATO, Moscow is concerned about such attempts".to_string()));
    }
}

#[cfg(test)]
mod apostrophe_tests {
    use super::*;

    /// Quotes of `text` (paragraphs split on blank lines): kind, text, mention.
    pub(super) fn run(text: &str) -> Vec<(QuoteKind, String, Option<String>)> {
        super::super::find(&super::super::tests::paragraphs(text), &[])
            .into_iter()
            .map(|q| (q.kind, q.span.slice(text).to_string(), q.speaker_mention.map(|m| m.slice(text).to_string())))
            .collect()
    }

    #[test]
    fn two_apostrophe_quotes_are_attributed() {
        let q = run("''We will win this state,'' Ann Lee said on Monday. ''Nobody thinks we can. We can.''");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, QuoteKind::Indirect);
        assert_eq!(q[0].1, "''We will win this state,'' Ann Lee said on Monday. ''Nobody thinks we can. We can.''");
        assert_eq!(q[0].2.as_deref(), Some("Ann Lee"));
        let q = run("The mayor said, ''The dam will hold for years.''");
        assert_eq!(q.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), ["''The dam will hold for years.''"]);
        assert_eq!(q[0].2.as_deref(), Some("The mayor"));
    }

    #[test]
    fn nested_reports() {
        // A verb of another kind inside what a speaker said is part of it ...
        let q = run("Ann Lee said the mayor wants a new dam for the town.");
        assert_eq!(q.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), ["the mayor wants a new dam for the town"]);
        // ... a speech verb after the content of another verb reports on its own.
        let q = run("The dam, planned to be built in 2019, Ann Lee said, will hold for many years to come.");
        assert!(q.iter().any(|x| x.2.as_deref() == Some("Ann Lee")), "{q:?}");
    }

    #[test]
    fn apostrophes_without_a_cue_or_in_words_are_no_quotes() {
        assert!(run("The film ''Dark Water'' opened in May.").is_empty());
        assert!(run("Rock 'n' roll isn't dead, the fans' club wrote.").iter().all(|q| !q.1.contains("''")));
        // Odd and unbalanced runs never panic.
        for s in ["''", "'''", "a'' ''b", "''''x''''", "x ''é''' y said.", "''\u{201c}a''\u{201d}"] {
            let _ = run(s);
        }
    }
}
