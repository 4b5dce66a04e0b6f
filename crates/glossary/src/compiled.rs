//! The compile step: a parsed [`Glossary`] turned into what searches texts, the pattern
//! automaton, the furniture lines and the name index.

use crate::furniture::FurnitureLines;
use crate::glossary::Glossary;
use crate::matcher::{Matcher, RawMatch};
use crate::names::NameIndex;
use glossfix_diagnostics::Finding;
use glossfix_text::shared::Shared;

/// A glossary compiled for searching. It keeps the [`Glossary`] it came from, so entry
/// ids can be placed in the TOML.
#[derive(Debug, Clone)]
pub struct CompiledGlossary {
    glossary: Glossary,
    matcher: Matcher,
    furniture: FurnitureLines,
    names: NameIndex,
}

impl CompiledGlossary {
    /// Compiles `glossary`. Compiling judges nothing: lint says whether the entries are
    /// safe.
    pub fn compile(glossary: Glossary) -> Self {
        let matcher = Matcher::compile(&glossary);
        let furniture = FurnitureLines::compile(&glossary);
        let names = NameIndex::new(&glossary);
        CompiledGlossary { glossary, matcher, furniture, names }
    }

    /// The glossary it was compiled from.
    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    /// Every glossary finding in `text`, sorted by position: the repairs of terms and
    /// fixes (never overlapping each other), the furniture lines to drop, and, with
    /// `names`, the near-misses of names that ask for it.
    ///
    /// ```
    /// use glossfix_glossary::{CompiledGlossary, Glossary};
    /// let g = Glossary::parse("[[fix]]\nfind = 'furthermore tôt'\nreplace = 'plus tôt'\n", "g.toml").unwrap();
    /// let found = CompiledGlossary::compile(g).find("Furthermore tôt cette année", true);
    /// assert_eq!(found[0].fix.as_ref().unwrap().edits()[0].replacement, "Plus tôt");
    /// ```
    pub fn find(&self, text: &str, names: bool) -> Vec<Finding> {
        self.find_with(&Shared::new(text), names)
    }

    /// [`CompiledGlossary::find`] on the text of `shared`, whose words and language
    /// evidence the caller shares (worked out at the first question, by whichever asks
    /// first: the built-in rules read the same).
    pub fn find_with(&self, shared: &Shared<'_>, names: bool) -> Vec<Finding> {
        let text = shared.text();
        let mut findings = self.matcher.find(shared);
        findings.extend(self.furniture.find(text));
        if names {
            findings.extend(self.names.near_misses(shared));
        }
        findings.sort_by_key(|f| (f.span.start, f.span.end));
        findings
    }

    /// True when a near-miss of a name can be a safe repair (a term says
    /// `near_miss_fix = true`); otherwise near-misses are only ever suggestions.
    pub fn near_misses_repair(&self) -> bool {
        self.names.repairs()
    }

    /// The term variants and fixes whose `find` occurs in `text` as whole words with the
    /// right case, whatever their context conditions say, and would change it (lint's
    /// chain and cycle checks).
    pub fn raw_matches(&self, text: &str) -> Vec<RawMatch> {
        self.matcher.raw_matches(text)
    }
}
