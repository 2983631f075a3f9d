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
    // two amounts each written with its own sign are two sums (as news annotations count them),
    // unless glued into one range or sharing the last one's scale
    let got = money("between $10 and $20 a barrel");
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(close(got[0].1, 10.0) && close(got[1].1, 20.0) && got[0].2.is_none());
    let got = money("sales rose from $61.9 billion to $63.9 billion");
    assert_eq!(got.iter().map(|m| m.0.as_str()).collect::<Vec<_>>(), ["$61.9 billion", "$63.9 billion"]);
    let got = money("about $10-$20 each");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(close(got[0].1, 10.0) && got[0].2.is_some_and(|x| close(x, 20.0)));
    let got = money("between 10 and 20 dollars");
    assert!(got.len() == 1 && got[0].2.is_some_and(|x| close(x, 20.0)), "{got:?}");
    // a year is not the lower bound of a scaled amount
    let got = money("from 10.5 trillion rupiah in 2019 to 147 trillion rupiah in 2022");
    assert_eq!(got.iter().map(|m| m.0.as_str()).collect::<Vec<_>>(), ["10.5 trillion rupiah", "147 trillion rupiah"]);
}

#[test]
fn news_vague_and_compound_amounts() {
    for (text, span, value, max, cur) in [
        ("it cost millions of dollars", "millions of dollars", 1e6, Some(1e9), "USD"),
        ("owes tens of billions of dollars to", "tens of billions of dollars", 1e10, Some(1e11), "USD"),
        ("hundreds of millions of euros", "hundreds of millions of euros", 1e8, Some(1e9), "EUR"),
        ("an extra few hundred dollars a month", "few hundred dollars", 200.0, Some(1000.0), "USD"),
        ("its multibillion-dollar plan", "multibillion-dollar", 2e9, Some(1e12), "USD"),
        ("the billion-dollar company", "billion-dollar", 1e9, None, "USD"),
        ("signed a $175-million agreement", "$175-million", 1.75e8, None, "USD"),
        ("this 30-million-dollar temple", "30-million-dollar", 3e7, None, "USD"),
        ("totalled JD243 million", "JD243 million", 2.43e8, None, "JOD"),
        ("no more than KD 890.", "KD 890", 890.0, None, "KWD"),
        ("a net profit of QR330.7mn for", "QR330.7mn", 3.307e8, None, "QAR"),
        ("it lost 289.4 billion won by June", "289.4 billion won", 2.894e11, None, "KRW"),
        ("to over RM1bil.", "RM1bil", 1e9, None, "MYR"),
        ("a fine of R120 000.", "R120 000", 1.2e5, None, "ZAR"),
    ] {
        let got = money(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].0, span, "{text}");
        assert!(close(got[0].1, value), "{text}: {}", got[0].1);
        assert_eq!(got[0].2.is_some(), max.is_some(), "{text}");
        if let (Some(a), Some(b)) = (got[0].2, max) {
            assert!(close(a, b), "{text}: {a}");
        }
        assert_eq!(got[0].3, cur, "{text}");
    }
    for text in
        ["Labour, which in 2019 won 300 seats", "they won 3 games", "millions of people", "a few hundred people"]
    {
        assert!(money(text).is_empty(), "{text}: {:?}", money(text));
    }
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
