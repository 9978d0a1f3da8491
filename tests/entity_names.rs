//! Is a capitalised span a name at all, and is it the story's? Sentences
//! from real pages of the corpus (`../shared/data/pages`, short excerpts for
//! testing, text © its publishers: the Firefox Nightly blog and the
//! Washington Post from Mozilla Readability's test pages, Apache-2.0
//! repository; the Mercury News, the Daily Mail and WSVN from trafilatura's
//! news set) and a few written for the test: names made of ordinary words
//! only ("Search Engines", "Death Row") are not entities, and names that end
//! in an organisation's head word or repeat a person's name stay; a note
//! about the writer gives no entities; a soft hyphen inside a name is not
//! part of it; a name ending in "Drive" is a place.
mod support;

use support::entities;

#[test]
fn names_of_ordinary_words_only_are_not_entities() {
    // (text, a name that must not be reported, a person who must be, or "")
    let table: &[(&str, &str, &str)] = &[
        (
            "From Firefox 85 it’s also possible to disable tab-to-search globally by \
             unchecking the Search Engines checkbox in the Address Bar Preferences, \
             under Privacy & Security.",
            "Search Engines",
            "",
        ),
        (
            "[harry] Amy Churchwell joins the Search & Navigation team today. She \
             transferred internally from Marketing Engineering. Welcome Amy!",
            "Search & Navigation",
            "Amy Churchwell",
        ),
        (
            "Soon after Ms. Price was elected, she said she would “seek to remove all 41 \
             local cases from Death Row and to resentence people who were sentenced to life \
             without parole.”",
            "Death Row",
            "",
        ),
    ];
    for (text, not_name, person) in table {
        let ents = entities(&[text]);
        assert!(
            !ents.iter().any(|(n, _)| n == not_name),
            "{text:?}: {ents:?} lists {not_name}"
        );
        assert!(
            person.is_empty() || ents.iter().any(|(n, t)| n == person && t == "PER"),
            "{text:?}: {ents:?}, expected {person} as PER"
        );
    }
}

#[test]
fn ordinary_words_that_are_part_of_names_stay() {
    // An organisation's head word at the end ("… Committee"), and a surname
    // that is also an ordinary word after the full name ("Parish" after
    // "Neil Parish").
    let table: &[(&[&str], &str, &str)] = &[
        (
            &[
                "The chair of the Public Accounts Committee, Meg Hillier, said the report \
               was damning.",
                // Twice: the learned filter (src/entities/keep.rs) drops most
                // organisations of ordinary words mentioned once.
                "The Public Accounts Committee will publish its findings next month.",
            ],
            "Public Accounts Committee",
            "ORG",
        ),
        (
            &[
                "Last night, senior Tory MP Neil Parish, who has already led one Commons \
                 rebellion, said the bill must change.",
                "Parish said he would vote against it.",
            ],
            "Neil Parish",
            "PER",
        ),
    ];
    for (paras, name, ty) in table {
        let ents = entities(paras);
        assert!(
            ents.iter().any(|(n, t)| n == name && t == ty),
            "{paras:?}: {ents:?}, expected {name} as {ty}"
        );
    }
}

#[test]
fn invisible_characters_are_not_part_of_a_name() {
    let ents = entities(&[
        "Aside from Russian President Vladi\u{ad}mir Putin, few foreign leaders so brazenly \
         stand up to Obama.",
    ]);
    assert!(
        ents.iter()
            .any(|(n, t)| n == "Vladimir Putin" && t == "PER"),
        "{ents:?}"
    );
}

#[test]
fn a_name_ending_in_drive_is_a_place() {
    let ents = entities(&[
        "According to officials, the incident unfolded in the area of Miller Drive and \
         Southwest 117th Avenue, at around 3 a.m., Wednesday.",
    ]);
    assert!(
        ents.iter().any(|(n, t)| n == "Miller Drive" && t == "LOC"),
        "{ents:?}"
    );
}

#[test]
fn a_note_about_the_writer_is_not_the_story() {
    // The last paragraph of readability/wapo-1 is its writer's biography:
    // neither she nor her former employers are in the story. A story's own
    // paragraph about a journalist it names again is kept.
    let story = "Gunmen in military uniforms stormed Tunisia's national museum on \
                 Wednesday, killing at least 19 people, officials said.";
    let note = "Erin Cunningham is an Egypt-based correspondent for The Post. She \
                previously covered conflicts in the Middle East and Afghanistan for the \
                Christian Science Monitor, GlobalPost and The National.";
    let ents = entities(&[story, note]);
    for name in ["Erin Cunningham", "GlobalPost", "Afghanistan"] {
        assert!(
            !ents.iter().any(|(n, _)| n == name),
            "{ents:?} lists {name}"
        );
    }
    assert!(ents.iter().any(|(n, _)| n == "Tunisia"), "{ents:?}");
    let ents = entities(&[
        "Maria Ressa is a journalist whose news site was ordered shut by the government \
         on Wednesday, a ruling her lawyers said they would appeal.",
        "Maria Ressa said on Thursday that the site would keep publishing.",
    ]);
    assert!(
        ents.iter().any(|(n, t)| n == "Maria Ressa" && t == "PER"),
        "{ents:?}"
    );
}
