//! Who owns a number (SPEC.md "Owner"): the entity the sentence makes the
//! possessor, subject or agent of it, read from the words around the number
//! and the entity mentions of its sentence.

use crate::doc::{MentionRef, Sentence};
use crate::lexicon::Words;
use crate::text::lowercased;

/// Who a pronoun may stand for in a sentence: the latest person and
/// organisation mentioned in it before the pronoun, else in the two
/// sentences before ("Hicks … she plans to give 15 percent"; "LVMH … it put
/// up 43 million euros").
#[derive(Clone, Debug, Default)]
pub struct Antecedents {
    /// The latest person of the two sentences before.
    pub person: Option<usize>,
    /// The latest organisation of the two sentences before.
    pub org: Option<usize>,
    /// People of this sentence: (entity, token where the mention ends).
    pub sent_people: Vec<(usize, usize)>,
    /// Organisations of this sentence, the same way.
    pub sent_orgs: Vec<(usize, usize)>,
}

/// Words that say a number belongs to the subject before it.
static HAVE_VERBS: Words = Words::new(include_str!("../../../lexicon/facts/have-verbs.txt"));

/// Nouns that after "the" stand for the organisation last named ("the company").
static ORG_DESCRIPTIONS: Words =
    Words::new(include_str!("../../../lexicon/facts/org-descriptions.txt"));

/// Nouns that measure what their possessor has ("approval rating",
/// "revenue", "reserves").
static MEASURE_NOUNS: Words = Words::new(include_str!("../../../lexicon/facts/measure-nouns.txt"));

/// Verbs of change and being, and prepositions, between a measure and its
/// number ("rose to", "stood at").
static CHANGE_VERBS: Words = Words::new(include_str!("../../../lexicon/facts/change-verbs.txt"));

/// Prepositions: a name right after one is no subject ("House prices in
/// London rose 4 percent").
const PREPOSITIONS: &[&str] = &[
    "of", "in", "at", "on", "for", "from", "to", "with", "by", "into", "over", "under", "about",
    "against", "between", "among", "than", "like", "near", "across", "via",
];

/// Words that end the clause a number's owner must be in.
fn breaks_clause(x: &str) -> bool {
    matches!(
        x,
        "," | ";" | "said" | "says" | "told" | "and" | "but" | "while" | "which" | "who" | "that"
    )
}

/// The mention nearest before token `at` in the sentence `s`.
fn last_before<'a>(s: &Sentence, mentions: &[&'a MentionRef], at: usize) -> Option<&'a MentionRef> {
    mentions
        .iter()
        .copied()
        .filter(|m| m.tok.end <= at && m.tok.start >= s.range.start)
        .max_by_key(|m| m.tok.end)
}

/// The entity a number belongs to: the nearest mention before it in the
/// same clause that is the subject of a verb of having/winning ("the CPP
/// won 68"), or a possessive right before it ("the CPP's 68 seats").
pub(super) fn owner(s: &Sentence, mentions: &[&MentionRef], at: usize) -> Option<usize> {
    let w = |k: usize| lowercased(s.word(k));
    let m = last_before(s, mentions, at)?;
    let between: Vec<std::borrow::Cow<str>> = (m.tok.end..at).map(w).collect();
    if between.iter().any(|x| breaks_clause(x)) {
        // (The name before the clause, not one inside it: "The Louvre, which
        // will display the Chardin …, is seeking …".)
        return mentions
            .iter()
            .filter(|m| m.tok.end <= at && m.tok.start >= s.range.start)
            .find(|m| relative_clause_owner(s, m.tok.clone(), at))
            .map(|m| m.entity);
    }
    let possessive = between.first().is_some_and(|x| x == "'s" || x == "’s")
        && (between.len() <= 3 || is_measure_phrase(&between[1..]));
    // "Margaritaville Hotels and Resorts has properties all over the country
    // including four in California".
    let has = between.iter().any(|x| HAVE_VERBS.contains(&x.as_ref())) && between.len() <= 7;
    // "Amy Klobuchar (17)": a count in brackets right after a name.
    let bracketed = between.len() == 1 && between[0] == "(";
    if possessive || has || bracketed || is_subject_of_verb(s, m.tok.clone(), &between) {
        return Some(m.entity);
    }
    subject_over_object(s, mentions, m, &between)
}

/// Whether the words after a possessive, up to the number, name a measure
/// of the possessor and lead to its figure: "('s) approval rating at",
/// "(its) operating reserves stood at", "('s) revenue rose". A noun that is
/// no measure keeps the number to itself ("his car at 82 miles per hour").
fn is_measure_phrase(words: &[std::borrow::Cow<str>]) -> bool {
    let Some(noun) = words
        .iter()
        .position(|x| MEASURE_NOUNS.contains(&x.as_ref()))
    else {
        return false;
    };
    // Up to two modifiers before the measure ("operating", "net"), up to
    // three verbs or prepositions after it.
    noun <= 2
        && words.len() - noun <= 4
        && words[..noun]
            .iter()
            .all(|x| x.chars().all(|c| c.is_alphabetic() || c == '-') && !breaks_clause(x))
        && words[noun + 1..]
            .iter()
            .all(|x| CHANGE_VERBS.contains(&x.as_ref()) || MEASURE_NOUNS.contains(&x.as_ref()))
}

/// The nearest name is the object of the verb, and the subject before it
/// owns the number: two-object verbs ("SoftBank gave WeWork $6.5 billion",
/// "LVMH Gives the Louvre a $16M Boost"), margins ("Velázquez trailed her
/// challenger Kristy Marmorato by more than 700 votes") and prices
/// ("Amazon bought Whole Foods in August 2017 for $13.7 billion").
fn subject_over_object(
    s: &Sentence,
    mentions: &[&MentionRef],
    object: &MentionRef,
    between: &[std::borrow::Cow<str>],
) -> Option<usize> {
    let w = |k: usize| lowercased(s.word(k));
    let margin = between.len() == 1 && between[0] == "by";
    let article = matches!(between, [] | [_]) && between.iter().all(|x| x == "a" || x == "an");
    // "for" after the object, past a time or place ("in August 2017"): the
    // price of what the subject bought or sold.
    let price = between.last().is_some_and(|x| x == "for")
        && between.len() <= 5
        && !between.iter().any(|x| breaks_clause(x));
    if !(article || margin || price) || object.tok.start <= s.range.start {
        return None;
    }
    // The subject: a name in the same clause before the object, then a verb
    // phrase of up to five words that leads to the object.
    let subject = mentions
        .iter()
        .filter(|m| m.tok.end < object.tok.start && m.tok.start >= s.range.start)
        .max_by_key(|m| m.tok.end)?;
    let mut phrase: Vec<std::borrow::Cow<str>> =
        (subject.tok.end..object.tok.start).map(w).collect();
    if phrase.len() == 2 && phrase[1] == "the" {
        phrase.pop();
    }
    let verb = phrase.first()?;
    let one_verb = phrase.len() == 1 && !PREPOSITIONS.contains(&verb.as_ref());
    let two_object = article && one_verb && TWO_OBJECT_VERBS.contains(&verb.as_ref());
    let priced = price && one_verb && TRADE_VERBS.contains(&verb.as_ref());
    let margined = margin
        && phrase.len() <= 5
        && !phrase.iter().any(|x| breaks_clause(x))
        && is_subject_of_verb(s, subject.tok.clone(), &phrase);
    (two_object || priced || margined).then_some(subject.entity)
}

/// Verbs with two objects, whose subject gives what the number counts.
const TWO_OBJECT_VERBS: &[&str] = &[
    "gave", "gives", "give", "paid", "pays", "pay", "offered", "offers", "awarded", "lent", "owes",
    "owed", "sent", "handed", "granted", "promised", "charged", "fined", "sold", "sells",
];

/// Verbs of buying and selling: "X bought Y for $N" is X's price.
const TRADE_VERBS: &[&str] = &[
    "bought",
    "buys",
    "acquired",
    "acquires",
    "sold",
    "sells",
    "purchased",
    "purchases",
];

/// Money "from" someone is theirs to give, money "by" someone is what they
/// spend ("15 million euros ($16 million) from LVMH", "a $5 million grant
/// from the Gates Foundation", "a $95 million investment by the
/// Margaritaville group"): the name right after "from" or "by" (past a
/// bracketed conversion, up to two words of what the money is, and "the").
pub(super) fn giver_after(
    s: &Sentence,
    mentions: &[&MentionRef],
    end: usize,
    money: bool,
) -> Option<usize> {
    let w = |k: usize| {
        if k < s.range.end {
            lowercased(s.word(k))
        } else {
            "".into()
        }
    };
    if !money {
        return None;
    }
    let mut k = end;
    if w(k) == "(" {
        k = (k + 1..(k + 8).min(s.range.end)).find(|&j| w(j) == ")")? + 1;
    }
    // "grant", "cash injection": lower-case words, no preposition.
    let lower_noun = |j: usize| {
        j < s.range.end
            && s.word(j).chars().all(char::is_lowercase)
            && !PREPOSITIONS.contains(&w(j).as_ref())
            && !breaks_clause(&w(j))
    };
    for _ in 0..2 {
        if lower_noun(k) {
            k += 1;
        }
    }
    if !matches!(w(k).as_ref(), "from" | "by") {
        return None;
    }
    k += 1;
    if w(k) == "the" {
        k += 1;
    }
    mentions.iter().find(|m| m.tok.start == k).map(|m| m.entity)
}

/// "The Louvre, which will display the Chardin …, is seeking 1.3 million
/// euros" / "the company, which is entitled to up to a 90 percent tax
/// break": the owner before a relative clause, when the verb phrase after
/// the clause, or the clause itself, leads to the number.
fn relative_clause_owner(s: &Sentence, m: std::ops::Range<usize>, at: usize) -> bool {
    let w = |k: usize| lowercased(s.word(k));
    if m.end + 2 >= at || w(m.end) != "," {
        return false;
    }
    let relative = matches!(w(m.end + 1).as_ref(), "which" | "who");
    // Other asides a comma pair encloses between a subject and its verb: an
    // age ("Nadia Mohamed, 27, won with 58%"), a description ("Smith, the
    // former chief executive, sold 5,000 shares"), a place clause ("China,
    // where the virus emerged, has nearly 83,000 cases").
    let aside = || {
        let x = w(m.end + 1);
        let age = x.chars().all(|c| c.is_ascii_digit()) && w(m.end + 2) == ",";
        let prep = m.start > s.range.start
            && matches!(
                w(m.start - 1).as_ref(),
                "in" | "at" | "of" | "from" | "to" | "for" | "by" | "with"
            );
        !prep && (age || matches!(x.as_ref(), "where" | "whose" | "a" | "an" | "the"))
    };
    if !relative && !aside() {
        return false;
    }
    // The verb phrase: after the clause's closing comma, else the clause's own.
    let close = (m.end + 2..at).find(|&k| w(k) == ",");
    if !relative && close.is_none() {
        return false;
    }
    let (clause_len, phrase) = match close {
        Some(c) => (c - m.end, c + 1..at),
        None => (0, m.end + 2..at),
    };
    let between: Vec<std::borrow::Cow<str>> = phrase.clone().map(w).collect();
    clause_len <= 16
        && !between.is_empty()
        && !between.iter().any(|x| breaks_clause(x))
        && is_subject_of_verb(s, phrase.start - 1..phrase.start, &between)
}

/// Apposition owners the clause breakers of [`owner`] would stop: "the
/// Blue Dogs, with 25 members", "the coalition, which has 102 members".
pub(super) fn apposition_owner(s: &Sentence, mentions: &[&MentionRef], at: usize) -> Option<usize> {
    let w = |k: usize| lowercased(s.word(k));
    let m = last_before(s, mentions, at)?;
    let between: Vec<std::borrow::Cow<str>> = (m.tok.end..at).map(w).collect();
    let ok = match between.iter().map(|x| x.as_ref()).collect::<Vec<_>>()[..] {
        [",", "with"] => true,
        [",", "which" | "who", v] => HAVE_VERBS.contains(&v),
        // "Tunisia, a mostly Muslim nation of about 11 million people".
        [",", "a" | "an", ref rest @ .., "of" | "with"] => {
            (1..=4).contains(&rest.len())
                && rest.iter().all(|x| {
                    x.chars().all(char::is_alphabetic)
                        && !breaks_clause(x)
                        && !PREPOSITIONS.contains(x)
                })
        }
        _ => false,
    };
    ok.then_some(m.entity)
}

/// The owner through a pronoun before the number in its clause: a
/// possessive right before it ("its 25 locations", "her 15 percent"), or
/// the subject of the verb phrase leading to it ("she plans to give 15
/// percent", "it put up 43 million euros"); "he", "she", "his", "her" stand
/// for the latest person, "it" and "its" for the latest organisation
/// ([`Antecedents`]). Plural pronouns own nothing (SPEC.md: no plural
/// owners).
pub(super) fn pronoun_owner(s: &Sentence, ante: &Antecedents, at: usize) -> Option<usize> {
    let w = |k: usize| lowercased(s.word(k));
    let lo = at.saturating_sub(8).max(s.range.start);
    // "the company" is "it", "the company's" is "its".
    let description = |k: usize| {
        k > s.range.start && ORG_DESCRIPTIONS.contains(&w(k).as_ref()) && w(k - 1) == "the"
    };
    let p = (lo..at).rev().find(|&k| {
        matches!(w(k).as_ref(), "he" | "she" | "his" | "her" | "it" | "its")
            || description(k)
            || matches!(w(k).as_ref(), "'s" | "’s") && k > lo && description(k - 1)
    })?;
    let pron: std::borrow::Cow<str> = match w(p).as_ref() {
        "'s" | "’s" => "its".into(),
        _ if description(p) => "it".into(),
        x => x.to_string().into(),
    };
    let (own, prior) = match pron.as_ref() {
        "it" | "its" => (&ante.sent_orgs, ante.org),
        _ => (&ante.sent_people, ante.person),
    };
    // The sentence's own mention before the pronoun, else an earlier one.
    let entity = own
        .iter()
        .filter(|&&(_, end)| end <= p)
        .max_by_key(|&&(_, end)| end)
        .map(|&(e, _)| e)
        .or(prior)?;
    let between: Vec<std::borrow::Cow<str>> = (p + 1..at).map(w).collect();
    if between.iter().any(|x| breaks_clause(x)) {
        let it = pron == "it" && relative_clause_owner(s, p..p + 1, at);
        return it.then_some(entity);
    }
    // Right before the number, or through a measure ("its operating reserves
    // stood at 9.59 percent"): "his car at 82 miles per hour" is the car's.
    let possessive = matches!(pron.as_ref(), "its" | "his" | "her")
        && (between.is_empty() || is_measure_phrase(&between));
    // "it is 5 percent", "it's estimated": "it" before "be" is no one.
    let expletive = w(p) == "it"
        && between
            .first()
            .is_some_and(|x| matches!(x.as_ref(), "is" | "was" | "'s" | "’s" | "will" | "would"));
    let subject = matches!(pron.as_ref(), "he" | "she" | "it")
        && !expletive
        && is_subject_of_verb(s, p..p + 1, &between);
    (possessive || subject).then_some(entity)
}

/// Whether mention `m` is the subject of the clause whose verb phrase
/// (`between`, the words up to the number) leads to the number: "SoftBank
/// agreed to invest $6.5 billion", "Tsai won 8.17 million votes", "Hartley
/// was jailed for three years". The mention is not the object of a
/// preposition ("in Sydney") and the first word after it is a verb, not a
/// preposition, article or another clause.
fn is_subject_of_verb(
    s: &Sentence,
    m: std::ops::Range<usize>,
    between: &[std::borrow::Cow<str>],
) -> bool {
    const NOT_VERB: &[&str] = &[
        "of",
        "in",
        "at",
        "on",
        "for",
        "from",
        "to",
        "with",
        "by",
        "as",
        "the",
        "a",
        "an",
        "'s",
        "’s",
        "(",
        ")",
        "-",
        "–",
        "—",
        ":",
        ".",
        "\"",
        "“",
        "”",
        "or",
        "nor",
        "if",
        "when",
        "after",
        "before",
        "because",
        "since",
        "than",
        "about",
        "over",
        "under",
        "into",
        "per",
        "according",
        "where",
        "whose",
        "whom",
        "there",
    ];
    let Some(first) = between.first() else {
        return false;
    };
    let starts_lower = s.word(m.end).chars().next().is_some_and(char::is_lowercase);
    let prev = (m.start > s.range.start).then(|| lowercased(s.word(m.start - 1)));
    between.len() <= 6
        && starts_lower
        // "it looks like there will be 3 main categories": no one's.
        && !between.iter().any(|x| x == "there")
        && !NOT_VERB.contains(&first.as_ref())
        && !prev.is_some_and(|p| PREPOSITIONS.contains(&p.as_ref()))
}

/// The name a hyphenated count describes, right after it: "the 51-member
/// Congressional Black Caucus", "the 300-seat parliament of X" is not one
/// (no name right after).
pub(super) fn described_after(
    s: &Sentence,
    mentions: &[&MentionRef],
    num: std::ops::Range<usize>,
) -> Option<usize> {
    let tok = s.word(num.start);
    let hyphenated = num.len() == 1
        && tok.contains('-')
        && tok.starts_with(|c: char| c.is_ascii_digit())
        && tok.ends_with(char::is_alphabetic)
        // A duration or an age describes a thing, not its size ("the
        // 10-year Treasury note", "52-year-old Grace").
        && !["year", "month", "week", "day", "hour", "minute", "old", "time"]
            .iter()
            .any(|u| tok.to_lowercase().contains(u))
        && !s.word(num.end).eq_ignore_ascii_case("-");
    hyphenated
        .then(|| mentions.iter().find(|m| m.tok.start == num.end))
        .flatten()
        .map(|m| m.entity)
}

/// The subject after a fronted phrase that holds the number: "In six months,
/// Smith completed the work", "With 58% of the vote, Mohamed won". The
/// sentence opens with a preposition, the phrase ends at the first comma
/// after the number, and a name right after that comma is the subject of a
/// verb.
pub(super) fn fronted_owner(
    s: &Sentence,
    mentions: &[&MentionRef],
    at: usize,
    end: usize,
) -> Option<usize> {
    let w = |k: usize| lowercased(s.word(k));
    let first = s.range.start;
    let opens = matches!(
        w(first).as_ref(),
        "in" | "within" | "after" | "over" | "for" | "with" | "at" | "by"
    );
    if !opens || (first..at).any(|k| w(k) == ",") {
        return None;
    }
    let comma = (end..(end + 6).min(s.range.end)).find(|&k| w(k) == ",")?;
    if (end..comma).any(|k| breaks_clause(&w(k)) || mentions.iter().any(|m| m.tok.start == k)) {
        return None;
    }
    let m = mentions.iter().find(|m| m.tok.start == comma + 1)?;
    let verb: Vec<std::borrow::Cow<str>> = (m.tok.end..(m.tok.end + 1).min(s.range.end))
        .map(w)
        .collect();
    (!verb.is_empty() && is_subject_of_verb(s, m.tok.clone(), &verb)).then_some(m.entity)
}

/// A share of something a name has: "70 percent of the services of the
/// Indonesian Hospital", "2 percent of total US electricity usage". The
/// name stands in the "of" phrase right after a percentage or fraction,
/// past up to four words and no other preposition.
pub(super) fn share_of_owner(
    s: &Sentence,
    mentions: &[&MentionRef],
    end: usize,
    share: bool,
) -> Option<usize> {
    let w = |k: usize| lowercased(s.word(k));
    if !share || end >= s.range.end || w(end) != "of" {
        return None;
    }
    for k in end + 1..(end + 7).min(s.range.end) {
        if let Some(m) = mentions.iter().find(|m| m.tok.start == k) {
            return Some(m.entity);
        }
        let x = w(k);
        let word = s.word(k).chars().all(|c| c.is_alphabetic() || c == '-');
        if !word || breaks_clause(&x) || (x != "of" && PREPOSITIONS.contains(&x.as_ref())) {
            return None;
        }
    }
    None
}
