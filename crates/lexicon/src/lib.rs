//! The lexicons embedded in glossfix: French and English word frequencies from wordfreq,
//! and English → French translations from FreeDict (static tables their crates build), and
//! the French dictionary ([`french`]). Nothing is parsed at start-up.
//!
//! The data are under other licences than this crate's code, so each lives in a crate of
//! its own, behind a Cargo feature ([`DATA_SETS`]; all on by default):
//!
//! | feature | data crate | licence | without it |
//! |---|---|---|---|
//! | `wordfreq` | `glossfix-data-wordfreq` | CC-BY-SA 4.0 | every word reads Zipf 0: no English leaks are found, and the rules that only act on known French words stay silent |
//! | `freedict` | `glossfix-data-freedict` | GPL-2.0-or-later | no translations: leak candidates come from French cognates only |
//! | `hunspell-fr` | `glossfix-data-hunspell-fr` | MPL-2.0 | [`is_french_word`] answers `None`: loanwords are judged by frequencies alone, and elision only acts before words wordfreq knows |
#![warn(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod french;

pub use french::{Entries, Gender, Morphology, french_entries, has_french_dictionary, is_french_word};
use glossfix_text::fold::{Fold, fold};
#[cfg(any(feature = "wordfreq", feature = "hunspell-fr"))]
use glossfix_text::hash::FastMap;

/// A word as the word list stores it, and its (French, English) frequencies in tenths.
type WordEntry = (&'static str, (u8, u8));

/// The word list's entry for `word`: the word as stored, and its frequencies in tenths.
/// Texts ask for the same words again and again: the answers are remembered per thread
/// (a hash of a few bytes, where the perfect-hash table's SipHash costs ten times more),
/// up to [`REMEMBERED_WORDS`] words.
#[cfg(feature = "wordfreq")]
fn word_entry(word: &str) -> Option<WordEntry> {
    thread_local! {
        static SEEN: std::cell::RefCell<FastMap<String, Option<WordEntry>>> = Default::default();
    }
    SEEN.with(|seen| remembered(seen, word, || table_entry(word)))
}

/// The answer `seen` remembers for `word`, or `answer()`, then remembered: each thread's
/// memory of the words texts ask about, forgotten all at once past [`REMEMBERED_WORDS`]
/// words so that memory stays flat. (Used only by the lookups of the data features.)
#[cfg(any(feature = "wordfreq", feature = "hunspell-fr"))]
pub(crate) fn remembered<V: Copy>(
    seen: &std::cell::RefCell<FastMap<String, V>>,
    word: &str,
    answer: impl FnOnce() -> V,
) -> V {
    if let Some(&known) = seen.borrow().get(word) {
        return known;
    }
    let known = answer();
    let mut seen = seen.borrow_mut();
    if seen.len() >= REMEMBERED_WORDS {
        seen.clear();
    }
    seen.insert(word.to_string(), known);
    known
}

/// The word list's entry for `word`, looked up in the table itself: for the strings
/// glossfix makes up (a word one edit away, a cognate's guess), which a cache of the
/// words of texts would only fill.
#[cfg(feature = "wordfreq")]
fn table_entry(word: &str) -> Option<WordEntry> {
    glossfix_data_wordfreq::WORDS.get_entry(word).map(|(w, z)| (*w, *z))
}
#[cfg(not(feature = "wordfreq"))]
fn table_entry(_: &str) -> Option<WordEntry> {
    None
}

/// How many words' answers a thread remembers before it starts again.
#[cfg(any(feature = "wordfreq", feature = "hunspell-fr"))]
const REMEMBERED_WORDS: usize = 200_000;
#[cfg(not(feature = "wordfreq"))]
fn word_entry(_: &str) -> Option<WordEntry> {
    None
}

/// The common French words whose accent-free lower-case form starts with `prefix`.
#[cfg(feature = "wordfreq")]
fn common_by_prefix(prefix: &str) -> &'static [&'static str] {
    glossfix_data_wordfreq::COMMON_BY_PREFIX.get(prefix).copied().unwrap_or(&[])
}
#[cfg(not(feature = "wordfreq"))]
fn common_by_prefix(_: &str) -> &'static [&'static str] {
    &[]
}

/// FreeDict's French translations of the English headword `english`.
#[cfg(feature = "freedict")]
fn translations_of(english: &str) -> &'static [&'static str] {
    glossfix_data_freedict::ENGLISH_TO_FRENCH.get(english).copied().unwrap_or(&[])
}
#[cfg(not(feature = "freedict"))]
fn translations_of(_: &str) -> &'static [&'static str] {
    &[]
}

/// Whether FreeDict has `word` among its French words.
fn in_french_dictionary(word: &str) -> bool {
    #[cfg(feature = "freedict")]
    let known = glossfix_data_freedict::FRENCH.contains(word);
    #[cfg(not(feature = "freedict"))]
    let known = {
        let _ = word;
        false
    };
    known
}

fn zipf_of((fr, en): (u8, u8)) -> Zipf {
    Zipf { fr: f32::from(fr) / 10.0, en: f32::from(en) / 10.0 }
}

/// Word frequencies on the Zipf scale (log10 of occurrences per billion words):
/// 7 is "de", 5 a common word, 3 a rare one, 0 unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Zipf {
    /// Frequency in French.
    pub fr: f32,
    /// Frequency in English.
    pub en: f32,
}

/// The shipped lexicons: static tables built with their crates (perfect-hash maps).
#[derive(Debug, Default)]
pub struct Lexicon;

/// English endings and the French endings of their cognates, tried in order:
/// "significant" -> "significatif", "prolonged" -> "prolongé", "problem" -> "problème".
const SUFFIXES: &[(&str, &str)] = &[
    ("ficant", "ficatif"),
    ("ization", "isation"),
    ("ically", "iquement"),
    ("ical", "ique"),
    ("ity", "ité"),
    ("ive", "if"),
    ("ous", "eux"),
    ("ic", "ique"),
    ("ary", "aire"),
    ("ory", "oire"),
    ("ism", "isme"),
    ("ist", "iste"),
    ("ize", "iser"),
    ("ly", "ment"),
    ("ed", "é"),
    ("em", "ème"),
    ("am", "amme"),
    ("or", "eur"),
    ("y", "ie"),
    ("al", "el"),
    ("", "e"),
];

/// A data set glossfix can embed, with the Cargo feature that embeds it and its licence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataSet {
    /// The Cargo feature of this crate (and of `glossfix`) that embeds it.
    pub feature: &'static str,
    /// What it is.
    pub name: &'static str,
    /// Its licence, as an SPDX identifier.
    pub licence: &'static str,
    /// True when this build embeds it.
    pub built_in: bool,
}

/// Every data set glossfix knows, in the order of the table above, each saying whether
/// this build embeds it.
pub const DATA_SETS: [DataSet; 3] = [
    DataSet {
        feature: "wordfreq",
        name: "wordfreq word frequencies (French and English)",
        licence: "CC-BY-SA-4.0",
        built_in: cfg!(feature = "wordfreq"),
    },
    DataSet {
        feature: "hunspell-fr",
        name: "Dicollecte French Hunspell dictionary 7.0",
        licence: "MPL-2.0",
        built_in: cfg!(feature = "hunspell-fr"),
    },
    DataSet {
        feature: "freedict",
        name: "FreeDict English-French translations",
        licence: "GPL-2.0-or-later",
        built_in: cfg!(feature = "freedict"),
    },
];

/// The lexicon: nothing to parse, the tables are static.
pub fn lexicon() -> &'static Lexicon {
    &Lexicon
}

impl Lexicon {
    /// The frequencies of `word` (lower-cased here); zero for unknown words.
    pub fn zipf(&self, word: &str) -> Zipf {
        if let Some((_, z)) = word_entry(word) {
            return zipf_of(z);
        }
        // The lexicon is lower-case NFC: decomposed text ("empe\u{302}cher") and
        // capitals are brought to that form before giving up.
        let mut normal: String = if word.is_ascii() || unicode_normalization::is_nfc(word) {
            word.to_lowercase()
        } else {
            use unicode_normalization::UnicodeNormalization;
            word.nfc().collect::<String>().to_lowercase()
        };
        if normal == word {
            normal.clear();
        }
        word_entry(&normal).map(|(_, z)| zipf_of(z)).unwrap_or_default()
    }

    /// The word as the lexicon holds it and its French frequency, when wordfreq's French
    /// list has it (exact spelling, lower case).
    pub fn french_entry(&self, word: &str) -> Option<(&'static str, f32)> {
        table_entry(word).map(|(w, z)| (w, zipf_of(z).fr)).filter(|&(_, fr)| fr > 0.0)
    }

    /// True for a word in common French use (Zipf >= 3 in French).
    pub fn is_common_french(&self, word: &str) -> bool {
        self.zipf(word).fr >= 3.0
    }

    /// True for a French dictionary word ("défense", "maison"), as opposed to a name
    /// that is merely frequent ("kim").
    pub fn is_dictionary_french(&self, word: &str) -> bool {
        in_french_dictionary(&word.to_lowercase())
    }

    /// French translations of an English word (or of its singular or base form).
    pub fn translations(&self, english: &str) -> Vec<&'static str> {
        let lower = english.to_lowercase();
        base_forms(&lower).iter().flat_map(|w| translations_of(w)).copied().collect()
    }

    /// Common French words spelled like the English word: first the regular cognate
    /// endings ("significant" -> "significatif", "prolonged" -> "prolongé"), then words
    /// with the same first three letters (accents ignored) and at most a third of the
    /// letters different ("program" -> "programme").
    pub fn cognates(&self, english: &str) -> Vec<&'static str> {
        let lower = english.to_lowercase();
        if lower.chars().count() < 4 {
            return Vec::new();
        }
        let mut by_suffix: Vec<&'static str> = Vec::new();
        for (english_end, french_end) in SUFFIXES {
            if let Some(stem) = lower.strip_suffix(english_end) {
                let guess = format!("{stem}{french_end}");
                if let Some((word, z)) = table_entry(&guess).map(|(w, z)| (w, zipf_of(z))) {
                    if z.fr >= 3.0 && z.fr > z.en && !by_suffix.contains(&word) {
                        by_suffix.push(word);
                    }
                }
            }
        }
        let candidates = common_by_prefix(&prefix(&lower));
        let length = lower.chars().count();
        let mut found: Vec<(usize, &'static str)> = candidates
            .iter()
            .filter(|&&fr| {
                fr != lower && {
                    let z = self.zipf(fr);
                    z.en < z.fr
                }
            })
            .filter_map(|&fr| {
                let bare = fold(fr, Fold::BARE);
                let most = length.max(fr.chars().count());
                // The distance is at least the difference in length: most words are out
                // by it before the distance is worked out.
                if bare.chars().count().abs_diff(length) * 3 > most {
                    return None;
                }
                let d = strsim::levenshtein(&bare, &lower);
                (d * 3 <= most).then_some((d, fr))
            })
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0).then(self.zipf(b.1).fr.total_cmp(&self.zipf(a.1).fr)));
        for (_, word) in found {
            if !by_suffix.contains(&word) {
                by_suffix.push(word);
            }
        }
        by_suffix
    }
}

fn prefix(word: &str) -> String {
    fold(word, Fold::BARE).chars().take(3).collect()
}

/// The word and its likely base forms: "steps" -> "step", "prolonged" -> "prolong",
/// "leading" -> "lead", "policies" -> "policy".
fn base_forms(word: &str) -> Vec<String> {
    let mut forms = vec![word.to_string()];
    let mut add = |w: String| {
        if w.len() >= 3 && !forms.contains(&w) {
            forms.push(w);
        }
    };
    if let Some(stem) = word.strip_suffix("ies") {
        add(format!("{stem}y"));
    }
    if let Some(stem) = word.strip_suffix("es") {
        add(stem.to_string());
    }
    if let Some(stem) = word.strip_suffix('s') {
        add(stem.to_string());
    }
    for suffix in ["ed", "ing"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            add(stem.to_string());
            add(format!("{stem}e"));
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cognate index made at build time keys each word as `prefix` does at run time.
    #[test]
    #[cfg(feature = "wordfreq")]
    fn the_cognate_index_uses_the_runtime_fold() {
        let mut indexed = 0;
        for (key, words) in glossfix_data_wordfreq::COMMON_BY_PREFIX.entries() {
            for word in *words {
                assert_eq!(prefix(word), *key, "{word}");
                indexed += 1;
            }
        }
        let common =
            glossfix_data_wordfreq::WORDS.entries().filter(|(w, (fr, _))| *fr >= 30 && w.chars().count() >= 4).count();
        assert_eq!(indexed, common);
    }

    #[test]
    #[cfg(feature = "wordfreq")]
    fn frequencies_separate_english_from_french() {
        let lex = lexicon();
        // (word, French-leaning?)
        let cases = [("vehicle", false), ("significant", false), ("car", true), ("plus", true), ("question", true)];
        for (word, french) in cases {
            let z = lex.zipf(word);
            assert_eq!(z.fr > z.en, french, "{word}: {z:?}");
        }
        assert_eq!(lex.zipf("zzzqx"), Zipf::default());
        assert_eq!(lex.zipf("Vehicle"), lex.zipf("vehicle"));
        assert_eq!(lex.zipf("empe\u{302}cher"), lex.zipf("empêcher"), "NFD finds the NFC entry");
    }

    #[test]
    #[cfg(all(feature = "wordfreq", feature = "freedict"))]
    fn translations_and_cognates() {
        let lex = lexicon();
        assert!(lex.translations("vehicle").contains(&"véhicule"));
        assert!(lex.translations("steps").contains(&"pas"), "plural falls back to the singular");
        assert!(lex.cognates("program").contains(&"programme"));
        assert_eq!(lex.cognates("significant").first(), Some(&"significatif"));
        assert_eq!(lex.cognates("prolonged").first(), Some(&"prolongé"));
        assert_eq!(lex.cognates("problem").first(), Some(&"problème"));
    }
}

#[cfg(all(test, feature = "hunspell-fr"))]
mod french_dictionary_tests {
    use super::is_french_word;

    #[test]
    fn french_words_table() {
        // (word, French)
        let cases = [
            ("installateur", true),
            ("empaquetage", true),
            ("distants", true),
            ("Japonais", true),
            ("shell", true),
            ("socket", true),
            ("layout", false),
            ("notebook", false),
            ("devraien", false),
            ("significant", false),
        ];
        for (word, french) in cases {
            assert_eq!(is_french_word(word), Some(french), "{word}");
        }
    }
}
