//! Property tests of the analysis (proptest): offsets are valid DOM offsets,
//! the report is a pure function of the page, folding is idempotent, and
//! analysing a page block by block ends where analysing it at once does.
//!
//! Pages are generated from news-like sentences, repeated and perturbed so
//! that repeats, entities and facts really occur, mixed with arbitrary and
//! hostile Unicode. `PROPTEST_CASES=1000 cargo test --release --features cli
//! --test properties` runs more cases than the default.

#[path = "../fuzz/src/invariants.rs"]
mod invariants;
#[path = "../fuzz/src/samples.rs"]
mod samples;

use dossier::report::RepeatAction;
use dossier::{analyze, Block, Element, Page, Report};
use proptest::prelude::*;
use samples::{FRAGMENTS, SENTENCES};

/// Cases per property unless `PROPTEST_CASES` says otherwise: enough to
/// find shallow bugs, few enough that `cargo test` stays quick in debug.
const CASES: u32 = 48;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CASES);
    ProptestConfig {
        cases,
        max_shrink_iters: 2000,
        ..ProptestConfig::default()
    }
}

/// How a copy differs from its original.
#[derive(Clone, Debug)]
enum Edit {
    None,
    Upper,
    /// Replace the n-th word (mod the word count) with another word.
    Word(usize, &'static str),
    /// Glue new text before the copy.
    Prefix(String),
    /// Keep the first n chars (mod the length).
    Cut(usize),
    /// Curly quotes and dashes for straight ones.
    Typography,
}

/// One block of a generated page, before assembly.
#[derive(Clone, Debug)]
enum Text {
    /// One to three news sentences.
    News(Vec<&'static str>),
    /// A copy of an earlier block (index mod the blocks so far), edited.
    Copy(usize, Edit),
    /// News with hostile fragments spliced in.
    Mixed(Vec<&'static str>, Vec<&'static str>),
    /// Any Unicode at all.
    Wild(String),
}

#[derive(Clone, Debug)]
struct Spec {
    text: Text,
    tag: &'static str,
    hints: &'static str,
    visible: bool,
    /// Share of the text inside links, in tenths.
    links: u8,
    /// Under the article (else under a `<nav>` or at the top).
    place: u8,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => Just(Edit::None),
        1 => Just(Edit::Upper),
        1 => (any::<usize>(), prop::sample::select(vec!["new", "Monday", "2,500", "said", "Rainsy"]))
            .prop_map(|(n, w)| Edit::Word(n, w)),
        1 => prop::sample::select(SENTENCES.to_vec()).prop_map(|s| Edit::Prefix(s.to_string())),
        1 => any::<usize>().prop_map(Edit::Cut),
        1 => Just(Edit::Typography),
    ]
}

fn text() -> impl Strategy<Value = Text> {
    let sentences = prop::collection::vec(prop::sample::select(SENTENCES.to_vec()), 1..4);
    prop_oneof![
        5 => sentences.clone().prop_map(Text::News),
        4 => (any::<usize>(), edit()).prop_map(|(i, e)| Text::Copy(i, e)),
        1 => (sentences, prop::collection::vec(prop::sample::select(FRAGMENTS.to_vec()), 1..6))
            .prop_map(|(s, f)| Text::Mixed(s, f)),
        1 => any::<String>().prop_map(Text::Wild),
    ]
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        text(),
        prop::sample::select(vec![
            "p",
            "p",
            "p",
            "p",
            "h1",
            "h2",
            "li",
            "blockquote",
            "figcaption",
            "td",
            "div",
        ]),
        prop::sample::select(vec!["", "", "", "pullquote", "teaser", "caption", "byline"]),
        prop::bool::weighted(0.9),
        prop_oneof![4 => Just(0u8), 1 => 0u8..=10],
        0u8..10,
    )
        .prop_map(|(text, tag, hints, visible, links, place)| Spec {
            text,
            tag,
            hints,
            visible,
            links,
            place,
        })
}

fn apply(e: &Edit, t: &str) -> String {
    match e {
        Edit::None => t.to_string(),
        Edit::Upper => t.to_uppercase(),
        Edit::Word(n, w) => {
            let mut words: Vec<&str> = t.split(' ').collect();
            let k = n % words.len();
            words[k] = w;
            words.join(" ")
        }
        Edit::Prefix(p) => format!("{p} {t}"),
        Edit::Cut(n) => {
            let len = t.chars().count().max(1);
            t.chars().take(n % len + 1).collect()
        }
        Edit::Typography => t.replace('"', "“").replace(" - ", " — ").replace('\'', "’"),
    }
}

/// Assembles a page: elements `html > body > article`, and a `nav`.
fn page_of(specs: &[Spec]) -> Page {
    let mut page = Page {
        url: "https://news.example/story".into(),
        title: "Talks resume | Example News".into(),
        lang: "en".into(),
        dates: vec!["meta:article:published_time=2013-09-17T08:00:00Z".into()],
        elements: ["html", "body", "article", "nav"]
            .iter()
            .map(|t| Element {
                tag: t.to_string(),
                hints: String::new(),
            })
            .collect(),
        blocks: Vec::new(),
    };
    for s in specs {
        let text = match &s.text {
            Text::News(v) => v.join(" "),
            Text::Copy(i, e) => match page.blocks.len() {
                0 => SENTENCES[i % SENTENCES.len()].to_string(),
                n => apply(e, &page.blocks[i % n].text),
            },
            Text::Mixed(v, f) => {
                let mut out = String::new();
                for (k, s) in v.iter().enumerate() {
                    out.push_str(s);
                    out.push_str(f[k % f.len()]);
                    out.push(' ');
                }
                out.push_str(&f.concat());
                out
            }
            Text::Wild(w) => w.clone(),
        };
        let len16 = text.encode_utf16().count() as u32;
        let path = match s.place {
            0 => vec![0, 1, 3],
            1 => vec![],
            _ => vec![0, 1, 2],
        };
        page.blocks.push(Block {
            tag: s.tag.into(),
            hints: s.hints.into(),
            link_chars: len16 * u32::from(s.links) / 10,
            visible: s.visible,
            path,
            text,
        });
    }
    page
}

fn pages() -> impl Strategy<Value = Page> {
    prop::collection::vec(spec(), 0..14).prop_map(|v| page_of(&v))
}

/// Per block, the UTF-16 ranges the report folds.
fn hidden_spans(page: &Page, r: &Report) -> Vec<Vec<(u32, u32)>> {
    let mut out = vec![Vec::new(); page.blocks.len()];
    // A marked group (a short line) is reported, not folded: it hides nothing.
    for g in r.repeats.iter().filter(|g| g.action != RepeatAction::Mark) {
        for s in &g.spans {
            out[s.block as usize].push((s.start, s.end));
        }
    }
    out
}

/// The ranges of each block, sorted and merged.
fn merged(mut spans: Vec<Vec<(u32, u32)>>) -> Vec<Vec<(u32, u32)>> {
    for s in &mut spans {
        s.sort_unstable();
        let mut m: Vec<(u32, u32)> = Vec::new();
        for &(a, b) in s.iter() {
            match m.last_mut() {
                Some(l) if a <= l.1 => l.1 = l.1.max(b),
                _ => m.push((a, b)),
            }
        }
        *s = m;
    }
    spans
}

fn json(r: &Report) -> String {
    serde_json::to_string(r).expect("the report serialises")
}

/// The blocks folded whole.
fn folds(r: &Report) -> Vec<u32> {
    r.blocks
        .iter()
        .filter(|b| b.folded)
        .map(|b| b.index)
        .collect()
}

proptest! {
    #![proptest_config(config())]

    /// Every span and mention lies inside its block, on UTF-16 boundaries
    /// the DOM accepts (never inside a surrogate pair), start <= end; repeat
    /// spans are in block order; every index is in range.
    #[test]
    fn offsets_are_dom_offsets(page in pages()) {
        let report = analyze(&page);
        if let Err(e) = invariants::check(&page, &report) {
            return Err(TestCaseError::fail(e));
        }
    }

    /// The report is a function of the page: the same page twice, or a
    /// clone of it, gives byte-identical JSON.
    #[test]
    fn report_is_deterministic(page in pages()) {
        let a = json(&analyze(&page));
        let b = json(&analyze(&page));
        prop_assert_eq!(&a, &b);
        let c = json(&analyze(&page.clone()));
        prop_assert_eq!(&a, &c);
    }

    /// Folding is idempotent. The content script re-collects the blocks it
    /// folded as visible (`data-dossier-folded`, extension/content/collect.js),
    /// so a re-analysis of a folded page is an analysis of the same page: it
    /// must give the same folds. In the report's terms, a block is folded
    /// whole exactly when a group's span covers it whole, `stats.folded`
    /// counts the blocks any span touches, and folding the folded text again
    /// (the union of the spans with themselves) changes nothing.
    #[test]
    fn folding_is_idempotent(page in pages()) {
        let first = analyze(&page);
        let folded = folds(&first);
        prop_assert_eq!(&folded, &folds(&analyze(&page)));
        let spans = hidden_spans(&page, &first);
        let whole: Vec<u32> = spans
            .iter()
            .enumerate()
            .filter(|(i, s)| {
                let len = page.blocks[*i].text.encode_utf16().count() as u32;
                s.iter().any(|&(a, b)| a == 0 && b >= len)
            })
            .map(|(i, _)| i as u32)
            .collect();
        // Folded whole: every span of its group covers its block whole.
        for &i in &folded {
            prop_assert!(whole.contains(&i), "block {} folded but not covered", i);
        }
        let touched = spans.iter().filter(|s| !s.is_empty()).count() as u32;
        prop_assert_eq!(first.stats.folded, touched);
        let mut twice = spans.clone();
        for (t, s) in twice.iter_mut().zip(&spans) {
            t.extend_from_slice(s);
        }
        prop_assert_eq!(merged(twice), merged(spans));
    }

    /// Block by block, as a page loads: each prefix analyses cleanly, and
    /// analysing the full page after all the prefixes equals analysing it
    /// fresh (no state carries over between analyses). There is no
    /// incremental API in the core: the extension re-analyses the page.
    #[test]
    fn prefixes_then_full_equals_at_once(page in pages()) {
        let fresh = json(&analyze(&page));
        let mut prefix = Page { blocks: Vec::new(), ..page.clone() };
        for b in &page.blocks {
            prefix.blocks.push(b.clone());
            let r = analyze(&prefix);
            if let Err(e) = invariants::check(&prefix, &r) {
                return Err(TestCaseError::fail(e));
            }
        }
        prop_assert_eq!(&prefix, &page);
        prop_assert_eq!(json(&analyze(&prefix)), fresh);
    }

    /// The packed form the extension hands the WASM core holds the whole
    /// page: unpacked, it is the same page, so the same report.
    #[test]
    fn packing_keeps_the_page(page in pages()) {
        let (text, nums) = page.to_packed();
        prop_assert_eq!(Page::from_packed(&text, &nums), Ok(page));
    }
}
