//! Sentence splitting for French and English prose.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it,
//! French spacing included: `. »`) when white space and a sentence opening follow: a
//! capital, a digit, an opening quote or bracket, a dash. It never ends:
//! - after an abbreviation ("M.", "Mme", "Dr.", "U.S.", "e.g.") or an initial ("J. K."),
//! - inside a number ("1.5"), or before a lower-case word ("Kirby. journalistes" stays
//!   one sentence, as the translation broke it).
//!
//! A paragraph (a line, or a block of hard-wrapped lines) always ends a sentence, so
//! headlines without a full stop are sentences of their own.

use crate::edit::Span;
use crate::lines::paragraphs;
use crate::words::{char_at, char_before, is_word_char};

/// Abbreviations after which a full stop does not end a sentence (lower case, without
/// the final full stop).
const ABBREVIATIONS: &[&str] = &[
    // French
    "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "mgr", "st", "ste", "av", "apr", "env", "cf", "p",
    "pp", "vol", "n", "no", "art", "chap", "fig", "éd", "coll", "dir", "trad", "hab", "min", "max", "sq", "resp",
    "var", "ex", "gén", "col", "lt", "cdt", "sgt", "adj", "jr", "sr", // English
    "mr", "mrs", "ms", "prof", "rev", "hon", "gen", "gov", "sen", "rep", "capt", "maj", "lieut", "sgt", "inc", "corp",
    "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "approx",
    "dept", "est", "fig", "mt", "ft",
];

/// Abbreviations written with inner full stops ("U.S.", "e.g."), compared lower-cased.
const DOTTED: &[&str] = &["u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "j.-c", "d.c", "n.b", "p.s", "ph.d"];

/// One sentence: its span in the text and the paragraph it is in (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Where it is, without surrounding white space.
    pub span: Span,
    /// Index of its paragraph.
    pub paragraph: usize,
}

/// Splits `text` into sentences.
///
/// ```
/// use glossfix::segment::split_sentences;
/// let text = "M. Dupont est arrivé. Il a parlé.";
/// let s: Vec<&str> = split_sentences(text).iter().map(|s| &text[s.span.start..s.span.end]).collect();
/// assert_eq!(s, ["M. Dupont est arrivé.", "Il a parlé."]);
/// ```
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (paragraph, (start, end)) in paragraphs(text).into_iter().enumerate() {
        let mut sentence_start = start;
        let mut i = start;
        while i < end {
            let c = char_at(text, i).expect("inside the paragraph");
            i += c.len_utf8();
            if !matches!(c, '.' | '!' | '?' | '…') {
                continue;
            }
            // The whole run of terminators and closing marks ("?!", ".”", ". »").
            let mut close = i;
            while let Some(n) = char_at(text, close).filter(|_| close < end) {
                if matches!(n, '.' | '!' | '?' | '…' | '”' | '"' | '’' | '»' | ')' | ']' | '\'') {
                    close += n.len_utf8();
                    continue;
                }
                // French spacing before a closing guillemet: ". »"
                let after = close + n.len_utf8();
                if matches!(n, ' ' | '\u{a0}' | '\u{202f}') && after < end && char_at(text, after) == Some('»') {
                    close = after + '»'.len_utf8();
                    continue;
                }
                break;
            }
            if c == '.' && !ends_sentence_at_period(text, i - 1) {
                continue;
            }
            let rest = &text[close..end];
            let next_start = close + (rest.len() - rest.trim_start().len());
            if next_start == close || next_start >= end {
                continue; // no white space after it, or the paragraph ends anyway
            }
            if opens_sentence(char_at(text, next_start)) {
                push(text, &mut out, sentence_start, close, paragraph);
                sentence_start = next_start;
                i = next_start;
            }
        }
        push(text, &mut out, sentence_start, end, paragraph);
    }
    out
}

fn push(text: &str, out: &mut Vec<Sentence>, start: usize, end: usize, paragraph: usize) {
    let raw = &text[start..end];
    let lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    if !trimmed.is_empty() {
        out.push(Sentence { span: Span::new(start + lead, start + lead + trimmed.len()), paragraph });
    }
}

fn opens_sentence(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '«' | '(' | '[' | '—' | '–' | '-' | '¿' | '¡')
    })
}

/// Whether the full stop at byte `dot` can end a sentence: not after an abbreviation,
/// an initial, or inside a dotted abbreviation.
fn ends_sentence_at_period(text: &str, dot: usize) -> bool {
    // The word before the full stop.
    let mut start = dot;
    while let Some(c) = char_before(text, start) {
        if is_word_char(c) || c == '.' || c == '-' {
            start -= c.len_utf8();
        } else {
            break;
        }
    }
    let word = &text[start..dot];
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    if DOTTED.iter().any(|d| lower == *d || lower.ends_with(&format!(".{d}"))) {
        return false;
    }
    let last = lower.rsplit('.').next().unwrap_or(&lower);
    if ABBREVIATIONS.contains(&last) {
        return false;
    }
    // An initial: one capital letter ("J. K. Rowling").
    let mut chars = word.rsplit('.').next().unwrap_or(word).chars();
    !matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text).iter().map(|s| &text[s.span.start..s.span.end]).collect()
    }

    #[test]
    fn sentences_table() {
        // (text, sentences)
        let cases: &[(&str, &[&str])] = &[
            ("Un. Deux ! Trois ? Quatre…", &["Un.", "Deux !", "Trois ?", "Quatre…"]),
            (
                "M. Dupont et Mme Martin sont venus. Ils sont partis.",
                &["M. Dupont et Mme Martin sont venus.", "Ils sont partis."],
            ),
            (
                "Dr. Smith met Mr. Jones in the U.S. Army base. They talked.",
                &["Dr. Smith met Mr. Jones in the U.S. Army base.", "They talked."],
            ),
            ("J. K. Rowling wrote it. She did.", &["J. K. Rowling wrote it.", "She did."]),
            ("It grew 1.5 percent. Then it fell.", &["It grew 1.5 percent.", "Then it fell."]),
            ("Le vendredi 18 août 2023. Ensuite, rien.", &["Le vendredi 18 août 2023.", "Ensuite, rien."]),
            (
                "“We are watching,” he said. “It is serious.” Then he left.",
                &["“We are watching,” he said.", "“It is serious.”", "Then he left."],
            ),
            ("Il a dit : « C’est fini. » Puis il est parti.", &["Il a dit : « C’est fini. »", "Puis il est parti."]),
            ("« C’est fini ». Puis il est parti.", &["« C’est fini ».", "Puis il est parti."]),
            ("a déclaré John Kirby. journalistes mercredi.", &["a déclaré John Kirby. journalistes mercredi."]),
            (
                "Maison Blanche : des négociations\n\nLa Maison Blanche a déclaré.",
                &["Maison Blanche : des négociations", "La Maison Blanche a déclaré."],
            ),
            (
                "Headline without a stop\nFirst sentence. Second one.",
                &["Headline without a stop", "First sentence.", "Second one."],
            ),
            ("Des armes, etc. Le reste suivra.", &["Des armes, etc.", "Le reste suivra."]),
            ("e.g. this one. Yes.", &["e.g. this one.", "Yes."]),
            ("Il est 10 h. Il part à 11 h 30.", &["Il est 10 h.", "Il part à 11 h 30."]),
        ];
        for (text, want) in cases {
            assert_eq!(&split(text), want, "{text:?}");
        }
    }

    #[test]
    fn wrapped_paragraphs_and_paragraph_numbers() {
        let text =
            "Une longue phrase qui est repliée à la main sur deux\nlignes et qui se termine ici. Une autre.\n\nSuite.";
        let s = split_sentences(text);
        assert_eq!(s.len(), 3);
        assert_eq!((s[0].paragraph, s[1].paragraph, s[2].paragraph), (0, 0, 1));
        assert!(text[s[0].span.start..s[0].span.end].contains("deux\nlignes"));
    }
}
