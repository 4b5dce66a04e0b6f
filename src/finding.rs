//! Findings: what the matcher and the built-in rules report, and how sure each fix is.

use crate::edit::{Edit, Span};
use serde::Serialize;

/// How safe a fix is to apply without a human looking (ruff's `Applicability`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Certain in context: `fix` applies it.
    Safe,
    /// Probably right, but a human should confirm: `check` shows it, `fix` leaves it
    /// unless asked for unsafe fixes (`fix --unsafe`).
    Unsafe,
}

/// A proposed repair for a [`Finding`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// The edit to make. Its span may be wider than the finding's (a dropped line takes
    /// its line break with it).
    pub edit: Edit,
    /// Whether `fix` applies it.
    pub applicability: Applicability,
}

/// Where a finding came from in the glossary, so a maintainer can find the entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryRef {
    /// 1-based line of the entry in the glossary file.
    pub line: usize,
}

/// One problem found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Where the problem is.
    pub span: Span,
    /// Stable id of the rule or glossary entry kind: `term`, `fix`, `furniture`, or a
    /// built-in rule id such as `broken-sentence`.
    pub rule: &'static str,
    /// Human-readable explanation.
    pub message: String,
    /// The repair, when there is one.
    pub fix: Option<Fix>,
    /// The glossary entry that produced it, for glossary findings.
    pub entry: Option<EntryRef>,
}

impl Finding {
    /// The edit when this finding has a fix that `fix` applies.
    pub fn safe_edit(&self) -> Option<&Edit> {
        self.edit_up_to(Applicability::Safe)
    }

    /// The edit when this finding has a fix at most as unsure as `level`.
    pub fn edit_up_to(&self, level: Applicability) -> Option<&Edit> {
        self.fix.as_ref().filter(|f| f.applicability <= level).map(|f| &f.edit)
    }
}
