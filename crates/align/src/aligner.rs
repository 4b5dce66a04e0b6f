//! Sentence alignment of a translation with its source, without a model.
//!
//! Two passes of a banded dynamic programme over the two segment lists, with groups from
//! 1-1 up to 3-1, 1-3, 3-2 and 2-3, and skips. A group's cost combines its shape, the
//! Gale–Church length cost and lexical evidence: numbers, marks, names, cognates,
//! dictionary translations and glossary pairs (see [`crate::evidence`] and
//! [`crate::search`] for the exact terms).
//!
//! 1. The first pass searches a band around the diagonal, with starting parameters.
//! 2. From its confident one-to-one groups the second pass re-estimates the length ratio
//!    and variance and how often each kind of token finds its counterpart, learns the
//!    document's own word pairs (words that come together in those groups and rarely
//!    apart), and searches again in a band around the first path. Stretches the first
//!    pass got wrong are re-aligned with the better evidence; the cost stays linear in the
//!    documents' length.

pub use crate::evidence::numbers;
use crate::evidence::{Dictionary, Documents, Setting, learn_links};
use crate::pairs::Pair;
use crate::search::{Params, Step, band_around, first_band, prepare, reestimate, search};
use aho_corasick::{AhoCorasick, MatchKind};
use glossfix_text::fold::{Fold, fold};
use glossfix_text::segment::Language;
use serde::Serialize;
use std::ops::Range;

/// Columns searched each side of the diagonal in the first pass, besides the difference
/// in the number of segments (long documents: see [`crate::search::first_band`]).
const FIRST_BAND: usize = 30;
/// Columns searched each side of the first path in the second pass.
const SECOND_BAND: usize = 12;

/// One aligned group: source sentences facing target sentences (either may be empty).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// Source sentence indices.
    pub source: Range<usize>,
    /// Target sentence indices.
    pub target: Range<usize>,
    /// How sure the pairing is, from 0 to 1.
    pub score: f64,
}

/// The aligner: languages, glossary pairs and dictionary.
#[derive(Debug, Clone)]
pub struct Aligner {
    english: Option<AhoCorasick>,
    french: Option<AhoCorasick>,
    /// Pair id for each English pattern and each French pattern.
    english_pair: Vec<usize>,
    french_pair: Vec<usize>,
    source_language: Language,
    target_language: Language,
    dictionary: Option<Dictionary>,
}

/// Glossary pairs and sentences compared without case, accents, hyphens or apostrophes.
fn fold_anchor(s: &str) -> String {
    fold(s, Fold::NAME)
}

fn automaton(patterns: &[String]) -> Option<AhoCorasick> {
    (!patterns.is_empty())
        .then(|| AhoCorasick::builder().match_kind(MatchKind::Standard).build(patterns).expect("plain patterns"))
}

impl Aligner {
    /// An English-to-French aligner anchoring on the given glossary pairs.
    pub fn new(pairs: &[Pair]) -> Self {
        let mut english = Vec::new();
        let mut english_pair = Vec::new();
        let mut french = Vec::new();
        let mut french_pair = Vec::new();
        for (id, pair) in pairs.iter().enumerate() {
            english.push(fold_anchor(&pair.english));
            english_pair.push(id);
            for f in &pair.french {
                french.push(fold_anchor(f));
                french_pair.push(id);
            }
        }
        Aligner {
            english: automaton(&english),
            french: automaton(&french),
            english_pair,
            french_pair,
            source_language: Language::English,
            target_language: Language::French,
            dictionary: None,
        }
    }

    /// The same aligner for other languages: abbreviations, names and the shipped
    /// English–French dictionary depend on them.
    pub fn with_languages(mut self, source: Language, target: Language) -> Self {
        self.source_language = source;
        self.target_language = target;
        self
    }

    /// The same aligner with a user dictionary.
    pub fn with_dictionary(mut self, dictionary: Dictionary) -> Self {
        self.dictionary = Some(dictionary);
        self
    }

    /// The glossary pairs present in a sentence (`english` side or French side).
    pub fn pairs_in(&self, sentence: &str, english: bool) -> Vec<usize> {
        let (automaton, ids) =
            if english { (&self.english, &self.english_pair) } else { (&self.french, &self.french_pair) };
        let Some(automaton) = automaton else { return Vec::new() };
        let folded = fold_anchor(sentence);
        let mut found: Vec<usize> =
            automaton.find_overlapping_iter(&folded).map(|m| ids[m.pattern().as_usize()]).collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Aligns `source` segments with `target` segments.
    pub fn align(&self, source: &[&str], target: &[&str]) -> Vec<Group> {
        let setting = Setting {
            source_language: self.source_language,
            target_language: self.target_language,
            dictionary: self.dictionary.as_ref(),
        };
        let glossary = |segments: &[&str], english: bool| -> Vec<Vec<usize>> {
            segments.iter().map(|s| self.pairs_in(s, english)).collect()
        };
        let mut documents =
            Documents::new(source, target, &setting, (&glossary(source, true), &glossary(target, false)));
        let (mut src, mut tgt) = documents.segments();
        let (n, m) = (src.len(), tgt.len());
        let (l1, l2): (usize, usize) = (src.iter().map(|s| s.chars).sum(), tgt.iter().map(|s| s.chars).sum());
        // French runs 10 to 20 % longer than English. The documents' own ratio is biased by
        // the very omissions being looked for, so it is kept within plausible bounds.
        let (low, high) = if setting.source_language == Language::English { (1.0, 1.3) } else { (0.6, 1.6) };
        let ratio = if l1 == 0 || l2 == 0 { 1.15 } else { (l2 as f64 / l1 as f64).clamp(low, high) };
        let start = Params::initial(ratio);
        prepare(&mut src, &start);
        prepare(&mut tgt, &start);
        let first = search(&src, &tgt, &first_band(&src, &tgt, &start, FIRST_BAND), &start);
        // Second pass: better parameters, the document's own word pairs, a band around
        // the first path.
        let params = reestimate(&src, &tgt, &first, &start);
        let sure: Vec<(usize, usize)> =
            first.iter().filter(|s| s.is_sure()).map(|s| (s.source.start, s.target.start)).collect();
        documents.add_links(&learn_links(&documents, &sure));
        drop((src, tgt));
        let (mut src, mut tgt) = documents.segments();
        prepare(&mut src, &params);
        prepare(&mut tgt, &params);
        let path: Vec<(Range<usize>, Range<usize>)> =
            first.iter().map(|s| (s.source.clone(), s.target.clone())).collect();
        let second = search(&src, &tgt, &band_around(&path, n, m, SECOND_BAND), &params);
        second.into_iter().map(group).collect()
    }
}

/// A step of the path as a group, its cost turned into a confidence.
fn group(step: Step) -> Group {
    let score = 1.0 / (1.0 + step.cost.exp());
    Group { source: step.source, target: step.target, score }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pairs::Pair;

    fn shapes(groups: &[Group]) -> Vec<(usize, usize)> {
        groups.iter().map(|g| (g.source.len(), g.target.len())).collect()
    }

    #[test]
    fn aligns_one_to_one_with_an_omission_and_a_merge() {
        let en = [
            "The White House said on Wednesday that talks are advancing.",
            "Kim Jong Un met Vladimir Putin in 2019.",
            "Washington has imposed new sanctions on the companies that finance the war effort.",
            "Russia has spent vast stocks of ammunition in 18 months of war.",
            "It needs more.",
            "It is asking North Korea.",
        ];
        let fr = [
            "La Maison Blanche a déclaré mercredi que les négociations avancent.",
            "Kim Jong-un a rencontré Vladimir Poutine en 2019.",
            "La Russie a dépensé de vastes stocks de munitions en 18 mois de guerre.",
            "Il lui en faut davantage, et il le demande à la Corée du Nord.",
        ];
        let aligner = Aligner::new(&[]);
        let groups = aligner.align(&en, &fr);
        assert_eq!(shapes(&groups), [(1, 1), (1, 1), (1, 0), (1, 1), (2, 1)], "{groups:#?}");
    }

    /// English and French sentences about numbered things, so each pair shares a number
    /// and a cognate or two.
    fn story(count: usize) -> (Vec<String>, Vec<String>) {
        let en = (0..count)
            .map(|i| {
                format!(
                    "In {}, the expedition reached the summit of the {} mountain.",
                    1900 + i,
                    ["north", "south", "east"][i % 3]
                )
            })
            .collect();
        let fr = (0..count)
            .map(|i| {
                format!(
                    "En {}, l’expédition a atteint le sommet de la montagne {}.",
                    1900 + i,
                    ["nord", "sud", "est"][i % 3]
                )
            })
            .collect();
        (en, fr)
    }

    #[test]
    fn a_long_insertion_is_skipped_not_smeared() {
        let (en, mut fr) = story(30);
        let advert: Vec<String> = (0..12)
            .map(|i| {
                format!("Publicité : découvrez nos nouvelles chaussures de randonnée, modèle {}, en magasin.", 50 + i)
            })
            .collect();
        fr.splice(12..12, advert);
        let en: Vec<&str> = en.iter().map(String::as_str).collect();
        let fr: Vec<&str> = fr.iter().map(String::as_str).collect();
        let groups = Aligner::new(&[]).align(&en, &fr);
        let skipped: Vec<usize> =
            groups.iter().filter(|g| g.source.is_empty()).flat_map(|g| g.target.clone()).collect();
        assert_eq!(skipped, (12..24).collect::<Vec<_>>(), "{groups:#?}");
        assert!(groups.iter().filter(|g| !g.source.is_empty()).all(|g| g.source.len() == 1 && g.target.len() == 1));
    }

    #[test]
    fn three_sentences_merged_into_one_are_one_group() {
        let (en, mut fr) = story(12);
        let merged = format!("{} {} {}", fr[5], fr[6], fr[7]);
        fr.splice(5..8, [merged]);
        let en: Vec<&str> = en.iter().map(String::as_str).collect();
        let fr: Vec<&str> = fr.iter().map(String::as_str).collect();
        let groups = Aligner::new(&[]).align(&en, &fr);
        assert!(groups.contains(&Group { source: 5..8, target: 5..6, score: groups[5].score }), "{groups:#?}");
        assert_eq!(groups.len(), 10);
    }

    #[test]
    fn glossary_pairs_anchor_sentences() {
        let pairs = [Pair {
            english: "Sergei Shoigu".into(),
            french: vec!["Sergueï Choïgou".into()],
            entry: glossfix_diagnostics::EntryId::new(0),
        }];
        let aligner = Aligner::new(&pairs);
        assert_eq!(aligner.pairs_in("Defence minister Sergei Shoigu visited.", true), [0]);
        assert_eq!(aligner.pairs_in("Le ministre Sergueï Choïgou est venu.", false), [0]);
        assert!(aligner.pairs_in("Rien ici.", false).is_empty());
    }

    #[test]
    fn numbers_table() {
        let cases: &[(&str, &[&str])] = &[
            ("$250 million in 2023", &["250", "2023"]),
            ("1,500 or 1 500 or 1.5", &["1500", "1500", "15"]),
            ("Su-35 et Su-57", &["35", "57"]),
            ("nothing", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&numbers(text), want, "{text:?}");
        }
    }

    #[test]
    fn ten_thousand_sentences_align_quickly_and_exactly() {
        // Linear in the number of sentences: the band keeps it so.
        let en: Vec<String> =
            (0..10_000).map(|i| format!("Sentence number {i} says something of length {}.", i % 17)).collect();
        let fr: Vec<String> =
            (0..10_000).map(|i| format!("La phrase numéro {i} dit quelque chose de longueur {}.", i % 17)).collect();
        let en: Vec<&str> = en.iter().map(String::as_str).collect();
        let fr: Vec<&str> = fr.iter().map(String::as_str).collect();
        let groups = Aligner::new(&[]).align(&en, &fr);
        assert_eq!(groups.len(), 10_000);
        assert!(groups.iter().enumerate().all(|(i, g)| g.source == (i..i + 1) && g.target == (i..i + 1)));
    }
}
