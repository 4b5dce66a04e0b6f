//! The glossary: its TOML schema, loading with located errors, validation, and the
//! examples each entry carries.
//!
//! ```toml
//! [[term]]                      # a name and its variants
//! canonical = "Kim Jong-un"
//! variants = ["Kim Jong-Un", "Kim Jong Un"]
//!
//! [[fix]]                       # an artifact and its repair
//! find = "vehicle"
//! replace = "car"
//! note = "spinner: English 'car' (conjunction) came back as 'vehicle'"
//! french = true                 # only among French words
//! before = ["le", "la", "les", "l’"]
//! examples = [{ from = "vehicle le nettoyage", to = "car le nettoyage" }]
//!
//! [[furniture]]                 # page-furniture lines to drop
//! line = "Publicité"
//! ```
//!
//! A glossary that is wrong (bad TOML, an unknown key, an empty `find`, a variant equal to
//! its canonical form, two entries with the same `find` and conditions but different
//! repairs, an example that does not hold) is refused with a [`GlossaryError`] naming the
//! file, line and column.

use crate::lines::LineIndex;
use crate::lint::{self, Problem, Severity};
use crate::matcher::Matcher;
use crate::rules::{self, RuleSettings};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use toml::Spanned;

/// The glossary shipped with glossfix (the repository's `glossary.toml`).
pub const DEFAULT_GLOSSARY: &str = include_str!("../glossary.toml");

/// A glossary that could not be loaded, with the place it went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryError {
    /// The glossary file as given.
    pub path: String,
    /// 1-based line (0 when the file could not be read at all).
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for GlossaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path, self.message)
        } else {
            write!(f, "{}:{}:{}: {}", self.path, self.line, self.column, self.message)
        }
    }
}

impl std::error::Error for GlossaryError {}

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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    #[serde(default)]
    rules: Option<Spanned<BTreeMap<String, bool>>>,
    #[serde(default)]
    elision: ElisionTable,
    #[serde(default)]
    term: Vec<TermEntry>,
    #[serde(default)]
    fix: Vec<FixEntry>,
    #[serde(default)]
    furniture: Vec<FurnitureEntry>,
}

/// A loaded, validated glossary with its compiled matcher.
#[derive(Debug, Clone)]
pub struct Glossary {
    /// The file it came from, as given (or `<default glossary>`).
    pub path: String,
    /// `[[term]]` entries in file order.
    pub terms: Vec<TermEntry>,
    /// `[[fix]]` entries in file order.
    pub fixes: Vec<FixEntry>,
    /// `[[furniture]]` entries in file order.
    pub furniture: Vec<FurnitureEntry>,
    /// The built-in rule settings (`[rules]`, `[elision]`).
    pub rule_settings: RuleSettings,
    /// Lint warnings: the glossary loads, but these entries are dead or risky.
    pub warnings: Vec<Problem>,
    lines: LineIndex,
    source: String,
    matcher: Matcher,
}

impl Glossary {
    /// The glossary compiled into the binary.
    pub fn default_glossary() -> Self {
        Self::from_toml_str(DEFAULT_GLOSSARY, "<default glossary>")
            .expect("the default glossary is checked by the test suite")
    }

    /// Reads and loads the glossary at `path`.
    pub fn load(path: &Path) -> Result<Self, GlossaryError> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| GlossaryError {
            path: shown.clone(),
            line: 0,
            column: 0,
            message: crate::files::describe_io_error(&e),
        })?;
        let text = String::from_utf8(bytes).map_err(|e| GlossaryError {
            path: shown.clone(),
            line: 0,
            column: 0,
            message: format!("not UTF-8 (invalid byte at offset {})", e.utf8_error().valid_up_to()),
        })?;
        Self::from_toml_str(&text, &shown)
    }

    /// Loads a glossary from TOML text; `path` is only used in messages. The glossary is
    /// refused at its first lint error; its lint warnings are kept in
    /// [`Glossary::warnings`].
    pub fn from_toml_str(source: &str, path: &str) -> Result<Self, GlossaryError> {
        let mut glossary = Self::parse(source, path)?;
        let (errors, warnings): (Vec<Problem>, Vec<Problem>) =
            lint::lint(&glossary).into_iter().partition(|p| p.severity == Severity::Error);
        if let Some(first) = errors.into_iter().next() {
            return Err(GlossaryError {
                path: path.to_string(),
                line: first.line,
                column: first.column,
                message: first.message,
            });
        }
        glossary.warnings = warnings;
        Ok(glossary)
    }

    /// Parses and compiles a glossary without judging it (for `glossary lint`, which
    /// reports every problem rather than the first). Only bad TOML, unknown keys and
    /// unknown rule ids fail here.
    pub fn parse(source: &str, path: &str) -> Result<Self, GlossaryError> {
        let lines = LineIndex::new(source);
        let error_at = |offset: usize, message: String| {
            let (line, column) = lines.position(source, offset.min(source.len()));
            GlossaryError { path: path.to_string(), line, column, message }
        };
        let file: GlossaryFile = toml::from_str(source).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            error_at(offset, e.message().trim().replace('\n', " "))
        })?;
        let switches = file.rules.as_ref().map(|r| r.get_ref().clone()).unwrap_or_default();
        if let Some(rules) = &file.rules {
            let known = rules::known_ids();
            if let Some(unknown) = rules.get_ref().keys().find(|id| !known.contains(&id.as_str())) {
                return Err(error_at(
                    rules.span().start,
                    format!("[rules]: unknown rule {unknown:?} (rules: {})", known.join(", ")),
                ));
            }
        }
        let mut glossary = Glossary {
            path: path.to_string(),
            terms: file.term,
            fixes: file.fix,
            furniture: file.furniture,
            rule_settings: RuleSettings::new(&switches, &file.elision.exceptions),
            warnings: Vec::new(),
            lines,
            source: source.to_string(),
            matcher: Matcher::default(),
        };
        glossary.matcher = Matcher::compile(&glossary);
        Ok(glossary)
    }

    /// The TOML text the glossary was loaded from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The compiled matcher.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// 1-based line in the glossary file of a byte offset (as found in a `Spanned` span).
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines.position(&self.source, offset).0
    }

    /// 1-based line and column (in characters) of a byte offset in the glossary file.
    pub fn position_of(&self, offset: usize) -> (usize, usize) {
        self.lines.position(&self.source, offset.min(self.source.len()))
    }
}

/// True when `s` has an upper-case letter: such a pattern matches its exact case only.
pub fn has_upper(s: &str) -> bool {
    s.chars().any(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(toml: &str) -> String {
        Glossary::from_toml_str(toml, "g.toml").unwrap_err().to_string()
    }

    #[test]
    fn refused_glossaries_table() {
        // (glossary, expected error)
        let cases = [
            ("[[fix]\nfind = 'x'", "g.toml:1:7: unclosed array table"),
            ("[[fix]]\nfind = 'x'\nreplace = 'y'\ncolour = 'red'", "g.toml:4:1: unknown field `colour`"),
            ("[[fix]]\nfind = '  '\nreplace = 'y'", "g.toml:2:8: [[fix]] find is empty"),
            (
                "[[term]]\ncanonical = 'Kim Jong-un'\nvariants = ['Kim Jong-un']",
                "g.toml:3:13: [[term]] \"Kim Jong-un\": variant \"Kim Jong-un\" is the canonical form itself",
            ),
            (
                "[[fix]]\nfind = 'kinds'\nreplace = 'types'\n[[fix]]\nfind = 'Kinds'\nreplace = 'sortes'\n[[fix]]\nfind = 'kinds'\nreplace = 'genres'",
                "g.toml:8:8: [[fix]] \"kinds\": the same find at line 2 repairs it to \"types\", here to \"genres\"",
            ),
            (
                "[[fix]]\nfind = 'kinds'\nreplace = 'types'\nexamples = [{ from = 'des kinds', to = 'des sortes' }]",
                "g.toml:4:13: example of \"kinds\" does not hold: \"des kinds\" becomes \"des types\", not \"des sortes\"",
            ),
            (
                "[[fix]]\nfind = 'go'\nreplace = 'go go'",
                "g.toml:2:8: [[fix]] \"go\": its replacement \"go go\" matches it again",
            ),
            ("[[furniture]]\nline = ''", "g.toml:2:8: [[furniture]] line is empty"),
            ("[rules]\nelisions = false", "g.toml:1:1: [rules]: unknown rule \"elisions\""),
            ("[elision]\nexception = ['hasard']", "g.toml:2:1: unknown field `exception`"),
        ];
        for (toml, want) in cases {
            let got = err(toml);
            assert!(got.starts_with(want), "glossary {toml:?}\n got: {got}\nwant: {want}");
        }
    }

    #[test]
    fn same_find_with_different_conditions_is_allowed() {
        let toml = "[[fix]]\nfind = 'significant'\nreplace = 'important'\nafter = ['un']\n\
                    [[fix]]\nfind = 'significant'\nreplace = 'importante'\nafter = ['une']";
        assert!(Glossary::from_toml_str(toml, "g.toml").is_ok());
    }

    #[test]
    fn default_glossary_loads() {
        let g = Glossary::default_glossary();
        assert!(!g.terms.is_empty() && !g.fixes.is_empty() && !g.furniture.is_empty());
    }
}
