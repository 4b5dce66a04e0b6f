//! Reading articles, walking folders and writing files atomically.
//!
//! Nothing here prints: errors come back as values naming the file.

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A file that could not be read or written, with what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong, in one line.
    pub message: String,
    /// Not an error, a file passed over on purpose (a binary file): reported as a note.
    pub skipped: bool,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for FileError {}

fn error(path: &Path, message: impl Into<String>) -> FileError {
    FileError { path: path.to_path_buf(), message: message.into(), skipped: false }
}

/// Set when the user asks glossfix to stop (Ctrl-C, SIGTERM): writes in progress are
/// abandoned before their rename, so no file is left half-written.
pub static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn interrupted() -> bool {
    INTERRUPTED.load(std::sync::atomic::Ordering::Relaxed)
}

/// What a file looked like when it was read: its size and modification time. A file whose
/// stamp differs at write time changed under glossfix's feet and is not overwritten.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
}

impl Stamp {
    /// The stamp of `path` now.
    pub fn of(path: &Path) -> Result<Self, FileError> {
        let meta = fs::metadata(path).map_err(|e| error(path, describe_io_error(&e)))?;
        Ok(Stamp { len: meta.len(), modified: meta.modified().ok() })
    }
}

/// A one-line description of an I/O error, without the OS error number.
pub fn describe_io_error(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "is a directory".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}

/// Decodes `bytes` as UTF-8, or says where the first invalid byte is.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, FileError> {
    // A NUL byte in the first 8 KiB: a binary file, passed over (as ripgrep does).
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(FileError { skipped: true, ..error(path, "binary file (NUL bytes): skipped") });
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        error(path, format!("not UTF-8: invalid byte 0x{:02X} at offset {offset}", e.as_bytes()[offset]))
    })
}

/// Reads a text file: a missing file, a folder, or bytes that are not UTF-8 are errors.
pub fn read_text(path: &Path) -> Result<String, FileError> {
    if path.is_dir() {
        return Err(error(path, "is a directory, not a file"));
    }
    let bytes = fs::read(path).map_err(|e| error(path, describe_io_error(&e)))?;
    decode(path, bytes)
}

/// The files to process for `paths`: files as given, folders walked (sorted, hidden
/// entries skipped) for `*.txt` and `*.md`. A path that does not exist is an error; the
/// others are still listed.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut files, &mut errors);
        } else if path.exists() {
            files.push(path.clone());
        } else {
            errors.push(error(path, "no such file or folder"));
        }
    }
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<FileError>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return errors.push(error(dir, describe_io_error(&e))),
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        // Symbolic links to folders are not walked (no cycles); links to files are
        // followed like files.
        let link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        if path.is_dir() {
            if !link {
                walk(&path, files, errors);
            }
        } else if path.extension().is_some_and(|e| e == "txt" || e == "md") {
            files.push(path);
        }
    }
}

/// Replaces the contents of `path` atomically: writes a temporary file in the same
/// folder, flushes it to disk, gives it the original's permissions, then renames it over
/// the original. On any error the temporary file is removed and the original is intact.
pub fn write_atomic(path: &Path, contents: &str) -> Result<(), FileError> {
    write_atomic_from(path, |out: &mut dyn Write| out.write_all(contents.as_bytes()).map(|()| true))
}

/// Removes temporary files a killed glossfix left beside `path`
/// (`.NAME.glossfix-PID.tmp` whose process is gone).
fn remove_stale_temporaries(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else { return };
    let prefix = format!(".{name}.glossfix-");
    let Ok(entries) = fs::read_dir(if dir.as_os_str().is_empty() { Path::new(".") } else { dir }) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)).and_then(|r| r.strip_suffix(".tmp"))
        else {
            continue;
        };
        let alive = pid
            .parse::<u32>()
            .is_ok_and(|pid| pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists());
        if !alive {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// A pause before the rename, for the tests that interrupt or race a write
/// (`GLOSSFIX_TEST_PAUSE_MS`).
fn pause_for_tests() {
    if let Some(ms) = std::env::var("GLOSSFIX_TEST_PAUSE_MS").ok().and_then(|v| v.parse().ok()) {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

/// Files larger than this (64 MiB; `GLOSSFIX_STREAM_BYTES` overrides it) are read,
/// processed and written in chunks.
pub fn stream_threshold() -> u64 {
    env_bytes("GLOSSFIX_STREAM_BYTES").unwrap_or(64 << 20)
}

/// Chunks of this size (4 MiB; `GLOSSFIX_CHUNK_BYTES` overrides it) or a little more,
/// up to the next paragraph break.
pub fn chunk_size() -> usize {
    env_bytes("GLOSSFIX_CHUNK_BYTES").map_or(4 << 20, |b| b as usize)
}

fn env_bytes(name: &str) -> Option<u64> {
    std::env::var(name).ok()?.parse().ok().filter(|&b| b > 0)
}

/// Reads a large file in chunks of about [`chunk_size`] bytes, each ending at a paragraph
/// break (a blank line) or, failing one within another chunk's length, at a line break;
/// so no chunk splits a line or a UTF-8 character. Yields `(byte offset, text)`.
pub struct Chunks {
    reader: io::BufReader<fs::File>,
    path: PathBuf,
    offset: u64,
    size: usize,
    done: bool,
}

impl Chunks {
    /// Opens `path` for chunked reading.
    pub fn open(path: &Path) -> Result<Self, FileError> {
        let file = fs::File::open(path).map_err(|e| error(path, describe_io_error(&e)))?;
        Ok(Chunks {
            reader: io::BufReader::with_capacity(1 << 20, file),
            path: path.to_path_buf(),
            offset: 0,
            size: chunk_size(),
            done: false,
        })
    }
}

impl Iterator for Chunks {
    type Item = Result<(u64, String), FileError>;

    fn next(&mut self) -> Option<Self::Item> {
        use io::{BufRead, Read};
        if self.done {
            return None;
        }
        let mut bytes = Vec::with_capacity(self.size + 4096);
        let read = (&mut self.reader).take(self.size as u64).read_to_end(&mut bytes);
        if let Err(e) = read {
            self.done = true;
            return Some(Err(error(&self.path, describe_io_error(&e))));
        }
        if bytes.len() < self.size {
            self.done = true;
        } else {
            // Extend to a paragraph break, or at worst to the end of the line.
            let limit = bytes.len() + self.size;
            loop {
                let before = bytes.len();
                match self.reader.read_until(b'\n', &mut bytes) {
                    Ok(0) => {
                        self.done = true;
                        break;
                    }
                    Ok(_) => {
                        let blank = bytes[before..].iter().all(|b| b.is_ascii_whitespace());
                        if blank || bytes.len() >= limit {
                            break;
                        }
                    }
                    Err(e) => {
                        self.done = true;
                        return Some(Err(error(&self.path, describe_io_error(&e))));
                    }
                }
            }
        }
        if bytes.is_empty() {
            return None;
        }
        let offset = self.offset;
        self.offset += bytes.len() as u64;
        Some(String::from_utf8(bytes).map(|text| (offset, text)).map_err(|e| {
            let at = offset + e.utf8_error().valid_up_to() as u64;
            let byte = e.as_bytes()[e.utf8_error().valid_up_to()];
            self.done = true;
            error(&self.path, format!("not UTF-8: invalid byte 0x{byte:02X} at offset {at}"))
        }))
    }
}

/// Writes `path` from pieces produced one after another, atomically: a temporary file in
/// the same folder, synced, given the original's permissions, renamed over it. `pieces`
/// says whether the result replaces the original (`false`: nothing changed, the original
/// is left untouched). The original is untouched if anything fails.
pub fn write_atomic_from<E: std::fmt::Display>(
    path: &Path,
    pieces: impl FnOnce(&mut dyn Write) -> Result<bool, E>,
) -> Result<(), FileError> {
    write_checked(path, None, pieces)
}

/// Like [`write_atomic_from`], refusing to replace the file if its [`Stamp`] is no
/// longer `read_at` (it changed while glossfix worked on it).
pub fn write_atomic_unless_changed(path: &Path, contents: &str, read_at: Stamp) -> Result<(), FileError> {
    write_checked(path, Some(read_at), |out: &mut dyn Write| out.write_all(contents.as_bytes()).map(|()| true))
}

fn write_checked<E: std::fmt::Display>(
    path: &Path,
    read_at: Option<Stamp>,
    pieces: impl FnOnce(&mut dyn Write) -> Result<bool, E>,
) -> Result<(), FileError> {
    // Through a symbolic link, the file it points to is rewritten and the link kept.
    // Messages name the file as it was given.
    let shown = path;
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let real = if is_link { fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()) } else { path.to_path_buf() };
    let path = real.as_path();
    remove_stale_temporaries(path);
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let permissions = fs::metadata(path).map_err(|e| error(shown, describe_io_error(&e)))?.permissions();
    if permissions.readonly() {
        return Err(error(shown, "is read-only; not written"));
    }
    let temp = dir.join(format!(".{name}.glossfix-{}.tmp", std::process::id()));
    let result = (|| -> Result<(), String> {
        let file =
            fs::OpenOptions::new().write(true).create_new(true).open(&temp).map_err(|e| describe_io_error(&e))?;
        let mut writer = io::BufWriter::new(file);
        if !pieces(&mut writer).map_err(|e| e.to_string())? {
            drop(writer);
            let _ = fs::remove_file(&temp);
            return Ok(());
        }
        let file = writer.into_inner().map_err(|e| describe_io_error(e.error()))?;
        file.set_permissions(permissions).map_err(|e| describe_io_error(&e))?;
        file.sync_all().map_err(|e| describe_io_error(&e))?;
        pause_for_tests();
        if interrupted() {
            return Err("interrupted".into());
        }
        if read_at.is_some_and(|stamp| Stamp::of(path).ok() != Some(stamp)) {
            return Err("the file changed while glossfix was working on it; not written".into());
        }
        fs::rename(&temp, path).map_err(|e| describe_io_error(&e))
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&temp);
        error(shown, format!("could not write: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_names_the_offset() {
        let e = decode(Path::new("a.txt"), b"ab\xffcd".to_vec()).unwrap_err();
        assert_eq!(e.to_string(), "a.txt: not UTF-8: invalid byte 0xFF at offset 2");
    }
}
