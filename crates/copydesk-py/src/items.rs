//! Constructors, pickling (`__reduce__` -> (class, field values)) and reprs of the item classes.
//! Items are frozen values: they compare by value, pickle and deep-copy by reconstruction.

use crate::article::{Acronym, Block, DateMention, Entity, Mention, Money, Quote};
use pyo3::prelude::*;
use pyo3::types::PyType;

type Reduced<'py, A> = PyResult<(Bound<'py, PyType>, A)>;

#[pymethods]
impl Block {
    #[new]
    #[pyo3(signature = (kind, start, end, text, rule=String::new()))]
    fn py_new(kind: String, start: i64, end: i64, text: String, rule: String) -> Self {
        Block { kind, start, end, text, rule }
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, (String, i64, i64, String, String)> {
        let b = slf.get();
        Ok((slf.get_type(), (b.kind.clone(), b.start, b.end, b.text.clone(), b.rule.clone())))
    }
    fn __repr__(&self) -> String {
        format!("Block(kind={:?}, start={}, end={}, text={:?})", self.kind, self.start, self.end, short(&self.text))
    }
}

#[pymethods]
impl Mention {
    #[new]
    fn py_new(start: i64, end: i64, text: String) -> Self {
        Mention { start, end, text }
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, (i64, i64, String)> {
        let m = slf.get();
        Ok((slf.get_type(), (m.start, m.end, m.text.clone())))
    }
    fn __repr__(&self) -> String {
        format!("Mention(start={}, end={}, text={:?})", self.start, self.end, self.text)
    }
}

type QuoteArgs = (i64, i64, String, String, Option<String>, Option<Mention>, Option<String>);

#[pymethods]
impl Quote {
    #[new]
    #[pyo3(signature = (start, end, text, kind, speaker=None, speaker_mention=None, cue=None))]
    fn py_new(
        start: i64,
        end: i64,
        text: String,
        kind: String,
        speaker: Option<String>,
        speaker_mention: Option<Mention>,
        cue: Option<String>,
    ) -> Self {
        Quote { start, end, text, kind, speaker, speaker_mention, cue }
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, QuoteArgs> {
        let q = slf.get();
        Ok((
            slf.get_type(),
            (
                q.start,
                q.end,
                q.text.clone(),
                q.kind.clone(),
                q.speaker.clone(),
                q.speaker_mention.clone(),
                q.cue.clone(),
            ),
        ))
    }
    fn __repr__(&self) -> String {
        format!(
            "Quote(start={}, end={}, kind={:?}, speaker={:?}, text={:?})",
            self.start,
            self.end,
            self.kind,
            self.speaker,
            short(&self.text)
        )
    }
}

#[pymethods]
impl Entity {
    #[new]
    #[pyo3(signature = (start, end, text, label, canonical=None))]
    fn py_new(start: i64, end: i64, text: String, label: String, canonical: Option<String>) -> Self {
        Entity { start, end, text, label, canonical }
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, (i64, i64, String, String, Option<String>)> {
        let e = slf.get();
        Ok((slf.get_type(), (e.start, e.end, e.text.clone(), e.label.clone(), e.canonical.clone())))
    }
    fn __repr__(&self) -> String {
        format!("Entity(start={}, end={}, text={:?}, label={:?})", self.start, self.end, self.text, self.label)
    }
}

#[pymethods]
impl Acronym {
    #[new]
    #[pyo3(signature = (short, long, start, end, source=String::from("text")))]
    fn py_new(short: String, long: String, start: i64, end: i64, source: String) -> Self {
        Acronym { short, long, start, end, source }
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, (String, String, i64, i64, String)> {
        let a = slf.get();
        Ok((slf.get_type(), (a.short.clone(), a.long.clone(), a.start, a.end, a.source.clone())))
    }
    fn __repr__(&self) -> String {
        format!("Acronym(short={:?}, long={:?}, source={:?})", self.short, self.long, self.source)
    }
}

#[pymethods]
impl Money {
    #[new]
    #[pyo3(signature = (start, end, text, value, currency, value_max=None))]
    fn py_new(start: i64, end: i64, text: String, value: f64, currency: String, value_max: Option<f64>) -> Self {
        Money { start, end, text, value, value_max, currency }
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, (i64, i64, String, f64, String, Option<f64>)> {
        let m = slf.get();
        Ok((slf.get_type(), (m.start, m.end, m.text.clone(), m.value, m.currency.clone(), m.value_max)))
    }
    fn __repr__(&self) -> String {
        format!("Money(text={:?}, value={}, currency={:?})", self.text, self.value, self.currency)
    }
}

#[pymethods]
impl DateMention {
    #[new]
    #[pyo3(signature = (start, end, text, value=None))]
    fn py_new(start: i64, end: i64, text: String, value: Option<String>) -> Self {
        DateMention { start, end, text, value }
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, (i64, i64, String, Option<String>)> {
        let d = slf.get();
        Ok((slf.get_type(), (d.start, d.end, d.text.clone(), d.value.clone())))
    }
    fn __repr__(&self) -> String {
        format!("DateMention(text={:?}, value={:?})", self.text, self.value)
    }
}

/// The first 60 characters of `s`, with "..." when cut.
fn short(s: &str) -> String {
    match s.char_indices().nth(60) {
        Some((i, _)) => format!("{}...", &s[..i]),
        None => s.to_string(),
    }
}
