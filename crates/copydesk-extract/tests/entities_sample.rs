//! Entities and acronyms of the sample article (examples/sputnik-nato-balkans.txt).

use copydesk_extract::{extract, AcronymSource, EntityLabel, ExtractOptions, Extraction};
use copydesk_normalize::{normalize, NormalizeOptions, NormalizedText};

fn run(raw: &str) -> (NormalizedText, Extraction) {
    let norm = normalize(raw, &NormalizeOptions::default());
    let doc = copydesk_parse::parse(&norm);
    let ex = extract(&norm, &doc, &ExtractOptions::default());
    (norm, ex)
}

fn has(norm: &NormalizedText, ex: &Extraction, text: &str, label: EntityLabel) -> bool {
    ex.entities.iter().any(|e| e.label == label && e.span.slice(&norm.text) == text)
}

#[test]
fn sample_article_entities() {
    let raw = include_str!("../../../examples/sputnik-nato-balkans.txt");
    let (norm, ex) = run(raw);
    let expect = [
        ("Andrey Kelin", EntityLabel::Person),
        ("Sergei Lavrov", EntityLabel::Person),
        ("Russian Foreign Ministry", EntityLabel::Org),
        ("Department of European Cooperation", EntityLabel::Org),
        ("Pentagon", EntityLabel::Org),
        ("ICAO", EntityLabel::Org),
        ("International Civil Aviation Organization", EntityLabel::Org),
        ("NATO-Russia Council", EntityLabel::Org),
        ("OSCE Special Monitoring Mission", EntityLabel::Org),
        ("General Staff", EntityLabel::Org),
        ("Poland", EntityLabel::Loc),
        ("Montenegro", EntityLabel::Loc),
        ("Finland", EntityLabel::Loc),
        ("Sweden", EntityLabel::Loc),
        ("Helsinki", EntityLabel::Loc),
        ("Stockholm", EntityLabel::Loc),
        ("Warsaw", EntityLabel::Loc),
        ("Australia", EntityLabel::Loc),
        ("Georgia", EntityLabel::Loc),
        ("Jordan", EntityLabel::Loc),
        ("Belarus", EntityLabel::Loc),
        ("Eastern Europe", EntityLabel::Loc),
        ("Donbass", EntityLabel::Loc),
        ("Kiev", EntityLabel::Loc),
        ("Balkans", EntityLabel::Loc),
        ("Zapad-2017", EntityLabel::Event),
    ];
    let missing: Vec<_> = expect.iter().filter(|(t, l)| !has(&norm, &ex, t, *l)).collect();
    assert!(missing.is_empty(), "missing {missing:?}");
    // Surname mentions take the full name.
    let kelin: Vec<_> = ex.entities.iter().filter(|e| e.span.slice(&norm.text) == "Kelin").collect();
    assert!(!kelin.is_empty());
    assert!(kelin.iter().all(|e| e.label == EntityLabel::Person && e.canonical.as_deref() == Some("Andrey Kelin")));
    // Demonyms point at their country.
    assert!(ex.entities.iter().any(|e| e.span.slice(&norm.text) == "Russian"
        && e.label == EntityLabel::Norp
        && e.canonical.as_deref() == Some("Russia")));
}

#[test]
fn sample_article_acronyms() {
    let raw = include_str!("../../../examples/sputnik-nato-balkans.txt");
    let (_, ex) = run(raw);
    let text: Vec<(&str, &str)> = ex
        .acronyms
        .iter()
        .filter(|a| a.source == AcronymSource::Text)
        .map(|a| (a.short.as_str(), a.long.as_str()))
        .collect();
    for (s, l) in [
        ("DEC", "Department of European Cooperation"),
        ("ICAO", "International Civil Aviation Organization"),
        ("NRC", "NATO-Russia Council"),
        ("DPR", "Donetsk People's Republic"),
        ("LPR", "Lugansk People's Republic"),
    ] {
        assert!(text.iter().any(|(a, b)| *a == s && b.eq_ignore_ascii_case(l)), "missing {s} = {l} in {text:?}");
    }
    assert!(ex.acronyms.iter().any(|a| a.short == "NATO" && a.source == AcronymSource::Known));
}

/// The entities list lives as long as the article: it holds its mentions and no room for more
/// (the working list it is made from has room for one mention in eight tokens, several times
/// what an article names).
#[test]
fn entities_list_has_no_spare_room() {
    let raw = include_str!("../../../examples/sputnik-nato-balkans.txt");
    let long = "The committee met on Tuesday and the members talked about the budget for a long time. ".repeat(40);
    for text in [raw, long.as_str(), "", "Paris."] {
        let (_, ex) = run(text);
        assert_eq!(ex.entities.capacity(), ex.entities.len(), "{:?}", &text[..text.len().min(40)]);
    }
}
