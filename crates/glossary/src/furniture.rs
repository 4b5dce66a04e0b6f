//! `[[furniture]]` lines compiled for dropping: a whole line of page furniture ("Follow",
//! "Publicité"), anywhere or only among the edges of an article.

use crate::glossary::Glossary;
use crate::schema::Position;
use glossfix_diagnostics::{Edit, EntryId, Finding, Fix, RuleId};
use glossfix_text::Span;
use glossfix_text::case::has_upper;
use glossfix_text::fold::{Fold, fold};
use glossfix_text::lines::{Line, split_lines};
use std::collections::HashMap;

#[derive(Debug, Clone)]
struct FurnitureRule {
    /// `Some(exact fold)` for a line with capitals: it matches that case only.
    exact: Option<String>,
    position: Position,
    message: String,
    entry: EntryId,
}

/// The furniture lines of a glossary, by folded line.
#[derive(Debug, Clone, Default)]
pub(crate) struct FurnitureLines {
    by_line: HashMap<String, Vec<FurnitureRule>>,
    /// The most characters a folded furniture line has: a line with more characters
    /// that are not white space cannot fold to one (folding never drops one of them).
    longest: usize,
}

impl FurnitureLines {
    /// Compiles the `[[furniture]]` entries of `glossary`.
    pub(crate) fn compile(glossary: &Glossary) -> Self {
        let mut by_line: HashMap<String, Vec<FurnitureRule>> = HashMap::new();
        for (i, entry) in glossary.furniture.iter().enumerate() {
            let text = entry.line.get_ref().trim();
            if text.is_empty() {
                continue; // lint refuses it as `empty`
            }
            by_line.entry(fold(text, Fold::MATCH)).or_default().push(FurnitureRule {
                exact: has_upper(text).then(|| fold(text, Fold::EXACT)),
                position: entry.position,
                message: entry.note.clone().unwrap_or_else(|| format!("page furniture: {text:?}")),
                entry: glossary.furniture_id(i),
            });
        }
        let longest = by_line.keys().map(|k| k.chars().count()).max().unwrap_or(0);
        FurnitureLines { by_line, longest }
    }

    /// Whether `content` may fold to a furniture line: it has no more characters other
    /// than white space than the longest one has characters (most lines of an article
    /// are told apart without being folded).
    fn may_be_furniture(&self, content: &str) -> bool {
        content.chars().filter(|c| !c.is_whitespace()).nth(self.longest).is_none()
    }

    /// A finding for each furniture line of `text`, whose fix drops the line with its
    /// line break (and the blank lines it leaves at the top).
    pub(crate) fn find(&self, text: &str) -> Vec<Finding> {
        if self.by_line.is_empty() {
            return Vec::new();
        }
        let mut lines = split_lines(text);
        // A byte-order mark belongs to the file, not to its first line: it stays.
        if let Some(first) = lines.first_mut().filter(|_| text.starts_with('\u{feff}')) {
            first.start = '\u{feff}'.len_utf8();
        }
        let blank = |l: &Line| text[l.start..l.end].trim().is_empty();
        let matched: Vec<Option<&FurnitureRule>> = lines
            .iter()
            .map(|l| {
                let content = text[l.start..l.end].trim();
                if !self.may_be_furniture(content) {
                    return None;
                }
                self.by_line
                    .get(&fold(content, Fold::MATCH))?
                    .iter()
                    .find(|r| r.exact.as_ref().is_none_or(|exact| *exact == fold(content, Fold::EXACT)))
            })
            .collect();
        let furniture_or_blank = |i: usize| blank(&lines[i]) || matched[i].is_some();
        let leading = (0..lines.len()).take_while(|&i| furniture_or_blank(i)).count();
        let trailing_from = (0..lines.len()).rev().take_while(|&i| furniture_or_blank(i)).last().unwrap_or(lines.len());
        let dropped: Vec<bool> = (0..lines.len())
            .map(|i| matched[i].is_some_and(|r| r.position == Position::Anywhere || i < leading || i >= trailing_from))
            .collect();
        let mut findings = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let Some(rule) = matched[i].filter(|_| dropped[i]) else {
                continue;
            };
            let kept_after = (i + 1..lines.len()).any(|j| !blank(&lines[j]) && !dropped[j]);
            let previous = (0..i).rev().find(|&j| !blank(&lines[j]));
            let span = if kept_after {
                let swallow_blanks = i == 0 || blank(&lines[i - 1]);
                let end = if swallow_blanks {
                    (i + 1..lines.len()).find(|&j| !blank(&lines[j])).map_or(text.len(), |j| lines[j].start)
                } else {
                    line.next
                };
                Span::new(line.start, end)
            } else {
                match previous {
                    Some(j) => Span::new(lines[j].end, line.end),
                    None => Span::new(line.start, line.next),
                }
            };
            findings.push(
                Finding::new(RuleId::Furniture, Span::new(line.start, line.end), rule.message.clone())
                    .with_fix(Fix::safe(Edit::delete(span)))
                    .with_entry(rule.entry),
            );
        }
        findings
    }
}
