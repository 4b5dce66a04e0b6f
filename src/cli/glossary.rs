//! `glossfix glossary ...`: the glossary maintainer's commands. Arguments and printing
//! only; the work is in `glossfix-maintain` (`lint`, `edit`, `stats`, `exchange`).

use crate::cli::input::read_text;
use crate::cli::interrupt::Interrupt;
use crate::cli::write::{WriteOptions, write_atomic};
use crate::cli::{Exit, Global, discover_glossary, load_engine, render, runner};
use clap::{Args, Subcommand, ValueEnum};
use glossfix::report::unified_diff;
use glossfix::{CompiledGlossary, DEFAULT_GLOSSARY, DEFAULT_GLOSSARY_NAME, Engine, Problem, Severity};
use glossfix_maintain::edit::{self, NewFix};
use glossfix_maintain::exchange::{self, Format};
use glossfix_maintain::lint::lint;
use glossfix_maintain::stats::Stats;
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum GlossaryCommand {
    /// Report every problem that makes the glossary unsafe or dead (exit 1 if any)
    Lint(LintArgs),
    /// Put the glossary in canonical order and layout, keeping every comment
    Fmt(FmtArgs),
    /// Write a starter glossary.toml (the built-in entries, commented) to edit
    Init(InitArgs),
    /// Add a [[fix]] entry in place (refused if it makes the glossary unsafe)
    Add(AddArgs),
    /// Add a [[term]] entry, or variants to an existing term (refused if unsafe)
    AddTerm(AddTermArgs),
    /// How often each entry fired over a corpus, and which never fired
    Stats(StatsArgs),
    /// Convert another tool's glossary to glossfix TOML (written to stdout)
    Import(ImportArgs),
    /// Write the glossary in another tool's format (to stdout)
    Export(ExportArgs),
}

#[derive(Args)]
pub struct LintArgs {
    /// The glossary [default: --glossary, else glossary.toml here or in a parent]
    file: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

#[derive(Args)]
pub struct FmtArgs {
    /// The glossary [default: --glossary, else glossary.toml here or in a parent]
    file: Option<PathBuf>,
    /// Change nothing; print a diff and exit 1 if the file is not formatted
    #[arg(long)]
    check: bool,
}

#[derive(Args)]
pub struct InitArgs {
    /// Where to write it [default: glossary.toml in this folder]; never overwritten
    file: Option<PathBuf>,
}

#[derive(Args)]
pub struct AddArgs {
    /// The glossary [default: --glossary, else glossary.toml here or in a parent]
    file: Option<PathBuf>,
    /// The artifact (one or more words)
    #[arg(long)]
    find: String,
    /// Its repair
    #[arg(long)]
    replace: String,
    /// Why
    #[arg(long)]
    note: Option<String>,
    /// Only where the words around it are French
    #[arg(long)]
    french: bool,
    /// A suggestion for check, not a repair for fix (safe = false)
    #[arg(long)]
    suggest_only: bool,
}

#[derive(Args)]
pub struct AddTermArgs {
    /// The glossary [default: --glossary, else glossary.toml here or in a parent]
    file: Option<PathBuf>,
    /// The spelling to use
    #[arg(long)]
    canonical: String,
    /// A spelling to rewrite (repeat the flag for several)
    #[arg(long = "variant", required = true)]
    variants: Vec<String>,
    /// Why
    #[arg(long)]
    note: Option<String>,
}

#[derive(Args)]
pub struct StatsArgs {
    /// Files or folders (folders are walked for *.txt and *.md)
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

#[derive(Args)]
pub struct ImportArgs {
    /// The other tool's format
    #[arg(long, value_enum)]
    from: ExchangeFormat,
    /// The file to read
    file: PathBuf,
    /// The TBX language section to read
    #[arg(long, default_value = "fr")]
    lang: String,
}

#[derive(Args)]
pub struct ExportArgs {
    /// The other tool's format
    #[arg(long, value_enum)]
    to: ExportFormat,
    /// The language of the TBX language section
    #[arg(long, default_value = "fr")]
    lang: String,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ExchangeFormat {
    Tsv,
    Csv,
    Tbx,
    Codespell,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Tsv,
    Csv,
    Tbx,
}

/// The glossary file to edit: FILE, else `--glossary`, else the discovered one.
fn file_to_edit(file: Option<&Path>, explicit: Option<&Path>) -> Result<PathBuf, String> {
    file.or(explicit).map(Path::to_path_buf).or_else(discover_glossary).ok_or_else(|| {
        "no glossary.toml here or in a parent folder: name the file (`glossfix glossary add FILE ...` or \
             `--glossary FILE`), or write one with `glossfix glossary init`"
            .to_string()
    })
}

/// The starter glossary `glossary init` writes: the built-in entries, under a header that
/// says what the file is and how to grow it.
const STARTER_HEADER: &str = "\
# glossfix glossary for this folder and the folders below it.
#
# glossfix uses this file instead of its built-in glossary, so it starts as a copy of
# the built-in entries: keep, change or remove them. Grow it with
# `glossfix glossary add --find ... --replace ...`, `glossfix glossary add-term`, or
# `glossfix suggest ARTICLES` (which proposes entries from real text), check it with
# `glossfix glossary lint`, and keep it tidy with `glossfix glossary fmt`.
# Every key is described in glossfix's README (\"The glossary\").

";

fn init_cmd(args: &InitArgs) -> Exit {
    let path = args.file.clone().unwrap_or_else(|| PathBuf::from("glossary.toml"));
    // The built-in glossary without its own header comment, under the starter's.
    let body = DEFAULT_GLOSSARY.find("\n[[").map_or(DEFAULT_GLOSSARY, |at| &DEFAULT_GLOSSARY[at + 1..]);
    let starter = format!("{STARTER_HEADER}{body}");
    match create_new(&path, &starter) {
        Ok(()) => {
            render::status(format!("wrote {}", path.display()));
            Exit::Clean
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            fail(format!("{}: already exists; glossary init never overwrites a file", path.display()))
        }
        Err(e) => fail(format!("{}: {e}", path.display())),
    }
}

/// Writes a new file whole or not at all: a temporary file beside it, synced, then hard
/// linked to `path`, which fails when `path` exists (so nothing is ever overwritten).
fn create_new(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("glossary.toml");
    let temporary = dir.join(format!(".{name}.glossfix-{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&temporary)?;
        file.write_all(contents.as_bytes())?;
        file.sync_all()?;
        std::fs::hard_link(&temporary, path)
    })();
    let _ = std::fs::remove_file(&temporary);
    result
}

fn read(path: &Path) -> Result<String, String> {
    read_text(path).map_err(|e| e.to_string())
}

fn fail(message: impl std::fmt::Display) -> Exit {
    render::error(message);
    Exit::Error
}

/// Runs one `glossary` subcommand and says how to exit.
pub fn run(command: GlossaryCommand, global: &Global, interrupt: &Interrupt) -> Exit {
    let explicit = global.first_glossary();
    let write = WriteOptions { interrupt: interrupt.clone(), pause: None };
    match command {
        GlossaryCommand::Lint(args) => lint_cmd(&args, explicit),
        GlossaryCommand::Fmt(args) => fmt_cmd(&args, explicit, &write),
        GlossaryCommand::Init(args) => init_cmd(&args),
        GlossaryCommand::Add(args) => edit_file(args.file.as_deref(), explicit, &write, |source, path| {
            let fix = NewFix {
                find: args.find.clone(),
                replace: args.replace.clone(),
                note: args.note.clone(),
                french: args.french,
                safe: !args.suggest_only,
            };
            edit::add_fix(source, path, &fix)
        }),
        GlossaryCommand::AddTerm(args) => edit_file(args.file.as_deref(), explicit, &write, |source, path| {
            edit::add_term(source, path, &args.canonical, &args.variants, args.note.as_deref())
        }),
        GlossaryCommand::Stats(args) => stats_cmd(&args, explicit, global, interrupt),
        GlossaryCommand::Import(args) => import_cmd(&args),
        GlossaryCommand::Export(args) => export_cmd(&args, explicit),
    }
}

fn lint_cmd(args: &LintArgs, explicit: Option<&Path>) -> Exit {
    let (path, source) = match file_to_edit(args.file.as_deref(), explicit) {
        Ok(path) => match read(&path) {
            Ok(source) => (path.display().to_string(), source),
            Err(e) => return fail(e),
        },
        Err(_) => (DEFAULT_GLOSSARY_NAME.to_string(), DEFAULT_GLOSSARY.to_string()),
    };
    // The file with the glossaries it extends, linted as one.
    let files = if path == DEFAULT_GLOSSARY_NAME {
        vec![glossfix_maintain::load::ParsedFile::parse(&source, &path)]
    } else {
        match crate::cli::glossaries::files_of(&[PathBuf::from(&path)]) {
            Ok(files) => files,
            Err(e) => {
                println!("{e}");
                render::status(format!("{path}: 1 error(s), 0 warning(s)"));
                return Exit::Found;
            }
        }
    };
    let problems: Vec<Problem> = match glossfix_maintain::load::combine_parsed(files) {
        Ok(glossary) => lint(&Engine::new(CompiledGlossary::compile(glossary))),
        // Bad TOML is a problem like the others: every such error, not only the first.
        Err(errors) => errors.iter().map(Problem::from_parse_error).collect(),
    };
    match args.format {
        OutputFormat::Text => {
            for p in &problems {
                println!("{}:{p}", p.file);
            }
            let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
            render::status(format!("{path}: {errors} error(s), {} warning(s)", problems.len() - errors));
        }
        OutputFormat::Json => {
            for p in &problems {
                println!("{}", serde_json::to_string(p).expect("problems serialize"));
            }
        }
    }
    if problems.is_empty() { Exit::Clean } else { Exit::Found }
}

fn fmt_cmd(args: &FmtArgs, explicit: Option<&Path>, write: &WriteOptions) -> Exit {
    let path = match file_to_edit(args.file.as_deref(), explicit) {
        Ok(path) => path,
        Err(e) => return fail(e),
    };
    let source = match read(&path) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let formatted = match edit::format(&source) {
        Ok(f) => f,
        Err(e) => return fail(format!("{}: {e}", path.display())),
    };
    if formatted == source {
        return Exit::Clean;
    }
    if args.check {
        print!("{}", unified_diff(&path.display().to_string(), &source, &formatted));
        return Exit::Found;
    }
    match write_atomic(&path, &formatted, None, write) {
        Ok(()) => {
            render::status(format!("formatted {}", path.display()));
            Exit::Clean
        }
        Err(e) => fail(e),
    }
}

/// Applies an edit to the glossary file and writes it atomically, or explains the refusal.
fn edit_file(
    file: Option<&Path>,
    explicit: Option<&Path>,
    write: &WriteOptions,
    change: impl FnOnce(&str, &str) -> Result<String, edit::EditError>,
) -> Exit {
    let path = match file_to_edit(file, explicit) {
        Ok(path) => path,
        Err(e) => return fail(e),
    };
    let source = match read(&path) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    match change(&source, &path.display().to_string()) {
        Ok(updated) => match write_atomic(&path, &updated, None, write) {
            Ok(()) => {
                render::status(format!("updated {}", path.display()));
                Exit::Clean
            }
            Err(e) => fail(e),
        },
        Err(e) => {
            render::status(format!("glossfix: {e}"));
            Exit::Found
        }
    }
}

fn stats_cmd(args: &StatsArgs, explicit: Option<&Path>, global: &Global, interrupt: &Interrupt) -> Exit {
    let engine = match load_engine(&explicit.map(Path::to_path_buf).into_iter().collect::<Vec<_>>()) {
        Ok(engine) => engine,
        Err(exit) => return exit,
    };
    let mut stats = Stats::new(&engine);
    let (inputs, mut exit) = super::gather(&args.paths, &global.walk_options());
    // Large inputs are counted chunk by chunk, as `check` reads them: memory stays bounded.
    let counted = runner::run(
        &inputs,
        global.cutting(),
        global.jobs(),
        interrupt,
        |_, text| Stats::findings(&engine, text),
        |unit, findings| {
            match findings {
                Ok(findings) => stats.add_piece(&inputs[unit.input].name(), unit.part == 0, &findings),
                Err(e) if e.skipped => render::note(e),
                Err(e) => exit = fail(e),
            }
            Ok(())
        },
    );
    if let Err(e) = counted {
        exit = fail(e);
    }
    match args.format {
        OutputFormat::Text => print!("{}", stats.to_text(&engine.glossary().origin())),
        OutputFormat::Json => println!("{}", serde_json::to_string_pretty(&stats).expect("stats serialize")),
    }
    exit
}

fn import_cmd(args: &ImportArgs) -> Exit {
    let text = match read(&args.file) {
        Ok(t) => t,
        Err(e) => return fail(e),
    };
    let format = match args.from {
        ExchangeFormat::Tsv => Format::Tsv,
        ExchangeFormat::Csv => Format::Csv,
        ExchangeFormat::Tbx => Format::Tbx,
        ExchangeFormat::Codespell => Format::Codespell,
    };
    let origin = args.file.display().to_string();
    match exchange::read(format, &text, &args.lang).and_then(|entries| exchange::to_toml(&entries, &origin)) {
        Ok(toml) => {
            print!("{toml}");
            Exit::Clean
        }
        Err(e) => fail(format!("{origin}: {e}")),
    }
}

fn export_cmd(args: &ExportArgs, explicit: Option<&Path>) -> Exit {
    let engine = match load_engine(&explicit.map(Path::to_path_buf).into_iter().collect::<Vec<_>>()) {
        Ok(engine) => engine,
        Err(exit) => return exit,
    };
    let format = match args.to {
        ExportFormat::Tsv => Format::Tsv,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Tbx => Format::Tbx,
    };
    match exchange::export(engine.glossary(), format, &args.lang) {
        Ok(text) => {
            print!("{text}");
            Exit::Clean
        }
        Err(e) => fail(e),
    }
}
