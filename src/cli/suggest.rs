//! `glossfix suggest`: glossary entries proposed from a corpus, as TOML.

use crate::cli::{Context, Exit, finish_output, gather, render, runner};
use clap::Args;
use glossfix_maintain::suggest::{Collector, Observed, to_toml};
use std::io::Write;
use std::path::PathBuf;

#[derive(Args)]
pub struct SuggestArgs {
    /// Files or folders (folders are walked for *.txt and *.md); `-` or none for stdin
    paths: Vec<PathBuf>,
}

pub fn run(args: &SuggestArgs, cx: &Context) -> Exit {
    let (inputs, mut exit) = gather(&args.paths, &cx.walk);
    let mut collector = Collector::new();
    // Large inputs are read chunk by chunk (chunks end at paragraph breaks, which no run
    // of names crosses), on every core, and counted in input order: memory stays bounded.
    let result = runner::run(
        &inputs,
        cx.cutting,
        cx.jobs,
        &cx.interrupt,
        |_, text| Observed::of(&cx.engine, text),
        |unit, observed| {
            match observed {
                Ok(observed) => collector.add_observed(observed, unit.part == 0),
                Err(e) if e.skipped => render::note(e),
                Err(e) => {
                    render::error(e);
                    exit = Exit::Error;
                }
            }
            Ok(())
        },
    );
    let toml = to_toml(&collector.finish(&cx.engine));
    let mut stdout = std::io::stdout().lock();
    finish_output(result.and_then(|()| stdout.write_all(toml.as_bytes())).and_then(|()| stdout.flush()), exit)
}
