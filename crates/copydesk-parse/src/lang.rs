//! Cheap language identification from stopwords and scripts, and stopword counting.

use once_cell::sync::Lazy;
use std::collections::HashMap;

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

/// Word -> bit set of the languages whose list holds it.
static INDEX: Lazy<HashMap<&'static str, u8>> = Lazy::new(|| {
    let mut m: HashMap<&'static str, u8> = HashMap::new();
    for (i, (_, words)) in LISTS.iter().enumerate() {
        for w in words {
            *m.entry(*w).or_insert(0) |= 1 << i;
        }
    }
    m
});

/// Number of stopword lists (languages with stopword lists).
pub(crate) const N_LISTS: usize = 7;

/// Bit mask of languages (by list index) for one lower-cased word, 0 when not a stopword.
pub(crate) fn stop_mask(word_lower: &str) -> u8 {
    INDEX.get(word_lower).copied().unwrap_or(0)
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

/// The dominant script of a text (by alphabetic characters), if any letters.
pub(crate) fn dominant_script(text: &str) -> Option<Script> {
    let mut counts: [usize; 11] = [0; 11];
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        counts[script_of(c) as usize] += 1;
    }
    let (i, n) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
    if *n == 0 {
        return None;
    }
    Some(ALL_SCRIPTS[i])
}

const ALL_SCRIPTS: [Script; 11] = [
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

/// Detect the language of `text` (ISO 639-1): the script for non-Latin text, else the stopword
/// list with the most hits. `None` when there is too little evidence.
pub(crate) fn detect(text: &str) -> Option<String> {
    let script = dominant_script(text)?;
    if script != Script::Latin {
        if script == Script::Han && text.chars().any(|c| script_of(c) == Script::Kana) {
            return Some("ja".into());
        }
        return script_language(script).map(str::to_string);
    }
    let mut hits = [0usize; N_LISTS];
    let mut buf = String::new();
    for w in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(20_000) {
        buf.clear();
        buf.extend(w.chars().flat_map(char::to_lowercase));
        let m = stop_mask(&buf);
        for (i, h) in hits.iter_mut().enumerate() {
            if m & (1 << i) != 0 {
                *h += 1;
            }
        }
    }
    let (best, n) = hits.iter().enumerate().max_by_key(|(_, n)| **n)?;
    if *n < 3 {
        return None;
    }
    LISTS.get(best).map(|(c, _)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_languages() {
        assert_eq!(detect("The cat sat on the mat and it was happy with the world.").as_deref(), Some("en"));
        assert_eq!(detect("Le chat est sur la table et il ne veut pas partir de la maison.").as_deref(), Some("fr"));
        assert_eq!(detect("Der Hund ist nicht in dem Haus, und die Katze auch nicht.").as_deref(), Some("de"));
        assert_eq!(detect("Кошка сидит на столе.").as_deref(), Some("ru"));
        assert_eq!(detect("").as_deref(), None);
    }
}
