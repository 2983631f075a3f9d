//! "No damage" audit: normalize every text of some JSON-lines files (field "text") and classify
//! every change by the rule that made it.
//!
//! `cargo run --release -p copydesk-normalize --example peer_damage -- ../shared/gold/dev/*.jsonl ../shared/corpus/*.jsonl`
//!
//! Prints, per rule, how many fixes and documents; for the rules that rewrite text on evidence
//! (mojibake, c1_control, html_entity, unicode) it also prints a few samples (raw -> clean) to
//! review. A change with no rule would be a bug: the example checks that every byte outside the
//! fixes is copied unchanged.

use copydesk_normalize::{normalize, NormalizeOptions};
use std::collections::BTreeMap;

fn main() {
    let opts = NormalizeOptions::default();
    let mut per_rule: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut samples: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let (mut docs, mut bytes, mut unexplained) = (0usize, 0usize, 0usize);
    for path in std::env::args().skip(1) {
        let Ok(data) = std::fs::read_to_string(&path) else {
            eprintln!("skip {path}");
            continue;
        };
        for line in data.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            let Some(raw) = v.get("text").and_then(|t| t.as_str()) else { continue };
            docs += 1;
            bytes += raw.len();
            let n = normalize(raw, &opts);
            let mut seen = std::collections::BTreeSet::new();
            for f in &n.fixes {
                let e = per_rule.entry(f.rule.clone()).or_default();
                e.0 += 1;
                if seen.insert(f.rule.clone()) {
                    e.1 += 1;
                }
                if ["mojibake", "c1_control", "html_entity", "unicode"].contains(&f.rule.as_str()) {
                    let s = samples.entry(f.rule.clone()).or_default();
                    if s.len() < 8 {
                        s.push(format!("{:?}", f.span.slice(raw)));
                    }
                }
            }
            // Every copied piece is the raw bytes; every replaced piece is covered by a fix.
            for p in n.map.pieces() {
                if !p.copied
                    && !n.fixes.iter().any(|f| f.span.start <= p.raw_start && p.raw_start + p.raw_len <= f.span.end)
                {
                    unexplained += 1;
                }
            }
        }
    }
    println!("{docs} documents, {:.1} MB", bytes as f64 / 1e6);
    println!("{:14} {:>8} {:>6}", "rule", "fixes", "docs");
    for (rule, (n, d)) in &per_rule {
        println!("{rule:14} {n:8} {d:6}");
    }
    for (rule, s) in &samples {
        println!("samples of {rule}: {}", s.join(", "));
    }
    println!("changes not explained by a fix: {unexplained}");
}
