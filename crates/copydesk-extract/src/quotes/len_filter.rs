//! A quick test that turns most words away before a hash look-up: per first two letters (either
//! case; any other byte, or none, as a 27th column) the lengths of the listed words, one bit each.

/// Columns per byte of a [`LenFilter`] bucket: the letters and one for anything else.
const COLS: usize = 27;

/// The column of a word's first or second byte.
#[inline]
fn col(b: Option<&u8>) -> usize {
    match b {
        Some(&c) if c.is_ascii_alphabetic() => usize::from(c.to_ascii_lowercase() - b'a'),
        _ => COLS - 1,
    }
}

/// The bucket of a word.
#[inline]
fn bucket(w: &[u8]) -> usize {
    col(w.first()) * COLS + col(w.get(1))
}

/// Lengths of the listed words per bucket: a word whose length bit is not set in its bucket is
/// not listed (bit 63 stands for all words of 63 bytes or more).
#[derive(Debug, Clone)]
pub(crate) struct LenFilter {
    lens: [u64; COLS * COLS],
}

impl LenFilter {
    /// A filter that holds no word.
    pub(crate) fn new() -> Self {
        LenFilter { lens: [0; COLS * COLS] }
    }

    /// List `w`.
    pub(crate) fn add(&mut self, w: &str) {
        self.lens[bucket(w.as_bytes())] |= 1 << w.len().min(63);
    }

    /// Might `w` be listed? (False only for words never added.)
    #[inline]
    pub(crate) fn may_hold(&self, w: &str) -> bool {
        self.lens[bucket(w.as_bytes())] & (1 << w.len().min(63)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_words_always_pass() {
        let long = "x".repeat(70);
        let words = ["Sen.", "SEN", "sen", "A", "", "Ángel", long.as_str(), "Mary", "mARY", "9/11"];
        let mut f = LenFilter::new();
        for w in words {
            f.add(w);
        }
        assert!(f.may_hold(&"x".repeat(64)));
        for w in words {
            assert!(f.may_hold(w), "{w}");
        }
        assert!(!f.may_hold("Senator") && !f.may_hold("Bob") && !f.may_hold("Ma"));
    }
}
