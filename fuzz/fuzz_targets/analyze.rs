//! An arbitrary page (structured: tags, hints, paths that may point
//! anywhere, news sentences, copies of earlier blocks, and hostile Unicode)
//! through `dossier::analyze`; every report invariant must hold.
#![no_main]

use dossier_fuzz::{analyze_and_check, FuzzPage};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|p: FuzzPage| {
    analyze_and_check(&p.0);
});
