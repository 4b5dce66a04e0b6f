//! Settings of the built-in rules, from the glossary's `[rules]` and `[elision]` tables.

use glossfix_diagnostics::RuleId;
use std::collections::{BTreeMap, HashSet};

/// Which rules are on, and the elision rule's extra exceptions.
#[derive(Debug, Clone, Default)]
pub struct RuleSettings {
    /// Rules switched off.
    pub disabled: HashSet<RuleId>,
    /// Extra words before which elision never happens (lower case).
    pub elision_exceptions: HashSet<String>,
}

impl RuleSettings {
    /// Settings from a `[rules]` table (rule -> on) and elision exceptions.
    pub fn new(switches: &BTreeMap<RuleId, bool>, elision_exceptions: &[String]) -> Self {
        RuleSettings {
            disabled: switches.iter().filter(|(_, on)| !**on).map(|(id, _)| *id).collect(),
            elision_exceptions: elision_exceptions.iter().map(|w| w.trim().to_lowercase()).collect(),
        }
    }

    /// True unless `[rules]` switched `rule` off.
    pub fn enabled(&self, rule: RuleId) -> bool {
        !self.disabled.contains(&rule)
    }
}
