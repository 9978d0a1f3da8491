//! What every date matcher reads and says: the words at a token ([`At`])
//! and whether a date starts there ([`Match`]).

use std::borrow::Cow;

use super::super::value::{Found, Kind, Value};
use super::super::words::Fut;
use crate::doc::Sentence;
use crate::facts::calendar::Day;
use crate::text::lowercased;

/// What a matcher says about the words at a token.
pub(super) enum Match {
    /// A date starts here.
    Date(Found),
    /// No date starts here: the matchers after this one are not asked.
    NoDate,
    /// Not this matcher's kind of date: ask the next.
    Pass,
}

/// Where the matchers look: a sentence, a token of it, and what dates
/// resolve against.
pub(super) struct At<'s, 'a, 'b> {
    pub(super) s: &'s Sentence<'a>,
    pub(super) i: usize,
    pub(super) pubd: Option<Day>,
    pub(super) fut: &'s Fut<'a, 'b>,
    /// The last date resolved before this one ("three days later").
    pub(super) anchor: Option<Day>,
    /// The word before, lower case ("" at the sentence start).
    pub(super) prev: Cow<'a, str>,
}

impl<'a> At<'_, 'a, '_> {
    /// Word `k` of the sentence, "" past its end.
    pub(super) fn w(&self, k: usize) -> &'a str {
        if k < self.s.range.end {
            self.s.word(k)
        } else {
            ""
        }
    }

    /// Word `k`, lower case.
    pub(super) fn lw(&self, k: usize) -> Cow<'a, str> {
        lowercased(self.w(k))
    }

    /// Whether word `k` starts with a capital.
    pub(super) fn cap(&self, k: usize) -> bool {
        self.w(k).chars().next().is_some_and(char::is_uppercase)
    }

    /// The word is capitalised inside the sentence, not after an opening
    /// quote or bracket: a name ("Today" the programme), not a date.
    pub(super) fn mid_cap(&self) -> bool {
        let (s, i) = (self.s, self.i);
        self.cap(i)
            && i > s.range.start
            && !matches!(self.w(i - 1), "\"" | "“" | "(" | "—" | ":" | "‘")
    }
}

/// A date over tokens `a..b`.
pub(super) fn found(a: usize, b: usize, value: Option<Value>, kind: Kind) -> Match {
    Match::Date(Found {
        tok: a..b,
        value,
        kind,
    })
}
