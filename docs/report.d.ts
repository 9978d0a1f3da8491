// The report of Dossier's core (`dossier analyze --json`, `core.analyze`,
// `analyzePage`), as TypeScript. Generated from src/report.rs by
// tests/schema.rs (DOSSIER_BLESS=1 cargo test --features cli --test schema);
// do not edit. docs/report-schema.md says what each field means.

export type Report = { 
/**
 * [`SCHEMA_VERSION`].
 */
version: number, 
/**
 * The page's title, as given.
 */
title: string, 
/**
 * One entry per input block, in the same order.
 */
blocks: Array<BlockReport>, 
/**
 * Repeat groups, ordered by their first copy.
 */
repeats: Array<RepeatGroup>, 
/**
 * People, organisations and places, most salient first.
 */
entities: Array<Entity>, 
/**
 * The article's publication date (`YYYY-MM-DD`), if the page gives it.
 */
published: string | null, 
/**
 * The article's language, how it was decided, and what was read in it
 * (entities and quotes, dates and numbers): see [`crate::lang`].
 */
language: Language, 
/**
 * Dates and times the article mentions, in reading order.
 */
dates: Array<DateFact>, 
/**
 * Numbers with what they count, in reading order.
 */
quantities: Array<Quantity>, 
/**
 * Direct quotes with their speakers, in reading order.
 */
quotes: Array<Quote>, 
/**
 * Counts, for badges and summaries.
 */
stats: Stats, 
/**
 * The articles of a page that holds several (an endless page, a page
 * of full stories: [`crate::feed`]), in page order, each with its own
 * entities and facts; the fields above are then the first article's.
 * Absent from a page of one article.
 */
articles?: Array<ArticleReport>, };

export type BlockReport = { 
/**
 * Index of the block in the input (and in the page's collection order).
 */
index: number, 
/**
 * Tag name of the block's element.
 */
tag: string, 
/**
 * The block's text (empty when [`crate::Options::include_text`] is off).
 */
text: string, 
/**
 * Whether the block is article text.
 */
article: boolean, 
/**
 * Whether the block is folded whole as a repeat.
 */
folded: boolean, 
/**
 * Whether the block's text fed the sidebar: entities, dates,
 * quantities and quotes come from these blocks only. The article's
 * scope (`ArticleInfo::scope`: the headline and the article text
 * without teasers, directories, second articles, author boxes) less
 * credit lines and folded copies of text the sidebar reads elsewhere
 * (a copy of a teaser outside the article is still read).
 */
in_sidebar: boolean, };

export type Stats = { 
/**
 * Blocks in the input.
 */
blocks: number, 
/**
 * Blocks classified as article text.
 */
article_blocks: number, 
/**
 * Blocks folded whole, plus blocks with a folded part: what the badge shows.
 */
folded: number, 
/**
 * Words of article text outside folded repeats.
 */
article_words: number, };

export type Span = { 
/**
 * Index of the block.
 */
block: number, 
/**
 * First UTF-16 offset.
 */
start: number, 
/**
 * One past the last UTF-16 offset.
 */
end: number, };

export type RepeatKind = "exact" | "near" | "partial" | "block" | "boilerplate" | "decorative";

export type RepeatAction = "fold" | "mark";

export type RepeatGroup = { 
/**
 * What kind of repeat this is.
 */
kind: RepeatKind, 
/**
 * Blocks holding the text that is kept (usually one; two when a copy
 * merges two paragraphs).
 */
original: Array<number>, 
/**
 * Blocks holding the copy to fold (usually one; two when a copy is split).
 */
copies: Array<number>, 
/**
 * `fold` the copy, or only `mark` it (a short line, a copy in a menu,
 * the visible copy of a hidden original).
 */
action: RepeatAction, 
/**
 * What the copy is: a pull-quote, caption, teaser, standfirst,
 * headline, credit, paragraph… (`kind` says how it repeats, this what
 * it is).
 */
role: RepeatRole, 
/**
 * Share of the text the copy and its original have in common, 0–1.
 */
similarity: number, 
/**
 * The repeating text in the copies: the whole block, or the glued part.
 */
spans: Array<Span>, };

export type EntityType = "PER" | "ORG" | "LOC";

export type Entity = { 
/**
 * Its fullest name in the article.
 */
name: string, 
/**
 * Person, organisation or place.
 */
type: EntityType, 
/**
 * Other names the article uses for it (surname, acronym, short form).
 */
aliases: Array<string>, 
/**
 * Roles and titles given to a person ("Prime Minister", "CNRP leader").
 */
roles: Array<string>, 
/**
 * Every mention outside folded repeats, in document order.
 */
mentions: Array<Span>, 
/**
 * Importance, higher first (headline and lead mentions, frequency).
 */
salience: number, };

export type Language = { 
/**
 * ISO 639-1 code where there is one ("de"), else ISO 639-3 ("fil"),
 * or "" when unknown.
 */
code: string, 
/**
 * `declared and text` (both agree), `text` (the text, where the page
 * declares nothing or something else: see `declared`), `declared`
 * (the text is too short or unsure), or `unknown`.
 */
source: string, 
/**
 * The page's own declaration, primary subtag lowercased ("de" for
 * "de-DE"), or "".
 */
declared: string, 
/**
 * Whether entities and quotes were read: a language the tagger and
 * the quote finder know, or unknown (see [`Language::reads_entities`]),
 * whose model was loaded (the pipeline clears it otherwise).
 */
entities: boolean, 
/**
 * Whether dates and numbers were read: a language whose date words and
 * number format the rules know, or unknown.
 */
facts: boolean, };

export type DateFact = { 
/**
 * The expression as written ("July 28", "on Tuesday").
 */
text: string, 
/**
 * The resolved date: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or `start/end`.
 * `None` when it could not be resolved (no year and no publication date).
 */
value: string | null, 
/**
 * `absolute`, `relative`, `partial` or `range`.
 */
kind: string, 
/**
 * The short phrase of what happened then.
 */
event: string, 
/**
 * Where it is.
 */
mention: Span, 
/**
 * The index of a more precise date of the article that names the same
 * event ("July" → "July 28" for one election): a timeline shows the
 * event once, at that date. `None` for most dates. See
 * [`crate::facts::timeline`].
 */
same_as: number | null, };

export type Quantity = { 
/**
 * The expression as written ("68 out of the 123 parliamentary seats").
 */
text: string, 
/**
 * The number.
 */
value: number, 
/**
 * The whole it is part of ("68 of 123" → 123).
 */
of: number | null, 
/**
 * The upper end of a range ("between 10 and 20" → 20).
 */
range_to: number | null, 
/**
 * The unit or what it counts: `%`, a currency code (`USD`), or a noun
 * phrase ("parliamentary seats").
 */
unit: string, 
/**
 * "nearly", "about", "more than"…
 */
approx: boolean, 
/**
 * Index into the report's `entities` of the entity the number belongs to.
 */
entity: number | null, 
/**
 * Where it is.
 */
mention: Span, };

export type Quote = { 
/**
 * The quoted words of one quotation-mark span, without the marks (an
 * utterance broken by its attribution is two quotes, one speaker).
 */
text: string, 
/**
 * Index into the report's `entities` of the speaker, if resolved.
 */
speaker: number | null, 
/**
 * The speaker's name as the article gives it, if any.
 */
speaker_name: string | null, 
/**
 * Where the quote is.
 */
mention: Span, };

export type ArticleReport = { 
/**
 * Its headline.
 */
title: string, 
/**
 * Its first block (the page's header goes with the first article).
 */
start: number, 
/**
 * One past its last block (the blocks after the last article's, a
 * footer, are no article's: not part of any sidebar).
 */
end: number, 
/**
 * The block of its headline.
 */
headline: number, 
/**
 * Its people, organisations and places, most salient first.
 */
entities: Array<Entity>, 
/**
 * Its publication date, if the page gives it.
 */
published: string | null, 
/**
 * Its language.
 */
language: Language, 
/**
 * Its dates, in reading order.
 */
dates: Array<DateFact>, 
/**
 * Its numbers, in reading order.
 */
quantities: Array<Quantity>, 
/**
 * Its quotes, in reading order.
 */
quotes: Array<Quote>, 
/**
 * Its counts, its repeats of earlier articles included.
 */
stats: Stats, };
