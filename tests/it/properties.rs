//! Invariants over random text and random glossaries (proptest): `fix` never panics;
//! the fixes it reports, applied together to the input, give exactly its output (so no
//! byte outside them changes); it is idempotent; `check`'s safe edits are exactly its
//! edits (spans and replacements); spans fall on character boundaries, and findings on
//! the right line and column, CRLF or not. The structured glossaries make repairs that
//! overlap, chain, and feed the built-in rules, so multi-pass runs are exercised.

use glossfix::{Engine, Finding, Request, load};
use glossfix_text::lines::LineIndex;
use proptest::prelude::*;
use std::sync::OnceLock;

/// Pieces random texts are made of: French and English words, spinner artifacts,
/// punctuation, quotes, and the characters that break naive code.
const PIECES: &[&str] = &[
    "le",
    "la",
    "de",
    "un",
    "une",
    "empêcher",
    "hôpital",
    "héros",
    "Kim",
    "Jong",
    "Un",
    "Jong-Un",
    "Choïgu",
    "kinds",
    "vehicle",
    "significant",
    "in",
    "addition",
    "rapidement",
    "Furthermore",
    "tôt",
    "go",
    "on",
    "d’",
    "l'",
    "l’",
    "é",
    "e\u{301}",
    "œ",
    "ß",
    "İ",
    "ﬁ",
    "..",
    "...",
    ".",
    ",",
    " ,",
    "(.)",
    "«",
    "»",
    "“",
    "”",
    "\"",
    "’",
    "'",
    "-",
    " ",
    "  ",
    "\u{a0}",
    "\u{202f}",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\u{feff}",
    "😀",
    "👨‍👩‍👧",
    "\u{200f}",
    "\u{202e}",
    "عربي",
    "中文",
    "Follow",
    "Publicité",
    "250",
    "$",
    "%",
    "1,5",
    "M.",
    "journalistes",
    "Kirby.",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|pieces| {
        let mut s = String::new();
        for (i, p) in pieces.iter().enumerate() {
            if i % 3 == 0 && !s.is_empty() && !s.ends_with(char::is_whitespace) {
                s.push(' ');
            }
            s.push_str(p);
        }
        s
    })
}

/// Words the structured glossaries are built from, and that the texts use often, so
/// that repairs fire, overlap and chain.
const WORDS: &[&str] = &[
    "de",
    "un",
    "une",
    "le",
    "les",
    "of",
    "états",
    "empêcher",
    "accord",
    "armes",
    "go",
    "on",
    "kinds",
    "steps",
    "alpha",
    "beta",
    "gamma",
    "Kim",
    "Jong",
    "Un",
    "..",
    "(.)",
    "il",
    "que",
];

/// Texts drawn from [`WORDS`] and a few of [`PIECES`], for the structured glossaries.
fn dense_text() -> impl Strategy<Value = String> {
    let word = prop_oneof![4 => prop::sample::select(WORDS), 1 => prop::sample::select(PIECES)];
    prop::collection::vec((word, prop::sample::select(&[" ", " ", " ", "\n", ", ", "\u{a0}"][..])), 0..40)
        .prop_map(|parts| parts.into_iter().flat_map(|(w, sep)| [w, sep]).collect())
}

/// One structured entry shape: a plain repair, two repairs that overlap on a shared word,
/// a chain, or a repair that leaves work for a built-in rule.
#[derive(Debug, Clone)]
enum Shape {
    Plain(&'static str, &'static str),
    /// "a b" -> "a' b" and "b c" -> "b c'": one pass takes the first, the next the second.
    Overlap(&'static str, &'static str, &'static str),
    /// a -> b, b -> c.
    Chain(&'static str, &'static str, &'static str),
    /// a -> "de" before a vowel word: elision follows in a later pass.
    BeforeElision(&'static str),
}

fn shape() -> impl Strategy<Value = Shape> {
    let w = || prop::sample::select(WORDS);
    prop_oneof![
        (w(), w()).prop_map(|(a, b)| Shape::Plain(a, b)),
        (w(), w(), w()).prop_map(|(a, b, c)| Shape::Overlap(a, b, c)),
        (w(), w(), w()).prop_map(|(a, b, c)| Shape::Chain(a, b, c)),
        w().prop_map(Shape::BeforeElision),
    ]
}

fn fix_entry(find: &str, replace: &str, extra: &str) -> String {
    let q = |s: &str| toml::Value::String(s.to_string()).to_string();
    format!("[[fix]]\nfind = {}\nreplace = {}\n{extra}\n", q(find), q(replace))
}

/// The TOML of a glossary of structured shapes.
fn structured_toml(shapes: &[Shape]) -> String {
    let mut toml = String::new();
    for shape in shapes {
        match *shape {
            Shape::Plain(a, b) => toml.push_str(&fix_entry(a, b, "")),
            Shape::Overlap(a, b, c) => {
                toml.push_str(&fix_entry(&format!("{a} {b}"), &format!("{}X {b}", a), ""));
                toml.push_str(&fix_entry(&format!("{b} {c}"), &format!("{b} {}Y", c), ""));
            }
            Shape::Chain(a, b, c) => {
                toml.push_str(&fix_entry(a, b, ""));
                toml.push_str(&fix_entry(b, c, ""));
            }
            Shape::BeforeElision(a) => {
                toml.push_str(&fix_entry(a, "de", "before = [\"un\", \"une\", \"empêcher\", \"accord\", \"armes\"]"))
            }
        }
    }
    toml
}

/// A random glossary: finds and repairs drawn from the same pieces.
fn glossary() -> impl Strategy<Value = Option<Engine>> {
    let word = prop::sample::select(&PIECES[..40]);
    prop::collection::vec((word.clone(), word.clone(), word, any::<bool>()), 0..8).prop_map(|entries| {
        let mut toml = String::new();
        for (find, replace, extra, lower) in entries {
            let find = if lower { find.to_lowercase() } else { format!("{find} {extra}") };
            toml.push_str(&fix_entry(find.trim(), replace, ""));
        }
        // Random glossaries may be refused (conflicts, cycles...): that is fine.
        load(&toml, "random.toml").ok().map(|l| l.engine)
    })
}

/// A glossary of structured shapes (overlaps, chains, repairs feeding built-in rules).
fn structured_glossary() -> impl Strategy<Value = Option<Engine>> {
    prop::collection::vec(shape(), 1..6)
        .prop_map(|shapes| load(&structured_toml(&shapes), "shapes.toml").ok().map(|l| l.engine))
}

fn default_engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(crate::engine)
}

/// The safe edits of `findings` as (span, replacement), sorted.
fn safe_edits<'a>(findings: impl Iterator<Item = &'a Finding>) -> Vec<(usize, usize, String)> {
    let mut edits: Vec<(usize, usize, String)> = findings
        .filter_map(|f| f.safe_fix())
        .flat_map(|fix| fix.edits())
        .map(|e| (e.span.start, e.span.end, e.replacement.clone()))
        .collect();
    edits.sort();
    edits
}

fn invariants(engine: &Engine, text: &str) -> Result<(), TestCaseError> {
    let outcome = match engine.run(text, &Request::default()) {
        Ok(outcome) => outcome,
        Err(e) => {
            // Repairs that do not converge: nothing is applied, and check says the same.
            prop_assert!(e.findings.iter().all(|f| f.safe_fix().is_none()), "{:?}", e);
            prop_assert!(engine.check(text).is_err(), "check and fix disagree on convergence: {:?}", text);
            return Ok(());
        }
    };
    // The reported fixes, all applied to the input, give exactly fix's output.
    crate::gaps_survive(text, &outcome).map_err(|e| TestCaseError::fail(format!("{e} on {text:?}")))?;
    // Idempotent.
    let again = crate::fix(engine, &outcome.text);
    prop_assert_eq!(&again.text, &outcome.text, "fix is not idempotent on {:?}", text);
    prop_assert_eq!(again.applied().count(), 0, "a second run repairs again on {:?}", text);
    // check's safe edits are exactly fix's edits: spans and replacements, not counts.
    let checked = engine.check(text).unwrap();
    prop_assert_eq!(safe_edits(checked.iter()), safe_edits(outcome.applied()), "check and fix disagree on {:?}", text);
    // Every finding's span is on character boundaries, and line/column point at it.
    let index = LineIndex::new(text);
    for f in &checked {
        prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        let (line, column) = index.position(text, f.span.start);
        let line_start = text[..f.span.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        prop_assert_eq!(column, text[line_start..f.span.start].chars().count() + 1);
        let before = &text[..f.span.start];
        let crlf = before.matches("\r\n").count();
        let breaks = before.matches('\n').count() + before.matches('\r').count() - crlf;
        prop_assert_eq!(line, breaks + 1);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn fix_keeps_its_promises_with_the_default_glossary(text in text()) {
        invariants(default_engine(), &text)?;
    }

    #[test]
    fn fix_keeps_its_promises_with_random_glossaries(text in text(), engine in glossary()) {
        if let Some(engine) = engine {
            invariants(&engine, &text)?;
        }
    }

    #[test]
    fn fix_keeps_its_promises_with_overlapping_and_chained_repairs(text in dense_text(), engine in structured_glossary()) {
        if let Some(engine) = engine {
            invariants(&engine, &text)?;
        }
    }

    #[test]
    fn the_glossary_loader_never_panics(source in "(\\[\\[(fix|term|furniture)\\]\\]\n|find = \"[a-zé ’']{0,6}\"\n|replace = \"[a-z]{0,4}\"\n|canonical = \"[A-Z][a-z]{0,4}\"\n|variants = \\[\"[A-Za-z]{0,5}\"\\]\n|line = \"[A-Za-z]{0,5}\"\n|[\\[\\]=\"#\n a-z]{0,8}){0,12}") {
        let _ = load(&source, "random.toml");
    }
}

/// The committed fuzz corpora (`fuzz/corpus/`), replayed through the same invariants on
/// every `cargo test`: every input a fuzzer kept, and every crash it found once.
#[test]
fn the_fuzz_corpora_keep_the_invariants() {
    let dir = crate::root().join("fuzz/corpus");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir.join("fix")).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        if let Ok(text) = std::str::from_utf8(&bytes) {
            invariants(default_engine(), text).unwrap();
            seen += 1;
        }
    }
    for entry in std::fs::read_dir(dir.join("glossary")).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        if let Ok(source) = std::str::from_utf8(&bytes) {
            if let Ok(loaded) = load(source, "fuzz.toml") {
                let engine = loaded.engine;
                invariants(&engine, "Le média japonaise de un accord, Kim Jong Un et Choïgu, kinds de munitions.")
                    .unwrap();
            }
            seen += 1;
        }
    }
    assert!(seen >= 6, "the committed corpora are there");
}

/// Cases proptest found once, kept as plain tests.
#[test]
fn regressions_found_by_the_property_tests() {
    // A chain ("un" -> ".." -> "(.)") then the stray-brackets rule deleting "(.)" with the
    // space before it: three passes, the last edit starting before the first.
    let engine =
        load("[[fix]]\nfind = \"un\"\nreplace = \"..\"\n\n[[fix]]\nfind = \"..\"\nreplace = \"(.)\"\n", "r.toml")
            .unwrap()
            .engine;
    invariants(&engine, " un\n").unwrap();
}

/// The structured cases are not vacuous: with a fixed seed, a good share of the
/// glossaries load and a good share of the runs need several passes (overlaps, chains,
/// repairs feeding built-in rules).
#[test]
fn the_structured_cases_exercise_multi_pass_runs() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut loaded, mut repaired, mut multi, mut refused_by_lint) = (0, 0, 0, 0);
    for _ in 0..400 {
        let engine = structured_glossary().new_tree(&mut runner).unwrap().current();
        let text = dense_text().new_tree(&mut runner).unwrap().current();
        let Some(engine) = engine else {
            refused_by_lint += 1;
            continue;
        };
        loaded += 1;
        match engine.run(&text, &Request::default()) {
            Ok(outcome) if outcome.passes > 1 => multi += 1,
            Ok(outcome) if outcome.applied().count() > 0 => repaired += 1,
            _ => {}
        }
        invariants(&engine, &text).unwrap();
    }
    println!(
        "structured cases: {loaded} loaded ({refused_by_lint} refused by lint), {repaired} one-pass repairs, {multi} multi-pass"
    );
    assert!(loaded >= 200, "{loaded} glossaries loaded");
    assert!(multi >= 40, "{multi} multi-pass runs");
}
