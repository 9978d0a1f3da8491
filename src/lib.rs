//! # Dossier
//!
//! The core of the Dossier browser extension: given the text blocks of a
//! news page, it finds the paragraphs that repeat earlier text (so the
//! extension can fold them) and, in later stages, the article's entities and
//! facts. It is a plain Rust library with no browser types in its logic; the
//! only code that touches JavaScript values is the thin `wasm` module, built
//! for `wasm32` only.
//!
//! ```
//! use dossier::{analyze, Page};
//!
//! let page = Page::from_paragraphs(&[
//!     "Cambodia held a general election on July 28 and the ruling party won.",
//!     "The opposition said it would boycott parliament until the dispute ends.",
//!     "Cambodia held a general election on July 28 and the ruling party won.",
//! ]);
//! let report = analyze(&page);
//! assert_eq!(report.repeats.len(), 1);
//! assert_eq!(report.repeats[0].original, vec![0]);
//! assert_eq!(report.repeats[0].copies, vec![2]);
//! ```
//!
//! ## Where each rule lives
//!
//! Layers, each importing only the ones above it (`tests/module_graph.rs`
//! fails on an import loop):
//!
//! | module | what it holds |
//! |---|---|
//! | [`hash`], [`text`], [`lexicon`] | FNV hashing and word sets; tokens, folding and UTF-16 offsets; the word lists of `lexicon/*.txt` |
//! | [`page`], [`collect`], [`serialized`], `html` (CLI) | the input: blocks and elements; the one rule that turns a page into blocks, fed by a page's serialization, a packed DOM walk, or html5ever (CLI) |
//! | [`article`] | which blocks are article text, which are page furniture |
//! | [`repeats`] | repeated paragraphs: `compare` (shingles, coverage), `decide` (rules R1-R4, runs), `kinds` (decorative, boilerplate) |
//! | [`doc`] | the text the tagger and the fact extractors read: units, tokens, sentences, spans |
//! | [`ner`] | the entity tagger: tokens, features, gazetteers, model |
//! | [`entities`] | mentions to entities: `credits`, `truecase`, `group`, `roles` |
//! | [`facts`] | `dates` (a table of `matchers`), `quantities` (`numbers`), `quotes` (`marks`, `speaker`) |
//! | [`report`] | the report's types, one [`Span`] for every place in the page |
//! | [`pipeline`] | the stage order and [`Options`]: [`analyze`], [`analyze_with`] |
//! | [`feed`] | pages of several articles ([`article::segments`]): analysed story by story, and a page that appends stories analysed only in the new ones |
//! | [`packed`], `wasm` (wasm32) | the packed report and the WASM boundary |
#![deny(missing_docs, unsafe_code)]

pub mod article;
pub mod collect;
pub mod doc;
pub mod entities;
pub mod facts;
pub mod feed;
pub mod hash;
pub mod lang;
pub mod lexicon;
pub mod ner;
pub mod packed;
pub mod page;
pub mod pipeline;
pub mod repeats;
pub mod report;
pub mod serialized;
pub mod text;

#[cfg(feature = "cli")]
pub mod html;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
#[cfg(target_arch = "wasm32")]
pub mod wasm_memory;

pub use packed::{PackedReport, PACKED_REPORT_VERSION};
pub use page::{Block, Element, Page};
pub use pipeline::{analyze, analyze_with, Options};
pub use report::{
    BlockReport, DateFact, Entity, EntityType, Quantity, Quote, RepeatAction, RepeatGroup,
    RepeatKind, RepeatRole, Report, Span, Stats, SCHEMA_VERSION,
};
