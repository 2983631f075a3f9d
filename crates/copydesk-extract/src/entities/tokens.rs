//! Word tokens of a sentence, with the flags the entity rules need.

use crate::numbers::{ent, Tok as NumTok, TokKind};
use crate::Context;

/// One token: a word, or a punctuation mark that breaks names apart. Twelve bytes (offsets
/// as `u32`: sentences longer than 4 GiB get no tokens), so an article's tokens take half
/// the cache lines they took with `usize` offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    /// Start (bytes of the sentence text); [`Tok::start`].
    start: u32,
    /// End (bytes), without a possessive "'s"; [`Tok::end`].
    end: u32,
    /// A word (false: punctuation or symbol).
    pub word: bool,
    /// The word starts with an upper-case letter (after a "pro-"/"anti-" style prefix, which is cut off).
    pub cap: bool,
    /// Followed by a possessive "'s" (or a bare "'" after a plural).
    pub poss: bool,
    /// A word of at least four chars starting with a letter (for headline detection).
    pub long: bool,
}

/// Longest sentence that gets tokens (offsets fit a `u32`).
const MAX_SENTENCE: usize = u32::MAX as usize;

impl Tok {
    /// A token at bytes `start..end` of a sentence of at most [`MAX_SENTENCE`] bytes.
    #[inline]
    fn new(start: usize, end: usize, word: bool, cap: bool, poss: bool, long: bool) -> Self {
        // (lossless: offsets are at most the sentence's length)
        Tok { start: start as u32, end: end as u32, word, cap, poss, long }
    }
    /// Start (bytes of the sentence text).
    #[inline]
    pub fn start(self) -> usize {
        self.start as usize
    }
    /// End (bytes), without a possessive "'s".
    #[inline]
    pub fn end(self) -> usize {
        self.end as usize
    }
}

const PREFIXES: &[&str] = &["pro-", "anti-", "ex-", "non-", "post-", "pre-", "neo-", "mid-", "all-", "trans-"];

/// [`PREFIXES`] packed ([`pack`]; each is lower case, at most six bytes, and ends with its only
/// hyphen).
static PACKED_PREFIXES: [u64; PREFIXES.len()] = {
    let mut t = [0u64; PREFIXES.len()];
    let mut k = 0;
    while k < PREFIXES.len() {
        assert!(PREFIXES[k].len() <= 6, "a prefix fits the bytes prefix_len reads");
        t[k] = pack(PREFIXES[k].as_bytes());
        k += 1;
    }
    t
};

/// Length of the prefix of [`PREFIXES`] (in any case) that the word `w` starts with and goes
/// on after, or None. A prefix ends at the word's first hyphen, so only the bytes up to it are
/// compared: lower-cased and packed into one number.
fn prefix_len(w: &[u8]) -> Option<usize> {
    let h = w.iter().take(6).position(|&c| c == b'-')?;
    let p = w.get(..=h).filter(|p| w.len() > p.len())?;
    let v = p.iter().rev().fold(0u64, |v, &c| v << 8 | u64::from(c.to_ascii_lowercase()));
    PACKED_PREFIXES.contains(&v).then_some(p.len())
}

/// Byte classes: ASCII white space, ASCII word byte (letter or digit), ASCII joiner inside a
/// word, byte of a non-ASCII char (0 for other ASCII punctuation and symbols).
const WS: u8 = 1;
const WORD: u8 = 2;
const JOIN: u8 = 4;
const HIGH: u8 = 8;

const fn classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            HIGH
        } else if c.is_ascii_alphanumeric() {
            WORD
        } else if matches!(c, b' ' | 9..=13) {
            WS
        } else if matches!(c, b'-' | b'\'' | b'.' | b'&' | b'+') {
            JOIN
        } else {
            0
        };
        b += 1;
    }
    t
}

static CLASS: [u8; 256] = classes();

/// The char at byte `i` of `s` (a char boundary), decoded only when not ASCII.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s.get(i..).and_then(|r| r.chars().next()),
        None => None,
    }
}

/// Letters and digits (Unicode).
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Split a sentence into tokens. Linear in its length.
#[cfg(test)]
pub(crate) fn tokenize(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    tokenize_into(s, &mut out);
    out
}

/// Append the tokens of a sentence to `out` (offsets relative to `s`). Linear in its length:
/// one pass over the bytes, ASCII by a class table without decoding, no allocation but
/// `out`'s growth. Kept out of line (inlined into its caller it was compiled worse).
#[inline(never)]
pub(crate) fn tokenize_into(s: &str, out: &mut Vec<Tok>) {
    if s.len() > MAX_SENTENCE {
        return;
    }
    let mut i = 0;
    while i < s.len() {
        i = step(s, i, out);
    }
}

/// One step of [`tokenize_into`] at byte `i` (a char boundary before the end): skip white
/// space, or push the token starting there; return where reading goes on.
#[inline(always)]
fn step(s: &str, i: usize, out: &mut Vec<Tok>) -> usize {
    let bytes = s.as_bytes();
    let n = bytes.len();
    let Some(&b) = bytes.get(i) else { return n };
    let cl = CLASS[usize::from(b)];
    if cl & WORD != 0 {
        // Fast path: a run of ASCII letters and digits followed by white space, ordinary
        // punctuation or the end (no joiner, no non-ASCII char) is a plain word: no
        // abbreviation period, possessive or prefix to look at. The white space after the
        // word is skipped here.
        let mut end = i + 1;
        while end < n && CLASS[usize::from(bytes[end])] & WORD != 0 {
            end += 1;
        }
        let after = if end < n { CLASS[usize::from(bytes[end])] } else { 0 };
        let cap = b.is_ascii_uppercase();
        // A period after a word not starting with a capital (often a sentence's last
        // word) neither joins it to the next part nor makes it an abbreviation.
        if after & (JOIN | HIGH) == 0 || (!cap && bytes.get(end) == Some(&b'.')) {
            let long = end - i >= 4 && b.is_ascii_alphabetic();
            out.push(Tok::new(i, end, true, cap, false, long));
            return end + usize::from(after & WS != 0);
        }
        // (the run of ASCII letters and digits read above is not read again)
        word(s, i, end, out)
    } else if cl & WS != 0 {
        i + 1
    } else if cl & HIGH == 0 {
        out.push(Tok::new(i, i + 1, false, false, false, false));
        i + 1
    } else {
        non_ascii(s, i, out)
    }
}

/// [`step`], kept out of the loop of [`sentence_from`] (which seldom needs it).
#[inline(never)]
fn step_out_of_line(s: &str, i: usize, out: &mut Vec<Tok>) -> usize {
    step(s, i, out)
}

/// The tokens of an article's sentences (offsets relative to their sentence, as
/// [`tokenize_into`] gives them), all in one buffer, and each sentence's range in it. They are
/// read off the tokens the number finders cut each content segment into
/// ([`SentenceTokens::add_segment`]): plain words and ASCII symbols are taken as they are
/// ([`NumTok::ent`] says how this tokenizer reads them), and only what those do not settle
/// (words with joiners, non-ASCII chars, digits with separators) is read again by [`step`].
#[derive(Debug, Default)]
pub(crate) struct SentenceTokens {
    /// All sentences' tokens.
    pub toks: Vec<Tok>,
    /// Each sentence's range in [`SentenceTokens::toks`], in sentence order.
    pub ranges: Vec<(usize, usize)>,
}

/// The buffers of this thread's last [`SentenceTokens`], emptied ([`SentenceTokens::new`] takes
/// them, dropping it gives them back): an article's tokens allocate nothing once they are
/// large enough.
type Spare = (Vec<Tok>, Vec<(usize, usize)>);

thread_local! {
    static SPARE: std::cell::Cell<Spare> = const { std::cell::Cell::new((Vec::new(), Vec::new())) };
}

/// Most tokens whose buffer is kept for the next article (a longer one's is freed, so that one
/// huge article does not hold its memory for the thread's life).
const SPARE_MAX_TOKS: usize = 1 << 16;

impl SentenceTokens {
    /// Empty buffers sized for the article (this thread's spare ones when there are).
    pub fn new(ctx: &Context) -> Self {
        let (mut toks, mut ranges) = SPARE.try_with(std::cell::Cell::take).unwrap_or_default();
        toks.clear();
        ranges.clear();
        toks.reserve(ctx.text.len() / 5 + 16);
        ranges.reserve(ctx.sentences.len());
        SentenceTokens { toks, ranges }
    }

    /// The tokens of sentence `k` (none when out of range).
    pub fn of(&self, k: usize) -> &[Tok] {
        self.ranges.get(k).and_then(|&(a, b)| self.toks.get(a..b)).unwrap_or(&[])
    }

    /// The tokens of sentences `k..e` together (none when out of range): one slice, as the
    /// sentences' tokens follow each other.
    pub fn of_run(&self, k: usize, e: usize) -> &[Tok] {
        match (self.ranges.get(k), e.checked_sub(1).and_then(|l| self.ranges.get(l))) {
            (Some(&(a, _)), Some(&(_, b))) if k < e => self.toks.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Add the sentences up to those of segment `k`, whose text the number finders cut into
    /// `seg_toks`: sentences before it not added yet are tokenized by themselves. Segments are
    /// given in order.
    pub fn add_segment(&mut self, ctx: &Context, k: usize, seg_toks: &[NumTok]) {
        segment_sentences(ctx, k, seg_toks, &mut self.toks, &mut self.ranges);
    }

    /// Add the sentences not added yet, each tokenized by itself.
    pub fn finish(&mut self, ctx: &Context) {
        while let Some(sent) = ctx.sentences.get(self.ranges.len()) {
            let from = self.toks.len();
            tokenize_into(ctx.slice(sent.span), &mut self.toks);
            self.ranges.push((from, self.toks.len()));
        }
    }

    #[cfg(test)]
    /// The tokens of every sentence, each tokenized by itself (what [`SentenceTokens::add_segment`]
    /// with every segment and [`SentenceTokens::finish`] give).
    pub fn plain(ctx: &Context) -> Self {
        let mut t = SentenceTokens::new(ctx);
        t.finish(ctx);
        t
    }
}

impl Drop for SentenceTokens {
    /// Give the buffers back to this thread for the next article, unless they grew too large.
    fn drop(&mut self) {
        if self.toks.capacity() <= SPARE_MAX_TOKS {
            let spare = (std::mem::take(&mut self.toks), std::mem::take(&mut self.ranges));
            // (nothing to keep them in while the thread is being torn down)
            let _ = SPARE.try_with(|s| s.set(spare));
        }
    }
}

/// The sentences up to those of segment `k` not added yet ([`SentenceTokens::add_segment`]),
/// their tokens pushed onto `toks` and each one's range in it onto `ranges`: those of segment
/// `k` read off its tokens `seg_toks` ([`sentence_from`]), any before it tokenized by
/// themselves. One call per segment rather than per sentence: a sentence costs no call, no
/// slicing of its text nor of its segment's (which check char boundaries) and no cursor kept
/// in memory. Out of line (its caller is the number finders' loop).
#[inline(never)]
fn segment_sentences(
    ctx: &Context,
    k: usize,
    seg_toks: &[NumTok],
    toks: &mut Vec<Tok>,
    ranges: &mut Vec<(usize, usize)>,
) {
    let seg = ctx.segments.get(k);
    let (seg_text, base) = seg.map_or(("", 0), |s| (ctx.slice(s.span), s.span.start));
    let mut cursor = 0;
    while let Some(sent) = ctx.sentences.get(ranges.len()) {
        if sent.segment > k {
            break;
        }
        let from = toks.len();
        if sent.segment != k || seg.is_none() || !sentence_from(seg_text, base, sent.span, seg_toks, &mut cursor, toks)
        {
            tokenize_into(ctx.slice(sent.span), toks);
        }
        ranges.push((from, toks.len()));
    }
}

/// Append the tokens of the sentence at `span` of the text to `out`, read off the tokens of
/// its segment (`seg_text`, starting at byte `base` of the text); `cursor` is a position in
/// `seg_toks` kept from sentence to sentence of the segment. A sentence that does not lie in
/// its segment, or does not start and end at white space or its segment's ends (so that a
/// token might cross its ends), is left to the caller, which tokenizes it by itself: returns
/// false then (having pushed nothing). Inlined into [`segment_sentences`]. (Its token loop
/// spills its values to the stack; a loop of its own for the settled tokens, out of line or
/// inlined, cost more, not less: so did counting a run of settled tokens first and writing it
/// with one `extend`, +1.0 M per 300 articles; pushing to a local buffer taken from `out`,
/// +0.3 M; slicing the sentence in an out-of-line step to keep fewer values across the call,
/// +0.2 M; and measuring the word here rather than taking [`ent::LONG`] from the lexer,
/// +0.7 M.)
#[inline(always)]
fn sentence_from(
    seg_text: &str,
    base: usize,
    span: copydesk_normalize::Span,
    seg_toks: &[NumTok],
    cursor: &mut usize,
    out: &mut Vec<Tok>,
) -> bool {
    let sb = seg_text.as_bytes();
    // the sentence in segment offsets
    let (a, b) = (span.start.wrapping_sub(base), span.end.wrapping_sub(base));
    let ws = |p: usize| sb.get(p).is_some_and(|&c| CLASS[usize::from(c)] & WS != 0);
    // (both ends are char boundaries when they are white space or the segment's ends, so that
    // `s` is then the sentence's text)
    let inside = span.start >= base && a <= b && b <= sb.len();
    if !(inside && (a == 0 || ws(a - 1)) && (b == sb.len() || ws(b))) {
        return false;
    }
    let Some(s) = seg_text.get(a..b) else { return false };
    if s.len() > MAX_SENTENCE {
        return true;
    }
    let mut k = *cursor;
    if k > 0 && seg_toks.get(k - 1).is_some_and(|t| t.end > a) {
        // the cursor went past the sentence's start (sentences out of order): search again
        k = seg_toks.partition_point(|t| t.end <= a);
    }
    // `at`: where reading goes on (offset in the segment) after a token that the shared
    // tokens' bits do not settle; the tokens starting before it were read with it
    let mut at = a;
    // (an iterator, whose end stays put, rather than a slice whose length is counted down:
    // the loop keeps one value fewer in memory)
    let mut rest = seg_toks.get(k..).unwrap_or(&[]).iter();
    // how many tokens taken from `rest` are left for the next sentence (0 or 1)
    let left = 'tokens: loop {
        // the tokens starting before `at`: read by `step` up to their ends (those ending by
        // `at` are passed over: read already)
        while let Some(t) = rest.as_slice().first().filter(|t| t.start < at) {
            rest.next();
            if let Some(next) = step_through(s, a, b, at, t, out) {
                at = next;
            } else {
                break 'tokens 1;
            }
        }
        // the tokens taken as they are, in a loop without calls (but to grow `out`), so that
        // its values stay in registers; it stops at the first token it does not settle (so
        // that it need not compare each token with `at`)
        let (t, cap) = loop {
            let Some(t) = rest.next() else { break 'tokens 0 };
            if t.start >= b {
                break 'tokens 1;
            }
            // white space up to the token: an ASCII symbol or a plain word is taken as it is
            // (it ends by `b`: it starts before, holds no white space, and `b` is white space
            // or the segment's end)
            let cap = sb.get(t.start).map_or(0, |&c| CAP_OF[usize::from(c)]);
            let (mut tok, take) = SETTLED[usize::from(t.ent | cap)];
            if !take {
                break (t, cap);
            }
            // (the flags copied with one load and store)
            tok.start = (t.start - a) as u32;
            tok.end = (t.end - a) as u32;
            out.push(tok);
        };
        // a word before a possessive or a period, settled by the bytes after it; else what
        // the shared tokens do not settle, read here up to the token's end
        at = match settled_run(seg_text, a, t, cap != 0, out) {
            Some(next) => next,
            None => match step_through(s, a, b, t.start, t, out) {
                Some(next) => next,
                None => break 'tokens 1,
            },
        };
    };
    *cursor = seg_toks.len() - rest.len() - left;
    true
}

/// Read the shared token `t` with [`step`] from `at` (offsets in the segment; `s` is the
/// sentence at its bytes `a..b`) up to the token's end, pushing the tokens; returns where
/// reading goes on (`at` itself when the token ends by then), or None when reading reaches
/// the sentence's end first.
#[inline(always)]
fn step_through(s: &str, a: usize, b: usize, mut at: usize, t: &NumTok, out: &mut Vec<Tok>) -> Option<usize> {
    while at < t.end {
        if at >= b {
            return None;
        }
        at = a + step_out_of_line(s, at.max(t.start) - a, out);
    }
    Some(at)
}

/// Push the tokens of the shared token `t` (where reading goes on) that [`SETTLED`] does not
/// take as it is for what follows it, when the bytes after it settle them ([`joined_word`],
/// [`digit_groups`]); returns where reading goes on (in the segment `seg_text`; the tokens'
/// offsets are in the sentence starting at its byte `a`), or None (pushing nothing) when
/// [`step`] must read them. Out of line: few tokens need it.
#[inline(never)]
fn settled_run(seg_text: &str, a: usize, t: &NumTok, cap: bool, out: &mut Vec<Tok>) -> Option<usize> {
    if t.kind == TokKind::Num {
        return digit_groups(seg_text.as_bytes(), a, t, out);
    }
    let (tok, next) = joined_word(seg_text, a, t, cap)?;
    out.push(tok);
    Some(next)
}

/// What ends a word for this tokenizer at byte `p` of a segment: white space, other
/// punctuation, a period after a word that is no abbreviation (nor starts with a capital), or
/// the end of the segment ([`ent::AFTER_RUN`]).
#[inline]
fn ends_word(sb: &[u8], p: usize) -> bool {
    sb.get(p).map_or(true, |&c| ent::AFTER_RUN[usize::from(c)] != 0)
}

/// Push the tokens of the digit run `t` ("1,234.5": digits with inner "," and "." before
/// digits) when what follows it ends it ([`ends_word`]): each group of digits is a plain word
/// (a "," or "." after digits ends it) and each separator a punctuation token. Returns where
/// reading goes on (the run's end), or None.
fn digit_groups(sb: &[u8], a: usize, t: &NumTok, out: &mut Vec<Tok>) -> Option<usize> {
    let run = sb.get(t.start..t.end).filter(|_| ends_word(sb, t.end))?;
    let mut group = t.start;
    for (p, &c) in (t.start..).zip(run) {
        if !c.is_ascii_digit() {
            out.push(Tok::new(group - a, p - a, true, false, false, false));
            out.push(Tok::new(p - a, p + 1 - a, false, false, false, false));
            group = p + 1;
        }
    }
    out.push(Tok::new(group - a, t.end - a, true, false, false, false));
    Some(t.end)
}

/// The token of a word of ASCII letters (the shared token `t`, where reading goes on) that
/// [`SETTLED`] does not take as it is for what follows it, when the bytes after it settle
/// what [`word`] makes of it: a possessive "'s" ("Kato's": the word, possessive; reading goes
/// on after the "s"), a bare "'" after a word ending in "s" ("Jones' ": possessive; on after
/// the "'"), or a period after a word of two letters or more starting with a capital that is
/// no abbreviation ("London.": the word; on at the period). Returns the token (offsets in the
/// sentence starting at byte `a` of the segment `seg_text`) and where reading goes on (in the
/// segment); None for any other word, which [`step`] reads.
fn joined_word(seg_text: &str, a: usize, t: &NumTok, cap: bool) -> Option<(Tok, usize)> {
    if t.ent & ent::LETTERS == 0 {
        return None;
    }
    let sb = seg_text.as_bytes();
    let e = t.end;
    // (the end of the sentence is white space or the segment's end, where a word ends too)
    let ends_word = |p: usize| ends_word(sb, p);
    let (end, poss, next) = match (t.ent & ent::AFTER, sb.get(e), sb.get(e + 1)) {
        // ("X's" is no abbreviation: a period after it ends it)
        (0, Some(b'\''), Some(b's' | b'S')) if ends_word(e + 2) => (e, true, e + 2),
        (0, Some(b'\''), after)
            if sb.get(e.wrapping_sub(1)) == Some(&b's')
                && after.map_or(true, |c| c.is_ascii() && !c.is_ascii_alphanumeric()) =>
        {
            (e, true, e + 1)
        }
        (1, Some(b'.'), _) if cap && e - t.start >= 2 && !seg_text.get(t.start..e).is_some_and(is_abbrev) => {
            (e, false, e)
        }
        _ => return None,
    };
    let long = t.ent & ent::LONG != 0;
    Some((Tok::new(t.start - a, end - a, true, cap, poss, long), next))
}

/// The bit [`sentence_from`] adds to a shared token's entity bits when the token starts with an
/// ASCII capital (one the number lexer leaves 0: [`ent::FREE`]).
const CAP: u8 = 16;

/// [`CAP`] for an ASCII capital, 0 for any other byte.
static CAP_OF: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = b'A';
    while c <= b'Z' {
        t[c as usize] = CAP;
        c += 1;
    }
    t
};

/// What the entity bits of a shared token ([`NumTok::ent`]) and [`CAP`] settle: whether the token is taken
/// as it is, and then its token but for its offsets. An ASCII symbol is a one-byte punctuation
/// token; a whole run of ASCII letters or digits is a plain word when the bits after it
/// ([`ent::AFTER`]) exceed 1 for a run starting with a capital, 0 for any other (digits are no
/// capital); anything else is read again.
static SETTLED: [(Tok, bool); 256] = {
    assert!(CAP & ent::FREE == CAP, "the lexer leaves the capital bit 0");
    let none = Tok { start: 0, end: 0, word: false, cap: false, poss: false, long: false };
    let mut t = [(none, false); 256];
    let mut e = 0;
    while e < 256 {
        let bits = e as u8;
        let letters = bits & ent::LETTERS != 0;
        let cap = letters && bits & CAP != 0;
        t[e] = if bits & ent::SYM != 0 {
            (none, true)
        } else if bits & ent::AFTER > cap as u8 {
            let long = letters && bits & ent::LONG != 0;
            (Tok { word: true, cap, long, ..none }, true)
        } else {
            (none, false)
        };
        e += 1;
    }
    t
};

/// Handle the non-ASCII char at byte `i`: skip white space, push a symbol or read a word;
/// return where reading goes on.
#[inline(never)]
fn non_ascii(s: &str, i: usize, out: &mut Vec<Tok>) -> usize {
    let Some(c) = char_at(s, i) else { return s.len() };
    let clen = c.len_utf8();
    if c.is_whitespace() {
        return i + clen;
    }
    if !c.is_alphanumeric() {
        out.push(Tok::new(i, i + clen, false, false, false, false));
        return i + clen;
    }
    word(s, i, i + clen, out)
}

/// Read the word starting at `start`, push its token and return where reading goes on.
/// `from` is where reading starts: after its first char, or after a run of ASCII letters and
/// digits from `start` (which the loop below would only step over).
#[inline(never)]
fn word(s: &str, start: usize, from: usize, out: &mut Vec<Tok>) -> usize {
    let bytes = s.as_bytes();
    let mut end = from;
    // Start of the current '.'-separated part: a period joins only single capitals ("U.S").
    let mut part = start;
    // Whether the word is all ASCII so far (then bytes are chars): its first char is when it
    // is one byte long, and so is every byte up to `from` then.
    let mut ascii = bytes.get(start).is_some_and(u8::is_ascii);
    // Whether a hyphen joins parts of the word (only then can it carry a prefix or "al-").
    let mut hyphen = false;
    // Extend over word characters and inner joiners followed by a word character.
    while let Some(&d) = bytes.get(end) {
        if d < 0x80 {
            let cl = CLASS[usize::from(d)];
            if cl & WORD != 0 {
                end += 1;
                continue;
            }
            if cl & JOIN == 0 {
                break;
            }
            let Some(nc) = char_at(s, end + 1) else { break };
            let ok = if d == b'.' { nc.is_uppercase() && single_capital(&s[part..end]) } else { is_word_char(nc) };
            if !ok {
                break;
            }
            end += 1;
            if d == b'.' {
                part = end;
            }
            hyphen |= d == b'-';
        } else {
            match char_at(s, end) {
                Some(c) if c.is_alphanumeric() => {
                    end += c.len_utf8();
                    ascii = false;
                }
                _ => break,
            }
        }
    }
    // A trailing period belongs to abbreviations and initials ("Mr.", "U.S.", "J.").
    if bytes.get(end) == Some(&b'.') && s.get(start..end).is_some_and(is_abbrev) {
        end += 1;
    }
    // Byte checks below look at ASCII bytes only, which never fall inside a multi-byte char.
    let word = bytes.get(start..end).unwrap_or(&[]);
    let mut next = end;
    let mut poss = false;
    let mut wend = end;
    if word.len() > 2 && matches!(word[word.len() - 2..], [b'\'', b's' | b'S']) {
        wend = end - 2;
        poss = true;
    } else if bytes.get(end) == Some(&b'\'') && word.last() == Some(&b's') {
        let after = bytes.get(end + 1).copied();
        if after.map_or(true, |b| !b.is_ascii_alphanumeric()) {
            poss = true;
            next = end + 1;
        }
    }
    let mut tstart = start;
    let w = s.get(start..wend).unwrap_or("");
    // A prefix before a capital is no part of the name ("ex-President").
    if let Some(n) = prefix_len(w.as_bytes()).filter(|_| hyphen) {
        if w.get(n..).and_then(|rest| rest.chars().next()).is_some_and(char::is_uppercase) {
            tstart = start + n;
        }
    }
    let mut cap = match bytes.get(tstart) {
        Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
        _ => s[tstart..wend].chars().next().is_some_and(char::is_uppercase),
    };
    if !cap && hyphen {
        // "al-Assad", "el-Sisi", "bin-..." style names.
        let w = s.get(tstart..wend).unwrap_or("");
        if let Some(rest) = w.strip_prefix("al-").or_else(|| w.strip_prefix("el-")) {
            cap = rest.chars().next().is_some_and(char::is_uppercase);
        }
    }
    if tstart < wend {
        let w = s.get(tstart..wend).unwrap_or("");
        let long = if ascii {
            w.len() >= 4 && w.as_bytes()[0].is_ascii_alphabetic()
        } else {
            w.chars().nth(3).is_some() && w.chars().next().is_some_and(char::is_alphabetic)
        };
        out.push(Tok::new(tstart, wend, true, cap, poss, long));
    }
    next
}

/// Longest connector in bytes.
const MAX_CONNECTOR: usize = 5;

/// Words joining capitalized words inside a name ("Bank of England", "Ursula von der Leyen"):
/// the particles of personal names ([`is_name_particle`]) plus the function words of
/// organisation and place names.
const CONNECTORS: [&str; 28] = [
    "of", "the", "and", "for", "on", "in", "des", "&", "de", "del", "della", "di", "da", "do", "dos", "das", "du",
    "la", "le", "van", "von", "der", "den", "bin", "ibn", "al", "el", "y",
];

/// Whether `b[i..end]` is a connector: the word is read with one eight-byte load when the
/// text goes on that far.
#[inline]
pub(crate) fn connector_at(b: &[u8], i: usize, end: usize) -> bool {
    let len = end.wrapping_sub(i);
    if !(1..=MAX_CONNECTOR).contains(&len) {
        return false;
    }
    let Some(v) = crate::ascii_scan::load_le(b, i, len) else { return false };
    CONNECTOR_SLOTS[connector_slot(v)] == v
}

/// Up to eight bytes as a little-endian number (later bytes are ignored).
const fn pack(w: &[u8]) -> u64 {
    let mut v = 0u64;
    let mut k = 0;
    while k < w.len() && k < 8 {
        v |= (w[k] as u64) << (8 * k);
        k += 1;
    }
    v
}

/// Slot of a packed connector: a multiplicative hash, collision-free on [`CONNECTORS`]
/// (the multiplier was found by search; building [`CONNECTOR_SLOTS`] checks it).
const fn connector_slot(v: u64) -> usize {
    (v.wrapping_mul(0x6fca_8335_f769_9f4b) >> 58) as usize
}

/// The packed connectors at their slots (0: none; no connector packs to 0).
static CONNECTOR_SLOTS: [u64; 64] = {
    let mut t = [0u64; 64];
    let mut k = 0;
    while k < CONNECTORS.len() {
        let v = pack(CONNECTORS[k].as_bytes());
        let slot = connector_slot(v);
        assert!(t[slot] == 0, "connector slots collide");
        t[slot] = v;
        k += 1;
    }
    t
};

/// Connectors allowed inside a person's name.
pub(crate) fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "del"
            | "della"
            | "di"
            | "da"
            | "do"
            | "dos"
            | "das"
            | "du"
            | "la"
            | "le"
            | "van"
            | "von"
            | "der"
            | "den"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "y"
    )
}

/// One upper-case char.
fn single_capital(p: &str) -> bool {
    let mut cs = p.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
}

/// "U", "U.S", "J" (single letters joined by periods).
fn is_initial_seq(w: &str) -> bool {
    w.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

/// An ASCII first char followed by anything but a period: the first part has two or more
/// chars, so `w` is no [`is_initial_seq`] (a byte test that spares most words before a
/// period, "London.", the split and char counts).
fn starts_long_part(w: &str) -> bool {
    matches!(w.as_bytes(), [a, b, ..] if a.is_ascii() && *b != b'.')
}

fn is_abbrev(w: &str) -> bool {
    if !starts_long_part(w) && is_initial_seq(w) {
        return true;
    }
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Gen"
            | "Lt"
            | "Col"
            | "Maj"
            | "Capt"
            | "Adm"
            | "Sgt"
            | "Cmdr"
            | "Gov"
            | "Sen"
            | "Rep"
            | "Prof"
            | "Rev"
            | "St"
            | "Jr"
            | "Sr"
            | "Inc"
            | "Corp"
            | "Co"
            | "Ltd"
            | "Mt"
            | "Hon"
            | "Mme"
            | "Dep"
            | "Smt"
            | "Adv"
            | "Cpl"
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn long_first_part_is_no_initial_sequence() {
        for w in ["U", "U.S", "J", "É", "É.U", "ÉU", "London", "Mr", "A.B.C", "AB", "a.b", "U.", ".U", "", "UÉ"] {
            assert!(!(starts_long_part(w) && is_initial_seq(w)), "{w}");
        }
    }

    proptest::proptest! {
        #[test]
        fn long_first_part_never_an_initial_sequence(w in "[A-Za-zÉé.'-]{0,6}") {
            proptest::prop_assert!(!(starts_long_part(&w) && is_initial_seq(&w)));
        }
    }

    /// [`prefix_len`] by its definition: the first prefix the word starts with (in any case)
    /// and goes on after.
    fn prefix_len_reference(w: &str) -> Option<usize> {
        let starts =
            |p: &&str| w.len() > p.len() && w.is_char_boundary(p.len()) && w[..p.len()].eq_ignore_ascii_case(p);
        PREFIXES.iter().find(|p| starts(p)).map(|p| p.len())
    }

    #[test]
    fn prefixes_by_their_packed_bytes() {
        for w in [
            "ex-President",
            "EX-x",
            "ex-",
            "ex",
            "Pro-Kremlin",
            "anti-War",
            "trans-Atlantic",
            "trans-",
            "post-",
            "posts-x",
            "all-Ireland",
            "al-Assad",
            "non-é",
            "neo-Nazi",
            "mid-1990s",
            "pre-war",
            "x-ex-Y",
            "exx-Y",
            "e-x-Y",
            "",
            "-",
            "é-ex-Y",
            "ANTI-Y",
            "antI-y",
            "tran-Y",
            "trans-é",
        ] {
            assert_eq!(prefix_len(w.as_bytes()), prefix_len_reference(w), "{w:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn prefixes_agree_on_any_word(
            w in "([pP][rR][oeE]|[aA]nti|[eE][xX]|[nN]on|post|neo|mid|[aA]ll|trans|tran|e)?-?[A-Za-zé0-9'-]{0,5}"
        ) {
            proptest::prop_assert_eq!(prefix_len(w.as_bytes()), prefix_len_reference(&w));
        }
    }

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| &s[t.start()..t.end()]).collect()
    }

    #[test]
    fn abbreviations_possessives_prefixes() {
        assert_eq!(words("the U.S. and Mr. Kato's group"), ["the", "U.S.", "and", "Mr.", "Kato", "group"]);
        let t = tokenize("Russia's pro-Western NATO-Russia Council");
        assert!(t[0].poss && t[0].cap);
        assert_eq!(&"Russia's pro-Western NATO-Russia Council"[t[1].start()..t[1].end()], "Western");
        assert!(t[1].cap);
        assert_eq!(words("Zapad-2017, al-Qaeda."), ["Zapad-2017", ",", "al-Qaeda", "."]);
        assert!(tokenize("al-Qaeda")[0].cap);
        assert_eq!(words("John F. Kennedy"), ["John", "F.", "Kennedy"]);
    }

    #[test]
    fn connectors_by_their_slots() {
        for w in CONNECTORS {
            assert!(connector_at(w.as_bytes(), 0, w.len()), "{w}");
            let padded = format!("{w} tail of the text");
            assert!(connector_at(padded.as_bytes(), 0, w.len()), "{w}");
        }
        for w in ["", "o", "f", "th", "they", "ofx", "a", "an", "andy", "dell", "Of", "The", "de ", "del.", "dellas"] {
            assert!(!connector_at(w.as_bytes(), 0, w.len()), "{w}");
            let padded = format!("{w} tail of the text");
            assert!(!connector_at(padded.as_bytes(), 0, w.len()), "{w}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn connector_iff_listed(w in "[a-z&]{0,6}", tail in "[ a-z.]{0,9}") {
            let listed = CONNECTORS.contains(&w.as_str());
            proptest::prop_assert_eq!(connector_at(w.as_bytes(), 0, w.len()), listed);
            let t = format!("{w}{tail}");
            proptest::prop_assert_eq!(connector_at(t.as_bytes(), 0, w.len()), listed);
        }
    }

    #[test]
    fn plural_possessive() {
        let t = tokenize("the Palestinians' cause");
        assert!(t[1].poss);
        assert_eq!(t.len(), 3);
    }

    fn is_word_char_ref(c: char) -> bool {
        c.is_alphanumeric()
    }

    /// The first (char-by-char) tokenizer, kept to check the byte-level one against.
    fn reference(s: &str) -> Vec<Tok> {
        let mut out = Vec::new();
        let bytes = s.as_bytes();
        let mut it = s.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if c.is_whitespace() {
                continue;
            }
            if !is_word_char_ref(c) {
                out.push(Tok::new(i, i + c.len_utf8(), false, false, false, false));
                continue;
            }
            let start = i;
            let mut end = i + c.len_utf8();
            // Extend over word characters and inner joiners followed by a word character.
            while let Some(&(j, d)) = it.peek() {
                if is_word_char_ref(d) {
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
                if matches!(d, '-' | '\'' | '.' | '&' | '+') {
                    let nxt = s[j + d.len_utf8()..].chars().next();
                    if let Some(n) = nxt {
                        let ok = match d {
                            '.' => n.is_uppercase() && is_initial_seq(&s[start..j]),
                            _ => is_word_char_ref(n),
                        };
                        if ok {
                            it.next();
                            continue;
                        }
                    }
                }
                break;
            }
            let mut word = &s[start..end];
            // A trailing period belongs to abbreviations and initials ("Mr.", "U.S.", "J.").
            if end < bytes.len() && bytes[end] == b'.' && is_abbrev(word) {
                end += 1;
                it.next();
                word = &s[start..end];
            }
            let mut poss = false;
            let mut wend = end;
            if word.len() > 2 && (word.ends_with("'s") || word.ends_with("'S")) {
                wend = end - 2;
                poss = true;
            } else if end < bytes.len() && bytes[end] == b'\'' && word.ends_with('s') {
                let after = bytes.get(end + 1).copied();
                if after.map_or(true, |b| !b.is_ascii_alphanumeric()) {
                    poss = true;
                    it.next();
                }
            }
            let mut tstart = start;
            let w = &s[start..wend];
            for p in PREFIXES {
                if w.len() > p.len() && w.is_char_boundary(p.len()) && w[..p.len()].eq_ignore_ascii_case(p) {
                    let rest = &w[p.len()..];
                    if rest.chars().next().is_some_and(char::is_uppercase) {
                        tstart = start + p.len();
                    }
                    break;
                }
            }
            let first = s[tstart..wend].chars().next();
            let mut cap = first.is_some_and(char::is_uppercase);
            if !cap {
                // "al-Assad", "el-Sisi", "bin-..." style names.
                let w = &s[tstart..wend];
                if let Some(rest) = w.strip_prefix("al-").or_else(|| w.strip_prefix("el-")) {
                    cap = rest.chars().next().is_some_and(char::is_uppercase);
                }
            }
            if tstart < wend {
                let w = &s[tstart..wend];
                let long = w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_alphabetic);
                out.push(Tok::new(tstart, wend, true, cap, poss, long));
            }
        }
        out
    }

    /// Context of a text cut at `cuts` (any byte offsets, moved to char boundaries): each
    /// piece between cuts is a sentence (trimmed of white space, or skipped, as its flags say)
    /// and a flag starts a new segment.
    pub(crate) fn context_of<'a>(text: &'a str, cuts: &[(usize, u8)]) -> Context<'a> {
        use crate::{Segment, Sentence};
        use copydesk_normalize::Span;
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let mut pts: Vec<(usize, u8)> = cuts.iter().map(|&(c, f)| (bounds[c % bounds.len()], f)).collect();
        pts.push((0, 1));
        pts.push((text.len(), 1));
        pts.sort_unstable();
        pts.dedup_by_key(|p| p.0);
        let mut segments: Vec<Segment> = Vec::new();
        let mut sentences = Vec::new();
        for w in pts.windows(2) {
            let ((a, fa), (b, _)) = (w[0], w[1]);
            if fa & 1 != 0 || segments.is_empty() {
                segments.push(Segment { span: Span::new(a, a), kind: copydesk_parse::BlockKind::Paragraph });
            }
            let seg = segments.len() - 1;
            segments[seg].span.end = b;
            let piece = &text[a..b];
            let (mut x, mut y) = (a, b);
            if fa & 2 != 0 {
                x = a + (piece.len() - piece.trim_start().len());
                y = a + piece.trim_end().len();
            }
            if fa & 4 == 0 && x < y {
                sentences.push(Sentence { span: Span::new(x, y), segment: seg });
            }
        }
        Context { text, segments, sentences, published: None }
    }

    /// The sentences' tokens read off the shared tokens are those of [`tokenize_into`].
    fn shared_agrees(text: &str, cuts: &[(usize, u8)]) {
        let ctx = context_of(text, cuts);
        let mut shared = SentenceTokens::new(&ctx);
        let mut t = crate::numbers::Tokens::new("");
        for (k, seg) in ctx.segments.iter().enumerate() {
            t.refill(ctx.slice(seg.span));
            shared.add_segment(&ctx, k, &t.toks);
        }
        shared.finish(&ctx);
        let plain = SentenceTokens::plain(&ctx);
        assert_eq!(shared.ranges.len(), ctx.sentences.len());
        for (k, sent) in ctx.sentences.iter().enumerate() {
            let s = ctx.slice(sent.span);
            assert_eq!(shared.of(k), tokenize(s), "{s:?} in {text:?}");
            assert_eq!(plain.of(k), tokenize(s), "{s:?} in {text:?}");
        }
    }

    #[test]
    fn spare_buffers_start_empty() {
        let ctx = context_of("The U.S. said so. Mr. Kato's group", &[(18, 0)]);
        let first = SentenceTokens::plain(&ctx);
        let want: Vec<Vec<Tok>> = (0..ctx.sentences.len()).map(|k| first.of(k).to_vec()).collect();
        assert!(!first.toks.is_empty());
        drop(first);
        // the buffers the first one gave back, emptied
        let again = SentenceTokens::new(&ctx);
        assert!(again.toks.is_empty() && again.ranges.is_empty());
        drop(again);
        let second = SentenceTokens::plain(&ctx);
        assert_eq!((0..ctx.sentences.len()).map(|k| second.of(k).to_vec()).collect::<Vec<_>>(), want);
    }

    #[test]
    fn shared_tokens_agree_on_samples() {
        for s in [
            "the U.S. and Mr. Kato's group. The Palestinians' cause, NATO's (NRC) [ICAO].",
            "U.S.A. A.B.C-D. J.R.R. Tolkien's pro-Western ex-President al-Assad el-sisi 1,234.5 3.5m 5m abc123 123abc",
            "he said.The end. it ended.\u{c9}t\u{e9} 2.5 a.B. b.c 7.Z St. Mr.X x. caf\u{e9}'s na\u{ef}ve\u{a0}word\u{2019}s",
            "1,234% 3.5. 1.2.3, 10,000,000 (2.5) 7.5bn 1,2\u{e9} 3.4- 5.6'7 8.9&x 1.5+2 0.5\u{a0}x 4.4",
            "Kato's. Jones' Jones's, London. Mr. J. NATO'S it's Ms. Xs'\u{e9} Xs'1 Xs'. To. A's'  Bs' As's-a ZZ.Q Ab.C Xs' Ys'",
            "Zapad-2017 2017-18 2017. 2017, A+B R&D x&y 4.7 $4.7bn 12% \u{bd} \u{b2}3 \u{663}\u{664}",
            // tokens read by `step` across several shared tokens, then settled ones, sentence
            // after sentence of one segment (the shared tokens before where reading goes on
            // are passed over)
            "U.S.A. said so. Mr. Kato's U.S.-led ex-NATO deal. A.B.C. Jones' 1,234.5bn x. Q.E.D. ok",
        ] {
            shared_agrees(s, &[]);
            for cut in 0..s.len() {
                for flags in 0..8 {
                    shared_agrees(s, &[(cut, flags)]);
                }
            }
            let many: Vec<(usize, u8)> = (0..s.len()).step_by(7).map(|c| (c, (c % 8) as u8)).collect();
            shared_agrees(s, &many);
        }
    }

    /// Pieces of text around which the shared tokens and the tokenizer may part ways.
    const PIECES: &[&str] = &[
        " ",
        "  ",
        "\n",
        "\t",
        "\u{a0}",
        "\u{2009}",
        "a",
        "A",
        "word",
        "Word",
        "WORDS",
        "Mr",
        "U",
        "S",
        "St",
        "s",
        "'s",
        "'S",
        "'",
        "Jones",
        "London",
        "Ms",
        "I",
        "\u{2019}",
        ".",
        ". ",
        ",",
        "-",
        "&",
        "+",
        "(",
        ")",
        "1",
        "27",
        "2017",
        "1,234",
        "3.5",
        "$",
        "\u{e9}",
        "\u{c9}",
        "\u{df}",
        "\u{bd}",
        "\u{b2}",
        "\u{663}",
        "pro-",
        "anti-",
        "al-",
        "el-",
        "x",
        "abc123",
        "\u{1f600}",
        "\u{301}",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn shared_tokens_agree(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..40),
            cuts in proptest::collection::vec((0usize..400, 0u8..8), 0..8),
        ) {
            shared_agrees(&pieces.concat(), &cuts);
        }

        #[test]
        fn shared_tokens_agree_on_any_text(
            text in "\\PC{0,60}",
            cuts in proptest::collection::vec((0usize..400, 0u8..8), 0..6),
        ) {
            shared_agrees(&text, &cuts);
        }
    }

    #[test]
    fn same_as_reference_on_samples() {
        for s in [
            "the U.S. and Mr. Kato's group",
            "U.S.A. A.B.C-D. J.R.R. Tolkien's pro-Western ex-President al-Assad el-sisi",
            "the Palestinians' cause, NATO's (NRC) [ICAO] \u{2014} Zapad-2017 \u{e9}t\u{e9} \u{c9}mile Zola",
            "A.A.A.A.A.A.a.A. X.y X. Y' s's S'S Ex-Im anti-NATO trans-Pacific",
            "he said.The end. it ended.\u{c9}t\u{e9} 2.5 a.B. b.c 7.Z St. Mr.X x.",
        ] {
            assert_eq!(tokenize(s), reference(s), "{s}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn same_as_reference(s in "[A-Za-z .,'()\\-&+éÜß\u{2014}\u{a0}0-9\n]{0,80}") {
            proptest::prop_assert_eq!(tokenize(&s), reference(&s));
        }
    }
}
