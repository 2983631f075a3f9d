//! Criterion benches of `normalize` (throughput in bytes): the BBC corpus of the shared folder
//! when present (../shared/corpus/bbc.jsonl, or $COPYDESK_BENCH_CORPUS), else generated news-like
//! text; plain ASCII text (the fast path); and messy text (no-break spaces, curly quotes,
//! entities, mojibake). Run with `cargo bench -p copydesk-normalize --bench normalize`.

use copydesk_normalize::{normalize, NormalizeOptions};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::time::Duration;

fn corpus() -> Option<Vec<String>> {
    let path = std::env::var("COPYDESK_BENCH_CORPUS")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/bbc.jsonl").to_string());
    let data = std::fs::read_to_string(path).ok()?;
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    (!texts.is_empty()).then_some(texts)
}

/// News-like paragraphs, deterministic.
fn generated(paragraphs: usize, messy: bool) -> Vec<String> {
    let words = [
        "the",
        "minister",
        "said",
        "on",
        "Monday",
        "that",
        "talks",
        "would",
        "resume",
        "in",
        "Brussels",
        "next",
        "week",
        "officials",
        "told",
        "reporters",
    ];
    let extras = ["\u{a0}", "\u{201c}", "\u{201d}", "\u{2019}", "&amp;", "Ã©", "\u{2014}", "caf\u{e9}", "  "];
    let mut out = Vec::new();
    let mut seed = 7u64;
    for _ in 0..paragraphs / 10 {
        let mut doc = String::new();
        for _ in 0..10 {
            for k in 0..60 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                if k > 0 {
                    doc.push(' ');
                }
                doc.push_str(words[(seed >> 33) as usize % words.len()]);
                if messy && (seed >> 20) % 7 == 0 {
                    doc.push_str(extras[(seed >> 40) as usize % extras.len()]);
                }
            }
            doc.push_str(".\n\n");
        }
        out.push(doc);
    }
    out
}

fn bench_set(c: &mut Criterion, name: &str, texts: &[String]) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let opts = NormalizeOptions::default();
    let mut g = c.benchmark_group("normalize");
    g.sample_size(10).warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(3));
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(name, |b| b.iter(|| texts.iter().map(|t| normalize(t, &opts).text.len()).sum::<usize>()));
    g.finish();
}

fn benches(c: &mut Criterion) {
    match corpus() {
        Some(texts) => bench_set(c, "bbc_corpus", &texts),
        None => bench_set(c, "generated_news", &generated(2000, true)),
    }
    bench_set(c, "plain_ascii", &generated(2000, false));
    bench_set(c, "messy", &generated(2000, true));
}

criterion_group!(normalize_benches, benches);
criterion_main!(normalize_benches);
