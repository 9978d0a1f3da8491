//! Products are not entities (SPEC.md): a console, a game, an app, a car
//! model or a chip the tagger reads as an organisation ("Xbox One", "Gears
//! of War", "Intel Core") is dropped where the article's own words around
//! its mentions say it is a thing rather than an actor. Not a list of
//! product names: the cues are the context a product takes and an actor
//! does not.
//!
//! * a model number or letter after the name: "Xbox One X", "Gears of War
//!   4", "PlayStation 4 Pro", "Intel Core i7", "Planet Earth II";
//! * a product noun right after it ("the Retina display", "Minecraft
//!   servers", "the ABC7 News app") or right before it ("the online game
//!   Minecraft", "games like Fortnite");
//! * a price right before it ("the $279 Xbox One S", "the new Pixel").
//!
//! A name that also acts ("Microsoft says", "a Nintendo spokesperson",
//! "Apple Inc.") keeps its entity: an organisation makes products and is
//! written beside them.

use std::ops::Range;

use crate::lexicon::Words;
use crate::ner::tokens::Tok;
use crate::text::with_lowercase;

/// Nouns that name a kind of product, lower case (lexicon file).
static PRODUCT_NOUNS: Words = Words::new(include_str!("../../lexicon/entities/product-nouns.txt"));

/// Words after a name that make it an actor: it speaks, employs, is a company.
const ACTOR_AFTER: &[&str] = &[
    "said",
    "says",
    "say",
    "announced",
    "announces",
    "told",
    "reported",
    "confirmed",
    "declined",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "representative",
    "ceo",
    "executive",
    "executives",
    "employee",
    "employees",
    "founder",
    "inc",
    "corp",
    "ltd",
    "llc",
    "plc",
];

/// What the words around one mention say of it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Cue {
    /// Written as a thing: a model number, a product noun, a price.
    Product,
    /// Written as an actor: it speaks, employs, is a company.
    Actor,
    /// Neither.
    None,
}

/// A model number or letter: "4", "360", "II", "X", "S", "i7", "4K".
fn is_model(w: &str, person: bool) -> bool {
    let w = w.strip_suffix('.').unwrap_or(w);
    let digits = w.chars().filter(char::is_ascii_digit).count();
    let all_alnum = w.chars().all(|c| c.is_ascii_alphanumeric());
    if digits > 0 {
        // A year ("Mariachi Mexico 2020", "Class of 2019") is no model.
        return all_alnum && w.len() <= 4 && !(w.len() == 4 && digits == 4);
    }
    // Roman numerals and single capitals: not after a person's name
    // ("Henry VIII", "Malcolm X").
    !person
        && ((w.len() == 1 && w != "I" && w != "A" && w.chars().all(|c| c.is_ascii_uppercase()))
            || matches!(w, "II" | "III" | "IV" | "VI" | "VII" | "VIII"))
}

/// A name of two words or more in quotation marks is a title ("“Super
/// Mario Run” will launch", "“A Paradise Built in Hell”"): a work, not an
/// actor. One word in quotation marks is often a headline's scare quote
/// around a company ("“AT&T” ruling").
fn quoted(prev: Option<&str>, next: Option<&str>, next2: Option<&str>) -> bool {
    const OPEN: &[&str] = &["\"", "“", "‘", "'", "«"];
    const CLOSE: &[&str] = &["\"", "”", "’", "'", "»"];
    let close = |o: Option<&str>| o.is_some_and(|x| CLOSE.contains(&x));
    prev.is_some_and(|p| OPEN.contains(&p))
        && (close(next)
            || (next.is_some_and(|n| matches!(n, "," | "." | ":" | "!" | "?")) && close(next2)))
}

/// A price right before a name: "$279" (the tokenizer keeps the symbol
/// apart: "$", "279"), "£1,000", "€99".
fn is_price(prev: Option<&str>, prev2: Option<&str>) -> bool {
    let currency = |o: Option<&str>| o.is_some_and(|x| x.starts_with(['$', '£', '€', '¥']));
    let amount =
        |o: Option<&str>| o.is_some_and(|x| x.chars().next().is_some_and(|c| c.is_ascii_digit()));
    (amount(prev) && currency(prev2))
        || (currency(prev) && prev.is_some_and(|p| p.chars().any(|c| c.is_ascii_digit())))
}

/// What the words around the mention `tok` of a text unit's tokens
/// (`toks` of `text`) say of it. `person` is the type the mention's entity
/// has (a model letter after a person's name is a regnal number or an
/// initial). The unit's words, not only the sentence's: a list's numbers
/// ("1. Finland 2. Norway") end sentences of their own.
pub(super) fn cue(text: &str, toks: &[Tok], tok: &Range<usize>, person: bool) -> Cue {
    let at = |i: usize| toks.get(i).map(|t| &text[t.start..t.end]);
    let (next, next2, next3) = (at(tok.end), at(tok.end + 1), at(tok.end + 2));
    let prev = tok.start.checked_sub(1).and_then(at);
    let prev2 = tok.start.checked_sub(2).and_then(at);
    let lower =
        |o: Option<&str>, list: &dyn Fn(&str) -> bool| o.is_some_and(|x| with_lowercase(x, list));
    // "Microsoft says", "a Nintendo spokesperson", "Apple Inc.", "Sony's
    // chief executive"
    let actor = |l: &str| ACTOR_AFTER.contains(&l.trim_end_matches('.'));
    if lower(next, &actor)
        || (next.is_some_and(|n| matches!(n, "'s" | "’s")) && lower(next2, &actor))
        || (lower(prev, &|l| l == "to") && lower(prev2, &|l| l == "according"))
    {
        return Cue::Actor;
    }
    // "1. Finland 2. Norway": a number and a full stop before a name, or
    // between it and the next capitalised word, numbers a list; it is not
    // a model ("Forza Motorsport 7." ends a sentence).
    let digits = |o: Option<&str>| {
        o.is_some_and(|p| {
            !p.is_empty() && p.trim_end_matches('.').chars().all(|c| c.is_ascii_digit())
        })
    };
    let capital =
        |o: Option<&str>| o.is_some_and(|x| x.chars().next().is_some_and(char::is_uppercase));
    let numbered = (digits(prev) && prev.is_some_and(|p| p.ends_with('.')))
        || (prev == Some(".") && digits(prev2))
        || (digits(next) && next.is_some_and(|n| n.ends_with('.')) && capital(next2))
        || (digits(next) && next2 == Some(".") && capital(next3));
    let noun = |l: &str| PRODUCT_NOUNS.has(l);
    let small =
        |o: Option<&str>| o.is_some_and(|x| x.chars().next().is_some_and(char::is_lowercase));
    if (!numbered && next.is_some_and(|n| is_model(n, person)))
        || (small(next) && lower(next, &noun))
        || (small(prev) && lower(prev, &noun))
        || (lower(prev, &|l| l == "like") && lower(prev2, &noun))
        || is_price(prev, prev2)
        || (tok.len() >= 2 && quoted(prev, next, next2))
        || (lower(prev, &|l| l == "new") && lower(prev2, &|l| l == "the"))
    {
        return Cue::Product;
    }
    Cue::None
}

/// Whether an entity's mentions, with what their words say of each, make
/// it a product: half of them or more written as a thing and none as an
/// actor.
pub(super) fn is_product(cues: impl Iterator<Item = Cue>) -> bool {
    let (mut n, mut product) = (0, 0);
    for c in cues {
        match c {
            Cue::Actor => return false,
            Cue::Product => product += 1,
            Cue::None => {}
        }
        n += 1;
    }
    product > 0 && product * 2 >= n
}

/// Last words that make a multi-word name an organisation's ("… Foundation").
pub(super) static ORG_NAME_HEADS: Words =
    Words::new(include_str!("../../lexicon/entities/org-name-heads.txt"));

/// Whether a name ends in an organisation's head word ("Raspberry Pi
/// Foundation", "Epic Games Inc.").
pub(super) fn ends_in_org_head(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    with_lowercase(last, |l| ORG_NAME_HEADS.has(l))
}
