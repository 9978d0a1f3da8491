//! The collection rule: which parts of a page are its text blocks. Written
//! once, here, and fed by events (an element opens, text, an element
//! closes) from whatever reads the page: html5ever's tree in the CLI
//! ([`crate::html`]).
//!
//! * subtrees of [`SKIP_TAGS`] are ignored (but searched for the title, the
//!   `<meta>` dates and JSON-LD `datePublished`);
//! * every element not in [`INLINE_TAGS`] is block-level;
//! * a *leaf block* is a block-level element with non-blank text and no
//!   block-level descendant that has non-blank text; its text is its text
//!   nodes in order, with `\n` for each `<br>`;
//! * in an element that does hold such a descendant, each *loose run* (its
//!   own text, outside any block-level descendant, between two descendants
//!   with text) that is not blank is a block too, named by that element, in
//!   document order among the other blocks (as a browser lays such text out
//!   in an anonymous block box): the headline `<span>` beside a section
//!   label `<div>` in an `<h1>`, a link beside a kicker `<div>` in an `<li>`;
//! * the block's path is its ancestor elements, the innermost
//!   [`MAX_PATH`] of them;
//! * "visible" is what attributes say: no `hidden`, no inline
//!   `display:none` / `visibility:hidden`, no closed `<dialog>`, on the
//!   block or an ancestor. (The browser replaces it with the computed style.)
//!
//! Every event costs constant work but for the text it carries, and text
//! is gathered in one buffer, so collecting is linear in the document;
//! nothing recurses, so deep nesting cannot overflow the stack.

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

/// Dossier's own elements, never part of the page's text: skipped like
/// [`SKIP_TAGS`]. (`<dossier-part>` wraps a folded part of the page's own
/// text: it is read like a `<span>`.)
pub const OWN_TAGS: &[&str] = &["dossier-fold", "dossier-sidebar"];

/// `tag` is in [`SKIP_TAGS`] or [`OWN_TAGS`]: one `match` (a few byte
/// comparisons) where searching the lists compared with each of them, for
/// every element of the page.
fn is_skipped(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "head"
            | "iframe"
            | "object"
            | "embed"
            | "select"
            | "option"
            | "optgroup"
            | "datalist"
            | "textarea"
            | "input"
            | "button"
            | "canvas"
            | "video"
            | "audio"
            | "title"
            | "meta"
            | "link"
            | "map"
            | "dossier-fold"
            | "dossier-sidebar"
    )
}

/// `tag` is in [`INLINE_TAGS`] (as [`is_skipped`], one `match`).
fn is_inline(tag: &str) -> bool {
    matches!(
        tag,
        "a" | "abbr"
            | "acronym"
            | "b"
            | "bdi"
            | "bdo"
            | "big"
            | "br"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "img"
            | "ins"
            | "kbd"
            | "label"
            | "mark"
            | "nobr"
            | "q"
            | "rp"
            | "rt"
            | "ruby"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strike"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "tt"
            | "u"
            | "var"
            | "wbr"
            | "output"
            | "meter"
            | "progress"
            | "picture"
            | "source"
            | "slot"
    )
}

/// A block's element, for the extension to find it in the DOM.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockNode {
    /// The element's place among the elements [`Collector::open`] was
    /// given, from 0 (document order).
    pub index: u32,
    /// It carries `data-dossier-folded`: Dossier folded it (so it is
    /// visible to the reader, whatever its style says now).
    pub folded: bool,
    /// `None`: the block's text is all of its element's text. For a loose
    /// run: where it starts in the element's own text (its text nodes and
    /// `<br>`s outside its block-level descendants, in order), in UTF-16
    /// code units, as the extension finds it in the DOM.
    pub own_from: Option<u32>,
}

/// An element's attributes, as the reader of the page has them.
pub trait Attrs {
    /// The value of attribute `name` (lower case), if the element has it.
    fn attr(&self, name: &str) -> Option<&str>;
}

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
    /// Its place among the elements opened.
    index: u32,
    /// It carries `data-dossier-folded`.
    folded: bool,
    /// The innermost block-level element open (its place in the stack):
    /// itself, or for an inline element its parent's.
    owner: usize,
    /// Its own text since the last block-level child with text closed.
    run: Option<Run>,
    /// Its own text before that run, in UTF-16 code units.
    own_units: u32,
}

/// A run of an element's own text beside its block-level children.
struct Run {
    /// Its place in document order among the blocks ([`Collector::keys`]).
    key: u64,
    /// [`Collector::text_closes`] when it began: a later value means a
    /// block-level child with text closed since, and the run is over.
    seen: u64,
    /// Its text in the shared buffer: the last piece, and those before it
    /// (apart only where a block-level child without text came between).
    start: usize,
    end: usize,
    before: Vec<(usize, usize)>,
    link_chars: u32,
    nonblank: bool,
}

/// Builds a [`Page`] from a page's events, in document order: [`open`]
/// for each element, [`text`] for each text node, [`close`] for each
/// element's end (also of void elements), then [`finish`].
///
/// [`open`]: Collector::open
/// [`text`]: Collector::text
/// [`close`]: Collector::close
/// [`finish`]: Collector::finish
#[derive(Default)]
pub struct Collector {
    page: Page,
    buf: String,
    link_chars: u32,
    link_depth: u32,
    stack: Vec<Frame>,
    /// Depth inside a skipped subtree (0: outside).
    skip_depth: u32,
    in_title: bool,
    /// Inside a JSON-LD `<script>`: its text so far.
    json_ld: Option<String>,
    /// Elements opened so far.
    opened: u32,
    /// Runs begun since the last element opened.
    runs_begun: u32,
    /// Per block, its place in document order: a leaf's is its element's
    /// (`index << 32`), a loose run's follows the last element opened before
    /// it began. A run's block is made when the run ends, after the blocks
    /// of the children that follow it: [`Collector::finish_with_nodes`]
    /// sorts them back into place, once (inserting each in place instead
    /// moved every later block, quadratic in a deep nest of such runs).
    keys: Vec<u64>,
    /// `keys` is not in order.
    unsorted: bool,
    /// Per block, its element.
    nodes: Vec<BlockNode>,
    /// Blocks past this many are dropped (0: no limit).
    max_blocks: usize,
    /// Where the last non-whitespace character of `buf` ends: an element's
    /// text (from its `text_start`) is blank unless this is past its start,
    /// so closing an element does not scan its text again.
    nonblank_end: usize,
    /// Block-level elements with non-blank text closed so far.
    text_closes: u64,
}

impl Collector {
    /// A collector for one page.
    pub fn new() -> Self {
        Self::default()
    }

    /// A collector that keeps the first `max_blocks` blocks only (a page's
    /// size cap; the rest are not collected).
    pub fn with_max_blocks(max_blocks: usize) -> Self {
        Collector {
            max_blocks,
            ..Self::default()
        }
    }

    /// An element opens: `tag` in lower case.
    pub fn open(&mut self, tag: &str, attrs: &impl Attrs) {
        let index = self.opened;
        self.opened += 1;
        self.runs_begun = 0;
        if self.skip_depth > 0 || is_skipped(tag) {
            self.skip_depth += 1;
            match tag {
                "title" if self.page.title.is_empty() => self.in_title = true,
                "meta" => meta_date(attrs, &mut self.page),
                "script" if attrs.attr("type").is_some_and(|t| t.contains("ld+json")) => {
                    self.json_ld = Some(String::new());
                }
                _ => {}
            }
            return;
        }
        if tag == "html" {
            if let Some(l) = attrs.attr("lang") {
                self.page.lang = l.to_string();
            }
        }
        if tag == "time" {
            if let Some(d) = attrs.attr("datetime") {
                self.page.dates.push(format!("time:{}", d.trim()));
            }
        }
        if tag == "br" {
            let start = self.buf.len();
            self.buf.push('\n');
            self.own_text(start, false, 0);
            return;
        }
        let parent_hidden = self.stack.last().is_some_and(|f| f.hidden);
        let block_level = !is_inline(tag) && tag != "dossier-part";
        let owner = match self.stack.last() {
            Some(p) if !block_level => p.owner,
            _ => self.stack.len(),
        };
        let hidden = parent_hidden
            || attrs.attr("hidden").is_some()
            || attrs.attr("style").is_some_and(style_hides)
            || (tag == "dialog" && attrs.attr("open").is_none());
        let is_link = tag == "a" && attrs.attr("href").is_some();
        if is_link {
            self.link_depth += 1;
        }
        self.stack.push(Frame {
            block_level,
            hidden,
            is_link,
            text_start: self.buf.len(),
            link_start: self.link_chars,
            has_block: false,
            hints: hints_of([
                attrs.attr("id"),
                attrs.attr("class"),
                attrs.attr("role"),
                attrs.attr("itemprop"),
            ]),
            tag: tag.to_string(),
            el_index: None,
            index,
            folded: attrs.attr("data-dossier-folded").is_some(),
            owner,
            run: None,
            own_units: 0,
        });
    }

    /// Text from `start` to the end of the buffer went to the innermost
    /// block-level element: the run of its own text grows, or a new one
    /// begins when a block-level child with text closed since the last one.
    fn own_text(&mut self, start: usize, nonblank: bool, link_chars: u32) {
        let Some(owner) = self.stack.last().map(|f| f.owner) else {
            return;
        };
        if self.stack[owner]
            .run
            .as_ref()
            .is_some_and(|r| r.seen != self.text_closes)
        {
            if let Some(run) = self.stack[owner].run.take() {
                self.loose_block(owner, run);
            }
        }
        if self.stack[owner].run.is_none() {
            self.runs_begun += 1;
            self.stack[owner].run = Some(Run {
                key: (u64::from(self.opened.saturating_sub(1)) << 32) | u64::from(self.runs_begun),
                seen: self.text_closes,
                start,
                end: start,
                before: Vec::new(),
                link_chars: 0,
                nonblank: false,
            });
        }
        let end = self.buf.len();
        let Some(run) = self.stack[owner].run.as_mut() else {
            return;
        };
        if run.end != start {
            run.before.push((run.start, run.end));
            run.start = start;
        }
        run.end = end;
        run.link_chars += link_chars;
        run.nonblank |= nonblank;
    }

    /// Run `run` of the element at `depth` in the stack (its ancestors are
    /// the stack below it) is a block, if it is not blank, at its place.
    fn loose_block(&mut self, depth: usize, run: Run) {
        let mut text = String::new();
        for &(a, b) in run.before.iter().chain([(run.start, run.end)].iter()) {
            text.push_str(&self.buf[a..b]);
        }
        let from = self.stack[depth].own_units;
        self.stack[depth].own_units += text.encode_utf16().count() as u32;
        let len = self.page.blocks.len();
        let full = self.max_blocks > 0 && len >= self.max_blocks;
        if !run.nonblank || full {
            return;
        }
        let path = path_of(&mut self.stack[..depth], &mut self.page.elements);
        let f = &self.stack[depth];
        let block = Block {
            tag: f.tag.clone(),
            hints: f.hints.clone(),
            text,
            visible: !f.hidden,
            link_chars: run.link_chars,
            path,
        };
        let node = BlockNode {
            index: f.index,
            folded: f.folded,
            own_from: Some(from),
        };
        self.push(run.key, block, node);
    }

    /// A text node.
    pub fn text(&mut self, t: &str) {
        if self.in_title {
            self.page.title.push_str(t);
        }
        if let Some(j) = &mut self.json_ld {
            j.push_str(t);
        }
        if self.skip_depth == 0 && !self.stack.is_empty() {
            let start = self.buf.len();
            let kept = t.trim_end().len();
            if kept > 0 {
                self.nonblank_end = start + kept;
            }
            self.buf.push_str(t);
            let mut units = 0;
            if self.link_depth > 0 {
                units = t.encode_utf16().count() as u32;
                self.link_chars += units;
            }
            self.own_text(start, kept > 0, units);
        }
    }

    /// The element `tag` (lower case) closes.
    pub fn close(&mut self, tag: &str) {
        if self.skip_depth > 0 {
            self.skip_depth -= 1;
            if tag == "title" {
                self.in_title = false;
            }
            if tag == "script" {
                if let Some(j) = self.json_ld.take() {
                    json_ld_dates(&j, &mut self.page);
                }
            }
            return;
        }
        if tag == "br" {
            return;
        }
        let Some(mut frame) = self.stack.pop() else {
            return;
        };
        if frame.is_link {
            self.link_depth -= 1;
        }
        if !frame.block_level {
            if frame.has_block {
                if let Some(p) = self.stack.last_mut() {
                    p.has_block = true;
                }
            }
            return;
        }
        // As `!text.trim().is_empty()`: `buf` only grows, and `text_start`
        // is a character boundary no character straddles.
        let has_text = self.nonblank_end > frame.text_start;
        if has_text {
            self.text_closes += 1;
        }
        if has_text || frame.has_block {
            if let Some(p) = self.stack.last_mut() {
                p.has_block = true;
            }
        }
        if frame.has_block {
            // Not a leaf: its last run of loose text, if any, is a block.
            if let Some(run) = frame.run.take() {
                let depth = self.stack.len();
                self.stack.push(frame);
                self.loose_block(depth, run);
                self.stack.pop();
            }
            return;
        }
        let full = self.max_blocks > 0 && self.page.blocks.len() >= self.max_blocks;
        if has_text && !full {
            let node = BlockNode {
                index: frame.index,
                folded: frame.folded,
                own_from: None,
            };
            let path = path_of(&mut self.stack, &mut self.page.elements);
            let block = Block {
                tag: frame.tag,
                hints: frame.hints,
                text: self.buf[frame.text_start..].to_string(),
                visible: !frame.hidden,
                link_chars: self.link_chars - frame.link_start,
                path,
            };
            self.push(u64::from(frame.index) << 32, block, node);
        }
    }

    /// A block, and its place in document order.
    fn push(&mut self, key: u64, block: Block, node: BlockNode) {
        if self.keys.last().is_some_and(|&k| k > key) {
            self.unsorted = true;
        }
        self.keys.push(key);
        self.page.blocks.push(block);
        self.nodes.push(node);
    }

    /// The page collected.
    pub fn finish(self) -> Page {
        self.finish_with_nodes().0
    }

    /// The page collected, and per block its element.
    pub fn finish_with_nodes(mut self) -> (Page, Vec<BlockNode>) {
        if self.unsorted {
            // Loose runs back before the blocks that followed them.
            let mut order: Vec<usize> = (0..self.keys.len()).collect();
            order.sort_by_key(|&i| self.keys[i]);
            let mut blocks: Vec<Option<Block>> = self.page.blocks.drain(..).map(Some).collect();
            let mut nodes: Vec<Option<BlockNode>> = self.nodes.drain(..).map(Some).collect();
            for i in order {
                self.page.blocks.extend(blocks[i].take());
                self.nodes.extend(nodes[i].take());
            }
        }
        self.page.title = self
            .page
            .title
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        (self.page, self.nodes)
    }
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

fn meta_date(attrs: &impl Attrs, page: &mut Page) {
    let key = attrs
        .attr("property")
        .or_else(|| attrs.attr("name"))
        .or_else(|| attrs.attr("itemprop"))
        .unwrap_or("")
        .to_ascii_lowercase();
    if DATE_META.contains(&key.as_str()) {
        if let Some(c) = attrs.attr("content") {
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

/// A DOM walk's events, packed (`walk()` in `extension/content/collect.js`,
/// the extension's fallback where a page's serialization cannot be read):
/// `nums` holds per event `1, tag, attributes, (name, value)*` (an element
/// opens; each a UTF-16 length into `text`, where the strings follow one
/// another), `2, length` (text) or `3` (the element closes).
pub fn feed_packed(text: &str, nums: &[u32], c: &mut Collector) -> Result<(), &'static str> {
    struct Cursor<'a> {
        rest: &'a str,
    }
    impl<'a> Cursor<'a> {
        /// The next `units` UTF-16 units of the text.
        fn take(&mut self, units: u32) -> Result<&'a str, &'static str> {
            let mut left = units as usize;
            let mut end = 0;
            for ch in self.rest.chars() {
                if left == 0 {
                    break;
                }
                left = left.checked_sub(ch.len_utf16()).ok_or("split surrogate")?;
                end += ch.len_utf8();
            }
            if left > 0 {
                return Err("text too short");
            }
            let (head, tail) = self.rest.split_at(end);
            self.rest = tail;
            Ok(head)
        }
    }
    struct List<'a>(Vec<(&'a str, &'a str)>);
    impl Attrs for List<'_> {
        fn attr(&self, name: &str) -> Option<&str> {
            self.0.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
        }
    }
    let mut cur = Cursor { rest: text };
    let mut open: Vec<&str> = Vec::new();
    let mut it = nums.iter().copied();
    while let Some(kind) = it.next() {
        let mut next = || it.next().ok_or("events cut short");
        match kind {
            1 => {
                let tag = cur.take(next()?)?;
                let n = next()?;
                let mut attrs = Vec::new();
                for _ in 0..n {
                    let (k, v) = (next()?, next()?);
                    attrs.push((cur.take(k)?, cur.take(v)?));
                }
                c.open(tag, &List(attrs));
                open.push(tag);
            }
            2 => c.text(cur.take(next()?)?),
            3 => c.close(open.pop().ok_or("close without open")?),
            _ => return Err("unknown event"),
        }
    }
    if !open.is_empty() {
        return Err("unclosed");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `match`es say what the lists say, for every tag of the lists
    /// and for tags of neither.
    #[test]
    fn the_tag_matches_are_the_lists() {
        for &t in SKIP_TAGS.iter().chain(OWN_TAGS) {
            assert!(is_skipped(t) && !is_inline(t), "{t}");
        }
        for &t in INLINE_TAGS {
            assert!(is_inline(t) && !is_skipped(t), "{t}");
        }
        let others = [
            "p",
            "div",
            "li",
            "td",
            "h1",
            "article",
            "html",
            "body",
            "dossier-part",
            "",
            "Script",
            "spans",
            "scrip",
            "aside",
            "dialog",
        ];
        for t in others {
            assert!(!is_skipped(t) && !is_inline(t), "{t}");
        }
    }

    /// Blank text (every kind of whitespace, `<br>`s) makes no block; any
    /// other character does, wherever it is in the element's text.
    #[test]
    fn blank_is_whitespace_of_every_kind() {
        struct NoAttrs;
        impl Attrs for NoAttrs {
            fn attr(&self, _: &str) -> Option<&str> {
                None
            }
        }
        let cases: &[(&[&str], bool)] = &[
            (&[" ", "\n\t"], false),
            (&["\u{a0}\u{3000}", " "], false),
            (&["x", "  "], true),
            (&["  ", "x"], true),
            (&["\u{2003}é\u{2003}"], true),
        ];
        for &(texts, block) in cases {
            let mut c = Collector::new();
            c.open("div", &NoAttrs);
            c.open("p", &NoAttrs);
            for t in texts {
                c.text(t);
                c.open("br", &NoAttrs);
                c.close("br");
            }
            c.close("p");
            c.close("div");
            let page = c.finish();
            assert_eq!(page.blocks.len(), usize::from(block), "{texts:?}");
            if block {
                assert_eq!(page.blocks[0].tag, "p", "{texts:?}");
            }
        }
    }
}
