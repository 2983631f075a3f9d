//! Rejoining words broken by a hyphen at a line end ("antici-\npation" -> "anticipation").
//!
//! Runs on the output of the fold pass, not on the raw text, so that it decides on exactly
//! what a second normalization would see: a dash folded to "-", a line break written for
//! U+2028 or "\r", invisible chars already removed. Left to right, the two letters before each
//! hyphen are read from the joined text, so a join can enable the next one in the same pass and
//! the result is stable.

use crate::{Fix, NormalizedText};

/// Longest run of blanks and the line break between the hyphen and the next word.
const MAX_GAP: usize = 64;

/// The end of the gap after a hyphen that ends at `after`: blanks with exactly one line break,
/// then a letter. None when the hyphen does not end a line before a word.
fn gap_end(t: &str, after: usize) -> Option<usize> {
    let mut newlines = 0;
    for (k, c) in t.get(after..)?.char_indices() {
        if k > MAX_GAP {
            return None;
        }
        match c {
            ' ' | '\t' | '\u{a0}' => {}
            '\n' => newlines += 1,
            c if c.is_alphabetic() && newlines == 1 => return Some(after + k),
            _ => return None,
        }
    }
    None
}

/// The last `n` chars of the joined text before `pos` are letters: walks back over `t`,
/// jumping over the ranges already removed (`edits`, sorted, all before `pos`).
fn letters_before(t: &str, pos: usize, edits: &[(usize, usize, String)], n: usize) -> bool {
    let mut end = pos;
    let mut k = edits.len();
    let mut count = 0;
    while count < n {
        if let Some(e) = k.checked_sub(1).and_then(|i| edits.get(i)) {
            if e.1 == end {
                end = e.0;
                k -= 1;
                continue;
            }
        }
        match t.get(..end).and_then(|s| s.chars().next_back()) {
            Some(c) if c.is_alphabetic() => {
                count += 1;
                end -= c.len_utf8();
            }
            _ => return false,
        }
    }
    true
}

/// Rejoin the hyphenated words of `nt`; also says whether any was joined.
pub(crate) fn join(nt: NormalizedText) -> (NormalizedText, bool) {
    let t = nt.text.as_str();
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for h in memchr::memchr_iter(b'-', t.as_bytes()) {
        if edits.last().is_some_and(|e| h < e.1) {
            continue;
        }
        let Some(end) = gap_end(t, h + 1) else { continue };
        if letters_before(t, h, &edits, 2) {
            edits.push((h, end, String::new()));
        }
    }
    if edits.is_empty() {
        return (nt, false);
    }
    let (text, map, spans) = nt.map.rewrite(&nt.text, &edits);
    let mut fixes = nt.fixes;
    fixes.extend(spans.into_iter().map(|span| Fix { rule: "hyphenation".to_string(), span }));
    fixes.sort_by_key(|f| f.span.start);
    (NormalizedText { text, map, fixes }, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OffsetMap;

    fn j(s: &str) -> String {
        join(NormalizedText { text: s.to_string(), map: OffsetMap::identity(s.len()), fixes: Vec::new() }).0.text
    }

    #[test]
    fn joins_at_line_ends_only() {
        assert_eq!(j("antici-\npation and A-\nB"), "anticipation and A-\nB");
        assert_eq!(j("pre- and post-war"), "pre- and post-war");
        assert_eq!(j("ab-\n\ncd"), "ab-\n\ncd");
        assert_eq!(j("ab- \n cd"), "abcd");
        assert_eq!(j("ab-\n1990"), "ab-\n1990");
    }

    #[test]
    fn a_join_can_enable_the_next() {
        assert_eq!(j("a-\nb-\nc"), "a-\nb-\nc");
        assert_eq!(j("ab-\nc-\nd"), "abcd");
        assert_eq!(j(&j("ab-\nc-\nd")), "abcd");
    }
}
