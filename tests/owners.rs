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

/// Each row: paragraphs, a number in them, and the name of its owner (or
/// none); every quantity is looked up by value in the whole page's report.
fn check_paragraph_owners(table: &[(&[&str], f64, Option<&str>)]) {
    for (paragraphs, value, owner) in table {
        let p = Page::from_paragraphs(paragraphs);
        let r = serde_json::to_value(analyze(&p)).unwrap();
        let ents = r["entities"].as_array().cloned().unwrap_or_default();
        let got = r["quantities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| (q["value"].as_f64().unwrap() - value).abs() < 1e-6 * value.abs().max(1.0))
            .unwrap_or_else(|| panic!("no quantity {value} in {paragraphs:?}"))["entity"]
            .as_u64()
            .map(|i| ents[i as usize]["name"].as_str().unwrap().to_string());
        assert_eq!(got.as_deref(), *owner, "{paragraphs:?}");
    }
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
    check_paragraph_owners(table);
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

/// Owners through the syntax news writing uses around money and
/// organisations (SPEC.md "Owner"): a conversion in brackets shares the
/// amount's owner, money "from" someone is theirs, a relative clause stands
/// between a subject and its verb, "the company" stands for the
/// organisation last named, and the subject, not the object, of a
/// two-object verb or a margin owns the number. Sentences from observer.com (LVMH and the
/// Louvre, facts-dev page trafilatura-news/observer.com-LVMH-eaf826, ©
/// the publisher, test use only) and of the same shape.
#[test]
fn owners_through_conversions_givers_clauses_and_descriptions() {
    // (paragraphs, value, owner)
    let table: &[(&[&str], f64, Option<&str>)] = &[
        (
            &["Now, the museum is receiving help in the form of 15 million euros ($16 million) from LVMH, the luxury conglomerate led by French billionaire Bernard Arnault."],
            15e6,
            Some("LVMH"),
        ),
        (
            &["Now, the museum is receiving help in the form of 15 million euros ($16 million) from LVMH, the luxury conglomerate led by French billionaire Bernard Arnault."],
            16e6,
            Some("LVMH"),
        ),
        (
            &["The Louvre, which will display the Chardin throughout the duration of its campaign, is seeking 1.3 million euros ($1.4 million) from the public."],
            1.3e6,
            Some("Louvre"),
        ),
        (
            &["Such support is a win-win for both museums and LVMH, which is entitled to up to a 90 percent tax break on purchase prices."],
            90.0,
            Some("LVMH"),
        ),
        (
            &[
                "Microsoft announced the deal on Tuesday.",
                "The company agreed to invest $6.5 billion over five years.",
            ],
            6.5e9,
            Some("Microsoft"),
        ),
        // The subject, not the object right before the number: two-object
        // verbs and margins (gothamist.com, facts-dev).
        (
            &["SoftBank gave WeWork $6.5 billion in new funding last year."],
            6.5e9,
            Some("SoftBank"),
        ),
        (
            &["A controversial rezoning proved to be a central issue in a heated City Council race in the East Bronx, where Democratic incumbent Marjorie Velázquez trailed her Republican challenger Kristy Marmorato by more than 700 votes on Wednesday."],
            700.0,
            Some("Marjorie Velázquez"),
        ),
        // Money "from" a place name after a number is not given by it.
        (
            &["Prices in the region rose 4 percent from Paris to Lyon last year."],
            4.0,
            None,
        ),
    ];
    check_paragraph_owners(table);
}
