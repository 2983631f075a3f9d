//! The value layout of the compiled-in word tables: `build.rs` (which includes this file) writes
//! values this way and [`super::table`] reads them. Bits 0-3 a label code, bit 4 country, bit 5
//! region, bit 6 a string (canonical name or long form) whose length is in bits 8-15 and whose
//! offset into the string blob is in bits 16-39.

/// Label codes (bits 0-3).
pub(crate) const PERSON: u64 = 0;
/// Organisation.
pub(crate) const ORG: u64 = 1;
/// Place.
pub(crate) const LOC: u64 = 2;
/// Nationality, religious or political group.
pub(crate) const NORP: u64 = 3;
/// Event.
pub(crate) const EVENT: u64 = 4;
/// Other named thing.
pub(crate) const MISC: u64 = 5;
/// No label.
#[allow(dead_code)] // written by build.rs; the reader reads any other code as none
pub(crate) const NO_LABEL: u64 = 15;
/// The bits of the label code.
pub(crate) const LABEL_MASK: u64 = 0xf;
/// The entry is a country.
pub(crate) const COUNTRY: u64 = 1 << 4;
/// The entry is a region.
pub(crate) const REGION: u64 = 1 << 5;
/// The value carries a string.
pub(crate) const HAS_STRING: u64 = 1 << 6;

/// The string bits of a value for the blob string at `off` of `len` bytes.
#[allow(dead_code)] // used by build.rs, the writer
pub(crate) const fn string_bits(off: u64, len: u64) -> u64 {
    HAS_STRING | (len << 8) | (off << 16)
}

/// Bits of the word table's values (what a single word is in the lists): a listed one-word
/// phrase.
pub(crate) const W_PHRASE: u64 = 1 << 0;
/// The first word of a listed phrase of several words.
pub(crate) const W_PHRASE_FIRST: u64 = 1 << 1;
/// A listed given name.
pub(crate) const W_GIVEN: u64 = 1 << 2;
/// A listed family name.
pub(crate) const W_SURNAME: u64 = 1 << 3;
/// A listed title.
pub(crate) const W_TITLE: u64 = 1 << 4;
/// A word ending organisation names.
pub(crate) const W_ORG_HEAD: u64 = 1 << 5;
/// A word ending place names.
pub(crate) const W_LOC_HEAD: u64 = 1 << 6;
/// A word ending event names.
pub(crate) const W_EVENT_HEAD: u64 = 1 << 7;
/// A word ending names of laws, awards, programmes and buildings.
pub(crate) const W_MISC_HEAD: u64 = 1 << 8;
/// A capitalized word that is no name on its own ("The", "According", weekdays and months;
/// word_lists.rs).
pub(crate) const W_STOP: u64 = 1 << 9;
/// A weekday or month.
pub(crate) const W_DATE: u64 = 1 << 10;
/// A compass or position word leading place names ("Northern").
pub(crate) const W_COMPASS: u64 = 1 << 11;
/// A head word of newspaper and broadcaster names ("Times").
pub(crate) const W_MEDIA: u64 = 1 << 12;
/// An article leading names of places and organisations ("La", "Los").
pub(crate) const W_ARTICLE: u64 = 1 << 13;
/// A well-known acronym without a label (an acronym of a common noun: "CEO", "TV").
pub(crate) const W_PLAIN_ACRONYM: u64 = 1 << 14;
/// The last word of a listed phrase of several words (a phrase is looked up only when its
/// first and last words may begin and end one).
pub(crate) const W_PHRASE_LAST: u64 = 1 << 15;

/// Size of the word table's prefilter: `1 << log2` eight-byte words.
#[cfg_attr(not(test), allow(dead_code))] // used by build.rs, the writer (and tests)
pub(crate) const WORDS_FILTER_LOG2: u32 = 12;
/// Size of the list of names' prefilter.
#[cfg_attr(not(test), allow(dead_code))] // used by build.rs, the writer (and tests)
pub(crate) const PHRASES_FILTER_LOG2: u32 = 10;
/// Size of the common words' prefilter.
#[cfg_attr(not(test), allow(dead_code))] // used by build.rs, the writer (and tests)
pub(crate) const COMMON_FILTER_LOG2: u32 = 11;
