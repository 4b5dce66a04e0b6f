//! `glossfix align`: an article aligned with its English source, sentence by sentence.

use crate::cli::input::read_text;
use crate::cli::{Context, Exit, finish_output, render};
use clap::{Args, ValueEnum};
use glossfix_align::formats::{to_json, to_tmx, to_tsv};
use glossfix_align::{Aligner, glossary_pairs};
use glossfix_text::segment::split_sentences;
use std::io::Write;
use std::path::PathBuf;

#[derive(Args)]
pub struct AlignArgs {
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

pub fn run(args: &AlignArgs, cx: &Context) -> Exit {
    let (source, target) = match (read_text(&args.source), read_text(&args.target)) {
        (Ok(s), Ok(t)) => (s, t),
        (Err(e), _) | (_, Err(e)) => {
            render::error(e);
            return Exit::Error;
        }
    };
    let sentences = |text: &str| -> Vec<String> {
        split_sentences(text).iter().map(|s| text[s.span.start..s.span.end].to_string()).collect()
    };
    let (src, tgt) = (sentences(&source), sentences(&target));
    let src: Vec<&str> = src.iter().map(String::as_str).collect();
    let tgt: Vec<&str> = tgt.iter().map(String::as_str).collect();
    let groups = Aligner::new(&glossary_pairs(cx.engine.glossary())).align(&src, &tgt);
    let shown = match args.format {
        AlignFormat::Tsv => to_tsv(&groups, &src, &tgt),
        AlignFormat::Json => to_json(&groups, &src, &tgt),
        AlignFormat::Tmx => to_tmx(&groups, &src, &tgt, "en", "fr"),
    };
    let mut stdout = std::io::stdout().lock();
    finish_output(stdout.write_all(shown.as_bytes()).and_then(|()| stdout.flush()), Exit::Clean)
}
