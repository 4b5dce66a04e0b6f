//! Line and column numbers for reporting, computed from a line index.

/// Start offsets of every line of a text. Line breaks are `\n`, `\r\n` and a lone `\r`.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// 1-based line and 1-based column (counted in characters) of byte `offset`.
    ///
    /// ```
    /// use glossfix::lines::LineIndex;
    /// let text = "un\r\nété là";
    /// assert_eq!(LineIndex::new(text).position(text, text.find('l').unwrap()), (2, 5));
    /// ```
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let column = text[self.starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }
}

/// One line of a text: its content and its line break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// Offset of the first byte of the line.
    pub start: usize,
    /// Offset just past the content (before the line break).
    pub end: usize,
    /// Offset just past the line break (`end` on a last line without one).
    pub next: usize,
}

/// Splits `text` into lines, keeping the offsets of each line break.
pub fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let brk = match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
            b'\n' | b'\r' => 1,
            _ => 0,
        };
        if brk > 0 {
            lines.push(Line { start, end: i, next: i + brk });
            i += brk;
            start = i;
        } else {
            i += 1;
        }
    }
    if start < bytes.len() {
        lines.push(Line { start, end: bytes.len(), next: bytes.len() });
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_table() {
        // (text, offset, line, column)
        let cases = [
            ("abc", 0, 1, 1),
            ("abc", 2, 1, 3),
            ("a\nb", 2, 2, 1),
            ("a\r\nb", 3, 2, 1),
            ("a\rb", 2, 2, 1),
            ("éé\nx", 4, 1, 3),
            ("\u{feff}x", 3, 1, 2),
        ];
        for (text, offset, line, column) in cases {
            assert_eq!(LineIndex::new(text).position(text, offset), (line, column), "{text:?}@{offset}");
        }
    }

    #[test]
    fn split_lines_keeps_breaks() {
        let lines = split_lines("a\r\nb\n\nc");
        let got: Vec<_> = lines.iter().map(|l| (l.start, l.end, l.next)).collect();
        assert_eq!(got, [(0, 1, 3), (3, 4, 5), (5, 5, 6), (6, 7, 7)]);
    }
}
