//! The sample article through normalize -> parse -> extract: its eight direct quotes all belong
//! to the official introduced in the second paragraph, whatever the text calls him.

use copydesk_extract::{extract, ExtractOptions, QuoteKind};
use copydesk_normalize::{normalize, NormalizeOptions};
use copydesk_parse::parse;

const SAMPLE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/sputnik-nato-balkans.txt"));

fn quotes() -> Vec<(QuoteKind, String, Option<String>, Option<String>)> {
    let norm = normalize(SAMPLE, &NormalizeOptions::default());
    let doc = parse(&norm);
    let ex = extract(&norm, &doc, &ExtractOptions::default());
    ex.quotes
        .iter()
        .map(|q| {
            (
                q.kind,
                q.content.slice(&norm.text).to_string(),
                q.speaker.clone(),
                q.speaker_mention.map(|m| m.slice(&norm.text).to_string()),
            )
        })
        .collect()
}

#[test]
fn eight_direct_quotes_by_the_official() {
    let qs = quotes();
    let direct: Vec<_> = qs.iter().filter(|q| q.0 == QuoteKind::Direct).collect();
    for q in &direct {
        eprintln!("{q:?}");
    }
    assert_eq!(direct.len(), 8, "{direct:#?}");
    for q in &direct {
        assert_eq!(q.2.as_deref(), Some("Andrey Kelin"), "{q:?}");
    }
    let starts = [
        "aimed at",
        "We do not perceive",
        "We previously offered",
        "We know that NATO",
        "Following the adoption",
        "Why do our",
        "Our position is",
        "at the moment",
    ];
    for (q, want) in direct.iter().zip(starts) {
        assert!(q.1.starts_with(want), "{q:?} should start with {want:?}");
    }
}

#[test]
fn reported_speech_with_speakers() {
    let qs = quotes();
    let indirect: Vec<_> = qs.iter().filter(|q| q.0 != QuoteKind::Direct).collect();
    for q in &indirect {
        eprintln!("{q:?}");
    }
    // Reported speech of the official under four different mentions, and of the foreign minister.
    let want = [
        ("The United States is using political pressure", "Andrey Kelin"),
        ("Moscow would take appropriate measures", "Andrey Kelin"),
        ("Moscow was monitoring this situation", "Andrey Kelin"),
        ("the situation in", "Andrey Kelin"),
        ("Stockholm had confirmed", "Andrey Kelin"),
        ("it should be addressed to", "Andrey Kelin"),
        ("while the Zapad-2017", "Andrey Kelin"),
        ("the UN", "Sergei Lavrov"),
    ];
    let mut ok = 0;
    for (start, who) in want {
        if indirect.iter().any(|q| q.1.starts_with(start) && q.2.as_deref() == Some(who)) {
            ok += 1;
        } else {
            eprintln!("missing: {start:?} by {who}");
        }
    }
    assert!(ok >= 7, "only {ok} of {} reported statements found", want.len());
}

#[test]
fn speakers_view_gives_the_title() {
    let norm = normalize(SAMPLE, &NormalizeOptions::default());
    let doc = parse(&norm);
    let ex = extract(&norm, &doc, &ExtractOptions::default());
    let view = copydesk_extract::speakers(&norm.text, &ex.quotes);
    let kelin = view.iter().find(|s| s.name == "Andrey Kelin").expect("speaker listed");
    assert_eq!(kelin.direct, 8);
    assert!(kelin.title.as_deref().is_some_and(|t| t.starts_with("director of")), "{kelin:?}");
}
