//! What a rule looks at: the text, its words and its apostrophe, computed once for all
//! the rules.

use crate::settings::RuleSettings;
use glossfix_text::apostrophe::ApostropheStyle;
use glossfix_text::lang::LangIndex;
use glossfix_text::words::words;
use std::cell::OnceCell;

/// The text being checked, with what every rule needs of it.
pub struct Context<'a> {
    /// The text being checked.
    pub text: &'a str,
    /// Its words, as `(byte offset, word)`.
    pub tokens: Vec<(usize, &'a str)>,
    /// The apostrophe its repairs use, counted at the first question ([`Context::style`]).
    style: OnceCell<ApostropheStyle>,
    /// The rule settings in force.
    pub settings: &'a RuleSettings,
    /// Its language evidence, built at the first question ([`Context::lang`]).
    lang: OnceCell<LangIndex>,
    /// The same evidence held by the caller, when it shares it (the engine shares it
    /// with the glossary's matcher): used in place of `lang`.
    shared_lang: Option<&'a OnceCell<LangIndex>>,
}

impl<'a> Context<'a> {
    /// The context of `text`.
    pub fn new(text: &'a str, settings: &'a RuleSettings) -> Self {
        let tokens = words(text).collect();
        Context { text, tokens, style: OnceCell::new(), settings, lang: OnceCell::new(), shared_lang: None }
    }

    /// The context of `text`, whose language evidence the caller holds (and may have
    /// built already).
    pub fn sharing(text: &'a str, settings: &'a RuleSettings, lang: &'a OnceCell<LangIndex>) -> Self {
        Context { shared_lang: Some(lang), ..Context::new(text, settings) }
    }

    /// The apostrophe style of the text: counted once, when a repair first needs it.
    pub fn style(&self) -> &ApostropheStyle {
        self.style.get_or_init(|| ApostropheStyle::new(self.text))
    }

    /// Whether a spot reads as French or English: built once per text, from its words,
    /// so asking costs the same on a one-line text as on short lines.
    pub fn lang(&self) -> &LangIndex {
        let build = || LangIndex::from_words(self.text, self.tokens.iter().copied());
        self.shared_lang.unwrap_or(&self.lang).get_or_init(build)
    }
}
