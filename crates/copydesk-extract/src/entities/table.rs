//! Word tables compiled at build time (`build.rs`): open-addressing hash tables in static
//! arrays, so nothing is built or allocated at start-up.
//!
//! A slot is a little-endian `u64`: the high 32 bits of the key's hash (a tag that settles
//! almost every miss without comparing bytes), then the key as `offset << 8 | length` into
//! [`BLOB`] (0: an empty slot). Tables are at most half full, so a probe ends at an empty
//! slot. Maps have one `u64` value per slot, laid out as [`super::table_layout`] says.

use super::key_hash::hash;
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

impl Table {
    /// The slot holding `key`, and the slot's content (inlined: a call's register saves cost
    /// about as much as the probe).
    #[inline(always)]
    fn slot(&self, k: &[u8]) -> Option<(usize, u64)> {
        if k.is_empty() || k.len() > 0xff {
            return None;
        }
        let n = self.slots.len() / 8;
        let mask = n.wrapping_sub(1);
        let h = hash(k);
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
                if BLOB.as_bytes().get(off..off + k.len()) == Some(k) {
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

    /// Whether the table holds the key written by `key` (bytes of a string).
    #[inline]
    pub fn contains_bytes(&self, key: &[u8]) -> bool {
        self.slot(key).is_some()
    }

    /// The value of `key` (maps).
    #[inline]
    pub fn get(&self, key: &str) -> Option<Value> {
        self.slot(key.as_bytes()).and_then(|(i, _)| u64_at(self.vals, i)).map(Value)
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
