//! Small open-addressing hash tables keyed by integers, for the two hot lookups of the parser:
//! stopwords (a word packed into a `u128`) and the 4-word shingles of a page (`u64` hashes, each
//! with the line that first had it).
//! Multiplicative hashing, linear probing, at most half full: a lookup is a few instructions.

/// The top `bits` bits of `x` times an odd constant (Fibonacci hashing).
fn slot(x: u64, bits: u32) -> usize {
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

/// Table size exponent for `n` keys: at least twice `n` slots.
fn bits_for(n: usize) -> u32 {
    (n.saturating_mul(2).max(16)).next_power_of_two().trailing_zeros().clamp(4, 48)
}

/// A set of `u64` values, each remembering the group (a line number) that first added it: one
/// probe both asks whether an earlier group added a value and adds it.
pub(crate) struct TaggedSet {
    /// Slots; 0 marks an empty slot (the value 0 itself is kept in `zero`).
    slots: Vec<u64>,
    /// The group of the value in each slot.
    tags: Vec<u32>,
    bits: u32,
    len: usize,
    zero: Option<u32>,
}

impl TaggedSet {
    /// An empty set with room for `n` values before it grows.
    pub fn with_capacity(n: usize) -> Self {
        let bits = bits_for(n);
        TaggedSet { slots: vec![0; 1 << bits], tags: vec![0; 1 << bits], bits, len: 0, zero: None }
    }

    /// Add `x` for group `tag` (when not yet there); true when a group before `tag` added it.
    pub fn insert_seen(&mut self, x: u64, tag: u32) -> bool {
        if x == 0 {
            let first = *self.zero.get_or_insert(tag);
            return first < tag;
        }
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = slot(x, self.bits);
        loop {
            match self.slots.get_mut(i) {
                Some(v) if *v == x => return self.tags.get(i).is_some_and(|&t| t < tag),
                Some(v) if *v == 0 => {
                    *v = x;
                    if let Some(t) = self.tags.get_mut(i) {
                        *t = tag;
                    }
                    self.len += 1;
                    return false;
                }
                Some(_) => i = (i + 1) & mask,
                None => return false,
            }
        }
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        let old_tags = std::mem::take(&mut self.tags);
        self.bits += 1;
        self.slots = vec![0; 1 << self.bits];
        self.tags = vec![0; 1 << self.bits];
        self.len = 0;
        let mask = self.slots.len() - 1;
        for (v, t) in old.into_iter().zip(old_tags).filter(|(v, _)| *v != 0) {
            let mut i = slot(v, self.bits);
            while self.slots.get(i).is_some_and(|&s| s != 0) {
                i = (i + 1) & mask;
            }
            if let (Some(s), Some(st)) = (self.slots.get_mut(i), self.tags.get_mut(i)) {
                *s = v;
                *st = t;
                self.len += 1;
            }
        }
    }
}

/// A fixed map from non-zero `u128` keys to bytes, built once.
pub(crate) struct U128Map {
    keys: Vec<u128>,
    vals: Vec<u8>,
    bits: u32,
}

fn fold(k: u128) -> u64 {
    let (lo, hi) = (k as u64, (k >> 64) as u64);
    lo ^ hi.wrapping_mul(0xC2B2_AE3D_27D4_EB4F).rotate_left(29)
}

impl U128Map {
    /// The map of `entries`; values of repeated keys are or-ed together; the key 0 is ignored.
    pub fn new(entries: impl IntoIterator<Item = (u128, u8)>) -> Self {
        let entries: Vec<(u128, u8)> = entries.into_iter().filter(|(k, _)| *k != 0).collect();
        let bits = bits_for(entries.len());
        let mut m = U128Map { keys: vec![0; 1 << bits], vals: vec![0; 1 << bits], bits };
        let mask = m.keys.len() - 1;
        for (k, v) in entries {
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
    #[inline]
    pub fn get_short(&self, k: u64) -> u8 {
        if k == 0 {
            return 0;
        }
        let mask = self.keys.len() - 1;
        let mut i = slot(k, self.bits);
        loop {
            match self.keys.get(i) {
                Some(&x) if x == u128::from(k) => return self.vals.get(i).copied().unwrap_or(0),
                Some(&0) | None => return 0,
                Some(_) => i = (i + 1) & mask,
            }
        }
    }

    /// The value of `k`, 0 when absent.
    #[inline]
    pub fn get(&self, k: u128) -> u8 {
        if k == 0 {
            return 0;
        }
        let mask = self.keys.len() - 1;
        let mut i = slot(fold(k), self.bits);
        loop {
            match self.keys.get(i) {
                Some(&x) if x == k => return self.vals.get(i).copied().unwrap_or(0),
                Some(&0) | None => return 0,
                Some(_) => i = (i + 1) & mask,
            }
        }
    }
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
    }
}
