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
pub(crate) struct Mention {
    /// Where it is (bytes of normalized text).
    pub span: Span,
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

impl Mention {
    /// Its text in `text` ("" when out of bounds or not on char boundaries): `Span::slice`,
    /// which another crate compiles out of line, written here so that it is inlined.
    #[inline]
    pub(crate) fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.span.start..self.span.end).unwrap_or("")
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
/// Kano"). Mentions are in text order; one pass.
fn place_with_country(k: &known::Known, text: &str, ms: Vec<Mention>) -> Vec<Mention> {
    let is_country = |m: &Mention| k.phrase(m.text(text)).is_some_and(|e| e.country);
    let is_area = |m: &Mention| {
        let t = m.text(text);
        k.phrase(t).is_some_and(|e| e.country || e.region)
            || t.ends_with(" province")
            || t.ends_with(" Province")
            || t.ends_with(" Prefecture")
    };
    let is_region = |m: &Mention| k.phrase(m.text(text)).is_some_and(|e| e.region);
    let mut out: Vec<Mention> = Vec::with_capacity(ms.len());
    let mut it = ms.into_iter().peekable();
    while let Some(mut m) = it.next() {
        let next_country = it.peek().is_some_and(|n| {
            n.label == EntityLabel::Loc
                && text.get(m.span.end..n.span.start) == Some(", ")
                && is_area(n)
                && !is_region(&m)
                && (is_country(n) || !list_goes_on(text, n.span.end))
        });
        let in_list = out.last().is_some_and(|p| {
            p.label == EntityLabel::Loc
                && matches!(text.get(p.span.end..m.span.start), Some(", " | " and " | ", and " | " or "))
        });
        if m.label == EntityLabel::Loc && next_country && !in_list && !is_country(&m) {
            if let Some(n) = it.next() {
                m.span = Span::new(m.span.start, n.span.end);
                m.canonical = None;
                m.strength = 2;
                m.grouped_only = false;
            }
        }
        out.push(m);
    }
    out
}

/// Whether a list of names goes on after byte `end` (", Kano", " and Kano").
fn list_goes_on(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let next = rest.strip_prefix(", ").or_else(|| rest.strip_prefix(" and ")).or_else(|| rest.strip_prefix(", and "));
    next.is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase))
}

/// Lower-case compass words before a listed place belong to it: "northern Rwanda",
/// "sub-Saharan Africa".
fn with_compass_word(k: &known::Known, text: &str, m: &mut Mention) {
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
    if m.label != EntityLabel::Loc || !k.phrase(m.text(text)).is_some_and(|e| e.label == EntityLabel::Loc) {
        return;
    }
    let Some(before) = text.get(..m.span.start) else { return };
    for c in COMPASS {
        if let Some(rest) = before.strip_suffix(c) {
            if !rest.chars().next_back().is_some_and(char::is_alphanumeric) {
                m.span = Span::new(rest.len(), m.span.end);
                m.canonical = None;
            }
            return;
        }
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
    let mut ms: Vec<Mention> = Vec::new();
    let toks_of = |k: usize| sent_toks.of(k);
    // A segment written in title case or capitals (a headline): only listed names count there.
    let mut seg_counts = vec![(0usize, 0usize); ctx.segments.len()];
    for (k, sent) in ctx.sentences.iter().enumerate() {
        let (w, c) = cap_counts(toks_of(k));
        if let Some(x) = seg_counts.get_mut(sent.segment) {
            x.0 += w;
            x.1 += c;
        }
    }
    let mut found = Vec::with_capacity(16);
    // What is known about each token's word (reset per sentence).
    let mut facts: Vec<std::cell::Cell<u32>> = Vec::new();
    // The facts of words are remembered across articles (this thread's tables).
    let memo = facts_memo::this_thread();
    for (k, sent) in ctx.sentences.iter().enumerate() {
        let toks = toks_of(k);
        let text = text_of(ctx, sent.span);
        let (w, c) = seg_counts.get(sent.segment).copied().unwrap_or((0, 0));
        facts.clear();
        facts.resize(toks.len(), std::cell::Cell::new(0));
        let s = Sent { text, toks, title_case: w >= 4 && c * 10 >= w * 8, g, facts: &facts, memo: &memo };
        rules::find_into(g, &s, &mut found);
        for f in &found {
            let (Some(a), Some(b)) = (toks.get(f.from), toks.get(f.to.saturating_sub(1))) else { continue };
            let (start, end) = match f.sub {
                Some((x, y)) => (a.start() + x, a.start() + y),
                None => (a.start(), b.end()),
            };
            if start >= end || end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                continue;
            }
            let canonical = f.entry.and_then(|e| e.canonical).map(str::to_string);
            ms.push(Mention {
                span: Span::new(sent.span.start + start, sent.span.start + end),
                label: f.label,
                canonical,
                strength: f.strength,
                grouped_only: f.grouped_only,
            });
        }
    }
    // Whole mention texts are looked up in the lists through the memo.
    let known = known::Known { g, memo: &memo };
    let mut ms = place_with_country(&known, ctx.text, ms);
    for m in &mut ms {
        with_compass_word(&known, ctx.text, m);
    }
    grouping::group(&known, ctx.text, &mut ms, acronyms);
    // A bare capitalized word that no full name, title, speech verb or name list backs is too
    // often an organisation, place or group to be called a person.
    ms.into_iter()
        .filter(|m| {
            !(m.label == EntityLabel::Person && m.strength == 0 && {
                let t = m.text(ctx.text);
                m.grouped_only || !has_space(t) && !known.surname(t)
            })
        })
        .map(|m| Entity { span: m.span, label: m.label, canonical: m.canonical })
        .collect()
}
