//! The words and tokens dates are made of (month and weekday names, day and
//! year numbers, numeric dates), and how a date without its year or a
//! relative date is placed against the publication date.

use super::value::Value;
use crate::doc::Sentence;
use crate::facts::calendar::Day;
use crate::hash::{WordHashState, WordSet};
use crate::lexicon::{Table, Words};
use crate::text::lowercased;

pub(super) fn month(w: &str) -> Option<u32> {
    // Most words are not month names: reject them before lower-casing.
    let n = w.chars().count();
    // "października" (Polish, of October) is the longest.
    if !(3..=12).contains(&n) || !w.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    static MAP: std::sync::OnceLock<std::collections::HashMap<&'static str, u32, WordHashState>> =
        std::sync::OnceLock::new();
    let map = MAP.get_or_init(|| MONTHS.iter().copied().collect());
    crate::text::with_lowercase(w, |l| map.get(l.trim_end_matches('.')).copied())
}

static MONTHS: Table<u32> = Table::new(include_str!("../../../lexicon/facts/months.txt"));

/// A month name that is also an everyday word ("may", "march", "mars") only
/// counts when capitalised and next to a day or a year or after "in".
pub(super) fn ambiguous_month(w: &str) -> bool {
    matches!(
        lowercased(w).as_ref(),
        "may" | "march" | "mar" | "mars" | "jan" | "dec" | "sept" | "oct" | "aug"
    )
}

pub(super) fn weekday(w: &str) -> Option<u32> {
    static W: Table<u32> = Table::new(include_str!("../../../lexicon/facts/weekdays.txt"));
    let l = lowercased(w);
    let l = l.trim_end_matches('.');
    // Short forms only with their period or capitalised in a dateline.
    W.iter()
        .find(|(n, _)| *n == l && (n.len() > 4 || w.ends_with('.')))
        .map(|(_, d)| *d)
}

pub(super) fn day_num(w: &str) -> Option<u32> {
    let w = w.trim_end_matches(['.']);
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    let rest = &w[digits.len()..];
    if digits.is_empty()
        || digits.len() > 2
        || !matches!(
            lowercased(rest).as_ref(),
            "" | "st" | "nd" | "rd" | "th" | "er" | "º" | "°"
        )
    {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// "16-17", "16–17": a day range inside one token.
pub(super) fn day_range(w: &str) -> Option<(u32, u32)> {
    let (a, b) = w.split_once(['-', '–'])?;
    let (a, b) = (day_num(a)?, day_num(b)?);
    (a < b).then_some((a, b))
}

pub(super) fn year_num(w: &str) -> Option<i32> {
    let w = w.trim_end_matches(['\'', '’']);
    if w.len() != 4 || !w.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let y: i32 = w.parse().ok()?;
    (1800..=2100).contains(&y).then_some(y)
}

/// Whether a date expression can start with this word: most words cannot,
/// and are skipped without trying every pattern.
/// Words besides month names that can start a date.
static DATE_STARTERS: Words = Words::new(include_str!("../../../lexicon/facts/date-starters.txt"));

pub(super) fn could_start(w: &str) -> bool {
    let Some(c) = w.chars().next() else {
        return false;
    };
    if c.is_ascii_digit() || w.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    if !c.is_alphabetic() {
        return false;
    }
    // Asked of every word: FNV, not SipHash, on these short keys.
    static STARTERS: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    let set = STARTERS.get_or_init(|| {
        let mut set: WordSet = MONTHS.iter().map(|(n, _)| *n).collect();
        set.extend(DATE_STARTERS.iter().copied());
        set
    });
    crate::text::with_lowercase(w, |l| set.contains(l.trim_end_matches('.')))
}

pub(super) fn multiplier_word(w: &str) -> bool {
    matches!(
        lowercased(w).as_ref(),
        "million" | "billion" | "trillion" | "thousand" | "hundred" | "percent" | "%" | "m" | "bn"
    )
}

pub(super) fn weekday_english(w: &str) -> bool {
    let l = lowercased(w);
    let l = l.trim_end_matches('.');
    matches!(
        l,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thur"
            | "thurs"
            | "fri"
            | "sat"
            | "sun"
    )
}

/// "1990s", "mid-1990s", "'90s": the decade as a range of years.
pub(super) fn decade(w: &str) -> Option<Value> {
    let w = w
        .strip_prefix("mid-")
        .or_else(|| w.strip_prefix("early-"))
        .or_else(|| w.strip_prefix("late-"))
        .unwrap_or(w);
    let digits = w.strip_suffix('s')?;
    let y: i32 = if let Some(two) = digits.strip_prefix(['\'', '’']) {
        if two.len() != 2 {
            return None;
        }
        let v: i32 = two.parse().ok()?;
        if v >= 30 {
            1900 + v
        } else {
            2000 + v
        }
    } else {
        if digits.len() != 4 {
            return None;
        }
        digits.parse().ok()?
    };
    (y % 10 == 0 && (1800..=2090).contains(&y))
        .then(|| Value::Range(Box::new(Value::Year(y)), Box::new(Value::Year(y + 9))))
}

pub(super) fn number_word(w: &str) -> Option<i64> {
    static N: Table<i64> = Table::new(include_str!("../../../lexicon/facts/number-words.txt"));
    let l = lowercased(w);
    N.iter()
        .find(|(n, _)| *n == l)
        .map(|(_, v)| *v)
        .or_else(|| l.parse().ok().filter(|v: &i64| *v > 0 && *v < 1000))
}

pub(super) fn unit_word(w: &str) -> Option<char> {
    match lowercased(w).as_ref() {
        "decade" | "decades" => Some('x'),
        "day" | "days" => Some('d'),
        "week" | "weeks" => Some('w'),
        "month" | "months" => Some('m'),
        "year" | "years" => Some('y'),
        // Dutch and Polish ("drie dagen geleden", "pięć lat temu").
        "dag" | "dagen" | "dzień" | "dni" => Some('d'),
        "weken" | "tydzień" | "tygodnie" | "tygodni" => Some('w'),
        "maand" | "maanden" | "miesiąc" | "miesiące" | "miesięcy" => Some('m'),
        "jaar" | "jaren" | "rok" | "lata" | "lat" => Some('y'),
        // French, Spanish, Portuguese, Italian, German ("il y a deux ans",
        // "hace tres días", "há dois anos", "due anni fa", "vor drei Tagen").
        "jour" | "jours" | "día" | "días" | "dia" | "dias" | "giorno" | "giorni" | "tag"
        | "tage" | "tagen" => Some('d'),
        "semaine" | "semaines" | "semana" | "semanas" | "settimana" | "settimane" | "woche"
        | "wochen" => Some('w'),
        "mois" | "mes" | "meses" | "mês" | "mese" | "mesi" | "monat" | "monate" | "monaten" => {
            Some('m')
        }
        "an" | "ans" | "année" | "années" | "año" | "años" | "ano" | "anos" | "anno" | "anni"
        | "jahr" | "jahre" | "jahren" => Some('y'),
        "décennie" | "décennies" | "década" | "décadas" | "decennio" | "decenni" | "jahrzehnt"
        | "jahrzehnte" | "jahrzehnten" | "decennium" | "decennia" | "dekady" | "dekad"
        | "dekadę" | "dekada" => Some('x'),
        _ => None,
    }
}

/// The calendar unit of a relative date in French, Spanish, Portuguese and
/// Italian ("la semaine dernière", "el año pasado", "no mês passado",
/// "l'anno scorso", "quest'anno"): 'w', 'm' or 'y'. An elided article or
/// demonstrative ("l'", "quest'") is part of the token; it says "this" for
/// "quest'".
pub(super) fn romance_unit(w: &str) -> Option<(char, bool)> {
    let l = lowercased(w);
    let (bare, this) = match l.split_once(['\'', '’']) {
        Some(("l", rest)) => (rest, false),
        Some(("quest", rest)) => (rest, true),
        Some(_) => return None,
        None => (l.as_ref(), false),
    };
    let unit = match bare {
        "semaine" | "semana" | "settimana" => 'w',
        "mois" | "mes" | "mês" | "mese" => 'm',
        "an" | "année" | "año" | "ano" | "anno" => 'y',
        _ => return None,
    };
    Some((unit, this))
}

/// A word that places a week, month or year before the unit ("el pasado
/// año", "la próxima semana", "este mes", "lo scorso anno"), or after it
/// ("l'année dernière", "el año pasado", "o mês passado", "il mese
/// prossimo"): the shift from the publication date's. Not the English
/// words, which [`super::matchers`] reads on its own.
pub(super) fn unit_shift(w: &str, after: bool) -> Option<i32> {
    let l = lowercased(w);
    match (l.as_ref(), after) {
        ("pasado" | "scorso" | "scorsa", _) => Some(-1),
        // "na última semana", "la passada settimana" (before the unit only).
        ("última" | "último" | "passada" | "passata", false) => Some(-1),
        (
            "dernier" | "dernière" | "passé" | "passée" | "pasada" | "passado" | "passada"
            | "passato" | "passata",
            true,
        ) => Some(-1),
        ("próximo" | "próxima" | "prossimo" | "prossima", _) => Some(1),
        ("prochain" | "prochaine" | "entrante", true) => Some(1),
        ("cette" | "este" | "esta" | "neste" | "nesta" | "questo" | "questa", false) => Some(0),
        _ => None,
    }
}

/// Words before a weekday that say which one: the last such day
/// ("am vergangenen Dienstag", "el pasado martes", "na última
/// sexta-feira", "lo scorso martedì") or the next ("el próximo sábado").
pub(super) fn weekday_shift_before(w: &str) -> Option<i32> {
    match lowercased(w).as_ref() {
        "last" | "past" | "afgelopen" | "vorige" | "zeszły" | "zeszłą" | "ubiegły" | "ubiegłą"
        | "vergangenen" | "letzten" | "pasado" | "última" | "último" | "passada" | "passado"
        | "scorso" | "scorsa" => Some(-1),
        "next" | "coming" | "volgende" | "komende" | "przyszły" | "przyszłą" | "najbliższy"
        | "najbliższą" | "kommenden" | "nächsten" | "próximo" | "próxima" | "prossimo"
        | "prossima" => Some(1),
        // "this Tuesday", "este miércoles", "nesta terça-feira", "ce mardi".
        "this" | "este" | "esta" | "neste" | "nesta" | "ce" | "questo" | "questa" | "diesen" => {
            Some(0)
        }
        _ => None,
    }
}

/// Words after a weekday that say which one: "mardi dernier", "el martes
/// pasado", "terça-feira passada", "martedì scorso", "lundi prochain".
pub(super) fn weekday_shift_after(w: &str) -> Option<i32> {
    match lowercased(w).as_ref() {
        "dernier" | "pasado" | "passado" | "passada" | "scorso" | "scorsa" => Some(-1),
        "prochain" | "próximo" | "próxima" | "prossimo" | "prossima" => Some(1),
        _ => None,
    }
}

/// Portuguese weekdays without "-feira" ("na última quarta"): only after a
/// word that makes them a day ("segunda" alone is "second").
pub(super) fn portuguese_short_weekday(w: &str, prev: &str) -> Option<u32> {
    if !matches!(
        prev,
        "última" | "próxima" | "passada" | "nesta" | "nessa" | "desta"
    ) {
        return None;
    }
    match lowercased(w).as_ref() {
        "segunda" => Some(0),
        "terça" => Some(1),
        "quarta" => Some(2),
        "quinta" => Some(3),
        "sexta" => Some(4),
        _ => None,
    }
}

/// Whether the words around token `i` speak of the future ("will meet on
/// Tuesday", "is scheduled for March"): a bare weekday or month then means
/// the next one. The nearest sign of tense wins: a future auxiliary or a
/// past-tense verb, whichever is closer to the date (a sentence can report
/// last Tuesday's meeting and what will happen next).
/// Whether the words around a date speak of the future ([`future_near`]),
/// asked only when a bare weekday, month or day needs it: most date-like
/// words (numbers) never do.
pub(super) struct Fut<'a, 'b> {
    s: &'b Sentence<'a>,
    i: usize,
    known: std::cell::Cell<Option<bool>>,
}

impl<'a, 'b> Fut<'a, 'b> {
    /// Asks about the words around token `i`, when first needed.
    pub(super) fn new(s: &'b Sentence<'a>, i: usize) -> Self {
        Fut {
            s,
            i,
            known: std::cell::Cell::new(None),
        }
    }

    pub(super) fn get(&self) -> bool {
        if let Some(v) = self.known.get() {
            return v;
        }
        let v = future_near(self.s, self.i);
        self.known.set(Some(v));
        v
    }
}

pub(super) fn future_near(s: &Sentence, i: usize) -> bool {
    static FUTURE: Words = Words::new(include_str!("../../../lexicon/facts/future-words.txt"));
    static PAST: Words = Words::new(include_str!("../../../lexicon/facts/past-words.txt"));
    // Asked of up to 22 words around every date-like word: no String each.
    let tense = |k: usize| -> Option<bool> {
        crate::text::with_lowercase(s.word(k), |w| {
            if FUTURE.contains(&w) {
                return Some(true);
            }
            let regular_past = w.len() > 4
                && w.ends_with("ed")
                && w.chars().all(char::is_alphabetic)
                && !matches!(
                    w,
                    "need"
                        | "speed"
                        | "embed"
                        | "breed"
                        | "proceed"
                        | "exceed"
                        | "succeed"
                        | "hundred"
                );
            (PAST.contains(&w) || regular_past).then_some(false)
        })
    };
    for d in 1..12 {
        for k in [i.checked_sub(d), Some(i + d)].into_iter().flatten() {
            if k >= s.range.start && k < s.range.end {
                if let Some(f) = tense(k) {
                    return f;
                }
            }
        }
    }
    false
}

pub(super) fn resolve_weekday(pubd: Option<Day>, wd: u32, fut: bool, shift: i32) -> Option<Value> {
    let p = pubd?;
    let cur = p.weekday() as i64;
    let delta = (wd as i64 - cur).rem_euclid(7);
    let day = match shift {
        -1 => p.add_days(if delta == 0 { -7 } else { delta - 7 }),
        1 => p.add_days(if delta == 0 { 7 } else { delta }),
        _ if fut => p.add_days(delta),
        _ => p.add_days(if delta == 0 { 0 } else { delta - 7 }),
    };
    Some(Value::Day(day))
}

/// A month without a year: the nearest such month not after the
/// publication month (the next one in a sentence about the future).
pub(super) fn resolve_month(pubd: Option<Day>, m: u32, fut: bool) -> Option<Value> {
    let p = pubd?;
    let y = if fut {
        if m >= p.m {
            p.y
        } else {
            p.y + 1
        }
    } else if m <= p.m {
        p.y
    } else {
        p.y - 1
    };
    Some(Value::Month(y, m))
}

pub(super) fn resolve_day_no_year(pubd: Option<Day>, m: u32, d: u32, fut: bool) -> Option<Value> {
    let p = pubd?;
    // The year that puts the day nearest to the publication date, leaning
    // to the past unless the sentence speaks of the future.
    let mut best: Option<(i64, Day)> = None;
    for y in [p.y - 1, p.y, p.y + 1] {
        if let Some(day) = Day::new(y, m, d) {
            let diff = day.to_days() - p.to_days();
            let cost = if fut {
                if diff >= -1 {
                    diff.abs()
                } else {
                    diff.abs() * 3
                }
            } else if diff <= 7 {
                diff.abs()
            } else {
                diff.abs() * 3
            };
            if best.is_none_or(|(c, _)| cost < c) {
                best = Some((cost, day));
            }
        }
    }
    best.map(|(_, d)| Value::Day(d))
}

/// Numeric dates in one token.
pub(super) fn numeric_date(w: &str, pubd: Option<Day>, us: bool, fut: &Fut) -> Option<Value> {
    if !w.chars().next().is_some_and(|c| c.is_ascii_digit())
        || !w.chars().any(|c| matches!(c, '-' | '/' | '.'))
    {
        return None;
    }
    let sep = if w.contains('-') {
        '-'
    } else if w.contains('/') {
        '/'
    } else {
        '.'
    };
    let p: Vec<&str> = w.split(sep).collect();
    if !p
        .iter()
        .all(|x| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    match p.len() {
        3 if p[0].len() == 4 => {
            Day::new(p[0].parse().ok()?, p[1].parse().ok()?, p[2].parse().ok()?).map(Value::Day)
        }
        3 if p[2].len() == 4 && sep != '-' => {
            let (a, b, y): (u32, u32, i32) =
                (p[0].parse().ok()?, p[1].parse().ok()?, p[2].parse().ok()?);
            let (m, d) = if a > 12 || (sep == '.' || !us) && b <= 12 {
                (b, a)
            } else {
                (a, b)
            };
            Day::new(y, m, d).map(Value::Day)
        }
        // "28/07": day and month, only with a slash (3.5 is a number; 16-17 a range)
        2 if sep == '/' && p[0].len() <= 2 && p[1].len() <= 2 => {
            let (a, b): (u32, u32) = (p[0].parse().ok()?, p[1].parse().ok()?);
            let (m, d) = if a > 12 {
                (b, a)
            } else if b > 12 || us {
                (a, b)
            } else {
                (b, a)
            };
            if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
                return None;
            }
            resolve_day_no_year(pubd, m, d, fut.get())
        }
        _ => None,
    }
}
