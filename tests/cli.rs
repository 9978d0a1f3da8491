//! The command-line tool as a user runs it.

use std::process::Command;

fn dossier(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .unwrap()
}

fn example() -> String {
    format!(
        "{}/tests/pages/example/source.html",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn analyze_prints_a_readable_report() {
    let out = dossier(&["analyze", &example()]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("7 folded as repeats"), "{s}");
    assert!(s.contains("block       block 15 repeats block 8"), "{s}");
}

#[test]
fn analyze_json_has_the_documented_fields() {
    let out = dossier(&["analyze", &example(), "--json"]);
    assert!(out.status.success());
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["version"], dossier::SCHEMA_VERSION);
    for key in ["index", "tag", "text", "article"] {
        assert!(r["blocks"][0].get(key).is_some(), "blocks[].{key}");
    }
    let g = &r["repeats"][0];
    for key in ["kind", "original", "copies", "similarity", "spans"] {
        assert!(g.get(key).is_some(), "repeats[].{key}");
    }
    for key in ["block", "start", "end"] {
        assert!(g["spans"][0].get(key).is_some(), "spans[].{key}");
    }
    assert_eq!(g["kind"], "block");
}

#[test]
fn plain_text_from_stdin() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["analyze", "-", "--text", "--json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(include_bytes!("pages/example/seed.txt"))
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["stats"]["folded"], 7);
}

#[test]
fn errors_are_clear_and_exit_2() {
    let out = dossier(&["analyze", "/no/such/file.html"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("/no/such/file.html"), "{err}");
    let out = dossier(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    let out = dossier(&["analyze", &example(), "--bogus"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn blocks_prints_the_collected_page() {
    let out = dossier(&["blocks", &example()]);
    assert!(out.status.success());
    let p: dossier::Page = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        p.dates,
        vec![
            "meta:article:published_time=2013-11-06T08:30:00+07:00",
            "time:2013-11-06"
        ]
    );
    assert!(p.blocks.iter().all(|b| b.visible));
}
