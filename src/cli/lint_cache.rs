//! Lint's answers for big glossaries, remembered between runs. Loading a glossary runs
//! lint on it (a refused glossary must never run), and lint runs every entry through the
//! engine: for an imported 40,000-entry glossary that is two thirds of the load, half a
//! second on every run. So once a glossary set has loaded, its warnings are kept in a
//! file named by a fingerprint of everything lint's answer depends on — this build of
//! glossfix, and each file's name and text, in order — and a later run with the same
//! fingerprint reads them instead of linting again.
//!
//! - Only sets of at least [`THRESHOLD`] bytes are remembered (smaller ones lint in
//!   milliseconds), and only sets that loaded: a refused glossary is linted every time.
//! - Where: `$GLOSSFIX_CACHE_DIR`, else `$XDG_CACHE_HOME/glossfix`, else
//!   `$HOME/.cache/glossfix`. `--no-cache` or an empty `GLOSSFIX_CACHE_DIR` turns it off.
//! - An unreadable, damaged or foreign file is a miss (lint runs and the file is
//!   rewritten); a cache that cannot be written is silently not used. Files are written
//!   whole (a temporary file, then a rename) and at most [`KEPT`] are kept, the least
//!   recently written removed first.

use crate::cli::write::{WriteOptions, write_atomic};
use glossfix_maintain::lint::{Problem, ProblemKind, lint};
use glossfix_maintain::load::{LoadError, Loaded, ParsedFile, digest, load_parsed_with};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// Glossary sets smaller than this (bytes of TOML, every file together) are linted at
/// every run.
pub const THRESHOLD: usize = 64 * 1024;

/// How many remembered answers a cache folder keeps.
pub const KEPT: usize = 64;

/// What the file format is; a file of another version is a miss.
const FORMAT: u32 = 1;

/// Set by `--no-cache`.
static OFF: AtomicBool = AtomicBool::new(false);

/// Turns the cache off for this process (`--no-cache`).
pub fn turn_off() {
    OFF.store(true, Ordering::Relaxed);
}

/// The cache folder, or `None` when the cache is off or has nowhere to go.
pub fn folder() -> Option<PathBuf> {
    if OFF.load(Ordering::Relaxed) {
        return None;
    }
    let env = |name: &str| std::env::var_os(name);
    match env("GLOSSFIX_CACHE_DIR") {
        Some(dir) if dir.is_empty() => None,
        Some(dir) => Some(PathBuf::from(dir)),
        None => env("XDG_CACHE_HOME")
            .filter(|d| !d.is_empty())
            .map(|d| PathBuf::from(d).join("glossfix"))
            .or_else(|| env("HOME").filter(|d| !d.is_empty()).map(|h| PathBuf::from(h).join(".cache/glossfix"))),
    }
}

/// One remembered lint problem (a warning: refused sets are never remembered).
#[derive(Serialize, Deserialize)]
struct Stored {
    offset: usize,
    file: String,
    line: usize,
    column: usize,
    kind: String,
    message: String,
}

/// A remembered answer.
#[derive(Serialize, Deserialize)]
struct Answer {
    format: u32,
    warnings: Vec<Stored>,
}

/// Loads `files` as [`glossfix_maintain::load::load_parsed`] does, taking lint's answer
/// from the cache folder when it holds one for exactly these files and this build, and
/// remembering a new answer there.
pub fn load(files: Vec<ParsedFile>) -> Result<Loaded, LoadError> {
    let size: usize = files.iter().map(|f| f.len).sum();
    let Some(dir) = folder().filter(|_| size >= THRESHOLD) else { return load_parsed_with(files, lint) };
    let path = dir.join(format!("lint-{:032x}.json", key(&files)));
    if let Some(warnings) = read(&path) {
        return load_parsed_with(files, |_| warnings);
    }
    let loaded = load_parsed_with(files, lint)?;
    write(&dir, &path, &loaded.warnings);
    Ok(loaded)
}

/// The fingerprint of what lint's answer depends on: this build (its version, and the
/// size and time of the executable, which change with every build) and each file.
fn key(files: &[ParsedFile]) -> u128 {
    let exe = std::env::current_exe().and_then(std::fs::metadata).ok();
    let built = exe.map(|m| {
        let time = m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).unwrap_or_default();
        format!("{} {}", m.len(), time.as_nanos())
    });
    let files: Vec<String> = files.iter().map(|f| format!("{:032x}", f.digest)).collect();
    let mut parts = vec![env!("CARGO_PKG_VERSION"), built.as_deref().unwrap_or("")];
    parts.extend(files.iter().map(String::as_str));
    digest(&parts)
}

/// The warnings remembered in `path`, if it holds a readable answer of this format.
fn read(path: &Path) -> Option<Vec<Problem>> {
    let text = std::fs::read_to_string(path).ok()?;
    let answer: Answer = serde_json::from_str(&text).ok()?;
    if answer.format != FORMAT {
        return None;
    }
    answer
        .warnings
        .into_iter()
        .map(|s| {
            let kind = ProblemKind::from_id(&s.kind)?;
            let severity = kind.severity();
            Some(Problem {
                offset: s.offset,
                file: s.file,
                line: s.line,
                column: s.column,
                severity,
                kind,
                message: s.message,
            })
        })
        .collect()
}

/// Remembers `warnings` in `path` (whole, or not at all), then keeps the folder to
/// [`KEPT`] answers. Failures are ignored: the cache only saves time.
fn write(dir: &Path, path: &Path, warnings: &[Problem]) {
    let answer = Answer {
        format: FORMAT,
        warnings: warnings
            .iter()
            .map(|p| Stored {
                offset: p.offset,
                file: p.file.clone(),
                line: p.line,
                column: p.column,
                kind: p.kind.as_str().to_string(),
                message: p.message.clone(),
            })
            .collect(),
    };
    let Ok(json) = serde_json::to_string(&answer) else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    // The writer `fix --write` uses: a temporary file renamed over the answer, and the
    // temporaries of killed runs cleared.
    if write_atomic(path, &json, None, &WriteOptions::default()).is_ok() {
        prune(dir);
    }
}

/// Removes the least recently written answers beyond [`KEPT`].
fn prune(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut answers: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("lint-"))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    if answers.len() <= KEPT {
        return;
    }
    answers.sort();
    for (_, path) in &answers[..answers.len() - KEPT] {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_keeps_the_most_recently_written_answers() {
        let dir = tempfile::tempdir().unwrap();
        let epoch = std::time::UNIX_EPOCH;
        for i in 0..KEPT + 5 {
            let file = std::fs::File::create(dir.path().join(format!("lint-{i:03}.json"))).unwrap();
            file.set_modified(epoch + std::time::Duration::from_secs(1_000_000 + i as u64)).unwrap();
        }
        std::fs::write(dir.path().join("other.txt"), "not an answer").unwrap();
        prune(dir.path());
        let mut left: Vec<String> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        left.sort();
        assert_eq!(left.len(), KEPT + 1);
        assert_eq!(left[0], "lint-005.json"); // the five oldest are gone
        assert!(left.contains(&"other.txt".to_string()));
    }

    #[test]
    fn an_answer_reads_back_as_it_was_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lint-x.json");
        let warning = Problem {
            offset: 7,
            file: "g.toml".into(),
            line: 2,
            column: 8,
            severity: ProblemKind::Chain.severity(),
            kind: ProblemKind::Chain,
            message: "a \"quoted\"\nmessage".into(),
        };
        write(dir.path(), &path, std::slice::from_ref(&warning));
        assert_eq!(read(&path), Some(vec![warning]));
        // Another format, or an unknown kind: a miss.
        for text in [
            r#"{"format":2,"warnings":[]}"#,
            r#"{"format":1,"warnings":[{"offset":0,"file":"g","line":1,"column":1,"kind":"nope","message":""}]}"#,
        ] {
            std::fs::write(&path, text).unwrap();
            assert_eq!(read(&path), None, "{text}");
        }
    }
}
