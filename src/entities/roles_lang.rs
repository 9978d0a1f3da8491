//! A person's roles on pages in German, Spanish, French, Italian, Dutch,
//! Polish and Portuguese (English keeps its own rules, [`super::roles`]).
//!
//! Those languages put an article, a contraction or an adjective around the
//! role word, and inflect it, where English writes bare title words:
//! "la ministra de Hacienda María Jesús Montero", "der saarländische
//! Innenminister Klaus Bouillon", "o presidente eleito Jair Bolsonaro",
//! "premiera Donalda Tuska", "el ex contralor Óscar Rubén Velázquez". Roles
//! are read in three places: the words right before the name, a role clause
//! ending in a comma right before it ("el presidente de Estados Unidos, Joe
//! Biden"), and an apposition after it ("Olaf Scholz, Bundeskanzler,",
//! "Emmanuel Macron, président de la République,").

use std::ops::Range;

use super::roles;
use super::roles::{LangTitles, ROLE_JOINERS};
use crate::lexicon::titles;
use crate::lexicon::Words;
use crate::ner::tokens;
use crate::text::with_lowercase;

/// Articles, determiners and preposition-article contractions that stand
/// before or inside a role ("el", "al", "del", "der", "zur", "au", "nella",
/// "ao", "pelo"): passed over inside a role, trimmed from its ends.
const ARTICLES: &[&str] = &[
    // de
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen", "eines",
    "im", "am", "vom", "zum", "zur", "beim", "seine", "seiner", "ihre", "ihrer", // es
    "el", "la", "los", "las", "lo", "al", "un", "una", "su", "sus", // fr
    "le", "les", "l'", "l’", "l", "d", "'", "’", "une", "au", "aux", "sa", "son", "ses", // it
    "il", "gli", "i", "uno", "dello", "della", "dei", "delle", "degli", "nel", "nella", "sul",
    "sulla", "dal", "dalla", "ai", "alla", // pt
    "o", "a", "os", "as", "um", "uma", "ao", "aos", "à", "às", "dos", "das", "no", "na", "nos",
    "nas", "pelo", "pela", "seu", "sua", // nl
    "het", "een", "zijn", "haar",
];

/// Prepositions that join the parts of a role in these languages, beside
/// [`ROLE_JOINERS`] ("CEO von creditshelf", "direttore di", "prezes ze").
const JOINERS: &[&str] = &[
    "von", "vom", "zu", "di", "dei", "degli", "delle", "van", "voor", "w", "we", "z", "ze", "dla",
    "na", "em", "nos",
];

/// Words that join two roles of one person ("Gynäkologe und Leiter …",
/// "periodista ruso y Premio Nobel"): a role ends there.
const CONJUNCTIONS: &[&str] = &[
    "and", "und", "y", "e", "et", "en", "i", "oraz", "ou", "o", "oder",
];

/// Words that end a role: relative pronouns, conjunctions of a clause,
/// common verbs and adverbs ("député socialiste des Français de l'étranger
/// qui a voté", "el gerente señaló que").
const STOPS: &[&str] = &[
    "que", "qui", "quien", "quienes", "cual", "cuyo", "dass", "daß", "che", "cui", "dont", "wo",
    "donde", "onde", "où", "se", "sich", "si", "ist", "est", "es", "fue", "war", "è", "é", "ha",
    "hat", "han", "son", "sind", "sont", "ya", "también", "auch", "aussi", "anche", "também",
    "não", "nicht", "ne", "pas", "wie", "como", "comme", "come", "als", "para", "pour", "per",
    "für", "mit", "con", "avec", "com", "nach", "desde", "depuis", "seit", "dal", "hasta", "bis",
    "auf", "über", "unter", "durch", "gegen", "ohne", "um",
];

/// Honorifics of these languages: before a name, not a role on their own
/// ("Frau Merkel", "doña Letizia", "pan Rafał").
const HONORIFICS: &[&str] = &[
    "frau", "herr", "herrn", "señor", "señora", "sr.", "sra.", "don", "doña", "monsieur", "madame",
    "m.", "mme", "mlle", "signor", "signora", "signore", "sig.", "sig.ra", "meneer", "mevrouw",
    "dhr.", "mevr.", "mr.", "pan", "pani", "panu", "senhor", "senhora", "dr.", "dr", "dra.",
    "prof.", "dott.", "mr", "mrs", "ms",
];

/// Endings a role word takes in a plural or another case, and what the
/// dictionary form ends in instead: "Biologen", "camaristas", "ministri",
/// "premiera", "prezydentowi", "premierem". Only tried against the titles
/// cut from names (`strip`: never a name's first word, so "Santos" and
/// "Reyes" stay names), and only for stems of four letters or more.
const INFLECTIONS: &[(&str, &str)] = &[
    ("s", ""),
    ("es", ""),
    ("n", ""),
    ("en", ""),
    ("i", "o"),
    ("i", "e"),
    ("e", "a"),
    ("a", ""),
    ("owi", ""),
    ("em", ""),
    ("ie", ""),
    ("u", ""),
    ("y", ""),
    ("ów", ""),
];

/// Endings of person nouns per language, and the words and endings that
/// take one and are no person ([`agent_role`]).
const AGENT_FILE: &str = include_str!("../../lexicon/entities/agent-suffixes.txt");
static AGENT_DE: Words = Words::tagged(AGENT_FILE, "de");
static AGENT_NL: Words = Words::tagged(AGENT_FILE, "nl");
static AGENT_EXCEPT: Words = Words::tagged(AGENT_FILE, "except");
static AGENT_EXCEPT_END: Words = Words::tagged(AGENT_FILE, "except-end");
/// Month names ("Oktober", "December" end like agent nouns).
static MONTHS: Words = Words::new(include_str!("../../lexicon/facts/months.txt"));

/// The agent-noun endings of the page's language, and whether its nouns
/// are capitalised: German ("Kombinierer") and Dutch ("schaatser") only.
fn agent_endings(lt: LangTitles) -> Option<(&'static Words, &'static str)> {
    let t = lt?;
    let is = |code| titles::for_language(code).is_some_and(|l| std::ptr::eq(l, t));
    if is("de") {
        Some((&AGENT_DE, "de"))
    } else if is("nl") {
        Some((&AGENT_NL, "nl"))
    } else {
        None
    }
}

/// Whether `w`, the word right before a person's name, is a noun for a
/// person by its form alone: in German a capitalised noun (every German
/// noun is) ending like an agent or occupation noun ("Kombinierer",
/// "Eiskunstläufer", "Burgschauspielerin", "Teamkollege") or like a title
/// of the language ("Teamchef"); in Dutch a lowercase one ("schaatser").
/// Never a function word, a month or a kin word, and six letters at least.
fn agent_role(w: &str, lt: LangTitles) -> bool {
    let (Some((ends, code)), Some(t)) = (agent_endings(lt), lt) else {
        return false;
    };
    let shape = if code == "de" {
        is_cap(w) && w.chars().skip(1).any(char::is_lowercase)
    } else {
        is_lower_word(w)
    };
    if !shape || w.chars().count() < 6 || !w.chars().all(|c| c.is_alphabetic() || c == '-') {
        return false;
    }
    with_lowercase(w, |l| {
        let last = l.rsplit('-').next().unwrap_or(l);
        let ends_in = |list: &[&str], room: usize| {
            list.iter()
                .any(|e| last.len() >= e.len() + room && last.ends_with(e))
        };
        let excluded = AGENT_EXCEPT.has(l)
            || MONTHS.has(l)
            || titles::function_words(code).is_some_and(|f| f.has(l))
            || ends_in(AGENT_EXCEPT_END.list(), 0);
        // "Teamchef", "Burgschauspielerin"; not "Ehefrau".
        let title = t
            .role
            .list()
            .iter()
            .any(|r| r.len() >= 4 && last.ends_with(r) && !HONORIFICS.contains(r));
        !excluded && (ends_in(ends.list(), 3) || title)
    })
}

/// The word after an elided article ("l’entraîneur" → "entraîneur",
/// "dell'allenatore" → "allenatore"), or the word itself.
fn elided(w: &str) -> &str {
    const ELIDED: &[&str] = &["l", "d", "dell", "all", "nell", "dall", "sull", "un", "qu"];
    match w.split_once(['\'', '’']) {
        Some((art, rest)) if !rest.is_empty() && ELIDED.contains(&art) => rest,
        _ => w,
    }
}

fn lower_in(w: &str, list: &[&str]) -> bool {
    with_lowercase(w, |l| list.contains(&l))
}

/// Whether `w` is a role word of the page's language or English, as written
/// or as a plural, another case, or with "ex"/"ex-" ("expresidente",
/// "Ex-Präsident", "premiera", "camaristas").
pub(super) fn is_role_form(w: &str, lt: LangTitles) -> bool {
    let Some(t) = lt else {
        return false;
    };
    if !w.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    with_lowercase(elided(w), |l| {
        let l = l.trim_end_matches(['\'', '’']);
        let known = |x: &str| x.chars().count() > 2 && (titles::ROLE.has(x) || t.is_role(x));
        let inflected = |x: &str| {
            INFLECTIONS.iter().any(|(end, base)| {
                x.strip_suffix(end).is_some_and(|stem| {
                    stem.chars().count() >= 4 && t.strip.has(&format!("{stem}{base}"))
                })
            })
        };
        let bare = l
            .strip_prefix("ex-")
            .or_else(|| l.strip_prefix("ex"))
            .filter(|r| r.chars().count() > 3);
        // "Ex-Frau" is kin, not a role.
        let bare = bare.filter(|b| !HONORIFICS.contains(b));
        known(l) || inflected(l) || bare.is_some_and(|b| known(b) || inflected(b))
    })
}

/// Whether `w` is a role word as the lists write it (not a plural or
/// another case).
fn is_role_as_written(w: &str, lt: LangTitles) -> bool {
    lt.is_some_and(|t| with_lowercase(w, |l| titles::ROLE.has(l) || t.is_role(l)))
}

/// Where the role in `r` starts: at its first role word, unless that is a
/// plural or another case followed by a role after a joiner, which is the
/// person's ("los abogados del expresidente, Juan Orlando Hernández").
fn role_start(text: &str, toks: &[tokens::Tok], r: Range<usize>, lt: LangTitles) -> usize {
    let s = |i: usize| &text[toks[i].start..toks[i].end];
    let Some(first) = r.clone().find(|&i| is_role_form(s(i), lt)) else {
        return r.start;
    };
    if is_role_as_written(s(first), lt) {
        return r.start;
    }
    (first + 2..r.end)
        .rev()
        .find(|&i| is_role_form(s(i), lt) && is_joiner(s(i - 1)))
        .unwrap_or(r.start)
}

fn is_lower_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A word that may stand inside a role: a role word, a capitalised word
/// ("Hacienda", "Legislación General", "IPBES-Berichts"), a joiner or an
/// article ("de la", "der", "del"), or "ex".
fn is_role_part(w: &str, lt: LangTitles) -> bool {
    is_role_form(w, lt) || is_cap(w) || is_joiner(w) || lower_in(w, &["ex"])
}

/// A joiner ("de", "von") or an article ("la", "der", "l'").
fn is_joiner(w: &str) -> bool {
    with_lowercase(w, |l| {
        ROLE_JOINERS.contains(&l) || ARTICLES.contains(&l) || JOINERS.contains(&l)
    })
}

/// Whether the words of `r` read as one role: its parts ([`is_role_part`])
/// and lowercase words, which may only follow a role word ("senador
/// republicano") or a joiner ("ministre de la justice", "del sindicato
/// portuario"), two at most in a row.
fn reads_as_role(text: &str, toks: &[tokens::Tok], r: Range<usize>, lt: LangTitles) -> bool {
    let s = |i: usize| &text[toks[i].start..toks[i].end];
    // Lowercase words in a row, and whether they follow a role word.
    let (mut run, mut after_role) = (0, false);
    for i in r.clone() {
        let w = s(i);
        if lower_in(w, STOPS) {
            return false;
        }
        if is_role_form(w, lt) || is_role_part(w, lt) || lower_in(w, CONJUNCTIONS) && run == 0 {
            run = 0;
            continue;
        }
        if !is_lower_word(w) || i == r.start {
            return false;
        }
        if run == 0 {
            let prev = s(i - 1);
            after_role = is_role_form(prev, lt);
            if !after_role && (is_cap(prev) || !is_role_part(prev, lt)) {
                return false;
            }
        }
        run += 1;
        // "senador republicano", "del sindicato portuario", not "gerente
        // señaló que".
        if run > if after_role { 1 } else { 2 } {
            return false;
        }
    }
    true
}

/// Roles of a person mention: English (and pages of no known language) by
/// its own rules ([`roles::roles_of`]), the other languages by these.
pub(super) fn roles_in(
    text: &str,
    toks: &[tokens::Tok],
    sent: &Range<usize>,
    name: Range<usize>,
    people: &[Range<usize>],
    lt: LangTitles,
) -> Vec<String> {
    if lt.is_some() {
        roles_of(text, toks, sent, name, people, lt)
    } else {
        roles::roles_of(text, toks, sent, name, people, lt)
    }
}

/// Roles of a person mention (`name`, token indices of the sentence `sent`)
/// on a page in one of the languages above; `people` are the other people
/// of the sentence, never read as a role.
fn roles_of(
    text: &str,
    toks: &[tokens::Tok],
    sent: &Range<usize>,
    name: Range<usize>,
    people: &[Range<usize>],
    lt: LangTitles,
) -> Vec<String> {
    let s = |i: usize| &text[toks[i].start..toks[i].end];
    let mut out = Vec::new();
    let a = title_start(text, toks, sent, &name, people, lt);
    let t = title_role_start(text, toks, a..name.start, lt);
    push_roles(
        text,
        toks,
        role_start(text, toks, t..name.start, lt)..name.start,
        lt,
        &mut out,
    );
    // "Kombinierer Eric Frenzel", "der dreimalige Olympiasieger Eric
    // Frenzel": a person noun the title words do not know.
    let before = name.start.checked_sub(1).filter(|&i| i >= sent.start);
    if let Some(i) = before.filter(|&i| out.is_empty() && !people.iter().any(|p| p.contains(&i))) {
        if agent_role(s(i), lt) {
            out.push(s(i).to_string());
        }
    }
    if a > sent.start + 1 && s(a - 1) == "," {
        if let Some(r) = clause_before(text, toks, sent.start, a - 1, people, lt) {
            push_roles(
                text,
                toks,
                role_start(text, toks, r.clone(), lt)..r.end,
                lt,
                &mut out,
            );
        }
    }
    if let Some(r) = apposition(text, toks, sent, &name, people, lt) {
        push_roles(text, toks, r, lt, &mut out);
    }
    out
}

/// Where the role in the title words `r` before a name starts: at its first
/// role word, or the one capitalised word or "ex" right before it ("Bayerns
/// Wirtschaftsminister", "el ex contralor") unless a preposition comes
/// first: German capitalises every noun, and "die Rechnungen von Präsident
/// Selenskyj" has the role "Präsident".
fn title_role_start(text: &str, toks: &[tokens::Tok], r: Range<usize>, lt: LangTitles) -> usize {
    let s = |i: usize| &text[toks[i].start..toks[i].end];
    let Some(first) = r.clone().find(|&i| is_role_form(s(i), lt)) else {
        return r.start;
    };
    // German and Polish prepositions ("w Sejmie premier"); not "de": before
    // a capital it is Dutch's article ("de Japanse architect").
    const PREPOSITIONS: &[&str] = &[
        "von", "vom", "mit", "bei", "beim", "für", "zu", "zur", "zum", "nach", "aus", "über", "an",
        "auf", "im", "am", "durch", "gegen", "um", "unter", "vor", "seit", // pl
        "w", "we", "z", "ze", "na", "do", "od", "przez", "dla", "po", "przy",
    ];
    let ex = lower_in(s(first.saturating_sub(1)), &["ex"]);
    if first > r.start
        && (ex
            || is_cap(s(first - 1))
                && !is_joiner(s(first - 1))
                && (first - 1 == r.start || !lower_in(s(first - 2), PREPOSITIONS)))
    {
        first - 1
    } else {
        first
    }
}

/// Where the title words before a name start: back over role words,
/// capitalised words, joiners and articles ("la ministra de Hacienda"), an
/// adjective after a role word ("el senador republicano", "der ehemalige"
/// is left out), and "ex"; never into another person or across "und", "y".
fn title_start(
    text: &str,
    toks: &[tokens::Tok],
    sent: &Range<usize>,
    name: &Range<usize>,
    people: &[Range<usize>],
    lt: LangTitles,
) -> usize {
    let s = |i: usize| &text[toks[i].start..toks[i].end];
    let mut a = name.start;
    while a > sent.start {
        let w = s(a - 1);
        if people.iter().any(|p| p.contains(&(a - 1))) || lower_in(w, CONJUNCTIONS) {
            break;
        }
        // A capitalised word opening the sentence is capitalised for that
        // reason alone ("Ahora Bustos").
        let initial = a - 1 == sent.start && !is_role_form(w, lt) && !lower_in(w, ARTICLES);
        // "el senador republicano Rick Scott", "caricaturista húngaro Gábor Pápai"
        let adjective = is_lower_word(w)
            && a == name.start
            && a >= sent.start + 2
            && is_role_form(s(a - 2), lt)
            && !lower_in(w, ARTICLES);
        if !initial && (is_role_part(w, lt) || adjective) {
            a -= 1;
        } else {
            break;
        }
    }
    a
}

/// A role clause that ends in the comma at `comma`, right before a name:
/// "el presidente de Estados Unidos, Joe Biden", "So auch der Bürgermeister
/// von Grosbliederstroff, Joël Niederlaender", "El ministro ruso de Asuntos
/// Exteriores, Serguei Lavrov". It starts at its first role word and runs
/// cleanly ([`reads_as_role`]) to the comma, ten words at most.
fn clause_before(
    text: &str,
    toks: &[tokens::Tok],
    start: usize,
    comma: usize,
    people: &[Range<usize>],
    lt: LangTitles,
) -> Option<Range<usize>> {
    let s = |i: usize| &text[toks[i].start..toks[i].end];
    let mut best = None;
    let mut b = comma;
    while b > start && comma - b < 10 {
        let w = s(b - 1);
        if people.iter().any(|p| p.contains(&(b - 1)))
            || lower_in(w, CONJUNCTIONS)
            || !(is_role_part(w, lt) || is_lower_word(w))
        {
            break;
        }
        b -= 1;
        if is_role_form(w, lt) && reads_as_role(text, toks, b..comma, lt) {
            best = Some(b..comma);
        }
    }
    best
}

/// An apposition after the name: ", Bundeskanzler,", ", président de la
/// République,", ", französischer Abgeordneter der Macron-Partei", ", el
/// líder independentista kurdo,". Up to two words before the role word
/// (an adjective, "ex"), then the words that read as a role, to a stop.
fn apposition(
    text: &str,
    toks: &[tokens::Tok],
    sent: &Range<usize>,
    name: &Range<usize>,
    people: &[Range<usize>],
    lt: LangTitles,
) -> Option<Range<usize>> {
    let s = |i: usize| &text[toks[i].start..toks[i].end];
    if name.end + 1 >= sent.end || s(name.end) != "," {
        return None;
    }
    let mut b = name.end + 1;
    while b < sent.end && b < name.end + 3 && lower_in(s(b), ARTICLES) {
        b += 1;
    }
    let head = (b..sent.end.min(b + 3)).find(|&i| is_role_form(s(i), lt))?;
    // "französischer Abgeordneter", "ex presidente"; not "foi recebido pelo".
    let adjective = |w: &str| {
        is_lower_word(w)
            && !lower_in(w, ARTICLES)
            && !lower_in(w, STOPS)
            && !lower_in(w, CONJUNCTIONS)
    };
    if !(b..head).all(|i| adjective(s(i))) {
        return None;
    }
    let stop = |w: &str| {
        matches!(
            w,
            "," | "." | ";" | ":" | ")" | "(" | "\"" | "”" | "“" | "«" | "»" | "„"
        )
    };
    // After an article (or an adverb, "noch") the words are a phrase of their own: a person
    // there is another one ("Jair Bolsonaro, o técnico Tite"). Without one
    // a name there is the role's ("Luis Amaral, Prezes Grupy Eurocash", an
    // organisation the title made a person).
    let article = head > name.end + 1;
    let mut e = head + 1;
    while e < sent.end && e < head + 12 && !stop(s(e)) {
        if let Some(p) = people.iter().find(|p| p.contains(&e)) {
            if article {
                return None;
            }
            // "Prezes Grupy Eurocash" (a name the title made a person),
            // "abogada de Martinelli": the name is part of the role.
            let part = p.start == head + 1 || is_joiner(s(p.start - 1));
            if !part {
                // "Geschäftsführer der … GmbH und seine Stellvertreterin
                // Franziska Weber": the role ends before the conjunction.
                if let Some(c) = (head..e).rev().find(|&i| lower_in(s(i), CONJUNCTIONS)) {
                    e = c;
                }
                break;
            }
        }
        if !reads_as_role(text, toks, head..e + 1, lt) {
            break;
        }
        e += 1;
    }
    Some(b..e)
}

/// Pushes the roles in `r`, split at conjunctions and commas, each without
/// the articles and joiners at its ends, if it holds a role word and is not
/// an honorific alone.
fn push_roles(
    text: &str,
    toks: &[tokens::Tok],
    r: Range<usize>,
    lt: LangTitles,
    out: &mut Vec<String>,
) {
    let mut parts: Vec<Vec<&str>> = vec![Vec::new()];
    for t in &toks[r] {
        let w = &text[t.start..t.end];
        if w == "," || lower_in(w, CONJUNCTIONS) {
            parts.push(Vec::new());
        } else {
            parts.last_mut().expect("one part at least").push(w);
        }
    }
    let edge = |w: &&str| is_joiner(w);
    for mut p in parts {
        while p.first().is_some_and(edge) {
            p.remove(0);
        }
        while p.last().is_some_and(edge) {
            p.pop();
        }
        if !p.iter().any(|w| is_role_form(w, lt))
            || p.iter()
                .all(|w| lower_in(w, HONORIFICS) || titles::HONORIFIC.has(&w.to_lowercase()))
        {
            continue;
        }
        // The role as the article writes it, from its first word to its
        // last ("l' Angleterre" stays), without an elided article before it
        // ("l’entraîneur"). Every word is a slice of `text`.
        let at = |w: &str| w.as_ptr() as usize - text.as_ptr() as usize;
        let (first, last) = (elided(p[0]), p[p.len() - 1]);
        let role = text[at(first)..at(last) + last.len()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !out.contains(&role) {
            out.push(role);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_and_prefixed_role_words_are_roles() {
        let (de, es, pl) = (
            titles::for_language("de"),
            titles::for_language("es"),
            titles::for_language("pl"),
        );
        for (w, lt, want) in [
            ("Biologen", de, true),
            ("Ex-Präsident", de, true),
            ("Kulturstaatsministerin", de, true),
            ("expresidente", es, true),
            ("camaristas", es, true),
            ("Santos", es, false),
            ("Reyes", es, false),
            ("l’entraîneur", titles::for_language("fr"), true),
            ("premiera", pl, true),
            ("prezydentowi", pl, true),
            ("Tuska", pl, false),
            ("experimento", es, false),
            ("president", None, false),
        ] {
            assert_eq!(is_role_form(w, lt), want, "{w}");
        }
    }
}
