//! Lint's table tests: one problem of each kind, cycles of any length, cycles through
//! built-in rules.

use super::*;
use glossfix_glossary::{CompiledGlossary, Glossary};

fn lint_of(toml: &str) -> Vec<Problem> {
    lint(&Engine::new(CompiledGlossary::compile(Glossary::parse(toml, "t.toml").unwrap())))
}

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
    let found: Vec<(usize, Severity, &str)> =
        lint_of(BROKEN).iter().map(|p| (p.line, p.severity, p.kind.as_str())).collect();
    use Severity::{Error, Warning};
    let expected = [
        (4, Error, "variant-is-canonical"), // variant == own canonical
        (4, Warning, "chain"),              // ... whose repair line 8 rewrites to "Choïgou"
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
    let problems = lint_of(toml);
    let cycles: Vec<&Problem> = problems.iter().filter(|p| p.kind == ProblemKind::Cycle).collect();
    assert_eq!(cycles.len(), 1, "{problems:#?}");
    assert!(cycles[0].message.contains("\"alpha\" -> \"beta\""), "{}", cycles[0].message);
    assert_eq!(cycles[0].severity, Severity::Error, "an error: the glossary is refused at load");
}

#[test]
fn cycles_through_built_in_rules_are_errors() {
    // (glossary, a word the error names)
    let cases = [
        // "d’un" -> "de une" -> (elision) "d’une" -> "d’un"
        ("[[fix]]\nfind = 'd’un'\nreplace = 'de une'\n\n[[fix]]\nfind = 'd’une'\nreplace = 'd’un'\n", "elision"),
        // The same loop, only in context: the probe carries the `before` word.
        (
            "[[fix]]\nfind = 'd’un'\nreplace = 'de une'\nbefore = ['accord']\n\n[[fix]]\nfind = 'd’une'\nreplace = 'd’un'\n",
            "elision",
        ),
        // A deletion that leaves two full stops, which doubled-period trims, which the
        // entry then extends again.
        ("[[fix]]\nfind = 'fin.'\nreplace = 'fin..'\n", "doubled-period"),
    ];
    for (toml, rule) in cases {
        let problems = lint_of(toml);
        let cycles: Vec<&Problem> = problems.iter().filter(|p| p.kind == ProblemKind::Cycle).collect();
        assert_eq!(cycles.len(), 1, "{toml}\n{problems:#?}");
        assert!(cycles[0].message.contains(rule), "{}", cycles[0].message);
    }
}

#[test]
fn a_long_chain_that_settles_is_not_a_cycle() {
    let toml = "[[fix]]\nfind = 'alpha'\nreplace = 'beta'\n[[fix]]\nfind = 'beta'\nreplace = 'gamma'\n";
    let problems = lint_of(toml);
    assert!(problems.iter().all(|p| p.kind != ProblemKind::Cycle), "{problems:#?}");
    assert!(problems.iter().any(|p| p.kind == ProblemKind::Chain), "{problems:#?}");
}
