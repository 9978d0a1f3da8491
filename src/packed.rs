//! The report in the packed form that crosses the WASM boundary
//! (`extension/pack.js` reads it back): see [`PackedReport`].

use crate::report::{Report, Span};

/// Version of the packed report layout (the first number of
/// [`PackedReport::nums`]).
pub const PACKED_REPORT_VERSION: u32 = 5;

/// A report in the packed form `extension/pack.js` (`unpackReport`) turns
/// back into the very object `serde-wasm-bindgen` makes of the [`Report`]:
/// its strings concatenated in `text`, and in `nums` the integers, the
/// counts and each string's length in UTF-16 code units, in this order:
///
/// ```text
/// layout version, report version, str(title),
/// blocks, per block: atom(tag), article | folded << 1 | in_sidebar << 2, str(text)
/// repeats, per group: atom(kind), originals, original..., copies, copy..., atom(action),
///          atom(role), spans, span...
/// entities, per entity: str(name), atom(type), aliases, str(alias)...,
///           roles, str(role)..., mentions, span...
/// published: 0 (null) or 1 then str
/// language: atom(code), atom(source), atom(declared), entities | facts << 1
/// dates, per date: str(text), value: 0 (null) or 1 then str,
///        atom(kind), atom(event), span,
///        same_as (0 = null, else index + 1)
/// quantities, per quantity: str(text), of (0/1), range_to (0/1),
///        atom(unit), approx (0/1), entity (0 = null, else index + 1), span
/// quotes, per quote: str(text), speaker (0 = null, else index + 1),
///        speaker_name: 0 (null) or 1 then str, span
/// stats: blocks, article_blocks, folded, article_words
/// ```
///
/// where `str` is a length (the characters are the next ones in `text`),
/// `span` is block, start, end, and `atom` is an index into the strings
/// that repeat (tags, kinds, units), followed by the string's length
/// the first time an index appears. `floats` holds, in report order, each
/// repeat's similarity, each entity's salience, each quantity's value and
/// then its `of` and `range_to` where present (`f32`s widened to `f64`, as
/// serde-wasm-bindgen widens them).
///
/// Why: building the report's objects from WebAssembly costs a call into
/// JavaScript for every field and a decoded string for every tag (a tenth
/// of the analysis of a median page in V8); from this form JavaScript
/// builds them with object literals and each repeated string once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PackedReport {
    /// The report's strings, in order.
    pub text: String,
    /// Layout version, counts, string lengths and integers.
    pub nums: Vec<u32>,
    /// The report's numbers that are not integers.
    pub floats: Vec<f64>,
}

/// Writes a [`PackedReport`], remembering the atoms it has sent.
struct Packer<'r> {
    out: PackedReport,
    atoms: std::collections::HashMap<&'r str, u32>,
}

impl<'r> Packer<'r> {
    fn num(&mut self, n: u32) {
        self.out.nums.push(n);
    }

    fn str(&mut self, s: &str) {
        self.out.text.push_str(s);
        self.out.nums.push(crate::text::utf16_len(s));
    }

    fn atom(&mut self, s: &'r str) {
        let next = self.atoms.len() as u32;
        let i = *self.atoms.entry(s).or_insert(next);
        self.num(i);
        if i == next {
            self.str(s);
        }
    }

    fn opt_str(&mut self, s: Option<&str>) {
        self.num(s.is_some() as u32);
        if let Some(s) = s {
            self.str(s);
        }
    }

    fn opt_index(&mut self, i: Option<usize>) {
        self.num(i.map_or(0, |i| i as u32 + 1));
    }

    fn span(&mut self, m: &Span) {
        self.out.nums.extend_from_slice(&[m.block, m.start, m.end]);
    }

    fn list(&mut self, items: &[u32]) {
        self.num(items.len() as u32);
        self.out.nums.extend_from_slice(items);
    }
}

impl Report {
    /// The report in its packed form (see [`PackedReport`]).
    pub fn to_packed(&self) -> PackedReport {
        let mut p = Packer {
            out: PackedReport {
                nums: Vec::with_capacity(16 + self.blocks.len() * 3),
                ..PackedReport::default()
            },
            atoms: Default::default(),
        };
        p.num(PACKED_REPORT_VERSION);
        p.num(self.version);
        p.str(&self.title);
        p.num(self.blocks.len() as u32);
        for b in &self.blocks {
            p.atom(&b.tag);
            p.num(b.article as u32 | (b.folded as u32) << 1 | (b.in_sidebar as u32) << 2);
            p.str(&b.text);
        }
        p.num(self.repeats.len() as u32);
        for g in &self.repeats {
            p.atom(g.kind.name());
            p.list(&g.original);
            p.list(&g.copies);
            p.atom(g.action.name());
            p.atom(g.role.name());
            p.num(g.spans.len() as u32);
            for s in &g.spans {
                p.span(s);
            }
            p.out.floats.push(g.similarity.into());
        }
        p.num(self.entities.len() as u32);
        for e in &self.entities {
            p.str(&e.name);
            p.atom(e.kind.name());
            for list in [&e.aliases, &e.roles] {
                p.num(list.len() as u32);
                for s in list {
                    p.str(s);
                }
            }
            p.num(e.mentions.len() as u32);
            for m in &e.mentions {
                p.span(m);
            }
            p.out.floats.push(e.salience.into());
        }
        p.opt_str(self.published.as_deref());
        let l = &self.language;
        p.atom(&l.code);
        p.atom(&l.source);
        p.atom(&l.declared);
        p.num(l.entities as u32 | (l.facts as u32) << 1);
        p.num(self.dates.len() as u32);
        for d in &self.dates {
            p.str(&d.text);
            p.opt_str(d.value.as_deref());
            p.atom(&d.kind);
            p.atom(&d.event);
            p.span(&d.mention);
            p.opt_index(d.same_as);
        }
        p.num(self.quantities.len() as u32);
        for q in &self.quantities {
            p.str(&q.text);
            p.out.floats.push(q.value);
            for v in [q.of, q.range_to] {
                p.num(v.is_some() as u32);
                p.out.floats.extend(v);
            }
            p.atom(&q.unit);
            p.num(q.approx as u32);
            p.opt_index(q.entity);
            p.span(&q.mention);
        }
        p.num(self.quotes.len() as u32);
        for q in &self.quotes {
            p.str(&q.text);
            p.opt_index(q.speaker);
            p.opt_str(q.speaker_name.as_deref());
            p.span(&q.mention);
        }
        let s = &self.stats;
        p.out
            .nums
            .extend_from_slice(&[s.blocks, s.article_blocks, s.folded, s.article_words]);
        p.out
    }
}

#[cfg(test)]
mod tests {
    /// The packed report sends kinds and types by name (`unpackReport`
    /// does not know the enums): the names must be serde's.
    #[test]
    fn packed_names_are_the_serde_names() {
        use crate::report::{EntityType, RepeatAction, RepeatKind};
        let serde_name = |v: serde_json::Value| v.as_str().unwrap().to_string();
        for k in [
            RepeatKind::Exact,
            RepeatKind::Near,
            RepeatKind::Partial,
            RepeatKind::Block,
            RepeatKind::Boilerplate,
            RepeatKind::Decorative,
        ] {
            assert_eq!(k.name(), serde_name(serde_json::to_value(k).unwrap()));
        }
        for a in [RepeatAction::Fold, RepeatAction::Mark] {
            assert_eq!(a.name(), serde_name(serde_json::to_value(a).unwrap()));
        }
        for t in [
            EntityType::Person,
            EntityType::Organization,
            EntityType::Place,
        ] {
            assert_eq!(t.name(), serde_name(serde_json::to_value(t).unwrap()));
        }
    }
}
