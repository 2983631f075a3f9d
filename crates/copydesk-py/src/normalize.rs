//! `copydesk.normalize(text, **options)`: the normalization stage on its own, with the offset
//! map and the list of fixes, all in code points.

use crate::convert::{text_arg, type_name};
use crate::errors::OptionsError;
use copydesk::{CharIndex, NormalizeOptions, Span, UnicodeForm};
use pyo3::exceptions::{PyIndexError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyString};
use std::sync::OnceLock;

/// Normalized text: `.text`, `.fixes` and `.to_original(start, end)`. Offsets are code points.
///
/// The code-point indexes of the raw and the clean text are built on first use (most callers
/// read `.text` only), each in memory proportional to the text's non-ASCII characters.
#[pyclass(name = "NormalizedText", frozen, module = "copydesk._copydesk")]
pub struct PyNormalizedText {
    /// The str that was normalized (its UTF-8 is cached by Python).
    raw: Py<PyString>,
    norm: copydesk::NormalizedText,
    /// Code points of the raw text: built on first use.
    raw_index: OnceLock<CharIndex>,
    /// Code points of the clean text: built on first use.
    norm_index: OnceLock<CharIndex>,
}

impl PyNormalizedText {
    /// The code-point index of the raw text.
    fn raw_index(&self, py: Python<'_>) -> PyResult<&CharIndex> {
        if let Some(ci) = self.raw_index.get() {
            return Ok(ci);
        }
        let raw = self.raw.bind(py).to_str()?;
        Ok(self.raw_index.get_or_init(|| CharIndex::new(raw)))
    }

    /// The code-point index of the clean text.
    fn norm_index(&self) -> &CharIndex {
        self.norm_index.get_or_init(|| CharIndex::new(&self.norm.text))
    }
}

#[pymethods]
impl PyNormalizedText {
    /// The clean text.
    #[getter]
    fn text(&self) -> &str {
        &self.norm.text
    }

    /// The repairs applied, as `(rule, start, end)` tuples in code points of the raw text.
    #[getter]
    fn fixes(&self, py: Python<'_>) -> PyResult<Vec<(String, usize, usize)>> {
        if self.norm.fixes.is_empty() {
            return Ok(Vec::new());
        }
        let ci = self.raw_index(py)?;
        Ok(self
            .norm
            .fixes
            .iter()
            .map(|f| (f.rule.clone(), ci.char_offset(f.span.start), ci.char_offset(f.span.end)))
            .collect())
    }

    /// Map `text[start:end]` to `(raw_start, raw_end)`: `raw[raw_start:raw_end]` is what it was
    /// made from. Raises IndexError unless `0 <= start <= end <= len(text)`.
    fn to_original(&self, py: Python<'_>, start: i64, end: i64) -> PyResult<(usize, usize)> {
        let ni = self.norm_index();
        let n = ni.char_len();
        let (Ok(s), Ok(e)) = (usize::try_from(start), usize::try_from(end)) else {
            return Err(PyIndexError::new_err(format!("need 0 <= start <= end <= {n}, got start={start}, end={end}")));
        };
        if s > e || e > n {
            return Err(PyIndexError::new_err(format!("need 0 <= start <= end <= {n}, got start={start}, end={end}")));
        }
        let r = self.norm.to_original(Span::new(ni.byte_offset(s), ni.byte_offset(e)));
        let ri = self.raw_index(py)?;
        Ok((ri.char_offset(r.start), ri.char_offset(r.end)))
    }

    fn __len__(&self) -> usize {
        self.norm_index().char_len()
    }

    fn __str__(&self) -> &str {
        &self.norm.text
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut preview: String = self.norm.text.chars().take(60).collect();
        if preview.len() < self.norm.text.len() {
            preview.push('…');
        }
        let raw_len = self.raw_index(py)?.char_len();
        Ok(format!("NormalizedText({preview:?}, fixes={}, raw_len={raw_len})", self.norm.fixes.len()))
    }
}

const BOOL_OPTIONS: [&str; 10] = [
    "fix_mojibake",
    "decode_html_entities",
    "fold_spaces",
    "fold_quotes",
    "fold_dashes",
    "fold_ellipsis",
    "join_hyphenated",
    "fold_ligatures",
    "fold_width",
    "collapse_spaces",
];

fn set_bool(o: &mut NormalizeOptions, name: &str, v: bool) {
    match name {
        "fix_mojibake" => o.fix_mojibake = v,
        "decode_html_entities" => o.decode_html_entities = v,
        "fold_spaces" => o.fold_spaces = v,
        "fold_quotes" => o.fold_quotes = v,
        "fold_dashes" => o.fold_dashes = v,
        "fold_ellipsis" => o.fold_ellipsis = v,
        "join_hyphenated" => o.join_hyphenated = v,
        "fold_ligatures" => o.fold_ligatures = v,
        "fold_width" => o.fold_width = v,
        _ => o.collapse_spaces = v,
    }
}

/// Read `normalize`'s keyword options: TypeError for unknown names and wrong types,
/// OptionsError for an unknown Unicode form.
fn read_options(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<NormalizeOptions> {
    let mut o = NormalizeOptions::default();
    let Some(kwargs) = kwargs else { return Ok(o) };
    for (k, v) in kwargs.iter() {
        let name: String = k.extract()?;
        if name == "unicode_form" {
            let form = if v.is_none() {
                "none".to_string()
            } else if let Ok(s) = v.cast::<PyString>() {
                s.to_str()?.trim().to_ascii_lowercase()
            } else {
                return Err(PyTypeError::new_err(format!(
                    "unicode_form must be a str ('nfc', 'nfkc' or 'none'), not {}",
                    type_name(&v)
                )));
            };
            o.unicode_form = match form.as_str() {
                "nfc" => UnicodeForm::Nfc,
                "nfkc" => UnicodeForm::Nfkc,
                "none" => UnicodeForm::None,
                _ => {
                    return Err(OptionsError::new_err(format!(
                        "unicode_form must be 'nfc', 'nfkc' or 'none', got {form:?}"
                    )))
                }
            };
        } else if BOOL_OPTIONS.contains(&name.as_str()) {
            let Ok(b) = v.cast::<PyBool>() else {
                return Err(PyTypeError::new_err(format!("{name} must be a bool, not {}", type_name(&v))));
            };
            set_bool(&mut o, &name, b.is_true());
        } else {
            return Err(PyTypeError::new_err(format!(
                "normalize() got an unexpected keyword argument {name:?}; options are unicode_form, {}",
                BOOL_OPTIONS.join(", ")
            )));
        }
    }
    Ok(o)
}

/// Normalize one text: `normalize(text, **options) -> NormalizedText`.
///
/// Options (keywords) are those of `Options` for the normalize stage: `unicode_form` ("nfc",
/// "nfkc" or "none"), and the bools `fix_mojibake`, `decode_html_entities`, `fold_spaces`,
/// `fold_quotes`, `fold_dashes`, `fold_ellipsis`, `join_hyphenated`, `fold_ligatures`,
/// `fold_width`, `collapse_spaces`.
#[pyfunction]
#[pyo3(signature = (text, **options))]
fn normalize(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<PyNormalizedText> {
    let raw = text_arg(text, "text")?;
    let opts = read_options(options)?;
    let norm = py.detach(|| copydesk::normalize(raw, &opts));
    // (`text_arg` accepted it: a str)
    let raw = text.cast::<PyString>()?.clone().unbind();
    Ok(PyNormalizedText { raw, norm, raw_index: OnceLock::new(), norm_index: OnceLock::new() })
}

/// Add `normalize` and `NormalizedText` to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyNormalizedText>()?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    Ok(())
}
