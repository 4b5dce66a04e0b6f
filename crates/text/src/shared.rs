//! What the readers of one text in one pass share: its words and its language evidence,
//! each worked out at the first question, by whichever reader asks first (the built-in
//! rules, the glossary's matcher, the name index), and never twice.

use crate::lang::LangIndex;
use crate::words::words;
use std::cell::OnceCell;

/// A text with its words and its language evidence, worked out once.
///
/// ```
/// use glossfix_text::shared::Shared;
/// use glossfix_text::lang::LangIndex;
/// let text = "Il dit que le chat de la voisine dort sur le canapé.";
/// let shared = Shared::new(text);
/// assert_eq!(shared.words().len(), 12);
/// let at = text.find("chat").unwrap();
/// assert_eq!(shared.lang().is_french(at, at + 4), LangIndex::new(text).is_french(at, at + 4));
/// assert!(shared.lang().is_french(at, at + 4));
/// ```
#[derive(Debug)]
pub struct Shared<'a> {
    text: &'a str,
    words: OnceCell<Vec<(usize, &'a str)>>,
    lang: OnceCell<LangIndex>,
}

impl<'a> Shared<'a> {
    /// `text`, nothing worked out yet.
    pub fn new(text: &'a str) -> Self {
        Shared { text, words: OnceCell::new(), lang: OnceCell::new() }
    }

    /// The text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Its words, as `(byte offset, word)` ([`words`]).
    pub fn words(&self) -> &[(usize, &'a str)] {
        self.words.get_or_init(|| words(self.text).collect())
    }

    /// Its language evidence, built from its words.
    pub fn lang(&self) -> &LangIndex {
        self.lang.get_or_init(|| LangIndex::from_words(self.text, self.words().iter().copied()))
    }
}
