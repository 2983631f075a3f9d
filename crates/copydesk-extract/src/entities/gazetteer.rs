//! Word lists compiled into the crate (see `data/gazetteer/README.md` for sources and licenses).

use super::table::{self, Table};
use crate::ascii_scan::{in_range, load_le, HI};
use crate::EntityLabel;

// Prefilters of the big tables read per word (see `table::Prefilter`, built with the tables): most
// words asked about are in none of them, and the filters (56 KiB in all) say so without
// reading the tables (3 MiB of slots and values, read at random places). The word table's
// (33,553 keys in 32 KiB) lets about 5 % of other words through, the list of names' (10,896
// keys in 8 KiB) about 15 %, the common words' (63,993 keys in 16 KiB) about 40 %.
use table::{COMMON_FILTER, PHRASES_FILTER, WORDS_FILTER};

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

/// Listed names (countries, cities, regions, demonyms, organisations, labelled known acronyms):
/// the table [`table::PHRASES`], which its prefilter is built from.
pub(crate) struct Phrases(&'static Table);

impl Phrases {
    /// The entry of a listed name.
    #[inline]
    pub fn get(&self, name: &str) -> Option<Entry> {
        let v = self.0.get_filtered(&PHRASES_FILTER, name)?;
        Some(Entry { label: v.label()?, canonical: v.string(), country: v.country(), region: v.region() })
    }
}

/// Well-known acronyms: short form -> (long form, label of the named thing).
pub(crate) struct Acronyms(&'static Table);

impl Acronyms {
    /// Long form and label of a listed short form.
    #[inline]
    pub fn get(&self, short: &str) -> Option<(&'static str, Option<EntityLabel>)> {
        self.get_key_value(short).map(|(_, v)| v)
    }

    /// The listed short form (a `'static` copy), its long form and label.
    #[inline]
    pub fn get_key_value(&self, short: &str) -> Option<(&'static str, (&'static str, Option<EntityLabel>))> {
        let (k, v) = self.0.get_key_value(short)?;
        Some((k, (v.string().unwrap_or(""), v.label())))
    }

    /// All listed short forms.
    #[cfg(test)]
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.keys()
    }
}

/// All compiled-in lists.
pub(crate) struct Gazetteer {
    /// Multi-word and single-word names: countries, cities, regions, demonyms, organisations.
    pub phrases: Phrases,
    /// Longest phrase in words.
    pub max_words: usize,
    /// Given names ("Sergei").
    pub given: &'static Table,
    /// Family names ("Wang"), including East Asian names written first.
    pub surnames: &'static Table,
    /// Titles and honorifics ("Minister", "Gen.").
    pub titles: &'static Table,
    /// Words ending organisation names ("Council").
    #[cfg_attr(not(test), allow(dead_code))] // read through the word table
    pub org_heads: &'static Table,
    /// Words ending place names ("River").
    #[cfg_attr(not(test), allow(dead_code))] // read through the word table
    pub loc_heads: &'static Table,
    /// Words ending event names ("Summit").
    #[cfg_attr(not(test), allow(dead_code))] // read through the word table
    pub event_heads: &'static Table,
    /// Words ending names of laws, awards, programmes and buildings ("Act", "Award", "Bridge").
    #[cfg_attr(not(test), allow(dead_code))] // read through the word table
    pub misc_heads: &'static Table,
    /// Lower-case English words.
    pub common: &'static Table,
    /// Single words: which of the lists above hold them (the `W_` bits of table_layout).
    pub words: &'static Table,
    /// Well-known acronyms: short -> (long form, label).
    pub acronyms: Acronyms,
    /// Longest well-known short form in bytes.
    pub acronym_max_len: usize,
}

/// The gazetteer: tables compiled by `build.rs` from the lists, which it merges as follows.
/// Phrases: the first list naming a phrase wins, in the order countries (LOC, with their
/// canonical name), demonyms (NORP, with their country), organisations (with their label),
/// cities and regions (LOC; the country column is not a canonical name), then known acronyms
/// that have a label. Known acronyms: the last line for a short form wins.
pub(crate) static GAZ: Gazetteer = Gazetteer {
    phrases: Phrases(&table::PHRASES),
    max_words: table::MAX_WORDS,
    given: &table::GIVEN,
    surnames: &table::SURNAMES,
    titles: &table::TITLES,
    org_heads: &table::ORG_HEADS,
    loc_heads: &table::LOC_HEADS,
    event_heads: &table::EVENT_HEADS,
    misc_heads: &table::MISC_HEADS,
    common: &table::COMMON,
    words: &table::WORDS,
    acronyms: Acronyms(&table::ACRONYMS),
    acronym_max_len: table::ACRONYM_MAX_LEN,
};

/// The eight ASCII bytes packed in `x` (little-endian; every byte below 0x80) with the bytes
/// from 'A' to 'Z' lower-cased: 0x20 added to the bytes [`in_range`] marks.
#[inline]
fn lower8(x: u64) -> u64 {
    x | (in_range(x, b'A', b'Z') >> 2)
}

/// `b` lower-cased into `buf` ([`u8::to_ascii_lowercase`] of each byte) eight bytes at a time,
/// when it is ASCII and fits (true); false otherwise (`buf` then holds no meaning).
fn ascii_lower_into(b: &[u8], buf: &mut [u8; 32]) -> bool {
    if b.len() > buf.len() {
        return false;
    }
    for (k, out) in buf.chunks_exact_mut(8).enumerate() {
        let start = k * 8;
        let Some(n) = b.len().checked_sub(start).filter(|&n| n > 0) else { break };
        let Some(x) = load_le(b, start, n.min(8)) else { return false };
        if x & HI != 0 {
            return false;
        }
        out.copy_from_slice(&lower8(x).to_le_bytes());
    }
    true
}

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
fn contains_folded(set: &Table, word: &str) -> bool {
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
    /// Which lists hold `word` exactly as written (the `W_` bits of table_layout; 0 for none):
    /// listed one-word phrase, first word of a listed phrase, given name, family name, title,
    /// head word. One probe.
    #[inline]
    pub fn word_flags(&self, word: &str) -> u64 {
        self.words.get_filtered(&WORDS_FILTER, word).map_or(0, table::Value::bits)
    }

    /// A listed given name, with or without its diacritics ("César").
    pub fn is_given(&self, word: &str) -> bool {
        contains_folded(self.given, word)
    }

    /// A listed family name, with or without its diacritics ("Núñez").
    pub fn is_surname(&self, word: &str) -> bool {
        contains_folded(self.surnames, word)
    }

    /// Whether the lower-case form of a capitalized word is an ordinary English word.
    /// ASCII words are lower-cased into a stack buffer (no allocation).
    pub fn is_common(&self, word: &str) -> bool {
        let b = word.as_bytes();
        let mut buf = [0u8; 32];
        if ascii_lower_into(b, &mut buf) {
            return self.common.contains_bytes_filtered(&COMMON_FILTER, buf.get(..b.len()).unwrap_or(&[]));
        }
        if b.iter().all(u8::is_ascii_lowercase) {
            return self.common.contains(word);
        }
        let lower = word.to_lowercase();
        self.common.contains(lower.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{HashMap, HashSet};

    /// What the lower-casing of a common-word look-up was: byte by byte, after an ASCII test.
    fn lower_ref(b: &[u8]) -> Option<Vec<u8>> {
        (b.len() <= 32 && b.is_ascii()).then(|| b.to_ascii_lowercase())
    }

    /// Lower-cased as byte by byte, or refused (too long, not ASCII).
    fn lower_agrees(b: &[u8]) {
        let mut buf = [0u8; 32];
        let got = ascii_lower_into(b, &mut buf).then(|| buf[..b.len()].to_vec());
        assert_eq!(got, lower_ref(b), "{b:?}");
    }

    #[test]
    fn words_lower_cased_eight_bytes_at_a_time() {
        let all: Vec<u8> = (0u8..0x80).collect();
        for w in all.chunks(8).chain(all.chunks(7)).chain(all.chunks(32)) {
            lower_agrees(w);
        }
        for w in [
            "",
            "A",
            "@[`{",
            "Officials",
            "KUALA-LUMPUR",
            "AbCdEfGhIjKlMnOpQrStUvWxYz012345",
            "AbCdEfGhIjKlMnOpQrStUvWxYz0123456",
            "Caf\u{e9}",
            "\u{c9}mile",
            "Zz\u{7f}\u{0}Aa",
        ] {
            lower_agrees(w.as_bytes());
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn lower_casing_as_byte_by_byte(b in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40), ascii in proptest::collection::vec(0u8..0x80, 0..40)) {
            lower_agrees(&b);
            lower_agrees(&ascii);
        }
    }

    #[test]
    fn lists_load() {
        let g = &GAZ;
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
        assert!(!g.common.contains("") && g.phrases.get("").is_none() && g.acronyms.get("").is_none());
        assert!(!g.common.contains(&"a".repeat(300)));
        // The known-acronym scan only looks up words starting with an ASCII capital.
        assert!(g.acronyms.keys().all(|k| k.as_bytes()[0].is_ascii_uppercase()));
        // ... and skips words without a capital or digit after the first letter.
        assert!(g.acronyms.keys().all(|k| k.bytes().skip(1).any(|c| c.is_ascii_uppercase() || c.is_ascii_digit())));
    }

    /// Non-empty, non-comment lines, trimmed (as the lists were read before the build script).
    fn lines(s: &'static str) -> impl Iterator<Item = &'static str> {
        s.split('\n').map(str::trim_ascii).filter(|l| !l.is_empty() && !l.starts_with('#'))
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

    /// The phrase and acronym maps as they were built at run time before the build script.
    #[allow(clippy::type_complexity)]
    fn reference() -> (HashMap<&'static str, Entry>, HashMap<&'static str, (&'static str, Option<EntityLabel>)>) {
        let mut phrases = HashMap::new();
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
        for e in phrases.values_mut() {
            if e.label == EntityLabel::Loc && !e.country {
                e.canonical = None;
            }
        }
        let mut acronyms = HashMap::new();
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
        (phrases, acronyms)
    }

    #[test]
    fn compiled_tables_match_the_lists() {
        let g = &GAZ;
        let (phrases, acronyms) = reference();
        assert_eq!(table::PHRASES.len, phrases.len());
        for (k, e) in &phrases {
            assert_eq!(g.phrases.get(k).as_ref(), Some(e), "{k}");
        }
        let max_words = phrases.keys().map(|k| k.matches(' ').count() + 1).max().unwrap_or(1);
        assert_eq!(g.max_words, max_words);
        assert_eq!(table::ACRONYMS.len, acronyms.len());
        for (k, v) in &acronyms {
            assert_eq!(g.acronyms.get_key_value(k), Some((*k, *v)), "{k}");
        }
        assert_eq!(g.acronym_max_len, acronyms.keys().map(|k| k.len()).max().unwrap_or(0));
        for (t, data) in [
            (g.given, include_str!("../../data/gazetteer/given_names.txt")),
            (g.surnames, include_str!("../../data/gazetteer/surnames.txt")),
            (g.titles, include_str!("../../data/gazetteer/titles.txt")),
            (g.org_heads, include_str!("../../data/gazetteer/org_heads.txt")),
            (g.loc_heads, include_str!("../../data/gazetteer/loc_heads.txt")),
            (g.event_heads, include_str!("../../data/gazetteer/event_heads.txt")),
            (g.misc_heads, include_str!("../../data/gazetteer/misc_heads.txt")),
            (g.common, include_str!("../../data/gazetteer/common_words.txt")),
        ] {
            let set: HashSet<&str> = lines(data).collect();
            assert_eq!(t.len, set.len());
            assert!(set.iter().all(|k| t.contains(k)));
            assert!(t.keys().all(|k| set.contains(k)));
        }
        // The word table has one entry per single word of the lists, with its lists' bits.
        use super::super::table_layout as l;
        let mut want: HashMap<&str, u64> = HashMap::new();
        for k in phrases.keys() {
            match (k.split_once(' '), k.rsplit_once(' ')) {
                (Some((first, _)), Some((_, last))) => {
                    *want.entry(first).or_default() |= l::W_PHRASE_FIRST;
                    *want.entry(last).or_default() |= l::W_PHRASE_LAST;
                }
                _ => *want.entry(k).or_default() |= l::W_PHRASE,
            }
        }
        for (t, bit) in [
            (g.given, l::W_GIVEN),
            (g.surnames, l::W_SURNAME),
            (g.titles, l::W_TITLE),
            (g.org_heads, l::W_ORG_HEAD),
            (g.loc_heads, l::W_LOC_HEAD),
            (g.event_heads, l::W_EVENT_HEAD),
            (g.misc_heads, l::W_MISC_HEAD),
        ] {
            for k in t.keys() {
                *want.entry(k).or_default() |= bit;
            }
        }
        use super::super::word_lists as wl;
        for (list, bit) in [
            (wl::STOPWORDS, l::W_STOP),
            (wl::DATE_WORDS, l::W_STOP | l::W_DATE),
            (wl::COMPASS, l::W_COMPASS),
            (wl::MEDIA_HEADS, l::W_MEDIA),
            (wl::ARTICLE_LEADS, l::W_ARTICLE),
        ] {
            for k in list {
                *want.entry(k).or_default() |= bit;
            }
        }
        for (k, (_, label)) in &acronyms {
            if label.is_none() {
                *want.entry(k).or_default() |= l::W_PLAIN_ACRONYM;
            }
        }
        assert_eq!(table::WORDS.len, want.len());
        for (k, v) in &want {
            assert_eq!(g.word_flags(k), *v, "{k}");
        }
        assert_eq!(g.word_flags("Xqzv"), 0);
        // Words that are not listed are not found (probes end at empty slots).
        for w in ["Xqzv", "officials", "zzzzzzzzzzzzzzzzzzzzzzzzz", "Russia's"] {
            assert!(!g.given.contains(w) && !g.titles.contains(w));
        }
        assert!(g.phrases.get("Russia's").is_none() && g.acronyms.get("Zzq").is_none());
    }
}
