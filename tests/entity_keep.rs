//! The learned keep/drop filter (src/entities/keep.rs, model/keep.txt):
//! tagger errors in the prose — a hardware or software term read as a
//! name, a headline verb glued to a company — go; people and places the
//! article names stay. Sentences in the style of real pages (a hardware
//! blog, tech news, wire copy), written for this test; each junk name here
//! is reported when the filter is off (`DOSSIER_KEEP_FEATURES=1`, or
//! threshold 0 in model/keep.txt), so the test fails if the filter breaks.
mod support;

use support::entities;

#[test]
fn tagger_errors_go() {
    let table: &[(&str, &str)] = &[
        (
            "I wrote the design in Verilog and ran it through Yosys before flashing the board.",
            "Yosys",
        ),
        (
            "I wrote the design in Verilog and ran it through Yosys before flashing the board.",
            "Verilog",
        ),
        (
            "The board exposes every GPIO pin, and the ADC reads up to 1 MHz.",
            "GPIO",
        ),
        (
            "You can install it on Linux with a single command.",
            "Linux",
        ),
        (
            "Verizon Leaves the door open to a sale of its media business, analysts said.",
            "Verizon Leaves",
        ),
    ];
    for (sentence, junk) in table {
        let ents = entities(&[sentence]);
        assert!(
            !ents.iter().any(|(n, _)| n == junk),
            "{sentence:?}: {ents:?}, {junk} should be dropped"
        );
    }
}

#[test]
fn people_and_places_stay() {
    let table: &[(&str, &str, &str)] = &[
        (
            "Prime Minister Hun Sen said on Tuesday that the vote would go ahead.",
            "Hun Sen",
            "PER",
        ),
        (
            "\"We are not going to stop,\" said Maria Gonzalez, a spokeswoman for the city.",
            "Maria Gonzalez",
            "PER",
        ),
        (
            "The company was founded in Seattle in 1994 and moved to Austin in 2020.",
            "Austin",
            "LOC",
        ),
    ];
    for (sentence, name, ty) in table {
        let ents = entities(&[sentence]);
        assert!(
            ents.iter().any(|(n, t)| n == name && t == ty),
            "{sentence:?}: {ents:?}, expected {name} as {ty}"
        );
    }
}
