//! copydesk-normalize: the lowest layer of copydesk.
//!
//! Turns raw scraped text into one clean text ([`NormalizedText`]) and keeps an exact
//! [`OffsetMap`] so that every span of the clean text maps back to the raw input.
//!
//! ```
//! use copydesk_normalize::{normalize, NormalizeOptions, Span};
//! let raw = "Kelin\u{a0}said \u{201c}no\u{201d}.";
//! let n = normalize(raw, &NormalizeOptions::default());
//! assert_eq!(n.text, "Kelin said \"no\".");
//! let s = n.to_original(Span::new(11, 15));
//! assert_eq!(&raw[s.start..s.end], "\u{201c}no\u{201d}");
//! ```

mod chars;
mod emit;
mod entities;
mod fold;
mod mojibake;
mod offsets;
mod options;
mod rules;
mod span;
mod tables;
mod unicode;

pub use chars::CharIndex;
pub use offsets::{OffsetMap, Piece};
pub use options::{NormalizeOptions, UnicodeForm};
pub use span::Span;

use serde::{Deserialize, Serialize};

/// One repair applied during normalization, for auditing (as ftfy's `fix_and_explain`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// Name of the rule: `"space"`, `"line_ending"`, `"line_break"`, `"zero_width"`,
    /// `"soft_hyphen"`, `"format"`, `"control"`, `"quote"`, `"dash"`, `"ellipsis"`, `"ligature"`,
    /// `"width"`, `"hyphenation"`, `"html_entity"`, `"mojibake"`, `"c1_control"` or `"unicode"`.
    pub rule: String,
    /// Where in the raw text it applied (bytes).
    pub span: Span,
}

/// Normalized text with its offset map back to the raw input and the list of fixes applied.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NormalizedText {
    /// The clean text.
    pub text: String,
    /// Maps spans of `text` back to spans of the raw input.
    pub map: OffsetMap,
    /// Repairs applied, in order.
    pub fixes: Vec<Fix>,
}

impl NormalizedText {
    /// Map a span of the normalized text (bytes) to the raw span it came from (bytes).
    pub fn to_original(&self, span: Span) -> Span {
        self.map.to_original(span)
    }
}

/// Normalize `raw` according to `options`. Total: any input gives a result.
pub fn normalize(raw: &str, options: &NormalizeOptions) -> NormalizedText {
    let mut folded = rules::run(raw, options);
    // As ftfy, repeat while a repair became possible only after the first pass (mojibake next
    // to a removed space or invisible char, an entity escaped twice); rarely more than once.
    for _ in 0..2 {
        if !rules::needs_another_pass(&folded.text, options) {
            break;
        }
        let again = rules::run(&folded.text, options);
        if again.text == folded.text {
            break;
        }
        folded = compose(folded, again);
    }
    let mut out = unicode::apply(folded, options.unicode_form);
    // Composition can complete a repairable sequence ("e" + U+0301 next to mojibake): rerun the
    // rules until nothing changes, so that normalize stays idempotent. Only non-ASCII text can be
    // affected; rarely more than once.
    for _ in 0..2 {
        if out.text.is_ascii() {
            break;
        }
        let again = rules::run(&out.text, options);
        if again.text == out.text {
            break;
        }
        out = unicode::apply(compose(out, again), options.unicode_form);
    }
    out
}

/// `second` normalized the text of `first`: the result of both, mapped back to the raw text.
fn compose(first: NormalizedText, second: NormalizedText) -> NormalizedText {
    let edits: Vec<(usize, usize, String)> = second
        .map
        .pieces()
        .iter()
        .filter(|p| !p.copied)
        .map(|p| {
            let t = second.text.get(p.norm_start..p.norm_start + p.norm_len).unwrap_or("");
            (p.raw_start, p.raw_start + p.raw_len, t.to_string())
        })
        .collect();
    let (text, map, _) = first.map.rewrite(&first.text, &edits);
    let mut fixes = first.fixes;
    fixes.extend(second.fixes.into_iter().map(|f| Fix { span: first.map.to_original(f.span), rule: f.rule }));
    fixes.sort_by_key(|f| f.span.start);
    NormalizedText { text, map, fixes }
}

#[cfg(test)]
mod idempotence_tests {
    use super::*;

    /// Found by the property test: NFC composes "e" + U+0301, which completes a mojibake pair.
    #[test]
    fn composition_next_to_mojibake_is_idempotent() {
        let o = NormalizeOptions::default();
        for raw in ["e\u{301}\u{c3} \u{201c}", "e\u{301}\u{20ac}\u{ab}"] {
            let once = normalize(raw, &o);
            assert_eq!(normalize(&once.text, &o).text, once.text, "raw {raw:?}");
        }
    }
}
