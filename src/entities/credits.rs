//! Photo credits inside a block ("… Ashraf Shazly/Agence France-Presse —
//! Getty Images"): the names there are the photographer's and the agency's,
//! not what the article is about. Author notes ("Erin Cunningham is an
//! Egypt-based correspondent for The Post. She previously covered …",
//! "Stella Kim reported from Seoul"): the names there are the writer's and
//! their employers'. (Whole credit and byline blocks are left out of the
//! document before tagging: [`crate::doc`].)

use crate::doc::Doc;
use crate::ner::tokens;

/// Where a photo credit starts in a block ("… Ashraf Shazly/Agence
/// France-Presse — Getty Images"): names from there on are credits.
pub(super) fn credit_start(text: &str, toks: &[tokens::Tok]) -> usize {
    let is_cap = |t: &tokens::Tok| {
        text[t.start..t.end]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    // The photographer's first names before the slash (at most two words).
    let name_start = |i: usize| {
        let mut a = i;
        while a > 0 && i - a < 2 && is_cap(&toks[a - 1]) {
            a -= 1;
        }
        a
    };
    for (i, t) in toks.iter().enumerate() {
        let w = &text[t.start..t.end];
        let slash_names = w.contains('/')
            && w.split('/')
                .all(|p| p.chars().next().is_some_and(char::is_uppercase));
        let credit_word = matches!(
            w,
            "Credit" | "Photograph" | "Photo" | "Image" | "Getty" | "Illustration"
        ) && toks.get(i + 1).is_some_and(|n| {
            matches!(&text[n.start..n.end], ":" | "Images" | "by") || w == "Credit" || w == "Getty"
        });
        // Near the end of the block, the name before the slash is the
        // photographer's too ("Anthony Wallace / AFP - Getty Images"); a slash
        // in running text is not a credit ("Israel / Palestine").
        let near_end = i + 10 >= toks.len();
        if w == "/"
            && i > 0
            && near_end
            && toks.get(i + 1).is_some_and(is_cap)
            && is_cap(&toks[i - 1])
        {
            return name_start(i - 1);
        }
        if slash_names && near_end {
            return name_start(i);
        }
        if slash_names || credit_word {
            return i;
        }
    }
    toks.len()
}

/// Nouns that say a person wrote or made the article ("… correspondent
/// for The Post", "a freelance writer based in …").
const WRITER_NOUNS: &[&str] = &[
    "correspondent",
    "reporter",
    "writer",
    "editor",
    "columnist",
    "contributor",
    "journalist",
    "author",
    "blogger",
    "photographer",
    "photojournalist",
    "producer",
    "critic",
    "freelancer",
];

/// Whether a text unit is a note about the article's writer: it opens with
/// a name (one to four capitalised words) and then "is a …" or "was a …"
/// with a writer noun within the next dozen words, or "covers …", "writes
/// about …", "reported from …", "contributed reporting": the way news
/// pages end with the author's biography or credit the reporting. A note is
/// short (at most 80 words). Returns the number of the name's tokens: the
/// caller keeps the note when the article names that person elsewhere (a
/// story about a journalist, not a note about its writer).
pub(super) fn author_note(text: &str, toks: &[tokens::Tok]) -> Option<usize> {
    let w = |i: usize| toks.get(i).map_or("", |t| &text[t.start..t.end]);
    let words = toks
        .iter()
        .filter(|t| text[t.start..t.end].chars().any(char::is_alphanumeric))
        .count();
    if !(4..=80).contains(&words) {
        return None;
    }
    let cap = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    let mut i = 0;
    while i < 4 && cap(w(i)) {
        i += 1;
    }
    if i == 0 || !w(0).chars().any(char::is_lowercase) {
        return None; // no name first, or a line in capitals
    }
    let lower = |k: usize| w(k).to_lowercase();
    let note = match lower(i).as_str() {
        "covers" | "covered" => true,
        "writes" | "wrote" => lower(i + 1) == "about" || lower(i + 1) == "for",
        "reported" => matches!(lower(i + 1).as_str(), "from" | "this"),
        "contributed" => lower(i + 1) == "reporting" || lower(i + 1) == "to",
        "is" | "was" if matches!(lower(i + 1).as_str(), "a" | "an" | "the") => (i + 2..i + 14)
            .take_while(|&k| !matches!(w(k), "." | ";" | ""))
            .any(|k| {
                let l = lower(k);
                let stem = l.strip_suffix('s').unwrap_or(&l);
                WRITER_NOUNS.contains(&stem)
            }),
        _ => false,
    };
    note.then_some(i)
}

/// Where the credits start in each text unit (`toks.len()` where there are
/// none): a photo credit's place ([`credit_start`]), or the unit's start for
/// a note about the writer ([`author_note`]) whose name the article does not
/// use elsewhere.
pub(super) fn credit_starts(doc: &Doc) -> Vec<usize> {
    let mut starts: Vec<usize> = doc
        .units
        .iter()
        .zip(&doc.toks)
        .map(|((_, t), toks)| credit_start(t, toks))
        .collect();
    for (u, ((_, text), toks)) in doc.units.iter().zip(&doc.toks).enumerate() {
        let Some(n) = author_note(text, toks) else {
            continue;
        };
        let name = &text[toks[0].start..toks[n - 1].end];
        let elsewhere = doc
            .units
            .iter()
            .enumerate()
            .any(|(v, (_, t))| v != u && t.contains(name));
        if !elsewhere {
            starts[u] = 0;
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the credit starts, as the word there.
    fn credit_word(text: &str) -> Option<String> {
        let toks = tokens::tokenize(text);
        let i = credit_start(text, &toks);
        toks.get(i).map(|t| text[t.start..t.end].to_string())
    }

    #[test]
    fn photo_credits() {
        // Real captions (readability/schema-org-context-object, nytimes).
        let table = [
            (
                "An image of South Korean President Yoon Suk Yeol is raised during a candlelight rally in Seoul on Thursday. Anthony Wallace / AFP - Getty Images",
                Some("Anthony"),
            ),
            (
                "Protesters in Tahrir Square on Friday. Ashraf Shazly/Agence France-Presse — Getty Images",
                Some("Ashraf"),
            ),
            // A slash in running text is not a credit.
            (
                "Talks between Israel / Palestine negotiators resumed in Cairo on Monday after a pause of several weeks, officials said.",
                None,
            ),
        ];
        for (text, want) in table {
            assert_eq!(credit_word(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn author_notes() {
        // Real notes (readability/wapo-1, wapo-2, schema-org-context-object)
        // and story paragraphs that are not notes. A story's paragraph about
        // a journalist reads as a note here (Maria Ressa); the article's other
        // mentions of her keep it (tests/entity_names.rs).
        let table = [
            ("Erin Cunningham is an Egypt-based correspondent for The Post. She previously covered conflicts in the Middle East and Afghanistan for the Christian Science Monitor, GlobalPost and The National.", Some(2)),
            ("Steven Mufson covers the White House. Since joining The Post, he has covered economics, China, foreign policy and energy.", Some(2)),
            ("Stella Kim reported from Seoul, and Jennifer Jett from Hong Kong.", Some(2)),
            ("Maria Ressa is a journalist whose news site Rappler was ordered shut by the Philippine government on Wednesday, a ruling her lawyers said they would appeal.", Some(2)),
            ("Tunisian officials said the gunmen, who wore military uniforms, entered the museum shortly after noon and opened fire on tourists getting off buses.", None),
            ("The minister is a former reporter for the Sun.", None),
            ("LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR", None),
        ];
        for (text, want) in table {
            assert_eq!(author_note(text, &tokens::tokenize(text)), want, "{text}");
        }
    }
}
