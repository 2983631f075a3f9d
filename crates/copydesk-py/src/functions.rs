//! Module-level functions: process, process_batch, to_arrow, the CLI entry point.

use crate::arrow_export::ArrowTable;
use crate::article::Article;
use crate::batch;
use crate::convert::{id_value, text_arg};
use crate::tables::{self, Doc};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// Process one article: `process(text, *, id=None, published=None, options=None) -> Article`.
///
/// `id` is a str or an int; `published` (an ISO 8601 date) overrides `options.published`.
/// Raises TypeError for arguments of the wrong type (a non-str `text`: decode bytes first),
/// InputError for lone surrogates in `text` or `id`, OptionsError for a bad `published`.
#[pyfunction]
#[pyo3(signature = (text, *, id=None, published=None, options=None))]
fn process(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    id: Option<&Bound<'_, PyAny>>,
    published: Option<&Bound<'_, PyAny>>,
    options: Option<&Bound<'_, PyAny>>,
) -> PyResult<Article> {
    let row = text;
    let text = text_arg(row, "text")?;
    let id = match id {
        Some(x) => id_value(x, "id")?,
        None => None,
    };
    if let Some(p) = published.filter(|p| !p.is_none()) {
        if !p.is_instance_of::<pyo3::types::PyString>() {
            return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                "published must be a str or None, not {}",
                crate::convert::type_name(p)
            )));
        }
    }
    let (opts, _) = batch::read_options(options, published, 1)?;
    let mut s = py.detach(|| batch::slim(Box::new(copydesk::process_with(text, &opts)), Some(text)));
    s.article.id = id;
    Article::from_slim(s, row)
}

/// Process many articles in parallel with the GIL released:
/// `process_batch(texts, *, ids=None, published=None, options=None, n_threads=None, progress=None)`.
///
/// `texts` is a list, any iterable, a pandas or polars Series or a pyarrow array of str. Bad rows
/// (None, NaN, non-strings, lone surrogates) give an Article with `.error` set; the row count and
/// order are kept. `published` is a str for all rows or a sequence with one date (or None) per
/// row. `progress` is called with the number of documents finished after each chunk.
#[pyfunction]
#[pyo3(signature = (texts, *, ids=None, published=None, options=None, n_threads=None, progress=None))]
fn process_batch(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    ids: Option<&Bound<'_, PyAny>>,
    published: Option<&Bound<'_, PyAny>>,
    options: Option<&Bound<'_, PyAny>>,
    n_threads: Option<&Bound<'_, PyAny>>,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Article>> {
    let items = batch::items(texts, "texts")?;
    // The rows borrow the texts of `items`, which stays alive until the work is done.
    let rows: Vec<_> = items.iter().enumerate().map(|(i, x)| batch::row_text(i, x)).collect();
    let n = rows.len();
    let ids = batch::read_ids(ids, n)?;
    let (opts, per_row) = batch::read_options(options, published, n)?;
    let threads = batch::threads(n_threads)?;
    let jobs = batch::jobs(rows, per_row);
    let out = batch::run(py, &jobs, &opts, threads, progress, |a, j| batch::slim(a, j.caller_str()))?;
    out.into_iter()
        .zip(&items)
        .enumerate()
        .map(|(i, (mut s, row))| {
            s.article.id = ids.as_ref().and_then(|v| v[i].clone());
            Article::from_slim(s, row)
        })
        .collect()
}

/// One input of `to_arrow`: an Article already made, or a row to process.
enum Input {
    Done(Py<Article>),
    Todo(usize),
}

/// Build the long tables (documents, blocks, quotes, entities, acronyms, money, dates) for
/// `data`, a sequence of Articles or of texts (processed here without making Python objects).
/// Returns a dict from table name to `ArrowTable`.
#[pyfunction]
#[pyo3(signature = (data, *, ids=None, published=None, options=None, n_threads=None, progress=None, include_text=false))]
#[allow(clippy::too_many_arguments)]
fn to_arrow<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    ids: Option<&Bound<'py, PyAny>>,
    published: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyAny>>,
    n_threads: Option<&Bound<'py, PyAny>>,
    progress: Option<&Bound<'py, PyAny>>,
    include_text: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let items = batch::items(data, "data")?;
    let n = items.len();
    let mut inputs = Vec::with_capacity(n);
    let mut texts = Vec::new();
    for (i, x) in items.iter().enumerate() {
        if let Ok(a) = x.cast::<Article>() {
            inputs.push(Input::Done(a.clone().unbind()));
        } else {
            inputs.push(Input::Todo(texts.len()));
            texts.push(batch::row_text(i, x));
        }
    }
    // `texts` borrows the str rows of `items`, which stays alive until the work is done.
    let ids = batch::read_ids(ids, n)?;
    let (opts, per_row) = batch::read_options(options, published, n)?;
    // Per-row dates apply to the rows that are texts.
    let per_row = per_row.map(|p| {
        p.into_iter().zip(&inputs).filter(|(_, i)| matches!(i, Input::Todo(_))).map(|(p, _)| p).collect::<Vec<_>>()
    });
    let threads = batch::threads(n_threads)?;
    let jobs = batch::jobs(texts, per_row);
    let processed = batch::run(py, &jobs, &opts, threads, progress, |a, _| a)?;
    drop(jobs);
    // The given Articles' texts (the caller's strs of those that gave up their copies).
    let given = inputs
        .iter()
        .map(|input| match input {
            Input::Done(a) => a.get().text_str(py).map(Some),
            Input::Todo(_) => Ok(None),
        })
        .collect::<PyResult<Vec<_>>>()?;
    let docs: Vec<Doc<'_>> = inputs
        .iter()
        .zip(&given)
        .enumerate()
        .map(|(i, (input, text))| {
            let mut doc = match (input, text) {
                (Input::Done(a), Some(text)) => {
                    let a = a.get();
                    Doc { index: 0, id: None, article: a.result(), text, body_as_written: a.body_given_up() }
                }
                (Input::Done(a), None) => Doc::whole(0, None, a.get().result()),
                (Input::Todo(j), _) => Doc::whole(0, None, &processed[*j]),
            };
            doc.index = i as i64;
            doc.id = ids.as_ref().and_then(|v| v[i].clone()).or_else(|| doc.article.id.clone());
            doc
        })
        .collect();
    let built = py.detach(|| tables::build(&docs, include_text, threads));
    drop(docs);
    // The articles were made on the pool's threads: free them there too, in parallel.
    py.detach(|| crate::pool::drop_all(processed, threads));
    let out = PyDict::new(py);
    for t in built {
        let t =
            t.map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(format!("building Arrow tables failed: {e}")))?;
        out.set_item(t.0, ArrowTable::new(t.0, t.1))?;
    }
    Ok(out)
}

/// Run the command-line tool with `args` (without the program name); returns the exit code.
#[pyfunction]
fn run_cli(py: Python<'_>, args: Vec<String>) -> i32 {
    py.detach(|| copydesk::cli::run(args))
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(process, m)?)?;
    m.add_function(wrap_pyfunction!(process_batch, m)?)?;
    m.add_function(wrap_pyfunction!(to_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(run_cli, m)?)?;
    Ok(())
}
