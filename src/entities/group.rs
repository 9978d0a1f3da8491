//! Mentions grouped into entities: the same name; an acronym defined in
//! brackets ("Cambodian People's Party (CPP)") and used later; a surname
//! or given name alone after the full name ("Sam Rainsy" … "Rainsy"); a
//! fuller name after a short one. Then each group's name, aliases, roles
//! and salience, most salient first.

use std::collections::HashMap;

use super::labels;
use super::products;
use super::roles::LangTitles;
use super::roles_lang;
use crate::doc::{Doc, MentionRef};
use crate::page::Page;
use crate::report::{Entity, EntityType, Span};

/// A tagged mention, cleaned, before grouping.
pub(super) struct RawMention {
    pub unit: usize,
    pub sent: usize,
    /// Token range within the unit.
    pub tok: std::ops::Range<usize>,
    pub ty: u8,
    pub text: String,
    /// A person's title stands right before it ("President Obama").
    pub titled: bool,
    /// One everyday word or month ("Hope", "May"): a name only where the
    /// article uses it as a person's (`common::keep_named_persons`).
    pub everyday: bool,
}

/// Letters of an acronym's expansion: the initials of its capitalised words.
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

fn is_acronym(s: &str) -> bool {
    // Two to eight letters, all capitals, one word; asked of every name
    // form, so without collecting the letters.
    if s.contains(' ') {
        return false;
    }
    let mut letters = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if !c.is_uppercase() || letters > 8 {
            return false;
        }
    }
    letters >= 2
}

struct Group {
    /// Votes per type: 1 person, 2 organisation, 3 place, 4 MISC.
    ty_votes: [u32; 5],
    forms: Vec<(String, u32)>,
    mentions: Vec<(usize, usize, std::ops::Range<usize>)>, // (unit, sent, tokens)
    roles: Vec<String>,
    first: usize,
}

impl Group {
    /// The type most mentions vote for; 4 (MISC: an event, a work, a
    /// product, a law) only where MISC outvotes each of the three.
    fn ty(&self) -> u8 {
        let mut best = 1u8;
        for t in 1..5u8 {
            if self.ty_votes[t as usize] > self.ty_votes[best as usize] {
                best = t;
            }
        }
        best
    }
    /// A person's surname alone votes for the person, whatever the tagger
    /// reads it as: one name, one type in an article.
    fn is_surname(&self, w: &str) -> bool {
        !w.contains(' ')
            && self.ty() == 1
            && self
                .forms
                .iter()
                .any(|(f, _)| f.contains(' ') && f.rsplit(' ').next() == Some(w))
    }
    fn add_form(&mut self, f: &str) {
        if let Some(x) = self.forms.iter_mut().find(|(x, _)| x == f) {
            x.1 += 1;
        } else {
            self.forms.push((f.to_string(), 1));
        }
    }
}

pub(super) fn group(
    doc: &Doc,
    raw: Vec<RawMention>,
    page: &Page,
    lt: LangTitles,
) -> (Vec<Entity>, Vec<MentionRef>) {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_form: HashMap<String, usize> = HashMap::new();
    // Acronyms defined in brackets right after a name: "… Party (CPP)".
    let mut acronym_of: HashMap<String, usize> = HashMap::new();
    // Groups by the first and last word of their multi-word forms, and by
    // their one-word forms: a long article has thousands of groups, and a
    // scan of all of them per person mention made this quadratic.
    let mut by_end_word: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_single: HashMap<String, Vec<usize>> = HashMap::new();

    for (k, m) in raw.iter().enumerate() {
        let key = m.text.to_lowercase();
        let text = doc.units[m.unit].1;
        let toks = &doc.toks[m.unit];
        let tok_str = |i: usize| &text[toks[i].start..toks[i].end];
        let mut target = by_form
            .get(&key)
            .copied()
            .or_else(|| acronym_of.get(&m.text).copied());
        let parts: Vec<&str> = m.text.split(' ').collect();
        if target.is_none() && (m.ty == 1 || parts.len() == 1) {
            // The latest person group that fits (forms are only ever added,
            // so the indexes hold every candidate; the type is checked now).
            if parts.len() == 1 {
                // A surname (or given name) alone after the full name,
                // whatever the tagger reads it as ("Michael Bloomberg" …
                // "Bloomberg said": not the company).
                target = by_end_word
                    .get(parts[0])
                    .and_then(|gs| gs.iter().copied().filter(|&gi| groups[gi].ty() == 1).max());
            } else {
                // A fuller name after a short one: "Rainsy" … "Sam Rainsy".
                target = parts
                    .iter()
                    .filter_map(|p| by_single.get(*p))
                    .flatten()
                    .copied()
                    .filter(|&gi| {
                        let g = &groups[gi];
                        g.ty() == 1
                            && g.forms
                                .iter()
                                .all(|(f, _)| !f.contains(' ') && parts.contains(&f.as_str()))
                    })
                    .max();
            }
        }
        let gi = match target {
            Some(g) => g,
            None => {
                groups.push(Group {
                    ty_votes: [0; 5],
                    forms: Vec::new(),
                    mentions: Vec::new(),
                    roles: Vec::new(),
                    first: k,
                });
                groups.len() - 1
            }
        };
        let g = &mut groups[gi];
        let ty = if g.is_surname(&m.text) { 1 } else { m.ty };
        g.ty_votes[ty as usize] += if m.titled { 100 } else { 1 };
        g.add_form(&m.text);
        g.mentions.push((m.unit, m.sent, m.tok.clone()));
        let index = |map: &mut HashMap<String, Vec<usize>>, w: &str| {
            let v = map.entry(w.to_string()).or_default();
            if v.last() != Some(&gi) {
                v.push(gi);
            }
        };
        match m.text.split_once(' ') {
            Some((first, _)) => {
                index(&mut by_end_word, first);
                index(&mut by_end_word, m.text.rsplit(' ').next().unwrap_or(first));
            }
            None => index(&mut by_single, &m.text),
        }
        by_form.insert(key, gi);
        // "Name (ACR)" defines ACR; "ACR (Name)" too.
        if m.tok.end + 2 < toks.len() && tok_str(m.tok.end) == "(" && tok_str(m.tok.end + 2) == ")"
        {
            let acr = tok_str(m.tok.end + 1);
            if is_acronym(acr) && initials(&m.text) == acr {
                acronym_of.insert(acr.to_string(), gi);
                by_form.insert(acr.to_lowercase(), gi);
            }
        }
        if m.ty == 1 {
            // `raw` is in sentence order: only this sentence's mentions,
            // not a scan of the whole article per person mention.
            let same_sent =
                raw.partition_point(|o| o.sent < m.sent)..raw.partition_point(|o| o.sent <= m.sent);
            let people: Vec<std::ops::Range<usize>> = raw[same_sent]
                .iter()
                .filter(|o| o.unit == m.unit && o.sent == m.sent && o.ty == 1 && o.tok != m.tok)
                .map(|o| o.tok.clone())
                .collect();
            let roles =
                roles_lang::roles_in(text, toks, &doc.sents[m.sent].1, m.tok.clone(), &people, lt);
            for r in roles {
                if !g.roles.contains(&r) {
                    g.roles.push(r);
                }
            }
        }
    }

    merge_handles(&mut groups);
    merge_short_forms(&mut groups);
    drop_non_entities(doc, &mut groups);
    rank(doc, groups, page)
}

/// A form written as a social-media handle: "@MattBevin", or the same run
/// together without the "@" ("MattBevin").
fn is_handle(form: &str) -> bool {
    !form.contains(' ')
        && (form.starts_with('@')
            || form
                .chars()
                .zip(form.chars().skip(1))
                .any(|(a, b)| a.is_lowercase() && b.is_uppercase()))
}

/// A form's letters and digits, lowercased: "@Matt_Bevin", "MattBevin" and
/// "Matt Bevin" are all "mattbevin".
fn squashed(form: &str) -> String {
    form.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Folds each group made only of handles into the group of the name the
/// handle spells ("@MattBevin" into "Matt Bevin"): a handle is an alias of
/// its person or organization, not another entity. Groups whose handle
/// spells no other name are left alone.
fn merge_handles(groups: &mut Vec<Group>) {
    let keys: Vec<Option<String>> = groups
        .iter()
        .map(|g| {
            g.forms
                .iter()
                .all(|(f, _)| is_handle(f))
                .then(|| squashed(&g.forms[0].0))
        })
        .collect();
    let mut into: Vec<Option<usize>> = vec![None; groups.len()];
    for (gi, key) in keys.iter().enumerate() {
        let Some(key) = key.as_deref().filter(|k| k.len() >= 3) else {
            continue;
        };
        let spells = |h: usize| {
            h != gi && into[h].is_none() && groups[h].forms.iter().any(|(f, _)| squashed(f) == key)
        };
        // A written-out name first, else an earlier handle group.
        let target = (0..groups.len())
            .find(|&h| keys[h].is_none() && spells(h))
            .or_else(|| (0..gi).find(|&h| spells(h)));
        into[gi] = target;
    }
    apply_merges(groups, &into);
}

/// Drops what the whole article shows is not a person, organisation or
/// place: a name it reads as MISC more than as any one type (SPEC.md:
/// events, works, products), a page label or a kind of thing
/// ([`labels`]), a product ([`products`]).
fn drop_non_entities(doc: &Doc, groups: &mut Vec<Group>) {
    groups.retain(|g| g.ty() != 4);
    groups.retain(|g| {
        let label = labels::label_only(
            g.mentions
                .iter()
                .map(|(u, _, tok)| labels::whole_unit(doc.units[*u].1, &doc.toks[*u], tok)),
        );
        !label && !g.forms.iter().all(|(f, _)| labels::names_a_kind(f))
    });
    drop_products(doc, groups);
}

/// Drops the products ([`products::is_product`]), and the names that
/// extend a product's name ("Xbox One" … "Xbox One S", "Xbox Live"): a
/// model or a service of a product is a product too, but not a name that
/// ends as an organisation's does ("Raspberry Pi Foundation").
fn drop_products(doc: &Doc, groups: &mut Vec<Group>) {
    let product: Vec<bool> = groups
        .iter()
        .map(|g| {
            let person = g.ty() == 1;
            products::is_product(
                g.mentions
                    .iter()
                    .map(|(u, _, tok)| products::cue(doc.units[*u].1, &doc.toks[*u], tok, person)),
            )
        })
        .collect();
    let mut names: Vec<&str> = groups
        .iter()
        .zip(&product)
        .filter(|(_, &p)| p)
        .flat_map(|(g, _)| g.forms.iter().map(|(f, _)| f.as_str()))
        .collect();
    names.sort_unstable();
    let extends = |f: &str| {
        // The product names that sort before `f` include every prefix of it.
        let end = names.partition_point(|n| *n < f);
        names[..end]
            .iter()
            .rev()
            .take_while(|n| f.starts_with(n.split(' ').next().unwrap_or(n)))
            .any(|n| f.len() > n.len() && f.starts_with(n) && f[n.len()..].starts_with(' '))
    };
    let keep: Vec<bool> = groups
        .iter()
        .zip(&product)
        .map(|(g, &p)| {
            // "Raspberry Pi Foundation" is the maker, not a model.
            !p && !g
                .forms
                .iter()
                .any(|(f, _)| extends(f) && !products::ends_in_org_head(f))
        })
        .collect();
    let mut k = keep.iter();
    groups.retain(|_| *k.next().unwrap_or(&true));
}

/// Folds a group that is only a short form of another's name into it: an
/// acronym of its initials used without brackets ("United States" … "U.S.",
/// "National Farmers' Union" … "NFU"), and the last word of an
/// organisation's name alone ("Swindon Borough Council" … "the Council").
/// Only where exactly one group's name fits.
fn merge_short_forms(groups: &mut Vec<Group>) {
    // Groups by the initials and by the last word of their multi-word
    // names (a scan of every group per short form is quadratic on long
    // pages).
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    for (h, g) in groups.iter().enumerate() {
        for (f, _) in g.forms.iter().filter(|(f, _)| f.contains(' ')) {
            for (v, k) in [
                (by_initials.entry(initials(f)).or_default(), h),
                (
                    by_last
                        .entry(f.rsplit(' ').next().unwrap_or(f))
                        .or_default(),
                    h,
                ),
            ] {
                if v.last() != Some(&k) {
                    v.push(k);
                }
            }
        }
    }
    let mut into: Vec<Option<usize>> = vec![None; groups.len()];
    for (gi, g) in groups.iter().enumerate() {
        let short = &g.forms[0].0;
        if g.forms.iter().any(|(f, _)| f.contains(' ')) {
            continue;
        }
        let candidates = if is_acronym(short) {
            let letters: String = short.chars().filter(|c| c.is_alphanumeric()).collect();
            by_initials.get(&letters)
        } else if g.ty() == 2 {
            by_last.get(short.as_str())
        } else {
            None
        };
        let fits: Vec<usize> = candidates
            .into_iter()
            .flatten()
            .copied()
            .filter(|&h| h != gi && (is_acronym(short) || groups[h].ty() == 2))
            .collect();
        if let [h] = fits[..] {
            into[gi] = Some(h);
        }
    }
    // The full name types the entity: "Los Angeles" stays a place however
    // the tagger reads "L.A.".
    for (gi, h) in into.iter().enumerate() {
        if let Some(h) = *h {
            let votes: u32 = groups[gi].ty_votes.iter().sum();
            let ty = groups[h].ty() as usize;
            groups[gi].ty_votes = [0; 5];
            groups[gi].ty_votes[ty] = votes;
        }
    }
    apply_merges(groups, &into);
}

/// Merges each group `gi` with `into[gi] == Some(h)` into group `h` (a
/// target is never itself merged away): votes, forms, mentions and roles.
fn apply_merges(groups: &mut Vec<Group>, into: &[Option<usize>]) {
    if into.iter().all(Option::is_none) {
        return;
    }
    let mut taken: Vec<Option<Group>> = std::mem::take(groups).into_iter().map(Some).collect();
    for gi in 0..taken.len() {
        if let Some(h) = into[gi] {
            let g = taken[gi].take().expect("a group is merged once");
            let t = taken[h]
                .as_mut()
                .expect("merge targets are never merged away");
            for (v, w) in t.ty_votes.iter_mut().zip(g.ty_votes) {
                *v += w;
            }
            for (f, c) in g.forms {
                match t.forms.iter_mut().find(|(x, _)| *x == f) {
                    Some(x) => x.1 += c,
                    None => t.forms.push((f, c)),
                }
            }
            t.mentions.extend(g.mentions);
            for r in g.roles {
                if !t.roles.contains(&r) {
                    t.roles.push(r);
                }
            }
            t.first = t.first.min(g.first);
        }
    }
    *groups = taken.into_iter().flatten().collect();
}

/// Each group as an entity (its fullest name, aliases, roles, mentions and
/// salience), most salient first, and every mention pointing at its
/// entity's place in that order. Salience: headline and lead mentions weigh
/// most, then frequency.
fn rank(doc: &Doc, groups: Vec<Group>, page: &Page) -> (Vec<Entity>, Vec<MentionRef>) {
    let lead_units: Vec<usize> = {
        let mut v = Vec::new();
        let mut paragraphs = 0;
        for (u, (b, _)) in doc.units.iter().enumerate() {
            let tag = page.blocks[*b].tag.as_str();
            if tag == "h1" {
                v.push(u);
            } else if paragraphs < 2 && tag != "h2" && tag != "h3" {
                v.push(u);
                paragraphs += 1;
            }
        }
        v
    };

    let group_mentions: Vec<Vec<(usize, usize, std::ops::Range<usize>)>> =
        groups.iter().map(|g| g.mentions.clone()).collect();
    let out: Vec<(f32, usize, Entity)> = groups
        .into_iter()
        .map(|g| {
            let ty = g.ty();
            // The name is the fullest form; for people, the form with most words.
            let name = g
                .forms
                .iter()
                .max_by_key(|(f, c)| {
                    (
                        f.split(' ').count(),
                        !is_acronym(f),
                        *c,
                        std::cmp::Reverse(f.len()),
                    )
                })
                .map(|(f, _)| f.clone())
                .unwrap_or_default();
            let mut aliases: Vec<String> = g
                .forms
                .iter()
                .map(|(f, _)| f.clone())
                .filter(|f| *f != name)
                .collect();
            aliases.sort();
            aliases.dedup();
            let mut mentions: Vec<Span> = g
                .mentions
                .iter()
                .map(|(u, _, r)| doc.span(*u, r.clone()))
                .collect();
            mentions.sort_by_key(|m| (m.block, m.start));
            mentions.dedup();
            let early = g
                .mentions
                .iter()
                .filter(|(u, _, _)| lead_units.contains(u))
                .count() as f32;
            let salience = early * 2.0 + mentions.len() as f32 + 1.0 / (1.0 + g.first as f32);
            let entity = Entity {
                name,
                kind: match ty {
                    1 => EntityType::Person,
                    2 => EntityType::Organization,
                    _ => EntityType::Place,
                },
                aliases,
                roles: g.roles,
                mentions,
                salience: (salience * 100.0).round() / 100.0,
            };
            (salience, g.first, entity)
        })
        .collect();
    // Sort by salience; remember where each group went.
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by(|&a, &b| {
        out[b]
            .0
            .partial_cmp(&out[a].0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(out[a].1.cmp(&out[b].1))
    });
    let mut refs = Vec::new();
    for (new, &old) in order.iter().enumerate() {
        for (unit, sent, tok) in &group_mentions[old] {
            refs.push(MentionRef {
                unit: *unit,
                sent: *sent,
                tok: tok.clone(),
                entity: new,
            });
        }
    }
    refs.sort_by_key(|m| (m.unit, m.tok.start));
    let mut slots: Vec<Option<Entity>> = out.into_iter().map(|(_, _, e)| Some(e)).collect();
    let entities = order.iter().map(|&i| slots[i].take().unwrap()).collect();
    (entities, refs)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A handle is an alias of the person or organization it spells, never
    /// an entity of its own; a handle that spells no name of the article stays.
    #[test]
    fn handles_are_aliases_of_the_names_they_spell() {
        // (text, the people with their aliases)
        type Case<'a> = (&'a str, &'a [(&'a str, &'a [&'a str])]);
        let table: &[Case] = &[(
            "Kentucky Gov. Matt Bevin lost the election on Tuesday.\n\
                 We will not concede tonight — Matt Bevin (@MattBevin) November 6, 2019\n\
                 MattBevin said the count was wrong, and @MattBevin posted it again.\n\
                 The governor-elect, Andy Beshear (@AndyBeshear), thanked voters.\n",
            &[
                ("Matt Bevin", &["@MattBevin", "MattBevin"]),
                ("Andy Beshear", &["@AndyBeshear"]),
            ],
        )];
        for (text, want) in table {
            let r = crate::analyze(&Page::from_text(text));
            let people: Vec<(&str, Vec<&str>)> = r
                .entities
                .iter()
                .filter(|e| e.kind == EntityType::Person)
                .map(|e| {
                    (
                        e.name.as_str(),
                        e.aliases.iter().map(String::as_str).collect(),
                    )
                })
                .collect();
            let want: Vec<(&str, Vec<&str>)> = want.iter().map(|(n, a)| (*n, a.to_vec())).collect();
            assert_eq!(people, want, "{text}");
        }
        for (form, handle) in [
            ("@MattBevin", true),
            ("MattBevin", true),
            ("Matt Bevin", false),
            ("Bevin", false),
            ("@AP", true),
        ] {
            assert_eq!(is_handle(form), handle, "{form}");
        }
    }

    #[test]
    fn acronyms_are_two_to_eight_capitals_in_one_word() {
        let table = [
            ("CNRP", true),
            ("UN", true),
            ("U.N.", true),
            ("ABCDEFGH", true),
            ("ΕΕ", true),
            ("A", false),
            ("ABCDEFGHI", false),
            ("Nato", false),
            ("CNRP leader", false),
            ("123", false),
            ("", false),
        ];
        for (s, want) in table {
            assert_eq!(is_acronym(s), want, "{s}");
        }
    }
}
