//! glossfix: repair machine-translation artifacts in French news articles against a
//! user-maintained glossary, and check translations against their English source.
//!
//! This crate is the public face of a workspace of focused crates (see the README's
//! Architecture section); it re-exports what a program embedding glossfix needs:
//!
//! ```
//! use glossfix::{Applicability, Request, load};
//!
//! let loaded = load(r#"
//! [[fix]]
//! find = "furthermore tôt"
//! replace = "plus tôt"
//! "#, "inline.toml").unwrap();
//! let outcome = loaded.engine.run("Furthermore tôt cette année, ...", &Request::default()).unwrap();
//! assert_eq!(outcome.text, "Plus tôt cette année, ...");
//! // check and fix are one run: the applied findings are the edits made.
//! assert_eq!(outcome.applied().count(), 1);
//! assert_eq!(outcome.level, Applicability::Safe);
//! ```
//!
//! - [`load()`] parses, compiles and lints a glossary ([`LoadError`] says where it is
//!   wrong); [`default_engine`] is the glossary built into glossfix.
//! - [`Engine::run`] gives every [`Finding`] of a text and the text with its fixes made,
//!   or [`NotConverged`] when repairs keep changing each other.
//! - [`SourceCheck`] adds the checks against an English source, as a
//!   [`FindingSource`] in the [`Request`].
//! - [`report`] renders findings as text lines, JSON lines and unified diffs.
//!
//! The library never prints; the `glossfix` binary parses arguments and prints.
#![warn(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub use glossfix_align::SourceCheck;
pub use glossfix_diagnostics::{
    Applicability, Edit, EntryId, Finding, FindingSource, Fix, Origin, RuleId, apply_edits, apply_fixes,
};
pub use glossfix_engine::{Engine, MAX_PASSES, NotConverged, Outcome, Request};
pub use glossfix_glossary::{CompiledGlossary, Glossary, ParseError};
pub use glossfix_maintain::{LoadError, Loaded, Problem, ProblemKind, Severity, load};
pub use glossfix_report as report;
pub use glossfix_text::Span;
pub use glossfix_text::protect::Markup;

/// The glossary built into glossfix (the repository's `glossary.toml`).
pub const DEFAULT_GLOSSARY: &str = include_str!("../glossary.toml");

/// How the built-in glossary is named in messages.
pub const DEFAULT_GLOSSARY_NAME: &str = "<default glossary>";

/// The engine over the built-in glossary.
///
/// # Panics
/// Never in a released glossfix: the test suite loads the built-in glossary.
pub fn default_engine() -> Engine {
    match load(DEFAULT_GLOSSARY, DEFAULT_GLOSSARY_NAME) {
        Ok(loaded) => loaded.engine,
        Err(e) => panic!("the built-in glossary is refused: {e}"),
    }
}
