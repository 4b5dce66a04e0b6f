//! The evidence that two segments translate each other, without a model.
//!
//! Each segment is cut into tokens of four kinds: numbers (digits only, separators
//! removed), marks (`?`, `!`, `(`, `:`, `;`, `%`, quotation marks), names (capitalised
//! words, in English and French only: German capitalises every noun) and words. A source
//! token *links* to the target tokens that would show it was translated:
//!
//! - the same number or mark;
//! - a **cognate**: an accent-folded word of five letters or more whose longest common
//!   subsequence with it covers at least [`COGNATE_LCSR`] of the longer word (Simard,
//!   Foster and Isabelle 1992; Melamed 1999), "Expedition"/"expédition",
//!   "Russia"/"Russie", "September"/"septembre"; a shorter word only when it is
//!   spelled the same ("Piola", "SAC");
//! - a **translation** from a dictionary: the shipped English–French one when the source
//!   is English, a user's (`--dictionary`), and the pairs learnt from the document itself
//!   in the second pass (see [`LEARN_DICE`]).
//!
//! Only tokens that link to something in the other document count: a word with no
//! possible counterpart says nothing either way. Each token also carries its **chance**:
//! the share of the other document's segments that hold one of its counterparts, so a
//! shared "1988" in a document that mentions it once weighs more than a shared "la".

use glossfix_lexicon::lexicon;
use glossfix_text::fold::{Fold, fold};
use glossfix_text::segment::Language;
use glossfix_text::words::words;
use std::collections::HashMap;

/// The least longest-common-subsequence ratio for two words to count as cognates.
pub const COGNATE_LCSR: f64 = 0.7;
/// The least length of a word compared by its letters (shorter ones must be identical).
const COGNATE_MIN: usize = 5;

/// What a token is. Each kind finds its counterpart in a true translation at its own
/// rate (estimated again from the document in the second pass).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Number = 0,
    Mark = 1,
    Name = 2,
    Word = 3,
}

/// How many [`Kind`]s there are.
pub(crate) const KINDS: usize = 4;

/// A token type of one side: its text (folded) and kind.
#[derive(Debug, Clone)]
struct Type {
    text: String,
    kind: Kind,
}

/// Interned token types of one side.
#[derive(Debug, Default)]
struct Types {
    list: Vec<Type>,
    ids: HashMap<String, u32>,
}

impl Types {
    fn id(&mut self, text: String, kind: Kind) -> u32 {
        if let Some(&id) = self.ids.get(&text) {
            // A word written once with a capital and once without is a word.
            if self.list[id as usize].kind != kind && kind == Kind::Word {
                self.list[id as usize].kind = Kind::Word;
            }
            return id;
        }
        let id = self.list.len() as u32;
        self.ids.insert(text.clone(), id);
        self.list.push(Type { text, kind });
        id
    }
}

/// One segment before evidence: its length and the token types it holds.
#[derive(Debug, Clone)]
struct Raw {
    chars: usize,
    unpunctuated: bool,
    types: Vec<u32>,
}

/// A token that counts as evidence: the keys (target type ids) that match it, its kind and
/// its chance of matching a segment of the other side at random.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub keys: Box<[u32]>,
    pub kind: Kind,
    pub chance: f64,
    /// The Bloom bits of its keys ([`bloom`]).
    pub bloom: u64,
    /// Its log-likelihood ratio when it finds a counterpart in a group of 1, 2 or 3
    /// segments, and when it does not (set by [`crate::search`] for the parameters).
    pub hit: [f32; 3],
    pub miss: [f32; 3],
}

impl Token {
    fn new(keys: Box<[u32]>, kind: Kind, chance: f64) -> Self {
        let bloom = keys.iter().fold(0, |b, &k| b | bloom(k));
        Token { keys, kind, chance, bloom, hit: [0.0; 3], miss: [0.0; 3] }
    }
}

/// The most tokens a segment keeps: the rarest ones (least chance), which carry the
/// evidence; a common token's ratio is close to zero whether it matches or not. It
/// bounds the work per group on very long segments and merged blocks.
pub const MAX_TOKENS: usize = 32;

fn keep_rarest(tokens: &mut Vec<Token>) {
    if tokens.len() > MAX_TOKENS {
        tokens.sort_by(|a, b| a.chance.total_cmp(&b.chance));
        tokens.truncate(MAX_TOKENS);
    }
}

/// One bit of 64 for a key: a segment whose signature lacks a token's bits cannot
/// hold its counterpart, which spares most look-ups.
pub(crate) fn bloom(key: u32) -> u64 {
    1 << (key.wrapping_mul(0x9E37_79B9) >> 26)
}

/// A segment with its evidence.
#[derive(Debug, Clone, Default)]
pub(crate) struct Segment {
    /// Characters other than white space.
    pub chars: usize,
    /// No sentence punctuation at the end: a headline, a caption, furniture.
    pub unpunctuated: bool,
    /// The tokens that count.
    pub tokens: Vec<Token>,
    /// The sorted keys a token of the other side must hold to match in this segment.
    pub keys: Vec<u32>,
    /// The Bloom bits of its keys.
    pub bloom: u64,
    /// The sum of its tokens' ratios when none matches, in a group of 1, 2, 3 segments.
    pub miss_sum: [f64; 3],
}

impl Segment {
    fn new(chars: usize, unpunctuated: bool, tokens: Vec<Token>, keys: Vec<u32>) -> Self {
        let bloom = keys.iter().fold(0, |b, &k| b | bloom(k));
        Segment { chars, unpunctuated, tokens, keys, bloom, miss_sum: [0.0; 3] }
    }

    /// Consecutive segments as one, for a coarse search: a token's chance grows with the
    /// number of segments merged.
    pub(crate) fn merge(segments: &[Segment]) -> Segment {
        let size = segments.len() as f64;
        let mut tokens: Vec<Token> = segments
            .iter()
            .flat_map(|s| &s.tokens)
            .map(|t| Token::new(t.keys.clone(), t.kind, 1.0 - (1.0 - t.chance).powf(size)))
            .collect();
        tokens.sort_by(|a, b| a.keys.cmp(&b.keys));
        tokens.dedup_by(|a, b| a.keys == b.keys);
        keep_rarest(&mut tokens);
        let mut keys: Vec<u32> = segments.iter().flat_map(|s| s.keys.iter().copied()).collect();
        keys.sort_unstable();
        keys.dedup();
        Segment::new(segments.iter().map(|s| s.chars).sum(), false, tokens, keys)
    }
}

/// The two documents tokenized, with the links between their token types.
#[derive(Debug)]
pub(crate) struct Documents {
    source: Vec<Raw>,
    target: Vec<Raw>,
    source_types: Types,
    target_types: Types,
    /// For each source type, the target types it links to.
    links: Vec<Vec<u32>>,
}

/// A bilingual dictionary: single-word pairs, folded.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    pairs: HashMap<String, Vec<String>>,
}

impl Dictionary {
    /// Reads a dictionary: hunalign's `target @ source` lines, or tab-separated
    /// `source<TAB>target` lines (`#` starts a comment). Entries of several words are
    /// kept out: the aligner compares words. Returns the line number of the first line
    /// that is neither.
    pub fn parse(text: &str) -> Result<Self, usize> {
        let mut dictionary = Dictionary::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (source, target) = if let Some((target, source)) = line.split_once(" @ ") {
                (source.trim(), target.trim())
            } else if let Some((source, target)) = line.split_once('\t') {
                (source.trim(), target.split('\t').next().unwrap_or("").trim())
            } else {
                return Err(n + 1);
            };
            if source.is_empty() || target.is_empty() {
                return Err(n + 1);
            }
            if source.contains(char::is_whitespace) || target.contains(char::is_whitespace) {
                continue;
            }
            dictionary.add(source, target);
        }
        Ok(dictionary)
    }

    /// Adds one pair.
    pub fn add(&mut self, source: &str, target: &str) {
        let list = self.pairs.entry(fold(source, Fold::BARE)).or_default();
        let target = fold(target, Fold::BARE);
        if !list.contains(&target) {
            list.push(target);
        }
    }

    /// How many source words it has.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// True when it has no pair.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    fn get(&self, source: &str) -> &[String] {
        self.pairs.get(source).map_or(&[], Vec::as_slice)
    }
}

/// The languages of the two sides and the dictionary to use.
#[derive(Debug, Clone, Default)]
pub(crate) struct Setting<'a> {
    pub source_language: Language,
    pub target_language: Language,
    pub dictionary: Option<&'a Dictionary>,
}

/// The glossary pairs found in each source and each target segment.
pub(crate) type GlossaryPairs<'a> = (&'a [Vec<usize>], &'a [Vec<usize>]);

fn mark_key(c: char) -> Option<&'static str> {
    Some(match c {
        '?' => "?",
        '!' => "!",
        '(' => "(",
        ':' => ":",
        ';' => ";",
        '%' => "%",
        '"' | '“' | '”' | '«' | '»' | '„' => "\"",
        _ => return None,
    })
}

fn tokenize(segment: &str, language: Language, glossary: &[usize], types: &mut Types) -> Raw {
    let mut ids: Vec<u32> = glossary.iter().map(|pair| types.id(format!("g:{pair}"), Kind::Name)).collect();
    for number in numbers(segment) {
        ids.push(types.id(format!("#{number}"), Kind::Number));
    }
    let mut seen_marks = [false; 7];
    for c in segment.chars() {
        if let Some(key) = mark_key(c) {
            let slot = ["?", "!", "(", ":", ";", "%", "\""].iter().position(|k| *k == key).expect("listed");
            if !seen_marks[slot] {
                seen_marks[slot] = true;
                ids.push(types.id(key.to_string(), Kind::Mark));
            }
        }
    }
    let names_capitalised = language != Language::German;
    for (i, (_, word)) in words(segment).enumerate() {
        for part in word.split(['-', '\u{2011}']) {
            if part.is_empty() || part.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            let capital = part.chars().next().is_some_and(char::is_uppercase);
            let acronym = part.chars().count() >= 2 && part.chars().all(char::is_uppercase);
            let folded = fold(part, Fold::BARE);
            let letters = folded.chars().count();
            if letters < 2 || (letters < 3 && !acronym) {
                continue;
            }
            let kind = if acronym || (names_capitalised && capital && (i > 0 || !common_opener(&folded, language))) {
                Kind::Name
            } else {
                Kind::Word
            };
            ids.push(types.id(folded, kind));
        }
    }
    ids.sort_unstable();
    ids.dedup();
    let trimmed = segment.trim_end();
    Raw {
        chars: segment.chars().filter(|c| !c.is_whitespace()).count(),
        unpunctuated: !trimmed.is_empty() && !trimmed.ends_with(['.', '!', '?', '…', '»', '”', '"', ':', ';', ')']),
        types: ids,
    }
}

/// A capitalised first word that is a common word of its language ("The", "La").
fn common_opener(folded: &str, language: Language) -> bool {
    let z = lexicon().zipf(folded);
    match language {
        Language::English => z.en >= 4.5,
        Language::French => z.fr >= 4.5,
        _ => z.en.max(z.fr) >= 4.5,
    }
}

/// The digit strings of the numbers in a sentence, separators removed ("1,500" and
/// "1 500" both read "1500"; "1.5" and "1,5" both read "15").
pub fn numbers(sentence: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = sentence.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_digit() {
            current.push(c);
        } else if matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}')
            && !current.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())
        {
            continue;
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Length of the longest common subsequence of two words.
fn lcs(a: &[char], b: &[char]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut diagonal = 0;
        for (j, &y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y { diagonal + 1 } else { above.max(row[j]) };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// True for two folded words that are cognates (see [`COGNATE_LCSR`]).
pub(crate) fn cognates(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (a.len(), b.len()) } else { (b.len(), a.len()) };
    if short < COGNATE_MIN || (long as f64) > short as f64 * 1.5 {
        return a == b;
    }
    lcs(&a, &b) as f64 >= COGNATE_LCSR * long as f64
}

/// The first two letters of a word, the bucket its cognates are looked for in.
fn bucket(word: &str) -> String {
    word.chars().take(2).collect()
}

impl Documents {
    /// Tokenizes both documents and links their token types.
    ///
    /// `glossary` gives the glossary pairs found in each source and each target segment.
    pub(crate) fn new(source: &[&str], target: &[&str], setting: &Setting, glossary: GlossaryPairs) -> Self {
        let mut source_types = Types::default();
        let mut target_types = Types::default();
        let tokens = |segments: &[&str], pairs: &[Vec<usize>], language, types: &mut Types| -> Vec<Raw> {
            segments
                .iter()
                .enumerate()
                .map(|(i, s)| tokenize(s, language, pairs.get(i).map_or(&[], Vec::as_slice), types))
                .collect()
        };
        let source = tokens(source, glossary.0, setting.source_language, &mut source_types);
        let target = tokens(target, glossary.1, setting.target_language, &mut target_types);
        // Target words by first two letters (cognates) and without a plural ending
        // (dictionary translations).
        let mut buckets: HashMap<String, Vec<u32>> = HashMap::new();
        let mut stems: HashMap<&str, Vec<u32>> = HashMap::new();
        for (id, t) in target_types.list.iter().enumerate() {
            if matches!(t.kind, Kind::Word | Kind::Name) {
                if t.text.chars().count() >= COGNATE_MIN {
                    buckets.entry(bucket(&t.text)).or_default().push(id as u32);
                }
                stems.entry(t.text.trim_end_matches(['s', 'x'])).or_default().push(id as u32);
            }
        }
        let english_french =
            setting.source_language == Language::English && setting.target_language == Language::French;
        let mut links = Vec::with_capacity(source_types.list.len());
        for s in &source_types.list {
            let mut found: Vec<u32> = Vec::new();
            if let Some(&same) = target_types.ids.get(&s.text) {
                found.push(same);
            }
            if matches!(s.kind, Kind::Word | Kind::Name) {
                if let Some(candidates) = buckets.get(&bucket(&s.text)) {
                    found.extend(
                        candidates.iter().copied().filter(|&t| cognates(&s.text, &target_types.list[t as usize].text)),
                    );
                }
                let mut translations: Vec<String> = setting.dictionary.map_or(Vec::new(), |d| d.get(&s.text).to_vec());
                if english_french && s.kind == Kind::Word {
                    translations.extend(lexicon().translations(&s.text).iter().map(|f| fold(f, Fold::BARE)));
                }
                for f in translations {
                    if let Some(ids) = stems.get(f.trim_end_matches(['s', 'x'])) {
                        found.extend(ids);
                    }
                }
            }
            found.sort_unstable();
            found.dedup();
            links.push(found);
        }
        Documents { source, target, source_types, target_types, links }
    }

    /// Adds links (source type, target type), as learnt from a first alignment.
    pub(crate) fn add_links(&mut self, pairs: &[(u32, u32)]) {
        for &(s, t) in pairs {
            let list = &mut self.links[s as usize];
            if let Err(at) = list.binary_search(&t) {
                list.insert(at, t);
            }
        }
    }

    /// The segments with their evidence.
    pub(crate) fn segments(&self) -> (Vec<Segment>, Vec<Segment>) {
        let (n, m) = (self.source.len().max(1) as f64, self.target.len().max(1) as f64);
        // Target segments per target type; source segments whose links reach a target type.
        let mut target_df = vec![0u32; self.target_types.list.len()];
        for raw in &self.target {
            raw.types.iter().for_each(|&t| target_df[t as usize] += 1);
        }
        let mut source_keys: Vec<Vec<u32>> = Vec::with_capacity(self.source.len());
        let mut source_df = vec![0u32; self.target_types.list.len()];
        for raw in &self.source {
            let mut keys: Vec<u32> = raw.types.iter().flat_map(|&s| self.links[s as usize].iter().copied()).collect();
            keys.sort_unstable();
            keys.dedup();
            keys.iter().for_each(|&k| source_df[k as usize] += 1);
            source_keys.push(keys);
        }
        let source = self
            .source
            .iter()
            .zip(source_keys)
            .map(|(raw, keys)| {
                let mut tokens = raw
                    .types
                    .iter()
                    .filter(|&&s| !self.links[s as usize].is_empty())
                    .map(|&s| {
                        let keys: Box<[u32]> = self.links[s as usize].as_slice().into();
                        let df: u32 = keys.iter().map(|&k| target_df[k as usize]).sum();
                        Token::new(keys, self.source_types.list[s as usize].kind, (df as f64 / m).min(1.0))
                    })
                    .collect();
                keep_rarest(&mut tokens);
                Segment::new(raw.chars, raw.unpunctuated, tokens, keys)
            })
            .collect();
        let target = self
            .target
            .iter()
            .map(|raw| {
                let mut tokens: Vec<Token> = raw
                    .types
                    .iter()
                    .filter(|&&t| source_df[t as usize] > 0)
                    .map(|&t| {
                        let chance = (source_df[t as usize] as f64 / n).min(1.0);
                        Token::new(Box::new([t]), self.target_types.list[t as usize].kind, chance)
                    })
                    .collect();
                // Every token is a key, even those too common to be kept as evidence.
                let keys = tokens.iter().map(|t| t.keys[0]).collect();
                keep_rarest(&mut tokens);
                Segment::new(raw.chars, raw.unpunctuated, tokens, keys)
            })
            .collect();
        (source, target)
    }

    /// The word types of source segment `i` and target segment `j` (for learning).
    pub(crate) fn words_of(&self, i: usize, j: usize) -> (Vec<u32>, Vec<u32>) {
        let words = |raw: &Raw, types: &Types| -> Vec<u32> {
            raw.types
                .iter()
                .copied()
                .filter(|&t| {
                    let t = &types.list[t as usize];
                    t.kind == Kind::Word && t.text.chars().count() >= COGNATE_MIN
                })
                .collect()
        };
        (words(&self.source[i], &self.source_types), words(&self.target[j], &self.target_types))
    }

    /// True when source type `s` already links to target type `t`.
    pub(crate) fn linked(&self, s: u32, t: u32) -> bool {
        self.links[s as usize].binary_search(&t).is_ok()
    }
}

/// Word pairs learnt from confidently aligned one-to-one pairs of segments (the
/// document's own dictionary, as hunalign's second pass builds one): pairs seen together
/// at least twice, and together in at least [`LEARN_DICE`] of the segments either is in.
pub(crate) fn learn_links(documents: &Documents, pairs: &[(usize, usize)]) -> Vec<(u32, u32)> {
    let mut source_count: HashMap<u32, u32> = HashMap::new();
    let mut target_count: HashMap<u32, u32> = HashMap::new();
    let mut together: HashMap<(u32, u32), u32> = HashMap::new();
    for &(i, j) in pairs {
        let (s, t) = documents.words_of(i, j);
        s.iter().for_each(|&w| *source_count.entry(w).or_default() += 1);
        t.iter().for_each(|&w| *target_count.entry(w).or_default() += 1);
        if s.len() * t.len() > 2_500 {
            continue;
        }
        for &a in &s {
            for &b in &t {
                *together.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut learnt: Vec<(u32, u32)> = together
        .into_iter()
        .filter(|&((s, t), c)| {
            let dice = 2.0 * c as f64 / (source_count[&s] + target_count[&t]) as f64;
            c >= 2 && dice >= LEARN_DICE && !documents.linked(s, t)
        })
        .map(|(pair, _)| pair)
        .collect();
    learnt.sort_unstable();
    learnt
}

/// How often two words must come together to be learnt as a pair (Dice coefficient).
pub const LEARN_DICE: f64 = 0.8;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cognates_table() {
        // (a, b, cognates)
        let cases = [
            ("expedition", "expedition", true),
            ("russia", "russie", true),
            ("meter", "metres", false),
            ("september", "septembre", true),
            ("gletscher", "glacier", false),
            ("dies", "dieu", false),
            ("sac", "sac", true),
            ("and", "ans", false),
            ("constitution", "construction", true),
            ("berg", "bergsteiger", false),
        ];
        for (a, b, want) in cases {
            assert_eq!(cognates(a, b), want, "{a} / {b}");
        }
    }

    #[test]
    fn dictionaries_in_both_formats() {
        let d = Dictionary::parse("# hunalign\nmaison @ house\nGipfel\tsommet\npomme de terre @ potato\n").unwrap();
        assert_eq!(d.get("house"), ["maison"]);
        assert_eq!(d.get("gipfel"), ["sommet"]);
        assert!(d.get("potato").is_empty(), "several words are left out");
        assert_eq!(Dictionary::parse("ok @ fine\njust words\n").unwrap_err(), 2);
    }

    #[test]
    fn tokens_link_numbers_marks_cognates_and_translations() {
        let mut dictionary = Dictionary::default();
        dictionary.add("Gipfel", "sommet");
        let setting = Setting {
            source_language: Language::German,
            target_language: Language::French,
            dictionary: Some(&dictionary),
        };
        let documents = Documents::new(
            &["Die Expedition erreichte 1988 den Gipfel?"],
            &["L'expédition atteint le sommet en 1988 ?", "Rien."],
            &setting,
            (&[], &[]),
        );
        let (source, target) = documents.segments();
        // 1988, ?, Expedition, Gipfel
        assert_eq!(source[0].tokens.len(), 4, "{source:?}");
        assert_eq!(target[0].tokens.len(), 4, "{target:?}");
        assert!(target[1].tokens.is_empty());
    }
}
