//! Per-character folds: spaces, invisible characters, controls, quotes, dashes, ellipses,
//! ligatures and full-width forms.

use crate::{NormalizeOptions, UnicodeForm};

/// What to do with one (non-ASCII or control) character.
pub(crate) enum Action {
    /// Keep the character as it is.
    Keep,
    /// A space of some kind: becomes one plain space (subject to collapsing).
    Space,
    /// A line break: becomes "\n".
    LineBreak,
    /// Replace with this text, recording the rule.
    Replace(&'static str, &'static str),
    /// Replace with an owned char (full-width forms), recording the rule.
    ReplaceChar(char, &'static str),
    /// Remove, recording the rule.
    Delete(&'static str),
}

/// True for the ASCII bytes [`classify`] keeps as they are (printable, not a space): a cheap
/// pre-check.
#[inline]
pub(crate) fn ascii_is_plain(b: u8) -> bool {
    (0x21..0x7f).contains(&b)
}

/// Classify one character.
pub(crate) fn classify(c: char, opts: &NormalizeOptions) -> Action {
    match c {
        ' ' => Action::Space,
        '\t' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{1680}' => {
            // NFKC makes a plain space of all of these but the Ogham space mark: then they are
            // spaces here too, so that collapsing sees them in the same pass.
            let nfkc_space = opts.unicode_form == UnicodeForm::Nfkc && c != '\u{1680}';
            if opts.fold_spaces || c == '\t' || nfkc_space {
                Action::Space
            } else {
                Action::Keep
            }
        }
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => Action::Delete("zero_width"),
        '\u{ad}' => Action::Delete("soft_hyphen"),
        '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2061}'..='\u{2064}'
        | '\u{2066}'..='\u{206f}'
        | '\u{fff9}'..='\u{fffb}' => Action::Delete("format"),
        '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{b}' | '\u{c}' => Action::LineBreak,
        '\u{2018}'..='\u{201b}' | '\u{2bc}' if opts.fold_quotes => Action::Replace("'", "quote"),
        '\u{201c}'..='\u{201f}' if opts.fold_quotes => Action::Replace("\"", "quote"),
        '\u{2010}' | '\u{2011}' if opts.fold_dashes => Action::Replace("-", "dash"),
        '\u{2012}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' if opts.fold_dashes => {
            Action::Replace("-", "dash")
        }
        '\u{2026}' if opts.fold_ellipsis => Action::Replace("...", "ellipsis"),
        '\u{132}'..='\u{133}' | '\u{149}' | '\u{1c4}'..='\u{1cc}' | '\u{1f1}'..='\u{1f3}' | '\u{fb00}'..='\u{fb06}'
            if opts.fold_ligatures =>
        {
            ligature(c, opts).map_or(Action::Keep, |r| Action::Replace(r, "ligature"))
        }
        '\u{ff01}'..='\u{ffef}' if opts.fold_width => match width_fold(c) {
            Some(r) => Action::ReplaceChar(r, "width"),
            None => Action::Keep,
        },
        c if c.is_control() => Action::Delete("control"),
        _ => Action::Keep,
    }
}

/// Latin ligatures and digraph characters spelled out (as ftfy's `fix_latin_ligatures`).
fn ligature(c: char, opts: &NormalizeOptions) -> Option<&'static str> {
    Some(match c {
        '\u{132}' => "IJ",
        '\u{133}' => "ij",
        '\u{149}' => {
            if opts.fold_quotes {
                "'n"
            } else {
                "\u{2bc}n"
            }
        }
        '\u{1c4}' => "D\u{17d}",
        '\u{1c5}' => "D\u{17e}",
        '\u{1c6}' => "d\u{17e}",
        '\u{1c7}' => "LJ",
        '\u{1c8}' => "Lj",
        '\u{1c9}' => "lj",
        '\u{1ca}' => "NJ",
        '\u{1cb}' => "Nj",
        '\u{1cc}' => "nj",
        '\u{1f1}' => "DZ",
        '\u{1f2}' => "Dz",
        '\u{1f3}' => "dz",
        '\u{fb00}' => "ff",
        '\u{fb01}' => "fi",
        '\u{fb02}' => "fl",
        '\u{fb03}' => "ffi",
        '\u{fb04}' => "ffl",
        '\u{fb05}' => "\u{17f}t",
        '\u{fb06}' => "st",
        _ => return None,
    })
}

/// Full-width ASCII and half-width forms to their usual width (as ftfy's `fix_character_width`).
fn width_fold(c: char) -> Option<char> {
    let cp = c as u32;
    if (0xff01..=0xff5e).contains(&cp) {
        return char::from_u32(cp - 0xff01 + 0x21);
    }
    let mut first = None;
    let mut count = 0;
    unicode_normalization::char::decompose_compatible(c, |d| {
        count += 1;
        first.get_or_insert(d);
    });
    match first {
        Some(f) if count == 1 && f != c => Some(f),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfkc_spaces_are_spaces() {
        use unicode_normalization::UnicodeNormalization;
        let o = NormalizeOptions { unicode_form: UnicodeForm::Nfkc, fold_spaces: false, ..NormalizeOptions::default() };
        for c in ['\u{a0}', '\u{2000}', '\u{2003}', '\u{200a}', '\u{202f}', '\u{205f}', '\u{3000}', '\u{1680}'] {
            let nfkc_space = c.to_string().nfkc().eq(" ".chars());
            assert_eq!(matches!(classify(c, &o), Action::Space), nfkc_space, "{c:?}");
        }
    }

    #[test]
    fn widths() {
        assert_eq!(width_fold('\u{ff21}'), Some('A'));
        assert_eq!(width_fold('\u{ff0c}'), Some(','));
        assert_eq!(width_fold('\u{ff71}'), Some('\u{30a2}'));
    }
}
