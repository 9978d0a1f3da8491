//! A person's roles: the title words before the name ("CPP Vice-President
//! cum Prime Minister Hun Sen"), a role set off by a comma before it, and an
//! apposition after it ("Prum Sokha, Secretary of State at …"). Roles are
//! kept out of the name.

use crate::lexicon::{titles, Words};
use crate::ner::tokens;
use crate::text::with_lowercase;

/// The page language's own titles ([`titles::for_language`]), if any.
pub(super) type LangTitles = Option<&'static titles::Lang>;

/// Words that are roles, titles or honorifics, never names on their own
/// ([`titles::ROLE`], and the page language's).
pub(super) fn is_role_word(w: &str, lt: LangTitles) -> bool {
    // Asked of the words around every name: a hashed set, not a scan of
    // the hundred-odd words (a thousand instructions a word).
    with_lowercase(w, |l| {
        let l = l.trim_end_matches(['\'', '’']);
        titles::ROLE.has(l) || lt.is_some_and(|t| t.is_role(l))
    })
}

/// Articles that may open an apposition ("Pedro Sánchez, el presidente del Gobierno").
const ARTICLES: &[&str] = &[
    "the", "a", "an", "der", "die", "das", "el", "la", "le", "il", "lo", "o", "de", "het",
];

/// Words that join the parts of a role ("Secretary of State at the Interior Ministry").
pub(super) static ROLE_JOINERS: Words =
    Words::new(include_str!("../../lexicon/entities/role-joiners.txt"));

/// Roles of a person mention: the title words right before the name
/// ("CPP Vice-President cum Prime Minister Hun Sen"), a role set off by a
/// comma before it ("head of the CPP working group, … Prum Sokha"), and an
/// apposition after it ("Prum Sokha, Secretary of State at …,").
pub(super) fn roles_of(
    text: &str,
    toks: &[tokens::Tok],
    sent: &std::ops::Range<usize>,
    name: std::ops::Range<usize>,
    people: &[std::ops::Range<usize>],
    lt: LangTitles,
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
            a - 1 == sent.start && !is_role_word(w, lt) && !w.chars().all(|c| !c.is_lowercase());
        if (is_role_word(w, lt) || cap || joiner || w == "'s" || w == "’s") && !initial {
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
        push_roles(text, toks, a..name.start, lt, &mut out);
        // "head of the CPP working group, Secretary of State … Prum Sokha"
        if a > sent.start + 1 && s(a - 1) == "," {
            let end = a - 1;
            let mut b = end;
            while b > sent.start && !matches!(s(b - 1), "," | ";" | ":" | "(" | "\"" | "“") {
                b -= 1;
            }
            if b < end && is_role_word(s(b), lt) && end - b <= 8 {
                push_roles(text, toks, b..end, lt, &mut out);
            }
        }
    }
    // "La ministra de Hacienda, María Jesús Montero": a role clause set off
    // by a comma right before the name, from the sentence start (other
    // languages than English: English reports stay as they were).
    if lt.is_some() && a == name.start && a > sent.start + 1 && s(a - 1) == "," {
        let end = a - 1;
        let mut b = sent.start;
        if end > b + 1 && with_lowercase(s(b), |l| ARTICLES.contains(&l)) {
            b += 1;
        }
        let joined = toks[b..end].iter().all(|t| {
            let w = &text[t.start..t.end];
            is_role_word(w, lt)
                || w.chars().next().is_some_and(char::is_uppercase)
                || with_lowercase(w, |l| ROLE_JOINERS.contains(&l))
        });
        if b < end && end - b <= 6 && is_role_word(s(b), lt) && joined {
            push_roles(text, toks, b..end, lt, &mut out);
        }
    }
    // After the name: ", the Secretary of State at the Interior Ministry,"
    if name.end + 1 < sent.end && s(name.end) == "," {
        let mut b = name.end + 1;
        if with_lowercase(s(b), |l| ARTICLES.contains(&l)) {
            b += 1;
        }
        if b < sent.end && is_role_word(s(b), lt) {
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
                    || is_role_word(w, lt)
                    || with_lowercase(w, |l| ROLE_JOINERS.contains(&l))
                    || w == "'s"
                    || w == "’s"
            });
            if clean && e > b {
                push_roles(text, toks, b..e, lt, &mut out);
            }
        }
    }
    out
}

fn push_roles(
    text: &str,
    toks: &[tokens::Tok],
    r: std::ops::Range<usize>,
    lt: LangTitles,
    out: &mut Vec<String>,
) {
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
        if p.is_empty() || !p.iter().any(|w| is_role_word(w, lt)) {
            continue;
        }
        // Honorifics are not roles.
        if p.len() == 1 && titles::HONORIFIC.has(p[0].to_lowercase().as_str()) {
            continue;
        }
        let role = p.join(" ");
        if !out.contains(&role) {
            out.push(role);
        }
    }
}
