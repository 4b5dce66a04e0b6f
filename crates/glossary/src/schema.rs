//! The glossary's TOML schema (serde, `deny_unknown_fields`): what each kind of entry
//! may say. `toml::Spanned` keeps where each key value stands, for located messages.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// A before/after pair an entry promises; checked when the glossary loads.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// Text containing the artifact.
    pub from: String,
    /// The same text once repaired by the whole glossary.
    pub to: String,
}

/// `[[term]]`: a canonical spelling and the variants rewritten to it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermEntry {
    /// The spelling to use.
    pub canonical: Spanned<String>,
    /// Spellings rewritten to `canonical`.
    pub variants: Vec<Spanned<String>>,
    /// Why, for the maintainer and in reports.
    pub note: Option<String>,
    /// Examples checked at load.
    #[serde(default)]
    pub examples: Vec<Spanned<Example>>,
    /// Also report spellings close to this name ("Pyongyanq" for "Pyongyang").
    #[serde(default)]
    pub near_miss: bool,
    /// With `near_miss`: `fix` repairs them too (they are suggestions otherwise).
    #[serde(default)]
    pub near_miss_fix: bool,
    /// Names close to this one that are other people or places ("Kim Jong-il" is not
    /// "Kim Jong-un"): never near misses.
    #[serde(default)]
    pub not: Vec<String>,
    /// The English form ("Sergei Shoigu"): an alignment anchor, and `check --source`
    /// reports a translation that drops the term.
    pub en: Option<String>,
    /// Part of speech of the canonical form (`noun`, `properNoun`...), as TBX carries it.
    pub part_of_speech: Option<String>,
    /// Grammatical gender of the canonical form (`masculine`, `feminine`...), as TBX
    /// carries it.
    pub gender: Option<String>,
}

/// `[elision]`: settings of the elision rule.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElisionTable {
    /// Words before which elision never happens (aspirated h the built-in list lacks).
    #[serde(default)]
    pub exceptions: Vec<String>,
}

/// `[spelling]`: settings of the spelling rule.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpellingTable {
    /// Words the spelling rule accepts though the French dictionary does not know them
    /// (house spellings, product names written in lower case).
    #[serde(default)]
    pub accept: Vec<String>,
}

/// `[[fix]]`: an artifact and its repair, with optional context conditions.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixEntry {
    /// The artifact: one or more words; a space matches any run of white space.
    pub find: Spanned<String>,
    /// The repair (empty deletes the artifact and one adjacent space).
    pub replace: String,
    /// Why, for the maintainer and in reports.
    pub note: Option<String>,
    /// Only where the match sits among French words.
    #[serde(default)]
    pub french: bool,
    /// Only right after one of these words.
    #[serde(default)]
    pub after: Vec<String>,
    /// Only right before one of these words.
    #[serde(default)]
    pub before: Vec<String>,
    /// Never right after one of these words.
    #[serde(default)]
    pub not_after: Vec<String>,
    /// Never right before one of these words.
    #[serde(default)]
    pub not_before: Vec<String>,
    /// Only in a text that also contains one of these phrases somewhere (for repairs
    /// that are right for one person or story: "M. Jenkins" is "Mme Jenkins" in an
    /// article about Bonnie Jenkins).
    #[serde(default)]
    pub in_document: Vec<String>,
    /// The English source word the repair translates ("car" for "car"), an alignment
    /// anchor for `align` and `check --source`.
    pub en: Option<String>,
    /// Other possible repairs, shown in reports (codespell's "wrong->a, b," entries).
    #[serde(default)]
    pub alternatives: Vec<String>,
    /// `false`: `check` reports the repair as a suggestion, `fix` does not apply it.
    #[serde(default = "yes")]
    pub safe: bool,
    /// Examples checked at load.
    #[serde(default)]
    pub examples: Vec<Spanned<Example>>,
}

fn yes() -> bool {
    true
}

impl FixEntry {
    /// True when the entry has no context condition: it fires wherever its `find` is.
    pub fn is_unconditional(&self) -> bool {
        !self.french
            && self.after.is_empty()
            && self.before.is_empty()
            && self.not_after.is_empty()
            && self.not_before.is_empty()
            && self.in_document.is_empty()
    }
}

/// Where a furniture line may stand.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Position {
    /// On any line of the article.
    #[default]
    Anywhere,
    /// Only among the first or last lines (with only blank or furniture lines between it
    /// and the start or end), for lines such as a lone "in" that could be text elsewhere.
    Edges,
}

/// `[[furniture]]`: a whole line of page furniture to drop.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FurnitureEntry {
    /// The line's text (surrounding white space ignored).
    pub line: Spanned<String>,
    /// Where it may stand.
    #[serde(default)]
    pub position: Position,
    /// Why, for the maintainer and in reports.
    pub note: Option<String>,
}

/// A span moved by `by` bytes: an entry of the `k`-th file of a combined glossary is
/// placed after the files before it.
fn moved<T>(spanned: Spanned<T>, by: usize) -> Spanned<T> {
    let span = spanned.span();
    Spanned::new(span.start + by..span.end + by, spanned.into_inner())
}

impl TermEntry {
    /// The entry with its spans moved by `by` bytes.
    pub(crate) fn moved(self, by: usize) -> Self {
        TermEntry {
            canonical: moved(self.canonical, by),
            variants: self.variants.into_iter().map(|v| moved(v, by)).collect(),
            examples: self.examples.into_iter().map(|e| moved(e, by)).collect(),
            ..self
        }
    }
}

impl FixEntry {
    /// The entry with its spans moved by `by` bytes.
    pub(crate) fn moved(self, by: usize) -> Self {
        FixEntry {
            find: moved(self.find, by),
            examples: self.examples.into_iter().map(|e| moved(e, by)).collect(),
            ..self
        }
    }
}

impl FurnitureEntry {
    /// The entry with its spans moved by `by` bytes.
    pub(crate) fn moved(self, by: usize) -> Self {
        FurnitureEntry { line: moved(self.line, by), ..self }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GlossaryFile {
    /// Glossaries this one builds on, loaded before it (paths relative to this file).
    #[serde(default)]
    pub(crate) extends: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) rules: Option<Spanned<BTreeMap<String, bool>>>,
    #[serde(default)]
    pub(crate) elision: ElisionTable,
    #[serde(default)]
    pub(crate) spelling: SpellingTable,
    #[serde(default)]
    pub(crate) term: Vec<TermEntry>,
    #[serde(default)]
    pub(crate) fix: Vec<FixEntry>,
    #[serde(default)]
    pub(crate) furniture: Vec<FurnitureEntry>,
}
