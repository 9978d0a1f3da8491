//! The date matchers: small functions, each reading the words at one token
//! and saying whether a date of its kind starts there, tried in the order of
//! [`MATCHERS`]. The first that decides wins: it found a date, or it knows
//! there is none here ("may" in lower case is no month, "2000 soldiers" no
//! year); the others pass.

use std::borrow::Cow;

use super::value::{Found, Kind, Value};
use super::words::{
    ambiguous_month, day_num, day_range, decade, month, multiplier_word, number_word, numeric_date,
    resolve_day_no_year, resolve_month, resolve_weekday, unit_word, weekday, weekday_english,
    year_num, Fut,
};
use crate::doc::Sentence;
use crate::facts::calendar::Day;
use crate::text::lowercased;

/// What a matcher says about the words at a token.
enum Match {
    /// A date starts here.
    Date(Found),
    /// No date starts here: the matchers after this one are not asked.
    NoDate,
    /// Not this matcher's kind of date: ask the next.
    Pass,
}

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
    ("this_last", this_last),
    ("counted", counted),
];

/// Where the matchers look: a sentence, a token of it, and what dates
/// resolve against.
struct At<'s, 'a, 'b> {
    s: &'s Sentence<'a>,
    i: usize,
    pubd: Option<Day>,
    fut: &'s Fut<'a, 'b>,
    /// The last date resolved before this one ("three days later").
    anchor: Option<Day>,
    /// The word before, lower case ("" at the sentence start).
    prev: Cow<'a, str>,
}

impl<'a> At<'_, 'a, '_> {
    /// Word `k` of the sentence, "" past its end.
    fn w(&self, k: usize) -> &'a str {
        if k < self.s.range.end {
            self.s.word(k)
        } else {
            ""
        }
    }

    /// Word `k`, lower case.
    fn lw(&self, k: usize) -> Cow<'a, str> {
        lowercased(self.w(k))
    }

    /// Whether word `k` starts with a capital.
    fn cap(&self, k: usize) -> bool {
        self.w(k).chars().next().is_some_and(char::is_uppercase)
    }

    /// The word is capitalised inside the sentence, not after an opening
    /// quote or bracket: a name ("Today" the programme), not a date.
    fn mid_cap(&self) -> bool {
        let (s, i) = (self.s, self.i);
        self.cap(i)
            && i > s.range.start
            && !matches!(self.w(i - 1), "\"" | "“" | "(" | "—" | ":" | "‘")
    }
}

fn found(a: usize, b: usize, value: Option<Value>, kind: Kind) -> Match {
    Match::Date(Found {
        tok: a..b,
        value,
        kind,
    })
}

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
        if counts || amount {
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

/// Weekdays: "on Tuesday", "last Friday", "Tuesday night".
fn weekday_name(at: &At) -> Match {
    let i = at.i;
    let pubd = at.pubd;
    let fut = at.fut;
    if let Some(wd) = weekday(at.w(i)) {
        // English capitalises weekdays; French and Spanish do not.
        if !at.cap(i) && weekday_english(at.w(i)) {
            return Match::NoDate;
        }
        let (start, shift) = match at.prev.as_ref() {
            // Dutch "afgelopen dinsdag", Polish "w ubiegły piątek", "w zeszłą środę".
            "last" | "past" | "afgelopen" | "vorige" | "zeszły" | "zeszłą" | "ubiegły"
            | "ubiegłą" => (i - 1, -1),
            "next" | "coming" | "volgende" | "komende" | "przyszły" | "przyszłą" | "najbliższy"
            | "najbliższą" => (i - 1, 1),
            "this" => (i - 1, 0),
            _ => (i, 0),
        };
        let mut e = i + 1;
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

/// Single relative words: "today", "yesterday", "tomorrow" and their German,
/// French, Spanish, Portuguese and Italian forms.
fn relative_word(at: &At) -> Match {
    let s = at.s;
    let i = at.i;
    let pubd = at.pubd;
    let rel = match at.lw(i).as_ref() {
        "today" | "tonight" | "heute" | "aujourd'hui" | "hoy" | "hoje" | "oggi" | "vandaag"
        | "dziś" | "dzisiaj" => Some(0),
        "yesterday" | "gestern" | "hier" | "ayer" | "ontem" | "ieri" | "gisteren" | "wczoraj" => {
            Some(-1)
        }
        "tomorrow" | "morgen" | "demain" | "amanhã" | "domani" | "jutro" => Some(1),
        _ => None,
    };
    let mid_cap = at.mid_cap();
    if let Some(off) = rel.filter(|_| !mid_cap) {
        // "hier" is yesterday only in French (in German it is "here"), and
        // "morgen" tomorrow only in German and Dutch, and lower case
        // ("Morgen" is a morning).
        if (at.lw(i) == "hier" && !s.lang.starts_with("fr"))
            || (at.lw(i) == "morgen"
                && (!(s.lang.starts_with("de") || s.lang.starts_with("nl")) || at.cap(i)))
        {
            return Match::NoDate;
        }
        return found(
            i,
            i + 1,
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

/// "three days ago", "two weeks later", "a year earlier", "in two weeks".
fn counted(at: &At) -> Match {
    let i = at.i;
    let pubd = at.pubd;
    let fut = at.fut;
    let anchor = at.anchor;
    if let Some(n) = number_word(at.w(i)) {
        if let Some(u) = unit_word(at.w(i + 1)) {
            let dir = match at.lw(i + 2).as_ref() {
                "ago" | "earlier" | "before" | "geleden" | "temu" => -1,
                "later" | "after" | "afterwards" | "później" => 1,
                _ if at.prev == "in" && fut.get() => 2,
                _ => return Match::NoDate,
            };
            // "ago" counts from publication, "later" from the last date.
            let ago = matches!(at.lw(i + 2).as_ref(), "ago" | "geleden" | "temu");
            let base = if dir == -1 && ago || dir == 2 {
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
    Match::Pass
}

#[cfg(test)]
mod tests;
