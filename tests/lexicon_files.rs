//! The word lists under `lexicon/` are all in use: each file is compiled in
//! by an `include_str!` somewhere under `src/` (a list nobody reads is a
//! rule nobody applies), and each names the code that reads it.

use std::path::{Path, PathBuf};

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, ext, out);
        } else if p.extension().is_some_and(|e| e == ext) {
            out.push(p);
        }
    }
}

#[test]
fn every_list_is_compiled_in_and_says_where() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut src = Vec::new();
    files(&root.join("src"), "rs", &mut src);
    let code: String = src
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    let mut lists = Vec::new();
    files(&root.join("lexicon"), "txt", &mut lists);
    assert!(lists.len() > 30, "{lists:?}");
    for l in lists {
        let rel = l
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        assert!(
            code.contains(&format!("{rel}\"")),
            "{rel} is not compiled in by any include_str!"
        );
        let text = std::fs::read_to_string(&l).unwrap();
        assert!(
            text.lines()
                .any(|x| x.starts_with('#') && x.contains("src/")),
            "{rel}: its header names no reader under src/"
        );
    }
}
