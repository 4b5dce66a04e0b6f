//! Glossary import and export: TSV and CSV as DeepL and Google Cloud Translation take
//! them, TBX-Basic (ISO 30042), and codespell's dictionary format (import only).
//!
//! What each format carries:
//!
//! | format | carries | loses |
//! |---|---|---|
//! | TSV, CSV | rows `source, target`: each variant -> canonical form, each `find` -> `replace` | notes, conditions, `safe`, furniture, deletions (an empty target is not allowed) |
//! | TBX | one concept per entry: the preferred term (canonical form or repair), forbidden terms (variants or finds), the note, `partOfSpeech`, `grammaticalGender`; `safe = false` as `supersededTerm` | conditions, examples, furniture, deletions |
//! | codespell | `wrong->right` (safe), `wrong->a, b,` (suggestions: first as repair, rest as `alternatives`), `wrong->right, reason` (suggestion with the reason as note) | (import only) |
//!
//! On import, rows or concepts whose repair and finds are all capitalised become
//! `[[term]]` entries (names); the rest become `[[fix]]` entries.

use crate::edit;
use crate::load::{LoadError, load};
use glossfix_glossary::Glossary;
use glossfix_text::case::has_upper;
use glossfix_text::display::xml_safe;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::fmt::Write as _;

/// A glossary exchange format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tab-separated, two columns, no quoting (DeepL's TSV).
    Tsv,
    /// Comma-separated with RFC 4180 quoting (DeepL's and Google's CSV).
    Csv,
    /// TBX-Basic XML.
    Tbx,
    /// codespell's `wrong->right` dictionary.
    Codespell,
}

/// An import or export that could not be done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExchangeError(pub String);

impl std::fmt::Display for ExchangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One repair read from another tool's file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entry {
    /// The forms to rewrite.
    pub finds: Vec<String>,
    /// Their repair (the preferred term).
    pub replace: String,
    /// A note.
    pub note: Option<String>,
    /// Applied by `fix`, or only suggested.
    pub safe: bool,
    /// Other possible repairs.
    pub alternatives: Vec<String>,
    /// Part of speech of the repair.
    pub part_of_speech: Option<String>,
    /// Grammatical gender of the repair.
    pub gender: Option<String>,
}

/// Reads `text` in `format` into entries. `lang` picks the TBX language section.
pub fn read(format: Format, text: &str, lang: &str) -> Result<Vec<Entry>, ExchangeError> {
    match format {
        Format::Tsv => Ok(rows_to_entries(tsv_rows(text))),
        Format::Csv => Ok(rows_to_entries(csv_rows(text)?)),
        Format::Tbx => read_tbx(text, lang),
        Format::Codespell => Ok(read_codespell(text)),
    }
}

/// True for a header cell: a language code ("en", "fr-FR") or a column name.
fn is_header_cell(cell: &str) -> bool {
    let c = cell.trim().to_lowercase();
    let lang = {
        let mut parts = c.split(['-', '_']);
        let first = parts.next().unwrap_or("");
        (2..=3).contains(&first.len())
            && first.chars().all(|ch| ch.is_ascii_lowercase())
            && parts.all(|p| (2..=4).contains(&p.len()) && p.chars().all(|ch| ch.is_ascii_alphanumeric()))
    };
    lang || matches!(c.as_str(), "source" | "target" | "term" | "translation" | "source_term" | "target_term")
}

fn drop_header(mut rows: Vec<(String, String)>) -> Vec<(String, String)> {
    if rows.first().is_some_and(|(s, t)| is_header_cell(s) && is_header_cell(t)) {
        rows.remove(0);
    }
    rows
}

fn tsv_rows(text: &str) -> Vec<(String, String)> {
    let rows = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| {
            let mut cells = l.split('\t');
            Some((cells.next()?.trim().to_string(), cells.next()?.trim().to_string()))
        })
        .collect();
    drop_header(rows)
}

/// Refuses a CSV text with a quoted field that is never closed (the csv crate reads it to
/// the end of the file without a word), naming the line and column where it opens.
fn check_quotes(text: &str) -> Result<(), ExchangeError> {
    let (mut line, mut column) = (1, 0);
    let mut open: Option<(usize, usize)> = None;
    let mut at_field_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        column += 1;
        match (c, open) {
            ('"', None) if at_field_start => open = Some((line, column)),
            ('"', Some(_)) if chars.peek() == Some(&'"') => {
                chars.next();
                column += 1;
            }
            ('"', Some(_)) => open = None,
            _ => {}
        }
        at_field_start = open.is_none() && (c == ',' || c == '\n');
        if c == '\n' {
            line += 1;
            column = 0;
        }
    }
    match open {
        Some((line, column)) => Err(ExchangeError(format!("CSV:{line}:{column}: a quoted field is never closed"))),
        None => Ok(()),
    }
}

fn csv_rows(text: &str) -> Result<Vec<(String, String)>, ExchangeError> {
    check_quotes(text)?;
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ExchangeError(format!("CSV: {e}")))?;
        if let (Some(s), Some(t)) = (record.get(0), record.get(1)) {
            if !s.trim().is_empty() {
                rows.push((s.trim().to_string(), t.trim().to_string()));
            }
        }
    }
    Ok(drop_header(rows))
}

fn rows_to_entries(rows: Vec<(String, String)>) -> Vec<Entry> {
    rows.into_iter()
        .map(|(source, target)| Entry { finds: vec![source], replace: target, safe: true, ..Entry::default() })
        .collect()
}

fn read_codespell(text: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    for line in text.lines() {
        let Some((wrong, rhs)) = line.split_once("->") else { continue };
        let (wrong, rhs) = (wrong.trim(), rhs.trim());
        if wrong.is_empty() || rhs.is_empty() {
            continue;
        }
        let entry = if let Some(list) = rhs.strip_suffix(',') {
            let mut options: Vec<String> =
                list.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
            if options.is_empty() {
                continue;
            }
            let replace = options.remove(0);
            Entry { finds: vec![wrong.into()], replace, safe: false, alternatives: options, ..Entry::default() }
        } else if let Some((right, reason)) = rhs.split_once(',') {
            Entry {
                finds: vec![wrong.into()],
                replace: right.trim().into(),
                note: Some(reason.trim().to_string()),
                safe: false,
                ..Entry::default()
            }
        } else {
            Entry { finds: vec![wrong.into()], replace: rhs.into(), safe: true, ..Entry::default() }
        };
        out.push(entry);
    }
    out
}

const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

fn local<'a>(node: &roxmltree::Node<'a, 'a>) -> &'a str {
    node.tag_name().name()
}

fn read_tbx(text: &str, lang: &str) -> Result<Vec<Entry>, ExchangeError> {
    let doc = roxmltree::Document::parse(text).map_err(|e| {
        let pos = e.pos();
        ExchangeError(format!("TBX:{}:{}: {e}", pos.row, pos.col))
    })?;
    // A language the file does not have is an error, not an empty glossary.
    let mut languages: Vec<&str> = doc
        .descendants()
        .filter(|n| matches!(local(n), "langSec" | "langSet"))
        .filter_map(|n| n.attribute((XML_NS, "lang")).or_else(|| n.attribute("lang")))
        .collect();
    languages.sort_unstable();
    languages.dedup();
    if !languages.is_empty() && !languages.iter().any(|l| l.to_lowercase().starts_with(&lang.to_lowercase())) {
        return Err(ExchangeError(format!(
            "TBX: no language section for {lang:?} (the file has: {}); choose one with --lang",
            languages.join(", ")
        )));
    }
    let mut out = Vec::new();
    for concept in doc.descendants().filter(|n| matches!(local(n), "conceptEntry" | "termEntry")) {
        let note = concept
            .children()
            .find(|n| local(n) == "note" || (local(n) == "descrip" && n.attribute("type") == Some("definition")))
            .and_then(|n| n.text())
            .map(|t| t.trim().to_string());
        let sections = concept.children().filter(|n| matches!(local(n), "langSec" | "langSet"));
        for section in sections {
            let section_lang = section.attribute((XML_NS, "lang")).or_else(|| section.attribute("lang")).unwrap_or("");
            if !section_lang.to_lowercase().starts_with(&lang.to_lowercase()) {
                continue;
            }
            let mut preferred: Option<(String, Option<String>, Option<String>)> = None;
            let mut unmarked: Vec<(String, Option<String>, Option<String>)> = Vec::new();
            let mut forbidden: Vec<(String, bool)> = Vec::new();
            for term_sec in section.descendants().filter(|n| matches!(local(n), "termSec" | "tig" | "ntig")) {
                let Some(term) = term_sec.descendants().find(|n| local(n) == "term").and_then(|n| n.text()) else {
                    continue;
                };
                let note_of = |kind: &str| {
                    term_sec
                        .descendants()
                        .find(|n| local(n) == "termNote" && n.attribute("type") == Some(kind))
                        .and_then(|n| n.text())
                        .map(|t| t.trim().to_string())
                };
                let status = note_of("administrativeStatus").unwrap_or_default();
                let term = term.trim().to_string();
                let details = (term.clone(), note_of("partOfSpeech"), note_of("grammaticalGender"));
                match status.as_str() {
                    s if s.starts_with("preferred") => preferred = Some(details),
                    s if s.starts_with("deprecated") => forbidden.push((term, true)),
                    s if s.starts_with("superseded") || s.starts_with("notRecommended") => {
                        forbidden.push((term, false))
                    }
                    s if s.starts_with("admitted") => {}
                    _ => unmarked.push(details),
                }
            }
            let Some((replace, part_of_speech, gender)) = preferred.or_else(|| unmarked.first().cloned()) else {
                continue;
            };
            if preferred_is_implicit(&unmarked, &replace) {
                // Without statuses, the first term is preferred and the others forbidden.
                forbidden.extend(unmarked.iter().skip(1).map(|(t, _, _)| (t.clone(), true)));
            }
            for safe in [true, false] {
                let finds: Vec<String> = forbidden.iter().filter(|(_, s)| *s == safe).map(|(t, _)| t.clone()).collect();
                if !finds.is_empty() {
                    out.push(Entry {
                        finds,
                        replace: replace.clone(),
                        note: note.clone(),
                        safe,
                        alternatives: Vec::new(),
                        part_of_speech: part_of_speech.clone(),
                        gender: gender.clone(),
                    });
                }
            }
        }
    }
    Ok(out)
}

fn preferred_is_implicit(unmarked: &[(String, Option<String>, Option<String>)], replace: &str) -> bool {
    unmarked.first().is_some_and(|(t, _, _)| t == replace)
}

/// Writes entries as glossary TOML in the canonical layout. Names (all capitalised)
/// become `[[term]]` entries; the rest `[[fix]]` entries. Rows that cannot be
/// entries (a source equal to its target, an empty target, a second repair for the same
/// source, an entry the glossary lint refuses) are listed as comments at the top, with
/// the reason.
pub fn to_toml(entries: &[Entry], origin: &str) -> Result<String, ExchangeError> {
    // Entries the glossary would refuse (a find inside its own repair, a conflict...)
    // are left out with the reason, and the rest imported: a few bad rows must not
    // stop a large import.
    let mut refused: Vec<(String, String)> = Vec::new();
    for _ in 0..5 {
        let toml = render_toml(entries, origin, &refused)?;
        let errors = match load(&toml, "imported glossary") {
            Ok(_) => return Ok(toml),
            Err(e @ LoadError::Parse(_)) => {
                return Err(ExchangeError(format!("the imported glossary is refused: {e}")));
            }
            Err(LoadError::Refused { errors, .. }) => errors,
        };
        let glossary = Glossary::parse(&toml, "imported glossary").expect("it parsed a moment ago");
        for problem in errors {
            let culprit = glossary
                .fixes
                .iter()
                .map(|f| &f.find)
                .chain(glossary.terms.iter().flat_map(|t| std::iter::once(&t.canonical).chain(&t.variants)))
                .find(|v| v.span().contains(&problem.offset))
                .map(|v| v.get_ref().clone());
            match culprit {
                Some(find) => refused.push((find, problem.message)),
                None => return Err(ExchangeError(format!("the imported glossary is refused: {}:{problem}", origin))),
            }
        }
    }
    Err(ExchangeError("the imported glossary is still refused after leaving out the entries at fault".into()))
}

fn render_toml(entries: &[Entry], origin: &str, refused: &[(String, String)]) -> Result<String, ExchangeError> {
    let q = |v: &str| toml::Value::String(v.to_string()).to_string();
    let list = |v: &[String]| format!("[{}]", v.iter().map(|s| q(s)).collect::<Vec<_>>().join(", "));
    let mut header = format!("# Imported from {origin} by glossfix.\n");
    let mut body = String::new();
    let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let mut names: Vec<Entry> = Vec::new();
    for entry in entries {
        let mut finds = Vec::new();
        for find in &entry.finds {
            if entry.replace.trim().is_empty() {
                let _ = writeln!(header, "# skipped {find:?}: no repair");
            } else if find == &entry.replace {
                let _ = writeln!(header, "# skipped {find:?}: the repair is the same text");
            } else if let Some((_, why)) = refused.iter().find(|(f, _)| f == find || *f == entry.replace) {
                let _ = writeln!(header, "# skipped {find:?} -> {:?}: {}", entry.replace, why.replace('\n', " "));
            } else if let Some(other) = seen.get(find) {
                let _ = writeln!(header, "# skipped {find:?} -> {:?}: already repaired to {other:?}", entry.replace);
            } else {
                seen.insert(find.clone(), entry.replace.clone());
                finds.push(find.clone());
            }
        }
        if finds.is_empty() {
            continue;
        }
        let is_name = has_upper(&entry.replace) && finds.iter().all(|f| has_upper(f)) && entry.safe;
        if is_name {
            // Rows sharing a repair are one name with several variants.
            match names.iter_mut().find(|n: &&mut Entry| n.replace == entry.replace) {
                Some(name) => name.finds.extend(finds),
                None => names.push(Entry { finds, ..entry.clone() }),
            }
        } else {
            for find in finds {
                let _ = write!(body, "\n[[fix]]\nfind = {}\nreplace = {}\n", q(&find), q(&entry.replace));
                if let Some(note) = &entry.note {
                    let _ = writeln!(body, "note = {}", q(note));
                }
                if !entry.alternatives.is_empty() {
                    let _ = writeln!(body, "alternatives = {}", list(&entry.alternatives));
                }
                if !entry.safe {
                    body.push_str("safe = false\n");
                }
            }
        }
    }
    for name in &names {
        let _ = write!(body, "\n[[term]]\ncanonical = {}\nvariants = {}\n", q(&name.replace), list(&name.finds));
        if let Some(note) = &name.note {
            let _ = writeln!(body, "note = {}", q(note));
        }
        if let Some(pos) = &name.part_of_speech {
            let _ = writeln!(body, "part_of_speech = {}", q(pos));
        }
        if let Some(gender) = &name.gender {
            let _ = writeln!(body, "gender = {}", q(gender));
        }
    }
    edit::format(&format!("{header}\n{body}")).map_err(|e| ExchangeError(e.0))
}

/// The rows an export writes: (source, target) for each variant and each fix with a
/// repair, in glossary order.
fn rows(glossary: &Glossary) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for term in &glossary.terms {
        for v in &term.variants {
            out.push((v.get_ref().trim().to_string(), term.canonical.get_ref().trim().to_string()));
        }
    }
    for fix in &glossary.fixes {
        if !fix.replace.trim().is_empty() {
            out.push((fix.find.get_ref().trim().to_string(), fix.replace.trim().to_string()));
        }
    }
    out
}

/// Writes `glossary` in `format` (not codespell). `lang` labels the TBX language section.
pub fn export(glossary: &Glossary, format: Format, lang: &str) -> Result<String, ExchangeError> {
    match format {
        Format::Tsv => Ok(rows(glossary).into_iter().map(|(s, t)| format!("{s}\t{t}\n")).collect()),
        Format::Csv => {
            let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
            for (s, t) in rows(glossary) {
                writer.write_record([s, t]).map_err(|e| ExchangeError(e.to_string()))?;
            }
            let bytes = writer.into_inner().map_err(|e| ExchangeError(e.to_string()))?;
            String::from_utf8(bytes).map_err(|e| ExchangeError(e.to_string()))
        }
        Format::Tbx => Ok(export_tbx(glossary, lang)),
        Format::Codespell => {
            Err(ExchangeError("export to codespell is not supported: codespell's format has no notes or names".into()))
        }
    }
}

/// TBX-Basic (TBX v3, DCT style), written with quick-xml: markup characters escaped,
/// characters XML 1.0 forbids replaced by U+FFFD ([`xml_safe`]), so the file always parses.
fn export_tbx(glossary: &Glossary, lang: &str) -> String {
    write_tbx(glossary, lang).expect("writing XML to memory cannot fail")
}

/// One `<termSec>`: a term, its status, and its part of speech and gender when known.
fn term_sec<W: std::io::Write>(
    w: &mut Writer<W>,
    term: &str,
    status: &str,
    pos: Option<&String>,
    gender: Option<&String>,
) -> std::io::Result<()> {
    w.create_element("termSec").write_inner_content(|w| {
        w.create_element("term").write_text_content(BytesText::new(&xml_safe(term)))?;
        let notes = [("administrativeStatus", Some(status)), ("partOfSpeech", pos.map(String::as_str))];
        let notes = notes.into_iter().chain([("grammaticalGender", gender.map(String::as_str))]);
        for (kind, value) in notes {
            if let Some(value) = value {
                w.create_element("termNote")
                    .with_attribute(("type", kind))
                    .write_text_content(BytesText::new(&xml_safe(value)))?;
            }
        }
        Ok(())
    })?;
    Ok(())
}

/// One `<conceptEntry>`: its note, and its terms in one language section.
fn concept<W: std::io::Write>(
    w: &mut Writer<W>,
    id: &str,
    lang: &str,
    note: Option<&String>,
    terms: impl FnOnce(&mut Writer<W>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    w.create_element("conceptEntry").with_attribute(("id", id)).write_inner_content(|w| {
        if let Some(note) = note {
            w.create_element("note").write_text_content(BytesText::new(&xml_safe(note)))?;
        }
        w.create_element("langSec").with_attribute(("xml:lang", lang)).write_inner_content(terms)?;
        Ok(())
    })?;
    Ok(())
}

fn write_tbx(glossary: &Glossary, lang: &str) -> std::io::Result<String> {
    let lang = xml_safe(lang);
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let root = [("style", "dct"), ("type", "TBX-Basic"), ("xml:lang", &lang), ("xmlns", "urn:iso:std:iso:30042:ed-2")];
    w.create_element("tbx").with_attributes(root).write_inner_content(|w| {
        w.create_element("tbxHeader").write_inner_content(|w| {
            w.create_element("fileDesc").write_inner_content(|w| {
                w.create_element("sourceDesc").write_inner_content(|w| {
                    let origin = format!("glossfix glossary {}", glossary.origin());
                    w.create_element("p").write_text_content(BytesText::new(&xml_safe(&origin)))?;
                    Ok(())
                })?;
                Ok(())
            })?;
            Ok(())
        })?;
        w.create_element("text").write_inner_content(|w| {
            w.create_element("body").write_inner_content(|w| body(w, glossary, &lang))?;
            Ok(())
        })?;
        Ok(())
    })?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(String::from_utf8(bytes).expect("the writer was given UTF-8"))
}

/// The concepts: a term with its variants, a fix with its replacement.
fn body<W: std::io::Write>(w: &mut Writer<W>, glossary: &Glossary, lang: &str) -> std::io::Result<()> {
    for term in &glossary.terms {
        let id = format!("term-{}", glossary.line_of(term.canonical.span().start));
        concept(w, &id, lang, term.note.as_ref(), |w| {
            let canonical = term.canonical.get_ref().trim();
            term_sec(w, canonical, "preferredTerm-admn-sts", term.part_of_speech.as_ref(), term.gender.as_ref())?;
            for v in &term.variants {
                term_sec(w, v.get_ref().trim(), "deprecatedTerm-admn-sts", None, None)?;
            }
            Ok(())
        })?;
    }
    for fix in &glossary.fixes {
        if fix.replace.trim().is_empty() {
            // A comment may not hold "--".
            let find = xml_safe(fix.find.get_ref()).replace("--", "- -");
            let comment = format!(" not exported: {find} deletes its find ");
            w.write_event(Event::Comment(BytesText::from_escaped(comment)))?;
            continue;
        }
        let id = format!("fix-{}", glossary.line_of(fix.find.span().start));
        let status = if fix.safe { "deprecatedTerm-admn-sts" } else { "supersededTerm-admn-sts" };
        concept(w, &id, lang, fix.note.as_ref(), |w| {
            term_sec(w, fix.replace.trim(), "preferredTerm-admn-sts", None, None)?;
            term_sec(w, fix.find.get_ref().trim(), status, None, None)
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(mut rows: Vec<(String, String)>) -> Vec<(String, String)> {
        rows.sort();
        rows
    }

    fn round_trip(format: Format, text: &str) -> String {
        let entries = read(format, text, "fr").unwrap();
        let toml = to_toml(&entries, "test").unwrap();
        let loaded = crate::load(&toml, "imported.toml").unwrap();
        export(loaded.engine.glossary(), format, "fr").unwrap()
    }

    #[test]
    fn tsv_round_trip_and_header() {
        let tsv = "en\tfr\nvehicle\tcar\nKim Jong Un\tKim Jong-un\nKim Jong-Un\tKim Jong-un\nkinds\ttypes\n";
        let back = round_trip(Format::Tsv, tsv);
        assert_eq!(sorted(tsv_rows(&back)), sorted(tsv_rows(tsv)), "{back}");
        let toml = to_toml(&read(Format::Tsv, tsv, "fr").unwrap(), "t").unwrap();
        assert!(
            toml.contains("canonical = \"Kim Jong-un\"\nvariants = [\"Kim Jong Un\", \"Kim Jong-Un\"]"),
            "names become a term:\n{toml}"
        );
    }

    #[test]
    fn csv_round_trip_with_quoting() {
        let csv = "source,target\n\"hundreds of thousands, pounds\",\"millions, dollars\"\n\"le \"\"leading\"\"\",le premier\n";
        let back = round_trip(Format::Csv, csv);
        assert_eq!(sorted(csv_rows(&back).unwrap()), sorted(csv_rows(csv).unwrap()), "{back}");
    }

    #[test]
    fn codespell_safety_levels() {
        let dict = "abandonned->abandoned\nteh->the, ten,\nmaping->mapping, mapping is a verb\ndoesn'->doesn't\n";
        let toml = to_toml(&read(Format::Codespell, dict, "fr").unwrap(), "codespell").unwrap();
        let loaded = crate::load(&toml, "c.toml").unwrap();
        let g = loaded.engine.glossary();
        let by_find = |f: &str| g.fixes.iter().find(|x| x.find.get_ref() == f).unwrap();
        assert!(by_find("abandonned").safe);
        let teh = by_find("teh");
        assert!(!teh.safe && teh.replace == "the" && teh.alternatives == ["ten"]);
        let maping = by_find("maping");
        assert!(!maping.safe && maping.note.as_deref() == Some("mapping is a verb"));
        assert!(toml.contains("# skipped \"doesn'\" -> \"doesn't\": [[fix]] \"doesn'\": its replacement"), "{toml}");
        assert!(!g.fixes.iter().any(|f| f.find.get_ref() == "doesn'"));
    }

    const TBX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dct" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:x="urn:example:extra">
  <tbxHeader><fileDesc><sourceDesc><p>newsroom termbase</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <descrip type="definition">Minister of Defence of Russia 2012-2024</descrip>
      <langSec xml:lang="en">
        <termSec><term>Sergei Shoigu</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
      </langSec>
      <langSec xml:lang="fr-FR">
        <termSec><term>Sergueï Choïgou</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          <termNote type="partOfSpeech">properNoun</termNote>
          <termNote type="grammaticalGender">masculine</termNote>
        </termSec>
        <termSec><term>Sergueï Choïgu</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
        <termSec><term>Sergeï Shoïgou</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
      </langSec>
    </conceptEntry>
    <x:conceptEntry id="c2">
      <x:langSec xml:lang="fr">
        <x:termSec><x:term>programme</x:term><x:termNote type="administrativeStatus">preferredTerm-admn-sts</x:termNote></x:termSec>
        <x:termSec><x:term>program</x:term><x:termNote type="administrativeStatus">supersededTerm-admn-sts</x:termNote></x:termSec>
      </x:langSec>
    </x:conceptEntry>
    <conceptEntry id="c3">
      <langSec xml:lang="de"><termSec><term>Fahrzeug</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>"#;

    #[test]
    fn bad_input_is_refused_with_its_place() {
        // (format, text, lang, error)
        let cases = [
            (
                Format::Csv,
                "source,target\n\"vehicle,car\nkinds,types\n",
                "fr",
                "CSV:2:1: a quoted field is never closed",
            ),
            (Format::Csv, "a,b\nc,\"d\ne\n", "fr", "CSV:2:3: a quoted field is never closed"),
            (Format::Tbx, TBX, "it", "TBX: no language section for \"it\" (the file has: de, en, fr"),
            (Format::Tbx, "<tbx><text><body>\n<conceptEntry>\n</body>", "fr", "TBX:3:1: "),
        ];
        for (format, text, lang, want) in cases {
            let got = read(format, text, lang).unwrap_err().0;
            assert!(got.starts_with(want), "{text:?}\n got: {got}\nwant: {want}");
        }
        // Quotes closed, doubled or inside a field are fine.
        assert!(read(Format::Csv, "\"a \"\"b\"\"\",c\nd\"e,f\n", "fr").is_ok());
    }

    #[test]
    fn tbx_with_namespaces_languages_and_forbidden_terms() {
        let entries = read(Format::Tbx, TBX, "fr").unwrap();
        assert_eq!(entries.len(), 2, "{entries:#?}");
        let shoigu = &entries[0];
        assert_eq!(shoigu.replace, "Sergueï Choïgou");
        assert_eq!(shoigu.finds, ["Sergueï Choïgu"], "the admitted spelling is left alone");
        assert_eq!(shoigu.part_of_speech.as_deref(), Some("properNoun"));
        assert_eq!(shoigu.gender.as_deref(), Some("masculine"));
        assert_eq!(shoigu.note.as_deref(), Some("Minister of Defence of Russia 2012-2024"));
        let program = &entries[1];
        assert_eq!(
            (program.finds.as_slice(), program.replace.as_str(), program.safe),
            (&["program".to_string()][..], "programme", false)
        );
        // Round trip: what TBX carries comes back.
        let toml = to_toml(&entries, "tbx").unwrap();
        let loaded = crate::load(&toml, "i.toml").unwrap();
        let again = read(Format::Tbx, &export(loaded.engine.glossary(), Format::Tbx, "fr").unwrap(), "fr").unwrap();
        assert_eq!(again, entries);
    }

    #[test]
    fn tbx_output_always_parses_whatever_the_glossary_holds() {
        // Markup characters, a control character XML 1.0 forbids, "--" in a deletion
        // (written as a comment), a language code with a quote.
        let toml = r#"[[fix]]
find = "a < b & \"c\""
replace = "a \u0007 b"
note = "bell \u0007 here"
safe = false

[[fix]]
find = "Publicité -- fin--"
replace = ""
"#;
        let loaded = crate::load(toml, "x.toml").unwrap();
        let tbx = export(loaded.engine.glossary(), Format::Tbx, "fr\"x").unwrap();
        let doc = roxmltree::Document::parse(&tbx).unwrap_or_else(|e| panic!("{e}\n{tbx}"));
        let terms: Vec<&str> = doc.descendants().filter(|n| n.has_tag_name("term")).filter_map(|n| n.text()).collect();
        assert_eq!(terms, ["a \u{FFFD} b", "a < b & \"c\""]);
        let note = doc.descendants().find(|n| n.has_tag_name("note")).and_then(|n| n.text());
        assert_eq!(note, Some("bell \u{FFFD} here"));
        assert!(tbx.contains("<!-- not exported: Publicité - - fin- - deletes its find -->"), "{tbx}");
    }
}
