//! Extra sources of findings, run by the engine beside the glossary and the built-in
//! rules: the checks against an aligned English source implement it, without the engine
//! knowing about alignment.

use crate::finding::Finding;

/// Something that finds problems in a text the engine is checking or fixing.
///
/// The engine calls it on the text of every fix pass, so findings must be about the text
/// given, with spans into it.
pub trait FindingSource: Send + Sync {
    /// Every finding in `text`.
    fn findings(&self, text: &str) -> Vec<Finding>;

    /// Whether any of its findings may carry a fix. Sources that only report are skipped
    /// when the engine checks its own repairs.
    fn repairs(&self) -> bool {
        true
    }
}
