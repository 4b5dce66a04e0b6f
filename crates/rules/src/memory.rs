//! What the rules remember between the texts of a run: answers about a word that depend
//! on the lexicons alone (a word's lexical class, a leak's French candidates, whether any
//! lexicon knows a word, a misspelling's corrections). The articles of a run ask about
//! the same words again and again, and some of these answers compare hundreds of
//! spellings. The memory belongs to whoever runs the rules (the engine keeps one for its
//! life, shared by its threads); it never changes an answer, only when it is worked out.

use crate::lexical::Class;
use glossfix_text::memo::RunMemo;

/// The rules' memory for a run (see the module docs). `Default` is an empty one.
#[derive(Debug, Clone)]
pub struct Memory {
    /// The lexical class of a lower-case word (leaks).
    pub(crate) lexical: RunMemo<Class>,
    /// A leak's French candidates (leaks).
    pub(crate) candidates: RunMemo<Vec<String>>,
    /// Whether no lexicon knows a word (spelling).
    pub(crate) unknown: RunMemo<bool>,
    /// A misspelling's corrections (spelling).
    pub(crate) suggestions: RunMemo<Vec<&'static str>>,
}

impl Default for Memory {
    fn default() -> Self {
        Memory {
            lexical: RunMemo::new(200_000),
            candidates: RunMemo::new(20_000),
            unknown: RunMemo::new(200_000),
            suggestions: RunMemo::new(20_000),
        }
    }
}
