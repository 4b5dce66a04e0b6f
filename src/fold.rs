//! The folded view of a text: what the glossary automaton searches.
//!
//! aho-corasick folds ASCII case only and knows nothing of apostrophes, white space or
//! Unicode normalization, so the text is folded once into a view where:
//! - every character is canonically decomposed (NFD) and lower-cased, so `É`, `é` and
//!   `e` + U+0301 all read `e` + U+0301;
//! - ’ (U+2019) and ʼ (U+02BC) read `'`;
//! - any run of white space (space, tab, line breaks, NBSP, narrow NBSP) reads one space.
//!
//! Every folded byte remembers the offset of the original character it came from, so a
//! match in the view maps back to a span of the original text.

use crate::edit::Span;
use unicode_normalization::char::decompose_canonical;

/// True for the characters glossfix treats as apostrophes.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// A folded copy of a text with a map back to the original offsets.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`, the offset in the original of the character it came from.
    origin: Vec<u32>,
    original_len: usize,
}

impl Folded {
    /// Folds `original` (case-folded; see the module docs).
    pub fn new(original: &str) -> Self {
        Self::build(original, true)
    }

    /// Maps the folded range `[start, end)` back to the original, or `None` when either
    /// end falls inside the expansion of one original character (for example a match that
    /// ends on the `e` of a decomposed `é`).
    pub fn to_original(&self, start: usize, end: usize) -> Option<Span> {
        if !self.is_unit_start(start) || !self.is_unit_start(end) {
            return None;
        }
        let at = |i: usize| {
            if i == self.origin.len() { self.original_len } else { self.origin[i] as usize }
        };
        Some(Span::new(at(start), at(end)))
    }

    fn is_unit_start(&self, i: usize) -> bool {
        i == 0 || i == self.origin.len() || self.origin[i] != self.origin[i - 1]
    }

    fn build(original: &str, lower: bool) -> Self {
        let mut text = String::with_capacity(original.len() + original.len() / 8);
        let mut origin = Vec::with_capacity(text.capacity());
        let mut in_space = false;
        for (offset, c) in original.char_indices() {
            let before = text.len();
            if c.is_whitespace() {
                if !in_space {
                    text.push(' ');
                }
                in_space = true;
            } else {
                in_space = false;
                fold_char(c, lower, &mut text);
            }
            origin.resize(text.len(), offset as u32);
            debug_assert!(text.len() >= before);
        }
        Folded { text, origin, original_len: original.len() }
    }
}

fn fold_char(c: char, lower: bool, out: &mut String) {
    if c.is_ascii() {
        // ASCII has nothing to decompose: the common case, kept cheap.
        let c = if c == '\'' {
            '\''
        } else if lower {
            c.to_ascii_lowercase()
        } else {
            c
        };
        out.push(c);
        return;
    }
    if is_apostrophe(c) {
        out.push('\'');
        return;
    }
    decompose_canonical(c, |d| {
        if lower {
            out.extend(d.to_lowercase());
        } else {
            out.push(d);
        }
    });
}

/// Lower-cases and removes accents and other combining marks: "Choïgou" -> "choigou".
pub fn strip_accents(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd().filter(|&c| !crate::words::is_combining_mark(c)).flat_map(char::to_lowercase).collect()
}

/// Which apostrophe a repair should use at a place in a text: the one in the repaired
/// text itself, else the one its paragraph uses most, else the one the document uses
/// most, else ’.
#[derive(Debug, Clone, Copy)]
pub struct ApostropheStyle {
    document: Option<char>,
}

impl ApostropheStyle {
    /// Counts the apostrophes of the whole `text` once.
    pub fn new(text: &str) -> Self {
        ApostropheStyle { document: majority_apostrophe(text) }
    }

    /// The apostrophe for a repair of `span` in `text`.
    pub fn at(&self, text: &str, span: crate::edit::Span) -> char {
        if let Some(c) = text[span.start..span.end].chars().find(|&c| is_apostrophe(c)) {
            return c;
        }
        let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let end = text[span.end..].find('\n').map_or(text.len(), |i| span.end + i);
        majority_apostrophe(&text[start..end]).or(self.document).unwrap_or('’')
    }
}

fn majority_apostrophe(text: &str) -> Option<char> {
    let (mut straight, mut curly) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            '\'' => straight += 1,
            '’' | 'ʼ' => curly += 1,
            _ => {}
        }
    }
    match (straight, curly) {
        (0, 0) => None,
        (s, c) if s > c => Some('\''),
        _ => Some('’'),
    }
}

/// Folds a glossary pattern the way [`Folded::new`] folds text (trimmed).
pub fn fold_pattern(pattern: &str) -> String {
    Folded::build(pattern.trim(), true).text
}

/// Folds white space, apostrophes and normalization but keeps case: two strings with the
/// same `fold_keep_case` are the same text as far as a case-sensitive pattern goes.
pub fn fold_keep_case(s: &str) -> String {
    Folded::build(s.trim(), false).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_table() {
        // (input, folded)
        let cases = [
            ("Élan", "e\u{301}lan"),
            ("E\u{301}lan", "e\u{301}lan"),
            ("l’Iran", "l'iran"),
            ("l'Iran", "l'iran"),
            ("a \t\r\n\u{a0}\u{202f}b", "a b"),
            ("KIM", "kim"),
        ];
        for (input, want) in cases {
            assert_eq!(Folded::new(input).text, want, "{input:?}");
        }
    }

    #[test]
    fn maps_back_to_original_spans() {
        let text = "Le  média\u{a0}japonaise";
        let f = Folded::new(text);
        let at = f.text.find("japonaise").unwrap();
        let span = f.to_original(at, at + "japonaise".len()).unwrap();
        assert_eq!(&text[span.start..span.end], "japonaise");
        let at = f.text.find("le m").unwrap();
        let span = f.to_original(at, at + 4).unwrap();
        assert_eq!(&text[span.start..span.end], "Le  m");
        // A match ending inside a decomposed é does not map.
        let f = Folded::new("é");
        assert_eq!(f.to_original(0, 1), None);
        assert_eq!(f.to_original(0, f.text.len()), Some(Span::new(0, 2)));
    }
}
