//! Acronyms defined in the text, in the forms news uses, and well-known acronyms from a shipped
//! list.
//!
//! Definitions: "Long Form (LF)", "LF (Long Form)", editorial brackets "ICAO's [International
//! Civil Aviation Organization]", dashes "NASA - National ... -", and coordinated short forms
//! "Donetsk and Lugansk people's republics (DPR and LPR)". Long forms are matched to short forms
//! Schwartz-Hearst style (each short-form character found right to left in the long form, the
//! first at the start of a word), and news-specific checks reject what is not a definition:
//! "(File)", "(AP)" after a dateline, "(Spenner et al., 1995)", airport codes, party tags after
//! names ("(BJP)"), descriptions ("the refugee agency (UNHCR)").

use crate::ascii_scan::{in_range, load_le, HI};
use crate::entities::GAZ;
use crate::{Acronym, AcronymSource, Context, Entity};
use copydesk_normalize::Span;
use foldhash::{HashSet, HashSetExt};
use once_cell::sync::Lazy;
use regex::Regex;

/// textacy's acronym shape.
static ACRONYM_SHAPE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:(?:(?:(?:[A-Z]\.?)+[a-z0-9&/-]?)+(?:[A-Z][s.]?|[0-9]s?))|(?:[0-9](?:-?[A-Z])+))$")
        .expect("acronym shape")
});

/// Whether a token looks like an acronym ("NASA", "U.S.A.", "TF-IDF", "G-8", "PrEP"), unless
/// listed in `exclude`. The rules follow textacy's `is_acronym`.
pub fn is_acronym(token: &str, exclude: Option<&[&str]>) -> bool {
    if exclude.is_some_and(|e| e.contains(&token)) || token.is_empty() || token.contains(char::is_whitespace) {
        return false;
    }
    let n = token.chars().count();
    if n == 2 && token.chars().any(char::is_lowercase) {
        return false;
    }
    if token.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let first_digit = token.chars().next().is_some_and(|c| c.is_ascii_digit());
    let last_digit = token.chars().last().is_some_and(|c| c.is_ascii_digit());
    if !(token.chars().any(char::is_uppercase) || first_digit || last_digit) {
        return false;
    }
    let alnum = token.chars().filter(|c| c.is_alphanumeric()).count();
    if !(2..=10).contains(&alnum) {
        return false;
    }
    ACRONYM_SHAPE.is_match(token)
}

/// One definition found in a text: byte spans relative to that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    /// Short form as written.
    pub short: String,
    /// Long form (as written, or rebuilt for coordinated definitions).
    pub long: String,
    /// Span of the long form (for coordinated forms: of the whole coordinated phrase).
    pub long_span: (usize, usize),
    /// Span of the short form.
    pub short_span: (usize, usize),
}

/// Whether `s` can be a short form in brackets: one token of 2 to 12 characters with an
/// upper-case letter, not a word in title case ("File"), not a number or year. One pass over the
/// chars (white space is no letter, digit or allowed sign, so it fails the last test).
fn is_short_form(s: &str) -> bool {
    let mut first = None;
    let (mut n, mut upper, mut letters) = (0usize, 0usize, 0usize);
    for c in s.chars() {
        if n == 12 || !(c.is_alphanumeric() || matches!(c, '-' | '&' | '.' | '/' | '+')) {
            return false;
        }
        first = first.or(Some(c));
        n += 1;
        upper += usize::from(c.is_uppercase());
        letters += usize::from(c.is_alphabetic());
    }
    let Some(first) = first.filter(|c| c.is_alphanumeric()) else { return false };
    // "File", "Reuters": a capitalized word is not a short form (but "AfDB", "ToM", "BoG" are).
    let title_word = upper == 1 && first.is_uppercase() && letters == n && n > 3;
    n >= 2 && upper > 0 && letters >= 2 && !title_word
}

/// Letters and digits of a short form, lower-cased (what must be found in the long form).
fn sf_chars(sf: &str) -> Vec<char> {
    if sf.is_ascii() {
        return ascii_lower_alnum(sf);
    }
    sf.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The ASCII letters and digits of the ASCII text `w`, lower-cased: what [`sf_chars`] and
/// [`lower_alnum_into`] give for ASCII text, byte by byte (an ASCII char lower-cases to one ASCII
/// char, a letter or digit exactly when the char was one).
fn ascii_lower_alnum(w: &str) -> Vec<char> {
    w.bytes().filter(u8::is_ascii_alphanumeric).map(|b| char::from(b.to_ascii_lowercase())).collect()
}

/// The letters and digits of the lower-cased `p` (a part of a word in [`initials_match`]).
#[cfg(test)]
fn lower_alnum(p: &str) -> Vec<char> {
    let mut out = Vec::new();
    lower_alnum_into(p, &mut out);
    out
}

/// Append the letters and digits of the lower-cased `p` to `out`: ASCII text byte by byte
/// (as [`ascii_lower_alnum`]), other text char by char.
fn lower_alnum_into(p: &str, out: &mut Vec<char>) {
    if p.is_ascii() {
        out.extend(p.bytes().filter(u8::is_ascii_alphanumeric).map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.extend(p.chars().flat_map(char::to_lowercase).filter(|c| c.is_alphanumeric()));
    }
}

fn is_word_start(lf: &[char], i: usize) -> bool {
    i == 0 || !lf[i - 1].is_alphanumeric()
}

/// Schwartz-Hearst: the shortest suffix of `cand` (a char vector) matching `sf`. Returns the
/// char index where the long form starts and how many short-form characters matched a word start.
fn schwartz_hearst(sf: &[char], cand: &[char]) -> Option<(usize, usize)> {
    if sf.is_empty() {
        return None;
    }
    let mut s = sf.len();
    let mut l = cand.len();
    let mut initials = 0;
    while s > 0 {
        s -= 1;
        let c = sf[s];
        loop {
            if l == 0 {
                return None;
            }
            l -= 1;
            let lc = cand[l].to_lowercase().next().unwrap_or(cand[l]);
            if lc == c && (s > 0 || is_word_start(cand, l)) {
                if is_word_start(cand, l) {
                    initials += 1;
                }
                break;
            }
        }
    }
    // Move back to the start of the word.
    while l > 0 && cand[l - 1].is_alphanumeric() {
        l -= 1;
    }
    Some((l, initials))
}

fn words_back(text: &str, end: usize, max_words: usize) -> usize {
    // Start of the window: at most `max_words` words back, not across sentence punctuation.
    let bytes = text.as_bytes();
    let mut i = end;
    let mut words = 0;
    let mut in_word = false;
    let lim = end.saturating_sub(400);
    while i > lim {
        let b = bytes[i - 1];
        if matches!(b, b'.' | b';' | b':' | b'(' | b')' | b'[' | b']' | b'"' | b'!' | b'?' | b'\n') {
            // Keep abbreviations' periods inside words ("U.S.").
            if !(b == b'.' && in_word) {
                break;
            }
        }
        let w = !(b == b' ' || b == b'\t');
        if w && !in_word {
            words += 1;
            if words > max_words {
                break;
            }
        }
        in_word = w;
        i -= 1;
    }
    while i < end && !text.is_char_boundary(i) {
        i += 1;
    }
    // Never start inside a word.
    while i < end && bytes[i] == b' ' {
        i += 1;
    }
    i
}

fn is_minor_word(w: &str) -> bool {
    matches!(
        w,
        "of" | "the"
            | "and"
            | "for"
            | "in"
            | "on"
            | "at"
            | "to"
            | "&"
            | "de"
            | "des"
            | "du"
            | "la"
            | "le"
            | "y"
            | "et"
            | "with"
            | "a"
    )
}

/// Initials first: the short form spelled by the initials of the last content words (and
/// hyphen parts, and whole upper-case words such as "UN"), minor words skipped or used. Returns
/// the byte offset (in `window`) where the long form starts.
fn initials_match(sf: &[char], window: &str) -> Option<usize> {
    // Parts (word pieces split at hyphens and slashes), right to left, with their word's
    // offset; the lower-cased letters and digits of all parts are in one buffer, each part's
    // at a range of it.
    let mut chars: Vec<char> = Vec::with_capacity(window.len());
    let mut parts: Vec<(usize, std::ops::Range<usize>, bool, bool)> = Vec::new();
    for_each_part(window, |st, p| {
        let a = chars.len();
        lower_alnum_into(p, &mut chars);
        if chars.len() == a {
            return;
        }
        let caps = chars.len() - a > 1 && p.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        parts.push((st, a..chars.len(), caps, is_minor_word(p)));
    });
    parts.reverse();
    // Depth-first over (part index, letters left), each state visited once: O(parts * letters).
    // States (i <= parts, k <= letters) are marked in a table of (parts + 1) x (letters + 1).
    let width = sf.len() + 1;
    let mut seen = vec![false; (parts.len() + 1) * width];
    let mut stack = vec![(0usize, sf.len())];
    let mut best: Option<usize> = None;
    while let Some((i, k)) = stack.pop() {
        match seen.get_mut(i * width + k) {
            Some(v) if !*v => *v = true,
            _ => continue,
        }
        if k == 0 {
            // The long form starts at the last part used (i - 1).
            if let Some(p) = i.checked_sub(1).and_then(|x| parts.get(x)) {
                best = Some(best.map_or(p.0, |b: usize| b.max(p.0)));
            }
            continue;
        }
        let Some((_, r, caps, minor)) = parts.get(i) else { continue };
        initials_step(sf, i, k, chars.get(r.clone()).unwrap_or(&[]), *caps, *minor, &mut stack);
    }
    best
}

/// Call `f` with each part of `window` [`initials_match`] reads, left to right: the pieces of
/// its words (split at spaces) split at hyphens and slashes, not empty, with their word's
/// offset. An ASCII window is cut by one pass over its bytes, others by `str::split`.
fn for_each_part(window: &str, mut f: impl FnMut(usize, &str)) {
    if window.is_ascii() {
        let (mut word, mut part) = (0usize, 0usize);
        for (i, &c) in window.as_bytes().iter().enumerate() {
            if matches!(c, b' ' | b'-' | b'/') {
                if let Some(p) = window.get(part..i).filter(|p| !p.is_empty()) {
                    f(word, p);
                }
                part = i + 1;
                if c == b' ' {
                    word = i + 1;
                }
            }
        }
        if let Some(p) = window.get(part..).filter(|p| !p.is_empty()) {
            f(word, p);
        }
        return;
    }
    split_parts(window, f);
}

/// [`for_each_part`] by `str::split`, for any window.
fn split_parts(window: &str, mut f: impl FnMut(usize, &str)) {
    let mut off = 0usize;
    for w in window.split(' ') {
        let st = off;
        off += w.len() + 1;
        for p in w.split(['-', '/']).filter(|p| !p.is_empty()) {
            f(st, p);
        }
    }
}

/// The states [`initials_match`] goes on to from part `i` (letters `pc`, not empty) with the
/// last `k >= 1` letters of `sf` to spell: past a minor word unused, past a whole upper-case part
/// spelling the letters before `k`, past the part's initial.
fn initials_step(
    sf: &[char],
    i: usize,
    k: usize,
    pc: &[char],
    caps: bool,
    minor: bool,
    stack: &mut Vec<(usize, usize)>,
) {
    if minor {
        stack.push((i + 1, k));
    }
    if caps && pc.len() <= k && sf[k - pc.len()..k] == pc[..] {
        stack.push((i + 1, k - pc.len()));
    }
    if pc.first().is_some_and(|c| sf.get(k.wrapping_sub(1)) == Some(c)) {
        stack.push((i + 1, k - 1));
    }
}

/// Match a short form against the text before it; returns the long form's byte span.
fn long_before(text: &str, lf_end: usize, sf: &str) -> Option<(usize, usize)> {
    let chars = sf_chars(sf);
    let n = chars.len();
    let mut lf_end = lf_end;
    if text[..lf_end].ends_with("'s") {
        lf_end -= 2;
    }
    let start = words_back(text, lf_end, (n + 5).min(n * 2));
    let window = &text[start..lf_end];
    if n >= 2 {
        if let Some(off) = initials_match(&chars, window) {
            let ls = start + off;
            if text[ls..lf_end].contains(' ') || text[ls..lf_end].contains('-') {
                return Some((ls, lf_end));
            }
        }
    }
    let cand: Vec<char> = window.chars().collect();
    let (ci, initials) = schwartz_hearst(&chars, &cand)?;
    let letters = chars.iter().filter(|c| c.is_alphabetic()).count().max(1);
    if initials * 2 < letters || initials == 0 {
        return None;
    }
    let off: usize = cand[..ci].iter().map(|c| c.len_utf8()).sum();
    let mut ls = start + off;
    // Shortest matches can drop a leading word that the short form's first letter stands for
    // ("[International] Indigenous Forum for Biodiversity (IIFB)"): take it back.
    if let Some(ext) = extend_left(text, start, ls, chars[0]) {
        ls = ext;
    }
    let long = &text[ls..lf_end];
    if long.eq_ignore_ascii_case(sf) || !long.contains(|c: char| c.is_whitespace() || c == '-') {
        return None;
    }
    // Too long for the short form: more than (n + 5) words or twice its letters.
    let wc = long.split_whitespace().count();
    if wc > (n + 5).min(n * 2).max(2) {
        return None;
    }
    Some((ls, lf_end))
}

/// The start of a capitalized word (possibly across one minor word) right before `ls` that
/// begins with `first`, when the long form itself starts with a capital.
fn extend_left(text: &str, lim: usize, ls: usize, first: char) -> Option<usize> {
    if !text[ls..].chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let before = text[lim..ls].trim_end();
    let mut words = before.rsplit(' ');
    let mut w = words.next()?;
    let mut end = lim + before.len();
    if is_minor_word(w) {
        end -= w.len() + 1;
        w = words.next()?;
    }
    let c = w.chars().next()?;
    if c.is_uppercase() && c.to_lowercase().next() == Some(first) && w.chars().all(|c| c.is_alphabetic()) {
        Some(end - w.len())
    } else {
        None
    }
}

/// Trim spaces and closing quote marks before a bracket.
fn trim_end_marks(text: &str, mut end: usize) -> usize {
    let b = text.as_bytes();
    while end > 0 && matches!(b[end - 1], b' ' | b'"' | b'\'' | b',') {
        end -= 1;
    }
    end
}

fn push_def(out: &mut Vec<Definition>, text: &str, sf: (usize, usize), lf: (usize, usize)) {
    let mut lf = lf;
    while lf.0 < lf.1 && matches!(text.as_bytes()[lf.0], b'"' | b'\'') {
        lf.0 += 1;
    }
    out.push(Definition {
        short: text[sf.0..sf.1].to_string(),
        long: text[lf.0..lf.1].to_string(),
        long_span: lf,
        short_span: sf,
    });
}

/// "Donetsk and Lugansk people's republics (DPR and LPR)".
fn coordinated(text: &str, open: usize, a: (usize, usize), b: (usize, usize), out: &mut Vec<Definition>) -> bool {
    let lf_end = trim_end_marks(text, open);
    let start = words_back(text, lf_end, 10);
    let words: Vec<(usize, &str)> = text[start..lf_end]
        .split(' ')
        .scan(start, |p, w| {
            let s = *p;
            *p += w.len() + 1;
            Some((s, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let Some(and) = words.iter().rposition(|(_, w)| *w == "and") else { return false };
    if and == 0 || and + 1 >= words.len() {
        return false;
    }
    let (s1, w1) = words[and - 1];
    let w2 = words[and + 1].1;
    let tail: Vec<&str> = words[and + 2..].iter().map(|(_, w)| *w).collect();
    if tail.is_empty() {
        return false;
    }
    let singular = |w: &str| -> String {
        let w = w
            .strip_suffix("ies")
            .map(|x| format!("{x}y"))
            .unwrap_or_else(|| w.strip_suffix('s').unwrap_or(w).to_string());
        let mut c = w.chars();
        match c.next() {
            Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
            None => String::new(),
        }
    };
    let tail_s: Vec<String> = tail
        .iter()
        .enumerate()
        .map(|(k, w)| {
            if k + 1 == tail.len() {
                singular(w)
            } else {
                let mut c = w.chars();
                match c.next() {
                    Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                    None => String::new(),
                }
            }
        })
        .collect();
    let tail_str = tail_s.join(" ");
    let l1 = format!("{w1} {tail_str}");
    let l2 = format!("{w2} {tail_str}");
    let ok = |sf: &str, lf: &str| {
        let c = sf_chars(sf);
        let cand: Vec<char> = lf.chars().collect();
        matches!(schwartz_hearst(&c, &cand), Some((0, i)) if i * 2 >= c.len())
    };
    let (sa, sb) = (&text[a.0..a.1], &text[b.0..b.1]);
    if !ok(sa, &l1) || !ok(sb, &l2) {
        return false;
    }
    let span = (s1, lf_end);
    out.push(Definition { short: sa.to_string(), long: l1, long_span: span, short_span: a });
    out.push(Definition { short: sb.to_string(), long: l2, long_span: span, short_span: b });
    true
}

/// "Ribonuclease P (RNase P)", "Factor VIII (FVIII)" style short forms of two tokens: a short
/// form with at least two capitals, and 1 to 3 capitals or digits that also end the long form.
/// The first token abbreviates the word before that ending (its letters in order, the first
/// one first). Returns the long form's span.
fn lettered_long_form(text: &str, open: usize, inner: &str) -> Option<(usize, usize)> {
    let (x, y) = inner.split_once(' ')?;
    let y_ok = (1..=3).contains(&y.len()) && y.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if !y_ok || !is_short_form(x) || x.chars().filter(|c| c.is_uppercase()).count() < 2 {
        return None;
    }
    let lf_end = trim_end_marks(text, open);
    let before = text[..lf_end].strip_suffix(y)?.strip_suffix(' ')?;
    let ws = before.rfind(|c: char| !c.is_alphanumeric() && c != '-').map_or(0, |p| p + 1);
    let word = &before[ws..];
    if word.eq_ignore_ascii_case(x) || !word.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    let mut wc = word.chars().flat_map(char::to_lowercase);
    let mut xc = x.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase);
    // The first letters agree; the others come in order.
    if wc.next()? != xc.next()? {
        return None;
    }
    let ok = xc.all(|c| wc.by_ref().any(|w| w == c));
    ok.then_some((ws, lf_end))
}

/// `s.split_once(" and ")`, by a byte search: bracketed texts are short, and a substring
/// searcher costs more to set up than this costs to run.
fn split_at_and(s: &str) -> Option<(&str, &str)> {
    let b = s.as_bytes();
    let and = u64::from_le_bytes(*b" and \0\0\0");
    let i = (0..b.len()).find(|&i| b.get(i) == Some(&b' ') && load_le(b, i, 5) == Some(and))?;
    Some((s.get(..i)?, s.get(i + 5..)?))
}

/// Find acronym definitions in one text (a paragraph or a sentence). Linear: each bracket
/// looks back at most a few hundred bytes.
pub fn definitions(text: &str) -> Vec<Definition> {
    let b = text.as_bytes();
    definitions_at(text, memchr::memchr2_iter(b'(', b'[', b), memchr::memchr2_iter(b'-', 0xE2, b))
}

/// [`definitions`], given the offsets in `text` of its opening brackets ("(", "[") and of its
/// bytes "-" and 0xE2 (each list in order): [`find`] searches them once per article instead
/// of once per segment.
fn definitions_at(
    text: &str,
    brackets: impl Iterator<Item = usize>,
    dash_bytes: impl Iterator<Item = usize>,
) -> Vec<Definition> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    for open in brackets {
        let ob = bytes[open];
        let close_b = if ob == b'(' { b')' } else { b']' };
        let lim = (open + 160).min(bytes.len());
        let Some(rel) = bytes[open + 1..lim].iter().position(|&b| b == close_b || b == b'(' || b == b'[') else {
            continue;
        };
        let close = open + 1 + rel;
        if bytes[close] != close_b {
            continue;
        }
        let inner_raw = &text[open + 1..close];
        let lead = inner_raw.len() - inner_raw.trim_start().len();
        let inner = inner_raw.trim();
        let is = open + 1 + lead;
        // "(DPR and LPR)"
        if let Some((x, y)) = split_at_and(inner) {
            if is_short_form(x) && is_short_form(y) {
                let a = (is, is + x.len());
                let b = (is + x.len() + 5, is + inner.len());
                coordinated(text, open, a, b, &mut out);
                continue;
            }
        }
        // "Ribonuclease P (RNase P)": a short form and a letter or number the long form ends with.
        if let Some(lf) = lettered_long_form(text, open, inner) {
            push_def(&mut out, text, (is, is + inner.len()), lf);
            continue;
        }
        // "(ToM; Smith 2009)", "(HI, formerly ...)": the short form before ';' or ','.
        let first = inner.split([';', ',']).next().unwrap_or("").trim_end();
        if is_short_form(first) {
            if first.len() < inner.len() && inner.contains(char::is_numeric) && !first.contains(char::is_numeric) {
                // "(Spenner et al., 1995)" style citations are not short forms; a short form with a note is.
            }
            let lf_end = trim_end_marks(text, open);
            if let Some(lf) = long_before(text, lf_end, first) {
                push_def(&mut out, text, (is, is + first.len()), lf);
            }
            continue;
        }
        // "SF (Long Form)", "ICAO's [Long Form]".
        let words = inner.split_whitespace().count();
        if (2..=12).contains(&words) && inner.chars().next().is_some_and(char::is_alphabetic) {
            let mut e = trim_end_marks(text, open);
            let pre = &text[..e];
            if let Some(p) = pre.strip_suffix("'s") {
                e = p.len();
            }
            let st = text[..e].rfind([' ', '(', '"', '\n']).map_or(0, |p| p + 1);
            let sf = &text[st..e];
            if is_short_form(sf) && !sf.contains('.') && sf.chars().filter(|c| c.is_uppercase()).count() >= 2 {
                let c = sf_chars(sf);
                let cand: Vec<char> = inner.chars().collect();
                if let Some((0, ini)) = schwartz_hearst(&c, &cand) {
                    if ini * 2 >= c.len() {
                        push_def(&mut out, text, (st, e), (is, is + inner.len()));
                    }
                }
            }
        }
    }
    dashes(text, dash_bytes, &mut out);
    out
}

/// Length in bytes of the dash at `i` ("--", "-", en or em dash), if any.
fn dash_len(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i..)? {
        [b'-', b'-', ..] => Some(2),
        [b'-', ..] => Some(1),
        [0xE2, 0x80, 0x93 | 0x94, ..] => Some(3),
        _ => None,
    }
}

/// A short form next to a dash: ASCII letters, digits, '&' and '.'.
fn is_sf_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'&' || b == b'.'
}

/// "SF - Long Form -": for the space at `sp` followed by a dash, the short form ending at
/// `sp` (the leftmost start after a word boundary, 2 to 12 chars, not before `min`) and the
/// long form (a capital, then 3 to 120 chars without dashes or `.;:()`, ended by " -").
/// Returns (short start, long start, long end, end of the closing dash).
fn dash_definition(text: &str, sp: usize, min: usize) -> Option<(usize, usize, usize, usize)> {
    let b = text.as_bytes();
    // The short form: the leftmost capital after a word boundary in the run of short-form
    // bytes before the space, 2 to 12 chars long.
    let lo = sp.saturating_sub(12).max(min);
    let mut run = sp;
    while run > lo && is_sf_byte(b[run - 1]) {
        run -= 1;
    }
    let word_before = |i: usize| text[..i].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_');
    let ss = (run..sp.saturating_sub(1)).find(|&p| b[p].is_ascii_uppercase() && !word_before(p))?;
    let dl = dash_len(b, sp + 1)?;
    if b.get(sp + 1 + dl) != Some(&b' ') || !b.get(sp + 2 + dl).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let ls = sp + 2 + dl;
    let mut q = ls + 1;
    let mut n = 0usize;
    loop {
        if n >= 3 && b.get(q) == Some(&b' ') {
            if let Some(d2) = dash_len(b, q + 1) {
                return Some((ss, ls, q, q + 1 + d2));
            }
        }
        let c = text.get(q..)?.chars().next()?;
        if n == 120 || matches!(c, '-' | '\u{2013}' | '\u{2014}' | '.' | ';' | ':' | '(' | ')') {
            return None;
        }
        n += 1;
        q += c.len_utf8();
    }
}

/// "NASA - National Aeronautics and Space Administration -" (hyphen, en or em dashes).
/// One pass: only spaces followed by a dash are looked at (`dash_bytes`: the offsets of the
/// bytes "-" and 0xE2 of `text`, in order).
fn dashes(text: &str, dash_bytes: impl Iterator<Item = usize>, out: &mut Vec<Definition>) {
    let b = text.as_bytes();
    let mut resume = 0usize;
    for i in dash_bytes {
        if i < resume + 2 || b[i - 1] != b' ' || dash_len(b, i).is_none() {
            continue;
        }
        let sp = i - 1;
        if sp == 0 || !is_sf_byte(b[sp - 1]) {
            continue;
        }
        let Some((ss, ls, le, end)) = dash_definition(text, sp, resume) else { continue };
        resume = end;
        let short = &text[ss..sp];
        if !is_short_form(short) || short.chars().filter(|c| c.is_uppercase()).count() < 2 {
            continue;
        }
        let sf = sf_chars(short);
        let cand: Vec<char> = text[ls..le].chars().collect();
        if let Some((0, ini)) = schwartz_hearst(&sf, &cand) {
            if ini * 2 >= sf.len() && ini >= 2 {
                push_def(out, text, (ss, sp), (ls, le));
            }
        }
    }
}

/// The (short, long) pairs of the acronyms defined in the text, for grouping entities.
pub(crate) fn text_pairs(acronyms: &[Acronym]) -> Vec<(String, String)> {
    acronyms.iter().filter(|a| a.source == AcronymSource::Text).map(|a| (a.short.clone(), a.long.clone())).collect()
}

/// Whether `x` is an ASCII letter, digit or hyphen: the bytes of the words the known-acronym
/// scan looks at.
fn is_word_byte(x: u8) -> bool {
    x.is_ascii_alphanumeric() || x == b'-'
}

/// Capitals and digits (and the signs `:;<=>?@`) among eight bytes, as high bits: the
/// candidates for the triggers of [`known_candidates`].
#[inline]
fn capital_or_digit_bits(x: u64) -> u64 {
    in_range(x & !HI, 0x30, 0x5A) & !x
}

/// The words the known-acronym scan looks up: ASCII words (maximal runs of letters, digits and
/// hyphens, with no other letter or digit right before or after) of at most `max` bytes that
/// start with a capital and have a capital or digit after their first letter (as every listed
/// short form: "UN", "MoU", "G7"), with their byte offsets.
///
/// Such a word holds a trigger: a capital or digit right after a letter or hyphen (its first
/// capital or digit after the first letter). Only triggers are looked at, found eight bytes at
/// a time; from each, the word around it is read (at most `max` bytes back) and the scan goes
/// on after it. Ordinary capitalized words ("London") hold no trigger and cost nothing.
fn known_candidates(s: &str, max: usize) -> impl Iterator<Item = (usize, &str)> {
    let b = s.as_bytes();
    let mut i = 0;
    // Exact trigger at `k` (k >= 1).
    let trigger = move |k: usize| {
        let (Some(&c), Some(&p)) = (b.get(k), k.checked_sub(1).and_then(|p| b.get(p))) else { return false };
        (c.is_ascii_uppercase() || c.is_ascii_digit()) && (p.is_ascii_alphabetic() || p == b'-')
    };
    // The next exact trigger at or after `from` (>= 1): capitals and digits are found eight
    // bytes at a time, then the byte before each is checked.
    // (`chunks_exact`: the loop has no bounds check or length test per chunk, which the
    // scan's cost was mostly made of when each chunk was sliced by hand)
    let next_trigger = move |from: usize| -> Option<usize> {
        let mut k = from;
        // (sixteen bytes at a time: most pairs of chunks have no candidate, one test for both)
        for chunk in b.get(from..)?.chunks_exact(16) {
            let Ok(arr) = <[u8; 16]>::try_from(chunk) else { break };
            let x = u128::from_le_bytes(arr);
            let (m0, m1) = (capital_or_digit_bits(x as u64), capital_or_digit_bits((x >> 64) as u64));
            if m0 | m1 != 0 {
                for (base, mut m) in [(k, m0), (k + 8, m1)] {
                    while m != 0 {
                        let t = base + (m.trailing_zeros() / 8) as usize;
                        if trigger(t) {
                            return Some(t);
                        }
                        m &= m - 1;
                    }
                }
            }
            k += 16;
        }
        (k..b.len()).find(|&t| trigger(t))
    };
    std::iter::from_fn(move || {
        while i < b.len() {
            let k = next_trigger(i.max(1))?;
            // The word around the trigger: back to its start (at most `max` bytes), on to its end.
            let lo = k.saturating_sub(max);
            let mut st = k;
            while st > lo && is_word_byte(b[st - 1]) {
                st -= 1;
            }
            let mut e = k + 1;
            while e < b.len() && is_word_byte(b[e]) {
                e += 1;
            }
            i = e;
            // Too long, or not starting with a capital (also when the start was not reached).
            if e - st > max || !b[st].is_ascii_uppercase() || st > 0 && is_word_byte(b[st - 1]) {
                continue;
            }
            // A letter or digit beyond ASCII right before or after.
            let before = st > 0 && b[st - 1] >= 0x80 && s[..st].chars().next_back().is_some_and(char::is_alphanumeric);
            let after =
                b.get(e).is_some_and(|&x| x >= 0x80) && s[e..].chars().next().is_some_and(char::is_alphanumeric);
            if before || after {
                continue;
            }
            return Some((st, &s[st..e]));
        }
        None
    })
}

/// The offsets of the hits of `hits` (offsets in the whole text, in order) within `span`, as
/// offsets in the span's text; hits before the span are passed over, hits after it are left.
fn offsets_in<I: Iterator<Item = usize>>(
    hits: &mut std::iter::Peekable<I>,
    span: Span,
) -> impl Iterator<Item = usize> + '_ {
    std::iter::from_fn(move || {
        while let Some(h) = hits.next_if(|&h| h < span.end) {
            if h >= span.start {
                return Some(h - span.start);
            }
        }
        None
    })
}

/// The definitions of each segment, with the segment's start. `SHARED`: the brackets and dash
/// bytes of the whole text are searched once and handed to the segments in turn (while the
/// segments come in text order, as [`Context::new`] gives them), instead of searched per
/// segment; tests check that both ways find alike.
fn segment_definitions<'c, const SHARED: bool>(
    ctx: &'c Context,
) -> impl Iterator<Item = (usize, Vec<Definition>)> + 'c {
    let all = ctx.text.as_bytes();
    // (most segments hold no bracket and few dash bytes: a search per segment cost more than
    // the searching)
    let mut brackets = memchr::memchr2_iter(b'(', b'[', all).peekable();
    let mut dash_bytes = memchr::memchr2_iter(b'-', 0xE2, all).peekable();
    let mut in_order = 0usize;
    ctx.segments.iter().map(move |seg| {
        let base = seg.span.start;
        let text = crate::entities::text_of(ctx, seg.span);
        let defs = if SHARED && base >= in_order && text.len() == seg.span.end.wrapping_sub(base) {
            in_order = seg.span.end;
            definitions_at(text, offsets_in(&mut brackets, seg.span), offsets_in(&mut dash_bytes, seg.span))
        } else {
            definitions(text)
        };
        (base, defs)
    })
}

/// Acronyms of the article: those defined in it, then well-known ones used in it but not defined.
pub(crate) fn find(ctx: &Context, _entities: &[Entity]) -> Vec<Acronym> {
    let mut out = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for (base, defs) in segment_definitions::<true>(ctx) {
        for d in defs {
            if !seen.insert(format!("{}\u{0}{}", d.short, d.long.to_lowercase())) {
                continue;
            }
            out.push(Acronym {
                short: d.short,
                long: d.long,
                span: Span::new(base + d.long_span.0, base + d.long_span.1),
                short_span: Some(Span::new(base + d.short_span.0, base + d.short_span.1)),
                source: AcronymSource::Text,
            });
        }
    }
    let defined: HashSet<String> = out.iter().map(|a| a.short.clone()).collect();
    let g = &GAZ;
    let mut known_seen: HashSet<&str> = HashSet::new();
    for seg in &ctx.segments {
        let s = crate::entities::text_of(ctx, seg.span);
        let base = seg.span.start;
        for (st, w) in known_candidates(s, g.acronym_max_len) {
            if let Some((k, (long, _))) = g.acronyms.get_key_value(w) {
                if !defined.contains(w) && known_seen.insert(k) {
                    out.push(Acronym {
                        short: (*k).to_string(),
                        long: (*long).to_string(),
                        span: Span::new(base + st, base + st + w.len()),
                        short_span: Some(Span::new(base + st, base + st + w.len())),
                        source: AcronymSource::Known,
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(t: &str) -> Vec<(String, String)> {
        definitions(t).into_iter().map(|d| (d.short, d.long)).collect()
    }

    fn p(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn ascii_letters_as_char_by_char(w in "[A-Za-z0-9&./+'-]{0,12}|\\PC{0,8}") {
            let sf: Vec<char> = w.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
            proptest::prop_assert_eq!(sf_chars(&w), sf);
            let part: Vec<char> = w.chars().flat_map(char::to_lowercase).filter(|c| c.is_alphanumeric()).collect();
            proptest::prop_assert_eq!(lower_alnum(&w), part);
        }
    }

    fn parts_of(window: &str, split: bool) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let f = |st: usize, p: &str| out.push((st, p.to_string()));
        if split {
            split_parts(window, f);
        } else {
            for_each_part(window, f);
        }
        out
    }

    #[test]
    fn parts_by_bytes_as_by_split() {
        for w in ["", " ", "a", "UN-led  peace/keeping force", "-x- /y/ ", "a--b//c - d", "Bank of the X-Y"] {
            assert_eq!(parts_of(w, false), parts_of(w, true), "{w:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn parts_same_as_split(w in "( |-|/|a|UN|\u{e9}){0,16}") {
            proptest::prop_assert_eq!(parts_of(&w, false), parts_of(&w, true));
        }
    }

    /// [`is_short_form`] as first written: whether `s` can be a short form in brackets: one token of 2 to 12 characters with an
    /// upper-case letter, not a word in title case ("File"), not a number or year.
    fn is_short_form_reference(s: &str) -> bool {
        let n = s.chars().count();
        if !(2..=12).contains(&n) || s.contains(char::is_whitespace) {
            return false;
        }
        if !s.chars().next().is_some_and(char::is_alphanumeric) {
            return false;
        }
        let upper = s.chars().filter(|c| c.is_uppercase()).count();
        let letters = s.chars().filter(|c| c.is_alphabetic()).count();
        if upper == 0 || letters < 2 {
            return false;
        }
        // "File", "Reuters": a capitalized word is not a short form (but "AfDB", "ToM", "BoG" are).
        if upper == 1 && s.chars().next().is_some_and(char::is_uppercase) && letters == n && n > 3 {
            return false;
        }
        s.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '&' | '.' | '/' | '+'))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn short_form_in_one_pass(s in "[A-Za-z0-9 .&/+\u{e9}\u{c9}\u{2009}\u{660}-]{0,14}") {
            proptest::prop_assert_eq!(is_short_form(&s), is_short_form_reference(&s));
        }
    }

    #[test]
    fn short_forms_as_first_written() {
        for s in [
            "EU",
            "File",
            "AfDB",
            "ToM",
            "U.S.",
            "1995",
            "A1",
            "ABCDEFGHIJKL",
            "ABCDEFGHIJKLM",
            "",
            "E",
            " EU",
            "\u{c9}U",
            "-EU",
            "NASA's",
        ] {
            assert_eq!(is_short_form(s), is_short_form_reference(s), "{s:?}");
        }
    }

    /// [`initials_match`] as first written: a vector per part, a hash set of states (the same
    /// steps, [`initials_step`]).
    fn initials_match_reference(sf: &[char], window: &str) -> Option<usize> {
        let mut parts: Vec<(usize, Vec<char>, bool, bool)> = Vec::new();
        let mut off = 0usize;
        for w in window.split(' ') {
            let st = off;
            off += w.len() + 1;
            for p in w.split(['-', '/']).filter(|p| !p.is_empty()) {
                let pc = lower_alnum(p);
                if pc.is_empty() {
                    continue;
                }
                let caps = pc.len() > 1 && p.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
                parts.push((st, pc, caps, is_minor_word(p)));
            }
        }
        parts.reverse();
        let mut seen = HashSet::new();
        let mut stack = vec![(0usize, sf.len())];
        let mut best: Option<usize> = None;
        while let Some((i, k)) = stack.pop() {
            if !seen.insert((i, k)) {
                continue;
            }
            if k == 0 {
                if let Some(p) = i.checked_sub(1).and_then(|x| parts.get(x)) {
                    best = Some(best.map_or(p.0, |b: usize| b.max(p.0)));
                }
                continue;
            }
            let Some((_, pc, caps, minor)) = parts.get(i) else { continue };
            initials_step(sf, i, k, pc, *caps, *minor, &mut stack);
        }
        best
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// One buffer of letters and a table of states find what vectors and a hash set found.
        #[test]
        fn initials_match_same_as_reference(
            sf in "[A-Ca-c&\u{130}]{0,6}",
            window in "(A|B|C|UN|of|and|the|Bank|Cab|\u{130}zmir| |-|/|\\.|\u{e9}){0,24}",
        ) {
            let sf = sf_chars(&sf);
            proptest::prop_assert_eq!(initials_match(&sf, &window), initials_match_reference(&sf, &window));
        }
    }

    #[test]
    fn long_form_then_short() {
        assert_eq!(pairs("He met the NATO-Russia Council (NRC) today."), [p("NRC", "NATO-Russia Council")]);
        assert_eq!(pairs("the European Union (EU) said"), [p("EU", "European Union")]);
        assert_eq!(pairs("the Global Farmers Forum for Water (GFFW)"), [p("GFFW", "Global Farmers Forum for Water")]);
        assert_eq!(pairs("its 'Pact with Asia' (PwA) plan"), [p("PwA", "Pact with Asia")]);
        assert_eq!(
            pairs("the African Farming Research Foundation (AFRF)"),
            [p("AFRF", "African Farming Research Foundation")]
        );
        assert_eq!(
            pairs("the International Labour Organisation's (ILO) report"),
            [p("ILO", "International Labour Organisation")]
        );
        assert_eq!(pairs("by the androgen receptor (AR)."), [p("AR", "androgen receptor")]);
        assert_eq!(pairs("Ribonuclease P (RNase P) is"), [p("RNase P", "Ribonuclease P")]);
        assert!(pairs("the Fox 5 (Fox 5) station").is_empty());
        assert!(pairs("in Zone B (ZB B) today").is_empty());
    }

    #[test]
    fn short_then_long_and_brackets() {
        assert_eq!(
            pairs("ICAO's [International Civil Aviation Organization] rules"),
            [p("ICAO", "International Civil Aviation Organization")]
        );
        assert_eq!(
            pairs("blah SBMA (Spinal and bulbar muscular atrophy)"),
            [p("SBMA", "Spinal and bulbar muscular atrophy")]
        );
    }

    #[test]
    fn coordinated_short_forms() {
        let d = pairs("the self-proclaimed Donetsk and Lugansk people's republics (DPR and LPR).");
        assert_eq!(d, [p("DPR", "Donetsk People's Republic"), p("LPR", "Lugansk People's Republic")]);
    }

    #[test]
    fn negatives() {
        assert!(pairs("MOSCOW (AP) - Officials said").is_empty());
        assert!(pairs("A photo of the scene (File) was shown.").is_empty());
        assert!(pairs("at the highest altitudes (Spenner et al., 1995).").is_empty());
        assert!(pairs("landed at Sheremetyevo airport (SVO) on Monday").is_empty());
        assert!(pairs("Prime Minister Narendra Modi (BJP) said").is_empty());
        assert!(pairs("said the refugee agency (UNHCR).").is_empty());
    }

    #[test]
    fn textacy_shapes() {
        for t in ["LGTM", "U.S.A.", "PEP8", "TF-IDF", "D3", "3D", "3-D", "D&D", "PrEP", "H2SO4", "I/O", "WASPs", "G-8"]
        {
            assert!(is_acronym(t, None), "{t}");
        }
        for t in ["A", "GHz", "1a", "D o E", "Ms", "Ph.D", "3-Dim.", "the", "FooBar", "1", " ", ""] {
            assert!(!is_acronym(t, None), "{t}");
        }
        assert!(!is_acronym("NASA", Some(&["NASA"])));
    }

    /// The dash rule as first written, with a regex, to check the byte scan against.
    fn dashes_reference(text: &str) -> Vec<Definition> {
        let re = Regex::new(r"\b([A-Z][A-Za-z0-9&.]{1,11}) (?:--|-|\x{2013}|\x{2014}) ([A-Z][^-\x{2013}\x{2014}.;:()]{3,120}?) (?:--|-|\x{2013}|\x{2014})").expect("dash regex");
        let mut out = Vec::new();
        for c in re.captures_iter(text) {
            let (Some(s), Some(l)) = (c.get(1), c.get(2)) else { continue };
            if !is_short_form(s.as_str()) || s.as_str().chars().filter(|c| c.is_uppercase()).count() < 2 {
                continue;
            }
            let sf = sf_chars(s.as_str());
            let cand: Vec<char> = l.as_str().chars().collect();
            if let Some((0, ini)) = schwartz_hearst(&sf, &cand) {
                if ini * 2 >= sf.len() && ini >= 2 {
                    push_def(&mut out, text, (s.start(), s.end()), (l.start(), l.end()));
                }
            }
        }
        out
    }

    fn dashes_new(text: &str) -> Vec<Definition> {
        let mut out = Vec::new();
        dashes(text, memchr::memchr2_iter(b'-', 0xE2, text.as_bytes()), &mut out);
        out
    }

    #[test]
    fn dash_definitions() {
        for t in [
            "NASA - National Aeronautics and Space Administration - said",
            "the NASA -- National Aeronautics and Space Administration -- said",
            "U.S.NASA \u{2014} National Aeronautics and Space Administration \u{2014} x",
            "ABCDEFGHIJKLMN - Alpha Beta Gamma - and AB - Alpha Bravo - CD - Charlie Delta -",
            "\u{e9}NASA - National Aeronautics and Space Administration -",
        ] {
            assert_eq!(dashes_new(t), dashes_reference(t), "{t}");
        }
        assert_eq!(dashes_new("the NASA - National Aeronautics and Space Administration - said").len(), 1);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn dashes_same_as_reference(s in "(AB|NA|[A-Ca-c]|U\\.S|&| |-|--|\u{2013}|\u{2014}|[.;(]|\u{e9}|Al|Bo){0,40}") {
            proptest::prop_assert_eq!(dashes_new(&s), dashes_reference(&s));
        }
    }

    #[test]
    fn split_at_and_is_split_once() {
        for t in
            ["DPR and LPR", "a and b and c", " and ", "and", "x and", "\u{e9} and \u{e9}", "", "A andB", "A  and  B"]
        {
            assert_eq!(split_at_and(t), t.split_once(" and "), "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn split_at_and_same_as_split_once(s in "( |a|n|d|and|A|\u{e9}){0,12}") {
            proptest::prop_assert_eq!(split_at_and(&s), s.split_once(" and "));
        }
    }

    /// The segments' definitions as [`segment_definitions`] finds them, the dash and bracket
    /// hits searched once per text (`true`) or per segment (`false`).
    fn segment_defs<const SHARED: bool>(text: &str, spans: &[(usize, usize)]) -> Vec<(usize, Vec<Definition>)> {
        let segments = spans
            .iter()
            .map(|&(a, b)| crate::Segment { span: Span::new(a, b), kind: copydesk_parse::BlockKind::Paragraph })
            .collect();
        let ctx = Context { text, segments, sentences: Vec::new(), published: None };
        segment_definitions::<SHARED>(&ctx).collect()
    }

    #[test]
    fn shared_hits_find_what_segments_find() {
        let t = "the European Union (EU) said. NASA - National Aeronautics and Space Administration - \
                 ICAO's [International Civil Aviation Organization] rules; AB \u{2014} Alpha Bravo \u{2014} x";
        let n = t.len();
        for spans in [
            vec![(0, n)],
            vec![(0, 30), (30, n)],
            vec![(4, 25), (29, 90), (95, n)],
            vec![(29, 90), (0, 30), (80, n)],
            vec![(0, 12), (5, 40), (40, 41), (200, 100), (n, n + 5), (30, n)],
        ] {
            assert_eq!(segment_defs::<true>(t, &spans), segment_defs::<false>(t, &spans), "{spans:?}");
        }
        assert_eq!(segment_defs::<true>(t, &[(0, n)])[0].1.len(), 4);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn shared_hits_same_as_per_segment(
            s in "(EU|NASA|AB|Al|Bo|European|Union|[a-c]| |-|--|\u{2013}|\u{2014}|[()\\[\\].;]|\u{e9}){0,40}",
            spans in proptest::collection::vec((0usize..80, 0usize..80), 0..6),
        ) {
            proptest::prop_assert_eq!(segment_defs::<true>(&s, &spans), segment_defs::<false>(&s, &spans));
        }
    }

    /// The words the known-acronym scan looks up, found by splitting (the first way it was
    /// written): capitalized ASCII words with a capital or digit after the first letter.
    fn words_reference(s: &str, max: usize) -> Vec<(usize, &str)> {
        s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
            .filter(|(_, w)| (1..=max).contains(&w.len()) && w.is_ascii() && w.as_bytes()[0].is_ascii_uppercase())
            .filter(|(_, w)| w.bytes().skip(1).any(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
            .collect()
    }

    #[test]
    fn known_candidates_like_split() {
        for t in [
            "\u{20ac}NATO and \u{e9}NATO, NATO-led EU's UNHCR\u{e9} X",
            "A-B C--D UN.",
            "",
            "the McDonald's iPhone G7 G20 2UN COVID-19 ABCDEFGHI ABCDEFGH, 1990s a-UN UN-",
            "x:UN;Z[EU]A@B`C{D} 12345 AB",
        ] {
            assert_eq!(known_candidates(t, 8).collect::<Vec<_>>(), words_reference(t, 8), "{t}");
        }
        // Every byte before and after a capital.
        let all: String = (1..0x80u8).map(|b| format!("{}UN{}", b as char, b as char)).collect();
        assert_eq!(known_candidates(&all, 8).collect::<Vec<_>>(), words_reference(&all, 8));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn known_candidates_same_as_split(s in "(NATO|UN|EU|Mc|[A-Za-z]|-|\\.| |\u{e9}|\u{20ac}|\u{c9}|7|[:@`{]){0,40}") {
            proptest::prop_assert_eq!(known_candidates(&s, 8).collect::<Vec<_>>(), words_reference(&s, 8));
        }
    }
}
