//! The normalization pass: line by line, left to right, writing the clean text and its map.
//!
//! Plain lines (no character reference, no mojibake) are read straight from the raw text with
//! an ASCII fast path. Lines that need repairs are first turned into [`Unit`]s (chars that
//! remember their raw bytes), repaired (HTML entities, mojibake), then folded like plain lines.

use crate::emit::Emitter;
use crate::entities::{decode_at, Decoded};
use crate::fold::{ascii_is_plain, classify, Action};
use crate::mojibake::{self, Unit};
use crate::{NormalizeOptions, NormalizedText};

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
    /// Raw bytes before this offset were consumed by a look-ahead rule (CRLF, hyphenation).
    skip_until: usize,
}

impl<'a> Pass<'a> {
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

    /// A hyphen at a line end followed by a word: the raw end of the whitespace to remove.
    fn hyphen_join_end(&self, after: usize) -> Option<usize> {
        let b = self.raw.as_bytes();
        let mut i = after;
        let mut newlines = 0;
        while i < b.len() && i - after < 64 {
            match b[i] {
                b' ' | b'\t' => i += 1,
                b'\r' => {
                    newlines += 1;
                    i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                }
                b'\n' => {
                    newlines += 1;
                    i += 1;
                }
                0xc2 if b.get(i + 1) == Some(&0xa0) => i += 2,
                _ => break,
            }
        }
        let next = self.raw.get(i..)?.chars().next()?;
        (newlines == 1 && next.is_alphabetic()).then_some(i)
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
            if c == '\n' && u.rule.is_none() {
                self.em.copy(u.start, end);
            } else {
                self.em.replace(u.start, end, "\n", u.rule.unwrap_or("line_ending"));
            }
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
                if c == '-' && self.opts.join_hyphenated && u.rule.is_none() && self.em.ends_with_letters(2) {
                    if let Some(end) = self.hyphen_join_end(u.end) {
                        self.em.replace(u.start, end, "", "hyphenation");
                        self.skip_until = end;
                        return;
                    }
                }
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

    /// A line read straight from the raw text, with the ASCII fast path.
    fn plain_line(&mut self, start: usize, end: usize) {
        let b = self.raw.as_bytes();
        let mut i = start.max(self.skip_until);
        while i < end {
            let x = b[i];
            if ascii_is_plain(x) {
                let mut j = i + 1;
                while j < end && ascii_is_plain(b[j]) {
                    j += 1;
                }
                self.before_visible();
                self.em.copy(i, j);
                i = j;
                continue;
            }
            if x == b' '
                && self.pending.is_none()
                && !self.at_line_start
                && b.get(i + 1).is_some_and(|&n| ascii_is_plain(n))
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

/// Whether a line must take the repair path.
fn needs_repair(line: &str, opts: &NormalizeOptions) -> bool {
    if opts.decode_html_entities {
        let b = line.as_bytes();
        let mut from = 0;
        while let Some(p) = b[from..].iter().position(|&x| x == b'&') {
            let at = from + p;
            if line.get(at..).is_some_and(|s| decode_at(s).is_some()) {
                return true;
            }
            from = at + 1;
        }
    }
    opts.fix_mojibake && !line.is_ascii() && mojibake::is_bad(line)
}

/// Whether some line of an output would still be repaired by another pass.
pub(crate) fn needs_another_pass(text: &str, opts: &NormalizeOptions) -> bool {
    if text.is_ascii() && !text.contains('&') {
        return false;
    }
    text.split_inclusive('\n').any(|line| needs_repair(line, opts))
}

pub(crate) fn run(raw: &str, opts: &NormalizeOptions) -> NormalizedText {
    let mut pass = Pass { raw, opts, em: Emitter::new(raw), pending: None, at_line_start: true, skip_until: 0 };
    let b = raw.as_bytes();
    let mut start = 0;
    while start < raw.len() {
        let end = b[start..].iter().position(|&x| x == b'\n').map_or(raw.len(), |p| start + p + 1);
        let line = &raw[start..end];
        if needs_repair(line, opts) {
            pass.repaired_line(start, end);
        } else {
            pass.plain_line(start, end);
        }
        start = end;
    }
    pass.flush_space(opts.collapse_spaces);
    pass.em.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    fn n(s: &str) -> NormalizedText {
        run(s, &NormalizeOptions::default())
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
        assert_eq!(run("antici-  \npation and A-\nB", &opts).text, "anticipation and A-\nB");
        assert_eq!(run("pre- and post-war", &opts).text, "pre- and post-war");
        assert_eq!(n("antici-\npation").text, "antici-\npation");
    }
}
