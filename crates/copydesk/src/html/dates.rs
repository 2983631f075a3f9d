//! Publication dates as pages write them (ISO strings in meta tags and JSON-LD, "March 5, 2019",
//! "5 March 2019", dates in URLs), reduced to an ISO 8601 date.
//!
//! Dates in text are read by [`copydesk_parse::first_date`], the reader the text pipeline uses
//! for time-stamp lines ("Published: ..."); this module only adds what metadata writes and text does not: compact "20190305", dates in URL
//! paths, and refusing all-numeric dates whose day and month cannot be told apart ("03/05/2019").

use once_cell::sync::Lazy;
use regex::Regex;

static COMPACT: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^((?:19|20)\d{2})(\d{2})(\d{2})(?:$|T|\d)").expect("valid regex"));
static URL_DATE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)").expect("valid regex"));
/// "03/05/2019", "3.5.19": day and month both could be either.
static AMBIGUOUS: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(0?[1-9]|1[0-2])[/.](0?[1-9]|1[0-2])[/.](?:19|20)?\d\d\b").expect("valid regex"));
/// A date written year first or with a month name, which the parser reads before guessing.
static UNAMBIGUOUS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
        .expect("valid regex")
});

fn format(y: &str, m: u32, d: u32) -> Option<String> {
    let year: u32 = y.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d) && (1900..=2100).contains(&year))
        .then(|| format!("{year:04}-{m:02}-{d:02}"))
}

/// The first date in `s` as "YYYY-MM-DD": ISO-like numeric dates, compact "20190305", and
/// English "March 5, 2019" / "5 March 2019" (read by copydesk-parse). Ambiguous all-numeric dates
/// ("03/05/2019") are not read.
pub fn parse_date(s: &str) -> Option<String> {
    let mut end = s.len().min(200);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let s = s[..end].trim();
    if let Some(c) = COMPACT.captures(s) {
        if let Some(d) = format(&c[1], c[2].parse().ok()?, c[3].parse().ok()?) {
            return Some(d);
        }
    }
    if AMBIGUOUS.is_match(s) && !UNAMBIGUOUS.is_match(s) {
        return None;
    }
    copydesk_parse::first_date(s)
}

/// A date in a URL path ("/2019/03/05/slug"), as "YYYY-MM-DD".
pub fn date_in_url(url: &str) -> Option<String> {
    let c = URL_DATE.captures(url)?;
    format(&c[1], c[2].parse().ok()?, c[3].parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_and_compact() {
        assert_eq!(parse_date("2019-03-05T10:00:00Z").as_deref(), Some("2019-03-05"));
        assert_eq!(parse_date("2019/3/5").as_deref(), Some("2019-03-05"));
        assert_eq!(parse_date("20190305").as_deref(), Some("2019-03-05"));
        assert_eq!(parse_date("2019-13-05"), None);
    }

    #[test]
    fn written_dates() {
        assert_eq!(parse_date("Published March 5, 2019 at 3pm").as_deref(), Some("2019-03-05"));
        assert_eq!(parse_date("Updated: 5th Sept. 2019").as_deref(), Some("2019-09-05"));
        assert_eq!(parse_date("Tue 12 Nov 2019 06.00 GMT").as_deref(), Some("2019-11-12"));
        assert_eq!(parse_date("no date 2019"), None);
        assert_eq!(parse_date("03/05/2019"), None);
        // A day above 12 tells the order.
        assert_eq!(parse_date("25/05/2019").as_deref(), Some("2019-05-25"));
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("2019-03-05\nline two"), Some("2019-03-05".to_string()));
    }

    #[test]
    fn same_reading_as_the_text_parser() {
        // The text pipeline reads a time-stamp line the same way.
        let line = "Published: 12:03 EST, 3 May 2017 | Updated: 14:00 EST, 4 May 2017";
        assert_eq!(parse_date(line), copydesk_parse::parse_str(line).published);
        assert_eq!(parse_date(line).as_deref(), Some("2017-05-03"));
    }

    #[test]
    fn url_dates() {
        assert_eq!(date_in_url("https://example.org/2020/07/14/some-story").as_deref(), Some("2020-07-14"));
        assert_eq!(date_in_url("https://example.org/news/some-story"), None);
    }
}
