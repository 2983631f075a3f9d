//! copydesk-extract: what an article says.
//!
//! [`extract`] takes the normalized text and its parsed [`Document`] and finds sentences,
//! quotes with their speakers, named entities, acronyms, sums of money and dates. It works on
//! the article's content blocks (headline, standfirst, paragraphs, subheadings, captions);
//! all spans are byte offsets into the **normalized** text.

pub mod acronyms;
mod ascii_scan;
pub mod calendar;
mod context;
pub mod dates;
mod entities;
pub mod money;
pub mod numbers;
mod quotes;
mod sentences;
mod types;

pub use context::{Context, Segment};
pub use dates::find_dates_in;
pub use money::find_money_in;
pub use numbers::{find_numbers_in, NumberKind, NumberMention};
pub use quotes::{speakers, Speaker};
pub use sentences::split_text;
pub use types::{
    Acronym, AcronymSource, DateMention, Entity, EntityLabel, ExtractOptions, Extraction, Money, Quote, QuoteKind,
    Sentence,
};

use copydesk_normalize::NormalizedText;
use copydesk_parse::Document;

/// Extract everything from one parsed article. Total: any input gives a result.
pub fn extract(norm: &NormalizedText, doc: &Document, options: &ExtractOptions) -> Extraction {
    let ctx = Context::new(&norm.text, doc, options);
    // Acronyms first: entities group short forms with the long forms defined in the text.
    let acronyms = acronyms::find(&ctx, &[]);
    // The number finders cut each content segment into tokens once; the entity finder reads
    // its sentences' tokens off them.
    let mut sent_toks = entities::SentenceTokens::new(&ctx);
    let (money, dates, numbers) = numbers::find_all(&ctx, |k, toks| sent_toks.add_segment(&ctx, k, toks));
    sent_toks.finish(&ctx);
    let entities = entities::find_with(&ctx, &sent_toks, &acronyms::text_pairs(&acronyms));
    let quotes = quotes::find(&ctx, &entities);
    // (the context's sentences are moved out, not cloned: nothing reads the context any more)
    Extraction { sentences: ctx.sentences, quotes, entities, acronyms, money, dates, numbers }
}
