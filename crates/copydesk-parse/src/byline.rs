//! Bylines ("By John Smith and Jane Doe, Associated Press") and the author names in them.

use once_cell::sync::Lazy;
use regex::Regex;
use std::collections::HashSet;

static NOT_NAME: Lazy<HashSet<&'static str>> = Lazy::new(|| {
    include_str!("../data/author-stopwords.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
});

/// "By ...", "Posted by ...", "Written by ...", "Words by ...", "Author: ...".
static PREFIX: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:(?:posted|written|reported|story|words|text|report|compiled|edited|published|article)\s+by|by|from|authors?|writer|reporter)\s*[:\-]?\s+",
    )
    .expect("byline prefix regex")
});

/// Cuts the name list at a date, time or separator that starts the non-name tail.
static TAIL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)\s+(?:on|at|in|for|published|updated|posted|last)\s+|\s*[|•·/@]\s*|\s+[-–—]\s+|\s*[0-9]|\s*\(|\s*(?-u:\b)for(?-u:\b)",
    )
    .expect("byline tail regex")
});

static SPLIT: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\s*(?:,|;|&|(?-u:\b)(?:and|und|et|y)(?-u:\b))\s*").expect("split"));

/// True when `tok` may be one token of a person's name.
fn name_token(tok: &str) -> bool {
    let t = tok.trim_end_matches(',');
    let mut cs = t.chars();
    let Some(first) = cs.next() else { return false };
    if !first.is_uppercase() {
        // name particles
        return matches!(
            t,
            "van" | "von" | "de" | "der" | "den" | "da" | "di" | "du" | "del" | "la" | "le" | "bin" | "al"
        );
    }
    let lower = t.to_lowercase();
    if NOT_NAME.contains(lower.trim_end_matches('.')) {
        return false;
    }
    // initials "T." / "J.R." / names with hyphen or apostrophe
    t.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        && t.chars().any(char::is_alphabetic)
        && !(t.len() > 3 && t.chars().all(|c| !c.is_lowercase()) && t.chars().filter(|c| c.is_alphabetic()).count() > 3)
}

/// A plausible person name of 2 to 4 tokens (initials allowed), or None.
pub(crate) fn clean_name(s: &str) -> Option<String> {
    let s = s.trim().trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
    // the name ends at the first token that cannot be part of it ("Jane Doe Staff Writer")
    let toks: Vec<&str> = s.split_whitespace().take_while(|t| name_token(t)).collect();
    if !(2..=4).contains(&toks.len()) {
        return None;
    }
    let first = toks.first()?;
    let last = toks.last()?;
    if !first.chars().next().is_some_and(char::is_uppercase) || last.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return None;
    }
    Some(toks.join(" "))
}

/// Author names in a name list such as "John Smith and Jane Doe, Associated Press".
pub(crate) fn names_in(list: &str) -> Vec<String> {
    let cut = TAIL.find(list).map_or(list.len(), |m| m.start());
    let head = list.get(..cut).unwrap_or(list);
    // names up to the first item that is not one ("John Smith, BBC News, New York")
    SPLIT.split(head).filter(|item| !item.trim().is_empty()).map_while(clean_name).collect()
}

/// If `line` is a byline, its authors (possibly empty when the byline names none we trust).
/// `strict` lines without a "By" prefix are accepted only when the whole line is names.
pub(crate) fn parse_byline(line: &str) -> Option<Vec<String>> {
    if line.len() > 200 {
        return None;
    }
    if let Some(m) = PREFIX.find(line) {
        let rest = line.get(m.end()..).unwrap_or("");
        let names = names_in(rest);
        if !names.is_empty() {
            return Some(names);
        }
        return None;
    }
    // "July 24, 2019 by Jane Doe", "2009-2020 by Jane Doe"
    if line.split_whitespace().count() <= 20 {
        for m in INNER_BY.find_iter(line) {
            let before = word_before(line.get(..m.start()).unwrap_or("")).to_lowercase();
            if NOT_AUTHOR_VERB.contains(&before.as_str()) {
                continue;
            }
            let rest = line.get(m.end()..).unwrap_or("");
            let names = names_in(rest);
            if !names.is_empty() {
                return Some(names);
            }
        }
    }
    None
}

/// A line made of a name list only ("John Smith | Reuters", "John Smith, Jane Doe"): trusted only
/// right under a headline.
pub(crate) fn parse_name_line(line: &str) -> Option<Vec<String>> {
    if line.split_whitespace().count() <= 12 && !line.ends_with(['.', '?', '!', ':']) {
        let names = names_in(line);
        if !names.is_empty() {
            // the first name must be the first item of the line ...
            let first = &names[0];
            let item = SPLIT.split(line).next().unwrap_or("");
            let item = TAIL.find(item).map_or(item, |m| item.get(..m.start()).unwrap_or(item));
            // ... followed by role words only ("Jane Doe Education editor")
            let n = first.split_whitespace().count();
            let role =
                |t: &str| NOT_NAME.contains(t.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str());
            if line.starts_with(first.as_str()) && item.split_whitespace().skip(n).all(role) {
                return Some(names);
            }
        }
    }
    None
}

/// " by " inside a line.
static INNER_BY: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)(?-u:\b)by\s+").expect("inner by"));

/// The word at the end of `head`, after at most three non-word characters ("" when none).
fn word_before(head: &str) -> &str {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let h = head.trim_end_matches(|c: char| !word(c));
    if head[h.len()..].chars().count() > 3 {
        return "";
    }
    let w = h.trim_end_matches(word);
    &h[w.len()..]
}

/// Words before " by " that make the line a credit for something else than the article.
const NOT_AUTHOR_VERB: [&str; 16] = [
    "photo",
    "photos",
    "image",
    "images",
    "art",
    "illustration",
    "illustrations",
    "photograph",
    "video",
    "graphic",
    "graphics",
    "design",
    "powered",
    "hosted",
    "theme",
    "sponsored",
];

/// A byline prefix alone on its line ("By", "Written by:"): the names follow on the next lines.
static BARE_PREFIX: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:(?:posted|written|reported|story|words|text|report|compiled|article)\s+by|by|authors?|writers?)\s*:?$")
        .expect("bare byline prefix regex")
});

/// True when `line` is a byline prefix with nothing after it.
pub(crate) fn is_bare_prefix(line: &str) -> bool {
    line.len() <= 20 && BARE_PREFIX.is_match(line)
}

/// A line that only joins two names ("and", "&", ",").
fn is_connector(line: &str) -> bool {
    matches!(line.trim().to_lowercase().as_str(), "and" | "&" | "," | "und" | "et" | "y")
}

/// True when a byline line ends expecting more names ("John Smith,", "John Smith and").
pub(crate) fn ends_open(line: &str) -> bool {
    let t = line.trim_end();
    t.ends_with([',', '&']) || t.to_lowercase().ends_with(" and")
}

/// Names on the lines continuing a byline split over lines ("By" / "John Smith" / "and" /
/// "Jane Doe"): each line is a name list or a connector, and a name line is taken only when the
/// byline so far expects more (`open`, or a connector just before). Returns the names and the
/// number of lines used (a trailing connector without a name after it is not counted).
pub(crate) fn continued<'a>(next: impl Iterator<Item = &'a str>, mut open: bool) -> (Vec<String>, usize) {
    let mut names: Vec<String> = Vec::new();
    let mut used = 0;
    for (k, line) in next.enumerate() {
        if is_connector(line) {
            open = true;
            continue;
        }
        if !open {
            break;
        }
        let Some(found) = parse_name_line(line) else { break };
        for n in found {
            if !names.contains(&n) {
                names.push(n);
            }
        }
        used = k + 1;
        open = ends_open(line);
    }
    (names, used)
}

/// True when `line` starts with an explicit byline prefix ("By ...").
pub(crate) fn has_prefix(line: &str) -> bool {
    PREFIX.is_match(line) && line.len() <= 200
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        assert_eq!(
            parse_byline("By John Smith and Jane Doe, Associated Press"),
            Some(vec!["John Smith".to_string(), "Jane Doe".to_string()])
        );
        assert_eq!(parse_byline("Posted by Ann Lee on May 3, 2017"), Some(vec!["Ann Lee".to_string()]));
        assert_eq!(parse_name_line("John Smith | Reuters"), Some(vec!["John Smith".to_string()]));
        assert_eq!(parse_byline("July 24, 2019 by Ann Lee 5 Comments"), Some(vec!["Ann Lee".to_string()]));
        assert_eq!(parse_byline("Photo by Ann Lee"), None);
        assert_eq!(parse_byline("By Ann Lee Staff Writer"), Some(vec!["Ann Lee".to_string()]));
        assert_eq!(parse_byline("By Senior Reporter"), None);
        assert_eq!(parse_byline("3 Minute Read"), None);
        assert_eq!(parse_byline("By Associated Press"), None);
        assert_eq!(parse_byline("The council met on Tuesday."), None);
        assert_eq!(parse_byline("Written by T. V. Roe"), Some(vec!["T. V. Roe".to_string()]));
    }

    #[test]
    fn bylines_over_lines() {
        assert!(is_bare_prefix("By"));
        assert!(is_bare_prefix("Written by:"));
        assert!(!is_bare_prefix("By the way"));
        let lines = ["Ann Lee", "and", "Tom Roe", "May 3, 2017"];
        assert_eq!(continued(lines.into_iter(), true), (vec!["Ann Lee".to_string(), "Tom Roe".to_string()], 3));
        let lines = ["Tom Roe, PhD", "University of Somewhere"];
        assert_eq!(continued(lines.into_iter(), true), (vec!["Tom Roe".to_string()], 1));
        assert_eq!(continued(["Tom Roe"].into_iter(), false), (vec![], 0));
    }
}
