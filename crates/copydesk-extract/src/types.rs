//! Result types of extraction. Spans are bytes of normalized text.

use copydesk_normalize::Span;
use serde::{Deserialize, Serialize};

/// Options for extraction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExtractOptions {
    /// The article's publication date (ISO 8601), overriding any found in the text.
    pub published: Option<String>,
}

/// One sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where it is.
    pub span: Span,
    /// Index of the segment (content block) it belongs to.
    pub segment: usize,
}

/// How a quote is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuoteKind {
    /// Wholly in quotation marks.
    Direct,
    /// Reported speech containing a partial quotation.
    Mixed,
    /// Reported speech without quotation marks.
    Indirect,
}

impl QuoteKind {
    /// Contract name.
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// A quotation and who said it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quotation as written: outer marks included; a quote split by its attribution spans both parts.
    pub span: Span,
    /// The quoted content without its outer marks (the hull of the parts for a split quote).
    pub content: Span,
    /// Direct, mixed or indirect.
    pub kind: QuoteKind,
    /// Resolved speaker name ("Andrey Kelin" for "he").
    pub speaker: Option<String>,
    /// The mention of the speaker next to the quote.
    pub speaker_mention: Option<Span>,
    /// The speech verb or cue ("said", "told", "according to").
    pub cue: Option<String>,
}

/// Entity label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
pub enum EntityLabel {
    /// People.
    Person,
    /// Organisations.
    Org,
    /// Countries, cities, regions, geographic features.
    Loc,
    /// Nationalities, religious and political groups.
    Norp,
    /// Named events.
    Event,
    /// Other names.
    Misc,
}

impl EntityLabel {
    /// Contract name ("PERSON", "ORG", ...).
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityLabel::Person => "PERSON",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
            EntityLabel::Norp => "NORP",
            EntityLabel::Event => "EVENT",
            EntityLabel::Misc => "MISC",
        }
    }
}

/// A named-entity mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub label: EntityLabel,
    /// Canonical name of the entity this mention refers to ("Andrey Kelin" for "Kelin",
    /// "Russia" for "Russian").
    pub canonical: Option<String>,
}

/// Where an acronym's expansion comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AcronymSource {
    /// Defined in the article.
    Text,
    /// From copydesk's shipped list of well-known acronyms.
    Known,
}

/// An acronym and its expansion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acronym {
    /// The short form ("NRC").
    pub short: String,
    /// The long form ("NATO-Russia Council").
    pub long: String,
    /// Span of the long form in the text (for "text" acronyms) or of the short form (for "known").
    pub span: Span,
    /// Span of the short form where it is defined.
    pub short_span: Option<Span>,
    /// Defined here or known.
    pub source: AcronymSource,
}

/// A sum of money.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Money {
    /// Where it is.
    pub span: Span,
    /// Amount (the lower bound for a range).
    pub value: f64,
    /// Upper bound for a range ("$5 to $7 million").
    pub value_max: Option<f64>,
    /// ISO 4217 code.
    pub currency: String,
}

/// A date or temporal expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// Where it is.
    pub span: Span,
    /// ISO 8601 value, possibly partial ("2019", "2017-11"); None when it cannot be resolved.
    pub value: Option<String>,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
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
    /// Numbers and percentages (outside sums of money and dates).
    #[serde(default)]
    pub numbers: Vec<crate::NumberMention>,
}
