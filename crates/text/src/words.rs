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
