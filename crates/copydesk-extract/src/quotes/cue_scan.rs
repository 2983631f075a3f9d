//! Finding cue words: one pass over the document builds a sorted index of every cue word
//! (whole words, as the regex `\b` sees them), which the quote and reported-speech passes then
//! query by range, without regexes or rescans.
//!
//! Words are cut with a byte-class table (characters outside ASCII are decoded only in words
//! that contain them); a word is looked up only when its first letter and length fit some cue.
//! The few two-word cues ("pointed out", "according to") are checked against the next word.
//! Cue words are matched case-sensitively (they are lower case), except "According to".

use foldhash::{HashMap, HashMapExt};
use once_cell::sync::Lazy;

/// Which cue list a word belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cues {
    /// Speech verbs that attribute quotes (data/cues.txt) and "according to".
    Speech,
    /// Speech verbs plus verbs of thinking and stance, for reported speech
    /// (data/cues.txt + data/reporting_verbs.txt) and "according to".
    Report,
}

impl Cues {
    fn bit(self) -> u8 {
        match self {
            Cues::Speech => SPEECH,
            Cues::Report => REPORT,
        }
    }
}

/// Bit of a word in [`Cues::Speech`].
const SPEECH: u8 = 1;
/// Bit of a word in [`Cues::Report`].
const REPORT: u8 = 2;

/// What a cue word stands for.
#[derive(Debug, Default)]
struct Entry {
    /// Lists it is a one-word cue of.
    single: u8,
    /// Second words of two-word cues that start with it, with their lists.
    second: Vec<(&'static str, u8)>,
}

/// The compiled cue lists.
struct Lexicon {
    words: HashMap<&'static str, Entry>,
    /// Per first two bytes (first `a`..`z`, "A" as "a"; second `a`..`z` or any other byte as
    /// one more column): bit `n` is set when a cue word (or first word of a two-word cue) of `n`
    /// bytes starts with them. Most words fail this test and are never hashed.
    len_mask: [u32; 26 * 27],
}

/// Column of the second byte of a word in [`Lexicon::len_mask`].
fn second_col(b: Option<&u8>) -> usize {
    match b {
        Some(&c) if c.is_ascii_lowercase() => usize::from(c - b'a'),
        _ => 26,
    }
}

impl Lexicon {
    /// Might `w` be a cue word?
    #[inline]
    fn may_be_cue(&self, w: &[u8]) -> bool {
        let f = match w.first() {
            Some(b'A') => b'a',
            Some(&f) => f,
            None => return false,
        };
        f.is_ascii_lowercase()
            && w.len() < 32
            && self.len_mask[usize::from(f - b'a') * 27 + second_col(w.get(1))] & (1 << w.len()) != 0
    }
}

fn lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

static LEXICON: Lazy<Lexicon> = Lazy::new(|| {
    let mut lx = Lexicon { words: HashMap::new(), len_mask: [0; 26 * 27] };
    let speech = lines(include_str!("../../data/cues.txt")).map(|c| (c, SPEECH | REPORT));
    let report = lines(include_str!("../../data/reporting_verbs.txt")).map(|c| (c, REPORT));
    let according = [("according to", SPEECH | REPORT), ("According to", SPEECH | REPORT)];
    for (cue, bits) in speech.chain(report).chain(according) {
        let mut ws = cue.split_whitespace();
        let (Some(a), b) = (ws.next(), ws.next()) else { continue };
        let f = a.as_bytes()[0].to_ascii_lowercase();
        if f.is_ascii_lowercase() && a.len() < 32 {
            lx.len_mask[usize::from(f - b'a') * 27 + second_col(a.as_bytes().get(1))] |= 1 << a.len();
        }
        let e = lx.words.entry(a).or_default();
        match b {
            None => e.single |= bits,
            Some(b) => match e.second.iter_mut().find(|(w, _)| *w == b) {
                Some(x) => x.1 |= bits,
                None => e.second.push((b, bits)),
            },
        }
    }
    lx
});

/// Is `c` part of a word (as the regex `\w` sees it, marks aside)?
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Class of each byte: 1 for an ASCII word byte, 2 for a non-ASCII byte, 0 for other ASCII.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b >= 0x80 {
            2
        } else if b.is_ascii_alphanumeric() || b == b'_' {
            1
        } else {
            0
        };
        i += 1;
    }
    t
};

/// One cue in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Hit {
    start: usize,
    end: usize,
    /// Lists it belongs to.
    bits: u8,
}

/// The cue words of one text, in order.
#[derive(Debug, Clone, Default)]
pub(crate) struct CueIndex {
    hits: Vec<Hit>,
}

impl CueIndex {
    /// Index the cues of `text` in one pass.
    pub(crate) fn new(text: &str) -> Self {
        let lx = &*LEXICON;
        let b = text.as_bytes();
        let mut hits = Vec::new();
        let mut i = 0;
        while i < b.len() {
            // A raw token: a run of ASCII word bytes and non-ASCII bytes.
            let Some(k) = b[i..].iter().position(|&x| BYTE_CLASS[usize::from(x)] != 0) else { break };
            let start = i + k;
            let mut end = start;
            let mut ascii = true;
            while let Some(&x) = b.get(end) {
                match BYTE_CLASS[usize::from(x)] {
                    0 => break,
                    1 => end += 1,
                    _ => {
                        ascii = false;
                        end += 1;
                    }
                }
            }
            i = end;
            if ascii {
                if lx.may_be_cue(&b[start..end]) {
                    consider(lx, text, start, end, &mut hits);
                }
            } else {
                // Cut the token into words by their characters.
                let mut w: Option<usize> = None;
                for (off, c) in text[start..end].char_indices() {
                    let at = start + off;
                    match (is_word_char(c), w) {
                        (true, None) => w = Some(at),
                        (false, Some(ws)) => {
                            consider(lx, text, ws, at, &mut hits);
                            w = None;
                        }
                        _ => {}
                    }
                }
                if let Some(ws) = w {
                    consider(lx, text, ws, end, &mut hits);
                }
            }
        }
        CueIndex { hits }
    }

    /// The cues of list `which` inside `start..end`, in order.
    pub(crate) fn in_range(&self, start: usize, end: usize, which: Cues) -> impl Iterator<Item = (usize, usize)> + '_ {
        let bit = which.bit();
        let from = self.hits.partition_point(|h| h.start < start);
        let mut last_start = usize::MAX;
        self.hits[from..]
            .iter()
            .take_while(move |h| h.start < end)
            .filter(move |h| {
                let ok = h.end <= end && h.bits & bit != 0 && h.start != last_start;
                if ok {
                    last_start = h.start;
                }
                ok
            })
            .map(|h| (h.start, h.end))
    }

    /// The first cue of list `which` inside `start..end`.
    pub(crate) fn first_in(&self, start: usize, end: usize, which: Cues) -> Option<(usize, usize)> {
        self.in_range(start, end, which).next()
    }

    /// The last cue of list `which` inside `start..end`.
    pub(crate) fn last_in(&self, start: usize, end: usize, which: Cues) -> Option<(usize, usize)> {
        let bit = which.bit();
        let to = self.hits.partition_point(|h| h.start < end);
        let from = self.hits.partition_point(|h| h.start < start);
        // Among hits at the same start, the first recorded (the two-word form) wins.
        let mut best: Option<Hit> = None;
        for h in self.hits[from..to].iter().rev() {
            if h.end > end || h.bits & bit == 0 {
                continue;
            }
            match best {
                Some(x) if x.start > h.start => break,
                _ => best = Some(*h),
            }
        }
        best.map(|h| (h.start, h.end))
    }
}

/// Is `w` (any case) a one-word cue of list `which` ("Says" in a headline)?
pub(crate) fn is_cue_word(w: &str, which: Cues) -> bool {
    super::lexicon::with_lower(w, |lw| LEXICON.words.get(lw).is_some_and(|e| e.single & which.bit() != 0))
}

/// Record the word `text[a..b]` if it is a cue (two-word form first, then the one-word form).
fn consider(lx: &Lexicon, text: &str, a: usize, b: usize, hits: &mut Vec<Hit>) {
    if !lx.may_be_cue(&text.as_bytes()[a..b]) {
        return;
    }
    let Some(e) = lx.words.get(&text[a..b]) else { return };
    let mut double_bits = 0;
    if !e.second.is_empty() {
        if let Some((second, d)) = next_word(text, b) {
            for &(x, bits) in &e.second {
                if x == second {
                    double_bits |= bits;
                    hits.push(Hit { start: a, end: d, bits });
                }
            }
        }
    }
    let single = e.single & !double_bits;
    if single != 0 {
        hits.push(Hit { start: a, end: b, bits: single });
    }
}

/// The word after the whitespace at `b` (none without whitespace) and its end.
fn next_word(text: &str, b: usize) -> Option<(&str, usize)> {
    let rest = text.get(b..)?;
    let t = rest.trim_start();
    if t.len() == rest.len() {
        return None;
    }
    let c = b + (rest.len() - t.len());
    let len = t.find(|ch: char| !is_word_char(ch)).unwrap_or(t.len());
    (len > 0).then(|| (&t[..len], c + len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(s: &str, which: Cues) -> Vec<&str> {
        CueIndex::new(s).in_range(0, s.len(), which).map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(cues("Smith said, he told", Cues::Speech), vec!["said", "told"]);
        assert!(cues("the saidness of unsaid", Cues::Speech).is_empty());
        assert!(cues("Said Smith", Cues::Speech).is_empty());
        assert_eq!(cues("—said—", Cues::Speech), vec!["said"]);
        assert_eq!(cues("él dijo que", Cues::Speech), vec!["dijo"]);
        assert!(cues("ésaid saidé", Cues::Speech).is_empty());
    }

    #[test]
    fn two_word_cues() {
        assert_eq!(cues("he pointed  out that", Cues::Speech), vec!["pointed  out"]);
        assert!(cues("he pointed at it", Cues::Speech).is_empty());
        assert!(cues("he pointed outside", Cues::Speech).is_empty());
        assert_eq!(cues("According to officials", Cues::Speech), vec!["According to"]);
        assert_eq!(cues("it rose, according to data", Cues::Speech), vec!["according to"]);
        assert!(cues("according-to", Cues::Speech).is_empty());
        assert_eq!(cues("she was referring to it", Cues::Report), vec!["referring to"]);
        assert!(cues("she was referring to it", Cues::Speech).is_empty());
    }

    #[test]
    fn report_list_is_a_superset() {
        assert_eq!(cues("they believe and want", Cues::Report), vec!["believe", "want"]);
        assert!(cues("they believe and want", Cues::Speech).is_empty());
        assert_eq!(cues("Ann said", Cues::Report), vec!["said"]);
    }

    #[test]
    fn ranges() {
        let s = "Ann said it. Bob told us. Cy added.";
        let ix = CueIndex::new(s);
        assert_eq!(ix.first_in(9, s.len(), Cues::Speech), Some((17, 21)));
        assert_eq!(ix.last_in(0, 25, Cues::Speech), Some((17, 21)));
        assert_eq!(ix.last_in(0, 20, Cues::Speech), Some((4, 8)));
        assert_eq!(ix.first_in(22, 26, Cues::Speech), None);
    }
}
