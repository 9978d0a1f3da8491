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

    analyze   find repeated paragraphs and print the report
    blocks    print the page's text blocks as the extension collects them (JSON)

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
