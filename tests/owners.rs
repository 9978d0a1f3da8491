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

/// Owners through the sentence shapes the dev pages missed (issue 24 point
/// 6): an age or aside between the subject and its verb, a possessor's
/// measure ("approval rating at"), a price after the object, an apposition
/// "a nation of", a count that describes the name after it, a change or a
/// list continuing the number before, money "by" someone, a share "of" a
/// name, a fronted phrase, and "its" for the last subject rather than the
/// last name. Sentences from twincities.com, the Korea Herald
/// (schema-org-context-object), seattletimes.com, washingtonpost.com,
/// bbc.com, fivethirtyeight.com, standard.co.uk, abc7news.com,
/// theintercept.com and nytimes.com pages in ../shared/data/pages (dev and
/// facts-dev labels; © the publishers, test use only), some shortened.
#[test]
fn owners_through_asides_measures_prices_and_continuations() {
    // (paragraphs, value, owner)
    let table: &[(&[&str], f64, Option<&str>)] = &[
        (
            &["Nadia Mohamed, 27, won with 58% of the vote in Tuesday’s municipal election."],
            58.0,
            Some("Nadia Mohamed"),
        ),
        (
            &["Spain has recorded about 157,000 cases, while China, where the virus emerged last year, has nearly 83,000 cases."],
            83000.0,
            Some("China"),
        ),
        (
            &["A Gallup Korea poll released on Friday showed Yoon Suk Yeol’s approval rating at 13%."],
            13.0,
            Some("Yoon Suk Yeol"),
        ),
        (
            &["Amazon bought Whole Foods in August 2017 for $13.7 billion, its largest acquisition."],
            13.7e9,
            Some("Amazon"),
        ),
        (
            &["Tunisia, a mostly Muslim nation of about 11 million people, was governed for decades by autocrats."],
            11e6,
            Some("Tunisia"),
        ),
        (
            &["I’ve also been keeping an eye on the 51-member Congressional Black Caucus."],
            51.0,
            Some("Congressional Black Caucus"),
        ),
        (
            &["Poland reported 25.9 new cases per 100,000 people, increasing from 15.6 in the week prior."],
            15.6,
            Some("Poland"),
        ),
        (
            &["The US as a whole has recorded 467,000 cases, and the US has seen 16,700 deaths and 40,000 recoveries."],
            40000.0,
            Some("US"),
        ),
        (
            &["This would be a $95 million investment by the Margaritaville group, county officials said."],
            95e6,
            Some("Margaritaville"),
        ),
        (
            &["Approximately 70 percent of the services of the Indonesian Hospital stopped due to the failure of generators."],
            70.0,
            Some("Indonesian Hospital"),
        ),
        (
            &["Pamela Colman Smith drew the deck for Arthur Waite.", "In six months, Smith completed the work."],
            6.0,
            Some("Pamela Colman Smith"),
        ),
        (
            &[
                "The alert began when California ISO’s operating reserves stood at 12 percent, said David Marcus, a former adviser at the California Energy Commission.",
                "The second stage began at 6:25 p.m., when its operating reserves stood at 9.59 percent.",
            ],
            9.59,
            Some("California ISO"),
        ),
        // Not owners: a duration before a name describes the thing, a
        // possessed noun that is no measure keeps the number, "there" is no
        // one, and a place after "in" owns nothing.
        (
            &["After bottoming out, the yield on the 10-year Treasury note has climbed to over 3 percent."],
            10.0,
            None,
        ),
        (
            &["Mark Smith was arrested on Monday.", "Police said his car was doing 82 miles per hour."],
            82.0,
            None,
        ),
        (
            &["Google published a report.", "It looks like there will be 3 main categories of APIs."],
            3.0,
            None,
        ),
        (
            &["The seven-day rate of new infections in Italy is now at 20.4, up from 18.4."],
            18.4,
            None,
        ),
    ];
    check_paragraph_owners(table);
}
