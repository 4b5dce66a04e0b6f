//! All integration tests in one binary (one link step): the corpus snapshots, the CLI,
//! the properties, the layout.

mod align_eval;
mod cli;
mod convergence;
mod corpus;
mod generalize;
mod glossaries;
mod glossary_cmd;
mod hostile;
mod jsonl;
mod layout;
mod lsp;
mod properties;
mod review;
mod snapshot;
mod terminal;

use std::path::PathBuf;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The engine over the repository's glossary, named `glossary.toml` in reports.
pub fn engine() -> glossfix::Engine {
    let source = std::fs::read_to_string(root().join("glossary.toml")).unwrap();
    glossfix::load(&source, "glossary.toml").unwrap_or_else(|e| panic!("{e}")).engine
}

/// The engine over the seed articles' glossary (`tests/corpus/glossary.toml`: the default
/// entries and the entries fitted to the five articles), as the snapshot tests use it.
pub fn corpus_engine() -> glossfix::Engine {
    let source = std::fs::read_to_string(root().join("tests/corpus/glossary.toml")).unwrap();
    glossfix::load(&source, "tests/corpus/glossary.toml").unwrap_or_else(|e| panic!("{e}")).engine
}

/// The engine with an empty glossary: the built-in rules alone.
pub fn bare_engine() -> glossfix::Engine {
    glossfix::load("", "empty.toml").unwrap().engine
}

/// `fix` with safe fixes (the repairs of every test text converge).
pub fn fix(engine: &glossfix::Engine, text: &str) -> glossfix::Outcome {
    engine.run(text, &glossfix::Request::default()).unwrap_or_else(|e| panic!("{e}: {text:?}"))
}

/// `Err` naming the first problem unless the applied findings of `outcome` carry edits
/// into `text` (on character boundaries) that, all applied to `text` together, give
/// exactly its output: then every byte outside them is the input's.
pub fn gaps_survive(text: &str, outcome: &glossfix::Outcome) -> Result<(), String> {
    let fixes: Vec<&glossfix::Fix> = outcome.applied().map(|f| f.fix.as_ref().expect("applied")).collect();
    for fix in &fixes {
        for edit in fix.edits() {
            if !text.is_char_boundary(edit.span.start) || !text.is_char_boundary(edit.span.end) {
                return Err(format!("edit {edit:?} is not on character boundaries"));
            }
        }
    }
    let applied = glossfix::apply_fixes(text, &fixes);
    if applied.taken.len() != fixes.len() {
        return Err(format!(
            "{} of {} reported fixes conflict with another",
            fixes.len() - applied.taken.len(),
            fixes.len()
        ));
    }
    if applied.text != outcome.text {
        return Err(format!("the reported fixes give {:?}, fix gave {:?}", applied.text, outcome.text));
    }
    Ok(())
}
