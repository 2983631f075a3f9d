//! Sentence segmentation of content segments.

use crate::{Segment, Sentence};
use copydesk_normalize::Span;

/// Split every segment into sentences: a sentence ends at `.`, `!` or `?` (and any closing
/// quotes or brackets after it) followed by a space and an upper-case letter, digit or quote.
pub(crate) fn split(text: &str, segments: &[Segment]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (si, seg) in segments.iter().enumerate() {
        let s = seg.span.slice(text);
        let bytes = s.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if matches!(b, b'.' | b'!' | b'?') {
                let mut j = i + 1;
                while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')' | b']') {
                    j += 1;
                }
                if j + 1 < bytes.len() && bytes[j] == b' ' {
                    let next = bytes[j + 1];
                    if next.is_ascii_uppercase() || next == b'"' || next.is_ascii_digit() {
                        push(&mut out, seg.span.start, s, start, j, si);
                        start = j + 1;
                        i = j + 1;
                        continue;
                    }
                }
            }
            i += 1;
        }
        push(&mut out, seg.span.start, s, start, s.len(), si);
    }
    out
}

fn push(out: &mut Vec<Sentence>, base: usize, s: &str, start: usize, end: usize, segment: usize) {
    let t = &s[start..end];
    let lead = t.len() - t.trim_start().len();
    let t2 = t.trim();
    if !t2.is_empty() {
        let a = base + start + lead;
        out.push(Sentence { span: Span::new(a, a + t2.len()), segment });
    }
}
