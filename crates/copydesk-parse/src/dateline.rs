//! Wire-style datelines at the start of a paragraph.

use crate::Dateline;
use copydesk_normalize::Span;
use once_cell::sync::Lazy;
use regex::Regex;

static DATELINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^(?P<place>[A-Z][A-Z.'\- ]{1,40}?)(?:, (?P<region>[A-Z][A-Za-z. ]{1,30}?))?(?:, (?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}))? ?(?:\((?P<agency>[A-Za-z][A-Za-z .&-]{0,30})\))? ?(?P<dash>—|–|--|-|_)\s*",
    )
    .expect("dateline regex")
});

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Find a dateline at the start of `para` (which begins at byte `offset` of the text).
/// Returns the dateline (span without the trailing space) and the end of what it consumed.
pub(crate) fn find(para: &str, offset: usize) -> Option<(Dateline, usize)> {
    let caps = DATELINE.captures(para)?;
    let place = caps.name("place")?.as_str().trim();
    if place.len() < 2 || place.chars().filter(|c| c.is_ascii_uppercase()).count() < 2 {
        return None;
    }
    let dash = caps.name("dash")?;
    let all = caps.get(0)?;
    Some((
        Dateline {
            span: Span::new(offset, offset + dash.end()),
            place: Some(title_case(place)),
            agency: caps.name("agency").map(|m| m.as_str().to_string()),
            date: None,
        },
        offset + all.end(),
    ))
}
