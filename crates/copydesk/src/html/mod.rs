//! HTML input: the page's main content is extracted with `rs-trafilatura`, its metadata (title,
//! authors, date, captions, related links) is read from meta tags, JSON-LD and visible elements,
//! and copydesk's own stages then run on the extracted text, which the [`Article`] carries.
//!
//! The extracted text is laid out as the text pipeline expects scraped articles: the headline as
//! the first line, then a byline line when the page names its authors, then the body paragraphs,
//! then figure captions and related-article links, all separated by blank lines. Spans point
//! into that text ([`Article::text`]).

mod cleanup;
mod content;
mod dates;
mod decode;
mod meta;
mod names;
mod select;
mod templates;

pub use decode::decode_html_bytes;

use crate::{process_with, Article, ArticleByline, Options};
use copydesk_normalize::{normalize, Span};
use copydesk_parse::{Block, BlockKind};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What the HTML page was and how sure the extraction is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PageInfo {
    /// Page type from the extractor's classifier ("article", "forum", "product", "collection",
    /// "listing", "documentation", "service"), when known.
    pub page_type: Option<String>,
    /// True when the page looks like a single article (classifier or the page's own declaration).
    pub is_article: bool,
    /// Extraction confidence, 0.0 to 1.0 (the extractor's quality estimate; low on listings,
    /// near-empty or failed extractions).
    pub extraction_confidence: f64,
    /// The page's URL, when given.
    pub url: Option<String>,
    /// The site's name, when the page gives it.
    pub site_name: Option<String>,
}

/// Process one HTML page. `url` (optional) helps the extractor and date detection; the caller's
/// publication date goes in `options.published` and wins over the page's. Total: any input gives
/// an [`Article`], never a panic.
pub fn process_html(html: &str, url: Option<&str>, options: &Options) -> Article {
    let truncated = html.len() > options.max_bytes;
    let html = truncate_at_char(html, options.max_bytes);
    let extracted = extract(html, url);
    let mut article = build_article(extracted, options);
    article.truncated |= truncated;
    article
}

/// Process HTML bytes whose encoding is unknown: decoded by byte-order mark, the page's charset
/// declaration (checked against the bytes) or Windows-1252 as a last resort, then
/// [`process_html`].
pub fn process_html_bytes(bytes: &[u8], url: Option<&str>, options: &Options) -> Article {
    let truncated = bytes.len() > options.max_bytes;
    let bytes = &bytes[..bytes.len().min(options.max_bytes)];
    let mut a = process_html(&decode_html_bytes(bytes), url, options);
    a.truncated |= truncated;
    a
}

fn truncate_at_char(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Everything read from the page before copydesk's own stages.
struct Extracted {
    paragraphs: Vec<content::Para>,
    meta: meta::PageMeta,
    tr_title: Option<String>,
    tr_author: Option<String>,
    tr_date: Option<String>,
    page: PageInfo,
    url: Option<String>,
}

/// Pages nested deeper than this are not given to the extractor (its time grows much faster than
/// the page there); their text is read block by block instead.
const MAX_EXTRACTOR_DEPTH: usize = 256;

/// The deepest element nesting of a parsed page (iterative, linear in the page).
fn max_depth(doc: &dom_query::Document) -> usize {
    let mut stack = vec![(doc.root(), 0usize)];
    let mut deepest = 0;
    while let Some((node, d)) = stack.pop() {
        deepest = deepest.max(d);
        for c in node.children_it(false) {
            if c.is_element() {
                stack.push((c, d + 1));
            }
        }
    }
    deepest
}

fn extract(html: &str, url: Option<&str>) -> Extracted {
    let unwrapped = templates::unwrap_templates(html);
    let html = unwrapped.as_deref().unwrap_or(html);
    let doc = dom_query::Document::from(html);
    let meta = meta::read_page_meta(&doc);
    let too_deep = max_depth(&doc) > MAX_EXTRACTOR_DEPTH;
    let fallback = too_deep.then(|| {
        let body = doc.try_select("body").map(|b| b.html().to_string()).unwrap_or_default();
        content::paragraphs_from_html(&body)
    });
    if let Some(paragraphs) = fallback {
        let page = PageInfo {
            page_type: None,
            is_article: false,
            extraction_confidence: 0.1,
            url: url.map(str::to_string),
            site_name: meta.site_name.clone(),
        };
        return Extracted {
            paragraphs,
            meta,
            tr_title: None,
            tr_author: None,
            tr_date: None,
            page,
            url: url.map(str::to_string),
        };
    }
    let declared_article = declares_article(&meta);
    // A page that declares itself an article (and whose URL does not say forum or docs) is read
    // as one: the extractor's page-type classifier (a quarter of its time) is not run.
    let page_type = (declared_article
        && rs_trafilatura::page_type::classify_url(url.unwrap_or("")) == rs_trafilatura::page_type::PageType::Article)
        .then_some(rs_trafilatura::page_type::PageType::Article);
    let topts = rs_trafilatura::Options {
        url: url.map(str::to_string),
        include_tables: true,
        include_comments: false,
        page_type,
        ..rs_trafilatura::Options::default()
    };
    // The extractor is a third-party crate: a panic inside it must not take the batch down.
    let result =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| rs_trafilatura::extract_with_options(html, &topts)));
    let (paragraphs, tr_title, tr_author, tr_date, page_type, confidence) = match result {
        Ok(Ok(r)) => {
            let paras = match r.content_html.as_deref() {
                Some(h) if !h.trim().is_empty() => {
                    let paras = content::paragraphs_from_html(h);
                    // The extractor sometimes settles on a small part of the article (a lead
                    // paragraph, a box beside it): the page's block of paragraphs is the better
                    // reading when it holds far more running text.
                    let need = 2 * prose_chars(&paras) + 500;
                    match densest_paragraphs(&doc, need) {
                        Some(d) if d.len() >= 3 && prose_chars(&d) > need => d,
                        _ => paras,
                    }
                }
                // Text without structure (the extractor's last resort): the page's block of
                // paragraphs is a better reading when there is one.
                _ => densest_paragraphs(&doc, 0)
                    .filter(|p| p.len() >= 3)
                    .unwrap_or_else(|| content::paragraphs_from_text(&r.content_text)),
            };
            (
                paras,
                r.metadata.title.clone(),
                r.metadata.author.clone(),
                r.metadata.date.map(|d| d.format("%Y-%m-%d").to_string()),
                r.metadata.page_type.clone(),
                r.extraction_quality,
            )
        }
        _ => (Vec::new(), None, None, None, None, 0.0),
    };
    // The extractor sometimes takes a commenter's name for the author: a name found in the
    // page's comment section is not trusted from the extractor alone.
    let tr_author = tr_author.filter(|a| !names_in_comments(&doc, a));
    let listing = looks_like_listing(&paragraphs);
    let is_article = !listing
        && match page_type.as_deref() {
            Some("article") => true,
            Some(_) => declared_article,
            None => declared_article || !paragraphs.is_empty(),
        };
    let mut confidence = if paragraphs.is_empty() { 0.0 } else { confidence.clamp(0.0, 1.0) };
    if listing {
        confidence = confidence.min(0.3);
    }
    let page = PageInfo {
        page_type,
        is_article,
        extraction_confidence: confidence,
        url: url.map(str::to_string),
        site_name: meta.site_name.clone(),
    };
    Extracted { paragraphs, meta, tr_title, tr_author, tr_date, page, url: url.map(str::to_string) }
}

/// True when the page declares itself an article (JSON-LD `@type` or `og:type`: "article",
/// "NewsArticle", "BlogPosting", ...).
fn declares_article(meta: &meta::PageMeta) -> bool {
    meta.declared_type.as_deref().is_some_and(|t| {
        let t = t.to_ascii_lowercase();
        t.contains("article") || t.contains("posting")
    })
}

/// True when one of the names in `author` appears in the page's comment section (elements whose
/// class or id names comments; the first 50 looked at).
fn names_in_comments(doc: &dom_query::Document, author: &str) -> bool {
    let names = names::split_names(author);
    if names.is_empty() {
        return false;
    }
    let Some(sel) = doc.try_select("[class*='comment'], [id*='comment']") else { return false };
    sel.nodes().iter().take(50).any(|n| {
        let t = n.text();
        names.iter().any(|name| t.contains(name.as_str()))
    })
}

/// True when the extracted content is mostly short, sentence-less items (a list of links or
/// teasers) rather than running text.
fn looks_like_listing(paras: &[content::Para]) -> bool {
    let items: Vec<&content::Para> = paras.iter().filter(|p| !p.heading && !p.caption).collect();
    if items.len() < 8 {
        return false;
    }
    let short = items
        .iter()
        .filter(|p| p.text.split_whitespace().count() <= 10 && !p.text.trim_end().ends_with(['.', '!', '?', '"', '”']))
        .count();
    short * 10 >= items.len() * 7
}

/// Characters of running text (not captions, not mostly links) in paragraphs.
fn prose_chars(paras: &[content::Para]) -> usize {
    paras.iter().filter(|p| !p.caption && p.link_share <= LINKY).map(|p| p.text.len()).sum()
}

/// The paragraphs of the element holding the most paragraph text, when the page has one. Every
/// `<p>` of 30 characters or more counts fully for its parent, half for its grandparent and a
/// third for the element above (the weights readability-style extractors use), so an article
/// split over several sibling containers is read whole, while a single container beats its own
/// ancestors. `None` too when the element's paragraphs cannot hold more than `need` characters
/// (they are then not read out).
fn densest_paragraphs(doc: &dom_query::Document, need: usize) -> Option<Vec<content::Para>> {
    // Per element: the weighted total, and the bytes of the counted paragraphs below it (with
    // slack, a bound of the prose its paragraphs can give).
    let mut totals: foldhash::HashMap<dom_query::NodeId, (usize, usize)> = foldhash::HashMap::default();
    for p in doc.try_select("p")?.nodes().iter().take(5000) {
        let text = p.text();
        let text = text.trim();
        let len = text.chars().count();
        if len < 30 {
            continue;
        }
        let mut node = p.parent();
        for weight in [6, 3, 2] {
            let Some(n) = node.filter(|n| n.is_element()) else { break };
            let e = totals.entry(n.id).or_default();
            e.0 += weight * len;
            e.1 += text.len();
            node = n.parent();
        }
    }
    let (best, (_, below)) = totals.into_iter().max_by_key(|(id, (t, _))| (*t, std::cmp::Reverse(*id)))?;
    // Text outside the counted paragraphs (short ones, lists, deeper nesting) can add to it:
    // allow for twice the counted length.
    if 2 * below + 200 <= need {
        return None;
    }
    let node = dom_query::NodeRef::new(best, &doc.tree);
    Some(content::paragraphs_from_html(&node.html()))
}

/// Which part of the built text a range is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Headline,
    Byline,
    Body,
    Subheading,
    Standfirst,
    Caption,
    Related,
    Furniture,
    Credit,
}

/// The extracted text with the parts it was built from.
struct Layout {
    text: String,
    parts: Vec<(Part, Range<usize>)>,
    /// Per part: true when most of its text was link text on the page.
    linky: Vec<bool>,
}

/// Link share above which a paragraph reads as a link to elsewhere rather than article text.
const LINKY: f32 = 0.5;

impl Layout {
    fn push(&mut self, part: Part, s: &str) {
        self.push_para(part, s, 0.0);
    }

    fn push_para(&mut self, part: Part, s: &str, link_share: f32) {
        if s.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(s);
        self.parts.push((part, start..self.text.len()));
        self.linky.push(link_share > LINKY);
    }

    /// The part a span lies in, and whether that part is mostly link text. Parts are laid out
    /// in order, so this is a binary search.
    fn part_of(&self, span: Span) -> Option<(Part, bool)> {
        let i = self.parts.partition_point(|(_, r)| r.end < span.end);
        let (p, r) = self.parts.get(i)?;
        (r.start <= span.start && span.end <= r.end).then(|| (*p, self.linky.get(i).copied().unwrap_or(false)))
    }
}

fn build_article(ex: Extracted, options: &Options) -> Article {
    let first_heading = ex.paragraphs.iter().take(5).find(|p| p.heading).map(|p| p.text.as_str());
    let headline = select::headline(&ex.meta, ex.tr_title.as_deref(), first_heading);
    let paragraphs = select::drop_repeated_title(ex.paragraphs, headline.as_deref());
    let body_text: Vec<&str> = paragraphs.iter().filter(|p| !p.caption).map(|p| p.text.as_str()).collect();
    let authors = select::authors(&ex.meta, ex.tr_author.as_deref(), headline.as_deref());
    let date = select::date(&ex.meta, ex.tr_date.as_deref(), ex.url.as_deref());

    let mut layout = Layout { text: String::new(), parts: Vec::new(), linky: Vec::new() };
    if let Some(h) = &headline {
        layout.push(Part::Headline, h);
    }
    let byline_line = (!authors.is_empty()).then(|| format!("By {}", join_names(&authors)));
    let byline_in_body = select::byline_paragraph(&paragraphs, &authors);
    if let (Some(line), None) = (&byline_line, byline_in_body) {
        layout.push(Part::Byline, line);
    }
    let mut captions: Vec<String> = Vec::new();
    let roles = cleanup::roles(&paragraphs);
    for (i, (p, role)) in paragraphs.iter().zip(roles).enumerate() {
        let part = match role {
            _ if Some(i) == byline_in_body => Part::Byline,
            cleanup::Role::Caption => {
                captions.push(p.text.clone());
                continue;
            }
            // One byline part: later "By ..." lines are furniture.
            cleanup::Role::Byline if layout.parts.iter().any(|(p, _)| *p == Part::Byline) => Part::Furniture,
            cleanup::Role::Byline => Part::Byline,
            cleanup::Role::Body => Part::Body,
            cleanup::Role::Heading => Part::Subheading,
            cleanup::Role::Standfirst => Part::Standfirst,
            cleanup::Role::Related => Part::Related,
            cleanup::Role::Furniture => Part::Furniture,
            cleanup::Role::Credit => Part::Credit,
        };
        layout.push_para(part, &p.text, p.link_share);
    }
    for c in &ex.meta.captions {
        if !captions.contains(c) && !body_text.contains(&c.as_str()) {
            captions.push(c.clone());
        }
    }
    for c in captions.iter().take(30) {
        layout.push(Part::Caption, c);
    }
    for r in ex.meta.related.iter().filter(|r| !body_text.contains(&r.as_str())) {
        layout.push(Part::Related, r);
    }

    let published = options.published.clone().or(date);
    let popts = Options { published: published.clone(), ..options.clone() };
    let popts = if popts.validate().is_ok() { popts } else { options.clone() };
    let mut a = process_with(&layout.text, &popts);
    relabel(&mut a, &layout);
    a.headline = headline.or(a.headline.take());
    a.headline_span = layout.parts.iter().find(|(p, _)| *p == Part::Headline).map(|(_, r)| Span::new(r.start, r.end));
    a.headline_attribution = None;
    if let Some((_, r)) = layout.parts.iter().find(|(p, _)| *p == Part::Byline) {
        let parsed = a.byline.as_ref().map(|b| b.authors.clone()).unwrap_or_default();
        let names = if !authors.is_empty() {
            authors.clone()
        } else {
            // Names read from the byline line alone: one-word names ("By Todd", "By Admin")
            // are left out, as in select::authors.
            let read = if parsed.is_empty() { names::split_names(&layout.text[r.clone()]) } else { parsed };
            read.into_iter().filter(|n| n.split_whitespace().count() > 1 && names::is_plausible_name(n)).collect()
        };
        a.byline = Some(ArticleByline { span: Span::new(r.start, r.end), authors: names });
    } else if let Some(b) = a.byline.as_mut() {
        // A byline the parser found in the text alone: the same checks as above.
        b.authors.retain(|n| n.split_whitespace().count() > 1 && names::is_plausible_name(n));
        if b.authors.is_empty() {
            a.byline = None;
        }
    }
    if a.published.is_none() {
        a.published = published;
    }
    a.body = body_of(&a, options);
    a.page = Some(ex.page);
    a
}

fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

/// The parser's boilerplate rules that judge a line by the layout of flat scraped text: outside
/// its best run of article text, repeated on the page, a run of short lines, a line of symbols or
/// numbers. In HTML input the page's structure has already placed a body paragraph in the
/// article (code listings, ingredient lists and repeated answers are article text there); the
/// rules that read the line's own words (subscribe prompts, time stamps, "Comments") still apply.
const LAYOUT_RULES: &[&str] =
    &["outside_main", "repeated_line", "duplicate_text", "short_run_in_main", "furniture_shape"];

/// Give the blocks of the parts copydesk laid out itself their known kinds; the parser's kinds
/// stand inside body parts.
fn relabel(a: &mut Article, layout: &Layout) {
    for b in &mut a.blocks {
        let (part, linky) = match layout.part_of(b.span) {
            Some((p, l)) => (Some(p), l),
            None => (None, false),
        };
        let kind = match part {
            // The page's structure already placed this paragraph in the article: the parser's
            // layout rules (made for flat scraped text) do not drop it, unless it is mostly
            // links to elsewhere.
            Some(Part::Body)
                if b.kind == BlockKind::Boilerplate && LAYOUT_RULES.contains(&b.rule.as_ref()) && !linky =>
            {
                Some(BlockKind::Paragraph)
            }
            Some(Part::Headline) => Some(BlockKind::Headline),
            Some(Part::Byline) => Some(BlockKind::Byline),
            Some(Part::Caption) => Some(BlockKind::Caption),
            Some(Part::Related) => Some(BlockKind::Related),
            Some(Part::Standfirst) => Some(BlockKind::Standfirst),
            Some(Part::Furniture) => Some(BlockKind::Boilerplate),
            Some(Part::Credit) => Some(BlockKind::Credit),
            Some(Part::Subheading) if b.kind == BlockKind::Paragraph => Some(BlockKind::Subheading),
            // A body paragraph is never the page's headline: the headline was laid out above.
            Some(Part::Body | Part::Subheading) if b.kind == BlockKind::Headline => Some(BlockKind::Paragraph),
            _ => None,
        };
        if let Some(k) = kind {
            if k != b.kind {
                *b = Block { kind: k, span: b.span, rule: "html".into() };
            }
        }
    }
}

/// The normalized body: paragraphs and subheadings joined by blank lines.
fn body_of(a: &Article, options: &Options) -> String {
    a.blocks
        .iter()
        .filter(|b| b.kind.is_body())
        .map(|b| normalize(a.slice(b.span), &options.normalize).text)
        .filter(|t| !t.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}
