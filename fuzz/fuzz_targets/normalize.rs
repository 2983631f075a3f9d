//! Normalization with options taken from the first two bytes: idempotent with default options,
//! and `to_original` maps every span (each char, the whole text, spans chosen by the input)
//! inside the raw text on char boundaries.
#![no_main]

use copydesk::{NormalizeOptions, UnicodeForm};
use libfuzzer_sys::fuzz_target;

#[path = "../../crates/copydesk/tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let (flags, rest) = data.split_at(2);
    let text = String::from_utf8_lossy(rest);
    let b = |i: u8| flags[0] & (1 << i) != 0;
    let opts = NormalizeOptions {
        unicode_form: match flags[1] % 3 {
            0 => UnicodeForm::None,
            1 => UnicodeForm::Nfc,
            _ => UnicodeForm::Nfkc,
        },
        fix_mojibake: b(0),
        decode_html_entities: b(1),
        fold_quotes: b(2),
        fold_dashes: b(3),
        fold_ellipsis: b(4),
        join_hyphenated: b(5),
        collapse_spaces: b(6),
        fold_spaces: flags[1] & 0x10 != 0,
        fold_ligatures: flags[1] & 0x20 != 0,
        fold_width: flags[1] & 0x40 != 0,
        ..NormalizeOptions::default()
    };
    let extra: Vec<(usize, usize)> =
        rest.chunks(4).map(|c| (c[0] as usize * 7, c.len() * 31 + c[c.len() - 1] as usize)).collect();
    // Idempotence is promised for the defaults; in-bounds mapping for every option set.
    let check = if b(7) {
        invariants::check_normalize(&text, &NormalizeOptions::default(), &extra)
    } else {
        invariants::check_normalize_with(&text, &opts, &extra, false)
    };
    if let Err(e) = check {
        panic!("{e}\ninput: {text:?}\noptions: {opts:?}");
    }
});
