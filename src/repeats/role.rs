//! What each repeat's copy is (`role` in the report): a pull-quote, a
//! caption, a teaser, a standfirst, the headline again, a credit, a
//! paragraph… named from the copy's markup and its place on the page, the
//! same way on every site: its tag (`figcaption`, `blockquote`, a heading's
//! level), the class names of it and its containers (`caption`, `pull`,
//! `standfirst`, `credit`), whether it is a link, whether it is article
//! text, and where it stands relative to its original (a standfirst comes
//! before the body it repeats). `kind` says *how* the copy repeats; this
//! says *what* it is, in the vocabulary of the natural-repeats labels
//! (`scripts/eval_repeats.py` scores the two against each other).

use super::action::{in_element, mostly_numbers, share_hint, words, MARK_BELOW_WORDS};
use super::kinds::{boilerplate_text, is_heading};
use crate::article::{link_density, ArticleInfo};
use crate::page::Page;
use crate::report::{RepeatGroup, RepeatKind, RepeatRole};
use crate::text::{folded_tokens, tokenize};

/// Whether a class/id fragment starts with one of `prefixes`.
fn hint_has(hints: &str, prefixes: &[&str]) -> bool {
    hints
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .any(|p| prefixes.iter().any(|k| p.starts_with(k)))
}

/// Class fragments of a standfirst or summary.
const STANDFIRST: &[&str] = &[
    "standfirst",
    "dek",
    "summary",
    "excerpt",
    "lede",
    "lead",
    "intro",
    "subtitle",
    "subhead",
    "abstract",
    "description",
    "strap",
    "tldr",
];
/// Class fragments of a caption.
const CAPTION: &[&str] = &["caption", "figcaption", "legend", "wp-caption"];
/// Class fragments of a credit or byline.
const CREDIT: &[&str] = &[
    "credit",
    "copyright",
    "photographer",
    "byline",
    "author",
    "source",
];
/// Class fragments of a pull-quote.
const PULL: &[&str] = &["pull", "quote", "callout", "highlight"];
/// Class fragments of a box a page prints over the page (a share dialog,
/// a sticky bar): the headline printed there is the headline again.
const OVERLAY: &[&str] = &[
    "share", "sharing", "sticky", "modal", "dialog", "print", "mail",
];
/// Class fragments of a date line.
const DATE: &[&str] = &["date", "time", "posted", "updated", "published"];

/// Words that open a photo credit in the languages of the pages read.
const CREDIT_OPENERS: &[&str] = &[
    "photo", "photos", "foto", "fotos", "fot", "bild", "image", "kuva", "credit", "quelle",
];

/// Whether block `b` or one of its ancestors has a hint starting with one
/// of `prefixes`.
fn hinted(page: &Page, b: usize, prefixes: &[&str]) -> bool {
    in_element(page, b, |_, h| hint_has(h, prefixes))
}

/// Whether a short line reads as a photo credit ("© Hoklatherm", "Foto:
/// dpa", "AFP via Getty Images").
fn credit_text(text: &str) -> bool {
    let t = text.trim();
    if t.starts_with('©') || t.contains("Getty Images") {
        return true;
    }
    let first = t
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    let after = t[t.find(|c: char| c.is_alphanumeric()).unwrap_or(0)..]
        .trim_start_matches(char::is_alphanumeric)
        .trim_start();
    CREDIT_OPENERS.contains(&first.as_str()) && (after.starts_with(':') || after.starts_with('/'))
}

/// The folded text of the page's headline: its first `h1` in the article,
/// else its first `h1`.
fn headline(page: &Page, info: &ArticleInfo) -> Option<String> {
    let h1s = || (0..page.blocks.len()).filter(|&i| page.blocks[i].tag == "h1");
    let b = h1s()
        .find(|&i| info.article.get(i).copied().unwrap_or(false))
        .or_else(|| h1s().next())?;
    let text = &page.blocks[b].text;
    let f = folded_tokens(text, &tokenize(text));
    (!f.is_empty()).then_some(f)
}

/// Whether `copy` is the headline printed again: its original is an `h1`,
/// or its text holds the headline's (a sticky bar with a section label, a
/// footer's page title).
fn echoes_headline(page: &Page, headline: Option<&str>, copy: usize, original: usize) -> bool {
    if page.blocks[original].tag == "h1" {
        return true;
    }
    let Some(h) = headline else { return false };
    let text = &page.blocks[copy].text;
    folded_tokens(text, &tokenize(text)).contains(h)
}

/// Parts of class names of a box of site furniture whose lines are site
/// blurbs: a newsletter or comment form, a consent banner, a paywall.
const FURNITURE: &[&str] = &[
    "newsletter",
    "subscri",
    "signup",
    "cookie",
    "consent",
    "comment",
    "paywall",
    "login",
    "coachmark",
    "guideline",
    "promo",
];

/// Whether block `b` sits in a box of site furniture (see [`FURNITURE`])
/// or a form.
fn in_furniture(page: &Page, b: usize) -> bool {
    in_element(page, b, |tag, h| {
        tag == "form" || FURNITURE.iter().any(|k| h.contains(k))
    })
}

/// Blocks under one element of at most this many blocks make one card (a
/// teaser's headline and its lead).
const CARD_BLOCKS: u32 = 4;

/// Whether block `b` comes after another line of its card: a teaser's
/// lead under the card's headline, rather than the headline itself.
fn after_card_title(page: &Page, block_count: &[u32], b: usize) -> bool {
    let path = &page.blocks[b].path;
    // The card is the innermost box holding another line, unless that box
    // is big or a list (the line is then an entry of its own).
    let Some(&card) = path
        .iter()
        .rev()
        .find(|&&e| block_count.get(e as usize).is_some_and(|&n| n >= 2))
    else {
        return false;
    };
    if block_count[card as usize] > CARD_BLOCKS
        || page
            .elements
            .get(card as usize)
            .is_some_and(|el| matches!(el.tag.as_str(), "ul" | "ol"))
    {
        return false;
    }
    // A title above it: a heading, or a link line of a few words (not a
    // kicker or a date).
    (b.saturating_sub(CARD_BLOCKS as usize)..b).any(|i| {
        let t = &page.blocks[i];
        t.path.contains(&card)
            && (is_heading(&t.tag) || (link_density(t) >= 0.5 && words(&t.text) >= 4))
    })
}

/// Class fragments of a card's title.
const TITLE: &[&str] = &["title", "headline", "heading", "hed"];
/// Class fragments of a card's lead, besides [`STANDFIRST`]'s.
const LEAD: &[&str] = &["teaser", "blurb", "text", "body", "desc"];

/// What a link or list line outside the article is: the story's title
/// (a related link) or its lead (a teaser), by the class names of the line
/// and its own box, else by whether it follows a title in its card.
fn card_line(at: &Place, c: usize) -> RepeatRole {
    let page = at.page;
    let blk = &page.blocks[c];
    // The line's own hints and its parent's: a card's class names say which
    // line is which; a list's ("teaser-box") say nothing of its entries.
    let own = |keys: &[&str]| {
        hint_has(&blk.hints, keys)
            || blk.path.last().is_some_and(|&e| {
                page.elements.get(e as usize).is_some_and(|el| {
                    !matches!(el.tag.as_str(), "ul" | "ol") && hint_has(&el.hints, keys)
                })
            })
    };
    if is_heading(&blk.tag) || hint_has(&blk.hints, TITLE) {
        return RepeatRole::RelatedLink;
    }
    if own(STANDFIRST) || own(LEAD) || after_card_title(page, at.block_count, c) {
        RepeatRole::Teaser
    } else {
        RepeatRole::RelatedLink
    }
}

/// Whether heading `b` stands between the headline and the body: no
/// paragraph of the article lies between the last `h1` before it and it (a
/// standfirst set as a heading, not an intertitle).
fn before_body(page: &Page, info: &ArticleInfo, b: usize) -> bool {
    let Some(h) = (0..b).rev().find(|&i| page.blocks[i].tag == "h1") else {
        return false;
    };
    !(h + 1..b).any(|i| {
        info.article.get(i).copied().unwrap_or(false)
            && page.blocks[i].tag == "p"
            && words(&page.blocks[i].text) >= MARK_BELOW_WORDS
    })
}

/// What the page tells about the copies: computed once per page.
pub(super) struct Place<'a> {
    pub(super) page: &'a Page,
    pub(super) info: &'a ArticleInfo,
    pub(super) decorative: &'a [bool],
    pub(super) block_count: &'a [u32],
}

/// Sets each group's `role` (see the module's doc).
pub(super) fn set_roles(at: &Place, groups: &mut [RepeatGroup]) {
    let headline = headline(at.page, at.info);
    for g in groups.iter_mut() {
        g.role = role_of(at, headline.as_deref(), g);
    }
}

/// The role of one group's copy: first what its words say (a date, a
/// credit), then its box (a share bar, a form), then what it copies (the
/// headline) and its element (a caption, a quote), then its place.
fn role_of(at: &Place, headline: Option<&str>, g: &RepeatGroup) -> RepeatRole {
    let (Some(&c), Some(&o)) = (g.copies.first(), g.original.first()) else {
        return RepeatRole::Other;
    };
    let (c, o, page) = (c as usize, o as usize, at.page);
    let blk = &page.blocks[c];
    let text = blk.text.as_str();
    let short = words(text) < MARK_BELOW_WORDS;
    let article = |b: usize| at.info.article.get(b).copied().unwrap_or(false);
    let link = link_density(blk) >= 0.5 || in_element(page, c, |tag, _| tag == "a");
    if mostly_numbers(text) || (short && hinted(page, c, DATE)) {
        return RepeatRole::Dateline;
    }
    if short && (credit_text(text) || hinted(page, c, CREDIT)) {
        return RepeatRole::Credit;
    }
    if (link && in_element(page, c, |_, h| share_hint(h)))
        || in_furniture(page, c)
        || g.kind == RepeatKind::Boilerplate
        || boilerplate_text(text)
    {
        return RepeatRole::Boilerplate;
    }
    if echoes_headline(page, headline, c, o) && (!link || hinted(page, c, OVERLAY)) {
        return RepeatRole::Headline;
    }
    if !link
        && (matches!(blk.tag.as_str(), "figcaption" | "caption")
            || in_element(page, c, |tag, _| tag == "figure")
            || hinted(page, c, CAPTION))
    {
        return RepeatRole::Caption;
    }
    let quote_box = |b: usize| in_element(page, b, |tag, _| tag == "blockquote");
    if quote_box(c) && quote_box(o) {
        return RepeatRole::EmbeddedQuote;
    }
    let decor = at.decorative.get(c).copied().unwrap_or(false) || g.kind == RepeatKind::Decorative;
    if decor && article(o) && !link {
        if hinted(page, c, STANDFIRST) || (is_heading(&blk.tag) && before_body(page, at.info, c)) {
            return RepeatRole::Standfirst;
        }
        if quote_box(c) || hinted(page, c, PULL) || is_heading(&blk.tag) || article(c) {
            return RepeatRole::PullQuote;
        }
    }
    // An excerpt in a share or e-mail dialog is a summary; a run of body
    // paragraphs printed again (a print or mobile copy) is the text itself.
    if hinted(page, c, OVERLAY) && !link && article(o) && g.kind != RepeatKind::Block {
        return RepeatRole::Standfirst;
    }
    if link || is_heading(&blk.tag) || blk.tag == "li" {
        return card_line(at, c);
    }
    if article(c) || article(o) {
        return RepeatRole::Paragraph;
    }
    if short {
        RepeatRole::Boilerplate
    } else {
        RepeatRole::Teaser
    }
}
