//! Features of a token in its sentence and its document.
//!
//! One implementation serves training and tagging, so the two can never
//! disagree. Every feature is a 32-bit hash of a template number and the
//! values it reads; the model stores weights only for hashes seen in
//! training. Per token, the expensive parts (lower-casing, shapes, affixes,
//! gazetteer lookups) are computed once in [`TokInfo`]; the per-position
//! features then only combine hashes.
//!
//! The feature set follows the feature-based taggers that do well on
//! CoNLL-2003 (Ratinov & Roth 2009, Stanford's CMM): the word and its
//! neighbours, word shape and affixes, casing in context (sentence-initial
//! and all-caps aware), gazetteer matches (places, countries, given and
//! family names, organisation and title words), and document-level
//! evidence: how the same word is cased elsewhere in the document, and what
//! the tagger called it in earlier sentences.

use super::gazetteer::{Gazetteers, FREQ_LISTS, GAZ_LISTS, MAX_PHRASE, NAME_LISTS};

use crate::hash::{hash_bytes, hstr, WordMap, FNV_OFFSET as FNV, FNV_PRIME};

#[inline]
fn mix(a: u64, b: u64) -> u64 {
    // splitmix64 finaliser over the pair: cheap and well spread.
    let mut z = a ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[inline]
fn feat(template: u64, a: u64) -> u32 {
    (mix(template.wrapping_mul(0x2545_f491_4f6c_dd1d), a) >> 32) as u32
}

#[inline]
fn feat2(template: u64, a: u64, b: u64) -> u32 {
    feat(template, mix(a, b.wrapping_add(0x632b_e59b_d9b4_e019)))
}

/// A token's [`norm_word`] form, held inline when it is short ASCII (nearly
/// every word): the tagger makes one per token of the article, and a heap
/// string each was the largest source of allocations in the analysis.
#[derive(Clone, Debug)]
pub enum Norm {
    /// ASCII of at most [`NORM_INLINE`] bytes.
    Inline(u8, [u8; NORM_INLINE]),
    /// Anything longer, or not ASCII.
    Heap(String),
}

/// Longest [`Norm::Inline`].
pub const NORM_INLINE: usize = 22;

impl Default for Norm {
    fn default() -> Self {
        Norm::Inline(0, [0; NORM_INLINE])
    }
}

impl Norm {
    /// The normalised form of `w` (see [`norm_word`]).
    pub fn of(w: &str) -> Norm {
        if w.len() > NORM_INLINE || !w.is_ascii() {
            return Norm::Heap(norm_word(w));
        }
        let mut buf = [0u8; NORM_INLINE];
        for (d, b) in buf.iter_mut().zip(w.bytes()) {
            *d = if b.is_ascii_digit() {
                b'0'
            } else {
                b.to_ascii_lowercase()
            };
        }
        Norm::Inline(w.len() as u8, buf)
    }

    /// The bytes (UTF-8).
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Norm::Inline(n, b) => &b[..*n as usize],
            Norm::Heap(s) => s.as_bytes(),
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        match self {
            // Only ever filled from ASCII.
            Norm::Inline(..) => std::str::from_utf8(self.as_bytes()).unwrap_or_default(),
            Norm::Heap(s) => s,
        }
    }
}

impl PartialEq<&str> for Norm {
    fn eq(&self, other: &&str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

/// Per-token facts computed once.
#[derive(Clone, Debug, Default)]
pub struct TokInfo {
    /// The lower-cased word with digits as `0`.
    pub norm: Norm,
    /// Hash of `norm`.
    pub h_norm: u64,
    /// Hash of the word shape (`Xxxx`, `XX`, `dd-dd`), runs cut at 4.
    pub h_shape: u64,
    /// Hash of the short shape (runs collapsed: `Xx`, `X`, `d-d`).
    pub h_short: u64,
    /// First character upper case.
    pub cap: bool,
    /// Some letter upper case ("Paris", "iPhone", "NATO").
    pub upper: bool,
    /// Every letter upper case (and at least one letter).
    pub all_caps: bool,
    /// Has a letter.
    pub alpha: bool,
    /// Has a digit.
    pub digit: bool,
    /// Punctuation only.
    pub punct: bool,
    /// Bit `k` set: the token is inside a match of gazetteer list `k`;
    /// bit `16 + k`: it begins that match.
    pub gaz: u32,
}

/// Hashes of the word shape and the short shape, as [`hstr`] of the
/// strings `Xxxx`/`Xx` would give, without building them: this runs for
/// every word of a page.
fn shape_hashes(word: &str) -> (u64, u64) {
    if word.is_ascii() {
        ascii_shape_hashes(word.as_bytes())
    } else {
        char_shape_hashes(word)
    }
}

fn char_shape_hashes(word: &str) -> (u64, u64) {
    let (mut full, mut short) = (FNV, FNV);
    let mut run = 0;
    let mut last = '\0';
    let mut buf = [0u8; 4];
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        let bytes = s.encode_utf8(&mut buf).as_bytes();
        if s == last {
            run += 1;
        } else {
            run = 1;
            short = hash_bytes(short, bytes);
        }
        if run <= 4 {
            full = hash_bytes(full, bytes);
        }
        last = s;
    }
    (full, short)
}

/// [`shape_hashes`] of an ASCII word, a byte at a time: for ASCII the
/// character classes are the byte classes.
fn ascii_shape_hashes(word: &[u8]) -> (u64, u64) {
    let (mut full, mut short) = (FNV, FNV);
    let mut run = 0;
    let mut last = 0u8;
    for &b in word {
        let s = if b.is_ascii_uppercase() {
            b'X'
        } else if b.is_ascii_lowercase() {
            b'x'
        } else if b.is_ascii_digit() {
            b'd'
        } else {
            b
        };
        if s == last {
            run += 1;
        } else {
            run = 1;
            short = hash_bytes(short, &[s]);
        }
        if run <= 4 {
            full = hash_bytes(full, &[s]);
        }
        last = s;
    }
    (full, short)
}

/// The form words are compared in: lower case, ASCII digits as `0`, typographic
/// apostrophes as `'`.
pub fn norm_word(w: &str) -> String {
    if w.is_ascii() {
        // Most words: no Unicode case tables needed.
        let bytes: Vec<u8> = w
            .bytes()
            .map(|b| {
                if b.is_ascii_digit() {
                    b'0'
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect();
        String::from_utf8(bytes).expect("ASCII stays ASCII")
    } else {
        char_norm_word(w)
    }
}

fn char_norm_word(w: &str) -> String {
    let mut norm = String::with_capacity(w.len());
    for c in w.chars() {
        if c.is_ascii_digit() {
            norm.push('0');
        } else if matches!(c, '’' | 'ʼ' | '‘') {
            norm.push('\'');
        } else {
            norm.extend(c.to_lowercase());
        }
    }
    norm
}

/// Computes [`TokInfo`] for each token of a sentence.
pub fn tok_infos(words: &[&str], gaz: &Gazetteers) -> Vec<TokInfo> {
    let mut infos = base_infos(words, gaz);
    for (t, w) in infos.iter_mut().zip(words) {
        t.fill_shapes(w);
    }
    infos
}

/// [`TokInfo`] for each token of a sentence without the shape hashes,
/// which only the features of a token and its neighbours read: a tagger
/// that scores some tokens fills them in ([`TokInfo::fill_shapes`]) where
/// needed. Everything else is set,
/// gazetteer marks included, since the document context and the
/// gazetteer matches read every token.
pub fn base_infos(words: &[&str], gaz: &Gazetteers) -> Vec<TokInfo> {
    let mut infos: Vec<TokInfo> = words
        .iter()
        .map(|w| {
            let norm = Norm::of(w);
            let (mut alpha, mut digit, mut alnum, mut lower_letter, mut upper) =
                (false, false, false, false, false);
            for c in w.chars() {
                if c.is_alphabetic() {
                    alpha = true;
                    if c.is_uppercase() {
                        upper = true;
                    } else {
                        lower_letter = true;
                    }
                }
                digit |= c.is_numeric();
                alnum |= c.is_alphanumeric();
            }
            TokInfo {
                h_norm: hash_bytes(FNV, norm.as_bytes()),
                norm,
                cap: w.chars().next().is_some_and(char::is_uppercase),
                all_caps: alpha && !lower_letter,
                upper,
                alpha,
                digit,
                punct: !alnum,
                ..TokInfo::default()
            }
        })
        .collect();
    mark_gazetteers(gaz, &mut infos);
    infos
}

impl TokInfo {
    /// Sets the shape hashes from the word.
    pub fn fill_shapes(&mut self, word: &str) {
        (self.h_shape, self.h_short) = shape_hashes(word);
    }
}

/// Marks in [`TokInfo::gaz`] every token covered by the longest match of
/// each gazetteer list, the
/// matches of one list taken left to right without overlap.
pub fn mark_gazetteers(gaz: &Gazetteers, infos: &mut [TokInfo]) {
    if gaz.is_empty() {
        return;
    }
    let n = infos.len();
    let lists = GAZ_LISTS;
    let names: u32 = NAME_LISTS.iter().map(|&k| 1u32 << k).sum();
    let mut covered = vec![0u32; n];
    // Where each list may match next (after its previous match).
    let mut free = [0usize; 32];
    // Per start token, the lists of its phrase of each length (index =
    // length), and how long its phrases may be (up to the first
    // punctuation).
    let mut found = vec![([0u32; MAX_PHRASE + 1], 0u8); n];
    // The phrase hashes of the (up to five) phrases still growing, by
    // start token modulo MAX_PHRASE. They grow a token at a time, all
    // together: FNV is a chain of multiplies, each waiting on the last,
    // and five independent chains keep the multiplier busy where one
    // phrase after another would leave it waiting.
    let mut chains = [0u64; MAX_PHRASE];
    let start = const { hstr("<gaz>") };
    // Starts `first..=j` are growing at token `j`.
    let mut first = 0;
    for j in 0..n {
        let t = &infos[j];
        if t.punct && t.norm != "." && t.norm != "&" && t.norm != "-" {
            // No phrase spans this token.
            first = j + 1;
            continue;
        }
        first = first.max((j + 1).saturating_sub(MAX_PHRASE));
        chains[j % MAX_PHRASE] = start;
        for &b in b" ".iter().chain(t.norm.as_bytes()) {
            for h in &mut chains {
                *h = (*h ^ b as u64).wrapping_mul(FNV_PRIME);
            }
        }
        for i in first..=j {
            let h = chains[i % MAX_PHRASE];
            let folded = (((h >> 32) as u32) ^ (h as u32)) & 0x00FF_FFFF;
            let len = j - i + 1;
            found[i].0[len] = gaz.lists_of(folded);
            found[i].1 = len as u8;
        }
    }
    for i in 0..n {
        let upper = infos[i].cap || infos[i].all_caps;
        let (masks, max_len) = (&found[i].0, found[i].1 as usize);
        let any = masks[1..=max_len].iter().fold(0, |a, m| a | m);
        // Most tokens start no phrase of any list.
        if any == 0 {
            continue;
        }
        // Only the lists with a phrase here (most often one, the
        // common words), not all of them.
        let mut here = any & ((1u32 << lists) - 1);
        if !upper {
            here &= !names;
        }
        while here != 0 {
            let k = here.trailing_zeros() as usize;
            here &= here - 1;
            if i < free[k] {
                continue;
            }
            if let Some(len) = (1..=max_len).rev().find(|&len| masks[len] & (1 << k) != 0) {
                for c in covered.iter_mut().skip(i).take(len) {
                    *c |= 1 << k;
                }
                covered[i] |= 1 << (16 + k);
                free[k] = i + len;
            }
        }
    }
    for (t, c) in infos.iter_mut().zip(covered) {
        t.gaz = c;
    }
}

/// What the document says about a word (lower-cased), gathered before
/// tagging: how it is cased where it is not sentence-initial.
#[derive(Clone, Copy, Debug, Default)]
pub struct DocCase {
    /// Seen lower case (not sentence-initial).
    pub lower: u16,
    /// Seen with an initial capital, not sentence-initial, not in an all-caps sentence.
    pub title: u16,
}

/// Document-level evidence for the tagger.
#[derive(Clone, Debug, Default)]
pub struct DocContext {
    /// Casing of each word in the document, by normalised form hash.
    pub case: WordMap<DocCase>,
    /// Entity types the tagger gave each word in earlier sentences:
    /// counts for O, PER, ORG, LOC, MISC.
    pub history: WordMap<[u16; 5]>,
    /// The model's feature extensions ([`EXT_LANG`]…): 0 for the English
    /// model, whose features are the original set.
    pub ext: u32,
}

/// Feature extension of the models of other languages: suffixes of five
/// and six letters (compounds: "-straße", "-ministerium"), and contexts
/// that read across a lowercase connector ("Universidad de Barcelona",
/// "Ministério da Saúde": the word after next's shape with the next word).
pub const EXT_LANG: u32 = 1;

/// Model flag: score every token, not only those near a capital letter
/// ([`super::REACH`]): for data that tags lowercase names of institutions
/// (KIND, Italian: "la polizia", "il governo", "i carabinieri").
pub const EXT_EVERY_TOKEN: u32 = 2;

/// Feature extension: the word-frequency band of the lower-cased word in
/// the language at large (gazetteer lists `freq1`..`freq4`, from an
/// external frequency list; band 0 when it is in none: a rare word),
/// crossed with its casing, whether it starts the sentence and whether
/// the sentence is in capitals. A capitalised word whose lower-case form
/// is common is most often no name (a German noun, a sentence start); a
/// capitalised word no frequency list knows is more often one, even when
/// training never saw it. (Crossing the band with the document's casing,
/// the neighbours' bands or the suffix as well did not help on a slice of
/// the training data held back.)
pub const EXT_FREQ: u32 = 4;

/// The frequency band of a token: 1 (most frequent) to 4, 0 in no band.
#[inline]
fn freq_band(gaz: u32) -> u64 {
    let bands = (gaz >> FREQ_LISTS.start) & ((1 << FREQ_LISTS.len()) - 1);
    if bands == 0 {
        0
    } else {
        bands.trailing_zeros() as u64 + 1
    }
}

impl DocContext {
    /// Records the casing of a sentence's words.
    pub fn observe(&mut self, words: &[&str], infos: &[TokInfo]) {
        let caps_sentence = is_caps_sentence(infos);
        for (i, (w, t)) in words.iter().zip(infos).enumerate() {
            if i == 0 || !t.alpha || caps_sentence || after_opening(words, i) {
                continue;
            }
            let e = self.case.entry(t.h_norm).or_default();
            if t.cap {
                e.title = e.title.saturating_add(1);
            } else if w.chars().next().is_some_and(char::is_lowercase) {
                e.lower = e.lower.saturating_add(1);
            }
        }
    }

    /// Records the types the tagger gave a sentence's words (0 = O, 1 = PER,
    /// 2 = ORG, 3 = LOC, 4 = MISC).
    pub fn remember(&mut self, infos: &[TokInfo], types: &[u8]) {
        for (t, &ty) in infos.iter().zip(types) {
            if !t.alpha || !(t.cap || t.all_caps) {
                continue;
            }
            let e = self.history.entry(t.h_norm).or_default();
            e[ty as usize] = e[ty as usize].saturating_add(1);
        }
    }
}

fn after_opening(words: &[&str], i: usize) -> bool {
    matches!(
        words[i - 1],
        "\"" | "``" | "“" | "‘" | "'" | "(" | "[" | ":" | "-" | "--" | "—" | "." | "!" | "?"
    )
}

/// Whether the sentence is written in capitals (a headline, a dateline).
pub fn is_caps_sentence(infos: &[TokInfo]) -> bool {
    let letters = infos.iter().filter(|t| t.alpha).count();
    let caps = infos.iter().filter(|t| t.alpha && t.all_caps).count();
    letters >= 2 && caps * 10 >= letters * 8
}

// Template numbers. Changing or reusing one invalidates trained models.
const T_BIAS: u64 = 1;
const T_W: u64 = 2;
const T_WM1: u64 = 3;
const T_WP1: u64 = 4;
const T_WM2: u64 = 5;
const T_WP2: u64 = 6;
const T_BIG_L: u64 = 7;
const T_BIG_R: u64 = 8;
const T_PRE: u64 = 10; // + k
const T_SUF: u64 = 20; // + k
const T_SHAPE: u64 = 30;
const T_SHORT: u64 = 31;
const T_SHAPE_M1: u64 = 32;
const T_SHAPE_P1: u64 = 33;
const T_SHORT3: u64 = 34;
const T_FLAGS: u64 = 35;
const T_W_SHORT: u64 = 36;
const T_GAZ: u64 = 40; // + list
const T_GAZ_B: u64 = 60; // + list
const T_GAZ_M1: u64 = 80; // + list
const T_GAZ_P1: u64 = 100; // + list
const T_DOCCASE: u64 = 120;
const T_HIST: u64 = 121;
const T_HIST_W: u64 = 122;
const T_WM1_SHORT: u64 = 123;
const T_WP1_SHORT: u64 = 124;
const T_CAPS_W: u64 = 125;
const T_POS: u64 = 126;
const T_WP1_SHP2: u64 = 127;
const T_SHM2_WM1: u64 = 128;
const T_WM1_SH_WP1: u64 = 129;
const T_FREQ: u64 = 130;

/// Appends the feature hashes of position `i` to `out`: [`own_features`],
/// then [`context_features`].
pub fn features(
    words: &[&str],
    infos: &[TokInfo],
    i: usize,
    doc: &DocContext,
    caps_sentence: bool,
    out: &mut Vec<u32>,
) {
    let dc = doc.case.get(&infos[i].h_norm).copied().unwrap_or_default();
    own_features(&infos[i], dc, caps_sentence, doc.ext, out);
    context_features(words, infos, i, doc, dc, caps_sentence, out);
}

/// The features that read only the token itself (its word, affixes and
/// shape) and, in an all-caps sentence, `dc`, how the document cases the
/// word elsewhere. Outside all-caps sentences they are the same wherever
/// the same word is written the same way, so a tagger can sum their
/// weights once per word and shape in a document.
pub fn own_features(t: &TokInfo, dc: DocCase, caps_sentence: bool, ext: u32, out: &mut Vec<u32>) {
    out.push(feat(T_BIAS, 0));
    out.push(feat(T_W, t.h_norm));
    // Prefixes grow a hash a character at a time; suffixes hash the tail
    // from the byte offset of its first character.
    let norm = t.norm.as_str();
    let mut pre = FNV;
    let mut tails = norm.char_indices().rev();
    for (k, (at, c)) in norm.char_indices().take(4).enumerate() {
        pre = hash_bytes(pre, &norm.as_bytes()[at..at + c.len_utf8()]);
        out.push(feat(T_PRE + k as u64, pre));
        if let Some((tail, _)) = tails.next() {
            out.push(feat(T_SUF + k as u64, hstr(&norm[tail..])));
        }
    }
    if ext & EXT_LANG != 0 {
        let starts: Vec<usize> = norm.char_indices().map(|(at, _)| at).collect();
        for len in [5, 6] {
            if starts.len() >= len {
                out.push(feat(
                    T_SUF + len as u64 - 1,
                    hstr(&norm[starts[starts.len() - len]..]),
                ));
            }
        }
    }
    // In an all-caps sentence the shape says nothing: use the casing the
    // document shows for this word elsewhere, if any.
    let shape = if caps_sentence && t.alpha {
        if dc.title > dc.lower {
            const { hstr("<caps:title>") }
        } else if dc.lower > 0 {
            const { hstr("<caps:lower>") }
        } else {
            const { hstr("<caps:?>") }
        }
    } else {
        t.h_shape
    };
    out.push(feat(T_SHAPE, shape));
    out.push(feat(T_SHORT, if caps_sentence { shape } else { t.h_short }));
    out.push(feat2(T_W_SHORT, t.h_norm, t.h_short));
}

/// The features of position `i` that read its neighbours, its place in
/// the sentence, the gazetteers or the document (`dc`: how the document
/// cases the word).
pub fn context_features(
    words: &[&str],
    infos: &[TokInfo],
    i: usize,
    doc: &DocContext,
    dc: DocCase,
    caps_sentence: bool,
    out: &mut Vec<u32>,
) {
    const NONE: u64 = hstr("<none>");
    const START: u64 = hstr("<s>");
    const END: u64 = hstr("</s>");
    let t = &infos[i];
    let n = infos.len();
    let w = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 {
            START
        } else if j as usize >= n {
            END
        } else {
            infos[j as usize].h_norm
        }
    };
    let sh = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 || j as usize >= n {
            NONE
        } else {
            infos[j as usize].h_short
        }
    };

    out.push(feat(T_WM1, w(-1)));
    out.push(feat(T_WP1, w(1)));
    out.push(feat(T_WM2, w(-2)));
    out.push(feat(T_WP2, w(2)));
    out.push(feat2(T_BIG_L, w(-1), t.h_norm));
    out.push(feat2(T_BIG_R, t.h_norm, w(1)));
    out.push(feat(T_SHAPE_M1, sh(-1)));
    out.push(feat(T_SHAPE_P1, sh(1)));
    out.push(feat2(T_SHORT3, mix(sh(-1), t.h_short), sh(1)));
    out.push(feat2(T_WM1_SHORT, w(-1), t.h_short));
    out.push(feat2(T_WP1_SHORT, w(1), t.h_short));
    if doc.ext & EXT_LANG != 0 {
        out.push(feat2(T_WP1_SHP2, w(1), sh(2)));
        out.push(feat2(T_SHM2_WM1, sh(-2), w(-1)));
        out.push(feat2(T_WM1_SH_WP1, mix(w(-1), t.h_short), w(1)));
    }
    let initial = i == 0 || after_opening(words, i);
    let flags = (t.cap as u64)
        | (t.all_caps as u64) << 1
        | (t.digit as u64) << 2
        | (t.punct as u64) << 3
        | (initial as u64) << 4
        | (caps_sentence as u64) << 5
        | ((t.norm.as_str().chars().count() == 1) as u64) << 6;
    out.push(feat(T_FLAGS, flags));
    out.push(feat(T_POS, (i.min(3) as u64) | (caps_sentence as u64) << 3));
    if caps_sentence {
        out.push(feat(T_CAPS_W, t.h_norm));
    }
    // Gazetteers: this token, its begin flag, and the neighbours' lists.
    // Only lists someone here is in, in list order (the order features
    // are added in is the order their weights are summed in).
    let prev_gaz = if i > 0 { infos[i - 1].gaz } else { 0 };
    let next_gaz = if i + 1 < n { infos[i + 1].gaz } else { 0 };
    let freq_bits = ((1u32 << FREQ_LISTS.len()) - 1) << FREQ_LISTS.start;
    let mut lists = (t.gaz | prev_gaz | next_gaz) & ((1 << GAZ_LISTS) - 1) & !freq_bits;
    while lists != 0 {
        let k = lists.trailing_zeros() as usize;
        lists &= lists - 1;
        let bit = 1u32 << k;
        if t.gaz & bit != 0 {
            out.push(feat(T_GAZ + k as u64, 1));
            if t.gaz & (bit << 16) != 0 {
                out.push(feat(T_GAZ_B + k as u64, 1));
            }
        }
        if prev_gaz & bit != 0 {
            out.push(feat(T_GAZ_M1 + k as u64, 1));
        }
        if next_gaz & bit != 0 {
            out.push(feat(T_GAZ_P1 + k as u64, 1));
        }
    }
    if doc.ext & EXT_FREQ != 0 && t.alpha {
        let cap = t.cap as u64 | (t.all_caps as u64) << 1;
        out.push(feat(
            T_FREQ,
            freq_band(t.gaz) | cap << 3 | (initial as u64) << 5 | (caps_sentence as u64) << 6,
        ));
    }
    // Document: casing elsewhere, and earlier decisions on the same word.
    if t.alpha {
        let case = match (dc.lower > 0, dc.title > 0) {
            (false, false) => 0,
            (true, false) => 1,
            (false, true) => 2,
            (true, true) => 3,
        };
        out.push(feat(
            T_DOCCASE,
            case | (initial as u64) << 2 | (t.cap as u64) << 3 | (caps_sentence as u64) << 4,
        ));
        if let Some(h) = doc.history.get(&t.h_norm) {
            let (best, _) = h
                .iter()
                .enumerate()
                .max_by_key(|(k, c)| (**c, std::cmp::Reverse(*k)))
                .unwrap();
            out.push(feat(T_HIST, best as u64));
            out.push(feat2(T_HIST_W, best as u64, t.h_short));
        }
    }
}

#[cfg(test)]
#[path = "features_tests.rs"]
mod tests;
