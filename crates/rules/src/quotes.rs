//! Quotation marks within one paragraph (a line, or a block of hard-wrapped lines): a
//! quotation closed with the wrong mark is repaired (“…“ -> “…”, « …” -> « … »); one left open, or closed without being opened,
//! is reported.

use crate::context::Context;
use glossfix_diagnostics::{Edit, Finding, Fix, RuleId};
use glossfix_text::Span;
use glossfix_text::chars::{char_at, char_before, is_word_char};
use glossfix_text::lines::paragraphs;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Guillemet { at: usize, inner_space: Option<char> },
    Curly { at: usize },
}

/// Checks the quotation marks of each paragraph (line) of `text`.
pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let text = cx.text;
    for (start, end) in paragraphs(text) {
        check_paragraph(text, start, end, out);
    }
}

fn check_paragraph(text: &str, start: usize, end: usize, out: &mut Vec<Finding>) {
    // The quotations open at this point, innermost last: French nests “…” inside « … ».
    let mut open: Vec<Open> = Vec::new();
    // Only the four marks matter: « and » start with the byte C2, “ and ” with E2.
    let marks = memchr::memchr2_iter(0xC2, 0xE2, &text.as_bytes()[start..end])
        .map(|offset| start + offset)
        .filter_map(|i| char_at(text, i).filter(|c| matches!(c, '«' | '»' | '“' | '”')).map(|c| (i, c)));
    for (i, c) in marks {
        let span = Span::new(i, i + c.len_utf8());
        match (c, open.last().copied()) {
            ('«', _) => {
                let inner_space = char_at(text, span.end).filter(|c| matches!(c, ' ' | '\u{a0}' | '\u{202f}'));
                open.push(Open::Guillemet { at: i, inner_space });
            }
            ('“', Some(Open::Curly { .. })) if closes(text, span) => {
                out.push(mismatch(span, "a quotation opened with “ is closed with “", "”".into()));
                open.pop();
            }
            ('“', _) if !closes_guillemet(text, span, open.last()) => open.push(Open::Curly { at: i }),
            ('»', Some(Open::Guillemet { .. })) | ('”', Some(Open::Curly { .. })) => {
                open.pop();
            }
            // « … ” and « … “ in closing position: the guillemet's closing mark.
            ('”' | '“', Some(Open::Guillemet { inner_space, .. })) => {
                let space_before = char_before(text, i).is_some_and(char::is_whitespace);
                let replacement = match inner_space {
                    Some(s) if !space_before => format!("{s}»"),
                    _ => "»".to_string(),
                };
                out.push(mismatch(span, &format!("a quotation opened with « is closed with {c}"), replacement));
                open.pop();
            }
            ('»', Some(Open::Curly { .. })) => {
                // “…» : report it, and let the » close the quotation.
                out.push(unbalanced(span, "a quotation opened with “ is closed with »".into()));
                open.pop();
            }
            ('”' | '»', None) => {
                out.push(unbalanced(span, format!("closing {c} without an opening mark in this paragraph")))
            }
            _ => {}
        }
    }
    if let Some(Open::Guillemet { at, .. } | Open::Curly { at }) = open.first().copied() {
        let c = char_at(text, at).unwrap_or('"');
        out.push(unbalanced(
            Span::new(at, at + c.len_utf8()),
            format!("{c} opens a quotation that is not closed in this paragraph"),
        ));
    }
}

/// A mark in closing position: glued to the word before it, not to the word after.
fn closes(text: &str, span: Span) -> bool {
    let before = char_before(text, span.start).is_some_and(|c| is_word_char(c) || matches!(c, '.' | '!' | '?' | ')'));
    let after = char_at(text, span.end).is_none_or(|c| !is_word_char(c));
    before && after
}

/// Whether “ at `span` closes the innermost quotation, opened with «: in closing
/// position, or, when the « has a space inside, after a space and before no word.
fn closes_guillemet(text: &str, span: Span, innermost: Option<&Open>) -> bool {
    let Some(Open::Guillemet { inner_space, .. }) = innermost else { return false };
    // "« délimiteur “ soit": spaced like the «, and no ” follows to pair with it before
    // the next » or the end of the line ("« Il a dit “ oui ” »" opens a quotation).
    let rest = &text[span.end..];
    let rest = &rest[..rest.find(['»', '\n']).unwrap_or(rest.len())];
    let spaced = inner_space.is_some()
        && char_before(text, span.start).is_some_and(char::is_whitespace)
        && char_at(text, span.end).is_none_or(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | ')'))
        && !rest.contains('”');
    closes(text, span) || spaced
}

fn mismatch(span: Span, message: &str, replacement: String) -> Finding {
    Finding::new(RuleId::QuoteMismatch, span, message).with_fix(Fix::safe(Edit::replace(span, replacement)))
}

fn unbalanced(span: Span, message: String) -> Finding {
    Finding::new(RuleId::UnbalancedQuote, span, message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{fixed, run};

    #[test]
    fn quotes_table() {
        // (text, fixed, rules reported)
        let cases: &[(&str, &str, &[&str])] = &[
            ("cherche “des munitions“ à utiliser", "cherche “des munitions” à utiliser", &["quote-mismatch"]),
            (
                "les deux pays « sont activement faire avancer” leurs",
                "les deux pays « sont activement faire avancer » leurs",
                &["quote-mismatch"],
            ),
            ("«\u{a0}avancent\u{a0}”, a dit", "«\u{a0}avancent\u{a0}», a dit", &["quote-mismatch"]),
            ("«avancent”", "«avancent»", &["quote-mismatch"]),
            ("« avancent », “bien” et “mal”", "« avancent », “bien” et “mal”", &[]),
            ("“Dans le cadre de ces accords", "“Dans le cadre de ces accords", &["unbalanced-quote"]),
            ("de défense russe”, a affirmé Kirby", "de défense russe”, a affirmé Kirby", &["unbalanced-quote"]),
            ("“un” \n“deux”", "“un” \n“deux”", &[]),
            // Nested quotations are French typography, not mistakes.
            ("« Il a dit “oui” hier », a-t-il ajouté", "« Il a dit “oui” hier », a-t-il ajouté", &[]),
            ("“Le « oui » l’emporte”, dit-il", "“Le « oui » l’emporte”, dit-il", &[]),
            ("« Il a dit “oui” et avancent”", "« Il a dit “oui” et avancent »", &["quote-mismatch"]),
            ("« Options de configuration“ du paquet", "« Options de configuration » du paquet", &["quote-mismatch"]),
            ("«Options“, puis", "«Options», puis", &["quote-mismatch"]),
            ("le « délimiteur “ soit", "le « délimiteur » soit", &["quote-mismatch"]),
            ("« Il a dit “ oui ” »", "« Il a dit “ oui ” »", &[]),
            ("« le mot “oui” et le mot“non” »", "« le mot “oui” et le mot“non” »", &[]),
        ];
        for (text, want, rules) in cases {
            let out = run(check, text);
            assert_eq!(fixed(text, &out), *want, "{text:?}");
            let got: Vec<_> = out.iter().map(|f| f.rule.as_str()).collect();
            assert_eq!(&got, rules, "{text:?}");
        }
    }
}
