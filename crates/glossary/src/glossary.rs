//! The glossary as data: its entries parsed from TOML, each with a typed id and its
//! place in the file. Parsing judges only the syntax (bad TOML, an unknown key, an
//! unknown rule id); whether the entries are safe is lint's question.

use crate::schema::{ElisionTable, FixEntry, FurnitureEntry, GlossaryFile, SpellingTable, TermEntry};
use glossfix_diagnostics::{EntryId, RuleId};
use glossfix_text::lines::LineIndex;
use std::collections::BTreeMap;
use std::fmt;
use toml::Spanned;

/// A glossary that is not valid TOML or not a glossary, with the place it went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The glossary file as given (or a name such as `<default glossary>`).
    pub origin: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub kind: ParseErrorKind,
    /// The line it is on, trimmed and shortened, for the message.
    pub excerpt: String,
}

/// What made a glossary unparsable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// Bad TOML, an unknown key, a value of the wrong type (the parser's message).
    Toml(String),
    /// A `[rules]` key that names no switchable rule.
    UnknownRule(String),
}

impl fmt::Display for ParseErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseErrorKind::Toml(message) => f.write_str(message),
            ParseErrorKind::UnknownRule(id) => {
                let known: Vec<&str> = RuleId::switchable().map(RuleId::as_str).collect();
                write!(f, "[rules]: unknown rule {id:?} (rules: {})", known.join(", "))
            }
        }
    }
}

impl fmt::Display for ParseError {
    /// `origin:line:column: what is wrong`, then the line itself when it has text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.origin, self.line, self.column, self.kind)?;
        if !self.excerpt.is_empty() {
            write!(f, " (in `{}`)", self.excerpt)?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseError {}

/// The three kinds of glossary entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryKind {
    /// `[[term]]`: a canonical spelling and its variants.
    Term,
    /// `[[fix]]`: an artifact and its repair.
    Fix,
    /// `[[furniture]]`: a line of page furniture.
    Furniture,
}

impl EntryKind {
    /// The kind as `glossary stats` names it: `term`, `fix`, `furniture`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Term => "term",
            EntryKind::Fix => "fix",
            EntryKind::Furniture => "furniture",
        }
    }
}

impl fmt::Display for EntryKind {
    /// As the TOML writes it: `[[term]]`, `[[fix]]`, `[[furniture]]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[[{}]]", self.as_str())
    }
}

/// One entry of a glossary, whatever its kind.
#[derive(Debug, Clone, Copy)]
pub enum Entry<'a> {
    /// A `[[term]]`.
    Term(&'a TermEntry),
    /// A `[[fix]]`.
    Fix(&'a FixEntry),
    /// A `[[furniture]]`.
    Furniture(&'a FurnitureEntry),
}

impl<'a> Entry<'a> {
    /// Its kind.
    pub fn kind(&self) -> EntryKind {
        match self {
            Entry::Term(_) => EntryKind::Term,
            Entry::Fix(_) => EntryKind::Fix,
            Entry::Furniture(_) => EntryKind::Furniture,
        }
    }

    /// The value that names it: the canonical form, the `find`, or the furniture line.
    pub fn key(&self) -> &'a Spanned<String> {
        match self {
            Entry::Term(t) => &t.canonical,
            Entry::Fix(f) => &f.find,
            Entry::Furniture(f) => &f.line,
        }
    }
}

/// A parsed glossary: its entries, its `[rules]` and `[elision]` settings, and the TOML
/// text they came from (for positions).
///
/// ```
/// use glossfix_glossary::Glossary;
/// let g = Glossary::parse("[[fix]]\nfind = 'vehicle'\nreplace = 'car'\n", "g.toml").unwrap();
/// let (id, entry) = g.entries().next().unwrap();
/// assert_eq!((entry.key().get_ref().as_str(), g.line_of_entry(id)), ("vehicle", 2));
/// ```
#[derive(Debug, Clone)]
pub struct Glossary {
    /// The TOML files it came from, in order (one, unless [`Glossary::combine`] made it).
    sources: Vec<Source>,
    /// `extends = [...]`: the glossaries this one builds on, as written, with the line.
    pub extends: Vec<(String, usize)>,
    /// `[[term]]` entries in file order.
    pub terms: Vec<TermEntry>,
    /// `[[fix]]` entries in file order.
    pub fixes: Vec<FixEntry>,
    /// `[[furniture]]` entries in file order.
    pub furniture: Vec<FurnitureEntry>,
    /// `[rules]`: built-in rules switched on or off.
    pub rules: BTreeMap<RuleId, bool>,
    /// `[elision]`: settings of the elision rule.
    pub elision: ElisionTable,
    /// `[spelling]`: settings of the spelling rule.
    pub spelling: SpellingTable,
}

/// One TOML file of a glossary, placed at `start` in the combined offsets.
#[derive(Debug, Clone)]
struct Source {
    origin: String,
    text: String,
    lines: LineIndex,
    start: usize,
}

impl Glossary {
    /// Parses a glossary from TOML text; `origin` names it in messages.
    pub fn parse(source: &str, origin: &str) -> Result<Self, ParseError> {
        let lines = LineIndex::new(source);
        let error_at = |offset: usize, kind: ParseErrorKind| {
            let (line, column) = lines.position(source, offset.min(source.len()));
            let text = source.lines().nth(line.saturating_sub(1)).unwrap_or("").trim();
            let excerpt = glossfix_text::display::ellipsize(text, 60);
            ParseError { origin: origin.to_string(), line, column, kind, excerpt }
        };
        let file: GlossaryFile = toml::from_str(source).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            error_at(offset, ParseErrorKind::Toml(e.message().trim().replace('\n', " ")))
        })?;
        let mut rules = BTreeMap::new();
        if let Some(table) = &file.rules {
            for (id, on) in table.get_ref() {
                match id.parse::<RuleId>() {
                    Ok(rule) if rule.is_switchable() => {
                        rules.insert(rule, *on);
                    }
                    _ => return Err(error_at(table.span().start, ParseErrorKind::UnknownRule(id.clone()))),
                }
            }
        }
        let extends =
            file.extends.iter().map(|e| (e.get_ref().clone(), lines.position(source, e.span().start).0)).collect();
        Ok(Glossary {
            sources: vec![Source { origin: origin.to_string(), text: source.to_string(), lines, start: 0 }],
            extends,
            terms: file.term,
            fixes: file.fix,
            furniture: file.furniture,
            rules,
            elision: file.elision,
            spelling: file.spelling,
        })
    }

    /// Every syntax error of a glossary that does not parse, not only the first: the file
    /// is cut at its table headers (`[rules]`, `[[fix]]`…) and each piece parsed alone,
    /// so an error in one entry does not hide the errors in the others. Empty when
    /// `source` parses. Positions are in the whole file.
    ///
    /// ```
    /// use glossfix_glossary::Glossary;
    /// let bad = "[[fix]]\nfind = 'a'\nreplace = 'b'\ncolour = 1\n\n[[fix]]\nfind = 'c\n\n[[term]]\ncanonical = 'X'\nvariants = 'Y'\n";
    /// let lines: Vec<usize> = Glossary::parse_errors(bad, "g.toml").iter().map(|e| e.line).collect();
    /// assert_eq!(lines, [4, 7, 11]);
    /// ```
    pub fn parse_errors(source: &str, origin: &str) -> Vec<ParseError> {
        let Err(first) = Glossary::parse(source, origin) else { return Vec::new() };
        // Byte offsets where a table header starts a line.
        let mut starts = vec![0];
        let mut at = 0;
        for line in source.split_inclusive('\n') {
            if at > 0 && line.trim_start().starts_with('[') {
                starts.push(at);
            }
            at += line.len();
        }
        starts.push(source.len());
        let mut errors = Vec::new();
        for pair in starts.windows(2) {
            let piece = &source[pair[0]..pair[1]];
            if let Err(mut e) = Glossary::parse(piece, origin) {
                // The piece's line numbers, moved to the whole file's.
                e.line += source[..pair[0]].matches('\n').count();
                errors.push(e);
            }
        }
        if errors.is_empty() {
            errors.push(first); // an error only the whole file shows (a table defined twice)
        }
        errors
    }

    /// Several glossaries as one, in order: their entries one after the other (a later
    /// file's entries come after an earlier one's), `[rules]` switches of a later file
    /// over an earlier one's, `[elision] exceptions` and `[spelling] accept` together.
    /// Each entry keeps its own file and line for messages.
    ///
    /// ```
    /// use glossfix_glossary::Glossary;
    /// let base = Glossary::parse("[[fix]]\nfind = 'vehicle'\nreplace = 'car'\n", "base.toml").unwrap();
    /// let desk = Glossary::parse("\n[[fix]]\nfind = 'steps'\nreplace = 'mesures'\n", "desk.toml").unwrap();
    /// let both = Glossary::combine(vec![base, desk]);
    /// let places: Vec<String> = both.entries().map(|(id, _)| both.place_of_entry(id)).collect();
    /// assert_eq!(places, ["base.toml:2", "desk.toml:3"]);
    /// ```
    pub fn combine(parts: Vec<Glossary>) -> Glossary {
        let mut parts = parts.into_iter();
        let Some(mut out) = parts.next() else {
            return Glossary::parse("", "<no glossary>").expect("an empty glossary parses");
        };
        for part in parts {
            let last = out.sources.last().expect("a glossary has a source");
            let by = last.start + last.text.len() + 1;
            out.terms.extend(part.terms.into_iter().map(|e| e.moved(by)));
            out.fixes.extend(part.fixes.into_iter().map(|e| e.moved(by)));
            out.furniture.extend(part.furniture.into_iter().map(|e| e.moved(by)));
            out.rules.extend(part.rules);
            out.elision.exceptions.extend(part.elision.exceptions);
            out.spelling.accept.extend(part.spelling.accept);
            out.extends.extend(part.extends);
            out.sources.extend(part.sources.into_iter().map(|s| Source { start: s.start + by, ..s }));
        }
        out
    }

    /// The file it came from, as given (or `<default glossary>`); for a combined
    /// glossary, its files joined with " + ".
    pub fn origin(&self) -> String {
        self.sources.iter().map(|s| s.origin.as_str()).collect::<Vec<_>>().join(" + ")
    }

    /// The files it came from, in order.
    pub fn origins(&self) -> impl Iterator<Item = &str> {
        self.sources.iter().map(|s| s.origin.as_str())
    }

    /// The TOML text it was parsed from (the first file's, for a combined glossary).
    pub fn source(&self) -> &str {
        &self.sources[0].text
    }

    /// The file holding a byte offset (as found in a `Spanned` span).
    fn source_at(&self, offset: usize) -> &Source {
        let k = self.sources.partition_point(|s| s.start <= offset).saturating_sub(1);
        &self.sources[k]
    }

    /// The file that a byte offset (as found in a `Spanned` span) is in.
    pub fn origin_of(&self, offset: usize) -> &str {
        &self.source_at(offset).origin
    }

    /// 1-based line and column (in characters) of a byte offset in the TOML (as found in
    /// a `Spanned` span), in its own file.
    pub fn position_of(&self, offset: usize) -> (usize, usize) {
        let s = self.source_at(offset);
        let at = offset.saturating_sub(s.start).min(s.text.len());
        s.lines.position(&s.text, at)
    }

    /// How a message names the line of a byte offset: `line 12` in a glossary of one
    /// file, `desk.toml:12` in a combined one.
    pub fn line_name(&self, offset: usize) -> String {
        if self.sources.len() == 1 {
            format!("line {}", self.line_of(offset))
        } else {
            format!("{}:{}", self.origin_of(offset), self.line_of(offset))
        }
    }

    /// `file:line` of entry `id`, as messages name it.
    pub fn place_of_entry(&self, id: EntryId) -> String {
        let offset = self.entry(id).key().span().start;
        format!("{}:{}", self.origin_of(offset), self.line_of(offset))
    }

    /// 1-based line of a byte offset in the TOML.
    pub fn line_of(&self, offset: usize) -> usize {
        self.position_of(offset).0
    }

    /// How many entries it has.
    pub fn len(&self) -> usize {
        self.terms.len() + self.fixes.len() + self.furniture.len()
    }

    /// True when it has no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The id of the `i`-th `[[term]]`.
    pub fn term_id(&self, i: usize) -> EntryId {
        EntryId::new(i)
    }

    /// The id of the `i`-th `[[fix]]`.
    pub fn fix_id(&self, i: usize) -> EntryId {
        EntryId::new(self.terms.len() + i)
    }

    /// The id of the `i`-th `[[furniture]]`.
    pub fn furniture_id(&self, i: usize) -> EntryId {
        EntryId::new(self.terms.len() + self.fixes.len() + i)
    }

    /// The entry with id `id`.
    ///
    /// # Panics
    /// When `id` is not an id of this glossary.
    pub fn entry(&self, id: EntryId) -> Entry<'_> {
        let mut i = id.index();
        if i < self.terms.len() {
            return Entry::Term(&self.terms[i]);
        }
        i -= self.terms.len();
        if i < self.fixes.len() {
            return Entry::Fix(&self.fixes[i]);
        }
        Entry::Furniture(&self.furniture[i - self.fixes.len()])
    }

    /// Every entry with its id: terms, fixes, furniture, each in file order.
    pub fn entries(&self) -> impl Iterator<Item = (EntryId, Entry<'_>)> {
        let terms = self.terms.iter().map(Entry::Term);
        let fixes = self.fixes.iter().map(Entry::Fix);
        let furniture = self.furniture.iter().map(Entry::Furniture);
        terms.chain(fixes).chain(furniture).enumerate().map(|(i, e)| (EntryId::new(i), e))
    }

    /// The 1-based line where entry `id` is named (its canonical form, find or line).
    pub fn line_of_entry(&self, id: EntryId) -> usize {
        self.line_of(self.entry(id).key().span().start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(toml: &str) -> String {
        Glossary::parse(toml, "g.toml").unwrap_err().to_string()
    }

    #[test]
    fn unparsable_glossaries_table() {
        // (glossary, expected error)
        let cases = [
            ("[[fix]\nfind = 'x'", "g.toml:1:7: unclosed array table"),
            ("[[fix]]\nfind = 'x'\nreplace = 'y'\ncolour = 'red'", "g.toml:4:1: unknown field `colour`"),
            ("[rules]\nelisions = false", "g.toml:1:1: [rules]: unknown rule \"elisions\""),
            ("[rules]\nterm = false", "g.toml:1:1: [rules]: unknown rule \"term\""),
            ("[elision]\nexception = ['hasard']", "g.toml:2:1: unknown field `exception`"),
        ];
        for (toml, want) in cases {
            let got = err(toml);
            assert!(got.starts_with(want), "glossary {toml:?}\n got: {got}\nwant: {want}");
        }
    }

    #[test]
    fn entry_ids_cover_every_kind_in_order() {
        let g = Glossary::parse(
            "[[furniture]]\nline = 'Follow'\n[[fix]]\nfind = 'a'\nreplace = 'b'\n\
             [[term]]\ncanonical = 'Kim'\nvariants = ['Kimm']\n",
            "g.toml",
        )
        .unwrap();
        let kinds: Vec<(EntryKind, usize)> = g.entries().map(|(id, e)| (e.kind(), g.line_of_entry(id))).collect();
        assert_eq!(kinds, [(EntryKind::Term, 7), (EntryKind::Fix, 4), (EntryKind::Furniture, 2)]);
        assert_eq!(g.fix_id(0), EntryId::new(1));
        assert!(matches!(g.entry(g.furniture_id(0)), Entry::Furniture(_)));
    }
}
