//! Pages in German and Spanish (`tests/e2e/fixtures/{german,spanish}.html`,
//! small news items written for these tests) are read by their own
//! language's tagger: the real people, places and organisations, with their
//! roles and quotes, and no common noun as an entity. Without the model the
//! page says entities are not available, and lists none (never the English
//! tagger's guesses). The end-to-end tests open the same pages in both
//! browsers (tests/e2e/sidebar.test.mjs), where the model comes from the
//! extension package.

use std::process::Command;

use serde_json::Value;

fn report(page: &str, model_dir: Option<&str>) -> Value {
    let path = format!("{}/tests/e2e/fixtures/{page}", env!("CARGO_MANIFEST_DIR"));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dossier"));
    cmd.args(["analyze", &path, "--json"]);
    if let Some(d) = model_dir {
        cmd.env("DOSSIER_MODEL_DIR", d);
    }
    let out = cmd.output().expect("run dossier");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// (type, name, roles) of each entity.
fn entities(r: &Value) -> Vec<(String, String, Vec<String>)> {
    r["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let roles = e["roles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_string())
                .collect();
            (
                e["type"].as_str().unwrap().to_string(),
                e["name"].as_str().unwrap().to_string(),
                roles,
            )
        })
        .collect()
}

struct Case {
    page: &'static str,
    lang: &'static str,
    /// (type, name) that must be found.
    found: &'static [(&'static str, &'static str)],
    /// (name, role) pairs.
    roles: &'static [(&'static str, &'static str)],
    /// Common nouns (and other words) of the page that are no entity, nor
    /// a word of one's name.
    never: &'static [&'static str],
    /// (quote start, speaker).
    quotes: &'static [(&'static str, &'static str)],
}

const CASES: &[Case] = &[
    Case {
        page: "german.html",
        lang: "de",
        found: &[
            ("PER", "Olaf Scholz"),
            ("PER", "Claudia Roth"),
            ("PER", "Stefanie Kirsten"),
            ("LOC", "Sachsen"),
            ("LOC", "Thüringen"),
            ("LOC", "Halle"),
            ("LOC", "Leipzig"),
        ],
        roles: &[
            ("Olaf Scholz", "Bundeskanzler"),
            ("Claudia Roth", "Kulturstaatsministerin"),
        ],
        never: &[
            "Dabei",
            "Liste",
            "Mitteilung",
            "Welche",
            "Chancen",
            "Jahren",
            "Theater",
            "Stiftung",
            "Bühnen",
            "Städten",
            "Entscheidung",
            "Einwohnern",
            "Besuch",
            "Pandemie",
            "Euro",
        ],
        quotes: &[("Die Theater sind", "Olaf Scholz")],
    },
    Case {
        page: "spanish.html",
        lang: "es",
        found: &[
            ("PER", "Pedro Sánchez"),
            ("PER", "María Jesús Montero"),
            ("PER", "Lorenzo Ramos"),
            ("ORG", "Ministerio de Agricultura"),
            ("ORG", "Comisión Europea"),
            ("LOC", "Andalucía"),
            ("LOC", "Madrid"),
            ("LOC", "Bruselas"),
        ],
        roles: &[
            ("Pedro Sánchez", "presidente"),
            ("María Jesús Montero", "ministra de Hacienda"),
        ],
        never: &[
            "Presidente",
            "Cuando",
            "La",
            "Desde",
            "Es",
            "ayudas",
            "sequía",
            "Hacienda",
        ],
        quotes: &[("Es la mayor ayuda", "Pedro Sánchez")],
    },
];

#[test]
fn each_language_page_is_read_by_its_own_tagger() {
    for c in CASES {
        let r = report(c.page, None);
        assert_eq!(r["language"]["code"], c.lang, "{}", c.page);
        assert_eq!(r["language"]["entities"], true, "{}", c.page);
        let ents = entities(&r);
        for (ty, name) in c.found {
            assert!(
                ents.iter().any(|(t, n, _)| t == ty && n == name),
                "{}: {ty} {name} not in {ents:?}",
                c.page
            );
        }
        for (name, role) in c.roles {
            assert!(
                ents.iter()
                    .any(|(_, n, roles)| n == name && roles.iter().any(|x| x == role)),
                "{}: {name} has no role {role}: {ents:?}",
                c.page
            );
        }
        for w in c.never {
            assert!(
                !ents.iter().any(
                    |(t, n, _)| n.split_whitespace().any(|x| x == *w) && (t == "PER" || n == w)
                ),
                "{}: {w} is no entity: {ents:?}",
                c.page
            );
        }
        // "Gobierno" is the government (ORG), never a person.
        assert!(
            !ents
                .iter()
                .any(|(t, n, _)| t == "PER" && n.contains("Gobierno")),
            "{ents:?}"
        );
        let quotes = r["quotes"].as_array().unwrap();
        for (start, speaker) in c.quotes {
            let q = quotes
                .iter()
                .find(|q| q["text"].as_str().unwrap().starts_with(start))
                .unwrap_or_else(|| panic!("{}: no quote {start}: {quotes:?}", c.page));
            let who = q["speaker"].as_u64().expect("a speaker") as usize;
            assert_eq!(ents[who].1, *speaker, "{}", c.page);
        }
    }
}

/// Without its model (none in the model directory) a German page gets the
/// "not available" note and no entities or quotes: never the English
/// tagger's reading of its capitalised nouns. Its dates and numbers stay.
#[test]
fn without_its_model_a_page_gets_no_entities() {
    let empty = std::env::temp_dir().join("dossier-no-models");
    std::fs::create_dir_all(&empty).unwrap();
    let r = report("german.html", Some(empty.to_str().unwrap()));
    assert_eq!(r["language"]["code"], "de");
    assert_eq!(r["language"]["entities"], false);
    assert!(r["entities"].as_array().unwrap().is_empty());
    assert!(r["quotes"].as_array().unwrap().is_empty());
    assert!(!r["dates"].as_array().unwrap().is_empty());
}
