//! Doubled words: "le le", "de de". Function words doubled are a slip and are repaired;
//! other doubled words are reported. Doubles that French grammar makes are left alone:
//! the reflexive "nous nous", "vous vous", and "en en" before a gerund or a participle
//! ("en en affichant la liste": the preposition, then the pronoun). A word other than a
//! function word written twice with a capital is two labels side by side ("Voir Voir
//! comme une liste": a button, then a menu item), not reported.

use crate::context::Context;
use glossfix_diagnostics::{Edit, Finding, Fix, RuleId};
use glossfix_text::Span;
use glossfix_text::words::spaced;

/// Function words that are never meant twice in a row. Not "est" ("le vent de l’est
/// est froid") nor "son" ("il a perdu son son"): those are reported, not repaired.
const FUNCTION_WORDS: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "un", "une", "et", "à", "au", "aux", "en", "dans", "pour", "par", "sur",
    "que", "qui", "il", "elle", "ils", "elles", "sa", "ses", "ce", "cette", "ces", "leur", "leurs", "ne", "pas",
    "avec", "sont", "the", "of", "and",
];

/// Doubled words that French uses on purpose.
const MEANT: &[&str] = &["nous", "vous", "si", "très", "bla", "blah", "tam", "toc", "cou", "fifty", "bye"];

/// Reports the same word twice, separated only by spaces on one line.
pub fn doubled_word(cx: &Context, out: &mut Vec<Finding>) {
    let text = cx.text;
    let mut previous: Option<(usize, &str)> = None;
    for &(start, word) in cx.tokens {
        if let Some((prev_start, prev)) = previous {
            // "Le le": the first may be capitalised; compared without allocating.
            let same = prev == word
                || (prev.chars().next().is_some_and(char::is_uppercase)
                    && prev.chars().flat_map(char::to_lowercase).eq(word.chars()));
            let spaces_only = same && spaced(text, (prev_start, prev), (start, word));
            let lower = if spaces_only { word.to_lowercase() } else { String::new() };
            let grammatical = lower == "en" && gerund_follows(cx.tokens, start);
            if spaces_only
                && !MEANT.contains(&lower.as_str())
                && !grammatical
                && !word.chars().all(|c| c.is_ascii_digit())
            {
                let function = FUNCTION_WORDS.contains(&lower.as_str());
                // "Voir Voir comme une liste", "Infini Fondu Fondu (longueur définie)": the
                // same capitalised word twice is a label beside a label (a button and its
                // menu item), not a slip. Function words doubled are still repaired.
                let labels = !function && word.chars().next().is_some_and(char::is_uppercase);
                if labels {
                    previous = Some((start, word));
                    continue;
                }
                let removed = Span::new(prev_start + prev.len(), start + word.len());
                let finding = Finding::new(
                    RuleId::DoubledWord,
                    Span::new(prev_start, start + word.len()),
                    format!("{word:?} twice in a row"),
                );
                out.push(if function { finding.with_fix(Fix::safe(Edit::delete(removed))) } else { finding });
            }
        }
        previous = Some((start, word));
    }
}

/// Whether the word after the one at `start` is a present participle ("affichant",
/// "parlant"): "en en affichant" is the preposition and the pronoun.
fn gerund_follows(tokens: &[(usize, &str)], start: usize) -> bool {
    let i = tokens.partition_point(|&(s, _)| s <= start);
    tokens.get(i).is_some_and(|&(_, next)| next.chars().count() > 4 && next.to_lowercase().ends_with("ant"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{fixed, run};

    #[test]
    fn doubled_word_table() {
        // (text, fixed, reported)
        let cases = [
            ("contre le le Kremlin", "contre le Kremlin", true),
            ("Le le Kremlin", "Le Kremlin", true),
            ("nous nous sommes vus", "nous nous sommes vus", false),
            ("un accord accord signé", "un accord accord signé", true),
            ("le\nle", "le\nle", false),
            ("le, le", "le, le", false),
            ("en 20 20", "en 20 20", false),
            ("de De Gaulle", "de De Gaulle", false),
            ("le vent de l’est est froid", "le vent de l’est est froid", true),
            ("il a perdu son son", "il a perdu son son", true),
            (
                "Identifiez vos disques en en affichant la liste",
                "Identifiez vos disques en en affichant la liste",
                false,
            ),
            ("en en parlant", "en en parlant", false),
            ("vous vous trompez", "vous vous trompez", false),
            ("publié en en janvier", "publié en janvier", true),
            // Two labels side by side; a capitalised function word is still a slip.
            (
                "Ctrl+F ouvre un champ. Voir Voir comme une liste",
                "Ctrl+F ouvre un champ. Voir Voir comme une liste",
                false,
            ),
            ("Infini Fondu Fondu (longueur définie)", "Infini Fondu Fondu (longueur définie)", false),
            ("Un accord accord signé", "Un accord accord signé", true),
            ("selon Le Le Monde", "selon Le Monde", true),
        ];
        for (text, want, reported) in cases {
            let out = run(doubled_word, text);
            assert_eq!(fixed(text, &out), want, "{text:?}");
            assert_eq!(!out.is_empty(), reported, "{text:?}");
        }
    }
}
