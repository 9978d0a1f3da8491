//! Invariants every [`dossier::Report`] must satisfy, whatever the page.
//!
//! Shared by the fuzz targets (`fuzz/src/lib.rs`) and the native tests
//! (`tests/robustness.rs`, `tests/properties.rs` include this file with
//! `#[path]`), so a fuzz finding and its regression test check the same
//! thing. Depends on `dossier` and `std` only.

#![allow(dead_code)]

use dossier::{Page, Report};

/// For every UTF-16 offset `0..=len` of `text`, whether it is a valid DOM
/// offset: not between the two halves of a surrogate pair.
pub fn utf16_boundaries(text: &str) -> Vec<bool> {
    let mut out = Vec::with_capacity(text.len() + 1);
    for c in text.chars() {
        out.push(true);
        if c.len_utf16() == 2 {
            out.push(false);
        }
    }
    out.push(true);
    out
}

/// Checks that one `[start, end)` range of block `block` is valid, given
/// the blocks' [`utf16_boundaries`].
fn check_range(
    bounds: &[Vec<bool>],
    what: &str,
    block: u32,
    start: u32,
    end: u32,
) -> Result<(), String> {
    let Some(b) = bounds.get(block as usize) else {
        return Err(format!(
            "{what}: block {block} out of range ({} blocks)",
            bounds.len()
        ));
    };
    if start > end {
        return Err(format!(
            "{what}: start {start} > end {end} in block {block}"
        ));
    }
    let len = b.len() - 1;
    if end as usize > len {
        return Err(format!(
            "{what}: end {end} past the UTF-16 length {len} of block {block}"
        ));
    }
    for off in [start, end] {
        if !b[off as usize] {
            return Err(format!(
                "{what}: offset {off} splits a surrogate pair in block {block}"
            ));
        }
    }
    Ok(())
}

/// Every invariant of a report of `page`; the first broken one as an error.
pub fn check(page: &Page, report: &Report) -> Result<(), String> {
    let n = page.blocks.len();
    let nb = n as u32;
    let bounds: Vec<Vec<bool>> = page
        .blocks
        .iter()
        .map(|b| utf16_boundaries(&b.text))
        .collect();
    if report.version != dossier::SCHEMA_VERSION {
        return Err(format!("version {}", report.version));
    }
    if report.blocks.len() != n {
        return Err(format!(
            "{} block reports for {n} blocks",
            report.blocks.len()
        ));
    }
    for (i, b) in report.blocks.iter().enumerate() {
        if b.index as usize != i {
            return Err(format!("block report {i} has index {}", b.index));
        }
        if b.tag != page.blocks[i].tag {
            return Err(format!("block report {i} has tag {:?}", b.tag));
        }
    }
    // Repeats.
    let mut copy_of = vec![false; n];
    for (g, r) in report.repeats.iter().enumerate() {
        let what = format!("repeats[{g}]");
        if r.original.is_empty() || r.copies.is_empty() {
            return Err(format!("{what}: empty original or copies"));
        }
        for &i in r.original.iter().chain(&r.copies) {
            if i >= nb {
                return Err(format!("{what}: block {i} out of range"));
            }
        }
        for &c in &r.copies {
            if r.original.contains(&c) {
                return Err(format!("{what}: block {c} is its own original"));
            }
            copy_of[c as usize] = true;
        }
        if !(r.similarity.is_finite() && (0.0..=1.0).contains(&r.similarity)) {
            return Err(format!("{what}: similarity {}", r.similarity));
        }
        if r.spans.is_empty() {
            return Err(format!("{what}: no spans"));
        }
        for (k, s) in r.spans.iter().enumerate() {
            check_range(
                &bounds,
                &format!("{what}.spans[{k}]"),
                s.block,
                s.start,
                s.end,
            )?;
            if !r.copies.contains(&s.block) {
                return Err(format!(
                    "{what}.spans[{k}]: block {} is not a copy",
                    s.block
                ));
            }
        }
        if r.spans
            .windows(2)
            .any(|w| (w[0].block, w[0].start) > (w[1].block, w[1].start))
        {
            return Err(format!("{what}: spans out of block order: {:?}", r.spans));
        }
    }
    for (i, b) in report.blocks.iter().enumerate() {
        if b.folded && !copy_of[i] {
            return Err(format!("block {i} folded but the copy of no repeat"));
        }
    }
    // Entities.
    let ne = report.entities.len();
    for (e, ent) in report.entities.iter().enumerate() {
        if !(ent.salience.is_finite()) {
            return Err(format!("entities[{e}]: salience {}", ent.salience));
        }
        for (k, m) in ent.mentions.iter().enumerate() {
            check_range(
                &bounds,
                &format!("entities[{e}].mentions[{k}]"),
                m.block,
                m.start,
                m.end,
            )?;
        }
    }
    // Facts.
    for (k, d) in report.dates.iter().enumerate() {
        let m = d.mention;
        check_range(
            &bounds,
            &format!("dates[{k}].mention"),
            m.block,
            m.start,
            m.end,
        )?;
    }
    for (k, q) in report.quantities.iter().enumerate() {
        let m = q.mention;
        check_range(
            &bounds,
            &format!("quantities[{k}].mention"),
            m.block,
            m.start,
            m.end,
        )?;
        if q.entity.is_some_and(|e| e >= ne) {
            return Err(format!(
                "quantities[{k}].entity {:?} out of range",
                q.entity
            ));
        }
    }
    for (k, q) in report.quotes.iter().enumerate() {
        let m = q.mention;
        check_range(
            &bounds,
            &format!("quotes[{k}].mention"),
            m.block,
            m.start,
            m.end,
        )?;
        if q.speaker.is_some_and(|e| e >= ne) {
            return Err(format!("quotes[{k}].speaker {:?} out of range", q.speaker));
        }
    }
    // Stats.
    let s = &report.stats;
    if s.blocks != nb {
        return Err(format!("stats.blocks {} for {n} blocks", s.blocks));
    }
    let article = report.blocks.iter().filter(|b| b.article).count() as u32;
    if s.article_blocks != article {
        return Err(format!(
            "stats.article_blocks {} != {article}",
            s.article_blocks
        ));
    }
    let whole = report.blocks.iter().filter(|b| b.folded).count() as u32;
    if s.folded < whole || s.folded > nb {
        return Err(format!(
            "stats.folded {} ({whole} folded whole, {n} blocks)",
            s.folded
        ));
    }
    Ok(())
}
