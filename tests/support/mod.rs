//! Helpers shared by the table tests of entities (a directory module, so
//! cargo does not build it as a test of its own).

use dossier::{analyze, Page};

/// The entities of a page made of these paragraphs, as (name, type).
pub fn entities(paragraphs: &[&str]) -> Vec<(String, String)> {
    let p = Page::from_paragraphs(paragraphs);
    let r = serde_json::to_value(analyze(&p)).unwrap();
    r["entities"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap().to_string(),
                e["type"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}
