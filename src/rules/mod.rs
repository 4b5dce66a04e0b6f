//! Built-in checks that need no glossary entry, one file each, all producing
//! [`Finding`]s. Each rule has a stable id.
//!
//! | id | what it finds | fix |
//! |---|---|---|
//! | `doubled-period` | "premières.." (two full stops, not an ellipsis) | safe: one full stop |
//! | `stray-brackets` | "(.)" or "()" left in running text | safe: removed |
//! | `quote-mismatch` | a quotation closed with the wrong mark: “…“ or « …” | safe: the right closing mark |
//! | `unbalanced-quote` | a quotation opened and not closed in its paragraph, or closed and never opened | report only |
//! | `broken-sentence` | a full stop followed by a lower-case word, not after an abbreviation | report only |

use crate::finding::Finding;

mod punctuation;
mod quotes;
mod sentences;

/// A built-in rule: its id, what it checks, and the check itself.
pub struct Rule {
    /// Stable id, used in reports.
    pub id: &'static str,
    /// One line saying what it finds.
    pub description: &'static str,
    /// Appends the rule's findings on `text`.
    pub check: fn(&str, &mut Vec<Finding>),
}

/// Every built-in rule, in the order they run.
pub const RULES: &[Rule] = &[
    Rule {
        id: "doubled-period",
        description: "two full stops that are not an ellipsis",
        check: punctuation::doubled_period,
    },
    Rule {
        id: "stray-brackets",
        description: "an empty or dot-only bracket pair left in running text",
        check: punctuation::stray_brackets,
    },
    Rule { id: "quote-mismatch", description: "a quotation closed with the wrong mark", check: quotes::check },
    Rule {
        id: "broken-sentence",
        description: "a full stop followed by a lower-case word",
        check: sentences::broken_sentence,
    },
];

/// Runs every built-in rule over `text`.
pub fn check_all(text: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    for rule in RULES {
        (rule.check)(text, &mut out);
    }
    out
}
