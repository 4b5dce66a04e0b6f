//! The glossary's patterns compiled into one Aho-Corasick automaton over the folded
//! text: every `[[term]]` variant and canonical form and every `[[fix]]` find, with
//! whole-word checks on the original text, context conditions, smart case, the text's
//! apostrophe and its normalization form.
//!
//! Matching is overlapping: every candidate is checked (boundaries, case, conditions)
//! before the leftmost-longest valid ones are picked, so a rejected long match never
//! hides a valid shorter one.

use crate::glossary::Glossary;
use aho_corasick::{AhoCorasick, MatchKind};
use glossfix_diagnostics::{Applicability, Edit, EntryId, Finding, Fix, RuleId};
use glossfix_text::Span;
use glossfix_text::apostrophe::ApostropheStyle;
use glossfix_text::case::{has_upper, transfer_case};
use glossfix_text::chars::{char_at, char_before, is_apostrophe, is_word_char};
use glossfix_text::fold::{Fold, Folded, fold};
use glossfix_text::shared::Shared;
use glossfix_text::words::{boundary_after, boundary_before, word_after, word_before};
use std::cell::OnceCell;
use std::collections::HashMap;
use unicode_normalization::{UnicodeNormalization, is_nfc};

/// Up to how many keys a glossary gets a leftmost-longest scout automaton (see
/// `Matcher::scout`): aho-corasick's vectorised prefilter serves small sets of patterns.
const SCOUTED: usize = 100;

/// What a glossary pattern does when it matches.
#[derive(Debug, Clone)]
struct Pattern {
    rule: RuleId,
    entry: EntryId,
    /// Which variant of a term (0 for a fix).
    variant: usize,
    /// `Some(exact fold of the find)` when the find has capitals and must match exactly.
    exact: Option<String>,
    first: char,
    last: char,
    replacement: String,
    french: bool,
    after: Vec<String>,
    before: Vec<String>,
    not_after: Vec<String>,
    not_before: Vec<String>,
    in_document: Vec<String>,
    applicability: Applicability,
    message: String,
    /// A canonical form: it claims its span (so nothing inside it is rewritten) and
    /// never reports anything.
    protective: bool,
}

/// An entry whose `find` occurs in a text (see [`crate::CompiledGlossary::raw_matches`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawMatch {
    /// The entry.
    pub entry: EntryId,
    /// Which variant of a term matched (0 for a fix).
    pub variant: usize,
}

/// The glossary's rewriting entries compiled for searching.
#[derive(Debug, Clone, Default)]
pub(crate) struct Matcher {
    automaton: Option<AhoCorasick>,
    /// For a glossary of at most [`SCOUTED`] keys, the same keys leftmost-longest: a scan
    /// aho-corasick runs with its vectorised prefilter, where the overlapping scan walks
    /// every byte. Every overlapping match overlaps one of its matches, so the
    /// overlapping scan runs only around them.
    scout: Option<AhoCorasick>,
    /// The longest key, in bytes.
    longest: usize,
    /// For each automaton pattern id, the glossary patterns with that folded key.
    by_key: Vec<Vec<usize>>,
    patterns: Vec<Pattern>,
}

impl Matcher {
    /// Compiles the terms and fixes of `glossary`.
    pub(crate) fn compile(glossary: &Glossary) -> Self {
        let mut patterns = Vec::new();
        // An empty find would match everywhere; lint refuses it as `empty`.
        let mut add = |find: &str, pattern: Pattern| {
            let key = fold(find, Fold::MATCH);
            if !key.is_empty() {
                patterns.push((key, pattern));
            }
        };
        for (i, term) in glossary.terms.iter().enumerate() {
            let entry = glossary.term_id(i);
            let canonical = term.canonical.get_ref().trim().to_string();
            let message = |variant: &str| match &term.note {
                Some(note) => note.clone(),
                None => format!("{variant:?} is a variant of {canonical:?}"),
            };
            for (k, variant) in term.variants.iter().enumerate() {
                let v = variant.get_ref().trim();
                let mut p = Pattern::new(RuleId::Term, entry, v, &canonical, message(v));
                p.variant = k;
                add(v, p);
            }
            let mut guard = Pattern::new(RuleId::Term, entry, &canonical, &canonical, String::new());
            guard.protective = true;
            add(&canonical, guard);
        }
        for (i, fix) in glossary.fixes.iter().enumerate() {
            let find = fix.find.get_ref().trim();
            let mut message =
                fix.note.clone().unwrap_or_else(|| format!("{find:?} is an artifact for {:?}", fix.replace));
            if !fix.alternatives.is_empty() {
                message.push_str(&format!(" (or: {})", fix.alternatives.join(", ")));
            }
            let mut p = Pattern::new(RuleId::Fix, glossary.fix_id(i), find, &fix.replace, message);
            let fold_all = |words: &[String]| words.iter().map(|w| fold(w, Fold::MATCH)).collect();
            p.french = fix.french;
            p.after = fold_all(&fix.after);
            p.before = fold_all(&fix.before);
            p.not_after = fold_all(&fix.not_after);
            p.not_before = fold_all(&fix.not_before);
            p.in_document = fold_all(&fix.in_document);
            if !fix.safe {
                p.applicability = Applicability::Unsafe;
            }
            add(find, p);
        }
        let mut key_ids: HashMap<String, usize> = HashMap::new();
        let mut keys = Vec::new();
        let mut by_key: Vec<Vec<usize>> = Vec::new();
        let mut compiled = Vec::new();
        for (key, pattern) in patterns {
            let id = *key_ids.entry(key.clone()).or_insert_with(|| {
                keys.push(key);
                by_key.push(Vec::new());
                by_key.len() - 1
            });
            by_key[id].push(compiled.len());
            compiled.push(pattern);
        }
        let build =
            |kind| AhoCorasick::builder().match_kind(kind).build(&keys).expect("glossary patterns are plain strings");
        let automaton = (!keys.is_empty()).then(|| build(MatchKind::Standard));
        let scout = (!keys.is_empty() && keys.len() <= SCOUTED).then(|| build(MatchKind::LeftmostLongest));
        let longest = keys.iter().map(String::len).max().unwrap_or(0);
        Matcher { automaton, scout, longest, by_key, patterns: compiled }
    }

    /// Every occurrence of a key in `folded` (overlapping ones too), as the overlapping
    /// scan of the whole text finds them, in some order.
    fn occurrences(&self, automaton: &AhoCorasick, folded: &str, mut f: impl FnMut(aho_corasick::Match)) {
        let Some(scout) = &self.scout else {
            automaton.find_overlapping_iter(folded).for_each(f);
            return;
        };
        // A match M the scout does not report starts inside one it reports, or after its
        // end, where the scout, searching on, would have found a match starting no later
        // than M: so M overlaps a reported match m, and lies within `longest - 1` bytes
        // of it. The windows around the reported matches, merged, are scanned once each.
        let reach = self.longest.saturating_sub(1);
        let mut window: Option<(usize, usize)> = None;
        let mut scan = |(from, to): (usize, usize)| {
            let input = aho_corasick::Input::new(folded).span(from..to);
            automaton.find_overlapping_iter(input).for_each(&mut f);
        };
        for m in scout.find_iter(folded) {
            let (from, to) = (m.start().saturating_sub(reach), (m.end() + reach).min(folded.len()));
            window = match window {
                Some((start, end)) if from <= end => Some((start, end.max(to))),
                Some(done) => {
                    scan(done);
                    Some((from, to))
                }
                None => Some((from, to)),
            };
        }
        if let Some(last) = window {
            scan(last);
        }
    }

    /// The entries (not canonical forms) whose `find` occurs in `text` as whole words
    /// with the right case, whatever their context conditions say, and would change it:
    /// what lint asks of a repair ("would another entry change it again?").
    pub(crate) fn raw_matches(&self, text: &str) -> Vec<RawMatch> {
        let Some(automaton) = &self.automaton else { return Vec::new() };
        let folded = Folded::new(text, Fold::MATCH);
        let mut entries: Vec<RawMatch> = Vec::new();
        for m in automaton.find_overlapping_iter(&folded.text) {
            let Some(span) = folded.to_original(m.start(), m.end()) else { continue };
            for &p in &self.by_key[m.pattern().as_usize()] {
                let pattern = &self.patterns[p];
                let found = RawMatch { entry: pattern.entry, variant: pattern.variant };
                if pattern.protective || !pattern.edges_and_case(text, span) || entries.contains(&found) {
                    continue;
                }
                // A repair that leaves the text as it is ("les États" for a lower-case
                // find) changes nothing.
                let original = &text[span.start..span.end];
                if fold(&pattern.render(original, '’'), Fold::EXACT) != fold(original, Fold::EXACT) {
                    entries.push(found);
                }
            }
        }
        entries
    }

    /// The repairs of the terms and fixes in `text`, never overlapping each other.
    pub(crate) fn find(&self, shared: &Shared<'_>) -> Vec<Finding> {
        let text = shared.text();
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let folded = Folded::new(text, Fold::MATCH);
        let mut candidates: Vec<(Span, usize)> = Vec::new();
        // Asked once per text, whatever the number of matches: whether each pattern's
        // `in_document` phrases are in the text, and the language evidence.
        let mut in_document: Vec<Option<bool>> = vec![None; self.patterns.len()];
        self.occurrences(automaton, &folded.text, |m| {
            let Some(span) = folded.to_original(m.start(), m.end()) else {
                return;
            };
            for &p in &self.by_key[m.pattern().as_usize()] {
                let pattern = &self.patterns[p];
                let in_document = *in_document[p].get_or_insert_with(|| {
                    pattern.in_document.is_empty()
                        || pattern.in_document.iter().any(|phrase| folded.text.contains(phrase.as_str()))
                });
                if in_document && pattern.accepts(text, span, shared) {
                    candidates.push((span, p));
                }
            }
        });
        candidates.sort_by_key(|&(span, p)| (span.start, std::cmp::Reverse(span.end), p));
        let mut findings = Vec::new();
        let mut claimed_to = 0;
        // The text's apostrophe, counted only when a replacement holds one.
        let style = OnceCell::new();
        for (span, p) in candidates {
            if span.start < claimed_to {
                continue;
            }
            claimed_to = span.end;
            let pattern = &self.patterns[p];
            if pattern.protective {
                continue;
            }
            let original = &text[span.start..span.end];
            let apostrophe = if pattern.replacement.chars().any(is_apostrophe) {
                style.get_or_init(|| ApostropheStyle::new(text)).at(text, span)
            } else {
                '’' // unused: there is none to write
            };
            let replacement = pattern.render(original, apostrophe);
            if replacement == original {
                continue;
            }
            let edit =
                if replacement.is_empty() { Edit::deletion(text, span) } else { Edit::replace(span, replacement) };
            findings.push(
                Finding::new(pattern.rule, span, pattern.message.clone())
                    .with_fix(Fix::new(vec![edit], pattern.applicability))
                    .with_entry(pattern.entry),
            );
        }
        findings
    }
}

impl Pattern {
    fn new(rule: RuleId, entry: EntryId, find: &str, replacement: &str, message: String) -> Self {
        Pattern {
            rule,
            entry,
            variant: 0,
            exact: has_upper(find).then(|| fold(find, Fold::EXACT)),
            first: find.chars().next().unwrap_or(' '),
            last: find.chars().next_back().unwrap_or(' '),
            replacement: replacement.trim().to_string(),
            french: false,
            after: Vec::new(),
            before: Vec::new(),
            not_after: Vec::new(),
            not_before: Vec::new(),
            in_document: Vec::new(),
            applicability: Applicability::Safe,
            message,
            protective: false,
        }
    }

    /// Whole-word edges, exact case when asked, and the context conditions.
    fn accepts(&self, text: &str, span: Span, shared: &Shared<'_>) -> bool {
        self.edges_and_case(text, span) && self.conditions_hold(text, span, shared)
    }

    /// Whole-word edges and exact case when asked. A find that starts or ends with
    /// punctuation must not be followed (or preceded) by the same mark: `premières..`
    /// is not inside `premières...`.
    fn edges_and_case(&self, text: &str, span: Span) -> bool {
        let edge_ok_before = if is_word_char(self.first) {
            boundary_before(text, span.start)
        } else {
            char_before(text, span.start) != Some(self.first)
        };
        let edge_ok_after = if is_word_char(self.last) {
            boundary_after(text, span.end)
        } else {
            char_at(text, span.end) != Some(self.last)
        };
        if !edge_ok_before || !edge_ok_after {
            return false;
        }
        self.exact.as_ref().is_none_or(|exact| fold(&text[span.start..span.end], Fold::EXACT) == *exact)
    }

    /// The context conditions: `after`, `before`, `not_after`, `not_before`, `french`.
    fn conditions_hold(&self, text: &str, span: Span, shared: &Shared<'_>) -> bool {
        let prev = word_before(text, span.start).map(|w| fold(w, Fold::MATCH));
        let next = word_after(text, span.end).map(|w| fold(w, Fold::MATCH));
        let one_of = |list: &[String], word: &Option<String>| word.as_ref().is_some_and(|w| list.contains(w));
        (self.after.is_empty() || one_of(&self.after, &prev))
            && (self.before.is_empty() || one_of(&self.before, &next))
            && !one_of(&self.not_after, &prev)
            && !one_of(&self.not_before, &next)
            && (!self.french || shared.lang().is_french(span.start, span.end))
    }

    /// The replacement for `original`: its case (for a lower-case find), the text's
    /// apostrophe, and its normalization form.
    fn render(&self, original: &str, apostrophe: char) -> String {
        let mut out =
            if self.exact.is_some() { self.replacement.clone() } else { transfer_case(original, &self.replacement) };
        if out.chars().any(is_apostrophe) {
            out = out.chars().map(|c| if is_apostrophe(c) { apostrophe } else { c }).collect();
        }
        if !is_nfc(original) {
            out = out.nfd().collect();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A matcher over `keys` alone, with or without its scout.
    fn matcher(keys: &[String], scouted: bool) -> Matcher {
        let build = |kind| AhoCorasick::builder().match_kind(kind).build(keys).unwrap();
        Matcher {
            automaton: Some(build(MatchKind::Standard)),
            scout: scouted.then(|| build(MatchKind::LeftmostLongest)),
            longest: keys.iter().map(String::len).max().unwrap_or(0),
            by_key: Vec::new(),
            patterns: Vec::new(),
        }
    }

    fn occurrences(m: &Matcher, text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        m.occurrences(m.automaton.as_ref().unwrap(), text, |o| out.push((o.start(), o.end(), o.pattern().as_usize())));
        out.sort_unstable();
        out
    }

    #[test]
    fn the_scout_finds_what_the_overlapping_scan_finds_table() {
        // (keys, text): keys inside and across each other, at the edges, none at all.
        let cases: [(&[&str], &str); 6] = [
            (&["ab", "bcd"], "abcd"),
            (&["a", "aa", "aaa"], "aaaa aaa"),
            (&["hundreds of thousands", "of", "thousands de"], "250 hundreds of thousands de pounds"),
            (&["né", "éa", "a"], "néa néa"),
            (&["xyz"], "no key here"),
            (&["abc", "b"], "ab bc abc"),
        ];
        for (keys, text) in cases {
            let keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
            assert_eq!(
                occurrences(&matcher(&keys, true), text),
                occurrences(&matcher(&keys, false), text),
                "{keys:?} in {text:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn the_scout_finds_what_the_overlapping_scan_finds(
            keys in proptest::collection::vec("[abé ]{1,6}", 1..12),
            text in "[abcé ]{0,300}",
        ) {
            prop_assert_eq!(occurrences(&matcher(&keys, true), &text), occurrences(&matcher(&keys, false), &text));
        }
    }
}
