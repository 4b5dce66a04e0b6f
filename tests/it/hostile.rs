//! Hostile and odd input: each case of the robustness issue, with its expected outcome.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

const ARTIFACT: &str = "Le média japonaise Kyodo a parlé de un accord.\n";
const REPAIRED: &str = "Le média japonais Kyodo a parlé d’un accord.\n";

fn glossfix(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glossfix"))
        .current_dir(dir)
        .arg("--glossary")
        .arg(crate::root().join("tests/corpus/glossary.toml"))
        .args(args)
        .output()
        .unwrap()
}

/// Starts `glossfix fix --write FILE` that pauses `pause_ms` before renaming its result.
fn paused_write(dir: &Path, file: &str, pause_ms: u64) -> Child {
    Command::new(env!("CARGO_BIN_EXE_glossfix"))
        .current_dir(dir)
        .arg("--glossary")
        .arg(crate::root().join("tests/corpus/glossary.toml"))
        .arg(format!("--pause-before-rename={pause_ms}"))
        .args(["fix", "--write", file])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn temporaries(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

/// Waits (up to 20 s) until the child has written its temporary file and is paused
/// before the rename: the moment to race it, whatever the machine's load.
fn wait_for_temporary(dir: &Path) {
    for _ in 0..400 {
        if !temporaries(dir).is_empty() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("glossfix never wrote its temporary file");
}

fn signal(child: &Child, name: &str) {
    assert!(Command::new("kill").arg(format!("-{name}")).arg(child.id().to_string()).status().unwrap().success());
}

#[test]
fn a_binary_file_in_a_walked_folder_is_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), ARTIFACT).unwrap();
    fs::write(dir.path().join("image.txt"), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    let out = glossfix(dir.path(), &["fix", "--check", "."]);
    assert_eq!(out.status.code(), Some(1), "the other file is still processed");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("glossfix: note: ./image.txt: binary file (a NUL byte at offset 8): skipped"), "{stderr}");
    assert!(String::from_utf8(out.stdout).unwrap().contains("./a.txt:1:"));
}

#[test]
fn a_filter_never_swallows_an_article_with_a_nul_byte() {
    let dir = tempfile::tempdir().unwrap();
    // The NUL far past the first 8 KiB: the whole input is looked at.
    let mut article = ARTIFACT.repeat(300).into_bytes();
    article.extend_from_slice(b"\x00fin\n");
    fs::write(dir.path().join("a.txt"), &article).unwrap();
    let offset = ARTIFACT.len() * 300;
    // To standard output, from a file or from stdin: refused with exit 2, nothing written,
    // so `glossfix fix a.txt > b && mv b a.txt` stops before the mv.
    let from_file = glossfix(dir.path(), &["fix", "a.txt"]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_glossfix"))
        .current_dir(dir.path())
        .args(["--glossary", crate::root().join("tests/corpus/glossary.toml").to_str().unwrap(), "fix", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), &article).unwrap();
    let from_stdin = child.wait_with_output().unwrap();
    for (what, out) in [("file", from_file), ("stdin", from_stdin)] {
        assert_eq!(out.status.code(), Some(2), "{what}");
        assert!(out.stdout.is_empty(), "{what}: nothing written");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains(&format!("a NUL byte at offset {offset}): refused, nothing written")),
            "{what}: {stderr}"
        );
    }
    // Where the file is written in place or only checked, it is passed over, untouched.
    let write = glossfix(dir.path(), &["fix", "--write", "a.txt"]);
    assert_eq!(write.status.code(), Some(0));
    assert_eq!(fs::read(dir.path().join("a.txt")).unwrap(), article);
    // In a large input read in chunks, a NUL in a later chunk: exit 2, the file untouched.
    let chunked = ["--stream-threshold", "1000", "--chunk-size", "2000", "fix", "--write", "a.txt"];
    let out = glossfix(dir.path(), &chunked);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("a NUL byte at offset {offset}: not text")));
    assert_eq!(fs::read(dir.path().join("a.txt")).unwrap(), article);
    let to_stdout = glossfix(dir.path(), &["--stream-threshold", "1000", "--chunk-size", "2000", "fix", "a.txt"]);
    assert_eq!(to_stdout.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&to_stdout.stderr).contains("the output stops here"));
}

#[test]
fn empty_files_and_files_without_a_final_newline() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    fs::write(dir.path().join("nonl.txt"), ARTIFACT.trim_end()).unwrap();
    let empty = glossfix(dir.path(), &["fix", "empty.txt"]);
    assert_eq!((empty.status.code(), empty.stdout.len()), (Some(0), 0));
    assert_eq!(glossfix(dir.path(), &["check", "empty.txt"]).status.code(), Some(0));
    let nonl = glossfix(dir.path(), &["fix", "nonl.txt"]);
    assert_eq!(String::from_utf8(nonl.stdout).unwrap(), REPAIRED.trim_end(), "no newline is added");
}

#[test]
fn symlinks_to_files_are_followed_and_kept_links_to_folders_are_not_walked() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("articles")).unwrap();
    fs::write(dir.path().join("articles/real.txt"), ARTIFACT).unwrap();
    symlink("articles/real.txt", dir.path().join("link.txt")).unwrap();
    symlink(".", dir.path().join("articles/loop")).unwrap(); // a cycle
    let out = glossfix(dir.path(), &["fix", "--write", "link.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(fs::symlink_metadata(dir.path().join("link.txt")).unwrap().file_type().is_symlink(), "the link is kept");
    assert_eq!(fs::read_to_string(dir.path().join("articles/real.txt")).unwrap(), REPAIRED, "its target is rewritten");
    // Walking a folder with a link to itself terminates, and reads real.txt once.
    let walk = glossfix(dir.path(), &["check", "articles"]);
    assert_eq!(walk.status.code(), Some(0), "already repaired: nothing found");
}

#[test]
fn a_file_that_changes_while_being_processed_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(&file, ARTIFACT).unwrap();
    let child = paused_write(dir.path(), "a.txt", 1500);
    wait_for_temporary(dir.path());
    fs::write(&file, "Someone else's edit.\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("changed while glossfix was working on it; not written"));
    assert_eq!(fs::read_to_string(&file).unwrap(), "Someone else's edit.\n", "the other edit is kept");
    assert!(temporaries(dir.path()).is_empty());
}

#[test]
fn ctrl_c_during_a_write_leaves_the_original_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(&file, ARTIFACT).unwrap();
    let child = paused_write(dir.path(), "a.txt", 2000);
    wait_for_temporary(dir.path());
    signal(&child, "INT");
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(fs::read_to_string(&file).unwrap(), ARTIFACT, "the original is intact");
    assert!(temporaries(dir.path()).is_empty(), "no temporary file left behind");
}

#[test]
fn a_killed_write_leaves_the_original_and_the_next_run_cleans_up() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(&file, ARTIFACT).unwrap();
    let mut child = paused_write(dir.path(), "a.txt", 3000);
    wait_for_temporary(dir.path());
    signal(&child, "KILL");
    child.wait().unwrap();
    assert_eq!(fs::read_to_string(&file).unwrap(), ARTIFACT, "the original is intact after SIGKILL");
    assert_eq!(temporaries(dir.path()).len(), 1, "SIGKILL cannot clean up: the temporary file stays");
    let again = glossfix(dir.path(), &["fix", "--write", "a.txt"]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(fs::read_to_string(&file).unwrap(), REPAIRED);
    assert!(temporaries(dir.path()).is_empty(), "the next write removes the dead process's temporary file");
}

#[test]
fn huge_and_pathological_glossaries_load_and_run() {
    let dir = tempfile::tempdir().unwrap();
    // 100,000 entries.
    let mut big = String::new();
    for i in 0..100_000 {
        big.push_str(&format!("[[fix]]\nfind = \"zqx{i:06}\"\nreplace = \"mot{i:06}\"\n"));
    }
    fs::write(dir.path().join("big.toml"), &big).unwrap();
    // One-letter finds, and a find that is a prefix of 5,000 others.
    let mut odd = String::from(
        "[[fix]]\nfind = \"y\"\nreplace = \"ÿ\"\n[[fix]]\nfind = \"q\"\nreplace = \"k\"\n[[fix]]\nfind = \"ab\"\nreplace = \"AB\"\n",
    );
    for i in 0..5_000 {
        odd.push_str(&format!("[[fix]]\nfind = \"ab{i}\"\nreplace = \"cd{i}\"\n"));
    }
    fs::write(dir.path().join("odd.toml"), &odd).unwrap();
    fs::write(dir.path().join("a.txt"), "le mot zqx004242 et y q ab ab17 abc\n").unwrap();
    for (glossary, expected) in
        [("big.toml", "le mot mot004242 et y q ab ab17 abc\n"), ("odd.toml", "le mot zqx004242 et ÿ k AB cd17 abc\n")]
    {
        // Big enough for the lint cache: kept in the test's folder, not the user's.
        let out = Command::new(env!("CARGO_BIN_EXE_glossfix"))
            .current_dir(dir.path())
            .env("GLOSSFIX_CACHE_DIR", dir.path().join("cache"))
            .args(["--glossary", glossary, "fix", "a.txt"])
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            expected,
            "{glossary}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn nfd_text_is_repaired_like_nfc_text() {
    use unicode_normalization::UnicodeNormalization;
    let engine = crate::engine();
    for entry in fs::read_dir(crate::root().join("tests/corpus")).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        let nfd: String = text.nfd().collect();
        let fixed_nfd = crate::fix(&engine, &nfd).text;
        let fixed_nfc = crate::fix(&engine, &text).text;
        assert_eq!(fixed_nfd.nfc().collect::<String>(), fixed_nfc, "same repairs in NFD");
        assert_eq!(crate::fix(&engine, &fixed_nfd).text, fixed_nfd, "idempotent in NFD too");
    }
}

#[test]
fn ctrl_c_on_a_folder_stops_cleanly_every_file_done_or_untouched() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..200 {
        fs::write(dir.path().join(format!("a{i:03}.txt")), ARTIFACT).unwrap();
    }
    let child = Command::new(env!("CARGO_BIN_EXE_glossfix"))
        .current_dir(dir.path())
        .arg("--glossary")
        .arg(crate::root().join("tests/corpus/glossary.toml"))
        .args(["--jobs", "2", "--pause-before-rename=200", "fix", "--write", "."])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for_temporary(dir.path());
    std::thread::sleep(Duration::from_millis(300));
    signal(&child, "INT");
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", String::from_utf8_lossy(&out.stderr));
    let mut done = 0;
    for i in 0..200 {
        let text = fs::read_to_string(dir.path().join(format!("a{i:03}.txt"))).unwrap();
        assert!(text == ARTIFACT || text == REPAIRED, "a{i:03}.txt is half-written: {text:?}");
        done += usize::from(text == REPAIRED);
    }
    assert!(done < 200, "stopped before the end ({done} files done)");
    assert!(temporaries(dir.path()).is_empty(), "no temporary file left behind");
}

#[test]
fn folders_are_walked_with_ignore_files_excludes_and_any_case_extensions() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for (path, text) in [
        ("articles/A.TXT", ARTIFACT),
        ("articles/b.Md", ARTIFACT),
        ("articles/c.markdown", ARTIFACT),
        ("articles/photo.png", "not text"),
        ("articles/drafts/d.txt", ARTIFACT),
        ("articles/old/e.txt", ARTIFACT),
        ("articles/.gitignore", "drafts/\n"),
        ("empty/.keep", ""),
    ] {
        let path = root.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    let listed = |args: &[&str]| -> (Vec<String>, String) {
        let out = glossfix(root, args);
        let mut files: Vec<String> =
            String::from_utf8(out.stdout).unwrap().lines().map(|l| l.split(':').next().unwrap().to_string()).collect();
        files.dedup();
        (files, String::from_utf8(out.stderr).unwrap())
    };
    // Extensions in any case; .gitignore respected; the other file counted in a note.
    let (files, stderr) = listed(&["fix", "--check", "articles"]);
    assert_eq!(files, ["articles/A.TXT", "articles/b.Md", "articles/c.markdown", "articles/old/e.txt"]);
    assert!(stderr.contains("note: articles: 1 other file passed over (not .txt, .md or .markdown)"), "{stderr}");
    // --no-ignore walks what .gitignore leaves out; --exclude leaves paths out, repeatable.
    let (files, _) =
        listed(&["--no-ignore", "--exclude", "old/", "--exclude", "*.markdown", "fix", "--check", "articles"]);
    assert_eq!(files, ["articles/A.TXT", "articles/b.Md", "articles/drafts/d.txt"]);
    // A folder with no article says so.
    let (files, stderr) = listed(&["fix", "--check", "empty"]);
    assert!(files.is_empty());
    assert!(stderr.contains("note: empty: no .txt, .md or .markdown file here"), "{stderr}");
}
