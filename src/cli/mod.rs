//! The `glossfix` command line: arguments, the glossary in use, and one module per
//! command. Process state (the interrupt flag) and all printing live here.
//!
//! | module | holds |
//! |---|---|
//! | [`input`] | stdin or files, folders walked, text read in pieces |
//! | [`runner`] | the ordered parallel runner for whole files and chunks |
//! | [`jsonl`] | `--jsonl`: JSON Lines through the same runner |
//! | [`write`] | atomic writes |
//! | [`interrupt`] | Ctrl-C and SIGTERM |
//! | [`render`] | printing findings, errors and notes |
//! | [`glossaries`] | which glossary each article uses; `extends`; loading |
//! | [`lint_cache`] | lint's answers for big glossaries, remembered between runs |
//! | [`output`] | colour, the progress bar and the summary |
//! | [`fix`], [`check`], [`align`], [`suggest`], [`glossary`], [`lsp`], [`review`], [`snapshot`] | one module per command |

pub mod align;
pub mod check;
pub mod fix;
pub mod glossaries;
pub mod glossary;
pub mod input;
pub mod interrupt;
pub mod jsonl;
pub mod lint_cache;
pub mod lsp;
pub mod output;
pub mod render;
pub mod review;
pub mod runner;
pub mod snapshot;
pub mod suggest;
pub mod write;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use glossfix::{Engine, Markup, SourceCheck};
use input::{Cutting, WalkOptions, read_text};
use interrupt::Interrupt;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use write::WriteOptions;

/// Repair machine-translation artifacts in French news articles against a glossary.
#[derive(Parser)]
#[command(name = "glossfix", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Command,
}

/// Options every command takes.
#[derive(Args)]
pub struct Global {
    /// Glossary to use; repeat it to combine several, in order [default: for each
    /// article, glossary.toml in its folder or the nearest parent, else the glossary
    /// built into glossfix]
    #[arg(long, global = true, value_name = "FILE")]
    pub glossary: Vec<PathBuf>,
    /// Files (or chunks of a large file) processed at once [default: the number of cores]
    #[arg(long, global = true, value_name = "N")]
    pub jobs: Option<usize>,
    /// A word list (one word or phrase per line, `#` starts a comment) that the spelling
    /// rule accepts, on top of the glossary's `[spelling] accept`
    #[arg(long, global = true, value_name = "FILE")]
    pub words: Option<PathBuf>,
    /// Walk what .gitignore, .ignore and .git/info/exclude leave out of folders too
    #[arg(long, global = true)]
    pub no_ignore: bool,
    /// Leave out of folder walks the paths matching GLOB (as a .gitignore line); repeatable
    #[arg(long, global = true, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// How articles are marked up: `auto` reads `.md` and `.markdown` files as Markdown
    /// (code, links, HTML and front matter are left alone) and the rest as plain text
    #[arg(long, global = true, value_enum, default_value_t = MarkupArg::Auto)]
    pub markup: MarkupArg,
    /// When to colour the output (and show each finding's text in its line)
    #[arg(long, global = true, value_enum, default_value_t = output::ColorArg::Auto, value_name = "WHEN")]
    pub color: output::ColorArg,
    /// No progress bar and no summary on standard error
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Lint big glossaries at every run instead of reading lint's answer remembered in
    /// the cache folder ($GLOSSFIX_CACHE_DIR, else $XDG_CACHE_HOME/glossfix, else
    /// ~/.cache/glossfix)
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Inputs larger than this many bytes are processed in chunks
    #[arg(long, global = true, value_name = "BYTES", default_value_t = 64 << 20, hide = true)]
    pub stream_threshold: u64,
    /// The size of a chunk in bytes, extended to the next paragraph break
    #[arg(long, global = true, value_name = "BYTES", default_value_t = 4 << 20, hide = true)]
    pub chunk_size: usize,
    /// Show the progress bar after this many milliseconds of a run (for the tests)
    #[arg(long, global = true, value_name = "MS", default_value_t = 1000, hide = true)]
    pub progress_delay: u64,
    /// Wait this many milliseconds before renaming a written file (for the tests that
    /// race and interrupt writes)
    #[arg(long, global = true, value_name = "MS", hide = true)]
    pub pause_before_rename: Option<u64>,
}

/// `--markup`: how articles are marked up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum MarkupArg {
    /// By the file name: Markdown for .md, .markdown, .mdown, .mkd; plain text otherwise
    /// (and for standard input)
    Auto,
    /// Plain text
    Plain,
    /// Markdown (CommonMark with front matter)
    Markdown,
}

impl MarkupArg {
    /// The markup of the input named `name`.
    pub fn of(self, name: &str) -> Markup {
        match self {
            MarkupArg::Auto => Markup::of_file_name(name),
            MarkupArg::Plain => Markup::Plain,
            MarkupArg::Markdown => Markup::Markdown,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Repair files: one file or stdin to stdout, or many with --write, --diff or --check
    Fix(fix::FixArgs),
    /// Report every finding, including those fix cannot repair safely
    Check(check::CheckArgs),
    /// Review, in the terminal, every finding fix does not apply: accept a candidate, type
    /// a replacement, skip, add the choice to the glossary, undo, quit
    Review(review::ReviewArgs),
    /// Propose glossary entries (English leaks, name spellings) from articles, as TOML
    Suggest(suggest::SuggestArgs),
    /// Align an article with its English source, sentence by sentence
    Align(align::AlignArgs),
    /// Maintain the glossary: lint, fmt, add, add-term, stats, import, export
    #[command(subcommand)]
    Glossary(glossary::GlossaryCommand),
    /// Snapshot tests for your own corpus: check, accept, review
    #[command(subcommand)]
    Snapshot(snapshot::SnapshotCommand),
    /// A language server over stdio, for editors: diagnostics, quick fixes, "add to
    /// glossary"
    Lsp(lsp::LspArgs),
}

/// How glossfix exits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Nothing found, or nothing left to change.
    Clean = 0,
    /// Findings, or changes that remain where the mode reports them.
    Found = 1,
    /// An error.
    Error = 2,
    /// Interrupted (128 + SIGINT, as shells report it).
    Interrupted = 130,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit as u8)
    }
}

/// What every command that reads articles shares.
pub struct Context {
    /// The engine over the glossary of the current folder (or of `--glossary`).
    pub engine: Arc<Engine>,
    /// The engine of each article (its nearest glossary).
    pub glossaries: glossaries::Glossaries,
    /// Threads to use.
    pub jobs: usize,
    /// How inputs are cut into pieces.
    pub cutting: Cutting,
    /// Set on Ctrl-C or SIGTERM.
    pub interrupt: Interrupt,
    /// How files are written.
    pub write: WriteOptions,
    /// How articles are marked up.
    pub markup: MarkupArg,
    /// How folders are walked.
    pub walk: WalkOptions,
    /// Colour, progress and summary.
    pub output: output::Output,
}

impl Global {
    /// The first `--glossary` file: the one that commands editing a glossary edit.
    pub fn first_glossary(&self) -> Option<&Path> {
        self.glossary.first().map(PathBuf::as_path)
    }

    /// How folders are walked, from `--no-ignore` and `--exclude`.
    pub fn walk_options(&self) -> WalkOptions {
        WalkOptions { no_ignore: self.no_ignore, exclude: self.exclude.clone() }
    }

    /// How large inputs are cut into chunks (`--stream-threshold`, `--chunk-size`).
    pub fn cutting(&self) -> Cutting {
        Cutting { threshold: self.stream_threshold, chunk: self.chunk_size.max(1) }
    }

    /// Pieces processed at once: `--jobs`, else the number of cores.
    pub fn jobs(&self) -> usize {
        self.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1)
    }
}

/// The inputs for `paths`, with every walk error printed (exit 2) and every note (a
/// folder with no article, files passed over) printed.
pub fn gather(paths: &[PathBuf], options: &WalkOptions) -> (Vec<input::Input>, Exit) {
    let (inputs, walked) = input::collect(paths, options);
    let mut exit = Exit::Clean;
    for e in walked.errors {
        render::error(e);
        exit = Exit::Error;
    }
    for note in walked.notes {
        render::note(note);
    }
    (inputs, exit)
}

/// Parses the command line, runs the command and says how to exit.
pub fn main() -> ExitCode {
    let matches = Cli::command().long_version(long_version()).get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let interrupt = Interrupt::install();
    let global = cli.global;
    if global.no_cache {
        lint_cache::turn_off();
    }
    let exit = match cli.command {
        Command::Glossary(command) => glossary::run(command, &global, &interrupt),
        Command::Lsp(args) => lsp::run(&args, global.first_glossary()),
        command => match load_engine(&global.glossary).and_then(|e| with_words(e, global.words.as_deref())) {
            Err(exit) => exit,
            Ok((engine, words)) => {
                let engine = Arc::new(engine);
                let default_file = if global.glossary.is_empty() { discover_glossary() } else { None };
                let explicit = !global.glossary.is_empty();
                let context = Context {
                    glossaries: glossaries::Glossaries::new(engine.clone(), explicit, default_file, words),
                    engine,
                    jobs: global.jobs(),
                    cutting: global.cutting(),
                    markup: global.markup,
                    walk: global.walk_options(),
                    output: output::Output::new(
                        global.color,
                        global.quiet,
                        Duration::from_millis(global.progress_delay),
                    ),
                    interrupt: interrupt.clone(),
                    write: WriteOptions {
                        interrupt: interrupt.clone(),
                        pause: global.pause_before_rename.map(Duration::from_millis),
                    },
                };
                match command {
                    Command::Fix(args) => fix::run(&args, &context),
                    Command::Check(args) => check::run(&args, &context),
                    Command::Suggest(args) => suggest::run(&args, &context),
                    Command::Review(args) => review::run(&args, &context, global.first_glossary()),
                    Command::Snapshot(command) => snapshot::run(command, &context),
                    Command::Align(args) => align::run(&args, &context),
                    Command::Glossary(_) | Command::Lsp(_) => unreachable!("dispatched above"),
                }
            }
        },
    };
    if interrupt.requested() {
        render::error("interrupted; every file is either done or untouched");
        return Exit::Interrupted.into();
    }
    exit.into()
}

/// `--version`: the version, the SPDX licence expression of this build and the data it
/// embeds (Cargo features choose them).
fn long_version() -> &'static str {
    let mut s = format!("{}\nlicence: {}\ndata:", env!("CARGO_PKG_VERSION"), glossfix::licence_expression());
    for data in glossfix::DATA_SETS {
        let state = if data.built_in { "built in" } else { "not built in" };
        s.push_str(&format!("\n  {:<12} {:<17} {} ({state})", data.feature, data.licence, data.name));
    }
    // Once per run, for clap, which keeps it to the end.
    Box::leak(s.into_boxed_str())
}

/// `--glossary FILE...` (combined, in order), else `glossary.toml` here or in the nearest
/// parent, else the built-in glossary; each with what it `extends`; loaded (`parse →
/// compile → lint`), its warnings printed. A refused glossary prints every error and
/// exits 2.
pub fn load_engine(explicit: &[PathBuf]) -> Result<Engine, Exit> {
    let roots: Vec<PathBuf> =
        if explicit.is_empty() { discover_glossary().into_iter().collect() } else { explicit.to_vec() };
    match glossaries::load_set(&roots) {
        Ok(loaded) => {
            for warning in &loaded.warnings {
                render::warning(format!("{}:{warning}", warning.file));
            }
            Ok(loaded.engine)
        }
        Err(lines) => {
            for line in lines {
                render::error(line);
            }
            Err(Exit::Error)
        }
    }
}

/// `engine` with the words of `--words FILE` accepted by the spelling rule, and the words.
fn with_words(mut engine: Engine, file: Option<&Path>) -> Result<(Engine, Vec<String>), Exit> {
    let Some(path) = file else { return Ok((engine, Vec::new())) };
    match read_text(path) {
        Ok(list) => {
            let words: Vec<String> = list
                .lines()
                .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
                .filter(|l| !l.is_empty())
                .collect();
            engine.accept_words(words.iter().map(String::as_str));
            Ok((engine, words))
        }
        Err(e) => {
            render::error(e);
            Err(Exit::Error)
        }
    }
}

/// `glossary.toml` in the current folder or the nearest parent, shown relative to it.
pub fn discover_glossary() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    let found = cwd.ancestors().map(|dir| dir.join("glossary.toml")).find(|c| c.is_file())?;
    Some(relative_to(&found, &cwd))
}

/// `candidate` relative to `cwd` when it is in `cwd` or a parent of it, for short messages.
fn relative_to(candidate: &Path, cwd: &Path) -> PathBuf {
    let Some(dir) = candidate.parent() else {
        return candidate.to_path_buf();
    };
    match cwd.strip_prefix(dir) {
        Ok(rest) => {
            let mut p = PathBuf::new();
            for _ in rest.components() {
                p.push("..");
            }
            p.join("glossary.toml")
        }
        Err(_) => candidate.to_path_buf(),
    }
}

/// The checks against the English source given with `--source` (one article only).
pub fn source_check(source: Option<&Path>, paths: &[PathBuf], cx: &Context) -> Result<Option<SourceCheck>, Exit> {
    let Some(source) = source else { return Ok(None) };
    if paths.len() > 1 || paths.first().is_some_and(|p| p.is_dir()) {
        render::error("--source goes with one article: give a single file");
        return Err(Exit::Error);
    }
    match read_text(source) {
        Ok(text) => Ok(Some(SourceCheck::new(cx.engine.glossary(), text))),
        Err(e) => {
            render::error(e);
            Err(Exit::Error)
        }
    }
}

/// The exit after writing output: a closed pipe (`glossfix check | head`) is not an
/// error, any other write error is.
pub fn finish_output(written: io::Result<()>, exit: Exit) -> Exit {
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            render::error(format!("writing output: {e}"));
            Exit::Error
        }
        _ => exit,
    }
}
