//! Checks of each entry and of entries against each other: empty or untidy text, term
//! variants, duplicates, conflicts, shadowed entries, and examples.

use super::{ProblemKind, Report};
use glossfix_diagnostics::{EntryId, RuleId, apply_fixes};
use glossfix_engine::Engine;
use glossfix_glossary::{EntryKind, FixEntry, Glossary};
use glossfix_text::case::has_upper;
use glossfix_text::fold::{Fold, fold};
use std::collections::HashMap;
use toml::Spanned;
use unicode_normalization::is_nfc;

/// One rewriting entry seen uniformly: a term variant or a fix.
pub(crate) struct Rewrite<'a> {
    /// The entry.
    pub(crate) entry: EntryId,
    /// [`EntryKind::Term`] (a variant) or [`EntryKind::Fix`].
    pub(crate) kind: EntryKind,
    /// Which variant of a term (0 for a fix).
    pub(crate) variant: usize,
    pub(crate) find: &'a Spanned<String>,
    pub(crate) replace: &'a str,
    /// Two rewrites with the same find and key fire in exactly the same places.
    conditions: String,
    unconditional: bool,
}

impl Rewrite<'_> {
    /// How messages name it: `[[term]] variant` or `[[fix]]`.
    pub(crate) fn label(&self) -> String {
        match self.kind {
            EntryKind::Term => format!("{} variant", EntryKind::Term),
            kind => kind.to_string(),
        }
    }
}

/// Every term variant and fix of `glossary`, in entry order.
pub(crate) fn rewrites(glossary: &Glossary) -> Vec<Rewrite<'_>> {
    let mut out = Vec::new();
    for (i, term) in glossary.terms.iter().enumerate() {
        for (variant, find) in term.variants.iter().enumerate() {
            out.push(Rewrite {
                entry: glossary.term_id(i),
                kind: EntryKind::Term,
                variant,
                find,
                replace: term.canonical.get_ref(),
                conditions: String::new(),
                unconditional: true,
            });
        }
    }
    for (i, fix) in glossary.fixes.iter().enumerate() {
        out.push(Rewrite {
            entry: glossary.fix_id(i),
            kind: EntryKind::Fix,
            variant: 0,
            find: &fix.find,
            replace: &fix.replace,
            conditions: conditions_key(fix),
            unconditional: fix.is_unconditional(),
        });
    }
    out
}

/// A key for a fix's context conditions: two entries with the same find and key fire
/// in exactly the same places.
fn conditions_key(fix: &FixEntry) -> String {
    let fold_all = |words: &[String]| {
        let mut w: Vec<String> = words.iter().map(|w| fold(w, Fold::MATCH)).collect();
        w.sort();
        w.join("|")
    };
    format!(
        "{}/{}/{}/{}/{}/{}",
        fix.french,
        fold_all(&fix.in_document),
        fold_all(&fix.after),
        fold_all(&fix.before),
        fold_all(&fix.not_after),
        fold_all(&fix.not_before)
    )
}

/// Empty, untrimmed and non-NFC text.
pub(crate) fn check_text(r: &mut Report) {
    let g = r.glossary;
    let mut fields: Vec<(&Spanned<String>, String)> = Vec::new();
    for term in &g.terms {
        fields.push((&term.canonical, format!("{} canonical", EntryKind::Term)));
        fields.extend(term.variants.iter().map(|v| (v, format!("{} variant", EntryKind::Term))));
    }
    fields.extend(g.fixes.iter().map(|f| (&f.find, format!("{} find", EntryKind::Fix))));
    fields.extend(g.furniture.iter().map(|f| (&f.line, format!("{} line", EntryKind::Furniture))));
    for (value, what) in fields {
        let text = value.get_ref();
        let offset = value.span().start;
        if text.trim().is_empty() {
            r.add(offset, ProblemKind::Empty, format!("{what} is empty"));
            continue;
        }
        if text.trim() != text {
            r.add(offset, ProblemKind::Spaces, format!("{what} {text:?} has leading or trailing spaces"));
        }
        if !is_nfc(text) {
            r.add(offset, ProblemKind::NotNfc, format!("{what} {text:?} is not in NFC (write it composed)"));
        }
    }
    for fix in &g.fixes {
        let offset = fix.find.span().start;
        let find = fix.find.get_ref();
        if fix.replace.trim() != fix.replace {
            let message =
                format!("{} {find:?}: replace {:?} has leading or trailing spaces", EntryKind::Fix, fix.replace);
            r.add(offset, ProblemKind::Spaces, message);
        }
        if !is_nfc(&fix.replace) {
            r.add(
                offset,
                ProblemKind::NotNfc,
                format!("{} {find:?}: replace {:?} is not in NFC", EntryKind::Fix, fix.replace),
            );
        }
    }
}

/// Terms: variants, and variants equal to a canonical form.
pub(crate) fn check_terms(r: &mut Report) {
    let g = r.glossary;
    let canonicals: HashMap<String, String> = g
        .terms
        .iter()
        .map(|t| (fold(t.canonical.get_ref(), Fold::EXACT), g.line_name(t.canonical.span().start)))
        .collect();
    let term = EntryKind::Term;
    for entry in &g.terms {
        let canonical = entry.canonical.get_ref();
        if entry.variants.is_empty() {
            r.add(entry.canonical.span().start, ProblemKind::NoVariants, format!("{term} {canonical:?}: no variants"));
        }
        if let Some(same) = entry.not.iter().find(|n| fold(n, Fold::EXACT) == fold(canonical, Fold::EXACT)) {
            r.add(
                entry.canonical.span().start,
                ProblemKind::VariantIsCanonical,
                format!("{term} {canonical:?}: `not` lists the name itself ({same:?})"),
            );
        }
        for variant in &entry.variants {
            let v = variant.get_ref();
            if v.trim().is_empty() {
                continue;
            }
            let same = if has_upper(v) {
                fold(v, Fold::EXACT) == fold(canonical, Fold::EXACT)
            } else {
                fold(v, Fold::MATCH) == fold(canonical, Fold::MATCH)
            };
            if same {
                r.add(
                    variant.span().start,
                    ProblemKind::VariantIsCanonical,
                    format!("{term} {canonical:?}: variant {v:?} is the canonical form itself"),
                );
            } else if let Some(line) = canonicals.get(&fold(v, Fold::EXACT)) {
                r.add(
                    variant.span().start,
                    ProblemKind::VariantIsCanonical,
                    format!("{term} {canonical:?}: variant {v:?} is the canonical form of the term at {line}"),
                );
            }
        }
    }
}

/// Duplicates, conflicts, shadowed entries, `find == replace`.
pub(crate) fn check_rewrites(r: &mut Report) {
    let g = r.glossary;
    // (folded find, case-sensitive, conditions) -> (replacement, offset)
    let mut seen: HashMap<(String, bool, String), (String, usize)> = HashMap::new();
    // folded find -> earliest unconditional entry (case-insensitive?, exact find, offset)
    let mut unconditional: HashMap<String, (bool, String, usize)> = HashMap::new();
    for rw in rewrites(g) {
        let find = rw.find.get_ref();
        if find.trim().is_empty() {
            continue;
        }
        let offset = rw.find.span().start;
        let label = rw.label();
        if rw.kind == EntryKind::Fix && fold(find, Fold::EXACT) == fold(rw.replace, Fold::EXACT) {
            r.add(offset, ProblemKind::FindIsReplace, format!("{label} {find:?}: replace is the same as find"));
        }
        let folded = fold(find, Fold::MATCH);
        let key = (folded.clone(), has_upper(find), rw.conditions.clone());
        match seen.get(&key) {
            Some((other, first)) if fold(other, Fold::EXACT) != fold(rw.replace, Fold::EXACT) => {
                let message = format!(
                    "{label} {find:?}: the same find at {} repairs it to {other:?}, here to {:?}",
                    g.line_name(*first),
                    rw.replace
                );
                r.add(offset, ProblemKind::Conflict, message);
            }
            Some((_, first)) => {
                let message = format!("{label} {find:?}: the same entry as {}", g.line_name(*first));
                r.add(offset, ProblemKind::Duplicate, message);
            }
            None => {
                if let Some((any_case, exact, first)) = unconditional.get(&folded) {
                    if *any_case || *exact == fold(find, Fold::EXACT) {
                        let message = format!(
                            "{label} {find:?}: never fires: the entry at {} has the same find and no condition, and comes first",
                            g.line_name(*first)
                        );
                        r.add(offset, ProblemKind::Shadowed, message);
                    }
                }
                seen.insert(key, (rw.replace.to_string(), offset));
            }
        }
        if rw.unconditional {
            unconditional.entry(folded).or_insert((!has_upper(find), fold(find, Fold::EXACT), offset));
        }
    }
}

/// Examples hold (the whole glossary turns `from` into `to`), and the entry carrying
/// each fires on it.
pub(crate) fn check_examples(r: &mut Report, engine: &Engine) {
    let g = r.glossary;
    let names = engine.settings().enabled(RuleId::NameVariant);
    let terms = g.terms.iter().enumerate().map(|(i, t)| (g.term_id(i), t.canonical.get_ref(), &t.examples));
    let fixes = g.fixes.iter().enumerate().map(|(i, f)| (g.fix_id(i), f.find.get_ref(), &f.examples));
    for (entry, label, examples) in terms.chain(fixes) {
        for example in examples {
            let ex = example.get_ref();
            let findings = engine.compiled().find(&ex.from, names);
            let fixes: Vec<_> = findings.iter().filter_map(|f| f.safe_fix()).collect();
            let got = apply_fixes(&ex.from, &fixes).text;
            if got != ex.to {
                let message =
                    format!("example of {label:?} does not hold: {:?} becomes {got:?}, not {:?}", ex.from, ex.to);
                r.add(example.span().start, ProblemKind::Example, message);
            } else if ex.from != ex.to && !findings.iter().any(|f| f.entry == Some(entry)) {
                let message = format!("example of {label:?} does not use the entry: {:?}", ex.from);
                r.add(example.span().start, ProblemKind::Example, message);
            }
        }
    }
}
