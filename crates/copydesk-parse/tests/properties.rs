//! Properties that hold for any input: blocks sorted, non-overlapping, in bounds, on char
//! boundaries; parse never panics.

use copydesk_normalize::{normalize, NormalizeOptions};
use copydesk_parse::{parse, parse_str};
use proptest::prelude::*;

fn check(text: &str) {
    let doc = parse_str(text);
    let mut prev_end = 0;
    for b in &doc.blocks {
        assert!(b.span.start <= b.span.end && b.span.end <= text.len(), "{b:?} out of bounds");
        assert!(text.is_char_boundary(b.span.start) && text.is_char_boundary(b.span.end), "{b:?} not on char boundary");
        assert!(b.span.start >= prev_end, "{b:?} overlaps or unsorted");
        assert!(!b.rule.is_empty());
        prev_end = b.span.end;
    }
    for s in [
        doc.headline.as_ref().map(|h| h.span),
        doc.dateline.as_ref().map(|d| d.span),
        doc.byline.as_ref().map(|b| b.span),
    ]
    .into_iter()
    .flatten()
    {
        assert!(s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    }
}

/// Pieces of news-page text to build inputs from.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("MOSCOW (Sputnik) — ".to_string()),
        Just("By Jane Roe and John Doe, Example Agency".to_string()),
        Just("Published: 12:03 EST, 3 May 2017 | Updated: 14:00 EST, 3 May 2017".to_string()),
        Just("© Agency / Go to the mediabankA caption here.".to_string()),
        Just("READ MORE: another story".to_string()),
        Just("Subscribe".to_string()),
        Just("The council said on Tuesday that the new bridge would open next year, officials said.".to_string()),
        Just("Заголовок".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" - ".to_string()),
        "\\PC{0,40}",
    ]
}

proptest! {
    #[test]
    fn any_text_is_safe(s in "\\PC{0,300}") {
        check(&s);
    }

    #[test]
    fn page_like_text_is_safe(parts in proptest::collection::vec(piece(), 0..40)) {
        let text = parts.join("");
        check(&text);
        let norm = normalize(&text, &NormalizeOptions::default());
        let doc = parse(&norm);
        for b in &doc.blocks {
            prop_assert!(b.span.end <= norm.text.len());
        }
    }
}

#[test]
fn empty_and_whitespace() {
    for t in ["", "\n", "   \n\n  ", "a", "é", "\u{feff}"] {
        check(t);
    }
}
