//! Punctuation slips: doubled full stops and stray bracket pairs.

use crate::context::Context;
use glossfix_diagnostics::{Edit, Finding, Fix, RuleId};
use glossfix_text::Span;
use glossfix_text::chars::{char_at, char_before, is_word_char};
use glossfix_text::lines::line_around;

/// "premières.." -> "premières.": exactly two full stops after a word (or a closing
/// bracket or quote), followed by white space or the end of the text.
pub fn doubled_period(cx: &Context, out: &mut Vec<Finding>) {
    let text = cx.text;
    // Non-overlapping, as `match_indices` finds them: "..." is one pair, then a stop.
    for i in memchr::memmem::find_iter(text.as_bytes(), "..") {
        let before = char_before(text, i);
        let after = char_at(text, i + 2);
        let after_word = before.is_some_and(|c| is_word_char(c) || matches!(c, ')' | '»' | '”' | '"'));
        let ends = after.is_none_or(char::is_whitespace);
        if after_word && ends && before != Some('.') {
            out.push(
                Finding::new(
                    RuleId::DoubledPeriod,
                    Span::new(i, i + 2),
                    "two full stops: one is enough (an ellipsis has three)",
                )
                .with_fix(Fix::safe(Edit::delete(Span::new(i + 1, i + 2)))),
            );
        }
    }
}

/// Words after which "(.)" or "()" names the characters: "les points (.)", "le séparateur
/// (.)", "entourée de parenthèses ()".
const NAMES_A_CHARACTER: &[&str] = &[
    "point",
    "points",
    "caractère",
    "caractères",
    "signe",
    "signes",
    "symbole",
    "symboles",
    "séparateur",
    "séparateurs",
    "ponctuation",
    "dot",
    "dots",
    "period",
    "character",
    "touche",
    "touches",
    "parenthèse",
    "parenthèses",
    "crochet",
    "crochets",
];

/// "avec (.) les médias" -> "avec les médias": a bracket pair holding nothing or a lone
/// full stop, standing as a word of its own. Not where "(.)" names the character: after
/// a word such as "point" or "caractère", or in a line that shows other characters the
/// same way ("tildes (~) et points (.)").
pub fn stray_brackets(cx: &Context, out: &mut Vec<Finding>) {
    const PATTERNS: [&str; 5] = ["(.)", "()", "( )", "[.]", "[]"];
    let text = cx.text;
    // One pass over the opening brackets; the pairs in the order of the patterns, then
    // of the text.
    let mut found: Vec<(usize, usize)> = memchr::memchr2_iter(b'(', b'[', text.as_bytes())
        .filter_map(|i| PATTERNS.iter().position(|p| text[i..].starts_with(p)).map(|k| (k, i)))
        .collect();
    found.sort_unstable();
    for (k, i) in found {
        let pattern = PATTERNS[k];
        let end = i + pattern.len();
        let alone = char_before(text, i).is_none_or(char::is_whitespace)
            && char_at(text, end).is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '.'));
        if alone && !names_a_character(text, i) {
            let span = Span::new(i, end);
            out.push(
                Finding::new(RuleId::StrayBrackets, span, format!("stray {pattern:?} left in the text"))
                    .with_fix(Fix::safe(Edit::deletion(text, span))),
            );
        }
    }
}

/// Whether the bracket pair at `at` shows a character: the word before it names one, or
/// its line shows another character in brackets ("(~)", "(,)").
fn names_a_character(text: &str, at: usize) -> bool {
    // Its line, within reach: a character shown far away says nothing about this pair.
    let (line_start, line_end) = line_around(text, at, at, 1_000);
    let before = text[line_start..at].trim_end();
    let previous = before.rsplit(|c: char| !c.is_alphanumeric() && c != 'é' && c != 'è').next().unwrap_or("");
    if NAMES_A_CHARACTER.contains(&previous.to_lowercase().as_str()) {
        return true;
    }
    let line = &text[line_start..line_end];
    let chars: Vec<char> = line.chars().collect();
    let shown =
        |w: &[char]| w[0] == '(' && w[2] == ')' && !w[1].is_alphanumeric() && !w[1].is_whitespace() && w[1] != '.';
    if chars.windows(3).any(shown) {
        return true;
    }
    // A list of characters: "les caractères { } ( ) [ ] sont réservés", where a lone
    // mark stands next to the pair.
    let lone_mark = |token: Option<&str>| {
        token.is_some_and(|t| t.chars().count() == 1 && t.chars().all(|c| "{}[]()<>|\\/'\"#&^*%@$~`+=".contains(c)))
    };
    let before = text[line_start..at].split_whitespace().next_back();
    let pair_end = text[at..line_end].find([')', ']']).map_or(line_end, |p| at + p + 1);
    let after = text[pair_end..line_end].split_whitespace().next();
    lone_mark(before) || lone_mark(after)
}

/// "mot , suite" -> "mot, suite" and "mot ." -> "mot.": white space (not a line break)
/// between a word and a comma or full stop. French typography puts a space before ; : ! ?
/// but never before , or . so those are left alone. A mark that names itself is left
/// too: after a word that names a character ("la touche ."), before a lower-case word
/// ("appuyez sur . ou") or another mark (",."), and after a web address, where the space
/// keeps the mark out of the address.
pub fn space_before(cx: &Context, out: &mut Vec<Finding>) {
    let text = cx.text;
    for i in memchr::memchr2_iter(b',', b'.', text.as_bytes()) {
        let c = char::from(text.as_bytes()[i]);
        let spaces_start = text[..i].trim_end_matches([' ', '\u{a0}', '\u{202f}', '\t']).len();
        if spaces_start == i {
            continue;
        }
        // After a word only: some house styles write "(https://…) ." on purpose.
        let glued_to_word = char_before(text, spaces_start).is_some_and(is_word_char);
        let next = char_at(text, i + 1);
        let ends = match c {
            '.' => next.is_none_or(|n| n.is_whitespace() || matches!(n, '”' | '»' | ')')),
            _ => next.is_none_or(|n| !n.is_ascii_digit()),
        };
        // "la touche ." names a key, "le caractère ," a character: the mark is a word.
        let named = text[..spaces_start]
            .rsplit(|c: char| !is_word_char(c))
            .next()
            .is_some_and(|w| NAMES_A_CHARACTER.contains(&w.to_lowercase().as_str()));
        // A mark standing alone where no sentence ends or pauses names itself: "sur .
        // ou", "appuyez sur , puis" are keys; ",." and ",," a character then a mark.
        let after_spaces = text[i + c.len_utf8()..].trim_start_matches([' ', '\u{a0}']);
        let alone = next.is_some_and(|n| n.is_ascii_punctuation())
            || (c == '.' && next.is_some_and(char::is_whitespace) && after_spaces.starts_with(char::is_lowercase));
        // After a web address a space keeps the mark out of it, on purpose.
        let address = text[..spaces_start]
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.contains("://") || w.starts_with("www."));
        if glued_to_word && ends && !named && !alone && !address {
            out.push(
                Finding::new(
                    RuleId::SpaceBeforePunctuation,
                    Span::new(spaces_start, i + 1),
                    format!("no space before {c:?} in French"),
                )
                .with_fix(Fix::safe(Edit::delete(Span::new(spaces_start, i)))),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{fixed, run};

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
            assert_eq!(fixed(text, &run(doubled_period, text)), want, "{text:?}");
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
            ("les tildes (~) et les points (.) sont permis", "les tildes (~) et les points (.) sont permis"),
            ("séparés par un point (.) ou une virgule", "séparés par un point (.) ou une virgule"),
            ("le caractère (.) final", "le caractère (.) final"),
            ("entourée de parenthèses (). La suite", "entourée de parenthèses (). La suite"),
            ("des crochets [] vides", "des crochets [] vides"),
            ("des armes (.) et des obus (,)", "des armes (.) et des obus (,)"),
            ("des armes (.) et des obus", "des armes et des obus"),
            ("les caractères { } ( ) [ ] sont réservés", "les caractères { } ( ) [ ] sont réservés"),
            ("les symboles < ( ) > et | sont spéciaux", "les symboles < ( ) > et | sont spéciaux"),
            ("la fin des médias (.). Ensuite", "la fin des médias. Ensuite"),
            ("la fin des médias () . Ensuite", "la fin des médias . Ensuite"),
        ];
        for (text, want) in cases {
            assert_eq!(fixed(text, &run(stray_brackets, text)), want, "{text:?}");
        }
    }

    #[test]
    fn space_before_table() {
        let cases = [
            ("les médias , et", "les médias, et"),
            ("fin de phrase .", "fin de phrase."),
            ("fin\u{a0}.\nSuite", "fin.\nSuite"),
            ("fin\n. Suite", "fin\n. Suite"),
            ("vraiment ?", "vraiment ?"),
            ("voici : la liste", "voici : la liste"),
            ("un point ... puis", "un point ... puis"),
            ("le chiffre ,5", "le chiffre ,5"),
            ("x .net", "x .net"),
            ("(https://www.linux.org/) .", "(https://www.linux.org/) ."),
            ("appuyez sur la touche . puis", "appuyez sur la touche . puis"),
            ("le caractère , sépare", "le caractère , sépare"),
            // Keys and characters named in running text; a web address.
            ("en appuyant sur . ou sur ,. Puis", "en appuyant sur . ou sur ,. Puis"),
            ("appuyer sur . et ,, puis", "appuyer sur . et ,, puis"),
            ("voir http://www.geeqie.org .\nSuite", "voir http://www.geeqie.org .\nSuite"),
            ("voir www.debian.org .", "voir www.debian.org ."),
            // ...and the slips beside them.
            ("la fin . Ensuite les médias , et", "la fin. Ensuite les médias, et"),
        ];
        for (text, want) in cases {
            assert_eq!(fixed(text, &run(space_before, text)), want, "{text:?}");
        }
    }
}
