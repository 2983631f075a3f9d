//! Splitting text into lines and deciding each line's kind.

use crate::{dateline, Block, BlockKind, Document, Headline};
use copydesk_normalize::Span;

fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if t.is_empty() {
        None
    } else {
        Some(Span::new(start + lead, start + lead + t.len()))
    }
}

fn is_boilerplate(line: &str) -> bool {
    let l = line.to_ascii_lowercase();
    matches!(l.as_str(), "subscribe" | "share" | "advertisement" | "comments" | "print" | "email")
}

/// Line-based parse: the first line is the headline, "READ MORE:" lines are related links,
/// short lines without final punctuation are subheadings, the rest are paragraphs.
pub(crate) fn parse_text(text: &str) -> Document {
    let mut doc = Document { language: Some("en".into()), ..Document::default() };
    let mut pos = 0;
    for line in text.split('\n') {
        let start = pos;
        let end = pos + line.len();
        pos = end + 1;
        let Some(span) = trimmed(text, start, end) else { continue };
        let s = span.slice(text);
        let (kind, rule) = if doc.headline.is_none() {
            doc.headline = Some(Headline { span, attribution: None });
            (BlockKind::Headline, "first_line")
        } else if s.starts_with("READ MORE:") || s.starts_with("Read more:") || s.starts_with("Related:") {
            (BlockKind::Related, "related_prefix")
        } else if is_boilerplate(s) {
            (BlockKind::Boilerplate, "boilerplate_word")
        } else if s.len() < 80 && !s.ends_with(['.', '!', '?', '"', ':', ',']) && s.split(' ').count() <= 10 {
            (BlockKind::Subheading, "short_line")
        } else {
            if doc.dateline.is_none() {
                if let Some((d, rest)) = dateline::find(s, span.start) {
                    doc.blocks.push(Block { kind: BlockKind::Dateline, span: d.span, rule: "wire_dateline".into() });
                    doc.dateline = Some(d);
                    if let Some(p) = trimmed(text, rest, span.end) {
                        doc.blocks.push(Block { kind: BlockKind::Paragraph, span: p, rule: "after_dateline".into() });
                    }
                    continue;
                }
            }
            (BlockKind::Paragraph, "default")
        };
        doc.blocks.push(Block { kind, span, rule: rule.into() });
    }
    doc
}
