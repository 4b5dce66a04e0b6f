//! What a rule looks at: the text, its words and its apostrophe, computed once for all
//! the rules.

use crate::settings::RuleSettings;
use glossfix_text::apostrophe::ApostropheStyle;
use glossfix_text::words::words;

/// The text being checked, with what every rule needs of it.
pub struct Context<'a> {
    /// The text being checked.
    pub text: &'a str,
    /// Its words, as `(byte offset, word)`.
    pub tokens: Vec<(usize, &'a str)>,
    /// The apostrophe its repairs use.
    pub style: ApostropheStyle,
    /// The rule settings in force.
    pub settings: &'a RuleSettings,
}

impl<'a> Context<'a> {
    /// The context of `text`.
    pub fn new(text: &'a str, settings: &'a RuleSettings) -> Self {
        Context { text, tokens: words(text).collect(), style: ApostropheStyle::new(text), settings }
    }
}
