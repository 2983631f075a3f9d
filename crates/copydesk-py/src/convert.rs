//! Converting Python arguments to Rust values, with clear errors.
//!
//! Wrong types raise `TypeError` naming the argument; values of the right type that copydesk
//! cannot use raise `InputError` (texts, ids, urls with lone surrogates) or `OptionsError`
//! (option values out of range, dates that are not ISO 8601, options with lone surrogates).

use crate::errors::{InputError, OptionsError};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt, PyString};

/// Describe a Python object's type for an error message.
pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into())
}

/// Extract a text argument: a `str` without lone surrogates, borrowed from the Python object
/// (its UTF-8 form, which Python keeps with the str), so batches read their rows without copying.
pub(crate) fn text_arg<'a>(obj: &'a Bound<'_, PyAny>, what: &str) -> PyResult<&'a str> {
    if obj.is_none() {
        return Err(PyTypeError::new_err(format!("{what} must be a str, not None")));
    }
    let Ok(s) = obj.cast::<PyString>() else {
        let t = type_name(obj);
        let hint = if t == "bytes" || t == "bytearray" { "; decode it first, e.g. text.decode('utf-8')" } else { "" };
        return Err(PyTypeError::new_err(format!("{what} must be a str, not {t}{hint}")));
    };
    s.to_str().map_err(|_| {
        InputError::new_err(format!(
            "{what} contains lone surrogates (invalid Unicode); clean it first, e.g. text.encode('utf-8', 'replace').decode('utf-8')"
        ))
    })
}

/// Which exception a str argument with lone surrogates raises.
#[derive(Clone, Copy)]
pub(crate) enum Bad {
    /// `InputError` (ids, urls: data).
    Input,
    /// `OptionsError` (published and other option values).
    Option,
}

/// The UTF-8 text of a Python str, or the error for lone surrogates.
pub(crate) fn str_value(s: &Bound<'_, PyString>, what: &str, bad: Bad) -> PyResult<String> {
    s.to_str().map(str::to_string).map_err(|_| {
        let msg = format!("{what} contains lone surrogates (invalid Unicode)");
        match bad {
            Bad::Input => InputError::new_err(msg),
            Bad::Option => OptionsError::new_err(msg),
        }
    })
}

/// An optional str argument: None (or absent) gives None; TypeError for other types.
pub(crate) fn opt_str_arg(obj: Option<&Bound<'_, PyAny>>, what: &str, bad: Bad) -> PyResult<Option<String>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else { return Ok(None) };
    let s = obj
        .cast::<PyString>()
        .map_err(|_| PyTypeError::new_err(format!("{what} must be a str or None, not {}", type_name(obj))))?;
    str_value(s, what, bad).map(Some)
}

/// An id: a str or an int (kept as its decimal text), or None.
pub(crate) fn id_value(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Option<String>> {
    if obj.is_none() {
        Ok(None)
    } else if let Ok(s) = obj.cast::<PyString>() {
        str_value(s, what, Bad::Input).map(Some)
    } else if obj.is_instance_of::<PyInt>() && !obj.is_instance_of::<PyBool>() {
        Ok(Some(obj.str()?.to_str()?.to_string()))
    } else {
        Err(PyTypeError::new_err(format!("{what} must be a str, an int or None, not {}", type_name(obj))))
    }
}

/// An int option within `lo..=hi`: TypeError for non-ints (bool included), OptionsError for a
/// value out of range (however large).
pub(crate) fn int_option(obj: &Bound<'_, PyAny>, what: &str, lo: i64, hi: i64) -> PyResult<i64> {
    if !obj.is_instance_of::<PyInt>() || obj.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(format!("{what} must be an int, not {}", type_name(obj))));
    }
    match obj.extract::<i64>() {
        Ok(n) if (lo..=hi).contains(&n) => Ok(n),
        _ => Err(OptionsError::new_err(format!("{what} must be between {lo} and {hi}, got {}", obj.str()?))),
    }
}
