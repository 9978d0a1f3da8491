//! Dutch and Polish dates on real sentences: month names in their
//! inflected forms ("5 maja", "w marcu", "października"), weekdays,
//! "gisteren" and "wczoraj", "vorige week" and "w zeszłym tygodniu",
//! "tien jaar geleden" and "40 lat temu".
//!
//! Sources (short excerpts for testing only, not shipped):
//! - Polish: pages of `../shared/data/pages/trafilatura-news/` (trafilatura's
//!   evaluation set, Apache-2.0; text © the publishers: Dziennik.pl, Do
//!   Rzeczy, Polityka, Spider's Web), named per row, with the publication
//!   date the page shows (Dziennik.pl's shows none: a date after the
//!   article's own).
//! - Dutch: CoNLL-2002 Dutch (De Morgen, 2000; research use), sentences of
//!   the training split as tokenised there; no Dutch page is in the corpus.
//!
//! Each row is analysed as a one-paragraph page with its `<html lang>` and
//! a publication date, and must give exactly these dates (text and value).

use dossier::{analyze, Page};

/// (source, lang, published, sentence, the dates as (text, ISO value)).
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

#[rustfmt::skip]
const ROWS: &[Row] = &[
    ("Dziennik.pl, Dezubekizacja reaktywacja", "pl", "2021-05-10",
     "TK tak odpowiadał na pytania DGP: „wobec niemożności rozpoznania sprawy w terminie publikacyjnym, 20 października 2020 r., w składzie rozpoznającym sprawę do zamknięcia rozprawy, rozprawa została otwarta na nowo”.",
     &[("20 października 2020", "2020-10-20")]),
    ("Do Rzeczy, Eurostat: Polska z najniższym bezrobociem w całej UE", "pl", "2021-04-30",
     "Według danych Głównego Urzędu Statystycznego (GUS), stopa bezrobocia mierzona jako odsetek bezrobotnych zarejestrowanych w urzędach pracy wobec całości cywilnej ludności aktywnej zawodowo, na koniec marca 2021 r.",
     &[("marca 2021", "2021-03")]),
    ("Polityka, Królowa Elżbieta wypływa w świat", "pl", "2021-05-04",
     "Dla Wielkiej Brytanii to największa wyprawa morska i powietrzna od czasów wojny o Falklandy niemal dokładnie 40 lat temu.",
     &[("40 lat temu", "1981")]),
    ("Polityka, Królowa Elżbieta wypływa w świat", "pl", "2021-05-04",
     "Rozmawiamy z pielęgniarką i ratownikiem ze szpitala tymczasowego na MTP w Poznaniu, gdzie 30 marca zabrakło tlenu.",
     &[("30 marca", "2021-03-30")]),
    ("Polityka, Królowa Elżbieta wypływa w świat", "pl", "2021-05-04",
     "O ile kilka tygodni temu taki plan wydawał się całkiem realny, o tyle rozwijająca się pandemia koronawirusa może go pokrzyżować, a przynajmniej zmienić wydźwięk.",
     &[("kilka tygodni temu", "2021-04-13")]),
    ("Spider's Web, Windows 10 od lipca przestanie obsługiwać Adobe Flash", "pl", "2021-05-05",
     "Już w październiku pojawiła się opcjonalna aktualizacja, która usuwa obsługę Adobe Flash z Windowsa.",
     &[("październiku", "2020-10")]),
    ("Spider's Web, Windows 10 od lipca przestanie obsługiwać Adobe Flash", "pl", "2021-05-05",
     "Od lipca będzie obowiązkowa i automatycznie instalowana na komputerach użytkowników.",
     &[("lipca", "2021-07")]),
    // Written for the table in the style of the pages above (no page has
    // these forms): weekdays with "w", last week, this year, yesterday.
    ("written for the test", "pl", "2021-05-06",
     "Premier spotkał się z przedstawicielami branży w ubiegły piątek, a wczoraj ogłosił nowe zasady.",
     &[("ubiegły piątek", "2021-04-30"), ("wczoraj", "2021-05-05")]),
    ("written for the test", "pl", "2021-05-06",
     "Rząd przyjął projekt w zeszłym tygodniu, a ustawa wejdzie w życie w przyszłym roku.",
     &[("w zeszłym tygodniu", "2021-04-26/2021-05-02"), ("w przyszłym roku", "2022")]),
    ("written for the test", "pl", "2021-05-06",
     "Ogródki gastronomiczne zostaną otwarte w maju, a kina w czerwcu.",
     &[("maju", "2021-05"), ("czerwcu", "2021-06")]),
    ("De Morgen 2000 (CoNLL-2002 nl train)", "nl", "2000-06-02",
     "De Hammersmith-brug in het westen van Londen is gisteren beschadigd geraakt door een bomexplosie .",
     &[("gisteren", "2000-06-01")]),
    ("De Morgen 2000 (CoNLL-2002 nl train)", "nl", "2000-06-02",
     "In Thailand begon in juli 1997 de financiële crisis die vervolgens een aantal Aziatische landen meesleurde .",
     &[("juli 1997", "1997-07")]),
    ("De Morgen 2000 (CoNLL-2002 nl train)", "nl", "2000-06-02",
     "De zaak komt op 9 juni voor voor de rechtbank van eerste aanleg in kort geding .",
     &[("9 juni", "2000-06-09")]),
    ("De Morgen 2000 (CoNLL-2002 nl train)", "nl", "2000-06-02",
     "\" We willen best teruggaan naar onze posities van 6 mei 1998 ( het begin van de oorlog , MR ) \" , aldus de Ethiopische minister .",
     &[("6 mei 1998", "1998-05-06")]),
    ("De Morgen 2000 (CoNLL-2002 nl train)", "nl", "2000-06-02",
     "Gehoopt wordt dat volgend jaar de verliezen tot het verleden behoren .",
     &[("volgend jaar", "2001")]),
    ("De Morgen 2000 (CoNLL-2002 nl train)", "nl", "2000-06-02",
     "Meer duidelijkheid zullen we vandaag en morgen in de twee aartsmoeilijke Alpenritten krijgen .",
     &[("vandaag", "2000-06-02"), ("morgen", "2000-06-03")]),
    // Written for the test: weekday, last week, years ago, month after "in".
    ("written for the test", "nl", "2000-06-02",
     "De minister kondigde afgelopen dinsdag aan dat de wet vorige week al klaar was , tien jaar geleden begonnen en in maart goedgekeurd .",
     &[("afgelopen dinsdag", "2000-05-30"), ("vorige week", "2000-05-22/2000-05-28"),
       ("tien jaar geleden", "1990"), ("maart", "2000-03")]),
    ("written for the test", "nl", "2000-06-02",
     "De tentoonstelling loopt van 1 mei tot 5 juni in Antwerpen .",
     &[("van 1 mei tot 5 juni", "2000-05-01/2000-06-05")]),
    ("written for the test", "pl", "2021-05-06",
     "Wystawa potrwa od 1 maja do 5 czerwca.",
     &[("od 1 maja do 5 czerwca", "2021-05-01/2021-06-05")]),
];

/// Not dates: a given name that is a month's genitive, "dit" and "tym"
/// without a unit, a number that counts.
#[rustfmt::skip]
const NONE: &[(&str, &str)] = &[
    ("pl", "Maja Ostaszewska zagrała w tym filmie główną rolę."),
    ("nl", "Dit is een van de twee grootste partijen van het land ."),
];

fn dates(lang: &str, published: &str, sentence: &str) -> Vec<(String, String)> {
    let mut p = Page::from_paragraphs(&[sentence]);
    p.lang = lang.into();
    p.dates = vec![format!("meta:article:published_time={published}")];
    let report = serde_json::to_value(analyze(&p)).unwrap();
    report["dates"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|d| {
            (
                d["text"].as_str().unwrap_or("").to_string(),
                d["value"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn dutch_and_polish_dates_on_real_sentences() {
    let mut failed = Vec::new();
    for &(source, lang, published, sentence, want) in ROWS {
        let got = dates(lang, published, sentence);
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(t, v)| (t.to_string(), v.to_string()))
            .collect();
        if got != want {
            failed.push(format!(
                "{source}: {sentence}\n  want {want:?}\n   got {got:?}"
            ));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn dutch_and_polish_words_that_are_no_date() {
    for &(lang, sentence) in NONE {
        assert_eq!(dates(lang, "2021-05-06", sentence), vec![], "{sentence}");
    }
}

/// Polish numbers: decimal comma and the abbreviated scales ("mln",
/// "mld"), and "ten" ("this") is no number. Polityka, "Królowa Elżbieta
/// wypływa w świat" (as above): (sentence, the quantities' values).
#[rustfmt::skip]
const POLISH_NUMBERS: &[(&str, &[f64])] = &[
    ("Zbiorniki okrętu mieszczą 4,5 mln litrów paliwa dieslowskiego dla siłowni i jedną czwartą mniej kerozyny lotniczej dla samolotów i śmigłowców (może zabrać do 40 sztuk).",
     &[4.5e6, 40.0]),
    ("Amerykanie wysyłają w ten sposób komunikat przeciwnikom, że cenne sojusznicze okręty – i inne strategiczne zasoby – otrzymają od nich konkretne wsparcie, zwłaszcza gdy znacząco podnoszą wspólne zdolności obronne.",
     &[]),
    ("Brytyjczycy uruchomili pomoc medyczną dla byłej kolonii, a uratowanie kraju liczącego 1,4 mld ludzi będzie wymagać wysiłku całego świata.",
     &[1.4e9]),
];

#[test]
fn polish_numbers_on_real_sentences() {
    for &(sentence, want) in POLISH_NUMBERS {
        let mut p = Page::from_paragraphs(&[sentence]);
        p.lang = "pl".into();
        let report = serde_json::to_value(analyze(&p)).unwrap();
        let got: Vec<f64> = report["quantities"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .filter_map(|q| q["value"].as_f64())
            .collect();
        assert_eq!(got, want, "{sentence}");
    }
}
