//! glossfix's alignment of a French article with its English source, and the checks of
//! the translation against it. None of it depends on the engine: the checks reach it as
//! a [`FindingSource`](glossfix_diagnostics::FindingSource), [`SourceCheck`].
//!
//! | module | holds |
//! |---|---|
//! | [`pairs`] | the glossary's English–French pairs (entries with `en`) |
//! | [`aligner`] | banded Gale–Church alignment with anchors |
//! | [`formats`] | TSV, JSON and TMX output |
//! | [`quantities`] | amounts read with magnitude, currency and percent, written the French way |
//! | [`source_check`] | omissions, additions, amounts, dropped terms, untranslated sentences |
#![warn(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod aligner;
pub mod formats;
pub mod pairs;
pub mod quantities;
pub mod source_check;

pub use aligner::{Aligner, Group};
pub use pairs::{Pair, glossary_pairs};
pub use source_check::SourceCheck;
