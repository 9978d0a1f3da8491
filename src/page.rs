//! The input of an analysis: a page as a list of text blocks.
//!
//! The extension's content script and the CLI's HTML reader build exactly this
//! shape by the same walk over the DOM (see `extension/content/collect.js` and
//! `src/html.rs`): every *leaf block* (a block-level element with text and no
//! block-level element below it) becomes one [`Block`], and every element on a
//! block's ancestor path becomes one [`Element`], stored once and referred to
//! by index. The core decides everything else (which blocks are article text,
//! which repeat what) from these facts alone.

use serde::{Deserialize, Serialize};

/// A page: its blocks in document order, the elements on their ancestor
/// paths, and what the page says about itself.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Page {
    /// The page's address, if known. Only its host is ever used (for nothing
    /// but display); it is never fetched.
    pub url: String,
    /// The document title (`<title>`).
    pub title: String,
    /// The language from `<html lang>`, if any.
    pub lang: String,
    /// Publication date candidates found in the page's metadata, in document
    /// order, as written: `meta:<name>=<content>` for `<meta>` tags named in
    /// `html::DATE_META`, `jsonld:<value>` for JSON-LD `datePublished`, and
    /// `time:<datetime>` for `<time datetime>`.
    pub dates: Vec<String>,
    /// Ancestor elements of blocks, referred to by [`Block::path`].
    pub elements: Vec<Element>,
    /// The leaf text blocks in document order.
    pub blocks: Vec<Block>,
}

/// An element on the ancestor path of one or more blocks.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Element {
    /// Lower-case tag name (`div`, `article`, `nav`, …).
    pub tag: String,
    /// `id`, `class`, `role` and `itemprop` attribute values, lower-cased,
    /// space-separated, cut at [`MAX_HINTS`] characters.
    pub hints: String,
}

/// One leaf text block: a paragraph, heading, list item, cell, caption…
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Block {
    /// Lower-case tag name of the block's element.
    pub tag: String,
    /// The block's own `id`/`class`/`role`/`itemprop` hints, as in [`Element::hints`].
    pub hints: String,
    /// The text exactly as the DOM holds it: its text nodes concatenated in
    /// order (script, style, template and noscript skipped), with a `\n` for
    /// each `<br>`. Offsets in the report are UTF-16 offsets into this string.
    pub text: String,
    /// Whether the reader can see the block (rendered, not `display:none`,
    /// not `visibility:hidden`, not `hidden`).
    pub visible: bool,
    /// UTF-16 length of the part of `text` that lies inside links (`<a href>`).
    pub link_chars: u32,
    /// Indices into [`Page::elements`] of the block's ancestors, outermost
    /// first, at most [`MAX_PATH`] of them (the innermost ones).
    pub path: Vec<u32>,
}

/// Longest hint string kept per element, in characters; longer class lists are cut.
pub const MAX_HINTS: usize = 160;
/// Deepest ancestor path kept per block: the innermost ancestors are the
/// ones that matter, and a cap keeps hostile, deeply nested markup linear.
pub const MAX_PATH: usize = 40;

impl Block {
    /// A visible block with no ancestors: the shape tests and plain-text input use.
    pub fn new(tag: &str, text: &str) -> Block {
        Block {
            tag: tag.to_string(),
            text: text.to_string(),
            visible: true,
            ..Block::default()
        }
    }
}

impl Page {
    /// A page of visible paragraphs under one `<article>`: how plain text
    /// (one paragraph per line) enters the analysis.
    pub fn from_paragraphs<S: AsRef<str>>(paragraphs: &[S]) -> Page {
        let mut page = Page {
            elements: vec![Element {
                tag: "article".into(),
                hints: String::new(),
            }],
            ..Page::default()
        };
        for p in paragraphs {
            let mut b = Block::new("p", p.as_ref());
            b.path = vec![0];
            page.blocks.push(b);
        }
        page
    }

    /// Plain text in, one block per non-empty line.
    pub fn from_text(text: &str) -> Page {
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        Page::from_paragraphs(&lines)
    }
}
