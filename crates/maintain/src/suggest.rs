//! `glossfix suggest`: proposes glossary entries from a corpus. The English leaks found
//! (with counts, an example sentence and French candidates), and clusters of name
//! spellings that look like one name ("Kim Jong-un / Kim Jong-Un / Kim Jong Un",
//! "Choïgu / Choïgou"), written as TOML to paste into `glossary.toml`.

use glossfix_diagnostics::RuleId;
use glossfix_engine::Engine;
use glossfix_glossary::names::{close, deletion_keys, fold_name, whole_limit};
use glossfix_lexicon::lexicon;
use glossfix_rules::leaks::candidates;
use glossfix_text::display::ellipsize;
use glossfix_text::fold::{Fold, fold};
use glossfix_text::segment::is_sentence_start;
use glossfix_text::words::words;
use std::collections::{BTreeMap, HashMap, HashSet};

/// An English leak seen in the corpus.
#[derive(Debug, Clone)]
pub struct LeakSuggestion {
    /// The leak as first written.
    pub phrase: String,
    /// How many times it was seen.
    pub count: usize,
    /// How many files it was seen in.
    pub files: usize,
    /// The sentence of its first occurrence.
    pub example: String,
    /// French candidates, most likely first.
    pub candidates: Vec<String>,
}

/// Spellings that look like one name, most frequent first.
#[derive(Debug, Clone)]
pub struct NameCluster {
    /// Each spelling and how many times it was seen.
    pub spellings: Vec<(String, usize)>,
}

/// What `suggest` found.
#[derive(Debug, Clone, Default)]
pub struct Suggestions {
    /// English leaks, most frequent first.
    pub leaks: Vec<LeakSuggestion>,
    /// Name clusters, most frequent first.
    pub names: Vec<NameCluster>,
    /// Files read.
    pub files: usize,
}

#[derive(Debug, Default)]
struct NameCount {
    /// Seen as a whole run of capitalised words.
    alone: usize,
    /// Seen as one word inside a longer run.
    inside: usize,
}

/// Collects leaks and names over many texts.
#[derive(Debug, Default)]
pub struct Collector {
    leaks: HashMap<String, LeakSuggestion>,
    leak_order: Vec<String>,
    names: BTreeMap<String, NameCount>,
    files: usize,
    /// The leaks already counted in the file being read.
    seen_in_file: HashSet<String>,
}

/// What one text (or one piece of a large one) holds for [`Collector`]: its English
/// leaks and its runs of capitalised words. Computed without the collector, so on
/// worker threads, and counted in order with [`Collector::add_observed`].
#[derive(Debug, Default)]
pub struct Observed {
    /// Each leak found, by its folded form, with its sentence and candidates.
    leaks: Vec<(String, LeakSuggestion)>,
    /// Each run of capitalised words, with its words when it has several.
    names: Vec<(String, Vec<String>)>,
}

impl Observed {
    /// What `text` holds, by `engine`'s findings and the name runs.
    pub fn of(engine: &Engine, text: &str) -> Self {
        let findings = engine.check(text).unwrap_or_else(|e| e.findings);
        let leaks = findings
            .into_iter()
            .filter(|f| f.rule == RuleId::EnglishLeak)
            .map(|finding| {
                let phrase = &text[finding.span.start..finding.span.end];
                let leak = LeakSuggestion {
                    phrase: phrase.to_string(),
                    count: 1,
                    files: 1,
                    example: sentence_around(text, finding.span.start, finding.span.end),
                    // Filled in by the collector, once per distinct leak.
                    candidates: Vec::new(),
                };
                (fold(phrase, Fold::MATCH), leak)
            })
            .collect();
        Observed { leaks, names: name_runs(text) }
    }
}

impl Collector {
    /// A collector with nothing seen.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads one text (a whole file).
    pub fn add(&mut self, engine: &Engine, text: &str) {
        self.add_observed(Observed::of(engine, text), true);
    }

    /// Counts what [`Observed::of`] saw in one piece of a file; `first` is true for a
    /// whole file or the first piece of one read in chunks, so a file is counted once
    /// however it was read.
    pub fn add_observed(&mut self, observed: Observed, first: bool) {
        if first {
            self.files += 1;
            self.seen_in_file.clear();
        }
        for (key, leak) in observed.leaks {
            let entry = self.leaks.entry(key.clone()).or_insert_with(|| {
                self.leak_order.push(key.clone());
                // Candidates once per distinct leak, not per occurrence.
                LeakSuggestion { count: 0, files: 0, candidates: candidates(&leak.phrase), ..leak }
            });
            entry.count += 1;
            if self.seen_in_file.insert(key) {
                entry.files += 1;
            }
        }
        for (run, tokens) in observed.names {
            self.names.entry(run).or_default().alone += 1;
            if tokens.len() > 1 {
                for token in tokens {
                    self.names.entry(token).or_default().inside += 1;
                }
            }
        }
    }

    /// The suggestions, leaving out names the glossary already knows.
    pub fn finish(self, engine: &Engine) -> Suggestions {
        let mut leaks: Vec<LeakSuggestion> = self.leak_order.iter().map(|k| self.leaks[k].clone()).collect();
        leaks.sort_by(|a, b| b.count.cmp(&a.count).then(b.files.cmp(&a.files)));
        let known: HashSet<String> = engine
            .glossary()
            .terms
            .iter()
            .flat_map(|t| std::iter::once(t.canonical.get_ref()).chain(t.variants.iter().map(|v| v.get_ref())))
            .map(|s| s.trim().to_string())
            .collect();
        Suggestions { leaks, names: cluster_names(&self.names, &known), files: self.files }
    }
}

/// The sentence containing `[start, end)`, on one line, at most about 240 characters.
fn sentence_around(text: &str, start: usize, end: usize) -> String {
    let from = text[..start].rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    let to = text[end..].find(['.', '!', '?', '\n']).map_or(text.len(), |i| end + i + 1).min(text.len());
    ellipsize(text[from..to].trim(), 240)
}

/// Runs of capitalised words (names) in `text`, each with its words: leading
/// sentence-initial common words ("Le New York Times" -> "New York Times") and acronyms
/// left out.
fn name_runs(text: &str) -> Vec<(String, Vec<String>)> {
    let tokens: Vec<(usize, &str)> = words(text).collect();
    let is_name_word = |(start, w): (usize, &str)| {
        let mut chars = w.chars();
        let capital = chars.next().is_some_and(char::is_uppercase);
        let acronym = w.chars().filter(|c| c.is_uppercase()).count() >= 2 && !w.contains('-');
        // "Le", "Mais", "Depuis" open sentences; "Kim" (Zipf 4.4) is a name.
        let initial_common = is_sentence_start(text, start) && lexicon().zipf(&w.to_lowercase()).fr >= 5.0;
        capital && !acronym && !initial_common && !w.chars().any(|c| c.is_ascii_digit())
    };
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_name_word(tokens[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len()
            && j - i < 4
            && is_name_word(tokens[j])
            && text[tokens[j - 1].0 + tokens[j - 1].1.len()..tokens[j].0].chars().all(|c| c == ' ' || c == '\u{a0}')
            && tokens[j - 1].0 + tokens[j - 1].1.len() < tokens[j].0
        {
            j += 1;
        }
        // "la Défense Sergueï Choïgu": a dictionary word heading a run is not the name.
        while i + 1 < j && lexicon().is_dictionary_french(tokens[i].1) {
            i += 1;
        }
        let span_text = &text[tokens[i].0..tokens[j - 1].0 + tokens[j - 1].1.len()];
        let words_in: Vec<String> = tokens[i..j].iter().map(|(_, w)| w.to_string()).collect();
        runs.push((span_text.to_string(), words_in));
        i = j;
    }
    runs
}

/// True for a spelling that is not a common French word (names that may be misspelt).
fn rare(folded: &str) -> bool {
    folded.contains(' ') || !lexicon().is_common_french(folded)
}

/// Groups spellings that fold to the same name or are a typo apart (one of them rare),
/// and keeps the groups with two spellings or more that the glossary does not cover.
fn cluster_names(names: &BTreeMap<String, NameCount>, known: &HashSet<String>) -> Vec<NameCluster> {
    let spellings: Vec<&String> = names.keys().collect();
    let folded: Vec<String> = spellings.iter().map(|s| fold_name(s)).collect();
    // Union-find over spellings.
    let mut parent: Vec<usize> = (0..spellings.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let union = |parent: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (root(parent, a), root(parent, b));
        if ra != rb {
            parent[ra] = rb;
        }
    };
    let mut by_deletion: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut by_fold: HashMap<&str, usize> = HashMap::new();
    for (i, f) in folded.iter().enumerate() {
        if let Some(&j) = by_fold.get(f.as_str()) {
            union(&mut parent, i, j);
            continue;
        }
        by_fold.insert(f, i);
        if f.replace(' ', "").chars().count() < 5 {
            continue;
        }
        deletion_keys(f, whole_limit(f.chars().count()), |key| {
            let ids = by_deletion.entry(key).or_default();
            if ids.last() != Some(&i) {
                ids.push(i);
            }
        });
    }
    for ids in by_deletion.values() {
        for (x, &a) in ids.iter().enumerate() {
            for &b in &ids[x + 1..] {
                if close(&folded[a], &folded[b]) && (rare(&folded[a]) || rare(&folded[b])) {
                    union(&mut parent, a, b);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..spellings.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let multi_word_members: HashSet<&str> = groups
        .values()
        .filter(|g| g.len() >= 2 && g.iter().all(|&i| spellings[i].contains(' ')))
        .flat_map(|g| g.iter().flat_map(|&i| spellings[i].split(' ')))
        .collect();
    let mut clusters: Vec<NameCluster> = groups
        .into_values()
        .filter(|g| g.len() >= 2)
        .filter(|g| !g.iter().all(|&i| known.contains(spellings[i].as_str())))
        // A word seen only inside a clustered longer name adds nothing to that cluster.
        .filter(|g| {
            !g.iter().all(|&i| names[spellings[i]].alone == 0 && multi_word_members.contains(spellings[i].as_str()))
        })
        .map(|g| {
            let mut s: Vec<(String, usize)> = g
                .iter()
                .map(|&i| (spellings[i].clone(), names[spellings[i]].alone + names[spellings[i]].inside))
                .collect();
            s.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            NameCluster { spellings: s }
        })
        .collect();
    clusters.sort_by_key(|c| std::cmp::Reverse(c.spellings.iter().map(|s| s.1).sum::<usize>()));
    clusters
}

/// The suggestions as TOML entries for `glossary.toml`, most frequent first; leaks
/// without a French candidate are written commented out, for the maintainer to finish.
pub fn to_toml(s: &Suggestions) -> String {
    let q = |v: &str| toml::Value::String(v.to_string()).to_string();
    let mut out = format!(
        "# glossfix suggest: {} English leaks and {} name clusters in {} files.\n\
         # Review every entry before pasting it into glossary.toml.\n",
        s.leaks.len(),
        s.names.len(),
        s.files
    );
    if !s.names.is_empty() {
        out.push_str("\n# ─── Names written several ways (canonical: the most frequent spelling) ───\n");
    }
    for cluster in &s.names {
        let seen: Vec<String> = cluster.spellings.iter().map(|(w, n)| format!("{w} ({n})")).collect();
        let variants: Vec<String> = cluster.spellings[1..].iter().map(|(w, _)| q(w)).collect();
        out.push_str(&format!(
            "\n# seen as: {}\n[[term]]\ncanonical = {}\nvariants = [{}]\nnear_miss = true\n",
            seen.join(", "),
            q(&cluster.spellings[0].0),
            variants.join(", ")
        ));
    }
    if !s.leaks.is_empty() {
        out.push_str("\n# ─── English leaks (replace is the first French candidate: check it) ───\n");
    }
    for leak in &s.leaks {
        let times = if leak.count == 1 { "1 time".to_string() } else { format!("{} times", leak.count) };
        out.push_str(&format!(
            "\n# {}: {times} in {} file(s). Example: {}\n",
            q(&leak.phrase),
            leak.files,
            leak.example
        ));
        let note = if leak.candidates.is_empty() {
            "English leak".to_string()
        } else {
            format!("English leak; French candidates: {}", leak.candidates.join(", "))
        };
        let entry = format!(
            "[[fix]]\nfind = {}\nreplace = {}\nfrench = true\nsafe = false\nnote = {}\n",
            q(&leak.phrase.to_lowercase()),
            q(leak.candidates.first().map_or("", |c| c.as_str())),
            q(&note)
        );
        if leak.candidates.is_empty() {
            out.push_str("# no French candidate found: fill in `replace`, then uncomment\n");
            out.extend(entry.lines().map(|l| format!("# {l}\n")));
        } else {
            out.push_str(&entry);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;

    #[test]
    fn clusters_names_and_leaves_distinct_ones_apart() {
        let engine = load("", "empty.toml").unwrap().engine;
        let mut c = Collector::new();
        c.add(&engine, "Kim Jong-un a vu Kim Jong-Un. Puis Kim Jong Un et Kim Jong-il sont partis.");
        c.add(&engine, "Sergueï Choïgu est arrivé. La visite de Choïgou a eu lieu à Pynongyang, pas à Pyongyang.");
        c.add(&engine, "La Russie et les Russes, Paris et Pari.");
        let s = c.finish(&engine);
        let clusters: Vec<Vec<&str>> =
            s.names.iter().map(|c| c.spellings.iter().map(|(w, _)| w.as_str()).collect()).collect();
        assert!(clusters.contains(&vec!["Kim Jong Un", "Kim Jong-Un", "Kim Jong-un"]), "{clusters:?}");
        assert!(clusters.iter().any(|c| c.contains(&"Choïgu") && c.contains(&"Choïgou")), "{clusters:?}");
        assert!(clusters.iter().any(|c| c.contains(&"Pyongyang") && c.contains(&"Pynongyang")), "{clusters:?}");
        assert!(!clusters.iter().any(|c| c.contains(&"Kim Jong-il")), "distinct names stay apart: {clusters:?}");
        assert!(!clusters.iter().any(|c| c.contains(&"Russie")), "common words never cluster: {clusters:?}");
    }

    #[test]
    fn the_toml_loads_as_a_glossary() {
        let engine = load("", "empty.toml").unwrap().engine;
        let mut c = Collector::new();
        c.add(&engine, "Kim Jong-un et Kim Jong Un. Le vehicle de fonction, in addition du reste, et \"un\" program.");
        let toml = to_toml(&c.finish(&engine));
        let loaded = load(&toml, "suggested.toml").unwrap_or_else(|e| panic!("{e}\n{toml}"));
        let g = loaded.engine.glossary();
        assert_eq!(g.terms.len(), 1);
        assert!(g.fixes.iter().any(|f| f.find.get_ref() == "vehicle"), "{toml}");
        assert!(toml.contains("# find = \"in addition\""), "no candidate: commented out\n{toml}");
    }
}
