//! Source files and functions stay small enough to read in one sitting: no
//! file under `src/` over [`MAX_FILE_LINES`] lines, no function over
//! [`MAX_FN_LINES`] (issue 19: "one rule in one place"). A file or function
//! over the limit today is listed in [`ALLOWED`] with its current size, so
//! that it can shrink but not grow; take it off the list once it fits.

use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 800;
const MAX_FN_LINES: usize = 120;

/// `(file, function or "" for the file itself, lines today)`: what is
/// still over the limit, and may not grow.
const ALLOWED: &[(&str, &str, usize)] = &[];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// `(name, lines)` of every `fn` of a file, from its signature to the
/// closing brace at the signature's indentation (rustfmt's layout).
fn functions(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        let indent = line.len() - t.len();
        let words: Vec<&str> = t.split_whitespace().collect();
        let Some(k) = words.iter().position(|w| *w == "fn") else {
            continue;
        };
        let prefix_ok = words[..k].iter().all(|w| {
            matches!(*w, "pub" | "const" | "unsafe" | "async" | "extern") || w.starts_with("pub(")
        });
        if !prefix_ok || k + 1 >= words.len() || t.starts_with("//") {
            continue;
        }
        let name: String = words[k + 1]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if t.ends_with('}') && t.contains('{') {
            out.push((name, 1));
            continue;
        }
        // A declaration without a body (`fn f();` in a trait) has no end.
        let opened = lines[i..]
            .iter()
            .find(|l| l.contains('{') || l.trim_end().ends_with(';'));
        if opened.is_none_or(|l| !l.contains('{')) {
            continue;
        }
        let close = " ".repeat(indent) + "}";
        if let Some(e) = lines[i..].iter().position(|l| l.trim_end() == close) {
            out.push((name, e + 1));
        }
    }
    out
}

#[test]
fn files_and_functions_stay_small() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut over = Vec::new();
    let mut seen = Vec::new();
    for f in &files {
        let rel = f
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(f).unwrap();
        let mut check = |what: &str, n: usize, max: usize| {
            if n <= max {
                return;
            }
            match ALLOWED.iter().find(|(a, b, _)| *a == rel && *b == what) {
                Some(&(_, _, allowed)) if n <= allowed => {
                    seen.push((rel.clone(), what.to_string()))
                }
                Some(&(_, _, allowed)) => over.push(format!(
                    "{rel} {what}: {n} lines, grew past its allowed {allowed}"
                )),
                None => over.push(format!("{rel} {what}: {n} lines (limit {max})")),
            }
        };
        check("", text.lines().count(), MAX_FILE_LINES);
        for (name, n) in functions(&text) {
            check(&name, n, MAX_FN_LINES);
        }
    }
    assert!(over.is_empty(), "too long:\n{}", over.join("\n"));
    // An entry that now fits comes off the list.
    let stale: Vec<_> = ALLOWED
        .iter()
        .filter(|(a, b, _)| !seen.iter().any(|(x, y)| x == a && y == b))
        .collect();
    assert!(
        stale.is_empty(),
        "within the limits now, remove from ALLOWED: {stale:?}"
    );
}

#[test]
fn functions_are_measured_from_signature_to_brace() {
    let text = "fn a() {\n    x();\n}\n\npub(crate) fn b(\n    y: u8,\n) -> u8 {\n    fn inner() {}\n    y\n}\n    fn c();\n";
    assert_eq!(
        functions(text),
        vec![
            ("a".to_string(), 3),
            ("b".to_string(), 6),
            ("inner".to_string(), 1)
        ]
    );
}
