//! Peer test cases vendored under tests/data (see the SOURCE and LICENSE files there):
//! ftfy's mojibake cases, Unicode's NormalizationTest (subset) and textacy's normalize cases.

use copydesk_normalize::{normalize, NormalizeOptions, Span, UnicodeForm};
use serde_json::Value;

fn rows(data: &str) -> Vec<Value> {
    data.lines().filter(|l| !l.trim().is_empty()).filter_map(|l| serde_json::from_str(l).ok()).collect()
}

fn field<'a>(row: &'a Value, k: &str) -> &'a str {
    row.get(k).and_then(Value::as_str).unwrap_or("")
}

/// ftfy-compatible options: the defaults without the two whitespace folds ftfy does not do.
fn ftfy_like() -> NormalizeOptions {
    NormalizeOptions { fold_spaces: false, collapse_spaces: false, ..NormalizeOptions::default() }
}

#[test]
fn ftfy_cases() {
    let cases = rows(include_str!("data/ftfy/cases.jsonl"));
    assert!(cases.len() >= 150);
    let opts = ftfy_like();
    let (mut fixed, mut total, mut failures) = (0, 0, Vec::new());
    for row in &cases {
        let (input, expected, category) = (field(row, "input"), field(row, "expected"), field(row, "category"));
        let out = normalize(input, &opts);
        // The whole output maps back to the whole input.
        if !out.text.is_empty() {
            assert_eq!(out.to_original(Span::new(0, out.text.len())), Span::new(0, input.len()), "{input:?}");
        }
        let ok = out.text == expected;
        match category {
            "negative" | "language-names" => assert!(ok, "{category} case changed: {input:?} -> {:?}", out.text),
            _ => {
                total += 1;
                if ok {
                    fixed += 1;
                } else {
                    failures.push(field(row, "id").to_string());
                }
            }
        }
    }
    let rate = fixed as f64 / total as f64;
    assert!(rate >= 0.95, "ftfy in-the-wild + synthetic fixed: {fixed}/{total}; failing: {failures:?}");
}

#[test]
fn ftfy_cases_with_default_options_only_differ_by_whitespace_folds() {
    // With copydesk's defaults the results equal ftfy's once ftfy's output gets the same
    // whitespace folds.
    let ws = NormalizeOptions {
        fix_mojibake: false,
        decode_html_entities: false,
        unicode_form: UnicodeForm::None,
        ..NormalizeOptions::default()
    };
    let mut agree = 0;
    let cases = rows(include_str!("data/ftfy/cases.jsonl"));
    for row in &cases {
        let out = normalize(field(row, "input"), &NormalizeOptions::default()).text;
        agree += (out == normalize(field(row, "expected"), &ws).text) as usize;
    }
    assert!(agree as f64 >= 0.95 * cases.len() as f64, "{agree}/{}", cases.len());
}

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

fn hex_str(col: &str) -> String {
    col.split_whitespace().filter_map(|h| u32::from_str_radix(h, 16).ok()).filter_map(char::from_u32).collect()
}

#[test]
fn unicode_normalization_test_nfc_nfkc() {
    let (nfc, nfkc) = (only(UnicodeForm::Nfc), only(UnicodeForm::Nfkc));
    let mut n = 0;
    for line in include_str!("data/unicode/NormalizationTest-subset.txt").lines() {
        if line.starts_with('#') || line.starts_with('@') || line.trim().is_empty() {
            continue;
        }
        let c: Vec<String> = line.split(';').take(5).map(hex_str).collect();
        assert_eq!(c.len(), 5, "{line}");
        n += 1;
        for (opts, inputs, want) in
            [(&nfc, &[0, 1, 2][..], &c[1]), (&nfc, &[3, 4][..], &c[3]), (&nfkc, &[0, 1, 2, 3, 4][..], &c[3])]
        {
            for &i in inputs {
                let out = normalize(&c[i], opts);
                assert_eq!(&out.text, want, "{line} column {}", i + 1);
                assert_eq!(out.to_original(Span::new(0, out.text.len())), Span::new(0, c[i].len()), "{line}");
            }
        }
    }
    assert!(n > 4000);
}

#[test]
fn textacy_cases_where_options_agree() {
    for row in rows(include_str!("data/textacy/cases.jsonl")) {
        let agree = row.get("agree").and_then(Value::as_bool).unwrap_or(false);
        let opts = match field(&row, "test") {
            "test_normalize_hyphenated_words" => {
                NormalizeOptions { join_hyphenated: true, ..NormalizeOptions::default() }
            }
            _ => NormalizeOptions::default(),
        };
        let (input, expected) = (field(&row, "input"), field(&row, "expected"));
        let out = normalize(input, &opts).text;
        if agree {
            assert_eq!(out, expected, "{}", field(&row, "id"));
        } else {
            assert_ne!(out, expected, "{} is tagged as differing by design but agrees", field(&row, "id"));
        }
    }
}
