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
    /// The script of most of the line's letters (`None` without letters).
    pub script: Option<lang::Script>,
}

fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', ')', ']', '*', ' ']);
    t.ends_with(['.', '!', '?', ':', ';', '…']) && !t.ends_with("...") || t.ends_with("...\"")
}

/// Split `text` into trimmed, non-empty lines, measuring each, and gather the language
/// evidence of the whole text in the same pass (every character and word is looked at once).
pub(crate) fn split(text: &str) -> (Vec<Line>, lang::Evidence) {
    let mut out = Vec::new();
    let mut ev = lang::Evidence::default();
    let mut buf = String::new();
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
        out.push(measure(trimmed, span, &mut ev, &mut buf));
    }
    (out, ev)
}

fn measure(s: &str, span: Span, ev: &mut lang::Evidence, buf: &mut String) -> Line {
    let mut words = 0;
    let mut stop_hits = [0u16; lang::N_LISTS];
    for w in s.split_whitespace() {
        words += 1;
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        let m = if core.len() <= 12 { lang::stop_mask_of(core, buf) } else { 0 };
        if m != 0 {
            for (i, h) in stop_hits.iter_mut().enumerate() {
                if m & (1 << i) != 0 {
                    *h = h.saturating_add(1);
                }
            }
        }
        // the language vote counts maximal alphabetic runs: a token whose core is one such run
        // votes with the mask just computed
        if !core.is_empty() && core.chars().all(char::is_alphabetic) {
            let m = if core.len() <= 12 { m } else { lang::stop_mask_of(core, buf) };
            ev.vote(m);
        } else {
            ev.vote_token(w, buf);
        }
    }
    let (mut chars, mut letters, mut digits) = (0, 0, 0);
    let mut scripts = [0usize; lang::N_SCRIPTS];
    for c in s.chars() {
        chars += 1;
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                letters += 1;
                scripts[lang::Script::Latin as usize] += 1;
            } else if c.is_ascii_digit() {
                digits += 1;
            }
        } else {
            ev.kana |= lang::is_kana(c);
            if c.is_alphabetic() {
                letters += 1;
                scripts[lang::script_of(c) as usize] += 1;
            }
        }
    }
    for (t, n) in ev.scripts.iter_mut().zip(scripts) {
        *t += n;
    }
    Line {
        span,
        words,
        stop: 0,
        stop_hits,
        chars,
        ends_sentence: ends_sentence(s),
        letters,
        digits,
        script: lang::dominant(&scripts),
    }
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
        let (ls, _) = split(t);
        assert_eq!(ls.len(), 2);
        assert_eq!(ls[0].span.slice(t), "Title here");
        assert!(ls[1].ends_sentence);
        assert!(!ls[0].ends_sentence);
    }
}
