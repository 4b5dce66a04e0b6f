//! `glossfix fix`: the repaired text to stdout, or files rewritten in place, or a diff,
//! or the list of repairs. Every mode runs the same engine run over the same pieces;
//! only what is done with the result differs.

use crate::cli::input::{Cutting, FileError, FilesFrom, Input};
use crate::cli::jsonl::{self, JsonlArgs};
use crate::cli::output::{Progress, count};
use crate::cli::runner::{self, Unit};
use crate::cli::write::{AtomicWrite, write_atomic};
use crate::cli::{Context, Exit, finish_output, gather, render, source_check};
use clap::Args;
use glossfix::report::{locate, styled_text_lines, text_lines, unified_diff, word_diff};
use glossfix::{Applicability, Finding, FindingSource, Request};
use std::io::{self, Write};
use std::path::PathBuf;

#[derive(Args)]
pub struct FixArgs {
    /// Files or folders (folders are walked for *.txt and *.md); `-` or none for stdin
    paths: Vec<PathBuf>,
    /// Rewrite the files in place (atomically; untouched when nothing changes)
    #[arg(short, long, conflicts_with_all = ["diff", "check"])]
    write: bool,
    /// Print a unified diff of the repairs instead of the repaired text
    #[arg(long)]
    diff: bool,
    /// With --diff: show only the changed words of each changed line, `[-old-]{+new+}`
    /// (in colour on a terminal), not whole lines
    #[arg(long, requires = "diff")]
    word_diff: bool,
    /// Change nothing; list the repairs and exit 1 when something would change
    #[arg(long)]
    check: bool,
    /// Also apply unsure fixes: English leaks get their first French candidate, name
    /// near-misses their canonical form (review the result)
    #[arg(long = "unsafe")]
    unsafe_fixes: bool,
    /// The English source of the article: also make the repairs it makes certain
    #[arg(long, value_name = "FILE", conflicts_with = "jsonl")]
    source: Option<PathBuf>,
    #[command(flatten)]
    jsonl: JsonlArgs,
    #[command(flatten)]
    files_from: FilesFrom,
}

/// What `fix` does with a repaired text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The repaired text to stdout (one input).
    Stdout,
    /// Each file rewritten in place when it changed.
    Write,
    /// A unified diff, or the changed words (`words`); with `fail_on_change` (`--diff
    /// --check`), exit 1 when not empty.
    Diff { fail_on_change: bool, words: bool },
    /// The repairs listed; exit 1 when there are some (`--check`).
    List,
}

impl FixArgs {
    fn mode(&self) -> Mode {
        match (self.write, self.diff, self.check) {
            (true, _, _) => Mode::Write,
            (_, true, fail_on_change) => Mode::Diff { fail_on_change, words: self.word_diff },
            (_, false, true) => Mode::List,
            _ => Mode::Stdout,
        }
    }

    fn level(&self) -> Applicability {
        if self.unsafe_fixes { Applicability::Unsafe } else { Applicability::Safe }
    }
}

/// What one piece produced.
struct Fixed {
    /// The text to write (the repaired text, or the input as it was when its repairs do
    /// not converge), in the modes that write text.
    text: String,
    /// The repairs listed, or the diff, in the modes that report.
    report: String,
    changed: bool,
    repairs: usize,
    /// Why nothing was changed, when the repairs do not converge.
    error: Option<String>,
}

pub fn run(args: &FixArgs, cx: &Context) -> Exit {
    let mode = args.mode();
    let paths = match args.files_from.paths(&args.paths) {
        Ok(paths) => paths,
        Err(e) => return render::failed(e),
    };
    if let Some(fields) = args.jsonl.fields() {
        if mode != Mode::Stdout {
            render::error("--jsonl writes JSON Lines to stdout: it goes without --write, --diff and --check");
            return Exit::Error;
        }
        let (inputs, exit) = gather(&paths, &cx.walk);
        return exit.max(jsonl::run(&inputs, jsonl::Job::Fix(args.level()), &fields, cx));
    }
    let source = match source_check(args.source.as_deref(), &paths, cx) {
        Ok(source) => source,
        Err(exit) => return exit,
    };
    if mode == Mode::Stdout {
        if paths.len() > 1 {
            render::error("fix writes one file to stdout: give one file, or use --write, --diff or --check");
            return Exit::Error;
        }
        if let Some(dir) = paths.first().filter(|p| p.is_dir()) {
            render::error(format!(
                "{}: is a directory, not a file (use --write, --diff or --check to process a folder)",
                dir.display()
            ));
            return Exit::Error;
        }
    }
    let (inputs, exit) = gather(&paths, &cx.walk);
    if mode == Mode::Write && inputs.iter().any(|i| matches!(i, Input::Stdin)) {
        render::error("--write needs files, not stdin");
        return Exit::Error;
    }
    let sources: Vec<&dyn FindingSource> = source.iter().map(|s| s as &dyn FindingSource).collect();
    let request = Request { level: args.level(), sources: &sources, ..Request::default() };
    // A diff compares whole files, and alignment needs the whole article.
    let cutting = if source.is_some() || matches!(mode, Mode::Diff { .. }) { Cutting::WHOLE } else { cx.cutting };
    let progress = cx.output.progress(&inputs);
    let mut sink = Sink {
        mode,
        cx,
        inputs: &inputs,
        exit,
        stdout: io::stdout().lock(),
        file: None,
        progress,
        tally: Tally::default(),
    };
    let result = runner::run(
        &inputs,
        cutting,
        cx.jobs,
        &cx.interrupt,
        |unit, text| {
            let name = inputs[unit.input].name();
            let request = Request { markup: cx.markup.of(&name), ..request };
            let keep = if mode == Mode::Stdout || mode == Mode::Write { text.to_string() } else { String::new() };
            // The article's own glossary (the nearest glossary.toml), unless --glossary.
            let engine = match cx.glossaries.for_input(&inputs[unit.input]) {
                Ok(engine) => engine,
                Err(e) => {
                    let error = Some(format!("{name}: not changed, its glossary is refused: {e}"));
                    return Fixed { text: keep, report: String::new(), changed: false, repairs: 0, error };
                }
            };
            let glossary = engine.glossary();
            let outcome = match engine.run(text, &request) {
                Ok(outcome) => outcome,
                Err(e) => {
                    let error = Some(render::not_converged(&name, glossary, &e));
                    return Fixed { text: keep, report: String::new(), changed: false, repairs: 0, error };
                }
            };
            let changed = outcome.changed(text);
            let repairs = outcome.applied().count();
            let report = match mode {
                Mode::List => {
                    let applied: Vec<Finding> = outcome.applied().cloned().collect();
                    let located = locate(&name, text, glossary, &applied, unit.offset);
                    if cx.output.color { styled_text_lines(&located) } else { text_lines(&located) }
                }
                Mode::Diff { words: true, .. } => word_diff(&name, text, &outcome.text, cx.output.color),
                Mode::Diff { words: false, .. } => unified_diff(&name, text, &outcome.text),
                Mode::Stdout | Mode::Write => String::new(),
            };
            let text = if mode == Mode::Stdout || mode == Mode::Write { outcome.text } else { String::new() };
            Fixed { text, report, changed, repairs, error: None }
        },
        |unit, result| sink.deliver(unit, result),
    );
    sink.abandon();
    sink.progress.finish();
    let Sink { mut stdout, exit, tally, .. } = sink;
    let exit = finish_output(result.and_then(|()| stdout.flush()), exit);
    // A filter (`fix a.txt > b.txt`) says nothing in a pipeline, only on a terminal.
    if mode != Mode::Stdout || cx.output.stderr_terminal {
        let verb = match mode {
            Mode::Write => "fixed",
            Mode::Stdout => "repaired",
            Mode::Diff { .. } | Mode::List => "would fix",
        };
        cx.output.summary(format!(
            "{verb} {} of {}: {}",
            tally.changed,
            count(tally.files, "file", "files"),
            count(tally.repairs, "repair", "repairs")
        ));
    }
    exit
}

/// What a run did, for the summary.
#[derive(Default)]
struct Tally {
    files: usize,
    /// Files with at least one change.
    changed: usize,
    repairs: usize,
    /// Whether the file being read in pieces has changed so far.
    piece_changed: bool,
}

/// A large file being rewritten piece by piece.
struct Rewrite {
    input: usize,
    write: AtomicWrite,
    changed: bool,
    repairs: usize,
}

/// Receives the pieces in order and does what the mode says with them.
struct Sink<'a> {
    mode: Mode,
    cx: &'a Context,
    inputs: &'a [Input],
    exit: Exit,
    stdout: io::StdoutLock<'static>,
    file: Option<Rewrite>,
    progress: Progress,
    tally: Tally,
}

impl Sink<'_> {
    fn fail(&mut self, message: impl std::fmt::Display) {
        self.progress.suspend(|| render::error(message));
        self.exit = self.exit.max(Exit::Error);
    }

    /// "fixed a.txt (3 repairs)", unless `--quiet`.
    fn status(&self, message: impl std::fmt::Display) {
        if !self.cx.output.quiet {
            self.progress.suspend(|| render::status(message));
        }
    }

    fn deliver(&mut self, unit: &Unit, result: Result<Fixed, FileError>) -> io::Result<()> {
        self.progress.advance(unit, &self.inputs[unit.input].name());
        if unit.last {
            self.tally.files += 1;
        }
        if let Ok(fixed) = &result {
            self.tally.repairs += fixed.repairs;
            let changed = std::mem::take(&mut self.tally.piece_changed) || fixed.changed;
            if unit.last {
                self.tally.changed += usize::from(changed);
            } else {
                self.tally.piece_changed = changed;
            }
        }
        let fixed = match result {
            Ok(fixed) => fixed,
            Err(e) => {
                self.file = None; // an unreadable piece: the file is left as it was
                self.tally.piece_changed = false;
                // Where the output stands for the input (stdout), a file passed over would
                // come out empty: it is refused, so `fix a.txt > b && mv b a.txt` stops.
                if e.skipped && !matches!(self.mode, Mode::Stdout) {
                    self.progress.suspend(|| render::note(e));
                } else {
                    let mut message = e.message.replace(": skipped", ": refused, nothing written");
                    if !e.skipped && matches!(self.mode, Mode::Stdout) {
                        message.push_str("; the output stops here");
                    }
                    self.fail(FileError { message, skipped: false, ..e });
                }
                return Ok(());
            }
        };
        if let Some(error) = &fixed.error {
            self.fail(error);
        }
        let (stdout, progress) = (&mut self.stdout, &self.progress);
        match self.mode {
            Mode::Stdout => progress.suspend(|| stdout.write_all(fixed.text.as_bytes()))?,
            Mode::List => {
                progress.suspend(|| stdout.write_all(fixed.report.as_bytes()))?;
                if fixed.changed {
                    self.exit = self.exit.max(Exit::Found);
                }
            }
            Mode::Diff { fail_on_change, .. } => {
                progress.suspend(|| stdout.write_all(fixed.report.as_bytes()))?;
                if fixed.changed && fail_on_change {
                    self.exit = self.exit.max(Exit::Found);
                }
            }
            Mode::Write => self.rewrite(unit, fixed),
        }
        Ok(())
    }

    /// Writes a piece of a file; the file is replaced after its last piece, if any piece
    /// changed and none failed.
    fn rewrite(&mut self, unit: &Unit, fixed: Fixed) {
        let Input::File(path) = &self.inputs[unit.input] else { return };
        if fixed.error.is_some() {
            self.file = None; // not converging: the whole file is left as it was
            return;
        }
        if unit.part == 0 && unit.last {
            // A whole file: replaced when it changed.
            if fixed.changed {
                match write_atomic(path, &fixed.text, unit.stamp, &self.cx.write) {
                    Ok(()) => self.status(format!("fixed {} ({} repairs)", path.display(), fixed.repairs)),
                    Err(e) => self.fail(e),
                }
            }
            return;
        }
        // A large file: every piece goes to the temporary file, changed or not.
        let file = match self.file.take() {
            Some(file) if file.input == unit.input => Some(file),
            _ if unit.part == 0 => match AtomicWrite::start(path, unit.stamp) {
                Ok(write) => Some(Rewrite { input: unit.input, write, changed: false, repairs: 0 }),
                Err(e) => return self.fail(e),
            },
            _ => None, // an earlier piece failed
        };
        let Some(mut file) = file else { return };
        if let Err(e) = file.write.write(&fixed.text) {
            return self.fail(e);
        }
        file.changed |= fixed.changed;
        file.repairs += fixed.repairs;
        if !unit.last {
            self.file = Some(file);
            return;
        }
        if !file.changed {
            return; // dropped: the temporary file goes, the file is untouched
        }
        let repairs = file.repairs;
        match file.write.commit(&self.cx.write) {
            Ok(()) => self.status(format!("fixed {} ({repairs} repairs)", path.display())),
            Err(e) => self.fail(e),
        }
    }

    /// A file whose last piece never came (an interrupt): its temporary file is removed.
    fn abandon(&mut self) {
        self.file = None;
    }
}
