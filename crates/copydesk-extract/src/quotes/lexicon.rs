//! Word lists of the quote extractor (compiled in from `data/*.txt`) and small word tests.

use super::len_filter::LenFilter;
use crate::ascii_scan::{in_range, load_le, HI};
use foldhash::HashMap;
use once_cell::sync::Lazy;

fn lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// `w` without the non-alphanumeric characters around it ("Lee," -> "Lee", "(the" -> "the");
/// a word that starts and ends with an ASCII letter or digit is returned as it is, unscanned.
#[inline]
pub(crate) fn core_word(w: &str) -> &str {
    let b = w.as_bytes();
    match (b.first(), b.last()) {
        (Some(f), Some(l)) if f.is_ascii_alphanumeric() && l.is_ascii_alphanumeric() => w,
        _ => w.trim_matches(|c: char| !c.is_alphanumeric()),
    }
}

/// Longest word lowered without allocating.
const LOWER_BUF: usize = 32;

/// Call `f` with `w` in lower case; ASCII words up to 32 bytes are lowered on the stack.
pub(crate) fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    if w.len() <= LOWER_BUF && w.is_ascii() {
        // Already lower case (as cue words and most words asked about are): nothing to copy.
        if !w.bytes().any(|b| b.is_ascii_uppercase()) {
            return f(w);
        }
        let mut buf = [0u8; LOWER_BUF];
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        // ASCII in, ASCII out.
        f(std::str::from_utf8(b).unwrap_or_default())
    } else {
        f(&w.to_lowercase())
    }
}

/// Words that end a mention when walking left from a cue: clause connectors and verbs.
const STOP_WORDS: &[&str] = &[
    "that", "and", "but", "or", "when", "as", "because", "while", "which", "who", "whom", "if", "since", "after",
    "before", "though", "although", "where", "what", "so", "than", "to", "in", "on", "at", "for", "with", "by", "from",
    "of", "is", "was", "are", "were", "be", "been", "not", "why", "how", "until", "once", "whether", "about", "into",
    "over", "under", "during", "said", "says", "told",
];

/// Auxiliaries and adverbs between a subject and its cue ("has also said").
const AUX_WORDS: &[&str] = &[
    "has",
    "had",
    "have",
    "also",
    "then",
    "later",
    "again",
    "further",
    "would",
    "will",
    "previously",
    "recently",
    "once",
    "just",
    "repeatedly",
    "earlier",
    "had,",
    "already",
    "reportedly",
    "often",
    "always",
    "never",
    "even",
    "still",
    "simply",
    "publicly",
    "privately",
    "flatly",
    "has,",
    "did",
    "does",
    "do",
    "may",
    "might",
    "could",
    "should",
    "can",
];

/// Determiners and possessives that open a noun-phrase mention ("the official", "his spokesman").
const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "another", "one"];

/// Nouns for documents and outlets that speak ("the statement said", "the report found").
const DOCUMENT_NOUNS: &[&str] = &[
    "statement",
    "release",
    "report",
    "letter",
    "memo",
    "document",
    "email",
    "e-mail",
    "tweet",
    "post",
    "ad",
    "advertisement",
    "study",
    "survey",
    "poll",
    "complaint",
    "lawsuit",
    "filing",
    "ruling",
    "indictment",
    "newspaper",
    "paper",
    "magazine",
    "website",
    "site",
    "outlet",
    "network",
    "campaign",
    "committee",
    "ministry",
    "department",
    "agency",
    "government",
    "company",
    "group",
    "organization",
    "organisation",
    "party",
    "office",
    "article",
    "story",
    "editorial",
    "book",
    "video",
    "speech",
];

/// Words that never start a name, with the month and weekday names of [`crate::calendar`].
fn not_name_list() -> impl Iterator<Item = &'static &'static str> {
    NOT_NAME_WORDS.iter().chain(&crate::calendar::MONTH_NAMES).chain(&crate::calendar::WEEKDAY_NAMES)
}

/// Capitalised words that open no name (sentence connectors, dates), besides stop words,
/// determiners, auxiliaries and the calendar's month and weekday names.
const NOT_NAME_WORDS: &[&str] = &[
    "however",
    "meanwhile",
    "yet",
    "now",
    "still",
    "also",
    "asked",
    "read",
    "more",
    "like",
    "unlike",
    "mid-november",
    "last",
    "next",
    "this",
    "during",
    "despite",
    "following",
    "according",
    "under",
    "with",
    "without",
    "among",
    "amid",
    "even",
    "only",
    "just",
    "instead",
];

/// Bits of [`flags`].
const STOP: u16 = 1;
const AUX: u16 = 1 << 1;
const DET: u16 = 1 << 2;
const DOC: u16 = 1 << 3;
const TITLE: u16 = 1 << 4;
const ROLE: u16 = 1 << 5;
const PRONOUN_M: u16 = 1 << 6;
const PRONOUN_F: u16 = 1 << 7;
const PRONOUN_N: u16 = 1 << 8;
const PRONOUN: u16 = PRONOUN_M | PRONOUN_F | PRONOUN_N;
const NOT_NAME: u16 = 1 << 9;

/// Every listed word (lower case) with the lists it is on: one look-up answers all the word
/// tests below.
static WORDS: Lazy<WordTable> = Lazy::new(|| WordTable::new(word_map()));

/// Every listed word (lower case) with the lists it is on.
fn word_map() -> HashMap<&'static str, u16> {
    let mut m: HashMap<&'static str, u16> = HashMap::default();
    let mut add = |ws: &mut dyn Iterator<Item = &'static str>, bit: u16| {
        for w in ws {
            *m.entry(w).or_insert(0) |= bit;
        }
    };
    add(&mut STOP_WORDS.iter().copied(), STOP);
    add(&mut AUX_WORDS.iter().copied(), AUX);
    add(&mut DETERMINERS.iter().copied(), DET);
    add(&mut DOCUMENT_NOUNS.iter().copied(), DOC);
    add(&mut not_name_list().copied(), NOT_NAME);
    add(&mut lines(include_str!("../../data/person_titles.txt")), TITLE);
    add(&mut lines(include_str!("../../data/roles.txt")), ROLE);
    for l in lines(include_str!("../../data/pronouns.txt")) {
        let mut it = l.split_whitespace();
        if let (Some(w), Some(g)) = (it.next(), it.next()) {
            let bit = match g {
                "m" => PRONOUN_M,
                "f" => PRONOUN_F,
                _ => PRONOUN_N,
            };
            add(&mut std::iter::once(w), bit);
        }
    }
    m
}

/// The listed words (lower case) with their flags, and quick tests that turn most other
/// words away unhashed.
struct WordTable {
    map: HashMap<&'static [u8], u16>,
    /// The lower-case ASCII words of up to [`SHORT`] bytes again, by [`short_key`], in an
    /// open-addressed table (0: an empty slot; less than three quarters full, 262 words in 512
    /// slots now): an integer look-up, no string hashing or comparing, in 5 KiB.
    short_keys: Box<[u64; SHORT_SLOTS]>,
    short_vals: Box<[u16; SHORT_SLOTS]>,
    /// The lower-case ASCII words of up to [`LOWER_BUF`] bytes, one bit each ([`short_bit`],
    /// [`long_bit`]): 1 KiB, which stays in the cache, so that most unlisted words are turned
    /// away without reading the tables (whose reads at random places missed the cache).
    seen: Box<[u64; SEEN_WORDS]>,
    /// The first two letters and lengths of the words: most other words fail it unhashed
    /// (for the words that are lowered by `to_lowercase`).
    filter: LenFilter,
}

/// Slots of [`WordTable::short_keys`] (a power of two, more than 4/3 of the number of words).
const SHORT_SLOTS: usize = 512;

/// Size in `u64` of [`WordTable::seen`] (8192 bits).
const SEEN_WORDS: usize = 128;

/// The slot where the probe for a [`short_key`] starts.
#[inline]
fn short_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize & (SHORT_SLOTS - 1)
}

/// The bit of a [`short_key`] in [`WordTable::seen`] (other bits of the hash than [`short_slot`]'s).
#[inline]
fn short_bit(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 29) as usize & (SEEN_WORDS * 64 - 1)
}

/// The bit of a lower-case ASCII word of more than [`SHORT`] bytes in [`WordTable::seen`]:
/// from its first and last eight bytes (which overlap or cover it) and its length.
#[inline]
fn long_bit(lw: &[u8]) -> usize {
    let n = lw.len();
    let first = load_le(lw, 0, n.min(8)).unwrap_or(0);
    let last = load_le(lw, n.saturating_sub(8), n.min(8)).unwrap_or(0);
    let x = first ^ last.rotate_left(29) ^ ((n as u64) << 56);
    (x.wrapping_mul(0xD6E8_FEB8_6659_FD93) >> 51) as usize & (SEEN_WORDS * 64 - 1)
}

/// [`long_bit`] of the ASCII word `b` (more than [`SHORT`] bytes) lowered, without copying
/// it: its first and last eight bytes are lowered eight at a time.
#[inline]
fn long_bit_ascii(b: &[u8]) -> usize {
    let n = b.len();
    // ASCII (high bits clear, as `in_range` wants): 0x80 >> 2 is the case bit 0x20.
    let lower = |x: u64| x | (in_range(x & !HI, b'A', b'Z') >> 2);
    let first = lower(load_le(b, 0, n.min(8)).unwrap_or(0));
    let last = lower(load_le(b, n.saturating_sub(8), n.min(8)).unwrap_or(0));
    let x = first ^ last.rotate_left(29) ^ ((n as u64) << 56);
    (x.wrapping_mul(0xD6E8_FEB8_6659_FD93) >> 51) as usize & (SEEN_WORDS * 64 - 1)
}

/// Whether bit `bit` of [`WordTable::seen`] is set.
#[inline]
fn has_bit(set: &[u64; SEEN_WORDS], bit: usize) -> bool {
    set.get(bit >> 6).is_some_and(|w| w & (1u64 << (bit & 63)) != 0)
}

impl WordTable {
    fn new(words: HashMap<&'static str, u16>) -> Self {
        let mut t = WordTable {
            map: HashMap::default(),
            short_keys: Box::new([0; SHORT_SLOTS]),
            short_vals: Box::new([0; SHORT_SLOTS]),
            seen: Box::new([0; SEEN_WORDS]),
            filter: LenFilter::new(),
        };
        for (w, f) in words {
            t.filter.add(w);
            t.map.insert(w.as_bytes(), f);
            // Only words a lowered ASCII query can equal (the quick paths are for ASCII words).
            if !w.bytes().all(|c| c.is_ascii() && !c.is_ascii_uppercase()) || w.is_empty() || w.len() > LOWER_BUF {
                continue;
            }
            let bit = if w.len() <= SHORT {
                let key = short_key(w.as_bytes());
                let mut slot = short_slot(key);
                while t.short_keys[slot] != 0 {
                    slot = (slot + 1) & (SHORT_SLOTS - 1);
                }
                t.short_keys[slot] = key;
                t.short_vals[slot] = f;
                short_bit(key)
            } else {
                long_bit(w.as_bytes())
            };
            t.seen[bit >> 6] |= 1u64 << (bit & 63);
        }
        t
    }

    /// The flags of the lower-case word `lw` (0 when not listed).
    #[inline]
    fn get(&self, lw: &str) -> u16 {
        if !self.filter.may_hold(lw) {
            return 0;
        }
        self.map.get(lw.as_bytes()).copied().unwrap_or(0)
    }

    /// The flags of the ASCII word of [`short_key`] `key` (0 when not listed).
    #[inline]
    fn short(&self, key: u64) -> u16 {
        if !has_bit(&self.seen, short_bit(key)) {
            return 0;
        }
        let mut slot = short_slot(key);
        // Less than three quarters full: an empty slot ends every probe; the bound is a safeguard.
        for _ in 0..SHORT_SLOTS {
            match self.short_keys.get(slot) {
                Some(&k) if k == key => return self.short_vals.get(slot).copied().unwrap_or(0),
                Some(&0) | None => return 0,
                Some(_) => slot = (slot + 1) & (SHORT_SLOTS - 1),
            }
        }
        0
    }
}

/// Longest word of [`WordTable::short_keys`], in bytes.
const SHORT: usize = 7;

/// An ASCII word of at most [`SHORT`] bytes as one integer, lowered: its bytes from the lowest
/// (lowered eight at a time), its length in the top byte (so words differing only by trailing
/// NUL bytes differ). Read with two overlapping four-byte loads, or byte by byte (no copy).
#[inline]
fn short_key(b: &[u8]) -> u64 {
    short_key_of(short_bytes(b) & !HI, b.len())
}

/// The bytes of a word of at most [`SHORT`] bytes (the first [`SHORT`] of a longer one) as
/// one integer, from the lowest, as written.
#[inline]
fn short_bytes(b: &[u8]) -> u64 {
    let n = b.len().min(SHORT);
    let le4 =
        |i: usize| b.get(i..i + 4).and_then(|x| x.try_into().ok()).map_or(0, |x| u64::from(u32::from_le_bytes(x)));
    if n >= 4 {
        // The overlapping bytes are the same in both loads.
        le4(0) | (le4(n - 4) << (8 * (n - 4)))
    } else {
        let at = |i: usize| b.get(i).map_or(0, |&c| u64::from(c));
        at(0) | (at(1) << 8) | (at(2) << 16)
    }
}

/// [`short_key`] from the [`short_bytes`] `x` (high bits clear) of a word of `len` bytes.
#[inline]
fn short_key_of(x: u64, len: usize) -> u64 {
    // ASCII: the high bits are clear, as `in_range` wants; 0x80 >> 2 is the case bit 0x20.
    (x | (in_range(x, b'A', b'Z') >> 2)) | ((len as u64) << 56)
}

/// The lists `w` (any case) is on.
#[inline]
fn flags(w: &str) -> u16 {
    let b = w.as_bytes();
    let table = &*WORDS;
    if b.len() <= SHORT {
        // All its bytes are in `x`: ASCII when their high bits are clear.
        let x = short_bytes(b);
        if x & HI == 0 {
            return table.short(short_key_of(x, b.len()));
        }
    } else if b.len() <= LOWER_BUF && b.is_ascii() {
        // The bit test first, from the word's first and last eight bytes lowered in place:
        // most words fail it, and only the rest are lowered whole for the map.
        if !has_bit(&table.seen, long_bit_ascii(b)) {
            return 0;
        }
        let mut buf = [0u8; LOWER_BUF];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        let lw = buf.get(..b.len()).unwrap_or_default();
        return table.map.get(lw).copied().unwrap_or(0);
    }
    table.get(&w.to_lowercase())
}

/// A set of 8192 bits (1 KiB) over words as written (case and all): a word whose bit is clear
/// is not in the set. Small enough to stay in the cache, so that most words asked about a
/// word list are turned away without reading the list's map (whose reads at random places
/// miss the cache).
pub(crate) struct WordBits(Box<[u64; SEEN_WORDS]>);

impl WordBits {
    /// A set that holds no word.
    pub(crate) fn new() -> Self {
        WordBits(Box::new([0; SEEN_WORDS]))
    }

    /// Add `w`.
    pub(crate) fn add(&mut self, w: &str) {
        self.add_bytes(w.as_bytes());
    }

    /// Add the key `b` (bytes as they are).
    pub(crate) fn add_bytes(&mut self, b: &[u8]) {
        let bit = exact_bit(b);
        if let Some(x) = self.0.get_mut(bit >> 6) {
            *x |= 1u64 << (bit & 63);
        }
    }

    /// Might `w` have been added? (False only for words never added.)
    #[inline]
    pub(crate) fn may_hold(&self, w: &str) -> bool {
        self.may_hold_bytes(w.as_bytes())
    }

    /// Might the key `b` have been added? (False only for keys never added.)
    #[inline]
    pub(crate) fn may_hold_bytes(&self, b: &[u8]) -> bool {
        has_bit(&self.0, exact_bit(b))
    }
}

/// The bit of a word (its bytes as they are) in a [`WordBits`]: from its bytes packed into one
/// integer (words of up to eight bytes, by overlapping loads) or from its first and last eight
/// bytes, and its length.
#[inline]
fn exact_bit(b: &[u8]) -> usize {
    let n = b.len();
    let le8 = |i: usize| b.get(i..i + 8).and_then(|x| x.try_into().ok()).map_or(0, u64::from_le_bytes);
    let le4 =
        |i: usize| b.get(i..i + 4).and_then(|x| x.try_into().ok()).map_or(0, |x| u64::from(u32::from_le_bytes(x)));
    let x = if n >= 8 {
        le8(0) ^ le8(n - 8).rotate_left(29)
    } else if n >= 4 {
        le4(0) | (le4(n - 4) << (8 * (n - 4)))
    } else {
        let at = |i: usize| b.get(i).map_or(0, |&c| u64::from(c));
        at(0) | (at(1) << 8) | (at(2) << 16)
    };
    ((x ^ ((n as u64) << 56)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 51) as usize & (SEEN_WORDS * 64 - 1)
}

/// The lists one word is on, from a single look-up (see [`lists`]): for callers that ask
/// several of the word tests below about the same word.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lists {
    flags: u16,
    /// At most four bytes long (speaker pronouns are).
    short: bool,
}

/// The lists `w` (any case) is on.
pub(crate) fn lists(w: &str) -> Lists {
    Lists { flags: flags(w), short: w.len() <= 4 }
}

impl Lists {
    /// [`is_stop_word`].
    pub(crate) fn stop(self) -> bool {
        self.flags & STOP != 0
    }

    /// On the title list ([`is_title`] of a word without a final period).
    pub(crate) fn title_listed(self) -> bool {
        self.flags & TITLE != 0
    }

    /// On the auxiliary list ([`is_aux`] without its "-ly" adverbs).
    pub(crate) fn aux_listed(self) -> bool {
        self.flags & AUX != 0
    }

    /// [`is_determiner`].
    pub(crate) fn determiner(self) -> bool {
        self.flags & DET != 0
    }

    /// [`is_role`].
    pub(crate) fn role(self) -> bool {
        self.flags & ROLE != 0
    }

    /// [`is_document_noun`].
    pub(crate) fn document_noun(self) -> bool {
        self.flags & DOC != 0
    }

    /// [`pronoun`].
    pub(crate) fn pronoun(self) -> Option<Gender> {
        if !self.short {
            return None;
        }
        match self.flags & PRONOUN {
            0 => None,
            PRONOUN_M => Some(Gender::Male),
            PRONOUN_F => Some(Gender::Female),
            _ => Some(Gender::Unknown),
        }
    }
}

/// The words [`not_name_start`] refuses whatever the position (stop words, determiners,
/// auxiliaries and the rest of its list), for callers that index them their own way.
pub(crate) fn not_name_words() -> impl Iterator<Item = &'static str> {
    STOP_WORDS.iter().chain(DETERMINERS).chain(AUX_WORDS).chain(not_name_list()).copied()
}

/// The words of [`is_determiner`].
pub(crate) fn determiner_words() -> &'static [&'static str] {
    DETERMINERS
}

/// Grammatical gender of a speaker, where cheaply known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    /// "he", "Mr."
    Male,
    /// "she", "Mrs.", "Ms."
    Female,
    /// Not known or plural.
    Unknown,
}

impl Gender {
    /// Could a mention of gender `self` refer to a person of gender `other`?
    pub(crate) fn compatible(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// The gender of a pronoun ("he" -> Male), or None when `w` is not a speaker pronoun.
pub(crate) fn pronoun(w: &str) -> Option<Gender> {
    if w.len() > 4 {
        return None;
    }
    lists(w).pronoun()
}

/// The gender a title implies ("Mrs." -> Female).
pub(crate) fn title_gender(w: &str) -> Gender {
    with_lower(w.trim_end_matches('.'), |lw| match lw {
        "mr" | "sir" | "lord" | "king" | "prince" | "father" | "congressman" | "spokesman" | "chairman"
        | "councilman" | "businessman" => Gender::Male,
        "mrs" | "ms" | "miss" | "lady" | "dame" | "queen" | "princess" | "congresswoman" | "spokeswoman"
        | "chairwoman" | "councilwoman" | "businesswoman" | "actress" => Gender::Female,
        _ => Gender::Unknown,
    })
}

/// Is `w` (any case, trailing period allowed) a title word?
pub(crate) fn is_title(w: &str) -> bool {
    // Lower-casing keeps the periods, so trimming them first is the same.
    flags(w) & TITLE != 0 || (w.ends_with('.') && flags(w.trim_end_matches('.')) & TITLE != 0)
}

/// Is `w` a role noun ("official", "Diplomat")?
pub(crate) fn is_role(w: &str) -> bool {
    flags(w) & ROLE != 0
}

/// Words that end a mention when walking left from a cue: clause connectors and verbs.
pub(crate) fn is_stop_word(w: &str) -> bool {
    flags(w) & STOP != 0
}

/// Auxiliaries and adverbs between a subject and its cue ("has also said").
pub(crate) fn is_aux(w: &str) -> bool {
    aux_with(w, lists(w))
}

/// [`is_aux`] of `w` with its [`Lists`] known.
pub(crate) fn aux_with(w: &str, l: Lists) -> bool {
    l.aux_listed() || (w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase()))
}

/// Words that cannot open a name although capitalised (sentence connectors, dates, and, at
/// the start of a sentence, adverbs in "-ly"). Inside a sentence a capitalised "-ly" word is a
/// name ("Kelly", "Polly"), as it is when `first_name` knows it.
pub(crate) fn not_name_start(w: &str, sentence_initial: bool, first_name: bool) -> bool {
    flags(w) & (STOP | DET | AUX | NOT_NAME) != 0
        || (sentence_initial
            && !first_name
            && with_lower(w, |lw| lw.len() > 4 && lw.ends_with("ly") && lw.chars().all(|c| c.is_ascii_lowercase())))
}

/// Determiners and possessives that open a noun-phrase mention ("the official", "his spokesman").
pub(crate) fn is_determiner(w: &str) -> bool {
    flags(w) & DET != 0
}

/// Nouns for documents and outlets that speak ("the statement said", "the report found").
pub(crate) fn is_document_noun(w: &str) -> bool {
    flags(w) & DOC != 0
}

/// Words that mark a capitalised run as an organisation or place rather than a person (as
/// written, case and all).
const ORG_WORDS: [&str; 72] = [
    "Times",
    "News",
    "Post",
    "Journal",
    "Party",
    "Committee",
    "Council",
    "Ministry",
    "Department",
    "Office",
    "House",
    "University",
    "College",
    "Institute",
    "Association",
    "Union",
    "Agency",
    "Bank",
    "Fund",
    "Company",
    "Corporation",
    "Group",
    "Foundation",
    "Center",
    "Centre",
    "Court",
    "Congress",
    "Senate",
    "Parliament",
    "Government",
    "Administration",
    "Campaign",
    "Network",
    "Magazine",
    "Press",
    "Herald",
    "Tribune",
    "Street",
    "States",
    "Kingdom",
    "Republic",
    "City",
    "County",
    "Federation",
    "Nations",
    "Organization",
    "Organisation",
    "Service",
    "Services",
    "Force",
    "Forces",
    "Army",
    "Navy",
    "Police",
    "Inc",
    "Inc.",
    "Ltd",
    "Co.",
    "Corp.",
    "TV",
    "Radio",
    "Channel",
    "Daily",
    "Weekly",
    "Review",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// [`ORG_WORDS`], and their [`WordBits`]: most words asked about (names) are turned away by
/// one bit test, without hashing.
static ORG: Lazy<(WordBits, foldhash::HashSet<&'static str>)> = Lazy::new(|| {
    let mut bits = WordBits::new();
    for w in ORG_WORDS {
        bits.add(w);
    }
    (bits, ORG_WORDS.into_iter().collect())
});

/// Words that mark a capitalised run as an organisation or place rather than a person
/// ([`ORG_WORDS`]).
pub(crate) fn is_org_word(w: &str) -> bool {
    let (bits, set) = &*ORG;
    bits.may_hold(w) && set.contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_lookups() {
        assert!(is_stop_word("That"));
        assert!(is_aux("ALSO"));
        assert!(is_determiner("The"));
        assert!(!is_determiner("Thé"));
        with_lower("ÉCOLE Said", |w| assert_eq!(w, "école said"));
    }

    proptest::proptest! {
        #[test]
        fn with_lower_agrees_with_to_lowercase(w in "[a-zA-Z.'\u{c9}\u{e9}]{0,40}") {
            proptest::prop_assert_eq!(with_lower(&w, str::to_string), w.to_lowercase());
        }
    }

    /// The flags as a plain map look-up of the lower-cased word gives them.
    fn map_flags(m: &HashMap<&'static str, u16>, w: &str) -> u16 {
        m.get(w.to_lowercase().as_str()).copied().unwrap_or(0)
    }

    #[test]
    fn table_agrees_with_a_map() {
        let m = word_map();
        let mut words: Vec<String> = Vec::new();
        for &w in m.keys() {
            let cap: String = w.chars().take(1).flat_map(char::to_uppercase).chain(w.chars().skip(1)).collect();
            for v in [w.to_string(), w.to_uppercase(), cap, format!("{w}."), format!("{w}s"), format!("x{w}")] {
                words.push(v.clone());
                if v.len() > 1 {
                    words.push(v[..v.len() - 1].to_string());
                }
            }
        }
        for w in [
            "",
            "a",
            "A",
            "I",
            "i",
            "é",
            "Thé",
            "\u{212a}ing",
            "-",
            "1st",
            "said",
            &"x".repeat(40),
            "Ms.",
            "MS.",
            "a\0",
            "the\0\0",
            "\0",
        ] {
            words.push(w.to_string());
        }
        for w in &words {
            assert_eq!(flags(w), map_flags(&m, w), "{w:?}");
        }
    }

    #[test]
    fn quick_tests_pass_every_listed_word() {
        let t = &*WORDS;
        let mut short = 0;
        for (&w, &f) in &word_map() {
            let b = w.as_bytes();
            if b.is_empty() || b.len() > LOWER_BUF || !b.iter().all(|c| c.is_ascii() && !c.is_ascii_uppercase()) {
                continue;
            }
            if b.len() <= SHORT {
                assert!(has_bit(&t.seen, short_bit(short_key(b))), "{w}");
                assert_eq!(t.short(short_key(b)), f, "{w}");
                short += 1;
            } else {
                assert!(has_bit(&t.seen, long_bit(b)), "{w}");
            }
            assert_eq!(flags(w), f, "{w}");
        }
        assert!(short * 4 < SHORT_SLOTS * 3, "{short}");
        // Most unlisted words are turned away by the bit set alone.
        let words = ["people", "international", "year", "Kelin", "Boris", "water", "economy", "village", "football"];
        let passed = words.iter().filter(|w| {
            let lw = w.to_ascii_lowercase();
            let b = lw.as_bytes();
            has_bit(&t.seen, if b.len() <= SHORT { short_bit(short_key(b)) } else { long_bit(b) })
        });
        assert!(passed.count() <= 2);
        assert_eq!(t.short(0), 0);
    }

    proptest::proptest! {
        #[test]
        fn long_bit_ascii_is_long_bit_of_the_lowered_word(w in "[a-zA-Z0-9@\\[`{_. -]{8,40}") {
            let lw = w.to_ascii_lowercase();
            proptest::prop_assert_eq!(long_bit_ascii(w.as_bytes()), long_bit(lw.as_bytes()));
        }
    }

    #[test]
    fn org_words_as_written() {
        for w in ORG_WORDS {
            assert!(is_org_word(w), "{w}");
            let lower = w.to_lowercase();
            assert_eq!(is_org_word(&lower), ORG_WORDS.contains(&lower.as_str()), "{lower}");
            for v in [format!("{w}s"), format!("{w}."), w[..w.len() - 1].to_string(), w.to_uppercase()] {
                assert_eq!(is_org_word(&v), ORG_WORDS.contains(&v.as_str()), "{v}");
            }
        }
        assert!(!is_org_word("Lee") && !is_org_word("") && !is_org_word("times"));
    }

    #[test]
    fn word_bits_hold_every_word_added() {
        let long = "x".repeat(70);
        let words =
            ["Sen.", "SEN", "sen", "A", "", "Ángel", long.as_str(), "Mary", "mARY", "9/11", "Government", "abcdefgh"];
        let mut f = WordBits::new();
        for w in words {
            f.add(w);
        }
        for w in words {
            assert!(f.may_hold(w), "{w}");
        }
        let others = ["Senator", "Bob", "Ma", "mary", "Governments", "abcdefg", "abcdefgh\0", "x", "Polly"];
        assert!(others.iter().filter(|w| f.may_hold(w)).count() <= 1);
    }

    #[test]
    fn core_word_agrees_with_trimming() {
        for w in ["", "a", "Lee,", "(the", "\"Lee\"", "é", "éa", "aé", "a-b", "—", "1st.", "x\u{301}", "Ann's", "’s"]
        {
            assert_eq!(core_word(w), w.trim_matches(|c: char| !c.is_alphanumeric()), "{w:?}");
        }
    }

    #[test]
    fn short_keys_lower_ascii_words() {
        for w in ["", "a", "AbC", "ZZtop@[", "a\0", "\0", "1-2_Q`{"] {
            let lower: Vec<u8> = w.bytes().map(|c| c.to_ascii_lowercase()).collect();
            let mut want = (w.len() as u64) << 56;
            for (i, &c) in lower.iter().enumerate() {
                want |= u64::from(c) << (8 * i);
            }
            assert_eq!(short_key(w.as_bytes()), want, "{w:?}");
        }
        assert_ne!(short_key(b"a"), short_key(b"a\0"));
    }

    #[test]
    fn pronouns_and_titles() {
        assert_eq!(pronoun("She"), Some(Gender::Female));
        assert_eq!(pronoun("Kelin"), None);
        assert!(is_title("Sen."));
        assert!(is_title("Minister"));
        assert!(is_role("diplomat"));
        assert_eq!(title_gender("Mrs."), Gender::Female);
    }
}
