//! Organisations in languages other than English: the words that begin an
//! organisation's name (`lexicon/entities/org-heads-lang.txt`) retype a
//! place the tagger found as an organisation ("Ministério da Saúde",
//! "Kantonspolizei Bern").

use crate::lexicon::Words;
use crate::ner::tokens;
use crate::text::with_lowercase;

const ORG_HEADS_LANG: &str = include_str!("../../lexicon/entities/org-heads-lang.txt");
static ORG_DE: Words = Words::tagged(ORG_HEADS_LANG, "de");
static ORG_ES: Words = Words::tagged(ORG_HEADS_LANG, "es");
static ORG_FR: Words = Words::tagged(ORG_HEADS_LANG, "fr");
static ORG_IT: Words = Words::tagged(ORG_HEADS_LANG, "it");
static ORG_NL: Words = Words::tagged(ORG_HEADS_LANG, "nl");
static ORG_PL: Words = Words::tagged(ORG_HEADS_LANG, "pl");
static ORG_PT: Words = Words::tagged(ORG_HEADS_LANG, "pt");
static ORG_SUFFIX: Words = Words::tagged(ORG_HEADS_LANG, "suffix");

/// The words that begin an organisation's name in a language other than
/// English (`lexicon/entities/org-heads-lang.txt`).
pub(super) fn org_heads(lang: &str) -> Option<&'static Words> {
    Some(match lang {
        "de" => &ORG_DE,
        "es" => &ORG_ES,
        "fr" => &ORG_FR,
        "it" => &ORG_IT,
        "nl" => &ORG_NL,
        "pl" => &ORG_PL,
        "pt" => &ORG_PT,
        _ => return None,
    })
}

/// A place name that an organisation's head word begins is an
/// organisation: "Ministério da Saúde", "Forças Armadas", "Urzędu
/// Statystycznego"; in German a compound ending in one too ("Kantonspolizei
/// Bern", "Bundesverfassungsgericht"). People keep their type, and so do
/// MISC names (laws and events: "Rozporządzenie Rady 2016/679").
pub(super) fn lang_org_type(heads: &Words, ty: u8, text: &str, toks: &[tokens::Tok]) -> u8 {
    if ty != 3 || toks.is_empty() {
        return ty;
    }
    let word = |t: &tokens::Tok| &text[t.start..t.end];
    let first = word(&toks[0]);
    let compound = |w: &str| {
        with_lowercase(w, |l| {
            ORG_SUFFIX
                .list()
                .iter()
                .any(|s| heads.has(s) && l.len() > s.len() + 2 && l.ends_with(s))
        })
    };
    let head = toks.len() >= 2 && with_lowercase(first, |l| heads.has(l));
    if head || compound(first) || compound(word(&toks[toks.len() - 1])) {
        2
    } else {
        ty
    }
}
