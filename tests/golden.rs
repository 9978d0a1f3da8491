//! Golden pages: for every `tests/pages/<name>/source.html`, the CLI's JSON
//! report must equal `tests/pages/<name>/expected.json`. After an intended
//! change, regenerate them with `make golden` and review the diff.

use std::path::{Path, PathBuf};

fn pages() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("source.html").exists())
        .collect();
    v.sort();
    v
}

fn report_json(dir: &Path) -> String {
    let bytes = std::fs::read(dir.join("source.html")).unwrap();
    let page = dossier::html::page_from_html(&dossier::html::decode(&bytes));
    let mut s = serde_json::to_string_pretty(&dossier::analyze(&page)).unwrap();
    s.push('\n');
    s
}

#[test]
fn golden_pages() {
    let bless = std::env::var_os("DOSSIER_BLESS").is_some();
    let mut failed = Vec::new();
    for dir in pages() {
        let got = report_json(&dir);
        let want_path = dir.join("expected.json");
        if bless {
            std::fs::write(&want_path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&want_path).unwrap_or_default();
        if got != want {
            let first = got
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            failed.push(format!(
                "{}: differs from expected.json at line {} (got {:?}, want {:?})",
                dir.display(),
                first + 1,
                got.lines().nth(first),
                want.lines().nth(first)
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "{}\nRegenerate with `make golden` if the change is intended.",
        failed.join("\n")
    );
}

#[test]
fn the_example_page_folds_paragraphs_9_to_15() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages/example");
    let r: serde_json::Value = serde_json::from_str(&report_json(&dir)).unwrap();
    let blocks = r["blocks"].as_array().unwrap();
    let paragraphs: Vec<&serde_json::Value> = blocks
        .iter()
        .filter(|b| b["tag"] == "p" && b["article"] == true)
        .collect();
    assert_eq!(paragraphs.len(), 15);
    let folded: Vec<bool> = paragraphs
        .iter()
        .map(|b| b["folded"].as_bool().unwrap())
        .collect();
    let want: Vec<bool> = (1..=15).map(|i| i >= 9).collect();
    assert_eq!(folded, want);
    assert_eq!(r["stats"]["folded"], 7);
    // Navigation, related links and the footer are not article text.
    for b in blocks {
        let t = b["text"].as_str().unwrap();
        if t.contains("Related stories") || t.contains("About us") || t == "World" {
            assert_eq!(b["article"], false, "{t}");
        }
    }
}

#[test]
fn the_example_page_entities_and_facts() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages/example");
    let r: serde_json::Value = serde_json::from_str(&report_json(&dir)).unwrap();
    let entities = r["entities"].as_array().unwrap();
    let find = |name: &str| {
        entities
            .iter()
            .find(|e| e["name"] == name)
            .unwrap_or_else(|| panic!("no entity {name}"))
    };
    let roles = |name: &str| -> Vec<String> {
        find(name)["roles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_string())
            .collect()
    };
    for (name, ty) in [
        ("Hun Sen", "PER"),
        ("Sam Rainsy", "PER"),
        ("Prum Sokha", "PER"),
        ("Yeam Sovan", "PER"),
        ("Norodom Sihamoni", "PER"),
        ("Cambodian People's Party", "ORG"),
        ("Cambodia National Rescue Party", "ORG"),
        ("Interior Ministry", "ORG"),
        ("Cambodia", "LOC"),
    ] {
        assert_eq!(find(name)["type"], ty, "{name}");
    }
    assert_eq!(
        find("Cambodian People's Party")["aliases"],
        serde_json::json!(["CPP"])
    );
    assert_eq!(
        find("Cambodia National Rescue Party")["aliases"],
        serde_json::json!(["CNRP"])
    );
    assert_eq!(roles("Hun Sen"), ["CPP Vice-President", "Prime Minister"]);
    assert_eq!(roles("Sam Rainsy"), ["CNRP leader"]);
    assert_eq!(
        roles("Prum Sokha"),
        [
            "Secretary of State at the Interior Ministry",
            "head of the CPP working group"
        ]
    );
    // Roles as the article writes them: the possessive stays.
    assert_eq!(roles("Yeam Sovan"), ["CNRP's spokesman"]);
    assert_eq!(roles("Norodom Sihamoni"), ["King"]);
    // Folded repeats are not mentions: Hun Sen appears three times outside them.
    assert_eq!(find("Hun Sen")["mentions"].as_array().unwrap().len(), 3);
    for generic in [
        "Prime Minister",
        "Secretary",
        "State",
        "parliament",
        "King Norodom",
        "Mr.",
    ] {
        assert!(
            entities.iter().all(|e| e["name"] != generic),
            "{generic} is not an entity"
        );
    }

    let dates: Vec<(String, String)> = r["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["text"].as_str().unwrap().to_string(),
                d["value"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    for (text, value) in [
        ("July 28", "2013-07-28"),
        ("September 24", "2013-09-24"),
        ("November 5", "2013-11-05"),
        ("November 16-17", "2013-11-16/2013-11-17"),
    ] {
        assert_eq!(
            dates.iter().filter(|d| d.0 == text).count(),
            1,
            "{text} once"
        );
        assert!(
            dates.contains(&(text.to_string(), value.to_string())),
            "{text} = {value} in {dates:?}"
        );
    }
    let july = r["dates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["text"] == "July 28")
        .unwrap();
    assert_eq!(july["event"], "Cambodia held a general election");

    let q = r["quantities"].as_array().unwrap();
    let owner = |x: &serde_json::Value| {
        x["entity"]
            .as_u64()
            .map(|i| entities[i as usize]["name"].as_str().unwrap().to_string())
    };
    let seats = q
        .iter()
        .find(|x| x["value"] == 68.0 && x["of"] == 123.0)
        .expect("68 of 123");
    assert_eq!(seats["unit"], "parliamentary seats");
    assert_eq!(owner(seats).as_deref(), Some("Cambodian People's Party"));
    let cnrp = q.iter().find(|x| x["value"] == 55.0).expect("55 seats");
    assert_eq!(cnrp["unit"], "seats");
    assert_eq!(
        owner(cnrp).as_deref(),
        Some("Cambodia National Rescue Party")
    );
    assert!(q
        .iter()
        .any(|x| x["value"] == 68.0 && x["unit"] == "lawmakers"));
    assert_eq!(
        q.iter().filter(|x| x["value"] == 68.0).count(),
        2,
        "each quantity once: the repeats are folded"
    );

    let quotes = r["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0]["text"], "illegitimate");
    assert_eq!(quotes[0]["speaker_name"], "Sam Rainsy");
    assert_eq!(r["published"], "2013-11-06");
}
