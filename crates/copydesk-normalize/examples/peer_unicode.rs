//! Check normalize's NFC and NFKC against Unicode's NormalizationTest (peer-suites JSON lines).
//!
//! `cargo run --release -p copydesk-normalize --example peer_unicode -- ../shared/peer-suites/jsonl/unicode_normalization_15.0.jsonl`
//!
//! Every other fold is switched off, so only the Unicode form is tested. For each row, the
//! conformance invariants: NFC(c1..c3) = c2, NFC(c4..c5) = c4, NFKC(c1..c5) = c4; and the offset
//! map must give back the whole input for the whole output.

use copydesk_normalize::{normalize, NormalizeOptions, Span, UnicodeForm};

fn only(form: UnicodeForm) -> NormalizeOptions {
    NormalizeOptions {
        unicode_form: form,
        fix_mojibake: false,
        decode_html_entities: false,
        fold_spaces: false,
        fold_quotes: false,
        fold_dashes: false,
        fold_ellipsis: false,
        join_hyphenated: false,
        fold_ligatures: false,
        fold_width: false,
        collapse_spaces: false,
    }
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/peer-suites/jsonl/unicode_normalization_15.0.jsonl".into());
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("cannot read {path}: {e}");
        std::process::exit(2)
    });
    let (nfc, nfkc) = (only(UnicodeForm::Nfc), only(UnicodeForm::Nfkc));
    let (mut n, mut ok_nfc, mut ok_nfkc, mut shown) = (0, 0, 0, 0);
    for line in data.lines() {
        let Ok(row) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let col = |k: &str| row.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
        let cols = [col("source"), col("nfc"), col("nfd"), col("nfkc"), col("nfkd")];
        n += 1;
        let check = |opts: &NormalizeOptions, inputs: &[usize], want: &str| {
            inputs.iter().all(|&i| {
                let out = normalize(&cols[i], opts);
                let whole = out.to_original(Span::new(0, out.text.len()));
                out.text == want && (out.text.is_empty() || whole == Span::new(0, cols[i].len()))
            })
        };
        let a = check(&nfc, &[0, 1, 2], &cols[1]) && check(&nfc, &[3, 4], &cols[3]);
        let b = check(&nfkc, &[0, 1, 2, 3, 4], &cols[3]);
        ok_nfc += a as usize;
        ok_nfkc += b as usize;
        if (!a || !b) && shown < 10 {
            shown += 1;
            println!("FAIL {:?} nfc={a} nfkc={b}", cols[0]);
        }
    }
    println!("NFC  {ok_nfc}/{n} {:.2}%", 100.0 * ok_nfc as f64 / n.max(1) as f64);
    println!("NFKC {ok_nfkc}/{n} {:.2}%", 100.0 * ok_nfkc as f64 / n.max(1) as f64);
}
