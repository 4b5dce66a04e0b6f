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

#[test]
fn a_review_accepts_types_adds_to_the_glossary_and_quits() {
    let dir = setup();
    let session = Session::start(dir.path(), "main");
    let screen = session.wait_for("finding 1 of 3");
    assert!(screen.contains("1) véhicule") && screen.contains("2) voiture"), "{screen}");
    assert!(screen.contains("Il a conduit le vehicle de fonction"), "the sentence: {screen}");
    session.keys(&["1"]); // accept "véhicule"
    session.wait_for("finding 2 of 3");
    session.keys(&["g"]); // add the last choice to the glossary
    session.wait_for("added \"vehicle\" -> \"véhicule\" to glossary.toml as a [[fix]]");
    session.keys(&["e"]);
    session.wait_for("replacement:");
    session.type_text("important");
    session.keys(&["Enter"]);
    session.wait_for("finding 3 of 3");
    session.keys(&["q"]);
    assert_eq!(wait_for_file(&dir.path().join("done")).trim(), "EXIT=0");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("article.txt")).unwrap(),
        "Il a conduit le véhicule de fonction et vu un important défilé.\nIl offre un broad accès aux données.\n",
        "exactly the two choices, the third finding left as it was"
    );
    let glossary = std::fs::read_to_string(dir.path().join("glossary.toml")).unwrap();
    assert_eq!(
        glossary,
        "[[fix]]\nfind = \"vehicle\"\nreplace = \"véhicule\"\nnote = \"added in review\"\nfrench = true\n"
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
