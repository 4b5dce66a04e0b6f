//! The wordfreq 3.1.1 word list glossfix embeds (data licence CC-BY-SA 4.0; see
//! `DATA.md` beside this crate for the source and attribution).
//!
//! One line per word: `word \t French Zipf×10 \t English Zipf×10`, lower case, NFC.
//! Lines starting with `#` are comments. `scripts/build-data.py` regenerates the file.
#![no_std]
#![warn(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

/// The embedded word list.
pub const WORD_FREQUENCIES: &str = include_str!("../lexicon.tsv");

include!(concat!(env!("OUT_DIR"), "/words.rs"));
