//! Cheap language identification from stopwords and scripts, and stopword counting.

use crate::keyset::{ShortMap, U128Map};
use once_cell::sync::Lazy;

/// Stopword lists compiled in from `data/stopwords-*.txt`.
static LISTS: Lazy<Vec<(&'static str, Vec<&'static str>)>> = Lazy::new(|| {
    let raw: [(&str, &str); 7] = [
        ("en", include_str!("../data/stopwords-en.txt")),
        ("fr", include_str!("../data/stopwords-fr.txt")),
        ("de", include_str!("../data/stopwords-de.txt")),
        ("es", include_str!("../data/stopwords-es.txt")),
        ("it", include_str!("../data/stopwords-it.txt")),
        ("pt", include_str!("../data/stopwords-pt.txt")),
        ("nl", include_str!("../data/stopwords-nl.txt")),
    ];
    raw.iter().map(|(code, text)| (*code, text.split_whitespace().collect())).collect()
});

/// A word of at most 16 bytes as one integer (its bytes, zero-padded): cheap to hash and compare.
fn word_key(w: &[u8]) -> Option<u128> {
    let mut k = [0u8; 16];
    k.get_mut(..w.len())?.copy_from_slice(w);
    Some(u128::from_le_bytes(k))
}

/// The stopword index: word (as [`word_key`]) -> bit set of the languages whose list holds it,
/// and the byte length of the longest (lower-case) stopword (longer words need no lookup).
pub(crate) struct Index {
    map: U128Map,
    /// The words of at most 8 bytes, as their `u64` keys (for [`Index::mask_short`]).
    short: Option<ShortMap>,
    max_len: usize,
    /// Whether some stopword holds an ASCII byte that is neither a letter nor a digit (see
    /// [`Index::may_hold_runs`]).
    marked: bool,
}

impl Index {
    /// Bit mask of languages for a lower-cased word of `len` bytes given as its [`word_key`]
    /// (bytes beyond `len` must be zero).
    #[inline]
    pub fn mask(&self, key: u128, len: usize) -> u8 {
        if len > self.max_len {
            return 0;
        }
        self.map.get(key)
    }

    /// Whether a word of several runs of letters and digits with ASCII bytes between them
    /// ("long-term", "u.s.") may be a stopword: false when no stopword holds an ASCII byte
    /// other than a letter or digit, so such a word's mask is 0 without a look-up.
    #[inline]
    pub fn may_hold_runs(&self) -> bool {
        self.marked
    }

    /// [`Index::mask`] of a word of at most 8 bytes, given as its little-endian `u64` key (a
    /// longer stopword would not match it: no length test).
    #[inline]
    pub fn mask_short(&self, key: u64) -> u8 {
        self.mask_short_by(key, key.wrapping_mul(crate::keyset::MUL))
    }

    /// [`Index::mask_short`] given the key's product by [`crate::keyset::MUL`] too (the
    /// filter hash of the word, which the caller needs anyway: one multiplication for both).
    #[inline]
    pub fn mask_short_by(&self, key: u64, product: u64) -> u8 {
        match &self.short {
            Some(short) => short.get_by(key, product),
            None => self.map.get_short(key),
        }
    }
}

/// The stopwords of all lists as [`word_key`]s, with the bit of their list.
fn keyed_words() -> impl Iterator<Item = (u128, u8)> {
    LISTS
        .iter()
        .enumerate()
        .flat_map(|(i, (_, words))| words.iter().filter_map(move |w| Some((word_key(w.as_bytes())?, 1u8 << i))))
}

static INDEX: Lazy<Index> = Lazy::new(|| Index {
    map: U128Map::new(keyed_words()),
    short: ShortMap::new(keyed_words().filter_map(|(k, m)| Some((u64::try_from(k).ok()?, m)))),
    max_len: LISTS.iter().flat_map(|(_, ws)| ws.iter()).map(|w| w.len()).filter(|&n| n <= 16).max().unwrap_or(0),
    marked: any_marked(LISTS.iter().flat_map(|(_, ws)| ws.iter().copied())),
});

/// Whether one of `words` holds an ASCII byte that is neither a letter nor a digit.
fn any_marked<'a>(mut words: impl Iterator<Item = &'a str>) -> bool {
    words.any(|w| w.bytes().any(|b| b.is_ascii() && !b.is_ascii_alphanumeric()))
}

/// The stopword index (built on first use).
pub(crate) fn index() -> &'static Index {
    &INDEX
}

/// Number of stopword lists (languages with stopword lists).
pub(crate) const N_LISTS: usize = 7;

/// Bit mask of languages (by list index) for one lower-cased word, 0 when not a stopword.
pub(crate) fn stop_mask_lower(word_lower: &[u8]) -> u8 {
    let index = &*INDEX;
    if word_lower.len() > index.max_len {
        return 0;
    }
    word_key(word_lower).map_or(0, |k| index.map.get(k))
}

/// Per-list counters packed in one integer: 16 bits per stopword list, so counting a word's
/// hits in every list it belongs to is one addition of [`SPREAD`]`[mask]`.
pub(crate) type Packed = u128;

/// For each mask of lists, a 1 in the 16-bit lane of each list in the mask.
pub(crate) static SPREAD: [Packed; 1 << N_LISTS] = {
    let mut t = [0u128; 1 << N_LISTS];
    let mut m = 0;
    while m < t.len() {
        let mut i = 0;
        while i < N_LISTS {
            if m >> i & 1 == 1 {
                t[m] |= 1u128 << (16 * i);
            }
            i += 1;
        }
        m += 1;
    }
    t
};

/// The lanes of packed counters.
pub(crate) fn unpack(p: Packed) -> [usize; N_LISTS] {
    std::array::from_fn(|i| (p >> (16 * i)) as usize & 0xFFFF)
}

/// Bit mask of languages for `word` in any case. ASCII words are lower-cased on the stack; other
/// words go through `buf` (reused between calls, so no allocation per word).
pub(crate) fn stop_mask_of(word: &str, buf: &mut String) -> u8 {
    if word.is_ascii() {
        let mut low = [0u8; 16];
        let Some(low) = low.get_mut(..word.len()) else { return 0 };
        low.copy_from_slice(word.as_bytes());
        low.make_ascii_lowercase();
        return stop_mask_lower(low);
    }
    buf.clear();
    buf.extend(word.chars().flat_map(char::to_lowercase));
    stop_mask_lower(buf.as_bytes())
}

/// Most words [`Evidence`] counts for the stopword vote (enough to decide, bounded work).
const VOTE_WORDS: usize = 20_000;

/// Language evidence gathered in the one pass over the lines (see `lines::split`): letters per
/// script, whether any kana occurs, and stopword hits per list over the first words.
#[derive(Debug, Clone, Default)]
pub(crate) struct Evidence {
    /// Alphabetic characters per script (indexed by `Script as usize`). The Latin count is
    /// exact only when another script has letters (see [`Evidence::needs_latin_count`]): else
    /// only whether there are Latin letters matters (`latin`).
    scripts: [usize; N_SCRIPTS],
    /// Whether a line with ASCII letters was read (`scripts` may not count them).
    latin: bool,
    /// Any character in the kana blocks (alphabetic or not).
    pub kana: bool,
    /// Stopword hits per list, over the first [`VOTE_WORDS`] words ([`Packed`]: fewer than
    /// 2^16 each).
    hits: Packed,
    /// Words voted so far (alphabetic runs, as split by [`Evidence::vote_token`]).
    voted: usize,
}

impl Evidence {
    /// Count one word (a maximal run of alphabetic characters) with its stopword mask.
    pub fn vote(&mut self, mask: u8) {
        if self.voted >= VOTE_WORDS {
            return;
        }
        self.voted += 1;
        self.hits += SPREAD[usize::from(mask) & (SPREAD.len() - 1)];
    }

    /// How many more words the stopword vote counts.
    #[inline]
    pub fn votes_left(&self) -> usize {
        VOTE_WORDS.saturating_sub(self.voted)
    }

    /// Count `n` words at once whose stopword hits per list add up to `hits` (at most
    /// [`Evidence::votes_left`] words: the caller checks).
    pub fn vote_many(&mut self, hits: Packed, n: usize) {
        self.voted += n;
        self.hits += hits;
    }

    /// The stopword vote so far: hits per list and words voted.
    #[cfg(test)]
    pub fn votes(&self) -> (Packed, usize) {
        (self.hits, self.voted)
    }

    /// True while words are still counted for the stopword vote.
    #[inline]
    pub fn voting(&self) -> bool {
        self.voted < VOTE_WORDS
    }

    /// Count the alphabetic runs of a token that is not one plain alphabetic word ("don't",
    /// "U.S.", "the-end").
    pub fn vote_token(&mut self, token: &str, buf: &mut String) {
        for w in token.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
            if self.voted >= VOTE_WORDS {
                return;
            }
            let m = stop_mask_of(w, buf);
            self.vote(m);
        }
    }

    /// The document's dominant script, if it has letters.
    pub fn dominant_script(&self) -> Option<Script> {
        if self.scripts.iter().skip(1).all(|&n| n == 0) {
            // Latin letters only, or none
            return (self.latin || self.scripts[Script::Latin as usize] > 0).then_some(Script::Latin);
        }
        dominant(&self.scripts)
    }

    /// Add the letters per script of a line read; `latin`: whether it has ASCII letters (that
    /// `scripts` may not count).
    pub fn add_scripts(&mut self, scripts: &[usize; N_SCRIPTS], latin: bool) {
        for (t, n) in self.scripts.iter_mut().zip(scripts) {
            *t += n;
        }
        self.latin |= latin;
    }

    /// True when letters of other scripts than Latin were read while Latin ones went uncounted:
    /// the dominant script then needs the exact counts ([`Evidence::set_scripts`]).
    pub fn needs_latin_count(&self) -> bool {
        self.latin && self.scripts.iter().skip(1).any(|&n| n > 0)
    }

    /// Set the exact letters per script of the whole text.
    pub fn set_scripts(&mut self, scripts: [usize; N_SCRIPTS]) {
        self.scripts = scripts;
        self.latin = false;
    }
}

/// Index of a language code among the stopword lists.
pub(crate) fn list_index(code: &str) -> Option<usize> {
    LISTS.iter().position(|(c, _)| *c == code)
}

/// The writing system of a character, coarse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Devanagari,
    Han,
    Kana,
    Hangul,
    Thai,
    Other,
}

/// Script of an alphabetic character.
pub(crate) fn script_of(c: char) -> Script {
    match c as u32 {
        0x41..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F => Script::Cyrillic,
        0x590..=0x5FF => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F => Script::Arabic,
        0x900..=0x97F => Script::Devanagari,
        0xE00..=0xE7F => Script::Thai,
        0x3040..=0x30FF => Script::Kana,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF => Script::Han,
        0xAC00..=0xD7AF | 0x1100..=0x11FF => Script::Hangul,
        _ => Script::Other,
    }
}

/// Number of [`Script`] values.
pub(crate) const N_SCRIPTS: usize = 11;

/// The script with the most letters in `counts` (the last one on a tie), if any letters.
pub(crate) fn dominant(counts: &[usize; N_SCRIPTS]) -> Option<Script> {
    let (i, n) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
    if *n == 0 {
        return None;
    }
    Some(ALL_SCRIPTS[i])
}

/// True for a character in the kana blocks.
pub(crate) fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF)
}

const ALL_SCRIPTS: [Script; N_SCRIPTS] = [
    Script::Latin,
    Script::Cyrillic,
    Script::Greek,
    Script::Arabic,
    Script::Hebrew,
    Script::Devanagari,
    Script::Han,
    Script::Kana,
    Script::Hangul,
    Script::Thai,
    Script::Other,
];

/// ISO 639-1 code for a non-Latin script (a guess: the script's most common language).
fn script_language(s: Script) -> Option<&'static str> {
    Some(match s {
        Script::Cyrillic => "ru",
        Script::Greek => "el",
        Script::Arabic => "ar",
        Script::Hebrew => "he",
        Script::Devanagari => "hi",
        Script::Han => "zh",
        Script::Kana => "ja",
        Script::Hangul => "ko",
        Script::Thai => "th",
        Script::Latin | Script::Other => return None,
    })
}

/// Detect the language (ISO 639-1) from the evidence of the whole text: the script for
/// non-Latin text, else the stopword list with the most hits. `None` when there is too little
/// evidence.
pub(crate) fn detect(ev: &Evidence) -> Option<String> {
    let script = ev.dominant_script()?;
    if script != Script::Latin {
        if script == Script::Han && ev.kana {
            return Some("ja".into());
        }
        return script_language(script).map(str::to_string);
    }
    let hits = unpack(ev.hits);
    let (best, n) = hits.iter().enumerate().max_by_key(|(_, n)| **n)?;
    if *n < 3 {
        return None;
    }
    LISTS.get(best).map(|(c, _)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::{any_marked, index, LISTS};

    #[test]
    fn marked_words_are_told() {
        assert!(!any_marked(["the", "f\u{fc}r", "x9"].into_iter()));
        assert!(any_marked(["the", "aujourd'hui"].into_iter()));
        assert!(any_marked(["u.s."].into_iter()));
        assert_eq!(index().may_hold_runs(), any_marked(LISTS.iter().flat_map(|(_, ws)| ws.iter().copied())));
    }

    fn detect(text: &str) -> Option<String> {
        super::detect(&crate::lines::split(text).evidence)
    }

    #[test]
    fn detects_languages() {
        assert_eq!(detect("The cat sat on the mat and it was happy with the world.").as_deref(), Some("en"));
        assert_eq!(detect("Le chat est sur la table et il ne veut pas partir de la maison.").as_deref(), Some("fr"));
        assert_eq!(detect("Der Hund ist nicht in dem Haus, und die Katze auch nicht.").as_deref(), Some("de"));
        assert_eq!(detect("Кошка сидит на столе.").as_deref(), Some("ru"));
        assert_eq!(detect("").as_deref(), None);
    }
}
