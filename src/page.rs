//! The input of an analysis: a page as a list of text blocks.
//!
//! The one collection rule (`src/collect.rs`) builds exactly this shape from
//! whatever reads the page (the CLI's html5ever tree, `src/html.rs`; in the
//! extension the page's serialization, `src/serialized.rs`, or a walk of its
//! DOM): every *leaf block* (a block-level element with text and no
//! block-level element below it) becomes one [`Block`], and every element on a
//! block's ancestor path becomes one [`Element`], stored once and referred to
//! by index. The core decides everything else (which blocks are article text,
//! which repeat what) from these facts alone.

use serde::{Deserialize, Serialize};

/// A page: its blocks in document order, the elements on their ancestor
/// paths, and what the page says about itself.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Page {
    /// The page's address, if known. Only its host is ever used (for nothing
    /// but display); it is never fetched.
    pub url: String,
    /// The document title (`<title>`).
    pub title: String,
    /// The language from `<html lang>`, if any.
    pub lang: String,
    /// Publication date candidates found in the page's metadata, in document
    /// order, as written: `meta:<name>=<content>` for `<meta>` tags named in
    /// `html::DATE_META`, `jsonld:<value>` for JSON-LD `datePublished`, and
    /// `time:<datetime>` for `<time datetime>`.
    pub dates: Vec<String>,
    /// Ancestor elements of blocks, referred to by [`Block::path`].
    pub elements: Vec<Element>,
    /// The leaf text blocks in document order.
    pub blocks: Vec<Block>,
}

/// An element on the ancestor path of one or more blocks.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Element {
    /// Lower-case tag name (`div`, `article`, `nav`, …).
    pub tag: String,
    /// `id`, `class`, `role` and `itemprop` attribute values, lower-cased,
    /// space-separated, cut at [`MAX_HINTS`] characters.
    pub hints: String,
}

/// One leaf text block: a paragraph, heading, list item, cell, caption…
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Block {
    /// Lower-case tag name of the block's element.
    pub tag: String,
    /// The block's own `id`/`class`/`role`/`itemprop` hints, as in [`Element::hints`].
    pub hints: String,
    /// The text exactly as the DOM holds it: its text nodes concatenated in
    /// order (script, style, template and noscript skipped), with a `\n` for
    /// each `<br>`. Offsets in the report are UTF-16 offsets into this string.
    pub text: String,
    /// Whether the reader can see the block (rendered, not `display:none`,
    /// not `visibility:hidden`, not `hidden`).
    pub visible: bool,
    /// UTF-16 length of the part of `text` that lies inside links (`<a href>`).
    pub link_chars: u32,
    /// Indices into [`Page::elements`] of the block's ancestors, outermost
    /// first, at most [`MAX_PATH`] of them (the innermost ones).
    pub path: Vec<u32>,
}

/// Longest hint string kept per element, in characters; longer class lists are cut.
pub const MAX_HINTS: usize = 160;
/// Deepest ancestor path kept per block: the innermost ancestors are the
/// ones that matter, and a cap keeps hostile, deeply nested markup linear.
pub const MAX_PATH: usize = 40;

impl Block {
    /// A visible block with no ancestors: the shape tests and plain-text input use.
    pub fn new(tag: &str, text: &str) -> Block {
        Block {
            tag: tag.to_string(),
            text: text.to_string(),
            visible: true,
            ..Block::default()
        }
    }
}

impl Page {
    /// A page of visible paragraphs under one `<article>`: how plain text
    /// (one paragraph per line) enters the analysis.
    pub fn from_paragraphs<S: AsRef<str>>(paragraphs: &[S]) -> Page {
        let mut page = Page {
            elements: vec![Element {
                tag: "article".into(),
                hints: String::new(),
            }],
            ..Page::default()
        };
        for p in paragraphs {
            let mut b = Block::new("p", p.as_ref());
            b.path = vec![0];
            page.blocks.push(b);
        }
        page
    }

    /// Plain text in, one block per non-empty line.
    pub fn from_text(text: &str) -> Page {
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        Page::from_paragraphs(&lines)
    }
}

/// Why a packed page (see [`Page::from_packed`]) could not be read.
#[derive(Debug, PartialEq, Eq)]
pub struct BadPacked(pub &'static str);

impl std::fmt::Display for BadPacked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad packed page: {}", self.0)
    }
}

/// Version of the packed page layout (the first number).
pub const PACKED_VERSION: u32 = 1;

impl Page {
    /// A page from its packed form: every string of the page concatenated
    /// in `text`, and in `nums` the layout version, the counts, each
    /// string's length in UTF-16 code units (JavaScript's `length`) and
    /// the numbers:
    ///
    /// ```text
    /// version, dates, elements, blocks,
    /// len(url), len(title), len(lang), len(date) per date,
    /// per element: len(tag), len(hints),
    /// per block: len(tag), len(hints), len(text), visible (0/1), link_chars,
    ///            path length, path...
    /// ```
    ///
    /// with the strings in `text` in the same order. It is how the
    /// extension hands a page to the WebAssembly core: one string and one
    /// `Uint32Array` cross the boundary in two copies, where the same page
    /// as an object costs a call into JavaScript per field of every block.
    pub fn from_packed(text: &str, nums: &[u32]) -> Result<Page, BadPacked> {
        let mut n = nums.iter().copied();
        let mut num = || n.next().ok_or(BadPacked("numbers end early"));
        if num()? != PACKED_VERSION {
            return Err(BadPacked("unknown layout version"));
        }
        let (n_dates, n_elements, n_blocks) = (num()?, num()?, num()?);
        // Counts bounded by what the numbers can hold: a hostile count
        // fails on the numbers, not on a huge allocation.
        let room = nums.len() as u64;
        if n_dates as u64 + 2 * n_elements as u64 + 6 * n_blocks as u64 > room {
            return Err(BadPacked("counts larger than the numbers"));
        }
        let mut rest = text;
        let mut string = |units: u32| -> Result<String, BadPacked> {
            let (head, tail) = split_utf16(rest, units as usize).ok_or(BadPacked(
                "a length runs past the text or splits a character",
            ))?;
            rest = tail;
            Ok(head.to_string())
        };
        let url = string(num()?)?;
        let title = string(num()?)?;
        let lang = string(num()?)?;
        let mut dates = Vec::with_capacity(n_dates as usize);
        for _ in 0..n_dates {
            dates.push(string(num()?)?);
        }
        let mut elements = Vec::with_capacity(n_elements as usize);
        for _ in 0..n_elements {
            let tag = string(num()?)?;
            let hints = string(num()?)?;
            elements.push(Element { tag, hints });
        }
        let mut blocks = Vec::with_capacity(n_blocks as usize);
        for _ in 0..n_blocks {
            let tag = string(num()?)?;
            let hints = string(num()?)?;
            let text = string(num()?)?;
            let visible = match num()? {
                0 => false,
                1 => true,
                _ => return Err(BadPacked("visible is not 0 or 1")),
            };
            let link_chars = num()?;
            let len = num()?;
            let path = (0..len).map(|_| num()).collect::<Result<Vec<u32>, _>>()?;
            blocks.push(Block {
                tag,
                hints,
                text,
                visible,
                link_chars,
                path,
            });
        }
        if num().is_ok() || !rest.is_empty() {
            return Err(BadPacked("trailing numbers or text"));
        }
        Ok(Page {
            url,
            title,
            lang,
            dates,
            elements,
            blocks,
        })
    }
}

impl Page {
    /// The packed form [`Page::from_packed`] reads (what `extension/pack.js`
    /// makes of a page object).
    pub fn to_packed(&self) -> (String, Vec<u32>) {
        let mut text = String::new();
        let mut nums = vec![
            PACKED_VERSION,
            self.dates.len() as u32,
            self.elements.len() as u32,
            self.blocks.len() as u32,
        ];
        let mut str = |s: &str, nums: &mut Vec<u32>| {
            text.push_str(s);
            nums.push(s.encode_utf16().count() as u32);
        };
        str(&self.url, &mut nums);
        str(&self.title, &mut nums);
        str(&self.lang, &mut nums);
        for d in &self.dates {
            str(d, &mut nums);
        }
        for e in &self.elements {
            str(&e.tag, &mut nums);
            str(&e.hints, &mut nums);
        }
        for b in &self.blocks {
            str(&b.tag, &mut nums);
            str(&b.hints, &mut nums);
            str(&b.text, &mut nums);
            nums.extend([b.visible as u32, b.link_chars, b.path.len() as u32]);
            nums.extend(&b.path);
        }
        (text, nums)
    }
}

/// `s` split after `units` UTF-16 code units, unless that is past its end
/// or inside a character.
fn split_utf16(s: &str, units: usize) -> Option<(&str, &str)> {
    let b = s.as_bytes();
    let (mut at, mut left) = (0, units);
    while left > 0 {
        // Eight ASCII bytes are eight units: most of a page's text, read a
        // word at a time instead of a byte at a time.
        if left >= 8 {
            if let Some(chunk) = b.get(at..at + 8) {
                let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
                if word & 0x8080_8080_8080_8080 == 0 {
                    at += 8;
                    left -= 8;
                    continue;
                }
            }
        }
        // Else a byte at a time: ASCII and the lead byte of a 2- or 3-byte
        // character are one unit, a 4-byte character's lead two, and
        // continuation bytes none.
        let w = match *b.get(at)? {
            0x00..=0x7F => (1, 1),
            0xC0..=0xDF => (2, 1),
            0xE0..=0xEF => (3, 1),
            0xF0..=0xF7 => (4, 2),
            _ => return None, // never at a character boundary of a str
        };
        if w.1 > left {
            return None;
        }
        at += w.0;
        left -= w.1;
    }
    Some((s.get(..at)?, s.get(at..)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn odd_page() -> Page {
        let mut p = Page::from_paragraphs(&[
            "Plain ASCII.",
            "",
            "Zürich, São Paulo — “quoted” ½",
            "emoji 🎉 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 astral, a NUL \0 and a BOM \u{feff}",
            "中文段落。日本語の文章。",
        ]);
        p.url = "http://127.0.0.1/é".into();
        p.title = "Títle 🎉".into();
        p.lang = "pt-BR".into();
        p.dates = vec!["meta:date=2026-11-29".into(), String::new()];
        p.elements.push(Element {
            tag: "nav".into(),
            hints: "menu 🎉".into(),
        });
        p.blocks[1].visible = false;
        p.blocks[2].link_chars = 7;
        p.blocks[3].path = vec![0, 1, u32::MAX];
        p.blocks.push(Block::default());
        p
    }

    #[test]
    fn packing_round_trips() {
        for page in [Page::default(), Page::from_text("one line"), odd_page()] {
            let (text, nums) = page.to_packed();
            assert_eq!(Page::from_packed(&text, &nums), Ok(page));
        }
    }

    #[test]
    fn bad_packings_are_errors() {
        let (text, nums) = odd_page().to_packed();
        let with = |i: usize, v: u32| {
            let mut n = nums.clone();
            n[i] = v;
            n
        };
        // The title (index 5) one unit longer or shorter: every later
        // string moves, and the text runs out or is left over.
        let longer = with(5, nums[5] + 1);
        let shorter = with(5, nums[5] - 1);
        let extra = format!("{text}x");
        let cut = &text[..text.char_indices().last().unwrap().0];
        let cases: Vec<(&str, &str, Vec<u32>)> = vec![
            ("truncated numbers", &text, nums[..nums.len() - 1].to_vec()),
            ("trailing number", &text, [&nums[..], &[0]].concat()),
            ("truncated text", cut, nums.clone()),
            ("trailing text", &extra, nums.clone()),
            ("version", &text, with(0, 2)),
            ("huge block count", &text, with(3, u32::MAX)),
            ("longer title", &text, longer),
            ("shorter title", &text, shorter),
            ("no numbers", "", Vec::new()),
        ];
        for (what, t, n) in cases {
            assert!(Page::from_packed(t, &n).is_err(), "{what}");
        }
        // "Títle 🎉" is 8 UTF-16 units: 7 would end inside the emoji's pair.
        assert_eq!(split_utf16("Títle 🎉", 7), None);
        assert_eq!(split_utf16("Títle 🎉", 8), Some(("Títle 🎉", "")));
        assert_eq!(split_utf16("Títle 🎉", 2), Some(("Tí", "tle 🎉")));
        assert_eq!(split_utf16("ab", 3), None);
    }

    /// The split walked a character at a time, as the definition says.
    fn split_utf16_reference(s: &str, units: usize) -> Option<(&str, &str)> {
        let mut left = units;
        for (at, c) in s.char_indices() {
            if left == 0 {
                return Some(s.split_at(at));
            }
            left = left.checked_sub(c.len_utf16())?;
        }
        (left == 0).then_some((s, ""))
    }

    #[test]
    fn utf16_splits_agree_with_the_character_walk() {
        // Long ASCII runs (read eight bytes at a time) next to 2-, 3- and
        // 4-byte characters, at every alignment.
        let texts = [
            "The Cambodia National Rescue Party (CNRP) said on Monday.",
            "Phnom Penh — “We will not give up,” said Sam Rainsy; 北京 and 🎉 too.",
            "Zürich: 12 Grad, Straßenbahn außer Betrieb, Ärger über die Verspätung",
            "🎉🎉 emoji first, then sixteen ascii bytes, then é",
            "",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
        ];
        for t in texts {
            let units = t.encode_utf16().count();
            for pad in 0..9 {
                let s = format!("{}{t}", "x".repeat(pad));
                for k in 0..=units + pad + 9 {
                    assert_eq!(
                        split_utf16(&s, k),
                        split_utf16_reference(&s, k),
                        "{s:?} at {k} units"
                    );
                }
            }
        }
    }
}
