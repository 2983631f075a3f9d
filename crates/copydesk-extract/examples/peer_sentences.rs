//! Score copydesk's sentence splitter on pySBD's English golden rules.
//!
//! usage: cargo run -p copydesk-extract --example peer_sentences [-- PATH.jsonl] [-v]
//!
//! PATH defaults to ../shared/peer-suites/jsonl/pysbd_golden_rules_en.jsonl (relative to the
//! workspace root); prints failing cases with -v and a one-line summary.

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let path = args.iter().find(|a| !a.starts_with('-')).map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/peer-suites/jsonl/pysbd_golden_rules_en.jsonl")
    });
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("peer_sentences: cannot read {}", path.display());
        std::process::exit(2);
    };
    let (mut ok, mut total) = (0usize, 0usize);
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let input = v["input"].as_str().unwrap_or_default();
        let want: Vec<&str> = v["expected_sentences"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
            .unwrap_or_default();
        let got: Vec<&str> = copydesk_extract::split_text(input).iter().map(|s| s.slice(input)).collect();
        total += 1;
        let want_t: Vec<&str> = want.iter().map(|s| s.trim()).collect();
        if got == want_t {
            ok += 1;
        } else if verbose {
            println!("FAIL {}: {:?}\n  want {:?}\n  got  {:?}", v["id"], input, want_t, got);
        }
    }
    println!("pysbd golden rules (en): {ok}/{total} right");
}
