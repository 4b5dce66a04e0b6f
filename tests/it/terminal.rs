//! What people read: the summary, `--quiet`, colour, the matched text, the word diff,
//! and the progress bar, which only a terminal shows (driven through `script`, which
//! gives the program a pseudo-terminal).

use std::path::Path;
use std::process::{Command, Output, Stdio};

const ARTIFACTS: &str = "Follow\nLe média japonaise Kyodo a parlé de un éventuel accord.\n";

fn run(dir: &Path, args: &[&str]) -> Output {
    let glossary = crate::root().join("tests/corpus/glossary.toml");
    Command::new(env!("CARGO_BIN_EXE_glossfix"))
        .current_dir(dir)
        .arg("--glossary")
        .arg(glossary)
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTIFACTS).unwrap();
    std::fs::write(dir.path().join("b.txt"), "Rien à redire.\n").unwrap();
    dir
}

/// Removes the seconds from a summary line: "…, 0.01 s" -> "…, T s".
fn timeless(s: &str) -> String {
    s.lines()
        .map(|l| match l.rsplit_once(", ") {
            Some((head, tail)) if tail.ends_with(" s") => format!("{head}, T s\n"),
            _ => format!("{l}\n"),
        })
        .collect()
}

#[test]
fn every_run_ends_with_a_summary_unless_quiet() {
    let dir = folder();
    // (arguments, summary on standard error)
    let cases: &[(&[&str], &str)] = &[
        (&["check", "a.txt", "b.txt"], "glossfix: checked 2 files: 3 findings (3 repaired by fix), T s\n"),
        (&["fix", "--check", "."], "glossfix: would fix 1 of 2 files: 3 repairs, T s\n"),
        (&["fix", "--diff", "a.txt"], "glossfix: would fix 1 of 1 file: 3 repairs, T s\n"),
        // A filter says nothing when standard error is not a terminal.
        (&["fix", "a.txt"], ""),
        (&["--quiet", "check", "a.txt"], ""),
        (&["fix", "--check", "-q", "a.txt"], ""),
    ];
    for (args, want) in cases {
        let o = run(dir.path(), args);
        assert_eq!(timeless(&text(&o.stderr)), *want, "{args:?}");
    }
    let o = run(dir.path(), &["fix", "--write", "a.txt", "b.txt"]);
    assert_eq!(timeless(&text(&o.stderr)), "fixed a.txt (3 repairs)\nglossfix: fixed 1 of 2 files: 3 repairs, T s\n");
    let o = run(dir.path(), &["fix", "--write", "--quiet", "."]);
    assert_eq!(text(&o.stderr), "", "nothing left to fix, nothing said");
}

#[test]
fn colour_and_the_matched_text_only_when_asked_or_on_a_terminal() {
    let dir = folder();
    let plain = run(dir.path(), &["check", "a.txt"]);
    let never = run(dir.path(), &["--color", "never", "check", "a.txt"]);
    assert_eq!(plain.stdout, never.stdout, "in a pipe, auto means no colour");
    assert!(!text(&plain.stdout).contains('\u{1b}'));
    let always = text(&run(dir.path(), &["--color", "always", "check", "a.txt"]).stdout);
    assert!(always.contains("\u{1b}["), "{always}");
    assert!(
        always.contains("    \u{1b}[2m|\u{1b}[0m Le \u{1b}[1m\u{1b}[4m\u{1b}[31mmédia japonaise\u{1b}[0m Kyodo"),
        "{always}"
    );
    let json = text(&run(dir.path(), &["check", "--format", "json", "a.txt"]).stdout);
    assert!(json.lines().all(|l| l.contains(r#""matched":"#)), "{json}");
    assert!(json.contains(r#""matched":"média japonaise""#), "{json}");
}

#[test]
fn word_diff_shows_the_changed_words() {
    let dir = folder();
    let o = run(dir.path(), &["fix", "--diff", "--word-diff", "a.txt", "b.txt"]);
    assert_eq!(
        text(&o.stdout),
        "a.txt:1: [-Follow-]\na.txt:1: Le média [-japonaise-]{+japonais+} Kyodo a parlé [-de un-]{+d’un+} éventuel accord.\n"
    );
    let o = run(dir.path(), &["fix", "--word-diff", "a.txt"]);
    assert_eq!(o.status.code(), Some(2), "--word-diff goes with --diff");
}

#[test]
fn a_terminal_shows_the_progress_bar_and_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(crate::root().join("tests/corpus")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let glossary = crate::root().join("tests/corpus/glossary.toml");
    let command = format!(
        "{} --progress-delay 0 --glossary {} fix --check .",
        env!("CARGO_BIN_EXE_glossfix"),
        glossary.display()
    );
    // `script` runs the command in a pseudo-terminal and copies what it shows.
    let o = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(dir.path())
        .env_remove("CI")
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .expect("`script` (util-linux) runs");
    let shown = text(&o.stdout);
    assert!(shown.contains("KiB/"), "a progress bar in bytes: {shown:?}");
    assert!(shown.contains("\u{1b}[2K"), "the bar is cleared at the end: {shown:?}");
    assert!(shown.contains("glossfix: would fix 5 of 5 files: "), "the summary: {shown:?}");
    assert!(shown.contains("\u{1b}[32m"), "colour on a terminal: {shown:?}");
    // Under CI, or with --quiet, no bar.
    let o = Command::new("script")
        .args(["-qec", &command.replace("fix --check", "--quiet fix --check"), "/dev/null"])
        .current_dir(dir.path())
        .env_remove("CI")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let shown = text(&o.stdout);
    assert!(!shown.contains("KiB/") && !shown.contains("would fix"), "{shown:?}");
}
