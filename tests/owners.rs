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

#[test]
fn a_pronoun_owns_for_the_person_or_organisation_named_before() {
    // (paragraphs, value, owner)
    let table: &[(&[&str], f64, Option<&str>)] = &[
        (
            &[
                "Vanessa Hicks posted the photo on Monday.",
                "Since then she plans to give 15 percent of all profits to charity.",
            ],
            15.0,
            Some("Vanessa Hicks"),
        ),
        (
            &["Aisha's Salon opened in Houston. Gucci closed its 25 locations in the city last year."],
            25.0,
            Some("Gucci"),
        ),
        (
            &[
                "Michael Bloomberg entered the race in November.",
                "He successfully ran for mayor three times.",
            ],
            3.0,
            Some("Michael Bloomberg"),
        ),
        // "It is" opens no one's number.
        (
            &[
                "Google published the figures on Tuesday.",
                "It is about 2 percent of the total, the report says.",
            ],
            2.0,
            None,
        ),
    ];
    for (paragraphs, value, owner) in table {
        let p = Page::from_paragraphs(paragraphs);
        let r = serde_json::to_value(analyze(&p)).unwrap();
        let ents = r["entities"].as_array().cloned().unwrap_or_default();
        let got = r["quantities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| (q["value"].as_f64().unwrap() - value).abs() < 1e-9)
            .unwrap_or_else(|| panic!("no quantity {value} in {paragraphs:?}"))["entity"]
            .as_u64()
            .map(|i| ents[i as usize]["name"].as_str().unwrap().to_string());
        assert_eq!(got.as_deref(), *owner, "{paragraphs:?}");
    }
}

#[test]
fn counts_in_brackets_and_appositions_belong_to_the_name() {
    assert_eq!(
        owner_of(
            "Among the legislators who have endorsed a candidate, Amy Klobuchar (17) leads.",
            17.0
        )
        .as_deref(),
        Some("Amy Klobuchar")
    );
    assert_eq!(
        owner_of(
            "The largest bloc is the New Democratic Coalition, which has 102 members.",
            102.0
        )
        .as_deref(),
        Some("New Democratic Coalition")
    );
}
