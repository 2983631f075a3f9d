//! Attributions in headlines, which are written in their own style: `Speaker: content`
//! ("Trump: 'I'm the worst thing that ever happened to the establishment'") and a capitalised
//! cue ("County Says Trump Should Win").

use super::cue_scan::{is_cue_letters, Cues};
use super::ws::SplitWsExt;
use super::{mentions, reported, Draft, SpanExt};
use crate::{Context, QuoteKind};
use copydesk_normalize::Span;
use copydesk_parse::BlockKind;

/// Most words of a speaker before a headline colon.
const MAX_SPEAKER_WORDS: usize = 6;
/// Fewest words after the colon.
const MIN_CONTENT_WORDS: usize = 2;

/// Section labels that end in a colon without being speakers ("Watch: ...", "Update: ...").
fn is_label(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "watch"
            | "video"
            | "videos"
            | "photos"
            | "photo"
            | "exclusive"
            | "breaking"
            | "live"
            | "update"
            | "updated"
            | "opinion"
            | "analysis"
            | "editorial"
            | "commentary"
            | "review"
            | "read"
            | "listen"
            | "podcast"
            | "explainer"
            | "factbox"
            | "timeline"
            | "q&a"
    )
}

/// Is `c` a quotation mark that cannot be an apostrophe?
fn is_open_mark(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{ab}' | '\u{bb}')
}

/// Does a quote open at byte `i` of `s`: a mark that cannot be an apostrophe, or a straight or
/// curly single mark at the start of a word (`Trump: 'I Will Win'`, with the marks folded to
/// straight ones)?
fn opens_at(s: &str, i: usize) -> bool {
    let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else { return false };
    if is_open_mark(c) {
        return true;
    }
    let word_start = s[..i].chars().next_back().map_or(true, |p| p.is_whitespace() || p == '(');
    let next = s[i + c.len_utf8()..].chars().next();
    c == '\'' && word_start && next.is_some_and(char::is_alphanumeric)
}

/// Does `s` hold a quote opening (see [`opens_at`])?
fn has_quote(s: &str) -> bool {
    s.char_indices().any(|(i, c)| (c == '\'' || is_open_mark(c)) && opens_at(s, i))
}

/// Attributions in the headline segments of `ctx`.
pub(crate) fn find(ctx: &Context) -> Vec<Draft> {
    let mut out = Vec::new();
    for (si, seg) in ctx.segments.iter().enumerate() {
        if seg.kind != BlockKind::Headline {
            continue;
        }
        let h = ctx.slice(seg.span);
        let d = colon_form(h).or_else(|| cue_form(h));
        if let Some((mention, content, kind, cue)) = d {
            let content = content.shift(seg.span.start);
            out.push(Draft {
                span: content,
                content,
                kind,
                mention: Some(mention.shift(seg.span.start)),
                cue: Some(cue),
                cue_span: None,
                inherit: false,
                seg: si,
                attributed_after: false,
            });
        }
    }
    out
}

/// A draft's parts: mention, content, kind and cue, as spans of the headline.
type Parts = (Span, Span, QuoteKind, String);

/// `Speaker: content`.
fn colon_form(h: &str) -> Option<Parts> {
    let colon = h.find(':')?;
    let left = &h[..colon];
    let words: Vec<&str> = left.split_ws().collect();
    if words.is_empty() || words.len() > MAX_SPEAKER_WORDS {
        return None;
    }
    let first = words[0];
    if !first.chars().next().is_some_and(char::is_uppercase)
        || words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()) || is_label(w))
        || left.contains(|c: char| is_open_mark(c) || matches!(c, '?' | '!' | '|'))
    {
        return None;
    }
    // The speaker: the phrase before the colon.
    let ls = left.len() - left.trim_start().len();
    let mention = Span::new(ls, left.trim_end().len());
    let rest = &h[colon + 1..];
    let rs = colon + 1 + (rest.len() - rest.trim_start().len());
    let body = h[rs..].trim_end();
    let body = body.strip_suffix('.').unwrap_or(body).trim_end();
    if body.split_ws().take(MIN_CONTENT_WORDS).count() < MIN_CONTENT_WORDS || body.starts_with(':') {
        return None;
    }
    let mut end = rs + body.len();
    let last_c = body.chars().next_back()?;
    let kind = if opens_at(body, 0) && matches!(last_c, '"' | '\u{201d}' | '\u{2019}' | '\'') {
        // A wholly quoted statement keeps its closing period inside the marks.
        let full = h[rs..].trim_end();
        if full.ends_with(['\u{201d}', '\u{2019}', '"']) || full.ends_with(".\u{201d}") {
            end = rs + full.len();
        }
        QuoteKind::Direct
    } else if has_quote(body) {
        QuoteKind::Mixed
    } else {
        QuoteKind::Indirect
    };
    Some((mention, Span::new(rs, end), kind, ":".into()))
}

/// `Speaker Says Content`: the first capitalised or lower-case cue word.
fn cue_form(h: &str) -> Option<Parts> {
    for (i, w) in h.split_ws().enumerate() {
        if i == 0 {
            continue;
        }
        let off = w.as_ptr() as usize - h.as_ptr() as usize;
        let core = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() || !core.chars().all(|c| c.is_ascii_alphabetic()) || !is_cue_letters(core, Cues::Speech) {
            continue;
        }
        let cue = core.to_ascii_lowercase();
        let (m, c) = reported::parse(h, off, off + core.len(), &cue)?;
        if !mentions::plausible(m.slice(h)) {
            return None;
        }
        let kind = if has_quote(&h[c.start..c.end]) { QuoteKind::Mixed } else { QuoteKind::Indirect };
        return Some((m, c, kind, core.to_string()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn colon(h: &str) -> Option<(String, String, QuoteKind)> {
        colon_form(h).map(|(m, c, k, _)| (m.slice(h).to_string(), c.slice(h).to_string(), k))
    }

    #[test]
    fn speaker_colon_content() {
        assert_eq!(
            colon("Ann Lee: Dam Will Hold for Years."),
            Some(("Ann Lee".into(), "Dam Will Hold for Years".into(), QuoteKind::Indirect))
        );
        assert_eq!(
            colon("Lee: \u{2018}The Dam Will Hold.\u{2019}"),
            Some(("Lee".into(), "\u{2018}The Dam Will Hold.\u{2019}".into(), QuoteKind::Direct))
        );
        assert_eq!(
            colon("Lee: The Dam Is \u{2018}Safe\u{2019} for Now"),
            Some(("Lee".into(), "The Dam Is \u{2018}Safe\u{2019} for Now".into(), QuoteKind::Mixed))
        );
        // Straight single marks (typographic ones folded).
        assert_eq!(
            colon("Lee: 'The Dam Will Hold.'"),
            Some(("Lee".into(), "'The Dam Will Hold.'".into(), QuoteKind::Direct))
        );
        assert_eq!(
            colon("Lee: The Dam Is 'Safe' for Now"),
            Some(("Lee".into(), "The Dam Is 'Safe' for Now".into(), QuoteKind::Mixed))
        );
        assert_eq!(
            colon("Lee: The Dam's Gates Will Hold"),
            Some(("Lee".into(), "The Dam's Gates Will Hold".into(), QuoteKind::Indirect))
        );
        assert_eq!(colon("Watch: the dam at night"), None);
        assert_eq!(colon("12:05 p.m. update"), None);
        assert_eq!(colon("the dam: a history"), None);
    }

    #[test]
    fn capitalised_cue() {
        let h = "Water Office Says Dam Will Hold";
        let (m, c, k, _) = cue_form(h).unwrap();
        assert_eq!((m.slice(h), c.slice(h), k), ("Water Office", "Dam Will Hold", QuoteKind::Indirect));
    }
}
