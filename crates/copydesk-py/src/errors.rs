//! The exception tree: `CopydeskError` and its subclasses.

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

create_exception!(copydesk._copydesk, CopydeskError, pyo3::exceptions::PyException, "Base class of copydesk's errors.");
create_exception!(copydesk._copydesk, OptionsError, PyValueError, "An invalid option value.");
create_exception!(
    copydesk._copydesk,
    InputError,
    PyValueError,
    "Input that copydesk cannot read (wrong type, lone surrogates, ...)."
);

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("CopydeskError", py.get_type::<CopydeskError>())?;
    m.add("OptionsError", py.get_type::<OptionsError>())?;
    m.add("InputError", py.get_type::<InputError>())?;
    Ok(())
}
