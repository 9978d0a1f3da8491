//! The article's own text is never the copy folded when the other copy is
//! outside the article (a teaser, a sidebar promo, a related-stories box):
//! the outside copy is folded, or nothing (issue 24). And every repeat says
//! whether it is folded or only marked.
#![cfg(feature = "cli")]

const LEAD: &str = "The New York City Council voted on Thursday to approve the rezoning of the Bruckner Boulevard area, ending a dispute that had divided the Bronx for two years.";
const SECOND: &str = "Councilmember Marjorie Velázquez, who had opposed the plan, changed her position after the developers agreed to set aside 30 percent of the apartments for low-income tenants.";
const BODY: &str = r#"
<p>“This is a compromise that the neighbourhood can live with,” Velázquez said in a statement, adding that the city would fund a new school, a library and two parks.</p>
<p>Opponents, led by the Throggs Neck Homeowners Association, said they would continue to fight the project in court, arguing that the streets cannot carry more traffic.</p>
<p>The developers expect to break ground next spring, and the first tenants could move in by 2027, according to the city’s housing department.</p>
"#;

fn article(teaser_before: &str, teaser_after: &str) -> dossier::Report {
    let html = format!(
        "<html><body><div class=\"site\">{teaser_before}\
         <article class=\"story\"><div class=\"story-body\"><h1>Council approves the Bruckner rezoning</h1>\
         <p>{LEAD}</p><p>{SECOND}</p>{BODY}</div></article>{teaser_after}</div></body></html>"
    );
    dossier::analyze(&dossier::html::page_from_html(&html))
}

/// The article's block that holds `text` (after its `<h1>`).
fn block_of(r: &dossier::Report, text: &str) -> u32 {
    let h1 = r.blocks.iter().position(|b| b.tag == "h1").unwrap();
    r.blocks[h1..]
        .iter()
        .find(|b| b.text.starts_with(&text[..40]))
        .unwrap_or_else(|| panic!("no block holds {text:?}"))
        .index
}

fn assert_lead_kept(name: &str, r: &dossier::Report) {
    for own in [LEAD, SECOND] {
        let b = block_of(r, own);
        let blk = &r.blocks[b as usize];
        assert!(!blk.folded, "{name}: the article's {own:?} folded");
        assert!(blk.in_sidebar, "{name}: the article's {own:?} not read");
        for g in &r.repeats {
            assert!(
                !g.copies.contains(&b),
                "{name}: the article's paragraph {b} is the copy of {:?}",
                g.original
            );
        }
    }
}

/// A promo box before the article prints its lead as a teaser: the lead
/// is not folded behind it (the teaser may be).
#[test]
fn a_lead_paragraph_is_never_folded_behind_a_teaser() {
    let promo = format!(
        "<aside class=\"promo\"><ul>\
         <li><a href=\"/a\"><h3>Council approves the Bruckner rezoning</h3><p>{LEAD}</p></a></li>\
         <li><a href=\"/b\"><h3>Subway fares rise in August</h3><p>The MTA board approved the increase on Wednesday, the first in three years.</p></a></li>\
         <li><a href=\"/c\"><h3>Knicks beat the Celtics</h3><p>Jalen Brunson scored 41 points at Madison Square Garden on Tuesday night.</p></a></li>\
         </ul></aside>"
    );
    let r = article(&promo, "");
    assert_lead_kept("teaser list before", &r);
    // A promo with the first two paragraphs, in a sidebar after the article.
    let side = format!(
        "<div class=\"sidebar\"><div class=\"promo-box\"><p>{LEAD}</p><p>{SECOND}</p></div></div>"
    );
    let r = article("", &side);
    assert_lead_kept("promo box after", &r);
    let r = article(&side, "");
    assert_lead_kept("promo box before", &r);
}

/// Every group carries an action; a copy under eight words is marked.
#[test]
fn short_repeats_are_marked_long_ones_folded() {
    let r = article("", &format!("<div class=\"more\"><p>{LEAD}</p></div>"));
    for g in &r.repeats {
        let words = g
            .spans
            .iter()
            .map(|s| {
                let t: Vec<u16> = r.blocks[s.block as usize].text.encode_utf16().collect();
                String::from_utf16_lossy(&t[s.start as usize..s.end as usize])
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .count()
            })
            .sum::<usize>();
        let want = if words < 8 { "mark" } else { "fold" };
        let got = serde_json::to_value(g.action).unwrap();
        assert_eq!(got, want, "{g:?}");
    }
}
