//! `glossfix glossary stats`: how often each glossary entry fired over a corpus, which
//! files it touched, and which entries never fired.

use glossfix_diagnostics::{Finding, RuleId};
use glossfix_engine::Engine;
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
    pub rules: BTreeMap<RuleId, usize>,
    /// Files read.
    pub files: usize,
    /// For each entry id, its place in `entries`.
    #[serde(skip)]
    position: Vec<usize>,
}

impl Stats {
    /// Zero counts for every entry of `engine`'s glossary, in file order.
    pub fn new(engine: &Engine) -> Self {
        let g = engine.glossary();
        let mut entries: Vec<(usize, EntryStats)> = g
            .entries()
            .map(|(id, entry)| {
                let stats = EntryStats {
                    line: g.line_of_entry(id),
                    kind: entry.kind().as_str(),
                    label: entry.key().get_ref().clone(),
                    fired: 0,
                    files: Vec::new(),
                };
                (id.index(), stats)
            })
            .collect();
        entries.sort_by_key(|(id, e)| (e.line, *id));
        let mut position = vec![0; entries.len()];
        for (place, (id, _)) in entries.iter().enumerate() {
            position[*id] = place;
        }
        let entries = entries.into_iter().map(|(_, e)| e).collect();
        Stats { entries, rules: BTreeMap::new(), files: 0, position }
    }

    /// The findings [`Stats`] counts for one text (or one piece of a large one), the
    /// repairs merged into them; a text whose repairs do not converge gives its first
    /// pass's findings. Pure, so callers compute them on worker threads and count them in
    /// order with [`Stats::add_piece`].
    pub fn findings(engine: &Engine, text: &str) -> Vec<Finding> {
        engine.check(text).unwrap_or_else(|e| e.findings)
    }

    /// Counts the findings of one piece of file `name`; `first` is true for a whole file
    /// or the first piece of one read in chunks, so a file is counted once however it
    /// was read.
    pub fn add_piece(&mut self, name: &str, first: bool, findings: &[Finding]) {
        if first {
            self.files += 1;
        }
        for origin in findings.iter().flat_map(|f| f.origins()) {
            match origin.entry {
                Some(entry) => {
                    let e = &mut self.entries[self.position[entry.index()]];
                    e.fired += 1;
                    if e.files.last().is_none_or(|f| f != name) {
                        e.files.push(name.to_string());
                    }
                }
                None => *self.rules.entry(origin.rule).or_default() += 1,
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
