//! `dossier`: the Dossier core on saved pages, from the command line.
//!
//! ```text
//! dossier analyze PAGE.html [--json] [--text]
//! dossier analyze --jsonl PATH... | -     (many pages, one JSON line each)
//! dossier analyze --warc FILE.warc[.gz]  (the HTML responses of a WARC)
//! ```

mod batch;
mod input;
mod text_report;
mod warc;

use std::io::{IsTerminal, Read};
use std::process::ExitCode;

use dossier::{analyze, html, Page};
use text_report::{excerpt, Color};

const USAGE: &str = "\
dossier — repeated paragraphs (and more) in a saved news page

USAGE:
    dossier analyze PAGE [--json] [--text] [--color WHEN] [--explain]
    dossier analyze --jsonl PATH... [--jobs N] [--no-text] [--no-progress]
    dossier analyze --jsonl - [...]         (JSONL pages on standard input)
    dossier analyze --warc FILE.warc[.gz] [...]
    dossier blocks PAGE
    dossier tag --conll FILE [--lang LANG] [--model MODEL]
    dossier train --train FILE --gaz DIR --out MODEL [--gaz-extra DIR] [--lang LANG] [--silver FILE] [--dev FILE] [--epochs N] [--min-weight W] [--doc-sentences N]
    dossier convert-model IN OUT

    analyze   print the page's dossier: title, date, folded repeats, people,
              organizations, places, timeline, numbers and quotes
    blocks    print the page's text blocks as the extension collects them (JSON)
    tag       tag a token-per-line file (first column; blank line = sentence end,
              -DOCSTART- = document start); prints each line with a TAB and the
              predicted BIO tag (B-PER, I-ORG, O, ...)
    train     train the entity tagger (needs the `train` feature; see `make model`)
    convert-model  rewrite a tagger model file (any version) in the current
              layout, the one read in place (docs/ner-model.md)

    --lang    the language's tagger: en (the default), de, es, fr, it, nl, pl, pt
              (model/ner-LANG.bin; DOSSIER_MODEL_DIR overrides the directory);
              for train, files in the ner-multi TSV format (token TAB IOB2 tag)

    PAGE      an HTML file, or - for standard input
    --json    print the report as JSON (the schema in README.md)
    --text    read PAGE as plain text, one paragraph per line
    --color   auto (the default: on a terminal, unless NO_COLOR is set),
              always or never
    --explain print how the article text was chosen (to standard error)

  Many pages (docs/batch.md), one JSON line per page in input order, on every core:
    --jsonl   PATHs are files, or directories searched for *.html and *.htm;
              - reads JSONL from standard input, one {\"url\": ..., \"html\": ...}
              per line. Each output line is {\"path\"|\"line\",\"url\": ..., \"report\": {...}},
              or {..., \"error\": \"why\"} for a page that failed
    --warc    read the HTML responses (status 200) of a WARC file, gzipped or
              not; each line has the record's \"url\", \"date\" and \"record_id\"
    --jobs N  worker threads (default: every core, or RAYON_NUM_THREADS)
    --no-text leave the blocks' text out of the reports (smaller lines)
    --no-progress   no progress bar (there is one only when standard error
              is a terminal)
  Exit status: 0 when every page gave a report, 1 when some gave an error
  line, 2 for a usage error (and for a single PAGE that cannot be analyzed).
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dossier: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some(cmd) = args.first() else {
        print!("{USAGE}");
        return Err("no command given".into());
    };
    match cmd.as_str() {
        "analyze" => {
            let mut json = false;
            let mut text = false;
            let mut explain = false;
            let mut color = Color::Auto;
            let mut paths = Vec::new();
            let mut jsonl = false;
            let mut warc = None;
            let mut jobs = None;
            let mut include_text = true;
            let mut progress = true;
            let mut rest = args[1..].iter();
            while let Some(a) = rest.next() {
                match a.as_str() {
                    "--json" => json = true,
                    "--jsonl" => jsonl = true,
                    "--warc" => warc = Some(rest.next().ok_or("--warc needs a FILE")?.clone()),
                    "--jobs" | "-j" => {
                        let n = rest.next().ok_or("--jobs needs a number")?;
                        jobs = Some(
                            n.parse::<usize>()
                                .ok()
                                .filter(|&n| n > 0)
                                .ok_or("--jobs takes a number above 0")?,
                        );
                    }
                    "--no-text" => include_text = false,
                    "--no-progress" => progress = false,
                    "--color" => color = Color::parse(rest.next().ok_or("--color needs a value")?)?,
                    s if s.starts_with("--color=") => color = Color::parse(&s[8..])?,
                    "--text" => text = true,
                    "--explain" => explain = true,
                    "-h" | "--help" => {
                        print!("{USAGE}");
                        return Ok(ExitCode::SUCCESS);
                    }
                    s if s.starts_with("--") => return Err(format!("unknown option {s}")),
                    s => paths.push(s.to_string()),
                }
            }
            if jsonl || warc.is_some() {
                if text || explain || json {
                    return Err(
                        "--text, --explain and --json are for one PAGE, not with --jsonl or --warc"
                            .into(),
                    );
                }
                let settings = batch::Settings {
                    jobs,
                    progress: progress && std::io::stderr().is_terminal(),
                };
                return analyze_many(&paths, warc, &settings, include_text);
            }
            if jobs.is_some() || !include_text || !progress {
                return Err("--jobs, --no-text and --no-progress go with --jsonl or --warc".into());
            }
            let path = match &paths[..] {
                [p] => p.clone(),
                [] => return Err("analyze needs a PAGE (a file, or - for stdin)".into()),
                _ => return Err("analyze takes one PAGE; for many, add --jsonl".into()),
            };
            let bytes = read_input(&path)?;
            let page = if text {
                let decoded = String::from_utf8_lossy(&bytes);
                input::check(&bytes, &decoded, true).map_err(|e| format!("{path}: {e}"))?;
                Page::from_text(&decoded)
            } else {
                page_from_bytes(&path, &bytes)?
            };
            if explain {
                explain_article(&page);
            }
            let report = analyze(&page);
            if json {
                let s = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
                println!("{s}");
            } else {
                print!("{}", text_report::render(&report, color.enabled()));
            }
            Ok(ExitCode::SUCCESS)
        }
        "blocks" => {
            let path = args
                .get(1)
                .ok_or("blocks needs a PAGE (a file, or - for stdin)")?;
            let page = page_from_bytes(path, &read_input(path)?)?;
            let s = serde_json::to_string_pretty(&page).map_err(|e| e.to_string())?;
            println!("{s}");
            Ok(ExitCode::SUCCESS)
        }
        "tag" => tag(&args[1..]).map(|()| ExitCode::SUCCESS),
        "train" => train(&args[1..]).map(|()| ExitCode::SUCCESS),
        "convert-model" => convert_model(args).map(|()| ExitCode::SUCCESS),
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command {other:?}\n\n{USAGE}")),
    }
}

/// `analyze --jsonl` and `analyze --warc`: exit status 0 when every page gave
/// a report, 1 when some gave an error line.
fn analyze_many(
    paths: &[String],
    warc: Option<String>,
    settings: &batch::Settings,
    include_text: bool,
) -> Result<ExitCode, String> {
    let source = match (warc, paths) {
        (Some(w), []) => {
            let reader =
                warc::Reader::open(std::path::Path::new(&w)).map_err(|e| format!("{w}: {e}"))?;
            batch::Source::Warc(w, reader)
        }
        (Some(_), _) => return Err("--warc reads one WARC file; give no other PATH".into()),
        (None, [dash]) if dash == "-" => batch::Source::Jsonl(Box::new(
            std::io::BufReader::with_capacity(1 << 20, std::io::stdin()),
        )),
        (None, []) => {
            return Err(
                "--jsonl needs PATHs (files or directories), or - for JSONL on standard input"
                    .into(),
            )
        }
        (None, p) if p.iter().any(|p| p == "-") => {
            return Err("- (JSONL on standard input) cannot be mixed with PATHs".into())
        }
        (None, p) => {
            let files = batch::expand_paths(p);
            if files.is_empty() {
                return Err(format!("no .html or .htm files in {}", p.join(", ")));
            }
            batch::Source::Paths(files)
        }
    };
    let opts = dossier::Options {
        include_text,
        ..dossier::Options::default()
    };
    let analyze = |page: &Page| dossier::analyze_with(page, &opts);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
    let outcome = batch::run(source, settings, &analyze, &mut out)?;
    Ok(if outcome.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
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

/// The page in `bytes`, or why it is not one (see [`input::check`]).
fn page_from_bytes(path: &str, bytes: &[u8]) -> Result<Page, String> {
    let decoded = html::decode(bytes);
    input::check(bytes, &decoded, false).map_err(|e| format!("{path}: {e}"))?;
    Ok(html::page_from_html(&decoded))
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
                dossier::ner::Model::from_bytes(&bytes).map_err(|e| format!("{p}: {e}"))?,
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

/// Adds the lists of `dir` to a trained model's gazetteers: names looked up
/// as their list's are, added after training so that they move no weight
/// (the cities' other names, docs/ner-model.md).
#[cfg(feature = "train")]
fn add_gazetteers(model: &mut dossier::ner::ModelData, dir: &str) -> Result<(), String> {
    let extra = dossier::ner::train::read_gazetteers(std::path::Path::new(dir))
        .map_err(|e| format!("{dir}: {e}"))?;
    for (list, more) in model.lists.iter_mut().zip(extra) {
        list.extend(more);
        list.sort_unstable();
        list.dedup();
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
    let mut gaz =
        t::read_gazetteers(std::path::Path::new(gaz_dir)).map_err(|e| format!("{gaz_dir}: {e}"))?;
    // The frequency bands cost two bytes a word in the file: only a model
    // whose features read them keeps them.
    if s.ext & dossier::ner::features::EXT_FREQ == 0 {
        for l in &mut gaz[dossier::ner::gazetteer::FREQ_LISTS] {
            l.clear();
        }
    }
    eprintln!(
        "training on {} documents, {} sentences; gazetteer sizes {:?}",
        docs.len(),
        docs.iter().map(Vec::len).sum::<usize>(),
        gaz.iter().map(Vec::len).collect::<Vec<_>>()
    );
    let t0 = std::time::Instant::now();
    let mut model = t::train(&docs, gaz, &s, |epoch, m| {
        if !dev.is_empty() {
            // Scored as the written file will be: quantised, read in place.
            let q = m
                .to_bytes()
                .and_then(|b| dossier::ner::Model::from_bytes(&b));
            let sc = t::evaluate(&q.expect("a trained model writes and reads"), &dev);
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
    if let Some(dir) = opt(args, "--gaz-extra") {
        add_gazetteers(&mut model, dir)?;
    }
    let bytes = model.to_bytes().map_err(|e| e.to_string())?;
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

/// `dossier convert-model IN OUT`: a model file of any version, written in
/// the current one (the weights and lists unchanged).
fn convert_model(args: &[String]) -> Result<(), String> {
    let (Some(input), Some(out)) = (args.get(1), args.get(2)) else {
        return Err("convert-model needs IN and OUT".into());
    };
    let bytes = std::fs::read(input).map_err(|e| format!("{input}: {e}"))?;
    let data = dossier::ner::legacy::read_any(&bytes).map_err(|e| format!("{input}: {e}"))?;
    let new = data.to_bytes().map_err(|e| format!("{input}: {e}"))?;
    // What is written must read back to the same weights and lists.
    let back = dossier::ner::Model::from_bytes(&new).map_err(|e| format!("{out}: {e}"))?;
    let again = back.data().to_bytes().map_err(|e| e.to_string())?;
    if again != new {
        return Err(format!(
            "{input}: the converted model does not read back the same"
        ));
    }
    std::fs::write(out, &new).map_err(|e| format!("{out}: {e}"))?;
    eprintln!(
        "wrote {out}: {} bytes ({} before), {} features",
        new.len(),
        bytes.len(),
        data.keys.len()
    );
    Ok(())
}

#[cfg(not(feature = "train"))]
fn train(_: &[String]) -> Result<(), String> {
    Err("this build has no trainer: build with --features train (make model does)".into())
}
