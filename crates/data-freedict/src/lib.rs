//! The FreeDict English → French translations glossfix embeds (GPL-2.0-or-later; see
//! `DATA.md` beside this crate for the source).
//!
//! One line per English word: `english \t french|french|…`. Lines starting with `#` are
//! comments. `scripts/build-data.py` regenerates the file.
#![no_std]
#![warn(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

/// The embedded translations.
pub const TRANSLATIONS: &str = include_str!("../en-fr.tsv");

include!(concat!(env!("OUT_DIR"), "/translations.rs"));
