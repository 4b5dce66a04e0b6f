//! Builds the French dictionary's tables (see `glossfix_lexicon::french`): reads candidate
//! word forms, one per line, on standard input; keeps those that spellbook, reading
//! `fr.dic` and `fr.aff`, accepts, with the capitalised and upper-case forms of each it
//! accepts; writes them as an `fst` set to `OUT/forms.fst`, and
//! the dictionary's entries as an `fst` map to `OUT/entries.fst`.
//!
//! ```sh
//! scripts/build-french-tables.sh    # makes the candidates and runs this
//! ```
use glossfix_lexicon::french::{Entries, parse_entries};
use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = PathBuf::from(std::env::args().nth(1).ok_or("usage: build_french_tables OUT_DIR < candidates")?);
    let dictionary =
        spellbook::Dictionary::new(glossfix_data_hunspell_fr::AFFIX, glossfix_data_hunspell_fr::DICTIONARY)
            .map_err(|e| format!("fr.dic/fr.aff: {e:?}"))?;
    let mut forms = std::collections::BTreeSet::new();
    let mut read = 0;
    for line in std::io::stdin().lock().lines() {
        let word = line?;
        read += 1;
        if !word.is_empty() && dictionary.check(&word) {
            forms.insert(word);
        }
    }
    // Each form also in capitals and with a capital initial, where the dictionary
    // accepts those (not "FT" for "ft", which it keeps in lower case).
    let variants: Vec<String> = forms
        .iter()
        .flat_map(|form| {
            let mut chars = form.chars();
            let title: String = chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect();
            [title, form.to_uppercase()]
        })
        .filter(|v| !forms.contains(v) && dictionary.check(v))
        .collect();
    forms.extend(variants);
    let mut set = fst::SetBuilder::new(std::io::BufWriter::new(std::fs::File::create(out.join("forms.fst"))?))?;
    for form in &forms {
        set.insert(form)?;
    }
    set.finish()?;
    let mut lemmas: BTreeMap<&str, Vec<glossfix_lexicon::Morphology>> = BTreeMap::new();
    for (lemma, m) in parse_entries(glossfix_data_hunspell_fr::DICTIONARY) {
        lemmas.entry(lemma).or_default().push(m);
    }
    let mut map = fst::MapBuilder::new(std::io::BufWriter::new(std::fs::File::create(out.join("entries.fst"))?))?;
    for (lemma, list) in &lemmas {
        map.insert(lemma, Entries::from_slice(list).encode())?;
    }
    map.finish()?;
    eprintln!("{read} candidates, {} forms kept; {} lemmas", forms.len(), lemmas.len());
    Ok(())
}
