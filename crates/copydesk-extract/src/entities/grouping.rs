//! Grouping of mentions within an article: canonical names for surnames, country names,
//! acronyms and their long forms.

use super::known::Known;
use super::{has_space, Mention};
use crate::EntityLabel;
use foldhash::{HashMap, HashMapExt};

/// The first and the last of the words of `t` split at spaces (empty words left out): what
/// `t.split(' ').filter(|w| !w.is_empty())` gives first and, when there is another, last. Byte
/// searches from both ends: the words between are not read.
fn first_and_last_word(t: &str) -> (&str, Option<&str>) {
    let b = t.as_bytes();
    let Some(s0) = b.iter().position(|&c| c != b' ') else { return ("", None) };
    let e0 = b.get(s0..).and_then(|r| r.iter().position(|&c| c == b' ')).map_or(b.len(), |p| s0 + p);
    let first = t.get(s0..e0).unwrap_or("");
    // the last byte that is no space, and the start of its word (spaces are ASCII: the cuts are
    // char boundaries)
    let e1 = b.iter().rposition(|&c| c != b' ').map_or(0, |p| p + 1);
    if e1 <= e0 {
        return (first, None);
    }
    let s1 = b.get(..e1).and_then(|r| r.iter().rposition(|&c| c == b' ')).map_or(0, |p| p + 1);
    (first, t.get(s1..e1))
}

/// Two bits of a 64-bit filter for the text `t`, picked by its length and its first and last
/// bytes (names that differ in none of them are rare).
#[inline]
fn filter_bits(t: &str) -> u64 {
    let b = t.as_bytes();
    let first = b.first().map_or(0, |&c| u64::from(c));
    let last = b.last().map_or(0, |&c| u64::from(c));
    let h = ((b.len() as u64) | first << 16 | last << 24).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (1 << (h >> 58)) | (1 << ((h >> 52) & 63))
}

/// Full names by word ([`full_names`]), with a filter of the words' [`filter_bits`] in front of
/// the map: an article files a few words, and most mention texts asked about are none of them,
/// so most are turned away by the filter without hashing the text.
struct FullNames<'t> {
    /// Full names by word.
    by_word: HashMap<&'t str, &'t str>,
    /// The [`filter_bits`] of every word filed.
    filter: u64,
}

impl<'t> FullNames<'t> {
    /// An empty map with room for `n` words.
    fn with_capacity(n: usize) -> Self {
        FullNames { by_word: HashMap::with_capacity(n), filter: 0 }
    }

    /// File the full name `full` under `word`, unless the word already has one.
    fn file(&mut self, word: &'t str, full: &'t str) {
        self.filter |= filter_bits(word);
        self.by_word.entry(word).or_insert(full);
    }

    /// The full name filed under `t`.
    #[inline]
    fn get(&self, t: &str) -> Option<&'t str> {
        let bits = filter_bits(t);
        if self.filter & bits != bits {
            return None;
        }
        self.by_word.get(t).copied()
    }
}

/// Full names of people by their last word, then by their first ("Lee" after "Lee Jun-seok",
/// "Mulatu" after "Mulatu Teshome"); single words that a title, speech verb or name list made
/// a person stand for themselves. No key has a space (words are split at spaces, and a
/// single-word text with one is left out), so a text with a space finds none.
fn full_names<'t>(g: &Known, ms: &[Mention<'t>]) -> FullNames<'t> {
    // (sized once for every mention's name: the map is not rehashed as it fills)
    let mut by_last = FullNames::with_capacity(ms.len());
    let mut firsts: Vec<(&'t str, &'t str)> = Vec::new();
    for m in ms.iter() {
        if m.label != EntityLabel::Person {
            continue;
        }
        let t = m.text();
        let (first, last) = first_and_last_word(t);
        match last {
            Some(last) => {
                let key: &str = last.trim_end_matches('.');
                by_last.file(key, t);
                // An ordinary word leading a name ("Republic", "Tourism") is no name of its own;
                // short family names written first are ("Lee", "Xi").
                let name_like = !g.common(first) && !g.title(first) || first.len() <= 4 && g.surname(first);
                if first.chars().nth(1).is_some() && !first.ends_with('.') && name_like {
                    firsts.push((first, t));
                }
            }
            // Not an ordinary word a title ran into ("Minister of Tourism"); no text with a space.
            None if m.strength >= 1
                && !m.grouped_only
                && !has_space(t)
                && (!g.common(t) || g.given(t) || g.surname(t)) =>
            {
                by_last.file(t, t);
            }
            None => {}
        }
    }
    for (first, t) in firsts {
        by_last.file(first, t);
    }
    by_last
}

/// Give every mention its canonical name and settle single-word guesses by the article's
/// full names ("Kelin" after "Andrey Kelin" is that person).
pub(crate) fn group(g: &Known, ms: &mut [Mention], acronyms: &[(String, String)]) {
    let by_last = full_names(g, ms);
    let acr: HashMap<&str, &str> = acronyms.iter().map(|(s, l)| (s.as_str(), l.as_str())).collect();
    // Labels of the long forms defined in the text, for their short forms ("GERD" is what
    // "Grand Ethiopian Renaissance Dam" is).
    let mut long_label: HashMap<&str, EntityLabel> = HashMap::new();
    if !acr.is_empty() {
        let longs: foldhash::HashSet<&str> = acr.values().copied().collect();
        for m in ms.iter() {
            let t = m.text();
            if m.strength >= 2 && longs.contains(t) {
                long_label.entry(t).or_insert(m.label);
            }
        }
    }
    // The long form of a short form defined in the text (most articles define none).
    let long_of = |t: &str| if acr.is_empty() { None } else { acr.get(t).copied() };
    for m in ms.iter_mut() {
        let t = m.text();
        // (a text with a space finds no full name: [`full_names`])
        if let Some(full) = by_last.get(t) {
            // A listed place that is also a family name ("Moreno" after "Lenín Moreno").
            let surname_place =
                m.label == EntityLabel::Loc && g.surname(t) && g.phrase(t).is_some_and(|e| !e.country && !e.region);
            if m.strength < 2 || m.label == EntityLabel::Person || surname_place {
                m.label = EntityLabel::Person;
                m.strength = 2;
                if full != t {
                    m.canonical = Some(full.to_string());
                }
                continue;
            }
        }
        if m.strength < 2 {
            if let Some(label) = long_of(t).and_then(|l| long_label.get(l)) {
                m.label = *label;
                m.strength = 2;
            }
        }
        if m.canonical.is_some() {
            continue;
        }
        match m.label {
            EntityLabel::Org | EntityLabel::Loc | EntityLabel::Misc => {
                if let Some(long) = long_of(t) {
                    m.canonical = Some(long.to_string());
                } else if let Some((long, _)) = g.acronym(t) {
                    if m.label == EntityLabel::Org {
                        m.canonical = Some((*long).to_string());
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::facts_memo::Memo;
    use crate::entities::GAZ;
    use copydesk_normalize::Span;

    /// What the words were taken by: a split at spaces without empty words.
    fn by_split(t: &str) -> (&str, Option<&str>) {
        let mut words = t.split(' ').filter(|w| !w.is_empty());
        let first = words.next().unwrap_or("");
        (first, words.next_back())
    }

    #[test]
    fn first_and_last_words() {
        for t in ["", " ", "Lee", "Lee Jun-seok", "  Andrey  Kelin ", "J. R. R. Tolkien", "Núñez Ortega", "a b"] {
            assert_eq!(first_and_last_word(t), by_split(t), "{t:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// No full name is filed under a text with a space, whatever the mentions' spaces.
        #[test]
        fn no_key_has_a_space(names in proptest::collection::vec(("( ?(Lee|Jun-seok|Andrey|Kelin|J\\.|Mr|Officials|N\u{fa}\u{f1}ez|Xqzv|x) ?){1,3}", 0u8..3, proptest::bool::ANY), 0..8)) {
            let mut text = String::new();
            let mut spans = Vec::new();
            for (name, strength, grouped_only) in &names {
                spans.push((Span::new(text.len(), text.len() + name.len()), *strength, *grouped_only));
                text.push_str(name);
                text.push_str(", ");
            }
            let ms: Vec<Mention> = spans
                .iter()
                .map(|&(span, strength, grouped_only)| Mention {
                    grouped_only,
                    ..Mention::new(&text, span, EntityLabel::Person, strength)
                })
                .collect();
            let memo = Memo::new();
            let known = Known { g: &GAZ, memo: &memo };
            let by_last = full_names(&known, &ms);
            proptest::prop_assert!(by_last.by_word.keys().all(|k| !has_space(k)), "{:?}", by_last.by_word);
        }

        /// The filter in front of the map turns away no filed word: what the map of full
        /// names answers is what a plain map (first filing wins) answers, for filed words and
        /// others (empty, one byte, non-ASCII, long, same ends and length).
        #[test]
        fn full_names_answer_as_a_plain_map(
            filed in proptest::collection::vec(("(Lee|Leo|Lei|Kelin|K|N\u{fa}\u{f1}ez|Xi|Abcdefghijklmnopqrstuvwxyz|[A-Z][a-z\u{e9}]{0,6})", 0usize..4), 0..40),
            asked in proptest::collection::vec("(|Lee|Leo|Lxe|Kelin|Kxlin|K|N\u{fa}\u{f1}ez|Xi|Abcdefghijklmnopqrstuvwxyz|[A-Z][a-z\u{e9}]{0,6})", 0..40),
        ) {
            const FULL: [&str; 4] = ["Lee Jun-seok", "Andrey Kelin", "Xi", "Ana N\u{fa}\u{f1}ez"];
            let mut names = FullNames::with_capacity(filed.len());
            let mut plain: HashMap<&str, &str> = HashMap::new();
            for (w, f) in &filed {
                names.file(w, FULL[*f]);
                plain.entry(w.as_str()).or_insert(FULL[*f]);
            }
            for w in filed.iter().map(|(w, _)| w).chain(&asked) {
                proptest::prop_assert_eq!(names.get(w), plain.get(w.as_str()).copied(), "{}", w);
            }
        }

        #[test]
        fn first_and_last_as_split(t in "[ a\u{e9}\u{a0}.B]{0,10}") {
            proptest::prop_assert_eq!(first_and_last_word(&t), by_split(&t));
        }
    }
}
