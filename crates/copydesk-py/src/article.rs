//! Python classes for results: Article and the items it holds. Offsets are code points.

use crate::batch;
use copydesk::CharIndex;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyType};
use std::borrow::Cow;

/// One block of the article.
#[pyclass(frozen, get_all, eq, module = "copydesk._copydesk")]
#[derive(Clone, PartialEq)]
pub struct Block {
    /// headline | standfirst | dateline | byline | paragraph | subheading | caption | credit | related | boilerplate
    pub kind: String,
    /// Start (code points into the raw text).
    pub start: i64,
    /// End (exclusive).
    pub end: i64,
    /// The block as written.
    pub text: String,
    /// The rule that decided the kind.
    pub rule: String,
}

/// A span of text: where a speaker is mentioned.
#[pyclass(frozen, get_all, eq, from_py_object, module = "copydesk._copydesk")]
#[derive(Clone, PartialEq)]
pub struct Mention {
    /// Start.
    pub start: i64,
    /// End (exclusive).
    pub end: i64,
    /// The mention as written.
    pub text: String,
}

/// A quotation and who said it.
#[pyclass(frozen, get_all, eq, module = "copydesk._copydesk")]
#[derive(Clone, PartialEq)]
pub struct Quote {
    /// Start of the quotation as written (outer marks included).
    pub start: i64,
    /// End (exclusive).
    pub end: i64,
    /// Quoted content without outer marks.
    pub text: String,
    /// direct | mixed | indirect
    pub kind: String,
    /// Resolved speaker name.
    pub speaker: Option<String>,
    /// The mention next to the quote.
    pub speaker_mention: Option<Mention>,
    /// Speech verb or cue.
    pub cue: Option<String>,
}

/// A named-entity mention.
#[pyclass(frozen, get_all, eq, module = "copydesk._copydesk")]
#[derive(Clone, PartialEq)]
pub struct Entity {
    /// Start.
    pub start: i64,
    /// End (exclusive).
    pub end: i64,
    /// As written.
    pub text: String,
    /// PERSON | ORG | LOC | NORP | EVENT | MISC
    pub label: String,
    /// Canonical name of the entity.
    pub canonical: Option<String>,
}

/// An acronym and its expansion.
#[pyclass(frozen, get_all, eq, module = "copydesk._copydesk")]
#[derive(Clone, PartialEq)]
pub struct Acronym {
    /// Short form.
    pub short: String,
    /// Long form.
    pub long: String,
    /// Start of the long form (or of the short form for known acronyms).
    pub start: i64,
    /// End (exclusive).
    pub end: i64,
    /// "text" (defined in the article) or "known" (shipped list).
    pub source: String,
}

/// A sum of money.
#[pyclass(frozen, get_all, eq, module = "copydesk._copydesk")]
#[derive(Clone, PartialEq)]
pub struct Money {
    /// Start.
    pub start: i64,
    /// End (exclusive).
    pub end: i64,
    /// As written.
    pub text: String,
    /// Amount (lower bound of a range).
    pub value: f64,
    /// Upper bound of a range.
    pub value_max: Option<f64>,
    /// ISO 4217 code.
    pub currency: String,
}

/// A date or temporal expression.
#[pyclass(frozen, get_all, eq, module = "copydesk._copydesk")]
#[derive(Clone, PartialEq)]
pub struct DateMention {
    /// Start.
    pub start: i64,
    /// End (exclusive).
    pub end: i64,
    /// As written.
    pub text: String,
    /// ISO 8601 value, possibly partial, or None.
    pub value: Option<String>,
}

/// A number or percentage outside money and dates ("1,200", "4.5 per cent", "two-thirds").
#[pyclass(frozen, get_all, eq, module = "copydesk._copydesk")]
#[derive(Clone, PartialEq)]
pub struct NumberMention {
    /// Start.
    pub start: i64,
    /// End (exclusive).
    pub end: i64,
    /// As written.
    pub text: String,
    /// The value (for a percentage, the number of percent: 4.5 for "4.5%").
    pub value: f64,
    /// "number" or "percent".
    pub kind: String,
}

/// Someone quoted in the article: counts by quote kind, title, quotes and first mention.
#[pyclass(frozen, get_all, eq, module = "copydesk._copydesk")]
#[derive(Clone, PartialEq)]
pub struct Speaker {
    /// Resolved name.
    pub name: String,
    /// Title or affiliation the article gives next to a mention ("Foreign Minister").
    pub title: Option<String>,
    /// Number of direct quotes.
    pub direct: i64,
    /// Number of mixed quotes.
    pub mixed: i64,
    /// Number of indirect (reported) quotes.
    pub indirect: i64,
    /// Indices into `Article.quotes` of this speaker's quotes.
    pub quotes: Vec<i64>,
    /// The first mention of the speaker next to one of their quotes.
    pub mention: Option<Mention>,
}

/// The result for one article.
#[pyclass(frozen, eq, module = "copydesk._copydesk")]
pub struct Article {
    /// The result, boxed: the Python object stays small (Python's own small-object allocator
    /// instead of the system malloc), and batch workers make the box, so wrapping a result on the
    /// calling thread moves one pointer. Its `text` is empty when `raw` holds it, its `body` when
    /// `body_as_written` says so: read them through [`Article::on_text`] and [`Article::full`].
    inner: Box<copydesk::Article>,
    /// The caller's str, when the result gave up its copy of the same text (`process`,
    /// `process_batch`): one copy of each text, the caller's.
    raw: Option<Py<PyString>>,
    /// The result gave up its body, which is the body blocks of the text as written
    /// ([`copydesk::Article::body_as_written`]: most texts, which normalization left unchanged).
    body_as_written: bool,
}

impl PartialEq for Article {
    fn eq(&self, other: &Self) -> bool {
        Python::attach(|py| match (self.full(py), other.full(py)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        })
    }
}

/// "number" or "percent".
pub(crate) fn number_kind(k: copydesk::NumberKind) -> String {
    match k {
        copydesk::NumberKind::Percent => "percent".into(),
        _ => "number".into(),
    }
}

fn span(ci: &CharIndex, s: copydesk::Span) -> (i64, i64) {
    (ci.char_offset(s.start) as i64, ci.char_offset(s.end) as i64)
}

/// The text all offsets point into and its code-point index: the items' offsets and texts.
struct Spans<'t> {
    text: &'t str,
    ci: CharIndex,
}

impl Spans<'_> {
    /// (start, end) of `s` in code points.
    fn at(&self, s: copydesk::Span) -> (i64, i64) {
        span(&self.ci, s)
    }

    /// The text of `s` as written.
    fn text(&self, s: copydesk::Span) -> String {
        s.slice(self.text).into()
    }
}

impl Article {
    /// An `Article` holding the whole result.
    pub(crate) fn new(inner: impl Into<Box<copydesk::Article>>) -> Self {
        Article { inner: inner.into(), raw: None, body_as_written: false }
    }

    /// An `Article` of a [`batch::slim`] result; `row` is the str it was made from (it holds the
    /// text when the result gave it up).
    pub(crate) fn from_slim(s: batch::Slim, row: &Bound<'_, PyAny>) -> PyResult<Self> {
        let raw = match s.text_given_up {
            true => Some(row.cast::<PyString>()?.clone().unbind()),
            false => None,
        };
        Ok(Article { inner: s.article, raw, body_as_written: s.body_given_up })
    }

    /// The result (read its text through [`Article::text_str`], its body through
    /// [`Article::full`] or [`Article::body_given_up`]).
    pub(crate) fn result(&self) -> &copydesk::Article {
        &self.inner
    }

    /// `item` of each of `list`, made with the spans' code points and texts ([`Spans`]).
    fn items<T, U>(&self, py: Python<'_>, list: &[T], item: impl Fn(&Spans<'_>, &T) -> U) -> PyResult<Vec<U>> {
        self.on_text(py, |text| {
            let sp = Spans { text, ci: CharIndex::new(text) };
            list.iter().map(|x| item(&sp, x)).collect()
        })
    }

    /// The text all offsets point into.
    pub(crate) fn text_str<'a>(&'a self, py: Python<'a>) -> PyResult<&'a str> {
        match &self.raw {
            Some(r) => r.bind(py).to_str(),
            None => Ok(&self.inner.text),
        }
    }

    /// Whether the result gave up its body (the body blocks of the text as written).
    pub(crate) fn body_given_up(&self) -> bool {
        self.body_as_written
    }

    /// `f` on the text all offsets point into.
    fn on_text<R>(&self, py: Python<'_>, f: impl FnOnce(&str) -> R) -> PyResult<R> {
        Ok(f(self.text_str(py)?))
    }

    /// The whole result, with the text and body it gave up put back (in a copy).
    pub(crate) fn full(&self, py: Python<'_>) -> PyResult<Cow<'_, copydesk::Article>> {
        if self.raw.is_none() && !self.body_as_written {
            return Ok(Cow::Borrowed(&self.inner));
        }
        let mut a = (*self.inner).clone();
        if let Some(r) = &self.raw {
            a.text = r.bind(py).to_str()?.to_owned();
        }
        if self.body_as_written {
            a.body = a.body_as_written();
        }
        Ok(Cow::Owned(a))
    }

    /// The result's text and `fields` of it (a dateline, a byline): enough for the contract's
    /// values of those fields.
    fn with_text_only(
        &self,
        py: Python<'_>,
        fields: impl FnOnce(&mut copydesk::Article),
    ) -> PyResult<copydesk::Article> {
        let mut a = copydesk::Article { text: self.on_text(py, str::to_owned)?, ..copydesk::Article::default() };
        fields(&mut a);
        Ok(a)
    }

    fn json_to_py<'py>(py: Python<'py>, v: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
        use pyo3::IntoPyObjectExt;
        Ok(match v {
            serde_json::Value::Null => py.None().into_bound(py),
            serde_json::Value::Bool(b) => b.into_bound_py_any(py)?,
            serde_json::Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    i.into_bound_py_any(py)?
                } else {
                    n.as_f64().unwrap_or(f64::NAN).into_bound_py_any(py)?
                }
            }
            serde_json::Value::String(s) => s.into_bound_py_any(py)?,
            serde_json::Value::Array(a) => {
                let l = PyList::empty(py);
                for x in a {
                    l.append(Self::json_to_py(py, x)?)?;
                }
                l.into_any()
            }
            serde_json::Value::Object(o) => {
                let d = PyDict::new(py);
                for (k, x) in o {
                    d.set_item(k, Self::json_to_py(py, x)?)?;
                }
                d.into_any()
            }
        })
    }
}

#[pymethods]
impl Article {
    /// Caller's identifier.
    #[getter]
    fn id(&self) -> Option<String> {
        self.inner.id.clone()
    }
    /// The raw input text that all offsets point into.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        match &self.raw {
            Some(r) => r.bind(py).clone(),
            None => PyString::new(py, &self.inner.text),
        }
    }
    /// Headline.
    #[getter]
    fn headline(&self) -> Option<String> {
        self.inner.headline.clone()
    }
    /// Publication date (ISO 8601).
    #[getter]
    fn published(&self) -> Option<String> {
        self.inner.published.clone()
    }
    /// ISO 639-1 language code.
    #[getter]
    fn language(&self) -> Option<String> {
        self.inner.language.clone()
    }
    /// Normalized body text.
    #[getter]
    fn body(&self, py: Python<'_>) -> PyResult<Cow<'_, str>> {
        if !self.body_as_written {
            return Ok(Cow::Borrowed(&self.inner.body));
        }
        self.on_text(py, |t| Cow::Owned(copydesk::body_of(t, &self.inner.blocks)))
    }
    /// Error message for a bad row in a batch, else None.
    #[getter]
    fn error(&self) -> Option<String> {
        self.inner.error.clone()
    }
    /// True when the input was cut at the maximum document size.
    #[getter]
    fn truncated(&self) -> bool {
        self.inner.truncated
    }
    /// Dateline as a dict, or None.
    #[getter]
    fn dateline<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let a = self.with_text_only(py, |a| a.dateline = self.inner.dateline.clone())?;
        Self::json_to_py(py, &a.dateline_value())
    }
    /// Byline as a dict, or None.
    #[getter]
    fn byline<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let a = self.with_text_only(py, |a| a.byline = self.inner.byline.clone())?;
        Self::json_to_py(py, &a.byline_value())
    }
    /// Blocks in text order.
    #[getter]
    fn blocks(&self, py: Python<'_>) -> PyResult<Vec<Block>> {
        self.items(py, &self.inner.blocks, |sp, b| {
            let (start, end) = sp.at(b.span);
            Block { kind: b.kind.as_str().into(), start, end, text: sp.text(b.span), rule: b.rule.to_string() }
        })
    }
    /// Quotes with speakers.
    #[getter]
    fn quotes(&self, py: Python<'_>) -> PyResult<Vec<Quote>> {
        self.items(py, &self.inner.quotes, |sp, q| {
            let (start, end) = sp.at(q.span);
            Quote {
                start,
                end,
                text: sp.text(q.content),
                kind: q.kind.as_str().into(),
                speaker: q.speaker.clone(),
                speaker_mention: q.speaker_mention.map(|m| {
                    let (start, end) = sp.at(m);
                    Mention { start, end, text: sp.text(m) }
                }),
                cue: q.cue.clone(),
            }
        })
    }
    /// Named-entity mentions.
    #[getter]
    fn entities(&self, py: Python<'_>) -> PyResult<Vec<Entity>> {
        self.items(py, &self.inner.entities, |sp, e| {
            let (start, end) = sp.at(e.span);
            Entity { start, end, text: sp.text(e.span), label: e.label.as_str().into(), canonical: e.canonical.clone() }
        })
    }
    /// Acronyms.
    #[getter]
    fn acronyms(&self, py: Python<'_>) -> PyResult<Vec<Acronym>> {
        self.items(py, &self.inner.acronyms, |sp, x| {
            let (start, end) = sp.at(x.span);
            Acronym {
                short: x.short.clone(),
                long: x.long.clone(),
                start,
                end,
                source: if x.source == copydesk::AcronymSource::Known { "known".into() } else { "text".into() },
            }
        })
    }
    /// Sums of money.
    #[getter]
    fn money(&self, py: Python<'_>) -> PyResult<Vec<Money>> {
        self.items(py, &self.inner.money, |sp, x| {
            let (start, end) = sp.at(x.span);
            Money {
                start,
                end,
                text: sp.text(x.span),
                value: x.value,
                value_max: x.value_max,
                currency: x.currency.clone(),
            }
        })
    }
    /// Dates.
    #[getter]
    fn dates(&self, py: Python<'_>) -> PyResult<Vec<DateMention>> {
        self.items(py, &self.inner.dates, |sp, x| {
            let (start, end) = sp.at(x.span);
            DateMention { start, end, text: sp.text(x.span), value: x.value.clone() }
        })
    }
    /// Numbers and percentages outside money and dates.
    #[getter]
    fn numbers(&self, py: Python<'_>) -> PyResult<Vec<NumberMention>> {
        self.items(py, &self.inner.numbers, |sp, x| {
            let (start, end) = sp.at(x.span);
            NumberMention { start, end, text: sp.text(x.span), value: x.value, kind: number_kind(x.kind) }
        })
    }
    /// Everyone quoted, in order of first appearance.
    #[getter]
    fn speakers(&self, py: Python<'_>) -> PyResult<Vec<Speaker>> {
        let text = self.text_str(py)?;
        let sp = Spans { text, ci: CharIndex::new(text) };
        Ok(copydesk::speakers_of(text, &self.inner.quotes)
            .into_iter()
            .map(|s| Speaker {
                name: s.name,
                title: s.title,
                direct: s.direct as i64,
                mixed: s.mixed as i64,
                indirect: s.indirect as i64,
                quotes: s.quotes.into_iter().map(|i| i as i64).collect(),
                mention: s.mention.map(|m| {
                    let (start, end) = sp.at(m);
                    Mention { start, end, text: sp.text(m) }
                }),
            })
            .collect())
    }
    /// The article as a dict in the JSON contract's shape.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Self::json_to_py(py, &self.full(py)?.to_value())
    }
    /// The article as one line of contract JSON.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        Ok(self.full(py)?.to_json())
    }
    /// Rebuild an Article from `__reduce__`'s state (internal serde JSON of the Rust result).
    #[classmethod]
    fn _from_state(_cls: &Bound<'_, PyType>, state: &[u8]) -> PyResult<Self> {
        serde_json::from_slice(state)
            .map(|a: copydesk::Article| Article::new(a))
            .map_err(|e| crate::errors::InputError::new_err(format!("bad Article state: {e}")))
    }
    /// Pickle by reconstruction: `Article._from_state(state)`.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyBytes>,))> {
        let py = slf.py();
        let state = serde_json::to_vec(&*slf.get().full(py)?)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("cannot pickle Article: {e}")))?;
        Ok((slf.get_type().getattr("_from_state")?, (PyBytes::new(py, &state),)))
    }
    /// HTML for Jupyter: the article with quotes, speakers and entities marked
    /// (rendered by `copydesk.display.article_html`).
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        slf.py().import("copydesk.display")?.call_method1("article_html", (slf,))?.extract()
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let a = &self.inner;
        let error = a.error.as_deref().map(|e| format!(", error={}", crate::items::r(py, e))).unwrap_or_default();
        format!(
            "Article(id={}, headline={}, blocks={}, quotes={}, entities={}, numbers={}{error})",
            crate::items::ro(py, a.id.as_deref()),
            crate::items::ro(py, a.headline.as_deref()),
            a.blocks.len(),
            a.quotes.len(),
            a.entities.len(),
            a.numbers.len()
        )
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Article>()?;
    m.add_class::<Block>()?;
    m.add_class::<Mention>()?;
    m.add_class::<Quote>()?;
    m.add_class::<Entity>()?;
    m.add_class::<Acronym>()?;
    m.add_class::<Money>()?;
    m.add_class::<DateMention>()?;
    m.add_class::<NumberMention>()?;
    m.add_class::<Speaker>()?;
    Ok(())
}
