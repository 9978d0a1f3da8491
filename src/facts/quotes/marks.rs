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
/// would make quotes of every paragraph after it. A quote the writer left
/// unclosed inside a paragraph ends where the next quote of its style
/// opens (`„Wir … schon‘. Er sagte: „Ich …“`): two quotes, not one that
/// swallows the narration between them.
pub(super) fn spans_of(text: &str, carry: Option<char>) -> Vec<QuoteSpan> {
    let chars = crate::text::char_indices(text);
    let n = chars.len();
    let mut out = Vec::new();
    let mut open: Option<(usize, char, usize)> = None; // (char index, mark, byte start of inside)
    let first_visible = chars
        .iter()
        .position(|&(_, c)| !c.is_whitespace())
        .unwrap_or(0);
    // A straight mark inside “…” is a quote within the quote (“He wrote
    // "no", she said.”): it closes “ only when no ” follows at all.
    let last_curly_close = chars.iter().rposition(|&(_, c)| c == '”');
    let mut continued = false;
    if let Some(mark) = carry {
        let reopens = chars.get(first_visible).is_some_and(|&(_, c)| {
            matches!(c, '“' | '„' | '«' | '"' | '‘' | '»' | '‹' | '‚') || (c == '\'' && c == mark)
        });
        // (“ closes “ only on pages that mix styles; here it would be a new
        // quote. An apostrophe, “the painting’s”, closes nothing.)
        let closes =
            (0..n).any(|k| chars[k].1 != '“' && closes_at(&chars, k, mark, last_curly_close));
        if !reopens && closes {
            // The quote goes on without a new opening mark.
            open = Some((0, mark, 0));
            continued = true;
        }
    }
    // Whether a `«` follows is asked at every `»`: look it up once.
    let last_open_guillemet = chars.iter().rposition(|x| x.1 == '«');
    for k in 0..n {
        let c = chars[k].1;
        let inside = chars.get(k + 1).map_or(text.len(), |x| x.0);
        match open {
            None => {
                if opens_at(&chars, k, last_open_guillemet) {
                    open = Some((k, c, inside));
                    if carry.is_some() && k == first_visible {
                        continued = true;
                    }
                }
            }
            Some((ok, oc, from)) if k > ok && closes_at(&chars, k, oc, last_curly_close) => {
                out.push(QuoteSpan {
                    inner: from..chars[k].0,
                    outer: chars[ok].0..chars[k].0 + c.len_utf8(),
                    open_end: false,
                    continued,
                    mark: oc,
                });
                continued = false;
                open = None;
            }
            Some((ok, oc, from)) if k > ok && reopens_at(&chars, k, oc) => {
                // The quote before was never closed: it ends here, at a mark
                // of another style that closes it, or at the sentence that
                // introduces the new quote.
                let end = unclosed_end(text, &chars, ok + 1, k, oc);
                out.push(QuoteSpan {
                    inner: from..end.max(from),
                    outer: chars[ok].0..end.max(from),
                    open_end: false,
                    continued,
                    mark: oc,
                });
                continued = false;
                open = Some((k, c, inside));
            }
            Some(_) => {}
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

/// Whether the mark at `k` opens a quote (when none is open).
fn opens_at(chars: &[(usize, char)], k: usize, last_open_guillemet: Option<usize>) -> bool {
    let before_ok = k == 0
        || chars[k - 1].1.is_whitespace()
        || matches!(chars[k - 1].1, '(' | '[' | '—' | '–' | '-' | ':' | '/');
    let next = |d: usize| chars.get(k + d).map(|x| x.1);
    // “Chardin ‘s Basket”, “the ‘90s”: a misplaced apostrophe, not a quote.
    let apostrophe = next(1).is_some_and(|c| c.is_ascii_digit())
        || (next(1) == Some('s') && next(2).is_none_or(|c| !c.is_alphabetic()));
    match chars[k].1 {
        '“' | '„' | '«' | '‹' => true,
        '»' => last_open_guillemet.is_some_and(|g| g > k),
        // `so der CEO."Die Branche …"`: a mark glued to a capital opens.
        '"' => before_ok || next(1).is_some_and(char::is_uppercase),
        '‚' => before_ok,
        '‘' => before_ok && !apostrophe,
        // A straight single quote opens only before a letter and after a
        // space: never an apostrophe ("it's", "'90s").
        '\'' => before_ok && next(1).is_some_and(char::is_alphabetic) && !apostrophe,
        _ => false,
    }
}

/// Whether the mark at `k` closes a quote opened with `oc`.
fn closes_at(chars: &[(usize, char)], k: usize, oc: char, last_curly_close: Option<usize>) -> bool {
    let c = chars[k].1;
    let n = chars.len();
    let after_ok = k + 1 >= n || !chars[k + 1].1.is_alphanumeric();
    closer_for(oc).contains(&c)
        && (c != '’' || after_ok)
        && (c != '\'' || (after_ok && k > 0 && !chars[k - 1].1.is_whitespace()))
        && (c != '"' || after_ok)
        && (c != '"' || oc != '“' || last_curly_close.is_none_or(|r| r < k))
        // “ closes “ (a page that mixes styles) unless it opens a word: then
        // it is the next quote's opening mark.
        && (c != '“' || oc == '„' || after_ok)
}

/// Whether the mark at `k`, inside a quote opened with `oc` that it does
/// not close, opens a new quote of the same style: nested quotes take the
/// other style (‘…’ inside “…”, ‚…‘ inside „…“), so the first quote was left
/// unclosed.
fn reopens_at(chars: &[(usize, char)], k: usize, oc: char) -> bool {
    let c = chars[k].1;
    let space_before = k == 0 || chars[k - 1].1.is_whitespace();
    let word_after = chars.get(k + 1).is_some_and(|x| x.1.is_alphanumeric());
    c == oc
        && match oc {
            '„' | '«' | '‹' => true,
            '“' | '"' | '‘' => space_before && word_after,
            _ => false,
        }
}

/// Where a quote opened at char `from` and left unclosed before the mark
/// at char `to` ends (a byte offset): at a closing mark of another style
/// (`«anthropisierten Nischen" ganz wohl`, `“… criminales".`), else before
/// the sentence that introduces the next quote with a colon, else at the
/// next quote.
fn unclosed_end(text: &str, chars: &[(usize, char)], from: usize, to: usize, oc: char) -> usize {
    // (The last such mark: a pair of straight marks may nest inside.)
    if matches!(oc, '„' | '«' | '‹' | '“') {
        let other = (from..to).rev().find(|&j| {
            matches!(chars[j].1, '"' | '”')
                && chars.get(j + 1).is_none_or(|x| !x.1.is_alphanumeric())
        });
        if let Some(j) = other {
            return chars[j].0;
        }
    }
    let (start, end) = (chars[from].0, chars[to].0);
    let seg = &text[start..end];
    if seg.trim_end().ends_with(':') {
        // The last sentence break before the colon.
        let cut = seg
            .char_indices()
            .rev()
            .find(|&(i, c)| {
                let rest = &seg[i + c.len_utf8()..];
                matches!(c, '.' | '!' | '?')
                    && rest.starts_with(char::is_whitespace)
                    && rest.trim_start().starts_with(char::is_uppercase)
            })
            .map(|(i, c)| i + c.len_utf8());
        if let Some(i) = cut {
            return start + i;
        }
    }
    end
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
            // A quote left unclosed ends where the next of its style opens
            // (popkultur.de): before the sentence that introduces it …
            (
                "Schnapp schrieb: „Nachdem ich es verheimlicht hatte, war ihre Reaktion: ‚Wir wussten es schon‘. Das brachte ihn dazu, anzuerkennen: „Ich schätze, ich bin Will ähnlicher.“",
                &[
                    "Nachdem ich es verheimlicht hatte, war ihre Reaktion: ‚Wir wussten es schon‘.",
                    "Ich schätze, ich bin Will ähnlicher.",
                ],
            ),
            // … or at a closing mark of another style (eltiempo.com,
            // tagesanzeiger.ch).
            (
                "Enrique Gómez: “El 66% de los muchachos cogen la calle\". La candidata habló. “Tenemos que unir al Centro”, dijo.",
                &["El 66% de los muchachos cogen la calle", "Tenemos que unir al Centro"],
            ),
            (
                "Fledermäuse, die sich in «anthropisierten Nischen\" wohl fühlen. «In so einem Fall ist das Risiko hoch», schreiben die Forscher.",
                &["anthropisierten Nischen", "In so einem Fall ist das Risiko hoch"],
            ),
            // “ that opens a word is the next quote, not a mixed-style close.
            (
                "“We are ready. “Are you?” she asked.",
                &["We are ready. ", "Are you?"],
            ),
            // A misplaced apostrophe opens nothing (observer.com caption).
            (
                "Jean Siméon Chardin ‘s Basket of Wild Strawberries, (1761). “It is a jewel,” he said.",
                &["It is a jewel,"],
            ),
            // A straight mark glued to a capital opens (industriemagazin.at).
            (
                "\"Das hatten wir nicht\", so der CEO.\"Die Branche ist ausverkauft.\"",
                &["Das hatten wir nicht", "Die Branche ist ausverkauft."],
            ),
        ];
        for (text, want) in table {
            assert_eq!(inner(text), *want, "{text}");
        }
    }
}

#[cfg(test)]
mod carry_tests {
    use super::spans_of;

    /// A quote left open at the end of a paragraph goes on into the next
    /// only when that one closes it: an apostrophe (“the painting’s”) does
    /// not, or a stray mark in a caption made quotes of the paragraphs
    /// after it (observer.com).
    #[test]
    fn an_apostrophe_does_not_continue_an_open_quote() {
        // (paragraph, mark left open before it, texts of its spans)
        let table: &[(&str, char, &[&str])] = &[
            (
                "Under the painting’s new classification, the Louvre has two years.",
                '‘',
                &[],
            ),
            (
                "and soon,’ the minister said on Tuesday.",
                '‘',
                &["and soon,"],
            ),
            (
                "the new rules will apply from Monday,\" he said.",
                '"',
                &["the new rules will apply from Monday,"],
            ),
        ];
        for (text, mark, want) in table {
            let got: Vec<&str> = spans_of(text, Some(*mark))
                .into_iter()
                .map(|s| &text[s.inner])
                .collect();
            assert_eq!(got, *want, "{text}");
        }
    }
}
