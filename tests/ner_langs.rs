//! `dossier tag --lang LANG`: each language's tagger on a small sentence
//! written for these tests (`tests/ner/<lang>.tsv`, token TAB gold tag), in
//! the output format of English tagging. Needs only the committed models.

use std::process::Command;

const LANGS: [&str; 7] = ["de", "es", "fr", "it", "nl", "pl", "pt"];

fn dossier(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .expect("run dossier")
}

fn fixture(lang: &str) -> String {
    format!("{}/tests/ner/{lang}.tsv", env!("CARGO_MANIFEST_DIR"))
}

/// (start, end, type) of the entities of a tag column.
fn chunks(tags: &[&str]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    for (i, t) in tags.iter().chain(["O"].iter()).enumerate() {
        let (p, ty) = t.split_once('-').unwrap_or(("O", ""));
        let ends = cur.as_ref().is_some_and(|(_, c)| p != "I" || c != ty);
        if ends {
            let (s, c) = cur.take().unwrap();
            out.push((s, i, c));
        }
        if p != "O" && cur.is_none() {
            cur = Some((i, ty.to_string()));
        }
    }
    out
}

#[test]
fn each_language_finds_the_person_and_the_place() {
    for lang in LANGS {
        let input = std::fs::read_to_string(fixture(lang)).unwrap();
        let out = dossier(&["tag", "--lang", lang, "--conll", &fixture(lang)]);
        assert!(
            out.status.success(),
            "{lang}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        // Every input line comes back; token lines with a TAB and the predicted tag.
        assert_eq!(text.lines().count(), input.lines().count(), "{lang}");
        let (mut gold, mut pred) = (Vec::new(), Vec::new());
        for (a, b) in input.lines().zip(text.lines()) {
            if a.trim().is_empty() || a.starts_with("-DOCSTART-") {
                assert_eq!(a, b, "{lang}");
                continue;
            }
            let (line, tag) = b.rsplit_once('\t').unwrap();
            assert_eq!(line, a, "{lang}");
            assert!(
                dossier::ner::bio_labels().iter().any(|l| l == tag),
                "{lang}: {tag}"
            );
            gold.push(a.split('\t').nth(1).unwrap().to_string());
            pred.push(tag.to_string());
        }
        let g = chunks(&gold.iter().map(String::as_str).collect::<Vec<_>>());
        let p = chunks(&pred.iter().map(String::as_str).collect::<Vec<_>>());
        // People and places exactly; no person or place that is not one
        // (titles, weekdays, "Regierung", "Gobierno" are not people).
        let pl = |v: &[(usize, usize, String)]| -> Vec<(usize, usize, String)> {
            v.iter()
                .filter(|c| c.2 == "PER" || c.2 == "LOC")
                .cloned()
                .collect()
        };
        assert_eq!(pl(&p), pl(&g), "{lang}: {pred:?}");
        assert!(pl(&g).len() >= 2, "{lang}");
    }
}

#[test]
fn lang_en_is_the_default() {
    let f = format!("{}/tests/ner/de.tsv", env!("CARGO_MANIFEST_DIR"));
    let a = dossier(&["tag", "--conll", &f]);
    let b = dossier(&["tag", "--conll", &f, "--lang", "en"]);
    assert!(a.status.success() && b.status.success());
    assert_eq!(a.stdout, b.stdout);
    // And the German model tags it differently from the English one.
    let c = dossier(&["tag", "--conll", &f, "--lang", "de"]);
    assert_ne!(a.stdout, c.stdout);
}

#[test]
fn unknown_or_missing_models_are_errors() {
    let out = dossier(&["tag", "--lang", "ja", "--conll", &fixture("de")]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no entity model"));
    let empty = std::env::temp_dir().join(format!("dossier-no-models-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["tag", "--lang", "de", "--conll", &fixture("de")])
        .env("DOSSIER_MODEL_DIR", &empty)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("ner-de.bin"));
}

#[test]
fn every_language_model_loads_within_its_size_budget() {
    for lang in LANGS {
        let path =
            dossier::ner::registry::model_dir().join(dossier::ner::registry::model_file(lang));
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            bytes.len() <= 600 * 1024,
            "{}: {} bytes",
            path.display(),
            bytes.len()
        );
        let t = dossier::ner::Tagger::for_language(lang).unwrap();
        assert_eq!(t.model().n_labels(), 9);
        assert_ne!(t.model().ext, 0, "{lang}: the language features");
    }
}
