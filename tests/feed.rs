//! Pages of several articles (`src/feed.rs`, `src/article/segments.rs`),
//! on `tests/e2e/fixtures/articles.html`: four real stories one after
//! another (excerpts of BBC, NYT, Washington Post and Telegraph articles;
//! sources and licence in the fixture's comment), each ending with the
//! site's newsletter blurb, two of them printing a paragraph twice.
//!
//! The property that matters for an endless page: however the page grew
//! (one story, then two, then four; or any cut of its blocks, read in any
//! order), the report a [`Feed`] gives for the full page is the one the
//! whole page gives at once, and a read that only appended stories
//! analysed only the appended stories' blocks.
#![cfg(feature = "cli")]

use dossier::feed::{analyze_articles, Feed};
use dossier::html::page_from_html;
use dossier::{Options, Page, Report};
use proptest::prelude::*;

const FIXTURE: &str = include_str!("e2e/fixtures/articles.html");
const BLURB: &str = "Sign up for the Morning Briefing";

fn page() -> Page {
    page_from_html(FIXTURE)
}

fn opts() -> Options {
    Options {
        include_text: false,
        ..Options::default()
    }
}

/// The page with only its first `n` blocks.
fn prefix(page: &Page, n: usize) -> Page {
    let mut p = page.clone();
    p.blocks.truncate(n);
    p
}

/// The page as an endless page shows it before it appended the stories
/// after the first `k`: their blocks gone, the footer still below.
fn first_stories(page: &Page, r: &Report, k: usize) -> Page {
    let mut p = page.clone();
    let (cut, last) = (r.articles[k - 1].end as usize, r.articles[3].end as usize);
    p.blocks.drain(cut..last);
    p
}

fn whole() -> Report {
    analyze_articles(&page(), &opts()).expect("four stories")
}

fn text_of(page: &Page, b: u32) -> &str {
    &page.blocks[b as usize].text
}

/// The report of the fixture: four articles, each with its own entities,
/// the blurb folded in stories 2-4 as a repeat of story 1's, the
/// paragraphs printed twice folded within their story.
#[test]
fn four_stories_each_with_its_own_sidebar() {
    let p = page();
    let r = whole();
    let titles: Vec<&str> = r.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Obama admits US gun laws are his 'biggest frustration'",
            "United States to Lift Sudan Sanctions",
            "Attack stokes instability fears in North Africa",
            "Zimbabwe coup: Robert Mugabe and wife Grace 'insisting' he finishes his term",
        ]
    );
    // Consecutive, covering the page.
    assert_eq!(r.articles[0].start, 0);
    for w in r.articles.windows(2) {
        assert_eq!(w[0].end, w[1].start);
    }
    assert_eq!(
        r.articles[3].end as usize,
        p.blocks.len() - 1,
        "the footer is no story's"
    );
    assert_eq!(r.blocks.len(), p.blocks.len());
    // (article, an entity it names, an entity of another article it must not hold)
    let table = [
        (0, "Obama", "Mugabe"),
        (1, "Sudan", "Obama admits"),
        (2, "Essid", "Sudan"),
        (3, "Mugabe", "Essid"),
    ];
    for (k, has, not) in table {
        let names: Vec<&str> = r.articles[k]
            .entities
            .iter()
            .map(|e| e.name.as_str())
            .collect();
        assert!(
            names.iter().any(|n| n.contains(has)),
            "article {k}: {names:?}"
        );
        assert!(
            !names.iter().any(|n| n.contains(not)),
            "article {k}: {names:?}"
        );
        for e in &r.articles[k].entities {
            for m in &e.mentions {
                let a = &r.articles[k];
                assert!(
                    m.block >= a.start && m.block < a.end,
                    "article {k}: {} at {}",
                    e.name,
                    m.block
                );
            }
        }
    }
    assert_eq!(
        r.entities, r.articles[0].entities,
        "the top is the first article's"
    );
    // The blurb: story 1's is the original of the three others.
    let blurbs: Vec<u32> = (0..p.blocks.len() as u32)
        .filter(|&b| text_of(&p, b).starts_with(BLURB))
        .collect();
    assert_eq!(blurbs.len(), 4);
    for &copy in &blurbs[1..] {
        let g = r
            .repeats
            .iter()
            .find(|g| g.copies == [copy])
            .expect("blurb folded");
        assert_eq!(g.original, [blurbs[0]]);
        assert!(r.blocks[copy as usize].folded && !r.blocks[copy as usize].in_sidebar);
    }
    assert!(!r.blocks[blurbs[0] as usize].folded);
    // A folded blurb feeds no sidebar: the original is story 1's text, and no
    // story's entity has a mention in a folded copy. ("Morning Briefing", the
    // newsletter, is no entity since names of ordinary words are dropped.)
    assert!(r.blocks[blurbs[0] as usize].in_sidebar);
    for art in &r.articles {
        for e in &art.entities {
            assert!(
                e.mentions.iter().all(|m| !blurbs[1..].contains(&m.block)),
                "{} has a mention in a folded blurb",
                e.name
            );
        }
    }
    // Within stories 2 and 3: the paragraph printed twice.
    for (k, start) in [
        (1, "Sudan is one of the poorest"),
        (2, "It was the most deadly"),
    ] {
        let a = &r.articles[k];
        let g = r
            .repeats
            .iter()
            .find(|g| {
                g.copies.iter().all(|&c| c >= a.start && c < a.end)
                    && text_of(&p, g.copies[0]).starts_with(start)
            })
            .unwrap_or_else(|| panic!("article {k}: {:?}", r.repeats));
        assert!(g
            .original
            .iter()
            .all(|&o| o >= a.start && o < a.end && o < g.copies[0]));
    }
    // A page of one story is no page of several.
    let one = prefix(&p, r.articles[1].start as usize);
    assert!(analyze_articles(&one, &opts()).is_none());
}

/// The endless page: one story, then each appended story read once. Every
/// read analyses only the new story's blocks (and the footer below it,
/// which moved), and ends with the report of the whole page.
#[test]
fn appending_stories_analyses_only_the_new_ones() {
    let p = page();
    let r = whole();
    let footer = p.blocks.len() - r.articles[3].end as usize;
    assert_eq!(footer, 1, "the fixture's footer");
    let mut feed = Feed::default();
    assert!(
        feed.analyze(&first_stories(&p, &r, 1), &opts()).is_none(),
        "one story"
    );
    for k in 2..=4 {
        let q = first_stories(&p, &r, k);
        let got = feed.analyze(&q, &opts()).expect("several stories");
        assert_eq!(
            got,
            analyze_articles(&q, &opts()).unwrap(),
            "stories 1..={k}"
        );
        let story = (r.articles[k - 1].end - r.articles[k - 1].start) as usize;
        // The first read of two stories analyses all of the page (it was
        // one story, with nothing kept); later ones the appended story.
        let want = if k == 2 {
            q.blocks.len()
        } else {
            story + footer
        };
        assert_eq!(feed.analyzed_blocks(), want, "stories 1..={k}");
        // The footer is no story's.
        let last = got.blocks.last().unwrap();
        assert!(!last.article && !last.in_sidebar, "stories 1..={k}");
    }
    assert_eq!(feed.analyze(&p, &opts()).unwrap(), r);
    assert_eq!(feed.analyzed_blocks(), footer, "nothing new but the footer");
}

/// A story changed in the middle (a correction) is analysed again with
/// every story after it, and the report is the changed page's.
#[test]
fn a_changed_story_is_read_again() {
    let p = page();
    let r = whole();
    let mut feed = Feed::default();
    feed.analyze(&p, &opts()).unwrap();
    let mut changed = p.clone();
    let b = r.articles[2].start as usize + 1;
    changed.blocks[b].text = changed.blocks[b].text.replace("19 people", "20 people");
    let got = feed.analyze(&changed, &opts()).unwrap();
    assert_eq!(got, analyze_articles(&changed, &opts()).unwrap());
    assert_eq!(
        feed.analyzed_blocks(),
        p.blocks.len() - r.articles[2].start as usize
    );
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// Any sequence of reads (the page cut anywhere, growing or shrinking,
    /// a block's text changed) leaves the feed giving, for each read, the
    /// report of that page analysed at once.
    #[test]
    fn any_reads_end_at_the_whole_page(
        cuts in proptest::collection::vec((0usize..=40, proptest::option::of(0usize..40)), 1..5)
    ) {
        let p = page();
        let mut feed = Feed::default();
        for (cut, edit) in cuts {
            let mut q = prefix(&p, cut.min(p.blocks.len()));
            if let Some(e) = edit {
                if let Some(b) = q.blocks.get_mut(e) {
                    b.text.push_str(" Officials said.");
                }
            }
            let got = feed.analyze(&q, &opts());
            prop_assert_eq!(got, analyze_articles(&q, &opts()));
        }
        prop_assert_eq!(feed.analyze(&p, &opts()), Some(whole()));
    }
}

/// What a background keeps is bounded: at most `Feeds::MAX` pages, the
/// one read longest ago dropped first, a closed tab's frames at once.
#[test]
fn kept_pages_are_bounded() {
    use dossier::feed::Feeds;
    let p = page();
    let mut feeds = Feeds::default();
    for tab in 0..Feeds::MAX + 3 {
        feeds.get(&format!("{tab}:0")).analyze(&p, &opts()).unwrap();
        // Tab 0 is read again every time: it stays.
        feeds.get("0:0");
    }
    assert_eq!(feeds.len(), Feeds::MAX);
    assert_eq!(feeds.get("0:0").analyze(&p, &opts()).map(|_| ()), Some(()));
    assert_eq!(
        feeds.get("0:0").analyzed_blocks(),
        1,
        "tab 0 was kept (the footer is read again)"
    );
    feeds.get("1:0").analyze(&p, &opts());
    assert_eq!(
        feeds.get("1:0").analyzed_blocks(),
        p.blocks.len(),
        "tab 1 was dropped, read again in full"
    );
    feeds.drop_prefix("0:");
    assert!(feeds.len() < Feeds::MAX);
    assert_eq!(feeds.get("0:0").analyze(&p, &opts()).map(|_| ()), Some(()));
    assert_eq!(
        feeds.get("0:0").analyzed_blocks(),
        p.blocks.len(),
        "a closed tab starts again"
    );
}
