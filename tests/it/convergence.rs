//! The two guarantees that broke at the edges, through the real binary: `check` and
//! `fix` agree when repairs overlap (the README's own example), and repairs that keep
//! changing each other are refused by lint or, when only a real text shows the loop,
//! leave that text unchanged with exit 2.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn glossfix(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glossfix")).current_dir(dir).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// The README's example: "de empêcher" -> "d’empêcher" and "empêcher les états" ->
/// "empêcher les États" overlap on "empêcher".
const OVERLAPPING: &str = "[[fix]]\nfind = \"de empêcher\"\nreplace = \"d’empêcher\"\n\n\
                           [[fix]]\nfind = \"empêcher les états\"\nreplace = \"empêcher les États\"\n";
const ARTICLE: &str = "dans le but de empêcher les états de fournir\n";

#[test]
fn check_and_fix_report_the_same_repairs_when_they_overlap() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("g.toml"), OVERLAPPING).unwrap();
    fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    let fixed = glossfix(dir.path(), &["--glossary", "g.toml", "fix", "a.txt"]);
    assert_eq!(text(&fixed.stdout), "dans le but d’empêcher les États de fournir\n");
    // check and fix --check list the same two repairs, each at its own place.
    let checked = glossfix(dir.path(), &["--glossary", "g.toml", "check", "a.txt"]);
    let listed = glossfix(dir.path(), &["--glossary", "g.toml", "fix", "--check", "a.txt"]);
    assert_eq!((checked.status.code(), listed.status.code()), (Some(1), Some(1)));
    assert_eq!(text(&checked.stdout), text(&listed.stdout));
    let lines: Vec<String> = text(&listed.stdout).lines().map(String::from).collect();
    assert_eq!(
        lines,
        [
            "a.txt:1:13: fix: \"de empêcher\" is an artifact for \"d’empêcher\" (-> d’empêcher) [g.toml:2]",
            "a.txt:1:16: fix: \"empêcher les états\" is an artifact for \"empêcher les États\" (-> empêcher les États) [g.toml:6]",
        ]
    );
    // The JSON edits apply to the input as they are, together, and give fix's output.
    let json = glossfix(dir.path(), &["--glossary", "g.toml", "check", "--format", "json", "a.txt"]);
    let mut edits: Vec<(usize, usize, String)> = text(&json.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .flat_map(|v| v["edits"].as_array().unwrap().clone())
        .map(|e| {
            let at = |k: &str| e[k].as_u64().unwrap() as usize;
            (at("byte_start"), at("byte_end"), e["replacement"].as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(edits.len(), 2);
    edits.sort();
    let mut out = String::new();
    let mut at = 0;
    for (start, end, replacement) in &edits {
        assert!(*start >= at, "edits overlap: {edits:?}");
        out.push_str(&ARTICLE[at..*start]);
        out.push_str(replacement);
        at = *end;
    }
    out.push_str(&ARTICLE[at..]);
    assert_eq!(out, text(&fixed.stdout), "the reported edits give fix's output: the d’ is kept");
}

/// "d’un" -> "de une" (an entry), "de une" -> "d’une" (elision), "d’une" -> "d’un".
const LOOP_THROUGH_ELISION: &str = "[[fix]]\nfind = \"d’un\"\nreplace = \"de une\"\n\n\
                                    [[fix]]\nfind = \"d’une\"\nreplace = \"d’un\"\n";

#[test]
fn lint_refuses_a_loop_that_runs_through_a_built_in_rule() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("g.toml"), LOOP_THROUGH_ELISION).unwrap();
    fs::write(dir.path().join("a.txt"), "il parle d’un accord\n").unwrap();
    let lint = glossfix(dir.path(), &["glossary", "lint", "g.toml"]);
    assert_eq!(lint.status.code(), Some(1));
    let out = text(&lint.stdout);
    assert!(
        out.contains("g.toml:2:8: error[cycle]: these repairs undo each other on \"d’un\": fix \"d’un\" -> \"de une\" (line 2), fix \"d’une\" -> \"d’un\" (line 6), the built-in rule elision"),
        "{out}"
    );
    // Every command refuses the glossary before reading a text.
    let fix = glossfix(dir.path(), &["--glossary", "g.toml", "fix", "a.txt"]);
    assert_eq!((fix.status.code(), text(&fix.stdout).as_str()), (Some(2), ""));
    assert!(
        text(&fix.stderr).starts_with("glossfix: error: g.toml:2:8: these repairs undo each other"),
        "{}",
        text(&fix.stderr)
    );
}

/// The same loop, but each entry only in a context of its own: no single entry's probe
/// shows it, a sentence with both contexts does.
const LOOP_IN_CONTEXT: &str = "[[fix]]\nfind = \"d’un\"\nreplace = \"de une\"\nbefore = [\"accord\"]\n\n\
                               [[fix]]\nfind = \"d’une\"\nreplace = \"d’un\"\nafter = [\"il\"]\n";

#[test]
fn a_loop_only_a_text_shows_leaves_that_text_unchanged_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("g.toml"), LOOP_IN_CONTEXT).unwrap();
    let looping = "Le texte dit il d’un accord.\n";
    let clean = "Le texte de une accord.\n";
    fs::write(dir.path().join("a.txt"), looping).unwrap();
    fs::write(dir.path().join("b.txt"), clean).unwrap();
    let g = ["--glossary", "g.toml"];
    let run = |args: &[&str]| glossfix(dir.path(), &[&g[..], args].concat());
    let expected = "a.txt: repairs undo each other (fix [g.toml:2], fix [g.toml:7], elision); nothing changed";
    // To stdout: the text as it was, and the error.
    let o = run(&["fix", "a.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(text(&o.stdout), looping, "the article is not lost");
    assert!(text(&o.stderr).contains(expected), "{}", text(&o.stderr));
    // --write: that file untouched, the other repaired, exit 2.
    let o = run(&["fix", "--write", "a.txt", "b.txt"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert_eq!(fs::read_to_string(dir.path().join("a.txt")).unwrap(), looping);
    assert_eq!(fs::read_to_string(dir.path().join("b.txt")).unwrap(), "Le texte d’une accord.\n");
    // --check and check say the same, and never report a repair fix would not make.
    for args in [&["fix", "--check", "a.txt"][..], &["check", "a.txt"][..]] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(text(&o.stderr).contains(expected), "{args:?}: {}", text(&o.stderr));
        assert!(!text(&o.stdout).contains("(-> "), "{args:?}: no repair is announced: {}", text(&o.stdout));
    }
}

#[test]
fn the_default_glossary_loads_without_a_problem_and_is_formatted() {
    let source = glossfix::DEFAULT_GLOSSARY;
    let loaded = glossfix::load(source, "glossary.toml").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.warnings, Vec::new(), "the default glossary has no lint warning");
    assert_eq!(glossfix_maintain::lint(&loaded.engine), Vec::new());
    assert_eq!(glossfix_maintain::edit::format(source).unwrap(), source, "run `glossfix glossary fmt glossary.toml`");
    let g = loaded.engine.glossary();
    assert!(!g.terms.is_empty() && !g.fixes.is_empty() && !g.furniture.is_empty());
}

#[test]
fn the_corpus_glossary_is_the_default_plus_fitted_entries() {
    let source = fs::read_to_string(crate::root().join("tests/corpus/glossary.toml")).unwrap();
    let loaded = glossfix::load(&source, "tests/corpus/glossary.toml").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.warnings, Vec::new(), "the corpus glossary has no lint warning");
    assert_eq!(
        glossfix_maintain::edit::format(&source).unwrap(),
        source,
        "run `glossfix glossary fmt tests/corpus/glossary.toml`"
    );
    // Every entry of the default glossary is in the corpus glossary, word for word, so the
    // snapshots show what a user of the default gets plus what the fitted entries add.
    let entries = |toml: &str| -> Vec<String> {
        let body = toml.find("\n[[").map_or("", |at| &toml[at + 1..]);
        body.split("\n[[").map(|b| b.trim().trim_start_matches("[[").to_string()).collect()
    };
    let corpus = entries(&source);
    let default = entries(glossfix::DEFAULT_GLOSSARY);
    assert!(default.len() >= 20, "the default has its entries ({})", default.len());
    for entry in &default {
        assert!(corpus.contains(entry), "default entry missing or changed in tests/corpus/glossary.toml:\n[[{entry}");
    }
    assert!(corpus.len() > default.len(), "the corpus glossary adds the fitted entries");
}
