//! Sentence splitting for French and English prose.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it,
//! French spacing included: `. »`) when white space and a sentence opening follow: a
//! capital, a digit, an opening quote or bracket, a dash. It never ends:
//! - after an abbreviation ("M.", "Mme", "Dr.", "U.S.", "e.g.") or an initial ("J. K."),
//! - inside a number ("1.5"), or before a lower-case word ("Kirby. journalistes" stays
//!   one sentence, as the translation broke it).
//!
//! A paragraph (a line, or a block of hard-wrapped lines) always ends a sentence, so
//! headlines without a full stop are sentences of their own.
//!
//! The abbreviations known depend on the [`Language`]: [`split_sentences`] knows French
//! and English ones (the articles glossfix repairs mix both); [`split_sentences_in`]
//! takes the language, and for German also knows its abbreviations ("ca.", "z. B.",
//! "Vgl.") and its ordinals ("am 9. September").

use crate::chars::{char_at, char_before, is_word_char};
use crate::lines::paragraphs;
use crate::span::Span;

/// Abbreviations, lower case and without their final full stop, and whether one may
/// also end a sentence ("etc.", "km." may; "M.", "Dr." never do). A full stop after one
/// of them is not a broken sentence even when a lower-case word follows.
const ABBREVIATIONS: &[(&str, bool)] = &[
    // French
    ("m", false),
    ("mm", false),
    ("mme", false),
    ("mmes", false),
    ("mlle", false),
    ("mlles", false),
    ("dr", false),
    ("pr", false),
    ("me", false),
    ("mgr", false),
    ("st", false),
    ("ste", false),
    ("av", false),
    ("apr", false),
    ("env", false),
    ("cf", false),
    ("p", false),
    ("pp", false),
    ("vol", false),
    ("n", false),
    ("no", false),
    ("art", false),
    ("chap", false),
    ("fig", false),
    ("éd", false),
    ("coll", false),
    ("dir", false),
    ("trad", false),
    ("hab", false),
    ("min", false),
    ("max", false),
    ("sq", false),
    ("resp", false),
    ("var", false),
    ("ex", false),
    ("gén", false),
    ("col", false),
    ("lt", false),
    ("cdt", false),
    ("sgt", false),
    ("adj", false),
    ("jr", false),
    ("sr", false),
    ("etc", true),
    ("km", true),
    // English
    ("mr", false),
    ("mrs", false),
    ("ms", false),
    ("prof", false),
    ("rev", false),
    ("hon", false),
    ("gen", false),
    ("gov", false),
    ("sen", false),
    ("rep", false),
    ("capt", false),
    ("maj", false),
    ("lieut", false),
    ("inc", false),
    ("corp", false),
    ("ltd", false),
    ("co", false),
    ("jan", false),
    ("feb", false),
    ("mar", false),
    ("jun", false),
    ("jul", false),
    ("aug", false),
    ("sep", false),
    ("sept", false),
    ("oct", false),
    ("nov", false),
    ("dec", false),
    ("vs", false),
    ("approx", false),
    ("dept", false),
    ("est", false),
    ("mt", false),
    ("ft", false),
];

/// German abbreviations, lower case and without their final full stop. A single
/// lower-case letter before a full stop ("z. B.", "d. h.", "ü. M.") is always one too.
const GERMAN: &[(&str, bool)] = &[
    ("ca", false),
    ("vgl", false),
    ("std", false),
    ("sog", false),
    ("bzw", false),
    ("evtl", false),
    ("ggf", false),
    ("inkl", false),
    ("exkl", false),
    ("nr", false),
    ("str", false),
    ("hr", false),
    ("fr", false),
    ("frl", false),
    ("jh", false),
    ("jhd", false),
    ("bd", false),
    ("bde", false),
    ("abb", false),
    ("anm", false),
    ("bsp", false),
    ("ebd", false),
    ("gegr", false),
    ("geb", false),
    ("gest", false),
    ("chr", false),
    ("mio", false),
    ("mrd", false),
    ("tel", false),
    ("allg", false),
    ("urspr", false),
    ("insb", false),
    ("mind", false),
    ("od", false),
    ("zt", false),
    ("usw", true),
    ("usf", true),
    ("etc", true),
    ("jan", false),
    ("feb", false),
    ("febr", false),
    ("aug", false),
    ("sept", false),
    ("okt", false),
    ("nov", false),
    ("dez", false),
];

/// German words that open a sentence after a number with a full stop: "… waren es 12.
/// Dann …" ends there, "am 9. September" does not.
const GERMAN_OPENERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "er", "sie", "es", "wir", "ich", "ihr", "man",
    "dann", "danach", "doch", "aber", "als", "wenn", "so", "da", "dies", "diese", "dieser", "hier", "nun", "jetzt",
    "auch", "im", "am", "um", "in", "auf", "nach", "mit", "bei", "von", "zum", "zur", "unser", "unsere",
];

/// The language of a text, for its abbreviations and ordinals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// French and English abbreviations together (the articles glossfix repairs).
    #[default]
    Mixed,
    /// English.
    English,
    /// French.
    French,
    /// German: its abbreviations and ordinals, with the English and French ones.
    German,
}

impl Language {
    /// The language of an ISO 639-1 code ("en", "fr-CA", "de"); [`Language::Mixed`] for
    /// other codes.
    pub fn from_code(code: &str) -> Self {
        match code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase().as_str() {
            "en" => Language::English,
            "fr" => Language::French,
            "de" => Language::German,
            _ => Language::Mixed,
        }
    }
}

/// Abbreviations written with inner full stops ("U.S.", "e.g."), compared lower-cased.
const DOTTED: &[&str] = &["u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "j.-c", "d.c", "n.b", "p.s", "ph.d"];

/// True when `word` (without its full stop, any case) is an abbreviation: a full stop
/// after it does not end a sentence, unless it is one that may ("etc.").
///
/// ```
/// use glossfix_text::segment::is_abbreviation;
/// assert!(is_abbreviation("Mme") && is_abbreviation("etc") && !is_abbreviation("Kirby"));
/// ```
pub fn is_abbreviation(word: &str) -> bool {
    abbreviation(word).is_some()
}

/// `Some(may end a sentence)` for an abbreviation.
fn abbreviation(word: &str) -> Option<bool> {
    abbreviation_in(word, Language::Mixed)
}

/// `Some(may end a sentence)` for an abbreviation of `language`.
fn abbreviation_in(word: &str, language: Language) -> Option<bool> {
    let lower = word.to_lowercase();
    let found = ABBREVIATIONS.iter().find(|(a, _)| *a == lower).map(|(_, ends)| *ends);
    if language != Language::German {
        return found;
    }
    let mut chars = word.chars();
    if matches!((chars.next(), chars.next()), (Some(c), None) if c.is_lowercase()) {
        return Some(false);
    }
    found.or_else(|| GERMAN.iter().find(|(a, _)| *a == lower).map(|(_, ends)| *ends))
}

/// One sentence: its span in the text and the paragraph it is in (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Where it is, without surrounding white space.
    pub span: Span,
    /// Index of its paragraph.
    pub paragraph: usize,
}

/// Splits `text` into sentences.
///
/// ```
/// use glossfix_text::segment::split_sentences;
/// let text = "M. Dupont est arrivé. Il a parlé.";
/// let s: Vec<&str> = split_sentences(text).iter().map(|s| &text[s.span.start..s.span.end]).collect();
/// assert_eq!(s, ["M. Dupont est arrivé.", "Il a parlé."]);
/// ```
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    split_sentences_in(text, Language::Mixed)
}

/// Splits `text` into sentences with the abbreviations and ordinals of `language`.
///
/// ```
/// use glossfix_text::segment::{Language, split_sentences_in};
/// let text = "Am 9. September stiegen wir ca. 600 m auf. Dann kam der Regen.";
/// assert_eq!(split_sentences_in(text, Language::German).len(), 2);
/// ```
pub fn split_sentences_in(text: &str, language: Language) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (paragraph, (start, end)) in paragraphs(text).into_iter().enumerate() {
        let mut sentence_start = start;
        let mut i = start;
        while i < end {
            let c = char_at(text, i).expect("inside the paragraph");
            i += c.len_utf8();
            if !matches!(c, '.' | '!' | '?' | '…') {
                continue;
            }
            // The whole run of terminators and closing marks ("?!", ".”", ". »").
            let mut close = i;
            while let Some(n) = char_at(text, close).filter(|_| close < end) {
                if matches!(n, '.' | '!' | '?' | '…' | '”' | '"' | '’' | '»' | ')' | ']' | '\'') {
                    close += n.len_utf8();
                    continue;
                }
                // French spacing before a closing guillemet: ". »"
                let after = close + n.len_utf8();
                if matches!(n, ' ' | '\u{a0}' | '\u{202f}') && after < end && char_at(text, after) == Some('»') {
                    close = after + '»'.len_utf8();
                    continue;
                }
                break;
            }
            if c == '.' && !ends_sentence_at_period(text, i - 1, language) {
                continue;
            }
            let rest = &text[close..end];
            let next_start = close + (rest.len() - rest.trim_start().len());
            if next_start == close || next_start >= end {
                continue; // no white space after it, or the paragraph ends anyway
            }
            if c == '.' && close == i && language == Language::German && german_ordinal(text, i - 1, next_start) {
                continue;
            }
            if opens_sentence(char_at(text, next_start)) {
                push(text, &mut out, sentence_start, close, paragraph);
                sentence_start = next_start;
                i = next_start;
            }
        }
        push(text, &mut out, sentence_start, end, paragraph);
    }
    out
}

fn push(text: &str, out: &mut Vec<Sentence>, start: usize, end: usize, paragraph: usize) {
    let raw = &text[start..end];
    let lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    if !trimmed.is_empty() {
        out.push(Sentence { span: Span::new(start + lead, start + lead + trimmed.len()), paragraph });
    }
}

fn opens_sentence(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '«' | '(' | '[' | '—' | '–' | '-' | '¿' | '¡')
    })
}

/// Whether the full stop at byte `dot` can end a sentence: not after an abbreviation,
/// an initial, or inside a dotted abbreviation.
fn ends_sentence_at_period(text: &str, dot: usize, language: Language) -> bool {
    // The word before the full stop.
    let mut start = dot;
    while let Some(c) = char_before(text, start) {
        if is_word_char(c) || c == '.' || c == '-' {
            start -= c.len_utf8();
        } else {
            break;
        }
    }
    let word = &text[start..dot];
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    if DOTTED.iter().any(|d| lower == *d || lower.ends_with(&format!(".{d}"))) {
        return false;
    }
    let last = lower.rsplit('.').next().unwrap_or(&lower);
    if abbreviation_in(last, language) == Some(false) {
        return false;
    }
    // An initial: one capital letter ("J. K. Rowling").
    let mut chars = word.rsplit('.').next().unwrap_or(word).chars();
    !matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// A German ordinal: one to three digits and a full stop, followed by a word that does
/// not usually open a sentence ("am 9. September", "im 19. Jahrhundert").
fn german_ordinal(text: &str, dot: usize, next: usize) -> bool {
    let digits = text[..dot].chars().rev().take_while(char::is_ascii_digit).count();
    let before_digits = char_before(text, dot - digits);
    if !(1..=3).contains(&digits) || before_digits.is_some_and(is_word_char) {
        return false;
    }
    let word: String = text[next..].chars().take_while(|c| is_word_char(*c)).collect();
    !word.is_empty() && !GERMAN_OPENERS.contains(&word.to_lowercase().as_str())
}

/// True when the word at byte `i` starts a sentence or a line: only white space, opening
/// quotes, brackets or dashes stand between it and a sentence stop, a colon, a line
/// break or the start of the text.
///
/// ```
/// use glossfix_text::segment::is_sentence_start;
/// let text = "Fin. « Le texte » et le reste";
/// assert!(is_sentence_start(text, text.find("Le").unwrap()));
/// assert!(!is_sentence_start(text, text.find("le reste").unwrap()));
/// ```
#[inline]
pub fn is_sentence_start(text: &str, i: usize) -> bool {
    let (j, inside) = after_a_word(text, i);
    !inside && sentence_start_before(text, i, j)
}

/// The common case of [`is_sentence_start`], decided without decoding: where the spaces
/// before `i` begin (`j`), and whether a letter, a digit or a comma stands before them
/// (most words: not a sentence start).
#[inline]
fn after_a_word(text: &str, i: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut j = i;
    while j > 0 && bytes[j - 1] == b' ' {
        j -= 1;
    }
    (j, j > 0 && (bytes[j - 1].is_ascii_alphanumeric() || bytes[j - 1] == b','))
}

/// The rest of [`is_sentence_start`] for `i`, whose spaces begin at `j`.
fn sentence_start_before(text: &str, i: usize, j: usize) -> bool {
    // What may stand between a sentence stop and the word: opening marks and spaces.
    const OPENING: [char; 6] = ['“', '«', '"', '(', '—', '–'];
    // What ends the sentence or the line before it.
    let closes = |c: char| matches!(c, '.' | '!' | '?' | '…' | '\n' | '\r' | ':' | '\u{feff}');
    // Before the spaces, a character that is neither an opening mark nor white space (a
    // letter, a comma, a full stop) decides.
    match char_before(text, j) {
        None => return true,
        Some(c) if !c.is_whitespace() && !OPENING.contains(&c) => return closes(c),
        Some(_) => {}
    }
    let before = text[..i].trim_end_matches(|c: char| c.is_whitespace() && c != '\n' && c != '\r');
    let before = before.trim_end_matches(|c: char| OPENING.contains(&c) || matches!(c, '\u{a0}' | ' '));
    before.chars().next_back().is_none_or(closes)
}

/// The indices of the `words` that open a sentence, as [`is_sentence_start`] says, in
/// order: what a rule asks of every word at once. Most words follow a letter, a digit
/// or a comma (after spaces), which the inlined common case decides.
///
/// ```
/// use glossfix_text::segment::sentence_openers;
/// use glossfix_text::words::words;
/// let text = "Fin. « Le texte » et le reste\naptitude fournit";
/// let all: Vec<(usize, &str)> = words(text).collect();
/// let openers: Vec<&str> = sentence_openers(text, &all).map(|k| all[k].1).collect();
/// assert_eq!(openers, ["Fin", "Le", "aptitude"]);
/// ```
pub fn sentence_openers<'a>(text: &'a str, words: &'a [(usize, &str)]) -> impl Iterator<Item = usize> + 'a {
    words.iter().enumerate().filter_map(move |(k, &(start, _))| is_sentence_start(text, start).then_some(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn sentence_openers_are_the_words_at_a_sentence_start(text in "[a1 .,!…\n\r«“\"(—é\u{a0}\t:\u{feff}æ¿]{0,40}") {
            let all: Vec<(usize, &str)> = crate::words::words(&text).collect();
            let every: Vec<usize> = (0..all.len()).filter(|&k| is_sentence_start(&text, all[k].0)).collect();
            proptest::prop_assert_eq!(sentence_openers(&text, &all).collect::<Vec<_>>(), every);
        }

        #[test]
        fn the_quick_sentence_start_test_agrees_with_the_full_one(text in "[a1 .,!…\n\r«“\"(—é\u{a0}\t:\u{feff}]{0,16}") {
            // The test without its common-case shortcut.
            let full = |i: usize| {
                let before = text[..i].trim_end_matches(|c: char| c.is_whitespace() && c != '\n' && c != '\r');
                let before = before.trim_end_matches(['“', '«', '"', '(', '—', '–', '\u{a0}', ' ']);
                match before.chars().next_back() {
                    None => true,
                    Some(c) => matches!(c, '.' | '!' | '?' | '…' | '\n' | '\r' | ':') || !is_word_char(c) && c == '\u{feff}',
                }
            };
            for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                proptest::prop_assert_eq!(is_sentence_start(&text, i), full(i), "{:?} at {}", text, i);
            }
        }
    }

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text).iter().map(|s| &text[s.span.start..s.span.end]).collect()
    }

    #[test]
    fn sentences_table() {
        // (text, sentences)
        let cases: &[(&str, &[&str])] = &[
            ("Un. Deux ! Trois ? Quatre…", &["Un.", "Deux !", "Trois ?", "Quatre…"]),
            (
                "M. Dupont et Mme Martin sont venus. Ils sont partis.",
                &["M. Dupont et Mme Martin sont venus.", "Ils sont partis."],
            ),
            (
                "Dr. Smith met Mr. Jones in the U.S. Army base. They talked.",
                &["Dr. Smith met Mr. Jones in the U.S. Army base.", "They talked."],
            ),
            ("J. K. Rowling wrote it. She did.", &["J. K. Rowling wrote it.", "She did."]),
            ("It grew 1.5 percent. Then it fell.", &["It grew 1.5 percent.", "Then it fell."]),
            ("Le vendredi 18 août 2023. Ensuite, rien.", &["Le vendredi 18 août 2023.", "Ensuite, rien."]),
            (
                "“We are watching,” he said. “It is serious.” Then he left.",
                &["“We are watching,” he said.", "“It is serious.”", "Then he left."],
            ),
            ("Il a dit : « C’est fini. » Puis il est parti.", &["Il a dit : « C’est fini. »", "Puis il est parti."]),
            ("« C’est fini ». Puis il est parti.", &["« C’est fini ».", "Puis il est parti."]),
            ("a déclaré John Kirby. journalistes mercredi.", &["a déclaré John Kirby. journalistes mercredi."]),
            (
                "Maison Blanche : des négociations\n\nLa Maison Blanche a déclaré.",
                &["Maison Blanche : des négociations", "La Maison Blanche a déclaré."],
            ),
            (
                "Headline without a stop\nFirst sentence. Second one.",
                &["Headline without a stop", "First sentence.", "Second one."],
            ),
            ("Des armes, etc. Le reste suivra.", &["Des armes, etc.", "Le reste suivra."]),
            ("e.g. this one. Yes.", &["e.g. this one.", "Yes."]),
            ("Il est 10 h. Il part à 11 h 30.", &["Il est 10 h.", "Il part à 11 h 30."]),
        ];
        for (text, want) in cases {
            assert_eq!(&split(text), want, "{text:?}");
        }
    }

    #[test]
    fn german_abbreviations_and_ordinals_table() {
        // (text, sentences)
        let cases: &[(&str, &[&str])] = &[
            ("Die ca. 600 m hohe Wand. Sie ist steil.", &["Die ca. 600 m hohe Wand.", "Sie ist steil."]),
            (
                "9. September 1988, bei Tagesanbruch. Wir gehen.",
                &["9. September 1988, bei Tagesanbruch.", "Wir gehen."],
            ),
            (
                "Im 19. Jahrhundert z. B. Vgl. Abb. 3. Das ist alles.",
                &["Im 19. Jahrhundert z. B. Vgl. Abb. 3.", "Das ist alles."],
            ),
            ("Es waren 12. Dann kam der Regen.", &["Es waren 12.", "Dann kam der Regen."]),
            ("Gipfel 3100 m ü. M. Der Abstieg folgt.", &["Gipfel 3100 m ü. M. Der Abstieg folgt."]),
            ("Wir kamen 1988. Dann gingen wir.", &["Wir kamen 1988.", "Dann gingen wir."]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> =
                split_sentences_in(text, Language::German).iter().map(|s| &text[s.span.start..s.span.end]).collect();
            assert_eq!(&got, want, "{text:?}");
        }
        // Not German: an ordinal is a sentence end followed by a capital.
        assert_eq!(split("It was 9. September came.").len(), 2);
        assert_eq!(Language::from_code("de-CH"), Language::German);
        assert_eq!(Language::from_code("it"), Language::Mixed);
    }

    #[test]
    fn wrapped_paragraphs_and_paragraph_numbers() {
        let text =
            "Une longue phrase qui est repliée à la main sur deux\nlignes et qui se termine ici. Une autre.\n\nSuite.";
        let s = split_sentences(text);
        assert_eq!(s.len(), 3);
        assert_eq!((s[0].paragraph, s[1].paragraph, s[2].paragraph), (0, 0, 1));
        assert!(text[s[0].span.start..s[0].span.end].contains("deux\nlignes"));
    }
}
