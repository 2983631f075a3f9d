//! Named entities (first cut: runs of capitalized words inside a sentence).

use crate::{Context, Entity, EntityLabel};
use copydesk_normalize::Span;
use once_cell::sync::Lazy;
use regex::Regex;

static CAP_RUN: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b").expect("entity regex"));

/// Find entity mentions: two or more capitalized words not at the start of a sentence are
/// taken as a PERSON. The entities issue replaces this with gazetteers and rules.
pub(crate) fn find(ctx: &Context) -> Vec<Entity> {
    let mut out = Vec::new();
    for sent in &ctx.sentences {
        let s = ctx.slice(sent.span);
        for m in CAP_RUN.find_iter(s) {
            if m.start() == 0 {
                continue;
            }
            out.push(Entity {
                span: Span::new(sent.span.start + m.start(), sent.span.start + m.end()),
                label: EntityLabel::Person,
                canonical: None,
            });
        }
    }
    out
}
