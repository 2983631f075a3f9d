//! Line patterns: boilerplate (page furniture), related-article links, photo credits.

use aho_corasick::{AhoCorasick, MatchKind};
use once_cell::sync::Lazy;
use regex::Regex;
use std::collections::HashSet;

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

static EXACT: Lazy<HashSet<&'static str>> =
    Lazy::new(|| data_lines(include_str!("../data/boilerplate-exact.txt")).collect());

/// Phrases with their word limits, and one automaton over all of them (case-insensitive).
static PHRASES: Lazy<(AhoCorasick, Vec<usize>)> = Lazy::new(|| {
    let list: Vec<(&str, usize)> = data_lines(include_str!("../data/boilerplate-phrases.txt"))
        .map(|l| match l.rsplit_once('|') {
            Some((p, n)) => (p, n.parse().unwrap_or(12)),
            None => (l, 12),
        })
        .collect();
    let ac = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(list.iter().map(|(p, _)| *p))
        .expect("phrase automaton");
    (ac, list.iter().map(|(_, n)| *n).collect())
});

static RELATED: Lazy<Vec<&'static str>> =
    Lazy::new(|| data_lines(include_str!("../data/related-prefixes.txt")).collect());

/// Copyright footers, counters, share counts, time-ago stamps and other furniture shapes.
static FURNITURE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?xi)^(?:
            (?:©|\(c\)|copyright\b).{0,200}?(?:\d{4}|rights|reserved|ltd|inc|llc|media|group|news)
          | \d[\d,.]*\s*[km]?\s*(?:comments?|shares?|views?|likes?|replies|reactions)?
          | \d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?)\s*(?:ago|read)
          | (?:photo|image|video|gallery)\s*\d+\s*(?:of|/)\s*\d+
          | [\W_]+
          | .{0,40}%\s+of\s+readers\s+think.*
        )$",
    )
    .expect("furniture regex")
});

/// A copyright footer rather than a photo credit.
static COPYRIGHT_FOOTER: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)rights reserved|all rights|©\s*(?:19|20)\d\d").expect("copyright regex"));

/// A line made of short menu items separated by "|", "/", "•", "·" or ">".
static MENU: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:[^|•·>»]{1,30}\s*[|•·>»]\s*){2,}[^|•·>»]{0,30}$").expect("menu regex"));

/// Photo credits: "© Sputnik / Stringer", "Photo: AP", "(Getty Images)", "Image credit: ...".
static CREDIT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?xi)^(?:
            ©\s*[^\n]{1,80}?(?:/[^\n/]{1,40}){0,3}
          | (?:photo|picture|image|photograph|illustration|video)s?\s*(?:credit)?\s*(?::|by\b)\s*[^\n]{1,80}
          | (?:credit|source)\s*:\s*[^\n]{1,80}
          | \(?(?:getty\s+images|ap\s+photo|reuters|afp|shutterstock|istock)[^\n]{0,40}\)?
        )$",
    )
    .expect("credit regex")
});

/// The end of a glued credit: "... / Go to the mediabank" followed directly by the caption.
static GLUED_CREDIT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^©[^\n]{1,120}?(?:mediabank|media bank|photo bank|image bank)").expect("glued credit regex")
});

fn lower_key(line: &str) -> String {
    let mut s = line.to_lowercase();
    while s.ends_with([':', '.', '!', '>', '»', '›', ' ', '|', '-', '+']) {
        s.pop();
    }
    while s.starts_with(['<', '«', '‹', ' ', '|', '-', '+', '#']) {
        s.remove(0);
    }
    s
}

/// The rule name when `line` (with `words` tokens) is page furniture.
pub(crate) fn boilerplate_rule(line: &str, words: usize) -> Option<&'static str> {
    if words <= 6 && EXACT.contains(lower_key(line).as_str()) {
        return Some("boilerplate_word");
    }
    if line.len() <= 400 && FURNITURE.is_match(line) {
        return Some("furniture_shape");
    }
    if words <= 80 {
        let (ac, limits) = &*PHRASES;
        if ac.find_overlapping_iter(line).any(|m| limits.get(m.pattern().as_usize()).is_some_and(|n| words <= *n)) {
            return Some("boilerplate_phrase");
        }
    }
    if words >= 3 && line.len() <= 300 && !line.ends_with('.') && MENU.is_match(line) {
        return Some("menu_line");
    }
    None
}

/// Function words that headline-style capitalisation writes with a capital ("Bill At Troy").
const TITLE_FUNCTION_WORDS: [&str; 24] = [
    "At", "In", "To", "For", "Of", "On", "With", "Without", "About", "After", "Before", "Over", "Into", "From", "By",
    "As", "Is", "Are", "And", "The", "A", "An", "Your", "Its",
];

/// A teaser: a headline in title case glued to its summary ("Customers Leave Without Paying Bill
/// At Steakhouse A party of six left..."): the first six tokens capitalised, one of them a
/// capitalised function word, and the line going on after them.
pub(crate) fn is_teaser(line: &str) -> bool {
    let toks: Vec<&str> = line.split_whitespace().take(12).collect();
    if toks.len() < 10 {
        return false;
    }
    let cap = |t: &str| {
        t.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '$' || c == '\'' || c == '"')
    };
    let lead = toks.iter().take_while(|t| cap(t)).count();
    lead >= 6 && lead < toks.len() && toks[1..lead].iter().any(|t| TITLE_FUNCTION_WORDS.contains(t))
}

/// True when `line` introduces a related article ("READ MORE: ...").
pub(crate) fn is_related(line: &str) -> bool {
    if line.len() > 300 {
        return false;
    }
    let head: String = line.chars().take(40).flat_map(char::to_lowercase).collect();
    RELATED.iter().any(|p| head.starts_with(p) && (p.ends_with([':', '-']) || head.len() > p.len()))
}

/// True when the whole line is a photo credit.
pub(crate) fn is_credit(line: &str) -> bool {
    line.len() <= 160 && CREDIT.is_match(line) && !COPYRIGHT_FOOTER.is_match(line)
}

/// Length in bytes of a credit glued to the start of a caption on the same line.
pub(crate) fn glued_credit(line: &str) -> Option<usize> {
    let m = GLUED_CREDIT.find(line)?;
    (m.end() < line.len()).then_some(m.end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture() {
        assert!(boilerplate_rule("Subscribe", 1).is_some());
        assert!(boilerplate_rule("Sign up for our daily newsletter", 6).is_some());
        assert!(boilerplate_rule("© 2024 Example Media Ltd. All rights reserved.", 8).is_some());
        assert!(boilerplate_rule("Home | World | Business | Sport", 7).is_some());
        assert!(boilerplate_rule("42 comments", 2).is_some());
        assert!(boilerplate_rule("The council voted on the plan on Tuesday.", 8).is_none());
    }

    #[test]
    fn related_and_credits() {
        assert!(is_teaser(
            "Town Council Votes To Build New Bridge Over River The council agreed on Tuesday to fund it."
        ));
        assert!(!is_teaser("The council agreed on Tuesday to build a new bridge over the river in town."));
        assert!(is_related("READ MORE: Some other story"));
        assert!(is_related("Related: A story"));
        assert!(!is_related("Readers were angry."));
        assert!(is_credit("© Example / Photographer"));
        assert!(is_credit("Photo: Jane Roe/Example Agency"));
        assert_eq!(glued_credit("© Agency / Go to the mediabankA caption."), Some(31));
    }
}
