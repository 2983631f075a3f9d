//! The token list shared by the number, money and date finders: words, digit runs and single
//! symbols, built once per text in one linear pass, with an ASCII-lower-cased copy of the text
//! and, per token, the lexicon classes of its word (number word, date word, first word of a
//! currency form or a holiday name). The classes let the finders skip every token that cannot
//! start what they look for without comparing strings.

use once_cell::sync::Lazy;
use std::collections::HashMap;

use crate::calendar::{MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_ABBREVIATIONS, WEEKDAY_NAMES};

/// Kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// A run of ASCII digits with inner `,` `.` separators ("1,234.5").
    Num,
    /// A run of letters (any script).
    Word,
    /// Any other single non-space character.
    Sym,
}

/// A token: byte range in the text, kind and lexicon classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Lexicon classes of the token's lower-cased text ([`class`] bits).
    pub class: u8,
    /// What the entity tokenizer may take from the token without reading it ([`ent`]).
    pub ent: u8,
}

/// Bits of [`Tok::ent`]: what the entity tokenizer (`entities::tokens`) may take from a token
/// without reading its bytes again.
pub(crate) mod ent {
    /// The two low bits of a whole run of ASCII letters or digits: how the byte after it ends
    /// it for the entity tokenizer ([`AFTER_RUN`]); the run is a plain word there when these
    /// bits exceed 1 for a run starting with a capital, 0 for any other.
    pub const AFTER: u8 = 3;
    /// A whole run of ASCII letters (without it, of ASCII digits, when [`AFTER`] is not 0).
    pub const LETTERS: u8 = 4;
    /// An ASCII symbol (a one-byte punctuation token for the entity tokenizer too).
    pub const SYM: u8 = 8;
    /// With [`LETTERS`]: the run is at least four letters long.
    pub const LONG: u8 = 32;
    /// Bits the lexer leaves 0 (the entity tokenizer may use them).
    pub const FREE: u8 = !(AFTER | LETTERS | SYM | LONG);

    /// [`LETTERS`] with [`LONG`] for a whole run of `len` ASCII letters (without the [`AFTER`]
    /// bits).
    #[inline(always)]
    pub fn letters(len: usize) -> u8 {
        LETTERS | (u8::from(len >= 4) << 5)
    }

    /// How a byte after a run of ASCII letters or digits ends it for the entity tokenizer: 2
    /// always (white space, other ASCII punctuation), 1 unless the run starts with a capital
    /// (a period), 0 never (a letter, a digit, a joiner `-` `'` `&` `+`, a non-ASCII byte).
    pub static AFTER_RUN: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            t[b] = if c == b'.' {
                1
            } else if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'\'' | b'&' | b'+') {
                0
            } else {
                2
            };
            b += 1;
        }
        t
    };

    /// [`AFTER_RUN`] of the byte after a run (None: the end of the text ends it).
    #[inline(always)]
    pub fn after(next: Option<u8>) -> u8 {
        AFTER_RUN[usize::from(next.unwrap_or(b' '))]
    }
}

/// Lexicon classes (bits of [`Tok::class`]).
pub(crate) mod class {
    /// May start a number in words: "one" .. "nineteen", tens, "a", "an", "half", "quarter".
    pub const NUM_WORD: u8 = 1;
    /// May start a date: month and weekday names, ordinals, decades, seasons, "last", "Q", ...
    pub const DATE: u8 = 2;
    /// First token of a currency form written before the amount ("$", "us", "rs").
    pub const CUR_PRE: u8 = 4;
    /// First token of a currency form written after the amount ("dollars", "euro").
    pub const CUR_POST: u8 = 8;
    /// First token of a holiday name.
    pub const HOLIDAY: u8 = 16;
    /// Percent words ("percent", "per", "percentage").
    pub const PERCENT: u8 = 32;
    /// May start a vague amount: "millions (of dollars)", "several", "multibillion(-dollar)".
    pub const VAGUE: u8 = 64;
    /// Scale, fraction and dozen words ("million", "thirds", "dozen"): they continue a number but
    /// start nothing, so this bit alone does not make a token a mark.
    pub const SCALE: u8 = 128;
    /// The bits that make a word or symbol a mark (a possible start of a number, sum or date).
    /// Not the currency bits: a sum starts at its amount (or a vague word), and the money scan
    /// looks for the currency around it ("$", "US", the "s" of "it's" mark nothing).
    pub const STARTS: u8 = NUM_WORD | DATE | HOLIDAY | PERCENT | VAGUE;
}

/// Words of the fixed classes (number and date words); currency forms and holiday names are
/// added from their data tables.
const NUM_WORDS: &[&str] = &[
    "zero",
    "nought",
    "naught",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fourty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "a",
    "an",
    "half",
    "quarter",
];

/// Date words besides the month and weekday names of [`crate::calendar`].
const DATE_WORDS: &[&str] = &[
    // weekday and deictic modifiers
    "last",
    "past",
    "next",
    "coming",
    "this",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "recent",
    // ordinal days and quarters
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "twenty",
    "thirty",
    // decades, seasons, quarter and half-year letters
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "q",
    "h",
    "'",
    "\u{2019}",
];

const PERCENT_WORDS: &[&str] = &["percent", "percents", "percentage", "per", "pct"];

const VAGUE_WORDS: &[&str] = &[
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "trillions",
    "several",
    "a",
    "few",
    "multi",
    "multimillion",
    "multibillion",
    "multitrillion",
    "million",
    "billion",
    "trillion",
];

/// The lexicon: lower-cased token text to class bits.
static LEXICON: Lazy<HashMap<Box<str>, u8, foldhash::fast::RandomState>> = Lazy::new(|| {
    let mut m: HashMap<Box<str>, u8, foldhash::fast::RandomState> = HashMap::default();
    m.reserve(1024);
    let mut add = |w: &str, c: u8| match m.get_mut(w) {
        Some(bits) => *bits |= c,
        None => {
            m.insert(w.into(), c);
        }
    };
    for w in NUM_WORDS {
        add(w, class::NUM_WORD);
    }
    let calendar =
        [&MONTH_NAMES[..], &MONTH_ABBREVIATIONS[..], &WEEKDAY_NAMES[..], &WEEKDAY_ABBREVIATIONS[..], DATE_WORDS];
    for w in calendar.into_iter().flatten() {
        add(w, class::DATE);
    }
    for w in PERCENT_WORDS {
        add(w, class::PERCENT);
    }
    for w in VAGUE_WORDS {
        add(w, class::VAGUE);
    }
    for w in super::scale_class_words() {
        add(&w, class::SCALE);
    }
    for (w, pre, post) in crate::money::first_words() {
        add(&w, if pre { class::CUR_PRE } else { 0 } | if post { class::CUR_POST } else { 0 });
    }
    for w in crate::dates::holiday_first_words() {
        add(&w, class::HOLIDAY);
    }
    m
});

/// Quick rejections before a lexicon look-up: the longest key, the ASCII symbols that are keys,
/// and a bit set of hashed (first two letters, last letter, length) of the ASCII words that are keys.
struct Filter {
    max_len: usize,
    ascii_syms: u128,
    /// Class bits of every ASCII symbol that is a key (0 for the others), by byte.
    sym_class: [u8; 128],
    words: Box<[u64; 1024]>,
    /// The words of [`Filter::packed`] by [`short_bit`], and the keys of more than eight ASCII
    /// letters by [`long_bit`]: 1 KiB each, small enough to stay in the cache, so that most
    /// words, which are no keys, are rejected without reading the 32 KiB table or the 8 KiB
    /// `words` (whose reads at random places missed the cache).
    short: Box<[u64; SMALL_SET_WORDS]>,
    long: Box<[u64; SMALL_SET_WORDS]>,
    /// The keys of one to eight ASCII letters, each packed into a `u64` ([`pack`]), in an
    /// open-addressed table ([`Filter::packed_entry`]), with their classes and [`rare`] bits
    /// (the words with rare bits are in the table even when they are no keys, with class 0).
    packed: Box<[PackedEntry; PACKED_SLOTS]>,
}

/// A slot of [`Filter::packed`]: packed word (0: free), class bits, [`rare`] bits.
type PackedEntry = (u64, u8, u8);

/// Bits of the words the lexer notes in its [`Facts`]: the fast path of [`lex`] tests them only
/// when a word's [`Filter::packed`] entry has some, instead of comparing every word with them.
mod rare {
    /// The word "m" in any case (the lexer notes it when written in lower case).
    pub const M: u8 = 1;
    /// The word "www" in any case (the start of a URL when a "." follows).
    pub const WWW: u8 = 2;
}

/// Slots of [`Filter::packed`] (a power of two, a few times the number of keys).
const PACKED_SLOTS: usize = 2048;

/// Size in `u64` of [`Filter::short`] and [`Filter::long`] (8192 bits).
const SMALL_SET_WORDS: usize = 128;

/// Bit of a packed word in [`Filter::short`] (13 bits of the hash that [`packed_slot`] takes 11 of).
#[inline]
fn short_bit(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 51) as usize
}

/// Bit of an ASCII word in [`Filter::long`] (13 of the 16 bits of [`word_bit`]).
#[inline]
fn long_bit(w: &[u8]) -> usize {
    word_bit(w) >> 3
}

/// [`long_bit`] of a lower-cased word of `len` ASCII letters (more than eight) whose first
/// eight bytes are `x` (little-endian) and whose last byte is `last`, without reading the word.
#[inline(always)]
fn long_bit_of(x: u64, last: u8, len: usize) -> usize {
    let key = (x as u32 & 0xffff) | u32::from(last) << 16 | (len as u32 & 0xff) << 24;
    (key.wrapping_mul(0x9E37_79B1) >> 16) as usize >> 3
}

/// Whether bit `bit` is set in a set of 8192 bits.
#[inline]
fn has_bit(set: &[u64; SMALL_SET_WORDS], bit: usize) -> bool {
    set.get(bit >> 6).is_some_and(|w| w & (1u64 << (bit & 63)) != 0)
}

/// A word of one to eight lower-case ASCII letters as a `u64` (little-endian, zero-padded).
#[inline]
fn pack(w: &[u8]) -> Option<u64> {
    if w.len() > 8 {
        return None;
    }
    // a byte at a time rather than a copy into a zeroed array (a call to memcpy)
    Some(w.iter().enumerate().fold(0u64, |v, (k, &b)| v | u64::from(b) << (8 * k)))
}

/// First slot of a packed word in [`Filter::packed`].
#[inline]
fn packed_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 53) as usize
}

/// Bit of an ASCII word (at least one letter, lower-cased) in [`Filter::words`] (16 bits).
#[inline]
fn word_bit(w: &[u8]) -> usize {
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else { return 0 };
    let second = w.get(1).copied().unwrap_or(0);
    let key = u32::from(first) | u32::from(second) << 8 | u32::from(last) << 16 | (w.len() as u32 & 0xff) << 24;
    (key.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

impl Filter {
    /// Class bits of a packed word ([`pack`]; 0 when it is not a key).
    #[inline]
    fn packed_class(&self, key: u64) -> u8 {
        self.packed_entry(key).0
    }

    /// Class bits and [`rare`] bits of a packed word ([`pack`]; 0 and 0 when it is not in the table).
    #[inline]
    fn packed_entry(&self, key: u64) -> (u8, u8) {
        if !has_bit(&self.short, short_bit(key)) {
            return (0, 0);
        }
        let mut slot = packed_slot(key);
        loop {
            match self.packed.get(slot & (PACKED_SLOTS - 1)) {
                Some(&(k, c, r)) if k == key => return (c, r),
                Some(&(0, _, _)) | None => return (0, 0),
                Some(_) => slot += 1,
            }
        }
    }

    /// The slot of a packed word: its own, or the free one where it goes.
    fn slot_for(&self, key: u64) -> usize {
        // at most a few hundred keys in 2048 slots: a free slot is near
        let mut slot = packed_slot(key) & (PACKED_SLOTS - 1);
        while self.packed[slot].0 != 0 && self.packed[slot].0 != key {
            slot = (slot + 1) & (PACKED_SLOTS - 1);
        }
        slot
    }

    /// Whether a lower-cased word of more than eight ASCII letters may be a key (as
    /// [`Filter::may_hold_word`], reading a smaller set).
    #[inline]
    fn may_hold_long(&self, w: &[u8]) -> bool {
        w.len() <= self.max_len && has_bit(&self.long, long_bit(w))
    }

    /// Whether a lower-cased ASCII word may be a key.
    #[inline]
    fn may_hold_word(&self, w: &[u8]) -> bool {
        let bit = word_bit(w);
        w.len() <= self.max_len && self.words[bit >> 6] & (1u64 << (bit & 63)) != 0
    }
}

static FILTER: Lazy<Filter> = Lazy::new(|| {
    let mut f = Filter {
        max_len: 0,
        ascii_syms: 0,
        sym_class: [0; 128],
        words: Box::new([0; 1024]),
        short: Box::new([0; SMALL_SET_WORDS]),
        long: Box::new([0; SMALL_SET_WORDS]),
        packed: Box::new([(0, 0, 0); PACKED_SLOTS]),
    };
    for (k, &c) in LEXICON.iter() {
        f.max_len = f.max_len.max(k.len());
        let b = k.as_bytes();
        if let [c] = b {
            if c.is_ascii() && !c.is_ascii_alphanumeric() {
                f.ascii_syms |= 1u128 << c;
                if let Some(slot) = f.sym_class.get_mut(usize::from(*c)) {
                    *slot = LEXICON.get(k).copied().unwrap_or(0);
                }
            }
        }
        if !b.is_empty() && b.iter().all(u8::is_ascii_alphabetic) {
            let bit = word_bit(b);
            f.words[bit >> 6] |= 1u64 << (bit & 63);
            if b.len() > 8 {
                let bit = long_bit(b);
                f.long[bit >> 6] |= 1u64 << (bit & 63);
            }
            if let Some(key) = pack(b) {
                let slot = f.slot_for(key);
                f.packed[slot] = (key, c, 0);
            }
        }
    }
    for (w, bit) in [(&b"m"[..], rare::M), (b"www", rare::WWW)] {
        if let Some(key) = pack(w) {
            let slot = f.slot_for(key);
            let (_, c, r) = f.packed[slot];
            f.packed[slot] = (key, c, r | bit);
        }
    }
    for &(key, _, _) in f.packed.iter().filter(|e| e.0 != 0) {
        let bit = short_bit(key);
        f.short[bit >> 6] |= 1u64 << (bit & 63);
    }
    f
});

/// Class bits of a lower-cased word (0 when it is in no class).
fn class_of(lower: &str) -> u8 {
    LEXICON.get(lower).copied().unwrap_or(0)
}

/// Class bits of a token's ASCII-lower-cased text.
fn token_class(filter: &Filter, kind: TokKind, low: &str) -> u8 {
    match (kind, low.as_bytes()) {
        (TokKind::Num, _) => 0,
        (TokKind::Sym, [b]) if b.is_ascii() => {
            if filter.ascii_syms & (1u128 << b) != 0 {
                class_of(low)
            } else {
                0
            }
        }
        // lower-casing changes a non-ASCII word's length by less than a factor of three
        _ if low.len() > filter.max_len * 3 => 0,
        _ if low.is_ascii() => {
            let rejected =
                low.len() > filter.max_len || (kind == TokKind::Word && !filter.may_hold_word(low.as_bytes()));
            if rejected {
                0
            } else {
                class_of(low)
            }
        }
        _ => class_of(&low.to_lowercase()),
    }
}

/// Classes of bytes for the ASCII fast path of [`Tokens::new`] ([`BYTE_CLASS`]).
mod byte {
    /// ASCII white space (skipped).
    pub const SPACE: u8 = 1;
    /// An ASCII letter.
    pub const LETTER: u8 = 2;
    /// An upper-case ASCII letter (with [`LETTER`]).
    pub const UPPER: u8 = 4;
    /// An ASCII digit.
    pub const DIGIT: u8 = 8;
    /// Any other ASCII character (a one-byte symbol token).
    pub const SYMBOL: u8 = 16;
    /// A byte of a non-ASCII character.
    pub const OTHER: u8 = 32;
}

/// [`byte`] class of every byte value.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [byte::OTHER; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() {
            byte::LETTER
        } else if c.is_ascii_uppercase() {
            byte::LETTER | byte::UPPER
        } else if c.is_ascii_digit() {
            byte::DIGIT
        } else if matches!(c, b' ' | b'\t'..=b'\r') {
            byte::SPACE
        } else {
            byte::SYMBOL
        };
        b += 1;
    }
    t
};

/// End of the digit run starting at byte `i` (a digit): digits with inner `,` `.` separators.
#[inline]
fn digits_end(bytes: &[u8], i: usize) -> usize {
    digit_run(bytes, i).0
}

/// End of the digit run starting at byte `i` (a digit), as [`digits_end`], and whether it holds
/// a separator.
#[inline]
fn digit_run(bytes: &[u8], i: usize) -> (usize, bool) {
    let mut end = i + 1;
    let mut sep = false;
    loop {
        match bytes.get(end) {
            Some(d) if d.is_ascii_digit() => end += 1,
            Some(b',') | Some(b'.') if bytes.get(end + 1).is_some_and(u8::is_ascii_digit) => {
                end += 2;
                sep = true;
            }
            _ => break,
        }
    }
    (end, sep)
}

/// The token starting at or after byte `i`: (start, end, kind, has an upper-case letter).
#[inline]
fn next_token(text: &str, mut i: usize) -> Option<(usize, usize, TokKind, bool)> {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if b.is_ascii_alphabetic() {
                let (end, upper) = word_end(text, i);
                return Some((i, end, TokKind::Word, upper));
            }
            if b.is_ascii_digit() {
                return Some((i, digits_end(bytes, i), TokKind::Num, false));
            }
            if matches!(b, b' ' | b'\t'..=b'\r') {
                i += 1;
                continue;
            }
            return Some((i, i + 1, TokKind::Sym, false));
        }
        let c = text.get(i..).and_then(|s| s.chars().next())?;
        if c.is_whitespace() {
            i += c.len_utf8();
        } else if c.is_alphabetic() {
            let (end, upper) = word_end(text, i);
            return Some((i, end, TokKind::Word, upper));
        } else {
            return Some((i, i + c.len_utf8(), TokKind::Sym, false));
        }
    }
    None
}

/// Lower-cased text of the first token of a phrase (for the lexicon of table-driven forms).
pub(crate) fn first_word(phrase: &str) -> Option<String> {
    let (start, end, _, _) = next_token(phrase, 0)?;
    Some(phrase[start..end].to_lowercase())
}

/// Number of tokens in a phrase (without classifying them).
pub(crate) fn token_count(phrase: &str) -> usize {
    let mut n = 0;
    let mut i = 0;
    while let Some((_, end, _, _)) = next_token(phrase, i) {
        n += 1;
        i = end;
    }
    n
}

/// Tokens of a text plus its ASCII-lower-cased copy (same byte offsets).
pub(crate) struct Tokens<'a> {
    pub text: &'a str,
    /// The text ASCII-lower-cased (same byte offsets), followed by eight NUL bytes (so that
    /// the lexer reads eight bytes at any offset of the text).
    pub lower: String,
    pub toks: Vec<Tok>,
    /// The text has an upper-case letter somewhere (a text in lower case only is read more loosely).
    pub has_upper: bool,
    /// Byte ranges of URLs (numbers inside them are not reported), sorted.
    pub urls: Vec<(usize, usize)>,
    /// Indices of the tokens that may start a number, sum or date ([`is_mark`]: digits, words
    /// and symbols of the lexicon, non-ASCII symbols, "." before a digit), ascending: the
    /// scanners step over the others, which start nothing ([`Tokens::next_mark`]).
    pub marks: Vec<usize>,
    /// Some word token is "m" (which the money scan reads as million after digits).
    pub has_word_m: bool,
}

/// The buffers of a [`Tokens`] without the text they were filled from, so that they can be
/// kept from article to article ([`Tokens::from_buffers`], [`Tokens::into_buffers`]) and
/// tokenizing allocates nothing once they are large enough.
#[derive(Debug, Default)]
pub(crate) struct TokBuffers {
    lower: String,
    toks: Vec<Tok>,
    urls: Vec<(usize, usize)>,
    marks: Vec<usize>,
}

impl TokBuffers {
    /// No buffers (nothing allocated).
    pub const EMPTY: TokBuffers =
        TokBuffers { lower: String::new(), toks: Vec::new(), urls: Vec::new(), marks: Vec::new() };

    /// Bytes of text the buffers have room for.
    pub fn text_capacity(&self) -> usize {
        self.lower.capacity()
    }
}

impl<'a> Tokens<'a> {
    /// Tokenize a text and classify its tokens (linear). ASCII words, digit runs and symbols
    /// are read through [`BYTE_CLASS`]; a token touching a non-ASCII character goes through
    /// [`next_token`] and [`token_class`], which define the tokens (the fast path agrees with
    /// them: see the tests).
    pub fn new(text: &'a str) -> Self {
        let mut t = Tokens::from_buffers(TokBuffers::EMPTY);
        t.refill(text);
        t
    }

    /// The tokens of the empty text in the given buffers (to be refilled: [`Tokens::refill`]).
    pub fn from_buffers(b: TokBuffers) -> Self {
        let TokBuffers { mut lower, mut toks, mut urls, mut marks } = b;
        lower.clear();
        toks.clear();
        urls.clear();
        marks.clear();
        Tokens { text: "", lower, toks, has_upper: false, urls, marks, has_word_m: false }
    }

    /// The buffers, for the next text ([`Tokens::from_buffers`]).
    pub fn into_buffers(self) -> TokBuffers {
        TokBuffers { lower: self.lower, toks: self.toks, urls: self.urls, marks: self.marks }
    }

    /// Tokenize another text into the same buffers (as [`Tokens::new`], without allocating
    /// anew for every text).
    pub fn refill(&mut self, text: &'a str) {
        self.text = text;
        let facts = lex(text, &mut self.lower, &mut self.toks, &mut self.marks, &mut self.urls);
        self.has_upper = facts.has_upper;
        self.has_word_m = facts.has_word_m;
    }

    /// Make room for texts of up to `len` bytes, so that refilling does not grow the buffers
    /// text by text.
    pub fn reserve_for(&mut self, len: usize) {
        self.lower.reserve(len + 8);
        self.toks.reserve(len / 4 + 1);
        self.marks.reserve(len / 8 + 1);
    }

    /// The first token at or after `i` that may start something ([`Tokens::marks`]);
    /// `cursor` is a position in [`Tokens::marks`] kept between calls (start at 0), so that a
    /// scan with a growing `i` steps through the marks once.
    #[inline]
    pub fn next_mark(&self, i: usize, cursor: &mut usize) -> Option<usize> {
        if *cursor > 0 && self.marks.get(*cursor - 1).is_some_and(|&m| m >= i) {
            // `i` went back: search again
            *cursor = self.marks.partition_point(|&m| m < i);
        }
        while let Some(&m) = self.marks.get(*cursor) {
            if m >= i {
                return Some(m);
            }
            *cursor += 1;
        }
        None
    }

    /// Lower-cased text of token `i` ("" when out of range).
    #[inline]
    pub fn low(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.lower[t.start..t.end])
    }

    /// Original text of token `i`.
    #[inline]
    pub fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// Lexicon class bits of token `i` (0 when out of range).
    #[inline]
    pub fn class(&self, i: usize) -> u8 {
        self.toks.get(i).map_or(0, |t| t.class)
    }

    /// Whether token `i` is directly followed by token `i + 1` (no space between).
    #[inline]
    pub fn joined(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// Whether token `i` is of kind `k`.
    #[inline]
    pub fn is(&self, i: usize, k: TokKind) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == k)
    }

    /// The text between tokens `i` and `i + 1` consists of at most one space-like character.
    pub fn single_space(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => {
                let gap = &self.text[a.end..b.start];
                gap.chars().count() == 1
                    && gap.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '\u{202f}' || c == '\u{2009}')
            }
            _ => false,
        }
    }

    /// Whether a byte offset falls inside a URL.
    #[inline]
    pub fn in_url(&self, pos: usize) -> bool {
        !self.urls.is_empty() && in_ranges(&self.urls, pos)
    }
}

/// Per-text facts of [`lex`].
#[derive(Debug, Clone, Copy)]
struct Facts {
    has_upper: bool,
    has_word_m: bool,
}

/// Tokenize a text and classify its tokens (linear) into the buffers, each emptied first: its
/// ASCII-lower-cased copy, tokens, marks (indices of tokens) and URL ranges. ASCII words, digit runs and symbols are read through [`BYTE_CLASS`]; a token
/// touching a non-ASCII character goes through [`next_token`] and [`token_class`], which define
/// the tokens (the fast path agrees with them: see the tests).
fn lex(
    text: &str,
    lower_out: &mut String,
    toks_out: &mut Vec<Tok>,
    marks_out: &mut Vec<usize>,
    urls_out: &mut Vec<(usize, usize)>,
) -> Facts {
    let filter = &*FILTER;
    let bytes = text.as_bytes();
    lower_out.clear();
    lower_out.push_str(text);
    lower_out.make_ascii_lowercase();
    lower_out.push_str("\0\0\0\0\0\0\0\0");
    // the eight bytes from any offset of the text, lower-cased (NUL past its end)
    let padded = lower_out.as_bytes();
    let lower = lower_out.get(..text.len()).unwrap_or("");
    let low = lower.as_bytes();
    // local buffers (given back below), so that the loop keeps their ends in registers
    let mut toks = std::mem::take(toks_out);
    let mut marks = std::mem::take(marks_out);
    toks.clear();
    marks.clear();
    toks.reserve(text.len() / 4 + 1);
    marks.reserve(text.len() / 8 + 1);
    // every ASCII capital is in a word token; the general path adds the others
    let mut has_upper = bytes.iter().any(u8::is_ascii_uppercase);
    let mut has_word_m = false;
    let mut maybe_url = false;
    let mut i = 0;
    'tokens: while let Some(&b) = bytes.get(i) {
        let c = BYTE_CLASS[usize::from(b)];
        if c & byte::LETTER != 0 {
            // a word of at most seven ASCII letters ends in the eight bytes from `i` (lower-cased;
            // past the end of the text, NUL bytes end it as the end of the text does); the
            // words that follow it after one space are read here too, in a loop tight enough
            // to keep its values in registers
            if let Some(mut x) = window(padded, i) {
                loop {
                    let others = non_letters(x);
                    if others & 0x80 != 0 {
                        // no letter at `i` (after a space or symbol only: the byte at `i` is a
                        // letter when the loop starts)
                        continue 'tokens;
                    }
                    let (end, next) = if others != 0 {
                        let len = (others.trailing_zeros() / 8) as usize;
                        let next = (x >> ((len * 8) & 63)) as u8;
                        if !next.is_ascii() {
                            break;
                        }
                        let key = x & ((1u64 << (len * 8)) - 1);
                        let (class, noted) = filter.packed_entry(key);
                        if noted != 0 {
                            // "m" written in lower case; "www" before "." (a branch seldom taken
                            // rather than comparisons at every word)
                            has_word_m |= noted & rare::M != 0 && bytes.get(i) == Some(&b'm');
                            maybe_url |= noted & rare::WWW != 0 && next == b'.';
                        }
                        let end = i + len;
                        push_word(
                            &mut toks,
                            &mut marks,
                            i,
                            end,
                            class,
                            ent::letters(len) | ent::AFTER_RUN[usize::from(next)],
                        );
                        (end, next)
                    } else {
                        // eight ASCII letters or more: the run goes on from `i + 8`
                        let end = ascii_letters_end(bytes, i + 8);
                        let after = bytes.get(end).copied();
                        if after.is_some_and(|b| !b.is_ascii()) {
                            break;
                        }
                        // (most words of eight letters or more are no key: seen from the
                        // small sets without a call)
                        let len = end - i;
                        let maybe_key = if len == 8 {
                            has_bit(&filter.short, short_bit(x))
                        } else {
                            len <= filter.max_len
                                && has_bit(&filter.long, long_bit_of(x, padded.get(end - 1).copied().unwrap_or(0), len))
                        };
                        let class = if maybe_key { long_word_class(filter, lower, x, i, end) } else { 0 };
                        push_word(&mut toks, &mut marks, i, end, class, ent::letters(len) | ent::after(after));
                        // (NUL at the end of the text: no space, no symbol)
                        (end, after.unwrap_or(0))
                    };
                    if next == b' ' {
                        // the space after a word
                        i = end + 1;
                    } else if BYTE_CLASS[usize::from(next)] == byte::SYMBOL && end < bytes.len() {
                        // an ASCII symbol after a word ("," "." ")"), and a space after it:
                        // as the general path below reads them
                        let class = filter.sym_class.get(usize::from(next)).copied().unwrap_or(0);
                        maybe_url |= next == b':' && bytes.get(end + 1..end + 3) == Some(b"//");
                        if class & class::STARTS != 0
                            || (next == b'.' && bytes.get(end + 1).is_some_and(u8::is_ascii_digit))
                        {
                            marks.push(toks.len());
                        }
                        toks.push(Tok { start: end, end: end + 1, kind: TokKind::Sym, class, ent: ent::SYM });
                        i = end + 1 + usize::from(bytes.get(end + 1) == Some(&b' '));
                    } else {
                        i = end;
                        continue 'tokens;
                    }
                    // the token after it
                    match window(padded, i) {
                        Some(y) => x = y,
                        None => continue 'tokens,
                    }
                }
            }
            let end = ascii_letters_end(bytes, i);
            if !bytes.get(end).is_some_and(|b| !b.is_ascii()) {
                // a longer word of ASCII letters, or one at the end of the text
                let class = match low.get(i..end) {
                    Some(w) if w.len() <= 8 => pack(w).map_or(0, |key| filter.packed_class(key)),
                    Some(w) if filter.may_hold_word(w) => lower.get(i..end).map_or(0, class_of),
                    _ => 0,
                };
                // (`i` may have moved past `b` in the loop of short words)
                has_word_m |= end - i == 1 && bytes.get(i) == Some(&b'm');
                maybe_url |= low.get(i..end) == Some(b"www") && bytes.get(end) == Some(&b'.');
                let e = ent::letters(end - i) | ent::after(bytes.get(end).copied());
                push_word(&mut toks, &mut marks, i, end, class, e);
                i = end;
                continue;
            }
        } else if c == byte::SPACE {
            i += 1;
            continue;
        }
        let tok = if c == byte::DIGIT {
            let (end, sep) = digit_run(bytes, i);
            let ent = if sep { 0 } else { ent::after(bytes.get(end).copied()) };
            Tok { start: i, end, kind: TokKind::Num, class: 0, ent }
        } else if c == byte::SYMBOL {
            // (a table by byte: no look-up of the lexicon at each "'" or "$")
            let class = filter.sym_class.get(usize::from(b)).copied().unwrap_or(0);
            maybe_url |= b == b':' && bytes.get(i + 1..i + 3) == Some(b"//");
            // other ASCII punctuation starts nothing
            if class & class::STARTS != 0 || (b == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)) {
                marks.push(toks.len());
            }
            toks.push(Tok { start: i, end: i + 1, kind: TokKind::Sym, class, ent: ent::SYM });
            i += 1;
            continue;
        } else {
            // a word with non-ASCII letters, or a non-ASCII character: the general path
            let Some((tok, noted)) = general_token(text, lower, i, c & byte::LETTER != 0) else { break };
            has_upper |= noted & general::UPPER != 0;
            maybe_url |= noted & general::URL != 0;
            has_word_m |= noted & general::M != 0;
            tok
        };
        i = tok.end;
        if is_mark(bytes, &tok) {
            marks.push(toks.len());
        }
        toks.push(tok);
    }
    // "a" and "an" start a number or sum only before a number, scale or vague word ("a dozen",
    // "a million", "a few"): the others, most of them, are no marks
    marks.retain(|&k| !lone_article(low, &toks, k));
    *toks_out = toks;
    *marks_out = marks;
    urls_out.clear();
    if maybe_url {
        urls_out.extend(url_ranges(text));
    }
    Facts { has_upper, has_word_m }
}

/// Class bits of the word `start..end` of more than seven ASCII letters (`lower`: the text
/// lower-cased; `x`: its first eight bytes there); no such word is "m" nor "www". Out of the
/// lexer's loop, which it would crowd.
#[inline(never)]
fn long_word_class(filter: &Filter, lower: &str, x: u64, start: usize, end: usize) -> u8 {
    if end - start == 8 {
        return filter.packed_class(x);
    }
    match lower.as_bytes().get(start..end) {
        Some(w) if filter.may_hold_long(w) => lower.get(start..end).map_or(0, class_of),
        _ => 0,
    }
}

/// Bits of what [`general_token`] notes of its token.
mod general {
    /// It has an upper-case letter.
    pub const UPPER: u8 = 1;
    /// It may start a URL ([`super::url_start`]).
    pub const URL: u8 = 2;
    /// It is the word "m".
    pub const M: u8 = 4;
}

/// The token at or after byte `i` by the general path of [`lex`] (`letter`: the byte at `i`
/// is an ASCII letter, of a word with non-ASCII letters), with its [`general`] bits; None at
/// the end of the text. Out of the lexer's loop, which it would crowd (few tokens take it).
#[inline(never)]
fn general_token(text: &str, lower: &str, i: usize, letter: bool) -> Option<(Tok, u8)> {
    let filter = &*FILTER;
    let (start, end, kind, upper) = if letter {
        // non-ASCII letters may continue the word
        let (end, upper) = word_end(text, i);
        (i, end, TokKind::Word, upper)
    } else {
        next_token(text, i)?
    };
    let mut noted = if upper { general::UPPER } else { 0 };
    if !letter && url_start(text.as_bytes(), lower, start, end) {
        noted |= general::URL;
    }
    if kind == TokKind::Word && text.get(start..end) == Some("m") {
        noted |= general::M;
    }
    let class = lower.get(start..end).map_or(0, |w| token_class(filter, kind, w));
    Some((Tok { start, end, kind, class, ent: 0 }, noted))
}

/// Whether token `k` is the word "a" or "an" (any case; `low` is the lower-cased text) and the
/// token after it, if any, has none of the classes that may follow it in a number or sum
/// ([`class::NUM_WORD`], [`class::SCALE`], [`class::VAGUE`]): the scanners start nothing
/// there ("a dozen", "a million", "a few dollars", "a week ago" need them).
fn lone_article(low: &[u8], toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k) else { return false };
    // (the class and length first, which rule out most marks; the date scan would start at a
    // date or holiday word: none is "a" now)
    t.class & (class::NUM_WORD | class::DATE | class::HOLIDAY) == class::NUM_WORD
        && t.end - t.start <= 2
        && t.kind == TokKind::Word
        && matches!(low.get(t.start..t.end), Some(b"a" | b"an"))
        && !toks.get(k + 1).is_some_and(|n| n.class & (class::NUM_WORD | class::SCALE | class::VAGUE) != 0)
}

/// Push the word token `start..end` of word class `class` and entity bits `ent`, noting its
/// index in `marks` when it may start a number, sum or date (the lexer's three ASCII word paths).
#[inline(always)]
fn push_word(toks: &mut Vec<Tok>, marks: &mut Vec<usize>, start: usize, end: usize, class: u8, ent: u8) {
    if class & class::STARTS != 0 {
        marks.push(toks.len());
    }
    toks.push(Tok { start, end, kind: TokKind::Word, class, ent });
}

/// The eight bytes from `i` as a little-endian `u64` (None when fewer than eight are left).
#[inline(always)]
fn window(bytes: &[u8], i: usize) -> Option<u64> {
    bytes.get(i..)?.first_chunk::<8>().map(|&c| u64::from_le_bytes(c))
}

/// End of the run of ASCII letters starting at byte `i`, eight bytes at a time.
#[inline]
fn ascii_letters_end(bytes: &[u8], mut end: usize) -> usize {
    while let Some(chunk) = bytes.get(end..end + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else { break };
        let others = non_letters(u64::from_le_bytes(chunk));
        if others != 0 {
            return end + (others.trailing_zeros() / 8) as usize;
        }
        end += 8;
    }
    while bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
        end += 1;
    }
    end
}

/// The high bit of every byte of `x` (little-endian lanes) that is not an ASCII letter.
#[inline]
fn non_letters(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LANES: u64 = 0x0101_0101_0101_0101;
    // case folded, high bit dropped: each lane stays below 0x80, so the sums do not carry
    let y = (x | (LANES * 0x20)) & !HIGH;
    let from_a = y + LANES * (0x80 - u64::from(b'a'));
    let past_z = y + LANES * (0x80 - u64::from(b'z') - 1);
    !(from_a & !past_z & !x) & HIGH
}

/// Whether a token may start a number, sum or date: digits, a word or symbol of the lexicon, a
/// non-ASCII symbol ("½"), or a "." before a digit (".5"); [`lone_article`] takes some "a" back. The scanners read nothing else as a
/// start: a word outside the lexicon and other ASCII punctuation only continue or surround
/// what a mark starts.
fn is_mark(bytes: &[u8], tok: &Tok) -> bool {
    match tok.kind {
        TokKind::Num => true,
        TokKind::Word => tok.class & class::STARTS != 0,
        TokKind::Sym => match bytes.get(tok.start) {
            Some(b'.') => tok.class & class::STARTS != 0 || bytes.get(tok.start + 1).is_some_and(u8::is_ascii_digit),
            Some(b) if b.is_ascii() => tok.class & class::STARTS != 0,
            _ => true,
        },
    }
}

/// End of the run of letters starting at byte `i`, and whether it has an upper-case letter.
#[inline]
fn word_end(text: &str, i: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut end = i;
    // ASCII letters: lower case has bit 0x20 set, upper case not
    let mut all = 0x20u8;
    while let Some(&b) = bytes.get(end) {
        if !b.is_ascii_alphabetic() {
            break;
        }
        all &= b;
        end += 1;
    }
    let mut upper = all & 0x20 == 0;
    loop {
        match bytes.get(end) {
            Some(&b) if b.is_ascii_alphabetic() => {
                upper |= b < b'a';
                end += 1;
            }
            Some(&b) if !b.is_ascii() => {
                let Some(c) = text.get(end..).and_then(|s| s.chars().next()) else { break };
                if !c.is_alphabetic() {
                    break;
                }
                upper |= c.is_uppercase();
                end += c.len_utf8();
            }
            _ => break,
        }
    }
    (end, upper)
}

/// Whether the token `start..end` may start a URL: a ":" before "//", or a word "www" (any
/// case) before "." (see [`url_ranges`]).
#[inline]
fn url_start(bytes: &[u8], lower: &str, start: usize, end: usize) -> bool {
    match bytes.get(start) {
        Some(b':') => bytes.get(start + 1..start + 3) == Some(b"//"),
        Some(b'w' | b'W') => lower.as_bytes().get(start..end) == Some(b"www") && bytes.get(end) == Some(&b'.'),
        _ => false,
    }
}

/// Byte ranges of URLs in a text. Every match holds "://" or begins with a word token "www"
/// (any case) before a "." ([`Tokens::refill`] calls this only then).
fn url_ranges(text: &str) -> Vec<(usize, usize)> {
    static URL: Lazy<regex::Regex> =
        Lazy::new(|| regex::Regex::new(r"(?i)\b(?:https?://|www\.)\S+").expect("url regex"));
    URL.find_iter(text).map(|m| (m.start(), m.end())).collect()
}

/// Whether a byte offset falls in one of the (sorted) ranges.
pub(crate) fn in_ranges(ranges: &[(usize, usize)], pos: usize) -> bool {
    let k = ranges.partition_point(|r| r.1 <= pos);
    ranges.get(k).is_some_and(|r| r.0 <= pos)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`Tok::ent`] from its definition: an ASCII symbol; a word of ASCII letters, or ASCII
    /// digits without separators, with how what follows ends it for the entity tokenizer.
    fn ent_reference(text: &str, start: usize, end: usize, kind: TokKind) -> u8 {
        let w = &text.as_bytes()[start..end];
        let after = match text.as_bytes().get(end) {
            None => 2,
            Some(b'.') => 1,
            Some(&b) if b.is_ascii_alphanumeric() || b >= 0x80 || matches!(b, b'-' | b'\'' | b'&' | b'+') => 0,
            Some(_) => 2,
        };
        match kind {
            TokKind::Sym if w.len() == 1 && w[0].is_ascii() => ent::SYM,
            TokKind::Word if w.iter().all(u8::is_ascii_alphabetic) => {
                let long = if w.len() >= 4 { ent::LONG } else { 0 };
                ent::LETTERS | long | after
            }
            TokKind::Num if w.iter().all(u8::is_ascii_digit) => after,
            _ => 0,
        }
    }

    /// The tokens by the general path alone ([`next_token`] and [`token_class`] on every
    /// token, URLs searched whenever the text holds "://" or "www."): the reference for the
    /// fast path of [`Tokens::new`].
    fn reference(text: &str) -> (Vec<Tok>, bool, Vec<(usize, usize)>) {
        let lower = text.to_ascii_lowercase();
        let mut toks = Vec::new();
        let mut has_upper = false;
        let mut i = 0;
        while let Some((start, end, kind, upper)) = next_token(text, i) {
            has_upper |= upper;
            let class = token_class(&FILTER, kind, &lower[start..end]);
            toks.push(Tok { start, end, kind, class, ent: ent_reference(text, start, end, kind) });
            i = end;
        }
        let urls = if text.contains("://") || lower.contains("www.") { url_ranges(text) } else { Vec::new() };
        (toks, has_upper, urls)
    }

    fn agrees(text: &str) {
        let t = Tokens::new(text);
        let (toks, has_upper, urls) = reference(text);
        let low = text.to_ascii_lowercase();
        let marks: Vec<usize> = (0..toks.len())
            .filter(|&k| is_mark(text.as_bytes(), &toks[k]) && !lone_article(low.as_bytes(), &toks, k))
            .collect();
        assert_eq!(t.marks, marks, "{text:?}");
        let word_m = toks.iter().any(|k| k.kind == TokKind::Word && &text[k.start..k.end] == "m");
        assert_eq!(t.has_word_m, word_m, "{text:?}");
        let mut cursor = 0;
        for i in (0..=toks.len()).chain([0, 3, 1]) {
            assert_eq!(t.next_mark(i, &mut cursor), marks.iter().copied().find(|&m| m >= i), "{text:?} {i}");
        }
        // `ent` may be left 0 (the entity tokenizer reads the token itself); else it is what
        // its definition says (the letters bit says nothing of a run that is no plain word)
        let view = |e: u8| if e & ent::AFTER == 0 { e & ent::SYM } else { e };
        let without_ent = |toks: &[Tok]| -> Vec<Tok> { toks.iter().map(|&k| Tok { ent: 0, ..k }).collect() };
        assert_eq!(without_ent(&t.toks), without_ent(&toks), "{text:?}");
        for (got, want) in t.toks.iter().zip(&toks) {
            assert!(got.ent == 0 || view(got.ent) == view(want.ent), "{text:?} {got:?} {want:?}");
        }
        assert_eq!(t.has_upper, has_upper, "{text:?}");
        assert_eq!(t.urls, urls, "{text:?}");
    }

    /// Pieces of text around which the fast path and the general path part ways.
    const PIECES: &[&str] = &[
        " ",
        "\n",
        "\t",
        "\u{a0}",
        "\u{2009}",
        "\u{3000}",
        "a",
        "A",
        "one",
        "Two",
        "March",
        "may",
        "last",
        "Q",
        "per",
        "cent",
        "US",
        "$",
        "US$",
        "£",
        "€",
        "¥",
        "Rs",
        "dollars",
        "euro",
        "Christmas",
        "Eve",
        "www",
        "WWW",
        ".",
        "://",
        "http",
        "https",
        "/",
        ":",
        "1",
        "27",
        "1,234",
        "3.5",
        ",",
        "-",
        "’",
        "'",
        "½",
        "é",
        "É",
        "ß",
        "İ",
        "ǅ",
        "Ⓐ",
        "ﬁ",
        "\u{301}",
        "x",
        "Zz",
        "z",
        "\u{0}",
        "\u{7f}",
        "\u{80}",
        "😀",
        "ΣΑΣ",
        "été",
        "naïve",
        "km",
        "m",
        "M",
        "5m",
        "mm",
        "wwww",
        "September",
        "SEPTEMBER",
        "thirteenth",
        "Thousands",
        "eighteen",
        // eight letters: keys and not ([`Filter::short`] before the packed table)
        "thousand",
        "Thursday",
        "DECEMBER",
        "children",
        "abcdefgh",
        "abcdefghi",
        "percentage",
        "\0",
        ")",
        "\"",
        "?",
        ". ",
        ", ",
    ];

    #[test]
    fn letter_lanes_agree_with_is_ascii_alphabetic() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                // the byte in one lane, its neighbours letters or not
                for fill in [b'a', b' ', 0xff, 0x80] {
                    let mut chunk = [fill; 8];
                    chunk[lane] = b;
                    let mask = non_letters(u64::from_le_bytes(chunk));
                    assert_eq!(mask >> (lane * 8 + 7) & 1 == 0, b.is_ascii_alphabetic(), "{b} {lane} {fill}");
                }
            }
        }
        for text in ["", "a", "abcdefgh", "abcdefghi", "abcdefgh ", "wordy words", "Zz@[`{", "caf\u{e9}"] {
            for i in 0..text.len() {
                let b = text.as_bytes();
                let mut end = i;
                while b.get(end).is_some_and(u8::is_ascii_alphabetic) {
                    end += 1;
                }
                assert_eq!(ascii_letters_end(b, i), end, "{text:?} {i}");
            }
        }
    }

    #[test]
    fn refill_gives_what_new_gives() {
        let texts = ["On Nov. 27 it cost US$4.7 billion", "", "see www.x.com and 5m", "été 1,234 ½", "plain words"];
        let mut t = Tokens::new("");
        for text in texts.iter().chain(texts.iter().rev()) {
            t.refill(text);
            let fresh = Tokens::new(text);
            assert_eq!(t.toks, fresh.toks, "{text:?}");
            assert_eq!(t.marks, fresh.marks, "{text:?}");
            assert_eq!(t.urls, fresh.urls, "{text:?}");
            assert_eq!(t.lower, fresh.lower, "{text:?}");
            assert_eq!((t.has_upper, t.has_word_m), (fresh.has_upper, fresh.has_word_m), "{text:?}");
        }
    }

    #[test]
    fn small_sets_hold_every_key() {
        let f = &*FILTER;
        for k in LEXICON.keys() {
            let b = k.as_bytes();
            if !b.is_empty() && b.iter().all(u8::is_ascii_alphabetic) {
                if let Some(key) = pack(b) {
                    assert!(has_bit(&f.short, short_bit(key)), "{k}");
                    assert_eq!(f.packed_class(key), LEXICON[k], "{k}");
                } else {
                    assert!(f.may_hold_long(b) && f.may_hold_word(b), "{k}");
                    let x = b.first_chunk::<8>().map_or(0, |c| u64::from_le_bytes(*c));
                    assert_eq!(long_bit_of(x, b[b.len() - 1], b.len()), long_bit(b), "{k}");
                }
            }
        }
        for (w, bit) in [("m", rare::M), ("www", rare::WWW), ("M", 0), ("ww", 0)] {
            let key = pack(w.as_bytes()).unwrap_or(0);
            assert_eq!(f.packed_entry(key).1, bit, "{w}");
        }
        // most words are rejected by the small sets alone
        let words = ["the", "government", "said", "minister", "people", "because", "international", "would"];
        let passed = words.iter().filter(|w| match pack(w.as_bytes()) {
            Some(key) => has_bit(&f.short, short_bit(key)),
            None => f.may_hold_long(w.as_bytes()),
        });
        assert!(passed.count() <= 2);
        for w in ["government", "international", "ninetieths", "abcdefghi", "multibillion"] {
            let b = w.as_bytes();
            let x = b.first_chunk::<8>().map_or(0, |c| u64::from_le_bytes(*c));
            assert_eq!(long_bit_of(x, b[b.len() - 1], b.len()), long_bit(b), "{w}");
        }
    }

    #[test]
    fn packed_table_agrees_with_lexicon() {
        let mut words: Vec<Vec<u8>> = Vec::new();
        for a in b'a'..=b'z' {
            words.push(vec![a]);
            words.extend((b'a'..=b'z').map(|b| vec![a, b]));
        }
        words.extend(LEXICON.keys().map(|k| k.as_bytes().to_vec()));
        words.extend(
            ["the", "percentages", "thirteenth", "aaaaaaaa", "zzzzzzzz", "dollarss"].map(|w| w.as_bytes().to_vec()),
        );
        let mut n = 0;
        for w in words.iter().filter(|w| w.len() <= 8 && w.iter().all(u8::is_ascii_lowercase)) {
            let word = std::str::from_utf8(w).unwrap_or("");
            assert_eq!(pack(w).map(|k| FILTER.packed_class(k)), Some(class_of(word)), "{word}");
            n += 1;
        }
        assert!(n > 26 * 27);
        assert!(FILTER.packed_class(pack(b"a").unwrap_or(0)) & class::NUM_WORD != 0);
        assert_eq!(pack(b"abcdefghi"), None);
    }

    #[test]
    fn fast_path_agrees_with_general_path_on_examples() {
        for text in [
            "",
            "On Nov. 27 it cost US$4.7 billion, 12%; see www.x.com/1 ÉTÉ",
            "see https://a.b/c?d=1 and WWW.EXAMPLE.COM, not awww. nor x://",
            "naïve café Straße İstanbul ǅ Ⓐ ﬁx e\u{301}t\u{a0}www.bbc.co.uk",
            "It’s £5,000 – about €5.8k – or ½ of ¥1,000,000.",
            "5m£ or 5m\u{a0}each, m€20 hundred",
        ] {
            agrees(text);
        }
    }

    proptest! {
        #[test]
        fn fast_path_agrees_with_general_path(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40)) {
            agrees(&pieces.concat());
        }

        #[test]
        fn fast_path_agrees_on_any_text(text in "\\PC{0,80}") {
            agrees(&text);
        }
    }

    #[test]
    fn lexes_and_classifies() {
        let t = Tokens::new("On Nov. 27 it cost US$4.7 billion, 12%; see www.x.com/1 ÉTÉ");
        let words: Vec<&str> = (0..t.toks.len()).map(|i| t.raw(i)).collect();
        assert_eq!(
            words,
            [
                "On", "Nov", ".", "27", "it", "cost", "US", "$", "4.7", "billion", ",", "12", "%", ";", "see", "www",
                ".", "x", ".", "com", "/", "1", "ÉTÉ"
            ]
        );
        assert!(t.class(1) & class::DATE != 0);
        assert!(t.class(6) & class::CUR_PRE != 0);
        assert!(t.class(7) & class::CUR_PRE != 0);
        assert!(t.has_upper);
        assert!(t.in_url(t.toks[21].start));
        assert!(!t.in_url(t.toks[11].start));
        assert!(!Tokens::new("all lower case, 1,200").has_upper);
        assert!(Tokens::new("grand été À").has_upper);
    }

    #[test]
    fn total_on_odd_input() {
        for s in ["", " ", "\u{0}", "1,", "1..2", "é", "\u{2009}1\u{a0}000"] {
            let t = Tokens::new(s);
            for k in &t.toks {
                assert!(s.is_char_boundary(k.start) && s.is_char_boundary(k.end) && k.start < k.end);
            }
        }
    }
}
