//! The normalization pass: line by line, left to right, writing the clean text and its map.
//!
//! Plain lines (no character reference, no mojibake) are read straight from the raw text: runs
//! of printable ASCII, with the single spaces and line breaks between them, are copied in one
//! go (a table lookup per byte). Lines that need repairs are first turned into [`Unit`]s (chars
//! that remember their raw bytes), repaired (HTML entities, mojibake), then folded like plain
//! lines. The pass also records which output lines it changed, so that the check for a second
//! pass looks at those lines only.

use crate::emit::Emitter;
use crate::entities::{decode_at, Decoded};
use crate::fold::{ascii_is_plain, classify, Action};
use crate::hyphen;
use crate::mojibake::{self, Unit};
use crate::{NormalizeOptions, NormalizedText};

/// Bytes copied as they are inside a plain line: printable ASCII (a `&` in a plain line is not
/// a character reference).
static PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0x21;
    while b < 0x7f {
        t[b] = true;
        b += 1;
    }
    t
};

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// From `j` (just after a plain byte), skip whole 8-byte words of plain bytes and single spaces
/// (no byte below 0x20 or above 0x7e, no two spaces in a row), stopping before `end`. Returns
/// where the byte-by-byte scan takes over; never stops just after a space, so the space is
/// judged with the byte after it. Four words are tested at once while they all pass, then one
/// at a time.
#[inline]
fn plain_words(b: &[u8], j: usize, end: usize) -> usize {
    let start = j;
    let mut j = j;
    // The previous word less 0x20 per byte: its top byte is 0 when it ends in a space (none
    // before `start`, which follows a plain byte: 1 stands for it).
    let mut carry = ONES;
    let end = end.min(b.len());
    let Some(rest) = b.get(j..end) else { return j };
    for block in rest.chunks_exact(32) {
        let mut c = carry;
        let mut fails = 0;
        for w in block.chunks_exact(8) {
            let (f, z) = word_fails(word(w), c);
            fails |= f;
            c = z;
        }
        if fails != 0 {
            break;
        }
        carry = c;
        j += 32;
    }
    for w in b.get(j..end).unwrap_or(&[]).chunks_exact(8) {
        let (f, z) = word_fails(word(w), carry);
        if f != 0 {
            break;
        }
        carry = z;
        j += 8;
    }
    if carry >> 56 == 0 && j > start {
        j - 1
    } else {
        j
    }
}

/// The 8 bytes of `w` (a chunk of 8) as a little-endian word.
#[inline]
fn word(w: &[u8]) -> u64 {
    <[u8; 8]>::try_from(w).map_or(0, u64::from_le_bytes)
}

/// Whether the word `w` holds a byte below 0x20 or above 0x7e, or a space right after a space
/// (nonzero high bits), and `w` less 0x20 per byte (the next word's `carry`). `carry`: the
/// previous word less 0x20 per byte (a word that passed), whose top byte is 0 when it ends in a
/// space.
///
/// Each test is exact for the lowest failing byte, the bytes below it being plain or spaces
/// (they borrow and carry nothing): a byte below 0x20 borrows in `w - 0x20` (top bit set), a
/// byte from 0xa0 keeps its top bit there, 0x7f to 0xfe set it in `w + 1`. When every byte is
/// from 0x20 to 0x7e, the bytes of `w - 0x20` are below 0x5f with the spaces as their zeros, so
/// a byte OR the byte before it is zero (its top bit set by subtracting 1) exactly for a space
/// after a space.
#[inline]
fn word_fails(w: u64, carry: u64) -> (u64, u64) {
    let z = w.wrapping_sub(ONES * 0x20);
    let pairs = z | (z << 8) | (carry >> 56);
    ((z | w.wrapping_add(ONES) | pairs.wrapping_sub(ONES)) & HIGH, z)
}

/// [`plain_words`] one word at a time with a mask of the spaces (as first written: the tests'
/// reference).
#[cfg(test)]
fn plain_words_by_word(b: &[u8], mut j: usize, end: usize) -> usize {
    let start = j;
    let mut prev_space = false;
    while j + 8 <= end {
        let Some(chunk) = b.get(j..j + 8) else { break };
        let w = word(chunk);
        let below = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
        let above = (w.wrapping_add(ONES) | w) & HIGH;
        let x = w ^ (ONES * 0x20);
        let spaces = !(((x & !HIGH) + !HIGH) | x) & HIGH;
        if below | above != 0 || spaces & (spaces << 8) != 0 || (prev_space && spaces & 0x80 != 0) {
            break;
        }
        prev_space = spaces >> 63 != 0;
        j += 8;
    }
    if prev_space && j > start {
        j - 1
    } else {
        j
    }
}

/// The end of the run of line feeds starting at `j` (`j` itself when there is none), at most
/// `end`.
#[inline]
fn newlines_end(b: &[u8], mut j: usize, end: usize) -> usize {
    while j < end && b.get(j) == Some(&b'\n') {
        j += 1;
    }
    j
}

/// The result of one pass: the normalized text, and the byte ranges of its lines that the pass
/// changed (only these can need another pass).
pub(crate) struct Output {
    pub nt: NormalizedText,
    pub dirty: Vec<(usize, usize)>,
}

/// A run of spaces (and invisible chars between them) not yet written.
struct PendingSpace {
    start: usize,
    end: usize,
    /// End of the first char when that char is a raw plain space (then it is copied).
    plain_end: Option<usize>,
}

struct Pass<'a> {
    raw: &'a str,
    opts: &'a NormalizeOptions,
    em: Emitter<'a>,
    pending: Option<PendingSpace>,
    at_line_start: bool,
    /// Raw bytes before this offset were consumed by a look-ahead rule (CRLF).
    skip_until: usize,
    /// Output offset where the current output line starts.
    line_out_start: usize,
    /// Replacements written before the current output line.
    line_mark: usize,
    /// The current output line is dirty whatever it contains (the line break before it was
    /// written by a rule, so output lines no longer match raw lines).
    carry_dirty: bool,
    /// Output ranges of the lines changed so far.
    dirty: Vec<(usize, usize)>,
}

impl<'a> Pass<'a> {
    /// The current output line is so far an exact copy of raw text.
    #[inline]
    fn line_is_clean(&self) -> bool {
        !self.carry_dirty && self.em.replaced() == self.line_mark
    }

    /// A line break was just written (`replaced`: by a rule): close the output line.
    fn end_line(&mut self, replaced: bool) {
        let end = self.em.len();
        if !self.line_is_clean() {
            self.dirty.push((self.line_out_start, end));
        }
        self.carry_dirty = replaced;
        self.line_out_start = end;
        self.line_mark = self.em.replaced();
    }

    fn flush_space(&mut self, delete: bool) {
        let Some(p) = self.pending.take() else { return };
        if delete {
            self.em.replace(p.start, p.end, "", "space");
        } else if let Some(pe) = p.plain_end {
            self.em.copy(p.start, pe);
            if p.end > pe {
                self.em.replace(pe, p.end, "", "space");
            }
        } else {
            self.em.replace(p.start, p.end, " ", "space");
        }
    }

    /// Flush pending spaces before a visible char.
    #[inline]
    fn before_visible(&mut self) {
        if self.pending.is_some() {
            let d = self.at_line_start;
            self.flush_space(d);
        }
        self.at_line_start = false;
    }

    fn emit_char(&mut self, u: Unit) {
        match u.rule {
            None => self.em.copy(u.start, u.end),
            Some(rule) => {
                let mut buf = [0u8; 4];
                self.em.replace(u.start, u.end, u.c.encode_utf8(&mut buf), rule)
            }
        }
    }

    fn unit(&mut self, u: Unit) {
        if u.start < self.skip_until {
            return;
        }
        let c = u.c;
        if c == '\n' || c == '\r' {
            self.flush_space(self.opts.collapse_spaces);
            let mut end = u.end;
            if c == '\r' && u.rule.is_none() && self.raw.as_bytes().get(u.end) == Some(&b'\n') {
                end += 1;
                self.skip_until = end;
            }
            let replaced = !(c == '\n' && u.rule.is_none());
            if replaced {
                self.em.replace(u.start, end, "\n", u.rule.unwrap_or("line_ending"));
            } else {
                self.em.copy(u.start, end);
            }
            self.end_line(replaced);
            self.at_line_start = true;
            return;
        }
        if c.is_ascii() && ascii_is_plain(c as u8) {
            self.before_visible();
            self.emit_char(u);
            return;
        }
        match classify(c, self.opts) {
            Action::Space => {
                if !self.opts.collapse_spaces {
                    if c == ' ' && u.rule.is_none() {
                        self.em.copy(u.start, u.end);
                    } else {
                        self.em.replace(u.start, u.end, " ", u.rule.unwrap_or("space"));
                    }
                    return;
                }
                match self.pending.as_mut() {
                    Some(p) => p.end = u.end,
                    None => {
                        let plain_end = (c == ' ' && u.rule.is_none()).then_some(u.end);
                        self.pending = Some(PendingSpace { start: u.start, end: u.end, plain_end });
                    }
                }
            }
            Action::LineBreak => {
                self.flush_space(self.opts.collapse_spaces);
                self.em.replace(u.start, u.end, "\n", "line_break");
                self.end_line(true);
                self.at_line_start = true;
            }
            Action::Delete(rule) => match self.pending.as_mut() {
                // Inside a run of spaces: the run absorbs it (so the spaces around still collapse).
                Some(p) => {
                    p.end = u.end;
                    self.em.note(rule, u.start, u.end);
                }
                None => self.em.replace(u.start, u.end, "", u.rule.unwrap_or(rule)),
            },
            Action::Keep => {
                self.before_visible();
                self.emit_char(u);
            }
            Action::Replace(s, rule) => {
                self.before_visible();
                self.em.replace(u.start, u.end, s, u.rule.unwrap_or(rule));
            }
            Action::ReplaceChar(r, rule) => {
                self.before_visible();
                let mut buf = [0u8; 4];
                self.em.replace(u.start, u.end, r.encode_utf8(&mut buf), u.rule.unwrap_or(rule));
            }
        }
    }

    /// Lines read straight from the raw text, with the ASCII fast path when `FAST`: runs of
    /// plain bytes copied at once (without it every char goes through [`Pass::unit`], the plain
    /// path the tests compare with).
    fn plain_line<const FAST: bool>(&mut self, start: usize, end: usize) {
        let b = self.raw.as_bytes();
        let plain = &PLAIN;
        let end = end.min(b.len());
        let mut i = start.max(self.skip_until);
        while i < end {
            let x = b[i];
            if FAST && plain[x as usize] {
                // A run of plain bytes, with the single spaces between them, and the line
                // breaks (and blank lines) between them while the line is unchanged: copied as
                // they are. (Pending spaces first: their flush can change the line.)
                self.before_visible();
                let clean = self.line_is_clean();
                let mut j = i + 1;
                let mut last_nl = None;
                loop {
                    j = plain_words(b, j, end);
                    while j < end && plain[b[j] as usize] {
                        j += 1;
                    }
                    if j + 1 < end && b[j] == b' ' && plain[b[j + 1] as usize] {
                        j += 2;
                        continue;
                    }
                    if clean {
                        let k = newlines_end(b, j, end);
                        if k > j && k < end && plain[b[k] as usize] {
                            last_nl = Some(k - 1);
                            j = k + 1;
                            continue;
                        }
                    }
                    break;
                }
                self.em.copy(i, j);
                if let Some(nl) = last_nl {
                    // The lines ended inside the run were unchanged: nothing to record.
                    self.line_out_start = self.em.len() - (j - nl - 1);
                }
                i = j;
                continue;
            }
            if FAST
                && x == b' '
                && self.pending.is_none()
                && !self.at_line_start
                && b.get(i + 1).is_some_and(|&n| plain[n as usize])
            {
                self.em.copy(i, i + 1);
                i += 1;
                continue;
            }
            let c = match self.raw.get(i..).and_then(|s| s.chars().next()) {
                Some(c) => c,
                None => break,
            };
            let l = c.len_utf8();
            self.unit(Unit { c, start: i, end: i + l, rule: None });
            i = (i + l).max(self.skip_until);
        }
    }

    /// A line that needs repairs: units, entities, mojibake, then the folds.
    fn repaired_line(&mut self, start: usize, end: usize) {
        let line = &self.raw[start..end];
        let mut units: Vec<Unit> = line
            .char_indices()
            .map(|(i, c)| Unit { c, start: start + i, end: start + i + c.len_utf8(), rule: None })
            .collect();
        for _ in 0..3 {
            let mut changed = false;
            if self.opts.decode_html_entities {
                if let Some(u) = decode_entities(&units) {
                    units = u;
                    changed = true;
                }
            }
            if self.opts.fix_mojibake {
                let fixed = mojibake::fix_encoding(units.clone());
                if fixed.iter().map(|u| u.c).ne(units.iter().map(|u| u.c)) {
                    units = fixed;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        for u in units {
            self.unit(u);
        }
    }
}

/// Decode the character references among `units`; None when there is none.
fn decode_entities(units: &[Unit]) -> Option<Vec<Unit>> {
    let first = units.iter().position(|u| u.c == '&')?;
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    out.extend_from_slice(&units[..first]);
    let mut changed = false;
    let mut i = first;
    let mut buf = String::with_capacity(40);
    while i < units.len() {
        let u = units[i];
        if u.c == '&' {
            buf.clear();
            buf.extend(units[i..units.len().min(i + 34)].iter().map(|u| u.c));
            if let Some((len, dec)) = decode_at(&buf) {
                // References are ASCII, so `len` bytes are `len` units.
                let span = &units[i..i + len];
                let s = span.first().map_or(u.start, |x| x.start);
                let e = span.last().map_or(u.end, |x| x.end);
                let rule = Some("html_entity");
                match dec {
                    Decoded::Char(c) => out.push(Unit { c, start: s, end: e, rule }),
                    Decoded::Str(t) => out.extend(t.chars().map(|c| Unit { c, start: s, end: e, rule })),
                }
                changed = true;
                i += len;
                continue;
            }
        }
        out.push(u);
        i += 1;
    }
    changed.then_some(out)
}

/// Whether a line must take the repair path: it has a character reference (`entities`), or it
/// is not ASCII and looks like mojibake (`mojibake`).
fn needs_repair(line: &str, entities: bool, mojibake: bool) -> bool {
    if entities {
        let b = line.as_bytes();
        for at in memchr::memchr_iter(b'&', b) {
            if line.get(at..).is_some_and(|s| decode_at(s).is_some()) {
                return true;
            }
        }
    }
    mojibake && !line.is_ascii() && mojibake::is_bad(line)
}

/// Whether some changed line of a pass's output would be repaired by another pass. Lines the
/// pass copied unchanged are raw lines it already found needed no repair.
pub(crate) fn needs_another_pass(out: &Output, opts: &NormalizeOptions) -> bool {
    let t = &out.nt.text;
    out.dirty.iter().any(|&(s, e)| {
        t.get(s..e).is_some_and(|lines| {
            lines.split_inclusive('\n').any(|line| needs_repair(line, opts.decode_html_entities, opts.fix_mojibake))
        })
    })
}

/// Call `f` with the byte range of each line of `raw` (its line feed included) that needs
/// repairs ([`needs_repair`]), in order. Only lines holding a candidate are judged: an `&` when
/// `entities`, a byte beyond ASCII when `mojibake` (the other lines need no repair); the search
/// for each kind of candidate goes on from the end of the last line judged, so each byte is
/// searched once per kind.
fn for_each_repair_line(raw: &str, entities: bool, mojibake: bool, mut f: impl FnMut(usize, usize)) {
    let b = raw.as_bytes();
    let next_amp = |i: usize| match b.get(i..) {
        Some(rest) if entities => memchr::memchr(b'&', rest).map_or(b.len(), |k| i + k),
        _ => b.len(),
    };
    let next_high = |i: usize| if mojibake { crate::unicode::next_non_ascii(b, i) } else { b.len() };
    let (mut amp, mut high) = (next_amp(0), next_high(0));
    // Lines before `from` are judged.
    let mut from = 0;
    loop {
        let p = amp.min(high);
        let Some(head) = b.get(from..p) else { break };
        if p >= b.len() {
            break;
        }
        let start = memchr::memrchr(b'\n', head).map_or(from, |k| from + k + 1);
        let end = b.get(p..).and_then(|rest| memchr::memchr(b'\n', rest)).map_or(b.len(), |k| p + k + 1);
        if raw.get(start..end).is_some_and(|line| needs_repair(line, entities, mojibake)) {
            f(start, end);
        }
        from = end;
        if amp < end {
            amp = next_amp(end);
        }
        if high < end {
            high = next_high(end);
        }
    }
}

/// [`for_each_repair_line`] line by line: [`needs_repair`] on every line (the tests' reference).
fn for_each_repair_line_by_line(raw: &str, entities: bool, mojibake: bool, mut f: impl FnMut(usize, usize)) {
    let b = raw.as_bytes();
    let mut start = 0;
    while start < raw.len() {
        let end = memchr::memchr(b'\n', &b[start..]).map_or(raw.len(), |p| start + p + 1);
        if raw.get(start..end).is_some_and(|line| needs_repair(line, entities, mojibake)) {
            f(start, end);
        }
        start = end;
    }
}

/// One normalization pass over `raw`.
pub(crate) fn run(raw: &str, opts: &NormalizeOptions) -> Output {
    run_with::<true>(raw, opts)
}

/// [`run`]; `FAST`: whether plain runs are copied at once and only the lines holding candidates
/// are judged for repairs (without it: the plain paths, char by char and line by line, which
/// the tests compare with).
fn run_with<const FAST: bool>(raw: &str, opts: &NormalizeOptions) -> Output {
    let mut pass = Pass {
        raw,
        opts,
        em: Emitter::new(raw),
        pending: None,
        at_line_start: true,
        skip_until: 0,
        line_out_start: 0,
        line_mark: 0,
        carry_dirty: false,
        dirty: Vec::new(),
    };
    let b = raw.as_bytes();
    // Whole-text checks first: most texts have no reference and are ASCII or plainly right.
    let entities = opts.decode_html_entities && memchr::memchr(b'&', b).is_some();
    let mojibake = opts.fix_mojibake && !raw.is_ascii();
    if entities || mojibake {
        let mut plain_from = 0;
        let repair = |start: usize, end: usize| {
            pass.plain_line::<FAST>(plain_from, start);
            pass.repaired_line(start, end);
            plain_from = end;
        };
        if FAST {
            for_each_repair_line(raw, entities, mojibake, repair);
        } else {
            for_each_repair_line_by_line(raw, entities, mojibake, repair);
        }
        pass.plain_line::<FAST>(plain_from, raw.len());
    } else {
        pass.plain_line::<FAST>(0, raw.len());
    }
    pass.flush_space(opts.collapse_spaces);
    if pass.em.len() > pass.line_out_start && !pass.line_is_clean() {
        pass.dirty.push((pass.line_out_start, pass.em.len()));
    }
    let mut dirty = pass.dirty;
    let mut nt = pass.em.finish();
    if opts.join_hyphenated {
        let (joined, changed) = hyphen::join(nt);
        nt = joined;
        if changed {
            // Joins move the lines: check them all again (joining is an option, and rare).
            dirty = vec![(0, nt.text.len())];
        }
    }
    Output { nt, dirty }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    fn n(s: &str) -> NormalizedText {
        run(s, &NormalizeOptions::default()).nt
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        /// Four words at a time, by bytes less 0x20, stop where one word at a time with a mask of
        /// the spaces stops.
        #[test]
        fn plain_words_as_by_word(
            t in proptest::collection::vec(proptest::prop_oneof![
                24 => proptest::sample::select(vec![b'a', b'Z', b'!', b'~']),
                6 => proptest::strategy::Just(b' '),
                1 => proptest::sample::select(vec![b'\n', 0, 0x1f, 0x7f, 0x80, 0x9f, 0xa0, 0xc3, 0xa9, 0xff]),
            ], 0..120),
            from in 0usize..130,
            to in 0usize..130,
        ) {
            proptest::prop_assert_eq!(plain_words(&t, from, to), plain_words_by_word(&t, from, to));
        }
    }

    #[test]
    fn plain_words_stop_at_anything_but_single_spaces() {
        let t = b"abcdefgh ijklmno pqrstuvw";
        assert_eq!(plain_words(t, 0, t.len()), 24);
        let t = b"abcdefgh ijklmn  pqrstuvw";
        assert_eq!(plain_words(t, 0, t.len()), 15);
        let t = b"abcdefg  ijklmno";
        assert_eq!(plain_words(t, 0, t.len()), 7);
        let t = b"abcdefg ijklmno\n";
        assert_eq!(plain_words(t, 0, t.len()), 7);
        let t = "abcdefgh caf\u{e9}!!!!!!!!".as_bytes();
        assert_eq!(plain_words(t, 0, t.len()), 8);
        let t = b"abcdefghijklmno\x7f";
        assert_eq!(plain_words(t, 0, t.len()), 8);
        let t = b"abcdefgh\tbcdefgh";
        assert_eq!(plain_words(t, 0, t.len()), 8);
    }

    /// Text made of what the fast paths look at: plain words, single and double spaces, runs of
    /// line feeds, other breaks and spaces, character references and mojibake.
    fn plain_and_repairs() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            4 => "[A-Za-z.,]{1,12}",
            3 => Just(" ".to_string()),
            2 => prop::sample::select(vec!["\n", "\n\n", "\n\n\n", " \n", "\n ", "  ", "\r\n", "\t"]).prop_map(str::to_string),
            1 => prop::sample::select(vec![
                "&amp;", "&", "&nosuch;", "\u{a3}", "caf\u{e9}", "\u{c3}\u{a9}", "\u{e2}\u{20ac}\u{2122}", "\u{a0}",
                "\u{201c}", "\u{200b}", "\u{2028}", "\u{7f}",
            ]).prop_map(str::to_string),
        ];
        prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The fast paths (plain runs with their line breaks and blank lines copied at once, only
        /// lines holding a candidate judged for repairs) write what the plain paths write.
        #[test]
        fn fast_paths_as_plain_paths(raw in plain_and_repairs(), flags in proptest::prelude::any::<[bool; 4]>()) {
            let opts = NormalizeOptions {
                decode_html_entities: flags[0],
                fix_mojibake: flags[1],
                collapse_spaces: flags[2],
                join_hyphenated: flags[3],
                ..NormalizeOptions::default()
            };
            let (fast, plain) = (run_with::<true>(&raw, &opts), run_with::<false>(&raw, &opts));
            proptest::prop_assert_eq!(&fast.nt, &plain.nt);
            proptest::prop_assert_eq!(&fast.dirty, &plain.dirty);
            for (e, m) in [(true, true), (true, false), (false, true)] {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                for_each_repair_line(&raw, e, m, |s, t| a.push((s, t)));
                for_each_repair_line_by_line(&raw, e, m, |s, t| b.push((s, t)));
                proptest::prop_assert_eq!(a, b);
            }
        }
    }

    #[test]
    fn blank_lines_copied_with_the_run() {
        let opts = NormalizeOptions::default();
        for raw in ["a\n\nb", "a\n\n\n\nb c", "a\n\n", "\n\na", "a\n\n b", "a \n\nb", "a\n\n\u{e9}", "ab.\n\nCd\n"] {
            let (fast, plain) = (run_with::<true>(raw, &opts), run_with::<false>(raw, &opts));
            assert_eq!(fast.nt, plain.nt, "raw {raw:?}");
            assert_eq!(fast.dirty, plain.dirty, "raw {raw:?}");
        }
    }

    #[test]
    fn spaces_and_quotes() {
        let raw = "a\u{a0}\u{a0}b \u{201c}c\u{201d}\r\nd\u{200b}e";
        let t = n(raw);
        assert_eq!(t.text, "a b \"c\"\nde");
    }

    #[test]
    fn trims_spaces_around_line_breaks() {
        assert_eq!(n("  a  b \n\n c\t\n").text, "a b\n\nc\n");
        assert_eq!(n("a \u{200b} b").text, "a b");
    }

    #[test]
    fn spans_map_back() {
        let raw = "x \u{201c}Hello\u{a0}world\u{201d} y";
        let t = n(raw);
        let s = t.text.find('"').unwrap_or(0);
        let e = t.text.rfind('"').map_or(0, |e| e + 1);
        let r = t.to_original(Span::new(s, e));
        assert_eq!(&raw[r.start..r.end], "\u{201c}Hello\u{a0}world\u{201d}");
    }

    #[test]
    fn deleted_chars_not_pulled_into_span_end() {
        let raw = "ab\u{200b}cd";
        let t = n(raw);
        assert_eq!(t.text, "abcd");
        let r = t.to_original(Span::new(0, 2));
        assert_eq!(&raw[r.start..r.end], "ab");
        let r = t.to_original(Span::new(2, 4));
        assert_eq!(&raw[r.start..r.end], "cd");
    }

    #[test]
    fn entities_and_mojibake_map_to_raw() {
        let raw = "Tom &amp; Jerry\u{2019}s caf\u{c3}\u{a9} &#8220;x&#8221;";
        let t = n(raw);
        assert_eq!(t.text, "Tom & Jerry's café \"x\"");
        let amp = t.text.find('&').unwrap_or(0);
        let r = t.to_original(Span::new(amp, amp + 1));
        assert_eq!(&raw[r.start..r.end], "&amp;");
        let e = t.text.find('é').unwrap_or(0);
        let r = t.to_original(Span::new(e, e + 2));
        assert_eq!(&raw[r.start..r.end], "\u{c3}\u{a9}");
    }

    #[test]
    fn hyphenation_by_option() {
        let opts = NormalizeOptions { join_hyphenated: true, ..NormalizeOptions::default() };
        assert_eq!(run("antici-  \npation and A-\nB", &opts).nt.text, "anticipation and A-\nB");
        assert_eq!(run("pre- and post-war", &opts).nt.text, "pre- and post-war");
        assert_eq!(n("antici-\npation").text, "antici-\npation");
    }
}
