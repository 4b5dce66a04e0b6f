//! Glossary lint: every problem that makes a glossary unsafe or dead, each with its
//! place in the TOML. Errors refuse the glossary wherever it is loaded; warnings are
//! reported by every command and by `glossfix glossary lint`.
//!
//! | kind | severity | what |
//! |---|---|---|
//! | `syntax` | error | bad TOML, an unknown key or rule id |
//! | `empty` | error | an empty `find`, `canonical`, variant or furniture `line` |
//! | `no-variants` | error | a term without variants |
//! | `variant-is-canonical` | error | a variant equal to its own canonical form, or to another term's |
//! | `conflict` | error | the same `find` (and conditions) with different repairs |
//! | `find-is-replace` | error | a repair equal to its `find` |
//! | `self-repeat` | error | a repair its own `find` matches again (fix would not be idempotent) |
//! | `cycle` | error | A -> B while B -> A: two repairs undo each other |
//! | `example` | error | an example that does not hold |
//! | `duplicate` | warning | the same entry twice |
//! | `chain` | warning | a repair that another entry changes again (A -> B while B -> C) |
//! | `shadowed` | warning | an entry an earlier unconditional one with the same `find` always beats |
//! | `not-nfc` | warning | text not in Unicode NFC |
//! | `spaces` | warning | leading or trailing spaces in a `find`, repair, name or line |

use crate::edit::apply_edits;
use crate::fold::{fold_keep_case, fold_pattern};
use crate::glossary::{FixEntry, Glossary, has_upper};
use std::collections::HashMap;
use std::fmt;
use toml::Spanned;
use unicode_normalization::is_nfc;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The glossary is refused.
    Error,
    /// The glossary loads; the entry is dead or risky.
    Warning,
}

/// One problem in a glossary.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// Byte offset in the TOML.
    #[serde(skip)]
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Error or warning.
    pub severity: Severity,
    /// Stable id of the check (see the module docs).
    pub kind: &'static str,
    /// What is wrong, naming the entry.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}:{}: {severity}[{}]: {}", self.line, self.column, self.kind, self.message)
    }
}

/// Collects problems, placing each by its byte offset.
struct Report<'a> {
    glossary: &'a Glossary,
    problems: Vec<Problem>,
}

impl Report<'_> {
    fn add(&mut self, offset: usize, severity: Severity, kind: &'static str, message: String) {
        let (line, column) = self.glossary.position_of(offset);
        self.problems.push(Problem { offset, line, column, severity, kind, message });
    }
    fn error(&mut self, offset: usize, kind: &'static str, message: String) {
        self.add(offset, Severity::Error, kind, message);
    }
    fn warning(&mut self, offset: usize, kind: &'static str, message: String) {
        self.add(offset, Severity::Warning, kind, message);
    }
}

/// One rewriting entry seen uniformly: a term variant or a fix.
struct Rewrite<'a> {
    label: String,
    find: &'a Spanned<String>,
    replace: &'a str,
    conditions: String,
    unconditional: bool,
}

fn rewrites(glossary: &Glossary) -> Vec<Rewrite<'_>> {
    let mut out = Vec::new();
    for term in &glossary.terms {
        for variant in &term.variants {
            out.push(Rewrite {
                label: "[[term]] variant".into(),
                find: variant,
                replace: term.canonical.get_ref(),
                conditions: String::new(),
                unconditional: true,
            });
        }
    }
    for fix in &glossary.fixes {
        out.push(Rewrite {
            label: "[[fix]]".into(),
            find: &fix.find,
            replace: &fix.replace,
            conditions: conditions_key(fix),
            unconditional: fix.is_unconditional(),
        });
    }
    out
}

/// Every problem of `glossary`, sorted by place.
pub fn lint(glossary: &Glossary) -> Vec<Problem> {
    let mut report = Report { glossary, problems: Vec::new() };
    check_text(&mut report);
    check_terms(&mut report);
    check_rewrites(&mut report);
    check_examples(&mut report);
    check_repeats(&mut report);
    report.problems.sort_by_key(|p| (p.offset, p.severity));
    report.problems
}

/// Empty, untrimmed and non-NFC text.
fn check_text(r: &mut Report) {
    let g = r.glossary;
    let mut fields: Vec<(&Spanned<String>, &str)> = Vec::new();
    for term in &g.terms {
        fields.push((&term.canonical, "[[term]] canonical"));
        fields.extend(term.variants.iter().map(|v| (v, "[[term]] variant")));
    }
    fields.extend(g.fixes.iter().map(|f| (&f.find, "[[fix]] find")));
    fields.extend(g.furniture.iter().map(|f| (&f.line, "[[furniture]] line")));
    for (value, what) in fields {
        let text = value.get_ref();
        let offset = value.span().start;
        if text.trim().is_empty() {
            r.error(offset, "empty", format!("{what} is empty"));
            continue;
        }
        if text.trim() != text {
            r.warning(offset, "spaces", format!("{what} {text:?} has leading or trailing spaces"));
        }
        if !is_nfc(text) {
            r.warning(offset, "not-nfc", format!("{what} {text:?} is not in NFC (write it composed)"));
        }
    }
    for fix in &g.fixes {
        let offset = fix.find.span().start;
        if fix.replace.trim() != fix.replace {
            r.warning(
                offset,
                "spaces",
                format!("[[fix]] {:?}: replace {:?} has leading or trailing spaces", fix.find.get_ref(), fix.replace),
            );
        }
        if !is_nfc(&fix.replace) {
            r.warning(
                offset,
                "not-nfc",
                format!("[[fix]] {:?}: replace {:?} is not in NFC", fix.find.get_ref(), fix.replace),
            );
        }
    }
}

/// Terms: variants, and variants equal to a canonical form.
fn check_terms(r: &mut Report) {
    let g = r.glossary;
    let canonicals: HashMap<String, usize> =
        g.terms.iter().map(|t| (fold_keep_case(t.canonical.get_ref()), g.line_of(t.canonical.span().start))).collect();
    for term in &g.terms {
        let canonical = term.canonical.get_ref();
        if term.variants.is_empty() {
            r.error(term.canonical.span().start, "no-variants", format!("[[term]] {canonical:?}: no variants"));
        }
        if let Some(same) = term.not.iter().find(|n| fold_keep_case(n) == fold_keep_case(canonical)) {
            r.error(
                term.canonical.span().start,
                "variant-is-canonical",
                format!("[[term]] {canonical:?}: `not` lists the name itself ({same:?})"),
            );
        }
        for variant in &term.variants {
            let v = variant.get_ref();
            if v.trim().is_empty() {
                continue;
            }
            let same = if has_upper(v) {
                fold_keep_case(v) == fold_keep_case(canonical)
            } else {
                fold_pattern(v) == fold_pattern(canonical)
            };
            if same {
                r.error(
                    variant.span().start,
                    "variant-is-canonical",
                    format!("[[term]] {canonical:?}: variant {v:?} is the canonical form itself"),
                );
            } else if let Some(line) = canonicals.get(&fold_keep_case(v)) {
                r.error(
                    variant.span().start,
                    "variant-is-canonical",
                    format!("[[term]] {canonical:?}: variant {v:?} is the canonical form of the term at line {line}"),
                );
            }
        }
    }
}

/// Duplicates, conflicts, shadowed entries, `find == replace`.
fn check_rewrites(r: &mut Report) {
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
        let label = &rw.label;
        if rw.label == "[[fix]]" && fold_keep_case(find) == fold_keep_case(rw.replace) {
            r.error(offset, "find-is-replace", format!("{label} {find:?}: replace is the same as find"));
        }
        let folded = fold_pattern(find);
        let key = (folded.clone(), has_upper(find), rw.conditions.clone());
        match seen.get(&key) {
            Some((other, first)) if fold_keep_case(other) != fold_keep_case(rw.replace) => {
                let msg = format!(
                    "{label} {find:?}: the same find at line {} repairs it to {other:?}, here to {:?}",
                    g.line_of(*first),
                    rw.replace
                );
                r.error(offset, "conflict", msg);
            }
            Some((_, first)) => {
                r.warning(
                    offset,
                    "duplicate",
                    format!("{label} {find:?}: the same entry as line {}", g.line_of(*first)),
                );
            }
            None => {
                if let Some((any_case, exact, first)) = unconditional.get(&folded) {
                    if *any_case || *exact == fold_keep_case(find) {
                        let msg = format!(
                            "{label} {find:?}: never fires: the entry at line {} has the same find and no condition, and comes first",
                            g.line_of(*first)
                        );
                        r.warning(offset, "shadowed", msg);
                    }
                }
                seen.insert(key, (rw.replace.to_string(), offset));
            }
        }
        if rw.unconditional {
            unconditional.entry(folded).or_insert((!has_upper(find), fold_keep_case(find), offset));
        }
    }
}

/// Examples hold, and the entry carrying each fires on it.
fn check_examples(r: &mut Report) {
    let g = r.glossary;
    let all = g
        .terms
        .iter()
        .flat_map(|t| t.examples.iter().map(move |e| (t.canonical.get_ref(), t.canonical.span().start, e)))
        .chain(g.fixes.iter().flat_map(|f| f.examples.iter().map(move |e| (f.find.get_ref(), f.find.span().start, e))));
    for (label, entry_offset, example) in all {
        let ex = example.get_ref();
        let findings = g.matcher().find(&ex.from, &g.rule_settings);
        let edits: Vec<_> = findings.iter().filter_map(|f| f.safe_edit().cloned()).collect();
        let got = apply_edits(&ex.from, &edits).text;
        let entry_line = g.line_of(entry_offset);
        if got != ex.to {
            r.error(
                example.span().start,
                "example",
                format!("example of {label:?} does not hold: {:?} becomes {got:?}, not {:?}", ex.from, ex.to),
            );
        } else if ex.from != ex.to && !findings.iter().any(|f| f.entry.is_some_and(|e| e.line == entry_line)) {
            r.error(
                example.span().start,
                "example",
                format!("example of {label:?} does not use the entry: {:?}", ex.from),
            );
        }
    }
}

/// Repairs changed again: by their own entry (self-repeat), by another (chain), or
/// back and forth (cycle). One automaton pass over all the repairs.
fn check_repeats(r: &mut Report) {
    let g = r.glossary;
    let list = rewrites(g);
    let by_line: HashMap<usize, usize> =
        list.iter().enumerate().map(|(i, rw)| (g.line_of(rw.find.span().start), i)).collect();
    // For each rewrite, the entries (by index) that match inside its repair.
    let mut changes: Vec<Vec<usize>> = vec![Vec::new(); list.len()];
    for (i, rw) in list.iter().enumerate() {
        if rw.replace.trim().is_empty() {
            continue;
        }
        for line in g.matcher().raw_matches(rw.replace) {
            if let Some(&j) = by_line.get(&line) {
                if !changes[i].contains(&j) {
                    changes[i].push(j);
                }
            }
        }
    }
    // Cycles through three entries or more (A -> B -> C -> A): strongly connected
    // components of the "changes the repair of" graph.
    for component in strongly_connected(&changes).into_iter().filter(|c| c.len() >= 3) {
        let path: Vec<String> =
            component.iter().map(|&i| format!("{:?} -> {:?}", list[i].find.get_ref(), list[i].replace)).collect();
        let first = component.iter().copied().min().expect("non-empty");
        r.error(
            list[first].find.span().start,
            "cycle",
            format!("these repairs change each other in a loop: {}", path.join(", ")),
        );
    }
    for (i, rw) in list.iter().enumerate() {
        let find = rw.find.get_ref();
        let offset = rw.find.span().start;
        // A duplicated entry has its own report: name each repair once.
        let mut named: Vec<(String, &str)> = Vec::new();
        for &j in &changes[i] {
            let other = &list[j];
            let key = (fold_pattern(other.find.get_ref()), other.replace);
            if named.contains(&key) {
                continue;
            }
            named.push(key);
            let other_line = g.line_of(other.find.span().start);
            if i == j {
                // Terms' variants cannot repeat (the canonical form protects itself).
                if rw.label == "[[fix]]" {
                    r.error(
                        offset,
                        "self-repeat",
                        format!(
                            "[[fix]] {find:?}: its replacement {:?} matches it again (fix would not be idempotent)",
                            rw.replace
                        ),
                    );
                }
            } else if changes[j].contains(&i) {
                if i < j {
                    let msg = format!(
                        "{} {find:?} -> {:?} and line {other_line} {:?} -> {:?} undo each other",
                        rw.label,
                        rw.replace,
                        other.find.get_ref(),
                        other.replace
                    );
                    r.error(offset, "cycle", msg);
                }
            } else {
                let msg = format!(
                    "{} {find:?} -> {:?}: the repair is changed again by line {other_line} ({:?} -> {:?})",
                    rw.label,
                    rw.replace,
                    other.find.get_ref(),
                    other.replace
                );
                r.warning(offset, "chain", msg);
            }
        }
    }
}

/// Strongly connected components of a graph given as adjacency lists (Tarjan's
/// algorithm, iterative so that long chains cannot overflow the stack).
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = edges.len();
    let (mut index, mut low, mut on_stack) = (vec![usize::MAX; n], vec![0; n], vec![false; n]);
    let (mut stack, mut components, mut counter) = (Vec::new(), Vec::new(), 0);
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(&mut (v, ref mut next)) = work.last_mut() {
            if *next == 0 && index[v] == usize::MAX {
                index[v] = counter;
                low[v] = counter;
                counter += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = edges[v].get(*next) {
                *next += 1;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                components.push(component);
            }
        }
    }
    components
}

/// A key for a fix's context conditions: two entries with the same find and key fire
/// in exactly the same places.
pub fn conditions_key(fix: &FixEntry) -> String {
    let fold = |words: &[String]| {
        let mut w: Vec<String> = words.iter().map(|w| fold_pattern(w)).collect();
        w.sort();
        w.join("|")
    };
    format!(
        "{}/{}/{}/{}/{}/{}",
        fix.french,
        fold(&fix.in_document),
        fold(&fix.after),
        fold(&fix.before),
        fold(&fix.not_after),
        fold(&fix.not_before)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small broken glossary: one problem of each kind, each on a line of its own.
    const BROKEN: &str = r#"
[[term]]
canonical = "Kim Jong-un"
variants = ["Kim Jong-un"]

[[term]]
canonical = "Choïgou"
variants = ["Kim Jong-un", "Choïgu"]

[[fix]]
find = "kinds"
replace = "types"

[[fix]]
find = "kinds"
replace = "types"

[[fix]]
find = "kinds"
replace = "sortes"
after = ["de"]

[[fix]]
find = "steps"
replace = "pas"
after = ["ces"]

[[fix]]
find = "steps"
replace = "démarches"

[[fix]]
find = "vehicle"
replace = "vehicle"

[[fix]]
find = "go on"
replace = "go on and on"

[[fix]]
find = "prolonged"
replace = "long"

[[fix]]
find = "long"
replace = "durable"

[[fix]]
find = "leading"
replace = "principal"

[[fix]]
find = "principal"
replace = "leading"

[[fix]]
find = " program"
replace = "programme"

[[fix]]
find = "me\u0301dia japonaise"
replace = "média japonais"

[[fix]]
find = "guidance"
replace = "aide"
examples = [{ from = "une guidance", to = "une assistance" }]

[[fix]]
find = "significant"
replace = "important"

[[fix]]
find = "significant"
replace = "importante"
after = ["une"]

[[furniture]]
line = ""
"#;

    #[test]
    fn lint_catches_each_problem_kind() {
        let g = Glossary::parse(BROKEN, "broken.toml").unwrap();
        let found: Vec<(usize, Severity, &str)> = lint(&g).iter().map(|p| (p.line, p.severity, p.kind)).collect();
        use Severity::{Error, Warning};
        let expected = [
            (4, Error, "variant-is-canonical"), // variant == own canonical
            (8, Error, "variant-is-canonical"), // variant == another term's canonical
            (8, Error, "conflict"),             // ... and a variant of two terms with different repairs
            (15, Warning, "duplicate"),         // kinds -> types twice
            (19, Warning, "shadowed"),          // kinds after "de": the unconditional kinds comes first
            (33, Error, "find-is-replace"),     // vehicle -> vehicle
            (37, Error, "self-repeat"),         // go on -> go on and on
            (41, Warning, "chain"),             // prolonged -> long, long -> durable
            (49, Error, "cycle"),               // leading <-> principal
            (57, Warning, "spaces"),            // " program"
            (61, Warning, "not-nfc"),           // decomposed é
            (67, Error, "example"),             // guidance example does not hold
            (74, Warning, "shadowed"),          // significant after une, behind the unconditional one
            (79, Error, "empty"),               // furniture line ""
        ];
        for want in &expected {
            assert!(found.contains(want), "missing {want:?} in {found:#?}");
        }
        assert_eq!(found.len(), expected.len(), "nothing else: {found:#?}");
        // The conditional "steps" comes first, so both "steps" entries fire: nothing at 24 or 29.
        assert!(!found.iter().any(|p| p.0 == 24 || p.0 == 29), "{found:#?}");
        assert!(!found.contains(&(19, Error, "conflict")), "a different condition is not a conflict: {found:#?}");
    }

    #[test]
    fn cycles_of_any_length_are_errors() {
        let toml = "[[fix]]\nfind = \"alpha\"\nreplace = \"beta\"\n[[fix]]\nfind = \"beta\"\nreplace = \"gamma\"\n\
                    [[fix]]\nfind = \"gamma\"\nreplace = \"alpha\"\n[[fix]]\nfind = \"delta\"\nreplace = \"alpha\"\n";
        let g = Glossary::parse(toml, "c.toml").unwrap();
        let problems = lint(&g);
        let cycles: Vec<&Problem> = problems.iter().filter(|p| p.kind == "cycle").collect();
        assert_eq!(cycles.len(), 1, "{problems:#?}");
        assert!(cycles[0].message.contains("\"alpha\" -> \"beta\""), "{}", cycles[0].message);
        assert!(Glossary::from_toml_str(toml, "c.toml").is_err(), "refused at load");
    }

    #[test]
    fn the_default_glossary_is_clean() {
        let g = Glossary::default_glossary();
        assert_eq!(lint(&g), Vec::new());
    }
}
