//! Python bindings for copydesk: pyo3 glue only. All the work happens in the `copydesk` crates.

mod arrow_export;
mod article;
mod batch;
mod convert;
mod errors;
mod functions;
mod html;
mod items;
mod normalize;
mod options;
mod pool;
mod tables;

use pyo3::prelude::*;

/// mimalloc for the Rust side's allocations (Python objects still come from Python's allocator):
/// the pipeline makes many small short-lived allocations per article, which mimalloc serves with
/// thread-local free lists.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The compiled core of the `copydesk` Python package.
#[pymodule]
fn _copydesk(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    errors::register(m)?;
    article::register(m)?;
    functions::register(m)?;
    html::register(m)?;
    normalize::register(m)?;
    options::register(m)?;
    arrow_export::register(m)?;
    Ok(())
}
