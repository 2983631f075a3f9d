//! Criterion bench of `parse` alone (normalization done beforehand), reported per document
//! (documents/s) and per byte (MB/s): the BBC corpus of the shared folder when present
//! (../shared/corpus/bbc.jsonl, or $COPYDESK_BENCH_CORPUS), else generated page-like text.
//! Run with `cargo bench -p copydesk-parse --bench parse`.

use copydesk_normalize::{normalize, NormalizeOptions, NormalizedText};
use copydesk_parse::parse;
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
        .take(500)
        .collect();
    (!texts.is_empty()).then_some(texts)
}

/// Page-like documents: a title, menu lines, a byline, paragraphs, related links, a footer.
fn generated(docs: usize) -> Vec<String> {
    let words = [
        "the", "minister", "said", "on", "Monday", "that", "talks", "would", "resume", "in", "Brussels", "next", "week",
    ];
    let mut seed = 7u64;
    let mut next = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    (0..docs)
        .map(|_| {
            let mut d = String::from("Talks to resume next week | Example News\nHome\nWorld\nBusiness\nSign in\nTalks to resume next week\nBy Jane Roe\nPublished: 3 May 2017\n");
            for _ in 0..12 {
                for k in 0..50 {
                    if k > 0 {
                        d.push(' ');
                    }
                    d.push_str(words[next() % words.len()]);
                }
                d.push_str(".\n\n");
            }
            d.push_str("READ MORE: Another story\nShare\n© 2017 Example News. All rights reserved.\n");
            d
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let (name, texts) = match corpus() {
        Some(t) => ("bbc", t),
        None => ("generated", generated(200)),
    };
    let opts = NormalizeOptions::default();
    let norms: Vec<NormalizedText> = texts.iter().map(|t| normalize(t, &opts)).collect();
    let bytes: usize = norms.iter().map(|n| n.text.len()).sum();
    let mut g = c.benchmark_group("parse");
    g.measurement_time(Duration::from_secs(5)).sample_size(20);
    g.throughput(Throughput::Elements(norms.len() as u64));
    g.bench_function(format!("{name}/documents"), |b| {
        b.iter(|| norms.iter().map(|n| parse(n).blocks.len()).sum::<usize>())
    });
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(format!("{name}/bytes"), |b| {
        b.iter(|| norms.iter().map(|n| parse(n).blocks.len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
