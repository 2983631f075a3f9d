//! A set of spans answering "does any span contain / overlap this one?" in O(log n), so that
//! checks against all entities, quoted pieces or quotes of a document stay linear overall.

use copydesk_normalize::Span;

/// Spans sorted by start, with the largest end among each prefix.
#[derive(Debug, Clone, Default)]
pub(crate) struct SpanIndex {
    /// `spans[i]`: the start of the `i`-th span and the largest end among the first `i + 1`.
    spans: Vec<Span>,
}

impl SpanIndex {
    /// Index the spans (any order, overlaps allowed).
    pub(crate) fn new(spans: impl IntoIterator<Item = Span>) -> Self {
        // Sized once by the most spans there may be (a filtered list of entities grows by
        // doubling otherwise).
        let spans = spans.into_iter();
        let mut v: Vec<Span> = Vec::with_capacity(spans.size_hint().1.unwrap_or(0));
        v.extend(spans);
        // Entities and quotes come in text order: sort only when they do not.
        if v.windows(2).any(|w| w[1].start < w[0].start) {
            v.sort_unstable_by_key(|s| s.start);
        }
        // In place: each end becomes the largest end so far.
        let mut m = 0;
        for s in &mut v {
            m = m.max(s.end);
            s.end = m;
        }
        SpanIndex { spans: v }
    }

    /// The largest end among spans starting before `x`, if any.
    fn max_end_starting_before(&self, x: usize) -> Option<usize> {
        let n = self.spans.partition_point(|s| s.start < x);
        n.checked_sub(1).map(|i| self.spans[i].end)
    }

    /// Is `sp` inside some span (`s.start <= sp.start && sp.end <= s.end`)?
    pub(crate) fn contains(&self, sp: Span) -> bool {
        self.max_end_starting_before(sp.start + 1).is_some_and(|e| e >= sp.end)
    }

    /// Is `sp` inside some span that starts strictly before it?
    pub(crate) fn contains_strictly_after_start(&self, sp: Span) -> bool {
        self.max_end_starting_before(sp.start).is_some_and(|e| e >= sp.end)
    }

    /// Does some span overlap `sp` (`s.start < sp.end && sp.start < s.end`)?
    pub(crate) fn overlaps(&self, sp: Span) -> bool {
        self.max_end_starting_before(sp.end).is_some_and(|e| e > sp.start)
    }

    /// A [`Cursor`] before the first span.
    pub(crate) fn cursor(&self) -> Cursor<'_> {
        let mut c = Cursor { spans: &self.spans, from: 0, to: 0, end: 0 };
        c.seek(0);
        c
    }
}

/// Answers [`Cursor::covered_until`] for positions asked mostly in increasing order (a scan
/// through the text) by walking the spans forward: most answers compare a position with the
/// two starts around it.
#[derive(Debug, Clone)]
pub(crate) struct Cursor<'a> {
    /// The spans of the [`SpanIndex`] (each end the largest so far).
    spans: &'a [Span],
    /// Positions from `from` up to `to` (excluded) have the same spans starting at or before
    /// them ...
    from: usize,
    to: usize,
    /// ... whose largest end is `end` (0 when there are none).
    end: usize,
}

impl Cursor<'_> {
    /// The largest end among the spans starting at or before `x`, when past `x`: the span that
    /// ends there covers everything from `x` to it.
    #[inline]
    pub(crate) fn covered_until(&mut self, x: usize) -> Option<usize> {
        if x < self.from || x >= self.to {
            self.seek(x);
        }
        (self.end > x).then_some(self.end)
    }

    /// Move to the spans starting at or before `x` (a binary search).
    fn seek(&mut self, x: usize) {
        let n = self.spans.partition_point(|s| s.start <= x);
        let last = n.checked_sub(1).and_then(|i| self.spans.get(i));
        self.from = last.map_or(0, |s| s.start);
        self.end = last.map_or(0, |s| s.end);
        self.to = self.spans.get(n).map_or(usize::MAX, |s| s.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn spans(v: &[(usize, usize)]) -> Vec<Span> {
        v.iter().map(|&(a, b)| Span::new(a, a + b)).collect()
    }

    proptest! {
        #[test]
        fn same_answers_as_a_scan(v in proptest::collection::vec((0usize..50, 0usize..20), 0..12),
                                  q in (0usize..60, 0usize..20)) {
            let v = spans(&v);
            let q = Span::new(q.0, q.0 + q.1);
            let ix = SpanIndex::new(v.iter().copied());
            prop_assert_eq!(ix.contains(q), v.iter().any(|s| s.start <= q.start && q.end <= s.end));
            prop_assert_eq!(ix.contains_strictly_after_start(q), v.iter().any(|s| s.start < q.start && q.end <= s.end));
            prop_assert_eq!(ix.overlaps(q), v.iter().any(|s| s.start < q.end && q.start < s.end));
        }

        #[test]
        fn cursor_answers_as_a_scan(v in proptest::collection::vec((0usize..50, 0usize..20), 0..12),
                                    xs in proptest::collection::vec(0usize..80, 0..20)) {
            let v = spans(&v);
            let ix = SpanIndex::new(v.iter().copied());
            let mut c = ix.cursor();
            // In increasing order, then in any.
            let mut sorted = xs.clone();
            sorted.sort_unstable();
            for &x in sorted.iter().chain(&xs) {
                let want = v.iter().filter(|s| s.start <= x).map(|s| s.end).max().filter(|&e| e > x);
                prop_assert_eq!(c.covered_until(x), want, "{}", x);
            }
        }
    }
}
