//! Property tests: normalize is total, idempotent, and its offset map is exact.

use copydesk_normalize::{normalize, NormalizeOptions, Span, UnicodeForm};
use proptest::prelude::*;

/// Text made of the pieces that matter here: words, every kind of space and line break,
/// invisible and control chars, quotes, dashes, entities, mojibake, combining marks.
fn messy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[A-Za-z]{1,8}",
        3 => Just(" ".to_string()),
        1 => prop::sample::select(vec![
            "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\u{a0}", "\u{2009}", "\u{3000}", "\u{200b}", "\u{feff}", "\u{ad}",
            "\u{200e}", "\u{2028}", "\u{1}", "\u{7f}", "\u{85}", "\u{93}", "\u{c}",
        ]).prop_map(str::to_string),
        1 => prop::sample::select(vec![
            "\u{201c}", "\u{201d}", "\u{2018}", "\u{2019}", "\u{2013}", "\u{2014}", "\u{2026}", "-", "- \n", "&",
            "&amp;", "&#8217;", "&#x2014;", "&eacute;", "&nosuch;", "Ã©", "â€™", "â€œ", "Ã ", "Â", "Ã", "Ã¢â‚¬â„¢",
            "\u{301}", "\u{308}\u{323}", "e\u{301}", "\u{1100}\u{1161}", "\u{fb01}", "\u{ff21}", "\u{2126}", "\u{1f600}",
            "\u{37e}", "caf\u{e9}", "\u{3b1}\u{3b2}", "\u{43f}\u{440}",
        ]).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn options() -> impl Strategy<Value = NormalizeOptions> {
    (prop::sample::select(vec![UnicodeForm::None, UnicodeForm::Nfc, UnicodeForm::Nfkc]), any::<[bool; 10]>()).prop_map(
        |(unicode_form, b)| NormalizeOptions {
            unicode_form,
            fix_mojibake: b[0],
            decode_html_entities: b[1],
            fold_spaces: b[2],
            fold_quotes: b[3],
            fold_dashes: b[4],
            fold_ellipsis: b[5],
            join_hyphenated: b[6],
            fold_ligatures: b[7],
            fold_width: b[8],
            collapse_spaces: b[9],
        },
    )
}

fn check_map(raw: &str, opts: &NormalizeOptions) -> Result<(), TestCaseError> {
    let n = normalize(raw, opts);
    let t = &n.text;
    // The whole text maps to the whole raw text.
    if !t.is_empty() {
        prop_assert_eq!(n.to_original(Span::new(0, t.len())), Span::new(0, raw.len()));
    }
    let bounds: Vec<usize> = t.char_indices().map(|(i, _)| i).chain(std::iter::once(t.len())).collect();
    let mut last_start = 0;
    for (k, &a) in bounds.iter().enumerate() {
        // Start offsets are monotonic, in bounds, on char boundaries.
        let s = n.map.to_original_pos(a, false);
        prop_assert!(s >= last_start && s <= raw.len() && raw.is_char_boundary(s), "start {} of {} in {:?}", s, a, raw);
        last_start = s;
        // Every normalized char maps to a non-empty raw span on char boundaries.
        if let Some(&b) = bounds.get(k + 1) {
            let r = n.to_original(Span::new(a, b));
            prop_assert!(r.start < r.end && r.end <= raw.len(), "{:?} -> {:?} in {:?}", (a, b), r, raw);
            prop_assert!(raw.is_char_boundary(r.start) && raw.is_char_boundary(r.end));
            // A char that is copied maps to itself.
            if let (Some(piece), Some(ch)) =
                (n.map.pieces().iter().find(|p| p.norm_start <= a && a < p.norm_start + p.norm_len), t.get(a..b))
            {
                if piece.copied && !(a == 0 && b == t.len()) {
                    prop_assert_eq!(&raw[r.start..r.end], ch);
                }
            }
        }
    }
    // Any span maps inside the raw text, ordered.
    for w in bounds.windows(3) {
        let r = n.to_original(Span::new(w[0], w[2]));
        prop_assert!(r.start <= r.end && r.end <= raw.len());
        prop_assert!(raw.is_char_boundary(r.start) && raw.is_char_boundary(r.end));
    }
    // Fixes lie in the raw text.
    for f in &n.fixes {
        prop_assert!(f.span.end <= raw.len() && raw.is_char_boundary(f.span.start) && raw.is_char_boundary(f.span.end));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn idempotent_with_defaults(raw in messy()) {
        let once = normalize(&raw, &NormalizeOptions::default()).text;
        let twice = normalize(&once, &NormalizeOptions::default()).text;
        prop_assert_eq!(once, twice, "raw {:?}", raw);
    }

    #[test]
    fn idempotent_with_any_options(raw in messy(), opts in options()) {
        let once = normalize(&raw, &opts).text;
        let twice = normalize(&once, &opts).text;
        prop_assert_eq!(once, twice, "raw {:?} options {:?}", raw, opts);
    }

    #[test]
    fn offset_map_is_exact_with_defaults(raw in messy()) {
        check_map(&raw, &NormalizeOptions::default())?;
    }

    #[test]
    fn offset_map_is_exact_with_any_options(raw in messy(), opts in options()) {
        check_map(&raw, &opts)?;
    }

    #[test]
    fn total_on_any_string(raw in any::<String>(), opts in options()) {
        check_map(&raw, &opts)?;
    }

    #[test]
    fn plain_ascii_words_unchanged(words in prop::collection::vec("[A-Za-z0-9.,;:!?()'\"]{1,10}", 0..30)) {
        let raw = words.join(" ");
        let n = normalize(&raw, &NormalizeOptions::default());
        prop_assert_eq!(&n.text, &raw);
        prop_assert!(n.fixes.is_empty());
    }
}
