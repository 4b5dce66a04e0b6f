//! Is this spot French prose? A small, explainable heuristic used by the glossary's
//! `french = true` condition, so that "vehicle" is repaired in "vehicle le nettoyage" and
//! left alone in an English quotation.
//!
//! The evidence is function words that belong to one language only: "le", "des", "qui"
//! are French and never English; "the", "of", "which" are English and never French.
//! Words that are both ("a", "on", "en", "plus", "car") count for neither.

use crate::chars::is_word_char;
use crate::words::words;

/// French function words that are not English words.
pub const FRENCH_ONLY: &[&str] = &[
    "au", "aux", "avec", "ce", "ces", "cette", "dans", "de", "des", "du", "elle", "elles", "est", "et", "il", "ils",
    "la", "le", "les", "leur", "leurs", "lui", "mais", "ne", "nous", "ou", "où", "par", "pas", "pour", "qu", "que",
    "qui", "sa", "se", "ses", "sont", "sur", "un", "une", "vers", "vous", "été", "à", "être", "d", "l", "s", "n", "c",
    "j", "m",
];

/// English function words that are not French words ("but", "for" and "are" are French
/// too: "le but", "for intérieur", "un are").
pub const ENGLISH_ONLY: &[&str] = &[
    "about", "and", "be", "been", "by", "from", "had", "has", "have", "he", "her", "his", "in", "is", "it", "its",
    "of", "said", "she", "that", "the", "their", "they", "this", "those", "to", "was", "were", "which", "who", "will",
    "with", "would",
];

/// How many words on each side of a spot count as its context.
const WINDOW: usize = 5;

/// (French-only, English-only) function words in `text`.
pub fn function_word_counts(text: &str) -> (usize, usize) {
    count(words(text).map(|(_, w)| w))
}

/// Counts (French-only, English-only) function words among `words`.
fn count<'a>(words: impl Iterator<Item = &'a str>) -> (usize, usize) {
    let (mut french, mut english) = (0, 0);
    for w in words {
        let w = w.to_lowercase();
        if FRENCH_ONLY.contains(&w.as_str()) {
            french += 1;
        } else if ENGLISH_ONLY.contains(&w.as_str()) {
            english += 1;
        }
    }
    (french, english)
}

/// (French-only, English-only) function words around `[start, end)`: up to five words
/// each side on the same line, the span itself excluded; when those hold neither, the
/// whole line's counts.
fn context_counts(text: &str, start: usize, end: usize) -> (usize, usize) {
    let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line_end = text[end..].find(['\n', '\r']).map_or(text.len(), |i| end + i);
    let before: Vec<&str> = words(&text[line_start..start]).map(|(_, w)| w).collect();
    let after = words(&text[end..line_end]).map(|(_, w)| w).take(WINDOW);
    let near = count(before.iter().rev().take(WINDOW).copied().chain(after));
    if near != (0, 0) {
        return near;
    }
    count(before.iter().copied().chain(words(&text[end..line_end]).map(|(_, w)| w)))
}

/// True when the words around `[start, end)` hold more French-only than English-only
/// function words (five words each side on the same line, else the whole line).
///
/// ```
/// use glossfix_text::lang::is_french_context;
/// let fr = "d’avancer plus rapidement, vehicle le nettoyage de ces fortifications";
/// let at = fr.find("vehicle").unwrap();
/// assert!(is_french_context(fr, at, at + 7));
/// let en = "“The vehicle was stopped at the border,” he said.";
/// let at = en.find("vehicle").unwrap();
/// assert!(!is_french_context(en, at, at + 7));
/// ```
pub fn is_french_context(text: &str, start: usize, end: usize) -> bool {
    let (french, english) = context_counts(text, start, end);
    french > english
}

/// True when the words around `[start, end)` hold more English-only than French-only
/// function words: an English sentence or quotation.
pub fn is_english_context(text: &str, start: usize, end: usize) -> bool {
    let (french, english) = context_counts(text, start, end);
    english > french
}

/// True when `word` is made of word characters only and is written in lower case.
pub fn is_lowercase_word(word: &str) -> bool {
    word.chars().all(is_word_char) && word.chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_table() {
        // (text, word, expect French)
        let cases = [
            ("ces steps au désespoir du président", "steps", true),
            ("la RPDC go on d’envisager de fournir", "go", true),
            ("He said the steps were taken by the army", "steps", false),
            ("steps", "steps", false),
            ("Pool Photo via AP", "Photo", false),
            ("Le média japonais Kyodo a parlé hier soir de quelque chose", "quelque", true),
        ];
        for (text, word, want) in cases {
            let at = text.find(word).unwrap();
            assert_eq!(is_french_context(text, at, at + word.len()), want, "{text:?}");
        }
    }
}
