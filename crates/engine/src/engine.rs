//! The pipeline: findings from the glossary, the built-in rules and any extra source,
//! then the fixes `fix` makes, pass after pass until nothing is left to repair. `check`
//! and `fix` are two views of one [`Engine::run`], so they cannot disagree.

use crate::compose::Composer;
use glossfix_diagnostics::{Applicability, Family, Finding, FindingSource, Fix, Origin, RuleId, apply_fixes};
use glossfix_glossary::{CompiledGlossary, Glossary};
use glossfix_rules::{Memory, RuleSettings, Scope, check_all_sharing};
use glossfix_text::Span;
use glossfix_text::protect::{Markup, protected, touches};
use glossfix_text::shared::{Carried, Shared};
use glossfix_text::words::Edited;
use std::fmt;

/// How many passes [`Engine::run`] makes at most before it declares that the repairs do
/// not converge.
pub const MAX_PASSES: usize = 16;

/// Repairs never multiply a text's size: a pass whose output is longer than this many
/// times the input (plus [`GROWTH_SLACK`] bytes) is taken for repairs that feed on their
/// own output ("go" → "go go"), and the run stops there as not converging.
const MAX_GROWTH: usize = 4;
const GROWTH_SLACK: usize = 4096;

/// A compiled glossary plus the built-in rules its `[rules]` table leaves on, ready to
/// check and fix texts.
///
/// ```
/// use glossfix_engine::Engine;
/// use glossfix_glossary::{CompiledGlossary, Glossary};
/// let glossary = Glossary::parse("[[fix]]\nfind = 'furthermore tôt'\nreplace = 'plus tôt'\n", "g.toml").unwrap();
/// let engine = Engine::new(CompiledGlossary::compile(glossary));
/// let outcome = engine.run("Furthermore tôt cette année", &Default::default()).unwrap();
/// assert_eq!(outcome.text, "Plus tôt cette année");
/// ```
#[derive(Debug, Clone)]
pub struct Engine {
    compiled: CompiledGlossary,
    settings: RuleSettings,
    /// What the rules remember between the texts this engine checks (answers that depend
    /// on the lexicons alone), shared by the threads that use it.
    memory: Memory,
}

/// What a run asks for beyond the glossary and the built-in rules.
#[derive(Clone, Copy)]
pub struct Request<'a> {
    /// The least sure fixes applied: [`Applicability::Safe`] (`fix`), or
    /// [`Applicability::Unsafe`] (`fix --unsafe`: suggestions too).
    pub level: Applicability,
    /// Extra finding sources run on every pass (the checks against an English source).
    pub sources: &'a [&'a dyn FindingSource],
    /// How the text is marked up: in Markdown, code, HTML, link targets and front matter
    /// are never reported on nor changed (in every text, backquoted words, URLs, e-mail
    /// addresses, paths, options and file names are not).
    pub markup: Markup,
}

impl Default for Request<'_> {
    fn default() -> Self {
        Request { level: Applicability::Safe, sources: &[], markup: Markup::Plain }
    }
}

/// What [`Engine::run`] found and did in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The repaired text: the input with every applied fix made.
    pub text: String,
    /// Every finding, sorted by position, with spans and fixes into the input. The ones
    /// whose fix applies at `level` are exactly the edits that turn the input into
    /// `text`, and none of them overlap.
    pub findings: Vec<Finding>,
    /// The level the fixes were applied at.
    pub level: Applicability,
    /// How many passes it took (1 when the first pass's repairs left nothing to repair).
    pub passes: usize,
}

impl Outcome {
    /// The findings whose fixes were applied.
    pub fn applied(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.fix_at(self.level).is_some())
    }

    /// The findings left alone: reports, and fixes less sure than the level.
    pub fn remaining(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.fix_at(self.level).is_none())
    }

    /// True when the text changed.
    pub fn changed(&self, input: &str) -> bool {
        self.text != input
    }
}

/// The repairs of a text keep changing each other: `fix` changes nothing in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotConverged {
    /// How many passes were made.
    pub passes: usize,
    /// True when a pass gave back a text an earlier pass had made: the repairs undo each
    /// other. False when they were still changing it after [`MAX_PASSES`] passes, or had
    /// made it several times longer.
    pub cycle: bool,
    /// The rules and entries whose repairs keep changing the text.
    pub involved: Vec<Origin>,
    /// The first pass's findings, with every fix that would have been applied made
    /// display-only.
    pub findings: Vec<Finding>,
}

impl fmt::Display for NotConverged {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let involved: Vec<String> = self
            .involved
            .iter()
            .map(|o| match o.entry {
                Some(entry) => format!("{} (entry {})", o.rule, entry.index()),
                None => o.rule.to_string(),
            })
            .collect();
        if self.cycle {
            write!(f, "repairs undo each other ({}); nothing changed", involved.join(", "))
        } else {
            let passes = self.passes;
            write!(f, "repairs still change the text after {passes} passes ({}); nothing changed", involved.join(", "))
        }
    }
}

impl std::error::Error for NotConverged {}

/// One pass's findings and its output.
struct Pass {
    /// Every finding reported for this pass (pass 1), or only the applied ones (later
    /// passes).
    findings: Vec<Finding>,
    /// Indices into `findings` of the findings applied.
    applied: Vec<usize>,
    /// The text after the applied fixes, `None` when none applies (the text as it was).
    output: Option<String>,
    /// What the next pass, over `output`, starts from: this pass's language evidence
    /// (which holds where its words are), and the edits that made `output`.
    next: Option<(Carried, Vec<Edited>)>,
}

impl Engine {
    /// An engine over `compiled`, with the built-in rules its `[rules]` table leaves on.
    pub fn new(compiled: CompiledGlossary) -> Self {
        let glossary = compiled.glossary();
        let mut settings = RuleSettings::new(&glossary.rules, &glossary.elision.exceptions);
        // The words the glossary spells are words: the spelling rule never reports them
        // (nothing to remember when it is off).
        if settings.enabled(RuleId::Spelling) {
            settings.accept(glossary.spelling.accept.iter().map(String::as_str));
            for term in &glossary.terms {
                settings.accept(std::iter::once(term.canonical.get_ref().as_str()));
                settings.accept(term.variants.iter().map(|v| v.get_ref().as_str()));
            }
            for fix in &glossary.fixes {
                settings.accept([fix.find.get_ref().as_str(), fix.replace.as_str()]);
            }
        }
        Engine { compiled, settings, memory: Memory::default() }
    }

    /// Adds words the spelling rule accepts (a user's word list), each line a word or a
    /// phrase.
    pub fn accept_words<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        self.settings.accept(words);
    }

    /// The glossary in use.
    pub fn glossary(&self) -> &Glossary {
        self.compiled.glossary()
    }

    /// The compiled glossary in use.
    pub fn compiled(&self) -> &CompiledGlossary {
        &self.compiled
    }

    /// The built-in rule settings in use.
    pub fn settings(&self) -> &RuleSettings {
        &self.settings
    }

    /// Checks and repairs `text`: every finding, and the text with every fix that
    /// applies at `request.level` made.
    ///
    /// Repairs can overlap or chain, so after the first pass the engine checks its own
    /// output and repairs again, until a pass finds nothing left to repair. Findings of
    /// later passes are reported against the input (see the `compose` module). When the
    /// passes do not settle (a text comes back, [`MAX_PASSES`] are not enough, or the
    /// text keeps growing), the result is [`NotConverged`], naming the rules and entries
    /// involved: nothing is changed.
    pub fn run(&self, text: &str, request: &Request) -> Result<Outcome, NotConverged> {
        let (repaired, findings, passes) = self.repair(text, request)?;
        let text = repaired.unwrap_or_else(|| text.to_string());
        Ok(Outcome { text, findings, level: request.level, passes })
    }

    /// The findings of [`Engine::run`] without the repaired text: what `check` reports.
    /// A text no fix changes is not copied.
    pub fn findings(&self, text: &str, request: &Request) -> Result<Vec<Finding>, NotConverged> {
        self.repair(text, request).map(|(_, findings, _)| findings)
    }

    /// [`Engine::run`]'s work: the repaired text (`None` when no fix applies), the
    /// findings and the number of passes.
    fn repair(&self, text: &str, request: &Request) -> Result<(Option<String>, Vec<Finding>, usize), NotConverged> {
        let mut first = self.pass(text, request, Scope::All, true, None);
        let Some(output) = first.output.take() else {
            return Ok((None, first.findings, 1));
        };
        // Later passes only need the rules that can repair, unless suggestions apply too.
        let scope = if request.level == Applicability::Safe { Scope::Repairs } else { Scope::All };
        let mut passes: Vec<Vec<Origin>> = vec![first.applied.iter().map(|&i| first.findings[i].origin()).collect()];
        let mut later: Vec<(String, Vec<Finding>)> = Vec::new();
        let mut current = output; // the output of the latest pass
        let mut carried = first.next.take();
        loop {
            let mut pass = self.pass(&current, request, scope, false, carried.take());
            carried = pass.next.take();
            let Some(output) = pass.output.take() else { break };
            let origins: Vec<Origin> = pass.applied.iter().map(|&i| pass.findings[i].origin()).collect();
            passes.push(origins);
            // The texts seen so far, in order: the input, then each pass's output. One
            // that comes back is a loop (compared whole: equal lengths are rare).
            let repeated = std::iter::once(text)
                .chain(later.iter().map(|(input, _)| input.as_str()))
                .chain([current.as_str()])
                .position(|seen| seen == output);
            let runaway = output.len() > text.len() * MAX_GROWTH + GROWTH_SLACK;
            if repeated.is_some() || runaway || passes.len() >= MAX_PASSES {
                // The passes since the text was last seen form the loop; without a
                // repeat, the last few passes show what keeps changing.
                let from = repeated.unwrap_or(passes.len().saturating_sub(3));
                let mut involved: Vec<Origin> = passes[from..].iter().flatten().copied().collect();
                involved.sort();
                involved.dedup();
                let findings = first.findings.into_iter().map(|f| demote(f, request.level)).collect();
                return Err(NotConverged { passes: passes.len(), cycle: repeated.is_some(), involved, findings });
            }
            let applied: Vec<Finding> = select(pass.findings, &pass.applied);
            later.push((std::mem::replace(&mut current, output), applied));
        }
        if later.is_empty() {
            return Ok((Some(current), first.findings, 1));
        }
        // Compose: pass 1's applied findings, then each later pass's, onto the input.
        let passes = 1 + later.len();
        let mut composer = Composer::new(text);
        let (mut applied_first, mut reported) = (Vec::new(), Vec::new());
        for finding in first.findings {
            if finding.fix_at(request.level).is_some() { applied_first.push(finding) } else { reported.push(finding) }
        }
        composer.record(1, text, applied_first);
        for (k, (input, applied)) in later.into_iter().enumerate() {
            composer.record(k + 2, &input, applied);
        }
        let mut findings = composer.finish(&current);
        findings.extend(reported);
        sort_findings(&mut findings);
        Ok((Some(current), findings, passes))
    }

    /// Every finding in `text` (one [`Engine::run`] with safe fixes).
    pub fn check(&self, text: &str) -> Result<Vec<Finding>, NotConverged> {
        self.findings(text, &Request::default())
    }

    /// One pass over `text`: the findings of the glossary, the rules of `scope` and the
    /// sources, and the fixes up to the request's level applied together. A fix that
    /// loses to an overlapping one is dropped (a later pass finds it again if it still
    /// applies), and so is a report or suggestion about text that an applied fix
    /// rewrites. Passes after the `first` keep only the applied findings.
    fn pass(
        &self,
        text: &str,
        request: &Request,
        scope: Scope,
        first: bool,
        before: Option<(Carried, Vec<Edited>)>,
    ) -> Pass {
        let level = request.level;
        // The words and language evidence of `text`, worked out once for the rules and the
        // glossary: the rules run first (the evidence is built after them, from their
        // words). Glossary findings still come first in the list (it orders the repairs).
        // A later pass starts from the pass before: only the words around its edits are
        // split and looked up again.
        let shared = match before {
            Some((carried, edits)) => Shared::edited(text, carried, edits),
            None => Shared::new(text),
        };
        let rules = check_all_sharing(&shared, &self.settings, &self.memory, scope);
        // Later passes keep only the fixes they apply: near-misses of names that are only
        // suggestions are not looked for there (at the safe level).
        let names =
            self.settings.enabled(RuleId::NameVariant) && (scope == Scope::All || self.compiled.near_misses_repair());
        let mut findings = self.compiled.find_with(&shared, names);
        findings.extend(rules);
        for source in request.sources {
            if scope == Scope::All || source.repairs() {
                findings.extend(source.findings(text));
            }
        }
        // Nothing is said about code, URLs, paths and the like, nor changed in them (looked
        // for only when there is something to say).
        if !findings.is_empty() {
            let protected = protected(text, request.markup);
            if !protected.is_empty() {
                findings.retain(|f| !touches_protected(f, &protected));
            }
        }
        // Safe fixes first, then (with --unsafe) the unsafe ones; glossary before rules.
        let mut order: Vec<usize> = (0..findings.len()).filter(|&i| findings[i].fix_at(level).is_some()).collect();
        order.sort_by_key(|&i| findings[i].fix.as_ref().map(Fix::applicability));
        let fixes: Vec<&Fix> = order.iter().map(|&i| findings[i].fix.as_ref().expect("filtered")).collect();
        // No fix to make, no copy of the text to make: `None`.
        let applied_fixes = (!fixes.is_empty()).then(|| apply_fixes(text, &fixes));
        let mut taken = vec![false; findings.len()];
        for &k in applied_fixes.iter().flat_map(|a| &a.taken) {
            taken[order[k]] = true;
        }
        // The edits made, in the order they were spliced in, for the next pass.
        let mut edits: Vec<Edited> = (0..findings.len())
            .filter(|&i| taken[i])
            .flat_map(|i| findings[i].fix.as_ref().expect("taken").edits().iter())
            .map(|e| Edited { span: e.span, len: e.replacement.len() })
            .collect();
        edits.sort_by_key(|e| (e.span.start, e.span.end));
        // The spans the taken fixes rewrite, sorted and disjoint, for an overlap test.
        let rewritten: Vec<Span> = edits.iter().map(|e| e.span).filter(|s| !s.is_empty()).collect();
        let covered = |span: &Span| {
            let i = rewritten.partition_point(|s| s.end <= span.start);
            rewritten.get(i).is_some_and(|s| s.overlaps(span))
        };
        let mut findings: Vec<Finding> = findings
            .into_iter()
            .enumerate()
            .filter(|(i, f)| taken[*i] || (first && f.fix_at(level).is_none() && !covered(&f.span)))
            .map(|(_, f)| f)
            .collect();
        sort_findings(&mut findings);
        let applied: Vec<usize> = (0..findings.len()).filter(|&i| findings[i].fix_at(level).is_some()).collect();
        // (Some fix applies exactly when there was one to make: the first never conflicts.)
        let output = applied_fixes.map(|a| a.text);
        let next = output.as_ref().and_then(|_| shared.carry()).map(|carried| (carried, edits));
        Pass { findings, applied, output, next }
    }
}

/// True when `finding` or one of its edits touches a protected span.
fn touches_protected(finding: &Finding, protected: &[Span]) -> bool {
    touches(protected, finding.span)
        || finding.fix.as_ref().is_some_and(|fix| fix.edits().iter().any(|e| touches(protected, e.span)))
}

/// Sorts findings by position, glossary findings before the others at the same start.
fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by_key(|f| (f.span.start, f.rule.family() != Family::Glossary, f.span.end));
}

/// `finding` with a fix that `level` would apply made display-only.
fn demote(mut finding: Finding, level: Applicability) -> Finding {
    if finding.fix_at(level).is_some() {
        finding.fix = finding.fix.map(Fix::display_only);
    }
    finding
}

/// The findings at `indices`, in order.
fn select(findings: Vec<Finding>, indices: &[usize]) -> Vec<Finding> {
    let mut wanted = indices.iter().copied().peekable();
    let mut out = Vec::with_capacity(indices.len());
    for (i, f) in findings.into_iter().enumerate() {
        if wanted.peek() == Some(&i) {
            out.push(f);
            wanted.next();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use glossfix_diagnostics::{EntryId, apply_fixes};

    fn engine(toml: &str) -> Engine {
        Engine::new(CompiledGlossary::compile(Glossary::parse(toml, "t.toml").unwrap_or_else(|e| panic!("{e}"))))
    }

    /// The safe edits of an outcome as (replaced text, replacement), in text order.
    fn edits(text: &str, outcome: &Outcome) -> Vec<(String, String)> {
        let mut out: Vec<(usize, String, String)> = outcome
            .applied()
            .flat_map(|f| f.fix.as_ref().unwrap().edits())
            .map(|e| (e.span.start, text[e.span.start..e.span.end].to_string(), e.replacement.clone()))
            .collect();
        out.sort();
        out.into_iter().map(|(_, a, b)| (a, b)).collect()
    }

    /// The applied fixes, all applied to the input, give the output, and take each other
    /// without conflict.
    fn consistent(text: &str, outcome: &Outcome) {
        let fixes: Vec<&Fix> = outcome.applied().map(|f| f.fix.as_ref().unwrap()).collect();
        let applied = apply_fixes(text, &fixes);
        assert_eq!(applied.text, outcome.text, "the reported fixes give fix's output");
        assert_eq!(applied.taken.len(), fixes.len(), "no reported fix conflicts with another");
    }

    #[test]
    fn protected_text_is_neither_reported_nor_changed() {
        let engine = engine("[[fix]]\nfind = 'vehicle'\nreplace = 'car'\n");
        // (markup, text, fixed)
        let cases = [
            (
                Markup::Plain,
                "Il dit que il lance `que il` et de https://x.org/de un.",
                "Il dit qu’il lance `que il` et de https://x.org/de un.",
            ),
            (
                Markup::Plain,
                "Lisez le fichier /etc/que il, puis de --vehicle et de -x.",
                "Lisez le fichier /etc/que il, puis de --vehicle et de -x.",
            ),
            (
                Markup::Plain,
                "Le fichier .te est là, écrivez à de@vehicle.org vehicle le soir.",
                "Le fichier .te est là, écrivez à de@vehicle.org car le soir.",
            ),
            (
                Markup::Markdown,
                "---\ntitre: que il\n---\n\nIl dit que il vient.\n\n```\nque il\n```\n\n    que il\n\nVoir [que il](https://x.org/de_un) et <b>que il</b>.\n",
                "---\ntitre: que il\n---\n\nIl dit qu’il vient.\n\n```\nque il\n```\n\n    que il\n\nVoir [qu’il](https://x.org/de_un) et <b>qu’il</b>.\n",
            ),
            // The same text as plain text: only the backquoted and the URL-like parts stay.
            (Markup::Plain, "Il dit que il vient.\n```\nque il\n```\n", "Il dit qu’il vient.\n```\nque il\n```\n"),
        ];
        for (markup, text, want) in cases {
            let outcome = engine.run(text, &Request { markup, ..Request::default() }).unwrap();
            assert_eq!(outcome.text, want, "{markup:?} {text:?}");
            consistent(text, &outcome);
        }
    }

    #[test]
    fn overlapping_repairs_are_reported_against_the_input() {
        let e = engine(
            "[[fix]]\nfind = 'de empêcher'\nreplace = 'd’empêcher'\n\
             [[fix]]\nfind = 'empêcher les états'\nreplace = 'empêcher les États'\n",
        );
        let text = "dans le but de empêcher les états de fournir";
        let outcome = e.run(text, &Request::default()).unwrap();
        assert_eq!(outcome.text, "dans le but d’empêcher les États de fournir");
        assert_eq!(outcome.passes, 2);
        consistent(text, &outcome);
        let spans: Vec<&str> = outcome.applied().map(|f| &text[f.span.start..f.span.end]).collect();
        assert_eq!(spans, ["de empêcher", "empêcher les états"], "each finding at its own place in the input");
        assert_eq!(
            edits(text, &outcome),
            [("de empêcher".into(), "d’empêcher".into()), ("é".into(), "É".into())],
            "the second edit keeps the first's d’"
        );
        // check is the same run.
        assert_eq!(e.check(text).unwrap(), outcome.findings);
    }

    #[test]
    fn findings_are_the_findings_of_a_run_table() {
        // (glossary, text): nothing found, reports only, one pass, two passes, a cycle,
        // a text that keeps growing. `check` reads `findings`, `fix` reads `run`.
        let cases = [
            ("", "Un texte sans rien à redire."),
            ("", "Le média japonaise a dit que le le chiffre"),
            ("[[fix]]\nfind = 'furthermore tôt'\nreplace = 'plus tôt'\n", "Furthermore tôt cette année"),
            ("[[fix]]\nfind = 'of'\nreplace = 'de'\nbefore = ['un']\n", "le prix of un accord"),
            (
                "[[fix]]\nfind = 'd’un'\nreplace = 'de une'\n\n[[fix]]\nfind = 'd’une'\nreplace = 'd’un'\n",
                "il parle d’un accord",
            ),
            ("[[fix]]\nfind = 'go'\nreplace = 'go go go'\n", "on y go"),
        ];
        for (glossary, text) in cases {
            let e = engine(glossary);
            for level in [Applicability::Safe, Applicability::Unsafe] {
                let request = Request { level, ..Request::default() };
                let run = e.run(text, &request).map(|outcome| outcome.findings);
                assert_eq!(e.findings(text, &request), run, "{glossary:?} on {text:?} at {level:?}");
            }
        }
    }

    #[test]
    fn a_cycle_through_a_built_in_rule_changes_nothing_and_names_what_is_involved() {
        // "d’un" -> "de une" (glossary) -> "d’une" (elision) -> "d’un" (glossary) -> ...
        let e = engine("[[fix]]\nfind = 'd’un'\nreplace = 'de une'\n\n[[fix]]\nfind = 'd’une'\nreplace = 'd’un'\n");
        let err = e.run("il parle d’un accord", &Request::default()).unwrap_err();
        assert!(err.cycle, "{err:?}");
        let involved: Vec<(RuleId, Option<EntryId>)> = err.involved.iter().map(|o| (o.rule, o.entry)).collect();
        assert_eq!(
            involved,
            [(RuleId::Fix, Some(EntryId::new(0))), (RuleId::Fix, Some(EntryId::new(1))), (RuleId::Elision, None)]
        );
        assert!(err.findings.iter().all(|f| f.safe_fix().is_none()), "nothing would be applied: {err:?}");
        assert!(e.check("il parle d’un accord").is_err(), "check says the same");
    }

    #[test]
    fn repairs_that_feed_on_their_own_output_stop_early() {
        // Lint refuses this entry; the engine must still stop when handed it.
        let e = engine("[[fix]]\nfind = 'go'\nreplace = 'go go go'\n");
        let err = e.run("on y go", &Request::default()).unwrap_err();
        assert!(!err.cycle && err.passes < MAX_PASSES, "{err:?}");
        assert_eq!(err.involved.iter().map(|o| o.rule).collect::<Vec<_>>(), [RuleId::Fix]);
    }

    #[test]
    fn a_single_pass_reports_findings_as_made() {
        let e = engine("[[term]]\ncanonical = 'Kim Jong-un'\nvariants = ['Kim Jong Un']\n");
        let text = "Kim Jong Un a parlé de un accord.";
        let outcome = e.run(text, &Request::default()).unwrap();
        assert_eq!((outcome.passes, outcome.text.as_str()), (1, "Kim Jong-un a parlé d’un accord."));
        assert_eq!(edits(text, &outcome), [("Kim Jong Un".into(), "Kim Jong-un".into()), ("de ".into(), "d’".into())]);
        consistent(text, &outcome);
    }

    #[test]
    fn a_later_pass_repairs_a_near_miss_only_when_the_term_asks_for_it() {
        // Pass 1 writes "Pyongyanq" (a fix); pass 2 finds a near-miss of "Pyongyang".
        // (near_miss_fix, fixed text)
        let cases = [(true, "à Pyongyang hier"), (false, "à Pyongyanq hier")];
        for (repair, want) in cases {
            let e = engine(&format!(
                "[[term]]\ncanonical = 'Pyongyang'\nvariants = ['Pyong-yang']\nnear_miss = true\nnear_miss_fix = {repair}\n\n\
                 [[fix]]\nfind = 'pyong yang'\nreplace = 'Pyongyanq'\n"
            ));
            let outcome = e.run("à pyong yang hier", &Request::default()).unwrap();
            assert_eq!(outcome.text, want, "near_miss_fix = {repair}");
            consistent("à pyong yang hier", &outcome);
            // With suggestions applied too, the near-miss is repaired either way.
            let unsafe_run = Request { level: Applicability::Unsafe, ..Request::default() };
            assert_eq!(e.run("à pyong yang hier", &unsafe_run).unwrap().text, "à Pyongyang hier");
        }
    }

    #[test]
    fn a_chain_of_glossary_and_rule_repairs_is_one_fix_naming_both() {
        // "of un" -> "de un" (glossary), then "de un" -> "d’un" (elision): the edits touch.
        let e = engine("[[fix]]\nfind = 'of'\nreplace = 'de'\nbefore = ['un']\n");
        let text = "le prix of un accord";
        let outcome = e.run(text, &Request::default()).unwrap();
        assert_eq!(outcome.text, "le prix d’un accord");
        consistent(text, &outcome);
        let applied: Vec<&Finding> = outcome.applied().collect();
        assert_eq!(applied.len(), 1, "{applied:#?}");
        assert_eq!(applied[0].rule, RuleId::Fix);
        assert_eq!(applied[0].then.iter().map(|o| o.rule).collect::<Vec<_>>(), [RuleId::Elision]);
        assert_eq!(edits(text, &outcome), [("of ".into(), "d’".into())]);
    }
}
