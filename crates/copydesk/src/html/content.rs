//! The extracted main content as clean paragraphs: block elements of the extractor's HTML
//! (or, without it, the lines of its text), one paragraph each, whitespace collapsed.

use dom_query::{Document, NodeRef};

/// One paragraph of extracted content and what kind of element it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    /// Text, whitespace collapsed.
    pub text: String,
    /// Came from a heading element (h1-h6).
    pub heading: bool,
    /// Came from a figcaption.
    pub caption: bool,
    /// Share of the text's characters that sit inside links (0.0 to 1.0): high for lists of
    /// links to other pages, low for the article's own text, tables and lists.
    pub link_share: f32,
}

impl Para {
    /// A paragraph of plain text (no heading, caption or link).
    pub fn plain(text: impl Into<String>) -> Para {
        Para { text: text.into(), heading: false, caption: false, link_share: 0.0 }
    }
}

const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "blockquote",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "figure",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "form",
    "address",
    "center",
    "details",
    "summary",
    "nav",
    "body",
    "html",
];
const SKIP: &[&str] = &["script", "style", "noscript", "template", "svg", "iframe", "button", "select", "head"];

/// Maximum nesting depth walked (deeper content is read as text of its ancestor).
const MAX_DEPTH: usize = 200;

struct Walker {
    out: Vec<Para>,
    buf: String,
    heading: bool,
    caption: bool,
    cell: bool,
    /// Nesting of `<a>` elements around the current node.
    in_link: usize,
    /// Characters of `buf` that came from inside links.
    link_chars: usize,
}

impl Walker {
    fn flush(&mut self) {
        let total = self.buf.chars().filter(|c| !c.is_whitespace()).count();
        let link_share = if total == 0 { 0.0 } else { (self.link_chars.min(total) as f32) / total as f32 };
        for text in split_lines(&self.buf) {
            self.out.push(Para { text, heading: self.heading, caption: self.caption, link_share });
        }
        self.buf.clear();
        self.link_chars = 0;
    }

    fn walk(&mut self, node: &NodeRef, depth: usize) {
        if node.is_text() {
            let t = node.text();
            if self.in_link > 0 {
                self.link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
            }
            self.buf.push_str(&t);
            return;
        }
        if !node.is_element() {
            for c in node.children_it(false) {
                self.walk(&c, depth + 1);
            }
            return;
        }
        let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        if SKIP.contains(&name.as_str()) {
            return;
        }
        if name == "br" {
            self.flush();
            return;
        }
        if name == "td" || name == "th" {
            // Cells of one row read as one line.
            if self.cell {
                self.buf.push(' ');
            }
            self.cell = true;
        }
        if depth > MAX_DEPTH {
            self.buf.push(' ');
            self.buf.push_str(&node.text());
            return;
        }
        let block = BLOCK.contains(&name.as_str());
        if !block {
            // The extractor keeps `<a>` but not its href (unless asked for links).
            let link = name == "a";
            self.in_link += usize::from(link);
            for c in node.children_it(false) {
                self.walk(&c, depth + 1);
            }
            self.in_link -= usize::from(link);
            return;
        }
        self.flush();
        let (h, cap) = (self.heading, self.caption);
        if name.len() == 2 && name.starts_with('h') && name.as_bytes()[1].is_ascii_digit() {
            self.heading = true;
        }
        if name == "figcaption" {
            self.caption = true;
        }
        if name == "tr" {
            self.cell = false;
        }
        for c in node.children_it(false) {
            self.walk(&c, depth + 1);
        }
        self.flush();
        self.heading = h;
        self.caption = cap;
    }
}

/// Split the text of one block into paragraphs, whitespace collapsed. Extractors sometimes
/// flatten a whole article into one element with the paragraphs on separate lines; a line break
/// is a paragraph break after a blank line, or after a line that ends a sentence or reads as a
/// title (no sentence inside it), and never inside a sentence wrapped in the page source.
fn split_lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut blank = false;
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank = true;
            continue;
        }
        let ends_sentence = cur.ends_with(['.', '!', '?', ':', '"', '”', '’', ')', '…', ']']);
        let starts_new = line.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'([".contains(c));
        if !cur.is_empty() && (blank || (ends_sentence && starts_new)) {
            out.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(&line);
        blank = false;
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Paragraphs of an HTML fragment, in document order.
pub fn paragraphs_from_html(html: &str) -> Vec<Para> {
    let doc = Document::fragment(html);
    let mut w = Walker {
        out: Vec::new(),
        buf: String::new(),
        heading: false,
        caption: false,
        cell: false,
        in_link: 0,
        link_chars: 0,
    };
    w.walk(&doc.root(), 0);
    w.flush();
    w.out
}

/// Paragraphs of plain extracted text: one per non-empty line.
pub fn paragraphs_from_text(text: &str) -> Vec<Para> {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .map(Para::plain)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &[Para]) -> Vec<&str> {
        p.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn blocks_become_paragraphs() {
        let p = paragraphs_from_html(
            "<div><h2>Section  one</h2><p>First <b>bold</b>\n para.</p><p>Second<br>line</p><ul><li>a item</li><li>b item</li></ul></div>",
        );
        assert_eq!(texts(&p), vec!["Section one", "First bold para.", "Second", "line", "a item", "b item"]);
        assert!(p[0].heading && !p[1].heading);
    }

    #[test]
    fn captions_tables_and_scripts() {
        let p = paragraphs_from_html(
            "<figure><img src=x><figcaption>A cat.</figcaption></figure><script>var x=1;</script><table><tr><td>a</td><td>b</td></tr></table>",
        );
        assert_eq!(texts(&p), vec!["A cat.", "a b"]);
        assert!(p[0].caption);
    }

    #[test]
    fn flattened_lines_split_at_sentence_ends() {
        let p = paragraphs_from_html(
            "<p>First sentence here.\nSecond paragraph starts.\nwrapped\nlines join\n\nAfter blank</p>",
        );
        assert_eq!(
            texts(&p),
            vec!["First sentence here.", "Second paragraph starts. wrapped lines join", "After blank"]
        );
    }

    #[test]
    fn unclosed_tags_and_text_lines() {
        let p = paragraphs_from_html("<p>one<p>two<div>three");
        assert_eq!(texts(&p), vec!["one", "two", "three"]);
        assert_eq!(texts(&paragraphs_from_text("a  b\n\n c\n")), vec!["a b", "c"]);
    }
}
