//! copydesk-parse: the structure of flattened, scraped article text.
//!
//! [`parse`] takes a [`NormalizedText`] and returns a [`Document`]: the article's blocks
//! (headline, standfirst, dateline, byline, paragraph, subheading, caption, credit, related,
//! boilerplate), each with its span, plus the headline, dateline, byline, publication date and
//! language. All spans are byte offsets into the **normalized** text; map them to the raw
//! input with [`NormalizedText::to_original`] (the `copydesk` facade does this for you).

mod blocks;
mod dateline;
mod document;

pub use document::{Block, BlockKind, Byline, Dateline, Document, Headline};

use copydesk_normalize::NormalizedText;

/// Parse normalized article text into a [`Document`]. Total: any text gives a result.
pub fn parse(norm: &NormalizedText) -> Document {
    blocks::parse_text(&norm.text)
}
