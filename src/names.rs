//! Near-misses of glossary names: a capitalised word one or two edits away from a name
//! in a `[[term]]` ("Pyongyanq", "Choïgouu") that no variant lists. Reported as
//! `name-variant` with the name as a suggestion; never applied by `fix`, since a close
//! spelling can be another person or place.

use crate::edit::{Edit, Span};
use crate::finding::{Applicability, EntryRef, Finding, Fix};
use crate::glossary::Glossary;
use crate::words::words;
use std::collections::HashSet;
use unicode_normalization::UnicodeNormalization;

/// Shorter names are left out: at five letters and fewer, one edit makes another word.
const MIN_CHARS: usize = 6;

#[derive(Debug, Clone)]
struct Name {
    text: String,
    chars: usize,
    line: usize,
}

/// The names of a glossary, ready for near-miss search.
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    names: Vec<Name>,
    /// Every word of every canonical form and variant: never a near-miss.
    known: HashSet<String>,
}

impl NameIndex {
    /// Collects the capitalised words of each `[[term]]` canonical form.
    pub fn new(glossary: &Glossary) -> Self {
        let mut index = NameIndex::default();
        for term in &glossary.terms {
            let line = glossary.line_of(term.canonical.span().start);
            let canonical = term.canonical.get_ref();
            for (_, word) in words(canonical) {
                let word: String = word.nfc().collect();
                let chars = word.chars().count();
                let capitalised = word.chars().next().is_some_and(char::is_uppercase);
                if capitalised && chars >= MIN_CHARS && index.known.insert(word.clone()) {
                    index.names.push(Name { text: word, chars, line });
                }
            }
            for variant in &term.variants {
                index.known.extend(words(variant.get_ref()).map(|(_, w)| w.nfc().collect::<String>()));
            }
        }
        index
    }

    /// Capitalised words of `text` within one edit of a name (two for names of nine
    /// letters or more), with the same first letter.
    pub fn near_misses(&self, text: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        if self.names.is_empty() {
            return out;
        }
        for (start, word) in words(text) {
            if !word.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let nfc: String = word.nfc().collect();
            let chars = nfc.chars().count();
            if chars < MIN_CHARS || self.known.contains(&nfc) {
                continue;
            }
            let first = nfc.chars().next();
            let best = self
                .names
                .iter()
                .filter(|n| n.chars.abs_diff(chars) <= limit(n.chars) && n.text.chars().next() == first)
                .map(|n| (strsim::damerau_levenshtein(&n.text, &nfc), n))
                .filter(|(d, n)| *d > 0 && *d <= limit(n.chars))
                .min_by_key(|(d, _)| *d);
            if let Some((_, name)) = best {
                let span = Span::new(start, start + word.len());
                out.push(Finding {
                    span,
                    rule: "name-variant",
                    message: format!("{word:?} looks like a misspelling of {:?}", name.text),
                    fix: Some(Fix {
                        edit: Edit { span, replacement: name.text.clone() },
                        applicability: Applicability::Unsafe,
                    }),
                    entry: Some(EntryRef { line: name.line }),
                });
            }
        }
        out
    }
}

fn limit(chars: usize) -> usize {
    if chars >= 9 { 2 } else { 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_table() {
        let g = Glossary::from_toml_str(
            "[[term]]\ncanonical = 'Pyongyang'\nvariants = ['Pynongyang']\n\
             [[term]]\ncanonical = 'Sergueï Choïgou'\nvariants = ['Sergei Shoigu']\n",
            "t.toml",
        )
        .unwrap();
        let index = NameIndex::new(&g);
        // (text, expected suggestions)
        let cases: &[(&str, &[&str])] = &[
            ("à Pyongyanq hier", &["Pyongyang"]),
            ("à Pyonggyanq hier", &["Pyongyang"]),
            ("à Pyongyang et Pynongyang", &[]),
            ("Choïgouu est venu", &["Choïgou"]),
            ("Choi\u{308}gou", &[]),
            ("Cho\u{308}ïgou", &["Choïgou"]),
            ("pyongyanq", &[]),
            ("Sergueï Choïgou", &[]),
            ("Sergei", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<_> = index.near_misses(text).into_iter().map(|f| f.fix.unwrap().edit.replacement).collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }
}
