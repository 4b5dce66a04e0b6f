//! What a rule looks at: the text, its words and its apostrophe, computed once for all
//! the rules.

use crate::settings::RuleSettings;
use glossfix_text::apostrophe::ApostropheStyle;
use glossfix_text::lang::LangIndex;
use glossfix_text::shared::Shared;
use std::borrow::Cow;
use std::cell::OnceCell;

/// The text being checked, with what every rule needs of it.
pub struct Context<'a, 's> {
    /// The text being checked.
    pub text: &'s str,
    /// Its words, as `(byte offset, word)`.
    pub tokens: Cow<'a, [(usize, &'s str)]>,
    /// The apostrophe its repairs use, counted at the first question ([`Context::style`]).
    style: OnceCell<ApostropheStyle>,
    /// The rule settings in force.
    pub settings: &'a RuleSettings,
    /// Its language evidence, built at the first question ([`Context::lang`]).
    lang: OnceCell<LangIndex>,
    /// The words and evidence held by the caller, when it shares them (the engine shares
    /// them with the glossary): used in place of `tokens` and `lang`.
    shared: Option<&'a Shared<'s>>,
}

impl<'a, 's> Context<'a, 's> {
    /// The context of `text`.
    pub fn new(text: &'s str, settings: &'a RuleSettings) -> Self {
        let tokens = Cow::Owned(glossfix_text::words::words(text).collect());
        Context { text, tokens, style: OnceCell::new(), settings, lang: OnceCell::new(), shared: None }
    }

    /// The context of the text of `shared`, whose words and language evidence the
    /// caller holds (and may have worked out already).
    pub fn sharing(shared: &'a Shared<'s>, settings: &'a RuleSettings) -> Self {
        let tokens = Cow::Borrowed(shared.words());
        let text = shared.text();
        Context { text, tokens, style: OnceCell::new(), settings, lang: OnceCell::new(), shared: Some(shared) }
    }

    /// The apostrophe style of the text: counted once, when a repair first needs it.
    pub fn style(&self) -> &ApostropheStyle {
        self.style.get_or_init(|| ApostropheStyle::new(self.text))
    }

    /// Whether a spot reads as French or English: built once per text, from its words,
    /// so asking costs the same on a one-line text as on short lines.
    pub fn lang(&self) -> &LangIndex {
        match self.shared {
            Some(shared) => shared.lang(),
            None => self.lang.get_or_init(|| LangIndex::from_words(self.text, self.tokens.iter().copied())),
        }
    }
}
