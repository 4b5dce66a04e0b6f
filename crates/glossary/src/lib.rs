//! glossfix's glossary, in the first two steps of its `parse → compile → lint` pipeline:
//! the TOML schema and parsing with located errors ([`Glossary`]), then compiling it
//! for searching ([`CompiledGlossary`]). Lint, the third step, needs the whole engine and
//! lives above it (`glossfix-maintain`).
//!
//! ```toml
//! [[term]]                      # a name and its variants
//! canonical = "Kim Jong-un"
//! variants = ["Kim Jong-Un", "Kim Jong Un"]
//!
//! [[fix]]                       # an artifact and its repair
//! find = "vehicle"
//! replace = "car"
//! french = true                 # only among French words
//! before = ["le", "la", "les", "l’"]
//!
//! [[furniture]]                 # page-furniture lines to drop
//! line = "Publicité"
//! ```
//!
//! | module | holds |
//! |---|---|
//! | [`schema`] | the serde types of each kind of entry |
//! | [`glossary`] | [`Glossary`]: entries with typed ids and their places, [`ParseError`] |
//! | `matcher` | the pattern automaton: whole words, smart case, conditions |
//! | `furniture` | furniture lines to drop |
//! | [`names`] | near-misses of names: folding, a deletion index |
//! | [`compiled`] | [`CompiledGlossary`], bundling the three |
#![warn(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod compiled;
mod furniture;
pub mod glossary;
mod matcher;
pub mod names;
pub mod schema;

pub use compiled::CompiledGlossary;
pub use glossary::{Entry, EntryKind, Glossary, ParseError, ParseErrorKind};
pub use matcher::RawMatch;
pub use schema::{ElisionTable, Example, FixEntry, FurnitureEntry, Position, SpellingTable, TermEntry};

#[cfg(test)]
mod tests;
