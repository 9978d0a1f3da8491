//! Tests of `features.rs` (kept apart: that file has a size limit, tests/source_size.rs).
use super::*;
use crate::ner::gazetteer::{list_index, phrase_hash};

#[test]
fn ascii_fast_paths_agree_with_the_general_ones() {
    for w in [
        "Hello",
        "IBM",
        "1990s",
        "U.S.",
        "--",
        "aaaaaa",
        "McDonald's",
        "x\0y",
        "",
        "A-10",
    ] {
        assert_eq!(norm_word(w), char_norm_word(w), "{w}");
        assert_eq!(shape_hashes(w), char_shape_hashes(w), "{w}");
    }
    assert_eq!(norm_word("Côte-d’Ivoire 2024"), "côte-d'ivoire 0000");
}

fn gazetteers(entries: &[(&str, &str)]) -> Gazetteers {
    let mut lists = vec![Vec::new(); GAZ_LISTS];
    for (list, phrase) in entries {
        lists[list_index(list).unwrap()].push(phrase_hash(phrase.split(' ')));
    }
    for l in &mut lists {
        l.sort_unstable();
        l.dedup();
    }
    Gazetteers::new(lists)
}

/// The marks as the lookups were first written: each start token's
/// phrases hashed one after another with [`phrase_hash`].
fn reference(g: &Gazetteers, infos: &[TokInfo]) -> Vec<u32> {
    let n = infos.len();
    let names: u32 = NAME_LISTS.iter().map(|&k| 1u32 << k).sum();
    let mut covered = vec![0u32; n];
    let mut free = [0usize; GAZ_LISTS];
    for i in 0..n {
        let mut masks = vec![0u32];
        for t in &infos[i..n.min(i + MAX_PHRASE)] {
            if t.punct && !matches!(t.norm.as_str(), "." | "&" | "-") {
                break;
            }
            let words = &infos[i..i + masks.len()];
            masks.push(g.lists_of(phrase_hash(words.iter().map(|w| w.norm.as_str()))));
        }
        let upper = infos[i].cap || infos[i].all_caps;
        for (k, free_k) in free.iter_mut().enumerate() {
            if i < *free_k || (names & (1 << k) != 0 && !upper) {
                continue;
            }
            if let Some(len) = (1..masks.len()).rev().find(|&l| masks[l] & (1 << k) != 0) {
                for c in &mut covered[i..i + len] {
                    *c |= 1 << k;
                }
                covered[i] |= 1 << (16 + k);
                *free_k = i + len;
            }
        }
    }
    covered
}

/// The frequency bands: every word in any case (they are no name
/// lists), read by the one [`EXT_FREQ`] feature and by nothing else.
#[test]
fn frequency_bands_are_read_only_by_their_feature() {
    let g = gazetteers(&[
        ("freq1", "die"),
        ("freq1", "von"),
        ("freq2", "sagte"),
        ("freq3", "mitteilung"),
        ("freq4", "stadtrat"),
        ("first", "anna"),
    ]);
    // (word, band): a capitalised noun keeps its band; a name no list
    // knows is band 0.
    let table = [
        ("Die", 1),
        ("Mitteilung", 3),
        ("von", 1),
        ("Krusche", 0),
        ("sagte", 2),
        ("STADTRAT", 4),
        ("Anna", 0),
        (".", 0),
    ];
    let words: Vec<&str> = table.iter().map(|(w, _)| *w).collect();
    let infos = tok_infos(&words, &g);
    let plain = tok_infos(&words, &gazetteers(&[("first", "anna")]));
    for (i, (w, band)) in table.iter().enumerate() {
        assert_eq!(freq_band(infos[i].gaz), *band, "{w}");
    }
    let feats = |infos: &[TokInfo], ext: u32, i: usize| {
        let doc = DocContext {
            ext,
            ..DocContext::default()
        };
        let mut out = Vec::new();
        features(&words, infos, i, &doc, false, &mut out);
        out
    };
    let (mitteilung, krusche) = (1, 3);
    for i in 0..words.len() {
        // Without the extension the bands change no feature.
        assert_eq!(
            feats(&infos, EXT_LANG, i),
            feats(&plain, EXT_LANG, i),
            "{i}"
        );
        let with = feats(&infos, EXT_LANG | EXT_FREQ, i);
        let without = feats(&infos, EXT_LANG, i);
        let extra = if infos[i].alpha { 1 } else { 0 };
        assert_eq!(with.len(), without.len() + extra, "{}", words[i]);
    }
    // Two capitalised words mid-sentence, told apart by their bands
    // (band | capitalised << 3).
    let has =
        |i: usize, band: u64| feats(&infos, EXT_FREQ, i).contains(&feat(T_FREQ, band | 1 << 3));
    assert!(has(mitteilung, 3) && !has(mitteilung, 0));
    assert!(has(krusche, 0) && !has(krusche, 3));
}

#[test]
fn marks_are_the_longest_matches_left_to_right() {
    let g = gazetteers(&[
        ("city", "phnom penh"),
        ("city", "new york"),
        ("city", "rio de janeiro"),
        ("city", "paris"),
        ("first", "hun"),
        ("last", "sen"),
        ("title", "prime minister"),
        ("title", "minister"),
        ("org", "bank of new york mellon"),
        ("org", "at & t"),
        // Never matched: a comma ends every phrase.
        ("city", "washington , d.c."),
        ("city", "winston - salem"),
        ("orgword", "party"),
        ("common", "the"),
    ]);
    let sentences = [
        "Prime Minister Hun Sen met the Bank of New York Mellon in New York and Phnom Penh .",
        "paris , new york - rio de janeiro , Rio de Janeiro - Paris",
        "AT & T and the party , the minister of the Party , Hun Hun Sen Sen",
        "Sen . Hun",
        "From Washington , D.C. to Winston - Salem",
        "",
        ", , ,",
    ];
    let bit = |list: &str| 1u32 << list_index(list).unwrap();
    for s in sentences {
        let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
        let infos = base_infos(&words, &g);
        let got: Vec<u32> = infos.iter().map(|t| t.gaz).collect();
        assert_eq!(got, reference(&g, &infos), "{s}");
        let at = |w: &str| got[words.iter().position(|x| *x == w).unwrap()];
        match words.first() {
            Some(&"Prime") => {
                // All five words of the bank, the first marked as its start.
                for w in ["Bank", "of", "Mellon"] {
                    assert_ne!(at(w) & bit("org"), 0, "{w}");
                }
                assert_ne!(at("Bank") & bit("org") << 16, 0);
                assert_ne!(at("Penh") & bit("city"), 0);
                assert_ne!(at("Minister") & bit("title"), 0);
            }
            // Lower case is no place name; a title word matches in any case.
            Some(&"paris") => {
                assert_eq!(at("paris") & bit("city"), 0);
                assert_ne!(at("Rio") & bit("city"), 0);
                assert_ne!(at("Paris") & bit("city"), 0);
            }
            Some(&"From") => {
                assert_eq!(at("Washington") & bit("city"), 0);
                assert_ne!(at("Salem") & bit("city"), 0);
            }
            Some(&"AT") => {
                assert_ne!(at("T") & bit("org"), 0);
                assert_ne!(at("minister") & bit("title"), 0);
            }
            _ => {}
        }
    }
}
