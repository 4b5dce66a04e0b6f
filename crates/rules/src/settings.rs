//! Settings of the built-in rules, from the glossary's `[rules]`, `[elision]` and
//! `[spelling]` tables and the words the glossary itself spells.

use glossfix_diagnostics::RuleId;
use glossfix_text::hash::FastSet;
use std::collections::{BTreeMap, HashSet};

/// Which rules are on, and the elision rule's extra exceptions.
#[derive(Debug, Clone, Default)]
pub struct RuleSettings {
    /// Rules switched off.
    pub disabled: HashSet<RuleId>,
    /// Extra words before which elision never happens (lower case).
    pub elision_exceptions: HashSet<String>,
    /// Words the spelling rule accepts (lower case): `[spelling] accept`, a word list
    /// given on the command line, and every word the glossary spells (its terms, their
    /// variants, its finds and replacements).
    pub known_words: FastSet<String>,
}

impl RuleSettings {
    /// Settings from a `[rules]` table (rule -> on) and elision exceptions.
    pub fn new(switches: &BTreeMap<RuleId, bool>, elision_exceptions: &[String]) -> Self {
        RuleSettings {
            disabled: switches.iter().filter(|(_, on)| !**on).map(|(id, _)| *id).collect(),
            elision_exceptions: elision_exceptions.iter().map(|w| w.trim().to_lowercase()).collect(),
            known_words: FastSet::default(),
        }
    }

    /// Adds words the spelling rule accepts: each word of each phrase, lower-cased.
    pub fn accept<'a>(&mut self, phrases: impl IntoIterator<Item = &'a str>) {
        for phrase in phrases {
            for (_, word) in glossfix_text::words::words(phrase) {
                // Most words are lower case already, and many come back (a term's
                // canonical form in each of its variants): no copy made for those.
                if word.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
                    self.known_words.insert(word.to_lowercase());
                } else if !self.known_words.contains(word) {
                    self.known_words.insert(word.to_string());
                }
            }
        }
    }

    /// True unless `[rules]` switched `rule` off.
    pub fn enabled(&self, rule: RuleId) -> bool {
        !self.disabled.contains(&rule)
    }
}
