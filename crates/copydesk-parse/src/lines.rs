//! Splitting normalized text into trimmed lines and measuring each line.

use crate::lang;
use copydesk_normalize::Span;
use std::ops::Range;

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
    /// Tokens mixing Latin letters with Cyrillic or Greek ones ("Yоur" with a Cyrillic "о"):
    /// look-alike letters that hide text from filters.
    pub mixed_words: usize,
    /// The line's words (alphanumeric runs) as hashes: a range of [`Measured::word_hashes`].
    pub hashes: Range<usize>,
}

/// What one pass over the text learns: its lines, the language evidence and the word hashes.
pub(crate) struct Measured {
    /// The non-empty lines, trimmed and measured.
    pub lines: Vec<Line>,
    /// Language evidence of the whole text.
    pub evidence: lang::Evidence,
    /// Hashes of the lower-cased words (maximal alphanumeric runs) of all lines, in text order.
    pub word_hashes: Vec<u64>,
}

impl Measured {
    /// The word hashes of one line.
    pub fn hashes(&self, l: &Line) -> &[u64] {
        self.word_hashes.get(l.hashes.clone()).unwrap_or(&[])
    }
}

/// FNV-1a offset basis and prime (word hashes).
pub(crate) const FNV_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a prime.
pub(crate) const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', ')', ']', '*', ' ']);
    t.ends_with(['.', '!', '?', ':', ';', '…']) && !t.ends_with("...") || t.ends_with("...\"")
}

/// Split `text` into trimmed, non-empty lines, measuring each, and gather the language
/// evidence and the word hashes of the whole text in the same pass: every character is looked
/// at once, with a fast path for ASCII.
pub(crate) fn split(text: &str) -> Measured {
    // about one word in six bytes of news text: room for the word hashes without regrowing
    let word_hashes = Vec::with_capacity(text.len() / 6);
    let mut m = Measured { lines: Vec::new(), evidence: lang::Evidence::default(), word_hashes };
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
        let line = measure(trimmed, span, &mut m.evidence, &mut buf, &mut m.word_hashes);
        m.lines.push(line);
    }
    m
}

/// The whitespace-separated token being read: where its core (the part from its first to its
/// last alphanumeric character) lies, and the core lower-cased when it is ASCII.
struct Token {
    start: usize,
    /// Byte offsets of the core, `core.0 == NONE` while no alphanumeric character was seen.
    core: (usize, usize),
    /// First non-alphabetic and first non-ASCII character at or after the core's start.
    non_alpha: usize,
    non_ascii: usize,
    /// ASCII bytes from the core's start, lower-cased (the first 16), and their count.
    key: [u8; 16],
    key_len: usize,
    /// Scripts of its letters: 1 = Latin, 2 = Cyrillic or Greek.
    scripts: u8,
}

const NONE: usize = usize::MAX;

impl Token {
    fn new(start: usize) -> Self {
        Token { start, core: (NONE, 0), non_alpha: NONE, non_ascii: NONE, key: [0; 16], key_len: 0, scripts: 0 }
    }

    /// Take one character at byte `i` of `len` bytes.
    fn push(&mut self, i: usize, len: usize, b: u8, alpha: bool, alnum: bool) {
        if alnum {
            if self.core.0 == NONE {
                self.core.0 = i;
            }
            self.core.1 = i + len;
        }
        if self.core.0 == NONE {
            return;
        }
        if !alpha && self.non_alpha == NONE {
            self.non_alpha = i;
        }
        if b >= 0x80 {
            if self.non_ascii == NONE {
                self.non_ascii = i;
            }
        } else if self.non_ascii == NONE {
            if let Some(k) = self.key.get_mut(self.key_len) {
                *k = b.to_ascii_lowercase();
            }
            self.key_len += 1;
        }
    }
}

/// Per-line counters filled while reading its tokens.
struct TokenCounts<'a> {
    words: usize,
    mixed_words: usize,
    /// Stopword hits per list (kept as [`Line::stop_hits`], saturated to `u16`).
    stop_hits: [u32; lang::N_LISTS],
    ev: &'a mut lang::Evidence,
    buf: &'a mut String,
}

impl TokenCounts<'_> {
    /// Count one stopword hit in each list of the mask `m`.
    fn hit(&mut self, m: u8) {
        if m == 0 {
            return;
        }
        for (i, h) in self.stop_hits.iter_mut().enumerate() {
            *h += u32::from(m >> i & 1);
        }
    }

    /// Count the token `t` ending at byte `end` of `s`: its stopword hits (by its core, when at
    /// most 12 bytes) and its vote for the document's language.
    fn finish(&mut self, s: &str, t: &Token, end: usize) {
        self.words += 1;
        if t.scripts == 3 {
            self.mixed_words += 1;
        }
        let (a, z) = t.core;
        if a == NONE {
            // no letter or digit: nothing to look up or vote
            return;
        }
        let core = s.get(a..z).unwrap_or("");
        let ascii = t.non_ascii >= z;
        let lookup = |buf: &mut String| {
            if ascii && core.len() <= 16 {
                // the key holds the bytes after the core too: keep the core's
                let n = core.len();
                let key = u128::from_le_bytes(t.key);
                let key = if n >= 16 { key } else { key & ((1u128 << (8 * n)) - 1) };
                lang::stop_mask_key(key, n)
            } else {
                lang::stop_mask_of(core, buf)
            }
        };
        let m = if core.len() <= 12 { lookup(self.buf) } else { 0 };
        self.hit(m);
        // the language vote counts maximal alphabetic runs: a token whose core is one such run
        // votes with the mask just computed
        if t.non_alpha >= z {
            let m = if core.len() <= 12 { m } else { lookup(self.buf) };
            self.ev.vote(m);
        } else {
            self.ev.vote_token(s.get(t.start..end).unwrap_or(""), self.buf);
        }
    }
}

/// Byte classes for the ASCII fast path of [`measure`]: whitespace, letter, digit, and the bytes
/// of other characters (`HIGH`, read as characters on the slow path).
const WS: u8 = 1;
const ALPHA: u8 = 2;
const DIGIT: u8 = 4;
const HIGH: u8 = 8;
const ALNUM: u8 = ALPHA | DIGIT;

const fn byte_classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b >= 0x80 {
            HIGH
        } else if matches!(b, b' ' | b'\t'..=b'\r') {
            WS
        } else if b.is_ascii_alphabetic() {
            ALPHA
        } else if b.is_ascii_digit() {
            DIGIT
        } else {
            0
        };
        i += 1;
    }
    t
}

static CLASS: [u8; 256] = byte_classes();

/// ASCII lower case of each byte.
static LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).to_ascii_lowercase();
        i += 1;
    }
    t
};

/// The `n <= 16` ASCII bytes of `bytes` from `a`, lower-cased, as a word key (zero-padded little
/// endian, see `lang::stop_mask_key`); 0 for longer words.
fn ascii_key(bytes: &[u8], a: usize, n: usize) -> u128 {
    if n > 16 {
        return 0;
    }
    let mut k = [0u8; 16];
    let x = match bytes.get(a..a + 16) {
        Some(w) => {
            k.copy_from_slice(w);
            let x = u128::from_le_bytes(k);
            if n == 16 {
                x
            } else {
                x & ((1u128 << (8 * n)) - 1)
            }
        }
        None => {
            if let (Some(dst), Some(src)) = (k.get_mut(..n), bytes.get(a..a + n)) {
                dst.copy_from_slice(src);
            }
            u128::from_le_bytes(k)
        }
    };
    // lower-case the bytes 'A'..='Z' all at once: every byte is below 0x80, so adding to each
    // byte never carries into the next
    const ONES: u128 = u128::from_le_bytes([1; 16]);
    let high = ONES * 0x80;
    let ge_a = x.wrapping_add(ONES * (0x80 - 0x41)) & high;
    let gt_z = x.wrapping_add(ONES * (0x80 - 0x5B)) & high;
    x | ((ge_a & !gt_z) >> 2)
}

fn class(b: u8) -> u8 {
    CLASS[b as usize]
}

/// The measures of one line being read, token by token.
struct LineCounts<'a> {
    /// Letters read on the ASCII path (Latin script).
    latin: usize,
    chars: usize,
    letters: usize,
    digits: usize,
    scripts: [usize; lang::N_SCRIPTS],
    tokens: TokenCounts<'a>,
    hashes: &'a mut Vec<u64>,
}

impl LineCounts<'_> {
    /// Read the token starting at byte `start` of `s` (not whitespace); returns its end. A token
    /// of ASCII bytes (most of them) is read in one pass over its bytes; others character by
    /// character.
    fn token(&mut self, s: &str, start: usize) -> usize {
        let bytes = s.as_bytes();
        let hash_mark = self.hashes.len();
        let mut end = start;
        let (mut letters, mut digits, mut runs) = (0usize, 0usize, 0usize);
        // the core: from the first to the last letter or digit
        let (mut a, mut z) = (NONE, 0);
        let mut h = FNV_BASIS;
        let mut in_word = false;
        while let Some(&b) = bytes.get(end) {
            let k = class(b);
            if k & (WS | HIGH) != 0 {
                if k & HIGH != 0 {
                    self.hashes.truncate(hash_mark);
                    return self.token_chars(s, start);
                }
                break;
            }
            if k == ALPHA && in_word {
                // inside a word: the rest of its letters in a tight loop
                let run = end;
                while let Some(&b) = bytes.get(end).filter(|&&b| class(b) == ALPHA) {
                    h = (h ^ LOWER[b as usize] as u64).wrapping_mul(FNV_PRIME);
                    end += 1;
                }
                letters += end - run;
                z = end;
                continue;
            }
            letters += usize::from(k & ALPHA != 0);
            digits += usize::from(k & DIGIT != 0);
            if k & ALNUM != 0 {
                if !in_word {
                    runs += 1;
                    if a == NONE {
                        a = end;
                    }
                }
                h = (h ^ LOWER[b as usize] as u64).wrapping_mul(FNV_PRIME);
                in_word = true;
                z = end + 1;
            } else if in_word {
                self.hashes.push(h);
                h = FNV_BASIS;
                in_word = false;
            }
            end += 1;
        }
        if in_word {
            self.hashes.push(h);
        }
        self.chars += end - start;
        self.letters += letters;
        self.digits += digits;
        self.latin += letters;
        let t = &mut self.tokens;
        t.words += 1;
        if a == NONE {
            // no letter or digit: nothing to look up or vote
            return end;
        }
        // its stopword mask (by the core, when at most 12 bytes) and its language vote; the core
        // is one alphabetic word when it is one run of letters and digits holding no digit
        let n = z - a;
        let key = || ascii_key(bytes, a, n);
        let m = if n <= 12 { lang::stop_mask_key(key(), n) } else { 0 };
        t.hit(m);
        if runs == 1 && digits == 0 {
            let m = if n <= 12 {
                m
            } else if n <= 16 {
                lang::stop_mask_key(key(), n)
            } else {
                0
            };
            t.ev.vote(m);
        } else {
            t.ev.vote_token(s.get(start..end).unwrap_or(""), t.buf);
        }
        end
    }

    /// Read the token starting at byte `start` character by character (any text); returns its
    /// end, the first whitespace character after it or the end of `s`.
    fn token_chars(&mut self, s: &str, start: usize) -> usize {
        let mut t = Token::new(start);
        let mut h = FNV_BASIS;
        let mut in_word = false;
        let bytes = s.as_bytes();
        let mut i = start;
        while let Some(&b) = bytes.get(i) {
            let (len, alpha, alnum);
            let mut script_bit = 0u8;
            if b < 0x80 {
                if class(b) & WS != 0 {
                    break;
                }
                len = 1;
                alpha = b.is_ascii_alphabetic();
                alnum = alpha || b.is_ascii_digit();
                if alpha {
                    self.letters += 1;
                    self.scripts[lang::Script::Latin as usize] += 1;
                    script_bit = 1;
                } else if alnum {
                    self.digits += 1;
                }
                if alnum {
                    h = (h ^ b.to_ascii_lowercase() as u64).wrapping_mul(FNV_PRIME);
                }
            } else {
                let c = s.get(i..).and_then(|t| t.chars().next()).unwrap_or(char::REPLACEMENT_CHARACTER);
                if c.is_whitespace() {
                    break;
                }
                len = c.len_utf8();
                alpha = c.is_alphabetic();
                alnum = alpha || c.is_numeric();
                self.tokens.ev.kana |= lang::is_kana(c);
                if alpha {
                    self.letters += 1;
                    let sc = lang::script_of(c);
                    self.scripts[sc as usize] += 1;
                    script_bit = match sc {
                        lang::Script::Latin => 1,
                        lang::Script::Cyrillic | lang::Script::Greek => 2,
                        _ => 0,
                    };
                }
                if alnum {
                    for l in c.to_lowercase() {
                        h = (h ^ l as u64).wrapping_mul(FNV_PRIME);
                    }
                }
            }
            self.chars += 1;
            if alnum {
                in_word = true;
            } else if in_word {
                self.hashes.push(h);
                h = FNV_BASIS;
                in_word = false;
            }
            t.scripts |= script_bit;
            t.push(i, len, b, alpha, alnum);
            i += len;
        }
        if in_word {
            self.hashes.push(h);
        }
        self.tokens.finish(s, &t, i);
        i
    }
}

fn measure(s: &str, span: Span, ev: &mut lang::Evidence, buf: &mut String, hashes: &mut Vec<u64>) -> Line {
    let hash_start = hashes.len();
    let tokens = TokenCounts { words: 0, mixed_words: 0, stop_hits: [0; lang::N_LISTS], ev, buf };
    let mut c = LineCounts { latin: 0, chars: 0, letters: 0, digits: 0, scripts: [0; lang::N_SCRIPTS], tokens, hashes };
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let k = class(b);
        if k & WS != 0 {
            c.chars += 1;
            i += 1;
            continue;
        }
        if k & HIGH != 0 {
            if let Some(ch) = s.get(i..).and_then(|t| t.chars().next()).filter(|ch| ch.is_whitespace()) {
                c.chars += 1;
                i += ch.len_utf8();
                continue;
            }
        }
        i = c.token(s, i);
    }
    let LineCounts { latin, chars, letters, digits, mut scripts, tokens, hashes } = c;
    scripts[lang::Script::Latin as usize] += latin;
    for (t, n) in tokens.ev.scripts.iter_mut().zip(scripts) {
        *t += n;
    }
    Line {
        span,
        words: tokens.words,
        stop: 0,
        stop_hits: tokens.stop_hits.map(|n| u16::try_from(n).unwrap_or(u16::MAX)),
        chars,
        ends_sentence: ends_sentence(s),
        letters,
        digits,
        script: lang::dominant(&scripts),
        mixed_words: tokens.mixed_words,
        hashes: hash_start..hashes.len(),
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
        let ls = split(t).lines;
        assert_eq!(ls.len(), 2);
        assert_eq!(ls[0].span.slice(t), "Title here");
        assert!(ls[1].ends_sentence);
        assert!(!ls[0].ends_sentence);
    }

    #[test]
    fn ascii_and_char_paths_agree() {
        // "word" read on the ASCII path and inside a token read character by character
        let m = split("Word x2 caf\u{e9}-WORD \u{a0}U.S. 12");
        let h = &m.word_hashes;
        assert_eq!(h.len(), 7);
        assert_eq!(h[0], h[3]);
        let l = &m.lines[0];
        assert_eq!((l.words, l.letters, l.digits, l.chars), (5, 15, 3, 26));
        // a token that turns out not to be ASCII is read again from its start
        let m = split("abc\u{e9} abc");
        assert_eq!(m.word_hashes.len(), 2);
        assert_eq!((m.lines[0].words, m.lines[0].letters), (2, 7));
    }

    #[test]
    fn word_keys_lower_case_ascii() {
        let all: Vec<u8> = (0u8..0x80).collect();
        for a in 0..all.len() {
            for n in 0..=16 {
                let Some(w) = all.get(a..a + n) else { continue };
                let mut want = [0u8; 16];
                want[..n].copy_from_slice(w);
                want.make_ascii_lowercase();
                assert_eq!(ascii_key(&all, a, n), u128::from_le_bytes(want));
            }
        }
        assert_eq!(ascii_key(b"ABCDEFGHIJKLMNOPQ", 0, 17), 0);
    }

    #[test]
    fn counts_look_alike_letters() {
        // Cyrillic "о", "е" and "а" inside Latin words
        let m = split("Yоur соntеnt hеrе is fine");
        assert_eq!(m.lines[0].mixed_words, 3);
        assert_eq!(split("Plain text, Кошка.").lines[0].mixed_words, 0);
    }
}
