//! The extension's security rules, enforced on its source: the smallest set
//! of permissions, no remote code, no `eval`, no HTML parsing of strings
//! (page text reaches the DOM only through `textContent`), and no way to
//! send a request. A grep is crude, but it fails loudly the day someone
//! reaches for `innerHTML` "just for this one label", which review misses.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every script and page that ships: the extension, and the demo site that
/// loads the same content scripts.
fn shipped_sources() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("js" | "mjs" | "html")
            ) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(ROOT).join("extension"), &mut out);
    walk(&Path::new(ROOT).join("www"), &mut out);
    out.sort();
    assert!(
        out.iter().any(|p| p.ends_with("content/main.js")),
        "the scan must see the content scripts: {out:?}"
    );
    out
}

/// The source with `//` line comments and `/* */` blocks blanked, so a
/// comment explaining why `innerHTML` is banned does not trip the ban.
/// Strings are kept: a forbidden call hidden in a string is still a finding.
fn code_only(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut rest = src;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("/*") {
            let end = after.find("*/").map_or(after.len(), |i| i + 2);
            out.extend(
                after[..end]
                    .chars()
                    .map(|c| if c == '\n' { '\n' } else { ' ' }),
            );
            rest = &after[end..];
        } else if rest.starts_with("//") && !out.ends_with(':') {
            // `//` after `:` is a URL (`https://`), which is reported, not hidden.
            let end = rest.find('\n').unwrap_or(rest.len());
            rest = &rest[end..];
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// (needle, why it is banned). Matched case-sensitively on code only.
const FORBIDDEN: &[(&str, &str)] = &[
    (
        "innerHTML",
        "parses a string as HTML: use textContent / createElement",
    ),
    ("outerHTML", "parses a string as HTML"),
    ("insertAdjacentHTML", "parses a string as HTML"),
    ("createContextualFragment", "parses a string as HTML"),
    ("DOMParser", "parses a string as HTML"),
    ("srcdoc", "parses a string as HTML"),
    ("document.write", "parses a string as HTML"),
    ("eval(", "no eval"),
    ("new Function", "eval by another name"),
    ("Function(", "eval by another name"),
    ("setTimeout('", "a string timer is eval"),
    ("setTimeout(\"", "a string timer is eval"),
    ("setInterval('", "a string timer is eval"),
    ("setInterval(\"", "a string timer is eval"),
    ("javascript:", "script URL"),
    ("importScripts", "loads code at run time"),
    ("import(", "dynamic import loads code at run time"),
    ("XMLHttpRequest", "no network"),
    ("WebSocket", "no network"),
    ("EventSource", "no network"),
    ("sendBeacon", "no network"),
    ("RTCPeerConnection", "no network"),
    ("http://", "no remote resources"),
    ("https://", "no remote resources"),
];

/// (file, needle, why it is safe there). Each exception is argued here.
const ALLOWED: &[(&str, &str, &str)] = &[
    (
        "www/demo.js",
        "DOMParser",
        "the demo (not the extension) renders HTML the user pasted themselves into an inert \
         document, strips scripts and every attribute but class/id/role/hidden, then imports it",
    ),
    (
        "extension/content/collect.js",
        "outerHTML",
        "read, never written (`assigns_markup` below): the page's own serialization, which a \
         string scanner turns into text and element indices; nothing is parsed into a DOM",
    ),
    (
        "extension/test/content.js",
        "outerHTML",
        "the tests' build only (never packaged): one read, timed, as make bench's floor; the \
         string is dropped",
    ),
];

/// Whether a line of code assigns markup to an element (`x.outerHTML = …`,
/// `+=`): the one use of `outerHTML` that parses a string as HTML.
fn assigns_markup(line: &str) -> bool {
    line.match_indices("HTML").any(|(i, _)| {
        let rest = line[i + 4..].trim_start();
        (rest.starts_with('=') && !rest.starts_with("==")) || rest.starts_with("+=")
    })
}

#[test]
fn shipped_code_has_no_html_parsing_eval_or_network() {
    let mut findings = Vec::new();
    for path in shipped_sources() {
        let rel = path.strip_prefix(ROOT).unwrap().display().to_string();
        let code = code_only(&std::fs::read_to_string(&path).unwrap());
        for (n, line) in code.lines().enumerate() {
            for (needle, why) in FORBIDDEN {
                let allowed = ALLOWED.iter().any(|(f, n, _)| rel == *f && n == needle);
                if line.contains(needle) && !allowed {
                    findings.push(format!("{rel}:{}: `{needle}`: {why}", n + 1));
                }
            }
            if assigns_markup(line) {
                findings.push(format!(
                    "{rel}:{}: assigns markup: parses a string as HTML",
                    n + 1
                ));
            }
            // The demo page (not the extension) reads its own bundled files;
            // the extension only files of its own package (a language's
            // entity model: `fetch(api.runtime.getURL(...))`).
            if line.contains("fetch(") {
                let own = if rel.starts_with("www/") {
                    "fetch('./"
                } else {
                    "fetch(api.runtime.getURL("
                };
                let local = line.matches("fetch(").count() == line.matches(own).count();
                if !local {
                    findings.push(format!("{rel}:{}: `fetch(`: no network", n + 1));
                }
            }
        }
    }
    assert!(findings.is_empty(), "\n{}", findings.join("\n"));
}

#[test]
fn reading_markup_is_not_assigning_it() {
    assert!(assigns_markup("el.outerHTML = x;"));
    assert!(assigns_markup("el.outerHTML=x"));
    assert!(assigns_markup("el.innerHTML += x"));
    assert!(!assigns_markup("const html = rootEl.outerHTML;"));
    assert!(!assigns_markup("if (el.outerHTML === x) {}"));
}

#[test]
fn the_scan_catches_what_it_bans() {
    // If code_only() ever ate code, the ban above would pass vacuously.
    let code =
        code_only("// innerHTML here is fine\nel.innerHTML = x; /* eval( */ fetch('https://a')");
    assert!(!code.lines().next().unwrap().contains("innerHTML"));
    assert!(code.contains("el.innerHTML = x;"));
    assert!(!code.contains("eval("));
    assert!(code.contains("https://a"));
}

#[test]
fn manifest_asks_for_the_smallest_set_of_permissions() {
    let text = std::fs::read_to_string(Path::new(ROOT).join("extension/manifest.json")).unwrap();
    let m: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        m["permissions"],
        serde_json::json!(["storage"]),
        "justify any new permission in the README"
    );
    for key in [
        "host_permissions",
        "optional_permissions",
        "optional_host_permissions",
        "web_accessible_resources",
        "externally_connectable",
        "content_scripts_world",
    ] {
        assert!(m.get(key).is_none(), "manifest must not declare {key}");
    }
    for cs in m["content_scripts"].as_array().unwrap() {
        assert!(
            cs.get("world").is_none(),
            "content scripts stay in the isolated world"
        );
        for js in cs["js"].as_array().unwrap() {
            let js = js.as_str().unwrap();
            assert!(!js.contains(':'), "content script from elsewhere: {js}");
        }
    }
    let csp = m["content_security_policy"]["extension_pages"]
        .as_str()
        .unwrap();
    let script_src: Vec<&str> = csp
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src"))
        .expect("an explicit script-src")
        .split_whitespace()
        .skip(1)
        .collect();
    assert_eq!(script_src, ["'self'", "'wasm-unsafe-eval'"], "CSP: {csp}");
    assert!(!csp.contains("http"), "no remote source in the CSP: {csp}");
}

/// The oldest Chrome the manifest admits has every API the shipped scripts
/// call: `AbortSignal.any` (the content script's teardown) is Chrome 116.
#[test]
fn manifest_names_the_oldest_chrome_that_runs_the_code() {
    let text = std::fs::read_to_string(Path::new(ROOT).join("extension/manifest.json")).unwrap();
    let m: serde_json::Value = serde_json::from_str(&text).unwrap();
    let min: u32 = m["minimum_chrome_version"]
        .as_str()
        .expect("minimum_chrome_version")
        .parse()
        .unwrap();
    let uses_any = shipped_sources()
        .iter()
        .any(|p| code_only(&std::fs::read_to_string(p).unwrap()).contains("AbortSignal.any("));
    if uses_any {
        assert!(
            min >= 116,
            "AbortSignal.any needs Chrome 116, the manifest says {min}"
        );
    }
}

#[test]
fn the_readme_justifies_every_permission() {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    for p in ["`storage`", "`'wasm-unsafe-eval'`", "`http://*/*`"] {
        assert!(readme.contains(p), "README's permissions table lacks {p}");
    }
}

/// The in-page code is ES modules with explicit imports, bundled by
/// scripts/build.mjs: no invisible global between scripts, and the manifest
/// names only the bundles the build writes.
#[test]
fn content_scripts_are_modules_bundled_by_the_build() {
    for path in shipped_sources() {
        let rel = path.strip_prefix(ROOT).unwrap().display().to_string();
        let code = code_only(&std::fs::read_to_string(&path).unwrap());
        assert!(
            !code.contains("__dossier.") && !code.contains("__dossier ="),
            "{rel}: the content scripts share nothing through a global: import it"
        );
    }
    let build = std::fs::read_to_string(Path::new(ROOT).join("scripts/build.mjs")).unwrap();
    let text = std::fs::read_to_string(Path::new(ROOT).join("extension/manifest.json")).unwrap();
    let m: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut named: Vec<String> = m["content_scripts"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|cs| cs["js"].as_array().unwrap().iter())
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    named.push(
        m["background"]["service_worker"]
            .as_str()
            .unwrap()
            .to_string(),
    );
    for f in named {
        assert!(
            build.contains(&format!("'{f}': [")),
            "manifest.json names {f}, which is no bundle in scripts/build.mjs BUNDLES"
        );
    }
}

/// What only the end-to-end tests' build may hold: the `test:` message
/// handlers, the globals the tests read in Chromium, and the core's panic
/// switch (`Options::panic_for_test`, cargo feature `test-hooks`).
const TEST_HOOKS: &[&str] = &[
    "'test:",
    "\"test:",
    "`test:",
    "__dossierTabState",
    "__dossierPanicNext",
    "panic_for_test",
    "panic requested by a test",
];

/// Every file of a store package, uncompressed and concatenated.
fn unzipped(zip: &Path) -> Vec<u8> {
    let out = std::process::Command::new("unzip")
        .arg("-p")
        .arg(zip)
        .output()
        .expect("unzip");
    assert!(out.status.success(), "unzip -p {}", zip.display());
    out.stdout
}

fn holds(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// The shipped packages (`make package`) have no test hook. `make test` runs
/// this after packaging with DOSSIER_PACKAGED=1; without the packages (a
/// plain `cargo test` before any build) it says so and passes.
#[test]
fn packaged_extension_has_no_test_hooks() {
    let dist = Path::new(ROOT).join("dist");
    let zips = ["dossier-chrome.zip", "dossier-firefox.zip"].map(|z| dist.join(z));
    if !zips.iter().all(|z| z.exists()) {
        assert!(
            std::env::var_os("DOSSIER_PACKAGED").is_none(),
            "dist/dossier-*.zip missing: run make package"
        );
        eprintln!("no packages in dist/: nothing to check (make test checks them)");
        return;
    }
    for zip in &zips {
        let bytes = unzipped(zip);
        assert!(holds(&bytes, "cs:state"), "{}: not unpacked", zip.display());
        for needle in TEST_HOOKS {
            assert!(
                !holds(&bytes, needle),
                "{} holds `{needle}`: test hooks belong in the tests' build only",
                zip.display()
            );
        }
    }
    // The needles are the right ones: the tests' build has them.
    let test_bg = dist.join("chrome-test/background.js");
    let test_wasm = dist.join("chrome-test/pkg/dossier_bg.wasm");
    if test_bg.exists() && test_wasm.exists() {
        let bg = std::fs::read(test_bg).unwrap();
        assert!(holds(&bg, "\"test:tabState\"") && holds(&bg, "__dossierPanicNext"));
        assert!(holds(&std::fs::read(test_wasm).unwrap(), "panic_for_test"));
    }
}
