//! Words and word boundaries on the original text, Unicode-aware.
//!
//! A word character is a letter, a digit or a combining mark (so `é` written as
//! `e` + U+0301 is one word). A hyphen between two word characters joins them
//! ("nord-coréenne" is one word for boundary purposes), an apostrophe does not
//! ("l’agreement" holds the word "agreement").

use crate::chars::{char_at, char_before, is_apostrophe, is_hyphen, is_word_char};

/// True when no word continues across byte offset `i` going left: the character before
/// `i` is not a word character, nor a hyphen glued to one.
pub fn boundary_before(text: &str, i: usize) -> bool {
    match char_before(text, i) {
        None => true,
        Some(c) if is_word_char(c) => false,
        Some(c) if is_hyphen(c) => !char_before(text, i - c.len_utf8()).is_some_and(is_word_char),
        Some(_) => true,
    }
}

/// True when no word continues across byte offset `i` going right.
pub fn boundary_after(text: &str, i: usize) -> bool {
    match char_at(text, i) {
        None => true,
        Some(c) if is_word_char(c) => false,
        Some(c) if is_hyphen(c) => !char_at(text, i + c.len_utf8()).is_some_and(is_word_char),
        Some(_) => true,
    }
}

/// True when the hyphen `c` sits inside a word: word characters on both sides.
fn joins(c: char, before: Option<char>, after: Option<char>) -> bool {
    is_hyphen(c) && before.is_some_and(is_word_char) && after.is_some_and(is_word_char)
}

/// Byte offset where the word ending at `end` starts.
fn word_start(text: &str, end: usize) -> usize {
    let mut start = end;
    while let Some(c) = char_before(text, start) {
        let inside = is_word_char(c)
            || (start != end && joins(c, char_before(text, start - c.len_utf8()), char_at(text, start)));
        if !inside {
            break;
        }
        start -= c.len_utf8();
    }
    start
}

/// Byte offset where the word starting at `start` ends.
fn word_end(text: &str, start: usize) -> usize {
    // ASCII letters and digits are word characters whatever surrounds them: skip them a
    // byte at a time before the general loop.
    let bytes = text.as_bytes();
    let mut end = start;
    loop {
        while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            end += 1;
        }
        // Other ASCII ends the word, but for "-", the one ASCII hyphen, which may join.
        if bytes.get(end).is_some_and(|&b| b < 0x80 && b != b'-') {
            break;
        }
        let Some(c) = char_at(text, end) else { break };
        // Its neighbours are read only for a hyphen, the one character they decide.
        let inside = is_word_char(c)
            || (end != start && is_hyphen(c) && joins(c, char_before(text, end), char_at(text, end + c.len_utf8())));
        if !inside {
            break;
        }
        end += c.len_utf8();
    }
    end
}

/// The word just before byte `i`, skipping white space but no punctuation; an elided word
/// glued to `i` keeps its apostrophe (`"l’"` before `"Iran"`). `None` at the start of the
/// text or after punctuation.
///
/// ```
/// use glossfix_text::words::word_before;
/// assert_eq!(word_before("vehicle le nettoyage", 8), Some("vehicle"));
/// assert_eq!(word_before("d’envisager", "d’".len()), Some("d’"));
/// assert_eq!(word_before("fin. Début", 5), None);
/// ```
pub fn word_before(text: &str, i: usize) -> Option<&str> {
    if let Some(c) = char_before(text, i).filter(|&c| is_apostrophe(c)) {
        let apo = i - c.len_utf8();
        let start = word_start(text, apo);
        return (start < apo).then(|| &text[start..i]);
    }
    let trimmed = text[..i].trim_end();
    let end = trimmed.len();
    let start = word_start(text, end);
    (start < end).then(|| &text[start..end])
}

/// The word just after byte `i`, skipping white space but no punctuation; an elided word
/// keeps its apostrophe (`"d’"` in `"go on d’envisager"`).
///
/// ```
/// use glossfix_text::words::word_after;
/// assert_eq!(word_after("go on d’envisager", 5), Some("d’"));
/// assert_eq!(word_after("vehicle le nettoyage", 7), Some("le"));
/// ```
pub fn word_after(text: &str, i: usize) -> Option<&str> {
    let start = i + (text[i..].len() - text[i..].trim_start().len());
    let end = word_end(text, start);
    if end == start {
        return None;
    }
    match char_at(text, end).filter(|&c| is_apostrophe(c)) {
        Some(c) => Some(&text[start..end + c.len_utf8()]),
        None => Some(&text[start..end]),
    }
}

/// True when only spaces (no line break, no punctuation) separate the word `a` from the
/// word `b` that follows it, both as `(byte offset, word)`.
///
/// ```
/// use glossfix_text::words::spaced;
/// let text = "le  média, japonaise";
/// assert!(spaced(text, (0, "le"), (4, "média")));
/// assert!(!spaced(text, (4, "média"), (12, "japonaise")));
/// ```
pub fn spaced(text: &str, a: (usize, &str), b: (usize, &str)) -> bool {
    let gap = &text[a.0 + a.1.len()..b.0];
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
}

/// Iterates over the words of `text` as `(byte offset, word)`.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            let b = *bytes.get(i)?;
            // ASCII: a letter or digit starts a word; anything else is skipped.
            let starts = if b < 0x80 {
                b.is_ascii_alphanumeric()
            } else {
                let c = char_at(text, i)?;
                if !is_word_char(c) {
                    i += c.len_utf8();
                    continue;
                }
                true
            };
            if starts {
                let start = i;
                i = word_end(text, i);
                return Some((start, &text[start..i]));
            }
            i += 1;
        }
    })
}

/// An edit of a text, as [`rewords`] needs it: the bytes it replaced (in the text before)
/// and the length of what replaced them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edited {
    /// The bytes replaced, in the text before the edit.
    pub span: crate::Span,
    /// The length in bytes of the replacement.
    pub len: usize,
}

/// In what [`rewords`] says of each word: a word split again, not a copy of an old one.
pub const NEW_WORD: u32 = u32::MAX;

/// The words of `new`, which is a text whose words started at `old_starts` and ended
/// at `old_ends` with `edits` made (sorted, not overlapping), and for each word the index
/// of the old word it is a copy of, or [`NEW_WORD`].
///
/// No word holds white space, so a text's words are the words of each run of bytes
/// between ASCII white space taken alone: only the runs an edit touches are split again,
/// and every other word is the old one, moved by what the edits before it added or
/// removed. The same words as [`words`] on `new` (a property test checks it).
///
/// ```
/// use glossfix_text::Span;
/// use glossfix_text::words::{Edited, NEW_WORD, rewords, words};
/// let old = "Il a dit de un accord-cadre.";
/// let starts: Vec<usize> = words(old).map(|(s, _)| s).collect();
/// let ends: Vec<usize> = words(old).map(|(s, w)| s + w.len()).collect();
/// let new = "Il a dit d’un accord-cadre.";
/// let (got, from) = rewords(&starts, &ends, new, &[Edited { span: Span::new(9, 12), len: 4 }]);
/// assert_eq!(got, words(new).collect::<Vec<_>>());
/// assert_eq!(from, [0, 1, 2, NEW_WORD, NEW_WORD, 5]);
/// ```
pub fn rewords<'n>(
    old_starts: &[usize],
    old_ends: &[usize],
    new: &'n str,
    edits: &[Edited],
) -> (Vec<(usize, &'n str)>, Vec<u32>) {
    let old_words = |i: usize| old_starts.get(i).map(|&start| (start, old_ends[i] - start));
    let bytes = new.as_bytes();
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    let mut out: Vec<(usize, &'n str)> = Vec::with_capacity(old_starts.len() + edits.len());
    let mut from: Vec<u32> = Vec::with_capacity(old_starts.len() + edits.len());
    let mut next_old = 0; // the first old word not yet copied or dropped
    let mut shift: isize = 0; // what the edits before the current point added
    let mut done = 0; // where, in `new`, the words are known up to
    let mut k = 0;
    while k < edits.len() {
        // A run of edits whose white-space-bounded regions touch: split once.
        let first = edits[k];
        let mut lo = first.span.start.wrapping_add_signed(shift); // in `new`
        while lo > done && !space(bytes[lo - 1]) {
            lo -= 1;
        }
        let mut end_shift = shift;
        let mut hi;
        loop {
            let e = edits[k];
            end_shift += e.len as isize - (e.span.end - e.span.start) as isize;
            hi = e.span.end.wrapping_add_signed(end_shift);
            while hi < bytes.len() && !space(bytes[hi]) {
                hi += 1;
            }
            // The next edit's region starts at or before this one's end: the same run.
            let joined = edits.get(k + 1).is_some_and(|next| next.span.start.wrapping_add_signed(end_shift) <= hi);
            k += 1;
            if !joined {
                break;
            }
        }
        // Old words before the region, moved; old words inside it, dropped.
        let old_lo = lo.wrapping_add_signed(-shift);
        while let Some((start, len)) = old_words(next_old).filter(|&(start, _)| start < old_lo) {
            let at = start.wrapping_add_signed(shift);
            out.push((at, &new[at..at + len]));
            from.push(next_old as u32);
            next_old += 1;
        }
        let old_hi = hi.wrapping_add_signed(-end_shift);
        while old_starts.get(next_old).is_some_and(|&start| start < old_hi) {
            next_old += 1;
        }
        for (start, word) in words(&new[lo..hi]) {
            out.push((lo + start, word));
            from.push(NEW_WORD);
        }
        shift = end_shift;
        done = hi;
    }
    for i in next_old..old_starts.len() {
        let at = old_starts[i].wrapping_add_signed(shift);
        out.push((at, &new[at..at + old_ends[i] - old_starts[i]]));
        from.push(i as u32);
    }
    (out, from)
}

/// For the tests: edits of `text` from `cuts` (a position and a length, in characters,
/// and a replacement), at character boundaries, sorted, not overlapping (a cut that
/// would overlap the one before is left out), and the text they make.
#[cfg(test)]
pub(crate) fn edits_for_tests(text: &str, cuts: Vec<(usize, usize, String)>) -> (Vec<Edited>, String) {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
    let mut picked: Vec<(usize, usize, String)> = cuts
        .into_iter()
        .map(|(at, n, r)| (bounds[at % bounds.len()], bounds[(at % bounds.len() + n).min(bounds.len() - 1)], r))
        .collect();
    picked.sort_by_key(|&(a, b, _)| (a, b));
    let (mut edits, mut new, mut at) = (Vec::new(), String::new(), 0);
    for (a, b, r) in picked {
        if a >= at && (edits.is_empty() || a > edits.last().map_or(0, |e: &Edited| e.span.start)) {
            new.push_str(&text[at..a]);
            new.push_str(&r);
            edits.push(Edited { span: crate::Span::new(a, b), len: r.len() });
            at = b;
        }
    }
    new.push_str(&text[at..]);
    (edits, new)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn words_end_where_the_character_loop_ends_them(text in "[ab1éÀÿ×÷œĀſƀ\u{301}’' .\u{2011}-]{0,24}") {
            // The plain loop: every character asked, a hyphen's neighbours too.
            let plain_end = |start: usize| {
                let mut end = start;
                while let Some(c) = char_at(&text, end) {
                    let inside = is_word_char(c)
                        || (end != start && joins(c, char_before(&text, end), char_at(&text, end + c.len_utf8())));
                    if !inside {
                        break;
                    }
                    end += c.len_utf8();
                }
                end
            };
            for start in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                proptest::prop_assert_eq!(word_end(&text, start), plain_end(start), "{:?} from {}", text, start);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn words_are_found_as_the_character_loop_finds_them(text in "[ab1éÀ×÷œſƀ\u{301}’' .,«\n\u{a0}\u{2011}-]{0,40}") {
            // The plain loop: every character asked.
            let mut plain = Vec::new();
            let mut i = 0;
            while let Some(c) = char_at(&text, i) {
                if is_word_char(c) {
                    let end = word_end(&text, i);
                    plain.push((i, &text[i..end]));
                    i = end;
                } else {
                    i += c.len_utf8();
                }
            }
            proptest::prop_assert_eq!(words(&text).collect::<Vec<_>>(), plain, "{:?}", text);
        }
    }

    proptest::proptest! {
        /// Words split again only around edits are the words of the edited text, and a
        /// word said to be a copy is the same word.
        #[test]
        fn rewords_finds_the_words_of_the_edited_text(
            text in "[ab1é’' .,\n\t\u{a0}\u{2011}-]{0,40}",
            cuts in proptest::collection::vec((0usize..40, 0usize..4, "[ab é’'.\n-]{0,4}"), 0..5),
        ) {
            let (edited, new) = edits_for_tests(&text, cuts);
            let starts: Vec<usize> = words(&text).map(|(s, _)| s).collect();
            let ends: Vec<usize> = words(&text).map(|(s, w)| s + w.len()).collect();
            let (got, from) = rewords(&starts, &ends, &new, &edited);
            proptest::prop_assert_eq!(&got, &words(&new).collect::<Vec<_>>(), "{:?} -> {:?}", text, new);
            for (k, &i) in from.iter().enumerate().filter(|&(_, &i)| i != NEW_WORD) {
                let i = i as usize;
                proptest::prop_assert_eq!(&text[starts[i]..ends[i]], got[k].1);
            }
        }
    }

    #[test]
    fn boundaries_table() {
        // (text, offset, boundary_before, boundary_after)
        let cases = [
            ("in addition", 0, true, false),
            ("in addition", 2, false, true),
            ("nord-coréenne", 5, false, false),
            ("Kim -- Jong", 4, true, true),
            ("l’agreement", "l’".len(), true, false),
            ("e\u{301}", 1, false, false),
            ("café", 3, false, false),
            ("«dire»", "«".len(), true, false),
        ];
        for (text, i, before, after) in cases {
            assert_eq!(boundary_before(text, i), before, "before {i} in {text:?}");
            assert_eq!(boundary_after(text, i), after, "after {i} in {text:?}");
        }
    }

    #[test]
    fn words_iterates_with_hyphens_and_marks() {
        let got: Vec<_> = words("Le média nord-coréen, l’Iran e\u{301}tait.").map(|(_, w)| w).collect();
        assert_eq!(got, ["Le", "média", "nord-coréen", "l", "Iran", "e\u{301}tait"]);
    }
}
