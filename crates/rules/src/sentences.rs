//! Broken sentences: "John Kirby. journalistes mercredi." A full stop followed by a
//! lower-case word is reported (never fixed: the repair needs a human).

use crate::context::Context;
use glossfix_diagnostics::{Finding, RuleId};
use glossfix_lexicon::lexicon;
use glossfix_text::Span;
use glossfix_text::chars::{char_before, is_word_char};
use glossfix_text::segment::is_abbreviation;
use glossfix_text::words::{word_after, word_before};

/// Reports each full stop followed (after white space) by a lower-case word, unless the
/// word before it is an abbreviation (the text layer's one list, or a lower-case word of
/// four letters or fewer that no lexicon knows: "Imp écr."), an initial or a number, or
/// the stop ends an ellipsis.
pub fn broken_sentence(cx: &Context, out: &mut Vec<Finding>) {
    let text = cx.text;
    for (i, _) in text.match_indices('.') {
        if char_before(text, i).is_none_or(|c| !is_word_char(c)) {
            continue;
        }
        if !text[i + 1..].starts_with([' ', '\u{a0}']) {
            continue;
        }
        let Some(next) = word_after(text, i + 1) else {
            continue;
        };
        if !next.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        // A command or a product name ("apt-get", "ekiga") may follow a full stop; a
        // sentence broken in translation goes on with a French word.
        if lexicon().zipf(next).fr < 2.0 {
            continue;
        }
        let Some(prev) = word_before(text, i) else {
            continue;
        };
        let short = prev.chars().count() == 1;
        let number = prev.chars().all(|c| c.is_ascii_digit());
        // "… libclanlib2. aptitude tentera …": a package or file name, with digits or
        // underscores, ends a sentence and a command opens the next.
        let code = prev.chars().any(|c| c.is_ascii_digit() || c == '_') && prev.chars().any(char::is_alphabetic);
        // "c.-à-d. que": the word before is the end of an abbreviation of three.
        let that_is = text[..i].ends_with("à-d") || text[..i].ends_with("a-d");
        // "la touche Imp écr. capture l’écran": a short lower-case word that no lexicon
        // knows is an abbreviation, whatever the list says.
        let unknown_short = prev.chars().count() <= 4
            && prev.chars().all(char::is_lowercase)
            && lexicon().zipf(prev).fr == 0.0
            && glossfix_lexicon::is_french_word(prev) == Some(false);
        if short || number || code || that_is || unknown_short || is_abbreviation(prev) {
            continue;
        }
        let next_start = i + 1 + text[i + 1..].find(next).unwrap_or(0);
        out.push(Finding::new(
            RuleId::BrokenSentence,
            Span::new(i, next_start + next.len()),
            format!("full stop followed by the lower-case word {next:?}: broken sentence?"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_sentence_table() {
        // (text, reported)
        let cases = [
            ("a déclaré John Kirby. journalistes mercredi.", true),
            ("a déclaré John Kirby. Les journalistes", false),
            ("des armes, etc. et des munitions", false),
            ("raccordables, c.-à-d. que les motifs, c-à-d. les brosses", false),
            ("installe le paquet libclanlib2. aptitude tentera ensuite", false),
            ("le fichier config_2. dans la suite", false),
            ("M. le ministre", false),
            ("en 2023. puis", false),
            ("une pause... puis", false),
            ("fin.\nsuite", false),
            ("avec la commande suivante. apt-get install ekiga", false),
            ("La touche Imp écr. capture l’écran entier", false),
            ("le dernier mot. capture l’écran", true),
        ];
        for (text, want) in cases {
            let out = crate::run(broken_sentence, text);
            assert_eq!(!out.is_empty(), want, "{text:?}");
        }
    }
}
