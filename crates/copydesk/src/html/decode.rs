//! Decoding HTML bytes to text: byte-order mark first, then the page's own charset declaration,
//! checked against the bytes (a page declared as Latin-1 that is valid UTF-8 is UTF-8), then
//! UTF-8 with a Windows-1252 fallback.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use once_cell::sync::Lazy;
use regex::bytes::Regex;

/// How many leading bytes are searched for a charset declaration (the HTML standard says 1024;
/// real pages put long scripts first, so look a little further).
const PRESCAN: usize = 4096;

static META_CHARSET: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"(?i)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]{1,40})"#).expect("valid regex")
});

/// The encoding declared in the first bytes of the page (`<meta charset>` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">`), if any and known.
pub fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let label = META_CHARSET.captures(head)?.get(1)?.as_bytes();
    Encoding::for_label(label)
}

/// Decode HTML bytes to a string. Never fails: undecodable bytes become U+FFFD.
///
/// Order: a byte-order mark (UTF-8, UTF-16LE/BE) wins; then bytes that are valid UTF-8 are UTF-8
/// (whatever the page declares, as a wrong declaration is far more common than Latin-1 text that
/// happens to be valid UTF-8); then the declared charset; then Windows-1252, the web's usual
/// legacy default.
pub fn decode_html_bytes(bytes: &[u8]) -> String {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return text.into_owned();
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let enc = match declared_encoding(bytes) {
        // UTF-16 declared in a page without a BOM is almost always a mislabelled ASCII-compatible page.
        Some(e) if e != UTF_8 && e.is_ascii_compatible() => e,
        Some(e) if e == UTF_8 && mostly_utf8(bytes) => UTF_8,
        _ => WINDOWS_1252,
    };
    let (text, _, _) = enc.decode(bytes);
    text.into_owned()
}

/// True when invalid UTF-8 sequences are rare (a page that is UTF-8 with a few broken bytes).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut bad = 0usize;
    let mut multibyte = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            bad += 1;
        }
    }
    multibyte >= bad * 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_and_plain_utf8() {
        assert_eq!(decode_html_bytes(b"\xEF\xBB\xBF<p>Caf\xC3\xA9</p>"), "<p>Café</p>");
        assert_eq!(decode_html_bytes("<p>Café</p>".as_bytes()), "<p>Café</p>");
    }

    #[test]
    fn utf16_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "<p>Ü</p>".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode_html_bytes(&b), "<p>Ü</p>");
    }

    #[test]
    fn declared_latin1() {
        let b = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xE9</p></body></html>";
        assert!(decode_html_bytes(b).contains("Café"));
        let b = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcf\xf0\xe8</p>";
        assert!(decode_html_bytes(b).contains("При"));
    }

    #[test]
    fn wrong_declaration_valid_utf8_wins() {
        let b = "<meta charset=\"iso-8859-1\"><p>Café – déjà</p>".as_bytes();
        assert!(decode_html_bytes(b).contains("Café – déjà"));
    }

    #[test]
    fn undeclared_latin1_falls_back_to_1252() {
        assert!(decode_html_bytes(b"<p>na\xEFve \x93quoted\x94</p>").contains("naïve “quoted”"));
    }

    #[test]
    fn unknown_label_and_garbage_never_fail() {
        assert!(decode_html_bytes(b"<meta charset=\"x-nonsense\"><p>\xFF\xFE\xFD</p>").contains("<p>"));
        assert_eq!(decode_html_bytes(b""), "");
    }
}
