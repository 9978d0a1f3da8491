//! Training the tagger (feature `train`, native only): an averaged
//! structured perceptron (Collins 2002) over the features of
//! [`super::features`], decoded with Viterbi exactly as at tagging time, so
//! the model learns to use its own earlier decisions in the document.

use std::collections::HashMap;

use super::features::{features, is_caps_sentence, norm_word, tok_infos, DocContext, TokInfo};
use super::gazetteer::{list_index, phrase_hash, Gazetteers, GAZ_LISTS};
use super::model::{Model, ModelData};
use super::{bio_labels, constrained, label_type, viterbi, TYPES};

pub use super::conll::{Doc, Sentence};

/// Reads a token-per-line file: the word in the first column, the entity
/// tag in the last (IOB1 or BIO; `per`/`org`/`geo`/`gpe` tags of the GMB
/// are mapped to PER/ORG/LOC/MISC). A blank line ends a sentence and
/// `-DOCSTART-` starts a document. Files without `-DOCSTART-` become one
/// document per `sentences_per_doc` sentences.
pub fn read_conll(text: &str, sentences_per_doc: usize) -> Vec<Doc> {
    let labels = bio_labels();
    let mut docs: Vec<Doc> = vec![Vec::new()];
    let mut words = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let mut saw_docstart = false;
    let flush = |docs: &mut Vec<Doc>, words: &mut Vec<String>, tags: &mut Vec<String>| {
        if words.is_empty() {
            return;
        }
        let gold = to_bio(tags, &labels);
        docs.last_mut().unwrap().push(Sentence {
            words: std::mem::take(words),
            gold,
        });
        tags.clear();
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            flush(&mut docs, &mut words, &mut tags);
            if !saw_docstart && docs.last().unwrap().len() >= sentences_per_doc {
                docs.push(Vec::new());
            }
            continue;
        }
        let cols: Vec<&str> = line.split(['\t', ' ']).filter(|c| !c.is_empty()).collect();
        if cols[0] == "-DOCSTART-" {
            saw_docstart = true;
            flush(&mut docs, &mut words, &mut tags);
            if !docs.last().unwrap().is_empty() {
                docs.push(Vec::new());
            }
            continue;
        }
        words.push(cols[0].to_string());
        tags.push(if cols.len() > 1 {
            cols[cols.len() - 1].to_string()
        } else {
            "O".into()
        });
    }
    flush(&mut docs, &mut words, &mut tags);
    docs.retain(|d| !d.is_empty());
    docs
}

fn map_type(t: &str) -> Option<&'static str> {
    match t.to_ascii_uppercase().as_str() {
        "PER" => Some("PER"),
        "ORG" => Some("ORG"),
        "LOC" | "GEO" => Some("LOC"),
        "MISC" | "GPE" | "NORP" => Some("MISC"),
        _ => None,
    }
}

/// Brings silver annotations (the GMB's) to the CoNLL conventions the
/// tagger follows: titles are not part of a name ("President Bush" → "Bush"),
/// a title or nationality alone is not a person, and a leading "the" is not
/// part of an organisation.
pub fn clean_silver(
    docs: &mut [Doc],
    titles: &std::collections::HashSet<String>,
    demonyms: &std::collections::HashSet<String>,
) {
    let labels = bio_labels();
    let id = |s: &str| labels.iter().position(|l| l == s).unwrap();
    for d in docs.iter_mut() {
        for s in d.iter_mut() {
            for (start, end, ty) in super::spans(&s.gold.clone()) {
                let lower: Vec<String> = s.words[start..end]
                    .iter()
                    .map(|w| w.to_lowercase())
                    .collect();
                let mut a = start;
                if ty == 1 {
                    while a < end && titles.contains(&lower[a - start]) {
                        s.gold[a] = 0;
                        a += 1;
                    }
                    if end - a == 1 && demonyms.contains(&lower[a - start]) {
                        s.gold[a] = 0;
                        a += 1;
                    }
                } else if ty == 2 && lower[0] == "the" && end - start > 1 {
                    s.gold[a] = 0;
                    a += 1;
                }
                if a < end && a != start {
                    s.gold[a] = id(&format!("B-{}", TYPES[ty as usize - 1]));
                }
            }
        }
    }
}

/// Single words of a list file (`model/lists/title.txt`): every word of every phrase.
pub fn list_words(path: &std::path::Path) -> std::io::Result<std::collections::HashSet<String>> {
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(|l| {
            l.split_whitespace()
                .map(|w| w.to_lowercase())
                .collect::<Vec<_>>()
        })
        .collect())
}

/// Converts IOB1 or BIO tags to BIO label ids.
pub fn to_bio(tags: &[String], labels: &[String]) -> Vec<usize> {
    let mut out = Vec::with_capacity(tags.len());
    let mut prev: Option<&str> = None;
    for t in tags {
        let (prefix, ty) = match t.split_once('-') {
            Some((p, ty)) => (p.to_ascii_uppercase(), map_type(ty)),
            None => (String::new(), None),
        };
        let Some(ty) = ty else {
            out.push(0);
            prev = None;
            continue;
        };
        let begin = prefix == "B" || prev != Some(ty);
        let name = format!("{}-{ty}", if begin { "B" } else { "I" });
        out.push(labels.iter().position(|l| *l == name).unwrap_or(0));
        prev = Some(ty);
    }
    out
}

/// Reads gazetteer lists from `dir/<list>.txt` (one phrase per line).
pub fn read_gazetteers(dir: &std::path::Path) -> std::io::Result<Vec<Vec<u32>>> {
    let mut lists = vec![Vec::new(); GAZ_LISTS];
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let Some(name) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let Some(k) = list_index(name) else { continue };
        let text = std::fs::read_to_string(&path)?;
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let toks = super::tokens::tokenize(line);
            if toks.is_empty() || toks.len() > super::gazetteer::MAX_PHRASE {
                continue;
            }
            let norms: Vec<String> = toks
                .iter()
                .map(|t| norm_word(&line[t.start..t.end]))
                .collect();
            lists[k].push(phrase_hash(norms.iter().map(String::as_str)));
        }
    }
    for l in &mut lists {
        l.sort_unstable();
        l.dedup();
    }
    Ok(lists)
}

#[derive(Clone)]
struct Entry {
    w: [f32; 9],
    acc: [f32; 9],
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the document shuffle.
    pub seed: u64,
    /// Features whose largest averaged weight is below this are dropped.
    pub min_weight: f32,
    /// Feature extensions ([`super::features::EXT_LANG`]); 0 for English.
    pub ext: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            epochs: 10,
            seed: 7,
            min_weight: 1.5,
            ext: 0,
        }
    }
}

struct Prepared<'a> {
    words: Vec<Vec<&'a str>>,
    infos: Vec<Vec<TokInfo>>,
}

/// Trains a model. `on_epoch` is called after each pass with the averaged
/// model so far (for progress and development scores).
pub fn train(
    docs: &[Doc],
    lists: Vec<Vec<u32>>,
    s: &Settings,
    mut on_epoch: impl FnMut(usize, &ModelData),
) -> ModelData {
    let gaz = Gazetteers::new(lists.clone());
    let labels = bio_labels();
    let n = labels.len();
    assert_eq!(n, 9, "the trainer keeps 9 weights per feature");
    let prepared: Vec<Prepared> = docs
        .iter()
        .map(|d| {
            let words: Vec<Vec<&str>> = d
                .iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect();
            let infos = words.iter().map(|w| tok_infos(w, &gaz)).collect();
            Prepared { words, infos }
        })
        .collect();
    let mut weights: HashMap<u32, Entry> = HashMap::new();
    let mut trans = vec![0f32; (n + 1) * n];
    let mut trans_acc = vec![0f32; (n + 1) * n];
    let mut c: f32 = 1.0;
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut rng = s
        .seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut feats: Vec<Vec<u32>> = Vec::new();
    let mut model = ModelData::default();

    for epoch in 0..s.epochs {
        // Fisher–Yates with a fixed LCG: the same seed gives the same model.
        for i in (1..order.len()).rev() {
            rng = rng
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let j = (rng >> 33) as usize % (i + 1);
            order.swap(i, j);
        }
        for &d in &order {
            let p = &prepared[d];
            let mut doc = DocContext {
                ext: s.ext,
                ..DocContext::default()
            };
            for (w, inf) in p.words.iter().zip(&p.infos) {
                doc.observe(w, inf);
            }
            for (si, (w, inf)) in p.words.iter().zip(&p.infos).enumerate() {
                let gold = &docs[d][si].gold;
                let caps = is_caps_sentence(inf);
                feats.resize(w.len(), Vec::new());
                let mut scores = vec![0f32; w.len() * n];
                for i in 0..w.len() {
                    feats[i].clear();
                    features(w, inf, i, &doc, caps, &mut feats[i]);
                    for &f in &feats[i] {
                        if let Some(e) = weights.get(&f) {
                            for l in 0..n {
                                scores[i * n + l] += e.w[l];
                            }
                        }
                    }
                }
                let pred = viterbi(&scores, w.len(), n, &constrained(&trans, n));
                if pred != *gold {
                    for i in 0..w.len() {
                        let (g, p_) = (gold[i], pred[i]);
                        if g != p_ {
                            for &f in &feats[i] {
                                let e = weights.entry(f).or_insert(Entry {
                                    w: [0.0; 9],
                                    acc: [0.0; 9],
                                });
                                e.w[g] += 1.0;
                                e.acc[g] += c;
                                e.w[p_] -= 1.0;
                                e.acc[p_] -= c;
                            }
                        }
                        let gp = if i == 0 { n } else { gold[i - 1] };
                        let pp = if i == 0 { n } else { pred[i - 1] };
                        if gp != pp || g != p_ {
                            trans[gp * n + g] += 1.0;
                            trans_acc[gp * n + g] += c;
                            trans[pp * n + p_] -= 1.0;
                            trans_acc[pp * n + p_] -= c;
                        }
                    }
                }
                c += 1.0;
                let types: Vec<u8> = pred.iter().map(|&l| label_type(l)).collect();
                doc.remember(inf, &types);
            }
        }
        model = averaged(
            &weights,
            &trans,
            &trans_acc,
            c,
            &labels,
            &lists,
            s.min_weight,
        );
        model.ext = s.ext;
        on_epoch(epoch + 1, &model);
    }
    model
}

fn averaged(
    weights: &HashMap<u32, Entry>,
    trans: &[f32],
    trans_acc: &[f32],
    c: f32,
    labels: &[String],
    lists: &[Vec<u32>],
    min_weight: f32,
) -> ModelData {
    let mut keys: Vec<u32> = weights.keys().copied().collect();
    keys.sort_unstable();
    let mut m = ModelData {
        labels: labels.to_vec(),
        trans: trans
            .iter()
            .zip(trans_acc)
            .map(|(w, a)| w - a / c)
            .collect(),
        lists: lists.to_vec(),
        ..ModelData::default()
    };
    m.offs.push(0);
    for k in keys {
        let e = &weights[&k];
        let avg: Vec<f32> = (0..labels.len()).map(|l| e.w[l] - e.acc[l] / c).collect();
        let max = avg.iter().fold(0f32, |a, b| a.max(b.abs()));
        if max < min_weight {
            continue;
        }
        for (l, &w) in avg.iter().enumerate() {
            // Small weights of a kept feature are dropped too: they decide nothing.
            if w.abs() >= min_weight * 0.5 {
                m.pairs.push((l as u8, w));
            }
        }
        m.keys.push(k);
        m.offs.push(m.pairs.len() as u32);
    }
    m
}

/// Entity-level scores, exact match as conlleval counts them.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// Per type (PER, ORG, LOC, MISC): (true positives, predicted, gold).
    pub per_type: [(usize, usize, usize); 4],
}

impl Scores {
    /// Micro F1 over the given types (1 = PER … 4 = MISC).
    pub fn f1(&self, types: &[u8]) -> f64 {
        let (mut tp, mut pr, mut go) = (0, 0, 0);
        for &t in types {
            let (a, b, c) = self.per_type[t as usize - 1];
            tp += a;
            pr += b;
            go += c;
        }
        let p = tp as f64 / pr.max(1) as f64;
        let r = tp as f64 / go.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// A short table.
    pub fn table(&self) -> String {
        let mut s = String::new();
        for (k, t) in TYPES.iter().enumerate() {
            let (tp, pr, go) = self.per_type[k];
            let p = tp as f64 / pr.max(1) as f64;
            let r = tp as f64 / go.max(1) as f64;
            s.push_str(&format!(
                "{t:<5} P {p:.4} R {r:.4} F1 {:.4}\n",
                self.f1(&[k as u8 + 1])
            ));
        }
        s.push_str(&format!(
            "PER+ORG+LOC micro F1 {:.4}\n",
            self.f1(&[1, 2, 3])
        ));
        s
    }
}

/// Scores a model on gold documents.
pub fn evaluate(model: &Model, docs: &[Doc]) -> Scores {
    let tagger = super::Tagger::with_model(model.clone());
    let mut sc = Scores::default();
    for d in docs {
        let words: Vec<Vec<&str>> = d
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let pred = tagger.tag_document(&words);
        for (s, p) in d.iter().zip(&pred) {
            let g = super::spans(&s.gold);
            let q = super::spans(p);
            for &(_, _, t) in &g {
                sc.per_type[t as usize - 1].2 += 1;
            }
            for x in &q {
                sc.per_type[x.2 as usize - 1].1 += 1;
                if g.contains(x) {
                    sc.per_type[x.2 as usize - 1].0 += 1;
                }
            }
        }
    }
    sc
}
