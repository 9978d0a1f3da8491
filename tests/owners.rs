//! Quantity owners (SPEC.md): the entity the sentence makes the possessor,
//! subject or agent of the number; none when the only name before it is
//! the object of a preposition.
use dossier::{analyze, Page};

fn owners(sentence: &str) -> Vec<(f64, Option<String>)> {
    let p = Page::from_paragraphs(&[sentence]);
    let r = serde_json::to_value(analyze(&p)).unwrap();
    let ents = r["entities"].as_array().cloned().unwrap_or_default();
    r["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            let e = q["entity"]
                .as_u64()
                .map(|i| ents[i as usize]["name"].as_str().unwrap().to_string());
            (q["value"].as_f64().unwrap(), e)
        })
        .collect()
}

fn owner_of(sentence: &str, value: f64) -> Option<String> {
    owners(sentence)
        .into_iter()
        .find(|(v, _)| (*v - value).abs() < 1e-6 * value.abs().max(1.0))
        .unwrap_or_else(|| panic!("no quantity {value} in {sentence:?}"))
        .1
}

#[test]
fn the_subject_of_the_verb_owns_the_number() {
    assert_eq!(
        owner_of(
            "Microsoft agreed to invest $6.5 billion in the project, the company said on Tuesday.",
            6.5e9
        )
        .as_deref(),
        Some("Microsoft")
    );
    assert_eq!(
        owner_of(
            "In the presidential race, Tsai Ing-wen won 8.17 million votes.",
            8.17e6
        )
        .as_deref(),
        Some("Tsai Ing-wen")
    );
    assert_eq!(
        owner_of(
            "Andrew Hartley was jailed for three years at Leeds Crown Court.",
            3.0
        )
        .as_deref(),
        Some("Andrew Hartley")
    );
}

#[test]
fn a_place_after_a_preposition_owns_nothing() {
    assert_eq!(
        owner_of("House prices in London rose 4 percent last year.", 4.0),
        None
    );
}
