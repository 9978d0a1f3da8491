//! The content script and the CLI must build the same block list: their tag
//! lists are checked to be identical here, and the e2e suite compares the
//! blocks they collect from the same pages.

fn js_set(src: &str, name: &str) -> Vec<String> {
    let start = src
        .find(&format!("const {name} = new Set(["))
        .unwrap_or_else(|| panic!("{name} not in collect.js"));
    let rest = &src[start..];
    let end = rest.find("]);").unwrap();
    let mut v: Vec<String> = rest[..end]
        .split('\'')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.to_string())
        .collect();
    v.sort();
    v
}

fn sorted(list: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

#[test]
fn js_and_rust_agree_on_the_rules() {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/extension/content/collect.js"
    ))
    .unwrap();
    assert_eq!(js_set(&src, "SKIP_TAGS"), sorted(dossier::html::SKIP_TAGS));
    assert_eq!(
        js_set(&src, "INLINE_TAGS"),
        sorted(dossier::html::INLINE_TAGS)
    );
    assert_eq!(js_set(&src, "DATE_META"), sorted(dossier::html::DATE_META));
    assert!(src.contains(&format!("const MAX_HINTS = {};", dossier::page::MAX_HINTS)));
    assert!(src.contains(&format!("const MAX_PATH = {};", dossier::page::MAX_PATH)));
}
