//! Dates and times the article mentions, resolved to calendar dates.
//!
//! Patterns, tried at every token of a sentence (longest match wins):
//!
//! * absolute: `July 28`, `Sept. 24, 2013`, `28 July 2013`, `5. Mai 2020`,
//!   `2013-11-05`, `28/07`, `November 16-17` (a range), `July 2013`;
//! * partial: `in July`, `July's election`, `in 2019`, `since 1998`;
//! * relative: `on Tuesday`, `yesterday`, `last week`, `next month`,
//!   `three days ago`, `two weeks later` (counted from the date before it);
//! * ranges: `from May to July`, `between 2010 and 2015`.
//!
//! Relative and partial dates are resolved against the publication date:
//! a weekday is the latest such day on or before it (the next one when the
//! sentence speaks of the future), a month without a year the nearest such
//! month not after it. Durations ("a three-hour meeting", "two weeks") are
//! not dates. Month and weekday names are known in English, German, French,
//! Spanish, Portuguese and Italian.

use super::calendar::Day;
use crate::doc::Sentence;
use crate::hash::{WordHashState, WordSet};
use crate::lexicon::{Table, Words};
use crate::text::lowercased;
use std::borrow::Cow;

/// What a date expression resolved to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A day.
    Day(Day),
    /// A month: (year, month).
    Month(i32, u32),
    /// A year.
    Year(i32),
    /// A range between two values.
    Range(Box<Value>, Box<Value>),
}

impl Value {
    /// ISO form: `2013-07-28`, `2013-07`, `2013`, `start/end`.
    pub fn iso(&self) -> String {
        match self {
            Value::Day(d) => d.iso(),
            Value::Month(y, m) => format!("{y:04}-{m:02}"),
            Value::Year(y) => format!("{y:04}"),
            Value::Range(a, b) => format!("{}/{}", a.iso(), b.iso()),
        }
    }

    /// The first day of the value (to anchor "three days later").
    pub fn first_day(&self) -> Option<Day> {
        match self {
            Value::Day(d) => Some(*d),
            Value::Month(y, m) => Day::new(*y, *m, 1),
            Value::Year(y) => Day::new(*y, 1, 1),
            Value::Range(a, _) => a.first_day(),
        }
    }
}

/// How the date was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// With its day or year: `July 28`, `2013-11-05`.
    Absolute,
    /// Relative to when the article was written: `on Tuesday`, `last week`.
    Relative,
    /// Only a month or a year: `in July`, `in 2019`.
    Partial,
    /// Between two dates: `November 16-17`, `from May to July`.
    Range,
}

/// One date expression found in a sentence.
#[derive(Clone, Debug)]
pub struct Found {
    /// Token range (absolute indices into the unit's tokens).
    pub tok: std::ops::Range<usize>,
    /// Resolved value, if it could be resolved.
    pub value: Option<Value>,
    /// How it was written.
    pub kind: Kind,
}

fn month(w: &str) -> Option<u32> {
    // Most words are not month names: reject them before lower-casing.
    let n = w.chars().count();
    if !(3..=11).contains(&n) || !w.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    static MAP: std::sync::OnceLock<std::collections::HashMap<&'static str, u32, WordHashState>> =
        std::sync::OnceLock::new();
    let map = MAP.get_or_init(|| MONTHS.iter().copied().collect());
    crate::text::with_lowercase(w, |l| map.get(l.trim_end_matches('.')).copied())
}

static MONTHS: Table<u32> = Table::new(include_str!("../../lexicon/facts/months.txt"));

/// A month name that is also an everyday word ("may", "march", "mars") only
/// counts when capitalised and next to a day or a year or after "in".
fn ambiguous_month(w: &str) -> bool {
    matches!(
        lowercased(w).as_ref(),
        "may" | "march" | "mar" | "mars" | "jan" | "dec" | "sept" | "oct" | "aug"
    )
}

fn weekday(w: &str) -> Option<u32> {
    static W: Table<u32> = Table::new(include_str!("../../lexicon/facts/weekdays.txt"));
    let l = lowercased(w);
    let l = l.trim_end_matches('.');
    // Short forms only with their period or capitalised in a dateline.
    W.iter()
        .find(|(n, _)| *n == l && (n.len() > 4 || w.ends_with('.')))
        .map(|(_, d)| *d)
}

fn day_num(w: &str) -> Option<u32> {
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
fn day_range(w: &str) -> Option<(u32, u32)> {
    let (a, b) = w.split_once(['-', '–'])?;
    let (a, b) = (day_num(a)?, day_num(b)?);
    (a < b).then_some((a, b))
}

fn year_num(w: &str) -> Option<i32> {
    let w = w.trim_end_matches(['\'', '’']);
    if w.len() != 4 || !w.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let y: i32 = w.parse().ok()?;
    (1800..=2100).contains(&y).then_some(y)
}

/// Whether a date expression can start with this word: most words cannot,
/// and are skipped without trying every pattern.
fn could_start(w: &str) -> bool {
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
        set.extend([
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "mon",
            "tue",
            "tues",
            "wed",
            "thu",
            "thur",
            "thurs",
            "fri",
            "sat",
            "sun",
            "montag",
            "dienstag",
            "mittwoch",
            "donnerstag",
            "freitag",
            "samstag",
            "sonnabend",
            "sonntag",
            "lundi",
            "mardi",
            "mercredi",
            "jeudi",
            "vendredi",
            "samedi",
            "dimanche",
            "lunes",
            "martes",
            "miércoles",
            "jueves",
            "viernes",
            "sábado",
            "domingo",
            "today",
            "tonight",
            "yesterday",
            "tomorrow",
            "heute",
            "gestern",
            "morgen",
            "aujourd'hui",
            "hier",
            "demain",
            "hoy",
            "ayer",
            "mañana",
            "hoje",
            "ontem",
            "amanhã",
            "oggi",
            "ieri",
            "domani",
            "this",
            "last",
            "next",
            "past",
            "the",
            "earlier",
            "later",
            "vergangenen",
            "vergangene",
            "letzten",
            "letzte",
            "letztes",
            "vorigen",
            "vorige",
            "voriges",
            "nächsten",
            "nächste",
            "nächstes",
            "kommenden",
            "kommende",
            "dieser",
            "diese",
            "dieses",
            "diesem",
            "a",
            "an",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "several",
            "few",
            "couple",
        ]);
        set
    });
    crate::text::with_lowercase(w, |l| set.contains(l.trim_end_matches('.')))
}

fn multiplier_word(w: &str) -> bool {
    matches!(
        lowercased(w).as_ref(),
        "million" | "billion" | "trillion" | "thousand" | "hundred" | "percent" | "%" | "m" | "bn"
    )
}

fn weekday_english(w: &str) -> bool {
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
fn decade(w: &str) -> Option<Value> {
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

fn number_word(w: &str) -> Option<i64> {
    static N: Table<i64> = Table::new(include_str!("../../lexicon/facts/number-words.txt"));
    let l = lowercased(w);
    N.iter()
        .find(|(n, _)| *n == l)
        .map(|(_, v)| *v)
        .or_else(|| l.parse().ok().filter(|v: &i64| *v > 0 && *v < 1000))
}

fn unit_word(w: &str) -> Option<char> {
    match lowercased(w).as_ref() {
        "decade" | "decades" => Some('x'),
        "day" | "days" => Some('d'),
        "week" | "weeks" => Some('w'),
        "month" | "months" => Some('m'),
        "year" | "years" => Some('y'),
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
struct Fut<'a, 'b> {
    s: &'b Sentence<'a>,
    i: usize,
    known: std::cell::Cell<Option<bool>>,
}

impl Fut<'_, '_> {
    fn get(&self) -> bool {
        if let Some(v) = self.known.get() {
            return v;
        }
        let v = future_near(self.s, self.i);
        self.known.set(Some(v));
        v
    }
}

fn future_near(s: &Sentence, i: usize) -> bool {
    static FUTURE: Words = Words::new(include_str!("../../lexicon/facts/future-words.txt"));
    static PAST: Words = Words::new(include_str!("../../lexicon/facts/past-words.txt"));
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

fn resolve_weekday(pubd: Option<Day>, wd: u32, fut: bool, shift: i32) -> Option<Value> {
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
fn resolve_month(pubd: Option<Day>, m: u32, fut: bool) -> Option<Value> {
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

fn resolve_day_no_year(pubd: Option<Day>, m: u32, d: u32, fut: bool) -> Option<Value> {
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

/// Finds the dates of one sentence. `anchor` is the last date resolved
/// before it ("three days later" counts from there).
pub fn find(s: &Sentence, pubd: Option<Day>, anchor: &mut Option<Day>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut i = s.range.start;
    while i < s.range.end {
        if !could_start(s.word(i)) {
            i += 1;
            continue;
        }
        let fut = Fut {
            s,
            i,
            known: std::cell::Cell::new(None),
        };
        if let Some(f) = match_at(s, i, pubd, &fut, *anchor) {
            if let Some(d) = f.value.as_ref().and_then(Value::first_day) {
                *anchor = Some(d);
            }
            i = f.tok.end;
            // "between October 2019 and March 2020", "from May 3 to May 5":
            // two dates joined by a connector are one range.
            if let Some(prev) = out.last_mut() {
                let gap = prev.tok.end..f.tok.start;
                let connector = gap.len() == 1
                    && matches!(
                        lowercased(s.word(gap.start)).as_ref(),
                        "to" | "and" | "until" | "through" | "-" | "–" | "bis" | "au" | "al" | "a"
                    );
                let opener = prev.tok.start > s.range.start
                    && matches!(
                        lowercased(s.word(prev.tok.start - 1)).as_ref(),
                        "between" | "from" | "von" | "zwischen" | "du" | "entre" | "de" | "desde"
                    );
                if connector && (opener || s.word(gap.start) != "and") {
                    let start = if opener {
                        prev.tok.start - 1
                    } else {
                        prev.tok.start
                    };
                    let value = match (prev.value.take(), f.value.clone()) {
                        (Some(x), Some(y)) => Some(Value::Range(Box::new(x), Box::new(y))),
                        _ => None,
                    };
                    *prev = Found {
                        tok: start..f.tok.end,
                        value,
                        kind: Kind::Range,
                    };
                    continue;
                }
            }
            out.push(f);
        } else {
            i += 1;
        }
    }
    out
}

fn match_at(
    s: &Sentence,
    i: usize,
    pubd: Option<Day>,
    fut: &Fut,
    anchor: Option<Day>,
) -> Option<Found> {
    let end = s.range.end;
    let w = |k: usize| if k < end { s.word(k) } else { "" };
    let lw = |k: usize| lowercased(w(k));
    let cap = |k: usize| w(k).chars().next().is_some_and(char::is_uppercase);
    let prev = if i > s.range.start {
        lw(i - 1)
    } else {
        Cow::Borrowed("")
    };
    let found = |a: usize, b: usize, value: Option<Value>, kind: Kind| {
        Some(Found {
            tok: a..b,
            value,
            kind,
        })
    };

    // The attacks of 9/11 are a date of their own.
    if w(i) == "9/11" {
        return found(
            i,
            i + 1,
            Day::new(2001, 9, 11).map(Value::Day),
            Kind::Absolute,
        );
    }
    // ISO and numeric dates in one token: 2013-11-05, 05/11/2013, 28/07, 28.07.2013
    if let Some(f) = numeric_date(w(i), pubd, s.lang_us, fut) {
        return found(i, i + 1, Some(f), Kind::Absolute);
    }
    // Decades: "1990s", "mid-1990s", "the '90s"
    if let Some(v) = decade(w(i)) {
        return found(i, i + 1, Some(v), Kind::Range);
    }
    // Year spans in one token: "2008-9", "2019-20", "2010–2015"
    if let Some((y1, y2)) = w(i).split_once(['-', '–']).and_then(|(a, b)| {
        let y1 = year_num(a)?;
        let y2 = match b.len() {
            1 => (y1 / 10) * 10 + b.parse::<i32>().ok()?,
            2 => (y1 / 100) * 100 + b.parse::<i32>().ok()?,
            4 => year_num(b)?,
            _ => return None,
        };
        (y2 > y1 && y2 - y1 <= 20).then_some((y1, y2))
    }) {
        return found(
            i,
            i + 1,
            Some(Value::Range(
                Box::new(Value::Year(y1)),
                Box::new(Value::Year(y2)),
            )),
            Kind::Range,
        );
    }

    if let Some(m) = month(w(i)) {
        if ambiguous_month(w(i)) && !cap(i) {
            return None;
        }
        // Month Day(-Day)? (,)? Year?
        let mut k = i + 1;
        if let Some(d) = day_num(w(k)).or_else(|| day_range(w(k)).map(|r| r.0)) {
            let range = day_range(w(k));
            k += 1;
            let mut year = None;
            let mut kk = k;
            if w(kk) == "," {
                kk += 1;
            }
            if let Some(y) = year_num(w(kk)) {
                year = Some(y);
                k = kk + 1;
            }
            // "November 16 to 17", "Nov. 16 - 17"
            let mut range = range;
            if range.is_none() && matches!(lw(k).as_ref(), "to" | "-" | "–" | "and" | "through") {
                if let Some(d2) = day_num(w(k + 1)) {
                    if d2 > d && month(w(k + 2)).is_none() {
                        range = Some((d, d2));
                        k += 2;
                    }
                }
            }
            let resolve = |d: u32| match year {
                Some(y) => Day::new(y, m, d).map(Value::Day),
                None => resolve_day_no_year(pubd, m, d, fut.get()),
            };
            return match range {
                Some((a, b)) => {
                    let v = match (resolve(a), resolve(b)) {
                        (Some(x), Some(y)) => Some(Value::Range(Box::new(x), Box::new(y))),
                        _ => None,
                    };
                    found(i, k, v, Kind::Range)
                }
                None => found(i, k, resolve(d), Kind::Absolute),
            };
        }
        // Month Year
        if let Some(y) = year_num(w(i + 1)) {
            return found(i, i + 2, Some(Value::Month(y, m)), Kind::Partial);
        }
        // "in July", "July's election", "early July", "from May to July"
        let cue = matches!(
            prev.as_ref(),
            "in" | "since"
                | "until"
                | "till"
                | "by"
                | "from"
                | "during"
                | "early"
                | "late"
                | "mid"
                | "mid-"
                | "last"
                | "next"
                | "this"
                | "of"
                | "before"
                | "after"
                | "through"
                | "im"
                | "en"
                | "de"
                | "seit"
                | "bis"
        ) || matches!(w(i + 1), "'s" | "’s");
        if cue && cap(i) {
            if matches!(lw(i + 1).as_ref(), "to" | "until" | "through" | "-" | "–") {
                if let Some(m2) = month(w(i + 2)) {
                    let a = resolve_month(pubd, m, fut.get());
                    let b = resolve_month(pubd, m2, fut.get()).map(|v| match (v, &a) {
                        (Value::Month(y2, mm), Some(Value::Month(y1, _)))
                            if mm < m && y2 == *y1 =>
                        {
                            Value::Month(y2 + 1, mm)
                        }
                        (v, _) => v,
                    });
                    let v = a
                        .zip(b)
                        .map(|(a, b)| Value::Range(Box::new(a), Box::new(b)));
                    return found(i, i + 3, v, Kind::Range);
                }
            }
            let v = match prev.as_ref() {
                "last" => pubd.map(|p| Value::Month(if m < p.m { p.y } else { p.y - 1 }, m)),
                "next" => pubd.map(|p| Value::Month(if m > p.m { p.y } else { p.y + 1 }, m)),
                _ => resolve_month(pubd, m, fut.get()),
            };
            return found(i, i + 1, v, Kind::Partial);
        }
        return None;
    }

    // Day Month (Year): "28 July 2013", "16-17 November", "5. Mai"
    if day_num(w(i)).is_some() || day_range(w(i)).is_some() {
        let mut k = i + 1;
        if w(k) == "." || lw(k) == "de" {
            k += 1;
        }
        if let Some(m) = month(w(k)) {
            let mut e = k + 1;
            if lw(e) == "de" {
                e += 1;
            }
            let year = year_num(w(e));
            let end_tok = if year.is_some() { e + 1 } else { k + 1 };
            let resolve = |d: u32| match year {
                Some(y) => Day::new(y, m, d).map(Value::Day),
                None => resolve_day_no_year(pubd, m, d, fut.get()),
            };
            if let Some((a, b)) = day_range(w(i)) {
                let v = resolve(a)
                    .zip(resolve(b))
                    .map(|(x, y)| Value::Range(Box::new(x), Box::new(y)));
                return found(i, end_tok, v, Kind::Range);
            }
            let d = day_num(w(i)).unwrap_or(1);
            return found(i, end_tok, resolve(d), Kind::Absolute);
        }
    }

    // Years: "in 2019", "since 1998", "2019's", "between 2010 and 2015"
    if let Some(y) = year_num(w(i)) {
        // A year, unless it counts something ("2000 people") or is part of
        // an amount or a number.
        let next = w(i + 1);
        let counts =
            next.len() > 3 && next.ends_with('s') && next.chars().all(|c| c.is_lowercase());
        let amount = matches!(
            prev.as_ref(),
            "$" | "€" | "£" | "no." | "#" | "number" | "nr." | "n°"
        ) || multiplier_word(next);
        if counts || amount {
            return None;
        }
        if matches!(
            lw(i + 1).as_ref(),
            "and" | "to" | "-" | "–" | "through" | "until"
        ) {
            if let Some(y2) = year_num(w(i + 2)) {
                if y2 > y {
                    return found(
                        i,
                        i + 3,
                        Some(Value::Range(
                            Box::new(Value::Year(y)),
                            Box::new(Value::Year(y2)),
                        )),
                        Kind::Range,
                    );
                }
            }
        }
        // "in 2019-20" seasons stay a year
        return found(i, i + 1, Some(Value::Year(y)), Kind::Partial);
    }

    // Weekdays: "on Tuesday", "last Friday", "Tuesday night"
    if let Some(wd) = weekday(w(i)) {
        // English capitalises weekdays; French and Spanish do not.
        if !cap(i) && weekday_english(w(i)) {
            return None;
        }
        let (start, shift) = match prev.as_ref() {
            "last" | "past" => (i - 1, -1),
            "next" | "coming" => (i - 1, 1),
            "this" => (i - 1, 0),
            _ => (i, 0),
        };
        let mut e = i + 1;
        // "Tuesday, Nov. 5" is handled as the absolute date that follows.
        if matches!(
            lw(e).as_ref(),
            "morning" | "afternoon" | "evening" | "night"
        ) {
            e += 1;
        }
        if w(e) == "," && month(w(e + 1)).is_some() {
            return None;
        }
        return found(
            start,
            e,
            resolve_weekday(pubd, wd, fut.get(), shift),
            Kind::Relative,
        );
    }

    // Single relative words.
    let rel = match lw(i).as_ref() {
        "today" | "tonight" | "heute" | "aujourd'hui" | "hoy" | "hoje" | "oggi" => Some(0),
        "yesterday" | "gestern" | "hier" | "ayer" | "ontem" | "ieri" => Some(-1),
        "tomorrow" | "morgen" | "demain" | "amanhã" | "domani" => Some(1),
        _ => None,
    };
    let mid_cap =
        cap(i) && i > s.range.start && !matches!(w(i - 1), "\"" | "“" | "(" | "—" | ":" | "‘");
    if let Some(off) = rel.filter(|_| !mid_cap) {
        // "hier" is yesterday only in French (in German it is "here"), and
        // "morgen" tomorrow only in German and lower case ("Morgen" is a morning).
        if (lw(i) == "hier" && !s.lang.starts_with("fr"))
            || (lw(i) == "morgen" && (!s.lang.starts_with("de") || cap(i)))
        {
            return None;
        }
        return found(
            i,
            i + 1,
            pubd.map(|p| Value::Day(p.add_days(off))),
            Kind::Relative,
        );
    }
    // "the day before", "the year before", "the previous week", "the week prior"
    if lw(i) == "the" {
        let (unit, rel_end) = match (lw(i + 1).as_ref(), lw(i + 2).as_ref(), lw(i + 3).as_ref()) {
            ("day", "before", _) => ('d', i + 3),
            ("year", "before", _) => ('y', i + 3),
            ("week", "before" | "prior", _) | ("previous" | "prior", "week", _) => ('w', i + 3),
            ("previous" | "prior", "day", _) => ('d', i + 3),
            ("previous" | "prior", "year", _) => ('y', i + 3),
            ("weekend", _, _) => ('e', i + 2),
            _ => ('-', i),
        };
        let base = if unit == 'e' { pubd } else { anchor.or(pubd) };
        let v = match unit {
            'd' => base.map(|b| Value::Day(b.add_days(-1))),
            'y' => base.map(|b| Value::Year(b.y - 1)),
            'w' => base.map(|b| {
                let monday = b.add_days(-(b.weekday() as i64) - 7);
                Value::Range(
                    Box::new(Value::Day(monday)),
                    Box::new(Value::Day(monday.add_days(6))),
                )
            }),
            'e' => base.map(|b| {
                // The weekend just past (or this one, on a weekend).
                let back = (b.weekday() as i64 + 7 - 5) % 7;
                let sat = b.add_days(-back);
                Value::Range(
                    Box::new(Value::Day(sat)),
                    Box::new(Value::Day(sat.add_days(1))),
                )
            }),
            _ => return None,
        };
        return found(i, rel_end, v, Kind::Relative);
    }
    // Seasons: "last fall", "this summer", "next spring" → the year
    if matches!(lw(i).as_ref(), "last" | "this" | "next" | "past")
        && matches!(
            lw(i + 1).as_ref(),
            "fall" | "autumn" | "summer" | "spring" | "winter"
        )
    {
        let v = pubd.map(|p| {
            let season_month = match lw(i + 1).as_ref() {
                "spring" => 4,
                "summer" => 7,
                "fall" | "autumn" => 10,
                _ => 1,
            };
            let y = match lw(i).as_ref() {
                "last" | "past" => {
                    if season_month < p.m {
                        p.y
                    } else {
                        p.y - 1
                    }
                }
                "next" => {
                    if season_month > p.m {
                        p.y
                    } else {
                        p.y + 1
                    }
                }
                _ => p.y,
            };
            Value::Year(y)
        });
        return found(i, i + 2, v, Kind::Relative);
    }
    // German: "(in) der vergangenen Woche", "letzten Monat", "nächstes Jahr"
    if let Some(shift) = match lw(i).as_ref() {
        "vergangenen" | "vergangene" | "letzten" | "letzte" | "letztes" | "vorigen" | "vorige"
        | "voriges" => Some(-1),
        "nächsten" | "nächste" | "nächstes" | "kommenden" | "kommende" => Some(1),
        "dieser" | "diese" | "dieses" | "diesem" => Some(0),
        _ => None,
    } {
        let start = if matches!(prev.as_ref(), "der" | "die" | "das" | "den" | "dem") {
            i - 1
        } else {
            i
        };
        let v = match lw(i + 1).as_ref() {
            "woche" => pubd.map(|p| {
                let monday = p.add_days(-(p.weekday() as i64) + 7 * shift as i64);
                Value::Range(
                    Box::new(Value::Day(monday)),
                    Box::new(Value::Day(monday.add_days(6))),
                )
            }),
            "monat" | "monats" => pubd.map(|p| {
                let d = p.add_months(shift);
                Value::Month(d.y, d.m)
            }),
            "jahr" | "jahres" => pubd.map(|p| Value::Year(p.y + shift)),
            _ => return None,
        };
        return found(start, i + 2, v, Kind::Relative);
    }
    // "this morning", "this week", "last month", "next year", "earlier this month"
    if matches!(lw(i).as_ref(), "this" | "last" | "next" | "past") && !mid_cap {
        let start = if matches!(prev.as_ref(), "earlier" | "later") {
            i - 1
        } else {
            i
        };
        let shift = match lw(i).as_ref() {
            "last" | "past" => -1,
            "next" => 1,
            _ => 0,
        };
        let v = match lw(i + 1).as_ref() {
            "morning" | "afternoon" | "evening" if shift == 0 => pubd.map(Value::Day),
            "week" => pubd.map(|p| {
                let monday = p.add_days(-(p.weekday() as i64) + 7 * shift as i64);
                Value::Range(
                    Box::new(Value::Day(monday)),
                    Box::new(Value::Day(monday.add_days(6))),
                )
            }),
            "weekend" => pubd.map(|p| {
                let sat = p.add_days(
                    5 - p.weekday() as i64
                        + if shift < 0 {
                            -7
                        } else if shift > 0 {
                            7
                        } else {
                            0
                        },
                );
                Value::Range(
                    Box::new(Value::Day(sat)),
                    Box::new(Value::Day(sat.add_days(1))),
                )
            }),
            "month" => pubd.map(|p| {
                let d = p.add_months(shift);
                Value::Month(d.y, d.m)
            }),
            "year" => pubd.map(|p| Value::Year(p.y + shift)),
            _ => return None,
        };
        return found(start, i + 2, v, Kind::Relative);
    }
    // "three days ago", "two weeks later", "a year earlier", "in two weeks"
    if let Some(n) = number_word(w(i)) {
        if let Some(u) = unit_word(w(i + 1)) {
            let dir = match lw(i + 2).as_ref() {
                "ago" | "earlier" | "before" => -1,
                "later" | "after" | "afterwards" => 1,
                _ if prev == "in" && fut.get() => 2,
                _ => return None,
            };
            // "ago" counts from publication, "later" from the last date.
            let base = if dir == -1 && lw(i + 2) == "ago" || dir == 2 {
                pubd
            } else {
                anchor
            };
            let sign = if dir == -1 { -1 } else { 1 };
            let v = base.map(|b| match u {
                'd' => Value::Day(b.add_days(sign * n)),
                'x' => Value::Year(b.y + sign as i32 * 10 * n as i32),
                'w' => Value::Day(b.add_days(sign * 7 * n)),
                'm' => {
                    let d = b.add_months(sign as i32 * n as i32);
                    Value::Month(d.y, d.m)
                }
                _ => Value::Year(b.y + sign as i32 * n as i32),
            });
            let start = if dir == 2 { i - 1 } else { i };
            let end = if dir == 2 { i + 2 } else { i + 3 };
            return found(start, end, v, Kind::Relative);
        }
    }
    None
}

/// Numeric dates in one token.
fn numeric_date(w: &str, pubd: Option<Day>, us: bool, fut: &Fut) -> Option<Value> {
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
