//! Speed of the whole HTML pipeline on one thread: `process_html` (decoding excluded; content
//! extraction, metadata, copydesk's stages) then `to_json`, over every page of a JSON-lines file
//! whose lines carry an "html" field (and optionally "url"), such as the scrapinghub-aeb-html
//! gold set. Reports pages per second by wall-clock time and by the process's user CPU time
//! (which a loaded machine changes less).
//!
//! ```text
//! cargo run --release -p copydesk --example html_speed -- PAGES.jsonl [ROUNDS]
//! ```

use std::time::Instant;

/// User CPU time of this process in seconds, read from `/proc/self/stat` (Linux); `None`
/// elsewhere.
fn user_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    // utime is field 14 of the full line, so the 12th after the name.
    let ticks: f64 = rest.split_whitespace().nth(11)?.parse().ok()?;
    // Linux reports these in USER_HZ, which is 100 on every mainstream configuration.
    Some(ticks / 100.0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: html_speed PAGES.jsonl [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3).max(1);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("html_speed: cannot read {path}: {e}");
        std::process::exit(2);
    });
    let pages: Vec<(String, Option<String>)> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            let html = v.get("html")?.as_str()?.to_string();
            let url = v.get("url").and_then(|u| u.as_str()).filter(|u| *u != "None").map(str::to_string);
            Some((html, url))
        })
        .collect();
    if pages.is_empty() {
        eprintln!("html_speed: no lines with an \"html\" field in {path}");
        std::process::exit(2);
    }
    let bytes: usize = pages.iter().map(|(h, _)| h.len()).sum();
    let options = copydesk::Options::default();
    // One warm-up pass: the one-time set-up (regexes, word lists) is not what is measured.
    let mut out_bytes = 0usize;
    for (html, url) in &pages {
        out_bytes += copydesk::process_html(html, url.as_deref(), &options).to_json().len();
    }
    let cpu0 = user_cpu_seconds();
    let t0 = Instant::now();
    for _ in 0..rounds {
        for (html, url) in &pages {
            out_bytes += copydesk::process_html(html, url.as_deref(), &options).to_json().len();
        }
    }
    let wall = t0.elapsed().as_secs_f64();
    let n = (pages.len() * rounds) as f64;
    println!(
        "{} pages ({:.1} MB) x {rounds} rounds, 1 thread: {:.1} pages/s wall, {:.2} MB/s",
        pages.len(),
        bytes as f64 / 1e6,
        n / wall,
        (bytes * rounds) as f64 / 1e6 / wall
    );
    if let (Some(c0), Some(c1)) = (cpu0, user_cpu_seconds()) {
        let cpu = (c1 - c0).max(1e-9);
        println!("user CPU {cpu:.2} s: {:.1} pages/s per core", n / cpu);
    }
    // Keeps the work from being optimized away.
    eprintln!("({out_bytes} bytes of JSON)");
}
