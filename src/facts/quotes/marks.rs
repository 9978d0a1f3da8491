//! Where the quotes are: quote marks of every common style paired into
//! spans of a unit's text, including quotes that run over paragraphs.

/// A quoted span of a unit's text: byte range of the words inside the marks.
#[derive(Clone, Debug)]
pub(super) struct QuoteSpan {
    /// Byte range of the inside.
    pub(super) inner: std::ops::Range<usize>,
    /// Byte range including the marks.
    pub(super) outer: std::ops::Range<usize>,
    /// The quote is still open at the end of the unit.
    pub(super) open_end: bool,
    /// The quote continues one that was open at the end of the previous unit.
    pub(super) continued: bool,
    /// The opening mark (of the quote continued, for a continuation).
    pub(super) mark: char,
}

pub(super) fn closer_for(open: char) -> &'static [char] {
    match open {
        // Mixed styles close too: “…" and "…” (a page edited by hand).
        '“' => &['”', '“', '"'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '»' => &['«'],
        '‹' => &['›'],
        '‘' => &['’'],
        '\'' => &['\'', '’'],
        '"' => &['"', '”'],
        '‚' => &['‘', '’'],
        _ => &[],
    }
}

/// Quote spans of one text, in order. `carry` is the opening mark of a
/// quote left open at the end of the previous unit.
///
/// A quote that runs over paragraphs reopens each one with a mark (English,
/// Spanish, German convention alike). A paragraph that does not reopen it
/// continues it only when the quote's closing mark follows in it: else the
/// quote was never closed (a lost or misplaced mark), and carrying it on
/// would make quotes of every paragraph after it.
pub(super) fn spans_of(text: &str, carry: Option<char>) -> Vec<QuoteSpan> {
    let chars = crate::text::char_indices(text);
    let n = chars.len();
    let mut out = Vec::new();
    let mut open: Option<(usize, char, usize)> = None; // (char index, mark, byte start of inside)
    let first_visible = chars
        .iter()
        .position(|&(_, c)| !c.is_whitespace())
        .unwrap_or(0);
    let mut continued = false;
    if let Some(mark) = carry {
        let reopens = chars.get(first_visible).is_some_and(|&(_, c)| {
            matches!(c, '“' | '„' | '«' | '"' | '‘' | '»' | '‹' | '‚') || (c == '\'' && c == mark)
        });
        // (“ closes “ only on pages that mix styles; here it would be a new quote.)
        let closes = chars
            .iter()
            .any(|&(_, c)| c != '“' && closer_for(mark).contains(&c));
        if !reopens && closes {
            // The quote goes on without a new opening mark.
            open = Some((0, mark, 0));
            continued = true;
        }
    }
    let before_ok = |k: usize| {
        k == 0
            || chars[k - 1].1.is_whitespace()
            || matches!(chars[k - 1].1, '(' | '[' | '—' | '–' | '-' | ':' | '/')
    };
    let after_ok = |k: usize| k + 1 >= n || !chars[k + 1].1.is_alphanumeric();
    // A straight mark inside “…” is a quote within the quote (“He wrote
    // "no", she said.”): it closes “ only when no ” follows at all.
    let last_curly_close = chars.iter().rposition(|&(_, c)| c == '”');
    // Whether a `«` follows is asked at every `»`: look it up once.
    let last_open_guillemet = chars.iter().rposition(|x| x.1 == '«');
    for k in 0..n {
        let c = chars[k].1;
        match open {
            None => {
                let opens = match c {
                    '“' | '„' | '«' | '‹' => true,
                    '»' => last_open_guillemet.is_some_and(|g| g > k),
                    '"' | '‘' | '‚' => before_ok(k),
                    // A straight single quote opens only before a letter and
                    // after a space: never an apostrophe ("it's", "'90s").
                    '\'' => before_ok(k) && chars.get(k + 1).is_some_and(|x| x.1.is_alphabetic()),
                    _ => false,
                };
                if opens {
                    let inside = if k + 1 < n {
                        chars[k + 1].0
                    } else {
                        text.len()
                    };
                    open = Some((k, c, inside));
                    if carry.is_some() && k == first_visible {
                        continued = true;
                    }
                }
            }
            Some((ok, oc, inside)) => {
                let closes = closer_for(oc).contains(&c)
                    && (c != '’' || after_ok(k))
                    && (c != '\'' || (after_ok(k) && !chars[k - 1].1.is_whitespace()))
                    && (c != '"' || after_ok(k) || k + 1 == n)
                    && (c != '"' || oc != '“' || last_curly_close.is_none_or(|r| r < k));
                if closes && k > ok {
                    out.push(QuoteSpan {
                        inner: inside..chars[k].0,
                        outer: chars[ok].0..chars[k].0 + c.len_utf8(),
                        open_end: false,
                        continued,
                        mark: oc,
                    });
                    continued = false;
                    open = None;
                }
            }
        }
    }
    if let Some((ok, mark, inside)) = open {
        out.push(QuoteSpan {
            inner: inside..text.len(),
            outer: chars.get(ok).map_or(0, |x| x.0)..text.len(),
            open_end: true,
            continued,
            mark,
        });
    }
    out
}

/// Words of a text inside a byte range.
pub(super) fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Whether a text holds the end of a sentence: `.`, `!` or `?`, a space,
/// then a capital ("U.S. ambassador" does not).
pub(super) fn has_sentence_break(s: &str) -> bool {
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if matches!(c, '.' | '!' | '?') && it.peek().is_some_and(|c| c.is_whitespace()) {
            let mut rest = it.clone().skip_while(|c| c.is_whitespace());
            if rest.next().is_some_and(char::is_uppercase) {
                return true;
            }
        }
    }
    false
}

pub(super) fn spans_open_unit(text: &str, sp: &QuoteSpan) -> bool {
    text[..sp.outer.start].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::spans_of;

    /// The text inside each quotation-mark span.
    fn inner(text: &str) -> Vec<&str> {
        spans_of(text, None)
            .into_iter()
            .map(|s| &text[s.inner])
            .collect()
    }

    #[test]
    fn one_span_per_pair_of_marks() {
        let table: &[(&str, &[&str])] = &[
            // Straight marks inside curly ones are a quote within the quote.
            (
                "“<img src=x onerror=\"window.__pwned=1\"> is what they sent us,” said Sam Rainsy.",
                &["<img src=x onerror=\"window.__pwned=1\"> is what they sent us,"],
            ),
            (
                "“He wrote \"no\" on the form,” she said.",
                &["He wrote \"no\" on the form,"],
            ),
            // Mixed styles still pair when no curly closing mark follows.
            (
                "“We will meet again,\" he said on Tuesday.",
                &["We will meet again,"],
            ),
            (
                "“We will,” he said, “and soon.”",
                &["We will,", "and soon."],
            ),
        ];
        for (text, want) in table {
            assert_eq!(inner(text), *want, "{text}");
        }
    }
}
