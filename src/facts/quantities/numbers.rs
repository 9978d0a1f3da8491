//! Reading a number at a token: digits in the page's language's notation
//! (`1,200`, `1.200`, `3.5`), number words (`twenty-five`, `a dozen`,
//! `two-thirds`), multipliers (`1.2 million`, `2.5bn`), currencies and
//! units glued to the number, and the times and phone numbers that are not
//! quantities.

use crate::doc::Sentence;
use crate::lexicon::{Table, Words};
use crate::text::lowercased;

pub(super) static SMALL: Table<f64> = Table::new(include_str!(
    "../../../lexicon/facts/number-words-and-scales.txt"
));

pub(super) fn multiplier(w: &str) -> Option<f64> {
    crate::text::with_lowercase(w, |l| match l.trim_end_matches('.') {
        "hundred" | "hundreds" => Some(1e2),
        "thousand" | "thousands" | "k" | "tausend" | "mil" => Some(1e3),
        // Dutch and Polish: "duizend", "3,3 tys.", "tysięcy".
        "duizend" | "tys" | "tysięcy" | "tysiące" => Some(1e3),
        "million" | "millions" | "m" | "mn" | "mio" | "millionen" | "millones" | "milhões"
        | "milioni" => Some(1e6),
        "miljoen" | "mln" | "milionów" | "miliony" => Some(1e6),
        // Spanish, Portuguese and Italian singulars ("1 millón", "um milhão").
        "millón" | "milhão" | "milione" => Some(1e6),
        "billion" | "billions" | "bn" | "b" | "mrd" | "milliarden" | "milliards" | "milliard"
        | "milliarde" => Some(1e9),
        "miljard" | "mld" | "miliardów" | "miliardy" => Some(1e9),
        // Brazilian "bilhões" is 10^9 (Portugal writes "mil milhões"); Italian "miliardi".
        "bilhões" | "bilhão" | "miliardi" | "miliardo" | "millardos" | "millardo" => Some(1e9),
        // Italian "80 mila": thousands.
        "mila" => Some(1e3),
        "trillion" | "trillions" | "tn" | "billionen" => Some(1e12),
        _ => None,
    })
}

pub(super) fn currency(w: &str) -> Option<&'static str> {
    match w {
        "$" | "US$" | "USD" | "dollars" | "dollar" | "dólares" | "dollari" => Some("USD"),
        "€" | "EUR" | "euros" | "euro" | "Euro" => Some("EUR"),
        "£" | "GBP" | "pounds" | "pound" => Some("GBP"),
        "¥" | "JPY" | "yen" => Some("JPY"),
        "CHF" | "Franken" | "francs" => Some("CHF"),
        "₹" | "rupees" => Some("INR"),
        "yuan" | "CNY" | "RMB" => Some("CNY"),
        "riel" | "riels" => Some("KHR"),
        _ => None,
    }
}

pub(super) fn parse_digits(w: &str, lang: &str) -> Option<(f64, f64)> {
    // Returns (value, multiplier from a glued suffix like "2.5bn").
    let num_end = w
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(w.len());
    let (num, suffix) = w.split_at(num_end);
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mult = if suffix.is_empty() {
        1.0
    } else {
        multiplier(suffix)?
    };
    let european = matches!(
        lang.get(..2),
        Some("de" | "fr" | "es" | "pt" | "it" | "nl" | "pl")
    );
    let groups_of = |sep: char| {
        let p: Vec<&str> = num.split(sep).collect();
        p.len() > 1 && p[0].len() <= 3 && p[1..].iter().all(|g| g.len() == 3)
    };
    let clean: String = if num.contains(',') && num.contains('.') {
        // 1,234.5 or 1.234,5: the last separator is the decimal point.
        if num.rfind('.') > num.rfind(',') {
            num.replace(',', "")
        } else {
            num.replace('.', "").replace(',', ".")
        }
    } else if num.contains(',') {
        if groups_of(',') && !(european && num.split(',').nth(1).is_some_and(|g| g.len() != 3)) {
            num.replace(',', "")
        } else if european {
            num.replace(',', ".")
        } else {
            return None;
        }
    } else if num.contains('.') {
        if european && groups_of('.') {
            num.replace('.', "")
        } else if num.matches('.').count() == 1 {
            num.to_string()
        } else {
            return None;
        }
    } else {
        num.to_string()
    };
    clean.parse::<f64>().ok().map(|v| (v, mult))
}

/// A word number starting at `i` ("twenty-five", "two hundred", "a dozen",
/// "two-thirds", "half"): (value, tokens used).
pub(super) fn word_number(s: &Sentence, i: usize) -> Option<(f64, usize)> {
    let end = s.range.end;
    let lw = |k: usize| {
        if k < end {
            lowercased(s.word(k))
        } else {
            std::borrow::Cow::Borrowed("")
        }
    };
    let w0 = lw(i);
    // Fractions
    let frac = |w: &str| match w {
        "half" => Some(0.5),
        "third" | "thirds" => Some(1.0 / 3.0),
        "quarter" | "quarters" => Some(0.25),
        "fifth" | "fifths" => Some(0.2),
        "sixth" | "sixths" => Some(1.0 / 6.0),
        "eighth" | "eighths" => Some(0.125),
        "tenth" | "tenths" => Some(0.1),
        "hundredth" | "hundredths" => Some(0.01),
        _ => None,
    };
    if let Some((a, b)) = w0.split_once('-') {
        let small = |x: &str| SMALL.iter().find(|(n, _)| *n == x).map(|(_, v)| *v);
        if let (Some(n), Some(f)) = (small(a), frac(b)) {
            return Some((n * f, 1)); // two-thirds
        }
        if let (Some(t), Some(u)) = (small(a), small(b)) {
            if t >= 20.0 && u < 10.0 {
                return Some((t + u, 1)); // twenty-five
            }
        }
    }
    if w0 == "a" || w0 == "an" || w0 == "one" {
        // "a third of" is a fraction; "a third day" an ordinal.
        if let Some(f) = frac(&lw(i + 1)).filter(|_| {
            matches!(
                lw(i + 2).as_ref(),
                "of" | "," | "." | "" | "as" | "more" | "less"
            )
        }) {
            return Some((f, 2)); // a third, one half
        }
        if lw(i + 1) == "dozen" {
            return Some((12.0, 2));
        }
    }
    if w0 == "half" && lw(i + 1) != "of" {
        return None;
    }
    let mut v = SMALL.iter().find(|(n, _)| *n == w0).map(|(_, v)| *v)?;
    let mut used = 1;
    // "two hundred", "three thousand", "twenty five"
    loop {
        let next = lw(i + used);
        if let Some(m) = multiplier(&next).filter(|m| *m >= 100.0) {
            v *= m;
            used += 1;
        } else if (20.0..100.0).contains(&v) && v % 10.0 == 0.0 {
            if let Some(u) = SMALL
                .iter()
                .find(|(n, x)| *n == next && *x < 10.0)
                .map(|(_, x)| *x)
            {
                v += u;
                used += 1;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    Some((v, used))
}

pub(super) struct Num {
    pub(super) value: f64,
    pub(super) end: usize,
    pub(super) unit: Option<&'static str>,
    pub(super) word: bool,
    /// A unit glued with a hyphen: "six-month" → "month".
    pub(super) glued_unit: Option<String>,
}

/// "six-month", "52-year-old", "10-year", "three-hour": a number and a unit in one token.
pub(super) fn hyphen_unit(w: &str) -> Option<(f64, String)> {
    let (num, rest) = w.split_once('-')?;
    if rest.is_empty() || !rest.chars().all(|c| c.is_alphabetic() || c == '-') {
        return None;
    }
    let v = if !num.is_empty() && num.chars().all(|c| c.is_ascii_digit()) {
        num.parse::<f64>().ok()?
    } else {
        SMALL
            .iter()
            .find(|(n, _)| *n == lowercased(num))
            .map(|(_, v)| *v)?
    };
    // "twenty-five" is a number, "two-thirds" a fraction: not units.
    let r = lowercased(rest);
    // "a one-time increase", "a one-off payment", "a two-way street": set
    // phrases, not one of anything.
    if matches!(
        (lowercased(num).as_ref(), r.as_ref()),
        (
            "one",
            "time" | "off" | "sided" | "way" | "on-one" | "stop" | "size-fits-all" | "man"
        ) | ("two", "way" | "faced" | "time")
    ) {
        return None;
    }
    if SMALL.iter().any(|(n, _)| *n == r)
        || matches!(
            r.as_ref(),
            "third"
                | "thirds"
                | "quarter"
                | "quarters"
                | "fifth"
                | "fifths"
                | "half"
                | "tenth"
                | "tenths"
                | "sixth"
                | "eighth"
                | "hundredth"
        )
    {
        return None;
    }
    let unit = if r == "year-old" || r == "years-old" {
        "years old".to_string()
    } else {
        r.replace('-', " ")
    };
    Some((v, unit))
}

/// Whether a number can start with this word: digits, a hyphenated word
/// ("two-thirds", "six-month"), a number word, or "a"/"an" ("a third of").
/// Exactly the words [`parse_digits`], [`hyphen_unit`] and [`word_number`]
/// can accept; no allocation for ASCII words.
pub(super) fn may_start_number(w: &str) -> bool {
    if w.starts_with(|c: char| c.is_ascii_digit()) || w.contains('-') {
        return true;
    }
    // Number words are short: a long word is not one (and is not lower-cased).
    // Asked of every word: a hashed set, not a scan of the list.
    static WORDS: std::sync::OnceLock<crate::hash::WordSet> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| SMALL.iter().map(|(n, _)| *n).collect());
    w.len() <= 16 && crate::text::with_lowercase(w, |l| l == "a" || l == "an" || words.contains(l))
}

/// "2 209", "5 500", "1 234,5": the groups of three digits after the
/// number at `i` (value `v`), each after one space, as the French and the
/// Polish write them; the last group with its decimals in the languages
/// that write a decimal comma. Returns the value and the token after it.
fn spaced_groups(s: &Sentence, i: usize, v: f64) -> (f64, usize) {
    let end = s.range.end;
    let w = |k: usize| if k < end { s.word(k) } else { "" };
    let european = matches!(
        s.lang.get(..2),
        Some("de" | "fr" | "es" | "pt" | "it" | "nl" | "pl")
    );
    let mut v = v;
    let mut e = i + 1;
    while e < end
        && w(e - 1).chars().all(|c| c.is_ascii_digit())
        && w(e - 1).len() <= 3
        && s.text[s.toks[e - 1].end..s.toks[e].start].chars().count() == 1
        && s.text[s.toks[e - 1].end..s.toks[e].start]
            .chars()
            .all(|c| matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
    {
        let (group, decimals) = match w(e).split_once(',') {
            Some((g, d)) if european && !d.is_empty() => (g, d),
            _ => (w(e), ""),
        };
        if group.len() != 3
            || !group.chars().all(|c| c.is_ascii_digit())
            || !decimals.chars().all(|c| c.is_ascii_digit())
        {
            break;
        }
        v = v * 1000.0 + format!("{group}.{decimals}0").parse::<f64>().unwrap_or(0.0);
        e += 1;
        if !decimals.is_empty() {
            break;
        }
    }
    (v, e)
}

/// A number at token `i`, with a glued or following multiplier and a
/// currency or percent sign after it.
pub(super) fn number_at(s: &Sentence, i: usize) -> Option<Num> {
    let end = s.range.end;
    let w = |k: usize| if k < end { s.word(k) } else { "" };
    // Asked at every token: most are not numbers, and the parsers below
    // allocate (lower-casing), so rule them out first.
    if !may_start_number(w(i)) {
        return None;
    }
    let (mut value, mut e, word) = if let Some((v, m)) = parse_digits(w(i), s.lang) {
        let (v, e) = if m == 1.0 {
            spaced_groups(s, i, v)
        } else {
            (v, i + 1)
        };
        (v * m, e, false)
    } else if let Some((v, unit)) = hyphen_unit(w(i)) {
        return Some(Num {
            value: v,
            end: i + 1,
            unit: None,
            word: true,
            glued_unit: Some(unit),
        });
    } else if let Some((v, used)) = word_number(s, i).filter(|_| {
        // "ten" is "this" in Polish and a preposition in Dutch ("ten noorden");
        // "dos" is two in Spanish, "of the" in Portuguese ("dos presidentes")
        // and a back in French.
        let not_a_number_here = match s.lang.get(..2) {
            Some("nl" | "pl") => ["ten", "dos"].as_slice(),
            Some("pt" | "fr" | "it" | "de") => ["dos"].as_slice(),
            _ => [].as_slice(),
        };
        !not_a_number_here
            .iter()
            .any(|n| w(i).eq_ignore_ascii_case(n))
    }) {
        (v, i + used, true)
    } else {
        return None;
    };
    if let Some(m) = multiplier(w(e)).filter(|m| *m >= 1e3 || !word) {
        // "1.2 million"; a bare "m"/"b" only right after digits.
        if w(e).len() > 1 || !word {
            value *= m;
            e += 1;
            // "4,5 mil millones", "8,8 mil milhões": a thousand millions.
            if m == 1e3 {
                if let Some(m2) = multiplier(w(e)).filter(|m2| *m2 >= 1e6 && w(e).len() > 2) {
                    value *= m2;
                    e += 1;
                }
            }
        }
    }
    let mut unit = None;
    match w(e) {
        "%" => {
            unit = Some("%");
            e += 1;
        }
        x if matches!(
            lowercased(x).as_ref(),
            "percent" | "prozent" | "pct" | "por"
        ) =>
        {
            unit = Some("%");
            e += 1;
            if matches!(w(e), "ciento" | "cent") {
                e += 1;
            }
        }
        x if x.eq_ignore_ascii_case("per") && w(e + 1) == "cent" => {
            unit = Some("%");
            e += 2;
        }
        x if x == "pour" && w(e + 1) == "cent" => {
            unit = Some("%");
            e += 2;
        }
        x => {
            if let Some(c) = currency(x) {
                unit = Some(c);
                e += 1;
            }
        }
    }
    Some(Num {
        value,
        end: e,
        unit,
        word,
        glued_unit: None,
    })
}

pub(super) fn is_time_or_phone(s: &Sentence, i: usize, e: usize) -> bool {
    let end = s.range.end;
    let w = |k: usize| if k < end { s.word(k) } else { "" };
    let next = lowercased(w(e));
    let tok = w(i);
    (w(e) == ":" && w(e + 1).chars().all(|c| c.is_ascii_digit()) && !w(e + 1).is_empty())
        || matches!(
            next.as_ref(),
            "a.m."
                | "p.m."
                | "am"
                | "pm"
                | "a.m"
                | "p.m"
                | "uhr"
                | "h"
                | "gmt"
                | "utc"
                | "et"
                | "bst"
                | "cet"
        )
        || (i > s.range.start
            && w(i - 1) == ":"
            && i >= 2
            && w(i - 2).chars().all(|c| c.is_ascii_digit()))
        || (tok.matches('-').count() >= 2 && tok.chars().all(|c| c.is_ascii_digit() || c == '-'))
        || (tok.len() >= 7 && tok.chars().all(|c| c.is_ascii_digit()))
        // "+41 (0)52 525 00 25": phone numbers
        || (i > s.range.start && matches!(w(i - 1), "+" | "(0)" | "tel" | "tel." | "phone" | "fax"))
        || (w(e) == "(" && w(e + 1) == "0")
}

/// Units written right after the digits: "22mm", "3MB", "5km".
pub(super) fn glued_unit(tok: &str) -> Option<(f64, String)> {
    let split = tok.find(|c: char| c.is_alphabetic())?;
    let (num, unit) = tok.split_at(split);
    let u = lowercased(unit);
    static UNITS: Words = Words::new(include_str!("../../../lexicon/facts/glued-units.txt"));
    if !UNITS.contains(&u.as_ref())
        || num.is_empty()
        || !num
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    Some((num.replace(',', ".").parse().ok()?, u.into_owned()))
}
