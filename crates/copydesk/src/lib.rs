//! copydesk: raw news text in, structured records out.
//!
//! ```
//! let raw = "Minister Warns of Cuts\n\nLONDON (Reuters) - \"We will cut spending by $5 billion this year,\" Finance Minister Jane Doe said on Tuesday.";
//! let article = copydesk::process(raw);
//! assert_eq!(article.headline.as_deref(), Some("Minister Warns of Cuts"));
//! assert_eq!(article.quotes.len(), 1);
//! let json = article.to_json();
//! assert!(json.contains("\"headline\":\"Minister Warns of Cuts\""));
//! ```
//!
//! Spans in [`Article`] are byte offsets into the raw input; the JSON output ([`Article::to_json`])
//! uses Unicode code-point offsets, as Python does.

mod article;
pub mod cli;
mod contract;
mod html;
mod options;
pub mod parallel;
mod pipeline;

pub use article::{body_of, speakers_of, Article, ArticleByline, ArticleDateline, ArticleSpeaker};
pub use copydesk_extract::{
    Acronym, AcronymSource, DateMention, Entity, EntityLabel, Money, NumberKind, NumberMention, Quote, QuoteKind,
    Sentence,
};
pub use copydesk_normalize::{normalize, CharIndex, NormalizeOptions, NormalizedText, Span, UnicodeForm};
pub use copydesk_parse::{Block, BlockKind};
pub use html::{decode_html_bytes, process_html, process_html_bytes, PageInfo};
pub use options::{Options, OptionsError};
pub use pipeline::{process, process_with};

/// The README's Rust examples, run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
