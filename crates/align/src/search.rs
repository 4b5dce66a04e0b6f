//! The search for the cheapest sequence of groups, and what a group costs.
//!
//! A group of source segments S facing target segments T costs
//!
//! ```text
//! cost(S, T) = prior(|S|, |T|) + length(S, T) + evidence(S, T)
//! ```
//!
//! - `prior` is −ln of how often groups of that shape occur (Gale and Church 1993 for the
//!   shapes they measured; rarer shapes cost more);
//! - `length` is Gale and Church's, times [`LENGTH_WEIGHT`]: −ln of the two-sided normal tail of the difference
//!   between the target's length and the source's times the documents' ratio, in units
//!   of its standard deviation (variance grows with length);
//! - `evidence` is a log-likelihood ratio summed over the tokens that count (see
//!   [`crate::evidence`]): a token that finds a counterpart on the other side of the
//!   group adds `ln(p / chance)`, one that finds none adds `ln((1 − p) / (1 − chance))`,
//!   where `p` is how often a token of its kind finds its counterpart in a true
//!   translation and `chance` how often it would in a group of that size at random. Both
//!   directions are counted, each at half weight. Evidence for the pairing lowers the
//!   cost; tokens that should have met and did not raise it.
//!
//! A segment left unpaired costs only its prior: nothing is expected of it. So a run of
//! inserted sentences whose words meet nothing nearby is cheaper to skip than to smear
//! over merged groups, where every one of its tokens would count against the pairing.
//!
//! The dynamic programme runs in a band of columns for each row, so it is linear in the
//! documents' length: the first pass around the diagonal, the second around the first
//! pass's path.

use crate::evidence::{KINDS, Segment, Token};
use std::ops::Range;

/// Group shapes (source segments, target segments) and their prior costs.
pub(crate) const MOVES: [(usize, usize, f64); 10] = [
    (1, 1, 0.117), // P = 0.89 (Gale and Church)
    (1, 0, 5.31),  // P = 0.0099 / 2
    (0, 1, 5.31),
    (2, 1, 3.11), // P = 0.089 / 2
    (1, 2, 3.11),
    (2, 2, 4.51), // P = 0.011
    (3, 1, 5.3),  // P = 0.005
    (1, 3, 5.3),
    (3, 2, 6.9), // P = 0.001
    (2, 3, 6.9),
];

/// The weight of the length cost against the shape prior and the lexical evidence. Long
/// segments carry both more characters and more tokens, so the two kinds of evidence are
/// not independent: counted in full, length drowns the words. Chosen on the first four
/// Bleualign documents (0.5 to 1.0 tried; the other three documents and the
/// English–French test were not looked at).
pub const LENGTH_WEIGHT: f64 = 0.7;

/// The model's parameters: the length ratio and variance, and how often a token of each
/// kind finds its counterpart in a true translation.
#[derive(Debug, Clone)]
pub(crate) struct Params {
    pub ratio: f64,
    pub variance: f64,
    pub found: [f64; KINDS],
}

impl Params {
    /// Starting values: Gale and Church's variance, the documents' ratio, and rates that
    /// say numbers and marks carry over more often than words.
    pub(crate) fn initial(ratio: f64) -> Self {
        Params { ratio, variance: 6.8, found: [0.8, 0.6, 0.7, 0.5] }
    }
}

/// Standard normal cumulative distribution (Abramowitz and Stegun 7.1.26, error < 1.5e-7).
fn normal_cdf(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.3275911 * x.abs() / std::f64::consts::SQRT_2);
    let poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    let erf = 1.0 - poly * (-(x * x) / 2.0).exp();
    if x >= 0.0 { 0.5 * (1.0 + erf) } else { 0.5 * (1.0 - erf) }
}

/// Gale–Church length cost of `source_chars` facing `target_chars`.
pub(crate) fn length_cost(source_chars: usize, target_chars: usize, params: &Params) -> f64 {
    let l1 = source_chars.max(1) as f64;
    let delta = (target_chars as f64 - l1 * params.ratio) / (l1 * params.variance).sqrt();
    let p = 2.0 * (1.0 - normal_cdf(delta.abs()));
    -(p.max(1e-12)).ln()
}

/// True when a token matches in one of the segments.
pub(crate) fn matches(token: &Token, other: &[Segment]) -> bool {
    other.iter().any(|s| s.bloom & token.bloom != 0 && token.keys.iter().any(|k| s.keys.binary_search(k).is_ok()))
}

/// Sets each token's log-likelihood ratios for the parameters: a match in a group of
/// `k` segments that a token would meet at random with probability
/// `1 − (1 − chance)^k`.
pub(crate) fn prepare(segments: &mut [Segment], params: &Params) {
    for segment in segments.iter_mut() {
        segment.miss_sum = [0.0; 3];
        for token in &mut segment.tokens {
            for k in 0..3 {
                let chance = (1.0 - (1.0 - token.chance).powi(k as i32 + 1)).clamp(0.002, 0.98);
                let p = params.found[token.kind as usize].max(chance);
                token.hit[k] = (p / chance).ln() as f32;
                token.miss[k] = ((1.0 - p) / (1.0 - chance)).ln() as f32;
                segment.miss_sum[k] += f64::from(token.miss[k]);
            }
        }
    }
}

/// The evidence term of a group: minus the log-likelihood ratio of its tokens.
fn evidence_cost(source: &[Segment], target: &[Segment]) -> f64 {
    let side = |from: &[Segment], other: &[Segment]| -> f64 {
        let k = other.len() - 1;
        let mut llr = 0.0;
        for token in from.iter().flat_map(|s| &s.tokens) {
            llr += f64::from(if matches(token, other) { token.hit[k] } else { token.miss[k] });
        }
        llr
    };
    -0.5 * (side(source, target) + side(target, source))
}

/// The prior and length terms of a group with both sides.
fn shape_and_length(source: &[Segment], target: &[Segment], prior: f64, params: &Params) -> f64 {
    let chars = |s: &[Segment]| s.iter().map(|x| x.chars).sum::<usize>();
    prior + LENGTH_WEIGHT * length_cost(chars(source), chars(target), params)
}

/// The cost of a group of the given shape.
pub(crate) fn group_cost(source: &[Segment], target: &[Segment], prior: f64, params: &Params) -> f64 {
    if source.iter().chain(target).all(|s| s.chars == 0) {
        return 0.0; // empty lines facing each other, or one left alone
    }
    if source.is_empty() || target.is_empty() {
        let segment = source.iter().chain(target).next().expect("one segment");
        // A short segment without sentence punctuation and with no counterpart ("En
        // direct", "Publicité", a caption) is more likely furniture than a dropped
        // sentence: it costs less to leave alone.
        let discount = if segment.unpunctuated { (segment.chars as f64 / 30.0).clamp(0.3, 1.0) } else { 1.0 };
        return prior * discount;
    }
    shape_and_length(source, target, prior, params) + evidence_cost(source, target)
}

/// For each row (source position 0..=n), the columns (target positions) searched.
pub(crate) type Band = Vec<Range<usize>>;

/// A band of `width` columns each side of the diagonal.
pub(crate) fn diagonal_band(n: usize, m: usize, width: usize) -> Band {
    (0..=n)
        .map(|i| {
            let center = (i * m).checked_div(n).unwrap_or(0);
            center.saturating_sub(width)..(center + width).min(m) + 1
        })
        .collect()
}

/// Segments merged per block at each coarser level of the search.
const BLOCK: usize = 8;
/// Documents whose diagonal band would hold more cells than this are first aligned
/// block by block.
const COARSE_ABOVE: usize = 400_000;

/// The band of the first pass: around the diagonal for documents of ordinary length;
/// for long ones (or ones whose lengths differ a lot) around the path found by aligning
/// blocks of [`BLOCK`] segments first, recursively, as vecalign does. Either way the
/// work is linear in the documents' length.
pub(crate) fn first_band(source: &[Segment], target: &[Segment], params: &Params, width: usize) -> Band {
    let (n, m) = (source.len(), target.len());
    let diagonal = width + n.abs_diff(m);
    if (n + 1) * (2 * diagonal + 1) <= COARSE_ABOVE || n.min(m) < 2 * BLOCK {
        return diagonal_band(n, m, diagonal);
    }
    let blocks = |s: &[Segment]| -> Vec<Segment> {
        let mut b: Vec<Segment> = s.chunks(BLOCK).map(Segment::merge).collect();
        prepare(&mut b, params);
        b
    };
    let (coarse_source, coarse_target) = (blocks(source), blocks(target));
    let band = first_band(&coarse_source, &coarse_target, params, width);
    let coarse = search(&coarse_source, &coarse_target, &band, params);
    let path: Vec<(Range<usize>, Range<usize>)> = coarse
        .iter()
        .map(|s| {
            (
                s.source.start * BLOCK..(s.source.end * BLOCK).min(n),
                s.target.start * BLOCK..(s.target.end * BLOCK).min(m),
            )
        })
        .collect();
    band_around(&path, n, m, BLOCK * 2)
}

/// A band of `width` columns each side of a path of groups.
pub(crate) fn band_around(groups: &[(Range<usize>, Range<usize>)], n: usize, m: usize, width: usize) -> Band {
    let mut lo = vec![usize::MAX; n + 1];
    let mut hi = vec![0; n + 1];
    let mut visit = |i: usize, j: usize| {
        lo[i] = lo[i].min(j);
        hi[i] = hi[i].max(j);
    };
    visit(0, 0);
    for (s, t) in groups {
        // Every row a group spans sees every column it spans.
        for i in s.start..=s.end {
            visit(i, t.start);
            visit(i, t.end);
        }
    }
    // The path is monotone and its moves are among MOVES, so it lies inside the band.
    (0..=n).map(|i| lo[i].saturating_sub(width)..(hi[i] + width).min(m) + 1).collect()
}

/// One group of the best path, with its cost.
#[derive(Debug, Clone)]
pub(crate) struct Step {
    pub source: Range<usize>,
    pub target: Range<usize>,
    pub cost: f64,
}

impl Step {
    /// A one-to-one group with more evidence for the pairing than against it: what the
    /// second pass learns from.
    pub(crate) fn is_sure(&self) -> bool {
        self.source.len() == 1 && self.target.len() == 1 && self.cost < 0.0
    }
}

/// Which tokens of one source segment match in one target segment (`forward`) and
/// which of the target's match in the source (`backward`), as bit sets over the
/// segments' tokens (at most [`crate::evidence::MAX_TOKENS`] each).
#[derive(Debug, Clone, Copy, Default)]
struct Pair {
    forward: u32,
    backward: u32,
}

impl Pair {
    fn of(s: &Segment, t: &Segment) -> Self {
        let bits = |from: &Segment, other: &Segment| -> u32 {
            from.tokens
                .iter()
                .enumerate()
                .filter(|(_, token)| matches(token, std::slice::from_ref(other)))
                .fold(0, |b, (i, _)| b | 1 << i)
        };
        Pair { forward: bits(s, t), backward: bits(t, s) }
    }
}

/// The pairs of segments the search is about to need, a few rows at a time, so that a
/// group's evidence is a few bit operations instead of a look-up per token.
struct Pairs {
    /// For the last rows (source segment `i` at `i % 4`): first column, and the pairs.
    rows: [(usize, Vec<Pair>); 4],
}

impl Pairs {
    /// Computes the pairs of source segment `i` with the target segments the rows
    /// `i + 1 ..= i + 3` of the band can group it with.
    fn fill(&mut self, i: usize, source: &[Segment], target: &[Segment], band: &Band) {
        let rows = i + 1..(i + 4).min(band.len());
        let start = rows.clone().map(|r| band[r].start).min().unwrap_or(0).saturating_sub(3);
        let end = rows.map(|r| band[r].end).max().unwrap_or(0).min(target.len());
        let slot = &mut self.rows[i % 4];
        slot.0 = start;
        slot.1.clear();
        slot.1.extend((start..end.max(start)).map(|j| Pair::of(&source[i], &target[j])));
    }

    fn get(&self, i: usize, j: usize) -> Pair {
        let (start, pairs) = &self.rows[i % 4];
        pairs[j - start]
    }
}

/// [`group_cost`] from the pairs: the same value, without a look-up per token.
fn fast_cost(
    pairs: &Pairs,
    source: &[Segment],
    target: &[Segment],
    (si, tj): (usize, usize),
    prior: f64,
    params: &Params,
) -> f64 {
    if source.is_empty() || target.is_empty() || source.iter().chain(target).all(|s| s.chars == 0) {
        return group_cost(source, target, prior, params);
    }
    let side = |segment: &Segment, bits: u32, k: usize| -> f64 {
        let mut llr = segment.miss_sum[k];
        let mut rest = bits;
        while rest != 0 {
            let token = &segment.tokens[rest.trailing_zeros() as usize];
            llr += f64::from(token.hit[k] - token.miss[k]);
            rest &= rest - 1;
        }
        llr
    };
    let mut llr = 0.0;
    for (a, s) in source.iter().enumerate() {
        let bits = (0..target.len()).fold(0, |b, c| b | pairs.get(si + a, tj + c).forward);
        llr += side(s, bits, target.len() - 1);
    }
    for (c, t) in target.iter().enumerate() {
        let bits = (0..source.len()).fold(0, |b, a| b | pairs.get(si + a, tj + c).backward);
        llr += side(t, bits, source.len() - 1);
    }
    shape_and_length(source, target, prior, params) - 0.5 * llr
}

/// The cheapest sequence of groups within the band.
pub(crate) fn search(source: &[Segment], target: &[Segment], band: &Band, params: &Params) -> Vec<Step> {
    let (n, m) = (source.len(), target.len());
    let mut cost: Vec<Vec<f64>> = Vec::with_capacity(n + 1);
    let mut back: Vec<Vec<u8>> = Vec::with_capacity(n + 1);
    let mut pairs = Pairs { rows: Default::default() };
    for i in 0..=n {
        if i > 0 {
            pairs.fill(i - 1, source, target, band);
        }
        let columns = band[i].clone();
        let mut row = vec![f64::INFINITY; columns.len()];
        let mut from = vec![u8::MAX; columns.len()];
        for j in columns.clone() {
            if i == 0 && j == 0 {
                row[0] = 0.0;
                continue;
            }
            for (k, &(a, b, prior)) in MOVES.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let (pi, pj) = (i - a, j - b);
                let previous = if a == 0 {
                    (pj >= columns.start).then(|| row[pj - columns.start])
                } else {
                    band[pi].contains(&pj).then(|| cost[pi][pj - band[pi].start])
                };
                let Some(previous) = previous.filter(|p| p.is_finite()) else { continue };
                let c = previous + fast_cost(&pairs, &source[pi..i], &target[pj..j], (pi, pj), prior, params);
                if c < row[j - columns.start] {
                    row[j - columns.start] = c;
                    from[j - columns.start] = k as u8;
                }
            }
        }
        // Only the last three rows of costs are looked at again.
        if i >= 4 {
            cost[i - 4] = Vec::new();
        }
        cost.push(row);
        back.push(from);
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let k = back[i][j - band[i].start];
        assert!(k != u8::MAX, "the band reaches the end");
        let (a, b, prior) = MOVES[k as usize];
        let c = group_cost(&source[i - a..i], &target[j - b..j], prior, params);
        steps.push(Step { source: i - a..i, target: j - b..j, cost: c });
        i -= a;
        j -= b;
    }
    steps.reverse();
    steps
}

/// The parameters re-estimated from the confident one-to-one groups of a first pass:
/// length ratio and variance, and how often each kind of token found its counterpart.
pub(crate) fn reestimate(source: &[Segment], target: &[Segment], steps: &[Step], start: &Params) -> Params {
    let sure: Vec<&Step> = steps.iter().filter(|s| s.is_sure()).collect();
    if sure.len() < 10 {
        return start.clone();
    }
    let (mut l1, mut l2) = (0.0, 0.0);
    for s in &sure {
        l1 += source[s.source.start].chars as f64;
        l2 += target[s.target.start].chars as f64;
    }
    let ratio = if l1 > 0.0 { (l2 / l1).clamp(0.5, 2.0) } else { start.ratio };
    let mut spread = 0.0;
    for s in &sure {
        let a = source[s.source.start].chars.max(1) as f64;
        let b = target[s.target.start].chars as f64;
        spread += (b - a * ratio).powi(2) / a;
    }
    let variance = (spread / sure.len() as f64).clamp(2.0, 20.0);
    let mut found = [(0.0, 0.0); KINDS];
    for s in &sure {
        let (a, b) = (&source[s.source.clone()], &target[s.target.clone()]);
        for (from, other) in [(a, b), (b, a)] {
            for token in from.iter().flat_map(|x| &x.tokens) {
                let slot = &mut found[token.kind as usize];
                slot.1 += 1.0;
                if matches(token, other) {
                    slot.0 += 1.0;
                }
            }
        }
    }
    // Smoothed towards the starting values with the weight of ten tokens.
    let mut rates = start.found;
    for (rate, (hit, all)) in rates.iter_mut().zip(found) {
        *rate = ((hit + 10.0 * *rate) / (all + 10.0)).clamp(0.05, 0.95);
    }
    Params { ratio, variance, found: rates }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::{Documents, Setting};

    #[test]
    fn the_fast_cost_is_the_cost() {
        let en = [
            "The expedition left in 1988.",
            "",
            "It reached the summit (4,200 m) on 9 September?",
            "Nobody knew why.",
            "The descent was quick: two hours.",
        ];
        let fr = [
            "L’expédition est partie en 1988.",
            "Elle a atteint le sommet (4 200 m) le 9 septembre ?",
            "",
            "Personne ne savait pourquoi. La descente fut rapide : deux heures.",
        ];
        let documents = Documents::new(&en, &fr, &Setting::default(), (&[], &[]));
        let (mut source, mut target) = documents.segments();
        let params = Params::initial(1.1);
        prepare(&mut source, &params);
        prepare(&mut target, &params);
        let band = diagonal_band(source.len(), target.len(), 10);
        let mut pairs = Pairs { rows: Default::default() };
        for i in 0..=source.len() {
            for &(a, b, prior) in &MOVES {
                for j in band[i].clone() {
                    if a > i || b > j {
                        continue;
                    }
                    if i >= 1 {
                        // The rows the pairs hold: i - 1, i - 2, i - 3.
                        pairs.fill(i - 1, &source, &target, &band);
                    }
                    let (s, t) = (&source[i - a..i], &target[j - b..j]);
                    let want = group_cost(s, t, prior, &params);
                    let got = fast_cost(&pairs, s, t, (i - a, j - b), prior, &params);
                    assert!((want - got).abs() < 1e-4, "{a}-{b} at {i},{j}: {want} vs {got}");
                }
            }
        }
    }
}
