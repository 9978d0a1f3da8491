//! Quotes and speakers across paragraphs (SPEC.md "Quotes"): one quote per
//! quotation-mark span, the speaker through "according to", possessives,
//! appositions, descriptions, pronouns and the subject a language leaves
//! unsaid.
//! Sentences from pages of ../shared/data (facts-dev and eval/labels/dev:
//! dailymail.co.uk, gothamist.com, latimes.com, seattletimes.com, medicalnewstoday,
//! gitlab blog, the article-author-tag tarot story, mercurynews.com, theguardian.com,
//! theintercept.com,
//! publimetro.cl, minuto30; © their publishers, test use only) or of the same shape.
use dossier::{analyze, Page};

/// The (text, speaker) pairs of the report, the speaker by name.
fn quotes(paragraphs: &[&str], lang: &str) -> Vec<(String, Option<String>)> {
    let mut p = Page::from_paragraphs(paragraphs);
    p.lang = lang.to_string();
    let r = serde_json::to_value(analyze(&p)).unwrap();
    let ents = r["entities"].as_array().cloned().unwrap_or_default();
    r["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            let name = q["speaker"]
                .as_u64()
                .map(|i| ents[i as usize]["name"].as_str().unwrap().to_string())
                .or_else(|| q["speaker_name"].as_str().map(str::to_string));
            (q["text"].as_str().unwrap().to_string(), name)
        })
        .collect()
}

#[test]
fn speakers_through_the_syntax_of_attribution() {
    // (paragraphs, language, start of the quote, speaker: a word of its name)
    let table: &[(&[&str], &str, &str, Option<&str>)] = &[
        // "according to" names who reported it, not who said it.
        (
            &["Kristy Marmorato won the seat.", "Marmorato, who’s the sister of Bronx Republican chair Michael Rendino, campaigned on the issue — and called Velázquez's about-face “heartbreaking,” according to the Bronx Times."],
            "en",
            "heartbreaking",
            Some("Marmorato"),
        ),
        // "According to X’s Y": Y.
        (
            &["Rachel Stephens, senior analyst at industry analyst firm RedMonk, shared her perspective.", "According to RedMonk’s Stephens, “We are in a cash-constrained financial environment, and people are having to make prioritization decisions.”"],
            "en",
            "We are in a cash-constrained",
            Some("Stephens"),
        ),
        (
            &["Michael Shadlen, of Columbia University, led the study.", "In Dr. Shadlen's words, \"Could the moment when the brain believes it has accumulated enough evidence be tied to the person's awareness of having decided?\""],
            "en",
            "Could the moment",
            Some("Shadlen"),
        ),
        // A name right after the quote, with an apposition before the verb.
        (
            &["Stuart R. Kaplan founded U.S. Games Systems in 1968.", "“If I see a deck on sale on eBay,” Kaplan, also an avid collector of games, rare tarot cards, and books says, “and it’s $100 or something, that upsets me.”"],
            "en",
            "If I see a deck",
            Some("Kaplan"),
        ),
        // A newspaper after "by" is not the one who argued (nobody is
        // named for "the former mayor" here).
        (
            &["The audio surfaced last week.", "In the speech, first disclosed by the Aspen Times, the former mayor argued that 95% of “murders and murderers and murder victims” were young men of color."],
            "en",
            "murders and murderers",
            None,
        ),
        // "she" after a titled name earlier in its sentence ("Ms", "." as two
        // tokens), and a quote that ends its sentence is not attributed by
        // the next sentence's verb, which has its own quote.
        (
            &["It should not surprise anyone that Alameda County District Attorney Pamela Price dropped special circumstances against David Misch, one involving his alleged kidnapping and murder of Michaela Garecht in 1988.", "Soon after Ms. Price was elected, she said she would “seek to remove all 41 local cases from Death Row and to resentence people who were sentenced to life without parole.” She also said her “administration will begin an era of change.”"],
            "en",
            "seek to remove",
            Some("Price"),
        ),
        // Spanish leaves the subject unsaid: the person named before.
        (
            &["La ministra de la Mujer y Equidad de Género, Antonia Orellana, se refirió a la denuncia que recae en contra del sacerdote.", "Al respecto, explicó que “conversé con víctimas de abuso sexual infantil eclesiástico, y de otros tipos de violencia dentro de la institución”."],
            "es",
            "conversé con víctimas",
            Some("Orellana"),
        ),
        // A description after the verb: "puntualizó el oficial".
        (
            &["El coronel José Abdón Galindo, comandante de la Policía Metropolitana, visitó el barrio.", "«La Policía Nacional se encuentra aquí apoyando, reforzando y acompañando todas las actividades del día a día», puntualizó el oficial."],
            "es",
            "La Policía Nacional se encuentra",
            Some("Galindo"),
        ),
        // A quote paragraph after a photo's caption continues the speaker
        // of the paragraph before the caption (theguardian.com).
        (
            &[
                "“Man’s greed in the ocean is hurting the whales,” says Parata, a fierce and uncompromising elder of the Ngātiwai tribe of eastern Northland.",
                "Hori Parata at his Pātaua farm, the place where he was born and grew up",
                "“We’re having to put up with a lot of stuff today. The public want to hug the whales, they want to touch them, they want to feel good – that’s not the thing. We feel that is ridiculous.”",
            ],
            "en",
            "We’re having to put up",
            Some("Parata"),
        ),
        // "she went on": a speech verb of two words, and the quote it
        // breaks is two quotes of one speaker (theintercept.com).
        (
            &[
                "Nesma Hajjaj gave birth to her son at Al Aqsa Martyrs Hospital in October.",
                "In Hajjaj’s case, she decided to stay at the hospital to be near her child. “I am worried about him and afraid of losing him,” she continued.",
                "“I am shocked,” she went on. “I cannot express how I feel about this situation.”",
            ],
            "en",
            "I cannot express",
            Some("Hajjaj"),
        ),
        (
            &[
                "Nesma Hajjaj gave birth to her son at Al Aqsa Martyrs Hospital in October.",
                "In Hajjaj’s case, she decided to stay at the hospital to be near her child. “I am worried about him and afraid of losing him,” she continued.",
                "“I am shocked,” she went on. “I cannot express how I feel about this situation.”",
            ],
            "en",
            "I am shocked",
            Some("Hajjaj"),
        ),
        // German "so X" after the quote: "according to X".
        (
            &["Bundeskanzlerin Angela Merkel sprach am Montag in Berlin mit den Ministerpräsidenten der Länder.", "„Wir werden die Grenzen nicht schließen, solange die Zahlen stabil bleiben“, so Merkel."],
            "de",
            "Wir werden die Grenzen",
            Some("Merkel"),
        ),
    ];
    for (paragraphs, lang, start, speaker) in table {
        let got = quotes(paragraphs, lang);
        let q = got
            .iter()
            .find(|(t, _)| t.starts_with(start))
            .unwrap_or_else(|| panic!("no quote {start:?} in {got:?}"));
        match speaker {
            Some(w) => assert!(
                q.1.as_deref().is_some_and(|n| n.contains(w)),
                "{start:?}: speaker {:?}, want {w:?}",
                q.1
            ),
            None => assert_eq!(q.1, None, "{start:?}"),
        }
    }
}

/// A quote left unclosed at the end of a paragraph continues only into a
/// paragraph that reopens it or closes it: the paragraphs after it are not
/// quotes (a Daily Mail page's single quote had made quotes of 30).
#[test]
fn an_unclosed_quote_does_not_swallow_the_paragraphs_after_it() {
    let paragraphs = [
        "The letter warns Mr Johnson: 'If we don't get this right, progress made as a result of your Government's obesity and health strategy could be wiped out.",
        "'Let's not enter a race to the bottom and allow low quality products to flood the UK. Chlorinated chicken will be just the tip of the iceberg'.",
        "The Deltapoll survey reveals that 68 per cent of people believed the most important priority for Britain was to maintain high standards for food.",
        "Only one in five (21 per cent) thought that compromising on standards was acceptable to get a deal over the line.",
    ];
    let got = quotes(&paragraphs, "en");
    let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(
        texts[0].starts_with("If we don't get this right"),
        "{texts:?}"
    );
    assert!(texts[1].starts_with("Let's not enter a race"), "{texts:?}");
}

/// "…,” she said: the speaker of the quote before when the pronoun's sex
/// agrees and nobody was named since; else the subject of this or the
/// previous sentence; else the nearest person — of the pronoun's sex where
/// the article says it (a title, a role noun, the pronouns used of the
/// person alone). Before, the nearest person named won ("Trump").
#[test]
fn pronoun_speakers_by_subject_and_sex() {
    // (paragraphs, start of the quote, speaker: a word of its name)
    let table: &[(&[&str], &str, &str)] = &[
        // latimes.com (Bloomberg; two paragraphs from earlier in the
        // article first): Bloomberg and Trump are "he" here; the woman
        // named before them said it.
        (
            &[
                "Along with Democratic rivals, President Trump has gotten into the act, stepping up his trolling of the candidate he calls “Mini Mike.” Tuesday, on Twitter, Trump pointed to the former mayor’s lavish contributions to the causes and campaigns of so many politicians supporting him now.",
                "“And once you started pushing in that direction, banks started making more and more loans where the credit of the person buying the house wasn’t as good as you would like,” he added, espousing a theory that was widespread at the time in the financial circles in which he travels.",
                "Sen. Elizabeth Warren of Massachusetts quickly accused Bloomberg of arguing “the economy would be better off if we just let banks be more overtly racist.”",
                "Bloomberg’s campaign countered that he fought redlining while mayor and his presidential platform focuses on boosting minority homeownership.",
                "Warren, who has spent most of the race avoiding personal attacks, makes an exception for Bloomberg. She compares him to Trump. Bloomberg’s presence in the Las Vegas debate will give voters “a live demonstration of how we each take on an egomaniac billionaire,” she said Tuesday.",
            ],
            "a live demonstration",
            "Warren",
        ),
        // seattletimes.com: the subject of the sentence before, not the
        // brokerage named last.
        (
            &[
                "Amazon bought Whole Foods in August 2017 for $13.7 billion, its largest acquisition and an aggressive move into the grocery business.",
                "The combination of the two has been steady, said Tom Forte, who follows Amazon as a managing director at the D.A. Davidson brokerage. In a few more years, he said, “You won’t recognize the original Whole Foods.”",
            ],
            "You won’t recognize",
            "Forte",
        ),
        // A role noun says who "she" is: not the subject the article says
        // nothing of, nor the man named last.
        (
            &["Jerome Powell was questioned on Tuesday by Maxine Waters, the committee’s chairwoman, about the loans Steven Mnuchin approved.", "“We expect answers on the bank failures, and we expect them soon,” she said."],
            "We expect answers",
            "Waters",
        ),
        // The quote before is a man's (a title): "she" is not him.
        (
            &[
                "Ms. Pelosi met Mr. McConnell at the Capitol on Tuesday.",
                "“We have a deal on the budget,” Mr. McConnell said.",
                "“We do not have a deal yet, and he knows it,” she said.",
            ],
            "We do not have a deal",
            "Pelosi",
        ),
        // … also when the two quotes share a paragraph: not one quote
        // broken by its attribution.
        (
            &["Ms. Pelosi met Mr. McConnell at the Capitol on Tuesday.", "“We have a deal on the budget,” Mr. McConnell said. “We do not have a deal yet, and he knows it,” she said."],
            "We do not have a deal",
            "Pelosi",
        ),
    ];
    // Every row is checked, and the wrong ones are listed together.
    let mut wrong = Vec::new();
    for (paragraphs, start, speaker) in table {
        let got = quotes(paragraphs, "en");
        let q = got
            .iter()
            .find(|(t, _)| t.starts_with(start))
            .unwrap_or_else(|| panic!("no quote {start:?} in {got:?}"));
        if !q.1.as_deref().is_some_and(|n| n.contains(speaker)) {
            wrong.push(format!("{start:?}: speaker {:?}, want {speaker:?}", q.1));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A capitalised title in the middle of a sentence is not a quote, even
/// with the sentence's full stop inside its marks or an attribution after
/// it; a speech verb after "NOUN that" is that noun's (a name before the
/// noun speaks: "New York magazine that claimed"), not the person the
/// sentence opened with. reuters.com (Golden Globes), breitbart.com and
/// lwn.net (a sentence of it, its verb put in the past).
/// A quote wanted: the start of its text, a word of its speaker's name.
type Wanted<'a> = (&'a str, Option<&'a str>);

#[test]
fn titles_and_the_subjects_of_relative_clauses() {
    // (paragraphs, quotes wanted as (start, a word of the speaker's name))
    let table: &[(&[&str], &[Wanted])] = &[
        (
            &[
                "Comedy “The Marvelous Mrs Maisel” and British royal drama “The Crown” took the prizes for their TV ensemble casts. But “Mrs Maisel” actress Alex Borstein said the comedy prize should have gone to quirky British comedy “Fleabag.”",
            ],
            &[],
        ),
        (
            &[
                "Snopes writer David Emery described the incident on Twitter.",
                "Emery also retweeted an article by New York magazine that claimed President-elect Trump relied on lies to win during his campaign and that we now lived in a “post-truth” society.",
            ],
            &[("post-truth", Some("New York"))],
        ),
        (
            &[
                "Massimo Banzi spoke to reporters in Rome.",
                "Banzi says that several retail outlets that claimed to be selling “official boards from the original makers” were in fact paying the other company.",
            ],
            &[("official boards", None)],
        ),
    ];
    for (paragraphs, want) in table {
        let got = quotes(paragraphs, "en");
        assert_eq!(got.len(), want.len(), "{got:?}");
        for ((text, speaker), (start, word)) in got.iter().zip(want.iter()) {
            assert!(text.starts_with(start), "{text:?}, want {start:?}");
            match word {
                Some(w) => assert!(
                    speaker.as_deref().is_some_and(|n| n.contains(w)),
                    "{text:?}: speaker {speaker:?}, want {w:?}"
                ),
                None => assert_eq!(speaker, &None, "{text:?}"),
            }
        }
    }
}
