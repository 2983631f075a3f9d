//! Run textacy's and scispacy's acronym test cases (from ../shared/peer-suites, when present)
//! against copydesk's acronym finder and print passed/failed counts.
//!
//! `cargo run -p copydesk-extract --example peer_acronyms [DIR]`

use copydesk_extract::acronyms::{definitions, is_acronym};
use serde_json::Value;
use std::collections::BTreeMap;

fn pairs(text: &str) -> BTreeMap<String, String> {
    definitions(text).into_iter().map(|d| (d.short, d.long)).collect()
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/peer-suites/jsonl".to_string());
    let (mut pass, mut fail) = (0usize, 0usize);
    let mut check = |id: &str, ok: bool, detail: String| {
        if ok {
            pass += 1;
        } else {
            fail += 1;
            println!("FAIL {id}: {detail}");
        }
    };
    if let Ok(s) = std::fs::read_to_string(format!("{dir}/acronyms_scispacy_schwartzhearst.jsonl")) {
        for line in s.lines() {
            let Ok(v) = serde_json::from_str::<Value>(line) else { continue };
            let id = v["id"].as_str().unwrap_or("?");
            let input = v["input"].as_str().unwrap_or("");
            let exp: BTreeMap<String, String> = v["expected_pairs"]
                .as_object()
                .map(|o| o.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string())).collect())
                .unwrap_or_default();
            let got = pairs(input);
            check(id, got == exp, format!("expected {exp:?}, got {got:?}"));
        }
    }
    if let Ok(s) = std::fs::read_to_string(format!("{dir}/textacy_params.jsonl")) {
        for line in s.lines() {
            let Ok(v) = serde_json::from_str::<Value>(line) else { continue };
            let id = v["id"].as_str().unwrap_or("?");
            if !id.contains("test_acros") {
                continue;
            }
            let p = &v["params"];
            match v["test"].as_str().unwrap_or("") {
                "test_is_acronym_good" => check(id, is_acronym(p["token"].as_str().unwrap_or(""), None), String::new()),
                "test_is_acronym_bad" => check(id, !is_acronym(p["token"].as_str().unwrap_or(""), None), String::new()),
                "test_is_acronym_exclude" => {
                    let ex: Option<Vec<&str>> =
                        p["exclude"].as_array().map(|a| a.iter().filter_map(Value::as_str).collect());
                    let got = is_acronym(p["token"].as_str().unwrap_or(""), ex.as_deref());
                    check(id, got == p["expected"].as_bool().unwrap_or(false), String::new());
                }
                "test_acronyms" => {
                    let text = p["text"].as_str().unwrap_or("");
                    let got: Vec<&str> = text
                        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '?' | '!'))
                        .map(|w| if w.matches('.').count() == 1 { w.trim_end_matches('.') } else { w })
                        .filter(|w| is_acronym(w, None))
                        .collect();
                    let exp: Vec<&str> =
                        p["exp"].as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
                    check(id, got == exp, format!("expected {exp:?}, got {got:?}"));
                }
                "test_default" | "test_known" => {
                    let text = p["text"].as_str().unwrap_or("");
                    let mut got = pairs(text);
                    // Every acronym-shaped token gets an entry; a known list overrides the text.
                    for w in text.split(|c: char| c.is_whitespace()) {
                        let w = if w.matches('.').count() == 1 { w.trim_end_matches('.') } else { w };
                        if is_acronym(w, None) {
                            got.entry(w.to_string()).or_default();
                        }
                    }
                    if let Some(k) = p["known"].as_object() {
                        for (a, l) in k {
                            got.insert(a.clone(), l.as_str().unwrap_or("").to_string());
                        }
                    }
                    let exp: BTreeMap<String, String> = p["exp"]
                        .as_object()
                        .map(|o| o.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string())).collect())
                        .unwrap_or_default();
                    check(id, got == exp, format!("expected {exp:?}, got {got:?}"));
                }
                _ => {}
            }
        }
    }
    println!("{pass} passed, {fail} failed");
}
