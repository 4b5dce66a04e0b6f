//! Inputs: standard input or files, folders walked, text read and checked for UTF-8, and
//! large inputs read in chunks that end at paragraph breaks.

use std::fmt;
use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

/// A file that could not be read or written, with what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The file, as given.
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

impl FileError {
    /// An error about `path`.
    pub fn new(path: &Path, message: impl Into<String>) -> Self {
        FileError { path: path.to_path_buf(), message: message.into(), skipped: false }
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

/// One input: standard input, or a file.
#[derive(Debug, Clone)]
pub enum Input {
    /// Standard input (`-`, or no path).
    Stdin,
    /// A file, as given or found in a walked folder.
    File(PathBuf),
}

impl Input {
    /// How messages name it.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".into(),
            Input::File(p) => p.display().to_string(),
        }
    }

    /// The path shown in errors.
    pub fn path(&self) -> &Path {
        match self {
            Input::Stdin => Path::new("-"),
            Input::File(p) => p,
        }
    }
}

/// What a file looked like when it was read: its size and modification time. A file
/// whose stamp differs at write time changed under glossfix's feet and is not
/// overwritten.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
}

impl Stamp {
    /// The stamp of `path` now.
    pub fn of(path: &Path) -> Result<Self, FileError> {
        let meta = fs::metadata(path).map_err(|e| FileError::new(path, describe_io_error(&e)))?;
        Ok(Stamp { len: meta.len(), modified: meta.modified().ok() })
    }
}

/// Decodes `bytes` as UTF-8, or says where the first invalid byte is; `offset` is where
/// they start in the input.
pub fn decode(path: &Path, bytes: Vec<u8>, offset: u64) -> Result<String, FileError> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let byte = e.as_bytes()[at];
        FileError::new(path, format!("not UTF-8: invalid byte 0x{byte:02X} at offset {}", offset + at as u64))
    })
}

/// A NUL byte anywhere in the input: not text. In the first piece of a file it is a
/// binary file, passed over with a note where files are walked (as ripgrep does), and
/// refused where the output replaces the input; in a later piece of a large file it is
/// an error (what came before was text, the rest is not processed).
fn binary(path: &Path, bytes: &[u8], offset: u64) -> Result<(), FileError> {
    if let Some(at) = memchr::memchr(0, bytes) {
        let at = offset + at as u64;
        if offset == 0 {
            let message = format!("binary file (a NUL byte at offset {at}): skipped");
            return Err(FileError { skipped: true, ..FileError::new(path, message) });
        }
        return Err(FileError::new(path, format!("a NUL byte at offset {at}: not text; the file was left as it was")));
    }
    Ok(())
}

/// Reads a whole text file: a missing file, a folder, a binary file or bytes that are
/// not UTF-8 are errors.
pub fn read_text(path: &Path) -> Result<String, FileError> {
    if path.is_dir() {
        return Err(FileError::new(path, "is a directory, not a file"));
    }
    let bytes = fs::read(path).map_err(|e| FileError::new(path, describe_io_error(&e)))?;
    binary(path, &bytes, 0)?;
    decode(path, bytes, 0)
}

/// How folders are walked.
#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    /// Walk what `.gitignore`, `.ignore` and `.git/info/exclude` leave out too.
    pub no_ignore: bool,
    /// Globs of paths to leave out (`--exclude`), matched as `.gitignore` lines are.
    pub exclude: Vec<String>,
}

/// The extensions of the files a folder walk takes, compared without regard to case.
const EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// What a walk found besides the files: errors, and notes for stderr.
#[derive(Debug, Default)]
pub struct Walked {
    /// Paths that could not be read.
    pub errors: Vec<FileError>,
    /// One line each: a folder that yielded no file, and the files passed over and why.
    pub notes: Vec<String>,
}

/// The files to process for `paths`: stdin for none or `-`; files as given; folders
/// walked with the `ignore` crate (ripgrep's walker), sorted, hidden entries and what
/// `.gitignore`/`.ignore` exclude left out (unless `no_ignore`), `--exclude` globs
/// applied, for `*.txt`, `*.md` and `*.markdown` in any case. A path that does not exist
/// is an error; the others are still listed.
pub fn collect(paths: &[PathBuf], options: &WalkOptions) -> (Vec<Input>, Walked) {
    let mut walked = Walked::default();
    if paths.is_empty() || (paths.len() == 1 && paths[0].as_os_str() == "-") {
        return (vec![Input::Stdin], walked);
    }
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, options, &mut files, &mut walked);
        } else if path.exists() {
            files.push(path.clone());
        } else {
            walked.errors.push(FileError::new(path, "no such file or folder"));
        }
    }
    (files.into_iter().map(Input::File).collect(), walked)
}

fn walk(dir: &Path, options: &WalkOptions, files: &mut Vec<PathBuf>, walked: &mut Walked) {
    let mut overrides = ignore::overrides::OverrideBuilder::new(dir);
    for glob in &options.exclude {
        if let Err(e) = overrides.add(&format!("!{glob}")) {
            walked.errors.push(FileError::new(dir, format!("--exclude {glob:?}: {e}")));
            return;
        }
    }
    let overrides = match overrides.build() {
        Ok(o) => o,
        Err(e) => return walked.errors.push(FileError::new(dir, format!("--exclude: {e}"))),
    };
    let respect = !options.no_ignore;
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(true)
        .git_ignore(respect)
        .git_exclude(respect)
        .git_global(false)
        .ignore(respect)
        .parents(respect)
        .require_git(false)
        .follow_links(false)
        .overrides(overrides)
        .sort_by_file_path(|a, b| a.cmp(b))
        .build();
    let (mut taken, mut other) = (0usize, 0usize);
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                walked.errors.push(FileError::new(dir, e.to_string()));
                continue;
            }
        };
        let path = entry.path();
        // Symbolic links to folders are not walked (no cycles); links to files are
        // followed like files.
        if entry.depth() == 0 || path.is_dir() {
            continue;
        }
        let text = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)));
        if text && path.is_file() {
            files.push(path.to_path_buf());
            taken += 1;
        } else {
            other += 1;
        }
    }
    let shown = dir.display();
    if taken == 0 {
        walked.notes.push(format!("{shown}: no .txt, .md or .markdown file here"));
    }
    if other > 0 {
        let s = if other == 1 { "" } else { "s" };
        walked.notes.push(format!("{shown}: {other} other file{s} passed over (not .txt, .md or .markdown)"));
    }
}

/// How inputs are cut: whole up to `threshold` bytes, beyond that in chunks of about
/// `chunk` bytes.
#[derive(Debug, Clone, Copy)]
pub struct Cutting {
    /// Inputs larger than this are read in chunks.
    pub threshold: u64,
    /// The size of a chunk, extended to the next paragraph break.
    pub chunk: usize,
}

impl Cutting {
    /// Every input whole, whatever its size (for `--diff` and `--source`).
    pub const WHOLE: Cutting = Cutting { threshold: u64::MAX, chunk: usize::MAX };
}

/// One piece of an input's text: the whole of it, or a chunk.
#[derive(Debug)]
pub struct Piece {
    /// Where it starts in the input.
    pub offset: u64,
    /// Its text.
    pub text: String,
}

/// Reads an input piece by piece: the whole text when it is at most `cutting.threshold`
/// bytes long, otherwise chunks of about `cutting.chunk` bytes that end at a paragraph
/// break (a blank line) or, failing one within another chunk's length, at a line break,
/// so no chunk splits a line or a UTF-8 character.
pub struct Pieces {
    reader: Box<dyn BufRead + Send>,
    path: PathBuf,
    offset: u64,
    cutting: Cutting,
    /// Bytes read ahead while deciding whether the input is small.
    pending: Option<Vec<u8>>,
    /// The file's size when it is a file.
    size: Option<u64>,
    whole: bool,
    done: bool,
}

impl Pieces {
    /// Opens `input` for reading. A file's size says whether it is read whole;
    /// standard input is read up to the threshold to find out.
    pub fn open(input: &Input, cutting: Cutting) -> Result<Self, FileError> {
        let path = input.path().to_path_buf();
        let (reader, size): (Box<dyn BufRead + Send>, Option<u64>) = match input {
            Input::Stdin => (Box::new(io::BufReader::with_capacity(1 << 20, io::stdin())), None),
            Input::File(p) => {
                if p.is_dir() {
                    return Err(FileError::new(p, "is a directory, not a file"));
                }
                let file = fs::File::open(p).map_err(|e| FileError::new(p, describe_io_error(&e)))?;
                let size = file.metadata().map_err(|e| FileError::new(p, describe_io_error(&e)))?.len();
                (Box::new(io::BufReader::with_capacity(1 << 20, file)), Some(size))
            }
        };
        let mut pieces = Pieces { reader, path, offset: 0, cutting, pending: None, size, whole: false, done: false };
        match size {
            Some(size) => pieces.whole = size <= cutting.threshold,
            None => {
                let limit = cutting.threshold.saturating_add(1);
                // Reserved whole so the read does not double its buffer (pages not
                // written are not resident).
                let mut head = Vec::with_capacity(usize::try_from(limit).unwrap_or(usize::MAX).min(128 << 20));
                (&mut pieces.reader).take(limit).read_to_end(&mut head).map_err(|e| pieces.error(&e))?;
                pieces.whole = (head.len() as u64) < limit;
                pieces.pending = Some(head);
            }
        }
        Ok(pieces)
    }

    fn error(&self, e: &io::Error) -> FileError {
        FileError::new(&self.path, describe_io_error(e))
    }

    /// Reads more bytes into `bytes` until it is a chunk: about `chunk` bytes, then on
    /// to a paragraph break (or a line break). Returns true at the end of the input.
    fn fill(&mut self, bytes: &mut Vec<u8>) -> Result<bool, FileError> {
        let size = self.cutting.chunk;
        if bytes.len() < size {
            let want = (size - bytes.len()) as u64;
            let before = bytes.len();
            (&mut self.reader).take(want).read_to_end(bytes).map_err(|e| self.error(&e))?;
            if ((bytes.len() - before) as u64) < want {
                return Ok(true);
            }
        }
        // Extend to a paragraph break, or at worst to the end of the line; a line longer
        // than another chunk is cut inside, at the last sentence end or word break.
        let limit = bytes.len() + size;
        loop {
            let before = bytes.len();
            let room = (limit + 1).saturating_sub(before) as u64;
            match (&mut self.reader).take(room).read_until(b'\n', bytes) {
                Ok(0) => return Ok(true),
                Ok(_) if bytes.last() == Some(&b'\n') => {
                    let blank = bytes[before..].iter().all(|b| b.is_ascii_whitespace());
                    if blank || bytes.len() >= limit {
                        return Ok(false);
                    }
                }
                Ok(_) if bytes.len() > limit => {
                    // A line with no break within reach.
                    let cut = cut_inside_line(bytes, limit - size);
                    self.pending = Some(bytes.split_off(cut));
                    return Ok(false);
                }
                // The end of the input, without a final line break.
                Ok(_) => return Ok(true),
                Err(e) => return Err(self.error(&e)),
            }
        }
    }

    /// The next piece, or `None` after the last.
    pub fn next_piece(&mut self) -> Option<Result<Piece, FileError>> {
        if self.done {
            return None;
        }
        let result = self.read_piece();
        if result.is_err() {
            self.done = true;
        }
        result.transpose()
    }

    fn read_piece(&mut self) -> Result<Option<Piece>, FileError> {
        let mut bytes = self.pending.take().unwrap_or_default();
        self.done = if self.whole {
            // A file's size is known: read into one buffer of that size, not into one that
            // doubles (copying and touching fresh pages each time).
            bytes.reserve_exact(self.size.map_or(0, |size| usize::try_from(size).unwrap_or(0) + 1));
            self.reader.read_to_end(&mut bytes).map_err(|e| self.error(&e))?;
            true
        } else {
            // Read ahead from standard input, the head may hold several chunks: put it
            // back in front of the reader, which frees it once it has been read.
            if bytes.len() > self.cutting.chunk {
                let reader = std::mem::replace(&mut self.reader, Box::new(io::empty()));
                self.reader = Box::new(HeadThen { head: std::mem::take(&mut bytes), at: 0, rest: reader });
            }
            self.fill(&mut bytes)?
        };
        if self.offset > 0 && bytes.is_empty() {
            return Ok(None);
        }
        binary(&self.path, &bytes, self.offset)?;
        let offset = self.offset;
        self.offset += bytes.len() as u64;
        decode(&self.path, bytes, offset).map(|text| Some(Piece { offset, text }))
    }
}

/// Where to end a piece inside a line too long to end at its line break: after the last
/// sentence end (`.`, `!`, `?` or `…` then a space) past `from` where no quotation is
/// open, else after the last sentence end, else after the last space, else at the last
/// character boundary: a piece never splits a word when it can help it, nor a UTF-8
/// character, and the rules see whole sentences and quotations on both sides.
fn cut_inside_line(bytes: &[u8], from: usize) -> usize {
    // The tail may start and end inside a character: read the whole characters between.
    let mut start = from;
    while start < bytes.len() && (bytes[start] & 0xC0) == 0x80 {
        start += 1;
    }
    let text = match std::str::from_utf8(&bytes[start..]) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&bytes[start..start + e.valid_up_to()]).unwrap_or_default(),
    };
    let (mut depth, mut balanced, mut any) = (0i32, None, None);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '«' | '“' => depth += 1,
            '»' | '”' => depth = (depth - 1).max(0),
            '.' | '!' | '?' | '…' if chars.peek().is_some_and(|&(_, n)| n == ' ') => {
                let at = i + c.len_utf8() + 1;
                any = Some(at);
                if depth == 0 {
                    balanced = Some(at);
                }
            }
            _ => {}
        }
    }
    if let Some(at) = balanced.or(any) {
        return start + at;
    }
    let tail = &bytes[from..];
    if let Some(at) = tail.iter().rposition(|&b| b == b' ' || b == b'\t') {
        return from + at + 1;
    }
    // No space at all: the last character boundary (a byte that does not continue one).
    tail.iter().rposition(|&b| (b & 0xC0) != 0x80).map_or(bytes.len(), |at| from + at)
}

/// Bytes already read, then the rest of a reader. The bytes are freed as soon as they
/// have all been consumed, so a large head read from standard input does not stay in
/// memory for the whole run.
struct HeadThen {
    head: Vec<u8>,
    at: usize,
    rest: Box<dyn BufRead + Send>,
}

impl Read for HeadThen {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for HeadThen {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.at < self.head.len() { Ok(&self.head[self.at..]) } else { self.rest.fill_buf() }
    }

    fn consume(&mut self, n: usize) {
        if self.at < self.head.len() {
            self.at += n;
            if self.at >= self.head.len() {
                self.head = Vec::new();
                self.at = 0;
            }
        } else {
            self.rest.consume(n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::cut_inside_line;

    #[test]
    fn long_lines_are_cut_at_sentence_ends_then_spaces_then_characters() {
        // (bytes, where the extension starts, the piece it leaves)
        let cases: &[(&str, usize, &str)] = &[
            ("Un. Deux « trois. Quatre » cinq. Six", 2, "Un. Deux « trois. Quatre » cinq. "),
            ("Un. « Deux. Trois", 2, "Un. "),
            ("x « Un. Deux", 2, "x « Un. "),
            ("un deux trois", 2, "un deux "),
            ("undeuxtrois", 2, "undeuxtroi"),
            ("aaé", 2, "aa"),
        ];
        for (text, from, piece) in cases {
            let bytes = text.as_bytes();
            let cut = cut_inside_line(bytes, *from);
            assert_eq!(&text[..cut], *piece, "{text:?}");
        }
        // Never inside a character, whatever the bytes.
        let bytes = "ééé".as_bytes();
        assert_eq!(cut_inside_line(&bytes[..5], 1), 4);
    }
}

/// `--files-from FILE`: more paths, read from a file (`-`: standard input), separated by
/// NUL bytes when there is one (`find -print0`), else one per line.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct FilesFrom {
    /// Also process the paths listed in FILE (`-` for stdin), NUL-separated (find
    /// -print0) or one per line
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
}

impl FilesFrom {
    /// `paths` followed by the listed ones.
    pub fn paths(&self, paths: &[PathBuf]) -> Result<Vec<PathBuf>, FileError> {
        let mut all = paths.to_vec();
        let Some(list) = &self.files_from else { return Ok(all) };
        let mut bytes = Vec::new();
        let read = if list.as_os_str() == "-" {
            io::stdin().read_to_end(&mut bytes)
        } else {
            fs::File::open(list).and_then(|mut f| f.read_to_end(&mut bytes))
        };
        read.map_err(|e| FileError::new(list, describe_io_error(&e)))?;
        let separator = if bytes.contains(&0) { b'\0' } else { b'\n' };
        for entry in bytes.split(|&b| b == separator) {
            let entry = if separator == b'\n' { entry.strip_suffix(b"\r").unwrap_or(entry) } else { entry };
            if entry.is_empty() {
                continue;
            }
            let name = std::str::from_utf8(entry).map_err(|_| FileError::new(list, "a listed path is not UTF-8"))?;
            all.push(PathBuf::from(name));
        }
        Ok(all)
    }
}
