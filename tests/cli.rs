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

/// The text report is the sidebar in text: every section, in the sidebar's
/// order, with the sample page's people, organizations, timeline, numbers
/// and quote; plain when piped (no escapes), coloured on request.
#[test]
fn analyze_prints_the_dossier_in_text() {
    let out = dossier(&["analyze", &example()]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(!s.contains('\x1b'), "piped output has no colour: {s}");
    let sections = [
        "Cambodia's ruling party and opposition resume talks",
        "published 2013-11-06",
        "Repeats (7)",
        "People (5)",
        "Organizations (",
        "Places (",
        "Timeline (",
        "Numbers (",
        "Quotes (1)",
    ];
    let mut at = 0;
    for want in sections {
        let i = s[at..]
            .find(want)
            .unwrap_or_else(|| panic!("{want:?} after byte {at} in\n{s}"));
        at += i + want.len();
    }
    for line in [
        "Sam Rainsy — CNRP leader",
        "Cambodian People's Party · CPP",
        "2013-07-28  Cambodia held a general election (July 28; July)",
        "Cambodian People's Party — 68 of 123 parliamentary seats",
        "“illegitimate” — Sam Rainsy",
    ] {
        assert!(s.contains(line), "{line:?} in\n{s}");
    }
    // The month-level mention of the election is on the day's line, not its own.
    assert!(!s.contains("2013-07     "), "{s}");

    let out = dossier(&["analyze", &example(), "--color", "always"]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("\x1b[1mPeople\x1b[0m"), "{s}");
    let out = dossier(&["analyze", &example(), "--color", "sometimes"]);
    assert_eq!(out.status.code(), Some(2));
}

fn write_temp(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("dossier-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

/// A binary, random bytes, an empty file or text with neither markup nor
/// prose is refused with one line on standard error and exit status 2,
/// for every command that reads a page, instead of a report of nonsense.
#[test]
fn input_that_is_not_a_page_is_refused() {
    let mut x: u32 = 7;
    let random: Vec<u8> = (0..20_000)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) as u8
        })
        .collect();
    let exe = std::fs::read(env!("CARGO_BIN_EXE_dossier")).unwrap();
    let cases: &[(&str, &[u8])] = &[
        ("exe", &exe[..exe.len().min(200_000)]),
        ("random.bin", &random),
        ("empty.html", b""),
        ("numbers.txt", b"12 34 56 78 90 12 34 56 78 90\n"),
    ];
    for (name, bytes) in cases {
        let path = write_temp(name, bytes);
        for args in [
            vec!["analyze", &path],
            vec!["analyze", &path, "--json"],
            vec!["analyze", &path, "--text"],
            vec!["blocks", &path],
        ] {
            let out = dossier(&args);
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert!(out.stdout.is_empty(), "{args:?}: nothing on stdout");
            let err = String::from_utf8(out.stderr).unwrap();
            assert_eq!(err.lines().count(), 1, "{args:?}: one line: {err}");
            assert!(err.starts_with(&format!("dossier: {path}: ")), "{err}");
        }
    }
    // Text without markup is still a page: a paragraph, counted in the singular.
    let path = write_temp(
        "one.txt",
        b"Cambodia's ruling party and the opposition resumed talks on Tuesday.\n",
    );
    let out = dossier(&["analyze", &path]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("1 block, 1 of them article text"), "{s}");
}
