//! `glossfix check`: every finding, including those `fix` leaves alone.

use crate::cli::input::{Cutting, FilesFrom};
use crate::cli::jsonl::{self, JsonlArgs};
use crate::cli::{Context, Exit, finish_output, gather, output, render, runner, source_check};
use clap::{Args, ValueEnum};
use glossfix::report::{Located, json_lines, locate_with, styled_text_lines, text_lines};
use glossfix::{FindingSource, Request};
use std::io::Write;
use std::path::PathBuf;

#[derive(Args)]
pub struct CheckArgs {
    /// Files or folders (folders are walked for *.txt and *.md); `-` or none for stdin
    paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// The English source of the article: also check the translation against it
    #[arg(long, value_name = "FILE", conflicts_with = "jsonl")]
    source: Option<PathBuf>,
    #[command(flatten)]
    jsonl: JsonlArgs,
    #[command(flatten)]
    files_from: FilesFrom,
}

/// How findings are written.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// `path:line:column: rule: message (-> repair) [glossary.toml:LINE]`
    Text,
    /// One JSON object per finding, one per line
    Json,
}

impl Format {
    /// The findings, written this way (text in colour, with each finding's line, when
    /// `color`).
    pub fn render(self, located: &[Located], color: bool) -> String {
        match self {
            Format::Text if color => styled_text_lines(located),
            Format::Text => text_lines(located),
            Format::Json => json_lines(located),
        }
    }
}

/// What one piece produced.
struct Checked {
    out: String,
    findings: usize,
    /// Findings whose fix `fix` applies.
    repairable: usize,
    error: Option<String>,
}

pub fn run(args: &CheckArgs, cx: &Context) -> Exit {
    let paths = match args.files_from.paths(&args.paths) {
        Ok(paths) => paths,
        Err(e) => return render::failed(e),
    };
    if let Some(fields) = args.jsonl.fields() {
        let (inputs, exit) = gather(&paths, &cx.walk);
        return exit.max(jsonl::run(&inputs, jsonl::Job::Check, &fields, cx));
    }
    let source = match source_check(args.source.as_deref(), &paths, cx) {
        Ok(source) => source,
        Err(exit) => return exit,
    };
    let sources: Vec<&dyn FindingSource> = source.iter().map(|s| s as &dyn FindingSource).collect();
    let request = Request { sources: &sources, ..Request::default() };
    // Alignment needs the whole article.
    let cutting = if source.is_some() { Cutting::WHOLE } else { cx.cutting };
    let (inputs, mut exit) = gather(&paths, &cx.walk);
    let mut stdout = std::io::stdout().lock();
    let color = cx.output.color;
    // The line around each finding is shown only in colour, as text.
    let styled = color && args.format == Format::Text;
    let mut progress = cx.output.progress(&inputs);
    let (mut files, mut findings, mut repairable) = (0, 0, 0);
    let result = runner::run(
        &inputs,
        cutting,
        cx.jobs,
        &cx.interrupt,
        |unit, text| {
            let name = inputs[unit.input].name();
            let offset = unit.offset;
            let request = Request { markup: cx.markup.of(&name), ..request };
            // The article's own glossary (the nearest glossary.toml), unless --glossary.
            let engine = match cx.glossaries.for_input(&inputs[unit.input]) {
                Ok(engine) => engine,
                Err(e) => {
                    let error = Some(format!("{name}: not checked, its glossary is refused: {e}"));
                    return Checked { out: String::new(), findings: 0, repairable: 0, error };
                }
            };
            let glossary = engine.glossary();
            match engine.findings(text, &request) {
                Ok(findings) => {
                    let located = locate_with(&name, text, glossary, &findings, offset, styled);
                    let repairable = findings.iter().filter(|f| f.fix_at(request.level).is_some()).count();
                    let out = args.format.render(&located, color);
                    Checked { out, findings: findings.len(), repairable, error: None }
                }
                Err(e) => {
                    let located = locate_with(&name, text, glossary, &e.findings, offset, styled);
                    let error = Some(render::not_converged(&name, glossary, &e));
                    let out = args.format.render(&located, color);
                    Checked { out, findings: e.findings.len().max(1), repairable: 0, error }
                }
            }
        },
        |unit, result| {
            progress.advance(unit, &inputs[unit.input].name());
            if unit.last {
                files += 1;
            }
            match result {
                Ok(checked) => {
                    progress.suspend(|| stdout.write_all(checked.out.as_bytes()))?;
                    findings += checked.findings;
                    repairable += checked.repairable;
                    if let Some(e) = checked.error {
                        progress.suspend(|| render::error(e));
                        exit = exit.max(Exit::Error);
                    } else if checked.findings > 0 {
                        exit = exit.max(Exit::Found);
                    }
                }
                Err(e) if e.skipped => progress.suspend(|| render::note(e)),
                Err(e) => {
                    progress.suspend(|| render::error(e));
                    exit = exit.max(Exit::Error);
                }
            }
            Ok(())
        },
    );
    progress.finish();
    let exit = finish_output(result.and_then(|()| stdout.flush()), exit);
    cx.output.summary(format!(
        "checked {}: {} ({repairable} repaired by fix)",
        output::count(files, "file", "files"),
        output::count(findings, "finding", "findings"),
    ));
    exit
}
