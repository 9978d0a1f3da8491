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
