//! Direct quotes and their speakers (first cut: quotation marks within a paragraph, a speech
//! verb next to them, surnames and pronouns resolved to the last matching person).

use crate::{Context, Entity, EntityLabel, Quote, QuoteKind};
use copydesk_normalize::Span;
use once_cell::sync::Lazy;
use regex::Regex;

const CUES: &str = "said|says|told|tells|explained|added|noted|asked|wrote|stated|warned|insisted|argued|declared|continued|replied";

static AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"^\s*(?:(?P<who1>[Hh]e|[Ss]he|[Tt]hey|[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*|[Tt]he [a-z-]+(?: [a-z-]+)?) (?P<cue1>{CUES})\b|(?P<cue2>{CUES}) (?P<who2>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*))"
    ))
    .expect("after regex")
});

static BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?P<who>[Hh]e|[Ss]he|[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*) (?P<cue>{CUES})(?: that)?[,:]?\s*$"
    ))
    .expect("before regex")
});

fn is_open(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{ab}')
}

fn is_close(c: char) -> bool {
    matches!(c, '"' | '\u{201d}' | '\u{bb}')
}

fn is_pronoun(s: &str) -> bool {
    matches!(s.to_ascii_lowercase().as_str(), "he" | "she" | "they")
}

/// Find direct quotes in paragraphs and attribute them.
pub(crate) fn find(ctx: &Context, entities: &[Entity]) -> Vec<Quote> {
    let people: Vec<&str> = entities.iter().filter(|e| e.label == EntityLabel::Person).map(|e| ctx.slice(e.span)).collect();
    let mut out = Vec::new();
    let mut last_speaker: Option<String> = None;
    for seg in ctx.segments.iter().filter(|s| s.kind == copydesk_parse::BlockKind::Paragraph) {
        let s = ctx.slice(seg.span);
        let mut open: Option<(usize, char)> = None;
        for (i, c) in s.char_indices() {
            match open {
                None if is_open(c) => open = Some((i, c)),
                Some((o, oc)) if is_close(c) && (oc != '"' || c == '"') => {
                    open = None;
                    let content = &s[o + oc.len_utf8()..i];
                    if content.split_whitespace().count() < 4 {
                        continue;
                    }
                    let end = i + c.len_utf8();
                    let after = &s[end..];
                    let before = &s[..o];
                    let (mention, cue) = if let Some(m) = AFTER.captures(after) {
                        let who = m.name("who1").or_else(|| m.name("who2"));
                        let cue = m.name("cue1").or_else(|| m.name("cue2"));
                        (who.map(|w| Span::new(seg.span.start + end + w.start(), seg.span.start + end + w.end())), cue.map(|c| c.as_str().to_string()))
                    } else if let Some(m) = BEFORE.captures(before) {
                        let w = m.name("who");
                        (w.map(|w| Span::new(seg.span.start + w.start(), seg.span.start + w.end())), m.name("cue").map(|c| c.as_str().to_string()))
                    } else {
                        (None, None)
                    };
                    let speaker = mention.map(|m| {
                        let who = ctx.slice(m);
                        if is_pronoun(who) || who.starts_with("the ") || who.starts_with("The ") {
                            last_speaker.clone().unwrap_or_else(|| who.to_string())
                        } else {
                            people.iter().find(|p| p.ends_with(who) && p.len() > who.len()).map_or(who.to_string(), |p| p.to_string())
                        }
                    });
                    if speaker.is_some() {
                        last_speaker = speaker.clone();
                    }
                    out.push(Quote {
                        span: Span::new(seg.span.start + o, seg.span.start + end),
                        content: Span::new(seg.span.start + o + oc.len_utf8(), seg.span.start + i),
                        kind: QuoteKind::Direct,
                        speaker,
                        speaker_mention: mention,
                        cue,
                    });
                }
                _ => {}
            }
        }
    }
    out
}
