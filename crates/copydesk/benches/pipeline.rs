//! Criterion benches of the full pipeline (`process`, then `to_json`): the sample articles, and
//! each adversarial case at 1x, 10x and 100x its base size (about 50 KB, 500 KB, 5 MB), so the
//! report shows whether time grows linearly. Run with `cargo bench -p copydesk --bench pipeline`;
//! filter with e.g. `-- adversarial/nested_parens`.

#[path = "../tests/common/adversarial.rs"]
mod adversarial;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::time::Duration;

fn examples(c: &mut Criterion) {
    let texts = [
        ("sputnik", include_str!("../../../examples/sputnik-nato-balkans.txt")),
        ("harbour", include_str!("../../../examples/harbour-bridge-budget.txt")),
        ("vaccine", include_str!("../../../examples/vaccine-trial-nairobi.txt")),
    ];
    let mut g = c.benchmark_group("examples");
    for (name, text) in texts {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("process+json", name), text, |b, t| {
            b.iter(|| copydesk::process(t).to_json())
        });
    }
    g.finish();
}

fn adversarial_growth(c: &mut Criterion) {
    let scales: Vec<usize> = std::env::var("COPYDESK_BENCH_SCALES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 10, 100]);
    let mut g = c.benchmark_group("adversarial");
    g.sample_size(10).warm_up_time(Duration::from_millis(200)).measurement_time(Duration::from_secs(2));
    for case in adversarial::cases() {
        for &k in &scales {
            let text = (case.make)(case.base * k);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(case.name, format!("{k}x")), &text, |b, t| {
                b.iter(|| copydesk::process(t).quotes.len())
            });
        }
    }
    g.finish();
}

criterion_group!(benches, examples, adversarial_growth);
criterion_main!(benches);
