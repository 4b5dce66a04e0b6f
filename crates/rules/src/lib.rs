//! glossfix's built-in rules: checks that need no glossary entry, one module per family,
//! each producing [`Finding`]s under a typed [`RuleId`]. Every rule is on by default;
//! the glossary's `[rules]` table switches any of them off (`broken-sentence = false`).
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
//! | `agreement` | a determiner or adjective of the other gender than its noun ("le commande", "Le média japonaise") | suggestion (the agreed form) |
//! | `capitalisation` | a nationality or language word with a capital after a noun or "en" ("le mot Japonais", "en Anglais"); a name in lower case that the text capitalises elsewhere ("debian") | suggestion |
//! | `spelling` | a word the French dictionary does not know, one edit from French words ("devraien") | safe for a truncation with one reading ("devraient"); otherwise a suggestion |
#![warn(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

mod agreement;
mod capitals;
pub mod context;
mod doubled;
mod elision;
mod furniture;
pub mod leaks;
mod lexical;
pub mod memory;
mod naming;
mod punctuation;
mod quotes;
mod sentences;
pub mod settings;
mod spelling;

pub use context::Context;
use glossfix_diagnostics::{Finding, RuleId};
pub use memory::Memory;
pub use settings::RuleSettings;

/// A built-in check: the rule ids it reports under and the check itself.
pub struct Rule {
    /// The ids of the findings it produces (most rules have one).
    pub ids: &'static [RuleId],
    /// One line saying what it finds.
    pub description: &'static str,
    /// Whether it ever makes a safe repair (rules that only report or suggest are
    /// skipped when the engine checks its own repairs).
    pub repairs: bool,
    /// Appends the rule's findings.
    pub check: fn(&Context, &mut Vec<Finding>),
}

/// Every built-in rule, in the order they run.
pub const RULES: &[Rule] = &[
    Rule {
        ids: &[RuleId::Elision],
        description: "a missing elision before a vowel or mute h",
        repairs: true,
        check: elision::check,
    },
    Rule {
        ids: &[RuleId::DoubledPeriod],
        description: "two full stops that are not an ellipsis",
        repairs: true,
        check: punctuation::doubled_period,
    },
    Rule {
        ids: &[RuleId::StrayBrackets],
        description: "an empty or dot-only bracket pair left in running text",
        repairs: true,
        check: punctuation::stray_brackets,
    },
    Rule {
        ids: &[RuleId::SpaceBeforePunctuation],
        description: "a space before a comma or a full stop",
        repairs: true,
        check: punctuation::space_before,
    },
    Rule {
        ids: &[RuleId::DoubledWord],
        description: "the same word twice in a row",
        repairs: true,
        check: doubled::doubled_word,
    },
    Rule {
        ids: &[RuleId::QuoteMismatch, RuleId::UnbalancedQuote],
        description: "quotation marks that do not pair up in a paragraph",
        repairs: true,
        check: quotes::check,
    },
    Rule {
        ids: &[RuleId::BrokenSentence],
        description: "a full stop followed by a lower-case word",
        repairs: false,
        check: sentences::broken_sentence,
    },
    Rule {
        ids: &[RuleId::PageFurniture],
        description: "a short navigation-like line at the top or bottom",
        repairs: false,
        check: furniture::check,
    },
    Rule {
        ids: &[RuleId::Agreement],
        description: "a determiner or an adjective of the other gender than its noun",
        repairs: false,
        check: agreement::check,
    },
    Rule {
        ids: &[RuleId::Capitalisation],
        description: "a capital French does not use, or a name written in lower case",
        repairs: false,
        check: capitals::check,
    },
    Rule {
        ids: &[RuleId::Spelling],
        description: "a word the French dictionary does not know, one edit from one it knows",
        repairs: true,
        check: spelling::check,
    },
    Rule {
        ids: &[RuleId::EnglishLeak],
        description: "English words among French words",
        repairs: false,
        check: leaks::check,
    },
];

/// Which rules a run asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every enabled rule.
    All,
    /// Only the enabled rules that can make a safe repair: what the engine needs when it
    /// checks its own repairs.
    Repairs,
}

/// Runs every enabled built-in rule of `scope` over `text`.
pub fn check_all(text: &str, settings: &RuleSettings, scope: Scope) -> Vec<Finding> {
    check_all_sharing(&glossfix_text::shared::Shared::new(text), settings, &Memory::default(), scope)
}

/// [`check_all`] on the text of `shared`, whose words and language evidence the caller
/// shares with the glossary (worked out once for both, by whichever asks first), with
/// the caller's `memory` of the run's texts before it.
pub fn check_all_sharing(
    shared: &glossfix_text::shared::Shared<'_>,
    settings: &RuleSettings,
    memory: &Memory,
    scope: Scope,
) -> Vec<Finding> {
    let mut running = RULES
        .iter()
        .filter(|rule| (rule.repairs || scope == Scope::All) && rule.ids.iter().any(|&id| settings.enabled(id)));
    let mut out = Vec::new();
    // With every rule off, the text is not even split into words.
    let Some(first) = running.next() else { return out };
    let context = Context::new(shared, settings, memory);
    for rule in std::iter::once(first).chain(running) {
        (rule.check)(&context, &mut out);
    }
    // The caller's glossary asks for the language evidence next, nearly always: built
    // now from the words already split, it costs a third of building it from the text.
    context.lang();
    out.retain(|f| settings.enabled(f.rule));
    out
}

/// Runs one rule function over `text` with default settings (for the rules' own tests).
#[cfg(test)]
pub(crate) fn run(check: fn(&Context, &mut Vec<Finding>), text: &str) -> Vec<Finding> {
    let settings = RuleSettings::default();
    let mut out = Vec::new();
    check(&Context::new(&glossfix_text::shared::Shared::new(text), &settings, &Memory::default()), &mut out);
    out
}

/// The text with every safe fix of `findings` applied (for the rules' own tests).
#[cfg(test)]
pub(crate) fn fixed(text: &str, findings: &[Finding]) -> String {
    let fixes: Vec<_> = findings.iter().filter_map(|f| f.safe_fix()).collect();
    glossfix_diagnostics::apply_fixes(text, &fixes).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_rule_id_has_a_rule() {
        for rule in RuleId::ALL.iter().filter(|r| r.family() == glossfix_diagnostics::Family::BuiltIn) {
            assert!(RULES.iter().any(|r| r.ids.contains(rule)), "{rule} has no rule");
        }
    }
}
