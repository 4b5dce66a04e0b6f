//! What a rule looks at: the text, its words and its apostrophe, computed once for all
//! the rules.

use crate::memory::Memory;
use crate::settings::RuleSettings;
use glossfix_text::apostrophe::ApostropheStyle;
use glossfix_text::lang::LangIndex;
use glossfix_text::shared::Shared;
use std::cell::OnceCell;

/// The text being checked, with what every rule needs of it.
pub struct Context<'a, 's> {
    /// The text being checked.
    pub text: &'s str,
    /// Its words, as `(byte offset, word)`.
    pub tokens: &'a [(usize, &'s str)],
    /// The apostrophe its repairs use, counted at the first question ([`Context::style`]).
    style: OnceCell<ApostropheStyle>,
    /// The rule settings in force.
    pub settings: &'a RuleSettings,
    /// What the rules remember from the run's texts before this one.
    pub memory: &'a Memory,
    /// The words and language evidence of the text, which the caller may share with
    /// others (the engine shares them with the glossary).
    shared: &'a Shared<'s>,
}

impl<'a, 's> Context<'a, 's> {
    /// The context of the text of `shared`, whose words and language evidence are worked
    /// out at the first question (or were already, by another reader), with the run's
    /// `memory`.
    pub fn new(shared: &'a Shared<'s>, settings: &'a RuleSettings, memory: &'a Memory) -> Self {
        Context { text: shared.text(), tokens: shared.words(), style: OnceCell::new(), settings, memory, shared }
    }

    /// The apostrophe style of the text: counted once, when a repair first needs it.
    pub fn style(&self) -> &ApostropheStyle {
        self.style.get_or_init(|| ApostropheStyle::new(self.text))
    }

    /// Whether a spot reads as French or English: built once per text, from its words,
    /// so asking costs the same on a one-line text as on short lines.
    pub fn lang(&self) -> &LangIndex {
        self.shared.lang()
    }
}
