//! The French dictionary: which words are French, and what its entries say of their part
//! of speech and gender.
//!
//! The source is Dicollecte's Hunspell dictionary (`fr.dic` and `fr.aff` in
//! `glossfix-data-hunspell-fr`). Checking a word against it with a Hunspell engine means
//! parsing both files first (about 30 ms), so glossfix ships two tables built from them
//! offline instead (`scripts/build-french-tables.sh`), both finite-state automata
//! (the `fst` crate) that are used in place, without parsing:
//!
//! - **forms**: every word form the dictionary accepts (454,000 of them), found by
//!   expanding its affixes (Hunspell's `unmunch`) and keeping each form that spellbook, a
//!   Hunspell-compatible checker, accepts, with the words of wordfreq's and FreeDict's
//!   French lists it accepts;
//! - **entries**: each lemma's morphology (noun, adjective, verb; gender), as tagged in
//!   `fr.dic`.
//!
//! Lookups follow the dictionary's own rules: its input conversions (’ → ', decomposed
//! accents → composed), numbers, and a word with a hyphen, a full stop or a middle dot is
//! French when every part is (`BREAK`); the forms table holds each form in each case the
//! dictionary accepts (so "FT" is not French though "ft" is). Like the checker this
//! replaces, a word is also looked up in lower case. The tests check the forms against spellbook word by word on every
//! text of the repository, and the entries against `fr.dic` lemma by lemma.

#[cfg(feature = "hunspell-fr")]
use std::sync::OnceLock;

/// Grammatical gender, as the French dictionary tags its entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// `is:mas`
    Masculine,
    /// `is:fem`
    Feminine,
    /// `is:epi`: either ("un/une élève", "facile").
    Epicene,
    /// No gender tag: an adjective whose feminine the affix rules make ("normal",
    /// "japonais"), or a noun of either gender.
    Unmarked,
}

/// What the French dictionary says of one of its entries (a lemma as written in `fr.dic`:
/// nouns in the singular, adjectives in the masculine singular, verbs in the infinitive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Morphology {
    /// `po:nom`
    pub noun: bool,
    /// `po:adj`
    pub adjective: bool,
    /// `po:v…`: a verb, the entry being its infinitive ("lancer", "lire").
    pub verb: bool,
    /// Its gender.
    pub gender: Gender,
}

/// The most entries one lemma has in `fr.dic` that [`Entries`] holds ("marron" has 4).
pub const MAX_ENTRIES: usize = 12;

/// The entries of one lemma: a small list, read as a slice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entries {
    len: u8,
    items: [Morphology; MAX_ENTRIES],
}

const NONE: Morphology = Morphology { noun: false, adjective: false, verb: false, gender: Gender::Unmarked };

impl Entries {
    /// No entry.
    pub const EMPTY: Entries = Entries { len: 0, items: [NONE; MAX_ENTRIES] };

    /// The entries in `list`, up to [`MAX_ENTRIES`].
    pub fn from_slice(list: &[Morphology]) -> Entries {
        let mut entries = Entries::EMPTY;
        for m in list.iter().take(MAX_ENTRIES) {
            entries.items[usize::from(entries.len)] = *m;
            entries.len += 1;
        }
        entries
    }

    /// The entries packed in a `u64`: the count in the low 4 bits, then 5 bits each
    /// (noun, adjective, verb, then the gender in 2 bits).
    pub fn encode(&self) -> u64 {
        let mut code = u64::from(self.len);
        for (i, m) in self.iter().enumerate() {
            let gender = match m.gender {
                Gender::Masculine => 0,
                Gender::Feminine => 1,
                Gender::Epicene => 2,
                Gender::Unmarked => 3,
            };
            let bits = u64::from(m.noun) | u64::from(m.adjective) << 1 | u64::from(m.verb) << 2 | gender << 3;
            code |= bits << (4 + 5 * i);
        }
        code
    }

    /// The entries [`Entries::encode`] packed in `code`.
    pub fn decode(code: u64) -> Entries {
        let len = (code & 0xf) as usize;
        let mut entries = Entries::EMPTY;
        for i in 0..len.min(MAX_ENTRIES) {
            let bits = code >> (4 + 5 * i);
            let gender = match (bits >> 3) & 3 {
                0 => Gender::Masculine,
                1 => Gender::Feminine,
                2 => Gender::Epicene,
                _ => Gender::Unmarked,
            };
            entries.items[i] =
                Morphology { noun: bits & 1 == 1, adjective: bits & 2 == 2, verb: bits & 4 == 4, gender };
            entries.len += 1;
        }
        entries
    }
}

impl std::ops::Deref for Entries {
    type Target = [Morphology];

    fn deref(&self) -> &[Morphology] {
        &self.items[..usize::from(self.len)]
    }
}

/// The noun, adjective and verb entries of a Hunspell dictionary with Dicollecte's
/// morphology tags (`média/S.() po:nom is:mas`), as (lemma, morphology), in file order;
/// the first line (the count) is skipped.
pub fn parse_entries(dictionary: &str) -> impl Iterator<Item = (&str, Morphology)> {
    dictionary.lines().skip(1).filter_map(|line| {
        let (head, tags) = line.split_once(' ').unwrap_or((line, ""));
        let lemma = head.split('/').next().unwrap_or(head);
        let noun = tags.contains("po:nom");
        let adjective = tags.contains("po:adj");
        let verb = tags.contains("po:v");
        if !noun && !adjective && !verb {
            return None;
        }
        let gender = match (tags.contains("is:mas"), tags.contains("is:fem"), tags.contains("is:epi")) {
            (true, false, false) => Gender::Masculine,
            (false, true, false) => Gender::Feminine,
            (_, _, true) => Gender::Epicene,
            _ => Gender::Unmarked,
        };
        Some((lemma, Morphology { noun, adjective, verb, gender }))
    })
}

/// The two tables, or `None` without the `hunspell-fr` feature or if they do not load.
#[cfg(feature = "hunspell-fr")]
struct Tables {
    forms: fst::Set<&'static [u8]>,
    entries: fst::Map<&'static [u8]>,
}

#[cfg(feature = "hunspell-fr")]
fn tables() -> Option<&'static Tables> {
    static TABLES: OnceLock<Option<Tables>> = OnceLock::new();
    TABLES
        .get_or_init(|| {
            let forms = fst::Set::new(glossfix_data_hunspell_fr::FORMS).ok()?;
            let entries = fst::Map::new(glossfix_data_hunspell_fr::ENTRIES).ok()?;
            (!forms.is_empty()).then_some(Tables { forms, entries })
        })
        .as_ref()
}

/// Whether the French dictionary (Dicollecte's) knows `word`, in the case written or in
/// lower case: "installateur", "distants", "shell", "socket" are French; "layout",
/// "notebook", "kernel" are not. `None` when glossfix is built without the `hunspell-fr`
/// feature. A lookup in a table used in place: nothing to load.
pub fn is_french_word(word: &str) -> Option<bool> {
    #[cfg(feature = "hunspell-fr")]
    {
        let tables = tables()?;
        // Texts repeat their words: each thread remembers its answers (forgetting them
        // all past a bound, so that memory stays flat).
        thread_local! {
            static SEEN: std::cell::RefCell<glossfix_text::hash::FastMap<String, bool>> = Default::default();
        }
        Some(SEEN.with(|seen| {
            crate::remembered(seen, word, || {
                let converted = converted(word);
                let lower = converted.to_lowercase();
                accepted(&tables.forms, &converted, 0) || (lower != *converted && accepted(&tables.forms, &lower, 0))
            })
        }))
    }
    #[cfg(not(feature = "hunspell-fr"))]
    {
        let _ = word;
        None
    }
}

/// `word` after the dictionary's input conversions (`ICONV`): typographic apostrophes
/// and ligatures spelled out, decomposed accents composed.
#[cfg(feature = "hunspell-fr")]
fn converted(word: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    if word.is_ascii() {
        return std::borrow::Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    for c in word.nfc() {
        match c {
            '’' | 'ʼ' => out.push('\''),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬀ' => out.push_str("ff"),
            'ﬅ' => out.push_str("ft"),
            'ﬆ' => out.push_str("st"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ſ' => out.push('s'),
            _ => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether the dictionary accepts `word` as written (the forms table holds each form in
/// every case the dictionary accepts it), as a number, or, around a hyphen, a full stop or
/// a middle dot, part by part (`BREAK`); an apostrophe at its start or end is left out.
#[cfg(feature = "hunspell-fr")]
fn accepted(forms: &fst::Set<&'static [u8]>, word: &str, depth: usize) -> bool {
    if word.is_empty() {
        return false;
    }
    if forms.contains(word) || (depth == 0 && number(word)) {
        return true;
    }
    if depth > 8 {
        return false;
    }
    if let Some(inner) = word.strip_prefix(['\'', '‘']).or_else(|| word.strip_suffix('\'')) {
        return accepted(forms, inner, depth + 1);
    }
    word.char_indices()
        .filter(|&(_, c)| matches!(c, '-' | '.' | '·'))
        .any(|(i, c)| accepted(forms, &word[..i], depth + 1) && accepted(forms, &word[i + c.len_utf8()..], depth + 1))
}

/// Whether `word` is a number as Hunspell reads one: digits in groups joined by a full
/// stop, a comma or a hyphen, with an optional minus sign ("12", "1.5", "1-4", "-12").
#[cfg(feature = "hunspell-fr")]
fn number(word: &str) -> bool {
    let digits = word.strip_prefix('-').unwrap_or(word);
    !digits.is_empty()
        && digits.split(['.', ',', '-']).all(|group| !group.is_empty() && group.bytes().all(|b| b.is_ascii_digit()))
}

/// The dictionary entries spelled exactly `word` (a lemma: "média", "japonais", "lancer"),
/// each with its morphology; empty for a word that is only an inflected form
/// ("japonaise") or unknown, and without the `hunspell-fr` feature.
pub fn french_entries(word: &str) -> Entries {
    #[cfg(feature = "hunspell-fr")]
    {
        // Asked of the same nouns and determiners again and again: remembered per thread,
        // as `is_french_word`'s answers are.
        thread_local! {
            static SEEN: std::cell::RefCell<glossfix_text::hash::FastMap<String, Option<u64>>> = Default::default();
        }
        let packed = SEEN.with(|seen| crate::remembered(seen, word, || tables().and_then(|t| t.entries.get(word))));
        packed.map_or(Entries::EMPTY, Entries::decode)
    }
    #[cfg(not(feature = "hunspell-fr"))]
    {
        let _ = word;
        Entries::EMPTY
    }
}

/// True when glossfix is built with the French dictionary (the `hunspell-fr` feature)
/// and its tables load: the rules that need it stay silent otherwise.
pub fn has_french_dictionary() -> bool {
    is_french_word("de").is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_pack_into_a_u64_and_back() {
        let list = [
            Morphology { noun: true, adjective: false, verb: false, gender: Gender::Feminine },
            Morphology { noun: false, adjective: true, verb: false, gender: Gender::Epicene },
            Morphology { noun: true, adjective: true, verb: true, gender: Gender::Unmarked },
            Morphology { noun: false, adjective: false, verb: true, gender: Gender::Masculine },
        ];
        for n in 0..=list.len() {
            let entries = Entries::from_slice(&list[..n]);
            assert_eq!(Entries::decode(entries.encode()), entries);
            assert_eq!(&*Entries::decode(entries.encode()), &list[..n]);
        }
    }

    /// Every lemma of `fr.dic` has exactly its entries in the shipped table, and no
    /// other word has any: the table is up to date with the dictionary.
    #[test]
    #[cfg(feature = "hunspell-fr")]
    fn the_entries_table_is_the_dictionary() {
        let mut want: std::collections::BTreeMap<&str, Vec<Morphology>> = Default::default();
        for (lemma, m) in parse_entries(glossfix_data_hunspell_fr::DICTIONARY) {
            want.entry(lemma).or_default().push(m);
        }
        let table = &tables().expect("the tables load").entries;
        assert_eq!(table.len(), want.len(), "rebuild with scripts/build-french-tables.sh");
        for (lemma, list) in &want {
            assert_eq!(&*french_entries(lemma), &list[..list.len().min(MAX_ENTRIES)], "{lemma}");
        }
    }

    /// The forms table answers as spellbook reading `fr.dic` and `fr.aff` does, on every
    /// word of the repository's French texts and on a table of hard cases.
    #[test]
    #[cfg(feature = "hunspell-fr")]
    fn the_forms_table_answers_as_hunspell_does() {
        let dictionary =
            spellbook::Dictionary::new(glossfix_data_hunspell_fr::AFFIX, glossfix_data_hunspell_fr::DICTIONARY)
                .unwrap();
        let hunspell = |w: &str| dictionary.check(w) || dictionary.check(&w.to_lowercase());
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut words: std::collections::BTreeSet<String> = [
            "installateur",
            "distants",
            "shell",
            "socket",
            "layout",
            "notebook",
            "kernel",
            "Ce",
            "CETTE",
            "PARIS",
            "Paris",
            "paris",
            "aujourd’hui",
            "aujourd'hui",
            "Assurez-vous",
            "celui-ci",
            "porte-monnaie",
            "nord-coréenne",
            "empe\u{302}cher",
            "devraien",
            "média",
            "japonaise",
            "l'",
            "-vous",
            "ceux-là",
            "Ctrl-C",
            "c.-à-d",
            "e.g",
            "grand-mère",
            "grands-mères",
            "abc-def",
            "apparaitra",
            "apparaîtra",
            "volts",
            "résolu",
            "calories",
            "ﬁn",
            "efﬁcace",
            "MAISON",
            "Maison",
            "maison",
            "Mme",
            "mme",
            "12",
            "1-4",
            "1.5",
            "12,5",
            "-12",
            "12-",
            "a-12",
            "12a",
            "3e",
            "Linux-FT",
            "FT",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        for folder in ["tests/corpus", "tests/clean-fr", "tests/leaks"] {
            let Ok(dir) = std::fs::read_dir(root.join(folder)) else { continue };
            for entry in dir.flatten() {
                let Ok(text) = std::fs::read_to_string(entry.path()) else { continue };
                for (_, w) in glossfix_text::words::words(&text) {
                    words.insert(w.to_string());
                }
            }
        }
        assert!(words.len() > 5_000, "the repository's texts were read: {}", words.len());
        let differ: Vec<(&String, bool)> =
            words.iter().filter(|w| is_french_word(w) != Some(hunspell(w))).map(|w| (w, hunspell(w))).collect();
        assert!(differ.is_empty(), "{} of {} words differ: {differ:?}", differ.len(), words.len());
    }
}
