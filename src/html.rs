//! HTML → [`Page`], for the command-line tool (feature `cli`).
//!
//! Builds the same block list the extension's content script builds from the
//! live DOM (`extension/content/collect.js`), by the same rules, over a tree
//! from a spec-compliant HTML parser (html5ever, the algorithm browsers use):
//!
//! * subtrees of [`SKIP_TAGS`] are ignored entirely;
//! * every element not in [`INLINE_TAGS`] is block-level;
//! * a *leaf block* is a block-level element with non-blank text and no
//!   block-level descendant that has non-blank text; its text is its text
//!   nodes in order, with `\n` for each `<br>`;
//! * the block's path is its ancestor elements, the innermost
//!   [`MAX_PATH`](crate::page::MAX_PATH) of them.
//!
//! The CLI cannot run CSS, so "visible" here means: no `hidden` attribute
//! and no inline `display:none` / `visibility:hidden` on the block or an
//! ancestor. The browser uses the real computed style.
//!
//! The walk is iterative (no recursion), so deeply nested markup cannot
//! overflow the stack, and text is gathered in one buffer, so the cost is
//! linear in the size of the document.

use scraper::{Html, Node};

use crate::page::{Block, Element, Page, MAX_HINTS, MAX_PATH};

/// Elements whose whole subtree holds no readable text.
pub const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "head", "iframe", "object", "embed",
    "select", "option", "optgroup", "datalist", "textarea", "input", "button", "canvas", "video",
    "audio", "title", "meta", "link", "map",
];

/// Elements that flow inside a block rather than making one.
pub const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn",
    "em", "font", "i", "img", "ins", "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s",
    "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    "output", "meter", "progress", "picture", "source", "slot",
];

/// `<meta>` names and properties that carry the publication date, in order of
/// trust (`og:url` only through a date in its path: `…/2015/03/18/…`).
pub const DATE_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "publication_date",
    "cxenseparse:recs:publishtime",
    "og:url",
];

struct Frame {
    block_level: bool,
    hidden: bool,
    is_link: bool,
    /// Where this element's text starts in the shared buffer.
    text_start: usize,
    link_start: u32,
    /// A block-level descendant had non-blank text.
    has_block: bool,
    tag: String,
    hints: String,
    el_index: Option<u32>,
}

/// Lower-cased `id class role itemprop`, whitespace runs collapsed, cut at
/// [`MAX_HINTS`] characters (code points, as the JavaScript side counts).
pub fn hints_of(attrs: [Option<&str>; 4]) -> String {
    let mut s = String::new();
    for v in attrs.into_iter().flatten() {
        let v = v.trim();
        if v.is_empty() {
            continue;
        }
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&v.to_lowercase());
    }
    // Collapse inner whitespace runs as the DOM's className would show them.
    let mut out = String::with_capacity(s.len());
    let mut sp = false;
    let mut count = 0;
    for c in s.chars() {
        if c.is_whitespace() {
            sp = true;
            continue;
        }
        if sp && !out.is_empty() {
            out.push(' ');
        }
        sp = false;
        if count == MAX_HINTS {
            break;
        }
        count += 1;
        out.push(c);
    }
    out
}

fn style_hides(style: &str) -> bool {
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// Decodes HTML bytes: BOM, then `<meta charset>` in the first 1024 bytes,
/// else UTF-8 (invalid bytes become U+FFFD rather than an error).
pub fn decode(bytes: &[u8]) -> String {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode(bytes).0.into_owned();
    }
    let head = &bytes[..bytes.len().min(1024)];
    let head_lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    if let Some(pos) = find(&head_lower, b"charset=") {
        let rest = &head[pos + 8..];
        let rest: Vec<u8> = rest
            .iter()
            .copied()
            .skip_while(|&c| c == b'"' || c == b'\'')
            .take_while(|&c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
            .collect();
        if let Some(enc) = encoding_rs::Encoding::for_label(&rest) {
            // NOTE: as browsers do, a UTF-16 label in a byte stream means UTF-8.
            let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                encoding_rs::UTF_8
            } else {
                enc
            };
            return enc.decode_without_bom_handling(bytes).0.into_owned();
        }
    }
    String::from_utf8_lossy(bytes).into_owned()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Parses an HTML document into a [`Page`].
pub fn page_from_html(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let mut page = Page::default();
    let mut buf = String::with_capacity(html.len() / 4);
    let mut link_chars: u32 = 0;
    let mut link_depth = 0u32;
    let mut stack: Vec<Frame> = Vec::new();
    let mut skip_depth = 0u32;
    let mut in_title = false;

    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let tag = el.name().to_ascii_lowercase();
                    if skip_depth > 0 || SKIP_TAGS.contains(&tag.as_str()) {
                        skip_depth += 1;
                        match tag.as_str() {
                            "title" if page.title.is_empty() => in_title = true,
                            "meta" => meta_date(el, &mut page),
                            "script" if el.attr("type").is_some_and(|t| t.contains("ld+json")) => {
                                let text: String = node
                                    .children()
                                    .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                                    .collect();
                                json_ld_dates(&text, &mut page);
                            }
                            _ => {}
                        }
                        continue;
                    }
                    if tag == "html" {
                        if let Some(l) = el.attr("lang") {
                            page.lang = l.to_string();
                        }
                    }
                    if tag == "time" {
                        if let Some(d) = el.attr("datetime") {
                            page.dates.push(format!("time:{}", d.trim()));
                        }
                    }
                    if tag == "br" {
                        buf.push('\n');
                        continue;
                    }
                    let parent_hidden = stack.last().is_some_and(|f| f.hidden);
                    let hidden = parent_hidden
                        || el.attr("hidden").is_some()
                        || el.attr("style").is_some_and(style_hides)
                        || (tag == "dialog" && el.attr("open").is_none());
                    let is_link = tag == "a" && el.attr("href").is_some();
                    if is_link {
                        link_depth += 1;
                    }
                    stack.push(Frame {
                        block_level: !INLINE_TAGS.contains(&tag.as_str()),
                        hidden,
                        is_link,
                        text_start: buf.len(),
                        link_start: link_chars,
                        has_block: false,
                        hints: hints_of([
                            el.attr("id"),
                            el.attr("class"),
                            el.attr("role"),
                            el.attr("itemprop"),
                        ]),
                        tag,
                        el_index: None,
                    });
                }
                Node::Text(t) => {
                    if in_title {
                        page.title.push_str(t);
                    }
                    if skip_depth == 0 && !stack.is_empty() {
                        buf.push_str(t);
                        if link_depth > 0 {
                            link_chars += t.encode_utf16().count() as u32;
                        }
                    }
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                let Node::Element(el) = node.value() else {
                    continue;
                };
                if skip_depth > 0 {
                    skip_depth -= 1;
                    if el.name().eq_ignore_ascii_case("title") {
                        in_title = false;
                    }
                    continue;
                }
                if el.name().eq_ignore_ascii_case("br") {
                    continue;
                }
                let Some(frame) = stack.pop() else { continue };
                if frame.is_link {
                    link_depth -= 1;
                }
                if !frame.block_level {
                    if frame.has_block {
                        if let Some(p) = stack.last_mut() {
                            p.has_block = true;
                        }
                    }
                    continue;
                }
                let text = &buf[frame.text_start..];
                let has_text = !text.trim().is_empty();
                if has_text && !frame.has_block {
                    let path = path_of(&mut stack, &mut page.elements);
                    page.blocks.push(Block {
                        tag: frame.tag,
                        hints: frame.hints,
                        text: text.to_string(),
                        visible: !frame.hidden,
                        link_chars: link_chars - frame.link_start,
                        path,
                    });
                }
                if has_text || frame.has_block {
                    if let Some(p) = stack.last_mut() {
                        p.has_block = true;
                    }
                }
            }
        }
    }
    page.title = page.title.split_whitespace().collect::<Vec<_>>().join(" ");
    page
}

fn path_of(stack: &mut [Frame], elements: &mut Vec<Element>) -> Vec<u32> {
    let from = stack.len().saturating_sub(MAX_PATH);
    stack[from..]
        .iter_mut()
        .map(|f| {
            *f.el_index.get_or_insert_with(|| {
                elements.push(Element {
                    tag: f.tag.clone(),
                    hints: f.hints.clone(),
                });
                (elements.len() - 1) as u32
            })
        })
        .collect()
}

fn meta_date(el: &scraper::node::Element, page: &mut Page) {
    let key = el
        .attr("property")
        .or_else(|| el.attr("name"))
        .or_else(|| el.attr("itemprop"))
        .unwrap_or("")
        .to_ascii_lowercase();
    if DATE_META.contains(&key.as_str()) {
        if let Some(c) = el.attr("content") {
            page.dates.push(format!("meta:{key}={}", c.trim()));
        }
    }
}

/// Picks `"datePublished": "…"` out of JSON-LD without a JSON parser: the
/// blocks are often invalid JSON, and only this one value is wanted.
pub fn json_ld_dates(text: &str, page: &mut Page) {
    let mut rest = text;
    while let Some(pos) = rest.find("\"datePublished\"") {
        rest = &rest[pos + 15..];
        let after = rest.trim_start().strip_prefix(':').map(str::trim_start);
        if let Some(v) = after.and_then(|a| a.strip_prefix('"')) {
            if let Some(end) = v.find('"') {
                page.dates.push(format!("jsonld:{}", &v[..end]));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Row = (String, String, bool);

    fn blocks(html: &str) -> Vec<Row> {
        page_from_html(html)
            .blocks
            .into_iter()
            .map(|b| (b.tag, b.text, b.visible))
            .collect()
    }

    fn b(tag: &str, text: &str) -> Row {
        (tag.into(), text.into(), true)
    }

    #[test]
    fn leaf_blocks_in_document_order() {
        let cases: &[(&str, Vec<Row>)] = &[
            (
                "<p>One <b>two</b></p><p>three</p>",
                vec![b("p", "One two"), b("p", "three")],
            ),
            (
                "<div>Loose text<br>next line</div>",
                vec![b("div", "Loose text\nnext line")],
            ),
            (
                "<ul><li><p>a</p><p>b</p></li></ul>",
                vec![b("p", "a"), b("p", "b")],
            ),
            (
                "<blockquote class=pullquote><p>Quoted</p></blockquote>",
                vec![b("p", "Quoted")],
            ),
            (
                "<p>x<script>var a=1</script><style>p{}</style>y</p>",
                vec![b("p", "xy")],
            ),
            ("<div><div> </div>text</div>", vec![b("div", " text")]),
            ("<p>   </p><h1>Title</h1>", vec![b("h1", "Title")]),
            (
                "<table><tr><td>cell</td><th>head</th></tr></table>",
                vec![b("td", "cell"), b("th", "head")],
            ),
        ];
        for (html, want) in cases {
            assert_eq!(&blocks(html), want, "{html}");
        }
    }

    #[test]
    fn hidden_and_links() {
        let p = page_from_html(
            r#"<p hidden>a</p><div style="display: none"><p>b</p></div><p>see <a href="/x">this link</a></p>"#,
        );
        let vis: Vec<bool> = p.blocks.iter().map(|b| b.visible).collect();
        assert_eq!(vis, vec![false, false, true]);
        assert_eq!(p.blocks[2].link_chars, 9);
    }

    #[test]
    fn paths_and_hints() {
        let p = page_from_html(
            r#"<body><article id="Main" class="story  Body"><p class="lead">Hi</p></article></body>"#,
        );
        let blk = &p.blocks[0];
        assert_eq!(blk.hints, "lead");
        let tags: Vec<&str> = blk
            .path
            .iter()
            .map(|&e| p.elements[e as usize].tag.as_str())
            .collect();
        assert_eq!(tags, vec!["html", "body", "article"]);
        assert_eq!(p.elements[blk.path[2] as usize].hints, "main story body");
    }

    #[test]
    fn metadata() {
        let p = page_from_html(
            r#"<html lang="en"><head><title> A  title </title><meta property="article:published_time" content="2013-11-05T10:00:00Z">
            <script type="application/ld+json">{"datePublished": "2013-11-05"}</script></head><body><p>x</p></body></html>"#,
        );
        assert_eq!(p.title, "A title");
        assert_eq!(p.lang, "en");
        assert_eq!(
            p.dates,
            vec![
                "meta:article:published_time=2013-11-05T10:00:00Z",
                "jsonld:2013-11-05"
            ]
        );
    }

    #[test]
    fn charset_from_meta() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("<meta charset=gb2312><p>北京</p>");
        assert!(decode(&bytes).contains("北京"));
        assert_eq!(decode("<p>ok</p>".as_bytes()), "<p>ok</p>");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "{}<p>deep</p>{}",
            "<div>".repeat(3_000),
            "</div>".repeat(3_000)
        );
        let p = page_from_html(&html);
        assert_eq!(p.blocks.len(), 1);
        assert!(p.blocks[0].path.len() <= MAX_PATH);
    }
}
