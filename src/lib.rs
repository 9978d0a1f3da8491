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
#![deny(missing_docs, unsafe_code)]

pub mod article;
pub mod collect;
pub mod entities;
pub mod facts;
pub mod ner;
pub mod page;
pub mod repeats;
pub mod report;
pub mod serialized;
pub mod text;

#[cfg(feature = "cli")]
pub mod html;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use page::{Block, Element, Page};
pub use repeats::{RepeatGroup, RepeatKind, Span};
pub use report::{BlockReport, Options, Report, Stats, SCHEMA_VERSION};

/// Analyses a page with the default options: every block's text is copied
/// into the report.
pub fn analyze(page: &Page) -> Report {
    analyze_with(page, &Options::default())
}

/// Analyses a page. Deterministic: the same page gives the same report.
pub fn analyze_with(page: &Page, opts: &Options) -> Report {
    #[cfg(feature = "test-hooks")]
    assert!(
        !opts.panic_for_test,
        "panic requested by a test (Options::panic_for_test)"
    );
    let info = article::classify(page);
    let repeats = repeats::find_repeats(page, &info);
    Report::build(page, &info, repeats, opts)
}
