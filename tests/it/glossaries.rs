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

/// A glossary of more than 64 KiB (the lint cache's threshold) whose lint gives one
/// warning: "alpha" -> "beta" is changed again by "beta" -> "gamma".
fn big_glossary(extra: &str) -> String {
    let mut toml = String::from(
        "[[fix]]\nfind = \"alpha\"\nreplace = \"beta\"\n\n[[fix]]\nfind = \"beta\"\nreplace = \"gamma\"\n",
    );
    for i in 0..2000 {
        toml.push_str(&format!("\n[[fix]]\nfind = \"zqvx{i}k\"\nreplace = \"zqvx{i}\"\n"));
    }
    toml.push_str(extra);
    assert!(toml.len() > 64 * 1024);
    toml
}

#[test]
fn a_big_glossarys_lint_answer_is_remembered_until_a_file_changes() {
    let dir = tree(&[("big.toml", &big_glossary("")), ("a.txt", "Il dit alpha et zqvx7k.\n")]);
    let cache = dir.path().join("cache");
    let run_cached = |extra: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_glossfix"));
        cmd.args(["--quiet", "--glossary", "big.toml"]).args(extra).args(["check", "a.txt"]);
        cmd.env("GLOSSFIX_CACHE_DIR", &cache).current_dir(dir.path()).output().unwrap()
    };
    let remembered = || -> Vec<std::path::PathBuf> {
        let Ok(entries) = std::fs::read_dir(&cache) else { return Vec::new() };
        entries.map(|e| e.unwrap().path()).collect()
    };
    let warning = "warning[chain]: [[fix]] \"alpha\" -> \"beta\": the repair is changed again by line 6";
    // Linted, and the answer remembered.
    let first = run_cached(&[]);
    assert_eq!(first.status.code(), Some(1), "{}", err(&first));
    assert!(err(&first).contains(warning), "{}", err(&first));
    let files = remembered();
    assert_eq!(files.len(), 1, "{files:?}");
    // The same files again: the same output, the answer read from the cache (a doctored
    // answer shows it is read, not recomputed).
    let second = run_cached(&[]);
    assert_eq!((out(&second), err(&second)), (out(&first), err(&first)));
    let answer = std::fs::read_to_string(&files[0]).unwrap();
    std::fs::write(&files[0], answer.replace("the repair is changed again", "REMEMBERED")).unwrap();
    assert!(err(&run_cached(&[])).contains("\"beta\": REMEMBERED by line 6"), "{}", err(&run_cached(&[])));
    // --no-cache lints.
    assert!(err(&run_cached(&["--no-cache"])).contains(warning));
    // A damaged answer is a miss: linted again and rewritten.
    std::fs::write(&files[0], "{").unwrap();
    let damaged = run_cached(&[]);
    assert_eq!((out(&damaged), err(&damaged)), (out(&first), err(&first)));
    assert_eq!(std::fs::read_to_string(&files[0]).unwrap(), answer);
    // A changed file is linted: refused now (a loop), whatever the cache holds, and a
    // refused glossary is never remembered.
    std::fs::write(dir.path().join("big.toml"), big_glossary("\n[[fix]]\nfind = \"gamma\"\nreplace = \"alpha\"\n"))
        .unwrap();
    let refused = run_cached(&[]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(err(&refused).contains("change each other in a loop"), "{}", err(&refused));
    assert_eq!(remembered(), files);
}

#[test]
fn small_glossaries_and_a_turned_off_cache_remember_nothing() {
    let dir = tree(&[("big.toml", &big_glossary("")), ("small.toml", BASE), ("a.txt", ARTICLE)]);
    let home = dir.path().join("home");
    // (glossary, extra options, GLOSSFIX_CACHE_DIR)
    let cases: &[(&str, &[&str], Option<&str>)] = &[
        ("small.toml", &[], Some("cache")),
        ("big.toml", &["--no-cache"], Some("cache")),
        ("big.toml", &[], Some("")),
    ];
    for &(glossary, extra, cache_dir) in cases {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_glossfix"));
        cmd.args(["--quiet", "--glossary", glossary]).args(extra).args(["check", "a.txt"]);
        cmd.env("HOME", &home).env_remove("XDG_CACHE_HOME").current_dir(dir.path());
        match cache_dir {
            Some(d) => cmd.env("GLOSSFIX_CACHE_DIR", d),
            None => cmd.env_remove("GLOSSFIX_CACHE_DIR"),
        };
        let o = cmd.output().unwrap();
        assert_eq!(o.status.code(), Some(1), "{glossary} {extra:?}: {}", err(&o));
        assert!(!dir.path().join("cache").exists() && !home.exists(), "{glossary} {extra:?} {cache_dir:?}");
    }
    // Without GLOSSFIX_CACHE_DIR nor XDG_CACHE_HOME: under $HOME/.cache.
    let o = Command::new(env!("CARGO_BIN_EXE_glossfix"))
        .args(["--quiet", "--glossary", "big.toml", "check", "a.txt"])
        .env("HOME", &home)
        .env_remove("XDG_CACHE_HOME")
        .env_remove("GLOSSFIX_CACHE_DIR")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert_eq!(std::fs::read_dir(home.join(".cache/glossfix")).unwrap().count(), 1);
}
