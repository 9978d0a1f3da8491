//! The collection rule lives once, in Rust (src/collect.rs). The content
//! script only reads the page for it, but its walk must not descend where the
//! rule does not look, and fold.js must count a block's text as the rule
//! does: its copies of the skipped and the inline tags are checked against the rule's here
//! (the e2e suite compares the pages read in browsers with the CLI's).

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
fn js_and_rust_agree_on_the_skipped_tags() {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/extension/content/collect.js"
    ))
    .unwrap();
    assert_eq!(
        js_set(&src, "SKIP_TAGS"),
        sorted(dossier::collect::SKIP_TAGS)
    );
    assert_eq!(js_set(&src, "OWN_TAGS"), sorted(dossier::collect::OWN_TAGS));
    // The walk asks the visibility of what can be a block only: its copy of
    // the inline tags is the rule's, or it would skip (or ask) the wrong ones.
    if src.contains("INLINE_TAGS") {
        assert_eq!(
            js_set(&src, "INLINE_TAGS"),
            sorted(dossier::collect::INLINE_TAGS)
        );
    }
    for gone in ["DATE_META", "MAX_HINTS", "MAX_PATH"] {
        assert!(
            !src.contains(gone),
            "collect.js applies no rule of its own: {gone}"
        );
    }
}
