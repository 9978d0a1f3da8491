//! "Already read" (issue 21 part 1, docs/adr/0006): paragraphs the reader
//! was shown on another page, found again on this one.
//!
//! A page's article paragraphs are reduced to [`Print`]s: no text, only
//! the low 32 bits of at most [`SKETCH`] of its shingle hashes (the same
//! 5-token shingles as in-page repeats, [`super::compare::prepare`]), in
//! page order, and the hashes of its proper names and numbers. A
//! [`Memory`] holds the prints of the pages read, oldest first, bounded,
//! with an index from shingle to paragraph; [`Memory::lookup`] finds, for
//! each paragraph of a new page, a stored paragraph that is *the same
//! paragraph*: the in-page rule for exact and near repeats
//! ([`FULL_COVER`] of both sides covered by one monotone chain of shared
//! shingles, [`monotone_chain`]), measured on the two sketches, and no
//! substituted name or number (a template filled with other facts). A
//! paragraph found on [`BOILERPLATE_PAGES`] or more other pages of the
//! page's own site is site boilerplate, not reading history.

use std::collections::HashMap;

use super::compare::{monotone_chain, prepare};
use super::decide::{FULL_COVER, NEAR_MIN_WEIGHT};
use crate::article::ArticleInfo;
use crate::hash::WordMap;
use crate::page::Page;

/// Shingle hashes kept per paragraph: all of a short one, else the
/// [`SKETCH`] smallest (a bottom-k sketch), kept in page order.
pub const SKETCH: usize = 64;
/// Name and number hashes kept per paragraph (the smallest).
pub const FACTS: usize = 32;
/// Stored paragraphs remembered per shingle: a phrase in more paragraphs
/// than this adds nothing.
const MAX_POSTINGS: usize = 32;
/// A paragraph found on this many other pages of the same site is that
/// site's boilerplate (a newsletter blurb), never "read before".
pub const BOILERPLATE_PAGES: usize = 3;

/// One paragraph's fingerprint: no text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Print {
    /// Its block in the page it was taken from.
    pub block: u32,
    /// Low 32 bits of its shingle hashes, at most [`SKETCH`], in page order.
    pub sketch: Vec<u32>,
    /// Low 32 bits of its names' and numbers' token hashes, sorted, at most [`FACTS`].
    pub facts: Vec<u32>,
}

/// The prints of a page's article paragraphs long enough to be near
/// repeats in-page (`NEAR_MIN_WEIGHT` tokens): the blocks the repeats stage
/// reads (article, not furniture, eligible), minus the ones already folded
/// as in-page repeats, which the caller leaves out by `skip`.
pub fn prints(page: &Page, info: &ArticleInfo, skip: &[u32]) -> Vec<Print> {
    let p = prepare(page, info);
    let mut out = Vec::new();
    for b in 0..page.blocks.len() {
        if !p.eligible[b]
            || !info.article.get(b).copied().unwrap_or(false)
            || p.weight[b] < NEAR_MIN_WEIGHT
            || skip.contains(&(b as u32))
        {
            continue;
        }
        let sh: Vec<u32> = p.shingles[b].iter().map(|&h| h as u32).collect();
        let sketch = if sh.len() <= SKETCH {
            sh
        } else {
            let mut by_value: Vec<(u32, usize)> =
                sh.iter().enumerate().map(|(i, &h)| (h, i)).collect();
            by_value.select_nth_unstable(SKETCH - 1);
            let mut keep: Vec<usize> = by_value[..SKETCH].iter().map(|x| x.1).collect();
            keep.sort_unstable();
            keep.into_iter().map(|i| sh[i]).collect()
        };
        let mut facts: Vec<u32> = p.toks[b]
            .iter()
            .zip(&p.fact[b])
            .filter(|(_, &f)| f)
            .map(|(t, _)| t.hash as u32)
            .collect();
        facts.sort_unstable();
        facts.dedup();
        facts.truncate(FACTS);
        out.push(Print {
            block: b as u32,
            sketch,
            facts,
        });
    }
    out
}

/// Prints as one flat array: per print `block, n_sketch, n_facts`, then
/// the sketch, then the facts (what crosses to JavaScript and is stored).
pub fn encode(prints: &[Print]) -> Vec<u32> {
    let mut out = Vec::new();
    for p in prints {
        out.extend([p.block, p.sketch.len() as u32, p.facts.len() as u32]);
        out.extend(&p.sketch);
        out.extend(&p.facts);
    }
    out
}

/// The inverse of [`encode`]; `None` when `data` is not an encoding.
pub fn decode(data: &[u32]) -> Option<Vec<Print>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let head = data.get(i..i + 3)?;
        let (ns, nf) = (head[1] as usize, head[2] as usize);
        if ns > SKETCH || nf > FACTS {
            return None;
        }
        let body = data.get(i + 3..i + 3 + ns + nf)?;
        out.push(Print {
            block: head[0],
            sketch: body[..ns].to_vec(),
            facts: body[ns..].to_vec(),
        });
        i += 3 + ns + nf;
    }
    Some(out)
}

/// How two prints relate: each side's share of its sketch on one
/// monotone chain of shared shingles, and whether a name or number was
/// substituted. `None` unless both shares reach [`FULL_COVER`] and no
/// fact differs: the same paragraph.
pub fn same_paragraph(new: &Print, old: &Print) -> Option<f32> {
    let mut at: HashMap<u32, Vec<u32>> = HashMap::with_capacity(old.sketch.len());
    for (j, &h) in old.sketch.iter().enumerate() {
        at.entry(h).or_default().push(j as u32);
    }
    let matches: Vec<(u32, u32)> = new
        .sketch
        .iter()
        .enumerate()
        .flat_map(|(i, h)| at.get(h).into_iter().flatten().map(move |&j| (i as u32, j)))
        .collect();
    judge(new, old, matches)
}

fn judge(new: &Print, old: &Print, matches: Vec<(u32, u32)>) -> Option<f32> {
    let need = FULL_COVER * new.sketch.len().min(old.sketch.len()) as f32;
    if (matches.len() as f32) < need || new.sketch.is_empty() || old.sketch.is_empty() {
        return None;
    }
    let chain = monotone_chain(matches).len() as f32;
    let (fa, fb) = (
        chain / new.sketch.len() as f32,
        chain / old.sketch.len() as f32,
    );
    if fa < FULL_COVER || fb < FULL_COVER || substituted(&new.facts, &old.facts) {
        return None;
    }
    Some(fa.min(fb))
}

/// Each side has a name or number the other lacks: other facts in the
/// same sentence frame (the in-page rule's template test, over the whole
/// paragraph: stricter, as precision comes first here).
fn substituted(a: &[u32], b: &[u32]) -> bool {
    let lacks = |x: &[u32], y: &[u32]| x.iter().any(|h| y.binary_search(h).is_err());
    lacks(a, b) && lacks(b, a)
}

/// What [`Memory::lookup`] found for one paragraph of the new page.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The paragraph's block in the new page.
    pub block: u32,
    /// The stored page it was read on (the most recent such page, for a
    /// paragraph read on several).
    pub page: u32,
    /// The smaller of the two sketches' covered shares.
    pub similarity: f32,
    /// Found on [`BOILERPLATE_PAGES`] or more other pages of this site:
    /// site boilerplate, not reading history.
    pub boilerplate: bool,
}

struct Stored {
    id: u32,
    site: u32,
    prints: Vec<Print>,
}

/// The prints of the pages read, oldest first, with an index by shingle.
///
/// Forgetting a page only marks its slot empty (the index skips it); the
/// index is rebuilt once a quarter of what it holds is forgotten, so
/// forgetting the oldest page of a full store costs next to nothing.
#[derive(Default)]
pub struct Memory {
    /// By slot; `None` once forgotten.
    slots: Vec<Option<Stored>>,
    /// Slots of the live pages, oldest first.
    order: std::collections::VecDeque<u32>,
    /// shingle → (slot, paragraph, position in its sketch)
    index: WordMap<Vec<(u32, u16, u16)>>,
    paras: usize,
    words: usize,
    /// Paragraphs of forgotten pages still in the index.
    dead: usize,
}

fn words_of(prints: &[Print]) -> usize {
    prints
        .iter()
        .map(|x| 3 + x.sketch.len() + x.facts.len())
        .sum()
}

impl Memory {
    /// An empty memory.
    pub fn new() -> Memory {
        Memory::default()
    }

    /// Paragraphs stored.
    pub fn paragraphs(&self) -> usize {
        self.paras
    }

    /// Pages stored.
    pub fn pages(&self) -> usize {
        self.order.len()
    }

    /// The stored prints' size in bytes, as [`encode`] writes them.
    pub fn bytes(&self) -> usize {
        self.words * 4
    }

    /// Stores page `id` of `site` as the newest page (replacing what was
    /// stored under that id).
    pub fn add(&mut self, id: u32, site: u32, prints: Vec<Print>) {
        self.remove(&[id]);
        let at = self.slots.len() as u32;
        self.paras += prints.len();
        self.words += words_of(&prints);
        for (k, p) in prints.iter().enumerate() {
            index_print(&mut self.index, at, k, p);
        }
        self.slots.push(Some(Stored { id, site, prints }));
        self.order.push_back(at);
    }

    fn forget_slot(&mut self, at: u32) {
        if let Some(p) = self.slots[at as usize].take() {
            self.paras -= p.prints.len();
            self.words -= words_of(&p.prints);
            self.dead += p.prints.len();
        }
    }

    /// Forgets the pages of `ids`.
    pub fn remove(&mut self, ids: &[u32]) {
        let gone: Vec<u32> = self
            .order
            .iter()
            .copied()
            .filter(|&at| {
                self.slots[at as usize]
                    .as_ref()
                    .is_some_and(|p| ids.contains(&p.id))
            })
            .collect();
        if gone.is_empty() {
            return;
        }
        for &at in &gone {
            self.forget_slot(at);
        }
        self.order.retain(|at| !gone.contains(at));
        self.compact_if_needed();
    }

    /// Forgets the oldest pages until at most `max_paras` paragraphs and
    /// `max_bytes` bytes are stored; returns the ids forgotten.
    pub fn evict(&mut self, max_paras: usize, max_bytes: usize) -> Vec<u32> {
        let mut gone = Vec::new();
        while self.paras > max_paras || self.bytes() > max_bytes {
            let Some(at) = self.order.pop_front() else {
                break;
            };
            if let Some(p) = &self.slots[at as usize] {
                gone.push(p.id);
            }
            self.forget_slot(at);
        }
        self.compact_if_needed();
        gone
    }

    fn compact_if_needed(&mut self) {
        if self.dead * 4 <= self.paras + self.dead {
            return;
        }
        let live: Vec<Stored> = self
            .order
            .iter()
            .filter_map(|&at| self.slots[at as usize].take())
            .collect();
        self.slots.clear();
        self.order.clear();
        self.index.clear();
        self.paras = 0;
        self.words = 0;
        self.dead = 0;
        for p in live {
            self.add(p.id, p.site, p.prints);
        }
    }

    /// The paragraphs of `prints` (a page of `site`) read before on
    /// another stored page; the pages of `exclude` (this very page, read
    /// earlier, under any query string) never count.
    pub fn lookup(&self, prints: &[Print], site: u32, exclude: &[u32]) -> Vec<Hit> {
        let mut out = Vec::new();
        let mut cand: HashMap<(u32, u16), Vec<(u32, u32)>> = HashMap::new();
        for p in prints {
            cand.clear();
            for (i, &h) in p.sketch.iter().enumerate() {
                for &(at, k, j) in self.index.get(&(h as u64)).into_iter().flatten() {
                    cand.entry((at, k)).or_default().push((i as u32, j as u32));
                }
            }
            // (slot, similarity) of every stored copy.
            let mut found: Vec<(u32, f32)> = Vec::new();
            for (&(at, k), m) in cand.iter_mut() {
                let Some(page) = &self.slots[at as usize] else {
                    continue;
                };
                if exclude.contains(&page.id) {
                    continue;
                }
                if let Some(s) = judge(p, &page.prints[k as usize], std::mem::take(m)) {
                    found.push((at, s));
                }
            }
            if found.is_empty() {
                continue;
            }
            // Slots grow with time: the last is the page read most recently.
            found.sort_unstable_by_key(|f| f.0);
            found.dedup_by_key(|f| f.0);
            let slot = |at: u32| self.slots[at as usize].as_ref();
            let same_site = found
                .iter()
                .filter(|f| slot(f.0).is_some_and(|s| s.site == site))
                .count();
            let &(at, s) = found.last().unwrap_or(&found[0]);
            out.push(Hit {
                block: p.block,
                page: slot(at).map_or(0, |x| x.id),
                similarity: s,
                boilerplate: same_site >= BOILERPLATE_PAGES,
            });
        }
        out
    }
}

fn index_print(index: &mut WordMap<Vec<(u32, u16, u16)>>, at: u32, k: usize, p: &Print) {
    for (j, &h) in p.sketch.iter().enumerate() {
        let post = index.entry(h as u64).or_default();
        if post.len() < MAX_POSTINGS && post.last().is_none_or(|l| (l.0, l.1) != (at, k as u16)) {
            post.push((at, k as u16, j as u16));
        }
    }
}
