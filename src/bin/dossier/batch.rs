//! `dossier analyze --jsonl` and `--warc`: many pages in, one JSON line out
//! per page, on every core. See docs/batch.md for the line format and the
//! exit status.
//!
//! How a run goes:
//!
//! 1. A reader thread turns the input into [`Item`]s (a path to read, a
//!    line of JSONL, an HTTP response from a WARC) and sends them in chunks
//!    over a channel of two chunks, so reading overlaps the analysis while
//!    memory stays bounded. Only what must be serial happens there (walking
//!    is done before; splitting lines; un-gzipping and framing a WARC);
//!    reading a file, parsing a JSON line, decoding a response body and the
//!    analysis happen in the workers.
//! 2. The calling thread analyses each chunk with rayon (`into_par_iter`
//!    keeps the input order) and writes its lines; a chunk is flushed as a
//!    whole, so a consumer downstream (`RDD.pipe`, a pipe to `jq`) gets
//!    lines as they are ready, and every page's line comes out in the
//!    order its page went in.
//! 3. A page that fails (unreadable, not a page, a panic in the core) gives
//!    an error line in its place and the run goes on. The entity tagger is a
//!    process-wide `OnceLock` in the library, so the model is loaded once,
//!    by the first page, and shared by every thread.

use std::cell::{Cell, RefCell};
use std::io::{self, BufRead, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Once};

use dossier::{html, Page, Report};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use rayon::prelude::*;

use crate::{input, warc};

/// A chunk ends at this many pages per worker thread...
const CHUNK_PER_THREAD: usize = 32;
/// ...or once it holds this many bytes of input read ahead.
const CHUNK_BYTES: usize = 64 << 20;

/// What identifies a page on its output line.
#[derive(Debug, Clone, PartialEq)]
pub enum Key {
    /// A file: `{"path": ...}`.
    Path(String),
    /// A line of JSONL input: `{"line": N, "url": ...}` (`url` when the
    /// input line has one).
    Line { line: u64, url: Option<String> },
    /// A WARC response: `{"url": ..., "date": ..., "record_id": ...}`.
    Warc {
        url: String,
        date: String,
        record_id: String,
    },
    /// The WARC file itself, when it cannot be read on: `{"warc": ...}`.
    WarcFile(String),
}

impl Key {
    /// The key's fields as JSON object members, without braces.
    fn write_fields(&self, out: &mut Vec<u8>) {
        let s = |v: &str| serde_json::to_string(v).expect("a string serializes");
        let fields = match self {
            Key::Path(p) => format!("\"path\":{}", s(p)),
            Key::Line { line, url: None } => format!("\"line\":{line}"),
            Key::Line { line, url: Some(u) } => format!("\"line\":{line},\"url\":{}", s(u)),
            Key::Warc {
                url,
                date,
                record_id,
            } => format!(
                "\"url\":{},\"date\":{},\"record_id\":{}",
                s(url),
                s(date),
                s(record_id)
            ),
            Key::WarcFile(p) => format!("\"warc\":{}", s(p)),
        };
        out.extend_from_slice(fields.as_bytes());
    }
}

/// Where a page's HTML comes from.
pub enum Input {
    /// A file, read by the worker.
    File(PathBuf),
    /// A line of JSONL with `html` (and perhaps `url`), parsed by the worker.
    /// Bytes, not a `String`: a line that is not UTF-8 is that line's error,
    /// not the end of the input.
    JsonLine(Vec<u8>),
    /// An HTML response from a WARC.
    Http(Vec<u8>, warc::Http),
    /// Nothing to analyze: this is the error.
    Error(String),
}

impl Input {
    fn bytes(&self) -> usize {
        match self {
            Input::File(_) | Input::Error(_) => 0,
            Input::JsonLine(s) => s.len(),
            Input::Http(b, _) => b.len(),
        }
    }
}

/// One page to analyze.
pub struct Item {
    pub key: Key,
    pub input: Input,
}

/// Where the pages come from.
pub enum Source {
    /// Files (directories already walked), in this order.
    Paths(Vec<PathBuf>),
    /// JSONL, one page per line: `{"url": ..., "html": ...}`.
    Jsonl(Box<dyn BufRead + Send>),
    /// The HTML responses of a WARC file (its path, for error lines).
    Warc(String, warc::Reader),
}

/// How the run behaves.
pub struct Settings {
    /// Worker threads; `None`: rayon's default (every core, or
    /// `RAYON_NUM_THREADS`).
    pub jobs: Option<usize>,
    /// Draw a progress bar on standard error.
    pub progress: bool,
}

/// How a run went.
#[derive(Debug, Default, PartialEq)]
pub struct Outcome {
    /// Lines written with a report.
    pub ok: u64,
    /// Lines written with an error.
    pub failed: u64,
}

/// The files a list of paths names: files as given, directories walked
/// recursively for `*.html` and `*.htm` (sorted by name, so a run's order is
/// the same everywhere). A path that cannot be read is kept: its error line
/// says why.
pub fn expand_paths(args: &[String]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for a in args {
        let p = PathBuf::from(a);
        if p.is_dir() {
            walk(&p, &mut out);
        } else {
            out.push(p);
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(_) => {
            // Its error line comes from reading it as a file.
            out.push(dir.to_path_buf());
            return;
        }
    };
    entries.sort();
    for p in entries {
        // A symbolic link to a directory is not followed (no cycles).
        let is_dir = std::fs::symlink_metadata(&p).is_ok_and(|m| m.is_dir());
        if is_dir {
            walk(&p, out);
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
        {
            out.push(p);
        }
    }
}

thread_local! {
    /// Whether this thread is inside [`analyze_one`].
    static IN_PAGE: Cell<bool> = const { Cell::new(false) };
    /// The message and place of the last panic inside [`analyze_one`] on this thread.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Inside [`analyze_one`], a panic's message goes into the page's error
/// line instead of standard error (where it would land between progress
/// bar redraws, once per bad page). Elsewhere panics print as usual.
fn quiet_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !IN_PAGE.get() {
                return default(info);
            }
            let msg = if let Some(s) = info.payload().downcast_ref::<&str>() {
                s.to_string()
            } else if let Some(s) = info.payload().downcast_ref::<String>() {
                s.clone()
            } else {
                "a panic".to_string()
            };
            let at = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{msg}{at}")));
        }));
    });
}

/// The page an item holds, or why there is none.
fn page_of(key: &mut Key, input: Input) -> Result<Page, String> {
    match input {
        Input::File(path) => {
            if path.is_dir() {
                // Only a directory that could not be listed is kept as a page.
                return Err(std::fs::read_dir(&path)
                    .err()
                    .map_or("a directory that could not be listed".into(), |e| {
                        e.to_string()
                    }));
            }
            let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
            let decoded = html::decode_cow(&bytes);
            input::check(&bytes, &decoded, false)?;
            Ok(html::page_from_html(&decoded))
        }
        Input::JsonLine(line) => {
            #[derive(serde::Deserialize)]
            struct In {
                url: Option<String>,
                html: Option<String>,
            }
            let v: In = serde_json::from_slice(&line)
                .map_err(|e| format!("not a JSON object with \"html\": {e}"))?;
            if let Key::Line { url, .. } = key {
                *url = v.url;
            }
            let html = v.html.ok_or("the line has no \"html\" field")?;
            input::check(html.as_bytes(), &html, false)?;
            Ok(html::page_from_html(&html))
        }
        Input::Http(block, http) => {
            let text = warc::body_text(&block, &http)?;
            input::check(text.as_bytes(), &text, false)?;
            Ok(html::page_from_html(&text))
        }
        Input::Error(e) => Err(e),
    }
}

/// One output line (with its newline) for one item, and whether it is a
/// report. Never panics: a panic while reading, parsing or analysing the
/// page becomes the line's error.
pub fn analyze_one(item: Item, analyze: &(dyn Fn(&Page) -> Report + Sync)) -> (Vec<u8>, bool) {
    let Item { mut key, input } = item;
    IN_PAGE.set(true);
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        let page = page_of(&mut key, input)?;
        let report = analyze(&page);
        let mut json = Vec::with_capacity(4096);
        serde_json::to_writer(&mut json, &report).map_err(|e| e.to_string())?;
        Ok::<_, String>(json)
    }));
    IN_PAGE.set(false);
    let result = result.unwrap_or_else(|_| {
        let msg = LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| "a panic".into());
        Err(format!(
            "internal error (panic: {msg}); please report it with the page"
        ))
    });
    let mut line = Vec::with_capacity(result.as_ref().map_or(128, |j| j.len() + 128));
    line.push(b'{');
    key.write_fields(&mut line);
    let ok = result.is_ok();
    match result {
        Ok(json) => {
            line.extend_from_slice(b",\"report\":");
            line.extend_from_slice(&json);
        }
        Err(e) => {
            line.extend_from_slice(b",\"error\":");
            line.extend_from_slice(serde_json::to_string(&e).expect("a string").as_bytes());
        }
    }
    line.extend_from_slice(b"}\n");
    (line, ok)
}

/// Sends `source`'s items in chunks; stops early when the receiver is gone.
/// An error is a source that cannot be read on (stdin, a broken WARC): it
/// becomes the run's last line.
fn produce(source: Source, chunk_items: usize, tx: mpsc::SyncSender<Vec<Item>>) -> Option<Item> {
    let mut chunk = Vec::with_capacity(chunk_items);
    let mut bytes = 0;
    // Adds an item; false when the run is over (the receiver hung up).
    let mut push = |item: Item, chunk: &mut Vec<Item>| -> bool {
        bytes += item.input.bytes();
        chunk.push(item);
        if chunk.len() >= chunk_items || bytes >= CHUNK_BYTES {
            bytes = 0;
            return tx.send(std::mem::take(chunk)).is_ok();
        }
        true
    };
    let fatal = match source {
        Source::Paths(paths) => {
            for p in paths {
                let item = Item {
                    key: Key::Path(p.to_string_lossy().into_owned()),
                    input: Input::File(p),
                };
                if !push(item, &mut chunk) {
                    return None;
                }
            }
            None
        }
        Source::Jsonl(mut r) => {
            let mut line_no = 0;
            loop {
                let mut line = Vec::new();
                match r.read_until(b'\n', &mut line) {
                    Ok(0) => break None,
                    Ok(_) => {}
                    Err(e) => {
                        break Some(Item {
                            key: Key::Line {
                                line: line_no + 1,
                                url: None,
                            },
                            input: Input::Error(format!("reading standard input: {e}")),
                        })
                    }
                }
                line_no += 1;
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let item = Item {
                    key: Key::Line {
                        line: line_no,
                        url: None,
                    },
                    input: Input::JsonLine(line),
                };
                if !push(item, &mut chunk) {
                    return None;
                }
            }
        }
        Source::Warc(path, mut reader) => loop {
            match reader.next_page() {
                Ok(None) => break None,
                Ok(Some(r)) => {
                    let item = Item {
                        key: Key::Warc {
                            url: r.url,
                            date: r.date,
                            record_id: r.record_id,
                        },
                        input: Input::Http(r.block, r.http),
                    };
                    if !push(item, &mut chunk) {
                        return None;
                    }
                }
                Err(e) => {
                    break Some(Item {
                        key: Key::WarcFile(path),
                        input: Input::Error(e),
                    })
                }
            }
        },
    };
    if !chunk.is_empty() {
        let _ = tx.send(chunk);
    }
    fatal
}

/// Analyses every page of `source`, writing one line per page to `out`.
/// An error is one that stops the run: standard output cannot be written.
pub fn run(
    source: Source,
    settings: &Settings,
    analyze: &(dyn Fn(&Page) -> Report + Sync),
    out: &mut dyn Write,
) -> Result<Outcome, String> {
    quiet_panics();
    let pool = match settings.jobs {
        Some(n) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| e.to_string())?,
        ),
        None => None,
    };
    let threads = pool
        .as_ref()
        .map_or_else(rayon::current_num_threads, |p| p.current_num_threads());
    let total = match &source {
        Source::Paths(p) => Some(p.len() as u64),
        _ => None,
    };
    let bar = progress_bar(settings.progress, total);
    let (tx, rx) = mpsc::sync_channel::<Vec<Item>>(2);
    let chunk_items = (threads * CHUNK_PER_THREAD).max(16);
    let reader = std::thread::Builder::new()
        .name("dossier-reader".into())
        .spawn(move || produce(source, chunk_items, tx))
        .map_err(|e| format!("starting the reader thread: {e}"))?;
    let mut outcome = Outcome::default();
    let mut write_result = Ok(());
    let work = |chunk: Vec<Item>| -> Vec<(Vec<u8>, bool)> {
        let f = || {
            chunk
                .into_par_iter()
                .map(|item| {
                    let r = analyze_one(item, analyze);
                    bar.inc(1);
                    r
                })
                .collect()
        };
        match &pool {
            Some(p) => p.install(f),
            None => f(),
        }
    };
    for chunk in rx.iter() {
        let lines = work(chunk);
        for (line, ok) in &lines {
            if *ok {
                outcome.ok += 1;
            } else {
                outcome.failed += 1;
            }
            if write_result.is_ok() {
                write_result = out.write_all(line);
            }
        }
        if write_result.is_ok() {
            write_result = out.flush();
        }
        if outcome.failed > 0 {
            bar.set_message(format!("{} failed", outcome.failed));
        }
        if write_result.is_err() {
            // Dropping the receiver stops the reader.
            break;
        }
    }
    drop(rx);
    // A panic in the reader is a bug of ours (printed to standard error by
    // the default hook), not a bad page: the run stops.
    let fatal = reader
        .join()
        .map_err(|_| "internal error: the reader thread panicked".to_string())?;
    if let (Some(item), Ok(())) = (fatal, &write_result) {
        let (line, _) = analyze_one(item, analyze);
        outcome.failed += 1;
        write_result = out.write_all(&line).and_then(|_| out.flush());
    }
    bar.finish_and_clear();
    match write_result {
        Ok(()) => Ok(outcome),
        // `dossier ... | head`: the reader of our output is done, and so are we.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(outcome),
        Err(e) => Err(format!("writing standard output: {e}")),
    }
}

fn progress_bar(enabled: bool, total: Option<u64>) -> ProgressBar {
    if !enabled {
        return ProgressBar::hidden();
    }
    let template = match total {
        Some(_) => "{bar:30} {human_pos}/{human_len} pages  {rate}  {elapsed} (ETA {eta})  {msg}",
        None => "{spinner} {human_pos} pages  {rate}  {elapsed}  {msg}",
    };
    let style = ProgressStyle::with_template(template)
        .expect("a valid template")
        // `{per_sec}` prints four decimals; a whole number reads better.
        .with_key("rate", |s: &ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.0} pages/s", s.per_sec());
        });
    ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr_with_hz(4)).with_style(style)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_item(key: &str, html: &str) -> Item {
        Item {
            key: Key::Line { line: 1, url: None },
            input: Input::JsonLine(
                serde_json::json!({"url": key, "html": html})
                    .to_string()
                    .into_bytes(),
            ),
        }
    }

    #[test]
    fn a_panic_in_the_core_is_one_error_line() {
        quiet_panics();
        let boom = |_: &Page| -> Report { panic!("boom on purpose") };
        let (line, ok) = analyze_one(
            page_item("https://a.test/", "<p>Some words here.</p>"),
            &boom,
        );
        assert!(!ok);
        let v: serde_json::Value = serde_json::from_slice(&line).unwrap();
        assert_eq!(v["url"], "https://a.test/");
        let e = v["error"].as_str().unwrap();
        assert!(
            e.contains("boom on purpose") && e.contains("batch.rs"),
            "{e}"
        );
        // The same thread goes on with the next page.
        let (line, ok) = analyze_one(
            page_item("https://b.test/", "<p>Some words here.</p>"),
            &dossier::analyze,
        );
        assert!(ok, "{}", String::from_utf8_lossy(&line));
    }

    #[test]
    fn pages_come_out_in_input_order_with_panics_in_between() {
        let mut input = String::new();
        for i in 0..300 {
            let html = format!("<p>Page number {i} says something long enough.</p>");
            input.push_str(&serde_json::json!({"url": format!("u{i}"), "html": html}).to_string());
            input.push('\n');
        }
        let source = Source::Jsonl(Box::new(io::Cursor::new(input.into_bytes())));
        // Every seventh page panics.
        let analyze = |p: &Page| -> Report {
            let text = &p.blocks[0].text;
            let n: usize = text.split(' ').nth(2).unwrap().parse().unwrap();
            assert!(n % 7 != 0, "page {n} panics");
            dossier::analyze(p)
        };
        let mut out = Vec::new();
        let settings = Settings {
            jobs: Some(2),
            progress: false,
        };
        let o = run(source, &settings, &analyze, &mut out).unwrap();
        assert_eq!(
            o,
            Outcome {
                ok: 257,
                failed: 43
            }
        );
        let lines: Vec<serde_json::Value> = out
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 300);
        for (i, l) in lines.iter().enumerate() {
            assert_eq!(l["line"], i as u64 + 1);
            assert_eq!(l["url"], format!("u{i}"));
            assert_eq!(l.get("error").is_some(), i % 7 == 0, "{l}");
        }
    }
}
