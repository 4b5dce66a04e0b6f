//! The English–French pairs a glossary gives: entries with an `en` form. They anchor
//! the alignment, and `check --source` reports a translation that drops one.

use glossfix_diagnostics::EntryId;
use glossfix_glossary::Glossary;

/// A glossary pair: an English form and the French forms that translate it.
#[derive(Debug, Clone)]
pub struct Pair {
    /// The English form, as written in the glossary.
    pub english: String,
    /// The French forms (canonical form and variants, or repair and find).
    pub french: Vec<String>,
    /// The glossary entry.
    pub entry: EntryId,
}

/// The English–French pairs of a glossary (entries with `en`).
pub fn glossary_pairs(glossary: &Glossary) -> Vec<Pair> {
    let mut pairs = Vec::new();
    for (i, term) in glossary.terms.iter().enumerate() {
        if let Some(en) = &term.en {
            let mut french = vec![term.canonical.get_ref().clone()];
            french.extend(term.variants.iter().map(|v| v.get_ref().clone()));
            pairs.push(Pair { english: en.clone(), french, entry: glossary.term_id(i) });
        }
    }
    for (i, fix) in glossary.fixes.iter().enumerate() {
        if let Some(en) = &fix.en {
            pairs.push(Pair {
                english: en.clone(),
                french: vec![fix.replace.clone(), fix.find.get_ref().clone()],
                entry: glossary.fix_id(i),
            });
        }
    }
    pairs
}
