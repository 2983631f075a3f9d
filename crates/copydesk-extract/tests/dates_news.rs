//! Hand-made news cases for dates, and span properties.

use copydesk_extract::dates::{find_dates_with, DateOptions};
use copydesk_extract::find_dates_in;
use proptest::prelude::*;

fn dates(text: &str, published: Option<&str>) -> Vec<(String, Option<String>)> {
    find_dates_in(text, published).into_iter().map(|d| (d.span.slice(text).to_string(), d.value)).collect()
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

#[test]
fn news_dates() {
    let p = Some("2022-07-20");
    let cases: &[(&str, &str, Option<String>)] = &[
        ("The vote took place on Nov. 27, 2017 in Kyiv.", "Nov. 27, 2017", s("2017-11-27")),
        ("It was signed on March 31, 2022.", "March 31, 2022", s("2022-03-31")),
        ("Talks resume on Tuesday, June 28.", "Tuesday, June 28", s("2022-06-28")),
        ("He died on 13th of June 2020.", "13th of June 2020", s("2020-06-13")),
        ("The report (27.08.2022) said", "27.08.2022", s("2022-08-27")),
        ("Budget for 2012/13 was cut.", "2012/13", s("2012/2013")),
        ("The war of 2014-2018 ended.", "2014-2018", s("2014/2018")),
        ("in the 1990s, growth", "the 1990s", s("199")),
        ("in the late 19th century", "late 19th century", s("18")),
        ("revenue in Q3 2016 fell", "Q3 2016", s("2016-Q3")),
        ("It fell in early June.", "early June", s("2022-06")),
        ("The match is on Friday.", "Friday", s("2022-07-15")),
        ("It started last Tuesday.", "last Tuesday", s("2022-07-19")),
        ("Celebrations at Christmas were muted.", "Christmas", s("2022-12-25")),
        ("from July 26-28, 2022 in Paris", "from July 26-28, 2022", s("2022-07-26/2022-07-28")),
        ("polls close on the first Tuesday of November.", "the first Tuesday of November", s("2022-11-01")),
        ("held on the last Friday in March 2014", "the last Friday in March 2014", s("2014-03-28")),
        ("due by the last day of February 2024.", "the last day of February 2024", s("2024-02-29")),
        ("in the first week of 2015 it", "the first week of 2015", s("2015-W01")),
        ("in the last week of 2015 it", "the last week of 2015", s("2015-W53")),
        (
            "out between November 15th through the 19th",
            "between November 15th through the 19th",
            s("2022-11-15/2022-11-19"),
        ),
        ("from 19th to 21st Aug in Rome", "from 19th to 21st Aug", s("2022-08-19/2022-08-21")),
        ("figures for 11-2016 show", "11-2016", s("2016-11")),
    ];
    for (text, span, value) in cases {
        let got = dates(text, p);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].0, *span, "{text}");
        assert_eq!(got[0].1, *value, "{text}");
    }
}

#[test]
fn durations_ages_and_verbs_are_not_dates() {
    for text in [
        "He served three years in prison.",
        "A 45-year-old man was arrested.",
        "She may resign soon.",
        "Thousands march on parliament.",
        "About 2000 people marched.",
        "The Zapad-2017 drills alarmed neighbours.",
        "for the past 10 months",
    ] {
        let got = dates(text, Some("2017-11-27"));
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

#[test]
fn deictic_expressions_only_on_request() {
    let text = "In recent days, and again today, officials said the vote two years ago was flawed.";
    assert!(dates(text, Some("2017-11-27")).is_empty());
    let got: Vec<_> = find_dates_with(text, Some("2017-11-27"), &DateOptions { relative: true, ..Default::default() })
        .into_iter()
        .map(|d| (d.span.slice(text).to_string(), d.value))
        .collect();
    assert_eq!(
        got,
        vec![
            ("recent days".to_string(), None),
            ("today".to_string(), s("2017-11-27")),
            ("two years ago".to_string(), s("2015"))
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn spans_are_valid(text in "(\\PC|[0-9 ,./\\-]|May |June |Monday ){0,60}") {
        let mut prev_end = 0;
        for d in find_dates_in(&text, Some("2020-02-29")) {
            prop_assert!(d.span.start < d.span.end && d.span.end <= text.len());
            prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            prop_assert!(d.span.start >= prev_end);
            prev_end = d.span.end;
        }
    }
}
