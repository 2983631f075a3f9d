//! Mojibake repair, a port of ftfy's `fix_encoding` (Apache-2.0, Robyn Speer / Luminoso).
//!
//! Works on [`Unit`]s: chars that remember which raw bytes they came from, so that every repaired
//! char maps back exactly to the raw chars whose bytes it was decoded from.
//!
//! The steps follow ftfy 6.3: a line is touched only when its "badness" pattern matches (strong
//! evidence); then the whole line is re-encoded in each single-byte encoding ftfy considers and
//! decoded as UTF-8 (restoring bytes A0 turned into spaces and lossy U+FFFD sequences); failing
//! that, embedded sequences that look like UTF-8 mojibake are fixed one by one; then Latin-1
//! C1 controls are read as Windows-1252. The steps repeat until nothing changes (double and
//! triple encodings).

use crate::tables::{
    Charmap, BADNESS_PATTERN, CHARMAPS, UTF8_CONTINUATION, UTF8_CONTINUATION_STRICT, UTF8_FIRST_OF_2, UTF8_FIRST_OF_3,
    UTF8_FIRST_OF_4,
};
use crate::unicode::next_non_ascii;
use once_cell::sync::Lazy;
use regex::bytes::Regex as BytesRegex;
use regex::Regex;
use std::collections::HashMap;

/// One char of a line being repaired, with the raw byte range it came from and the rule that
/// made it (None: it is the raw char itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit {
    pub c: char,
    pub start: usize,
    pub end: usize,
    pub rule: Option<&'static str>,
}

static BADNESS: Lazy<Regex> = Lazy::new(|| Regex::new(BADNESS_PATTERN).expect("badness pattern compiles"));

static ALTERED_UTF8: Lazy<BytesRegex> = Lazy::new(|| {
    BytesRegex::new(
        r"(?-u)[\xc2\xc3\xc5\xce\xd0\xd9][ ]|[\xe2\xe3][ ][\x80-\x84\x86-\x9f\xa1-\xbf]|[\xe0-\xe3][\x80-\x84\x86-\x9f\xa1-\xbf][ ]|[\xf0][ ][\x80-\xbf][\x80-\xbf]|[\xf0][\x80-\xbf][ ][\x80-\xbf]|[\xf0][\x80-\xbf][\x80-\xbf][ ]",
    )
    .expect("altered utf8 pattern compiles")
});

static LOSSY_UTF8: Lazy<BytesRegex> = Lazy::new(|| {
    BytesRegex::new(
        r"(?-u)[\xc2-\xdf][\x1a]|[\xc2-\xc3][?]|\xed[\xa0-\xaf][\x1a?]\xed[\xb0-\xbf][\x1a?\x80-\xbf]|\xed[\xa0-\xaf][\x1a?\x80-\xbf]\xed[\xb0-\xbf][\x1a?]|[\xe0-\xef][\x1a?][\x1a\x80-\xbf]|[\xe0-\xef][\x1a\x80-\xbf][\x1a?]|[\xf0-\xf4][\x1a?][\x1a\x80-\xbf][\x1a\x80-\xbf]|[\xf0-\xf4][\x1a\x80-\xbf][\x1a?][\x1a\x80-\xbf]|[\xf0-\xf4][\x1a\x80-\xbf][\x1a\x80-\xbf][\x1a?]|\x1a",
    )
    .expect("lossy utf8 pattern compiles")
});

/// Reverse maps (char -> byte) of the charmaps' high halves.
static REVERSE: Lazy<Vec<HashMap<char, u8>>> = Lazy::new(|| {
    CHARMAPS
        .iter()
        .map(|cm| {
            let mut m = HashMap::with_capacity(130);
            for (i, &c) in cm.high.iter().enumerate() {
                m.entry(c).or_insert(0x80 + i as u8);
            }
            m
        })
        .collect()
});

/// Rule name recorded for repaired chars.
pub(crate) const RULE: &str = "mojibake";
const RULE_C1: &str = "c1_control";

/// Non-ASCII chars so common in English text that a line whose only non-ASCII chars are
/// these cannot match the badness pattern (checked exhaustively in the tests).
fn is_common_typography(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{2013}' | '\u{2014}' | '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}' | '\u{2026}')
}

/// The chars that can be the only non-ASCII char of a badness match: C1 controls, "Â", "Ã",
/// "Œ" and "œ". Every other alternative of the pattern needs two adjacent chars that can only be
/// non-ASCII (checked in the tests).
fn lone_bad(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9f}' | '\u{c2}' | '\u{c3}' | '\u{152}' | '\u{153}')
}

/// A cheap necessary condition for the badness pattern: some char is [`lone_bad`], or two
/// non-ASCII chars are adjacent. Skips ASCII a word at a time; most text ("£5m", "café") fails
/// it and never reaches the regex.
fn may_be_bad(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = next_non_ascii(b, 0);
    while i < b.len() {
        let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else { return true };
        let end = i + c.len_utf8();
        if lone_bad(c) || b.get(end).is_some_and(|&x| x >= 0x80) {
            return true;
        }
        i = next_non_ascii(b, end);
    }
    false
}

/// True when `text` looks like it contains mojibake (ftfy's `is_bad`).
pub(crate) fn is_bad(text: &str) -> bool {
    if !may_be_bad(text) || text.chars().all(|c| c.is_ascii() || is_common_typography(c)) {
        return false;
    }
    BADNESS.is_match(text)
}

fn text_of(units: &[Unit]) -> String {
    units.iter().map(|u| u.c).collect()
}

fn merged(units: &[Unit], c: char, rule: &'static str) -> Unit {
    let start = units.iter().map(|u| u.start).min().unwrap_or(0);
    let end = units.iter().map(|u| u.end).max().unwrap_or(start);
    Unit { c, start, end, rule: Some(rule) }
}

/// Repair the mojibake in `units` (one line), repeating until nothing changes.
pub(crate) fn fix_encoding(units: Vec<Unit>) -> Vec<Unit> {
    let mut units = units;
    // Each step shortens the text or leaves it unchanged, so a small cap suffices.
    for _ in 0..8 {
        match one_step(&units) {
            Some(next) if next.iter().map(|u| u.c).ne(units.iter().map(|u| u.c)) => units = next,
            _ => break,
        }
    }
    units
}

fn one_step(units: &[Unit]) -> Option<Vec<Unit>> {
    if units.is_empty() || units.iter().all(|u| u.c.is_ascii()) {
        return None;
    }
    let text = text_of(units);
    if !is_bad(&text) {
        return None;
    }
    let mut latin1_possible = false;
    for (k, cm) in CHARMAPS.iter().enumerate() {
        let Some(bytes) = encode(units, cm, &REVERSE[k]) else { continue };
        if k == 0 {
            latin1_possible = true;
        }
        if let Some(fixed) = transcode(units, bytes, cm) {
            return Some(fixed);
        }
    }
    if let Some(fixed) = decode_inconsistent(units) {
        return Some(fixed);
    }
    let is_c1 = |c: char| (0x80..0xa0).contains(&(c as u32));
    let cp1252 = &CHARMAPS[1];
    if latin1_possible
        && units.iter().any(|u| is_c1(u.c))
        && units.iter().all(|u| !is_c1(u.c) || cp1252.high[(u.c as u32 - 0x80) as usize] != u.c)
    {
        // Latin-1 text with C1 controls, all defined in Windows-1252: read it as Windows-1252.
        return Some(
            units
                .iter()
                .map(|u| {
                    if is_c1(u.c) {
                        Unit { c: cp1252.high[(u.c as u32 - 0x80) as usize], rule: Some(RULE_C1), ..*u }
                    } else {
                        *u
                    }
                })
                .collect(),
        );
    }
    if units.iter().any(|u| (0x80..0xa0).contains(&(u.c as u32))) {
        let cp1252 = &CHARMAPS[1];
        return Some(
            units
                .iter()
                .map(|u| {
                    let cp = u.c as u32;
                    if (0x80..0xa0).contains(&cp) {
                        let c = cp1252.high[(cp - 0x80) as usize];
                        if c != u.c {
                            return Unit { c, rule: Some(RULE_C1), ..*u };
                        }
                    }
                    *u
                })
                .collect(),
        );
    }
    None
}

/// Encode the units in a single-byte charmap: one byte per unit, or None when some char has no byte.
fn encode(units: &[Unit], cm: &Charmap, rev: &HashMap<char, u8>) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(units.len());
    for u in units {
        let c = u.c;
        let b = if c == cm.sub {
            0x1a
        } else if (c as u32) < 0x80 && c != '\u{1a}' {
            c as u8
        } else {
            *rev.get(&c)?
        };
        out.push(b);
    }
    Some(out)
}

/// Byte string with, for each byte, the range of units it came from.
struct Traced {
    bytes: Vec<u8>,
    origin: Vec<(usize, usize)>,
}

impl Traced {
    /// Replace each match of `re` by `f(match)`, the new bytes inheriting the match's units.
    fn sub(&mut self, re: &BytesRegex, f: impl Fn(&[u8]) -> Vec<u8>) -> bool {
        let mut bytes = Vec::with_capacity(self.bytes.len());
        let mut origin = Vec::with_capacity(self.bytes.len());
        let mut last = 0;
        let mut changed = false;
        for m in re.find_iter(&self.bytes) {
            bytes.extend_from_slice(&self.bytes[last..m.start()]);
            origin.extend_from_slice(&self.origin[last..m.start()]);
            let rep = f(m.as_bytes());
            changed |= rep != m.as_bytes();
            let span = &self.origin[m.start()..m.end()];
            let lo = span.iter().map(|o| o.0).min().unwrap_or(0);
            let hi = span.iter().map(|o| o.1).max().unwrap_or(lo);
            if rep.len() == m.len() {
                // Same length: keep each byte's own origin.
                origin.extend_from_slice(span);
            } else {
                origin.extend(std::iter::repeat((lo, hi)).take(rep.len()));
            }
            bytes.extend_from_slice(&rep);
            last = m.end();
        }
        bytes.extend_from_slice(&self.bytes[last..]);
        origin.extend_from_slice(&self.origin[last..]);
        self.bytes = bytes;
        self.origin = origin;
        changed
    }
}

/// ftfy's `restore_byte_a0` word rule: "Ã " is "à " unless followed by " ", "quele", "quela",
/// "quilo" or "s ".
fn restore_a_grave(t: &mut Traced) {
    let mut bytes = Vec::with_capacity(t.bytes.len() + 4);
    let mut origin = Vec::with_capacity(t.bytes.len() + 4);
    let mut i = 0;
    while i < t.bytes.len() {
        let b = t.bytes[i];
        bytes.push(b);
        origin.push(t.origin[i]);
        if b == 0xc3 && t.bytes.get(i + 1) == Some(&b' ') {
            let rest = &t.bytes[i + 2..];
            let blocked = rest.starts_with(b" ")
                || rest.starts_with(b"quele")
                || rest.starts_with(b"quela")
                || rest.starts_with(b"quilo")
                || rest.starts_with(b"s ");
            if !blocked {
                bytes.push(0xa0);
                origin.push(t.origin[i]);
                bytes.push(b' ');
                origin.push(t.origin[i + 1]);
                i += 2;
                continue;
            }
        }
        i += 1;
    }
    t.bytes = bytes;
    t.origin = origin;
}

fn transcode(units: &[Unit], bytes: Vec<u8>, cm: &Charmap) -> Option<Vec<Unit>> {
    let origin = (0..bytes.len()).map(|i| (i, i + 1)).collect();
    let mut t = Traced { bytes, origin };
    if cm.name != "macroman" && ALTERED_UTF8.is_match(&t.bytes) {
        restore_a_grave(&mut t);
        t.sub(&ALTERED_UTF8, |m| m.iter().map(|&b| if b == b' ' { 0xa0 } else { b }).collect());
    }
    if cm.name.starts_with("sloppy") {
        t.sub(&LOSSY_UTF8, |_| "\u{fffd}".as_bytes().to_vec());
    }
    let decoded = decode_utf8_variants(&t.bytes)?;
    let mut out = Vec::with_capacity(decoded.len());
    for (c, bs, be) in decoded {
        let lo = t.origin[bs].0;
        let hi = t.origin[be - 1].1.max(lo + 1);
        let src = &units[lo..hi.min(units.len())];
        if src.len() == 1 && src[0].c == c {
            out.push(src[0]);
        } else {
            out.push(merged(src, c, RULE));
        }
    }
    Some(out)
}

/// Decode UTF-8, also accepting CESU-8 surrogate pairs and the two-byte null (C0 80), as ftfy's
/// "utf-8-variants". Gives each char with its byte range, or None on invalid input.
fn decode_utf8_variants(b: &[u8]) -> Option<Vec<(char, usize, usize)>> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        // CESU-8 surrogate pair.
        if b[i] == 0xed && i + 6 <= b.len() {
            let (b1, b2, b3, b4, b5) = (b[i + 1], b[i + 2], b[i + 3], b[i + 4], b[i + 5]);
            if (0xa0..=0xaf).contains(&b1)
                && (0x80..=0xbf).contains(&b2)
                && b3 == 0xed
                && (0xb0..=0xbf).contains(&b4)
                && (0x80..=0xbf).contains(&b5)
            {
                let hi = 0xd000 | ((b1 as u32 & 0x3f) << 6) | (b2 as u32 & 0x3f);
                let lo = 0xd000 | ((b4 as u32 & 0x3f) << 6) | (b5 as u32 & 0x3f);
                let cp = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
                out.push((char::from_u32(cp)?, i, i + 6));
                i += 6;
                continue;
            }
        }
        if b[i] == 0xc0 && b.get(i + 1) == Some(&0x80) {
            out.push(('\0', i, i + 2));
            i += 2;
            continue;
        }
        let len = match b[i] {
            0x00..=0x7f => 1,
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => return None,
        };
        let s = std::str::from_utf8(b.get(i..i + len)?).ok()?;
        out.push((s.chars().next()?, i, i + len));
        i += len;
    }
    Some(out)
}

fn in_set(set: &[char], c: char) -> bool {
    set.binary_search(&c).is_ok()
}

/// ftfy's `decode_inconsistent_utf8`: fix sequences that look like UTF-8 read as a single-byte
/// encoding, each on its own, when the sequence itself looks bad.
fn decode_inconsistent(units: &[Unit]) -> Option<Vec<Unit>> {
    let n = units.len();
    let mut out: Vec<Unit> = Vec::with_capacity(n);
    let mut changed = false;
    let mut i = 0;
    while i < n {
        let prev_strict = i > 0 && in_set(&UTF8_CONTINUATION_STRICT, units[i - 1].c);
        let mut j = i;
        if !prev_strict {
            while let Some(u) = units.get(j) {
                // A char may be in several first-of sets; like ftfy's regex, try the 2-byte group first.
                let mut matched = 0;
                for k in [1usize, 2, 3] {
                    let allowed = match k {
                        3 => in_set(&UTF8_FIRST_OF_4, u.c),
                        2 => in_set(&UTF8_FIRST_OF_3, u.c),
                        _ => in_set(&UTF8_FIRST_OF_2, u.c),
                    };
                    if allowed && (1..=k).all(|d| units.get(j + d).is_some_and(|x| in_set(&UTF8_CONTINUATION, x.c))) {
                        matched = k;
                        break;
                    }
                }
                if matched == 0 {
                    break;
                }
                j += matched + 1;
            }
        }
        if j > i {
            let sub = &units[i..j];
            if sub.len() < n && is_bad(&text_of(sub)) {
                let fixed = fix_encoding(sub.to_vec());
                if fixed.iter().map(|u| u.c).ne(sub.iter().map(|u| u.c)) {
                    changed = true;
                }
                out.extend(fixed);
            } else {
                out.extend_from_slice(sub);
            }
            i = j;
        } else {
            out.push(units[i]);
            i += 1;
        }
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> String {
        let units = s.char_indices().map(|(i, c)| Unit { c, start: i, end: i + c.len_utf8(), rule: None }).collect();
        text_of(&fix_encoding(units))
    }

    #[test]
    fn fixes_common_mojibake() {
        assert_eq!(fix("HÃ´tel de Police"), "Hôtel de Police");
        assert_eq!(fix("doesnÃ¢â‚¬â„¢t"), "doesn\u{2019}t");
        assert_eq!(fix("voilÃ le travail"), "voilà le travail");
        assert_eq!(fix("Hi guys \u{ed}\u{a0}\u{bd}\u{ed}\u{b8}\u{8d}"), "Hi guys \u{1f60d}");
    }

    #[test]
    fn common_typography_never_looks_bad() {
        let alphabet: Vec<char> =
            "\u{a0}\u{2013}\u{2014}\u{2018}\u{2019}\u{201c}\u{201d}\u{2026}aZ .,1\n'\"".chars().collect();
        let k = alphabet.len();
        for n in 0..k.pow(4) {
            let s: String = (0..4).map(|d| alphabet[(n / k.pow(d)) % k]).collect();
            assert!(!BADNESS.is_match(&s), "{s:?}");
        }
    }

    /// The pattern's explicit non-ASCII chars, from its `\x{..}` escapes and ranges.
    fn pattern_chars() -> Vec<char> {
        let p = BADNESS_PATTERN;
        let mut out = Vec::new();
        let mut prev: Option<u32> = None;
        let mut range = false;
        let mut i = 0;
        while let Some(rest) = p.get(i..) {
            if rest.is_empty() {
                break;
            }
            if let Some(hex) = rest.strip_prefix("\\x{") {
                let close = hex.find('}').unwrap_or(0);
                let cp = u32::from_str_radix(&hex[..close], 16).unwrap_or(0);
                if range {
                    if let Some(lo) = prev {
                        out.extend((lo..=cp).filter_map(char::from_u32));
                    }
                    range = false;
                } else {
                    out.extend(char::from_u32(cp));
                }
                prev = Some(cp);
                i += 4 + close;
                continue;
            }
            range = rest.starts_with('-') && prev.is_some();
            if !range {
                prev = None;
            }
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
        out.retain(|c| !c.is_ascii());
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn lone_chars_outside_the_prefilter_never_look_bad() {
        let chars = pattern_chars();
        assert!(chars.len() > 200, "{}", chars.len());
        let left = ["", "a", "a ", " ", ".", "A", "1", "\n", "x\t"];
        let right = ["", " ", "a", "A", ".", "1", "\n", "  "];
        for &c in chars.iter().filter(|&&c| !lone_bad(c)) {
            for l in left {
                for r in right {
                    let s = format!("{l}{c}{r}");
                    assert!(!BADNESS.is_match(&s), "{s:?}");
                    assert!(!may_be_bad(&s));
                }
            }
        }
        assert!(may_be_bad("x \u{c3} y") && may_be_bad("\u{e9}\u{e9}") && !may_be_bad("\u{a3}5m, caf\u{e9}"));
    }

    #[test]
    fn leaves_correct_text() {
        for s in ["NESTLÉ® requiere", "Offering 5×£35 pin ups", "(-1/2)! = √π", "C O N C L U S Ã O", "café ☕ naïve"]
        {
            assert_eq!(fix(s), s);
        }
    }

    #[test]
    fn repaired_chars_map_to_their_raw_chars() {
        let s = "a HÃ´tel";
        let units = s.char_indices().map(|(i, c)| Unit { c, start: i, end: i + c.len_utf8(), rule: None }).collect();
        let out = fix_encoding(units);
        let o = out.iter().find(|u| u.c == 'ô').copied().unwrap_or(Unit { c: ' ', start: 0, end: 0, rule: None });
        assert_eq!(&s[o.start..o.end], "Ã´");
    }
}
