//! The `copydesk` command-line tool: text files, directories and JSON lines in, contract JSON
//! lines out. Streams its input in chunks, so memory stays flat however large the corpus.

use crate::{decode_html_bytes, process_html, process_with, Article, Options};
use clap::Parser;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// Turn raw news text into structured records (JSON lines).
#[derive(Parser, Debug)]
#[command(name = "copydesk", version, about, long_about = None)]
struct Args {
    /// Input files: .txt articles, .html/.htm/.html.gz pages, directories of them, or JSON lines
    /// (.jsonl, .ndjson, .json) with {"id", "text", optional "published"} or {"id", "html",
    /// optional "url", "published"}. "-" reads JSON lines from stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Write JSON lines to this file instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Print a human-readable summary of each article instead of JSON.
    #[arg(long)]
    pretty: bool,
    /// Publication date (ISO 8601) for inputs that do not give one.
    #[arg(long)]
    published: Option<String>,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long)]
    threads: Option<usize>,
    /// Show a progress bar on stderr (default: when stderr is a terminal).
    #[arg(long, overrides_with = "no_progress")]
    progress: bool,
    /// Never show a progress bar.
    #[arg(long)]
    no_progress: bool,
}

/// One unit of work read from the input.
struct Item {
    id: String,
    text: String,
    published: Option<String>,
    /// The text is an HTML page (from a .html file or a JSON line's "html" field).
    html: bool,
    /// The page's URL (HTML input).
    url: Option<String>,
}

const CHUNK: usize = 512;

/// Run the tool with `args` (without the program name). Returns the process exit code:
/// 0 when everything was read, 1 when some inputs or rows failed or the output could not be
/// written (a full disk, a closed pipe), 2 for a usage error.
pub fn run(args: Vec<String>) -> i32 {
    let args = match Args::try_parse_from(std::iter::once("copydesk".to_string()).chain(args)) {
        Ok(a) => a,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let options = Options { published: args.published.clone(), ..Options::default() };
    if let Err(e) = options.validate() {
        eprintln!("copydesk: error: {e}");
        return 2;
    }
    // The thread that drives the work takes part in it: `-j N` adds a pool of N - 1 workers.
    let threads = match args.threads.filter(|&n| n > 0) {
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let pool = match threads {
        1 => None,
        n => match rayon::ThreadPoolBuilder::new().num_threads(n - 1).build() {
            Ok(p) => Some(p),
            Err(e) => {
                eprintln!("copydesk: error: cannot start threads: {e}");
                return 2;
            }
        },
    };
    // `-o FILE` is written to a temporary file beside it and renamed when the run ends, so an
    // interrupted run never leaves a half-written FILE.
    let tmp_output = args.output.as_ref().map(|p| temporary_path(p));
    let out: Box<dyn Write + Send> = match &tmp_output {
        Some(p) => match File::create(p) {
            Ok(f) => Box::new(BufWriter::new(f)),
            Err(e) => {
                eprintln!("copydesk: error: cannot write {}: {e}", p.display());
                return 2;
            }
        },
        None => Box::new(BufWriter::new(io::stdout())),
    };
    let show = !args.no_progress && (args.progress || io::stderr().is_terminal());
    let bar = ProgressBar::with_draw_target(
        None,
        if show { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() },
    );
    bar.set_style(
        ProgressStyle::with_template("{spinner} {human_pos} articles  {per_sec}  {elapsed}  {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    // Reading and parsing the input (this thread), processing (the worker thread with the pool)
    // and writing (the worker's writer thread) overlap. At most two chunks of input wait for the
    // worker, and a finished chunk of output waits for the writer (the hand-over is a
    // rendezvous), so memory stays bounded however large the corpus.
    let (tx, rx) = mpsc::sync_channel::<Vec<Item>>(2);
    let worker = Worker { out, pretty: args.pretty, options, pool, bar: bar.clone() };
    let handle = std::thread::spawn(move || worker.run(rx));
    let mut runner = Runner { tx: Some(tx), bar: bar.clone(), failed: 0, buf: Vec::with_capacity(CHUNK) };
    for input in &args.inputs {
        if runner.stopped() {
            break;
        }
        runner.input(input);
    }
    runner.flush();
    drop(runner.tx.take());
    let (mut out, ok, write_error) = match handle.join() {
        Ok(r) => r,
        Err(_) => {
            eprintln!("copydesk: error: internal error in the worker thread");
            if let Some(tmp) = &tmp_output {
                let _ = std::fs::remove_file(tmp);
            }
            return 1;
        }
    };
    bar.finish_and_clear();
    if let Some(e) = write_error.or_else(|| out.flush().err()) {
        // A reader that stopped early (`copydesk ... | head`) is no error to report; the exit
        // code still says that not everything was written.
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("copydesk: error: cannot write output: {e}");
        }
        if let Some(tmp) = &tmp_output {
            let _ = std::fs::remove_file(tmp);
        }
        return 1;
    }
    drop(out);
    if let (Some(tmp), Some(dest)) = (&tmp_output, &args.output) {
        if let Err(e) = std::fs::rename(tmp, dest) {
            eprintln!("copydesk: error: cannot write {}: {e}", dest.display());
            let _ = std::fs::remove_file(tmp);
            return 1;
        }
    }
    let failed = runner.failed;
    if failed > 0 || args.pretty {
        eprintln!("copydesk: {ok} articles written, {failed} failed");
    }
    i32::from(failed > 0)
}

/// A hidden temporary file in the same directory as `dest` (so the final rename is atomic).
fn temporary_path(dest: &Path) -> PathBuf {
    let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "output".into());
    dest.with_file_name(format!(".{name}.{}.partial", std::process::id()))
}

/// The reading side: turns inputs into chunks of [`Item`]s for the [`Worker`].
struct Runner {
    tx: Option<mpsc::SyncSender<Vec<Item>>>,
    bar: ProgressBar,
    failed: u64,
    buf: Vec<Item>,
}

/// The processing side: runs each chunk on its thread and the pool, and hands the lines to a
/// writer thread, which writes them in input order while the next chunk is processed.
struct Worker {
    out: Box<dyn Write + Send>,
    pretty: bool,
    options: Options,
    /// The workers beside the worker thread (None for one thread).
    pool: Option<rayon::ThreadPool>,
    bar: ProgressBar,
}

impl Runner {
    /// Has the worker stopped (the output could not be written)? Then reading stops too.
    fn stopped(&self) -> bool {
        self.tx.is_none()
    }

    fn fail(&mut self, msg: String) {
        self.bar.suspend(|| eprintln!("copydesk: error: {msg}"));
        self.failed += 1;
    }

    fn input(&mut self, path: &Path) {
        if path.as_os_str() == "-" {
            self.jsonl(BufReader::new(io::stdin().lock()), "<stdin>");
            return;
        }
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                let why = if e.kind() == io::ErrorKind::NotFound {
                    "no such file or directory".to_string()
                } else {
                    e.to_string()
                };
                self.fail(format!("{}: {why}", path.display()));
                return;
            }
        };
        if meta.is_dir() {
            let mut files = Vec::new();
            collect_dir(path, &mut files);
            if files.is_empty() {
                self.fail(format!("{}: no .txt, .html or .jsonl files in this directory", path.display()));
            }
            for f in files {
                if self.stopped() {
                    break;
                }
                self.file(&f);
            }
        } else {
            self.file(path);
        }
    }

    fn file(&mut self, path: &Path) {
        let name = path.display().to_string();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        let f = match File::open(path) {
            Ok(f) => f,
            Err(e) => return self.fail(format!("{name}: {e}")),
        };
        if matches!(ext.as_str(), "jsonl" | "ndjson" | "json") {
            self.jsonl(BufReader::new(f), &name);
            return;
        }
        let mut bytes = Vec::new();
        if let Err(e) = BufReader::new(f).read_to_end(&mut bytes) {
            return self.fail(format!("{name}: {e}"));
        }
        if let Some(stem) = html_file_stem(path) {
            if ext == "gz" {
                let mut out = Vec::new();
                if let Err(e) = flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut out) {
                    return self.fail(format!("{name}: not a readable gzip file: {e}"));
                }
                bytes = out;
            }
            let text = decode_html_bytes(&bytes);
            self.push(Item { id: stem, text, published: None, html: true, url: None });
            return;
        }
        match decode(bytes) {
            Ok(text) => {
                let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or(&name).to_string();
                self.push(Item { id, text, published: None, html: false, url: None });
            }
            Err(msg) => self.fail(format!("{name}: {msg}")),
        }
    }

    fn jsonl(&mut self, mut reader: impl BufRead, name: &str) {
        let mut line = Vec::new();
        let mut lineno = 0usize;
        while !self.stopped() {
            line.clear();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    self.fail(format!("{name}:{}: {e}", lineno + 1));
                    break;
                }
            }
            lineno += 1;
            let Ok(s) = std::str::from_utf8(&line) else {
                self.fail(format!("{name}:{lineno}: line is not valid UTF-8"));
                continue;
            };
            if s.trim().is_empty() {
                continue;
            }
            match parse_row(s) {
                Ok((id, mut item)) => {
                    item.id = id.unwrap_or_else(|| format!("{name}:{lineno}"));
                    self.push(item);
                }
                Err(msg) => self.fail(format!("{name}:{lineno}: {msg}")),
            }
        }
    }

    fn push(&mut self, item: Item) {
        self.buf.push(item);
        if self.buf.len() >= CHUNK {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        let items = std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK));
        if let Some(tx) = &self.tx {
            // A send fails only when the worker has stopped (the output could not be written):
            // stop reading; the worker's error is reported at the end.
            if tx.send(items).is_err() {
                self.tx = None;
            }
        }
    }
}

impl Worker {
    /// Process chunks until the reader hangs up; returns the output, the number of rows written
    /// and the error that stopped the writing, if one did. After a write error nothing more is
    /// processed: the writer drops its receiver, so the next hand-over fails, this thread drops
    /// its own receiver, and the reader's next send fails and it stops reading.
    fn run(self, rx: mpsc::Receiver<Vec<Item>>) -> (Box<dyn Write + Send>, u64, Option<io::Error>) {
        let Worker { out, pretty, options, pool, bar } = self;
        let (lines_tx, lines_rx) = mpsc::sync_channel::<Vec<String>>(0);
        let writer = std::thread::spawn(move || write_lines(out, lines_rx, bar));
        for items in rx {
            if lines_tx.send(chunk(pool.as_ref(), &options, pretty, &items)).is_err() {
                break;
            }
        }
        drop(lines_tx);
        match writer.join() {
            Ok(r) => r,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
}

/// Write each chunk's lines until the worker hangs up or a write fails; returns the output,
/// the number of rows written and the write error, if any.
fn write_lines(
    mut out: Box<dyn Write + Send>,
    rx: mpsc::Receiver<Vec<String>>,
    bar: ProgressBar,
) -> (Box<dyn Write + Send>, u64, Option<io::Error>) {
    let mut ok = 0u64;
    for lines in rx {
        for l in &lines {
            if let Err(e) = writeln!(out, "{l}") {
                return (out, ok, Some(e));
            }
            ok += 1;
        }
        bar.inc(lines.len() as u64);
    }
    (out, ok, None)
}

/// The output lines of a chunk, in input order: each item processed on the calling thread or a
/// worker of `pool`, one item at a time.
fn chunk(pool: Option<&rayon::ThreadPool>, options: &Options, pretty: bool, items: &[Item]) -> Vec<String> {
    crate::parallel::map(pool, items, |it| {
        let run = |o: &Options| {
            if it.html {
                process_html(&it.text, it.url.as_deref(), o)
            } else {
                process_with(&it.text, o)
            }
        };
        let mut a = match &it.published {
            Some(p) => {
                let o = Options { published: Some(p.clone()), ..options.clone() };
                if o.validate().is_ok() {
                    run(&o)
                } else {
                    run(options)
                }
            }
            None => run(options),
        };
        a.id = Some(it.id.clone());
        if pretty {
            pretty_summary(&a)
        } else {
            a.to_json()
        }
    })
}

/// Decode a text file: UTF-8 (with or without BOM) or UTF-16 with a BOM.
fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let le = bytes[0] == 0xFF;
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| if le { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) })
            .collect();
        return String::from_utf16(&units).map_err(|_| "invalid UTF-16 text".to_string());
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (bad byte at offset {}); convert the file to UTF-8 first, e.g. with iconv",
            e.utf8_error().valid_up_to()
        )
    })
}

/// The fields of a JSON line the CLI reads; other fields are skipped without being built.
/// `Value` (not `String`) keeps a wrong type a row error with a clear message instead of a
/// parse error, and the strings are moved out, not copied.
#[derive(serde::Deserialize)]
struct Row {
    id: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
    html: Option<serde_json::Value>,
    url: Option<serde_json::Value>,
    published: Option<serde_json::Value>,
}

/// A string field's value; other types are ignored (like a missing field).
fn string_field(v: Option<serde_json::Value>) -> Option<String> {
    match v {
        Some(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}

/// One JSON line read once: an HTML page when it has an "html" string, else a text row. The
/// id is the "id" string or any other JSON value as written (numbers); None without one (the
/// item's own id is left empty).
fn parse_row(line: &str) -> Result<(Option<String>, Item), String> {
    const NOT_OBJECT: &str = "expected a JSON object with a \"text\" field";
    if !line.trim_start().starts_with('{') {
        // a derived struct would also take a JSON array, field by field
        return Err(match serde_json::from_str::<serde::de::IgnoredAny>(line) {
            Ok(_) => NOT_OBJECT.to_string(),
            Err(e) => format!("malformed JSON: {e}"),
        });
    }
    let row: Row = serde_json::from_str(line).map_err(|e| {
        if e.is_data() {
            // valid JSON of another shape (an array, a string, a duplicate key)
            format!("{NOT_OBJECT} ({e})")
        } else {
            format!("malformed JSON: {e}")
        }
    })?;
    let id = match row.id {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(other) => Some(other.to_string()),
    };
    let id_and = |item: Item| Ok((id, item));
    let published = string_field(row.published);
    match row.html {
        Some(serde_json::Value::String(html)) => {
            let url = string_field(row.url);
            return id_and(Item { id: String::new(), text: html, published, html: true, url });
        }
        None | Some(serde_json::Value::Null) => {}
        Some(_) => return Err("\"html\" must be a string".into()),
    }
    match row.text {
        Some(serde_json::Value::String(text)) => {
            id_and(Item { id: String::new(), text, published, html: false, url: None })
        }
        Some(serde_json::Value::Null) | None => Err("missing \"text\" field".into()),
        Some(_) => Err("\"text\" must be a string".into()),
    }
}

/// The file's id when it is an HTML page (.html, .htm, .xhtml, optionally gzipped), else None.
fn html_file_stem(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let lower = name.to_ascii_lowercase();
    let base = lower.strip_suffix(".gz").unwrap_or(&lower);
    let stem_len = [".html", ".htm", ".xhtml"].iter().find_map(|e| base.strip_suffix(e).map(str::len))?;
    name.get(..stem_len).map(str::to_string)
}

fn collect_dir(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect_dir(&p, out);
        } else if html_file_stem(&p).is_some()
            || matches!(
                p.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()).as_deref(),
                Some("txt" | "jsonl" | "ndjson")
            )
        {
            out.push(p);
        }
    }
}

/// A human-readable summary of one article.
pub fn pretty_summary(a: &Article) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let id = a.id.as_deref().unwrap_or("-");
    let _ = writeln!(s, "━━ {id} ━━");
    let _ = writeln!(s, "headline:  {}", a.headline.as_deref().unwrap_or("-"));
    if let Some(d) = &a.dateline {
        let _ = writeln!(
            s,
            "dateline:  {} (place: {}, agency: {})",
            a.slice(d.span),
            d.place.as_deref().unwrap_or("-"),
            d.agency.as_deref().unwrap_or("-")
        );
    }
    if let Some(b) = &a.byline {
        let _ = writeln!(s, "byline:    {}", b.authors.join(", "));
    }
    if let Some(p) = &a.published {
        let _ = writeln!(s, "published: {p}");
    }
    let paragraphs = a.blocks.iter().filter(|b| b.kind == crate::BlockKind::Paragraph).count();
    let _ =
        writeln!(s, "blocks:    {} ({paragraphs} paragraphs), body {} chars", a.blocks.len(), a.body.chars().count());
    let _ = writeln!(s, "quotes:    {}", a.quotes.len());
    for q in &a.quotes {
        let text: String = a.slice(q.content).chars().take(70).collect();
        let _ = writeln!(
            s,
            "  [{}] {} — {}{}",
            q.kind.as_str(),
            q.speaker.as_deref().unwrap_or("?"),
            text,
            if a.slice(q.content).chars().count() > 70 { "…" } else { "" }
        );
    }
    let mut by_label: Vec<(&str, Vec<&str>)> = Vec::new();
    for e in &a.entities {
        let t = a.slice(e.span);
        match by_label.iter_mut().find(|(l, _)| *l == e.label.as_str()) {
            Some((_, v)) => {
                if !v.contains(&t) {
                    v.push(t)
                }
            }
            None => by_label.push((e.label.as_str(), vec![t])),
        }
    }
    for (label, names) in by_label {
        let _ = writeln!(s, "{label:<10} {}", names.join("; "));
    }
    for x in &a.acronyms {
        let _ = writeln!(s, "acronym:   {} = {}", x.short, x.long);
    }
    for m in &a.money {
        let _ = writeln!(s, "money:     {} = {} {}", a.slice(m.span), m.value, m.currency);
    }
    for d in &a.dates {
        let _ = writeln!(s, "date:      {} = {}", a.slice(d.span), d.value.as_deref().unwrap_or("?"));
    }
    s
}
