//! Author names as pages give them ("By Jane Roe and John Doe", "Roe, Jane", "Jane Roe | Staff"),
//! split and cleaned; strings that are not plausibly personal names are dropped.

use once_cell::sync::Lazy;
use regex::Regex;

static LEAD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:written|posted|reported|published|compiled|edited|text|story|words|article|photos?)\s+)?(?:by|von|par|por|di|door|from)\s*[:\-]?\s+|^\s*(?:author|authors|autor|auteur|byline)\s*[:\-]\s*")
        .expect("valid regex")
});
static SPLIT: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\s*(?:,|;|&|\|| and | with | und | et | y )\s*").expect("valid regex"));
static TAIL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\s*(?:[-–—|/•]\s.*|\(.*|,?\s+(?:updated|published|posted|on)\b.*|\s+for\s+\S.*|\s+\d.*)$")
        .expect("valid regex")
});

/// Words that show a string is a role, an organisation or page furniture, not a person.
const NOT_NAME: &[&str] = &[
    "staff",
    "editor",
    "editors",
    "editorial",
    "desk",
    "team",
    "news",
    "newsroom",
    "press",
    "agency",
    "associated",
    "reuters",
    "correspondent",
    "contributor",
    "admin",
    "administrator",
    "webmaster",
    "guest",
    "share",
    "follow",
    "email",
    "twitter",
    "facebook",
    "more",
    "posts",
    "articles",
    "view",
    "profile",
    "comments",
    "comment",
    "read",
    "the",
    "updated",
    "published",
    "minutes",
    "min",
    "ago",
    "hours",
    "about",
    "contact",
    "home",
    "menu",
    "search",
    "subscribe",
    "login",
    "blog",
    "online",
    // Credentials and honorifics after a name ("Jane Roe, PhD").
    "phd",
    "ph.d",
    "md",
    "mba",
    "rn",
    "rd",
    "msc",
];

/// True when `s` looks like a person's name: 1 to 5 words, letters (with . ' -), no digits, not
/// all lower case, no page-furniture words.
pub fn is_plausible_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || s.chars().count() > 60 {
        return false;
    }
    if !s.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '’' | '-')) {
        return false;
    }
    if !s.chars().any(|c| c.is_uppercase()) {
        return false;
    }
    if words.len() == 1
        && (s.chars().count() < 3 || matches!(s.to_lowercase().trim_end_matches('.'), "jr" | "sr" | "ii" | "iii"))
    {
        return false;
    }
    !words.iter().any(|w| NOT_NAME.contains(&w.to_lowercase().trim_matches('.')))
}

/// Split an author string into cleaned personal names, dropping what is not a name.
pub fn split_names(s: &str) -> Vec<String> {
    let s = s.get(..s.len().min(400)).unwrap_or("");
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = LEAD.replace(&s, "");
    // "Roe, Jane" (one comma, one word each side) is one name written surname-first.
    let parts: Vec<&str> = s.split(',').map(str::trim).collect();
    if parts.len() == 2
        && parts.iter().all(|p| p.split_whitespace().count() == 1 && is_plausible_name(p))
        && !s.contains(" and ")
    {
        return vec![format!("{} {}", parts[1], parts[0])];
    }
    let mut out: Vec<String> = Vec::new();
    for part in SPLIT.split(&s) {
        let part = LEAD.replace(part, "");
        let part = TAIL.replace(&part, "");
        let part = part.trim().trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'');
        if is_plausible_name(part) && !out.iter().any(|o| o == part) {
            out.push(part.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_cleans() {
        assert_eq!(split_names("By Jane Roe and John Doe"), vec!["Jane Roe", "John Doe"]);
        assert_eq!(split_names("Jane Roe, John Doe & Ann Lee"), vec!["Jane Roe", "John Doe", "Ann Lee"]);
        assert_eq!(split_names("Roe, Jane"), vec!["Jane Roe"]);
        assert_eq!(split_names("Written by: Jane Roe | Staff Writer"), vec!["Jane Roe"]);
        assert_eq!(split_names("By JANE ROE Updated 3 hours ago"), vec!["JANE ROE"]);
        assert_eq!(split_names("Jane Roe, PhD"), vec!["Jane Roe"]);
        assert_eq!(split_names("Perry Bacon Jr."), vec!["Perry Bacon Jr."]);
        assert_eq!(split_names("By Jane Roe And John Doe For The Sunday Example"), vec!["Jane Roe", "John Doe"]);
    }

    #[test]
    fn drops_non_names() {
        assert!(split_names("Editorial Team").is_empty());
        assert!(split_names("https://example.org/people/jane").is_empty());
        assert!(split_names("admin").is_empty());
        assert!(split_names("12 comments").is_empty());
        assert!(split_names("").is_empty());
    }
}
