//! `glossfix glossary stats`: how often each glossary entry fired over a corpus, which
//! files it touched, and which entries never fired.

use crate::engine::Engine;
use serde::Serialize;
use std::collections::BTreeMap;

/// One entry's record over a corpus.
#[derive(Debug, Clone, Serialize)]
pub struct EntryStats {
    /// Line of the entry in the glossary.
    pub line: usize,
    /// `term`, `fix` or `furniture`.
    pub kind: &'static str,
    /// The canonical form, `find` or furniture line.
    pub label: String,
    /// Findings it produced.
    pub fired: usize,
    /// Files it touched, in the order read.
    pub files: Vec<String>,
}

/// The entries of the engine's glossary, in file order, each with its counts.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    /// Every entry.
    pub entries: Vec<EntryStats>,
    /// Findings of the built-in rules, by rule id.
    pub rules: BTreeMap<&'static str, usize>,
    /// Files read.
    pub files: usize,
}

impl Stats {
    /// Zero counts for every entry of `engine`'s glossary.
    pub fn new(engine: &Engine) -> Self {
        let g = engine.glossary();
        let mut entries = Vec::new();
        for t in &g.terms {
            entries.push(("term", g.line_of(t.canonical.span().start), t.canonical.get_ref().clone()));
        }
        for f in &g.fixes {
            entries.push(("fix", g.line_of(f.find.span().start), f.find.get_ref().clone()));
        }
        for f in &g.furniture {
            entries.push(("furniture", g.line_of(f.line.span().start), f.line.get_ref().clone()));
        }
        entries.sort_by_key(|e| e.1);
        let entries = entries
            .into_iter()
            .map(|(kind, line, label)| EntryStats { line, kind, label, fired: 0, files: Vec::new() })
            .collect();
        Stats { entries, rules: BTreeMap::new(), files: 0 }
    }

    /// Counts the findings of one file.
    pub fn add(&mut self, engine: &Engine, name: &str, text: &str) {
        self.files += 1;
        for finding in engine.check(text) {
            match finding.entry {
                Some(entry) => {
                    if let Ok(i) = self.entries.binary_search_by_key(&entry.line, |e| e.line) {
                        let e = &mut self.entries[i];
                        e.fired += 1;
                        if e.files.last().is_none_or(|f| f != name) {
                            e.files.push(name.to_string());
                        }
                    }
                }
                None => *self.rules.entry(finding.rule).or_default() += 1,
            }
        }
    }

    /// The entries that never fired.
    pub fn never_fired(&self) -> impl Iterator<Item = &EntryStats> {
        self.entries.iter().filter(|e| e.fired == 0)
    }

    /// The report as text: fired entries (most first), built-in rules, entries never fired.
    pub fn to_text(&self, glossary_path: &str) -> String {
        let mut fired: Vec<&EntryStats> = self.entries.iter().filter(|e| e.fired > 0).collect();
        fired.sort_by(|a, b| b.fired.cmp(&a.fired).then(a.line.cmp(&b.line)));
        let mut out =
            format!("{} files; {} of {} glossary entries fired\n", self.files, fired.len(), self.entries.len());
        for e in fired {
            out.push_str(&format!(
                "{glossary_path}:{} {} {:?}: {} in {} file(s): {}\n",
                e.line,
                e.kind,
                e.label,
                e.fired,
                e.files.len(),
                e.files.join(", ")
            ));
        }
        if !self.rules.is_empty() {
            out.push_str("built-in rules:\n");
            for (rule, n) in &self.rules {
                out.push_str(&format!("  {rule}: {n}\n"));
            }
        }
        let never: Vec<&EntryStats> = self.never_fired().collect();
        out.push_str(&format!("never fired ({}):\n", never.len()));
        for e in never {
            out.push_str(&format!("{glossary_path}:{} {} {:?}\n", e.line, e.kind, e.label));
        }
        out
    }
}
