//! Spelling: a word that the French dictionary (Dicollecte's "toutes variantes", which
//! has both the classic and the 1990 reformed spellings: "apparaitra", "artéfact") does
//! not know, in French text, with French words one edit away ("devraien" → "devraient").
//!
//! Never reported: words with a capital (names, acronyms, camel case, and, to be safe,
//! words opening a sentence), words of fewer than five letters (most are commands, units
//! or abbreviations: "vim", "pid", "tmp"), words with digits, words glued to an
//! apostrophe or a hyphen ("aujourd’hui"), words the wordfreq French list or the English
//! lexicon knows (wordfreq's English list, FreeDict headwords), words the glossary spells
//! or `[spelling] accept` lists, a word the text writes twice or more (a consistent
//! spelling is a name or a term: a typo is a slip), words in English context, and words
//! with no French word one edit away (code, product names). Code, URLs and paths are
//! protected by the engine.
//!
//! The candidates are the French words one edit away (a letter deleted, inserted,
//! replaced, or two letters swapped) that both wordfreq's French list and the dictionary
//! know and that are not clearly English (an English frequency at most 0.75 above the
//! French one, the same test as elision's: "configuration" is a candidate, "build" is
//! not), most frequent first. The repair is **safe** only when the word is a truncation
//! that has one reading: exactly one candidate, which is the word with one letter added
//! at its end, a common French word (Zipf ≥ 3), and the word has at least five letters.
//! That is what a spinner does when it cuts a word ("devraien"). Otherwise the first
//! candidate is a suggestion.

use crate::context::Context;
use crate::naming::{defined_at_line_start, in_list_of_names};
use glossfix_diagnostics::{Edit, Finding, Fix, RuleId};
use glossfix_lexicon::{has_french_dictionary, is_french_word, lexicon};
use glossfix_text::Span;
use glossfix_text::chars::glued;
use glossfix_text::hash::FastMap;

/// Letters an edit may insert or put in place of another.
const ALPHABET: &str = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœ";

/// How many candidates a finding lists.
const MAX_CANDIDATES: usize = 4;

/// Reports each word the French dictionary does not know that is one edit from French
/// words.
pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    // Without the dictionary (the `hunspell-fr` feature off), nothing can be judged.
    if !has_french_dictionary() {
        return;
    }
    let text = cx.text;
    let mut seen: FastMap<&str, Vec<&'static str>> = FastMap::default();
    // Whether a lexicon knows a word, asked once per word of the text.
    let mut unknown_words: FastMap<&str, bool> = FastMap::default();
    // The words the rule looks at, with their index among the tokens (none has a capital:
    // each is its own lower case).
    let unknown: Vec<(usize, usize, &str)> = cx
        .tokens
        .iter()
        .enumerate()
        .filter(|&(_, &(_, word))| candidate_shape(word))
        .filter(|&(_, &(_, word))| {
            *unknown_words
                .entry(word)
                .or_insert_with(|| cx.memory.unknown.get_or_insert_with(word, || no_lexicon_knows(word)))
        })
        .filter(|&(_, &(start, word))| !glued(text, start, start + word.len())) // "aujourd’hui", "fichier.conf"
        .map(|(i, &(start, word))| (i, start, word))
        .collect();
    // How often each unknown word occurs: a spelling the text repeats is meant.
    let mut counts: FastMap<&str, usize> = FastMap::default();
    for &(_, _, word) in &unknown {
        *counts.entry(word).or_default() += 1;
    }
    for &(i, start, word) in &unknown {
        if counts[word] > 1
            || cx.settings.known_words.contains(word)
            || in_list_of_names(text, cx.tokens, i, false)
            || defined_at_line_start(text, start, start + word.len())
        {
            continue;
        }
        let candidates = seen
            .entry(word)
            .or_insert_with(|| cx.memory.suggestions.get_or_insert_with(word, || suggestions(word)))
            .clone();
        if candidates.is_empty() || cx.lang().is_english(start, start + word.len()) {
            continue;
        }
        let span = Span::new(start, start + word.len());
        // Words with a capital are never looked at: candidates are written as found.
        let shown: Vec<String> = candidates.iter().map(|c| c.to_string()).collect();
        let finding = Finding::new(
            RuleId::Spelling,
            span,
            format!("{word:?} is not a French word (French: {})", shown.join(", ")),
        );
        let edit = Edit::replace(span, shown[0].clone());
        out.push(finding.with_fix(if is_truncation(word, &candidates) {
            Fix::safe(edit)
        } else {
            Fix::suggestion(edit)
        }));
    }
}

/// Whether the rule should look at a word of this shape: not short, a name, an acronym
/// or a number (then it is its own lower case).
fn candidate_shape(word: &str) -> bool {
    // Five characters take five bytes at least: most words stop at the first test.
    if word.len() < 5 {
        return false;
    }
    // ASCII (most words): one byte a character, each looked up in a table; a byte of
    // another character sends the word to the character test.
    if word.bytes().all(|b| LOWER_ASCII_NO_DIGIT[usize::from(b)]) {
        return true;
    }
    if word.is_ascii() {
        return false; // a digit, "_" or a capital
    }
    let mut count = 0;
    for c in word.chars() {
        if !looked_at_char(c) {
            return false;
        }
        count += 1;
    }
    count >= 5
}

/// Whether a word holding `c` may be looked at: no digit, "_" or capital. ASCII by the
/// table, the accented lower-case letters of Latin-1 (é, è, à, ç, ô...) without Unicode
/// tables.
fn looked_at_char(c: char) -> bool {
    if c.is_ascii() { LOWER_ASCII_NO_DIGIT[c as usize] } else { matches!(c, 'ß'..='ÿ') || !c.is_uppercase() }
}

/// The ASCII bytes a looked-at word may hold: anything but digits, "_" and capitals.
const LOWER_ASCII_NO_DIGIT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = !(b as u8).is_ascii_digit() && b != b'_' as usize && !(b as u8).is_ascii_uppercase();
        b += 1;
    }
    table
};

/// True when no lexicon knows `word` (lower case): not French nor English that wordfreq,
/// FreeDict or the French dictionary knows.
fn no_lexicon_knows(word: &str) -> bool {
    let z = lexicon().zipf(word);
    if z.fr > 0.0 || z.en > 0.0 || !lexicon().translations(word).is_empty() {
        return false; // French or English that a lexicon knows
    }
    is_french_word(word) == Some(false)
}

/// French words one edit from `word`, known to both wordfreq and the dictionary, most
/// frequent first.
fn suggestions(word: &str) -> Vec<&'static str> {
    let chars: Vec<char> = word.chars().collect();
    let mut found: Vec<(&'static str, f32)> = Vec::new();
    let mut consider = |candidate: String| {
        if let Some((known, z)) = lexicon().french_entry(&candidate) {
            let french = z >= 1.0 && lexicon().zipf(known).en - z < 0.75;
            if french && !found.iter().any(|(w, _)| *w == known) && is_french_word(known) == Some(true) {
                found.push((known, z));
            }
        }
    };
    for i in 0..chars.len() {
        let mut deleted = chars.clone();
        deleted.remove(i);
        consider(deleted.iter().collect());
        if i + 1 < chars.len() {
            let mut swapped = chars.clone();
            swapped.swap(i, i + 1);
            consider(swapped.iter().collect());
        }
        for letter in ALPHABET.chars() {
            if letter != chars[i] {
                let mut replaced = chars.clone();
                replaced[i] = letter;
                consider(replaced.iter().collect());
            }
        }
    }
    for i in 0..=chars.len() {
        for letter in ALPHABET.chars() {
            let mut inserted = chars.clone();
            inserted.insert(i, letter);
            consider(inserted.iter().collect());
        }
    }
    found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    found.into_iter().take(MAX_CANDIDATES).map(|(w, _)| w).collect()
}

/// A truncated word with one reading: one candidate, the word and one more letter, a
/// common French word, and a word long enough to be sure.
fn is_truncation(word: &str, candidates: &[&str]) -> bool {
    let [only] = candidates else { return false };
    word.chars().count() >= 5
        && only.starts_with(word)
        && only.chars().count() == word.chars().count() + 1
        && lexicon().zipf(only).fr >= 3.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{fixed, run};

    #[test]
    fn the_quick_character_test_is_the_full_one() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(looked_at_char(c), !(c.is_ascii_digit() || c == '_' || c.is_uppercase()), "{c:?}");
        }
    }

    #[test]
    fn candidate_shapes_table() {
        // (word, looked at): the ASCII path and the character path agree on each.
        let cases = [
            ("devraien", true),
            ("Devraien", false),
            ("devRaien", false),
            ("dev_raien", false),
            ("devra1en", false),
            ("abcd", false),
            ("écrit", true),
            ("écri", false), // four characters in five bytes
            ("Écrire", false),
            ("écrÎre", false),
            ("ab_cé", false),
            ("abc9é", false),
            ("àéèùç", true),
        ];
        for (word, want) in cases {
            assert_eq!(candidate_shape(word), want, "{word}");
            let by_chars =
                word.chars().count() >= 5 && !word.chars().any(|c| c.is_ascii_digit() || c == '_' || c.is_uppercase());
            assert_eq!(by_chars, want, "{word}: the table itself");
        }
    }

    #[test]
    fn spelling_table() {
        // (text, fixed, reported words)
        let cases: &[(&str, &str, &[&str])] = &[
            // A truncation with one reading: repaired.
            ("des armes qui devraien être utilisées", "des armes qui devraient être utilisées", &["devraien"]),
            ("des armes qui devraien.", "des armes qui devraient.", &["devraien"]),
            ("Système de paquetage, outils et princ...", "Système de paquetage, outils et princ...", &[]),
            // A typo with several readings, or not at the end: suggested, not repaired.
            ("une installtion récente du système", "une installtion récente du système", &["installtion"]),
            ("le gouvernemnet a décidé", "le gouvernemnet a décidé", &["gouvernemnet"]),
            ("la configurtaion du srevice", "la configurtaion du srevice", &["configurtaion", "srevice"]),
            // Reformed spellings (1990).
            ("un menu apparaitra pour accroitre la taille", "un menu apparaitra pour accroitre la taille", &[]),
            ("des artéfacts de compression, un scanneur", "des artéfacts de compression, un scanneur", &[]),
            // Left alone: names, acronyms, numbers, code, elided and hyphenated pieces,
            // English words, English context, words with no French neighbour.
            ("le dirigeant Kim Jong-un et Sergueï Choïgou", "le dirigeant Kim Jong-un et Sergueï Choïgou", &[]),
            ("l’OTAN, la RPDC et le ministre aujourd’hui", "l’OTAN, la RPDC et le ministre aujourd’hui", &[]),
            ("installez le paquet dpkg puis lancez apt-get", "installez le paquet dpkg puis lancez apt-get", &[]),
            ("le mot layout est anglais", "le mot layout est anglais", &[]),
            ("He said the governmnet was wrong and would go", "He said the governmnet was wrong and would go", &[]),
            ("la version 2.4.1b du noyau", "la version 2.4.1b du noyau", &[]),
            ("lancez vim ou sudo, puis le pid", "lancez vim ou sudo, puis le pid", &[]),
            ("Installtion terminée.", "Installtion terminée.", &[]),
            ("le serveur qmail et la commande qmail", "le serveur qmail et la commande qmail", &[]),
            ("le paquet buildd est prêt", "le paquet buildd est prêt", &[]),
            // Lists of programs, terms a list defines, words cut by markup.
            (
                "pourraient être rats, pscan, flawfinder et splint.",
                "pourraient être rats, pscan, flawfinder et splint.",
                &[],
            ),
            ("tels que monit, daemontools et mon", "tels que monit, daemontools et mon", &[]),
            ("proxy.\npostgres : les bases de données", "proxy.\npostgres : les bases de données", &[]),
            ("puis [I]nstaller et [C]onfigurer", "puis [I]nstaller et [C]onfigurer", &[]),
            // ...but a slip among French words is still one.
            ("des pommes, des poires et des banannes", "des pommes, des poires et des banannes", &["banannes"]),
            ("pommes, poires, banannes", "pommes, poires, banannes", &["banannes"]),
        ];
        for (text, want, words) in cases {
            let out = run(check, text);
            assert_eq!(fixed(text, &out), *want, "{text:?}");
            let got: Vec<&str> = out.iter().map(|f| &text[f.span.start..f.span.end]).collect();
            assert_eq!(&got, words, "{text:?}");
        }
        // One memory for every text, twice over: what it remembers changes no answer.
        let (settings, memory) = (crate::RuleSettings::default(), crate::Memory::default());
        for _ in 0..2 {
            for (text, _, _) in cases {
                let mut out = Vec::new();
                check(&Context::new(&glossfix_text::shared::Shared::new(text), &settings, &memory), &mut out);
                assert_eq!(out, run(check, text), "{text:?} with the run's memory");
            }
        }
    }

    #[test]
    fn accepted_words_are_never_reported() {
        let mut settings = crate::RuleSettings::default();
        settings.accept(["devraien"]);
        let text = "des armes qui devraien être utilisées";
        let mut out = Vec::new();
        check(&Context::new(&glossfix_text::shared::Shared::new(text), &settings, &Default::default()), &mut out);
        assert!(out.is_empty(), "{out:?}");
    }
}
