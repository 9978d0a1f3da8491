//! The date matchers: small functions, each reading the words at one token
//! and saying whether a date of its kind starts there, tried in the order of
//! [`MATCHERS`]. The first that decides wins: it found a date, or it knows
//! there is none here ("may" in lower case is no month, "2000 soldiers" no
//! year); the others pass.

use std::borrow::Cow;

use super::value::{Found, Kind, Value};
use super::words::{
    ambiguous_month, day_num, day_range, decade, month, multiplier_word, numeric_date,
    portuguese_short_weekday, resolve_day_no_year, resolve_month, resolve_weekday, romance_unit,
    unit_shift, weekday, weekday_english, weekday_shift_after, weekday_shift_before, year_num, Fut,
};
use crate::doc::Sentence;
use crate::facts::calendar::Day;
use crate::text::lowercased;
use at::{found, At, Match};
use counted::counted;

/// A matcher: reads the words at [`At::i`].
type Matcher = fn(&At) -> Match;

/// The matchers in the order they are tried. The order matters: a numeric
/// token is a date before it is a year, a month name settles its token
/// before a day number can, a weekday before the relative words.
const MATCHERS: &[(&str, Matcher)] = &[
    ("nine_eleven", nine_eleven),
    ("numeric", numeric),
    ("decade", decade_token),
    ("year_span", year_span),
    ("month_first", month_first),
    ("day_month", day_month),
    ("year", year),
    ("weekday_name", weekday_name),
    ("relative_word", relative_word),
    ("the_before", the_before),
    ("season", season),
    ("german_relative", german_relative),
    ("romance_relative", romance_relative),
    ("this_last", this_last),
    ("counted", counted),
];

/// The date starting at token `i`, if any: the first matcher that decides.
pub(super) fn match_at(
    s: &Sentence,
    i: usize,
    pubd: Option<Day>,
    fut: &Fut,
    anchor: Option<Day>,
) -> Option<Found> {
    let prev = if i > s.range.start {
        lowercased(s.word(i - 1))
    } else {
        Cow::Borrowed("")
    };
    let at = At {
        s,
        i,
        pubd,
        fut,
        anchor,
        prev,
    };
    for (_, matcher) in MATCHERS {
        match matcher(&at) {
            Match::Date(f) => return Some(f),
            Match::NoDate => return None,
            Match::Pass => {}
        }
    }
    None
}

/// The attacks of 9/11 are a date of their own.
fn nine_eleven(at: &At) -> Match {
    let i = at.i;
    if at.w(i) == "9/11" {
        return found(
            i,
            i + 1,
            Day::new(2001, 9, 11).map(Value::Day),
            Kind::Absolute,
        );
    }
    Match::Pass
}

/// ISO and numeric dates in one token: 2013-11-05, 05/11/2013, 28/07, 28.07.2013.
fn numeric(at: &At) -> Match {
    let s = at.s;
    let i = at.i;
    let pubd = at.pubd;
    let fut = at.fut;
    if let Some(f) = numeric_date(at.w(i), pubd, s.lang_us, fut) {
        return found(i, i + 1, Some(f), Kind::Absolute);
    }
    Match::Pass
}

/// Decades: "1990s", "mid-1990s", "the '90s".
fn decade_token(at: &At) -> Match {
    let i = at.i;
    if let Some(v) = decade(at.w(i)) {
        return found(i, i + 1, Some(v), Kind::Range);
    }
    Match::Pass
}

/// Year spans in one token: "2008-9", "2019-20", "2010–2015".
fn year_span(at: &At) -> Match {
    let i = at.i;
    if let Some((y1, y2)) = at.w(i).split_once(['-', '–']).and_then(|(a, b)| {
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
    Match::Pass
}

/// A month first: "July 28, 2013", "Nov. 16 - 17", "March 2019", "in July",
/// "from May to July". A month name that settles nothing here (no day, year or
/// cue) is no date.
fn month_first(at: &At) -> Match {
    let i = at.i;
    let pubd = at.pubd;
    let fut = at.fut;
    if let Some(m) = month(at.w(i)) {
        if ambiguous_month(at.w(i)) && !at.cap(i) {
            return Match::NoDate;
        }
        // Month Day(-Day)? (,)? Year?
        let mut k = i + 1;
        if let Some(d) = day_num(at.w(k)).or_else(|| day_range(at.w(k)).map(|r| r.0)) {
            let range = day_range(at.w(k));
            k += 1;
            let mut year = None;
            let mut kk = k;
            if at.w(kk) == "," {
                kk += 1;
            }
            if let Some(y) = year_num(at.w(kk)) {
                year = Some(y);
                k = kk + 1;
            }
            // "November 16 to 17", "Nov. 16 - 17"
            let mut range = range;
            if range.is_none() && matches!(at.lw(k).as_ref(), "to" | "-" | "–" | "and" | "through")
            {
                if let Some(d2) = day_num(at.w(k + 1)) {
                    if d2 > d && month(at.w(k + 2)).is_none() {
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
        if let Some(y) = year_num(at.w(i + 1)) {
            return found(i, i + 2, Some(Value::Month(y, m)), Kind::Partial);
        }
        // "in July", "July's election", "early July", "from May to July"
        let cue = matches!(
            at.prev.as_ref(),
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
                | "sinds"
                | "w"
                | "od"
        ) || matches!(at.w(i + 1), "'s" | "’s");
        // In any case: the languages that write months in lower case ("en
        // mayo", "w maju", "in mei") have no everyday word among them, and a
        // lower-case "may" or "march" was ruled out above.
        if cue {
            if matches!(
                at.lw(i + 1).as_ref(),
                "to" | "until" | "through" | "-" | "–"
            ) {
                if let Some(m2) = month(at.w(i + 2)) {
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
            let v = match at.prev.as_ref() {
                "last" => pubd.map(|p| Value::Month(if m < p.m { p.y } else { p.y - 1 }, m)),
                "next" => pubd.map(|p| Value::Month(if m > p.m { p.y } else { p.y + 1 }, m)),
                _ => resolve_month(pubd, m, fut.get()),
            };
            return found(i, i + 1, v, Kind::Partial);
        }
        return Match::NoDate;
    }
    Match::Pass
}

/// A day first: "28 July 2013", "16-17 November", "5. Mai", "5 de mayo de 2019".
fn day_month(at: &At) -> Match {
    let i = at.i;
    let pubd = at.pubd;
    let fut = at.fut;
    if day_num(at.w(i)).is_some() || day_range(at.w(i)).is_some() {
        let mut k = i + 1;
        if at.w(k) == "." || at.lw(k) == "de" {
            k += 1;
        }
        if let Some(m) = month(at.w(k)) {
            let mut e = k + 1;
            if at.lw(e) == "de" {
                e += 1;
            }
            let year = year_num(at.w(e));
            let end_tok = if year.is_some() { e + 1 } else { k + 1 };
            let resolve = |d: u32| match year {
                Some(y) => Day::new(y, m, d).map(Value::Day),
                None => resolve_day_no_year(pubd, m, d, fut.get()),
            };
            if let Some((a, b)) = day_range(at.w(i)) {
                let v = resolve(a)
                    .zip(resolve(b))
                    .map(|(x, y)| Value::Range(Box::new(x), Box::new(y)));
                return found(i, end_tok, v, Kind::Range);
            }
            let d = day_num(at.w(i)).unwrap_or(1);
            return found(i, end_tok, resolve(d), Kind::Absolute);
        }
    }
    Match::Pass
}

/// Years: "in 2019", "since 1998", "2019's", "between 2010 and 2015"; not a
/// number that counts ("2000 soldiers") or an amount.
fn year(at: &At) -> Match {
    let i = at.i;
    if let Some(y) = year_num(at.w(i)) {
        // A year, unless it counts something ("2000 people") or is part of
        // an amount or a number.
        let next = at.w(i + 1);
        let counts =
            next.len() > 3 && next.ends_with('s') && next.chars().all(|c| c.is_lowercase());
        let amount = matches!(
            at.prev.as_ref(),
            "$" | "€" | "£" | "no." | "#" | "number" | "nr." | "n°"
        ) || multiplier_word(next);
        if counts || amount || names_a_thing(at) {
            return Match::NoDate;
        }
        if matches!(
            at.lw(i + 1).as_ref(),
            "and" | "to" | "-" | "–" | "through" | "until"
        ) {
            if let Some(y2) = year_num(at.w(i + 2)) {
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
    Match::Pass
}

/// A four-digit number right after another number is a version or part
/// of an identifier, not a year: "Windowsa 10 1809", "Windows 10 1909" (a
/// year needs a date context). Read so in the seven other languages;
/// English keeps its year rules as they were tuned. (A capitalised word
/// before it says nothing: German "Harris 2006", "Bundeshaushalt 2024" are
/// years.)
fn names_a_thing(at: &At) -> bool {
    let i = at.i;
    let lang = at.s.lang.get(..2).unwrap_or("");
    matches!(lang, "de" | "fr" | "es" | "pt" | "it" | "nl" | "pl")
        && i > at.s.range.start
        && at.w(i - 1).bytes().all(|b| b.is_ascii_digit())
}

/// Weekdays: "on Tuesday", "last Friday", "Tuesday night".
fn weekday_name(at: &At) -> Match {
    let i = at.i;
    let pubd = at.pubd;
    let fut = at.fut;
    let wd = weekday(at.w(i)).or_else(|| {
        at.s.lang
            .starts_with("pt")
            .then(|| portuguese_short_weekday(at.w(i), &at.prev))
            .flatten()
    });
    if let Some(wd) = wd {
        // English capitalises weekdays; French and Spanish do not.
        if !at.cap(i) && weekday_english(at.w(i)) {
            return Match::NoDate;
        }
        // "last Friday", "am vergangenen Dienstag", "el pasado martes"; or
        // after it: "mardi dernier", "martedì scorso".
        let (start, mut shift) = match weekday_shift_before(&at.prev) {
            Some(shift) => (i - 1, shift),
            None => (i, 0),
        };
        let mut e = i + 1;
        if shift == 0 && start == i {
            if let Some(after) = weekday_shift_after(at.w(e)) {
                shift = after;
                e += 1;
            }
        }
        // "Tuesday, Nov. 5" is handled as the absolute date that follows.
        if matches!(
            at.lw(e).as_ref(),
            "morning" | "afternoon" | "evening" | "night"
        ) {
            e += 1;
        }
        if at.w(e) == "," && month(at.w(e + 1)).is_some() {
            return Match::NoDate;
        }
        return found(
            start,
            e,
            resolve_weekday(pubd, wd, fut.get(), shift),
            Kind::Relative,
        );
    }
    Match::Pass
}

/// Single relative words: "today", "yesterday", "tomorrow", the day before
/// yesterday and after tomorrow, in the eight languages ("avant-hier",
/// "anteayer", "anteontem", "l'altro ieri", "vorgestern", "eergisteren",
/// "przedwczoraj", "pasado mañana").
fn relative_word(at: &At) -> Match {
    let s = at.s;
    let i = at.i;
    let pubd = at.pubd;
    let lw = at.lw(i);
    let (rel, len) = match lw.as_ref() {
        "today" | "tonight" | "heute" | "aujourd'hui" | "hoy" | "hoje" | "oggi" | "vandaag"
        | "dziś" | "dzisiaj" => (Some(0), 1),
        // "ieri l'altro" (Italian) is the day before yesterday.
        "ieri" if matches!(at.lw(i + 1).as_ref(), "l'altro" | "l’altro") => (Some(-2), 2),
        "yesterday" | "gestern" | "hier" | "ayer" | "ontem" | "ieri" | "gisteren" | "wczoraj" => {
            (Some(-1), 1)
        }
        "tomorrow" | "morgen" | "demain" | "amanhã" | "domani" | "jutro" => (Some(1), 1),
        "avant-hier" | "anteayer" | "antier" | "anteontem" | "altroieri" | "vorgestern"
        | "eergisteren" | "przedwczoraj" => (Some(-2), 1),
        "l'altro" | "l’altro" | "altro" if at.lw(i + 1) == "ieri" => (Some(-2), 2),
        "après-demain" | "übermorgen" | "overmorgen" | "pojutrze" => (Some(2), 1),
        "pasado" if at.lw(i + 1) == "mañana" => (Some(2), 2),
        _ => (None, 1),
    };
    let mid_cap = at.mid_cap();
    if let Some(off) = rel.filter(|_| !mid_cap) {
        // "hier" is yesterday only in French (in German it is "here"), and
        // "morgen" tomorrow only in German and Dutch, and lower case
        // ("Morgen" is a morning).
        if (lw == "hier" && !s.lang.starts_with("fr"))
            || (lw == "morgen"
                && (!(s.lang.starts_with("de") || s.lang.starts_with("nl")) || at.cap(i)))
        {
            return Match::NoDate;
        }
        return found(
            i,
            i + len,
            pubd.map(|p| Value::Day(p.add_days(off))),
            Kind::Relative,
        );
    }
    Match::Pass
}

/// "the day before", "the year before", "the previous week", "the week prior", "the weekend".
fn the_before(at: &At) -> Match {
    let i = at.i;
    let pubd = at.pubd;
    let anchor = at.anchor;
    if at.lw(i) == "the" {
        let (unit, rel_end) = match (
            at.lw(i + 1).as_ref(),
            at.lw(i + 2).as_ref(),
            at.lw(i + 3).as_ref(),
        ) {
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
            _ => return Match::NoDate,
        };
        return found(i, rel_end, v, Kind::Relative);
    }
    Match::Pass
}

/// Seasons: "last fall", "this summer", "next spring" → the year.
fn season(at: &At) -> Match {
    let i = at.i;
    let pubd = at.pubd;
    if matches!(at.lw(i).as_ref(), "last" | "this" | "next" | "past")
        && matches!(
            at.lw(i + 1).as_ref(),
            "fall" | "autumn" | "summer" | "spring" | "winter"
        )
    {
        let v = pubd.map(|p| {
            let season_month = match at.lw(i + 1).as_ref() {
                "spring" => 4,
                "summer" => 7,
                "fall" | "autumn" => 10,
                _ => 1,
            };
            let y = match at.lw(i).as_ref() {
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
    Match::Pass
}

/// German: "(in) der vergangenen Woche", "letzten Monat", "nächstes Jahr";
/// Dutch: "vorige week", "volgend jaar", "deze maand"; Polish: "w zeszłym
/// tygodniu", "w przyszłym roku", "ubiegłego roku".
fn german_relative(at: &At) -> Match {
    let i = at.i;
    let pubd = at.pubd;
    if let Some(shift) = match at.lw(i).as_ref() {
        "vergangenen" | "vergangene" | "letzten" | "letzte" | "letztes" | "vorigen" | "vorige"
        | "voriges" => Some(-1),
        "nächsten" | "nächste" | "nächstes" | "kommenden" | "kommende" => Some(1),
        "dieser" | "diese" | "dieses" | "diesem" => Some(0),
        "vorig" | "afgelopen" | "zeszłym" | "ubiegłym" | "zeszłego" | "ubiegłego" => Some(-1),
        "volgende" | "volgend" | "komende" | "przyszłym" | "przyszłego" => Some(1),
        "deze" | "dit" | "tym" | "bieżącego" => Some(0),
        _ => None,
    } {
        let start = if matches!(
            at.prev.as_ref(),
            "der" | "die" | "das" | "den" | "dem" | "w"
        ) {
            i - 1
        } else {
            i
        };
        let v = match at.lw(i + 1).as_ref() {
            "woche" | "week" | "tygodniu" | "tygodnia" => pubd.map(|p| {
                let monday = p.add_days(-(p.weekday() as i64) + 7 * shift as i64);
                Value::Range(
                    Box::new(Value::Day(monday)),
                    Box::new(Value::Day(monday.add_days(6))),
                )
            }),
            "monat" | "monats" | "maand" | "miesiącu" | "miesiąca" => pubd.map(|p| {
                let d = p.add_months(shift);
                Value::Month(d.y, d.m)
            }),
            "jahr" | "jahres" | "jaar" | "roku" => pubd.map(|p| Value::Year(p.y + shift)),
            _ => return Match::NoDate,
        };
        return found(start, i + 2, v, Kind::Relative);
    }
    Match::Pass
}

/// French, Spanish, Portuguese and Italian weeks, months and years counted
/// from the publication date: "la semaine dernière", "l'an dernier", "el
/// año pasado", "el año que viene", "la próxima semana", "este mes", "no
/// mês passado", "l'anno scorso", "lo scorso anno", "quest'anno".
fn romance_relative(at: &At) -> Match {
    let i = at.i;
    let (unit, shift, end) = if let Some((unit, this)) = romance_unit(at.w(i)) {
        let after = if this {
            Some((0, i + 1))
        } else if matches!(at.lw(i + 1).as_ref(), "que")
            && matches!(at.lw(i + 2).as_ref(), "viene" | "vem")
        {
            Some((1, i + 3))
        } else {
            unit_shift(at.w(i + 1), true).map(|d| (d, i + 2))
        };
        match after {
            Some((d, e)) => (unit, d, e),
            None => return Match::Pass,
        }
    } else if let Some(d) = unit_shift(at.w(i), false) {
        match romance_unit(at.w(i + 1)) {
            Some((unit, false)) => (unit, d, i + 2),
            _ => return Match::Pass,
        }
    } else {
        return Match::Pass;
    };
    // "el pasado mes de abril" is April, read at the month.
    if unit == 'm' && at.lw(end) == "de" && month(at.w(end + 1)).is_some() {
        return Match::Pass;
    }
    let v = at.pubd.map(|p| match unit {
        'w' => {
            let monday = p.add_days(-(p.weekday() as i64) + 7 * shift as i64);
            Value::Range(
                Box::new(Value::Day(monday)),
                Box::new(Value::Day(monday.add_days(6))),
            )
        }
        'm' => {
            let d = p.add_months(shift);
            Value::Month(d.y, d.m)
        }
        _ => Value::Year(p.y + shift),
    });
    found(i, end, v, Kind::Relative)
}

/// "this morning", "this week", "last month", "next year", "earlier this month".
fn this_last(at: &At) -> Match {
    let i = at.i;
    let pubd = at.pubd;
    if matches!(at.lw(i).as_ref(), "this" | "last" | "next" | "past") && !at.mid_cap() {
        let start = if matches!(at.prev.as_ref(), "earlier" | "later") {
            i - 1
        } else {
            i
        };
        let shift = match at.lw(i).as_ref() {
            "last" | "past" => -1,
            "next" => 1,
            _ => 0,
        };
        let v = match at.lw(i + 1).as_ref() {
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
            _ => return Match::NoDate,
        };
        return found(start, i + 2, v, Kind::Relative);
    }
    Match::Pass
}

mod at;
mod counted;

#[cfg(test)]
mod tests;
