//! glossfix's engine: one pipeline from a text to its findings and its repaired form.
//!
//! ```text
//! text ─► glossary (patterns, furniture, names) ┐
//!      ├► built-in rules                        ├► findings ─► fixes applied ─► the engine's
//!      └► extra sources (FindingSource)         ┘      ▲          own output checked again,
//!                                                      └── until nothing is left to repair
//! ```
//!
//! The engine knows nothing of alignment: checks against an English source come in as a
//! [`FindingSource`](glossfix_diagnostics::FindingSource) in the [`Request`].
//!
//! | module | holds |
//! |---|---|
//! | [`engine`] | [`Engine`], [`Request`], [`Outcome`], [`NotConverged`] and the pass loop |
//! | `compose` | later passes' repairs reported against the input |
#![warn(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

mod compose;
pub mod engine;

pub use engine::{Engine, MAX_PASSES, NotConverged, Outcome, Request};
