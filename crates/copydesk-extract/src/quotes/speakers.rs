//! Speaker resolution within an article: a mention ("Kelin", "he", "the senior diplomat",
//! "Mr. Obama") becomes the full name introduced earlier ("Andrey Kelin").
//!
//! People are the capitalised name runs of the article (titles stripped); a surname resolves to
//! the most frequent full name ending in it, a pronoun to the first gender-compatible person of
//! the nearest preceding sentences (falling back on the last speaker), a role noun ("the
//! official") to the last person speaker. Organisations and documents stay as written; a
//! nearby "it" is the organisation or document that spoke last.

use super::lexicon::{
    core_word, determiner_words, is_determiner, is_org_word, is_role, is_title, lists, not_name_start, not_name_words,
    title_gender, Gender,
};
use super::name_runs;
use super::span_index::SpanIndex;
use super::ws::SplitWsExt;
use super::SpanExt;
#[cfg(test)]
use crate::ascii_scan::load_le;
use crate::ascii_scan::{find_first, in_range, HI};
use crate::{Context, Entity, EntityLabel, Sentence};
use copydesk_normalize::Span;
use copydesk_parse::BlockKind;
use foldhash::{HashMap, HashMapExt};
use once_cell::sync::Lazy;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Most people a role noun compares titles with.
const MAX_ROLE_CANDIDATES: usize = 500;
/// Farthest back (bytes) a pronoun looks for its person.
const PRONOUN_WINDOW: usize = 1500;
/// Farthest back (bytes) a titled full name takes a shared surname over from a person
/// mentioned more.
const REINTRO_WINDOW: usize = 600;
/// Most people sharing a surname or a first name that a look-up compares (the first named so,
/// in order of first mention). Keeps look-ups bounded on a text naming thousands of namesakes;
/// news never comes near it.
const MAX_NAMESAKES: usize = 64;

/// A person named in the article.
#[derive(Debug, Clone)]
struct Person<'a> {
    /// Full name without titles ("Andrey Kelin"), borrowed from the text where it is written so.
    name: Cow<'a, str>,
    /// Last token ("Kelin").
    last: &'a str,
    /// First token of a name of two or more tokens ("Andrey").
    given: Option<&'a str>,
    /// The next person with the same last token ([`NONE`] at the end).
    next_last: usize,
    /// The next person with the same first token ([`NONE`] at the end).
    next_given: usize,
    /// Where mentioned: `n_spans` spans from `spans_at` in [`Resolver::spans`], sorted by start
    /// (only counted while the resolver is built).
    spans_at: usize,
    /// How many mentions.
    n_spans: usize,
    /// Start of the earliest mention.
    first: usize,
    gender: Gender,
    /// Known to be a person (first name, title, PERSON entity, or quoted as a speaker).
    credible: bool,
    /// Titles the article gives the person, as written ("Sen.", "President"), one per
    /// [`title_key`]: the first `n_titles`.
    titles: [&'a str; MAX_TITLES],
    n_titles: u8,
}

/// Most titles kept per person.
const MAX_TITLES: usize = 4;

impl<'a> Person<'a> {
    /// A person not mentioned yet, without titles.
    fn new(name: Cow<'a, str>, last: &'a str, given: Option<&'a str>, gender: Gender, credible: bool) -> Self {
        Person {
            name,
            last,
            given,
            next_last: NONE,
            next_given: NONE,
            spans_at: 0,
            n_spans: 0,
            first: usize::MAX,
            gender,
            credible,
            titles: [""; MAX_TITLES],
            n_titles: 0,
        }
    }

    /// Has the article given this person the title `key` (a [`title_key`])?
    fn has_title(&self, key: &str) -> bool {
        self.titles[..usize::from(self.n_titles)].iter().any(|t| with_title_key(t, |k| k == key))
    }

    /// Is the title `t` (as written) none the person has, by [`title_key`]? A person without
    /// titles has no key to compare, and a title written as one kept is no new one: both
    /// answered without lowering them.
    fn title_is_new(&self, t: &str) -> bool {
        let n = usize::from(self.n_titles);
        n == 0 || !(self.titles[..n].contains(&t) || with_title_key(t, |k| self.has_title(k)))
    }

    /// Where the person is mentioned, sorted by start, out of the resolver's `spans`.
    fn spans<'s>(&self, spans: &'s [Span]) -> &'s [Span] {
        spans.get(self.spans_at..self.spans_at + self.n_spans).unwrap_or(&[])
    }
}

/// A name mention in text order.
#[derive(Debug, Clone, Copy)]
struct NameMention {
    span: Span,
    person: usize,
}

/// A mention by full name.
#[derive(Debug, Clone, Copy)]
struct FullMention {
    start: usize,
    person: usize,
    /// With a title before it ("Homeland Security Secretary Jon Lee").
    titled: bool,
}

/// Resolves speaker mentions of one article.
pub(crate) struct Resolver<'a> {
    text: &'a str,
    people: Vec<Person<'a>>,
    /// Full name -> person.
    by_name: HashMap<Cow<'a, str>, usize>,
    /// A token -> the people whose last token it is and those whose first token it is (of names
    /// of two or more tokens): one map for both, built and dropped once per article.
    by_token: HashMap<&'a str, Chains>,
    /// Name mentions sorted by start.
    mentions: Vec<NameMention>,
    /// The mentions of each person together ([`Person::spans`]).
    spans: Vec<Span>,
    /// Mentions by full name (two or more tokens) of the name runs, sorted by start.
    full_names: Vec<FullMention>,
    sentences: &'a [Sentence],
    /// PERSON entities of the article.
    persons: SpanIndex,
    /// ORG, LOC and NORP entities of the article.
    non_person: SpanIndex,
    last_speaker: Option<usize>,
    /// The last organisation or document speaker: (mention start, name), for a later "it".
    last_org: Option<(usize, &'a str)>,
    /// Speakers of attributions so far: (mention start, order of resolution) -> person.
    marks: Marks,
    /// The words of the name runs of a mention (kept from one mention to the next).
    run_toks: Vec<(usize, usize)>,
    /// The last tokens of the people ([`TokenBits`]): most words asked about are no one's,
    /// and are turned away without hashing.
    surnames: TokenBits,
}

/// The hash of a word as written that [`TokenBits`] and [`NameBits`] take their bits from (the
/// high ones): its bytes packed into one integer ([`pack`]), or its first and last eight bytes,
/// and its length, times a constant. One hash answers both sets for a lone word.
#[inline]
fn word_hash(w: &str) -> u64 {
    word_hash_packed(w, pack(w.as_bytes()))
}

/// [`word_hash`] of `w` with its bytes packed already (`packed` is `pack(w)`).
#[inline]
fn word_hash_packed(w: &str, packed: Option<u64>) -> u64 {
    let b = w.as_bytes();
    let n = b.len();
    let x = match packed {
        Some(x) => x,
        None => {
            let le8 =
                |i: usize| b.get(i..i + 8).and_then(|x| <[u8; 8]>::try_from(x).ok()).map_or(0, u64::from_le_bytes);
            le8(0) ^ le8(n.saturating_sub(8)).rotate_left(29)
        }
    };
    (x ^ ((n as u64) << 56)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// A set of `64 * WORDS` bits over words as written (`WORDS` a power of two): a word whose bit
/// is clear was never added. A word's bit is the top bits of its [`word_hash`], so one hash
/// answers sets of every size.
#[derive(Debug)]
struct HashBits<const WORDS: usize>([u64; WORDS]);

/// The last tokens of the people of an article (512 bits, kept in the resolver).
type TokenBits = HashBits<8>;

/// A word list's filter ([`FIRST_NAMES`], [`CASED_WORDS`]): 8,192 bits (1 KiB).
type NameBits = HashBits<128>;

impl<const WORDS: usize> Default for HashBits<WORDS> {
    fn default() -> Self {
        HashBits([0; WORDS])
    }
}

impl<const WORDS: usize> HashBits<WORDS> {
    /// The bit of a word whose [`word_hash`] is `h`: its top log2(64 * WORDS) bits.
    #[inline(always)]
    fn bit(h: u64) -> usize {
        (h >> (64 - (WORDS * 64).trailing_zeros())) as usize
    }

    /// Add `w`.
    fn add(&mut self, w: &str) {
        let k = Self::bit(word_hash(w));
        if let Some(x) = self.0.get_mut(k >> 6) {
            *x |= 1 << (k & 63);
        }
    }

    /// Might `w` have been added? (False only for words never added.)
    #[inline]
    fn may_hold(&self, w: &str) -> bool {
        self.may_hold_hash(word_hash(w))
    }

    /// Might the word whose [`word_hash`] is `h` have been added?
    #[inline(always)]
    fn may_hold_hash(&self, h: u64) -> bool {
        let k = Self::bit(h);
        self.0.get(k >> 6).is_some_and(|x| x >> (k & 63) & 1 != 0)
    }
}

/// End of a chain of people.
const NONE: usize = usize::MAX;

/// Speakers of attributions so far: (mention start, order of resolution) -> person. A list in
/// key order takes those that come in text order (nearly all); a tree takes the few that come
/// before the last (headline attributions, resolved last), so that adding one stays cheap.
#[derive(Debug, Default)]
struct Marks {
    /// In key order.
    sorted: Vec<((usize, usize), usize)>,
    /// Those that came before the last of `sorted`.
    late: BTreeMap<(usize, usize), usize>,
}

impl Marks {
    /// How many.
    fn len(&self) -> usize {
        self.sorted.len() + self.late.len()
    }

    /// Add person `p` at `key` (keys are distinct).
    fn insert(&mut self, key: (usize, usize), p: usize) {
        if self.sorted.last().map_or(true, |&(k, _)| k < key) {
            self.sorted.push((key, p));
        } else {
            self.late.insert(key, p);
        }
    }

    /// The person of the greatest key with a mention start in `lo..hi` that `ok` accepts.
    fn last_in(&self, lo: usize, hi: usize, ok: impl Fn(usize) -> bool) -> Option<usize> {
        if lo >= hi {
            return None;
        }
        let a = self.sorted.partition_point(|&(k, _)| k < (lo, 0));
        let b = self.sorted.partition_point(|&(k, _)| k < (hi, 0));
        let listed = self.sorted.get(a..b).unwrap_or(&[]).iter().rev().find(|&&(_, p)| ok(p)).copied();
        let late = self.late.range((lo, 0)..(hi, 0)).rev().find(|&(_, &p)| ok(p)).map(|(&k, &p)| (k, p));
        match (listed, late) {
            (Some(x), Some(y)) => Some(if x.0 > y.0 { x.1 } else { y.1 }),
            (x, y) => x.or(y).map(|(_, p)| p),
        }
    }
}

/// The chains of people through a token: the first and last person whose last token it is
/// (chained through `next_last`, in index order), and the same for first tokens (through
/// `next_given`); ([`NONE`], [`NONE`]) when there is none.
#[derive(Debug, Clone, Copy)]
struct Chains {
    last: (usize, usize),
    first: (usize, usize),
}

/// A token no person has yet.
const NO_CHAINS: Chains = Chains { last: (NONE, NONE), first: (NONE, NONE) };

/// Put person `i` at the end of the chain `c` (its first and last person, [`NONE`] when empty);
/// returns the former last person, whose link must now point at `i`.
fn chain_push(c: &mut (usize, usize), i: usize) -> Option<usize> {
    match c.1 {
        NONE => {
            *c = (i, i);
            None
        }
        tail => {
            c.1 = i;
            Some(tail)
        }
    }
}

/// A name run of the article that may name someone by one word, in text order (small: the
/// stripped names are kept apart).
#[derive(Debug, Clone, Copy)]
enum Run {
    /// A run of two or more words whose name, titles stripped, is one word: the index of its
    /// span and name among the names of [`Resolver::new`].
    Name(usize),
    /// A single capitalised word, checked later.
    Word {
        span: Span,
        /// Start of its sentence.
        sentence: usize,
    },
}

/// Most tokens of a person's name (longer runs are no person).
const MAX_NAME_TOKENS: usize = 5;

/// A name run with its titles stripped.
#[derive(Debug, Clone, Copy)]
struct Stripped<'a> {
    toks: [&'a str; MAX_NAME_TOKENS],
    len: usize,
    /// More tokens than [`MAX_NAME_TOKENS`] after the last title.
    overflow: bool,
    /// The gender a title implies.
    gender: Gender,
    /// The last title word before the name ("Sen.", "President"), if any.
    title: Option<&'a str>,
}

impl<'a> Stripped<'a> {
    /// The name tokens.
    fn toks(&self) -> &[&'a str] {
        &self.toks[..self.len]
    }

    /// Does the stripped run look like a person's name?
    fn person_like(&self) -> bool {
        !self.overflow && person_like(self.toks())
    }

    /// Did a title that only stands before people ("Mr.", "Sen.", "President") open the name?
    fn person_title(&self) -> bool {
        self.title.is_some_and(|t| t.ends_with('.') || title_gender(t) != Gender::Unknown || is_role(t))
    }

    /// Drop the first token.
    fn drop_first(&mut self) {
        if self.len > 0 {
            self.toks.copy_within(1..self.len, 0);
            self.len -= 1;
        }
    }

    /// The name tokens joined by spaces into `buf` (cleared first): the plain form of
    /// [`Resolver::name_of`].
    #[cfg(test)]
    fn join_into<'b>(&self, buf: &'b mut String) -> &'b str {
        buf.clear();
        for (i, t) in self.toks().iter().enumerate() {
            if i > 0 {
                buf.push(' ');
            }
            buf.push_str(t);
        }
        buf.as_str()
    }
}

/// Bits of [`word_bits`]: a title word ...
const W_TITLE: u8 = 1;
/// ... a determiner ...
const W_DET: u8 = 1 << 1;
/// ... a word that opens no name ([`not_name_start`]'s list) ...
const W_NOT_NAME: u8 = 1 << 2;
/// ... and the gender a title implies.
const W_MALE: u8 = 1 << 3;
const W_FEMALE: u8 = 1 << 4;

/// The title, determiner and not-a-name words in lower case, Capitalised and UPPER case, with
/// their [`word_bits`]: names are written in one of these, so one probe answers for a token
/// without lowering it.
static CASED_WORDS: Lazy<CasedWords> = Lazy::new(|| {
    let mut m: HashMap<String, u8> = HashMap::new();
    let mut add = |w: &str, bits: u8| {
        let lower = w.to_lowercase();
        let mut cap = String::new();
        let mut cs = lower.chars();
        if let Some(c) = cs.next() {
            cap.extend(c.to_uppercase());
            cap.push_str(cs.as_str());
        }
        let upper = w.to_uppercase();
        for k in [lower, cap, upper] {
            *m.entry(k).or_insert(0) |= bits;
        }
    };
    let titles = include_str!("../../data/person_titles.txt");
    for w in titles.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let g = match title_gender(w) {
            Gender::Male => W_MALE,
            Gender::Female => W_FEMALE,
            Gender::Unknown => 0,
        };
        add(w, W_TITLE | g);
    }
    for w in determiner_words() {
        add(w, W_DET);
    }
    for w in not_name_words() {
        add(w, W_NOT_NAME);
    }
    let mut filter = NameBits::default();
    for k in m.keys() {
        filter.add(k);
    }
    let short = PackedMap::new(m.iter().map(|(k, &v)| (k.as_str(), v)), 0);
    CasedWords { map: m, filter, short }
});

/// The words of [`CASED_WORDS`] with a quick test that turns most other words away unhashed.
struct CasedWords {
    map: HashMap<String, u8>,
    /// One bit per word.
    filter: NameBits,
    /// The words of one to eight bytes, found without hashing.
    short: PackedMap<u8>,
}

impl CasedWords {
    /// The bits of `w` (0 when not listed). The filter is inlined into the caller; only the
    /// few words it lets through pay for the call that hashes them.
    #[inline(always)]
    fn get(&self, w: &str) -> u8 {
        self.get_packed(w, pack(w.as_bytes()))
    }

    /// [`Self::get`] with the bytes of `w` packed already (`packed` is `pack(w)`).
    #[inline(always)]
    fn get_packed(&self, w: &str, packed: Option<u64>) -> u8 {
        if !self.filter.may_hold_hash(word_hash_packed(w, packed)) {
            return 0;
        }
        self.get_listed_packed(w, packed)
    }

    /// [`Self::get`] past the filter.
    #[cfg(test)]
    fn get_listed(&self, w: &str) -> u8 {
        self.get_listed_packed(w, pack(w.as_bytes()))
    }

    /// [`Self::get_packed`] past the filter.
    #[inline(never)]
    fn get_listed_packed(&self, w: &str, packed: Option<u64>) -> u8 {
        match packed {
            Some(x) => self.short.get(x, w.len()).unwrap_or(0),
            None => self.map.get(w).copied().unwrap_or(0),
        }
    }
}

/// Is `w` ASCII in lower case, UPPER case or Capitalised (letters only counted)? Words of up to
/// eight bytes are tested as one integer.
#[cfg(test)]
fn plain_case(w: &str) -> bool {
    plain_case_packed(w, pack(w.as_bytes()))
}

/// [`plain_case`] with the bytes of `w` packed already (`packed` is `pack(w)`).
#[inline]
fn plain_case_packed(w: &str, packed: Option<u64>) -> bool {
    if let Some(x) = packed {
        if x & HI != 0 {
            return false;
        }
        // Upper case after the first byte (the padding is neither case).
        let upper = in_range(x, b'A', b'Z') & !0x80;
        return upper == 0 || in_range(x, b'a', b'z') == 0;
    }
    plain_case_slow(w)
}

/// The bytes of a word of one to eight bytes as a little-endian number, zero-padded (as
/// [`load_le`] reads them), from two overlapping loads instead of a copy; None for other lengths.
#[inline]
fn pack(b: &[u8]) -> Option<u64> {
    let n = b.len();
    let le4 = |i: usize| b.get(i..i + 4).and_then(|x| <[u8; 4]>::try_from(x).ok()).map(u32::from_le_bytes);
    match n {
        4..=8 => Some(u64::from(le4(0)?) | (u64::from(le4(n - 4)?) << (8 * (n - 4)))),
        1..=3 => {
            let at = |i: usize| b.get(i).map_or(0, |&c| u64::from(c));
            Some(at(0) | (at(1) << 8) | (at(2) << 16))
        }
        _ => None,
    }
}

/// Words of one to eight bytes with a value each, found by their bytes packed into one integer
/// ([`pack`]): a multiply and a probe or two, without hashing a string or comparing bytes.
struct PackedMap<V> {
    /// (packed word, its length, value) at the slot its hash picks or the next free one after
    /// it; a power of two long and at most half full, so that every probe ends. Length 0 marks
    /// a free slot.
    slots: Vec<(u64, u8, V)>,
    /// 64 minus the log2 of the number of slots.
    shift: u32,
}

impl<V: Copy> PackedMap<V> {
    /// The map of the words of one to eight bytes among `words` (the others are left out; the
    /// first value of a word repeated wins); `fill` stands in the free slots.
    fn new<'w>(words: impl Iterator<Item = (&'w str, V)>, fill: V) -> Self {
        let words: Vec<(u64, u8, V)> =
            words.filter_map(|(w, v)| Some((pack(w.as_bytes())?, u8::try_from(w.len()).ok()?, v))).collect();
        let bits = (words.len() * 2).max(2).next_power_of_two().trailing_zeros();
        let mut m = PackedMap { slots: vec![(0, 0, fill); 1 << bits], shift: 64 - bits };
        for (x, n, v) in words {
            let mut i = m.slot(x, usize::from(n));
            let mask = m.slots.len() - 1;
            while let Some(&(k, l, _)) = m.slots.get(i) {
                if l == 0 || (k == x && l == n) {
                    break;
                }
                i = (i + 1) & mask;
            }
            if let Some(e) = m.slots.get_mut(i) {
                if e.1 == 0 {
                    *e = (x, n, v);
                }
            }
        }
        m
    }

    /// The first slot of the word packed as `x`, `n` bytes long.
    #[inline]
    fn slot(&self, x: u64, n: usize) -> usize {
        ((x ^ ((n as u64) << 59)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The value of the word packed as `x`, `n` bytes long.
    #[inline]
    fn get_ref(&self, x: u64, n: usize) -> Option<&V> {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(x, n);
        loop {
            let (k, l, v) = self.slots.get(i)?;
            if *l == 0 {
                return None;
            }
            if *k == x && usize::from(*l) == n {
                return Some(v);
            }
            i = (i + 1) & mask;
        }
    }

    /// [`Self::get_ref`], copied.
    #[inline]
    fn get(&self, x: u64, n: usize) -> Option<V> {
        self.get_ref(x, n).copied()
    }
}

/// [`plain_case`] a byte at a time.
fn plain_case_slow(w: &str) -> bool {
    let b = w.as_bytes();
    if !w.is_ascii() || b.is_empty() {
        return false;
    }
    b[1..].iter().all(|c| !c.is_ascii_uppercase()) || b.iter().all(|c| !c.is_ascii_lowercase())
}

/// The [`CASED_WORDS`] bits of `w` as the lexicon sees it (any case; a title may end with a
/// period it is listed without).
fn word_bits(w: &str) -> u8 {
    // Packed once for the case test and the look-up.
    let packed = pack(w.as_bytes());
    if !plain_case_packed(w, packed) {
        let mut bits = 0;
        if is_title(w) {
            bits |= W_TITLE
                | match title_gender(w) {
                    Gender::Male => W_MALE,
                    Gender::Female => W_FEMALE,
                    Gender::Unknown => 0,
                };
        }
        if is_determiner(w) {
            bits |= W_DET;
        }
        if not_name_start(w, false, true) {
            bits |= W_NOT_NAME;
        }
        return bits;
    }
    let bits = CASED_WORDS.get_packed(w, packed);
    if bits & W_TITLE == 0 && w.ends_with('.') {
        let t = w.trim_end_matches('.');
        let tb = CASED_WORDS.get(t);
        return bits | (tb & (W_TITLE | W_MALE | W_FEMALE));
    }
    bits
}

/// The gender of title bits.
fn bits_gender(bits: u8) -> Gender {
    if bits & W_MALE != 0 {
        Gender::Male
    } else if bits & W_FEMALE != 0 {
        Gender::Female
    } else {
        Gender::Unknown
    }
}

/// [`not_name_start`] through [`word_bits`].
#[cfg(test)]
fn opens_no_name(w: &str, sentence_initial: bool, first_name: bool) -> bool {
    opens_no_name_bits(w, word_bits(w), || sentence_initial, || first_name)
}

/// [`opens_no_name`] with the [`word_bits`] of `w` known, and whether `w` opens its sentence and
/// is a first name asked only when it matters (a word of over four letters ending in "ly").
fn opens_no_name_bits(
    w: &str,
    bits: u8,
    sentence_initial: impl FnOnce() -> bool,
    first_name: impl FnOnce() -> bool,
) -> bool {
    // The ending first: few words end in "ly", every word would be read through for letters.
    let ly = matches!(w.as_bytes(), [.., l, y] if l.eq_ignore_ascii_case(&b'l') && y.eq_ignore_ascii_case(&b'y'));
    bits & W_NOT_NAME != 0
        || (w.len() > 4 && ly && w.bytes().all(|c| c.is_ascii_alphabetic()) && sentence_initial() && !first_name())
}

/// Strip titles, possessives and determiners from the front of a name run (and a possessive
/// from its end); also trailing punctuation and periods of each token. Without allocating.
fn strip_name(run: &str) -> Stripped<'_> {
    strip_tokens(run.split_ws(), None)
}

/// [`strip_name`] on the words of a run (as [`str::split_whitespace`] cuts it), when a scanner
/// has them already; `first_bits` are the [`word_bits`] of the first word when known.
fn strip_tokens<'a>(toks: impl Iterator<Item = &'a str>, mut first_bits: Option<u8>) -> Stripped<'a> {
    let mut out =
        Stripped { toks: [""; MAX_NAME_TOKENS], len: 0, overflow: false, gender: Gender::Unknown, title: None };
    // The name is what follows the last title, possessive or determiner ("New Jersey Gov. Chris
    // Christie", "Russia's Foreign Minister Sergei Lavrov").
    let mut it = toks.peekable();
    while let Some(t) = it.next() {
        let possessive = t.ends_with("'s") || t.ends_with("\u{2019}s");
        let known = first_bits.take();
        let bits = if possessive { 0 } else { known.unwrap_or_else(|| word_bits(t)) };
        let title = bits & W_TITLE != 0;
        if possessive || title || bits & W_DET != 0 {
            if title {
                let g = bits_gender(bits);
                if g != Gender::Unknown {
                    out.gender = g;
                }
            }
            if it.peek().is_some() {
                out.len = 0;
                out.overflow = false;
                out.title = title.then_some(t);
                continue;
            }
        }
        let t = trim_token(t);
        if t.is_empty() {
            continue;
        }
        if out.len == MAX_NAME_TOKENS {
            out.overflow = true;
        } else {
            out.toks[out.len] = t;
            out.len += 1;
        }
    }
    // "Donald Trump's": the possessive is no part of the name.
    if out.len > 0 {
        let last = &mut out.toks[out.len - 1];
        if let Some(t) = last.strip_suffix("'s").or_else(|| last.strip_suffix("\u{2019}s")) {
            if !t.is_empty() {
                *last = t;
            }
        }
    }
    out
}

/// `t` without trailing commas, semicolons and colons, then periods (as the two
/// `trim_end_matches` of [`trim_token_plain`]); a word ending with a letter or digit, as most
/// do, is returned at once.
#[inline]
fn trim_token(t: &str) -> &str {
    match t.as_bytes().last() {
        Some(&x) if x.is_ascii_alphanumeric() => t,
        _ => trim_token_plain(t),
    }
}

/// [`str::trim`], with a shortcut for text that starts and ends with an ASCII byte other than
/// whitespace (nearly every mention and piece of one).
#[inline]
fn trim_ws(s: &str) -> &str {
    let ws = |x: u8| x >= 0x80 || matches!(x, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(&a), Some(&b)) if !ws(a) && !ws(b) => s,
        _ => s.trim(),
    }
}

/// [`trim_token`] without the shortcut.
fn trim_token_plain(t: &str) -> &str {
    t.trim_end_matches([',', ';', ':']).trim_end_matches('.')
}

/// A lone word as the surname or first name it may be: without trailing punctuation, periods
/// and a possessive.
fn word_key(word: &str) -> &str {
    match word.as_bytes() {
        // Most words end with a letter and no possessive ("'s", or "’s", whose mark ends with
        // the byte 0x99): nothing to strip.
        [.., p, x] if x.is_ascii_alphabetic() && (*x != b's' || !matches!(p, b'\'' | 0x99)) => word,
        _ => word_key_slow(word),
    }
}

/// [`word_key`] without the shortcut.
fn word_key_slow(word: &str) -> &str {
    let key = word.trim_end_matches([',', ';', ':']).trim_end_matches('.');
    key.strip_suffix("'s").or_else(|| key.strip_suffix("\u{2019}s")).unwrap_or(key)
}

/// Where the ASCII byte `x` first occurs in `s`: eight bytes a step, then the last few one by
/// one.
fn find_ascii_byte(s: &str, x: u8) -> Option<usize> {
    // Bytes whose low seven bits are `x`, less those with the high bit set (inside a character
    // that is not ASCII).
    find_first(s.as_bytes(), 0, |w| in_range(w & !HI, x, x) & !w, |c| c == x)
}

/// The pieces of `s` between commas, as `s.split(',')` yields them ([`find_ascii_byte`]: a
/// mention is a few words).
fn comma_pieces(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match find_ascii_byte(r, b',') {
            Some(i) => {
                rest = r.get(i + 1..);
                r.get(..i)
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// Capitalised quantifiers before a name ("Both Democrat Hillary Clinton").
fn is_quantifier(w: &str) -> bool {
    matches!(w, "Both" | "All" | "Each" | "Every" | "Either" | "Neither")
}

/// The title word in a comparable form: lower case, no period, abbreviations spelled out (the
/// plain form, which [`with_title_key`] must agree with).
#[cfg(test)]
fn title_key(t: &str) -> String {
    let t = t.trim_end_matches('.').to_lowercase();
    match title_spelled_out(&t) {
        Some(full) => full.to_string(),
        None => t,
    }
}

/// The spelled-out, unmarked form of a lower-case title abbreviation or variant ("sen" ->
/// "senator", "chairwoman" -> "chairman"), or None when `t` is its own key.
fn title_spelled_out(t: &str) -> Option<&'static str> {
    Some(match t {
        "sen" | "sens" | "senators" => "senator",
        "rep" | "reps" | "representatives" => "representative",
        "gov" | "govs" | "governors" => "governor",
        "gen" => "general",
        "pres" => "president",
        "congresswoman" => "congressman",
        "chairwoman" | "chair" => "chairman",
        "spokeswoman" | "spokesperson" => "spokesman",
        _ => return None,
    })
}

/// Call `f` with the title key of `t` (see `title_key`), lowered on the stack (see
/// [`super::lexicon::with_lower`]): no allocation unless the caller keeps it.
fn with_title_key<R>(t: &str, f: impl FnOnce(&str) -> R) -> R {
    super::lexicon::with_lower(t.trim_end_matches('.'), |t| f(title_spelled_out(t).unwrap_or(t)))
}

/// [`with_title_key`] for an optional title.
fn with_title_key_opt<R>(t: Option<&str>, f: impl FnOnce(Option<&str>) -> R) -> R {
    match t {
        Some(t) => with_title_key(t, |k| f(Some(k))),
        None => f(None),
    }
}

/// An organisation's name without its article ("The International Atomic Energy Agency" ->
/// "International Atomic Energy Agency"), except for newspapers ("The New York Times").
fn org_name(s: &str) -> &str {
    // "A Government Accountability Office report": the article is never part of the name.
    if let Some(rest) = s.strip_prefix("A ").or_else(|| s.strip_prefix("An ")) {
        if rest.split_ws().next().is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase)) {
            return rest;
        }
    }
    match s.strip_prefix("The ") {
        Some(rest)
            if rest.split_ws().all(|w| w.chars().next().is_some_and(char::is_uppercase))
                && rest
                    .rsplit(char::is_whitespace)
                    .next()
                    .is_some_and(|w| is_org_word(w) && !is_publication_word(w)) =>
        {
            rest
        }
        _ => s,
    }
}

/// Words that end the names of newspapers and broadcasters, whose leading "The" is part of the
/// name ("The New York Times").
fn is_publication_word(w: &str) -> bool {
    matches!(
        w,
        "Times"
            | "News"
            | "Post"
            | "Journal"
            | "Herald"
            | "Tribune"
            | "Magazine"
            | "Press"
            | "Daily"
            | "Weekly"
            | "Review"
            | "Radio"
            | "TV"
            | "Channel"
            | "Network"
    )
}

/// Is speaker debugging on (`COPYDESK_DEBUG_SPEAKERS` set)? Read once.
fn debug_enabled() -> bool {
    static ON: Lazy<bool> = Lazy::new(|| std::env::var_os("COPYDESK_DEBUG_SPEAKERS").is_some());
    *ON
}

/// Does the full name `full` end with the shorter name `name` at a word boundary ("Aung San
/// Suu Kyi", "Suu Kyi")?
fn ends_with_name(full: &str, name: &str) -> bool {
    full.len() > name.len() && full.ends_with(name) && full.as_bytes().get(full.len() - name.len() - 1) == Some(&b' ')
}

/// Is `before` (the text of a sentence before a word) only space and opening marks?
fn sentence_initial(before: &str) -> bool {
    before.trim_start_matches(|c: char| c.is_whitespace() || is_quote_char(c)).is_empty()
}

/// Opening quote marks and brackets that may precede a sentence's first word.
fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201c}' | '\u{2018}' | '\u{ab}' | '(' | '[')
}

/// The gender a first name usually carries.
fn first_name_gender(name: &str) -> Gender {
    FIRST_NAMES.get(name).copied().unwrap_or(Gender::Unknown)
}

/// Common first names with gender (data/first_names.txt); the first line of a name wins.
static FIRST_NAMES: Lazy<FirstNames> = Lazy::new(|| {
    let mut map = HashMap::new();
    let mut filter = NameBits::default();
    include_str!("../../data/first_names.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (n, g) = l.trim().split_once(' ')?;
            Some((n, if g == "f" { Gender::Female } else { Gender::Male }))
        })
        .for_each(|(n, g)| {
            filter.add(n);
            map.entry(n).or_insert(g);
        });
    let short = PackedMap::new(map.iter().map(|(&k, &v)| (k, v)), Gender::Unknown);
    FirstNames { map, filter, short }
});

/// The first names with a quick test that turns most other words away unhashed.
struct FirstNames {
    map: HashMap<&'static str, Gender>,
    /// One bit per name.
    filter: NameBits,
    /// The names of one to eight bytes, found without hashing.
    short: PackedMap<Gender>,
}

impl FirstNames {
    /// The gender of the first name `w`, if listed. The filter is inlined into the caller; only
    /// the few words it lets through pay for the call that hashes them.
    #[inline(always)]
    fn get(&self, w: &str) -> Option<&Gender> {
        if !self.filter.may_hold(w) {
            return None;
        }
        self.get_listed(w)
    }

    /// [`Self::get`] past the filter.
    #[inline(never)]
    fn get_listed(&self, w: &str) -> Option<&Gender> {
        match pack(w.as_bytes()) {
            Some(x) => self.short.get_ref(x, w.len()),
            None => self.map.get(w),
        }
    }

    /// Is `w` a listed first name?
    #[inline]
    fn contains_key(&self, w: &str) -> bool {
        self.get(w).is_some()
    }
}

/// Does a stripped name run look like a person's name?
fn person_like(toks: &[&str]) -> bool {
    if toks.is_empty() || toks.len() > 5 {
        return false;
    }
    toks.iter().all(|t| name_shaped(t) && !is_org_word(t))
}

/// Is `t` shaped like a word of a person's name: capitalised or a name particle, and no acronym?
/// A word opening with an upper-case ASCII letter and a lower-case one, as nearly every name
/// does, is answered from those two bytes.
#[inline]
fn name_shaped(t: &str) -> bool {
    match t.as_bytes() {
        // Capitalised, and its second letter keeps it from being an acronym.
        [a, b, ..] if a.is_ascii_uppercase() && b.is_ascii_lowercase() => true,
        _ => name_shaped_plain(t),
    }
}

/// [`name_shaped`] character by character.
fn name_shaped_plain(t: &str) -> bool {
    let cap = t.chars().next().is_some_and(char::is_uppercase);
    let particle = matches!(t, "de" | "van" | "von" | "bin" | "al" | "da" | "der" | "del" | "la" | "le");
    // "NATO", but not initials ("G.K").
    // (The letters first: a capitalised word fails at its second letter, before the search
    // for a period.)
    let acronym = t.len() > 2 && t.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) && !t.contains('.');
    (cap || particle) && !acronym
}

impl<'a> Resolver<'a> {
    /// Collect the people named in the article's content segments.
    pub(crate) fn new(ctx: &'a Context<'a>, entities: &[Entity], quoted: &[Span]) -> Self {
        let mut r = Resolver {
            text: ctx.text,
            people: Vec::new(),
            by_name: HashMap::new(),
            by_token: HashMap::new(),
            mentions: Vec::new(),
            spans: Vec::new(),
            full_names: Vec::new(),
            sentences: &ctx.sentences,
            persons: SpanIndex::new(entities.iter().filter(|e| e.label == EntityLabel::Person).map(|e| e.span)),
            non_person: SpanIndex::new(
                entities
                    .iter()
                    .filter(|e| matches!(e.label, EntityLabel::Org | EntityLabel::Loc | EntityLabel::Norp))
                    .map(|e| e.span),
            ),
            last_speaker: None,
            last_org: None,
            marks: Marks::default(),
            run_toks: Vec::new(),
            surnames: TokenBits::default(),
        };
        let quoted = SpanIndex::new(quoted.iter().copied());
        // Name runs in text order; a lone word is only checked once it may name someone known.
        let mut runs: Vec<Run> = Vec::with_capacity(ctx.text.len() / 48);
        // The runs of two or more words that may be a person's name, titles stripped, in text
        // order.
        let mut names: Vec<(Span, Stripped<'a>)> = Vec::with_capacity(ctx.text.len() / 192);
        let text = ctx.text;
        // The tokens of the current run (kept across runs).
        let mut toks: Vec<(usize, usize)> = Vec::with_capacity(8);
        // A run inside a quotation is dropped below (the runs of two or more words at once, the
        // lone words when checked): the scan passes over the quoted stretches.
        let mut in_quote = quoted.cursor();
        for sent in &ctx.sentences {
            if ctx.segments.get(sent.segment).map_or(true, |s| {
                !matches!(s.kind, BlockKind::Paragraph | BlockKind::Standfirst | BlockKind::Subheading)
            }) {
                continue;
            }
            let Some(s) = text.get(sent.span.start..sent.span.end) else { continue };
            let base = sent.span.start;
            let skip = |i: usize| in_quote.covered_until(base + i).map(|e| e.min(sent.span.end) - base);
            name_runs::for_each_run_outside(s, &mut toks, skip, |m_start, m_end, toks| {
                let first_end = toks.first().map_or(m_end, |t| t.1);
                if first_end == m_end {
                    let span = Span::new(base + m_start, base + m_end);
                    runs.push(Run::Word { span, sentence: base });
                    return;
                }
                // Inside an organisation, place or group, or a quotation: so is what is left of
                // the run when its first word is dropped below, which is looked at no further.
                let within = |span: Span| r.non_person.contains(span) || quoted.contains(span);
                let mut span = Span::new(base + m_start, base + m_end);
                if within(span) {
                    return;
                }
                let mut start = m_start;
                // A sentence-initial connector or date word is no part of a name ("Although Finland").
                let initial = || sentence_initial(&s[..m_start]);
                let first = &s[m_start..first_end];
                let first_bits = word_bits(first);
                let dropped = opens_no_name_bits(first, first_bits, initial, || FIRST_NAMES.contains_key(first));
                if dropped {
                    // What follows the whitespace after the first token.
                    let ws = s[first_end..].chars().next().map_or(1, char::len_utf8);
                    let rest = &s[(first_end + ws).min(m_end)..m_end];
                    start += (m_end - m_start) - rest.len();
                    span = Span::new(base + start, base + start + rest.trim_start().len());
                    if within(span) {
                        return;
                    }
                }
                // The run's words as the scanner read them (without the first when it was
                // dropped), not split again.
                let from = usize::from(dropped);
                let words = toks.iter().skip(from).map(|&(a, b)| s.get(a..b).unwrap_or_default());
                let mut st = strip_tokens(words, (!dropped).then_some(first_bits));
                r.open_at_first_name(&mut st);
                // "the Bank of England", but "Secretary of State John Kerry".
                if s[..start].trim_end().ends_with(" of")
                    && !(st.title.is_some()
                        && st.len >= 2
                        && (st.person_title() || FIRST_NAMES.contains_key(st.toks[0])))
                {
                    return;
                }
                if !st.person_like() {
                    return;
                }
                if st.len == 1 {
                    runs.push(Run::Name(names.len()));
                }
                names.push((span, st));
            });
        }
        // At most one person per run (and a few more from resolution later): size the indexes
        // once instead of growing them person by person.
        // Single-word names are in both lists.
        let n_runs = runs.len() + names.iter().filter(|(_, st)| st.len >= 2).count();
        r.people.reserve(n_runs);
        r.mentions.reserve(n_runs);
        r.by_name.reserve(n_runs);
        r.by_token.reserve(n_runs);
        r.full_names.reserve(names.len());
        // Full names first (two or more tokens), then single tokens attach to them.
        for (span, st) in names.iter().filter(|(_, st)| st.len >= 2) {
            // Borrowed from the text (not joined) when written there with single spaces.
            let name = r.name_of(st);
            let longer = || {
                let last = st.toks().last().copied().unwrap_or_default();
                r.with_last(last).find(|&i| ends_with_name(&r.people[i].name, &name))
            };
            let found = r.by_name.get(&*name).copied().or_else(longer);
            let idx = match found {
                Some(i) => i,
                None => {
                    let toks = st.toks();
                    let fg = first_name_gender(toks[0]);
                    let last = toks.last().copied().unwrap_or_default();
                    // A listed first name has a gender.
                    let listed = fg != Gender::Unknown;
                    r.add_person(Person::new(name, last, Some(toks[0]), fg, listed), listed)
                }
            };
            r.add_span(idx, *span);
            // Runs come in text order, so the starts stay sorted.
            r.full_names.push(FullMention { start: span.start, person: idx, titled: st.title.is_some() });
            r.note(idx, st);
            if r.persons.overlaps(*span) {
                r.people[idx].credible = true;
            }
        }
        for run in &runs {
            let (span, st) = match *run {
                Run::Name(at) => match names.get(at) {
                    Some(&(span, st)) => (span, st),
                    None => continue,
                },
                Run::Word { span, sentence } => {
                    let word = span.text_in(text);
                    // Cheap first: only a known surname or a first name can name someone.
                    let key = word_key(word);
                    if !r.may_name(key) {
                        continue;
                    }
                    let before = text.get(sentence..span.start).unwrap_or("");
                    if before.trim_end().ends_with(" of")
                        || opens_no_name_bits(
                            word,
                            word_bits(word),
                            || sentence_initial(before),
                            || FIRST_NAMES.contains_key(word),
                        )
                        || r.non_person.contains(span)
                        || quoted.contains(span)
                    {
                        continue;
                    }
                    let st = strip_name(word);
                    if st.len != 1 || !st.person_like() {
                        continue;
                    }
                    (span, st)
                }
            };
            let (span, st) = (&span, &st);
            let known = with_title_key_opt(st.title, |title| {
                r.best_for_surname(st.toks[0], span.start, st.gender, title, false)
            })
            .or_else(|| r.best_for_first_name(st.toks[0], st.gender));
            match known {
                Some(idx) => {
                    r.add_span(idx, *span);
                    r.note(idx, st);
                }
                // "President Obama", "Mr. Husted", "Melanie" without a full name: a person all
                // the same.
                None if st.person_title() || first_name_gender(st.toks[0]) != Gender::Unknown => {
                    let g = if st.gender == Gender::Unknown { first_name_gender(st.toks[0]) } else { st.gender };
                    let idx = r.add_person(Person::new(Cow::Borrowed(st.toks[0]), st.toks[0], None, g, true), false);
                    r.add_span(idx, *span);
                    r.note(idx, st);
                }
                None => {}
            }
        }
        // The mentions came full names first, then single words, each in text order: two
        // sorted runs, merged. By person next at the same start, and in the order added after
        // that, as when each person's mentions were sorted first.
        r.mentions.sort_by_key(|m| (m.span.start, m.person));
        // Each person's mentions together, in that order.
        let mut at = 0;
        for p in &mut r.people {
            p.spans_at = at;
            at += p.n_spans;
            p.n_spans = 0;
        }
        r.spans = vec![Span::default(); at];
        for m in &r.mentions {
            let p = &mut r.people[m.person];
            if let Some(s) = r.spans.get_mut(p.spans_at + p.n_spans) {
                *s = m.span;
            }
            p.n_spans += 1;
        }
        if debug_enabled() {
            for m in &r.mentions {
                eprintln!("mention {:?} {:?} -> {}", m.span, m.span.text_in(r.text), r.people[m.person].name);
            }
        }
        r
    }

    /// "Republican Donald Trump", "Both Democrat Hillary Clinton": a known first name after
    /// words the article tags as a group, place or organisation opens the name.
    fn open_at_first_name(&self, st: &mut Stripped) {
        if st.len < 3 || st.overflow || FIRST_NAMES.contains_key(st.toks[0]) {
            return;
        }
        let Some(j) = (1..st.len - 1).find(|&j| FIRST_NAMES.contains_key(st.toks[j])) else { return };
        let base = self.text.as_ptr() as usize;
        let affiliation = st.toks[..j].iter().all(|t| {
            let at = (t.as_ptr() as usize).wrapping_sub(base);
            is_quantifier(t) || (at < self.text.len() && self.non_person.contains(Span::new(at, at + t.len())))
        });
        if affiliation {
            st.toks.copy_within(j..st.len, 0);
            st.len -= j;
        }
    }

    /// Record what a mention tells about person `i`: the gender and title it gives.
    fn note(&mut self, i: usize, st: &Stripped<'a>) {
        let p = &mut self.people[i];
        if st.gender != Gender::Unknown {
            p.gender = st.gender;
            p.credible = true;
        }
        if let Some(t) = st.title {
            if st.person_title() {
                p.credible = true;
            }
            let n = usize::from(p.n_titles);
            if n < MAX_TITLES && p.title_is_new(t) {
                p.titles[n] = t;
                p.n_titles += 1;
            }
        }
    }

    /// Add a person to the indexes; returns its index. `given_listed`: the first token is a
    /// listed first name, the only kind [`Self::best_for_first_name`] looks up, so that only
    /// those are chained by first token.
    fn add_person(&mut self, p: Person<'a>, given_listed: bool) -> usize {
        let i = self.people.len();
        self.by_name.insert(p.name.clone(), i);
        let last = p.last;
        let given = p.given;
        self.surnames.add(last);
        self.people.push(p);
        // One hash per chain: the entry either chains the person or starts the chain.
        if let Some(tail) = chain_push(&mut self.by_token.entry(last).or_insert(NO_CHAINS).last, i) {
            self.people[tail].next_last = i;
        }
        if let Some(given) = given.filter(|_| given_listed) {
            if let Some(tail) = chain_push(&mut self.by_token.entry(given).or_insert(NO_CHAINS).first, i) {
                self.people[tail].next_given = i;
            }
        }
        i
    }

    /// Is `w` the last token of some person, or a listed first name? One [`word_hash`] answers
    /// both filters, which turn most words away.
    fn may_name(&self, w: &str) -> bool {
        let h = word_hash(w);
        (self.surnames.may_hold_hash(h) && self.by_token.get(w).is_some_and(|c| c.last.0 != NONE))
            || (FIRST_NAMES.filter.may_hold_hash(h) && FIRST_NAMES.get_listed(w).is_some())
    }

    /// The people whose last token is `last`, in index order.
    fn with_last<'s>(&'s self, last: &str) -> impl Iterator<Item = usize> + 's {
        let known = self.surnames.may_hold_hash(word_hash(last));
        let mut i = if known { self.by_token.get(last).map_or(NONE, |c| c.last.0) } else { NONE };
        std::iter::from_fn(move || {
            let cur = i;
            (cur != NONE).then(|| {
                i = self.people[cur].next_last;
                cur
            })
        })
        .take(MAX_NAMESAKES)
    }

    /// The name of a stripped run: borrowed from the text when written there with single
    /// spaces, else joined.
    fn name_of(&self, st: &Stripped<'a>) -> Cow<'a, str> {
        let toks = st.toks();
        let base = self.text.as_ptr() as usize;
        let at = |t: &str| (t.as_ptr() as usize).wrapping_sub(base);
        let bytes = self.text.as_bytes();
        let contiguous = toks.windows(2).all(|w| {
            let end = at(w[0]) + w[0].len();
            at(w[1]) == end + 1 && bytes.get(end) == Some(&b' ')
        });
        match (toks.first(), toks.last()) {
            (Some(a), Some(b)) if contiguous && at(b) + b.len() <= self.text.len() => {
                match self.text.get(at(a)..at(b) + b.len()) {
                    Some(name) => Cow::Borrowed(name),
                    None => Cow::Owned(toks.join(" ")),
                }
            }
            _ => Cow::Owned(toks.join(" ")),
        }
    }

    /// Record a mention of person `i` (while the resolver is built).
    fn add_span(&mut self, i: usize, span: Span) {
        let p = &mut self.people[i];
        p.first = p.first.min(span.start);
        p.n_spans += 1;
        self.mentions.push(NameMention { span, person: i });
    }

    /// The person a surname refers to: the most mentioned full name ending in it, preferring
    /// one the article gave the same title (a [`title_key`]), then names introduced before `at`.
    /// A person introduced anew with title and full name shortly before `at` ("Homeland
    /// Security Secretary Jon Lee said …  Lee said") takes the surname over, unless the other was
    /// named in full since; this applies only with `reintro` (speakers), so that it does not pile
    /// the mentions of the name runs onto the newcomer. A surname with a role title ("President
    /// Lee") before any full name ending in it, and without that title, is someone else.
    fn best_for_surname(
        &self,
        surname: &str,
        at: usize,
        g: Gender,
        title: Option<&str>,
        reintro: bool,
    ) -> Option<usize> {
        let mut best: Option<(usize, (bool, bool, usize))> = None;
        for i in self.with_last(surname) {
            let p = &self.people[i];
            if !g.compatible(p.gender) {
                continue;
            }
            let key = (title.is_some_and(|t| p.has_title(t)), p.first <= at, p.n_spans);
            if best.map_or(true, |(_, k)| key > k) {
                best = Some((i, key));
            }
        }
        let (b, (titled, before, _)) = best?;
        if !before {
            // An honorific ("Mr.", "Mrs.") gives the gender, which was checked already.
            return (title.is_none() || titled || g != Gender::Unknown).then_some(b);
        }
        if !reintro {
            return Some(b);
        }
        // The latest in the window of a full mention of `b` and a titled one of a compatible
        // namesake; bounded by the window.
        let from = self.full_names.partition_point(|m| m.start < at.saturating_sub(REINTRO_WINDOW));
        let mut pick = b;
        for m in self.full_names[from..].iter().take_while(|m| m.start < at) {
            let p = &self.people[m.person];
            if m.person == b {
                pick = b;
            } else if m.titled
                && p.last == surname
                && g.compatible(p.gender)
                && title.is_some_and(|t| p.has_title(t)) == titled
            {
                pick = m.person;
            }
        }
        Some(pick)
    }

    /// The person a lone first name refers to ("Hillary" for "Hillary Clinton"): the most
    /// mentioned full name starting with it.
    fn best_for_first_name(&self, first: &str, g: Gender) -> Option<usize> {
        if !FIRST_NAMES.contains_key(first) {
            return None;
        }
        let head = self.by_token.get(first).map_or(NONE, |c| c.first.0);
        let mut best: Option<(usize, (usize, usize))> = None;
        let mut i = head;
        let mut seen = 0;
        while i != NONE && seen < MAX_NAMESAKES {
            seen += 1;
            let p = &self.people[i];
            let key = (p.n_spans, usize::MAX - i);
            if g.compatible(p.gender) && best.map_or(true, |(_, k)| key > k) {
                best = Some((i, key));
            }
            i = p.next_given;
        }
        best.map(|(i, _)| i)
    }

    /// Index of the sentence containing byte `at`.
    fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end < at);
        (i < self.sentences.len()).then_some(i)
    }

    /// The person a pronoun of gender `g` at `at` refers to: in the nearest preceding sentences,
    /// a compatible earlier speaker first, else the first compatible known person; else the
    /// last speaker.
    fn for_pronoun(&self, g: Gender, at: usize) -> Option<usize> {
        let lo = at.saturating_sub(PRONOUN_WINDOW);
        let Some(cur) = self.sentence_at(at) else {
            return self.last_speaker.filter(|&i| g.compatible(self.people[i].gender));
        };
        let ok = |p: usize| g.compatible(self.people[p].gender);
        let mut si = cur;
        let mut looked = 0;
        loop {
            let sent = self.sentences[si].span;
            if sent.end < lo || looked > 4 {
                break;
            }
            let s_lo = sent.start;
            let s_hi = if si == cur { at } else { sent.end };
            if s_lo < s_hi {
                // The nearest earlier speaker in the sentence.
                if let Some(p) = self.marks.last_in(s_lo, s_hi, |p| ok(p) && self.people[p].credible) {
                    return Some(p);
                }
                let from = self.mentions.partition_point(|m| m.span.start < s_lo);
                let first = self.mentions[from..]
                    .iter()
                    .take_while(|m| m.span.start < s_hi)
                    .find(|m| ok(m.person) && self.people[m.person].credible && !self.attributive(m.span));
                if let Some(m) = first {
                    return Some(m.person);
                }
            }
            if si == 0 {
                break;
            }
            si -= 1;
            looked += 1;
        }
        self.last_speaker.filter(|&i| g.compatible(self.people[i].gender))
    }

    /// Is the name at `span` a modifier after an article ("the Clinton campaign"), naming no
    /// one who acts?
    fn attributive(&self, span: Span) -> bool {
        let before = self.text.get(..span.start).unwrap_or("").trim_end();
        let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        // "the Rev. John Doe" is a person.
        matches!(word, "the" | "The" | "a" | "A" | "an" | "An")
            && !span.text_in(self.text).split_ws().next().is_some_and(is_title)
    }

    /// The most mentioned known person before `at` with a compatible gender.
    fn salient(&self, g: Gender, at: usize) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (i, p) in self.people.iter().enumerate() {
            if !p.credible || !g.compatible(p.gender) || p.first >= at {
                continue;
            }
            let n = p.spans(&self.spans).partition_point(|s| s.start < at);
            if n > 0 && best.map_or(true, |(_, bn)| n > bn) {
                best = Some((i, n));
            }
        }
        best.map(|(i, _)| i)
    }

    /// Remember that person `p` speaks at `at`.
    fn mark(&mut self, at: usize, p: usize) {
        let seq = self.marks.len();
        self.marks.insert((at, seq), p);
    }

    /// The speaker a role noun (a [`title_key`]) of gender `g` at `at` refers to: the last
    /// speaker, unless the article gave that title to someone else, who is then the one
    /// mentioned last; else the most mentioned person so far.
    fn for_role(&self, key: &str, g: Gender, at: usize) -> Option<usize> {
        let ok = |p: &Person| g.compatible(p.gender);
        let last = self.last_speaker.filter(|&p| ok(&self.people[p]));
        if last.is_some_and(|p| self.people[p].has_title(key)) {
            return last;
        }
        let titled = self
            .people
            .iter()
            .enumerate()
            .take(MAX_ROLE_CANDIDATES)
            .filter(|(_, p)| p.credible && ok(p) && p.has_title(key))
            .filter_map(|(i, p)| {
                let spans = p.spans(&self.spans);
                let n = spans.partition_point(|s| s.start < at);
                n.checked_sub(1).map(|k| (spans[k].start, i))
            })
            .max();
        titled.map(|(_, i)| i).or(last).or_else(|| self.salient(g, at))
    }

    /// Resolve a speaker mention at `span`; records the speaker for later pronouns.
    pub(crate) fn resolve(&mut self, span: Span) -> Option<String> {
        let raw = trim_ws(span.text_in(self.text));
        let raw = find_ascii_byte(raw, b'(').and_then(|i| raw.get(..i)).unwrap_or(raw);
        // "The mayor, Ann Lee": a name in the appositive beats the role before it.
        let mut parts = comma_pieces(raw).map(trim_ws).filter(|p| !p.is_empty());
        let first = parts.next().unwrap_or(raw);
        // One look-up answers the word tests on the first word of `first`, which is the first
        // word of the mention too unless an appositive name or a possessive replaces it.
        let mut first_words = first.split_ws();
        let head = first_words.next();
        let head_lists = head.map(lists);
        let first_is_role = head_lists.is_some_and(|l| l.determiner());
        let mention = if first_is_role {
            parts
                .next()
                .filter(|p| {
                    let st = strip_name(p);
                    st.len >= 2
                        && p.split_ws().all(|w| w.chars().next().is_some_and(char::is_uppercase))
                        && st.person_like()
                })
                .unwrap_or(first)
        } else {
            first
        };
        let mention = mention.strip_suffix("'s").or_else(|| mention.strip_suffix("\u{2019}s")).unwrap_or(mention);
        // The mention's first and last words; when the mention is `first` as it was (the same
        // slice), its words are read on from where the first was.
        let (first_word, last_word) = if std::ptr::eq(mention, first) {
            (head?, first_words.next_back())
        } else {
            let mut words = mention.split_ws();
            (words.next()?, words.next_back())
        };
        // One look-up answers the word tests on the first word.
        let first_lists = match (head, head_lists) {
            // The same slice (start and length) of the text.
            (Some(h), Some(l)) if std::ptr::eq(h, first_word) => l,
            _ => lists(first_word),
        };
        // Pronoun.
        if last_word.is_none() {
            if let Some(g) = first_lists.pronoun() {
                if g == Gender::Unknown {
                    // "it": the organisation or document that spoke last, if near.
                    let near = |&(at, _): &(usize, &str)| at < span.start && at + PRONOUN_WINDOW >= span.start;
                    let it = first_word.eq_ignore_ascii_case("it");
                    return self.last_org.filter(|o| it && near(o)).map(|(_, name)| name.to_string());
                }
                let p = self.for_pronoun(g, span.start)?;
                if self.people[p].gender == Gender::Unknown {
                    self.people[p].gender = g;
                }
                self.last_speaker = Some(p);
                self.mark(span.start, p);
                return Some(self.people[p].name.to_string());
            }
        }
        let last = core_word(last_word.unwrap_or(first_word));
        // Role noun phrase: "the official", "the senior diplomat".
        // "U.S. senator", "NATO official": an abbreviation before a role opens no name.
        let abbreviation = first_word.len() >= 2
            && first_word.chars().all(|c| c.is_ascii_uppercase() || c == '.')
            && last_word.is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
        let lower_start =
            first_lists.determiner() || first_word.chars().next().is_some_and(char::is_lowercase) || abbreviation;
        if lower_start {
            let last_lists = lists(last);
            if last_lists.role() {
                let p = with_title_key(last, |k| self.for_role(k, title_gender(last), span.start))?;
                self.mark(span.start, p);
                return Some(self.people[p].name.to_string());
            }
            if last_lists.document_noun() {
                let name = org_name(mention);
                self.last_org = Some((span.start, name));
                return Some(name.to_string());
            }
        }
        // A name: the capitalised run at the end of the phrase, titles stripped; its words as
        // the scanner read them (the last run's are left in the buffer), not split again.
        let mut found = None;
        let mut toks = std::mem::take(&mut self.run_toks);
        name_runs::for_each_run(mention, &mut toks, |a, b, _| found = Some((a, b)));
        let run = found.map_or(mention, |(a, b)| &mention[a..b]);
        let mut st = match found {
            Some(_) => strip_tokens(toks.iter().map(|&(a, b)| mention.get(a..b).unwrap_or_default()), None),
            None => strip_name(mention),
        };
        self.run_toks = toks;
        self.open_at_first_name(&mut st);
        let g = st.gender;
        // A capitalised connector or determiner is no part of a name ("Another commenter",
        // "Meanwhile"): without a name after it the speaker stays unknown.
        if st.len > 0
            && opens_no_name_bits(st.toks[0], word_bits(st.toks[0]), || true, || FIRST_NAMES.contains_key(st.toks[0]))
        {
            st.drop_first();
            if st.len == 0 && !st.overflow {
                return None;
            }
        }
        if st.len == 0 && !st.overflow {
            return Some(mention.to_string());
        }
        if !st.person_like() {
            let name = org_name(run);
            // Only a capitalised name is an organisation "it" may stand for.
            if found.is_some() {
                self.last_org = Some((span.start, name));
            }
            return Some(name.to_string());
        }
        let toks = st.toks();
        let surname = toks.last().copied().unwrap_or_default();
        let idx = if toks.len() >= 2 {
            let name = self.name_of(&st);
            let name = &*name;
            self.by_name
                .get(name)
                .copied()
                .or_else(|| {
                    // A longer full name ending the same way ("Charles B. Rangel" for "Charles Rangel").
                    self.with_last(surname).find(|&i| self.people[i].name.starts_with(toks[0]))
                })
                .or_else(|| {
                    // "Suu Kyi" for "Aung San Suu Kyi".
                    self.with_last(surname).find(|&i| ends_with_name(&self.people[i].name, name))
                })
        } else {
            with_title_key_opt(st.title, |title| self.best_for_surname(surname, span.start, g, title, true))
                .or_else(|| self.best_for_first_name(surname, g))
        };
        let i = match idx {
            Some(i) => {
                if g != Gender::Unknown {
                    self.people[i].gender = g;
                }
                self.people[i].credible = true;
                i
            }
            None => {
                let g = if g == Gender::Unknown { first_name_gender(toks[0]) } else { g };
                // A lone capitalised word ("Delegates") is a person only when something says so.
                let credible =
                    toks.len() >= 2 || g != Gender::Unknown || st.person_title() || self.persons.overlaps(span);
                let mut person =
                    Person::new(self.name_of(&st), surname, (toks.len() >= 2).then(|| toks[0]), g, credible);
                // Its one mention goes after the others' (see [`Self::new`]).
                person.spans_at = self.spans.len();
                person.n_spans = 1;
                person.first = span.start;
                self.spans.push(span);
                let listed = toks.len() >= 2 && FIRST_NAMES.contains_key(toks[0]);
                let idx = self.add_person(person, listed);
                self.note(idx, &st);
                idx
            }
        };
        self.last_speaker = Some(i);
        self.mark(span.start, i);
        Some(self.people[i].name.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn marks_answer_as_one_tree(starts in proptest::collection::vec(0usize..40, 0..30),
                                    lo in 0usize..45, len in 0usize..20, odd in 0usize..5) {
            let mut m = Marks::default();
            let mut tree = BTreeMap::new();
            for (seq, &at) in starts.iter().enumerate() {
                // A distinct person per mark, so that the answer tells which mark it is.
                let p = seq;
                m.insert((at, m.len()), p);
                tree.insert((at, seq), p);
            }
            proptest::prop_assert_eq!(m.len(), tree.len());
            let hi = lo + len;
            let ok = |p: usize| p % 5 != odd;
            let want = if lo < hi {
                tree.range((lo, 0)..(hi, 0)).rev().find(|&(_, &p)| ok(p)).map(|(_, &p)| p)
            } else {
                None
            };
            proptest::prop_assert_eq!(m.last_in(lo, hi, ok), want);
        }

        #[test]
        fn packed_maps_agree_with_the_hash_maps(w in "[a-zA-Z.'\u{e9}\0]{0,10}") {
            let cased = &*CASED_WORDS;
            proptest::prop_assert_eq!(cased.get_listed(&w), cased.map.get(w.as_str()).copied().unwrap_or(0));
            let names = &*FIRST_NAMES;
            proptest::prop_assert_eq!(names.get_listed(&w), names.map.get(w.as_str()));
        }

        #[test]
        fn trim_token_agrees_with_the_plain_trims(w in "[A-Za-z0-9\u{e9}]{0,6}[.,;: a1\u{e9}]{0,4}") {
            proptest::prop_assert_eq!(trim_token(&w), trim_token_plain(&w));
        }

        #[test]
        fn trim_ws_agrees_with_trim(w in "[ \t\n\x0b\x0c\r\x1c\u{85}\u{a0}\u{2003}a.,]{0,8}") {
            proptest::prop_assert_eq!(trim_ws(&w), w.trim());
        }

        #[test]
        fn new_titles_are_those_with_a_new_key(ts in proptest::collection::vec("(Sen|Sen\\.|SEN|Senator|Mr|Mr\\.|Chair|Chairwoman|Gov)", 0..8)) {
            let mut p = Person::new(Cow::Borrowed("Ann Lee"), "Lee", Some("Ann"), Gender::Unknown, false);
            for t in &ts {
                let plain = !with_title_key(t, |k| p.has_title(k));
                proptest::prop_assert_eq!(p.title_is_new(t), plain, "{}", t);
                let n = usize::from(p.n_titles);
                if plain && n < MAX_TITLES {
                    p.titles[n] = t;
                    p.n_titles += 1;
                }
            }
        }

        #[test]
        fn pack_reads_as_load_le(w in "[a-zA-Z\u{e9}\0]{0,10}") {
            let b = w.as_bytes();
            proptest::prop_assert_eq!(pack(b), load_le(b, 0, b.len()));
        }

        #[test]
        fn hash_bits_hold_every_added_word(ws in proptest::collection::vec("[a-zA-Z\u{e9}'.]{0,20}", 0..40), q in "[a-zA-Z]{0,12}") {
            let (mut small, mut big) = (TokenBits::default(), NameBits::default());
            for w in &ws {
                small.add(w);
                big.add(w);
            }
            for w in &ws {
                proptest::prop_assert!(small.may_hold(w) && big.may_hold(w));
            }
            if !small.may_hold(&q) || !big.may_hold(&q) {
                proptest::prop_assert!(!ws.contains(&q));
            }
        }

        #[test]
        fn name_shape_agrees_with_the_plain_test(w in "[A-Za-z.'\u{e9}\u{c9}0-9-]{0,6}") {
            proptest::prop_assert_eq!(name_shaped(&w), name_shaped_plain(&w));
        }

        #[test]
        fn plain_case_agrees_with_the_byte_test(w in "[a-zA-Z.'\u{e9}\u{c9}0-9-]{0,12}") {
            proptest::prop_assert_eq!(plain_case(&w), plain_case_slow(&w));
        }

        #[test]
        fn word_key_agrees_with_the_plain_trims(w in "[A-Za-z\u{e9}]{0,6}('s|\u{2019}s|s|\\.|,|;|:|'|\u{2019}|\u{e9}){0,3}") {
            proptest::prop_assert_eq!(word_key(&w), word_key_slow(&w));
        }

        #[test]
        fn ascii_bytes_are_found_where_a_byte_scan_finds_them(s in "[a-c ,(\u{e9}\u{a8}\u{ac}\u{2019}\u{2c2c}\u{a828}]{0,40}") {
            for x in [b',', b'(', b'a'] {
                proptest::prop_assert_eq!(find_ascii_byte(&s, x), s.bytes().position(|b| b == x));
            }
        }

        #[test]
        fn comma_pieces_agree_with_split(s in "[a-c ,(\u{e9}\u{2019}]{0,16}") {
            proptest::prop_assert_eq!(comma_pieces(&s).collect::<Vec<_>>(), s.split(',').collect::<Vec<_>>());
            let cut = s.bytes().position(|b| b == b'(').and_then(|i| s.get(..i)).unwrap_or(&s);
            proptest::prop_assert_eq!(cut, s.split('(').next().unwrap_or(&s));
        }

        #[test]
        fn title_key_on_the_stack_agrees_with_the_plain_one(w in "(Sen|Sens|REP|Gov|Chair|President|Ministre|\u{c9}lu|x)[.a-zA-Z\u{c9}]{0,40}") {
            proptest::prop_assert_eq!(with_title_key(&w, str::to_string), title_key(&w));
        }
    }

    proptest::proptest! {
        #[test]
        fn name_from_the_text_is_the_joined_name(text in "( ?(Mr\\.|Sen\\.|The|van|Ann|O'Neill|Lee's|Kyi,|\u{c9}ric|\u{2019}s|[A-Z][a-z]{0,3})( |  |\n|\u{a0}|, |\\. )){0,12}") {
            let ctx = context(&text);
            let r = Resolver::new(&ctx, &[], &[]);
            let mut buf = String::new();
            for (a, b) in name_runs::find_iter(&text) {
                let st = strip_name(&text[a..b]);
                let name = r.name_of(&st);
                proptest::prop_assert_eq!(name.as_ref(), st.join_into(&mut buf));
            }
        }
    }

    #[test]
    fn title_keys() {
        for (t, k) in [
            ("Sen.", "senator"),
            ("GOV", "governor"),
            ("Chairwoman", "chairman"),
            ("\u{c9}LU", "\u{e9}lu"),
            ("Dr.", "dr"),
        ] {
            assert_eq!(with_title_key(t, str::to_string), k);
            assert_eq!(title_key(t), k);
        }
    }

    #[test]
    fn plain_case_cases() {
        for w in [
            "",
            "a",
            "A",
            "Smith",
            "SMITH",
            "smith",
            "McDonald",
            "iPhone",
            "Sen.",
            "O'Neill",
            "ABCDEFGH",
            "AbCdEfGh",
            "Abcdefgh",
            "abcdefgH",
            "\u{e9}t\u{e9}",
            "Rosenbergs",
            "x\u{7f}",
        ] {
            assert_eq!(plain_case(w), plain_case_slow(w), "{w:?}");
        }
    }
    use crate::{sentences, Segment};

    /// A context of paragraphs split on blank lines.
    fn context(text: &str) -> Context<'_> {
        let mut segments = Vec::new();
        let mut start = 0;
        for p in text.split("\n\n") {
            segments.push(crate::Segment { span: Span::new(start, start + p.len()), kind: BlockKind::Paragraph });
            start += p.len() + 2;
        }
        let sentences = sentences::split(text, &segments);
        let _: &[Segment] = &segments;
        Context { text, segments, sentences, published: None }
    }

    /// Resolve the mentions (the `n`-th occurrence of each phrase) in order.
    fn resolve_all(text: &str, entities: &[Entity], mentions: &[(&str, usize)]) -> Vec<Option<String>> {
        let ctx = context(text);
        let mut r = Resolver::new(&ctx, entities, &[]);
        mentions
            .iter()
            .map(|&(m, n)| {
                let at = text.match_indices(m).nth(n).map(|(i, _)| i).expect("mention in text");
                r.resolve(Span::new(at, at + m.len()))
            })
            .collect()
    }

    fn entity(text: &str, phrase: &str, label: EntityLabel) -> Entity {
        let at = text.find(phrase).expect("phrase in text");
        Entity { span: Span::new(at, at + phrase.len()), label, canonical: None }
    }

    #[test]
    fn strips_titles_possessives_and_plural_titles() {
        let toks = |s| strip_name(s).toks().to_vec();
        assert_eq!(toks("New Jersey Gov. Chris Christie"), vec!["Chris", "Christie"]);
        assert_eq!(toks("Donald Trump's"), vec!["Donald", "Trump"]);
        assert_eq!(toks("Sens. Jon Doe"), vec!["Jon", "Doe"]);
        assert_eq!(toks("Rep. G.K. Doe,"), vec!["G.K", "Doe"]);
        let st = strip_name("Mr. Smith");
        assert_eq!((st.toks(), st.gender, st.person_title()), (&["Smith"][..], Gender::Male, true));
        assert!(!strip_name("Presidential Debates").person_title());
        assert!(!strip_name("A B C D E F G").person_like());
    }

    #[test]
    fn bit_sets_pass_every_listed_word() {
        let cased = &*CASED_WORDS;
        assert!(!cased.map.is_empty());
        for (w, &bits) in &cased.map {
            assert_eq!(cased.get_listed(w), bits, "{w}");
            assert!(cased.filter.may_hold(w), "{w}");
            assert_eq!(cased.get(w), bits, "{w}");
        }
        let names = &*FIRST_NAMES;
        assert!(names.map.len() > 100);
        for (w, g) in &names.map {
            assert_eq!(names.get_listed(w), Some(g), "{w}");
            assert!(names.filter.may_hold(w), "{w}");
            assert_eq!(names.get(w), Some(g), "{w}");
            assert!(names.contains_key(w), "{w}");
        }
    }

    #[test]
    fn word_table_agrees_with_the_lexicon() {
        for w in [
            "Sen.",
            "SEN",
            "sen",
            "Sen",
            "The",
            "THE",
            "the",
            "McCain",
            "President",
            "Mrs.",
            "MRS.",
            "Gov..",
            "However",
            "Quickly",
            "QUICKLY",
            "Italy",
            "Only",
            "ly",
            "Sly",
            "Reallly\u{e9}",
            "R\u{e9}ally",
            "Trump",
            "Ángel",
            "co-founder",
            "Co-Founder",
            "Del.",
            "del",
            "A",
            "i",
        ] {
            let bits = word_bits(w);
            assert_eq!(bits & W_TITLE != 0, is_title(w), "{w}");
            assert_eq!(bits & W_DET != 0, is_determiner(w), "{w}");
            assert_eq!(opens_no_name(w, true, false), not_name_start(w, true, false), "{w}");
            if is_title(w) {
                assert_eq!(bits_gender(bits), title_gender(w), "{w}");
            }
        }
    }

    #[test]
    fn lone_words_may_name_surnames_and_first_names() {
        let text = "Andrey Kelin met Olga Ivanova-Smith and Jean-Luc \u{c9}mile Dur\u{e9}n at the Long Bridge Club.";
        let ctx = context(text);
        let r = Resolver::new(&ctx, &[], &[]);
        // The plain answer: the last token of a person, or a listed first name.
        let plain = |w: &str| r.by_token.get(w).is_some_and(|c| c.last.0 != NONE) || FIRST_NAMES.map.contains_key(w);
        let words = [
            "Kelin",
            "Ivanova-Smith",
            "Dur\u{e9}n",
            "Club",
            "Andrey",
            "Olga",
            "Mary",
            "John",
            "Bridge",
            "Long",
            "met",
            "",
            "K",
            "Kelin's",
            "Zzyzx",
            "Jean-Luc",
            "\u{c9}mile",
            "Christopher",
            "Alexandrina",
        ];
        for w in words {
            assert_eq!(r.may_name(w), plain(w), "{w}");
        }
        assert!(r.may_name("Kelin") && r.may_name("Mary") && !r.may_name("Zzyzx"));
    }

    #[test]
    fn titled_surname_is_a_person() {
        let text = "President Obama spoke on Monday.\n\nHe was tired.";
        assert_eq!(resolve_all(text, &[], &[("He", 0)]), vec![Some("Obama".to_string())]);
    }

    #[test]
    fn titled_surname_before_a_full_name_is_someone_else() {
        let text = "President Obama spoke on Monday.\n\nHis wife, Michelle Obama, spoke too.";
        let got = resolve_all(text, &[], &[("President Obama", 0)]);
        assert_eq!(got, vec![Some("Obama".to_string())]);
    }

    #[test]
    fn surname_goes_to_a_person_just_introduced_with_title() {
        let text = "Gary Lee spoke on Monday. Lee said he would win. Lee was calm.\n\n\
                    Homeland Security Secretary Jon Lee said on Tuesday that all was well.\n\n\
                    Lee said more.\n\nGary Lee answered.\n\nLee said again.";
        let got = resolve_all(text, &[], &[("Lee", 4), ("Lee", 6)]);
        assert_eq!(got, vec![Some("Jon Lee".to_string()), Some("Gary Lee".to_string())]);
    }

    #[test]
    fn it_is_the_organisation_or_document_that_spoke_last() {
        let text = "The report said costs rose.\n\nIt said more.\n\nAnn Lee said no.\n\nIt said yes.";
        let got = resolve_all(text, &[], &[("The report", 0), ("It", 0), ("Ann Lee", 0), ("It", 1)]);
        let want = ["The report", "The report", "Ann Lee", "The report"];
        assert_eq!(got, want.iter().map(|w| Some(w.to_string())).collect::<Vec<_>>());
        let far = format!("Acme Corp said no.{}\n\nIt said yes.", " Word.".repeat(400));
        assert_eq!(resolve_all(&far, &[], &[("Acme Corp", 0), ("It", 0)])[1], None);
    }

    #[test]
    fn role_noun_prefers_the_person_with_that_title() {
        let text = "Sen. Ann Lee met Gov. Tom Ray on Monday.\n\nRay spoke first. Then the senator spoke.";
        let got = resolve_all(text, &[], &[("Ray", 1), ("the senator", 0)]);
        assert_eq!(got, vec![Some("Tom Ray".to_string()), Some("Ann Lee".to_string())]);
    }

    #[test]
    fn affiliation_before_a_first_name_is_dropped() {
        let text = "Republican Donald Trump spoke.\n\nTrump was late. Cornell Paul Bates spoke.";
        let ents = [entity(text, "Republican", EntityLabel::Norp)];
        let got = resolve_all(text, &ents, &[("Trump", 1), ("Cornell Paul Bates", 0)]);
        assert_eq!(got, vec![Some("Donald Trump".to_string()), Some("Cornell Paul Bates".to_string())]);
    }

    #[test]
    fn lone_capitalised_word_is_no_antecedent() {
        let text = "Ted Cruz spoke on Monday.\n\nDelegates questioned how Cruz could do it.\n\nHe was firm.";
        let got = resolve_all(text, &[], &[("Delegates", 0), ("He", 0)]);
        assert_eq!(got[1].as_deref(), Some("Ted Cruz"));
    }

    #[test]
    fn attributive_name_is_no_antecedent() {
        let text = "Hillary Clinton spoke.\n\nMary Dunmore answered.\n\nThe Clinton campaign, Dunmore thinks, is late.\n\nShe was firm.";
        let got = resolve_all(text, &[], &[("Mary Dunmore", 0), ("She", 0)]);
        assert_eq!(got[1].as_deref(), Some("Mary Dunmore"));
    }

    #[test]
    fn lone_first_name_and_org_names() {
        let text = "Maria thought it was outrageous.\n\nShe was angry.";
        assert_eq!(resolve_all(text, &[], &[("She", 0)]), vec![Some("Maria".to_string())]);
        let text = "The Water Energy Agency said so. The Daily News said so.";
        let got = resolve_all(text, &[], &[("The Water Energy Agency", 0), ("The Daily News", 0)]);
        assert_eq!(got, vec![Some("Water Energy Agency".to_string()), Some("The Daily News".to_string())]);
    }

    #[test]
    fn abbreviation_before_a_role_is_a_role() {
        let text = "Ann Lee spoke on Monday.\n\nThe U.S. senator was firm.";
        let got = resolve_all(text, &[], &[("Ann Lee", 0), ("U.S. senator", 0)]);
        assert_eq!(got[1].as_deref(), Some("Ann Lee"));
    }
}
