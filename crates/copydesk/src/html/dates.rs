//! Publication dates as pages write them (ISO strings in meta tags and JSON-LD, "March 5, 2019",
//! "5 March 2019", dates in URLs), reduced to an ISO 8601 date.

use once_cell::sync::Lazy;
use regex::Regex;

static ISO: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T)").expect("valid regex"));
static COMPACT: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^((?:19|20)\d{2})(\d{2})(\d{2})(?:$|T|\d)").expect("valid regex"));
static MONTH_FIRST: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b").expect("valid regex")
});
static DAY_FIRST: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+((?:19|20)\d{2})\b")
        .expect("valid regex")
});
static URL_DATE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)").expect("valid regex"));

fn month_number(name: &str) -> Option<u32> {
    let n = name.to_ascii_lowercase();
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let prefix = n.get(..3)?;
    let i = MONTHS.iter().position(|m| *m == prefix)?;
    // "sept" and full names are fine; reject words that merely start like a month ("mayor", "marching").
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    (n.len() == 3 || n == "sept" || FULL[i] == n).then_some(i as u32 + 1)
}

fn format(y: &str, m: u32, d: u32) -> Option<String> {
    let year: u32 = y.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d) && (1900..=2100).contains(&year))
        .then(|| format!("{year:04}-{m:02}-{d:02}"))
}

/// The first date in `s` as "YYYY-MM-DD": ISO-like numeric dates, compact "20190305", and
/// English "March 5, 2019" / "5 March 2019". Ambiguous slashed dates ("03/05/2019") are not read.
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.get(..s.len().min(200)).unwrap_or(s);
    if let Some(c) = ISO.captures(s) {
        if let Some(d) = format(&c[1], c[2].parse().ok()?, c[3].parse().ok()?) {
            return Some(d);
        }
    }
    if let Some(c) = COMPACT.captures(s.trim()) {
        if let Some(d) = format(&c[1], c[2].parse().ok()?, c[3].parse().ok()?) {
            return Some(d);
        }
    }
    let a = MONTH_FIRST.captures(s).and_then(|c| {
        let d = format(&c[3], month_number(&c[1])?, c[2].parse().ok()?)?;
        Some((c.get(0)?.start(), d))
    });
    let b = DAY_FIRST.captures(s).and_then(|c| {
        let d = format(&c[3], month_number(&c[2])?, c[1].parse().ok()?)?;
        Some((c.get(0)?.start(), d))
    });
    match (a, b) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a.1 } else { b.1 }),
        (Some(a), None) => Some(a.1),
        (None, Some(b)) => Some(b.1),
        (None, None) => None,
    }
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
        assert_eq!(parse_date("the mayor 5 2019"), None);
        assert_eq!(parse_date("03/05/2019"), None);
    }

    #[test]
    fn url_dates() {
        assert_eq!(date_in_url("https://example.org/2020/07/14/some-story").as_deref(), Some("2020-07-14"));
        assert_eq!(date_in_url("https://example.org/news/some-story"), None);
    }
}
