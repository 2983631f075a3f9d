//! Speaker resolution within an article: a mention ("Kelin", "he", "the senior diplomat",
//! "Mr. Obama") becomes the full name introduced earlier ("Andrey Kelin").
//!
//! People are the capitalised name runs of the article (titles stripped); a surname resolves to
//! the most frequent full name ending in it, a pronoun to the first gender-compatible person of
//! the nearest preceding sentences (falling back on the last speaker), a role noun ("the
//! official") to the last person speaker. Organisations and documents stay as written.

use super::lexicon::{
    is_aux, is_determiner, is_document_noun, is_org_word, is_role, is_stop_word, is_title, pronoun, title_gender,
    Gender,
};
use crate::{Context, Entity, EntityLabel};
use copydesk_normalize::Span;
use copydesk_parse::BlockKind;
use once_cell::sync::Lazy;
use regex::Regex;

/// Runs of capitalised words (with initials and name particles), possibly after a title.
static NAME_RUN: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"\b(?:\p{Lu}[\p{L}\p{M}'’\-]*\.?|\p{Lu}\.)(?:\s+(?:(?:de|da|van|von|der|bin|al|la|le|del|di|du|dos|ibn)\s+)?(?:\p{Lu}[\p{L}\p{M}'’\-]*\.?|\p{Lu}\.|II|III|IV))*",
    )
    .expect("name regex")
});

/// Farthest back (bytes) a pronoun looks for its person.
const PRONOUN_WINDOW: usize = 1500;

/// A person named in the article.
#[derive(Debug, Clone)]
struct Person {
    /// Full name without titles ("Andrey Kelin").
    name: String,
    /// Last token ("Kelin").
    last: String,
    /// Where mentioned.
    spans: Vec<Span>,
    gender: Gender,
    /// Known to be a person (first name, title, PERSON entity, or quoted as a speaker).
    credible: bool,
}

/// A name mention in text order.
#[derive(Debug, Clone, Copy)]
struct NameMention {
    span: Span,
    person: usize,
}

/// Resolves speaker mentions of one article.
pub(crate) struct Resolver<'a> {
    text: &'a str,
    people: Vec<Person>,
    mentions: Vec<NameMention>,
    sentences: Vec<Span>,
    last_speaker: Option<usize>,
    /// Speakers of attributions so far: (mention start, person).
    marks: Vec<(usize, usize)>,
}

/// Strip titles, possessives and determiners from the front of a name run; returns the tokens
/// and the gender a title implies.
fn strip_name(run: &str) -> (Vec<&str>, Gender) {
    let toks: Vec<&str> = run.split_whitespace().collect();
    let mut gender = Gender::Unknown;
    // The name is what follows the last title, possessive or determiner ("New Jersey Gov. Chris
    // Christie", "Russia's Foreign Minister Sergei Lavrov").
    let mut from = 0;
    for (i, t) in toks.iter().enumerate() {
        if is_title(t) || t.ends_with("'s") || t.ends_with("’s") || is_determiner(t) {
            if i + 1 < toks.len() {
                from = i + 1;
            }
            let g = title_gender(t);
            if g != Gender::Unknown {
                gender = g;
            }
        }
    }
    let rest: Vec<&str> = toks[from..].iter().map(|t| t.trim_end_matches([',', ';', ':'])).collect();
    (rest, gender)
}

/// The gender a first name usually carries.
fn first_name_gender(name: &str) -> Gender {
    FIRST_NAMES.iter().find(|(n, _)| *n == name).map_or(Gender::Unknown, |(_, g)| *g)
}

/// Common first names with gender (data/first_names.txt).
static FIRST_NAMES: Lazy<Vec<(&'static str, Gender)>> = Lazy::new(|| {
    include_str!("../../data/first_names.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (n, g) = l.trim().split_once(' ')?;
            Some((n, if g == "f" { Gender::Female } else { Gender::Male }))
        })
        .collect()
});

/// Words that cannot open a name although capitalised (sentence connectors, dates).
fn not_name_start(w: &str) -> bool {
    let lw = w.to_lowercase();
    is_stop_word(&lw)
        || is_determiner(&lw)
        || is_aux(&lw)
        || matches!(
            lw.as_str(),
            "however"
                | "meanwhile"
                | "yet"
                | "now"
                | "still"
                | "also"
                | "asked"
                | "read"
                | "more"
                | "like"
                | "unlike"
                | "january"
                | "february"
                | "march"
                | "april"
                | "may"
                | "june"
                | "july"
                | "august"
                | "september"
                | "october"
                | "november"
                | "december"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "mid-november"
                | "last"
                | "next"
                | "this"
                | "during"
                | "despite"
                | "following"
                | "according"
                | "under"
                | "with"
                | "without"
                | "among"
                | "amid"
                | "even"
                | "only"
                | "just"
                | "instead"
        )
}

/// Does a stripped name run look like a person's name?
fn person_like(toks: &[&str]) -> bool {
    if toks.is_empty() || toks.len() > 5 {
        return false;
    }
    toks.iter().all(|t| {
        let cap = t.chars().next().is_some_and(char::is_uppercase);
        let particle = matches!(*t, "de" | "van" | "von" | "bin" | "al" | "da" | "der" | "del" | "la" | "le");
        let acronym = t.len() > 2 && t.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
        (cap || particle) && !acronym && !is_org_word(t)
    })
}

impl<'a> Resolver<'a> {
    /// Collect the people named in the article's content segments.
    pub(crate) fn new(ctx: &Context<'a>, entities: &[Entity], quoted: &[Span]) -> Self {
        let mut r = Resolver {
            text: ctx.text,
            people: Vec::new(),
            mentions: Vec::new(),
            sentences: ctx.sentences.iter().map(|s| s.span).collect(),
            last_speaker: None,
            marks: Vec::new(),
        };
        let persons: Vec<Span> = entities.iter().filter(|e| e.label == EntityLabel::Person).map(|e| e.span).collect();
        let non_person: Vec<Span> = entities
            .iter()
            .filter(|e| matches!(e.label, EntityLabel::Org | EntityLabel::Loc | EntityLabel::Norp))
            .map(|e| e.span)
            .collect();
        let mut runs: Vec<(Span, Vec<String>, Gender)> = Vec::new();
        for sent in &ctx.sentences {
            if ctx
                .segments
                .get(sent.segment)
                .map_or(true, |s| !matches!(s.kind, BlockKind::Paragraph | BlockKind::Standfirst))
            {
                continue;
            }
            let s = ctx.slice(sent.span);
            for m in NAME_RUN.find_iter(s) {
                let mut run = m.as_str();
                let mut start = m.start();
                // A sentence-initial connector or date word is no part of a name ("Although Finland").
                if let Some((first, rest)) = run.split_once(char::is_whitespace) {
                    if not_name_start(first) {
                        start += run.len() - rest.len();
                        run = rest.trim_start();
                    }
                } else if not_name_start(run) {
                    continue;
                }
                let span = Span::new(sent.span.start + start, sent.span.start + start + run.len());
                if non_person.iter().any(|e| e.start <= span.start && span.end <= e.end)
                    || quoted.iter().any(|q| q.start <= span.start && span.end <= q.end)
                    || s[..start].trim_end().ends_with(" of")
                {
                    continue;
                }
                let (toks, g) = strip_name(run);
                let toks: Vec<&str> =
                    toks.into_iter().map(|t| t.trim_end_matches('.')).filter(|t| !t.is_empty()).collect();
                if !person_like(&toks) {
                    continue;
                }
                // A single sentence-initial word is only a name if it is known as one later.
                runs.push((span, toks.iter().map(|t| t.to_string()).collect(), g));
            }
        }
        // Full names first (two or more tokens), then single tokens attach to them.
        for (span, toks, g) in runs.iter().filter(|(_, t, _)| t.len() >= 2) {
            let name = toks.join(" ");
            let idx = match r.people.iter().position(|p| p.name == name) {
                Some(i) => i,
                None => {
                    let fg = first_name_gender(&toks[0]);
                    r.people.push(Person {
                        name,
                        last: toks.last().cloned().unwrap_or_default(),
                        spans: Vec::new(),
                        gender: fg,
                        credible: fg != Gender::Unknown,
                    });
                    r.people.len() - 1
                }
            };
            r.people[idx].spans.push(*span);
            if *g != Gender::Unknown {
                r.people[idx].gender = *g;
                r.people[idx].credible = true;
            }
            if persons.iter().any(|e| e.start < span.end && span.start < e.end) {
                r.people[idx].credible = true;
            }
        }
        for (span, toks, g) in runs.iter().filter(|(_, t, _)| t.len() == 1) {
            if let Some(idx) = r.best_for_surname(&toks[0], span.start, *g) {
                r.people[idx].spans.push(*span);
                if *g != Gender::Unknown {
                    r.people[idx].gender = *g;
                    r.people[idx].credible = true;
                }
            }
        }
        for (i, p) in r.people.iter().enumerate() {
            for s in &p.spans {
                r.mentions.push(NameMention { span: *s, person: i });
            }
        }
        r.mentions.sort_by_key(|m| m.span.start);
        if std::env::var_os("COPYDESK_DEBUG_SPEAKERS").is_some() {
            for m in &r.mentions {
                eprintln!("mention {:?} {:?} -> {}", m.span, m.span.slice(r.text), r.people[m.person].name);
            }
        }
        r
    }

    /// The person a surname refers to: the most mentioned full name ending in it, preferring
    /// names introduced before `at`.
    fn best_for_surname(&self, surname: &str, at: usize, g: Gender) -> Option<usize> {
        let mut best: Option<(usize, (bool, usize))> = None;
        for (i, p) in self.people.iter().enumerate() {
            if p.last != surname || !g.compatible(p.gender) {
                continue;
            }
            let before = p.spans.iter().any(|s| s.start <= at);
            let key = (before, p.spans.len() + usize::from(p.last == surname) * 2);
            if best.map_or(true, |(_, k)| key > k) {
                best = Some((i, key));
            }
        }
        best.map(|(i, _)| i)
    }

    /// Index of the sentence containing byte `at`.
    fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end < at);
        (i < self.sentences.len()).then_some(i)
    }

    /// The person a pronoun of gender `g` at `at` refers to: in the nearest preceding sentences,
    /// a compatible earlier speaker first, else the first compatible known person; else the
    /// last speaker.
    fn for_pronoun(&self, g: Gender, at: usize) -> Option<usize> {
        let lo = at.saturating_sub(PRONOUN_WINDOW);
        let Some(cur) = self.sentence_at(at) else {
            return self.last_speaker.filter(|&i| g.compatible(self.people[i].gender));
        };
        let mut si = cur;
        let mut looked = 0;
        loop {
            let sent = self.sentences[si];
            if sent.end < lo || looked > 4 {
                break;
            }
            let s_lo = sent.start;
            let s_hi = if si == cur { at } else { sent.end };
            let ok = |p: usize| g.compatible(self.people[p].gender);
            if let Some(&(_, p)) = self.marks.iter().rev().find(|(pos, p)| *pos >= s_lo && *pos < s_hi && ok(*p)) {
                return Some(p);
            }
            let first = self
                .mentions
                .iter()
                .filter(|m| m.span.start >= s_lo && m.span.start < s_hi)
                .find(|m| ok(m.person) && self.people[m.person].credible);
            if let Some(m) = first {
                return Some(m.person);
            }
            if si == 0 {
                break;
            }
            si -= 1;
            looked += 1;
        }
        self.last_speaker.filter(|&i| g.compatible(self.people[i].gender))
    }

    /// The most mentioned known person before `at` with a compatible gender.
    fn salient(&self, g: Gender, at: usize) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (i, p) in self.people.iter().enumerate() {
            if !p.credible || !g.compatible(p.gender) {
                continue;
            }
            let n = p.spans.iter().filter(|s| s.start < at).count();
            if n > 0 && best.map_or(true, |(_, bn)| n > bn) {
                best = Some((i, n));
            }
        }
        best.map(|(i, _)| i)
    }

    /// Resolve a speaker mention at `span`; records the speaker for later pronouns.
    pub(crate) fn resolve(&mut self, span: Span) -> Option<String> {
        let raw = span.slice(self.text).trim();
        let raw = raw.split('(').next().unwrap_or(raw);
        // "The mayor, Ann Lee": a name in the appositive beats the role before it.
        let parts: Vec<&str> = raw.split(',').map(str::trim).filter(|p| !p.is_empty()).collect();
        let first = parts.first().copied().unwrap_or(raw);
        let first_is_role = first.split_whitespace().next().is_some_and(is_determiner);
        let named = parts.iter().skip(1).take(1).find(|p| {
            let (toks, _) = strip_name(p);
            toks.len() >= 2
                && p.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase))
                && person_like(&toks)
        });
        let mention = if first_is_role { named.copied().unwrap_or(first) } else { first };
        let mention = mention.strip_suffix("'s").or_else(|| mention.strip_suffix("’s")).unwrap_or(mention);
        if mention.is_empty() {
            return None;
        }
        let words: Vec<&str> = mention.split_whitespace().collect();
        // Pronoun.
        if words.len() == 1 {
            if let Some(g) = pronoun(words[0]) {
                if g == Gender::Unknown {
                    return None;
                }
                let p = self.for_pronoun(g, span.start)?;
                if self.people[p].gender == Gender::Unknown {
                    self.people[p].gender = g;
                }
                self.last_speaker = Some(p);
                self.marks.push((span.start, p));
                return Some(self.people[p].name.clone());
            }
        }
        let last = words.last().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).unwrap_or("");
        // Role noun phrase: "the official", "the senior diplomat".
        let lower_start =
            words.first().is_some_and(|w| is_determiner(w) || w.chars().next().is_some_and(char::is_lowercase));
        if lower_start && is_role(last) {
            let g = title_gender(last);
            let p = self
                .last_speaker
                .filter(|&p| g.compatible(self.people[p].gender))
                .or_else(|| self.salient(g, span.start))?;
            self.marks.push((span.start, p));
            return Some(self.people[p].name.clone());
        }
        if lower_start && is_document_noun(last) {
            return Some(mention.to_string());
        }
        // A name: the capitalised run at the end of the phrase, titles stripped.
        let run = NAME_RUN.find_iter(mention).last().map(|m| m.as_str()).unwrap_or(mention);
        let (toks, g) = strip_name(run);
        let toks: Vec<&str> = toks.into_iter().map(|t| t.trim_end_matches('.')).filter(|t| !t.is_empty()).collect();
        if toks.is_empty() {
            return Some(mention.to_string());
        }
        if !person_like(&toks) {
            return Some(run.to_string());
        }
        let surname = toks.last().copied().unwrap_or_default();
        let idx = if toks.len() >= 2 {
            let name = toks.join(" ");
            self.people.iter().position(|p| p.name == name).or_else(|| {
                // A longer full name ending the same way ("Charles B. Rangel" for "Charles Rangel").
                self.people.iter().position(|p| p.last == surname && p.name.starts_with(toks[0]))
            })
        } else {
            self.best_for_surname(surname, span.start, g)
        };
        match idx {
            Some(i) => {
                if g != Gender::Unknown {
                    self.people[i].gender = g;
                }
                self.people[i].credible = true;
                self.last_speaker = Some(i);
                self.marks.push((span.start, i));
                Some(self.people[i].name.clone())
            }
            None => {
                let g = if g == Gender::Unknown { first_name_gender(toks[0]) } else { g };
                self.people.push(Person {
                    name: toks.join(" "),
                    last: surname.to_string(),
                    spans: vec![span],
                    gender: g,
                    credible: true,
                });
                self.last_speaker = Some(self.people.len() - 1);
                self.marks.push((span.start, self.people.len() - 1));
                Some(toks.join(" "))
            }
        }
    }
}
