//! Article bodies held in template scripts. Some publishing platforms ship the post's HTML inside
//! `<script type="text/template">` and render it with JavaScript; an extractor reading the page as
//! served sees an empty post. A template that holds finished prose (paragraph markup, no
//! placeholders) is put back in the page in place of its script element before extraction.

use once_cell::sync::Lazy;
use regex::Regex;

/// The opening tag of a script element whose type names an HTML template, matched at the
/// start of a tag (unbounded classes: a bounded repetition makes a large automaton to build).
static TEMPLATE_OPEN: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"(?i)^<script\b[^>]*?\btype\s*=\s*["']?text/(?:template|html|x-template)\b[^>]*>"#)
        .expect("valid regex")
});

/// The closing tag of a script element.
static SCRIPT_CLOSE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)</script\s*>").expect("valid regex"));

/// The opening and closing tags of a `<noscript>` element.
static NOSCRIPT_OPEN: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)^\s*<noscript\b[^>]*>").expect("valid regex"));
static NOSCRIPT_CLOSE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)</noscript\s*>").expect("valid regex"));

/// Where script tags open: `<script` in lower or upper case (mixed case is left alone), in page
/// order.
fn script_starts(html: &[u8]) -> Vec<usize> {
    let mut at: Vec<usize> = memchr::memmem::find_iter(html, b"<script").collect();
    at.extend(memchr::memmem::find_iter(html, b"<SCRIPT"));
    at.sort_unstable();
    at
}

/// Placeholders of template languages: a template holding these is a pattern, not content.
const PLACEHOLDERS: &[&str] = &["{{", "<%", "${", "{%"];

/// Characters of text (outside tags) a template needs to count as content.
const MIN_TEXT: usize = 200;

/// True when a template's source is finished article HTML: paragraphs, enough text, no
/// placeholders.
fn holds_content(src: &str) -> bool {
    if PLACEHOLDERS.iter().any(|p| src.contains(p)) {
        return false;
    }
    let lower_p = src
        .match_indices("<p")
        .chain(src.match_indices("<P"))
        .any(|(i, _)| src.as_bytes().get(i + 2).is_some_and(|b| *b == b'>' || b.is_ascii_whitespace()));
    lower_p && text_chars(src) >= MIN_TEXT
}

/// Characters outside tags (a rough count: `<` opens a tag, `>` closes it).
fn text_chars(src: &str) -> usize {
    let mut in_tag = false;
    let mut n = 0;
    for c in src.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag && !c.is_whitespace() => n += 1,
            _ => {}
        }
    }
    n
}

/// The page with its content-holding template scripts replaced by their HTML, or `None` when it
/// has none (the usual case; the page is then used as it is). Linear in the page.
pub fn unwrap_templates(html: &str) -> Option<String> {
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut pos = 0;
    for start in script_starts(html.as_bytes()) {
        if start < pos {
            continue;
        }
        // The tag alone (bounded): `<script` is ASCII, so `start` is a char boundary.
        let Some(open) = TEMPLATE_OPEN.find(&html[start..]) else { continue };
        let open_end = start + open.end();
        let Some(close) = SCRIPT_CLOSE.find_at(html, open_end) else { break };
        let src = &html[open_end..close.start()];
        if holds_content(src) {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..start]);
            o.push_str(src);
            copied = close.end();
            // A `<noscript>` right after the template is its fallback copy of the same content.
            if let Some(ns) = NOSCRIPT_OPEN.find(&html[close.end()..]) {
                if let Some(ns_close) = NOSCRIPT_CLOSE.find_at(html, close.end() + ns.end()) {
                    copied = ns_close.end();
                }
            }
        }
        pos = copied.max(close.end());
    }
    let mut o = out?;
    o.push_str(&html[copied..]);
    Some(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROSE: &str = "The council met on Monday evening and agreed, after a long debate, to fund the \
        repairs from next year's budget. Residents had asked for the work for a decade and welcomed the vote \
        with applause from the public gallery, where dozens of people had waited since the afternoon for the \
        item to come up.";

    #[test]
    fn content_template_is_unwrapped() {
        let page = format!(
            "<div class='post'><script type='text/template'><p>{PROSE}</p><p>More.</p></script></div><p>after</p>"
        );
        let out = unwrap_templates(&page).expect("unwrapped");
        assert_eq!(out, format!("<div class='post'><p>{PROSE}</p><p>More.</p></div><p>after</p>"));
        // Its `<noscript>` copy goes.
        let page = format!(
            "<script type='text/template'><p>{PROSE}</p></script>\n<noscript><p>{PROSE}</p></noscript><p>x</p>"
        );
        assert_eq!(unwrap_templates(&page).expect("unwrapped"), format!("<p>{PROSE}</p><p>x</p>"));
    }

    #[test]
    fn patterns_and_scripts_are_left() {
        let pattern = format!("<script type=\"text/template\"><p>{{{{title}}}} {PROSE}</p></script>");
        assert!(unwrap_templates(&pattern).is_none());
        let js = format!("<script type=\"text/javascript\">var s = '<p>{PROSE}</p>';</script>");
        assert!(unwrap_templates(&js).is_none());
        let short = "<script type=\"text/template\"><p>Sponsored</p></script>";
        assert!(unwrap_templates(short).is_none());
        assert!(unwrap_templates("<script type='text/template'><p>unclosed").is_none());
    }
}
