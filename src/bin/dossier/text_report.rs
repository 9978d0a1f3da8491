//! The report as text for a terminal: the sidebar's sections, in its order
//! (title and date, folded repeats, people, organizations, places, timeline,
//! numbers, quotes). Headings are bold and details dim when colour is on
//! (a terminal, and no `NO_COLOR`); piped output is plain text.

use std::fmt::Write;

use dossier::report::EntityType;
use dossier::Report;

/// Whether to colour the output (`--color auto|always|never`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    /// Parses the value of `--color`.
    pub fn parse(s: &str) -> Result<Color, String> {
        match s {
            "auto" => Ok(Color::Auto),
            "always" => Ok(Color::Always),
            "never" => Ok(Color::Never),
            _ => Err(format!("--color takes auto, always or never, not {s:?}")),
        }
    }

    /// Whether escapes go out: `auto` means a terminal on standard output
    /// and no `NO_COLOR` (https://no-color.org) in the environment.
    pub fn enabled(self) -> bool {
        use std::io::IsTerminal;
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

struct Style(bool);

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn heading(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
}

/// `n thing` or `n things`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The text, its whitespace collapsed, cut to `n` characters with an ellipsis.
pub fn excerpt(s: &str, n: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= n {
        flat
    } else {
        let cut: String = flat.chars().take(n).collect();
        format!("{cut}…")
    }
}

/// A number as a reader writes it: thousands separated, at most two decimals.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn quantity(q: &dossier::report::Quantity, r: &Report) -> String {
    let mut v = number(q.value);
    if let Some(to) = q.range_to {
        v = format!("{v}–{}", number(to));
    }
    if let Some(of) = q.of {
        v = format!("{v} of {}", number(of));
    }
    let symbol = match q.unit.as_str() {
        "USD" => Some("$"),
        "EUR" => Some("€"),
        "GBP" => Some("£"),
        "JPY" => Some("¥"),
        _ => None,
    };
    let mut s = match (symbol, q.unit.as_str()) {
        (Some(sym), _) => format!("{sym}{v}"),
        (None, "%") => format!("{v}%"),
        (None, "") => v,
        (None, unit) => format!("{v} {unit}"),
    };
    if q.approx {
        s = format!("≈ {s}");
    }
    match q.entity.and_then(|i| r.entities.get(i)) {
        Some(owner) => format!("{} — {s}", owner.name),
        None => s,
    }
}

/// The text of a span of a block (UTF-16 offsets, as the report gives them).
fn span_text(r: &Report, block: u32, start: u32, end: u32) -> String {
    let Some(b) = r.blocks.get(block as usize) else {
        return String::new();
    };
    let u: Vec<u16> = b.text.encode_utf16().collect();
    let end = (end as usize).min(u.len());
    let start = (start as usize).min(end);
    String::from_utf16_lossy(&u[start..end])
}

/// Renders the whole report.
pub fn render(r: &Report, color: bool) -> String {
    let st = Style(color);
    let mut o = String::new();
    if !r.title.is_empty() {
        let _ = writeln!(o, "{}", st.heading(&r.title));
    }
    if let Some(p) = &r.published {
        let _ = writeln!(o, "published {p}");
    }
    let _ = writeln!(
        o,
        "{}, {} of them article text; {} folded as repeats",
        plural(r.stats.blocks as usize, "block", "blocks"),
        r.stats.article_blocks,
        r.stats.folded
    );
    let repeats = repeat_lines(r, &st);
    if repeats.is_empty() {
        let _ = writeln!(o, "\n{}", st.heading("no repeated paragraphs"));
    } else {
        section(&mut o, &st, "Repeats", repeats);
    }
    for (title, kind) in [
        ("People", EntityType::Person),
        ("Organizations", EntityType::Organization),
        ("Places", EntityType::Place),
    ] {
        section(&mut o, &st, title, entity_lines(r, &st, kind));
    }
    section(&mut o, &st, "Timeline", timeline_lines(r, &st));
    let numbers = r
        .quantities
        .iter()
        .map(|q| format!("{} {}", quantity(q, r), st.dim(&format!("({})", q.text))))
        .collect();
    section(&mut o, &st, "Numbers", numbers);
    let quotes = r
        .quotes
        .iter()
        .map(|q| {
            let who = q.speaker_name.as_deref().unwrap_or("speaker unknown");
            format!("“{}” — {who}", excerpt(&q.text, 200))
        })
        .collect();
    section(&mut o, &st, "Quotes", quotes);
    o
}

/// A heading with its count, then the lines (or "none found").
fn section(o: &mut String, st: &Style, title: &str, lines: Vec<String>) {
    let _ = writeln!(
        o,
        "\n{} {}",
        st.heading(title),
        st.dim(&format!("({})", lines.len()))
    );
    if lines.is_empty() {
        let _ = writeln!(o, "  {}", st.dim("none found"));
    }
    for l in lines {
        let _ = writeln!(o, "  {l}");
    }
}

/// Each repeat group: which blocks copy which, and an excerpt of each copy.
fn repeat_lines(r: &Report, st: &Style) -> Vec<String> {
    let list = |v: &[u32]| {
        v.iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join("+")
    };
    r.repeats
        .iter()
        .map(|g| {
            let mut line = format!(
                "{:<11} block {} repeats block {} (similarity {:.2})",
                format!("{:?}", g.kind).to_lowercase(),
                list(&g.copies),
                list(&g.original),
                g.similarity
            );
            for s in &g.spans {
                let part = span_text(r, s.block, s.start, s.end);
                let quoted = st.dim(&format!("“{}”", excerpt(&part, 90)));
                line.push_str(&format!("\n              {quoted}"));
            }
            line
        })
        .collect()
}

/// People, organizations or places: name · aliases — roles (mentions).
fn entity_lines(r: &Report, st: &Style, kind: EntityType) -> Vec<String> {
    r.entities
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| {
            let mut s = e.name.clone();
            if !e.aliases.is_empty() {
                s = format!("{s} · {}", e.aliases.join(" · "));
            }
            if !e.roles.is_empty() {
                s = format!("{s} — {}", e.roles.join("; "));
            }
            let n = e.mentions.len();
            format!(
                "{s} {}",
                st.dim(&format!("({})", plural(n, "mention", "mentions")))
            )
        })
        .collect()
}

/// One line per event: dates the core linked to a more precise one
/// (`same_as`) are listed on that one's line.
fn timeline_lines(r: &Report, st: &Style) -> Vec<String> {
    let mut order: Vec<usize> = (0..r.dates.len())
        .filter(|&i| r.dates[i].same_as.is_none())
        .collect();
    order.sort_by(|&a, &b| {
        let v = |i: usize| r.dates[i].value.as_deref().unwrap_or("9999");
        v(a).cmp(v(b))
    });
    order
        .iter()
        .map(|&i| {
            let d = &r.dates[i];
            let mut texts = vec![d.text.as_str()];
            texts.extend(
                r.dates
                    .iter()
                    .filter(|o| o.same_as == Some(i))
                    .map(|o| o.text.as_str()),
            );
            let when = d.value.as_deref().unwrap_or("?");
            let what = if d.event.is_empty() { "—" } else { &d.event };
            format!(
                "{when:<10}  {what} {}",
                st.dim(&format!("({})", texts.join("; ")))
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_written() {
        for (v, want) in [
            (68.0, "68"),
            (1234567.0, "1,234,567"),
            (0.5, "0.5"),
            (6.25, "6.25"),
            (-3000.0, "-3,000"),
        ] {
            assert_eq!(number(v), want);
        }
    }

    #[test]
    fn one_block_is_not_blocks() {
        assert_eq!(plural(1, "block", "blocks"), "1 block");
        assert_eq!(plural(2, "block", "blocks"), "2 blocks");
        assert_eq!(plural(0, "block", "blocks"), "0 blocks");
    }
}
