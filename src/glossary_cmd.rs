//! `glossfix glossary ...`: the glossary maintainer's commands. Arguments and printing
//! only; the work is in the library (`lint`, `glossary_file`, `stats`, `exchange`).

use clap::{Args, Subcommand, ValueEnum};
use glossfix::exchange::{self, Format};
use glossfix::files;
use glossfix::glossary_file::{self, NewFix};
use glossfix::lint::{self, Severity};
use glossfix::stats::Stats;
use glossfix::{Engine, Glossary, report};
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum GlossaryCommand {
    /// Report every problem that makes the glossary unsafe or dead (exit 1 if any)
    Lint(LintArgs),
    /// Put the glossary in canonical order and layout, keeping every comment
    Fmt(FmtArgs),
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
pub struct AddArgs {
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

/// Exit codes, as for the other commands.
const OK: u8 = 0;
const FOUND: u8 = 1;
const ERROR: u8 = 2;

fn fail(message: impl std::fmt::Display) -> u8 {
    eprintln!("glossfix: error: {message}");
    ERROR
}

/// The glossary file to edit: FILE, else `--glossary`, else the discovered one.
fn file_to_edit(file: Option<&Path>, explicit: Option<&Path>) -> Result<PathBuf, String> {
    file.or(explicit)
        .map(Path::to_path_buf)
        .or_else(crate::discover_glossary)
        .ok_or_else(|| "no glossary.toml here or in a parent folder: pass the file to edit".to_string())
}

fn read(path: &Path) -> Result<String, String> {
    files::read_text(path).map_err(|e| e.to_string())
}

/// Runs one `glossary` subcommand and returns its exit code.
pub fn run(command: GlossaryCommand, explicit: Option<&Path>) -> u8 {
    match command {
        GlossaryCommand::Lint(args) => lint_cmd(&args, explicit),
        GlossaryCommand::Fmt(args) => fmt_cmd(&args, explicit),
        GlossaryCommand::Add(args) => edit(explicit, |source, path| {
            let fix = NewFix {
                find: args.find.clone(),
                replace: args.replace.clone(),
                note: args.note.clone(),
                french: args.french,
                safe: !args.suggest_only,
            };
            glossary_file::add_fix(source, path, &fix)
        }),
        GlossaryCommand::AddTerm(args) => edit(explicit, |source, path| {
            glossary_file::add_term(source, path, &args.canonical, &args.variants, args.note.as_deref())
        }),
        GlossaryCommand::Stats(args) => stats_cmd(&args, explicit),
        GlossaryCommand::Import(args) => import_cmd(&args),
        GlossaryCommand::Export(args) => export_cmd(&args, explicit),
    }
}

fn lint_cmd(args: &LintArgs, explicit: Option<&Path>) -> u8 {
    let (path, source) = match file_to_edit(args.file.as_deref(), explicit) {
        Ok(path) => match read(&path) {
            Ok(source) => (path.display().to_string(), source),
            Err(e) => return fail(e),
        },
        Err(_) => ("<default glossary>".to_string(), glossfix::glossary::DEFAULT_GLOSSARY.to_string()),
    };
    let problems = match Glossary::parse(&source, &path) {
        Ok(glossary) => lint::lint(&glossary),
        Err(e) => {
            // Bad TOML is a problem like the others.
            let problem = lint::Problem {
                offset: 0,
                line: e.line,
                column: e.column,
                severity: Severity::Error,
                kind: "syntax",
                message: e.message,
            };
            vec![problem]
        }
    };
    match args.format {
        OutputFormat::Text => {
            for p in &problems {
                println!("{path}:{p}");
            }
            let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
            eprintln!("{path}: {errors} error(s), {} warning(s)", problems.len() - errors);
        }
        OutputFormat::Json => {
            for p in &problems {
                let mut value = serde_json::to_value(p).expect("problems serialize");
                value["path"] = serde_json::Value::String(path.clone());
                println!("{value}");
            }
        }
    }
    if problems.is_empty() { OK } else { FOUND }
}

fn fmt_cmd(args: &FmtArgs, explicit: Option<&Path>) -> u8 {
    let path = match file_to_edit(args.file.as_deref(), explicit) {
        Ok(path) => path,
        Err(e) => return fail(e),
    };
    let source = match read(&path) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let formatted = match glossary_file::format(&source) {
        Ok(f) => f,
        Err(e) => return fail(format!("{}: {e}", path.display())),
    };
    if formatted == source {
        return OK;
    }
    if args.check {
        print!("{}", report::unified_diff(&path.display().to_string(), &source, &formatted));
        return FOUND;
    }
    match files::write_atomic(&path, &formatted) {
        Ok(()) => {
            eprintln!("formatted {}", path.display());
            OK
        }
        Err(e) => fail(e),
    }
}

/// Applies an edit to the glossary file and writes it atomically, or explains the refusal.
fn edit(explicit: Option<&Path>, change: impl FnOnce(&str, &str) -> Result<String, glossary_file::EditError>) -> u8 {
    let path = match file_to_edit(None, explicit) {
        Ok(path) => path,
        Err(e) => return fail(e),
    };
    let source = match read(&path) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    match change(&source, &path.display().to_string()) {
        Ok(updated) => match files::write_atomic(&path, &updated) {
            Ok(()) => {
                eprintln!("updated {}", path.display());
                OK
            }
            Err(e) => fail(e),
        },
        Err(e) => {
            eprintln!("glossfix: {e}");
            FOUND
        }
    }
}

fn stats_cmd(args: &StatsArgs, explicit: Option<&Path>) -> u8 {
    let glossary = match crate::load_glossary(explicit) {
        Ok(g) => g,
        Err(e) => return fail(e),
    };
    let glossary_path = glossary.path.clone();
    let engine = Engine::new(glossary);
    let mut stats = Stats::new(&engine);
    let (found, errors) = files::collect(&args.paths);
    let mut code = OK;
    for e in errors {
        code = fail(e);
    }
    for path in found {
        match files::read_text(&path) {
            Ok(text) => stats.add(&engine, &path.display().to_string(), &text),
            Err(e) => code = fail(e),
        }
    }
    match args.format {
        OutputFormat::Text => print!("{}", stats.to_text(&glossary_path)),
        OutputFormat::Json => println!("{}", serde_json::to_string_pretty(&stats).expect("stats serialize")),
    }
    code
}

fn import_cmd(args: &ImportArgs) -> u8 {
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
            OK
        }
        Err(e) => fail(format!("{origin}: {e}")),
    }
}

fn export_cmd(args: &ExportArgs, explicit: Option<&Path>) -> u8 {
    let glossary = match crate::load_glossary(explicit) {
        Ok(g) => g,
        Err(e) => return fail(e),
    };
    let format = match args.to {
        ExportFormat::Tsv => Format::Tsv,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Tbx => Format::Tbx,
    };
    match exchange::export(&glossary, format, &args.lang) {
        Ok(text) => {
            print!("{text}");
            OK
        }
        Err(e) => fail(e),
    }
}
