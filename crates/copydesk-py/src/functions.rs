//! Module-level functions: process, process_batch, normalize, the CLI entry point.

use crate::article::Article;
use crate::convert::{options, text_arg, type_name};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use rayon::prelude::*;

/// Process one article: `process(text, *, id=None, published=None) -> Article`.
#[pyfunction]
#[pyo3(signature = (text, *, id=None, published=None))]
fn process(py: Python<'_>, text: &Bound<'_, PyAny>, id: Option<String>, published: Option<String>) -> PyResult<Article> {
    let text = text_arg(text, "text")?;
    let opts = options(published)?;
    let mut a = py.detach(|| copydesk::process_with(&text, &opts));
    a.id = id;
    Ok(Article::new(a))
}

/// Process many articles in parallel with the GIL released. Bad rows (None, non-strings, lone
/// surrogates) give an Article with `.error` set; the row count and order are kept.
#[pyfunction]
#[pyo3(signature = (texts, *, ids=None, published=None, n_threads=None))]
fn process_batch(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    ids: Option<Vec<Option<String>>>,
    published: Option<String>,
    n_threads: Option<usize>,
) -> PyResult<Vec<Article>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err("texts must be an iterable of str, not a single str; use process() for one text"));
    }
    let opts = options(published)?;
    let mut rows: Vec<Result<String, String>> = Vec::new();
    for item in texts.try_iter()? {
        let item = item?;
        rows.push(text_arg(&item, "text").map_err(|e| e.to_string()));
    }
    if let Some(ids) = &ids {
        if ids.len() != rows.len() {
            return Err(PyTypeError::new_err(format!("ids has {} items but texts has {}", ids.len(), rows.len())));
        }
    }
    let run = || -> Vec<copydesk::Article> {
        rows.par_iter()
            .map(|r| match r {
                Ok(t) => copydesk::process_with(t, &opts),
                Err(e) => copydesk::Article::from_error(None, e.clone()),
            })
            .collect()
    };
    let out = py.detach(|| match n_threads {
        Some(n) if n > 0 => match rayon::ThreadPoolBuilder::new().num_threads(n).build() {
            Ok(pool) => pool.install(run),
            Err(_) => run(),
        },
        _ => run(),
    });
    Ok(out
        .into_iter()
        .enumerate()
        .map(|(i, mut a)| {
            a.id = ids.as_ref().and_then(|v| v[i].clone());
            Article::new(a)
        })
        .collect())
}

/// Run the command-line tool with `args` (without the program name); returns the exit code.
#[pyfunction]
fn run_cli(py: Python<'_>, args: Vec<String>) -> i32 {
    py.detach(|| copydesk::cli::run(args))
}

#[allow(dead_code)]
fn describe(obj: &Bound<'_, PyAny>) -> String {
    type_name(obj)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(process, m)?)?;
    m.add_function(wrap_pyfunction!(process_batch, m)?)?;
    m.add_function(wrap_pyfunction!(run_cli, m)?)?;
    Ok(())
}
