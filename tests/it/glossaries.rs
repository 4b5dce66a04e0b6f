//! Which glossary each article uses: the nearest `glossary.toml` (its folder, then each
//! parent), `--glossary` repeated to combine files, `extends`, lint across the
//! combination; through the real binary.

use std::path::Path;
use std::process::{Command, Output};

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glossfix")).arg("--quiet").args(args).current_dir(dir).output().unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

const ARTICLE: &str = "Il a pris le vehicle et les steps du chef.\n";
const BASE: &str = "[[fix]]\nfind = \"vehicle\"\nreplace = \"véhicule\"\n";
const DESK: &str = "extends = [\"../glossary.toml\"]\n\n[[fix]]\nfind = \"steps\"\nreplace = \"mesures\"\n";

#[test]
fn each_article_uses_its_nearest_glossary() {
    let dir = tree(&[
        ("glossary.toml", BASE),
        ("a.txt", ARTICLE),
        ("desk/glossary.toml", DESK),
        ("desk/b.txt", ARTICLE),
        ("desk/deeper/c.txt", ARTICLE),
    ]);
    // (arguments, repaired text of each file, in order)
    let cases: &[(&[&str], &[&str])] = &[
        // The root's glossary for a.txt; desk's (which extends the root's) below desk/.
        (
            &["fix", "--write", "a.txt", "desk"],
            &[
                "Il a pris le véhicule et les steps du chef.\n",
                "Il a pris le véhicule et les mesures du chef.\n",
                "Il a pris le véhicule et les mesures du chef.\n",
            ],
        ),
    ];
    for (args, want) in cases {
        let o = run(dir.path(), args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", err(&o));
        let got: Vec<String> = ["a.txt", "desk/b.txt", "desk/deeper/c.txt"]
            .iter()
            .map(|f| std::fs::read_to_string(dir.path().join(f)).unwrap())
            .collect();
        assert_eq!(&got, want, "{args:?}");
    }
    // From inside desk/, the same: the glossary follows the article, not the folder
    // glossfix runs in.
    for f in ["a.txt", "desk/b.txt", "desk/deeper/c.txt"] {
        std::fs::write(dir.path().join(f), ARTICLE).unwrap();
    }
    let o = run(&dir.path().join("desk"), &["fix", "--check", "../a.txt", "b.txt"]);
    let listed = out(&o);
    assert_eq!(listed.lines().count(), 3, "{listed}");
    assert!(listed.lines().next().unwrap().starts_with("../a.txt:1:14: fix:"), "{listed}");
    assert!(
        listed.lines().next().unwrap().ends_with("[../glossary.toml:2]"),
        "shown from where glossfix runs: {listed}"
    );
    assert!(
        listed.contains("b.txt:1:29: fix: ") && listed.contains("glossary.toml:4]"),
        "desk's entry, line 4: {listed}"
    );
}

#[test]
fn glossaries_combine_with_repeated_options_and_extends() {
    let dir = tree(&[
        ("base.toml", BASE),
        ("desk.toml", "[[fix]]\nfind = \"steps\"\nreplace = \"mesures\"\n"),
        ("a.txt", ARTICLE),
        ("undo.toml", "[[fix]]\nfind = \"véhicule\"\nreplace = \"vehicle\"\n"),
        ("loop/a.toml", "extends = [\"b.toml\"]\n"),
        ("loop/b.toml", "\nextends = [\"a.toml\"]\n"),
        ("gone.toml", "extends = [\"nowhere.toml\"]\n"),
    ]);
    let d = dir.path();
    let o = run(d, &["--glossary", "base.toml", "--glossary", "desk.toml", "fix", "a.txt"]);
    assert_eq!(out(&o), "Il a pris le véhicule et les mesures du chef.\n", "{}", err(&o));
    let o = run(d, &["--glossary", "base.toml", "--glossary", "desk.toml", "check", "a.txt"]);
    let text = out(&o);
    assert!(text.contains("[base.toml:2]") && text.contains("[desk.toml:2]"), "each entry names its file: {text}");
    // Lint runs on the combination: two files that undo each other are refused, with
    // the file and line of each problem.
    let o = run(d, &["--glossary", "base.toml", "--glossary", "undo.toml", "fix", "a.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        err(&o),
        "glossfix: error: base.toml:2:8: [[fix]] \"vehicle\" -> \"véhicule\" and undo.toml:2 \"véhicule\" -> \"vehicle\" undo each other\n"
    );
    assert_eq!(out(&o), "", "nothing processed");
    // extends that loop, or name a missing file: one line naming the file and line.
    let o = run(d, &["--glossary", "loop/a.toml", "check", "a.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("loop/b.toml:2: extends") && err(&o).contains("which extends it again"), "{}", err(&o));
    let o = run(d, &["--glossary", "gone.toml", "check", "a.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(err(&o), "glossfix: error: gone.toml:1: nowhere.toml: no such file\n");
    // glossary lint on a file that extends another lints the combination.
    let o = run(d, &["glossary", "lint", "loop/a.toml"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(out(&o).contains("which extends it again"), "{}", out(&o));
    let o = run(d, &["glossary", "lint", "base.toml"]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn a_refused_glossary_below_stops_only_its_articles() {
    let dir = tree(&[
        ("glossary.toml", BASE),
        ("a.txt", ARTICLE),
        ("broken/glossary.toml", "[[fix]]\nfind = \"go\"\nreplace = \"go go\"\n"),
        ("broken/b.txt", ARTICLE),
    ]);
    let o = run(dir.path(), &["fix", "--write", "a.txt", "broken/b.txt"]);
    assert_eq!(o.status.code(), Some(2));
    let errors = err(&o);
    assert_eq!(errors.lines().count(), 1, "{errors}");
    assert!(errors.starts_with("glossfix: error: broken/b.txt: not changed, its glossary is refused: "), "{errors}");
    assert!(errors.contains("broken/glossary.toml:2:8:"), "{errors}");
    assert_eq!(std::fs::read_to_string(dir.path().join("broken/b.txt")).unwrap(), ARTICLE, "untouched");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        "Il a pris le véhicule et les steps du chef.\n"
    );
}
