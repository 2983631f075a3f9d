//! What every extractor sees: the text, its content segments and sentences, the article date.

use crate::{sentences, ExtractOptions, Sentence};
use copydesk_normalize::Span;
use copydesk_parse::{BlockKind, Document};

/// A content block the extractors look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Where it is (bytes of normalized text).
    pub span: Span,
    /// Its block kind.
    pub kind: BlockKind,
}

/// Shared input of the extractors.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The whole normalized text.
    pub text: &'a str,
    /// Content blocks in text order: headline, standfirst, paragraphs, subheadings, captions.
    pub segments: Vec<Segment>,
    /// Sentences of the content blocks, in text order.
    pub sentences: Vec<Sentence>,
    /// The article's publication date (ISO 8601), to resolve relative dates.
    pub published: Option<String>,
}

impl<'a> Context<'a> {
    /// Build the context: select content blocks and split them into sentences.
    pub fn new(text: &'a str, doc: &Document, options: &ExtractOptions) -> Self {
        // (room for all blocks: most are content, and the list is not grown)
        let mut segments: Vec<Segment> = Vec::with_capacity(doc.blocks.len());
        segments.extend(
            doc.blocks
                .iter()
                .filter(|b| {
                    matches!(
                        b.kind,
                        BlockKind::Headline
                            | BlockKind::Standfirst
                            | BlockKind::Paragraph
                            | BlockKind::Subheading
                            | BlockKind::Caption
                    )
                })
                .map(|b| Segment { span: b.span, kind: b.kind }),
        );
        let sentences = sentences::split(text, &segments);
        let published = options.published.clone().or_else(|| doc.published.clone());
        Context { text, segments, sentences, published }
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &'a str {
        span.slice(self.text)
    }
}
