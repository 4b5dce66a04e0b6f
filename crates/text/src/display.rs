//! Text made ready for one-line reports and XML.

/// `s` on one line: every run of white space, line breaks included, read as one space,
/// and no space at either end.
///
/// ```
/// use glossfix_text::display::one_line;
/// assert_eq!(one_line(" a\r\n b\tc "), "a b c");
/// ```
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `s` cut to at most `max` characters, with `…` when something was cut.
///
/// ```
/// use glossfix_text::display::ellipsize;
/// assert_eq!(ellipsize("abcdef", 3), "abc…");
/// assert_eq!(ellipsize("abc", 3), "abc");
/// ```
pub fn ellipsize(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

/// `s` with the characters XML 1.0 forbids (C0 controls but tab, line feed and carriage
/// return; U+FFFE, U+FFFF) replaced by U+FFFD: they cannot be written even as character
/// references, so an XML writer (which escapes `& < > " '`) is given this instead.
///
/// ```
/// use glossfix_text::display::xml_safe;
/// assert_eq!(xml_safe("bell\u{7}\ttab"), "bell\u{FFFD}\ttab");
/// assert!(matches!(xml_safe("a < b"), std::borrow::Cow::Borrowed("a < b")));
/// ```
pub fn xml_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(forbidden_in_xml) {
        s.chars().map(|c| if forbidden_in_xml(c) { '\u{FFFD}' } else { c }).collect::<String>().into()
    } else {
        s.into()
    }
}

/// Characters XML 1.0 does not allow anywhere: C0 controls but tab, line feed and
/// carriage return, and U+FFFE, U+FFFF.
fn forbidden_in_xml(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}
