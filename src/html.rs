//! HTML → [`Page`], for the command-line tool (feature `cli`).
//!
//! Parses the document with a spec-compliant HTML parser (html5ever, the
//! algorithm browsers use) and feeds its tree, in document order, to the
//! one collection rule, [`crate::collect::Collector`]: the same rule the
//! extension applies to the page in the browser.
//!
//! The CLI cannot run CSS, so "visible" here means what the attributes say
//! (see [`crate::collect`]). The browser uses the real computed style.

use scraper::{Html, Node};

pub use crate::collect::{hints_of, json_ld_dates, DATE_META, INLINE_TAGS, SKIP_TAGS};
use crate::collect::{Attrs, Collector};
use crate::page::Page;

impl Attrs for scraper::node::Element {
    fn attr(&self, name: &str) -> Option<&str> {
        scraper::node::Element::attr(self, name)
    }
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

/// An element's name in lower case: as html5ever gives it but for the
/// camel-cased SVG names (`foreignObject`), so without a copy for nearly
/// every element.
fn lower(name: &str) -> std::borrow::Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        name.to_ascii_lowercase().into()
    } else {
        name.into()
    }
}

/// Parses an HTML document into a [`Page`].
pub fn page_from_html(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let mut c = Collector::new();
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(el) => c.open(&lower(el.name()), el),
                Node::Text(t) => c.text(t),
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    c.close(&lower(el.name()));
                }
            }
        }
    }
    c.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::MAX_PATH;

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
