//! The analysis, stage by stage. Each stage reads the page and what the
//! stages before it decided, and none reaches back:
//!
//! 1. **Article** ([`crate::article::classify`]): which blocks are article
//!    text, which are page furniture.
//! 2. **Repeats** ([`crate::repeats::find_repeats`]): which blocks, or parts
//!    of blocks, repeat earlier text. A block folded whole is left out of
//!    everything after; a folded part is "hidden": nothing found in it counts.
//! 3. **Document** ([`crate::doc::build_doc`]): the headline and the article
//!    blocks not folded, tokenised and split into sentences.
//! 4. **Entities** ([`crate::entities::extract`]): tagged mentions grouped
//!    into people, organisations and places (off with [`Options::entities`]).
//! 5. **Facts** ([`crate::facts::extract`]): dates, quantities and quotes,
//!    which need the entities' mentions (off with [`Options::facts`]).
//! 6. **Report** ([`Report`]): per-block flags and counts, assembled here.

use serde::{Deserialize, Serialize};

use crate::article::ArticleInfo;
use crate::facts::Facts;
use crate::page::Page;
use crate::report::{BlockReport, RepeatGroup, Report, Stats, SCHEMA_VERSION};

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
    let info = crate::article::classify(page);
    let repeats = crate::repeats::find_repeats(page, &info);
    assemble(page, &info, repeats, opts)
}

/// What the repeats leave of each block: folded whole, touched at all, the
/// UTF-16 ranges the sidebar skips, and whether it skips the whole block.
struct Folds {
    folded: Vec<bool>,
    touched: Vec<bool>,
    hidden: Vec<Vec<(u32, u32)>>,
    /// A copy whose original the sidebar reads. A copy of a teaser, a
    /// stream item or a gallery caption (an original outside the article's
    /// scope) is read, folded or not, so the article's own text is never
    /// lost to the sidebar.
    skipped: Vec<bool>,
}

fn folds(page: &Page, info: &ArticleInfo, repeats: &[RepeatGroup]) -> Folds {
    let n = page.blocks.len();
    let mut f = Folds {
        folded: vec![false; n],
        touched: vec![false; n],
        hidden: vec![Vec::new(); n],
        skipped: vec![false; n],
    };
    // A marked repeat (a short line) is reported, not folded, and read.
    for g in repeats
        .iter()
        .filter(|g| g.action == crate::report::RepeatAction::Fold)
    {
        let whole = g.is_whole(page);
        let read = g
            .original
            .iter()
            .any(|&o| info.scope.get(o as usize).copied().unwrap_or(false));
        for s in &g.spans {
            f.touched[s.block as usize] = true;
            if whole {
                f.folded[s.block as usize] = true;
            }
            if read {
                f.hidden[s.block as usize].push((s.start, s.end));
                f.skipped[s.block as usize] |= whole;
            }
        }
    }
    f
}

/// The start of the text the sidebar reads, for language identification.
fn sample(page: &Page, in_sidebar: &[bool]) -> String {
    let mut s = String::new();
    for (b, _) in page.blocks.iter().zip(in_sidebar).filter(|(_, &r)| r) {
        if s.len() >= 3000 {
            break;
        }
        s.push_str(&b.text);
        s.push('\n');
    }
    s
}

/// Runs the stages after the repeats and assembles the report.
fn assemble(page: &Page, info: &ArticleInfo, repeats: Vec<RepeatGroup>, opts: &Options) -> Report {
    let n = page.blocks.len();
    let Folds {
        folded,
        touched,
        hidden,
        skipped,
    } = folds(page, info, &repeats);
    // The blocks `build_doc` reads, whether or not entities are on.
    let in_sidebar: Vec<bool> = (0..n)
        .map(|i| info.scope[i] && !skipped[i] && !crate::doc::is_credit(page, i))
        .collect();
    let mut language = crate::lang::identify(&page.lang, &sample(page, &in_sidebar));
    // The language's own tagger, or none: a language whose model is missing
    // (or, in the extension, not loaded) gets the "not available" note, never
    // another language's tagger.
    let tagger = if language.entities && opts.entities {
        crate::entities::tagger_for(&language.code)
    } else {
        None
    };
    if opts.entities {
        language.entities = tagger.is_some();
    }
    let (entities, facts) = if opts.entities {
        let doc = crate::doc::build_doc(page, info, &skipped);
        debug_assert!(doc.units.iter().all(|&(b, _)| in_sidebar[b]));
        debug_assert_eq!(doc.units.len(), in_sidebar.iter().filter(|&&s| s).count());
        // A language the tagger cannot read gets no entities, not the
        // English tagger's guesses (German capitalises every noun).
        let (entities, mentions) = if let Some(tagger) = &tagger {
            crate::entities::extract(tagger, &language.code, &doc, page, &hidden)
        } else {
            (Vec::new(), Vec::new())
        };
        let mut facts = if opts.facts {
            crate::facts::extract(page, &doc, &entities, &mentions, &hidden, &language)
        } else {
            Facts::default()
        };
        let entities = match &tagger {
            Some(tagger) => {
                let q = facts.quantities.iter_mut().map(|q| &mut q.entity);
                let refs = q.chain(facts.quotes.iter_mut().map(|q| &mut q.speaker));
                let lang = &language.code;
                crate::entities::drop_unlikely(
                    tagger,
                    lang,
                    &doc,
                    (entities, mentions),
                    refs.collect(),
                )
            }
            None => entities,
        };
        (entities, facts)
    } else {
        (Vec::new(), Facts::default())
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
            in_sidebar: in_sidebar[i],
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
        language,
        dates: facts.dates,
        quantities: facts.quantities,
        quotes: facts.quotes,
        articles: Vec::new(),
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
        let full = analyze_with(&page, &Options::default());
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
            let r = analyze_with(&page, &opts);
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

    /// A page in a language the entity stage cannot read gets no entities
    /// and no quotes (not the English tagger's guesses), and says so; its
    /// repeats and publication date stay.
    #[test]
    fn a_language_without_a_reader_gets_no_entities() {
        // (text, language code, entities and quotes read)
        let table = [
            (ARTICLE, "en", true),
            (
                "Statsminister Magdalena Andersson sade på tisdagen att regeringen vill förlänga stödet till företagen.\n\
                 \"Vi kommer inte att ge upp\", sade Magdalena Andersson till journalisterna i Stockholm.\n\
                 Statsminister Magdalena Andersson sade på tisdagen att regeringen vill förlänga stödet till företagen.\n",
                "sv",
                false,
            ),
            (
                "Premiér Petr Fiala ve středu řekl, že vláda chce prodloužit pomoc firmám o další rok.\n\
                 \"Nevzdáme se\", řekl Petr Fiala novinářům v Praze po jednání vlády.\n\
                 Premiér Petr Fiala ve středu řekl, že vláda chce prodloužit pomoc firmám o další rok.\n",
                "cs",
                false,
            ),
            (
                "Premier Donald Tusk powiedział we wtorek, że rząd chce przedłużyć pomoc dla firm o kolejny rok.\n\
                 \"Nie poddamy się\", powiedział Donald Tusk dziennikarzom w Warszawie po posiedzeniu rządu.\n\
                 Premier Donald Tusk powiedział we wtorek, że rząd chce przedłużyć pomoc dla firm o kolejny rok.\n",
                "pl",
                true,
            ),
        ];
        for (text, code, read) in table {
            let r = analyze(&Page::from_text(text));
            assert_eq!(r.language.code, code, "{text}");
            assert_eq!(r.language.entities, read, "{code}");
            assert_eq!(!r.entities.is_empty(), read, "{code}: {:?}", r.entities);
            assert_eq!(!r.quotes.is_empty(), read, "{code}: {:?}", r.quotes);
            assert!(
                !r.repeats.is_empty(),
                "{code}: the repeated lead still folds"
            );
        }
    }

    /// Options come from JavaScript as a partial object: a missing field keeps its default.
    #[test]
    fn missing_options_keep_their_defaults() {
        let o: Options = serde_json::from_str(r#"{"entities": false}"#).unwrap();
        assert!(!o.entities && o.facts && o.include_text);
    }
}
