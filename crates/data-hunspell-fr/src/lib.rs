//! The French Hunspell dictionary glossfix embeds: Dicollecte's "toutes variantes"
//! dictionary (the classic spellings and those of the 1990 reform, "évènement" and
//! "événement", "apparaitre" and "apparaître"), version 7.0, as Debian's
//! `hunspell-fr-comprehensive` 1:7.0-1 ships it (data licence
//! MPL-2.0; see `DATA.md` beside this crate for the source and attribution).
//!
//! [`AFFIX`] is the affix file (`fr.aff`) and [`DICTIONARY`] the word list (`fr.dic`),
//! unchanged. Every word carries its morphology (`média/S.() po:nom is:mas`).
//!
//! [`FORMS`] and [`ENTRIES`] are built from those two by `scripts/build-french-tables.sh`
//! (finite-state automata of the `fst` crate): every word form the dictionary accepts, and
//! each lemma's morphology. glossfix reads these two in place; the text files are what
//! they are built and tested from.
#![no_std]
#![warn(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

/// The affix file, `fr.aff`.
pub const AFFIX: &str = include_str!("../fr.aff");

/// The dictionary, `fr.dic`: a count line, then one entry per line.
pub const DICTIONARY: &str = include_str!("../fr.dic");

/// Every word form the dictionary accepts, as an `fst` set.
pub const FORMS: &[u8] = include_bytes!("../forms.fst");

/// Each lemma's noun, adjective and verb entries, packed in a `u64`, as an `fst` map.
pub const ENTRIES: &[u8] = include_bytes!("../entries.fst");
