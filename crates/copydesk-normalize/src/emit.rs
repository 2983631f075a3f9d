//! The output builder: normalized text, offset map and fixes, written together.

use crate::{Fix, NormalizedText, OffsetMap, Span};

/// Builds a [`NormalizedText`] piece by piece. Copied runs of raw text are merged; replacements
/// of the same (or overlapping) raw range are merged into one piece, so that several output
/// chars made from one raw char ("ﬁ" -> "fi") map back to that char as a whole.
pub(crate) struct Emitter<'a> {
    raw: &'a str,
    text: String,
    map: OffsetMap,
    fixes: Vec<Fix>,
    /// Pending copied run of raw bytes.
    copy: Option<(usize, usize)>,
    /// Pending replacement: raw range and bytes of output written for it.
    repl: Option<(usize, usize, usize)>,
    /// Number of replacements written so far (lets the caller tell which lines changed).
    replaced: usize,
}

impl<'a> Emitter<'a> {
    pub(crate) fn new(raw: &'a str) -> Self {
        Emitter {
            raw,
            text: String::with_capacity(raw.len()),
            map: OffsetMap::default(),
            fixes: Vec::new(),
            copy: None,
            repl: None,
            replaced: 0,
        }
    }

    /// Bytes of output written so far (pending copies included).
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.text.len() + self.copy.map_or(0, |(s, e)| e - s)
    }

    /// Number of replacements written so far.
    #[inline]
    pub(crate) fn replaced(&self) -> usize {
        self.replaced
    }

    fn flush_copy(&mut self) {
        if let Some((s, e)) = self.copy.take() {
            if let Some(t) = self.raw.get(s..e) {
                self.text.push_str(t);
                self.map.push_copy(s, e - s);
            }
        }
    }

    fn flush_repl(&mut self) {
        if let Some((s, e, n)) = self.repl.take() {
            self.map.push_replace(s, e - s, n);
        }
    }

    /// Copy raw bytes `start..end` unchanged.
    #[inline]
    pub(crate) fn copy(&mut self, start: usize, end: usize) {
        if end <= start {
            return;
        }
        self.flush_repl();
        match self.copy {
            Some((s, e)) if e == start => self.copy = Some((s, end)),
            _ => {
                self.flush_copy();
                self.copy = Some((start, end));
            }
        }
    }

    /// Replace raw bytes `start..end` with `out` (may be empty: a deletion), recording `rule`.
    pub(crate) fn replace(&mut self, start: usize, end: usize, out: &str, rule: &'static str) {
        self.flush_copy();
        self.replaced += 1;
        match self.repl {
            Some((s, e, n)) if start < e || (start == s && end == e) => {
                self.repl = Some((s, e.max(end), n + out.len()));
            }
            _ => {
                self.flush_repl();
                self.repl = Some((start, end, out.len()));
            }
        }
        self.text.push_str(out);
        let span = Span::new(start, end);
        match self.fixes.last_mut() {
            Some(f) if f.rule == rule && f.span.end >= span.start && f.span.start <= span.start => {
                f.span.end = f.span.end.max(span.end);
            }
            _ => self.fixes.push(Fix { rule: rule.to_string(), span }),
        }
    }

    /// Record a fix without writing anything (the bytes are covered by a pending replacement).
    pub(crate) fn note(&mut self, rule: &'static str, start: usize, end: usize) {
        self.fixes.push(Fix { rule: rule.to_string(), span: Span::new(start, end) });
    }

    /// Finish: the normalized text, its map and the fixes.
    pub(crate) fn finish(mut self) -> NormalizedText {
        self.flush_copy();
        self.flush_repl();
        self.fixes.sort_by_key(|f| f.span.start);
        NormalizedText { text: self.text, map: self.map, fixes: self.fixes }
    }
}
