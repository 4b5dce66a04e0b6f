//! `glossfix glossary ...` through the real binary: exit codes, files written, output.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn glossfix(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glossfix")).current_dir(dir).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

const SMALL: &str = "# Desk glossary.\n\n[[fix]]\nfind = \"kinds\"\nreplace = \"types\"\n\n# names\n[[term]]\ncanonical = \"Choïgou\"\nvariants = [\"Choïgu\"]\n";

#[test]
fn lint_reports_problems_with_places_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ok.toml"), SMALL).unwrap();
    fs::write(dir.path().join("bad.toml"), "[[fix]]\nfind = \"prolonged\"\nreplace = \"long\"\n\n[[fix]]\nfind = \"long\"\nreplace = \"durable\"\n\n[[fix]]\nfind = \"long\"\nreplace = \"durable\"\n").unwrap();
    fs::write(dir.path().join("syntax.toml"), "[[fix]\n").unwrap();
    let ok = glossfix(dir.path(), &["glossary", "lint", "ok.toml"]);
    assert_eq!((ok.status.code(), text(&ok.stdout).as_str()), (Some(0), ""));
    let bad = glossfix(dir.path(), &["glossary", "lint", "bad.toml"]);
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(
        text(&bad.stdout),
        "bad.toml:2:8: warning[chain]: [[fix]] \"prolonged\" -> \"long\": the repair is changed again by line 6 (\"long\" -> \"durable\")\n\
         bad.toml:10:8: warning[duplicate]: [[fix]] \"long\": the same entry as line 6\n"
    );
    let json = glossfix(dir.path(), &["glossary", "lint", "--format", "json", "bad.toml"]);
    let first: serde_json::Value = serde_json::from_str(text(&json.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(
        (first["line"].as_u64(), first["kind"].as_str(), first["severity"].as_str()),
        (Some(2), Some("chain"), Some("warning"))
    );
    let syntax = glossfix(dir.path(), &["glossary", "lint", "syntax.toml"]);
    assert_eq!(syntax.status.code(), Some(1));
    assert!(text(&syntax.stdout).starts_with("syntax.toml:1:7: error[syntax]:"), "{}", text(&syntax.stdout));
    // Warnings are shown by every command that loads the glossary.
    fs::write(dir.path().join("a.txt"), "un délai prolonged\n").unwrap();
    let check = glossfix(dir.path(), &["--glossary", "bad.toml", "check", "a.txt"]);
    assert!(text(&check.stderr).contains("glossfix: warning: bad.toml:2:8: warning[chain]"), "{}", text(&check.stderr));
}

#[test]
fn fmt_rewrites_in_place_keeps_comments_and_check_mode_reports() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("glossary.toml");
    fs::write(&file, SMALL).unwrap();
    let check = glossfix(dir.path(), &["glossary", "fmt", "--check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        text(&check.stdout).starts_with("--- glossary.toml\n+++ glossary.toml\n"),
        "a diff: {}",
        text(&check.stdout)
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), SMALL, "--check changes nothing");
    let fmt = glossfix(dir.path(), &["glossary", "fmt"]);
    assert_eq!(fmt.status.code(), Some(0));
    let formatted = fs::read_to_string(&file).unwrap();
    assert_eq!(
        formatted,
        "# Desk glossary.\n\n# names\n[[term]]\ncanonical = \"Choïgou\"\nvariants = [\"Choïgu\"]\n\n[[fix]]\nfind = \"kinds\"\nreplace = \"types\"\n"
    );
    assert_eq!(glossfix(dir.path(), &["glossary", "fmt", "--check"]).status.code(), Some(0), "idempotent");
}

#[test]
fn add_and_add_term_edit_in_place_or_refuse() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("glossary.toml");
    fs::write(&file, SMALL).unwrap();
    let add = glossfix(
        dir.path(),
        &["glossary", "add", "--find", "guidance", "--replace", "aide", "--note", "spinner", "--french"],
    );
    assert_eq!(add.status.code(), Some(0), "{}", text(&add.stderr));
    let after = fs::read_to_string(&file).unwrap();
    assert!(
        after.contains("[[fix]]\nfind = \"guidance\"\nreplace = \"aide\"\nnote = \"spinner\"\nfrench = true\n"),
        "{after}"
    );
    assert!(after.contains("# Desk glossary.") && after.contains("# names"), "comments kept");
    let refused = glossfix(dir.path(), &["glossary", "add", "--find", "sorts", "--replace", "kinds"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("refused: warning[chain]"), "{}", text(&refused.stderr));
    assert_eq!(fs::read_to_string(&file).unwrap(), after, "a refused entry changes nothing");
    let term = glossfix(
        dir.path(),
        &["glossary", "add-term", "--canonical", "Choïgou", "--variant", "Choigou", "--variant", "Shoigu"],
    );
    assert_eq!(term.status.code(), Some(0));
    assert!(fs::read_to_string(&file).unwrap().contains("variants = [\"Choïgu\", \"Choigou\", \"Shoigu\"]"));
}

#[test]
fn stats_counts_entries_over_a_corpus() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("glossary.toml"), SMALL).unwrap();
    fs::write(dir.path().join("a.txt"), "des kinds de Choïgu, des kinds\n").unwrap();
    fs::write(dir.path().join("b.txt"), "rien de tel\n").unwrap();
    let out = glossfix(dir.path(), &["glossary", "stats", "a.txt", "b.txt"]);
    assert_eq!(out.status.code(), Some(0));
    let report = text(&out.stdout);
    assert!(report.contains("glossary.toml:4 fix \"kinds\": 2 in 1 file(s): a.txt"), "{report}");
    assert!(report.contains("glossary.toml:9 term \"Choïgou\": 1 in 1 file(s): a.txt"), "{report}");
    let json = glossfix(dir.path(), &["glossary", "stats", "--format", "json", "b.txt"]);
    let value: serde_json::Value = serde_json::from_str(&text(&json.stdout)).unwrap();
    assert!(value["entries"].as_array().unwrap().iter().all(|e| e["fired"] == 0), "nothing fired on b.txt");
}

#[test]
fn import_and_export_round_trip_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("deepl.tsv"), "en\tfr\nvehicle\tvéhicule\nKim Jong Un\tKim Jong-un\n").unwrap();
    let import = glossfix(dir.path(), &["glossary", "import", "--from", "tsv", "deepl.tsv"]);
    assert_eq!(import.status.code(), Some(0), "{}", text(&import.stderr));
    fs::write(dir.path().join("imported.toml"), &import.stdout).unwrap();
    for (to, expected) in [
        ("tsv", "Kim Jong Un\tKim Jong-un\nvehicle\tvéhicule\n"),
        ("csv", "Kim Jong Un,Kim Jong-un\nvehicle,véhicule\n"),
    ] {
        let export = glossfix(dir.path(), &["--glossary", "imported.toml", "glossary", "export", "--to", to]);
        assert_eq!(text(&export.stdout), expected, "{to}");
    }
    let tbx = glossfix(dir.path(), &["--glossary", "imported.toml", "glossary", "export", "--to", "tbx"]);
    let xml = text(&tbx.stdout);
    assert!(xml.contains("<term>Kim Jong-un</term>") && xml.contains("deprecatedTerm-admn-sts"), "{xml}");
    let bad = glossfix(dir.path(), &["glossary", "import", "--from", "tbx", "deepl.tsv"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).starts_with("glossfix: error: deepl.tsv: TBX:"), "{}", text(&bad.stderr));
}

#[test]
fn fmt_keeps_a_comment_after_the_last_entry() {
    let dir = tempfile::tempdir().unwrap();
    let source = "# header\n\n[[fix]]\nfind = \"b\"\nreplace = \"c\"\n\n# to do: more entries\n# (and a second line)\n";
    fs::write(dir.path().join("g.toml"), source).unwrap();
    let check = glossfix(dir.path(), &["glossary", "fmt", "--check", "g.toml"]);
    assert_eq!(check.status.code(), Some(0), "already canonical: {}", text(&check.stdout));
    fs::write(dir.path().join("messy.toml"), source.replace("find = \"b\"", "find   =  \"b\"")).unwrap();
    assert_eq!(glossfix(dir.path(), &["glossary", "fmt", "messy.toml"]).status.code(), Some(0));
    assert_eq!(fs::read_to_string(dir.path().join("messy.toml")).unwrap(), source, "the trailing comment is kept");
}

#[test]
fn add_and_add_term_keep_the_header_on_top_and_the_file_canonical() {
    // (starting file, commands) -> the result passes `fmt --check` and starts with the header.
    let cases: &[(&str, &[&[&str]])] = &[
        // The new entry sorts first: it goes below the header, not above it.
        ("# Desk glossary.\n\n[[fix]]\nfind = \"b\"\nreplace = \"c\"\n", &[&["add", "--find", "a", "--replace", "x"]]),
        // A first [[term]] in a file of [[fix]] entries goes before them.
        (
            "# Desk glossary.\n\n[[fix]]\nfind = \"b\"\nreplace = \"c\"\n",
            &[&["add-term", "--canonical", "Zed", "--variant", "Zedd"]],
        ),
        // Both, and a trailing comment.
        (
            "# Desk glossary.\n\n[[fix]]\nfind = \"b\"\nreplace = \"c\"\n\n# end\n",
            &[&["add", "--find", "z", "--replace", "y"], &["add-term", "--canonical", "Abc", "--variant", "Abd"]],
        ),
    ];
    for (start, commands) in cases {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("glossary.toml"), start).unwrap();
        for args in *commands {
            let mut full = vec!["--glossary", "glossary.toml", "glossary"];
            full.extend_from_slice(args);
            let out = glossfix(dir.path(), &full);
            assert_eq!(out.status.code(), Some(0), "{args:?}: {}", text(&out.stderr));
        }
        let result = fs::read_to_string(dir.path().join("glossary.toml")).unwrap();
        assert!(result.starts_with("# Desk glossary.\n\n["), "{result}");
        let check = glossfix(dir.path(), &["glossary", "fmt", "--check", "glossary.toml"]);
        assert_eq!(check.status.code(), Some(0), "{start:?} {commands:?}:\n{}", text(&check.stdout));
        assert_eq!(result.contains("# end"), start.contains("# end"), "comments are kept");
    }
}

#[test]
fn every_syntax_error_of_a_glossary_is_reported_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let three = "[[fix]]\nfind = \"a\"\nreplace = \"b\"\ncolour = 1\n\n[[fix]]\nfind = \"c\n\n[[term]]\ncanonical = \"X\"\nvariants = \"Y\"\n";
    fs::write(dir.path().join("g.toml"), three).unwrap();
    fs::write(dir.path().join("a.txt"), "texte\n").unwrap();
    let lint = glossfix(dir.path(), &["glossary", "lint", "g.toml"]);
    let places: Vec<String> = text(&lint.stdout).lines().map(|l| l.split(": ").next().unwrap().to_string()).collect();
    assert_eq!(places, ["g.toml:4:1", "g.toml:7:10", "g.toml:11:12"]);
    // Loading for a run says the same, each with the line it is on, and processes nothing.
    let check = glossfix(dir.path(), &["--glossary", "g.toml", "check", "a.txt"]);
    assert_eq!(check.status.code(), Some(2));
    let stderr = text(&check.stderr);
    assert_eq!(stderr.lines().count(), 3, "{stderr}");
    assert!(stderr.contains("g.toml:7:10: invalid basic string, expected `\"` (in `find = \"c`)"), "{stderr}");
    assert!(text(&check.stdout).is_empty());
}

#[test]
fn init_writes_a_starter_that_lints_and_is_formatted_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    // Without a glossary, add says how to name one or make one.
    let add = glossfix(dir.path(), &["glossary", "add", "--find", "colour", "--replace", "couleur"]);
    assert_eq!(add.status.code(), Some(2));
    assert!(
        text(&add.stderr).contains("`glossfix glossary add FILE ...` or `--glossary FILE`"),
        "{}",
        text(&add.stderr)
    );
    assert!(text(&add.stderr).contains("glossfix glossary init"));
    let init = glossfix(dir.path(), &["glossary", "init"]);
    assert_eq!(init.status.code(), Some(0), "{}", text(&init.stderr));
    let starter = fs::read_to_string(dir.path().join("glossary.toml")).unwrap();
    assert!(starter.starts_with("# glossfix glossary for this folder"));
    assert!(starter.contains("canonical = \"Kim Jong-un\""), "the built-in entries");
    assert_eq!(glossfix(dir.path(), &["glossary", "lint"]).status.code(), Some(0));
    assert_eq!(glossfix(dir.path(), &["glossary", "fmt", "--check"]).status.code(), Some(0));
    // Never overwritten.
    fs::write(dir.path().join("mine.toml"), "# mine\n").unwrap();
    assert_eq!(glossfix(dir.path(), &["glossary", "init", "mine.toml"]).status.code(), Some(2));
    assert_eq!(fs::read_to_string(dir.path().join("mine.toml")).unwrap(), "# mine\n");
    // add takes the file as an argument.
    let add = glossfix(dir.path(), &["glossary", "add", "mine.toml", "--find", "colour", "--replace", "couleur"]);
    assert_eq!(add.status.code(), Some(0), "{}", text(&add.stderr));
    assert!(fs::read_to_string(dir.path().join("mine.toml")).unwrap().contains("find = \"colour\""));
}
