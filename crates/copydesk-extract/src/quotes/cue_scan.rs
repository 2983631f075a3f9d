//! Finding cue words: one pass over the document builds a sorted index of every cue word
//! (whole words, as the regex `\b` sees them), which the quote and reported-speech passes then
//! query by range, without regexes or rescans.
//!
//! Words are cut 64 bytes at a time from bit masks of word bytes (eight bytes classified per
//! arithmetic step; characters outside ASCII are decoded only in the tokens that contain them);
//! a word is looked up only when it passes a one-probe filter (a 4 KiB bit set indexed by a
//! hash of its first four bytes and length, read with one load: after a word of three bytes,
//! the byte that ends it, whose every value a three-byte cue word has a bit for), which about
//! one token in twenty passes.
//! The few two-word cues ("pointed out", "according to") are checked against the next word.
//! Cue words are matched case-sensitively (they are lower case), except "According to".

use crate::ascii_scan::{HI, LO};
use foldhash::{HashMap, HashMapExt};
use once_cell::sync::Lazy;

/// Which cue list a word belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cues {
    /// Speech verbs that attribute quotes (data/cues.txt) and "according to".
    Speech,
    /// Speech verbs plus verbs of thinking and stance, for reported speech
    /// (data/cues.txt + data/reporting_verbs.txt) and "according to".
    Report,
}

impl Cues {
    fn bit(self) -> u8 {
        match self {
            Cues::Speech => SPEECH,
            Cues::Report => REPORT,
        }
    }
}

/// Bit of a word in [`Cues::Speech`].
const SPEECH: u8 = 1;
/// Bit of a word in [`Cues::Report`].
const REPORT: u8 = 2;

/// What a cue word stands for.
#[derive(Debug, Default)]
struct Entry {
    /// Lists it is a one-word cue of.
    single: u8,
    /// Second words of two-word cues that start with it, with their lists.
    second: Vec<(&'static str, u8)>,
}

/// The compiled cue lists.
struct Lexicon {
    /// Every listed word (a one-word cue or the first word of a two-word cue), once, with what
    /// it stands for.
    entries: Vec<(&'static str, Entry)>,
    /// Where the words are found by their bits of [`Lexicon::filter`] ([`Lexicon::entry`]):
    /// (bit, index in `entries`) at the slot the bit picks or the next free one after it; a
    /// power of two long and at most half full, so that every probe ends. `u32::MAX` marks a
    /// free slot.
    slots: Vec<(u32, u32)>,
    /// The quick test: the bits of [`filter_keys`] of every cue word (and first word of a
    /// two-word cue) are set. Most words fail it and are never looked up.
    filter: Box<[u64; FILTER_WORDS]>,
    /// Bytes in the shortest word of the lists (1 to 8): shorter tokens hold no cue.
    min_len: u32,
}

/// Bits of [`Lexicon::filter`] (4 KiB, which stay in the L1 cache).
const FILTER_BITS: u32 = 15;
/// `u64` words of [`Lexicon::filter`].
const FILTER_WORDS: usize = 1 << (FILTER_BITS - 6);

/// The bit of word `w` in [`Lexicon::filter`]: a multiplicative hash of its first four bytes
/// (zeros past a shorter word's end) and length, as written (no case folding). None for an
/// empty word.
#[inline]
fn filter_key(w: &[u8]) -> Option<usize> {
    let &first = w.first()?;
    let byte = |i: usize| u64::from(w.get(i).copied().unwrap_or(0));
    Some(filter_bit(u64::from(first) | byte(1) << 8 | byte(2) << 16 | byte(3) << 24 | (w.len() as u64) << 32))
}

/// The bits of [`Lexicon::filter`] set for the listed word `w`: its [`filter_key`] and, for a
/// word of [`MIN_LEN`] bytes, the keys of [`raw_key`] with every byte that may end it (a byte
/// that is no word byte, see [`is_word_byte`]) after it.
fn filter_keys(w: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let ends = (0..=255u8).filter(|&x| !is_word_byte(x) && w.len() == MIN_LEN as usize);
    let raw = ends.filter_map(move |x| {
        let mut four = [x; 4];
        four.get_mut(..w.len())?.copy_from_slice(w);
        Some(filter_bit(raw_key(four, w.len() as u64)))
    });
    filter_key(w).into_iter().chain(raw)
}

/// Fewest bytes of a listed word the token scan is built for: it skips shorter tokens, and
/// [`raw_key`] keys a token of at least this many bytes. The lists hold no shorter word (a test
/// checks it); if they did, [`CueIndex::new`] would index the text by the plain scan
/// ([`consider_words`]).
const MIN_LEN: u32 = 3;

/// The key of a token of `len` bytes, [`MIN_LEN`] or more, whose first four bytes (with the
/// byte after a token of three) are `four`: its [`filter_key`] when it is four bytes or longer,
/// one of the keys [`filter_keys`] sets for a listed word of three bytes otherwise (no mask to
/// make: one four-byte load).
#[inline]
fn raw_key(four: [u8; 4], len: u64) -> u64 {
    u64::from(u32::from_le_bytes(four)) | len << 32
}

/// The key [`filter_key`] hashes for a token of `len` bytes whose first eight bytes (with the
/// text after a shorter token) are `head` (little-endian): its first four bytes (all of a
/// shorter token) and the length.
#[inline]
fn head_key(head: u64, len: u64) -> u64 {
    let mask = HEAD_MASKS.get(len.min(4) as usize).copied().unwrap_or(0);
    head & mask | len << 32
}

/// The masks of the first `n` bytes of a little-endian word, for `n` up to 4 ([`head_key`]).
const HEAD_MASKS: [u64; 5] = [0, 0xFF, 0xFFFF, 0xFF_FFFF, 0xFFFF_FFFF];

/// The bit of a key of [`filter_key`] (Fibonacci hashing: the top bits of the product depend
/// on every bit of the key).
#[inline]
fn filter_bit(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FILTER_BITS)) as usize
}

/// Is bit `i` of `filter` (a [`Lexicon::filter`]) set?
#[inline]
fn probe(filter: &[u64; FILTER_WORDS], i: usize) -> bool {
    filter.get(i / 64).is_some_and(|&x| (x >> (i % 64)) & 1 != 0)
}

impl Lexicon {
    /// Is bit `i` of [`Lexicon::filter`] set?
    #[inline]
    fn probe(&self, i: usize) -> bool {
        probe(&self.filter, i)
    }

    /// The bit of `w` in [`Lexicon::filter`] when it is set: `w` might be a cue word. (One
    /// probe: some for every listed word and about one other token in twenty.)
    #[inline]
    fn cue_bit(&self, w: &[u8]) -> Option<usize> {
        filter_key(w).filter(|&i| self.probe(i))
    }

    /// [`Lexicon::cue_bit`] of the token `b[start..end]`, its first bytes read with one
    /// eight-byte load when the text goes on that far.
    #[inline]
    fn cue_bit_at(&self, b: &[u8], start: usize, end: usize) -> Option<usize> {
        let len = end.wrapping_sub(start);
        let head = b.get(start..start.wrapping_add(8)).and_then(|c| <[u8; 8]>::try_from(c).ok());
        match head {
            // A word inside the text: its first bytes as `filter_key` takes them.
            Some(head) if (1..=end).contains(&len) && end <= b.len() => {
                Some(filter_bit(head_key(u64::from_le_bytes(head), len as u64))).filter(|&i| self.probe(i))
            }
            _ => b.get(start..end).and_then(|w| self.cue_bit(w)),
        }
    }

    /// The slot of [`Lexicon::slots`] where the search for `bit` starts.
    #[inline]
    fn first_slot(&self, bit: usize) -> usize {
        bit & (self.slots.len().wrapping_sub(1))
    }

    /// The entry of the listed word `w`, found by `bit`, one of its bits in [`Lexicon::filter`]
    /// (the bit [`Lexicon::cue_bit`] or the token scan's key gives it).
    #[inline]
    fn entry(&self, bit: usize, w: &[u8]) -> Option<&Entry> {
        let mut i = self.first_slot(bit);
        loop {
            let &(b, e) = self.slots.get(i)?;
            if b == u32::MAX {
                return None;
            }
            if b as usize == bit {
                if let Some((_, entry)) = self.entries.get(e as usize).filter(|(x, _)| x.as_bytes() == w) {
                    return Some(entry);
                }
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
    }

    /// Make `w`, the entry at `e`, found by each of its bits, and set them in the filter.
    fn index_word(&mut self, w: &[u8], e: u32) {
        for bit in filter_keys(w) {
            self.filter[bit / 64] |= 1 << (bit % 64);
            let mut i = self.first_slot(bit);
            while let Some(&(b, x)) = self.slots.get(i) {
                if b == u32::MAX || (b as usize == bit && x == e) {
                    break;
                }
                i = (i + 1) & (self.slots.len() - 1);
            }
            if let Some(slot) = self.slots.get_mut(i) {
                *slot = (bit as u32, e);
            }
        }
    }
}

fn lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

static LEXICON: Lazy<Lexicon> = Lazy::new(|| {
    let speech = lines(include_str!("../../data/cues.txt")).map(|c| (c, SPEECH | REPORT));
    let report = lines(include_str!("../../data/reporting_verbs.txt")).map(|c| (c, REPORT));
    let according = [("according to", SPEECH | REPORT), ("According to", SPEECH | REPORT)];
    let mut shortest = usize::MAX;
    let mut words: HashMap<&'static str, Entry> = HashMap::new();
    for (cue, bits) in speech.chain(report).chain(according) {
        let mut ws = cue.split_whitespace();
        let (Some(a), b) = (ws.next(), ws.next()) else { continue };
        shortest = shortest.min(a.len());
        let e = words.entry(a).or_default();
        match b {
            None => e.single |= bits,
            Some(b) => match e.second.iter_mut().find(|(w, _)| *w == b) {
                Some(x) => x.1 |= bits,
                None => e.second.push((b, bits)),
            },
        }
    }
    let entries: Vec<(&'static str, Entry)> = words.into_iter().collect();
    // Room for every bit of every word twice over (a word of three bytes has one for each
    // byte that can end it).
    let bits: usize = entries.iter().map(|(w, _)| filter_keys(w.as_bytes()).count()).sum();
    let slots = vec![(u32::MAX, u32::MAX); (bits * 2).max(2).next_power_of_two()];
    let min_len = u32::try_from(shortest.clamp(1, 8)).unwrap_or(1);
    let mut lx = Lexicon { entries: Vec::new(), slots, filter: Box::new([0; FILTER_WORDS]), min_len };
    for (e, (w, _)) in entries.iter().enumerate() {
        lx.index_word(w.as_bytes(), u32::try_from(e).unwrap_or(u32::MAX));
    }
    lx.entries = entries;
    lx
});

/// Is `c` part of a word (as the regex `\w` sees it, marks aside)?
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The high bits of the eight bytes of `m` (each 0x80 or 0) packed into bits 0..8.
#[inline]
fn pack(m: u64) -> u64 {
    (m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// The high bit of each byte of `y` (eight ASCII bytes, high bits clear) that is a word byte:
/// a letter (`| 0x20` folds upper case onto lower case, and no other byte into a..z), a digit
/// or '_'. The range tests of [`crate::ascii_scan::in_range`], sharing their final mask; no
/// byte carries into the next (every sum stays below 0x100).
#[inline]
fn ascii_word_bytes(y: u64) -> u64 {
    let v = y | (LO * 0x20);
    let letter = v.wrapping_add(LO * u64::from(0x80 - b'a')) & !v.wrapping_add(LO * u64::from(0x7f - b'z'));
    let digit = y.wrapping_add(LO * u64::from(0x80 - b'0')) & !y.wrapping_add(LO * u64::from(0x7f - b'9'));
    // A byte of `y ^ '_'` is zero when adding 0x7f leaves its high bit clear.
    let underscore = !(y ^ (LO * u64::from(b'_'))).wrapping_add(LO * 0x7f);
    (letter | digit | underscore) & HI
}

/// For 64 bytes: bit `j` of the first mask is set when byte `j` is a word byte (an ASCII
/// letter, digit or '_', or any byte of a non-ASCII character), of the second when it is not ASCII.
/// A block without non-ASCII bytes (most blocks of most texts) skips the second mask's work.
#[inline]
fn block_masks(block: &[u8; 64]) -> (u64, u64) {
    let mut x = [0u64; 8];
    for (xk, c) in x.iter_mut().zip(block.chunks_exact(8)) {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        *xk = u64::from_le_bytes(a);
    }
    let mut word = 0;
    if x.iter().fold(0, |acc, &v| acc | v) & HI == 0 {
        for (k, &v) in x.iter().enumerate() {
            word |= pack(ascii_word_bytes(v)) << (8 * k);
        }
        return (word, 0);
    }
    let mut high = 0;
    for (k, &v) in x.iter().enumerate() {
        let h = v & HI;
        word |= pack(ascii_word_bytes(v & !HI) | h) << (8 * k);
        high |= pack(h) << (8 * k);
    }
    (word, high)
}

/// Is `x` a word byte (see [`block_masks`])?
fn is_word_byte(x: u8) -> bool {
    x >= 0x80 || x.is_ascii_alphanumeric() || x == b'_'
}

/// A block of 64 bytes of the text and the eight bytes after it (so that an eight-byte load at
/// any offset in the block stays inside), zero-padded past the text's end (zero bytes are no
/// word bytes, so the padding ends a token running to the end).
type Block = [u8; 72];

/// The [`Block`] of `b` from `base`.
#[inline]
fn block_at(b: &[u8], base: usize) -> Block {
    let mut p = [0u8; 72];
    match b.get(base..base.wrapping_add(64)).and_then(|c| <&[u8; 64]>::try_from(c).ok()) {
        Some(c) => {
            if let Some(head) = p.first_chunk_mut::<64>() {
                *head = *c;
            }
        }
        None => {
            let rest = b.get(base..).unwrap_or_default();
            let n = rest.len().min(64);
            p[..n].copy_from_slice(&rest[..n]);
        }
    }
    p
}

/// [`block_masks`] of the 64 bytes from `base` (zero-padded past the end of `b`, as in a
/// [`Block`]), read in place when the text goes on that far.
#[inline]
fn masks_at(b: &[u8], base: usize) -> (u64, u64) {
    match b.get(base..base.wrapping_add(64)).and_then(|c| <&[u8; 64]>::try_from(c).ok()) {
        Some(c) => block_masks(c),
        None => masks_of(&block_at(b, base)),
    }
}

/// [`block_masks`] of the 64 bytes of a [`Block`].
#[inline]
fn masks_of(p: &Block) -> (u64, u64) {
    p.first_chunk::<64>().map_or((0, 0), block_masks)
}

/// Call `f(start, end, ascii, key)` for every raw token of `b` in order: a maximal run of word
/// bytes (see [`block_masks`]), whether it is all ASCII, and, for a token inside its block, its
/// [`raw_key`], read from the block; tokens shorter than [`MIN_LEN`] bytes may be skipped.
/// Works on 64 bytes at a time, each block's masks made once (with the next block's, which end
/// a token running into it); a token's end and ASCII test come from the masks unless it runs
/// past the next block too.
#[inline]
fn raw_tokens(b: &[u8], mut f: impl FnMut(usize, usize, bool, Option<u64>)) {
    // Whether the byte before the block is a word byte.
    let mut carry = 0u64;
    let mut base = 0;
    // The masks of the block at `base`, then those of the next (no word bytes past the text).
    let mut next = masks_of(&block_at(b, 0));
    while base < b.len() {
        let (w, h) = next;
        next = if base + 64 < b.len() { masks_at(b, base + 64) } else { (0, 0) };
        // The block and the eight bytes after it read in place (a copy, zero-padded, only near
        // the text's end): a key reads at most four bytes of its token, all inside the block.
        let padded;
        let block: &Block = match b.get(base..base.wrapping_add(72)).and_then(|c| <&Block>::try_from(c).ok()) {
            Some(c) => c,
            None => {
                padded = block_at(b, base);
                &padded
            }
        };
        let mut starts = w & !((w << 1) | carry);
        // Only starts of `MIN_LEN` word bytes in a row (a run reaching the block's end may go on).
        for k in 1..MIN_LEN {
            starts &= (w >> k) | !(u64::MAX >> k);
        }
        carry = w >> 63;
        // A block without bytes outside ASCII (most blocks) gets its own copy of the token loop,
        // in which every token inside it is ASCII without a test.
        if h == 0 {
            block_tokens(b, base, (w, 0), next, block, starts, &mut f);
        } else {
            block_tokens(b, base, (w, h), next, block, starts, &mut f);
        }
        base += 64;
    }
}

/// The tokens of [`raw_tokens`] starting in the block at `base` (its bytes `block`, its masks
/// `(w, h)`, the next block's masks `next`), at the bits of `starts`.
#[inline(always)]
fn block_tokens(
    b: &[u8],
    base: usize,
    (w, h): (u64, u64),
    next: (u64, u64),
    block: &Block,
    mut starts: u64,
    f: &mut impl FnMut(usize, usize, bool, Option<u64>),
) {
    while starts != 0 {
        let j = starts.trailing_zeros();
        starts &= starts - 1;
        // Word bytes from `j` on within the block (`!(w >> j)` has its top `j` bits set).
        let run = (!(w >> j)).trailing_zeros();
        let start = base + j as usize;
        if j + run < 64 {
            // `j + 4 <= 67`: inside the block. A token inside its block is `MIN_LEN` bytes or
            // longer (its start has `MIN_LEN` word bytes after it within the block).
            let at = (j & 63) as usize;
            let key = Some(raw_key(block[at..at + 4].try_into().unwrap_or_default(), u64::from(run)));
            f(start, start + run as usize, h == 0 || (h >> j) & ((1u64 << run) - 1) == 0, key);
        } else {
            // On into the next block: its word bytes from its start, from its masks.
            let more = (!next.0).trailing_zeros();
            if more < 64 {
                let ascii = (h >> j) == 0 && next.1 & ((1u64 << more) - 1) == 0;
                f(start, base + 64 + more as usize, ascii, None);
                continue;
            }
            // Past the next block too: a byte at a time.
            let mut end = base + 128;
            while b.get(end).is_some_and(|&x| is_word_byte(x)) {
                end += 1;
            }
            f(start, end, (h >> j) == 0 && b.get(base + 64..end).is_some_and(<[u8]>::is_ascii), None);
        }
    }
}

/// One cue in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Hit {
    start: usize,
    end: usize,
    /// Lists it belongs to.
    bits: u8,
    /// A one-word cue of [`Cues::Speech`] (what [`is_cue_word`] says of its text).
    speech_word: bool,
}

/// The cue words of one text, in order.
#[derive(Debug, Clone, Default)]
pub(crate) struct CueIndex {
    hits: Vec<Hit>,
}

impl CueIndex {
    /// Index the cues of `text` in one pass. (Not inlined: one call per document, and its cost
    /// stays visible in profiles.)
    #[inline(never)]
    pub(crate) fn new(text: &str) -> Self {
        let lx = &*LEXICON;
        // The filter, held here (not read again through the lexicon for every token).
        let filter: &[u64; FILTER_WORDS] = &lx.filter;
        let b = text.as_bytes();
        let mut hits = Vec::with_capacity(text.len() / 128);
        let on_token = |start: usize, end: usize, ascii: bool, key: Option<u64>| {
            if ascii {
                let bit = match key {
                    Some(k) => Some(filter_bit(k)).filter(|&i| probe(filter, i)),
                    None => lx.cue_bit_at(b, start, end),
                };
                if let Some(bit) = bit {
                    record(lx, text, start, end, bit, &mut hits);
                }
                return;
            }
            // Cut the token into words by their characters.
            consider_words(lx, text, start, end, &mut hits);
        };
        if lx.min_len >= MIN_LEN {
            raw_tokens(b, on_token);
        } else {
            consider_words(lx, text, 0, text.len(), &mut hits);
        }
        CueIndex { hits }
    }

    /// The cues of list `which` inside `start..end`, in order.
    pub(crate) fn in_range(&self, start: usize, end: usize, which: Cues) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.in_range_speech(start, end, which).map(|(a, b, _)| (a, b))
    }

    /// [`CueIndex::in_range`], with whether each cue is a one-word cue of [`Cues::Speech`]
    /// (what [`is_cue_word`] says of its text, without a second look-up).
    pub(crate) fn in_range_speech(
        &self,
        start: usize,
        end: usize,
        which: Cues,
    ) -> impl Iterator<Item = (usize, usize, bool)> + '_ {
        let from = self.hits.partition_point(|h| h.start < start);
        self.speech_from(from, end, which)
    }

    /// Where [`CueIndex::in_range_speech`] of a range starting at `start` starts reading the
    /// hits, found from `cursor` (where it started for an earlier range, or 0) by stepping
    /// forward when `start` is at or after that range's start: ranges asked for in text
    /// order cost one step per hit in all instead of a binary search each.
    pub(crate) fn advance(&self, cursor: usize, start: usize) -> usize {
        let behind = cursor > 0 && self.hits.get(cursor - 1).map_or(true, |h| h.start >= start);
        if behind {
            return self.hits.partition_point(|h| h.start < start);
        }
        let mut i = cursor;
        while self.hits.get(i).is_some_and(|h| h.start < start) {
            i += 1;
        }
        i
    }

    /// [`CueIndex::in_range_speech`] from hit `from` (its [`CueIndex::advance`]) to `end`.
    pub(crate) fn speech_from(
        &self,
        from: usize,
        end: usize,
        which: Cues,
    ) -> impl Iterator<Item = (usize, usize, bool)> + '_ {
        let bit = which.bit();
        let mut last_start = usize::MAX;
        self.hits
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(move |h| h.start < end)
            .filter(move |h| {
                let ok = h.end <= end && h.bits & bit != 0 && h.start != last_start;
                if ok {
                    last_start = h.start;
                }
                ok
            })
            .map(|h| (h.start, h.end, h.speech_word))
    }

    /// The first cue of list `which` inside `start..end`.
    pub(crate) fn first_in(&self, start: usize, end: usize, which: Cues) -> Option<(usize, usize)> {
        self.in_range(start, end, which).next()
    }

    /// The last cue of list `which` inside `start..end`.
    pub(crate) fn last_in(&self, start: usize, end: usize, which: Cues) -> Option<(usize, usize)> {
        let bit = which.bit();
        let to = self.hits.partition_point(|h| h.start < end);
        let from = self.hits.partition_point(|h| h.start < start);
        // Among hits at the same start, the first recorded (the two-word form) wins.
        let mut best: Option<Hit> = None;
        for h in self.hits[from..to].iter().rev() {
            if h.end > end || h.bits & bit == 0 {
                continue;
            }
            match best {
                Some(x) if x.start > h.start => break,
                _ => best = Some(*h),
            }
        }
        best.map(|h| (h.start, h.end))
    }
}

/// Is `w` (any case) a one-word cue of list `which` ("Says" in a headline)?
pub(crate) fn is_cue_word(w: &str, which: Cues) -> bool {
    let lx = &*LEXICON;
    super::lexicon::with_lower(w, |lw| {
        let lw = lw.as_bytes();
        lx.cue_bit(lw).and_then(|bit| lx.entry(bit, lw)).is_some_and(|e| e.single & which.bit() != 0)
    })
}

/// [`is_cue_word`] for a word of ASCII letters only (a headline's "Says"): the quick test is
/// made on the word's bytes folded to lower case, without lowering a copy, and turns most words
/// away before [`is_cue_word`]. (Of a word with other bytes, where `| 0x20` is no lowering, it
/// may say no where [`is_cue_word`] says yes.)
pub(crate) fn is_cue_letters(w: &str, which: Cues) -> bool {
    let b = w.as_bytes();
    // `filter_key` of the word in lower case (`| 0x20` lowers an ASCII letter).
    let head = b.iter().take(4).enumerate().fold(0u64, |h, (i, &x)| h | u64::from(x | 0x20) << (8 * i));
    LEXICON.probe(filter_bit(head | (b.len() as u64) << 32)) && is_cue_word(w, which)
}

/// [`consider`] every word of `text[start..end]` (a maximal run of characters that are
/// [`is_word_char`]; `start` and `end` are char boundaries): the plain scan, which the token scan
/// uses inside a token with bytes outside ASCII.
fn consider_words(lx: &Lexicon, text: &str, start: usize, end: usize, hits: &mut Vec<Hit>) {
    let Some(tok) = text.get(start..end) else { return };
    let mut w: Option<usize> = None;
    for (off, c) in tok.char_indices() {
        let at = start + off;
        match (is_word_char(c), w) {
            (true, None) => w = Some(at),
            (false, Some(ws)) => {
                consider(lx, text, ws, at, hits);
                w = None;
            }
            _ => {}
        }
    }
    if let Some(ws) = w {
        consider(lx, text, ws, end, hits);
    }
}

/// Record the word `text[a..b]` if it is a cue (two-word form first, then the one-word form).
fn consider(lx: &Lexicon, text: &str, a: usize, b: usize, hits: &mut Vec<Hit>) {
    if let Some(bit) = text.as_bytes().get(a..b).and_then(|w| lx.cue_bit(w)) {
        record(lx, text, a, b, bit, hits);
    }
}

/// [`consider`] for a word that passed the quick test by `bit` ([`Lexicon::cue_bit`], or the
/// bit of the token scan's key).
fn record(lx: &Lexicon, text: &str, a: usize, b: usize, bit: usize, hits: &mut Vec<Hit>) {
    let Some(e) = text.as_bytes().get(a..b).and_then(|w| lx.entry(bit, w)) else { return };
    let mut double_bits = 0;
    if !e.second.is_empty() {
        if let Some((second, d)) = next_word(text, b) {
            for &(x, bits) in &e.second {
                if x == second {
                    double_bits |= bits;
                    hits.push(Hit { start: a, end: d, bits, speech_word: false });
                }
            }
        }
    }
    let single = e.single & !double_bits;
    if single != 0 {
        // The text is the listed word itself (cue words are matched as written): what
        // `is_cue_word` looks up.
        hits.push(Hit { start: a, end: b, bits: single, speech_word: e.single & SPEECH != 0 });
    }
}

/// The word after the whitespace at `b` (none without whitespace) and its end.
fn next_word(text: &str, b: usize) -> Option<(&str, usize)> {
    let rest = text.get(b..)?;
    let t = rest.trim_start();
    if t.len() == rest.len() {
        return None;
    }
    let c = b + (rest.len() - t.len());
    let len = t.find(|ch: char| !is_word_char(ch)).unwrap_or(t.len());
    (len > 0).then(|| (&t[..len], c + len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(s: &str, which: Cues) -> Vec<&str> {
        CueIndex::new(s).in_range(0, s.len(), which).map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(cues("Smith said, he told", Cues::Speech), vec!["said", "told"]);
        assert!(cues("the saidness of unsaid", Cues::Speech).is_empty());
        assert!(cues("Said Smith", Cues::Speech).is_empty());
        assert_eq!(cues("—said—", Cues::Speech), vec!["said"]);
        assert_eq!(cues("él dijo que", Cues::Speech), vec!["dijo"]);
        assert!(cues("ésaid saidé", Cues::Speech).is_empty());
    }

    #[test]
    fn two_word_cues() {
        assert_eq!(cues("he pointed  out that", Cues::Speech), vec!["pointed  out"]);
        assert!(cues("he pointed at it", Cues::Speech).is_empty());
        assert!(cues("he pointed outside", Cues::Speech).is_empty());
        assert_eq!(cues("According to officials", Cues::Speech), vec!["According to"]);
        assert_eq!(cues("it rose, according to data", Cues::Speech), vec!["according to"]);
        assert!(cues("according-to", Cues::Speech).is_empty());
        assert_eq!(cues("she was referring to it", Cues::Report), vec!["referring to"]);
        assert!(cues("she was referring to it", Cues::Speech).is_empty());
    }

    #[test]
    fn report_list_is_a_superset() {
        assert_eq!(cues("they believe and want", Cues::Report), vec!["believe", "want"]);
        assert!(cues("they believe and want", Cues::Speech).is_empty());
        assert_eq!(cues("Ann said", Cues::Report), vec!["said"]);
    }

    /// Raw tokens as a byte-at-a-time scan sees them.
    fn slow_tokens(b: &[u8]) -> Vec<(usize, usize, bool)> {
        let word = |x: u8| x >= 0x80 || x.is_ascii_alphanumeric() || x == b'_';
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if !word(b[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < b.len() && word(b[i]) {
                i += 1;
            }
            out.push((start, i, b[start..i].is_ascii()));
        }
        out
    }

    /// The tokens of [`raw_tokens`], checked against those of a byte-at-a-time scan: all those
    /// of [`MIN_LEN`] bytes or more and only tokens, each key read its [`raw_key`] (the byte
    /// after a token of three bytes is zero past the text's end).
    fn check_tokens(b: &[u8]) {
        let all = slow_tokens(b);
        let mut got = Vec::new();
        raw_tokens(b, |a, e, ascii, key| {
            if let Some(k) = key {
                let mut four = [0u8; 4];
                for (d, s) in four.iter_mut().zip(&b[a..]) {
                    *d = *s;
                }
                assert!(e - a >= MIN_LEN as usize);
                assert_eq!(k, raw_key(four, (e - a) as u64), "{a}..{e}");
            }
            got.push((a, e, ascii));
        });
        let long: Vec<_> = all.iter().copied().filter(|t| t.1 - t.0 >= MIN_LEN as usize).collect();
        assert!(got.iter().all(|t| all.contains(t)));
        assert!(long.iter().all(|t| got.contains(t)));
    }

    #[test]
    fn listed_words_pass_by_their_raw_keys() {
        // A word of four bytes or more is keyed by its first four; one of three by them and the
        // byte that ends it, whatever that is.
        for (w, _) in &LEXICON.entries {
            let b = w.as_bytes();
            let len = b.len() as u64;
            if let Some(&four) = b.first_chunk::<4>() {
                assert!(LEXICON.probe(filter_bit(raw_key(four, len))), "{w}");
                continue;
            }
            for end in (0..=255u8).filter(|&x| !is_word_byte(x)) {
                let mut four = [end; 4];
                four[..b.len()].copy_from_slice(b);
                assert!(LEXICON.probe(filter_bit(raw_key(four, len))), "{w:?} {end:#x}");
            }
        }
    }

    #[test]
    fn tokens_at_block_edges() {
        for n in [0, 1, 7, 8, 9, 63, 64, 65, 127, 128, 129] {
            for fill in ["a", " ", "é", "a ", "_Z9", "@[`{/:", "said, ", "ab said, ", "abc de ", "to be or not "] {
                check_tokens(fill.repeat(n).as_bytes());
            }
        }
        let all: Vec<u8> = (0..=255u8).collect();
        check_tokens(&all);
        // The lists hold no word shorter than the token scan's tokens.
        assert_eq!(LEXICON.min_len, MIN_LEN);
    }

    proptest::proptest! {
        #[test]
        fn tokens_agree_with_a_byte_scan(s in "[a-zA-Z0-9_ ,.@`{\\[\\]\u{e9}\u{2014}\u{201c}\u{a0}]{0,300}") {
            check_tokens(s.as_bytes());
        }

        #[test]
        fn cues_agree_with_a_word_scan(words in proptest::collection::vec(
            "(said|told|pointed|out|According|to|according|señaló|adds|x|Said|—|“|\u{a0}| |  |, |\n)", 0..60)) {
            let s: String = words.concat();
            // Every maximal run of word characters, looked up as the index does.
            let mut want = Vec::new();
            consider_words(&LEXICON, &s, 0, s.len(), &mut want);
            let ix = CueIndex::new(&s);
            proptest::prop_assert_eq!(&ix.hits, &want);
            for which in [Cues::Speech, Cues::Report] {
                for (a, b, speech) in ix.in_range_speech(0, s.len(), which) {
                    proptest::prop_assert_eq!(speech, is_cue_word(&s[a..b], Cues::Speech), "{}", &s[a..b]);
                }
            }
        }
    }

    #[test]
    fn every_cue_word_passes_the_quick_test() {
        // The quick test (also in `is_cue_word`) drops none.
        for (w, _) in &LEXICON.entries {
            assert!(LEXICON.cue_bit(w.as_bytes()).is_some(), "{w}");
        }
        assert!(is_cue_word("Said", Cues::Speech) && is_cue_word("SEÑALÓ", Cues::Speech));
        assert!(!is_cue_word("sad", Cues::Speech) && !is_cue_word("believe", Cues::Speech));
        // A range running past the text is no word (the quick test reads no byte past it).
        let t = b"said and told them";
        assert!(LEXICON.cue_bit_at(t, 9, 13).is_some() && LEXICON.cue_bit_at(t, 9, 19).is_none());
    }

    #[test]
    fn entries_are_found_by_each_of_their_bits() {
        let lx = &*LEXICON;
        for (e, (w, entry)) in lx.entries.iter().enumerate() {
            for bit in filter_keys(w.as_bytes()) {
                let found = lx.entry(bit, w.as_bytes()).map(|x| std::ptr::eq(x, entry));
                assert_eq!(found, Some(true), "{w} {bit} {e}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn entries_agree_with_the_list(w in "(sa|sai|said|says|x|told|to|ld|ed|according|s|é|señaló){1,3}") {
            // Found (by any bit) exactly when listed.
            let lx = &*LEXICON;
            let listed = lx.entries.iter().find(|(x, _)| *x == w).map(|(_, e)| e as *const Entry);
            for bit in 0..(1usize << FILTER_BITS) {
                let found = lx.entry(bit, w.as_bytes()).map(|e| e as *const Entry);
                proptest::prop_assert!(found.is_none() || found == listed);
            }
            let by_cue_bit = lx.cue_bit(w.as_bytes()).and_then(|bit| lx.entry(bit, w.as_bytes()));
            proptest::prop_assert_eq!(by_cue_bit.map(|e| e as *const Entry), listed);
        }

        #[test]
        fn cue_letters_agree_with_cue_words(w in "(Said|SAYS|says|Told|Adds|x|Warns|According|b){0,2}") {
            for which in [Cues::Speech, Cues::Report] {
                proptest::prop_assert_eq!(is_cue_letters(&w, which), is_cue_word(&w, which));
            }
        }

        #[test]
        fn quick_test_at_agrees_with_the_quick_test(s in "(said|told|says|seem|x|ab|According|pointed|\u{e9}| |, ){0,12}") {
            let b = s.as_bytes();
            for start in 0..=b.len() {
                for end in start..=b.len() {
                    proptest::prop_assert_eq!(LEXICON.cue_bit_at(b, start, end), LEXICON.cue_bit(&b[start..end]));
                }
            }
        }
    }

    /// The masks of [`block_masks`], a byte at a time.
    fn slow_masks(block: &[u8; 64]) -> (u64, u64) {
        let mut word = 0;
        let mut high = 0;
        for (j, &x) in block.iter().enumerate() {
            word |= u64::from(is_word_byte(x)) << j;
            high |= u64::from(x >= 0x80) << j;
        }
        (word, high)
    }

    #[test]
    fn block_masks_agree_with_a_byte_scan() {
        // Every byte value at every position, in all-ASCII blocks and blocks with a high byte.
        for x in 0..=255u8 {
            for j in 0..64 {
                for other in [b' ', b'a', 0xC3] {
                    let mut block = [other; 64];
                    block[j] = x;
                    assert_eq!(block_masks(&block), slow_masks(&block), "{x:#x} at {j} among {other:#x}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn advancing_agrees_with_a_binary_search(
            words in proptest::collection::vec("(said|told|pointed out|according to|x|, )", 0..40),
            starts in proptest::collection::vec(0usize..200, 0..20),
        ) {
            let s = words.join(" ");
            let ix = CueIndex::new(&s);
            let mut cursor = 0;
            for start in starts {
                cursor = ix.advance(cursor, start);
                proptest::prop_assert_eq!(cursor, ix.hits.partition_point(|h| h.start < start));
                let end = start + 30;
                let a: Vec<_> = ix.speech_from(cursor, end, Cues::Report).collect();
                let b: Vec<_> = ix.in_range_speech(start, end, Cues::Report).collect();
                proptest::prop_assert_eq!(a, b);
            }
        }
    }

    #[test]
    fn ranges() {
        let s = "Ann said it. Bob told us. Cy added.";
        let ix = CueIndex::new(s);
        assert_eq!(ix.first_in(9, s.len(), Cues::Speech), Some((17, 21)));
        assert_eq!(ix.last_in(0, 25, Cues::Speech), Some((17, 21)));
        assert_eq!(ix.last_in(0, 20, Cues::Speech), Some((4, 8)));
        assert_eq!(ix.first_in(22, 26, Cues::Speech), None);
    }
}
