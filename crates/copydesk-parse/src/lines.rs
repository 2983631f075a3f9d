//! Splitting normalized text into trimmed lines and measuring each line.

use crate::shingles::WordFilter;
use crate::{keyset, lang};
use copydesk_normalize::Span;
use std::ops::Range;

/// One non-empty line of the text with the measures the classifiers use.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// Trimmed span of the line (bytes of normalized text).
    pub span: Span,
    /// Whitespace-separated tokens.
    pub words: usize,
    /// Tokens that are stopwords of the document's language (filled in by [`count_stopwords`]).
    pub stop: usize,
    /// Bit mask per stopword list: tokens hitting each list (used before the language is known).
    pub stop_hits: [u16; lang::N_LISTS],
    /// Ends with sentence punctuation (possibly followed by a closing quote or bracket).
    pub ends_sentence: bool,
    /// The script of most of the line's letters (`None` without letters).
    pub script: Option<lang::Script>,
    /// Tokens mixing Latin letters with Cyrillic or Greek ones ("Yоur" with a Cyrillic "о"):
    /// look-alike letters that hide text from filters.
    pub mixed_words: usize,
    /// Whether the line may repeat earlier text: the word filter of [`WordFilter`] (or the
    /// [`WordSink`] the text was split with) lets it through to the exact shingle test.
    pub dup_candidate: bool,
    /// The line's words (alphanumeric runs) as hashes: a range of [`Measured::word_hashes`].
    pub hashes: Range<usize>,
}

/// What one pass over the text learns: its lines, the language evidence and the word hashes.
pub(crate) struct Measured {
    /// The non-empty lines, trimmed and measured.
    pub lines: Vec<Line>,
    /// Language evidence of the whole text.
    pub evidence: lang::Evidence,
    /// Hashes of the lower-cased words (maximal alphanumeric runs) of all lines, in text order
    /// (see [`WordSink`]): the words of the duplicate test's shingles.
    pub word_hashes: Vec<u64>,
}

impl Measured {
    /// The word hashes of one line.
    pub fn hashes(&self, l: &Line) -> &[u64] {
        self.word_hashes.get(l.hashes.clone()).unwrap_or(&[])
    }
}

/// Where the pass over the text sends the hashes of the words (maximal alphanumeric runs,
/// lower-cased) of every line it has read, in text order (they are kept in
/// [`Measured::word_hashes`]). A word of at most 16 ASCII bytes hashes as its key, by the
/// multiplication the stopword table takes its slot from ([`key_filter_hash`]: one product
/// serves the look-up and the hash); other words by [`WordHasher`] (see `filter_hashes`, the
/// reference in tests).
pub(crate) trait WordSink {
    /// The line of `tokens` whitespace-separated tokens and word hashes `words` ends: whether
    /// it may repeat earlier text (see [`Line::dup_candidate`]).
    fn end_line(&mut self, words: &[u64], tokens: usize) -> bool;
}

/// Every line a candidate (the reference for the filter, in tests).
#[cfg(test)]
pub(crate) struct AllLines;

#[cfg(test)]
impl WordSink for AllLines {
    fn end_line(&mut self, _: &[u64], _: usize) -> bool {
        true
    }
}

/// The hashes of the words (maximal runs of alphabetic or numeric characters, lower-cased) of
/// `s` into `out` (emptied first), as the pass over the text sends them to its [`WordSink`]
/// (the reference for the pass's paths, in tests).
#[cfg(test)]
fn filter_hashes(s: &str, out: &mut Vec<u64>) {
    out.clear();
    let mut h = FilterHasher::new();
    let mut in_word = false;
    for c in s.chars() {
        if c.is_alphabetic() || c.is_numeric() {
            h.char(c);
            in_word = true;
        } else if in_word {
            out.push(h.take());
            in_word = false;
        }
    }
    if in_word {
        out.push(h.take());
    }
}

/// The filter hash of a lower-cased ASCII word of 1 to 16 bytes given as its key (see
/// `filter_hashes`): the product the stopword table's slot is taken from (`keyset::slot`), so
/// the look-up and the filter share one multiplication.
#[inline]
fn key_filter_hash(key: u128) -> u64 {
    keyset::fold(key).wrapping_mul(keyset::MUL)
}

/// The filter hash of the ASCII word of `n` letters and digits at byte `a` of `bytes`.
#[inline]
fn ascii_filter_hash(bytes: &[u8], a: usize, n: usize) -> u64 {
    if n <= 16 {
        key_filter_hash(ascii_key(bytes, a, n))
    } else {
        ascii_word_hash(bytes, a, n)
    }
}

/// The filter hash of a word fed character by character (see `filter_hashes`).
struct FilterHasher {
    h: WordHasher,
    /// The word's bytes, lower-cased, while it is ASCII (the first 16), and their number.
    key: [u8; 16],
    n: usize,
    ascii: bool,
}

impl FilterHasher {
    const fn new() -> Self {
        FilterHasher { h: WordHasher::new(), key: [0; 16], n: 0, ascii: true }
    }

    /// Feed one alphanumeric character.
    fn char(&mut self, c: char) {
        match u8::try_from(c) {
            Ok(b) if b.is_ascii() => {
                let b = b.to_ascii_lowercase();
                self.h.byte(b);
                if let Some(k) = self.key.get_mut(self.n) {
                    *k = b;
                }
                self.n += 1;
            }
            _ => {
                self.h.char_lower(c);
                self.ascii = false;
            }
        }
    }

    /// The hash of the word fed so far; the hasher starts a new word.
    fn take(&mut self) -> u64 {
        let h = if self.ascii && self.n <= 16 { key_filter_hash(u128::from_le_bytes(self.key)) } else { self.h.take() };
        *self = FilterHasher::new();
        h
    }
}

/// FNV-1a offset basis and prime (combining word hashes into shingle hashes).
pub(crate) const FNV_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a prime.
pub(crate) const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', ')', ']', '*', ' ']);
    t.ends_with(['.', '!', '?', ':', ';', '…']) && !t.ends_with("...") || t.ends_with("...\"")
}

/// Split `text` into trimmed, non-empty lines, measuring each, and gather the language
/// evidence and the word hashes of the whole text in the same pass: every character is looked
/// at once, with a fast path for ASCII.
pub(crate) fn split(text: &str) -> Measured {
    split_with::<true, _>(text, &mut WordFilter::new(text.len()))
}

/// [`split`], with the 8-byte ASCII fast path of [`LineCounts::token_window`] on or off (off:
/// tests check that both paths measure alike), the lines' word hashes sent to `sink`.
pub(crate) fn split_with<const FAST: bool, W: WordSink>(text: &str, sink: &mut W) -> Measured {
    // room for the lines of most texts (paragraphs of news text run to hundreds of bytes; pages
    // of short lines grow the list)
    let lines = Vec::with_capacity(text.len() / 128 + 8);
    // about one word in six bytes of news text (some texts a little more): room for the hashes
    // without regrowing
    let word_hashes = Vec::with_capacity(text.len() / 5 + 8);
    let mut m = Measured { lines, evidence: lang::Evidence::default(), word_hashes };
    let mut buf = String::new();
    let stops = lang::index();
    let mut next = 0;
    // the lines between newlines (as `text.split('\n')`), found with memchr
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        let start = next;
        next = end + 1;
        let raw = text.get(start..end).unwrap_or("");
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = raw.len() - raw.trim_start().len();
        let span = Span::new(start + lead, start + lead + trimmed.len());
        let tokens = TokenCounts {
            words: 0,
            mixed_words: 0,
            hits: 0,
            stop_hits: [0; lang::N_LISTS],
            // every word of the line can vote: the plain words' votes are their hits
            fold: trimmed.len() <= m.evidence.votes_left(),
            other: 0,
            folded: 0,
            plain: 0,
            ev: &mut m.evidence,
            buf: &mut buf,
            stops,
        };
        let line = measure::<FAST, W>(trimmed, span, tokens, &mut m.word_hashes, sink);
        m.lines.push(line);
    }
    if m.evidence.needs_latin_count() {
        // letters of other scripts: the Latin letters counted exactly (the ASCII paths count none)
        let mut counts = [0; lang::N_SCRIPTS];
        for l in &m.lines {
            for (t, n) in counts.iter_mut().zip(script_counts(l.span.slice(text))) {
                *t += n;
            }
        }
        m.evidence.set_scripts(counts);
    }
    m
}

/// Alphabetic characters of `s` per script.
fn script_counts(s: &str) -> [usize; lang::N_SCRIPTS] {
    let mut counts = [0; lang::N_SCRIPTS];
    for c in s.chars() {
        if c.is_ascii_alphabetic() {
            counts[lang::Script::Latin as usize] += 1;
        } else if !c.is_ascii() && c.is_alphabetic() {
            counts[lang::script_of(c) as usize] += 1;
        }
    }
    counts
}

/// Characters, alphabetic characters and ASCII digits of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Counts {
    /// Characters.
    pub chars: usize,
    /// Alphabetic characters.
    pub letters: usize,
    /// ASCII digits.
    pub digits: usize,
}

impl Counts {
    /// The counts of the text of a line.
    pub fn of(s: &str) -> Counts {
        let mut c = Counts { chars: 0, letters: 0, digits: 0 };
        for ch in s.chars() {
            c.chars += 1;
            if ch.is_ascii() {
                c.letters += usize::from(ch.is_ascii_alphabetic());
                c.digits += usize::from(ch.is_ascii_digit());
            } else {
                c.letters += usize::from(ch.is_alphabetic());
            }
        }
        c
    }
}

/// Hash of a lower-cased word, fed byte by byte (UTF-8 of its lower-cased characters) or, for
/// words of at most 8 bytes, at once by `short_word_hash` (in tests): both give the same value.
#[derive(Clone, Copy)]
struct WordHasher {
    h: u64,
    /// The bytes of the current 8-byte chunk (little endian).
    chunk: u64,
    n: usize,
}

const WORD_SEED: u64 = 0x243F_6A88_85A3_08D3;
const WORD_K1: u64 = 0x9E37_79B9_7F4A_7C15;
const WORD_K2: u64 = 0xC2B2_AE3D_27D4_EB4F;

/// Fold one 8-byte chunk into a word hash.
#[inline]
fn mix_chunk(h: u64, chunk: u64) -> u64 {
    (h ^ chunk).wrapping_mul(WORD_K1).rotate_left(29)
}

/// The final word hash from the folded chunks and the length (in bytes).
#[inline]
fn finish_hash(h: u64, n: usize) -> u64 {
    let h = (h ^ n as u64).wrapping_mul(WORD_K2);
    h ^ (h >> 32)
}

/// Hash of a lower-cased word of `n` (1 to 8) bytes given as its bytes, little endian, zero-padded.
#[inline]
#[cfg(test)]
fn short_word_hash(chunk: u64, n: usize) -> u64 {
    finish_hash(mix_chunk(WORD_SEED, chunk), n)
}

/// Hash of the ASCII word of `n` letters and digits at byte `a` of `bytes` (as [`WordHasher`] fed
/// its lower-cased bytes), read 8 bytes at a time.
fn ascii_word_hash(bytes: &[u8], a: usize, n: usize) -> u64 {
    let mut h = WORD_SEED;
    let mut i = 0;
    while i < n {
        let c = load8(bytes, a + i) & lanes::low_bytes(n - i);
        h = mix_chunk(h, c | (lanes::alpha(c) >> 2));
        i += 8;
    }
    finish_hash(h, n)
}

impl WordHasher {
    const fn new() -> Self {
        WordHasher { h: WORD_SEED, chunk: 0, n: 0 }
    }

    #[inline]
    fn byte(&mut self, b: u8) {
        self.chunk |= u64::from(b) << (8 * (self.n & 7));
        self.n += 1;
        if self.n & 7 == 0 {
            self.h = mix_chunk(self.h, self.chunk);
            self.chunk = 0;
        }
    }

    fn char_lower(&mut self, c: char) {
        for l in c.to_lowercase() {
            let mut utf8 = [0u8; 4];
            for &b in l.encode_utf8(&mut utf8).as_bytes() {
                self.byte(b);
            }
        }
    }

    /// The hash of the word fed so far; the hasher starts a new word.
    fn take(&mut self) -> u64 {
        let h = if self.n & 7 != 0 { mix_chunk(self.h, self.chunk) } else { self.h };
        let h = finish_hash(h, self.n);
        *self = WordHasher::new();
        h
    }
}

/// The whitespace-separated token being read: where its core (the part from its first to its
/// last alphanumeric character) lies, and the core lower-cased when it is ASCII.
struct Token {
    start: usize,
    /// Byte offsets of the core, `core.0 == NONE` while no alphanumeric character was seen.
    core: (usize, usize),
    /// First non-alphabetic and first non-ASCII character at or after the core's start.
    non_alpha: usize,
    non_ascii: usize,
    /// ASCII bytes from the core's start, lower-cased (the first 16), and their count.
    key: [u8; 16],
    key_len: usize,
    /// Scripts of its letters: 1 = Latin, 2 = Cyrillic or Greek.
    scripts: u8,
}

const NONE: usize = usize::MAX;

impl Token {
    fn new(start: usize) -> Self {
        Token { start, core: (NONE, 0), non_alpha: NONE, non_ascii: NONE, key: [0; 16], key_len: 0, scripts: 0 }
    }

    /// Take one character at byte `i` of `len` bytes.
    fn push(&mut self, i: usize, len: usize, b: u8, alpha: bool, alnum: bool) {
        if alnum {
            if self.core.0 == NONE {
                self.core.0 = i;
            }
            self.core.1 = i + len;
        }
        if self.core.0 == NONE {
            return;
        }
        if !alpha && self.non_alpha == NONE {
            self.non_alpha = i;
        }
        if b >= 0x80 {
            if self.non_ascii == NONE {
                self.non_ascii = i;
            }
        } else if self.non_ascii == NONE {
            if let Some(k) = self.key.get_mut(self.key_len) {
                *k = b.to_ascii_lowercase();
            }
            self.key_len += 1;
        }
    }
}

/// Per-line counters filled while reading its tokens.
struct TokenCounts<'a> {
    words: usize,
    mixed_words: usize,
    /// Stopword hits per list since the last flush ([`lang::Packed`]; see [`FLUSH_BYTES`]).
    hits: lang::Packed,
    /// Stopword hits per list (kept as [`Line::stop_hits`], saturated to `u16`).
    stop_hits: [u32; lang::N_LISTS],
    /// Whether the line votes while it is read: when it is too short to reach the end of the
    /// vote, so the order of its votes does not matter, and the votes of plain words (a core
    /// of one alphabetic run of at most 12 bytes) are taken from `hits` at the end of the line
    /// instead of counted one by one. Other lines vote at their end, each alphabetic run in
    /// order, read again ([`lang::Evidence::vote_token`] over the line), and are read without
    /// a test per plain word.
    fold: bool,
    /// The hits of the words that vote one by one (all words but the folded plain ones).
    other: lang::Packed,
    /// Plain words whose votes are folded (counted in every line, used when `fold`).
    folded: usize,
    /// Tokens read by [`LineCounts::token_lanes_plain`]: plain words of at most 8 letters, each
    /// one of `words` and of `folded` (one counter for both while the line is read, see
    /// [`TokenCounts::settle_plain`]).
    plain: usize,
    ev: &'a mut lang::Evidence,
    buf: &'a mut String,
    stops: &'static lang::Index,
}

impl TokenCounts<'_> {
    /// Count one stopword hit in each list of the mask `m`.
    #[inline]
    fn hit(&mut self, m: u8) {
        if m == 0 {
            return;
        }
        self.hits += lang::SPREAD[usize::from(m) & (lang::SPREAD.len() - 1)];
    }

    /// Count one stopword hit in each list of the mask `m` for a word that votes by itself.
    #[inline]
    fn hit_other(&mut self, m: u8) {
        self.hit(m);
        self.other += lang::SPREAD[usize::from(m) & (lang::SPREAD.len() - 1)];
    }

    /// The vote of a plain word (one alphabetic run) of `n` bytes with stopword mask `m`, its
    /// key for words longer than 12 bytes.
    #[inline(always)]
    fn vote_plain(&mut self, key: u128, n: usize) {
        if n <= 12 {
            self.vote_short();
        } else {
            self.vote(key_mask(self.stops, key, n));
        }
    }

    /// The vote of a plain word of at most 12 bytes (see [`TokenCounts::vote_plain`]): folded
    /// (its mask is in `hits`).
    #[inline(always)]
    fn vote_short(&mut self) {
        self.folded += 1;
    }

    /// The vote of one alphabetic run with stopword mask `m`, in a line that votes while it is
    /// read (see [`TokenCounts::fold`]).
    #[inline]
    fn vote(&mut self, m: u8) {
        if self.fold {
            self.ev.vote(m);
        }
    }

    /// The votes of the alphabetic runs of `token`, in a line that votes while it is read.
    fn vote_token(&mut self, token: &str) {
        if self.fold {
            self.ev.vote_token(token, self.buf);
        }
    }

    /// Whether the line votes while it is read (see [`TokenCounts::fold`]).
    #[inline]
    fn voting(&self) -> bool {
        self.fold
    }

    /// At the end of the line `s`: its votes (the folded ones, or all of them read again), and
    /// the packed hits moved into `stop_hits`.
    fn finish_line(&mut self, s: &str) {
        if self.fold {
            // no flush happened: a line that can fold is shorter than the vote (see
            // `split_with`), so shorter than `FLUSH_BYTES`
            self.ev.vote_many(self.hits - self.other, self.folded);
        } else if self.ev.voting() {
            self.ev.vote_token(s, self.buf);
        }
        self.flush();
    }

    /// Count the plain words of [`TokenCounts::plain`] in `words` and `folded`.
    fn settle_plain(&mut self) {
        self.words += self.plain;
        self.folded += self.plain;
        self.plain = 0;
    }

    /// Move the packed hits into `stop_hits`.
    fn flush(&mut self) {
        for (t, n) in self.stop_hits.iter_mut().zip(lang::unpack(self.hits)) {
            *t = t.saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
        }
        self.hits = 0;
    }

    /// Count the token `t` ending at byte `end` of `s`: its stopword hits (by its core, when at
    /// most 12 bytes) and its vote for the document's language.
    fn finish(&mut self, s: &str, t: &Token, end: usize) {
        self.words += 1;
        if t.scripts == 3 {
            self.mixed_words += 1;
        }
        let (a, z) = t.core;
        if a == NONE {
            // no letter or digit: nothing to look up or vote
            return;
        }
        let core = s.get(a..z).unwrap_or("");
        let ascii = t.non_ascii >= z;
        let stops = self.stops;
        let lookup = |buf: &mut String| {
            if ascii && core.len() <= 16 {
                // the key holds the bytes after the core too: keep the core's
                let n = core.len();
                let key = u128::from_le_bytes(t.key);
                let key = if n >= 16 { key } else { key & ((1u128 << (8 * n)) - 1) };
                stops.mask(key, n)
            } else {
                lang::stop_mask_of(core, buf)
            }
        };
        let m = if core.len() <= 12 { lookup(self.buf) } else { 0 };
        self.hit_other(m);
        // the language vote counts maximal alphabetic runs: a token whose core is one such run
        // votes with the mask just computed
        if t.non_alpha >= z {
            let m = if core.len() <= 12 { m } else { lookup(self.buf) };
            self.vote(m);
        } else {
            self.vote_token(s.get(t.start..end).unwrap_or(""));
        }
    }
}

/// Byte classes for the ASCII path of [`measure`]: whitespace, letter, digit, and the bytes
/// of other characters (`HIGH`, read as characters on the slow path).
const WS: u8 = 1;
const ALPHA: u8 = 2;
const DIGIT: u8 = 4;
const HIGH: u8 = 8;
const ALNUM: u8 = ALPHA | DIGIT;

const fn byte_classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b >= 0x80 {
            HIGH
        } else if matches!(b, b' ' | b'\t'..=b'\r') {
            WS
        } else if b.is_ascii_alphabetic() {
            ALPHA
        } else if b.is_ascii_digit() {
            DIGIT
        } else {
            0
        };
        i += 1;
    }
    t
}

static CLASS: [u8; 256] = byte_classes();

/// The `n <= 16` ASCII bytes of `bytes` from `a`, lower-cased, as a word key (zero-padded little
/// endian, see `lang::Index::mask`); 0 for longer words.
fn ascii_key(bytes: &[u8], a: usize, n: usize) -> u128 {
    if n > 16 {
        return 0;
    }
    let mut k = [0u8; 16];
    let x = match bytes.get(a..a + 16) {
        Some(w) => {
            k.copy_from_slice(w);
            let x = u128::from_le_bytes(k);
            if n == 16 {
                x
            } else {
                x & ((1u128 << (8 * n)) - 1)
            }
        }
        None => {
            if let (Some(dst), Some(src)) = (k.get_mut(..n), bytes.get(a..a + n)) {
                dst.copy_from_slice(src);
            }
            u128::from_le_bytes(k)
        }
    };
    // lower-case the bytes 'A'..='Z' all at once: every byte is below 0x80, so adding to each
    // byte never carries into the next
    const ONES: u128 = u128::from_le_bytes([1; 16]);
    let high = ONES * 0x80;
    let ge_a = x.wrapping_add(ONES * (0x80 - 0x41)) & high;
    let gt_z = x.wrapping_add(ONES * (0x80 - 0x5B)) & high;
    x | ((ge_a & !gt_z) >> 2)
}

fn class(b: u8) -> u8 {
    CLASS[b as usize]
}

/// Byte-lane masks of 8 (`lanes`, `u64`) or 16 (`lanes16`, `u128`) bytes at once (SWAR): each
/// class function returns the high bit (0x80) of the lanes whose byte is in its class. Valid
/// for lanes below the first byte >= 0x80: a larger byte may carry into the lanes above it.
macro_rules! lane_ops {
    ($name:ident, $t:ty, $n:expr) => {
        mod $name {
            /// The integer holding the lanes.
            pub type T = $t;
            /// Its number of bits.
            pub const BITS: u32 = <T>::BITS;
            /// 0x01 in every lane.
            pub const ONES: T = <T>::from_le_bytes([1; $n]);
            /// 0x80 in every lane.
            pub const HIGH: T = ONES * 0x80;

            /// Lanes whose byte is in `lo..=hi` (ASCII bytes).
            #[inline]
            fn range(x: T, lo: u8, hi: u8) -> T {
                let ge = x.wrapping_add(ONES * T::from(0x80 - lo));
                let le = !x.wrapping_add(ONES * T::from(0x7F - hi));
                ge & le & HIGH
            }

            /// ASCII whitespace: space, and tab to carriage return. (The 16-byte lanes find
            /// their token's end in the 8-byte ones: only tests ask them.)
            #[inline]
            #[cfg_attr(not(test), allow(dead_code))]
            pub fn space(x: T) -> T {
                let sp = !(x ^ (ONES * 0x20)).wrapping_add(ONES * 0x7F) & HIGH;
                sp | range(x, 0x09, 0x0D)
            }

            /// Lanes whose byte is below `!` (0x21: spaces, other whitespace and control
            /// characters) or from 0x80: exact up to and including the first such lane (the
            /// lanes above it may be marked wrongly). (Only the 8-byte lanes' first stop is
            /// asked on the path of most tokens.)
            #[inline]
            #[cfg_attr(not(test), allow(dead_code))]
            pub fn below_bang_or_high(x: T) -> T {
                (x.wrapping_sub(ONES * 0x21) & !x | x) & HIGH
            }

            /// ASCII letters.
            #[inline]
            pub fn alpha(x: T) -> T {
                range(x | (ONES * 0x20), b'a', b'z')
            }

            /// ASCII digits.
            #[inline]
            pub fn digit(x: T) -> T {
                range(x, b'0', b'9')
            }

            /// All bits of the lanes `0..n`, by `n`.
            static LOW_BYTES: [T; $n + 1] = {
                let mut t = [<T>::MAX; $n + 1];
                let mut n = 0;
                while n < $n {
                    t[n] = (1 << (8 * n)) - 1;
                    n += 1;
                }
                t
            };

            /// All bits of the lanes `0..n` (all lanes for `n >= $n`).
            #[inline]
            pub fn low_bytes(n: usize) -> T {
                LOW_BYTES[n.min($n)]
            }

            /// The lane of a high bit (bit `8 * lane + 7`).
            #[inline]
            pub fn lane(bit: u32) -> usize {
                (bit / 8) as usize
            }
        }
    };
}

lane_ops!(lanes, u64, 8);
lane_ops!(lanes16, u128, 16);

/// Stopword mask of a lower-cased word of `n <= 16` bytes given as its key.
#[inline]
fn key_mask(stops: &lang::Index, key: u128, n: usize) -> u8 {
    if n <= 8 {
        stops.mask_short(key as u64)
    } else {
        stops.mask(key, n)
    }
}

/// Stopword mask of a lower-cased word of `n <= 16` bytes given as its key and its filter hash
/// `hash` ([`key_filter_hash`]: for a key of at most 8 bytes the product its stopword slot is
/// taken from).
#[inline]
fn run_mask(stops: &lang::Index, key: u128, n: usize, hash: u64) -> u8 {
    if n <= 8 {
        stops.mask_short_by(key as u64, hash)
    } else {
        key_mask(stops, key, n)
    }
}

/// Hash of a lower-cased word of `1..=16` bytes given as its key (as [`WordHasher`]).
#[cfg(test)]
fn key_hash(key: u128, n: usize) -> u64 {
    if n <= 8 {
        short_word_hash(key as u64, n)
    } else {
        finish_hash(mix_chunk(mix_chunk(WORD_SEED, key as u64), (key >> 64) as u64), n)
    }
}

/// Reading one token of ASCII bytes from one window of lanes (see [`LineCounts::token_window`]).
macro_rules! token_window {
    ($(#[$attr:meta])* $name:ident, $(#[$battr:meta])* $body:ident, $lanes:ident) => {
        /// Read a token of ASCII bytes starting at byte `start` from `x`, the window of lanes from
        /// there (lane masks instead of a loop over its bytes); `None` (nothing counted) for a
        /// token longer than the window holds (one lane less than its size) or not ASCII.
        $(#[$attr])*
        fn $name(&mut self, x: $lanes::T, start: usize) -> Option<usize> {
            use $lanes as l;
            let high = x & l::HIGH;
            let stop = l::space(x) | high;
            if stop == 0 {
                return None;
            }
            let first = stop.trailing_zeros();
            let one: l::T = 1;
            if high & (one << first) != 0 {
                return None;
            }
            // the token: the lanes below its first space
            Some(self.$body(x, (one << first) - 1, l::lane(first), start))
        }

        token_window!(@body $(#[$battr])* $body, $lanes);
    };
    (@body $(#[$battr:meta])* $body:ident, $lanes:ident) => {
        /// Count the token of `len` ASCII bytes (no whitespace) starting at byte `start`, the
        /// lanes of `x` under `keep` (the bits below the high bit of the lane after it); returns
        /// its end.
        $(#[$battr])*
        fn $body(&mut self, x: $lanes::T, keep: $lanes::T, len: usize, start: usize) -> usize {
            use $lanes as l;
            let alpha = l::alpha(x) & keep;
            let digit = l::digit(x) & keep;
            let alnum = alpha | digit;
            let t = &mut self.tokens;
            t.words += 1;
            if alnum == 0 {
                // no letter or digit: nothing to look up or vote
                return start + len;
            }
            // letters lower-cased: 0x20 added in the letters' lanes
            let lower = x | (alpha >> 2);
            let bytes_at = |a: usize, n: usize| u128::from((lower >> (8 * a)) & l::low_bytes(n));
            // the core: from the first to the last letter or digit; its stopword mask when at
            // most 12 bytes
            let (tz, lz) = (alnum.trailing_zeros(), alnum.leading_zeros());
            let a = l::lane(tz);
            let z = l::lane(l::BITS - 1 - lz) + 1;
            let n = z - a;
            // its bytes: those below its last lane (the top `lz` bits cleared), shifted down
            // from its first (the high bit of lane `a` is bit `8 * a + 7`)
            let key = u128::from((lower & (<l::T>::MAX >> lz)) >> (tz - 7));
            // its filter hash: for a key of at most 8 bytes the product its stopword slot is
            // taken from (one multiplication for both)
            let hash = key_filter_hash(key);
            // runs of letters and digits: the words hashed
            let run_starts = alnum & !(alnum << 8);
            // (a core in 8-byte lanes is at most 8 bytes: no length test; one of several runs
            // in 16-byte lanes is looked up only if a stopword may be such a word)
            let m = if l::BITS == 64 {
                t.stops.mask_short_by(key as u64, hash)
            } else if n <= 12 && (run_starts & (run_starts - 1) == 0 || t.stops.may_hold_runs()) {
                key_mask(t.stops, key, n)
            } else {
                0
            };
            t.hit(m);
            // the votes of the maximal runs of letters starting in the lanes `rs`, in order
            let vote_runs = |t: &mut TokenCounts, mut rs: l::T| {
                while rs != 0 {
                    let bit = rs.trailing_zeros();
                    let end = (!alpha & l::HIGH & (<l::T>::MAX << bit)).trailing_zeros();
                    let (a, n) = (l::lane(bit), l::lane(end) - l::lane(bit));
                    t.vote(key_mask(t.stops, bytes_at(a, n), n));
                    rs &= rs - 1;
                }
            };
            if run_starts & (run_starts - 1) == 0 {
                self.hashes.push(hash);
                if digit == 0 {
                    // one alphabetic word: it votes with the core's mask
                    if l::BITS == 64 {
                        t.vote_short();
                    } else {
                        t.vote_plain(key, n);
                    }
                    return start + len;
                }
            }
            t.other += lang::SPREAD[usize::from(m) & (lang::SPREAD.len() - 1)];
            let alpha_starts = alpha & !(alpha << 8);
            let several = run_starts & (run_starts - 1) != 0;
            // in 16-byte lanes, several runs of letters and digits vote as they are hashed: the
            // runs of letters in each in order, a run without digits by the product of its hash
            let votes_by_run = l::BITS > 64 && several;
            let voting = t.voting();
            let mut rs = if several { run_starts } else { 0 };
            while rs != 0 {
                let bit = rs.trailing_zeros();
                let end = (!alnum & l::HIGH & (<l::T>::MAX << bit)).trailing_zeros();
                let (a, z) = (l::lane(bit), l::lane(end));
                let run_key = bytes_at(a, z - a);
                let run_hash = key_filter_hash(run_key);
                self.hashes.push(run_hash);
                if votes_by_run && voting {
                    let lanes_of_run = l::low_bytes(z) ^ l::low_bytes(a);
                    if digit & lanes_of_run == 0 {
                        t.vote(run_mask(t.stops, run_key, z - a, run_hash));
                    } else {
                        vote_runs(t, alpha_starts & lanes_of_run);
                    }
                }
                rs &= rs - 1;
            }
            if voting && !votes_by_run {
                vote_runs(t, alpha_starts);
            }
            start + len
        }
    };
}

/// The bits of a token's bytes in a window of 8 lanes, from the bits `keep` below the high bit
/// of the lane after it (`u64::MAX` for a token filling the window): `keep` without the low 7
/// bits of that lane (an arithmetic shift keeps all bits of `u64::MAX`, and the others have
/// their top bit clear).
#[inline]
fn token_lane_bits(keep: u64) -> u64 {
    ((keep as i64) >> 7) as u64
}

/// The 8 bytes of `bytes` from `i`, little endian, padded with spaces past the end.
#[inline]
fn load8(bytes: &[u8], i: usize) -> u64 {
    if let Some(w) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        return u64::from_le_bytes(*w);
    }
    let mut w = [b' '; 8];
    for (d, s) in w.iter_mut().zip(bytes.get(i..).unwrap_or(&[])) {
        *d = *s;
    }
    u64::from_le_bytes(w)
}

/// The measures of one line being read, token by token; `FAST`: whether
/// [`LineCounts::token_window`] reads short ASCII tokens.
struct LineCounts<'a, const FAST: bool> {
    /// Letters per script read character by character (tokens holding non-ASCII characters;
    /// the ASCII paths count no letters: see [`Line::counts`]).
    scripts: [usize; lang::N_SCRIPTS],
    tokens: TokenCounts<'a>,
    /// The word hashes of the text (those of the line read appended): the text's list, taken
    /// for the line (held by value, its length and room are the loop's own, not behind a
    /// reference) and given back at its end.
    hashes: Vec<u64>,
}

impl<const FAST: bool> LineCounts<'_, FAST> {
    /// Keep the hash of the line's next word.
    #[inline]
    fn word(&mut self, h: u64) {
        self.hashes.push(h);
    }

    /// Read the token starting at byte `start` of `s` (not whitespace); returns its end.
    ///
    /// (Classifying a window per token beats class masks computed once per 64-byte block: the
    /// masks of every byte of bbc300's lines (space, high, letter, digit; SWAR, packed to one
    /// bit per byte) cost 5.7 M instructions alone, against about 3.7 M for all the windows'
    /// classes, as most spaces are skipped without a look and a window's bytes after its token
    /// are rarely wasted work; the look-ups, hashes and the word filter stay the same.)
    #[inline]
    fn token(&mut self, s: &str, start: usize) -> usize {
        if FAST {
            // most tokens fit 8 bytes, nearly all 16
            let bytes = s.as_bytes();
            let x = load8(bytes, start);
            let end = if lanes::space(x) | (x & lanes::HIGH) != 0 {
                self.token_window(x, start)
            } else {
                self.token_window_long(x, bytes, start)
            };
            if let Some(end) = end {
                return end;
            }
        }
        self.token_bytes(s, start)
    }

    token_window!(
        // (the path of most tokens: inlined into the loop over the line's tokens)
        #[inline(always)]
        token_window,
        #[inline(always)]
        token_lanes,
        lanes
    );
    token_window!(
        @body
        #[inline]
        token_lanes16,
        lanes16
    );

    /// Read the token of `len` ASCII bytes (no whitespace) starting at byte `start` from the
    /// lanes of `x` under `keep`, as [`LineCounts::token_lanes`]; returns its end. A token of
    /// letters only (most tokens of news text) is one plain word, its own core: its key is its
    /// lanes lower-cased, counted without the masks of digits, runs and the core's bounds that
    /// other tokens need.
    #[inline(always)]
    fn token_lanes_plain(&mut self, x: u64, keep: u64, len: usize, start: usize) -> usize {
        let alpha = lanes::alpha(x) & keep;
        if alpha != keep & lanes::HIGH {
            return self.token_lanes(x, keep, len, start);
        }
        let key = (x | (alpha >> 2)) & token_lane_bits(keep);
        let hash = key_filter_hash(u128::from(key));
        let t = &mut self.tokens;
        // one of the words, voting with the core's mask (see `vote_short`)
        t.plain += 1;
        t.hit(t.stops.mask_short_by(key, hash));
        self.hashes.push(hash);
        start + len
    }

    /// Count the plain word (letters only) of `n` (9 to 15) bytes starting at byte `start`,
    /// given lower-cased as its first 8 bytes `lo` and the rest `hi` (zero above its end);
    /// returns its end.
    #[inline(always)]
    fn plain_word_long(&mut self, lo: u64, hi: u64, n: usize, start: usize) -> usize {
        let key = u128::from(lo) | u128::from(hi) << 64;
        let t = &mut self.tokens;
        t.words += 1;
        let m = if n <= 12 { key_mask(t.stops, key, n) } else { 0 };
        t.hit(m);
        self.hashes.push(key_filter_hash(key));
        t.vote_plain(key, n);
        start + n
    }

    /// Read a token of 8 to 15 ASCII bytes from its first 8 bytes `x0` (no space among them)
    /// and the next 8 of `bytes`: as one plain word when it is letters only (most long tokens),
    /// as two `u64` windows when it is one run of letters and digits with punctuation around
    /// it, else as one `u128` window; `None` (nothing counted) for a longer or non-ASCII token.
    #[inline(always)]
    fn token_window_long(&mut self, x0: u64, bytes: &[u8], start: usize) -> Option<usize> {
        let x1 = load8(bytes, start + 8);
        let high1 = x1 & lanes::HIGH;
        let stop1 = lanes::space(x1) | high1;
        if stop1 == 0 {
            return None;
        }
        let first = stop1.trailing_zeros();
        if high1 & (1u64 << first) != 0 {
            return None;
        }
        if first == 7 {
            // a token of 8 bytes (about 40 % of the long ones): the first window holds it
            return Some(self.token_lanes_plain(x0, u64::MAX, 8, start));
        }
        let keep1 = (1u64 << first) - 1;
        let (a0, a1) = (lanes::alpha(x0), lanes::alpha(x1) & keep1);
        if a0 == lanes::HIGH && a1 == keep1 & lanes::HIGH {
            // letters only (most long tokens): one plain word, its own core
            let (lo, hi) = (x0 | (a0 >> 2), (x1 | (a1 >> 2)) & token_lane_bits(keep1));
            return Some(self.plain_word_long(lo, hi, 8 + lanes::lane(first), start));
        }
        let (d0, d1) = (lanes::digit(x0), lanes::digit(x1) & keep1);
        let (an0, an1) = (a0 | d0, a1 | d1);
        // the starts of the runs of letters and digits in both halves
        let rs0 = an0 & !(an0 << 8);
        let rs1 = an1 & !((an1 << 8) | (an0 >> 56));
        let one_run = rs0 & rs0.wrapping_sub(1) == 0 && rs1 & rs1.wrapping_sub(1) == 0 && (rs0 == 0) != (rs1 == 0);
        if !one_run {
            let x = u128::from(x0) | u128::from(x1) << 64;
            return Some(self.token_lanes16(x, (1u128 << (64 + first)) - 1, 8 + lanes::lane(first), start));
        }
        let len = 8 + lanes::lane(first);
        let t = &mut self.tokens;
        t.words += 1;
        // the core: the one run
        let a = if an0 != 0 { lanes::lane(an0.trailing_zeros()) } else { 8 + lanes::lane(an1.trailing_zeros()) };
        let z = if an1 != 0 {
            9 + lanes::lane(63 - an1.leading_zeros())
        } else {
            1 + lanes::lane(63 - an0.leading_zeros())
        };
        let n = z - a;
        let lower = u128::from(x0 | (a0 >> 2)) | u128::from(x1 | (a1 >> 2)) << 64;
        let key = (lower >> (8 * a)) & lanes16::low_bytes(n);
        let m = if n <= 12 { key_mask(t.stops, key, n) } else { 0 };
        t.hit(m);
        self.hashes.push(key_filter_hash(key));
        if d0 | d1 == 0 {
            // one alphabetic word: it votes with the core's mask
            t.vote_plain(key, n);
        } else {
            // letters and digits: the vote of each run of letters
            t.other += lang::SPREAD[usize::from(m) & (lang::SPREAD.len() - 1)];
            let alpha = u128::from(a0) | u128::from(a1) << 64;
            let mut rs = alpha & !(alpha << 8);
            while rs != 0 && t.voting() {
                let bit = rs.trailing_zeros();
                let end = (!alpha & lanes16::HIGH & (u128::MAX << bit)).trailing_zeros();
                let (a, n) = (lanes16::lane(bit), lanes16::lane(end) - lanes16::lane(bit));
                t.vote(key_mask(t.stops, (lower >> (8 * a)) & lanes16::low_bytes(n), n));
                rs &= rs - 1;
            }
        }
        Some(start + len)
    }

    /// Read the token starting at byte `start` of `s`; returns its end. A token of ASCII bytes
    /// is read in one pass over its bytes; others character by character.
    fn token_bytes(&mut self, s: &str, start: usize) -> usize {
        let bytes = s.as_bytes();
        // a token holding a character beyond ASCII is read character by character (before any
        // word of it is sent)
        let rest = bytes.get(start..).unwrap_or(&[]);
        if rest.iter().find(|&&b| class(b) & (WS | HIGH) != 0).is_some_and(|&b| class(b) & HIGH != 0) {
            if FAST {
                // punctuation beyond ASCII before its first letter or digit ("£5m", "(£600m)",
                // "—"): the rest read as the token (see `open_punctuation`)
                if let Some((rest, kana)) = open_punctuation(s, start) {
                    self.tokens.ev.kana |= kana;
                    return self.token(s, rest);
                }
            }
            return self.token_chars(s, start);
        }
        let mut end = start;
        let (mut digits, mut runs) = (0usize, 0usize);
        // the core: from the first to the last letter or digit
        let (mut a, mut z) = (NONE, 0);
        // the start of the current run of letters and digits (hashed at its end)
        let mut run = NONE;
        while let Some(&b) = bytes.get(end) {
            let k = class(b);
            if k & (WS | HIGH) != 0 {
                // (no HIGH byte: see above)
                break;
            }
            if k == ALPHA && run != NONE {
                // inside a word: the rest of its letters in a tight loop
                while bytes.get(end).is_some_and(|&b| class(b) == ALPHA) {
                    end += 1;
                }
                z = end;
                continue;
            }
            digits += usize::from(k & DIGIT != 0);
            if k & ALNUM != 0 {
                if run == NONE {
                    runs += 1;
                    run = end;
                    if a == NONE {
                        a = end;
                    }
                }
                z = end + 1;
            } else if run != NONE {
                self.word(ascii_filter_hash(bytes, run, end - run));
                run = NONE;
            }
            end += 1;
        }
        if run != NONE {
            self.word(ascii_filter_hash(bytes, run, end - run));
        }
        let t = &mut self.tokens;
        t.words += 1;
        if a == NONE {
            // no letter or digit: nothing to look up or vote
            return end;
        }
        // its stopword mask (by the core, when at most 12 bytes) and its language vote; the core
        // is one alphabetic word when it is one run of letters and digits holding no digit
        let n = z - a;
        let key = || ascii_key(bytes, a, n);
        let m = if n <= 12 { t.stops.mask(key(), n) } else { 0 };
        t.hit_other(m);
        if runs == 1 && digits == 0 {
            let m = if n <= 12 {
                m
            } else if n <= 16 {
                t.stops.mask(key(), n)
            } else {
                0
            };
            t.vote(m);
        } else {
            t.vote_token(s.get(start..end).unwrap_or(""));
        }
        end
    }

    /// Read the token starting at byte `start` character by character (any text); returns its
    /// end, the first whitespace character after it or the end of `s`.
    fn token_chars(&mut self, s: &str, start: usize) -> usize {
        let mut t = Token::new(start);
        let mut h = FilterHasher::new();
        let mut in_word = false;
        let bytes = s.as_bytes();
        let mut i = start;
        while let Some(&b) = bytes.get(i) {
            let (len, alpha, alnum);
            let mut script_bit = 0u8;
            if b < 0x80 {
                if class(b) & WS != 0 {
                    break;
                }
                len = 1;
                alpha = b.is_ascii_alphabetic();
                alnum = alpha || b.is_ascii_digit();
                if alpha {
                    self.scripts[lang::Script::Latin as usize] += 1;
                    script_bit = 1;
                }
                if alnum {
                    h.char(char::from(b));
                }
            } else {
                let c = s.get(i..).and_then(|t| t.chars().next()).unwrap_or(char::REPLACEMENT_CHARACTER);
                if c.is_whitespace() {
                    break;
                }
                len = c.len_utf8();
                alpha = c.is_alphabetic();
                alnum = alpha || c.is_numeric();
                self.tokens.ev.kana |= lang::is_kana(c);
                if alpha {
                    let sc = lang::script_of(c);
                    self.scripts[sc as usize] += 1;
                    script_bit = match sc {
                        lang::Script::Latin => 1,
                        lang::Script::Cyrillic | lang::Script::Greek => 2,
                        _ => 0,
                    };
                }
                if alnum {
                    h.char(c);
                }
            }
            if alnum {
                in_word = true;
            } else if in_word {
                self.word(h.take());
                in_word = false;
            }
            t.scripts |= script_bit;
            t.push(i, len, b, alpha, alnum);
            i += len;
        }
        if in_word {
            self.word(h.take());
        }
        self.tokens.finish(s, &t, i);
        i
    }
}

/// Where the token at byte `start` of `s` goes on after the characters opening it that are
/// neither letters nor digits nor whitespace, when one of them is beyond ASCII, and whether one
/// of them is in the kana blocks. Such characters count for nothing in a token but the kana
/// flag: they start no word and no core (so they mark no character as the first that is not a
/// letter or not ASCII), are no letter of any script, and split no alphabetic run; the rest of
/// the token, read as a token of its own, gives its measures (and its word count of one).
/// `None` when there is no such character (nothing to gain: the token is read as before).
fn open_punctuation(s: &str, start: usize) -> Option<(usize, bool)> {
    let (mut beyond, mut kana) = (false, false);
    for (k, c) in s.get(start..)?.char_indices() {
        if c.is_whitespace() || c.is_alphanumeric() {
            return beyond.then_some((start + k, kana));
        }
        beyond |= !c.is_ascii();
        kana |= lang::is_kana(c);
    }
    beyond.then_some((s.len(), kana))
}

/// Bytes of a line read between two moves of its packed stopword hits into their totals: a
/// token starts at most every other byte, and adds at most one hit per list, so no 16-bit lane
/// of [`TokenCounts::hits`] overflows (see [`TokenCounts::flush`]).
const FLUSH_BYTES: usize = 1 << 16;

/// The measures of the line `s` at `span`, whose word hashes are appended to `hashes` and sent
/// to `sink`.
fn measure<const FAST: bool, W: WordSink>(
    s: &str,
    span: Span,
    tokens: TokenCounts<'_>,
    hashes: &mut Vec<u64>,
    sink: &mut W,
) -> Line {
    let words_before = hashes.len();
    let mut c = LineCounts::<FAST> { scripts: [0; lang::N_SCRIPTS], tokens, hashes: std::mem::take(hashes) };
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if i > 0 {
            c.tokens.flush();
        }
        // the tokens starting in the next `FLUSH_BYTES` bytes (they may run on past them)
        let part = bytes.get(..bytes.len().min(i + FLUSH_BYTES)).unwrap_or(bytes);
        // (the fast path reads no byte on its own: its window's load checks the bounds once, with
        // no overflow test on `i + 8`)
        while i < part.len() {
            if FAST {
                // most tokens start right after the space ending the one before: the window of
                // the token read at once when it starts with an ASCII byte that is not a space
                let x = load8(bytes, i);
                // the first byte that is not printable ASCII: a space after a token of
                // printable ASCII (most tokens) ends it without the exact whitespace mask
                let stop = lanes::below_bang_or_high(x);
                if stop & 0x80 == 0 {
                    let first = stop.trailing_zeros();
                    let end = if stop == 0 {
                        c.token_window_long(x, bytes, i)
                    } else if (x >> (first & 0x38)) as u8 == b' ' {
                        Some(c.token_lanes_plain(x, (1 << first) - 1, lanes::lane(first), i))
                    } else {
                        c.token_window(x, i)
                    };
                    i = match end {
                        // the whitespace byte ending it (or the end of the line) passed over
                        Some(end) => end + 1,
                        None => c.token_bytes(s, i),
                    };
                    continue;
                }
            }
            let Some(&b) = part.get(i) else { break };
            let k = class(b);
            if k & WS != 0 {
                i += 1;
                continue;
            }
            if k & HIGH != 0 {
                if let Some(ch) = s.get(i..).and_then(|t| t.chars().next()).filter(|ch| ch.is_whitespace()) {
                    i += ch.len_utf8();
                    continue;
                }
            }
            i = c.token(s, i);
            // the space after a token (most tokens), without going round the loop
            if bytes.get(i) == Some(&b' ') {
                i += 1;
            }
        }
    }
    let LineCounts { scripts, mut tokens, hashes: read } = c;
    tokens.settle_plain();
    *hashes = read;
    let words = hashes.get(words_before..).unwrap_or(&[]);
    let dup_candidate = sink.end_line(words, tokens.words);
    // whether the line has ASCII letters (the ASCII paths do not note them): most lines start
    // with one
    let latin = s.bytes().any(|b| b.is_ascii_alphabetic());
    tokens.finish_line(s);
    // the script: Latin when the line has letters of no other script; else counted exactly
    let other = scripts.iter().skip(1).any(|&n| n > 0);
    let script = if other {
        lang::dominant(&script_counts(s))
    } else {
        (latin || scripts[lang::Script::Latin as usize] > 0).then_some(lang::Script::Latin)
    };
    tokens.ev.add_scripts(&scripts, latin);
    Line {
        span,
        words: tokens.words,
        stop: 0,
        stop_hits: tokens.stop_hits.map(|n| u16::try_from(n).unwrap_or(u16::MAX)),
        ends_sentence: ends_sentence(s),
        script,
        mixed_words: tokens.mixed_words,
        dup_candidate,
        hashes: words_before..hashes.len(),
    }
}

/// Fill in `stop` for the language list `idx` (or the best list per line when `None`).
pub(crate) fn count_stopwords(lines: &mut [Line], idx: Option<usize>) {
    for l in lines {
        l.stop = match idx {
            Some(i) => l.stop_hits.get(i).copied().unwrap_or(0) as usize,
            None => l.stop_hits.iter().copied().max().unwrap_or(0) as usize,
        };
    }
}

impl Line {
    /// The line's characters, letters and digits, counted on demand (few lines are asked):
    /// `text` is the text the line's span is in.
    pub fn counts(&self, text: &str) -> Counts {
        Counts::of(self.span.slice(text))
    }

    /// Share of tokens that are stopwords.
    pub fn stop_ratio(&self) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            self.stop as f32 / self.words as f32
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_trims() {
        let t = "  Title here \n\nThe body is here.\r\n";
        let ls = split(t).lines;
        assert_eq!(ls.len(), 2);
        assert_eq!(ls[0].span.slice(t), "Title here");
        assert!(ls[1].ends_sentence);
        assert!(!ls[0].ends_sentence);
    }

    #[test]
    fn ascii_and_char_paths_agree() {
        // "word" read on the ASCII path and inside a token read character by character
        let (m, h) = hashed("Word x2 caf\u{e9}-WORD \u{a0}U.S. 12");
        assert_eq!(h.len(), 7);
        assert_eq!(h[0], h[3]);
        let l = &m.lines[0];
        let c = l.counts("Word x2 caf\u{e9}-WORD \u{a0}U.S. 12");
        assert_eq!((l.words, c.letters, c.digits, c.chars), (5, 15, 3, 26));
        // a token that turns out not to be ASCII is read again from its start
        let (m, h) = hashed("abc\u{e9} abc");
        assert_eq!(h.len(), 2);
        assert_eq!((m.lines[0].words, m.lines[0].counts("abc\u{e9} abc").letters), (2, 7));
    }

    #[test]
    fn word_keys_lower_case_ascii() {
        let all: Vec<u8> = (0u8..0x80).collect();
        for a in 0..all.len() {
            for n in 0..=16 {
                let Some(w) = all.get(a..a + n) else { continue };
                let mut want = [0u8; 16];
                want[..n].copy_from_slice(w);
                want.make_ascii_lowercase();
                assert_eq!(ascii_key(&all, a, n), u128::from_le_bytes(want));
            }
        }
        assert_eq!(ascii_key(b"ABCDEFGHIJKLMNOPQ", 0, 17), 0);
    }

    #[test]
    fn short_and_byte_word_hashes_agree() {
        for w in ["a", "the", "abcdefg", "abcdefgh", "12", "x9y"] {
            let mut k = [0u8; 8];
            k[..w.len()].copy_from_slice(w.as_bytes());
            let mut h = WordHasher::new();
            w.bytes().for_each(|b| h.byte(b));
            assert_eq!(h.take(), short_word_hash(u64::from_le_bytes(k), w.len()), "{w}");
        }
        for w in ["abcdefghi", "abcdefghijklmnop", "a1b2c3d4e5f"] {
            let mut k = [0u8; 16];
            k[..w.len()].copy_from_slice(w.as_bytes());
            let mut h = WordHasher::new();
            w.bytes().for_each(|b| h.byte(b));
            assert_eq!(h.take(), key_hash(u128::from_le_bytes(k), w.len()), "{w}");
        }
        for w in ["abcdefgh", "Government", "ABCDEFGHIJKLMNOP", "x1y2z3w4v5u6t7s8r", "Zz"] {
            let mut h = WordHasher::new();
            w.bytes().for_each(|b| h.byte(b.to_ascii_lowercase()));
            let padded = format!("..{w}..");
            assert_eq!(h.take(), ascii_word_hash(padded.as_bytes(), 2, w.len()), "{w}");
            assert_eq!(ascii_word_hash(w.as_bytes(), 0, w.len()), ascii_word_hash(padded.as_bytes(), 2, w.len()));
        }
    }

    #[test]
    fn lane_masks_match_byte_classes() {
        for b in 0u8..0x80 {
            let x = u64::from_le_bytes([b; 8]);
            let k = class(b);
            assert_eq!(lanes::space(x) != 0, k & WS != 0, "{b}");
            assert_eq!(lanes::alpha(x) != 0, k & ALPHA != 0, "{b}");
            assert_eq!(lanes::digit(x) != 0, k & DIGIT != 0, "{b}");
            let x = u128::from_le_bytes([b; 16]);
            assert_eq!(lanes16::space(x) != 0, k & WS != 0, "{b}");
            assert_eq!(lanes16::alpha(x) != 0, k & ALPHA != 0, "{b}");
            assert_eq!(lanes16::digit(x) != 0, k & DIGIT != 0, "{b}");
        }
        assert_eq!(lanes16::low_bytes(9), (1u128 << 72) - 1);
        assert_eq!(lanes16::low_bytes(16), u128::MAX);
        assert_eq!(lanes::low_bytes(1), 0xFF);
        assert_eq!(lanes::low_bytes(8), u64::MAX);
        assert_eq!(lanes::low_bytes(33), u64::MAX);
        assert_eq!(lanes::low_bytes(0), 0);
    }

    proptest::proptest! {
        #[test]
        fn first_stop_lane_is_exact(x: u64, lane in 0usize..9, b: u8) {
            // a byte that stops a token of printable ASCII placed in some lane
            let mut w = x.to_le_bytes();
            if let Some(d) = w.get_mut(lane) {
                *d = b;
            }
            let x = u64::from_le_bytes(w);
            let want = w.iter().position(|&b| !(0x21..0x80).contains(&b));
            let got = lanes::below_bang_or_high(x);
            proptest::prop_assert_eq!((got != 0).then(|| lanes::lane(got.trailing_zeros())), want);
            let got16 = lanes16::below_bang_or_high(u128::from(x) | u128::from(x) << 64);
            proptest::prop_assert_eq!(lanes16::lane(got16.trailing_zeros()), want.unwrap_or(16));
        }
    }

    /// The measures of `text` (on the fast path) and all its word hashes; checks that they are
    /// those [`filter_hashes`] computes line by line, and those [`split`] keeps.
    fn hashed(text: &str) -> (Measured, Vec<u64>) {
        let m = split_with::<true, _>(text, &mut AllLines);
        let all = m.word_hashes.clone();
        let mut by_line = Vec::new();
        let mut buf = Vec::new();
        let kept = split(text);
        for (l, k) in m.lines.iter().zip(&kept.lines) {
            filter_hashes(l.span.slice(text), &mut buf);
            assert_eq!(all.get(l.hashes.clone()), Some(&buf[..]));
            assert_eq!(kept.hashes(k), &buf[..]);
            by_line.extend_from_slice(&buf);
        }
        assert_eq!(all, by_line, "{text:?}");
        assert_eq!(kept.word_hashes, all);
        (m, all)
    }

    /// The measures of `text` on the fast path and without it, as text: with the word filter, and
    /// with all word hashes (checked against [`word_hashes`]). Of the language evidence, what
    /// is used of it: the dominant script, the kana flag and the stopword vote (the count of
    /// Latin letters is exact only where it is needed, see [`lang::Evidence`]; the paths count
    /// ASCII letters in different tokens).
    fn both_paths(text: &str) -> (String, String) {
        let show = |m: Measured| {
            let ev = &m.evidence;
            format!("{:?} {:?} {} {:?}", m.lines, ev.dominant_script(), ev.kana, ev.votes())
        };
        let fast = show(split_with::<true, _>(text, &mut WordFilter::new(text.len())));
        let slow = show(split_with::<false, _>(text, &mut WordFilter::new(text.len())));
        let all_slow = split_with::<false, _>(text, &mut AllLines).word_hashes;
        let all_fast = hashed(text).1;
        (format!("{fast} {all_fast:?}"), format!("{slow} {all_slow:?}"))
    }

    #[test]
    fn fast_path_agrees_on_token_shapes() {
        let text = "The U.S. and don't 3.5% $1.13bn (£600m) a-b-c-d x 12ab ab12 \"Quoted,\" it's e.g. \
                    Government, (international) don't-stop-me-now.com sixteen-letters! 1,234,567,890 \
                    ALLCAPS wordy, seven77 eightchr ninechars\tTAB \u{a0}nbsp caf\u{e9} _under_ @at [br] {c}\n\
                    Yоur mixed. end.\n\
                    Internationalization-caf\u{e9} caf\u{e9}-Internationalizations Abcdefghijklmnop\u{e9} \
                    x-ABCDEFGHIJKLMNOPQ-\u{e9}t\u{e9} sixteenletterswd seventeenletterwd\u{a0}seventeenletterwd\n\
                    \u{30fb}a\t(\u{a3}600m) \u{a3}1.2bn-\u{a3}3bn \u{2014} \u{a3} \u{2014}\u{a0}x \u{a3}\u{e9}t\u{e9} \u{a3}\u{b2}";
        let (fast, slow) = both_paths(text);
        assert_eq!(fast, slow);
    }

    #[test]
    fn token_lane_bits_are_the_lanes_below_the_stop() {
        assert_eq!(token_lane_bits(u64::MAX), u64::MAX);
        for len in 1..8 {
            assert_eq!(token_lane_bits((1 << (8 * len + 7)) - 1), lanes::low_bytes(len));
        }
    }

    #[test]
    fn fast_path_agrees_on_plain_words() {
        // words of letters only, 1 to 16 bytes, before a space (read at once) and before other
        // whitespace or the end of the line, next to the bytes around the letters' ranges
        let text = "a I an AN The THE Then their these STOPS Xylophone they'd them, it The@ @the the[ [The \
                    a`b `a a{b {a Z[ [Z z{ {z the\tthe of\x0bof and\nAND of the and to in a that is was\n\
                    abcdefg ABCDEFG abcdefgh x7 7x QUIZ quiz\u{a0}the caf\u{e9} the nonetheless \
                    International internationa Internationa@ Internation[ abcdefghijklmno Abcdefghijklm \
                    abcdefghijklmnop\tabcdefghijklmnopq notwithstanding\u{a0}wherever\x0bwhereupon \
                    abcdefghi`a abcdefgh{a abcdefghijkl abcdefghijk7 themselves";
        for line in [text.to_string(), text.to_uppercase(), text.replace(' ', "  ")] {
            let (fast, slow) = both_paths(&line);
            assert_eq!(fast, slow);
        }
    }

    #[test]
    fn fast_path_agrees_on_stopword_runs() {
        // tokens of up to 16 bytes made of several runs, most runs stopwords, some with digits
        // (their cores are not looked up unless a stopword may hold such a mark; their runs vote
        // by their hashes)
        let text = "their-then would.been these,those u.s.-based don't-stop about/which abc-def-gh \
                    there-were. (which-was) 12-these-ab off-the-wall nine-to-five long-term-x the2-and-of \
                    x-9the-an of-the-and-a a1b2-c3d4 and,the.of/to it's-not-the";
        for line in [text.to_string(), text.to_uppercase(), text.replace(' ', "\n")] {
            let (fast, slow) = both_paths(&line);
            assert_eq!(fast, slow);
        }
    }

    /// The stopword vote of `text` the plain way: every alphabetic run of every line, in order.
    fn plain_votes(text: &str) -> (lang::Packed, usize) {
        let mut ev = lang::Evidence::default();
        let mut buf = String::new();
        for line in text.split('\n') {
            ev.vote_token(line, &mut buf);
        }
        ev.votes()
    }

    #[test]
    fn votes_are_those_of_every_alphabetic_run() {
        // lines that vote while read and lines past (or across) the end of the vote, with all
        // token shapes
        let shapes = "The U.S. and don't 3.5% $1.13bn (£600m) a-b-c-d x 12ab ab12 \"Quoted,\" it's e.g. \
                      Government, (international) don't-stop-me-now.com sixteen-letters! ALLCAPS seven77 \
                      caf\u{e9} Yоur le chat et der Hund themselves Internationalization-caf\u{e9} \
                      Abcdefghijklmnop\u{e9} seventeenletterwd x-ABCDEFGHIJKLMNOPQ-\u{e9}t\u{e9} ";
        for (short, long) in [(1, 300), (3, 40), (1, 2000)] {
            let mut text = String::new();
            for i in 0..700 {
                let n = if i % 23 == 0 { long } else { short + i % 3 };
                for _ in 0..n {
                    text.push_str(shapes);
                }
                text.push('\n');
            }
            for t in [text.as_str(), text.get(..text.len() / 3).unwrap_or(""), "the of\nund"] {
                assert_eq!(split(t).evidence.votes(), plain_votes(t));
                assert_eq!(split_with::<false, _>(t, &mut AllLines).evidence.votes(), plain_votes(t));
            }
        }
    }

    #[test]
    fn folded_votes_agree_past_the_end_of_the_vote() {
        // more words than the vote counts, in short lines and in long ones that cross its end
        let words = "the cat And a dog x2 don't sat on le chat et der Hund International 3.5 of ";
        let mut text = String::new();
        for i in 0..1200 {
            let n = if i % 97 == 0 { 300 } else { 1 + i % 5 };
            for _ in 0..n {
                text.push_str(words);
            }
            text.push('\n');
        }
        let (fast, slow) = both_paths(&text);
        assert_eq!(fast, slow);
    }

    proptest::proptest! {
        #[test]
        fn fast_path_agrees(text in "[a-zA-Z0-9 .,'\"()$%@\\[\\]_\t\n\x01\x0b\x1f\u{e9}\u{a0}\u{43e}\u{a3}\u{2014}\u{30fb}\u{b2}-]{0,120}") {
            let (fast, slow) = both_paths(&text);
            proptest::prop_assert_eq!(fast, slow);
        }

        #[test]
        fn fast_path_agrees_on_long_tokens(text in "([\"(]?[a-zA-Z]{1,18}[.,'-]?[a-z0-9]{0,4}[.,)]{0,2}[ \n]{1,2}){0,12}") {
            let (fast, slow) = both_paths(&text);
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    proptest::proptest! {
        #[test]
        fn scripts_agree_with_full_counts(text in "[a-zA-Z0-9 .,\n\u{e9}\u{a0}\u{43e}\u{3b1}\u{5d0}\u{4e00}\u{3042}-]{0,80}") {
            // the script of each line and of the text, as from the letters counted per script
            let m = split(&text);
            let mut all = [0; lang::N_SCRIPTS];
            for l in &m.lines {
                let c = script_counts(l.span.slice(&text));
                proptest::prop_assert_eq!(l.script, lang::dominant(&c));
                for (t, n) in all.iter_mut().zip(c) {
                    *t += n;
                }
            }
            proptest::prop_assert_eq!(m.evidence.dominant_script(), lang::dominant(&all));
        }
    }

    #[test]
    fn long_lines_count_every_stopword_hit() {
        // a line read in several `FLUSH_BYTES` parts, its hits moved to the totals between them
        let text = format!("{}\nthe end", "the of ".repeat(3 * FLUSH_BYTES / 7));
        let m = split(&text);
        let en = lang::list_index("en").unwrap_or(0);
        let n = 2 * (3 * FLUSH_BYTES / 7);
        assert_eq!(m.lines[0].words, n);
        assert_eq!(usize::from(m.lines[0].stop_hits[en]), n.min(usize::from(u16::MAX)));
        assert_eq!(m.lines[1].stop_hits[en], 1);
        let (fast, slow) = both_paths(&text);
        assert_eq!(fast, slow);
    }

    #[test]
    fn counts_look_alike_letters() {
        // Cyrillic "о", "е" and "а" inside Latin words
        let m = split("Yоur соntеnt hеrе is fine");
        assert_eq!(m.lines[0].mixed_words, 3);
        assert_eq!(split("Plain text, Кошка.").lines[0].mixed_words, 0);
    }
}
