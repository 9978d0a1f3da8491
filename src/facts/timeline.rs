//! One event, one line of the timeline: a date that names the same event as
//! a more precise date of the article is linked to it (`same_as`).
//!
//! News text often names an event twice at two precisions: "after the July
//! election" in the lead, "Cambodia held a general election on July 28"
//! further down. Both are date mentions (the report keeps both, with their
//! places in the text), but a timeline that lists "July 2013 — election"
//! above "Jul 28, 2013 — Cambodia held a general election" shows one event
//! twice. The link is made here, once, so the sidebar and the CLI's text
//! report draw the same timeline.
//!
//! The rule is deliberately narrow, because a wrong merge hides a real
//! event: the coarse date's value must be a strict prefix of the precise
//! one's (`2013-07` of `2013-07-28`, `2013` of `2013-07`), neither may be a
//! range, and every content word of the coarse date's event phrase must be
//! in the precise one's ("election" in "Cambodia held a general election").
//! Two dates of one value stay two lines: "Tuesday" can be two events.

use crate::report::DateFact;

/// Words too common in event phrases to show that two phrases name the
/// same event.
const WEAK: &[&str] = &[
    "and", "are", "but", "for", "had", "has", "her", "his", "its", "not", "the", "was", "who",
    "about", "after", "again", "against", "also", "been", "before", "being", "could", "during",
    "from", "have", "into", "last", "more", "next", "over", "said", "says", "since", "some",
    "than", "that", "their", "them", "then", "there", "these", "they", "this", "those", "until",
    "were", "what", "when", "which", "will", "with", "would", "year", "years", "month", "week",
];

/// The content words of an event phrase, lowercased, a plural `s` dropped.
fn content_words(event: &str) -> Vec<String> {
    event
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic))
        .map(str::to_lowercase)
        .filter(|w| !WEAK.contains(&w.as_str()))
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if !w.ends_with("ss") => stem.to_string(),
            _ => w,
        })
        .collect()
}

/// Sets `same_as` on every date that names the same event as a more precise
/// date: the index of that date, which itself has no `same_as`, so a
/// timeline needs one lookup per date.
pub fn link_same_events(dates: &mut [DateFact]) {
    let words: Vec<Vec<String>> = dates.iter().map(|d| content_words(&d.event)).collect();
    fn plain(d: &DateFact) -> Option<&str> {
        d.value.as_deref().filter(|v| !v.contains('/'))
    }
    // Most precise first, so each date links to the most precise match.
    let mut order: Vec<usize> = (0..dates.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(plain(&dates[i]).map_or(0, str::len)), i));
    for (k, &i) in order.iter().enumerate() {
        let Some(v) = plain(&dates[i]) else { continue };
        if words[i].is_empty() {
            continue;
        }
        let target = order[..k].iter().copied().find(|&j| {
            dates[j].same_as.is_none()
                && plain(&dates[j]).is_some_and(|w| w.len() > v.len() && w.starts_with(v))
                && words[i].iter().all(|a| words[j].contains(a))
        });
        if let Some(j) = target {
            dates[i].same_as = Some(j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Span;

    fn date(value: Option<&str>, event: &str) -> DateFact {
        DateFact {
            text: String::new(),
            value: value.map(str::to_string),
            kind: String::new(),
            event: event.to_string(),
            mention: Span {
                block: 0,
                start: 0,
                end: 0,
            },
            same_as: None,
        }
    }

    /// (dates as value and event, expected `same_as` of each).
    /// Dates as (value, event), and the `same_as` each should get.
    type Case = (
        &'static [(Option<&'static str>, &'static str)],
        &'static [Option<usize>],
    );

    const CASES: &[Case] = &[
        // The sample page: a month-level mention of the election merges into its day.
        (
            &[
                (
                    Some("2013-11-05"),
                    "resumed talks over the political dispute after the July election",
                ),
                (Some("2013-07"), "election"),
                (Some("2013-07-28"), "Cambodia held a general election"),
            ],
            &[None, Some(2), None],
        ),
        // A plural and a year-level mention.
        (
            &[
                (Some("2016"), "the elections"),
                (Some("2016-11-08"), "the election was held"),
            ],
            &[Some(1), None],
        ),
        // Same month, different events: both stay.
        (
            &[
                (Some("2013-07"), "the budget vote"),
                (Some("2013-07-28"), "Cambodia held a general election"),
            ],
            &[None, None],
        ),
        // A different month never merges, whatever the words.
        (
            &[
                (Some("2013-06"), "election"),
                (Some("2013-07-28"), "election"),
            ],
            &[None, None],
        ),
        // Ranges and unresolved dates stay apart; weak words do not link.
        (
            &[
                (Some("2013-11-16/2013-11-17"), "talks"),
                (Some("2013-11-16"), "talks"),
                (None, "talks"),
                (Some("2013-11"), "they said that"),
                (Some("2013-11-20"), "they said that"),
            ],
            &[None, None, None, None, None],
        ),
        // One value twice stays twice; a coarse event with words the precise
        // one lacks is another event (real misses of a looser rule).
        (
            &[
                (Some("2019-03-12"), "returned to Phnom Penh"),
                (Some("2019-03-12"), "returned to Phnom Penh"),
                (
                    Some("2014"),
                    "Portugal where sales increased by more than 40 per",
                ),
                (Some("2014-03"), "Meanwhile UK sales were up 6.1 per cent"),
                (Some("2016"), "GII Report"),
                (Some("2016-05-01"), "the Social Report"),
            ],
            &[None, None, None, None, None, None],
        ),
    ];

    #[test]
    fn coarse_mentions_of_one_event_link_to_the_precise_one() {
        for (input, want) in CASES {
            let mut dates: Vec<DateFact> = input.iter().map(|&(v, e)| date(v, e)).collect();
            link_same_events(&mut dates);
            let got: Vec<Option<usize>> = dates.iter().map(|d| d.same_as).collect();
            assert_eq!(&got[..], *want, "{input:?}");
        }
    }
}
