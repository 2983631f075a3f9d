//! Constructors, pickling (`__reduce__` -> (class, field values)) and reprs of the item classes.
//! Items are frozen values: they compare by value, pickle and deep-copy by reconstruction.

use crate::article::{Acronym, Block, DateMention, Entity, Mention, Money, NumberMention, Quote, Speaker};
use pyo3::prelude::*;
use pyo3::types::{PyFloat, PyString, PyType};

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
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Block(kind={}, start={}, end={}, text={})",
            r(py, &self.kind),
            self.start,
            self.end,
            r(py, &short(&self.text))
        )
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
    fn __repr__(&self, py: Python<'_>) -> String {
        format!("Mention(start={}, end={}, text={})", self.start, self.end, r(py, &self.text))
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
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Quote(start={}, end={}, kind={}, speaker={}, text={})",
            self.start,
            self.end,
            r(py, &self.kind),
            ro(py, self.speaker.as_deref()),
            r(py, &short(&self.text))
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
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Entity(start={}, end={}, text={}, label={})",
            self.start,
            self.end,
            r(py, &self.text),
            r(py, &self.label)
        )
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
    fn __repr__(&self, py: Python<'_>) -> String {
        format!("Acronym(short={}, long={}, source={})", r(py, &self.short), r(py, &self.long), r(py, &self.source))
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
    fn __repr__(&self, py: Python<'_>) -> String {
        format!("Money(text={}, value={}, currency={})", r(py, &self.text), f(py, self.value), r(py, &self.currency))
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
    fn __repr__(&self, py: Python<'_>) -> String {
        format!("DateMention(text={}, value={})", r(py, &self.text), ro(py, self.value.as_deref()))
    }
}

#[pymethods]
impl NumberMention {
    #[new]
    #[pyo3(signature = (start, end, text, value, kind=String::from("number")))]
    fn py_new(start: i64, end: i64, text: String, value: f64, kind: String) -> Self {
        NumberMention { start, end, text, value, kind }
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, (i64, i64, String, f64, String)> {
        let n = slf.get();
        Ok((slf.get_type(), (n.start, n.end, n.text.clone(), n.value, n.kind.clone())))
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!("NumberMention(text={}, value={}, kind={})", r(py, &self.text), f(py, self.value), r(py, &self.kind))
    }
}

type SpeakerArgs = (String, Option<String>, i64, i64, i64, Vec<i64>, Option<Mention>);

#[pymethods]
impl Speaker {
    #[new]
    #[pyo3(signature = (name, title=None, direct=0, mixed=0, indirect=0, quotes=Vec::new(), mention=None))]
    fn py_new(
        name: String,
        title: Option<String>,
        direct: i64,
        mixed: i64,
        indirect: i64,
        quotes: Vec<i64>,
        mention: Option<Mention>,
    ) -> Self {
        Speaker { name, title, direct, mixed, indirect, quotes, mention }
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, SpeakerArgs> {
        let s = slf.get();
        Ok((
            slf.get_type(),
            (s.name.clone(), s.title.clone(), s.direct, s.mixed, s.indirect, s.quotes.clone(), s.mention.clone()),
        ))
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Speaker(name={}, title={}, direct={}, mixed={}, indirect={})",
            r(py, &self.name),
            ro(py, self.title.as_deref()),
            self.direct,
            self.mixed,
            self.indirect
        )
    }
}

/// Python's `repr()` of a str.
pub(crate) fn r(py: Python<'_>, s: &str) -> String {
    PyString::new(py, s).repr().map(|x| x.to_string()).unwrap_or_else(|_| format!("{s:?}"))
}

/// Python's `repr()` of a float ("2017.0", not "2017").
fn f(py: Python<'_>, v: f64) -> String {
    PyFloat::new(py, v).repr().map(|x| x.to_string()).unwrap_or_else(|_| v.to_string())
}

/// Python's `repr()` of an optional str ("None" for None).
pub(crate) fn ro(py: Python<'_>, s: Option<&str>) -> String {
    s.map_or_else(|| "None".to_string(), |s| r(py, s))
}

/// The first 60 characters of `s`, with "..." when cut.
fn short(s: &str) -> String {
    match s.char_indices().nth(60) {
        Some((i, _)) => format!("{}...", &s[..i]),
        None => s.to_string(),
    }
}
