//! Score copydesk's money, number and date finders on other tools' English test cases
//! (Microsoft Recognizers-Text specs, Facebook Duckling corpora) converted to JSON lines.
//!
//! ```text
//! cargo run --release -p copydesk-extract --example peer_money_dates -- [PEER_JSONL_DIR] [--show SUITE]
//! ```
//! PEER_JSONL_DIR defaults to `../shared/peer-suites/jsonl` beside the workspace. `--show SUITE`
//! prints the failing cases of one suite (currency, duckling-money, number, percent, dateperiod,
//! duckling-time).
//!
//! Pass rules (one case passes when all its expected items match and nothing else is found):
//! - Recognizers Currency/Number/Percent: exact character span, value (relative error < 1e-9;
//!   cents and pence are hundredths of the main unit), currency (ISO code, or the ISO codes a
//!   generic unit name like "Dollar" or "Franc" stands for).
//! - Duckling AmountOfMoney (locale EN): one sum covering every digit of the input, with the value
//!   (intervals: value and value_max) and currency; negative examples must give nothing.
//! - Recognizers DatePeriod Extractor/Parser and Duckling Time, restricted to cases that name a
//!   month or a year and have no clock time: exact spans (Recognizers), and the value at the
//!   stated grain (intervals compared on their first day and, end-exclusive or inclusive, last).

use copydesk_extract::calendar::{MONTH_ABBREVIATIONS, MONTH_NAMES};
use copydesk_extract::dates::{find_dates_with, DateOptions};
use copydesk_extract::{find_dates_in, find_money_in, find_numbers_in, NumberKind};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn chars(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |s| s.chars().count())
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1e-9) || (a - b).abs() < 1e-12
}

fn load(dir: &Path, name: &str) -> Vec<Value> {
    let file = format!("{name}.jsonl");
    let path = [dir.join(&file), dir.join("recognizers-text").join(&file), dir.join("duckling").join(&file)]
        .into_iter()
        .find(|p| p.exists())
        .unwrap_or_else(|| dir.join(&file));
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("missing {}", path.display());
        return Vec::new();
    };
    text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect()
}

/// ISO codes a Recognizers/Duckling unit name stands for, and the factor to the main unit.
fn unit_codes(unit: &str, iso: Option<&str>) -> (Vec<String>, f64) {
    if let Some(i) = iso {
        return (vec![i.to_string()], 1.0);
    }
    let dollars = ["USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "JMD", "TTD", "NAD", "BZD"];
    let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    match unit {
        "Dollar" => (v(&dollars), 1.0),
        "Cent" => (v(&["USD", "EUR", "MYR", "CAD", "AUD"]), 0.01),
        "Pound" => (v(&["GBP", "EGP", "LBP"]), 1.0),
        "Pence" | "Penny" => (v(&["GBP"]), 0.01),
        "Euro" => (v(&["EUR"]), 1.0),
        "Franc" => (v(&["CHF", "FRF", "XOF", "BEF"]), 1.0),
        "Rupee" => (v(&["INR", "PKR", "LKR", "NPR"]), 1.0),
        "Finnish markka" => (v(&["FIM"]), 1.0),
        "Peseta" => (v(&["ESP"]), 1.0),
        "Netherlands guilder" => (v(&["NLG"]), 1.0),
        "Bitcoin" => (v(&["XBT"]), 1.0),
        "Dinar" => (v(&["IQD", "KWD", "JOD", "BHD"]), 1.0),
        "Riyal" => (v(&["SAR", "QAR"]), 1.0),
        "Rial" => (v(&["IRR", "OMR"]), 1.0),
        "Unnamed" => (v(&["*"]), 1.0),
        u if u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase()) => (vec![u.to_string()], 1.0),
        _ => (vec![format!("?{unit}")], 1.0),
    }
}

fn currency_ok(codes: &[String], got: &str) -> bool {
    codes.iter().any(|c| c == "*" || c == got)
}

/// Pass count of one suite.
pub struct Tally {
    /// Cases passed.
    pub pass: usize,
    /// Cases scored.
    pub total: usize,
    /// Descriptions of the failed cases.
    pub fails: Vec<String>,
}

impl Tally {
    fn new() -> Self {
        Tally { pass: 0, total: 0, fails: Vec::new() }
    }
    fn add(&mut self, ok: bool, what: String) {
        self.total += 1;
        if ok {
            self.pass += 1;
        } else {
            self.fails.push(what);
        }
    }
    /// Pass rate in percent.
    pub fn pct(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            100.0 * self.pass as f64 / self.total as f64
        }
    }
}

pub fn recognizers_currency(dir: &Path) -> Tally {
    let mut t = Tally::new();
    for row in load(dir, "recognizers_text__NumberWithUnit__English__CurrencyModel") {
        if !row["not_supported_by_design"].is_null() {
            continue;
        }
        let input = row["input"].as_str().unwrap_or("");
        let got = find_money_in(input);
        let exp = row["expected"].as_array().cloned().unwrap_or_default();
        let mut ok = got.len() == exp.len();
        for e in &exp {
            let (s, en) = (e["start"].as_u64().unwrap_or(0) as usize, e["end"].as_u64().unwrap_or(0) as usize);
            let r = &e["resolution"];
            let value: Option<f64> = r["value"].as_str().and_then(|v| v.parse().ok());
            let (codes, factor) = unit_codes(r["unit"].as_str().unwrap_or(""), r["isoCurrency"].as_str());
            let hit = got.iter().any(|m| {
                chars(input, m.span.start) == s
                    && chars(input, m.span.end) == en
                    && value.is_some_and(|v| close(m.value, v * factor))
                    && currency_ok(&codes, &m.currency)
            });
            ok &= hit;
        }
        let shown: Vec<String> =
            got.iter().map(|m| format!("{:?}={} {}", m.span.slice(input), m.value, m.currency)).collect();
        let want: Vec<String> = exp.iter().map(|e| format!("{}={}", e["text"], e["resolution"])).collect();
        t.add(ok, format!("{input:?}\n   want {want:?}\n   got  {shown:?}"));
    }
    t
}

pub fn duckling_money(dir: &Path, all_locales: bool) -> Tally {
    let mut t = Tally::new();
    for row in load(dir, "duckling_AmountOfMoney_en") {
        let locale = row["locale"].as_str().unwrap_or("");
        let corpus = row["corpus"].as_str().unwrap_or("");
        if corpus == "latentCorpus" || (!all_locales && locale != "EN") {
            continue;
        }
        let input = row["input"].as_str().unwrap_or("");
        let got = find_money_in(input);
        if corpus == "negativeCorpus" {
            t.add(got.is_empty(), format!("{input:?} (negative) got {got:?}"));
            continue;
        }
        let e = &row["expected"];
        let (codes, factor) = unit_codes(e["unit"].as_str().unwrap_or(""), None);
        let digits: Vec<usize> = input.char_indices().filter(|(_, c)| c.is_ascii_digit()).map(|(i, _)| i).collect();
        let ok = got.len() == 1 && {
            let m = &got[0];
            let covers = digits.iter().all(|&d| m.span.start <= d && d < m.span.end);
            let cur = currency_ok(&codes, &m.currency);
            let val = match e["kind"].as_str() {
                Some("interval") => {
                    let from = e["from"].as_f64().unwrap_or(f64::NAN) * factor;
                    let to = e["to"].as_f64().unwrap_or(f64::NAN) * factor;
                    close(m.value, from) && m.value_max.is_some_and(|x| close(x, to))
                }
                _ => close(m.value, e["value"].as_f64().unwrap_or(f64::NAN) * factor) && m.value_max.is_none(),
            };
            covers && cur && val
        };
        let shown: Vec<String> = got
            .iter()
            .map(|m| format!("{:?}={}..{:?} {}", m.span.slice(input), m.value, m.value_max, m.currency))
            .collect();
        t.add(ok, format!("{locale} {input:?} want {e} got {shown:?}"));
    }
    t
}

pub fn recognizers_numbers(dir: &Path, file: &str, kind: NumberKind) -> Tally {
    let mut t = Tally::new();
    for row in load(dir, file) {
        if !row["not_supported_by_design"].is_null() {
            continue;
        }
        let input = row["input"].as_str().unwrap_or("");
        let got: Vec<_> = find_numbers_in(input).into_iter().filter(|n| n.kind == kind).collect();
        let exp = row["expected"].as_array().cloned().unwrap_or_default();
        let mut ok = got.len() == exp.len();
        for e in &exp {
            let (s, en) = (e["start"].as_u64().unwrap_or(0) as usize, e["end"].as_u64().unwrap_or(0) as usize);
            let value: Option<f64> =
                e["resolution"]["value"].as_str().and_then(|v| v.trim_end_matches('%').parse().ok());
            let hit = got.iter().any(|n| {
                chars(input, n.span.start) == s
                    && chars(input, n.span.end) == en
                    && value.is_some_and(|v| (n.value - v).abs() <= 1e-9 * v.abs().max(1.0))
            });
            ok &= hit;
        }
        let shown: Vec<String> = got.iter().map(|n| format!("{:?}={}", n.span.slice(input), n.value)).collect();
        let want: Vec<String> = exp.iter().map(|e| format!("{}={}", e["text"], e["resolution"]["value"])).collect();
        t.add(ok, format!("{input:?}\n   want {want:?}\n   got  {shown:?}"));
    }
    t
}

/// The input names a month or a four-digit year and has no clock time.
fn month_or_year_no_clock(input: &str) -> bool {
    let low = input.to_lowercase();
    let words: Vec<&str> = low.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let month = words.iter().any(|w| MONTH_NAMES.contains(w) || MONTH_ABBREVIATIONS.contains(w));
    let year = words
        .iter()
        .any(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && (w.starts_with('1') || w.starts_with('2')));
    let clock_words = [
        "am",
        "pm",
        "noon",
        "midnight",
        "morning",
        "afternoon",
        "evening",
        "night",
        "tonight",
        "hour",
        "hours",
        "minute",
        "minutes",
        "oclock",
        "o",
    ];
    let clock = low.contains(':')
        || low.contains("a.m")
        || low.contains("p.m")
        || words.iter().any(|w| {
            clock_words.contains(w)
                || ((w.ends_with("am") || w.ends_with("pm")) && w.len() > 2 && w.as_bytes()[0].is_ascii_digit())
        });
    (month || year) && !clock
}

/// Days since an epoch for "YYYY-MM-DD".
fn day_num(s: &str) -> Option<i64> {
    let y: i64 = s.get(0..4)?.parse().ok()?;
    let m: i64 = s.get(5..7)?.parse().ok()?;
    let d: i64 = s.get(8..10)?.parse().ok()?;
    let y2 = if m <= 2 { y - 1 } else { y };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    Some(era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy)
}

/// First day and the day after the last day of a partial ISO value ("2016", "2016-11", "197",
/// "2016-Q3", "2016-11-04").
fn expand(v: &str) -> Option<(String, String)> {
    let b = v.as_bytes();
    match v.len() {
        3 if b.iter().all(u8::is_ascii_digit) => {
            let d: i64 = v.parse().ok()?;
            Some((format!("{:04}-01-01", d * 10), format!("{:04}-01-01", d * 10 + 10)))
        }
        4 => {
            let y: i64 = v.parse().ok()?;
            Some((format!("{y:04}-01-01"), format!("{:04}-01-01", y + 1)))
        }
        7 if v.as_bytes()[5] == b'H' => {
            let y: i64 = v[0..4].parse().ok()?;
            let h: i64 = v[6..7].parse().ok()?;
            Some(if h == 1 {
                (format!("{y:04}-01-01"), format!("{y:04}-07-01"))
            } else {
                (format!("{y:04}-07-01"), format!("{:04}-01-01", y + 1))
            })
        }
        7 if v.as_bytes()[5] == b'Q' => {
            let y: i64 = v[0..4].parse().ok()?;
            let q: i64 = v[6..7].parse().ok()?;
            let m = (q - 1) * 3 + 1;
            let (ny, nm) = if m + 3 > 12 { (y + 1, m + 3 - 12) } else { (y, m + 3) };
            Some((format!("{y:04}-{m:02}-01"), format!("{ny:04}-{nm:02}-01")))
        }
        7 => {
            let y: i64 = v[0..4].parse().ok()?;
            let m: i64 = v[5..7].parse().ok()?;
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            Some((format!("{y:04}-{m:02}-01"), format!("{ny:04}-{nm:02}-01")))
        }
        10 => {
            let n = day_num(v)?;
            let _ = n;
            Some((v.to_string(), next_day(v)?))
        }
        _ => None,
    }
}

fn next_day(v: &str) -> Option<String> {
    let y: i32 = v.get(0..4)?.parse().ok()?;
    let m: u32 = v.get(5..7)?.parse().ok()?;
    let d: u32 = v.get(8..10)?.parse().ok()?;
    let dim = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => {
            if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 {
                29
            } else {
                28
            }
        }
    };
    Some(if d < dim {
        format!("{y:04}-{m:02}-{:02}", d + 1)
    } else if m < 12 {
        format!("{y:04}-{:02}-01", m + 1)
    } else {
        format!("{:04}-01-01", y + 1)
    })
}

/// Match with "X" wildcards in the expected string.
fn wild_eq(expected: &str, got: &str) -> bool {
    expected.len() == got.len() && expected.bytes().zip(got.bytes()).all(|(e, g)| e == b'X' || e == g)
}

/// Compare a Recognizers timex to our value.
fn timex_ok(timex: &str, got: Option<&str>) -> bool {
    let Some(got) = got else { return false };
    if let Some(inner) = timex.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        let parts: Vec<&str> = inner.split(',').collect();
        if parts.len() < 2 {
            return false;
        }
        let (gs, ge) = match got.split_once('/') {
            Some((a, b)) => (expand(a), expand(b)),
            None => (expand(got), expand(got)),
        };
        let (Some(gs), Some(ge)) = (gs, ge) else { return false };
        return wild_eq(parts[0], &gs.0) && (wild_eq(parts[1], &ge.1) || wild_eq(parts[1], &ge.0));
    }
    let t = timex.split('T').next().unwrap_or(timex);
    wild_eq(t, got)
}

pub fn dateperiod(dir: &Path) -> Tally {
    let mut t = Tally::new();
    for file in [
        "recognizers_text__DateTime__English__DatePeriodExtractor",
        "recognizers_text__DateTime__English__DatePeriodParser",
    ] {
        for row in load(dir, file) {
            if !row["not_supported_by_design"].is_null() {
                continue;
            }
            let input = row["input"].as_str().unwrap_or("");
            if !month_or_year_no_clock(input) {
                continue;
            }
            let reference = row["reference_datetime"].as_str().unwrap_or("2016-11-07");
            let got = find_dates_in(input, Some(reference));
            let exp = row["expected"].as_array().cloned().unwrap_or_default();
            let mut ok = got.len() == exp.len();
            for e in &exp {
                let s = e["start"].as_u64().unwrap_or(0) as usize;
                let en = e["end"].as_u64().unwrap_or(0) as usize;
                let timex = e["resolution"]["Timex"].as_str();
                let hit = got.iter().any(|d| {
                    chars(input, d.span.start) == s
                        && chars(input, d.span.end) == en
                        && timex.map_or(true, |tx| timex_ok(tx, d.value.as_deref()))
                });
                ok &= hit;
            }
            let shown: Vec<String> = got.iter().map(|d| format!("{:?}={:?}", d.span.slice(input), d.value)).collect();
            let want: Vec<String> = exp.iter().map(|e| format!("{}={}", e["text"], e["resolution"]["Timex"])).collect();
            t.add(ok, format!("{input:?} @{reference}\n   want {want:?}\n   got  {shown:?}"));
        }
    }
    t
}

/// Duckling's expected value at its grain as a partial ISO string.
fn at_grain(value: &str, grain: &str) -> Option<String> {
    Some(match grain {
        "Year" => value.get(0..4)?.to_string(),
        "Month" => value.get(0..7)?.to_string(),
        "Day" => value.get(0..10)?.to_string(),
        "Quarter" => {
            let m: u32 = value.get(5..7)?.parse().ok()?;
            format!("{}-Q{}", value.get(0..4)?, (m - 1) / 3 + 1)
        }
        _ => return None,
    })
}

pub fn duckling_time(dir: &Path, holidays: bool) -> Tally {
    let mut t = Tally::new();
    for row in load(dir, "duckling_Time_en") {
        if row["locale"].as_str() != Some("EN") || row["corpus"].as_str() != Some("allExamples") {
            continue;
        }
        let input = row["input"].as_str().unwrap_or("");
        if !month_or_year_no_clock(input) {
            continue;
        }
        let e = &row["expected"];
        if !holidays && e["kind"].as_str().is_some_and(|k| k.contains("Holiday")) {
            continue;
        }
        let grain = e["grain"].as_str().unwrap_or("");
        if !matches!(grain, "Year" | "Month" | "Day" | "Quarter") {
            continue;
        }
        // Duckling places dates without a year in the future of its reference time
        let got = find_dates_with(input, Some("2013-02-12"), &DateOptions { future: true, ..Default::default() });
        let best = got.iter().max_by_key(|d| d.span.end - d.span.start);
        let ok = best.is_some_and(|d| {
            let v = d.value.as_deref().unwrap_or("");
            match e["kind"].as_str() {
                Some(k) if k.contains("nterval") => {
                    let from = e["from"].as_str().and_then(|s| at_grain(s, grain));
                    let to = e["to"].as_str().and_then(|s| at_grain(s, grain));
                    match (from, to, v.split_once('/')) {
                        (Some(f), Some(to), Some((a, b))) => {
                            a == f
                                && (b == to
                                    || expand(b).is_some_and(|(_, nx)| expand(&to).is_some_and(|(s, _)| s == nx)))
                        }
                        _ => false,
                    }
                }
                _ => e["value"].as_str().and_then(|s| at_grain(s, grain)).is_some_and(|want| want == v),
            }
        });
        let shown: Vec<String> = got.iter().map(|d| format!("{:?}={:?}", d.span.slice(input), d.value)).collect();
        t.add(ok, format!("{input:?} want {e} got {shown:?}"));
    }
    t
}

#[allow(dead_code)]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut show = None;
    let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/peer-suites/jsonl");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--show" {
            show = it.next().cloned();
        } else {
            dir = PathBuf::from(a);
        }
    }
    let mut results: BTreeMap<&str, (Tally, f64)> = BTreeMap::new();
    results.insert("currency", (recognizers_currency(&dir), 90.0));
    results.insert("duckling-money", (duckling_money(&dir, false), 85.0));
    results.insert("duckling-money-all-locales", (duckling_money(&dir, true), 0.0));
    let number = recognizers_numbers(&dir, "recognizers_text__Number__English__NumberModel", NumberKind::Number);
    let percent = recognizers_numbers(&dir, "recognizers_text__Number__English__PercentModel", NumberKind::Percent);
    let both = Tally { pass: number.pass + percent.pass, total: number.total + percent.total, fails: Vec::new() };
    results.insert("number", (number, 90.0));
    results.insert("percent", (percent, 0.0));
    results.insert("number+percent", (both, 90.0));
    let dp = dateperiod(&dir);
    let dt = duckling_time(&dir, false);
    let dates = Tally { pass: dp.pass + dt.pass, total: dp.total + dt.total, fails: Vec::new() };
    results.insert("dateperiod", (dp, 80.0));
    results.insert("duckling-time-no-holidays", (dt, 0.0));
    results.insert("duckling-time", (duckling_time(&dir, true), 0.0));
    results.insert("dates-combined-no-holidays", (dates, 80.0));
    for (name, (t, target)) in &results {
        if show.as_deref() == Some(name) {
            for f in &t.fails {
                println!("FAIL {f}");
            }
        }
        let mark = if *target == 0.0 {
            ""
        } else if t.pct() >= *target {
            " ok"
        } else {
            " BELOW"
        };
        println!("{name:28} {:4}/{:<4} {:5.1}%  (target {target}%){mark}", t.pass, t.total, t.pct());
    }
}
