//! Quick throughput check: `cargo run --release -p copydesk-normalize --example speed -- [FILE.jsonl [REPS]]`.
//! Prints MB/s of `normalize` over the texts of a JSON-lines file (field "text"), or over
//! generated plain ASCII text when no file is given (or the file is "-"); best of REPS runs
//! (default 5; 1 suits callgrind).

use copydesk_normalize::{normalize, NormalizeOptions};
use std::time::Instant;

fn main() {
    let reps: usize = std::env::args().nth(2).and_then(|r| r.parse().ok()).unwrap_or(5).max(1);
    let texts: Vec<String> = match std::env::args().nth(1).filter(|p| p != "-") {
        Some(p) => std::fs::read_to_string(&p)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
            .collect(),
        None => (0..200)
            .map(|i| format!("The minister said on Monday {i} that talks would resume.\n\n").repeat(60))
            .collect(),
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let opts = NormalizeOptions::default();
    let mut best = f64::MAX;
    for _ in 0..reps {
        let t = Instant::now();
        let n: usize = texts.iter().map(|t| normalize(t, &opts).text.len()).sum();
        std::hint::black_box(n);
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("{} texts, {:.1} MB, {:.1} MB/s", texts.len(), bytes as f64 / 1e6, bytes as f64 / 1e6 / best);
}
