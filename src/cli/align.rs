//! `glossfix align`: an article aligned with its English source, sentence by sentence.

use crate::cli::input::{FileError, read_text};
use crate::cli::{Context, Exit, finish_output, render};
use clap::{Args, ValueEnum};
use glossfix_align::formats::{to_json, to_tmx, to_tsv};
use glossfix_align::{Aligner, Dictionary, glossary_pairs};
use glossfix_text::lines::split_lines;
use glossfix_text::segment::{Language, split_sentences_in};
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
    /// How the texts are cut into segments
    #[arg(long, value_enum, default_value_t = Split::Sentences)]
    split: Split,
    /// The source's language (ISO 639-1): its abbreviations and ordinals; `en` with `fr`
    /// also uses the shipped English–French dictionary
    #[arg(long, value_name = "CODE", default_value = "en")]
    source_lang: String,
    /// The target's language (ISO 639-1)
    #[arg(long, value_name = "CODE", default_value = "fr")]
    target_lang: String,
    /// A bilingual dictionary: hunalign's `target @ source` lines or `source<TAB>target`
    #[arg(long, value_name = "FILE")]
    dictionary: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Split {
    /// Sentences, found by the splitter (paragraphs always end one)
    Sentences,
    /// One segment per line, as given: never re-split or merged (blank lines count)
    Lines,
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
    let mut aligner = Aligner::new(&glossary_pairs(cx.engine.glossary()))
        .with_languages(Language::from_code(&args.source_lang), Language::from_code(&args.target_lang));
    if let Some(path) = &args.dictionary {
        match read_dictionary(path) {
            Ok(dictionary) => aligner = aligner.with_dictionary(dictionary),
            Err(e) => {
                render::error(e);
                return Exit::Error;
            }
        }
    }
    let segments = |text: &str, language: &str| -> Vec<String> {
        match args.split {
            Split::Lines => lines(text).map(str::to_string).collect(),
            Split::Sentences => split_sentences_in(text, Language::from_code(language))
                .iter()
                .map(|s| text[s.span.start..s.span.end].to_string())
                .collect(),
        }
    };
    let (src, tgt) = (segments(&source, &args.source_lang), segments(&target, &args.target_lang));
    let src: Vec<&str> = src.iter().map(String::as_str).collect();
    let tgt: Vec<&str> = tgt.iter().map(String::as_str).collect();
    let groups = aligner.align(&src, &tgt);
    let shown = match args.format {
        AlignFormat::Tsv => to_tsv(&groups, &src, &tgt),
        AlignFormat::Json => to_json(&groups, &src, &tgt),
        AlignFormat::Tmx => to_tmx(&groups, &src, &tgt, &args.source_lang, &args.target_lang),
    };
    let mut stdout = std::io::stdout().lock();
    finish_output(stdout.write_all(shown.as_bytes()).and_then(|()| stdout.flush()), Exit::Clean)
}

/// The lines of a text without their line ends (`\n`, `\r\n` or `\r`), a BOM left out;
/// a final line end does not start another line.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    split_lines(text).into_iter().map(|l| &text[l.start..l.end])
}

/// Reads a `--dictionary` file; a line that is neither format is an error naming it.
fn read_dictionary(path: &std::path::Path) -> Result<Dictionary, FileError> {
    let text = read_text(path)?;
    Dictionary::parse(&text)
        .map_err(|line| FileError::new(path, format!("line {line}: expected `target @ source` or `source<TAB>target`")))
}

#[cfg(test)]
mod tests {
    use super::lines;

    #[test]
    fn lines_table() {
        // (text, lines)
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("a", &["a"]),
            ("a\n", &["a"]),
            ("a\n\nb\n", &["a", "", "b"]),
            ("a\r\nb\r\n", &["a", "b"]),
            ("\u{feff}a\nb", &["a", "b"]),
            ("\n", &[""]),
        ];
        for (text, want) in cases {
            assert_eq!(&lines(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }
}
