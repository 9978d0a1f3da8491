//! The HTML responses of a WARC file (ISO 28500: WARC/1.0 and 1.1), plain
//! or gzipped, for `dossier analyze --warc`.
//!
//! Parsed here rather than with the `warc` crate (0.4): that crate's
//! `WarcReader::from_path` opens its file with `create(true)` (a mistyped
//! path silently becomes an empty WARC), it reads a record's block line by
//! line into a 1 MB buffer even for records it will skip, a WARC-Date it
//! cannot parse fails the record, and it brings chrono, nom, url (with
//! idna) and uuid 0.8 for what is a few dozen lines of framing. It would
//! still leave the HTTP part (status, chunked transfer, content encoding,
//! charset) to us. The format is simple:
//!
//! 1. a record is a version line (`WARC/1.1`), header lines `Name: value`,
//!    an empty line, then exactly `Content-Length` bytes of block, then two
//!    CRLFs;
//! 2. a `.warc.gz` is the same bytes as gzip, usually one gzip member per
//!    record, concatenated (so [`MultiGzDecoder`] reads it as one stream);
//!    the file's first two bytes tell which, not its name;
//! 3. a `response` record whose `Content-Type` is `application/http` holds
//!    the HTTP response as the crawler got it: status line, headers, empty
//!    line, body (perhaps chunked and compressed, as on the wire).
//!
//! The reader thread calls [`Reader::next_page`], which frames records and
//! reads only the head of each HTTP response to decide whether it is an
//! HTML page with status 200; the rest is drained without being kept. The
//! workers call [`body_text`], which undoes the transfer and content
//! encodings and decodes the charset.

use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::bufread::MultiGzDecoder;

/// How much of an HTTP response is read to find the end of its headers.
const HEAD_MAX: usize = 64 * 1024;
/// A response or a decompressed body larger than this is cut here (as
/// crawlers cap downloads; a gzip bomb stops here too).
const BODY_MAX: u64 = 64 * 1024 * 1024;

/// One HTML response, ready for a worker.
pub struct Response {
    /// `WARC-Target-URI`.
    pub url: String,
    /// `WARC-Date`, as written in the record.
    pub date: String,
    /// `WARC-Record-ID`, e.g. `<urn:uuid:…>`.
    pub record_id: String,
    /// The record's block: the HTTP response, headers and all.
    pub block: Vec<u8>,
    /// What [`Reader::next_page`] learnt from the HTTP headers.
    pub http: Http,
}

/// The parts of an HTTP response's headers that decide how to read its body.
#[derive(Debug, Default, PartialEq)]
pub struct Http {
    /// Where the body starts in the block.
    pub body_start: usize,
    /// `Transfer-Encoding: chunked`.
    pub chunked: bool,
    /// `Content-Encoding`, lower case (`gzip`, `deflate`, …), if any.
    pub content_encoding: Option<String>,
    /// The `charset` of `Content-Type`, if any.
    pub charset: Option<String>,
}

/// Reads records from a WARC stream.
pub struct Reader {
    r: Box<dyn BufRead + Send>,
    /// Records read so far (for error messages).
    records: u64,
    /// Records that were not HTML responses with status 200.
    pub skipped: u64,
}

impl Reader {
    /// Opens a WARC file, gzipped or not (told by its first bytes).
    pub fn open(path: &Path) -> io::Result<Reader> {
        let file = std::fs::File::open(path)?;
        Reader::new(BufReader::with_capacity(1 << 20, file))
    }

    /// Reads a WARC from a stream, gzipped or not (told by its first bytes).
    pub fn new<R: BufRead + Send + 'static>(mut r: R) -> io::Result<Reader> {
        let gzipped = r.fill_buf()?.starts_with(&[0x1f, 0x8b]);
        let r: Box<dyn BufRead + Send> = if gzipped {
            Box::new(BufReader::with_capacity(1 << 20, MultiGzDecoder::new(r)))
        } else {
            Box::new(r)
        };
        Ok(Reader {
            r,
            records: 0,
            skipped: 0,
        })
    }

    /// The next HTML response with status 200, skipping every other record;
    /// `Ok(None)` at the end of the file. An error means the file cannot be
    /// read on (bad gzip, a record without a length, cut short): it ends the
    /// run, since no later record can be found reliably.
    pub fn next_page(&mut self) -> Result<Option<Response>, String> {
        loop {
            let Some(headers) = self.next_headers()? else {
                return Ok(None);
            };
            self.records += 1;
            let n = self.records;
            let get = |name: &str| {
                headers
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(name))
                    .map(|(_, v)| v.as_str())
            };
            let len: u64 = get("Content-Length")
                .and_then(|v| v.trim().parse().ok())
                .ok_or_else(|| format!("record {n} has no valid Content-Length"))?;
            let is_response = get("WARC-Type").is_some_and(|t| t.eq_ignore_ascii_case("response"))
                && get("Content-Type").is_some_and(|t| {
                    t.trim_start()
                        .to_ascii_lowercase()
                        .starts_with("application/http")
                });
            let mut block = (&mut self.r).take(len);
            let page = if is_response {
                let mut head = Vec::new();
                // The head of the response, up to its empty line (or HEAD_MAX).
                while head.len() < HEAD_MAX && find_header_end(&head).is_none() {
                    let got = (&mut block)
                        .take(4096)
                        .read_to_end(&mut head)
                        .map_err(|e| format!("record {n}: {e}"))?;
                    if got == 0 {
                        break;
                    }
                }
                match parse_http(&head) {
                    Some(http) => {
                        // A page past BODY_MAX is cut there, as crawlers cut
                        // theirs (WARC-Truncated): memory stays bounded.
                        let room = BODY_MAX.saturating_sub(head.len() as u64);
                        (&mut block)
                            .take(room)
                            .read_to_end(&mut head)
                            .map_err(|e| format!("record {n}: {e}"))?;
                        Some((head, http))
                    }
                    None => None,
                }
            } else {
                None
            };
            // Whatever the block has left (all of it for a skipped record).
            io::copy(&mut block, &mut io::sink()).map_err(|e| format!("record {n}: {e}"))?;
            if block.limit() > 0 {
                return Err(format!("record {n} is cut short (the file ends inside it)"));
            }
            let Some((block, http)) = page else {
                self.skipped += 1;
                continue;
            };
            return Ok(Some(Response {
                url: get("WARC-Target-URI")
                    .unwrap_or_default()
                    .trim()
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_string(),
                date: get("WARC-Date").unwrap_or_default().trim().to_string(),
                record_id: get("WARC-Record-ID").unwrap_or_default().trim().to_string(),
                block,
                http,
            }));
        }
    }

    /// The next record's headers (after its version line), `None` at the end.
    fn next_headers(&mut self) -> Result<Option<Vec<(String, String)>>, String> {
        let mut line = Vec::new();
        // The blank lines that end the previous record, then the version line.
        loop {
            line.clear();
            let got = self
                .r
                .read_until(b'\n', &mut line)
                .map_err(|e| format!("after record {}: {e}", self.records))?;
            if got == 0 {
                return Ok(None);
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                break;
            }
        }
        if !line.starts_with(b"WARC/") {
            return Err(format!(
                "after record {}: expected a WARC/1.x version line, found {:?}",
                self.records,
                String::from_utf8_lossy(&line[..line.len().min(40)])
            ));
        }
        let mut headers: Vec<(String, String)> = Vec::new();
        loop {
            line.clear();
            let got = self
                .r
                .read_until(b'\n', &mut line)
                .map_err(|e| format!("record {}: {e}", self.records + 1))?;
            if got == 0 {
                return Err(format!(
                    "record {} is cut short (the file ends in its headers)",
                    self.records + 1
                ));
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches(['\r', '\n']);
            if text.is_empty() {
                return Ok(Some(headers));
            }
            if text.starts_with([' ', '\t']) {
                // A folded continuation of the previous header's value.
                if let Some((_, v)) = headers.last_mut() {
                    v.push(' ');
                    v.push_str(text.trim());
                }
            } else if let Some((k, v)) = text.split_once(':') {
                headers.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
    }
}

/// Where the headers of an HTTP message end (the index after the empty line).
fn find_header_end(b: &[u8]) -> Option<usize> {
    let crlf = b.windows(4).position(|w| w == b"\r\n\r\n").map(|i| i + 4);
    let lf = b.windows(2).position(|w| w == b"\n\n").map(|i| i + 2);
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The response's headers if it is an HTML page with status 200, else `None`
/// (a redirect, a 404, an image, a script, a truncated head…).
pub fn parse_http(head: &[u8]) -> Option<Http> {
    let body_start = find_header_end(head)?;
    let text = String::from_utf8_lossy(&head[..body_start]);
    let mut lines = text.lines();
    let status = lines.next()?;
    let mut parts = status.split_whitespace();
    if !parts.next()?.starts_with("HTTP/") || parts.next()? != "200" {
        return None;
    }
    let mut http = Http {
        body_start,
        ..Http::default()
    };
    let mut content_type = None;
    for l in lines {
        let Some((k, v)) = l.split_once(':') else {
            continue;
        };
        let (k, v) = (k.trim(), v.trim());
        if k.eq_ignore_ascii_case("content-type") {
            content_type = Some(v.to_ascii_lowercase());
        } else if k.eq_ignore_ascii_case("transfer-encoding") {
            http.chunked = v.to_ascii_lowercase().contains("chunked");
        } else if k.eq_ignore_ascii_case("content-encoding") {
            let v = v.to_ascii_lowercase();
            if !v.is_empty() && v != "identity" {
                http.content_encoding = Some(v);
            }
        }
    }
    match content_type {
        Some(ct) => {
            let mut params = ct.split(';');
            let mime = params.next().unwrap_or("").trim();
            if mime != "text/html" && mime != "application/xhtml+xml" {
                return None;
            }
            http.charset = params
                .filter_map(|p| p.trim().strip_prefix("charset="))
                .map(|c| c.trim_matches(['"', '\'', ' ']).to_string())
                .find(|c| !c.is_empty());
        }
        // No Content-Type: HTML if it starts like HTML (as browsers sniff),
        // when the body is readable as sent.
        None => {
            if http.content_encoding.is_some() || http.chunked {
                return None;
            }
            let body = &head[body_start..];
            let start: Vec<u8> = body
                .iter()
                .skip_while(|b| b.is_ascii_whitespace())
                .take(15)
                .map(u8::to_ascii_lowercase)
                .collect();
            if !(start.starts_with(b"<!doctype html") || start.starts_with(b"<html")) {
                return None;
            }
        }
    }
    Some(http)
}

/// The body of an HTML response as text: chunked transfer and gzip or
/// deflate content encoding undone, then decoded by the HTTP charset (which,
/// as in browsers, wins over a `<meta charset>`), else as [`dossier::html::decode`]
/// decides (BOM, `<meta charset>`, UTF-8).
pub fn body_text(block: &[u8], http: &Http) -> Result<String, String> {
    let raw = &block[http.body_start.min(block.len())..];
    let dechunked;
    let body = if http.chunked {
        dechunked = dechunk(raw);
        &dechunked[..]
    } else {
        raw
    };
    let decoded;
    let body = match http.content_encoding.as_deref() {
        None => body,
        Some("gzip" | "x-gzip") => {
            decoded = read_capped(flate2::read::MultiGzDecoder::new(body))
                .map_err(|e| format!("the gzip content encoding does not decode: {e}"))?;
            &decoded[..]
        }
        Some("deflate") => {
            // "deflate" is zlib-wrapped by the standard, raw in some servers.
            decoded = read_capped(flate2::read::ZlibDecoder::new(body))
                .or_else(|_| read_capped(flate2::read::DeflateDecoder::new(body)))
                .map_err(|e| format!("the deflate content encoding does not decode: {e}"))?;
            &decoded[..]
        }
        Some(other) => return Err(format!("content encoding {other:?} is not supported")),
    };
    if encoding_rs::Encoding::for_bom(body).is_none() {
        if let Some(enc) = http
            .charset
            .as_deref()
            .and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()))
        {
            return Ok(enc.decode_without_bom_handling(body).0.into_owned());
        }
    }
    Ok(dossier::html::decode(body))
}

fn read_capped(r: impl Read) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    r.take(BODY_MAX).read_to_end(&mut out)?;
    Ok(out)
}

/// A chunked body put back together. A body cut short (a truncated record)
/// keeps what it has; bytes that are not chunk framing at all are returned
/// as they are (some crawlers store the body de-chunked but keep the header).
fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let original = b;
    let mut out = Vec::with_capacity(b.len());
    loop {
        let size = b.iter().position(|&c| c == b'\n').and_then(|eol| {
            let size_line = String::from_utf8_lossy(&b[..eol]);
            let size_hex = size_line.split(';').next().unwrap_or("").trim();
            Some((eol, usize::from_str_radix(size_hex, 16).ok()?))
        });
        let Some((eol, size)) = size else {
            if b.len() == original.len() {
                return original.to_vec();
            }
            break;
        };
        b = &b[eol + 1..];
        if size == 0 {
            break;
        }
        let take = size.min(b.len());
        out.extend_from_slice(&b[..take]);
        b = &b[take..];
        // The CRLF after the chunk's data.
        b = b
            .strip_prefix(b"\r\n")
            .or(b.strip_prefix(b"\n"))
            .unwrap_or(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_heads_that_are_pages_and_those_that_are_not() {
        let table: &[(&str, bool)] = &[
            (
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>",
                true,
            ),
            (
                "HTTP/1.0 200 OK\nContent-Type: application/xhtml+xml\n\n<p>",
                true,
            ),
            (
                "HTTP/1.1 200 OK\r\nServer: x\r\n\r\n<!DOCTYPE html><p>",
                true,
            ),
            ("HTTP/1.1 200 OK\r\nServer: x\r\n\r\n{\"a\": 1}", false),
            (
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>",
                false,
            ),
            ("HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n", false),
            (
                "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\u{89}PNG",
                false,
            ),
            ("HTTP/1.1 200 OK\r\nContent-Type: text/html", false),
            ("GET / HTTP/1.1\r\nHost: x\r\n\r\n", false),
        ];
        for (head, page) in table {
            assert_eq!(parse_http(head.as_bytes()).is_some(), *page, "{head:?}");
        }
        let h = parse_http(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\n\
              Transfer-Encoding: chunked\r\nContent-Encoding: GZIP\r\n\r\n",
        )
        .unwrap();
        assert!(h.chunked);
        assert_eq!(h.content_encoding.as_deref(), Some("gzip"));
        assert_eq!(h.charset.as_deref(), Some("iso-8859-1"));
    }

    #[test]
    fn bodies_are_dechunked_decompressed_and_decoded() {
        use std::io::Write;
        let page = "<p>Caf\u{e9} in S\u{e3}o Paulo</p>";
        let latin1: Vec<u8> = page.chars().map(|c| c as u8).collect();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&latin1).unwrap();
        let gz = gz.finish().unwrap();
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=latin1\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        let (a, b) = gz.split_at(gz.len() / 2);
        for part in [a, b] {
            block.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
            block.extend_from_slice(part);
            block.extend_from_slice(b"\r\n");
        }
        block.extend_from_slice(b"0\r\n\r\n");
        let http = parse_http(&block).unwrap();
        assert_eq!(body_text(&block, &http).unwrap(), page);
        // Chunked in the header but stored de-chunked: taken as it is.
        assert_eq!(dechunk(b"<p>hello</p>"), b"<p>hello</p>");
        // Cut short: what there is.
        assert_eq!(dechunk(b"5\r\nhello\r\n5\r\nwor"), b"hellowor");
        let br = Http {
            content_encoding: Some("br".into()),
            ..Http::default()
        };
        assert!(body_text(b"x", &br).unwrap_err().contains("\"br\""));
    }
}
