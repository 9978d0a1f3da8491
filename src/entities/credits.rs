//! Photo credits inside a block ("… Ashraf Shazly/Agence France-Presse —
//! Getty Images"): the names there are the photographer's and the agency's,
//! not what the article is about. (Whole credit and byline blocks are left
//! out of the document before tagging: [`crate::doc`].)

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
}
