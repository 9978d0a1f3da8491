//! Headline casing: a headline in Title Case or capitals is given the casing
//! the rest of the article gives its words before the tagger reads it.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::hash::WordHashState;
use crate::lexicon::Words;
use crate::text::with_lowercase;

/// Small words that headline case capitalises but that are never names.
pub(super) static FUNCTION_WORDS: Words =
    Words::new(include_str!("../../lexicon/entities/function-words.txt"));

/// Headlines in Title Case or capitals say nothing with their casing: each
/// word is given the casing the rest of the article gives it (or lower case
/// for small words), so the tagger sees "Verizon leaves shareholders with
/// little say" rather than a string of names.
pub(super) fn truecase<'a>(sents: &[Vec<&'a str>]) -> Vec<Vec<Cow<'a, str>>> {
    let alpha = |w: &str| w.chars().any(char::is_alphabetic);
    // Counted without collecting: this runs for every sentence of the page.
    let cased = |s: &[&str]| -> bool {
        let (mut words, mut caps) = (0, 0);
        for w in s
            .iter()
            .skip(1)
            .filter(|w| alpha(w) && w.chars().nth(2).is_some())
        {
            words += 1;
            caps += usize::from(w.chars().next().is_some_and(char::is_uppercase));
        }
        words >= 3 && caps * 4 >= words * 3
    };
    let shouting = |s: &[&str]| -> bool {
        let (mut words, mut caps) = (0, 0);
        for w in s.iter().filter(|w| alpha(w)) {
            words += 1;
            caps += usize::from(
                w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase),
            );
        }
        words >= 2 && caps * 10 >= words * 8
    };
    let special: Vec<bool> = sents.iter().map(|s| cased(s) || shouting(s)).collect();
    if !special.contains(&true) {
        return sents
            .iter()
            .map(|s| s.iter().map(|&w| Cow::Borrowed(w)).collect())
            .collect();
    }
    // How each word of the special sentences is cased in ordinary ones, away
    // from their start. Only those words are keyed (a headline's few dozen,
    // not the page's vocabulary), and each ordinary word is lower-cased on
    // the stack and looked up: this runs for every word of the page.
    let mut case: HashMap<String, (u32, u32), WordHashState> = HashMap::default();
    // A 1024-bit filter on length, first and last byte of the keys: most
    // words are skipped before hashing.
    let sig = |l: &str| {
        let b = l.as_bytes();
        let (f, z) = (b.first().copied(), b.last().copied());
        (b.len() * 61 + usize::from(f.unwrap_or(0)) * 7 + usize::from(z.unwrap_or(0))) % 1024
    };
    let mut filter = [0u64; 16];
    for (s, _) in sents.iter().zip(&special).filter(|(_, sp)| **sp) {
        for w in s.iter().filter(|w| alpha(w)) {
            let l = w.to_lowercase();
            let k = sig(&l);
            filter[k / 64] |= 1 << (k % 64);
            case.entry(l).or_default();
        }
    }
    for (s, sp) in sents.iter().zip(&special) {
        if *sp {
            continue;
        }
        for (i, w) in s.iter().enumerate() {
            if i == 0 || !alpha(w) || matches!(s[i - 1], "." | "\"" | "“" | ":" | "(" | "—") {
                continue;
            }
            with_lowercase(w, |lower| {
                let k = sig(lower);
                if filter[k / 64] & (1 << (k % 64)) == 0 {
                    return;
                }
                if let Some(e) = case.get_mut(lower) {
                    if w.chars().next().is_some_and(char::is_uppercase) {
                        e.1 += 1;
                    } else {
                        e.0 += 1;
                    }
                }
            });
        }
    }
    sents
        .iter()
        .zip(&special)
        .map(|(s, sp)| {
            s.iter()
                .map(|w| {
                    if !*sp || !alpha(w) {
                        return Cow::Borrowed(*w);
                    }
                    let l = w.to_lowercase();
                    let (lo, up) = case.get(&l).copied().unwrap_or((0, 0));
                    if lo > up || (up == 0 && FUNCTION_WORDS.contains(&l.as_str())) {
                        Cow::Owned(l)
                    } else if up > 0
                        && w.chars()
                            .filter(|c| c.is_alphabetic())
                            .all(char::is_uppercase)
                        && w.chars().count() > 3
                    {
                        let mut c = l.chars();
                        Cow::Owned(
                            c.next()
                                .map(|f| f.to_uppercase().chain(c).collect())
                                .unwrap_or_default(),
                        )
                    } else {
                        Cow::Borrowed(*w)
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truecase_gives_headlines_the_article_casing() {
        fn split(s: &str) -> Vec<&str> {
            s.split(' ').collect()
        }
        let sents = [
            split("Verizon Leaves Shareholders With Little Say"),
            split("RUSSIA CHIEF WARNS ÉLYSÉE"),
            split("The board of Verizon leaves shareholders with little say ."),
            split("In Russia , the chief of the Élysée staff spoke ."),
            // Sentence-initial and after an opening quote: not evidence.
            split("Little \" Leaves \" was said ."),
        ];
        let got: Vec<String> = truecase(&sents).iter().map(|s| s.join(" ")).collect();
        assert_eq!(got[0], "Verizon leaves shareholders with little say");
        // Capitals become the article's casing; a word never seen keeps its own.
        assert_eq!(got[1], "Russia chief WARNS Élysée");
        // Ordinary sentences are untouched.
        assert_eq!(
            got[2..],
            sents[2..].iter().map(|s| s.join(" ")).collect::<Vec<_>>()[..]
        );
        // With no headline-like sentence, nothing changes.
        let plain = truecase(&sents[2..]);
        assert!(plain
            .iter()
            .flatten()
            .all(|w| matches!(w, Cow::Borrowed(_))));
    }
}
