//! Turns `en-fr.tsv` into static perfect-hash tables (`ENGLISH_TO_FRENCH`, `FRENCH`), so
//! that glossfix looks translations up without parsing the list at start-up.
use std::collections::BTreeSet;
use std::fmt::Write as _;

fn main() {
    println!("cargo::rerun-if-changed=en-fr.tsv");
    let text = std::fs::read_to_string("en-fr.tsv").expect("en-fr.tsv");
    let mut map = phf_codegen::Map::new();
    let mut french = BTreeSet::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((english, list)) = line.split_once('\t') else { continue };
        let words: Vec<&str> = list.split('|').collect();
        french.extend(words.iter().copied());
        map.entry(english, format!("&{words:?}"));
    }
    let mut set = phf_codegen::Set::new();
    for word in &french {
        set.entry(*word);
    }
    let mut code = String::new();
    writeln!(
        code,
        "/// Each English headword's French translations, in the list's order.\n\
         pub static ENGLISH_TO_FRENCH: phf::Map<&'static str, &'static [&'static str]> = {};\n\
         /// Every French word of the list.\n\
         pub static FRENCH: phf::Set<&'static str> = {};",
        map.build(),
        set.build()
    )
    .unwrap();
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("translations.rs");
    std::fs::write(out, code).unwrap();
}
