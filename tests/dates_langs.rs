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

/// Every row's dates against its expected (text, value) pairs; all the
/// failing rows are listed at once.
fn check_rows(rows: &[Row]) {
    let mut failed = Vec::new();
    for &(source, lang, published, sentence, want) in rows {
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
fn dutch_and_polish_dates_on_real_sentences() {
    check_rows(ROWS);
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

/// German, Spanish, Portuguese, Italian and French dates (and the Dutch and
/// Polish forms the table above lacks): "vor zwei Jahren", "am kommenden
/// Montag", "19. Juli 2003"; "hace dos semanas", "el lunes pasado", "la
/// próxima semana"; "há dois anos", "na última sexta-feira", "no ano
/// passado"; "due giorni fa", "lunedì scorso", "l'altro ieri"; "il y a deux
/// ans", "l'an dernier", "cette année"; "eergisteren"; "dekadę temu". A
/// four-digit version number is no year ("Windowsa 10 1809").
///
/// Sources, as above, and:
/// - pages of `../shared/data/pages/trafilatura-news/` (trafilatura's
///   evaluation set, Apache-2.0; text © the publishers), named per row with
///   the publication date the page shows;
/// - the dev splits of `../shared/data/ner-multi/` as tokenised there:
///   GermEval 2014 (CC BY 4.0; no dates given: any date after the text's),
///   CoNLL-2002 Spanish (EFE 2000; research use) and Dutch (De Morgen
///   2000), UNER Portuguese-Bosque (Público and Folha de S. Paulo, 1994;
///   CC BY-SA 4.0), the Italian set (Wikinews; non-commercial).
#[rustfmt::skip]
const MORE_ROWS: &[Row] = &[
    ("mobilsicher.de, iCloud", "de", "2020-01-23",
     "Der Konzern habe das Projekt vor zwei Jahren mit Vertreter*innen des FBI diskutiert und es anschließend gestoppt.",
     &[("vor zwei Jahren", "2018")]),
    ("handelsblatt.com, Grenzschließung", "de", "2020-03-15",
     "ZF veröffentlichte vergangenen Freitag eine Pressemitteilung: Nun seien auch die Franzosen wieder willkommen.",
     &[("vergangenen Freitag", "2020-03-13")]),
    ("rtl.de, Lockdown", "de", "2021-03-16",
     "Wie es nun weitergehen soll, wollen Bund und Länder am kommenden Montag besprechen.",
     &[("kommenden Montag", "2021-03-22")]),
    ("auto.oe24.at, Golf China", "de", "2021-11-05",
     "VW-Chef Herbert Diess (Bild) hatte sich bereits vor einigen Tagen äußerst besorgt gezeigt.",
     &[("vor einigen Tagen", "2021-11-02")]),
    ("spiegel.de, Albtraum", "de", "2018-12-22",
     "Doch dann, am 4. November, eine optimistische Mail.",
     &[("4. November", "2018-11-04")]),
    ("GermEval 2014 dev", "de", "2009-10-15",
     "In seinem achten Länderspiel schoss Kaká in der Gold-Cup-Partie gegen Kolumbien am 19. Juli 2003 seine ersten beiden Länderspieltore .",
     &[("19. Juli 2003", "2003-07-19")]),
    ("GermEval 2014 dev", "de", "2009-10-15",
     "Am vergangenen Donnerstag hat Athen dazu den zweiten Schritt in diesem Jahr gemacht mit vermutlich 5 Mrd . EUR , im Januar waren es 8 Mrd . EUR .",
     &[("vergangenen Donnerstag", "2009-10-08"), ("diesem Jahr", "2009"), ("Januar", "2009-01")]),
    ("written for the test", "de", "2009-10-15",
     "Der Vertrag wurde vorgestern unterschrieben und wird in zwei Wochen gelten.",
     &[("vorgestern", "2009-10-13"), ("in zwei Wochen", "2009-10-29")]),
    ("pagina12.com.ar, Suprema", "es", "2022-05-04",
     "La convocatoria a la marcha contra la Corte se empezó a gestar hace dos semanas en la reunión de los organismos.",
     &[("hace dos semanas", "2022-04-20")]),
    ("pagina12.com.ar, Suprema", "es", "2022-05-04",
     "Hubo contactos con referentes del movimiento sindical y finalmente el lunes pasado se concretó una reunión en la sede de la CTA en la que se acordó la fecha de la concentración.",
     &[("lunes pasado", "2022-05-02")]),
    ("larepublica.net, hackers", "es", "2022-04-22",
     "En ese sentido, Elián Villegas, ministro de Hacienda, aseguró que la próxima semana se realizará el pago de planilla de empleados públicos.",
     &[("próxima semana", "2022-04-25/2022-05-01")]),
    ("paginasiete.bo, carabineros", "es", "2022-05-04",
     "La Policía informó que el sujeto se dirigió a esa población para desviar las pistas por el asesinato cometido el viernes pasado.",
     &[("viernes pasado", "2022-04-29")]),
    ("lanacion.com.ar, jugada", "es", "2022-05-04",
     "El oficialismo de la Cámara de Diputados avanzó con una jugada para evitar que Juntos por el Cambio (JxC) y otras bancadas opositoras traten, el próximo jueves, la creación de una boleta única de papel para implementar en las próximas elecciones nacionales.",
     &[("próximo jueves", "2022-05-05")]),
    ("cooperativa.cl, presidente", "es", "2022-05-04",
     "El Presidente Gabriel Boric, quien vive uno de los momentos políticos más difíciles desde que asumiera el mando hace dos meses, viaja este miércoles a su región natal de Magallanes en su segundo viaje oficial al interior del país tras la visita que en abril realizó al norte.",
     &[("hace dos meses", "2022-03"), ("este miércoles", "2022-05-04"), ("abril", "2022-04")]),
    ("elnuevoherald.com, Miami", "es", "2022-04-26",
     "En las startup y grandes compañías del sur de la Florida se invirtieron $5,330 millones el año pasado, muy por encima de los $2,270 millones del 2020, según cifras de la reunión de eMerge Americas, celebrada la semana pasada.",
     &[("año pasado", "2021"), ("2020", "2020"), ("semana pasada", "2022-04-18/2022-04-24")]),
    ("written for the test", "es", "2022-05-04",
     "El acuerdo se firmó anteayer y entrará en vigor dentro de dos semanas.",
     &[("anteayer", "2022-05-02"), ("dentro de dos semanas", "2022-05-18")]),
    ("UNER Portuguese-Bosque dev", "pt", "1994-05-10",
     "Uma invasão do grupo , feita há dois anos , em Pernambuco , na usina Massauassu , prejudicou justamente a família Maranhão .",
     &[("há dois anos", "1992")]),
    ("UNER Portuguese-Bosque dev", "pt", "1994-05-10",
     "É dele o segundo lugar do Smirnoff International Fashion Awards , disputado anteontem em Dublin .",
     &[("anteontem", "1994-05-08")]),
    ("UNER Portuguese-Bosque dev", "pt", "1994-05-10",
     "A Direcção do Torreense , cuja a equipa de futebol milita na 2ª Divisão de Honra , demitiu-se em bloco na Assembleia Geral realizada na noite da passada segunda-feira .",
     &[("passada segunda-feira", "1994-05-09")]),
    ("campograndenews.com.br, adolescente", "pt", "2022-05-03",
     "Foi a irmã da vítima, quem na última sexta-feira (29) também recuperou o celular de Luana com uma amiga dela e o entregou ao secretário.",
     &[("última sexta-feira", "2022-04-29")]),
    ("gazetadopovo.com.br, Pacheco", "pt", "2022-05-04",
     "O líder do bloco parlamentar Juntos pelo Brasil deu início na última semana a uma coleta de assinaturas para um requerimento que propõe o convite para Barroso se explicar.",
     &[("última semana", "2022-04-25/2022-05-01")]),
    ("brasil247.com, militares", "pt", "2022-05-04",
     "No ano passado, a Polícia Federal vasculhou inquéritos abertos desde que as urnas eletrônicas passaram a ser usadas.",
     &[("ano passado", "2021")]),
    ("Italian NER set dev (Wikinews)", "it", "2010-05-10",
     "Due giorni fa il patriarca ortodosso di Mosca Cirillo I ha consacrato la Cattedrale delle forze armate russe nella capitale della Federazione .",
     &[("Due giorni fa", "2010-05-08")]),
    ("Italian NER set dev (Wikinews)", "it", "2010-05-10",
     "L' ultimo comunicato , in cui si affermava che le sue condizioni erano gravi , ma stazionarie , risale a lunedì scorso .",
     &[("lunedì scorso", "2010-05-03")]),
    ("Italian NER set dev (Wikinews)", "it", "2010-05-10",
     "È morto l' altro ieri l' ing. Renzo Nostini , presidente onorario del CONI e figura tra le più belle dello sport italiano .",
     &[("altro ieri", "2010-05-08")]),
    ("Italian NER set dev (Wikinews)", "it", "2010-05-10",
     "Si tratta dei primi scontri con vittime dopo l' accordo per la divisione del potere siglato dalle parti politiche la settimana scorsa .",
     &[("settimana scorsa", "2010-05-03/2010-05-09")]),
    ("Italian NER set dev (Wikinews)", "it", "2010-05-10",
     "« L' anno scorso hanno mostrato più forza .",
     &[("anno scorso", "2009")]),
    ("lopinion.fr, glyphosate", "fr", "2019-05-15",
     "Un article du NEJM citait, il y a deux ans, que seuls un tiers des cancers avaient une cause « connue ».",
     &[("il y a deux ans", "2017")]),
    ("ledevoir.com, trottinettes", "fr", "2020-02-19",
     "Le bilan du projet-pilote mené l’an dernier fait état d’un taux important de délinquance chez les utilisateurs de trottinettes.",
     &[("l’an dernier", "2019")]),
    ("ledevoir.com, trottinettes", "fr", "2020-02-19",
     "Les vélos en libre-service de Jump seront toutefois autorisés à Montréal cette année.",
     &[("cette année", "2020")]),
    ("written for the test", "fr", "2020-03-12",
     "Le ministre a annoncé mardi dernier que la loi, votée avant-hier, entrera en vigueur dans deux semaines.",
     &[("mardi dernier", "2020-03-10"), ("avant-hier", "2020-03-10"), ("dans deux semaines", "2020-03-26")]),
    ("De Morgen 2000 (CoNLL-2002 nl dev)", "nl", "2000-06-02",
     "Dat deed een geëmotioneerde Barrichello eergisteren dan ook .",
     &[("eergisteren", "2000-05-31")]),
    ("written for the test", "nl", "2000-06-02",
     "De nieuwe regels gaan over twee weken in .",
     &[("over twee weken", "2000-06-16")]),
    ("Polityka, Królowa Elżbieta wypływa w świat", "pl", "2021-05-04",
     "W kategoriach wojskowych oznacza odzyskanie utraconych przez Wielką Brytanię dekadę temu zdolności do prowadzenia operacji powietrznych z pływających lotnisk.",
     &[("dekadę temu", "2011")]),
    ("Spider's Web, Windows 10 od lipca przestanie obsługiwać Adobe Flash", "pl", "2021-05-05",
     "Jednak od przyszłego miesiąca pojawi się ona w Windows Update jako opcjonalna dla użytkowników Windowsa 10 1809 lub nowszego.",
     &[("przyszłego miesiąca", "2021-06")]),
    ("written for the test", "pl", "2021-05-06",
     "Umowę podpisano przedwczoraj, a rok temu nikt o niej nie słyszał.",
     &[("przedwczoraj", "2021-05-04"), ("rok temu", "2020")]),
];

#[test]
fn dates_in_five_more_languages_on_real_sentences() {
    check_rows(MORE_ROWS);
}

/// Not dates: a four-digit version after a number, "dawno temu"
/// (long ago), "segunda" without a day's cue (the second).
#[rustfmt::skip]
const MORE_NONE: &[(&str, &str)] = &[
    // written for the test
    ("de", "Das Update für Windows 10 1809 ist fehlerhaft, sagte der Sprecher."),
    // Spider's Web (as above)
    ("pl", "Android i macOS pozbyły się go już dawno temu, zaś iOS i iPadOS nigdy go nie obsługiwały."),
    // written for the test
    ("pt", "O time ficou em segunda posição na tabela."),
];

#[test]
fn words_in_five_more_languages_that_are_no_date() {
    for &(lang, sentence) in MORE_NONE {
        assert_eq!(dates(lang, "2021-05-06", sentence), vec![], "{sentence}");
    }
}

/// Numbers in the languages' own formats: "1 234,5", "6,3 milliards
/// d'euros", "4,5 mil millones", "8,8 mil milhões", "5,66 bilhões", "2.2
/// miliardi", "80 mila", "300 Mio. Euro"; "dos" is "of the" in Portuguese.
/// (source, lang, sentence, the quantities' values).
#[rustfmt::skip]
const MORE_NUMBERS: &[(&str, &str, &str, &[f64])] = &[
    ("liberation.fr (readability test page)", "fr",
     "La vente de 24 avions de combat Rafale au Qatar représente un contrat de 6,3 milliards d'euros, indique le ministère français de la Défense.",
     &[24.0, 6.3e9]),
    ("written for the test", "fr",
     "Le déficit de la sécurité sociale atteint 1 234,5 millions d'euros selon le ministère.",
     &[1234.5e6]),
    ("CoNLL-2002 es dev (EFE 2000)", "es",
     "Según cifras preliminares , el promedio Dow Jones de Industriales , el más importante de Wall Street , perdió 119,94 puntos , equivalentes a un 1,14 por ciento , hasta los 10.422,61 , después de que ayer cerrase con una pérdida de 84,30 .",
     &[119.94, 1.14, 10422.61, 84.3]),
    ("written for the test", "es",
     "El país recibió 4,5 mil millones de dólares en inversiones extranjeras.",
     &[4.5e9]),
    ("UNER Portuguese-Bosque dev", "pt",
     "Embora a economia da Coreia do Sul tenha crescido cerca de nove por cento no ano passado , são muitos os cidadãos que vêem com preocupação o défice comercial do seu país , que é de 8,8 mil milhões de dólares [ cerca de 1250 milhões de contos ] .",
     &[8.8e9, 1250e6]),
    ("UNER Portuguese-Bosque dev", "pt",
     "A população mundial está em torno de 5,66 bilhões .",
     &[5.66e9]),
    ("UNER Portuguese-Bosque dev", "pt",
     "« As pessoas estão cansadas do hype que se cria em torno das roupas , dos estilistas e do luxo abusivo .",
     &[]),
    ("Italian NER set dev (Wikinews)", "it",
     "La nuova legge prevede l' abolizione della seconda rata dell' IMU sulla prima casa , per un valore stimato di 2.2 miliardi di euro , mentre rimane valido il pagamento della mini-IMU .",
     &[2.2e9]),
    ("Italian NER set dev (Wikinews)", "it",
     "Secondo i responsabili militari , infatti , nel solo distretto del delta del fiume Irrawaddy , « il bilancio nei villaggi è di circa 80 mila morti » .",
     &[80e3]),
    ("chemietechnik.de, Forschungsgruppe", "de",
     "Covestro investiert in Antwerpen 300 Mio. Euro in eine Anilin-Produktionsanlage und legte dafür bereits den Grundstein.",
     &[300e6]),
    ("GermEval 2014 dev", "de",
     "Damit sind weiter rund 22 Milliarden Euro oder knapp ein Drittel des Gesamtvermögens der Branche eingefroren .",
     &[22e9]),
];

#[test]
fn numbers_in_five_more_languages_on_real_sentences() {
    let mut failed = Vec::new();
    for &(source, lang, sentence, want) in MORE_NUMBERS {
        let mut p = Page::from_paragraphs(&[sentence]);
        p.lang = lang.into();
        let report = serde_json::to_value(analyze(&p)).unwrap();
        let got: Vec<f64> = report["quantities"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .filter_map(|q| q["value"].as_f64())
            .collect();
        if got != want {
            failed.push(format!(
                "{source}: {sentence}\n  want {want:?}\n   got {got:?}"
            ));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
