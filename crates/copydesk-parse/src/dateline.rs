//! Wire-style datelines at the start of a paragraph: "MOSCOW (Sputnik) —", "NAIROBI, Kenya (AP) _",
//! "LONDON, Nov 27 (Reuters) -", "BEIJING, Dec. 1 (Xinhua) --", "PARIS —",
//! "NEW YORK, Sept. 12, 2017 /PRNewswire/ --".

use crate::Dateline;
use copydesk_normalize::Span;
use once_cell::sync::Lazy;
use regex::Regex;

static DATELINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?x)^
        (?:(?P<place>[A-Z][A-Za-z.'\-]*(?:\ [A-Z][A-Za-z.'\-]*){0,3})
           (?:,\ (?P<region>[A-Z][A-Za-z.]*(?:\ [A-Z][A-Za-z.]*){0,2}))?
           ,?\ )?
        (?:(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\ (?P<day>[0-9]{1,2})(?:,\ (?P<year>(?:19|20)[0-9][0-9]))?\ ?)?
        (?:\((?P<agency>[A-Za-z][A-Za-z\ .&\-]{0,30})\)|/(?P<wire>[A-Za-z][A-Za-z\ .&\-]{1,30})/)?
        \ ?(?P<dash>—|–|--|-|_|:)\ *",
    )
    .expect("dateline regex")
});

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            w.split('-')
                .map(|p| {
                    let mut cs = p.chars();
                    match cs.next() {
                        Some(f) => f.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(),
                        None => String::new(),
                    }
                })
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A test every paragraph starting with a dateline passes (so most others skip the regex):
/// before its first word (at the start or after a space) beginning with a lower-case ASCII
/// letter there is a "(", a "/" or a dash character ("-", "_", ":", or the first byte of "—"
/// and "–"). A dateline's words before its dash begin with a capital or a digit, except inside
/// the agency's brackets or slashes.
fn may_start_dateline(para: &str) -> bool {
    let mut word_start = true;
    for &b in para.as_bytes() {
        match b {
            b'(' | b'/' | b'-' | b'_' | b':' | 0xE2 => return true,
            b'a'..=b'z' if word_start => return false,
            _ => {}
        }
        word_start = b == b' ';
    }
    true
}

/// Find a dateline at the start of `para` (which begins at byte `offset` of the text).
/// Returns the dateline (span up to and including its dash) and the end of what it consumed.
pub(crate) fn find(para: &str, offset: usize) -> Option<(Dateline, usize)> {
    // the captures only on a match (most paragraphs fail within their first words)
    if !may_start_dateline(para) || !DATELINE.is_match(para) {
        return None;
    }
    let caps = DATELINE.captures(para)?;
    let all = caps.get(0)?;
    let dash = caps.name("dash")?;
    let agency = caps.name("agency").or(caps.name("wire")).map(|m| m.as_str().trim().to_string());
    let place = caps.name("place").map(|m| m.as_str().trim());
    let month = caps.name("month");
    // the paragraph must go on after the dateline
    if para.len() <= all.end() + 10 {
        return None;
    }
    match place {
        Some(p) => {
            let upper = p.chars().filter(char::is_ascii_uppercase).count();
            let all_caps = !p.chars().any(char::is_lowercase) && upper >= 2;
            if !all_caps && agency.is_none() {
                return None;
            }
            if dash.as_str() == ":" && agency.is_none() {
                return None;
            }
        }
        None if agency.is_none() || month.is_none() && caps.name("wire").is_none() => return None,
        None => {}
    }
    let date = month.and_then(|m| {
        let mo = crate::published::month_num(m.as_str())?;
        let d: u32 = caps.name("day")?.as_str().parse().ok()?;
        Some(match caps.name("year") {
            Some(y) => format!("{}-{mo:02}-{d:02}", y.as_str()),
            None => format!("--{mo:02}-{d:02}"),
        })
    });
    Some((
        Dateline { span: Span::new(offset, offset + dash.end()), place: place.map(title_case), agency, date },
        offset + all.end(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(s: &str) -> Option<Dateline> {
        find(s, 0).map(|(d, _)| d)
    }

    #[test]
    fn wire_styles() {
        let d = dl("MOSCOW (Sputnik) — The United States said something today.").unwrap();
        assert_eq!((d.place.as_deref(), d.agency.as_deref()), (Some("Moscow"), Some("Sputnik")));
        let d = dl("NAIROBI, Kenya (AP) _ Officials said on Monday that it rained.").unwrap();
        assert_eq!((d.place.as_deref(), d.agency.as_deref()), (Some("Nairobi"), Some("AP")));
        let d = dl("LONDON, Nov 27 (Reuters) - Shares fell sharply on Monday morning.").unwrap();
        assert_eq!((d.place.as_deref(), d.date.as_deref()), (Some("London"), Some("--11-27")));
        let d = dl("BEIJING, Dec. 1 (Xinhua) -- The weather was cold in the capital.").unwrap();
        assert_eq!((d.agency.as_deref(), d.date.as_deref()), (Some("Xinhua"), Some("--12-01")));
        let d = dl("PARIS — The city was quiet on Sunday after the storm passed.").unwrap();
        assert_eq!((d.place.as_deref(), d.agency), (Some("Paris"), None));
        let d = dl("NEW YORK, Sept. 12, 2017 /PRNewswire/ -- A company announced a product.").unwrap();
        assert_eq!(
            (d.place.as_deref(), d.agency.as_deref(), d.date.as_deref()),
            (Some("New York"), Some("PRNewswire"), Some("2017-09-12"))
        );
        let d = dl("WASHINGTON (Reuters) - The Senate voted on the bill late on Friday.").unwrap();
        assert_eq!(d.span.slice("WASHINGTON (Reuters) - The"), "WASHINGTON (Reuters) -");
        assert!(dl("The President - who spoke on Monday - said nothing new.").is_none());
        assert!(dl("Note: this is a short paragraph of text here.").is_none());
    }

    proptest::proptest! {
        #[test]
        fn prefilter_keeps_datelines(
            s in "(([A-Z][a-zA-Z.'-]{0,6}|[a-z]{1,5}|Nov|Sept.|[0-9]{1,4}|\\([A-Za-z .&-]{1,8}\\)|/[A-Za-z]{1,5}/|—|–|--|-|_|:|,)[ ,]?){0,8}[A-Za-z ]{0,20}"
        ) {
            if DATELINE.is_match(&s) {
                proptest::prop_assert!(may_start_dateline(&s), "{s}");
            }
        }
    }
}
