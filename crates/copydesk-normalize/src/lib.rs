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
mod hyphen;
mod mojibake;
mod offsets;
mod options;
mod rules;
mod span;
mod tables;
mod unicode;

pub use chars::CharIndex;
pub use offsets::{identity_span, OffsetMap, Piece};
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
    #[inline]
    pub fn to_original(&self, span: Span) -> Span {
        self.map.to_original(span)
    }
}

/// Normalize `raw` according to `options`. Total: any input gives a result.
///
/// The rule pass and Unicode normalization run to a joint fixed point, so that normalizing the
/// result again changes nothing: the rules run again on the lines they changed when those lines
/// still need a repair (mojibake next to a removed space, an entity escaped twice), and on the
/// whole text when Unicode normalization changed it (composition can complete a mojibake
/// sequence; NFKC makes spaces, full stops and ampersands out of other chars). Each happens
/// rarely, and rarely more than once.
pub fn normalize(raw: &str, options: &NormalizeOptions) -> NormalizedText {
    let folded = rules_to_fixpoint(raw, options);
    let (mut out, mut changed) = unicode::apply(folded, options.unicode_form);
    for _ in 0..3 {
        if !changed {
            break;
        }
        let again = rules_to_fixpoint(&out.text, options);
        if again.text == out.text {
            break;
        }
        (out, changed) = unicode::apply(compose(out, again), options.unicode_form);
    }
    out
}

/// The rule pass, repeated while a line it changed still needs a repair.
fn rules_to_fixpoint(raw: &str, options: &NormalizeOptions) -> NormalizedText {
    let mut folded = rules::run(raw, options);
    for _ in 0..2 {
        if !rules::needs_another_pass(&folded, options) {
            break;
        }
        let again = rules::run(&folded.nt.text, options);
        if again.nt.text == folded.nt.text {
            break;
        }
        folded = rules::Output { nt: compose(folded.nt, again.nt), dirty: again.dirty };
    }
    folded.nt
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

    /// NFKC makes plain spaces of no-break and other spaces even when `fold_spaces` is off:
    /// collapsing sees them in the same normalization.
    #[test]
    fn nfkc_spaces_are_collapsed_at_once() {
        let o = NormalizeOptions {
            unicode_form: UnicodeForm::Nfkc,
            fold_spaces: false,
            collapse_spaces: true,
            ..NormalizeOptions::default()
        };
        for (raw, want) in
            [("\u{a0}", ""), ("a\u{a0}\u{a0}b", "a b"), ("x \u{2003}y", "x y"), ("\u{ff06}amp; x", "& x")]
        {
            let once = normalize(raw, &o);
            assert_eq!(once.text, want, "raw {raw:?}");
            assert_eq!(normalize(&once.text, &o).text, once.text, "raw {raw:?}");
        }
    }

    /// Hyphenated words are rejoined on what the output shows: a folded dash at a line end
    /// ending in "\r" is joined, a hyphen before mojibake that repairs to a quote is not.
    #[test]
    fn hyphen_joins_are_stable() {
        let o = NormalizeOptions { join_hyphenated: true, fold_dashes: true, ..NormalizeOptions::default() };
        for (raw, want) in [
            ("caf\u{e9}\u{2013}  \ra", "caf\u{e9}a"),
            ("ab-\u{2028}cd", "abcd"),
            ("caf\u{e9}- \n\u{e2}\u{20ac}\u{2122}The", "caf\u{e9}-\n'The"),
        ] {
            let once = normalize(raw, &o);
            assert_eq!(once.text, want, "raw {raw:?}");
            assert_eq!(normalize(&once.text, &o).text, once.text, "raw {raw:?}");
        }
    }
}
