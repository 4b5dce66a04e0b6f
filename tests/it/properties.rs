//! Invariants over random text and random glossaries (proptest): `fix` never panics,
//! changes no byte outside the spans it repairs, is idempotent, reports through `check`
//! exactly the safe edits it makes, keeps spans on character boundaries, and places
//! findings on the right line and column, CRLF or not.

use glossfix::lines::LineIndex;
use glossfix::{Engine, Glossary};
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

/// A random glossary: finds and repairs drawn from the same pieces.
fn glossary() -> impl Strategy<Value = Option<Glossary>> {
    let word = prop::sample::select(&PIECES[..40]);
    prop::collection::vec((word.clone(), word.clone(), word, any::<bool>()), 0..8).prop_map(|entries| {
        let mut toml = String::new();
        for (find, replace, extra, lower) in entries {
            let find = if lower { find.to_lowercase() } else { format!("{find} {extra}") };
            toml.push_str(&format!(
                "[[fix]]\nfind = {}\nreplace = {}\n\n",
                toml::Value::String(find.trim().to_string()),
                toml::Value::String(replace.to_string())
            ));
        }
        // Random glossaries may be refused (conflicts, chains...): that is fine.
        Glossary::from_toml_str(&toml, "random.toml").ok()
    })
}

fn default_engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(crate::engine)
}

fn invariants(engine: &Engine, text: &str) -> Result<(), TestCaseError> {
    let outcome = engine.fix(text);
    crate::gaps_survive(text, &outcome).map_err(TestCaseError::fail)?;
    // Idempotent.
    let again = engine.fix(&outcome.text);
    prop_assert_eq!(&again.text, &outcome.text, "fix is not idempotent on {:?}", text);
    // check reports exactly the safe edits of fix's first pass (later passes only
    // exist when repairs overlap).
    let checked: Vec<_> = engine.check(text).into_iter().filter_map(|f| f.safe_edit().cloned()).collect();
    for edit in &checked {
        prop_assert!(text.is_char_boundary(edit.span.start) && text.is_char_boundary(edit.span.end));
    }
    let first_pass = glossfix::apply_edits(text, &checked).text;
    if first_pass == outcome.text {
        prop_assert_eq!(checked.len(), outcome.applied.len());
    }
    // Every finding's span is on character boundaries, and line/column point at it.
    let index = LineIndex::new(text);
    for f in engine.check(text) {
        prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        let (line, column) = index.position(text, f.span.start);
        let line_start = text[..f.span.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        prop_assert_eq!(column, text[line_start..f.span.start].chars().count() + 1);
        let breaks = text[..f.span.start].matches("\r\n").count() + text[..f.span.start].matches('\n').count()
            - text[..f.span.start].matches("\r\n").count()
            + text[..f.span.start].matches('\r').count()
            - text[..f.span.start].matches("\r\n").count();
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
    fn fix_keeps_its_promises_with_random_glossaries(text in text(), glossary in glossary()) {
        if let Some(glossary) = glossary {
            invariants(&Engine::new(glossary), &text)?;
        }
    }

    #[test]
    fn the_glossary_loader_never_panics(source in "(\\[\\[(fix|term|furniture)\\]\\]\n|find = \"[a-zé ’']{0,6}\"\n|replace = \"[a-z]{0,4}\"\n|canonical = \"[A-Z][a-z]{0,4}\"\n|variants = \\[\"[A-Za-z]{0,5}\"\\]\n|line = \"[A-Za-z]{0,5}\"\n|[\\[\\]=\"#\n a-z]{0,8}){0,12}") {
        let _ = Glossary::from_toml_str(&source, "random.toml");
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
            if let Ok(glossary) = Glossary::from_toml_str(source, "fuzz.toml") {
                let engine = Engine::new(glossary);
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
    let g = Glossary::from_toml_str(
        "[[fix]]\nfind = \"un\"\nreplace = \"..\"\n\n[[fix]]\nfind = \"..\"\nreplace = \"(.)\"\n",
        "r.toml",
    )
    .unwrap();
    invariants(&Engine::new(g), " un\n").unwrap();
}
