//! The parsed document and its blocks.

use copydesk_normalize::Span;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The kind of a block of article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// The article's title.
    Headline,
    /// A summary paragraph under the headline.
    Standfirst,
    /// "MOSCOW (Sputnik) —" at the start of the first paragraph.
    Dateline,
    /// "By John Smith".
    Byline,
    /// A paragraph of the article body.
    Paragraph,
    /// A heading inside the body.
    Subheading,
    /// A photo or video caption.
    Caption,
    /// A photo credit ("© Sputnik / Stringer").
    Credit,
    /// A link to another article ("READ MORE: ...").
    Related,
    /// Page furniture: subscribe prompts, comment widgets, navigation, ...
    Boilerplate,
}

impl BlockKind {
    /// The contract name of the kind ("headline", "paragraph", ...).
    pub fn as_str(&self) -> &'static str {
        match self {
            BlockKind::Headline => "headline",
            BlockKind::Standfirst => "standfirst",
            BlockKind::Dateline => "dateline",
            BlockKind::Byline => "byline",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Subheading => "subheading",
            BlockKind::Caption => "caption",
            BlockKind::Credit => "credit",
            BlockKind::Related => "related",
            BlockKind::Boilerplate => "boilerplate",
        }
    }

    /// True for the kinds that make up the article body (paragraphs and subheadings).
    pub fn is_body(&self) -> bool {
        matches!(self, BlockKind::Paragraph | BlockKind::Subheading)
    }
}

/// One block: a kind, its span and the rule that decided the kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Where it is (bytes of normalized text).
    pub span: Span,
    /// Name of the rule that decided the kind, for auditing. Borrowed from the rule table
    /// (no allocation per block: a page of a million lines has a million blocks).
    pub rule: Cow<'static, str>,
}

/// The headline, with a trailing attribution ("... - Russian Foreign Ministry") when present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Headline {
    /// The whole headline line.
    pub span: Span,
    /// The trailing attribution, if any.
    pub attribution: Option<Span>,
}

/// A wire-style dateline: "MOSCOW (Sputnik) —".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The dateline as written, including its closing dash.
    pub span: Span,
    /// Place in normal case ("Moscow").
    pub place: Option<String>,
    /// News agency ("Sputnik", "Reuters").
    pub agency: Option<String>,
    /// Date in the dateline, ISO 8601 (possibly partial), when present.
    pub date: Option<String>,
}

/// A byline and the authors it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Byline {
    /// The byline as written.
    pub span: Span,
    /// Author names, in order.
    pub authors: Vec<String>,
}

/// The parsed structure of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Blocks in text order, non-overlapping.
    pub blocks: Vec<Block>,
    /// The headline, if found.
    pub headline: Option<Headline>,
    /// The dateline, if found.
    pub dateline: Option<Dateline>,
    /// The byline, if found.
    pub byline: Option<Byline>,
    /// Publication date (ISO 8601) found in the text.
    pub published: Option<String>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
}

impl Document {
    /// Blocks of the given kind.
    pub fn blocks_of(&self, kind: BlockKind) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(move |b| b.kind == kind)
    }
}
