//! The compiled glossary: one Aho-Corasick automaton over the folded text for every
//! `find` and variant, whole-word checks on the original text, context conditions,
//! smart case, apostrophe style, and page-furniture lines.
//!
//! Matching is overlapping: every candidate is checked (boundaries, case, conditions)
//! before the leftmost-longest valid ones are picked, so a rejected long match never
//! hides a valid shorter one.

use crate::edit::{Edit, Span, deletion};
use crate::finding::{Applicability, EntryRef, Finding, Fix};
use crate::fold::{ApostropheStyle, Folded, fold_keep_case, fold_pattern, is_apostrophe};
use crate::glossary::{Glossary, Position, has_upper};
use crate::lang::is_french_context;
use crate::lines::{Line, split_lines};
use crate::names::NameIndex;
use crate::rules::RuleSettings;
use crate::words::{boundary_after, boundary_before, char_at, char_before, is_word_char, word_after, word_before};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;
use unicode_normalization::{UnicodeNormalization, is_nfc};

/// What a glossary pattern does when it matches.
#[derive(Debug, Clone)]
struct Pattern {
    rule: &'static str,
    /// `Some(folded-keeping-case find)` when the find has capitals and must match exactly.
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
    line: usize,
    /// A canonical form: it claims its span (so nothing inside it is rewritten) and
    /// never reports anything.
    protective: bool,
}

#[derive(Debug, Clone)]
struct FurnitureRule {
    exact: Option<String>,
    position: Position,
    message: String,
    line: usize,
}

/// The glossary compiled for searching.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    automaton: Option<AhoCorasick>,
    /// For each automaton pattern id, the glossary patterns with that folded key.
    by_key: Vec<Vec<usize>>,
    patterns: Vec<Pattern>,
    furniture: HashMap<String, Vec<FurnitureRule>>,
    names: NameIndex,
}

impl Matcher {
    /// Compiles the entries of a (validated) glossary.
    pub fn compile(glossary: &Glossary) -> Self {
        let mut patterns = Vec::new();
        let mut add = |find: &str, pattern: Pattern| patterns.push((fold_pattern(find), pattern));
        for term in &glossary.terms {
            let canonical = term.canonical.get_ref().trim().to_string();
            let line = glossary.line_of(term.canonical.span().start);
            let message = |variant: &str| match &term.note {
                Some(note) => note.clone(),
                None => format!("{variant:?} is a variant of {canonical:?}"),
            };
            for variant in &term.variants {
                let v = variant.get_ref().trim();
                add(v, Pattern::new("term", v, &canonical, message(v), line));
            }
            let mut guard = Pattern::new("term", &canonical, &canonical, String::new(), line);
            guard.protective = true;
            add(&canonical, guard);
        }
        for fix in &glossary.fixes {
            let find = fix.find.get_ref().trim();
            let mut message =
                fix.note.clone().unwrap_or_else(|| format!("{find:?} is an artifact for {:?}", fix.replace));
            if !fix.alternatives.is_empty() {
                message.push_str(&format!(" (or: {})", fix.alternatives.join(", ")));
            }
            let mut p = Pattern::new("fix", find, &fix.replace, message, glossary.line_of(fix.find.span().start));
            let fold_all = |words: &[String]| words.iter().map(|w| fold_pattern(w)).collect();
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
        let automaton = (!keys.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&keys)
                .expect("glossary patterns are plain strings")
        });
        let mut furniture: HashMap<String, Vec<FurnitureRule>> = HashMap::new();
        for entry in &glossary.furniture {
            let text = entry.line.get_ref().trim();
            furniture.entry(fold_pattern(text)).or_default().push(FurnitureRule {
                exact: has_upper(text).then(|| fold_keep_case(text)),
                position: entry.position,
                message: entry.note.clone().unwrap_or_else(|| format!("page furniture: {text:?}")),
                line: glossary.line_of(entry.line.span().start),
            });
        }
        Matcher { automaton, by_key, patterns: compiled, furniture, names: NameIndex::new(glossary) }
    }

    /// All glossary findings in `text`, sorted by position: the repairs (never
    /// overlapping each other) and the suggestions for near-misses of names.
    pub fn find(&self, text: &str, settings: &RuleSettings) -> Vec<Finding> {
        let mut findings = self.find_patterns(text);
        findings.extend(self.find_furniture(text));
        if settings.enabled("name-variant") {
            findings.extend(self.names.near_misses(text));
        }
        findings.sort_by_key(|f| (f.span.start, f.span.end));
        findings
    }

    /// The glossary lines of the entries (not canonical forms) whose `find` occurs in
    /// `text` as whole words with the right case, whatever their context conditions say:
    /// what lint asks of a repair ("would another entry change it again?").
    pub fn raw_matches(&self, text: &str) -> Vec<usize> {
        let Some(automaton) = &self.automaton else { return Vec::new() };
        let folded = Folded::new(text);
        let mut lines = Vec::new();
        for m in automaton.find_overlapping_iter(&folded.text) {
            let Some(span) = folded.to_original(m.start(), m.end()) else { continue };
            for &p in &self.by_key[m.pattern().as_usize()] {
                let pattern = &self.patterns[p];
                if pattern.protective || !pattern.edges_and_case(text, span) || lines.contains(&pattern.line) {
                    continue;
                }
                // A repair that leaves the text as it is ("les États" for a lower-case
                // find) changes nothing.
                let original = &text[span.start..span.end];
                if fold_keep_case(&pattern.render(original, '’')) != fold_keep_case(original) {
                    lines.push(pattern.line);
                }
            }
        }
        lines
    }

    fn find_patterns(&self, text: &str) -> Vec<Finding> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let folded = Folded::new(text);
        let mut candidates: Vec<(Span, usize)> = Vec::new();
        for m in automaton.find_overlapping_iter(&folded.text) {
            let Some(span) = folded.to_original(m.start(), m.end()) else {
                continue;
            };
            for &p in &self.by_key[m.pattern().as_usize()] {
                let pattern = &self.patterns[p];
                let in_document = pattern.in_document.is_empty()
                    || pattern.in_document.iter().any(|phrase| folded.text.contains(phrase.as_str()));
                if in_document && pattern.accepts(text, span) {
                    candidates.push((span, p));
                }
            }
        }
        candidates.sort_by_key(|&(span, p)| (span.start, std::cmp::Reverse(span.end), p));
        let mut findings = Vec::new();
        let mut claimed_to = 0;
        let style = ApostropheStyle::new(text);
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
            let replacement = pattern.render(original, style.at(text, span));
            if replacement == original {
                continue;
            }
            let edit = if replacement.is_empty() { deletion(text, span) } else { Edit { span, replacement } };
            findings.push(Finding {
                span,
                rule: pattern.rule,
                message: pattern.message.clone(),
                fix: Some(Fix { edit, applicability: pattern.applicability }),
                entry: Some(EntryRef { line: pattern.line }),
            });
        }
        findings
    }

    fn find_furniture(&self, text: &str) -> Vec<Finding> {
        if self.furniture.is_empty() {
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
                self.furniture
                    .get(&fold_pattern(content))?
                    .iter()
                    .find(|r| r.exact.as_ref().is_none_or(|exact| *exact == fold_keep_case(content)))
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
            let content = Span::new(line.start, line.end);
            findings.push(Finding {
                span: content,
                rule: "furniture",
                message: rule.message.clone(),
                fix: Some(Fix { edit: Edit { span, replacement: String::new() }, applicability: Applicability::Safe }),
                entry: Some(EntryRef { line: rule.line }),
            });
        }
        findings
    }
}

impl Pattern {
    fn new(rule: &'static str, find: &str, replacement: &str, message: String, line: usize) -> Self {
        Pattern {
            rule,
            exact: has_upper(find).then(|| fold_keep_case(find)),
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
            line,
            protective: false,
        }
    }

    /// Whole-word edges, exact case when asked, and the context conditions.
    fn accepts(&self, text: &str, span: Span) -> bool {
        self.edges_and_case(text, span) && self.conditions_hold(text, span)
    }

    /// Whole-word edges and exact case when asked.
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
        self.exact.as_ref().is_none_or(|exact| fold_keep_case(&text[span.start..span.end]) == *exact)
    }

    /// The context conditions: `after`, `before`, `not_after`, `not_before`, `french`.
    fn conditions_hold(&self, text: &str, span: Span) -> bool {
        let prev = word_before(text, span.start).map(fold_pattern);
        let next = word_after(text, span.end).map(fold_pattern);
        let one_of = |list: &[String], word: &Option<String>| word.as_ref().is_some_and(|w| list.contains(w));
        (self.after.is_empty() || one_of(&self.after, &prev))
            && (self.before.is_empty() || one_of(&self.before, &next))
            && !one_of(&self.not_after, &prev)
            && !one_of(&self.not_before, &next)
            && (!self.french || is_french_context(text, span.start, span.end))
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

/// Smart case: "Furthermore tôt" + "plus tôt" gives "Plus tôt"; "FURTHERMORE" gives
/// upper case; otherwise the replacement as written.
///
/// ```
/// use glossfix::matcher::transfer_case;
/// assert_eq!(transfer_case("Furthermore tôt", "plus tôt"), "Plus tôt");
/// assert_eq!(transfer_case("ÉTAT DE UN", "état d’un"), "ÉTAT D’UN");
/// assert_eq!(transfer_case("kinds", "types"), "types");
/// ```
pub fn transfer_case(original: &str, replacement: &str) -> String {
    let mut letters = original.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return replacement.to_string();
    };
    let rest_upper = {
        let rest: Vec<char> = letters.collect();
        !rest.is_empty() && rest.iter().all(|c| c.is_uppercase())
    };
    if first.is_uppercase() && rest_upper {
        replacement.to_uppercase()
    } else if first.is_uppercase() {
        let mut chars = replacement.chars();
        match chars.next() {
            Some(c) => c.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    } else {
        replacement.to_string()
    }
}

#[cfg(test)]
mod tests {
    use crate::glossary::Glossary;

    /// Runs `glossary` over `text` and returns the (original, replacement) of each finding.
    fn run(glossary: &str, text: &str) -> Vec<(String, String)> {
        let g = Glossary::from_toml_str(glossary, "t.toml").unwrap_or_else(|e| panic!("{e}"));
        g.matcher()
            .find(text, &g.rule_settings)
            .into_iter()
            .map(|f| {
                let edit = f.fix.unwrap().edit;
                (text[edit.span.start..edit.span.end].to_string(), edit.replacement)
            })
            .collect()
    }

    fn fix(find: &str, replace: &str, extra: &str) -> String {
        format!("[[fix]]\nfind = {find:?}\nreplace = {replace:?}\n{extra}\n")
    }

    /// (glossary, text, expected (original, replacement) repairs)
    type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn whole_words_only() {
        let g = fix("program", "programme", "");
        // (text, expected repairs)
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("le dernier program du Kremlin", &[("program", "programme")]),
            ("le programme du Kremlin", &[]),
            ("reprogram", &[]),
            ("program-based", &[]),
            ("(program)", &[("program", "programme")]),
            ("l’program", &[("program", "programme")]),
            ("programé", &[]),
            ("e\u{301}program", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(run(&g, text), pairs(want), "{text:?}");
        }
    }

    #[test]
    fn smart_case() {
        let g = fix("furthermore tôt", "plus tôt", "") + &fix("Kim Jong-Un", "Kim Jong-un", "");
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("Furthermore tôt cette année", &[("Furthermore tôt", "Plus tôt")]),
            ("furthermore tôt", &[("furthermore tôt", "plus tôt")]),
            ("FURTHERMORE TÔT", &[("FURTHERMORE TÔT", "PLUS TÔT")]),
            ("Kim Jong-Un", &[("Kim Jong-Un", "Kim Jong-un")]),
            ("Kim Jong-un", &[]),
            ("kim jong-un", &[]),
            ("KIM JONG-UN", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(run(&g, text), pairs(want), "{text:?}");
        }
    }

    #[test]
    fn apostrophes_are_interchangeable_and_follow_the_text() {
        let g = fix("de un", "d’un", "") + &fix("l’agreement", "l’accord", "");
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("faisant état de un marché, l’armée", &[("de un", "d’un")]),
            ("faisant état de un marché, l'armée", &[("de un", "d'un")]),
            ("faisant état de un marché", &[("de un", "d’un")]),
            ("l'agreement", &[("l'agreement", "l'accord")]),
            ("l’agreement", &[("l’agreement", "l’accord")]),
        ];
        for (text, want) in cases {
            assert_eq!(run(&g, text), pairs(want), "{text:?}");
        }
    }

    #[test]
    fn white_space_runs_and_line_breaks_match_a_space() {
        let g = fix("hundreds of thousands de pounds", "millions de dollars", "");
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("250 hundreds of thousands de pounds,", &[("hundreds of thousands de pounds", "millions de dollars")]),
            (
                "250 hundreds  of\nthousands de\u{a0}pounds",
                &[("hundreds  of\nthousands de\u{a0}pounds", "millions de dollars")],
            ),
            ("250 hundreds of thousands de poundsterling", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(run(&g, text), pairs(want), "{text:?}");
        }
    }

    #[test]
    fn nfc_and_nfd_match() {
        let g = fix("média japonaise", "média japonais", "");
        let nfd = "Le me\u{301}dia japonaise";
        assert_eq!(run(&g, "Le média japonaise"), pairs(&[("média japonaise", "média japonais")]));
        assert_eq!(run(&g, nfd), pairs(&[("me\u{301}dia japonaise", "me\u{301}dia japonais")]));
    }

    #[test]
    fn longest_valid_match_wins_and_a_rejected_one_hides_nothing() {
        let g = fix("in addition", "plus", "before = [\"rapidement\"]")
            + &fix("in addition rapidement", "vite", "after = [\"jamais\"]");
        // The long match is rejected by its condition: the shorter must still be found.
        let g2 = fix("go on", "continue", "before = [\"de\", \"d’\"]") + &fix("go", "aller", "french = true");
        let cases: &[Case] = &[
            (&g, "d’avancer in addition rapidement", &[("in addition", "plus")]),
            (&g, "in addition, the", &[]),
            (&g2, "la RPDC go on d’envisager", &[("go on", "continue")]),
            (&g2, "la RPDC go on le dit", &[("go", "aller")]),
        ];
        for (g, text, want) in cases {
            assert_eq!(run(g, text), pairs(want), "{text:?}");
        }
    }

    #[test]
    fn context_conditions() {
        let vehicle = fix("vehicle", "car", "french = true\nbefore = [\"le\", \"la\", \"les\", \"l’\"]");
        let significant = fix("significant", "important", "after = [\"un\"]\nnot_before = [\"of\"]");
        let cases: &[Case] = &[
            (&vehicle, "d’avancer plus rapidement, vehicle le nettoyage de ces fortifications", &[("vehicle", "car")]),
            (&vehicle, "“The vehicle le driver used was stolen,” he said.", &[]),
            (&vehicle, "le vehicle de fonction", &[]),
            (&vehicle, "vehicle l’armée", &[("vehicle", "car")]),
            (&significant, "un significant défilé", &[("significant", "important")]),
            (&significant, "une significant", &[]),
            (&significant, "un significant of", &[]),
        ];
        for (g, text, want) in cases {
            assert_eq!(run(g, text), pairs(want), "{text:?}");
        }
    }

    #[test]
    fn punctuation_edges_and_deletions() {
        let g = fix("premières..", "premières.", "") + &fix("(.)", "", "");
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("matières premières..", &[("premières..", "premières.")]),
            ("matières premières...", &[]),
            ("avec (.) les médias", &[("(.) ", "")]),
            ("avec les médias (.)", &[(" (.)", "")]),
            ("((.))", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(run(&g, text), pairs(want), "{text:?}");
        }
    }

    #[test]
    fn terms_rewrite_variants_and_protect_the_canonical_form() {
        let g = "[[term]]\ncanonical = \"Kim Jong-un\"\nvariants = [\"Kim Jong-Un\", \"Kim Jong Un\"]\n\
                 [[fix]]\nfind = \"jong-un\"\nreplace = \"XX\"\n";
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("Kim Jong Un et Kim Jong-Un", &[("Kim Jong Un", "Kim Jong-un"), ("Kim Jong-Un", "Kim Jong-un")]),
            ("Kim Jong-un", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(run(g, text), pairs(want), "{text:?}");
        }
    }

    #[test]
    fn furniture_lines() {
        let g = "[[furniture]]\nline = \"Follow\"\n[[furniture]]\nline = \"En direct\"\n\
                 [[furniture]]\nline = \"Publicité\"\n[[furniture]]\nline = \"in\"\nposition = \"edges\"\n\
                 [[furniture]]\nline = \"De la même section International\"\n";
        let g = Glossary::from_toml_str(g, "t.toml").unwrap();
        let fixed = |text: &str| {
            let edits: Vec<_> =
                g.matcher().find(text, &g.rule_settings).iter().filter_map(|f| f.safe_edit().cloned()).collect();
            crate::edit::apply_edits(text, &edits).text
        };
        // (text, expected)
        let cases = [
            ("Follow\nEn direct\nLe texte.", "Le texte."),
            ("in\n\nLes États-Unis.\n\nSuite.", "Les États-Unis.\n\nSuite."),
            ("A.\n\nPublicité\n\nB.", "A.\n\nB."),
            ("A.\r\n\r\nPublicité\r\n\r\nB.", "A.\r\n\r\nB."),
            ("Source: AA\n\nDe la même section International", "Source: AA"),
            ("Source: AA\n\nDe la même section International\n", "Source: AA\n"),
            ("A.\n\nin\n\nB.", "A.\n\nin\n\nB."),
            ("A.\nFollow\n\nPublicité", "A."),
            ("Follow me on the road.", "Follow me on the road."),
            ("Publicité", ""),
        ];
        for (text, want) in cases {
            assert_eq!(fixed(text), want, "{text:?}");
        }
    }
}
