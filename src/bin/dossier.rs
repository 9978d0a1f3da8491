//! `dossier`: the Dossier core on saved pages, from the command line.
//!
//! ```text
//! dossier analyze PAGE.html [--json] [--text]
//! ```

use std::io::Read;
use std::process::ExitCode;

use dossier::{analyze, html, Page, Report};

const USAGE: &str = "\
dossier — repeated paragraphs (and more) in a saved news page

USAGE:
    dossier analyze PAGE [--json] [--text] [--explain]
    dossier blocks PAGE
    dossier tag --conll FILE [--lang LANG] [--model MODEL]
    dossier train --train FILE --gaz DIR --out MODEL [--lang LANG] [--silver FILE] [--dev FILE] [--epochs N] [--min-weight W] [--doc-sentences N]

    analyze   find repeated paragraphs and print the report
    blocks    print the page's text blocks as the extension collects them (JSON)
    tag       tag a token-per-line file (first column; blank line = sentence end,
              -DOCSTART- = document start); prints each line with a TAB and the
              predicted BIO tag (B-PER, I-ORG, O, ...)
    train     train the entity tagger (needs the `train` feature; see `make model`)

    --lang    the language's tagger: en (the default), de, es, fr, it, nl, pl, pt
              (model/ner-LANG.bin; DOSSIER_MODEL_DIR overrides the directory);
              for train, files in the ner-multi TSV format (token TAB IOB2 tag)

    PAGE      an HTML file, or - for standard input
    --json    print the report as JSON (the schema in README.md)
    --text    read PAGE as plain text, one paragraph per line
    --explain print how the article text was chosen (to standard error)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let Some(cmd) = args.first() else {
        print!("{USAGE}");
        return Err("no command given".into());
    };
    match cmd.as_str() {
        "analyze" => {
            let mut json = false;
            let mut text = false;
            let mut explain = false;
            let mut path = None;
            for a in &args[1..] {
                match a.as_str() {
                    "--json" => json = true,
                    "--text" => text = true,
                    "--explain" => explain = true,
                    "-h" | "--help" => {
                        print!("{USAGE}");
                        return Ok(());
                    }
                    s if s.starts_with("--") => return Err(format!("unknown option {s}")),
                    s => path = Some(s.to_string()),
                }
            }
            let path = path.ok_or("analyze needs a PAGE (a file, or - for stdin)")?;
            let bytes = read_input(&path)?;
            let page = if text {
                Page::from_text(&String::from_utf8_lossy(&bytes))
            } else {
                html::page_from_html(&html::decode(&bytes))
            };
            if explain {
                explain_article(&page);
            }
            let report = analyze(&page);
            if json {
                let s = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
                println!("{s}");
            } else {
                print_report(&report);
            }
            Ok(())
        }
        "blocks" => {
            let path = args
                .get(1)
                .ok_or("blocks needs a PAGE (a file, or - for stdin)")?;
            let page = html::page_from_html(&html::decode(&read_input(path)?));
            let s = serde_json::to_string_pretty(&page).map_err(|e| e.to_string())?;
            println!("{s}");
            Ok(())
        }
        "tag" => tag(&args[1..]),
        "train" => train(&args[1..]),
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command {other:?}\n\n{USAGE}")),
    }
}

fn read_input(path: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("reading standard input: {e}"))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(bytes)
}

fn excerpt(s: &str, n: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= n {
        flat
    } else {
        let cut: String = flat.chars().take(n).collect();
        format!("{cut}…")
    }
}

fn print_report(r: &Report) {
    if !r.title.is_empty() {
        println!("{}", r.title);
    }
    println!(
        "{} blocks, {} of them article text; {} folded as repeats",
        r.stats.blocks, r.stats.article_blocks, r.stats.folded
    );
    if r.repeats.is_empty() {
        println!("no repeated paragraphs");
        return;
    }
    println!("\nrepeats:");
    for g in &r.repeats {
        let list = |v: &[u32]| {
            v.iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join("+")
        };
        println!(
            "  {:<11} block {} repeats block {} (similarity {:.2})",
            format!("{:?}", g.kind).to_lowercase(),
            list(&g.copies),
            list(&g.original),
            g.similarity
        );
        for s in &g.spans {
            let text = &r.blocks[s.block as usize].text;
            let part: String = {
                let u: Vec<u16> = text.encode_utf16().collect();
                let end = (s.end as usize).min(u.len());
                let start = (s.start as usize).min(end);
                String::from_utf16_lossy(&u[start..end])
            };
            println!("              “{}”", excerpt(&part, 90));
        }
    }
}

/// Prints how the article container was chosen (a debugging aid).
fn explain_article(page: &Page) {
    let info = dossier::article::classify(page);
    eprintln!("article container candidates (element: score):");
    for (e, s) in &info.candidates {
        let el = &page.elements[*e as usize];
        let n = page.blocks.iter().filter(|b| b.path.contains(e)).count();
        eprintln!(
            "  {e:>5} <{} {}> score {s:.1}, {n} blocks",
            el.tag,
            excerpt(&el.hints, 60)
        );
    }
    for (i, b) in page.blocks.iter().enumerate() {
        let furn = if info.furniture[i] { "F" } else { " " };
        let art = if info.article[i] { "A" } else { " " };
        let parent = b.path.last().map(|e| e.to_string()).unwrap_or_default();
        eprintln!(
            "  {i:>4} {art}{furn} {:<5} in {parent:>5} {}",
            b.tag,
            excerpt(&b.text, 70)
        );
    }
}

/// Value of `--name VALUE` in `args`.
fn opt<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

fn load_tagger(args: &[String]) -> Result<std::sync::Arc<dossier::ner::Tagger>, String> {
    match opt(args, "--model") {
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| format!("{p}: {e}"))?;
            Ok(std::sync::Arc::new(dossier::ner::Tagger::with_model(
                dossier::ner::Model::from_bytes(&bytes).map_err(|e| e.to_string())?,
            )))
        }
        None => dossier::ner::Tagger::for_language(opt(args, "--lang").unwrap_or("en"))
            .map_err(|e| e.to_string()),
    }
}

/// `dossier tag --conll FILE`: the input lines, each with a TAB and the predicted tag.
fn tag(args: &[String]) -> Result<(), String> {
    use std::io::Write;
    let path = opt(args, "--conll").ok_or("tag needs --conll FILE (or --conll - for stdin)")?;
    let text = String::from_utf8_lossy(&read_input(path)?).into_owned();
    let tagger = load_tagger(args)?;
    let labels = dossier::ner::bio_labels();
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    // Documents are tagged whole, so later sentences see earlier ones.
    let lines: Vec<&str> = text.lines().collect();
    let mut k = 0;
    while k < lines.len() {
        let start = k;
        k += 1;
        while k < lines.len() && !lines[k].starts_with("-DOCSTART-") {
            k += 1;
        }
        let chunk = &lines[start..k];
        let mut sentences: Vec<Vec<&str>> = vec![Vec::new()];
        for l in chunk {
            let word = l.split(['\t', ' ']).next().unwrap_or("");
            if l.trim().is_empty() || word == "-DOCSTART-" {
                if !sentences.last().unwrap().is_empty() {
                    sentences.push(Vec::new());
                }
            } else {
                sentences.last_mut().unwrap().push(word);
            }
        }
        let tags = tagger.tag_document(&sentences);
        let mut flat = tags.iter().flatten();
        for l in chunk {
            let word = l.split(['\t', ' ']).next().unwrap_or("");
            if l.trim().is_empty() || word == "-DOCSTART-" {
                writeln!(out, "{l}").map_err(|e| e.to_string())?;
            } else {
                let t = flat.next().copied().unwrap_or(0);
                writeln!(out, "{l}\t{}", labels[t]).map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(())
}

#[cfg(feature = "train")]
fn train(args: &[String]) -> Result<(), String> {
    use dossier::ner::train as t;
    let read = |p: &str| std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"));
    let train_path = opt(args, "--train").ok_or("train needs --train FILE")?;
    let gaz_dir = opt(args, "--gaz").ok_or("train needs --gaz DIR (make model builds it)")?;
    let out = opt(args, "--out").ok_or("train needs --out MODEL")?;
    let mut s = t::Settings::default();
    if let Some(e) = opt(args, "--epochs") {
        s.epochs = e.parse().map_err(|_| "--epochs takes a number")?;
    }
    if let Some(w) = opt(args, "--min-weight") {
        s.min_weight = w.parse().map_err(|_| "--min-weight takes a number")?;
    }
    // English reads CoNLL-2003 (IOB1, space or TAB); other languages the
    // ner-multi TSV (dossier::ner::conll).
    let lang = opt(args, "--lang").unwrap_or("en");
    let per_doc = match opt(args, "--doc-sentences") {
        Some(n) => n.parse().map_err(|_| "--doc-sentences takes a number")?,
        None => dossier::ner::conll::SENTENCES_PER_DOC,
    };
    let read_docs = |text: &str| {
        if lang == "en" {
            t::read_conll(text, 20)
        } else {
            dossier::ner::conll::read_tsv_docs(text, per_doc)
        }
    };
    if lang != "en" {
        s.ext = dossier::ner::features::EXT_LANG;
    }
    if let Some(x) = opt(args, "--ext") {
        s.ext = x.parse().map_err(|_| "--ext takes a number")?;
    }
    let mut docs = Vec::new();
    for p in train_path.split(',') {
        docs.extend(read_docs(&read(p)?));
    }
    // Silver data (the GMB) is brought to CoNLL conventions first.
    if let Some(p) = opt(args, "--silver") {
        let lists = std::path::Path::new("model/lists");
        let titles = t::list_words(&lists.join("title.txt"))
            .map_err(|e| format!("model/lists/title.txt: {e}"))?;
        let demonyms = t::list_words(&lists.join("demonym.txt"))
            .map_err(|e| format!("model/lists/demonym.txt: {e}"))?;
        let mut silver = t::read_conll(&read(p)?, 20);
        t::clean_silver(&mut silver, &titles, &demonyms);
        eprintln!("silver: {} documents from {p}", silver.len());
        docs.extend(silver);
    }
    let dev = match opt(args, "--dev") {
        Some(p) => read_docs(&read(p)?),
        None => Vec::new(),
    };
    let gaz =
        t::read_gazetteers(std::path::Path::new(gaz_dir)).map_err(|e| format!("{gaz_dir}: {e}"))?;
    eprintln!(
        "training on {} documents, {} sentences; gazetteer sizes {:?}",
        docs.len(),
        docs.iter().map(Vec::len).sum::<usize>(),
        gaz.lists.iter().map(Vec::len).collect::<Vec<_>>()
    );
    let t0 = std::time::Instant::now();
    let model = t::train(&docs, gaz, &s, |epoch, m| {
        if !dev.is_empty() {
            let sc = t::evaluate(m, &dev);
            eprintln!(
                "epoch {epoch:>2}: dev PER+ORG+LOC F1 {:.4}  ({} features, {:.0?})",
                sc.f1(&[1, 2, 3]),
                m.keys.len(),
                t0.elapsed()
            );
        } else {
            eprintln!(
                "epoch {epoch:>2}: {} features ({:.0?})",
                m.keys.len(),
                t0.elapsed()
            );
        }
    });
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    eprintln!(
        "wrote {out}: {} bytes, {} features",
        bytes.len(),
        model.keys.len()
    );
    if !dev.is_empty() {
        let q = dossier::ner::Model::from_bytes(&bytes).map_err(|e| e.to_string())?;
        eprint!(
            "dev scores of the written (quantised) model:\n{}",
            t::evaluate(&q, &dev).table()
        );
    }
    Ok(())
}

#[cfg(not(feature = "train"))]
fn train(_: &[String]) -> Result<(), String> {
    Err("this build has no trainer: build with --features train (make model does)".into())
}
