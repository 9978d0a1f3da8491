//! The article's people, organisations and places: tagged mentions grouped
//! into entities, with aliases, roles and a salience order.
//!
//! 1. The article's text (the headline, then every article block that is
//!    not folded as a repeat) is tokenised and tagged as one document
//!    ([`crate::ner`]), so a name tagged once informs its later mentions.
//! 2. Mentions inside folded repeats are dropped: a repeat is not a second
//!    mention.
//! 3. Mentions are grouped: the same name; an acronym defined in brackets
//!    ("Cambodian People's Party (CPP)") and used later; a surname or given
//!    name alone after the full name ("Sam Rainsy" … "Rainsy"); a fuller
//!    name after a short one.
//! 4. Roles come from the words before a person's name ("Prime Minister Hun
//!    Sen", "CNRP leader Sam Rainsy") and from appositions ("Prum Sokha,
//!    Secretary of State at the Interior Ministry"), and are kept out of
//!    the name.
//! 5. Entities are ordered by salience: mentions in the headline and the
//!    lead count most, then how often the entity is mentioned.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::doc::{Doc, MentionRef};
use crate::hash::WordHashState;
use crate::lexicon::{titles, Words};
use crate::ner::{self, tokens, Tagger};
use crate::page::Page;
use crate::report::{Entity, EntityType, Span};
use crate::text::with_lowercase;

fn tagger() -> Option<&'static Tagger> {
    static T: OnceLock<Option<Tagger>> = OnceLock::new();
    T.get_or_init(|| Tagger::new().ok()).as_ref()
}

/// Words that are roles, titles or honorifics, never names on their own
/// ([`titles::ROLE`]).
fn is_role_word(w: &str) -> bool {
    // Asked of the words around every name: a hashed set, not a scan of
    // the hundred-odd words (a thousand instructions a word).
    with_lowercase(w, |l| titles::ROLE.has(l.trim_end_matches(['\'', '’'])))
}

/// Titles and honorifics stripped from the front of a name ("President
/// Bush" → "Bush"; [`titles::STRIP`]).
fn is_title_word(w: &str) -> bool {
    with_lowercase(w, |l| titles::STRIP.has(l))
}

/// Words that end an organisation's name ("Interior Ministry", "… Party").
static ORG_HEADS: Words = Words::new(include_str!("../lexicon/entities/org-heads.txt"));

/// Words that join the parts of a role ("Secretary of State at the Interior Ministry").
static ROLE_JOINERS: Words = Words::new(include_str!("../lexicon/entities/role-joiners.txt"));

struct RawMention {
    unit: usize,
    sent: usize,
    /// Token range within the unit.
    tok: std::ops::Range<usize>,
    ty: u8,
    text: String,
    /// A person's title stands right before it ("President Obama").
    titled: bool,
}

/// Where a photo credit starts in a block ("… Ashraf Shazly/Agence
/// France-Presse — Getty Images"): names from there on are credits.
fn credit_start(text: &str, toks: &[tokens::Tok]) -> usize {
    let is_cap = |t: &tokens::Tok| {
        text[t.start..t.end]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    // The photographer's first names before the slash (at most two words).
    let name_start = |i: usize| {
        let mut a = i;
        while a > 0 && i - a < 2 && is_cap(&toks[a - 1]) {
            a -= 1;
        }
        a
    };
    for (i, t) in toks.iter().enumerate() {
        let w = &text[t.start..t.end];
        let slash_names = w.contains('/')
            && w.split('/')
                .all(|p| p.chars().next().is_some_and(char::is_uppercase));
        let credit_word = matches!(
            w,
            "Credit" | "Photograph" | "Photo" | "Image" | "Getty" | "Illustration"
        ) && toks.get(i + 1).is_some_and(|n| {
            matches!(&text[n.start..n.end], ":" | "Images" | "by") || w == "Credit" || w == "Getty"
        });
        // Near the end of the block, the name before the slash is the
        // photographer's too ("Anthony Wallace / AFP - Getty Images"); a slash
        // in running text is not a credit ("Israel / Palestine").
        let near_end = i + 10 >= toks.len();
        if w == "/"
            && i > 0
            && near_end
            && toks.get(i + 1).is_some_and(is_cap)
            && is_cap(&toks[i - 1])
        {
            return name_start(i - 1);
        }
        if slash_names && near_end {
            return name_start(i);
        }
        if slash_names || credit_word {
            return i;
        }
    }
    toks.len()
}

/// The sentences of a document as the tagger reads them (truecased).
fn tagger_input<'a>(doc: &Doc<'a>) -> Vec<Vec<Cow<'a, str>>> {
    let words: Vec<Vec<&str>> = doc
        .sents
        .iter()
        .map(|(u, r)| {
            let text = doc.units[*u].1;
            doc.toks[*u][r.clone()]
                .iter()
                .map(|t| &text[t.start..t.end])
                .collect()
        })
        .collect();
    truecase(&words)
}

/// Extracts the entities of a page's article text. `hidden[b]` lists UTF-16
/// ranges of block `b` that are folded as repeats. Returns the entities and
/// every kept mention.
pub fn extract(
    doc: &Doc,
    page: &Page,
    hidden: &[Vec<(u32, u32)>],
) -> (Vec<Entity>, Vec<MentionRef>) {
    let Some(tagger) = tagger() else {
        return (Vec::new(), Vec::new());
    };
    let truecased = tagger_input(doc);
    let refs: Vec<Vec<&str>> = truecased
        .iter()
        .map(|s| s.iter().map(|w| w.as_ref()).collect())
        .collect();
    let labels = tagger.tag_document(&refs);

    let mut raw: Vec<RawMention> = Vec::new();
    let credits: Vec<usize> = doc
        .units
        .iter()
        .zip(&doc.toks)
        .map(|((_, t), toks)| credit_start(t, toks))
        .collect();
    for (si, ((u, r), lab)) in doc.sents.iter().zip(&labels).enumerate() {
        for (a, b, ty) in ner::spans(lab) {
            if ty == 4 {
                continue; // MISC: not a person, organisation or place
            }
            let text = doc.units[*u].1;
            let toks = &doc.toks[*u];
            let (mut a, mut b) = (r.start + a, r.start + b);
            if b > credits[*u] {
                continue; // a photo credit
            }
            // Titles inside a name and a leading "the" are not the name.
            while a < b && is_title_word(&text[toks[a].start..toks[a].end]) {
                a += 1;
            }
            while b > a
                && matches!(
                    &text[toks[b - 1].start..toks[b - 1].end],
                    "'s" | "’s" | "'" | "’" | "," | "." | "-"
                )
            {
                b -= 1;
            }
            if a >= b {
                continue;
            }
            // "Interior Ministry Prum Sokha": an organisation's head word
            // followed by a name is two mentions, not one.
            if ty == 2 && b - a >= 3 {
                let head = (a..b - 1).rev().find(|&k| {
                    with_lowercase(&text[toks[k].start..toks[k].end], |l| {
                        ORG_HEADS.contains(&l)
                    })
                });
                if let Some(k) = head {
                    let tail = (k + 1)..b;
                    let name_like = tail.len() <= 3
                        && tail.clone().all(|j| {
                            let w = &text[toks[j].start..toks[j].end];
                            w.chars().next().is_some_and(char::is_uppercase)
                                && !w.chars().all(|c| !c.is_lowercase())
                        });
                    if name_like && tail.len() >= 2 {
                        for (x, y, t) in [(a, k + 1, 2u8), (k + 1, b, 1u8)] {
                            raw.push(RawMention {
                                unit: *u,
                                sent: si,
                                tok: x..y,
                                ty: t,
                                text: normalize_space(&text[toks[x].start..toks[y - 1].end]),
                                titled: false,
                            });
                        }
                        continue;
                    }
                }
            }
            while a < b && matches!(&text[toks[a].start..toks[a].end], "'s" | "’s" | "'" | "’")
            {
                a += 1;
            }
            if a >= b {
                continue;
            }
            let surface = &text[toks[a].start..toks[b - 1].end];
            if !plausible_name(surface)
                || not_an_entity(
                    tagger,
                    &text[toks[a].start..toks[b - 1].end],
                    &toks[a..b],
                    text,
                )
            {
                continue;
            }
            // "Costco or Sam's Club": two names.
            if let Some(k) =
                (a + 1..b.saturating_sub(1)).find(|&k| &text[toks[k].start..toks[k].end] == "or")
            {
                for (x, y) in [(a, k), (k + 1, b)] {
                    raw.push(RawMention {
                        unit: *u,
                        sent: si,
                        tok: x..y,
                        ty,
                        text: normalize_space(&text[toks[x].start..toks[y - 1].end]),
                        titled: false,
                    });
                }
                continue;
            }
            let ty = head_type(
                &text[toks[b - 1].start..toks[b - 1].end],
                &text[toks[a].start..toks[a].end],
                b - a,
            )
            .unwrap_or(ty);
            let titled = a > r.start
                && with_lowercase(&text[toks[a - 1].start..toks[a - 1].end], |l| {
                    titles::PERSON.has(l)
                });
            raw.push(RawMention {
                unit: *u,
                sent: si,
                tok: a..b,
                ty: if titled { 1 } else { ty },
                text: normalize_space(surface),
                titled,
            });
        }
    }
    // A repeat is not a second mention.
    raw.retain(|m| {
        let block = doc.units[m.unit].0;
        let toks = &doc.toks[m.unit];
        let (start, end) =
            doc.utf16_range(m.unit, toks[m.tok.start].start, toks[m.tok.end - 1].end);
        !hidden[block].iter().any(|&(s, e)| start < e && end > s)
    });
    group(doc, raw, page)
}

/// Interface words that pages capitalise: never entities.
static UI_WORDS: Words = Words::new(include_str!("../lexicon/entities/ui-words.txt"));

/// Whether a tagged span is, after all, not a name: a nationality, a month
/// or weekday, an interface label, or a byline credit.
fn not_an_entity(tagger: &Tagger, surface: &str, toks: &[tokens::Tok], text: &str) -> bool {
    let lower = surface.to_lowercase();
    if UI_WORDS.contains(&lower.as_str()) || lower.starts_with("credit") || surface.contains(" / ")
    {
        return true;
    }
    let norms: Vec<String> = toks
        .iter()
        .map(|t| ner::features::norm_word(&text[t.start..t.end]))
        .collect();
    let gaz = &tagger.model().gaz;
    let in_list = |k: usize, words: &[String]| {
        gaz.contains(
            k,
            ner::gazetteer::phrase_hash(words.iter().map(String::as_str)),
        )
    };
    const DEMONYM: usize = ner::gazetteer::list("demonym");
    const TIME: usize = ner::gazetteer::list("time");
    const COMMON: usize = ner::gazetteer::list("common");
    // "Muslims", "New Zealanders": nationalities and peoples, plural or not.
    let mut singular = norms.clone();
    if let Some(last) = singular.last_mut() {
        if last.ends_with('s') && last.len() > 3 {
            last.pop();
        }
    }
    // A lone everyday word ("Little", "Dies", "Wait") capitalised by a
    // headline or a sentence start is not a name.
    in_list(DEMONYM, &norms)
        || in_list(DEMONYM, &singular)
        || (norms.len() == 1 && (in_list(TIME, &norms) || in_list(COMMON, &norms)))
}

/// Head words that settle the type of a multi-word name.
fn head_type(last: &str, first: &str, len: usize) -> Option<u8> {
    static ORG: Words = Words::new(include_str!("../lexicon/entities/org-name-heads.txt"));
    static LOC: Words = Words::new(include_str!("../lexicon/entities/place-name-heads.txt"));
    let l = last.to_lowercase();
    let f = first.to_lowercase();
    if len >= 2
        && (ORG.contains(&l.as_str())
            || matches!(
                f.as_str(),
                "university" | "ministry" | "department" | "bank"
            ))
    {
        Some(2)
    } else if len >= 2 && LOC.contains(&l.as_str()) {
        Some(3)
    } else {
        None
    }
}

/// Small words that headline case capitalises but that are never names.
static FUNCTION_WORDS: Words = Words::new(include_str!("../lexicon/entities/function-words.txt"));

/// Headlines in Title Case or capitals say nothing with their casing: each
/// word is given the casing the rest of the article gives it (or lower case
/// for small words), so the tagger sees "Verizon leaves shareholders with
/// little say" rather than a string of names.
fn truecase<'a>(sents: &[Vec<&'a str>]) -> Vec<Vec<Cow<'a, str>>> {
    let alpha = |w: &str| w.chars().any(char::is_alphabetic);
    // Counted without collecting: this runs for every sentence of the page.
    let cased = |s: &[&str]| -> bool {
        let (mut words, mut caps) = (0, 0);
        for w in s
            .iter()
            .skip(1)
            .filter(|w| alpha(w) && w.chars().nth(2).is_some())
        {
            words += 1;
            caps += usize::from(w.chars().next().is_some_and(char::is_uppercase));
        }
        words >= 3 && caps * 4 >= words * 3
    };
    let shouting = |s: &[&str]| -> bool {
        let (mut words, mut caps) = (0, 0);
        for w in s.iter().filter(|w| alpha(w)) {
            words += 1;
            caps += usize::from(
                w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase),
            );
        }
        words >= 2 && caps * 10 >= words * 8
    };
    let special: Vec<bool> = sents.iter().map(|s| cased(s) || shouting(s)).collect();
    if !special.contains(&true) {
        return sents
            .iter()
            .map(|s| s.iter().map(|&w| Cow::Borrowed(w)).collect())
            .collect();
    }
    // How each word of the special sentences is cased in ordinary ones, away
    // from their start. Only those words are keyed (a headline's few dozen,
    // not the page's vocabulary), and each ordinary word is lower-cased on
    // the stack and looked up: this runs for every word of the page.
    let mut case: HashMap<String, (u32, u32), WordHashState> = HashMap::default();
    // A 1024-bit filter on length, first and last byte of the keys: most
    // words are skipped before hashing.
    let sig = |l: &str| {
        let b = l.as_bytes();
        let (f, z) = (b.first().copied(), b.last().copied());
        (b.len() * 61 + usize::from(f.unwrap_or(0)) * 7 + usize::from(z.unwrap_or(0))) % 1024
    };
    let mut filter = [0u64; 16];
    for (s, _) in sents.iter().zip(&special).filter(|(_, sp)| **sp) {
        for w in s.iter().filter(|w| alpha(w)) {
            let l = w.to_lowercase();
            let k = sig(&l);
            filter[k / 64] |= 1 << (k % 64);
            case.entry(l).or_default();
        }
    }
    for (s, sp) in sents.iter().zip(&special) {
        if *sp {
            continue;
        }
        for (i, w) in s.iter().enumerate() {
            if i == 0 || !alpha(w) || matches!(s[i - 1], "." | "\"" | "“" | ":" | "(" | "—") {
                continue;
            }
            with_lowercase(w, |lower| {
                let k = sig(lower);
                if filter[k / 64] & (1 << (k % 64)) == 0 {
                    return;
                }
                if let Some(e) = case.get_mut(lower) {
                    if w.chars().next().is_some_and(char::is_uppercase) {
                        e.1 += 1;
                    } else {
                        e.0 += 1;
                    }
                }
            });
        }
    }
    sents
        .iter()
        .zip(&special)
        .map(|(s, sp)| {
            s.iter()
                .map(|w| {
                    if !*sp || !alpha(w) {
                        return Cow::Borrowed(*w);
                    }
                    let l = w.to_lowercase();
                    let (lo, up) = case.get(&l).copied().unwrap_or((0, 0));
                    if lo > up || (up == 0 && FUNCTION_WORDS.contains(&l.as_str())) {
                        Cow::Owned(l)
                    } else if up > 0
                        && w.chars()
                            .filter(|c| c.is_alphabetic())
                            .all(char::is_uppercase)
                        && w.chars().count() > 3
                    {
                        let mut c = l.chars();
                        Cow::Owned(
                            c.next()
                                .map(|f| f.to_uppercase().chain(c).collect())
                                .unwrap_or_default(),
                        )
                    } else {
                        Cow::Borrowed(*w)
                    }
                })
                .collect()
        })
        .collect()
}

fn normalize_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Names have a capital letter (or are in a script without case) and are
/// not role words alone ("Prime Minister", "Secretary", "State").
fn plausible_name(s: &str) -> bool {
    let has_upper = s.chars().any(char::is_uppercase);
    let caseless = s
        .chars()
        .any(|c| c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase());
    if !(has_upper || caseless) || s.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
        return false;
    }
    !s.split_whitespace()
        .all(|w| is_role_word(w) || with_lowercase(w, |l| ROLE_JOINERS.contains(&l)))
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
    ty_votes: [u32; 4],
    forms: Vec<(String, u32)>,
    mentions: Vec<(usize, usize, std::ops::Range<usize>)>, // (unit, sent, tokens)
    roles: Vec<String>,
    first: usize,
}

impl Group {
    fn ty(&self) -> u8 {
        let mut best = 1u8;
        for t in 1..4u8 {
            if self.ty_votes[t as usize] > self.ty_votes[best as usize] {
                best = t;
            }
        }
        best
    }
    fn add_form(&mut self, f: &str) {
        if let Some(x) = self.forms.iter_mut().find(|(x, _)| x == f) {
            x.1 += 1;
        } else {
            self.forms.push((f.to_string(), 1));
        }
    }
}

fn group(doc: &Doc, raw: Vec<RawMention>, page: &Page) -> (Vec<Entity>, Vec<MentionRef>) {
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
        if target.is_none() && m.ty == 1 {
            let parts: Vec<&str> = m.text.split(' ').collect();
            // The latest person group that fits (forms are only ever added,
            // so the indexes hold every candidate; the type is checked now).
            if parts.len() == 1 {
                // A surname (or given name) alone after the full name.
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
                    ty_votes: [0; 4],
                    forms: Vec::new(),
                    mentions: Vec::new(),
                    roles: Vec::new(),
                    first: k,
                });
                groups.len() - 1
            }
        };
        let g = &mut groups[gi];
        g.ty_votes[m.ty as usize] += if m.titled { 100 } else { 1 };
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
            let roles = roles_of(text, toks, &doc.sents[m.sent].1, m.tok.clone(), &people);
            for r in roles {
                if !g.roles.contains(&r) {
                    g.roles.push(r);
                }
            }
        }
    }

    // Salience: headline and lead mentions weigh most, then frequency.
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

/// Roles of a person mention: the title words right before the name
/// ("CPP Vice-President cum Prime Minister Hun Sen"), a role set off by a
/// comma before it ("head of the CPP working group, … Prum Sokha"), and an
/// apposition after it ("Prum Sokha, Secretary of State at …,").
fn roles_of(
    text: &str,
    toks: &[tokens::Tok],
    sent: &std::ops::Range<usize>,
    name: std::ops::Range<usize>,
    people: &[std::ops::Range<usize>],
) -> Vec<String> {
    let s = |i: usize| &text[toks[i].start..toks[i].end];
    let mut out = Vec::new();
    // Before the name: walk back over title words, capitalised words and
    // joiners, but never into another person's name or across "and".
    let mut a = name.start;
    while a > sent.start {
        let w = s(a - 1);
        if people.iter().any(|p| p.contains(&(a - 1))) || w == "and" {
            break;
        }
        let cap = w.chars().next().is_some_and(char::is_uppercase);
        let joiner = with_lowercase(w, |l| ROLE_JOINERS.contains(&l));
        // A capitalised word opening the sentence is capitalised for that
        // reason alone ("But Prime Minister …").
        let initial =
            a - 1 == sent.start && !is_role_word(w) && !w.chars().all(|c| !c.is_lowercase());
        if (is_role_word(w) || cap || joiner || w == "'s" || w == "’s") && !initial {
            a -= 1;
        } else {
            break;
        }
    }
    // Joiners and possessives cannot start a role.
    while a < name.start
        && (with_lowercase(s(a), |l| ROLE_JOINERS.contains(&l)) || s(a) == "'s" || s(a) == "’s")
    {
        a += 1;
    }
    if a < name.start {
        push_roles(text, toks, a..name.start, &mut out);
        // "head of the CPP working group, Secretary of State … Prum Sokha"
        if a > sent.start + 1 && s(a - 1) == "," {
            let end = a - 1;
            let mut b = end;
            while b > sent.start && !matches!(s(b - 1), "," | ";" | ":" | "(" | "\"" | "“") {
                b -= 1;
            }
            if b < end && is_role_word(s(b)) && end - b <= 8 {
                push_roles(text, toks, b..end, &mut out);
            }
        }
    }
    // After the name: ", the Secretary of State at the Interior Ministry,"
    if name.end + 1 < sent.end && s(name.end) == "," {
        let mut b = name.end + 1;
        if s(b).eq_ignore_ascii_case("the") || s(b).eq_ignore_ascii_case("a") {
            b += 1;
        }
        if b < sent.end && is_role_word(s(b)) {
            let mut e = b;
            while e < sent.end
                && !matches!(s(e), "," | "." | ";" | ":" | ")" | "\"" | "”")
                && e - b < 10
            {
                e += 1;
            }
            // An apposition ends at a comma or the sentence end, not at a verb.
            let clean = toks[b..e].iter().all(|t| {
                let w = &text[t.start..t.end];
                w.chars().next().is_some_and(|c| c.is_uppercase())
                    || is_role_word(w)
                    || with_lowercase(w, |l| ROLE_JOINERS.contains(&l))
                    || w == "'s"
                    || w == "’s"
            });
            if clean && e > b {
                push_roles(text, toks, b..e, &mut out);
            }
        }
    }
    out
}

fn push_roles(text: &str, toks: &[tokens::Tok], r: std::ops::Range<usize>, out: &mut Vec<String>) {
    // "CPP Vice-President cum Prime Minister": two roles.
    let mut parts: Vec<Vec<&str>> = vec![Vec::new()];
    for t in &toks[r] {
        let w = &text[t.start..t.end];
        if w == "cum" || w == "and" || w == "," {
            parts.push(Vec::new());
        } else if w == "'s" || w == "’s" {
            continue;
        } else {
            parts.last_mut().unwrap().push(w);
        }
    }
    for p in parts {
        // Trim joiners at either end ("the nation 's King" keeps "King").
        let mut p: Vec<&str> = p;
        while p.first().is_some_and(|w| {
            with_lowercase(w, |l| ROLE_JOINERS.contains(&l)) || w.eq_ignore_ascii_case("nation")
        }) {
            p.remove(0);
        }
        while p
            .last()
            .is_some_and(|w| with_lowercase(w, |l| ROLE_JOINERS.contains(&l)))
        {
            p.pop();
        }
        if p.is_empty() || !p.iter().any(|w| is_role_word(w)) {
            continue;
        }
        // Honorifics are not roles.
        if p.len() == 1
            && matches!(
                p[0].to_lowercase().as_str(),
                "mr" | "mr." | "mrs" | "mrs." | "ms" | "ms." | "dr" | "dr." | "sir"
            )
        {
            continue;
        }
        let role = p.join(" ");
        if !out.contains(&role) {
            out.push(role);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn truecase_gives_headlines_the_article_casing() {
        fn split(s: &str) -> Vec<&str> {
            s.split(' ').collect()
        }
        let sents = [
            split("Verizon Leaves Shareholders With Little Say"),
            split("RUSSIA CHIEF WARNS ÉLYSÉE"),
            split("The board of Verizon leaves shareholders with little say ."),
            split("In Russia , the chief of the Élysée staff spoke ."),
            // Sentence-initial and after an opening quote: not evidence.
            split("Little \" Leaves \" was said ."),
        ];
        let got: Vec<String> = truecase(&sents).iter().map(|s| s.join(" ")).collect();
        assert_eq!(got[0], "Verizon leaves shareholders with little say");
        // Capitals become the article's casing; a word never seen keeps its own.
        assert_eq!(got[1], "Russia chief WARNS Élysée");
        // Ordinary sentences are untouched.
        assert_eq!(
            got[2..],
            sents[2..].iter().map(|s| s.join(" ")).collect::<Vec<_>>()[..]
        );
        // With no headline-like sentence, nothing changes.
        let plain = truecase(&sents[2..]);
        assert!(plain
            .iter()
            .flatten()
            .all(|w| matches!(w, Cow::Borrowed(_))));
    }

    /// Where the credit starts, as the word there.
    fn credit_word(text: &str) -> Option<String> {
        let toks = tokens::tokenize(text);
        let i = credit_start(text, &toks);
        toks.get(i).map(|t| text[t.start..t.end].to_string())
    }

    #[test]
    fn photo_credits() {
        // Real captions (readability/schema-org-context-object, nytimes).
        let table = [
            (
                "An image of South Korean President Yoon Suk Yeol is raised during a candlelight rally in Seoul on Thursday. Anthony Wallace / AFP - Getty Images",
                Some("Anthony"),
            ),
            (
                "Protesters in Tahrir Square on Friday. Ashraf Shazly/Agence France-Presse — Getty Images",
                Some("Ashraf"),
            ),
            // A slash in running text is not a credit.
            (
                "Talks between Israel / Palestine negotiators resumed in Cairo on Monday after a pause of several weeks, officials said.",
                None,
            ),
        ];
        for (text, want) in table {
            assert_eq!(credit_word(text).as_deref(), want, "{text}");
        }
    }

    /// Tags `docs` scoring every token, and with reach 1 and [`ner::REACH`];
    /// prints each sentence where a label differs and the counts, and
    /// returns the number of tokens and of differences at [`ner::REACH`].
    fn count_differences(tagger: &Tagger, docs: &[Vec<Vec<&str>>], name: &str) -> (usize, usize) {
        let names = ner::bio_labels();
        let (mut tokens, mut diff1, mut diff) = (0, 0, 0);
        for d in docs {
            let full = tagger.tag(d, None);
            let one = tagger.tag(d, Some(1));
            let pruned = tagger.tag(d, Some(ner::REACH));
            for (s, ((f, o), p)) in d.iter().zip(full.iter().zip(&one).zip(&pruned)) {
                tokens += f.len();
                diff1 += f.iter().zip(o).filter(|(a, b)| a != b).count();
                diff += f.iter().zip(p).filter(|(a, b)| a != b).count();
                if f != p || f != o {
                    // word/full/reach 1/REACH where they differ
                    let line: Vec<String> = (0..s.len())
                        .map(|i| match (f[i] == o[i] && f[i] == p[i], f[i]) {
                            (true, 0) => s[i].to_string(),
                            (true, l) => format!("{}/{}", s[i], names[l]),
                            _ => format!(
                                "[{}/{}/{}/{}]",
                                s[i], names[f[i]], names[o[i]], names[p[i]]
                            ),
                        })
                        .collect();
                    println!("  {}", line.join(" "));
                }
            }
        }
        println!(
            "{name}: {tokens} tokens; labels differing from full scoring: \
             {diff1} with reach 1, {diff} with reach {}",
            ner::REACH
        );
        (tokens, diff)
    }

    /// Scoring only the tokens near capitals ([`ner::REACH`]) labels real
    /// text as scoring every token does. Reads the CoNLL files of
    /// `$SHARED/data/ner` (no difference allowed) and a plain-text file, one
    /// paragraph per line (`DOSSIER_CHECK_TEXT`, default /tmp/mb1.txt),
    /// where present: `cargo test --release --features cli --lib pruning --
    /// --ignored --nocapture`. In 1 MB of news text the only differences
    /// (14 of 200,000 tokens) were French "de l'avis de", "de non-lieu",
    /// which full scoring calls persons and pruning leaves O.
    #[test]
    #[ignore = "needs data outside the repository"]
    fn pruning_keeps_the_labels() {
        let tagger = tagger().unwrap();
        let text_path =
            std::env::var("DOSSIER_CHECK_TEXT").unwrap_or_else(|_| "/tmp/mb1.txt".into());
        if let Ok(text) = std::fs::read_to_string(&text_path) {
            let page = Page::from_text(&text);
            let info = crate::article::classify(&page);
            let doc = crate::doc::build_doc(&page, &info, &vec![false; page.blocks.len()]);
            let sents = tagger_input(&doc);
            let refs: Vec<Vec<&str>> = sents
                .iter()
                .map(|s| s.iter().map(|w| w.as_ref()).collect())
                .collect();
            let (tokens, diff) = count_differences(tagger, &[refs], &text_path);
            assert!(diff * 10_000 <= tokens, "{diff} of {tokens} labels differ");
        }
        let shared = std::env::var("SHARED")
            .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared").into());
        for name in ["conll2003-eng.testa", "wikigold.conll"] {
            let Ok(text) = std::fs::read_to_string(format!("{shared}/data/ner/{name}")) else {
                continue;
            };
            let mut docs: Vec<Vec<Vec<&str>>> = Vec::new();
            for line in text.lines() {
                let word = line.split(['\t', ' ']).next().unwrap_or("");
                if word == "-DOCSTART-" || docs.is_empty() {
                    docs.push(vec![Vec::new()]);
                }
                let d = docs.last_mut().unwrap();
                if line.trim().is_empty() || word == "-DOCSTART-" {
                    if !d.last().unwrap().is_empty() {
                        d.push(Vec::new());
                    }
                } else {
                    d.last_mut().unwrap().push(word);
                }
            }
            let (_, diff) = count_differences(tagger, &docs, name);
            assert_eq!(diff, 0, "{name}");
        }
    }
}
