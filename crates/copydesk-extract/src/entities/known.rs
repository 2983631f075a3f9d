//! Look-ups of whole mention texts after the rules (grouping, places with their country): a
//! word of up to sixteen bytes that the rules met is answered from the facts memo (which lists
//! hold it, whether it is an ordinary word, its entry in the list of names) instead of a probe
//! of the big compiled tables, which mostly misses the cache. The memo remembers what the
//! tables say about the word, so the answers are the tables'; other texts go to the tables.

use super::facts_memo::{key, Key, Memo};
use super::gazetteer::{Entry, Gazetteer};
use super::has_space;
use super::rules::{in_capitals, word_bit, COMMON, COMMON_KNOWN, NON_ASCII};
use super::table_layout as layout;

/// The lists, answered from the memo where it can.
pub(crate) struct Known<'a> {
    /// The lists.
    pub g: &'a Gazetteer,
    /// This thread's remembered facts.
    pub memo: &'a Memo,
}

/// The memo key of a whole text (None: empty or longer than sixteen bytes).
#[inline]
fn key_of(w: &str) -> Option<Key> {
    key(w.as_bytes(), 0, w.len())
}

impl Known<'_> {
    /// The remembered facts of the word `w`.
    #[inline]
    fn facts(&self, w: &str) -> Option<u32> {
        key_of(w).and_then(|k| self.memo.get(k))
    }

    /// [`Gazetteer::is_common`].
    pub fn common(&self, w: &str) -> bool {
        match self.facts(w) {
            Some(f) if f & COMMON_KNOWN != 0 => f & COMMON != 0,
            _ => self.g.is_common(w),
        }
    }

    /// Whether the list of titles holds `w`.
    pub fn title(&self, w: &str) -> bool {
        match self.facts(w) {
            Some(f) => f & word_bit(layout::W_TITLE) != 0,
            None => self.g.titles.contains(w),
        }
    }

    /// [`Gazetteer::is_given`] (a word with diacritics is also looked up without them).
    pub fn given(&self, w: &str) -> bool {
        match self.facts(w) {
            Some(f) => f & word_bit(layout::W_GIVEN) != 0 || f & NON_ASCII != 0 && self.g.is_given(w),
            None => self.g.is_given(w),
        }
    }

    /// [`Gazetteer::is_surname`] (a word with diacritics is also looked up without them).
    pub fn surname(&self, w: &str) -> bool {
        match self.facts(w) {
            Some(f) => f & word_bit(layout::W_SURNAME) != 0 || f & NON_ASCII != 0 && self.g.is_surname(w),
            None => self.g.is_surname(w),
        }
    }

    /// The entry of the listed name `w` (as `Phrases::get`). The memo's entry of a word is what
    /// the rules' one-word look-up found, the same as the list's unless the word is written in
    /// capitals (then the rules also try its title-cased form), so those words go to the list.
    pub fn phrase(&self, w: &str) -> Option<Entry> {
        let k = match key_of(w) {
            Some(k) if !has_space(w) && !in_capitals(w) => k,
            _ => return self.g.phrases.get(w),
        };
        if let Some(e) = self.memo.entry(k) {
            return e;
        }
        // A listed one-word name has the word flag of one.
        if self.memo.get(k).is_some_and(|f| f & word_bit(layout::W_PHRASE) == 0) {
            return None;
        }
        let e = self.g.phrases.get(w);
        self.memo.put_entry(k, e);
        e
    }

    /// The long form and label of the well-known acronym `w`. Every listed short form has at
    /// most [`Gazetteer::acronym_max_len`] bytes, starts with an ASCII capital and has a
    /// capital or digit after it (a test of the gazetteer checks this), so other words (and
    /// names of several words) are not looked up.
    pub fn acronym(&self, w: &str) -> Option<(&'static str, Option<crate::EntityLabel>)> {
        let b = w.as_bytes();
        let shape = b.len() <= self.g.acronym_max_len
            && b.first().is_some_and(u8::is_ascii_uppercase)
            && b.iter().skip(1).any(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        if shape {
            self.g.acronyms.get(w)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::GAZ;

    /// Words of every kind: listed names, names in capitals, titles, given and family names
    /// with and without diacritics, ordinary words, acronyms, long and empty words.
    const WORDS: &[&str] = &[
        "UK",
        "London",
        "British",
        "Rwanda",
        "CAIRO",
        "KIGALI",
        "Cairo",
        "Minister",
        "Mr",
        "Gen.",
        "Sergei",
        "César",
        "Cesar",
        "Núñez",
        "Nunez",
        "Lee",
        "Officials",
        "Critics",
        "The",
        "He",
        "NATO",
        "BBC",
        "CEO",
        "US",
        "U.S.",
        "Xqzv",
        "Kelin",
        "Jun-seok",
        "US-China",
        "Government",
        "Afghanistan",
        "Internationally",
        "Mediterranean",
        "Abcdefghijklmnopqrstuvwxyz",
        "",
        "a",
        "A",
        "new",
        "Zapad-2017",
        "SACCO",
        "Ethiopia",
        "Time Warner",
        "BBC News",
        "AfDB",
        "UNESCO",
        "United Nations Development Programme",
    ];

    /// Fill a memo the way the rules do: each word as a one-token sentence, its facts, whether
    /// it is common and its one-word entry.
    fn warm(memo: &Memo) {
        use super::super::rules::warm_for_test;
        for w in WORDS {
            warm_for_test(memo, w);
        }
    }

    #[test]
    fn remembered_answers_are_the_lists() {
        let g = &GAZ;
        for memo in [Memo::new(), {
            let m = Memo::new();
            warm(&m);
            m
        }] {
            // Twice: the second round reads what the first remembered.
            for _ in 0..2 {
                let k = Known { g, memo: &memo };
                for w in WORDS {
                    assert_eq!(k.common(w), g.is_common(w), "{w}");
                    assert_eq!(k.title(w), g.titles.contains(w), "{w}");
                    assert_eq!(k.given(w), g.is_given(w), "{w}");
                    assert_eq!(k.surname(w), g.is_surname(w), "{w}");
                    assert_eq!(k.phrase(w), g.phrases.get(w), "{w}");
                    assert_eq!(k.acronym(w), g.acronyms.get(w), "{w}");
                }
            }
        }
        // Every listed short form passes the acronym shape test.
        let k = Known { g, memo: &Memo::new() };
        assert!(g.acronyms.keys().all(|w| k.acronym(w) == g.acronyms.get(w)));
    }
}
