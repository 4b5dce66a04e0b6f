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
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for FileError {}

fn error(path: &Path, message: impl Into<String>) -> FileError {
    FileError { path: path.to_path_buf(), message: message.into() }
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
        if path.is_dir() {
            walk(&path, files, errors);
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
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let permissions = fs::metadata(path).map_err(|e| error(path, describe_io_error(&e)))?.permissions();
    if permissions.readonly() {
        return Err(error(path, "is read-only; not written"));
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
        fs::rename(&temp, path).map_err(|e| describe_io_error(&e))
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&temp);
        error(path, format!("could not write: {e}"))
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
