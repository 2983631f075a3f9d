//! Deciding every line's kind (and splitting lines holding two blocks), then assembling the
//! [`Document`].

use crate::content::{self, Density};
use crate::lines::{self, Line};
use crate::shingles::Duplicates;
use crate::{byline, dateline, headline, lang, patterns, published};
use crate::{Block, BlockKind, Byline, Document, Headline};
use copydesk_normalize::Span;

/// What a line looks like on its own.
#[derive(Debug, Clone, PartialEq)]
enum Pre {
    Boiler(&'static str),
    Related,
    /// A link in a list under a "Related" header.
    RelatedList,
    Credit,
    /// A credit glued to a caption: the credit's length in bytes.
    Glued(usize),
    Stamp,
    Text,
}

impl Pre {
    fn furniture(&self) -> bool {
        !matches!(self, Pre::Text)
    }
}

fn push(doc: &mut Document, kind: BlockKind, span: Span, rule: &'static str) {
    if !span.is_empty() {
        doc.blocks.push(Block { kind, span, rule: rule.into() });
    }
}

fn trim_span(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    Span::new(span.start + lead, span.start + lead + t.len())
}

/// A short line that reads as a heading: starts with a capital or digit, mostly letters, no
/// trailing comma, not a sentence.
fn heading_like(s: &str, l: &Line) -> bool {
    (1..=30).contains(&l.words)
        && s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric() || c == '"')
        && !s.ends_with([',', ';', '|', '-', '>', '»'])
        && {
            let c = lines::Counts::of(s);
            c.letters * 2 > c.chars && c.digits * 3 < c.chars
        }
}

fn pre_classify(text: &str, measured: &lines::Measured, doc_script: Option<lang::Script>) -> Vec<Pre> {
    let lines = &measured.lines;
    let mut counts: foldhash::HashMap<&str, u32> = foldhash::HashMap::default();
    counts.reserve(lines.len());
    // (only lines of at most 30 words are looked up below, and equal lines have equal counts)
    for l in lines.iter().filter(|l| l.words <= 30) {
        *counts.entry(l.span.slice(text)).or_insert(0) += 1;
    }
    let mut dups = Duplicates::new(measured);
    let mut pre: Vec<Pre> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let s = l.span.slice(text);
            let dup = dups.is_duplicate(i);
            if patterns::is_related(s) {
                Pre::Related
            } else if let Some(n) = patterns::glued_credit(s) {
                Pre::Glued(n)
            } else if patterns::is_credit(s) {
                Pre::Credit
            } else if let Some(rule) = patterns::boilerplate_rule(s, l.words) {
                Pre::Boiler(rule)
            } else if published::is_stamp_line(s, l.words) && !byline::has_prefix(s) {
                Pre::Stamp
            } else if l.mixed_words >= 3 && l.mixed_words * 5 >= l.words {
                Pre::Boiler("look_alike_letters")
            } else if dup {
                Pre::Boiler("duplicate_text")
            } else if i > 0 && patterns::is_teaser(s) {
                Pre::Boiler("teaser")
            } else if i > 0 && l.words <= 30 && counts.get(s).copied().unwrap_or(0) > 1 {
                Pre::Boiler("repeated_line")
            } else if doc_script.is_some() && l.script != doc_script && l.counts(text).letters >= 3 {
                Pre::Boiler("other_script")
            } else {
                Pre::Text
            }
        })
        .collect();
    drop(dups);
    // the links under a "Related" header: short lines that are not sentences
    for i in 0..pre.len() {
        if !patterns::is_related_header(lines[i].span.slice(text)) {
            continue;
        }
        for j in i + 1..(i + 7).min(pre.len()) {
            let l = &lines[j];
            if pre[j] != Pre::Text || l.words > 25 || l.ends_sentence {
                break;
            }
            pre[j] = Pre::RelatedList;
        }
    }
    pre
}

/// Line-based parse of normalized text.
pub(crate) fn parse_text(text: &str) -> Document {
    let mut doc = Document::default();
    let mut measured = lines::split(text);
    if measured.lines.is_empty() {
        return doc;
    }
    let evidence = &measured.evidence;
    doc.language = lang::detect(evidence);
    let list = doc.language.as_deref().and_then(lang::list_index);
    let has_stoplist = list.is_some() || doc.language.is_none();
    let doc_script = evidence.dominant_script();
    lines::count_stopwords(&mut measured.lines, list);
    let pre = pre_classify(text, &measured, doc_script);
    let lines = &measured.lines;
    let dens: Vec<Density> =
        lines.iter().zip(&pre).map(|(l, p)| content::density(text, l, p.furniture(), has_stoplist)).collect();
    let usable =
        |i: usize| matches!(pre.get(i), Some(Pre::Text) | Some(Pre::Boiler("repeated_line" | "duplicate_text")));
    let title = headline::Title::new(text, &lines[0]);
    let anchor = headline::anchor(text, lines, &title, &usable);
    let (a, b) = content::main_region(lines, &dens, anchor);
    let (a, mut b) = if a >= b { (lines.len().min(1), lines.len().min(1)) } else { (a, b) };
    // short closing sentences of the article ("Work starts next year.")
    while b > a && b < lines.len() && b < a + lines.len() {
        let l = &lines[b];
        if !(matches!(pre[b], Pre::Text) && l.ends_sentence && l.words >= 3 && dens[b] != Density::Bad && {
            let c = l.counts(text);
            c.letters * 2 > c.chars
        }) {
            break;
        }
        b += 1;
    }
    // a trailing list of the article (results, fees, rosters) running to the end of the text
    let article_end = b;
    if b > a && structured_tail(text, lines, &pre, b) {
        b = lines.len();
    }

    // headline
    let webpage = a > 2 || lines.iter().take(a).filter(|l| l.words <= 3).count() >= 3;
    let limit = a.max(anchor.unwrap_or(0)).max(1) + 1;
    let mut head = headline::choose(text, lines, &title, limit, &usable, webpage);
    let mut head_line = head.as_ref().map(|h| h.line);

    // bylines and time stamps near the top of the article
    let top = head_line.unwrap_or(0);
    let head_is_title_only = head_line == Some(0) && webpage;
    let mut byline_line = None;
    let mut byline_end = 0;
    // short lines after line `i` that may continue a byline split over lines
    let next_short = |i: usize| {
        lines
            .iter()
            .zip(&pre)
            .skip(i + 1)
            .take(6)
            .take_while(|(l, p)| l.words <= 8 && matches!(p, Pre::Text | Pre::Boiler("repeated_line")))
            .map(|(l, _)| l.span.slice(text))
    };
    for i in top + 1..(a + 4).min(lines.len()) {
        let l = &lines[i];
        let s = l.span.slice(text);
        if l.words > 25 || (i >= a && !byline::has_prefix(s) && !byline::is_bare_prefix(s)) {
            continue;
        }
        // a name line right under the headline, or next to the article's time stamp
        let stamp = |j: usize| pre.get(j) == Some(&Pre::Stamp) && Some(j) != head_line;
        let near_stamp = (i > 0 && stamp(i - 1)) || stamp(i + 1);
        let name_line = matches!(pre[i], Pre::Text) && (!head_is_title_only && i <= top + 3 || near_stamp);
        let found = if byline::is_bare_prefix(s) {
            // "By" alone, the names on the next lines
            Some((Vec::new(), true))
        } else {
            byline::parse_byline(s)
                .or_else(|| name_line.then(|| byline::parse_name_line(s)).flatten())
                .map(|names| (names, byline::ends_open(s)))
        };
        if let Some((mut authors, open)) = found {
            let (more, used) = byline::continued(next_short(i), open);
            for n in more {
                if !authors.contains(&n) {
                    authors.push(n);
                }
            }
            if authors.is_empty() {
                continue;
            }
            let end = lines[i + used].span.end;
            doc.byline = Some(Byline { span: Span::new(l.span.start, end), authors });
            byline_line = Some(i);
            byline_end = i + used;
            break;
        }
    }
    if byline_line.is_none() {
        // "Posted by ..." anywhere on the page
        for (i, l) in lines.iter().enumerate() {
            let s = l.span.slice(text);
            if l.words <= 20 && byline::has_prefix(s) && (i < a || i >= b || !matches!(dens[i], Density::Good)) {
                if let Some(authors) = byline::parse_byline(s) {
                    doc.byline = Some(Byline { span: l.span, authors });
                    byline_line = Some(i);
                    break;
                }
            }
        }
    }
    // a page whose title is not repeated: the heading just above the byline is the headline
    if head_is_title_only {
        if let Some(k) = byline_line {
            // up to four lines back, over a time stamp and a standfirst; a heading may ask a question
            let cand = (k.saturating_sub(4)..k).rev().find(|&j| {
                let s = lines[j].span.slice(text);
                j > 0
                    && matches!(pre[j], Pre::Text)
                    && (4..=30).contains(&lines[j].words)
                    && (!lines[j].ends_sentence || s.ends_with('?'))
                    && heading_like(s, &lines[j])
            });
            if let Some(j) = cand {
                head = Some(headline::Choice { line: j, span: lines[j].span, attribution: None });
                head_line = Some(j);
            }
        }
    }
    if let Some(h) = &head {
        doc.headline = Some(Headline { span: h.span, attribution: h.attribution });
    }
    doc.published = find_published(text, lines, &pre, top, a, byline_line);

    let enclosed = enclosed_short_runs(&dens, a, article_end, 6);
    // kinds
    let mut standfirst_done = false;
    let mut after_credit = false;
    let mut last_caption: Option<&str> = None;
    for (i, l) in lines.iter().enumerate() {
        let s = l.span.slice(text);
        let in_main = i >= a && i < b;
        if Some(i) == head_line {
            if let Some(h) = &head {
                push(&mut doc, BlockKind::Headline, h.span, "headline");
                if h.span.end < l.span.end {
                    push(
                        &mut doc,
                        BlockKind::Boilerplate,
                        trim_span(text, Span::new(h.span.end, l.span.end)),
                        "site_name",
                    );
                }
            }
            continue;
        }
        if Some(i) == byline_line {
            push(&mut doc, BlockKind::Byline, l.span, "byline");
            continue;
        }
        if byline_line.is_some_and(|k| i > k && i <= byline_end) {
            push(&mut doc, BlockKind::Byline, l.span, "byline_continued");
            continue;
        }
        let was_after_credit = std::mem::replace(&mut after_credit, false);
        match &pre[i] {
            Pre::Related => push(&mut doc, BlockKind::Related, l.span, "related_prefix"),
            Pre::RelatedList => push(&mut doc, BlockKind::Related, l.span, "under_related_header"),
            Pre::Glued(n) => {
                let cut = l.span.start + n;
                push(&mut doc, BlockKind::Credit, trim_span(text, Span::new(l.span.start, cut)), "glued_credit");
                let cap = trim_span(text, Span::new(cut, l.span.end));
                push(&mut doc, BlockKind::Caption, cap, "after_credit");
                last_caption = Some(cap.slice(text));
            }
            Pre::Credit => {
                push(&mut doc, BlockKind::Credit, l.span, "credit_shape");
                after_credit = true;
            }
            Pre::Boiler("repeated_line" | "duplicate_text") | Pre::Stamp
                if in_main && i > a && l.words <= 30 && structured_line(s) =>
            {
                push(&mut doc, BlockKind::Paragraph, l.span, "list_in_main")
            }
            Pre::Boiler(rule) => push(&mut doc, BlockKind::Boilerplate, l.span, rule),
            Pre::Stamp => push(&mut doc, BlockKind::Boilerplate, l.span, "time_stamp"),
            Pre::Text => {
                if let Some(c) = last_caption.filter(|c| c.len() >= 10 && s.starts_with(c) && !in_main) {
                    let _ = c;
                    push(&mut doc, BlockKind::Caption, l.span, "repeated_caption");
                    continue;
                }
                if was_after_credit && !in_main && l.words <= 40 {
                    push(&mut doc, BlockKind::Caption, l.span, "after_credit");
                    last_caption = Some(s);
                    continue;
                }
                let d = dens[i];
                if in_main {
                    match d {
                        Density::Good | Density::Near => push(&mut doc, BlockKind::Paragraph, l.span, "main_text"),
                        _ => {
                            let next_text = lines
                                .get(i + 1..b)
                                .and_then(|r| r.iter().zip(&dens[i + 1..b]).next())
                                .is_some_and(|(_, d)| matches!(d, Density::Good | Density::Near));
                            if next_text && l.words <= 15 && heading_like(s, l) && i + 1 < b {
                                push(&mut doc, BlockKind::Subheading, l.span, "heading_in_main");
                            } else {
                                if enclosed[i] || (l.ends_sentence && l.words >= 3) || structured_line(s) {
                                    push(&mut doc, BlockKind::Paragraph, l.span, "short_in_main");
                                } else if i >= article_end
                                    && l.words <= 12
                                    && heading_like(s, l)
                                    && lines
                                        .iter()
                                        .skip(i + 1)
                                        .take(3)
                                        .any(|n| n.words <= 30 && structured_line(n.span.slice(text)))
                                {
                                    // the heading of an entry of the trailing list
                                    push(&mut doc, BlockKind::Subheading, l.span, "list_heading");
                                } else if i >= article_end {
                                    // a heading or note of the trailing list: left as outside the article
                                    push(&mut doc, BlockKind::Boilerplate, l.span, "outside_main");
                                } else {
                                    push(&mut doc, BlockKind::Boilerplate, l.span, "short_run_in_main");
                                }
                            }
                        }
                    }
                } else if i < a
                    && !standfirst_done
                    && head_line.is_some_and(|h| i > h)
                    && matches!(d, Density::Good | Density::Near)
                    && i + 6 >= a
                {
                    standfirst_done = true;
                    push(&mut doc, BlockKind::Standfirst, l.span, "after_headline");
                } else if i == 0 {
                    push(&mut doc, BlockKind::Boilerplate, l.span, "page_title");
                } else {
                    push(&mut doc, BlockKind::Boilerplate, l.span, "outside_main");
                }
            }
        }
    }
    find_dateline(text, &mut doc);
    doc.blocks.sort_by_key(|b| b.span.start);
    doc
}

/// A line shaped as an item of a data list: a numbered item ("3. Name ...", "3) Name ..."), a
/// labelled value with a number ("Label: 1,000"), a list under a label in capitals
/// ("LABEL: a, b, c"), or cells separated by tabs.
fn structured_line(s: &str) -> bool {
    let digits = s.bytes().take_while(|b| b.is_ascii_digit()).count();
    if (1..=3).contains(&digits) {
        let rest = s.get(digits..).unwrap_or("");
        let item = rest.get(2..).and_then(|r| r.chars().next()).is_some_and(char::is_alphabetic);
        if (rest.starts_with(". ") || rest.starts_with(") ")) && item {
            return true;
        }
    }
    if s.matches('\t').count() >= 2 {
        return true;
    }
    if let Some((label, value)) = s.split_once(": ") {
        let words = label.split_whitespace().count();
        return (1..=3).contains(&words)
            && label.chars().next().is_some_and(char::is_uppercase)
            && !label.contains(['.', ',', '"', '\u{201c}'])
            && (value.bytes().any(|b| b.is_ascii_digit()) || caps_label(label) && value.matches(',').count() >= 2)
            && !value.trim_start().starts_with(['"', '\u{201c}', '\''])
            && !s.ends_with(['.', '!', '?']);
    }
    false
}

/// A label in capitals ("DEFENDERS", "NEW MEMBERS").
fn caps_label(label: &str) -> bool {
    label.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !label.chars().any(char::is_lowercase)
}

/// True when the lines from `b` to the end hold no recognized furniture and read as a data
/// list closing the article: at least three list items making at least a quarter of the lines.
fn structured_tail(text: &str, lines: &[Line], pre: &[Pre], b: usize) -> bool {
    let tail = lines.get(b..).unwrap_or(&[]);
    if tail.is_empty() || tail.len() > 400 {
        return false;
    }
    let mut items = 0;
    for (l, p) in tail.iter().zip(pre.get(b..).unwrap_or(&[])) {
        if !matches!(p, Pre::Text | Pre::Stamp | Pre::Boiler("repeated_line" | "duplicate_text")) {
            return false;
        }
        if l.words <= 30 && structured_line(l.span.slice(text)) {
            items += 1;
        }
    }
    items >= 3 && items * 4 >= tail.len()
}

/// For each line: true when it lies in a run of at most `max` non-text lines with text lines
/// on both sides inside `[a, b)` (list items, short paragraphs, code lines of the article).
fn enclosed_short_runs(dens: &[Density], a: usize, b: usize, max: usize) -> Vec<bool> {
    let text = |d: &Density| matches!(d, Density::Good | Density::Near);
    let mut out = vec![false; dens.len()];
    let mut i = a;
    while i < b.min(dens.len()) {
        if text(&dens[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.min(dens.len()) && !text(&dens[i]) {
            i += 1;
        }
        let bounded = start > a && i < b.min(dens.len());
        if bounded && i - start <= max {
            out[start..i].iter_mut().for_each(|x| *x = true);
        }
    }
    out
}

/// Split a wire dateline off the first paragraphs; paragraphs before it become the standfirst.
fn find_dateline(text: &str, doc: &mut Document) {
    let mut seen = 0;
    for idx in 0..doc.blocks.len() {
        if doc.blocks[idx].kind != BlockKind::Paragraph {
            continue;
        }
        seen += 1;
        if seen > 3 {
            break;
        }
        let span = doc.blocks[idx].span;
        let Some((d, rest)) = dateline::find(span.slice(text), span.start) else { continue };
        let dspan = d.span;
        doc.dateline = Some(d);
        let body = trim_span(text, Span::new(rest.min(span.end), span.end));
        doc.blocks[idx] = Block { kind: BlockKind::Paragraph, span: body, rule: "after_dateline".into() };
        doc.blocks.push(Block { kind: BlockKind::Dateline, span: dspan, rule: "wire_dateline".into() });
        let has_standfirst = doc.blocks.iter().any(|b| b.kind == BlockKind::Standfirst);
        if !has_standfirst && seen == 2 {
            if let Some(p) = doc.blocks[..idx].iter_mut().rev().find(|b| b.kind == BlockKind::Paragraph) {
                p.kind = BlockKind::Standfirst;
                p.rule = "before_dateline".into();
            }
        }
        break;
    }
}

/// The publication date: a time-stamp line near the top (published/posted first), else the byline.
fn find_published(
    text: &str,
    lines: &[Line],
    pre: &[Pre],
    top: usize,
    a: usize,
    byline_line: Option<usize>,
) -> Option<String> {
    let lo = top.saturating_sub(3);
    let hi = (a + 6).min(lines.len());
    let mut best: Option<(u8, usize, String)> = None;
    for i in lo..hi {
        let l = &lines[i];
        if !(matches!(pre[i], Pre::Stamp) || Some(i) == byline_line || l.words <= 20 && pre[i] != Pre::Text) {
            continue;
        }
        let s = l.span.slice(text);
        let Some(date) = published::first_date(s) else { continue };
        let rank = published::stamp_rank(s);
        let dist = a.abs_diff(i);
        if best.as_ref().map_or(true, |(r, d, _)| rank > *r || rank == *r && dist < *d) {
            best = Some((rank, dist, date));
        }
    }
    if let Some((_, _, d)) = best {
        return Some(d);
    }
    // anywhere: an explicit "Published ..." stamp (with a date: the cheap date test first)
    lines.iter().filter(|l| l.words <= 25).find_map(|l| {
        let s = l.span.slice(text);
        (published::may_hold_date(s.as_bytes()) && published::stamp_rank(s) == 2)
            .then(|| published::first_date(s))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_item_shapes() {
        assert!(structured_line("3. Jane Doe (Team A) 7hr 20min"));
        assert!(structured_line("12) Some Company; 35.4 billion"));
        assert!(structured_line("Adults: 1000 Children: 5"));
        assert!(structured_line("2017\tHome\t2-1\tAway"));
        assert!(!structured_line("Share: Facebook"));
        assert!(!structured_line("He said: it was 5 years ago, and more."));
        assert!(!structured_line("2022 was a year"));
        assert!(structured_line("PLAYERS: Ann Lee (Club A), Bo Kim (Club B), Cy Li (Club C)"));
        assert!(!structured_line("Players: Ann Lee (Club A), Bo Kim (Club B), Cy Li (Club C)"));
    }

    #[test]
    fn trailing_result_list_is_body() {
        let mut t = String::from("Headline of the race report\n\n");
        for w in ["first", "second", "third"] {
            t.push_str(&format!("The drivers went out on the {w} long stage in the heat of the afternoon and the leader kept his place until the finish line.\n\n"));
        }
        t.push_str("Final result\n\n");
        for i in 1..=6 {
            t.push_str(&format!("{i}. Driver Number{i} (Team) 7hr 2{i}min\n\n"));
        }
        let doc = parse_text(&t);
        let items =
            doc.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph && b.span.slice(&t).contains("Driver")).count();
        assert_eq!(items, 6);
        let heading = doc.blocks.iter().find(|b| b.span.slice(&t) == "Final result").map(|b| b.kind);
        assert_eq!(heading, Some(BlockKind::Subheading));
    }

    #[test]
    fn trailing_links_stay_out() {
        let mut t = String::from("Headline of the report\n\n");
        for w in ["first", "second", "third"] {
            t.push_str(&format!(
                "The council met on Tuesday and agreed that the {w} bridge would be built by the end of next year.\n\n"
            ));
        }
        t.push_str("Home\n\nNews\n\nSport\n\nContact us\n");
        let doc = parse_text(&t);
        let sport: Vec<_> = doc.blocks.iter().filter(|b| b.span.slice(&t) == "Sport").collect();
        assert_eq!(sport.len(), 1);
        assert_eq!(sport[0].kind, BlockKind::Boilerplate);
        assert!(doc.blocks.iter().any(|b| b.kind == BlockKind::Paragraph && b.span.slice(&t).contains("third")));
    }
}
