//! Whitespace splitting with an ASCII fast path: the words [`str::split_whitespace`] yields,
//! found a byte at a time from a table (a non-ASCII character is decoded only when its first
//! byte may open a whitespace character), from either end.
//!
//! The quote passes cut short phrases into words many times per cue; the standard splitter
//! decodes every character and tests it against the Unicode whitespace list.

use crate::ascii_scan::{find_first, in_range, HI, LO};

/// Byte classes of [`CLASS`]: part of a word ...
const WORD: u8 = 0;
/// ... ASCII whitespace (as [`char::is_whitespace`] sees it: tab, line feed, vertical tab, form
/// feed, carriage return, space) ...
const SPACE: u8 = 1;
/// ... or the first byte of a non-ASCII character that may be whitespace (U+0085 and U+00A0
/// start with 0xC2, U+1680 with 0xE1, U+2000..U+205F with 0xE2, U+3000 with 0xE3).
const MAYBE: u8 = 2;

/// The class of every byte.
static CLASS: [u8; 256] = {
    let mut t = [WORD; 256];
    t[b' ' as usize] = SPACE;
    t[b'\t' as usize] = SPACE;
    t[b'\n' as usize] = SPACE;
    t[0x0B] = SPACE;
    t[0x0C] = SPACE;
    t[b'\r' as usize] = SPACE;
    t[0xC2] = MAYBE;
    t[0xE1] = MAYBE;
    t[0xE2] = MAYBE;
    t[0xE3] = MAYBE;
    t
};

/// Bytes of the whitespace character starting at byte `i` of `s` (0 when none starts there).
#[inline]
pub(super) fn space_at(s: &str, i: usize) -> usize {
    match s.as_bytes().get(i).map(|&x| CLASS[usize::from(x)]) {
        Some(SPACE) => 1,
        Some(MAYBE) => {
            s.get(i..).and_then(|t| t.chars().next()).filter(|c| c.is_whitespace()).map_or(0, char::len_utf8)
        }
        _ => 0,
    }
}

/// Bytes of the whitespace character ending right before byte `j` of `s` and starting at or
/// after `lo` (0 when none ends there).
#[inline]
fn space_before(s: &str, lo: usize, j: usize) -> usize {
    let b = s.as_bytes();
    let Some(&last) = j.checked_sub(1).and_then(|k| b.get(k)) else { return 0 };
    if last < 0x80 {
        return usize::from(CLASS[usize::from(last)] == SPACE);
    }
    // Non-ASCII whitespace is two bytes (lead 0xC2) or three (lead 0xE1..0xE3).
    for n in [2, 3] {
        let Some(a) = j.checked_sub(n).filter(|&a| a >= lo) else { break };
        if CLASS[usize::from(b[a])] == MAYBE && (b[a] == 0xC2) == (n == 2) {
            let ws = s.get(a..j).and_then(|t| t.chars().next()).is_some_and(char::is_whitespace);
            return if ws { n } else { 0 };
        }
    }
    0
}

/// The last byte of `b[lo..j]` that is ASCII whitespace or a control byte (at most `b' '`) or
/// not ASCII: eight bytes at a time from the end, then the first few one by one.
#[inline]
fn find_last_maybe_space(b: &[u8], lo: usize, mut j: usize) -> Option<usize> {
    while j >= lo + 8 {
        let chunk = b.get(j - 8..j).and_then(|c| <[u8; 8]>::try_from(c).ok())?;
        let x = u64::from_le_bytes(chunk);
        let m = (x & HI) | in_range(x & !HI, 0, b' ');
        if m != 0 {
            // The highest marked byte: its mark is bit 8n + 7.
            return Some(j - 8 + 7 - (m.leading_zeros() / 8) as usize);
        }
        j -= 8;
    }
    b.get(lo..j)?.iter().rposition(|&x| x <= b' ' || x >= 0x80).map(|k| lo + k)
}

/// Has `s` at least `n` words (as [`SplitWs`] yields them)? One pass over the bytes that
/// counts word starts and stops at the `n`th (a non-ASCII character is decoded only when its
/// first byte may open whitespace), without cutting out the words.
pub(crate) fn at_least_words(s: &str, n: usize) -> bool {
    if n == 0 {
        return true;
    }
    let b = s.as_bytes();
    let mut count = 0;
    let mut in_word = false;
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        // Eight ASCII bytes at a time: their word starts counted at once.
        if let Some(y) = b.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()).map(u64::from_le_bytes) {
            if y & HI == 0 {
                let word = ascii_word_bytes(y);
                let starts = word & !((word << 8) | u64::from(in_word) << 7);
                // One bit per start, in the high bit of its byte: their sum in the top byte.
                count += ((starts >> 7).wrapping_mul(LO) >> 56) as usize;
                if count >= n {
                    return true;
                }
                in_word = word >> 63 != 0;
                i += 8;
                continue;
            }
        }
        let space = match CLASS[usize::from(x)] {
            SPACE => 1,
            WORD => 0,
            _ => space_at(s, i),
        };
        if space > 0 {
            in_word = false;
            i += space;
            continue;
        }
        if !in_word {
            count += 1;
            if count >= n {
                return true;
            }
            in_word = true;
        }
        i += 1;
    }
    false
}

/// The high bit of each byte of `y` (eight ASCII bytes, high bits clear) that is no ASCII
/// whitespace (see [`CLASS`]): a space, or 0x09 to 0x0D. No byte carries into the next.
#[inline]
fn ascii_word_bytes(y: u64) -> u64 {
    // A byte of `y ^ ' '` is zero when adding 0x7f leaves its high bit clear.
    let space = !(y ^ (LO * u64::from(b' '))).wrapping_add(LO * 0x7f) & HI;
    !(space | in_range(y, 0x09, 0x0D)) & HI
}

/// The words of a string, as [`str::split_whitespace`] yields them.
#[derive(Debug, Clone)]
pub(crate) struct SplitWs<'a> {
    s: &'a str,
    /// Where the words not yet taken from the front start (a char boundary).
    front: usize,
    /// Where the words not yet taken from the back end (a char boundary).
    back: usize,
}

impl<'a> Iterator for SplitWs<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        // The bytes not yet taken: one bounds test per byte below.
        let b = self.s.as_bytes().get(..self.back).unwrap_or_default();
        let mut i = self.front;
        // Past the whitespace (ASCII from the table; other characters decoded only when their
        // first byte may open whitespace).
        while let Some(&x) = b.get(i) {
            match CLASS[usize::from(x)] {
                SPACE => i += 1,
                WORD => break,
                _ => match space_at(self.s, i) {
                    0 => break,
                    n => i += n,
                },
            }
        }
        if i >= b.len() {
            self.front = self.back;
            return None;
        }
        let start = i;
        // To the word's end: eight bytes at a time to the next byte that may end it (ASCII
        // whitespace or control bytes, or a byte outside ASCII), which the table then judges.
        loop {
            let hit = find_first(b, i, |x| (x & HI) | in_range(x & !HI, 0, b' '), |x| x <= b' ' || x >= 0x80);
            let Some((k, &x)) = hit.and_then(|k| Some((k, b.get(k)?))) else {
                i = b.len();
                break;
            };
            i = k;
            match CLASS[usize::from(x)] {
                SPACE => break,
                MAYBE if space_at(self.s, k) > 0 => break,
                _ => i += 1,
            }
        }
        self.front = i;
        self.s.get(start..i)
    }
}

impl<'a> DoubleEndedIterator for SplitWs<'a> {
    #[inline]
    fn next_back(&mut self) -> Option<&'a str> {
        let b = self.s.as_bytes();
        let mut j = self.back;
        // Back past the whitespace: an ASCII byte answers for itself, a non-ASCII one ends a
        // character that [`space_before`] decodes.
        while j > self.front {
            let x = b[j - 1];
            let n = if x < 0x80 {
                usize::from(CLASS[usize::from(x)] == SPACE)
            } else {
                space_before(self.s, self.front, j)
            };
            if n == 0 {
                break;
            }
            j -= n;
        }
        if j <= self.front {
            self.back = self.front;
            return None;
        }
        let end = j;
        // Back to the word's start: eight bytes at a time to the last byte that may end a
        // whitespace character (see `next`), which is then judged as before.
        loop {
            let Some(k) = find_last_maybe_space(b, self.front, j) else {
                j = self.front;
                break;
            };
            let x = b.get(k).copied().unwrap_or(0);
            let space =
                if x < 0x80 { CLASS[usize::from(x)] == SPACE } else { space_before(self.s, self.front, k + 1) > 0 };
            if space {
                j = k + 1;
                break;
            }
            j = k;
        }
        self.back = j;
        self.s.get(j..end)
    }
}

impl std::iter::FusedIterator for SplitWs<'_> {}

/// [`SplitWs`] as a method of `str`.
pub(crate) trait SplitWsExt {
    /// The words of `self`, as [`str::split_whitespace`] yields them.
    fn split_ws(&self) -> SplitWs<'_>;
}

impl SplitWsExt for str {
    #[inline]
    fn split_ws(&self) -> SplitWs<'_> {
        SplitWs { s: self, front: 0, back: self.len() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words from the front, from the back, and alternating, against the standard splitter.
    fn check(s: &str) {
        let want: Vec<&str> = s.split_whitespace().collect();
        assert_eq!(s.split_ws().collect::<Vec<_>>(), want, "{s:?}");
        let mut back: Vec<&str> = s.split_ws().rev().collect();
        back.reverse();
        assert_eq!(back, want, "{s:?}");
        for pattern in 0..4u32 {
            let mut a = s.split_ws();
            let mut b = s.split_whitespace();
            for k in 0..want.len() + 2 {
                let from_back = (k as u32 + pattern) % 3 == 0;
                if from_back {
                    assert_eq!(a.next_back(), b.next_back(), "{s:?}");
                } else {
                    assert_eq!(a.next(), b.next(), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn agrees_on_every_whitespace_character() {
        let spaces: Vec<char> = (0..=0x3000u32).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        for &c in &spaces {
            for s in [format!("a{c}b"), format!("{c}{c}é{c}"), format!("{c}"), format!("\u{a9}{c}\u{2014}{c}x")] {
                check(&s);
            }
        }
        // Characters sharing a first byte with whitespace ones, and none.
        for s in ["\u{a9}\u{85}x \u{a1}", "\u{2013}\u{2019}\u{3001} \u{1681}\u{2060}", "", " ", "  a  ", "a"] {
            check(s);
        }
    }

    proptest::proptest! {
        #[test]
        fn at_least_words_agrees_with_the_splitter(s in "[a-c \t\n\u{b}\u{c}\r\u{1c}\u{85}\u{a0}\u{a9}\u{1680}\u{2000}\u{2009}\u{200b}\u{2014}\u{2028}\u{202f}\u{205f}\u{3000}\u{3001}é]{0,40}") {
            let words = s.split_whitespace().count();
            for n in 0..words + 3 {
                proptest::prop_assert_eq!(at_least_words(&s, n), words >= n, "{:?} {}", s, n);
            }
        }

        #[test]
        fn at_least_words_agrees_on_mostly_ascii_text(s in "([a-c]{1,9}|[ \t\n\u{b}\u{c}\r\u{0}\u{1c}\u{1f}\u{7f}_.]{1,3}|\u{a0}|\u{2009}|é){0,30}") {
            let words = s.split_whitespace().count();
            for n in 0..words + 3 {
                proptest::prop_assert_eq!(at_least_words(&s, n), words >= n, "{:?} {}", s, n);
            }
        }
    }

    #[test]
    fn ascii_word_bytes_agree_with_the_table() {
        for x in 0u8..0x80 {
            for other in [b' ', b'a', b'\n'] {
                let mut a = [other; 8];
                a[3] = x;
                let m = ascii_word_bytes(u64::from_le_bytes(a));
                for (k, &c) in a.iter().enumerate() {
                    assert_eq!((m >> (8 * k + 7)) & 1 == 1, CLASS[usize::from(c)] == WORD, "{x:#x} at {k}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn last_maybe_space_agrees_with_a_byte_scan(s in "[a-c \t\u{1c}\u{e9}\u{2009}]{0,40}", lo in 0usize..12, cut in 0usize..12) {
            let b = s.as_bytes();
            let j = b.len().saturating_sub(cut);
            let lo = lo.min(j);
            let want = b[lo..j].iter().rposition(|&x| x <= b' ' || x >= 0x80).map(|k| lo + k);
            proptest::prop_assert_eq!(find_last_maybe_space(b, lo, j), want);
        }

        /// Words longer than the eight bytes read at a time, with a few non-ASCII and control
        /// characters among them.
        #[test]
        fn agrees_with_split_whitespace_on_long_words(words in proptest::collection::vec(
            "(abcdefgh|abcdefghijklmnopq|xyz|\u{e9}|\u{2014}|\u{a0}|\u{1c}|\u{7f}|\u{2009}| |\t|\n|\r)", 0..40)) {
            check(&words.concat());
        }

        #[test]
        fn agrees_with_split_whitespace(s in "[a-c \t\n\u{b}\u{c}\r\u{1c}\u{85}\u{a0}\u{a9}\u{1680}\u{2000}\u{2009}\u{200b}\u{2014}\u{2028}\u{202f}\u{205f}\u{3000}\u{3001}é]{0,40}") {
            check(&s);
        }
    }
}
