//! Every kind of repeat, and every look-alike that is not one, as a table of
//! real text: the example article (tests/pages/example/seed.txt) and news
//! paragraphs written for these tests.

use dossier::{analyze, Block, Element, Page, RepeatAction, RepeatKind};

const SEED: &str = include_str!("pages/example/seed.txt");

fn seed(i: usize) -> &'static str {
    SEED.lines().nth(i - 1).unwrap()
}

const P_ECON: &str = "The central bank left its benchmark rate unchanged at 4.5 percent on Thursday, saying inflation had eased for a third straight month but remained above its target.";
const P_FLOOD: &str = "Heavy rain over the weekend forced more than 2,000 residents from their homes in the river valley, and emergency crews were still pumping water out of basements on Monday.";
const P_COUNCIL: &str = "Members of the city council voted seven to two to approve the new budget, which sets aside money for road repairs, two libraries and a larger fleet of electric buses.";
const P_QUOTE: &str = "\"We are not going to stop until every family is back in a dry home,\" the mayor told reporters outside the town hall, adding that volunteers had filled thousands of sandbags.";
const BLURB: &str =
    "Get the day's top stories in your inbox every morning. Sign up for our free newsletter.";

/// One row: the blocks of a page (tag, text), and the groups expected as
/// (kind, original blocks, copy blocks). Blocks are 0-based.
struct Case {
    name: &'static str,
    blocks: Vec<(&'static str, String)>,
    want: Vec<(RepeatKind, Vec<u32>, Vec<u32>)>,
}

fn p(text: &str) -> (&'static str, String) {
    ("p", text.to_string())
}

fn page_of(blocks: &[(&'static str, String)]) -> Page {
    let mut page = Page {
        elements: vec![Element {
            tag: "article".into(),
            hints: "article-body".into(),
        }],
        ..Page::default()
    };
    for (tag, text) in blocks {
        // A tag written as "blockquote.pullquote" carries its class.
        let (tag, hints) = tag.split_once('.').unwrap_or((tag, ""));
        let mut b = Block::new(tag, text);
        b.hints = hints.to_string();
        b.path = vec![0];
        page.blocks.push(b);
    }
    page
}

fn cases() -> Vec<Case> {
    use RepeatKind::*;
    vec![
        Case {
            name: "whole body printed twice (the example page)",
            blocks: SEED.lines().map(p).collect(),
            want: (1..8).map(|i| (Block, vec![i], vec![i + 7])).collect(),
        },
        Case {
            name: "a run of three paragraphs repeated later",
            blocks: vec![p(seed(1)), p(seed(2)), p(seed(3)), p(seed(4)), p(P_ECON), p(seed(2)), p(seed(3)), p(seed(4))],
            want: vec![(Block, vec![1], vec![5]), (Block, vec![2], vec![6]), (Block, vec![3], vec![7])],
        },
        Case {
            name: "one paragraph repeated much later",
            blocks: vec![p(seed(4)), p(P_ECON), p(P_FLOOD), p(P_COUNCIL), p(seed(5)), p(seed(4))],
            want: vec![(Exact, vec![0], vec![5])],
        },
        Case {
            name: "a paragraph doubled in place",
            blocks: vec![p(P_ECON), p(P_FLOOD), p(P_FLOOD), p(P_COUNCIL)],
            want: vec![(Exact, vec![1], vec![2])],
        },
        Case {
            name: "near copy: a few words changed",
            blocks: vec![
                p(seed(5)),
                p(P_ECON),
                p("Despite a boycott of parliament by the opposition, the ruling party's 68 lawmakers voted on September 24 for the formation of the new government under the leadership of Prime Minister Hun Sen, officials said."),
            ],
            want: vec![(Near, vec![0], vec![2])],
        },
        Case {
            name: "near copy: words dropped and one inserted",
            blocks: vec![
                p(seed(6)),
                p(P_FLOOD),
                p("Sam Rainsy has said that the current government is \"illegitimate\" because it was formed in violation of the constitution and his party will however continue to boycott parliament unless the irregularities are resolved."),
            ],
            want: vec![(Near, vec![0], vec![2])],
        },
        Case {
            name: "format-only differences: quotes, dashes, case, nbsp, punctuation",
            blocks: vec![
                p(P_QUOTE),
                p(P_ECON),
                p("“WE ARE NOT going to stop until every family is back in a dry home” — the mayor told reporters outside the town\u{a0}hall; adding that volunteers had filled thousands of sandbags"),
            ],
            want: vec![(Exact, vec![0], vec![2])],
        },
        Case {
            name: "a copy glued to the end of another paragraph (-VNA)",
            blocks: vec![p(seed(1)), p(seed(2)), p(seed(3)), p(&format!("{}{}", seed(8), seed(2).replace("Speaking", " Speaking")))],
            want: vec![(Partial, vec![1], vec![3])],
        },
        Case {
            name: "a copy split across two paragraphs",
            blocks: vec![
                p(seed(4)),
                p(P_ECON),
                p("Cambodia held a general election on July 28."),
                p("The results showed that the ruling CPP won 68 out of the 123 parliamentary seats and the CNRP got 55 seats."),
            ],
            want: vec![(Partial, vec![0], vec![2, 3])],
        },
        Case {
            name: "two paragraphs merged into one",
            blocks: vec![p(P_ECON), p(P_FLOOD), p(P_COUNCIL), p(&format!("{P_ECON} {P_FLOOD}"))],
            want: vec![(Partial, vec![0, 1], vec![3])],
        },
        Case {
            name: "the same newsletter blurb three times",
            blocks: vec![p(P_ECON), p(BLURB), p(P_FLOOD), p(BLURB), p(P_COUNCIL), p(BLURB)],
            want: vec![(Boilerplate, vec![1], vec![3]), (Boilerplate, vec![1], vec![5])],
        },
        Case {
            name: "a pull-quote repeating a body sentence: fold the pull-quote",
            blocks: vec![
                p(P_FLOOD),
                p(P_QUOTE),
                ("blockquote.pullquote", "\"We are not going to stop until every family is back in a dry home\"".to_string()),
                p(P_COUNCIL),
            ],
            want: vec![(Decorative, vec![1], vec![2])],
        },
        Case {
            name: "a pull-quote placed before its body paragraph: still fold the pull-quote",
            blocks: vec![
                p(P_FLOOD),
                ("blockquote.pullquote", "\"We are not going to stop until every family is back in a dry home\"".to_string()),
                p(P_COUNCIL),
                p(P_QUOTE),
            ],
            want: vec![(Decorative, vec![3], vec![1])],
        },
        Case {
            name: "a teaser (first words and an ellipsis) above the lead: fold the teaser",
            blocks: vec![
                ("p.standfirst", "Officials of the ruling Cambodian People's Party (CPP) and the opposition Cambodia National Rescue Party (CNRP) on November 5 resumed talks…".to_string()),
                p(seed(1)),
                p(seed(3)),
            ],
            want: vec![(Decorative, vec![1], vec![0])],
        },
        Case {
            name: "the headline repeated as the first paragraph: fold the paragraph",
            blocks: vec![
                ("h1", "Cambodia's ruling party and opposition resume talks".to_string()),
                p("Cambodia's ruling party and opposition resume talks"),
                p(seed(1)),
            ],
            want: vec![(Exact, vec![0], vec![1])],
        },
        Case {
            name: "a byline copied along with a repeated run",
            blocks: vec![p(seed(2)), p("By Jane Doe"), p(seed(3)), p(P_ECON), p(seed(2)), p("By Jane Doe"), p(seed(3))],
            want: vec![(Block, vec![0], vec![4]), (Block, vec![1], vec![5]), (Block, vec![2], vec![6])],
        },
        Case {
            name: "Chinese text without spaces",
            blocks: vec![
                p("柬埔寨人民党和救国党工作组11月5日恢复谈判，双方讨论了洪森首相和桑兰西在会谈中达成一致的问题。"),
                p("柬埔寨于7月28日举行大选，人民党赢得123个议席中的68席，救国党获得55席。"),
                p("柬埔寨人民党和救国党工作组11月5日恢复谈判，双方讨论了洪森首相和桑兰西在会谈中达成一致的问题。"),
            ],
            want: vec![(Exact, vec![0], vec![2])],
        },
        Case {
            name: "Arabic text",
            blocks: vec![
                p("استأنف مسؤولو حزب الشعب الكمبودي الحاكم وحزب الإنقاذ الوطني المعارض المحادثات يوم الخامس من نوفمبر بشأن النزاع السياسي بعد انتخابات يوليو."),
                p(P_ECON),
                p("استأنف مسؤولو حزب الشعب الكمبودي الحاكم وحزب الإنقاذ الوطني المعارض المحادثات يوم الخامس من نوفمبر بشأن النزاع السياسي بعد انتخابات يوليو."),
            ],
            want: vec![(Exact, vec![0], vec![2])],
        },
        // Not repeats.
        Case {
            name: "a template filled with other names and numbers",
            blocks: vec![
                p("John Smith, 45, of Springfield, was charged with driving under the influence and resisting arrest after a traffic stop on Main Street on Friday night."),
                p("Maria Lopez, 32, of Riverside, was charged with driving under the influence and resisting arrest after a traffic stop on Main Street on Friday night."),
            ],
            want: vec![],
        },
        Case {
            name: "list items of one shape",
            blocks: vec![
                ("li", "If none were found, consider all placements anywhere in the device, even those in use by other apps and services.".to_string()),
                ("li", "If none were found, consider all routable placements anywhere in the device, even those in use by other apps and services.".to_string()),
            ],
            want: vec![],
        },
        Case {
            name: "sentences quoted with other speakers",
            blocks: vec![
                p("\"Turkey,\" said I, \"what do you think of this? Am I not right?\""),
                p("\"Nippers,\" said I, \"what do you think of it?\""),
            ],
            want: vec![],
        },
        Case {
            name: "a short credit under every photo",
            blocks: vec![p(P_ECON), p("Photo by Joan Bardeletti"), p(P_FLOOD), p("Photo by Joan Bardeletti"), p(P_COUNCIL)],
            want: vec![],
        },
        Case {
            name: "table of contents echoed by section headings",
            blocks: vec![
                ("li", "Understanding the results".to_string()),
                ("li", "What happens next".to_string()),
                ("h2", "Understanding the results".to_string()),
                p(P_ECON),
                ("h2", "What happens next".to_string()),
                p(P_FLOOD),
            ],
            want: vec![],
        },
        Case {
            name: "table cells repeating a name",
            blocks: vec![("td", P_COUNCIL.to_string()), p(P_ECON), ("td", P_COUNCIL.to_string())],
            want: vec![],
        },
        Case {
            name: "a URL that spells out the headline",
            blocks: vec![
                p("Cambodia's ruling party and opposition resume talks over the political dispute after the July election"),
                p("https://example.com/asia/cambodias-ruling-party-and-opposition-resume-talks-over-the-political-dispute-after-the-july-election"),
            ],
            want: vec![],
        },
    ]
}

#[test]
fn every_kind_of_repeat() {
    let mut failures = Vec::new();
    for case in cases() {
        let report = analyze(&page_of(&case.blocks));
        let got: Vec<(RepeatKind, Vec<u32>, Vec<u32>)> = report
            .repeats
            .iter()
            .map(|g| (g.kind, g.original.clone(), g.copies.clone()))
            .collect();
        if got != case.want {
            failures.push(format!(
                "{}:\n   want {:?}\n    got {:?}",
                case.name, case.want, got
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_glued_copy_folds_only_its_own_span() {
    let glued = format!("{}{}", seed(8), seed(2).replace("Speaking", " Speaking"));
    let page = page_of(&[p(seed(1)), p(seed(2)), p(&glued)]);
    let r = analyze(&page);
    assert_eq!(r.repeats.len(), 1);
    let span = r.repeats[0].spans[0];
    let u16: Vec<u16> = glued.encode_utf16().collect();
    let folded = String::from_utf16(&u16[span.start as usize..span.end as usize]).unwrap();
    assert_eq!(folded, seed(2));
    let kept = String::from_utf16(&u16[..span.start as usize]).unwrap();
    assert!(kept.ends_with("normal operation.-VNA "), "{kept:?}");
    assert!(
        !r.blocks[2].folded,
        "the new text of the block stays visible"
    );
}

#[test]
fn spans_are_utf16_offsets() {
    // An emoji is two UTF-16 units: the span must count it so.
    let a = "The festival drew record crowds to the riverside park on Saturday, organisers said, with more than forty thousand visitors 🎉 over two days.";
    let glued = format!("Tickets 😀 sold out within an hour on Friday morning, and the queue stretched around the block 🎟️ twice. {a}");
    let r = analyze(&page_of(&[p(a), p(P_ECON), p(&glued)]));
    let span = r.repeats[0].spans[0];
    let u16: Vec<u16> = glued.encode_utf16().collect();
    assert_eq!(
        String::from_utf16(&u16[span.start as usize..span.end as usize]).unwrap(),
        a
    );
}

#[test]
fn hidden_copies_and_navigation() {
    // A hidden copy (print or mobile version) after the visible paragraph
    // folds: shown, it would be read twice (the extension leaves a copy that
    // is not rendered alone, so nothing the reader sees changes).
    let mut page = page_of(&[p(seed(2)), p(seed(3)), p(seed(2))]);
    page.blocks[2].visible = false;
    let r = analyze(&page);
    assert_eq!(r.repeats.len(), 1, "{:?}", r.repeats);
    assert_eq!(
        (
            r.repeats[0].original.as_slice(),
            r.repeats[0].copies.as_slice()
        ),
        (&[0][..], &[2][..])
    );
    assert_eq!(r.repeats[0].action, RepeatAction::Fold);

    let mut page = page_of(&[p(seed(2)), p(seed(3)), p(seed(2))]);
    page.elements.push(Element {
        tag: "nav".into(),
        hints: String::new(),
    });
    page.blocks[2].path = vec![0, 1];
    let r = analyze(&page);
    assert!(
        r.repeats.iter().all(|g| g.action == RepeatAction::Mark),
        "a copy in navigation is never folded: {:?}",
        r.repeats
    );
    assert!(r.blocks.iter().all(|b| !b.folded));

    // A link list outside the article that repeats a paragraph is reported
    // (a related box), and the article's paragraph is the original.
    let mut page = page_of(&[p(seed(2)), p(seed(3)), p(seed(2))]);
    page.blocks[2].link_chars = 300;
    let r = analyze(&page);
    assert!(
        r.repeats.iter().all(|g| !g.copies.contains(&0)),
        "the article's paragraph is never the copy: {:?}",
        r.repeats
    );
}

#[test]
fn deterministic() {
    let page = page_of(&SEED.lines().map(p).collect::<Vec<_>>());
    let a = serde_json::to_string(&analyze(&page)).unwrap();
    for _ in 0..5 {
        assert_eq!(serde_json::to_string(&analyze(&page)).unwrap(), a);
    }
}
