//! Batch work: read the inputs while attached to Python (lists, iterables, pandas/polars Series,
//! pyarrow arrays), then process them detached on the shared thread pool, chunk by chunk, calling
//! the progress callback and checking for Ctrl-C between chunks.

use crate::convert::{id_value, int_option, str_value, text_arg, type_name, Bad};
use crate::errors::{InputError, OptionsError};
use crate::pool;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyFloat, PyMapping, PyString};
use std::borrow::Cow;

/// One publication date (or None) per row, or the error message of a bad one.
pub(crate) type PerRowDates = Vec<Result<Option<String>, String>>;

/// One input row: the text, or why there is none.
pub(crate) struct Job<'a> {
    /// The text (borrowed from the Python str when it is one), or the error message for a bad row.
    pub text: Result<Cow<'a, str>, String>,
    /// A per-row publication date overriding the options' one.
    pub published: Option<String>,
}

/// The items of `obj` as Python objects: pyarrow arrays and chunked arrays go through
/// `to_pylist()` (their items are Arrow scalars otherwise); everything else is iterated.
/// A single str or bytes, a mapping (whose keys iteration would yield) and a table (a pandas or
/// polars DataFrame, a pyarrow Table, whose column names iteration would yield) are TypeErrors.
pub(crate) fn items<'py>(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be an iterable of str, not a single str; use process() for one text"
        )));
    }
    if obj.is_instance_of::<PyBytes>() || obj.is_instance_of::<PyByteArray>() {
        return Err(PyTypeError::new_err(format!("{what} must be an iterable of str, not {}", type_name(obj))));
    }
    if obj.hasattr("columns")? {
        return Err(PyTypeError::new_err(format!(
            "{what} must be one column of values, not a table ({}); pass a column, e.g. df[\"text\"]",
            type_name(obj)
        )));
    }
    if obj.cast::<PyMapping>().is_ok() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be an iterable of values, not a mapping ({}); pass its values() or a list",
            type_name(obj)
        )));
    }
    let source = if obj.hasattr("to_pylist")? { obj.call_method0("to_pylist")? } else { obj.clone() };
    let iter = source.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} must be an iterable (list, Series, pyarrow array, ...), not {}",
            type_name(obj)
        ))
    })?;
    iter.collect()
}

/// A row's text (borrowed from the Python str), or the message of its error row.
pub(crate) fn row_text<'a>(i: usize, obj: &'a Bound<'_, PyAny>) -> Result<Cow<'a, str>, String> {
    if let Ok(f) = obj.cast::<PyFloat>() {
        if f.value().is_nan() {
            return Err(format!("row {i}: missing text (NaN)"));
        }
    }
    text_arg(obj, "text").map(Cow::Borrowed).map_err(|e| format!("row {i}: {}", e.value(obj.py())))
}

/// Read `ids`: None, or one str/int/None per row.
pub(crate) fn read_ids(ids: Option<&Bound<'_, PyAny>>, n: usize) -> PyResult<Option<Vec<Option<String>>>> {
    let Some(ids) = ids.filter(|x| !x.is_none()) else { return Ok(None) };
    let items = items(ids, "ids")?;
    if items.len() != n {
        return Err(InputError::new_err(format!("ids has {} items but texts has {n}", items.len())));
    }
    items.iter().enumerate().map(|(i, x)| id_value(x, &format!("ids[{i}]"))).collect::<PyResult<Vec<_>>>().map(Some)
}

/// The options for a call: `options` (an `Options`, default when None) with `published` (a str)
/// applied. A sequence `published` is returned as per-row dates instead.
pub(crate) fn read_options(
    options: Option<&Bound<'_, PyAny>>,
    published: Option<&Bound<'_, PyAny>>,
    n: usize,
) -> PyResult<(copydesk::Options, Option<PerRowDates>)> {
    let mut opts = match options.filter(|o| !o.is_none()) {
        None => copydesk::Options::default(),
        Some(o) => match o.cast::<crate::options::Options>() {
            Ok(o) => o.get().inner.clone(),
            Err(_) => {
                return Err(PyTypeError::new_err(format!("options must be a copydesk.Options, not {}", type_name(o))))
            }
        },
    };
    let Some(p) = published.filter(|p| !p.is_none()) else { return Ok((opts, None)) };
    if let Ok(s) = p.cast::<PyString>() {
        opts.published = Some(str_value(s, "published", Bad::Option)?);
        opts.validate().map_err(|e| OptionsError::new_err(e.to_string()))?;
        return Ok((opts, None));
    }
    if p.try_iter().is_err() {
        return Err(PyTypeError::new_err(format!(
            "published must be a str, a sequence with one str (or None) per row, or None, not {}",
            type_name(p)
        )));
    }
    let rows = items(p, "published")?;
    if rows.len() != n {
        return Err(InputError::new_err(format!("published has {} items but texts has {n}", rows.len())));
    }
    let per_row = rows
        .iter()
        .enumerate()
        .map(|(i, x)| {
            if x.is_none() || x.cast::<PyFloat>().map(|f| f.value().is_nan()).unwrap_or(false) {
                return Ok(None);
            }
            let s =
                x.cast::<PyString>().map_err(|_| format!("row {i}: published must be a str, not {}", type_name(x)))?;
            let s = s.to_str().map_err(|_| format!("row {i}: published is not valid Unicode"))?.to_string();
            let check = copydesk::Options { published: Some(s.clone()), ..copydesk::Options::default() };
            check.validate().map_err(|e| format!("row {i}: {e}"))?;
            Ok(Some(s))
        })
        .collect();
    Ok((opts, Some(per_row)))
}

/// Pair texts with their per-row dates; a bad date makes an error row.
pub(crate) fn jobs<'a>(
    texts: Vec<Result<Cow<'a, str>, String>>,
    per_row: Option<Vec<Result<Option<String>, String>>>,
) -> Vec<Job<'a>> {
    match per_row {
        None => texts.into_iter().map(|text| Job { text, published: None }).collect(),
        Some(p) => texts
            .into_iter()
            .zip(p)
            .map(|(text, p)| match p {
                Ok(published) => Job { text, published },
                Err(e) => Job { text: Err(e), published: None },
            })
            .collect(),
    }
}

impl Job<'_> {
    /// The row's text when it is borrowed from the caller's str.
    pub(crate) fn caller_str(&self) -> Option<&str> {
        match &self.text {
            Ok(Cow::Borrowed(t)) => Some(t),
            _ => None,
        }
    }

    /// The row's Article: `work` on its text with the options (the row's own date applied), or
    /// the error Article of a bad row.
    pub(crate) fn process(
        &self,
        opts: &copydesk::Options,
        work: impl FnOnce(&str, &copydesk::Options) -> copydesk::Article,
    ) -> copydesk::Article {
        match (&self.text, &self.published) {
            (Err(e), _) => copydesk::Article::from_error(None, e.clone()),
            (Ok(t), None) => work(t, opts),
            (Ok(t), Some(p)) => {
                let o = copydesk::Options { published: Some(p.clone()), ..opts.clone() };
                work(t, &o)
            }
        }
    }
}

/// Read `n_threads`: None (the default count), or an int from 1 to [`pool::MAX_THREADS`]
/// (TypeError for other types, OptionsError out of range).
pub(crate) fn threads(n_threads: Option<&Bound<'_, PyAny>>) -> PyResult<usize> {
    match n_threads.filter(|n| !n.is_none()) {
        None => Ok(pool::effective_threads(None)),
        Some(n) => {
            let n = int_option(n, "n_threads", 1, pool::MAX_THREADS as i64)?;
            Ok(pool::effective_threads(usize::try_from(n).ok()))
        }
    }
}

/// Input bytes per thread in one chunk: about 60 ms of work at the pipeline's speed, so Ctrl-C
/// and the progress callback stay responsive while the pool meets few barriers between chunks
/// (each chunk ends with threads idle while the last documents finish).
const CHUNK_BYTES_PER_THREAD: usize = 2 << 20;

/// How [`run_chunks`] cuts the jobs: a chunk ends after `docs` jobs or once it holds `bytes`
/// bytes of input, whichever comes first (a chunk has at least one job).
#[derive(Clone, Copy, Debug)]
pub(crate) struct ChunkLimits {
    /// Jobs per chunk at most.
    pub docs: usize,
    /// Input bytes per chunk: the chunk ends with the job that reaches this.
    pub bytes: usize,
}

impl ChunkLimits {
    /// The limits for `threads` threads: `docs_per_thread` jobs per thread, at least `min_docs`
    /// jobs per chunk, and [`CHUNK_BYTES_PER_THREAD`] bytes per thread.
    pub(crate) fn new(threads: usize, docs_per_thread: usize, min_docs: usize) -> Self {
        let threads = threads.max(1);
        ChunkLimits {
            docs: threads.saturating_mul(docs_per_thread).max(min_docs).max(1),
            bytes: threads.saturating_mul(CHUNK_BYTES_PER_THREAD),
        }
    }

    /// The number of jobs in the chunk that starts with the first of `sizes` (input bytes per
    /// job, from the chunk's first job on): at least one, unless `sizes` is empty.
    fn chunk_len(&self, sizes: impl Iterator<Item = usize>) -> usize {
        let mut n = 0;
        let mut bytes = 0usize;
        for size in sizes.take(self.docs.max(1)) {
            n += 1;
            bytes = bytes.saturating_add(size);
            if bytes >= self.bytes {
                break;
            }
        }
        n
    }
}

/// Input bytes of a job, for cutting a batch into chunks.
pub(crate) trait JobBytes {
    /// The job's input bytes (0 for an error row).
    fn bytes(&self) -> usize;
}

impl JobBytes for Job<'_> {
    fn bytes(&self) -> usize {
        self.text.as_ref().map_or(0, |t| t.len())
    }
}

/// A result of batch work, boxed by the thread that made it: wrapping it in a Python `Article`
/// moves one pointer, and the Python object stays small (Python's small-object allocator rather
/// than the system malloc).
pub(crate) type ArticleBox = Box<copydesk::Article>;

/// The chunk limits of a batch: a progress bar wants frequent updates (chunks of a few hundred
/// documents); without one, chunks are cut by input bytes only (and 2,048 documents per thread
/// for tiny texts).
fn limits(threads: usize, progress: Option<&Bound<'_, PyAny>>) -> ChunkLimits {
    match progress.filter(|p| !p.is_none()) {
        Some(_) => ChunkLimits::new(threads, 64, 256),
        None => ChunkLimits::new(threads, 2048, 256),
    }
}

/// Process text `jobs` detached on `threads` threads, in chunks, each result through `finish`
/// on the thread that made it (with its job); between chunks call `progress(n_done_in_chunk)`
/// and check for signals (Ctrl-C).
pub(crate) fn run<T: Send + Sync>(
    py: Python<'_>,
    jobs: &[Job<'_>],
    opts: &copydesk::Options,
    threads: usize,
    progress: Option<&Bound<'_, PyAny>>,
    finish: impl Fn(ArticleBox, &Job<'_>) -> T + Sync + Send,
) -> PyResult<Vec<T>> {
    run_chunks(py, jobs, limits(threads, progress), threads, progress, |j| {
        finish(Box::new(j.process(opts, copydesk::process_with)), j)
    })
}

/// A result for a Python `Article`, without the copies the caller can do without: see [`slim`].
pub(crate) struct Slim {
    /// The result; its `text` and `body` are empty when given up.
    pub article: ArticleBox,
    /// The text was given up: it is the row's str, which the `Article` keeps instead.
    pub text_given_up: bool,
    /// The body was given up: it is the body blocks of the text as written
    /// ([`copydesk::Article::body_as_written`]).
    pub body_given_up: bool,
}

/// `a` without the copies a Python `Article` can do without: its text when it is `row` (the
/// UTF-8 of the caller's str, which holds it already), its body when it is the body blocks of
/// the text as written (most texts: normalization left them unchanged). An article keeps about
/// half the memory.
pub(crate) fn slim(mut a: ArticleBox, row: Option<&str>) -> Slim {
    let body_given_up = !a.body.is_empty() && a.body_is_as_written();
    if body_given_up {
        a.body = String::new();
    }
    let text_given_up = row.is_some_and(|t| !t.is_empty() && t == a.text) && a.error.is_none();
    if text_given_up {
        a.text = String::new();
    }
    Slim { article: a, text_given_up, body_given_up }
}

/// The batch plumbing shared by texts and HTML pages: `work` on every job, detached on
/// `threads` threads, in chunks cut by `limits`; between chunks call `progress(n_done_in_chunk)`
/// (which must be callable) and check for signals (Ctrl-C). The results come as `work` made
/// them (boxed by the thread that made them, ready to be wrapped in Python objects).
pub(crate) fn run_chunks<J: Sync + JobBytes, T: Send + Sync>(
    py: Python<'_>,
    jobs: &[J],
    limits: ChunkLimits,
    threads: usize,
    progress: Option<&Bound<'_, PyAny>>,
    work: impl Fn(&J) -> T + Sync + Send,
) -> PyResult<Vec<T>> {
    let progress = progress.filter(|p| !p.is_none());
    if let Some(p) = progress {
        if !p.is_callable() {
            return Err(PyTypeError::new_err(format!(
                "progress must be a callable taking the number of documents done, not {}",
                type_name(p)
            )));
        }
    }
    let mut out = Vec::with_capacity(jobs.len());
    let mut start = 0;
    while let Some(rest) = jobs.get(start..).filter(|r| !r.is_empty()) {
        let part = rest.get(..limits.chunk_len(rest.iter().map(JobBytes::bytes)).max(1)).unwrap_or(rest);
        start += part.len();
        let done = py.detach(|| pool::map(part, threads, &work));
        out.extend(done);
        if let Some(p) = progress {
            p.call1((part.len(),))?;
        }
        py.check_signals()?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The chunks `limits` cuts `sizes` into, as (start, end) pairs.
    fn chunks(limits: ChunkLimits, sizes: &[usize]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        while start < sizes.len() {
            let end = start + limits.chunk_len(sizes[start..].iter().copied()).max(1);
            out.push((start, end));
            start = end;
        }
        out
    }

    #[test]
    fn chunks_end_at_the_document_or_byte_limit() {
        let limits = ChunkLimits { docs: 3, bytes: 10 };
        assert_eq!(chunks(limits, &[1; 7]), vec![(0, 3), (3, 6), (6, 7)]);
        // The job that reaches the byte limit ends its chunk; a huge job is a chunk of its own.
        assert_eq!(chunks(limits, &[4, 4, 4, 100, 1]), vec![(0, 3), (3, 4), (4, 5)]);
        assert_eq!(chunks(limits, &[]), Vec::<(usize, usize)>::new());
        // Degenerate limits still make progress, one job at a time.
        assert_eq!(chunks(ChunkLimits { docs: 0, bytes: 0 }, &[0, 0]), vec![(0, 1), (1, 2)]);
    }

    #[test]
    fn limits_scale_with_threads() {
        let l = ChunkLimits::new(2, 64, 256);
        assert_eq!((l.docs, l.bytes), (256, 2 * CHUNK_BYTES_PER_THREAD));
        let l = ChunkLimits::new(8, 2048, 256);
        assert_eq!((l.docs, l.bytes), (8 * 2048, 8 * CHUNK_BYTES_PER_THREAD));
        assert_eq!(ChunkLimits::new(0, 0, 0).docs, 1);
    }
}
