//! Which apostrophe a repair writes: the text's own.

use crate::chars::is_apostrophe;
use crate::span::Span;

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
    pub fn at(&self, text: &str, span: Span) -> char {
        if let Some(c) = text[span.start..span.end].chars().find(|&c| is_apostrophe(c)) {
            return c;
        }
        let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let end = text[span.end..].find('\n').map_or(text.len(), |i| span.end + i);
        majority_apostrophe(&text[start..end]).or(self.document).unwrap_or('’')
    }

    /// `s` with every apostrophe written as the one for `span` in `text`.
    pub fn apply(&self, text: &str, span: Span, s: &str) -> String {
        if !s.chars().any(is_apostrophe) {
            return s.to_string();
        }
        let apostrophe = self.at(text, span);
        s.chars().map(|c| if is_apostrophe(c) { apostrophe } else { c }).collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_table() {
        // (text, span text, expected apostrophe)
        let cases = [
            ("l'armée et de un", "de un", '\''),
            ("l’armée et de un", "de un", '’'),
            ("de un\nl'a\nl’b l’c", "de un", '’'),
            ("rien ici", "rien", '’'),
            ("l’x et d'un", "d'un", '\''),
        ];
        for (text, part, want) in cases {
            let at = text.find(part).unwrap();
            let style = ApostropheStyle::new(text);
            assert_eq!(style.at(text, Span::new(at, at + part.len())), want, "{text:?}");
        }
    }
}
