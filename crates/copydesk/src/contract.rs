//! The JSON output contract of DESIGN.md: code-point offsets into the raw input.

use crate::Article;
use copydesk_normalize::{CharIndex, Span};
use serde::Serialize;
use serde_json::Value;

#[derive(Serialize)]
struct JDateline<'a> {
    text: &'a str,
    place: Option<&'a str>,
    agency: Option<&'a str>,
    date: Option<&'a str>,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JByline<'a> {
    text: &'a str,
    authors: &'a [String],
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JBlock<'a> {
    kind: &'static str,
    start: usize,
    end: usize,
    text: &'a str,
    rule: &'a str,
}

#[derive(Serialize)]
struct JMention<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct JQuote<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: &'static str,
    speaker: Option<&'a str>,
    speaker_mention: Option<JMention<'a>>,
    cue: Option<&'a str>,
}

#[derive(Serialize)]
struct JEntity<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    label: &'static str,
    canonical: Option<&'a str>,
}

#[derive(Serialize)]
struct JAcronym<'a> {
    short: &'a str,
    long: &'a str,
    start: usize,
    end: usize,
    /// The span as written: the long form ("text") or the short form ("known").
    text: &'a str,
    source: &'static str,
}

#[derive(Serialize)]
struct JMoney<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    value: f64,
    value_max: Option<f64>,
    currency: &'a str,
}

#[derive(Serialize)]
struct JDate<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    value: Option<&'a str>,
}

#[derive(Serialize)]
struct JNumber<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    value: f64,
    /// "number" or "percent".
    kind: copydesk_extract::NumberKind,
}

#[derive(Serialize)]
struct JSpeaker<'a> {
    name: String,
    title: Option<String>,
    direct: usize,
    mixed: usize,
    indirect: usize,
    /// Indices into "quotes".
    quotes: Vec<usize>,
    /// The first mention next to one of the speaker's quotes.
    mention: Option<JMention<'a>>,
}

#[derive(Serialize)]
struct JArticle<'a> {
    id: Option<&'a str>,
    headline: Option<&'a str>,
    dateline: Option<JDateline<'a>>,
    byline: Option<JByline<'a>>,
    published: Option<&'a str>,
    language: Option<&'a str>,
    body: &'a str,
    blocks: Vec<JBlock<'a>>,
    quotes: Vec<JQuote<'a>>,
    entities: Vec<JEntity<'a>>,
    acronyms: Vec<JAcronym<'a>>,
    money: Vec<JMoney<'a>>,
    dates: Vec<JDate<'a>>,
    numbers: Vec<JNumber<'a>>,
    speakers: Vec<JSpeaker<'a>>,
    truncated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    /// HTML input only: the extracted text the offsets point into.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    /// HTML input only: page type and extraction confidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<&'a crate::html::PageInfo>,
}

fn build<'a>(a: &'a Article) -> JArticle<'a> {
    let ci = CharIndex::new(&a.text);
    let c = |s: Span| (ci.char_offset(s.start), ci.char_offset(s.end));
    let t = |s: Span| a.slice(s);
    JArticle {
        id: a.id.as_deref(),
        headline: a.headline.as_deref(),
        dateline: a.dateline.as_ref().map(|d| {
            let (start, end) = c(d.span);
            JDateline {
                text: t(d.span),
                place: d.place.as_deref(),
                agency: d.agency.as_deref(),
                date: d.date.as_deref(),
                start,
                end,
            }
        }),
        byline: a.byline.as_ref().map(|b| {
            let (start, end) = c(b.span);
            JByline { text: t(b.span), authors: &b.authors, start, end }
        }),
        published: a.published.as_deref(),
        language: a.language.as_deref(),
        body: &a.body,
        blocks: a
            .blocks
            .iter()
            .map(|b| {
                let (start, end) = c(b.span);
                JBlock { kind: b.kind.as_str(), start, end, text: t(b.span), rule: &b.rule }
            })
            .collect(),
        quotes: a
            .quotes
            .iter()
            .map(|q| {
                let (start, end) = c(q.span);
                JQuote {
                    start,
                    end,
                    text: t(q.content),
                    kind: q.kind.as_str(),
                    speaker: q.speaker.as_deref(),
                    speaker_mention: q.speaker_mention.map(|m| {
                        let (start, end) = c(m);
                        JMention { start, end, text: t(m) }
                    }),
                    cue: q.cue.as_deref(),
                }
            })
            .collect(),
        entities: a
            .entities
            .iter()
            .map(|e| {
                let (start, end) = c(e.span);
                JEntity { start, end, text: t(e.span), label: e.label.as_str(), canonical: e.canonical.as_deref() }
            })
            .collect(),
        acronyms: a
            .acronyms
            .iter()
            .map(|x| {
                let (start, end) = c(x.span);
                JAcronym {
                    short: &x.short,
                    long: &x.long,
                    start,
                    end,
                    text: t(x.span),
                    source: match x.source {
                        copydesk_extract::AcronymSource::Known => "known",
                        _ => "text",
                    },
                }
            })
            .collect(),
        money: a
            .money
            .iter()
            .map(|x| {
                let (start, end) = c(x.span);
                JMoney { start, end, text: t(x.span), value: x.value, value_max: x.value_max, currency: &x.currency }
            })
            .collect(),
        dates: a
            .dates
            .iter()
            .map(|x| {
                let (start, end) = c(x.span);
                JDate { start, end, text: t(x.span), value: x.value.as_deref() }
            })
            .collect(),
        numbers: a
            .numbers
            .iter()
            .map(|x| {
                let (start, end) = c(x.span);
                JNumber { start, end, text: t(x.span), value: x.value, kind: x.kind }
            })
            .collect(),
        speakers: a
            .speakers()
            .into_iter()
            .map(|s| JSpeaker {
                name: s.name,
                title: s.title,
                direct: s.direct,
                mixed: s.mixed,
                indirect: s.indirect,
                quotes: s.quotes,
                mention: s.mention.map(|m| {
                    let (start, end) = c(m);
                    JMention { start, end, text: t(m) }
                }),
            })
            .collect(),
        truncated: a.truncated,
        error: a.error.as_deref(),
        text: a.page.as_ref().map(|_| a.text.as_str()),
        page: a.page.as_ref(),
    }
}

/// One line of contract JSON.
pub(crate) fn to_json(a: &Article) -> String {
    serde_json::to_string(&build(a)).unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()))
}

/// The contract as a JSON value.
pub(crate) fn to_value(a: &Article) -> Value {
    serde_json::to_value(build(a)).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `raw[start:end]` in code points, as Python slices it.
    fn cp_slice(raw: &str, item: &Value) -> String {
        let (s, e) = (item["start"].as_u64().unwrap_or(0) as usize, item["end"].as_u64().unwrap_or(0) as usize);
        raw.chars().skip(s).take(e.saturating_sub(s)).collect()
    }

    const RAW: &str = "Caf\u{e9} Budget Talks \u{2014} \u{00c5}rhus\n\n\
        \u{201c}We will not accept a 4.5 per cent cut,\u{201d} said Finance Minister Ana L\u{f3}pez on Tuesday. \
        About 1,200 people attended.\n\n\
        \u{201c}The numbers do not add up,\u{201d} L\u{f3}pez added. \u{201c}Talks continue next week,\u{201d} she said.";

    #[test]
    fn numbers_use_code_point_offsets() {
        let v = to_value(&crate::process(RAW));
        let numbers = v["numbers"].as_array().expect("numbers array");
        assert!(!numbers.is_empty(), "{v}");
        for n in numbers {
            assert_eq!(cp_slice(RAW, n), n["text"].as_str().unwrap_or("?"), "{n}");
            assert!(matches!(n["kind"].as_str(), Some("number" | "percent")), "{n}");
            assert!(n["value"].is_number());
        }
        assert!(numbers.iter().any(|n| n["kind"] == "percent" && n["value"] == 4.5), "{numbers:?}");
    }

    #[test]
    fn speakers_count_quotes_and_point_at_a_mention() {
        let a = crate::process(RAW);
        let v = to_value(&a);
        let speakers = v["speakers"].as_array().expect("speakers array");
        let quotes = v["quotes"].as_array().expect("quotes array");
        let attributed = quotes.iter().filter(|q| !q["speaker"].is_null()).count();
        let mut listed = 0;
        for s in speakers {
            let idx = s["quotes"].as_array().expect("quote indices");
            let total = ["direct", "mixed", "indirect"].iter().map(|k| s[k].as_u64().unwrap_or(0)).sum::<u64>();
            assert_eq!(total as usize, idx.len(), "{s}");
            for i in idx {
                assert_eq!(quotes[i.as_u64().unwrap_or(0) as usize]["speaker"], s["name"]);
            }
            listed += idx.len();
            if !s["mention"].is_null() {
                assert_eq!(cp_slice(RAW, &s["mention"]), s["mention"]["text"].as_str().unwrap_or("?"));
            }
        }
        assert_eq!(listed, attributed);
        assert_eq!(a.speakers().len(), speakers.len());
    }

    #[test]
    fn acronym_text_is_the_span_as_written() {
        let raw = "Talks\n\nThe World Health Organization (WHO) said on Monday that the WHO would act.";
        let v = to_value(&crate::process(raw));
        for x in v["acronyms"].as_array().expect("acronyms array") {
            assert_eq!(cp_slice(raw, x), x["text"].as_str().unwrap_or("?"), "{x}");
        }
    }

    #[test]
    fn error_rows_have_empty_views() {
        let v = to_value(&Article::from_error(None, "row 0: missing text"));
        assert_eq!(v["numbers"], serde_json::json!([]));
        assert_eq!(v["speakers"], serde_json::json!([]));
        assert_eq!(v["error"], "row 0: missing text");
    }
}
