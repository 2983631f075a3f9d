//! Unicode normalization (NFC / NFKC) of the folded text, keeping the map exact.
//!
//! ASCII chars never combine with the char before them, so the text splits into chunks of one
//! optional ASCII char followed by a run of non-ASCII chars; each chunk is normalized on its own
//! and, when it changes, mapped back as one replaced piece.

use crate::{Fix, NormalizedText, UnicodeForm};
use unicode_normalization::{is_nfc_quick, is_nfkc_quick, IsNormalized, UnicodeNormalization};

fn normalize_chunk(s: &str, form: UnicodeForm) -> String {
    match form {
        UnicodeForm::Nfkc => s.nfkc().collect(),
        _ => s.nfc().collect(),
    }
}

/// Apply `form` to `nt`, composing the offset map.
pub(crate) fn apply(nt: NormalizedText, form: UnicodeForm) -> NormalizedText {
    let quick = match form {
        UnicodeForm::None => return nt,
        UnicodeForm::Nfc => is_nfc_quick(nt.text.chars()),
        UnicodeForm::Nfkc => is_nfkc_quick(nt.text.chars()),
    };
    if quick == IsNormalized::Yes {
        return nt;
    }
    let t = nt.text.as_str();
    let b = t.as_bytes();
    let mut edits = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] < 0x80 {
            i += 1;
            continue;
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
        return nt;
    }
    let (text, map, spans) = nt.map.rewrite(&nt.text, &edits);
    let mut fixes = nt.fixes;
    fixes.extend(spans.into_iter().map(|span| Fix { rule: "unicode".to_string(), span }));
    fixes.sort_by_key(|f| f.span.start);
    NormalizedText { text, map, fixes }
}
