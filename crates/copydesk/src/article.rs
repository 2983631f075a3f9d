//! The result for one article, with spans into the raw input.

use copydesk_extract::{Acronym, DateMention, Entity, Money, Quote, Sentence};
use copydesk_normalize::Span;
use copydesk_parse::Block;
use serde::{Deserialize, Serialize};

/// A dateline with its span in the raw input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleDateline {
    /// Where it is (bytes of raw input).
    pub span: Span,
    /// Place in normal case ("Moscow").
    pub place: Option<String>,
    /// News agency ("Sputnik").
    pub agency: Option<String>,
    /// Date in the dateline (ISO 8601), when present.
    pub date: Option<String>,
}

/// A byline with its span in the raw input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleByline {
    /// Where it is (bytes of raw input).
    pub span: Span,
    /// Author names.
    pub authors: Vec<String>,
}

/// Everything copydesk found in one article. All spans are byte offsets into [`Article::text`],
/// the raw input.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Caller's identifier.
    pub id: Option<String>,
    /// The raw input text (for HTML input: the extracted text).
    pub text: String,
    /// Headline text (normalized).
    pub headline: Option<String>,
    /// Headline span.
    pub headline_span: Option<Span>,
    /// Trailing attribution of the headline ("Russian Foreign Ministry").
    pub headline_attribution: Option<String>,
    /// Dateline.
    pub dateline: Option<ArticleDateline>,
    /// Byline.
    pub byline: Option<ArticleByline>,
    /// Publication date (ISO 8601): given by the caller or found in the text.
    pub published: Option<String>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
    /// Normalized body: paragraphs and subheadings joined by blank lines.
    pub body: String,
    /// Blocks in text order.
    pub blocks: Vec<Block>,
    /// Sentences of the content blocks.
    pub sentences: Vec<Sentence>,
    /// Quotes with speakers.
    pub quotes: Vec<Quote>,
    /// Named-entity mentions.
    pub entities: Vec<Entity>,
    /// Acronyms.
    pub acronyms: Vec<Acronym>,
    /// Sums of money.
    pub money: Vec<Money>,
    /// Dates.
    pub dates: Vec<DateMention>,
    /// Numbers and percentages outside money and dates.
    #[serde(default)]
    pub numbers: Vec<copydesk_extract::NumberMention>,
    /// True when the input was longer than `Options::max_bytes` and was cut.
    pub truncated: bool,
    /// Why this row has no result (bad input in a batch), if so.
    pub error: Option<String>,
    /// For HTML input: the page's type and the extraction's confidence (None for text input).
    #[serde(default)]
    pub page: Option<crate::html::PageInfo>,
}

impl Article {
    /// An empty result carrying an error message (for a bad row in a batch).
    pub fn from_error(id: Option<String>, error: impl Into<String>) -> Self {
        Article { id, error: Some(error.into()), ..Article::default() }
    }

    /// The raw text of a span ("" if out of bounds).
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The speakers view: everyone quoted, with counts by kind and the title the article gives.
    pub fn speakers(&self) -> Vec<copydesk_extract::Speaker> {
        copydesk_extract::speakers(&self.text, &self.quotes)
    }

    /// Serialize to the JSON contract (code-point offsets), one line.
    pub fn to_json(&self) -> String {
        crate::contract::to_json(self)
    }

    /// The JSON contract as a `serde_json::Value`.
    pub fn to_value(&self) -> serde_json::Value {
        crate::contract::to_value(self)
    }
}
