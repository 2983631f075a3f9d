//! Small open-addressing hash tables keyed by integers, for the two hot lookups of the parser:
//! stopwords (a word packed into a `u128`) and the 4-word shingles of a page (`u64` hashes).
//! Multiplicative hashing, linear probing, at most half full: a lookup is a few instructions.

/// The top `bits` bits of `x` times an odd constant (Fibonacci hashing).
fn slot(x: u64, bits: u32) -> usize {
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

/// Table size exponent for `n` keys: at least twice `n` slots.
fn bits_for(n: usize) -> u32 {
    (n.saturating_mul(2).max(16)).next_power_of_two().trailing_zeros().clamp(4, 48)
}

/// A set of `u64` values.
pub(crate) struct U64Set {
    /// Slots; 0 marks an empty slot (the value 0 itself is kept in `has_zero`).
    slots: Vec<u64>,
    bits: u32,
    len: usize,
    has_zero: bool,
}

impl U64Set {
    /// An empty set with room for `n` values before it grows.
    pub fn with_capacity(n: usize) -> Self {
        let bits = bits_for(n);
        U64Set { slots: vec![0; 1 << bits], bits, len: 0, has_zero: false }
    }

    /// True when `x` is in the set.
    pub fn contains(&self, x: u64) -> bool {
        if x == 0 {
            return self.has_zero;
        }
        let mask = self.slots.len() - 1;
        let mut i = slot(x, self.bits);
        loop {
            match self.slots.get(i) {
                Some(&v) if v == x => return true,
                Some(&0) | None => return false,
                Some(_) => i = (i + 1) & mask,
            }
        }
    }

    /// Add `x`.
    pub fn insert(&mut self, x: u64) {
        if x == 0 {
            self.has_zero = true;
            return;
        }
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = slot(x, self.bits);
        loop {
            match self.slots.get_mut(i) {
                Some(v) if *v == x => return,
                Some(v) if *v == 0 => {
                    *v = x;
                    self.len += 1;
                    return;
                }
                Some(_) => i = (i + 1) & mask,
                None => return,
            }
        }
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        self.bits += 1;
        self.slots = vec![0; 1 << self.bits];
        self.len = 0;
        for v in old.into_iter().filter(|&v| v != 0) {
            self.insert(v);
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

    /// The value of `k`, 0 when absent.
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
    fn set_grows_and_finds() {
        let mut s = U64Set::with_capacity(2);
        for x in 0..1000u64 {
            s.insert(x.wrapping_mul(7919));
        }
        assert!((0..1000u64).all(|x| s.contains(x.wrapping_mul(7919))));
        assert!(!s.contains(1));
        assert!(s.contains(0));
    }

    #[test]
    fn map_ors_values() {
        let m = U128Map::new([(5, 1), (5, 4), (1 << 100, 2)]);
        assert_eq!(m.get(5), 5);
        assert_eq!(m.get(1 << 100), 2);
        assert_eq!(m.get(6), 0);
        assert_eq!(m.get(0), 0);
    }
}
