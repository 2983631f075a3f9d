//! The character-level rules, applied in one left-to-right pass.

use crate::{Fix, NormalizeOptions, NormalizedText, OffsetMap, Span};

/// What to do with one character.
enum Action {
    Keep,
    Replace(&'static str, &'static str),
    Delete(&'static str),
}

fn classify(c: char, opts: &NormalizeOptions) -> Action {
    match c {
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{1680}' | '\t' => {
            Action::Replace(" ", "space")
        }
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => Action::Delete("zero_width"),
        '\u{2028}' | '\u{2029}' | '\u{85}' => Action::Replace("\n", "line_break"),
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' if opts.fold_quotes => {
            Action::Replace("'", "quote")
        }
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' if opts.fold_quotes => {
            Action::Replace("\"", "quote")
        }
        '\u{2013}' | '\u{2014}' | '\u{2012}' | '\u{2015}' | '\u{2212}' if opts.fold_dashes => Action::Replace("-", "dash"),
        '\u{2026}' if opts.fold_ellipsis => Action::Replace("...", "ellipsis"),
        '\r' | '\n' => Action::Keep,
        c if c.is_control() => Action::Delete("control"),
        _ => Action::Keep,
    }
}

pub(crate) fn run(raw: &str, opts: &NormalizeOptions) -> NormalizedText {
    let mut out = NormalizedText { text: String::with_capacity(raw.len()), map: OffsetMap::default(), fixes: Vec::new() };
    let bytes = raw.as_bytes();
    let mut copy_start = 0usize;
    let mut i = 0usize;
    let flush = |out: &mut NormalizedText, from: usize, to: usize| {
        if to > from {
            out.text.push_str(&raw[from..to]);
            out.map.push_copy(from, to - from);
        }
    };
    for (pos, c) in raw.char_indices() {
        if pos < i {
            continue;
        }
        let clen = c.len_utf8();
        // Line endings: CRLF and lone CR become "\n".
        if c == '\r' {
            flush(&mut out, copy_start, pos);
            let len = if bytes.get(pos + 1) == Some(&b'\n') { 2 } else { 1 };
            out.text.push('\n');
            out.map.push_replace(pos, len, 1);
            out.fixes.push(Fix { rule: "line_ending".into(), span: Span::new(pos, pos + len) });
            i = pos + len;
            copy_start = i;
            continue;
        }
        let action = classify(c, opts);
        let mut repl: Option<(&str, &str)> = match action {
            Action::Keep => None,
            Action::Replace(r, rule) => Some((r, rule)),
            Action::Delete(rule) => Some(("", rule)),
        };
        // Collapse runs of spaces: a space after a space (or at line start after a newline) is dropped.
        let becomes_space = c == ' ' || matches!(repl, Some((" ", _)));
        if opts.collapse_spaces && becomes_space && out.text.ends_with(' ') && copy_start == pos {
            repl = Some(("", "space"));
        } else if opts.collapse_spaces && becomes_space && copy_start < pos && bytes[pos - 1] == b' ' {
            repl = Some(("", "space"));
        }
        if let Some((r, rule)) = repl {
            flush(&mut out, copy_start, pos);
            out.text.push_str(r);
            out.map.push_replace(pos, clen, r.len());
            out.fixes.push(Fix { rule: rule.into(), span: Span::new(pos, pos + clen) });
            copy_start = pos + clen;
        }
        i = pos + clen;
    }
    flush(&mut out, copy_start, raw.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn spans_map_back() {
        let raw = "x \u{201c}Hello\u{a0}world\u{201d} y";
        let t = n(raw);
        let s = t.text.find('"').unwrap();
        let e = t.text.rfind('"').unwrap() + 1;
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
}
