//! What the page says about itself: title candidates, authors and publication date from meta
//! tags, JSON-LD and visible bylines, plus captions (figcaption) and related links (asides).

use super::dates::parse_date;
use super::names::split_names;
use dom_query::{Document, Selection};
use serde_json::Value;

/// Page metadata gathered from one parsed page. Each field keeps its sources apart so the caller
/// can cross-check them.
#[derive(Debug, Default, Clone)]
pub struct PageMeta {
    /// `<title>` text.
    pub title_tag: Option<String>,
    /// og:title / twitter:title.
    pub og_title: Option<String>,
    /// JSON-LD headline of an article object.
    pub ld_headline: Option<String>,
    /// Visible `<h1>` texts (first few, in page order).
    pub h1: Vec<String>,
    /// og:site_name / JSON-LD publisher name.
    pub site_name: Option<String>,
    /// og:type / JSON-LD @type of the main object (lowercase).
    pub declared_type: Option<String>,
    /// Authors from JSON-LD (persons only).
    pub ld_authors: Vec<String>,
    /// Authors from meta tags.
    pub meta_authors: Vec<String>,
    /// Authors from visible byline elements.
    pub visible_authors: Vec<String>,
    /// Publication date from JSON-LD (YYYY-MM-DD).
    pub ld_date: Option<String>,
    /// Publication date from meta tags.
    pub meta_date: Option<String>,
    /// Publication date from a visible `<time>` element.
    pub time_date: Option<String>,
    /// Figure captions (figcaption) in page order.
    pub captions: Vec<String>,
    /// Link texts from asides that look like related-article headlines.
    pub related: Vec<String>,
}

/// Collapse whitespace runs to one space and trim; character references left in attribute
/// values and JSON-LD ("&#39;", "&amp;") are decoded.
pub fn clean_ws(s: &str) -> String {
    let s = if s.contains('&') { decode_entities(s) } else { s.to_string() };
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decode numeric character references and the common named ones (pages often escape twice).
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.char_indices().take(12).find(|(_, c)| *c == ';').map(|(j, _)| j);
        let decoded = end.and_then(|j| {
            let name = &rest[1..j];
            let c = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
            } else if let Some(num) = name.strip_prefix('#') {
                num.parse::<u32>().ok().and_then(char::from_u32)
            } else {
                match name {
                    "amp" => Some('&'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "nbsp" => Some(' '),
                    "rsquo" => Some('’'),
                    "lsquo" => Some('‘'),
                    "rdquo" => Some('”'),
                    "ldquo" => Some('“'),
                    "ndash" => Some('–'),
                    "mdash" => Some('—'),
                    "hellip" => Some('…'),
                    _ => None,
                }
            };
            c.map(|c| (c, j))
        });
        match decoded {
            Some((c, j)) => {
                out.push(c);
                rest = &rest[j + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn attr(sel: &Selection, name: &str) -> Option<String> {
    sel.attr(name).map(|v| clean_ws(&v)).filter(|v| !v.is_empty())
}

fn select<'a>(doc: &'a Document, css: &str) -> Vec<Selection<'a>> {
    doc.try_select(css).map(|s| s.iter().collect()).unwrap_or_default()
}

/// The page's `<meta>` tags, read in one pass: (attribute, its value, content) for each of the
/// name, property and itemprop attributes of a tag with content, in page order. Looking tags up
/// here instead of running one selector per candidate keeps the dozens of candidates to one walk
/// of the page.
/// The attribute and value of a selector of the form `meta[attr='value']`.
fn meta_selector(css: &str) -> Option<(&str, &str)> {
    css.strip_prefix("meta[").and_then(|s| s.strip_suffix("']")).and_then(|s| s.split_once("='"))
}

struct Metas(Vec<(&'static str, String, String)>);

impl Metas {
    fn read(doc: &Document) -> Metas {
        let mut tags = Vec::new();
        for m in select(doc, "meta") {
            let Some(content) = attr(&m, "content") else { continue };
            for a in ["name", "property", "itemprop"] {
                if let Some(v) = m.attr(a) {
                    tags.push((a, v.to_string(), content.clone()));
                }
            }
        }
        Metas(tags)
    }

    /// The contents of the tags a selector of the form `meta[attr='value']` names (value
    /// compared exactly, as the selector would).
    fn content(&self, css: &str) -> Vec<String> {
        let Some((a, v)) = meta_selector(css) else { return Vec::new() };
        self.0.iter().filter(|(x, y, _)| *x == a && y == v).map(|(_, _, c)| c.clone()).collect()
    }

    fn first(&self, selectors: &[&str]) -> Option<String> {
        selectors.iter().find_map(|css| self.content(css).into_iter().next())
    }
}

const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "blogposting",
    "liveblogposting",
    "scholarlyarticle",
    "techarticle",
    "report",
    "webpage",
    "socialmediaposting",
    "discussionforumposting",
    "review",
    "creativework",
];

fn types_of(v: &Value) -> Vec<String> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        Some(Value::Array(a)) => a.iter().filter_map(|t| t.as_str()).map(|t| t.to_ascii_lowercase()).collect(),
        _ => Vec::new(),
    }
}

/// All JSON objects of the page's JSON-LD blocks (flattening arrays and `@graph`), capped.
fn ld_objects(doc: &Document) -> Vec<Value> {
    let mut out = Vec::new();
    for s in select(doc, "script[type='application/ld+json']") {
        let text = s.text();
        let Ok(v) = serde_json::from_str::<Value>(text.trim()) else { continue };
        let mut stack = vec![v];
        while let Some(v) = stack.pop() {
            if out.len() >= 64 {
                return out;
            }
            match v {
                Value::Array(a) => stack.extend(a.into_iter().rev()),
                Value::Object(mut o) => {
                    if let Some(g) = o.remove("@graph") {
                        stack.push(g);
                    }
                    out.push(Value::Object(o));
                }
                _ => {}
            }
        }
    }
    out
}

fn ld_names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.extend(split_names(s)),
        Value::Array(a) => a.iter().take(20).for_each(|x| ld_names(x, out)),
        Value::Object(_) => {
            let t = types_of(v);
            if t.iter().any(|t| t == "organization" || t == "newsmediaorganization" || t == "corporation") {
                return;
            }
            if let Some(n) = v.get("name") {
                ld_names(n, out);
            }
        }
        _ => {}
    }
}

fn ld_string(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) => Some(clean_ws(s)).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| x.as_str()).map(clean_ws).filter(|s| !s.is_empty()),
        _ => None,
    }
}

fn read_json_ld(doc: &Document, m: &mut PageMeta) {
    let objects = ld_objects(doc);
    // The main object: the first article-like one, articles before generic web pages.
    let rank = |v: &Value| {
        let t = types_of(v);
        if t.iter().any(|t| t.contains("article") || t.contains("posting") || t == "report" || t == "review") {
            0
        } else if t.iter().any(|t| ARTICLE_TYPES.contains(&t.as_str())) {
            1
        } else {
            2
        }
    };
    let Some(main) = objects.iter().filter(|v| rank(v) < 2).min_by_key(|v| rank(v)) else { return };
    m.declared_type = types_of(main).into_iter().next();
    m.ld_headline = ld_string(main, "headline").or_else(|| ld_string(main, "name"));
    if let Some(a) = main.get("author").or_else(|| main.get("creator")) {
        ld_names(a, &mut m.ld_authors);
    }
    m.ld_date =
        ld_string(main, "datePublished").or_else(|| ld_string(main, "dateCreated")).and_then(|d| parse_date(&d));
    if let Some(p) = main.get("publisher") {
        m.site_name = ld_string(p, "name");
    }
}

const META_AUTHOR: &[&str] = &[
    "meta[name='author']",
    "meta[property='article:author']",
    "meta[name='article:author']",
    "meta[name='byl']",
    "meta[name='parsely-author']",
    "meta[name='sailthru.author']",
    "meta[name='dc.creator']",
    "meta[name='DC.creator']",
    "meta[name='citation_author']",
    "meta[property='author']",
];

const META_DATE: &[&str] = &[
    "meta[property='article:published_time']",
    "meta[name='article:published_time']",
    "meta[property='og:published_time']",
    "meta[name='pubdate']",
    "meta[name='publishdate']",
    "meta[name='publish-date']",
    "meta[name='parsely-pub-date']",
    "meta[name='sailthru.date']",
    "meta[name='dc.date']",
    "meta[name='DC.date']",
    "meta[name='dcterms.created']",
    "meta[name='DC.date.issued']",
    "meta[name='citation_publication_date']",
    "meta[name='date']",
    "meta[itemprop='datePublished']",
    "meta[property='article:modified_time']",
];

const VISIBLE_DATE: &[&str] = &[
    "[class*='publish']",
    "[class*='post-date']",
    "[class*='entry-date']",
    "[class*='article-date']",
    "[class*='date']",
    "[id*='date']",
    "[class*='time']",
];

const VISIBLE_BYLINE: &[&str] = &[
    "[rel='author']",
    "[itemprop='author'] [itemprop='name']",
    "[itemprop='author']",
    ".byline__name",
    ".byline-name",
    ".author-name",
    ".author__name",
    ".byline a",
    ".byline",
    "address.author",
    "[class*='byline'] a",
    "[data-testid*='byline'] a",
    "[class*='byline']",
    "a[href*='/author/']",
    "a[href*='/authors/']",
];

fn read_meta(doc: &Document, m: &mut PageMeta) {
    let metas = Metas::read(doc);
    m.title_tag = select(doc, "title").first().map(|t| clean_ws(&t.text())).filter(|t| !t.is_empty());
    m.og_title = metas.first(&["meta[property='og:title']", "meta[name='twitter:title']", "meta[name='og:title']"]);
    if m.site_name.is_none() {
        m.site_name = metas.first(&["meta[property='og:site_name']", "meta[name='application-name']"]);
    }
    if m.declared_type.is_none() {
        m.declared_type = metas.first(&["meta[property='og:type']"]).map(|t| t.to_ascii_lowercase());
    }
    for css in META_AUTHOR {
        for v in metas.content(css) {
            if v.contains("://") || v.starts_with('@') || v.starts_with("www.") {
                continue;
            }
            for n in split_names(&v) {
                if !m.meta_authors.contains(&n) {
                    m.meta_authors.push(n);
                }
            }
        }
        if !m.meta_authors.is_empty() {
            break;
        }
    }
    m.meta_date = META_DATE.iter().find_map(|css| metas.content(css).iter().find_map(|v| parse_date(v)));
    m.time_date = select(doc, "time[datetime]")
        .iter()
        .take(5)
        .find_map(|t| attr(t, "datetime").and_then(|d| parse_date(&d)))
        .or_else(|| {
            select(doc, "[itemprop='datePublished']")
                .iter()
                .take(3)
                .find_map(|t| attr(t, "datetime").or_else(|| attr(t, "content")).and_then(|d| parse_date(&d)))
        })
        .or_else(|| {
            // Elements whose class or id names a date ("post-date", "entry-date", "published").
            VISIBLE_DATE.iter().find_map(|css| {
                select(doc, css).iter().take(5).find_map(|t| {
                    let text = clean_ws(&t.text());
                    (text.chars().count() <= 80).then(|| parse_date(&text)).flatten()
                })
            })
        });
}

fn read_visible(doc: &Document, m: &mut PageMeta) {
    m.h1 = select(doc, "h1").iter().take(4).map(|h| clean_ws(&h.text())).filter(|t| !t.is_empty()).collect();
    for css in VISIBLE_BYLINE {
        let mut names = Vec::new();
        // One byline: the first matching element and those next to it (same parent or
        // grandparent), not other articles' bylines further down the page.
        let mut near = Vec::new();
        for el in select(doc, css).iter().take(6) {
            let Some(node) = el.nodes().first() else { continue };
            let up: Vec<_> = node.ancestors_it(Some(2)).map(|a| a.id).collect();
            if near.is_empty() {
                near = up;
            } else if !up.iter().any(|a| near.contains(a)) {
                continue;
            }
            let t = clean_ws(&el.text());
            if t.chars().count() > 120 {
                continue;
            }
            for n in split_names(&t) {
                if !names.contains(&n) {
                    names.push(n);
                }
            }
        }
        // One-word names ("Google", "admin") are often a hidden profile link: a later
        // selector that finds full names wins over them.
        if names.iter().any(|n| n.split_whitespace().count() > 1) {
            m.visible_authors = names;
            break;
        }
        if m.visible_authors.is_empty() {
            m.visible_authors = names;
        }
    }
    let scope = ["article figcaption", "main figcaption", "figcaption"];
    for css in scope {
        let caps: Vec<String> =
            select(doc, css).iter().take(30).map(|c| clean_ws(&c.text())).filter(|t| t.chars().count() >= 3).collect();
        if !caps.is_empty() {
            for c in caps {
                if !m.captions.contains(&c) {
                    m.captions.push(c);
                }
            }
            break;
        }
    }
    for a in select(doc, "aside a").iter().take(200) {
        let t = clean_ws(&a.text());
        let words = t.split_whitespace().count();
        if (4..=25).contains(&words) && !m.related.contains(&t) && m.related.len() < 20 {
            m.related.push(t);
        }
    }
}

/// Read everything the page says about itself.
pub fn read_page_meta(doc: &Document) -> PageMeta {
    let mut m = PageMeta::default();
    read_json_ld(doc, &mut m);
    read_meta(doc, &mut m);
    read_visible(doc, &mut m);
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head><title>Rain Returns to Valley | Daily Example</title>
<meta property="og:title" content="Rain Returns to Valley">
<meta property="og:site_name" content="Daily Example">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2021-04-09T08:00:00+00:00">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Rain Returns to Valley",
 "author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Organization","name":"Daily Example"}],"datePublished":"2021-04-09"}</script>
</head><body><article><h1>Rain Returns to Valley</h1><p class="byline">By <a rel="author" href="/jane">Jane Roe</a></p>
<figure><img src="a.jpg"><figcaption>Clouds over the hills on Friday.</figcaption></figure><p>Text.</p></article>
<aside><a href="/x">Farmers count the cost of a long dry summer</a><a href="/y">More</a></aside></body></html>"#;

    #[test]
    fn reads_all_sources() {
        let doc = Document::from(PAGE);
        let m = read_page_meta(&doc);
        assert_eq!(m.og_title.as_deref(), Some("Rain Returns to Valley"));
        assert_eq!(m.ld_headline.as_deref(), Some("Rain Returns to Valley"));
        assert_eq!(m.h1, vec!["Rain Returns to Valley"]);
        assert_eq!(m.ld_authors, vec!["Jane Roe"]);
        assert_eq!(m.meta_authors, vec!["Jane Roe"]);
        assert_eq!(m.visible_authors, vec!["Jane Roe"]);
        assert_eq!(m.ld_date.as_deref(), Some("2021-04-09"));
        assert_eq!(m.meta_date.as_deref(), Some("2021-04-09"));
        assert_eq!(m.site_name.as_deref(), Some("Daily Example"));
        assert_eq!(m.captions, vec!["Clouds over the hills on Friday."]);
        assert_eq!(m.related, vec!["Farmers count the cost of a long dry summer"]);
        assert_eq!(m.declared_type.as_deref(), Some("newsarticle"));
    }

    #[test]
    fn entities_in_attributes_are_decoded() {
        assert_eq!(
            clean_ws("Harry &amp; Meghan&#39;s  &#x201C;talk&#x201D; &bogus; & more"),
            "Harry & Meghan's “talk” &bogus; & more"
        );
        assert_eq!(clean_ws("&#99999999999;&"), "&#99999999999;&");
    }

    #[test]
    fn visible_byline_is_one_place() {
        let doc = Document::from(
            r#"<div><p class="byline"><a rel="author">Jane Roe</a> and <a rel="author">John Doe</a></p></div>
<section><ul><li><div><a rel="author">Ann Lee</a></div></li><li><div><a rel="author">Bo Chen</a></div></li></ul></section>"#,
        );
        assert_eq!(read_page_meta(&doc).visible_authors, vec!["Jane Roe", "John Doe"]);
    }

    #[test]
    fn visible_dates_by_class() {
        let doc = Document::from(r#"<div class="post-meta"><span class="entry-date">October 16, 2019</span></div>"#);
        assert_eq!(read_page_meta(&doc).time_date.as_deref(), Some("2019-10-16"));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let doc = Document::from(r#"<script type="application/ld+json">{"@type": "NewsArticle", </script><p>x</p>"#);
        let m = read_page_meta(&doc);
        assert!(m.ld_authors.is_empty() && m.ld_headline.is_none());
    }

    #[test]
    fn meta_selectors_are_lookups() {
        assert!(META_AUTHOR.iter().chain(META_DATE).all(|css| meta_selector(css).is_some()));
        let doc = Document::from(
            r#"<head><meta name="author" content=" Jane  Roe "><meta property="author" content="x"><meta name="AUTHOR" content="y"></head>"#,
        );
        let metas = Metas::read(&doc);
        assert_eq!(metas.content("meta[name='author']"), vec!["Jane Roe"]);
        assert_eq!(metas.first(&["meta[name='byl']", "meta[property='author']"]).as_deref(), Some("x"));
    }
}
