//! Counted spans of time as dates: "three days ago", "two weeks later",
//! "in two weeks", and their forms in the seven other languages ("vor drei
//! Tagen", "il y a deux ans", "hace dos semanas", "due anni fa", "rok
//! temu", "dans deux semaines", "zwei Jahre später").

use std::borrow::Cow;

use super::super::value::{Kind, Value};
use super::super::words::{number_word, unit_word};
use super::at::{found, At, Match};

/// "three days ago", "two weeks later", "a year earlier", "in two weeks";
/// "il y a deux ans", "hace tres días", "há dois anos", "vor drei Tagen",
/// "due anni fa", "tien jaar geleden", "rok temu"; "dans deux semaines",
/// "over twee weken", "za dwa tygodnie"; "deux ans plus tard", "zwei Jahre
/// später".
pub(super) fn counted(at: &At) -> Match {
    let i = at.i;
    let pubd = at.pubd;
    let anchor = at.anchor;
    // "a" and "an" count one only in English ("a rok temu" is "and a year ago").
    let english_article = matches!(at.lw(i).as_ref(), "a" | "an")
        && matches!(
            at.s.lang.get(..2),
            Some("de" | "fr" | "es" | "pt" | "it" | "nl" | "pl")
        );
    let number = number_word(at.w(i)).filter(|_| !english_article);
    // "rok temu", "tydzień temu": a Polish unit alone is one of it.
    let (n, u, after) = match (number, unit_word(at.w(i + 1))) {
        (Some(n), Some(u)) => (n, u, i + 2),
        _ => match unit_word(at.w(i)) {
            Some(u) if at.lw(i + 1) == "temu" => (1, u, i + 1),
            _ => return Match::Pass,
        },
    };
    let Some((start, dir, end)) = counted_direction(at, after) else {
        return Match::NoDate;
    };
    // "ago" counts from publication, "later" from the last date; "in two
    // weeks" forward from publication.
    let base = if dir == 0 { anchor } else { pubd };
    let sign = if dir == 0 {
        if matches!(direction_after(at, after), Some((-1, _))) {
            -1
        } else {
            1
        }
    } else {
        dir
    };
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
    found(start.min(i), end, v, Kind::Relative)
}

/// Which way a counted span of time at `at.i` (its unit ending before
/// `after`) points: (start token, direction, end token). Direction -1 is
/// back from publication ("ago"), 1 forward from it ("in two weeks"), 0
/// from the last date ("later", "earlier": the sign is the word's).
fn counted_direction(at: &At, after: usize) -> Option<(usize, i64, usize)> {
    let i = at.i;
    let lang = at.s.lang.get(..2).unwrap_or("");
    let w = |k: usize| {
        if k >= at.s.range.start {
            at.lw(k)
        } else {
            Cow::Borrowed("")
        }
    };
    // Words before the number.
    if i > at.s.range.start {
        let before = match at.prev.as_ref() {
            "hace" | "há" | "vor" => Some((i - 1, -1)),
            "dans" | "tra" | "fra" | "za" => Some((i - 1, 1)),
            "over" if lang == "nl" => Some((i - 1, 1)),
            // "il y a deux ans", "qu'il y a": ago; "dentro de", "daqui a": ahead.
            "a" if i >= 3 && w(i - 2) == "y" && w(i - 3).ends_with("il") => Some((i - 3, -1)),
            "a" if i >= 2 && w(i - 2) == "daqui" => Some((i - 2, 1)),
            "de" if i >= 2 && w(i - 2) == "dentro" => Some((i - 2, 1)),
            _ => None,
        };
        if let Some((start, dir)) = before {
            return Some((start, dir, after));
        }
    }
    match direction_after(at, after) {
        Some((_, e)) if is_ago(&at.lw(after)) => Some((i, -1, e)),
        Some((_, e)) => Some((i, 0, e)),
        // "in two weeks" (and German "in zwei Wochen") ahead, when the
        // sentence speaks of the future; else a span ("in two weeks it grew").
        None if at.prev == "in" && at.fut.get() => Some((i - 1, 1, after)),
        None => None,
    }
}

/// "ago" and its kind after a span of time: counted from publication.
fn is_ago(w: &str) -> bool {
    matches!(w, "ago" | "geleden" | "temu" | "fa" | "atrás")
}

/// The word after a span of time at `k` that says which way it points:
/// (sign, end token). "ago", "earlier", "zuvor" go back; "later", "später",
/// "plus tard", "más tarde" forward.
fn direction_after(at: &At, k: usize) -> Option<(i64, usize)> {
    let (w, next) = (at.lw(k), at.lw(k + 1));
    let two = match (w.as_ref(), next.as_ref()) {
        ("plus" | "más" | "mais" | "più", "tard" | "tarde" | "tardi") => Some(1),
        ("plus", "tôt") | ("más" | "mais", "cedo") => Some(-1),
        _ => None,
    };
    if let Some(sign) = two {
        return Some((sign, k + 2));
    }
    let sign = match w.as_ref() {
        "ago" | "earlier" | "before" | "geleden" | "temu" | "fa" | "atrás" | "zuvor" | "früher"
        | "auparavant" | "avant" | "antes" | "prima" | "eerder" | "wcześniej" => -1,
        "later" | "after" | "afterwards" | "później" | "später" | "danach" | "après"
        | "después" | "depois" | "dopo" => 1,
        _ => return None,
    };
    Some((sign, k + 1))
}
