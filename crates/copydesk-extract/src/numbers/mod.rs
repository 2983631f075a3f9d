//! Numbers and percentages written in digits or words: "1,200", "4.5 per cent", "two-thirds",
//! "a dozen", "1.2 million", "twenty-one", "10k", "12,34,567.89".
//!
//! The scanner works on a flat token list (words, digit runs, single symbols) built once per text;
//! each number phrase is parsed greedily from its first token with a bounded look-ahead, so the
//! whole scan is linear in the text length. [`money`](crate::money) and [`dates`](crate::dates)
//! reuse the tokens and the phrase parser.

use crate::Context;
use copydesk_normalize::Span;
use serde::{Deserialize, Serialize};

/// What a number mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NumberKind {
    /// A plain number ("1,200", "two-thirds", "a dozen").
    Number,
    /// A percentage ("4.5 per cent", "20%"); the value is the number of percent (4.5).
    Percent,
}

/// A number or percentage mentioned in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberMention {
    /// Where it is (bytes).
    pub span: Span,
    /// Its value (for a percentage, the number of percent).
    pub value: f64,
    /// Number or percentage.
    pub kind: NumberKind,
}

mod tokens;

pub(crate) use tokens::{class, ent, first_word, token_count, Tok, TokBuffers, TokKind, Tokens};

/// Small cardinal words.
pub(crate) fn unit_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" | "nought" | "naught" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

/// Tens words.
pub(crate) fn tens_word(w: &str) -> Option<f64> {
    Some(match w {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" | "fourty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Scale words after a number ("million", "crore", "bn") and their factors. [`scale_word`] and
/// the lexicon's [`class::SCALE`] bit both read this list.
const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("hundreds", 1e2),
    ("thousand", 1e3),
    ("thousands", 1e3),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("lac", 1e5),
    ("lacs", 1e5),
    ("million", 1e6),
    ("millions", 1e6),
    ("mln", 1e6),
    ("mn", 1e6),
    ("mil", 1e6),
    ("mill", 1e6),
    ("mio", 1e6),
    ("crore", 1e7),
    ("crores", 1e7),
    ("cr", 1e7),
    ("billion", 1e9),
    ("billions", 1e9),
    ("bn", 1e9),
    ("bln", 1e9),
    ("trillion", 1e12),
    ("trillions", 1e12),
    ("tn", 1e12),
    ("tln", 1e12),
    ("trn", 1e12),
];

/// Scale words after a number ("million", "crore", "bn").
pub(crate) fn scale_word(w: &str) -> Option<f64> {
    SCALES.iter().find(|(k, _)| *k == w).map(|&(_, v)| v)
}

/// The lower-case word at token `i` when the lexicon tags it [`class::SCALE`] (a scale,
/// fraction or dozen word); None for every other token, without reading it.
#[inline]
fn scale_class_word<'t>(t: &'t Tokens, i: usize) -> Option<&'t str> {
    (t.class(i) & class::SCALE != 0).then(|| t.low(i))
}

/// Scale word at token `i`, read only when the lexicon tags it ([`class::SCALE`]).
#[inline]
fn scale_at(t: &Tokens, i: usize) -> Option<f64> {
    scale_class_word(t, i).and_then(scale_word)
}

/// Words of the lexicon's [`class::SCALE`] bit: every word [`scale_word`], [`denominator_word`]
/// or [`DOZENS`] accepts.
pub(crate) fn scale_class_words() -> impl Iterator<Item = String> {
    let scales = SCALES.iter().map(|(w, _)| (*w).to_string());
    let denominators = DENOMINATORS.iter().flat_map(|(w, _)| [(*w).to_string(), format!("{w}s")]);
    scales.chain(denominators).chain(DOZENS.iter().map(|w| (*w).to_string()))
}

/// Dozen words after a number ("3 dozens").
const DOZENS: &[&str] = &["dozen", "dozens", "dz", "dzs", "doz", "dozs"];

/// Letters glued to digits that scale them ("10k", "1.2bn", "10M"); `money` also accepts "m" and "b".
pub(crate) fn glued_scale(raw: &str, money: bool) -> Option<f64> {
    match raw {
        "k" | "K" => Some(1e3),
        "M" | "MM" => Some(1e6),
        "G" => Some(1e9),
        "B" | "b" => Some(1e9),
        "m" if money => Some(1e6),
        _ => {
            // lower-cased without allocating: the longest form has eight letters
            let raw = raw.as_bytes();
            if raw.len() > 8 {
                return None;
            }
            let mut buf = [0u8; 8];
            for (low, b) in buf.iter_mut().zip(raw) {
                *low = b.to_ascii_lowercase();
            }
            // the factors of these words in SCALES (a test checks that they agree)
            match buf.get(..raw.len())? {
                b"mn" | b"mln" | b"mil" | b"mill" | b"million" => Some(1e6),
                // "bil": Malaysian and Singaporean usage ("RM1bil")
                b"bn" | b"bln" | b"billion" | b"bil" => Some(1e9),
                b"tn" | b"tln" | b"trn" | b"trillion" => Some(1e12),
                _ => None,
            }
        }
    }
}

/// Denominator words of fractions (singular; the plural adds "s") and their values.
/// [`denominator_word`] and the lexicon's [`class::SCALE`] bit both read this list.
const DENOMINATORS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halve", 2.0),
    ("third", 3.0),
    ("quarter", 4.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("thirteenth", 13.0),
    ("fourteenth", 14.0),
    ("fifteenth", 15.0),
    ("sixteenth", 16.0),
    ("seventeenth", 17.0),
    ("eighteenth", 18.0),
    ("nineteenth", 19.0),
    ("twentieth", 20.0),
    ("thirtieth", 30.0),
    ("fortieth", 40.0),
    ("fiftieth", 50.0),
    ("sixtieth", 60.0),
    ("seventieth", 70.0),
    ("eightieth", 80.0),
    ("ninetieth", 90.0),
    ("hundredth", 1e2),
    ("thousandth", 1e3),
    ("millionth", 1e6),
    ("billionth", 1e9),
    ("trillionth", 1e12),
];

/// Denominator words of fractions ("third", "quarters", "half").
fn denominator_word(w: &str) -> Option<f64> {
    let base = w.strip_suffix('s').unwrap_or(w);
    DENOMINATORS.iter().find(|(k, _)| *k == base).map(|&(_, v)| v)
}

/// Denominator word at token `i`, read only when the lexicon tags it ([`class::SCALE`]).
#[inline]
fn denominator_at(t: &Tokens, i: usize) -> Option<f64> {
    scale_class_word(t, i).and_then(denominator_word)
}

/// Unit ordinals usable after a tens word in a compound denominator ("twenty-first").
fn unit_ordinal(w: &str) -> Option<f64> {
    let base = w.strip_suffix('s').unwrap_or(w);
    Some(match base {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        _ => return None,
    })
}

/// A parsed number phrase: token range `[first, last]`, value, and whether words were used.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Phrase {
    pub first: usize,
    pub last: usize,
    pub value: f64,
    /// Written at least partly in words ("two", "million").
    pub words: bool,
    /// The phrase is a bare digit literal with no scale (a year candidate).
    pub plain_digits: bool,
}

/// Parse a digit literal ("1,234.5", "12,34,567", "1.111,11", "4.800"). None when the separators
/// make it a list or an address rather than one number.
pub(crate) fn parse_digits(s: &str) -> Option<f64> {
    if let Some(v) = small_integer(s) {
        return Some(v);
    }
    if let Some(v) = short_decimal(s) {
        return Some(v);
    }
    parse_digits_general(s)
}

/// Fast path of [`parse_digits`] for the common "3.5", "1,200", "12,345.67" (one decimal point,
/// or comma groups of three and at most one decimal point) of at most 15 digits, in one pass
/// without allocating; None for any other text. The digits as an integer (below 2^53) divided
/// by a power of ten up to 10^22 (both exact in an `f64`, and the division rounded once) is the
/// decimal rounded to the nearest `f64`: what parsing it gives (a test checks that they agree).
#[inline]
fn short_decimal(s: &str) -> Option<f64> {
    const POW10: [f64; 16] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
    let b = s.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_digit) || b.len() > 24 {
        return None;
    }
    let mut m = 0u64;
    let mut digits = 0usize;
    // digits after the decimal point (None: no point yet)
    let mut frac: Option<usize> = None;
    // digits of the integer part since the last comma, and the commas
    let mut group = 0usize;
    let mut commas = 0usize;
    for &c in b {
        match c {
            b'0'..=b'9' => {
                m = m * 10 + u64::from(c - b'0');
                digits += 1;
                if digits > 15 {
                    return None;
                }
                match frac.as_mut() {
                    Some(f) => *f += 1,
                    None => group += 1,
                }
            }
            b',' if frac.is_none() && (group == 3 || commas == 0 && group <= 3) => {
                commas += 1;
                group = 0;
            }
            b'.' if frac.is_none() && (commas == 0 || group == 3) => frac = Some(0),
            _ => return None,
        }
    }
    if commas > 0 && frac.is_none() && group != 3 {
        return None;
    }
    let k = frac.unwrap_or(0);
    Some(m as f64 / POW10.get(k).copied()?)
}

/// The general path of [`parse_digits`].
fn parse_digits_general(s: &str) -> Option<f64> {
    if !has_separator(s) {
        return s.parse().ok();
    }
    if let Some(v) = parse_comma_grouped(s) {
        return Some(v);
    }
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let groups_ok = |sep: char, body: &str| {
        let parts: Vec<&str> = body.split(sep).collect();
        parts.len() >= 2 && (1..=3).contains(&parts[0].len()) && parts[1..].iter().all(|p| p.len() == 3)
    };
    let indian_ok = |body: &str| {
        let parts: Vec<&str> = body.split(',').collect();
        let n = parts.len();
        n >= 3
            && (1..=2).contains(&parts[0].len())
            && parts[n - 1].len() == 3
            && parts[1..n - 1].iter().all(|p| p.len() == 2)
    };
    if dots <= 1 && commas >= 1 {
        let (int, frac) = match s.split_once('.') {
            Some((a, b)) => (a, Some(b)),
            None => (s, None),
        };
        if int.contains(',') && (groups_ok(',', int) || indian_ok(int)) {
            let v = int.replace(',', "");
            let full = match frac {
                Some(f) => format!("{v}.{f}"),
                None => v,
            };
            return full.parse().ok();
        }
        if frac.is_none() && commas == 1 {
            // "5,00", "1,3": decimal comma
            let (a, b) = s.split_once(',')?;
            if b.len() <= 2 {
                return format!("{a}.{b}").parse().ok();
            }
        }
        if let Some((int, frac)) = s.rsplit_once(',') {
            // European "1.111,11"
            if dots >= 1 && groups_ok('.', int) && frac.len() <= 2 {
                return format!("{}.{frac}", int.replace('.', "")).parse().ok();
            }
        }
        return None;
    }
    if dots == 1 && commas == 0 {
        return s.parse().ok();
    }
    if dots >= 2 && commas == 0 && groups_ok('.', s) && s.split('.').count() >= 3 {
        // "1.234.567" thousands with dots; "192.168.1.2" fails the group check
        return s.replace('.', "").parse().ok();
    }
    None
}

/// Whether a digit run has a "," or "." separator (a byte scan: faster than a char-set search).
#[inline]
fn has_separator(s: &str) -> bool {
    s.bytes().any(|b| b == b',' || b == b'.')
}

/// Value of 1 to 15 ASCII digits (exact in an `f64`, so the same as parsing them), else None.
#[inline]
pub(crate) fn small_integer(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 15 {
        return None;
    }
    let mut v = 0u64;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + u64::from(c - b'0');
    }
    Some(v as f64)
}

/// Fast path of [`parse_digits`] for the common "1,234" / "12,345,678.9" (comma groups of three,
/// an optional decimal point), without allocating: the same value as parsing the digits.
fn parse_comma_grouped(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let int_end = b.iter().position(|&c| c == b'.').unwrap_or(b.len());
    let (int, frac) = b.split_at(int_end);
    let mut groups = int.split(|&c| c == b',');
    let head = groups.next()?;
    if !(1..=3).contains(&head.len()) || frac.get(1..).is_some_and(|f| f.contains(&b'.') || f.contains(&b',')) {
        return None;
    }
    let mut buf = [0u8; 64];
    let mut n = 0;
    let mut count = 0;
    for g in std::iter::once(head).chain(groups) {
        if count > 0 && g.len() != 3 {
            return None;
        }
        count += 1;
        buf.get_mut(n..n + g.len())?.copy_from_slice(g);
        n += g.len();
    }
    if count < 2 {
        return None;
    }
    buf.get_mut(n..n + frac.len())?.copy_from_slice(frac);
    n += frac.len();
    std::str::from_utf8(&buf[..n]).ok()?.parse().ok()
}

/// "234" or "567.89": a three-digit group, possibly with a decimal part.
fn group_of_three(g: &str) -> bool {
    let b = g.as_bytes();
    b.len() >= 3
        && b[..3].iter().all(u8::is_ascii_digit)
        && (b.len() == 3 || (b[3] == b'.' && b.len() > 4 && b[4..].iter().all(u8::is_ascii_digit)))
}

/// Parse a cardinal in words (and digits mixed with scale words) from token `i`, up to `limit` tokens.
/// Returns the last token used and the value.
fn parse_cardinal(t: &Tokens, i: usize, money: bool) -> Option<(usize, f64, bool, bool)> {
    let mut total = 0.0f64;
    let mut current = 0.0f64;
    let mut last = None;
    let mut have = false;
    let mut words = false;
    let mut plain = true;
    // last piece kind: 0 none, 1 unit, 2 tens, 3 hundred, 4 scale, 5 digits
    let mut prev = 0u8;
    let mut j = i;
    let end = (i + 40).min(t.toks.len());
    while j < end {
        let w = t.low(j);
        let tk = t.toks[j];
        // connectors: "and", "-" between number words
        if have && (w == "and" || (tk.kind == TokKind::Sym && (w == "-" || w == "\u{2010}" || w == "\u{2011}"))) {
            let nx = t.low(j + 1);
            let next_is_num = unit_word(nx).is_some() || tens_word(nx).is_some() || t.is(j + 1, TokKind::Num);
            let zero = matches!(nx, "0" | "zero" | "nought" | "naught");
            let hundred_again = prev == 3 && t.low(j + 2) == "hundred";
            let ok = if w == "and" {
                next_is_num && prev >= 3 && !(t.is(j + 1, TokKind::Num) && prev == 5) && !zero && !hundred_again
            } else {
                (prev == 2 && unit_word(nx).is_some_and(|u| (1.0..10.0).contains(&u)))
                    || (prev == 2 && !t.joined(j) && unit_word(nx).is_some())
            };
            if ok {
                j += 1;
                continue;
            }
            break;
        }
        if tk.kind == TokKind::Num {
            if prev != 0 && prev != 4 && !(prev == 3 && w.len() <= 2) {
                break;
            }
            if prev == 4 && !words {
                break;
            }
            let Some(v) = parse_digits(&t.text[tk.start..tk.end]) else { break };
            // "1 234 567": space-separated groups of three
            let mut v = v;
            let mut k = j;
            if !has_separator(w) && w.len() <= 3 {
                while t.is(k + 1, TokKind::Num) && t.single_space(k) && group_of_three(t.low(k + 1)) {
                    let g = t.low(k + 1);
                    let frac: f64 =
                        g.get(3..).filter(|f| !f.is_empty()).and_then(|f| format!("0{f}").parse().ok()).unwrap_or(0.0);
                    v = v * 1000.0 + g[..3].parse::<f64>().unwrap_or(0.0) + frac;
                    k += 1;
                    if g.len() > 3 {
                        break;
                    }
                }
            }
            current += v;
            last = Some(k);
            have = true;
            prev = 5;
            j = k + 1;
            // a spaced scale letter closing the text: "2.33 k", "1,674.5 G"
            if k + 2 >= t.toks.len()
                && !t.joined(k)
                && t.is(k + 1, TokKind::Word)
                && matches!(t.raw(k + 1), "k" | "K" | "M" | "G" | "B")
            {
                current *= glued_scale(t.raw(k + 1), false).unwrap_or(1.0);
                total += current;
                current = 0.0;
                last = Some(k + 1);
                words = true;
                plain = false;
                break;
            }
            // glued scale letters: "10k", "1.2bn"
            if t.joined(k) && t.is(k + 1, TokKind::Word) {
                if let Some(s) = glued_scale(t.raw(k + 1), money) {
                    current *= s;
                    plain = false;
                    last = Some(k + 1);
                    total += current;
                    current = 0.0;
                    words = true;
                }
                break;
            }
            continue;
        }
        if tk.kind != TokKind::Word {
            break;
        }
        // only number words and scale words continue a cardinal
        if tk.class & (class::NUM_WORD | class::SCALE) == 0 {
            break;
        }
        if let Some(u) = unit_word(w) {
            if prev == 1 || prev == 5 || (prev == 2 && u >= 10.0) {
                break;
            }
            current += u;
            prev = 1;
        } else if let Some(tv) = tens_word(w) {
            if prev == 1 || prev == 2 || prev == 5 {
                break;
            }
            current += tv;
            prev = 2;
        } else if w == "a" && !have {
            // "a hundred", "a million"
            let nx = t.low(j + 1);
            if scale_at(t, j + 1).is_some() && !nx.ends_with('s') {
                current = 1.0;
                prev = 1;
                have = true;
                words = true;
                plain = false;
                last = Some(j);
                j += 1;
                continue;
            }
            break;
        } else if let Some(s) = scale_word(w) {
            if !have {
                break;
            }
            // plural scales only as "3 millions"-style counts are rare; accept
            if s == 100.0 {
                if prev == 3 {
                    break;
                }
                current = if current == 0.0 { 1.0 } else { current } * 100.0;
                prev = 3;
            } else {
                if prev == 4 && !(matches!(w, "crore" | "crores") && total > 0.0 && current == 0.0) {
                    break;
                }
                if prev == 4 {
                    // "lakh crore"
                    total *= s;
                } else {
                    total += (if current == 0.0 { 1.0 } else { current }) * s;
                    current = 0.0;
                }
                prev = 4;
            }
        } else {
            break;
        }
        have = true;
        words = true;
        plain = false;
        last = Some(j);
        j += 1;
    }
    let last = last?;
    Some((last, total + current, words, plain && !words))
}

/// Parse the number phrase starting at token `i` (cardinals, decimals with "point", fractions,
/// dozens). `money` allows the "m"/"b" suffixes.
#[inline]
pub(crate) fn parse_at(t: &Tokens, i: usize, money: bool) -> Option<Phrase> {
    match lone_number(t, i, money) {
        Some(p) => p,
        None => parse_at_general(t, i, money),
    }
}

/// [`parse_at`] at a digit run or a unit or tens word that the token after it cannot continue,
/// the most common phrases ("2015", "10 people", "3.5%", "10am", "two years"), without the
/// general path's many look-ups of the following words: Some(what [`parse_at_general`] gives),
/// or None when that path must decide (a test checks that the two agree).
#[inline]
fn lone_number(t: &Tokens, i: usize, money: bool) -> Option<Option<Phrase>> {
    let tok = t.toks.get(i)?;
    match tok.kind {
        TokKind::Num => lone_digits(t, i, tok, money),
        TokKind::Word if tok.class & class::NUM_WORD != 0 => lone_word(t, i),
        _ => None,
    }
}

/// [`lone_number`] at the digit run `tok` (token `i`). The token after it is none; a word not
/// glued to it that has no number or scale class and is not "and", "point", "over" or a
/// closing scale letter; a word glued to it that is no scale letter ([`glued_scale`]), no
/// exponent "e" and none of those either; or a symbol other than a glued "/" or "^".
#[inline]
fn lone_digits(t: &Tokens, i: usize, tok: &Tok, money: bool) -> Option<Option<Phrase>> {
    if let Some(n) = t.toks.get(i + 1) {
        let joined = n.start == tok.end;
        match n.kind {
            TokKind::Num => return None,
            TokKind::Word => {
                if n.class & (class::NUM_WORD | class::SCALE) != 0 {
                    return None;
                }
                if matches!(t.low(i + 1), "and" | "point" | "over") {
                    return None;
                }
                if joined {
                    // "10k", "5m", "1e10"
                    let raw = t.raw(i + 1);
                    if matches!(raw, "e" | "E") || glued_scale(raw, money).is_some() {
                        return None;
                    }
                } else if i + 2 >= t.toks.len() && matches!(t.raw(i + 1), "k" | "K" | "M" | "G" | "B") {
                    // "2.33 k" closing the text
                    return None;
                }
            }
            TokKind::Sym => {
                if joined && matches!(t.low(i + 1), "/" | "^") {
                    return None;
                }
            }
        }
    }
    let v = parse_digits(t.text.get(tok.start..tok.end)?);
    Some(v.map(|value| Phrase { first: i, last: i, value, words: false, plain_digits: true }))
}

/// [`lone_number`] at a unit or tens word (token `i`; "one", "twenty"). The token after it is
/// none; digits; a word with no number or scale class that is not "and", "point", "over" or
/// an ordinal ("first"); or a symbol with neither class that is not a hyphen.
#[inline]
fn lone_word(t: &Tokens, i: usize) -> Option<Option<Phrase>> {
    let w = t.low(i);
    let value = unit_word(w).or_else(|| tens_word(w))?;
    if let Some(n) = t.toks.get(i + 1) {
        if n.class & (class::NUM_WORD | class::SCALE) != 0 {
            return None;
        }
        let nx = t.low(i + 1);
        match n.kind {
            TokKind::Num => {}
            TokKind::Word => {
                if matches!(nx, "and" | "point" | "over") || unit_ordinal(nx).is_some() {
                    return None;
                }
            }
            TokKind::Sym => {
                if matches!(nx, "-" | "\u{2010}" | "\u{2011}") {
                    return None;
                }
            }
        }
    }
    Some(Some(Phrase { first: i, last: i, value, words: true, plain_digits: false }))
}

/// The general path of [`parse_at`].
fn parse_at_general(t: &Tokens, i: usize, money: bool) -> Option<Phrase> {
    let w = t.low(i);
    // "a half", "a quarter", "a fifth", "a dozen", "half a dozen", "half"; "½" (a symbol token)
    if let Some(v) = if t.is(i, TokKind::Sym) { vulgar_fraction(w) } else { None } {
        return Some(Phrase { first: i, last: i, value: v, words: false, plain_digits: false });
    }
    if w == "a" || w == "an" {
        // only a number word or a scale, fraction or dozen word can follow
        if t.class(i + 1) & (class::NUM_WORD | class::SCALE) == 0 {
            return None;
        }
        let nx = t.low(i + 1);
        if let Some(tv) = tens_word(nx) {
            let u = if t.low(i + 2) == "-" { i + 3 } else { i + 2 };
            if let Some(uo) = unit_ordinal(t.low(u)).filter(|_| !t.low(u).ends_with('s')) {
                return Some(Phrase { first: i, last: u, value: 1.0 / (tv + uo), words: true, plain_digits: false });
            }
        }
        if matches!(nx, "dozen") {
            return Some(Phrase { first: i, last: i + 1, value: 12.0, words: true, plain_digits: false });
        }
        if let Some(d) = denominator_word(nx) {
            if !nx.ends_with('s') && nx != "second" {
                // "a quarter million", "a half billion"
                if let Some(s) = scale_at(t, i + 2).filter(|s| *s >= 1e3 && matches!(nx, "quarter" | "half")) {
                    return Some(Phrase { first: i, last: i + 2, value: s / d, words: true, plain_digits: false });
                }
                return Some(Phrase { first: i, last: i + 1, value: 1.0 / d, words: true, plain_digits: false });
            }
        }
        if t.low(i + 1) == "hundred" {
            // "a hundred trillionths"
            if let Some(d) = denominator_at(t, i + 2) {
                if d >= 1e3 {
                    return Some(Phrase { first: i, last: i + 2, value: 100.0 / d, words: true, plain_digits: false });
                }
            }
        }
        // otherwise only "a" before a scale word starts a cardinal ("a million")
        if w == "an" || scale_word(nx).is_none() {
            return None;
        }
    }
    if w == "half" || w == "quarter" {
        let f = if w == "half" { 0.5 } else { 0.25 };
        if t.low(i + 1) == "a" && t.low(i + 2) == "dozen" {
            return Some(Phrase { first: i, last: i + 2, value: 12.0 * f, words: true, plain_digits: false });
        }
        if let Some(s) = scale_at(t, i + 1).filter(|s| *s >= 1e3) {
            return Some(Phrase { first: i, last: i + 1, value: s * f, words: true, plain_digits: false });
        }
        if w == "half" {
            return Some(Phrase { first: i, last: i, value: 0.5, words: true, plain_digits: false });
        }
        return None;
    }
    if t.is(i, TokKind::Sym) && w == "." && t.is(i + 1, TokKind::Num) && t.joined(i) && !has_separator(t.low(i + 1)) {
        let v: f64 = format!("0.{}", t.low(i + 1)).parse().ok()?;
        return Some(Phrase { first: i, last: i + 1, value: v, words: false, plain_digits: false });
    }
    let (mut last, mut value, mut words, plain) = parse_cardinal(t, i, money)?;
    let mut plain = plain;
    // "point" decimals in words: "two hundred point zero three", "point seventy-one"
    if t.low(last + 1) == "point" {
        let mut k = last + 2;
        let mut frac = String::new();
        if let Some((l2, v2, _, _)) = parse_cardinal(t, k, false).filter(|(l2, _, _, _)| *l2 > k) {
            // multi-word after point: "seventy-one" -> .71
            frac = format!("{}", v2 as u64);
            k = l2 + 1;
        } else {
            while let Some(u) = unit_word(t.low(k)).filter(|u| *u < 10.0) {
                frac.push(char::from(b'0' + u as u8));
                k += 1;
            }
            if frac.is_empty() {
                if let Some((l2, v2, _, _)) = parse_cardinal(t, k, false) {
                    frac = format!("{}", v2 as u64);
                    k = l2 + 1;
                }
            }
        }
        if !frac.is_empty() {
            if let Ok(f) = format!("0.{frac}").parse::<f64>() {
                value += f;
                last = k - 1;
                words = true;
                plain = false;
            }
        }
    }
    // the token after the cardinal (`last` stays as it is from here on)
    let after_last = t.low(last + 1);
    // "3 dozens", "three hundred and two dozens"
    // (every dozen word is tagged SCALE)
    if t.class(last + 1) & class::SCALE != 0 && DOZENS.contains(&after_last) {
        return Some(Phrase { first: i, last: last + 1, value: value * 12.0, words: true, plain_digits: false });
    }
    // fractions: "two thirds", "five-eighths", "one - fourth", "twenty-three fifths",
    // "one hundred and three quarters", "one twenty-fifth", "twenty twenty fifths"
    let trailing = trailing_scale_tok(t, i, last);
    let mut k = last + 1;
    if after_last == "-" && t.is(k, TokKind::Sym) {
        k += 1;
    }
    // compound denominator after the cardinal: "one twenty-fifth", "three twenty firsts"
    if words && tens_word(t.low(k)).is_some() && k == last + 1 {
        let mut u = k + 1;
        if t.low(u) == "-" {
            u += 1;
        }
        if let (Some(tv), Some(uo)) = (tens_word(t.low(k)), unit_ordinal(t.low(u))) {
            let plural = t.low(u).ends_with('s');
            if plural == (value != 1.0) {
                return Some(Phrase { first: i, last: u, value: value / (tv + uo), words: true, plain_digits: false });
            }
        }
    }
    if let Some(d) = if words { denominator_at(t, k) } else { None } {
        let den = t.low(k);
        let plural = den.ends_with('s') && den != "halves";
        let singular_ok = value == 1.0 || den == "half" || den == "quarter";
        if den != "second" && den != "seconds" && (plural || singular_ok) && !(value == 1.0 && plural) {
            let and_pos = (i..=last).rev().find(|&x| t.low(x) == "and");
            // compound denominator inside: "one hundred thirty-fifths" = 100/35
            let tens_tok = if t.low(k - 1) == "-" { k - 2 } else { k - 1 };
            let mut v = value / d;
            if let (Some(uo), Some(tv)) = (unit_ordinal(den), tens_word(t.low(tens_tok))) {
                if tens_tok > i
                    && t.low(tens_tok - 1) != "and"
                    && !(t.low(k - 1) == "-" && unit_word(t.low(tens_tok)).is_some())
                {
                    if let Some((_, num, _, _)) = parse_cardinal_range(t, i, tens_tok) {
                        v = num / (tv + uo);
                    }
                }
            } else if let Some(a) = and_pos.filter(|&a| a > i) {
                // "one hundred and three quarters": the head is added
                let head = parse_cardinal_range(t, i, a).map(|r| r.1);
                let num = parse_cardinal_range(t, a + 1, if t.low(k - 1) == "-" { k - 1 } else { k }).map(|r| r.1);
                if let (Some(h), Some(nm)) = (head, num) {
                    let hs = trailing_scale_tok(t, i, a - 1);
                    v = h + nm / d * if hs >= 1e3 { hs } else { 1.0 };
                }
            }
            let mut l = k;
            // "two thirds of a million", "one billion and three quarters million"
            if t.low(k + 1) == "of" && t.low(k + 2) == "a" {
                if let Some(s) = scale_at(t, k + 3).filter(|s| *s >= 1e3) {
                    v *= s;
                    l = k + 3;
                }
            } else if let Some(s) = scale_at(t, k + 1).filter(|s| *s >= 1e3) {
                if let Some(a) = and_pos.filter(|&a| a > i) {
                    let head = parse_cardinal_range(t, i, a).map_or(0.0, |r| r.1);
                    v = head + (v - head) * s;
                } else {
                    // "three quarters billion"
                    v *= s;
                }
                l = k + 1;
            }
            return Some(Phrase { first: i, last: l, value: v, words: true, plain_digits: false });
        }
    }
    // "one and a half", "five and a quarter", "twenty and three fifths", "3 million and a half"
    if after_last == "and" {
        let after = last + 2;
        if let Some(p) = parse_at_fraction_only(t, after) {
            let mut l = p.last;
            let after_scale = scale_at(t, l + 1).filter(|s| *s >= 1e3);
            if after_scale.is_some() {
                l += 1;
            }
            let v = if trailing >= 1e3 {
                value + p.value * after_scale.unwrap_or(trailing)
            } else {
                (value + p.value) * after_scale.unwrap_or(1.0)
            };
            return Some(Phrase { first: i, last: l, value: v, words: true, plain_digits: false });
        }
    }
    // an ordinal ("twenty-fifth", "one hundred fifth") is not a number
    if words && (unit_ordinal(t.low(k)).is_some() || denominator_at(t, k).is_some()) && !t.low(k).ends_with('s') {
        return None;
    }
    // "one over three", "2000 over 3"
    if after_last == "over" {
        if let Some((l2, v2, _, _)) = parse_cardinal(t, last + 2, false) {
            if v2 != 0.0 && (l2 + 1 >= t.toks.len() || t.is(l2 + 1, TokKind::Sym)) {
                return Some(Phrase { first: i, last: l2, value: value / v2, words: true, plain_digits: false });
            }
        }
    }
    // digit fractions: "3/4", "1 4/5" (not dates like 5/17/2018)
    if t.is(last, TokKind::Num) && !words {
        if let Some(p) = slash_fraction(t, last) {
            let (num, l2) = p;
            if l2 > last {
                return Some(Phrase { first: i, last: l2, value: num, words: false, plain_digits: false });
            }
        }
        if after_last != "/" && t.is(last + 1, TokKind::Num) && t.single_space(last) {
            if let Some((f, l2)) = slash_fraction(t, last + 1) {
                if f < 1.0 {
                    return Some(Phrase { first: i, last: l2, value: value + f, words: false, plain_digits: false });
                }
            }
        }
        // "1e10", "1.3e6", "-12e-1", "1.1^23"
        if let Some((v, l2)) = power(t, last, value) {
            return Some(Phrase { first: i, last: l2, value: v, words: false, plain_digits: false });
        }
    }
    Some(Phrase { first: i, last, value, words, plain_digits: plain })
}

/// Scale (>= 1000) of the last token of a cardinal `i..=last`, glued or spaced; 1 when none.
fn trailing_scale_tok(t: &Tokens, i: usize, last: usize) -> f64 {
    if last <= i {
        return 1.0;
    }
    let w = t.low(last);
    if t.is(last, TokKind::Word) && t.joined(last - 1) && t.is(last - 1, TokKind::Num) {
        return glued_scale(t.raw(last), true).unwrap_or(1.0);
    }
    scale_word(w).filter(|s| *s >= 1e3).unwrap_or(1.0)
}

/// Unicode vulgar fractions ("½", "¾").
fn vulgar_fraction(w: &str) -> Option<f64> {
    Some(match w {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

/// Parse a cardinal that must end exactly before token `stop`.
fn parse_cardinal_range(t: &Tokens, i: usize, stop: usize) -> Option<(usize, f64, bool, bool)> {
    let sub_end = stop;
    let r = parse_cardinal(t, i, false)?;
    if r.0 + 1 == sub_end {
        Some(r)
    } else if r.0 + 1 > sub_end {
        // re-parse on a truncated view: count value of tokens i..stop
        let mut total = 0.0;
        let mut current = 0.0;
        for k in i..stop {
            let w = t.low(k);
            if let Some(u) = unit_word(w).or_else(|| tens_word(w)) {
                current += u;
            } else if w == "hundred" {
                current = current.max(1.0) * 100.0;
            } else if let Some(s) = scale_word(w) {
                total += current.max(1.0) * s;
                current = 0.0;
            } else if w != "and" && w != "-" {
                return None;
            }
        }
        Some((stop - 1, total + current, true, false))
    } else {
        None
    }
}

/// "a half", "three fifths", "a quarter" after "and".
fn parse_at_fraction_only(t: &Tokens, i: usize) -> Option<Phrase> {
    let w = t.low(i);
    if w == "a" || w == "an" || w == "one" {
        if let Some(d) = denominator_at(t, i + 1) {
            return Some(Phrase { first: i, last: i + 1, value: 1.0 / d, words: true, plain_digits: false });
        }
    }
    if let Some((l, v, _, _)) = parse_cardinal(t, i, false) {
        if let Some(d) = denominator_at(t, l + 1) {
            return Some(Phrase { first: i, last: l + 1, value: v / d, words: true, plain_digits: false });
        }
    }
    None
}

/// "3/4" at token `i` (a Num): returns the value and last token, unless it is part of a date
/// ("5/17/2018") or preceded by "digits/".
fn slash_fraction(t: &Tokens, i: usize) -> Option<(f64, usize)> {
    // (the cheap test first: most numbers are followed by a space)
    if !t.joined(i) || t.low(i + 1) != "/" || !t.is(i + 2, TokKind::Num) || !t.joined(i + 1) {
        return None;
    }
    if t.low(i + 3) == "/" || (i > 0 && t.low(i - 1) == "/") {
        return None;
    }
    let a: f64 = t.low(i).parse().ok()?;
    let b: f64 = t.low(i + 2).parse().ok()?;
    if b == 0.0
        || t.low(i).len() > 3
        || t.low(i + 2).len() > 3
        || !(a < b || (t.low(i).len() <= 2 && t.low(i + 2).len() <= 2))
    {
        return None;
    }
    Some((a / b, i + 2))
}

/// Exponent forms after a digit literal at token `last`.
fn power(t: &Tokens, last: usize, base: f64) -> Option<(f64, usize)> {
    if !t.joined(last) {
        return None;
    }
    let nx = t.raw(last + 1);
    // "1e10": the lexer gives Num("1") Word("e") Num("10") or Word("e") then Sym("-")
    if nx == "e" || nx == "E" {
        let mut k = last + 2;
        let mut sign = 1.0;
        if t.joined(last + 1) && matches!(t.low(k), "-" | "+") {
            if t.low(k) == "-" {
                sign = -1.0;
            }
            k += 1;
        }
        if t.is(k, TokKind::Num) && t.joined(k - 1) {
            let e: f64 = t.low(k).parse().ok()?;
            return Some((base * 10f64.powf(sign * e), k));
        }
    }
    if nx == "^" {
        let mut k = last + 2;
        let mut sign = 1.0;
        while matches!(t.low(k), "-" | "+") && t.joined(k - 1) {
            if t.low(k) == "-" {
                sign = -sign;
            }
            k += 1;
        }
        if t.is(k, TokKind::Num) && t.joined(k - 1) {
            let e: f64 = t.low(k).parse().ok()?;
            return Some((base.powf(sign * e), k));
        }
    }
    None
}

/// Words that may follow a number and make it a percentage; returns the last token of the marker.
pub(crate) fn percent_after(t: &Tokens, last: usize) -> Option<usize> {
    let k = last + 1;
    match t.low(k) {
        "%" => Some(k),
        "percent" | "percents" | "percentage" | "pct" => Some(k),
        "per" if t.low(k + 1) == "cent" => Some(k + 1),
        _ => None,
    }
}

/// Tokens that start a negative number ("minus five", "-9.2").
fn sign_before(t: &Tokens, i: usize) -> Option<usize> {
    if i == 0 {
        return None;
    }
    let p = t.low(i - 1);
    if p == "minus" || p == "negative" {
        return Some(i - 1);
    }
    if p == "-" || p == "\u{2212}" {
        let tok = t.toks[i - 1];
        let before_ok = i < 2 || t.toks[i - 2].end < tok.start;
        let adjacent = tok.end == t.toks[i].start;
        let at_start = t.text[..tok.start].trim().is_empty();
        if t.is(i, TokKind::Num) && before_ok && (adjacent || at_start) {
            return Some(i - 1);
        }
    }
    None
}

/// Whether token `i` can start a number phrase.
fn starts_number(t: &Tokens, i: usize) -> bool {
    match t.toks[i].kind {
        TokKind::Num => {
            // not inside a word ("A4", "x86") unless after a hyphen ("SCP-173")
            !(i > 0 && t.joined(i - 1) && t.is(i - 1, TokKind::Word))
        }
        TokKind::Word => {
            let w = t.low(i);
            unit_word(w).is_some()
                || tens_word(w).is_some()
                || w == "half"
                || ((w == "a" || w == "an") && {
                    let nx = t.low(i + 1);
                    nx == "dozen"
                        || (scale_at(t, i + 1).is_some() && !nx.ends_with('s'))
                        || denominator_at(t, i + 1).is_some_and(|_| !nx.ends_with('s') && nx != "second")
                })
                || (w == "quarter" && scale_at(t, i + 1).is_some())
        }
        TokKind::Sym => {
            let w = t.low(i);
            vulgar_fraction(w).is_some()
                || w == "." && t.is(i + 1, TokKind::Num) && t.joined(i) && (i == 0 || !t.is(i - 1, TokKind::Num))
        }
    }
}

/// Whether the phrase's digits are glued to letters that are not a scale (units like "29km", ordinals "4th").
fn glued_unit(t: &Tokens, p: &Phrase) -> bool {
    t.is(p.last, TokKind::Num) && t.joined(p.last) && t.is(p.last + 1, TokKind::Word)
}

/// What [`parse_at`] gave at some tokens, noted by the money scan for the number scan. With
/// `money` set, [`parse_at`] differs only by reading a glued "m" as million ("5m"), so the
/// notes are taken only from a text without a word "m" ([`PhraseMemo::reuse_for`]).
#[derive(Debug, Default)]
pub(crate) struct PhraseMemo {
    /// (token, phrase there), tokens ascending.
    notes: Vec<(usize, Option<Phrase>)>,
    /// Position in `notes` of the next look-up.
    cursor: usize,
}

impl PhraseMemo {
    /// This memo emptied for the scans of `t` (its buffer kept for text after text), or None
    /// when `t` holds a word "m".
    pub(crate) fn reuse_for(&mut self, t: &Tokens) -> Option<&mut PhraseMemo> {
        self.notes.clear();
        self.cursor = 0;
        (!t.has_word_m).then_some(self)
    }

    /// Note the phrase at token `i` (tokens noted in ascending order; others are ignored).
    pub(crate) fn note(&mut self, i: usize, p: Option<Phrase>) {
        if !matches!(self.notes.last(), Some(n) if n.0 >= i) {
            self.notes.push((i, p));
        }
    }

    /// The phrase noted at token `i`, when there is one; look-ups in ascending order of `i`.
    fn get(&mut self, i: usize) -> Option<Option<Phrase>> {
        if self.cursor > 0 && self.notes.get(self.cursor - 1).is_some_and(|n| n.0 >= i) {
            self.cursor = 0;
        }
        while let Some(&(k, p)) = self.notes.get(self.cursor) {
            if k >= i {
                return (k == i).then_some(p);
            }
            self.cursor += 1;
        }
        None
    }
}

/// Scan a tokenized text for numbers and percentages; spans are bytes of the tokenized text.
pub(crate) fn scan(t: &Tokens) -> Vec<NumberMention> {
    let mut out = Vec::new();
    scan_into(t, None, &mut out);
    out
}

/// [`scan`] reusing the phrases the money scan noted.
#[cfg(test)]
pub(crate) fn scan_with(t: &Tokens, memo: Option<&mut PhraseMemo>) -> Vec<NumberMention> {
    let mut out = Vec::new();
    scan_into(t, memo, &mut out);
    out
}

/// [`scan`] reusing the phrases the money scan noted, pushing the numbers onto `out` (whose
/// earlier items it does not read).
pub(crate) fn scan_into(t: &Tokens, mut memo: Option<&mut PhraseMemo>, out: &mut Vec<NumberMention>) {
    let mut cursor = 0;
    let mut i = 0;
    // tokens that are not marks start nothing
    while let Some(next) = t.next_mark(i, &mut cursor) {
        i = next;
        let tok = t.toks[i];
        // only digits, number words, percent words and a few symbols can start a number
        if tok.kind == TokKind::Word && tok.class & (class::NUM_WORD | class::PERCENT) == 0 {
            i += 1;
            continue;
        }
        // of the ASCII symbols only "." starts a number (".5"); the others are vulgar fractions
        if tok.kind == TokKind::Sym && t.text.as_bytes().get(tok.start).is_some_and(|&b| b.is_ascii() && b != b'.') {
            i += 1;
            continue;
        }
        if t.in_url(tok.start) {
            i += 1;
            continue;
        }
        // "percent of 10", "per cent of twenty-two" (percent words are tagged PERCENT)
        let pw = if tok.class & class::PERCENT != 0 { t.low(i) } else { "" };
        let pk = if pw == "per" && t.low(i + 1) == "cent" { i + 1 } else { i };
        if matches!(pw, "percent" | "percents" | "percentage" | "per")
            && t.low(pk + 1) == "of"
            && (pw != "per" || pk > i)
        {
            if let Some(p) = parse_at(t, pk + 2, false).filter(|p| !p.words || p.value >= 1.0) {
                out.push(NumberMention {
                    span: Span::new(t.toks[i].start, t.toks[p.last].end),
                    value: tidy(p.value),
                    kind: NumberKind::Percent,
                });
                i = p.last + 1;
                continue;
            }
        }
        if !starts_number(t, i) {
            i += 1;
            continue;
        }
        let noted = memo.as_deref_mut().and_then(|m| m.get(i));
        let Some(p) = noted.unwrap_or_else(|| parse_at(t, i, false)) else {
            // "192.168.1.2", "22,24,26": a list of integers in one digit run
            let tok = t.toks[i];
            if tok.kind == TokKind::Num {
                let mut pos = tok.start;
                for part in t.text[tok.start..tok.end].split([',', '.']) {
                    if let Ok(v) = part.parse::<f64>() {
                        out.push(NumberMention {
                            span: Span::new(pos, pos + part.len()),
                            value: v,
                            kind: NumberKind::Number,
                        });
                    }
                    pos += part.len() + 1;
                }
            }
            i += 1;
            continue;
        };
        if glued_unit(t, &p) {
            i = p.last + 2;
            continue;
        }
        // "one" as a pronoun ("the one you mentioned", "which one", "that one"), "a" alone
        if p.first == p.last && t.is(i, TokKind::Word) && t.low(i) == "one" {
            let prev = if i > 0 { t.low(i - 1) } else { "" };
            let next = t.low(i + 1);
            if matches!(
                prev,
                "the" | "this" | "that" | "which" | "each" | "any" | "every" | "no" | "another" | "someone" | "next"
            ) || matches!(next, "of" | "another" | "you" | "do")
                || (prev.is_empty() && matches!(next, "you" | "is"))
            {
                i += 1;
                continue;
            }
        }
        let mut start_tok = p.first;
        let mut value = p.value;
        if let Some(s) = sign_before(t, p.first) {
            start_tok = s;
            value = -value;
        }
        let (last, kind) = match percent_after(t, p.last) {
            Some(l) => (l, NumberKind::Percent),
            None => (p.last, NumberKind::Number),
        };
        out.push(NumberMention {
            span: Span::new(t.toks[start_tok].start, t.toks[last].end),
            value: tidy(value),
            kind,
        });
        i = last + 1;
    }
}

/// `v` as the nearest `f64` to its decimal of 15 significant digits when that decimal is short
/// (at most 13 significant digits: the digits after them are float noise) and moves `v` by a
/// few units in the last place at most: "4.1 million" is 4.1 x 10^6, which binary arithmetic
/// makes 4099999.9999999995; the text means 4100000. A number written with at most 13
/// significant digits comes back as written; others (two thirds, 0.6666666666666666) are kept.
pub(crate) fn tidy(v: f64) -> f64 {
    use std::io::Write;
    // (whole numbers, most values, are as written: no decimal is shorter)
    if !v.is_finite() || v.fract() == 0.0 {
        return v;
    }
    // "-d.dddddddddddddde-xxx": 15 significant digits, on the stack
    let mut buf = [0u8; 32];
    let n = {
        let mut w = &mut buf[..];
        if write!(w, "{v:.14e}").is_err() {
            return v;
        }
        32 - w.len()
    };
    let Some(s) = std::str::from_utf8(&buf[..n]).ok() else { return v };
    let mantissa = s.split('e').next().unwrap_or(s);
    let significant = mantissa.trim_start_matches('-').trim_end_matches('0').bytes().filter(u8::is_ascii_digit).count();
    match s.parse::<f64>() {
        Ok(r) if significant <= 13 && (r - v).abs() <= v.abs() * 4.0 * f64::EPSILON => r,
        _ => v,
    }
}

/// Find numbers and percentages in a plain text; spans are bytes of `text`.
pub fn find_numbers_in(text: &str) -> Vec<NumberMention> {
    scan(&Tokens::new(text))
}

/// Find sums of money, dates, and the numbers and percentages outside them in the article's
/// content segments, tokenizing each segment once for all three; `on_segment` gets each
/// segment's index and tokens (for other finders that read the same words).
#[inline(never)]
pub(crate) fn find_all(
    ctx: &Context,
    mut on_segment: impl FnMut(usize, &[Tok]),
) -> (Vec<crate::Money>, Vec<crate::DateMention>, Vec<NumberMention>) {
    let (mut money, mut dates, mut numbers) = (Vec::new(), Vec::new(), Vec::new());
    let options = crate::dates::DateOptions::default();
    let published = crate::dates::published_date(ctx.published.as_deref());
    let Scratch { mut taken, mut found, mut memo_buf, toks } = Scratch::take();
    let mut t = Tokens::from_buffers(toks);
    t.reserve_for(ctx.segments.iter().map(|s| s.span.len()).max().unwrap_or(0));
    for (k, seg) in ctx.segments.iter().enumerate() {
        t.refill(ctx.slice(seg.span));
        on_segment(k, &t.toks);
        let at = |s: Span| Span::new(seg.span.start + s.start, seg.span.start + s.end);
        let m0 = money.len();
        let d0 = dates.len();
        let mut memo = memo_buf.reuse_for(&t);
        crate::money::scan_noting(&t, &mut memo, &mut money);
        crate::dates::scan_into_from(&t, published, &options, &mut dates);
        for m in &mut money[m0..] {
            m.span = at(m.span);
        }
        for d in &mut dates[d0..] {
            d.span = at(d.span);
        }
        taken.clear();
        taken.extend(money[m0..].iter().map(|m| (m.span.start, m.span.end)));
        taken.extend(dates[d0..].iter().map(|d| (d.span.start, d.span.end)));
        taken.sort_unstable();
        found.clear();
        scan_into(&t, memo, &mut found);
        for n in &found {
            let span = at(n.span);
            let k = taken.partition_point(|r| r.1 <= span.start);
            if taken.get(k).is_some_and(|r| r.0 < span.end) {
                continue;
            }
            numbers.push(NumberMention { span, value: n.value, kind: n.kind });
        }
    }
    Scratch { taken, found, memo_buf, toks: t.into_buffers() }.keep();
    (money, dates, numbers)
}

/// The working buffers of [`find_all`], kept per thread from article to article so that
/// an article's scans allocate nothing once they are large enough.
#[derive(Debug, Default)]
struct Scratch {
    /// Spans of the sums and dates of a segment.
    taken: Vec<(usize, usize)>,
    /// The numbers of a segment, before those inside a sum or date are dropped.
    found: Vec<NumberMention>,
    memo_buf: PhraseMemo,
    toks: TokBuffers,
}

/// Largest text (bytes) whose buffers [`Scratch::keep`] keeps: those of a longer one are freed,
/// so that one huge article does not hold its memory for the thread's life.
const SCRATCH_MAX_TEXT: usize = 1 << 18;

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = const {
        std::cell::Cell::new(Scratch {
            taken: Vec::new(),
            found: Vec::new(),
            memo_buf: PhraseMemo { notes: Vec::new(), cursor: 0 },
            toks: TokBuffers::EMPTY,
        })
    };
}

impl Scratch {
    /// This thread's buffers (empty ones when another caller holds them or the thread is
    /// being torn down).
    fn take() -> Scratch {
        SCRATCH.try_with(std::cell::Cell::take).unwrap_or_default()
    }

    /// Give the buffers back to this thread, unless they grew for a huge text.
    fn keep(self) {
        if self.toks.text_capacity() <= SCRATCH_MAX_TEXT {
            // (nothing to keep them in while the thread is being torn down)
            let _ = SCRATCH.try_with(|s| s.set(self));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaled_values_are_the_decimals_written() {
        for (text, want) in [("4.1 million", 4_100_000.0), ("1.07bn", 1_070_000_000.0), ("4.06 trillion", 4.06e12)] {
            let found = find_numbers_in(text);
            assert_eq!(found.first().map(|n| n.value), Some(want), "{text}");
        }
        for (text, want) in [("$4.06 trillion", 4.06e12), ("138p", 1.38), ("4.1bn rupees", 4.1e9), ("$1.07bn", 1.07e9)]
        {
            let found = crate::find_money_in(text);
            assert_eq!(found.first().map(|m| m.value), Some(want), "{text}");
        }
        // float noise goes, digits written stay
        assert_eq!(tidy(4.1 * 1e6), 4_100_000.0);
        assert_eq!(tidy(0.1 + 0.2), 0.3);
        assert_eq!(tidy(2.0 / 3.0), 2.0 / 3.0);
        for v in [1.0, 0.5, 123_456_789_012_345.0, 1e300, 5e-324, -2.5, 0.0, f64::NAN, f64::INFINITY] {
            assert!(tidy(v) == v || v.is_nan() && tidy(v).is_nan(), "{v}");
        }
        // a value that needs all 17 digits is kept
        assert_eq!(tidy(1234567890123456.7), 1234567890123456.7);
    }

    proptest::proptest! {
        /// A number of at most 15 significant digits comes back unchanged.
        #[test]
        fn tidy_keeps_numbers_written(m in 0u64..1_000_000_000_000_000, e in -30i32..30) {
            let v: f64 = format!("{m}e{e}").parse().unwrap_or(0.0);
            proptest::prop_assert_eq!(tidy(v), v);
        }
    }

    fn one(text: &str) -> (String, f64, NumberKind) {
        let v = find_numbers_in(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        (v[0].span.slice(text).to_string(), v[0].value, v[0].kind)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn digits() {
        assert!(close(one("about 1,200 people").1, 1200.0));
        assert!(close(one("rose to 4.5 per cent").1, 4.5));
        assert_eq!(one("rose to 4.5 per cent").2, NumberKind::Percent);
        assert!(close(one("12,34,567.89").1, 1234567.89));
        assert!(close(one("1.2 million").1, 1.2e6));
        assert!(close(one("10k").1, 1e4));
        assert_eq!(find_numbers_in("192.168.1.2").len(), 4);
        assert!(find_numbers_in("the 29km road").is_empty());
    }

    #[test]
    fn words() {
        assert!(close(one("more than a dozen").1, 12.0));
        assert!(close(one("two-thirds").1, 2.0 / 3.0));
        assert!(close(one("one hundred and sixty-one").1, 161.0));
        assert!(close(one("twenty-one trillion three hundred").1, 21e12 + 300.0));
        assert!(close(one("five and a half million").1, 5.5e6));
        assert!(close(one("minus five percent").1, -5.0));
        assert!(find_numbers_in("Which one do you prefer?").is_empty());
    }

    /// The number scan gives the same with the phrases the money scan noted as without.
    fn memo_agrees(text: &str) {
        // a memo that noted the phrases of another text first, and a vector that already
        // holds a sum: the scans start afresh and append after it
        let mut buf = PhraseMemo::default();
        let other = Tokens::new("$1 and 2 or 3 million, a dozen");
        let mut before = Vec::new();
        crate::money::scan_noting(&other, &mut buf.reuse_for(&other), &mut before);
        let t = Tokens::new(text);
        let mut memo = buf.reuse_for(&t);
        assert_eq!(memo.is_some(), !text.split(|c: char| !c.is_alphabetic()).any(|w| w == "m"), "{text:?}");
        let mut money = before.clone();
        crate::money::scan_noting(&t, &mut memo, &mut money);
        assert_eq!(money[..before.len()], before[..], "{text:?}");
        assert_eq!(money[before.len()..], crate::money::scan(&t)[..], "{text:?}");
        assert_eq!(scan_with(&t, memo), scan(&t), "{text:?}");
    }

    #[test]
    fn money_notes_agree_on_examples() {
        for text in [
            "$5 to $7 million, 3 dollars 50 cents and 20% of 1,200 people; a dozen, two-thirds.",
            "It cost £5m, not 5 m or 5 M; one and a half billion euros, $ 3 - $ 4.",
            "between 10 and 20 dollars, 2019 to 147 trillion rupiah, .5 per cent",
            "a £5m\u{a0}deal, 5m£ and m€20hundred",
        ] {
            memo_agrees(text);
        }
    }

    const PIECES: &[&str] = &[
        " ",
        ", ",
        ". ",
        "-",
        " - ",
        "/",
        "$",
        "£",
        "€",
        "US$",
        "Rs ",
        "dollars",
        "euros",
        "cents",
        "1",
        "5",
        "20",
        "1,200",
        "3.5",
        "2019",
        "m",
        "M",
        "bn",
        "k",
        "million",
        "billion",
        "hundred",
        "thousand",
        "a",
        "an",
        "A",
        "one",
        "two",
        "twenty",
        "half",
        "quarter",
        "thirds",
        "dozen",
        "Fifth",
        "halves",
        "second",
        "first",
        "crore",
        "lakh",
        "doz",
        "and",
        "to",
        "between",
        "per",
        "cent",
        "percent",
        "%",
        "of",
        "point",
        "over",
        "minus",
        "millions",
        "several",
        "few",
        "multi",
        "multibillion",
        "won",
        "people",
        "May",
        "Monday",
        "last",
        "this",
        "'",
        "\u{2019}",
        "s",
        "90",
        ".",
        "(",
        "½",
        "Christmas",
        "Eve",
        "ago",
        "weeks",
        "Q3",
        "mid",
        "\u{2013}",
        "e",
        "E",
        "^",
        "G",
        "K",
        "B",
        " and",
        " point",
        " over",
        " 3",
        " 345",
    ];

    /// The scans give the same when they visit every token as when they visit the marks only.
    fn marks_agree(text: &str) {
        let t = Tokens::new(text);
        let mut every = Tokens::new(text);
        every.marks = (0..every.toks.len()).collect();
        assert_eq!(crate::money::scan(&t), crate::money::scan(&every), "{text:?}");
        assert_eq!(scan(&t), scan(&every), "{text:?}");
        for relative in [false, true] {
            let options = crate::dates::DateOptions { relative, ..Default::default() };
            let (a, b) = (
                crate::dates::scan(&t, Some("2020-05-17"), &options),
                crate::dates::scan(&every, Some("2020-05-17"), &options),
            );
            assert_eq!(a, b, "{text:?}");
        }
    }

    #[test]
    fn marks_agree_on_examples() {
        for text in [
            "$5 to $7 million, 3 dollars 50 cents and 20% of 1,200 people; a dozen, two-thirds.",
            "On 5 May, .5 per cent; the '90s, ½ and ¾; 3.14. (12) [4] 5/17/2018 and 2019-05-17",
            "Christmas Eve, New Year's Day, last Monday, two weeks ago, Q3 2019, mid-June.",
        ] {
            marks_agree(text);
        }
    }

    /// The scans give the same with the scale-word gates ([`class::SCALE`]) as when every token
    /// passes them (the plain look-ups alone decide).
    fn scale_gates_agree(text: &str) {
        let t = Tokens::new(text);
        let mut open = Tokens::new(text);
        for tok in &mut open.toks {
            tok.class |= class::SCALE;
        }
        for i in 0..=t.toks.len() {
            assert_eq!(scale_at(&t, i), scale_word(t.low(i)), "{text:?} {i}");
            assert_eq!(denominator_at(&t, i), denominator_word(t.low(i)), "{text:?} {i}");
        }
        for i in 0..t.toks.len() {
            assert_eq!(parse_at(&t, i, false), parse_at(&open, i, false), "{text:?} {i}");
            assert_eq!(parse_at(&t, i, true), parse_at(&open, i, true), "{text:?} {i}");
        }
        assert_eq!(crate::money::scan(&t), crate::money::scan(&open), "{text:?}");
        assert_eq!(scan(&t), scan(&open), "{text:?}");
    }

    #[test]
    fn scale_class_tags_every_scale_fraction_and_dozen_word() {
        for w in scale_class_words() {
            for form in [w.clone(), w.to_uppercase()] {
                let t = Tokens::new(&form);
                assert_eq!(t.toks.len(), 1, "{form}");
                assert!(t.class(0) & class::SCALE != 0, "{form}");
                // the bit alone does not make a mark
                assert_eq!(!t.marks.is_empty(), t.class(0) & class::STARTS != 0, "{form}");
            }
            assert!(scale_word(&w).is_some() || denominator_word(&w).is_some() || DOZENS.contains(&w.as_str()), "{w}");
        }
        for w in ["a", "the", "seconds", "halfs", "one", "twenty", "dozenth", "millionths"] {
            let t = Tokens::new(w);
            let tagged = t.class(0) & class::SCALE != 0;
            assert_eq!(tagged, scale_word(w).is_some() || denominator_word(w).is_some() || DOZENS.contains(&w), "{w}");
        }
    }

    #[test]
    fn scale_gates_agree_on_examples() {
        for text in [
            "a dozen, a third, a quarter million, a hundred trillionths, half a dozen, a twenty-first",
            "two thirds of a million, three quarters billion, one hundred and three quarters, 3 dozens",
            "a lakh crore, a man, an hour, twenty one point five, five-eighths, one over three, a second",
            "A Million, Thousands of people, 2 MN, Rs 5 crore, a Fifth, an eighth",
        ] {
            scale_gates_agree(text);
        }
    }

    /// The fast paths of [`parse_at`] give what the general path gives wherever they decide.
    fn fast_paths_agree(text: &str) {
        let t = Tokens::new(text);
        for i in 0..=t.toks.len() {
            for money in [false, true] {
                if let Some(p) = lone_number(&t, i, money) {
                    assert_eq!(p, parse_at_general(&t, i, money), "{text:?} {i} {money}");
                }
            }
        }
    }

    #[test]
    fn short_decimals_agree_with_the_general_path() {
        for s in [
            "3.5",
            "1,200",
            "12,345.67",
            "1,234,567.89",
            "4.800",
            "0.1",
            "1,23",
            "0,5",
            "1234,567",
            "1.234.567",
            "1.111,11",
            "12,34,567",
            "1,234.5,6",
            "5.",
            "1,234.",
            "123456789012345.6",
            "1234567890123456.7",
            "0.000000000000001",
            "9,007,199,254,740.993",
            "1,2345",
            ",5",
            ".5",
            "",
            "1,,234",
            "1.,5",
        ] {
            if let Some(v) = short_decimal(s) {
                assert_eq!(Some(v), parse_digits_general(s), "{s:?}");
            }
        }
        assert_eq!(short_decimal("3.5"), Some(3.5));
        assert_eq!(short_decimal("1,23"), None);
    }

    proptest::proptest! {
        #[test]
        fn short_decimals_agree_on_any_digits(s in "[0-9][0-9.,]{0,22}") {
            if let Some(v) = short_decimal(&s) {
                proptest::prop_assert_eq!(Some(v), parse_digits_general(&s), "{:?}", s);
            }
        }

        #[test]
        fn short_decimals_agree_on_groups(head in "[1-9][0-9]{0,2}", groups in proptest::collection::vec("[0-9]{3}", 0..5), frac in proptest::option::of("[0-9]{1,9}")) {
            let mut s = head;
            for g in groups {
                s.push(',');
                s.push_str(&g);
            }
            if let Some(f) = frac {
                s.push('.');
                s.push_str(&f);
            }
            proptest::prop_assert_eq!(short_decimal(&s).is_some(), s.len() - s.matches(['.', ',']).count() <= 15, "{:?}", s);
            if let Some(v) = short_decimal(&s) {
                proptest::prop_assert_eq!(Some(v), parse_digits_general(&s), "{:?}", s);
            }
        }
    }

    #[test]
    fn fast_paths_agree_on_examples() {
        for text in [
            "In 2015, 10 people paid 3.5% of 1,200; 5 and a half, 7 point 2, 9 over 3, 4 dozen.",
            "3/4 of 2^10, 1e10 and 5 e, 10k, 10 k, 2.33 k, 1,674.5 G, 5m, 5 m, 12 345 678, 1 3/4",
            "192.168.1.2, 22,24,26, 12,34,567, 1.111,11, 4.800 - 5 - 6 \u{2010} 7, 8 AND 9, 10 Point",
            "5 M",
            "5 G.",
            "5",
            "5 ½ and 6\u{2019}s, 7 \u{2013} 8, 9: 10 (11) 12-year-old",
            "10am, 4th, 5pm, 10km, 3bn, 2MM, 7b, one first, two seconds, one-third, twenty one, nine.",
            "one hundred, two 3, three and four, five point six, six over two, seven fifths, eight dozen",
            "ten\u{2010}five, eleven, twelve a, thirteen days, fourteen\u{2011}fifths, Fifteen Million, sixty",
        ] {
            fast_paths_agree(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_paths_agree_on_pieces(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..30)) {
            fast_paths_agree(&pieces.concat());
        }

        #[test]
        fn marks_agree_on_pieces(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..30)) {
            marks_agree(&pieces.concat());
        }

        #[test]
        fn scale_gates_agree_on_pieces(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..30)) {
            scale_gates_agree(&pieces.concat());
        }

        #[test]
        fn money_notes_agree(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..30)) {
            memo_agrees(&pieces.concat());
        }
    }

    /// [`glued_scale`] as it was written first: lower-cased into a buffer, then matched as text
    /// with the factors of [`scale_word`].
    fn glued_scale_reference(raw: &str, money: bool) -> Option<f64> {
        match raw {
            "k" | "K" => Some(1e3),
            "M" | "MM" => Some(1e6),
            "G" => Some(1e9),
            "B" | "b" => Some(1e9),
            "m" if money => Some(1e6),
            _ => match raw.to_ascii_lowercase().as_str() {
                w @ ("mn" | "mln" | "mil" | "mill" | "bn" | "bln" | "tn" | "tln" | "trn" | "million" | "billion"
                | "trillion") => scale_word(w),
                "bil" => Some(1e9),
                _ => None,
            },
        }
    }

    #[test]
    fn glued_scale_agrees_with_the_scale_words() {
        let mut words: Vec<String> = SCALES.iter().map(|(w, _)| (*w).to_string()).collect();
        words.extend(
            ["bil", "k", "K", "M", "MM", "G", "B", "b", "m", "km", "th", "s", "", "Bn", "MILLION", "BiL"]
                .map(String::from),
        );
        words.extend(["billions", "trillionx", "é", "mé", "mmmmmmmmm", "ninechars"].map(String::from));
        for w in words.iter().flat_map(|w| [w.clone(), w.to_uppercase()]) {
            for money in [false, true] {
                assert_eq!(glued_scale(&w, money), glued_scale_reference(&w, money), "{w} {money}");
            }
        }
    }

    #[test]
    fn vulgar_fractions_are_symbol_tokens() {
        // parse_at reads a vulgar fraction only at a symbol token
        for c in ["½", "⅓", "⅔", "¼", "¾", "⅕", "⅖", "⅗", "⅘", "⅙", "⅚", "⅛", "⅜", "⅝", "⅞"]
        {
            assert!(vulgar_fraction(c).is_some(), "{c}");
            for text in [c.to_string(), format!("a{c}b"), format!("1{c}"), format!("é{c}")] {
                let t = Tokens::new(&text);
                let k = (0..t.toks.len()).find(|&k| t.raw(k) == c);
                assert!(k.is_some_and(|k| t.is(k, TokKind::Sym)), "{text}");
            }
        }
    }

    #[test]
    fn small_integer_agrees_with_parse() {
        for s in ["0", "7", "2019", "000123", "999999999999999", "", "1,2", "12a", "-1", "+1"] {
            assert_eq!(
                small_integer(s),
                s.parse::<f64>().ok().filter(|_| s.bytes().all(|b| b.is_ascii_digit())),
                "{s}"
            );
        }
        assert_eq!(small_integer("9999999999999999"), None);
    }

    #[test]
    fn comma_groups_fast_path_agrees() {
        for s in ["1,234", "12,345,678.9", "1,2345", "12,34,567", "1,234.5.6", "5,00", "1.111,11", "1,234,", "0,001"] {
            if let Some(v) = parse_comma_grouped(s) {
                let slow: f64 = s.replace(',', "").parse().unwrap_or(f64::NAN);
                assert_eq!(v, slow, "{s}");
            }
        }
        assert_eq!(parse_comma_grouped("12,345,678.9"), Some(12345678.9));
        assert_eq!(parse_comma_grouped("12,34,567"), None);
        assert_eq!(parse_comma_grouped("1.111,11"), None);
    }

    #[test]
    fn kept_buffers_give_what_fresh_ones_give() {
        // a segment (of one sentence) per line
        let context_of = |text: &'static str| {
            let mut segments = Vec::new();
            let mut sentences = Vec::new();
            let mut start = 0;
            for line in text.split_inclusive('\n') {
                let span = Span::new(start, start + line.trim_end().len());
                sentences.push(crate::Sentence { span, segment: segments.len() });
                segments.push(crate::Segment { span, kind: copydesk_parse::BlockKind::Paragraph });
                start += line.len();
            }
            Context { text, segments, sentences, published: Some("2020-01-15".into()) }
        };
        let texts = [
            "It cost $4.7 billion on Nov. 27, 2019\nand 12% more. Two thirds of 1,200 people",
            "",
            "Prices rose 3.5 per cent in March.\n\nA few hundred dollars; £600m (€700m) last Tuesday",
            "see www.x.com/2019 and 5m. The 1990s, Q3 2016, 22,24,26 and ½ of it\nUS$5 to $7 million",
        ];
        for _ in 0..2 {
            for text in texts {
                let ctx = context_of(text);
                // this thread's buffers hold what earlier texts left; a new thread's are new
                let kept = find_all(&ctx, |_, _| {});
                let fresh = std::thread::scope(|s| s.spawn(|| find_all(&ctx, |_, _| {})).join().unwrap());
                assert_eq!(kept, fresh, "{text:?}");
            }
        }
        // buffers grown for a text too long to keep are freed, not kept
        let long: &'static str = "1 ".repeat(SCRATCH_MAX_TEXT).leak();
        let ctx = context_of(long);
        assert_eq!(find_all(&ctx, |_, _| {}).2.len(), SCRATCH_MAX_TEXT);
        assert!(Scratch::take().toks.text_capacity() <= SCRATCH_MAX_TEXT);
    }

    #[test]
    fn total_on_odd_input() {
        for s in ["", "-", "1/", "/1", "1e", "1^", "a", "point", "and and", "½ ¾", "9".repeat(400).as_str()] {
            let _ = find_numbers_in(s);
        }
    }
}
