//! glossfix's alignment of a French article with its English source, and the checks of
//! the translation against it. None of it depends on the engine: the checks reach it as
//! a [`FindingSource`](glossfix_diagnostics::FindingSource), [`SourceCheck`].
//!
//! | module | holds |
//! |---|---|
//! | [`pairs`] | the glossary's English–French pairs (entries with `en`) |
//! | [`aligner`] | two-pass banded alignment: length, shape and lexical evidence |
//! | [`evidence`] | tokens, cognates, dictionaries, the chance of a match |
//! | [`search`] | the cost of a group and the banded dynamic programme |
//! | [`formats`] | TSV, JSON and TMX output |
//! | [`quantities`] | amounts read with magnitude, currency and percent, written the French way |
//! | [`source_check`] | omissions, additions, amounts, dropped terms, untranslated sentences |
#![warn(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod aligner;
pub mod evidence;
pub mod formats;
pub mod pairs;
pub mod quantities;
pub mod search;
pub mod source_check;

pub use aligner::{Aligner, Group};
pub use evidence::Dictionary;
pub use pairs::{Pair, glossary_pairs};
pub use source_check::SourceCheck;
