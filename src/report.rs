//! Emitters over findings: text lines, JSON lines, the list of repairs made, and a
//! unified diff.

use crate::finding::{Applicability, Finding};
use crate::lines::LineIndex;
use serde::Serialize;
use similar::TextDiff;

/// One finding placed in its file, as emitted by `check --format json`.
#[derive(Debug, Serialize)]
pub struct Located<'a> {
    /// The file (or `-` for standard input).
    pub path: &'a str,
    /// 1-based line of the finding.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// First byte the replacement replaces (the finding's own span when it has no fix).
    pub byte_start: usize,
    /// One past the last byte the replacement replaces.
    pub byte_end: usize,
    /// Rule id or glossary entry kind.
    pub rule: &'a str,
    /// Explanation.
    pub message: &'a str,
    /// The repair, `null` when there is none.
    pub replacement: Option<&'a str>,
    /// `safe` (applied by `fix`), `unsafe` (suggestion only), or `null` without a fix.
    pub applicability: Option<Applicability>,
    /// `glossary.toml:LINE` of the entry behind a glossary finding.
    pub entry: Option<String>,
}

/// Places findings in a text for reporting.
pub fn locate<'a>(path: &'a str, text: &str, glossary_path: &str, findings: &'a [Finding]) -> Vec<Located<'a>> {
    let index = LineIndex::new(text);
    findings
        .iter()
        .map(|f| {
            let (line, column) = index.position(text, f.span.start);
            let bytes = f.fix.as_ref().map_or(f.span, |fix| fix.edit.span);
            Located {
                path,
                line,
                column,
                byte_start: bytes.start,
                byte_end: bytes.end,
                rule: f.rule,
                message: &f.message,
                replacement: f.fix.as_ref().map(|fix| fix.edit.replacement.as_str()),
                applicability: f.fix.as_ref().map(|fix| fix.applicability),
                entry: f.entry.map(|e| format!("{glossary_path}:{}", e.line)),
            }
        })
        .collect()
}

/// `path:line:column: rule: message (-> replacement)`, one line per finding.
pub fn text_lines(located: &[Located]) -> String {
    let mut out = String::new();
    for l in located {
        let repair = match (l.replacement, l.applicability) {
            (Some(""), Some(Applicability::Safe)) => " (-> delete)".to_string(),
            (Some(r), Some(Applicability::Safe)) => format!(" (-> {r})"),
            (Some(r), _) => format!(" (suggestion: {r})"),
            (None, _) => String::new(),
        };
        let entry = l.entry.as_ref().map(|e| format!(" [{e}]")).unwrap_or_default();
        out.push_str(&format!(
            "{}:{}:{}: {}: {}{}{}\n",
            l.path,
            l.line,
            l.column,
            l.rule,
            one_line(l.message),
            repair,
            entry
        ));
    }
    out
}

/// One JSON object per finding, one per line.
pub fn json_lines(located: &[Located]) -> String {
    let mut out = String::new();
    for l in located {
        out.push_str(&serde_json::to_string(l).expect("findings serialize"));
        out.push('\n');
    }
    out
}

/// The repairs made: `line:column rule: "before" -> "after"`, one per line.
pub fn repairs(text: &str, applied: &[Finding]) -> String {
    let index = LineIndex::new(text);
    let mut out = String::new();
    for f in applied {
        let Some(edit) = f.safe_edit() else { continue };
        let (line, column) = index.position(text, f.span.start);
        let before = &text[edit.span.start..edit.span.end];
        out.push_str(&format!("{line}:{column} {}: {:?} -> {:?}\n", f.rule, before, edit.replacement));
    }
    out
}

/// A unified diff from `old` to `new` that `patch -p0` and `git apply -p0` accept.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    TextDiff::from_lines(old, new).unified_diff().context_radius(3).header(path, path).to_string()
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}
