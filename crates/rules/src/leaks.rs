//! English leaking into French: an English word or phrase sitting among French words,
//! found from word frequencies (wordfreq, see `data/README.md`), whether or not a
//! glossary entry names it.
//!
//! A word is **English, not French** when its English Zipf frequency is at least 3.5, its
//! French one at most 3.3, and the gap at least 1.5: "vehicle" (4.8 / 2.6), "significant"
//! (5.0 / 2.1) are; "car", "plus", "important", "types", "question", "leadership" are not.
//! English-only function words ("of", "the", "in") join a phrase: "in addition",
//! "hundreds of thousands", and are reported alone ("to"), but for Latin "in". Since
//! wordfreq's French list holds some English web text ("again" reads 3.5 in French), a
//! gap of 2 or more says English up to a French frequency of 4. Never reported: capitalised words inside a sentence and
//! acronyms (names, titles: "le New York Times", "Pool Photo via AP"), words in English
//! context (an English quotation), words in a quotation that is English or at most three
//! words long (a quotation, or an English term mentioned: "(« changelog »)"), a lone
//! function word ("in extremis"), web addresses, and terms the text marks as terms
//! (anywhere in the text, so every use of them is left): a word that names them before
//! ("le mot demon", "nommé facility"), a French translation in brackets after ("freeze
//! (gel)"), an acronym nearby on the line that their initials spell ("Common UNIX
//! Printing System (CUPS)", "`pwd` (print working directory", "`g` comme group"), a value
//! after "=" or a term defined at the start of a line ("pass : ce champ…"), a lone word
//! a noun names as a thing of its kind ("la commande make", "le fichier control", "la
//! distribution unstable"), with the other words of a list it opens ("les options
//! chroot, users et groups"), a word listed with a name no lexicon knows ("compartment
//! et makejail"), and a lone word the text uses three times or more on two
//! lines or more of one block between blank lines (a term it keeps: "root"; a spinner's
//! stand-ins vary, and one repeated three times is left to the glossary). English function
//! words between two capitalised words are a title ("Summer of Code"); a capitalised word
//! after a person's initial is a surname ("Laurence J. Lane"), not a sentence's first word. A word the
//! French dictionary knows with a French Zipf frequency above 3.3 ("bit") needs the
//! first test, not the gap of two, to be English.
//!
//! Each leak comes with French candidates when the lexicons have some (FreeDict
//! translations, then French cognates such as "program" -> "programme"); they are offered
//! as an unsafe fix, which `fix` applies only with `--unsafe`.

use crate::context::Context;
use crate::lexical::{Class, lexical_class};
use crate::memory::Memory;
use glossfix_diagnostics::{Edit, Finding, Fix, RuleId};
use glossfix_lexicon::lexicon;
use glossfix_text::Span;
use glossfix_text::case::capitalize;
use glossfix_text::chars::{char_at, char_before};
use glossfix_text::fold::{Fold, fold};
use glossfix_text::hash::{FastMap, FastSet};
use glossfix_text::lang::LangIndex;
use glossfix_text::lines::{line_around, split_lines};
use glossfix_text::segment::is_sentence_start;
use glossfix_text::words::{spaced, words};

/// An English word or phrase among French words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leak {
    /// Where it is.
    pub span: Span,
    /// French words that could replace it, most likely first (may be empty).
    pub candidates: Vec<String>,
}

/// The class of `word` where it stands: a capital inside a sentence or on one of the
/// text's `names` makes it a name or a title; otherwise `lexical` says (the lexicons'
/// class of its lower case, [`lexical_class`], perhaps remembered). `lower` is a buffer
/// reused across words, so that classifying allocates nothing.
fn classify(
    word: &str,
    initial: bool,
    names: &FastSet<String>,
    lower: &mut String,
    lexical: impl FnOnce(&str) -> Class,
) -> Class {
    if word.len() < 2 || word.bytes().any(|b| b.is_ascii_digit()) {
        return Class::Other;
    }
    let mut chars = word.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    if chars.any(char::is_uppercase) {
        return Class::Other; // an acronym or a camel-cased name
    }
    lower.clear();
    if word.is_ascii() {
        lower.push_str(word);
        lower.make_ascii_lowercase();
    } else {
        lower.extend(word.chars().flat_map(char::to_lowercase));
    }
    let lower = lower.as_str();
    if first_upper && (!initial || names.contains(lower)) {
        return Class::Other; // a name or a title
    }
    // The rest depends on the word alone (the run's memory may know it).
    lexical(lower)
}

/// Every English leak in `text`.
pub fn find_leaks(text: &str) -> Vec<Leak> {
    let tokens: Vec<(usize, &str)> = words(text).collect();
    let lang = LangIndex::from_words(text, tokens.iter().copied());
    leaks_in(text, &tokens, &lang, &Memory::default())
}

/// Every English leak in `text`, whose words are `tokens`.
fn leaks_in(text: &str, tokens: &[(usize, &str)], lang: &LangIndex, memory: &Memory) -> Vec<Leak> {
    // Words written with a capital inside a sentence somewhere are names everywhere
    // (each spelling lower-cased once).
    let capitalised: FastSet<&str> = tokens
        .iter()
        .filter(|(s, w)| w.chars().next().is_some_and(char::is_uppercase) && !is_sentence_start(text, *s))
        .map(|&(_, w)| w)
        .collect();
    let names: FastSet<String> = capitalised.into_iter().map(str::to_lowercase).collect();
    // Words the text writes as code somewhere (`testing`, `make`) name things: a program,
    // a suite, a field. They are not leaks where the text writes them without backquotes.
    let code_terms: FastSet<&str> = if memchr::memchr(b'`', text.as_bytes()).is_none() {
        FastSet::default()
    } else {
        tokens
            .iter()
            .filter(|&&(s, w)| char_before(text, s) == Some('`') && char_at(text, s + w.len()) == Some('`'))
            .map(|&(_, w)| w)
            .collect()
    };
    let mut buffer = String::new();
    // A capitalised word after a person's initial ("Laurence J. Lane") is a surname, not
    // a word opening a sentence.
    let after_initial = |k: usize| {
        k >= 1 && {
            let (p, w) = tokens[k - 1];
            w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()) && text[p + 1..tokens[k].0].trim() == "."
        }
    };
    // A word is classified the same wherever it stands, given whether it opens a
    // sentence (which matters only with a capital): once per text.
    let mut classified: FastMap<(&str, bool), Class> = FastMap::default();
    let classes: Vec<Class> = tokens
        .iter()
        .enumerate()
        .map(|(k, &(s, w))| {
            let initial =
                w.chars().next().is_some_and(char::is_uppercase) && is_sentence_start(text, s) && !after_initial(k);
            *classified.entry((w, initial)).or_insert_with(|| {
                classify(w, initial, &names, &mut buffer, |lower| {
                    memory.lexical.get_or_insert_with(lower, || lexical_class(lower))
                })
            })
        })
        .collect();
    // Runs of English-looking words that could be leaks, then the words the text marks
    // as terms somewhere (mentioned, glossed, spelt out by an acronym): those are terms
    // wherever the text uses them, as words it writes as code are.
    let runs = english_runs(text, tokens, &classes);
    let terms: FastSet<String> = runs
        .iter()
        .filter(|&&(i, j)| marked_as_term(text, tokens, i, j, &names))
        .flat_map(|&(i, j)| tokens[i..j].iter().map(|(_, w)| w.to_lowercase()))
        .collect();
    // A word the text uses as a lone English word three times or more, on two lines or
    // more, is a term its author keeps ("root", "testing", "unstable"): a spinner's
    // stand-ins vary from sentence to sentence. Counted within a block of lines between
    // blank lines, so that articles put one after another in a file (and the chunks a
    // large file is read in, which end at blank lines) count apart.
    let lines = split_lines(text);
    let mut block = 0;
    let line_blocks: Vec<usize> = lines
        .iter()
        .map(|l| {
            block += usize::from(text[l.start..l.end].bytes().all(|b| b.is_ascii_whitespace()));
            block
        })
        .collect();
    // The line and the block of byte `at`.
    let place = |at: usize| {
        let line = lines.partition_point(|l| l.start <= at).saturating_sub(1);
        (line, line_blocks.get(line).copied().unwrap_or(0))
    };
    let block_of = |at: usize| place(at).1;
    let mut uses: FastMap<(usize, String), (usize, FastSet<usize>)> = FastMap::default();
    for &(i, _) in runs.iter().filter(|&&(i, j)| j - i == 1) {
        let (start, word) = tokens[i];
        let (line, block) = place(start);
        let entry = uses.entry((block, word.to_lowercase())).or_default();
        entry.0 += 1;
        entry.1.insert(line);
    }
    let kept: FastSet<(usize, &str)> = uses
        .iter()
        .filter(|(_, (n, lines))| *n >= KEPT_USES && lines.len() >= 2)
        .map(|((block, w), _)| (*block, w.as_str()))
        .collect();
    // The same leak recurs in a text: find its candidates once.
    let mut known: FastMap<&str, Vec<String>> = FastMap::default();
    let mut leaks = Vec::new();
    for (i, j) in runs {
        let span = Span::new(tokens[i].0, tokens[j - 1].0 + tokens[j - 1].1.len());
        let code_term = j - i == 1 && code_terms.contains(tokens[i].1);
        // (Most texts mark no term: no lower-casing then.)
        let term = (!terms.is_empty() && tokens[i..j].iter().all(|(_, w)| terms.contains(&w.to_lowercase())))
            || (j - i == 1
                && !kept.is_empty()
                && kept.contains(&(block_of(tokens[i].0), tokens[i].1.to_lowercase().as_str())));
        if !is_web_address(text, span)
            && !code_term
            && !term
            && lang.is_french(span.start, span.end)
            && !quoted_english(text, span)
        {
            let candidates = if j - i == 1 {
                known
                    .entry(tokens[i].1)
                    .or_insert_with(|| memory.candidates.get_or_insert_with(tokens[i].1, || candidates(tokens[i].1)))
                    .clone()
            } else {
                Vec::new()
            };
            leaks.push(Leak { span, candidates });
        }
    }
    leaks
}

/// The runs `[i, j)` of tokens that read as English: a word classed English, a phrase
/// held together by English function words or ended by a particle, or a lone English
/// function word.
fn english_runs(text: &str, tokens: &[(usize, &str)], classes: &[Class]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if classes[i] == Class::Other {
            i += 1;
            continue;
        }
        if classes[i] == Class::Particle {
            i += 1; // a particle never starts a phrase: "on dit"
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len() && classes[j] != Class::Other && spaced(text, tokens[j - 1], tokens[j]) {
            // A particle joins only right after an English verb, and ends the phrase.
            if classes[j] == Class::Particle {
                if matches!(classes[j - 1], Class::English | Class::Leaning) {
                    j += 1;
                }
                break;
            }
            j += 1;
        }
        let run = &classes[i..j];
        let has_english = run.contains(&Class::English);
        let phrase = run.len() >= 2 && (run.contains(&Class::Function) || run.last() == Some(&Class::Particle));
        // A lone English function word: "to", "the", "with"; but not Latin "in" (in extremis).
        // Nor one between two capitalised words: a name or a title ("Summer of Code",
        // "Grokking the GIMP").
        let capital = |k: usize| tokens[k].1.chars().next().is_some_and(char::is_uppercase);
        let in_title = i > 0
            && j < tokens.len()
            && capital(i - 1)
            && capital(j)
            && spaced(text, tokens[i - 1], tokens[i])
            && spaced(text, tokens[j - 1], tokens[j]);
        let lone_function = run == [Class::Function] && !tokens[i].1.eq_ignore_ascii_case("in") && !in_title;
        if has_english || phrase || lone_function {
            runs.push((i, j));
        }
        i = j;
    }
    runs
}

/// Words that name the term after them: "le mot demon", "nommé facility dans la
/// documentation", "appelé shaping".
const INTRODUCERS: &[&str] = &[
    "mot",
    "mots",
    "terme",
    "termes",
    "nommé",
    "nommée",
    "nommés",
    "nommées",
    "appelé",
    "appelée",
    "appelés",
    "appelées",
    "dénommé",
    "dénommée",
    "anglais",
];

/// How many uses as a lone English word make a word a term the text keeps.
const KEPT_USES: usize = 3;

/// Small words an acronym may leave out of its expansion: "Unix to Unix Copy Program"
/// (UUCP), "Document Style Semantics and Specification Language" (DSSSL).
const ACRONYM_SKIPS: &[&str] = &["and", "of", "to", "for", "the", "a", "an", "in", "on", "de", "du", "des", "et"];

/// How many words away from an expansion its acronym may stand.
const ACRONYM_REACH: usize = 8;

/// True when the text marks the English run `tokens[i..j]` as a term rather than using
/// it as a word: a word before it names it ("le mot demon"), a French gloss in brackets
/// follows it ("freeze (gel)"), or it spells out an acronym written nearby on the same
/// line ("Common UNIX Printing System (CUPS)", "`pwd` (print working directory",
/// "`g` comme group").
fn marked_as_term(text: &str, tokens: &[(usize, &str)], i: usize, j: usize, names: &FastSet<String>) -> bool {
    let previous = |k: usize| (k > 0 && spaced(text, tokens[k - 1], tokens[k])).then(|| tokens[k - 1].1.to_lowercase());
    let introduced = previous(i).is_some_and(|p| INTRODUCERS.contains(&p.as_str()));
    // "la commande make", "les options display et desktop": one word named by its kind,
    // or listed with a name no lexicon knows ("compartment et makejail").
    let named = j - i == 1
        && (crate::naming::named_by_head(text, tokens, i) || crate::naming::in_list_of_names(text, tokens, i, true));
    introduced
        || named
        || glossed(text, &tokens[i..j], names)
        || spells_out_acronym(text, tokens, i, j)
        || defined(text, tokens[i].0, tokens[j - 1].0 + tokens[j - 1].1.len())
}

/// True when `[start, end)` is a value or a term being defined: right after an equals
/// sign ("arch = all") or a field name glued to its colon ("Priority: required"), right
/// before an equals sign ("delay=10"), or alone at the start of a line, with the rest of its label
/// (capitalised words, a letter in brackets), before the mark that opens its definition,
/// as the items of a definition list or an index are: a colon ("pass : ce dernier champ
/// indique…", "Cancelled build (X) : (Compilation annulée)"), a dash ("hold - L’utilisateur
/// ne souhaite pas…"), or a comma before a capital ("Blending Modes, Modes de calque").
/// In running text a leak at a line start is followed by French words ("Furthermore
/// tôt"), not by one of these marks.
fn defined(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\u{a0}']);
    // "delay=10000000", "panic=0": a key glued to its value.
    if before.ends_with('=') || text[end..].starts_with('=') {
        return true;
    }
    // "Priority: required": the value of a field, whose name is glued to its colon as
    // French typography never writes it.
    if let Some(field) = before.strip_suffix(':') {
        let name = field.rsplit(|c: char| !c.is_alphanumeric() && c != '-').next().unwrap_or("");
        if name.chars().next().is_some_and(char::is_uppercase) && name.chars().count() >= 2 {
            return true;
        }
    }
    if !crate::naming::opens_line(text, start) {
        return false;
    }
    let (_, _, after) = label_rest(text, end, &FastSet::default());
    let comma_capital =
        after.strip_prefix(", ").is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase));
    after.starts_with(':')
        || after.starts_with("- ")
        || after.starts_with("– ")
        || after.starts_with("— ")
        || comma_capital
}

/// The rest of a label that ends at `end`: the capitalised or English words that follow
/// it on its line ("Blending Modes"), whether a letter in brackets closes it ("(X)"),
/// and the text after all that and its spaces.
fn label_rest<'t>(text: &'t str, end: usize, names: &FastSet<String>) -> (Vec<&'t str>, bool, &'t str) {
    let mut after = text[end..].trim_start_matches([' ', '\u{a0}']);
    let mut buffer = String::new();
    let mut label = Vec::new();
    for _ in 0..4 {
        let word_len = after.find(|c: char| !c.is_alphanumeric() && c != '-').unwrap_or(after.len());
        let word = &after[..word_len];
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if word.is_empty() || !(capital || classify(word, false, names, &mut buffer, lexical_class) != Class::Other) {
            break;
        }
        label.push(word);
        after = after[word_len..].trim_start_matches([' ', '\u{a0}']);
    }
    let letter = after
        .strip_prefix('(')
        .and_then(|r| r.get(..2))
        .filter(|l| l.ends_with(')') && l.starts_with(|c: char| c.is_ascii_uppercase()));
    if let Some(letter) = letter {
        after = after[1 + letter.len()..].trim_start_matches([' ', '\u{a0}']);
    }
    (label, letter.is_some(), after)
}

/// True when the run `run` is followed by a short French gloss in brackets that
/// translates one of its words (or of the rest of its label): "une période de freeze (gel)" (FreeDict: freeze ->
/// geler). At most six words, none English, one sharing its first five letters (or all
/// of a shorter word) with a translation ("gel", "geler"; "alignement", "aligner");
/// "tidy (originel)" is no gloss. The gloss may come after the rest of a label written
/// with capitals and a letter in brackets: "Align Threshold (Seuil d’alignement)",
/// "Keep Knees (K) : (Conserver les coudes)".
fn glossed(text: &str, run: &[(usize, &str)], names: &FastSet<String>) -> bool {
    let Some(&last) = run.last() else {
        return false;
    };
    // The rest of the label: capitalised or English words on the same line, then a
    // bracketed letter and a colon ("(F) :").
    let mut buffer = String::new();
    let mut label: Vec<&str> = run.iter().map(|&(_, w)| w).collect();
    let (rest, lettered, mut after) = label_rest(text, last.0 + last.1.len(), names);
    label.extend(rest);
    if lettered {
        after = after.trim_start_matches(':');
    }
    let Some(inner) = after.trim_start_matches([' ', '\u{a0}']).strip_prefix('(') else {
        return false;
    };
    let Some(close) = inner.find([')', '\n']).filter(|&c| inner[c..].starts_with(')')) else {
        return false;
    };
    let gloss: Vec<&str> = words(&inner[..close]).map(|(_, w)| w).collect();
    if !(1..=6).contains(&gloss.len())
        || gloss.iter().any(|w| classify(w, false, names, &mut buffer, lexical_class) != Class::Other)
    {
        return false;
    }
    let lexicon = lexicon();
    let gloss: Vec<String> = gloss.iter().map(|w| fold(w, Fold::BARE)).filter(|w| w.chars().count() >= 3).collect();
    let shares = |a: &str, b: &str| {
        let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
        common >= 5 || (common >= 3 && (common == a.chars().count() || common == b.chars().count()))
    };
    label.iter().any(|english| {
        lexicon
            .translations(&english.to_lowercase())
            .iter()
            .flat_map(|t| t.split([' ', '\'']))
            .any(|t| gloss.iter().any(|g| shares(&fold(t, Fold::BARE), g)))
    })
}

/// The letters of an acronym at `token`: two to eight capitals ("CUPS"), or one to eight
/// lower-case letters written as code (`pwd`, `g`).
fn acronym_letters(text: &str, token: (usize, &str)) -> Option<Vec<char>> {
    let (start, word) = token;
    let n = word.chars().count();
    let capitals = (2..=8).contains(&n) && word.chars().all(|c| c.is_uppercase());
    let code = (1..=8).contains(&n)
        && word.chars().all(|c| c.is_ascii_lowercase())
        && char_before(text, start) == Some('`')
        && char_at(text, start + word.len()) == Some('`');
    (capitals || code).then(|| word.chars().flat_map(char::to_lowercase).collect())
}

/// True when the run `tokens[i..j]` lies inside words whose initials spell an acronym
/// written within [`ACRONYM_REACH`] words on the same line.
fn spells_out_acronym(text: &str, tokens: &[(usize, &str)], i: usize, j: usize) -> bool {
    let same_line = |a: usize, b: usize| !text[a.min(b)..a.max(b)].contains('\n');
    let from = i.saturating_sub(ACRONYM_REACH);
    let to = (j + ACRONYM_REACH).min(tokens.len());
    (from..to).filter(|&k| k < i || k >= j).any(|k| {
        if !same_line(tokens[k].0, tokens[i].0) {
            return false;
        }
        let Some(letters) = acronym_letters(text, tokens[k]) else {
            return false;
        };
        (i.saturating_sub(letters.len() + 2)..=i)
            .any(|s| initials_match(text, tokens, s, s, &letters).is_some_and(|end| end >= j && (k < s || k >= end)))
    })
}

/// Where the words from `tokens[k]` on, spaced and starting at `first`, spell `letters`
/// by their initials (small words may be left out): the end of the expansion.
fn initials_match(text: &str, tokens: &[(usize, &str)], first: usize, k: usize, letters: &[char]) -> Option<usize> {
    let Some((&letter, rest)) = letters.split_first() else {
        return Some(k);
    };
    let &(_, word) = tokens.get(k)?;
    if k > first && !spaced(text, tokens[k - 1], tokens[k]) {
        return None;
    }
    let initial = word.chars().next()?.to_lowercase().next()?;
    if initial == letter
        && let Some(end) = initials_match(text, tokens, first, k + 1, rest)
    {
        return Some(end);
    }
    if ACRONYM_SKIPS.contains(&word.to_lowercase().as_str()) {
        return initials_match(text, tokens, first, k + 1, letters);
    }
    None
}

fn is_web_address(text: &str, span: Span) -> bool {
    let before = char_before(text, span.start);
    let after = char_at(text, span.end);
    let after2 = after.and_then(|c| char_at(text, span.end + c.len_utf8()));
    matches!(before, Some('@' | '#' | '/' | '.' | '_'))
        || matches!(after, Some('@' | '/' | '_'))
        || (after == Some('.') && after2.is_some_and(char::is_alphanumeric))
}

/// French candidates for an English word: dictionary translations (common French words,
/// most frequent first), then cognates; plural and capital kept. Empty for a phrase.
pub fn candidates(word: &str) -> Vec<String> {
    if word.contains(char::is_whitespace) {
        return Vec::new();
    }
    let lex = lexicon();
    let lower = word.to_lowercase();
    let common = |t: &str| t.split([' ', '\'']).filter(|w| !w.is_empty()).all(|w| lex.is_common_french(w));
    let mut translations: Vec<&str> = lex.translations(&lower).into_iter().filter(|t| common(t)).collect();
    translations.sort_by(|a, b| lex.zipf(b).fr.total_cmp(&lex.zipf(a).fr));
    let plural = lower.ends_with('s') && !lower.ends_with("ss");
    let mut out: Vec<String> = Vec::new();
    let cognates = lex.cognates(&lower);
    // Regular cognates ("significatif") before translations, then near spellings.
    let (regular, near): (Vec<&str>, Vec<&str>) = cognates.iter().partition(|c| {
        let stripped = fold(c, Fold::BARE);
        stripped.starts_with(&lower[..lower.len().min(5)]) && lex.zipf(c).fr >= 3.0
    });
    let regular = regular.into_iter().take(1);
    for t in regular.chain(translations).chain(near) {
        let mut t = t.to_string();
        if plural && !t.contains(' ') && !t.ends_with(['s', 'x', 'z']) {
            t.push('s');
        }
        if word.chars().next().is_some_and(char::is_uppercase) {
            t = capitalize(&t);
        }
        // One spelling per word: "problème" hides "probleme" and "problèmes".
        let key = |w: &str| fold(w, Fold::BARE).trim_end_matches(['s', 'x']).to_string();
        if t.to_lowercase() != lower && !out.iter().any(|o| key(o) == key(&t)) {
            out.push(t);
        }
        if out.len() == 4 {
            break;
        }
    }
    out
}

/// How far from a leak its quotation marks are looked for: a quotation that opens
/// further back is not the mention of a term.
const QUOTE_REACH: usize = 1_000;

/// The text between the quotation marks around `span` on its line (within
/// [`QUOTE_REACH`] bytes), if it is quoted.
fn quotation_around(text: &str, span: Span) -> Option<&str> {
    let (line_start, line_end) = line_around(text, span.start, span.end, QUOTE_REACH);
    let mut open: Vec<(usize, char)> = Vec::new();
    for (i, c) in text[line_start..span.start].char_indices() {
        match c {
            '“' | '«' | '(' => open.push((line_start + i + c.len_utf8(), c)),
            '”' | '»' | ')' => {
                open.pop();
            }
            '"' => match open.last() {
                Some((_, '"')) => {
                    open.pop();
                }
                _ => open.push((line_start + i + 1, '"')),
            },
            _ => {}
        }
    }
    let (from, mark) = *open.last()?;
    let close = match mark {
        '“' => '”',
        '«' => '»',
        '(' => ')',
        _ => '"',
    };
    let to = span.end + text[span.end..line_end].find(close)?;
    Some(&text[from..to])
}

/// True when the leak at `span` is inside a quotation (or brackets) that is English or
/// short: an English quotation ("“the deal is done”"), or an English term mentioned or
/// glossed, not used ("le journal des modifications (changelog)")
/// ("le journal des modifications (« changelog »)").
fn quoted_english(text: &str, span: Span) -> bool {
    quotation_around(text, span).is_some_and(|quoted| {
        let (french, english) = glossfix_text::lang::function_word_counts(quoted);
        english >= french || words(quoted).count() <= 3
    })
}

/// Reports each leak; its best candidate is an unsafe fix.
pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    for mut leak in leaks_in(cx.text, cx.tokens, cx.lang(), cx.memory) {
        for c in &mut leak.candidates {
            *c = cx.style().apply(cx.text, leak.span, c);
        }
        let phrase = &cx.text[leak.span.start..leak.span.end];
        let message = if leak.candidates.is_empty() {
            format!("English {phrase:?} among French words")
        } else {
            format!("English {phrase:?} among French words (French: {})", leak.candidates.join(", "))
        };
        let finding = Finding::new(RuleId::EnglishLeak, leak.span, message);
        out.push(match leak.candidates.split_first() {
            Some((c, rest)) => {
                finding.with_fix(Fix::suggestion(Edit::replace(leak.span, c.clone()))).with_alternatives(rest.to_vec())
            }
            None => finding,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaks(text: &str) -> Vec<&str> {
        find_leaks(text).into_iter().map(|l| &text[l.span.start..l.span.end]).collect()
    }

    #[test]
    fn leaks_table() {
        // (text, leaks expected)
        let cases: &[(&str, &[&str])] = &[
            ("qui coïncidait avec un significant défilé militaire à Pyongyang", &["significant"]),
            ("tout au prolonged du conflit, attribuant ces steps au désespoir", &["prolonged", "steps"]),
            ("un programme de 250 hundreds of thousands de pounds, qui comprend", &["hundreds of thousands", "pounds"]),
            ("d’avancer in addition rapidement, vehicle le nettoyage", &["in addition", "vehicle"]),
            ("par le fait que la RPDC go on d’envisager de fournir", &["go on"]),
            ("ils doivent carry out une enquête", &["carry out"]),
            ("on dit que le go est un jeu, on y joue à deux", &[]),
            ("Furthermore tôt cette année, des responsables américains", &["Furthermore"]),
            ("la signature de l’agreement entre les deux pays", &["agreement"]),
            ("il offre un broad accès aux données", &["broad"]),
            ("Mais la plupart of the temps, il reste", &["of the"]),
            // French, or both languages: nothing.
            ("car le nettoyage est plus long que prévu, une question importante de types", &[]),
            ("le leadership du centre et la session du forum sur les drones", &[]),
            // A word the French dictionary knows and French uses often enough: "bit".
            ("le bit setgid s’applique aux répertoires", &[]),
            // Names, titles, acronyms, English quotations, Latin, addresses: nothing.
            ("Il a dit « the deal is done » hier soir", &[]),
            ("le journal des modifications (changelog) du paquet", &[]),
            ("la suite `testing` de Debian: installez-la depuis testing", &[]),
            ("Le New York Times a d’abord fait état d’une réunion", &[]),
            ("(Sergueï Ilnitski/Pool Photo via AP) (AP)", &[]),
            ("“The vehicle was stopped at the border,” he said.", &[]),
            ("il a été sauvé in extremis par les pompiers", &[]),
            ("écrivez à contact@significant.org pour le site significant.com", &[]),
            ("selon la chaîne officielle Telegram du gouvernement", &[]),
            // Terms the text marks as terms: spelt out by an acronym, glossed, named.
            ("Common UNIX Printing System (CUPS) utilise Ghostscript", &[]),
            ("la commande `pwd` (print working directory, afficher le répertoire) indique", &[]),
            ("le groupe (symbolisé par `g` comme group) et la lettre `a`, pour all", &[]),
            ("le sous-système UUCP (Unix to Unix Copy Program, ou programme de copie)", &[]),
            ("les PV ou physical volumes sont les entités de base", &[]),
            ("une période de freeze (gel), puis pendant la période de freeze, rien", &[]),
            ("un écran de plus en plus wide (large), avec un wide bord", &[]),
            ("le mot demon, au sens de créature, et un sous-système nommé facility", &[]),
            ("paquet binaire unique, arch = all (données)\npass : ce champ indique", &[]),
            ("avec delay=10000000, puis Priority: required (tout est dit)", &[]),
            ("le significant : défilé, le défilé: significant", &["significant", "significant"]),
            // ...but only those: a gloss that is not French, initials that do not match,
            // an acronym on another line.
            ("une période de freeze (never) et le vehicle (NV) du chef", &["freeze", "vehicle"]),
            ("un répertoire complètement tidy (originel), ou simplement", &["tidy"]),
            // A label glossed after the rest of it.
            ("les options :\nAlign Threshold (Seuil d’alignement) : si deux", &[]),
            ("Keep Knees (K) : (Conserver les coudes) : cette case", &[]),
            ("le significant défilé (F) : (un défilé)", &["significant"]),
            ("le significant défilé\nSD : la suite", &["significant"]),
            // Items of a definition list or an index: a label before ":", "-" or ", X".
            ("hold - L’utilisateur ne souhaite pas traiter ce paquet\nunknown – rien", &[]),
            ("Blending Modes, Modes de calque\nContrast, Étendre le contraste", &[]),
            ("Cancelled build (X) : (Compilation annulée) Le processus", &[]),
            // ...not a leak at a line start in running text.
            (
                "Furthermore, le défilé\nFurthermore tôt, la suite\nle défilé, significant",
                &["Furthermore", "Furthermore", "significant"],
            ),
            // Named by its kind: a program, a file, a suite, an option.
            ("la commande make, le fichier control et le mode batch", &[]),
            ("les options display et desktop sont disponibles", &[]),
            ("la distribution unstable", &[]),
            ("les options chroot, users et groups ; les sections start, stop, reload", &[]),
            // An item of a list of names: a neighbour no lexicon knows.
            ("ainsi que compartment et makejail, ou nobody ou nogroup", &[]),
            ("les vehicle et steps, ou le vehicle, steps", &["vehicle", "steps", "vehicle", "steps"]),
            // A function word inside a name or a title.
            ("au Google Summer of Code 2010 ; Grokking the GIMP explique", &[]),
            // A surname after an initial.
            ("comme le dit Laurence J. Lane dans son paquet, et John S. Flowers", &[]),
            // ...but an English word after a noun that names nothing stays a leak.
            ("le programme nuclear et la réunion significant", &["nuclear", "significant"]),
            // A word used alone three times, on two lines or more, is a term the text keeps.
            ("passez à unstable.\nLes paquets d’unstable et ceux de unstable", &[]),
            ("un significant défilé, un significant discours", &["significant", "significant"]),
            // ...in one article: articles one after another count apart.
            (
                "passez à unstable.\nLes paquets d’unstable\n\net ceux de unstable",
                &["unstable", "unstable", "unstable"],
            ),
            (
                "un significant défilé, un significant discours, un significant repas",
                &["significant", "significant", "significant"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&leaks(text), want, "{text:?}");
        }
    }

    #[test]
    fn remembered_answers_are_the_answers() {
        // Asked twice of one memory: the second answers come from it.
        let memory = Memory::default();
        for word in ["program", "Vehicle", "steps", "hundreds", "the", "kremlin"] {
            for _ in 0..2 {
                assert_eq!(memory.candidates.get_or_insert_with(word, || candidates(word)), candidates(word), "{word}");
            }
        }
        let text = "le dernier program du Kremlin et le vehicle de fonction, the program";
        let tokens: Vec<(usize, &str)> = words(text).collect();
        let lang = LangIndex::from_words(text, tokens.iter().copied());
        let fresh = leaks_in(text, &tokens, &lang, &Memory::default());
        assert!(!fresh.is_empty());
        for _ in 0..2 {
            assert_eq!(leaks_in(text, &tokens, &lang, &memory), fresh);
        }
    }

    #[test]
    fn candidates_come_from_the_dictionary_and_cognates() {
        let found = find_leaks("le dernier program du Kremlin et le vehicle de fonction");
        assert!(found[0].candidates.contains(&"programme".to_string()), "{found:?}");
        assert!(found[1].candidates.contains(&"véhicule".to_string()), "{found:?}");
        let steps = find_leaks("attribuant ces steps au désespoir");
        assert!(steps[0].candidates.iter().all(|c| c.ends_with('s')), "plural kept: {steps:?}");
    }
}
