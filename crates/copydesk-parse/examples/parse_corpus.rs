//! Parse the texts of JSON-lines files (`{"text": ...}`), for profiling and for checking that a
//! change keeps the output: `--dump` prints every parsed document (debug form), one per line.
//!
//! `cargo run --release -p copydesk-parse --example parse_corpus -- [--dump] FILE.jsonl...`

use copydesk_normalize::{normalize, NormalizeOptions};
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dump = args.iter().any(|a| a == "--dump");
    let mut texts = Vec::new();
    for path in args.iter().filter(|a| !a.starts_with("--")) {
        let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        for line in data.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                texts.push(normalize(t, &NormalizeOptions::default()));
            }
        }
    }
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let mut blocks = 0usize;
    for n in &texts {
        let doc = copydesk_parse::parse(n);
        blocks += doc.blocks.len();
        if dump {
            let _ = writeln!(out, "{doc:?}");
        }
    }
    if !dump {
        let _ = writeln!(out, "{} documents, {blocks} blocks", texts.len());
    }
}
