//! The glossary's patterns compiled into one Aho-Corasick automaton over the folded
//! text: every `[[term]]` variant and canonical form and every `[[fix]]` find, with
//! whole-word checks on the original text, context conditions, smart case, the text's
//! apostrophe and its normalization form.
//!
//! Matching is overlapping: every candidate is checked (boundaries, case, conditions)
//! before the leftmost-longest valid ones are picked, so a rejected long match never
//! hides a valid shorter one.

use crate::glossary::Glossary;
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous;
use aho_corasick::{AhoCorasick, Anchored, MatchKind};
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

/// Up to how many keys a glossary is searched overlapping with a leftmost-longest scout
/// automaton (see [`Overlapping::scout`]): aho-corasick's vectorised prefilter serves
/// small sets of patterns. A bigger glossary walks its keys from word starts
/// ([`WordStarts`]).
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
    /// How the folded keys are searched; `None` for a glossary without any.
    search: Option<Search>,
    /// For each key id, the glossary patterns with that folded key.
    by_key: Vec<Vec<usize>>,
    patterns: Vec<Pattern>,
}

/// How the folded keys are found in a folded text. Every strategy reports the same
/// occurrences a plain overlapping scan does that can pass the whole-word check (see
/// [`Matcher::occurrences`]).
#[derive(Debug, Clone)]
enum Search {
    /// Every key in one overlapping automaton.
    Overlapping(Overlapping),
    /// A big glossary (more than [`SCOUTED`] keys): see [`WordStarts`].
    WordStarts(Box<WordStarts>),
}

/// The search of a big glossary. The keys all of whose patterns open with a word
/// character are walked only from the places a word can start (where the folded byte
/// before is no ASCII letter or digit), anchored, in one automaton, and reported only
/// where a word can end if they close with one: an overlapping scan of many keys stops
/// at every byte and reports the keys that end there inside words ("ot" in "note"),
/// which the whole-word check then throws away. The other keys (a find that opens with
/// punctuation) are scanned overlapping.
#[derive(Debug, Clone)]
struct WordStarts {
    /// The word-opening keys, anchored.
    automaton: contiguous::NFA,
    /// The key id of each of its patterns, and whether all the key's patterns close
    /// with a word character.
    keys: Vec<(usize, bool)>,
    /// The bytes the word-opening keys start with.
    firsts: [bool; 256],
    /// The other keys, if any.
    rest: Option<Overlapping>,
}

/// An overlapping automaton over some of the keys.
#[derive(Debug, Clone)]
struct Overlapping {
    automaton: AhoCorasick,
    /// For at most [`SCOUTED`] keys, the same keys leftmost-longest: a scan aho-corasick
    /// runs with its vectorised prefilter, where the overlapping scan walks every byte.
    /// Every overlapping match overlaps one of its matches, so the overlapping scan runs
    /// only around them.
    scout: Option<AhoCorasick>,
    /// The longest key, in bytes.
    longest: usize,
    /// The key id of each automaton pattern.
    keys: Vec<usize>,
}

impl Matcher {
    /// Compiles the terms and fixes of `glossary`.
    pub(crate) fn compile(glossary: &Glossary) -> Self {
        Matcher::compile_with(glossary, SCOUTED)
    }

    /// [`Matcher::compile`], with word-start walking above `scouted` keys (the tests
    /// set it low to compare the two searches on small glossaries).
    fn compile_with(glossary: &Glossary, scouted: usize) -> Self {
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
        let edges = |key: usize| {
            let all = |edge: fn(&Pattern) -> char| by_key[key].iter().all(|&p| is_word_char(edge(&compiled[p])));
            (all(|p| p.first), all(|p| p.last))
        };
        let search = Search::new(&keys, scouted, edges);
        Matcher { search, by_key, patterns: compiled }
    }

    /// Every occurrence `(start, end, key id)` of a key in `folded` that can pass the
    /// whole-word check, in some order: those of a plain overlapping scan of the whole
    /// text, except, for a big glossary's key whose patterns all open with a word
    /// character, those starting right after a folded ASCII letter or digit (and, when
    /// they all close with one, those ending right before one). Such a match never
    /// passes: the original character before (after) it folds to something that ends
    /// (begins) with that letter or digit, so it is a word character (a character that
    /// is not one never folds so) and [`boundary_before`] ([`boundary_after`]) says no.
    fn occurrences(&self, folded: &str, mut f: impl FnMut(usize, usize, usize)) {
        match &self.search {
            None => {}
            Some(Search::Overlapping(all)) => all.occurrences(folded, &mut f),
            Some(Search::WordStarts(big)) => big.occurrences(folded, &mut f),
        }
    }

    /// The entries (not canonical forms) whose `find` occurs in `text` as whole words
    /// with the right case, whatever their context conditions say, and would change it:
    /// what lint asks of a repair ("would another entry change it again?").
    pub(crate) fn raw_matches(&self, text: &str) -> Vec<RawMatch> {
        if self.search.is_none() {
            return Vec::new();
        }
        let folded = Folded::new(text, Fold::MATCH);
        let mut occurrences = Vec::new();
        self.occurrences(&folded.text, |start, end, key| occurrences.push((start, end, key)));
        // In the order of the overlapping scan: by end, then longest first.
        occurrences.sort_unstable_by_key(|&(start, end, key)| (end, start, key));
        let mut entries: Vec<RawMatch> = Vec::new();
        for (start, end, key) in occurrences {
            let Some(span) = folded.to_original(start, end) else { continue };
            for &p in &self.by_key[key] {
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
        if self.search.is_none() {
            return Vec::new();
        }
        let folded = Folded::new(text, Fold::MATCH);
        let mut candidates: Vec<(Span, usize)> = Vec::new();
        // Asked once per text, whatever the number of matches: whether each pattern's
        // `in_document` phrases are in the text, and the language evidence.
        let mut in_document: Vec<Option<bool>> = vec![None; self.patterns.len()];
        self.occurrences(&folded.text, |start, end, key| {
            let Some(span) = folded.to_original(start, end) else {
                return;
            };
            for &p in &self.by_key[key] {
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

impl Search {
    /// The search for `keys` (indexed by key id): with more than `scouted` keys, the
    /// keys for which `edges` says all their patterns open with a word character are
    /// walked from word starts (and, when they all close with one, reported only where
    /// a word can end).
    fn new(keys: &[String], scouted: usize, edges: impl Fn(usize) -> (bool, bool)) -> Option<Search> {
        if keys.is_empty() {
            return None;
        }
        if keys.len() <= scouted {
            return Some(Search::Overlapping(Overlapping::new(keys, (0..keys.len()).collect(), scouted)));
        }
        let (words, rest): (Vec<usize>, Vec<usize>) = (0..keys.len()).partition(|&k| edges(k).0);
        let mut firsts = [false; 256];
        for &k in &words {
            firsts[usize::from(keys[k].as_bytes()[0])] = true;
        }
        let automaton = contiguous::NFA::builder()
            .match_kind(MatchKind::Standard)
            .build(words.iter().map(|&k| &keys[k]))
            .expect("glossary patterns are plain strings");
        let rest = (!rest.is_empty()).then(|| Overlapping::new(keys, rest, scouted));
        let keys = words.into_iter().map(|k| (k, edges(k).1)).collect();
        Some(Search::WordStarts(Box::new(WordStarts { automaton, keys, firsts, rest })))
    }
}

impl WordStarts {
    /// See [`Matcher::occurrences`].
    fn occurrences(&self, folded: &str, f: &mut impl FnMut(usize, usize, usize)) {
        let bytes = folded.as_bytes();
        let start = self.automaton.start_state(Anchored::Yes).expect("an NFA searches anchored");
        let mut after_alphanumeric = false;
        for (at, &b) in bytes.iter().enumerate() {
            if !after_alphanumeric && self.firsts[usize::from(b)] {
                let mut state = start;
                for (walked, &next) in bytes[at..].iter().enumerate() {
                    state = self.automaton.next_state(Anchored::Yes, state, next);
                    if !self.automaton.is_special(state) {
                        continue;
                    }
                    if self.automaton.is_dead(state) {
                        break;
                    }
                    // A state's matches include the keys that end here but start
                    // later (its suffixes): those are found from their own start.
                    for i in 0..self.automaton.match_len(state) {
                        let pattern = self.automaton.match_pattern(state, i);
                        let (key, word_closing) = self.keys[pattern.as_usize()];
                        let end = at + walked + 1;
                        let inside_word = word_closing && bytes.get(end).is_some_and(u8::is_ascii_alphanumeric);
                        if self.automaton.pattern_len(pattern) == walked + 1 && !inside_word {
                            f(at, end, key);
                        }
                    }
                }
            }
            after_alphanumeric = b.is_ascii_alphanumeric();
        }
        if let Some(rest) = &self.rest {
            rest.occurrences(folded, f);
        }
    }
}

impl Overlapping {
    /// The overlapping automaton of the keys `ids`, with a scout for at most `scouted`.
    fn new(keys: &[String], ids: Vec<usize>, scouted: usize) -> Overlapping {
        let build = |kind| {
            AhoCorasick::builder()
                .match_kind(kind)
                .build(ids.iter().map(|&k| &keys[k]))
                .expect("glossary patterns are plain strings")
        };
        Overlapping {
            automaton: build(MatchKind::Standard),
            scout: (ids.len() <= scouted).then(|| build(MatchKind::LeftmostLongest)),
            longest: ids.iter().map(|&k| keys[k].len()).max().unwrap_or(0),
            keys: ids,
        }
    }

    /// Every occurrence of its keys in `folded` (overlapping ones too), as the
    /// overlapping scan of the whole text finds them, in some order.
    fn occurrences(&self, folded: &str, f: &mut impl FnMut(usize, usize, usize)) {
        let mut report = |m: aho_corasick::Match| f(m.start(), m.end(), self.keys[m.pattern().as_usize()]);
        let Some(scout) = &self.scout else {
            self.automaton.find_overlapping_iter(folded).for_each(report);
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
            self.automaton.find_overlapping_iter(input).for_each(&mut report);
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

    /// An overlapping search of `keys` alone, with or without its scout.
    fn matcher(keys: &[String], scouted: bool) -> Overlapping {
        Overlapping::new(keys, (0..keys.len()).collect(), if scouted { usize::MAX } else { 0 })
    }

    fn occurrences(m: &Overlapping, text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        m.occurrences(text, &mut |start, end, key| out.push((start, end, key)));
        out.sort_unstable();
        out
    }

    /// What `glossary` finds in `text`, searched overlapping (with its scout) and walked
    /// from word starts: the two must agree.
    fn both_searches(glossary: &str, text: &str) -> (Vec<Finding>, Vec<Finding>) {
        let glossary = Glossary::parse(glossary, "g.toml").expect("the test glossary parses");
        let shared = Shared::new(text);
        let overlapping = Matcher::compile_with(&glossary, usize::MAX);
        let word_starts = Matcher::compile_with(&glossary, 0);
        assert!(matches!(overlapping.search, Some(Search::Overlapping(_))));
        assert!(matches!(word_starts.search, Some(Search::WordStarts(_))));
        (overlapping.find(&shared), word_starts.find(&shared))
    }

    /// A glossary of `[[fix]]` entries, each find replaced by "X".
    fn fixes(finds: &[&str]) -> String {
        finds.iter().map(|f| format!("[[fix]]\nfind = \"{f}\"\nreplace = \"X\"\n\n")).collect()
    }

    #[test]
    fn no_character_but_a_word_character_folds_to_a_letter_or_digit_at_either_end() {
        // What walking from word starts rests on (see `Matcher::occurrences`): a folded
        // ASCII letter or digit next to a match comes from a word character of the
        // original, so the match is inside a word and would be rejected anyway.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let folded = Folded::new(c.encode_utf8(&mut [0; 4]), Fold::MATCH).text;
            let edges = [folded.bytes().next(), folded.bytes().next_back()];
            if edges.iter().flatten().any(u8::is_ascii_alphanumeric) {
                assert!(is_word_char(c), "{c:?} (U+{:04X}) folds to {folded:?}", u32::from(c));
            }
        }
    }

    #[test]
    fn walking_from_word_starts_finds_what_the_overlapping_scan_finds_table() {
        // (finds, text): keys inside words, across hyphens and apostrophes, after digits,
        // next to accented letters and their decomposed forms, opening with punctuation.
        let cases: [(&[&str], &str); 9] = [
            (&["ot", "not", "note"], "note not ot notes"),
            (&["ot"], "l’ot d'ot -ot ot- 2ot ot2 \u{212A}ot ot\u{212A}"),
            (&["un", "kim jong-un", "jong"], "Kim Jong-Un, Kim Jong Un, kim jong-unique"),
            (&["ete", "été"], "été ete\u{301} éte etes e\u{301}te"),
            (&["..", "a.."], "a... a.. b .. ."),
            (&["(sic)", "sic"], "(sic) sic (sic)sic"),
            (&["teh", "the"], "Teh TEH teh\u{a0}the tehran"),
            (&["a b", "b c"], "a b c a  b\tc"),
            (&["x"], ""),
        ];
        for (finds, text) in cases {
            let (overlapping, word_starts) = both_searches(&fixes(finds), text);
            assert_eq!(overlapping, word_starts, "{finds:?} in {text:?}");
        }
        // And the keys inside words are found by neither.
        let (found, _) = both_searches(&fixes(&["ot"]), "note ot");
        assert_eq!(found.iter().map(|f| f.span.start).collect::<Vec<_>>(), vec![5]);
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
        fn walking_from_word_starts_finds_what_the_overlapping_scan_finds(
            finds in proptest::collection::vec("[abéK.' -]{1,5}", 1..10),
            text in "[abéAÉ\u{301}\u{212A}K.'’ \u{a0}-]{0,200}",
        ) {
            let finds: Vec<&str> = finds.iter().map(|f| f.trim()).filter(|f| !f.is_empty()).collect();
            prop_assume!(!finds.is_empty());
            let (overlapping, word_starts) = both_searches(&fixes(&finds), &text);
            prop_assert_eq!(overlapping, word_starts);
        }

        #[test]
        fn the_scout_finds_what_the_overlapping_scan_finds(
            keys in proptest::collection::vec("[abé ]{1,6}", 1..12),
            text in "[abcé ]{0,300}",
        ) {
            prop_assert_eq!(occurrences(&matcher(&keys, true), &text), occurrences(&matcher(&keys, false), &text));
        }
    }
}
