//! HTML → [`Page`], for the command-line tool (feature `cli`).
//!
//! Parses the document with a spec-compliant HTML parser (html5ever, the
//! algorithm browsers use) and feeds its tree, in document order, to the
//! one collection rule, [`crate::collect::Collector`]: the same rule the
//! extension applies to the page in the browser.
//!
//! The CLI cannot run CSS, so "visible" here means what the attributes say
//! (see [`crate::collect`]). The browser uses the real computed style.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use ego_tree::{NodeId, Tree};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{expanded_name, local_name, ns, Attribute, QualName};

pub use crate::collect::{hints_of, json_ld_dates, DATE_META, INLINE_TAGS, SKIP_TAGS};
use crate::collect::{Attrs, Collector};
use crate::page::Page;

/// A node of the parsed document: only what the collector reads.
enum Node {
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
    },
    Text(StrTendril),
    /// The document, a template's contents, a comment, a doctype: no
    /// text of their own (a template's contents are its child).
    Other,
}

/// An element's attributes as the parser gave them (duplicates already
/// dropped), looked up in place: no attribute name made an atom per
/// lookup, no sorting per element.
struct ElementAttrs<'a>(&'a [Attribute]);

impl Attrs for ElementAttrs<'_> {
    fn attr(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|a| a.name.prefix.is_none() && a.name.ns == ns!() && &*a.name.local == name)
            .map(|a| &*a.value)
    }
}

/// The tree html5ever builds, as scraper's `HtmlTreeSink` builds it (the
/// same nodes in the same places; a template's contents a child of the
/// template) but lighter: attributes kept as given, and text not merged
/// into the text node before it (the collector concatenates text events
/// anyway), so no text is copied.
struct Sink(RefCell<Tree<Node>>);

impl TreeSink for Sink {
    type Output = Tree<Node>;
    type Handle = NodeId;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Tree<Node> {
        self.0.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn get_document(&self) -> NodeId {
        self.0.borrow().root().id()
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.0.borrow(), |t| {
            match t.get(*target).map(|n| n.value()) {
                Some(Node::Element { name, .. }) => name,
                _ => panic!("elem_name of a node that is no element"),
            }
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> NodeId {
        let template = name.expanded() == expanded_name!(html "template");
        let mut tree = self.0.borrow_mut();
        let mut node = tree.orphan(Node::Element { name, attrs });
        if template {
            node.append(Node::Other);
        }
        node.id()
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.0.borrow_mut().orphan(Node::Other).id()
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.0.borrow_mut().orphan(Node::Other).id()
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        self.0.borrow_mut().root_mut().append(Node::Other);
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let mut tree = self.0.borrow_mut();
        let mut parent = tree.get_mut(*parent).expect("a node of this tree");
        match child {
            NodeOrText::AppendNode(id) => {
                parent.append_id(id);
            }
            NodeOrText::AppendText(text) => {
                parent.append(Node::Text(text));
            }
        }
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut tree = self.0.borrow_mut();
        if let NodeOrText::AppendNode(id) = new_node {
            tree.get_mut(id).expect("a node of this tree").detach();
        }
        let mut sibling = tree.get_mut(*sibling).expect("a node of this tree");
        if sibling.parent().is_some() {
            match new_node {
                NodeOrText::AppendNode(id) => {
                    sibling.insert_id_before(id);
                }
                NodeOrText::AppendText(text) => {
                    sibling.insert_before(Node::Text(text));
                }
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self
            .0
            .borrow()
            .get(*element)
            .is_some_and(|n| n.parent().is_some());
        if has_parent {
            self.append_before_sibling(element, child)
        } else {
            self.append(prev_element, child)
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.0
            .borrow_mut()
            .get_mut(*target)
            .expect("a node of this tree")
            .detach();
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.0
            .borrow_mut()
            .get_mut(*new_parent)
            .expect("a node of this tree")
            .reparent_from_id_append(*node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, add: Vec<Attribute>) {
        let mut tree = self.0.borrow_mut();
        let mut node = tree.get_mut(*target).expect("a node of this tree");
        if let Node::Element { attrs, .. } = node.value() {
            for a in add {
                if !attrs.iter().any(|b| b.name == a.name) {
                    attrs.push(a);
                }
            }
        }
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.0
            .borrow()
            .get(*target)
            .and_then(|n| n.first_child())
            .expect("a template has its contents")
            .id()
    }
}

/// Decodes HTML bytes: BOM, then `<meta charset>` in the first 1024 bytes,
/// else UTF-8 (invalid bytes become U+FFFD rather than an error).
pub fn decode(bytes: &[u8]) -> String {
    decode_cow(bytes).into_owned()
}

/// [`decode`], borrowing `bytes` when they are the text already (valid
/// UTF-8, or ASCII in an ASCII-compatible charset): most pages, which a
/// batch then parses without a copy of each.
pub fn decode_cow(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode(bytes).0;
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
            return enc.decode_without_bom_handling(bytes).0;
        }
    }
    String::from_utf8_lossy(bytes)
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
    let sink = Sink(RefCell::new(Tree::new(Node::Other)));
    let tree = html5ever::parse_document(sink, Default::default()).one(html);
    let mut c = Collector::new();
    for edge in tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element { name, attrs } => c.open(&lower(&name.local), &ElementAttrs(attrs)),
                Node::Text(t) => c.text(t),
                Node::Other => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element { name, .. } = node.value() {
                    c.close(&lower(&name.local));
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

    /// The page as scraper's tree gave it (the CLI's parser before
    /// `Sink`): the reference the light tree must equal.
    fn via_scraper(html: &str) -> Page {
        struct El<'a>(&'a scraper::node::Element);
        impl Attrs for El<'_> {
            fn attr(&self, name: &str) -> Option<&str> {
                self.0.attr(name)
            }
        }
        let doc = scraper::Html::parse_document(html);
        let mut c = Collector::new();
        for edge in doc.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(node) => match node.value() {
                    scraper::Node::Element(el) => c.open(&lower(el.name()), &El(el)),
                    scraper::Node::Text(t) => c.text(t),
                    _ => {}
                },
                ego_tree::iter::Edge::Close(node) => {
                    if let scraper::Node::Element(el) = node.value() {
                        c.close(&lower(el.name()));
                    }
                }
            }
        }
        c.finish()
    }

    /// Every rule of the tree builder that moves, merges or reopens nodes
    /// gives the same page through the light tree as through scraper's.
    #[test]
    fn the_light_tree_gives_the_page_scraper_gave() {
        let cases = [
            // Foster parenting: text and elements inside a table but outside cells.
            "<table>stray text<tr><td>cell</td></tr><p>fostered</p> more</table>",
            "<table><tr>x<td>a</td>y</tr></table>",
            // The adoption agency: misnested formatting elements.
            "<p><b>bold <i>both</b> italic</i> plain</p><p>1<b>2<a href=/x>3</b>4</a>5</p>",
            "<b><p>one</b>two</p><div><a href=/y>x<div>in</div>y</a></div>",
            // Implied end tags, a second <html> and <body> adding attributes.
            "<p>one<p>two<li>three<li>four<dd>five<dt>six",
            "<html lang=en><body class=a><p>x</p><html lang=de hidden><body class=b id=z><p>y</p>",
            // A template's contents, a title and a date inside skipped subtrees.
            "<template><p>not shown</p><title>T</title></template><p>shown</p>",
            "<head><title>A  title</title><meta name=date content=2020-01-02></head><p>z</p>",
            // Foreign content and its namespaced attributes.
            "<svg><a xlink:href=/x>s</a><foreignObject><p>in svg</p></foreignObject></svg><p>after</p>",
            "<math><mi>x</mi><annotation-xml encoding=text/html><p>m</p></annotation-xml></math><p>q</p>",
            // Duplicate attributes (the first wins), entities, NULs and CRs in text.
            "<p class=one class=two hidden=no>a &amp; b&nbsp;c\0d\r\ne</p><p style='display:none' style=''>h</p>",
            // Links, <br>, whitespace-only text between blocks, a frameset.
            "<div> <a href=/l>link</a> text<br>next <span> </span></div>\n\t<div>\u{a0}</div>",
            "<frameset><frame src=a></frameset><p>after frameset</p>",
            "<noscript><p>no script</p></noscript><select><option>o</option></select><p>w</p>",
            "<plaintext><p>all text",
        ];
        for html in cases {
            assert_eq!(page_from_html(html), via_scraper(html), "{html}");
        }
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
