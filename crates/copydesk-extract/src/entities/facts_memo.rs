//! What the lists say about words of up to sixteen bytes, remembered across articles:
//! direct-mapped tables per thread (64 KiB for words of up to eight bytes, 32 KiB for longer
//! ones, at most 64 KiB of listed names; fixed) keyed by the word's bytes themselves, packed into one
//! or two `u64`s, so a remembered word costs a load and a compare instead of a probe of the big
//! compiled tables, which miss the cache. The facts of a word depend on the word alone, so
//! remembering them changes no result.
//!
//! The entries of one-word listed names ("UK", "London", "British") are remembered the same way.
//!
//! Most capitalized words of news text are short and recur from article to article ("The",
//! "He", "But", "Mr", "UK", "London", months and weekdays), so most look-ups are answered here.

use super::gazetteer::Entry;
use crate::ascii_scan::load_le;
use std::cell::Cell;
use std::rc::Rc;

/// A packed word: its first eight bytes and the next eight (0 for a short word) as
/// little-endian numbers, and its length (1 to 16).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Key {
    packed: u64,
    hi: u64,
    len: u8,
}

/// One remembered word (`len` 0: an empty slot).
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    packed: u64,
    len: u32,
    facts: u32,
}

/// One remembered word of nine to sixteen bytes (`len` 0: an empty slot); 32 bytes, so a slot
/// never straddles two cache lines.
#[derive(Debug, Clone, Copy, Default)]
#[repr(align(32))]
struct LongSlot {
    packed: u64,
    hi: u64,
    len: u32,
    facts: u32,
}

/// Slots of the table of words of up to eight bytes (a power of two).
const SLOTS: usize = 4096;
/// Slots of the table of longer words (a power of two).
const LONG_SLOTS: usize = 1024;

/// A word and its entry in the list of names (None: not listed); None for an empty slot.
type EntrySlot = Option<(Key, Option<Entry>)>;

/// Slots of the table of listed names (a power of two).
const ENTRY_SLOTS: usize = 1024;

/// The remembered facts of words of up to sixteen bytes, and what the list of names says about
/// them.
pub(crate) struct Memo {
    slots: Box<[Cell<Slot>]>,
    long: Box<[Cell<LongSlot>]>,
    /// Words and their entry in the list of names (None: not listed).
    entries: Box<[Cell<EntrySlot>]>,
}

thread_local! {
    static MEMO: Rc<Memo> = Rc::new(Memo::new());
}

/// This thread's table (a fresh one while the thread's is being torn down).
pub(crate) fn this_thread() -> Rc<Memo> {
    MEMO.try_with(Rc::clone).unwrap_or_else(|_| Rc::new(Memo::new()))
}

/// The key of the word `b[start..end]` when it has one to sixteen bytes.
#[inline]
pub(crate) fn key(b: &[u8], start: usize, end: usize) -> Option<Key> {
    let len = end.checked_sub(start)?;
    if !(1..=16).contains(&len) || end > b.len() {
        return None;
    }
    let (packed, hi) =
        if len <= 8 { (load_le(b, start, len)?, 0) } else { (load_le(b, start, 8)?, load_le(b, start + 8, len - 8)?) };
    Some(Key { packed, hi, len: len as u8 })
}

impl Memo {
    /// An empty table.
    pub(crate) fn new() -> Self {
        Memo {
            slots: vec![Cell::new(Slot::default()); SLOTS].into_boxed_slice(),
            long: vec![Cell::new(LongSlot::default()); LONG_SLOTS].into_boxed_slice(),
            entries: vec![Cell::new(None); ENTRY_SLOTS].into_boxed_slice(),
        }
    }

    /// The hash of `k` (its high bits pick slots).
    #[inline]
    fn hash(k: Key) -> u64 {
        (k.packed ^ k.hi.rotate_left(29) ^ u64::from(k.len)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    /// The slot of `k`.
    #[inline]
    fn slot(&self, k: Key) -> Option<&Cell<Slot>> {
        self.slots.get((Self::hash(k) >> 52) as usize & (SLOTS - 1))
    }

    /// The slot of `k` in the table of listed names.
    #[inline]
    fn entry_slot(&self, k: Key) -> Option<&Cell<EntrySlot>> {
        self.entries.get((Self::hash(k) >> 54) as usize & (ENTRY_SLOTS - 1))
    }

    /// The remembered entry of the word `k` in the list of names: `Some(None)` when it is
    /// known not to be listed, None when it is not remembered.
    #[inline]
    pub fn entry(&self, k: Key) -> Option<Option<Entry>> {
        match self.entry_slot(k)?.get() {
            Some((key, e)) if key == k => Some(e),
            _ => None,
        }
    }

    /// Remember the entry `e` of the word `k` in the list of names.
    #[inline]
    pub fn put_entry(&self, k: Key, e: Option<Entry>) {
        if let Some(c) = self.entry_slot(k) {
            c.set(Some((k, e)));
        }
    }

    /// The slot of the long word `k`.
    #[inline]
    fn long_slot(&self, k: Key) -> Option<&Cell<LongSlot>> {
        self.long.get((Self::hash(k) >> 54) as usize & (LONG_SLOTS - 1))
    }

    /// The remembered facts of the word `k`.
    #[inline]
    pub fn get(&self, k: Key) -> Option<u32> {
        if k.len <= 8 {
            let s = self.slot(k)?.get();
            (s.packed == k.packed && s.len == u32::from(k.len)).then_some(s.facts)
        } else {
            let s = self.long_slot(k)?.get();
            (s.packed == k.packed && s.hi == k.hi && s.len == u32::from(k.len)).then_some(s.facts)
        }
    }

    /// Remember `facts` for the word `k` (pushing out the word that had its slot).
    #[inline]
    pub fn put(&self, k: Key, facts: u32) {
        let len = u32::from(k.len);
        if k.len <= 8 {
            if let Some(c) = self.slot(k) {
                c.set(Slot { packed: k.packed, len, facts });
            }
        } else if let Some(c) = self.long_slot(k) {
            c.set(LongSlot { packed: k.packed, hi: k.hi, len, facts });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_stay_small() {
        use std::mem::size_of;
        assert_eq!(size_of::<Cell<Slot>>() * SLOTS, 64 << 10);
        assert_eq!(size_of::<Cell<LongSlot>>() * LONG_SLOTS, 32 << 10);
        assert!(size_of::<Cell<EntrySlot>>() * ENTRY_SLOTS <= 64 << 10);
    }

    #[test]
    fn keys_are_the_words_bytes() {
        let t = b"He met Trump, Theresa and Jo";
        // One load inside the text, byte by byte at its end: the same keys.
        assert_eq!(key(t, 0, 2), key(b"He", 0, 2));
        assert_eq!(key(t, 7, 12), key(b"Trump", 0, 5));
        assert_eq!(key(t, 26, 28), key(b"Jo", 0, 2));
        assert_ne!(key(t, 7, 12), key(t, 14, 19));
        // "Jo" and "Jo\0" differ by their length.
        assert_ne!(key(b"Jo", 0, 2), key(b"Jo\0", 0, 3));
        // Empty, longer than eight bytes, or out of the text: no key.
        assert_eq!(key(t, 3, 3), None);
        assert_eq!(key(t, 14, 21), key(b"Theresa", 0, 7));
        // Long words: two loads inside the text, or bytes at its end.
        let l = b"the Government of Afghanistan";
        assert_eq!(key(l, 4, 14), key(b"Government", 0, 10));
        assert_eq!(key(l, 18, 29), key(b"Afghanistan", 0, 11));
        assert_ne!(key(l, 4, 14), key(b"Governmenx", 0, 10));
        assert_ne!(key(b"Governments", 0, 10), key(b"Governments", 0, 11));
        assert!(key(b"abcdefghijklmnop", 0, 16).is_some());
        assert_eq!(key(b"abcdefghijklmnopq", 0, 17), None);
        assert_eq!(key(t, 26, 40), None);
        assert_eq!(key(t, 5, 2), None);
    }

    #[test]
    fn remembers_by_the_whole_key() {
        let m = Memo::new();
        let (Some(a), Some(b)) = (key(b"Trump", 0, 5), key(b"Trumps", 0, 6)) else { panic!() };
        assert_eq!(m.get(a), None);
        m.put(a, 7);
        assert_eq!(m.get(a), Some(7));
        assert_eq!(m.get(b), None);
        m.put(a, 9);
        assert_eq!(m.get(a), Some(9));
        // Every key finds only itself, whatever it shares a slot with.
        let words: Vec<Key> = (0u32..20_000)
            .filter_map(|n| {
                let w = if n % 2 == 0 { format!("W{n}") } else { format!("Government{n}") };
                key(w.as_bytes(), 0, w.len())
            })
            .collect();
        assert_eq!(words.len(), 20_000);
        for (n, &k) in words.iter().enumerate() {
            m.put(k, n as u32);
        }
        for (n, &k) in words.iter().enumerate() {
            assert!(m.get(k).map_or(true, |f| f == n as u32));
        }
        // Listed names: known as listed, known as not listed, not known.
        let uk = crate::entities::GAZ.phrases.get("UK");
        assert!(uk.is_some());
        m.put_entry(a, uk);
        m.put_entry(b, None);
        assert_eq!(m.entry(a), Some(uk));
        assert_eq!(m.entry(b), Some(None));
        let c = key(b"Paris", 0, 5).expect("key");
        assert_eq!(m.entry(c), None);
    }
}
