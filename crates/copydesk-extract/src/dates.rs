//! Dates and temporal expressions common in news, valued as ISO 8601 (partial where that is all
//! the text says) and resolved against the article's date.
//!
//! Recognized: years ("in 2019", "2016 summit" → the year only), months ("September",
//! "mid-November", "early June", "September of 2018"), days ("on Nov. 27", "27 January 2020",
//! "Tuesday, June 28", "27.08.2022", "2022-08-27"), weekdays ("last Tuesday"), ranges
//! ("2014-2018", "2012/13", "July 26-28"), decades ("the 1990s" → "199"), centuries
//! ("19th century" → "18"), quarters ("Q3 2016" → "2016-Q3"), seasons with a year, holidays
//! (`data/holidays.tsv`), "the end of 2000", n-th days and weekdays of a month ("the first
//! Tuesday of November", "the last day of February 2024"), ISO weeks of a year ("the first week
//! of 2015" → "2015-W01"). Deictic expressions ("today", "last year", "recent
//! days", "two weeks ago") are found only with [`DateOptions::relative`], since article-level
//! date annotations usually leave them out. Durations and ages ("three years", "45-year-old")
//! are never dates. A month or weekday that cannot be placed (no article date) gets value None.

use crate::numbers::{class, TokKind, Tokens};
use crate::DateMention;
use copydesk_normalize::Span;
use once_cell::sync::Lazy;
use std::collections::HashMap;

/// A map keyed by text, hashed with the seeded fast hasher.
type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// Options for date finding.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateOptions {
    /// Also report deictic expressions: "today", "yesterday", "this year", "last week",
    /// "recent days", "two years ago".
    pub relative: bool,
    /// Place a month or day without a year in the future of the article date (the convention of
    /// assistants and calendars) instead of at its nearest occurrence (the news convention).
    pub future: bool,
}

/// A calendar date (year, month, day), all known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Ymd {
    y: i32,
    m: u32,
    d: u32,
}

/// Days since 1970-01-01 (proleptic Gregorian), after H. Hinnant's `days_from_civil`.
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y as i64 - 1 } else { y as i64 };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> Ymd {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    Ymd { y: (if m <= 2 { y + 1 } else { y }) as i32, m, d }
}

/// Day of week, 0 = Monday.
/// Day `d` of month `m` (a range to `end` when given), or None when the month has no such day.
fn day_or_range(year: Option<i32>, m: u32, d: u32, end: Option<u32>) -> Option<Val> {
    if d > days_in_month(year.unwrap_or(2000), m) {
        return None;
    }
    Some(match end {
        Some(e) => Val::Range(Box::new(Val::Day(year, m, d)), Box::new(Val::Day(year, m, e))),
        None => Val::Day(year, m, d),
    })
}

fn weekday(d: Ymd) -> i64 {
    (days_from_civil(d.y, d.m, d.d) + 3).rem_euclid(7)
}

/// ISO year and week of a day number (days since 1970-01-01).
fn iso_week(day: i64) -> (i32, i64) {
    let d = civil_from_days(day);
    // the Thursday of that week decides the year
    let thursday = day - weekday(d) + 3;
    let th = civil_from_days(thursday);
    let jan1 = days_from_civil(th.y, 1, 1);
    (th.y, (thursday - jan1) / 7 + 1)
}

/// Year of a month (and day, when given) named without one: nearest the article date (news), or
/// its next occurrence (`future`; a month alone counts as still to come during that month).
fn month_year(p: Ymd, m: u32, day: Option<u32>, future: bool) -> i32 {
    let diff = m as i32 - p.m as i32;
    if future {
        if (m, day.unwrap_or(u32::MAX)) < (p.m, p.d) {
            p.y + 1
        } else {
            p.y
        }
    } else if diff > 6 {
        p.y - 1
    } else if diff < -6 {
        p.y + 1
    } else {
        p.y
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => {
            if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 {
                29
            } else {
                28
            }
        }
    }
}

/// Parse the leading "YYYY-MM-DD" (or "YYYY-MM", "YYYY") of an ISO date.
fn parse_published(p: &str) -> Option<Ymd> {
    let p = p.trim();
    let y: i32 = p.get(0..4)?.parse().ok()?;
    let m: u32 = p.get(5..7).and_then(|s| s.parse().ok()).unwrap_or(6);
    let d: u32 = p.get(8..10).and_then(|s| s.parse().ok()).unwrap_or(15);
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(Ymd { y, m, d })
}

/// A value before resolution.
#[derive(Debug, Clone, PartialEq)]
enum Val {
    Year(i32),
    /// Month with optional year.
    Month(Option<i32>, u32),
    /// Month with a relative year: -1 last, 0 this, 1 next.
    MonthRel(i32, u32),
    Day(Option<i32>, u32, u32),
    /// Month, day and weekday without a year ("Tuesday, June 28"): the year is the one nearest
    /// the article date where the day falls on that weekday.
    DayW(u32, u32, u32),
    /// Weekday (0 = Monday) with a shift: 0 = nearest past or today, -1 = "last", 1 = "next".
    Weekday(u32, i32),
    Decade(i32),
    Century(i32),
    Quarter(Option<i32>, u32),
    /// Half-year ("H1 2016").
    Half(i32, u32),
    Season(Option<i32>, &'static str),
    /// Days from the article date ("yesterday" = -1).
    RelDay(i64),
    /// Weeks from the article date's week.
    RelWeek(i64),
    RelMonth(i64),
    RelYear(i64),
    Range(Box<Val>, Box<Val>),
    /// The n-th (-1: last) weekday (`Some`) or day (`None`) of a month with an optional year:
    /// "the first Tuesday of October", "the last day of October 2015".
    Nth(Option<i32>, u32, i32, Option<u32>),
    /// ISO week of a year ("the first week of 2015" = 2015-W01; -1: the last week).
    Week(i32, i32),
    Null,
}

/// Month number of a month word (full or abbreviated), with whether it is abbreviated.
fn month_of(w: &str) -> Option<(u32, bool)> {
    Some(match w {
        "january" => (1, false),
        "february" => (2, false),
        "march" => (3, false),
        "april" => (4, false),
        "may" => (5, false),
        "june" => (6, false),
        "july" => (7, false),
        "august" => (8, false),
        "september" => (9, false),
        "october" => (10, false),
        "november" => (11, false),
        "december" => (12, false),
        "jan" => (1, true),
        "feb" => (2, true),
        "mar" => (3, true),
        "apr" => (4, true),
        "jun" => (6, true),
        "jul" => (7, true),
        "aug" => (8, true),
        "sep" | "sept" => (9, true),
        "oct" => (10, true),
        "nov" => (11, true),
        "dec" => (12, true),
        _ => return None,
    })
}

fn weekday_of(w: &str) -> Option<u32> {
    Some(match w {
        "monday" | "mon" => 0,
        "tuesday" | "tue" | "tues" => 1,
        "wednesday" | "wed" => 2,
        "thursday" | "thu" | "thur" | "thurs" => 3,
        "friday" | "fri" => 4,
        "saturday" | "sat" => 5,
        "sunday" | "sun" => 6,
        _ => return None,
    })
}

/// Holidays: name (lower-case, spaces removed, as bytes) → fixed "MM-DD" or None for movable
/// feasts; the longest name in tokens; the (first, last) bytes of the names, which reject most
/// spans before a key is built ([`P::holiday`]).
type HolidayTable = (Map<Box<[u8]>, Option<(u32, u32)>>, usize, crate::money::Ends);

static HOLIDAYS: Lazy<HolidayTable> = Lazy::new(|| {
    let mut m: Map<Box<[u8]>, Option<(u32, u32)>> = Map::default();
    let mut max_toks = 1;
    for line in include_str!("../data/holidays.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(name), Some(date)) = (cols.next(), cols.next()) else { continue };
        let md = date.split_once('-').and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)));
        max_toks = max_toks.max(crate::numbers::token_count(name));
        let key: String = name.to_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
        m.insert(key.into_bytes().into_boxed_slice(), md);
    }
    let ends = crate::money::Ends::of(m.keys().map(|k| &k[..]));
    (m, max_toks, ends)
});

/// First words (lower-cased) of the holiday names, for the token lexicon.
pub(crate) fn holiday_first_words() -> Vec<String> {
    include_str!("../data/holidays.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .filter_map(crate::numbers::first_word)
        .collect()
}

/// Words before a bare month that make it a date ("in May", "since March").
fn date_context_word(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "by"
            | "until"
            | "till"
            | "from"
            | "of"
            | "early"
            | "late"
            | "mid"
            | "last"
            | "next"
            | "this"
            | "through"
            | "to"
            | "during"
            | "before"
            | "after"
            | "between"
            | "and"
            | "or"
            | "end"
            | "beginning"
            | "start"
            | "middle"
            | "on"
            | "coming"
            | "past"
            | "each"
            | "every"
            | "throughout"
            | "for"
            | "into"
            | "around"
    )
}

/// Look a text up in a table keyed by the UTF-8 bytes of text without white space, without
/// allocating for short ASCII text.
fn compact_lookup<'m, V>(table: &'m Map<Box<[u8]>, V>, text: &str) -> Option<&'m V> {
    let mut buf = [0u8; 64];
    let mut n = 0;
    if text.is_ascii() && text.len() <= buf.len() {
        for &b in text.as_bytes() {
            if !matches!(b, b' ' | b'\t'..=b'\r') {
                *buf.get_mut(n)? = b;
                n += 1;
            }
        }
        return table.get(buf.get(..n)?);
    }
    let key: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    table.get(key.as_bytes())
}

/// Value of one to `max` (at most nine) ASCII digits: what `str::parse::<u32>` gives for the
/// digit runs of the lexer (no sign), without its general machinery.
#[inline]
fn digits_value(s: &str, max: usize) -> Option<u32> {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > max.min(9) {
        return None;
    }
    b.iter().try_fold(0u32, |v, &c| c.is_ascii_digit().then(|| v * 10 + u32::from(c - b'0')))
}

/// Parser state over tokens.
struct P<'a, 'b> {
    t: &'b Tokens<'a>,
}

impl P<'_, '_> {
    fn low(&self, i: usize) -> &str {
        self.t.low(i)
    }

    fn num(&self, i: usize) -> Option<u32> {
        if self.t.is(i, TokKind::Num) {
            digits_value(self.low(i), 4)
        } else {
            None
        }
    }

    /// A year token: four digits 1000..2999, not glued to a word or hyphenated name ("Zapad-2017").
    fn year(&self, i: usize) -> Option<i32> {
        let s = self.low(i);
        if s.len() != 4 || !self.t.is(i, TokKind::Num) {
            return None;
        }
        let y = digits_value(s, 4)? as i32;
        if !(1000..=2999).contains(&y) {
            return None;
        }
        if i > 0 && self.t.joined(i - 1) {
            let p = self.low(i - 1);
            if self.t.is(i - 1, TokKind::Word)
                || self.t.is(i - 1, TokKind::Num)
                || matches!(p, "$" | "£" | "€" | "#" | "." | ",")
            {
                return None;
            }
            if matches!(p, "-" | "/")
                && i > 1
                && self.t.joined(i - 2)
                && self.t.is(i - 2, TokKind::Word)
                && !matches!(self.low(i - 2), "post" | "pre" | "mid")
            {
                return None;
            }
        }
        if self.t.joined(i) {
            let nx = self.low(i + 1);
            if self.t.is(i + 1, TokKind::Word) && !matches!(nx, "s") {
                return None;
            }
            if matches!(nx, "," | ".") && self.t.is(i + 2, TokKind::Num) && self.t.joined(i + 1) {
                return None;
            }
        }
        Some(y)
    }

    /// Whether a date parser may start at the digits of token `i` (deictic expressions aside):
    /// days, quarters, decades and centuries have one or two digits, years four; a run with a
    /// "." is a date only as "27.08.2022" (eight characters or more); other digits start one only
    /// before "/" or "-" ("100/2") or in a range after "from" or "between". Three digits, five
    /// and more, and decimals ("3.5", "1.13") start nothing else, and they are common in news (a
    /// test checks that every parser fails where this says no).
    #[inline]
    fn num_may_start(&self, i: usize) -> bool {
        let s = self.low(i).as_bytes();
        let alone = if s.contains(&b'.') { s.len() >= 8 } else { matches!(s.len(), 1 | 2 | 4) };
        alone || matches!(self.low(i + 1), "/" | "-") || (i > 0 && matches!(self.low(i - 1), "from" | "between"))
    }

    /// A day of month: "27", "27th", returning the last token.
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        let s = self.low(i);
        if self.t.is(i, TokKind::Word) {
            return self.day_word(i);
        }
        if !self.t.is(i, TokKind::Num) || s.len() > 2 {
            return None;
        }
        let d = digits_value(s, 2)?;
        if !(1..=31).contains(&d) {
            return None;
        }
        if self.t.joined(i) && self.t.is(i + 1, TokKind::Word) {
            return matches!(self.low(i + 1), "st" | "nd" | "rd" | "th").then_some((d, i + 1));
        }
        Some((d, i))
    }

    /// A day written as an ordinal word: "first", "third", "twenty-first", "thirtieth".
    fn day_word(&self, i: usize) -> Option<(u32, usize)> {
        let unit = |w: &str| -> Option<u32> {
            Some(match w {
                "first" => 1,
                "second" => 2,
                "third" => 3,
                "fourth" => 4,
                "fifth" => 5,
                "sixth" => 6,
                "seventh" => 7,
                "eighth" => 8,
                "ninth" => 9,
                "tenth" => 10,
                "eleventh" => 11,
                "twelfth" => 12,
                "thirteenth" => 13,
                "fourteenth" => 14,
                "fifteenth" => 15,
                "sixteenth" => 16,
                "seventeenth" => 17,
                "eighteenth" => 18,
                "nineteenth" => 19,
                "twentieth" => 20,
                "thirtieth" => 30,
                _ => return None,
            })
        };
        let w = self.low(i);
        if let Some(d) = unit(w) {
            return Some((d, i));
        }
        let tens = match w {
            "twenty" => 20,
            "thirty" => 30,
            _ => return None,
        };
        let k = if self.low(i + 1) == "-" { i + 2 } else { i + 1 };
        let u = unit(self.low(k)).filter(|u| *u < 10)?;
        let d = tens + u;
        (d <= 31).then_some((d, k))
    }

    /// A month word at `i` (with an optional glued "."), returning (month, abbreviated, last token).
    fn month(&self, i: usize) -> Option<(u32, bool, usize)> {
        if !self.t.is(i, TokKind::Word) {
            return None;
        }
        let (m, abbr) = month_of(self.low(i))?;
        let raw = self.t.raw(i);
        // "Mar" must be capitalized or in a lower-case text; avoid "mar", "sat"-like words in prose
        let capital = raw.chars().next().is_some_and(char::is_uppercase);
        if abbr && !capital && self.t.has_upper {
            let prev = if i > 0 { self.low(i - 1) } else { "" };
            let prev_ok = date_context_word(prev)
                || (matches!(prev, "st" | "nd" | "rd" | "th") && i >= 2 && self.t.is(i - 2, TokKind::Num))
                || prev == ","
                || (i > 0 && self.year(i - 1).is_some())
                || self.day(i.saturating_sub(1)).is_some();
            let next_ok = self.day(i + 1).is_some() || self.day(i + 2).is_some_and(|_| self.low(i + 1) == ".");
            if !(prev_ok || next_ok) {
                return None;
            }
        }
        if abbr && raw.len() > 1 && raw.chars().skip(1).all(char::is_uppercase) && raw.len() <= 4 && raw != "SEPT" {
            // all-caps "MAR", "DEC" are often acronyms
            return None;
        }
        let last = if abbr && self.low(i + 1) == "." && self.t.joined(i) { i + 1 } else { i };
        Some((m, abbr, last))
    }

    /// Optional ", YYYY" / " YYYY" / " of YYYY" after token `last`.
    fn year_after(&self, last: usize) -> Option<(i32, usize)> {
        let mut k = last + 1;
        if self.low(k) == "," || self.low(k) == "of" {
            k += 1;
        }
        let y = self.year(k)?;
        // "June 2022 people" is fine; "in May 2019" fine
        Some((y, k))
    }

    /// Month-first dates: "November 27", "Nov. 27, 2017", "June 2022", "September of 2018",
    /// "July 26-28", "November 15 to 19".
    fn month_first(&self, i: usize) -> Option<(usize, Val)> {
        let (m, abbr, ml) = self.month(i)?;
        // day
        let mut k = ml + 1;
        if self.low(k) == "the" {
            k += 1;
        }
        if let Some((d, dl)) = self.day(k).filter(|_| self.year(k).is_none()) {
            // not "May 4 people": a following plural noun makes it a count, too rare to model
            // day range "July 26-28", "November 15 to 19"
            let mut last = dl;
            let mut end_day = None;
            if matches!(self.low(dl + 1), "-" | "–" | "to" | "through" | "thru" | "until" | "and") {
                let k2 = if self.low(dl + 2) == "the" { dl + 3 } else { dl + 2 };
                if let Some((d2, dl2)) = self.day(k2) {
                    if d2 > d && self.month(dl2 + 1).is_none() {
                        end_day = Some(d2);
                        last = dl2;
                    }
                }
            }
            let mut year = None;
            if let Some((y, yl)) = self.year_after(last) {
                year = Some(y);
                last = yl;
            }
            return day_or_range(year, m, d, end_day).map(|v| (last, v));
        }
        if let Some((y, yl)) = self.year_after(ml) {
            return Some((yl, Val::Month(Some(y), m)));
        }
        // "June this year", "March last year", "june next year"
        if let Some(rel) = self.rel_year_word(ml + 1) {
            return Some((ml + 2, Val::MonthRel(rel, m)));
        }
        // a bare month: needs context
        let raw = self.t.raw(i);
        let capital = raw.chars().next().is_some_and(char::is_uppercase);
        let lower_text = !self.t.has_upper;
        let prev = if i > 0 { self.low(i - 1) } else { "" };
        // "the May elections": an attributive month before a lower-case noun
        let attributive = prev == "the"
            && capital
            && self.t.is(i + 1, TokKind::Word)
            && self.t.raw(i + 1).chars().next().is_some_and(char::is_lowercase);
        let ctx = date_context_word(prev) || attributive || (prev == "-" && i > 1 && self.low(i - 2) == "mid");
        let strong_prev =
            matches!(prev, "last" | "next" | "this" | "early" | "late" | "mid" | "since" | "until" | "of");
        if !(capital || lower_text || (strong_prev && m != 5)) {
            return None;
        }
        if abbr && !ctx {
            return None;
        }
        if matches!(m, 3 | 5) && !ctx {
            return None;
        }
        if m == 5 && prev == "and" {
            return None;
        }
        // "June Smith", "April Ryan": months that are also given names, before a capitalized word
        if !ctx && matches!(m, 4 | 5 | 6 | 8) {
            if let Some(nx) = self.t.toks.get(i + 1) {
                let nraw = self.t.raw(i + 1);
                if nx.kind == TokKind::Word
                    && nraw.chars().next().is_some_and(char::is_uppercase)
                    && month_of(self.low(i + 1)).is_none()
                {
                    return None;
                }
            }
            if i > 0 && self.t.is(i - 1, TokKind::Word) {
                let praw = self.t.raw(i - 1);
                if praw.chars().next().is_some_and(char::is_uppercase)
                    && !self.sentence_start(i - 1)
                    && weekday_of(prev).is_none()
                {
                    return None;
                }
            }
        }
        Some((ml, Val::Month(None, m)))
    }

    /// Whether token `i` starts a sentence (text start or after . ! ? or a line break).
    fn sentence_start(&self, i: usize) -> bool {
        if i == 0 {
            return true;
        }
        let prev = self.t.toks[i - 1];
        let gap = &self.t.text[prev.end..self.t.toks[i].start];
        gap.contains('\n') || matches!(self.low(i - 1), "." | "!" | "?" | "\"" | "“" | "”" | "(" | ":" | "—" | "-")
    }

    /// "this year" → 0, "last year" → -1, "next year" → 1 at token `k`.
    fn rel_year_word(&self, k: usize) -> Option<i32> {
        if self.low(k + 1) != "year" {
            return None;
        }
        match self.low(k) {
            "this" => Some(0),
            "last" => Some(-1),
            "next" => Some(1),
            _ => None,
        }
    }

    /// "from 4 to January 22, 1995": a bare day after "from"/"between", then a full date.
    fn bare_day_range(&self, i: usize) -> Option<(usize, usize, Val)> {
        if i == 0 || !matches!(self.low(i - 1), "from" | "between") {
            return None;
        }
        let (d, dl) = self.day(i)?;
        if !matches!(self.low(dl + 1), "to" | "until" | "till" | "through" | "thru" | "and" | "-") {
            return None;
        }
        let (l2, v2) = self.month_first(dl + 2)?;
        match v2 {
            Val::Day(y, m, d2) if d2 > d => {
                Some((i - 1, l2, Val::Range(Box::new(Val::Day(y, m, d)), Box::new(Val::Day(y, m, d2)))))
            }
            _ => None,
        }
    }

    /// Day-first dates: "27 January", "13th of June 2020", "22 July", "10-12 June 2022".
    fn day_first(&self, i: usize) -> Option<(usize, Val)> {
        let (d, dl) = self.day(i)?;
        if self.t.is(i, TokKind::Word) && self.low(dl + 1) != "of" {
            return None;
        }
        let mut k = dl + 1;
        let mut d2 = None;
        if matches!(self.low(k), "-" | "–" | "to" | "and" | "until" | "till" | "through" | "thru") {
            let k1 = if self.low(k + 1) == "the" { k + 2 } else { k + 1 };
            if let Some((e, el)) = self.day(k1).filter(|_| self.t.is(k1, TokKind::Num)) {
                if e > d {
                    d2 = Some(e);
                    k = el + 1;
                }
            }
        }
        if self.low(k) == "of" {
            k += 1;
        }
        let (m, _, ml) = self.month(k)?;
        let mut last = ml;
        let mut year = None;
        if let Some((y, yl)) = self.year_after(ml) {
            year = Some(y);
            last = yl;
        }
        day_or_range(year, m, d, d2).map(|v| (last, v))
    }

    /// Numeric dates: "2022-08-27", "27.08.2022", "9/9/2022", "3/2015", "2015/3", "11-2016".
    fn numeric(&self, i: usize) -> Option<(usize, Val)> {
        let t = self.t;
        // tokens: Num sep Num [sep Num], all glued; the lexer keeps "27.08.2022" as one Num
        let s = t.low(i);
        // (byte tests: a digit run is short, a call to memchr costs more)
        let dotted = s.bytes().any(|b| b == b'.');
        if t.is(i, TokKind::Num) && dotted && !s.bytes().any(|b| b == b',') {
            let mut parts = s.split('.');
            let (Some(p0), Some(p1), Some(p2), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
                return None;
            };
            if p2.len() == 4 && p0.len() <= 2 && p1.len() <= 2 {
                let (d, m, y) = (p0.parse().ok()?, p1.parse().ok()?, p2.parse().ok()?);
                if (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m) {
                    return Some((i, Val::Day(Some(y), m, d)));
                }
            }
            return None;
        }
        // (the separator first: most numbers have none after them)
        let sep = t.low(i + 1);
        if !matches!(sep, "/" | "-") {
            return None;
        }
        let a = self.num(i)?;
        if !t.joined(i) || !t.joined(i + 1) {
            // spaced month-year only: "11 / 2016", "2016 - 11"
            let b = self.num(i + 2)?;
            let (la, lb) = (t.low(i).len(), t.low(i + 2).len());
            if la == 4
                && lb <= 2
                && (1..=12).contains(&b)
                && (1000..=2999).contains(&a)
                && b != (a + 1) % 100
                && !(i > 0 && t.joined(i - 1))
            {
                return Some((i + 2, Val::Month(Some(a as i32), b)));
            }
            if lb == 4 && la <= 2 && (1..=12).contains(&a) && (1000..=2999).contains(&b) && !t.joined(i + 2) {
                return Some((i + 2, Val::Month(Some(b as i32), a)));
            }
            return None;
        }
        let b = self.num(i + 2)?;
        let la = t.low(i).len();
        let lb = t.low(i + 2).len();
        let third = if t.low(i + 3) == sep && t.joined(i + 2) && t.joined(i + 3) {
            self.num(i + 4).map(|c| (c, t.low(i + 4).len()))
        } else {
            None
        };
        if let Some((c, lc)) = third {
            if la == 4 && sep == "-" {
                let (y, m, d) = (a as i32, b, c);
                if (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m) {
                    return Some((i + 4, Val::Day(Some(y), m, d)));
                }
                return None;
            }
            if lc == 4 && la <= 2 && lb <= 2 && sep == "/" {
                let y = c as i32;
                // month first unless the first part cannot be a month
                let (m, d) = if a > 12 { (b, a) } else { (a, b) };
                if (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m) {
                    return Some((i + 4, Val::Day(Some(y), m, d)));
                }
            }
            return None;
        }
        if la == 4 && (1000..=2999).contains(&a) {
            // "2012/13", "2023-2024", "2015/3", "2016-11"
            if lb == 4 && b > a && b - a <= 100 {
                return Some((i + 2, Val::Range(Box::new(Val::Year(a as i32)), Box::new(Val::Year(b as i32)))));
            }
            if lb == 2 {
                let next_two = (a + 1) % 100;
                if b == next_two || b > 12 {
                    let full = a - a % 100 + b;
                    if full > a {
                        return Some((
                            i + 2,
                            Val::Range(Box::new(Val::Year(a as i32)), Box::new(Val::Year(full as i32))),
                        ));
                    }
                    return None;
                }
            }
            if lb <= 2 && (1..=12).contains(&b) {
                return Some((i + 2, Val::Month(Some(a as i32), b)));
            }
            if lb == 1 && sep == "-" {
                // "1557-8"
                let full = a - a % 10 + b;
                if full > a {
                    return Some((i + 2, Val::Range(Box::new(Val::Year(a as i32)), Box::new(Val::Year(full as i32)))));
                }
            }
            return None;
        }
        // "3/2015", "11-2016"
        if la <= 2 && lb == 4 && (1..=12).contains(&a) && (sep == "/" || (la == 2 && !(i > 0 && t.joined(i - 1)))) {
            return Some((i + 2, Val::Month(Some(b as i32), a)));
        }
        None
    }

    /// Years with what may follow: "2019", "1990s", "2014 to 2018", "1846 to 48", "2016 June".
    fn year_first(&self, i: usize) -> Option<(usize, Val)> {
        let y = self.year(i)?;
        let t = self.t;
        // decade "1990s", "1990's"
        if t.joined(i) && t.low(i + 1) == "s" {
            return Some((i + 1, Val::Decade(y / 10)));
        }
        if t.joined(i) && matches!(t.low(i + 1), "'" | "’") && t.low(i + 2) == "s" && t.joined(i + 1) {
            return Some((i + 2, Val::Decade(y / 10)));
        }
        if matches!(t.low(i + 1), "to" | "through" | "until" | "–" | "-" | "and") {
            if let Some(y2) = self.year(i + 2) {
                if y2 > y && y2 - y <= 100 {
                    return Some((i + 2, Val::Range(Box::new(Val::Year(y)), Box::new(Val::Year(y2)))));
                }
            }
            if t.low(i + 1) != "and" && t.low(i + 2).len() == 2 {
                if let Some(b) = self.num(i + 2) {
                    let full = y - y % 100 + b as i32;
                    if full > y && !t.is(i + 3, TokKind::Word) {
                        return Some((i + 2, Val::Range(Box::new(Val::Year(y)), Box::new(Val::Year(full)))));
                    }
                }
            }
        }
        // "2016 Q3", "2016 H2"
        if !t.joined(i) && t.joined(i + 1) && matches!(t.raw(i + 1), "Q" | "H") {
            if let Some(n) = self.num(i + 2).filter(|n| *n >= 1 && *n <= if t.raw(i + 1) == "Q" { 4 } else { 2 }) {
                if t.raw(i + 1) == "Q" {
                    return Some((i + 2, Val::Quarter(Some(y), n)));
                }
                return Some((i + 2, Val::Half(y, n)));
            }
        }
        // "2016 November", "2016, nov"
        let k = if t.low(i + 1) == "," { i + 2 } else { i + 1 };
        if let Some((m, _, ml)) = self.month(k) {
            if self.day(ml + 1).is_none() {
                return Some((ml, Val::Month(Some(y), m)));
            }
        }
        // counts: "2000 people", "1500 troops"; a year before a lower-case plural noun is unlikely
        let nx = t.low(i + 1);
        let prev = if i > 0 { t.low(i - 1) } else { "" };
        let strong = matches!(
            prev,
            "in" | "since"
                | "by"
                | "until"
                | "of"
                | "from"
                | "before"
                | "after"
                | "during"
                | "year"
                | "early"
                | "late"
                | "mid"
                | "fiscal"
                | "fy"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
                | "end"
                | "beginning"
        );
        if nx == "%" {
            return None;
        }
        if !strong {
            if matches!(
                nx,
                "%" | "percent"
                    | "km"
                    | "kilometres"
                    | "kilometers"
                    | "miles"
                    | "metres"
                    | "meters"
                    | "feet"
                    | "tonnes"
                    | "tons"
                    | "kg"
                    | "mw"
                    | "mph"
            ) {
                return None;
            }
            if matches!(
                prev,
                "$" | "£"
                    | "€"
                    | "about"
                    | "some"
                    | "nearly"
                    | "almost"
                    | "around"
                    | "than"
                    | "over"
                    | "under"
                    | "approximately"
                    | "roughly"
                    | "#"
                    | "no"
                    | "number"
                    | "no."
                    | "page"
                    | "route"
                    | "flight"
            ) {
                return None;
            }
            if y < 1500 {
                return None;
            }
            // round counts: "2000 people", "1500 troops"
            if y % 100 == 0 && t.is(i + 1, TokKind::Word) && t.raw(i + 1).chars().next().is_some_and(char::is_lowercase)
            {
                return None;
            }
            if matches!(
                nx,
                "people"
                    | "persons"
                    | "men"
                    | "women"
                    | "children"
                    | "police"
                    | "staff"
                    | "personnel"
                    | "cattle"
                    | "sheep"
                    | "more"
                    | "other"
                    | "others"
                    | "new"
                    | "additional"
                    | "extra"
                    | "or"
                    | "-"
                    | "troops"
                    | "soldiers"
                    | "residents"
                    | "workers"
                    | "students"
                    | "cases"
                    | "deaths"
                    | "jobs"
                    | "homes"
                    | "houses"
                    | "units"
                    | "families"
                    | "patients"
                    | "migrants"
                    | "refugees"
                    | "households"
                    | "members"
                    | "employees"
                    | "hectares"
                    | "acres"
                    | "vehicles"
                    | "cars"
                    | "beds"
                    | "times"
                    | "votes"
                    | "points"
                    | "words"
                    | "pages"
            ) {
                return None;
            }
        }
        Some((i, Val::Year(y)))
    }

    /// Weekdays: "Tuesday", "last Tuesday", "Tuesday, June 28", "Friday 22 July".
    #[inline(never)]
    fn weekday_phrase(&self, i: usize) -> Option<(usize, usize, Val)> {
        let mut first = i;
        let mut shift = 0;
        match self.low(i) {
            "last" | "past" => shift = -1,
            "next" | "coming" => shift = 1,
            "this" => shift = 0,
            _ => {}
        }
        let k = if matches!(self.low(i), "last" | "past" | "next" | "coming" | "this") { i + 1 } else { i };
        let wd = weekday_of(self.low(k))?;
        let raw = self.t.raw(k);
        let full = self.low(k).len() >= 6;
        let capital = raw.chars().next().is_some_and(char::is_uppercase);
        let lower_text = !self.t.has_upper;
        // abbreviated weekdays only right before a date: "Fri, Jul 18"
        let abbr_ok = !full && capital && self.low(k + 1) == "," && self.month(k + 2).is_some();
        if !(full || abbr_ok) || !(capital || lower_text) {
            return None;
        }
        if k == i {
            first = i;
        }
        let mut last = k;
        if self.t.joined(k) && self.low(k + 1) == "s" {
            // "on Tuesdays": a recurring day, reported without a value
            return Some((first, k + 1, Val::Null));
        }
        // a date following
        let mut j = k + 1;
        if self.low(j) == "," {
            j += 1;
        }
        if let Some((l, v)) = self.month_first(j).or_else(|| self.day_first(j)) {
            if let Val::Day(None, m, d) = v {
                // the weekday picks the year
                return Some((first, l, Val::DayW(m, d, wd)));
            }
            if matches!(v, Val::Day(..) | Val::Range(..)) {
                return Some((first, l, v));
            }
        }
        // "Wednesday the 5th"
        if self.low(j) == "the" {
            if let Some((d, dl)) = self.day(j + 1) {
                last = dl;
                let _ = d;
                return Some((first, last, Val::Null));
            }
        }
        Some((first, last, Val::Weekday(wd, shift)))
    }

    /// Decades and centuries in words or with an apostrophe: "the '90s", "the 90s", "the
    /// nineties", "19th century".
    #[inline(never)]
    fn decade_century(&self, i: usize) -> Option<(usize, Val)> {
        let t = self.t;
        let w = self.low(i);
        // (a match, not an array built on the stack at every call)
        let decade = match w {
            "twenties" => Some(2),
            "thirties" => Some(3),
            "forties" => Some(4),
            "fifties" => Some(5),
            "sixties" => Some(6),
            "seventies" => Some(7),
            "eighties" => Some(8),
            "nineties" => Some(9),
            _ => None,
        };
        if let Some(d) = decade {
            let prev = if i > 0 { self.low(i - 1) } else { "" };
            if matches!(prev, "the" | "early" | "late" | "mid") {
                return Some((i, Val::Decade(190 + d)));
            }
            return None;
        }
        // "'90s", "90s" after "the"
        if matches!(w, "'" | "’") && t.joined(i) {
            if let Some(n) = self.num(i + 1).filter(|_| t.low(i + 1).len() == 2) {
                if t.joined(i + 1) && t.low(i + 2) == "s" && n % 10 == 0 {
                    let c = if n >= 30 { 190 } else { 200 };
                    return Some((i + 2, Val::Decade(c + n as i32 / 10)));
                }
            }
        }
        if t.is(i, TokKind::Num)
            && w.len() == 2
            && t.joined(i)
            && t.low(i + 1) == "s"
            && i > 0
            && matches!(self.low(i - 1), "the" | "early" | "late" | "mid")
        {
            let n: i32 = w.parse().ok()?;
            if n % 10 == 0 {
                let c = if n >= 30 { 190 } else { 200 };
                return Some((i + 1, Val::Decade(c + n / 10)));
            }
        }
        // "19th century"
        if t.is(i, TokKind::Num)
            && w.len() <= 2
            && t.joined(i)
            && matches!(t.low(i + 1), "st" | "nd" | "rd" | "th")
            && t.low(i + 2) == "century"
        {
            let n: i32 = w.parse().ok()?;
            if (1..=22).contains(&n) {
                return Some((i + 2, Val::Century(n - 1)));
            }
        }
        None
    }

    /// Ordinal days, weekdays and weeks of a month or year: "the first Tuesday of October", "the
    /// last Friday in March 2014", "the third day of October", "the last day of October 2015",
    /// "the first week of 2015".
    #[inline(never)]
    fn nth_of(&self, i: usize) -> Option<(usize, Val)> {
        let n = match self.low(i) {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            "fourth" => 4,
            "fifth" => 5,
            "last" => -1,
            _ => return None,
        };
        let k = i + 1;
        let what = self.low(k);
        if !matches!(self.low(k + 1), "of" | "in") {
            return None;
        }
        if what == "week" {
            let y = self.year(k + 2)?;
            return Some((k + 2, Val::Week(y, n)));
        }
        let wd = if what == "day" { None } else { Some(weekday_of(what).filter(|_| what.len() >= 6)?) };
        match self.month_first(k + 2)? {
            (l, Val::Month(y, m)) => Some((l, Val::Nth(y, m, n, wd))),
            _ => None,
        }
    }

    /// Quarters: "Q3 2016", "3Q2022", "the third quarter of 2016".
    #[inline(never)]
    fn quarter(&self, i: usize) -> Option<(usize, Val)> {
        let t = self.t;
        let w = self.low(i);
        let raw = t.raw(i);
        let (q, ql) = if raw.len() == 1 && raw == "Q" && t.joined(i) {
            let n = self.num(i + 1)?;
            if !(1..=4).contains(&n) {
                return None;
            }
            (n, i + 1)
        } else if t.is(i, TokKind::Num) && w.len() == 1 && t.joined(i) && t.raw(i + 1) == "Q" {
            let n: u32 = w.parse().ok()?;
            if !(1..=4).contains(&n) {
                return None;
            }
            // "3Q2022"
            if t.joined(i + 1) {
                if let Some(y) = t.low(i + 2).parse::<i32>().ok().filter(|_| t.low(i + 2).len() == 4) {
                    return Some((i + 2, Val::Quarter(Some(y), n)));
                }
            }
            (n, i + 1)
        } else if raw == "H" && t.joined(i) && matches!(t.low(i + 1), "1" | "2") {
            let h: u32 = t.low(i + 1).parse().ok()?;
            let (y, yl) = self.year_after(i + 1)?;
            return Some((yl, Val::Half(y, h)));
        } else if let Some(n) = match w {
            "first" => Some(1),
            "second" => Some(2),
            "third" => Some(3),
            "fourth" => Some(4),
            "1" | "2" | "3" | "4" if t.joined(i) && matches!(t.low(i + 1), "st" | "nd" | "rd" | "th") => w.parse().ok(),
            _ => None,
        } {
            let mut q0 = i + 1;
            if t.joined(i) && matches!(t.low(i + 1), "st" | "nd" | "rd" | "th") {
                q0 = i + 2;
            }
            if t.low(q0) == "-" {
                q0 += 1;
            }
            if !matches!(t.low(q0), "quarter" | "qtr") {
                return None;
            }
            let ql = q0;
            if let Some((y, yl)) = self.year_after(ql) {
                return Some((yl, Val::Quarter(Some(y), n)));
            }
            return None;
        } else {
            return None;
        };
        if let Some((y, yl)) = self.year_after(ql) {
            return Some((yl, Val::Quarter(Some(y), q)));
        }
        Some((ql, Val::Quarter(None, q)))
    }

    /// Seasons with a year or a modifier: "summer 2016", "the spring of 2019", "last winter".
    #[inline(never)]
    fn season(&self, i: usize) -> Option<(usize, usize, Val)> {
        let code = |w: &str| -> Option<&'static str> {
            Some(match w {
                "spring" => "SP",
                "summer" => "SU",
                "autumn" | "fall" => "FA",
                "winter" => "WI",
                _ => return None,
            })
        };
        let w = self.low(i);
        if let Some(c) = code(w) {
            if let Some((y, yl)) = self.year_after(i) {
                return Some((i, yl, Val::Season(Some(y), c)));
            }
            return None;
        }
        None
    }

    /// Holidays from the table: "Christmas", "Eid al-Adha", "New Year's Day".
    #[inline(never)]
    fn holiday(&self, i: usize) -> Option<(usize, Val)> {
        if self.t.class(i) & class::HOLIDAY == 0
            || !self.t.is(i, TokKind::Word)
            || !self.t.raw(i).chars().next().is_some_and(char::is_uppercase)
        {
            return None;
        }
        let (table, max, ends) = &*HOLIDAYS;
        let low = self.t.lower.as_bytes();
        for k in (0..*max).rev() {
            let b = i + k;
            let (Some(ta), Some(tb)) = (self.t.toks.get(i), self.t.toks.get(b)) else { continue };
            // the span's first and last bytes are its key's (white space is inside it)
            let (Some(&first), Some(&last)) = (low.get(ta.start), tb.end.checked_sub(1).and_then(|e| low.get(e)))
            else {
                continue;
            };
            if !ends.may_hold(first, last) {
                continue;
            }
            let Some(md) = compact_lookup(table, &self.t.lower[ta.start..tb.end]) else { continue };
            if self.t.joined(b) && self.t.is(b + 1, TokKind::Word) {
                continue;
            }
            let mut last = b;
            let mut year = None;
            if let Some(y) = self.year(b + 1) {
                year = Some(y);
                last = b + 1;
            }
            let v = match md {
                Some((m, d)) => Val::Day(year, *m, *d),
                None => match year {
                    Some(y) => Val::Year(y),
                    None => Val::Null,
                },
            };
            return Some((last, v));
        }
        None
    }

    /// Deictic expressions (relative mode only).
    #[inline(never)]
    fn relative(&self, i: usize) -> Option<(usize, Val)> {
        let w = self.low(i);
        let unit = |s: &str| -> Option<&'static str> {
            Some(match s {
                "day" | "days" => "d",
                "week" | "weeks" => "w",
                "month" | "months" => "m",
                "year" | "years" => "y",
                "decade" | "decades" => "x",
                _ => return None,
            })
        };
        match w {
            "today" => return Some((i, Val::RelDay(0))),
            "yesterday" => return Some((i, Val::RelDay(-1))),
            "tomorrow" => return Some((i, Val::RelDay(1))),
            "tonight" => return Some((i, Val::RelDay(0))),
            "recent" | "coming" if matches!(self.low(i + 1), "days" | "weeks" | "months" | "years") => {
                return Some((i + 1, Val::Null));
            }
            "this" | "last" | "next" | "past" => {
                let shift = match w {
                    "this" => 0,
                    "next" => 1,
                    _ => -1,
                };
                if let Some(u) = unit(self.low(i + 1)).filter(|_| !self.low(i + 1).ends_with('s')) {
                    let v = match u {
                        "d" => return None,
                        "w" => Val::RelWeek(shift),
                        "m" => Val::RelMonth(shift),
                        "y" => Val::RelYear(shift),
                        _ => Val::Null,
                    };
                    return Some((i + 1, v));
                }
            }
            _ => {}
        }
        // "two years ago", "3 days ago"
        let p = crate::numbers::parse_at(self.t, i, false)?;
        if p.value.fract() != 0.0 || p.value <= 0.0 || p.value > 10000.0 {
            return None;
        }
        let u = unit(self.low(p.last + 1))?;
        if self.low(p.last + 2) != "ago" {
            return None;
        }
        let n = p.value as i64;
        let v = match u {
            "d" => Val::RelDay(-n),
            "w" => Val::RelWeek(-n),
            "m" => Val::RelMonth(-n),
            "y" => Val::RelYear(-n),
            _ => Val::Null,
        };
        Some((p.last + 2, v))
    }
}

/// `n` as `format!("{n:0width$}")` writes it, for `n` below `10^width` (width at most 4).
fn push_padded(out: &mut String, n: u32, width: u32) {
    for p in (0..width).rev() {
        out.push(char::from(b'0' + (n / 10u32.pow(p) % 10) as u8));
    }
}

/// "YYYY-MM-DD" (with `m` and `d`), "YYYY-MM" (with `m`) or "YYYY", as `format!` writes them with
/// `{y:04}`, `{m:02}` and `{d:02}`, without the formatting machinery for years 0 to 9999 (the
/// dates of news; others go through `format!`).
fn iso_date(y: i32, m: Option<u32>, d: Option<u32>) -> String {
    let small = |v: Option<u32>| !matches!(v, Some(v) if v >= 100);
    let Some(year) = u32::try_from(y).ok().filter(|y| *y <= 9999 && small(m) && small(d)) else {
        return match (m, d) {
            (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{y:04}-{m:02}"),
            _ => format!("{y:04}"),
        };
    };
    let mut out = String::with_capacity(10);
    push_padded(&mut out, year, 4);
    if let Some(m) = m {
        out.push('-');
        push_padded(&mut out, m, 2);
        if let Some(d) = d {
            out.push('-');
            push_padded(&mut out, d, 2);
        }
    }
    out
}

/// Resolve a value against the article date into an ISO 8601 string.
fn resolve(v: &Val, pubd: Option<Ymd>, future: bool) -> Option<String> {
    match v {
        Val::Year(y) => Some(iso_date(*y, None, None)),
        Val::Month(Some(y), m) => Some(iso_date(*y, Some(*m), None)),
        Val::Month(None, m) => {
            let y = month_year(pubd?, *m, None, future);
            Some(iso_date(y, Some(*m), None))
        }
        Val::MonthRel(rel, m) => {
            let p = pubd?;
            Some(format!("{:04}-{m:02}", p.y + rel))
        }
        Val::Day(Some(y), m, d) => Some(iso_date(*y, Some(*m), Some(*d))),
        Val::Day(None, m, d) => {
            let y = month_year(pubd?, *m, Some(*d), future);
            if *d > days_in_month(y, *m) {
                return None;
            }
            Some(iso_date(y, Some(*m), Some(*d)))
        }
        Val::DayW(m, d, wd) => {
            let p = pubd?;
            let today = days_from_civil(p.y, p.m, p.d);
            (p.y - 6..=p.y + 6)
                .filter(|y| *d <= days_in_month(*y, *m))
                .filter(|y| weekday(Ymd { y: *y, m: *m, d: *d }) == *wd as i64)
                .min_by_key(|y| (days_from_civil(*y, *m, *d) - today).abs())
                .map(|y| iso_date(y, Some(*m), Some(*d)))
        }
        Val::Weekday(wd, shift) => {
            let p = pubd?;
            let today = days_from_civil(p.y, p.m, p.d);
            let cur = weekday(p);
            let back = (cur - *wd as i64).rem_euclid(7);
            let day = match shift {
                0 => today - back,
                -1 => today - if back == 0 { 7 } else { back },
                _ => {
                    today + {
                        let f = (*wd as i64 - cur).rem_euclid(7);
                        if f == 0 {
                            7
                        } else {
                            f
                        }
                    }
                }
            };
            let d = civil_from_days(day);
            Some(iso_date(d.y, Some(d.m), Some(d.d)))
        }
        Val::Decade(d) => Some(format!("{d:03}")),
        Val::Half(y, h) => Some(format!("{y:04}-H{h}")),
        Val::Century(c) => Some(format!("{c:02}")),
        Val::Quarter(y, q) => {
            let y = match y {
                Some(y) => *y,
                None => pubd?.y,
            };
            Some(format!("{y:04}-Q{q}"))
        }
        Val::Season(y, s) => {
            let y = match y {
                Some(y) => *y,
                None => pubd?.y,
            };
            Some(format!("{y:04}-{s}"))
        }
        Val::RelDay(n) => {
            let p = pubd?;
            let d = civil_from_days(days_from_civil(p.y, p.m, p.d) + n);
            Some(iso_date(d.y, Some(d.m), Some(d.d)))
        }
        Val::Nth(y, m, n, wd) => {
            let y = match y {
                Some(y) => *y,
                None => month_year(pubd?, *m, None, future),
            };
            let dim = days_in_month(y, *m);
            let d = match (wd, *n) {
                (None, -1) => dim,
                (None, n) => u32::try_from(n).ok().filter(|d| (1..=dim).contains(d))?,
                (Some(wd), -1) => {
                    let wl = weekday(Ymd { y, m: *m, d: dim });
                    dim - (wl - *wd as i64).rem_euclid(7) as u32
                }
                (Some(wd), n) => {
                    let w1 = weekday(Ymd { y, m: *m, d: 1 });
                    let first = 1 + (*wd as i64 - w1).rem_euclid(7) as u32;
                    let d = first + 7 * u32::try_from(n - 1).ok()?;
                    (d <= dim).then_some(d)?
                }
            };
            Some(iso_date(y, Some(*m), Some(d)))
        }
        Val::Week(y, n) => {
            let w = if *n == -1 { iso_week(days_from_civil(*y, 12, 28)).1 } else { *n as i64 };
            Some(format!("{y:04}-W{w:02}"))
        }
        Val::RelWeek(n) => {
            let p = pubd?;
            let (y, week) = iso_week(days_from_civil(p.y, p.m, p.d) + 7 * n);
            Some(format!("{y:04}-W{week:02}"))
        }
        Val::RelMonth(n) => {
            let p = pubd?;
            let total = p.y as i64 * 12 + (p.m as i64 - 1) + n;
            Some(format!("{:04}-{:02}", total.div_euclid(12), total.rem_euclid(12) + 1))
        }
        Val::RelYear(n) => Some(format!("{:04}", pubd?.y as i64 + n)),
        Val::Range(a, b) => {
            let mut a2 = resolve(a, pubd, future)?;
            let b2 = resolve(b, pubd, future)?;
            a2.push('/');
            a2.push_str(&b2);
            Some(a2)
        }
        Val::Null => None,
    }
}

/// Fill the year of a range's start from its end ("July 26 - 28, 2022").
fn share_year(v: Val) -> Val {
    if let Val::Range(a, b) = &v {
        if let (Val::Day(None, m1, d1), Val::Day(Some(y), _, _)) = (a.as_ref(), b.as_ref()) {
            return Val::Range(Box::new(Val::Day(Some(*y), *m1, *d1)), b.clone());
        }
    }
    v
}

/// Modifiers before a date that belong to its span: "mid-", "early", "late", "end of",
/// "beginning of", "month of". Returns the first token of the modifier.
fn modifier_before(t: &Tokens, i: usize) -> usize {
    if i >= 2 && t.low(i - 1) == "-" && t.low(i - 2) == "mid" && t.joined(i - 2) && t.joined(i - 1) {
        return i - 2;
    }
    if i >= 1 && matches!(t.low(i - 1), "early" | "late" | "mid" | "earlier" | "later") {
        return i - 1;
    }
    if i >= 2 && t.low(i - 1) == "of" && matches!(t.low(i - 2), "end" | "beginning" | "start" | "middle" | "month") {
        if i >= 3 && t.low(i - 2) == "month" && t.low(i - 3) == "the" {
            return i - 3;
        }
        return i - 2;
    }
    i
}

/// Bits of [`word_parsers`]: the parsers of [`scan_into`] that may succeed at a token.
mod word {
    /// [`super::P::nth_of`].
    pub const NTH: u8 = 1;
    /// [`super::P::weekday_phrase`].
    pub const WEEKDAY: u8 = 2;
    /// [`super::P::month_first`].
    pub const MONTH: u8 = 4;
    /// [`super::P::day_first`].
    pub const DAY: u8 = 8;
    /// [`super::P::quarter`].
    pub const QUARTER: u8 = 16;
    /// [`super::P::decade_century`].
    pub const DECADE: u8 = 32;
    /// [`super::P::season`].
    pub const SEASON: u8 = 64;
    /// Every parser (at digits).
    pub const ALL: u8 = 127;
    /// A deictic word ("last", "this"): [`WEEKDAY`] only before a weekday name ([`super::parsers_at`]).
    pub const BEFORE_WEEKDAY: u8 = 128;
}

/// The parsers that may succeed at a word or symbol token with lower-cased text `w` ([`word`]
/// bits; a test checks that the others fail): each reads a few words at its first token
/// (ordinals, deictic words, quarter letters, decades, seasons); any other word only as a
/// month or weekday name.
fn word_parsers(w: &str) -> u8 {
    use word::*;
    match w {
        "first" | "second" | "third" | "fourth" => NTH | DAY | QUARTER,
        "fifth" => NTH | DAY,
        "last" => NTH | WEEKDAY | BEFORE_WEEKDAY,
        "past" | "next" | "coming" | "this" => WEEKDAY | BEFORE_WEEKDAY,
        "sixth" | "seventh" | "eighth" | "ninth" | "tenth" | "eleventh" | "twelfth" | "thirteenth" | "fourteenth"
        | "fifteenth" | "sixteenth" | "seventeenth" | "eighteenth" | "nineteenth" | "twentieth" | "thirtieth"
        | "twenty" | "thirty" => DAY,
        "q" | "h" => QUARTER,
        "twenties" | "thirties" | "forties" | "fifties" | "sixties" | "seventies" | "eighties" | "nineties" | "'"
        | "\u{2019}" => DECADE,
        "spring" | "summer" | "autumn" | "fall" | "winter" => SEASON,
        // a month or weekday name ("New", "today" and other date or holiday words are neither)
        _ => (if month_of(w).is_some() { MONTH } else { 0 }) | (if weekday_of(w).is_some() { WEEKDAY } else { 0 }),
    }
}

/// [`word_parsers`] of token `i`, without the weekday parser after a deictic word not before a
/// weekday name ("last year", "this week").
#[inline]
fn parsers_at(t: &Tokens, i: usize) -> u8 {
    let w = word_parsers(t.low(i));
    if w & word::BEFORE_WEEKDAY != 0 && weekday_of(t.low(i + 1)).is_none() {
        w & !word::WEEKDAY
    } else {
        w
    }
}

/// The parsers of [`word`] that may succeed at the digit token `i` (a test checks that the
/// others fail): not [`P::nth_of`] (ordinal words); [`P::day_first`] at one or two digits;
/// [`P::quarter`] at one digit glued to what follows ("3Q", "3rd quarter");
/// [`P::decade_century`] at one or two digits glued to what follows ("90s", "19th century").
#[inline]
fn digit_parsers(t: &Tokens, i: usize) -> u8 {
    let len = t.toks.get(i).map_or(0, |tok| tok.end - tok.start);
    let joined = t.joined(i);
    let mut w = word::ALL & !word::NTH;
    if len > 2 {
        w &= !word::DAY;
    }
    if !(joined && len <= 2) {
        w &= !word::DECADE;
    }
    if !(joined && len == 1) {
        w &= !word::QUARTER;
    }
    w
}

/// Scan tokens for dates.
pub(crate) fn scan(t: &Tokens, published: Option<&str>, opts: &DateOptions) -> Vec<DateMention> {
    let mut out = Vec::new();
    scan_into(t, published, opts, &mut out);
    out
}

/// [`scan`], pushing the dates onto `out` (whose earlier items it does not read), so that a
/// caller scanning text after text fills one vector.
pub(crate) fn scan_into(t: &Tokens, published: Option<&str>, opts: &DateOptions, out: &mut Vec<DateMention>) {
    scan_into_from(t, published_date(published), opts, out);
}

/// The article date that [`scan_into`] resolves dates against (None when missing or invalid):
/// read once for all the segments of an article ([`scan_into_from`]).
pub(crate) fn published_date(published: Option<&str>) -> Option<Ymd> {
    published.and_then(parse_published)
}

/// [`scan_into`] with the article date already read ([`published_date`]).
pub(crate) fn scan_into_from(t: &Tokens, pubd: Option<Ymd>, opts: &DateOptions, out: &mut Vec<DateMention>) {
    let p = P { t };
    let mut i = 0;
    // tokens that can start a date: digits, date words, holiday names, a few symbols; number
    // words too when deictic expressions ("two weeks ago") are wanted
    let starts = class::DATE | class::HOLIDAY | if opts.relative { class::NUM_WORD } else { 0 };
    let mut cursor = 0;
    // tokens that are not marks start nothing
    while let Some(next) = t.next_mark(i, &mut cursor) {
        i = next;
        let tok = t.toks[i];
        if tok.kind != TokKind::Num && tok.class & starts == 0 {
            i += 1;
            continue;
        }
        // a symbol (an apostrophe) starts a date only glued to digits ("'90s"), or as a holiday
        if tok.kind == TokKind::Sym
            && !opts.relative
            && tok.class & class::HOLIDAY == 0
            && !(t.joined(i) && t.is(i + 1, TokKind::Num))
        {
            i += 1;
            continue;
        }
        // the parsers that need a word at `i` (ordinals, weekdays, months, seasons, holidays)
        // or digits (numeric dates, years) are tried only on such a token
        let num = tok.kind == TokKind::Num;
        if num && !opts.relative && !p.num_may_start(i) {
            i += 1;
            continue;
        }
        // of the parsers that may start at a word or symbol, only those its text lets succeed
        // are tried (digits: all of theirs)
        let w = if num { digit_parsers(t, i) } else { parsers_at(t, i) };
        let found: Option<(usize, usize, Val)> = (if w & word::NTH == 0 { None } else { p.nth_of(i) })
            .map(|(l, v)| (i, l, v))
            .or_else(|| p.bare_day_range(i))
            .or_else(|| if num || w & word::WEEKDAY == 0 { None } else { p.weekday_phrase(i) })
            .or_else(|| if num { p.numeric(i).map(|(l, v)| (i, l, v)) } else { None })
            .or_else(|| if num || w & word::MONTH == 0 { None } else { p.month_first(i).map(|(l, v)| (i, l, v)) })
            .or_else(|| if w & word::DAY == 0 { None } else { p.day_first(i).map(|(l, v)| (i, l, v)) })
            .or_else(|| if w & word::QUARTER == 0 { None } else { p.quarter(i).map(|(l, v)| (i, l, v)) })
            .or_else(|| if w & word::DECADE == 0 { None } else { p.decade_century(i).map(|(l, v)| (i, l, v)) })
            .or_else(|| if num { p.year_first(i).map(|(l, v)| (i, l, v)) } else { None })
            .or_else(|| if num || w & word::SEASON == 0 { None } else { p.season(i) })
            .or_else(|| if num { None } else { p.holiday(i).map(|(l, v)| (i, l, v)) })
            .or_else(|| if opts.relative { p.relative(i).map(|(l, v)| (i, l, v)) } else { None });
        let Some((first, last, v)) = found else {
            i += 1;
            continue;
        };
        let mut first = first;
        let mut last = last;
        let mut v = share_year(v);
        // "last September", "this June", "next March"
        if let Val::Month(None, m) = v {
            if first >= 1 {
                match t.low(first - 1) {
                    "last" | "past" => {
                        first -= 1;
                        v = match pubd {
                            Some(pd) => Val::Month(Some(if m < pd.m { pd.y } else { pd.y - 1 }), m),
                            None => Val::Null,
                        };
                    }
                    "next" | "coming" => {
                        first -= 1;
                        v = match pubd {
                            Some(pd) => Val::Month(Some(if m > pd.m { pd.y } else { pd.y + 1 }), m),
                            None => Val::Null,
                        };
                    }
                    "this" => {
                        first -= 1;
                        v = match pubd {
                            Some(pd) => Val::Month(Some(pd.y), m),
                            None => Val::Null,
                        };
                    }
                    _ => {}
                }
            }
        }
        // ranges between two dates: "from March to June 2019", "January 2018 to March 2019"
        let conn = t.low(last + 1);
        let between = first >= 1 && t.low(first - 1) == "between";
        if (matches!(conn, "to" | "-" | "–" | "until" | "through" | "thru" | "till") || (conn == "and" && between))
            && matches!(v, Val::Month(..) | Val::Day(..) | Val::Year(_))
        {
            let j = last + 2;
            if let Some((l2, v2)) =
                p.numeric(j).or_else(|| p.month_first(j)).or_else(|| p.day_first(j)).or_else(|| p.year_first(j))
            {
                let compatible = matches!(v2, Val::Month(..) | Val::Day(..) | Val::Year(_));
                if compatible {
                    let v1 = match (&v, &v2) {
                        (Val::Month(None, m), Val::Month(Some(y), _)) => Val::Month(Some(*y), *m),
                        (Val::Day(None, m, d), Val::Day(Some(y), _, _)) => Val::Day(Some(*y), *m, *d),
                        _ => v.clone(),
                    };
                    v = Val::Range(Box::new(v1), Box::new(v2));
                    last = l2;
                    if first >= 1 && matches!(t.low(first - 1), "from" | "between") {
                        first -= 1;
                    }
                }
            }
        }
        if matches!(v, Val::Range(..))
            && first >= 2
            && t.low(first - 1) == "the"
            && matches!(t.low(first - 2), "from" | "between")
        {
            first -= 2;
        } else if matches!(v, Val::Range(..)) && first >= 1 && matches!(t.low(first - 1), "from" | "between") {
            first -= 1;
        }
        if matches!(v, Val::Decade(_) | Val::Quarter(..) | Val::Half(..) | Val::Nth(..) | Val::Week(..))
            && first >= 1
            && t.low(first - 1) == "the"
        {
            first -= 1;
        }
        first = modifier_before(t, first);
        let value = resolve(&v, pubd, opts.future);
        out.push(DateMention { span: Span::new(t.toks[first].start, t.toks[last].end), value });
        i = last + 1;
    }
}

/// Find dates in a plain text, resolving relative ones against `published` (ISO 8601 date);
/// spans are bytes of `text`.
pub fn find_dates_in(text: &str, published: Option<&str>) -> Vec<DateMention> {
    scan(&Tokens::new(text), published, &DateOptions::default())
}

/// [`find_dates_in`] with options (e.g. deictic expressions too).
pub fn find_dates_with(text: &str, published: Option<&str>, options: &DateOptions) -> Vec<DateMention> {
    scan(&Tokens::new(text), published, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, published: Option<&str>) -> Vec<(String, Option<String>)> {
        find_dates_in(text, published).into_iter().map(|d| (d.span.slice(text).to_string(), d.value)).collect()
    }

    fn v(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn iso_date_agrees_with_format() {
        for y in [-10000, -1, 0, 7, 99, 999, 1000, 2019, 9999, 10000, 123456] {
            for m in [0, 1, 9, 10, 12, 99, 100, 1234] {
                for d in [0, 1, 9, 10, 31, 99, 100] {
                    assert_eq!(iso_date(y, Some(m), Some(d)), format!("{y:04}-{m:02}-{d:02}"), "{y} {m} {d}");
                }
                assert_eq!(iso_date(y, Some(m), None), format!("{y:04}-{m:02}"), "{y} {m}");
            }
            assert_eq!(iso_date(y, None, None), format!("{y:04}"), "{y}");
        }
    }

    /// The check of the holiday names' ends rejects only spans that are no name.
    #[test]
    fn holiday_ends_agree() {
        let (table, max, ends) = &*HOLIDAYS;
        let mut texts: Vec<String> = include_str!("../data/holidays.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .map(|n| format!("on {n} 2019, {} and {n}s", n.to_uppercase()))
            .collect();
        texts.push("New Year's Day, Christmas Eve, St Patrick's Day, Eid al-Adha, Good Friday".to_string());
        let mut hits = 0;
        for text in &texts {
            let t = Tokens::new(text);
            for a in 0..t.toks.len() {
                for b in a..(a + max).min(t.toks.len()) {
                    let span = &t.lower[t.toks[a].start..t.toks[b].end];
                    let (x, y) = (t.lower.as_bytes()[t.toks[a].start], t.lower.as_bytes()[t.toks[b].end - 1]);
                    if compact_lookup(table, span).is_some() {
                        assert!(ends.may_hold(x, y), "{text:?} {span:?}");
                        hits += 1;
                    }
                }
            }
        }
        assert!(hits >= texts.len(), "{hits}");
    }

    #[test]
    fn digits_value_agrees_with_parse() {
        for s in ["", "0", "7", "31", "007", "2019", "9999", "12345", "1.5", "1,2", "+5", "-5", "a", "3a", "０"] {
            for max in [2, 4] {
                let want = s.parse::<u32>().ok().filter(|_| s.len() <= max && s.bytes().all(|b| b.is_ascii_digit()));
                assert_eq!(digits_value(s, max), want, "{s} {max}");
            }
        }
    }

    /// Where [`P::num_may_start`] says no, every parser that [`scan`] tries at digits fails.
    fn num_gate_agrees(text: &str) {
        let t = Tokens::new(text);
        let p = P { t: &t };
        for i in 0..t.toks.len() {
            if !t.is(i, TokKind::Num) || p.num_may_start(i) {
                continue;
            }
            assert_eq!(p.bare_day_range(i), None, "{text:?} {i}");
            assert_eq!(p.numeric(i), None, "{text:?} {i}");
            assert_eq!(p.day_first(i), None, "{text:?} {i}");
            assert_eq!(p.quarter(i), None, "{text:?} {i}");
            assert_eq!(p.decade_century(i), None, "{text:?} {i}");
            assert_eq!(p.year_first(i), None, "{text:?} {i}");
        }
    }

    /// Where [`parsers_at`] leaves a parser out at a word or symbol, or [`digit_parsers`] at
    /// digits, that parser fails.
    fn word_gate_agrees(text: &str) {
        let t = Tokens::new(text);
        let p = P { t: &t };
        for i in 0..t.toks.len() {
            let w = if t.is(i, TokKind::Num) { digit_parsers(&t, i) } else { parsers_at(&t, i) };
            let ctx = |name: &str| format!("{text:?} {i} {name}");
            assert!(w & word::NTH != 0 || p.nth_of(i).is_none(), "{}", ctx("nth"));
            assert!(w & word::WEEKDAY != 0 || p.weekday_phrase(i).is_none(), "{}", ctx("weekday"));
            assert!(w & word::MONTH != 0 || p.month_first(i).is_none(), "{}", ctx("month"));
            assert!(w & word::DAY != 0 || p.day_first(i).is_none(), "{}", ctx("day"));
            assert!(w & word::QUARTER != 0 || p.quarter(i).is_none(), "{}", ctx("quarter"));
            assert!(w & word::DECADE != 0 || p.decade_century(i).is_none(), "{}", ctx("decade"));
            assert!(w & word::SEASON != 0 || p.season(i).is_none(), "{}", ctx("season"));
        }
    }

    /// Words of the date parsers, with what may follow them.
    const WORD_PIECES: &[&str] = &[
        " ",
        ", ",
        ".",
        "-",
        "'",
        "’",
        "s",
        "th",
        "Q",
        "H",
        "q",
        "h",
        "1",
        "3",
        "12",
        "27",
        "2019",
        "90",
        "the",
        "of",
        "in",
        "to",
        "and",
        "from",
        "between",
        "first",
        "First",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "twentieth",
        "twenty",
        "thirty",
        "last",
        "past",
        "next",
        "coming",
        "this",
        "This",
        "week",
        "day",
        "year",
        "quarter",
        "qtr",
        "Tuesday",
        "Tues",
        "Fri",
        "tuesday",
        "May",
        "may",
        "Sept",
        "September",
        "MAR",
        "nineties",
        "twenties",
        "summer",
        "Fall",
        "winter",
        "Christmas",
        "Eve",
        "New",
        "Year",
        "Day",
        "early",
        "mid",
        "today",
    ];

    #[test]
    fn word_gate_agrees_on_examples() {
        for text in [
            "the first Tuesday of October, the last Friday in March 2014, the third day of October 2015",
            "the first week of 2015, last Tuesday, next Fri, Jul 18, Q3 2016, the third quarter of 2016, H1 2020",
            "the '90s, the nineties, summer 2016, the spring of 2019, Christmas Eve, twenty-first of May, Sept. 5",
        ] {
            word_gate_agrees(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn word_gate_agrees_on_pieces(pieces in proptest::collection::vec(proptest::sample::select(WORD_PIECES), 0..24)) {
            word_gate_agrees(&pieces.concat());
        }
    }

    /// Pieces of text around digits: separators, date and quarter words, suffixes.
    const NUM_PIECES: &[&str] = &[
        " ",
        ", ",
        ".",
        "-",
        " - ",
        "/",
        "'",
        "’",
        "s",
        "th",
        "st",
        "Q",
        "H",
        "quarter",
        "century",
        "of",
        "to",
        "and",
        "from",
        "between",
        "the",
        "May",
        "June",
        "Jan",
        "1",
        "3",
        "12",
        "27",
        "100",
        "365",
        "2019",
        "20000",
        "1,200",
        "3.5",
        "1.13",
        "27.08.2022",
        "1.000.000",
        "12,5",
        "2.019",
        "1.1.2019",
    ];

    #[test]
    fn num_gate_agrees_on_examples() {
        for text in [
            "from 100 to 200, 365 days, 1,200 people, 27.08.2022, 100/2, 150-200, 12,345 in 2019",
            "between 300 and 27 June, from 45 to 27 January 2020, 1990s, 19th century, 3Q 2022",
        ] {
            num_gate_agrees(text);
            word_gate_agrees(text);
        }
        word_gate_agrees(
            "3Q2022, 3rd quarter 2016, the 90s, 19th century, 27 January, 2019, 12/3/2020, 1st of May, 4Q",
        );
    }

    proptest::proptest! {
        #[test]
        fn num_gate_agrees_on_pieces(pieces in proptest::collection::vec(proptest::sample::select(NUM_PIECES), 0..24)) {
            num_gate_agrees(&pieces.concat());
            word_gate_agrees(&pieces.concat());
        }
    }

    #[test]
    fn calendar() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(days_from_civil(2017, 11, 27)), Ymd { y: 2017, m: 11, d: 27 });
        assert_eq!(weekday(Ymd { y: 2017, m: 11, d: 27 }), 0);
    }

    #[test]
    fn issue_examples() {
        let p = Some("2017-11-27");
        assert_eq!(dates("elections in 2019.", p), vec![("2019".into(), v("2019"))]);
        assert_eq!(dates("held in September.", p), vec![("September".into(), v("2017-09"))]);
        assert_eq!(dates("since mid-November the", p), vec![("mid-November".into(), v("2017-11"))]);
        assert_eq!(dates("he left last Tuesday", p), vec![("last Tuesday".into(), v("2017-11-21"))]);
        assert_eq!(dates("due on Nov. 27", p), vec![("Nov. 27".into(), v("2017-11-27"))]);
        assert_eq!(dates("by the end of 2000", p), vec![("end of 2000".into(), v("2000"))]);
        assert_eq!(dates("the 2016 summit", p), vec![("2016".into(), v("2016"))]);
        assert_eq!(dates("drills Zapad-2017 took place", p), vec![]);
    }

    #[test]
    fn unresolvable_is_null() {
        assert_eq!(dates("held in September.", None), vec![("September".into(), None)]);
        assert_eq!(dates("on Tuesday", None), vec![("Tuesday".into(), None)]);
    }

    #[test]
    fn not_dates() {
        for s in ["He may go.", "They march on.", "three years", "a 45-year-old man", "2000 people died", "aged 45"] {
            assert!(dates(s, Some("2017-11-27")).is_empty(), "{s}: {:?}", dates(s, None));
        }
    }

    #[test]
    fn relative_mode() {
        let o = DateOptions { relative: true, ..Default::default() };
        let r: Vec<_> = find_dates_with("in recent days and yesterday", Some("2017-11-27"), &o)
            .into_iter()
            .map(|d| d.value)
            .collect();
        assert_eq!(r, vec![None, v("2017-11-26")]);
    }
}
