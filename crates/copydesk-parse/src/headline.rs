//! Choosing the headline: the page title (first line) or the line that repeats it nearest the body,
//! and its trailing attribution or site name ("... - Russian Foreign Ministry", "... | Site").

use crate::lines::Line;
use copydesk_normalize::Span;
use std::collections::HashSet;

/// Separators between a title and a trailing attribution or site name.
const SEPARATORS: [&str; 6] = [" | ", " - ", " – ", " — ", " :: ", " / "];

fn tokens(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Byte length of the title part of `line` and the start of its trailing attribution, when the
/// line ends with " - Attribution" (at most 6 words).
pub(crate) fn split_attribution(line: &str) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for sep in SEPARATORS {
        if let Some(i) = line.rfind(sep) {
            let tail = line.get(i + sep.len()..).unwrap_or("");
            let words = tail.split_whitespace().count();
            if i >= 10
                && (1..=6).contains(&words)
                && tail.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric())
                && best.map_or(true, |(b, _)| i > b)
            {
                best = Some((i, i + sep.len()));
            }
        }
    }
    best
}

/// Similarity of a candidate line to the title: Dice coefficient over word sets.
fn similarity(a: &HashSet<String>, b: &HashSet<String>) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = a.intersection(b).count();
    2.0 * inter as f32 / (a.len() + b.len()) as f32
}

/// The first line after the title (line 0) that repeats it: the page's own headline, which the
/// article follows.
pub(crate) fn anchor(text: &str, lines: &[Line], usable: &dyn Fn(usize) -> bool) -> Option<usize> {
    let title = lines.first()?.span.slice(text);
    let mut cut = title.len();
    while let Some((end, _)) = split_attribution(title.get(..cut).unwrap_or(title)) {
        cut = end;
    }
    let tset = tokens(title.get(..cut).unwrap_or(title));
    if tset.len() < 2 {
        return None;
    }
    lines.iter().enumerate().skip(1).find_map(|(i, l)| {
        if !usable(i) || !(2..=40).contains(&l.words) || (l.ends_sentence && l.words >= 10) {
            return None;
        }
        let cand = tokens(l.span.slice(text));
        let covered = cand.intersection(&tset).count() as f32 / tset.len() as f32;
        (similarity(&cand, &tset) >= 0.6 && covered >= 0.7).then_some(i)
    })
}

/// The chosen headline: the line index, its span and attribution span.
pub(crate) struct Choice {
    pub line: usize,
    pub span: Span,
    pub attribution: Option<Span>,
}

/// Choose the headline among `lines[..limit]` of `text`. `webpage` says the text is a whole page
/// (a site name follows the title), not a clean article.
pub(crate) fn choose(
    text: &str,
    lines: &[Line],
    limit: usize,
    usable: &dyn Fn(usize) -> bool,
    webpage: bool,
) -> Option<Choice> {
    let first = lines.first()?;
    let title = first.span.slice(text);
    if first.words > 35 || (lines.len() == 1 && (first.ends_sentence || first.words >= 12)) {
        // the text starts with prose: no title line
        return None;
    }
    // the title without the site name
    let mut core = title;
    let mut cut = title.len();
    while let Some((end, _)) = split_attribution(core.get(..cut).unwrap_or(core)) {
        cut = end;
        if !webpage {
            break;
        }
    }
    if webpage {
        core = title.get(..cut).unwrap_or(title);
    }
    let tset = tokens(core);
    // parts of the title: "Site name: The headline", "Site - The headline"
    let parts: Vec<HashSet<String>> = title
        .split(" | ")
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(": "))
        .map(tokens)
        .filter(|t| t.len() >= 2 && *t != tset)
        .collect();
    let mut best: Option<(f32, usize)> = None;
    for pass in 0..2 {
        for (i, l) in lines.iter().enumerate().take(limit.min(lines.len())).skip(1) {
            if !usable(i) || !(2..=40).contains(&l.words) || (l.ends_sentence && l.words >= 10) {
                continue;
            }
            let cand = tokens(l.span.slice(text));
            let ok = |target: &HashSet<String>, min_sim: f32, min_cov: f32| {
                let covered = cand.intersection(target).count() as f32 / target.len().max(1) as f32;
                let sim = similarity(&cand, target);
                (sim >= min_sim && covered >= min_cov).then_some(sim)
            };
            let sim = if pass == 0 { ok(&tset, 0.5, 0.6) } else { parts.iter().find_map(|p| ok(p, 0.85, 0.8)) };
            // the title's own wording, letter for letter, beats a variant
            let sim = sim.map(|x| if title.contains(l.span.slice(text)) { x + 0.1 } else { x });
            if let Some(sim) = sim {
                if best.map_or(true, |(b, _)| sim >= b - 0.05) {
                    best = Some((sim, i));
                }
            }
        }
        if best.is_some() {
            break;
        }
    }
    if let Some((_, i)) = best {
        let l = &lines[i];
        // the title glued to the text after it ("The Headline Welcome to ..."): the title's part
        let cand = l.span.slice(text);
        let core = title.get(..cut).unwrap_or(title).trim();
        let span = if core.split_whitespace().count() >= 3
            && cand.len() > core.len()
            && cand.starts_with(core)
            && cand.get(core.len()..).is_some_and(|rest| {
                // text after it, not a separator and the rest of the title
                let mut cs = rest.chars();
                cs.next() == Some(' ') && cs.next().is_some_and(char::is_uppercase)
            }) {
            Span::new(l.span.start, l.span.start + core.len())
        } else {
            l.span
        };
        return Some(Choice { line: i, span, attribution: None });
    }
    // no repeat of the title: a site name after " | " goes, an attribution after a dash stays
    if webpage && title.get(..cut).is_some_and(|c| c.len() < title.len()) {
        if let Some(bar) = title.rfind(" | ").filter(|&i| i >= 10) {
            let end = first.span.start + title[..bar].trim_end().len();
            return Some(Choice { line: 0, span: Span::new(first.span.start, end), attribution: None });
        }
    }
    let attribution = split_attribution(title).map(|(_, a)| Span::new(first.span.start + a, first.span.end));
    Some(Choice { line: 0, span: first.span, attribution })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribution() {
        let l = "US Using Pressure on Balkans - Foreign Ministry";
        let (t, a) = split_attribution(l).unwrap();
        assert_eq!(&l[..t], "US Using Pressure on Balkans");
        assert_eq!(&l[a..], "Foreign Ministry");
        assert!(split_attribution("A plain headline").is_none());
    }
}
