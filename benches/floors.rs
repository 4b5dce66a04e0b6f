//! The floor programs of the performance table: what the job costs on this machine
//! without glossfix, so `scripts/bench.sh` can print glossfix's ratio to each.
//!
//!     cargo bench --bench floors -- CORPUS DICT_50 DICT_40000
//!
//! DICT files are codespell dictionaries (`typo->fix`, as `scripts/bench.sh` cuts
//! them). Each program runs three times on one thread; the median is printed as
//! `name seconds MB/s`, one line each:
//!
//! - `split`: find every word with a byte loop (letters, digits, any non-ASCII byte);
//! - `lexicon`: the same, each word lower-cased and looked up in a hash set of the
//!   wordfreq lexicon's words (the 52k-word list glossfix ships);
//! - `lexicon+ac-50`, `lexicon+ac-40000`: the lexicon floor, then a bare aho-corasick
//!   scan (leftmost-longest, ASCII case-insensitive, whole text) over that many entries;
//! - `ac-replace-50`, `ac-replace-40000`: aho-corasick's replace loop alone.

use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashSet;
use std::hint::black_box;
use std::time::Instant;

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80 || b == b'\'' || b == b'-'
}

/// Calls `f` with every word of `text`.
fn words(text: &str, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if is_word_byte(bytes[i]) {
            let start = i;
            while i < bytes.len() && is_word_byte(bytes[i]) {
                i += 1;
            }
            // Word bytes end on a character boundary: a non-ASCII character is all word
            // bytes, and an ASCII byte is a boundary.
            f(&text[start..i]);
        } else {
            i += 1;
        }
    }
}

fn lexicon_floor(text: &str, lexicon: &HashSet<String>) -> usize {
    let mut known = 0;
    let mut lower = String::new();
    words(text, |w| {
        lower.clear();
        if w.is_ascii() {
            lower.push_str(w);
            lower.make_ascii_lowercase();
        } else {
            lower.extend(w.chars().flat_map(char::to_lowercase));
        }
        known += usize::from(lexicon.contains(lower.as_str()));
    });
    known
}

fn automaton(dict: &str) -> (AhoCorasick, Vec<String>) {
    let (finds, replaces): (Vec<&str>, Vec<String>) = std::fs::read_to_string(dict)
        .unwrap_or_else(|e| panic!("{dict}: {e}"))
        .lines()
        .filter_map(|l| l.split_once("->"))
        .map(|(f, r)| (f.trim().to_string(), r.split(',').next().unwrap_or("").trim().to_string()))
        .map(|(f, r)| (Box::leak(f.into_boxed_str()) as &str, r))
        .unzip();
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&finds)
        .expect("the automaton builds");
    (ac, replaces)
}

/// Median seconds of three runs of `f`.
fn median(mut f: impl FnMut() -> usize) -> f64 {
    let mut times: Vec<f64> = (0..3)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[1]
}

fn main() {
    // `cargo bench` passes `--bench`; the files are the other arguments.
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let [corpus, dict_small, dict_big] = &args[..] else {
        eprintln!("usage: cargo bench --bench floors -- CORPUS DICT_50 DICT_40000");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(corpus).unwrap_or_else(|e| panic!("{corpus}: {e}"));
    let mb = text.len() as f64 / 1e6;
    let lexicon_file = concat!(env!("CARGO_MANIFEST_DIR"), "/crates/data-wordfreq/lexicon.tsv");
    let lexicon: HashSet<String> = std::fs::read_to_string(lexicon_file)
        .expect("the wordfreq lexicon")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next().map(str::to_string))
        .collect();
    let (small, small_replaces) = automaton(dict_small);
    let (big, big_replaces) = automaton(dict_big);
    let print = |name: &str, s: f64| println!("{name} {s:.3} {:.1}", mb / s);
    print(
        "split",
        median(|| {
            let mut n = 0;
            words(&text, |_| n += 1);
            n
        }),
    );
    print("lexicon", median(|| lexicon_floor(&text, &lexicon)));
    for (name, ac) in [("lexicon+ac-50", &small), ("lexicon+ac-40000", &big)] {
        print(name, median(|| lexicon_floor(&text, &lexicon) + ac.find_iter(&text).count()));
    }
    for (name, ac, replaces) in [("ac-replace-50", &small, &small_replaces), ("ac-replace-40000", &big, &big_replaces)]
    {
        print(name, median(|| ac.replace_all(&text, replaces).len()));
    }
    eprintln!("{} lexicon words, {} + {} entries, {mb:.1} MB", lexicon.len(), small_replaces.len(), big_replaces.len());
}
