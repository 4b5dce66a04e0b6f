//! Loading a glossary: the whole `parse → compile → lint` pipeline, refusing a glossary
//! with any lint error before a text is read.

use crate::lint::{Problem, Severity, lint};
use glossfix_engine::Engine;
use glossfix_glossary::{CompiledGlossary, Glossary, ParseError};
use std::fmt;

/// A glossary that loaded: the engine running it, and its lint warnings (it loads, but
/// these entries are dead or risky).
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The engine over the glossary and the built-in rules.
    pub engine: Engine,
    /// Lint warnings, sorted by place.
    pub warnings: Vec<Problem>,
}

/// A glossary that was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// It does not parse (bad TOML, an unknown key or rule id): every such error, in
    /// file order (at least one).
    Parse(Vec<ParseError>),
    /// It parses, but lint found errors.
    Refused {
        /// The glossary file as given.
        origin: String,
        /// Every error, sorted by place (at least one).
        errors: Vec<Problem>,
    },
}

impl LoadError {
    /// Every problem, one line each: `origin:line:column: message`.
    pub fn lines(&self) -> Vec<String> {
        match self {
            LoadError::Parse(errors) => errors.iter().map(ToString::to_string).collect(),
            LoadError::Refused { errors, .. } => {
                errors.iter().map(|p| format!("{}:{}:{}: {}", p.file, p.line, p.column, p.message)).collect()
            }
        }
    }
}

impl fmt::Display for LoadError {
    /// The first problem, and how many more there are.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines = self.lines();
        write!(f, "{}", lines[0])?;
        if lines.len() > 1 {
            write!(f, " (and {} more error{})", lines.len() - 1, if lines.len() == 2 { "" } else { "s" })?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// Parses, compiles and lints the glossary in `source` (`origin` names it in messages).
///
/// ```
/// use glossfix_maintain::load;
/// let loaded = load("[[fix]]\nfind = 'vehicle'\nreplace = 'car'\n", "g.toml").unwrap();
/// assert!(loaded.warnings.is_empty());
/// let refused = load("[[fix]]\nfind = 'go'\nreplace = 'go go'\n", "g.toml").unwrap_err();
/// assert!(refused.to_string().starts_with("g.toml:2:8: [[fix]] \"go\": its replacement"));
/// ```
pub fn load(source: &str, origin: &str) -> Result<Loaded, LoadError> {
    load_all(&[(source.to_string(), origin.to_string())])
}

/// Loads several glossary files as one (see `Glossary::combine`): `parts` are (TOML text,
/// origin) in order, a base before what builds on it. Every file's syntax errors are
/// reported; lint runs on the combination, so a repair in one file that another undoes
/// is found, and each problem names its own file.
///
/// ```
/// use glossfix_maintain::load::load_all;
/// let base = ("[[fix]]\nfind = 'vehicle'\nreplace = 'car'\n".to_string(), "base.toml".to_string());
/// let desk = ("[[fix]]\nfind = 'car'\nreplace = 'vehicle'\n".to_string(), "desk.toml".to_string());
/// let refused = load_all(&[base, desk]).unwrap_err();
/// assert_eq!(
///     refused.lines(),
///     ["base.toml:2:8: [[fix]] \"vehicle\" -> \"car\" and desk.toml:2 \"car\" -> \"vehicle\" undo each other"]
/// );
/// ```
pub fn load_all(parts: &[(String, String)]) -> Result<Loaded, LoadError> {
    load_parsed(parts.iter().map(|(source, origin)| ParsedFile::parse(source, origin)).collect())
}

/// One glossary file, parsed once: its name in messages, and the glossary or every
/// syntax error in it. Reading a file's `extends` and loading it take the same parse.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    /// The file as given.
    pub origin: String,
    /// The glossary, or every syntax error of the file (at least one).
    pub parsed: Result<Glossary, Vec<ParseError>>,
    /// A 128-bit fingerprint of the file's name and text (two SipHash runs): what a
    /// cache of lint's answers is keyed by.
    pub digest: u128,
    /// The length of the file's text in bytes.
    pub len: usize,
}

impl ParsedFile {
    /// Parses `source`, the text of the file `origin`.
    pub fn parse(source: &str, origin: &str) -> Self {
        let parsed = Glossary::parse(source, origin).map_err(|_| Glossary::parse_errors(source, origin));
        ParsedFile { origin: origin.to_string(), parsed, digest: digest(&[origin, source]), len: source.len() }
    }
}

/// A 128-bit fingerprint of `parts` (each length-prefixed, so the boundaries count):
/// two SipHash runs with different first words. Not for adversaries: for telling a
/// changed file from an unchanged one.
pub fn digest(parts: &[&str]) -> u128 {
    use std::hash::{DefaultHasher, Hasher};
    let run = |seed: u64| {
        let mut h = DefaultHasher::new();
        h.write_u64(seed);
        for part in parts {
            h.write_usize(part.len());
            h.write(part.as_bytes());
        }
        h.finish()
    };
    (u128::from(run(0x676c_6f73_7366_6978)) << 64) | u128::from(run(0x6c69_6e74_6361_6368))
}

/// [`load_all`] for files parsed already, in order.
pub fn load_parsed(files: Vec<ParsedFile>) -> Result<Loaded, LoadError> {
    load_parsed_with(files, lint)
}

/// [`load_parsed`] with the lint step given: `lint_with` answers what [`lint`] would
/// for the engine (a cache of lint's answers for unchanged files stands in for it).
pub fn load_parsed_with(
    files: Vec<ParsedFile>,
    lint_with: impl FnOnce(&Engine) -> Vec<Problem>,
) -> Result<Loaded, LoadError> {
    let glossary = combine_parsed(files).map_err(LoadError::Parse)?;
    let origin = glossary.origin();
    let engine = Engine::new(CompiledGlossary::compile(glossary));
    let (errors, warnings): (Vec<Problem>, Vec<Problem>) =
        lint_with(&engine).into_iter().partition(|p| p.severity == Severity::Error);
    if !errors.is_empty() {
        return Err(LoadError::Refused { origin, errors });
    }
    Ok(Loaded { engine, warnings })
}

/// Parses and compiles glossary files without linting them: for a glossary the test suite
/// has linted already (the built-in one, checked by
/// `the_default_glossary_loads_without_a_problem_and_is_formatted`), whose lint would only
/// cost time at each start. No warnings.
pub fn load_linted(parts: &[(String, String)]) -> Result<Loaded, LoadError> {
    let glossary = parse_all(parts).map_err(LoadError::Parse)?;
    Ok(Loaded { engine: Engine::new(CompiledGlossary::compile(glossary)), warnings: Vec::new() })
}

/// Parses several glossary files and combines them (see `Glossary::combine`), or gives
/// every syntax error of every file.
pub fn parse_all(parts: &[(String, String)]) -> Result<Glossary, Vec<ParseError>> {
    combine_parsed(parts.iter().map(|(source, origin)| ParsedFile::parse(source, origin)).collect())
}

/// Combines files parsed already (see `Glossary::combine`), or gives every syntax error
/// of every file.
pub fn combine_parsed(files: Vec<ParsedFile>) -> Result<Glossary, Vec<ParseError>> {
    let mut glossaries = Vec::new();
    let mut errors = Vec::new();
    for file in files {
        match file.parsed {
            Ok(g) => glossaries.push(g),
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() { Ok(Glossary::combine(glossaries)) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refused_glossaries_table() {
        // (glossary, expected first error)
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
            (
                "[[fix]]\nfind = 'd’un'\nreplace = 'de une'\n\n[[fix]]\nfind = 'd’une'\nreplace = 'd’un'\n",
                "g.toml:2:8: these repairs undo each other on \"d’un\": fix \"d’un\" -> \"de une\" (line 2), fix \"d’une\" -> \"d’un\" (line 6), the built-in rule elision; fix would change nothing",
            ),
        ];
        for (toml, want) in cases {
            let got = load(toml, "g.toml").unwrap_err().to_string();
            assert!(got.starts_with(want), "glossary {toml:?}\n got: {got}\nwant: {want}");
        }
    }

    #[test]
    fn every_error_is_reported_not_only_the_first() {
        let toml = "[[fix]]\nfind = ''\nreplace = 'a'\n\n[[fix]]\nfind = 'go'\nreplace = 'go go'\n";
        let e = load(toml, "g.toml").unwrap_err();
        assert_eq!(e.lines().len(), 2, "{e:?}");
        assert!(e.to_string().ends_with("(and 1 more error)"), "{e}");
    }

    #[test]
    fn same_find_with_different_conditions_is_allowed() {
        let toml = "[[fix]]\nfind = 'significant'\nreplace = 'important'\nafter = ['un']\n\
                    [[fix]]\nfind = 'significant'\nreplace = 'importante'\nafter = ['une']";
        assert!(load(toml, "g.toml").is_ok());
    }
}
