//! Quotation marks: find the quoted pieces of each content segment.
//!
//! Double marks (`"`, `“ ”`, `„`, `« »`) are paired left to right; single marks (`'`, `‘ ’`)
//! are used as outer marks only in a segment without double marks, and an apostrophe inside a
//! word ("don't", "Kelin's") is never a mark. A segment that ends inside an open quote yields a
//! piece running to the segment end (`closed == false`): the newspaper convention for a quote
//! that continues in the next paragraph.

use super::ws::SplitWsExt;
use crate::Context;
use copydesk_normalize::Span;

/// A stretch of text in quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    /// From the opening mark to after the closing mark (or the segment end).
    pub span: Span,
    /// Inside the marks.
    pub content: Span,
    /// Index of the segment.
    pub seg: usize,
    /// Whether a closing mark was found.
    pub closed: bool,
}

/// Deepest nesting of curly marks inside a quote that [`scan`] follows.
const MAX_DEPTH: usize = 4;

fn is_double(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}')
}

fn is_single(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}')
}

/// May `c` open a quote, given the characters around it?
fn can_open(c: char, prev: Option<char>, next: Option<char>) -> bool {
    let prev_ok =
        prev.map_or(true, |p| p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':'));
    let next_ok = next.is_some_and(|n| !n.is_whitespace());
    match c {
        '\u{201c}' | '\u{201e}' | '\u{ab}' | '\u{2018}' => next_ok || prev_ok,
        '"' | '\u{201d}' => prev_ok && next_ok,
        '\'' | '\u{2019}' => prev_ok && next.is_some_and(|n| n.is_alphanumeric() || n == '"' || n == '\u{201c}'),
        _ => false,
    }
}

/// May `c` close a quote opened with `open`?
fn can_close(open: char, c: char, prev: Option<char>, next: Option<char>) -> bool {
    match open {
        '\u{ab}' => c == '\u{bb}',
        '\'' | '\u{2018}' | '\u{2019}' => {
            // A closing single mark is not followed by a letter ("don't") and follows text.
            matches!(c, '\'' | '\u{2019}')
                && prev.is_some_and(|p| !p.is_whitespace())
                && next.map_or(true, |n| !n.is_alphanumeric())
        }
        _ => {
            matches!(c, '"' | '\u{201d}' | '\u{201c}')
                && !(c == '\u{201c}' && next.is_some_and(|n| n.is_alphanumeric()))
        }
    }
}

/// A quotation-mark character at byte `at` of a segment, with its neighbours.
struct Mark {
    at: usize,
    c: char,
    prev: Option<char>,
    next: Option<char>,
}

/// Is the byte at `i` of `b` an ASCII apostrophe between two ASCII letters or digits (`don't`)?
/// Such an apostrophe is no mark (see [`marks_of`]): told from the bytes, without decoding.
#[inline]
fn ascii_apostrophe_in_word(b: &[u8], i: usize) -> bool {
    let alnum = |k: Option<usize>| k.and_then(|k| b.get(k)).is_some_and(u8::is_ascii_alphanumeric);
    b.get(i) == Some(&b'\'') && alnum(i.checked_sub(1)) && alnum(i.checked_add(1))
}

/// Does the text hold a guillemet (U+00AB or U+00BB: 0xC2 then 0xAB or 0xBB)?
fn has_guillemet(b: &[u8]) -> bool {
    memchr::memchr_iter(0xC2, b).any(|i| matches!(b.get(i + 1), Some(0xAB | 0xBB)))
}

/// The mark at byte `i` of `s`, if a double or single mark starts there (decoded, with its
/// neighbours), unless it is an apostrophe inside a word.
fn mark_at(s: &str, i: usize) -> Option<Mark> {
    let c = s.get(i..)?.chars().next()?;
    if !(is_double(c) || is_single(c)) {
        return None;
    }
    let prev = s[..i].chars().next_back();
    let next = s[i + c.len_utf8()..].chars().next();
    // An apostrophe inside a word ("don't", "Lee’s") can neither open a quote nor close
    // one (see `can_open` and `can_close`) and counts toward no mark total: left out.
    if matches!(c, '\'' | '\u{2019}')
        && prev.is_some_and(char::is_alphanumeric)
        && next.is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    Some(Mark { at: i, c, prev, next })
}

/// The quote-like characters of `s` (double and single marks) in order, found with a byte
/// search: `"`, `'`, and the lead bytes of the typographic marks (U+201C.., U+00AB, U+00BB);
/// guillemets are looked for only when `guillemets` (false when the whole text has none).
/// `out` is emptied first (one buffer serves every segment of a document).
fn marks_of(s: &str, guillemets: bool, out: &mut Vec<Mark>) {
    out.clear();
    let b = s.as_bytes();
    // An ASCII apostrophe inside a word (the most frequent hit) is turned away undecoded.
    let mark = |i: usize| if ascii_apostrophe_in_word(b, i) { None } else { mark_at(s, i) };
    out.extend(memchr::memchr3_iter(b'"', b'\'', 0xE2, b).filter_map(mark));
    // Guillemets (lead byte 0xC2) are rare: merged in order only when there are some.
    if !guillemets {
        return;
    }
    let before = out.len();
    out.extend(memchr::memchr_iter(0xC2, b).filter(|&i| matches!(b.get(i + 1), Some(0xAB | 0xBB))).filter_map(mark));
    if out.len() > before {
        out.sort_unstable_by_key(|m| m.at);
    }
}

/// Quoted pieces of every paragraph-like segment, in text order.
///
/// In a text whose quotes use double marks, a segment that is nothing but a short phrase in
/// single marks ("'A fight from start to finish.'") is a pull quote set as a subheading, in the
/// style of headlines, not speech: it gives no piece.
pub(crate) fn scan(ctx: &Context) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut any_double = false;
    // Indices in `out` of whole-segment short pieces in single marks.
    let mut pull_quotes: Vec<usize> = Vec::new();
    // The marks of the current segment (kept across segments).
    let mut marks: Vec<Mark> = Vec::new();
    // One search of the whole text spares most segments the search for guillemets.
    let guillemets = has_guillemet(ctx.text.as_bytes());
    for (si, seg) in ctx.segments.iter().enumerate() {
        let s = ctx.slice(seg.span);
        marks_of(s, guillemets, &mut marks);
        if marks.is_empty() {
            continue;
        }
        let has_double = marks.iter().any(|m| is_double(m.c));
        // two apostrophes stand for a double mark in some archives ("''We won,'' she said.")
        any_double |= has_double || s.contains("''");
        let first_piece = out.len();
        let base = seg.span.start;
        let mut open: Option<(usize, char)> = None;
        // Curly marks inside a quote opened with `“`: an opening `“` (before a word) nests, and
        // its `”` closes it, not the outer quote.
        let mut depth = 0usize;
        // Straight double marks inside a quote opened with `"`: one after a space and before a
        // word (`"Reports say "no" again."`) opens a quote within the quote, which the next
        // straight mark closes.
        let mut ascii_depth = 0usize;
        // Marks still ahead: a quote opened with `"` closes with `"` while one is left, so that
        // typographic marks inside it nest (and the other way round).
        let mut ascii_left = marks.iter().filter(|m| m.c == '"').count();
        let mut curly_left = marks.iter().filter(|m| m.c == '\u{201d}').count();
        for &Mark { at: i, c, prev, next } in &marks {
            match c {
                '"' => ascii_left = ascii_left.saturating_sub(1),
                '\u{201d}' => curly_left = curly_left.saturating_sub(1),
                _ => {}
            }
            let relevant = if has_double { is_double(c) } else { is_single(c) };
            let nested = match open {
                Some((_, '"')) => c != '"' && ascii_left > 0,
                Some((_, '\u{201c}')) => c == '"' && curly_left > 0,
                _ => false,
            };
            if relevant && !nested && matches!(open, Some((_, '\u{201c}'))) {
                // Only with closing marks enough ahead for it and every quote around it.
                if c == '\u{201c}'
                    && next.is_some_and(|n| n.is_alphanumeric())
                    && depth < MAX_DEPTH
                    && curly_left >= depth + 2
                {
                    depth += 1;
                    continue;
                }
                if c == '\u{201d}' && depth > 0 {
                    depth -= 1;
                    continue;
                }
            }
            if relevant && !nested && c == '"' && matches!(open, Some((_, '"'))) {
                // Only with straight marks enough ahead to close it and the outer quote.
                if ascii_depth > 0 {
                    ascii_depth -= 1;
                    continue;
                }
                let opens_inner = prev.is_some_and(char::is_whitespace) && next.is_some_and(char::is_alphanumeric);
                if opens_inner && ascii_depth < MAX_DEPTH && ascii_left >= ascii_depth + 2 {
                    ascii_depth += 1;
                    continue;
                }
            }
            if relevant && !nested {
                match open {
                    Some((o, oc)) if can_close(oc, c, prev, next) => {
                        let end = i + c.len_utf8();
                        out.push(Piece {
                            span: Span::new(base + o, base + end),
                            content: Span::new(base + o + oc.len_utf8(), base + i),
                            seg: si,
                            closed: true,
                        });
                        open = None;
                        depth = 0;
                        ascii_depth = 0;
                    }
                    None if can_open(c, prev, next) => open = Some((i, c)),
                    _ => {}
                }
            }
        }
        if let Some((o, oc)) = open {
            let end = s.trim_end().len().max(o + oc.len_utf8());
            out.push(Piece {
                span: Span::new(base + o, base + end),
                content: Span::new(base + o + oc.len_utf8(), base + end),
                seg: si,
                closed: false,
            });
        }
        if !has_double && out.len() == first_piece + 1 {
            if let Some(p) = out.last().filter(|p| p.closed) {
                let whole =
                    p.span.start - base == s.len() - s.trim_start().len() && p.span.end - base == s.trim_end().len();
                if whole && ctx.slice(p.content).split_ws().take(PULL_QUOTE_WORDS + 1).count() <= PULL_QUOTE_WORDS {
                    pull_quotes.push(first_piece);
                }
            }
        }
    }
    if any_double && !pull_quotes.is_empty() {
        let mut k = 0;
        let mut i = 0;
        out.retain(|_| {
            let drop = pull_quotes.get(k) == Some(&i);
            k += usize::from(drop);
            i += 1;
            !drop
        });
    }
    out
}

/// Longest pull quote (words) [`scan`] sets aside.
const PULL_QUOTE_WORDS: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;
    use copydesk_parse::BlockKind;

    fn pieces(text: &str) -> Vec<(String, bool)> {
        let mut segs = Vec::new();
        let mut start = 0;
        for p in text.split("\n\n") {
            segs.push(crate::Segment { span: Span::new(start, start + p.len()), kind: BlockKind::Paragraph });
            start += p.len() + 2;
        }
        let ctx = Context { text, segments: segs, sentences: Vec::new(), published: None };
        scan(&ctx).into_iter().map(|p| (p.span.slice(text).to_string(), p.closed)).collect()
    }

    #[test]
    fn apostrophes_inside_words_are_no_marks() {
        let t = |s: &str| pieces(s).into_iter().map(|(p, _)| p).collect::<Vec<_>>();
        assert_eq!(t("'It's Lee's day,' she said."), vec!["'It's Lee's day,'"]);
        assert_eq!(
            t("\u{2018}It\u{2019}s Lee\u{2019}s day,\u{2019} she said."),
            vec!["\u{2018}It\u{2019}s Lee\u{2019}s day,\u{2019}"]
        );
        assert_eq!(t("\"Don't,\" she said. It's 'fine' now."), vec!["\"Don't,\""]);
        assert_eq!(t("Lee's 'plan' won't work."), vec!["'plan'"]);
        let mut m = Vec::new();
        marks_of("don't 'x' Lee\u{2019}s \u{2018}y\u{2019}", true, &mut m);
        assert_eq!(m.iter().map(|m| m.c).collect::<String>(), "''\u{2018}\u{2019}");
    }

    /// [`marks_of`] the plain way: every candidate byte decoded, guillemets always looked for.
    fn plain_marks(s: &str) -> Vec<(usize, char, Option<char>, Option<char>)> {
        let b = s.as_bytes();
        let candidate = |i: &usize| matches!(b[*i], b'"' | b'\'' | 0xE2) || b[*i] == 0xC2;
        (0..b.len()).filter(candidate).filter_map(|i| mark_at(s, i)).map(|m| (m.at, m.c, m.prev, m.next)).collect()
    }

    proptest::proptest! {
        #[test]
        fn marks_agree_with_decoding_every_candidate(s in "[a1 '\"\u{2019}\u{2018}\u{201c}\u{201d}\u{2014}\u{ab}\u{bb}\u{a3}\u{e9}]{0,40}") {
            let mut m = Vec::new();
            marks_of(&s, has_guillemet(s.as_bytes()), &mut m);
            let got: Vec<_> = m.iter().map(|m| (m.at, m.c, m.prev, m.next)).collect();
            proptest::prop_assert_eq!(got, plain_marks(&s));
        }
    }

    #[test]
    fn pull_quotes_in_single_marks_are_set_aside_when_quotes_use_double_marks() {
        let text = "\"We will win,\" she said.\n\n'A fight from start to finish.'\n\nThe race went on.";
        assert_eq!(pieces(text), vec![("\"We will win,\"".to_string(), true)]);
        // Where single marks are the quotation marks, the same line is a quote.
        let text = "'We will win,' she said.\n\n'A fight from start to finish.'";
        assert_eq!(pieces(text).len(), 2);
        // A long line in single marks is kept.
        let text = "\"Yes,\" he said.\n\n'We went there and we saw the whole thing happen before our eyes.'";
        assert_eq!(pieces(text).len(), 2);
    }

    #[test]
    fn all_mark_styles() {
        assert_eq!(pieces("He said \"yes, we can\" today."), vec![("\"yes, we can\"".to_string(), true)]);
        assert_eq!(pieces("He said “yes” and «non»."), vec![("“yes”".into(), true), ("«non»".into(), true)]);
        assert_eq!(pieces("‘We won’t go,’ she said."), vec![("‘We won’t go,’".into(), true)]);
        assert_eq!(pieces("'We don't know,' she said."), vec![("'We don't know,'".into(), true)]);
    }

    #[test]
    fn nested_double_marks_of_the_other_style_stay_inside() {
        assert_eq!(
            pieces("He said: \"The question: “Is it?” No.\" Then he left."),
            vec![("\"The question: “Is it?” No.\"".to_string(), true)]
        );
    }

    #[test]
    fn nested_curly_marks_of_the_same_style_stay_inside() {
        assert_eq!(
            pieces("“When “your team” loses, say so,” Doe wrote."),
            vec![("“When “your team” loses, say so,”".to_string(), true)]
        );
        // Without closing marks enough for both, the inner one opens nothing.
        assert_eq!(pieces("“When “your team loses,” Doe wrote."), vec![("“When “your team loses,”".to_string(), true)]);
    }

    #[test]
    fn nested_straight_double_marks_stay_inside() {
        assert_eq!(
            pieces("He wrote, \"Reports say the man shouted \"go away\" at them.\" Then he left."),
            vec![("\"Reports say the man shouted \"go away\" at them.\"".to_string(), true)]
        );
        // A mark after a space opens nothing inside the quote without marks enough ahead.
        assert_eq!(
            pieces("\"We won,\" he said. \"They lost \"badly."),
            vec![("\"We won,\"".to_string(), true), ("\"They lost \"".to_string(), true)]
        );
    }

    #[test]
    fn nested_single_marks_stay_inside() {
        assert_eq!(
            pieces("\"He told me 'never again' twice,\" she said."),
            vec![("\"He told me 'never again' twice,\"".to_string(), true)]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(pieces("Kelin's view isn't the ministers' view.").is_empty());
    }

    #[test]
    fn open_quote_runs_to_paragraph_end() {
        let p = pieces("\"First part.\n\n\"Second part,\" he said.");
        assert_eq!(p, vec![("\"First part.".to_string(), false), ("\"Second part,\"".to_string(), true)]);
    }
}
