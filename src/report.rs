//! The report: one versioned schema shared by the CLI's `--json`, the
//! extension and the demo page. Every item points back to blocks by index
//! and to text by UTF-16 offsets (a [`Span`]). See README.md, "The report".
//!
//! Types only: [`crate::pipeline`] runs the stages that fill them, in
//! order, and [`crate::packed`] writes the form that crosses the WASM
//! boundary.

use serde::{Deserialize, Serialize};

/// Version of the report schema. Raised when a field changes meaning or
/// disappears; adding a field does not raise it.
pub const SCHEMA_VERSION: u32 = 1;

/// The result of analysing one page.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "cli", derive(ts_rs::TS))]
pub struct Report {
    /// [`SCHEMA_VERSION`].
    pub version: u32,
    /// The page's title, as given.
    pub title: String,
    /// One entry per input block, in the same order.
    pub blocks: Vec<BlockReport>,
    /// Repeat groups, ordered by their first copy.
    pub repeats: Vec<RepeatGroup>,
    /// People, organisations and places, most salient first.
    pub entities: Vec<Entity>,
    /// The article's publication date (`YYYY-MM-DD`), if the page gives it.
    pub published: Option<String>,
    /// The article's language, how it was decided, and what was read in it
    /// (entities and quotes, dates and numbers): see [`crate::lang`].
    pub language: crate::lang::Language,
    /// Dates and times the article mentions, in reading order.
    pub dates: Vec<DateFact>,
    /// Numbers with what they count, in reading order.
    pub quantities: Vec<Quantity>,
    /// Direct quotes with their speakers, in reading order.
    pub quotes: Vec<Quote>,
    /// Counts, for badges and summaries.
    pub stats: Stats,
    /// The articles of a page that holds several (an endless page, a page
    /// of full stories: [`crate::feed`]), in page order, each with its own
    /// entities and facts; the fields above are then the first article's.
    /// Absent from a page of one article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "cli", ts(as = "Option<Vec<ArticleReport>>", optional))]
    pub articles: Vec<ArticleReport>,
}

/// One article of a page of several ([`Report::articles`]). Its entities
/// and facts are those of its own blocks, read as a page of their own; the
/// indices in its quantities and quotes point into its own `entities`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "cli", derive(ts_rs::TS))]
pub struct ArticleReport {
    /// Its headline.
    pub title: String,
    /// Its first block (the page's header goes with the first article).
    pub start: u32,
    /// One past its last block (the blocks after the last article's, a
    /// footer, are no article's: not part of any sidebar).
    pub end: u32,
    /// The block of its headline.
    pub headline: u32,
    /// Its people, organisations and places, most salient first.
    pub entities: Vec<Entity>,
    /// Its publication date, if the page gives it.
    pub published: Option<String>,
    /// Its language.
    pub language: crate::lang::Language,
    /// Its dates, in reading order.
    pub dates: Vec<DateFact>,
    /// Its numbers, in reading order.
    pub quantities: Vec<Quantity>,
    /// Its quotes, in reading order.
    pub quotes: Vec<Quote>,
    /// Its counts, its repeats of earlier articles included.
    pub stats: Stats,
}

/// What the analysis says about one block.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "cli", derive(ts_rs::TS))]
pub struct BlockReport {
    /// Index of the block in the input (and in the page's collection order).
    pub index: u32,
    /// Tag name of the block's element.
    pub tag: String,
    /// The block's text (empty when [`crate::Options::include_text`] is off).
    pub text: String,
    /// Whether the block is article text.
    pub article: bool,
    /// Whether the block is folded whole as a repeat.
    pub folded: bool,
    /// Whether the block's text fed the sidebar: entities, dates,
    /// quantities and quotes come from these blocks only. The article's
    /// scope (`ArticleInfo::scope`: the headline and the article text
    /// without teasers, directories, second articles, author boxes) less
    /// credit lines and folded copies of text the sidebar reads elsewhere
    /// (a copy of a teaser outside the article is still read).
    pub in_sidebar: bool,
}

/// Counts over the whole report.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "cli", derive(ts_rs::TS))]
pub struct Stats {
    /// Blocks in the input.
    pub blocks: u32,
    /// Blocks classified as article text.
    pub article_blocks: u32,
    /// Blocks folded whole, plus blocks with a folded part: what the badge shows.
    pub folded: u32,
    /// Words of article text outside folded repeats.
    pub article_words: u32,
}

/// A range of a block's text, in UTF-16 code units (what the DOM uses):
/// where a repeat's copy, an entity's mention or a fact is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(ts_rs::TS))]
pub struct Span {
    /// Index of the block.
    pub block: u32,
    /// First UTF-16 offset.
    pub start: u32,
    /// One past the last UTF-16 offset.
    pub end: u32,
}

/// What kind of repeat a group is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum RepeatKind {
    /// The same paragraph again, up to case, quotes, dashes, spacing, punctuation.
    Exact,
    /// The same paragraph with a few words changed.
    Near,
    /// Part of a paragraph: a copy glued to new text, split over paragraphs,
    /// or paragraphs merged into one.
    Partial,
    /// One of a run of consecutive paragraphs repeated in order.
    Block,
    /// A site blurb (newsletter, app, subscription) printed several times.
    Boilerplate,
    /// A pull-quote, teaser, standfirst or caption repeating body text.
    Decorative,
}

impl RepeatKind {
    /// The kind's name in the report (as serde writes it).
    pub fn name(self) -> &'static str {
        match self {
            RepeatKind::Exact => "exact",
            RepeatKind::Near => "near",
            RepeatKind::Partial => "partial",
            RepeatKind::Block => "block",
            RepeatKind::Boilerplate => "boilerplate",
            RepeatKind::Decorative => "decorative",
        }
    }
}

/// What the reader sees of a repeat.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum RepeatAction {
    /// Fold the copy behind a placeholder: text a reader would read twice.
    #[default]
    Fold,
    /// Report it, do not fold it: a short line (under eight words: a credit,
    /// "Continue reading", a dateline) where a placeholder would save
    /// nothing, a share-button label, a copy in a menu (a placeholder would
    /// break its layout), or the visible copy of a hidden original.
    Mark,
}

impl RepeatAction {
    /// The action's name in the report (as serde writes it).
    pub fn name(self) -> &'static str {
        match self {
            RepeatAction::Fold => "fold",
            RepeatAction::Mark => "mark",
        }
    }
}

/// What a repeat's copy is on the page, named from its markup and its place
/// (`src/repeats/role.rs`), in the vocabulary of the natural-repeats labels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum RepeatRole {
    /// A paragraph of the article (or of other content) printed again.
    Paragraph,
    /// A pull-quote, or an intertitle quoting a sentence of the body.
    PullQuote,
    /// A standfirst, summary or excerpt (a share dialog's) repeating body text.
    Standfirst,
    /// A teaser's blurb printed again (a card's lead, not its link title).
    Teaser,
    /// A story's headline or link printed in another list of stories.
    RelatedLink,
    /// A picture's caption.
    Caption,
    /// The headline or a heading printed again (a sticky bar, a share
    /// dialog, a print copy).
    Headline,
    /// A photo credit or byline.
    Credit,
    /// A date or time line ("Posted: Nov 8, 2023").
    Dateline,
    /// A site blurb: newsletter, subscription, consent, an ad label.
    Boilerplate,
    /// A quotation embedded again (a forum reply quoting a comment).
    EmbeddedQuote,
    /// None of these.
    #[default]
    Other,
}

impl RepeatRole {
    /// The role's name in the report (as serde writes it).
    pub fn name(self) -> &'static str {
        match self {
            RepeatRole::Paragraph => "paragraph",
            RepeatRole::PullQuote => "pull-quote",
            RepeatRole::Standfirst => "standfirst",
            RepeatRole::Teaser => "teaser",
            RepeatRole::RelatedLink => "related-link",
            RepeatRole::Caption => "caption",
            RepeatRole::Headline => "headline",
            RepeatRole::Credit => "credit",
            RepeatRole::Dateline => "dateline",
            RepeatRole::Boilerplate => "boilerplate",
            RepeatRole::EmbeddedQuote => "embedded-quote",
            RepeatRole::Other => "other",
        }
    }
}

/// One repeat: the copy (one or more blocks) and the text it repeats.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(ts_rs::TS))]
pub struct RepeatGroup {
    /// What kind of repeat this is.
    pub kind: RepeatKind,
    /// Blocks holding the text that is kept (usually one; two when a copy
    /// merges two paragraphs).
    pub original: Vec<u32>,
    /// Blocks holding the copy to fold (usually one; two when a copy is split).
    pub copies: Vec<u32>,
    /// `fold` the copy, or only `mark` it (a short line, a copy in a menu,
    /// the visible copy of a hidden original).
    #[serde(default)]
    pub action: RepeatAction,
    /// What the copy is: a pull-quote, caption, teaser, standfirst,
    /// headline, credit, paragraph… (`kind` says how it repeats, this what
    /// it is).
    #[serde(default)]
    pub role: RepeatRole,
    /// Share of the text the copy and its original have in common, 0–1.
    pub similarity: f32,
    /// The repeating text in the copies: the whole block, or the glued part.
    pub spans: Vec<Span>,
}

/// Kind of entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(ts_rs::TS))]
pub enum EntityType {
    /// A person.
    #[serde(rename = "PER")]
    Person,
    /// An organisation.
    #[serde(rename = "ORG")]
    Organization,
    /// A place.
    #[serde(rename = "LOC")]
    Place,
}

impl EntityType {
    /// The type's name in the report (as serde writes it).
    pub fn name(self) -> &'static str {
        match self {
            EntityType::Person => "PER",
            EntityType::Organization => "ORG",
            EntityType::Place => "LOC",
        }
    }
}

/// One entity of the article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(ts_rs::TS))]
pub struct Entity {
    /// Its fullest name in the article.
    pub name: String,
    /// Person, organisation or place.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Other names the article uses for it (surname, acronym, short form).
    pub aliases: Vec<String>,
    /// Roles and titles given to a person ("Prime Minister", "CNRP leader").
    pub roles: Vec<String>,
    /// Every mention outside folded repeats, in document order.
    pub mentions: Vec<Span>,
    /// Importance, higher first (headline and lead mentions, frequency).
    pub salience: f32,
}

/// A date the article mentions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(ts_rs::TS))]
pub struct DateFact {
    /// The expression as written ("July 28", "on Tuesday").
    pub text: String,
    /// The resolved date: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or `start/end`.
    /// `None` when it could not be resolved (no year and no publication date).
    pub value: Option<String>,
    /// `absolute`, `relative`, `partial` or `range`.
    pub kind: String,
    /// The short phrase of what happened then.
    pub event: String,
    /// Where it is.
    pub mention: Span,
    /// The index of a more precise date of the article that names the same
    /// event ("July" → "July 28" for one election): a timeline shows the
    /// event once, at that date. `None` for most dates. See
    /// [`crate::facts::timeline`].
    #[serde(default)]
    pub same_as: Option<usize>,
}

/// A number with what it counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(ts_rs::TS))]
pub struct Quantity {
    /// The expression as written ("68 out of the 123 parliamentary seats").
    pub text: String,
    /// The number.
    pub value: f64,
    /// The whole it is part of ("68 of 123" → 123).
    pub of: Option<f64>,
    /// The upper end of a range ("between 10 and 20" → 20).
    pub range_to: Option<f64>,
    /// The unit or what it counts: `%`, a currency code (`USD`), or a noun
    /// phrase ("parliamentary seats").
    pub unit: String,
    /// "nearly", "about", "more than"…
    pub approx: bool,
    /// Index into the report's `entities` of the entity the number belongs to.
    pub entity: Option<usize>,
    /// Where it is.
    pub mention: Span,
}

/// A direct quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(ts_rs::TS))]
pub struct Quote {
    /// The quoted words of one quotation-mark span, without the marks (an
    /// utterance broken by its attribution is two quotes, one speaker).
    pub text: String,
    /// Index into the report's `entities` of the speaker, if resolved.
    pub speaker: Option<usize>,
    /// The speaker's name as the article gives it, if any.
    pub speaker_name: Option<String>,
    /// Where the quote is.
    pub mention: Span,
}
