//! glossfix's emitters: pure functions from findings to the text `check`, `fix --check`,
//! `fix --diff` and the snapshot tests print. Nothing here prints.
//!
//! | function | output |
//! |---|---|
//! | [`locate`] | findings placed in their file: line, column, bytes, glossary entry |
//! | [`text_lines`] | `path:line:column: rule: message (-> repair) [glossary.toml:LINE]` |
//! | [`json_lines`] | one JSON object per finding |
//! | [`repairs`] | `line:column rule: "before" -> "after"`, one per edit (snapshots) |
//! | [`unified_diff`] | a diff `patch -p0` and `git apply -p0` accept |
#![warn(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

use glossfix_diagnostics::{Applicability, Finding, Origin, RuleId};
use glossfix_glossary::Glossary;
use glossfix_text::display::one_line;
use glossfix_text::lines::LineIndex;
use serde::Serialize;
use similar::TextDiff;

/// Where a text starts in its file, for a chunk of a large file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Offset {
    /// Line breaks before it.
    pub lines: usize,
    /// Bytes before it.
    pub bytes: usize,
    /// Characters before it on its first line: not 0 when a very long line was cut
    /// into pieces, so columns on that line count from the line's start.
    pub columns: usize,
}

/// One edit of a fix, placed in its file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocatedEdit {
    /// First byte replaced.
    pub byte_start: usize,
    /// One past the last byte replaced.
    pub byte_end: usize,
    /// What replaces them.
    pub replacement: String,
}

/// What else produced a finding's fix (a later repair merged into it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocatedOrigin {
    /// The rule id.
    pub rule: RuleId,
    /// `glossary.toml:LINE` of the entry, for glossary rules.
    pub entry: Option<String>,
}

/// One finding placed in its file, as `check --format json` writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    /// The rule id.
    pub rule: RuleId,
    /// Explanation.
    pub message: &'a str,
    /// What `byte_start..byte_end` becomes, `null` when there is no fix.
    pub replacement: Option<String>,
    /// `safe` (applied by `fix`), `unsafe` (suggestion only), `display-only`, or `null`
    /// without a fix.
    pub applicability: Option<Applicability>,
    /// `glossary.toml:LINE` of the entry behind a glossary finding.
    pub entry: Option<String>,
    /// The fix's edits, each on its own (one for almost every fix).
    pub edits: Vec<LocatedEdit>,
    /// Later repairs merged into this one's fix (a chain).
    pub then: Vec<LocatedOrigin>,
    /// For text output: the finding's text with the fix made, to show as `-> …`.
    #[serde(skip)]
    pub shown: Option<String>,
}

/// Places `findings` of `text` (which starts at `offset` in the file `path`); entries are
/// named by `glossary`'s origin and line.
pub fn locate<'a>(
    path: &'a str,
    text: &str,
    glossary: &Glossary,
    findings: &'a [Finding],
    offset: Offset,
) -> Vec<Located<'a>> {
    let index = LineIndex::new(text);
    let entry = |o: Origin| o.entry.map(|id| format!("{}:{}", glossary.origin(), glossary.line_of_entry(id)));
    findings
        .iter()
        .map(|f| {
            let (line, column) = index.position(text, f.span.start);
            let bytes = f.fix.as_ref().map_or(f.span, |fix| fix.span());
            let replacement = f.fix.as_ref().map(|fix| fix.render(text, bytes));
            let shown = f.fix.as_ref().map(|fix| fix.render(text, f.span.cover(&fix.span())));
            let edits = f.fix.as_ref().map_or(Vec::new(), |fix| {
                fix.edits()
                    .iter()
                    .map(|e| LocatedEdit {
                        byte_start: e.span.start + offset.bytes,
                        byte_end: e.span.end + offset.bytes,
                        replacement: e.replacement.clone(),
                    })
                    .collect()
            });
            Located {
                path,
                line: line + offset.lines,
                column: if line == 1 { column + offset.columns } else { column },
                byte_start: bytes.start + offset.bytes,
                byte_end: bytes.end + offset.bytes,
                rule: f.rule,
                message: &f.message,
                replacement,
                applicability: f.fix.as_ref().map(|fix| fix.applicability()),
                entry: entry(f.origin()),
                edits,
                then: f.then.iter().map(|&o| LocatedOrigin { rule: o.rule, entry: entry(o) }).collect(),
                shown,
            }
        })
        .collect()
}

/// `path:line:column: rule: message (-> repair) [glossary.toml:LINE]`, one line per
/// finding. The repair shows what the finding's text becomes: `(-> X)` for a fix `fix`
/// applies (`(-> delete)` when nothing is left), `(suggestion: X)` for one it does not,
/// nothing for a report. Repairs merged into the fix follow as `(then: …)`.
pub fn text_lines(located: &[Located]) -> String {
    let mut out = String::new();
    for l in located {
        let repair = match (l.shown.as_deref(), l.applicability) {
            (Some(""), Some(Applicability::Safe)) => " (-> delete)".to_string(),
            (Some(r), Some(Applicability::Safe)) => format!(" (-> {})", one_line(r)),
            (Some(r), Some(Applicability::DisplayOnly)) => format!(" (not applied: {})", one_line(r)),
            (Some(r), _) => format!(" (suggestion: {})", one_line(r)),
            (None, _) => String::new(),
        };
        let entry = l.entry.as_ref().map(|e| format!(" [{e}]")).unwrap_or_default();
        let then = if l.then.is_empty() {
            String::new()
        } else {
            let names: Vec<String> = l
                .then
                .iter()
                .map(|o| match &o.entry {
                    Some(e) => format!("{} [{e}]", o.rule),
                    None => o.rule.to_string(),
                })
                .collect();
            format!(" (then: {})", names.join(", "))
        };
        out.push_str(&format!(
            "{}:{}:{}: {}: {}{}{}{}\n",
            l.path,
            l.line,
            l.column,
            l.rule,
            one_line(l.message),
            repair,
            entry,
            then
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

/// The repairs of `findings` whose fixes apply at `level`: `line:column rule: "before" ->
/// "after"`, one line per edit, as the corpus snapshots show them.
pub fn repairs(text: &str, findings: &[Finding], level: Applicability) -> String {
    let index = LineIndex::new(text);
    let mut out = String::new();
    for f in findings {
        let Some(fix) = f.fix_at(level) else { continue };
        let (line, column) = index.position(text, f.span.start);
        for edit in fix.edits() {
            let before = &text[edit.span.start..edit.span.end];
            out.push_str(&format!("{line}:{column} {}: {:?} -> {:?}\n", f.rule, before, edit.replacement));
        }
        if !f.then.is_empty() {
            let then: Vec<&str> = f.then.iter().map(|o| o.rule.as_str()).collect();
            out.push_str(&format!("  then: {}\n", then.join(", ")));
        }
    }
    out
}

/// A unified diff from `old` to `new` that `patch -p0` and `git apply -p0` accept; empty
/// when they are the same.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    TextDiff::from_lines(old, new).unified_diff().context_radius(3).header(path, path).to_string()
}
