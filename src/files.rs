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
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let permissions = fs::metadata(path).map_err(|e| error(path, describe_io_error(&e)))?.permissions();
    if permissions.readonly() {
        return Err(error(path, "is read-only; not written"));
    }
    let temp = dir.join(format!(".{name}.glossfix-{}.tmp", std::process::id()));
    let result = (|| -> io::Result<()> {
        let mut file = fs::OpenOptions::new().write(true).create_new(true).open(&temp)?;
        file.write_all(contents.as_bytes())?;
        file.set_permissions(permissions)?;
        file.sync_all()?;
        fs::rename(&temp, path)
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&temp);
        error(path, format!("could not write: {}", describe_io_error(&e)))
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
