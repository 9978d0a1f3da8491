//! Text normalisation and tokenisation with offsets.
//!
//! Every token keeps its byte range in the block's original text, so anything
//! derived from it (a repeat span, an entity mention) can point back to the
//! exact characters the reader sees. Comparison uses a folded form: lower
//! case, typographic quotes and dashes unified, marks and zero-width
//! characters dropped, full-width forms mapped to ASCII, punctuation ignored.
//! Scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) are
//! split into one token per character so that shingles work for them too.

use std::borrow::Cow;

use crate::hash::{fnv, FNV_OFFSET};

/// What a token is made of; decides its weight in similarity measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and marks) of a script that separates words with spaces.
    Word,
    /// Contains at least one digit.
    Number,
    /// One character of a script written without spaces.
    Char,
}

/// A token: its folded hash and where it sits in the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character in the original text.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// Hash of the folded form; equal folded forms give equal hashes.
    pub hash: u64,
    /// What the token is made of.
    pub kind: TokenKind,
    /// The first letter is upper case in the original text.
    pub upper: bool,
}

impl Token {
    /// Weight in "words": a character of a spaceless script counts half, as a
    /// Chinese word is about two characters long.
    pub fn weight(&self) -> f32 {
        match self.kind {
            TokenKind::Char => 0.5,
            _ => 1.0,
        }
    }
}

/// Whether `c` belongs to a script written without spaces between words.
#[inline]
pub fn is_spaceless(c: char) -> bool {
    // Asked of every character of every page: Latin text leaves at once.
    (c as u32) >= 0x0E00
        && matches!(c as u32,
            0x0E00..=0x0EFF      // Thai, Lao
            | 0x1000..=0x109F    // Myanmar
            | 0x1780..=0x17FF    // Khmer
            | 0x3040..=0x30FF    // Hiragana, Katakana
            | 0x3400..=0x4DBF    // CJK extension A
            | 0x4E00..=0x9FFF    // CJK unified
            | 0xF900..=0xFAFF    // CJK compatibility
            | 0x20000..=0x2FA1F  // CJK extensions B–F, compatibility supplement
        )
}

/// Combining marks: part of the word they follow, ignored when comparing.
#[inline]
pub fn is_mark(c: char) -> bool {
    (c as u32) >= 0x0300
        && matches!(c as u32,
            0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF..=0x05C7
            | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED
            | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963
            | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
        )
}

/// Characters that vanish entirely (zero-width joiners, soft hyphen, BOM).
#[inline]
pub fn is_invisible(c: char) -> bool {
    (c as u32) >= 0x00AD
        && matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Apostrophes that join the two halves of a word (`it's`, `O’Brien`).
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '\u{2018}' | '\u{2032}')
}

/// Folds one character for comparison: full-width ASCII to ASCII, then lower
/// case. Returns the characters to hash (usually one).
#[inline]
fn fold(c: char, out: &mut impl FnMut(char)) {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    if c.is_ascii() {
        out(c.to_ascii_lowercase());
    } else {
        for l in c.to_lowercase() {
            out(l);
        }
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_mark(c)
}

/// Substring search for many short fragments at once: which of up to eight
/// lists `hay` holds a fragment of, in one pass over it, with the fragments
/// indexed by their first byte. `str::contains` once per fragment sets up a
/// two-way searcher each time, and in WebAssembly (no SIMD `memchr`) that
/// was a tenth of the whole analysis on the class-name lists.
pub struct Fragments {
    by_first: Vec<Vec<Fragment>>,
    /// Bit `a << 8 | b` set: some fragment starts with bytes `a, b` (or is
    /// the one byte `a`, whatever follows). Most positions of a text start
    /// no fragment, and this rejects them with one load.
    pairs: Vec<u64>,
    all: u8,
}

/// One fragment, with its first (up to) four bytes as a word: comparing
/// that word rejects nearly every candidate without a `memcmp` call, which
/// was half the time of [`Fragments::mask`].
#[derive(Clone)]
struct Fragment {
    bytes: &'static [u8],
    head: u32,
    keep: u32,
    bit: u8,
}

/// Up to four bytes of `h` from `i`, little-endian, zero past the end.
#[inline]
fn word_at(h: &[u8], i: usize) -> u32 {
    match h.get(i..i + 4) {
        Some(w) => u32::from_le_bytes([w[0], w[1], w[2], w[3]]),
        None => h[i..]
            .iter()
            .rev()
            .fold(0, |acc, &b| (acc << 8) | u32::from(b)),
    }
}

impl Fragments {
    /// List `k` of `lists` answers as bit `1 << k` of [`Fragments::mask`].
    /// An empty fragment would match everywhere, so none may be empty; none
    /// may hold a NUL byte (the zero padding past the end of the text must
    /// not match).
    pub fn new(lists: &[&[&'static str]]) -> Fragments {
        assert!(lists.len() <= 8, "at most eight lists");
        let mut by_first = vec![Vec::new(); 256];
        let mut pairs = vec![0u64; 65536 / 64];
        let mut set = |pair: usize| pairs[pair / 64] |= 1 << (pair % 64);
        for (k, list) in lists.iter().enumerate() {
            for f in list.iter() {
                let f = f.as_bytes();
                assert!(!f.is_empty(), "empty fragment");
                assert!(!f.contains(&0), "NUL in a fragment");
                let first = usize::from(f[0]) << 8;
                match f.get(1) {
                    Some(&b) => set(first | usize::from(b)),
                    None => (0..256).for_each(|b| set(first | b)),
                }
                let n = f.len().min(4);
                by_first[f[0] as usize].push(Fragment {
                    bytes: f,
                    head: word_at(&f[..n], 0),
                    keep: u32::MAX >> (8 * (4 - n)),
                    bit: 1u8 << k,
                });
            }
        }
        Fragments {
            by_first,
            pairs,
            all: ((1u16 << lists.len()) - 1) as u8,
        }
    }

    /// Bit `k` set: `hay` contains a fragment of list `k`.
    pub fn mask(&self, hay: &str) -> u8 {
        let h = hay.as_bytes();
        let mut mask = 0;
        for i in 0..h.len() {
            // Past the end the next byte reads as 0, which no fragment holds.
            let pair = usize::from(h[i]) << 8 | usize::from(h.get(i + 1).copied().unwrap_or(0));
            if self.pairs[pair / 64] & (1 << (pair % 64)) == 0 {
                continue;
            }
            let list = &self.by_first[h[i] as usize];
            let w = word_at(h, i);
            for f in list {
                if mask & f.bit == 0
                    && w & f.keep == f.head
                    && (f.bytes.len() <= 4 || h[i..].starts_with(f.bytes))
                {
                    mask |= f.bit;
                    if mask == self.all {
                        return mask;
                    }
                }
            }
        }
        mask
    }
}

/// Splits `text` into tokens. Linear in the length of the text.
///
/// ```
/// let toks = dossier::text::tokenize("It’s 68 seats — 北京");
/// assert_eq!(toks.len(), 5); // its, 68, seats, 北, 京
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut chars = text.char_indices().peekable();
    let mut prev_space = true;
    while let Some((i, c)) = chars.next() {
        let chunk_start = prev_space;
        prev_space = c.is_whitespace();
        if chunk_start && c.is_alphanumeric() {
            // A URL is one opaque token: its path often spells out the
            // headline, which must not make it a copy of the headline.
            let end = text[i..]
                .find(char::is_whitespace)
                .map_or(text.len(), |e| i + e);
            let chunk = &text[i..end];
            // Bytes, not `str::contains`: that builds a substring searcher
            // for every word of the page.
            if chunk.as_bytes().windows(3).any(|w| w == b"://") || chunk.starts_with("www.") {
                let mut h = FNV_OFFSET;
                for ch in chunk.chars() {
                    fold(ch, &mut |f| h = fnv(h, f as u64));
                }
                out.push(Token {
                    start: i,
                    end,
                    hash: h,
                    kind: TokenKind::Word,
                    upper: false,
                });
                while chars.peek().is_some_and(|&(j, _)| j < end) {
                    chars.next();
                }
                continue;
            }
        }
        if is_spaceless(c) {
            let mut h = FNV_OFFSET;
            fold(c, &mut |f| h = fnv(h, f as u64));
            out.push(Token {
                start: i,
                end: i + c.len_utf8(),
                hash: h,
                kind: TokenKind::Char,
                upper: false,
            });
            continue;
        }
        if !c.is_alphanumeric() {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        let mut h = FNV_OFFSET;
        let mut digit = c.is_numeric();
        let upper = c.is_uppercase();
        fold(c, &mut |f| h = fnv(h, f as u64));
        while let Some(&(j, d)) = chars.peek() {
            if is_spaceless(d) {
                break;
            }
            if is_word_char(d) {
                if !is_mark(d) {
                    digit |= d.is_numeric();
                    fold(d, &mut |f| h = fnv(h, f as u64));
                }
                end = j + d.len_utf8();
                chars.next();
            } else if is_invisible(d) {
                chars.next();
            } else if is_apostrophe(d) {
                // Joins only between two word characters: "it's", not "the 'quote'".
                let mut look = chars.clone();
                look.next();
                match look.peek() {
                    Some(&(_, e)) if is_word_char(e) && !is_spaceless(e) => {
                        chars.next();
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        out.push(Token {
            start,
            end,
            hash: h,
            kind: if digit {
                TokenKind::Number
            } else {
                TokenKind::Word
            },
            upper,
        });
    }
    out
}

/// The folded form of `text` as a string: tokens joined by single spaces.
/// Two texts that differ only in case, quotes, dashes, whitespace or
/// punctuation have the same folded form.
pub fn folded(text: &str) -> String {
    folded_tokens(text, &tokenize(text))
}

/// [`folded`] from the tokens [`tokenize`] gave for `text`, for callers
/// that hold them already.
pub fn folded_tokens(text: &str, tokens: &[Token]) -> String {
    let mut s = String::with_capacity(text.len());
    for t in tokens {
        if !s.is_empty() && t.kind != TokenKind::Char {
            s.push(' ');
        }
        let word = &text[t.start..t.end];
        if word.is_ascii() {
            // What the loop below does to ASCII: drop the apostrophe, lower the case.
            s.extend(
                word.bytes()
                    .filter(|&b| b != b'\'')
                    .map(|b| char::from(b.to_ascii_lowercase())),
            );
            continue;
        }
        for c in word.chars() {
            if is_mark(c) || is_invisible(c) || is_apostrophe(c) {
                continue;
            }
            fold(c, &mut |f| s.push(f));
        }
    }
    s
}

/// Converts byte offsets of `text` into UTF-16 offsets. `offsets` must be
/// sorted; the result has the same order. One pass over the text.
pub fn utf16_offsets(text: &str, offsets: &[usize]) -> Vec<u32> {
    let mut out = Vec::with_capacity(offsets.len());
    let mut u16pos = 0u32;
    let mut it = text.char_indices().peekable();
    for &off in offsets {
        while let Some(&(b, c)) = it.peek() {
            if b >= off {
                break;
            }
            u16pos += c.len_utf16() as u32;
            it.next();
        }
        out.push(u16pos);
    }
    out
}

/// Byte offsets of one text to UTF-16 offsets, each in O(1) after one pass
/// over the text (a running count every [`Utf16Map::STEP`] bytes).
/// [`utf16_offsets`] scans from the start of the text on every call, which
/// made one call per mention quadratic in the length of a block.
#[derive(Clone, Debug, Default)]
pub struct Utf16Map {
    /// UTF-16 length of the first `k * STEP` bytes, for every `k`.
    marks: Vec<u32>,
}

impl Utf16Map {
    /// Bytes between two marks.
    pub const STEP: usize = 64;

    /// The map of `text`.
    pub fn new(text: &str) -> Utf16Map {
        let mut marks = Vec::with_capacity(text.len() / Self::STEP + 1);
        let mut n = 0;
        marks.push(0);
        for chunk in text.as_bytes().chunks(Self::STEP) {
            n += utf16_units(chunk);
            marks.push(n);
        }
        Utf16Map { marks }
    }

    /// The UTF-16 offset of byte offset `byte` of the text the map was made
    /// from; inside a character, the offset after it (as [`utf16_offsets`]).
    pub fn get(&self, text: &str, byte: usize) -> u32 {
        let k = byte / Self::STEP;
        self.marks[k] + utf16_units(&text.as_bytes()[k * Self::STEP..byte])
    }
}

/// UTF-16 units of a run of UTF-8 bytes: one per leading byte, two for a
/// four-byte sequence. Additive over any split of the bytes.
fn utf16_units(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .map(|&b| u32::from(b & 0xC0 != 0x80) + u32::from(b >= 0xF0))
        .sum()
}

/// Calls `f` with `w` lower-cased. Short ASCII words (nearly every word a
/// rule asks about) are lower-cased on the stack: the fact rules ask this of
/// every token, and a `String` per token was a tenth of their time.
pub fn with_lowercase<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return f(w);
    }
    let mut buf = [0u8; 32];
    if w.len() <= buf.len() && w.is_ascii() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        // ASCII in, ASCII out.
        f(std::str::from_utf8(b).unwrap_or_default())
    } else {
        f(&w.to_lowercase())
    }
}

/// `w` lower-cased, as [`str::to_lowercase`] gives it, borrowed when it
/// already is (ASCII without capitals: most words). The fact rules
/// lower-case nearly every token; this spares them a `String` each.
pub fn lowercased(w: &str) -> Cow<'_, str> {
    if w.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        Cow::Owned(w.to_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

/// `text.char_indices()` collected, for code that looks back and ahead by
/// character. ASCII text (most of it) is indexed a byte at a time, without
/// decoding.
pub fn char_indices(text: &str) -> Vec<(usize, char)> {
    if text.is_ascii() {
        text.bytes()
            .enumerate()
            .map(|(i, b)| (i, b as char))
            .collect()
    } else {
        text.char_indices().collect()
    }
}

/// UTF-16 length of `text`.
pub fn utf16_len(text: &str) -> u32 {
    // From the bytes, not by decoding characters: every block's length is
    // asked for more than once, and this loop vectorizes.
    utf16_units(text.as_bytes())
}

/// Whether the text ends in an ellipsis, as a truncated teaser does.
pub fn ends_with_ellipsis(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| c.is_whitespace() || c == ']' || c == ')');
    t.ends_with('…') || t.ends_with("...")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_indices_agree_with_std() {
        for t in [
            "",
            "plain ASCII, 1,200 words.",
            "Zürich — “quoted” 🎉 text",
            "\u{0}\t\n",
        ] {
            assert_eq!(
                char_indices(t),
                t.char_indices().collect::<Vec<_>>(),
                "{t:?}"
            );
        }
    }

    #[test]
    fn fragments_agree_with_str_contains() {
        let lists: &[&[&str]] = &[
            &["nav-", "-nav", "footer", "tags"],
            &["article", "body", "content"],
            &["é", "ß", "北京"],
            &[],
            &["z", "ta", "bod"],
        ];
        let frags = Fragments::new(lists);
        // Every prefix and suffix too: the last bytes of a text are compared
        // against a fragment's head with zero padding.
        let long =
            "site-nav main contentwithsidebar page-footer-tags café straße 北京 foote a\0bod";
        let cuts = long
            .char_indices()
            .flat_map(|(i, _)| [&long[..i], &long[i..]]);
        for hay in [
            "",
            "site-nav main",
            "contentwithsidebar",
            "page-footer-tags",
            "navigation",
            "café straße",
            "北京 news",
            "foote",
            "t\0",
            "bo\0",
        ]
        .into_iter()
        .chain(cuts)
        {
            let m = frags.mask(hay);
            for (k, list) in lists.iter().enumerate() {
                assert_eq!(
                    m & (1 << k) != 0,
                    list.iter().any(|n| hay.contains(n)),
                    "{hay:?} {list:?}"
                );
            }
        }
    }

    #[test]
    fn lowercasing_agrees_with_to_lowercase() {
        let long = "A".repeat(40);
        for w in [
            "",
            "said",
            "Said",
            "NATO",
            "élysée",
            "ÉLYSÉE",
            "straße",
            "İstanbul",
            "x-Y",
            &long,
        ] {
            assert_eq!(lowercased(w), w.to_lowercase(), "{w:?}");
            assert_eq!(with_lowercase(w, str::to_string), w.to_lowercase(), "{w:?}");
        }
        // Already lower-case ASCII: borrowed, no allocation.
        assert!(matches!(lowercased("said"), Cow::Borrowed("said")));
        assert!(matches!(lowercased("Said"), Cow::Owned(_)));
    }

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| &s[t.start..t.end]).collect()
    }

    #[test]
    fn with_lowercase_matches_to_lowercase() {
        for w in [
            "",
            "Tuesday",
            "MONDAY.",
            "Fünf",
            "ÉTÉ",
            "İstanbul",
            "ΣΊΣΥΦΟΣ",
            "a-very-long-ascii-word-of-more-than-32-bytes",
            "x",
        ] {
            assert_eq!(with_lowercase(w, str::to_string), w.to_lowercase(), "{w}");
        }
    }

    #[test]
    fn tokens_keep_their_source_text() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Prime Minister Hun Sen",
                &["Prime", "Minister", "Hun", "Sen"],
            ),
            ("CNRP's spokesman", &["CNRP's", "spokesman"]),
            ("it’s “illegitimate”", &["it’s", "illegitimate"]),
            ("68 out of the 123", &["68", "out", "of", "the", "123"]),
            ("operation.-VNA Speaking", &["operation", "VNA", "Speaking"]),
            ("北京市 Beijing", &["北", "京", "市", "Beijing"]),
            ("café", &["café"]),
            ("cafe\u{301} bar", &["cafe\u{301}", "bar"]),
            ("zero\u{200B}width", &["zero\u{200B}width"]),
            ("'quoted'", &["quoted"]),
            (
                "see https://x.org/tite-diz-que now",
                &["see", "https://x.org/tite-diz-que", "now"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&words(text), want, "{text}");
        }
    }

    #[test]
    fn folding_ignores_format_differences() {
        let same = [
            ("Hun Sen said “no” — again.", "hun sen said \"no\" - again"),
            ("It’s\u{a0}here", "it's here"),
            ("ＡＢＣ 123", "abc 123"),
            ("EACH OF SMITH'S drawings", "Each of Smith's drawings"),
            ("cafe\u{301}", "cafe"),
        ];
        for (a, b) in same {
            assert_eq!(folded(a), folded(b), "{a} vs {b}");
        }
        assert_ne!(folded("68 seats"), folded("55 seats"));
        // The folded text itself, ASCII words and others alike.
        let exact = [
            ("EACH OF SMITH'S drawings", "each of smiths drawings"),
            ("It’s O'Brien's ＡＢＣ", "its obriens abc"),
            ("Zürich's STRASSE, Ärger", "zürichs strasse ärger"),
            ("北京 rally", "北京 rally"),
        ];
        for (text, want) in exact {
            assert_eq!(folded(text), want, "{text}");
        }
    }

    #[test]
    fn utf16_map_equals_utf16_offsets() {
        let s = "a😀é日\u{301}x".repeat(40);
        let map = Utf16Map::new(&s);
        let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
        let want = utf16_offsets(&s, &bounds);
        let got: Vec<u32> = bounds.iter().map(|&b| map.get(&s, b)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let s = "a😀b";
        assert_eq!(utf16_offsets(s, &[0, 1, 5, 6]), vec![0, 1, 3, 4]);
        assert_eq!(utf16_len(s), 4);
    }

    #[test]
    fn ellipsis() {
        assert!(ends_with_ellipsis(
            "with this tool that replaces App Manager.…"
        ));
        assert!(ends_with_ellipsis("and so on..."));
        assert!(!ends_with_ellipsis("the end."));
    }
}
