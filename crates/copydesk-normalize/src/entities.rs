//! HTML character references: `&amp;`, `&eacute;`, `&#8217;`, `&#x2019;`.
//!
//! As ftfy's `unescape_html`: only references ending in `;` are decoded (so "this&not that"
//! stays as written), named ones from the HTML5 list plus all-caps variants of the lower-case
//! names ("P&EACUTE;REZ").

use crate::tables::ENTITIES;

/// The decoded text of one character reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decoded {
    Char(char),
    Str(&'static str),
}

/// If `s` starts with a character reference, its length in bytes and what it stands for.
pub(crate) fn decode_at(s: &str) -> Option<(usize, Decoded)> {
    let b = s.as_bytes();
    if b.first() != Some(&b'&') {
        return None;
    }
    let numeric = b.get(1) == Some(&b'#');
    let body_start = if numeric { 2 } else { 1 };
    let mut i = body_start;
    while i < b.len() && i - body_start < 24 && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i == body_start || b.get(i) != Some(&b';') {
        return None;
    }
    let body = s.get(body_start..i)?;
    let len = i + 1;
    if numeric {
        let cp = if let Some(hex) = body.strip_prefix('x').or_else(|| body.strip_prefix('X')) {
            u32::from_str_radix(hex, 16).ok()
        } else {
            body.parse::<u32>().ok()
        };
        // Only well-formed numbers are references; "&#12ab;" stays as written.
        let cp = cp?;
        return Some((len, Decoded::Char(numeric_char(cp))));
    }
    let idx = ENTITIES.binary_search_by(|(k, _)| (*k).cmp(body)).ok()?;
    Some((len, Decoded::Str(ENTITIES[idx].1)))
}

/// The char a numeric reference stands for, with HTML's fix-ups (C1 range read as Windows-1252,
/// invalid code points as U+FFFD).
fn numeric_char(cp: u32) -> char {
    if (0x80..=0x9f).contains(&cp) {
        let c = crate::tables::CHARMAPS[1].high[(cp - 0x80) as usize];
        return c;
    }
    if cp == 0 {
        return '\u{fffd}';
    }
    char::from_u32(cp).unwrap_or('\u{fffd}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes() {
        assert_eq!(decode_at("&amp; x"), Some((5, Decoded::Str("&"))));
        assert_eq!(decode_at("&#8217;s"), Some((7, Decoded::Char('\u{2019}'))));
        assert_eq!(decode_at("&#x2019;"), Some((8, Decoded::Char('\u{2019}'))));
        assert_eq!(decode_at("&#150;"), Some((6, Decoded::Char('\u{2013}'))));
        assert_eq!(decode_at("&EACUTE;"), Some((8, Decoded::Str("\u{c9}"))));
        assert_eq!(decode_at("&not that"), None);
        assert_eq!(decode_at("&nosuch;"), None);
        assert_eq!(decode_at("&#99999999999;"), None);
        assert_eq!(decode_at("&"), None);
    }
}
