//! Spans, edits, and applying a set of edits to a text in one pass.

/// A half-open range of byte offsets `[start, end)` into the original text.
///
/// Both ends always fall on `char` boundaries of the text they index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one byte, or when an empty span
    /// sits strictly inside the other.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Replace the bytes of `span` with `replacement` (an empty replacement deletes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// What is replaced.
    pub span: Span,
    /// What it is replaced with.
    pub replacement: String,
}

/// The result of [`apply_edits`].
#[derive(Debug)]
pub struct Applied {
    /// The edited text.
    pub text: String,
    /// Indices (into the input slice) of the edits that were applied, in text order.
    pub taken: Vec<usize>,
}

/// Applies `edits` to `text`: edits are taken in order of start offset (the longer
/// first when two start together), any edit overlapping one already taken is skipped,
/// and every byte outside the taken spans is copied unchanged.
///
/// ```
/// use glossfix::{apply_edits, Edit, Span};
/// let edits = [
///     Edit { span: Span::new(0, 3), replacement: "Le".into() },
///     Edit { span: Span::new(1, 2), replacement: "x".into() }, // overlaps: skipped
/// ];
/// let applied = apply_edits("The car", &edits);
/// assert_eq!(applied.text, "Le car");
/// assert_eq!(applied.taken, vec![0]);
/// ```
pub fn apply_edits(text: &str, edits: &[Edit]) -> Applied {
    let mut order: Vec<usize> = (0..edits.len()).collect();
    order.sort_by_key(|&i| (edits[i].span.start, std::cmp::Reverse(edits[i].span.end), i));
    let mut out = String::with_capacity(text.len());
    let mut taken = Vec::new();
    let mut copied_to = 0;
    let mut last_end: Option<usize> = None;
    for i in order {
        let span = edits[i].span;
        let overlaps = last_end.is_some_and(|end| {
            span.start < end || (span.is_empty() && span.start == end && taken_is_insertion(edits, &taken, end))
        });
        if overlaps {
            continue;
        }
        out.push_str(&text[copied_to..span.start]);
        out.push_str(&edits[i].replacement);
        copied_to = span.end;
        last_end = Some(span.end);
        taken.push(i);
    }
    out.push_str(&text[copied_to..]);
    Applied { text: out, taken }
}

/// Two insertions at the same offset would be ambiguous in order: keep the first only.
fn taken_is_insertion(edits: &[Edit], taken: &[usize], at: usize) -> bool {
    taken.last().is_some_and(|&j| edits[j].span.is_empty() && edits[j].span.start == at)
}

/// Deleting a match takes one neighbouring space with it, so "avec (.) les" becomes
/// "avec les" and not "avec  les".
pub fn deletion(text: &str, span: Span) -> Edit {
    let space = |c: Option<char>| c.is_some_and(|c| matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\t'));
    let before = crate::words::char_before(text, span.start);
    let after = crate::words::char_at(text, span.end);
    let ends_clause = matches!(after, None | Some('\n' | '\r' | ',' | '.' | ';' | ':' | ')' | '!' | '?'));
    let span = match (before, after) {
        (b, Some(a)) if space(Some(a)) && (space(b) || b.is_none() || b == Some('\n')) => {
            Span::new(span.start, span.end + a.len_utf8())
        }
        (Some(b), _) if space(Some(b)) && ends_clause => Span::new(span.start - b.len_utf8(), span.end),
        _ => span,
    };
    Edit { span, replacement: String::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(start: usize, end: usize, r: &str) -> Edit {
        Edit { span: Span::new(start, end), replacement: r.to_string() }
    }

    #[test]
    fn table() {
        // (text, edits, expected text, expected taken)
        let cases: &[(&str, Vec<Edit>, &str, Vec<usize>)] = &[
            ("abc", vec![], "abc", vec![]),
            ("a b c", vec![e(2, 3, "B")], "a B c", vec![0]),
            ("a b c", vec![e(4, 5, "C"), e(0, 1, "A")], "A b C", vec![1, 0]),
            ("abcdef", vec![e(1, 3, "x"), e(1, 5, "y")], "ayf", vec![1]),
            ("abcdef", vec![e(0, 2, "x"), e(1, 3, "y"), e(2, 4, "z")], "xzef", vec![0, 2]),
            ("abc", vec![e(1, 2, "")], "ac", vec![0]),
            ("abc", vec![e(1, 1, "X"), e(1, 1, "Y")], "aXbc", vec![0]),
            ("\u{feff}é\r\n", vec![e(3, 5, "e")], "\u{feff}e\r\n", vec![0]),
        ];
        for (text, edits, want, want_taken) in cases {
            let got = apply_edits(text, edits);
            assert_eq!(&got.text, want, "text {text:?} edits {edits:?}");
            assert_eq!(&got.taken, want_taken, "taken for {text:?}");
        }
    }
}
