//! Rule ids: every kind of finding glossfix reports, typed, with the stable string id
//! that output and the glossary's `[rules]` table use.

use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Where a rule's findings come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// A glossary entry, or a near-miss of a glossary name.
    Glossary,
    /// A built-in rule that needs no glossary entry.
    BuiltIn,
    /// A check against the aligned English source (`--source`).
    Source,
}

macro_rules! rule_ids {
    ($($variant:ident => $id:literal, $family:ident, $doc:literal;)*) => {
        /// The kind of a finding.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId {
            $(#[doc = $doc] $variant,)*
        }

        impl RuleId {
            /// Every rule id, in this order: glossary, built-in rules, source checks.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant,)*];

            /// The stable string id (`"elision"`, `"term"`...).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $id,)*
                }
            }

            /// Where its findings come from.
            pub const fn family(self) -> Family {
                match self {
                    $(RuleId::$variant => Family::$family,)*
                }
            }
        }
    };
}

rule_ids! {
    Term => "term", Glossary, "A `[[term]]` variant rewritten to its canonical form.";
    Fix => "fix", Glossary, "A `[[fix]]` entry's artifact and its repair.";
    Furniture => "furniture", Glossary, "A `[[furniture]]` line dropped.";
    NameVariant => "name-variant", Glossary, "A spelling a typo or two from a glossary name (`near_miss`).";
    Elision => "elision", BuiltIn, "A missing elision: \"de un\" for \"d’un\".";
    DoubledPeriod => "doubled-period", BuiltIn, "Two full stops that are not an ellipsis.";
    StrayBrackets => "stray-brackets", BuiltIn, "An empty or dot-only bracket pair left in running text.";
    SpaceBeforePunctuation => "space-before-punctuation", BuiltIn, "A space before a comma or a full stop.";
    DoubledWord => "doubled-word", BuiltIn, "The same word twice in a row.";
    QuoteMismatch => "quote-mismatch", BuiltIn, "A quotation closed with the wrong mark.";
    UnbalancedQuote => "unbalanced-quote", BuiltIn, "A quotation opened and not closed, or closed and never opened.";
    BrokenSentence => "broken-sentence", BuiltIn, "A full stop followed by a lower-case word.";
    PageFurniture => "page-furniture", BuiltIn, "A short navigation-like line at the top or bottom of an article.";
    EnglishLeak => "english-leak", BuiltIn, "English words among French words.";
    Capitalisation => "capitalisation", BuiltIn, "A capital French does not use, or a name written in lower case.";
    Agreement => "agreement", BuiltIn, "A determiner or an adjective of the other gender than its noun.";
    Spelling => "spelling", BuiltIn, "A word the French dictionary does not know, one edit from one it knows.";
    Omission => "omission", Source, "A source sentence with no translation.";
    Addition => "addition", Source, "A translated sentence with no source.";
    NumberMismatch => "number-mismatch", Source, "An amount that differs from the source's.";
    TermMissing => "term-missing", Source, "A glossary term the source has and the translation lacks.";
    Untranslated => "untranslated", Source, "A sentence left mostly in English.";
}

impl RuleId {
    /// True for the rules the glossary's `[rules]` table may switch off: the built-in
    /// rules and `name-variant`.
    pub fn is_switchable(self) -> bool {
        self.family() == Family::BuiltIn || self == RuleId::NameVariant
    }

    /// The ids `[rules]` may switch, for messages.
    pub fn switchable() -> impl Iterator<Item = RuleId> {
        Self::ALL.iter().copied().filter(|r| r.is_switchable())
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A string that names no rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownRule(pub String);

impl fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown rule {:?}", self.0)
    }
}

impl std::error::Error for UnknownRule {}

impl FromStr for RuleId {
    type Err = UnknownRule;

    /// ```
    /// use glossfix_diagnostics::RuleId;
    /// assert_eq!("elision".parse::<RuleId>(), Ok(RuleId::Elision));
    /// assert!("elisions".parse::<RuleId>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RuleId::ALL.iter().copied().find(|r| r.as_str() == s).ok_or_else(|| UnknownRule(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_unique() {
        for rule in RuleId::ALL {
            assert_eq!(rule.as_str().parse::<RuleId>(), Ok(*rule));
        }
        let mut ids: Vec<&str> = RuleId::ALL.iter().map(|r| r.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), RuleId::ALL.len());
    }

    #[test]
    fn switchable_rules() {
        // (rule, switchable)
        let cases = [
            (RuleId::Elision, true),
            (RuleId::EnglishLeak, true),
            (RuleId::NameVariant, true),
            (RuleId::Term, false),
            (RuleId::Fix, false),
            (RuleId::Omission, false),
        ];
        for (rule, want) in cases {
            assert_eq!(rule.is_switchable(), want, "{rule}");
        }
    }
}
