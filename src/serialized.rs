//! The page's own serialization (`document.documentElement.outerHTML`) →
//! events for the [`Collector`](crate::collect::Collector): how the
//! extension reads a page off the page's thread (in the background, in
//! WASM), instead of walking the DOM from the content script.
//!
//! Not an HTML parser: a scanner for exactly the grammar the HTML fragment
//! serializer writes (every element closed unless void, attributes always
//! `name="…"`, text escaped with `&amp; &lt; &gt; &quot; &nbsp;` but in
//! raw-text elements), which refuses anything else ([`Unparsed`]), so the
//! extension falls back to reading the DOM. Linear: every search moves
//! forward.

use crate::collect::{Attrs, Collector};

/// Elements the HTML serializer writes without an end tag.
const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "basefont", "bgsound", "frame", "keygen", "param",
];
/// Elements holding only text, which the serializer writes unescaped
/// (`<noscript>` only when scripting is on)...
const RAW_TAGS: &[&str] = &[
    "script",
    "style",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
    "noscript",
];
/// ...or escaped.
const RCDATA_TAGS: &[&str] = &["title", "textarea"];

/// Why a serialization does not give the tree the DOM has.
#[derive(Debug, PartialEq, Eq)]
pub struct Unparsed(pub &'static str);

impl std::fmt::Display for Unparsed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not a serialization: {}", self.0)
    }
}

/// Text as the serializer escaped it, unescaped.
fn decode(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let hit = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&nbsp;", '\u{a0}'),
        ]
        .into_iter()
        .find(|(e, _)| rest.starts_with(e));
        match hit {
            Some((e, c)) => {
                out.push(c);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// An element's attributes as serialized: ` name="value"`*, parsed on demand.
struct SerializedAttrs<'a> {
    list: Vec<(&'a str, std::borrow::Cow<'a, str>)>,
}

impl<'a> SerializedAttrs<'a> {
    /// `raw` starts at the space before the first name. A name is not empty,
    /// and may hold '"' (and '=' first) when the HTML parser made it:
    /// `<p a"b=1>` has an attribute `a"b`. The first of a name wins.
    fn parse(raw: &'a str) -> Self {
        let mut list: Vec<(&str, std::borrow::Cow<'_, str>)> = Vec::new();
        let mut p = 0;
        while let Some(eq) = raw
            .get(p + 2..)
            .and_then(|r| r.find("=\""))
            .map(|i| i + p + 2)
        {
            let Some(q) = raw[eq + 2..].find('"').map(|i| i + eq + 2) else {
                break;
            };
            let key = &raw[p + 1..eq];
            if !list.iter().any(|(k, _)| *k == key) {
                list.push((key, decode(&raw[eq + 2..q])));
            }
            p = q + 1;
        }
        SerializedAttrs { list }
    }
}

impl Attrs for SerializedAttrs<'_> {
    fn attr(&self, name: &str) -> Option<&str> {
        self.list
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_ref())
    }
}

/// Feeds a serialization to `c` as the DOM it came from would be fed; the
/// number of elements (as `getElementsByTagName('*')` counts them: not a
/// `<template>`'s content, which is no part of the document and not fed).
/// `noscript_raw`: `<noscript>` holds text (scripting was on, and no script
/// put elements there).
pub fn feed(html: &str, noscript_raw: bool, c: &mut Collector) -> Result<u32, Unparsed> {
    let b = html.as_bytes();
    let n = b.len();
    let mut tags: Vec<&str> = Vec::new();
    let mut inert = 0u32; // inside <template>
    let mut foreign = 0u32; // inside <svg> or <math>: no void elements, text escaped
    let mut count = 0u32;
    let mut pos = 0;
    let find =
        |from: usize, pat: &str| html.get(from..).and_then(|r| r.find(pat)).map(|i| i + from);
    while pos < n {
        let lt = find(pos, "<");
        let text_end = lt.unwrap_or(n);
        if text_end > pos && inert == 0 {
            c.text(&decode(&html[pos..text_end]));
        }
        let Some(lt) = lt else { break };
        let next = b.get(lt + 1).copied();
        if next == Some(b'/') {
            // "</tag>"
            let gt = find(lt, ">").ok_or(Unparsed("end tag"))?;
            let tag = tags.pop().ok_or(Unparsed("end tag"))?;
            if &html[lt + 2..gt] != tag {
                return Err(Unparsed("end tag"));
            }
            if tag == "template" {
                inert -= 1;
            } else if tag == "svg" || tag == "math" {
                foreign -= 1;
            }
            if inert == 0 {
                c.close(tag);
            }
            pos = gt + 1;
            continue;
        }
        if next == Some(b'!') || next == Some(b'?') {
            // A comment (its data cannot hold "-->" once parsed), or a
            // processing instruction: no part of the text.
            let end = if html[lt + 1..].starts_with("!--") {
                find(lt + 4, "-->").map(|e| e + 3)
            } else {
                find(lt, ">").map(|e| e + 1)
            };
            pos = end.ok_or(Unparsed("comment"))?;
            continue;
        }
        // "<tag" then ` name="value"`*, then ">".
        let mut p = lt + 1;
        while p < n && b[p] != b' ' && b[p] != b'>' {
            p += 1;
        }
        let tag = &html[lt + 1..p];
        let attr_start = p;
        while p < n && b[p] == b' ' {
            let eq = find(p + 2, "=\"");
            let q = eq.and_then(|eq| find(eq + 2, "\""));
            p = q.ok_or(Unparsed("attribute"))? + 1;
        }
        if tag.is_empty() || b.get(p) != Some(&b'>') {
            return Err(Unparsed("start tag"));
        }
        pos = p + 1;
        let is_void = foreign == 0 && VOID_TAGS.contains(&tag);
        let raw_text = RAW_TAGS.contains(&tag);
        let raw = !is_void
            && (if raw_text {
                noscript_raw || tag != "noscript"
            } else {
                RCDATA_TAGS.contains(&tag)
            });
        if inert == 0 {
            count += 1;
            c.open(tag, &SerializedAttrs::parse(&html[attr_start..p]));
        }
        if raw {
            // Text only, to the end tag (to the end for <plaintext>); escaped
            // but in raw-text elements outside <svg>/<math>.
            let close = format!("</{tag}>");
            let end = if tag == "plaintext" {
                Some(n)
            } else {
                find(pos, &close)
            };
            let end = end.ok_or(Unparsed("text element"))?;
            let t = &html[pos..end];
            if inert == 0 {
                if !t.is_empty() {
                    if raw_text && foreign == 0 {
                        c.text(t);
                    } else {
                        c.text(&decode(t));
                    }
                }
                c.close(tag);
            }
            pos = (end + close.len()).min(n);
            continue;
        }
        if is_void {
            if inert == 0 {
                c.close(tag);
            }
            continue;
        }
        if tag == "template" {
            inert += 1;
        } else if tag == "svg" || tag == "math" {
            foreign += 1;
        }
        tags.push(tag);
    }
    if !tags.is_empty() {
        return Err(Unparsed("unclosed"));
    }
    Ok(count)
}
