//! How long each embedded lexicon takes to be ready, in a fresh process: the first call
//! of each pays its loading. `scripts/bench.sh` runs it.
//!
//! ```sh
//! cargo run --release -p glossfix-lexicon --example load_time
//! ```
use std::time::Instant;

fn main() {
    let start = Instant::now();
    let french = glossfix_lexicon::is_french_word("installateur");
    let forms = start.elapsed();
    let start = Instant::now();
    let entries = glossfix_lexicon::french_entries("média").len();
    let morphology = start.elapsed();
    let start = Instant::now();
    let zipf = glossfix_lexicon::lexicon().zipf("vehicle");
    let frequencies = start.elapsed();
    println!("French forms (fst, in place): {:.2} ms (installateur: {french:?})", ms(forms));
    println!("French entries (fst, in place): {:.2} ms (média: {entries} entries)", ms(morphology));
    println!("word frequencies and translations (static tables): {:.2} ms (vehicle: {zipf:?})", ms(frequencies));
}

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
