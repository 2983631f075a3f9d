//! The offset map from normalized text back to the raw text it came from.

use crate::Span;
use serde::{Deserialize, Serialize};

/// One piece of the map: `norm_len` bytes of normalized text at `norm_start` came from
/// `raw_len` bytes of raw text at `raw_start`. A piece is `copied` when the two are the same bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    /// Start in normalized text (bytes).
    pub norm_start: usize,
    /// Length in normalized text (bytes).
    pub norm_len: usize,
    /// Start in raw text (bytes).
    pub raw_start: usize,
    /// Length in raw text (bytes).
    pub raw_len: usize,
    /// True when the normalized bytes are an exact copy of the raw bytes.
    pub copied: bool,
}

/// Maps byte offsets of a normalized text back to byte offsets of the raw text.
///
/// Built piece by piece while normalizing; copied runs are merged so the map stays small
/// (one piece per edit, not per character).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
    raw_len: usize,
    norm_len: usize,
}

/// [`OffsetMap::to_original`] of `span` for a map that is the identity on a text of `n` bytes
/// ([`OffsetMap::identity_len`]): the span clamped to the text.
#[inline]
pub fn identity_span(span: Span, n: usize) -> Span {
    let start = span.start.min(n);
    Span { start, end: span.end.min(n).max(start) }
}

impl OffsetMap {
    /// An identity map for a text of `len` bytes.
    pub fn identity(len: usize) -> Self {
        let mut m = OffsetMap::default();
        m.push_copy(0, len);
        m
    }

    /// Append a copied run of raw bytes `raw_start..raw_start+len`.
    pub fn push_copy(&mut self, raw_start: usize, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.pieces.last_mut() {
            if last.copied
                && last.raw_start + last.raw_len == raw_start
                && last.norm_start + last.norm_len == self.norm_len
            {
                last.raw_len += len;
                last.norm_len += len;
                self.norm_len += len;
                self.raw_len = self.raw_len.max(raw_start + len);
                return;
            }
        }
        self.pieces.push(Piece { norm_start: self.norm_len, norm_len: len, raw_start, raw_len: len, copied: true });
        self.norm_len += len;
        self.raw_len = self.raw_len.max(raw_start + len);
    }

    /// Append `norm_len` normalized bytes that replace raw bytes `raw_start..raw_start+raw_len`
    /// (`norm_len` may be 0 for a deletion).
    pub fn push_replace(&mut self, raw_start: usize, raw_len: usize, norm_len: usize) {
        self.pieces.push(Piece { norm_start: self.norm_len, norm_len, raw_start, raw_len, copied: false });
        self.norm_len += norm_len;
        self.raw_len = self.raw_len.max(raw_start + raw_len);
    }

    /// The pieces of the map, in order.
    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// Length of the normalized text this map covers.
    pub fn norm_len(&self) -> usize {
        self.norm_len
    }

    /// Map one normalized offset to a raw offset. `is_end` says the offset ends a span: it then
    /// maps to the end of the raw text that produced the byte before it, so deleted characters
    /// (zero-width spaces, soft hyphens) just after a span are not pulled into it.
    #[inline]
    pub fn to_original_pos(&self, norm_pos: usize, is_end: bool) -> usize {
        let Some(last) = self.pieces.last() else {
            return norm_pos.min(self.raw_len);
        };
        if norm_pos >= self.norm_len && !(is_end && norm_pos == self.norm_len && norm_pos > 0) {
            return last.raw_start + last.raw_len;
        }
        if is_end && norm_pos > 0 {
            let i = self.pieces.partition_point(|p| p.norm_start + p.norm_len < norm_pos);
            let Some(p) = self.pieces.get(i) else {
                return last.raw_start + last.raw_len;
            };
            if p.copied {
                p.raw_start + (norm_pos - p.norm_start)
            } else {
                p.raw_start + p.raw_len
            }
        } else {
            let i = self.pieces.partition_point(|p| p.norm_start + p.norm_len <= norm_pos);
            let Some(p) = self.pieces.get(i) else {
                return last.raw_start + last.raw_len;
            };
            if p.copied {
                p.raw_start + (norm_pos - p.norm_start)
            } else {
                p.raw_start
            }
        }
    }

    /// Apply `edits` (disjoint, sorted ranges of the normalized text with their new text) to
    /// `text`, giving the new text and a map from it straight back to the raw text. An edit that
    /// cuts through a replaced piece is widened to the whole piece. Also gives the raw span of
    /// each (widened) edit.
    pub(crate) fn rewrite(&self, text: &str, edits: &[(usize, usize, String)]) -> (String, OffsetMap, Vec<Span>) {
        // Widen to replaced-piece boundaries and group edits whose widened ranges overlap.
        let widen = |a: usize, b: usize| -> (usize, usize) {
            let mut wa = a;
            let i = self.pieces.partition_point(|p| p.norm_start + p.norm_len <= a);
            if let Some(p) = self.pieces.get(i) {
                if !p.copied && p.norm_start < a {
                    wa = p.norm_start;
                }
            }
            let mut wb = b;
            if b > 0 {
                let j = self.pieces.partition_point(|p| p.norm_start + p.norm_len < b);
                if let Some(p) = self.pieces.get(j) {
                    if !p.copied && p.norm_start + p.norm_len > b {
                        wb = p.norm_start + p.norm_len;
                    }
                }
            }
            (wa, wb)
        };
        // (widened start, widened end, new text so far, end of the last edit in the group)
        let mut open: Vec<(usize, usize, String, usize)> = Vec::new();
        for (a, b, r) in edits {
            let (wa, wb) = widen(*a, *b);
            match open.last_mut() {
                Some(g) if wa < g.1 && *a >= g.3 => {
                    g.2.push_str(text.get(g.3..*a).unwrap_or(""));
                    g.2.push_str(r);
                    g.3 = *b;
                    g.1 = g.1.max(wb);
                }
                _ => {
                    let mut s = String::new();
                    s.push_str(text.get(wa..*a).unwrap_or(""));
                    s.push_str(r);
                    open.push((wa, wb, s, *b));
                }
            }
        }
        let groups: Vec<(usize, usize, String)> = open
            .into_iter()
            .map(|(wa, wb, mut s, last)| {
                s.push_str(text.get(last..wb).unwrap_or(""));
                (wa, wb, s)
            })
            .collect();
        let mut out = String::with_capacity(text.len());
        let mut map = OffsetMap::default();
        let mut spans = Vec::with_capacity(groups.len());
        let mut k = 0usize; // piece index
        let mut x = 0usize; // start of the current unchanged segment
        let copy_segment = |map: &mut OffsetMap, out: &mut String, k: &mut usize, x: usize, y: usize| {
            out.push_str(text.get(x..y).unwrap_or(""));
            while let Some(p) = self.pieces.get(*k) {
                let ps = p.norm_start;
                let pe = ps + p.norm_len;
                if ps > y || (ps == y && p.norm_len > 0) {
                    break;
                }
                if p.copied {
                    let cs = ps.max(x);
                    let ce = pe.min(y);
                    if ce > cs {
                        map.push_copy(p.raw_start + (cs - ps), ce - cs);
                    }
                    if pe > y {
                        break;
                    }
                } else {
                    map.push_replace(p.raw_start, p.raw_len, p.norm_len);
                }
                *k += 1;
            }
        };
        for (a, b, r) in &groups {
            copy_segment(&mut map, &mut out, &mut k, x, *a);
            let rs = self.to_original_pos(*a, false);
            let re = if b > a { self.to_original_pos(*b, true).max(rs) } else { rs };
            map.push_replace(rs, re - rs, r.len());
            out.push_str(r);
            spans.push(Span::new(rs, re));
            while let Some(p) = self.pieces.get(k) {
                if p.norm_start + p.norm_len <= *b && !(p.norm_len == 0 && p.norm_start == *b) {
                    k += 1;
                } else {
                    break;
                }
            }
            x = *b;
        }
        copy_segment(&mut map, &mut out, &mut k, x, text.len());
        map.raw_len = map.raw_len.max(self.raw_len);
        (out, map, spans)
    }

    /// `Some(n)` when the map is the identity on a text of `n` bytes (the normalized text is the
    /// raw text: one copied piece from 0, or nothing at all): [`OffsetMap::to_original`] is then
    /// [`identity_span`] with `n`, which callers mapping many spans can use without a search.
    pub fn identity_len(&self) -> Option<usize> {
        match self.pieces.as_slice() {
            [] => (self.norm_len == 0 && self.raw_len == 0).then_some(0),
            [p] => (p.copied
                && p.norm_start == 0
                && p.raw_start == 0
                && p.norm_len == self.norm_len
                && p.raw_len == p.norm_len
                && self.raw_len == p.norm_len)
                .then_some(p.norm_len),
            _ => None,
        }
    }

    /// Map a span of normalized text to the span of raw text it came from.
    ///
    /// The whole normalized text maps to the whole raw text (deleted characters at either end
    /// included); any other span ending just before deleted characters does not take them in.
    #[inline]
    pub fn to_original(&self, span: Span) -> Span {
        if span.start == 0 && span.end >= self.norm_len && self.norm_len > 0 {
            return Span::new(0, self.raw_len);
        }
        let start = self.to_original_pos(span.start, false);
        if span.is_empty() {
            return Span::new(start, start);
        }
        let end = self.to_original_pos(span.end, true).max(start);
        Span::new(start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{normalize, NormalizeOptions};
    use proptest::prelude::*;

    #[test]
    fn identity_only_for_unchanged_text() {
        let o = NormalizeOptions::default();
        assert_eq!(normalize("Plain text.\n\nMore.", &o).map.identity_len(), Some(18));
        assert_eq!(normalize("", &o).map.identity_len(), Some(0));
        assert_eq!(normalize("A \u{201c}quote\u{201d}.", &o).map.identity_len(), None);
        assert_eq!(OffsetMap::identity(5).identity_len(), Some(5));
    }

    proptest! {
        #[test]
        fn identity_spans_agree(
            raw in "[A-Za-z .,\n\u{a0}\u{201c}\u{e9}]{0,30}",
            spans in prop::collection::vec((0usize..40, 0usize..40), 0..20),
        ) {
            // a map that is the identity maps every span (in bounds or not, ordered or not) as
            // identity_span does
            let n = normalize(&raw, &NormalizeOptions::default());
            if let Some(len) = n.map.identity_len() {
                prop_assert_eq!(&n.text, &raw);
                prop_assert_eq!(len, raw.len());
                for (a, b) in spans {
                    for s in [Span::new(a, b), Span { start: a, end: b }, Span::new(0, len), Span::new(a, len)] {
                        prop_assert_eq!(n.to_original(s), identity_span(s, len), "{:?} in {:?}", s, raw);
                    }
                }
            }
        }
    }
}
