//! Punctuation slips: doubled full stops and stray bracket pairs.

use crate::edit::{Edit, Span, deletion};
use crate::finding::{Applicability, Finding, Fix};
use crate::words::{char_at, char_before, is_word_char};

/// "premières.." -> "premières.": exactly two full stops after a word (or a closing
/// bracket or quote), followed by white space or the end of the text.
pub fn doubled_period(text: &str, out: &mut Vec<Finding>) {
    for (i, _) in text.match_indices("..") {
        let before = char_before(text, i);
        let after = char_at(text, i + 2);
        let after_word = before.is_some_and(|c| is_word_char(c) || matches!(c, ')' | '»' | '”' | '"'));
        let ends = after.is_none_or(char::is_whitespace);
        if after_word && ends && before != Some('.') {
            out.push(Finding {
                span: Span::new(i, i + 2),
                rule: "doubled-period",
                message: "two full stops: one is enough (an ellipsis has three)".into(),
                fix: Some(Fix {
                    edit: Edit { span: Span::new(i + 1, i + 2), replacement: String::new() },
                    applicability: Applicability::Safe,
                }),
                entry: None,
            });
        }
    }
}

/// "avec (.) les médias" -> "avec les médias": a bracket pair holding nothing or a lone
/// full stop, standing as a word of its own.
pub fn stray_brackets(text: &str, out: &mut Vec<Finding>) {
    for pattern in ["(.)", "()", "( )", "[.]", "[]"] {
        for (i, _) in text.match_indices(pattern) {
            let end = i + pattern.len();
            let alone = char_before(text, i).is_none_or(char::is_whitespace)
                && char_at(text, end).is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '.'));
            if alone {
                out.push(Finding {
                    span: Span::new(i, end),
                    rule: "stray-brackets",
                    message: format!("stray {pattern:?} left in the text"),
                    fix: Some(Fix { edit: deletion(text, Span::new(i, end)), applicability: Applicability::Safe }),
                    entry: None,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply_edits;

    fn fixed(rule: fn(&str, &mut Vec<Finding>), text: &str) -> String {
        let mut out = Vec::new();
        rule(text, &mut out);
        let edits: Vec<_> = out.iter().filter_map(|f| f.safe_edit().cloned()).collect();
        apply_edits(text, &edits).text
    }

    #[test]
    fn doubled_period_table() {
        let cases = [
            ("des matières premières..", "des matières premières."),
            ("premières..\nSuite", "premières.\nSuite"),
            ("une pause... puis", "une pause... puis"),
            ("voir ../chemin", "voir ../chemin"),
            ("fin ».. Ensuite", "fin ». Ensuite"),
            ("a..b", "a..b"),
        ];
        for (text, want) in cases {
            assert_eq!(fixed(doubled_period, text), want, "{text:?}");
        }
    }

    #[test]
    fn stray_brackets_table() {
        let cases = [
            ("avec (.) les médias", "avec les médias"),
            ("les médias (.)", "les médias"),
            ("f(.)", "f(.)"),
            ("une liste () vide", "une liste vide"),
            ("(…)", "(…)"),
        ];
        for (text, want) in cases {
            assert_eq!(fixed(stray_brackets, text), want, "{text:?}");
        }
    }
}
