//! Repeats as they occur on real pages (issue 24 item 4): a teaser printed in
//! two lists, a headline cut short or stamped with a time, an intertitle or
//! caption quoting the body, and the look-alikes that must stay alone (a
//! menu printed twice, a breadcrumb echoing the headline). Each row is a
//! small page around real lines from the natural repeats set
//! (../shared/data/repeats-dev-natural, pages from adbar/trafilatura
//! tests/eval at e90b0ef5, Apache-2.0; the text belongs to its publisher,
//! named per row), and says which copy is reported, behind which original,
//! with which action.
#![cfg(feature = "cli")]

use dossier::{RepeatAction, Report};

/// The body of the article every page holds (the Bruckner rezoning text of
/// tests/repeats_article.rs), so that the article is found.
const BODY: &str = r#"
<p>The New York City Council voted on Thursday to approve the rezoning of the Bruckner Boulevard area, ending a dispute that had divided the Bronx for two years.</p>
<p>Councilmember Marjorie Velázquez, who had opposed the plan, changed her position after the developers agreed to set aside 30 percent of the apartments for low-income tenants.</p>
<p>Opponents, led by the Throggs Neck Homeowners Association, said they would continue to fight the project in court, arguing that the streets cannot carry more traffic.</p>
<p>The developers expect to break ground next spring, and the first tenants could move in by 2027, according to the city’s housing department.</p>
"#;

/// watson.ch (a "Trinken mit Stil" list printed in three versions).
const GINS: &str = "9 Schweizer Gins, die du unbedingt mal trinken solltest";
/// watson.ch ("Meistgelesen" list: the full headline and a copy cut short).
const HAAG: &str =
    "55 Jahre alt, Akademikerkarriere, Managerlohn - und nun wird Herr Haag Lokführer";
const HAAG_CUT: &str = "55 Jahre alt, Akademikerkarriere, Managerlohn - und nun wird …";
/// polityka.pl (a teaser's headline and lead, printed in two teaser
/// boxes).
const KRAK_H: &str = "Pacjent prosił: \"Uratuj mnie\". Dramatyczne relacje z dyżuru";
const KRAK_P: &str = "Rozmawiamy z pielęgniarką i ratownikiem ze szpitala tymczasowego na MTP w Poznaniu, gdzie 30 marca zabrakło tlenu.";
/// selbermachen.de (a photo caption quoting the step it shows, with a credit).
const STEP_P: &str = "4. Die Traufenprofile werden mit Hilfe eines Winkels an den bestehenden Profilen befestigt. Für die spätere Montage der Dachstreben werden die Aufnahmewinkel in die Traufenprofile geschoben.";
const STEP_CAP: &str =
    "Die Traufenprofile werden mit Hilfe eines Winkels an den bestehenden Profilen befestigt. © Hoklatherm";
/// uusisuomi.fi (the lead photo's caption is the lead's first sentence and
/// a credit).
const MERKEL_CAP: &str = "Saksan liittokansleri Angela Merkel keskusteli keskiviikkona Berliinissä Suomen pääministerin Sanna Marinin (sd) kanssa. Kuva: ALEXANDER BECHER";
const MERKEL_P: &str = "Saksan liittokansleri Angela Merkel keskusteli keskiviikkona Berliinissä Suomen pääministerin Sanna Marinin (sd) kanssa. Keskustelujen pääaihe oli selvästi Euroopan unionin vuosien 2021-2027 rahoituskehys.";
/// panamaamerica.com.pa (a related headline, its last word cut in a second
/// list).
const VUELO: &str = "El vuelo chárter a China de $350 mil, contratado por la canciller Mouynés";
const VUELO_CUT: &str = "El vuelo chárter a China de $350 mil, contratado por la canciller";
/// twincities.com (a related headline with and without its section label).
const VOTERS: &str = "Voters elect four to St. Paul school board, incumbent Ellis loses seat";
/// publishedreporter.com (the news ticker in the top menu, and the "next post" link).
const TICKER: &str = "Shepherdsville Mother Accused of Fatally Shooting Her Two Children";
/// utopia.de (a "best of" list in two sidebar widgets, each an `<article>`
/// whose class, "menuteaser", holds the word "menu").
const BEST: &str = "Die besten Modelabels für Fair-Trade-Kleidung &amp; nachhaltige Mode";
const BEST_TEXT: &str = "Die besten Modelabels für Fair-Trade-Kleidung & nachhaltige Mode";
/// wiadomosci.gazeta.pl (a news box stamps its headlines with the time).
const POZNAN: &str = "Poznań. Matka trzylatki ranionej nożem usłyszała zarzut zabójstwa";
/// mz-web.de (an intertitle quoting the opening of the next paragraph).
const F13_H3: &str = "Die originale F13 startete im Jahr 1919 zum ersten Testflug";
const F13_P: &str = "Die originale F13 startete im Jahr 1919 zum ersten Testflug und galt als das erste Ganzmetall-Passagierflugzeug. Anders als die Vorläufer war es als rein zivile Maschine konzipiert. Über 300 Exemplare wurden von der F13 gebaut.";
/// twincities.com (the lead photo's caption is the first two paragraphs).
const MAYOR_1: &str =
    "St. Louis Park appears to be the first U.S. city to have elected a Somali American mayor.";
const MAYOR_2: &str = "Nadia Mohamed, 27, won with 58% of the vote in Tuesday’s municipal election, defeating Dale Anderson, who got 41% of the vote.";
const CAPTION: &str = "St. Louis Park appears to be the first U.S. city to have elected a Somali American mayor. Nadia Mohamed";
/// panamaamerica.com.pa (a hidden page header repeats the headline after
/// its section and a slash).
const AVION: &str = "Buscan apropiarse ilegalmente de avión de Ricardo Martinelli en Guatemala";
/// haustiermagazin.com (an affiliate disclaimer under every product box:
/// sentences between slashes, no navigation trail).
const AFFILIATE: &str = "Letzte Aktualisierung am 2.02.2022 / Bei den Verlinkungen handelt es sich um Affiliate Links / Bilder von der Amazon Product Advertising API";
/// wired.com (a pull-quote box, an `<aside>` in the article body, quoting
/// the paragraph before it without its attribution; the page's `<body>`
/// has a class that names navigation).
const CONCERN: &str = "“The concern is that machine-learning algorithms in general are consuming more and more energy, using more data, training for longer and longer,” says Sasha Luccioni, a postdoctoral researcher at Mila, an AI research institute in Canada.";
const CONCERN_PULL: &str = "“The concern is that machine-learning algorithms in general are consuming more and more energy, using more data, training for longer and longer.”";
/// pagesix.com (share-button labels, printed in every share bar).
const SHARE: &str = "Click to share on Facebook (Opens in new window)";
/// kxan.com (a dateline printed in two copies of the article header).
const POSTED: &str = "Posted: Nov 8, 2023 / 04:43 PM CST";

/// A page: `before` the article, `lead` inside it before the body, `after` it.
fn page(before: &str, lead: &str, after: &str) -> Report {
    let html = format!(
        "<html><body><div class=\"site\">{before}<article class=\"story\"><div class=\"story-body\">\
         <h1>Council approves the Bruckner rezoning</h1>{lead}{BODY}</div></article>{after}</div></body></html>"
    );
    dossier::analyze(&dossier::html::page_from_html(&html))
}

/// Every block whose text is `text`, or else every block it starts.
fn blocks_of(r: &Report, text: &str) -> Vec<u32> {
    let find = |f: &dyn Fn(&str) -> bool| -> Vec<u32> {
        r.blocks
            .iter()
            .filter(|b| f(b.text.trim()))
            .map(|b| b.index)
            .collect()
    };
    let exact = find(&|t| t == text);
    if exact.is_empty() {
        find(&|t| t.starts_with(text))
    } else {
        exact
    }
}

/// A block named by its text and its occurrence (0 = the first).
type At = (&'static str, usize);

/// One row: a page, the repeats it must report as (copy, originals,
/// action), each block named by its text and its occurrence (0 = first),
/// and the lines that must be in no group at all.
struct Case {
    name: &'static str,
    report: Report,
    want: Vec<(At, Vec<At>, RepeatAction)>,
    alone: Vec<&'static str>,
}

fn list(items: &[&str]) -> String {
    items
        .iter()
        .map(|t| format!("<li>{t}</li>"))
        .collect::<String>()
}

fn cases() -> Vec<Case> {
    let teasers = format!(
        "<ul>{}</ul>",
        list(&[
            GINS,
            "Sazerac: alles über den Cocktail-Klassiker aus New Orleans und seine Geschichte"
        ])
    );
    vec![
        Case {
            name: "a teaser list printed twice outside the article: the second copy folds",
            report: page(
                &format!("<section class=\"recommendations\">{teasers}</section>"),
                "",
                &format!("<section class=\"more-stories\">{teasers}</section>"),
            ),
            want: vec![((GINS, 1), vec![(GINS, 0)], RepeatAction::Fold)],
            alone: vec![],
        },
        Case {
            name: "a menu printed for desktop and phone is navigation, not a repeat",
            report: page(
                &format!("<nav class=\"main\">{teasers}</nav>"),
                "",
                &format!("<div class=\"mobile-menu\">{teasers}</div>"),
            ),
            want: vec![],
            alone: vec![GINS],
        },
        Case {
            name: "a headline in the menu's news ticker, again as the next-post link: the link folds",
            report: page(
                &format!("<div class=\"section-menu\"><div class=\"newsticker\"><ul>{}</ul></div></div>", list(&[TICKER])),
                "",
                &format!("<section class=\"next-prev-post\"><div class=\"next-post\"><p><a href=\"/n\">{TICKER}</a></p></div></section>"),
            ),
            want: vec![((TICKER, 1), vec![(TICKER, 0)], RepeatAction::Fold)],
            alone: vec![],
        },
        Case {
            name: "a headline printed again in a menu is only marked: a placeholder would break the menu",
            report: page(
                &format!("<section class=\"latest\"><ul>{}</ul></section>", list(&[TICKER])),
                "",
                &format!("<div class=\"dropdown-menu\"><ul>{}</ul></div>", list(&[TICKER])),
            ),
            want: vec![((TICKER, 1), vec![(TICKER, 0)], RepeatAction::Mark)],
            alone: vec![],
        },
        Case {
            name: "a teaser widget built as an <article> whose class says \"menuteaser\" is a list, not a menu: the second copy folds",
            report: page(
                "",
                "",
                &["84", "106"]
                    .map(|n| format!(
                        "<aside class=\"sidebar\"><article id=\"ut_widgets_menuteaser-{n}\" class=\"widget widget_ut_widgets_menuteaser\"><div class=\"widget\"><ol class=\"row cover counter\"><li class=\"circle\">\
                         <a title=\"{BEST}\" href=\"/bestenlisten/modelabels-faire-mode\" class=\"ana_teaser_bestenlistenkategorie\"><div class=\"teaser\"><div class=\"col-12 p--20\">\
                         <span class=\"headline\">{BEST}</span></div></div></a></li></ol></div></article></aside>"
                    ))
                    .concat(),
            ),
            want: vec![((BEST_TEXT, 1), vec![(BEST_TEXT, 0)], RepeatAction::Fold)],
            alone: vec![],
        },
        Case {
            name: "a breadcrumb's last item echoes a teaser: left alone",
            report: page(
                &format!("<ol class=\"breadcrumbs\"><li>{GINS}</li></ol>"),
                "",
                &format!("<section class=\"more-stories\"><ul><li>{GINS}</li></ul></section>"),
            ),
            want: vec![],
            alone: vec![GINS],
        },
        Case {
            name: "a teaser card inside a link folds (the extension puts the placeholder before the link)",
            report: page(
                &format!("<section class=\"teasers\"><a href=\"/g\"><div class=\"teaser-text\">{GINS}</div></a></section>"),
                "",
                &format!("<section class=\"teasers\"><a href=\"/g2\"><div class=\"teaser-text\">{GINS}</div></a></section>"),
            ),
            want: vec![((GINS, 1), vec![(GINS, 0)], RepeatAction::Fold)],
            alone: vec![],
        },
        Case {
            name: "a card's headline and lead, both inside its link, fold in the second list",
            report: page(
                &format!("<ul class=\"most-read\"><li><a href=\"/k\"><h3>{KRAK_H}</h3><p>{KRAK_P}</p></a></li></ul>"),
                "",
                &format!("<ul class=\"teaser-box\"><li><a href=\"/k\"><h3>{KRAK_H}</h3><p>{KRAK_P}</p></a></li></ul>"),
            ),
            want: vec![
                ((KRAK_H, 1), vec![(KRAK_H, 0)], RepeatAction::Fold),
                ((KRAK_P, 1), vec![(KRAK_P, 0)], RepeatAction::Fold),
            ],
            alone: vec![],
        },
        Case {
            name: "a hidden copy after the visible one folds (nothing the reader sees changes)",
            report: page(
                &format!("<section class=\"latest\"><ul><li>{HAAG}</li></ul></section>"),
                "",
                &format!("<section class=\"latest-mobile\" style=\"display:none\"><ul><li>{HAAG}</li></ul></section>"),
            ),
            want: vec![((HAAG, 1), vec![(HAAG, 0)], RepeatAction::Fold)],
            alone: vec![],
        },
        Case {
            name: "the first copy in a closed tab stays the original, its visible copy is only marked",
            report: page(
                &format!("<div class=\"tab-pane\" hidden><ul><li>{HAAG}</li></ul></div><div class=\"tab-pane\"><ul><li>{HAAG}</li></ul></div>"),
                "",
                "",
            ),
            want: vec![((HAAG, 1), vec![(HAAG, 0)], RepeatAction::Mark)],
            alone: vec![],
        },
        Case {
            name: "a headline cut short with an ellipsis is the copy of the full one",
            report: page(
                &format!("<section class=\"meistgelesen\"><ul><li>{HAAG}</li></ul></section>"),
                "",
                &format!("<section class=\"teaser\"><ul><li>{HAAG_CUT}</li></ul></section>"),
            ),
            want: vec![((HAAG_CUT, 0), vec![(HAAG, 0)], RepeatAction::Fold)],
            alone: vec![],
        },
        Case {
            name: "a headline stamped with the time in a news box is the same headline",
            report: page(
                &format!("<div class=\"newsbox\"><ul><li>11:31 {POZNAN}</li></ul></div>"),
                "",
                &format!("<section class=\"related_articles\"><ul><li>{POZNAN}</li></ul></section>"),
            ),
            want: vec![((POZNAN, 0), vec![("11:31 Poznań", 0)], RepeatAction::Fold)],
            alone: vec![],
        },
        Case {
            name: "a related link inside the article column is no article text: the teaser printed first stays the original",
            report: page(
                &format!("<section class=\"most-read\"><ul><li><a href=\"/v\">{VOTERS}</a></li></ul></section>"),
                &format!("<p><a href=\"/v\">{VOTERS}</a></p>"),
                "",
            ),
            want: vec![((VOTERS, 1), vec![(VOTERS, 0)], RepeatAction::Fold)],
            alone: vec![],
        },
        Case {
            name: "a headline with its last word cut, in a second list, is the same story",
            report: page(
                &format!("<section class=\"related-notes\"><ul>{}</ul></section>", list(&[VUELO])),
                "",
                &format!("<section class=\"news-list\"><ul>{}</ul></section>", list(&[VUELO_CUT])),
            ),
            want: vec![((VUELO_CUT, 0), vec![(VUELO, 0)], RepeatAction::Fold)],
            alone: vec![],
        },
        Case {
            name: "a headline with a section label before a bar is the same headline",
            report: page(
                &format!(
                    "<section class=\"related\"><ul><li><a href=\"/v\">Politics | {VOTERS}</a></li></ul></section>\
                     <section class=\"more-posts\"><ul><li><a href=\"/v\">{VOTERS}</a></li></ul></section>"
                ),
                "",
                "",
            ),
            want: vec![((VOTERS, 0), vec![("Politics | Voters", 0)], RepeatAction::Fold)],
            alone: vec![],
        },
        Case {
            name: "a headline with a section label before a spaced slash is the same headline",
            report: page(
                &format!(
                    "<section class=\"latest\"><ul><li><a href=\"/a\">{AVION}</a></li></ul></section>\
                     <div class=\"page-header\" style=\"display:none\"><h2>Judicial / {AVION}</h2></div>"
                ),
                "",
                "",
            ),
            want: vec![(("Judicial / Buscan", 0), vec![(AVION, 0)], RepeatAction::Fold)],
            alone: vec![],
        },
        Case {
            name: "a disclaimer of sentences between slashes under two product boxes is a repeat, not a trail",
            report: page(
                "",
                &format!("<div class=\"product\"><p>{AFFILIATE}</p></div><div class=\"product\"><p>{AFFILIATE}</p></div>"),
                "",
            ),
            want: vec![((AFFILIATE, 1), vec![(AFFILIATE, 0)], RepeatAction::Fold)],
            alone: vec![],
        },
        Case {
            name: "a pull-quote aside in the body folds behind its paragraph, whatever the body's class",
            report: dossier::analyze(&dossier::html::page_from_html(&format!(
                "<html><body class=\"navigation-border-thin-decoration\"><main><article class=\"article\">\
                 <h1>Council approves the Bruckner rezoning</h1><div class=\"article__body\">{BODY}<p>{CONCERN}</p>\
                 <aside class=\"pullquote-embed\"><span class=\"pullquote-embed__content\"><p>{CONCERN_PULL}</p></span></aside>\
                 </div></article></main></body></html>"
            ))),
            want: vec![((CONCERN_PULL, 0), vec![(CONCERN, 0)], RepeatAction::Fold)],
            alone: vec![],
        },
        Case {
            name: "an intertitle quoting the next paragraph folds behind it",
            report: page("", &format!("<h3>{F13_H3}</h3><p>{F13_P}</p>"), ""),
            want: vec![((F13_H3, 0), vec![(F13_P, 0)], RepeatAction::Fold)],
            alone: vec![],
        },
        Case {
            name: "a caption made of the first two paragraphs folds behind them",
            report: page(
                "",
                &format!(
                    "<figure><img src=\"m.jpg\"><figcaption>{MAYOR_1} {MAYOR_2}</figcaption></figure><p>{MAYOR_1}</p><p>{MAYOR_2}</p>"
                ),
                "",
            ),
            want: vec![(
                (CAPTION, 0),
                vec![(MAYOR_1, 0), (MAYOR_2, 0)],
                RepeatAction::Fold,
            )],
            alone: vec![],
        },
        Case {
            name: "a caption quoting the step above it, with a credit appended, folds behind it",
            report: page(
                "",
                &format!("<p>{STEP_P}</p><figure><img src=\"s.jpg\"><figcaption>{STEP_CAP}</figcaption></figure>"),
                "",
            ),
            want: vec![((STEP_CAP, 0), vec![(STEP_P, 0)], RepeatAction::Fold)],
            alone: vec![],
        },
        Case {
            name: "a lead photo's caption, the lead's first sentence and a credit, folds behind the lead",
            report: page(
                "",
                &format!("<figure><img src=\"m.jpg\"><figcaption>{MERKEL_CAP}</figcaption></figure><p>{MERKEL_P}</p>"),
                "",
            ),
            want: vec![((MERKEL_CAP, 0), vec![(MERKEL_P, 0)], RepeatAction::Fold)],
            alone: vec![],
        },
        Case {
            name: "share-button labels are marked, whatever their length",
            report: page(
                &format!("<div class=\"share-bar\"><ul><li><a href=\"/s\">{SHARE}</a></li></ul></div>"),
                "",
                &format!("<div class=\"sharing bottom\"><ul><li><a href=\"/s\">{SHARE}</a></li></ul></div>"),
            ),
            want: vec![((SHARE, 1), vec![(SHARE, 0)], RepeatAction::Mark)],
            alone: vec![],
        },
        Case {
            name: "a dateline printed twice is marked: numbers read at a glance",
            report: page(
                &format!("<div class=\"print-header\"><p>{POSTED}</p></div>"),
                "",
                &format!("<div class=\"sticky-header\"><p>{POSTED}</p></div>"),
            ),
            want: vec![((POSTED, 1), vec![(POSTED, 0)], RepeatAction::Mark)],
            alone: vec![],
        },
    ]
}

#[test]
fn natural_repeats_are_reported_with_the_right_copy_and_action() {
    for c in cases() {
        let r = &c.report;
        let at = |(text, k): (&str, usize)| -> u32 {
            *blocks_of(r, text)
                .get(k)
                .unwrap_or_else(|| panic!("{}: no block {k} for {text:?}", c.name))
        };
        for (copy, originals, action) in &c.want {
            let copy = at(*copy);
            let mut want_orig: Vec<u32> = originals.iter().map(|&o| at(o)).collect();
            want_orig.sort_unstable();
            let g = r
                .repeats
                .iter()
                .find(|g| g.copies.contains(&copy))
                .unwrap_or_else(|| panic!("{}: block {copy} is no copy: {:?}", c.name, r.repeats));
            let mut got_orig = g.original.clone();
            got_orig.sort_unstable();
            assert_eq!(got_orig, want_orig, "{}: originals", c.name);
            assert_eq!(g.action, *action, "{}: action", c.name);
        }
        for text in &c.alone {
            for b in blocks_of(r, text) {
                assert!(
                    !r.repeats
                        .iter()
                        .any(|g| g.copies.contains(&b) || g.original.contains(&b)),
                    "{}: {text:?} (block {b}) is in a group: {:?}",
                    c.name,
                    r.repeats
                );
            }
        }
        // No article paragraph is ever folded behind one of these.
        for b in &r.blocks {
            if b.text.starts_with("The New York City Council") {
                assert!(!b.folded, "{}: the article's lead folded", c.name);
            }
        }
    }
}
