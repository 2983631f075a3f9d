//! Acronyms defined in the text: "Long Form (LF)".

use crate::{Acronym, AcronymSource, Context, Entity};
use copydesk_normalize::Span;
use once_cell::sync::Lazy;
use regex::Regex;

static PAREN_SHORT: Lazy<Regex> = Lazy::new(|| Regex::new(r"\(([A-Z][A-Z0-9]{1,9})\)").expect("acronym regex"));

/// Find "Long Form (LF)" definitions whose long form's initials spell the short form.
pub(crate) fn find(ctx: &Context, _entities: &[Entity]) -> Vec<Acronym> {
    let mut out = Vec::new();
    for seg in &ctx.segments {
        let s = ctx.slice(seg.span);
        for c in PAREN_SHORT.captures_iter(s) {
            let (Some(all), Some(short)) = (c.get(0), c.get(1)) else { continue };
            let before = s[..all.start()].trim_end();
            let n = short.as_str().len();
            let words: Vec<(usize, &str)> = before
                .split(' ')
                .scan(0usize, |pos, w| {
                    let p = *pos;
                    *pos += w.len() + 1;
                    Some((p, w))
                })
                .collect();
            // Try the last n..n+3 words (allowing short function words).
            for take in n..=(n + 3).min(words.len()) {
                let cand = &words[words.len() - take..];
                let initials: String = cand
                    .iter()
                    .filter(|(_, w)| w.chars().next().is_some_and(|ch| ch.is_uppercase()))
                    .filter_map(|(_, w)| w.chars().next())
                    .collect();
                if initials == short.as_str() && cand[0].1.chars().next().is_some_and(|ch| ch.is_uppercase()) {
                    let start = seg.span.start + cand[0].0;
                    let end = seg.span.start + before.len();
                    out.push(Acronym {
                        short: short.as_str().to_string(),
                        long: s[cand[0].0..before.len()].to_string(),
                        span: Span::new(start, end),
                        short_span: Some(Span::new(seg.span.start + short.start(), seg.span.start + short.end())),
                        source: AcronymSource::Text,
                    });
                    break;
                }
            }
        }
    }
    out
}
