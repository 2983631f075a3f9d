//! Lines that repeat text from earlier in the page: a line of at least 8 words is a duplicate
//! when at least 80 % of its 4-word shingles (hashed) were seen in earlier lines.
//!
//! A shingle seen before has all four of its words in an earlier line, so a cheap word-level
//! filter bounds the share from above: a bit per word hash ([`WordFilter`], a few hundred bytes
//! for a news article, always in cache) marks the words read so far, and a line whose windows
//! of four such words make less than 80 % of its windows cannot be a duplicate. The filter runs
//! in the one pass over the text (`lines::split`), over each line's word hashes as the line
//! ends. Only for the few lines that pass it are the shingles counted exactly: the shingle
//! table is then filled with the lines before them (each line once, in text order, so the
//! counts are those of inserting every line as it comes).

use crate::keyset::TaggedSet;
use crate::lines::{self, Measured, WordSink};

/// Share of shingles seen in earlier lines from which a line is a duplicate.
const SHARE: f32 = 0.8;

/// Lines of fewer words are not checked (and their shingles not kept).
const MIN_WORDS: usize = 8;

thread_local! {
    /// The shingle table, kept between the texts a thread parses (emptying it costs nothing).
    static TABLE: std::cell::RefCell<Option<TaggedSet>> = const { std::cell::RefCell::new(None) };
}

/// The word filter, fed the words of each line at its end (a [`WordSink`]): one bit per word
/// hash (its top `bits` bits) for the words read so far. A word counts as seen when its bit was
/// set before it, by an earlier line or earlier in its own line: more words than those of
/// earlier lines, so the bound it gives stays an upper bound. Lines of fewer than
/// [`MIN_WORDS`] tokens are left out: they are not tested, and their shingles are never counted
/// as seen (only lines of at least [`MIN_WORDS`] tokens enter the shingle table).
pub(crate) struct WordFilter {
    words: Vec<u64>,
    bits: u32,
}

impl WordFilter {
    /// A filter for a text of `len` bytes.
    pub fn new(len: usize) -> Self {
        // about 8 bits per word (a word in five bytes or more): few false positives, a few
        // hundred bytes per article
        let n = len / 5;
        let bits =
            n.saturating_mul(8).max(64).checked_next_power_of_two().map_or(48, |p| p.trailing_zeros()).clamp(6, 48);
        WordFilter { words: vec![0; 1 << (bits - 6)], bits }
    }
}

impl WordSink for WordFilter {
    // (a call of its own: inlined into the pass over the text, its loop kept its state on the
    // stack)
    #[inline(never)]
    fn end_line(&mut self, words: &[u64], tokens: usize) -> bool {
        if tokens < MIN_WORDS {
            return false;
        }
        let shift = 64 - self.bits;
        let table = &mut self.words[..];
        // a power of two (see `new`), not 0: every index of a word hash's bit is in the table,
        // and the mask below tells the compiler so (no bounds check per word)
        let Some(last) = table.len().checked_sub(1) else { return false };
        // a window of four seen words ends at each word whose bit and the bits of the three
        // words before it were set before it: `run` takes whether each word was seen (bit 0
        // the word just read, one shift in per word), and every 61 words (and at the end of
        // the line) the windows ending at the words read since are counted at once, on the
        // run with the bits of the three words before them above (only those kept: a window
        // of older words would need a fourth bit above them). (Placing word k of a chunk
        // at bit k took a second variable shift count per word, and counting on each word cost
        // more than one `count_ones` per chunk.)
        let mut run = 0u64;
        let mut maybe = 0u32;
        for chunk in words.chunks(61) {
            for &h in chunk {
                let i = (h >> shift) as usize;
                let bit = 1u64 << (i & 63);
                let mut seen = 0u64;
                if let Some(x) = table.get_mut((i >> 6) & last) {
                    seen = u64::from(*x & bit != 0);
                    *x |= bit;
                }
                run = run << 1 | seen;
            }
            maybe += (run & run >> 1 & run >> 2 & run >> 3).count_ones();
            run &= 7;
        }
        let total = words.len().saturating_sub(3);
        total > 0 && (maybe as f32 / total as f32) >= SHARE
    }
}

/// The duplicate test over the lines of one text, in order.
pub(crate) struct Duplicates<'m> {
    measured: &'m Measured,
    /// The exact shingle table (taken on first need), holding the shingles of the lines before
    /// `filled`.
    seen: Option<TaggedSet>,
    filled: usize,
}

impl<'m> Duplicates<'m> {
    /// The test for the lines of `measured`.
    pub fn new(measured: &'m Measured) -> Self {
        Duplicates { measured, seen: None, filled: 0 }
    }

    /// True when line number `i` repeats text of earlier lines: at least 8 words and at least
    /// 80 % of its 4-word shingles seen in earlier lines. Lines must be asked in order.
    pub fn is_duplicate(&mut self, i: usize) -> bool {
        let Some(l) = self.measured.lines.get(i) else { return false };
        if l.words < MIN_WORDS || !l.dup_candidate {
            return false;
        }
        self.exact_share(i) >= SHARE
    }

    /// The exact share of line `i`'s shingles seen in earlier lines, after adding those of the
    /// lines not yet in the table.
    fn exact_share(&mut self, i: usize) -> f32 {
        let m = self.measured;
        let seen = self.seen.get_or_insert_with(|| take_table(m.word_hashes.len()));
        for (j, l) in m.lines.iter().enumerate().take(i).skip(self.filled) {
            if l.words >= MIN_WORDS {
                share(seen, j, m.hashes(l));
            }
        }
        self.filled = i + 1;
        m.lines.get(i).map_or(0.0, |l| share(seen, i, m.hashes(l)))
    }
}

impl Drop for Duplicates<'_> {
    fn drop(&mut self) {
        if let Some(seen) = self.seen.take() {
            TABLE.with(|t| {
                if let Ok(mut t) = t.try_borrow_mut() {
                    *t = Some(seen);
                }
            });
        }
    }
}

/// The thread's shingle table emptied for `n` words (a fresh one if it is in use).
fn take_table(n: usize) -> TaggedSet {
    match TABLE.with(|t| t.try_borrow_mut().ok().and_then(|mut t| t.take())) {
        Some(mut t) => {
            t.reset(n);
            t
        }
        None => TaggedSet::with_capacity(n),
    }
}

/// Share of the 4-word shingles of line number `line` (given as its word hashes) already in
/// `seen` from earlier lines; adds them to it.
fn share(seen: &mut TaggedSet, line: usize, words: &[u64]) -> f32 {
    let tag = u32::try_from(line).unwrap_or(u32::MAX);
    let mix = |acc: u64, x: u64| (acc ^ x).wrapping_mul(lines::FNV_PRIME);
    let Some((first, rest)) = words.split_first_chunk::<3>() else { return 0.0 };
    // the windows of four words, the last three carried from one window to the next
    let mut window = *first;
    let shingles = rest.iter().map(|&d| {
        let [a, b, c] = window;
        window = [b, c, d];
        mix(mix(mix(mix(lines::FNV_BASIS, a), b), c), d)
    });
    let total = shingles.len();
    if total == 0 {
        return 0.0;
    }
    let hit = seen.insert_all_seen(shingles, tag);
    hit as f32 / total as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain test: every line of at least 8 words added to the table as it comes.
    fn plain(m: &Measured) -> Vec<bool> {
        let mut seen = TaggedSet::with_capacity(4);
        m.lines
            .iter()
            .enumerate()
            .map(|(i, l)| l.words >= MIN_WORDS && share(&mut seen, i, m.hashes(l)) >= SHARE)
            .collect()
    }

    fn filtered(m: &Measured) -> Vec<bool> {
        let mut d = Duplicates::new(m);
        (0..m.lines.len()).map(|i| d.is_duplicate(i)).collect()
    }

    #[test]
    fn finds_repeated_text() {
        let a = "the council said on tuesday that the new bridge would open next year";
        let b = "a quite different line of words with nothing much in common at all here";
        let text = format!("{a}\n{b}\nShort line\n{a} again\n{b}\n");
        let m = crate::lines::split(&text);
        assert_eq!(filtered(&m), vec![false, false, false, true, true]);
        assert_eq!(filtered(&m), plain(&m));
        // every line through to the exact test: same answers
        let all = crate::lines::split_with::<true, _>(&text, &mut crate::lines::AllLines);
        assert!(all.lines.iter().all(|l| l.dup_candidate));
        assert_eq!(filtered(&all), plain(&m));
    }

    /// [`WordFilter::end_line`] word by word: the run of seen words ending at each word.
    fn end_line_by_word(f: &mut WordFilter, words: &[u64], tokens: usize) -> bool {
        if tokens < MIN_WORDS {
            return false;
        }
        let (mut run, mut maybe) = (0usize, 0usize);
        for &h in words {
            let i = (h >> (64 - f.bits)) as usize;
            let x = &mut f.words[i >> 6];
            let seen = (*x >> (i & 63)) & 1 == 1;
            *x |= 1u64 << (i & 63);
            run = if seen { run + 1 } else { 0 };
            maybe += usize::from(run >= 4);
        }
        let total = words.len().saturating_sub(3);
        total > 0 && (maybe as f32 / total as f32) >= SHARE
    }

    proptest::proptest! {
        #[test]
        fn filter_counts_windows_of_seen_words(
            lines in proptest::collection::vec(proptest::collection::vec(0u64..40, 0..200), 0..12)
        ) {
            let mut fast = WordFilter::new(300);
            let mut slow = WordFilter::new(300);
            for l in &lines {
                // spread over the top bits, where the filter takes its bit from
                let words: Vec<u64> = l.iter().map(|&w| w.wrapping_mul(0x9E37_79B9_7F4A_7C15)).collect();
                let tokens = words.len();
                proptest::prop_assert_eq!(fast.end_line(&words, tokens), end_line_by_word(&mut slow, &words, tokens));
                proptest::prop_assert_eq!(&fast.words, &slow.words);
            }
        }

        #[test]
        fn filter_agrees_with_plain_test(
            lines in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(vec![
                    "the", "of", "council", "said", "bridge", "new", "year", "a", "open", "x1", "Zoë", "—",
                    "U.S.", "don't", "caf\u{e9}-Bar", "(the", "bridge,",
                ]), 0..20),
                0..30,
            )
        ) {
            let text: Vec<String> = lines.iter().map(|l| l.join(" ")).collect();
            let text = text.join("\n");
            let m = crate::lines::split(&text);
            proptest::prop_assert_eq!(filtered(&m), plain(&m));
        }
    }
}
