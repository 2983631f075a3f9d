//! Line patterns: boilerplate (page furniture), related-article links, photo credits.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use once_cell::sync::Lazy;
use regex::Regex;

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

static EXACT: Lazy<foldhash::HashSet<&'static str>> =
    Lazy::new(|| data_lines(include_str!("../data/boilerplate-exact.txt")).collect());

/// The boilerplate phrases, lower-cased, with their word limits (a phrase marks a line as
/// furniture when the line has at most as many words as its limit).
fn phrase_list() -> Vec<(String, usize)> {
    data_lines(include_str!("../data/boilerplate-phrases.txt"))
        .map(|l| match l.rsplit_once('|') {
            Some((p, n)) => (p, n.parse().unwrap_or(12)),
            None => (l, 12),
        })
        .map(|(p, n)| (p.to_ascii_lowercase(), n))
        .collect()
}

/// The boilerplate phrases, as searchers by word limit: each distinct limit `n` has one
/// searcher over the phrases whose limit is at least `n`, and a line is searched once, by the
/// searcher of the smallest limit not below its word count. The phrases are ASCII-lower-cased
/// and searched in the line ASCII-lower-cased (see [`phrase_match`]): the same matches as a
/// case-insensitive search, while a case-sensitive searcher can use SIMD literal search.
static PHRASES: Lazy<Vec<PhraseSet>> = Lazy::new(|| {
    let list = phrase_list();
    let mut limits: Vec<usize> = list.iter().map(|(_, n)| *n).collect();
    limits.sort_unstable();
    limits.dedup();
    limits
        .into_iter()
        .map(|limit| {
            let phrases: Vec<&str> = list.iter().filter(|(_, m)| *m >= limit).map(|(p, _)| p.as_str()).collect();
            let search = PhraseSearch::new(&phrases);
            let common = common_substring(&phrases)
                .filter(|c| c.len() >= 4)
                .map(|c| memchr::memmem::Finder::new(c.as_bytes()).into_owned());
            PhraseSet { limit, search, common }
        })
        .collect()
});

/// The phrases of one word limit: those whose limit is at least `limit`.
struct PhraseSet {
    limit: usize,
    search: PhraseSearch,
    /// A substring of every phrase (when there is one of at least 4 bytes): a line without it
    /// holds none of them.
    common: Option<memchr::memmem::Finder<'static>>,
}

/// A search for any of a set of phrases: a packed (SIMD, Teddy) searcher where the machine
/// has one and the set is small enough for it (its candidates are checked against the
/// phrases directly, not by walking an automaton: about half the instructions on news text),
/// else an Aho-Corasick automaton.
enum PhraseSearch {
    Packed(aho_corasick::packed::Searcher),
    /// The automaton, behind a gate of one anchor per phrase (none when a phrase is shorter
    /// than an anchor).
    Automaton(Option<AnchorGate>, AhoCorasick),
}

/// English letters from the most to the least frequent (a general ranking of the language's
/// letters): a phrase's rarest [`ANCHOR_BYTES`] adjacent bytes by it are its anchor in an
/// [`AnchorGate`].
const LETTERS_BY_FREQUENCY: &[u8; 26] = b"etaoinshrdlcumwfgypbvkjxqz";

/// The rank of a byte in [`LETTERS_BY_FREQUENCY`] (1 for the most frequent letter, 0 for bytes
/// other than lower-case letters).
fn rarity(b: u8) -> usize {
    LETTERS_BY_FREQUENCY.iter().position(|&l| l == b).map_or(0, |i| i + 1)
}

/// A gate before a phrase automaton: [`ANCHOR_BYTES`] adjacent bytes of each phrase (its
/// rarest by [`rarity`]), as bits by a hash of the bytes; a text without any of these anchors
/// holds none of the phrases (each phrase holds its anchor), and is not searched.
struct AnchorGate {
    bits: Box<[u64; GATE_WORDS]>,
}

/// The bytes of an anchor: four, one `u32` (three let through most lines of news text).
const ANCHOR_BYTES: usize = 4;
const _: () = assert!(ANCHOR_BYTES * 8 == u32::BITS as usize);

/// The words of an [`AnchorGate`]'s bits (2^16 bits).
const GATE_WORDS: usize = 1 << 10;

impl AnchorGate {
    /// The gate of `phrases`, `None` when one of them is shorter than an anchor.
    fn new(phrases: &[&str]) -> Option<Self> {
        let mut bits = Box::new([0u64; GATE_WORDS]);
        for p in phrases {
            let anchor =
                p.as_bytes().windows(ANCHOR_BYTES).max_by_key(|w| w.iter().map(|&b| rarity(b)).sum::<usize>())?;
            let i = Self::index(anchor.iter().fold(0, |t, &b| t << 8 | u32::from(b)));
            if let Some(w) = bits.get_mut(i >> 6) {
                *w |= 1u64 << (i & 63);
            }
        }
        Some(AnchorGate { bits })
    }

    /// The bit of the anchor `t` (its bytes from the high to the low byte).
    #[inline]
    fn index(t: u32) -> usize {
        (t.wrapping_mul(0x9E37_79B1) >> 16) as usize
    }

    /// Whether `hay` holds one of the anchors (so may hold one of the phrases).
    fn may_match(&self, hay: &[u8]) -> bool {
        let mut t = 0u32;
        hay.iter().enumerate().any(|(n, &b)| {
            t = t << 8 | u32::from(b);
            let i = Self::index(t);
            n + 1 >= ANCHOR_BYTES && self.bits.get(i >> 6).is_some_and(|w| w & (1u64 << (i & 63)) != 0)
        })
    }
}

impl PhraseSearch {
    /// The search for `phrases` (not empty).
    fn new(phrases: &[&str]) -> Self {
        // leftmost-first: whether a line has a match does not depend on the match kind, and
        // this kind is the one the packed searcher, and the automaton's packed prefilter, take
        let packed = aho_corasick::packed::Config::new()
            .match_kind(aho_corasick::packed::MatchKind::LeftmostFirst)
            .builder()
            .extend(phrases)
            .build();
        match packed {
            Some(p) => PhraseSearch::Packed(p),
            None => PhraseSearch::Automaton(AnchorGate::new(phrases), phrase_automaton(phrases)),
        }
    }

    /// Whether any of the phrases occurs in `hay`.
    fn is_match(&self, hay: &[u8]) -> bool {
        match self {
            PhraseSearch::Packed(p) => p.find(hay).is_some(),
            PhraseSearch::Automaton(gate, ac) => gate.as_ref().map_or(true, |g| g.may_match(hay)) && ac.is_match(hay),
        }
    }
}

/// The Aho-Corasick automaton of `phrases` (leftmost-first, with a packed literal prefilter).
fn phrase_automaton(phrases: &[&str]) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(phrases)
        .expect("phrase automaton")
}

/// The longest substring of the first of the shortest of `phrases` that every phrase contains.
fn common_substring<'a>(phrases: &[&'a str]) -> Option<&'a str> {
    let shortest = *phrases.iter().min_by_key(|p| p.len())?;
    let n = shortest.len();
    (1..=n).rev().find_map(|len| {
        (0..=n - len).filter_map(|a| shortest.get(a..a + len)).find(|sub| phrases.iter().all(|p| p.contains(sub)))
    })
}

/// Lines up to this many bytes are lower-cased on the stack for [`phrase_match`].
const STACK_LINE: usize = 1024;

/// True when a boilerplate phrase whose limit is at least `words` occurs in `line`, in any ASCII
/// case.
fn phrase_match(line: &str, words: usize) -> bool {
    let Some(set) = PHRASES.iter().find(|p| words <= p.limit) else { return false };
    let mut stack = [0u8; STACK_LINE];
    let mut heap = Vec::new();
    let lower: &mut [u8] = match stack.get_mut(..line.len()) {
        Some(s) => s,
        None => {
            heap.resize(line.len(), 0);
            &mut heap
        }
    };
    lower.copy_from_slice(line.as_bytes());
    lower.make_ascii_lowercase();
    set.common.as_ref().map_or(true, |f| f.find(lower).is_some()) && set.search.is_match(lower)
}

/// The related-link prefixes.
fn related_prefixes() -> impl Iterator<Item = &'static str> {
    data_lines(include_str!("../data/related-prefixes.txt"))
}

/// The related-link prefixes by the first byte of the lines they can start (their first byte
/// in either ASCII case): a line is compared with the few that start like it.
static RELATED: Lazy<Vec<Vec<&'static str>>> = Lazy::new(|| {
    let mut by_first = vec![Vec::new(); 256];
    for p in related_prefixes() {
        let Some(&b) = p.as_bytes().first() else { continue };
        let mut cases = [b, b.to_ascii_lowercase(), b.to_ascii_uppercase()];
        cases.sort_unstable();
        let mut last = None;
        for c in cases {
            if last != Some(c) {
                if let Some(list) = by_first.get_mut(usize::from(c)) {
                    list.push(p);
                }
            }
            last = Some(c);
        }
    }
    by_first
});

/// Counters, share counts, time-ago stamps and other furniture shapes (whole line). Bounded
/// repetitions of Unicode classes are kept out of the regexes (they make big automata): the
/// copyright footer and the reader-poll widget are checked in code around small regexes.
static FURNITURE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?xi)^(?:
            [0-9][0-9,.]*\s*[km]?\s*(?:comments?|shares?|views?|likes?|replies|reactions)?
          | [0-9]+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?)\s*(?:ago|read)
          | (?:photo|image|video|gallery)\s*[0-9]+\s*(?:of|/)\s*[0-9]+
        )$",
    )
    .expect("furniture regex")
});

/// The start of a copyright footer.
static COPYRIGHT_START: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^(?:©|\(c\)|copyright(?-u:\b))").expect("copyright start regex"));

/// The end of a copyright footer: a year or a company word.
static COPYRIGHT_END: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:[0-9]{4}|rights|reserved|ltd|inc|llc|media|group|news)$").expect("copyright end regex")
});

/// "73% of readers think this story is Fact" widgets.
static READER_POLL: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)%\s+of\s+readers\s+think").expect("reader poll regex"));

/// Number of characters of `s`.
fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// A whole-line furniture shape: counters, time-ago stamps, lines without a letter or digit,
/// copyright footers ("© 2024 Example Media"), reader polls.
fn furniture_shape(line: &str) -> bool {
    if line.chars().all(|c| c == '_' || !c.is_alphanumeric()) {
        return true;
    }
    // each regex only where its first byte can match: a counter or stamp starts with a digit or
    // "photo", "image", "video", "gallery"; a footer with "©" (0xC2 0xA9), "(c)" or "copyright"
    // (no other character folds to these letters)
    let first = line.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
    if (first.is_ascii_digit() || matches!(first, b'p' | b'i' | b'v' | b'g')) && FURNITURE.is_match(line) {
        return true;
    }
    // "©", "(c)" or "copyright", at most 200 characters, and a year or company word at the end
    if matches!(first, 0xC2 | b'(' | b'c') {
        if let Some((a, z)) = COPYRIGHT_START.find(line).and_then(|a| Some((a, COPYRIGHT_END.find(line)?))) {
            if a.end() <= z.start() && line.get(a.end()..z.start()).is_some_and(|m| char_len(m) <= 200) {
                return true;
            }
        }
    }
    memchr::memchr(b'%', line.as_bytes()).is_some()
        && READER_POLL.find(line).is_some_and(|m| line.get(..m.start()).is_some_and(|h| char_len(h) <= 40))
}

/// A copyright footer rather than a photo credit.
static COPYRIGHT_FOOTER: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)rights reserved|all rights|©\s*(?:19|20)\d\d").expect("copyright regex"));

/// Separators of menu items.
const MENU_SEPARATORS: [char; 5] = ['|', '•', '·', '>', '»'];

/// A line made of short menu items separated by "|", "•", "·", ">" or "»": at least two
/// separators, every item before the last 1 to 30 characters, the last at most 30.
fn is_menu(line: &str) -> bool {
    // every separator is "|", ">" or starts with the byte 0xC2 ("·", "»") or 0xE2 ("•"): a line
    // without these bytes (most lines) has none, and is no menu
    let b = line.as_bytes();
    (memchr::memchr3(b'|', b'>', 0xC2, b).is_some() || memchr::memchr(0xE2, b).is_some()) && menu_items(line)
}

/// [`is_menu`] on the line's items.
fn menu_items(line: &str) -> bool {
    let mut items = line.split(MENU_SEPARATORS);
    let Some(mut prev) = items.next() else { return false };
    let mut seps = 0;
    for item in items {
        // an item before a separator: not empty, at most 30 characters besides spaces around it
        if prev.is_empty() || char_len(prev.trim()) > 30 {
            return false;
        }
        seps += 1;
        prev = item;
    }
    seps >= 2 && char_len(prev.trim_start()) <= 30
}

/// Photo credits: "© Sputnik / Stringer", "Photo: AP", "(Getty Images)", "Image credit: ...":
/// the start of the line, then the rest checked for length in [`is_credit`].
static CREDIT_START: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?xi)^(?:
            (?P<copy>©)
          | (?P<label>(?:photo|picture|image|photograph|illustration|video)s?\s*(?:credit)?\s*(?::|by(?-u:\b))\s*
                     | (?:credit|source)\s*:\s*)
          | (?P<agency>\(?(?:getty\s+images|ap\s+photo|reuters|afp|shutterstock|istock))
        )",
    )
    .expect("credit regex")
});

/// The end of a glued credit: "... / Go to the mediabank" followed directly by the caption.
static GLUED_CREDIT: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^©.+?(?:mediabank|media bank|photo bank|image bank)").expect("glued credit regex"));

/// ASCII lines up to this many bytes are lower-cased on the stack for [`with_lower_key`].
const KEY_STACK: usize = 128;

/// `f` of the key of a whole-line phrase: `line` lower-cased, without trailing ":", ".", "!",
/// ">", "»", "›", " ", "|", "-", "+" and then leading "<", "«", "‹", " ", "|", "-", "+", "#"
/// ("Follow us:" -> "follow us"). ASCII lines (nearly all short ones) are lower-cased in a
/// buffer on the stack, others by `str::to_lowercase`.
fn with_lower_key<R>(line: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; KEY_STACK];
    if line.is_ascii() {
        if let Some(b) = buf.get_mut(..line.len()) {
            b.copy_from_slice(line.as_bytes());
            b.make_ascii_lowercase();
            if let Ok(s) = std::str::from_utf8(b) {
                return f(trim_key(s));
            }
        }
    }
    f(trim_key(&line.to_lowercase()))
}

/// A lower-cased line without the marks around it that [`with_lower_key`] drops.
fn trim_key(s: &str) -> &str {
    s.trim_end_matches([':', '.', '!', '>', '»', '›', ' ', '|', '-', '+'])
        .trim_start_matches(['<', '«', '‹', ' ', '|', '-', '+', '#'])
}

/// The rule name when `line` (with `words` tokens) is page furniture.
pub(crate) fn boilerplate_rule(line: &str, words: usize) -> Option<&'static str> {
    if words <= 6 && with_lower_key(line, |k| EXACT.contains(k)) {
        return Some("boilerplate_word");
    }
    if line.len() <= 400 && furniture_shape(line) {
        return Some("furniture_shape");
    }
    if words <= 80 && phrase_match(line, words) {
        return Some("boilerplate_phrase");
    }
    if words >= 3 && line.len() <= 300 && !line.ends_with('.') && is_menu(line) {
        return Some("menu_line");
    }
    None
}

/// Function words that headline-style capitalisation writes with a capital ("Bill At Troy").
const TITLE_FUNCTION_WORDS: [&str; 24] = [
    "At", "In", "To", "For", "Of", "On", "With", "Without", "About", "After", "Before", "Over", "Into", "From", "By",
    "As", "Is", "Are", "And", "The", "A", "An", "Your", "Its",
];

/// A teaser: a headline in title case glued to its summary ("Customers Leave Without Paying Bill
/// At Steakhouse A party of six left..."): the first six tokens capitalised, one of them a
/// capitalised function word, and the line going on after them.
pub(crate) fn is_teaser(line: &str) -> bool {
    may_be_teaser(line.as_bytes()) && teaser_tokens(line)
}

/// A test every teaser passes, on bytes (most lines fail it within their first two words):
/// each of the first six tokens starts with a capital, a digit, "$", "'" or '"'. Decides
/// nothing (true) at the first non-ASCII byte, which may be a capital or a space.
fn may_be_teaser(b: &[u8]) -> bool {
    let mut i = 0;
    for _ in 0..6 {
        while b.get(i).is_some_and(u8::is_ascii_whitespace) || b.get(i) == Some(&0x0B) {
            i += 1;
        }
        match b.get(i) {
            // fewer than six tokens
            None => return false,
            Some(&c) if c >= 0x80 => return true,
            Some(&c) if !(c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, b'$' | b'\'' | b'"')) => {
                return false
            }
            Some(_) => {}
        }
        while let Some(&c) = b.get(i) {
            if c >= 0x80 {
                return true;
            }
            if c.is_ascii_whitespace() || c == 0x0B {
                break;
            }
            i += 1;
        }
    }
    true
}

/// [`is_teaser`] on the line's tokens.
fn teaser_tokens(line: &str) -> bool {
    let cap = |t: &str| {
        t.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '$' || c == '\'' || c == '"')
    };
    let mut buf = [""; 12];
    let mut n = 0;
    for (slot, t) in buf.iter_mut().zip(line.split_whitespace()) {
        // a token that is not capitalised among the first six: no teaser (most lines stop here)
        if n < 6 && !cap(t) {
            return false;
        }
        *slot = t;
        n += 1;
    }
    let toks = &buf[..n];
    if toks.len() < 10 {
        return false;
    }
    let lead = toks.iter().take_while(|t| cap(t)).count();
    lead >= 6 && lead < toks.len() && toks[1..lead].iter().any(|t| TITLE_FUNCTION_WORDS.contains(t))
}

/// Headers of lists of links to other articles, as whole lines (lower case).
const RELATED_HEADERS: [&str; 12] = [
    "related",
    "related coverage",
    "related stories",
    "related articles",
    "related content",
    "related posts",
    "related news",
    "more on this",
    "more on this story",
    "see also",
    "also read",
    "you may also like",
];

/// True when `line` is a header over links to other articles ("Related Coverage").
pub(crate) fn is_related_header(line: &str) -> bool {
    line.len() <= 40 && with_lower_key(line, |k| RELATED_HEADERS.contains(&k))
}

/// True when `line` introduces a related article ("READ MORE: ...").
pub(crate) fn is_related(line: &str) -> bool {
    if line.len() > 300 {
        return false;
    }
    let b = line.as_bytes();
    // most lines start with a byte no prefix starts with
    let Some(prefixes) = b.first().and_then(|&c| RELATED.get(usize::from(c))) else { return false };
    prefixes.iter().any(|p| {
        b.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
            && (p.ends_with([':', '-']) || line.len() > p.len())
    })
}

/// True when the whole line is a photo credit.
pub(crate) fn is_credit(line: &str) -> bool {
    if line.len() > 160 {
        return false;
    }
    // the regex only where its first byte can match (most lines start otherwise), the captures
    // only on a match
    if !may_start_credit(line) || !CREDIT_START.is_match(line) {
        return false;
    }
    let Some(c) = CREDIT_START.captures(line) else { return false };
    let rest = |m: regex::Match| line.get(m.end()..).unwrap_or("");
    let ok = if let Some(m) = c.name("copy") {
        copyright_credit(rest(m))
    } else if let Some(m) = c.name("label") {
        (1..=80).contains(&char_len(rest(m)))
    } else if let Some(m) = c.name("agency") {
        let r = rest(m);
        let n = char_len(r);
        n <= 40 || n == 41 && r.ends_with(')')
    } else {
        false
    };
    ok && !COPYRIGHT_FOOTER.is_match(line)
}

/// True when `line` starts with a byte that can start a [`CREDIT_START`] match: "©" (0xC2),
/// "(", the first letter of one of its words in either case, or 0xC5 ("ſ", which the regex's
/// case-insensitive matching folds to "s"; no other character folds to these letters).
fn may_start_credit(line: &str) -> bool {
    line.as_bytes().first().is_some_and(|&b| {
        matches!(b.to_ascii_lowercase(), 0xC2 | 0xC5 | b'(' | b'p' | b'i' | b'v' | b'c' | b's' | b'g' | b'a' | b'r')
    })
}

/// The rest of a "©" credit: a name of 1 to 80 characters, then up to three "/ ..." parts of at
/// most 40 characters each ("© Sputnik / Stringer / Go to the mediabank").
fn copyright_credit(rest: &str) -> bool {
    let mut head = rest.trim_start();
    for _ in 0..=3 {
        if (1..=80).contains(&char_len(head)) {
            return true;
        }
        let Some(i) = head.rfind('/') else { return false };
        let part = head.get(i + 1..).unwrap_or("");
        if !(1..=40).contains(&char_len(part)) {
            return false;
        }
        head = head.get(..i).unwrap_or("");
    }
    false
}

/// Length in bytes of a credit glued to the start of a caption on the same line.
pub(crate) fn glued_credit(line: &str) -> Option<usize> {
    if !line.starts_with('©') {
        return None;
    }
    let m = GLUED_CREDIT.find(line)?;
    // at most 120 characters between the "©" and the bank's name
    let bank = ["mediabank", "media bank", "photo bank", "image bank"].iter().find(|b| m.as_str().ends_with(*b))?;
    let between = line.get('©'.len_utf8()..m.end() - bank.len())?;
    (char_len(between) <= 120 && m.end() < line.len()).then_some(m.end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture() {
        assert!(boilerplate_rule("Subscribe", 1).is_some());
        assert!(boilerplate_rule("Sign up for our daily newsletter", 6).is_some());
        assert!(boilerplate_rule("© 2024 Example Media Ltd. All rights reserved.", 8).is_some());
        assert!(boilerplate_rule("Home | World | Business | Sport", 7).is_some());
        assert!(boilerplate_rule("42 comments", 2).is_some());
        assert!(boilerplate_rule("The council voted on the plan on Tuesday.", 8).is_none());
    }

    #[test]
    fn common_substrings() {
        assert_eq!(common_substring(&["uses cookies", "of cookies", "cookie policy"]), Some("cookie"));
        assert_eq!(common_substring(&["abc", "xyz"]), None);
        assert_eq!(common_substring(&[]), None);
        // the longest limit's phrases share one, and the search finds them
        assert!(PHRASES.iter().any(|p| p.common.is_some()));
        assert!(phrase_match("This site uses Cookies to give you the best experience", 9));
        assert!(phrase_match("This site uses Cookies to give you the best experience", 50));
        assert!(!phrase_match("This site uses biscuits to give you the best experience", 50));
    }

    #[test]
    fn related_and_credits() {
        assert!(is_teaser(
            "Town Council Votes To Build New Bridge Over River The council agreed on Tuesday to fund it."
        ));
        assert!(!is_teaser("The council agreed on Tuesday to build a new bridge over the river in town."));
        assert!(is_related("READ MORE: Some other story"));
        assert!(is_related_header("Related Coverage"));
        assert!(!is_related_header("Related work on bridges began in May."));
        assert!(is_related("Related: A story"));
        assert!(!is_related("Readers were angry."));
        assert!(is_credit("© Example / Photographer"));
        assert!(is_credit("Photo: Jane Roe/Example Agency"));
        assert_eq!(glued_credit("© Agency / Go to the mediabankA caption."), Some(31));
    }

    /// The key of [`with_lower_key`], as a string, the plain way.
    fn lower_key(line: &str) -> String {
        let mut s = line.to_lowercase();
        while s.ends_with([':', '.', '!', '>', '»', '›', ' ', '|', '-', '+']) {
            s.pop();
        }
        while s.starts_with(['<', '«', '‹', ' ', '|', '-', '+', '#']) {
            s.remove(0);
        }
        s
    }

    #[test]
    fn keys_of_whole_lines() {
        for (line, key) in [
            ("Follow us:", "follow us"),
            ("  | Related Coverage >> ", "related coverage"),
            ("## SHARE THIS ARTICLE!", "share this article"),
            ("«Lire aussi»", "lire aussi"),
            ("ÉTÉ", "été"),
            ("-+-", ""),
        ] {
            assert_eq!(with_lower_key(line, str::to_string), key, "{line:?}");
            assert_eq!(lower_key(line), key, "{line:?}");
        }
        let long = "A".repeat(KEY_STACK + 1);
        assert_eq!(with_lower_key(&long, str::to_string), lower_key(&long));
    }

    /// `furniture_shape` without its first-byte tests: both must agree on any line.
    fn furniture_shape_unguarded(line: &str) -> bool {
        if line.chars().all(|c| c == '_' || !c.is_alphanumeric()) || FURNITURE.is_match(line) {
            return true;
        }
        if let Some((a, z)) = COPYRIGHT_START.find(line).and_then(|a| Some((a, COPYRIGHT_END.find(line)?))) {
            if a.end() <= z.start() && line.get(a.end()..z.start()).is_some_and(|m| char_len(m) <= 200) {
                return true;
            }
        }
        READER_POLL.find(line).is_some_and(|m| line.get(..m.start()).is_some_and(|h| char_len(h) <= 40))
    }

    /// [`phrase_match`] the plain way: a phrase whose limit is at least `words` in the line
    /// lower-cased.
    fn phrase_match_plain(line: &str, words: usize) -> bool {
        let lower = line.to_ascii_lowercase();
        phrase_list().iter().any(|(p, n)| words <= *n && lower.contains(p.as_str()))
    }

    #[test]
    fn phrase_searchers_agree() {
        // every phrase, in other cases and inside other text, found by the set's packed searcher
        // and by the automaton alike
        let list = phrase_list();
        for set in PHRASES.iter() {
            let phrases: Vec<&str> = list.iter().filter(|(_, m)| *m >= set.limit).map(|(p, _)| p.as_str()).collect();
            let ac = phrase_automaton(&phrases);
            for p in &phrases {
                for hay in [p.to_string(), format!("Xy {p}s and more"), p.to_uppercase(), p[1..].to_string()] {
                    let lower = hay.to_ascii_lowercase();
                    assert_eq!(set.search.is_match(lower.as_bytes()), ac.is_match(lower.as_bytes()), "{hay:?}");
                }
            }
        }
        assert!(PHRASES.iter().any(|s| matches!(s.search, PhraseSearch::Packed(_))) || !cfg!(target_arch = "x86_64"));
    }

    #[test]
    fn anchor_gate_lets_every_phrase_through() {
        let list = phrase_list();
        let phrases: Vec<&str> = list.iter().map(|(p, _)| p.as_str()).collect();
        let Some(gate) = AnchorGate::new(&phrases) else { panic!("a phrase shorter than an anchor") };
        for p in &phrases {
            for hay in [p.to_string(), format!("xy {p}s and more"), format!("\u{e9}{p}")] {
                assert!(gate.may_match(hay.as_bytes()), "{hay:?}");
            }
        }
        // too short for any anchor, or holding none of them
        assert!(!gate.may_match(b""));
        assert!(!gate.may_match(b"abc"));
        assert!(AnchorGate::new(&["abc"]).is_none());
        assert!(AnchorGate::new(&["jazz", "ad"]).is_none());
        let Some(few) = AnchorGate::new(&["jazz"]) else { panic!("no gate") };
        assert!(few.may_match(b"all that jazz") && !few.may_match(b"plain text here"));
    }

    proptest::proptest! {
        #[test]
        fn phrase_match_agrees_with_plain(
            line in r"((Sign|SUBSCRIBE|of|cookies|Cookie|up|for|to|the|news|letter|rights|ad|-|block|x|\u{e9}|views|read)[ ,.:]{0,2}){0,40}",
            words in 0usize..100,
        ) {
            proptest::prop_assert_eq!(phrase_match(&line, words), phrase_match_plain(&line, words));
        }

        #[test]
        fn teaser_test_keeps_teasers(line in "[ \t\x0b\u{a0}]{0,2}([A-Z$'\"0-9a-z\u{c9}\u{e9}][a-z.]{0,3}[ \t\x0b\u{a0}\u{2003}]{1,2}){0,13}") {
            proptest::prop_assert_eq!(is_teaser(&line), teaser_tokens(&line));
        }

        #[test]
        fn credit_guard_keeps_results(
            line in r"(©|\(|ſ|K|Photo|PICTURE|images|Video|credit|Source|Getty Images|AP photo|reuters|afp|ShutterStock|istock|x|T)?[ :a-zA-Z/©]{0,20}"
        ) {
            if CREDIT_START.is_match(&line) {
                proptest::prop_assert!(may_start_credit(&line), "{line}");
            }
        }

        #[test]
        fn related_buckets_keep_results(
            line in r"(Read|READ|read|Related|related|Also|see|More|more|Watch|listen|Video|Further|x|\u{e9})?( more| also| on this| story| reading| coverage|:| -|-| |[a-zA-Z]){0,5}"
        ) {
            let plain = line.len() <= 300
                && related_prefixes().any(|p| {
                    line.as_bytes().get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
                        && (p.ends_with([':', '-']) || line.len() > p.len())
                });
            proptest::prop_assert_eq!(is_related(&line), plain, "{}", line);
        }

        #[test]
        fn menu_guard_keeps_results(line in "([a-zA-Z ]{0,12}[|>\u{b7}\u{bb}\u{2022}\u{e9}\u{2014}]?){0,6}") {
            proptest::prop_assert_eq!(is_menu(&line), menu_items(&line));
        }

        #[test]
        fn stack_keys_agree(line in "[ a-zA-Z0-9:.!>|+#<-]{0,12}[\u{bb}\u{ab}\u{203a}\u{2039}\u{c9}\u{130}\u{3a3}]?[ a-zA-Z:.!>|+#<-]{0,140}") {
            proptest::prop_assert_eq!(with_lower_key(&line, str::to_string), lower_key(&line));
        }

        #[test]
        fn furniture_guards_keep_results(
            line in r"(©|\(c\)|\(C\)|Copyright|COPYRIGHT|copyright|Photo|IMAGE|video|Gallery|42|7 |x|ſ|K)?[ 0-9a-zA-Z%/,.©]{0,30}(ago|read|comments|Ltd|news|2024|% of readers think)?"
        ) {
            proptest::prop_assert_eq!(furniture_shape(&line), furniture_shape_unguarded(&line));
        }
    }
}
