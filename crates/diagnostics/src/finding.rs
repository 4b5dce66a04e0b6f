//! Findings: what the glossary, the built-in rules and the source checks report.

use crate::fix::{Applicability, Fix};
use crate::rule::RuleId;
use glossfix_text::Span;

/// One entry of the glossary in use, by its place among the entries (terms, then fixes,
/// then furniture, each in file order). The glossary maps it to its kind and line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryId(u32);

impl EntryId {
    /// The entry at `index`.
    pub fn new(index: usize) -> Self {
        EntryId(u32::try_from(index).expect("fewer than 4 billion glossary entries"))
    }

    /// Its index among the glossary's entries.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What produced a finding: its rule, and for glossary findings the entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Origin {
    /// The rule.
    pub rule: RuleId,
    /// The glossary entry, for glossary findings.
    pub entry: Option<EntryId>,
}

/// One problem found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Where the problem is.
    pub span: Span,
    /// What kind of problem it is.
    pub rule: RuleId,
    /// Human-readable explanation.
    pub message: String,
    /// The repair, when there is one. Its edits may reach beyond `span` (a dropped line
    /// takes its line break with it) or stay inside it (an elision rewrites "de " in
    /// "de un").
    pub fix: Option<Fix>,
    /// The glossary entry that produced it, for glossary findings.
    pub entry: Option<EntryId>,
    /// Repairs that later fix passes made on this finding's own repair (a chain: A
    /// becomes B, then B becomes C), merged into its fix.
    pub then: Vec<Origin>,
    /// Other replacements for the fix's span, after the fix's own: an English leak's
    /// further French candidates. Offered by the review and the language server, never
    /// applied by `fix`.
    pub alternatives: Vec<String>,
}

impl Finding {
    /// A finding of `rule` at `span`, without a fix.
    ///
    /// ```
    /// use glossfix_diagnostics::{Edit, Finding, Fix, RuleId};
    /// use glossfix_text::Span;
    /// let f = Finding::new(RuleId::DoubledPeriod, Span::new(3, 5), "two full stops")
    ///     .with_fix(Fix::safe(Edit::delete(Span::new(4, 5))));
    /// assert!(f.safe_fix().is_some());
    /// ```
    pub fn new(rule: RuleId, span: Span, message: impl Into<String>) -> Self {
        Finding {
            span,
            rule,
            message: message.into(),
            fix: None,
            entry: None,
            then: Vec::new(),
            alternatives: Vec::new(),
        }
    }

    /// The same finding with `fix`.
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    /// The same finding with other replacements for its fix's span.
    pub fn with_alternatives(mut self, alternatives: Vec<String>) -> Self {
        self.alternatives = alternatives;
        self
    }

    /// Every replacement offered for the fix's span: the fix's own (when it has one
    /// edit), then the alternatives.
    pub fn candidates(&self) -> Vec<String> {
        let own = self.fix.as_ref().filter(|f| f.edits().len() == 1).map(|f| f.edits()[0].replacement.clone());
        own.into_iter().chain(self.alternatives.iter().cloned()).collect()
    }

    /// The same finding, produced by glossary entry `entry`.
    pub fn with_entry(mut self, entry: EntryId) -> Self {
        self.entry = Some(entry);
        self
    }

    /// What produced it.
    pub fn origin(&self) -> Origin {
        Origin { rule: self.rule, entry: self.entry }
    }

    /// What produced it, then what produced each repair merged into its fix.
    pub fn origins(&self) -> impl Iterator<Item = Origin> + '_ {
        std::iter::once(self.origin()).chain(self.then.iter().copied())
    }

    /// The fix when a run applying fixes up to `level` applies it.
    pub fn fix_at(&self, level: Applicability) -> Option<&Fix> {
        self.fix.as_ref().filter(|f| f.applies_at(level))
    }

    /// The fix when `fix` applies it by default.
    pub fn safe_fix(&self) -> Option<&Fix> {
        self.fix_at(Applicability::Safe)
    }
}
