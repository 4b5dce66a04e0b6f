//! Glossary lint, the third step of `parse → compile → lint`: every problem that makes
//! a glossary unsafe or dead, each with its place in the TOML. Errors refuse the
//! glossary wherever it is loaded; warnings are reported by every command and by
//! `glossfix glossary lint`.
//!
//! | kind | severity | what |
//! |---|---|---|
//! | `syntax` | error | bad TOML, an unknown key or rule id |
//! | `empty` | error | an empty `find`, `canonical`, variant or furniture `line` |
//! | `no-variants` | error | a term without variants |
//! | `variant-is-canonical` | error | a variant equal to its own canonical form, or to another term's |
//! | `conflict` | error | the same `find` (and conditions) with different repairs |
//! | `find-is-replace` | error | a repair equal to its `find` |
//! | `self-repeat` | error | a repair its own `find` matches again (fix would not be idempotent) |
//! | `cycle` | error | repairs that keep changing each other, glossary entries and built-in rules alike |
//! | `example` | error | an example that does not hold |
//! | `duplicate` | warning | the same entry twice |
//! | `chain` | warning | a repair that another entry changes again (A -> B while B -> C) |
//! | `shadowed` | warning | an entry an earlier unconditional one with the same `find` always beats |
//! | `not-nfc` | warning | text not in Unicode NFC |
//! | `spaces` | warning | leading or trailing spaces in a `find`, repair, name or line |

mod convergence;
mod entries;
mod repeats;

use glossfix_engine::Engine;
use glossfix_glossary::{Glossary, ParseError};
use serde::{Serialize, Serializer};
use std::fmt;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The glossary is refused.
    Error,
    /// The glossary loads; the entry is dead or risky.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

macro_rules! problem_kinds {
    ($($variant:ident => $id:literal, $severity:ident;)*) => {
        /// What kind of problem (see the module docs).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ProblemKind {
            $(#[doc = concat!("`", $id, "`")] $variant,)*
        }

        impl ProblemKind {
            /// The stable id: `cycle`, `chain`...
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ProblemKind::$variant => $id,)*
                }
            }

            /// The kind whose stable id is `id`.
            pub fn from_id(id: &str) -> Option<Self> {
                match id {
                    $($id => Some(ProblemKind::$variant),)*
                    _ => None,
                }
            }

            /// How bad a problem of this kind is.
            pub fn severity(self) -> Severity {
                match self {
                    $(ProblemKind::$variant => Severity::$severity,)*
                }
            }
        }
    };
}

problem_kinds! {
    Syntax => "syntax", Error;
    Empty => "empty", Error;
    NoVariants => "no-variants", Error;
    VariantIsCanonical => "variant-is-canonical", Error;
    Conflict => "conflict", Error;
    FindIsReplace => "find-is-replace", Error;
    SelfRepeat => "self-repeat", Error;
    Cycle => "cycle", Error;
    Example => "example", Error;
    Duplicate => "duplicate", Warning;
    Chain => "chain", Warning;
    Shadowed => "shadowed", Warning;
    NotNfc => "not-nfc", Warning;
    Spaces => "spaces", Warning;
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ProblemKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One problem in a glossary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Byte offset in the TOML.
    #[serde(skip)]
    pub offset: usize,
    /// The glossary file it is in.
    #[serde(rename = "path")]
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What kind of problem.
    pub kind: ProblemKind,
    /// What is wrong, naming the entry.
    pub message: String,
}

impl Problem {
    /// The problem of a glossary that does not parse.
    pub fn from_parse_error(e: &ParseError) -> Self {
        Problem {
            offset: 0,
            file: e.origin.clone(),
            line: e.line,
            column: e.column,
            severity: Severity::Error,
            kind: ProblemKind::Syntax,
            message: e.kind.to_string(),
        }
    }
}

impl fmt::Display for Problem {
    /// `line:column: severity[kind]: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}[{}]: {}", self.line, self.column, self.severity, self.kind, self.message)
    }
}

/// Collects problems, placing each by its byte offset.
pub(crate) struct Report<'a> {
    pub(crate) glossary: &'a Glossary,
    pub(crate) problems: Vec<Problem>,
}

impl Report<'_> {
    pub(crate) fn add(&mut self, offset: usize, kind: ProblemKind, message: String) {
        let (line, column) = self.glossary.position_of(offset);
        let file = self.glossary.origin_of(offset).to_string();
        self.problems.push(Problem { offset, file, line, column, severity: kind.severity(), kind, message });
    }
}

/// Every problem of the glossary `engine` runs, sorted by place.
pub fn lint(engine: &Engine) -> Vec<Problem> {
    let mut report = Report { glossary: engine.glossary(), problems: Vec::new() };
    entries::check_text(&mut report);
    entries::check_terms(&mut report);
    entries::check_rewrites(&mut report);
    entries::check_examples(&mut report, engine);
    let looping = repeats::check_repeats(&mut report, engine.compiled());
    convergence::check_convergence(&mut report, engine, &looping);
    report.problems.sort_by_key(|p| (p.offset, p.severity));
    report.problems
}

#[cfg(test)]
mod tests;
