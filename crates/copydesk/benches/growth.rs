//! The growth table of issue 10: each adversarial case through the full pipeline (`process` +
//! `to_json`) at 1x, 10x and 100x its base size, timed (best of a few runs) and printed as a
//! Markdown table with the time ratio between sizes. Linear time gives ratios near 10; a ratio
//! far above 10 (flagged "SUPERLINEAR" past 20) points at a quadratic loop.
//!
//! `cargo bench -p copydesk --bench growth` (release build; the 100x column takes a while).
//! Environment: COPYDESK_GROWTH_SCALES=1,10,100 and COPYDESK_GROWTH_ONLY=name,name to choose.

#[path = "../tests/common/adversarial.rs"]
mod adversarial;

use std::time::Instant;

fn time_once(text: &str) -> f64 {
    let t = Instant::now();
    let a = copydesk::process(text);
    let json = a.to_json();
    std::hint::black_box(json.len());
    t.elapsed().as_secs_f64()
}

fn best_time(text: &str) -> f64 {
    // Repeat small inputs so each measurement lasts long enough; keep the best of 3.
    let reps = (200_000 / text.len().max(1)).clamp(1, 50);
    (0..3).map(|_| (0..reps).map(|_| time_once(text)).sum::<f64>() / reps as f64).fold(f64::INFINITY, f64::min)
}

fn main() {
    // Cargo passes "--bench"; ignore arguments.
    let scales: Vec<usize> = std::env::var("COPYDESK_GROWTH_SCALES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 10, 100]);
    let only: Option<Vec<String>> =
        std::env::var("COPYDESK_GROWTH_ONLY").ok().map(|s| s.split(',').map(|x| x.trim().to_string()).collect());
    let mut header = String::from("| case |");
    let mut rule = String::from("|---|");
    for &k in &scales {
        header.push_str(&format!(" {k}x size | {k}x time |"));
        rule.push_str("---:|---:|");
    }
    header.push_str(" growth | MB/s at largest |");
    rule.push_str("---|---:|");
    println!("{header}\n{rule}");
    for case in adversarial::cases() {
        if let Some(o) = &only {
            if !o.iter().any(|n| n == case.name) {
                continue;
            }
        }
        let mut row = format!("| {} |", case.name);
        let mut times = Vec::new();
        let mut last_len = 0;
        for &k in &scales {
            let text = (case.make)(case.base * k);
            let dt = best_time(&text);
            row.push_str(&format!(" {} | {} |", human_bytes(text.len()), human_secs(dt)));
            times.push((text.len(), dt));
            last_len = text.len();
        }
        let growth: Vec<String> = times
            .windows(2)
            .map(|w| {
                let size_ratio = w[1].0 as f64 / w[0].0 as f64;
                let time_ratio = w[1].1 / w[0].1.max(1e-9);
                let flag = if time_ratio > 2.0 * size_ratio { " SUPERLINEAR" } else { "" };
                format!("x{time_ratio:.1}{flag}")
            })
            .collect();
        let mbs = times.last().map(|&(_, t)| last_len as f64 / 1e6 / t.max(1e-9)).unwrap_or(0.0);
        row.push_str(&format!(" {} | {mbs:.1} |", growth.join(", ")));
        println!("{row}");
    }
}

fn human_bytes(n: usize) -> String {
    if n >= 1 << 20 {
        format!("{:.1} MB", n as f64 / (1 << 20) as f64)
    } else {
        format!("{:.0} KB", n as f64 / 1024.0)
    }
}

fn human_secs(s: f64) -> String {
    if s >= 1.0 {
        format!("{s:.2} s")
    } else {
        format!("{:.2} ms", s * 1e3)
    }
}
