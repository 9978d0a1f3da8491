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
mod owners;

use numbers::{currency, glued_unit, is_time_or_phone, multiplier, number_at, parse_digits, Num};
pub use owners::Antecedents;
use owners::{apposition_owner, described_after, fronted_owner, giver_after, owner};
use owners::{pronoun_owner, share_of_owner};

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

static APPROX: Words = Words::new(include_str!("../../../lexicon/facts/approx-words.txt"));
static APPROX_TWO: Words = Words::new(include_str!("../../../lexicon/facts/approx-two-words.txt"));

/// Function words: what a number counts never starts with one of these.
static STOP: Words = Words::new(include_str!(
    "../../../lexicon/facts/quantity-stop-words.txt"
));

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
        let mut q = Found {
            tok: a..end_tok.max(e),
            value,
            of,
            range_to,
            unit,
            approx,
            entity: None,
        };
        q.entity = owner_of(s, mentions, ante, &out, &q, i..num.end, e);
        out.push(q);
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

/// The entity quantity `q` belongs to (SPEC.md "Owner"), by the first rule
/// that finds one: a name the count describes, the subject or possessor
/// before it, an apposition, a pronoun, the amount it converts or follows,
/// the giver after it, the subject after a fronted phrase, the name its
/// share is of. `num` is the number's tokens, `after` the token after the
/// number and its currency, before what it counts. `before` holds the
/// sentence's quantities so far.
fn owner_of(
    s: &Sentence,
    mentions: &[&MentionRef],
    ante: &Antecedents,
    before: &[Found],
    q: &Found,
    num: std::ops::Range<usize>,
    after: usize,
) -> Option<usize> {
    let at = q.tok.start;
    described_after(s, mentions, num)
        .or_else(|| owner(s, mentions, at))
        .or_else(|| apposition_owner(s, mentions, at))
        .or_else(|| pronoun_owner(s, ante, at))
        .or_else(|| converted_owner(s, before, at))
        .or_else(|| coordinated_owner(s, mentions, before, at))
        .or_else(|| giver_after(s, mentions, q.tok.end, is_money(&q.unit)))
        .or_else(|| fronted_owner(s, mentions, at, q.tok.end))
        .or_else(|| share_of_owner(s, mentions, after, q.unit == "%" || q.value < 1.0))
}

/// A number that continues the one before it in the same clause shares its
/// owner: a change ("20.4, up from 18.4", "rose from 54% to 35%"), a list
/// ("467,000 cases and 16,700 deaths"). The words between end in "from",
/// "to", "and" or "or", and name no one else.
fn coordinated_owner(
    s: &Sentence,
    mentions: &[&MentionRef],
    before: &[Found],
    at: usize,
) -> Option<usize> {
    let prev = before.last()?;
    let gap = prev.tok.end..at;
    let last = lowercased(s.word(at.checked_sub(1)?));
    let stop = |k: usize| {
        matches!(
            lowercased(s.word(k)).as_ref(),
            ";" | "said" | "says" | "told" | "but" | "while" | "which" | "who" | "that" | "whereas"
        )
    };
    let ok = !gap.is_empty()
        && gap.len() <= 6
        && matches!(last.as_ref(), "from" | "to" | "and" | "or")
        && !gap.clone().any(stop)
        && !mentions.iter().any(|m| gap.contains(&m.tok.start));
    ok.then_some(prev.entity).flatten()
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
