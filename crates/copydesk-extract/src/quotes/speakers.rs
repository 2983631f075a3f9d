//! Speaker resolution within an article: a mention ("Kelin", "he", "the senior diplomat",
//! "Mr. Obama") becomes the full name introduced earlier ("Andrey Kelin").
//!
//! People are the capitalised name runs of the article (titles stripped); a surname resolves to
//! the most frequent full name ending in it, a pronoun to the first gender-compatible person of
//! the nearest preceding sentences (falling back on the last speaker), a role noun ("the
//! official") to the last person speaker. Organisations and documents stay as written.

use super::lexicon::{
    is_determiner, is_document_noun, is_org_word, is_role, is_title, not_name_start, pronoun, title_gender, Gender,
};
use super::name_runs;
use super::span_index::SpanIndex;
use crate::{Context, Entity, EntityLabel};
use copydesk_normalize::Span;
use copydesk_parse::BlockKind;
use foldhash::{HashMap, HashMapExt};
use once_cell::sync::Lazy;
use std::collections::BTreeMap;

/// Farthest back (bytes) a pronoun looks for its person.
const PRONOUN_WINDOW: usize = 1500;

/// A person named in the article.
#[derive(Debug, Clone)]
struct Person {
    /// Full name without titles ("Andrey Kelin").
    name: String,
    /// Last token ("Kelin").
    last: String,
    /// Where mentioned (sorted by start once the resolver is built).
    spans: Vec<Span>,
    /// Start of the earliest mention.
    first: usize,
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
    /// Full name -> person.
    by_name: HashMap<String, usize>,
    /// Last token -> people, in index order.
    by_last: HashMap<String, Vec<usize>>,
    /// Name mentions sorted by start.
    mentions: Vec<NameMention>,
    sentences: Vec<Span>,
    last_speaker: Option<usize>,
    /// Speakers of attributions so far: (mention start, order of resolution) -> person.
    marks: BTreeMap<(usize, usize), usize>,
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

/// Opening quote marks and brackets that may precede a sentence's first word.
fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201c}' | '\u{2018}' | '\u{ab}' | '(' | '[')
}

/// The gender a first name usually carries.
fn first_name_gender(name: &str) -> Gender {
    FIRST_NAMES.get(name).copied().unwrap_or(Gender::Unknown)
}

/// Common first names with gender (data/first_names.txt); the first line of a name wins.
static FIRST_NAMES: Lazy<HashMap<&'static str, Gender>> = Lazy::new(|| {
    let mut m = HashMap::new();
    include_str!("../../data/first_names.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (n, g) = l.trim().split_once(' ')?;
            Some((n, if g == "f" { Gender::Female } else { Gender::Male }))
        })
        .for_each(|(n, g)| {
            m.entry(n).or_insert(g);
        });
    m
});

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
            by_name: HashMap::new(),
            by_last: HashMap::new(),
            mentions: Vec::new(),
            sentences: ctx.sentences.iter().map(|s| s.span).collect(),
            last_speaker: None,
            marks: BTreeMap::new(),
        };
        let persons = SpanIndex::new(entities.iter().filter(|e| e.label == EntityLabel::Person).map(|e| e.span));
        let non_person = SpanIndex::new(
            entities
                .iter()
                .filter(|e| matches!(e.label, EntityLabel::Org | EntityLabel::Loc | EntityLabel::Norp))
                .map(|e| e.span),
        );
        let quoted = SpanIndex::new(quoted.iter().copied());
        let mut runs: Vec<(Span, Vec<&str>, Gender)> = Vec::new();
        for sent in &ctx.sentences {
            if ctx
                .segments
                .get(sent.segment)
                .map_or(true, |s| !matches!(s.kind, BlockKind::Paragraph | BlockKind::Standfirst))
            {
                continue;
            }
            let s = ctx.slice(sent.span);
            for (m_start, m_end) in name_runs::find_iter(s) {
                let mut run = &s[m_start..m_end];
                let mut start = m_start;
                // A sentence-initial connector or date word is no part of a name ("Although Finland").
                let initial =
                    s[..m_start].trim_start_matches(|c: char| c.is_whitespace() || is_quote_char(c)).is_empty();
                if let Some((first, rest)) = run.split_once(char::is_whitespace) {
                    if not_name_start(first, initial, FIRST_NAMES.contains_key(first)) {
                        start += run.len() - rest.len();
                        run = rest.trim_start();
                    }
                } else if not_name_start(run, initial, FIRST_NAMES.contains_key(run)) {
                    continue;
                }
                let span = Span::new(sent.span.start + start, sent.span.start + start + run.len());
                if non_person.contains(span) || quoted.contains(span) || s[..start].trim_end().ends_with(" of") {
                    continue;
                }
                let (toks, g) = strip_name(run);
                let toks: Vec<&str> =
                    toks.into_iter().map(|t| t.trim_end_matches('.')).filter(|t| !t.is_empty()).collect();
                if !person_like(&toks) {
                    continue;
                }
                runs.push((span, toks, g));
            }
        }
        // Full names first (two or more tokens), then single tokens attach to them.
        for (span, toks, g) in runs.iter().filter(|(_, t, _)| t.len() >= 2) {
            let name = toks.join(" ");
            let idx = match r.by_name.get(&name) {
                Some(&i) => i,
                None => {
                    let fg = first_name_gender(toks[0]);
                    let last = toks.last().copied().unwrap_or_default().to_string();
                    r.add_person(Person {
                        name,
                        last,
                        spans: Vec::new(),
                        first: usize::MAX,
                        gender: fg,
                        credible: fg != Gender::Unknown,
                    })
                }
            };
            r.add_span(idx, *span);
            if *g != Gender::Unknown {
                r.people[idx].gender = *g;
                r.people[idx].credible = true;
            }
            if persons.overlaps(*span) {
                r.people[idx].credible = true;
            }
        }
        for (span, toks, g) in runs.iter().filter(|(_, t, _)| t.len() == 1) {
            if let Some(idx) = r.best_for_surname(toks[0], span.start, *g) {
                r.add_span(idx, *span);
                if *g != Gender::Unknown {
                    r.people[idx].gender = *g;
                    r.people[idx].credible = true;
                }
            }
        }
        for (i, p) in r.people.iter_mut().enumerate() {
            p.spans.sort_by_key(|s| s.start);
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

    /// Add a person to the indexes; returns its index.
    fn add_person(&mut self, p: Person) -> usize {
        let i = self.people.len();
        self.by_name.insert(p.name.clone(), i);
        self.by_last.entry(p.last.clone()).or_default().push(i);
        self.people.push(p);
        i
    }

    /// Record a mention of person `i`.
    fn add_span(&mut self, i: usize, span: Span) {
        let p = &mut self.people[i];
        p.first = p.first.min(span.start);
        p.spans.push(span);
    }

    /// The person a surname refers to: the most mentioned full name ending in it, preferring
    /// names introduced before `at`.
    fn best_for_surname(&self, surname: &str, at: usize, g: Gender) -> Option<usize> {
        let mut best: Option<(usize, (bool, usize))> = None;
        for &i in self.by_last.get(surname)? {
            let p = &self.people[i];
            if !g.compatible(p.gender) {
                continue;
            }
            let key = (p.first <= at, p.spans.len());
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
        let ok = |p: usize| g.compatible(self.people[p].gender);
        let mut si = cur;
        let mut looked = 0;
        loop {
            let sent = self.sentences[si];
            if sent.end < lo || looked > 4 {
                break;
            }
            let s_lo = sent.start;
            let s_hi = if si == cur { at } else { sent.end };
            if s_lo < s_hi {
                // The nearest earlier speaker in the sentence.
                if let Some((_, &p)) = self.marks.range((s_lo, 0)..(s_hi, 0)).rev().find(|(_, &p)| ok(p)) {
                    return Some(p);
                }
                let from = self.mentions.partition_point(|m| m.span.start < s_lo);
                let first = self.mentions[from..]
                    .iter()
                    .take_while(|m| m.span.start < s_hi)
                    .find(|m| ok(m.person) && self.people[m.person].credible);
                if let Some(m) = first {
                    return Some(m.person);
                }
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
            if !p.credible || !g.compatible(p.gender) || p.first >= at {
                continue;
            }
            let n = p.spans.partition_point(|s| s.start < at);
            if n > 0 && best.map_or(true, |(_, bn)| n > bn) {
                best = Some((i, n));
            }
        }
        best.map(|(i, _)| i)
    }

    /// Remember that person `p` speaks at `at`.
    fn mark(&mut self, at: usize, p: usize) {
        let seq = self.marks.len();
        self.marks.insert((at, seq), p);
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
                self.mark(span.start, p);
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
            self.mark(span.start, p);
            return Some(self.people[p].name.clone());
        }
        if lower_start && is_document_noun(last) {
            return Some(mention.to_string());
        }
        // A name: the capitalised run at the end of the phrase, titles stripped.
        let run = name_runs::find_iter(mention).last().map_or(mention, |(a, b)| &mention[a..b]);
        let (toks, g) = strip_name(run);
        let mut toks: Vec<&str> = toks.into_iter().map(|t| t.trim_end_matches('.')).filter(|t| !t.is_empty()).collect();
        // A capitalised connector or determiner is no part of a name ("Another commenter",
        // "Meanwhile"): without a name after it the speaker stays unknown.
        if toks.first().is_some_and(|t| not_name_start(t, true, FIRST_NAMES.contains_key(t))) {
            toks.remove(0);
            if toks.is_empty() {
                return None;
            }
        }
        if toks.is_empty() {
            return Some(mention.to_string());
        }
        if !person_like(&toks) {
            return Some(run.to_string());
        }
        let surname = toks.last().copied().unwrap_or_default();
        let idx = if toks.len() >= 2 {
            let name = toks.join(" ");
            self.by_name.get(&name).copied().or_else(|| {
                // A longer full name ending the same way ("Charles B. Rangel" for "Charles Rangel").
                self.by_last.get(surname)?.iter().copied().find(|&i| self.people[i].name.starts_with(toks[0]))
            })
        } else {
            self.best_for_surname(surname, span.start, g)
        };
        let i = match idx {
            Some(i) => {
                if g != Gender::Unknown {
                    self.people[i].gender = g;
                }
                self.people[i].credible = true;
                i
            }
            None => {
                let g = if g == Gender::Unknown { first_name_gender(toks[0]) } else { g };
                self.add_person(Person {
                    name: toks.join(" "),
                    last: surname.to_string(),
                    spans: vec![span],
                    first: span.start,
                    gender: g,
                    credible: true,
                })
            }
        };
        self.last_speaker = Some(i);
        self.mark(span.start, i);
        Some(self.people[i].name.clone())
    }
}
