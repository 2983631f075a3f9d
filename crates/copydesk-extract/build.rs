//! Build script: compiles the entity gazetteers (`data/gazetteer/`, `data/acronyms_known.tsv`)
//! into open-addressing hash tables, so that no table is built when the library starts.
//!
//! Writes `$OUT_DIR/gazetteer_tables.rs` (the tables, included by `src/entities/table.rs`),
//! their slots and values as little-endian `u64` files (`NAME.slots`, `NAME.vals`) and
//! `$OUT_DIR/gazetteer_blob.txt` (every key and value string, concatenated). The rules that
//! turn the lists into tables (which file wins for a name listed twice, which canonical names
//! are kept) are the ones documented in `src/entities/gazetteer.rs`.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

#[path = "src/entities/key_hash.rs"]
mod key_hash;

#[path = "src/entities/table_layout.rs"]
#[allow(dead_code)]
mod layout;
use layout::{
    string_bits, COMMON_FILTER_LOG2, COUNTRY, EVENT, LOC, MISC, NORP, NO_LABEL, ORG, PERSON, PHRASES_FILTER_LOG2,
    REGION, WORDS_FILTER_LOG2, W_ARTICLE, W_COMPASS, W_DATE, W_EVENT_HEAD, W_GIVEN, W_LOC_HEAD, W_MEDIA, W_MISC_HEAD,
    W_ORG_HEAD, W_PHRASE, W_PHRASE_FIRST, W_PHRASE_LAST, W_PLAIN_ACRONYM, W_STOP, W_SURNAME, W_TITLE,
};

#[path = "src/entities/word_lists.rs"]
mod word_lists;

fn label_code(s: &str) -> u64 {
    match s {
        "PERSON" => PERSON,
        "ORG" => ORG,
        "LOC" => LOC,
        "NORP" => NORP,
        "EVENT" => EVENT,
        "MISC" => MISC,
        _ => NO_LABEL,
    }
}

/// Non-empty lines that are not comments, trimmed.
fn lines(s: &str) -> impl Iterator<Item = &str> {
    s.split('\n').map(str::trim_ascii).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A phrase entry while the lists are merged.
#[derive(Clone, Copy)]
struct Entry<'a> {
    label: u64,
    canonical: Option<&'a str>,
    country: bool,
    region: bool,
}

/// Keys in first-insertion order, with their values (the first insertion wins unless replaced).
struct Ordered<'a, V> {
    keys: Vec<&'a str>,
    vals: HashMap<&'a str, V>,
}

impl<'a, V> Ordered<'a, V> {
    fn new() -> Self {
        Ordered { keys: Vec::new(), vals: HashMap::new() }
    }
    fn or_insert(&mut self, k: &'a str, v: V) {
        if !self.vals.contains_key(k) {
            self.keys.push(k);
            self.vals.insert(k, v);
        }
    }
    fn insert(&mut self, k: &'a str, v: V) {
        if self.vals.insert(k, v).is_none() {
            self.keys.push(k);
        }
    }
}

/// The generated source and the string blob its tables point into.
struct Out {
    src: String,
    blob: String,
    /// Where each string already in the blob starts.
    at: HashMap<String, usize>,
    /// Where the files go (`OUT_DIR`).
    dir: std::path::PathBuf,
}

impl Out {
    /// Offset and length of `s` in the blob (added once).
    fn string(&mut self, s: &str) -> (u64, u64) {
        let off = match self.at.get(s) {
            Some(&o) => o,
            None => {
                let o = self.blob.len();
                self.blob.push_str(s);
                self.at.insert(s.to_string(), o);
                o
            }
        };
        assert!(off < 1 << 24 && s.len() < 256 && !s.is_empty(), "gazetteer string too long or blob too big: {s}");
        (off as u64, s.len() as u64)
    }

    /// Emit a table named `name` with `keys` (distinct) and, for maps, one value per key:
    /// slots and values as little-endian `u64` files beside the generated source; with
    /// `filter_log2`, also its prefilter (`NAME_FILTER`, see `table::Prefilter`).
    fn table(&mut self, name: &str, doc: &str, keys: &[&str], vals: Option<&[u64]>, filter_log2: Option<u32>) {
        let size = (keys.len() * 2).next_power_of_two().max(8);
        let mask = size - 1;
        let mut slots = vec![0u64; size];
        let mut slot_vals = vec![0u64; size];
        for (n, k) in keys.iter().enumerate() {
            let (off, len) = self.string(k);
            let h = key_hash::hash(k.as_bytes());
            let mut i = h as usize & mask;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = (h >> 32 << 32) | (off << 8) | len;
            if let Some(v) = vals {
                slot_vals[i] = v[n];
            }
        }
        let bytes = |v: &[u64]| v.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<u8>>();
        std::fs::write(self.dir.join(format!("{name}.slots")), bytes(&slots)).expect("write slots");
        let vals = if vals.is_some() { bytes(&slot_vals) } else { Vec::new() };
        std::fs::write(self.dir.join(format!("{name}.vals")), vals).expect("write values");
        if let Some(log2) = filter_log2 {
            std::fs::write(self.dir.join(format!("{name}.filter")), bytes(&prefilter(&slots, log2)))
                .expect("write filter");
            let _ = writeln!(
                self.src,
                "/// The prefilter of [`{name}`] ({} bytes).\npub(crate) static {name}_FILTER: Prefilter = \
                 Prefilter {{ words: include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{name}.filter\")) }};\n",
                8usize << log2
            );
        }
        let _ = writeln!(
            self.src,
            "/// {doc} ({} keys).\npub(crate) static {name}: Table = Table {{\n    len: {},\n    \
             slots: include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{name}.slots\")),\n    \
             vals: include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{name}.vals\")),\n}};\n",
            keys.len(),
            keys.len()
        );
    }
}

/// The prefilter of a table's `slots`: `1 << log2` words, with the two bits of each key's hash
/// set (`key_hash::filter_place` of the high 32 bits, which the slot keeps).
fn prefilter(slots: &[u64], log2: u32) -> Vec<u64> {
    let mut words = vec![0u64; 1 << log2];
    for &s in slots.iter().filter(|&&s| s != 0) {
        let (w, bits) = key_hash::filter_place(s & !0xffff_ffff, words.len());
        words[w] |= bits;
    }
    words
}

/// Add the lines of a `name<TAB>canonical...` list to the phrases (names already listed keep
/// their entry; a canonical name of "-" or equal to the name is none).
fn add<'a>(phrases: &mut Ordered<'a, Entry<'a>>, data: &'a str, label: u64, country: bool, region: bool) {
    for l in lines(data) {
        let (name, canon) = match l.split_once('\t') {
            Some((name, rest)) => (name, Some(rest.split_once('\t').map_or(rest, |(c, _)| c))),
            None => (l, None),
        };
        let canonical = canon.filter(|c| *c != "-" && *c != name);
        phrases.or_insert(name, Entry { label, canonical, country, region });
    }
}

/// Value of a phrase: label, country and region flags, canonical name (offset and length).
fn phrase_value(out: &mut Out, e: &Entry) -> u64 {
    let mut v = e.label | if e.country { COUNTRY } else { 0 } | if e.region { REGION } else { 0 };
    if let Some(c) = e.canonical {
        let (off, len) = out.string(c);
        v |= string_bits(off, len);
    }
    v
}

/// Value of a known acronym: label (or none) and long form.
fn acronym_value(out: &mut Out, label: u64, long: &str) -> u64 {
    let (off, len) = out.string(long);
    label | string_bits(off, len)
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let read = |name: &str| {
        let p = dir.join(name);
        println!("cargo:rerun-if-changed={}", p.display());
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    };
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/entities/key_hash.rs");
    println!("cargo:rerun-if-changed=src/entities/table_layout.rs");
    println!("cargo:rerun-if-changed=src/entities/word_lists.rs");
    let countries = read("gazetteer/countries.tsv");
    let demonyms = read("gazetteer/demonyms.tsv");
    let organisations = read("gazetteer/organisations.tsv");
    let cities = read("gazetteer/cities.tsv");
    let regions = read("gazetteer/regions.tsv");
    let known = read("acronyms_known.tsv");

    // Phrases: the first list naming a phrase wins (countries, demonyms, organisations,
    // cities, regions, then labelled known acronyms).
    let mut phrases: Ordered<Entry> = Ordered::new();
    add(&mut phrases, &countries, LOC, true, false);
    add(&mut phrases, &demonyms, NORP, false, false);
    for l in lines(&organisations) {
        let mut it = l.split('\t');
        let (Some(name), Some(lab)) = (it.next(), it.next()) else { continue };
        let label = label_code(lab);
        if label != NO_LABEL {
            phrases.or_insert(name, Entry { label, canonical: None, country: false, region: false });
        }
    }
    add(&mut phrases, &cities, LOC, false, false);
    add(&mut phrases, &regions, LOC, false, true);
    // City and region lines give the country as second column: that is not a canonical name.
    for e in phrases.vals.values_mut() {
        if e.label == LOC && !e.country {
            e.canonical = None;
        }
    }
    // Known acronyms: the last line for a short form wins; labelled ones are phrases too.
    let mut acronyms: Ordered<(&str, u64)> = Ordered::new();
    for l in lines(&known) {
        let mut it = l.split('\t');
        let (Some(short), Some(long), Some(lab)) = (it.next(), it.next(), it.next()) else { continue };
        let label = label_code(lab);
        acronyms.insert(short, (long, label));
        if label != NO_LABEL {
            phrases.or_insert(short, Entry { label, canonical: None, country: label == LOC, region: false });
        }
    }
    let max_words = phrases.keys.iter().map(|k| k.matches(' ').count() + 1).max().unwrap_or(1);
    let acronym_max_len = acronyms.keys.iter().map(|k| k.len()).max().unwrap_or(0);

    let od = std::env::var("OUT_DIR").expect("OUT_DIR");
    let mut out = Out { src: String::new(), blob: String::new(), at: HashMap::new(), dir: od.into() };
    out.src.push_str("// Generated by build.rs from data/gazetteer/ and data/acronyms_known.tsv: do not edit.\n\n");
    let _ = writeln!(out.src, "/// Longest listed phrase in words.\npub(crate) const MAX_WORDS: usize = {max_words};");
    let _ = writeln!(
        out.src,
        "/// Longest well-known short form in bytes.\npub(crate) const ACRONYM_MAX_LEN: usize = {acronym_max_len};\n"
    );
    let vals: Vec<u64> = phrases.keys.iter().map(|k| phrase_value(&mut out, &phrases.vals[k])).collect();
    out.table(
        "PHRASES",
        "Listed names: countries, demonyms, organisations, cities, regions",
        &phrases.keys,
        Some(&vals),
        Some(PHRASES_FILTER_LOG2),
    );
    let vals: Vec<u64> = acronyms
        .keys
        .iter()
        .map(|k| {
            let (long, label) = acronyms.vals[k];
            acronym_value(&mut out, label, long)
        })
        .collect();
    out.table("ACRONYMS", "Well-known acronyms: short form -> long form and label", &acronyms.keys, Some(&vals), None);
    let lists: Vec<(&str, String, &str, u64, Option<u32>)> = [
        ("GIVEN", "given_names.txt", "Given names", W_GIVEN, None),
        ("SURNAMES", "surnames.txt", "Family names", W_SURNAME, None),
        ("TITLES", "titles.txt", "Titles and honorifics", W_TITLE, None),
        ("ORG_HEADS", "org_heads.txt", "Words ending organisation names", W_ORG_HEAD, None),
        ("LOC_HEADS", "loc_heads.txt", "Words ending place names", W_LOC_HEAD, None),
        ("EVENT_HEADS", "event_heads.txt", "Words ending event names", W_EVENT_HEAD, None),
        (
            "MISC_HEADS",
            "misc_heads.txt",
            "Words ending names of laws, awards, programmes and buildings",
            W_MISC_HEAD,
            None,
        ),
        ("COMMON", "common_words.txt", "Lower-case English words", 0, Some(COMMON_FILTER_LOG2)),
    ]
    .into_iter()
    .map(|(name, file, doc, bit, filter)| (name, read(&format!("gazetteer/{file}")), doc, bit, filter))
    .collect();
    // Words: which of the lists hold each single word, in one value (one probe per word).
    let mut words: Ordered<u64> = Ordered::new();
    let mut flag = |w, bit| {
        words.or_insert(w, 0);
        if let Some(v) = words.vals.get_mut(w) {
            *v |= bit;
        }
    };
    for k in &phrases.keys {
        match (k.split_once(' '), k.rsplit_once(' ')) {
            (Some((first, _)), Some((_, last))) => {
                flag(first, W_PHRASE_FIRST);
                flag(last, W_PHRASE_LAST);
            }
            _ => flag(k, W_PHRASE),
        }
    }
    for (name, data, doc, bit, filter) in &lists {
        let mut set: Ordered<()> = Ordered::new();
        for l in lines(data) {
            set.or_insert(l, ());
            if *bit != 0 {
                flag(l, *bit);
            }
        }
        out.table(name, doc, &set.keys, None, *filter);
    }
    // The rules' closed word lists, and known acronyms without a label (common nouns).
    for (list, bit) in [
        (word_lists::STOPWORDS, W_STOP),
        (word_lists::DATE_WORDS, W_STOP | W_DATE),
        (word_lists::COMPASS, W_COMPASS),
        (word_lists::MEDIA_HEADS, W_MEDIA),
        (word_lists::ARTICLE_LEADS, W_ARTICLE),
    ] {
        for w in list {
            flag(w, bit);
        }
    }
    for k in &acronyms.keys {
        if acronyms.vals[k].1 == NO_LABEL {
            flag(k, W_PLAIN_ACRONYM);
        }
    }
    let vals: Vec<u64> = words.keys.iter().map(|k| words.vals[k]).collect();
    out.table(
        "WORDS",
        "Single words: which lists hold them (the `W_` bits of table_layout)",
        &words.keys,
        Some(&vals),
        Some(WORDS_FILTER_LOG2),
    );
    std::fs::write(out.dir.join("gazetteer_blob.txt"), &out.blob).expect("write blob");
    std::fs::write(out.dir.join("gazetteer_tables.rs"), &out.src).expect("write tables");
}
