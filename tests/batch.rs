//! `dossier analyze --jsonl` and `--warc` as a batch user runs them: many
//! pages in, one line each in input order, error lines that do not stop
//! the run, the documented exit status.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn dossier(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.unwrap_or_default().to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// A fresh, empty directory for one test.
fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("batch-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The golden pages, as (name, HTML).
fn golden_pages() -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(format!("{ROOT}/tests/pages"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("source.html").exists())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(p.join("source.html")).unwrap())
        })
        .collect();
    v.sort();
    assert!(v.len() >= 5, "the golden pages are there");
    v
}

fn single_report(path: &Path) -> Value {
    let out = dossier(&["analyze", path.to_str().unwrap(), "--json"], None);
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_directory_tree_gives_one_line_per_page_in_path_order() {
    let dir = scratch("tree");
    let mut expected = Vec::new();
    // 3 copies of every golden page, in nested directories, with files that
    // are not pages beside them.
    for copy in ["a", "b/c", "b/d"] {
        for (name, html) in golden_pages() {
            let d = dir.join(copy);
            std::fs::create_dir_all(&d).unwrap();
            let ext = if name.len() % 2 == 0 { "html" } else { "HTM" };
            let p = d.join(format!("{name}.{ext}"));
            std::fs::write(&p, html).unwrap();
            expected.push(p);
        }
        std::fs::write(dir.join(copy).join("notes.txt"), "not a page").unwrap();
        std::fs::write(dir.join(copy).join("data.json"), "{}").unwrap();
    }
    expected.sort();
    let out = dossier(&["analyze", "--jsonl", dir.to_str().unwrap()], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "silent when stderr is not a terminal"
    );
    let got = lines(&out);
    assert_eq!(got.len(), expected.len());
    for (line, path) in got.iter().zip(&expected) {
        assert_eq!(line["path"], path.to_str().unwrap());
        assert!(line.get("error").is_none(), "{line}");
        assert_eq!(line["report"]["version"], dossier::SCHEMA_VERSION);
    }
    // The same report as `analyze PAGE --json`, one page at a time.
    for i in [0, expected.len() / 2, expected.len() - 1] {
        assert_eq!(
            got[i]["report"],
            single_report(&expected[i]),
            "{:?}",
            expected[i]
        );
    }
    // One thread or several (four, even on a one-core machine): the same bytes.
    for jobs in ["1", "4"] {
        let again = dossier(
            &["analyze", "--jsonl", "--jobs", jobs, dir.to_str().unwrap()],
            None,
        );
        assert_eq!(again.stdout, out.stdout, "--jobs {jobs}");
    }
}

#[test]
fn a_bad_page_is_an_error_line_and_the_run_goes_on() {
    let dir = scratch("bad");
    let pages = golden_pages();
    let good = dir.join("1-good.html");
    std::fs::write(&good, &pages[0].1).unwrap();
    std::fs::write(
        dir.join("2-binary.html"),
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0",
    )
    .unwrap();
    std::fs::write(dir.join("3-empty.html"), b"  \n").unwrap();
    std::fs::write(dir.join("4-good.html"), &pages[1].1).unwrap();
    let missing = dir.join("5-missing.html");
    let out = dossier(
        &[
            "analyze",
            "--jsonl",
            dir.to_str().unwrap(),
            missing.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "some pages failed: exit 1");
    let got = lines(&out);
    let summary: Vec<(String, bool)> = got
        .iter()
        .map(|l| {
            let name = Path::new(l["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, l.get("report").is_some())
        })
        .collect();
    let want = [
        ("1-good.html", true),
        ("2-binary.html", false),
        ("3-empty.html", false),
        ("4-good.html", true),
        ("5-missing.html", false),
        ("1-good.html", true),
    ];
    assert_eq!(
        summary,
        want.iter()
            .map(|(n, ok)| (n.to_string(), *ok))
            .collect::<Vec<_>>()
    );
    assert!(
        got[1]["error"].as_str().unwrap().contains("binary"),
        "{}",
        got[1]
    );
    assert!(
        got[2]["error"].as_str().unwrap().contains("empty"),
        "{}",
        got[2]
    );
    assert!(!got[4]["error"].as_str().unwrap().is_empty());
    for l in &got {
        let n = l.as_object().unwrap().len();
        assert_eq!(n, 2, "a path and a report or an error: {l}");
    }
}

#[test]
fn jsonl_on_stdin_keeps_line_numbers_and_urls() {
    let pages = golden_pages();
    let mut input: Vec<u8> = Vec::new();
    let mut want = Vec::new();
    for (i, (name, html)) in pages.iter().enumerate() {
        let html = String::from_utf8_lossy(html);
        let url = format!("https://example.test/{name}");
        // Other fields are ignored; key order does not matter.
        let line = serde_json::json!({"html": html, "id": i, "url": url}).to_string();
        input.extend_from_slice(line.as_bytes());
        input.push(b'\n');
        want.push(Some(url));
        if i == 1 {
            input.extend_from_slice(b"this is not JSON\n");
            want.push(None);
            input.extend_from_slice(b"\n"); // blank lines are skipped (and counted)
            let line = serde_json::json!({"url": "https://example.test/no-html"}).to_string();
            input.extend_from_slice(line.as_bytes());
            input.push(b'\n');
            want.push(Some("https://example.test/no-html".into()));
            // Not UTF-8 (Latin-1): that line's error, not the end of the input.
            input.extend_from_slice(b"{\"html\": \"<p>Caf\xe9 au lait</p>\"}\n");
            want.push(None);
        }
    }
    // No URL at all is fine.
    let line = serde_json::json!({"html": String::from_utf8_lossy(&pages[0].1)}).to_string();
    input.extend_from_slice(line.as_bytes());
    want.push(None);
    let out = dossier(&["analyze", "--jsonl", "-", "--no-text"], Some(&input));
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(got.len(), want.len());
    let line_numbers: Vec<u64> = got.iter().map(|l| l["line"].as_u64().unwrap()).collect();
    let mut expected_numbers: Vec<u64> = (1..=pages.len() as u64 + 5).collect();
    expected_numbers.remove(3); // the blank line
    assert_eq!(line_numbers, expected_numbers);
    for (l, url) in got.iter().zip(&want) {
        assert_eq!(l.get("url").and_then(Value::as_str), url.as_deref(), "{l}");
    }
    assert!(got[2]["error"]
        .as_str()
        .unwrap()
        .contains("not a JSON object"));
    assert!(got[3]["error"].as_str().unwrap().contains("no \"html\""));
    assert!(got[4].get("error").is_some(), "{}", got[4]);
    assert!(
        got[5].get("report").is_some(),
        "the run goes on: {}",
        got[5]
    );
    let report = &got[0]["report"];
    assert!(report["blocks"].as_array().unwrap().len() > 1);
    assert!(
        report["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|b| b["text"] == ""),
        "--no-text leaves the blocks' text out"
    );
    assert_eq!(
        got.last().unwrap()["report"]["title"],
        got[0]["report"]["title"]
    );
}

#[test]
fn empty_stdin_is_no_lines_and_success() {
    let out = dossier(&["analyze", "--jsonl", "-"], Some(b""));
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["analyze", "--jsonl"][..],
        &["analyze", "--jsonl", "-", "x.html"],
        &["analyze", "--jsonl", "x.html", "--json"],
        &["analyze", "--jsonl", "x.html", "--jobs", "0"],
        &["analyze", "--warc", "/nonexistent/crawl.warc.gz"],
        &["analyze", "--warc", "a.warc", "b.html"],
        &["analyze", "a.html", "b.html"],
        &["analyze", "a.html", "--no-text"],
    ] {
        let out = dossier(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?} says why");
    }
    let dir = scratch("no-pages");
    std::fs::write(dir.join("a.txt"), "text").unwrap();
    let out = dossier(&["analyze", "--jsonl", dir.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no .html"));
}

// ------------------------------------------------------------------ WARC

/// One WARC record: version line, headers, block, two CRLFs.
fn record(kind: &str, uri: &str, date: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let id = format!(
        "<urn:uuid:{:08x}-0000-4000-8000-000000000000>",
        block.len() + uri.len()
    );
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n\
         WARC-Record-ID: {id}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut b = format!(
        "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    b.extend_from_slice(body);
    b
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// A small crawl: two HTML pages among records that must be skipped. Each
/// record is returned on its own, so the test can gzip them one by one.
fn crawl() -> Vec<Vec<u8>> {
    let pages = golden_pages();
    let example = &pages.iter().find(|(n, _)| n == "example").unwrap().1;
    let app = "application/http; msgtype=response";
    // The second page is chunked and gzipped on the wire, in Latin-1 said
    // only by the HTTP header.
    let latin1_page = "<html><head><title>Caf\u{e9} du Monde</title></head><body><article>\
        <p>The caf\u{e9} in S\u{e3}o Paulo opened on Tuesday, the owner said to reporters.</p>\
        <p>It serves coffee and pastries to about three hundred people every day.</p>\
        </article></body></html>";
    let latin1: Vec<u8> = latin1_page.chars().map(|c| c as u8).collect();
    let gz = gzip(&latin1);
    let mut chunked = Vec::new();
    for part in gz.chunks(100) {
        chunked.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
        chunked.extend_from_slice(part);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let mut wire = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\
        Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"
        .to_vec();
    wire.extend_from_slice(&chunked);
    vec![
        record(
            "warcinfo",
            "",
            "2026-12-01T10:00:00Z",
            "application/warc-fields",
            b"software: dossier-test\r\nformat: WARC File Format 1.1\r\n",
        ),
        record(
            "request",
            "https://news.example/a",
            "2026-12-01T10:00:01Z",
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n",
        ),
        record(
            "response",
            "https://news.example/a",
            "2026-12-01T10:00:02Z",
            app,
            &http(
                "200 OK",
                "Content-Type: text/html; charset=utf-8\r\n",
                example,
            ),
        ),
        // Not HTML: skipped.
        record(
            "response",
            "https://news.example/logo.png",
            "2026-12-01T10:00:03Z",
            app,
            &http(
                "200 OK",
                "Content-Type: image/png\r\n",
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            ),
        ),
        // Not 200: skipped.
        record(
            "response",
            "https://news.example/gone",
            "2026-12-01T10:00:04Z",
            app,
            &http("404 Not Found", "Content-Type: text/html\r\n", example),
        ),
        record(
            "metadata",
            "https://news.example/a",
            "2026-12-01T10:00:05Z",
            "application/warc-fields",
            b"fetchTimeMs: 12\r\n",
        ),
        record(
            "response",
            "https://news.example/cafe",
            "2026-12-01T10:00:06Z",
            app,
            &wire,
        ),
    ]
}

fn check_crawl_output(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = lines(out);
    assert_eq!(
        got.len(),
        2,
        "the two HTML pages with status 200, nothing else"
    );
    assert_eq!(got[0]["url"], "https://news.example/a");
    assert_eq!(got[0]["date"], "2026-12-01T10:00:02Z");
    assert!(got[0]["record_id"]
        .as_str()
        .unwrap()
        .starts_with("<urn:uuid:"));
    let example = single_report(&Path::new(ROOT).join("tests/pages/example/source.html"));
    assert_eq!(
        got[0]["report"], example,
        "the same report as the file gives"
    );
    assert_eq!(got[1]["url"], "https://news.example/cafe");
    assert_eq!(got[1]["date"], "2026-12-01T10:00:06Z");
    assert_eq!(got[1]["report"]["title"], "Caf\u{e9} du Monde");
    let text = got[1]["report"]["blocks"][0]["text"].as_str().unwrap();
    assert!(
        text.contains("S\u{e3}o Paulo"),
        "decoded by the HTTP charset: {text}"
    );
}

#[test]
fn warc_plain_and_gzipped_give_the_html_responses() {
    let dir = scratch("warc");
    let records = crawl();
    let plain = dir.join("crawl.warc");
    std::fs::write(&plain, records.concat()).unwrap();
    // As crawlers write them: one gzip member per record.
    let per_record = dir.join("crawl.warc.gz");
    std::fs::write(
        &per_record,
        records.iter().map(|r| gzip(r)).collect::<Vec<_>>().concat(),
    )
    .unwrap();
    // One gzip member for the whole file, and a name that does not say gzip.
    let whole = dir.join("whole.bin");
    std::fs::write(&whole, gzip(&records.concat())).unwrap();
    let outputs: Vec<Output> = [&plain, &per_record, &whole]
        .iter()
        .map(|p| dossier(&["analyze", "--warc", p.to_str().unwrap()], None))
        .collect();
    for out in &outputs {
        check_crawl_output(out);
    }
    assert_eq!(outputs[0].stdout, outputs[1].stdout);
    assert_eq!(outputs[0].stdout, outputs[2].stdout);
}

#[test]
fn a_warc_cut_short_keeps_the_pages_before_and_ends_with_an_error_line() {
    let dir = scratch("warc-cut");
    let all = crawl().concat();
    let p = dir.join("cut.warc");
    // Cut inside the last record.
    std::fs::write(&p, &all[..all.len() - 50]).unwrap();
    let out = dossier(&["analyze", "--warc", p.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0]["url"], "https://news.example/a");
    assert!(got[0].get("report").is_some());
    assert_eq!(got[1]["warc"], p.to_str().unwrap());
    assert!(
        got[1]["error"].as_str().unwrap().contains("cut short"),
        "{}",
        got[1]
    );
    // Not a WARC at all.
    let html = Path::new(ROOT).join("tests/pages/example/source.html");
    let out = dossier(&["analyze", "--warc", html.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(got.len(), 1);
    assert!(got[0]["error"]
        .as_str()
        .unwrap()
        .contains("WARC/1.x version line"));
}

/// A WARC as GNU Wget 1.21 writes it (`wget -r -l 2 -p --warc-file=wget-site`
/// against a local server holding tests/batch/talks.html as news/talks.html,
/// an index linking it, a 301 to it, a missing page and a PNG): angle brackets
/// around WARC-Target-URI, `Content-type` in lower case, HTTP/1.0, robots.txt
/// and two 404s, and wget's own metadata and resource records (its manifest,
/// arguments and log). The three HTML pages with status 200 come out; the
/// article is the same report as the file gives.
#[test]
fn a_warc_written_by_wget() {
    let warc = format!("{ROOT}/tests/batch/wget-site.warc.gz");
    let out = dossier(&["analyze", "--warc", &warc], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = lines(&out);
    let urls: Vec<&str> = got.iter().map(|l| l["url"].as_str().unwrap()).collect();
    assert_eq!(
        urls,
        [
            "http://127.0.0.1:8766/index.html",
            "http://127.0.0.1:8766/news/talks.html",
            // Fetched again after the 301.
            "http://127.0.0.1:8766/news/talks.html",
        ]
    );
    for l in &got {
        assert!(
            l["date"].as_str().unwrap().starts_with("2026-12-07T"),
            "{l}"
        );
    }
    let file = single_report(&Path::new(ROOT).join("tests/batch/talks.html"));
    assert_eq!(got[1]["report"], file);
    assert_eq!(got[2]["report"], file);
}
