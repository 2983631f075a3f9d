//! Word lists compiled into the crate (see `data/gazetteer/README.md` for sources and licenses).

use crate::EntityLabel;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use once_cell::sync::Lazy;

/// What a gazetteer phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Label of the phrase.
    pub label: EntityLabel,
    /// Canonical name ("United States" for "U.S.", the country for a demonym), when different.
    pub canonical: Option<&'static str>,
    /// True for countries (used for the country of NORP and for acronym grouping).
    pub country: bool,
    /// True for listed regions (provinces, states, world regions) that are not also cities.
    pub region: bool,
}

/// All compiled-in lists.
pub(crate) struct Gazetteer {
    /// Multi-word and single-word names: countries, cities, regions, demonyms, organisations.
    pub phrases: HashMap<&'static str, Entry>,
    /// Longest phrase in words.
    pub max_words: usize,
    /// Given names ("Sergei").
    pub given: HashSet<&'static str>,
    /// Family names ("Wang"), including East Asian names written first.
    pub surnames: HashSet<&'static str>,
    /// Titles and honorifics ("Minister", "Gen.").
    pub titles: HashSet<&'static str>,
    /// Words ending organisation names ("Council").
    pub org_heads: HashSet<&'static str>,
    /// Words ending place names ("River").
    pub loc_heads: HashSet<&'static str>,
    /// Words ending event names ("Summit").
    pub event_heads: HashSet<&'static str>,
    /// Words ending names of laws, awards, programmes and buildings ("Act", "Award", "Bridge").
    pub misc_heads: HashSet<&'static str>,
    /// Lower-case English words.
    pub common: HashSet<&'static str>,
    /// Well-known acronyms: short -> (long form, label).
    pub acronyms: HashMap<&'static str, (&'static str, Option<EntityLabel>)>,
    /// Longest well-known short form in bytes.
    pub acronym_max_len: usize,
}

/// Non-empty lines that are not comments, trimmed: one memchr pass over the bytes (the lists
/// are built once per process, and splitting them is a good part of that cost).
fn lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    let mut rest = s;
    std::iter::from_fn(move || loop {
        if rest.is_empty() {
            return None;
        }
        let i = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
        let line = rest.get(..i).unwrap_or("");
        rest = rest.get(i + 1..).unwrap_or("");
        // Lists are written without padding; trim only when a line has it.
        let b = line.as_bytes();
        let line = if b.first().is_some_and(u8::is_ascii_whitespace) || b.last().is_some_and(u8::is_ascii_whitespace) {
            line.trim_ascii()
        } else {
            line
        };
        if !line.is_empty() && !line.starts_with('#') {
            return Some(line);
        }
    })
}

/// Number of lines (an upper bound on entries, for the capacity of a map).
fn line_count(s: &str) -> usize {
    s.bytes().filter(|&b| b == b'\n').count() + 1
}

fn set(s: &'static str) -> HashSet<&'static str> {
    let mut out = HashSet::with_capacity(line_count(s));
    out.extend(lines(s));
    out
}

fn label_of(s: &str) -> Option<EntityLabel> {
    match s {
        "ORG" => Some(EntityLabel::Org),
        "LOC" => Some(EntityLabel::Loc),
        "NORP" => Some(EntityLabel::Norp),
        "PERSON" => Some(EntityLabel::Person),
        "EVENT" => Some(EntityLabel::Event),
        "MISC" => Some(EntityLabel::Misc),
        _ => None,
    }
}

fn add_tsv(
    map: &mut HashMap<&'static str, Entry>,
    data: &'static str,
    label: EntityLabel,
    country: bool,
    region: bool,
) {
    for l in lines(data) {
        let (name, canon) = match l.split_once('\t') {
            Some((name, rest)) => (name, Some(rest.split_once('\t').map_or(rest, |(c, _)| c))),
            None => (l, None),
        };
        let canon = canon.filter(|c| *c != "-" && *c != name);
        map.entry(name).or_insert(Entry { label, canonical: canon, country, region });
    }
}

/// The gazetteer, built on first use.
pub(crate) static GAZ: Lazy<Gazetteer> = Lazy::new(|| {
    let mut phrases = HashMap::with_capacity(16_384);
    add_tsv(&mut phrases, include_str!("../../data/gazetteer/countries.tsv"), EntityLabel::Loc, true, false);
    add_tsv(&mut phrases, include_str!("../../data/gazetteer/demonyms.tsv"), EntityLabel::Norp, false, false);
    for l in lines(include_str!("../../data/gazetteer/organisations.tsv")) {
        let mut it = l.split('\t');
        let (Some(name), Some(lab)) = (it.next(), it.next()) else { continue };
        if let Some(label) = label_of(lab) {
            phrases.entry(name).or_insert(Entry { label, canonical: None, country: false, region: false });
        }
    }
    add_tsv(&mut phrases, include_str!("../../data/gazetteer/cities.tsv"), EntityLabel::Loc, false, false);
    add_tsv(&mut phrases, include_str!("../../data/gazetteer/regions.tsv"), EntityLabel::Loc, false, true);
    // City and region lines give the country as second column: that is not a canonical name.
    for e in phrases.values_mut() {
        if e.label == EntityLabel::Loc && !e.country {
            e.canonical = None;
        }
    }
    let mut acronyms = HashMap::with_capacity(256);
    for l in lines(include_str!("../../data/acronyms_known.tsv")) {
        let mut it = l.split('\t');
        let (Some(short), Some(long), Some(lab)) = (it.next(), it.next(), it.next()) else { continue };
        let label = label_of(lab);
        acronyms.insert(short, (long, label));
        if let Some(label) = label {
            let country = label == EntityLabel::Loc;
            phrases.entry(short).or_insert(Entry { label, canonical: None, country, region: false });
        }
    }
    let max_words = phrases.keys().map(|k| memchr::memchr_iter(b' ', k.as_bytes()).count() + 1).max().unwrap_or(1);
    Gazetteer {
        phrases,
        max_words,
        given: set(include_str!("../../data/gazetteer/given_names.txt")),
        surnames: set(include_str!("../../data/gazetteer/surnames.txt")),
        titles: set(include_str!("../../data/gazetteer/titles.txt")),
        org_heads: set(include_str!("../../data/gazetteer/org_heads.txt")),
        loc_heads: set(include_str!("../../data/gazetteer/loc_heads.txt")),
        event_heads: set(include_str!("../../data/gazetteer/event_heads.txt")),
        misc_heads: set(include_str!("../../data/gazetteer/misc_heads.txt")),
        common: set(include_str!("../../data/gazetteer/common_words.txt")),
        acronym_max_len: acronyms.keys().map(|k| k.len()).max().unwrap_or(0),
        acronyms,
    }
});

/// Latin letters with diacritics -> their ASCII base letter ("é" -> 'e'); None for others.
fn ascii_base(c: char) -> Option<u8> {
    let b = match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => b'a',
        'À'..='Å' | 'Ā' | 'Ă' | 'Ą' => b'A',
        'ç' | 'ć' | 'č' => b'c',
        'Ç' | 'Ć' | 'Č' => b'C',
        'è'..='ë' | 'ē' | 'ę' | 'ě' => b'e',
        'È'..='Ë' | 'Ē' | 'Ę' | 'Ě' => b'E',
        'ì'..='ï' | 'ī' | 'ı' => b'i',
        'Ì'..='Ï' | 'Ī' | 'İ' => b'I',
        'ñ' | 'ń' | 'ň' => b'n',
        'Ñ' | 'Ń' | 'Ň' => b'N',
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => b'o',
        'Ò'..='Ö' | 'Ø' | 'Ō' | 'Ő' => b'O',
        'ù'..='ü' | 'ū' | 'ů' | 'ű' => b'u',
        'Ù'..='Ü' | 'Ū' | 'Ů' | 'Ű' => b'U',
        'ý' | 'ÿ' => b'y',
        'Ý' | 'Ÿ' => b'Y',
        'ś' | 'š' | 'ş' => b's',
        'Ś' | 'Š' | 'Ş' => b'S',
        'ź' | 'ż' | 'ž' => b'z',
        'Ź' | 'Ż' | 'Ž' => b'Z',
        'ł' => b'l',
        'Ł' => b'L',
        'ř' => b'r',
        'Ř' => b'R',
        'ğ' => b'g',
        'Ğ' => b'G',
        _ => return None,
    };
    Some(b)
}

/// Whether `set` holds `word`, or its ASCII form when the word has Latin diacritics
/// ("César" -> "Cesar"); folded into a stack buffer, no allocation.
fn contains_folded(set: &HashSet<&'static str>, word: &str) -> bool {
    if set.contains(word) {
        return true;
    }
    if word.is_ascii() || word.len() > 32 {
        return false;
    }
    let mut buf = [0u8; 32];
    let mut n = 0;
    for c in word.chars() {
        let b = if c.is_ascii() {
            c as u8
        } else if let Some(b) = ascii_base(c) {
            b
        } else {
            return false;
        };
        if let Some(slot) = buf.get_mut(n) {
            *slot = b;
            n += 1;
        }
    }
    buf.get(..n).and_then(|b| std::str::from_utf8(b).ok()).is_some_and(|f| set.contains(f))
}

impl Gazetteer {
    /// A listed given name, with or without its diacritics ("César").
    pub fn is_given(&self, word: &str) -> bool {
        contains_folded(&self.given, word)
    }

    /// A listed family name, with or without its diacritics ("Núñez").
    pub fn is_surname(&self, word: &str) -> bool {
        contains_folded(&self.surnames, word)
    }

    /// Whether the lower-case form of a capitalized word is an ordinary English word.
    /// ASCII words are lower-cased into a stack buffer (no allocation).
    pub fn is_common(&self, word: &str) -> bool {
        let b = word.as_bytes();
        if b.iter().all(u8::is_ascii_lowercase) {
            return self.common.contains(word);
        }
        let mut buf = [0u8; 32];
        if b.len() <= buf.len() && b.is_ascii() {
            let lower = &mut buf[..b.len()];
            lower.copy_from_slice(b);
            lower.make_ascii_lowercase();
            return std::str::from_utf8(lower).is_ok_and(|l| self.common.contains(l));
        }
        let lower = word.to_lowercase();
        self.common.contains(lower.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        let g = &*GAZ;
        assert_eq!(g.phrases.get("Russian").map(|e| e.label), Some(EntityLabel::Norp));
        assert_eq!(g.phrases.get("Russian").and_then(|e| e.canonical), Some("Russia"));
        assert_eq!(g.phrases.get("U.S.").and_then(|e| e.canonical), Some("United States"));
        assert_eq!(g.phrases.get("Helsinki").map(|e| e.label), Some(EntityLabel::Loc));
        assert!(g.given.contains("Sergei"));
        assert!(g.titles.contains("Minister"));
        assert!(g.org_heads.contains("Council"));
        assert!(g.is_common("Officials"));
        assert!(!g.is_common("Kelin"));
        assert!(g.is_given("César") && g.is_given("Cesar") && !g.is_given("Césarée"));
        assert!(g.is_surname("Núñez"));
        assert!(g.max_words >= 3);
        // The known-acronym scan only looks up words starting with an ASCII capital.
        assert!(g.acronyms.keys().all(|k| k.as_bytes()[0].is_ascii_uppercase()));
        // ... and skips words without a capital or digit after the first letter.
        assert!(g.acronyms.keys().all(|k| k.bytes().skip(1).any(|c| c.is_ascii_uppercase() || c.is_ascii_digit())));
    }
}
