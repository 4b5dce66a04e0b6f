//! glossfix: repair machine-translation artifacts in French news articles
//! against a user-maintained glossary.
//!
//! The library is one pipeline (see `DESIGN` notes in the README):
//!
//! ```text
//! text ─► Engine::check (glossary matcher + built-in rules) ─► Vec<Finding>
//!                                                               │
//!             Engine::fix (safe edits applied in one pass) ◄────┘─► report (text, JSON, diff)
//! ```
//!
//! ```
//! use glossfix::{Engine, Glossary};
//!
//! let glossary = Glossary::from_toml_str(r#"
//! [[fix]]
//! find = "furthermore tôt"
//! replace = "plus tôt"
//! "#, "inline.toml").unwrap();
//! let engine = Engine::new(glossary);
//! let fixed = engine.fix("Furthermore tôt cette année, ...");
//! assert_eq!(fixed.text, "Plus tôt cette année, ...");
//! ```
//!
//! The library never prints; the binary in `src/main.rs` parses arguments and prints.
#![warn(clippy::print_stdout, clippy::print_stderr)]
#![warn(missing_docs)]

pub mod align;
pub mod edit;
pub mod engine;
pub mod exchange;
pub mod files;
pub mod finding;
pub mod fold;
pub mod glossary;
pub mod glossary_file;
pub mod lang;
pub mod lexicon;
pub mod lines;
pub mod lint;
pub mod matcher;
pub mod names;
pub mod report;
pub mod rules;
pub mod segment;
pub mod source_check;
pub mod stats;
pub mod suggest;
pub mod words;

pub use edit::{Edit, Span, apply_edits};
pub use engine::{Engine, FixOutcome};
pub use finding::{Applicability, Finding, Fix};
pub use glossary::{Glossary, GlossaryError};
