//! Small open-addressing hash tables keyed by integers, for the two hot lookups of the parser:
//! stopwords (a word packed into a `u128`) and the 4-word shingles of a page (`u64` hashes, each
//! with the line that first had it).
//! Multiplicative hashing, linear probing, at most half full: a lookup is a few instructions.

/// The odd constant of the multiplicative hashing.
pub(crate) const MUL: u64 = 0x9E37_79B9_7F4A_7C15;

/// The top `bits` bits of `x` times an odd constant (Fibonacci hashing).
#[inline]
fn slot(x: u64, bits: u32) -> usize {
    (x.wrapping_mul(MUL) >> (64 - bits)) as usize
}

/// Table size exponent for `n` keys: at least twice `n` slots.
fn bits_for(n: usize) -> u32 {
    (n.saturating_mul(2).max(16)).next_power_of_two().trailing_zeros().clamp(4, 48)
}

/// A set of `u64` values, each remembering the group (a line number) that first added it: one
/// probe both asks whether an earlier group added a value and adds it. [`TaggedSet::reset`]
/// empties it in constant time (a generation number per slot), so one table serves document
/// after document without zeroing it each time.
pub(crate) struct TaggedSet {
    /// Per slot: the value, and the generation that filled it (high 32 bits) with the group of
    /// the value (low 32 bits). A slot of another generation is empty.
    slots: Vec<(u64, u64)>,
    /// The current generation (from 1: a zeroed slot is empty).
    generation: u64,
    bits: u32,
    len: usize,
    /// The group that first added the value 0 (kept apart from the slots).
    zero: Option<u32>,
}

/// Tables above this many slots are not kept for a much smaller document.
const KEEP_SLOTS: usize = 1 << 16;

impl TaggedSet {
    /// An empty set with room for `n` values before it grows.
    pub fn with_capacity(n: usize) -> Self {
        let bits = bits_for(n);
        TaggedSet { slots: vec![(0, 0); 1 << bits], generation: 1, bits, len: 0, zero: None }
    }

    /// Empty the set, with room for `n` values before it grows: a new generation, or a new table
    /// when the table is too small, much too large, or the generations ran out.
    pub fn reset(&mut self, n: usize) {
        let bits = bits_for(n);
        let too_large = self.bits > bits + 2 && self.slots.len() > KEEP_SLOTS;
        if self.bits < bits || too_large || self.generation >= u64::from(u32::MAX) {
            *self = TaggedSet::with_capacity(n);
            return;
        }
        self.generation += 1;
        self.len = 0;
        self.zero = None;
    }

    /// Add `x` for group `tag` (when not yet there); true when a group before `tag` added it.
    /// The one-by-one reference for [`TaggedSet::insert_all_seen`].
    #[cfg(test)]
    pub fn insert_seen(&mut self, x: u64, tag: u32) -> bool {
        if x == 0 {
            let first = *self.zero.get_or_insert(tag);
            return first < tag;
        }
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let generation = self.generation << 32;
        let mut i = slot(x, self.bits);
        loop {
            let Some((v, m)) = self.slots.get_mut(i) else { return false };
            if *m >> 32 != generation >> 32 {
                *v = x;
                *m = generation | u64::from(tag);
                self.len += 1;
                return false;
            }
            if *v == x {
                return (*m as u32) < tag;
            }
            i = (i + 1) & mask;
        }
    }

    /// Add each value of `xs` for group `tag` (as [`TaggedSet::insert_seen`] one by one); the
    /// number of them that a group before `tag` added. The table grows once, up front.
    pub fn insert_all_seen(&mut self, xs: impl ExactSizeIterator<Item = u64>, tag: u32) -> usize {
        while (self.len + xs.len()) * 2 > self.slots.len() {
            self.grow();
        }
        let generation = self.generation;
        let bits = self.bits;
        let slots = &mut self.slots[..];
        let mask = slots.len() - 1;
        let (mut seen, mut added) = (0, 0);
        for x in xs {
            if x == 0 {
                let first = *self.zero.get_or_insert(tag);
                seen += usize::from(first < tag);
                continue;
            }
            let mut i = slot(x, bits);
            while let Some((v, m)) = slots.get_mut(i) {
                if *m >> 32 != generation {
                    *v = x;
                    *m = generation << 32 | u64::from(tag);
                    added += 1;
                    break;
                }
                if *v == x {
                    seen += usize::from((*m as u32) < tag);
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        self.len += added;
        seen
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        let current = |m: u64| m >> 32 == self.generation;
        self.bits += 1;
        let mut slots = vec![(0u64, 0u64); 1 << self.bits];
        let mask = slots.len() - 1;
        let mut len = 0;
        for (v, m) in old.into_iter().filter(|(_, m)| current(*m)) {
            let mut i = slot(v, self.bits);
            while slots.get(i).is_some_and(|&(_, m)| current(m)) {
                i = (i + 1) & mask;
            }
            if let Some(s) = slots.get_mut(i) {
                *s = (v, m);
                len += 1;
            }
        }
        self.slots = slots;
        self.len = len;
    }
}

/// A fixed map from non-zero `u128` keys to bytes, built once.
pub(crate) struct U128Map {
    keys: Vec<u128>,
    vals: Vec<u8>,
    /// The shift taking a key's slot from its product: 64 minus the bits of the table size.
    shift: u32,
    /// One bit per value of the top [`FILTER_BITS`] bits of a key's product (the product its
    /// slot is taken from), set for the keys of the map: most absent keys (most words are not
    /// stopwords) are told by one bit test instead of a probe sequence.
    filter: Box<Filter>,
}

/// The bits of [`U128Map::filter`] (a fixed size: its index needs no bounds check).
type Filter = [u64; 1 << (FILTER_BITS - 6)];

/// Bits of a key's product indexing [`U128Map::filter`] (8 KiB of bits: few false positives
/// for the few thousand stopwords).
const FILTER_BITS: u32 = 16;

/// Whether the filter `f` has the bit of the product `p`.
#[inline]
fn filter_has(f: &Filter, p: u64) -> bool {
    let b = p >> (64 - FILTER_BITS);
    f.get((b >> 6) as usize).is_some_and(|w| w & (1u64 << (b & 63)) != 0)
}

/// A `u128` key folded to 64 bits (a key below 2^64 folds to itself).
#[inline]
pub(crate) fn fold(k: u128) -> u64 {
    let (lo, hi) = (k as u64, (k >> 64) as u64);
    lo ^ hi.wrapping_mul(0xC2B2_AE3D_27D4_EB4F).rotate_left(29)
}

impl U128Map {
    /// The map of `entries`; values of repeated keys are or-ed together; the key 0 is ignored.
    pub fn new(entries: impl IntoIterator<Item = (u128, u8)>) -> Self {
        let entries: Vec<(u128, u8)> = entries.into_iter().filter(|(k, _)| *k != 0).collect();
        let bits = bits_for(entries.len());
        let mut m = U128Map {
            keys: vec![0; 1 << bits],
            vals: vec![0; 1 << bits],
            shift: 64 - bits,
            filter: Box::new([0; 1 << (FILTER_BITS - 6)]),
        };
        let mask = m.keys.len() - 1;
        for (k, v) in entries {
            let b = fold(k).wrapping_mul(MUL) >> (64 - FILTER_BITS);
            if let Some(w) = m.filter.get_mut((b >> 6) as usize) {
                *w |= 1u64 << (b & 63);
            }
            let mut i = slot(fold(k), bits);
            loop {
                match m.keys.get(i).copied() {
                    Some(x) if x == k || x == 0 => {
                        if let (Some(kk), Some(vv)) = (m.keys.get_mut(i), m.vals.get_mut(i)) {
                            *kk = k;
                            *vv |= v;
                        }
                        break;
                    }
                    Some(_) => i = (i + 1) & mask,
                    None => break,
                }
            }
        }
        m
    }

    /// The value of the key `k as u128` (a key below 2^64 folds to itself), 0 when absent.
    /// (The key 0 needs no test: it meets an empty slot, whose value is 0.)
    #[inline]
    pub fn get_short(&self, k: u64) -> u8 {
        let p = k.wrapping_mul(MUL);
        if !filter_has(&self.filter, p) {
            return 0;
        }
        let mask = self.keys.len() - 1;
        let mut i = (p >> self.shift) as usize;
        loop {
            match self.keys.get(i) {
                Some(&x) if x == u128::from(k) => return self.vals.get(i).copied().unwrap_or(0),
                Some(&0) | None => return 0,
                Some(_) => i = (i + 1) & mask,
            }
        }
    }

    // (Tried: one probe for both look-ups with every index masked by the size less one and the
    // values sliced to the keys' length, which drops the probe's bounds checks: the pass over
    // the text (`lines::split`) was then inlined into `blocks::parse_text` and `parse` cost
    // 0.36 M more instructions per 300 bbc documents, not less.)

    /// The value of `k`, 0 when absent (the key 0 meets an empty slot, whose value is 0).
    #[inline]
    pub fn get(&self, k: u128) -> u8 {
        let p = fold(k).wrapping_mul(MUL);
        if !filter_has(&self.filter, p) {
            return 0;
        }
        let mask = self.keys.len() - 1;
        let mut i = (p >> self.shift) as usize;
        loop {
            match self.keys.get(i) {
                Some(&x) if x == k => return self.vals.get(i).copied().unwrap_or(0),
                Some(&0) | None => return 0,
                Some(_) => i = (i + 1) & mask,
            }
        }
    }
}

/// Bits of the slot index of [`ShortMap`].
const SHORT_BITS: u32 = 11;

/// Slots of [`ShortMap`]: a fixed power of two, so a slot index masked to it needs no bounds
/// check.
const SHORT_SLOTS: usize = 1 << SHORT_BITS;

/// A fixed map from `u64` keys (words of at most 8 bytes) to bytes, at most half full, without
/// a filter in front: a key present is found by its first probe or soon after (no filter bit
/// to test first: about half the words of news text are stopwords), a key absent meets an
/// empty slot about as soon.
pub(crate) struct ShortMap {
    keys: Box<[u64; SHORT_SLOTS]>,
    vals: Box<[u8; SHORT_SLOTS]>,
}

impl ShortMap {
    /// The map of `entries` (values of repeated keys or-ed together; the key 0 ignored), or
    /// `None` when they would fill more than half the slots.
    pub fn new(entries: impl IntoIterator<Item = (u64, u8)>) -> Option<Self> {
        let mut m = ShortMap { keys: Box::new([0; SHORT_SLOTS]), vals: Box::new([0; SHORT_SLOTS]) };
        let mut len = 0;
        for (k, v) in entries.into_iter().filter(|(k, _)| *k != 0) {
            let mut i = short_slot(k);
            // an empty slot or the key's own is met: at most half the slots are taken
            while m.keys.get(i).is_some_and(|&x| x != 0 && x != k) {
                i = (i + 1) & (SHORT_SLOTS - 1);
            }
            let (Some(kk), Some(vv)) = (m.keys.get_mut(i), m.vals.get_mut(i)) else { return None };
            if *kk == 0 {
                len += 1;
                if len * 2 > SHORT_SLOTS {
                    return None;
                }
            }
            *kk = k;
            *vv |= v;
        }
        Some(m)
    }

    /// The value of `k`, 0 when absent (the key 0 meets an empty slot, whose value is 0).
    #[cfg(test)]
    pub fn get(&self, k: u64) -> u8 {
        self.get_by(k, k.wrapping_mul(MUL))
    }

    /// The value of `k` given its product by [`MUL`], 0 when absent.
    #[inline]
    pub fn get_by(&self, k: u64, product: u64) -> u8 {
        let mut i = slot_of_product(product);
        loop {
            let x = self.keys.get(i).copied().unwrap_or(0);
            if x == k {
                return self.vals.get(i).copied().unwrap_or(0);
            }
            if x == 0 {
                return 0;
            }
            i = (i + 1) & (SHORT_SLOTS - 1);
        }
    }
}

/// The first slot of `k` in a [`ShortMap`].
fn short_slot(k: u64) -> usize {
    slot_of_product(k.wrapping_mul(MUL))
}

/// The first slot in a [`ShortMap`] of the key whose product by [`MUL`] is `p`.
#[inline]
fn slot_of_product(p: u64) -> usize {
    (p >> (64 - SHORT_BITS)) as usize & (SHORT_SLOTS - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tagged_set_tells_earlier_groups() {
        let mut s = TaggedSet::with_capacity(2);
        assert!(!s.insert_seen(5, 0));
        assert!(!s.insert_seen(5, 0));
        assert!(s.insert_seen(5, 1));
        assert!(!s.insert_seen(0, 1));
        assert!(s.insert_seen(0, 2));
        for x in 1..1000u64 {
            s.insert_seen(x.wrapping_mul(7919), 3);
        }
        assert!((1..1000u64).all(|x| s.insert_seen(x.wrapping_mul(7919), 4)));
        assert!(s.insert_seen(5, 4));
        assert!(!s.insert_seen(6, 4));
        // a new generation forgets everything, also the value 0
        s.reset(10);
        assert!(!s.insert_seen(5, 1));
        assert!(!s.insert_seen(0, 1));
        assert!(s.insert_seen(5, 2));
        assert!(s.insert_seen(0, 2));
        assert!(!s.insert_seen(7919, 2));
        // a reset to a larger size makes a new table
        s.reset(100_000);
        assert!(!s.insert_seen(5, 3));
        assert!(s.insert_seen(5, 4));
    }

    #[test]
    fn bulk_insert_agrees_with_one_by_one() {
        let xs: Vec<u64> = (0..3000u64).map(|x| (x % 700).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (x % 3)).collect();
        let (mut one, mut bulk) = (TaggedSet::with_capacity(4), TaggedSet::with_capacity(4));
        for (tag, chunk) in xs.chunks(37).enumerate() {
            let tag = tag as u32;
            let want = chunk.iter().filter(|&&x| one.insert_seen(x, tag)).count();
            assert_eq!(bulk.insert_all_seen(chunk.iter().copied(), tag), want);
        }
        bulk.reset(10);
        assert_eq!(bulk.insert_all_seen([5, 0, 5].into_iter(), 1), 0);
        assert_eq!(bulk.insert_all_seen([5, 0, 6].into_iter(), 2), 2);
    }

    #[test]
    fn map_filter_keeps_every_key() {
        // keys present and absent, short and long: the filter never hides a key of the map
        let key = |x: u128| x.wrapping_mul(0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835) >> (x % 70);
        let m = U128Map::new((1..3000u128).map(|x| (key(x), (x % 255) as u8 + 1)));
        let want: std::collections::HashMap<u128, u8> = (1..3000u128).map(|x| (key(x), 0)).collect();
        for x in 1..3000u128 {
            let k = key(x);
            assert_ne!(m.get(k), 0);
            if k < 1 << 64 {
                assert_eq!(m.get_short(k as u64), m.get(k));
            }
        }
        for x in 3000..20_000u128 {
            let k = key(x);
            if !want.contains_key(&k) {
                assert_eq!(m.get(k), 0);
                if k < 1 << 64 {
                    assert_eq!(m.get_short(k as u64), 0);
                }
            }
        }
    }

    #[test]
    fn short_map_agrees_with_map() {
        // keys of 1 to 8 bytes present and absent: the short map gives the values of the map
        let key = |x: u64| x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (x % 64);
        let entries: Vec<(u64, u8)> = (1..900u64).map(|x| (key(x), (x % 255) as u8 + 1)).collect();
        let m = U128Map::new(entries.iter().map(|&(k, v)| (u128::from(k), v)));
        let Some(s) = ShortMap::new(entries.iter().copied()) else { panic!("900 keys fit") };
        for x in 0..5000u64 {
            let k = key(x);
            assert_eq!(s.get(k), m.get_short(k), "{k}");
        }
        assert_eq!(
            (s.get(0), ShortMap::new([(0, 1), (5, 2), (5, 4)]).map(|m| (m.get(0), m.get(5)))),
            (0, Some((0, 6)))
        );
        // more keys than half the slots: no map
        assert!(ShortMap::new((1..=SHORT_SLOTS as u64).map(|k| (k, 1))).is_none());
    }

    #[test]
    fn map_ors_values() {
        let m = U128Map::new([(5, 1), (5, 4), (1 << 100, 2)]);
        assert_eq!(m.get(5), 5);
        assert_eq!(m.get(1 << 100), 2);
        assert_eq!(m.get(6), 0);
        assert_eq!(m.get(0), 0);
        assert_eq!(m.get_short(5), 5);
        assert_eq!(m.get_short(6), 0);
        assert_eq!(m.get_short(0), 0);
        // a full table's first probe for 0 meets a key, then an empty slot
        let full = U128Map::new((1..=8u128).map(|k| (k, 1)));
        assert_eq!((full.get(0), full.get_short(0)), (0, 0));
    }
}
