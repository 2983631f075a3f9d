//! Converting Python arguments to Rust values, with clear errors.

use crate::errors::{InputError, OptionsError};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// Describe a Python object's type for an error message.
pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into())
}

/// Extract a text argument: a `str` without lone surrogates.
pub(crate) fn text_arg(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    if obj.is_none() {
        return Err(PyTypeError::new_err(format!("{what} must be a str, not None")));
    }
    let Ok(s) = obj.cast::<PyString>() else {
        let t = type_name(obj);
        let hint = if t == "bytes" || t == "bytearray" { "; decode it first, e.g. text.decode('utf-8')" } else { "" };
        return Err(PyTypeError::new_err(format!("{what} must be a str, not {t}{hint}")));
    };
    s.to_str().map(str::to_string).map_err(|_| {
        InputError::new_err(format!(
            "{what} contains lone surrogates (invalid Unicode); clean it first, e.g. text.encode('utf-8', 'replace').decode('utf-8')"
        ))
    })
}

/// Check and build pipeline options with a publication date (for single-document entry points).
#[allow(dead_code)]
pub(crate) fn options(published: Option<String>) -> PyResult<copydesk::Options> {
    let o = copydesk::Options { published, ..copydesk::Options::default() };
    o.validate().map_err(|e| OptionsError::new_err(e.to_string()))?;
    Ok(o)
}
