//! The lexical class of a word for the English-leak rule: what the lexicons say of a
//! lower-case word wherever it stands (an English function word, a particle, a word
//! common in English and rare in French...). What the text says of it (a capital inside
//! a sentence, a name) is the rule's own business (`leaks::classify`).

use glossfix_lexicon::lexicon;
use glossfix_text::lang::{Language, function_word};

/// How a word reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Common in English, rare in French.
    English,
    /// An English-only function word ("of", "the").
    Function,
    /// More English than French, but French too ("addition").
    Leaning,
    /// An English verb particle ("on", "up", "out"): English only after an English verb.
    Particle,
    /// French, a name, a number: not English.
    Other,
}

/// Particles of English phrasal verbs ("go on", "carry out", "set up").
const PARTICLES: &[&str] = &["on", "up", "out", "off", "back", "down", "away", "over"];

/// The class of a lower-case word as the lexicons see it, wherever it stands.
pub(crate) fn lexical_class(lower: &str) -> Class {
    if function_word(lower) == Some(Language::English) {
        return Class::Function;
    }
    if PARTICLES.contains(&lower) {
        return Class::Particle;
    }
    let z = lexicon().zipf(lower);
    // wordfreq's French list holds web text with some English in it: "again" reads 3.5 in
    // French. A gap of two or more still says English...
    // Not when the French dictionary knows the word and French uses it as often as that
    // ("bit", 3.4 in French, 5.4 in English).
    let common_english = z.en >= 3.5 && z.fr <= 3.3 && z.en - z.fr >= 1.5;
    let much_more_english = z.fr < 4.0 && z.en - z.fr >= 2.0;
    if much_more_english && !common_english && glossfix_lexicon::is_french_word(lower) == Some(true) {
        Class::Leaning
    } else if common_english || much_more_english || loanword_english(lower, z) {
        Class::English
    } else if z.en >= 4.0 && z.en - z.fr >= 0.8 {
        Class::Leaning
    } else {
        Class::Other
    }
}

/// English words whose French frequency English web text inflates ("layout" reads 2.8 in
/// French against 4.1 in English, "kernel" 2.6 against 3.6): since English words show up
/// in French web text at a fraction of their English frequency, the gap between the two
/// shrinks, so a smaller gap (0.9, about eight times as frequent in English) is taken to
/// say English, but only for a word that the French dictionary does not know
/// (Dicollecte's, else FreeDict's French side: "original",
/// "information", "socket", "shell" are French too). A word wordfreq
/// does not know at all is English when FreeDict has it as an English headword (or its
/// base form: "decayed") and not as French.
fn loanword_english(lower: &str, z: glossfix_lexicon::Zipf) -> bool {
    let lexicon = lexicon();
    let french = glossfix_lexicon::is_french_word(lower) == Some(true) || lexicon.is_dictionary_french(lower);
    if french || lower.chars().count() < 3 {
        return false;
    }
    if z.fr == 0.0 && z.en == 0.0 {
        return lower.chars().count() >= 5 && !lexicon.translations(lower).is_empty();
    }
    z.en >= 3.0 && z.en - z.fr >= 0.9
}
