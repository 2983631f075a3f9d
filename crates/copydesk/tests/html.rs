//! HTML input: handmade pages (no real sites), malformed markup, charsets, non-article pages and
//! the contract invariant `text[start:end] == item text` for HTML articles.

use copydesk::{process_html, process_html_bytes, BlockKind, Options};
use proptest::prelude::*;
use serde_json::Value;

const ARTICLE: &str = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour Town Votes to Rebuild Old Pier | The Example Gazette</title>
<meta property="og:title" content="Harbour Town Votes to Rebuild Old Pier">
<meta property="og:site_name" content="The Example Gazette">
<meta property="og:type" content="article">
<meta name="author" content="Mara Quill">
<meta property="article:published_time" content="2022-06-14T09:30:00Z">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Harbour Town Votes to Rebuild Old Pier","datePublished":"2022-06-14T09:30:00Z",
"author":[{"@type":"Person","name":"Mara Quill"}],"publisher":{"@type":"Organization","name":"The Example Gazette"}}</script>
<style>body{font-family:serif}</style></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="ad">Advertisement</div>
<article>
<h1>Harbour Town Votes to Rebuild Old Pier</h1>
<p class="byline">By <a rel="author" href="/staff/mara">Mara Quill</a> <time datetime="2022-06-14">June 14, 2022</time></p>
<figure><img src="pier.jpg" alt="pier"><figcaption>The old pier at low tide last winter.</figcaption></figure>
<p>Councillors in the small harbour town voted on Monday to rebuild the wooden pier that storms damaged two winters ago, ending a long argument about the cost of repairs.</p>
<p>"We have waited long enough for this decision," said Deputy Mayor Alan Brook, who chaired the meeting. "The pier is the heart of the town and the fishing fleet needs it."</p>
<p>The plan will cost about $4.5 million and will be paid for partly by a regional grant, according to figures published by the council in March.</p>
<h2>Work to start in autumn</h2>
<p>Builders are expected to begin work in September, and the council hopes the new pier will open to the public by the summer of 2024, weather permitting.</p>
<p>Local fishermen welcomed the vote but warned that delays would hurt their income during the busy season, when visitors crowd the harbour every weekend.</p>
</article>
<aside><h3>Related</h3><a href="/a">Storm damage closes coastal road for a second week</a><a href="/b">More</a></aside>
<footer><p>Copyright The Example Gazette. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"#;

fn json(a: &copydesk::Article) -> Value {
    serde_json::from_str(&a.to_json()).expect("valid JSON")
}

/// Every item's offsets slice the carried text to the item's text (code-point offsets).
fn assert_contract(v: &Value) {
    let text: Vec<char> = v["text"].as_str().expect("HTML articles carry their text").chars().collect();
    let slice = |o: &Value| -> String {
        let s = o["start"].as_u64().unwrap() as usize;
        let e = o["end"].as_u64().unwrap() as usize;
        text[s..e].iter().collect()
    };
    for key in ["blocks", "entities", "money", "dates"] {
        for item in v[key].as_array().unwrap() {
            assert_eq!(slice(item), item["text"].as_str().unwrap(), "{key}: {item}");
        }
    }
    for q in v["quotes"].as_array().unwrap() {
        assert!(slice(q).contains(q["text"].as_str().unwrap()), "quote: {q}");
        if !q["speaker_mention"].is_null() {
            assert_eq!(slice(&q["speaker_mention"]), q["speaker_mention"]["text"].as_str().unwrap());
        }
    }
    for key in ["byline", "dateline"] {
        if !v[key].is_null() {
            assert_eq!(slice(&v[key]), v[key]["text"].as_str().unwrap(), "{key}");
        }
    }
}

#[test]
fn article_page_gives_headline_byline_date_and_body() {
    let a = process_html(ARTICLE, Some("https://example.org/news/pier"), &Options::default());
    assert_eq!(a.headline.as_deref(), Some("Harbour Town Votes to Rebuild Old Pier"));
    assert_eq!(a.byline.as_ref().map(|b| b.authors.clone()), Some(vec!["Mara Quill".to_string()]));
    assert_eq!(a.published.as_deref(), Some("2022-06-14"));
    assert!(a.body.contains("Councillors in the small harbour town voted"));
    assert!(a.body.contains("weather permitting."));
    assert!(!a.body.contains("Advertisement"));
    assert!(!a.body.contains("All rights reserved"));
    assert!(!a.body.contains("Home"));
    assert!(!a.body.contains("low tide"), "captions are not body");
    let page = a.page.as_ref().expect("HTML articles carry page info");
    assert!(page.is_article);
    assert!(page.extraction_confidence > 0.0);
    assert_eq!(a.blocks.first().map(|b| b.kind), Some(BlockKind::Headline));
    assert!(a.blocks.iter().any(|b| b.kind == BlockKind::Caption && a.slice(b.span).contains("low tide")));
    assert!(!a.quotes.is_empty());
    assert!(!a.money.is_empty());
}

#[test]
fn contract_invariant_holds_for_html() {
    let a = process_html(ARTICLE, None, &Options::default());
    let v = json(&a);
    assert!(v["page"].is_object());
    assert_contract(&v);
}

#[test]
fn text_input_has_no_text_or_page_field() {
    let v = json(&copydesk::process("Headline\n\nA paragraph of text."));
    assert!(v.get("text").is_none() && v.get("page").is_none());
}

#[test]
fn caller_date_wins_over_page_date() {
    let o = Options { published: Some("2023-01-02".into()), ..Options::default() };
    assert_eq!(process_html(ARTICLE, None, &o).published.as_deref(), Some("2023-01-02"));
}

#[test]
fn malformed_html_gives_a_result() {
    let cases = [
        "",
        "<",
        "<html><body><p>Unclosed paragraph <b>bold <i>both</p></div></span>",
        "<<<>>><p>\u{0}nul</p><script>never closed",
        "<p>Text without any other markup at all, just one sentence said here.</p>",
        "<html><head><title>Only a title</title></head></html>",
        "plain text, not HTML at all\n\nsecond paragraph",
    ];
    for c in cases {
        let a = process_html(c, None, &Options::default());
        assert!(a.page.is_some());
        assert_contract(&json(&a));
    }
}

#[test]
fn deep_nesting_and_huge_pages() {
    let deep = format!("{}<p>deep text here</p>{}", "<div>".repeat(5000), "</div>".repeat(5000));
    let _ = process_html(&deep, None, &Options::default());
    let para = "<p>The quick brown fox jumps over the lazy dog near the river bank today.</p>\n";
    let big = format!("<html><body><article>{}</article></body></html>", para.repeat(20_000));
    let o = Options { max_bytes: 200_000, ..Options::default() };
    let a = process_html(&big, None, &o);
    assert!(a.truncated);
    assert!(!a.body.is_empty());
}

#[test]
fn bytes_with_charsets() {
    let latin1 = b"<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9 opens</title></head><body><article><h1>Caf\xe9 opens</h1><p>The caf\xe9 on the corner opened its doors on Friday after a long renovation that took most of the year.</p></article></body></html>";
    let a = process_html_bytes(latin1, None, &Options::default());
    assert!(a.text.contains("café on the corner"));
    // Declared Latin-1 but really UTF-8: the bytes win.
    let wrong = "<meta charset=\"iso-8859-1\"><article><h1>Déjà vu</h1><p>Le café était plein de monde ce matin-là, comme tous les jours de marché.</p></article>";
    let a = process_html_bytes(wrong.as_bytes(), None, &Options::default());
    assert!(a.text.contains("café était"));
}

#[test]
fn listing_page_is_flagged() {
    let mut html = String::from("<html><head><title>Latest news</title></head><body><main><ul>");
    for i in 0..40 {
        html.push_str(&format!("<li><a href=\"/story/{i}\">Story number {i} headline</a></li>"));
    }
    html.push_str("</ul></main></body></html>");
    let a = process_html(&html, Some("https://example.org/news/"), &Options::default());
    let page = a.page.expect("page info");
    assert!(!page.is_article || page.extraction_confidence < 0.6, "{page:?}");
}

/// A sentence of running text for handmade pages.
const PROSE: &str = "The committee met again on Tuesday and agreed, after a long and careful debate, to publish its report before the end of the month.";

#[test]
fn lists_and_tables_in_the_article_stay_in_the_body() {
    // A schedule list between prose paragraphs: short lines the flat-text classifier would
    // leave outside its main run, but the page put them inside the article.
    let mut html = format!("<html><head><title>Summer tour dates announced | Example Music</title></head><body><article><h1>Summer tour dates announced</h1><p>{PROSE}</p><p>{PROSE}</p><h2>Tour dates</h2><ul>");
    for (i, city) in
        ["Northport", "Eastvale", "Westbrook", "Southmoor", "Lakeside", "Hillcrest", "Riverton", "Oakfield"]
            .iter()
            .enumerate()
    {
        html.push_str(&format!("<li>June {} – {city} @ Town Hall</li>", i + 3));
    }
    html.push_str("</ul><h3>More from Example Music</h3><ul>");
    for t in ["Band splits after final show", "Festival line-up leaks early", "Singer signs new record deal"] {
        html.push_str(&format!("<li><a href=\"/x\">{t}</a></li>"));
    }
    html.push_str("</ul></article></body></html>");
    let a = process_html(&html, None, &Options::default());
    assert!(a.body.contains("June 3 – Northport @ Town Hall"), "{}", a.body);
    assert!(a.body.contains("June 9 – Riverton @ Town Hall"), "{}", a.body);
    assert_contract(&json(&a));
}

#[test]
fn path_like_title_gives_way_to_the_first_heading() {
    let html = format!(
        "<html><head><title>Guides/Setup - Example Wiki</title><meta property=\"og:site_name\" content=\"Example Wiki\"></head><body><div id=\"content\"><h2>Setting up the tools</h2><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></body></html>"
    );
    let a = process_html(&html, None, &Options::default());
    assert_eq!(a.headline.as_deref(), Some("Setting up the tools"));
    assert!(a.byline.is_none(), "a heading is not a byline: {:?}", a.byline);
}

#[test]
fn byline_for_a_paper_and_lone_first_names() {
    let page = |author_ld: &str| {
        format!(
            "<html><head><title>Harbour repairs begin</title><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"Harbour repairs begin\",\"author\":{{\"@type\":\"Person\",\"name\":\"{author_ld}\"}}}}</script></head><body><article><h1>Harbour repairs begin</h1><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></article></body></html>"
        )
    };
    let a = process_html(&page("By Mara Quill And Tom Reed For The Sunday Example"), None, &Options::default());
    assert_eq!(a.byline.map(|b| b.authors), Some(vec!["Mara Quill".to_string(), "Tom Reed".to_string()]));
    // A lone first name no other part of the page confirms is left out (fewer authors beat wrong ones).
    let a = process_html(&page("Mara"), None, &Options::default());
    assert!(a.byline.map_or(true, |b| b.authors.is_empty()));
}

#[test]
fn commenter_is_not_the_author() {
    let html = format!(
        "<html><head><title>Harbour repairs begin</title></head><body><article><h1>Harbour repairs begin</h1><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></article><div class=\"comments\"><div class=\"comment\"><span class=\"comment-author\">Robin Vale</span><p>Great news, finally.</p></div></div></body></html>"
    );
    let a = process_html(&html, None, &Options::default());
    let authors = a.byline.map(|b| b.authors).unwrap_or_default();
    assert!(!authors.iter().any(|n| n.contains("Robin")), "{authors:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_tag_soup(parts in prop::collection::vec(prop_oneof![
        Just("<p>".to_string()), Just("</p>".to_string()), Just("<div>".to_string()), Just("</div>".to_string()),
        Just("<h1>".to_string()), Just("<br>".to_string()), Just("<script>".to_string()), Just("<!--".to_string()),
        Just("<figcaption>".to_string()), Just("<meta charset=\"x\">".to_string()),
        Just("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":".to_string()),
        "[a-zA-Zé\u{201c}\u{201d}\" .,]{0,40}",
    ], 0..60)) {
        let html = parts.concat();
        let a = process_html(&html, None, &Options::default());
        assert_contract(&json(&a));
        let _ = process_html_bytes(html.as_bytes(), None, &Options::default());
    }
}
