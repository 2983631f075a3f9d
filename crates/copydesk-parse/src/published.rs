//! Publication dates from time-stamp lines ("Published: 12:03 EST, 3 May 2017 | Updated: ...").

use once_cell::sync::Lazy;
use regex::Regex;

static DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?xi)
        (?-u:\b)(?P<iy>(?:19|20)[0-9][0-9])[-/.](?P<im>[0-9]{1,2})[-/.](?P<id>[0-9]{1,2})(?:(?-u:\b)|T)
      | (?-u:\b)(?P<d1>[0-9]{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<m1>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?P<y1>(?:19|20)[0-9][0-9])(?-u:\b)
      | (?-u:\b)(?P<m2>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d2>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)[0-9][0-9])(?-u:\b)
      | (?-u:\b)(?P<na>[0-9]{1,2})[/.](?P<nb>[0-9]{1,2})[/.](?P<ny>(?:19|20)?[0-9][0-9])(?-u:\b)
        ",
    )
    .expect("date regex")
});

/// Words that start a time stamp of the article itself (after at most three non-word characters).
const STAMP_START: [&str; 8] =
    ["published", "posted", "first published", "date", "created", "issued", "released", "written"];
/// Words that mark a time stamp anywhere in a line.
const STAMP_ANY: [&str; 2] = ["published", "posted"];
/// Words that start an update stamp.
const UPDATED: [&str; 4] = ["updated", "last updated", "modified", "last modified"];

/// A byte of an ASCII word (`(?-u:\w)`).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The end of `word` (lower-case ASCII) when `s` starts with it in any case, as the regex
/// crate's case-insensitive matching compares: ASCII letters in either case, and the two
/// non-ASCII characters whose simple case folding is an ASCII letter ("ſ" for s, the Kelvin
/// sign for k).
fn fold_prefix(s: &[u8], word: &str) -> Option<usize> {
    let mut i = 0;
    for &w in word.as_bytes() {
        let b = *s.get(i)?;
        if b.to_ascii_lowercase() == w {
            i += 1;
        } else if w == b's' && s.get(i..i + 2) == Some("\u{17f}".as_bytes()) {
            i += 2;
        } else if w == b'k' && s.get(i..i + 3) == Some("\u{212a}".as_bytes()) {
            i += 3;
        } else {
            return None;
        }
    }
    Some(i)
}

/// True when `s` starts with one of `words` (any case) followed by a word boundary.
fn starts_with_word(s: &[u8], words: &[&str]) -> bool {
    words.iter().any(|w| fold_prefix(s, w).is_some_and(|e| !s.get(e).copied().is_some_and(is_word_byte)))
}

/// True when one of `words` (any case) occurs in `s` as a whole ASCII word; every word starts
/// with the ASCII letter `first` (lower case).
fn contains_word(s: &[u8], words: &[&str], first: u8) -> bool {
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), s).any(|i| {
        (i == 0 || !s.get(i - 1).copied().is_some_and(is_word_byte))
            && s.get(i..).is_some_and(|rest| starts_with_word(rest, words))
    })
}

/// `line` after its leading non-word characters, when there are at most three of them.
fn after_lead(line: &str) -> Option<&str> {
    let rest = line.trim_start_matches(|c: char| !(c.is_alphanumeric() || c == '_'));
    (line[..line.len() - rest.len()].chars().count() <= 3).then_some(rest)
}

/// Month number of an English month name or abbreviation ("Sept." -> 9), by its first three letters.
pub(crate) fn month_num(m: &str) -> Option<u32> {
    let m = m.get(..3)?.to_ascii_lowercase();
    Some(match m.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

fn iso(y: u32, m: u32, d: u32) -> Option<String> {
    ((1..=12).contains(&m) && (1..=31).contains(&d) && (1900..=2100).contains(&y))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// A test every text holding a [`DATE`] match passes (most lines fail it at no regex cost): the
/// three shapes with a month name or a year first hold a year "19dd" or "20dd", the numeric
/// shape a digit, "/" or ".", and a digit.
pub(crate) fn may_hold_date(b: &[u8]) -> bool {
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    memchr::memchr3_iter(b'1', b'2', b'/', b).chain(memchr::memchr_iter(b'.', b)).any(|i| match b.get(i) {
        Some(b'1') => b.get(i + 1) == Some(&b'9') && digit(i + 2) && digit(i + 3),
        Some(b'2') => b.get(i + 1) == Some(&b'0') && digit(i + 2) && digit(i + 3),
        _ => i > 0 && digit(i - 1) && digit(i + 1),
    })
}

/// The first full calendar date (year, month, day) in `s`, as ISO 8601: "2019-03-05",
/// "5 March 2019", "March 5th, 2019", and all-numeric dates read as month/day/year when both
/// could be either. Used for time-stamp lines and by the HTML metadata reader.
pub fn first_date(s: &str) -> Option<String> {
    if !may_hold_date(s.as_bytes()) {
        return None;
    }
    dates_in(s)
}

/// [`first_date`] without its first test.
fn dates_in(s: &str) -> Option<String> {
    for c in DATE.captures_iter(s) {
        let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
        let got = if let (Some(y), Some(m), Some(d)) = (num("iy"), num("im"), num("id")) {
            iso(y, m, d)
        } else if let (Some(d), Some(m), Some(y)) = (num("d1"), c.name("m1"), num("y1")) {
            month_num(m.as_str()).and_then(|m| iso(y, m, d))
        } else if let (Some(m), Some(d), Some(y)) = (c.name("m2"), num("d2"), num("y2")) {
            month_num(m.as_str()).and_then(|m| iso(y, m, d))
        } else if let (Some(a), Some(b), Some(y)) = (num("na"), num("nb"), num("ny")) {
            let y = if y < 100 { 2000 + y } else { y };
            // month/day as in US usage unless the first number cannot be a month
            if a > 12 {
                iso(y, b, a)
            } else {
                iso(y, a, b)
            }
        } else {
            None
        };
        if got.is_some() {
            return got;
        }
    }
    None
}

/// How a line states a date: 2 = publication stamp, 1 = bare date line, 0 = update stamp.
pub(crate) fn stamp_rank(line: &str) -> u8 {
    let rest = after_lead(line);
    if rest.is_some_and(|r| starts_with_word(r.as_bytes(), &UPDATED)) {
        0
    } else if rest.is_some_and(|r| starts_with_word(r.as_bytes(), &STAMP_START))
        || contains_word(line.as_bytes(), &STAMP_ANY, b'p')
    {
        2
    } else {
        1
    }
}

/// True when a short line is mostly a date or time stamp.
pub(crate) fn is_stamp_line(line: &str, words: usize) -> bool {
    words <= 16 && first_date(line).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            first_date("Published: 12:03 EST, 3 May 2017 | Updated: 14:00 EST, 4 May 2017").as_deref(),
            Some("2017-05-03")
        );
        assert_eq!(first_date("Nov 18, 2019 at 9:24 pm ET").as_deref(), Some("2019-11-18"));
        assert_eq!(first_date("2020-01-16T10:00").as_deref(), Some("2020-01-16"));
        assert_eq!(first_date("By Ann Lee | 12/10/2020").as_deref(), Some("2020-12-10"));
        assert_eq!(first_date("on December 4th, 2006").as_deref(), Some("2006-12-04"));
        assert_eq!(first_date("no date here 2019"), None);
        assert_eq!(stamp_rank("Updated: 4 May 2017"), 0);
        assert_eq!(stamp_rank("Published: 3 May 2017"), 2);
        assert_eq!(stamp_rank("Last updated 4 May"), 0);
        assert_eq!(stamp_rank("Dated 4 May"), 1);
        assert_eq!(stamp_rank("-- Date: 4 May"), 2);
        assert_eq!(stamp_rank("---- Date: 4 May"), 1);
        assert_eq!(stamp_rank("Story posted 4 May"), 2);
        assert_eq!(stamp_rank("Story reposted 4 May"), 1);
        assert_eq!(stamp_rank("Story posted_by 4 May"), 1);
        assert_eq!(stamp_rank("Story POSTED"), 2);
        assert_eq!(stamp_rank("Story po\u{17f}ted"), 2);
        assert_eq!(stamp_rank("la\u{17f}t updated"), 0);
        assert_eq!(stamp_rank("\u{e9}posted"), 2);
    }

    /// The regexes the word tests replace: both must agree on any text.
    fn rank_by_regex(line: &str) -> u8 {
        let start =
            Regex::new(r"(?i)^(?:published|posted|first published|date|created|issued|released|written)(?-u:\b)")
                .unwrap();
        let any = Regex::new(r"(?i)(?-u:\b)(?:published|posted)(?-u:\b)").unwrap();
        let updated = Regex::new(r"(?i)^(?:updated|last updated|modified|last modified)(?-u:\b)").unwrap();
        let rest = after_lead(line);
        if rest.is_some_and(|r| updated.is_match(r)) {
            0
        } else if rest.is_some_and(|r| start.is_match(r)) || any.is_match(line) {
            2
        } else {
            1
        }
    }

    #[test]
    fn stamp_words_agree_with_regexes() {
        for line in [
            "Published: 3 May",
            "po\u{17f}ted",
            "PO\u{17f}TED today",
            "\u{212a}posted",
            "xposted",
            "_posted",
            "posted_",
            "first  published",
            "First Published 2019",
            "date",
            "dates",
            "..:date",
            "\u{e9}\u{e9}posted",
            "Last Modified: 3 May",
            "last modifiedx",
        ] {
            assert_eq!(stamp_rank(line), rank_by_regex(line), "{line}");
        }
    }

    proptest::proptest! {
        #[test]
        fn date_test_keeps_dates(s in "[ a-zA-Z0-9/.,:-]{0,10}(19|20|[0-9]{1,2}[/.])?[0-9/. a-z]{0,10}") {
            proptest::prop_assert_eq!(first_date(&s), dates_in(&s));
            if DATE.is_match(&s) {
                proptest::prop_assert!(may_hold_date(s.as_bytes()), "{s}");
            }
        }

        #[test]
        fn stamp_words_agree_on_any_text(line in "[ -_.:\u{e9}\u{17f}\u{212a}a-zA-Z0-9]{0,12}(posted|published|updated|last updated|date|issued|written|x)?[ -_.:\u{17f}a-z0-9]{0,12}") {
            proptest::prop_assert_eq!(stamp_rank(&line), rank_by_regex(&line));
        }
    }
}
