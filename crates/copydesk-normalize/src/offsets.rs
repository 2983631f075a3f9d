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
            if last.copied && last.raw_start + last.raw_len == raw_start && last.norm_start + last.norm_len == self.norm_len {
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

    /// Map a span of normalized text to the span of raw text it came from.
    pub fn to_original(&self, span: Span) -> Span {
        let start = self.to_original_pos(span.start, false);
        if span.is_empty() {
            return Span::new(start, start);
        }
        let end = self.to_original_pos(span.end, true).max(start);
        Span::new(start, end)
    }
}
