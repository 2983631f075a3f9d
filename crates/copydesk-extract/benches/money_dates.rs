//! Throughput of the money, number and date finders (MB/s) on the sample articles, and on a long
//! synthetic text to show linear time.

use copydesk_extract::{find_dates_in, find_money_in, find_numbers_in};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus() -> String {
    let mut text = include_str!("../../../examples/sputnik-nato-balkans.txt").to_string();
    for f in ["harbour-bridge-budget.txt", "vaccine-trial-nairobi.txt"] {
        if let Ok(s) = std::fs::read_to_string(format!("{}/../../examples/{f}", env!("CARGO_MANIFEST_DIR"))) {
            text.push_str("\n\n");
            text.push_str(&s);
        }
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let long: String =
        "The fund paid US$4.7 billion on Nov. 27, 2017, up 4.5 per cent from mid-November 2016; ".repeat(2000);
    let mut g = c.benchmark_group("money_dates");
    for (name, t) in [("articles", &text), ("synthetic-180KB", &long)] {
        g.throughput(Throughput::Bytes(t.len() as u64));
        g.bench_function(format!("money/{name}"), |b| b.iter(|| find_money_in(t)));
        g.bench_function(format!("numbers/{name}"), |b| b.iter(|| find_numbers_in(t)));
        g.bench_function(format!("dates/{name}"), |b| b.iter(|| find_dates_in(t, Some("2017-11-27"))));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
