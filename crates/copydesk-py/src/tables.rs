//! Long ("tidy") Arrow tables built straight from Rust articles, one per kind, keyed by
//! `doc_index` (position in the input) and `doc_id` (the caller's id, else the position as text).
//! Offsets are code points into the raw text, as in the JSON contract; integers are signed
//! (Spark rejects unsigned); strings are `large_utf8`, so no column overflows at 2 GiB.

use crate::pool;
use arrow_array::builder::{BooleanBuilder, Float64Builder, Int64Builder, LargeStringBuilder, ListBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, Field, Schema};
use copydesk::{CharIndex, Span};
use std::borrow::Cow;
use std::sync::Arc;

/// One document to put in the tables.
pub(crate) struct Doc<'a> {
    /// Position in the input.
    pub index: i64,
    /// Caller's id, if any.
    pub id: Option<String>,
    /// The result (its text and body may have been given up: see the next fields).
    pub article: &'a copydesk::Article,
    /// The text the result's spans point into.
    pub text: &'a str,
    /// The body is the body blocks of `text` as written (the result gave up its own).
    pub body_as_written: bool,
}

impl<'a> Doc<'a> {
    /// A document of a whole result.
    pub(crate) fn whole(index: i64, id: Option<String>, article: &'a copydesk::Article) -> Self {
        Doc { index, id, article, text: &article.text, body_as_written: false }
    }

    /// The body: the result's, or made from the blocks when it was given up.
    fn body(&self) -> Cow<'a, str> {
        match self.body_as_written {
            true => Cow::Owned(copydesk::body_of(self.text, &self.article.blocks)),
            false => Cow::Borrowed(&self.article.body),
        }
    }

    fn doc_id(&self) -> String {
        self.id.clone().unwrap_or_else(|| self.index.to_string())
    }
}

/// The table names, in output order.
pub(crate) const KINDS: [&str; 9] =
    ["documents", "blocks", "quotes", "entities", "acronyms", "money", "dates", "numbers", "speakers"];

/// A document with its byte -> code point table.
struct Indexed<'a, 'd> {
    doc: &'d Doc<'a>,
    id: String,
    ci: CharIndex,
    /// The body (made per document, in parallel, when the result gave it up).
    body: Cow<'a, str>,
    /// The article's speakers, grouped here (per document, in parallel) rather than in the
    /// speakers table, which would otherwise be the one long table every other thread waits on.
    speakers: Vec<copydesk::ArticleSpeaker>,
}

impl Indexed<'_, '_> {
    fn cp(&self, s: Span) -> (i64, i64) {
        (self.ci.char_offset(s.start) as i64, self.ci.char_offset(s.end) as i64)
    }
    fn text(&self, s: Span) -> &str {
        s.slice(self.doc.text)
    }
}

fn record_batch(cols: Vec<(&'static str, ArrayRef)>) -> Result<RecordBatch, ArrowError> {
    let fields: Vec<Field> = cols
        .iter()
        .map(|(name, a)| Field::new(*name, a.data_type().clone(), !matches!(*name, "doc_index" | "doc_id")))
        .collect();
    RecordBatch::try_new(Arc::new(Schema::new(fields)), cols.into_iter().map(|(_, a)| a).collect())
}

/// The size of a table's columns, known before it is built: its builders get their room at
/// once instead of doubling it row by row (each doubling a copy, and fresh pages to fault in).
#[derive(Clone, Copy, Default)]
struct Size {
    /// Rows of the table.
    rows: usize,
    /// Bytes of the `doc_id` column.
    id_bytes: usize,
    /// Bytes of the span texts (the `text` column).
    text_bytes: usize,
}

impl Size {
    /// The size of a table with the spans `spans(d)` for each document `d` (one row each).
    fn of<'d, 'a, 'b, I>(docs: &'d [Indexed<'a, 'b>], spans: impl Fn(&'d Indexed<'a, 'b>) -> I) -> Size
    where
        I: Iterator<Item = Span>,
    {
        let mut size = Size::default();
        for d in docs {
            let (mut rows, mut bytes) = (0, 0);
            for s in spans(d) {
                rows += 1;
                bytes += s.end.saturating_sub(s.start);
            }
            size.rows += rows;
            size.id_bytes += rows * d.id.len();
            size.text_bytes += bytes;
        }
        size
    }

    /// The size of a table with one row per document (no span texts).
    fn per_document(docs: &[Indexed<'_, '_>]) -> Size {
        Size { rows: docs.len(), id_bytes: docs.iter().map(|d| d.id.len()).sum(), text_bytes: 0 }
    }

    /// A string column of about `per_row` bytes per row.
    fn strings(&self, per_row: usize) -> LargeStringBuilder {
        LargeStringBuilder::with_capacity(self.rows, self.rows.saturating_mul(per_row))
    }
}

/// The key columns every table starts with.
struct Keys {
    index: Int64Builder,
    id: LargeStringBuilder,
}

impl Keys {
    fn new(size: Size) -> Self {
        Keys {
            index: Int64Builder::with_capacity(size.rows),
            id: LargeStringBuilder::with_capacity(size.rows, size.id_bytes),
        }
    }
    fn push(&mut self, d: &Indexed<'_, '_>) {
        self.index.append_value(d.doc.index);
        self.id.append_value(&d.id);
    }
    fn finish(mut self) -> Vec<(&'static str, ArrayRef)> {
        vec![("doc_index", Arc::new(self.index.finish()) as ArrayRef), ("doc_id", Arc::new(self.id.finish()))]
    }
}

fn arr<A: arrow_array::Array + 'static>(a: A) -> ArrayRef {
    Arc::new(a)
}

/// The `start`, `end` and `text` columns of one span per row: code-point offsets into the raw
/// text and the text as written. Null in all three when a row has no span.
struct SpanCols {
    start: Int64Builder,
    end: Int64Builder,
    text: LargeStringBuilder,
}

impl SpanCols {
    /// Columns for the table's spans (`size.text_bytes` of text).
    fn new(size: Size) -> Self {
        SpanCols {
            start: Int64Builder::with_capacity(size.rows),
            end: Int64Builder::with_capacity(size.rows),
            text: LargeStringBuilder::with_capacity(size.rows, size.text_bytes),
        }
    }
    /// A row for `span`, with the raw text of `text` (the span itself, or e.g. a quote's content).
    fn push_with_text(&mut self, d: &Indexed<'_, '_>, span: Span, text: Span) {
        let (s, e) = d.cp(span);
        self.start.append_value(s);
        self.end.append_value(e);
        self.text.append_value(d.text(text));
    }
    /// A row for `span` with its own text.
    fn push(&mut self, d: &Indexed<'_, '_>, span: Span) {
        self.push_with_text(d, span, span);
    }
    /// A row for `span`, or nulls.
    fn push_opt(&mut self, d: &Indexed<'_, '_>, span: Option<Span>) {
        match span {
            Some(s) => self.push(d, s),
            None => {
                self.start.append_null();
                self.end.append_null();
                self.text.append_null();
            }
        }
    }
    /// The columns named `start`, `end`, `text`.
    fn finish(self) -> [(&'static str, ArrayRef); 3] {
        self.finish_as(["start", "end", "text"])
    }
    /// The columns with the given names (start, end, text).
    fn finish_as(mut self, names: [&'static str; 3]) -> [(&'static str, ArrayRef); 3] {
        [(names[0], arr(self.start.finish())), (names[1], arr(self.end.finish())), (names[2], arr(self.text.finish()))]
    }
}

fn documents(docs: &[Indexed<'_, '_>], include_text: bool) -> Result<RecordBatch, ArrowError> {
    let size = Size::per_document(docs);
    let sum = |f: &dyn Fn(&Indexed<'_, '_>) -> usize| docs.iter().map(f).sum::<usize>();
    let mut k = Keys::new(size);
    let (mut headline, mut published, mut language, mut body, mut text, mut error) = (
        LargeStringBuilder::with_capacity(size.rows, sum(&|d| d.doc.article.headline.as_ref().map_or(0, String::len))),
        size.strings(10),
        size.strings(2),
        LargeStringBuilder::with_capacity(size.rows, sum(&|d| d.body.len())),
        LargeStringBuilder::with_capacity(size.rows, if include_text { sum(&|d| d.doc.text.len()) } else { 0 }),
        LargeStringBuilder::new(),
    );
    let mut dateline = SpanCols::new(Size { text_bytes: 0, ..size });
    let (mut dl_place, mut dl_agency) = (LargeStringBuilder::new(), LargeStringBuilder::new());
    let mut by_text = LargeStringBuilder::new();
    let mut by_authors = ListBuilder::new(LargeStringBuilder::new());
    let mut truncated = BooleanBuilder::new();
    for d in docs {
        let a = d.doc.article;
        k.push(d);
        headline.append_option(a.headline.as_deref());
        published.append_option(a.published.as_deref());
        language.append_option(a.language.as_deref());
        body.append_value(&d.body);
        if include_text {
            text.append_value(d.doc.text);
        }
        dateline.push_opt(d, a.dateline.as_ref().map(|x| x.span));
        dl_place.append_option(a.dateline.as_ref().and_then(|x| x.place.as_deref()));
        dl_agency.append_option(a.dateline.as_ref().and_then(|x| x.agency.as_deref()));
        match &a.byline {
            Some(x) => {
                by_text.append_value(d.text(x.span));
                for name in &x.authors {
                    by_authors.values().append_value(name);
                }
                by_authors.append(true);
            }
            None => {
                by_text.append_null();
                by_authors.append(false);
            }
        }
        truncated.append_value(a.truncated);
        error.append_option(a.error.as_deref());
    }
    let [dl_start, dl_end, dl_text] = dateline.finish_as(["dateline_start", "dateline_end", "dateline"]);
    let mut cols = k.finish();
    cols.extend([
        ("headline", arr(headline.finish())),
        ("published", arr(published.finish())),
        ("language", arr(language.finish())),
        dl_text,
        ("dateline_place", arr(dl_place.finish())),
        ("dateline_agency", arr(dl_agency.finish())),
        dl_start,
        dl_end,
        ("byline", arr(by_text.finish())),
        ("authors", arr(by_authors.finish())),
        ("body", arr(body.finish())),
    ]);
    if include_text {
        cols.push(("text", arr(text.finish())));
    }
    cols.extend([("truncated", arr(truncated.finish())), ("error", arr(error.finish()))]);
    record_batch(cols)
}

fn blocks(docs: &[Indexed<'_, '_>]) -> Result<RecordBatch, ArrowError> {
    let size = Size::of(docs, |d| d.doc.article.blocks.iter().map(|b| b.span));
    let mut k = Keys::new(size);
    let mut ord = Int64Builder::with_capacity(size.rows);
    let mut span = SpanCols::new(size);
    let (mut kind, mut rule) = (size.strings(9), size.strings(12));
    for d in docs {
        for (i, b) in d.doc.article.blocks.iter().enumerate() {
            k.push(d);
            ord.append_value(i as i64);
            kind.append_value(b.kind.as_str());
            span.push(d, b.span);
            rule.append_value(&b.rule);
        }
    }
    let mut cols = k.finish();
    cols.extend([("block_index", arr(ord.finish())), ("kind", arr(kind.finish()))]);
    cols.extend(span.finish());
    cols.push(("rule", arr(rule.finish())));
    record_batch(cols)
}

fn quotes(docs: &[Indexed<'_, '_>]) -> Result<RecordBatch, ArrowError> {
    // The text column holds each quote's content.
    let size = Size::of(docs, |d| d.doc.article.quotes.iter().map(|q| q.content));
    let mut k = Keys::new(size);
    let mut ord = Int64Builder::with_capacity(size.rows);
    let (mut span, mut mention) = (SpanCols::new(size), SpanCols::new(Size { text_bytes: size.rows * 12, ..size }));
    let (mut kind, mut speaker, mut cue) = (size.strings(8), size.strings(14), size.strings(6));
    for d in docs {
        for (i, q) in d.doc.article.quotes.iter().enumerate() {
            k.push(d);
            ord.append_value(i as i64);
            span.push_with_text(d, q.span, q.content);
            kind.append_value(q.kind.as_str());
            speaker.append_option(q.speaker.as_deref());
            mention.push_opt(d, q.speaker_mention);
            cue.append_option(q.cue.as_deref());
        }
    }
    let mut cols = k.finish();
    cols.push(("quote_index", arr(ord.finish())));
    cols.extend(span.finish());
    cols.extend([("kind", arr(kind.finish())), ("speaker", arr(speaker.finish()))]);
    cols.extend(mention.finish_as(["speaker_start", "speaker_end", "speaker_text"]));
    cols.push(("cue", arr(cue.finish())));
    record_batch(cols)
}

fn entities(docs: &[Indexed<'_, '_>]) -> Result<RecordBatch, ArrowError> {
    let size = Size::of(docs, |d| d.doc.article.entities.iter().map(|x| x.span));
    let mut k = Keys::new(size);
    let mut span = SpanCols::new(size);
    let (mut label, mut canonical) = (size.strings(6), size.strings(6));
    for d in docs {
        for x in &d.doc.article.entities {
            k.push(d);
            span.push(d, x.span);
            label.append_value(x.label.as_str());
            canonical.append_option(x.canonical.as_deref());
        }
    }
    let mut cols = k.finish();
    cols.extend(span.finish());
    cols.extend([("label", arr(label.finish())), ("canonical", arr(canonical.finish()))]);
    record_batch(cols)
}

fn acronyms(docs: &[Indexed<'_, '_>]) -> Result<RecordBatch, ArrowError> {
    let size = Size::of(docs, |d| d.doc.article.acronyms.iter().map(|x| x.span));
    let mut k = Keys::new(size);
    let mut span = SpanCols::new(size);
    let (mut short, mut long, mut source) =
        (LargeStringBuilder::new(), LargeStringBuilder::new(), LargeStringBuilder::new());
    for d in docs {
        for x in &d.doc.article.acronyms {
            k.push(d);
            short.append_value(&x.short);
            long.append_value(&x.long);
            span.push(d, x.span);
            source.append_value(if x.source == copydesk::AcronymSource::Known { "known" } else { "text" });
        }
    }
    let mut cols = k.finish();
    cols.extend([("short", arr(short.finish())), ("long", arr(long.finish()))]);
    cols.extend(span.finish());
    cols.push(("source", arr(source.finish())));
    record_batch(cols)
}

fn money(docs: &[Indexed<'_, '_>]) -> Result<RecordBatch, ArrowError> {
    let size = Size::of(docs, |d| d.doc.article.money.iter().map(|x| x.span));
    let mut k = Keys::new(size);
    let mut span = SpanCols::new(size);
    let (mut value, mut value_max) = (Float64Builder::new(), Float64Builder::new());
    let mut currency = LargeStringBuilder::new();
    for d in docs {
        for x in &d.doc.article.money {
            k.push(d);
            span.push(d, x.span);
            value.append_value(x.value);
            value_max.append_option(x.value_max);
            currency.append_value(&x.currency);
        }
    }
    let mut cols = k.finish();
    cols.extend(span.finish());
    cols.extend([
        ("value", arr(value.finish())),
        ("value_max", arr(value_max.finish())),
        ("currency", arr(currency.finish())),
    ]);
    record_batch(cols)
}

fn dates(docs: &[Indexed<'_, '_>]) -> Result<RecordBatch, ArrowError> {
    let size = Size::of(docs, |d| d.doc.article.dates.iter().map(|x| x.span));
    let mut k = Keys::new(size);
    let mut span = SpanCols::new(size);
    let mut value = LargeStringBuilder::new();
    for d in docs {
        for x in &d.doc.article.dates {
            k.push(d);
            span.push(d, x.span);
            value.append_option(x.value.as_deref());
        }
    }
    let mut cols = k.finish();
    cols.extend(span.finish());
    cols.push(("value", arr(value.finish())));
    record_batch(cols)
}

fn numbers(docs: &[Indexed<'_, '_>]) -> Result<RecordBatch, ArrowError> {
    let size = Size::of(docs, |d| d.doc.article.numbers.iter().map(|x| x.span));
    let mut k = Keys::new(size);
    let mut span = SpanCols::new(size);
    let (mut value, mut kind) = (Float64Builder::new(), LargeStringBuilder::new());
    for d in docs {
        for x in &d.doc.article.numbers {
            k.push(d);
            span.push(d, x.span);
            value.append_value(x.value);
            kind.append_value(if x.kind == copydesk::NumberKind::Percent { "percent" } else { "number" });
        }
    }
    let mut cols = k.finish();
    cols.extend(span.finish());
    cols.extend([("value", arr(value.finish())), ("kind", arr(kind.finish()))]);
    record_batch(cols)
}

fn speakers(docs: &[Indexed<'_, '_>]) -> Result<RecordBatch, ArrowError> {
    let size = Size::of(docs, |d| d.speakers.iter().map(|s| s.mention.unwrap_or_default()));
    let mut k = Keys::new(size);
    let mut ord = Int64Builder::with_capacity(size.rows);
    let (mut name, mut title) = (LargeStringBuilder::new(), LargeStringBuilder::new());
    let (mut direct, mut mixed, mut indirect) = (Int64Builder::new(), Int64Builder::new(), Int64Builder::new());
    let mut quotes = ListBuilder::new(Int64Builder::new());
    let mut mention = SpanCols::new(Size { text_bytes: size.rows * 12, ..size });
    for d in docs {
        for (i, s) in d.speakers.iter().enumerate() {
            k.push(d);
            ord.append_value(i as i64);
            name.append_value(&s.name);
            title.append_option(s.title.as_deref());
            direct.append_value(s.direct as i64);
            mixed.append_value(s.mixed as i64);
            indirect.append_value(s.indirect as i64);
            for &q in &s.quotes {
                quotes.values().append_value(q as i64);
            }
            quotes.append(true);
            mention.push_opt(d, s.mention);
        }
    }
    let mut cols = k.finish();
    cols.extend([
        ("speaker_index", arr(ord.finish())),
        ("name", arr(name.finish())),
        ("title", arr(title.finish())),
        ("direct", arr(direct.finish())),
        ("mixed", arr(mixed.finish())),
        ("indirect", arr(indirect.finish())),
        ("quote_indices", arr(quotes.finish())),
    ]);
    cols.extend(mention.finish_as(["mention_start", "mention_end", "mention_text"]));
    record_batch(cols)
}

/// Build all tables for `docs` (the kinds in parallel on `threads` threads), in [`KINDS`] order.
pub(crate) fn build(
    docs: &[Doc<'_>],
    include_text: bool,
    threads: usize,
) -> Vec<Result<(&'static str, RecordBatch), ArrowError>> {
    let per_doc = pool::map(docs, threads, |d| {
        (CharIndex::new(d.text), d.body(), copydesk::speakers_of(d.text, &d.article.quotes))
    });
    let indexed: Vec<Indexed<'_, '_>> = docs
        .iter()
        .zip(per_doc)
        .map(|(d, (ci, body, speakers))| Indexed { doc: d, id: d.doc_id(), ci, body, speakers })
        .collect();
    let tables = pool::map(&KINDS, threads, |kind| {
        let b = match *kind {
            "documents" => documents(&indexed, include_text),
            "blocks" => blocks(&indexed),
            "quotes" => quotes(&indexed),
            "entities" => entities(&indexed),
            "acronyms" => acronyms(&indexed),
            "money" => money(&indexed),
            "dates" => dates(&indexed),
            "numbers" => numbers(&indexed),
            _ => speakers(&indexed),
        };
        b.map(|b| (*kind, b))
    });
    pool::drop_all(indexed, threads);
    tables
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::cast::AsArray;
    use arrow_array::types::Int64Type;

    #[test]
    fn tables_use_code_point_offsets_and_keep_every_document() {
        let raw = "Caf\u{e9} Talks\n\n\u{201c}We are close to a deal,\u{201d} Minister Ana Lopes said on Tuesday.";
        let a = copydesk::process(raw);
        let bad = copydesk::Article::from_error(None, "row 1: missing text");
        let docs = vec![Doc::whole(0, Some("x".into()), &a), Doc::whole(1, None, &bad)];
        let out: Vec<_> = build(&docs, true, 2).into_iter().map(|r| r.expect("batch")).collect();
        assert_eq!(out.iter().map(|(k, _)| *k).collect::<Vec<_>>(), KINDS.to_vec());
        let documents = &out[0].1;
        assert_eq!(documents.num_rows(), 2);
        let ids = documents.column_by_name("doc_id").expect("doc_id").as_string::<i64>();
        assert_eq!((ids.value(0), ids.value(1)), ("x", "1"));
        let quotes = &out[2].1;
        assert_eq!(quotes.num_rows(), a.quotes.len());
        if quotes.num_rows() > 0 {
            let start = quotes.column_by_name("start").expect("start").as_primitive::<Int64Type>().value(0);
            let chars: Vec<char> = raw.chars().collect();
            assert_eq!(chars[start as usize], '\u{201c}');
        }
    }

    #[test]
    fn numbers_and_speakers_tables_follow_the_article() {
        let raw = "Rates Rise\n\n\u{201c}We will not accept a 4.5 per cent rise,\u{201d} said Finance Minister \
                   Ana L\u{f3}pez. About 1,200 people attended. \u{201c}Talks go on,\u{201d} L\u{f3}pez added.";
        let a = copydesk::process(raw);
        let docs = vec![Doc::whole(0, None, &a)];
        let out: Vec<_> = build(&docs, false, 1).into_iter().map(|r| r.expect("batch")).collect();
        let table = |name: &str| &out.iter().find(|(k, _)| *k == name).expect("table").1;
        let numbers = table("numbers");
        assert_eq!(numbers.num_rows(), a.numbers.len());
        assert!(a.numbers.iter().any(|n| n.kind == copydesk::NumberKind::Percent));
        let chars: Vec<char> = raw.chars().collect();
        let (start, end, text) = (
            numbers.column_by_name("start").expect("start").as_primitive::<Int64Type>(),
            numbers.column_by_name("end").expect("end").as_primitive::<Int64Type>(),
            numbers.column_by_name("text").expect("text").as_string::<i64>(),
        );
        for i in 0..numbers.num_rows() {
            let s: String = chars[start.value(i) as usize..end.value(i) as usize].iter().collect();
            assert_eq!(s, text.value(i));
        }
        let speakers = table("speakers");
        let view = a.speakers();
        assert_eq!(speakers.num_rows(), view.len());
        assert!(!view.is_empty());
        let lists = speakers.column_by_name("quote_indices").expect("quote_indices").as_list::<i32>();
        for (i, s) in view.iter().enumerate() {
            assert_eq!(lists.value(i).len(), s.quotes.len());
            assert_eq!(s.quotes.len(), s.direct + s.mixed + s.indirect);
        }
    }
}
