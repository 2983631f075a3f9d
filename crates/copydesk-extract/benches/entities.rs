//! Throughput of entity and acronym extraction (documents/s and MB/s) on the sample articles.

use copydesk_extract::{extract, ExtractOptions};
use copydesk_normalize::{normalize, NormalizeOptions};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus() -> Vec<String> {
    let mut docs = vec![include_str!("../../../examples/sputnik-nato-balkans.txt").to_string()];
    for f in ["harbour-bridge-budget.txt", "vaccine-trial-nairobi.txt"] {
        if let Ok(s) = std::fs::read_to_string(format!("{}/../../examples/{f}", env!("CARGO_MANIFEST_DIR"))) {
            docs.push(s);
        }
    }
    docs
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    let prepared: Vec<_> = docs
        .iter()
        .map(|d| {
            let n = normalize(d, &NormalizeOptions::default());
            let doc = copydesk_parse::parse(&n);
            (n, doc)
        })
        .collect();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract_all (entities, acronyms, quotes, money, dates)", |b| {
        b.iter(|| {
            for (n, d) in &prepared {
                std::hint::black_box(extract(n, d, &ExtractOptions::default()));
            }
        })
    });
    g.bench_function("acronym definitions", |b| {
        b.iter(|| {
            for (n, _) in &prepared {
                std::hint::black_box(copydesk_extract::acronyms::definitions(&n.text));
            }
        })
    });
    g.finish();
    let mut g = c.benchmark_group("documents");
    g.throughput(Throughput::Elements(docs.len() as u64));
    g.bench_function("extract per document", |b| {
        b.iter(|| {
            for (n, d) in &prepared {
                std::hint::black_box(extract(n, d, &ExtractOptions::default()));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
