//! Choosing the headline: the page title (first line) or the line that repeats it nearest the body,
//! and its trailing attribution or site name ("... - Russian Foreign Ministry", "... | Site").

use crate::lines::Line;
use copydesk_normalize::Span;

/// Separators between a title and a trailing attribution or site name.
const SEPARATORS: [&str; 6] = [" | ", " - ", " – ", " — ", " :: ", " / "];

/// The set of lower-cased words (maximal alphanumeric runs) of a line, as sorted distinct
/// 64-bit hashes: comparing lines takes no allocation per word.
#[derive(Debug, Clone, PartialEq, Eq)]
struct WordSet(Vec<u64>);

impl WordSet {
    fn len(&self) -> usize {
        self.0.len()
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Number of words in both sets (a merge of the two sorted lists).
    fn intersection(&self, other: &WordSet) -> usize {
        let (mut a, mut b) = (self.0.iter().peekable(), other.0.iter().peekable());
        let mut n = 0;
        while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
            match x.cmp(y) {
                std::cmp::Ordering::Less => {
                    a.next();
                }
                std::cmp::Ordering::Greater => {
                    b.next();
                }
                std::cmp::Ordering::Equal => {
                    n += 1;
                    a.next();
                    b.next();
                }
            }
        }
        n
    }
}

/// FNV-1a hash of bytes.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

/// The words of `s`, split at characters that are not alphanumeric, each lower-cased as a
/// string (`str::to_lowercase`, so a final sigma stays one). An ASCII line is read byte by byte.
fn tokens(s: &str) -> WordSet {
    let mut out: Vec<u64> = Vec::with_capacity(s.len() / 4);
    tokens_into(s, &mut out);
    WordSet(out)
}

/// Per byte: the ASCII letter or digit lower-cased, 0 for other bytes.
static LOWER_ALNUM: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        if b.is_ascii_alphanumeric() {
            t[i] = b.to_ascii_lowercase();
        }
        i += 1;
    }
    t
};

/// [`tokens`] into `out` (emptied first, its room reused: the loops over candidate lines make
/// no allocation per line).
fn tokens_into(s: &str, out: &mut Vec<u64>) {
    out.clear();
    if s.is_ascii() {
        // the same FNV-1a hashes of the lower-cased words as below, without splitting into strs
        const BASIS: u64 = 0xcbf2_9ce4_8422_2325;
        let mut h = BASIS;
        let mut in_word = false;
        for &b in s.as_bytes() {
            let l = LOWER_ALNUM[usize::from(b)];
            if l != 0 {
                h = (h ^ u64::from(l)).wrapping_mul(0x0100_0000_01b3);
                in_word = true;
            } else if in_word {
                out.push(h);
                h = BASIS;
                in_word = false;
            }
        }
        if in_word {
            out.push(h);
        }
    } else {
        out.extend(
            s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| fnv(w.to_lowercase().as_bytes())),
        );
    }
    out.sort_unstable();
    out.dedup();
}

/// Byte length of the title part of `line` and the start of its trailing attribution, when the
/// line ends with " - Attribution" (at most 6 words).
pub(crate) fn split_attribution(line: &str) -> Option<(usize, usize)> {
    // the last occurrence of each separator, found in one backward pass over the line's spaces
    // (every separator starts with one)
    let mut last: [Option<usize>; SEPARATORS.len()] = [None; SEPARATORS.len()];
    let mut missing = SEPARATORS.len();
    // a space followed by the second byte of a separator
    let second = |i: usize| matches!(line.as_bytes().get(i + 1), Some(b'|' | b'-' | 0xE2 | b':' | b'/'));
    for i in memchr::memrchr_iter(b' ', line.as_bytes()).filter(|&i| second(i)) {
        let rest = line.as_bytes().get(i..).unwrap_or(&[]);
        for (k, sep) in SEPARATORS.iter().enumerate() {
            if last[k].is_none() && rest.starts_with(sep.as_bytes()) {
                last[k] = Some(i);
                missing -= 1;
            }
        }
        if missing == 0 {
            break;
        }
    }
    let mut best: Option<(usize, usize)> = None;
    for (sep, found) in SEPARATORS.iter().zip(last) {
        if let Some(i) = found {
            if attribution_after(line, i, sep) && best.map_or(true, |(b, _)| i > b) {
                best = Some((i, i + sep.len()));
            }
        }
    }
    best
}

/// Does the separator `sep` at byte `i` of `line` split off an attribution: far enough into the
/// line, followed by one to six words that start with a capital or a digit?
fn attribution_after(line: &str, i: usize, sep: &str) -> bool {
    let tail = line.get(i + sep.len()..).unwrap_or("");
    let words = tail.split_whitespace().count();
    i >= 10 && (1..=6).contains(&words) && tail.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// Similarity of a candidate line to the title: Dice coefficient over word sets.
fn similarity(a: &WordSet, b: &WordSet) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = a.intersection(b);
    2.0 * inter as f32 / (a.len() + b.len()) as f32
}

/// The page title (the first line of a text): where its trailing attributions start, and the
/// words of the title without them (found once for [`anchor`] and [`choose`]).
pub(crate) struct Title {
    /// The last attribution of the whole title ([`split_attribution`] of it).
    last: Option<(usize, usize)>,
    /// The end of the title without its last attribution, and without all of them.
    first_cut: usize,
    cut: usize,
    /// The words of `title[..cut]`.
    words: WordSet,
}

impl Title {
    /// The title of the text whose first line is `first`.
    pub fn new(text: &str, first: &Line) -> Self {
        let title = first.span.slice(text);
        let mut cut = title.len();
        let mut last = None;
        while let Some((end, a)) = split_attribution(title.get(..cut).unwrap_or(title)) {
            cut = end;
            last.get_or_insert((end, a));
        }
        let words = tokens(title.get(..cut).unwrap_or(title));
        Title { last, first_cut: last.map_or(title.len(), |(end, _)| end), cut, words }
    }
}

/// The first line after the title (line 0) that repeats it: the page's own headline, which the
/// article follows.
pub(crate) fn anchor(text: &str, lines: &[Line], title: &Title, usable: &dyn Fn(usize) -> bool) -> Option<usize> {
    lines.first()?;
    let tset = &title.words;
    if tset.len() < 2 {
        return None;
    }
    let mut cand = WordSet(Vec::new());
    lines.iter().enumerate().skip(1).find_map(|(i, l)| {
        if !usable(i) || !(2..=40).contains(&l.words) || (l.ends_sentence && l.words >= 10) {
            return None;
        }
        tokens_into(l.span.slice(text), &mut cand.0);
        let covered = cand.intersection(tset) as f32 / tset.len() as f32;
        (similarity(&cand, tset) >= 0.6 && covered >= 0.7).then_some(i)
    })
}

/// The chosen headline: the line index, its span and attribution span.
pub(crate) struct Choice {
    pub line: usize,
    pub span: Span,
    pub attribution: Option<Span>,
}

/// Choose the headline among `lines[..limit]` of `text`. `webpage` says the text is a whole page
/// (a site name follows the title), not a clean article.
pub(crate) fn choose(
    text: &str,
    lines: &[Line],
    t: &Title,
    limit: usize,
    usable: &dyn Fn(usize) -> bool,
    webpage: bool,
) -> Option<Choice> {
    let first = lines.first()?;
    let title = first.span.slice(text);
    if first.words > 35 || (lines.len() == 1 && (first.ends_sentence || first.words >= 12)) {
        // the text starts with prose: no title line
        return None;
    }
    // the title without the site name (a page's), or the whole title and where its last
    // attribution starts
    let whole;
    let (cut, tset) = if webpage || t.cut == title.len() {
        (if webpage { t.cut } else { t.first_cut }, &t.words)
    } else {
        whole = tokens(title);
        (t.first_cut, &whole)
    };
    // parts of the title: "Site name: The headline", "Site - The headline"
    // (only needed when no line repeats the whole title: made on first use)
    let parts = once_cell::unsync::Lazy::new(|| -> Vec<WordSet> {
        title
            .split(" | ")
            .flat_map(|p| p.split(" - "))
            .flat_map(|p| p.split(": "))
            .map(tokens)
            .filter(|t| t.len() >= 2 && t != tset)
            .collect()
    });
    let mut best: Option<(f32, usize)> = None;
    let mut cand = WordSet(Vec::new());
    for pass in 0..2 {
        for (i, l) in lines.iter().enumerate().take(limit.min(lines.len())).skip(1) {
            if !usable(i) || !(2..=40).contains(&l.words) || (l.ends_sentence && l.words >= 10) {
                continue;
            }
            tokens_into(l.span.slice(text), &mut cand.0);
            let cand = &cand;
            let ok = |target: &WordSet, min_sim: f32, min_cov: f32| {
                let covered = cand.intersection(target) as f32 / target.len().max(1) as f32;
                let sim = similarity(cand, target);
                (sim >= min_sim && covered >= min_cov).then_some(sim)
            };
            let sim = if pass == 0 { ok(tset, 0.5, 0.6) } else { parts.iter().find_map(|p| ok(p, 0.85, 0.8)) };
            // the title's own wording, letter for letter, beats a variant
            let sim = sim.map(|x| if title.contains(l.span.slice(text)) { x + 0.1 } else { x });
            if let Some(sim) = sim {
                if best.map_or(true, |(b, _)| sim >= b - 0.05) {
                    best = Some((sim, i));
                }
            }
        }
        if best.is_some() {
            break;
        }
    }
    if let Some((_, i)) = best {
        let l = &lines[i];
        // the title glued to the text after it ("The Headline Welcome to ..."): the title's part
        let cand = l.span.slice(text);
        let core = title.get(..cut).unwrap_or(title).trim();
        let span = if core.split_whitespace().count() >= 3
            && cand.len() > core.len()
            && cand.starts_with(core)
            && cand.get(core.len()..).is_some_and(|rest| {
                // text after it, not a separator and the rest of the title
                let mut cs = rest.chars();
                cs.next() == Some(' ') && cs.next().is_some_and(char::is_uppercase)
            }) {
            Span::new(l.span.start, l.span.start + core.len())
        } else {
            l.span
        };
        return Some(Choice { line: i, span, attribution: None });
    }
    // no repeat of the title: a site name after " | " goes, an attribution after a dash stays
    if webpage && title.get(..cut).is_some_and(|c| c.len() < title.len()) {
        if let Some(bar) = title.rfind(" | ").filter(|&i| i >= 10) {
            let end = first.span.start + title[..bar].trim_end().len();
            return Some(Choice { line: 0, span: Span::new(first.span.start, end), attribution: None });
        }
    }
    let attribution = t.last.map(|(_, a)| Span::new(first.span.start + a, first.span.end));
    Some(Choice { line: 0, span: first.span, attribution })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_words_hash_as_strings() {
        for s in ["The U.S. Senate's vote - 2024", "  a  B1 c-d_e ", "", "Caf\u{e9} caf\u{c9}", "x"] {
            assert_eq!(tokens(s), plain_tokens(s), "{s}");
        }
    }

    /// The word set of `s` by plain string operations: its alphanumeric runs, lower-cased,
    /// hashed, sorted and deduplicated (the reference for [`tokens`]).
    fn plain_tokens(s: &str) -> WordSet {
        let mut want: Vec<u64> = s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| fnv(w.to_lowercase().as_bytes()))
            .collect();
        want.sort_unstable();
        want.dedup();
        WordSet(want)
    }

    /// [`split_attribution`] with each separator's last place found by `str::rfind`.
    fn split_attribution_by_rfind(line: &str) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for sep in SEPARATORS {
            if let Some(i) = line.rfind(sep) {
                if attribution_after(line, i, sep) && best.map_or(true, |(b, _)| i > b) {
                    best = Some((i, i + sep.len()));
                }
            }
        }
        best
    }

    proptest::proptest! {
        #[test]
        fn ascii_words_hash_as_lower_cased_strings(s in "[ -~\t]{0,60}") {
            proptest::prop_assert_eq!(tokens(&s), plain_tokens(&s));
        }

        #[test]
        fn attribution_agrees_with_rfind(line in "[A-Za-z |:/\\-\u{2013}\u{2014}]{0,60}") {
            proptest::prop_assert_eq!(split_attribution(&line), split_attribution_by_rfind(&line));
        }
    }

    #[test]
    fn attribution() {
        let l = "US Using Pressure on Balkans - Foreign Ministry";
        let (t, a) = split_attribution(l).unwrap();
        assert_eq!(&l[..t], "US Using Pressure on Balkans");
        assert_eq!(&l[a..], "Foreign Ministry");
        assert!(split_attribution("A plain headline").is_none());
        for sep in SEPARATORS {
            let l = format!("A headline long enough{sep}Some Agency");
            assert_eq!(split_attribution(&l), Some((22, 22 + sep.len())), "{sep}");
        }
    }
}
