//! copydesk-parse: the structure of flattened, scraped article text.
//!
//! [`parse`] takes a [`NormalizedText`] and returns a [`Document`]: the article's blocks
//! (headline, standfirst, dateline, byline, paragraph, subheading, caption, credit, related,
//! boilerplate), each with its span and the rule that decided its kind, plus the headline,
//! dateline, byline, publication date and language. All spans are byte offsets into the
//! **normalized** text; map them to the raw input with [`NormalizedText::to_original`] (the
//! `copydesk` facade does this for you).
//!
//! The main text of a whole web page is found by a text-density classifier over lines
//! (module `content`): long lines dense in stopwords and ending in sentence punctuation score
//! positively, short lines and known furniture negatively, and the best-scoring run of lines is
//! the article body.

mod blocks;
mod byline;
mod content;
mod dateline;
mod document;
mod headline;
mod keyset;
mod lang;
mod lines;
mod patterns;
mod published;
mod shingles;

pub use document::{Block, BlockKind, Byline, Dateline, Document, Headline};
pub use published::first_date;

use copydesk_normalize::NormalizedText;

/// Parse normalized article text into a [`Document`]. Total: any text gives a result.
pub fn parse(norm: &NormalizedText) -> Document {
    parse_str(&norm.text)
}

/// Parse already-normalized text (spans are byte offsets into `text`).
pub fn parse_str(text: &str) -> Document {
    blocks::parse_text(text)
}
