//! Data-driven tests on vendored peer cases (tests/data: Recognizers-Text, MIT; Duckling,
//! BSD-3-Clause; see the LICENSE and SOURCE files there) with pass-rate floors. The scoring
//! rules are those of `examples/peer_money_dates.rs`, which this test includes.

#[allow(dead_code)]
#[path = "../examples/peer_money_dates.rs"]
mod peer;

use copydesk_extract::NumberKind;
use std::path::PathBuf;

fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

fn check(name: &str, t: peer::Tally, floor: f64) {
    let pct = t.pct();
    assert!(t.total > 0, "{name}: no cases loaded");
    assert!(
        pct >= floor,
        "{name}: {}/{} = {pct:.1}% < {floor}%\n{}",
        t.pass,
        t.total,
        t.fails.iter().take(15).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn recognizers_currency() {
    check("currency", peer::recognizers_currency(&data()), 90.0);
}

#[test]
fn duckling_money() {
    check("duckling money", peer::duckling_money(&data(), false), 85.0);
}

#[test]
fn recognizers_numbers_and_percent() {
    let n = peer::recognizers_numbers(&data(), "recognizers_text__Number__English__NumberModel", NumberKind::Number);
    let p = peer::recognizers_numbers(&data(), "recognizers_text__Number__English__PercentModel", NumberKind::Percent);
    check("numbers+percent", peer::Tally { pass: n.pass + p.pass, total: n.total + p.total, fails: n.fails }, 90.0);
}

#[test]
fn recognizers_date_periods() {
    check("date periods", peer::dateperiod(&data()), 78.0);
}
