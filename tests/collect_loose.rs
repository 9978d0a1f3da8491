//! Text that sits directly in an element beside a block-level child (issue
//! 24): a headline `<span>` beside a section label `<div>` in an `<h1>`, a
//! related link beside a kicker `<div>` in an `<li>`. The collector's leaf
//! rule dropped it (the element held a block, so it was no leaf, and its own
//! text went nowhere). Each run of such loose text is a block of its own now,
//! named by the element it sits in, in document order among its siblings'
//! blocks. Read the same by both of the collector's readers: html5ever's tree
//! (the CLI) and the page's serialization (the extension's background).
#![cfg(not(target_arch = "wasm32"))]

use dossier::collect::Collector;
use dossier::html::page_from_html;
use dossier::serialized::feed;

/// Per block: tag, text with white space collapsed, whether it is loose
/// text beside a block child.
type Want<'a> = &'a [(&'a str, &'a str, bool)];

/// Body HTML (written as a serializer writes it) and the blocks it makes.
const CASES: &[(&str, Want)] = &[
    // bostonherald.com: the article's own headline was lost.
    (
        "<h1 class=\"entry-title\"><div class=\"entry-section\"><a href=\"/local-news/\">Local News | </a></div>\
         <span class=\"dfm-title\">Brothel catering to politicians busted in Boston</span></h1>",
        &[
            ("div", "Local News |", false),
            ("h1", "Brothel catering to politicians busted in Boston", true),
        ],
    ),
    // A related link beside its kicker.
    (
        "<ul><li><div>Politics |</div><a href=\"/a\">Mayor signs the city budget</a></li></ul>",
        &[
            ("div", "Politics |", false),
            ("li", "Mayor signs the city budget", true),
        ],
    ),
    // A link whose label is a block inside it, and the headline after it.
    (
        "<ul><li><a href=\"/b\"><div class=\"ad-label\">Sponsored</div>Ten ways to save on rent</a></li></ul>",
        &[
            ("div", "Sponsored", false),
            ("li", "Ten ways to save on rent", true),
        ],
    ),
    // Runs before, between and after block children: one block each, in order.
    (
        "<div>Intro line.<p>The first paragraph.</p>Middle <b>line</b>.<p>The second.</p>Closing line.</div>",
        &[
            ("div", "Intro line.", true),
            ("p", "The first paragraph.", false),
            ("div", "Middle line.", true),
            ("p", "The second.", false),
            ("div", "Closing line.", true),
        ],
    ),
    // Nested: each level's own text stays at its place.
    (
        "<section>Top words<div>Middle words<p>Deep words</p></div>Last words</section>",
        &[
            ("section", "Top words", true),
            ("div", "Middle words", true),
            ("p", "Deep words", false),
            ("section", "Last words", true),
        ],
    ),
    // Unchanged: a leaf keeps all its text, a blank block child inside it too.
    (
        "<p>One <b>bold</b> word<br>two</p><div>Left <div> </div> right</div>",
        &[("p", "One bold word two", false), ("div", "Left right", false)],
    ),
    // White space beside a block makes nothing.
    ("<div>\n <p>Only this</p>\n </div>", &[("p", "Only this", false)]),
];

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn document(body: &str) -> String {
    format!("<html><head></head><body>{body}</body></html>")
}

#[test]
fn loose_text_beside_a_block_child_is_a_block() {
    for &(body, want) in CASES {
        let html = document(body);
        let page = page_from_html(&html);
        let got: Vec<(String, String)> = page
            .blocks
            .iter()
            .map(|b| (b.tag.clone(), collapse(&b.text)))
            .collect();
        let expected: Vec<(String, String)> = want
            .iter()
            .map(|(t, x, _)| (t.to_string(), x.to_string()))
            .collect();
        assert_eq!(got, expected, "{body}");
        // The serialization reader gives the same page and names the
        // blocks' elements (and which are loose runs).
        let mut c = Collector::new();
        feed(&html, true, &mut c).unwrap();
        let (read, nodes) = c.finish_with_nodes();
        assert_eq!(read, page, "{body}");
        let loose: Vec<bool> = nodes.iter().map(|n| n.own_from.is_some()).collect();
        let want_loose: Vec<bool> = want.iter().map(|w| w.2).collect();
        assert_eq!(loose, want_loose, "{body}");
    }
}

/// A loose block is named by the element it sits in (its place in document
/// order: html 0, head 1, body 2), and counts its own link text only.
#[test]
fn a_loose_block_names_its_element_and_its_links() {
    let html = document(CASES[1].0);
    let mut c = Collector::new();
    feed(&html, true, &mut c).unwrap();
    let (page, nodes) = c.finish_with_nodes();
    // ul 3, li 4, div 5, a 6.
    let at: Vec<u32> = nodes.iter().map(|n| n.index).collect();
    assert_eq!(at, [5, 4]);
    assert_eq!(page.blocks[0].link_chars, 0);
    assert_eq!(
        page.blocks[1].link_chars as usize,
        "Mayor signs the city budget".len()
    );
    // Its path is the element's ancestors, as a leaf's would be.
    let tags: Vec<&str> = page.blocks[1]
        .path
        .iter()
        .map(|&e| page.elements[e as usize].tag.as_str())
        .collect();
    assert_eq!(tags, ["html", "body", "ul"]);
}

/// Each run says where it starts in its element's own text (the text
/// outside its block-level descendants, `<br>` one unit, in UTF-16 units),
/// where the extension finds it in the DOM: runs cut by an empty block child
/// leave its white space out.
#[test]
fn a_loose_run_knows_its_place_in_the_elements_own_text() {
    let cases: &[(&str, &[Option<u32>], &str)] = &[
        (
            CASES[3].0,
            &[Some(0), None, Some(11), None, Some(23)],
            "Intro line.",
        ),
        (
            "<div>Été <br>là<div> </div>ici<p>Para.</p>😀 fin</div>",
            &[Some(0), None, Some(10)],
            "Été \nlàici",
        ),
    ];
    for &(body, want, first) in cases {
        let mut c = Collector::new();
        feed(&document(body), true, &mut c).unwrap();
        let (page, nodes) = c.finish_with_nodes();
        let from: Vec<Option<u32>> = nodes.iter().map(|n| n.own_from).collect();
        assert_eq!(from, want, "{body}");
        assert_eq!(page.blocks[0].text, first, "{body}");
    }
}

/// The size cap counts loose blocks too: the first `max` blocks, in order.
#[test]
fn the_block_cap_keeps_the_first_blocks() {
    let html = document(CASES[3].0);
    let mut c = Collector::with_max_blocks(2);
    feed(&html, true, &mut c).unwrap();
    let page = c.finish();
    let texts: Vec<String> = page.blocks.iter().map(|b| collapse(&b.text)).collect();
    assert_eq!(texts, ["Intro line.", "The first paragraph."]);
}
