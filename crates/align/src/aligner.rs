//! Sentence alignment of an article with its English source (banded Gale–Church with
//! anchors).
//!
//! Dynamic programming over the two sentence lists, allowing 1-1, 1-0, 0-1, 2-1, 1-2 and
//! 2-2 groups. A group's cost is the Gale–Church prior for its shape, plus the Gale–Church
//! length cost (characters, with the length ratio of the two documents), minus a bonus for
//! shared anchors: numbers, names (capitalised words, compared by their first five
//! accent-free letters so "Russie" meets "Russia"), glossary pairs (a `[[term]]` or
//! `[[fix]]` with `en = "..."`), and quotation marks. The search is banded around the
//! diagonal, so its cost grows linearly with the number of sentences.

use crate::pairs::Pair;
use aho_corasick::{AhoCorasick, MatchKind};
use glossfix_lexicon::lexicon;
use glossfix_text::fold::{Fold, fold};
use glossfix_text::words::words;
use serde::Serialize;
use std::collections::HashMap;
use std::ops::Range;

/// Prior costs (-ln P) of the group shapes, from Gale and Church (1993).
const COST_1_1: f64 = 0.117; // P = 0.89
const COST_1_0: f64 = 5.31; // P = 0.0099 / 2
const COST_2_1: f64 = 3.11; // P = 0.089 / 2
const COST_2_2: f64 = 4.51; // P = 0.011
/// Variance of the length ratio per character (Gale and Church).
const VARIANCE: f64 = 6.8;
/// How much a full anchor match (or mismatch) moves a group's cost.
const ANCHOR_WEIGHT: f64 = 2.5;

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

/// The anchors and length of one sentence.
#[derive(Debug, Clone, Default)]
struct Unit {
    chars: usize,
    anchors: Vec<u32>,
    /// No sentence-final punctuation: a headline, a caption or page furniture.
    unpunctuated: bool,
}

/// Interns anchor strings into small ids shared by both sides.
#[derive(Default)]
struct Anchors(HashMap<String, u32>);

impl Anchors {
    fn id(&mut self, key: String) -> u32 {
        let next = self.0.len() as u32;
        *self.0.entry(key).or_insert(next)
    }
}

/// The aligner, with the glossary pairs it anchors on.
#[derive(Debug, Clone)]
pub struct Aligner {
    english: Option<AhoCorasick>,
    french: Option<AhoCorasick>,
    /// Pair id for each English pattern and each French pattern.
    english_pair: Vec<usize>,
    french_pair: Vec<usize>,
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
    /// An aligner anchoring on the given glossary pairs.
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
        Aligner { english: automaton(&english), french: automaton(&french), english_pair, french_pair }
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

    fn unit(&self, sentence: &str, english: bool, anchors: &mut Anchors) -> Unit {
        let mut ids = Vec::new();
        for number in numbers(sentence) {
            ids.push(anchors.id(format!("#{number}")));
        }
        for (i, (_, word)) in words(sentence).enumerate() {
            // Names: capitalised words, hyphenated ones in parts ("Jong-un"); a word
            // opening the sentence only if it is not a common word ("The", "La").
            for part in word.split(['-', '\u{2011}']) {
                let capital = part.chars().next().is_some_and(char::is_uppercase);
                // Acronyms cross languages unchanged ("AA", "AP", "CNN"), short or not.
                let acronym = part.chars().count() >= 2 && part.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
                if !capital || (part.chars().count() < 3 && !acronym) {
                    continue;
                }
                let z = lexicon().zipf(&part.to_lowercase());
                if i == 0 && !acronym && (if english { z.en } else { z.fr }) >= 5.0 {
                    continue;
                }
                let key: String = fold(part, Fold::BARE).chars().take(5).collect();
                ids.push(anchors.id(format!("n:{key}")));
            }
        }
        for pair in self.pairs_in(sentence, english) {
            ids.push(anchors.id(format!("g:{pair}")));
        }
        if sentence.contains(['“', '”', '«', '»', '"']) {
            ids.push(anchors.id("q".into()));
        }
        ids.sort_unstable();
        let unpunctuated = !sentence.trim_end().ends_with(['.', '!', '?', '…', '»', '”', '"', ':', ';']);
        Unit { chars: sentence.chars().filter(|c| !c.is_whitespace()).count(), anchors: ids, unpunctuated }
    }

    /// Aligns `source` (English) sentences with `target` (French) sentences.
    pub fn align(&self, source: &[&str], target: &[&str]) -> Vec<Group> {
        let mut anchors = Anchors::default();
        let src: Vec<Unit> = source.iter().map(|s| self.unit(s, true, &mut anchors)).collect();
        let tgt: Vec<Unit> = target.iter().map(|s| self.unit(s, false, &mut anchors)).collect();
        align_units(&src, &tgt)
    }
}

/// The digit strings of the numbers in a sentence, separators removed ("1,500" and
/// "1 500" both read "1500"; "1.5" and "1,5" both read "15").
pub fn numbers(sentence: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = sentence.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_digit() {
            current.push(c);
        } else if matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}')
            && !current.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())
        {
            continue;
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Standard normal cumulative distribution (Abramowitz and Stegun 7.1.26, error < 1.5e-7).
fn normal_cdf(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.3275911 * x.abs() / std::f64::consts::SQRT_2);
    let poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    let erf = 1.0 - poly * (-(x * x) / 2.0).exp();
    if x >= 0.0 { 0.5 * (1.0 + erf) } else { 0.5 * (1.0 - erf) }
}

/// Gale–Church length cost of `source_chars` facing `target_chars`.
fn length_cost(source_chars: usize, target_chars: usize, ratio: f64) -> f64 {
    let l1 = source_chars.max(1) as f64;
    let delta = (target_chars as f64 - l1 * ratio) / (l1 * VARIANCE).sqrt();
    let p = 2.0 * (1.0 - normal_cdf(delta.abs()));
    -(p.max(1e-12)).ln()
}

/// Dice overlap of two sorted anchor lists, `None` when both are empty.
fn dice(a: &[u32], b: &[u32]) -> Option<f64> {
    if a.is_empty() && b.is_empty() {
        return None;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    Some(2.0 * common as f64 / (a.len() + b.len()) as f64)
}

fn merged(units: &[Unit]) -> (usize, Vec<u32>) {
    let chars = units.iter().map(|u| u.chars).sum();
    let mut anchors: Vec<u32> = units.iter().flat_map(|u| u.anchors.iter().copied()).collect();
    anchors.sort_unstable();
    (chars, anchors)
}

/// The cost of a group of `s` source units facing `t` target units.
fn group_cost(s: &[Unit], t: &[Unit], ratio: f64) -> f64 {
    let prior = match (s.len(), t.len()) {
        (1, 1) => COST_1_1,
        // A short segment without sentence punctuation and with no counterpart ("En
        // direct", "Publicité", a caption) is more likely furniture than a dropped
        // sentence: it costs less to leave alone.
        (1, 0) | (0, 1) => {
            let unit = s.iter().chain(t).next().expect("one unit");
            let discount = if unit.unpunctuated { (unit.chars as f64 / 30.0).clamp(0.3, 1.0) } else { 1.0 };
            return COST_1_0 * discount;
        }
        (2, 1) | (1, 2) => COST_2_1,
        _ => COST_2_2,
    };
    let (sc, sa) = merged(s);
    let (tc, ta) = merged(t);
    // Shared anchors are evidence; missing ones are not ("White House" is "Maison Blanche").
    let anchor = dice(&sa, &ta).map_or(0.0, |d| -ANCHOR_WEIGHT * d);
    prior + length_cost(sc, tc, ratio) + anchor
}

/// The moves of the dynamic programme: (source sentences, target sentences).
const MOVES: [(usize, usize); 6] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2)];

fn align_units(src: &[Unit], tgt: &[Unit]) -> Vec<Group> {
    let (n, m) = (src.len(), tgt.len());
    let src_chars: usize = src.iter().map(|u| u.chars).sum();
    let tgt_chars: usize = tgt.iter().map(|u| u.chars).sum();
    // French runs 10 to 20 % longer than English. The documents' own ratio is biased by
    // the very omissions being looked for, so it is kept within plausible bounds.
    let ratio =
        if src_chars == 0 || tgt_chars == 0 { 1.15 } else { (tgt_chars as f64 / src_chars as f64).clamp(1.0, 1.3) };
    let band = 50 + n.abs_diff(m);
    let center = |i: usize| (i * m).checked_div(n).unwrap_or(0);
    let lo = |i: usize| center(i).saturating_sub(band);
    let hi = |i: usize| (center(i) + band).min(m);
    // cost[i][j - lo(i)], back[i][j - lo(i)] = move index
    let mut cost: Vec<Vec<f64>> = Vec::with_capacity(n + 1);
    let mut back: Vec<Vec<u8>> = Vec::with_capacity(n + 1);
    let get = |cost: &Vec<Vec<f64>>, i: usize, j: usize| -> Option<f64> {
        let row = cost.get(i)?;
        let l = lo(i);
        (j >= l && j <= hi(i)).then(|| row[j - l])
    };
    for i in 0..=n {
        let (l, h) = (lo(i), hi(i));
        let mut row = vec![f64::INFINITY; h - l + 1];
        let mut brow = vec![u8::MAX; h - l + 1];
        for j in l..=h {
            if i == 0 && j == 0 {
                row[0] = 0.0;
                continue;
            }
            for (k, &(a, b)) in MOVES.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                // A move that takes no source sentence (0-1) comes from this very row.
                let prev = if a == 0 { (j - b >= l).then(|| row[j - b - l]) } else { get(&cost, i - a, j - b) };
                let Some(prev) = prev else { continue };
                if !prev.is_finite() {
                    continue;
                }
                let c = prev + group_cost(&src[i - a..i], &tgt[j - b..j], ratio);
                if c < row[j - l] {
                    row[j - l] = c;
                    brow[j - l] = k as u8;
                }
            }
        }
        cost.push(row);
        back.push(brow);
    }
    // Back-trace from (n, m).
    let mut groups = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let k = back[i][j - lo(i)];
        let (a, b) = MOVES[k as usize];
        let c = group_cost(&src[i - a..i], &tgt[j - b..j], ratio);
        let score = (-(c - COST_1_1 + ANCHOR_WEIGHT / 2.0).max(0.0) / 2.0).exp();
        groups.push(Group { source: i - a..i, target: j - b..j, score });
        i -= a;
        j -= b;
    }
    groups.reverse();
    groups
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
