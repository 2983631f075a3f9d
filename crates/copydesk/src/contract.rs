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
