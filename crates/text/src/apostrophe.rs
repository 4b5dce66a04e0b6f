//! Which apostrophe a repair writes: the text's own.

use crate::chars::is_apostrophe;
use crate::span::Span;

/// Which apostrophe a repair should use at a place in a text: the one in the repaired
/// text itself, else the one its paragraph uses most, else the one the document uses
/// most, else ’. Every line's counts are taken once, so a question costs a binary search
/// whatever the length of the line.
#[derive(Debug, Clone, Default)]
pub struct ApostropheStyle {
    /// Where each `\n` is.
    breaks: Vec<usize>,
    /// Straight and curly apostrophes on the lines before line `i`.
    straight: Vec<u32>,
    curly: Vec<u32>,
}

impl ApostropheStyle {
    /// Counts the apostrophes of the whole `text` once, line by line.
    pub fn new(text: &str) -> Self {
        let mut style = ApostropheStyle { straight: vec![0], curly: vec![0], ..Self::default() };
        let (mut straight, mut curly) = (0u32, 0u32);
        // Vectorised searches for the line breaks and for the bytes an apostrophe starts
        // with, merged in order: ’ is E2 80 99 and ʼ is CA BC in UTF-8, and no other
        // character's encoding holds those sequences.
        let bytes = text.as_bytes();
        let mut marks = memchr::memchr3_iter(b'\'', 0xE2, 0xCA, bytes).peekable();
        let mut count_before = |end: usize, straight: &mut u32, curly: &mut u32| {
            while let Some(i) = marks.next_if(|&i| i < end) {
                match bytes[i] {
                    b'\'' => *straight += 1,
                    0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x99]) => *curly += 1,
                    0xCA if bytes.get(i + 1) == Some(&0xBC) => *curly += 1,
                    _ => {}
                }
            }
        };
        for at in memchr::memchr_iter(b'\n', bytes) {
            count_before(at, &mut straight, &mut curly);
            style.breaks.push(at);
            style.straight.push(straight);
            style.curly.push(curly);
        }
        count_before(bytes.len(), &mut straight, &mut curly);
        style.straight.push(straight);
        style.curly.push(curly);
        style
    }

    /// The apostrophe for a repair of `span` in `text` (the text `new` was given).
    pub fn at(&self, text: &str, span: Span) -> char {
        if let Some(c) = text[span.start..span.end].chars().find(|&c| is_apostrophe(c)) {
            return c;
        }
        // The lines from the one holding `span.start` to the one holding `span.end`.
        let first = self.breaks.partition_point(|&b| b < span.start);
        let last = self.breaks.partition_point(|&b| b < span.end);
        let straight = self.straight[last + 1] - self.straight[first];
        let curly = self.curly[last + 1] - self.curly[first];
        let document = || majority(*self.straight.last()? as usize, *self.curly.last()? as usize);
        majority(straight as usize, curly as usize).or_else(document).unwrap_or('’')
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

/// The apostrophe most used, given how many of each; curly on a tie.
fn majority(straight: usize, curly: usize) -> Option<char> {
    match (straight, curly) {
        (0, 0) => None,
        (s, c) if s > c => Some('\''),
        _ => Some('’'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The counts are the counts of a byte loop over the text, on any text.
        #[test]
        fn lines_count_as_a_byte_loop_counts_them(text in "[a'’ʼ\n\u{2018}\u{2020}\u{2BB}é]{0,30}") {
            let style = ApostropheStyle::new(&text);
            let (mut breaks, mut straight, mut curly) = (Vec::new(), vec![0], vec![0]);
            let (mut s, mut c) = (0, 0);
            for ch in text.chars() {
                match ch {
                    '\'' => s += 1,
                    '’' | 'ʼ' => c += 1,
                    _ => {}
                }
                if ch == '\n' {
                    breaks.push(straight.len() - 1);
                    straight.push(s);
                    curly.push(c);
                }
            }
            straight.push(s);
            curly.push(c);
            let want_breaks: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
            proptest::prop_assert_eq!(&style.breaks, &want_breaks);
            proptest::prop_assert_eq!(breaks.len(), want_breaks.len());
            proptest::prop_assert_eq!(&style.straight, &straight, "{:?}", text);
            proptest::prop_assert_eq!(&style.curly, &curly, "{:?}", text);
        }
    }

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
