//! Near-misses of glossary names: a capitalised word or word sequence a typo or two
//! away from the canonical form or a variant of a `[[term]]` that asks for it
//! (`near_miss = true`), such as "Pyongyanq" or "Choïgouu". Reported as `name-variant`
//! with the canonical form as a suggestion, or repaired when the term says
//! `near_miss_fix = true`.
//!
//! Names are compared folded: lower case, accents removed, hyphens and apostrophes read
//! as spaces ("Kim Jong-Un" and "kim jong un" are the same). Distinct names stay distinct:
//! a word of three letters or fewer must match exactly, so "Kim Jong-il" is never "Kim
//! Jong-un"; a term's `not` list names others; a common French word is never a variant.
//!
//! The search is a deletion index (as in SymSpell): every spelling in the glossary is
//! stored with all its one- and two-letter deletions, and a candidate in the text is
//! looked up by its own deletions. The cost per text word does not grow with the number
//! of names in the glossary.

use crate::glossary::Glossary;
use glossfix_diagnostics::{Applicability, Edit, EntryId, Finding, Fix, RuleId};
use glossfix_lexicon::lexicon;
use glossfix_text::Span;
use glossfix_text::fold::{Fold, fold};
use glossfix_text::hash::{FastMap, FastSet};
use glossfix_text::memo::RunMemo;
use glossfix_text::shared::Shared;

/// Names shorter than this (folded, without spaces) are never near-missed.
const MIN_LEN: usize = 5;

/// What the name index makes of a spelling as written (see [`NameIndex::near_misses`]).
#[derive(Clone, Copy)]
enum Spelling {
    /// A known spelling of a name: the term's own patterns handle it.
    Known,
    /// One word that is a common French word.
    CommonWord,
    /// Looked up: the form it is a near-miss of, if any.
    Looked(Option<usize>),
}

/// A name folded for comparison: lower case, no accents, hyphens and apostrophes as
/// spaces, single spaces ([`Fold::NAME`]).
///
/// ```
/// use glossfix_glossary::names::fold_name;
/// assert_eq!(fold_name("Kim Jong-Un"), "kim jong un");
/// assert_eq!(fold_name("Sergueï  Choïgou"), "serguei choigou");
/// ```
pub fn fold_name(name: &str) -> String {
    fold(name, Fold::NAME)
}

/// How many edits (Damerau–Levenshtein) a whole folded name of `len` characters may
/// differ by and still be the same name misspelt.
pub fn whole_limit(len: usize) -> usize {
    if len >= 9 { 2 } else { 1 }
}

/// How many edits one word of a name may differ by: none for short words ("il", "un").
fn word_limit(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=8 => 1,
        _ => 2,
    }
}

/// True when two folded names are close enough to be one name misspelt.
pub fn close(a: &str, b: &str) -> bool {
    close_distance(a, b).is_some()
}

/// The edit distance between two folded names when they are close enough to be one name
/// misspelt ([`close`]), worked out once.
fn close_distance(a: &str, b: &str) -> Option<usize> {
    if a == b {
        return None;
    }
    let (na, nb) = (a.chars().count(), b.chars().count());
    let limit = whole_limit(na.max(nb));
    // The distance is at least the difference in length: most candidates are out by it.
    if na.abs_diff(nb) > limit {
        return None;
    }
    let distance = strsim::damerau_levenshtein(a, b);
    if distance > limit {
        return None;
    }
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let words_close = if wa.len() != wb.len() {
        // "kim jongun" for "kim jong un": one joined or split word only.
        distance == 1
    } else {
        wa.iter()
            .zip(&wb)
            .all(|(x, y)| strsim::damerau_levenshtein(x, y) <= word_limit(x.chars().count().min(y.chars().count())))
    };
    words_close.then_some(distance)
}

/// The deletion keys of `s`: a hash of `s` and of every string made from it by deleting
/// one character, and with `depth` 2 two (deeper is read as 2), each given to `f` at
/// least once. Hashes, not strings: nothing is built, and a string's key is the same
/// wherever it comes from. Two strings rarely share a key by chance; candidates found
/// through one are compared exactly ([`close`]) after.
///
/// ```
/// use glossfix_glossary::names::deletion_keys;
/// let keys = |s: &str, depth| { let mut k = Vec::new(); deletion_keys(s, depth, |h| k.push(h)); k };
/// assert!(keys("choigou", 1).contains(&keys("choigu", 0)[0]));
/// assert!(keys("pyongyang", 2).iter().any(|k| keys("pynongyang", 2).contains(k)));
/// ```
pub fn deletion_keys(s: &str, depth: usize, mut f: impl FnMut(u64)) {
    // A polynomial hash, whose value for a piece of `s` comes from the prefix hashes:
    // h(xy) = h(x)·B^|y| + h(y).
    const B: u64 = 0x0000_0100_0000_01B3;
    let chars: Vec<u64> = s.chars().map(|c| u64::from(c) + 1).collect();
    let n = chars.len();
    let (mut prefix, mut power) = (vec![0u64; n + 1], vec![1u64; n + 1]);
    for (i, &c) in chars.iter().enumerate() {
        prefix[i + 1] = prefix[i].wrapping_mul(B).wrapping_add(c);
        power[i + 1] = power[i].wrapping_mul(B);
    }
    let piece = |a: usize, b: usize| prefix[b].wrapping_sub(prefix[a].wrapping_mul(power[b - a]));
    f(prefix[n]);
    if depth == 0 {
        return;
    }
    for i in 0..n {
        f(piece(0, i).wrapping_mul(power[n - i - 1]).wrapping_add(piece(i + 1, n)));
        if depth >= 2 && i + 1 < n {
            // What comes before i, shifted past the n - i - 2 characters kept after it.
            let head = piece(0, i).wrapping_mul(power[n - i - 2]);
            for j in i + 1..n {
                f(head.wrapping_add(piece(i + 1, j).wrapping_mul(power[n - j - 1])).wrapping_add(piece(j + 1, n)));
            }
        }
    }
}

#[derive(Debug, Clone)]
struct Form {
    folded: String,
    canonical: String,
    entry: EntryId,
    fix: bool,
}

/// The near-miss index of a glossary's names.
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    forms: Vec<Form>,
    by_deletion: FastMap<u64, Vec<usize>>,
    /// Folded spellings that are never near-misses: every term's canonical form and
    /// variants (they are handled exactly), and every `not` name.
    known: FastSet<String>,
    max_words: usize,
    /// The form each folded spelling looked up is a near-miss of, remembered for the run
    /// (an article's capitalised words are mostly the run's: looking one up hashes every
    /// string one or two deletions from it).
    looked_up: RunMemo<Option<usize>>,
}

impl NameIndex {
    /// Indexes the terms that ask for near-miss detection.
    pub(crate) fn new(glossary: &Glossary) -> Self {
        let mut index = NameIndex::default();
        for (i, term) in glossary.terms.iter().enumerate() {
            let canonical = term.canonical.get_ref().trim();
            let spellings = std::iter::once(canonical).chain(term.variants.iter().map(|v| v.get_ref().trim()));
            index.known.extend(spellings.clone().map(fold_name));
            index.known.extend(term.not.iter().map(|n| fold_name(n)));
            if !term.near_miss {
                continue;
            }
            let entry = glossary.term_id(i);
            for spelling in spellings {
                let folded = fold_name(spelling);
                if folded.replace(' ', "").chars().count() < MIN_LEN {
                    continue;
                }
                let id = index.forms.len();
                deletion_keys(&folded, whole_limit(folded.chars().count()), |key| {
                    let ids = index.by_deletion.entry(key).or_default();
                    if ids.last() != Some(&id) {
                        ids.push(id);
                    }
                });
                index.max_words = index.max_words.max(folded.split(' ').count());
                index.forms.push(Form { folded, canonical: canonical.to_string(), entry, fix: term.near_miss_fix });
            }
        }
        index
    }

    /// The closest indexed spelling to a folded candidate, if one is close enough.
    fn lookup(&self, folded: &str) -> Option<usize> {
        let mut candidates: Vec<usize> = Vec::new();
        deletion_keys(folded, whole_limit(folded.chars().count()), |key| {
            if let Some(ids) = self.by_deletion.get(&key) {
                candidates.extend(ids);
            }
        });
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .filter_map(|id| Some((close_distance(folded, &self.forms[id].folded)?, id)))
            // The nearest form; on a tie the first indexed, whatever order the set keeps.
            .min()
            .map(|(_, id)| id)
    }

    /// True when a near-miss can be a safe repair: some term asks for it
    /// (`near_miss_fix = true`).
    pub(crate) fn repairs(&self) -> bool {
        self.forms.iter().any(|f| f.fix)
    }

    /// Near-misses of the indexed names in `text`; longer word sequences first.
    pub(crate) fn near_misses(&self, shared: &Shared<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        if self.forms.is_empty() {
            return out;
        }
        let (text, tokens) = (shared.text(), shared.words());
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        // Names repeat within a text: look each folded spelling up once, and decide each
        // spelling as written once (what it folds to, and so its answer, never changes).
        let mut seen: FastMap<String, Option<usize>> = FastMap::default();
        let mut decided: FastMap<(&str, bool), Spelling> = FastMap::default();
        let mut i = 0;
        while i < tokens.len() {
            if !capital(tokens[i].1) {
                i += 1;
                continue;
            }
            // The longest run of capitalised words (up to the longest name) that is
            // a near-miss wins.
            let mut run = 1;
            while run < self.max_words
                && i + run < tokens.len()
                && capital(tokens[i + run].1)
                && text[tokens[i + run - 1].0 + tokens[i + run - 1].1.len()..tokens[i + run].0].trim().is_empty()
            {
                run += 1;
            }
            let mut matched = None;
            for n in (1..=run).rev() {
                let span = Span::new(tokens[i].0, tokens[i + n - 1].0 + tokens[i + n - 1].1.len());
                let written = &text[span.start..span.end];
                let spelling =
                    *decided.entry((written, n == 1)).or_insert_with(|| {
                        let folded = fold_name(written);
                        if self.known.contains(&folded) {
                            return Spelling::Known;
                        }
                        if n == 1 && lexicon().is_common_french(&folded) {
                            return Spelling::CommonWord;
                        }
                        Spelling::Looked(*seen.entry(folded).or_insert_with_key(|folded| {
                            self.looked_up.get_or_insert_with(folded, || self.lookup(folded))
                        }))
                    });
                match spelling {
                    Spelling::Known => break, // an exact spelling: the term's own patterns handle it
                    Spelling::CommonWord | Spelling::Looked(None) => continue,
                    Spelling::Looked(Some(id)) => {
                        matched = Some((n, span, &self.forms[id]));
                        break;
                    }
                }
            }
            let Some((n, span, form)) = matched else {
                i += 1;
                continue;
            };
            let found = &text[span.start..span.end];
            let applicability = if form.fix { Applicability::Safe } else { Applicability::Unsafe };
            out.push(
                Finding::new(
                    RuleId::NameVariant,
                    span,
                    format!("{found:?} looks like a misspelling of {:?}", form.canonical),
                )
                .with_fix(Fix::new(vec![Edit::replace(span, form.canonical.clone())], applicability))
                .with_entry(form.entry),
            );
            i += n;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string made from `s` by deleting up to `depth` characters, `s` included.
    fn deletion_strings(s: &str, depth: usize, out: &mut FastSet<String>) {
        if !out.insert(s.to_string()) || depth == 0 {
            return;
        }
        let chars: Vec<char> = s.chars().collect();
        for i in 0..chars.len() {
            deletion_strings(&chars[..i].iter().chain(&chars[i + 1..]).collect::<String>(), depth - 1, out);
        }
    }

    fn key(s: &str) -> u64 {
        let mut keys = Vec::new();
        deletion_keys(s, 0, |k| keys.push(k));
        keys[0]
    }

    proptest::proptest! {
        #[test]
        fn deletion_keys_are_the_keys_of_the_deletions(s in "[abcé ]{0,12}", depth in 0usize..=2) {
            let mut keys = FastSet::default();
            deletion_keys(&s, depth, |k| { keys.insert(k); });
            let mut strings = FastSet::default();
            deletion_strings(&s, depth, &mut strings);
            let want: FastSet<u64> = strings.iter().map(|d| key(d)).collect();
            proptest::prop_assert_eq!(keys, want);
        }
    }

    #[test]
    fn close_table() {
        // (a, b, close)
        let cases = [
            ("pyongyang", "pynongyang", true),
            ("choigou", "choigu", true),
            ("choigou", "choigouu", true),
            ("kim jong un", "kim jong il", false),
            ("kim jong un", "kim yo jong", false),
            ("kim jong un", "kim jongun", true),
            ("kim jong un", "kim jong un", false),
            ("russie", "russes", false),
            ("serguei choigou", "sergei choigou", true),
        ];
        for (a, b, want) in cases {
            assert_eq!(close(a, b), want, "{a} ~ {b}");
        }
    }

    #[test]
    fn near_misses_table() {
        let g = Glossary::parse(
            "[[term]]\ncanonical = 'Pyongyang'\nvariants = ['Pynongyang']\nnear_miss = true\n\
             [[term]]\ncanonical = 'Sergueï Choïgou'\nvariants = ['Sergei Shoigu', 'Choïgou']\nnear_miss = true\n\
             [[term]]\ncanonical = 'Kim Jong-un'\nvariants = ['Kim Jong Un']\nnear_miss = true\nnot = ['Kim Jong-nam']\n\
             [[term]]\ncanonical = 'Russie'\nvariants = ['Rusie']\n",
            "t.toml",
        )
        .unwrap();
        let index = NameIndex::new(&g);
        // (text, expected (found, suggestion))
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("à Pyongyanq hier", &[("Pyongyanq", "Pyongyang")]),
            ("à Pyongyang et Pynongyang", &[]),
            ("Choïgouu est venu", &[("Choïgouu", "Sergueï Choïgou")]),
            ("Sergueï Choïgu est venu", &[("Sergueï Choïgu", "Sergueï Choïgou")]),
            ("Choi\u{308}gou", &[]),
            ("pyongyanq", &[]),
            ("Kim Jong-il et Kim Yo-jong, Kim Jong-nam", &[]),
            ("le dirigeant Kim Jongun", &[("Kim Jongun", "Kim Jong-un")]),
            ("la Russie et les Russes", &[]),
        ];
        // Twice over: the second time every spelling's answer comes from the index's
        // memory of the run, and a copy of the index starts with none.
        for index in [&index, &index, &index.clone()] {
            for (text, want) in cases {
                let got: Vec<(String, String)> = index
                    .near_misses(&Shared::new(text))
                    .into_iter()
                    .map(|f| {
                        (text[f.span.start..f.span.end].to_string(), f.fix.unwrap().edits()[0].replacement.clone())
                    })
                    .collect();
                let want: Vec<(String, String)> = want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
                assert_eq!(got, want, "{text:?}");
            }
        }
    }

    #[test]
    fn cost_does_not_depend_on_the_number_of_names() {
        // 2,000 names: a lookup touches only the names sharing a deletion.
        let mut toml = String::new();
        for i in 0..2_000 {
            toml.push_str(&format!(
                "[[term]]\ncanonical = 'Zorglub{i:05}'\nvariants = ['Zorglub{i:05}x']\nnear_miss = true\n"
            ));
        }
        let g = Glossary::parse(&toml, "t.toml").unwrap();
        let index = NameIndex::new(&g);
        let probe = fold_name("Pyongyanq");
        let mut touched = 0;
        deletion_keys(&probe, whole_limit(probe.len()), |k| touched += index.by_deletion.get(&k).map_or(0, Vec::len));
        assert_eq!(touched, 0, "an unrelated name shares no deletion with 2,000 others");
    }
}
