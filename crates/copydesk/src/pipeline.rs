//! normalize -> parse -> extract, and the mapping of every span back to the raw input.

use crate::{Article, ArticleByline, ArticleDateline, Options};
use copydesk_extract::{extract, ExtractOptions};
use copydesk_normalize::{identity_span, normalize, NormalizedText, Span};
use copydesk_parse::{parse, BlockKind};

/// Process one article with default options.
pub fn process(text: &str) -> Article {
    process_with(text, &Options::default())
}

fn truncate_at_char(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Process one article. Total: any text gives an [`Article`], never a panic.
pub fn process_with(text: &str, options: &Options) -> Article {
    let truncated = text.len() > options.max_bytes;
    let text = truncate_at_char(text, options.max_bytes);
    let norm = normalize(text, &options.normalize);
    let mut doc = parse(&norm);
    let published = options.published.clone().or_else(|| doc.published.clone());
    let ex = extract(&norm, &doc, &ExtractOptions { published: published.clone() });
    // Most texts need no repair: their map is the identity, and a span maps without a search.
    let identity = norm.map.identity_len();
    let map = |s: Span| to_original(&norm, identity, s);

    // The body blocks of the normalized text joined by blank lines (it lives as long as the article).
    let body =
        crate::article::join_body(doc.blocks.iter().filter(|b| b.kind.is_body()).map(|b| b.span.slice(&norm.text)));
    // Headline and attribution are given as written (raw text), like every other item's text.
    let headline = doc.headline.as_ref().map(|h| map(h.span).slice(text).to_string());
    let headline_attribution =
        doc.headline.as_ref().and_then(|h| h.attribution).map(|a| map(a).slice(text).to_string());

    let mut article = Article {
        id: None,
        text: text.to_string(),
        headline,
        headline_span: doc.headline.as_ref().map(|h| map(h.span)),
        headline_attribution,
        dateline: doc.dateline.as_ref().map(|d| ArticleDateline {
            span: map(d.span),
            place: d.place.clone(),
            agency: d.agency.clone(),
            date: d.date.clone(),
        }),
        byline: doc.byline.as_ref().map(|b| ArticleByline { span: map(b.span), authors: b.authors.clone() }),
        published,
        language: doc.language.clone(),
        body,
        // Moved, not cloned: a page of a million short lines has a million blocks.
        blocks: std::mem::take(&mut doc.blocks),
        sentences: ex.sentences,
        quotes: ex.quotes,
        entities: ex.entities,
        acronyms: ex.acronyms,
        money: ex.money,
        dates: ex.dates,
        numbers: ex.numbers,
        truncated,
        error: None,
        page: None,
    };
    match identity {
        Some(n) => remap(&mut article, |s| identity_span(s, n)),
        None => remap(&mut article, |s| norm.to_original(s)),
    }
    article
}

/// [`NormalizedText::to_original`] of `span`, by [`identity_span`] when the map is the identity
/// on `identity` bytes.
#[inline]
fn to_original(norm: &NormalizedText, identity: Option<usize>, span: Span) -> Span {
    match identity {
        Some(n) => identity_span(span, n),
        None => norm.to_original(span),
    }
}

/// Map every span of the article from normalized-text bytes to raw-input bytes by `to_original`
/// (one loop per way of mapping: the identity's clamp is inlined in it).
fn remap(a: &mut Article, to_original: impl Fn(Span) -> Span) {
    let m = |s: &mut Span| *s = to_original(*s);
    a.blocks.iter_mut().for_each(|b| m(&mut b.span));
    a.sentences.iter_mut().for_each(|s| m(&mut s.span));
    for q in &mut a.quotes {
        m(&mut q.span);
        m(&mut q.content);
        if let Some(s) = q.speaker_mention.as_mut() {
            m(s)
        }
    }
    a.entities.iter_mut().for_each(|e| m(&mut e.span));
    for x in &mut a.acronyms {
        m(&mut x.span);
        if let Some(s) = x.short_span.as_mut() {
            m(s)
        }
    }
    a.money.iter_mut().for_each(|x| m(&mut x.span));
    a.dates.iter_mut().for_each(|x| m(&mut x.span));
    a.numbers.iter_mut().for_each(|x| m(&mut x.span));
    debug_assert!(a.blocks.iter().all(|b| b.kind != BlockKind::Headline || a.headline.is_some()));
}
