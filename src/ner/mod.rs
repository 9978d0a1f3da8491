//! Named-entity tagging: people, organisations, places (and, for CoNLL
//! compatibility, other proper names) in running text.
//!
//! A linear-chain model over rich features ([`features`]), trained as an
//! averaged structured perceptron (`src/ner/train.rs`, `make model`) on
//! CoNLL-2003 with gazetteers from the package registries, and decoded with
//! Viterbi under BIO constraints. Documents are tagged sentence by sentence
//! in order, so later sentences see how earlier ones were tagged (a name
//! tagged once is the same name later) and how each word is cased elsewhere.
//!
//! Why this and not a neural model: it fits in a few hundred kilobytes of
//! WASM, tags over a hundred thousand words a second on one core, and
//! needs no ML runtime; published feature-based taggers of this kind reach
//! 85–90 F1 on CoNLL-2003.

pub mod conll;
pub mod features;
pub mod gazetteer;
pub mod inplace;
pub mod legacy;
pub mod model;
pub mod registry;
pub mod tokens;
#[cfg(feature = "train")]
pub mod train;

use std::collections::HashMap;

use crate::hash::WordHashState;

use features::{
    base_infos, context_features, features, is_caps_sentence, own_features, DocContext, TokInfo,
};
pub use model::{BadModel, Model, ModelData};

/// The English model (built by `make model`), compiled into native builds.
/// Not into the WASM core: the extension reads it from its package like every
/// other language's model (`model/ner-en.bin` there) and registers it
/// ([`registry::register_model`]), which keeps 366 KB (gzipped) out of the
/// module every page's first analysis waits for.
#[cfg(any(not(target_arch = "wasm32"), test))]
pub static MODEL_BYTES: &[u8] = include_bytes!("../../model/ner.bin");

/// Entity types, in the order of their `B-`/`I-` labels.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// The BIO labels: `O`, then `B-` and `I-` of each type.
pub fn bio_labels() -> Vec<String> {
    let mut v = vec!["O".to_string()];
    for t in TYPES {
        v.push(format!("B-{t}"));
        v.push(format!("I-{t}"));
    }
    v
}

/// Type index of a BIO label id (0 = O, 1 = PER, 2 = ORG, 3 = LOC, 4 = MISC).
#[inline]
pub fn label_type(l: usize) -> u8 {
    if l == 0 {
        0
    } else {
        (l - 1) as u8 / 2 + 1
    }
}

/// Whether BIO label `cur` may follow `prev` (`prev == None` at the start).
#[inline]
pub fn allowed(prev: Option<usize>, cur: usize) -> bool {
    // I-X only continues B-X or I-X.
    if cur == 0 || cur % 2 == 1 {
        return true;
    }
    match prev {
        Some(p) if p != 0 => label_type(p) == label_type(cur),
        _ => false,
    }
}

/// The transitions with the BIO constraints folded in: a forbidden step
/// weighs minus infinity, so Viterbi's inner loop needs no test.
pub fn constrained(trans: &[f32], n: usize) -> Vec<f32> {
    let mut out = trans.to_vec();
    for prev in 0..=n {
        for cur in 0..n {
            let p = if prev == n { None } else { Some(prev) };
            if !allowed(p, cur) {
                out[prev * n + cur] = f32::NEG_INFINITY;
            }
        }
    }
    out
}

/// Best label sequence under `scores[i * n + l]` and the transitions
/// (as [`constrained`] gives them).
pub fn viterbi(scores: &[f32], n_tok: usize, n: usize, trans: &[f32]) -> Vec<usize> {
    if n_tok == 0 {
        return Vec::new();
    }
    let mut best = vec![f32::NEG_INFINITY; n_tok * n];
    let mut back = vec![0u8; n_tok * n];
    for l in 0..n {
        best[l] = scores[l] + trans[n * n + l];
    }
    for i in 1..n_tok {
        let (done, rest) = best.split_at_mut(i * n);
        let prev = &done[(i - 1) * n..];
        // After a token that can only be O (most tokens of a sentence are
        // not scored), every path comes through O: one step per label.
        if prev[1..].iter().all(|&v| v == f32::NEG_INFINITY) {
            for l in 0..n {
                rest[l] = prev[0] + trans[l] + scores[i * n + l];
            }
            continue;
        }
        for l in 0..n {
            if scores[i * n + l] == f32::NEG_INFINITY {
                // Unreachable whatever came before (a token forced to O).
                rest[l] = f32::NEG_INFINITY;
                continue;
            }
            let mut bv = f32::NEG_INFINITY;
            let mut bp = 0;
            for (p, &pv) in prev.iter().enumerate() {
                let v = pv + trans[p * n + l];
                if v > bv {
                    bv = v;
                    bp = p;
                }
            }
            rest[l] = bv + scores[i * n + l];
            back[i * n + l] = bp as u8;
        }
    }
    let last = n_tok - 1;
    let mut l = (0..n)
        .max_by(|&a, &b| {
            best[last * n + a]
                .partial_cmp(&best[last * n + b])
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(b.cmp(&a))
        })
        .unwrap_or(0);
    let mut out = vec![0; n_tok];
    for i in (0..n_tok).rev() {
        out[i] = l;
        l = back[i * n + l] as usize;
    }
    out
}

/// A tagger: a loaded model.
pub struct Tagger {
    model: Model,
    /// The model's transitions under the BIO constraints.
    trans: Vec<f32>,
}

impl Tagger {
    /// The tagger with the English model compiled into native builds.
    #[cfg(any(not(target_arch = "wasm32"), test))]
    pub fn new() -> Result<Tagger, BadModel> {
        Ok(Tagger::with_model(Model::from_static(MODEL_BYTES)?))
    }

    /// A tagger with a given model.
    pub fn with_model(model: Model) -> Tagger {
        let trans = constrained(&model.trans, model.n_labels());
        Tagger { model, trans }
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Tags a document given as sentences of words; returns BIO label ids
    /// (see [`bio_labels`]) per word.
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<usize>> {
        let every = self.model.ext & features::EXT_EVERY_TOKEN != 0;
        self.tag(sentences, if every { None } else { Some(REACH) })
    }

    /// [`Tagger::tag_document`], scoring every token when `reach` is `None`,
    /// else only the tokens [`scored`] picks (the others are O).
    pub(crate) fn tag(&self, sentences: &[Vec<&str>], reach: Option<usize>) -> Vec<Vec<usize>> {
        self.tag_with(sentences, reach, true, KEEP_INFOS, |_| {})
    }

    /// [`Tagger::tag`], computing every feature of every token afresh with
    /// [`features`] (as training does) when not `cache_own`, and showing
    /// `on_scores` each sentence's scores.
    /// `keep_infos`: the most tokens whose [`TokInfo`]s are kept from the
    /// first pass (the document's casing) to the second (tagging); past it
    /// they are made again per sentence, the same.
    fn tag_with(
        &self,
        sentences: &[Vec<&str>],
        reach: Option<usize>,
        cache_own: bool,
        keep_infos: usize,
        mut on_scores: impl FnMut(&[f32]),
    ) -> Vec<Vec<usize>> {
        let mut doc = DocContext {
            ext: self.model.ext,
            ..DocContext::default()
        };
        let prepare = |s: &[&str]| {
            let mut inf = base_infos(s, &self.model.gaz);
            let caps = is_caps_sentence(&inf);
            let score = match reach {
                Some(r) if !caps => scored(&inf, r),
                _ => vec![true; s.len()],
            };
            // A scored token's features read its neighbours' shapes.
            for i in 0..s.len() {
                let near = score[i]
                    || (i > 0 && score[i - 1])
                    || score.get(i + 1).copied().unwrap_or(false);
                if near {
                    inf[i].fill_shapes(s[i]);
                }
            }
            (inf, caps, score)
        };
        let tokens: usize = sentences.iter().map(Vec::len).sum();
        let prepared: Vec<_> = if tokens <= keep_infos {
            sentences.iter().map(|s| prepare(s)).collect()
        } else {
            Vec::new()
        };
        for (k, s) in sentences.iter().enumerate() {
            match prepared.get(k) {
                Some((inf, _, _)) => doc.observe(s, inf),
                // The casing reads no shape: the base infos are enough.
                None => doc.observe(s, &base_infos(s, &self.model.gaz)),
            }
        }
        let mut out = Vec::with_capacity(sentences.len());
        let mut feats = Vec::with_capacity(64);
        let n = self.model.n_labels();
        let mut scores = Vec::new();
        // The summed weights of each word's own features, by (word, shape),
        // in `own_rows`: most scored tokens of an article are words it has
        // used before, and these are over a third of a token's features.
        let mut own: HashMap<(u64, u64), u32, WordHashState> = HashMap::default();
        let mut own_rows: Vec<f32> = Vec::new();
        for (k, s) in sentences.iter().enumerate() {
            let made;
            let (inf, caps, score) = match prepared.get(k) {
                Some(p) => p,
                None => {
                    made = prepare(s);
                    &made
                }
            };
            scores.clear();
            scores.resize(s.len() * n, 0f32);
            for i in 0..s.len() {
                let row = &mut scores[i * n..(i + 1) * n];
                if !score[i] {
                    // Only O is possible here; its score is the same on
                    // every path through the token, so any value will do.
                    row[1..].fill(f32::NEG_INFINITY);
                    continue;
                }
                if !cache_own {
                    // As training sums them.
                    feats.clear();
                    features(s, inf, i, &doc, *caps, &mut feats);
                    self.model.add_all(&feats, row);
                    continue;
                }
                let t = &inf[i];
                let dc = doc.case.get(&t.h_norm).copied().unwrap_or_default();
                // Outside all-caps sentences the own features do not read
                // the document: the same for every (word, shape). Summed in
                // the same order either way, so a cached row is the very
                // row computing it again would give.
                let cached = (!*caps).then(|| own.get(&(t.h_norm, t.h_shape))).flatten();
                if let Some(&k) = cached {
                    row.copy_from_slice(&own_rows[k as usize * n..(k as usize + 1) * n]);
                } else {
                    feats.clear();
                    own_features(t, dc, *caps, doc.ext, &mut feats);
                    self.model.add_all(&feats, row);
                    if !*caps {
                        own.insert((t.h_norm, t.h_shape), (own_rows.len() / n) as u32);
                        own_rows.extend_from_slice(row);
                    }
                }
                feats.clear();
                context_features(s, inf, i, &doc, dc, *caps, &mut feats);
                self.model.add_all(&feats, row);
            }
            on_scores(&scores);
            let labels = viterbi(&scores, s.len(), n, &self.trans);
            let types: Vec<u8> = labels.iter().map(|&l| label_type(l)).collect();
            doc.remember(inf, &types);
            out.push(labels);
        }
        out
    }
}

/// The most tokens of a document whose per-token infos the tagger keeps
/// from its first pass to its second. An article has a few thousand; a
/// page of 50,000 list items has 600,000, and keeping theirs was most of the
/// WASM memory's high-water mark (tens of MB, which the memory never gives
/// back). Past this, each sentence's infos are made again when it is
/// tagged: the same labels, at a few per cent more of the tagger's time.
pub const KEEP_INFOS: usize = 100_000;

/// How far (in tokens) a word may be from one with an upper-case letter and
/// still be scored. In cased text the model tags almost nothing that is not
/// capitalised or near a capitalised word ("Bank of England", "Mike de la
/// Rocha"), so the rest of the sentence (some 40% of the words of news
/// text) is labelled O without computing features. 2, not 1: at 1 a few
/// labels change ("Carlos Menem desistiera de"). Checked against full
/// scoring on news text and CoNLL (`entities::tests::pruning_keeps_the_labels`).
pub const REACH: usize = 2;

/// Which tokens of a cased sentence to score: those within `reach` tokens of
/// one with an upper-case letter.
pub fn scored(infos: &[TokInfo], reach: usize) -> Vec<bool> {
    let n = infos.len();
    let mut out = vec![false; n];
    for (i, t) in infos.iter().enumerate() {
        if t.upper {
            for o in &mut out[i.saturating_sub(reach)..(i + reach + 1).min(n)] {
                *o = true;
            }
        }
    }
    out
}

/// Spans `(start, end, type)` (token indices, end exclusive, type 1–4) of a BIO sequence.
pub fn spans(labels: &[usize]) -> Vec<(usize, usize, u8)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, u8)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let ty = label_type(l);
        let begins = l != 0 && (l % 2 == 1 || cur.is_none_or(|(_, t)| t != ty));
        if l == 0 || begins {
            if let Some((s, t)) = cur.take() {
                out.push((s, i, t));
            }
        }
        if begins {
            cur = Some((i, ty));
        }
    }
    if let Some((s, t)) = cur {
        out.push((s, labels.len(), t));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_constraints() {
        let l = bio_labels();
        let id = |s: &str| l.iter().position(|x| x == s).unwrap();
        assert!(allowed(None, id("B-PER")));
        assert!(!allowed(None, id("I-PER")));
        assert!(allowed(Some(id("B-PER")), id("I-PER")));
        assert!(!allowed(Some(id("B-ORG")), id("I-PER")));
        assert_eq!(
            spans(&[id("B-PER"), id("I-PER"), 0, id("B-LOC"), id("B-LOC")]),
            vec![(0, 2, 1), (3, 4, 3), (4, 5, 3)]
        );
    }

    #[test]
    fn viterbi_finds_the_best_allowed_sequence() {
        // Against every sequence of up to four tokens, with tokens that can
        // only be O (the unscored ones) before, between and after others.
        let t = Tagger::new().unwrap();
        let n = t.model().n_labels();
        let mut seed = 0x9e37_79b9u32;
        let mut rnd = || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            (seed % 2000) as f32 / 100.0 - 10.0
        };
        let total = |seq: &[usize], scores: &[f32]| {
            let mut v = 0.0;
            for (i, &l) in seq.iter().enumerate() {
                let prev = if i == 0 { n } else { seq[i - 1] };
                v += t.trans[prev * n + l] + scores[i * n + l];
            }
            v
        };
        for o_only in [0b0000u8, 0b0001, 0b0010, 0b0101, 0b1010, 0b0110, 0b1111] {
            for len in 1..=4usize {
                let mut scores: Vec<f32> = (0..len * n).map(|_| rnd()).collect();
                for i in (0..len).filter(|i| o_only & (1 << i) != 0) {
                    scores[i * n + 1..(i + 1) * n].fill(f32::NEG_INFINITY);
                }
                let got = viterbi(&scores, len, n, &t.trans);
                let mut best = f32::NEG_INFINITY;
                for code in 0..n.pow(len as u32) {
                    let seq: Vec<usize> = (0..len).map(|i| code / n.pow(i as u32) % n).collect();
                    best = best.max(total(&seq, &scores));
                }
                let v = total(&got, &scores);
                assert!(
                    (v - best).abs() < 1e-3,
                    "{o_only:b} {len}: {got:?} {v} < {best}"
                );
                for (i, &l) in got.iter().enumerate() {
                    assert!(o_only & (1 << i) == 0 || l == 0);
                }
            }
        }
    }

    #[test]
    fn cached_word_rows_are_the_rows_computed_afresh() {
        // Words that come back (cased alike or not), an all-caps headline
        // whose own features read the document, and non-ASCII words.
        let text = [
            "PRIME MINISTER HUN SEN VISITS PARIS",
            "Prime Minister Hun Sen met officials in Phnom Penh on Monday .",
            "Hun Sen told the officials that Phnom Penh and Paris would sign .",
            "The minister , Hun Sen , left Paris for Zürich and São Paulo .",
            "In Zürich , HUN SEN met the minister of São Paulo .",
        ];
        let doc: Vec<Vec<&str>> = text.iter().map(|s| s.split(' ').collect()).collect();
        let t = Tagger::new().unwrap();
        for reach in [None, Some(REACH)] {
            let (mut cached, mut fresh) = (Vec::new(), Vec::new());
            let a = t.tag_with(&doc, reach, true, KEEP_INFOS, |s| cached.push(s.to_vec()));
            let b = t.tag_with(&doc, reach, false, KEEP_INFOS, |s| fresh.push(s.to_vec()));
            assert_eq!(a, b);
            // Bit for bit: the same weights summed in the same order.
            let bits = |v: &Vec<Vec<f32>>| -> Vec<Vec<u32>> {
                v.iter()
                    .map(|s| s.iter().map(|x| x.to_bits()).collect())
                    .collect()
            };
            assert_eq!(bits(&cached), bits(&fresh), "reach {reach:?}");
            // A document too long to keep its infos between the passes
            // (as if past KEEP_INFOS): made again, the very same scores.
            let mut remade = Vec::new();
            let c = t.tag_with(&doc, reach, true, 0, |s| remade.push(s.to_vec()));
            assert_eq!(a, c);
            assert_eq!(bits(&cached), bits(&remade), "reach {reach:?}");
        }
    }

    #[test]
    fn the_shipped_model_loads_and_tags() {
        let t = Tagger::new().unwrap();
        let s = vec![
            "Prime",
            "Minister",
            "Hun",
            "Sen",
            "met",
            "officials",
            "in",
            "Phnom",
            "Penh",
            ".",
        ];
        let labels = t.tag_document(std::slice::from_ref(&s));
        let names = bio_labels();
        let tags: Vec<&str> = labels[0].iter().map(|&l| names[l].as_str()).collect();
        assert_eq!(&tags[2..4], &["B-PER", "I-PER"], "{tags:?}");
        assert_eq!(&tags[7..9], &["B-LOC", "I-LOC"], "{tags:?}");
    }
}
