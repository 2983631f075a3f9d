//! The result for one article, with spans into the raw input.

use copydesk_extract::{Acronym, DateMention, Entity, Money, Quote, Sentence};
use copydesk_normalize::Span;
use copydesk_parse::Block;
use serde::{Deserialize, Serialize};

/// The texts (in `text`) of the body blocks of `blocks`.
fn body_pieces<'a>(text: &'a str, blocks: &'a [Block]) -> impl Iterator<Item = &'a str> + Clone {
    blocks.iter().filter(|b| b.kind.is_body()).map(move |b| b.span.slice(text))
}

/// The body: `pieces` joined by blank lines, written at once into a string of its own length.
pub(crate) fn join_body<'a>(pieces: impl Iterator<Item = &'a str> + Clone) -> String {
    let (n, len) = pieces.clone().fold((0usize, 0), |(n, len), b| (n + 1, len + b.len()));
    let mut body = String::with_capacity(len + 2 * n.saturating_sub(1));
    for (k, b) in pieces.enumerate() {
        if k > 0 {
            body.push_str("\n\n");
        }
        body.push_str(b);
    }
    body
}

/// The body blocks of `blocks` as written in `text` (their spans' texts), joined by blank lines:
/// [`Article::body_as_written`] for a text and blocks held apart from their article.
pub fn body_of(text: &str, blocks: &[Block]) -> String {
    join_body(body_pieces(text, blocks))
}

/// [`Article::speakers`] of the quotes `quotes` of `text`, for a text and quotes held apart from
/// their article.
pub fn speakers_of(text: &str, quotes: &[Quote]) -> Vec<ArticleSpeaker> {
    let base = copydesk_extract::speakers(text, quotes);
    let index: foldhash::HashMap<&str, usize> = base.iter().enumerate().map(|(i, s)| (s.name.as_str(), i)).collect();
    let mut theirs: Vec<Vec<usize>> = vec![Vec::new(); base.len()];
    let mut mention: Vec<Option<Span>> = vec![None; base.len()];
    for (qi, q) in quotes.iter().enumerate() {
        let Some(&si) = q.speaker.as_deref().and_then(|n| index.get(n)) else { continue };
        theirs[si].push(qi);
        if mention[si].is_none() {
            mention[si] = q.speaker_mention;
        }
    }
    base.into_iter()
        .zip(theirs.into_iter().zip(mention))
        .map(|(s, (quotes, mention))| ArticleSpeaker {
            name: s.name,
            title: s.title,
            direct: s.direct,
            mixed: s.mixed,
            indirect: s.indirect,
            quotes,
            mention,
        })
        .collect()
}

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

/// One speaker of an article (see [`Article::speakers`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSpeaker {
    /// Resolved name ("Andrey Kelin").
    pub name: String,
    /// Title or affiliation the article gives next to a mention ("Foreign Minister").
    pub title: Option<String>,
    /// Number of direct quotes.
    pub direct: usize,
    /// Number of mixed quotes.
    pub mixed: usize,
    /// Number of indirect (reported) quotes.
    pub indirect: usize,
    /// Indices into [`Article::quotes`] of this speaker's quotes, in text order.
    pub quotes: Vec<usize>,
    /// The first mention of the speaker next to one of their quotes (bytes of raw input).
    pub mention: Option<Span>,
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

    /// The body blocks as written in `text` (spans of raw input), joined by blank lines: the
    /// [`Article::body`] itself whenever normalization left the body's text as it was (see
    /// [`Article::body_is_as_written`]).
    pub fn body_as_written(&self) -> String {
        body_of(&self.text, &self.blocks)
    }

    /// Whether [`Article::body`] is [`Article::body_as_written`] (told without building it).
    pub fn body_is_as_written(&self) -> bool {
        let mut rest = self.body.as_bytes();
        for (k, piece) in body_pieces(&self.text, &self.blocks).enumerate() {
            if k > 0 {
                let Some(r) = rest.strip_prefix(b"\n\n") else { return false };
                rest = r;
            }
            let Some(r) = rest.strip_prefix(piece.as_bytes()) else { return false };
            rest = r;
        }
        rest.is_empty()
    }

    /// The speakers view: everyone quoted, in order of first appearance, with counts by kind,
    /// the title the article gives, the indices of their quotes and their first mention.
    pub fn speakers(&self) -> Vec<ArticleSpeaker> {
        speakers_of(&self.text, &self.quotes)
    }

    /// Serialize to the JSON contract (code-point offsets), one line.
    pub fn to_json(&self) -> String {
        crate::contract::to_json(self)
    }

    /// The JSON contract as a `serde_json::Value`.
    pub fn to_value(&self) -> serde_json::Value {
        crate::contract::to_value(self)
    }

    /// The contract's `"dateline"` value alone: what `to_value()["dateline"]` holds, without
    /// building the rest.
    pub fn dateline_value(&self) -> serde_json::Value {
        crate::contract::dateline_value(self)
    }

    /// The contract's `"byline"` value alone: what `to_value()["byline"]` holds, without
    /// building the rest.
    pub fn byline_value(&self) -> serde_json::Value {
        crate::contract::byline_value(self)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn serde_round_trip_keeps_every_value() {
        // amounts whose f64 needs all 17 digits to come back the same (pickling goes through this)
        let a = crate::process(
            "Budget Talks\n\nThe deal was worth $4.06 trillion, or 4.1bn rupees, at 138p a share, and $1.07bn more.",
        );
        assert!(a.money.len() >= 3, "{:?}", a.money);
        let json = serde_json::to_string(&a).unwrap_or_default();
        let back: Result<crate::Article, _> = serde_json::from_str(&json);
        assert_eq!(back.ok().as_ref(), Some(&a));
    }

    #[test]
    fn body_as_written_when_normalization_left_it() {
        let plain = crate::process("Headline Here\n\nThe first paragraph says a lot.\n\nThe second one, more.");
        assert!(plain.body_is_as_written());
        assert_eq!(plain.body_as_written(), plain.body);
        // a non-breaking space and curly quotes in the body: the body is not the text as written
        let fixed = crate::process("Headline Here\n\nThe first\u{a0}paragraph \u{201c}says\u{201d} a lot.");
        assert!(!fixed.body_is_as_written());
        assert_ne!(fixed.body_as_written(), fixed.body);
        let empty = crate::process("");
        assert!(empty.body_is_as_written() && empty.body_as_written().is_empty());
    }
}
