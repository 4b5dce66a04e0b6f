//! Turns `lexicon.tsv` into a static perfect-hash map (`WORDS`), so that glossfix looks
//! words up without parsing the list at start-up.
use std::fmt::Write as _;

fn main() {
    println!("cargo::rerun-if-changed=lexicon.tsv");
    let text = std::fs::read_to_string("lexicon.tsv").expect("lexicon.tsv");
    let mut map = phf_codegen::Map::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut fields = line.split('\t');
        let (Some(word), Some(fr), Some(en)) = (fields.next(), fields.next(), fields.next()) else { continue };
        let tenths = |f: &str| f.parse::<u8>().unwrap_or(0);
        map.entry(word, format!("({}, {})", tenths(fr), tenths(en)));
    }
    let mut code = String::new();
    writeln!(
        code,
        "/// Every word of the list, with its French and English Zipf frequencies in tenths.\n\
         pub static WORDS: phf::Map<&'static str, (u8, u8)> = {};",
        map.build()
    )
    .unwrap();
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("words.rs");
    std::fs::write(out, code).unwrap();
}
