//! What happens to each repeat once the groups are known: which copy is
//! folded when one member is the article's own text, and whether the copy
//! is folded or only marked.

use crate::article::{link_density, ArticleInfo};
use crate::page::Page;
use crate::report::{RepeatAction, RepeatGroup, Span};
use crate::text::utf16_len;

/// Copies shorter than this many words are marked, not folded: a placeholder
/// would take as much room as the line (credits, "Continue reading",
/// datelines, a box heading printed twice).
pub(super) const MARK_BELOW_WORDS: usize = 8;

/// Words of a text, as the natural-repeats policy counts them: runs of
/// letters, digits or `_`, an apostrophe between two letters kept inside its
/// word ("geht's", "n'est" are one word each), and each character of a
/// script written without spaces (Chinese, Japanese, Thai…: a paragraph is
/// not one word).
pub(super) fn words(s: &str) -> usize {
    let mut n = 0;
    each_word(s, |_| n += 1);
    n
}

/// Whether `c` belongs to a script written without spaces between words.
fn unspaced(c: char) -> bool {
    matches!(c as u32, 0x0E00..=0x0EFF | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
}

/// Calls `f` with each word of [`words`], in order, without allocating
/// (every block of a page is counted).
fn each_word<'a>(s: &'a str, mut f: impl FnMut(&'a str)) {
    let mut start = None;
    let mut prev = None::<char>;
    let mut it = s.char_indices().peekable();
    while let Some((at, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        let in_word = if c.is_alphanumeric() || c == '_' {
            !unspaced(c)
        } else {
            // An apostrophe between two letters or digits joins them.
            matches!(c, '\'' | '’')
                && prev.is_some_and(char::is_alphanumeric)
                && next.is_some_and(char::is_alphanumeric)
        };
        match (in_word, start) {
            (true, None) => start = Some(at),
            (false, Some(st)) => {
                f(&s[st..at]);
                start = None;
            }
            _ => {}
        }
        if unspaced(c) {
            f(&s[at..at + c.len_utf8()]);
        }
        prev = Some(c);
    }
    if let Some(st) = start {
        f(&s[st..]);
    }
}

/// Whether half the words or more are numbers: a dateline ("Posted: Nov 8,
/// 2023 / 04:43 PM CST"), a score line. Quick to read whatever its length,
/// so a placeholder would save nothing.
pub(super) fn mostly_numbers(s: &str) -> bool {
    let (mut all, mut digits) = (0, 0);
    each_word(s, |w| {
        all += 1;
        digits += usize::from(w.bytes().all(|b| b.is_ascii_digit()));
    });
    all > 0 && digits * 2 >= all
}

/// Whether a class/id/role fragment names a share bar ("share", "sharing",
/// "social-share"): the links in it are button labels ("Click to share on
/// Facebook (Opens in new window)"), a line each whatever their length.
pub(super) fn share_hint(hints: &str) -> bool {
    hints
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|p| p.starts_with("share") || p.starts_with("sharing") || p == "social")
}

/// Whether block `b` is the article's own text for [`keep_article_text`]:
/// in the sidebar's scope and not decorative.
fn is_own(info: &ArticleInfo, decorative: &[bool], b: u32) -> bool {
    let b = b as usize;
    info.scope.get(b).copied().unwrap_or(false) && !decorative.get(b).copied().unwrap_or(false)
}

/// The (copy, original) pairs of folded groups where the copy is the
/// article's own text and every original is outside it: what
/// [`keep_article_text`] leaves none of. For checks over many pages.
pub(super) fn own_text_behind_outside(
    info: &ArticleInfo,
    decorative: &[bool],
    groups: &[RepeatGroup],
) -> Vec<(u32, u32)> {
    let own = |b: u32| is_own(info, decorative, b);
    groups
        .iter()
        .filter(|g| g.action == RepeatAction::Fold && g.original.iter().all(|&o| !own(o)))
        .flat_map(|g| {
            g.copies
                .iter()
                .filter(|&&c| own(c))
                .map(|&c| (c, g.original.first().copied().unwrap_or(0)))
        })
        .collect()
}

/// The article's own text is never the copy folded when the other copy is
/// outside the article (a teaser, a sidebar, a related-stories box, a
/// caption or pull-quote): the outside one is folded instead, or nothing.
///
/// `own` is the article's text: in the sidebar's scope (headline, standfirst,
/// body) and not decorative. An original is outside when it is out of scope
/// or decorative. A one-to-one group is turned round (the outside block
/// becomes the copy, folded whole, since its text is in the article's);
/// any other such group is dropped.
pub(super) fn keep_article_text(
    page: &Page,
    info: &ArticleInfo,
    decorative: &[bool],
    groups: &mut Vec<RepeatGroup>,
) {
    let own = |b: u32| is_own(info, decorative, b);
    let outside = |b: u32| !own(b);
    groups.retain_mut(|g| {
        if !(g.copies.iter().any(|&c| own(c)) && g.original.iter().all(|&o| outside(o))) {
            return true;
        }
        if g.copies.len() != 1 || g.original.len() != 1 {
            return false;
        }
        let (o, c) = (g.original[0], g.copies[0]);
        g.original = vec![c];
        g.copies = vec![o];
        g.spans = vec![Span {
            block: o,
            start: 0,
            end: utf16_len(&page.blocks[o as usize].text),
        }];
        true
    });
    // A block folded by two groups once turned round: keep the first.
    let mut seen = std::collections::HashSet::new();
    groups.retain(|g| g.copies.iter().all(|c| seen.insert(*c)));
}

/// Sets each group's action: `mark` when the shortest member (the copied
/// text, or an original) has fewer than [`MARK_BELOW_WORDS`] words, when the
/// copy is mostly numbers (a dateline), a link in a share bar, in a menu (a
/// placeholder would break the menu bar's layout), or a part of a block
/// inside a link (the inline placeholder would be a link too), else `fold`. A visible copy of an original that is hidden is marked too: it
/// is the one copy the reader sees.
///
/// A whole copy inside a link (a teaser card printed in two lists) folds:
/// the extension puts its placeholder before the link, not in it
/// (extension/content/fold.js). So does a hidden copy (a print or mobile
/// copy, a closed tab): the policy counts it as read twice once shown, and
/// the extension leaves a copy that is not rendered alone, so no placeholder
/// shows where nothing did.
pub(super) fn set_actions(page: &Page, groups: &mut [RepeatGroup]) {
    for g in groups.iter_mut() {
        let copied: Vec<String> = g
            .spans
            .iter()
            .map(|s| utf16_slice(&page.blocks[s.block as usize].text, s.start, s.end))
            .collect();
        let copied_words = copied.iter().map(|t| words(t)).sum::<usize>();
        let original = g
            .original
            .iter()
            .map(|&o| words(&page.blocks[o as usize].text))
            .min()
            .unwrap_or(0);
        let short = copied_words.min(original) < MARK_BELOW_WORDS
            || copied.iter().any(|t| mostly_numbers(t));
        // Never the only copy the reader sees: an original hidden (a closed
        // tab, a mobile list) leaves its visible copy unfolded, but reported.
        let only_visible = g.original.iter().all(|&o| !page.blocks[o as usize].visible)
            && g.copies.iter().any(|&c| page.blocks[c as usize].visible);
        let whole = g.is_whole(page);
        let unsafe_place = g.copies.iter().any(|&c| {
            let c = c as usize;
            (!whole && in_element(page, c, |tag, _| tag == "a"))
                || super::outside::in_menu(page, c)
                || (link_density(&page.blocks[c]) >= 0.5
                    && in_element(page, c, |_, h| share_hint(h)))
        });
        g.action = if short || unsafe_place || only_visible {
            RepeatAction::Mark
        } else {
            RepeatAction::Fold
        };
    }
}

/// Whether block `b`, or one of its ancestors, is an element that `test`
/// (given its tag and hints) accepts.
pub(super) fn in_element(page: &Page, b: usize, test: impl Fn(&str, &str) -> bool) -> bool {
    let blk = &page.blocks[b];
    test(&blk.tag, &blk.hints)
        || blk.path.iter().any(|&e| {
            page.elements
                .get(e as usize)
                .is_some_and(|el| test(&el.tag, &el.hints))
        })
}

/// The text between two UTF-16 offsets.
fn utf16_slice(t: &str, start: u32, end: u32) -> String {
    let mut at = 0u32;
    let mut out = String::new();
    for c in t.chars() {
        if at >= start && at < end {
            out.push(c);
        }
        at += c.len_utf16() as u32;
        if at >= end {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_count_letters_and_digits() {
        assert_eq!(words("Photo: Jane Doe/Reuters"), 4);
        assert_eq!(words("Continue reading"), 2);
        assert_eq!(words("柬埔寨人民党和救国党"), 10);
        assert_eq!(words("Posted: Nov 8, 2023 / 04:43 PM CST"), 8);
        // An apostrophe inside a word does not split it (natural set,
        // watson.ch "100 Jahre Negroni - wie geht's, wie steht's?": 7 words).
        assert_eq!(words("100 Jahre Negroni - wie geht's, wie steht's?"), 7);
        assert_eq!(words("Ce numéro de téléphone n’est pas valable."), 7);
        assert_eq!(
            words("turned_in Artikel gemerkt turned_in | 5 Kommentare"),
            6
        );
        assert_eq!(words("l'"), 1);
        assert_eq!(words("«l’homme»"), 1);
    }

    #[test]
    fn datelines_are_mostly_numbers() {
        // kxan.com, a dateline printed in two copies of the article header.
        assert!(mostly_numbers("Posted: Nov 8, 2023 / 04:43 PM CST"));
        assert!(mostly_numbers("2:1 (1:0)"));
        assert!(!mostly_numbers(
            "9 Schweizer Gins, die du unbedingt mal trinken solltest"
        ));
        assert!(!mostly_numbers(""));
    }

    #[test]
    fn utf16_slice_is_by_code_unit() {
        assert_eq!(utf16_slice("a😀bc", 3, 5), "bc");
        assert_eq!(utf16_slice("abc", 0, 3), "abc");
    }
}
