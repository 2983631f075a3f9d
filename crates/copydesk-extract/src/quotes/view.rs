//! The speakers view of an article: who is quoted, how often, with the title the article gives.

use super::ws::SplitWsExt;
use crate::{Quote, QuoteKind};
use serde::{Deserialize, Serialize};

/// One quoted speaker of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// Resolved name ("Andrey Kelin").
    pub name: String,
    /// Title or affiliation as the article gives it next to a mention ("director of the Russian
    /// Foreign Ministry's Department of European Cooperation (DEC)", "Foreign Minister").
    pub title: Option<String>,
    /// Direct quotes.
    pub direct: usize,
    /// Mixed quotes.
    pub mixed: usize,
    /// Reported speech.
    pub indirect: usize,
}

/// Byte offset of the first `needle` in `hay`, as [`str::find`] gives it, by a plain scan from
/// the needle's first byte: mentions are short, so a substring searcher costs more to build
/// than it saves.
fn find_short(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else { return Some(0) };
    let mut from = 0;
    while let Some(k) = memchr::memchr(first, h.get(from..)?) {
        let at = from + k;
        if h.get(at..at + n.len()) == Some(n) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The title in a mention of `name`: an appositive after it ("X, director of Y") or the words
/// before the name ("Foreign Minister X").
fn title_in(mention: &str, name: &str) -> Option<String> {
    let last = name.split_ws().next_back()?;
    let pos = find_short(mention, last)?;
    let after = mention[pos + last.len()..].trim_start_matches([',', ' ']).trim_end_matches([',', ' ']);
    if !after.is_empty() {
        return Some(after.to_string());
    }
    let first = name.split_ws().next()?;
    let before = mention[..find_short(mention, first).unwrap_or(pos)].trim().trim_end_matches(',');
    let before = before.trim_start_matches(|c: char| c.is_lowercase() || c == ' ');
    (!before.is_empty()).then(|| before.to_string())
}

/// Speakers of `quotes` in order of first appearance; `text` is the text their spans point into.
pub fn speakers(text: &str, quotes: &[Quote]) -> Vec<Speaker> {
    let mut out: Vec<Speaker> = Vec::new();
    for q in quotes {
        let Some(name) = q.speaker.as_deref() else { continue };
        let idx = match out.iter().position(|s| s.name == name) {
            Some(i) => i,
            None => {
                out.push(Speaker { name: name.to_string(), title: None, direct: 0, mixed: 0, indirect: 0 });
                out.len() - 1
            }
        };
        let s = &mut out[idx];
        match q.kind {
            QuoteKind::Direct => s.direct += 1,
            QuoteKind::Mixed => s.mixed += 1,
            _ => s.indirect += 1,
        }
        if s.title.is_none() {
            if let Some(m) = q.speaker_mention.and_then(|m| text.get(m.start..m.end)) {
                s.title = title_in(m, name);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_find_agrees_with_str_find() {
        let hays = ["", "a", "Ann Lee, Lee's aide", "Sen. Ann Lee", "éé Lée Lee", "aaab", "Lee"];
        let needles = ["", "a", "Lee", "Lée", "ab", "aab", "é", "Lee's aide", "x", "Sen. Ann Lee!"];
        for h in hays {
            for n in needles {
                assert_eq!(find_short(h, n), h.find(n), "{h:?} {n:?}");
            }
        }
    }

    #[test]
    fn titles_from_appositives_and_prefixes() {
        assert_eq!(
            title_in("Ann Lee, head of the water office", "Ann Lee").as_deref(),
            Some("head of the water office")
        );
        assert_eq!(title_in("Foreign Minister Ann Lee", "Ann Lee").as_deref(), Some("Foreign Minister"));
        assert_eq!(title_in("Lee", "Ann Lee"), None);
    }
}
