//! Composing fix passes onto the input.
//!
//! `fix` repeats until its own output has nothing left to repair, because two repairs
//! can overlap ("de empêcher" → "d’empêcher" and "empêcher les états" → "empêcher les
//! États": one pass takes the first, the next pass the second) or chain ("un" → "..",
//! then ".." → "(.)"). Every repair a later pass makes is reported against the input,
//! so that `check`'s safe findings are exactly the edits `fix` makes, and applying them
//! all to the input gives `fix`'s output:
//!
//! - each edit is first trimmed to what it changes ("de empêcher" → "d’empêcher"
//!   changes "e " into "’"), so repairs that merely overlap stay apart;
//! - a later edit that overlaps or touches an earlier pass's change is merged with it
//!   into one edit of the input, carried by the first finding, whose [`Finding::then`]
//!   names the later ones (a chain);
//! - a finding whose repair nothing merged keeps its edit as it was made (untrimmed), so
//!   reports read as they would after a single pass.
//!
//! The changes are kept as disjoint regions (a span of the input and what it became in
//! the latest text); each pass folds into them in one sweep, so composing stays linear.

use glossfix_diagnostics::{Edit, Finding, Fix, Origin, apply_fixes};
use glossfix_text::Span;
use std::collections::BTreeMap;

/// One change of the input so far.
#[derive(Clone, Debug)]
struct Region {
    /// What changed, in the input.
    input: Span,
    /// What it became, in the latest text.
    current: Span,
    /// The applied findings whose edits made it (indices into `Composer::applied`).
    owners: Vec<usize>,
}

impl Region {
    fn delta(&self) -> isize {
        self.current.len() as isize - self.input.len() as isize
    }
}

/// A finding applied by some pass.
#[derive(Debug)]
struct AppliedFinding {
    finding: Finding,
    pass: usize,
    /// Its span, mapped onto the input (widened to the changes it falls inside).
    span: Span,
    /// Its edits mapped onto the input unchanged, when they touch no earlier change.
    exact: Option<Vec<Edit>>,
}

/// An edit of one pass, trimmed to what it changes.
struct Trimmed {
    span: Span,
    replacement: String,
    owner: usize,
}

/// Folds the passes of one `fix` run into reports against the input.
pub(crate) struct Composer<'a> {
    input: &'a str,
    regions: Vec<Region>,
    applied: Vec<AppliedFinding>,
}

impl<'a> Composer<'a> {
    /// A composer for `input`, before any pass.
    pub(crate) fn new(input: &'a str) -> Self {
        Composer { input, regions: Vec::new(), applied: Vec::new() }
    }

    /// Records pass `pass` (1 for the first), which ran over `text` (the previous pass's
    /// output) and applied `findings` (their fixes taken together, spans into `text`).
    pub(crate) fn record(&mut self, pass: usize, text: &str, findings: Vec<Finding>) {
        let shifts = self.shifts();
        let mut trimmed: Vec<Trimmed> = Vec::new();
        for finding in findings {
            let owner = self.applied.len();
            let fix = finding.fix.as_ref().expect("applied findings have a fix");
            let touches = |s: Span| self.regions.iter().any(|r| joins(r.current, s));
            let exact = (!fix.edits().iter().any(|e| touches(e.span))).then(|| {
                fix.edits()
                    .iter()
                    .map(|e| {
                        let start = self.to_input(&shifts, e.span.start, false);
                        let end = self.to_input(&shifts, e.span.end, true);
                        Edit::replace(Span::new(start, end), e.replacement.clone())
                    })
                    .collect()
            });
            let span = Span::new(
                self.to_input(&shifts, finding.span.start, false),
                self.to_input(&shifts, finding.span.end, true),
            );
            for edit in fix.edits().iter().filter(|e| !e.is_noop(text)) {
                let (span, replacement) = trim(text, edit);
                trimmed.push(Trimmed { span, replacement: replacement.to_string(), owner });
            }
            self.applied.push(AppliedFinding { finding, pass, span, exact });
        }
        trimmed.sort_by_key(|t| (t.span.start, t.span.end));
        self.sweep(trimmed);
    }

    /// Prefix sums of the regions' deltas: `shifts[i]` is the sum before region `i`.
    fn shifts(&self) -> Vec<isize> {
        let mut shifts = Vec::with_capacity(self.regions.len() + 1);
        let mut sum = 0;
        shifts.push(0);
        for r in &self.regions {
            sum += r.delta();
            shifts.push(sum);
        }
        shifts
    }

    /// Maps a position of the latest text onto the input. A position strictly inside a
    /// change maps to its start (or, for an `end`, its end).
    fn to_input(&self, shifts: &[isize], pos: usize, end: bool) -> usize {
        let i = self.regions.partition_point(|r| r.current.end <= pos);
        if let Some(r) = self.regions.get(i).filter(|r| r.current.start < pos) {
            return if end { r.input.end } else { r.input.start };
        }
        (pos as isize - shifts[i]) as usize
    }

    /// Folds one pass's trimmed edits (sorted, disjoint) into the regions, which all come
    /// from earlier passes. An edit joins the earlier changes it overlaps (or touches,
    /// when one of them is an insertion, whose place would be ambiguous); two edits of
    /// one pass, or two earlier changes, join only through one of the other kind between
    /// them (the fixes of one pass were applied together, so they fit).
    fn sweep(&mut self, edits: Vec<Trimmed>) {
        let old = std::mem::take(&mut self.regions);
        let mut new = Vec::with_capacity(old.len() + edits.len());
        let (mut ri, mut ei) = (0, 0);
        // Sum of the deltas of the old regions passed (maps latest-text positions onto
        // the input) and of the edits passed (maps them onto this pass's output).
        let (mut shift_old, mut shift_new): (isize, isize) = (0, 0);
        while ri < old.len() || ei < edits.len() {
            let region_first = ei == edits.len() || (ri < old.len() && old[ri].current.start <= edits[ei].span.start);
            // A group: the next item and everything joined to it.
            let (mut regions, mut group_edits): (Vec<&Region>, Vec<&Trimmed>) = (Vec::new(), Vec::new());
            if region_first {
                regions.push(&old[ri]);
                ri += 1;
            } else {
                group_edits.push(&edits[ei]);
                ei += 1;
            }
            loop {
                // Items come sorted by start: the last of each kind reaches furthest.
                let last_region = regions.last().map(|r| r.current);
                let last_edit = group_edits.last().map(|e| e.span);
                let next_region = old.get(ri).filter(|r| last_edit.is_some_and(|e| joins(e, r.current)));
                let next_edit = edits.get(ei).filter(|e| last_region.is_some_and(|r| joins(r, e.span)));
                match (next_region, next_edit) {
                    (Some(r), Some(e)) if r.current.start <= e.span.start => {
                        regions.push(r);
                        ri += 1;
                    }
                    (_, Some(e)) => {
                        group_edits.push(e);
                        ei += 1;
                    }
                    (Some(r), None) => {
                        regions.push(r);
                        ri += 1;
                    }
                    (None, None) => break,
                }
            }
            let regions_delta: isize = regions.iter().map(|r| r.delta()).sum();
            let edits_delta: isize =
                group_edits.iter().map(|e| e.replacement.len() as isize - e.span.len() as isize).sum();
            if group_edits.is_empty() {
                let r = regions[0];
                let current = Span::new(
                    (r.current.start as isize + shift_new) as usize,
                    (r.current.end as isize + shift_new) as usize,
                );
                new.push(Region { current, ..r.clone() });
            } else {
                let start = regions.iter().map(|r| r.current.start).chain(group_edits.iter().map(|e| e.span.start));
                let end = regions.iter().map(|r| r.current.end).chain(group_edits.iter().map(|e| e.span.end));
                let (gs, ge) = (start.min().expect("a group"), end.max().expect("a group"));
                let input_start = match regions.first() {
                    Some(r) if r.current.start == gs => r.input.start,
                    _ => (gs as isize - shift_old) as usize,
                };
                let input_end = match regions.last() {
                    Some(r) if r.current.end == ge => r.input.end,
                    _ => (ge as isize - shift_old - regions_delta) as usize,
                };
                let current_start = (gs as isize + shift_new) as usize;
                let current_end = (ge as isize + shift_new + edits_delta) as usize;
                let mut owners: Vec<usize> = regions.iter().flat_map(|r| r.owners.iter().copied()).collect();
                owners.extend(group_edits.iter().map(|e| e.owner));
                owners.sort_unstable();
                owners.dedup();
                new.push(Region {
                    input: Span::new(input_start, input_end),
                    current: Span::new(current_start, current_end),
                    owners,
                });
            }
            shift_old += regions_delta;
            shift_new += edits_delta;
        }
        self.regions = new;
    }

    /// The findings every pass applied, reported against the input: spans into it, and
    /// fixes whose edits, all applied to the input, give `output` (the last pass's).
    pub(crate) fn finish(self, output: &str) -> Vec<Finding> {
        let n = self.applied.len();
        let mut chosen: Vec<Vec<Edit>> = vec![Vec::new(); n];
        let mut then: Vec<Vec<Origin>> = vec![Vec::new(); n];
        let mut sole = vec![true; n];
        // The first finding of a region (earliest pass, then leftmost) carries it.
        for region in &self.regions {
            let primary = *region
                .owners
                .iter()
                .min_by_key(|&&i| (self.applied[i].pass, self.applied[i].span.start, i))
                .expect("a region has an owner");
            let replacement = &output[region.current.start..region.current.end];
            // Later passes may turn a change back into what the input had: no edit.
            if replacement != &self.input[region.input.start..region.input.end] {
                chosen[primary].push(Edit::replace(region.input, replacement));
            }
            if region.owners.len() > 1 {
                for &i in &region.owners {
                    sole[i] = false;
                    if i != primary {
                        then[primary].push(self.applied[i].finding.origin());
                    }
                }
            }
        }
        let trimmed = chosen.clone();
        // A repair nothing merged keeps its edits as made, when they are clear of every
        // other finding's edits; earlier findings first.
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| (self.applied[i].pass, self.applied[i].span.start, i));
        let mut others = Edits::new(&chosen);
        for i in order {
            let Some(exact) = self.applied[i].exact.as_ref().filter(|_| sole[i] && !chosen[i].is_empty()) else {
                continue;
            };
            if exact.iter().all(|e| !others.conflicts(e.span, i)) {
                others.replace(i, &chosen[i], exact);
                chosen[i] = exact.clone();
            }
        }
        let out = self.findings(chosen, then.clone());
        if apply_all(self.input, &out) == output {
            return out;
        }
        // Cannot happen when the regions are right; the trimmed edits always fit.
        debug_assert!(false, "restored edits do not give fix's output");
        self.findings(trimmed, then)
    }

    /// The applied findings with the edits chosen for each; a finding without edits was
    /// merged into another's fix, which names it.
    fn findings(&self, chosen: Vec<Vec<Edit>>, then: Vec<Vec<Origin>>) -> Vec<Finding> {
        let mut out = Vec::new();
        for ((applied, edits), mut then) in self.applied.iter().zip(chosen).zip(then) {
            if edits.is_empty() {
                continue;
            }
            then.sort_by_key(|o| (o.rule, o.entry));
            then.dedup();
            let applicability = applied.finding.fix.as_ref().expect("applied").applicability();
            let fix = Some(Fix::new(edits, applicability));
            out.push(Finding { span: applied.span, fix, then, ..applied.finding.clone() });
        }
        debug_assert_eq!(
            apply_fixes(self.input, &out.iter().filter_map(|f| f.fix.as_ref()).collect::<Vec<_>>()).taken.len(),
            out.len(),
            "reported fixes never conflict"
        );
        out
    }
}

/// The edits chosen so far, by start, with their owners, for conflict tests.
struct Edits(BTreeMap<(usize, usize), usize>);

impl Edits {
    fn new(chosen: &[Vec<Edit>]) -> Self {
        let mut map = BTreeMap::new();
        for (owner, edits) in chosen.iter().enumerate() {
            for e in edits {
                map.insert((e.span.start, e.span.end), owner);
            }
        }
        Edits(map)
    }

    /// True when `span` joins an edit of another owner than `owner`.
    fn conflicts(&self, span: Span, owner: usize) -> bool {
        // Disjoint edits sorted by start: only the one before `span` and those starting
        // inside it can reach it.
        let before = self.0.range(..(span.start, 0)).next_back();
        let inside = self.0.range((span.start, 0)..=(span.end, usize::MAX));
        before.into_iter().chain(inside).any(|(&(s, e), &o)| o != owner && joins(Span::new(s, e), span))
    }

    fn replace(&mut self, owner: usize, old: &[Edit], new: &[Edit]) {
        for e in old {
            self.0.remove(&(e.span.start, e.span.end));
        }
        for e in new {
            self.0.insert((e.span.start, e.span.end), owner);
        }
    }
}

/// True when two edits cannot stay apart: they overlap, or they touch and one of them is
/// an insertion (whose place next to the other would be ambiguous).
fn joins(a: Span, b: Span) -> bool {
    a.overlaps(&b) || ((a.is_empty() || b.is_empty()) && a.start <= b.end && b.start <= a.end)
}

/// `text` with every fix of `findings` applied.
fn apply_all(text: &str, findings: &[Finding]) -> String {
    let fixes: Vec<&Fix> = findings.iter().filter_map(|f| f.fix.as_ref()).collect();
    apply_fixes(text, &fixes).text
}

/// `edit` trimmed to what it changes in `text`: the common prefix and suffix of the
/// replaced text and the replacement left out, on character boundaries. An edit that
/// replaces something keeps at least one character of it, so trimming never makes an
/// insertion (whose place beside a neighbouring edit would be ambiguous).
///
/// `"de empêcher"` → `"d’empêcher"` becomes `"e "` → `"’"`; `"Un"` → `"Une"` becomes
/// `"n"` → `"ne"`.
fn trim<'e>(text: &str, edit: &'e Edit) -> (Span, &'e str) {
    let old = &text[edit.span.start..edit.span.end];
    let new = edit.replacement.as_str();
    let mut prefix: usize =
        old.chars().zip(new.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum::<usize>();
    let (old_rest, new_rest) = (&old[prefix..], &new[prefix..]);
    let mut suffix: usize = old_rest
        .chars()
        .rev()
        .zip(new_rest.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>();
    if !old.is_empty() && prefix + suffix == old.len() {
        // Give one character back, from the prefix if there is one.
        match old[..prefix].chars().next_back() {
            Some(c) => prefix -= c.len_utf8(),
            None => suffix -= old[old.len() - suffix..].chars().next().map_or(0, char::len_utf8),
        }
    }
    let span = Span::new(edit.span.start + prefix, edit.span.end - suffix);
    (span, &new[prefix..new.len() - suffix])
}

#[cfg(test)]
mod tests {
    use super::*;
    use glossfix_diagnostics::{EntryId, RuleId, apply_edits};

    #[test]
    fn trim_table() {
        // (text, edit span text, replacement, trimmed old, trimmed new)
        let cases = [
            ("de empêcher", "de empêcher", "d’empêcher", "e ", "’"),
            ("les états", "les états", "les États", "é", "É"),
            ("aaa", "aaa", "aa", "a", ""),
            ("x", "x", "xyz", "x", "xyz"),
            ("Un", "Un", "Une", "n", "ne"),
            ("Kim Jong Un", "Kim Jong Un", "Kim Jong-un", " U", "-u"),
        ];
        for (text, old, new, want_old, want_new) in cases {
            let at = text.find(old).unwrap();
            let edit = Edit::replace(Span::new(at, at + old.len()), new);
            let (span, replacement) = trim(text, &edit);
            assert_eq!((&text[span.start..span.end], replacement), (want_old, want_new), "{old:?} -> {new:?}");
        }
    }

    fn finding(text: &str, at: usize, old: &str, new: &str, entry: usize) -> Finding {
        let span = Span::new(at, at + old.len());
        assert_eq!(&text[span.start..span.end], old);
        Finding::new(RuleId::Fix, span, format!("{old} -> {new}"))
            .with_fix(Fix::safe(Edit::replace(span, new)))
            .with_entry(EntryId::new(entry))
    }

    /// Runs passes of (text position, old, new) repairs through a composer and checks
    /// that the composed fixes give the last output; returns (finding start, edits as
    /// (old, new), then).
    /// A reported finding: (its start, its edits as (old, new), how many repairs merged).
    type Reported = (usize, Vec<(String, String)>, usize);

    fn compose(input: &str, passes: &[&[(&str, &str, usize)]]) -> Vec<Reported> {
        let mut composer = Composer::new(input);
        let mut text = input.to_string();
        for (p, repairs) in passes.iter().enumerate() {
            let findings: Vec<Finding> = repairs
                .iter()
                .map(|(old, new, entry)| finding(&text, text.find(old).unwrap(), old, new, *entry))
                .collect();
            let edits: Vec<Edit> = findings.iter().map(|f| f.fix.as_ref().unwrap().edits()[0].clone()).collect();
            let next = apply_edits(&text, &edits).text;
            composer.record(p + 1, &text, findings);
            text = next;
        }
        let out = composer.finish(&text);
        assert_eq!(apply_all(input, &out), text, "composed fixes give the output");
        out.iter()
            .map(|f| {
                let edits = f.fix.as_ref().unwrap().edits();
                let pairs = edits.iter().map(|e| (input[e.span.start..e.span.end].to_string(), e.replacement.clone()));
                (f.span.start, pairs.collect(), f.then.len())
            })
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn overlapping_repairs_stay_two_findings_with_disjoint_edits() {
        let input = "dans le but de empêcher les états de fournir";
        let got =
            compose(input, &[&[("de empêcher", "d’empêcher", 0)], &[("empêcher les états", "empêcher les États", 1)]]);
        let at = |s: &str| input.find(s).unwrap();
        assert_eq!(
            got,
            [
                (at("de empêcher"), pairs(&[("de empêcher", "d’empêcher")]), 0),
                (at("empêcher les"), pairs(&[("é", "É")]), 0),
            ]
        );
    }

    #[test]
    fn a_chain_becomes_one_edit_carried_by_the_first_finding() {
        let input = " un\n";
        let got = compose(input, &[&[("un", "..", 0)], &[("..", "(.)", 1)], &[(" (.)", "", 2)]]);
        assert_eq!(got, [(1, pairs(&[(" un", "")]), 2)]);
    }

    #[test]
    fn independent_repairs_keep_their_edits() {
        let input = "Kim Jong Un et de un accord, plus loin Choigu";
        let got =
            compose(input, &[&[("Kim Jong Un", "Kim Jong-un", 0), ("de un", "d’un", 1)], &[("Choigu", "Choïgou", 2)]]);
        let at = |s: &str| input.find(s).unwrap();
        assert_eq!(
            got,
            [
                (0, pairs(&[("Kim Jong Un", "Kim Jong-un")]), 0),
                (at("de un"), pairs(&[("de un", "d’un")]), 0),
                (at("Choigu"), pairs(&[("Choigu", "Choïgou")]), 0),
            ]
        );
    }

    #[test]
    fn a_later_edit_next_to_an_earlier_change_stays_a_finding_of_its_own() {
        // "ab" -> "aB", then "aB" -> "aXB": the second only adds an X before the B; it
        // keeps one character ("a" -> "aX"), so it is no insertion at the B's place.
        let input = "ab cd";
        let got = compose(input, &[&[("ab", "aB", 0)], &[("aB", "aXB", 1)]]);
        assert_eq!(got, [(0, pairs(&[("b", "B")]), 0), (0, pairs(&[("a", "aX")]), 0)]);
    }

    #[test]
    fn a_later_edit_overlapping_an_earlier_change_merges() {
        let input = "ab cd";
        let got = compose(input, &[&[("ab", "aB", 0)], &[("aB", "aC", 1)]]);
        assert_eq!(got, [(0, pairs(&[("b", "C")]), 1)]);
    }

    #[test]
    fn adjacent_repairs_of_one_pass_stay_apart_when_later_passes_run() {
        // Pass 1: "Un" -> "Une" and the next " un" deleted (adjacent); pass 2 elsewhere.
        let input = "on Un un ";
        let got = compose(input, &[&[("on", "go", 0), ("Un", "Une", 1), (" un", "", 2)], &[("go", "les", 3)]]);
        assert_eq!(
            got,
            [(0, pairs(&[("on", "les")]), 1), (3, pairs(&[("Un", "Une")]), 0), (5, pairs(&[(" un", "")]), 0)]
        );
    }

    #[test]
    fn restored_edits_never_overlap_each_other() {
        // Both findings are alone in their changes, but their edits as made overlap: the
        // first keeps its own, the second its trimmed edit.
        let input = "x de empêcher les états y";
        let got =
            compose(input, &[&[("de empêcher", "d’empêcher", 0)], &[("empêcher les états", "empêcher les États", 1)]]);
        assert_eq!(got[0].1, pairs(&[("de empêcher", "d’empêcher")]));
        assert_eq!(got[1].1, pairs(&[("é", "É")]));
    }

    #[test]
    fn a_later_edit_bridging_two_earlier_changes_merges_all_three() {
        let input = "aa bb cc";
        let got = compose(input, &[&[("aa", "AA", 0), ("cc", "CC", 1)], &[("AA bb CC", "Z", 2)]]);
        assert_eq!(got, [(0, pairs(&[("aa bb cc", "Z")]), 2)]);
    }
}
