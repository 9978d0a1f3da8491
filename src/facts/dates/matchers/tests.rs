//! Each date matcher on the text it is for, and on what it rules out.

use super::*;

/// Thursday 14 March 2019.
fn published() -> Option<Day> {
    Day::new(2019, 3, 14)
}

/// What matcher `name` alone decides at the first token where it
/// decides anything: the date's words and value, or `None` for "no date".
fn decide(name: &str, text: &str, lang: &str) -> Option<Option<(String, Option<String>)>> {
    let matcher = MATCHERS.iter().find(|(n, _)| *n == name).unwrap().1;
    let toks = crate::ner::tokens::tokenize(text);
    let s = Sentence {
        text,
        toks: &toks,
        range: 0..toks.len(),
        lang,
        lang_us: lang.is_empty() || lang == "en",
    };
    let anchor = Day::new(2019, 3, 1);
    for i in 0..toks.len() {
        let fut = Fut::new(&s, i);
        let prev = if i > 0 {
            lowercased(s.word(i - 1))
        } else {
            Cow::Borrowed("")
        };
        let at = At {
            s: &s,
            i,
            pubd: published(),
            fut: &fut,
            anchor,
            prev,
        };
        match matcher(&at) {
            Match::Date(f) => {
                return Some(Some((
                    s.source(f.tok.clone()).to_string(),
                    f.value.as_ref().map(Value::iso),
                )))
            }
            Match::NoDate => return Some(None),
            Match::Pass => {}
        }
    }
    None
}

/// Each matcher on the text it is for: (matcher, text, language, the
/// date's words, its value).
#[test]
fn each_matcher_finds_its_dates() {
    #[rustfmt::skip]
    let table: &[(&str, &str, &str, &str, Option<&str>)] = &[
        ("nine_eleven", "after 9/11 the city", "en", "9/11", Some("2001-09-11")),
        ("numeric", "on 2013-11-05 it", "en", "2013-11-05", Some("2013-11-05")),
        ("numeric", "am 28.07.2013 war", "de", "28.07.2013", Some("2013-07-28")),
        ("decade", "in the 1990s", "en", "1990s", Some("1990/1999")),
        ("year_span", "the 2019-20 season", "en", "2019-20", Some("2019/2020")),
        ("month_first", "on July 28, 2013 the", "en", "July 28, 2013", Some("2013-07-28")),
        ("month_first", "on Nov. 16 - 17 they", "en", "Nov. 16 - 17", Some("2018-11-16/2018-11-17")),
        ("month_first", "in March 2019 the", "en", "March 2019", Some("2019-03")),
        ("month_first", "from May to July we", "en", "May to July", Some("2018-05/2018-07")),
        ("day_month", "on 28 July 2013 the", "en", "28 July 2013", Some("2013-07-28")),
        ("day_month", "am 5. Mai 2020 war", "de", "5. Mai 2020", Some("2020-05-05")),
        ("year", "since 1998 the", "en", "1998", Some("1998")),
        ("year", "between 2010 and 2015 it", "en", "2010 and 2015", Some("2010/2015")),
        ("weekday_name", "last Friday night", "en", "last Friday night", Some("2019-03-08")),
        ("relative_word", "he said yesterday", "en", "yesterday", Some("2019-03-13")),
        ("relative_word", "hier soir", "fr", "hier", Some("2019-03-13")),
        ("the_before", "the day before the vote", "en", "the day before", Some("2019-02-28")),
        ("season", "since last fall", "en", "last fall", Some("2018")),
        ("german_relative", "in der vergangenen Woche", "de", "der vergangenen Woche", Some("2019-03-04/2019-03-10")),
        ("this_last", "earlier this month the", "en", "earlier this month", Some("2019-03")),
        ("counted", "three days ago he", "en", "three days ago", Some("2019-03-11")),
        ("counted", "two weeks later it", "en", "two weeks later", Some("2019-03-15")),
    ];
    for &(name, text, lang, words, value) in table {
        let want = Some(Some((words.to_string(), value.map(String::from))));
        assert_eq!(decide(name, text, lang), want, "{name}: {text}");
    }
}

/// What each matcher rules out, so that no later matcher reads it as a
/// date: (matcher, text, language).
#[test]
fn matchers_that_rule_a_date_out() {
    let table: &[(&str, &str, &str)] = &[
        ("month_first", "you may go", "en"),
        ("year", "2000 soldiers came", "en"),
        ("year", "it cost $ 2019 then", "en"),
        ("weekday_name", "the sunday paper", "en"),
        ("relative_word", "hier ist es", "de"),
        ("this_last", "this is it", "en"),
    ];
    for &(name, text, lang) in table {
        assert_eq!(decide(name, text, lang), Some(None), "{name}: {text}");
    }
}

/// Through the whole table, each example is found by its own matcher
/// (the order does not let an earlier one take it).
#[test]
fn the_table_order_gives_each_date_to_its_matcher() {
    for (text, lang, words) in [
        ("the attacks of 9/11", "en", "9/11"),
        ("on 2013-11-05 it", "en", "2013-11-05"),
        ("in March 2019 the", "en", "March 2019"),
        ("on 28 July 2013 the", "en", "28 July 2013"),
        ("since 1998 the", "en", "1998"),
        ("three days ago he", "en", "three days ago"),
    ] {
        let toks = crate::ner::tokens::tokenize(text);
        let s = Sentence {
            text,
            toks: &toks,
            range: 0..toks.len(),
            lang,
            lang_us: true,
        };
        let got = (0..toks.len()).find_map(|i| {
            let fut = Fut::new(&s, i);
            match_at(&s, i, published(), &fut, None)
        });
        assert_eq!(
            got.map(|f| s.source(f.tok).to_string()).as_deref(),
            Some(words),
            "{text}"
        );
    }
}
