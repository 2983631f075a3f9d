//! Dates (first cut: four-digit years and month names).

use crate::{Context, DateMention};
use copydesk_normalize::Span;
use once_cell::sync::Lazy;
use regex::Regex;

static DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\b(?:(?P<mid>mid-)?(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)(?: (?P<myear>(?:19|20)\d\d))?|(?P<year>(?:19|20)\d\d))\b")
        .expect("date regex")
});

fn month_number(m: &str) -> u32 {
    const MONTHS: [&str; 12] = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ];
    MONTHS.iter().position(|x| *x == m).map_or(0, |i| i as u32 + 1)
}

/// Find years and month names; a bare month takes the year of the article's date.
pub(crate) fn find(ctx: &Context) -> Vec<DateMention> {
    let pub_year = ctx.published.as_deref().and_then(|p| p.get(0..4)).map(str::to_string);
    let mut out = Vec::new();
    for seg in &ctx.segments {
        let s = ctx.slice(seg.span);
        for c in DATE.captures_iter(s) {
            let Some(all) = c.get(0) else { continue };
            let value = if let Some(y) = c.name("year") {
                Some(y.as_str().to_string())
            } else if let Some(m) = c.name("month") {
                if m.as_str() == "May" && c.name("myear").is_none() {
                    continue;
                }
                let year = c.name("myear").map(|y| y.as_str().to_string()).or_else(|| pub_year.clone());
                year.map(|y| format!("{y}-{:02}", month_number(m.as_str())))
            } else {
                None
            };
            out.push(DateMention { span: Span::new(seg.span.start + all.start(), seg.span.start + all.end()), value });
        }
    }
    out
}
