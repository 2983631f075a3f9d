//! Parse a JSON-lines file of `{"id", "text"}` objects and print, per line, the parsed
//! structure in the shape of the copydesk contract (headline, byline, published, language, body,
//! blocks). For inspecting the parser without the rest of the pipeline:
//! `cargo run --release -p copydesk-parse --example parse_jsonl -- input.jsonl > out.jsonl`

use copydesk_normalize::{normalize, NormalizeOptions};
use copydesk_parse::parse;
use std::io::{BufRead, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: parse_jsonl INPUT.jsonl")?;
    let file = std::io::BufReader::new(std::fs::File::open(path)?);
    let out = std::io::stdout();
    let mut out = out.lock();
    let opts = NormalizeOptions::default();
    for line in file.lines() {
        let line = line?;
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let text = v.get("text").and_then(|t| t.as_str()).unwrap_or("");
        let norm = normalize(text, &opts);
        let doc = parse(&norm);
        let t = &norm.text;
        let body: Vec<&str> = doc.blocks.iter().filter(|b| b.kind.is_body()).map(|b| b.span.slice(t)).collect();
        let blocks: Vec<_> = doc
            .blocks
            .iter()
            .map(|b| serde_json::json!({"kind": b.kind.as_str(), "rule": b.rule, "text": b.span.slice(t)}))
            .collect();
        let o = serde_json::json!({
            "id": v.get("id"),
            "headline": doc.headline.as_ref().map(|h| norm.to_original(h.span).slice(text)),
            "attribution": doc.headline.as_ref().and_then(|h| h.attribution).map(|a| a.slice(t)),
            "byline": doc.byline.as_ref().map(|b| serde_json::json!({"authors": b.authors, "text": b.span.slice(t)})),
            "dateline": doc.dateline,
            "published": doc.published,
            "language": doc.language,
            "body": body.join("\n\n"),
            "blocks": blocks,
        });
        writeln!(out, "{o}")?;
    }
    Ok(())
}
