//! Byte offset to code-point offset conversion.

/// Converts byte offsets of one text into Unicode code-point offsets (what Python's `str`
/// indices and the JSON contract use). Memory is proportional to the number of non-ASCII
/// characters; each lookup is a binary search.
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
        if !text.is_ascii() {
            for (i, c) in text.char_indices() {
                let l = c.len_utf8();
                if l > 1 {
                    extra += l - 1;
                    marks.push((i + l, extra));
                }
            }
        }
        CharIndex { marks, len: text.len() }
    }

    /// The code-point offset of byte offset `byte` (which should be on a char boundary;
    /// an offset inside a char maps to the start of the next char).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let i = self.marks.partition_point(|&(after, _)| after <= byte);
        if i == 0 {
            byte
        } else {
            byte - self.marks[i - 1].1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CharIndex;

    #[test]
    fn converts() {
        let t = "a\u{a0}b—c😀d";
        let ci = CharIndex::new(t);
        for (ci_i, (b, _)) in t.char_indices().enumerate() {
            assert_eq!(ci.char_offset(b), ci_i);
        }
        assert_eq!(ci.char_offset(t.len()), t.chars().count());
    }
}
