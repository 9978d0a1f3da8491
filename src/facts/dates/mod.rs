//! Dates and times the article mentions, resolved to calendar dates.
//!
//! Patterns, tried at every token of a sentence (longest match wins):
//!
//! * absolute: `July 28`, `Sept. 24, 2013`, `28 July 2013`, `5. Mai 2020`,
//!   `2013-11-05`, `28/07`, `November 16-17` (a range), `July 2013`;
//! * partial: `in July`, `July's election`, `in 2019`, `since 1998`;
//! * relative: `on Tuesday`, `yesterday`, `last week`, `next month`,
//!   `three days ago`, `two weeks later` (counted from the date before it),
//!   and their forms in the seven other languages: `vor drei Tagen`, `il y a
//!   deux ans`, `hace dos semanas`, `há dois anos`, `due giorni fa`, `mardi
//!   dernier`, `el pasado martes`, `na última sexta-feira`, `l'an dernier`,
//!   `el año pasado`, `avant-hier`, `vorgestern`, `l'altro ieri`;
//! * ranges: `from May to July`, `between 2010 and 2015`.
//!
//! Relative and partial dates are resolved against the publication date:
//! a weekday is the latest such day on or before it (the next one when the
//! sentence speaks of the future), a month without a year the nearest such
//! month not after it. Durations ("a three-hour meeting", "two weeks") are
//! not dates. Month and weekday names are known in English, German, French,
//! Spanish, Portuguese, Italian, Dutch and Polish.

mod matchers;
mod value;
mod words;

pub use value::{Found, Kind, Value};

use super::calendar::Day;
use crate::doc::Sentence;
use crate::text::lowercased;
use matchers::match_at;
use words::{could_start, Fut};

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
        let fut = Fut::new(s, i);
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
                        "to" | "and"
                            | "until"
                            | "through"
                            | "-"
                            | "–"
                            | "bis"
                            | "au"
                            | "al"
                            | "a"
                            | "tot"
                            | "do"
                    );
                let opener = prev.tok.start > s.range.start
                    && matches!(
                        lowercased(s.word(prev.tok.start - 1)).as_ref(),
                        "between"
                            | "from"
                            | "von"
                            | "zwischen"
                            | "du"
                            | "entre"
                            | "de"
                            | "desde"
                            | "van"
                            | "od"
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
