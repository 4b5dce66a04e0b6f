//! What the rules find without any glossary entry: clean French left alone, English
//! leaks found in sentences written for the tests, `suggest` on the seed articles.

use crate::bare_engine;
use glossfix::{Applicability, Request, RuleId, load};
use std::fs;
use std::process::Command;

fn files_in(dir: &str, ext: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = fs::read_dir(crate::root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files
}

#[test]
fn clean_french_is_left_alone() {
    let engine = crate::engine();
    let mut words = 0;
    for path in files_in("tests/clean-fr", "txt") {
        let text = fs::read_to_string(&path).unwrap();
        words += text.split_whitespace().count();
        let outcome = crate::fix(&engine, &text);
        let changes: Vec<String> =
            outcome.applied().map(|f| format!("{} {:?}", f.rule, &text[f.span.start..f.span.end])).collect();
        assert!(changes.is_empty(), "{}: fix changed clean French: {changes:?}", path.display());
    }
    assert!(words > 25_000, "the clean corpus is big enough to mean something ({words} words)");
}

#[test]
fn leaks_no_glossary_names_are_found_in_new_sentences() {
    // Each line marks its English leaks as [[...]]; the rest is French.
    let source = fs::read_to_string(crate::root().join("tests/leaks/new-sentences.txt")).unwrap();
    let engine = bare_engine();
    let (mut expected, mut found, mut false_reports) = (0, 0, Vec::new());
    for line in source.lines() {
        let text = line.replace("[[", "").replace("]]", "");
        let marked: Vec<&str> = line.split("[[").skip(1).map(|s| s.split("]]").next().unwrap()).collect();
        let reported: Vec<String> = engine
            .check(&text)
            .unwrap()
            .into_iter()
            .filter(|f| f.rule == RuleId::EnglishLeak)
            .map(|f| text[f.span.start..f.span.end].to_string())
            .collect();
        expected += marked.len();
        found += marked.iter().filter(|m| reported.iter().any(|r| r == *m)).count();
        false_reports.extend(reported.into_iter().filter(|r| !marked.contains(&r.as_str())));
    }
    let recall = found as f64 / expected as f64;
    println!("english-leak on new sentences: {found}/{expected} found (recall {recall:.2})");
    assert!(recall >= 0.9, "recall {recall:.2} ({found}/{expected})");
    assert!(false_reports.is_empty(), "reported but not English: {false_reports:?}");
}

/// Runs glossfix with `args` on the seed articles (`tests/corpus`) and an empty glossary.
fn on_the_seeds_with_an_empty_glossary(args: &[&str]) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.toml");
    fs::write(&empty, "").unwrap();
    Command::new(env!("CARGO_BIN_EXE_glossfix"))
        .arg("--glossary")
        .arg(&empty)
        .args(args)
        .arg(crate::root().join("tests/corpus"))
        .output()
        .unwrap()
}

#[test]
fn suggest_on_the_seed_articles_with_an_empty_glossary_proposes_leaks_and_name_clusters() {
    let out = on_the_seeds_with_an_empty_glossary(&["suggest"]);
    assert_eq!(out.status.code(), Some(0));
    let toml = String::from_utf8(out.stdout).unwrap();
    for leak in
        ["vehicle", "significant", "kinds", "guidance", "steps", "in addition", "hundreds of thousands", "go on"]
    {
        assert!(toml.contains(&format!("find = \"{leak}\"")), "leak {leak:?} not proposed:\n{toml}");
    }
    for names in
        [&["Kim Jong Un", "Kim Jong-Un", "Kim Jong-un"][..], &["Choïgou", "Choïgu"], &["Pyongyang", "Pynongyang"]]
    {
        let line = toml.lines().find(|l| l.starts_with("# seen as: ") && names.iter().all(|n| l.contains(n)));
        assert!(line.is_some(), "no cluster of {names:?}:\n{toml}");
    }
    // The proposal is a glossary glossfix loads. FreeDict's translations (the GPL data
    // feature, on by default) give a replacement to more leaks.
    let suggested = load(&toml, "suggested.toml").unwrap_or_else(|e| panic!("{e}")).engine;
    let fixes = if cfg!(feature = "freedict") { 12 } else { 9 };
    assert!(suggested.glossary().terms.len() >= 3 && suggested.glossary().fixes.len() >= fixes, "{toml}");
}

#[test]
fn rules_can_be_switched_off_in_the_glossary() {
    let text = "Le dirigeant a parlé de un significant accord. journalistes";
    let on = bare_engine().check(text).unwrap();
    assert!(on.iter().any(|f| f.rule == RuleId::EnglishLeak) && on.iter().any(|f| f.rule == RuleId::Elision));
    let off = load("[rules]\nenglish-leak = false\nelision = false\n", "g.toml").unwrap().engine;
    let rules: Vec<RuleId> = off.check(text).unwrap().iter().map(|f| f.rule).collect();
    assert!(!rules.contains(&RuleId::EnglishLeak) && !rules.contains(&RuleId::Elision), "{rules:?}");
}

#[test]
fn fix_applies_leak_candidates_only_when_asked() {
    let engine = bare_engine();
    let text = "qui coïncidait avec un significant défilé militaire";
    assert_eq!(crate::fix(&engine, text).text, text, "a suggestion is not a repair");
    let unsafe_fixes = Request { level: Applicability::Unsafe, ..Request::default() };
    assert_eq!(engine.run(text, &unsafe_fixes).unwrap().text, "qui coïncidait avec un significatif défilé militaire");
}

#[test]
fn the_readme_glossary_example_loads() {
    let readme = fs::read_to_string(crate::root().join("README.md")).unwrap();
    let section = &readme[readme.find("## The glossary").expect("glossary section")..];
    let block = section.split("```toml\n").nth(1).and_then(|b| b.split("```").next()).expect("a toml block");
    let engine = load(block, "README.md").unwrap_or_else(|e| panic!("{e}")).engine;
    let glossary = engine.glossary();
    assert!(!glossary.terms.is_empty() && glossary.fixes.len() >= 3 && !glossary.furniture.is_empty());
}

#[test]
fn the_seed_artifacts_of_the_french_rules_are_found_with_an_empty_glossary() {
    let out = on_the_seeds_with_an_empty_glossary(&["check", "--format", "json"]);
    let report = String::from_utf8(out.stdout).unwrap();
    // (rule, a field of the finding: the word named, or the agreed form suggested)
    for (rule, field) in [
        ("spelling", r#""replacement":"devraient""#),
        ("agreement", r#""replacement":"japonais""#),
        ("agreement", r#""replacement":"nord-coréen""#),
        ("capitalisation", r#""replacement":"États""#),
    ] {
        let found = report.lines().any(|l| l.contains(&format!(r#""rule":"{rule}""#)) && l.contains(field));
        assert!(found, "{rule} {field} not found:\n{report}");
    }
}
