//! Roles of the extracted paragraphs: what content extraction leaves around the article text
//! (date stamps, share buttons, "You may also like" link lists, comment prompts, tag lists,
//! contributor credits) is told apart from the article's own paragraphs, so the text keeps it
//! (offsets stay honest) but the body does not.

use super::content::Para;
use once_cell::sync::Lazy;
use regex::Regex;

/// What a paragraph of the extracted content is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Article text (the parser decides paragraph / subheading / dateline inside it).
    Body,
    /// A heading element inside the article.
    Heading,
    /// A summary under the headline (a long heading before the first paragraph).
    Standfirst,
    /// A "By ..." line near the top.
    Byline,
    /// A figure caption.
    Caption,
    /// Links to other articles.
    Related,
    /// Page furniture (dates, share buttons, comment prompts, tags).
    Furniture,
    /// A contributor credit ("Additional reporting by ...").
    Credit,
}

struct Phrases {
    tail: Vec<(String, bool)>,
    line: Vec<(String, bool)>,
}

static PHRASES: Lazy<Phrases> = Lazy::new(|| {
    let mut p = Phrases { tail: Vec::new(), line: Vec::new() };
    let mut section = "";
    for l in include_str!("../../data/html_furniture.txt").lines().map(str::trim) {
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        if l.starts_with('[') {
            section = if l == "[tail]" { "tail" } else { "line" };
            continue;
        }
        let (phrase, prefix) = match l.strip_suffix('*') {
            Some(x) => (x.to_string(), true),
            None => (l.to_string(), false),
        };
        let phrase = key(&phrase);
        if section == "tail" {
            p.tail.push((phrase, prefix));
        } else {
            p.line.push((phrase, prefix));
        }
    }
    p
});

/// A line as compared with the phrase lists: lower case, whitespace collapsed, without trailing
/// punctuation and symbols.
fn key(s: &str) -> String {
    let s = s.to_lowercase();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.trim_end_matches(|c: char| !c.is_alphanumeric()).trim_start_matches(|c: char| !c.is_alphanumeric()).to_string()
}

fn matches(list: &[(String, bool)], k: &str) -> bool {
    list.iter().any(|(p, prefix)| {
        k == p || (*prefix && k.strip_prefix(p.as_str()).is_some_and(|rest| rest.starts_with([' ', ':', '-'])))
    })
}

static DATE_ONLY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?ix)^[\s\W]*(?:(?:updated|published|posted|last\ updated|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|ist|est|edt|cst|cdt|pst|pdt|bst|cet|cest|amt|et|pt|hrs|
        jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|
        mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|
        \d{1,4}(?:st|nd|rd|th|am|pm)?)\b[\s\W]*)+$",
    )
    .expect("valid regex")
});
static CREDIT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:additional reporting by|reporting by|editing by|compiled by|.{2,80}\bcontributed (?:reporting|to this (?:report|article|story))\b)")
        .expect("valid regex")
});

/// Calls to action and notices that pages put after the article: copyright lines, subscription
/// and newsletter prompts, app downloads, appeals for support.
static NOTICE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)©|\bcopyright\b|\ball rights reserved\b|\bsubscri(?:be|ption|bers?)\b|\bsign up\b|\bnewsletters?\b|\bdownload\b.{0,60}\bapps?\b|\bfull (?:story|article)\b|\bhelp us\b|\bsupport (?:us|our)\b|\bfollow us\b|\bclick here\b",
    )
    .expect("valid regex")
});

/// How many of the last body paragraphs are looked at for a trailing notice.
const NOTICE_REACH: usize = 3;

/// True when a paragraph reads as a notice to the reader rather than article text: a short
/// paragraph with a notice cue and no quotation (a quoted speaker asking for support is text).
fn is_notice(text: &str) -> bool {
    words(text) <= 40 && !text.contains(['"', '“', '”']) && NOTICE.is_match(text)
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Running prose: a long paragraph that ends like a sentence.
fn is_prose(p: &Para) -> bool {
    words(&p.text) >= 15 && p.text.trim_end().ends_with(['.', '!', '?', '"', '”', '’', ')', ':', '…'])
}

/// True when a line is page furniture on its own (a date stamp, a share button, a tag list).
pub fn is_furniture_line(text: &str) -> bool {
    let w = words(text);
    if w == 0 {
        return true;
    }
    if w <= 12 && DATE_ONLY.is_match(text) && text.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    w <= 25 && matches(&PHRASES.line, &key(text))
}

/// True when a short line opens a run of links or widgets ("You may also like", "Read next").
pub fn is_tail_marker(text: &str) -> bool {
    (words(text) <= 8 && matches(&PHRASES.tail, &key(text))) || glued_label(text)
}

/// True when a line is a tail label run into the link title after it, with no space between
/// ("Previous articleCouncil votes to..."): the label ends in a lower-case letter and the title
/// starts with a capital.
fn glued_label(text: &str) -> bool {
    let text = text.trim_start();
    PHRASES.tail.iter().any(|(p, _)| {
        text.len() > p.len()
            && text.is_char_boundary(p.len())
            && text[..p.len()].eq_ignore_ascii_case(p)
            && text[..p.len()].ends_with(|c: char| c.is_ascii_lowercase())
            && text[p.len()..].starts_with(|c: char| c.is_uppercase())
    })
}

/// The role of every paragraph.
pub fn roles(paras: &[Para]) -> Vec<Role> {
    let first_prose = paras.iter().position(|p| !p.caption && is_prose(p));
    let mut out = Vec::with_capacity(paras.len());
    let mut in_run = false;
    for (i, p) in paras.iter().enumerate() {
        let text = p.text.trim();
        let before_prose = first_prose.map_or(true, |f| i < f);
        let role = if p.caption {
            Role::Caption
        } else if in_run && !is_prose(p) {
            Role::Related
        } else if !before_prose && is_tail_marker(text) {
            in_run = true;
            Role::Furniture
        } else if is_furniture_line(text) {
            Role::Furniture
        } else if CREDIT.is_match(text) && words(text) <= 20 {
            Role::Credit
        } else if before_prose && words(text) <= 12 && text.to_lowercase().starts_with("by ") {
            Role::Byline
        } else if p.heading && before_prose && words(text) >= 10 && first_prose.is_some() {
            Role::Standfirst
        } else if p.heading {
            Role::Heading
        } else {
            Role::Body
        };
        if is_prose(p) && role != Role::Related {
            in_run = false;
        }
        out.push(role);
    }
    mark_trailing_notice(paras, &mut out);
    out
}

/// A notice among the last body paragraphs is furniture, and so are the body paragraphs after
/// it unless a sentence follows (then the notice was a promotion inside the article).
fn mark_trailing_notice(paras: &[Para], roles: &mut [Role]) {
    let body: Vec<usize> = (0..roles.len()).filter(|&i| roles[i] == Role::Body).collect();
    let tail = &body[body.len().saturating_sub(NOTICE_REACH)..];
    let Some(pos) = tail.iter().position(|&i| paras.get(i).is_some_and(|p| is_notice(&p.text))) else { return };
    let prose_after = tail[pos + 1..].iter().any(|&i| {
        paras.get(i).is_some_and(|p| {
            let t = p.text.trim_end();
            words(t) >= 8 && t.ends_with(['.', '!', '?', '"', '”', '’']) && !is_notice(t)
        })
    });
    let end = if prose_after { pos + 1 } else { tail.len() };
    for &i in &tail[pos..end] {
        roles[i] = Role::Furniture;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(t: &str) -> Para {
        Para::plain(t)
    }

    const PROSE: &str = "The council met on Monday evening and agreed, after a long debate, to fund the repairs from next year's budget.";

    #[test]
    fn date_stamps_and_buttons_are_furniture() {
        assert!(is_furniture_line("20 Nov, 2019 05:47"));
        assert!(is_furniture_line("Updated: Nov 20 2019, 1:42pm IST"));
        assert!(is_furniture_line("Get short URL"));
        assert!(is_furniture_line("Tags: budget, council"));
        assert!(is_furniture_line("Hidden categories:"));
        assert!(!is_furniture_line("May 2019 was the wettest on record."));
        assert!(!is_furniture_line("Tagliatelle with mushrooms"));
        assert!(!is_furniture_line(PROSE));
    }

    #[test]
    fn tail_runs_end_at_prose() {
        let paras = vec![
            para(PROSE),
            para("You may also like:"),
            para("Ten things to do this weekend"),
            para("Another teaser headline here"),
            para(PROSE),
            para("Leave a Reply"),
            para("You must be logged in to post a comment."),
        ];
        let r = roles(&paras);
        assert_eq!(
            r,
            vec![Role::Body, Role::Furniture, Role::Related, Role::Related, Role::Body, Role::Furniture, Role::Related]
        );
    }

    #[test]
    fn lead_lines_standfirst_and_credits() {
        let mut h = para("A long summary heading that tells the reader what the whole story is about");
        h.heading = true;
        let paras = vec![h, para("By Jane Roe - 2019-09-16"), para(PROSE), para("Additional reporting by John Doe")];
        assert_eq!(roles(&paras), vec![Role::Standfirst, Role::Byline, Role::Body, Role::Credit]);
    }

    #[test]
    fn trailing_notices_end_the_article() {
        let paras = vec![
            para(PROSE),
            para(PROSE),
            para("© 2024 Example Media. All rights reserved."),
            para("Download our apps for iOS and Android."),
        ];
        assert_eq!(roles(&paras), vec![Role::Body, Role::Body, Role::Furniture, Role::Furniture]);
        // Far from the end, or quoted, a notice cue is article text.
        let paras = vec![
            para("Readers can subscribe to the council's newsletter for updates on the repairs."),
            para(PROSE),
            para(PROSE),
            para(PROSE),
            para("“Please help us,” the mayor said."),
        ];
        assert!(roles(&paras).iter().all(|r| *r == Role::Body));
        // A promotion with the article going on after it is furniture alone.
        let paras = vec![para(PROSE), para("Click here to get our app"), para(PROSE)];
        assert_eq!(roles(&paras), vec![Role::Body, Role::Furniture, Role::Body]);
    }

    #[test]
    fn glued_labels_are_tail_markers() {
        assert!(is_tail_marker("Previous articleCouncil votes to fund the repairs from next year's budget"));
        assert!(!is_tail_marker("Previous articles on the council's budget were read by many residents today"));
        assert!(!is_tail_marker("Relatedness Matters In Genetics"));
    }

    #[test]
    fn tail_marker_needs_prose_before_it() {
        let paras = vec![para("Related"), para(PROSE)];
        assert_eq!(roles(&paras), vec![Role::Body, Role::Body]);
    }
}
