//! Edits, fixes and applying them: a fix is one or more edits that stand or fall
//! together (ruff's `Fix`), with how sure it is.

use glossfix_text::Span;
use glossfix_text::chars::{char_at, char_before, is_inline_space};
use serde::Serialize;
use std::collections::BTreeMap;

/// How safe a fix is to apply without a human looking (ruff's `Applicability`).
/// Ordered from the surest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Certain in context: `fix` applies it.
    Safe,
    /// Probably right, but a human should confirm: `check` shows it, `fix` applies it
    /// only when asked for unsafe fixes (`fix --unsafe`).
    Unsafe,
    /// Shown to explain a finding, never applied (for example a repair withheld because
    /// the repairs of its text do not converge).
    DisplayOnly,
}

/// Replace the bytes of `span` with `replacement` (an empty replacement deletes, an
/// empty span inserts).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Edit {
    /// What is replaced.
    pub span: Span,
    /// What it is replaced with.
    pub replacement: String,
}

impl Edit {
    /// Replaces `span` with `replacement`.
    pub fn replace(span: Span, replacement: impl Into<String>) -> Self {
        Edit { span, replacement: replacement.into() }
    }

    /// Deletes exactly `span`.
    pub fn delete(span: Span) -> Self {
        Edit { span, replacement: String::new() }
    }

    /// Deletes `span` of `text` and one neighbouring space, so "avec (.) les" becomes
    /// "avec les" and not "avec  les": the space after it when it stands between spaces
    /// (or at a line start), else the space before it when it ends a clause.
    ///
    /// ```
    /// use glossfix_diagnostics::Edit;
    /// use glossfix_text::Span;
    /// let text = "avec (.) les";
    /// assert_eq!(Edit::deletion(text, Span::new(5, 8)).span, Span::new(5, 9));
    /// let text = "les médias (.)";
    /// let at = text.find('(').unwrap();
    /// assert_eq!(Edit::deletion(text, Span::new(at, text.len())).span, Span::new(at - 1, text.len()));
    /// ```
    pub fn deletion(text: &str, span: Span) -> Self {
        let space = |c: Option<char>| c.is_some_and(is_inline_space);
        let before = char_before(text, span.start);
        let after = char_at(text, span.end);
        let ends_clause = matches!(after, None | Some('\n' | '\r' | ',' | '.' | ';' | ':' | ')' | '!' | '?'));
        let span = match (before, after) {
            (b, Some(a)) if space(Some(a)) && (space(b) || b.is_none() || b == Some('\n')) => {
                Span::new(span.start, span.end + a.len_utf8())
            }
            (Some(b), _) if space(Some(b)) && ends_clause => Span::new(span.start - b.len_utf8(), span.end),
            _ => span,
        };
        Edit::delete(span)
    }

    /// True when applying the edit to `text` changes nothing.
    pub fn is_noop(&self, text: &str) -> bool {
        text[self.span.start..self.span.end] == self.replacement
    }
}

/// A repair: one or more edits applied all together or not at all, and how sure it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    edits: Vec<Edit>,
    applicability: Applicability,
}

impl Fix {
    /// A fix of several edits. They must not overlap one another.
    ///
    /// # Panics
    /// When `edits` is empty.
    pub fn new(mut edits: Vec<Edit>, applicability: Applicability) -> Self {
        assert!(!edits.is_empty(), "a fix has at least one edit");
        edits.sort_by_key(|e| (e.span.start, e.span.end));
        Fix { edits, applicability }
    }

    /// A safe fix of one edit: `fix` applies it.
    pub fn safe(edit: Edit) -> Self {
        Fix::new(vec![edit], Applicability::Safe)
    }

    /// An unsafe fix of one edit: a suggestion, applied by `fix --unsafe` only.
    pub fn suggestion(edit: Edit) -> Self {
        Fix::new(vec![edit], Applicability::Unsafe)
    }

    /// The edits, sorted by position.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// How sure the fix is.
    pub fn applicability(&self) -> Applicability {
        self.applicability
    }

    /// True when a run that applies fixes up to `level` applies this one. A display-only
    /// fix is never applied.
    pub fn applies_at(&self, level: Applicability) -> bool {
        self.applicability != Applicability::DisplayOnly && self.applicability <= level
    }

    /// The smallest span covering every edit.
    pub fn span(&self) -> Span {
        let first = self.edits[0].span;
        self.edits.iter().fold(first, |acc, e| acc.cover(&e.span))
    }

    /// The same edits, shown but never applied.
    pub fn display_only(self) -> Self {
        Fix { applicability: Applicability::DisplayOnly, ..self }
    }

    /// What `text[within]` becomes once the edits inside it are made (edits outside
    /// `within` are left out; `within` should cover the fix's span).
    pub fn render(&self, text: &str, within: Span) -> String {
        let mut out = String::new();
        let mut at = within.start;
        for edit in self.edits.iter().filter(|e| within.contains(&e.span)) {
            out.push_str(&text[at..edit.span.start]);
            out.push_str(&edit.replacement);
            at = edit.span.end;
        }
        out.push_str(&text[at..within.end]);
        out
    }
}

/// The result of [`apply_fixes`] and [`apply_edits`].
#[derive(Debug)]
pub struct Applied {
    /// The edited text.
    pub text: String,
    /// Indices (into the input slice) of the fixes or edits applied, in text order.
    pub taken: Vec<usize>,
}

/// True when `a` and `b` cannot both be applied: they share a byte, or an insertion
/// falls at the start or inside of the other (its place would be ambiguous), or two
/// insertions fall at the same place.
fn conflicts(a: Span, b: Span) -> bool {
    match (a.is_empty(), b.is_empty()) {
        (false, false) => a.overlaps(&b),
        (true, false) => b.start <= a.start && a.start < b.end,
        (false, true) => a.start <= b.start && b.start < a.end,
        (true, true) => a.start == b.start,
    }
}

/// The edits taken so far, for conflict tests in logarithmic time.
#[derive(Default)]
struct Taken {
    /// Non-empty spans, disjoint: start -> end.
    spans: BTreeMap<usize, usize>,
    /// Insertion points.
    insertions: BTreeMap<usize, ()>,
}

impl Taken {
    fn conflicts(&self, span: Span) -> bool {
        if span.is_empty() {
            let p = span.start;
            let inside = self.spans.range(..=p).next_back().is_some_and(|(&s, &e)| conflicts(span, Span::new(s, e)));
            inside || self.insertions.contains_key(&p)
        } else {
            let before_end = self.spans.range(..span.end).next_back();
            let overlapping = before_end.is_some_and(|(&s, &e)| conflicts(span, Span::new(s, e)));
            overlapping || self.insertions.range(span.start..span.end).next().is_some()
        }
    }

    fn insert(&mut self, span: Span) {
        if span.is_empty() {
            self.insertions.insert(span.start, ());
        } else {
            self.spans.insert(span.start, span.end);
        }
    }
}

/// Applies `fixes` to `text`: fixes are taken in order of their first edit (the longer
/// first when two start together), a fix any of whose edits conflicts with an edit
/// already taken is skipped whole, and every byte outside the taken edits is copied
/// unchanged.
pub fn apply_fixes(text: &str, fixes: &[&Fix]) -> Applied {
    let mut order: Vec<usize> = (0..fixes.len()).collect();
    order.sort_by_key(|&i| {
        let span = fixes[i].span();
        (span.start, std::cmp::Reverse(span.end), i)
    });
    let mut taken = Taken::default();
    let mut chosen: Vec<usize> = Vec::new();
    for i in order {
        let fix = fixes[i];
        if fix.edits.iter().any(|e| taken.conflicts(e.span)) {
            continue;
        }
        for edit in &fix.edits {
            taken.insert(edit.span);
        }
        chosen.push(i);
    }
    let mut edits: Vec<&Edit> = chosen.iter().flat_map(|&i| fixes[i].edits.iter()).collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    Applied { text: splice(text, &edits), taken: chosen }
}

/// Applies `edits` to `text`, each as a fix of its own (see [`apply_fixes`]).
///
/// ```
/// use glossfix_diagnostics::{apply_edits, Edit};
/// use glossfix_text::Span;
/// let edits = [
///     Edit::replace(Span::new(0, 3), "Le"),
///     Edit::replace(Span::new(1, 2), "x"), // overlaps: skipped
/// ];
/// let applied = apply_edits("The car", &edits);
/// assert_eq!(applied.text, "Le car");
/// assert_eq!(applied.taken, vec![0]);
/// ```
pub fn apply_edits(text: &str, edits: &[Edit]) -> Applied {
    let fixes: Vec<Fix> = edits.iter().map(|e| Fix::safe(e.clone())).collect();
    let refs: Vec<&Fix> = fixes.iter().collect();
    apply_fixes(text, &refs)
}

/// Rebuilds `text` with `edits` (sorted, not conflicting) made, copying the gaps.
fn splice(text: &str, edits: &[&Edit]) -> String {
    let grown: usize = edits.iter().map(|e| e.replacement.len()).sum();
    let mut out = String::with_capacity(text.len() + grown);
    let mut copied_to = 0;
    for edit in edits {
        out.push_str(&text[copied_to..edit.span.start]);
        out.push_str(&edit.replacement);
        copied_to = edit.span.end;
    }
    out.push_str(&text[copied_to..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(start: usize, end: usize, r: &str) -> Edit {
        Edit::replace(Span::new(start, end), r)
    }

    #[test]
    fn apply_edits_table() {
        // (text, edits, expected text, expected taken)
        let cases: &[(&str, Vec<Edit>, &str, Vec<usize>)] = &[
            ("abc", vec![], "abc", vec![]),
            ("a b c", vec![e(2, 3, "B")], "a B c", vec![0]),
            ("a b c", vec![e(4, 5, "C"), e(0, 1, "A")], "A b C", vec![1, 0]),
            ("abcdef", vec![e(1, 3, "x"), e(1, 5, "y")], "ayf", vec![1]),
            ("abcdef", vec![e(0, 2, "x"), e(1, 3, "y"), e(2, 4, "z")], "xzef", vec![0, 2]),
            ("abc", vec![e(1, 2, "")], "ac", vec![0]),
            ("abc", vec![e(1, 1, "X"), e(1, 1, "Y")], "aXbc", vec![0]),
            // An insertion at the start of a replaced span is ambiguous; at its end it is not.
            ("abc", vec![e(1, 2, "B"), e(1, 1, "X")], "aBc", vec![0]),
            ("abc", vec![e(1, 2, "B"), e(2, 2, "X")], "aBXc", vec![0, 1]),
            ("\u{feff}é\r\n", vec![e(3, 5, "e")], "\u{feff}e\r\n", vec![0]),
        ];
        for (text, edits, want, want_taken) in cases {
            let got = apply_edits(text, edits);
            assert_eq!(&got.text, want, "text {text:?} edits {edits:?}");
            assert_eq!(&got.taken, want_taken, "taken for {text:?}");
        }
    }

    #[test]
    fn a_fix_applies_whole_or_not_at_all() {
        let two = Fix::new(vec![e(0, 1, "A"), e(4, 5, "E")], Applicability::Safe);
        let blocker = Fix::safe(e(4, 6, "x"));
        let other = Fix::safe(e(2, 3, "C"));
        // (fixes, expected text, expected taken)
        let cases: Vec<(Vec<&Fix>, &str, Vec<usize>)> = vec![
            (vec![&two], "AbcdEf", vec![0]),
            (vec![&two, &other], "AbCdEf", vec![0, 1]),
            // The blocker starts later than the two-edit fix, which is taken first.
            (vec![&blocker, &two], "AbcdEf", vec![1]),
        ];
        for (fixes, want, taken) in cases {
            let got = apply_fixes("abcdef", &fixes);
            assert_eq!((got.text.as_str(), got.taken), (want, taken));
        }
        // A fix whose later edit conflicts with one taken before is skipped whole.
        let early = Fix::safe(e(0, 5, "Z"));
        let got = apply_fixes("abcdef", &[&early, &Fix::new(vec![e(1, 2, "B"), e(5, 6, "F")], Applicability::Safe)]);
        assert_eq!((got.text.as_str(), got.taken), ("Zf", vec![0]));
    }

    #[test]
    fn render_shows_what_a_span_becomes() {
        let text = "de un accord";
        let fix = Fix::safe(e(0, 3, "d’"));
        assert_eq!(fix.render(text, Span::new(0, 5)), "d’un");
        assert_eq!(fix.render(text, fix.span()), "d’");
    }

    #[test]
    fn applies_at_levels() {
        let safe = Fix::safe(e(0, 1, "x"));
        let unsure = Fix::suggestion(e(0, 1, "x"));
        let shown = safe.clone().display_only();
        // (fix, applied at Safe, applied at Unsafe)
        for (fix, at_safe, at_unsafe) in [(&safe, true, true), (&unsure, false, true), (&shown, false, false)] {
            assert_eq!(
                (fix.applies_at(Applicability::Safe), fix.applies_at(Applicability::Unsafe)),
                (at_safe, at_unsafe),
                "{fix:?}"
            );
        }
    }
}
