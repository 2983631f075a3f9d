//! Score normalize on ftfy's test cases (peer-suites JSON lines).
//!
//! `cargo run --release -p copydesk-normalize --example peer_ftfy -- ../shared/peer-suites/jsonl/ftfy.jsonl [-v]`
//!
//! Options are ftfy-compatible: the defaults, minus the two whitespace folds ftfy does not do
//! (space variants to " ", collapsing runs of spaces). A case passes when the output equals ftfy's
//! expected `fix_text` result exactly; negatives pass when nothing but those folds changed.

use copydesk_normalize::{normalize, NormalizeOptions};
use std::collections::BTreeMap;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "../shared/peer-suites/jsonl/ftfy.jsonl".to_string());
    let verbose = args.any(|a| a == "-v");
    let data = match std::fs::read_to_string(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    let opts = NormalizeOptions { fold_spaces: false, collapse_spaces: false, ..NormalizeOptions::default() };
    let mut tally: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(row) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let get = |k: &str| row.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
        let (input, expected, category, expect) = (get("input"), get("expected"), get("category"), get("expect"));
        let out = normalize(&input, &opts).text;
        let ok = out == expected;
        let key = if expect == "fail" { format!("{category} (xfail)") } else { category.clone() };
        let e = tally.entry(key).or_default();
        e.1 += 1;
        if ok {
            e.0 += 1;
        } else if verbose && expect != "fail" {
            println!(
                "FAIL {}: {}\n  input:    {:?}\n  got:      {:?}\n  expected: {:?}",
                get("id"),
                get("label"),
                input,
                out,
                expected
            );
        }
    }
    let mut fixed = (0, 0);
    for (k, (ok, n)) in &tally {
        println!("{k:28} {ok:4}/{n:<4} {:6.1}%", 100.0 * *ok as f64 / (*n).max(1) as f64);
        if k == "in-the-wild" || k == "synthetic" {
            fixed.0 += ok;
            fixed.1 += n;
        }
    }
    println!(
        "{:28} {:4}/{:<4} {:6.1}%",
        "in-the-wild + synthetic",
        fixed.0,
        fixed.1,
        100.0 * fixed.0 as f64 / fixed.1.max(1) as f64
    );
}
