//! HTML entry points: `process_html` and `process_html_batch`. Pages are given as str (or as
//! bytes, decoded by the page's BOM/charset declaration); the work happens in `copydesk::process_html`.

use crate::article::Article;
use crate::batch;
use crate::convert::{id_value, opt_str_arg, str_value, type_name, Bad};
use crate::errors::InputError;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyFloat, PyString};
use std::borrow::Cow;

/// One page to process: its HTML and per-row date (as a batch row), and its URL.
struct HtmlJob<'a> {
    row: batch::Job<'a>,
    url: Option<String>,
}

impl batch::JobBytes for HtmlJob<'_> {
    fn bytes(&self) -> usize {
        batch::JobBytes::bytes(&self.row)
    }
}

/// An HTML argument: a str (borrowed), or bytes decoded by the page's own declarations.
fn html_value<'a>(obj: &'a Bound<'_, PyAny>) -> Result<Cow<'a, str>, String> {
    if obj.is_none() {
        return Err("missing HTML (None)".into());
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        if f.value().is_nan() {
            return Err("missing HTML (NaN)".into());
        }
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return s
            .to_str()
            .map(Cow::Borrowed)
            .map_err(|_| "html contains lone surrogates (invalid Unicode)".to_string());
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Cow::Owned(copydesk::decode_html_bytes(b.as_bytes())));
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(Cow::Owned(copydesk::decode_html_bytes(&b.to_vec())));
    }
    Err(format!("html must be a str or bytes, not {}", type_name(obj)))
}

/// Read `urls`: None, or one str/None per row.
fn read_urls(urls: Option<&Bound<'_, PyAny>>, n: usize) -> PyResult<Vec<Option<String>>> {
    let Some(urls) = urls.filter(|x| !x.is_none()) else { return Ok(vec![None; n]) };
    let items = batch::items(urls, "urls")?;
    if items.len() != n {
        return Err(InputError::new_err(format!("urls has {} items but htmls has {n}", items.len())));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, x)| {
            if x.is_none() || x.cast::<PyFloat>().map(|f| f.value().is_nan()).unwrap_or(false) {
                Ok(None)
            } else if let Ok(s) = x.cast::<PyString>() {
                str_value(s, &format!("urls[{i}]"), Bad::Input).map(Some)
            } else {
                Err(PyTypeError::new_err(format!("urls[{i}] must be a str or None, not {}", type_name(x))))
            }
        })
        .collect()
}

/// Process one HTML page: `process_html(html, *, url=None, published=None, id=None, options=None) -> Article`.
///
/// `html` is a str, or bytes decoded by the page's byte-order mark or charset declaration.
/// The Article's offsets point into `article.text`, the extracted text; `article.page` tells the
/// page type and extraction confidence. Raises TypeError for other types, InputError for lone
/// surrogates, OptionsError for bad options or a bad `published`.
#[pyfunction]
#[pyo3(signature = (html, *, url=None, published=None, id=None, options=None))]
fn process_html(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    url: Option<&Bound<'_, PyAny>>,
    published: Option<&Bound<'_, PyAny>>,
    id: Option<&Bound<'_, PyAny>>,
    options: Option<&Bound<'_, PyAny>>,
) -> PyResult<Article> {
    let url = opt_str_arg(url, "url", Bad::Input)?;
    let id = match id {
        Some(x) => id_value(x, "id")?,
        None => None,
    };
    let html = html_value(html).map_err(|e| {
        if e.contains("surrogates") {
            InputError::new_err(e)
        } else {
            PyTypeError::new_err(e)
        }
    })?;
    if let Some(p) = published.filter(|p| !p.is_none()) {
        if !p.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(format!("published must be a str or None, not {}", type_name(p))));
        }
    }
    let (opts, _) = batch::read_options(options, published, 1)?;
    let mut a = py.detach(|| copydesk::process_html(&html, url.as_deref(), &opts));
    a.id = id;
    Ok(Article::new(a))
}

/// Process many HTML pages in parallel with the GIL released:
/// `process_html_batch(htmls, *, ids=None, urls=None, published=None, options=None, n_threads=None, progress=None)`.
///
/// `htmls` is a list, any iterable, a pandas or polars Series or a pyarrow array of str (or bytes).
/// Bad rows (None, NaN, other types, lone surrogates) give an Article with `.error` set; the row
/// count and order are kept. `urls` and `published` are per row (a sequence) or, for
/// `published`, one str for all rows.
#[pyfunction]
#[pyo3(signature = (htmls, *, ids=None, urls=None, published=None, options=None, n_threads=None, progress=None))]
#[allow(clippy::too_many_arguments)]
fn process_html_batch(
    py: Python<'_>,
    htmls: &Bound<'_, PyAny>,
    ids: Option<&Bound<'_, PyAny>>,
    urls: Option<&Bound<'_, PyAny>>,
    published: Option<&Bound<'_, PyAny>>,
    options: Option<&Bound<'_, PyAny>>,
    n_threads: Option<&Bound<'_, PyAny>>,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Article>> {
    let items = batch::items(htmls, "htmls")?;
    // The rows borrow the str pages of `items`, which stays alive until the work is done.
    let rows: Vec<_> =
        items.iter().enumerate().map(|(i, x)| html_value(x).map_err(|e| format!("row {i}: {e}"))).collect();
    let n = rows.len();
    let ids = batch::read_ids(ids, n)?;
    let urls = read_urls(urls, n)?;
    let (opts, per_row) = batch::read_options(options, published, n)?;
    let threads = batch::threads(n_threads)?;
    let jobs: Vec<HtmlJob> =
        batch::jobs(rows, per_row).into_iter().zip(urls).map(|(row, url)| HtmlJob { row, url }).collect();
    // HTML pages are heavier than texts: fewer per chunk keep progress and Ctrl-C responsive.
    let limits = batch::ChunkLimits::new(threads, 16, 64);
    let out = batch::run_chunks(py, &jobs, limits, threads, progress, |j| {
        Box::new(j.row.process(&opts, |html, o| copydesk::process_html(html, j.url.as_deref(), o)))
    })?;
    Ok(out
        .into_iter()
        .enumerate()
        .map(|(i, mut a)| {
            a.id = ids.as_ref().and_then(|v| v[i].clone());
            Article::new(a)
        })
        .collect())
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(process_html, m)?)?;
    m.add_function(wrap_pyfunction!(process_html_batch, m)?)?;
    Ok(())
}
