//! A person's roles: the title words before the name ("CPP Vice-President
//! cum Prime Minister Hun Sen"), a role set off by a comma before it, and an
//! apposition after it ("Prum Sokha, Secretary of State at …"). Roles are
//! kept out of the name. In English (and pages of no known language) a
//! description counts too, headed by a role noun ([`ROLE_NOUNS`]): before
//! the name ("Pakistan-based developer Ammar Askar"), set off by commas
//! after it ("Martin Wartman, a student at Northern Kentucky University,"),
//! in "who is the …", or before a comma and the name ("Apple's chief
//! executive, Tim Cook"). Pages in the other languages with a tagger have
//! their own rules ([`super::roles_lang`]: articles, inflections, "ex").

use super::truecase::FUNCTION_WORDS;
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

/// English nouns that head a description of what a person is or does
/// ("developer", "student", "chemist"), mined from the training data and
/// completed by hand (the file says how).
static ROLE_NOUNS: Words = Words::new(include_str!("../../lexicon/entities/role-nouns-en.txt"));

/// Whether `w` heads a description of a person: a role noun ("minister",
/// "developer"), not a modifier ("interior") or an honorific.
fn is_head(w: &str) -> bool {
    // The plural too: "co-founders Tom Igoe and Gianluca Martino".
    with_lowercase(w, |l| {
        ROLE_NOUNS.has(l) || l.strip_suffix('s').is_some_and(|one| ROLE_NOUNS.has(one))
    })
}

/// Degrees and post-nominal letters between a name and its apposition
/// ("Stephen Calderwood, MD, president of …"): skipped, not roles.
pub(super) const POST_NOMINALS: &[&str] = &[
    "md", "phd", "ph.d.", "ph.d", "qc", "kc", "jr", "jr.", "sr", "sr.",
];

/// Words that open a description and are not part of it ("a student",
/// "his lawyer").
const DETERMINERS: &[&str] = &["a", "an", "the", "his", "her", "its", "their", "our", "my"];

/// A lowercase word that reads as an adjective of a role ("Pakistan-based",
/// "political", "longtime", "senior"): hyphenated, or an adjective ending.
/// Past participles and "-ing" forms are left out: "said" and "told" stand
/// before names as often as any adjective.
fn is_adjectival(w: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "al", "ic", "ive", "ary", "ous", "ian", "ese", "ish", "time", "ior", "less", "ful",
    ];
    w.len() > 3
        && w.chars().next().is_some_and(char::is_lowercase)
        && (w.contains('-') && w.chars().any(char::is_alphabetic)
            || ENDINGS.iter().any(|e| w.ends_with(e)))
}

fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "’s" | "'" | "’")
}

/// A word that may stand inside a description after its determiner
/// ("the Lake Berryessa concessions manager", "Apple's chief executive"):
/// a capitalised word, a possessive, a role word or noun, an adjective, or
/// a lowercase content word (not a function word, not a verb of speech).
fn is_modifier(w: &str, lt: LangTitles) -> bool {
    let first = w.chars().next();
    first.is_some_and(char::is_uppercase)
        || is_possessive(w)
        || is_role_word(w, lt)
        || is_head(w)
        || is_adjectival(w)
        || first.is_some_and(char::is_lowercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !with_lowercase(w, |l| {
                FUNCTION_WORDS.contains(&l) || ROLE_JOINERS.contains(&l) || l.ends_with("ed")
            })
}

/// The description starting at token `b` ("a student at Northern Kentucky
/// University", "the company's founder"), if a role noun heads it: its
/// range without the determiner, ending at a stop or, when what follows the
/// head is not a clean prepositional phrase, right after the head.
fn description_at(
    text: &str,
    toks: &[tokens::Tok],
    b: usize,
    end: usize,
    people: &[std::ops::Range<usize>],
    lt: LangTitles,
) -> Option<std::ops::Range<usize>> {
    let s = |i: usize| &text[toks[i].start..toks[i].end];
    let in_person = |i: usize| people.iter().any(|p| p.contains(&i));
    let mut b = b;
    if b < end && with_lowercase(s(b), |l| DETERMINERS.contains(&l)) {
        b += 1;
    }
    let mut head = None;
    let mut i = b;
    while i < end && i < b + 6 && !in_person(i) && is_modifier(s(i), lt) {
        if is_possessive(s(i)) {
            // "the Prime Minister's national security adviser": the
            // possessor's noun heads nothing.
            head = None;
        } else if is_head(s(i)) {
            head = Some(i);
        } else if head.is_some() && s(i).chars().next().is_some_and(char::is_lowercase) {
            // "a student works": a lowercase word after the head ends it.
            break;
        }
        i += 1;
    }
    let h = head?;
    // A prepositional phrase after the head ("at Northern Kentucky
    // University") is kept when it runs cleanly to a stop.
    let mut e = h + 1;
    while e < end && e < h + 10 && !in_person(e) {
        let w = s(e);
        if matches!(w, "," | "." | ";" | ":" | ")" | "\"" | "”" | "(") {
            break;
        }
        // "a partner at Rhodium and author of the report": a second
        // description after "and" ends the first one's phrase.
        if w == "and" && e + 1 < end && opens_description(s(e + 1)) {
            break;
        }
        let ok = w.chars().next().is_some_and(char::is_uppercase)
            || is_possessive(w)
            || is_head(w)
            || is_role_word(w, lt)
            || with_lowercase(w, |l| ROLE_JOINERS.contains(&l));
        if !ok {
            return Some(b..h + 1);
        }
        e += 1;
    }
    if e < end && !matches!(s(e), "," | "." | ";" | ":" | ")" | "\"" | "”" | "(" | "and") {
        return Some(b..h + 1);
    }
    Some(b..e)
}

/// Whether `w` may open a second description after "and": a determiner
/// ("and a co-founder of …") or a role noun ("and author of …").
fn opens_description(w: &str) -> bool {
    with_lowercase(w, |l| DETERMINERS.contains(&l)) || is_head(w)
}

/// The head of an apposition whose noun no list has (", a neonatologist at
/// Al-Shifa Hospital,"; ", a former government typist who …"): after its
/// determiner, the last of up to four lower-case words, when a
/// preposition, "who" or a stop follows. Nouns that say only that the
/// person is one are no role.
fn open_head(text: &str, toks: &[tokens::Tok], b: usize, end: usize) -> Option<usize> {
    const GENERIC: &[&str] = &[
        "man", "woman", "boy", "girl", "person", "people", "one", "time", "year", "lot", "bit",
        "way", "thing", "number", "couple", "few",
    ];
    let s = |i: usize| &text[toks[i].start..toks[i].end];
    let lower = |i: usize| {
        s(i).chars().next().is_some_and(char::is_lowercase)
            && s(i).chars().all(|c| c.is_alphabetic() || c == '-')
            && !with_lowercase(s(i), |l| {
                FUNCTION_WORDS.contains(&l)
                    || l.ends_with("ed")
                    || l.ends_with("ing")
                    || l.ends_with("ly")
            })
    };
    let mut i = b;
    while i < end && i < b + 4 && lower(i) {
        i += 1;
    }
    let after = if i < end { s(i) } else { "" };
    let follows = matches!(
        after,
        "," | "." | ";" | ")" | "who" | "at" | "of" | "for" | "with" | "in" | "from"
    );
    // A noun of someone who does something: "-er", "-or", "-ist", "-ian",
    // "-ant", "-ent" ("stream-of-consciousness poetry" is none).
    let agent = |w: &str| {
        with_lowercase(w, |l| {
            l.len() > 4
                && ["er", "or", "ist", "ian", "ant", "ent"]
                    .iter()
                    .any(|e| l.ends_with(e))
                && !GENERIC.contains(&l)
        })
    };
    (i > b && follows && agent(s(i - 1))).then(|| i - 1)
}

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
        let initial = a - 1 == sent.start
            && !is_role_word(w, lt)
            && !is_head(w)
            && !w.chars().all(|c| !c.is_lowercase());
        // English descriptions: a role noun ("developer Ammar Askar"), and
        // an adjective before one ("political scientist Boris Shor").
        let english = lt.is_none()
            && (is_head(w)
                || is_adjectival(w) && a < name.start && (is_head(s(a)) || is_adjectival(s(a))));
        if (is_role_word(w, lt) || english || cap || joiner || w == "'s" || w == "’s") && !initial
        {
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
    english_descriptions(text, toks, sent, &name, a, people, &mut out);
    // "cabinet ministers Jonathan Moyo and Saviour Kasukuwere": a plural
    // title before the first name is the second's too.
    if a == name.start && a > sent.start + 1 && s(a - 1) == "and" {
        if let Some(prev) = people
            .iter()
            .find(|p| p.end == a - 1 && p.start > sent.start)
        {
            // The word before the first name, past honorifics ("former
            // Ministers Sir Nicholas Soames and Theresa Villiers").
            let mut t = prev.start;
            while t > sent.start + 1 && with_lowercase(s(t - 1), |l| titles::HONORIFIC.has(l)) {
                t -= 1;
            }
            let plural = t > sent.start
                && with_lowercase(s(t - 1), |l| {
                    !ROLE_NOUNS.has(l) && l.strip_suffix('s').is_some_and(|one| ROLE_NOUNS.has(one))
                });
            if plural {
                for r in roles_of(text, toks, sent, prev.clone(), people, lt) {
                    if !out.contains(&r) {
                        out.push(r);
                    }
                }
            }
        }
    }
    out
}

/// English descriptions around a name (`a` is where its title words
/// start): an apposition after it (", a student at …,"; ", who is the …"),
/// and a description ending in a comma right before it ("Apple's chief
/// executive, Tim Cook").
fn english_descriptions(
    text: &str,
    toks: &[tokens::Tok],
    sent: &std::ops::Range<usize>,
    name: &std::ops::Range<usize>,
    a: usize,
    people: &[std::ops::Range<usize>],
    out: &mut Vec<String>,
) {
    let s = |i: usize| &text[toks[i].start..toks[i].end];
    let stop = |w: &str| matches!(w, "," | ";" | ":" | "(" | "\"" | "“" | "”");
    // After: "X, a student at …", "X, who is the …", "X who was the …".
    let mut b = name.end;
    if b < sent.end && s(b) == "," {
        b += 1;
        // "Katie Allen, MD, PhD, the director of …"
        while b + 1 < sent.end
            && with_lowercase(s(b), |l| POST_NOMINALS.contains(&l))
            && matches!(s(b + 1), "," | ".")
        {
            b += 2;
        }
    }
    if b + 1 < sent.end && s(b) == "who" && matches!(s(b + 1), "is" | "was" | "'s" | "’s") {
        b += 2;
    } else if b == name.end
        && b + 1 < sent.end
        && matches!(s(b), "is" | "was" | "became" | "remains")
        && with_lowercase(s(b + 1), |l| DETERMINERS.contains(&l))
    {
        // "Sharon is the CEO of Hotelied": a role as the predicate, with
        // its determiner ("is a good man" has no role noun).
        b += 1;
    }
    if b > name.end && b < sent.end {
        let apposition = s(name.end) == "," && with_lowercase(s(b), |l| DETERMINERS.contains(&l));
        let mut at = b;
        // "X, a partner at Rhodium and author of the report": each
        // description joined by "and".
        for _ in 0..2 {
            let next = if let Some(r) = description_at(text, toks, at, sent.end, people, None) {
                let next = r.end;
                push_roles(text, toks, r, None, out);
                next
            } else if let Some((first, h)) = apposition
                .then(|| {
                    let first =
                        at + usize::from(with_lowercase(s(at), |l| DETERMINERS.contains(&l)));
                    open_head(text, toks, first, sent.end).map(|h| (first, h))
                })
                .flatten()
            {
                // No listed role noun to check against: the words as written.
                let role = text[toks[first].start..toks[h].end].to_string();
                if !out.contains(&role) {
                    out.push(role);
                }
                h + 1
            } else {
                break;
            };
            if next + 1 >= sent.end || s(next) != "and" || !opens_description(s(next + 1)) {
                break;
            }
            at = next + 1;
        }
    }
    // Before: "Apple's chief executive, Tim Cook", from the clause start.
    if a == name.start && a > sent.start + 1 && s(a - 1) == "," {
        let end = a - 1;
        // From the clause start, or from a determiner or a word after a
        // function word ("against Sudan's president, Omar al-Bashir"; "stick
        // with Yahoo's chief executive, Marissa Mayer"): the longest.
        // (Not after a verb without a possessive: "who have endorsed a
        // candidate, Amy Klobuchar (17) leads".)
        let possessive = (end.saturating_sub(8).max(sent.start)..end)
            .any(|k| is_possessive(s(k)) || s(k).ends_with("'s") || s(k).ends_with("’s"));
        let opens = |c: usize| {
            c == sent.start
                || stop(s(c - 1))
                || with_lowercase(s(c), |l| DETERMINERS.contains(&l)) && possessive
                || with_lowercase(s(c - 1), |l| {
                    matches!(
                        l,
                        "with" | "against" | "as" | "to" | "for" | "of" | "by" | "from" | "like"
                    )
                })
        };
        let lo = end.saturating_sub(8).max(sent.start);
        let found = (lo..end).filter(|&c| opens(c)).find_map(|c| {
            description_at(text, toks, c, end, people, None).filter(|r| r.end == end)
        });
        if let Some(r) = found {
            push_roles(text, toks, r, None, out);
        }
    }
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
        } else if is_possessive(w) {
            // "Apple's chief executive": the possessive stays on its word.
            if let Some(last) = parts.last_mut().and_then(|p| p.pop()) {
                // `last` is a slice of `text`: its offset is exact.
                let start = last.as_ptr() as usize - text.as_ptr() as usize;
                parts.last_mut().unwrap().push(&text[start..t.end]);
            }
        } else {
            parts.last_mut().unwrap().push(w);
        }
    }
    for p in parts {
        // Trim joiners at either end ("the nation 's King" keeps "King").
        let mut p: Vec<&str> = p;
        while p.first().is_some_and(|w| {
            with_lowercase(w, |l| ROLE_JOINERS.contains(&l) || DETERMINERS.contains(&l))
                || w.trim_end_matches(['\'', '’', 's'])
                    .eq_ignore_ascii_case("nation")
        }) {
            p.remove(0);
        }
        // Joiners and honorifics at the end ("the Scottish chemist Sir
        // William Ramsay": the role is "Scottish chemist").
        while p.last().is_some_and(|w| {
            with_lowercase(w, |l| {
                ROLE_JOINERS.contains(&l) || titles::HONORIFIC.has(l) || DETERMINERS.contains(&l)
            })
        }) {
            p.pop();
        }
        if p.is_empty() || !p.iter().any(|w| is_role_word(w, lt) || is_head(w)) {
            continue;
        }
        // Honorifics are not roles.
        if p.len() == 1 && titles::HONORIFIC.has(p[0].to_lowercase().as_str()) {
            continue;
        }
        let mut role = p.join(" ");
        // A plural title names one of several ("co-founders Tom Igoe and
        // Gianluca Martino"): each is a co-founder.
        let last = p[p.len() - 1];
        // Not inside a name of its own ("Council of Economic Advisers") nor
        // after a count ("the group's two leaders").
        let counted = p.iter().any(|w| {
            w.chars().any(|c| c.is_ascii_digit())
                || with_lowercase(w, |l| {
                    ROLE_JOINERS.contains(&l)
                        || matches!(
                            l,
                            "two" | "three" | "four" | "five" | "both" | "few" | "many"
                        )
                })
        });
        let plural = !counted
            && with_lowercase(last, |l| {
                !ROLE_NOUNS.has(l) && l.strip_suffix('s').is_some_and(|one| ROLE_NOUNS.has(one))
            });
        if plural {
            role.pop();
        }
        if !out.contains(&role) {
            out.push(role);
        }
    }
}
