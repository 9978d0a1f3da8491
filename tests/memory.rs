//! "Already read" (src/repeats/memory.rs) on page pairs built from a real
//! corpus page (tests/memory/make-fixtures.py says which): the same story
//! syndicated on another site folds; a follow-up folds exactly its reused
//! background paragraphs; a templated update with other facts does not;
//! a blurb on every page of one site is site boilerplate; the store is
//! bounded, oldest first, and forgets by page.
#![cfg(feature = "cli")]

use dossier::repeats::memory::{decode, encode, prints, same_paragraph, Memory, Print};
use dossier::Page;

fn load(name: &str) -> Page {
    let bytes = std::fs::read(format!("tests/memory/{name}.html")).unwrap();
    dossier::html::page_from_html(&dossier::html::decode(&bytes))
}

fn page_prints(name: &str) -> (Page, Vec<Print>) {
    let page = load(name);
    let info = dossier::article::classify(&page);
    let p = prints(&page, &info, &[]);
    (page, p)
}

fn text_of(page: &Page, block: u32) -> &str {
    &page.blocks[block as usize].text
}

const A: u32 = 1;
const SITE_A: u32 = 10;
const SITE_B: u32 = 20;

#[test]
fn prints_hold_no_text_and_round_trip() {
    let (_, p) = page_prints("wire-a");
    assert_eq!(p.len(), 7, "the seven article paragraphs of wire-a");
    assert!(p
        .iter()
        .all(|x| x.sketch.len() <= 64 && !x.sketch.is_empty()));
    assert_eq!(decode(&encode(&p)).unwrap(), p);
    assert!(decode(&[0, 65, 0]).is_none());
    assert!(decode(&[0, 3]).is_none());
}

#[test]
fn syndicated_copy_on_another_site_is_read_before() {
    let (_, a) = page_prints("wire-a");
    let (b_page, b) = page_prints("wire-b");
    let mut m = Memory::new();
    m.add(A, SITE_A, a);
    let hits = m.lookup(&b, SITE_B, &[]);
    let texts: Vec<&str> = hits.iter().map(|h| text_of(&b_page, h.block)).collect();
    // Six paragraphs shared (two of them edited by a word); its own intro not.
    assert_eq!(hits.len(), 6, "{texts:#?}");
    assert!(hits.iter().all(|h| h.page == A && !h.boilerplate));
    assert!(!texts.iter().any(|t| t.starts_with("Aerial images")));
    assert!(texts.iter().any(|t| t.contains("over 150 years")));
    // This very page read earlier does not count.
    assert!(m.lookup(&b, SITE_B, &[A]).is_empty());
}

#[test]
fn follow_up_folds_only_its_background_paragraphs() {
    let (_, a) = page_prints("wire-a");
    let (f_page, f) = page_prints("followup");
    let mut m = Memory::new();
    m.add(A, SITE_A, a);
    let hits = m.lookup(&f, SITE_A, &[]);
    let texts: Vec<&str> = hits.iter().map(|h| text_of(&f_page, h.block)).collect();
    assert_eq!(texts.len(), 2, "{texts:#?}");
    assert!(texts[0].starts_with("The drone footage"));
    assert!(texts[1].starts_with("But burial operations"));
}

#[test]
fn template_with_other_facts_is_not_read_before() {
    let (_, a) = page_prints("wire-a");
    let (l_page, l) = page_prints("lookalike");
    let mut m = Memory::new();
    m.add(A, SITE_A, a);
    let hits = m.lookup(&l, SITE_A, &[]);
    assert!(
        hits.is_empty(),
        "{:?}",
        hits.iter()
            .map(|h| text_of(&l_page, h.block))
            .collect::<Vec<_>>()
    );
    // One name substituted in an otherwise identical paragraph: other facts.
    let (_, w) = page_prints("wire-a");
    let mut other = w[6].clone();
    other.facts = vec![1, 2, 3];
    assert!(same_paragraph(&w[6], &w[6]).is_some());
    assert!(same_paragraph(&other, &w[6]).is_none());
}

#[test]
fn blurb_on_every_page_of_a_site_is_boilerplate() {
    let mut m = Memory::new();
    for i in 0..3 {
        let (_, p) = page_prints(&format!("boiler-{i}"));
        m.add(100 + i, SITE_B, p);
    }
    let (page, p) = page_prints("boiler-3");
    let hits = m.lookup(&p, SITE_B, &[]);
    let blurb: Vec<_> = hits
        .iter()
        .filter(|h| text_of(&page, h.block).starts_with("Sign up"))
        .collect();
    assert_eq!(blurb.len(), 1);
    assert!(blurb[0].boilerplate);
    // The same blurb seen from another site is reading history... of a blurb:
    // still not boilerplate of *that* site, so it is reported as read before.
    let from_elsewhere = m.lookup(&p, SITE_A, &[]);
    assert!(from_elsewhere.iter().all(|h| !h.boilerplate));
}

#[test]
fn store_is_bounded_oldest_first_and_forgets() {
    let mut m = Memory::new();
    let (_, a) = page_prints("wire-a");
    let (_, f) = page_prints("followup");
    let (_, b) = page_prints("wire-b");
    m.add(1, SITE_A, a.clone());
    m.add(2, SITE_A, f);
    m.add(1, SITE_A, a); // read again: now the newest
    assert_eq!(m.pages(), 2);
    assert_eq!(m.paragraphs(), 7 + 5);
    // Over the bound: page 2 (now the oldest) goes first.
    assert_eq!(m.evict(8, usize::MAX), vec![2]);
    assert_eq!(m.paragraphs(), 7);
    assert_eq!(m.lookup(&b, SITE_B, &[]).len(), 6);
    let bytes = m.bytes();
    assert!(bytes > 0 && bytes < 7 * (3 + 64 + 32) * 4);
    assert_eq!(m.evict(usize::MAX, bytes - 1), vec![1]);
    assert_eq!(m.paragraphs(), 0);
    m.add(3, SITE_A, b.clone());
    m.remove(&[3]);
    assert!(m.lookup(&b, SITE_B, &[]).is_empty());
}

#[test]
fn forgetting_many_pages_keeps_lookups_right() {
    let (_, a) = page_prints("wire-a");
    let (_, b) = page_prints("wire-b");
    let mut m = Memory::new();
    for id in 1..=10 {
        m.add(id, SITE_A, a.clone());
    }
    let newest = |m: &Memory| {
        let hits = m.lookup(&b, SITE_B, &[]);
        assert!(hits.iter().all(|h| !h.boilerplate), "another site's pages");
        hits.first().map(|h| h.page)
    };
    assert_eq!(newest(&m), Some(10), "the page read most recently");
    // Seven pages forgotten at once: the index is rebuilt (compacted).
    assert_eq!(m.evict(21, usize::MAX), (1..=7).collect::<Vec<_>>());
    assert_eq!((m.pages(), m.paragraphs()), (3, 21));
    m.remove(&[10]);
    assert_eq!(newest(&m), Some(9));
    m.add(8, SITE_A, a.clone()); // read again: newest
    assert_eq!(newest(&m), Some(8));
    m.remove(&[8, 9]);
    assert_eq!(newest(&m), None);
    assert_eq!((m.pages(), m.paragraphs(), m.bytes()), (0, 0, 0));
}
