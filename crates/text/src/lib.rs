//! glossfix's text layer, the leaf every other part builds on: byte spans, character
//! classes, words and their boundaries, lines and paragraphs, folding, letter case, the
//! text's apostrophe, French or English context, sentence splitting, and text made
//! ready for one-line reports. Nothing here knows about glossaries, rules or findings.
//!
//! Modules, each using only those listed before it:
//!
//! | module | holds |
//! |---|---|
//! | [`span`] | [`Span`]: half-open byte ranges |
//! | [`chars`] | word characters, hyphens, apostrophes, inline spaces |
//! | [`words`] | word boundaries and neighbouring words on the original text |
//! | [`lines`] | line index (line and column), lines, paragraphs |
//! | [`fold`] | the one folding function and the folded view with its map back |
//! | [`case`] | capitals in patterns, smart case |
//! | [`apostrophe`] | which apostrophe a repair writes |
//! | [`lang`] | French or English context from function words |
//! | [`shared`] | a text's words and language evidence, worked out once per pass |
//! | [`segment`] | sentence splitting, abbreviations, sentence starts |
//! | [`display`] | one-line text, ellipsis, XML escaping |
//! | [`protect`] | what is not prose: code, URLs, paths, options, Markdown code and targets |
#![warn(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod apostrophe;
pub mod case;
pub mod chars;
pub mod display;
pub mod fold;
pub mod hash;
pub mod lang;
pub mod lines;
pub mod memo;
pub mod protect;
pub mod segment;
pub mod shared;
pub mod span;
pub mod words;

pub use span::Span;
