//! Splitting normalized text into trimmed lines and measuring each line.

use crate::lang;
use copydesk_normalize::Span;

/// One non-empty line of the text with the measures the classifiers use.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// Trimmed span of the line (bytes of normalized text).
    pub span: Span,
    /// Whitespace-separated tokens.
    pub words: usize,
    /// Tokens that are stopwords of the document's language (filled in by [`count_stopwords`]).
    pub stop: usize,
    /// Bit mask per stopword list: tokens hitting each list (used before the language is known).
    pub stop_hits: [u16; lang::N_LISTS],
    /// Characters.
    pub chars: usize,
    /// Ends with sentence punctuation (possibly followed by a closing quote or bracket).
    pub ends_sentence: bool,
    /// Alphabetic characters.
    pub letters: usize,
    /// Digits.
    pub digits: usize,
}

fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', ')', ']', '*', ' ']);
    t.ends_with(['.', '!', '?', ':', ';', '…']) && !t.ends_with("...") || t.ends_with("...\"")
}

/// Split `text` into trimmed, non-empty lines.
pub(crate) fn split(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in text.split('\n') {
        let start = pos;
        pos += raw.len() + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = raw.len() - raw.trim_start().len();
        let span = Span::new(start + lead, start + lead + trimmed.len());
        out.push(measure(trimmed, span));
    }
    out
}

fn measure(s: &str, span: Span) -> Line {
    let mut words = 0;
    let mut stop_hits = [0u16; lang::N_LISTS];
    let mut buf = String::new();
    for w in s.split_whitespace() {
        words += 1;
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        if core.len() <= 12 {
            buf.clear();
            buf.extend(core.chars().flat_map(char::to_lowercase));
            let m = lang::stop_mask(&buf);
            for (i, h) in stop_hits.iter_mut().enumerate() {
                if m & (1 << i) != 0 {
                    *h = h.saturating_add(1);
                }
            }
        }
    }
    let (mut chars, mut letters, mut digits) = (0, 0, 0);
    for c in s.chars() {
        chars += 1;
        if c.is_alphabetic() {
            letters += 1;
        } else if c.is_ascii_digit() {
            digits += 1;
        }
    }
    Line { span, words, stop: 0, stop_hits, chars, ends_sentence: ends_sentence(s), letters, digits }
}

/// Fill in `stop` for the language list `idx` (or the best list per line when `None`).
pub(crate) fn count_stopwords(lines: &mut [Line], idx: Option<usize>) {
    for l in lines {
        l.stop = match idx {
            Some(i) => l.stop_hits.get(i).copied().unwrap_or(0) as usize,
            None => l.stop_hits.iter().copied().max().unwrap_or(0) as usize,
        };
    }
}

impl Line {
    /// Share of tokens that are stopwords.
    pub fn stop_ratio(&self) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            self.stop as f32 / self.words as f32
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_trims() {
        let t = "  Title here \n\nThe body is here.\r\n";
        let ls = split(t);
        assert_eq!(ls.len(), 2);
        assert_eq!(ls[0].span.slice(t), "Title here");
        assert!(ls[1].ends_sentence);
        assert!(!ls[0].ends_sentence);
    }
}
