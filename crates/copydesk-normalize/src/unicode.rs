//! Unicode normalization (NFC / NFKC) of the folded text, keeping the map exact.
//!
//! ASCII chars never combine with the char before them and are unchanged by NFC and NFKC, so
//! the text splits into chunks of one optional ASCII char followed by a run of non-ASCII chars;
//! ASCII is skipped a word at a time, each chunk is quick-checked on its own and, only when the
//! quick check is not a plain yes, normalized and (when it changes) mapped back as one replaced
//! piece. Text that is already normalized costs one scan and no allocation.

use crate::{Fix, NormalizedText, UnicodeForm};
use unicode_normalization::{is_nfc_quick, is_nfkc_quick, IsNormalized, UnicodeNormalization};

fn normalize_chunk(s: &str, form: UnicodeForm) -> String {
    match form {
        UnicodeForm::Nfkc => s.nfkc().collect(),
        _ => s.nfc().collect(),
    }
}

/// Offset of the first non-ASCII byte of `b` at or after `i` (or `b.len()`).
#[inline]
pub(crate) fn next_non_ascii(b: &[u8], mut i: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let word = |w: &[u8]| {
        let mut a = [0u8; 8];
        a.copy_from_slice(w);
        u64::from_le_bytes(a)
    };
    // 64 bytes at a time by the standard library's (vectorized) ASCII test, 32 bytes at a time
    // (four words tested at once), then a word, then bytes
    while let Some(w) = b.get(i..i + 64) {
        if !w.is_ascii() {
            break;
        }
        i += 64;
    }
    while let Some(w) = b.get(i..i + 32) {
        let (x, y) = w.split_at(16);
        let any = word(&x[..8]) | word(&x[8..]) | word(&y[..8]) | word(&y[8..]);
        if any & HIGH != 0 {
            break;
        }
        i += 32;
    }
    while let Some(w) = b.get(i..i + 8) {
        let mut a = [0u8; 8];
        a.copy_from_slice(w);
        if u64::from_le_bytes(a) & HIGH != 0 {
            break;
        }
        i += 8;
    }
    while i < b.len() && b[i] < 0x80 {
        i += 1;
    }
    i
}

/// Apply `form` to `nt`, composing the offset map. Also says whether the text changed.
pub(crate) fn apply(nt: NormalizedText, form: UnicodeForm) -> (NormalizedText, bool) {
    if form == UnicodeForm::None || nt.text.is_ascii() {
        return (nt, false);
    }
    let t = nt.text.as_str();
    let b = t.as_bytes();
    let mut edits = Vec::new();
    let mut i = 0;
    loop {
        i = next_non_ascii(b, i);
        if i >= b.len() {
            break;
        }
        let run_start = i;
        while i < b.len() && b[i] >= 0x80 {
            i += 1;
        }
        let cs = if run_start > 0 { run_start - 1 } else { run_start };
        let Some(chunk) = t.get(cs..i) else { continue };
        let done = match form {
            UnicodeForm::Nfkc => is_nfkc_quick(chunk.chars()),
            _ => is_nfc_quick(chunk.chars()),
        };
        if done == IsNormalized::Yes {
            continue;
        }
        let n = normalize_chunk(chunk, form);
        if n != chunk {
            edits.push((cs, i, n));
        }
    }
    if edits.is_empty() {
        return (nt, false);
    }
    let (text, map, spans) = nt.map.rewrite(&nt.text, &edits);
    let mut fixes = nt.fixes;
    fixes.extend(spans.into_iter().map(|span| Fix { rule: "unicode".to_string(), span }));
    fixes.sort_by_key(|f| f.span.start);
    (NormalizedText { text, map, fixes }, true)
}

#[cfg(test)]
mod tests {
    use super::next_non_ascii;

    #[test]
    fn finds_non_ascii() {
        let s = "abcdefghijklmnop\u{e9}qrstuvwxyz\u{20ac}";
        let b = s.as_bytes();
        assert_eq!(next_non_ascii(b, 0), 16);
        assert_eq!(next_non_ascii(b, 18), 28);
        assert_eq!(next_non_ascii(b, b.len()), b.len());
        assert_eq!(next_non_ascii(b"plain ascii only here", 3), 21);
    }

    #[test]
    fn agrees_with_a_byte_scan() {
        // non-ASCII bytes at every place of texts longer than the 32-byte and 8-byte steps
        for n in 0..150 {
            for at in 0..=n {
                let mut b = vec![b'a'; n];
                if let Some(x) = b.get_mut(at) {
                    *x = 0xC3;
                }
                for i in 0..=n {
                    let want = b.iter().skip(i).position(|&x| x >= 0x80).map_or(n, |k| i + k);
                    assert_eq!(next_non_ascii(&b, i), want, "{n} {at} {i}");
                }
            }
        }
    }
}
