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

/// The licence of glossfix's own code (the `license` of every crate but the data crates).
pub const CODE_LICENCE: &str = "MIT OR Apache-2.0";

pub use glossfix_lexicon::{DATA_SETS, DataSet};

/// The SPDX expression for this build of glossfix: its code's licence, and the licence
/// of every data set it embeds ([`DATA_SETS`], chosen by Cargo features), joined by
/// `AND` since each applies to its part. The default build gives
/// `(MIT OR Apache-2.0) AND CC-BY-SA-4.0 AND MPL-2.0`; with `--features freedict`,
/// `AND GPL-2.0-or-later` too.
pub fn licence_expression() -> String {
    let built_in: Vec<&str> = DATA_SETS.iter().filter(|d| d.built_in).map(|d| d.licence).collect();
    spdx_and(CODE_LICENCE, &built_in)
}

/// `code AND data…`, with `code` in parentheses when it is an `OR` expression and there
/// is something to join it with.
fn spdx_and(code: &str, data: &[&str]) -> String {
    if data.is_empty() {
        return code.to_string();
    }
    let code = if code.contains(" OR ") { format!("({code})") } else { code.to_string() };
    std::iter::once(code.as_str()).chain(data.iter().copied()).collect::<Vec<_>>().join(" AND ")
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spdx_expressions_for_each_build() {
        let table: &[(&str, &[&str], &str)] = &[
            ("MIT OR Apache-2.0", &[], "MIT OR Apache-2.0"),
            ("MIT OR Apache-2.0", &["CC-BY-SA-4.0"], "(MIT OR Apache-2.0) AND CC-BY-SA-4.0"),
            (
                "MIT OR Apache-2.0",
                &["CC-BY-SA-4.0", "MPL-2.0", "GPL-2.0-or-later"],
                "(MIT OR Apache-2.0) AND CC-BY-SA-4.0 AND MPL-2.0 AND GPL-2.0-or-later",
            ),
            ("MIT", &["MPL-2.0"], "MIT AND MPL-2.0"),
        ];
        for (code, data, expected) in table {
            assert_eq!(spdx_and(code, data), *expected, "{code} + {data:?}");
        }
    }

    #[test]
    fn licence_expression_names_the_gpl_data_exactly_when_built_in() {
        let expression = licence_expression();
        assert_eq!(expression.contains("GPL-2.0-or-later"), cfg!(feature = "freedict"), "{expression}");
        assert_eq!(expression.contains("CC-BY-SA-4.0"), cfg!(feature = "wordfreq"), "{expression}");
        assert_eq!(expression.contains("MPL-2.0"), cfg!(feature = "hunspell-fr"), "{expression}");
        assert!(expression.starts_with("(MIT OR Apache-2.0)") || expression == CODE_LICENCE);
    }
}
