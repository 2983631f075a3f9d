//! The sample article's money and dates, valued against its publication date.

use copydesk_extract::{extract, ExtractOptions};
use copydesk_normalize::{normalize, NormalizeOptions};
use copydesk_parse::parse;

const SAMPLE: &str = include_str!("../../../examples/sputnik-nato-balkans.txt");

fn run(published: Option<&str>) -> (String, copydesk_extract::Extraction) {
    let norm = normalize(SAMPLE, &NormalizeOptions::default());
    let doc = parse(&norm);
    let ex = extract(&norm, &doc, &ExtractOptions { published: published.map(str::to_string) });
    (norm.text.clone(), ex)
}

#[test]
fn sample_money() {
    let (text, ex) = run(Some("2017-11-27"));
    let money: Vec<(&str, f64, &str)> =
        ex.money.iter().map(|m| (m.span.slice(&text), m.value, m.currency.as_str())).collect();
    assert_eq!(money.len(), 1, "{money:?}");
    assert_eq!(money[0].0, "$10.5 billion");
    assert!((money[0].1 - 10.5e9).abs() < 1.0);
    assert_eq!(money[0].2, "USD");
}

#[test]
fn sample_dates() {
    let (text, ex) = run(Some("2017-11-27"));
    let dates: Vec<(&str, Option<&str>)> = ex.dates.iter().map(|d| (d.span.slice(&text), d.value.as_deref())).collect();
    assert_eq!(
        dates,
        vec![
            ("mid-November", Some("2017-11")),
            ("2019", Some("2019")),
            ("2016", Some("2016")),
            ("September", Some("2017-09")),
            ("2014", Some("2014")),
        ]
    );
}

#[test]
fn sample_dates_without_published() {
    let (text, ex) = run(None);
    // bare months cannot be placed without the article date: value null, not a guess
    for d in &ex.dates {
        let s = d.span.slice(&text);
        if s.contains("November") || s.contains("September") {
            assert_eq!(d.value, None, "{s}");
        }
    }
}
