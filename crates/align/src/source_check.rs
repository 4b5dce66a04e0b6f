//! Checks of a translation against its aligned English source: omissions, additions,
//! number mismatches (value, magnitude, currency, percentage) with a repair when the
//! source makes it certain, glossary terms dropped, untranslated sentences.
//!
//! [`SourceCheck`] is a [`FindingSource`]: the engine runs it on every pass, without
//! knowing anything of alignment.

use crate::aligner::{Aligner, Group};
use crate::pairs::{Pair, glossary_pairs};
use crate::quantities::{Quantity, in_french, quantities};
use glossfix_diagnostics::{Edit, Finding, FindingSource, Fix, RuleId};
use glossfix_glossary::Glossary;
use glossfix_text::Span;
use glossfix_text::apostrophe::ApostropheStyle;
use glossfix_text::display::{ellipsize, one_line};
use glossfix_text::lang::function_word_counts;
use glossfix_text::segment::split_sentences;

/// How sure a group must be for its number repair to be applied by `fix --source`.
const SURE_GROUP: f64 = 0.3;

/// The checks of translations against one English source, anchored on a glossary's
/// English–French pairs.
#[derive(Debug, Clone)]
pub struct SourceCheck {
    aligner: Aligner,
    pairs: Vec<Pair>,
    source: String,
}

impl SourceCheck {
    /// The checks against `source`, with the pairs of `glossary` as anchors.
    pub fn new(glossary: &Glossary, source: impl Into<String>) -> Self {
        let pairs = glossary_pairs(glossary);
        SourceCheck { aligner: Aligner::new(&pairs), pairs, source: source.into() }
    }
}

impl FindingSource for SourceCheck {
    fn findings(&self, text: &str) -> Vec<Finding> {
        check(&self.aligner, &self.pairs, &self.source, text)
    }
}

/// The findings of `target` (French) against its aligned `source` (English).
fn check(aligner: &Aligner, pairs: &[Pair], source: &str, target: &str) -> Vec<Finding> {
    let src: Vec<Span> = split_sentences(source).into_iter().map(|s| s.span).collect();
    let tgt: Vec<Span> = split_sentences(target).into_iter().map(|s| s.span).collect();
    let src_text: Vec<&str> = src.iter().map(|s| &source[s.start..s.end]).collect();
    let tgt_text: Vec<&str> = tgt.iter().map(|s| &target[s.start..s.end]).collect();
    let groups = aligner.align(&src_text, &tgt_text);
    let style = ApostropheStyle::new(target);
    let mut out = Vec::new();
    for (k, g) in groups.iter().enumerate() {
        let source_span = |g: &Group| Span::new(src[g.source.start].start, src[g.source.end - 1].end);
        if g.target.is_empty() {
            // Where the missing sentence belongs: after the previous target sentence.
            let at = groups[..k].iter().rev().find(|p| !p.target.is_empty()).map_or(0, |p| tgt[p.target.end - 1].end);
            let missing = &source[source_span(g).start..source_span(g).end];
            out.push(Finding::new(
                RuleId::Omission,
                Span::at(at),
                format!("the source sentence {:?} has no translation", ellipsize(&one_line(missing), 160)),
            ));
            continue;
        }
        let t_span = Span::new(tgt[g.target.start].start, tgt[g.target.end - 1].end);
        let t_text = &target[t_span.start..t_span.end];
        if g.source.is_empty() {
            out.push(Finding::new(RuleId::Addition, t_span, "this sentence has no counterpart in the source"));
            continue;
        }
        let s_span = source_span(g);
        let s_text = &source[s_span.start..s_span.end];
        numbers(g, s_text, t_text, t_span.start, &style, target, &mut out);
        for pair in aligner.pairs_in(s_text, true) {
            if !aligner.pairs_in(t_text, false).contains(&pair) {
                let p = &pairs[pair];
                out.push(
                    Finding::new(
                        RuleId::TermMissing,
                        t_span,
                        format!("the source says {:?}; the translation lacks {:?}", p.english, p.french[0]),
                    )
                    .with_entry(p.entry),
                );
            }
        }
        let (french, english) = function_word_counts(t_text);
        if english >= 3 && english > french {
            out.push(Finding::new(RuleId::Untranslated, t_span, "this sentence is mostly English"));
        }
    }
    out
}

/// Number findings for one aligned group.
fn numbers(
    g: &Group,
    s_text: &str,
    t_text: &str,
    t_offset: usize,
    style: &ApostropheStyle,
    target: &str,
    out: &mut Vec<Finding>,
) {
    let sq = quantities(s_text, true);
    let tq = quantities(t_text, false);
    let mut t_used = vec![false; tq.len()];
    let mut s_unmatched = Vec::new();
    for s in &sq {
        match tq.iter().enumerate().position(|(i, t)| !t_used[i] && s.same_as(t)) {
            Some(i) => t_used[i] = true,
            None => s_unmatched.push(s),
        }
    }
    let t_unmatched: Vec<&Quantity> = tq.iter().enumerate().filter(|(i, _)| !t_used[*i]).map(|(_, t)| t).collect();
    let sure = s_unmatched.len() == 1 && t_unmatched.len() == 1 && s_unmatched[0].is_amount() && g.score >= SURE_GROUP;
    for t in &t_unmatched {
        let span = Span::new(t_offset + t.span.start, t_offset + t.span.end);
        let said = &t_text[t.span.start..t.span.end];
        let message = match s_unmatched.first() {
            Some(s) => format!("the source says {:?}, the translation {said:?}", &s_text[s.span.start..s.span.end]),
            None => format!("{said:?} is not in the source"),
        };
        let finding = Finding::new(RuleId::NumberMismatch, span, message);
        out.push(if sure {
            let replacement = in_french(s_unmatched[0], style.at(target, span));
            finding.with_fix(Fix::safe(Edit::replace(span, replacement)))
        } else {
            finding
        });
    }
    if t_unmatched.is_empty() {
        for s in s_unmatched {
            let at = t_offset;
            out.push(Finding::new(
                RuleId::NumberMismatch,
                Span::new(at, at + t_text.len()),
                format!("the source's {:?} is missing from the translation", &s_text[s.span.start..s.span.end]),
            ));
        }
    }
}
