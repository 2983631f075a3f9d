//! Named entities: gazetteers compiled into the crate, rules for titles, organisation names,
//! possessives and hyphen compounds, and grouping of mentions within the article.
//!
//! Each sentence is split into word tokens; runs of capitalized words (joined by "of", "the",
//! "von", ...) are labelled by listed names (countries, cities, regions, demonyms,
//! organisations), by head words ("... Council", "Ministry of ..."), by titles ("Foreign
//! Minister ...") and given names (PERSON), and otherwise by shape. Mentions are then grouped:
//! a surname takes the full name found elsewhere in the article as its canonical name, a
//! demonym the country, an acronym its long form.

mod facts_memo;
mod gazetteer;
mod grouping;
mod key_hash;
mod known;
mod rules;
mod table;
mod table_layout;
mod tokens;
#[cfg(test)]
mod word_lists;

pub(crate) use gazetteer::GAZ;
pub(crate) use tokens::SentenceTokens;

use crate::{Context, Entity, EntityLabel};
use copydesk_normalize::Span;
use rules::Sent;

/// A mention during grouping.
#[derive(Debug, Clone)]
pub(crate) struct Mention<'t> {
    /// Where it is (bytes of normalized text); changed only with its text ([`Mention::set_span`]).
    pub span: Span,
    /// Its text (`span` of the article's text), sliced once: grouping reads it several times.
    text: &'t str,
    /// Label.
    pub label: EntityLabel,
    /// Canonical name.
    pub canonical: Option<String>,
    /// Rule strength (see [`rules::Found`]).
    pub strength: u8,
    /// Dropped unless grouping backs it.
    pub grouped_only: bool,
}

/// Counts of long words and of capitalized long words among tokens (for headline detection).
/// Branch-free (`&` of the flags, not `&&`): whether a token is long is as good as random, and
/// a branch on it was mispredicted often enough to make this loop a visible share of the time.
fn cap_counts(toks: &[tokens::Tok]) -> (usize, usize) {
    let mut words = 0;
    let mut caps = 0;
    for t in toks {
        words += usize::from(t.long);
        caps += usize::from(t.long & t.cap);
    }
    (words, caps)
}

/// Whether long words and capitalized long words counted by [`cap_counts`] make a headline:
/// at least four long words, at least 80 % of them capitalized.
fn is_title_case((words, caps): (usize, usize)) -> bool {
    words >= 4 && caps * 10 >= words * 8
}

/// Tokens counted between two looks at whether a segment can still be a headline.
const TITLE_CHUNK: usize = 16;

/// Whether the tokens of a segment make a headline ([`is_title_case`] of their [`cap_counts`]),
/// read only as far as needed: with `w` long words and `n` long words not capitalized so far,
/// and at most `rest` tokens to come, the segment can still be one only while `5 n <= w + rest`
/// (a headline needs `w' >= 5 n'` of the final counts, and `w' <= w + rest`, `n' >= n`).
/// Body paragraphs are settled after their first few dozen tokens.
/// Each chunk is counted by [`cap_counts`] (long words, capitalized long words: two adds a
/// token), the long words not capitalized being their difference.
fn segment_is_title_case(toks: &[tokens::Tok]) -> bool {
    let mut words = 0;
    let mut caps = 0;
    let mut rest = toks.len();
    for chunk in toks.chunks(TITLE_CHUNK) {
        let (w, c) = cap_counts(chunk);
        words += w;
        caps += c;
        rest -= chunk.len();
        // (`caps <= words`: a capitalized long word is a long word)
        if 5 * (words - caps) > words + rest {
            return false;
        }
    }
    is_title_case((words, caps))
}

/// For each segment, whether it is written as a headline ([`is_title_case`] of the counts of
/// all its sentences' tokens). Each run of sentences of one segment takes its tokens as one
/// slice ([`segment_is_title_case`]); when the runs' segments do not go up (so that a
/// segment's sentences might not come in one run), all counts are taken sentence by sentence.
/// (Runs whose segments go up are each a whole segment: no list of segments done is kept.)
fn title_case_segments(ctx: &Context, sent_toks: &tokens::SentenceTokens) -> Vec<bool> {
    if sent_toks.ranges.len() < ctx.sentences.len() {
        return title_case_by_sentence(ctx, sent_toks);
    }
    let mut out = vec![false; ctx.segments.len()];
    let mut k = 0;
    // the segment of the run before (None before the first)
    let mut last = None;
    while let Some(sent) = ctx.sentences.get(k) {
        let seg = sent.segment;
        if last.is_some_and(|l| seg <= l) {
            return title_case_by_sentence(ctx, sent_toks);
        }
        last = Some(seg);
        let mut e = k + 1;
        while ctx.sentences.get(e).is_some_and(|x| x.segment == seg) {
            e += 1;
        }
        if let Some(o) = out.get_mut(seg) {
            *o = segment_is_title_case(sent_toks.of_run(k, e));
        }
        k = e;
    }
    out
}

/// [`title_case_segments`] with every sentence's counts added to its segment's.
fn title_case_by_sentence(ctx: &Context, sent_toks: &tokens::SentenceTokens) -> Vec<bool> {
    let mut seg_counts = vec![(0usize, 0usize); ctx.segments.len()];
    for (k, sent) in ctx.sentences.iter().enumerate() {
        let (w, c) = cap_counts(sent_toks.of(k));
        if let Some(x) = seg_counts.get_mut(sent.segment) {
            x.0 += w;
            x.1 += c;
        }
    }
    seg_counts.into_iter().map(is_title_case).collect()
}

impl<'t> Mention<'t> {
    /// A mention of `span` of the article's `text` (its text "" when out of bounds or not on
    /// char boundaries).
    #[cfg(test)]
    fn new(text: &'t str, span: Span, label: EntityLabel, strength: u8) -> Self {
        let text = text.get(span.start..span.end).unwrap_or("");
        Mention { span, text, label, canonical: None, strength, grouped_only: false }
    }

    /// Its text.
    #[inline]
    pub(crate) fn text(&self) -> &'t str {
        self.text
    }

    /// Move it to `span` of the article's `text`.
    fn set_span(&mut self, text: &'t str, span: Span) {
        self.span = span;
        self.text = text.get(span.start..span.end).unwrap_or("");
    }

    /// Make it one place with the one ending at `end` ("Kigali, Rwanda"): a strong mention of
    /// its own, not grouped yet.
    fn join_through(&mut self, text: &'t str, end: usize) {
        self.set_span(text, Span::new(self.span.start, end));
        self.canonical = None;
        self.strength = 2;
        self.grouped_only = false;
    }
}

/// The text of `span` ("" when out of bounds or not on char boundaries): `Context::slice`,
/// whose `Span::slice` another crate compiles out of line, written here so that it is inlined.
#[inline]
pub(crate) fn text_of<'a>(ctx: &Context<'a>, span: Span) -> &'a str {
    ctx.text.get(span.start..span.end).unwrap_or("")
}

/// Whether a mention's text has a space (a byte loop: mentions are short, a memchr call
/// costs more).
pub(crate) fn has_space(t: &str) -> bool {
    t.bytes().any(|b| b == b' ')
}

/// "Kigali, Rwanda", "DAKAR, Senegal", "Iqaluit, Nunavut": a place that is neither a country
/// nor a region, a comma and a country or region make one place, unless the place ends a list
/// ("Ethiopia, Kigali, Rwanda") or the country or region goes on with one ("Lagos, Abuja,
/// Kano"). Mentions are in text order; one pass, in place: a mention is moved only after a
/// pair was made one (most articles have none: [`first_pair`] finds the first, or tells there
/// is none), and the lists are asked only about places.
fn place_with_country<'t>(k: &known::Known, text: &'t str, ms: &mut Vec<Mention<'t>>) {
    // The mentions before the first pair stay as they are.
    let Some(first) = first_pair(k, text, ms) else { return };
    // The first `w` mentions are settled; `r` is the next to read (`w <= r`).
    let mut w: usize = first;
    let mut r = first;
    while let Some(m) = ms.get(r) {
        let next = ms.get(r + 1);
        let prev = w.checked_sub(1).and_then(|p| ms.get(p));
        let joined = match next {
            Some(n) if m.label == EntityLabel::Loc && joins_country(k, text, m, n, prev) => Some(n.span.end),
            _ => None,
        };
        if let (Some(end), Some(m)) = (joined, ms.get_mut(r)) {
            m.join_through(text, end);
        }
        if w < r {
            // (`w < r < ms.len()`)
            ms.swap(w, r);
        }
        w += 1;
        r += if joined.is_some() { 2 } else { 1 };
    }
    ms.truncate(w);
}

/// The first mention that [`place_with_country`] pairs with the one after it: until a pair is
/// made, the mention kept before a mention is the one before it in the list. A pair is made
/// only of two places, so other mentions are passed over by their labels.
fn first_pair(k: &known::Known, text: &str, ms: &[Mention]) -> Option<usize> {
    let mut prev = None;
    for (r, pair) in ms.windows(2).enumerate() {
        if let [m, n] = pair {
            if m.label == EntityLabel::Loc && n.label == EntityLabel::Loc && joins_country(k, text, m, n, prev) {
                return Some(r);
            }
            prev = Some(m);
        }
    }
    None
}

/// Whether the mention `m` names a country, a region or a province (the place a place before it
/// may be paired with: "Kigali, Rwanda", "Sendai, Miyagi Prefecture").
fn is_area(k: &known::Known, m: &Mention) -> bool {
    let t = m.text();
    k.phrase(t).is_some_and(|e| e.country || e.region)
        || t.ends_with(" province")
        || t.ends_with(" Province")
        || t.ends_with(" Prefecture")
}

/// Whether the place `m` and the country or region `n` after it make one place (see
/// [`place_with_country`]); `prev` is the mention kept before `m`.
fn joins_country(k: &known::Known, text: &str, m: &Mention, n: &Mention, prev: Option<&Mention>) -> bool {
    let phrase = |m: &Mention| k.phrase(m.text());
    let is_area = |m: &Mention| is_area(k, m);
    let next_country = n.label == EntityLabel::Loc
        && text.get(m.span.end..n.span.start) == Some(", ")
        && is_area(n)
        && !phrase(m).is_some_and(|e| e.region)
        && (phrase(n).is_some_and(|e| e.country) || !list_goes_on(text, n.span.end));
    let in_list = prev.is_some_and(|p| {
        p.label == EntityLabel::Loc
            && matches!(text.get(p.span.end..m.span.start), Some(", " | " and " | ", and " | " or "))
    });
    next_country && !in_list && !phrase(m).is_some_and(|e| e.country)
}

/// Whether a list of names goes on after byte `end` (", Kano", " and Kano").
fn list_goes_on(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let next = rest.strip_prefix(", ").or_else(|| rest.strip_prefix(" and ")).or_else(|| rest.strip_prefix(", and "));
    next.is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase))
}

/// Lower-case compass words (each ends in "n ") that join a listed place after them.
const COMPASS: &[&str] = &[
    "northern ",
    "southern ",
    "eastern ",
    "western ",
    "northeastern ",
    "northwestern ",
    "southeastern ",
    "southwestern ",
    "north-eastern ",
    "north-western ",
    "south-eastern ",
    "south-western ",
    "sub-Saharan ",
];

/// Lower-case compass words before a listed place belong to it: "northern Rwanda",
/// "sub-Saharan Africa". The text before the mention is read first (a compass word ends in
/// "n ", so most mentions are settled by two bytes); the lists are asked only after one.
fn with_compass_word<'t>(k: &known::Known, text: &'t str, m: &mut Mention<'t>) {
    if m.label != EntityLabel::Loc {
        return;
    }
    let Some(before) = text.get(..m.span.start) else { return };
    if !before.ends_with("n ") {
        return;
    }
    let Some(rest) = COMPASS.iter().find_map(|c| before.strip_suffix(c)) else { return };
    if !k.phrase(m.text()).is_some_and(|e| e.label == EntityLabel::Loc) {
        return;
    }
    if !rest.chars().next_back().is_some_and(char::is_alphanumeric) {
        m.set_span(text, Span::new(rest.len(), m.span.end));
        m.canonical = None;
    }
}

/// Find entity mentions in the article's sentences, labelled, and grouped with each other and
/// with the given (short, long) pairs of acronyms defined in the text; `sent_toks` are the
/// tokens of the article's sentences ([`tokens::SentenceTokens`]).
pub(crate) fn find_with(
    ctx: &Context,
    sent_toks: &tokens::SentenceTokens,
    acronyms: &[(String, String)],
) -> Vec<Entity> {
    let g = &GAZ;
    // Sized for an article's usual share of names (about one token in ten is in a mention),
    // so that it seldom grows.
    let mut ms: Vec<Mention> = Vec::with_capacity(sent_toks.toks.len() / 8 + 16);
    let toks_of = |k: usize| sent_toks.of(k);
    // A segment written in title case or capitals (a headline): only listed names count there.
    let title_case = title_case_segments(ctx, sent_toks);
    let mut found = Vec::with_capacity(16);
    // What is known about each token's word (reset per sentence).
    // (sized once for the longest sentence: resizing it per sentence never reallocates)
    let longest = sent_toks.ranges.iter().map(|&(a, b)| b.saturating_sub(a)).max().unwrap_or(0);
    let mut facts: Vec<std::cell::Cell<u32>> = Vec::with_capacity(longest);
    // The facts of words are remembered across articles (this thread's tables).
    let memo = facts_memo::this_thread();
    for (k, sent) in ctx.sentences.iter().enumerate() {
        let toks = toks_of(k);
        let text = text_of(ctx, sent.span);
        let title_case = title_case.get(sent.segment).copied().unwrap_or(false);
        facts.clear();
        facts.resize(toks.len(), std::cell::Cell::new(0));
        let s = Sent { text, toks, title_case, g, facts: &facts, memo: &memo };
        rules::find_into(g, &s, &mut found);
        for f in &found {
            let (Some(a), Some(b)) = (toks.get(f.from), toks.get(f.to.saturating_sub(1))) else { continue };
            let (start, end) = match f.sub {
                Some((x, y)) => (a.start() + x, a.start() + y),
                None => (a.start(), b.end()),
            };
            // (the sentence's text is the article's text at the sentence's span)
            let Some(t) = text.get(start..end).filter(|t| !t.is_empty()) else { continue };
            let canonical = f.entry.and_then(|e| e.canonical).map(str::to_string);
            ms.push(Mention {
                span: Span::new(sent.span.start + start, sent.span.start + end),
                text: t,
                label: f.label,
                canonical,
                strength: f.strength,
                grouped_only: f.grouped_only,
            });
        }
    }
    // Whole mention texts are looked up in the lists through the memo.
    let known = known::Known { g, memo: &memo };
    place_with_country(&known, ctx.text, &mut ms);
    for m in &mut ms {
        with_compass_word(&known, ctx.text, m);
    }
    grouping::group(&known, &mut ms, acronyms);
    // A bare capitalized word that no full name, title, speech verb or name list backs is too
    // often an organisation, place or group to be called a person.
    ms.retain(|m| {
        !(m.label == EntityLabel::Person && m.strength == 0 && {
            let t = m.text();
            m.grouped_only || !has_space(t) && !known.surname(t)
        })
    });
    // A list of its own size: collecting in place would keep `ms`'s room for one mention in
    // eight tokens (about four times what an article has) for as long as the article lives.
    let mut entities = Vec::with_capacity(ms.len());
    entities.extend(ms.into_iter().map(|m| Entity { span: m.span, label: m.label, canonical: m.canonical }));
    entities
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokens::tests::context_of;

    /// What the headline test was: every token counted.
    fn full(toks: &[tokens::Tok]) -> bool {
        is_title_case(cap_counts(toks))
    }

    #[test]
    fn headline_segments() {
        for (t, want) in [
            ("Prime Minister Visits Flooded Northern Towns", true),
            ("The minister visited the flooded towns in the north on Monday, officials said.", false),
            ("BANK RATES RISE AGAIN", true),
            ("Big News Here", false),
        ] {
            assert_eq!(segment_is_title_case(&tokens::tokenize(t)), want, "{t}");
            assert_eq!(full(&tokens::tokenize(t)), want, "{t}");
        }
    }

    #[test]
    fn sentences_of_a_segment_apart_are_counted_together() {
        use crate::{Segment, Sentence};
        let text = "Alpha Bravo Charlie Delta. this sentence goes on. Echo Foxtrot Golf Hotel";
        let ctx0 = context_of(text, &[(27, 0), (50, 1)]);
        // sentences of segments 0, 1, 0: the first segment's sentences are not one run
        let segments = vec![
            Segment { span: Span::new(0, 50), kind: copydesk_parse::BlockKind::Paragraph },
            Segment { span: Span::new(50, text.len()), kind: copydesk_parse::BlockKind::Paragraph },
        ];
        let mut sentences: Vec<Sentence> = ctx0.sentences.clone();
        for (k, s) in sentences.iter_mut().enumerate() {
            s.segment = usize::from(k == 1);
        }
        let ctx = Context { text, segments: segments.clone(), sentences: sentences.clone(), published: None };
        let toks = tokens::SentenceTokens::plain(&ctx);
        assert_eq!(title_case_segments(&ctx, &toks), title_case_by_sentence(&ctx, &toks));
        assert_eq!(title_case_segments(&ctx, &toks), vec![true, false]);
        // runs whose segments go down, each segment's sentences in one run or not, and a
        // segment out of range
        for segs in [[1, 0, 0], [1, 1, 0], [0, 0, 1], [1, 0, 1], [2, 0, 1], [0, 2, 1], [5, 0, 0]] {
            let mut sentences = sentences.clone();
            for (s, &g) in sentences.iter_mut().zip(&segs) {
                s.segment = g;
            }
            let ctx = Context { text, segments: segments.clone(), sentences, published: None };
            let toks = tokens::SentenceTokens::plain(&ctx);
            assert_eq!(title_case_segments(&ctx, &toks), title_case_by_sentence(&ctx, &toks), "{segs:?}");
        }
    }

    /// What the pairing of places with their country was: every mention moved to a new list.
    fn place_with_country_ref<'t>(k: &known::Known, text: &'t str, ms: Vec<Mention<'t>>) -> Vec<Mention<'t>> {
        let mut out: Vec<Mention> = Vec::with_capacity(ms.len());
        let mut it = ms.into_iter().peekable();
        while let Some(mut m) = it.next() {
            let joins =
                it.peek().is_some_and(|n| m.label == EntityLabel::Loc && joins_country(k, text, &m, n, out.last()));
            if joins {
                if let Some(n) = it.next() {
                    m.join_through(text, n.span.end);
                }
            }
            out.push(m);
        }
        out
    }

    /// A text of names (index into a list of names, of separators after it, of labels; each
    /// taken modulo the list's length), and a mention of each name.
    fn places_text(names: &[(usize, usize, usize)]) -> (String, Vec<(Span, EntityLabel)>) {
        const NAMES: &[&str] = &[
            "Kigali",
            "Rwanda",
            "Lagos",
            "Abuja",
            "Kano",
            "Ethiopia",
            "Nunavut",
            "Iqaluit",
            "Guangdong Province",
            "CAIRO",
            "Xqzv",
            "\u{c9}mile",
        ];
        const SEPS: &[&str] = &[", ", " and ", ", and ", " or ", " ", ". ", ",  "];
        const LABELS: &[EntityLabel] = &[EntityLabel::Loc, EntityLabel::Loc, EntityLabel::Org, EntityLabel::Person];
        let mut text = String::new();
        let mut ms = Vec::new();
        for &(name, sep, label) in names {
            let start = text.len();
            text.push_str(NAMES[name % NAMES.len()]);
            ms.push((Span::new(start, text.len()), LABELS[label % LABELS.len()]));
            text.push_str(SEPS[sep % SEPS.len()]);
        }
        (text, ms)
    }

    /// Mentions of `spans` of `text` (with a canonical name, kept only if grouped).
    fn mentions<'t>(text: &'t str, spans: &[(Span, EntityLabel)]) -> Vec<Mention<'t>> {
        let mention = |&(span, label): &(Span, EntityLabel)| Mention {
            canonical: Some("c".into()),
            grouped_only: true,
            ..Mention::new(text, span, label, 1)
        };
        spans.iter().map(mention).collect()
    }

    /// What is compared of a mention.
    fn parts(ms: &[Mention]) -> Vec<(Span, EntityLabel, Option<String>, u8, bool)> {
        ms.iter().map(|m| (m.span, m.label, m.canonical.clone(), m.strength, m.grouped_only)).collect()
    }

    #[test]
    fn places_pair_with_their_country() {
        let memo = facts_memo::Memo::new();
        let k = known::Known { g: &GAZ, memo: &memo };
        // "Kigali, Rwanda and Xqzv, Rwanda, Lagos, Abuja, Kano": the first pair is made one.
        let (text, spans) =
            places_text(&[(0, 0, 0), (1, 1, 0), (10, 0, 0), (1, 0, 0), (2, 0, 0), (3, 0, 0), (4, 2, 0)]);
        let want = place_with_country_ref(&k, &text, mentions(&text, &spans));
        let mut got = mentions(&text, &spans);
        place_with_country(&k, &text, &mut got);
        assert_eq!(got.first().map(Mention::text), Some("Kigali, Rwanda"));
        assert_eq!(parts(&got), parts(&want));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Pairing places in place gives what pairing them into a new list gave.
        #[test]
        fn places_with_country_in_place(names in proptest::collection::vec((0usize..12, 0usize..7, 0usize..4), 0..12)) {
            let (text, spans) = places_text(&names);
            let memo = facts_memo::Memo::new();
            let k = known::Known { g: &GAZ, memo: &memo };
            let want = place_with_country_ref(&k, &text, mentions(&text, &spans));
            let mut got = mentions(&text, &spans);
            place_with_country(&k, &text, &mut got);
            proptest::prop_assert_eq!(parts(&got), parts(&want), "{}", text);
        }
    }

    /// What the compass rule was: the lists asked first, then each compass word in turn.
    fn with_compass_word_ref<'t>(k: &known::Known, text: &'t str, m: &mut Mention<'t>) {
        if m.label != EntityLabel::Loc || !k.phrase(m.text()).is_some_and(|e| e.label == EntityLabel::Loc) {
            return;
        }
        let Some(before) = text.get(..m.span.start) else { return };
        for c in COMPASS {
            if let Some(rest) = before.strip_suffix(c) {
                if !rest.chars().next_back().is_some_and(char::is_alphanumeric) {
                    m.set_span(text, Span::new(rest.len(), m.span.end));
                    m.canonical = None;
                }
                return;
            }
        }
    }

    #[test]
    fn compass_words_as_first_read() {
        assert!(COMPASS.iter().all(|c| c.ends_with("n ")));
        let memo = facts_memo::Memo::new();
        let k = known::Known { g: &GAZ, memo: &memo };
        let places = ["Rwanda", "Africa", "Kenya", "London", "Kigali", "Xqzv", "Ethiopia", "CAIRO", "UK"];
        let befores = [
            "",
            "n ",
            "northern ",
            "in northern ",
            "north-eastern ",
            "the sub-Saharan ",
            "xnorthern ",
            "2northern ",
            "eastern",
            "Northern ",
            "south-western ",
            "é northern ",
            "western  ",
        ];
        for before in befores {
            for place in places {
                for label in [EntityLabel::Loc, EntityLabel::Org] {
                    let text = format!("{before}{place} and more");
                    let span = Span::new(before.len(), before.len() + place.len());
                    let m = Mention { canonical: Some("x".into()), ..Mention::new(&text, span, label, 2) };
                    let (mut a, mut b) = (m.clone(), m);
                    with_compass_word(&k, &text, &mut a);
                    with_compass_word_ref(&k, &text, &mut b);
                    assert_eq!((a.span, a.text, a.canonical), (b.span, b.text, b.canonical), "{text}");
                }
            }
        }
        // Out of bounds or inside a char: no change.
        let text = "é northern Kenya";
        for (start, end) in [(1, text.len()), (40, 41)] {
            let m = Mention::new(text, Span { start, end }, EntityLabel::Loc, 2);
            let (mut a, mut b) = (m.clone(), m);
            with_compass_word(&k, text, &mut a);
            with_compass_word_ref(&k, text, &mut b);
            assert_eq!((a.span, a.text), (b.span, b.text));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Stopping early gives what counting every token gives.
        #[test]
        fn early_stop_agrees(
            text in "((Alpha|Bravo|charlie|delta|AB|of|the|X|Zulu-Tango|McKinley|\u{c9}mile|Ørsted|hotel's|1999)[ ,.]{1,2}){0,80}",
            cuts in proptest::collection::vec((0usize..1000, 0u8..8), 0..12),
        ) {
            let ctx = context_of(&text, &cuts);
            let toks = tokens::SentenceTokens::plain(&ctx);
            proptest::prop_assert_eq!(title_case_segments(&ctx, &toks), title_case_by_sentence(&ctx, &toks));
            let all = tokens::tokenize(&text);
            proptest::prop_assert_eq!(segment_is_title_case(&all), full(&all));
        }
    }
}
