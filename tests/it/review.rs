//! `glossfix review`, driven as a person would: in a tmux pseudo-terminal, keys sent
//! with `send-keys`, the screen read with `capture-pane`, the file and the glossary
//! checked afterwards.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ARTICLE: &str =
    "Il a conduit le vehicle de fonction et vu un significant défilé.\nIl offre un broad accès aux données.\n";

fn tmux(args: &[&str]) -> String {
    let o = Command::new("tmux").args(args).output().expect("tmux runs");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A review running in its own tmux session (and server, by socket name).
struct Session {
    socket: String,
}

impl Session {
    fn start(dir: &Path, name: &str) -> Session {
        let socket = format!("glossfix-review-{}-{name}", std::process::id());
        let command = format!(
            "cd {} && {} review article.txt; echo EXIT=$? > done; sleep 30",
            dir.display(),
            env!("CARGO_BIN_EXE_glossfix")
        );
        let status = Command::new("tmux")
            .args(["-L", &socket, "new-session", "-d", "-x", "160", "-y", "30", &command])
            .env_remove("NO_COLOR")
            .status()
            .expect("tmux runs");
        assert!(status.success());
        Session { socket }
    }

    fn keys(&self, keys: &[&str]) {
        for key in keys {
            tmux(&["-L", &self.socket, "send-keys", "-t", "0", key]);
        }
    }

    fn type_text(&self, text: &str) {
        tmux(&["-L", &self.socket, "send-keys", "-t", "0", "-l", text]);
    }

    /// Waits until the screen shows `what`; returns the screen.
    fn wait_for(&self, what: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = tmux(&["-L", &self.socket, "capture-pane", "-p", "-t", "0"]);
            if screen.contains(what) {
                return screen;
            }
            assert!(start.elapsed() < Duration::from_secs(30), "waited for {what:?}; the screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        tmux(&["-L", &self.socket, "kill-server"]);
    }
}

fn wait_for_file(path: &Path) -> String {
    let start = Instant::now();
    while !path.exists() {
        assert!(start.elapsed() < Duration::from_secs(30), "the review did not end");
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(100));
    std::fs::read_to_string(path).unwrap()
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("article.txt"), ARTICLE).unwrap();
    std::fs::write(dir.path().join("glossary.toml"), "").unwrap();
    dir
}

/// The findings `fix` does not apply in `article` with an empty glossary, as `check
/// --format json` gives them: (rule, byte_start, byte_end, matched, replacement).
fn open_findings(dir: &Path) -> Vec<(String, usize, usize, String, Option<String>)> {
    let o = Command::new(env!("CARGO_BIN_EXE_glossfix"))
        .args(["--quiet", "check", "--format", "json", "article.txt"])
        .current_dir(dir)
        .output()
        .unwrap();
    String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|f| f["applicability"] != "safe")
        .map(|f| {
            let n = |k: &str| f[k].as_u64().unwrap() as usize;
            let replacement = f["replacement"].as_str().map(str::to_string);
            (
                f["rule"].as_str().unwrap().to_string(),
                n("byte_start"),
                n("byte_end"),
                f["matched"].as_str().unwrap().to_string(),
                replacement,
            )
        })
        .collect()
}

#[test]
fn a_review_of_a_corpus_article_accepts_types_adds_to_the_glossary_and_quits() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(
        crate::root().join("tests/corpus/white-house-says-russia-north-korea-arms-talks-advance.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("article.txt"), &original).unwrap();
    std::fs::write(dir.path().join("glossary.toml"), "").unwrap();
    let open = open_findings(dir.path());
    let total = open.len();
    // The first English leak with a candidate is accepted and added to the glossary; the
    // next one gets a typed replacement; the review stops at the finding after it.
    let leaks: Vec<usize> =
        (0..total).filter(|&i| open[i].0 == "english-leak" && open[i].4.is_some()).take(2).collect();
    let (first, second) = (leaks[0], leaks[1]);
    let session = Session::start(dir.path(), "corpus");
    for (i, finding) in open.iter().enumerate().take(second + 2) {
        let screen = session.wait_for(&format!("finding {} of {total}", i + 1));
        if i == first {
            assert!(screen.contains(&format!("1) {}", finding.4.as_deref().unwrap())), "{screen}");
            session.keys(&["1"]);
            session.wait_for(&format!("finding {} of {total}", i + 2));
            session.keys(&["g"]);
            session.wait_for("to glossary.toml as a [[fix]]");
        } else if i == second {
            session.keys(&["e"]);
            session.wait_for("replacement:");
            session.type_text("important");
            session.keys(&["Enter"]);
        } else if i == second + 1 {
            session.keys(&["q"]);
        } else {
            session.keys(&["s"]);
        }
    }
    assert_eq!(wait_for_file(&dir.path().join("done")).trim(), "EXIT=0");
    let mut want = original.clone();
    let (_, s2, e2, _, _) = &open[second];
    want.replace_range(*s2..*e2, "important");
    let (_, s1, e1, find, replace) = &open[first];
    let replace = replace.as_deref().unwrap();
    want.replace_range(*s1..*e1, replace);
    assert_eq!(std::fs::read_to_string(dir.path().join("article.txt")).unwrap(), want, "exactly the two choices");
    let glossary = std::fs::read_to_string(dir.path().join("glossary.toml")).unwrap();
    assert_eq!(
        glossary,
        format!("[[fix]]\nfind = \"{find}\"\nreplace = \"{replace}\"\nnote = \"added in review\"\nfrench = true\n")
    );
    let lint = Command::new(env!("CARGO_BIN_EXE_glossfix"))
        .args(["glossary", "lint", "glossary.toml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(lint.status.code(), Some(0), "{}", String::from_utf8_lossy(&lint.stdout));
}

#[test]
fn undo_takes_back_the_choice_and_the_glossary_entry() {
    let dir = setup();
    let session = Session::start(dir.path(), "undo");
    session.wait_for("finding 1 of 3");
    session.keys(&["1"]);
    session.wait_for("finding 2 of 3");
    session.keys(&["t"]); // "vehicle" as a variant of the term "véhicule"
    session.wait_for("as a variant of the term");
    assert!(std::fs::read_to_string(dir.path().join("glossary.toml")).unwrap().contains("[[term]]"));
    session.keys(&["u"]);
    session.wait_for("undone: \"vehicle\" -> \"véhicule\", and taken out of the glossary");
    session.wait_for("finding 1 of 3");
    session.keys(&["r"]); // skip every english-leak finding: the file is done
    assert_eq!(wait_for_file(&dir.path().join("done")).trim(), "EXIT=0");
    assert_eq!(std::fs::read_to_string(dir.path().join("article.txt")).unwrap(), ARTICLE, "nothing accepted");
    assert_eq!(std::fs::read_to_string(dir.path().join("glossary.toml")).unwrap(), "", "the entry is gone");
}

#[test]
fn review_refuses_to_start_without_a_terminal() {
    let dir = setup();
    let o = Command::new(env!("CARGO_BIN_EXE_glossfix"))
        .args(["review", "article.txt"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "glossfix: error: review needs a terminal (standard input and output); in a script, use check, or fix --unsafe\n"
    );
    assert_eq!(std::fs::read_to_string(dir.path().join("article.txt")).unwrap(), ARTICLE);
}
