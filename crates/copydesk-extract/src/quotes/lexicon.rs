//! Word lists of the quote extractor (compiled in from `data/*.txt`) and small word tests.

use once_cell::sync::Lazy;
use regex::Regex;
use std::collections::HashSet;

fn lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Speech and reporting verbs ("said", "told", "pointed out").
pub(crate) static CUES: Lazy<Vec<&'static str>> = Lazy::new(|| lines(include_str!("../../data/cues.txt")).collect());

/// One regex matching any cue (whole words, case-sensitive lower case), plus "according to".
pub(crate) static CUE_RE: Lazy<Regex> = Lazy::new(|| {
    let mut alts: Vec<String> = CUES.iter().map(|c| regex::escape(c).replace(' ', r"\s+")).collect();
    alts.sort_by_key(|a| std::cmp::Reverse(a.len()));
    Regex::new(&format!(r"\b(?:{}|[Aa]ccording\s+to)\b", alts.join("|"))).expect("cue regex")
});

/// Cues plus verbs of thinking and stance, for reported speech ("X believes ...").
pub(crate) static REPORT_RE: Lazy<Regex> = Lazy::new(|| {
    let mut alts: Vec<String> = CUES
        .iter()
        .chain(lines(include_str!("../../data/reporting_verbs.txt")).collect::<Vec<_>>().iter())
        .map(|c| regex::escape(c).replace(' ', r"\s+"))
        .collect();
    alts.sort_by_key(|a| std::cmp::Reverse(a.len()));
    alts.dedup();
    Regex::new(&format!(r"\b(?:{}|[Aa]ccording\s+to)\b", alts.join("|"))).expect("report regex")
});

/// Title words dropped from the front of resolved names ("Foreign Minister", "Sen.", "Mr.").
pub(crate) static TITLES: Lazy<HashSet<&'static str>> =
    Lazy::new(|| lines(include_str!("../../data/person_titles.txt")).collect());

/// Role nouns that refer back to a person ("official", "diplomat", "spokeswoman").
pub(crate) static ROLES: Lazy<HashSet<&'static str>> =
    Lazy::new(|| lines(include_str!("../../data/roles.txt")).collect());

/// Pronouns that can be speakers, with their gender.
pub(crate) static PRONOUNS: Lazy<Vec<(&'static str, Gender)>> = Lazy::new(|| {
    lines(include_str!("../../data/pronouns.txt"))
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            let w = it.next()?;
            let g = match it.next()? {
                "m" => Gender::Male,
                "f" => Gender::Female,
                _ => Gender::Unknown,
            };
            Some((w, g))
        })
        .collect()
});

/// Grammatical gender of a speaker, where cheaply known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    /// "he", "Mr."
    Male,
    /// "she", "Mrs.", "Ms."
    Female,
    /// Not known or plural.
    Unknown,
}

impl Gender {
    /// Could a mention of gender `self` refer to a person of gender `other`?
    pub(crate) fn compatible(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// The gender of a pronoun ("he" -> Male), or None when `w` is not a speaker pronoun.
pub(crate) fn pronoun(w: &str) -> Option<Gender> {
    let lw = w.to_lowercase();
    PRONOUNS.iter().find(|(p, _)| *p == lw).map(|(_, g)| *g)
}

/// The gender a title implies ("Mrs." -> Female).
pub(crate) fn title_gender(w: &str) -> Gender {
    match w.trim_end_matches('.').to_lowercase().as_str() {
        "mr" | "sir" | "lord" | "king" | "prince" | "father" | "congressman" | "spokesman" | "chairman"
        | "councilman" | "businessman" => Gender::Male,
        "mrs" | "ms" | "miss" | "lady" | "dame" | "queen" | "princess" | "congresswoman" | "spokeswoman"
        | "chairwoman" | "councilwoman" | "businesswoman" | "actress" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// Is `w` (any case, trailing period allowed) a title word?
pub(crate) fn is_title(w: &str) -> bool {
    let lw = w.to_lowercase();
    TITLES.contains(lw.as_str()) || TITLES.contains(lw.trim_end_matches('.'))
}

/// Is `w` a role noun ("official", "Diplomat")?
pub(crate) fn is_role(w: &str) -> bool {
    ROLES.contains(w.to_lowercase().as_str())
}

/// Words that end a mention when walking left from a cue: clause connectors and verbs.
pub(crate) fn is_stop_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "that"
            | "and"
            | "but"
            | "or"
            | "when"
            | "as"
            | "because"
            | "while"
            | "which"
            | "who"
            | "whom"
            | "if"
            | "since"
            | "after"
            | "before"
            | "though"
            | "although"
            | "where"
            | "what"
            | "so"
            | "than"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "of"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "not"
            | "why"
            | "how"
            | "until"
            | "once"
            | "whether"
            | "about"
            | "into"
            | "over"
            | "under"
            | "during"
            | "said"
            | "says"
            | "told"
    )
}

/// Auxiliaries and adverbs between a subject and its cue ("has also said").
pub(crate) fn is_aux(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "has"
            | "had"
            | "have"
            | "also"
            | "then"
            | "later"
            | "again"
            | "further"
            | "would"
            | "will"
            | "previously"
            | "recently"
            | "once"
            | "just"
            | "repeatedly"
            | "earlier"
            | "had,"
            | "already"
            | "reportedly"
            | "often"
            | "always"
            | "never"
            | "even"
            | "still"
            | "simply"
            | "publicly"
            | "privately"
            | "flatly"
            | "has,"
            | "did"
            | "does"
            | "do"
            | "may"
            | "might"
            | "could"
            | "should"
            | "can"
    ) || (w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase()))
}

/// Determiners and possessives that open a noun-phrase mention ("the official", "his spokesman").
pub(crate) fn is_determiner(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "the" | "a" | "an" | "this" | "that" | "his" | "her" | "their" | "its" | "our" | "another" | "one"
    )
}

/// Nouns for documents and outlets that speak ("the statement said", "the report found").
pub(crate) fn is_document_noun(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "statement"
            | "release"
            | "report"
            | "letter"
            | "memo"
            | "document"
            | "email"
            | "e-mail"
            | "tweet"
            | "post"
            | "ad"
            | "advertisement"
            | "study"
            | "survey"
            | "poll"
            | "complaint"
            | "lawsuit"
            | "filing"
            | "ruling"
            | "indictment"
            | "newspaper"
            | "paper"
            | "magazine"
            | "website"
            | "site"
            | "outlet"
            | "network"
            | "campaign"
            | "committee"
            | "ministry"
            | "department"
            | "agency"
            | "government"
            | "company"
            | "group"
            | "organization"
            | "organisation"
            | "party"
            | "office"
            | "article"
            | "story"
            | "editorial"
            | "book"
            | "video"
            | "speech"
    )
}

/// Words that mark a capitalised run as an organisation or place rather than a person.
pub(crate) fn is_org_word(w: &str) -> bool {
    matches!(
        w,
        "Times"
            | "News"
            | "Post"
            | "Journal"
            | "Party"
            | "Committee"
            | "Council"
            | "Ministry"
            | "Department"
            | "Office"
            | "House"
            | "University"
            | "College"
            | "Institute"
            | "Association"
            | "Union"
            | "Agency"
            | "Bank"
            | "Fund"
            | "Company"
            | "Corporation"
            | "Group"
            | "Foundation"
            | "Center"
            | "Centre"
            | "Court"
            | "Congress"
            | "Senate"
            | "Parliament"
            | "Government"
            | "Administration"
            | "Campaign"
            | "Network"
            | "Magazine"
            | "Press"
            | "Herald"
            | "Tribune"
            | "Street"
            | "States"
            | "Kingdom"
            | "Republic"
            | "City"
            | "County"
            | "Federation"
            | "Nations"
            | "Organization"
            | "Organisation"
            | "Service"
            | "Services"
            | "Force"
            | "Forces"
            | "Army"
            | "Navy"
            | "Police"
            | "Inc"
            | "Inc."
            | "Ltd"
            | "Co."
            | "Corp."
            | "TV"
            | "Radio"
            | "Channel"
            | "Daily"
            | "Weekly"
            | "Review"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_regex_finds_cues() {
        assert!(CUE_RE.is_match("Smith said"));
        assert!(CUE_RE.is_match("he pointed out that"));
        assert!(CUE_RE.is_match("According to officials"));
        assert!(!CUE_RE.is_match("the saidness"));
    }

    #[test]
    fn pronouns_and_titles() {
        assert_eq!(pronoun("She"), Some(Gender::Female));
        assert_eq!(pronoun("Kelin"), None);
        assert!(is_title("Sen."));
        assert!(is_title("Minister"));
        assert!(is_role("diplomat"));
        assert_eq!(title_gender("Mrs."), Gender::Female);
    }
}
