//! Editing `glossary.toml` while keeping every comment: `glossary fmt` (canonical order
//! and layout) and `glossary add` / `add-term` (an entry inserted in place, refused when
//! it would make the glossary unsafe). Built on `toml_edit`, which keeps comments and
//! formatting.
//!
//! Canonical layout:
//! - `[rules]`, `[elision]` and `[spelling]`, then the `[[term]]` entries sorted by canonical form, the
//!   `[[fix]]` entries sorted by `find`, the `[[furniture]]` entries sorted by line;
//! - sort keys ignore case and accents, and the sort is stable, so entries with the same
//!   `find` keep their order (which decides which one wins);
//! - keys inside an entry in a fixed order (`find`, `replace`, `note`, conditions,
//!   `safe`, `examples`);
//! - one blank line between entries.
//!
//! A comment belongs to the entry it stands above and moves with it; the comment block at
//! the top of the file, ended by a blank line, stays at the top.

use crate::lint::Problem;
use crate::load::load;
use glossfix_text::fold::{Fold, fold};
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value, value};

/// Why an edit was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError(pub String);

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

const KEY_ORDER: &[&str] = &[
    "canonical",
    "variants",
    "find",
    "replace",
    "line",
    "position",
    "note",
    "french",
    "after",
    "before",
    "not_after",
    "not_before",
    "in_document",
    "alternatives",
    "near_miss",
    "near_miss_fix",
    "not",
    "en",
    "part_of_speech",
    "gender",
    "safe",
    "examples",
];

fn key_rank(key: &str) -> usize {
    KEY_ORDER.iter().position(|k| *k == key).unwrap_or(KEY_ORDER.len())
}

fn sort_key(text: &str) -> String {
    fold(text, Fold::BARE)
}

/// The string value of `key` in `table` ("" when absent).
fn str_of<'a>(table: &'a Table, key: &str) -> &'a str {
    table.get(key).and_then(Item::as_str).unwrap_or("")
}

/// What an entry of each array sorts by.
fn entry_key(kind: &str, table: &Table) -> String {
    match kind {
        "term" => sort_key(str_of(table, "canonical")),
        "fix" => sort_key(str_of(table, "find")),
        _ => sort_key(str_of(table, "line")),
    }
}

const ARRAYS: &[&str] = &["term", "fix", "furniture"];

/// Splits the top-of-file comment block (ended by a blank line) from the rest.
fn split_header(source: &str) -> (&str, &str) {
    let mut end = 0;
    let mut header_end = 0;
    for line in source.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('#') {
            end += line.len();
        } else if trimmed.is_empty() {
            end += line.len();
            header_end = end;
        } else {
            break;
        }
    }
    (&source[..header_end], &source[header_end..])
}

/// Comment lines of a decor prefix, without blank lines around them.
fn comment_block(prefix: &str) -> String {
    let lines: Vec<&str> = prefix.lines().map(str::trim_end).collect();
    let first = lines.iter().position(|l| !l.trim().is_empty()).unwrap_or(lines.len());
    let last = lines.iter().rposition(|l| !l.trim().is_empty()).map_or(first, |i| i + 1);
    lines[first..last].iter().map(|l| format!("{}\n", l.trim_start())).collect()
}

fn prefix_of(table: &Table) -> String {
    table.decor().prefix().and_then(|p| p.as_str()).unwrap_or("").to_string()
}

/// Normalizes one entry: key order, `key = value` spacing, one blank line above.
fn layout_table(table: &mut Table, first: bool) {
    table.sort_values_by(|k1, _, k2, _| key_rank(k1.get()).cmp(&key_rank(k2.get())));
    for (mut key, item) in table.iter_mut() {
        let key_comments = key.leaf_decor().prefix().and_then(|p| p.as_str()).map(comment_block).unwrap_or_default();
        key.leaf_decor_mut().set_prefix(key_comments);
        key.leaf_decor_mut().set_suffix(" ");
        if let Some(v) = item.as_value_mut() {
            let suffix = v.decor().suffix().and_then(|s| s.as_str()).unwrap_or("").trim().to_string();
            v.decor_mut().set_prefix(" ");
            v.decor_mut().set_suffix(if suffix.starts_with('#') { format!(" {suffix}") } else { String::new() });
        }
    }
    let comments = comment_block(&prefix_of(table));
    table.decor_mut().set_prefix(if first { comments } else { format!("\n{comments}") });
}

/// The canonical layout of a glossary file (see the module docs). Idempotent.
pub fn format(source: &str) -> Result<String, EditError> {
    let (header, body) = split_header(source);
    let mut doc: DocumentMut = body.parse().map_err(|e: toml_edit::TomlError| EditError(e.to_string()))?;
    let mut position: isize = 0;
    let mut first = true;
    for section in ["rules", "elision", "spelling"] {
        if let Some(table) = doc.get_mut(section).and_then(Item::as_table_mut) {
            table.set_position(Some(position));
            position += 1;
            let comments = comment_block(&prefix_of(table));
            table.decor_mut().set_prefix(if first { comments } else { format!("\n{comments}") });
            for (mut key, item) in table.iter_mut() {
                key.leaf_decor_mut().set_prefix("");
                key.leaf_decor_mut().set_suffix(" ");
                if let Some(v) = item.as_value_mut() {
                    v.decor_mut().set_prefix(" ");
                }
            }
            first = false;
        }
    }
    for kind in ARRAYS {
        let Some(array) = doc.get_mut(kind).and_then(Item::as_array_of_tables_mut) else { continue };
        let mut tables: Vec<Table> = array.iter().cloned().collect();
        tables.sort_by_cached_key(|t| entry_key(kind, t));
        for table in &mut tables {
            layout_table(table, first);
            first = false;
            table.set_position(Some(position));
            position += 1;
        }
        *array = tables.into_iter().collect::<ArrayOfTables>();
    }
    // Comments after the last entry stay at the end, one blank line below it.
    let trailing: Vec<String> = doc
        .trailing()
        .as_str()
        .unwrap_or("")
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with('#'))
        .map(str::to_string)
        .collect();
    doc.set_trailing("");
    let mut out = String::new();
    let header = header.trim_end();
    if !header.is_empty() {
        out.push_str(header);
        out.push_str("\n\n");
    }
    out.push_str(doc.to_string().trim_end());
    out.push('\n');
    if !trailing.is_empty() {
        if out.trim().is_empty() {
            out.clear();
        } else {
            out.push('\n');
        }
        out.push_str(&trailing.join("\n"));
        out.push('\n');
    }
    Ok(out)
}

/// A `[[fix]]` entry to add.
#[derive(Debug, Clone, Default)]
pub struct NewFix {
    /// The artifact.
    pub find: String,
    /// Its repair.
    pub replace: String,
    /// Why.
    pub note: Option<String>,
    /// Only among French words.
    pub french: bool,
    /// `false`: a suggestion only.
    pub safe: bool,
}

/// Lint warnings of a glossary text, or the error that refuses it.
fn problems(source: &str, path: &str) -> Result<Vec<String>, EditError> {
    let loaded = load(source, path).map_err(|e| EditError(e.to_string()))?;
    Ok(loaded.warnings.iter().map(|p: &Problem| format!("{}[{}]: {}", p.severity, p.kind, p.message)).collect())
}

/// Refuses `after` when it fails to load or adds a lint problem that `before` did not have.
fn accept(before: &str, after: String, path: &str) -> Result<String, EditError> {
    let old = problems(before, path).unwrap_or_default();
    let new = problems(&after, path)?;
    let added: Vec<&String> = new.iter().filter(|p| !old.iter().any(|o| o == *p)).collect();
    match added.first() {
        Some(problem) => Err(EditError(format!("{path}: refused: {problem}"))),
        None => Ok(after),
    }
}

/// Inserts `table` into the array `kind` at its sorted place (or at the end when the
/// array is not sorted), keeping every other entry where it is.
fn insert_sorted(doc: &mut DocumentMut, kind: &str, mut table: Table) {
    if doc.get(kind).is_none() {
        doc.insert(kind, Item::ArrayOfTables(ArrayOfTables::new()));
    }
    // The document order of every table, so the new one can be slotted in.
    let mut order: Vec<(isize, String, usize)> = Vec::new();
    for (name, item) in doc.iter() {
        match item {
            Item::Table(t) => order.push((t.position().unwrap_or(isize::MAX), name.to_string(), usize::MAX)),
            Item::ArrayOfTables(a) => {
                for (i, t) in a.iter().enumerate() {
                    order.push((t.position().unwrap_or(isize::MAX), name.to_string(), i));
                }
            }
            _ => {}
        }
    }
    order.sort();
    let array = doc.get_mut(kind).and_then(Item::as_array_of_tables_mut).expect("inserted above");
    let keys: Vec<String> = array.iter().map(|t| entry_key(kind, t)).collect();
    let sorted = keys.windows(2).all(|w| w[0] <= w[1]);
    let new_key = entry_key(kind, &table);
    let index = if sorted { keys.iter().position(|k| *k > new_key).unwrap_or(keys.len()) } else { keys.len() };
    table.decor_mut().set_prefix("\n");
    let first_in_file = order.first().cloned();
    array.insert(index, table);
    // Renumber: the new table goes right after its predecessor in the same array (or
    // right before its successor, or at the end of the file).
    // The first entry of its kind goes before the first table of a kind that comes after
    // it in canonical order (a first [[term]] before the [[fix]] entries).
    let later = |n: &str| ARRAYS.iter().position(|k| *k == n) > ARRAYS.iter().position(|k| *k == kind);
    let anchor = if index > 0 {
        order.iter().position(|(_, n, i)| n == kind && *i == index - 1).map(|p| p + 1)
    } else {
        order.iter().position(|(_, n, i)| n == kind && *i == 0).or_else(|| order.iter().position(|(_, n, _)| later(n)))
    }
    .unwrap_or(order.len());
    let mut new_order: Vec<(String, usize)> = order
        .into_iter()
        .map(|(_, n, i)| if n == kind && i != usize::MAX && i >= index { (n, i + 1) } else { (n, i) })
        .collect();
    new_order.insert(anchor, (kind.to_string(), index));
    // A new first table: no blank line above it, and one above the table it displaces.
    if anchor == 0 {
        if let Some((_, name, i)) = first_in_file {
            let i = if name == kind && i != usize::MAX && i >= index { i + 1 } else { i };
            let displaced = match doc.get_mut(&name) {
                Some(Item::Table(t)) => Some(t.decor_mut()),
                Some(Item::ArrayOfTables(a)) => a.get_mut(i).map(|t| t.decor_mut()),
                _ => None,
            };
            if let Some(decor) = displaced {
                let prefix = decor.prefix().and_then(|p| p.as_str()).unwrap_or("").to_string();
                decor.set_prefix(format!("\n{}", prefix.trim_start_matches('\n')));
            }
        }
        if let Some(t) = doc.get_mut(kind).and_then(Item::as_array_of_tables_mut).and_then(|a| a.get_mut(index)) {
            t.decor_mut().set_prefix("");
        }
    }
    for (position, (name, i)) in new_order.into_iter().enumerate() {
        let position = Some(position as isize);
        match doc.get_mut(&name) {
            Some(Item::Table(t)) => t.set_position(position),
            Some(Item::ArrayOfTables(a)) => {
                if let Some(t) = a.get_mut(i) {
                    t.set_position(position);
                }
            }
            _ => {}
        }
    }
}

/// Adds a `[[fix]]` entry in place; refused when the glossary would not load or would
/// get a new lint problem (a chain, a duplicate, a shadowed entry...).
pub fn add_fix(source: &str, path: &str, fix: &NewFix) -> Result<String, EditError> {
    // The header comment stays on top: entries are inserted into the body below it.
    let (header, body) = split_header(source);
    let mut doc: DocumentMut = body.parse().map_err(|e: toml_edit::TomlError| EditError(e.to_string()))?;
    let mut table = Table::new();
    table.insert("find", value(fix.find.as_str()));
    table.insert("replace", value(fix.replace.as_str()));
    if let Some(note) = &fix.note {
        table.insert("note", value(note.as_str()));
    }
    if fix.french {
        table.insert("french", value(true));
    }
    if !fix.safe {
        table.insert("safe", value(false));
    }
    insert_sorted(&mut doc, "fix", table);
    accept(source, keep_canonical(source, format!("{header}{doc}"))?, path)
}

/// `edited` in canonical form when `source` was (so that `glossary fmt --check` still
/// passes after `add`); otherwise as edited in place, every other byte kept.
fn keep_canonical(source: &str, edited: String) -> Result<String, EditError> {
    match format(source) {
        Ok(canonical) if canonical == source => format(&edited),
        _ => Ok(edited),
    }
}

/// Adds a `[[term]]` entry in place, or the new variants to the term with that canonical
/// form; refused like [`add_fix`].
pub fn add_term(
    source: &str,
    path: &str,
    canonical: &str,
    variants: &[String],
    note: Option<&str>,
) -> Result<String, EditError> {
    let (header, body) = split_header(source);
    let mut doc: DocumentMut = body.parse().map_err(|e: toml_edit::TomlError| EditError(e.to_string()))?;
    let existing = doc
        .get_mut("term")
        .and_then(Item::as_array_of_tables_mut)
        .and_then(|a| a.iter_mut().find(|t| str_of(t, "canonical") == canonical));
    if let Some(term) = existing {
        let list = term.entry("variants").or_insert(value(Array::new()));
        let array = list
            .as_array_mut()
            .ok_or_else(|| EditError(format!("{path}: variants of {canonical:?} is not an array")))?;
        for v in variants {
            if !array.iter().any(|x| x.as_str() == Some(v.as_str())) {
                array.push(v.as_str());
            }
        }
    } else {
        let mut table = Table::new();
        table.insert("canonical", value(canonical));
        let array: Array = variants.iter().map(|v| Value::from(v.as_str())).collect();
        table.insert("variants", value(array));
        if let Some(note) = note {
            table.insert("note", value(note));
        }
        insert_sorted(&mut doc, "term", table);
    }
    accept(source, keep_canonical(source, format!("{header}{doc}"))?, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MESSY: &str = r#"# My glossary.
# Maintained by the desk.

# keep this one: the spinner's favourite
[[fix]]
replace   =   "types"
find = "kinds"     # plural only

[[term]]
variants = ["Choïgu"]
canonical = "Choïgou"
[rules]
broken-sentence = false

# furniture
[[furniture]]
line = "Publicité"
[[fix]]
find = "go on"
note = "phrasal verb"
replace = "continue"
before = ["de"]
"#;

    #[test]
    fn fmt_orders_lays_out_keeps_comments_and_is_idempotent() {
        let once = format(MESSY).unwrap();
        let expected = r#"# My glossary.
# Maintained by the desk.

[rules]
broken-sentence = false

[[term]]
canonical = "Choïgou"
variants = ["Choïgu"]

[[fix]]
find = "go on"
replace = "continue"
note = "phrasal verb"
before = ["de"]

# keep this one: the spinner's favourite
[[fix]]
find = "kinds" # plural only
replace = "types"

# furniture
[[furniture]]
line = "Publicité"
"#;
        assert_eq!(once, expected);
        assert_eq!(format(&once).unwrap(), once, "idempotent");
        load(&once, "formatted.toml").expect("still a glossary");
    }

    #[test]
    fn add_inserts_in_place_and_refuses_unsafe_entries() {
        let source = format(MESSY).unwrap();
        let added = add_fix(
            &source,
            "g.toml",
            &NewFix { find: "guidance".into(), replace: "aide".into(), safe: true, ..NewFix::default() },
        )
        .unwrap();
        assert!(added.contains("# keep this one"), "comments kept");
        let go = added.find("find = \"go on\"").unwrap();
        let guidance = added.find("find = \"guidance\"").unwrap();
        let kinds = added.find("find = \"kinds\"").unwrap();
        assert!(go < guidance && guidance < kinds, "sorted place:\n{added}");
        assert_eq!(format(&added).unwrap(), added, "an add to a formatted file stays formatted");
        // Refusals: a conflict (error) and a chain (warning).
        let conflict = add_fix(
            &source,
            "g.toml",
            &NewFix { find: "kinds".into(), replace: "sortes".into(), safe: true, ..NewFix::default() },
        );
        assert!(conflict.unwrap_err().0.contains("the same find"), "conflict refused");
        let chain = add_fix(
            &source,
            "g.toml",
            &NewFix { find: "sorts".into(), replace: "kinds".into(), safe: true, ..NewFix::default() },
        );
        assert!(chain.unwrap_err().0.contains("chain"), "chain refused");
    }

    #[test]
    fn add_term_extends_an_existing_term() {
        let source = format(MESSY).unwrap();
        let out = add_term(&source, "g.toml", "Choïgou", &["Choigou".into()], None).unwrap();
        assert!(out.contains("variants = [\"Choïgu\", \"Choigou\"]"), "{out}");
        let out = add_term(&source, "g.toml", "Pyongyang", &["Pynongyang".into()], Some("typo")).unwrap();
        let loaded = load(&out, "g.toml").unwrap();
        assert_eq!(loaded.engine.glossary().terms.len(), 2);
        assert!(add_term(&source, "g.toml", "Kirby", &["Kirby".into()], None).is_err(), "variant == canonical refused");
    }
}
