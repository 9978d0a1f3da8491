//! What each repeat's copy is (`role`, issue 24 item 4): a pull-quote, a
//! caption, a standfirst, a teaser's lead, a story's link, the headline
//! again, a paragraph, a site blurb, a share label, a dateline. Each row is
//! a small page in the markup shapes of real pages (the class names and
//! nesting of pages in ../shared/data/repeats-dev-natural, from
//! adbar/trafilatura tests/eval at e90b0ef5, Apache-2.0; quoted lines
//! belong to their publishers, named per constant) around the Bruckner
//! rezoning text of tests/repeats_article.rs, and says which role the copy
//! holding a text must carry.
#![cfg(feature = "cli")]

use dossier::{RepeatRole, Report};

const H1: &str = "Council approves the Bruckner rezoning, ending a dispute that divided the Bronx";
const LEAD: &str = "The New York City Council voted on Thursday to approve the rezoning of the Bruckner Boulevard area, ending a dispute that had divided the Bronx for two years.";
const SECOND: &str = "Councilmember Marjorie Velázquez, who had opposed the plan, changed her position after the developers agreed to set aside 30 percent of the apartments for low-income tenants.";
const QUOTE: &str = "“This is a compromise that the neighbourhood can live with,” Velázquez said in a statement, adding that the city would fund a new school, a library and two parks.";
const PULL: &str = "“This is a compromise that the neighbourhood can live with”";
const THIRD: &str = "Opponents, led by the Throggs Neck Homeowners Association, said they would continue to fight the project in court, arguing that the streets cannot carry more traffic.";
const LAST: &str = "The developers expect to break ground next spring, and the first tenants could move in by 2027, according to the city’s housing department.";
/// mz-web.de (an intertitle quoting the opening of the paragraph after it).
const F13_H3: &str = "Die originale F13 startete im Jahr 1919 zum ersten Testflug";
const F13_P: &str = "Die originale F13 startete im Jahr 1919 zum ersten Testflug und galt als das erste Ganzmetall-Passagierflugzeug. Anders als die Vorläufer war es als rein zivile Maschine konzipiert.";
/// polityka.pl (a teaser's title and lead, printed in two teaser boxes).
const KRAK_H: &str = "Pacjent prosił: \"Uratuj mnie\". Dramatyczne relacje z dyżuru";
const KRAK_P: &str = "Rozmawiamy z pielęgniarką i ratownikiem ze szpitala tymczasowego na MTP w Poznaniu, gdzie 30 marca zabrakło tlenu.";
/// watson.ch (a "Trinken mit Stil" list printed in two versions).
const GINS: &str = "9 Schweizer Gins, die du unbedingt mal trinken solltest";
/// pagesix.com (share-button labels, printed in every share bar).
const SHARE: &str = "Click to share on Facebook (Opens in new window)";
/// kxan.com (a dateline printed in two copies of the article header).
const POSTED: &str = "Posted: Nov 8, 2023 / 04:43 PM CST";
/// mixed.de (a newsletter form's confirmation, printed for two forms).
const CONFIRM: &str =
    "Prüfe Deinen Posteingang oder Spam-Ordner, um Dein Abonnement zu bestätigen.";

/// A page: `before` the article, `lead` inside it after the headline and
/// before the body, `mid` after the body's second paragraph, `after` it.
fn page(before: &str, lead: &str, mid: &str, after: &str) -> Report {
    let html = format!(
        "<html><body><div class=\"site\">{before}<article class=\"story\"><div class=\"story-body\">\
         <h1>{H1}</h1>{lead}<p>{LEAD}</p><p>{SECOND}</p>{mid}<p>{QUOTE}</p><p>{THIRD}</p><p>{LAST}</p>\
         </div></article>{after}</div></body></html>"
    );
    dossier::analyze(&dossier::html::page_from_html(&html))
}

/// One row: a page and the role of the copy whose text starts with `copy`.
struct Case {
    name: &'static str,
    report: Report,
    copy: &'static str,
    role: RepeatRole,
}

fn cards(class: &str) -> String {
    format!(
        "<section class=\"{class}\"><ul><li><a href=\"/k\"><h3>{KRAK_H}</h3><p class=\"lead\">{KRAK_P}</p></a></li>\
         <li><a href=\"/g\">{GINS}</a></li></ul></section>"
    )
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "a pull-quote box quoting the next paragraph",
            report: page("", "", &format!("<blockquote class=\"pull-right\">{PULL}</blockquote>"), ""),
            copy: PULL,
            role: RepeatRole::PullQuote,
        },
        Case {
            name: "an intertitle quoting the opening of the next paragraph",
            report: page("", "", &format!("<h3>{F13_H3}</h3><p>{F13_P}</p>"), ""),
            copy: F13_H3,
            role: RepeatRole::PullQuote,
        },
        Case {
            name: "a subheadline under the headline repeating the second paragraph",
            report: page("", &format!("<h2>{SECOND}</h2>"), "", ""),
            copy: SECOND,
            role: RepeatRole::Standfirst,
        },
        Case {
            name: "a photo caption repeating the lead",
            report: page(
                "",
                &format!("<figure><img src=\"a.jpg\"><figcaption>{LEAD}</figcaption></figure>"),
                "",
                "",
            ),
            copy: LEAD,
            role: RepeatRole::Caption,
        },
        Case {
            name: "a teaser card's lead printed in a second teaser box",
            report: page(&cards("most-read"), "", "", &cards("teaser-box")),
            copy: KRAK_P,
            role: RepeatRole::Teaser,
        },
        Case {
            name: "a teaser card's title printed in a second teaser box",
            report: page(&cards("most-read"), "", "", &cards("teaser-box")),
            copy: KRAK_H,
            role: RepeatRole::RelatedLink,
        },
        Case {
            name: "a story's link printed in a second list",
            report: page(&cards("most-read"), "", "", &cards("teaser-box")),
            copy: GINS,
            role: RepeatRole::RelatedLink,
        },
        Case {
            name: "the headline again as the title of a hidden e-mail dialog",
            report: page(
                "",
                "",
                "",
                &format!("<div class=\"mail-dialog\" hidden><h4>{H1}</h4></div>"),
            ),
            copy: H1,
            role: RepeatRole::Headline,
        },
        Case {
            name: "the article body printed again in a hidden print layout",
            report: page(
                "",
                "",
                "",
                &format!("<div class=\"textoplanazo\" style=\"display:none\"><p>{THIRD}</p><p>{LAST}</p></div>"),
            ),
            copy: THIRD,
            role: RepeatRole::Paragraph,
        },
        Case {
            name: "the article body printed again in a print-only copy is paragraphs, not a summary",
            report: page(
                "",
                "",
                "",
                &format!("<div class=\"print-version\" style=\"display:none\"><p>{THIRD}</p><p>{LAST}</p></div>"),
            ),
            copy: LAST,
            role: RepeatRole::Paragraph,
        },
        Case {
            name: "a newsletter form's confirmation printed for two forms",
            report: page(
                &format!("<form class=\"nl\"><p>{CONFIRM}</p></form>"),
                "",
                "",
                &format!("<form class=\"nl-footer\"><p>{CONFIRM}</p></form>"),
            ),
            copy: CONFIRM,
            role: RepeatRole::Boilerplate,
        },
        Case {
            name: "a share-button label in two share bars",
            report: page(
                &format!("<div class=\"share-bar\"><ul><li><a href=\"/s\">{SHARE}</a></li></ul></div>"),
                "",
                "",
                &format!("<div class=\"sharing bottom\"><ul><li><a href=\"/s\">{SHARE}</a></li></ul></div>"),
            ),
            copy: SHARE,
            role: RepeatRole::Boilerplate,
        },
        Case {
            name: "a dateline printed in two copies of the article header",
            report: page(
                &format!("<div class=\"print-header\"><p>{POSTED}</p></div>"),
                "",
                "",
                &format!("<div class=\"sticky-header\"><p>{POSTED}</p></div>"),
            ),
            copy: POSTED,
            role: RepeatRole::Dateline,
        },
    ]
}

#[test]
fn every_copy_is_named_by_what_it_is() {
    for c in cases() {
        let r = &c.report;
        let want: Vec<u32> = r
            .blocks
            .iter()
            .filter(|b| b.text.trim().starts_with(c.copy))
            .map(|b| b.index)
            .collect();
        let g = r
            .repeats
            .iter()
            .find(|g| g.copies.iter().any(|x| want.contains(x)))
            .unwrap_or_else(|| panic!("{}: no copy of {:?}: {:?}", c.name, c.copy, r.repeats));
        assert_eq!(g.role, c.role, "{}: {g:?}", c.name);
    }
}

#[test]
fn roles_are_written_in_the_labels_vocabulary() {
    let r = page(
        "",
        "",
        &format!("<blockquote class=\"pull-right\">{PULL}</blockquote>"),
        "",
    );
    let json = serde_json::to_value(&r).unwrap();
    let roles: Vec<&str> = json["repeats"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["pull-quote"]);
}
