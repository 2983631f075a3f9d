//! Property tests over arbitrary Unicode: the whole pipeline never panics, every span is in
//! bounds and on char boundaries, the JSON contract's code-point offsets give back each item's
//! text, normalization is idempotent and its offset map stays inside the raw text.
//!
//! Two generators: arbitrary strings (any code point, including NUL, lone CR, combining marks,
//! RTL text, emoji) and "newsy" strings assembled from tokens that exercise the rules (quote marks,
//! speech verbs, names, money, dates, datelines, parentheses) mixed with the same hostile
//! characters. Set PROPTEST_CASES to run more cases (the default is 256 per property).

mod common;

use common::invariants::{check_all, check_normalize, check_normalize_with};
use copydesk::{NormalizeOptions, Options, UnicodeForm};
use proptest::prelude::*;

/// Tokens that trigger the rules of every stage, plus hostile characters.
const TOKENS: &[&str] = &[
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    "\t",
    "\0",
    "\u{a0}",
    "\u{200b}",
    "\u{ad}",
    "\u{feff}",
    "\u{2028}",
    "\"",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "\u{2018}",
    "\u{2019}",
    "'",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "(",
    ")",
    "[",
    "]",
    ",",
    ".",
    ".",
    ":",
    ";",
    "?",
    "!",
    "—",
    "–",
    "-",
    "…",
    "said",
    "told",
    "says",
    "according to",
    "added",
    "he",
    "she",
    "they",
    "Mr.",
    "Dr.",
    "Ms.",
    "the minister",
    "John",
    "Smith",
    "Jane",
    "Doe",
    "NATO",
    "UN",
    "U.S.",
    "Reuters",
    "AP",
    "LONDON",
    "MOSCOW (Sputnik)",
    "Moscow",
    "Russia",
    "Russian",
    "the",
    "of",
    "and",
    "a",
    "in",
    "$",
    "€",
    "£",
    "5",
    "1,000",
    "3.5",
    "billion",
    "million",
    "bn",
    "USD",
    "euros",
    "on",
    "Tuesday",
    "Jan.",
    "January",
    "2019",
    "27",
    "1999-12-31",
    "last year",
    "By",
    "Photo:",
    "Read more:",
    "Advertisement",
    "North Atlantic Treaty Organization",
    "&amp;",
    "&#8217;",
    "&quot;",
    "Ã©",
    "â€™",
    "Ã",
    "\u{301}",
    "e\u{301}",
    "\u{5d0}\u{5d1}",
    "\u{627}\u{644}",
    "\u{202e}",
    "\u{200f}",
    "😀",
    "👩‍👩‍👧",
    "🇬🇧",
    "中文",
    "Ω",
    "ß",
    "İ",
    "ﬁ",
    "\u{fffd}",
    "\u{10ffff}",
    "\u{e000}",
];

fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..120).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<char>(), 0..300).prop_map(|v| v.into_iter().collect()),
        newsy(),
        // A headline line, a blank line, then paragraphs of tokens.
        (newsy(), prop::collection::vec(newsy(), 0..6)).prop_map(|(h, ps)| format!("{h}\n\n{}", ps.join("\n\n"))),
    ]
}

// `..default()` keeps this compiling when normalization gains an option.
#[allow(clippy::needless_update)]
fn any_normalize_options() -> impl Strategy<Value = NormalizeOptions> {
    (prop::sample::select(vec![UnicodeForm::None, UnicodeForm::Nfc, UnicodeForm::Nfkc]), any::<[bool; 10]>()).prop_map(
        |(form, b)| NormalizeOptions {
            unicode_form: form,
            fix_mojibake: b[0],
            decode_html_entities: b[1],
            fold_quotes: b[2],
            fold_dashes: b[3],
            fold_ellipsis: b[4],
            join_hyphenated: b[5],
            collapse_spaces: b[6],
            fold_spaces: b[7],
            fold_ligatures: b[8],
            fold_width: b[9],
            ..NormalizeOptions::default()
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    /// The whole pipeline, default options: no panic, spans valid, JSON offsets give back texts.
    #[test]
    fn pipeline_total_and_spans_valid(text in any_text()) {
        if let Err(e) = check_all(&text, &Options::default()) {
            prop_assert!(false, "{e}\ninput: {text:?}");
        }
    }

    /// The body is told to be the body blocks as written exactly when it is.
    #[test]
    fn body_as_written_is_told_right(text in any_text()) {
        let a = copydesk::process(&text);
        prop_assert_eq!(a.body_is_as_written(), a.body_as_written() == a.body);
        prop_assert_eq!(copydesk::body_of(&a.text, &a.blocks), a.body_as_written());
    }

    /// Any normalization options: the pipeline's invariants hold too.
    #[test]
    fn pipeline_with_any_normalize_options(text in newsy(), opts in any_normalize_options()) {
        let options = Options { normalize: opts, ..Options::default() };
        if let Err(e) = check_all(&text, &options) {
            prop_assert!(false, "{e}\ninput: {text:?}\noptions: {options:?}");
        }
    }

    /// Any maximum size: the text kept is a char-boundary prefix within the limit, flagged.
    #[test]
    fn truncation_at_any_limit(text in any_text(), max in 1usize..400) {
        let options = Options { max_bytes: max, ..Options::default() };
        if let Err(e) = check_all(&text, &options) {
            prop_assert!(false, "{e}\ninput: {text:?}\nmax_bytes: {max}");
        }
    }

    /// Normalization with default options is idempotent and maps every span inside the raw text.
    #[test]
    fn normalize_idempotent_and_maps_in_bounds(
        text in any_text(),
        extra in prop::collection::vec((0usize..600, 0usize..600), 0..8),
    ) {
        if let Err(e) = check_normalize(&text, &NormalizeOptions::default(), &extra) {
            prop_assert!(false, "{e}\ninput: {text:?}");
        }
    }

    /// Normalization with any options maps every span inside the raw text. (Idempotence is checked
    /// for the defaults only: see `regression_normalize_idempotent_nfkc_nbsp_collapse`.)
    #[test]
    fn normalize_any_options_maps_in_bounds(text in newsy(), opts in any_normalize_options()) {
        if let Err(e) = check_normalize_with(&text, &opts, &[], false) {
            prop_assert!(false, "{e}\ninput: {text:?}\noptions: {opts:?}");
        }
    }
}
