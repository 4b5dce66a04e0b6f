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
            // Jump to the next line break.
            match memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
                Some(next) => i += next,
                None => break,
            }
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

    /// How many line breaks the text has.
    pub fn breaks(&self) -> usize {
        self.starts.len() - 1
    }

    /// 1-based line and 1-based column (counted in characters) of byte `offset`.
    ///
    /// ```
    /// use glossfix_text::lines::LineIndex;
    /// let text = "un\r\nété là";
    /// assert_eq!(LineIndex::new(text).position(text, text.find('l').unwrap()), (2, 5));
    /// ```
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let column = text[self.starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// A cursor that gives [`LineIndex::position`]s of offsets taken in increasing order
    /// in time linear in the text, however long its lines: each column is counted on
    /// from the previous one on the same line.
    pub fn cursor<'a>(&'a self, text: &'a str) -> Cursor<'a> {
        Cursor { index: self, text, last: None }
    }
}

/// See [`LineIndex::cursor`].
#[derive(Debug)]
pub struct Cursor<'a> {
    index: &'a LineIndex,
    text: &'a str,
    /// The last offset asked, its 0-based line and 1-based column.
    last: Option<(usize, usize, usize)>,
}

impl Cursor<'_> {
    /// 1-based line and 1-based column (in characters) of byte `offset`, as
    /// [`LineIndex::position`] gives them.
    ///
    /// ```
    /// use glossfix_text::lines::LineIndex;
    /// let text = "un été\nlà-bas là";
    /// let index = LineIndex::new(text);
    /// let mut cursor = index.cursor(text);
    /// for at in [0, 3, 8, 9, 15, 3] {
    ///     assert_eq!(cursor.position(at), index.position(text, at));
    /// }
    /// ```
    pub fn position(&mut self, offset: usize) -> (usize, usize) {
        let starts = &self.index.starts;
        let line = starts.partition_point(|&s| s <= offset) - 1;
        let column = match self.last {
            Some((from, last_line, column)) if last_line == line && from <= offset => {
                column + self.text[from..offset].chars().count()
            }
            _ => self.text[starts[line]..offset].chars().count() + 1,
        };
        self.last = Some((offset, line, column));
        (line + 1, column)
    }
}

/// The line around `[start, end)` (up to the `\n` before and after), but no more than
/// `reach` bytes on either side: the context a rule looks at near a spot. Bounding it
/// keeps the rules linear on text without line breaks, where a line is the whole text.
/// The bounds fall on character boundaries.
///
/// ```
/// use glossfix_text::lines::line_around;
/// let text = "un\ndeux trois quatre\ncinq";
/// let at = text.find("trois").unwrap();
/// assert_eq!(&text[line_around(text, at, at + 5, 100).0..line_around(text, at, at + 5, 100).1], "deux trois quatre");
/// let (from, to) = line_around(text, at, at + 5, 3);
/// assert_eq!(&text[from..to], "ux trois qu");
/// ```
pub fn line_around(text: &str, start: usize, end: usize, reach: usize) -> (usize, usize) {
    let mut from = start.saturating_sub(reach);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = end.saturating_add(reach).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let from = text[from..start].rfind('\n').map_or(from, |i| from + i + 1);
    let to = text[end..to].find('\n').map_or(to, |i| end + i);
    (from, to)
}

/// How many line breaks `text` has (`\n`, `\r\n` and a lone `\r` count one each), as
/// [`LineIndex::breaks`] would say without building the index.
///
/// ```
/// use glossfix_text::lines::count_line_breaks;
/// assert_eq!(count_line_breaks("a\r\nb\rc\n"), 3);
/// ```
pub fn count_line_breaks(text: &str) -> usize {
    let bytes = text.as_bytes();
    let newlines = memchr::memchr_iter(b'\n', bytes).count();
    if memchr::memchr(b'\r', bytes).is_none() {
        return newlines; // the common case: one vectorised count
    }
    let lone_cr = bytes.iter().enumerate().filter(|&(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n')).count();
    newlines + lone_cr
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
    // Jump from line break to line break.
    while let Some(at) = memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
        let i = start + at;
        let brk = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
        lines.push(Line { start, end: i, next: i + brk });
        start = i + brk;
    }
    if start < bytes.len() {
        lines.push(Line { start, end: bytes.len(), next: bytes.len() });
    }
    lines
}

/// The paragraphs of `text` as `(start, end)` byte ranges. A paragraph is one line,
/// unless lines are hard-wrapped: a block of non-blank lines whose lines (all but the
/// last) are 40 to 100 characters long is one paragraph.
pub fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let lines = split_lines(text);
    let blank = |l: &Line| text[l.start..l.end].trim().is_empty();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if blank(&lines[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < lines.len() && !blank(&lines[j]) {
            j += 1;
        }
        // Hard-wrapped: every line but the last 40 to 100 characters long, and most line
        // breaks inside a sentence. One sentence per line (each ending with a stop) is
        // not wrapped, however long its lines.
        let ends_sentence = |l: &Line| text[l.start..l.end].trim_end().ends_with(['.', '!', '?', '…', '»', '”', '"']);
        let breaks = j - i - 1;
        let wrapped = j - i >= 2
            && lines[i..j - 1].iter().all(|l| (40..=100).contains(&text[l.start..l.end].chars().count()))
            && lines[i..j - 1].iter().filter(|l| ends_sentence(l)).count() * 2 <= breaks;
        if wrapped {
            out.push((lines[i].start, lines[j - 1].end));
        } else {
            out.extend(lines[i..j].iter().map(|l| (l.start, l.end)));
        }
        i = j;
    }
    out
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
            ("a\r\n\r\rb\n\nc", 8, 6, 1),
            ("a\r\n\r\rb\n\nc", 6, 4, 2),
        ];
        for (text, offset, line, column) in cases {
            assert_eq!(LineIndex::new(text).position(text, offset), (line, column), "{text:?}@{offset}");
        }
        for text in ["", "a", "a\n", "a\r\n\r\rb\n\nc\r", "\r\n\r\n"] {
            assert_eq!(LineIndex::new(text).breaks(), count_line_breaks(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn split_lines_reads_every_line_break(text in "[a\r\n]{0,30}") {
            // The byte loop it replaced.
            let bytes = text.as_bytes();
            let (mut want, mut start, mut i) = (Vec::new(), 0, 0);
            while i < bytes.len() {
                let brk = match bytes[i] {
                    b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
                    b'\n' | b'\r' => 1,
                    _ => 0,
                };
                if brk > 0 {
                    want.push(Line { start, end: i, next: i + brk });
                    i += brk;
                    start = i;
                } else {
                    i += 1;
                }
            }
            if start < bytes.len() {
                want.push(Line { start, end: bytes.len(), next: bytes.len() });
            }
            proptest::prop_assert_eq!(split_lines(&text), want);
            proptest::prop_assert_eq!(count_line_breaks(&text), LineIndex::new(&text).breaks());
        }
    }

    #[test]
    fn split_lines_keeps_breaks() {
        let lines = split_lines("a\r\nb\n\nc");
        let got: Vec<_> = lines.iter().map(|l| (l.start, l.end, l.next)).collect();
        assert_eq!(got, [(0, 1, 3), (3, 4, 5), (5, 5, 6), (6, 7, 7)]);
    }

    #[test]
    fn paragraphs_table() {
        let wrapped =
            "Une phrase assez longue pour ressembler à du texte\nreplié à la main, qui continue ici.\n\nAutre.";
        // (text, paragraphs)
        let cases: Vec<(&str, Vec<&str>)> = vec![
            ("Un.\nDeux.\n\nTrois.", vec!["Un.", "Deux.", "Trois."]),
            (
                wrapped,
                vec![
                    "Une phrase assez longue pour ressembler à du texte\nreplié à la main, qui continue ici.",
                    "Autre.",
                ],
            ),
            ("Follow\nEn direct\nLe texte.", vec!["Follow", "En direct", "Le texte."]),
            // One sentence per line, lines of wrapping length: each line is a paragraph.
            (
                "La face nord-est de la Kingspitz, haute de 600 m, est raide.\nAu petit matin du 9 septembre 1988, nous partons.\nMichel Piola, Vernier",
                vec![
                    "La face nord-est de la Kingspitz, haute de 600 m, est raide.",
                    "Au petit matin du 9 septembre 1988, nous partons.",
                    "Michel Piola, Vernier",
                ],
            ),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = paragraphs(text).into_iter().map(|(s, e)| &text[s..e]).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}
