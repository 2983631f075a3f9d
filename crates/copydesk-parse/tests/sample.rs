//! The sample article (examples/sputnik-nato-balkans.txt): every block with its kind.

use copydesk_normalize::{normalize, NormalizeOptions};
use copydesk_parse::{parse, BlockKind};

const SAMPLE: &str = include_str!("../../../examples/sputnik-nato-balkans.txt");

fn blocks() -> (String, Vec<(BlockKind, String)>, copydesk_parse::Document) {
    let norm = normalize(SAMPLE, &NormalizeOptions::default());
    let doc = parse(&norm);
    let v = doc.blocks.iter().map(|b| (b.kind, b.span.slice(&norm.text).to_string())).collect();
    (norm.text.clone(), v, doc)
}

#[test]
fn sample_block_kinds_in_order() {
    let (_, blocks, _) = blocks();
    use BlockKind::*;
    // My reading of the page: title, credit glued to caption, caption repeated with the site
    // name, a subscribe prompt, standfirst, dateline, body with three subheadings and four
    // READ MORE links, then the comment widget and a leftover in Russian.
    let kinds: Vec<BlockKind> = blocks.iter().map(|(k, _)| *k).collect();
    let mut want =
        vec![Headline, Credit, Caption, Caption, Boilerplate, Standfirst, Dateline, Paragraph, Paragraph, Related];
    want.extend([Paragraph; 4]);
    want.push(Subheading);
    want.push(Paragraph);
    want.push(Related);
    want.extend([Paragraph; 5]);
    want.push(Related);
    want.push(Subheading);
    want.extend([Paragraph; 5]);
    want.push(Subheading);
    want.extend([Paragraph; 4]);
    want.push(Related);
    want.extend([Boilerplate; 7]);
    assert_eq!(kinds, want);
}

#[test]
fn sample_block_texts() {
    let (_, blocks, _) = blocks();
    let text_of = |k: BlockKind| blocks.iter().filter(|(b, _)| *b == k).map(|(_, t)| t.as_str()).collect::<Vec<_>>();
    assert_eq!(text_of(BlockKind::Credit), vec!["© Sputnik / Stringer / Go to the mediabank"]);
    let captions = text_of(BlockKind::Caption);
    assert_eq!(captions[0], "NATO's multinational battalion in Poland. (File)");
    assert!(captions[1].ends_with("- Sputnik International"));
    assert_eq!(text_of(BlockKind::Dateline), vec!["MOSCOW (Sputnik) —"]);
    assert!(text_of(BlockKind::Standfirst)[0].starts_with("The director of the Russian Foreign Ministry"));
    assert_eq!(
        text_of(BlockKind::Subheading),
        vec![
            "Airspace Over Baltic Region",
            "Concerns Over Russian-Belarusian Zapad-2017 Drills",
            "Russia's Position on Donbass"
        ]
    );
    assert!(text_of(BlockKind::Related).iter().all(|t| t.starts_with("READ MORE:")));
    let boiler = text_of(BlockKind::Boilerplate);
    assert_eq!(boiler.first(), Some(&"Subscribe"));
    assert_eq!(boiler.last(), Some(&"Заголовок открываемого материала"));
    assert!(boiler.contains(&"log in or register"));
    let paragraphs = text_of(BlockKind::Paragraph);
    assert!(paragraphs[0].starts_with("The United States is using political pressure"));
    assert!(paragraphs.last().is_some_and(|p| p.starts_with("This stance has been recently voiced")));
}

#[test]
fn sample_fields() {
    let (text, _, doc) = blocks();
    let h = doc.headline.expect("headline");
    assert_eq!(h.span.slice(&text), "US Using Political Pressure to Draw Balkans Into NATO - Russian Foreign Ministry");
    assert_eq!(h.attribution.map(|a| a.slice(&text)), Some("Russian Foreign Ministry"));
    let d = doc.dateline.expect("dateline");
    assert_eq!(d.place.as_deref(), Some("Moscow"));
    assert_eq!(d.agency.as_deref(), Some("Sputnik"));
    assert_eq!(doc.language.as_deref(), Some("en"));
    assert!(doc.byline.is_none());
}
