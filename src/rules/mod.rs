//! Built-in checks that need no glossary entry, one file per family, all producing
//! [`Finding`]s with a stable rule id. Every rule is on by default; `[rules]` in the
//! glossary switches any of them off (`broken-sentence = false`).
//!
//! | id | finds | repair |
//! |---|---|---|
//! | `elision` | "de un", "de empêcher", "que il", "si il", "ce est" before a vowel or mute h | safe: "d’un", "d’empêcher", "qu’il", "s’il", "c’est" |
//! | `doubled-period` | "premières.." (two full stops, not an ellipsis) | safe: one full stop |
//! | `stray-brackets` | "(.)" or "()" left in running text | safe: removed |
//! | `space-before-punctuation` | "mot , suite", "mot ." | safe: the space removed |
//! | `doubled-word` | "le le", "de de" (function words); other doubled words | safe for function words; others reported |
//! | `quote-mismatch` | a quotation closed with the wrong mark: “…“ or « …” | safe: the right closing mark |
//! | `unbalanced-quote` | a quotation opened and not closed in its paragraph, or closed and never opened | report only |
//! | `broken-sentence` | a full stop followed by a lower-case word, not after an abbreviation | report only |
//! | `page-furniture` | a short line without sentence punctuation at the top or bottom of an article | report only |
//! | `english-leak` | an English word or phrase among French words | suggestion (French candidates) or report |

use crate::finding::Finding;
use std::collections::{BTreeMap, HashSet};

mod elision;
mod furniture;
mod leaks;
mod punctuation;
mod quotes;
mod sentences;
mod words;

pub use elision::is_sentence_start;
pub use leaks::{Leak, candidates as leak_candidates, find_leaks};

/// Settings of the built-in rules, from the glossary's `[rules]` and `[elision]` tables.
#[derive(Debug, Clone, Default)]
pub struct RuleSettings {
    /// Rule ids switched off.
    pub disabled: HashSet<String>,
    /// Extra words before which elision never happens (lower case).
    pub elision_exceptions: HashSet<String>,
}

impl RuleSettings {
    /// Settings from a `[rules]` table (rule id -> on) and elision exceptions.
    pub fn new(switches: &BTreeMap<String, bool>, elision_exceptions: &[String]) -> Self {
        RuleSettings {
            disabled: switches.iter().filter(|(_, on)| !**on).map(|(id, _)| id.clone()).collect(),
            elision_exceptions: elision_exceptions.iter().map(|w| w.trim().to_lowercase()).collect(),
        }
    }

    /// True unless `[rules]` switched `id` off.
    pub fn enabled(&self, id: &str) -> bool {
        !self.disabled.contains(id)
    }
}

/// What a rule looks at.
pub struct Context<'a> {
    /// The text being checked.
    pub text: &'a str,
    /// Its words, as `(byte offset, word)`, computed once for all the rules.
    pub tokens: Vec<(usize, &'a str)>,
    /// The apostrophe its repairs use, counted once for all the rules.
    pub style: crate::fold::ApostropheStyle,
    /// The rule settings in force.
    pub settings: &'a RuleSettings,
}

impl<'a> Context<'a> {
    /// The context of `text`.
    pub fn new(text: &'a str, settings: &'a RuleSettings) -> Self {
        Context {
            text,
            tokens: crate::words::words(text).collect(),
            style: crate::fold::ApostropheStyle::new(text),
            settings,
        }
    }
}

/// A built-in check: the rule ids it reports under and the check itself.
pub struct Rule {
    /// The ids of the findings it produces (most rules have one).
    pub ids: &'static [&'static str],
    /// One line saying what it finds.
    pub description: &'static str,
    /// Whether it ever makes a safe repair (rules that only report or suggest are
    /// skipped when `fix` verifies its own output).
    pub repairs: bool,
    /// Appends the rule's findings.
    pub check: fn(&Context, &mut Vec<Finding>),
}

/// Every built-in rule, in the order they run.
pub const RULES: &[Rule] = &[
    Rule {
        ids: &["elision"],
        description: "a missing elision before a vowel or mute h",
        repairs: true,
        check: elision::check,
    },
    Rule {
        ids: &["doubled-period"],
        description: "two full stops that are not an ellipsis",
        repairs: true,
        check: punctuation::doubled_period,
    },
    Rule {
        ids: &["stray-brackets"],
        description: "an empty or dot-only bracket pair left in running text",
        repairs: true,
        check: punctuation::stray_brackets,
    },
    Rule {
        ids: &["space-before-punctuation"],
        description: "a space before a comma or a full stop",
        repairs: true,
        check: punctuation::space_before,
    },
    Rule {
        ids: &["doubled-word"],
        description: "the same word twice in a row",
        repairs: true,
        check: words::doubled_word,
    },
    Rule {
        ids: &["quote-mismatch", "unbalanced-quote"],
        description: "quotation marks that do not pair up in a paragraph",
        repairs: true,
        check: quotes::check,
    },
    Rule {
        ids: &["broken-sentence"],
        description: "a full stop followed by a lower-case word",
        repairs: false,
        check: sentences::broken_sentence,
    },
    Rule {
        ids: &["page-furniture"],
        description: "a short navigation-like line at the top or bottom",
        repairs: false,
        check: furniture::check,
    },
    Rule {
        ids: &["english-leak"],
        description: "English words among French words",
        repairs: false,
        check: leaks::check,
    },
];

/// Every rule id, built-in and glossary-based, that `[rules]` may switch.
pub fn known_ids() -> Vec<&'static str> {
    let mut ids: Vec<&str> = RULES.iter().flat_map(|r| r.ids.iter().copied()).collect();
    ids.push("name-variant");
    ids
}

/// Runs every enabled built-in rule over `text`; with `repairs_only`, only the rules
/// that can make a safe repair.
pub fn check_all(text: &str, settings: &RuleSettings, repairs_only: bool) -> Vec<Finding> {
    let context = Context::new(text, settings);
    let mut out = Vec::new();
    for rule in RULES {
        if (rule.repairs || !repairs_only) && rule.ids.iter().any(|id| settings.enabled(id)) {
            (rule.check)(&context, &mut out);
        }
    }
    out.retain(|f| settings.enabled(f.rule));
    out
}

/// Runs one rule function over `text` with default settings (for the rules' own tests).
#[cfg(test)]
pub(crate) fn run(check: fn(&Context, &mut Vec<Finding>), text: &str) -> Vec<Finding> {
    let settings = RuleSettings::default();
    let mut out = Vec::new();
    check(&Context::new(text, &settings), &mut out);
    out
}

/// The text with every safe fix of `findings` applied (for the rules' own tests).
#[cfg(test)]
pub(crate) fn fixed(text: &str, findings: &[Finding]) -> String {
    let edits: Vec<_> = findings.iter().filter_map(|f| f.safe_edit().cloned()).collect();
    crate::edit::apply_edits(text, &edits).text
}
