//! What the readers of one text in one pass share: its words and its language evidence,
//! each worked out at the first question, by whichever reader asks first (the built-in
//! rules, the glossary's matcher, the name index), and never twice. A pass over the
//! output of another starts from what that one worked out ([`Carried`]): only the words
//! around its edits are split and looked up again.

use crate::lang::LangIndex;
use crate::words::{Edited, rewords, words};
use std::cell::{OnceCell, RefCell};

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
    /// The language evidence of the text before the edits (which holds its words), and
    /// the edits: let go once this text's own evidence is built.
    before: RefCell<Option<(Carried, Vec<Edited>)>>,
    /// For each word, the word of the text before the edits it is a copy of (see
    /// [`rewords`]): let go with `before`.
    from: RefCell<Vec<u32>>,
}

/// The language evidence of a text (which holds where its words are), worked out by a
/// pass, for the pass over the text with edits made ([`Shared::edited`]).
#[derive(Debug, Clone)]
pub struct Carried(LangIndex);

impl<'a> Shared<'a> {
    /// `text`, nothing worked out yet.
    pub fn new(text: &'a str) -> Self {
        Shared {
            text,
            words: OnceCell::new(),
            lang: OnceCell::new(),
            before: RefCell::new(None),
            from: RefCell::new(Vec::new()),
        }
    }

    /// `text`, which is the text `before` was carried from with `edits` made (sorted, not
    /// overlapping): its words are those carried, split again only around the edits, and
    /// the language classes of the words it keeps are not looked up again. The same
    /// answers as [`Shared::new`] (`tests::an_edited_text_answers_as_a_new_one`).
    pub fn edited(text: &'a str, before: Carried, edits: Vec<Edited>) -> Self {
        Shared { before: RefCell::new(Some((before, edits))), ..Shared::new(text) }
    }

    /// The text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Its words, as `(byte offset, word)` ([`words`]).
    pub fn words(&self) -> &[(usize, &'a str)] {
        self.words.get_or_init(|| match &*self.before.borrow() {
            Some((Carried(old), edits)) => {
                let (found, from) = rewords(&old.starts, &old.ends, self.text, edits);
                *self.from.borrow_mut() = from;
                found
            }
            None => words(self.text).collect(),
        })
    }

    /// Its language evidence, built from its words.
    pub fn lang(&self) -> &LangIndex {
        self.lang.get_or_init(|| {
            let words = self.words();
            match self.before.take() {
                Some((Carried(old), _)) => LangIndex::reusing(self.text, words, &self.from.take(), &old),
                None => LangIndex::from_words(self.text, words.iter().copied()),
            }
        })
    }

    /// What a pass over this text with edits made can start from: the language evidence,
    /// if it was worked out (its words are let go), and if its words can be numbered in 32
    /// bits (as [`rewords`] numbers them; a text of four billion words starts afresh).
    pub fn carry(self) -> Option<Carried> {
        self.lang.into_inner().filter(|lang| lang.starts.len() < crate::words::NEW_WORD as usize).map(Carried)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A text worked out from the pass before its edits answers as one worked out
        /// from scratch: the same words, the same language evidence.
        #[test]
        fn an_edited_text_answers_as_a_new_one(
            text in "(le |the |of |de |un |vehicle |Le |The |été |\\n|\\r\\n|, |-|’)*",
            cuts in proptest::collection::vec((0usize..80, 0usize..6, "(le |the |of |x|\\n| )*"), 0..4),
        ) {
            let (edited, new) = crate::words::edits_for_tests(&text, cuts);
            let before = Shared::new(&text);
            before.lang();
            let carried = before.carry().expect("worked out");
            let shared = Shared::edited(&new, carried, edited);
            let fresh = Shared::new(&new);
            proptest::prop_assert_eq!(shared.words(), fresh.words());
            proptest::prop_assert_eq!(shared.lang(), fresh.lang());
        }
    }
}
