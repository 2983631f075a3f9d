//! Normalization options: a plain, serializable struct.

use serde::{Deserialize, Serialize};

/// Unicode normalization form applied to the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UnicodeForm {
    /// Leave the text as it is.
    None,
    /// Canonical composition (the default).
    #[default]
    Nfc,
    /// Compatibility composition (folds ligatures, full-width forms, ...).
    Nfkc,
}

/// What normalization does. The defaults suit English news text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NormalizeOptions {
    /// Unicode normalization form.
    pub unicode_form: UnicodeForm,
    /// Repair mojibake (UTF-8 decoded as Windows-1252/Latin-1) when the evidence is strong.
    pub fix_mojibake: bool,
    /// Decode HTML entities (`&amp;`, `&#8217;`).
    pub decode_html_entities: bool,
    /// Turn every space variant (no-break, thin, ideographic, ...) and tabs into a plain space.
    pub fold_spaces: bool,
    /// Fold typographic quotes and apostrophes to ASCII `"` and `'`.
    pub fold_quotes: bool,
    /// Fold en and em dashes and similar to ASCII `-`.
    pub fold_dashes: bool,
    /// Replace the ellipsis character with `...`.
    pub fold_ellipsis: bool,
    /// Rejoin words broken by a hyphen at a line end ("antici-\npation" -> "anticipation"):
    /// a hyphen after two letters, then spaces with exactly one line break, then a letter.
    pub join_hyphenated: bool,
    /// Spell out Latin ligatures and digraph characters ("ﬁ" -> "fi", "ǌ" -> "nj"), as ftfy does.
    pub fold_ligatures: bool,
    /// Turn full-width ASCII and half-width forms into ordinary characters ("Ａ，" -> "A,").
    pub fold_width: bool,
    /// Collapse runs of spaces into one and drop spaces at line starts and ends (line breaks,
    /// and so paragraph breaks, are kept).
    pub collapse_spaces: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions {
            unicode_form: UnicodeForm::Nfc,
            fix_mojibake: true,
            decode_html_entities: true,
            fold_spaces: true,
            fold_quotes: true,
            fold_dashes: false,
            fold_ellipsis: false,
            join_hyphenated: false,
            fold_ligatures: true,
            fold_width: true,
            collapse_spaces: true,
        }
    }
}
