//! What the date matchers find: a resolved value and how it was written.

use crate::facts::calendar::Day;

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
