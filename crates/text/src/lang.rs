//! Is this spot French prose? A small, explainable heuristic used by the glossary's
//! `french = true` condition, so that "vehicle" is repaired in "vehicle le nettoyage" and
//! left alone in an English quotation.
//!
//! The evidence is function words that belong to one language only: "le", "des", "qui"
//! are French and never English; "the", "of", "which" are English and never French.
//! Words that are both ("a", "on", "en", "plus", "car") count for neither.

use crate::chars::is_word_char;
use crate::words::words;

/// French function words that are not English words.
pub const FRENCH_ONLY: &[&str] = &[
    "au", "aux", "avec", "ce", "ces", "cette", "dans", "de", "des", "du", "elle", "elles", "est", "et", "il", "ils",
    "la", "le", "les", "leur", "leurs", "lui", "mais", "ne", "nous", "ou", "où", "par", "pas", "pour", "qu", "que",
    "qui", "sa", "se", "ses", "sont", "sur", "un", "une", "vers", "vous", "été", "à", "être", "d", "l", "s", "n", "c",
    "j", "m",
];

/// English function words that are not French words ("but", "for" and "are" are French
/// too: "le but", "for intérieur", "un are").
pub const ENGLISH_ONLY: &[&str] = &[
    "about", "and", "be", "been", "by", "from", "had", "has", "have", "he", "her", "his", "in", "is", "it", "its",
    "of", "said", "she", "that", "the", "their", "they", "this", "those", "to", "was", "were", "which", "who", "will",
    "with", "would",
];

/// Which language's function word `lower` (a lower-cased word) is: French-only,
/// English-only, or neither. Looked up in the two lists sorted once, by binary search,
/// as every word of every text asks.
pub fn function_word(lower: &str) -> Option<Language> {
    // Function words are short: a longer word is none.
    if lower.len() > LONGEST_FUNCTION_WORD {
        return None;
    }
    packed_function_word(packed(lower))
}

/// [`function_word`] of a lower-cased word already [`packed`].
fn packed_function_word(key: u64) -> Option<Language> {
    use std::sync::OnceLock;
    // An open-addressed table of the packed words, four times as many slots as words: a
    // multiplication picks the slot, and a word is found (or not) in a probe or two.
    static TABLE: OnceLock<Vec<(u64, Option<Language>)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = vec![(0u64, None); FUNCTION_SLOTS];
        let all = FRENCH_ONLY
            .iter()
            .map(|&w| (w, Language::French))
            .chain(ENGLISH_ONLY.iter().map(|&w| (w, Language::English)));
        for (w, language) in all {
            let mut slot = function_slot(packed(w));
            while table[slot].1.is_some() {
                slot = (slot + 1) % FUNCTION_SLOTS;
            }
            table[slot] = (packed(w), Some(language));
        }
        table
    });
    let mut slot = function_slot(key);
    loop {
        match table[slot] {
            (_, None) => return None,
            (w, language) if w == key => return language,
            _ => slot = (slot + 1) % FUNCTION_SLOTS,
        }
    }
}

/// How many slots [`packed_function_word`]'s table has (a power of two).
const FUNCTION_SLOTS: usize = 512;

/// The first slot to try for a packed word.
fn function_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize % FUNCTION_SLOTS
}

/// [`packed`] of the lower case of `word`, ASCII of at most eight bytes.
fn packed_ascii_lowercase(word: &str) -> u64 {
    word.bytes().enumerate().fold(0, |key, (i, b)| key | u64::from(b.to_ascii_lowercase()) << (8 * i))
}

/// Which language's function word `word` (as written) is. Function words are short:
/// longer words need no lower-casing. ASCII is lower-cased as it is packed; other short
/// words go through `lower`, a buffer.
fn class_of(word: &str, lower: &mut String) -> Option<Language> {
    if word.len() > LONGEST_FUNCTION_WORD {
        return None;
    }
    if word.is_ascii() {
        return packed_function_word(packed_ascii_lowercase(word));
    }
    lower.clear();
    lower.extend(word.chars().flat_map(char::to_lowercase));
    function_word(lower)
}

/// A word of eight bytes or fewer as one number (its bytes, zero-padded): two words are
/// equal when their numbers are, and comparing numbers costs no call.
fn packed(word: &str) -> u64 {
    let mut bytes = [0u8; 8];
    bytes[..word.len()].copy_from_slice(word.as_bytes());
    u64::from_le_bytes(bytes)
}

/// At least the length in bytes of the longest function word of the two lists ("which",
/// "cette", "être": five bytes; a test checks every word fits).
const LONGEST_FUNCTION_WORD: usize = 6;
const _: () = assert!(LONGEST_FUNCTION_WORD <= 8, "function words are packed in a u64");

/// The language a function word belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Language {
    /// French and not English ("le", "des").
    French,
    /// English and not French ("the", "of").
    English,
}

/// How many words on each side of a spot count as its context.
const WINDOW: usize = 5;

/// How many words on each side count when the near context holds no evidence: the
/// line, up to this many words (a paragraph of an article; on text without line
/// breaks, the sentences around, not the whole text).
const FAR_WINDOW: usize = 40;

/// (French-only, English-only) function words in `text`.
pub fn function_word_counts(text: &str) -> (usize, usize) {
    count(words(text).map(|(_, w)| w))
}

/// Counts (French-only, English-only) function words among `words`.
fn count<'a>(words: impl Iterator<Item = &'a str>) -> (usize, usize) {
    let (mut french, mut english) = (0, 0);
    for w in words {
        match function_word(&w.to_lowercase()) {
            Some(Language::French) => french += 1,
            Some(Language::English) => english += 1,
            None => {}
        }
    }
    (french, english)
}

/// (French-only, English-only) function words around `[start, end)`: up to five words
/// each side on the same line, the span itself excluded; when those hold neither, up to
/// forty words each side on the line.
fn context_counts(text: &str, start: usize, end: usize) -> (usize, usize) {
    let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line_end = text[end..].find(['\n', '\r']).map_or(text.len(), |i| end + i);
    let before: Vec<&str> = words(&text[line_start..start]).map(|(_, w)| w).collect();
    let after = words(&text[end..line_end]).map(|(_, w)| w).take(WINDOW);
    let near = count(before.iter().rev().take(WINDOW).copied().chain(after));
    if near != (0, 0) {
        return near;
    }
    let far_before = before.iter().rev().take(FAR_WINDOW).copied();
    count(far_before.chain(words(&text[end..line_end]).map(|(_, w)| w).take(FAR_WINDOW)))
}

/// True when the words around `[start, end)` hold more French-only than English-only
/// function words (five words each side on the same line, else forty). For one
/// question; to ask many about one text, build a [`LangIndex`] once.
///
/// ```
/// use glossfix_text::lang::is_french_context;
/// let fr = "d’avancer plus rapidement, vehicle le nettoyage de ces fortifications";
/// let at = fr.find("vehicle").unwrap();
/// assert!(is_french_context(fr, at, at + 7));
/// let en = "“The vehicle was stopped at the border,” he said.";
/// let at = en.find("vehicle").unwrap();
/// assert!(!is_french_context(en, at, at + 7));
/// ```
pub fn is_french_context(text: &str, start: usize, end: usize) -> bool {
    let (french, english) = context_counts(text, start, end);
    french > english
}

/// True when the words around `[start, end)` hold more English-only than French-only
/// function words: an English sentence or quotation.
pub fn is_english_context(text: &str, start: usize, end: usize) -> bool {
    let (french, english) = context_counts(text, start, end);
    english > french
}

/// The language evidence of a whole text, computed once, so that every question about
/// a spot costs a few binary searches whatever the length of its line: the words with
/// their class (French-only, English-only, neither), running counts of each class, and
/// the line breaks. Answers as [`is_french_context`] and [`is_english_context`] do.
///
/// ```
/// use glossfix_text::lang::LangIndex;
/// let text = "d’avancer plus rapidement, vehicle le nettoyage de ces fortifications.\n“The vehicle was stopped at the border,” he said.";
/// let index = LangIndex::new(text);
/// let first = text.find("vehicle").unwrap();
/// assert!(index.is_french(first, first + 7));
/// let second = text.rfind("vehicle").unwrap();
/// assert!(index.is_english(second, second + 7));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LangIndex {
    /// Each word's start and end.
    pub(crate) starts: Vec<usize>,
    pub(crate) ends: Vec<usize>,
    /// (French-only, English-only) words among the first `i` words.
    counts: Vec<(u32, u32)>,
    /// Where each line break (`\n` or `\r`) is.
    breaks: Vec<usize>,
    /// For each line (the text before the first break, between two breaks, after the
    /// last), the index of its first word; then the number of words. No word holds a
    /// break, so a line's words are `line_first[k]..line_first[k + 1]`.
    line_first: Vec<usize>,
}

impl LangIndex {
    /// Reads `text` once.
    pub fn new(text: &str) -> Self {
        Self::from_words(text, words(text))
    }

    /// Reads `text` once, given its words (as [`words`] gives them).
    pub fn from_words<'a>(text: &str, tokens: impl IntoIterator<Item = (usize, &'a str)>) -> Self {
        let mut lower = String::new();
        Self::classified(text, tokens.into_iter().map(|(start, word)| (start, word, class_of(word, &mut lower))))
    }

    /// [`LangIndex::from_words`] for a text whose words are mostly those of the text
    /// `old` indexed, moved by edits: `from[i]` is the index of the old word the `i`th
    /// word is a copy of (or [`crate::words::NEW_WORD`]), whose class is taken from `old`
    /// instead of being looked up again (see [`crate::words::rewords`]).
    pub fn reusing(text: &str, tokens: &[(usize, &str)], from: &[u32], old: &LangIndex) -> Self {
        let mut lower = String::new();
        let classes = tokens.iter().zip(from).map(|(&(start, word), &origin)| {
            let class =
                if origin == crate::words::NEW_WORD { class_of(word, &mut lower) } else { old.class(origin as usize) };
            (start, word, class)
        });
        Self::classified(text, classes)
    }

    /// The class of the `i`th word: French-only, English-only or neither.
    fn class(&self, i: usize) -> Option<Language> {
        let (a, b) = (self.counts[i], self.counts[i + 1]);
        if b.0 > a.0 {
            Some(Language::French)
        } else if b.1 > a.1 {
            Some(Language::English)
        } else {
            None
        }
    }

    /// The index of `text` given its words with their classes.
    fn classified<'a>(text: &str, tokens: impl Iterator<Item = (usize, &'a str, Option<Language>)>) -> Self {
        let n = tokens.size_hint().0;
        let mut index = LangIndex {
            starts: Vec::with_capacity(n),
            ends: Vec::with_capacity(n),
            counts: Vec::with_capacity(n + 1),
            breaks: memchr::memchr2_iter(b'\n', b'\r', text.as_bytes()).collect(),
            line_first: Vec::new(),
        };
        index.counts.push((0, 0));
        let (mut fr, mut en) = (0u32, 0u32);
        for (start, word, class) in tokens {
            match class {
                Some(Language::French) => fr += 1,
                Some(Language::English) => en += 1,
                None => {}
            }
            index.starts.push(start);
            index.ends.push(start + word.len());
            index.counts.push((fr, en));
        }
        index.line_first = Vec::with_capacity(index.breaks.len() + 2);
        index.line_first.push(0);
        let mut w = 0;
        for &b in &index.breaks {
            while index.starts.get(w).is_some_and(|&s| s < b) {
                w += 1;
            }
            index.line_first.push(w);
        }
        index.line_first.push(index.starts.len());
        index
    }

    /// True when the spot `[start, end)` reads as French, as [`is_french_context`].
    pub fn is_french(&self, start: usize, end: usize) -> bool {
        let (french, english) = self.counts(start, end);
        french > english
    }

    /// True when the spot `[start, end)` reads as English, as [`is_english_context`].
    pub fn is_english(&self, start: usize, end: usize) -> bool {
        let (french, english) = self.counts(start, end);
        english > french
    }

    /// (French-only, English-only) words in the words `[from, to)`.
    fn between(&self, from: usize, to: usize) -> (usize, usize) {
        if from >= to {
            return (0, 0);
        }
        let (a, b) = (self.counts[from], self.counts[to]);
        ((b.0 - a.0) as usize, (b.1 - a.1) as usize)
    }

    fn counts(&self, start: usize, end: usize) -> (usize, usize) {
        // The lines holding `start` and `end` (nearly always one), and so the words
        // wholly on them: every search below stays within those lines' words.
        let k = self.breaks.partition_point(|&b| b < start);
        let k_end = match self.breaks.get(k) {
            Some(&b) if b < end => k + self.breaks[k..].partition_point(|&b| b < end),
            _ => k,
        };
        let first = self.line_first[k];
        let last = self.line_first[k_end + 1];
        // Words wholly before the spot, and those starting before its end.
        let before = first + self.ends[first..self.line_first[k + 1]].partition_point(|&e| e <= start);
        let after = first + self.starts[first..last].partition_point(|&s| s < end);
        let near_before = self.between(before.saturating_sub(WINDOW).max(first), before);
        let near_after = self.between(after, (after + WINDOW).min(last));
        let near = (near_before.0 + near_after.0, near_before.1 + near_after.1);
        if near != (0, 0) {
            return near;
        }
        let far_first = before.saturating_sub(FAR_WINDOW).max(first);
        let (b, a) = (self.between(far_first, before), self.between(after, (after + FAR_WINDOW).min(last)));
        (b.0 + a.0, b.1 + a.1)
    }
}

/// True when `word` is made of word characters only and is written in lower case.
pub fn is_lowercase_word(word: &str) -> bool {
    word.chars().all(is_word_char) && word.chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_looked_up_as_the_lists_say() {
        for w in FRENCH_ONLY {
            assert_eq!(function_word(w), Some(Language::French), "{w}");
            assert!(w.len() <= LONGEST_FUNCTION_WORD, "{w}");
        }
        for w in ENGLISH_ONLY {
            assert_eq!(function_word(w), Some(Language::English), "{w}");
            assert!(w.len() <= LONGEST_FUNCTION_WORD, "{w}");
        }
        for w in ["a", "on", "en", "plus", "car", "", "véhicule", "The"] {
            assert_eq!(function_word(w), None, "{w}");
        }
    }

    #[test]
    fn context_table() {
        // (text, word, expect French)
        let cases = [
            ("ces steps au désespoir du président", "steps", true),
            ("la RPDC go on d’envisager de fournir", "go", true),
            ("He said the steps were taken by the army", "steps", false),
            ("steps", "steps", false),
            ("Pool Photo via AP", "Photo", false),
            ("Le média japonais Kyodo a parlé hier soir de quelque chose", "quelque", true),
        ];
        for (text, word, want) in cases {
            let at = text.find(word).unwrap();
            assert_eq!(is_french_context(text, at, at + word.len()), want, "{text:?}");
        }
    }

    proptest::proptest! {
        /// The table answers as the two lists do, for any short word.
        #[test]
        fn the_function_word_table_answers_as_the_lists(word in "[a-zéèàùô]{0,7}|(le|la|the|of|qu|où|été|être|which|with)[a-z]?") {
            let want = if FRENCH_ONLY.contains(&word.as_str()) {
                Some(Language::French)
            } else if ENGLISH_ONLY.contains(&word.as_str()) {
                Some(Language::English)
            } else {
                None
            };
            proptest::prop_assert_eq!(function_word(&word), want, "{:?}", word);
        }

        /// The index answers as the functions do on any text made of function words of
        /// both lists in any case, other words, accents, and every kind of line break.
        #[test]
        fn the_index_answers_as_the_functions_do_on_any_text(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "le", "Le", "LES", "the", "The", "OF", "which", "Which", "être", "Être", "où", "à", "À", "été",
                    "steps", "vehicle", "a", "en", "plus", "Qu", "d", "L", "ÉTÉ", "wHiCh", "x", "1", "dé", "ok",
                ]),
                0..60,
            ),
            seps in proptest::collection::vec(proptest::sample::select(vec![" ", " ", " ", ", ", "\n", "\r\n", "’", "-", ". "]), 60),
        ) {
            let mut text = String::new();
            for (part, sep) in parts.iter().zip(&seps) {
                text.push_str(part);
                text.push_str(sep);
            }
            let index = LangIndex::new(&text);
            for (start, word) in words(&text) {
                let end = start + word.len();
                proptest::prop_assert_eq!(index.counts(start, end), context_counts(&text, start, end), "{:?} at {:?}", text, word);
            }
        }
    }

    #[test]
    fn the_index_answers_as_the_functions_do() {
        let texts = [
            "ces steps au désespoir du président\nHe said the steps were taken by the army",
            "Pool Photo via AP\r\nLe média japonais Kyodo a parlé hier soir de quelque chose",
            "steps and steps\n\nla RPDC go on d’envisager de fournir the of which",
            "un deux trois quatre cinq six sept huit neuf the of and to which le la les des",
            "",
        ];
        for text in texts {
            let index = LangIndex::new(text);
            for (start, word) in words(text) {
                let end = start + word.len();
                assert_eq!(index.counts(start, end), context_counts(text, start, end), "{text:?} at {word:?}");
            }
            // Spans of two words, and empty spans between words.
            let all: Vec<(usize, &str)> = words(text).collect();
            for pair in all.windows(2) {
                let (start, end) = (pair[0].0, pair[1].0 + pair[1].1.len());
                assert_eq!(index.counts(start, end), context_counts(text, start, end), "{text:?}");
                let gap = pair[0].0 + pair[0].1.len();
                assert_eq!(index.counts(gap, gap), context_counts(text, gap, gap), "{text:?} at {gap}");
            }
        }
    }
}
