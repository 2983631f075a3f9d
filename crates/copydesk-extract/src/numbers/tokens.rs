//! The token list shared by the number, money and date finders: words, digit runs and single
//! symbols, built once per text in one linear pass, with an ASCII-lower-cased copy of the text
//! and, per token, the lexicon classes of its word (number word, date word, first word of a
//! currency form or a holiday name). The classes let the finders skip every token that cannot
//! start what they look for without comparing strings.

use once_cell::sync::Lazy;
use std::collections::HashMap;

use crate::calendar::{MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_ABBREVIATIONS, WEEKDAY_NAMES};

/// Kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// A run of ASCII digits with inner `,` `.` separators ("1,234.5").
    Num,
    /// A run of letters (any script).
    Word,
    /// Any other single non-space character.
    Sym,
}

/// A token: byte range in the text, kind and lexicon classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Lexicon classes of the token's lower-cased text ([`class`] bits).
    pub class: u8,
}

/// Lexicon classes (bits of [`Tok::class`]).
pub(crate) mod class {
    /// May start a number in words: "one" .. "nineteen", tens, "a", "an", "half", "quarter".
    pub const NUM_WORD: u8 = 1;
    /// May start a date: month and weekday names, ordinals, decades, seasons, "last", "Q", ...
    pub const DATE: u8 = 2;
    /// First token of a currency form written before the amount ("$", "us", "rs").
    pub const CUR_PRE: u8 = 4;
    /// First token of a currency form written after the amount ("dollars", "euro").
    pub const CUR_POST: u8 = 8;
    /// First token of a holiday name.
    pub const HOLIDAY: u8 = 16;
    /// Percent words ("percent", "per", "percentage").
    pub const PERCENT: u8 = 32;
    /// May start a vague amount: "millions (of dollars)", "several", "multibillion(-dollar)".
    pub const VAGUE: u8 = 64;
}

/// Words of the fixed classes (number and date words); currency forms and holiday names are
/// added from their data tables.
const NUM_WORDS: &[&str] = &[
    "zero",
    "nought",
    "naught",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fourty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "a",
    "an",
    "half",
    "quarter",
];

/// Date words besides the month and weekday names of [`crate::calendar`].
const DATE_WORDS: &[&str] = &[
    // weekday and deictic modifiers
    "last",
    "past",
    "next",
    "coming",
    "this",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "recent",
    // ordinal days and quarters
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "twenty",
    "thirty",
    // decades, seasons, quarter and half-year letters
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "q",
    "h",
    "'",
    "\u{2019}",
];

const PERCENT_WORDS: &[&str] = &["percent", "percents", "percentage", "per", "pct"];

const VAGUE_WORDS: &[&str] = &[
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "trillions",
    "several",
    "a",
    "few",
    "multi",
    "multimillion",
    "multibillion",
    "multitrillion",
    "million",
    "billion",
    "trillion",
];

/// The lexicon: lower-cased token text to class bits.
static LEXICON: Lazy<HashMap<Box<str>, u8, foldhash::fast::RandomState>> = Lazy::new(|| {
    let mut m: HashMap<Box<str>, u8, foldhash::fast::RandomState> = HashMap::default();
    m.reserve(1024);
    let mut add = |w: &str, c: u8| *m.entry(w.into()).or_insert(0) |= c;
    for w in NUM_WORDS {
        add(w, class::NUM_WORD);
    }
    let calendar =
        [&MONTH_NAMES[..], &MONTH_ABBREVIATIONS[..], &WEEKDAY_NAMES[..], &WEEKDAY_ABBREVIATIONS[..], DATE_WORDS];
    for w in calendar.into_iter().flatten() {
        add(w, class::DATE);
    }
    for w in PERCENT_WORDS {
        add(w, class::PERCENT);
    }
    for w in VAGUE_WORDS {
        add(w, class::VAGUE);
    }
    for (w, pre, post) in crate::money::first_words() {
        add(&w, if pre { class::CUR_PRE } else { 0 } | if post { class::CUR_POST } else { 0 });
    }
    for w in crate::dates::holiday_first_words() {
        add(&w, class::HOLIDAY);
    }
    m
});

/// Quick rejections before a lexicon look-up: the longest key, the ASCII symbols that are keys,
/// and a bit set of hashed (first two letters, last letter, length) of the ASCII words that are keys.
struct Filter {
    max_len: usize,
    ascii_syms: u128,
    words: Box<[u64; 1024]>,
}

/// Bit of an ASCII word (at least one letter, lower-cased) in [`Filter::words`] (16 bits).
#[inline]
fn word_bit(w: &[u8]) -> usize {
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else { return 0 };
    let second = w.get(1).copied().unwrap_or(0);
    let key = u32::from(first) | u32::from(second) << 8 | u32::from(last) << 16 | (w.len() as u32 & 0xff) << 24;
    (key.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

impl Filter {
    /// Whether a lower-cased ASCII word may be a key.
    #[inline]
    fn may_hold_word(&self, w: &[u8]) -> bool {
        let bit = word_bit(w);
        w.len() <= self.max_len && self.words[bit >> 6] & (1u64 << (bit & 63)) != 0
    }
}

static FILTER: Lazy<Filter> = Lazy::new(|| {
    let mut f = Filter { max_len: 0, ascii_syms: 0, words: Box::new([0; 1024]) };
    for k in LEXICON.keys() {
        f.max_len = f.max_len.max(k.len());
        let b = k.as_bytes();
        if let [c] = b {
            if c.is_ascii() && !c.is_ascii_alphanumeric() {
                f.ascii_syms |= 1u128 << c;
            }
        }
        if !b.is_empty() && b.iter().all(u8::is_ascii_alphabetic) {
            let bit = word_bit(b);
            f.words[bit >> 6] |= 1u64 << (bit & 63);
        }
    }
    f
});

/// Class bits of a lower-cased word (0 when it is in no class).
fn class_of(lower: &str) -> u8 {
    LEXICON.get(lower).copied().unwrap_or(0)
}

/// Class bits of a token's ASCII-lower-cased text.
fn token_class(filter: &Filter, kind: TokKind, low: &str) -> u8 {
    match (kind, low.as_bytes()) {
        (TokKind::Num, _) => 0,
        (TokKind::Sym, [b]) if b.is_ascii() => {
            if filter.ascii_syms & (1u128 << b) != 0 {
                class_of(low)
            } else {
                0
            }
        }
        // lower-casing changes a non-ASCII word's length by less than a factor of three
        _ if low.len() > filter.max_len * 3 => 0,
        _ if low.is_ascii() => {
            let rejected =
                low.len() > filter.max_len || (kind == TokKind::Word && !filter.may_hold_word(low.as_bytes()));
            if rejected {
                0
            } else {
                class_of(low)
            }
        }
        _ => class_of(&low.to_lowercase()),
    }
}

/// The token starting at or after byte `i`: (start, end, kind, has an upper-case letter).
#[inline]
fn next_token(text: &str, mut i: usize) -> Option<(usize, usize, TokKind, bool)> {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if b.is_ascii_alphabetic() {
                let (end, upper) = word_end(text, i);
                return Some((i, end, TokKind::Word, upper));
            }
            if b.is_ascii_digit() {
                let mut end = i + 1;
                loop {
                    match bytes.get(end) {
                        Some(d) if d.is_ascii_digit() => end += 1,
                        Some(b',') | Some(b'.') if bytes.get(end + 1).is_some_and(u8::is_ascii_digit) => end += 2,
                        _ => break,
                    }
                }
                return Some((i, end, TokKind::Num, false));
            }
            if matches!(b, b' ' | b'\t'..=b'\r') {
                i += 1;
                continue;
            }
            return Some((i, i + 1, TokKind::Sym, false));
        }
        let c = text.get(i..).and_then(|s| s.chars().next())?;
        if c.is_whitespace() {
            i += c.len_utf8();
        } else if c.is_alphabetic() {
            let (end, upper) = word_end(text, i);
            return Some((i, end, TokKind::Word, upper));
        } else {
            return Some((i, i + c.len_utf8(), TokKind::Sym, false));
        }
    }
    None
}

/// Lower-cased text of the first token of a phrase (for the lexicon of table-driven forms).
pub(crate) fn first_word(phrase: &str) -> Option<String> {
    let (start, end, _, _) = next_token(phrase, 0)?;
    Some(phrase[start..end].to_lowercase())
}

/// Number of tokens in a phrase (without classifying them).
pub(crate) fn token_count(phrase: &str) -> usize {
    let mut n = 0;
    let mut i = 0;
    while let Some((_, end, _, _)) = next_token(phrase, i) {
        n += 1;
        i = end;
    }
    n
}

/// Tokens of a text plus its ASCII-lower-cased copy (same byte offsets).
pub(crate) struct Tokens<'a> {
    pub text: &'a str,
    pub lower: String,
    pub toks: Vec<Tok>,
    /// The text has an upper-case letter somewhere (a text in lower case only is read more loosely).
    pub has_upper: bool,
    /// Byte ranges of URLs (numbers inside them are not reported), sorted.
    pub urls: Vec<(usize, usize)>,
}

impl<'a> Tokens<'a> {
    /// Tokenize a text and classify its tokens (linear).
    pub fn new(text: &'a str) -> Self {
        let filter = &*FILTER;
        let lower = text.to_ascii_lowercase();
        let mut toks = Vec::with_capacity(text.len() / 4 + 1);
        let mut has_upper = false;
        let mut i = 0;
        while let Some((start, end, kind, upper)) = next_token(text, i) {
            has_upper |= upper;
            let class = token_class(filter, kind, &lower[start..end]);
            toks.push(Tok { start, end, kind, class });
            i = end;
        }
        let urls = url_ranges(text, &lower);
        Tokens { text, lower, toks, has_upper, urls }
    }

    /// Lower-cased text of token `i` ("" when out of range).
    #[inline]
    pub fn low(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.lower[t.start..t.end])
    }

    /// Original text of token `i`.
    #[inline]
    pub fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// Lexicon class bits of token `i` (0 when out of range).
    #[inline]
    pub fn class(&self, i: usize) -> u8 {
        self.toks.get(i).map_or(0, |t| t.class)
    }

    /// Whether token `i` is directly followed by token `i + 1` (no space between).
    #[inline]
    pub fn joined(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// Whether token `i` is of kind `k`.
    #[inline]
    pub fn is(&self, i: usize, k: TokKind) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == k)
    }

    /// The text between tokens `i` and `i + 1` consists of at most one space-like character.
    pub fn single_space(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => {
                let gap = &self.text[a.end..b.start];
                gap.chars().count() == 1
                    && gap.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '\u{202f}' || c == '\u{2009}')
            }
            _ => false,
        }
    }

    /// Whether a byte offset falls inside a URL.
    #[inline]
    pub fn in_url(&self, pos: usize) -> bool {
        !self.urls.is_empty() && in_ranges(&self.urls, pos)
    }
}

/// End of the run of letters starting at byte `i`, and whether it has an upper-case letter.
#[inline]
fn word_end(text: &str, i: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut end = i;
    // ASCII letters: lower case has bit 0x20 set, upper case not
    let mut all = 0x20u8;
    while let Some(&b) = bytes.get(end) {
        if !b.is_ascii_alphabetic() {
            break;
        }
        all &= b;
        end += 1;
    }
    let mut upper = all & 0x20 == 0;
    loop {
        match bytes.get(end) {
            Some(&b) if b.is_ascii_alphabetic() => {
                upper |= b < b'a';
                end += 1;
            }
            Some(&b) if !b.is_ascii() => {
                let Some(c) = text.get(end..).and_then(|s| s.chars().next()) else { break };
                if !c.is_alphabetic() {
                    break;
                }
                upper |= c.is_uppercase();
                end += c.len_utf8();
            }
            _ => break,
        }
    }
    (end, upper)
}

/// Byte ranges of URLs in a text (`lower` is its ASCII-lower-cased copy).
fn url_ranges(text: &str, lower: &str) -> Vec<(usize, usize)> {
    static URL: Lazy<regex::Regex> =
        Lazy::new(|| regex::Regex::new(r"(?i)\b(?:https?://|www\.)\S+").expect("url regex"));
    if !text.contains("://") && !lower.contains("www.") {
        return Vec::new();
    }
    URL.find_iter(text).map(|m| (m.start(), m.end())).collect()
}

/// Whether a byte offset falls in one of the (sorted) ranges.
pub(crate) fn in_ranges(ranges: &[(usize, usize)], pos: usize) -> bool {
    let k = ranges.partition_point(|r| r.1 <= pos);
    ranges.get(k).is_some_and(|r| r.0 <= pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexes_and_classifies() {
        let t = Tokens::new("On Nov. 27 it cost US$4.7 billion, 12%; see www.x.com/1 ÉTÉ");
        let words: Vec<&str> = (0..t.toks.len()).map(|i| t.raw(i)).collect();
        assert_eq!(
            words,
            [
                "On", "Nov", ".", "27", "it", "cost", "US", "$", "4.7", "billion", ",", "12", "%", ";", "see", "www",
                ".", "x", ".", "com", "/", "1", "ÉTÉ"
            ]
        );
        assert!(t.class(1) & class::DATE != 0);
        assert!(t.class(6) & class::CUR_PRE != 0);
        assert!(t.class(7) & class::CUR_PRE != 0);
        assert!(t.has_upper);
        assert!(t.in_url(t.toks[21].start));
        assert!(!t.in_url(t.toks[11].start));
        assert!(!Tokens::new("all lower case, 1,200").has_upper);
        assert!(Tokens::new("grand été À").has_upper);
    }

    #[test]
    fn total_on_odd_input() {
        for s in ["", " ", "\u{0}", "1,", "1..2", "é", "\u{2009}1\u{a0}000"] {
            let t = Tokens::new(s);
            for k in &t.toks {
                assert!(s.is_char_boundary(k.start) && s.is_char_boundary(k.end) && k.start < k.end);
            }
        }
    }
}
