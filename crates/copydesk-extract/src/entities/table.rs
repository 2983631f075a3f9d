//! Word tables compiled at build time (`build.rs`): open-addressing hash tables in static
//! arrays, so nothing is built or allocated at start-up.
//!
//! A slot is a little-endian `u64`: the high 32 bits of the key's hash (a tag that settles
//! almost every miss without comparing bytes), then the key as `offset << 8 | length` into
//! [`BLOB`] (0: an empty slot). Tables are at most half full, so a probe ends at an empty
//! slot. Maps have one `u64` value per slot, laid out as [`super::table_layout`] says.

use super::key_hash::{filter_place, hash};
use super::table_layout as layout;
use crate::EntityLabel;

/// A compiled-in set or map of strings.
pub(crate) struct Table {
    /// Number of keys.
    #[cfg_attr(not(test), allow(dead_code))]
    pub len: usize,
    /// Slots (a power of two of them, eight bytes each).
    slots: &'static [u8],
    /// Values of the slots (maps only, eight bytes each; empty for sets).
    vals: &'static [u8],
}

include!(concat!(env!("OUT_DIR"), "/gazetteer_tables.rs"));

/// Every key and value string of the tables, concatenated.
static BLOB: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer_blob.txt"));

/// The string at `offset << 8 | length` (bits 0-31 of `packed`) of the blob.
#[inline]
fn blob_str(packed: u64) -> &'static str {
    let off = ((packed >> 8) & 0xff_ffff) as usize;
    let len = (packed & 0xff) as usize;
    BLOB.get(off..off + len).unwrap_or("")
}

/// The `i`-th little-endian `u64` of `b` (None past the end).
#[inline]
fn u64_at(b: &[u8], i: usize) -> Option<u64> {
    b.get(i * 8..i * 8 + 8).and_then(|x| x.try_into().ok()).map(u64::from_le_bytes)
}

/// The little-endian `u64` at byte `i` of `b` (0 past the end; callers stay inside).
#[inline(always)]
fn le8(b: &[u8], i: usize) -> u64 {
    b.get(i..i + 8).and_then(|x| x.try_into().ok()).map_or(0, u64::from_le_bytes)
}

/// The little-endian `u32` at byte `i` of `b` (0 past the end; callers stay inside).
#[inline(always)]
fn le4(b: &[u8], i: usize) -> u32 {
    b.get(i..i + 4).and_then(|x| x.try_into().ok()).map_or(0, u32::from_le_bytes)
}

/// Whether `a` and `b` hold the same bytes. Keys of up to sixteen bytes (nearly all words) are
/// compared by two overlapping loads from each, the first and the last four or eight bytes,
/// which cover them, instead of a call to `memcmp`; keys of one to three bytes by their first,
/// middle and last bytes.
#[inline(always)]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0 => true,
        1..=3 => a.first() == b.first() && a.get(n / 2) == b.get(n / 2) && a.last() == b.last(),
        4..=7 => le4(a, 0) == le4(b, 0) && le4(a, n - 4) == le4(b, n - 4),
        8..=16 => le8(a, 0) == le8(b, 0) && le8(a, n - 8) == le8(b, n - 8),
        _ => a == b,
    }
}

/// A value of a map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Value(u64);

impl Value {
    /// The label, when the entry has one.
    pub fn label(self) -> Option<EntityLabel> {
        match self.0 & layout::LABEL_MASK {
            layout::PERSON => Some(EntityLabel::Person),
            layout::ORG => Some(EntityLabel::Org),
            layout::LOC => Some(EntityLabel::Loc),
            layout::NORP => Some(EntityLabel::Norp),
            layout::EVENT => Some(EntityLabel::Event),
            layout::MISC => Some(EntityLabel::Misc),
            _ => None,
        }
    }
    /// The raw bits (the word table's `W_` flags).
    pub fn bits(self) -> u64 {
        self.0
    }
    /// The country flag.
    pub fn country(self) -> bool {
        self.0 & layout::COUNTRY != 0
    }
    /// The region flag.
    pub fn region(self) -> bool {
        self.0 & layout::REGION != 0
    }
    /// The string (canonical name, long form), when the entry has one.
    pub fn string(self) -> Option<&'static str> {
        (self.0 & layout::HAS_STRING != 0).then(|| blob_str(((self.0 >> 16) << 8) | ((self.0 >> 8) & 0xff)))
    }
}

/// A small set of bits over the keys of one [`Table`] (a blocked Bloom filter: two bits of one
/// `u64`, picked by the key's hash), which says "not in the table" for most other words after
/// one load, without touching the table. The big tables are read at random places and miss
/// the cache; the filter is a few KiB and stays in it. Built by `build.rs` with its table
/// (`NAME_FILTER`), so nothing is built at start-up.
pub(crate) struct Prefilter {
    /// Little-endian `u64` words (a power of two of them).
    words: &'static [u8],
}

impl Prefilter {
    /// The filter of the keys of `t`, in `1 << log2_words` words of eight bytes, built here
    /// (what `build.rs` builds; leaked: for tests).
    #[cfg(test)]
    pub(crate) fn of(t: &Table, log2_words: u32) -> Self {
        let mut words = vec![0u64; 1usize << log2_words.min(20)];
        for i in 0..t.slots.len() / 8 {
            if let Some(s) = u64_at(t.slots, i).filter(|&s| s != 0) {
                // The slot holds the high 32 bits of its key's hash, all that `filter_place` reads.
                let (w, bits) = filter_place(s & !0xffff_ffff, words.len());
                if let Some(x) = words.get_mut(w) {
                    *x |= bits;
                }
            }
        }
        let bytes: Vec<u8> = words.iter().flat_map(|x| x.to_le_bytes()).collect();
        Prefilter { words: Box::leak(bytes.into_boxed_slice()) }
    }

    /// Whether a key of hash `h` may be in the table (false: it is not).
    #[inline(always)]
    fn may_hold(&self, h: u64) -> bool {
        let (w, bits) = filter_place(h, self.words.len() / 8);
        u64_at(self.words, w).is_some_and(|x| x & bits == bits)
    }
}

impl Table {
    /// The slot holding `key`, and the slot's content (inlined: a call's register saves cost
    /// about as much as the probe).
    #[inline(always)]
    fn slot(&self, k: &[u8]) -> Option<(usize, u64)> {
        if k.is_empty() || k.len() > 0xff {
            return None;
        }
        self.slot_hashed(k, hash(k))
    }

    /// [`Table::slot`], asking `filter` (built from this table) first.
    #[inline(always)]
    fn slot_filtered(&self, filter: &Prefilter, k: &[u8]) -> Option<(usize, u64)> {
        if k.is_empty() || k.len() > 0xff {
            return None;
        }
        let h = hash(k);
        if !filter.may_hold(h) {
            return None;
        }
        self.slot_hashed(k, h)
    }

    /// [`Table::slot`] of a key of one to 255 bytes and hash `h`.
    #[inline(always)]
    fn slot_hashed(&self, k: &[u8], h: u64) -> Option<(usize, u64)> {
        let n = self.slots.len() / 8;
        let mask = n.wrapping_sub(1);
        let want = (h >> 32 << 32) | k.len() as u64;
        let mut i = h as usize & mask;
        // Tables are at most half full: an empty slot ends every probe; the bound is a safeguard.
        for _ in 0..n {
            let s = u64_at(self.slots, i)?;
            if s == 0 {
                return None;
            }
            if s & 0xffff_ffff_0000_00ff == want {
                let off = ((s >> 8) & 0xff_ffff) as usize;
                if BLOB.as_bytes().get(off..off + k.len()).is_some_and(|b| same_bytes(b, k)) {
                    return Some((i, s));
                }
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// Whether the table holds `key`.
    #[inline]
    pub fn contains(&self, key: &str) -> bool {
        self.slot(key.as_bytes()).is_some()
    }

    /// Whether the table holds the key written by `key`, asking `filter` (built from this
    /// table by [`Prefilter::of`]) first.
    #[inline]
    pub fn contains_bytes_filtered(&self, filter: &Prefilter, key: &[u8]) -> bool {
        self.slot_filtered(filter, key).is_some()
    }

    /// The value of `key` (maps), asking `filter` (built from this table) first.
    #[inline]
    pub fn get_filtered(&self, filter: &Prefilter, key: &str) -> Option<Value> {
        self.slot_filtered(filter, key.as_bytes()).and_then(|(i, _)| u64_at(self.vals, i)).map(Value)
    }

    /// The stored key equal to `key` (a `'static` copy) and its value (maps).
    #[inline]
    pub fn get_key_value(&self, key: &str) -> Option<(&'static str, Value)> {
        let (i, s) = self.slot(key.as_bytes())?;
        u64_at(self.vals, i).map(|v| (blob_str(s), Value(v)))
    }

    /// All keys (in slot order).
    #[cfg(test)]
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        (0..self.slots.len() / 8).filter_map(|i| u64_at(self.slots, i)).filter(|&s| s != 0).map(blob_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The packed comparison is slice equality, for any lengths and any bytes (few letters,
        /// so that equal words and words differing in one byte both come up often).
        #[test]
        fn same_bytes_is_equality(a in proptest::collection::vec(0u8..3, 0..20), b in proptest::collection::vec(0u8..3, 0..20)) {
            proptest::prop_assert_eq!(same_bytes(&a, &b), a == b);
            proptest::prop_assert!(same_bytes(&a, &a.clone()));
        }
    }

    #[test]
    fn compiled_prefilters_are_those_of_their_tables() {
        for (t, f, log2) in [
            (&WORDS, &WORDS_FILTER, layout::WORDS_FILTER_LOG2),
            (&PHRASES, &PHRASES_FILTER, layout::PHRASES_FILTER_LOG2),
            (&COMMON, &COMMON_FILTER, layout::COMMON_FILTER_LOG2),
        ] {
            assert_eq!(f.words, Prefilter::of(t, log2).words);
            assert_eq!(f.words.len(), 8 << log2);
        }
    }

    #[test]
    fn prefilters_hold_every_key() {
        for (t, log2) in [(&WORDS, 12), (&COMMON, 11), (&PHRASES, 10), (&TITLES, 4), (&ACRONYMS, 2)] {
            let f = Prefilter::of(t, log2);
            assert_eq!(f.words.len(), 8 << log2);
            let mut n = 0;
            for k in t.keys() {
                assert!(f.may_hold(hash(k.as_bytes())), "{k}");
                assert!(t.slot_filtered(&f, k.as_bytes()).is_some(), "{k}");
                n += 1;
            }
            assert_eq!(n, t.len);
            // Unlisted words: turned away by the filter or by the probe, never found.
            let mut passed = 0;
            for i in 0..10_000u32 {
                let w = format!("Qz{i}x");
                passed += usize::from(f.may_hold(hash(w.as_bytes())));
                assert!(t.slot_filtered(&f, w.as_bytes()).is_none());
            }
            // WORDS (32k keys in 32 KiB) lets about 5 % through, COMMON (64k in 16 KiB) about 40 %.
            assert!(passed < 5_000, "{passed}");
        }
        let f = Prefilter::of(&WORDS, 12);
        assert!(WORDS.slot_filtered(&f, b"").is_none() && WORDS.slot_filtered(&f, &[b'a'; 300]).is_none());
    }

    #[test]
    fn same_bytes_on_every_length_and_position() {
        for n in 0..40usize {
            let a: Vec<u8> = (0..n as u8).map(|x| x.wrapping_mul(7)).collect();
            assert!(same_bytes(&a, &a.clone()));
            for i in 0..n {
                let mut b = a.clone();
                b[i] ^= 1;
                assert!(!same_bytes(&a, &b), "{n} {i}");
            }
            assert!(!same_bytes(&a, &a[..n.saturating_sub(1)]) || n == 0);
        }
    }
}
