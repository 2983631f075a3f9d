//! The exception tree:
//!
//! ```text
//! Exception
//! └── CopydeskError                      every error copydesk itself raises
//!     ├── OptionsError (also ValueError)  an invalid option value (published, max_bytes, n_threads, ...)
//!     └── InputError   (also ValueError)  input copydesk cannot read (lone surrogates, bad pickled state)
//! ```
//!
//! Arguments of the wrong type raise the built-in `TypeError`, as Python functions do. In a batch,
//! a bad row never raises: its Article carries the message in `.error`.
//!
//! `CopydeskError` is a plain exception class; its two subclasses have two bases
//! (`CopydeskError` and `ValueError`), which `create_exception!` cannot express, so they are built
//! once per interpreter by calling `type(name, bases, namespace)` and kept in a [`PyOnceLock`].

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};

create_exception!(
    copydesk._copydesk,
    CopydeskError,
    pyo3::exceptions::PyException,
    "Base class of every error copydesk raises (OptionsError, InputError)."
);

/// An exception class that subclasses both `CopydeskError` and `ValueError`, made on first use.
struct ValueSubclass {
    name: &'static str,
    doc: &'static str,
    cell: PyOnceLock<Py<PyType>>,
}

impl ValueSubclass {
    const fn new(name: &'static str, doc: &'static str) -> Self {
        ValueSubclass { name, doc, cell: PyOnceLock::new() }
    }

    /// The class, created on first use: `type(name, (CopydeskError, ValueError), {...})`.
    fn get<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyType>> {
        let ty = self.cell.get_or_try_init(py, || -> PyResult<Py<PyType>> {
            let bases = PyTuple::new(py, [py.get_type::<CopydeskError>(), py.get_type::<PyValueError>()])?;
            let ns = PyDict::new(py);
            ns.set_item("__module__", "copydesk._copydesk")?;
            ns.set_item("__doc__", self.doc)?;
            let made = py.get_type::<PyType>().call1((self.name, bases, ns))?;
            Ok(made.cast_into::<PyType>()?.unbind())
        })?;
        Ok(ty.bind(py))
    }

    /// A lazily raised instance with message `msg` (falls back to `ValueError` if the class
    /// cannot be made, which only happens when the interpreter is out of memory).
    fn err(&self, msg: String) -> PyErr {
        Python::attach(|py| match self.get(py) {
            Ok(ty) => PyErr::from_type(ty.clone(), msg),
            Err(_) => PyValueError::new_err(msg),
        })
    }
}

static OPTIONS_ERROR: ValueSubclass = ValueSubclass::new(
    "OptionsError",
    "An invalid option value: a bad `published` date, `max_bytes`, `unicode_form` or \
     `n_threads`. Subclass of CopydeskError and ValueError.",
);
static INPUT_ERROR: ValueSubclass = ValueSubclass::new(
    "InputError",
    "Input that copydesk cannot read although its type is right: a str with lone surrogates, \
     bad pickled state. Subclass of CopydeskError and ValueError.",
);

/// `OptionsError`: an invalid option value.
pub(crate) struct OptionsError;

impl OptionsError {
    /// An `OptionsError` with message `msg`.
    pub(crate) fn new_err(msg: impl Into<String>) -> PyErr {
        OPTIONS_ERROR.err(msg.into())
    }
}

/// `InputError`: input of the right type that copydesk cannot read.
pub(crate) struct InputError;

impl InputError {
    /// An `InputError` with message `msg`.
    pub(crate) fn new_err(msg: impl Into<String>) -> PyErr {
        INPUT_ERROR.err(msg.into())
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("CopydeskError", py.get_type::<CopydeskError>())?;
    m.add("OptionsError", OPTIONS_ERROR.get(py)?)?;
    m.add("InputError", INPUT_ERROR.get(py)?)?;
    Ok(())
}
