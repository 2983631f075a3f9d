//! Hand-made news cases for money and numbers, and span properties.

use copydesk_extract::{find_money_in, find_numbers_in, NumberKind};
use proptest::prelude::*;

fn money(text: &str) -> Vec<(String, f64, Option<f64>, String)> {
    find_money_in(text)
        .into_iter()
        .map(|m| (m.span.slice(text).to_string(), m.value, m.value_max, m.currency))
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

#[test]
fn news_sums() {
    let cases: &[(&str, &str, f64, &str)] = &[
        ("The bank lent US$4.7 billion last year.", "US$4.7 billion", 4.7e9, "USD"),
        ("Tickets cost £10 each.", "£10", 10.0, "GBP"),
        ("The club paid €3.2m for him.", "€3.2m", 3.2e6, "EUR"),
        ("a loss of 1.5 billion euros", "1.5 billion euros", 1.5e9, "EUR"),
        ("The state allotted Rs 500 crore for roads.", "Rs 500 crore", 5e9, "INR"),
        ("He was fined RM50,000 by the court.", "RM50,000", 5e4, "MYR"),
        ("sales of dlrs 220 million", "dlrs 220 million", 2.2e8, "USD"),
        ("a NT$1,200 subsidy", "NT$1,200", 1200.0, "TWD"),
        ("raised HK$20 million", "HK$20 million", 2e7, "HKD"),
        ("the plan costs Tk 1.25 crore", "Tk 1.25 crore", 1.25e7, "BDT"),
        ("worth ₹100 crore", "₹100 crore", 1e9, "INR"),
        ("fees of 35,000 baht", "35,000 baht", 35000.0, "THB"),
        ("about 10 million yuan", "10 million yuan", 1e7, "CNY"),
        ("a 200 shillings fee", "200 shillings", 200.0, "KES"),
        ("a £420m deal", "£420m", 4.2e8, "GBP"),
        ("it paid 3 billion dollars", "3 billion dollars", 3e9, "USD"),
        ("oil rose 50 cents.", "50 cents", 0.5, "USD"),
    ];
    for (text, span, value, cur) in cases {
        let got = money(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].0, *span, "{text}");
        assert!(close(got[0].1, *value), "{text}: {}", got[0].1);
        assert_eq!(got[0].3, *cur, "{text}");
    }
}

#[test]
fn news_ranges() {
    let got = money("The project will cost $5 to $7 million.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "$5 to $7 million");
    assert!(close(got[0].1, 5e6) && got[0].2.is_some_and(|x| close(x, 7e6)));
    let got = money("between $10 and $20 a barrel");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(close(got[0].1, 10.0) && got[0].2.is_some_and(|x| close(x, 20.0)));
}

#[test]
fn not_money() {
    for text in [
        "All 70 of us went.",
        "He won 3 gold medals.",
        "The 2019 election was held in May.",
        "a 45-year-old man",
        "The A4 road is 29km long.",
        "Visit https://example.com/?p=$5 for details",
    ] {
        assert!(money(text).is_empty(), "{text}: {:?}", money(text));
    }
}

#[test]
fn news_numbers() {
    let nums = |t: &str| {
        find_numbers_in(t).into_iter().map(|n| (n.span.slice(t).to_string(), n.value, n.kind)).collect::<Vec<_>>()
    };
    let got =
        nums("More than a dozen people and two-thirds of voters; inflation hit 4.5 per cent, with 1,200 arrests.");
    let want = [
        ("a dozen", 12.0, NumberKind::Number),
        ("two-thirds", 2.0 / 3.0, NumberKind::Number),
        ("4.5 per cent", 4.5, NumberKind::Percent),
        ("1,200", 1200.0, NumberKind::Number),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for (g, w) in got.iter().zip(want.iter()) {
        assert_eq!(g.0, w.0);
        assert!(close(g.1, w.1), "{g:?}");
        assert_eq!(g.2, w.2);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    /// Spans are in bounds, on char boundaries, ordered and non-overlapping, for any text.
    #[test]
    fn spans_are_valid(text in "(\\PC|[$£€0-9 ,.\\-]){0,80}") {
        for list in [find_money_in(&text).into_iter().map(|m| m.span).collect::<Vec<_>>(),
                     find_numbers_in(&text).into_iter().map(|n| n.span).collect::<Vec<_>>()] {
            let mut prev_end = 0;
            for s in list {
                prop_assert!(s.start < s.end && s.end <= text.len());
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                prop_assert!(s.start >= prev_end);
                prev_end = s.end;
            }
        }
    }

    #[test]
    fn values_are_finite(text in "[a-z$£€0-9 ,.\\-]{0,60}") {
        for m in find_money_in(&text) {
            prop_assert!(m.value.is_finite() && m.value >= 0.0);
        }
    }
}
