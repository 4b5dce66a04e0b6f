//! Repairs that never settle, built-in rules included. The glossary's own loops (A → B
//! while B → A) are found without running anything (see `repeats`), but a loop can run
//! through a built-in rule: "d’un" → "de une" (an entry), "de une" → "d’une" (elision),
//! "d’une" → "d’un" (another entry). So every repair is run through the whole engine:
//! the text of each find and each repair (with the words its `after` and `before`
//! conditions ask for, and French around it when it asks for French), each term's
//! spellings, and each example. A text whose repairs do not converge is a `cycle` error.
//!
//! The probes run as one text, separated so that nothing matches across them; only when
//! that text fails are they run one by one, to name the loop.

use super::{ProblemKind, Report};
use glossfix_diagnostics::{EntryId, Origin};
use glossfix_engine::{Engine, NotConverged, Request};
use glossfix_glossary::{Entry, Glossary};
use glossfix_text::display::one_line;
use std::collections::HashSet;

/// Between two probes: a paragraph break and a character that is neither a letter nor
/// white space, so no pattern, word pair or quotation spans two probes.
const SEPARATOR: &str = "\n\n\u{FFFC}\n\n";

/// A text to run, and the entry it comes from.
struct Probe {
    text: String,
    entry: EntryId,
}

/// The probes of every entry.
fn probes(glossary: &Glossary) -> Vec<Probe> {
    let mut out = Vec::new();
    let mut add = |text: String, entry: EntryId| {
        let text = text.trim().to_string();
        if !text.is_empty() && !text.contains('\u{FFFC}') {
            out.push(Probe { text, entry });
        }
    };
    for (i, term) in glossary.terms.iter().enumerate() {
        let entry = glossary.term_id(i);
        add(term.canonical.get_ref().clone(), entry);
        for variant in &term.variants {
            add(variant.get_ref().clone(), entry);
        }
        for example in &term.examples {
            add(example.get_ref().from.clone(), entry);
            add(example.get_ref().to.clone(), entry);
        }
    }
    for (i, fix) in glossary.fixes.iter().enumerate() {
        let entry = glossary.fix_id(i);
        let after = fix.after.first().map_or("", String::as_str);
        let before = fix.before.first().map_or("", String::as_str);
        let in_context = |middle: &str| {
            let words = format!("{after} {middle} {before}");
            let words = if fix.french { format!("il dit : {}, et il part.", words.trim()) } else { words };
            match fix.in_document.first() {
                Some(phrase) => format!("{words}\n\n{phrase}"),
                None => words,
            }
        };
        add(in_context(fix.find.get_ref()), entry);
        if !fix.replace.trim().is_empty() {
            add(in_context(&fix.replace), entry);
        }
        for example in &fix.examples {
            add(example.get_ref().from.clone(), entry);
            add(example.get_ref().to.clone(), entry);
        }
    }
    out
}

/// Reports the repairs that do not converge on some probe, unless they are only glossary
/// entries already reported as looping (`looping`).
pub(crate) fn check_convergence(r: &mut Report, engine: &Engine, looping: &HashSet<EntryId>) {
    // Entries already known to loop would only make every probe they touch fail.
    let probes: Vec<Probe> = probes(r.glossary).into_iter().filter(|p| !looping.contains(&p.entry)).collect();
    if probes.is_empty() {
        return;
    }
    let batch: Vec<&str> = probes.iter().map(|p| p.text.as_str()).collect();
    let Err(together) = engine.run(&batch.join(SEPARATOR), &Request::default()) else { return };
    let mut named: HashSet<Vec<Origin>> = HashSet::new();
    let mut found = false;
    for probe in &probes {
        if let Err(e) = engine.run(&probe.text, &Request::default()) {
            found = true;
            report(r, &e, Some(probe), looping, &mut named);
        }
    }
    if !found {
        // Only the probes together loop (one probe's `in_document` phrase enables
        // another's repair): name what loops.
        report(r, &together, None, looping, &mut named);
    }
}

fn report(
    r: &mut Report,
    e: &NotConverged,
    probe: Option<&Probe>,
    looping: &HashSet<EntryId>,
    named: &mut HashSet<Vec<Origin>>,
) {
    let only_known_entries = e.involved.iter().all(|o| o.entry.is_some_and(|id| looping.contains(&id)));
    if only_known_entries || !named.insert(e.involved.clone()) {
        return;
    }
    let g = r.glossary;
    let entry = e
        .involved
        .iter()
        .filter_map(|o| o.entry)
        .min_by_key(|&id| g.entry(id).key().span().start)
        .or(probe.map(|p| p.entry));
    let Some(entry) = entry else { return };
    let parts: Vec<String> = e.involved.iter().map(|o| describe(g, *o)).collect();
    let on = probe.map(|p| format!(" on {:?}", one_line(&p.text))).unwrap_or_default();
    let what = if e.cycle {
        "undo each other".to_string()
    } else {
        format!("still change the text after {} passes", e.passes)
    };
    let message = format!("these repairs {what}{on}: {}; fix would change nothing", parts.join(", "));
    r.add(g.entry(entry).key().span().start, ProblemKind::Cycle, message);
}

/// "[[fix]] "d’un" -> "de une" (line 2)", or a built-in rule's id.
fn describe(g: &Glossary, origin: Origin) -> String {
    let Some(id) = origin.entry else { return format!("the built-in rule {}", origin.rule) };
    let line = g.line_name(g.entry(id).key().span().start);
    match g.entry(id) {
        Entry::Term(t) => format!("{} {:?} ({line})", origin.rule, t.canonical.get_ref()),
        Entry::Fix(f) => format!("{} {:?} -> {:?} ({line})", origin.rule, f.find.get_ref(), f.replace),
        Entry::Furniture(f) => format!("{} {:?} ({line})", origin.rule, f.line.get_ref()),
    }
}
