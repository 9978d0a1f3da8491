//! `docs/report.d.ts`, the TypeScript declaration of the report, is
//! generated from the Rust types of `src/report.rs` (ts-rs, honouring their
//! serde names): this test fails when the checked-in file differs from what
//! the types say, and `DOSSIER_BLESS=1` writes it anew.
#![cfg(feature = "cli")]

use dossier::lang::Language;
use dossier::report::*;
use ts_rs::{Config, TS};

fn declarations() -> String {
    let cfg = Config::new();
    let decls = [
        Report::decl(&cfg),
        BlockReport::decl(&cfg),
        Stats::decl(&cfg),
        Span::decl(&cfg),
        RepeatKind::decl(&cfg),
        RepeatAction::decl(&cfg),
        RepeatGroup::decl(&cfg),
        EntityType::decl(&cfg),
        Entity::decl(&cfg),
        Language::decl(&cfg),
        DateFact::decl(&cfg),
        Quantity::decl(&cfg),
        Quote::decl(&cfg),
        ArticleReport::decl(&cfg),
    ];
    let mut out = String::from(
        "// The report of Dossier's core (`dossier analyze --json`, `core.analyze`,\n\
         // `analyzePage`), as TypeScript. Generated from src/report.rs by\n\
         // tests/schema.rs (DOSSIER_BLESS=1 cargo test --features cli --test schema);\n\
         // do not edit. docs/report-schema.md says what each field means.\n",
    );
    for d in decls {
        out.push_str("\nexport ");
        out.push_str(d.trim());
        out.push('\n');
    }
    out
}

#[test]
fn the_typescript_declaration_matches_the_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/report.d.ts");
    let want = declarations();
    if std::env::var_os("DOSSIER_BLESS").is_some() {
        std::fs::write(path, &want).unwrap();
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "docs/report.d.ts is not what src/report.rs says: DOSSIER_BLESS=1 cargo test --features cli --test schema, then review the diff"
    );
}
