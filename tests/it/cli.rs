//! The real binary: every mode, exit code and error path.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const ARTIFACTS: &str = "Follow\nLe média japonaise Kyodo a parlé de un éventuel accord.\n";
const REPAIRED: &str = "Le média japonais Kyodo a parlé d’un éventuel accord.\n";
const CLEAN: &str = "Le média japonais Kyodo a parlé.\n";
const BROKEN: &str = "a déclaré John Kirby. journalistes mercredi.\n";

/// Runs glossfix in `dir` with the repository's glossary unless the arguments name one.
fn run_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_glossfix"));
    cmd.current_dir(dir).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    if !args.contains(&"--glossary") {
        cmd.arg("--glossary").arg(crate::root().join("tests/corpus/glossary.toml"));
    }
    let mut child = cmd.spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Standard error without the summary line that ends a run ("glossfix: checked 2 files:
/// …, 0.01 s"), which every run prints unless `--quiet`.
fn errors(o: &Output) -> String {
    let text = stderr(o);
    let summary = |l: &str| {
        l.starts_with("glossfix: ")
            && !l.starts_with("glossfix: error")
            && !l.starts_with("glossfix: warning")
            && !l.starts_with("glossfix: note")
            && l.ends_with(" s")
    };
    text.lines().filter(|l| !summary(l)).map(|l| format!("{l}\n")).collect()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap()
}

/// A temporary folder holding the given files.
fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, contents) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }
    dir
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<_> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    names
}

#[test]
fn fix_one_file_to_stdout() {
    let dir = folder(&[("a.txt", ARTIFACTS.as_bytes())]);
    let o = run_in(dir.path(), &["fix", "a.txt"], None);
    assert_eq!((code(&o), stdout(&o).as_str(), stderr(&o).as_str()), (0, REPAIRED, ""));
    assert_eq!(fs::read_to_string(dir.path().join("a.txt")).unwrap(), ARTIFACTS, "the file is not touched");
}

#[test]
fn fix_stdin_to_stdout_with_dash_or_no_path() {
    let dir = folder(&[]);
    for args in [&["fix"][..], &["fix", "-"][..]] {
        let o = run_in(dir.path(), args, Some(ARTIFACTS));
        assert_eq!((code(&o), stdout(&o).as_str()), (0, REPAIRED), "{args:?}");
    }
}

#[test]
fn fix_check_lists_changes_and_exits_1_and_0_when_clean() {
    let dir = folder(&[("a.txt", ARTIFACTS.as_bytes()), ("clean.txt", CLEAN.as_bytes())]);
    let o = run_in(dir.path(), &["fix", "--check", "a.txt"], None);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(out.contains("a.txt:1:1: furniture:"), "{out}");
    assert!(out.contains("a.txt:2:4: fix: agreement: 'média' is masculine (-> média japonais)"), "{out}");
    assert_eq!(fs::read_to_string(dir.path().join("a.txt")).unwrap(), ARTIFACTS, "--check changes nothing");
    let o = run_in(dir.path(), &["fix", "--check", "clean.txt"], None);
    assert_eq!((code(&o), stdout(&o).as_str()), (0, ""));
}

#[test]
fn fix_diff_is_accepted_by_patch_and_git_apply() {
    let dir = folder(&[("a.txt", ARTIFACTS.as_bytes()), ("b.txt", b"Kim Jong Un\r\nfin sans saut de ligne, de un")]);
    let o = run_in(dir.path(), &["fix", "--diff", "a.txt", "b.txt"], None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let diff = stdout(&o);
    assert!(diff.starts_with("--- a.txt\n+++ a.txt\n@@"), "{diff}");
    let expected_b = "Kim Jong-un\r\nfin sans saut de ligne, d’un";
    for tool in [&["patch", "-p0", "--quiet"][..], &["git", "apply", "-p0"][..]] {
        let copy =
            folder(&[("a.txt", ARTIFACTS.as_bytes()), ("b.txt", b"Kim Jong Un\r\nfin sans saut de ligne, de un")]);
        let mut child =
            Command::new(tool[0]).args(&tool[1..]).current_dir(copy.path()).stdin(Stdio::piped()).spawn().unwrap();
        child.stdin.take().unwrap().write_all(diff.as_bytes()).unwrap();
        assert!(child.wait().unwrap().success(), "{tool:?} rejected:\n{diff}");
        assert_eq!(fs::read_to_string(copy.path().join("a.txt")).unwrap(), REPAIRED, "{tool:?}");
        assert_eq!(fs::read_to_string(copy.path().join("b.txt")).unwrap(), expected_b, "{tool:?}");
    }
    let o = run_in(dir.path(), &["fix", "--diff", "--check", "a.txt"], None);
    assert_eq!(code(&o), 1, "--diff --check exits 1 when something would change");
}

#[test]
fn fix_write_rewrites_in_place_keeps_permissions_and_leaves_clean_files_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder(&[
        ("a.txt", ARTIFACTS.as_bytes()),
        ("sub/b.md", ARTIFACTS.as_bytes()),
        ("clean.txt", CLEAN.as_bytes()),
        ("other.html", ARTIFACTS.as_bytes()),
    ]);
    let a = dir.path().join("a.txt");
    fs::set_permissions(&a, fs::Permissions::from_mode(0o640)).unwrap();
    let long_ago = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    let clean = fs::File::options().write(true).open(dir.path().join("clean.txt")).unwrap();
    clean.set_modified(long_ago).unwrap();
    drop(clean);
    let o = run_in(dir.path(), &["fix", "--write", "."], None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&a).unwrap(), REPAIRED);
    assert_eq!(fs::read_to_string(dir.path().join("sub/b.md")).unwrap(), REPAIRED, "folders are walked for .md");
    assert_eq!(fs::read_to_string(dir.path().join("other.html")).unwrap(), ARTIFACTS, "only .txt and .md");
    assert_eq!(fs::metadata(&a).unwrap().permissions().mode() & 0o777, 0o640);
    assert_eq!(
        fs::metadata(dir.path().join("clean.txt")).unwrap().modified().unwrap(),
        long_ago,
        "a clean file is never rewritten"
    );
    assert_eq!(names_in(dir.path()), ["a.txt", "clean.txt", "other.html", "sub"], "no temporary file left behind");
    let again = run_in(dir.path(), &["fix", "--check", "."], None);
    assert_eq!(code(&again), 0, "after --write nothing is left to fix: {}", stdout(&again));
}

#[test]
fn fix_write_on_a_read_only_file_fails_and_leaves_it_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder(&[("a.txt", ARTIFACTS.as_bytes())]);
    let a = dir.path().join("a.txt");
    fs::set_permissions(&a, fs::Permissions::from_mode(0o444)).unwrap();
    let o = run_in(dir.path(), &["fix", "--write", "a.txt"], None);
    assert_eq!(code(&o), 2);
    assert_eq!(errors(&o), "glossfix: error: a.txt: is read-only; not written\n");
    assert_eq!(fs::read_to_string(&a).unwrap(), ARTIFACTS);
    assert_eq!(names_in(dir.path()), ["a.txt"]);
}

#[test]
fn check_text_format() {
    let dir = folder(&[("a.txt", ARTIFACTS.as_bytes()), ("b.txt", BROKEN.as_bytes())]);
    let o = run_in(dir.path(), &["check", "a.txt", "b.txt"], None);
    assert_eq!(code(&o), 1);
    let lines: Vec<String> = stdout(&o).lines().map(|l| l.split(" [").next().unwrap().to_string()).collect();
    assert_eq!(
        lines,
        [
            "a.txt:1:1: furniture: social-media button (-> delete)",
            "a.txt:2:4: fix: agreement: 'média' is masculine (-> média japonais)",
            "a.txt:2:34: elision: \"de\" elides before \"un\" (-> d’un)",
            "b.txt:1:21: broken-sentence: full stop followed by the lower-case word \"journalistes\": broken sentence?",
        ]
    );
    let o = run_in(dir.path(), &["check", "-"], Some(CLEAN));
    assert_eq!((code(&o), stdout(&o).as_str()), (0, ""));
}

#[test]
fn check_json_reports_unrepairable_sentences_with_null_replacement() {
    let text = format!("Kim Jong Un {BROKEN}");
    let dir = folder(&[("b.txt", text.as_bytes())]);
    let o = run_in(dir.path(), &["check", "--format", "json", "b.txt"], None);
    assert_eq!(code(&o), 1);
    let findings: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(findings.len(), 2);
    let term = &findings[0];
    assert_eq!(term["path"], "b.txt");
    assert_eq!((term["line"].as_u64(), term["column"].as_u64()), (Some(1), Some(1)));
    assert_eq!((term["byte_start"].as_u64(), term["byte_end"].as_u64()), (Some(0), Some(11)));
    assert_eq!(term["rule"], "term");
    assert_eq!(term["replacement"], "Kim Jong-un");
    let broken = &findings[1];
    assert_eq!(broken["rule"], "broken-sentence");
    assert!(broken["replacement"].is_null());
    assert_eq!(broken["column"].as_u64(), Some(text[..text.find(". j").unwrap()].chars().count() as u64 + 1));
    for key in ["path", "line", "column", "byte_start", "byte_end", "rule", "message", "replacement"] {
        assert!(broken.get(key).is_some(), "missing {key}");
    }
}

#[test]
fn bad_inputs_get_one_line_errors_exit_2_and_the_other_files_are_still_processed() {
    let dir = folder(&[("good.txt", ARTIFACTS.as_bytes()), ("latin1.txt", b"caf\xe9 de un"), ("sub/x.txt", b"x")]);
    // (args, expected stderr, expect the good file's findings on stdout)
    let cases: &[(&[&str], &str, bool)] = &[
        (&["check", "missing.txt", "good.txt"], "glossfix: error: missing.txt: no such file or folder\n", true),
        (
            &["check", "latin1.txt", "good.txt"],
            "glossfix: error: latin1.txt: not UTF-8: invalid byte 0xE9 at offset 3\n",
            true,
        ),
        (
            &["fix", "--check", "good.txt", "latin1.txt"],
            "glossfix: error: latin1.txt: not UTF-8: invalid byte 0xE9 at offset 3\n",
            true,
        ),
        (
            &["fix", "sub"],
            "glossfix: error: sub: is a directory, not a file (use --write, --diff or --check to process a folder)\n",
            false,
        ),
        (&["fix", "missing.txt"], "glossfix: error: missing.txt: no such file or folder\n", false),
        (
            &["fix", "good.txt", "sub/x.txt"],
            "glossfix: error: fix writes one file to stdout: give one file, or use --write, --diff or --check\n",
            false,
        ),
        (&["fix", "--write", "-"], "glossfix: error: --write needs files, not stdin\n", false),
    ];
    for (args, want_err, good_seen) in cases {
        let o = run_in(dir.path(), args, Some(""));
        assert_eq!(code(&o), 2, "{args:?}");
        assert_eq!(errors(&o), *want_err, "{args:?}");
        assert_eq!(stdout(&o).contains("good.txt:2:4"), *good_seen, "{args:?}: {}", stdout(&o));
    }
    assert_eq!(fs::read(dir.path().join("latin1.txt")).unwrap(), b"caf\xe9 de un", "nothing is lost");
}

#[test]
fn a_broken_glossary_is_refused_with_its_place_and_nothing_is_processed() {
    let dir = folder(&[
        ("a.txt", ARTIFACTS.as_bytes()),
        ("bad.toml", b"[[fix]]\nfind = \"kinds\"\nreplace = \"types\"\nwhen = 1\n"),
        (
            "dup.toml",
            b"[[fix]]\nfind = \"kinds\"\nreplace = \"types\"\n\n[[fix]]\nfind = \"kinds\"\nreplace = \"sortes\"\n",
        ),
        ("syntax.toml", b"[[fix]\n"),
    ]);
    let cases = [
        ("bad.toml", "glossfix: error: bad.toml:4:1: unknown field `when`"),
        (
            "dup.toml",
            "glossfix: error: dup.toml:6:8: [[fix]] \"kinds\": the same find at line 2 repairs it to \"types\", here to \"sortes\"",
        ),
        ("syntax.toml", "glossfix: error: syntax.toml:1:"),
        ("missing.toml", "glossfix: error: missing.toml: no such file"),
    ];
    for (glossary, want) in cases {
        let o = run_in(dir.path(), &["--glossary", glossary, "fix", "--write", "a.txt"], None);
        assert_eq!(code(&o), 2, "{glossary}");
        let err = stderr(&o);
        assert!(err.starts_with(want) && err.lines().count() == 1, "{glossary}: {err}");
        assert_eq!(fs::read_to_string(dir.path().join("a.txt")).unwrap(), ARTIFACTS, "{glossary}: nothing processed");
    }
}

#[test]
fn glossary_is_found_in_the_nearest_parent_else_built_in() {
    let dir = folder(&[
        ("glossary.toml", b"[[fix]]\nfind = \"colour\"\nreplace = \"couleur\"\n"),
        ("deep/er/a.txt", b"la colour du ciel, Kim Jong Un\n"),
    ]);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_glossfix"));
    let o = cmd.current_dir(dir.path().join("deep/er")).args(["fix", "a.txt"]).output().unwrap();
    assert_eq!(stdout(&o), "la couleur du ciel, Kim Jong Un\n", "the parent's glossary, not the default");
    let o = Command::new(env!("CARGO_BIN_EXE_glossfix"))
        .current_dir(dir.path().join("deep/er"))
        .args(["check", "a.txt"])
        .output()
        .unwrap();
    assert!(stdout(&o).contains("[../../glossary.toml:2]"), "{}", stdout(&o));
    let bare = folder(&[("a.txt", b"la colour du ciel, Kim Jong Un\n")]);
    if !Path::new("/glossary.toml").exists()
        && !std::env::temp_dir().ancestors().any(|d| d.join("glossary.toml").exists())
    {
        let o = Command::new(env!("CARGO_BIN_EXE_glossfix"))
            .current_dir(bare.path())
            .args(["fix", "a.txt"])
            .output()
            .unwrap();
        assert_eq!(stdout(&o), "la colour du ciel, Kim Jong-un\n", "the built-in glossary");
    }
}

#[test]
fn fix_on_a_corpus_article_matches_the_library() {
    let path: PathBuf = crate::root().join("tests/corpus/white-house-says-russia-north-korea-arms-talks-advance.txt");
    let o = run_in(&crate::root(), &["fix", path.to_str().unwrap()], None);
    assert_eq!(code(&o), 0);
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(stdout(&o), crate::fix(&crate::corpus_engine(), &text).text);
    assert!(stdout(&o).contains("250 millions de dollars"), "the corpus glossary's scoped entry");
}

#[test]
fn large_files_are_streamed_in_chunks_with_the_same_results() {
    // Two seed articles, twelve times over; streamed in chunks of ~20 KB when the file is
    // "large" (hidden options set the thresholds for this test).
    let root = crate::root();
    let a = fs::read_to_string(root.join("tests/corpus/white-house-says-russia-north-korea-arms-talks-advance.txt"))
        .unwrap();
    let b = fs::read_to_string(root.join("tests/corpus/kim-hopes-to-meet-putin-in-russia.txt")).unwrap();
    let text: String = (0..12).map(|_| format!("{a}\n\n{b}\n\n")).collect();
    let glossary =
        format!("[rules]\npage-furniture = false\n\n{}", fs::read_to_string(root.join("glossary.toml")).unwrap());
    let dir = folder(&[("big.txt", text.as_bytes()), ("g.toml", glossary.as_bytes())]);
    fs::create_dir(dir.path().join("articles")).unwrap();
    fs::write(dir.path().join("articles/a-big.txt"), &text).unwrap();
    fs::write(dir.path().join("articles/b-small.txt"), &b).unwrap();
    let run = |args: &[&str], stream: bool| -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_glossfix"));
        cmd.current_dir(dir.path()).args(["--glossary", "g.toml"]);
        if stream {
            cmd.args(["--stream-threshold", "1000", "--chunk-size", "20000"]);
        }
        cmd.args(args);
        // `-` reads the same file on standard input.
        if args.last() == Some(&"-") {
            cmd.stdin(fs::File::open(dir.path().join("big.txt")).unwrap());
        }
        cmd.output().unwrap()
    };
    // Every position: a lone file, a large file among others in a folder, standard
    // input; every command that reads articles.
    for args in [
        &["fix", "big.txt"][..],
        &["fix", "-"][..],
        &["check", "big.txt"][..],
        &["check", "-"][..],
        &["check", "--format", "json", "big.txt"][..],
        &["check", "articles"][..],
        &["fix", "--check", "big.txt"][..],
        &["fix", "--check", "articles"][..],
        &["glossary", "stats", "big.txt"][..],
        &["glossary", "stats", "--format", "json", "articles"][..],
        &["glossary", "stats", "-"][..],
        &["suggest", "big.txt"][..],
        &["suggest", "articles"][..],
    ] {
        let whole = run(args, false);
        let streamed = run(args, true);
        assert_eq!(code(&whole), code(&streamed), "{args:?}");
        assert!(!stdout(&whole).is_empty(), "{args:?}: output");
        assert!(stdout(&whole) == stdout(&streamed), "{args:?}: streaming changed the output");
    }
    let stats = stdout(&run(&["glossary", "stats", "--format", "json", "articles"], true));
    assert!(stats.contains("\"files\": 2"), "a file read in chunks is counted once: {stats}");
    // --write streams into a temporary file and renames it; a clean file is left alone.
    let fixed = stdout(&run(&["fix", "big.txt"], false));
    assert_eq!(code(&run(&["fix", "--write", "big.txt"], true)), 0);
    assert_eq!(fs::read_to_string(dir.path().join("big.txt")).unwrap(), fixed);
    let before = fs::metadata(dir.path().join("big.txt")).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert_eq!(code(&run(&["fix", "--write", "big.txt"], true)), 0);
    assert_eq!(
        fs::metadata(dir.path().join("big.txt")).unwrap().modified().unwrap(),
        before,
        "nothing to change: untouched"
    );
    assert_eq!(names_in(dir.path()), ["articles", "big.txt", "g.toml"], "no temporary file left behind");
}

#[test]
fn markdown_files_keep_code_links_html_and_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    let doc = "---\ntitle: que il\n---\n\n# Installer\n\nIl dit que il faut lancer `que il` puis [le guide](https://x.org/de_un).\n\n```sh\nque il --de un\n```\n\n<div>que il</div>\n";
    fs::write(dir.path().join("guide.md"), doc).unwrap();
    fs::write(dir.path().join("guide.txt"), doc).unwrap();
    let o = run_in(dir.path(), &["fix", "--write", "guide.md", "guide.txt"], None);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let md = fs::read_to_string(dir.path().join("guide.md")).unwrap();
    assert_eq!(md, doc.replace("Il dit que il", "Il dit qu’il"), "only the prose changes in Markdown");
    // As plain text, the front matter and the HTML are prose; the fence, the backquotes
    // and the URL are still protected.
    let txt = fs::read_to_string(dir.path().join("guide.txt")).unwrap();
    assert!(
        txt.contains("```sh\nque il --de un\n```") && txt.contains("`que il`") && txt.contains("(https://x.org/de_un)"),
        "{txt}"
    );
    assert!(txt.contains("Il dit qu’il"), "{txt}");
    // Standard input has no name: --markup says what it is.
    let piped = run_in(dir.path(), &["--markup", "markdown", "fix", "-"], Some(doc));
    assert_eq!(stdout(&piped), md);
    let plain = run_in(dir.path(), &["--markup", "plain", "fix", "guide.md"], None);
    assert!(stdout(&plain).contains("<div>qu’il</div>"), "{}", stdout(&plain));
}

#[test]
fn spelling_accepts_the_glossary_list_and_a_word_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "des armes qui devraien être là, la configurtaion et le paramètrage\n")
        .unwrap();
    fs::write(dir.path().join("g.toml"), "[spelling]\naccept = [\"paramètrage\"]\n").unwrap();
    fs::write(dir.path().join("words.txt"), "# house spellings\nconfigurtaion\n").unwrap();
    let spelled = |args: &[&str]| -> Vec<String> {
        let o = run_in(dir.path(), args, None);
        stdout(&o)
            .lines()
            .filter(|l| l.contains("spelling:"))
            .map(|l| l.split('"').nth(1).unwrap().to_string())
            .collect()
    };
    assert_eq!(spelled(&["--glossary", "g.toml", "check", "a.txt"]), ["devraien", "configurtaion"]);
    assert_eq!(spelled(&["--glossary", "g.toml", "--words", "words.txt", "check", "a.txt"]), ["devraien"]);
    // The truncation is repaired; the others are suggestions that fix leaves alone.
    let fixed = run_in(dir.path(), &["--glossary", "g.toml", "fix", "a.txt"], None);
    assert_eq!(stdout(&fixed), "des armes qui devraient être là, la configurtaion et le paramètrage\n");
    // A missing word list is an error naming it.
    let missing = run_in(dir.path(), &["--glossary", "g.toml", "--words", "nope.txt", "check", "a.txt"], None);
    assert_eq!(code(&missing), 2);
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nope.txt"));
}

#[test]
fn version_names_the_licence_of_this_build() {
    let o = run_in(&crate::root(), &["--version"], None);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(out.contains(&format!("licence: {}\n", glossfix::licence_expression())), "{out}");
    let freedict = out.lines().find(|l| l.trim_start().starts_with("freedict")).unwrap_or_default();
    let built_in = if cfg!(feature = "freedict") { "(built in)" } else { "(not built in)" };
    assert!(freedict.ends_with(built_in), "{out}");
}

/// The corpus articles' texts, in file-name order.
fn corpus_articles() -> Vec<String> {
    let mut paths: Vec<PathBuf> = fs::read_dir(crate::root().join("tests/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths.into_iter().map(|p| fs::read_to_string(p).unwrap()).collect()
}

#[test]
fn a_text_without_line_breaks_gets_the_repairs_of_the_text_with_them() {
    // The seed articles twelve times over (~300 KB), as lines and as one line. Page
    // furniture is a matter of lines (a line that is only "Publicité"), so it is off
    // here, rule and entries; every other repair must be the same, byte for byte once
    // the line breaks are spaces.
    let root = crate::root();
    let articles = corpus_articles();
    let lines: String = (0..12).map(|_| articles.concat()).collect();
    let one_line = lines.replace('\n', " ");
    let corpus = fs::read_to_string(root.join("tests/corpus/glossary.toml")).unwrap();
    let mut parts = corpus.split("\n[[");
    let head = parts.next().unwrap().to_string();
    let mut glossary: String = std::iter::once(head)
        .chain(parts.filter(|p| !p.starts_with("furniture]]")).map(|p| format!("[[{p}")))
        .collect::<Vec<_>>()
        .join("\n");
    glossary = if glossary.contains("[rules]\n") {
        glossary.replacen("[rules]\n", "[rules]\npage-furniture = false\n", 1)
    } else {
        format!("[rules]\npage-furniture = false\n\n{glossary}")
    };
    let dir =
        folder(&[("lines.txt", lines.as_bytes()), ("one.txt", one_line.as_bytes()), ("g.toml", glossary.as_bytes())]);
    let fix = |file: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_glossfix"))
            .current_dir(dir.path())
            .args(["--glossary", "g.toml", "fix", file])
            .output()
            .unwrap();
        assert_eq!(code(&o), 0, "{file}: {}", String::from_utf8_lossy(&o.stderr));
        stdout(&o)
    };
    let (from_lines, from_one) = (fix("lines.txt"), fix("one.txt"));
    assert!(from_lines != lines, "there is something to repair");
    assert!(from_lines.replace('\n', " ") == from_one, "a text without line breaks was repaired differently");
}

#[test]
fn a_text_without_line_breaks_is_streamed_in_pieces_with_the_same_repairs() {
    // The seed articles with their line breaks turned into spaces, a few times over: one
    // line of ~150 KB, cut into pieces of ~20 KB inside the line (at sentence ends).
    let root = crate::root();
    let articles = corpus_articles();
    let one_line: String = (0..6).map(|_| articles.join(" ")).collect::<Vec<_>>().join(" ").replace(['\n', '\r'], " ");
    let dir = folder(&[("one.txt", one_line.as_bytes())]);
    let run = |args: &[&str], stream: bool| -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_glossfix"));
        cmd.current_dir(dir.path()).args(["--glossary", root.join("tests/corpus/glossary.toml").to_str().unwrap()]);
        if stream {
            cmd.args(["--stream-threshold", "1000", "--chunk-size", "20000"]);
        }
        cmd.args(args).output().unwrap()
    };
    let (whole, streamed) = (run(&["fix", "one.txt"], false), run(&["fix", "one.txt"], true));
    assert_eq!(code(&whole), 0);
    assert!(stdout(&whole) != one_line, "there is something to repair");
    assert!(stdout(&whole) == stdout(&streamed), "cutting the line changed the repairs");
    // The repairs check reports are the same, at the same columns (they count from the
    // start of the line, across pieces). Findings that weigh the whole text (a word
    // capitalised elsewhere) are per piece, as for any streamed input.
    let repairs =
        |o: &Output| -> Vec<String> { stdout(o).lines().filter(|l| l.contains("(->")).map(String::from).collect() };
    let (whole, streamed) = (run(&["check", "one.txt"], false), run(&["check", "one.txt"], true));
    assert!(repairs(&whole).len() > 20, "{}", stdout(&whole));
    assert_eq!(repairs(&whole), repairs(&streamed));
}
