//! The pipeline: findings from the glossary and the built-in rules, then the edits
//! `fix` makes from them. `check`, `fix`, `--diff`, `--write` and `--check` all read the
//! same findings.

use crate::align::{Aligner, Pair, glossary_pairs};
use crate::edit::{Edit, Span, apply_edits};
use crate::finding::{Applicability, Finding};
use crate::glossary::Glossary;
use crate::rules;
use crate::source_check;

/// A glossary plus the built-in rules, ready to check and fix texts.
#[derive(Debug, Clone)]
pub struct Engine {
    glossary: Glossary,
    aligner: Aligner,
    pairs: Vec<Pair>,
}

/// What [`Engine::fix`] did to a text.
#[derive(Debug, Clone)]
pub struct FixOutcome {
    /// The repaired text.
    pub text: String,
    /// The findings whose fixes were applied, in text order (spans refer to the input).
    pub applied: Vec<Finding>,
    /// Findings left alone: report-only ones and fixes that are not safe.
    pub remaining: Vec<Finding>,
}

impl Engine {
    /// An engine over `glossary`, with the built-in rules its `[rules]` table leaves on.
    pub fn new(glossary: Glossary) -> Self {
        let pairs = glossary_pairs(&glossary);
        Engine { aligner: Aligner::new(&pairs), pairs, glossary }
    }

    /// The aligner, anchored on the glossary's English forms.
    pub fn aligner(&self) -> &Aligner {
        &self.aligner
    }

    /// The glossary in use.
    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    /// Every finding in `text`, sorted by position. A safe fix that overlaps one taken
    /// before it (glossary entries first, then longer spans) is dropped, so the safe
    /// findings reported are exactly the edits [`Engine::fix`] makes; so is a suggestion
    /// or report that a safe fix already rewrites.
    pub fn check(&self, text: &str) -> Vec<Finding> {
        self.findings(text, None, Applicability::Safe, false)
    }

    /// Like [`Engine::check`], plus the findings against the English `source`:
    /// omissions, additions, number mismatches, dropped terms, untranslated sentences.
    pub fn check_against(&self, text: &str, source: &str) -> Vec<Finding> {
        self.findings(text, Some(source), Applicability::Safe, false)
    }

    /// The findings, where every fix up to `level` counts as one that will be applied.
    /// With `repairs_only` (when `fix` verifies its own output and only safe repairs
    /// count), rules that only report or suggest are not run.
    fn findings(&self, text: &str, source: Option<&str>, level: Applicability, repairs_only: bool) -> Vec<Finding> {
        let settings = &self.glossary.rule_settings;
        let mut findings = self.glossary.matcher().find(text, settings);
        let from_glossary = findings.len();
        let repairs_only = repairs_only && level == Applicability::Safe;
        findings.extend(rules::check_all(text, settings, repairs_only));
        if let Some(source) = source {
            findings.extend(source_check::check(&self.aligner, &self.pairs, source, text));
        }
        // Safe fixes first, then (with --unsafe) the unsafe ones; glossary before rules.
        let mut order: Vec<usize> = (0..findings.len()).filter(|&i| findings[i].edit_up_to(level).is_some()).collect();
        order.sort_by_key(|&i| findings[i].fix.as_ref().map(|f| f.applicability));
        let edits: Vec<_> = order.iter().map(|&i| findings[i].edit_up_to(level).cloned().expect("filtered")).collect();
        let mut taken = vec![false; findings.len()];
        for k in apply_edits(text, &edits).taken {
            taken[order[k]] = true;
        }
        // The spans the taken edits rewrite, sorted and disjoint (apply_edits takes no
        // overlapping edits), for a binary-search overlap test.
        let mut applied_spans: Vec<Span> = (0..findings.len())
            .filter(|&i| taken[i])
            .map(|i| findings[i].fix.as_ref().expect("has a fix").edit.span)
            .filter(|s| !s.is_empty())
            .collect();
        applied_spans.sort_unstable();
        let covered = |span: &Span| {
            let i = applied_spans.partition_point(|s| s.end <= span.start);
            applied_spans.get(i).is_some_and(|s| s.overlaps(span))
        };
        let mut keep: Vec<(bool, Finding)> = Vec::with_capacity(findings.len());
        for (i, finding) in findings.into_iter().enumerate() {
            let will_apply = finding.edit_up_to(level).is_some();
            // A fix that lost to an overlapping one, or a report about text that a fix
            // rewrites, says nothing more.
            if taken[i] || (!will_apply && !covered(&finding.span)) {
                keep.push((i >= from_glossary, finding));
            }
        }
        keep.sort_by_key(|(from_rule, f)| (f.span.start, *from_rule, f.span.end));
        keep.into_iter().map(|(_, f)| f).collect()
    }

    /// Applies every safe fix; every other byte is copied unchanged.
    ///
    /// Two repairs can overlap ("de empêcher" and "empêcher les états"): one pass takes
    /// the first and the next pass the other. `fix` repeats until nothing changes (at
    /// most [`MAX_PASSES`] passes: lint refuses cycles, so chains are finite) so that
    /// running it on its own output changes nothing.
    /// Repairs made by later passes are reported with their spans mapped back onto the
    /// input.
    pub fn fix(&self, text: &str) -> FixOutcome {
        self.fix_up_to(text, None, Applicability::Safe)
    }

    /// Like [`Engine::fix`], also making the repairs the English `source` makes certain
    /// (an amount the source gives: "250 millions de dollars"); `unsafe_fixes` applies
    /// suggestions too.
    pub fn fix_against(&self, text: &str, source: &str, unsafe_fixes: bool) -> FixOutcome {
        let level = if unsafe_fixes { Applicability::Unsafe } else { Applicability::Safe };
        self.fix_up_to(text, Some(source), level)
    }

    /// Like [`Engine::fix`], applying unsafe fixes too (`fix --unsafe`): English leaks get
    /// their first French candidate, name near-misses their canonical form.
    pub fn fix_unsafe(&self, text: &str) -> FixOutcome {
        self.fix_up_to(text, None, Applicability::Unsafe)
    }

    fn fix_up_to(&self, text: &str, source: Option<&str>, level: Applicability) -> FixOutcome {
        let findings = self.findings(text, source, level, false);
        let (mut applied, remaining): (Vec<Finding>, Vec<Finding>) =
            findings.into_iter().partition(|f| f.edit_up_to(level).is_some());
        let edits: Vec<_> = applied.iter().filter_map(|f| f.edit_up_to(level).cloned()).collect();
        let mut current = apply_edits(text, &edits).text;
        let mut history = vec![edits];
        for _ in 1..MAX_PASSES {
            let more: Vec<Finding> = self
                .findings(&current, source, level, true)
                .into_iter()
                .filter(|f| f.edit_up_to(level).is_some())
                .collect();
            if more.is_empty() {
                break;
            }
            let edits: Vec<_> = more.iter().filter_map(|f| f.edit_up_to(level).cloned()).collect();
            let applied_now = apply_edits(&current, &edits);
            for i in applied_now.taken {
                let mut finding = more[i].clone();
                for earlier in history.iter().rev() {
                    finding.span = map_back(finding.span, earlier);
                    if let Some(fix) = finding.fix.as_mut() {
                        fix.edit.span = map_back(fix.edit.span, earlier);
                    }
                }
                applied.push(finding);
            }
            current = applied_now.text;
            history.push(edits);
        }
        applied.sort_by_key(|f| (f.span.start, f.span.end));
        FixOutcome { text: current, applied, remaining }
    }
}

/// How many times [`Engine::fix`] re-runs over its own output at most.
pub const MAX_PASSES: usize = 16;

/// Maps a span of the text produced by applying `edits` back onto the text they were
/// applied to: a position inside a replacement maps to the edge of the replaced span.
fn map_back(span: Span, edits: &[Edit]) -> Span {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    let map = |pos: usize, is_end: bool| {
        let mut delta: isize = 0;
        let mut last_end = 0;
        for e in &sorted {
            if e.span.start < last_end {
                continue; // skipped by apply_edits as overlapping
            }
            let new_start = (e.span.start as isize + delta) as usize;
            let new_end = new_start + e.replacement.len();
            if pos < new_start || (pos == new_start && is_end) {
                break;
            }
            if pos < new_end {
                return if is_end { e.span.end } else { e.span.start };
            }
            delta += e.replacement.len() as isize - e.span.len() as isize;
            last_end = e.span.end;
        }
        (pos as isize - delta) as usize
    };
    Span::new(map(span.start, false), map(span.end, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_repairs_are_all_made_and_fix_is_idempotent() {
        let g = Glossary::from_toml_str(
            "[[fix]]\nfind = 'de empêcher'\nreplace = 'd’empêcher'\n\
             [[fix]]\nfind = 'empêcher les états'\nreplace = 'empêcher les États'\n",
            "t.toml",
        )
        .unwrap();
        let engine = Engine::new(g);
        let text = "dans le but de empêcher les états de fournir";
        let once = engine.fix(text);
        assert_eq!(once.text, "dans le but d’empêcher les États de fournir");
        assert_eq!(engine.fix(&once.text).text, once.text);
        let spans: Vec<_> = once.applied.iter().map(|f| &text[f.span.start..f.span.end]).collect();
        assert_eq!(spans, ["de empêcher", "de empêcher les états"], "the second repair is mapped back onto the input");
    }

    #[test]
    fn map_back_table() {
        let edits = [
            Edit { span: Span::new(2, 4), replacement: "XYZ".into() },
            Edit { span: Span::new(6, 7), replacement: String::new() },
        ];
        // input "abcdefgh" -> output "abXYZefh"
        // (span in output, span in input)
        let cases = [
            ((0, 2), (0, 2)),
            ((2, 5), (2, 4)),
            ((3, 4), (2, 4)),
            ((5, 7), (4, 6)),
            ((5, 8), (4, 8)),
            ((7, 8), (7, 8)),
        ];
        for (out, input) in cases {
            assert_eq!(map_back(Span::new(out.0, out.1), &edits), Span::new(input.0, input.1), "{out:?}");
        }
    }
}
