//! All integration tests in one binary (one link step): the corpus snapshots, the CLI.

mod align_eval;
mod cli;
mod corpus;
mod generalize;
mod glossary_cmd;
mod hostile;
mod properties;

use std::path::PathBuf;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The engine over the repository's glossary.
pub fn engine() -> glossfix::Engine {
    let glossary = glossfix::Glossary::load(&root().join("glossary.toml")).unwrap_or_else(|e| panic!("{e}"));
    glossfix::Engine::new(glossary)
}
