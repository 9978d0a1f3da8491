//! The sidebar's scope on small pages shaped like real ones: what sits in or
//! beside the article but is not about it never feeds the sidebar, and the
//! article's own text always does (`src/article/scope.rs`).
#![cfg(feature = "cli")]
const BODY: &str = r#"
<h1>Council approves the Bruckner rezoning after a long fight</h1>
<p>The New York City Council voted on Thursday to approve the rezoning of the Bruckner Boulevard area, ending a dispute that had divided the Bronx for two years.</p>
<p>Councilmember Marjorie Velázquez, who had opposed the plan, changed her position after the developers agreed to set aside 30 percent of the apartments for low-income tenants.</p>
<figure><img src="a.jpg"><figcaption>Residents of Throggs Neck gathered outside City Hall before the vote.</figcaption></figure>
<p>“This is a compromise that the neighbourhood can live with,” Velázquez said in a statement, adding that the city would fund a new school, a library and two parks.</p>
<ul><li>349 apartments, 30 percent of them affordable</li><li>A new public school for 400 pupils</li></ul>
<p>Opponents, led by the Throggs Neck Homeowners Association, said they would continue to fight the project in court, arguing that the streets cannot carry more traffic.</p>
"#;

/// One page per case: the article above plus `extra` inside its
/// container; every `(text, fed)` pair says whether the block holding
/// `text` fed the sidebar.
fn check(name: &str, extra: &str, want: &[(&str, bool)]) {
    let html = format!(
        "<html><body><div class=\"site\"><div class=\"story-body\">{BODY}{extra}</div></div></body></html>"
    );
    let page = dossier::html::page_from_html(&html);
    let r = dossier::analyze(&page);
    for &(text, fed) in want {
        let b = r
            .blocks
            .iter()
            .find(|b| b.text.contains(text))
            .unwrap_or_else(|| panic!("{name}: no block holds {text:?}"));
        assert_eq!(b.in_sidebar, fed, "{name}: {text:?} in_sidebar");
    }
    // The article's own text feeds the sidebar whatever sits beside it.
    for own in [
        "Council approves the Bruckner",
        "voted on Thursday",
        "Residents of Throggs Neck",
        "A new public school",
        "Opponents, led by",
    ] {
        let b = r.blocks.iter().find(|b| b.text.contains(own)).unwrap();
        assert!(b.in_sidebar, "{name}: the article's {own:?} left out");
    }
}

#[test]
fn what_is_not_the_article_does_not_feed_the_sidebar() {
    let related: String = [
        (
            "Mayor Adams names a new police commissioner",
            "Edward Caban, a 30-year veteran, takes over the NYPD.",
        ),
        (
            "Knicks beat the Celtics in overtime",
            "Jalen Brunson scored 41 points at Madison Square Garden.",
        ),
        (
            "Subway fares rise to $2.90 in August",
            "The MTA board approved the increase on Wednesday.",
        ),
        (
            "Heat wave grips the Northeast",
            "Temperatures reached 98 degrees in Newark.",
        ),
    ]
    .iter()
    .map(|(t, s)| format!("<li><h3><a href=\"/{t}\">{t}</a></h3><p>{s}</p></li>"))
    .collect();
    let related = format!("<h2>More from the Bronx</h2><ul>{related}</ul>");
    let gallery: String = (1..=12)
        .map(|i| format!("<li><h2>{i}/12</h2><p>Slide {i}: Warren Buffett lost $3.6bn in last week's slump, shareholders of Berkshire Hathaway heard.</p><p>Getty</p></li>"))
        .collect();
    let gallery = format!("<div class=\"gallery\"><ul>{gallery}</ul></div>");
    let contacts: String = (1..=14)
        .map(|i| format!("<tr><td>Constituency {i}</td><td>Member Number{i}</td><td>member{i}@parliament.uk</td></tr>"))
        .collect();
    let contacts = format!("<p>Below is a list of members and their email addresses, so that you can write to yours.</p><table><caption>MEMBERS AND EMAIL ADDRESSES</caption>{contacts}</table>");
    let second = "<div class=\"factbox\"><h3>Prince Charles: young people need urgent help</h3>\
        <p>By Tom Pyman for MailOnline</p>\
        <p>As many as a million young people need urgent help, Prince Charles wrote in the Daily Telegraph.</p>\
        <p>The Prince's Trust was set up in 1976 to help vulnerable young people into work and training.</p></div>";
    let author = "<div class=\"author-bio\"><p>Jane Doe is a senior writer for the Bronx Times, covering housing and City Hall since 2015.</p></div>";
    let comments = "<section id=\"comments\"><div class=\"comment\"><p>Dave from Yonkers: Another giveaway to the developers, Velázquez should resign.</p></div></section>";
    let cta = "<section class=\"c-letters-cta\"><p>We want to hear what you think about this article. Submit a letter to the editor or write to letters@example.com.</p></section>";
    let linked = "<ul><li><a href=\"/u/1\">Councilmember Marjorie Velázquez and the Throggs Neck Homeowners Association</a> signed the agreement, which <a href=\"/doc/2\">was reviewed by</a> the City Planning Commission staff on Monday.</li></ul>";
    // Embed code as the providers hand it out, before their scripts
    // replace it with a frame: the poster and whoever the post names are
    // not the article's prose.
    let tweet = "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">Proud to stand with the Throggs Neck Homeowners Association tonight. Gregory Meeks and I will keep fighting! <a href=\"https://t.co/x\">pic.twitter.com/Ab12Cd</a></p>&mdash; Ritchie Torres (@RitchieTorres) <a href=\"https://twitter.com/RitchieTorres/status/1\">March 3, 2022</a></blockquote>";
    let instagram = "<blockquote class=\"instagram-media\" data-instgrm-permalink=\"https://www.instagram.com/p/x/\"><div><p><a href=\"https://www.instagram.com/p/x/\">A post shared by Bronx Parks Alliance (@bronxparks)</a></p></div></blockquote>";
    let small_table =
        "<table><tr><td>For</td><td>44</td></tr><tr><td>Against</td><td>6</td></tr></table>";
    type Case<'a> = (&'a str, String, &'a [(&'a str, bool)]);
    let cases: &[Case] = &[
        (
            "related list",
            related,
            &[
                ("Knicks beat", false),
                ("Jalen Brunson", false),
                ("Subway fares", false),
            ],
        ),
        (
            "gallery of other stories",
            gallery,
            &[("Slide 3: Warren Buffett", false), ("Slide 11", false)],
        ),
        (
            "table of contacts",
            contacts,
            &[
                ("member7@parliament.uk", false),
                ("Member Number3", false),
                ("Below is a list", true),
            ],
        ),
        (
            "second article",
            second.into(),
            &[
                ("By Tom Pyman", false),
                ("As many as a million", false),
                ("The Prince's Trust", false),
            ],
        ),
        (
            "author box",
            author.into(),
            &[("Jane Doe is a senior writer", false)],
        ),
        ("comments", comments.into(), &[("Dave from Yonkers", false)]),
        ("call to action", cta.into(), &[("We want to hear", false)]),
        (
            "byline",
            "<p>By Jane Doe and Juan Pérez</p>".into(),
            &[("By Jane Doe", false)],
        ),
        (
            "a sentence about linked things",
            linked.into(),
            &[("was reviewed by", true)],
        ),
        (
            "an embedded tweet",
            tweet.into(),
            &[("Proud to stand", false)],
        ),
        (
            "an embedded instagram post",
            instagram.into(),
            &[("A post shared by", false)],
        ),
        (
            "a small table of the article's own figures",
            small_table.into(),
            &[("Against", true)],
        ),
    ];
    for (name, extra, want) in cases {
        check(name, extra, want);
    }
}

#[test]
fn entities_come_from_the_article_only() {
    let related: String = [
        (
            "Mayor Adams names a new police commissioner",
            "Edward Caban takes over the NYPD.",
        ),
        (
            "Knicks beat the Celtics in overtime",
            "Jalen Brunson scored 41 points.",
        ),
        (
            "Heat wave grips the Northeast",
            "Temperatures reached 98 degrees in Newark.",
        ),
    ]
    .iter()
    .map(|(t, s)| format!("<li><h3><a href=\"/{t}\">{t}</a></h3><p>{s}</p></li>"))
    .collect::<String>();
    let html = format!(
        "<html><body><div class=\"story-body\">{BODY}<ul>{related}</ul></div></body></html>"
    );
    let r = dossier::analyze(&dossier::html::page_from_html(&html));
    let names: Vec<&str> = r.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.iter().any(|n| n.contains("Velázquez")), "{names:?}");
    for other in ["Brunson", "Caban", "Newark", "Celtics"] {
        assert!(
            !names.iter().any(|n| n.contains(other)),
            "{other} in {names:?}"
        );
    }
    // Every mention, date, number and quote points into a block that
    // fed the sidebar.
    let spans = r
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter())
        .chain(r.dates.iter().map(|d| &d.mention))
        .chain(r.quantities.iter().map(|q| &q.mention))
        .chain(r.quotes.iter().map(|q| &q.mention));
    let mut n = 0;
    for m in spans {
        assert!(r.blocks[m.block as usize].in_sidebar, "block {}", m.block);
        n += 1;
    }
    assert!(n > 5 && !r.quotes.is_empty() && !r.quantities.is_empty());
}

/// Stories one after another in one container, each with a heading and
/// a byline: the sidebar reads the first; a live blog's short entries
/// all stay.
#[test]
fn a_second_bylined_story_in_the_same_container_is_left_out() {
    let para = |i: usize, who: &str| {
        format!("<p>Paragraph {i}: {who} said on Tuesday that the project would continue, and that the dispute over the name had cost the community a great deal of time.</p>")
    };
    let lead: String = (1..=6).map(|i| para(i, "Massimo Banzi")).collect();
    let second: String = (1..=4).map(|i| para(i, "Anita Graser")).collect();
    let html = format!(
        "<html><body><div class=\"articletext\"><h1>Weekly Edition for March 26, 2015</h1>\
         <h2>A trademark battle in the Arduino community</h2><div>By Nathan Willis<br>March 25, 2015</div>{lead}\
         <h2>Mapping and data mining with QGIS 2.8</h2><div>By Nathan Willis<br>March 25, 2015</div>{second}\
         </div></body></html>"
    );
    let r = dossier::analyze(&dossier::html::page_from_html(&html));
    let fed = |text: &str| {
        r.blocks
            .iter()
            .filter(|b| b.text.contains(text))
            .all(|b| b.in_sidebar)
    };
    assert!(fed("Massimo Banzi"));
    assert!(!r
        .blocks
        .iter()
        .any(|b| b.text.contains("Anita Graser") && b.in_sidebar));
    assert!(!r.entities.iter().any(|e| e.name.contains("Graser")));

    let entries: String = (1..=4)
        .map(|i| {
            format!(
                "<h3>Update {i}</h3><div>By Tom Pyman</div>{}",
                para(i, "Liz Truss")
            )
        })
        .collect();
    let html = format!(
        "<html><body><div class=\"liveblog\"><h1>Live: the vote</h1>{entries}</div></body></html>"
    );
    let r = dossier::analyze(&dossier::html::page_from_html(&html));
    let n = r
        .blocks
        .iter()
        .filter(|b| b.text.contains("Liz Truss") && b.in_sidebar)
        .count();
    assert_eq!(n, 4, "every entry of a live blog feeds the sidebar");
}

/// A layout class that names its sidebar (`c-fixed-sidebar-layout`)
/// around the story is not a sidebar: it holds the page's paragraphs.
#[test]
fn a_sidebar_layout_around_the_story_is_not_furniture() {
    let links: String = (1..=60)
        .map(|i| format!("<li><a href=\"/s/{i}\">Section number {i} of the site</a></li>"))
        .collect();
    let html = format!(
        "<html><body><div class=\"o-row c-fixed-sidebar-layout--300\"><div class=\"o-col\">{BODY}</div></div>\
         <div class=\"site-links\"><ul>{links}</ul></div></body></html>"
    );
    let r = dossier::analyze(&dossier::html::page_from_html(&html));
    for own in ["voted on Thursday", "Opponents, led by"] {
        let b = r.blocks.iter().find(|b| b.text.contains(own)).unwrap();
        assert!(b.article && b.in_sidebar, "{own:?} left out");
    }
}

/// A lead paragraph folded as a copy of a teaser outside the article
/// (the repeats stage may do that) still feeds the sidebar: its
/// original is not read.
#[test]
fn the_lead_folded_behind_a_teaser_still_feeds_the_sidebar() {
    let html = r#"<html><body><div class="stream"><ul><li><h3><a href="/a">Russian cargo ship breaks up</a></h3><p>An unmanned Russian cargo spaceship heading to the International Space Station broke up in the atmosphere over Siberia on Thursday due to an unspecified malfunction, the Russian space agency said.</p></li><li><h3><a href="/b">Buzz Aldrin evacuated</a></h3><p>Buzz Aldrin, 86, was evacuated from the South Pole on Thursday, his manager said.</p></li><li><h3><a href="/c">Putin voices hope</a></h3><p>Vladimir Putin voiced hope of mending the rift with Washington.</p></li></ul></div><article><h1>Russia: Space ship malfunctions, breaks up over Siberia</h1><p>An unmanned Russian cargo spaceship heading to the International Space Station broke up in the atmosphere over Siberia on Thursday due to an unspecified malfunction, the Russian space agency said.</p><p>The Progress MS-04 cargo craft broke up at an altitude of 190 kilometers over the remote Tuva region in Siberia that borders Mongolia, Roscosmos said in a statement.</p><p>Local people reported seeing a flash of light and hearing a loud thud west of the regional capital of Kyzyl, the Tuva government was quoted as saying by the Interfax news agency.</p><p>The Progress cargo ship had lifted off as scheduled from Russia's space launch complex in Baikonur, Kazakhstan, to deliver 2.5 metric tons of fuel, water, food and other supplies.</p><p>Roscosmos said the craft was operating normally before it stopped transmitting data, and that a commission was looking into the cause.</p></article></body></html>"#;
    let r = dossier::analyze(&dossier::html::page_from_html(html));
    let lead = r
        .blocks
        .iter()
        .rfind(|b| b.text.starts_with("An unmanned Russian cargo"))
        .unwrap();
    let teaser = r
        .blocks
        .iter()
        .find(|b| b.text.starts_with("An unmanned Russian cargo"))
        .unwrap();
    assert!(lead.in_sidebar && !teaser.in_sidebar);
    let siberia = r.entities.iter().find(|e| e.name == "Siberia").unwrap();
    assert!(siberia.mentions.iter().any(|m| m.block == lead.index));
}

/// Back matter after the article's text, opened by a heading of its own
/// (markup shaped like a Wikipedia reference list, a WordPress comment
/// thread, a blog's acknowledgements): the people and publishers it names
/// are not what the story is about. The section ends at the next heading
/// of the same or a higher level, and a heading that only starts with
/// such a word is the article's.
#[test]
fn back_matter_sections_do_not_feed_the_sidebar() {
    let references = "<h2><span class=\"mw-headline\" id=\"References\">References</span><span class=\"mw-editsection\">[<a href=\"/w/edit\">edit</a>]</span></h2>\
        <div class=\"reflist\"><ol class=\"references\">\
        <li id=\"cite_note-1\"><b><a href=\"#cite_ref-1\">^</a></b> Payment, S. (2007). <i>Marc Andreessen and Jim Clark: The Founders of Netscape</i>. Rosen Publishing Group. ISBN 978-1-4042-0719-6.</li>\
        <li id=\"cite_note-2\"><b><a href=\"#cite_ref-2\">^</a></b> Eich, Brendan; David Hyatt (April 2, 2003). \"Mozilla development roadmap\". Mozilla. Retrieved August 2, 2009.</li>\
        <li id=\"cite_note-3\"><b><a href=\"#cite_ref-3\">^</a></b> Frankel, Theodore (2004). <i>The Geometry of Physics</i>. Cambridge University Press. p. 652.</li>\
        </ol></div>";
    let thanks = "<h2>Acknowledgements</h2><p>Thanks to Kenny Bentley, Javier Diaz and Daniel Groeber of the Pratt Institute for reading drafts of this piece.</p>";
    let replies = "<h3>2 Comments</h3><ol class=\"thread\"><li><p>Dave Kowalski on July 3, 2023 at 9:12 am: Another giveaway to the developers, the council should resign.</p></li>\
        <li><p>Maria Ortiz on July 3, 2023 at 11:40 am: My street floods every spring already, who is paying for the drains?</p></li></ol>\
        <h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked.</p>";
    let sources = "<h3>Sources:</h3><ul><li>Interview with Marjorie Velázquez, Bronx Times archive, 2021</li></ul>\
        <h2>What happens next</h2><p>The City Planning Commission will hold a hearing on the final design in March, and construction could start next year.</p>";
    let notes = "<h2>Notes from the hearing</h2><p>Dozens of residents lined up at the microphone, and the hearing ran past midnight before the chair closed it.</p>";
    type Case<'a> = (&'a str, &'a str, &'a [(&'a str, bool)]);
    let cases: &[Case] = &[
        (
            "a wiki's reference list",
            references,
            &[
                ("References", false),
                ("Payment, S. (2007)", false),
                ("Frankel, Theodore", false),
            ],
        ),
        (
            "acknowledgements",
            thanks,
            &[("Acknowledgements", false), ("Thanks to Kenny", false)],
        ),
        (
            "a comment thread and its form",
            replies,
            &[
                ("2 Comments", false),
                ("Dave Kowalski", false),
                ("Maria Ortiz", false),
                ("Your email address", false),
            ],
        ),
        (
            "a list of sources, then the story again",
            sources,
            &[
                ("Interview with Marjorie", false),
                ("What happens next", true),
                ("The City Planning Commission will", true),
            ],
        ),
        (
            "a heading that starts with a back-matter word",
            notes,
            &[
                ("Notes from the hearing", true),
                ("Dozens of residents", true),
            ],
        ),
    ];
    for (name, extra, want) in cases {
        check(name, extra, want);
    }
    let html = format!(
        "<html><body><div class=\"story-body\">{BODY}{references}{thanks}</div></body></html>"
    );
    let r = dossier::analyze(&dossier::html::page_from_html(&html));
    let names: Vec<&str> = r.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.iter().any(|n| n.contains("Velázquez")), "{names:?}");
    for other in ["Andreessen", "Rosen", "Cambridge", "Bentley", "Pratt"] {
        assert!(
            !names.iter().any(|n| n.contains(other)),
            "{other} in {names:?}"
        );
    }
}

/// Code inside the article (a listing in `<pre><code>`, a highlighter's
/// table of `<pre>` cells, a query with its output) is not prose: its
/// identifiers (`POST`, `FormData`, `PARTITION`) are not names the story
/// is about. A page that is all preformatted text keeps it.
#[test]
fn code_listings_do_not_feed_the_sidebar() {
    let listing = "<p>The request can be sent like this:</p><pre><code>const form = new FormData(document.getElementById(\"login\"));\n\
        fetch(\"/login\", { method: \"POST\", body: form, headers: { \"X-Requested-With\": \"Dossier\" } });</code></pre>";
    let highlighter = "<div class=\"wp_syntax\"><table><tbody><tr><td class=\"code\"><pre class=\"javascript\">var u = new URLSearchParams();\n\
        u.append(\"method\", \"flickr.interestingness.getList\");\nfetch(\"https://api.flickr.com/\", { method: \"POST\", body: u });</pre></td></tr></tbody></table></div>";
    let query = "<div class=\"highlight\"><pre>SELECT status_code, MAX(entries) OVER (PARTITION BY status_code ORDER BY period ROWS BETWEEN 60 PRECEDING AND CURRENT ROW)\nFROM server_log_summary ORDER BY period DESC;</pre></div>";
    type Case<'a> = (&'a str, &'a str, &'a [(&'a str, bool)]);
    let cases: &[Case] = &[
        (
            "a code listing",
            listing,
            &[("new FormData", false), ("can be sent like", true)],
        ),
        (
            "a highlighter's table",
            highlighter,
            &[("URLSearchParams", false)],
        ),
        ("a query", query, &[("PARTITION BY", false)]),
    ];
    for (name, extra, want) in cases {
        check(name, extra, want);
    }
    let html = format!(
        "<html><body><div class=\"story-body\">{BODY}{listing}{highlighter}{query}</div></body></html>"
    );
    let r = dossier::analyze(&dossier::html::page_from_html(&html));
    let names: Vec<&str> = r.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.iter().any(|n| n.contains("Velázquez")), "{names:?}");
    for code in ["FormData", "URLSearchParams", "PARTITION", "Dossier", "MAX"] {
        assert!(
            !names.iter().any(|n| n.contains(code)),
            "{code} in {names:?}"
        );
    }
    // A plain-text document, all of it in <pre>: the text is the article.
    let plain = "<html><body><pre>INTERNET DRAFT                                  Michiel de Jong\n\n\
        1. Introduction\n\n   Many Internet users store their data with Google and Dropbox, and this\n   document describes a protocol that lets them keep it with a provider of\n   their choice, as the Internet Engineering Task Force proposed in 2014.\n</pre></body></html>";
    let r = dossier::analyze(&dossier::html::page_from_html(plain));
    let b = r
        .blocks
        .iter()
        .find(|b| b.text.contains("Dropbox"))
        .unwrap();
    assert!(b.in_sidebar, "a page all in <pre> lost its text");
}
