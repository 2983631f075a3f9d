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
        r"(?i)\s+(?:on|at|in|for|published|updated|posted|last)\s+|\s*[|•·/@]\s*|\s+[-–—]\s+|\s*\d|\s*\(|\s*\bfor\b",
    )
    .expect("byline tail regex")
});

static SPLIT: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*").expect("split"));

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
    SPLIT.split(head).filter_map(clean_name).collect()
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
        for m in INNER_BY.captures_iter(line) {
            let before = m.get(1).map_or("", |x| x.as_str()).to_lowercase();
            if NOT_AUTHOR_VERB.contains(&before.as_str()) {
                continue;
            }
            let rest = line.get(m.get(0).map_or(0, |x| x.end())..).unwrap_or("");
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
            // the names must cover the start of the line
            let first = &names[0];
            if line.starts_with(first.as_str()) {
                return Some(names);
            }
        }
    }
    None
}

/// " by " inside a line, with the word before it.
static INNER_BY: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)(\w+)?\W{0,3}\bby\s+").expect("inner by"));

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
}
