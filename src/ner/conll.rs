//! Readers for the multilingual entity data (`../shared/data/ner-multi/`,
//! its README describes it): one token per line, `token<TAB>tag`, tags in
//! IOB2, a blank line after every sentence, and `-DOCSTART-<TAB>O` opening
//! each document where the source marks documents (Dutch, Portuguese).
//!
//! Each dataset's types are brought to the tagger's four (PER, ORG, LOC,
//! MISC): GermEval's `OTH` is MISC, and its derivations and name parts
//! (`LOCderiv` "deutsche", `ORGpart` "EU-Kommissar") are not entities. Of
//! GermEval's two levels only the outer one is read: in the official
//! four-column files (`index, token, outer, inner`) the third column, in
//! three-column files (`token, outer, inner`) the second.
//!
//! No `train` feature needed: the CLI's tests read small fixtures with it.

/// A sentence with gold labels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The words.
    pub words: Vec<String>,
    /// Gold BIO label ids (see [`super::bio_labels`]).
    pub gold: Vec<usize>,
}

/// A document: its sentences.
pub type Doc = Vec<Sentence>;

/// Sentences per pseudo-document where a file marks no documents: the
/// document-level features (casing elsewhere, earlier decisions) then see
/// a neighbourhood of about an article's length.
pub const SENTENCES_PER_DOC: usize = 20;

/// One of the four types for a dataset's type name, `None` for a type
/// that is not an entity here (GermEval `*deriv` and `*part`, anything
/// unknown).
pub fn map_type(t: &str) -> Option<&'static str> {
    match t {
        "PER" | "PERS" => Some("PER"),
        "ORG" => Some("ORG"),
        "LOC" | "GPE" => Some("LOC"),
        "MISC" | "OTH" => Some("MISC"),
        _ => None,
    }
}

/// The entity tag of a line's columns (outer level for GermEval).
fn tag_column<'a>(cols: &[&'a str]) -> &'a str {
    match cols.len() {
        0 | 1 => "O",
        // GermEval official: index, token, outer, inner.
        4 if cols[0].bytes().all(|b| b.is_ascii_digit()) => cols[2],
        _ => cols[1],
    }
}

/// The word of a line's columns.
fn word_column<'a>(cols: &[&'a str]) -> &'a str {
    if cols.len() == 4 && cols[0].bytes().all(|b| b.is_ascii_digit()) {
        cols[1]
    } else {
        cols[0]
    }
}

/// IOB2 (or IOB1) tags to BIO label ids over the four types: an `I-` that
/// does not continue an entity of its type opens one.
pub fn tags_to_labels(tags: &[&str]) -> Vec<usize> {
    let labels = super::bio_labels();
    let mut out = Vec::with_capacity(tags.len());
    let mut prev: Option<&str> = None;
    for t in tags {
        let Some((prefix, ty)) = t.split_once('-') else {
            out.push(0);
            prev = None;
            continue;
        };
        let Some(ty) = map_type(ty) else {
            out.push(0);
            prev = None;
            continue;
        };
        let begin = prefix != "I" || prev != Some(ty);
        let name = format!("{}-{ty}", if begin { "B" } else { "I" });
        out.push(labels.iter().position(|l| *l == name).unwrap_or(0));
        prev = Some(ty);
    }
    out
}

/// Reads a file of the multilingual data into documents: `-DOCSTART-`
/// opens one where the file marks them, otherwise every
/// [`SENTENCES_PER_DOC`] sentences make one. Comment lines (`#` followed by
/// a space or TAB, as in GermEval's official files) are skipped.
pub fn read_tsv(text: &str) -> Vec<Doc> {
    read_tsv_docs(text, SENTENCES_PER_DOC)
}

/// [`read_tsv`] with `per_doc` sentences to a pseudo-document where the
/// file marks no documents.
pub fn read_tsv_docs(text: &str, per_doc: usize) -> Vec<Doc> {
    let per_doc = per_doc.max(1);
    let marked = text.lines().any(|l| l.starts_with("-DOCSTART-"));
    let mut docs: Vec<Doc> = vec![Vec::new()];
    let mut words: Vec<String> = Vec::new();
    let mut tags: Vec<&str> = Vec::new();
    let flush = |docs: &mut Vec<Doc>, words: &mut Vec<String>, tags: &mut Vec<&str>| {
        if words.is_empty() {
            return;
        }
        let gold = tags_to_labels(tags);
        docs.last_mut().unwrap().push(Sentence {
            words: std::mem::take(words),
            gold,
        });
        tags.clear();
        if !marked && docs.last().unwrap().len() >= per_doc {
            docs.push(Vec::new());
        }
    };
    for line in text.lines() {
        let line = line.trim_end_matches(['\r', '\n']);
        if line.trim().is_empty() {
            flush(&mut docs, &mut words, &mut tags);
            continue;
        }
        if line.starts_with("# ") || line.starts_with("#\t") {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let word = word_column(&cols);
        if word == "-DOCSTART-" {
            flush(&mut docs, &mut words, &mut tags);
            if !docs.last().unwrap().is_empty() {
                docs.push(Vec::new());
            }
            continue;
        }
        words.push(word.to_string());
        tags.push(tag_column(&cols));
    }
    flush(&mut docs, &mut words, &mut tags);
    docs.retain(|d| !d.is_empty());
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &Sentence) -> Vec<&'static str> {
        let l = super::super::bio_labels();
        s.gold
            .iter()
            .map(|&k| match l[k].as_str() {
                "O" => "O",
                "B-PER" => "B-PER",
                "I-PER" => "I-PER",
                "B-ORG" => "B-ORG",
                "I-ORG" => "I-ORG",
                "B-LOC" => "B-LOC",
                "I-LOC" => "I-LOC",
                "B-MISC" => "B-MISC",
                _ => "I-MISC",
            })
            .collect()
    }

    #[test]
    fn reads_sentences_and_documents() {
        let text =
            "-DOCSTART-\tO\n\nDe\tO\nMorgen\tB-ORG\nschrijft\tO\n\nJan\tB-PER\nPeeters\tI-PER\n\n\
                    -DOCSTART-\tO\n\nIn\tO\nGent\tB-LOC\n.\tO\n";
        let docs = read_tsv(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].len(), 2);
        assert_eq!(docs[0][0].words, ["De", "Morgen", "schrijft"]);
        assert_eq!(names(&docs[0][0]), ["O", "B-ORG", "O"]);
        assert_eq!(names(&docs[0][1]), ["B-PER", "I-PER"]);
        assert_eq!(names(&docs[1][0]), ["O", "B-LOC", "O"]);
    }

    #[test]
    fn unmarked_files_make_pseudo_documents() {
        let mut text = String::new();
        for _ in 0..(SENTENCES_PER_DOC * 2 + 1) {
            text.push_str("Madrid\tB-LOC\n,\tO\n\n");
        }
        let docs = read_tsv(&text);
        assert_eq!(
            docs.iter().map(Vec::len).collect::<Vec<_>>(),
            [SENTENCES_PER_DOC, SENTENCES_PER_DOC, 1]
        );
        assert_eq!(read_tsv_docs(&text, 30).len(), 2);
    }

    #[test]
    fn germeval_outer_level_and_types() {
        // Official layout: index, token, outer, inner; comment lines.
        let text = "# http://de.wikipedia.org/wiki/X [2010-01-01]\n\
                    1\tDer\tO\tO\n2\tdeutsche\tB-LOCderiv\tO\n3\tEU-Kommissar\tB-ORGpart\tO\n\
                    4\tGünther\tB-PER\tO\n5\tOettinger\tI-PER\tO\n6\tbesuchte\tO\tO\n\
                    7\tdie\tO\tO\n8\tUniversität\tB-ORG\tO\n9\tStuttgart\tI-ORG\tB-LOC\n\
                    10\tund\tO\tO\n11\tden\tO\tO\n12\tTatort\tB-OTH\tO\n\n";
        let docs = read_tsv(text);
        let s = &docs[0][0];
        assert_eq!(s.words[1], "deutsche");
        assert_eq!(
            names(s),
            ["O", "O", "O", "B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "O", "O", "B-MISC"]
        );
        // Three columns (token, outer, inner): the second is the outer level.
        let s = &read_tsv("Universität\tB-ORG\tO\nStuttgart\tI-ORG\tB-LOC\n")[0][0];
        assert_eq!(names(s), ["B-ORG", "I-ORG"]);
    }

    #[test]
    fn an_opening_i_tag_begins_an_entity() {
        assert_eq!(
            names(
                &read_tsv("Lula\tI-PER\nda\tI-PER\nSilva\tI-PER\nem\tO\nBrasília\tI-LOC\n")[0][0]
            ),
            ["B-PER", "I-PER", "I-PER", "O", "B-LOC"]
        );
    }
}
