//! Small hand-written fixtures for the cases of issue 3, and snapshot tests of the block kinds.

use copydesk_parse::{parse_str, BlockKind, Document};

fn kinds(text: &str, doc: &Document) -> String {
    doc.blocks.iter().map(|b| format!("{:<11} {:<18} {}\n", b.kind.as_str(), b.rule, b.span.slice(text))).collect()
}

/// A made-up web page: navigation, headline repeated under the title, byline, time stamp, body,
/// related links, a comment prompt and a footer.
const PAGE: &str = "Town Opens New Bridge After Decade of Delays | Example Gazette
Home
News
Sport
Weather
Sign in
Town Opens New Bridge After Decade of Delays
By Jane Roe and John Doe, Example Gazette Senior Reporter
Published: 12:03 EST, 3 May 2017 | Updated: 14:10 EST, 3 May 2017
The new bridge over the river opened on Tuesday after ten years of planning, and the mayor said it was the town's proudest day.
Hundreds of people walked across it in the morning, and the first cars were allowed on the road in the afternoon.
Costs and delays
The project cost twice what had been planned when the council first voted for it, according to the town's own figures.
\"We should have started earlier,\" the mayor told reporters at the opening, adding that the council had learned from its mistakes.
Related: Council approves budget for next year
Leave a comment
Sign up for our daily newsletter
© 2017 Example Gazette. All rights reserved.
";

#[test]
fn web_page_structure() {
    let doc = parse_str(PAGE);
    let h = doc.headline.as_ref().expect("headline");
    assert_eq!(h.span.slice(PAGE), "Town Opens New Bridge After Decade of Delays");
    assert!(h.span.start > 0, "the repeated headline, not the page title");
    let by = doc.byline.as_ref().expect("byline");
    assert_eq!(by.authors, vec!["Jane Roe", "John Doe"]);
    assert_eq!(doc.published.as_deref(), Some("2017-05-03"));
    assert_eq!(doc.language.as_deref(), Some("en"));
    let body: Vec<&str> = doc.blocks.iter().filter(|b| b.kind.is_body()).map(|b| b.span.slice(PAGE)).collect();
    assert_eq!(body.len(), 5, "{body:?}");
    assert_eq!(body[2], "Costs and delays");
    assert_eq!(doc.blocks_of(BlockKind::Subheading).count(), 1);
    assert_eq!(doc.blocks_of(BlockKind::Related).count(), 1);
    insta::assert_snapshot!("web_page", kinds(PAGE, &doc));
}

#[test]
fn wire_datelines_in_articles() {
    for (text, place, agency) in [
        (
            "Storm hits coast\n\nNAIROBI, Kenya (AP) _ Heavy rain fell across the city on Monday, officials said.",
            "Nairobi",
            Some("AP"),
        ),
        (
            "Markets fall\n\nLONDON, Nov 27 (Reuters) - Shares fell on Monday as investors worried about rates.",
            "London",
            Some("Reuters"),
        ),
        (
            "Quiet day\n\nPARIS — The city was quiet on Sunday after the storm had passed over the region.",
            "Paris",
            None,
        ),
    ] {
        let doc = parse_str(text);
        let d = doc.dateline.as_ref().unwrap_or_else(|| panic!("no dateline in {text}"));
        assert_eq!(d.place.as_deref(), Some(place));
        assert_eq!(d.agency.as_deref(), agency);
        assert_eq!(doc.blocks_of(BlockKind::Dateline).count(), 1);
    }
}

#[test]
fn no_wrong_authors() {
    let text = "Headline of the story\nBy Senior Reporter\n3 Minute Read\nThe story begins here with a long sentence about what happened in the town.";
    let doc = parse_str(text);
    assert!(doc.byline.as_ref().map_or(true, |b| b.authors.is_empty()));
}

#[test]
fn clean_article_headline_is_first_line() {
    let text = "Council votes to build a bridge.\n\nThe council voted on Tuesday to build a new bridge over the river, the mayor said.\n\nWork starts next year.";
    let doc = parse_str(text);
    assert_eq!(
        doc.headline.as_ref().map(|h| h.span.slice(text).to_string()).as_deref(),
        Some("Council votes to build a bridge.")
    );
    assert_eq!(doc.blocks_of(BlockKind::Paragraph).count(), 2);
}

#[test]
fn sample_snapshot() {
    let text = include_str!("../../../examples/sputnik-nato-balkans.txt");
    let norm = copydesk_normalize::normalize(text, &Default::default());
    let doc = copydesk_parse::parse(&norm);
    insta::assert_snapshot!("sputnik_sample", kinds(&norm.text, &doc));
}
