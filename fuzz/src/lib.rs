//! Shared code of the fuzz targets: a structured [`Page`] generator driven
//! by the fuzzer's bytes, and the report invariants ([`invariants`]).

pub mod invariants;
pub mod samples;

use arbitrary::{Arbitrary, Result, Unstructured};
use dossier::{Block, Element, Page};
use samples::{FRAGMENTS, SENTENCES};

/// Block and element tags: the common ones, the ones the core treats
/// specially (furniture, cells, code, decorative), and nonsense.
const TAGS: &[&str] = &[
    "p",
    "p",
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "blockquote",
    "figcaption",
    "td",
    "th",
    "pre",
    "code",
    "nav",
    "footer",
    "header",
    "aside",
    "article",
    "main",
    "section",
    "body",
    "html",
    "ul",
    "ol",
    "dd",
    "form",
    "span",
    "",
    "P",
    "x-custom",
];

/// Class/id/role hints, including the ones the classifier and the repeat
/// finder look for.
const HINTS: &[&str] = &[
    "",
    "",
    "article-body",
    "content story",
    "pullquote",
    "teaser",
    "standfirst",
    "caption credit",
    "byline author",
    "newsletter signup",
    "related-stories",
    "share social",
    "nav menu",
    "footer",
    "navigation",
    "sidebar no-sidebars",
    "comment",
    "articlebody",
    "summary lede",
];

const LANGS: &[&str] = &[
    "", "en", "en-US", "en-GB", "de", "fr", "zh-CN", "ja", "ar", "x",
];

/// Picks one item of a non-empty slice.
fn pick<'a, T>(u: &mut Unstructured, items: &'a [T]) -> Result<&'a T> {
    u.choose(items)
}

/// A text from the generator's pieces: sentences, fragments, arbitrary
/// strings, very long words, copies of earlier blocks (so repeats occur),
/// possibly perturbed.
fn text(u: &mut Unstructured, earlier: &[Block]) -> Result<String> {
    let mut s = String::new();
    let parts = u.int_in_range(0..=6)?;
    for _ in 0..parts {
        match u.int_in_range(0..=9)? {
            0..=2 => s.push_str(pick(u, SENTENCES)?),
            3..=4 => s.push_str(pick(u, FRAGMENTS)?),
            5 => s.push_str(&String::arbitrary(u)?),
            6 => {
                // A very long word, or a long run of one fragment.
                let unit = *pick(u, &["x", "é", "😀", "日", "\u{301}", "a-", ". ", "1,"])?;
                let k = u.int_in_range(100..=5000)?;
                s.push_str(&unit.repeat(k));
            }
            _ => {
                if let Some(b) = earlier.get(u.choose_index(earlier.len().max(1))?) {
                    let t = &b.text;
                    // Whole, or a prefix/suffix cut at a char boundary.
                    let cut = u.int_in_range(0..=t.chars().count())?;
                    let at = t.char_indices().nth(cut).map_or(t.len(), |(i, _)| i);
                    match u.int_in_range(0..=2)? {
                        0 => s.push_str(t),
                        1 => s.push_str(&t[..at]),
                        _ => s.push_str(&t[at..]),
                    }
                    if u.ratio(1, 4)? {
                        s = s.to_uppercase();
                    }
                }
            }
        }
        if u.ratio(1, 2)? {
            s.push(' ');
        }
    }
    Ok(s)
}

/// A page built from the fuzzer's bytes. Element paths may point past
/// `elements` and `link_chars` may exceed the text: the core must cope with
/// whatever the content script (or a caller of the WASM API) sends.
pub fn page(u: &mut Unstructured) -> Result<Page> {
    let mut page = Page {
        url: if u.ratio(1, 2)? {
            "https://news.example/2024/05/story.html".into()
        } else {
            String::arbitrary(u)?
        },
        ..Page::default()
    };
    page.title = match u.int_in_range(0..=2)? {
        0 => String::new(),
        1 => pick(u, SENTENCES)?.to_string(),
        _ => String::arbitrary(u)?,
    };
    page.lang = pick(u, LANGS)?.to_string();
    for _ in 0..u.int_in_range(0..=3)? {
        let d = match u.int_in_range(0..=4)? {
            0 => "meta:article:published_time=2013-09-17T08:00:00Z".to_string(),
            1 => "jsonld:2024-02-29".to_string(),
            2 => "time:1999-12-31".to_string(),
            3 => format!("meta:datepublished={}", String::arbitrary(u)?),
            _ => String::arbitrary(u)?,
        };
        page.dates.push(d);
    }
    let ne = u.int_in_range(0..=12)?;
    for _ in 0..ne {
        page.elements.push(Element {
            tag: pick(u, TAGS)?.to_string(),
            hints: pick(u, HINTS)?.to_string(),
        });
    }
    let nblocks = u.int_in_range(0..=40)?;
    for _ in 0..nblocks {
        if u.is_empty() {
            break;
        }
        let text = text(u, &page.blocks)?;
        let len16 = text.encode_utf16().count() as u32;
        let link_chars = match u.int_in_range(0..=5)? {
            0..=2 => 0,
            3 => len16,
            4 => u.int_in_range(0..=len16)?,
            _ => u32::arbitrary(u)?,
        };
        let mut path = Vec::new();
        for _ in 0..u.int_in_range(0..=6)? {
            // Mostly valid indices, sometimes out of range.
            path.push(if u.ratio(9, 10)? {
                u.int_in_range(0..=ne.max(1) as u32 - 1)?
            } else {
                u32::arbitrary(u)?
            });
        }
        page.blocks.push(Block {
            tag: pick(u, TAGS)?.to_string(),
            hints: pick(u, HINTS)?.to_string(),
            text,
            visible: u.ratio(7, 8)?,
            link_chars,
            path,
        });
    }
    Ok(page)
}

/// A [`Page`] as an `Arbitrary` value, for `fuzz_target!(|p: FuzzPage| …)`.
#[derive(Debug)]
pub struct FuzzPage(pub Page);

impl<'a> Arbitrary<'a> for FuzzPage {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        page(u).map(FuzzPage)
    }
}

/// Analyses `page` and panics with the page's JSON if an invariant breaks.
/// With `DOSSIER_FUZZ_DUMP=<file>` in the environment, the page is written
/// there as JSON first (to replay a slow unit natively: `dossier analyze`
/// does not read JSON, `tests/robustness.rs` does).
pub fn analyze_and_check(page: &Page) {
    static DUMP: std::sync::OnceLock<Option<std::ffi::OsString>> = std::sync::OnceLock::new();
    if let Some(path) = DUMP.get_or_init(|| std::env::var_os("DOSSIER_FUZZ_DUMP")) {
        let _ = std::fs::write(path, serde_json::to_string(page).unwrap_or_default());
    }
    let report = dossier::analyze(page);
    if let Err(e) = invariants::check(page, &report) {
        panic!(
            "invariant broken: {e}\npage: {}",
            serde_json::to_string(page).unwrap_or_default()
        );
    }
}
