//! Word tables compiled at build time (`build.rs`): open-addressing hash tables in static
//! arrays, so nothing is built or allocated at start-up.
//!
//! A slot holds a key as `offset << 8 | length` into [`BLOB`] (0: empty); tables are at most
//! half full, so a probe ends at an empty slot. Maps have one `u64` value per slot: bits 0-3
//! a label code (15: none), bit 4 country, bit 5 region, bit 6 a string (canonical name or
//! long form) given as length in bits 8-15 and offset into [`BLOB`] in bits 16-39.

use super::key_hash::hash;
use crate::EntityLabel;

/// A compiled-in set or map of strings.
pub(crate) struct Table {
    /// Number of keys.
    #[cfg_attr(not(test), allow(dead_code))]
    pub len: usize,
    /// Slots (a power of two of them).
    slots: &'static [u32],
    /// Values of the slots (maps only; empty for sets).
    vals: &'static [u64],
}

include!(concat!(env!("OUT_DIR"), "/gazetteer_tables.rs"));

/// Every key and value string of the tables, concatenated.
static BLOB: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer_blob.txt"));

/// The string at `offset << 8 | length` of the blob.
#[inline]
fn blob_str(packed: u64) -> &'static str {
    let off = (packed >> 8) as usize;
    let len = (packed & 0xff) as usize;
    BLOB.get(off..off + len).unwrap_or("")
}

/// A value of a map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Value(u64);

impl Value {
    /// The label, when the entry has one.
    pub fn label(self) -> Option<EntityLabel> {
        match self.0 & 0xf {
            0 => Some(EntityLabel::Person),
            1 => Some(EntityLabel::Org),
            2 => Some(EntityLabel::Loc),
            3 => Some(EntityLabel::Norp),
            4 => Some(EntityLabel::Event),
            5 => Some(EntityLabel::Misc),
            _ => None,
        }
    }
    /// The country flag.
    pub fn country(self) -> bool {
        self.0 & (1 << 4) != 0
    }
    /// The region flag.
    pub fn region(self) -> bool {
        self.0 & (1 << 5) != 0
    }
    /// The string (canonical name, long form), when the entry has one.
    pub fn string(self) -> Option<&'static str> {
        (self.0 & (1 << 6) != 0).then(|| blob_str(((self.0 >> 16) << 8) | ((self.0 >> 8) & 0xff)))
    }
}

impl Table {
    /// The slot holding `key`.
    #[inline]
    fn slot(&self, key: &str) -> Option<usize> {
        let k = key.as_bytes();
        if k.is_empty() || k.len() > 0xff {
            return None;
        }
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = hash(k) as usize & mask;
        // Tables are at most half full: an empty slot ends every probe; the bound is a safeguard.
        for _ in 0..self.slots.len() {
            let s = *self.slots.get(i)?;
            if s == 0 {
                return None;
            }
            if (s & 0xff) as usize == k.len() && blob_str(u64::from(s)).as_bytes() == k {
                return Some(i);
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// Whether the table holds `key`.
    #[inline]
    pub fn contains(&self, key: &str) -> bool {
        self.slot(key).is_some()
    }

    /// The value of `key` (maps).
    #[inline]
    pub fn get(&self, key: &str) -> Option<Value> {
        self.slot(key).and_then(|i| self.vals.get(i)).map(|&v| Value(v))
    }

    /// The stored key equal to `key` (a `'static` copy) and its value (maps).
    #[inline]
    pub fn get_key_value(&self, key: &str) -> Option<(&'static str, Value)> {
        let i = self.slot(key)?;
        let k = blob_str(u64::from(*self.slots.get(i)?));
        self.vals.get(i).map(|&v| (k, Value(v)))
    }

    /// All keys (in slot order).
    #[cfg(test)]
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.slots.iter().filter(|&&s| s != 0).map(|&s| blob_str(u64::from(s)))
    }
}
