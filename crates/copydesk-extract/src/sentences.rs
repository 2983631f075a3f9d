//! Sentence segmentation of content segments.
//!
//! A sentence ends at a run of terminators (`.`, `!`, `?`, `…`, spaced or unspaced ellipses),
//! plus any closing quotes or brackets right after it, when whitespace and a sentence-like start
//! (upper-case letter, digit, opening quote or bracket) follow. A period is not a boundary after
//! titles ("Mr.", "Gen."), initials ("Jonas E. Smith"), month and number abbreviations before a
//! digit ("Jan. 5", "p. 55"), and dotted abbreviations ("U.S.", "a.m.") unless a typical
//! sentence opener follows ("the U.S. The ..."). Lists ("1. ... 2. ...", "a) ... b) ...") and
//! bullets ("•") start new sentences. Everything is one linear pass over each segment.

use crate::ascii_scan::{alnum_bits, load_le, HI};
use crate::quotes::with_lower;
use crate::{Segment, Sentence};
use copydesk_normalize::Span;
use foldhash::HashSet;
use once_cell::sync::Lazy;
use regex::Regex;

/// Abbreviations that are never the end of a sentence (titles and name parts before a name).
static TITLES: Lazy<HashSet<&'static str>> = Lazy::new(|| words(include_str!("../data/abbrev_titles.txt")));
/// Abbreviations that do not end a sentence when a number follows ("Jan. 5", "p. 55", "No. 3").
static NUMBER_ABBR: Lazy<HashSet<&'static str>> = Lazy::new(|| words(include_str!("../data/abbrev_numbers.txt")));
/// Words that typically open a sentence: after a dotted abbreviation ("U.S.") they mark a boundary.
static OPENERS: Lazy<HashSet<&'static str>> = Lazy::new(|| words(include_str!("../data/sentence_openers.txt")));

/// A list marker at the start of a segment ("1.", "2)", "a.", "1.)", "• 9.").
static LIST_START: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:[•⁃]\s*)?(?:\d{1,2}|[a-z])(\.\)|\)|\.)\s").expect("list regex"));

fn words(s: &'static str) -> HashSet<&'static str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// Split every segment into sentences.
/// The boundary and span buffers are reused from segment to segment.
pub(crate) fn split(text: &str, segments: &[Segment]) -> Vec<Sentence> {
    // room for the sentences of most texts (one in about a hundred bytes, or two per segment),
    // and for those of most segments
    let bytes: usize = segments.iter().map(|s| s.span.end.saturating_sub(s.span.start)).sum();
    let mut out = Vec::with_capacity((segments.len() * 2).max(bytes / 100));
    let mut cuts = Vec::with_capacity(16);
    let mut spans = Vec::with_capacity(16);
    for (si, seg) in segments.iter().enumerate() {
        let s = seg.span.slice(text);
        spans.clear();
        split_into(s, &mut cuts, &mut spans);
        let base = seg.span.start;
        out.extend(spans.iter().map(|sp| Sentence { span: Span::new(base + sp.start, base + sp.end), segment: si }));
    }
    out
}

/// Split one piece of text into sentence spans (bytes of `s`, trimmed, never empty).
pub fn split_text(s: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for para in s.split("\n\n") {
        for sp in split_str(para) {
            out.push(Span::new(start + sp.start, start + sp.end));
        }
        start += para.len() + 2;
    }
    out
}

/// Brackets longer than this (bytes) are taken as unbalanced and do not block boundaries.
const MAX_PAREN: usize = 300;

/// Bytes where a character that matters to the splitter may start: brackets, terminators, and
/// the lead byte of "…", "•" and "⁃" (what [`Interesting`] finds).
#[cfg(test)]
static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let bytes = b"()[].!?\xE2";
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
};

/// Finds the interesting bytes of a text in order: terminators, brackets and the lead byte
/// 0xE2 are each searched by memchr (vectorized), and each search's last hit is kept until
/// the reading position passes it, so every byte is searched once per kind.
struct Interesting<'a> {
    b: &'a [u8],
    /// The first hit at or after the last position asked, per kind (None: not searched yet).
    hits: [Option<usize>; 4],
}

impl<'a> Interesting<'a> {
    fn new(b: &'a [u8]) -> Self {
        Interesting { b, hits: [None; 4] }
    }

    /// [`Interesting::new`] for the splitter, which needs no closing bracket when the text
    /// opens none (a closing bracket only ends an open one) and no 0xE2 byte the text does not
    /// have: one search for "(", "[" and 0xE2 replaces the first searches of the three kinds in
    /// most texts, which have none of them.
    fn for_splitter(b: &'a [u8]) -> Self {
        let mut it = Interesting::new(b);
        if memchr::memchr3(b'(', b'[', 0xE2, b).is_none() {
            it.hits = [None, Some(b.len()), Some(b.len()), Some(b.len())];
        }
        it
    }

    /// The first interesting byte at or after `i` (`i` never goes back between calls).
    #[inline]
    fn next(&mut self, i: usize) -> Option<usize> {
        let b = self.b;
        let rest = b.get(i..)?;
        // Only terminators left to find (the other kinds have no hit: [`Interesting::for_splitter`]
        // in most texts): one search, no pass over the kinds.
        if let [h0, Some(h1), Some(h2), Some(h3)] = self.hits {
            if h1 == b.len() && h2 == b.len() && h3 == b.len() {
                let h = match h0 {
                    Some(h) if h >= i => h,
                    _ => memchr::memchr3(b'.', b'!', b'?', rest).map_or(b.len(), |k| i + k),
                };
                self.hits[0] = Some(h);
                return (h < b.len()).then_some(h);
            }
        }
        let mut first = b.len();
        for (kind, hit) in self.hits.iter_mut().enumerate() {
            let h = match *hit {
                Some(h) if h >= i => h,
                _ => {
                    let found = match kind {
                        0 => memchr::memchr3(b'.', b'!', b'?', rest),
                        1 => memchr::memchr2(b'(', b')', rest),
                        2 => memchr::memchr2(b'[', b']', rest),
                        _ => memchr::memchr(0xE2, rest),
                    };
                    let h = found.map_or(b.len(), |k| i + k);
                    *hit = Some(h);
                    h
                }
            };
            first = first.min(h);
        }
        (first < b.len()).then_some(first)
    }
}

/// The char at byte `i` of `s` (a char boundary; None at the end), decoded only when it is
/// not ASCII (what `s[i..].chars().next()` gives).
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => s.get(i..).and_then(|r| r.chars().next()),
        None => None,
    }
}

fn is_term(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | '\u{bb}' | ')' | ']')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201c}' | '\u{2018}' | '\u{ab}' | '(' | '[')
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃')
}

/// The sentence spans of one segment (bytes of `s`).
fn split_str(s: &str) -> Vec<Span> {
    let mut out = Vec::new();
    split_into(s, &mut Vec::new(), &mut out);
    out
}

/// Append the sentence spans of one segment (bytes of `s`) to `out`; `cuts` is a buffer for the
/// boundaries (end of a sentence, start of the next), cleared first.
fn split_into(s: &str, cuts: &mut Vec<(usize, usize)>, out: &mut Vec<Span>) {
    split_into_with::<true>(s, cuts, out);
}

/// [`split_into`]; `SKIP`: whether the brackets and 0xE2 bytes go unsearched in a text without
/// "(", "[" and 0xE2 ([`Interesting::for_splitter`]; tests check that both ways split alike).
fn split_into_with<const SKIP: bool>(s: &str, cuts: &mut Vec<(usize, usize)>, out: &mut Vec<Span>) {
    let bytes = s.as_bytes();
    cuts.clear();
    // A list marker starts with a bullet, a digit or a lower-case letter: most segments start
    // with an ASCII byte that rules the regex out (its \d also takes non-ASCII digits).
    let may_list = s.as_bytes().first().is_some_and(|&b| b >= 0x80 || b.is_ascii_digit() || b.is_ascii_lowercase());
    let list_style = if may_list { LIST_START.captures(s).and_then(|c| c.get(1)).map(|m| m.as_str()) } else { None };
    let mut sent_start = 0usize;
    // Position of the innermost open bracket; no boundary inside brackets (up to MAX_PAREN bytes).
    let mut open_paren: Option<usize> = None;
    let mut i = 0usize;
    let mut interesting = if SKIP { Interesting::for_splitter(bytes) } else { Interesting::new(bytes) };
    while i < s.len() {
        // Without list markers, only brackets, terminators and bullets matter: skip to the next.
        if list_style.is_none() {
            match interesting.next(i) {
                Some(k) => i = k,
                None => break,
            }
        }
        let Some(c) = char_at(s, i) else { break };
        let clen = c.len_utf8();
        match c {
            '(' | '[' => open_paren = Some(i),
            ')' | ']' => open_paren = None,
            _ => {}
        }
        // Bullets and list markers inside the segment start a new sentence.
        if i > 0 && bytes[i - 1].is_ascii_whitespace() && i > sent_start {
            let starts_item = is_bullet(c)
                || (list_style.is_some_and(|st| list_marker_at(s, i, st))
                    && !s[sent_start..i].trim().chars().all(is_bullet));
            if starts_item {
                cuts.push((i, i));
                sent_start = i;
                i += clen;
                continue;
            }
        }
        if !is_term(c) {
            i += clen;
            continue;
        }
        // The terminator run: ".", "!!", "?!", "....", ". . . ." (spaced dots).
        let run_start = i;
        let mut j = i;
        let mut dots = 0usize;
        let mut spaced = false;
        while let Some(d) = char_at(s, j) {
            if is_term(d) {
                if d == '.' {
                    dots += 1;
                }
                j += d.len_utf8();
            } else if d == ' ' && bytes.get(j + 1) == Some(&b'.') && dots > 0 {
                // " ." continues a spaced ellipsis only when the dot is not followed by a letter.
                let after = bytes.get(j + 2).copied();
                if after.map_or(true, |a| a == b' ' || a == b'.' || !a.is_ascii_alphanumeric()) {
                    spaced = true;
                    j += 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let run_end = j;
        // Closing quotes and brackets right after the run.
        let mut k = run_end;
        while let Some(d) = char_at(s, k) {
            if is_closer(d) {
                k += d.len_utf8();
            } else {
                break;
            }
        }
        i = k.max(i + clen);
        // (ASCII brackets: byte tests, no char decoding)
        if bytes.get(run_end..k).is_some_and(|r| r.iter().any(|&b| b == b')' || b == b']')) {
            open_paren = None;
        }
        if open_paren.is_some_and(|p| run_start - p < MAX_PAREN) {
            continue;
        }
        if k >= s.len() {
            continue;
        }
        let Some(ws) = char_at(s, k) else { continue };
        if !ws.is_whitespace() {
            continue;
        }
        let n = after_space(s, k);
        if n >= s.len() {
            continue;
        }
        if !starts_sentence(&s[n..]) {
            continue;
        }
        // "[...]": an elision in brackets, not an end.
        if run_start > 0 && matches!(bytes[run_start - 1], b'[' | b'(') {
            continue;
        }
        // "1.)", "• 9.", "a.": a list marker opening the sentence.
        if is_list_marker(s, sent_start, run_start) {
            continue;
        }
        let detached = run_start > 0 && bytes[run_start - 1] == b' ';
        let single_period = run_end - run_start == 1 && c == '.' && k == run_end;
        let boundary = if dots >= 3 && spaced {
            if detached {
                dots >= 4
            } else {
                // "compounds. . . . The": the period ends the sentence, the ellipsis opens the next.
                if dots >= 4 {
                    cuts.push((run_start + 1, run_start + 2));
                    sent_start = run_start + 2;
                }
                false
            }
        } else if single_period {
            period_ends_sentence(s, sent_start, run_start, &s[n..])
        } else {
            true
        };
        if boundary {
            cuts.push((k, n));
            sent_start = n;
        }
    }
    let mut from = 0usize;
    for &(end, next) in cuts.iter() {
        push(out, s, from, end);
        from = next;
    }
    push(out, s, from, s.len());
}

/// The end of the white space starting at byte `k` of `s` (a char boundary): one plain space
/// before a visible ASCII byte (nearly every sentence gap) is read at once, other gaps by
/// `str::trim_start`.
#[inline]
fn after_space(s: &str, k: usize) -> usize {
    let b = s.as_bytes();
    if b.get(k) == Some(&b' ') && b.get(k + 1).is_some_and(u8::is_ascii_graphic) {
        return k + 1;
    }
    let rest = s.get(k..).unwrap_or("");
    k + (rest.len() - rest.trim_start().len())
}

/// Is a list marker of the same style as the first one at `i` ("2.", "b)")?
fn list_marker_at(s: &str, i: usize, style: &str) -> bool {
    let rest = &s[i..];
    let rest = rest.strip_prefix('•').or_else(|| rest.strip_prefix('⁃')).unwrap_or(rest).trim_start();
    let tok_len = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
    let tok_len =
        if tok_len == 0 && rest.as_bytes().first().is_some_and(|b| b.is_ascii_lowercase()) { 1 } else { tok_len };
    if tok_len == 0 || tok_len > 2 {
        return false;
    }
    let after = &rest[tok_len..];
    after.strip_prefix(style).is_some_and(|r| r.starts_with(' '))
}

/// Is `s[from..end]` only a list marker ("1", "• 9", "⁃10", "a")?
#[inline]
fn is_list_marker(s: &str, from: usize, end: usize) -> bool {
    let (from, end) = (floor_boundary(s, from), floor_boundary(s, end));
    // the usual case, a sentence: it starts with an ASCII byte that is no white space (so
    // nothing is trimmed) and is longer than any marker
    if end > from + 2 && s.as_bytes().get(from).is_some_and(|&b| b < 0x80 && !matches!(b, b' ' | b'\t'..=b'\r')) {
        return false;
    }
    list_marker_text(s, from, end)
}

/// [`is_list_marker`] for `from` and `end` on char boundaries, by trimming.
fn list_marker_text(s: &str, from: usize, end: usize) -> bool {
    let t = s[from.min(end)..end].trim_start_matches(|c: char| is_bullet(c) || c.is_whitespace());
    let digits = t.bytes().all(|b| b.is_ascii_digit());
    !t.is_empty() && ((digits && t.len() <= 2) || (t.len() == 1 && t.bytes().all(|b| b.is_ascii_lowercase())))
}

/// The largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Does the text at the start of `rest` look like the start of a sentence?
fn starts_sentence(rest: &str) -> bool {
    let mut it = rest.chars();
    let Some(a) = it.next() else { return false };
    if a.is_uppercase() || a.is_ascii_digit() || is_bullet(a) {
        return true;
    }
    if is_opener(a) || a == '.' || a == '…' {
        return it.find(|c| !is_opener(*c)).is_some_and(|b| b.is_uppercase() || b.is_ascii_digit() || b == '.');
    }
    false
}

/// The word ending right before byte `end` (after the last whitespace), without leading brackets or quotes.
fn word_before(s: &str, from: usize, end: usize) -> &str {
    // Callers compute `end` by byte arithmetic; keep both ends on char boundaries.
    let (from, end) = (floor_boundary(s, from), floor_boundary(s, end));
    let from = from.min(end);
    // Back over ASCII bytes that are not white space; a non-ASCII byte leaves the search to the
    // char-by-char one (Unicode white space).
    let bytes = s.as_bytes();
    let mut k = end;
    while k > from && bytes.get(k - 1).is_some_and(|&b| b < 0x80 && !matches!(b, b' ' | b'\t'..=b'\r')) {
        k -= 1;
    }
    let ascii_stop = k == from || bytes.get(k - 1).is_some_and(|&b| b < 0x80);
    let w_start = if ascii_stop {
        k
    } else {
        s[from..end].char_indices().rfind(|(_, c)| c.is_whitespace()).map_or(from, |(p, c)| from + p + c.len_utf8())
    };
    let w = &s[w_start..end];
    // a word starting with a letter or digit (most) has nothing to trim
    if w.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric) {
        return w;
    }
    w.trim_start_matches(|c: char| is_opener(c) || is_bullet(c) || c == '-' || c == '—')
}

/// The word before byte `end` when it is plain: three or more ASCII letters and digits, after
/// white space or at `from` (what [`word_before`] gives then, read by one backward pass with no
/// trimming and no char decoding). None for any other word, which the full path reads.
#[inline]
fn plain_word_before(s: &str, from: usize, end: usize) -> Option<&[u8]> {
    let b = s.as_bytes();
    let lo = from.min(end);
    let mut k = end;
    // eight bytes at a time (a word usually ends in the first eight): the last byte before `k`
    // that is no ASCII letter or digit
    while k > lo {
        let Some(x) = k.checked_sub(8).and_then(|a| load_le(b, a, 8)) else { break };
        let non = !alnum_bits(x) & HI;
        if non != 0 {
            // the word starts after the highest marked byte: `k` less that byte's distance from
            // the top of the eight
            k = (k - (non.leading_zeros() / 8) as usize).max(lo);
            break;
        }
        k = (k - 8).max(lo);
    }
    while k > lo && b.get(k - 1).is_some_and(u8::is_ascii_alphanumeric) {
        k -= 1;
    }
    let after_space = k == lo || b.get(k - 1).is_some_and(|&c| matches!(c, b' ' | b'\t'..=b'\r'));
    let w = b.get(k..end)?;
    (after_space && w.len() > 2).then_some(w)
}

/// Where [`abbrev_shape`] puts a word of `len` bytes from `first` to `last` (ASCII): letters
/// keep their place whatever their case; other bytes and lengths over seven share places.
fn shape_index(first: u8, last: u8, len: usize) -> usize {
    (usize::from(first & 31) << 8) | (usize::from(last & 31) << 3) | len.min(7)
}

/// The shapes (first and last byte, length) of the ASCII abbreviations of [`TITLES`] and
/// [`NUMBER_ABBR`]: an ASCII word whose shape is not here is in neither list, in any case.
static ABBREV_SHAPES: Lazy<Vec<bool>> = Lazy::new(|| {
    let mut t = vec![false; 1 << 13];
    for w in TITLES.iter().chain(NUMBER_ABBR.iter()).map(|w| w.as_bytes()) {
        if let (Some(&f), Some(&l)) = (w.first(), w.last()) {
            if let Some(slot) = t.get_mut(shape_index(f, l, w.len())) {
                *slot = true;
            }
        }
    }
    t
});

/// Whether an ASCII word may be a listed abbreviation (false: it is none).
fn abbrev_shape(w: &[u8]) -> bool {
    match (w.first(), w.last()) {
        (Some(&f), Some(&l)) => ABBREV_SHAPES.get(shape_index(f, l, w.len())).copied().unwrap_or(true),
        _ => true,
    }
}

/// Decide whether a single period at `dot` ends the sentence, `next` being what follows.
fn period_ends_sentence(s: &str, sent_start: usize, dot: usize, next: &str) -> bool {
    if plain_word_before(s, sent_start, dot).is_some_and(|w| !abbrev_shape(w)) {
        return true;
    }
    let w = word_before(s, sent_start, dot);
    if w.is_empty() {
        return true;
    }
    // The usual case, an ordinary word before the period ("year."): an ASCII word of three
    // letters or more, without an inner period, whose shape no listed abbreviation has, is
    // neither an abbreviation, an initial, a list marker nor a dotted abbreviation, so the
    // period ends the sentence.
    let b = w.as_bytes();
    if b.len() > 2 && b.iter().all(|&c| c.is_ascii() && c != b'.') && !abbrev_shape(b) {
        return true;
    }
    with_lower(w, |lw| period_after_word_ends_sentence(s, sent_start, dot, next, w, lw))
}

/// [`period_ends_sentence`] for the word `w` (lower case `lw`) before the period.
fn period_after_word_ends_sentence(s: &str, sent_start: usize, dot: usize, next: &str, w: &str, lw: &str) -> bool {
    let next_is_digit = next.as_bytes().first().is_some_and(u8::is_ascii_digit);
    if TITLES.contains(lw) {
        return false;
    }
    if next_is_digit && NUMBER_ABBR.contains(lw) {
        return false;
    }
    // List marker or initial at the very start of the sentence ("1. The", "a. The").
    let at_start = dot - w.len() == sent_start;
    if at_start && w.len() <= 2 && (w.bytes().all(|b| b.is_ascii_digit()) || w.len() == 1) {
        return false;
    }
    let mut chars = w.chars();
    let only = chars.next().filter(|_| chars.next().is_none());
    // Single letters: an initial after a capitalised word ("Jonas E. Smith"), not after "and I.".
    if let Some(c0) = only.filter(|c| c.is_alphabetic()) {
        if c0.is_lowercase() {
            return !next_is_digit;
        }
        let prev = word_before(s, sent_start, dot.saturating_sub(w.len() + 1).max(sent_start));
        let prev_cap = prev.chars().next().is_some_and(|c| c.is_uppercase());
        if prev_cap || dot.saturating_sub(w.len()) == sent_start {
            return false;
        }
        // An initial opening a name ("said J. Gerald Hebert", ", J. Smith said"): a capital
        // other than the pronoun "I" before a capitalised word that does not usually open a
        // sentence ("Plan B. The" still ends one).
        let next_word = next.split(|c: char| c.is_whitespace()).next().unwrap_or("");
        let next_cap = next_word.chars().next().is_some_and(char::is_uppercase);
        let next_core = next_word.trim_end_matches(|c: char| !c.is_alphanumeric());
        return c0 == 'I' || !next_cap || OPENERS.contains(next_core);
    }
    // Dotted abbreviations: "U.S", "a.m", "E.U", "Ph.D".
    if w.contains('.') && w.split('.').all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(char::is_alphabetic)) {
        let next_word: &str = next.split(|c: char| c.is_whitespace()).next().unwrap_or("");
        let next_word = next_word.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        let upper = w.chars().any(char::is_uppercase);
        return OPENERS.contains(next_word)
            || (upper && with_lower(next_word.trim_end_matches('.'), |nw| TITLES.contains(nw)));
    }
    true
}

fn push(out: &mut Vec<Span>, s: &str, start: usize, end: usize) {
    if start >= end || end > s.len() || !s.is_char_boundary(start) || !s.is_char_boundary(end) {
        return;
    }
    let t = &s[start..end];
    // Usually both ends are ASCII and not white space: nothing to trim.
    let solid = |b: Option<&u8>| b.is_some_and(|&c| c < 0x80 && !matches!(c, b' ' | b'\t'..=b'\r'));
    if solid(t.as_bytes().first()) && solid(t.as_bytes().last()) {
        out.push(Span::new(start, end));
        return;
    }
    let lead = t.len() - t.trim_start().len();
    let t2 = t.trim();
    if !t2.is_empty() {
        let a = start + lead;
        out.push(Span::new(a, a + t2.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(s: &str) -> Vec<&str> {
        split_text(s).into_iter().map(|sp| sp.slice(s)).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sents("Mr. Smith met Gen. Jones on Jan. 5 in the U.S. Senate. They talked."),
            vec!["Mr. Smith met Gen. Jones on Jan. 5 in the U.S. Senate.", "They talked."]
        );
        assert_eq!(sents("I live in the U.S. How about you?"), vec!["I live in the U.S.", "How about you?"]);
    }

    #[test]
    fn numbers_initials_and_money() {
        assert_eq!(
            sents("She paid $10.5 million. George W. Bush agreed."),
            vec!["She paid $10.5 million.", "George W. Bush agreed."]
        );
        assert_eq!(
            sents("We won, you and I. Did Albert I. Jones?"),
            vec!["We won, you and I.", "Did Albert I. Jones?"]
        );
        // An initial opening a name after a lower-case word or a quote.
        assert_eq!(
            sents("\"It is wrong,\" J. Gerald Doe said. The case was heard by E. Jean Roe today."),
            vec!["\"It is wrong,\" J. Gerald Doe said.", "The case was heard by E. Jean Roe today."]
        );
        // A capital letter before a sentence opener still ends the sentence.
        assert_eq!(
            sents("They took vitamin C. The others did not."),
            vec!["They took vitamin C.", "The others did not."]
        );
    }

    #[test]
    fn quotes_and_parentheses() {
        assert_eq!(
            sents("\"It is over.\" She left. \"Why?\" he asked."),
            vec!["\"It is over.\"", "She left.", "\"Why?\" he asked."]
        );
        assert_eq!(
            sents("He ran (He was late. Very late.) to work."),
            vec!["He ran (He was late. Very late.) to work."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(sents("I meant that.... She left."), vec!["I meant that....", "She left."]);
        assert_eq!(sents("It was . . . I forget."), vec!["It was . . . I forget."]);
    }

    #[test]
    fn next_interesting_is_the_first_interesting_byte() {
        let t =
            "Plain words and more plain words (with a bracket), then an end. \u{2026} \u{201c}Quoted!\u{201d} ok? [x]";
        let b = t.as_bytes();
        for i in 0..=b.len() + 1 {
            let want = b.iter().enumerate().skip(i).find(|(_, &x)| INTERESTING[usize::from(x)]).map(|(k, _)| k);
            let mut it = Interesting::new(b);
            assert_eq!(it.next(i), want, "{i}");
        }
        // Asked in order, as the splitter does.
        let mut it = Interesting::new(b);
        let mut i = 0;
        while let Some(k) = it.next(i) {
            assert!(INTERESTING[usize::from(b[k])] && b[i..k].iter().all(|&x| !INTERESTING[usize::from(x)]));
            i = k + 1 + k % 3;
        }
    }

    proptest::proptest! {
        #[test]
        fn skipping_brackets_splits_alike(s in "([A-Za-z]{1,6}|[.!?()\\[\\] \u{2026}\u{2014}\u{2022}]|\u{201d}|1\\.){0,30}") {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            split_into_with::<true>(&s, &mut Vec::new(), &mut a);
            split_into_with::<false>(&s, &mut Vec::new(), &mut b);
            proptest::prop_assert_eq!(a, b);
        }

        #[test]
        fn char_at_is_the_next_char(s in "[a .)\\]\u{e9}\u{2026}\u{201d}\u{1f600}]{0,8}") {
            for i in (0..=s.len()).filter(|&i| s.is_char_boundary(i)) {
                proptest::prop_assert_eq!(char_at(&s, i), s[i..].chars().next());
            }
        }

        /// A plain word is the word [`word_before`] finds, all ASCII letters and digits.
        #[test]
        fn plain_word_is_the_word_before(s in "[ \t\u{b}\u{a0}\u{e9}aZ9.,(\"-]{0,4}[ aZ9\u{e9}]{0,20}", from in 0usize..26, end in 0usize..26) {
            let end = floor_boundary(&s, end);
            if let Some(w) = plain_word_before(&s, from, end) {
                proptest::prop_assert_eq!(w, word_before(&s, from, end).as_bytes());
                proptest::prop_assert!(w.len() > 2 && w.iter().all(u8::is_ascii_alphanumeric));
            }
        }

        #[test]
        fn space_shortcut_agrees(s in "[ \t\u{b}\u{c}\u{1f}\u{a0}\u{2009}a.\u{e9}]{0,8}", k in 0usize..10) {
            // the end of the white space, as str::trim_start finds it
            let k = floor_boundary(&s, k);
            let rest = &s[k..];
            proptest::prop_assert_eq!(after_space(&s, k), k + rest.len() - rest.trim_start().len());
        }

        #[test]
        fn list_marker_shortcut_agrees(s in "[ \t\u{b}\u{c}\u{1f}•⁃a-zA-Z0-9.\u{a0}\u{e9}]{0,8}", from in 0usize..10, end in 0usize..10) {
            let (f, e) = (floor_boundary(&s, from), floor_boundary(&s, end));
            proptest::prop_assert_eq!(is_list_marker(&s, from, end), list_marker_text(&s, f, e));
        }
    }

    #[test]
    fn trimming_matches_str_trim() {
        for t in ["a", " a ", "\u{b}a\u{c}", "\u{a0}a\u{2009}", "a\u{1f}", "\u{85}x", "\u{e9}", "x\u{3000}", " \t\r\n"]
        {
            let mut out = Vec::new();
            push(&mut out, t, 0, t.len());
            let want: Vec<&str> = Some(t.trim()).filter(|x| !x.is_empty()).into_iter().collect();
            assert_eq!(out.iter().map(|sp| sp.slice(t)).collect::<Vec<_>>(), want, "{t:?}");
        }
    }

    #[test]
    fn word_before_matches_char_search() {
        fn reference(s: &str, from: usize, end: usize) -> &str {
            let w_start = s[from..end]
                .char_indices()
                .rfind(|(_, c)| c.is_whitespace())
                .map_or(from, |(p, c)| from + p + c.len_utf8());
            s[w_start..end].trim_start_matches(|c: char| is_opener(c) || is_bullet(c) || c == '-' || c == '\u{2014}')
        }
        for s in [
            "a year",
            "x\u{a0}word",
            "\u{e9}t\u{e9} ok",
            "tab\tand\u{b}vt",
            "(\u{201c}Mr",
            "  ",
            "a\u{2009}b",
            "\u{e9}",
        ] {
            for end in (0..=s.len()).filter(|&e| s.is_char_boundary(e)) {
                for from in (0..=end).filter(|&f| s.is_char_boundary(f)) {
                    assert_eq!(word_before(s, from, end), reference(s, from, end), "{s:?} {from} {end}");
                }
            }
        }
    }

    #[test]
    fn listed_abbreviations_have_a_listed_shape() {
        for w in TITLES.iter().chain(NUMBER_ABBR.iter()).filter(|w| w.is_ascii()) {
            assert!(abbrev_shape(w.as_bytes()), "{w}");
            assert!(abbrev_shape(w.to_ascii_uppercase().as_bytes()), "{w}");
        }
        assert!(!abbrev_shape(b"year") && !abbrev_shape(b"government"));
        assert_eq!(
            sents("Mr. Smith left this year. Gen. Jones spoke on Jan. 5 today."),
            vec!["Mr. Smith left this year.", "Gen. Jones spoke on Jan. 5 today."]
        );
    }

    #[test]
    fn lists_and_bullets() {
        assert_eq!(sents("1. Eggs 2. Milk"), vec!["1. Eggs", "2. Milk"]);
        assert_eq!(sents("• Eggs • Milk"), vec!["• Eggs", "• Milk"]);
    }

    #[test]
    fn odd_input_is_safe() {
        for s in ["", ".", "...", ". . . .", "«»", "é. É. ü", "a.\n\n.b", "\u{2026} \u{2026}", "1.)", "Mr."] {
            for sp in split_text(s) {
                assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end) && sp.start < sp.end);
            }
        }
    }
}

#[cfg(test)]
mod boundary_tests {
    /// Found by the quotes property test: an opening curly quote before an abbreviation-like word.
    #[test]
    fn curly_quote_before_period_word_does_not_panic() {
        for s in ["\u{2018}A.\nA", "\u{201c}A. B", "\u{2018}\u{2018}x. Y", "\u{a0}A. b"] {
            let spans = super::split_text(s);
            for sp in spans {
                assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end));
            }
        }
    }
}
