//! The `glossfix` command line: parses arguments, calls the library, prints.

use clap::{Args, Parser, Subcommand, ValueEnum};
use glossfix::files::{self, FileError, Stamp};
use glossfix::lines::LineIndex;
use glossfix::{Engine, Glossary, report, suggest};
use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

mod glossary_cmd;

/// Repair machine-translation artifacts in French news articles against a glossary.
#[derive(Parser)]
#[command(name = "glossfix", version, about, long_about = None)]
struct Cli {
    /// Glossary to use [default: glossary.toml in this folder or the nearest parent,
    /// else the glossary built into glossfix]
    #[arg(long, global = true, value_name = "FILE")]
    glossary: Option<PathBuf>,
    /// Files processed at once [default: the number of cores]
    #[arg(long, global = true, value_name = "N")]
    jobs: Option<usize>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Repair files: one file or stdin to stdout, or many with --write, --diff or --check
    Fix(FixArgs),
    /// Report every finding, including those fix cannot repair safely
    Check(CheckArgs),
    /// Propose glossary entries (English leaks, name spellings) from articles, as TOML
    Suggest(SuggestArgs),
    /// Align an article with its English source, sentence by sentence
    Align(AlignArgs),
    /// Maintain the glossary: lint, fmt, add, add-term, stats, import, export
    #[command(subcommand)]
    Glossary(glossary_cmd::GlossaryCommand),
}

#[derive(Args)]
struct AlignArgs {
    /// The English source
    source: PathBuf,
    /// The French article
    target: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = AlignFormat::Tsv)]
    format: AlignFormat,
}

#[derive(Clone, Copy, ValueEnum)]
enum AlignFormat {
    /// source, target, score; a group's sentences joined with ` ~~~ ` (as hunalign)
    Tsv,
    /// One object per group, with sentence indices
    Json,
    /// A TMX 1.4 translation memory
    Tmx,
}

#[derive(Args)]
struct SuggestArgs {
    /// Files or folders (folders are walked for *.txt and *.md); `-` or none for stdin
    paths: Vec<PathBuf>,
}

#[derive(Args)]
struct FixArgs {
    /// Files or folders (folders are walked for *.txt and *.md); `-` or none for stdin
    paths: Vec<PathBuf>,
    /// Rewrite the files in place (atomically; untouched when nothing changes)
    #[arg(short, long, conflicts_with_all = ["diff", "check"])]
    write: bool,
    /// Print a unified diff of the repairs instead of the repaired text
    #[arg(long)]
    diff: bool,
    /// Change nothing; list the repairs and exit 1 when something would change
    #[arg(long)]
    check: bool,
    /// Also apply unsure fixes: English leaks get their first French candidate, name
    /// near-misses their canonical form (review the result)
    #[arg(long = "unsafe")]
    unsafe_fixes: bool,
    /// The English source of the article: also make the repairs it makes certain
    #[arg(long, value_name = "FILE")]
    source: Option<PathBuf>,
}

#[derive(Args)]
struct CheckArgs {
    /// Files or folders (folders are walked for *.txt and *.md); `-` or none for stdin
    paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// The English source of the article: also check the translation against it
    #[arg(long, value_name = "FILE")]
    source: Option<PathBuf>,
}

/// What one streamed chunk produced: its output, whether it had findings or changes, and
/// how many repairs were made.
type ChunkOutput = (String, bool, usize);

/// What a large file is streamed for.
#[derive(Clone, Copy)]
enum Stream {
    Check(Format),
    Fix,
    FixCheck,
    Write,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// `path:line:column: rule: message (-> replacement)`
    Text,
    /// One JSON object per finding, one per line
    Json,
}

/// Exit codes: nothing found, findings or changes remain, error.
const OK: u8 = 0;
const FOUND: u8 = 1;
const ERROR: u8 = 2;

/// Exit code after Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).
const INTERRUPTED: u8 = 130;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Ctrl-C and SIGTERM: finish or abandon the file in hand, write nothing half-done.
    let _ = ctrlc::set_handler(|| files::INTERRUPTED.store(true, Ordering::Relaxed));
    let command = match cli.command {
        Command::Glossary(command) => return ExitCode::from(glossary_cmd::run(command, cli.glossary.as_deref())),
        other => other,
    };
    let glossary = match load_glossary(cli.glossary.as_deref()) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("glossfix: error: {e}");
            return ExitCode::from(ERROR);
        }
    };
    let glossary_path = glossary.path.clone();
    let engine = Engine::new(glossary);
    let jobs = cli.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let mut run = Run { engine, glossary_path, jobs, errors: false, found: false, out: io::stdout().lock() };
    let result = match command {
        Command::Fix(args) => run.fix(&args),
        Command::Check(args) => run.check(&args),
        Command::Suggest(args) => run.suggest(&args),
        Command::Align(args) => run.align(&args),
        Command::Glossary(_) => unreachable!("handled above"),
    };
    let written = result.and_then(|()| run.out.flush());
    // A closed pipe (`glossfix check | head`) is not an error.
    if let Some(e) = written.err().filter(|e| e.kind() != io::ErrorKind::BrokenPipe) {
        eprintln!("glossfix: error: writing output: {e}");
        return ExitCode::from(ERROR);
    }
    if files::INTERRUPTED.load(Ordering::Relaxed) {
        eprintln!("glossfix: interrupted; every file is either done or untouched");
        return ExitCode::from(INTERRUPTED);
    }
    ExitCode::from(if run.errors {
        ERROR
    } else if run.found {
        FOUND
    } else {
        OK
    })
}

/// `--glossary FILE`, else `glossary.toml` here or in the nearest parent, else built in.
/// Lint warnings of the glossary are printed to stderr.
fn load_glossary(explicit: Option<&Path>) -> Result<Glossary, String> {
    let glossary = match explicit.map(Path::to_path_buf).or_else(discover_glossary) {
        Some(path) => Glossary::load(&path).map_err(|e| e.to_string())?,
        None => Glossary::default_glossary(),
    };
    for warning in &glossary.warnings {
        eprintln!("glossfix: warning: {}:{warning}", glossary.path);
    }
    Ok(glossary)
}

/// `glossary.toml` in the current folder or the nearest parent, shown relative to it.
fn discover_glossary() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    let found = cwd.ancestors().map(|dir| dir.join("glossary.toml")).find(|c| c.is_file())?;
    Some(pathdiff(&found, &cwd))
}

/// `candidate` relative to `cwd` when it is in `cwd` or a parent of it, for short messages.
fn pathdiff(candidate: &Path, cwd: &Path) -> PathBuf {
    let Some(dir) = candidate.parent() else {
        return candidate.to_path_buf();
    };
    match cwd.strip_prefix(dir) {
        Ok(rest) => {
            let ups = rest.components().count();
            let mut p = PathBuf::new();
            for _ in 0..ups {
                p.push("..");
            }
            p.join("glossary.toml")
        }
        Err(_) => candidate.to_path_buf(),
    }
}

/// One input: a file, or standard input.
enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    fn name(&self) -> String {
        match self {
            Input::Stdin => "-".into(),
            Input::File(p) => p.display().to_string(),
        }
    }

    /// The text, and for a file its stamp taken before reading (to notice a file that
    /// changes while glossfix works on it).
    fn read(&self) -> Result<(String, Option<Stamp>), FileError> {
        match self {
            Input::File(path) => {
                let stamp = Stamp::of(path)?;
                Ok((files::read_text(path)?, Some(stamp)))
            }
            Input::Stdin => {
                let mut bytes = Vec::new();
                io::stdin().read_to_end(&mut bytes).map_err(|e| FileError {
                    path: "-".into(),
                    message: e.to_string(),
                    skipped: false,
                })?;
                Ok((files::decode(Path::new("-"), bytes)?, None))
            }
        }
    }
}

/// What processing one input produced; printed in input order.
#[derive(Default)]
struct Report {
    /// For stdout.
    out: String,
    /// For stderr, one line each, already prefixed.
    messages: Vec<String>,
    /// Findings or changes remain (exit 1).
    found: bool,
    /// Something went wrong (exit 2).
    error: bool,
}

impl Report {
    fn failed(e: impl std::fmt::Display) -> Self {
        Report { messages: vec![format!("glossfix: error: {e}")], error: true, ..Report::default() }
    }

    /// A file that could not be read: an error, or a note for a file skipped on purpose.
    fn unread(e: FileError) -> Self {
        if e.skipped {
            Report { messages: vec![format!("glossfix: note: {e}")], ..Report::default() }
        } else {
            Report::failed(e)
        }
    }
}

struct Run<W: Write> {
    engine: Engine,
    glossary_path: String,
    jobs: usize,
    errors: bool,
    found: bool,
    out: W,
}

impl<W: Write> Run<W> {
    fn error(&mut self, e: impl std::fmt::Display) {
        eprintln!("glossfix: error: {e}");
        self.errors = true;
    }

    /// The inputs for `paths`: stdin for none or `-`; files, with folders walked. Missing
    /// paths are reported.
    fn inputs(&mut self, paths: &[PathBuf]) -> Vec<Input> {
        if paths.is_empty() || (paths.len() == 1 && paths[0].as_os_str() == "-") {
            return vec![Input::Stdin];
        }
        let (found, errors) = files::collect(paths);
        for e in errors {
            self.error(e);
        }
        found.into_iter().map(Input::File).collect()
    }

    /// Runs `work` on every input, on `jobs` threads, and prints each report in input
    /// order as soon as it and those before it are done. A file that cannot be read is
    /// reported, and the others still run.
    fn each_text(
        &mut self,
        paths: &[PathBuf],
        work: impl Fn(&Engine, &Input, String, Option<Stamp>) -> Report + Sync,
    ) -> io::Result<()> {
        let inputs = self.inputs(paths);
        let threads = self.jobs.min(inputs.len()).max(1);
        let next = AtomicUsize::new(0);
        let (sender, receiver) = mpsc::channel::<(usize, Report)>();
        let Run { engine, out, errors, found, .. } = self;
        let engine = &*engine;
        std::thread::scope(|scope| {
            for _ in 0..threads {
                let (sender, next, inputs, work) = (sender.clone(), &next, &inputs, &work);
                scope.spawn(move || {
                    // On Ctrl-C, the file in hand is finished (or its write abandoned) and
                    // no other is started.
                    while !files::INTERRUPTED.load(Ordering::Relaxed) {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(input) = inputs.get(i) else { break };
                        let report = match input.read() {
                            Ok((text, stamp)) => work(engine, input, text, stamp),
                            Err(e) => Report::unread(e),
                        };
                        if sender.send((i, report)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(sender);
            let mut pending = BTreeMap::new();
            let mut expected = 0;
            for (i, report) in receiver {
                pending.insert(i, report);
                while let Some(report) = pending.remove(&expected) {
                    out.write_all(report.out.as_bytes())?;
                    for message in &report.messages {
                        eprintln!("{message}");
                    }
                    *errors |= report.error;
                    *found |= report.found;
                    expected += 1;
                }
            }
            Ok(())
        })
    }

    /// The one file of `paths` when it is large enough to be streamed in chunks.
    fn large_file(&self, paths: &[PathBuf]) -> Option<PathBuf> {
        let [path] = paths else { return None };
        let size = std::fs::metadata(path).ok().filter(|m| m.is_file())?.len();
        (size > files::stream_threshold()).then(|| path.clone())
    }

    /// Processes a large file in chunks of a few megabytes (ending at paragraph breaks),
    /// `jobs` chunks at a time, writing each result in order: memory stays bounded
    /// whatever the file's size. Line numbers and byte offsets in reports are the file's.
    /// Article-level conditions (`in_document`, furniture at the edges) apply per chunk.
    fn stream(&mut self, path: &Path, mode: Stream) -> io::Result<()> {
        let name = path.display().to_string();
        let mut chunks = match files::Chunks::open(path) {
            Ok(c) => c,
            Err(e) => {
                self.error(e);
                return Ok(());
            }
        };
        let (engine, glossary_path, jobs) = (&self.engine, self.glossary_path.clone(), self.jobs);
        let mut line_offset = 0;
        let mut changed = false;
        let mut repairs = 0;
        let mut found = false;
        // Processes the next batch of chunks in parallel; returns their outputs in order.
        let mut next_batch = |line_offset: &mut usize| -> Result<Option<Vec<ChunkOutput>>, FileError> {
            if files::INTERRUPTED.load(Ordering::Relaxed) {
                return Err(FileError { path: PathBuf::from(&name), message: "interrupted".into(), skipped: false });
            }
            let batch: Vec<(u64, String)> = chunks.by_ref().take(jobs).collect::<Result<_, _>>()?;
            if batch.is_empty() {
                return Ok(None);
            }
            let mut starts = Vec::with_capacity(batch.len());
            for (_, text) in &batch {
                starts.push(*line_offset);
                *line_offset += LineIndex::new(text).breaks();
            }
            let outputs = std::thread::scope(|scope| {
                let handles: Vec<_> = batch
                    .iter()
                    .zip(&starts)
                    .map(|((offset, text), &first_line)| {
                        let glossary_path = &glossary_path;
                        let name = &name;
                        scope.spawn(move || match mode {
                            Stream::Check(format) => {
                                let findings = engine.check(text);
                                let mut located = report::locate(name, text, glossary_path, &findings);
                                for l in &mut located {
                                    l.line += first_line;
                                    l.byte_start += *offset as usize;
                                    l.byte_end += *offset as usize;
                                }
                                let out = match format {
                                    Format::Text => report::text_lines(&located),
                                    Format::Json => report::json_lines(&located),
                                };
                                (out, !findings.is_empty(), 0)
                            }
                            Stream::FixCheck => {
                                let outcome = engine.fix(text);
                                let mut located = report::locate(name, text, glossary_path, &outcome.applied);
                                for l in &mut located {
                                    l.line += first_line;
                                    l.byte_start += *offset as usize;
                                    l.byte_end += *offset as usize;
                                }
                                (report::text_lines(&located), outcome.text != *text, outcome.applied.len())
                            }
                            Stream::Fix | Stream::Write => {
                                let outcome = engine.fix(text);
                                let changed = outcome.text != *text;
                                (outcome.text, changed, outcome.applied.len())
                            }
                        })
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().expect("a chunk worker panicked")).collect()
            });
            Ok(Some(outputs))
        };
        let result = match mode {
            Stream::Write => files::write_atomic_from(path, |out: &mut dyn Write| -> Result<bool, String> {
                while let Some(outputs) = next_batch(&mut line_offset).map_err(|e| e.message)? {
                    for (text, c, n) in outputs {
                        out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
                        changed |= c;
                        repairs += n;
                    }
                }
                Ok(changed) // an unchanged file is left as it was
            }),
            _ => loop {
                match next_batch(&mut line_offset) {
                    Ok(Some(outputs)) => {
                        for (text, f, _) in outputs {
                            self.out.write_all(text.as_bytes())?;
                            found |= f;
                        }
                    }
                    Ok(None) => break Ok(()),
                    Err(e) => break Err(e),
                }
            },
        };
        match result {
            Ok(()) if matches!(mode, Stream::Write) && changed => eprintln!("fixed {name} ({repairs} repairs)"),
            Ok(()) => self.found |= found && !matches!(mode, Stream::Fix),
            Err(e) => self.error(e),
        }
        Ok(())
    }

    /// The English source given with `--source`, which applies to one article only.
    fn source_text(&mut self, source: Option<&Path>, paths: &[PathBuf]) -> Result<Option<String>, ()> {
        let Some(source) = source else { return Ok(None) };
        if paths.len() > 1 || paths.first().is_some_and(|p| p.is_dir()) {
            self.error("--source goes with one article: give a single file");
            return Err(());
        }
        match files::read_text(source) {
            Ok(text) => Ok(Some(text)),
            Err(e) => {
                self.error(e);
                Err(())
            }
        }
    }

    fn align(&mut self, args: &AlignArgs) -> io::Result<()> {
        let (source, target) = match (files::read_text(&args.source), files::read_text(&args.target)) {
            (Ok(s), Ok(t)) => (s, t),
            (Err(e), _) | (_, Err(e)) => {
                self.error(e);
                return Ok(());
            }
        };
        let sentences = |text: &str| -> Vec<String> {
            glossfix::segment::split_sentences(text)
                .iter()
                .map(|s| text[s.span.start..s.span.end].to_string())
                .collect()
        };
        let (src, tgt) = (sentences(&source), sentences(&target));
        let src: Vec<&str> = src.iter().map(String::as_str).collect();
        let tgt: Vec<&str> = tgt.iter().map(String::as_str).collect();
        let groups = self.engine.aligner().align(&src, &tgt);
        let shown = match args.format {
            AlignFormat::Tsv => glossfix::align::to_tsv(&groups, &src, &tgt),
            AlignFormat::Json => glossfix::align::to_json(&groups, &src, &tgt),
            AlignFormat::Tmx => glossfix::align::to_tmx(&groups, &src, &tgt, "en", "fr"),
        };
        self.out.write_all(shown.as_bytes())
    }

    fn fix(&mut self, args: &FixArgs) -> io::Result<()> {
        let Ok(source) = self.source_text(args.source.as_deref(), &args.paths) else { return Ok(()) };
        if source.is_none() && !args.diff && !args.unsafe_fixes {
            let mode = if args.write {
                Stream::Write
            } else if args.check {
                Stream::FixCheck
            } else {
                Stream::Fix
            };
            if let Some(path) = self.large_file(&args.paths) {
                return self.stream(&path, mode);
            }
        }
        let to_stdout = !args.write && !args.diff && !args.check;
        if to_stdout {
            if args.paths.len() > 1 {
                self.error("fix writes one file to stdout: give one file, or use --write, --diff or --check");
                return Ok(());
            }
            if let Some(dir) = args.paths.first().filter(|p| p.is_dir()) {
                let e = format!(
                    "{}: is a directory, not a file (use --write, --diff or --check to process a folder)",
                    dir.display()
                );
                self.error(e);
                return Ok(());
            }
        }
        let glossary_path = self.glossary_path.clone();
        self.each_text(&args.paths, |engine, input, text, stamp| {
            let name = input.name();
            let outcome = match &source {
                Some(source) => engine.fix_against(&text, source, args.unsafe_fixes),
                None if args.unsafe_fixes => engine.fix_unsafe(&text),
                None => engine.fix(&text),
            };
            let changed = outcome.text != text;
            let mut report = Report::default();
            if to_stdout {
                report.out = outcome.text;
            } else if args.diff {
                report.out = report::unified_diff(&name, &text, &outcome.text);
                report.found = changed && args.check;
            } else if args.check {
                let located = report::locate(&name, &text, &glossary_path, &outcome.applied);
                report.out = report::text_lines(&located);
                report.found = changed;
            } else if let (Input::File(path), Some(stamp)) = (input, stamp) {
                if changed {
                    match files::write_atomic_unless_changed(path, &outcome.text, stamp) {
                        Ok(()) => report.messages.push(format!("fixed {name} ({} repairs)", outcome.applied.len())),
                        Err(e) => return Report::failed(e),
                    }
                }
            } else {
                return Report::failed("--write needs files, not stdin");
            }
            report
        })
    }

    fn suggest(&mut self, args: &SuggestArgs) -> io::Result<()> {
        let mut collector = suggest::Collector::new();
        for input in self.inputs(&args.paths) {
            match input.read() {
                Ok((text, _)) => collector.add(&self.engine, &text),
                Err(e) if e.skipped => eprintln!("glossfix: note: {e}"),
                Err(e) => self.error(e),
            }
        }
        let suggestions = collector.finish(&self.engine);
        self.out.write_all(suggest::to_toml(&suggestions).as_bytes())
    }

    fn check(&mut self, args: &CheckArgs) -> io::Result<()> {
        let Ok(source) = self.source_text(args.source.as_deref(), &args.paths) else { return Ok(()) };
        if source.is_none() {
            if let Some(path) = self.large_file(&args.paths) {
                return self.stream(&path, Stream::Check(args.format));
            }
        }
        let glossary_path = self.glossary_path.clone();
        self.each_text(&args.paths, |engine, input, text, _| {
            let name = input.name();
            let findings = match &source {
                Some(source) => engine.check_against(&text, source),
                None => engine.check(&text),
            };
            let located = report::locate(&name, &text, &glossary_path, &findings);
            let out = match args.format {
                Format::Text => report::text_lines(&located),
                Format::Json => report::json_lines(&located),
            };
            Report { out, found: !findings.is_empty(), ..Report::default() }
        })
    }
}
