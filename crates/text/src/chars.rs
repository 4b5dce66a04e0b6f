//! What glossfix takes each character for: word characters, hyphens, apostrophes and
//! the spaces that separate words on one line.

/// True for letters, digits and combining marks (so `é` written as `e` + U+0301 is one
/// word).
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Latin-1 and Latin Extended-A letters (é, à, ç, œ...): French text is full of them.
    if matches!(c, '\u{C0}'..='\u{17F}') {
        return c != '×' && c != '÷';
    }
    // General Punctuation (’ “ ” – — …, spaces): no letter, digit or mark.
    if matches!(c, '\u{2000}'..='\u{206F}') {
        return false;
    }
    c.is_alphanumeric() || is_combining_mark(c)
}

/// True for the common combining-mark blocks (enough for Latin-script text in NFD).
pub fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// True for the hyphens that join words: `-`, U+2010 and the non-breaking U+2011.
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// True for the characters glossfix treats as apostrophes: `'`, `’` and `ʼ`.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// True for the spaces that separate words on one line: space, tab, NBSP, narrow NBSP.
pub fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}')
}

/// The character ending just before byte `i`.
pub fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// The character starting at byte `i`.
pub fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// True for a character that glues a word into something larger than a word: an
/// elision or compound ("aujourd’hui", "Jong-un"), a file or path ("fichier.conf",
/// "debian/control", "debian_version"), an address ("user@host"), code (`` ` ``), a
/// channel, variable or escape ("#debian", "$HOME", "\\n"), a home path ("~user").
pub fn joins_word(c: char) -> bool {
    matches!(c, '’' | '\'' | '-' | '\u{2011}' | '.' | '/' | '@' | '_' | '`' | '#' | '$' | '\\' | '~')
}

/// True when the word at `text[start..end]` is glued into something larger by a
/// [`joins_word`] character on either side; a full stop after it counts only when a
/// letter, a digit, another full stop or a star follows ("fichier.conf", "princ...",
/// "linux.*", not "fin."), and so does an ellipsis; so does a closing bracket before it
/// ("`[I]nstaller`").
///
/// ```
/// use glossfix_text::chars::glued;
/// let text = "debian/control, debian_version et debian. Fin";
/// assert!(glued(text, 0, 6) && glued(text, 16, 22));
/// assert!(!glued(text, 34, 40));
/// let text = "#debian et [I]nstaller";
/// assert!(glued(text, 1, 7) && glued(text, 14, 22));
/// ```
pub fn glued(text: &str, start: usize, end: usize) -> bool {
    // "[I]nstaller": a word that a closing bracket starts is cut by markup.
    let before = char_before(text, start).is_some_and(|c| joins_word(c) || c == ']');
    let after = match char_at(text, end) {
        // "fichier.conf" and a word cut short with an ellipsis ("princ...").
        Some('.') => char_at(text, end + 1).is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '*'),
        Some('…') => true,
        Some(c) => joins_word(c),
        None => false,
    };
    before || after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_ranges_answer_as_unicode_does() {
        // Latin-1 and Latin Extended-A, and General Punctuation, answered without the
        // Unicode tables: the same as the tables.
        for c in ('\u{C0}'..='\u{17F}').chain('\u{2000}'..='\u{206F}') {
            assert_eq!(is_word_char(c), c.is_alphanumeric() || is_combining_mark(c), "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn classes_table() {
        // (char, word, hyphen, apostrophe, inline space)
        let cases = [
            ('a', true, false, false, false),
            ('É', true, false, false, false),
            ('\u{301}', true, false, false, false),
            ('×', false, false, false, false),
            ('-', false, true, false, false),
            ('\u{2011}', false, true, false, false),
            ('’', false, false, true, false),
            ('\u{a0}', false, false, false, true),
            ('\n', false, false, false, false),
        ];
        for (c, word, hyphen, apostrophe, space) in cases {
            assert_eq!(
                (is_word_char(c), is_hyphen(c), is_apostrophe(c), is_inline_space(c)),
                (word, hyphen, apostrophe, space),
                "{c:?}"
            );
        }
    }
}
