//! The language of the article: what the page declares (`<html lang>`),
//! checked against the text itself.
//!
//! Why both: declarations are often wrong or missing (a third of the real
//! pages declare nothing; templates say `en` on German stories), and the
//! text alone is unsure on a short page. The text decides when the
//! identifier is sure of it; otherwise the declaration; otherwise the
//! language stays unknown, and [`Language::reads_entities`] says what the
//! analysis may do with it.
//!
//! The identifier is `whatlang` (trigram profiles of 69 languages and
//! script detection, MIT): it names the languages Dossier has no tagger
//! for, which is what keeps an English tagger off a Swedish or Czech page.

use serde::{Deserialize, Serialize};

/// Languages whose pages get entities and quotes: those with a tagger
/// ([`crate::ner::registry::LANGUAGES`]) and speech verbs and quotation
/// marks the quote finder knows. Whether a page's entities are read also
/// needs its model loaded (the extension fetches it from its package on
/// first use): without it the report says `entities: false`, never the
/// English tagger's guesses.
pub const ENTITY_LANGUAGES: &[&str] = &["en", "de", "fr", "es", "pt", "it", "nl", "pl"];

/// Languages whose dates (month and weekday names, day-month order) and
/// number formats ("1.234,5") the fact rules read.
pub const FACT_LANGUAGES: &[&str] = &["en", "de", "fr", "es", "pt", "it", "nl", "pl"];

/// How much article text the identifier reads: enough to be sure, bounded
/// on a long page.
const SAMPLE_CHARS: usize = 3000;

/// Fewer letters than this and the text does not overrule a declaration.
const MIN_LETTERS: usize = 60;

/// The article's language and how it was decided.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(ts_rs::TS))]
pub struct Language {
    /// ISO 639-1 code where there is one ("de"), else ISO 639-3 ("fil"),
    /// or "" when unknown.
    pub code: String,
    /// `declared and text` (both agree), `text` (the text, where the page
    /// declares nothing or something else: see `declared`), `declared`
    /// (the text is too short or unsure), or `unknown`.
    pub source: String,
    /// The page's own declaration, primary subtag lowercased ("de" for
    /// "de-DE"), or "".
    pub declared: String,
    /// Whether entities and quotes were read: a language the tagger and
    /// the quote finder know, or unknown (see [`Language::reads_entities`]),
    /// whose model was loaded (the pipeline clears it otherwise).
    pub entities: bool,
    /// Whether dates and numbers were read: a language whose date words and
    /// number format the rules know, or unknown.
    pub facts: bool,
}

impl Language {
    /// Whether entities and quotes are extracted: a language the tagger
    /// was trained for, or unknown (a short page with no declaration,
    /// where English is the best bet and the text is too short to mislead).
    pub fn reads_entities(&self) -> bool {
        self.code.is_empty() || ENTITY_LANGUAGES.contains(&self.code.as_str())
    }

    /// Whether dates and numbers are extracted (see [`FACT_LANGUAGES`]).
    pub fn reads_facts(&self) -> bool {
        self.code.is_empty() || FACT_LANGUAGES.contains(&self.code.as_str())
    }
}

/// The primary subtag of a language tag: "de" of "de-DE", "pt" of "pt_BR".
fn primary(tag: &str) -> String {
    tag.trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// ISO 639-1 for the languages that have one, from whatlang's 639-3 codes.
fn short_code(l: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match l {
        Eng => "en",
        Deu => "de",
        Spa => "es",
        Fra => "fr",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Pol => "pl",
        Ces => "cs",
        Slk => "sk",
        Swe => "sv",
        Dan => "da",
        Nob => "nb",
        Fin => "fi",
        Hun => "hu",
        Ron => "ro",
        Hrv => "hr",
        Slv => "sl",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tur => "tr",
        Rus => "ru",
        Ukr => "uk",
        Bul => "bg",
        Srp => "sr",
        Ell => "el",
        Heb => "he",
        Ara => "ar",
        Pes => "fa",
        Hin => "hi",
        Ben => "bn",
        Jpn => "ja",
        Kor => "ko",
        Cmn => "zh",
        Vie => "vi",
        Tha => "th",
        Ind => "id",
        Cat => "ca",
        Epo => "eo",
        Afr => "af",
        other => other.code(),
    }
}

/// Decides the language from the declaration and the article text.
pub fn identify(declared: &str, text: &str) -> Language {
    let declared = primary(declared);
    let mut end = text.len().min(SAMPLE_CHARS);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    let found = (letters >= MIN_LETTERS)
        .then(|| whatlang::detect(sample))
        .flatten()
        .filter(whatlang::Info::is_reliable)
        .map(|i| short_code(i.lang()));
    let (code, source) = match found {
        Some(c) if c == declared => (c.to_string(), "declared and text"),
        Some(c) => (c.to_string(), "text"),
        None if !declared.is_empty() => (declared.clone(), "declared"),
        None => (String::new(), "unknown"),
    };
    let mut l = Language {
        code,
        source: source.to_string(),
        declared,
        entities: false,
        facts: false,
    };
    l.entities = l.reads_entities();
    l.facts = l.reads_facts();
    l
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = "Cambodia's ruling party and the opposition resumed talks on Tuesday over \
        the political dispute that followed the July election, officials said after a three-hour meeting.";
    const DE: &str = "Die Bundesregierung hat am Dienstag beschlossen, die Hilfen für die \
        betroffenen Unternehmen um ein weiteres Jahr zu verlängern, teilte ein Sprecher in Berlin mit.";
    const ES: &str = "El Gobierno aprobó el martes un nuevo paquete de medidas para las empresas \
        afectadas por la crisis, según informó el ministerio en un comunicado.";
    const SV: &str = "Regeringen beslutade på tisdagen att förlänga stödet till de drabbade \
        företagen med ytterligare ett år, meddelade en talesperson i Stockholm.";
    const PL: &str = "Rząd zdecydował we wtorek o przedłużeniu pomocy dla poszkodowanych firm \
        o kolejny rok, poinformował rzecznik ministerstwa w Warszawie.";

    #[test]
    fn the_text_decides_when_it_is_sure_else_the_declaration() {
        // (declared, text, code, source, entities read)
        let table = [
            ("en", EN, "en", "declared and text", true),
            ("", EN, "en", "text", true),
            ("de-DE", DE, "de", "declared and text", true),
            // A template that says English on a German story.
            ("en-US", DE, "de", "text", true),
            ("es_AR", ES, "es", "declared and text", true),
            ("", SV, "sv", "text", false),
            ("pl", PL, "pl", "declared and text", true),
            // Too short to overrule or to decide.
            ("de", "Hallo Welt", "de", "declared", true),
            ("", "Hello", "", "unknown", true),
            ("", "", "", "unknown", true),
        ];
        for (declared, text, code, source, reads) in table {
            let l = identify(declared, text);
            assert_eq!(
                (l.code.as_str(), l.source.as_str()),
                (code, source),
                "{declared:?} {text:?}"
            );
            assert_eq!(l.reads_entities(), reads, "{declared:?} {text:?}");
            assert_eq!(l.entities, reads, "{declared:?} {text:?}");
        }
        assert_eq!(identify("en-US", DE).declared, "en");
        // Dates and numbers: German, Spanish and Polish (its inflected
        // month names: "5 maja", "w maju") are read, Swedish not.
        assert!(identify("", DE).facts && identify("", ES).facts);
        assert!(!identify("", SV).facts && identify("pl", PL).facts);
    }

    #[test]
    fn a_sample_never_splits_a_character() {
        let text = "é".repeat(SAMPLE_CHARS);
        assert_eq!(identify("fr", &text).code, "fr");
    }
}
