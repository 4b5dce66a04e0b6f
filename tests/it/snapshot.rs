//! `glossfix snapshot` on a user's corpus, without cargo: a glossary edit shows up in
//! `check` (exit 1, the diff), `accept` stores it, `check` passes again; `review` in a
//! tmux pseudo-terminal accepts one change and rejects another.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const ARTICLES: &[&str] = &["kim-arrives-in-russia-by-train.txt", "kim-hopes-to-meet-putin-in-russia.txt"];

/// A newsroom's folder: `glossary.toml` (the corpus glossary) and `articles/`.
fn newsroom() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    for a in ARTICLES {
        std::fs::copy(crate::root().join("tests/corpus").join(a), dir.path().join("articles").join(a)).unwrap();
    }
    std::fs::copy(crate::root().join("tests/corpus/glossary.toml"), dir.path().join("glossary.toml")).unwrap();
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glossfix"))
        .args(["--quiet", "snapshot"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn add_to_glossary(dir: &Path, entry: &str) {
    let path = dir.join("glossary.toml");
    let mut glossary = std::fs::read_to_string(&path).unwrap();
    glossary.push_str(entry);
    std::fs::write(&path, glossary).unwrap();
}

fn snap(dir: &Path, article: &str) -> String {
    std::fs::read_to_string(dir.join("articles/snapshots").join(format!("{article}.snap"))).unwrap()
}

#[test]
fn a_glossary_edit_fails_check_until_accepted() {
    let dir = newsroom();
    let d = dir.path();
    let first = run(d, &["check", "articles"]);
    assert_eq!(first.status.code(), Some(1), "no snapshot yet");
    assert!(String::from_utf8_lossy(&first.stdout).contains("new snapshot articles/snapshots/"));
    assert_eq!(run(d, &["accept", "articles"]).status.code(), Some(0));
    assert_eq!(run(d, &["check", "articles"]).status.code(), Some(0));
    assert!(snap(d, ARTICLES[0]).starts_with("---\nsource: glossfix snapshot\n"), "insta's format");
    assert!(!d.join("articles/snapshots").join(format!("{}.snap.new", ARTICLES[0])).exists());

    add_to_glossary(d, "\n[[fix]]\nfind = \"train privé\"\nreplace = \"train blindé\"\n");
    let o = run(d, &["check", "articles"]);
    assert_eq!(o.status.code(), Some(1));
    let diff = String::from_utf8(o.stdout).unwrap();
    assert!(diff.contains("-Kim a quitté Pyongyang pour la Russie dimanche à bord de son train privé"), "{diff}");
    assert!(diff.contains("+Kim a quitté Pyongyang pour la Russie dimanche à bord de son train blindé"), "{diff}");
    assert!(diff.contains("fix: \"train privé\" -> \"train blindé\""), "the repair list too: {diff}");
    let pending = d.join("articles/snapshots").join(format!("{}.snap.new", ARTICLES[0]));
    assert!(pending.exists(), "the new snapshot waits beside the old one, as insta's do");
    assert!(!snap(d, ARTICLES[0]).contains("train blindé"), "check stores nothing");

    assert_eq!(run(d, &["accept", "articles"]).status.code(), Some(0));
    assert!(snap(d, ARTICLES[0]).contains("train blindé"));
    assert!(!pending.exists());
    let o = run(d, &["check", "articles"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stdout));
    assert_eq!(o.stdout, b"");
}

fn tmux(socket: &str, args: &[&str]) -> String {
    let o = Command::new("tmux").arg("-L").arg(socket).args(args).output().expect("tmux runs");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn wait_for(socket: &str, what: &str) -> String {
    let start = Instant::now();
    loop {
        let screen = tmux(socket, &["capture-pane", "-p", "-J", "-t", "0"]);
        if screen.contains(what) {
            return screen;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "waited for {what:?}; the screen:\n{screen}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn review_accepts_one_change_and_rejects_another() {
    let dir = newsroom();
    let d = dir.path();
    assert_eq!(run(d, &["accept", "articles"]).status.code(), Some(0));
    let before: Vec<String> = ARTICLES.iter().map(|a| snap(d, a)).collect();
    // One entry that changes both articles.
    add_to_glossary(d, "\n[[fix]]\nfind = \"Washington\"\nreplace = \"la capitale américaine\"\n");
    let lint = Command::new(env!("CARGO_BIN_EXE_glossfix"))
        .args(["glossary", "lint", "glossary.toml"])
        .current_dir(d)
        .output()
        .unwrap();
    assert_eq!(lint.status.code(), Some(0), "{}", String::from_utf8_lossy(&lint.stdout));
    assert_eq!(run(d, &["check", "articles"]).status.code(), Some(1));

    let socket = format!("glossfix-snapshot-{}", std::process::id());
    let command = format!(
        "cd {} && {} snapshot review articles; echo EXIT=$? > done; sleep 30",
        d.display(),
        env!("CARGO_BIN_EXE_glossfix")
    );
    let started = Command::new("tmux")
        .args(["-L", &socket, "new-session", "-d", "-x", "200", "-y", "50", &command])
        .status()
        .unwrap();
    assert!(started.success());
    let screen = wait_for(&socket, &format!("snapshot 1 of 2: {}", ARTICLES[0]));
    // The changed lines only, each with its changed words (in colour on the terminal).
    assert!(screen.contains("line:4: 3:171 fix: \"Washington\" -> \"la capitale américaine\""), "{screen}");
    assert!(screen.contains("tandis que Washingtonla capitale américaine a prévenu"), "{screen}");
    assert!(
        screen.contains("line:16: Le dirigeant nord-coréen Kim Jong-un est… président Vladimir Poutine, tandis que"),
        "long equal runs shortened: {screen}"
    );
    assert!(!screen.contains("Le média japonais Kyodo"), "an unchanged line is not shown: {screen}");
    assert!(screen.contains("a accept  r reject  s skip  q quit"), "{screen}");
    tmux(&socket, &["send-keys", "-t", "0", "a"]);
    wait_for(&socket, &format!("snapshot 2 of 2: {}", ARTICLES[1]));
    tmux(&socket, &["send-keys", "-t", "0", "r"]);
    let start = Instant::now();
    while !d.join("done").exists() {
        assert!(start.elapsed() < Duration::from_secs(30), "the review did not end");
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(100));
    tmux(&socket, &["kill-server"]);
    assert_eq!(std::fs::read_to_string(d.join("done")).unwrap().trim(), "EXIT=0");
    let after: Vec<String> = ARTICLES.iter().map(|a| snap(d, a)).collect();
    assert_ne!(after[0], before[0], "accepted");
    assert!(after[0].contains("la capitale américaine"));
    assert_eq!(after[1], before[1], "rejected: the stored snapshot is kept");
    assert!(!d.join("articles/snapshots").join(format!("{}.snap.new", ARTICLES[1])).exists());
    // The rejected change still fails the check.
    assert_eq!(run(d, &["check", "articles"]).status.code(), Some(1));
}
