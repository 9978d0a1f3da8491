//! Numbers with what they count.
//!
//! A quantity is a number (digits — `68`, `1,200`, `3.5`, `2.5bn` — or
//! words — `three`, `twenty-five`, `a dozen`, `two-thirds`, `half`), with a
//! multiplier (`1.2 million`), a currency (`$4 million`, `€3bn`), a percent
//! sign, a range (`between 10 and 20`, `10-20`), an approximation (`nearly
//! 500`, `more than 2,000`) or a ratio (`68 out of the 123 seats`), and the
//! noun phrase after it that says what it counts (`parliamentary seats`).
//! The entity it belongs to is the one the sentence gives it: the subject
//! of a verb of having or winning before it ("the ruling CPP won 68 …"), or
//! a possessive ("CPP's 68 seats").
//!
//! Not quantities: years, ordinals, times of day, phone numbers, numbers
//! inside names (`G7`, `COVID-19`), numbers inside dates, and page
//! furniture (`1 of 3`).

mod numbers;

use numbers::{currency, glued_unit, is_time_or_phone, multiplier, number_at, parse_digits, Num};

use crate::doc::{MentionRef, Sentence};
use crate::lexicon::Words;
use crate::text::lowercased;

/// A quantity found in a sentence.
#[derive(Clone, Debug)]
pub struct Found {
    /// Token range (absolute indices into the unit's tokens).
    pub tok: std::ops::Range<usize>,
    /// The number.
    pub value: f64,
    /// The whole it is part of.
    pub of: Option<f64>,
    /// Upper end of a range.
    pub range_to: Option<f64>,
    /// Unit or what it counts.
    pub unit: String,
    /// An approximation.
    pub approx: bool,
    /// Owning entity.
    pub entity: Option<usize>,
}

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

static APPROX: Words = Words::new(include_str!("../../../lexicon/facts/approx-words.txt"));
static APPROX_TWO: Words = Words::new(include_str!("../../../lexicon/facts/approx-two-words.txt"));

/// Function words: what a number counts never starts with one of these.
static STOP: Words = Words::new(include_str!(
    "../../../lexicon/facts/quantity-stop-words.txt"
));

/// Words that say a number belongs to the subject before it.
static HAVE_VERBS: Words = Words::new(include_str!("../../../lexicon/facts/have-verbs.txt"));

/// Nouns that after "the" stand for the organisation last named ("the company").
static ORG_DESCRIPTIONS: Words =
    Words::new(include_str!("../../../lexicon/facts/org-descriptions.txt"));

/// Words that end the clause a number's owner must be in.
fn breaks_clause(x: &str) -> bool {
    matches!(
        x,
        "," | ";" | "said" | "says" | "told" | "and" | "but" | "while" | "which" | "who" | "that"
    )
}

/// Finds the quantities of one sentence. `dates` are token ranges already
/// taken by dates; `mentions` the entity mentions of the sentence.
pub fn find(
    s: &Sentence,
    dates: &[std::ops::Range<usize>],
    mentions: &[&MentionRef],
    ante: &Antecedents,
) -> Vec<Found> {
    let mut out = Vec::new();
    let end = s.range.end;
    let w = |k: usize| if k < end { s.word(k) } else { "" };
    let lw = |k: usize| lowercased(w(k));
    let in_date = |k: usize| dates.iter().any(|r| r.contains(&k));
    // Page furniture: a "sentence" of a few tokens ("1 of 3", "Share 12").
    if s.range.len() < 6 {
        return out;
    }
    let mut i = s.range.start;
    while i < end {
        if in_date(i) {
            i += 1;
            continue;
        }
        // Currency before the number: "$4 million", "US$ 5", "€3bn".
        let mut start = i;
        let mut cur = currency(w(i))
            .filter(|_| w(i).chars().count() <= 3 && !w(i).chars().all(char::is_alphabetic));
        if cur.is_some() {
            start = i;
            i += 1;
        } else if w(i) == "US" && w(i + 1) == "$" {
            cur = Some("USD");
            i += 2;
        }
        let Some(num) = number_at(s, i) else {
            i = start.max(i) + 1;
            continue;
        };
        let mut e = num.end;
        let Some(glued) = glued_if_quantity(s, i, e, &num, cur) else {
            i = e.max(i + 1);
            continue;
        };
        // A word number must count something; "one of", "no one" do not.
        let mut value = glued.as_ref().map_or(num.value, |g| g.0);
        let mut unit: String = glued
            .map(|g| g.1)
            .or_else(|| num.glued_unit.clone())
            .unwrap_or_else(|| cur.or(num.unit).unwrap_or("").to_string());
        // "per 100,000 people" is the base of a rate, not a count.
        if i > s.range.start && matches!(lw(i - 1).as_ref(), "per" | "pro" | "par") {
            i = e.max(i + 1);
            continue;
        }
        // "one" is rarely a fact ("one of", "One group said").
        if num.word && value == 1.0 && num.glued_unit.is_none() && num.end == i + 1 {
            i = e.max(i + 1);
            continue;
        }
        let (range_to, between) = range_after(s, i, num.word, &mut value, &mut unit, &mut e);
        let (of, mut e) = whole_after(s, num.word, value, e);
        // Currency after the number as a word: "4 million dollars"
        if unit.is_empty() {
            if let Some(c) = currency(w(e)) {
                unit = c.to_string();
                e += 1;
            } else if let Some(c) = currency_after_de(w(e), w(e + 1)) {
                // "1.234,5 millones de euros", "2 miliardi di euro", "3 mld d'euros".
                unit = c.0.to_string();
                e += c.1;
            }
        }
        // What it counts: up to three content words after the number
        // ("parliamentary seats"); after a fraction or percentage, the "of" phrase.
        let (counted, k) = counted_words(s, e, value, &unit, in_date);
        if num.word
            && counted.is_empty()
            && unit.is_empty()
            && num.glued_unit.is_none()
            && value >= 1.0
        {
            i = e.max(i + 1);
            continue;
        }
        // "45-year-old": a hyphenated age glued into one token
        if unit.is_empty() {
            unit = counted.join(" ").to_lowercase();
        } else if unit == "%" && !counted.is_empty() && (lw(e) == "of") {
            // keep "%": the share is of the counted thing
        }
        let end_tok =
            if unit.is_empty() || counted.is_empty() || cur.is_some() || num.unit.is_some() {
                e
            } else {
                k
            };
        // Approximations before the number.
        let (mut a, approx) = approx_before(s, start);
        if between && range_to.is_some() {
            a -= 1;
        }
        // The entity it belongs to.
        let entity = owner(s, mentions, a)
            .or_else(|| apposition_owner(s, mentions, a))
            .or_else(|| pronoun_owner(s, ante, a))
            .or_else(|| converted_owner(s, &out, a))
            .or_else(|| giver_after(s, mentions, end_tok.max(e), is_money(&unit)));
        out.push(Found {
            tok: a..end_tok.max(e),
            value,
            of,
            range_to,
            unit,
            approx,
            entity,
        });
        i = e.max(i + 1);
    }
    out
}

/// A currency after "de", "di" or "d'" ("millones de euros", "miliardi di
/// euro", "millions d'euros"): the currency and the tokens it takes.
fn currency_after_de(w: &str, next: &str) -> Option<(&'static str, usize)> {
    if let Some(rest) = w.strip_prefix("d'").or_else(|| w.strip_prefix("d’")) {
        return currency(rest).map(|c| (c, 1));
    }
    matches!(w, "de" | "di" | "d'" | "d’")
        .then(|| currency(next))
        .flatten()
        .map(|c| (c, 2))
}

/// A range from the number at `i`: "10-20" in one token, "10 to 20",
/// "between 10 and 20", "from 10 to 20". Sets the value (the lower end), a
/// unit the upper end carries, and the end; returns the upper end and
/// whether "between" or "from" opens the range.
fn range_after(
    s: &Sentence,
    i: usize,
    word: bool,
    value: &mut f64,
    unit: &mut String,
    e: &mut usize,
) -> (Option<f64>, bool) {
    let end = s.range.end;
    let w = |k: usize| if k < end { s.word(k) } else { "" };
    let lw = |k: usize| lowercased(w(k));
    let tok = w(i);
    let mut range_to = None;
    if let Some((a, b)) = tok.split_once(['-', '–']).filter(|_| !word) {
        if let (Some((x, _)), Some((y, _))) = (parse_digits(a, s.lang), parse_digits(b, s.lang)) {
            if y > x {
                *value = x;
                range_to = Some(y);
            }
        }
    }
    let between = i > s.range.start && matches!(lw(i - 1).as_ref(), "between" | "from");
    if matches!(lw(*e).as_ref(), "to" | "and" | "-" | "–") && (between || lw(*e) != "and") {
        if let Some(n2) =
            number_at(s, *e + 1).or_else(|| currency(w(*e + 1)).and_then(|_| number_at(s, *e + 2)))
        {
            if n2.value > *value {
                range_to = Some(n2.value);
                if unit.is_empty() {
                    *unit = n2.unit.unwrap_or("").to_string();
                }
                *e = n2.end;
            }
        }
    }
    (range_to, between)
}

/// The number at `i..e` (`cur` the currency before it) as the start of a
/// quantity, with the unit glued to it ("5km") if any; `None` when it is
/// not a quantity: part of a name, an ordinal, a year, a time, a phone
/// number.
fn glued_if_quantity(
    s: &Sentence,
    i: usize,
    e: usize,
    num: &Num,
    cur: Option<&'static str>,
) -> Option<Option<(f64, String)>> {
    let end = s.range.end;
    let w = |k: usize| if k < end { s.word(k) } else { "" };
    let tok = w(i);
    // Not a quantity: part of a name, an ordinal, a year, a time, a phone number.
    let glued_letters = tok.chars().any(char::is_alphabetic)
        && !num.word
        && multiplier(tok.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ','))
            .is_none();
    let year_like = !num.word
        && cur.is_none()
        && num.unit.is_none()
        && tok.len() == 4
        && (1800.0..=2100.0).contains(&num.value)
        && !tok.contains(',');
    let name_part = i > s.range.start
        && w(i - 1).chars().all(|c| c.is_uppercase())
        && w(i - 1).chars().count() <= 3
        && w(i - 1) != "US"
        && !num.word
        && cur.is_none()
        && num.unit.is_none()
        && w(i - 1).chars().any(char::is_alphabetic);
    let hyphen_name =
        i > s.range.start && w(i - 1) == "-" && i >= 2 && w(i - 2).chars().any(char::is_uppercase);
    // "Stage 3", "Proposition 4", "Route 9": a number that is part of a name.
    let after_name = i > s.range.start + 1
        && !num.word
        && cur.is_none()
        && num.unit.is_none()
        && w(i - 1).chars().next().is_some_and(char::is_uppercase)
        && w(i - 1).chars().all(char::is_alphabetic)
        && w(i - 1).chars().count() >= 2
        && !w(e).chars().next().is_some_and(char::is_lowercase);
    let glued = if glued_letters { glued_unit(tok) } else { None };
    let skip = (glued_letters && glued.is_none())
        || year_like
        || name_part
        || hyphen_name
        || after_name
        || is_time_or_phone(s, i, e);
    (!skip).then_some(glued)
}

/// The whole a number at `..e` is part of: "68 out of the 123", "192 of the
/// legislature's 300 seats", "10 (sur 288)", "one in five"; and the token
/// after it.
fn whole_after(s: &Sentence, word: bool, value: f64, e: usize) -> (Option<f64>, usize) {
    let end = s.range.end;
    let w = |k: usize| if k < end { s.word(k) } else { "" };
    let lw = |k: usize| lowercased(w(k));
    let (mut of, mut e) = (None, e);
    if lw(e) == "out" && lw(e + 1) == "of" {
        let mut k = e + 2;
        if lw(k) == "the" {
            k += 1;
        }
        if let Some(n2) = number_at(s, k) {
            of = Some(n2.value);
            e = n2.end;
        }
    } else if lw(e) == "of" && lw(e + 1) == "the" {
        // up to four words ("unicameral legislature 's") before the whole
        if let Some(k) = (e + 2..(e + 7).min(end))
            .find(|&k| number_at(s, k).is_some_and(|n| !n.word || n.value > 1.0))
        {
            if (e + 2..k).all(|j| {
                w(j).chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
                    && !w(j).is_empty()
            }) {
                let n2 = number_at(s, k).unwrap();
                if n2.value > value {
                    of = Some(n2.value);
                    e = n2.end;
                }
            }
        }
    } else if w(e) == "(" && matches!(lw(e + 1).as_ref(), "sur" | "von" | "de" | "out") {
        let k = if lw(e + 1) == "out" && lw(e + 2) == "of" {
            e + 3
        } else {
            e + 2
        };
        if let Some(n2) = number_at(s, k) {
            if w(n2.end) == ")" {
                of = Some(n2.value);
                e = n2.end + 1;
            }
        }
    } else if lw(e) == "in" && word {
        if let Some(n2) = number_at(s, e + 1).filter(|n| n.word) {
            of = Some(n2.value);
            e = n2.end;
        }
    }
    (of, e)
}

/// What a number ending at `e` counts: up to three content words after it
/// ("parliamentary seats"); after a fraction or percentage, the "of"
/// phrase. Returns the words and the token after them.
fn counted_words<'a>(
    s: &Sentence<'a>,
    e: usize,
    value: f64,
    unit: &str,
    in_date: impl Fn(usize) -> bool,
) -> (Vec<&'a str>, usize) {
    let end = s.range.end;
    let w = |k: usize| if k < end { s.word(k) } else { "" };
    let lw = |k: usize| lowercased(w(k));
    let mut counted = Vec::new();
    let mut k = e;
    if lw(k) == "of" && (value < 1.0 || unit == "%") {
        k += 1;
        if lw(k) == "the" {
            k += 1;
        }
    }
    while k < end && counted.len() < 3 {
        let word = w(k);
        let l = lowercased(word);
        let alpha = word.chars().all(|c| c.is_alphabetic() || c == '-')
            && word.chars().any(char::is_alphabetic);
        if !alpha || STOP.contains(&l.as_ref()) || in_date(k) {
            break;
        }
        // A verb ends the noun phrase ("68 lawmakers voted").
        if !counted.is_empty() && (l.ends_with("ed") || l.ends_with("ing")) {
            break;
        }
        counted.push(word);
        k += 1;
        // A plural noun ends it too ("three power plants shut down").
        if l.len() > 3 && l.ends_with('s') && !l.ends_with("ss") {
            break;
        }
    }
    (counted, k)
}

/// Words that make the number at `start` approximate ("nearly", "more
/// than", "an estimated"): where the quantity then starts, and whether it is.
fn approx_before(s: &Sentence, start: usize) -> (usize, bool) {
    let end = s.range.end;
    let w = |k: usize| if k < end { s.word(k) } else { "" };
    let lw = |k: usize| lowercased(w(k));
    let mut a = start;
    let mut approx = false;
    if a > s.range.start && APPROX.contains(&lw(a - 1).as_ref()) {
        approx = true;
        a -= 1;
        if lw(a) == "estimated" && a > s.range.start && lw(a - 1) == "an" {
            a -= 1;
        }
    } else if a >= s.range.start + 2
        && APPROX_TWO
            .iter()
            .any(|p| p.split_once(' ') == Some((lw(a - 2).as_ref(), lw(a - 1).as_ref())))
    {
        approx = true;
        a -= 2;
    }
    (a, approx)
}

/// The entity a number belongs to: the nearest mention before it in the
/// same clause that is the subject of a verb of having/winning ("the CPP
/// won 68"), or a possessive right before it ("the CPP's 68 seats").
fn owner(s: &Sentence, mentions: &[&MentionRef], at: usize) -> Option<usize> {
    let w = |k: usize| lowercased(s.word(k));
    let m = mentions
        .iter()
        .filter(|m| m.tok.end <= at && m.tok.start >= s.range.start)
        .max_by_key(|m| m.tok.end)?;
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
    let possessive = between.first().is_some_and(|x| x == "'s" || x == "’s") && between.len() <= 3;
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

/// The nearest name is the object of the verb, and the subject before it
/// owns the number: two-object verbs ("SoftBank gave WeWork $6.5 billion")
/// and margins ("Velázquez trailed her challenger Kristy Marmorato by more
/// than 700 votes").
fn subject_over_object(
    s: &Sentence,
    mentions: &[&MentionRef],
    object: &MentionRef,
    between: &[std::borrow::Cow<str>],
) -> Option<usize> {
    let w = |k: usize| lowercased(s.word(k));
    let margin = between.len() == 1 && between[0] == "by";
    if !(between.is_empty() || margin) || object.tok.start <= s.range.start {
        return None;
    }
    // The subject: a name in the same clause before the object, then a verb
    // phrase of up to five words that leads to the object.
    let subject = mentions
        .iter()
        .filter(|m| m.tok.end < object.tok.start && m.tok.start >= s.range.start)
        .max_by_key(|m| m.tok.end)?;
    let phrase: Vec<std::borrow::Cow<str>> = (subject.tok.end..object.tok.start).map(w).collect();
    let verb = phrase.first()?;
    let two_object = between.is_empty()
        && phrase.len() == 1
        && matches!(
            verb.as_ref(),
            "gave"
                | "gives"
                | "give"
                | "paid"
                | "pays"
                | "pay"
                | "offered"
                | "offers"
                | "awarded"
                | "lent"
                | "owes"
                | "owed"
                | "sent"
                | "handed"
                | "granted"
                | "promised"
                | "charged"
                | "fined"
                | "sold"
                | "sells"
        );
    let margined = margin
        && phrase.len() <= 5
        && !phrase.iter().any(|x| breaks_clause(x))
        && is_subject_of_verb(s, subject.tok.clone(), &phrase);
    (two_object || margined).then_some(subject.entity)
}

/// A number in brackets right after another is the same amount converted
/// ("15 million euros ($16 million)"): the first one's owner.
fn converted_owner(s: &Sentence, before: &[Found], at: usize) -> Option<usize> {
    let prev = before.last()?;
    (prev.tok.end + 1 == at && s.word(prev.tok.end) == "(")
        .then_some(prev.entity)
        .flatten()
}

/// A currency code unit ("EUR", "USD"): an amount of money.
fn is_money(unit: &str) -> bool {
    unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase())
}

/// Money "from" someone is theirs to give ("15 million euros ($16 million)
/// from LVMH", "a $5 million grant from the Gates Foundation"): the name
/// right after "from" (past a bracketed conversion, and "the").
fn giver_after(s: &Sentence, mentions: &[&MentionRef], end: usize, money: bool) -> Option<usize> {
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
    if w(k) != "from" {
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
    if m.end + 2 >= at || w(m.end) != "," || !matches!(w(m.end + 1).as_ref(), "which" | "who") {
        return false;
    }
    // The verb phrase: after the clause's closing comma, else the clause's own.
    let close = (m.end + 2..at).find(|&k| w(k) == ",");
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
fn apposition_owner(s: &Sentence, mentions: &[&MentionRef], at: usize) -> Option<usize> {
    let w = |k: usize| lowercased(s.word(k));
    let m = mentions
        .iter()
        .filter(|m| m.tok.end <= at && m.tok.start >= s.range.start)
        .max_by_key(|m| m.tok.end)?;
    let between: Vec<std::borrow::Cow<str>> = (m.tok.end..at).map(w).collect();
    let ok = match between.iter().map(|x| x.as_ref()).collect::<Vec<_>>()[..] {
        [",", "with"] => true,
        [",", "which" | "who", v] => HAVE_VERBS.contains(&v),
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
fn pronoun_owner(s: &Sentence, ante: &Antecedents, at: usize) -> Option<usize> {
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
    // Right before the number: "his car at 82 miles per hour" is the car's.
    let possessive = matches!(pron.as_ref(), "its" | "his" | "her") && between.is_empty();
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
    ];
    const PREPOSITIONS: &[&str] = &[
        "of", "in", "at", "on", "for", "from", "to", "with", "by", "into", "over", "under",
        "about", "against", "between", "among", "than", "like", "near", "across", "via",
    ];
    let Some(first) = between.first() else {
        return false;
    };
    let starts_lower = s.word(m.end).chars().next().is_some_and(char::is_lowercase);
    let prev = (m.start > s.range.start).then(|| lowercased(s.word(m.start - 1)));
    between.len() <= 6
        && starts_lower
        && !NOT_VERB.contains(&first.as_ref())
        && !prev.is_some_and(|p| PREPOSITIONS.contains(&p.as_ref()))
}
