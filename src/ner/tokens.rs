//! Tokens and sentences for the entity tagger, with offsets.
//!
//! The tagger was trained on CoNLL-2003, whose text is split the Penn
//! Treebank way: punctuation apart from words, the possessive `'s` and
//! `n't` as tokens of their own. Raw page text is split the same way here,
//! and every token keeps its byte range in the block's text.

use crate::lexicon::{titles, Words};

/// A token of running text: where it is, and what it says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    /// Byte offset of the first character in the block's text.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || crate::text::is_mark(c)
}

fn is_apos(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Splits text into tokens: runs of letters and digits (with inner `.`, `,`,
/// `-`, `&` and apostrophes where they belong to the word: `U.S.`, `1,200`,
/// `well-known`, `AT&T`, `O'Brien`), the clitics `'s` and `n't` apart, and
/// every other non-space character alone.
///
/// ```
/// use dossier::ner::tokens::tokenize;
/// let t = "CNRP's leader, Mr. Sam Rainsy, didn't go to the U.S.";
/// let words: Vec<&str> = tokenize(t).iter().map(|x| &t[x.start..x.end]).collect();
/// assert_eq!(words, ["CNRP", "'s", "leader", ",", "Mr.", "Sam", "Rainsy", ",", "did", "n't", "go", "to", "the", "U.S."]);
/// ```
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let chars = crate::text::char_indices(text);
    let n = chars.len();
    let end_of = |k: usize| if k < n { chars[k].0 } else { text.len() };
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() || crate::text::is_invisible(c) {
            i += 1;
            continue;
        }
        if crate::text::is_spaceless(c) {
            // Scripts without spaces: one token per run of the same script
            // class is too coarse for names; one per character is what the
            // tagger can least misuse.
            out.push(Tok {
                start: chars[i].0,
                end: end_of(i + 1),
            });
            i += 1;
            continue;
        }
        if !is_word_char(c) {
            out.push(Tok {
                start: chars[i].0,
                end: end_of(i + 1),
            });
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i + 1;
        while j < n {
            let d = chars[j].1;
            if is_word_char(d) && !crate::text::is_spaceless(d) {
                j += 1;
                continue;
            }
            let next = chars.get(j + 1).map(|x| x.1);
            let inner = next.is_some_and(|x| is_word_char(x) && !crate::text::is_spaceless(x));
            match d {
                // 1,200 and 3.5 and U.S and e-mail and AT&T
                ',' | '.'
                    if inner
                        && chars[j - 1].1.is_numeric()
                        && next.is_some_and(char::is_numeric) =>
                {
                    j += 1
                }
                '.' if inner && next.is_some_and(char::is_alphabetic) && j - start <= 2 => j += 1,
                '-' | '&' | '/' if inner => j += 1,
                _ if is_apos(d) && inner => {
                    // Clitics split off: CNRP's -> CNRP 's, they're -> they 're;
                    // O'Brien stays whole.
                    let letters: String = chars[j + 1..]
                        .iter()
                        .take_while(|x| x.1.is_alphabetic())
                        .map(|x| x.1)
                        .collect::<String>()
                        .to_lowercase();
                    if matches!(letters.as_str(), "s" | "re" | "ll" | "ve" | "d" | "m") {
                        break;
                    }
                    j += 1;
                }
                _ => break,
            }
        }
        // An abbreviation keeps its period: "U.S.", "Mr.", "Jan.", single initials "J."
        let word = &text[chars[start].0..end_of(j)];
        if j < n && chars[j].1 == '.' && keeps_period(word) {
            // A title abbreviation comes before a name: "Sen. Warren" keeps
            // its period, "… Prime Minister Hun Sen." does not.
            let title = crate::text::with_lowercase(word, |l| titles::ABBR.has(l));
            let next_upper = chars[j + 1..]
                .iter()
                .find(|x| !x.1.is_whitespace())
                .is_some_and(|x| x.1.is_uppercase());
            let prev_name = out.last().is_some_and(|t: &Tok| {
                text[t.start..t.end]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                    && t.end + 1 >= chars[start].0
            });
            if !title || (next_upper && !prev_name) {
                j += 1;
            }
        }
        // n't is a token of its own: didn't -> did n't
        if j - start > 3
            && chars[j - 1].1.eq_ignore_ascii_case(&'t')
            && is_apos(chars[j - 2].1)
            && chars[j - 3].1.eq_ignore_ascii_case(&'n')
        {
            out.push(Tok {
                start: chars[start].0,
                end: chars[j - 3].0,
            });
            out.push(Tok {
                start: chars[j - 3].0,
                end: end_of(j),
            });
            i = j;
            continue;
        }
        out.push(Tok {
            start: chars[start].0,
            end: end_of(j),
        });
        i = j;
    }
    split_clitics(text, out)
}

/// Splits a leading apostrophe clitic off the following word run: after
/// `CNRP` comes `'s` as a token of its own.
fn split_clitics(text: &str, toks: Vec<Tok>) -> Vec<Tok> {
    let mut out = Vec::with_capacity(toks.len());
    let mut k = 0;
    while k < toks.len() {
        let t = toks[k];
        let s = &text[t.start..t.end];
        // an apostrophe token followed by s/re/ll/ve/d/m directly attached
        if s.chars().count() == 1 && s.chars().next().is_some_and(is_apos) {
            if let Some(n) = toks.get(k + 1) {
                let ns = text[n.start..n.end].to_lowercase();
                if n.start == t.end && matches!(ns.as_str(), "s" | "re" | "ll" | "ve" | "d" | "m") {
                    out.push(Tok {
                        start: t.start,
                        end: n.end,
                    });
                    k += 2;
                    continue;
                }
            }
        }
        out.push(t);
        k += 1;
    }
    out
}

/// Abbreviations that keep their final period.
fn keeps_period(word: &str) -> bool {
    static ABBR: Words = Words::new(include_str!("../../lexicon/ner/abbreviations.txt"));
    let lower = word.to_lowercase();
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || ABBR.contains(&lower.as_str())
        || (lower.contains('.') && lower.chars().all(|c| c.is_alphabetic() || c == '.'))
}

/// Whether a word is a month's name in one of the eight languages ("Juli",
/// "mars", "października"), from the dates' own list (read here, not asked
/// of `facts::dates`, which reads sentences this module makes).
fn month_name(w: &str) -> bool {
    static MONTHS: crate::lexicon::Table<u32> =
        crate::lexicon::Table::new(include_str!("../../lexicon/facts/months.txt"));
    let l = w.to_lowercase();
    let l = l.trim_end_matches('.');
    MONTHS.iter().any(|(n, _)| *n == l)
}

/// Splits a block's tokens into sentences: after `.`, `!`, `?` (and their
/// CJK forms) unless the period ends an abbreviation, and before a
/// following capital or quote.
pub fn sentences(text: &str, toks: &[Tok]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in toks.iter().enumerate() {
        let s = &text[t.start..t.end];
        let ends = matches!(s, "." | "!" | "?" | "。" | "！" | "？" | "…");
        if !ends {
            continue;
        }
        // Closing quotes and brackets stay with the sentence they close.
        let mut end = i + 1;
        while end < toks.len()
            && matches!(
                &text[toks[end].start..toks[end].end],
                "\"" | "”" | "’" | "'" | ")" | "»"
            )
        {
            end += 1;
        }
        let next_ok = toks
            .get(end)
            .map(|n| {
                let c = text[n.start..].chars().next().unwrap_or(' ');
                c.is_uppercase()
                    || c.is_numeric()
                    || matches!(c, '"' | '“' | '‘' | '«' | '(')
                    || crate::text::is_spaceless(c)
            })
            .unwrap_or(true);
        // "am 19. Juli 2003", "5. Mai": the period of a German ordinal day
        // before a month's name ends no sentence.
        let ordinal_day = i > 0
            && toks[i - 1].end == t.start
            && (1..=2).contains(&(toks[i - 1].end - toks[i - 1].start))
            && text[toks[i - 1].start..toks[i - 1].end]
                .bytes()
                .all(|b| b.is_ascii_digit())
            && toks
                .get(end)
                .is_some_and(|n| month_name(&text[n.start..n.end]));
        if next_ok && !ordinal_day {
            out.push(start..end);
            start = end;
        }
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        tokenize(t).iter().map(|x| &t[x.start..x.end]).collect()
    }

    #[test]
    fn penn_style() {
        let cases: &[(&str, &[&str])] = &[
            ("George Lucas's films", &["George", "Lucas", "'s", "films"]),
            ("CNRP’s spokesman", &["CNRP", "’s", "spokesman"]),
            (
                "1,200 people paid $3.50.",
                &["1,200", "people", "paid", "$", "3.50", "."],
            ),
            (
                "the U.S. and U.K. said",
                &["the", "U.S.", "and", "U.K.", "said"],
            ),
            ("Mr. Rainsy left.", &["Mr.", "Rainsy", "left", "."]),
            (
                "Prime Minister Hun Sen.",
                &["Prime", "Minister", "Hun", "Sen", "."],
            ),
            (
                "said Sen. Elizabeth Warren",
                &["said", "Sen.", "Elizabeth", "Warren"],
            ),
            ("well-known AT&T", &["well-known", "AT&T"]),
            ("O'Brien won't", &["O'Brien", "wo", "n't"]),
            ("November 16-17", &["November", "16-17"]),
            ("(CPP)", &["(", "CPP", ")"]),
            ("\"illegitimate\"", &["\"", "illegitimate", "\""]),
            ("洪森首相", &["洪", "森", "首", "相"]),
        ];
        for (t, want) in cases {
            assert_eq!(&words(t), want, "{t}");
        }
    }

    /// A German ordinal day's period before a month ends no sentence; before
    /// anything else it still does.
    #[test]
    fn ordinal_day_before_a_month() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Die Wahl fand am 5. Mai 2020 statt. Dann kam der Sommer.",
                &[
                    "Die Wahl fand am 5. Mai 2020 statt.",
                    "Dann kam der Sommer.",
                ],
            ),
            (
                "Kolumbien am 19. Juli 2003 seine ersten Tore.",
                &["Kolumbien am 19. Juli 2003 seine ersten Tore."],
            ),
            (
                "Er wurde 19. Damals war alles anders.",
                &["Er wurde 19.", "Damals war alles anders."],
            ),
        ];
        for (t, want) in cases {
            let toks = tokenize(t);
            let got: Vec<&str> = sentences(t, &toks)
                .into_iter()
                .map(|r| &t[toks[r.start].start..toks[r.end - 1].end])
                .collect();
            assert_eq!(&got, want, "{t}");
        }
    }

    #[test]
    fn sentence_split() {
        let t = "Mr. Hun Sen spoke. The CPP won 68 seats! Talks resume \"soon.\" Then more";
        let toks = tokenize(t);
        let s: Vec<String> = sentences(t, &toks)
            .into_iter()
            .map(|r| t[toks[r.start].start..toks[r.end - 1].end].to_string())
            .collect();
        assert_eq!(
            s,
            [
                "Mr. Hun Sen spoke.",
                "The CPP won 68 seats!",
                "Talks resume \"soon.\"",
                "Then more"
            ]
        );
    }
}
