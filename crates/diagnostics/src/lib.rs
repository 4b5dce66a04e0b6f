//! glossfix's diagnostics: the vocabulary every part shares. Typed rule ids with their
//! string ids, findings with constructors, fixes made of one or more edits with how sure
//! they are (ruff's `Fix` and `Applicability`), typed glossary entry ids, applying fixes
//! to a text, and the [`FindingSource`] trait through which the engine runs checks it
//! does not own.
//!
//! | module | holds |
//! |---|---|
//! | [`rule`] | [`RuleId`], the stable ids, and which `[rules]` may switch |
//! | [`fix`] | [`Edit`], [`Fix`], [`Applicability`], [`apply_fixes`] |
//! | [`finding`] | [`Finding`], [`EntryId`], [`Origin`] |
//! | [`source`] | [`FindingSource`] |
#![warn(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod finding;
pub mod fix;
pub mod rule;
pub mod source;

pub use finding::{EntryId, Finding, Origin};
pub use fix::{Applicability, Applied, Edit, Fix, apply_edits, apply_fixes};
pub use rule::{Family, RuleId, UnknownRule};
pub use source::FindingSource;
