//! Turns `lexicon.tsv` into static perfect-hash maps (`WORDS`, and `COMMON_BY_PREFIX` for
//! cognates), so that glossfix looks words up without parsing the list at start-up.
use std::fmt::Write as _;

fn main() {
    println!("cargo::rerun-if-changed=lexicon.tsv");
    let text = std::fs::read_to_string("lexicon.tsv").expect("lexicon.tsv");
    let mut map = phf_codegen::Map::new();
    let mut by_prefix: std::collections::BTreeMap<String, Vec<&str>> = Default::default();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut fields = line.split('\t');
        let (Some(word), Some(fr), Some(en)) = (fields.next(), fields.next(), fields.next()) else { continue };
        let tenths = |f: &str| f.parse::<u8>().unwrap_or(0);
        map.entry(word, format!("({}, {})", tenths(fr), tenths(en)));
        if tenths(fr) >= 30 && word.chars().count() >= 4 {
            by_prefix.entry(bare_prefix(word)).or_default().push(word);
        }
    }
    let mut prefixes = phf_codegen::Map::new();
    for (prefix, words) in &by_prefix {
        prefixes.entry(prefix.as_str(), format!("&{words:?}"));
    }
    let mut code = String::new();
    writeln!(
        code,
        "/// Every word of the list, with its French and English Zipf frequencies in tenths.\n\
         pub static WORDS: phf::Map<&'static str, (u8, u8)> = {};\n\
         /// The words of French Zipf 3 or more and four letters or more, by the first three\n\
         /// letters of their lower-case accent-free form, in the list's order.\n\
         pub static COMMON_BY_PREFIX: phf::Map<&'static str, &'static [&'static str]> = {};",
        map.build(),
        prefixes.build()
    )
    .unwrap();
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("words.rs");
    std::fs::write(out, code).unwrap();
}

/// The first three letters of `word` in lower case without accents.
fn bare_prefix(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars().flat_map(char::to_lowercase) {
        unicode_normalization::char::decompose_canonical(c, |d| {
            if !unicode_normalization::char::is_combining_mark(d) {
                out.push(d);
            }
        });
    }
    out.chars().take(3).collect()
}
