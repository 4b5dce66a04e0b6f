//! Writing files atomically: a temporary file in the same folder, synced, given the
//! original's permissions, renamed over it. The original is untouched when anything
//! fails, when the user interrupts, or when the file changed while glossfix worked on it.

use crate::cli::input::{FileError, Stamp, describe_io_error};
use crate::cli::interrupt::Interrupt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How writes behave beyond the defaults (the tests race and interrupt writes).
#[derive(Clone, Debug, Default)]
pub struct WriteOptions {
    /// Stop before the rename if this is set.
    pub interrupt: Interrupt,
    /// Wait this long before the rename (hidden `--pause-before-rename`, for the tests).
    pub pause: Option<Duration>,
}

/// A replacement for a file, written piece by piece into a temporary file beside it and
/// renamed over it by [`AtomicWrite::commit`]; dropped uncommitted, it removes the
/// temporary file and leaves the original as it was.
pub struct AtomicWrite {
    /// The file as given, for messages.
    shown: PathBuf,
    /// The file written (the target of a symbolic link).
    target: PathBuf,
    temp: PathBuf,
    writer: Option<io::BufWriter<fs::File>>,
    /// The original's permissions (`None`: a new file, made with the default ones).
    permissions: Option<fs::Permissions>,
    read_at: Option<Stamp>,
}

impl AtomicWrite {
    /// Starts replacing `path`; `read_at` is its stamp when it was read (it is not
    /// replaced if that changed).
    pub fn start(path: &Path, read_at: Option<Stamp>) -> Result<Self, FileError> {
        // Through a symbolic link, the file it points to is rewritten and the link kept.
        let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        let target =
            if is_link { fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()) } else { path.to_path_buf() };
        remove_stale_temporaries(&target);
        // A file that does not exist yet (a new snapshot) is created by the rename.
        let permissions = match fs::metadata(&target) {
            Ok(m) => Some(m.permissions()),
            Err(e) if e.kind() == io::ErrorKind::NotFound && read_at.is_none() => None,
            Err(e) => return Err(FileError::new(path, describe_io_error(&e))),
        };
        if permissions.as_ref().is_some_and(fs::Permissions::readonly) {
            return Err(FileError::new(path, "is read-only; not written"));
        }
        let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let temp = dir.join(format!(".{name}.glossfix-{}.tmp", std::process::id()));
        let file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .map_err(|e| FileError::new(path, format!("could not write: {}", describe_io_error(&e))))?;
        Ok(AtomicWrite {
            shown: path.to_path_buf(),
            target,
            temp,
            writer: Some(io::BufWriter::new(file)),
            permissions,
            read_at,
        })
    }

    fn failed(&self, message: impl std::fmt::Display) -> FileError {
        FileError::new(&self.shown, format!("could not write: {message}"))
    }

    /// Appends `text` to the replacement.
    pub fn write(&mut self, text: &str) -> Result<(), FileError> {
        let writer = self.writer.as_mut().expect("not committed");
        writer
            .write_all(text.as_bytes())
            .map_err(|e| FileError::new(&self.shown, format!("could not write: {}", describe_io_error(&e))))
    }

    /// Replaces the file with what was written: flushed, synced, given the original's
    /// permissions, renamed over it; unless the user interrupted or the file changed.
    pub fn commit(mut self, options: &WriteOptions) -> Result<(), FileError> {
        let writer = self.writer.take().expect("not committed");
        let file = writer.into_inner().map_err(|e| self.failed(describe_io_error(e.error())))?;
        if let Some(permissions) = &self.permissions {
            file.set_permissions(permissions.clone()).map_err(|e| self.failed(describe_io_error(&e)))?;
        }
        file.sync_all().map_err(|e| self.failed(describe_io_error(&e)))?;
        drop(file);
        if let Some(pause) = options.pause {
            std::thread::sleep(pause);
        }
        if options.interrupt.requested() {
            return Err(self.failed("interrupted"));
        }
        if self.read_at.is_some_and(|stamp| Stamp::of(&self.target).ok() != Some(stamp)) {
            return Err(self.failed("the file changed while glossfix was working on it; not written"));
        }
        fs::rename(&self.temp, &self.target).map_err(|e| self.failed(describe_io_error(&e)))
    }
}

impl Drop for AtomicWrite {
    fn drop(&mut self) {
        // Uncommitted, or a failed commit: the temporary file goes; a committed one has
        // been renamed away already.
        let _ = fs::remove_file(&self.temp);
    }
}

/// Replaces `path` with `contents` atomically (see [`AtomicWrite`]).
pub fn write_atomic(
    path: &Path,
    contents: &str,
    read_at: Option<Stamp>,
    options: &WriteOptions,
) -> Result<(), FileError> {
    let mut write = AtomicWrite::start(path, read_at)?;
    write.write(contents)?;
    write.commit(options)
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
