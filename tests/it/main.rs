//! All integration tests in one binary (one link step): the corpus snapshots, the CLI.

mod align_eval;
mod cli;
mod corpus;
mod generalize;
mod glossary_cmd;
mod hostile;
mod properties;

use std::path::PathBuf;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The engine over the repository's glossary.
pub fn engine() -> glossfix::Engine {
    let glossary = glossfix::Glossary::load(&root().join("glossary.toml")).unwrap_or_else(|e| panic!("{e}"));
    glossfix::Engine::new(glossary)
}

/// `Err` naming the first problem unless every byte of `text` outside the repaired spans
/// of `outcome` survives in its output, unchanged and in order: the gaps between the
/// merged repaired regions are found in the output in turn, the first at its very start
/// and the last at its very end.
pub fn gaps_survive(text: &str, outcome: &glossfix::FixOutcome) -> Result<(), String> {
    let mut spans = Vec::new();
    for f in &outcome.applied {
        let span = f.safe_edit().ok_or("an applied finding without a safe edit")?.span;
        if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
            return Err(format!("span {span:?} is not on character boundaries"));
        }
        spans.push(span);
    }
    // Edits are sorted by where their findings are; a deletion that takes a space with
    // it starts earlier. Merge in order of edit start.
    spans.sort_unstable();
    let mut regions: Vec<(usize, usize)> = Vec::new();
    for span in spans {
        match regions.last_mut() {
            Some(last) if span.start <= last.1 => last.1 = last.1.max(span.end),
            _ => regions.push((span.start, span.end)),
        }
    }
    if regions.is_empty() {
        return if outcome.text == text { Ok(()) } else { Err("nothing repaired, yet the text changed".into()) };
    }
    let mut gaps = Vec::new();
    let mut at = 0;
    for (start, end) in &regions {
        gaps.push(&text[at..*start]);
        at = *end;
    }
    gaps.push(&text[at..]);
    let out = outcome.text.as_str();
    let (first, last) = (gaps[0], gaps[gaps.len() - 1]);
    if !out.starts_with(first) || !out.ends_with(last) {
        return Err("the text before the first repair or after the last changed".into());
    }
    let mut cursor = first.len();
    for gap in &gaps[1..gaps.len() - 1] {
        let found = out[cursor..].find(gap).ok_or_else(|| format!("gap {gap:?} lost"))?;
        cursor += found + gap.len();
    }
    if cursor > out.len() - last.len() {
        return Err("gaps overlap the end".into());
    }
    Ok(())
}
