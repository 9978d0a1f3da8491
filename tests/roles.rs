//! A person's roles (SPEC.md): titles before the name, and descriptions —
//! before it ("Pakistan-based developer Ammar Askar"), set off by commas
//! after it, in "who is the …", or ending in a comma right before it —
//! count as roles, written as the article gives them. Sentences in the
//! style of the news pages of ../shared/data/facts-dev, written for this
//! test.
use dossier::{analyze, Page};

fn roles_of(paragraphs: &[&str], person: &str) -> Vec<String> {
    let p = Page::from_paragraphs(paragraphs);
    let r = serde_json::to_value(analyze(&p)).unwrap();
    let ents = r["entities"].as_array().cloned().unwrap_or_default();
    let e = ents
        .iter()
        .find(|e| e["name"] == person && e["type"] == "PER")
        .unwrap_or_else(|| panic!("no person {person:?} in {ents:?}"));
    e["roles"]
        .as_array()
        .map(|a| a.iter().map(|r| r.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

#[test]
fn descriptions_are_roles() {
    let table: &[(&str, &str, &str)] = &[
        // A role noun, with its modifiers, right before the name.
        (
            "\"We waited for months,\" Pakistan-based developer Ammar Askar wrote in a blog post on Thursday.",
            "Ammar Askar",
            "Pakistan-based developer",
        ),
        (
            "In 1898 the Scottish chemist Sir William Ramsay isolated three more noble gases.",
            "William Ramsay",
            "Scottish chemist",
        ),
        (
            "The plan was criticised by political scientist Boris Shor of the University of Houston.",
            "Boris Shor",
            "political scientist",
        ),
        // An apposition after the name, to the comma.
        (
            "Martin Wartman, a student at Northern Kentucky University, works on a sign in the workshop.",
            "Martin Wartman",
            "student at Northern Kentucky University",
        ),
        (
            "The report was written by Rachel Stephens, a senior analyst, and published on Monday.",
            "Rachel Stephens",
            "senior analyst",
        ),
        // "who is the …" after the name.
        (
            "\"It will be a nice resort,\" said Leigh Sears who is the Lake Berryessa concessions manager.",
            "Leigh Sears",
            "Lake Berryessa concessions manager",
        ),
        // Post-nominal letters before the apposition are skipped.
        (
            "\"It resonates because it's scary,\" says Stephen Calderwood, MD, president of the Infectious Diseases Society of America.",
            "Stephen Calderwood",
            "president of the Infectious Diseases Society of America",
        ),
        // A role as the predicate, with its determiner.
        (
            "Zeev Sharon runs a start-up in Boston. Sharon is the CEO of Hotelied, a discount site.",
            "Zeev Sharon",
            "CEO of Hotelied",
        ),
        // A description ending in a comma right before the name.
        (
            "The company's chief executive, Michael Litt, said the deal would close in May.",
            "Michael Litt",
            "company's chief executive",
        ),
        // Titles before the name, as before.
        (
            "Prime Minister Boris Johnson visited the plant on Friday.",
            "Boris Johnson",
            "Prime Minister",
        ),
        // Issue 24 (roles): sentences from nytimes.com, the Herald Sun,
        // the Telegraph, lwn.net, salon.com, washingtonpost.com and
        // theintercept.com pages in ../shared/data/pages (dev labels; © the
        // publishers, test use only), some shortened.
        // A possessive description before the comma, past a preposition
        // or a verb.
        (
            "The court brought genocide charges against Sudan’s president, Omar Hassan al-Bashir, last year.",
            "Omar Hassan al-Bashir",
            "Sudan’s president",
        ),
        (
            "The roadshow featured the Prime Minister’s national security adviser, Andrew Shearer, on Monday.",
            "Andrew Shearer",
            "Prime Minister’s national security adviser",
        ),
        // A plural title before two names: each holds it.
        (
            "The G40 figures are cabinet ministers Jonathan Moyo and Saviour Kasukuwere, who fled to the compound.",
            "Saviour Kasukuwere",
            "minister",
        ),
        (
            "The project began with co-founders Tom Igoe and Gianluca Martino joining shortly afterward.",
            "Tom Igoe",
            "co-founder",
        ),
        // Two descriptions joined by "and" in one apposition.
        (
            "\"It can’t be repaired,\" said Martin Indyk, executive vice president of the Brookings Institution and a former U.S. ambassador to Israel.",
            "Martin Indyk",
            "former U.S. ambassador",
        ),
        // An apposition headed by a noun of someone who does something,
        // listed or not.
        (
            "\"It’s a good-news bad-news story,\" said Trevor Houser, a partner at Rhodium, on Tuesday.",
            "Trevor Houser",
            "partner",
        ),
        (
            "\"The babies need a particular room temperature,\" said Dr. Sherine Abed, a neonatologist at Al-Shifa Hospital.",
            "Sherine Abed",
            "neonatologist",
        ),
    ];
    for (sentence, person, role) in table {
        let roles = roles_of(&[sentence], person);
        assert!(
            roles.iter().any(|r| r == role),
            "{person} in {sentence:?}: roles {roles:?}, expected {role:?}"
        );
    }
}

#[test]
fn what_is_not_a_description_gives_no_role() {
    let table: &[(&str, &str)] = &[
        // A verb of speech before the name is not a modifier of its role.
        (
            "\"We are ready,\" said John Baird on Tuesday.",
            "John Baird",
        ),
        // A clause after the name is not an apposition.
        (
            "Maria Lopez, the company said, will leave in June.",
            "Maria Lopez",
        ),
        // A list of names.
        (
            "Maria Lopez, Tom Hardy and Ann Lee signed the letter.",
            "Maria Lopez",
        ),
        // A predicate without a role noun.
        ("Maria Lopez is a good friend of the family.", "Maria Lopez"),
        // An introductory phrase before the comma.
        (
            "In a statement on Monday, Maria Lopez denied the report.",
            "Maria Lopez",
        ),
        // A clause ending in an object before the comma (fivethirtyeight.com).
        (
            "Among the legislators who have endorsed a candidate, Amy Klobuchar (17) leads.",
            "Amy Klobuchar",
        ),
        // An apposition whose noun names no one's role.
        (
            "Maria Lopez, a stream-of-consciousness poetry fan, read first.",
            "Maria Lopez",
        ),
    ];
    for (sentence, person) in table {
        let roles = roles_of(&[sentence], person);
        assert!(
            roles.is_empty(),
            "{person} in {sentence:?}: roles {roles:?}, expected none"
        );
    }
}
