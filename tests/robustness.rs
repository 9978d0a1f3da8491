//! Regression tests for what the fuzzers (`fuzz/`, `make fuzz`) found, and
//! hostile inputs the analysis must survive in reasonable time: no panic,
//! and every report invariant (`fuzz/src/invariants.rs`) holds.

#[path = "../fuzz/src/invariants.rs"]
mod invariants;

use dossier::{analyze, Block, Element, Page};

fn check(page: &Page) -> dossier::Report {
    let report = analyze(page);
    if let Err(e) = invariants::check(page, &report) {
        panic!("invariant broken: {e}");
    }
    report
}

/// Found by `fuzz/analyze`: `link_chars` larger than the block's text (the
/// WASM API accepts any `u32`) overflowed the per-container sum of link
/// text (a panic in debug builds, a wrapped link density in release).
#[test]
fn link_chars_past_the_text_do_not_overflow() {
    let mut page = Page::from_paragraphs(&[
        "Prime Minister Hun Sen said on Tuesday that talks would resume next week.",
        "The opposition said it would boycott parliament until the dispute ends.",
    ]);
    page.blocks[0].link_chars = u32::MAX;
    page.blocks[1].link_chars = 7;
    let report = check(&page);
    assert_eq!(report.blocks.len(), 2);
}

/// Found by `fuzz/analyze`: a publication date in the page's metadata
/// starting with digits and then a multi-byte character
/// (`<meta property="article:published_time" content="2013😀">`) was sliced
/// at byte 8, inside the character.
#[test]
fn metadata_date_with_multibyte_characters() {
    for d in [
        "2013😀",
        "20131😀",
        "2013110😀",
        "１２３４５６７８",
        "2013-1😀-05",
    ] {
        let mut page = Page::from_paragraphs(&["The vote was held on Tuesday, officials said."]);
        page.dates = vec![
            format!("meta:article:published_time={d}"),
            format!("jsonld:{d}"),
            format!("time:{d}"),
        ];
        check(&page);
    }
    let html = "<html><head><meta property=\"article:published_time\" content=\"2013😀\"></head>\
                <body><p>The vote was held on Tuesday, officials said.</p></body></html>";
    check(&dossier::html::page_from_html(html));
}

/// Found by a property test (re-analysing a folded page with the folded
/// blocks hidden): a pull-quote (`blockquote`) repeating an article
/// paragraph was folded, but a later paragraph repeating the start of that
/// article paragraph was not, because its best match was the pull-quote and
/// a decorative source was never folded over. Once the pull-quote was
/// hidden, the later paragraph was folded: it is a repeat either way. A
/// decorative block already folded as a copy now stands for its original.
/// Hiding the folded blocks must fold nothing new.
#[test]
fn folds_are_stable_when_a_piece_matches_a_folded_pull_quote() {
    let c = "Cambodia held a general election on July 28 and the ruling Cambodian People's Party (CPP) won 68 of the 123 seats.";
    let s =
        "Shares of Apple Inc. fell 3.5% to $172.40 in New York after the company cut its forecast.";
    let mut page = Page {
        elements: ["html", "body", "article"]
            .iter()
            .map(|t| Element {
                tag: t.to_string(),
                hints: String::new(),
            })
            .collect(),
        ..Page::default()
    };
    let block = |tag: &str, text: &str, path: Vec<u32>| Block {
        path,
        ..Block::new(tag, text)
    };
    page.blocks = vec![
        block("blockquote", &format!("{s} {c}"), vec![]),
        block("p", &format!("{s} {c}"), vec![0, 1, 2]),
        block("p", s, vec![]),
    ];
    let first = check(&page);
    let folded: Vec<usize> = (0..3).filter(|&i| first.blocks[i].folded).collect();
    for &i in &folded {
        page.blocks[i].visible = false;
    }
    let second = check(&page);
    // A hidden copy is folded too (the content script gives an unrendered
    // copy no placeholder), so a block folded the first time may be folded
    // again; what must not happen is a fold that only hiding brought about.
    let refolded: Vec<usize> = (0..3).filter(|&i| second.blocks[i].folded).collect();
    assert!(
        refolded.iter().all(|i| folded.contains(i)),
        "first folds: {folded:?}, then: {refolded:?}"
    );
    assert_eq!(folded, vec![0, 2]);
}

/// Runs `f` and fails if it takes longer than `limit`. The time tests run
/// in release builds only (`cargo test --release --features cli --test
/// robustness`, which `make fuzz` runs first): a debug build is some 40
/// times slower, too slow for inputs large enough to tell linear from
/// quadratic. Limits are far above what the linear code needs on a busy
/// machine and far below what the quadratic code took.
fn within<T>(what: &str, limit: std::time::Duration, f: impl FnOnce() -> T) -> T {
    let t = std::time::Instant::now();
    let out = f();
    let took = t.elapsed();
    eprintln!("{what}: {took:?}");
    assert!(took <= limit, "{what} took {took:?} (limit {limit:?})");
    out
}

const LIMIT: std::time::Duration = std::time::Duration::from_secs(20);

/// Found by `fuzz/analyze` (slow units) and large hand-made inputs: every
/// date, quantity, quote and entity mention converted its byte offsets to
/// UTF-16 by scanning its block from the start, so a long block with many
/// mentions was quadratic (these 100,000 numbers: 61 s in a release build
/// before, 1.5 s after). Offsets now come from a per-block map built once.
#[test]
#[cfg_attr(debug_assertions, ignore = "time test: run with --release")]
fn many_mentions_in_one_long_block_are_linear() {
    let numbers: Vec<String> = (0..100_000).map(|i| format!("{i} 😀")).collect();
    let page = Page::from_paragraphs(&[numbers.join(" ")]);
    let r = within("100,000 numbers in one block", LIMIT, || check(&page));
    assert!(
        r.quantities.len() > 1000,
        "{} quantities",
        r.quantities.len()
    );
}

/// Found with large hand-made inputs: quotes looked for the tokens around
/// each quote by a scan of the whole block, asked at every `»` whether a
/// `«` followed by a scan of the rest, and took each unit's entity mentions
/// by a scan of all the article's mentions (60,000 quotes: 8 s for 20,000
/// before, so about 75 s; 3 s after).
#[test]
#[cfg_attr(debug_assertions, ignore = "time test: run with --release")]
fn many_quotes_in_one_long_block_are_linear() {
    let page = Page::from_paragraphs(&["\"We will win\" said Hun Sen. ".repeat(60_000)]);
    let r = within("60,000 quotes in one block", LIMIT, || check(&page));
    assert!(r.quotes.len() > 1000, "{} quotes", r.quotes.len());
    let page = Page::from_paragraphs(&["»a« ".repeat(100_000)]);
    within("100,000 guillemets", LIMIT, || check(&page));
}

/// Pronouns and descriptions ("he said", "the minister also admitted") are
/// resolved by walking back from where they stand, not by scanning every
/// mention of the article for each (20,000 paragraph pairs, 4.4 MB: 3.8 s).
#[test]
#[cfg_attr(debug_assertions, ignore = "time test: run with --release")]
fn many_attributed_paragraphs_are_linear() {
    let paras: Vec<String> = (0..20_000)
        .flat_map(|i| {
            [
                format!(
                    "John Smith{i} met officials in Paris on Monday. “We will look at the plan again \
                     and decide soon,” he said. The minister also admitted that the plan was late."
                ),
                "“It is not what we wanted, but it is what we have now.”".to_string(),
            ]
        })
        .collect();
    let page = Page::from_paragraphs(&paras);
    let r = within("20,000 attributed paragraph pairs", LIMIT, || check(&page));
    assert!(r.quotes.len() > 1000, "{} quotes", r.quotes.len());
}

/// Found with large hand-made inputs: each person mention collected the
/// other people of its sentence by scanning every mention of the article
/// (40,000 names: 38 s before, 1.3 s after).
#[test]
#[cfg_attr(debug_assertions, ignore = "time test: run with --release")]
fn many_names_are_linear() {
    let names = ["Hun Sen", "Sam Rainsy", "Angela Merkel", "Emmanuel Macron"];
    let text: Vec<&str> = (0..40_000).map(|i| names[i % 4]).collect();
    let page = Page::from_paragraphs(&[text.join(" and ")]);
    within("40,000 names in one block", LIMIT, || check(&page));
}

/// Replays a page saved by a fuzz target (`DOSSIER_FUZZ_DUMP=page.json
/// fuzz/target/x86_64-unknown-linux-gnu/release/analyze <unit>`), timed:
/// `DOSSIER_REPLAY=page.json cargo test --release --features cli --test
/// robustness replay -- --ignored --nocapture`.
#[test]
#[ignore = "replays $DOSSIER_REPLAY"]
fn replay() {
    let Some(path) = std::env::var_os("DOSSIER_REPLAY") else {
        return;
    };
    let page: Page = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let chars: usize = page.blocks.iter().map(|b| b.text.chars().count()).sum();
    eprintln!("{} blocks, {chars} chars", page.blocks.len());
    within("replay", LIMIT, || check(&page));
}
