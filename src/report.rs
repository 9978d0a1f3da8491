//! The report: one versioned schema shared by the CLI's `--json`, the
//! extension and the demo page. Every item points back to blocks by index
//! and to text by UTF-16 offsets. See README.md, "The report".

use serde::{Deserialize, Serialize};

use crate::article::ArticleInfo;
use crate::entities::Entity;
use crate::page::Page;
use crate::repeats::RepeatGroup;

/// Version of the report schema. Raised when a field changes meaning or
/// disappears; adding a field does not raise it.
pub const SCHEMA_VERSION: u32 = 1;

/// How to build the report.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Copy each block's text into the report. The extension turns this off:
    /// it already holds the text, and the message back stays small.
    pub include_text: bool,
    /// Panic on purpose: lets the end-to-end tests check that a panic in the
    /// core is caught at the WASM boundary and never reaches the page. Only
    /// in their build (feature `test-hooks`), never in the shipped one.
    #[cfg(feature = "test-hooks")]
    pub panic_for_test: bool,
    /// Extract dates, quantities and quotes. Off only to measure what the
    /// extraction costs on top of repeats and entities (`make bench`).
    pub facts: bool,
    /// Tag and group the article's entities. Off only to measure what the
    /// repeats cost alone (`make bench`); facts need the entities' words, so
    /// this off turns them off too.
    pub entities: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            include_text: true,
            #[cfg(feature = "test-hooks")]
            panic_for_test: false,
            facts: true,
            entities: true,
        }
    }
}

/// The result of analysing one page.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
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
    /// Dates and times the article mentions, in reading order.
    pub dates: Vec<crate::facts::DateFact>,
    /// Numbers with what they count, in reading order.
    pub quantities: Vec<crate::facts::Quantity>,
    /// Direct quotes with their speakers, in reading order.
    pub quotes: Vec<crate::facts::Quote>,
    /// Counts, for badges and summaries.
    pub stats: Stats,
}

/// What the analysis says about one block.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct BlockReport {
    /// Index of the block in the input (and in the page's collection order).
    pub index: u32,
    /// Tag name of the block's element.
    pub tag: String,
    /// The block's text (empty when [`Options::include_text`] is off).
    pub text: String,
    /// Whether the block is article text.
    pub article: bool,
    /// Whether the block is folded whole as a repeat.
    pub folded: bool,
}

/// Counts over the whole report.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
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

impl Report {
    /// Assembles the report from the parts of the analysis.
    pub fn build(
        page: &Page,
        info: &ArticleInfo,
        repeats: Vec<RepeatGroup>,
        opts: &Options,
    ) -> Report {
        let n = page.blocks.len();
        let mut folded = vec![false; n];
        let mut touched = vec![false; n];
        let mut hidden: Vec<Vec<(u32, u32)>> = vec![Vec::new(); n];
        for g in &repeats {
            let whole = g.is_whole(page);
            for s in &g.spans {
                touched[s.block as usize] = true;
                hidden[s.block as usize].push((s.start, s.end));
                if whole {
                    folded[s.block as usize] = true;
                }
            }
        }
        let (entities, facts) = if opts.entities {
            let doc = crate::entities::build_doc(page, info, &folded);
            let (entities, mentions) = crate::entities::extract(&doc, page, &hidden);
            let facts = if opts.facts {
                crate::facts::extract(page, &doc, &entities, &mentions, &hidden)
            } else {
                crate::facts::Facts::default()
            };
            (entities, facts)
        } else {
            (Vec::new(), crate::facts::Facts::default())
        };
        let blocks: Vec<BlockReport> = page
            .blocks
            .iter()
            .enumerate()
            .map(|(i, b)| BlockReport {
                index: i as u32,
                tag: b.tag.clone(),
                text: if opts.include_text {
                    b.text.clone()
                } else {
                    String::new()
                },
                article: info.article[i],
                folded: folded[i],
            })
            .collect();
        let article_words = page
            .blocks
            .iter()
            .enumerate()
            .filter(|(i, _)| info.article[*i] && !folded[*i])
            .map(|(_, b)| b.text.split_whitespace().count() as u32)
            .sum();
        Report {
            version: SCHEMA_VERSION,
            title: page.title.clone(),
            stats: Stats {
                blocks: n as u32,
                article_blocks: info.article.iter().filter(|&&a| a).count() as u32,
                folded: touched.iter().filter(|&&t| t).count() as u32,
                article_words,
            },
            blocks,
            repeats,
            entities,
            published: facts.published,
            dates: facts.dates,
            quantities: facts.quantities,
            quotes: facts.quotes,
        }
    }
}

/// Version of the packed report layout (the first number of
/// [`PackedReport::nums`]).
pub const PACKED_REPORT_VERSION: u32 = 2;

/// A report in the packed form `extension/pack.js` (`unpackReport`) turns
/// back into the very object `serde-wasm-bindgen` makes of the [`Report`]:
/// its strings concatenated in `text`, and in `nums` the integers, the
/// counts and each string's length in UTF-16 code units, in this order:
///
/// ```text
/// layout version, report version, str(title),
/// blocks, per block: atom(tag), article | folded << 1, str(text)
/// repeats, per group: atom(kind), originals, original..., copies, copy...,
///          spans, span...
/// entities, per entity: str(name), atom(type), aliases, str(alias)...,
///           roles, str(role)..., mentions, span...
/// published: 0 (null) or 1 then str
/// dates, per date: str(text), value: 0 (null) or 1 then str,
///        atom(kind), atom(event), span,
///        same_as (0 = null, else index + 1)
/// quantities, per quantity: str(text), of (0/1), range_to (0/1),
///        atom(unit), approx (0/1), entity (0 = null, else index + 1), span
/// quotes, per quote: str(text), speaker (0 = null, else index + 1),
///        speaker_name: 0 (null) or 1 then str, span
/// stats: blocks, article_blocks, folded, article_words
/// ```
///
/// where `str` is a length (the characters are the next ones in `text`),
/// `span` is block, start, end, and `atom` is an index into the strings
/// that repeat (tags, kinds, units), followed by the string's length
/// the first time an index appears. `floats` holds, in report order, each
/// repeat's similarity, each entity's salience, each quantity's value and
/// then its `of` and `range_to` where present (`f32`s widened to `f64`, as
/// serde-wasm-bindgen widens them).
///
/// Why: building the report's objects from WebAssembly costs a call into
/// JavaScript for every field and a decoded string for every tag (a tenth
/// of the analysis of a median page in V8); from this form JavaScript
/// builds them with object literals and each repeated string once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PackedReport {
    /// The report's strings, in order.
    pub text: String,
    /// Layout version, counts, string lengths and integers.
    pub nums: Vec<u32>,
    /// The report's numbers that are not integers.
    pub floats: Vec<f64>,
}

/// Writes a [`PackedReport`], remembering the atoms it has sent.
struct Packer<'r> {
    out: PackedReport,
    atoms: std::collections::HashMap<&'r str, u32>,
}

impl<'r> Packer<'r> {
    fn num(&mut self, n: u32) {
        self.out.nums.push(n);
    }

    fn str(&mut self, s: &str) {
        self.out.text.push_str(s);
        self.out.nums.push(crate::text::utf16_len(s));
    }

    fn atom(&mut self, s: &'r str) {
        let next = self.atoms.len() as u32;
        let i = *self.atoms.entry(s).or_insert(next);
        self.num(i);
        if i == next {
            self.str(s);
        }
    }

    fn opt_str(&mut self, s: Option<&str>) {
        self.num(s.is_some() as u32);
        if let Some(s) = s {
            self.str(s);
        }
    }

    fn opt_index(&mut self, i: Option<usize>) {
        self.num(i.map_or(0, |i| i as u32 + 1));
    }

    fn span(&mut self, m: &crate::entities::Mention) {
        self.out.nums.extend_from_slice(&[m.block, m.start, m.end]);
    }

    fn list(&mut self, items: &[u32]) {
        self.num(items.len() as u32);
        self.out.nums.extend_from_slice(items);
    }
}

impl Report {
    /// The report in its packed form (see [`PackedReport`]).
    pub fn to_packed(&self) -> PackedReport {
        let mut p = Packer {
            out: PackedReport {
                nums: Vec::with_capacity(16 + self.blocks.len() * 3),
                ..PackedReport::default()
            },
            atoms: Default::default(),
        };
        p.num(PACKED_REPORT_VERSION);
        p.num(self.version);
        p.str(&self.title);
        p.num(self.blocks.len() as u32);
        for b in &self.blocks {
            p.atom(&b.tag);
            p.num(b.article as u32 | (b.folded as u32) << 1);
            p.str(&b.text);
        }
        p.num(self.repeats.len() as u32);
        for g in &self.repeats {
            p.atom(g.kind.name());
            p.list(&g.original);
            p.list(&g.copies);
            p.num(g.spans.len() as u32);
            for s in &g.spans {
                p.out.nums.extend_from_slice(&[s.block, s.start, s.end]);
            }
            p.out.floats.push(g.similarity.into());
        }
        p.num(self.entities.len() as u32);
        for e in &self.entities {
            p.str(&e.name);
            p.atom(e.kind.name());
            for list in [&e.aliases, &e.roles] {
                p.num(list.len() as u32);
                for s in list {
                    p.str(s);
                }
            }
            p.num(e.mentions.len() as u32);
            for m in &e.mentions {
                p.span(m);
            }
            p.out.floats.push(e.salience.into());
        }
        p.opt_str(self.published.as_deref());
        p.num(self.dates.len() as u32);
        for d in &self.dates {
            p.str(&d.text);
            p.opt_str(d.value.as_deref());
            p.atom(&d.kind);
            p.atom(&d.event);
            p.span(&d.mention);
            p.opt_index(d.same_as);
        }
        p.num(self.quantities.len() as u32);
        for q in &self.quantities {
            p.str(&q.text);
            p.out.floats.push(q.value);
            for v in [q.of, q.range_to] {
                p.num(v.is_some() as u32);
                p.out.floats.extend(v);
            }
            p.atom(&q.unit);
            p.num(q.approx as u32);
            p.opt_index(q.entity);
            p.span(&q.mention);
        }
        p.num(self.quotes.len() as u32);
        for q in &self.quotes {
            p.str(&q.text);
            p.opt_index(q.speaker);
            p.opt_str(q.speaker_name.as_deref());
            p.span(&q.mention);
        }
        let s = &self.stats;
        p.out
            .nums
            .extend_from_slice(&[s.blocks, s.article_blocks, s.folded, s.article_words]);
        p.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Cambodian opposition leader Sam Rainsy returned to Phnom Penh on 12 March 2019, the Cambodia National Rescue Party (CNRP) said.\n\
        \"We will not give up,\" Sam Rainsy told 3,000 supporters at the airport.\n\
        Prime Minister Hun Sen has ruled the country since 1985.\n\
        Cambodian opposition leader Sam Rainsy returned to Phnom Penh on 12 March 2019, the Cambodia National Rescue Party (CNRP) said.\n";

    /// The stage switches drop exactly their own part of the report: the
    /// bench subtracts the reports' times, so what stays must be the same work.
    #[test]
    fn stage_switches_keep_the_other_stages() {
        let page = Page::from_text(ARTICLE);
        let full = crate::analyze_with(&page, &Options::default());
        assert!(!full.repeats.is_empty(), "the fixture repeats its lead");
        assert!(!full.entities.is_empty() && !full.dates.is_empty());
        assert!(!full.quantities.is_empty() && !full.quotes.is_empty());
        let cases: &[(bool, bool)] = &[(true, false), (false, true), (false, false)];
        for &(entities, facts) in cases {
            let opts = Options {
                entities,
                facts,
                ..Options::default()
            };
            let r = crate::analyze_with(&page, &opts);
            let ctx = format!("entities {entities}, facts {facts}");
            assert_eq!(r.blocks, full.blocks, "{ctx}");
            assert_eq!(r.repeats, full.repeats, "{ctx}");
            assert_eq!(r.stats, full.stats, "{ctx}");
            if entities {
                assert_eq!(r.entities, full.entities, "{ctx}");
            } else {
                assert!(r.entities.is_empty(), "{ctx}");
            }
            let with_facts = entities && facts;
            assert_eq!(r.dates.is_empty(), !with_facts, "{ctx}");
            assert_eq!(r.quantities.is_empty(), !with_facts, "{ctx}");
            assert_eq!(r.quotes.is_empty(), !with_facts, "{ctx}");
            assert_eq!(
                r.published.is_some(),
                with_facts && full.published.is_some(),
                "{ctx}"
            );
        }
    }

    /// The packed report sends kinds and types by name (`unpackReport`
    /// does not know the enums): the names must be serde's.
    #[test]
    fn packed_names_are_the_serde_names() {
        use crate::entities::EntityType;
        use crate::repeats::RepeatKind;
        let serde_name = |v: serde_json::Value| v.as_str().unwrap().to_string();
        for k in [
            RepeatKind::Exact,
            RepeatKind::Near,
            RepeatKind::Partial,
            RepeatKind::Block,
            RepeatKind::Boilerplate,
            RepeatKind::Decorative,
        ] {
            assert_eq!(k.name(), serde_name(serde_json::to_value(k).unwrap()));
        }
        for t in [
            EntityType::Person,
            EntityType::Organization,
            EntityType::Place,
        ] {
            assert_eq!(t.name(), serde_name(serde_json::to_value(t).unwrap()));
        }
    }

    /// Options come from JavaScript as a partial object: a missing field keeps its default.
    #[test]
    fn missing_options_keep_their_defaults() {
        let o: Options = serde_json::from_str(r#"{"entities": false}"#).unwrap();
        assert!(!o.entities && o.facts && o.include_text);
    }
}
