//! The crate's modules import each other without loops: each layer (hashing
//! and text, the page, the document, the stages, the report, the pipeline)
//! can be read, tested and changed with only the layers below it in mind.
//!
//! Reads the source, not the compiler's view: every `use` of a crate path
//! (`crate::`, `super::`, `self::`, a child module's name) and every
//! `crate::a::b` path written in code count as an edge from the file's
//! module to the module that path names. A cycle between modules fails the
//! test with the modules on it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

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

/// The module a source file defines, as `a::b` (`crate` for `lib.rs`).
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    if parts == ["lib"] {
        return "crate".into();
    }
    parts.join("::")
}

/// The code of a file without comments and string literals' contents, one
/// entry per line.
fn code_lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_block = false;
    for line in text.lines() {
        let mut code = String::new();
        let mut chars = line.chars().peekable();
        let mut in_str = false;
        while let Some(c) = chars.next() {
            if in_block {
                if c == '*' && chars.peek() == Some(&'/') {
                    chars.next();
                    in_block = false;
                }
                continue;
            }
            if in_str {
                if c == '\\' {
                    chars.next();
                } else if c == '"' {
                    in_str = false;
                    code.push('"');
                }
                continue;
            }
            match c {
                // The character literal '"' opens no string.
                '\'' if line[..].contains("'\"'") && chars.peek() == Some(&'"') => {
                    chars.next();
                }
                '/' if chars.peek() == Some(&'/') => break,
                '/' if chars.peek() == Some(&'*') => {
                    chars.next();
                    in_block = true;
                }
                '"' => {
                    in_str = true;
                    code.push('"');
                }
                _ => code.push(c),
            }
        }
        out.push(code);
    }
    out
}

/// The module a path names: the longest known module it starts with.
fn resolve(path: &[&str], modules: &BTreeSet<String>) -> Option<String> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].join("::"))
        .find(|m| modules.contains(m))
}

/// Edges from one file's module to the modules its code names.
fn edges(module: &str, text: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let lines = code_lines(text);
    let mut out = BTreeSet::new();
    // Inline modules (`mod tests { … }`) by indentation: `super` inside one
    // is the file's module itself.
    let mut inline: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let indent = line.len() - line.trim_start().len();
        let t = line.trim();
        if t.is_empty() {
            i += 1;
            continue;
        }
        while inline.last().is_some_and(|&d| indent <= d) {
            inline.pop();
        }
        let words: Vec<&str> = t.split_whitespace().collect();
        let mod_at = words.iter().position(|w| *w == "mod");
        if mod_at.is_some_and(|k| k <= 1 && t.ends_with('{')) {
            inline.push(indent);
            i += 1;
            continue;
        }
        let is_use =
            t.starts_with("use ") || t.starts_with("pub use ") || t.starts_with("pub(crate) use ");
        if is_use {
            // A `use` may span lines: read to its semicolon.
            let mut stmt = t.to_string();
            while !stmt.ends_with(';') && i + 1 < lines.len() {
                i += 1;
                stmt.push(' ');
                stmt.push_str(lines[i].trim());
            }
            let body = &stmt[stmt.find("use ").unwrap() + 4..];
            let head: Vec<&str> = body
                .split("::")
                .map(|s| s.trim_matches(|c: char| !c.is_alphanumeric() && c != '_'))
                .take_while(|s| !s.is_empty())
                .collect();
            let mut base: Vec<String> = if module == "crate" {
                Vec::new()
            } else {
                module.split("::").map(String::from).collect()
            };
            // Inside an inline module, `super` first climbs out of it.
            let mut climbs = head.iter().take_while(|s| **s == "super").count();
            let skip_inline = climbs.min(inline.len());
            climbs -= skip_inline;
            for _ in 0..climbs {
                base.pop();
            }
            let rest: Vec<&str> = head
                .iter()
                .skip_while(|s| **s == "super")
                .copied()
                .collect();
            let path: Vec<String> = match rest.first() {
                Some(&"crate") => rest[1..].iter().map(|s| s.to_string()).collect(),
                Some(&"self") => base
                    .iter()
                    .cloned()
                    .chain(rest[1..].iter().map(|s| s.to_string()))
                    .collect(),
                _ if head.first() == Some(&"super") => base
                    .iter()
                    .cloned()
                    .chain(rest.iter().map(|s| s.to_string()))
                    .collect(),
                // A child module's name, or an outside crate (ignored).
                _ => base
                    .iter()
                    .cloned()
                    .chain(rest.iter().map(|s| s.to_string()))
                    .collect(),
            };
            let path: Vec<&str> = path.iter().map(String::as_str).collect();
            if let Some(m) = resolve(&path, modules) {
                out.insert(m);
            }
        } else {
            // `crate::a::b` written in code.
            for (k, _) in line.match_indices("crate::") {
                if k > 0 && line[..k].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let path: Vec<&str> = line[k + 7..]
                    .split("::")
                    .map(|s| {
                        let end = s
                            .find(|c: char| !c.is_alphanumeric() && c != '_')
                            .unwrap_or(s.len());
                        &s[..end]
                    })
                    .take_while(|s| !s.is_empty())
                    .collect();
                if let Some(m) = resolve(&path, modules) {
                    out.insert(m);
                }
            }
        }
        i += 1;
    }
    out.remove(module);
    out.remove("crate");
    out
}

/// Strongly connected components with more than one module (Tarjan).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct St<'g> {
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on: BTreeSet<&'g str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'g>(st: &mut St<'g>, v: &'g str) {
        let n = st.index.len();
        st.index.insert(v, n);
        st.low.insert(v, n);
        st.stack.push(v);
        st.on.insert(v);
        for w in st.graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !st.index.contains_key(w) {
                visit(st, w);
                let l = st.low[v].min(st.low[w]);
                st.low.insert(v, l);
            } else if st.on.contains(w) {
                let l = st.low[v].min(st.index[w]);
                st.low.insert(v, l);
            }
        }
        if st.low[v] == st.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = st.stack.pop() {
                st.on.remove(w);
                comp.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                st.out.push(comp);
            }
        }
    }
    let mut st = St {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !st.index.contains_key(v.as_str()) {
            visit(&mut st, v);
        }
    }
    st.out
}

fn crate_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    // The binary is a crate of its own: it sees the library only as `dossier::`.
    files.retain(|f| !f.starts_with(src.join("bin")));
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
    files
        .iter()
        .map(|f| {
            let m = module_of(&src, f);
            let text = std::fs::read_to_string(f).unwrap();
            let e = edges(&m, &text, &modules);
            (m, e)
        })
        .collect()
}

#[test]
fn modules_import_each_other_without_loops() {
    let graph = crate_graph();
    assert!(graph.len() > 10, "found the modules: {graph:?}");
    let found = cycles(&graph);
    assert!(
        found.is_empty(),
        "modules that import each other in a loop: {found:?}\n(edges: {graph:#?})"
    );
}

#[test]
fn the_checker_sees_a_loop() {
    let modules: BTreeSet<String> = ["a", "b", "b::c", "d"].map(String::from).into();
    let a = edges(
        "a",
        "use crate::b::c::{X, Y};\n// use crate::d;\nfn f() { crate::d::g(); }",
        &modules,
    );
    assert_eq!(a, ["b::c", "d"].map(String::from).into());
    let c = edges(
        "b::c",
        "use super::Z;\n#[cfg(test)]\nmod tests {\n    use super::*;\n    use crate::a;\n}\n",
        &modules,
    );
    assert_eq!(c, ["a", "b"].map(String::from).into());
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a".to_string(), a),
        ("b::c".to_string(), c),
        ("b".to_string(), BTreeSet::new()),
    ]
    .into();
    assert_eq!(cycles(&graph), vec![vec!["a".to_string(), "b::c".into()]]);
}
