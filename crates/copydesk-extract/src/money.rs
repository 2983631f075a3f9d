//! Sums of money: "$10.5 billion", "US$4.7 billion", "£10", "€3.2m", "1.5 billion euros",
//! "Rs 500 crore", "RM50,000", "dlrs 220 million", "NT$5,000", "$5 to $7 million" (a range:
//! `value` and `value_max`), "20 dollars 43 cents".
//!
//! Each number phrase found by [`numbers`](crate::numbers) is checked for a currency marker right
//! before it (symbol, code or name, glued or one space away) or right after it; the markers come
//! from `data/currencies.tsv` (form, ISO 4217 code, position, case, factor).
//!
//! Two amounts each written with its own currency sign are two sums ("from $61.9 billion to
//! $63.9 billion"), unless glued into one range ("$10-$20") or sharing the last one's scale
//! ("$5 to $7 million"). Vague amounts are sums valued as a range of orders of magnitude:
//! "millions of dollars" is 1e6 to 1e9, "tens of billions of euros" 1e10 to 1e11, "a few
//! hundred dollars" 200 to 1000, "a multibillion-dollar plan" 2e9 to 1e12; "a billion-dollar
//! company" is 1e9.

use crate::numbers::{class, glued_scale, parse_at, scale_word, tens_word, tidy, unit_word, Phrase, TokKind, Tokens};
use crate::quotes::WordBits;
use crate::Money;
use copydesk_normalize::Span;
use once_cell::sync::Lazy;
use std::collections::HashMap;

/// A map keyed by text, hashed with the seeded fast hasher.
type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// One currency form.
#[derive(Debug, Clone)]
struct Form {
    iso: &'static str,
    /// Multiplier to the main unit (0.01 for cents).
    factor: f64,
    /// Must match the case as written.
    case_sensitive: bool,
    /// An everyday English word as well ("won"): a currency only after an amount with a scale
    /// word or digit grouping ("289.4 billion won", "10,000 won").
    needs_scale: bool,
    /// The form as written in the table.
    form: &'static str,
}

/// Currency tables keyed by the UTF-8 bytes of the form lower-cased with spaces removed (bytes, so
/// that a key built in a byte buffer needs no UTF-8 check).
struct Tables {
    pre: Map<Box<[u8]>, Form>,
    post: Map<Box<[u8]>, Form>,
    /// Longest key in tokens, to bound the look-around.
    max_toks: usize,
    /// The (first byte, last byte) pairs of the ASCII-ended keys of `pre` and `post`
    /// ([`Ends`]), so that most spans that are no form are rejected without building a key.
    pre_ends: Ends,
    post_ends: Ends,
    /// The keys of `pre` and `post` as bit sets ([`key_bits`]).
    pre_bits: WordBits,
    post_bits: WordBits,
}

/// The keys of a table as a bit set ([`WordBits`]): most keys built from spans that are no
/// form are rejected without hashing them for the table.
fn key_bits<'k>(keys: impl Iterator<Item = &'k [u8]>) -> WordBits {
    let mut bits = WordBits::new();
    keys.for_each(|k| bits.add_bytes(k));
    bits
}

/// A set of (first byte, last byte) pairs of ASCII bytes: 128 x 128 bits (the key ends of a
/// table of forms or names; `dates` checks its holiday names with it too).
pub(crate) struct Ends(Box<[u64; 256]>);

impl Ends {
    /// The ends of the keys whose first and last bytes are ASCII.
    pub(crate) fn of<'k>(keys: impl Iterator<Item = &'k [u8]>) -> Ends {
        let mut e = Ends(Box::new([0; 256]));
        for k in keys {
            if let (Some(&a), Some(&b)) = (k.first(), k.last()) {
                if a.is_ascii() && b.is_ascii() {
                    let bit = usize::from(a) << 7 | usize::from(b);
                    e.0[bit >> 6] |= 1u64 << (bit & 63);
                }
            }
        }
        e
    }

    /// Whether a key may begin with `a` and end with `b`, both lower-case ASCII; a byte that is
    /// not ASCII may be anything.
    #[inline]
    pub(crate) fn may_hold(&self, a: u8, b: u8) -> bool {
        if !a.is_ascii() || !b.is_ascii() {
            return true;
        }
        let bit = usize::from(a) << 7 | usize::from(b);
        (self.0[bit >> 6] & (1u64 << (bit & 63))) != 0
    }
}

static TABLES: Lazy<Tables> = Lazy::new(|| {
    let mut pre: Map<Box<[u8]>, Form> = Map::default();
    let mut post: Map<Box<[u8]>, Form> = Map::default();
    let mut max_toks = 1;
    for line in include_str!("../data/currencies.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(form), Some(iso), Some(pos), Some(case), Some(factor)) =
            (cols.next(), cols.next(), cols.next(), cols.next(), cols.next())
        else {
            continue;
        };
        let word_like = form.chars().count() >= 4 && form.chars().all(|c| c.is_alphabetic() || c == ' ');
        // three-letter ISO codes are matched as written (upper case) except the common ones,
        // so that "ars", "all", "try" in running text are not currencies
        let iso_code = form.len() == 3 && form.bytes().all(|b| b.is_ascii_uppercase());
        let common = matches!(
            form,
            "USD"
                | "EUR"
                | "GBP"
                | "RMB"
                | "INR"
                | "CNY"
                | "JPY"
                | "CHF"
                | "CAD"
                | "AUD"
                | "MYR"
                | "HKD"
                | "SGD"
                | "NZD"
                | "UAH"
                | "MNT"
                | "BTC"
                | "KWD"
                | "QAR"
                | "SAR"
                | "EGP"
                | "LBP"
                | "BGN"
                | "ILS"
        );
        let f = Form {
            iso,
            factor: factor.parse().unwrap_or(1.0),
            case_sensitive: (case == "cs" && !word_like) || (iso_code && !common) || case == "word",
            needs_scale: case == "word",
            form,
        };
        let mut key = form.to_lowercase();
        key.retain(|c| !c.is_whitespace());
        max_toks = max_toks.max(crate::numbers::token_count(form));
        if pos == "pre" || pos == "both" {
            pre.entry(key.as_bytes().into()).or_insert_with(|| f.clone());
        }
        if pos == "post" || pos == "both" {
            post.entry(key.into_bytes().into_boxed_slice()).or_insert(f);
        }
    }
    let pre_ends = Ends::of(pre.keys().map(|k| &k[..]));
    let post_ends = Ends::of(post.keys().map(|k| &k[..]));
    let pre_bits = key_bits(pre.keys().map(|k| &k[..]));
    let post_bits = key_bits(post.keys().map(|k| &k[..]));
    Tables { pre, post, max_toks, pre_ends, post_ends, pre_bits, post_bits }
});

/// First words (lower-cased) of the currency forms, with whether the form is written before
/// and after amounts: the token lexicon marks them so that only these tokens are looked up.
pub(crate) fn first_words() -> Vec<(String, bool, bool)> {
    let tables = &*TABLES;
    let mut out = Vec::new();
    for (forms, pre) in [(&tables.pre, true), (&tables.post, false)] {
        for f in forms.values() {
            out.extend(crate::numbers::first_word(f.form).map(|w| (w, pre, !pre)));
            // also the form written without its spaces ("egyptianpound")
            if f.form.contains(char::is_whitespace) {
                let compact: String = f.form.chars().filter(|c| !c.is_whitespace()).collect();
                out.extend(crate::numbers::first_word(&compact).map(|w| (w, pre, !pre)));
            }
        }
    }
    out
}

/// A currency marker found next to a number: its token range and form.
#[derive(Debug, Clone)]
struct Marker {
    first: usize,
    last: usize,
    form: Form,
}

/// Look up the text of tokens `a..=b` in a table, respecting case-sensitive forms; `ends` are
/// the table's key ends: a span whose first and last bytes (ASCII, lower-cased: the key's own
/// first and last bytes) no key has is no form; `bits` holds its keys: a key built
/// from the span that is not in `bits` (the table's keys, [`key_bits`]) is not looked up.
fn lookup(t: &Tokens, a: usize, b: usize, table: &Map<Box<[u8]>, Form>, ends: &Ends, bits: &WordBits) -> Option<Form> {
    let (Some(ta), Some(tb)) = (t.toks.get(a), t.toks.get(b)) else { return None };
    let low = t.lower.as_bytes();
    let (Some(&first), Some(&last)) = (low.get(ta.start), tb.end.checked_sub(1).and_then(|e| low.get(e))) else {
        return None;
    };
    if !ends.may_hold(first, last) {
        return None;
    }
    lookup_key(t, a, b, |k| if bits.may_hold_bytes(k) { table.get(k) } else { None })
}

/// [`lookup`] without the check of the key's ends, getting the form of a key with `get`.
fn lookup_key<'m>(t: &Tokens, a: usize, b: usize, get: impl Fn(&[u8]) -> Option<&'m Form>) -> Option<Form> {
    let (Some(ta), Some(tb)) = (t.toks.get(a), t.toks.get(b)) else { return None };
    let raw = &t.text[ta.start..tb.end];
    if raw.len() > 40 {
        return None;
    }
    let mut small = [0u8; 40];
    let f = if let Some(n) = plain_key(raw, &mut small) {
        get(small.get(..n)?)?
    } else if raw.contains('Σ') {
        // a final sigma lower-cases by its context
        let key: String = raw.to_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
        get(key.as_bytes())?
    } else {
        // lower case, white space dropped, into a buffer (a character lower-cases to at most
        // three characters of at most four bytes each)
        let mut buf = [0u8; 40 * 12 + 4];
        let mut n = 0;
        for c in raw.chars().flat_map(char::to_lowercase).filter(|c| !c.is_whitespace()) {
            n += c.encode_utf8(buf.get_mut(n..n + 4)?).len();
        }
        get(buf.get(..n)?)?
    };
    // (a form as written passes the check of case)
    if f.case_sensitive && raw != f.form {
        // as written, or with the same capital first letter ("Ksh" for "KSh", "RS" for "Rs")
        let compact = || raw.chars().filter(|c| !c.is_whitespace());
        let want = || f.form.chars().filter(|c| !c.is_whitespace());
        let first_ok = compact().next() == want().next();
        let iso_code = want().count() == 3 && want().all(|c| c.is_ascii_uppercase());
        if !compact().eq(want()) && (iso_code || !first_ok) {
            return None;
        }
    }
    // single ASCII letters ("R92", "10c") must be glued to the number
    Some(f.clone())
}

/// The table key of a text without letters outside ASCII ("$", "US $", "£", "Kč" has one): its
/// bytes with ASCII letters lower-cased and white space dropped, written into `buf`; returns its
/// length, or None when the text has a letter outside ASCII (which `to_lowercase` may change)
/// or the key does not fit. Any other character lower-cases to itself (a test checks them all).
#[inline]
fn plain_key(raw: &str, buf: &mut [u8; 40]) -> Option<usize> {
    let mut n = 0;
    if raw.is_ascii() {
        for &b in raw.as_bytes() {
            if !matches!(b, b' ' | b'\t'..=b'\r') {
                *buf.get_mut(n)? = b.to_ascii_lowercase();
                n += 1;
            }
        }
        return Some(n);
    }
    for c in raw.chars() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_ascii() {
            *buf.get_mut(n)? = (c as u8).to_ascii_lowercase();
            n += 1;
        } else if c.is_alphabetic() {
            return None;
        } else {
            let len = c.len_utf8();
            c.encode_utf8(buf.get_mut(n..n + len)?);
            n += len;
        }
    }
    Some(n)
}

/// A one-letter ASCII form (must be glued to its number).
fn is_letter_form(f: &Form) -> bool {
    f.form.len() == 1 && f.form.bytes().all(|b| b.is_ascii_alphabetic())
}

/// A marker written with spaces between its parts ("hk $", "c $", "us $") when its table form has
/// none: the part before a space must not be a one-letter word ("a $", "s $"), except "c" (C$).
fn spaced_parts_ok(t: &Tokens, a: usize, b: usize, f: &Form) -> bool {
    if f.form.contains(' ') {
        return true;
    }
    let mut run_start = a;
    for k in a..b {
        if !t.joined(k) {
            let part = &t.lower[t.toks[run_start].start..t.toks[k].end];
            if part.chars().count() < 2 && part != "c" {
                return false;
            }
            run_start = k + 1;
        }
    }
    true
}

/// Tokens between two tokens are separated by at most spaces (no line break) and at most `max` bytes.
fn near(t: &Tokens, a: usize, b: usize) -> bool {
    match (t.toks.get(a), t.toks.get(b)) {
        (Some(x), Some(y)) => {
            let gap = &t.text[x.end..y.start];
            gap.len() <= 3 && !gap.contains('\n')
        }
        _ => false,
    }
}

/// Currency marker ending right before token `i`.
fn marker_before(t: &Tokens, i: usize) -> Option<Marker> {
    let tables = &*TABLES;
    let max = tables.max_toks.min(i);
    // a marker starts at a token of the lexicon's currency class, which most numbers have
    // none of just before them: that is seen before the gap is read
    if (1..=max).all(|k| t.class(i - k) & class::CUR_PRE == 0) || !near(t, i - 1, i) {
        return None;
    }
    for k in (1..=max).rev() {
        let a = i - k;
        if t.class(a) & class::CUR_PRE == 0 {
            continue;
        }
        // the marker must start at a word boundary
        if a > 0 && t.joined(a - 1) && t.is(a - 1, TokKind::Word) && t.is(a, TokKind::Word) {
            continue;
        }
        if a > 0 && t.joined(a - 1) && t.is(a - 1, TokKind::Num) {
            continue;
        }
        if let Some(f) = lookup(t, a, i - 1, &tables.pre, &tables.pre_ends, &tables.pre_bits) {
            if is_letter_form(&f) && !t.joined(i - 1) {
                continue;
            }
            if !spaced_parts_ok(t, a, i - 1, &f) {
                continue;
            }
            return Some(Marker { first: a, last: i - 1, form: f });
        }
    }
    None
}

/// Currency marker starting right after token `last`.
fn marker_after(t: &Tokens, last: usize) -> Option<Marker> {
    // "12-cent", "one-yen": a hyphen glued on both sides
    if t.joined(last) && t.low(last + 1) == "-" && t.joined(last + 1) && t.is(last + 2, TokKind::Word) {
        let m = marker_after_tok(t, last + 1)?;
        return (m.form.form.len() > 1).then_some(m);
    }
    marker_after_tok(t, last)
}

/// Currency marker starting right after token `last` (no hyphen).
fn marker_after_tok(t: &Tokens, last: usize) -> Option<Marker> {
    if t.class(last + 1) & class::CUR_POST == 0 || !near(t, last, last + 1) {
        return None;
    }
    let tables = &*TABLES;
    let n = t.toks.len();
    for k in (1..=tables.max_toks).rev() {
        let b = last + k;
        if b >= n {
            continue;
        }
        // must end at a word boundary
        if t.joined(b) && t.is(b, TokKind::Word) && t.is(b + 1, TokKind::Word) {
            continue;
        }
        if let Some(f) = lookup(t, last + 1, b, &tables.post, &tables.post_ends, &tables.post_bits) {
            if is_letter_form(&f) && !t.joined(last) {
                continue;
            }
            if !spaced_parts_ok(t, last + 1, b, &f) {
                continue;
            }
            // "3 USD50": a code glued to the next number is that number's prefix
            if t.joined(b) && t.is(b + 1, TokKind::Num) {
                continue;
            }
            if is_letter_form(&f) && t.joined(b) && (t.is(b + 1, TokKind::Word) || t.is(b + 1, TokKind::Num)) {
                continue;
            }
            return Some(Marker { first: last + 1, last: b, form: f });
        }
    }
    None
}

/// Multiplier of the scale word a phrase ends with (1 when none): used to carry "million" back
/// over a range ("$5 to $7 million").
fn trailing_scale(t: &Tokens, p: &Phrase) -> f64 {
    let w = t.low(p.last);
    if p.last > p.first {
        if let Some(s) = scale_word(w).filter(|s| *s >= 1e3) {
            return s;
        }
        if t.is(p.last, TokKind::Word) && t.joined(p.last - 1) && t.is(p.last - 1, TokKind::Num) {
            if let Some(s) = glued_scale(t.raw(p.last), true) {
                return s;
            }
        }
    }
    1.0
}

/// The last phrase of a sum: the range's upper bound, or the single amount.
fn last_phrase_of(second: &Option<(Option<Marker>, Phrase)>, p1: Phrase) -> Phrase {
    second.as_ref().map_or(p1, |(_, p2)| *p2)
}

/// Whether token `i` may start a number phrase for money purposes.
fn number_start(t: &Tokens, i: usize) -> bool {
    let Some(tok) = t.toks.get(i) else { return false };
    match tok.kind {
        TokKind::Num => !(i > 0 && t.joined(i - 1) && t.is(i - 1, TokKind::Num)),
        TokKind::Word => {
            let w = t.low(i);
            tok.class & class::NUM_WORD != 0
                && (unit_word(w).is_some()
                    || tens_word(w).is_some()
                    || w == "a"
                    || w == "an"
                    || w == "half"
                    || w == "quarter")
        }
        TokKind::Sym => false,
    }
}

/// Parse a number phrase at `i` for money: glued "m"/"bn" scales are allowed.
fn phrase(t: &Tokens, i: usize) -> Option<Phrase> {
    extend_phrase(t, parse_at(t, i, true)?)
}

/// [`phrase`] from the phrase [`parse_at`] found.
fn extend_phrase(t: &Tokens, mut p: Phrase) -> Option<Phrase> {
    // a scale word hyphenated to the number: "$175-million", "JD105-million agreement"
    if t.joined(p.last) && t.low(p.last + 1) == "-" && t.joined(p.last + 1) && trailing_scale(t, &p) == 1.0 {
        let w = t.low(p.last + 2);
        if let Some(s) = scale_word(w).filter(|s| *s >= 1e3 && !w.ends_with('s')) {
            p.value *= s;
            p.last += 2;
            p.words = true;
            p.plain_digits = false;
        }
    }
    Some(p)
}

/// Plural magnitude words of vague amounts ("millions of dollars") and their value.
fn magnitude_word(w: &str) -> Option<f64> {
    Some(match w {
        "tens" => 10.0,
        "hundreds" => 1e2,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        "trillions" => 1e12,
        _ => return None,
    })
}

/// Vague amounts of money at token `i`: "millions of dollars", "hundreds of millions of
/// euros", "a few hundred dollars", "several billion yen", "a multibillion-dollar", "a
/// million-dirham fund". Valued as a range of orders of magnitude: "millions" is 1e6 to 1e9,
/// "tens of billions" 1e10 to 1e11, "a few hundred" 200 to 1000, "multibillion" 2e9 to 1e12;
/// "billion-dollar" is 1e9.
fn vague(t: &Tokens, i: usize) -> Option<(usize, f64, Option<f64>, Marker)> {
    let w = t.low(i);
    // "millions of dollars", "tens of billions of dollars"
    if let Some(m) = magnitude_word(w) {
        let mut value = m;
        let top = if m < 1e3 { 10.0 } else { 1e3 };
        let mut k = i;
        while t.low(k + 1) == "of" {
            match magnitude_word(t.low(k + 2)).filter(|s| *s >= 1e3 && *s > m) {
                Some(s) => {
                    value *= s;
                    k += 2;
                }
                None => break,
            }
        }
        if t.low(k + 1) != "of" {
            return None;
        }
        let mk = marker_after(t, k + 1)?;
        return Some((mk.last, value, Some(value * top), mk));
    }
    // "a few hundred dollars", "several million euros", "several hundred billion won"
    let k0 = match w {
        "several" => i + 1,
        "a" if t.low(i + 1) == "few" => i + 2,
        "few" => i + 1,
        _ => i,
    };
    if k0 > i {
        let mut value = 2.0;
        let mut k = k0;
        let mut any = false;
        while let Some(s) = scale_word(t.low(k)).filter(|_| !t.low(k).ends_with('s')) {
            value *= s;
            any = true;
            k += 1;
        }
        if !any {
            return None;
        }
        let mk = marker_after(t, k - 1)?;
        return Some((mk.last, value, Some(value * 5.0), mk));
    }
    // "multibillion-dollar", "multi-million-dollar", "billion-dollar", "million-dirham"
    let (multi, k) = match w {
        "multi" if t.low(i + 1) == "-" && t.joined(i) && t.joined(i + 1) => (true, i + 2),
        _ => match w.strip_prefix("multi") {
            Some(rest) => (true, if rest.is_empty() { return None } else { i }),
            None => (false, i),
        },
    };
    let scale_text = if k == i && multi { &w[5..] } else { t.low(k) };
    let s = scale_word(scale_text).filter(|s| *s >= 1e6 && !scale_text.ends_with('s') && scale_text.len() > 3)?;
    if !(t.low(k + 1) == "-" && t.joined(k) && t.joined(k + 1)) {
        return None;
    }
    // a number before belongs to the amount ("30-million-dollar"): left to the number scan
    if i > 0 && t.joined(i - 1) && (t.is(i - 1, TokKind::Num) || t.low(i - 1) == "-") {
        return None;
    }
    let mk = marker_after(t, k)?;
    if multi {
        Some((mk.last, 2.0 * s, Some(s * 1e3), mk))
    } else {
        Some((mk.last, s, None, mk))
    }
}

/// Minor-unit continuation after a main amount: "50 cents", "and 43c", "43" at the end.
fn minor_after(t: &Tokens, last: usize, iso: &str) -> Option<(usize, f64)> {
    let mut k = last + 1;
    if t.low(k) == "and" {
        k += 1;
    }
    if !number_start(t, k) || t.low(k) == "a" || t.low(k) == "an" {
        return None;
    }
    let p = parse_at(t, k, true)?;
    if !(p.value >= 1.0 && p.value < 100.0 && p.value.fract() == 0.0) {
        return None;
    }
    if let Some(m) = marker_after(t, p.last) {
        if m.form.factor == 0.01 && (m.form.iso == iso || m.form.form.len() <= 2 || iso != "GBP") {
            return Some((m.last, p.value / 100.0));
        }
        return None;
    }
    // a bare number closes the amount only at the end of the text or before punctuation
    match t.toks.get(p.last + 1) {
        None => Some((p.last, p.value / 100.0)),
        Some(nx) if nx.kind == TokKind::Sym && matches!(t.low(p.last + 1), "." | "," | ";" | "!" | "?") => {
            Some((p.last, p.value / 100.0))
        }
        _ => None,
    }
}

/// Range connectors between two amounts.
fn is_range_word(w: &str) -> bool {
    matches!(w, "to" | "-" | "–" | "—" | "and" | "through" | "or")
}

/// Scan a tokenized text for sums of money; spans are bytes of the tokenized text.
pub(crate) fn scan(t: &Tokens) -> Vec<Money> {
    let mut out = Vec::new();
    scan_noting(t, &mut None, &mut out);
    out
}

/// [`scan`], noting in `memo` (when given) what [`parse_at`] gave at each token where a sum was
/// looked for, in token order, for [`crate::numbers::scan_into`] to reuse (see
/// [`crate::numbers::PhraseMemo`]); the sums are pushed onto `out` (whose earlier items it
/// does not read), so that a caller scanning text after text fills one vector.
pub(crate) fn scan_noting(t: &Tokens, memo: &mut Option<&mut crate::numbers::PhraseMemo>, out: &mut Vec<Money>) {
    let n = t.toks.len();
    let mut i = 0;
    // tokens before this index belong to an earlier sum
    let mut consumed = 0usize;
    let mut cursor = 0;
    // tokens that are not marks start nothing
    while let Some(next) = t.next_mark(i, &mut cursor) {
        i = next;
        // only digits and a few words can start a sum
        let tok = t.toks[i];
        if tok.kind == TokKind::Sym || (tok.kind == TokKind::Word && tok.class & (class::NUM_WORD | class::VAGUE) == 0)
        {
            i += 1;
            continue;
        }
        if t.in_url(tok.start) {
            i += 1;
            continue;
        }
        if t.class(i) & class::VAGUE != 0 && i >= consumed {
            if let Some((last, value, value_max, mk)) = vague(t, i) {
                if !mk.form.needs_scale || value >= 1e3 {
                    out.push(Money {
                        span: Span::new(t.toks[i].start, t.toks[last].end),
                        value: tidy(value * mk.form.factor),
                        value_max: value_max.map(|v| tidy(v * mk.form.factor)),
                        currency: mk.form.iso.to_string(),
                    });
                    i = last + 1;
                    consumed = i;
                    continue;
                }
            }
        }
        if !number_start(t, i) {
            i += 1;
            continue;
        }
        let parsed = parse_at(t, i, true);
        if let Some(m) = memo.as_deref_mut() {
            m.note(i, parsed);
        }
        let Some(p1) = parsed.and_then(|p| extend_phrase(t, p)) else {
            i += 1;
            continue;
        };
        let pre1 = marker_before(t, p1.first).filter(|m| m.first >= consumed);
        // a range "X to Y", "X-Y": look for the second amount
        let mut second: Option<(Option<Marker>, Phrase)> = None;
        let conn = p1.last + 1;
        if is_range_word(t.low(conn))
            && (t.low(conn) != "and"
                || i >= 1 && t.low(p1.first.saturating_sub(if pre1.is_some() { 2 } else { 1 })) == "between")
        {
            let mut j = conn + 1;
            let pre2 = marker_before(t, j + 1).filter(|m| m.first == j && m.last >= j);
            if let Some(m) = &pre2 {
                j = m.last + 1;
            }
            if j < n && number_start(t, j) && t.low(j) != "a" && t.low(j) != "an" {
                if let Some(p2) = phrase(t, j) {
                    let same = match (&pre1, &pre2) {
                        (Some(a), Some(b)) => a.form.iso == b.form.iso,
                        (None, Some(_)) => false,
                        _ => true,
                    };
                    // "from $61.9 billion to $63.9 billion", "Rs 1 crore to Rs 3 crore": each
                    // amount written with its own currency sign is its own sum, except in a
                    // glued range "$10-$20" or when the two share the last one's scale
                    // ("$5 to $7 million")
                    let s2 = trailing_scale(t, &p2);
                    let glued = t.joined(p1.last) && t.joined(conn);
                    let shared_scale = trailing_scale(t, &p1) == 1.0 && s2 > 1.0;
                    let own_signs = pre1.is_some() && pre2.is_some() && !glued && !shared_scale;
                    // "2019 to 147 trillion rupiah": a bare number that the upper bound's scale
                    // would make larger than the upper bound is not a lower bound
                    let implausible = pre1.is_none()
                        && trailing_scale(t, &p1) == 1.0
                        && s2 > 1.0
                        && p1.value * s2 > p2.value
                        && p1.value < s2 / 1e3;
                    if same && !own_signs && !implausible && (p2.value > p1.value || s2 > 1.0) {
                        second = Some((pre2, p2));
                    }
                }
            }
        }
        let (last_phrase, mut post) = match &second {
            Some((_, p2)) => (*p2, marker_after(t, p2.last)),
            None => (p1, marker_after(t, p1.last)),
        };
        // with a prefix, a suffix is kept only when it names the same currency in words
        // ("$10 dollars"), not a symbol that starts the next sum ("$ 20,000.00 $ 37,305.97")
        if let (Some(a), Some(b)) = (&pre1, &post) {
            let wordy = b.form.form.chars().count() >= 3 && b.form.form.chars().all(|c| c.is_alphabetic() || c == ' ');
            if a.form.iso != b.form.iso || !wordy || b.form.form.bytes().all(|c| c.is_ascii_uppercase()) {
                post = None;
            }
        }
        let marker = pre1.clone().or_else(|| post.clone());
        let Some(marker) = marker else {
            i = p1.last + 1;
            continue;
        };
        // a one-letter prefix ("R92 million", "N7.2 billion") needs a scale or a grouped amount,
        // so that "N95" or "R2" are not sums
        if is_letter_form(&marker.form) && pre1.is_some() {
            let grouped = t.low(p1.first).contains(',') || (p1.last > p1.first && t.is(p1.last, TokKind::Num));
            if trailing_scale(t, &last_phrase_of(&second, p1)) == 1.0 && !grouped {
                i = p1.last + 1;
                continue;
            }
        }
        // a currency name that is also an everyday word ("won") needs a scaled or grouped amount
        if marker.form.needs_scale && pre1.is_none() {
            let lp = last_phrase_of(&second, p1);
            let grouped = t.low(lp.first).contains(',') || (lp.last > lp.first && t.is(lp.last, TokKind::Num));
            if trailing_scale(t, &lp) == 1.0 && !grouped {
                i = p1.last + 1;
                continue;
            }
        }
        // a plain number right after a glued-letter unit that is not ours ("29km")
        let mut v1 = p1.value * marker.form.factor;
        let mut vmax = None;
        let first_tok = pre1.as_ref().map_or(p1.first, |m| m.first);
        let mut last_tok = post.as_ref().map_or(last_phrase.last, |m| m.last);
        // "75 USD million"
        if let Some(m) = &post {
            if let Some(s) = scale_word(t.low(m.last + 1)).filter(|s| *s >= 1e3) {
                if trailing_scale(t, &last_phrase) == 1.0 {
                    v1 *= s;
                    last_tok = m.last + 1;
                }
            }
        }
        if let Some((_, p2)) = &second {
            let s2 = trailing_scale(t, p2);
            if trailing_scale(t, &p1) == 1.0 && s2 > 1.0 && p1.value * s2 <= p2.value {
                v1 *= s2;
            }
            let v2 = p2.value * marker.form.factor;
            if v2 > v1 {
                vmax = Some(v2);
            } else {
                last_tok = post.as_ref().map_or(p1.last, |m| if second.is_some() { m.last } else { p1.last });
            }
        } else if marker.form.factor == 1.0 {
            if let Some((l, minor)) = minor_after(t, last_tok, marker.form.iso) {
                v1 += minor;
                last_tok = l;
            }
        }
        if !v1.is_finite() || v1 < 0.0 {
            i = last_tok + 1;
            continue;
        }
        out.push(Money {
            span: Span::new(t.toks[first_tok].start, t.toks[last_tok].end),
            value: tidy(v1),
            value_max: vmax.map(tidy),
            currency: marker.form.iso.to_string(),
        });
        i = last_tok + 1;
        consumed = i;
    }
}

/// Find sums of money in a plain text; spans are bytes of `text`.
pub fn find_money_in(text: &str) -> Vec<Money> {
    scan(&Tokens::new(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (String, f64, Option<f64>, String) {
        let v = find_money_in(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        (v[0].span.slice(text).to_string(), v[0].value, v[0].value_max, v[0].currency.clone())
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-6 * b.abs().max(1.0)
    }

    #[test]
    fn issue_examples() {
        for (text, span, value, cur) in [
            ("cost $10.5 billion a year", "$10.5 billion", 10.5e9, "USD"),
            ("a US$4.7 billion deal", "US$4.7 billion", 4.7e9, "USD"),
            ("fined £10 on", "£10", 10.0, "GBP"),
            ("raised €3.2m from", "€3.2m", 3.2e6, "EUR"),
            ("some 1.5 billion euros", "1.5 billion euros", 1.5e9, "EUR"),
            ("a Rs 500 crore plan", "Rs 500 crore", 5e9, "INR"),
            ("paid RM50,000 to", "RM50,000", 5e4, "MYR"),
            ("dlrs 220 million", "dlrs 220 million", 2.2e8, "USD"),
            ("about NT$5,000 each", "NT$5,000", 5e3, "TWD"),
            ("HK$14 million", "HK$14 million", 1.4e7, "HKD"),
            ("it cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, "USD"),
        ] {
            let (s, v, _, c) = one(text);
            assert_eq!(s, span, "{text}");
            assert!(close(v, value), "{text}: {v}");
            assert_eq!(c, cur, "{text}");
        }
    }

    #[test]
    fn ranges() {
        let (s, v, vmax, c) = one("worth $5 to $7 million now");
        assert_eq!(s, "$5 to $7 million");
        assert!(close(v, 5e6));
        assert!(close(vmax.unwrap_or(0.0), 7e6));
        assert_eq!(c, "USD");
        let (_, v, vmax, _) = one("between 10 and 20 dollars");
        assert!(close(v, 10.0) && close(vmax.unwrap_or(0.0), 20.0));
    }

    /// The checks of the key ends and bits reject only spans that are no form.
    fn ends_agree(text: &str) {
        let t = Tokens::new(text);
        let tables = &*TABLES;
        let pre = (&tables.pre, &tables.pre_ends, &tables.pre_bits);
        for a in 0..t.toks.len() {
            for b in a..(a + tables.max_toks).min(t.toks.len()) {
                for (table, ends, bits) in [pre, (&tables.post, &tables.post_ends, &tables.post_bits)] {
                    let (x, y) = (lookup(&t, a, b, table, ends, bits), lookup_key(&t, a, b, |k| table.get(k)));
                    assert_eq!(x.map(|f| f.form), y.map(|f| f.form), "{text:?} {a} {b}");
                }
            }
        }
    }

    #[test]
    fn key_ends_agree() {
        for text in [
            "$5, US$4.7 billion, U.S. dollars 5, 1.5 billion euros, Rs 500 crore, RM50,000, dlrs 220",
            "NT$5,000, HK$14 million, 3 dollars 50 cents, £10, €3.2m, ¥1,000, a $ 5, A$5, C $ 5, R92",
            "5 Egyptian pounds, 5 egyptianpounds, 10 Sri Lankan rupees, 3 ΣΑΣ, KSh 100, Ksh 100, 100 won",
            "5 Trinidad and Tobago dollars, 20 Swiss francs, 30 Kč, 5 zł, 7 USD, 8 usd, 9 Usd, 10 GBP",
        ] {
            ends_agree(text);
        }
        // every form of the table, as written, in upper case and glued to digits
        let forms: Vec<&str> = TABLES.pre.values().chain(TABLES.post.values()).map(|f| f.form).collect();
        for f in forms {
            ends_agree(&format!("{f} 5 {} 7{f} 9 {f}", f.to_uppercase()));
        }
    }

    /// The key by its definition: lower-cased, white space dropped.
    fn key_reference(raw: &str) -> Vec<u8> {
        raw.to_lowercase().chars().filter(|c| !c.is_whitespace()).collect::<String>().into_bytes()
    }

    #[test]
    fn plain_key_agrees_with_lower_case() {
        // every character that is no letter lower-cases to itself
        for c in (0..=0x10ffffu32).filter_map(char::from_u32).filter(|c| !c.is_alphabetic()) {
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
        for raw in [
            "$",
            "US $",
            "U.S.\u{a0}$",
            "£",
            "€",
            "Kč",
            "zł",
            "ΣΑΣ",
            "R$",
            "HK\u{2009}$",
            "\u{b}$\u{85}",
            "KSh",
            "₦",
            "A",
            "Ⓐ",
            "ǅ",
            "İ",
            "Ⅳ",
            "ß",
            "",
        ] {
            let mut buf = [0u8; 40];
            match plain_key(raw, &mut buf) {
                Some(n) => assert_eq!(buf[..n], key_reference(raw)[..], "{raw:?}"),
                None => assert!(raw.chars().any(|c| !c.is_ascii() && c.is_alphabetic()), "{raw:?}"),
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn plain_key_agrees_on_any_text(raw in "\\PC{0,12}") {
            let mut buf = [0u8; 40];
            if let Some(n) = plain_key(&raw, &mut buf) {
                proptest::prop_assert_eq!(&buf[..n], &key_reference(&raw)[..]);
            } else {
                proptest::prop_assert!(raw.len() > 40 || raw.chars().any(|c| !c.is_ascii() && c.is_alphabetic()));
            }
        }

        #[test]
        fn key_checks_agree_on_any_text(text in "[A-Za-z$£€¥ΣΑς .,()'\\-0-9\n]{0,40}") {
            ends_agree(&text);
        }
    }

    #[test]
    fn key_bits_hold_every_key() {
        for (table, bits) in [(&TABLES.pre, &TABLES.pre_bits), (&TABLES.post, &TABLES.post_bits)] {
            assert!(table.keys().all(|k| bits.may_hold_bytes(k)));
        }
        let some = key_bits([&b"usd"[..], b""].into_iter());
        assert!(some.may_hold_bytes(b"usd") && some.may_hold_bytes(b"") && !some.may_hold_bytes(b"usd$"));
    }

    #[test]
    fn not_money() {
        for text in
            ["All 70 of us.", "I tried to call Bob 3 times already.", "He won 3 medals", "the 29km road", "in 2019 the"]
        {
            assert!(find_money_in(text).is_empty(), "{text}: {:?}", find_money_in(text));
        }
    }
}
