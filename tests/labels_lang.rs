//! The hand-labelled pages in other languages (`eval/labels-lang/<lang>/`,
//! scored by `scripts/eval_spec.py` as sets `lang-<lang>`) stay consistent
//! with the text they were labelled on, so a label cannot drift from its
//! page unnoticed: every date, quantity and quote is quoted verbatim from the
//! page's `text/` file, every entity name or alias occurs in it, owners and
//! speakers are listed entities, and the types and values follow the
//! facts-dev schema the scorer reads. The pages themselves (in `../shared`)
//! are not needed.

use std::path::Path;

use serde_json::Value;

/// Each language's folder and the least number of pages it holds.
const SETS: &[(&str, usize)] = &[("de", 4), ("es", 4), ("fr", 2), ("pl", 2), ("pt", 2)];

/// Facts-dev date values: an ISO date, month or year (a four-digit year,
/// also before 1000: "1229"), or null for a decade.
fn iso_prefix(v: &str) -> bool {
    let parts: Vec<&str> = v.split('-').collect();
    !parts.is_empty()
        && parts.len() <= 3
        && parts[0].len() == 4
        && parts[1..].iter().all(|p| p.len() == 2)
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

fn check_page(file: &Path) {
    let name = file.display();
    let g: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let id = g["id"].as_str().expect("id");
    let stem = file.file_stem().unwrap().to_str().unwrap();
    assert_eq!(id.replacen('/', "__", 1), stem, "{name}: id and file name");
    let source = g["text_source"].as_str().expect("text_source");
    let text_file = source.rsplit(": ").next().unwrap();
    let text = std::fs::read_to_string(file.parent().unwrap().join(text_file))
        .unwrap_or_else(|e| panic!("{name}: {text_file}: {e}"));
    assert!(
        iso_prefix(g["published"].as_str().unwrap()),
        "{name}: published"
    );

    let lower = text.to_lowercase();
    let mut names = Vec::new();
    for e in g["entities"].as_array().unwrap() {
        let n = e["name"].as_str().unwrap();
        let t = e["type"].as_str().unwrap();
        assert!(["PER", "ORG", "LOC"].contains(&t), "{name}: {n} typed {t}");
        assert!(e["mentions"].as_u64().unwrap() >= 1, "{name}: {n} mentions");
        let forms: Vec<&str> = std::iter::once(n)
            .chain(
                e["aliases"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| a.as_str().unwrap()),
            )
            .collect();
        // A nominative name the text inflects (German, Polish) is found through its aliases;
        // case-only variants are the same name (SPEC.md), so the match ignores case.
        assert!(
            forms.iter().any(|f| lower.contains(&f.to_lowercase())),
            "{name}: {n} not in the text"
        );
        names.push(n.to_string());
    }
    for d in g["dates"].as_array().unwrap() {
        let t = d["text"].as_str().unwrap();
        assert!(text.contains(t), "{name}: date {t:?} not in the text");
        if let Some(v) = d["value"].as_str() {
            assert!(iso_prefix(v), "{name}: date {t:?} value {v}");
        }
    }
    for q in g["quantities"].as_array().unwrap() {
        let t = q["text"].as_str().unwrap();
        assert!(text.contains(t), "{name}: quantity {t:?} not in the text");
        assert!(q["value"].is_number(), "{name}: quantity {t:?} value");
        assert!(q["of"].is_null() || q["of"].is_number(), "{name}: {t:?} of");
        if let Some(o) = q["owner"].as_str() {
            assert!(
                names.iter().any(|n| n == o),
                "{name}: owner {o} is no entity"
            );
        }
    }
    for q in g["quotes"].as_array().unwrap() {
        let t = q["text"].as_str().unwrap();
        assert!(text.contains(t), "{name}: quote {t:?} not in the text");
        match (q["speaker"].as_str(), q["speaker_type"].as_str().unwrap()) {
            (None, "unnamed") => {}
            (Some(s), "PER" | "ORG") => {
                assert!(
                    names.iter().any(|n| n == s),
                    "{name}: speaker {s} is no entity"
                )
            }
            other => panic!("{name}: quote {t:?} speaker {other:?}"),
        }
    }
}

#[test]
fn every_language_set_is_labelled_on_its_own_text() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/labels-lang");
    for &(lang, least) in SETS {
        let mut pages: Vec<_> = std::fs::read_dir(root.join(lang))
            .unwrap_or_else(|e| panic!("eval/labels-lang/{lang}: {e}"))
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        pages.sort();
        assert!(pages.len() >= least, "{lang}: {} pages", pages.len());
        for p in &pages {
            check_page(p);
        }
    }
}

#[test]
fn date_values_are_iso_prefixes() {
    for (v, ok) in [
        ("2019-10-19", true),
        ("2021-03", true),
        ("1229", true),
        ("2022-4", false),
        ("19.10.2019", false),
        ("Samstag", false),
    ] {
        assert_eq!(iso_prefix(v), ok, "{v}");
    }
}
