//! glossfix's emitters: pure functions from findings to the text `check`, `fix --check`,
//! `fix --diff` and the snapshot tests print. Nothing here prints.
//!
//! | function | output |
//! |---|---|
//! | [`locate`] | findings placed in their file: line, column, bytes, glossary entry |
//! | [`text_lines`] | `path:line:column: rule: message (-> repair) [glossary.toml:LINE]` |
//! | [`styled_text_lines`] | the same for a terminal: coloured, each with the matched text in its line |
//! | [`json_lines`] | one JSON object per finding |
//! | [`repairs`] | `line:column rule: "before" -> "after"`, one per edit (snapshots) |
//! | [`unified_diff`] | a diff `patch -p0` and `git apply -p0` accept |
//! | [`context_around`] | the few characters of a finding's line on each side of it |
//! | [`word_diff`] | the changed words of each changed line, `[-old-]{+new+}` or coloured |
//! | [`snapshot_body`], [`snap_file`], [`snap_body`] | an article's snapshot, in insta's `.snap` format |
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
    /// The file (or `-` for standard input); left out of JSON when empty (a finding of
    /// a JSON Lines record, which the record itself places).
    #[serde(skip_serializing_if = "str::is_empty")]
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
    /// The text the finding is about (its own span).
    pub matched: String,
    /// Other replacements offered for the same bytes (an English leak's further French
    /// candidates); never applied by `fix`.
    pub alternatives: Vec<String>,
    /// For text output: the finding's text with the fix made, to show as `-> …`.
    #[serde(skip)]
    pub shown: Option<String>,
    /// For a terminal: up to [`CONTEXT_CHARS`] characters of the line before and after
    /// the match.
    #[serde(skip)]
    pub context: (String, String),
}

/// How many characters of its line a styled finding shows on each side of the match.
pub const CONTEXT_CHARS: usize = 40;

/// The text of the line around `[start, end)`: up to `n` characters on each side, white
/// space made single spaces, "…" where the line goes on. It reads at most `n + 1`
/// characters on each side, however long the line.
pub fn context_around(text: &str, start: usize, end: usize, n: usize) -> (String, String) {
    let is_break = |c: char| c == '\n' || c == '\r';
    let flat = |c: char| if c.is_whitespace() { ' ' } else { c };
    let mut before: Vec<char> = text[..start].chars().rev().take_while(|&c| !is_break(c)).take(n + 1).collect();
    let cut_before = before.len() > n;
    before.truncate(n);
    let mut b: String = before.into_iter().rev().map(flat).collect();
    if cut_before {
        b.insert(0, '…');
    }
    let after: Vec<char> = text[end..].chars().take_while(|&c| !is_break(c)).take(n + 1).collect();
    let mut a: String = after.iter().take(n).copied().map(flat).collect();
    if after.len() > n {
        a.push('…');
    }
    (b, a)
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
    locate_with(path, text, glossary, findings, offset, true)
}

/// [`locate`], with each finding's [`Located::context`] worked out only when `context`
/// asks for it (only [`styled_text_lines`] shows it; without it, it is left empty).
pub fn locate_with<'a>(
    path: &'a str,
    text: &str,
    glossary: &Glossary,
    findings: &'a [Finding],
    offset: Offset,
    context: bool,
) -> Vec<Located<'a>> {
    if findings.is_empty() {
        return Vec::new();
    }
    let index = LineIndex::new(text);
    // Findings come in text order: columns are counted on, not from each line's start.
    let mut cursor = index.cursor(text);
    let entry = |o: Origin| o.entry.map(|id| glossary.place_of_entry(id));
    findings
        .iter()
        .map(|f| {
            let (line, column) = cursor.position(f.span.start);
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
                matched: text[f.span.start..f.span.end].to_string(),
                alternatives: f.alternatives.clone(),
                shown,
                context: if context {
                    context_around(text, f.span.start, f.span.end, CONTEXT_CHARS)
                } else {
                    Default::default()
                },
            }
        })
        .collect()
}

/// `path:line:column: rule: message (-> repair) [glossary.toml:LINE]`, one line per
/// finding. The repair shows what the finding's text becomes: `(-> X)` for a fix `fix`
/// applies (`(-> delete)` when nothing is left), `(suggestion: X)` for one it does not,
/// nothing for a report. Repairs merged into the fix follow as `(then: …)`.
pub fn text_lines(located: &[Located]) -> String {
    render_text(located, false)
}

/// [`text_lines`] for a terminal: the path in bold, the rule coloured by what `fix` does
/// with it (green: repaired, yellow: a suggestion, magenta: a report), and under each
/// finding its line with the matched text highlighted.
pub fn styled_text_lines(located: &[Located]) -> String {
    render_text(located, true)
}

/// The colour of a finding's rule id: what `fix` does with it.
fn severity(applicability: Option<Applicability>) -> anstyle::Style {
    use anstyle::AnsiColor;
    let colour = match applicability {
        Some(Applicability::Safe) => AnsiColor::Green,
        Some(Applicability::Unsafe | Applicability::DisplayOnly) => AnsiColor::Yellow,
        None => AnsiColor::Magenta,
    };
    anstyle::Style::new().fg_color(Some(colour.into())).bold()
}

fn render_text(located: &[Located], styled: bool) -> String {
    use std::fmt::Write;
    let bold = anstyle::Style::new().bold();
    let matched = anstyle::Style::new().fg_color(Some(anstyle::AnsiColor::Red.into())).bold().underline();
    let dim = anstyle::Style::new().dimmed();
    // Writes `s` to `out`, in `style` when styled (and `s` is not empty).
    let paint = |out: &mut String, style: anstyle::Style, s: &dyn std::fmt::Display| {
        let s = s.to_string();
        if styled && !s.is_empty() {
            let _ = write!(out, "{}{s}{}", style.render(), style.render_reset());
        } else {
            out.push_str(&s);
        }
    };
    let mut out = String::new();
    for l in located {
        // (Writing to a String cannot fail.)
        if styled {
            paint(&mut out, bold, &format_args!("{}:{}:{}", l.path, l.line, l.column));
            out.push_str(": ");
            paint(&mut out, severity(l.applicability), &l.rule.as_str());
        } else {
            let _ = write!(out, "{}:{}:{}: {}", l.path, l.line, l.column, l.rule.as_str());
        }
        let _ = write!(out, ": {}", one_line(l.message));
        match (l.shown.as_deref(), l.applicability) {
            (Some(""), Some(Applicability::Safe)) => out.push_str(" (-> delete)"),
            (Some(r), Some(Applicability::Safe)) => {
                let _ = write!(out, " (-> {})", one_line(r));
            }
            (Some(r), Some(Applicability::DisplayOnly)) => {
                let _ = write!(out, " (not applied: {})", one_line(r));
            }
            (Some(r), _) => {
                let _ = write!(out, " (suggestion: {})", one_line(r));
            }
            (None, _) => {}
        }
        if let Some(e) = &l.entry {
            paint(&mut out, dim, &format_args!(" [{e}]"));
        }
        if !l.then.is_empty() {
            out.push_str(" (then: ");
            for (k, o) in l.then.iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                match &o.entry {
                    Some(e) => {
                        let _ = write!(out, "{} [{e}]", o.rule);
                    }
                    None => {
                        let _ = write!(out, "{}", o.rule);
                    }
                }
            }
            out.push(')');
        }
        out.push('\n');
        if styled {
            let (before, after) = &l.context;
            let shown = if l.matched.is_empty() { "‸".to_string() } else { one_line(&l.matched) };
            out.push_str("    ");
            paint(&mut out, dim, &"|");
            let _ = write!(out, " {before}");
            paint(&mut out, matched, &shown);
            let _ = writeln!(out, "{after}");
        }
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

/// The changed words of each changed line of `old` → `new`, one line per changed line:
/// `path:line: …context [-old-]{+new+} context…` (line numbers of `new`), with equal
/// stretches longer than twice [`CONTEXT_CHARS`] shortened to "…". Styled for a
/// terminal, removed words are red and struck, added ones green, without the brackets.
/// Empty when the texts are the same.
pub fn word_diff(path: &str, old: &str, new: &str, styled: bool) -> String {
    use similar::{ChangeTag, DiffOp};
    if old == new {
        return String::new();
    }
    let removed = anstyle::Style::new().fg_color(Some(anstyle::AnsiColor::Red.into())).strikethrough();
    let added = anstyle::Style::new().fg_color(Some(anstyle::AnsiColor::Green.into())).bold();
    let mark = |tag: ChangeTag, s: &str| -> String {
        match (tag, styled) {
            (ChangeTag::Equal, _) => s.to_string(),
            (ChangeTag::Delete, false) => format!("[-{s}-]"),
            (ChangeTag::Insert, false) => format!("{{+{s}+}}"),
            (ChangeTag::Delete, true) => format!("{}{s}{}", removed.render(), removed.render_reset()),
            (ChangeTag::Insert, true) => format!("{}{s}{}", added.render(), added.render_reset()),
        }
    };
    let lines = TextDiff::from_lines(old, new);
    let bare = |s: &str| s.trim_end_matches(['\n', '\r']).to_string();
    let mut out = String::new();
    for op in lines.ops() {
        if matches!(op, DiffOp::Equal { .. }) {
            continue;
        }
        // (line number in `new`, text) of the lines removed and added.
        let mut removed_lines: Vec<(usize, String)> = Vec::new();
        let mut added_lines: Vec<(usize, String)> = Vec::new();
        let at = op.new_range().start + 1;
        for change in lines.iter_changes(op) {
            match change.tag() {
                ChangeTag::Delete => removed_lines.push((at, bare(change.value()))),
                ChangeTag::Insert => added_lines.push((change.new_index().map_or(at, |i| i + 1), bare(change.value()))),
                ChangeTag::Equal => {}
            }
        }
        // Old and new lines are paired where they are alike (half their words or more
        // the same) and diffed word by word; a line with no partner is shown whole.
        let alike = |a: &str, b: &str| TextDiff::from_words(a, b).ratio() >= 0.5;
        let (mut i, mut j) = (0, 0);
        while i < removed_lines.len() || j < added_lines.len() {
            let old_line = removed_lines.get(i).map(|(_, t)| t.as_str());
            let new_line = added_lines.get(j);
            match (old_line, new_line) {
                (Some(a), Some((line_no, b))) => {
                    let next_old_pairs = removed_lines.get(i + 1).is_some_and(|(_, t)| alike(t, b));
                    let next_new_pairs = added_lines.get(j + 1).is_some_and(|(_, t)| alike(a, t));
                    if !alike(a, b) && next_old_pairs {
                        out.push_str(&format!("{path}:{line_no}: {}\n", mark(ChangeTag::Delete, a)));
                        i += 1;
                    } else if !alike(a, b) && next_new_pairs {
                        out.push_str(&format!("{path}:{line_no}: {}\n", mark(ChangeTag::Insert, b)));
                        j += 1;
                    } else {
                        out.push_str(&format!("{path}:{line_no}: {}\n", changed_words(a, b, &mark)));
                        i += 1;
                        j += 1;
                    }
                }
                (Some(a), None) => {
                    let line_no = added_lines.last().map_or(at, |(n, _)| n + 1);
                    out.push_str(&format!("{path}:{line_no}: {}\n", mark(ChangeTag::Delete, a)));
                    i += 1;
                }
                (None, Some((line_no, b))) => {
                    out.push_str(&format!("{path}:{line_no}: {}\n", mark(ChangeTag::Insert, b)));
                    j += 1;
                }
                (None, None) => break,
            }
        }
    }
    out
}

/// One line's word diff: `a` → `b`, the changed words marked by `mark`, long equal
/// stretches shortened.
fn changed_words(a: &str, b: &str, mark: &impl Fn(similar::ChangeTag, &str) -> String) -> String {
    use similar::ChangeTag;
    let words = TextDiff::from_words(a, b);
    // Changes with only spaces between them are shown as one: "[-a b-]{+c d+}".
    let changes: Vec<(ChangeTag, &str)> = words.iter_all_changes().map(|c| (c.tag(), c.value())).collect();
    let mut runs: Vec<(ChangeTag, String)> = Vec::new();
    for (k, &(tag, value)) in changes.iter().enumerate() {
        let between_changes = tag == ChangeTag::Equal
            && value.trim().is_empty()
            && k > 0
            && changes[k - 1].0 != ChangeTag::Equal
            && changes.get(k + 1).is_some_and(|c| c.0 != ChangeTag::Equal);
        let tags: &[ChangeTag] =
            if between_changes { &[ChangeTag::Delete, ChangeTag::Insert] } else { std::slice::from_ref(&changes[k].0) };
        for &tag in tags {
            let open = if tag == ChangeTag::Equal {
                runs.last_mut().filter(|(t, _)| *t == ChangeTag::Equal)
            } else {
                runs.iter_mut().rev().take_while(|(t, _)| *t != ChangeTag::Equal).find(|(t, _)| *t == tag)
            };
            match open {
                Some((_, run)) => run.push_str(value),
                None => runs.push((tag, value.to_string())),
            }
        }
    }
    let mut line = String::new();
    for (tag, value) in &runs {
        if *tag == ChangeTag::Equal {
            line.push_str(&shorten(value, CONTEXT_CHARS));
        } else {
            line.push_str(&mark(*tag, value));
        }
    }
    line
}

/// `s` with its middle replaced by "…" when it is longer than `2 × n` characters.
fn shorten(s: &str, n: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= 2 * n {
        return s.to_string();
    }
    let head: String = chars[..n].iter().collect();
    let tail: String = chars[chars.len() - n..].iter().collect();
    format!("{head}…{tail}")
}

/// An article's snapshot, as the corpus tests and `glossfix snapshot` store it: the
/// repairs made (`line:column rule: "before" -> "after"`), the findings left (as
/// [`text_lines`] gives them, without a path) and the fixed text.
pub fn snapshot_body(
    text: &str,
    glossary: &Glossary,
    findings: &[Finding],
    level: Applicability,
    fixed: &str,
) -> String {
    let left: Vec<Finding> = findings.iter().filter(|f| f.fix_at(level).is_none()).cloned().collect();
    let remaining: String = text_lines(&locate("", text, glossary, &left, Offset::default()))
        .lines()
        .map(|l| format!("{}\n", l.trim_start_matches(':')))
        .collect();
    format!(
        "## repairs (line:column rule: before -> after)\n{}\n## reported, not repaired\n{}\n## fixed text\n{}",
        repairs(text, findings, level),
        remaining,
        fixed
    )
}

/// A `.snap` file as insta writes one (a metadata header between `---` lines, then the
/// snapshot), so that `cargo insta` can read it.
pub fn snap_file(input_file: &str, body: &str) -> String {
    let quoted = serde_json::to_string(input_file).expect("a string serializes");
    format!("---\nsource: glossfix snapshot\nexpression: {quoted}\ninput_file: {quoted}\n---\n{body}\n")
}

/// The snapshot in a `.snap` file: what follows its metadata header (the whole file when
/// it has none), without trailing line breaks, as insta compares them.
pub fn snap_body(file: &str) -> &str {
    let body =
        file.strip_prefix("---\n").and_then(|rest| rest.find("\n---\n").map(|end| &rest[end + 5..])).unwrap_or(file);
    body.trim_end_matches(['\n', '\r'])
}

/// A unified diff from `old` to `new` that `patch -p0` and `git apply -p0` accept; empty
/// when they are the same.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    TextDiff::from_lines(old, new).unified_diff().context_radius(3).header(path, path).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_around_table() {
        // (text, span, characters each side, before, after)
        type Row = (&'static str, (usize, usize), usize, &'static str, &'static str);
        let cases: &[Row] = &[
            ("Il a dit vehicle le nettoyage.", (9, 16), 40, "Il a dit ", " le nettoyage."),
            ("abcdef XY ghijkl", (7, 9), 3, "…ef ", " gh…"),
            ("un\nde\tun\r\nfin", (3, 5), 10, "", "\tun"),
            ("é\u{a0}X", (4, 5), 1, "…\u{a0}", ""),
        ];
        for &(text, (start, end), n, before, after) in cases {
            let flat = |s: &str| s.replace(['\t', '\u{a0}'], " ");
            assert_eq!(context_around(text, start, end, n), (flat(before), flat(after)), "{text:?}");
        }
    }

    #[test]
    fn snap_files_round_trip() {
        let body = "## repairs\n1:1 fix: \"a\" -> \"b\"\n\n## fixed text\nb\n";
        let file = snap_file("articles/a \"b\".txt", body);
        assert!(
            file.starts_with("---\nsource: glossfix snapshot\nexpression: \"articles/a \\\"b\\\".txt\"\n"),
            "{file}"
        );
        assert_eq!(snap_body(&file), body.trim_end());
        // insta's own files read the same way.
        let insta = "---\nsource: tests/it/corpus.rs\nassertion_line: 27\nexpression: snapshot\n---\n## x\n\n";
        assert_eq!(snap_body(insta), "## x");
        assert_eq!(snap_body("no header\n"), "no header");
    }

    #[test]
    fn word_diff_table() {
        // (old, new, plain word diff)
        let cases: &[(&str, &str, &str)] = &[
            (
                "Il dit vehicle le nettoyage.\nRien.\n",
                "Il dit car le nettoyage.\nRien.\n",
                "a:1: Il dit [-vehicle-]{+car+} le nettoyage.\n",
            ),
            ("Un.\r\nDeux  .\r\n", "Un.\r\nDeux.\r\n", "a:2: [-Deux  .-]{+Deux.+}\n"),
            ("la end of the day ici\n", "la fin du jour ici\n", "a:1: la [-end of the day-]{+fin du jour+} ici\n"),
            ("Follow\nTexte.\n", "Texte.\n", "a:1: [-Follow-]\n"),
            ("même\n", "même\n", ""),
            (
                &format!("{} vehicle {}\n", "a".repeat(100), "b".repeat(100)),
                &format!("{} car {}\n", "a".repeat(100), "b".repeat(100)),
                &format!(
                    "a:1: {}…{} [-vehicle-]{{+car+}} {}…{}\n",
                    "a".repeat(40),
                    "a".repeat(39),
                    "b".repeat(39),
                    "b".repeat(40)
                ),
            ),
        ];
        for (old, new, want) in cases {
            assert_eq!(word_diff("a", old, new, false), *want, "{old:?} -> {new:?}");
        }
        let styled = word_diff("a", "x vehicle y\n", "x car y\n", true);
        assert!(styled.contains("\u{1b}[") && !styled.contains("[-") && styled.contains("car"), "{styled:?}");
    }

    #[test]
    fn styled_text_shows_the_match_in_its_line() {
        let glossary = Glossary::parse("", "glossary.toml").expect("an empty glossary");
        let text = "Il a dit vehicle le nettoyage.\n";
        let finding = Finding::new(RuleId::EnglishLeak, glossfix_text::Span::new(9, 16), "English".to_string());
        let findings = [finding];
        let located = locate("a.txt", text, &glossary, &findings, Offset::default());
        assert_eq!(located[0].matched, "vehicle");
        assert_eq!(located[0].context, ("Il a dit ".to_string(), " le nettoyage.".to_string()));
        let plain = text_lines(&located);
        assert_eq!(plain, "a.txt:1:10: english-leak: English\n");
        let styled = styled_text_lines(&located);
        assert!(!styled.starts_with("a.txt"), "the path is styled: {styled:?}");
        let unstyled: String = strip(&styled);
        assert_eq!(unstyled, "a.txt:1:10: english-leak: English\n    | Il a dit vehicle le nettoyage.\n");
        assert!(json_lines(&located).contains(r#""matched":"vehicle""#));
        // Without the context: the same plain text and JSON, the context left empty.
        let bare = locate_with("a.txt", text, &glossary, &findings, Offset::default(), false);
        assert_eq!(bare[0].context, (String::new(), String::new()));
        assert_eq!((text_lines(&bare), json_lines(&bare)), (plain, json_lines(&located)));
    }

    /// `s` without its ANSI escape sequences.
    fn strip(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                for d in chars.by_ref() {
                    if d.is_ascii_alphabetic() {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }
}
