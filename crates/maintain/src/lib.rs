//! glossfix's glossary maintenance: lint (the third step of `parse → compile → lint`),
//! loading a glossary through the whole pipeline, and the maintainer's tools.
//!
//! | module | holds |
//! |---|---|
//! | [`mod@lint`] | every problem of a glossary, typed, placed, with its severity |
//! | [`mod@load`] | `parse → compile → lint`, refusing a glossary with errors |
//! | [`edit`] | `glossary fmt`, `add`, `add-term` on the TOML text, comments kept |
//! | [`stats`] | how often each entry fires over a corpus |
//! | [`exchange`] | TSV, CSV, TBX and codespell import and export |
//! | [`suggest`] | glossary entries proposed from a corpus |
#![warn(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod edit;
pub mod exchange;
pub mod lint;
pub mod load;
pub mod stats;
pub mod suggest;

pub use lint::{Problem, ProblemKind, Severity, lint};
pub use load::{LoadError, Loaded, load};
