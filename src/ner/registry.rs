//! The tagger of each language.
//!
//! Natively, English ships inside the crate ([`super::MODEL_BYTES`]). In the
//! WASM core no model is compiled in: every language's model is its own
//! file (`model/ner-<lang>.bin` in the extension's package, English's as
//! `ner-en.bin`), so the module stays small and a reader pays only for the
//! languages they read: the extension fetches the file from its own package
//! (English's as the background starts, the others the first time a page
//! in that language is analysed) and hands the bytes to [`register_model`];
//! natively,
//! [`super::Tagger::for_language`] takes the copy compiled into the
//! command-line tool (feature `cli`), or reads it from the model directory
//! ([`model_dir`]) on first use. Either way a model is parsed once and
//! shared.

use std::sync::{Arc, Mutex, OnceLock};

use super::{BadModel, Model, Tagger};

/// Languages with a tagger in this repository, English first.
pub const LANGUAGES: &[&str] = &["en", "de", "es", "fr", "it", "nl", "pl", "pt"];

/// Why no tagger could be had for a language.
#[derive(Debug, PartialEq, Eq)]
pub enum ModelError {
    /// Not a language this crate has a model for.
    Unsupported(String),
    /// A language with a model, but none was registered (WASM) or found
    /// on disk (native).
    NotLoaded(String),
    /// The bytes are not a model file.
    Bad(BadModel),
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelError::Unsupported(l) => write!(f, "no entity model for language {l:?}"),
            ModelError::NotLoaded(l) => write!(
                f,
                "the entity model for {l:?} is not loaded (model/ner-{l}.bin)"
            ),
            ModelError::Bad(e) => e.fmt(f),
        }
    }
}

impl From<BadModel> for ModelError {
    fn from(e: BadModel) -> Self {
        ModelError::Bad(e)
    }
}

/// The language code a tagger is filed under: the primary subtag, lower
/// case ("de-AT" → "de", "pt_BR" → "pt", "EN" → "en"); `None` when that
/// is not one of [`LANGUAGES`].
pub fn model_language(code: &str) -> Option<&'static str> {
    let primary = code
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    LANGUAGES.iter().copied().find(|l| *l == primary)
}

/// The file name of a language's model (`ner.bin` for English).
pub fn model_file(lang: &str) -> String {
    if lang == "en" {
        "ner.bin".into()
    } else {
        format!("ner-{lang}.bin")
    }
}

type Registry = Mutex<Vec<(&'static str, Arc<Tagger>)>>;

fn registry() -> &'static Registry {
    static R: OnceLock<Registry> = OnceLock::new();
    R.get_or_init(|| Mutex::new(Vec::new()))
}

fn registered(lang: &str) -> Option<Arc<Tagger>> {
    let r = registry().lock().unwrap_or_else(|e| e.into_inner());
    r.iter().find(|(l, _)| *l == lang).map(|(_, t)| t.clone())
}

fn store(lang: &'static str, t: Tagger) -> Arc<Tagger> {
    let t = Arc::new(t);
    let mut r = registry().lock().unwrap_or_else(|e| e.into_inner());
    r.retain(|(l, _)| *l != lang);
    r.push((lang, t.clone()));
    t
}

/// Hands the core the bytes of a language's model (`model/ner-<lang>.bin`,
/// as the extension fetches it from its package): parsed now, used by every
/// later [`Tagger::for_language`] of that language (copied once and read
/// in place, not decoded: see `docs/ner-model.md`). Registering again
/// replaces the model; registering English replaces the embedded one.
pub fn register_model(code: &str, bytes: &[u8]) -> Result<(), ModelError> {
    let lang = model_language(code).ok_or_else(|| ModelError::Unsupported(code.to_string()))?;
    let model = Model::from_bytes(bytes)?;
    store(lang, Tagger::with_model(model));
    Ok(())
}

/// [`register_model`] with the bytes handed over whole (the WASM core's
/// boundary: the buffer JavaScript copied them into is kept, not copied
/// again).
pub fn register_model_vec(code: &str, bytes: Vec<u8>) -> Result<(), ModelError> {
    let lang = model_language(code).ok_or_else(|| ModelError::Unsupported(code.to_string()))?;
    let model = Model::from_vec(bytes)?;
    store(lang, Tagger::with_model(model));
    Ok(())
}

/// Whether English's model is compiled in (native and test builds, not the
/// WASM core).
const ENGLISH_EMBEDDED: bool = cfg!(any(not(target_arch = "wasm32"), test));

/// Whether [`Tagger::for_language`] would answer without reading a file:
/// a language whose model was registered, or English where it is compiled in.
pub fn is_loaded(code: &str) -> bool {
    model_language(code).is_some_and(|l| registered(l).is_some() || (l == "en" && ENGLISH_EMBEDDED))
}

/// English's compiled-in tagger, made once and shared.
#[cfg(any(not(target_arch = "wasm32"), test))]
fn english() -> Result<Arc<Tagger>, ModelError> {
    static EN: OnceLock<Arc<Tagger>> = OnceLock::new();
    if let Some(t) = EN.get() {
        return Ok(t.clone());
    }
    let t = Arc::new(Tagger::new()?);
    Ok(EN.get_or_init(|| t).clone())
}

/// In the WASM core, English is registered like any other language.
#[cfg(all(target_arch = "wasm32", not(test)))]
fn english() -> Result<Arc<Tagger>, ModelError> {
    Err(ModelError::NotLoaded("en".to_string()))
}

/// The directory native builds read models from: `$DOSSIER_MODEL_DIR`,
/// else the crate's own `model/`.
#[cfg(not(target_arch = "wasm32"))]
pub fn model_dir() -> std::path::PathBuf {
    match std::env::var_os("DOSSIER_MODEL_DIR") {
        Some(d) => d.into(),
        None => std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("model"),
    }
}

impl Tagger {
    /// The tagger of a language (a code such as `de`, `es-MX`, `pt_BR`):
    /// the model registered with [`register_model`]; if none was, English
    /// from the embedded model (native builds), another language natively
    /// from `ner-<lang>.bin` in [`model_dir`] (read once, then kept).
    pub fn for_language(code: &str) -> Result<Arc<Tagger>, ModelError> {
        let lang = model_language(code).ok_or_else(|| ModelError::Unsupported(code.to_string()))?;
        if let Some(t) = registered(lang) {
            return Ok(t);
        }
        if lang == "en" {
            return english();
        }
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(bytes) = native_bytes(lang) {
            let model = Model::from_bytes(&bytes)?;
            return Ok(store(lang, Tagger::with_model(model)));
        }
        Err(ModelError::NotLoaded(lang.to_string()))
    }
}

/// A language's model file, natively: from `$DOSSIER_MODEL_DIR` when set;
/// else the copy compiled into the command-line tool (feature `cli`, so an
/// installed `dossier` needs no model directory and reads what the
/// extension packages); else `model/` of the crate.
#[cfg(not(target_arch = "wasm32"))]
fn native_bytes(lang: &str) -> Option<std::borrow::Cow<'static, [u8]>> {
    use std::borrow::Cow;
    if std::env::var_os("DOSSIER_MODEL_DIR").is_none() {
        if let Some(b) = embedded(lang) {
            return Some(Cow::Borrowed(b));
        }
    }
    std::fs::read(model_dir().join(model_file(lang)))
        .ok()
        .map(Cow::Owned)
}

/// The language models compiled into the command-line tool (never into the
/// WASM: the extension fetches each from its package on first use).
#[cfg(all(feature = "cli", not(target_arch = "wasm32")))]
fn embedded(lang: &str) -> Option<&'static [u8]> {
    Some(match lang {
        "de" => include_bytes!("../../model/ner-de.bin"),
        "es" => include_bytes!("../../model/ner-es.bin"),
        "fr" => include_bytes!("../../model/ner-fr.bin"),
        "it" => include_bytes!("../../model/ner-it.bin"),
        "nl" => include_bytes!("../../model/ner-nl.bin"),
        "pl" => include_bytes!("../../model/ner-pl.bin"),
        "pt" => include_bytes!("../../model/ner-pt.bin"),
        _ => return None,
    })
}

#[cfg(all(not(feature = "cli"), not(target_arch = "wasm32")))]
fn embedded(_lang: &str) -> Option<&'static [u8]> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_map_to_model_languages() {
        assert_eq!(model_language("de-AT"), Some("de"));
        assert_eq!(model_language("pt_BR"), Some("pt"));
        assert_eq!(model_language(" EN "), Some("en"));
        assert_eq!(model_language("ja"), None);
        assert_eq!(model_language(""), None);
        assert_eq!(model_file("en"), "ner.bin");
        assert_eq!(model_file("de"), "ner-de.bin");
    }

    #[test]
    fn english_is_embedded_and_shared() {
        assert!(is_loaded("en-GB"));
        let a = Tagger::for_language("en").unwrap();
        let b = Tagger::for_language("en-US").unwrap();
        assert!(Arc::ptr_eq(&a, &b));
    }

    #[test]
    fn unsupported_and_bad_models_are_refused() {
        assert!(matches!(
            Tagger::for_language("ja"),
            Err(ModelError::Unsupported(_))
        ));
        assert!(matches!(
            register_model("xx", super::super::MODEL_BYTES),
            Err(ModelError::Unsupported(_))
        ));
        assert_eq!(
            register_model("nl", b"not a model"),
            Err(ModelError::Bad(BadModel("not a Dossier model")))
        );
    }

    #[test]
    fn feature_extensions_are_kept_in_the_file() {
        let mut d = Model::from_static(super::super::MODEL_BYTES)
            .unwrap()
            .data();
        assert_eq!(d.ext, 0);
        d.ext = super::super::features::EXT_LANG;
        let back = Model::from_bytes(&d.to_bytes().unwrap()).unwrap();
        assert_eq!(back.ext, super::super::features::EXT_LANG);
        assert_eq!(back.data().keys, d.keys);
    }

    #[test]
    fn a_registered_model_is_used() {
        // Dutch gets the English model's bytes here: what matters is that
        // the registered model, not a file, answers.
        register_model("nl-BE", super::super::MODEL_BYTES).unwrap();
        assert!(is_loaded("nl"));
        let t = Tagger::for_language("nl").unwrap();
        assert_eq!(
            t.model().n_features(),
            Tagger::new().unwrap().model().n_features()
        );
    }
}
