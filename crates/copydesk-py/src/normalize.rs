//! `copydesk.normalize(text, **options)`: the normalization stage on its own, with the offset
//! map and the list of fixes, all in code points.

use crate::convert::{text_arg, type_name};
use crate::errors::OptionsError;
use copydesk::{CharIndex, NormalizeOptions, Span, UnicodeForm};
use pyo3::exceptions::{PyIndexError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyString};

/// Normalized text: `.text`, `.fixes` and `.to_original(start, end)`. Offsets are code points.
#[pyclass(name = "NormalizedText", frozen, module = "copydesk._copydesk")]
pub struct PyNormalizedText {
    raw_len: usize,
    norm: copydesk::NormalizedText,
    raw_index: CharIndex,
    /// Byte offset of each char of `text` (and of its end), or None when `text` is ASCII.
    norm_bytes: Option<Vec<usize>>,
    fixes: Vec<(String, usize, usize)>,
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
    fn fixes(&self) -> Vec<(String, usize, usize)> {
        self.fixes.clone()
    }

    /// Map `text[start:end]` to `(raw_start, raw_end)`: `raw[raw_start:raw_end]` is what it was
    /// made from. Raises IndexError unless `0 <= start <= end <= len(text)`.
    fn to_original(&self, start: i64, end: i64) -> PyResult<(usize, usize)> {
        let n = self.norm_bytes.as_ref().map_or(self.norm.text.len(), |v| v.len() - 1);
        let (Ok(s), Ok(e)) = (usize::try_from(start), usize::try_from(end)) else {
            return Err(PyIndexError::new_err(format!("need 0 <= start <= end <= {n}, got start={start}, end={end}")));
        };
        if s > e || e > n {
            return Err(PyIndexError::new_err(format!("need 0 <= start <= end <= {n}, got start={start}, end={end}")));
        }
        let byte = |i: usize| self.norm_bytes.as_ref().map_or(i, |v| v[i]);
        let r = self.norm.to_original(Span::new(byte(s), byte(e)));
        Ok((self.raw_index.char_offset(r.start), self.raw_index.char_offset(r.end)))
    }

    fn __len__(&self) -> usize {
        self.norm_bytes.as_ref().map_or(self.norm.text.len(), |v| v.len() - 1)
    }

    fn __str__(&self) -> &str {
        &self.norm.text
    }

    fn __repr__(&self) -> String {
        let mut preview: String = self.norm.text.chars().take(60).collect();
        if preview.len() < self.norm.text.len() {
            preview.push('…');
        }
        format!("NormalizedText({preview:?}, fixes={}, raw_len={})", self.fixes.len(), self.raw_len)
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
    Ok(py.detach(|| {
        let norm = copydesk::normalize(raw, &opts);
        let raw_index = CharIndex::new(raw);
        let norm_bytes = (!norm.text.is_ascii())
            .then(|| norm.text.char_indices().map(|(i, _)| i).chain(std::iter::once(norm.text.len())).collect());
        let fixes = norm
            .fixes
            .iter()
            .map(|f| (f.rule.clone(), raw_index.char_offset(f.span.start), raw_index.char_offset(f.span.end)))
            .collect();
        PyNormalizedText { raw_len: raw.chars().count(), norm, raw_index, norm_bytes, fixes }
    }))
}

/// Add `normalize` and `NormalizedText` to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyNormalizedText>()?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    Ok(())
}
