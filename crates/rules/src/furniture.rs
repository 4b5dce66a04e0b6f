//! Page furniture that no glossary entry names: a short line near the top or bottom of
//! an article, without sentence punctuation ("Follow", "En direct", "Partager sur
//! Facebook"). Reported, never removed: glossary `[[furniture]]` entries remove lines.

use crate::context::Context;
use glossfix_diagnostics::{Finding, RuleId};
use glossfix_text::Span;
use glossfix_text::lines::split_lines;
use glossfix_text::words::words;

/// How many non-blank lines at each end of the article are looked at.
const EDGE_LINES: usize = 3;
/// Longer lines are headlines or text, not navigation.
const MAX_WORDS: usize = 4;

/// Reports short, unpunctuated lines among the first and last lines of the text.
pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let text = cx.text;
    let content: Vec<Span> = split_lines(text)
        .into_iter()
        .filter_map(|l| {
            let line = &text[l.start..l.end];
            let content = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
            let lead = line.len() - line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}').len();
            (!content.is_empty()).then(|| Span::new(l.start + lead, l.start + lead + content.len()))
        })
        .collect();
    if content.len() <= 2 * EDGE_LINES {
        return; // a short text: nothing to tell furniture from content
    }
    let edges = content.iter().take(EDGE_LINES).chain(content.iter().rev().take(EDGE_LINES));
    for span in edges {
        let line = &text[span.start..span.end];
        let word_count = words(line).count();
        let punctuated = line.contains(['.', '!', '?', ':', ';', '»', '”', '"', '…', ',', '(']);
        let has_letters = line.chars().any(char::is_alphabetic);
        let has_digits = line.chars().any(|c| c.is_ascii_digit()); // "Article 30", "Version 11.0": headings
        if word_count <= MAX_WORDS && !punctuated && has_letters && !has_digits {
            out.push(Finding::new(
                RuleId::PageFurniture,
                *span,
                format!("{line:?} looks like page furniture (add it to [[furniture]] to remove it)"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run;

    #[test]
    fn furniture_table() {
        let body = "Une phrase.\nUne autre phrase.\nEncore une.\nEt une autre.\nLa suite.\nLa fin, enfin.\nFin.";
        // (text, reported lines)
        let cases: Vec<(String, Vec<&str>)> = vec![
            (format!("Follow\nEn direct\n{body}"), vec!["Follow", "En direct"]),
            (format!("{body}\n\nPartager sur Facebook"), vec!["Partager sur Facebook"]),
            (format!("Maison Blanche : des négociations secrètes progressent\n{body}"), vec![]),
            (format!("{body}\nSource: AA"), vec![]),
            ("Follow\nFin.".to_string(), vec![]),
            (format!("{body}\nMercredi 18 septembre 2024 à Paris ce jour"), vec![]),
            (format!("   \n  Follow  \n \t\n{body}\nArticle 30"), vec!["Follow"]),
        ];
        for (text, want) in cases {
            let got: Vec<_> = run(check, &text).iter().map(|f| &text[f.span.start..f.span.end]).collect::<Vec<_>>();
            assert_eq!(got, want, "{text:?}");
        }
    }
}
