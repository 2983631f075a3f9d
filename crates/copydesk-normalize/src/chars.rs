//! Byte offset to code-point offset conversion, both ways.

use crate::unicode::next_non_ascii;

/// Converts byte offsets of one text into Unicode code-point offsets (what Python's `str`
/// indices and the JSON contract use) and back. Memory is proportional to the number of
/// non-ASCII characters (none for ASCII text); building it skips ASCII a word at a time; each
/// lookup is a binary search.
#[derive(Debug, Clone, Default)]
pub struct CharIndex {
    /// For each non-ASCII char: (byte offset just after it, extra bytes so far including it).
    marks: Vec<(usize, usize)>,
    len: usize,
}

impl CharIndex {
    /// Build the index for `text`.
    pub fn new(text: &str) -> Self {
        let mut marks = Vec::new();
        let mut extra = 0usize;
        let b = text.as_bytes();
        let mut i = next_non_ascii(b, 0);
        while i < b.len() {
            let l = match b[i] {
                0xf0..=0xff => 4,
                0xe0..=0xef => 3,
                _ => 2,
            };
            extra += l - 1;
            marks.push((i + l, extra));
            i = next_non_ascii(b, i + l);
        }
        CharIndex { marks, len: text.len() }
    }

    /// Length of the text in code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.len - self.marks.last().map_or(0, |m| m.1)
    }

    /// The code-point offset of byte offset `byte` (which should be on a char boundary;
    /// an offset inside a char maps to the start of the next char).
    #[inline]
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let i = self.marks.partition_point(|&(after, _)| after <= byte);
        if i == 0 {
            byte
        } else {
            byte - self.marks[i - 1].1
        }
    }

    /// The byte offset of code-point offset `ch` (at most the text's length).
    #[inline]
    pub fn byte_offset(&self, ch: usize) -> usize {
        let i = self.marks.partition_point(|&(after, extra)| after - extra <= ch);
        let byte = if i == 0 { ch } else { ch + self.marks[i - 1].1 };
        byte.min(self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::CharIndex;

    #[test]
    fn converts() {
        for t in ["a\u{a0}b—c😀d", "", "plain", "\u{e9}", "long ascii prefix here \u{10ffff}x\u{7ff}\u{800}"] {
            let ci = CharIndex::new(t);
            for (ci_i, (b, _)) in t.char_indices().enumerate() {
                assert_eq!(ci.char_offset(b), ci_i);
                assert_eq!(ci.byte_offset(ci_i), b);
            }
            assert_eq!(ci.char_offset(t.len()), t.chars().count());
            assert_eq!(ci.byte_offset(t.chars().count()), t.len());
            assert_eq!(ci.char_len(), t.chars().count());
            assert_eq!(ci.byte_offset(t.len() + 5), t.len());
        }
    }
}
