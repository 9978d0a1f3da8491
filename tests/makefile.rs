//! `make help` is generated from the Makefile's `## ` comments: every target
//! has one, and every `make X` the README names is in the list.

use std::collections::BTreeSet;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Targets that are only aliases or steps of others, listed without a line.
const UNLISTED: &[&str] = &["all"];

fn help() -> String {
    let out = Command::new("make")
        .args(["-s", "--no-print-directory", "help"])
        .current_dir(ROOT)
        .output()
        .expect("make runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn listed(help: &str) -> BTreeSet<String> {
    help.lines()
        .filter_map(|l| l.trim_start().strip_prefix("make "))
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

#[test]
fn every_target_has_a_line_in_make_help() {
    let makefile = std::fs::read_to_string(format!("{ROOT}/Makefile")).unwrap();
    let listed = listed(&help());
    let mut missing = Vec::new();
    for line in makefile.lines() {
        let Some((name, _)) = line.split_once(':') else {
            continue;
        };
        let is_rule = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !line.contains(":=")
            && !line.starts_with(".PHONY");
        if is_rule && !UNLISTED.contains(&name) && !listed.contains(name) {
            missing.push(name.to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "targets without a `## ` line above them: {missing:?}"
    );
}

#[test]
fn every_target_the_readme_names_is_in_make_help() {
    let readme = std::fs::read_to_string(format!("{ROOT}/README.md")).unwrap();
    let listed = listed(&help());
    // `make X` in running text, and lines of code blocks that start with it.
    let mentions = readme.split("`make ").skip(1).chain(
        readme
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix("make ")),
    );
    let named: BTreeSet<String> = mentions
        .filter_map(|rest| {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                .collect();
            (!name.is_empty() && !name.ends_with('-')).then_some(name)
        })
        .collect();
    let missing: Vec<_> = named.difference(&listed).collect();
    assert!(
        missing.is_empty(),
        "README names targets make help lacks: {missing:?}"
    );
    for must in ["run", "test", "help", "bench", "eval-facts"] {
        assert!(listed.contains(must), "{must}");
    }
}
