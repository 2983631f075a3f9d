//! Runs of capitalised words ("Andrey Kelin", "Jonas E. Smith", "Ludwig van Beethoven",
//! "Sen. Claire Doe"), found in one pass without regexes.
//!
//! A run starts at an upper-case letter that does not continue a word; each token is an
//! upper-case letter followed by letters, marks, apostrophes and hyphens, and an optional
//! period; tokens are separated by whitespace, possibly with a lower-case name particle
//! ("van", "de", "bin") between them.

use crate::ascii_scan::{find_first, in_range, HI, LO};

/// Name particles that may stand between two capitalised tokens.
fn is_particle(w: &str) -> bool {
    matches!(w, "de" | "da" | "van" | "von" | "der" | "bin" | "al" | "la" | "le" | "del" | "di" | "du" | "dos" | "ibn")
}

/// Is `c` part of a word (as the regex `\w` sees it)?
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Combining marks (the common block), which continue a name token.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// The character at byte `i` of `s`, if any.
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

/// ASCII bytes that continue a name token: letters, apostrophes and hyphens.
static NAME_BYTE: [bool; 128] = {
    let mut t = [false; 128];
    let mut c = 0;
    while c < 128 {
        let x = c as u8;
        t[c] = x.is_ascii_alphabetic() || x == b'\'' || x == b'-';
        c += 1;
    }
    t
};

/// End of the name token starting at `i`, if one starts there. The ASCII letters, apostrophes
/// and hyphens that make up most of a token are read eight at a time ([`name_bytes_end`]).
/// Inlined into the scanner, which calls it for every capitalised word.
#[inline(always)]
fn token_at(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut j = capital_end(s, i)?;
    loop {
        j = name_bytes_end(b, j);
        match b.get(j) {
            Some(&x) if x >= 0x80 => match char_at(s, j) {
                Some(d) if d.is_alphabetic() || is_mark(d) || d == '\u{2019}' => j += d.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    Some(period_end(b, i, j))
}

/// The end of a name token starting with the capital at `i`: after the capital (None when
/// the character at `i` is no capital).
#[inline(always)]
fn capital_end(s: &str, i: usize) -> Option<usize> {
    match *s.as_bytes().get(i)? {
        x if x < 0x80 => x.is_ascii_uppercase().then_some(i + 1),
        _ => {
            let c = char_at(s, i)?;
            c.is_uppercase().then(|| i + c.len_utf8())
        }
    }
}

/// The end of the name token starting at `i` whose letters end at `j`: after a period that
/// follows them, and after the further initials of initials written together ("G.K.",
/// "J.R.R.": one token).
#[inline(always)]
fn period_end(b: &[u8], i: usize, mut j: usize) -> usize {
    if b.get(j) == Some(&b'.') {
        j += 1;
        if j == i + 2 {
            while b.get(j).is_some_and(u8::is_ascii_uppercase) && b.get(j + 1) == Some(&b'.') {
                j += 2;
            }
        }
    }
    j
}

/// The first byte at or after `j` that is not an ASCII letter, apostrophe or hyphen
/// ([`NAME_BYTE`]), or `b.len()`: eight bytes a step while eight remain.
#[inline]
fn name_bytes_end(b: &[u8], mut j: usize) -> usize {
    while let Some(c) = b.get(j..j + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        let x = u64::from_le_bytes(c);
        // Letters of either case (setting bit 5 lowers an upper-case letter and moves no other
        // byte into a..z), apostrophes and hyphens; a byte with its high bit set is none. Only
        // the first stop is read, so the high bits need no clearing: a byte that is not ASCII,
        // a stop itself, is the only one whose sums carry (into the bytes after it).
        let name = in_range(x | (LO * 0x20), b'a', b'z') | in_range(x, b'\'', b'\'') | in_range(x, b'-', b'-');
        let stop = (x | !name) & HI;
        if stop != 0 {
            return j + (stop.trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    while b.get(j).is_some_and(|&x| x < 0x80 && NAME_BYTE[usize::from(x)]) {
        j += 1;
    }
    j
}

/// [`token_at`] a byte at a time (the reference of `tokens_agree_with_the_byte_loop`).
#[cfg(test)]
fn token_at_plain(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut j = capital_end(s, i)?;
    while let Some(&x) = b.get(j) {
        if x < 0x80 {
            if NAME_BYTE[usize::from(x)] {
                j += 1;
                continue;
            }
            break;
        }
        match char_at(s, j) {
            Some(d) if d.is_alphabetic() || is_mark(d) || d == '\u{2019}' => j += d.len_utf8(),
            _ => break,
        }
    }
    Some(period_end(b, i, j))
}

/// ASCII whitespace as [`skip_ws`] (and `char::is_whitespace`) sees it.
fn is_ascii_space(x: u8) -> bool {
    matches!(x, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// Does the word at byte `k` of `b` end a run before it? A lower-case word continues the run
/// only as a particle ("de", "van", "bin", "al", "la", "di", "ibn"...): one whose first two
/// bytes open no particle ([`opens_particle`]) ends it at once.
#[inline]
fn ends_at_lower(b: &[u8], k: usize) -> bool {
    match b.get(k) {
        Some(&x) if x.is_ascii_lowercase() => !opens_particle(x, b.get(k + 1).copied().unwrap_or(0)),
        _ => false,
    }
}

/// Can a word whose first two bytes are `x` and `y` be a particle ([`is_particle`])? Each
/// particle has two letters or more, and these are their first two.
fn opens_particle(x: u8, y: u8) -> bool {
    matches!(
        (x, y),
        (b'd', b'a' | b'e' | b'i' | b'o' | b'u')
            | (b'v', b'a' | b'o')
            | (b'b', b'i')
            | (b'a', b'l')
            | (b'l', b'a' | b'e')
            | (b'i', b'b')
    )
}

/// First byte after the whitespace at `i`.
fn skip_ws(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut j = i;
    while let Some(&x) = b.get(j) {
        if x < 0x80 {
            if !is_ascii_space(x) {
                break;
            }
            j += 1;
            continue;
        }
        match char_at(s, j) {
            Some(c) if c.is_whitespace() => j += c.len_utf8(),
            _ => break,
        }
    }
    j
}

/// End of the run whose first token ends at `e`; `tok` is told every further token (particles
/// included) as a byte range.
#[inline]
fn run_end(s: &str, mut e: usize, mut tok: impl FnMut(usize, usize)) -> usize {
    let b = s.as_bytes();
    loop {
        // Most runs end at once: at the text's end, at ASCII punctuation, or at one space before
        // a lower-case word that is no particle (the tests below, without the whitespace loop).
        match (b.get(e), b.get(e + 1)) {
            (None, _) => return e,
            (Some(&x), _) if x < 0x80 && !is_ascii_space(x) => return e,
            (Some(b' '), _) if ends_at_lower(b, e + 1) => return e,
            _ => {}
        }
        let k = skip_ws(s, e);
        if k == e {
            return e;
        }
        if ends_at_lower(b, k) {
            return e;
        }
        match b.get(k) {
            // Neither a particle nor (without an upper-case letter) a token.
            Some(&x) if x < 0x80 && !x.is_ascii_alphabetic() => return e,
            _ => {}
        }
        // "Ludwig van Beethoven": a particle, whitespace, then a token.
        let mut w_end = k;
        while w_end < b.len() && w_end - k <= 3 && b[w_end].is_ascii_lowercase() {
            w_end += 1;
        }
        if w_end > k && is_particle(&s[k..w_end]) {
            let k2 = skip_ws(s, w_end);
            if k2 > w_end {
                if let Some(t) = token_at(s, k2) {
                    tok(k, w_end);
                    tok(k2, t);
                    e = t;
                    continue;
                }
            }
        }
        match token_at(s, k) {
            Some(t) => {
                tok(k, t);
                e = t;
            }
            None => return e,
        }
    }
}

/// Does a word character end right before byte `i` of `s`?
fn word_char_before(s: &str, i: usize) -> bool {
    match i.checked_sub(1).and_then(|k| s.as_bytes().get(k)) {
        None => false,
        Some(&x) if x < 0x80 => x.is_ascii_alphanumeric() || x == b'_',
        Some(_) => s.get(..i).and_then(|t| t.chars().next_back()).is_some_and(is_word_char),
    }
}

/// The high bits of the bytes of `x` that may open a run: upper-case ASCII letters and bytes
/// that are not ASCII. Only the first of them (the lowest set bit) is exact, which is all the
/// scan asks: a byte after it may be marked wrongly.
///
/// Without clearing the high bits first (as [`in_range`] needs), the sums of a byte that is not
/// ASCII may carry into the next byte. Such a byte is marked itself, and every byte before the
/// first marked one is ASCII, which never carries. In UTF-8 text a carry only ever reaches a
/// continuation byte (marked itself, and never carrying on), so the bytes after one that was
/// masked off are exact too ([`last_candidate_steps`]).
#[inline(always)]
fn candidate_marks(x: u64) -> u64 {
    // Bit 7 of an ASCII byte plus 0x3f is set from 'A' (0x41) on, plus 0x25 from '[' (0x5b) on.
    let from_a = x.wrapping_add(LO * 0x3f);
    let past_z = x.wrapping_add(LO * 0x25);
    (x | (from_a & !past_z)) & HI
}

/// [`candidate_marks`] on every byte (the reference of `first_candidate_marks_are_exact`).
#[cfg(test)]
fn candidate_marks_plain(x: u64) -> u64 {
    (x & HI) | in_range(x & !HI, b'A', b'Z')
}

/// Does the byte `x` open a run ([`candidate_marks`] a byte at a time)?
fn is_candidate(x: u8) -> bool {
    x.is_ascii_uppercase() || x >= 0x80
}

/// The first byte at or after `i` that is an upper-case ASCII letter or not ASCII: sixteen
/// bytes a step (two eight-byte words tested together; most of a sentence is lower case), then
/// the last few in at most two eight-byte steps ([`last_candidate_steps`]).
fn next_candidate(b: &[u8], mut i: usize) -> Option<usize> {
    while let Some((lo, hi)) = b.get(i..i + 16).map(|c| c.split_at(8)) {
        let (Ok(lo), Ok(hi)) = (<[u8; 8]>::try_from(lo), <[u8; 8]>::try_from(hi)) else { break };
        let (m0, m1) = (candidate_marks(u64::from_le_bytes(lo)), candidate_marks(u64::from_le_bytes(hi)));
        if m0 | m1 != 0 {
            let k = if m0 != 0 { m0.trailing_zeros() / 8 } else { 8 + m1.trailing_zeros() / 8 };
            return Some(i + k as usize);
        }
        i += 16;
    }
    last_candidate_steps(b, i)
}

/// [`next_candidate`] for the last bytes (fewer than sixteen after `i`, as a sentence ends): the
/// eight at `i` if there are eight, then the text's last eight bytes, those before `i` (read
/// already) masked off; a text shorter than eight bytes a byte at a time.
#[inline]
fn last_candidate_steps(b: &[u8], mut i: usize) -> Option<usize> {
    let word =
        |at: usize| b.get(at..at.checked_add(8)?).and_then(|c| <[u8; 8]>::try_from(c).ok()).map(u64::from_le_bytes);
    if let Some(x) = word(i) {
        let m = candidate_marks(x);
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    let n = b.len();
    if i >= n {
        return None;
    }
    match n.checked_sub(8).and_then(|at| Some((at, word(at)?))) {
        // `at < i`: the bytes from `at` to `i` are no candidates, or were found already.
        Some((at, x)) if at < i => {
            let seen = u32::try_from(8 * (i - at)).ok()?;
            let m = candidate_marks(x) & u64::MAX.checked_shl(seen).unwrap_or(0);
            (m != 0).then(|| at + (m.trailing_zeros() / 8) as usize)
        }
        _ => find_first(b, i, candidate_marks, is_candidate),
    }
}

/// The name runs of `s` as byte ranges, in text order.
#[cfg(test)]
pub(crate) fn find_iter(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    find_runs(s).map(|(a, _, b)| (a, b))
}

/// The name runs of `s` as (start, end of the first token, end), in text order (the plain form
/// of [`for_each_run`]).
#[cfg(test)]
pub(crate) fn find_runs(s: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let b = s.as_bytes();
    let mut pos = 0usize;
    std::iter::from_fn(move || {
        let (start, first) = next_run_start(s, b, &mut pos, &mut |_| None)?;
        let end = run_end(s, first, |_, _| {});
        pos = end;
        Some((start, first, end))
    })
}

/// Call `f(start, end, tokens)` for every name run of `s` in text order, with the run's tokens
/// (the words [`str::split_whitespace`] cuts it into, particles included) as byte ranges, as
/// the scanner read them: no second pass over the run. `toks` is the buffer they are kept in;
/// the last run's tokens are left there.
pub(crate) fn for_each_run(s: &str, toks: &mut Vec<(usize, usize)>, f: impl FnMut(usize, usize, &[(usize, usize)])) {
    for_each_run_outside(s, toks, |_| None, f);
}

/// [`for_each_run`] passing over stretches of `s` whose runs the caller has no use for:
/// `skip(i)`, asked where a run would start, gives the end of a stretch from at or before `i`
/// (past `i`) whose runs, those that lie inside it, the caller would drop. The scan goes on at
/// that end when no run can reach across it ([`no_run_across`]): the runs not inside a
/// stretch are those [`for_each_run`] finds. Always inlined: set up once per call, the scan
/// costs its caller (which calls it for every sentence) less in line.
#[inline(always)]
pub(crate) fn for_each_run_outside(
    s: &str,
    toks: &mut Vec<(usize, usize)>,
    mut skip: impl FnMut(usize) -> Option<usize>,
    mut f: impl FnMut(usize, usize, &[(usize, usize)]),
) {
    let b = s.as_bytes();
    let mut pos = 0usize;
    while let Some((start, first)) = next_run_start(s, b, &mut pos, &mut skip) {
        toks.clear();
        toks.push((start, first));
        let end = run_end(s, first, |a, e| toks.push((a, e)));
        pos = end;
        f(start, end, toks);
    }
}

/// Can no run reach across byte `to` of `s`? Yes where the text ends, and where the character
/// before `to` (a closing quotation mark, say) is neither whitespace nor anything a token is
/// made of (letters, marks, apostrophes, hyphens, periods).
fn no_run_across(s: &str, to: usize) -> bool {
    if to >= s.len() {
        return to == s.len();
    }
    s.get(..to).and_then(|t| t.chars().next_back()).is_some_and(|c| {
        !(c.is_alphanumeric()
            || c.is_uppercase()
            || c.is_whitespace()
            || is_mark(c)
            || matches!(c, '\'' | '-' | '.' | '_' | '\u{2019}'))
    })
}

/// The start and first token's end of the next run at or after `*pos` (set to the text's end
/// when there is none), passing over the stretches `skip` gives (see [`for_each_run_outside`]).
/// Always inlined: its scan loop is the hot part of every caller.
#[inline(always)]
fn next_run_start(
    s: &str,
    b: &[u8],
    pos: &mut usize,
    skip: &mut impl FnMut(usize) -> Option<usize>,
) -> Option<(usize, usize)> {
    let mut i = *pos;
    loop {
        // Only upper-case ASCII letters and non-ASCII characters can open a run.
        let Some(k) = next_candidate(b, i) else {
            *pos = s.len();
            return None;
        };
        i = k;
        // An upper-case ASCII letter needs no decoding.
        let c = match b.get(i) {
            Some(&x) if x.is_ascii_uppercase() => char::from(x),
            _ => s.get(i..).and_then(|t| t.chars().next())?,
        };
        if c.is_uppercase() && !word_char_before(s, i) {
            match skip(i).filter(|&to| to > i && no_run_across(s, to)) {
                Some(to) => {
                    i = to;
                    continue;
                }
                None => return Some((i, token_at(s, i)?)),
            }
        }
        i += c.len_utf8();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(s: &str) -> Vec<&str> {
        find_iter(s).map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn names_with_initials_particles_and_titles() {
        assert_eq!(runs("then Andrey Kelin said"), vec!["Andrey Kelin"]);
        assert_eq!(runs("Jonas E. Smith and Ludwig van Beethoven"), vec!["Jonas E. Smith", "Ludwig van Beethoven"]);
        assert_eq!(runs("Sen. Claire O'Neill-Doe, who"), vec!["Sen. Claire O'Neill-Doe"]);
        assert_eq!(runs("Rep. G.K. Butterfield said"), vec!["Rep. G.K. Butterfield"]);
        assert_eq!(runs("the van is Red"), vec!["Red"]);
        assert_eq!(runs("Kelin's view"), vec!["Kelin's"]);
    }

    #[test]
    fn only_at_word_starts() {
        assert_eq!(runs("iPhone and McDonald"), vec!["McDonald"]);
        assert_eq!(runs("AT&T G7 leaders"), vec!["AT", "T G"]);
        assert_eq!(runs("Éric Zemmour, Señor Ñu"), vec!["Éric Zemmour", "Señor Ñu"]);
    }

    #[test]
    fn candidates_eight_at_a_time() {
        let s = "abc def ghi jkl mno@[`{ pqr Zeta xyz \u{e9}t\u{e9} Abc";
        let b = s.as_bytes();
        for i in 0..=b.len() {
            let want = b[i..].iter().position(|&x| x.is_ascii_uppercase() || x >= 0x80).map(|k| i + k);
            assert_eq!(next_candidate(b, i), want, "{i}");
        }
    }

    proptest::proptest! {
        #[test]
        fn first_candidate_marks_are_exact(
            s in "[a-zA-Z@\\[`{ \u{e9}\u{7ff}\u{c9}\u{2019}\u{ffff}\u{10ffff}\u{1f600}]{0,12}",
            from in 0usize..40,
        ) {
            // From every byte, the first mark (and whether there is one) is the plain test's.
            let b = s.as_bytes();
            let i = from.min(b.len());
            let mut w = [0u8; 8];
            let n = (b.len() - i).min(8);
            w[..n].copy_from_slice(&b[i..i + n]);
            let x = u64::from_le_bytes(w);
            let (m, plain) = (candidate_marks(x), candidate_marks_plain(x));
            proptest::prop_assert_eq!(m & m.wrapping_neg(), plain & plain.wrapping_neg());
        }
    }

    #[test]
    fn candidate_marks_carry_only_past_the_first() {
        // Every byte alone, with each lead byte's highest continuation after it.
        for x in 0u8..=255 {
            for at in 0..8 {
                let mut w = [b'a'; 8];
                w[at] = x;
                if at + 1 < 8 && x >= 0xc0 {
                    w[at + 1] = 0xbf;
                }
                let v = u64::from_le_bytes(w);
                let (m, plain) = (candidate_marks(v), candidate_marks_plain(v));
                assert_eq!(m & m.wrapping_neg(), plain & plain.wrapping_neg(), "{x:#x} at {at}");
                assert_eq!(m != 0, is_candidate(x), "{x:#x} at {at}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn candidates_agree_with_a_byte_scan(s in "[a-zA-Z @\\[`{\u{e9}\u{7ff}\u{2019}\u{ffff}\u{10ffff}]{0,70}", from in 0usize..40) {
            let b = s.as_bytes();
            let i = from.min(b.len());
            let want = b[i..].iter().position(|&x| x.is_ascii_uppercase() || x >= 0x80).map(|k| i + k);
            proptest::prop_assert_eq!(next_candidate(b, i), want);
        }
    }

    // The scanner as first written, byte by byte: the reference of `same_runs_as_the_plain_scan`
    // (tokens, whitespace and characters are read by the module's own `token_at`, `skip_ws` and
    // `char_at`, which the fast path did not change; `NAME_BYTE` is checked on its own below).
    /// End of the run whose first token ends at `e`.
    fn ref_run_end(s: &str, mut e: usize) -> usize {
        loop {
            let k = skip_ws(s, e);
            if k == e {
                return e;
            }
            // "Ludwig van Beethoven": a particle, whitespace, then a token.
            let b = s.as_bytes();
            let mut w_end = k;
            while w_end < b.len() && w_end - k <= 3 && b[w_end].is_ascii_lowercase() {
                w_end += 1;
            }
            if w_end > k && is_particle(&s[k..w_end]) {
                let k2 = skip_ws(s, w_end);
                if k2 > w_end {
                    if let Some(t) = token_at(s, k2) {
                        e = t;
                        continue;
                    }
                }
            }
            match token_at(s, k) {
                Some(t) => e = t,
                None => return e,
            }
        }
    }

    /// The name runs of `s` as (start, end of the first token, end), in text order.
    fn ref_find_runs(s: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        let b = s.as_bytes();
        let mut pos = 0usize;
        std::iter::from_fn(move || {
            let mut i = pos;
            loop {
                // Only upper-case ASCII letters and non-ASCII characters can open a run.
                let Some(k) = next_candidate(b, i) else {
                    pos = s.len();
                    return None;
                };
                i = k;
                let c = s.get(i..).and_then(|t| t.chars().next())?;
                if c.is_uppercase() && !word_char_before(s, i) {
                    let first = token_at(s, i)?;
                    let end = ref_run_end(s, first);
                    pos = end;
                    return Some((i, first, end));
                }
                i += c.len_utf8();
            }
        })
    }

    proptest::proptest! {
        #[test]
        fn same_runs_as_the_plain_scan(s in "[A-Za-z' .,\n-]{0,12}( ?(de|van|al|bin|dos|ibn|la|le|in|the|x|da|di|du|del|der|von|and|as|lo|ib|a|Ann|O'Neill-Doe|G\\.K\\.|Mr\\.|\u{e9}|\u{c9}ric|\u{2019}s|\u{301}|\u{a0}|\u{2014}|  |, |\n|[A-Z][a-z]{0,3})){0,40}") {
            proptest::prop_assert_eq!(find_runs(&s).collect::<Vec<_>>(), ref_find_runs(&s).collect::<Vec<_>>());
        }
    }

    proptest::proptest! {
        #[test]
        fn run_tokens_are_the_whitespace_words_of_the_run(s in "[A-Za-z' .,\n-]{0,12}( ?(de|van|al|bin|dos|ibn|la|le|in|the|x|da|di|du|del|der|von|and|as|lo|ib|a|Ann|O'Neill-Doe|G\\.K\\.|Mr\\.|\u{e9}|\u{c9}ric|\u{2019}s|\u{301}|\u{a0}|\u{2003}|\u{2014}|  |, |\n|[A-Z][a-z]{0,3})){0,40}") {
            let plain: Vec<(usize, usize, usize)> = find_runs(&s).collect();
            let mut with: Vec<(usize, usize, Vec<&str>)> = Vec::new();
            let mut buf = Vec::new();
            for_each_run(&s, &mut buf, |a, e, t| {
                with.push((a, e, t.iter().map(|&(x, y)| &s[x..y]).collect()));
            });
            proptest::prop_assert_eq!(plain.len(), with.len());
            // The last run's tokens stay in the buffer.
            if let Some((_, _, last)) = with.last() {
                proptest::prop_assert_eq!(&buf.iter().map(|&(x, y)| &s[x..y]).collect::<Vec<_>>(), last);
            }
            for (&(a, first, e), (a2, e2, toks)) in plain.iter().zip(&with) {
                proptest::prop_assert_eq!((a, e), (*a2, *e2));
                let words: Vec<&str> = s[a..e].split_whitespace().collect();
                proptest::prop_assert_eq!(toks, &words);
                proptest::prop_assert_eq!(toks[0], &s[a..first]);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn skipped_stretches_keep_the_runs_outside_them(
            s in "[A-Za-z' .,\n-]{0,12}( ?(de|van|Ann|O'Neill-Doe|G\\.K\\.|Mr\\.|\u{c9}ric|\u{2019}s|\u{a0}|\"|\u{201c}|\u{201d}|\u{2018}|  |, |\n|[A-Z][a-z]{0,3})){0,40}",
            picks in proptest::collection::vec((0usize..200, 0usize..12, 0usize..200), 0..4),
        ) {
            // Stretches from any byte to just after a closing mark, to the end, or to any byte
            // (where the scan must not go on unless no run can reach across).
            let ends: Vec<usize> = s
                .char_indices()
                .filter(|&(_, c)| matches!(c, '"' | '\u{201d}' | '\u{2019}'))
                .map(|(i, c)| i + c.len_utf8())
                .chain([s.len()])
                .collect();
            let stretches: Vec<(usize, usize)> = picks
                .iter()
                .map(|&(a, k, any)| {
                    let e = ends.get(k).copied().unwrap_or(any % (s.len() + 1));
                    (a % (e + 1), e)
                })
                .collect();
            let inside = |r: &(usize, usize, Vec<(usize, usize)>)| stretches.iter().any(|&(a, e)| a <= r.0 && r.1 <= e);
            let skip = |i: usize| stretches.iter().filter(|&&(a, _)| a <= i).map(|&(_, e)| e).max().filter(|&e| e > i);
            let mut buf = Vec::new();
            let mut all = Vec::new();
            for_each_run(&s, &mut buf, |a, e, t| all.push((a, e, t.to_vec())));
            let mut kept = Vec::new();
            for_each_run_outside(&s, &mut buf, skip, |a, e, t| kept.push((a, e, t.to_vec())));
            all.retain(|r| !inside(r));
            kept.retain(|r| !inside(r));
            proptest::prop_assert_eq!(all, kept);
        }
    }

    #[test]
    fn runs_reach_across_no_closing_mark() {
        let s = "\"Ann\" Lee, \u{201c}Bo\u{201d} O'Neill' Eve\u{2019} x";
        for (to, want) in
            [(0, false), (1, true), (4, false), (5, true), (6, false), (s.len(), true), (s.len() + 1, false)]
        {
            assert_eq!(no_run_across(s, to), want, "{to}");
        }
        let after_curly = s.find('\u{201d}').map_or(0, |i| i + 3);
        assert!(no_run_across(s, after_curly));
        let after_apostrophe = s.find("' ").map_or(0, |i| i + 1);
        assert!(!no_run_across(s, after_apostrophe));
        // Inside a character.
        assert!(!no_run_across(s, after_curly - 1));
    }

    proptest::proptest! {
        #[test]
        fn tokens_agree_with_the_byte_loop(s in "[A-Za-z'\\-.@`\\[{ \u{e9}\u{c9}\u{2019}\u{301}\u{2014}\u{7ff}\u{ffff}\u{10ffff}\x7f0-9]{0,40}") {
            for i in 0..=s.len() + 1 {
                proptest::prop_assert_eq!(token_at(&s, i), token_at_plain(&s, i), "{}", i);
            }
        }
    }

    #[test]
    fn name_byte_runs_end_where_the_table_says() {
        for x in 0u8..=255 {
            for at in 0..9 {
                let mut b = vec![b'a'; 20];
                b[at] = x;
                let want = if x < 0x80 && NAME_BYTE[usize::from(x)] { 20 } else { at };
                assert_eq!(name_bytes_end(&b, 0), want, "{x:#x} at {at}");
            }
        }
    }

    #[test]
    fn particles_open_with_the_listed_pairs() {
        // Every pair of a lower-case letter and any byte: a particle can start with it exactly
        // when `opens_particle` says so.
        let particles = ["de", "da", "van", "von", "der", "bin", "al", "la", "le", "del", "di", "du", "dos", "ibn"];
        for x in b'a'..=b'z' {
            for y in 0u8..=255 {
                let opens = particles.iter().any(|p| p.as_bytes()[..2] == [x, y]);
                assert_eq!(opens_particle(x, y), opens, "{} {y:#x}", char::from(x));
            }
        }
        for p in particles {
            assert!(is_particle(p));
        }
    }

    #[test]
    fn name_bytes_are_letters_apostrophes_and_hyphens() {
        for x in 0u8..128 {
            assert_eq!(NAME_BYTE[usize::from(x)], x.is_ascii_alphabetic() || x == b'\'' || x == b'-', "{x}");
        }
    }

    #[test]
    fn odd_text_is_safe() {
        for s in ["", "A", "A.", "A ", "a van ", "Ü\u{301}", "x\u{2019}Y Z van"] {
            for (a, b) in find_iter(s) {
                assert!(a < b && s.is_char_boundary(a) && s.is_char_boundary(b));
            }
        }
    }
}
