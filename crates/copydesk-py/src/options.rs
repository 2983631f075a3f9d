//! `Options`: the pipeline's settings as a frozen, picklable Python value, so a batch job can
//! ship them to Spark or Dask workers.

use crate::convert::{int_option, opt_str_arg, Bad};
use crate::errors::OptionsError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};

/// Settings of the whole pipeline: `Options(*, published=None, max_bytes=16 MiB,
/// unicode_form="nfc", fix_mojibake=True, decode_html_entities=True, fold_quotes=True,
/// fold_dashes=False, fold_ellipsis=False, join_hyphenated=False, collapse_spaces=True)`.
///
/// Pass it as `options=` to `process`, `process_batch` and `to_arrow`. Options are immutable
/// values: they compare by value, pickle and deep-copy. `max_bytes=None` means the default.
///
/// Raises TypeError for a value of the wrong type (a str `max_bytes`, a non-bool flag) and
/// OptionsError (a CopydeskError and ValueError) for a bad value: `published` not an ISO 8601
/// date, `max_bytes` below 1, an unknown `unicode_form`.
#[pyclass(frozen, eq, module = "copydesk._copydesk")]
#[derive(Clone, PartialEq)]
pub struct Options {
    pub(crate) inner: copydesk::Options,
}

/// The default `max_bytes` as a Python int.
fn default_max_bytes() -> i64 {
    i64::try_from(copydesk::Options::default().max_bytes).unwrap_or(i64::MAX)
}

fn form_name(f: copydesk::UnicodeForm) -> &'static str {
    match f {
        copydesk::UnicodeForm::None => "none",
        copydesk::UnicodeForm::Nfkc => "nfkc",
        _ => "nfc",
    }
}

fn parse_form(s: &str) -> PyResult<copydesk::UnicodeForm> {
    match s.trim().to_ascii_lowercase().as_str() {
        "nfc" => Ok(copydesk::UnicodeForm::Nfc),
        "nfkc" => Ok(copydesk::UnicodeForm::Nfkc),
        "none" | "" => Ok(copydesk::UnicodeForm::None),
        _ => Err(OptionsError::new_err(format!("unicode_form must be 'nfc', 'nfkc' or 'none', got {s:?}"))),
    }
}

impl Options {
    /// Check the options, mapping a failure to `OptionsError`.
    pub(crate) fn checked(inner: copydesk::Options) -> PyResult<Self> {
        inner.validate().map_err(|e| OptionsError::new_err(e.to_string()))?;
        Ok(Options { inner })
    }
}

#[pymethods]
impl Options {
    #[new]
    #[pyo3(signature = (
        *,
        published=None,
        max_bytes=None,
        unicode_form="nfc",
        fix_mojibake=true,
        decode_html_entities=true,
        fold_quotes=true,
        fold_dashes=false,
        fold_ellipsis=false,
        join_hyphenated=false,
        collapse_spaces=true,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        published: Option<&Bound<'_, PyAny>>,
        max_bytes: Option<&Bound<'_, PyAny>>,
        unicode_form: &str,
        fix_mojibake: bool,
        decode_html_entities: bool,
        fold_quotes: bool,
        fold_dashes: bool,
        fold_ellipsis: bool,
        join_hyphenated: bool,
        collapse_spaces: bool,
    ) -> PyResult<Self> {
        let published = opt_str_arg(published, "published", Bad::Option)?;
        let max_bytes = match max_bytes.filter(|m| !m.is_none()) {
            None => default_max_bytes(),
            Some(m) => int_option(m, "max_bytes", 1, i64::MAX)?,
        };
        let max_bytes = usize::try_from(max_bytes)
            .map_err(|_| OptionsError::new_err(format!("max_bytes is too large for this platform: {max_bytes}")))?;
        let normalize = copydesk::NormalizeOptions {
            unicode_form: parse_form(unicode_form)?,
            fix_mojibake,
            decode_html_entities,
            fold_quotes,
            fold_dashes,
            fold_ellipsis,
            join_hyphenated,
            collapse_spaces,
            ..copydesk::NormalizeOptions::default()
        };
        Self::checked(copydesk::Options { normalize, published, max_bytes })
    }

    /// Publication date (ISO 8601) used to resolve relative dates, or None.
    #[getter]
    fn published(&self) -> Option<String> {
        self.inner.published.clone()
    }
    /// Documents longer than this many UTF-8 bytes are truncated and flagged.
    #[getter]
    fn max_bytes(&self) -> usize {
        self.inner.max_bytes
    }
    /// Unicode normalization form: "nfc", "nfkc" or "none".
    #[getter]
    fn unicode_form(&self) -> &'static str {
        form_name(self.inner.normalize.unicode_form)
    }
    /// Repair mojibake (UTF-8 read as Windows-1252).
    #[getter]
    fn fix_mojibake(&self) -> bool {
        self.inner.normalize.fix_mojibake
    }
    /// Decode HTML entities such as `&amp;`.
    #[getter]
    fn decode_html_entities(&self) -> bool {
        self.inner.normalize.decode_html_entities
    }
    /// Fold typographic quotes to ASCII for analysis (offsets still point into the raw text).
    #[getter]
    fn fold_quotes(&self) -> bool {
        self.inner.normalize.fold_quotes
    }
    /// Fold en and em dashes to "-".
    #[getter]
    fn fold_dashes(&self) -> bool {
        self.inner.normalize.fold_dashes
    }
    /// Replace "…" with "...".
    #[getter]
    fn fold_ellipsis(&self) -> bool {
        self.inner.normalize.fold_ellipsis
    }
    /// Rejoin words hyphenated at a line end.
    #[getter]
    fn join_hyphenated(&self) -> bool {
        self.inner.normalize.join_hyphenated
    }
    /// Collapse runs of spaces.
    #[getter]
    fn collapse_spaces(&self) -> bool {
        self.inner.normalize.collapse_spaces
    }

    /// The options as a dict of constructor keywords: `Options(**opts.to_dict()) == opts`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        let n = &self.inner.normalize;
        d.set_item("published", self.inner.published.as_deref())?;
        d.set_item("max_bytes", self.inner.max_bytes)?;
        d.set_item("unicode_form", form_name(n.unicode_form))?;
        d.set_item("fix_mojibake", n.fix_mojibake)?;
        d.set_item("decode_html_entities", n.decode_html_entities)?;
        d.set_item("fold_quotes", n.fold_quotes)?;
        d.set_item("fold_dashes", n.fold_dashes)?;
        d.set_item("fold_ellipsis", n.fold_ellipsis)?;
        d.set_item("join_hyphenated", n.join_hyphenated)?;
        d.set_item("collapse_spaces", n.collapse_spaces)?;
        Ok(d)
    }

    /// Build options from a dict of constructor keywords (the inverse of `to_dict`).
    #[classmethod]
    fn from_dict<'py>(cls: &Bound<'py, PyType>, d: &Bound<'py, PyDict>) -> PyResult<Bound<'py, PyAny>> {
        cls.call((), Some(d))
    }

    /// A copy with some settings changed: `opts.replace(published="2020-01-31")`.
    #[pyo3(signature = (**changes))]
    fn replace<'py>(slf: &Bound<'py, Self>, changes: Option<&Bound<'py, PyDict>>) -> PyResult<Bound<'py, PyAny>> {
        let d = slf.get().to_dict(slf.py())?;
        if let Some(c) = changes {
            d.update(c.as_mapping())?;
        }
        slf.get_type().call((), Some(&d))
    }

    /// Pickle by reconstruction: `Options.from_dict(opts.to_dict())`.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyDict>,))> {
        let ctor = slf.get_type().getattr("from_dict")?;
        Ok((ctor, (slf.get().to_dict(slf.py())?,)))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let default = copydesk::Options::default();
        let mut parts = Vec::new();
        let d = self.to_dict(py)?;
        let dd = Options { inner: default }.to_dict(py)?;
        for (k, v) in d.iter() {
            let same = match dd.get_item(&k)? {
                Some(x) => x.eq(&v)?,
                None => false,
            };
            if !same {
                parts.push(format!("{}={}", k.str()?, v.repr()?));
            }
        }
        Ok(format!("Options({})", parts.join(", ")))
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Options>()
}
