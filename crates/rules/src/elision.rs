//! Elision: "de un" -> "d’un", "de empêcher" -> "d’empêcher", "que il" -> "qu’il",
//! "si il" -> "s’il", "ce est" -> "c’est", for de/le/la/je/me/te/se/ne/que/jusque/
//! lorsque/puisque before a vowel or a mute h, with the text's apostrophe.
//!
//! Never before an aspirated h ("le héros", "la hausse", "de haut"), "onze", "oui",
//! "uhlan", "yacht" and the like, numerals ("de un à trois"), "la une" (front page),
//! acronyms, English words, or across a line break; never on "le"/"la" glued to a verb by
//! a hyphen ("donne-le à"), nor on a particle inside a name ("Manuel de Oliveira").
//! Only before a lower-case word the French lexicon (wordfreq, or for rare words the
//! Dicollecte dictionary) knows: names and unknown words ("de
//! Atmel", "que autoconf") are left as written. An h-word not in the list is elided only
//! when it is a common French word. The glossary's `[elision] exceptions` adds words.

use crate::context::Context;
use glossfix_diagnostics::{Edit, Finding, Fix, RuleId};
use glossfix_lexicon::{french_entries, lexicon};
use glossfix_text::Span;
use glossfix_text::chars::char_before;
use glossfix_text::hash::FastSet;
use glossfix_text::segment::{is_sentence_start, sentence_openers};
use glossfix_text::words::spaced;

/// Word -> its elided form (before the apostrophe).
const ELIDABLE: &[(&str, &str)] = &[
    ("de", "d"),
    ("le", "l"),
    ("la", "l"),
    ("je", "j"),
    ("me", "m"),
    ("te", "t"),
    ("se", "s"),
    ("ne", "n"),
    ("que", "qu"),
    ("jusque", "jusqu"),
    ("lorsque", "lorsqu"),
    ("puisque", "puisqu"),
    ("si", "s"),
    ("ce", "c"),
];

/// The length of the longest word of [`ELIDABLE`] ("lorsque", "puisque").
const LONGEST_ELIDABLE: usize = 7;

/// The first bytes of the words of [`ELIDABLE`], in either case.
const ELIDABLE_FIRST: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < ELIDABLE.len() {
        let b = ELIDABLE[i].0.as_bytes()[0];
        table[b as usize] = true;
        table[b.to_ascii_uppercase() as usize] = true;
        i += 1;
    }
    table
};

/// Words beginning with an aspirated h (and their common derivatives' stems): no
/// elision before them.
const ASPIRATED_H: &[&str] = &[
    "hache",
    "hachette",
    "hachis",
    "haie",
    "haillon",
    "haine",
    "haïr",
    "hall",
    "halle",
    "halte",
    "hamac",
    "hameau",
    "hamburger",
    "hamster",
    "hanche",
    "handball",
    "handicap",
    "hangar",
    "hanter",
    "happer",
    "harceler",
    "harcèlement",
    "hardi",
    "hareng",
    "hargne",
    "haricot",
    "harnais",
    "harpe",
    "hasard",
    "hâte",
    "hausse",
    "haut",
    "haute",
    "hauteur",
    "havre",
    "hayon",
    "hennir",
    "hérisson",
    "hernie",
    "héron",
    "héros",
    "herse",
    "hêtre",
    "heurt",
    "heurter",
    "hibou",
    "hic",
    "hideux",
    "hiérarchie",
    "hiérarchique",
    "hippie",
    "hisser",
    "hobby",
    "hocher",
    "hockey",
    "hold-up",
    "hollandais",
    "homard",
    "hongrois",
    "honte",
    "honteux",
    "hoquet",
    "horde",
    "hors",
    "hot-dog",
    "hotte",
    "houblon",
    "houle",
    "housse",
    "hublot",
    "huche",
    "huer",
    "huit",
    "huitième",
    "humer",
    "hurler",
    "hurlement",
    "hussard",
    // English loanwords: French keeps their h aspirated ("le hashtag", "le hacker").
    "hacker",
    "hacking",
    "hardware",
    "has-been",
    "hashtag",
    "hip-hop",
    "hit",
    "holding",
    "home",
    "hot",
    "hub",
    "hutte",
    "hyène",
    "halal",
    "hamas",
    "hezbollah",
    "houthis",
    "huawei",
];

/// Other words that keep the article whole.
const NO_ELISION: &[&str] = &[
    "onze",
    "onzième",
    "oui",
    "ouistiti",
    "uhlan",
    "ululement",
    "yacht",
    "yaourt",
    "yoga",
    "yankee",
    "yéti",
    "yen",
    "iode",
    "ouate",
    "ukulélé",
];

/// Words "si" elides before, and words "ce" elides before.
const SI_BEFORE: &[&str] = &["il", "ils"];
const CE_BEFORE: &[&str] = &["est", "était", "étaient", "eût", "eut"];

fn starts_with_vowel_sound(word: &str) -> bool {
    let first = word.chars().next().map(|c| c.to_lowercase().next().unwrap_or(c));
    matches!(
        first,
        Some(
            'a' | 'e'
                | 'i'
                | 'o'
                | 'u'
                | 'é'
                | 'è'
                | 'ê'
                | 'ë'
                | 'à'
                | 'â'
                | 'î'
                | 'ï'
                | 'ô'
                | 'û'
                | 'ü'
                | 'œ'
                | 'æ'
                | 'h'
        )
    ) || word == "y"
}

/// Finds each elidable word followed, after spaces only, by a word that takes elision.
pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let text = cx.text;
    let all = cx.tokens;
    // A word that opens a sentence in lower case somewhere ("aptitude fournit…") is a
    // command or a product name: no elision before it anywhere in the text.
    let lower_case_openers: FastSet<&str> = sentence_openers(text, all)
        .map(|k| all[k].1)
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect();
    for pair in 0..all.len().saturating_sub(1) {
        let (start, word) = all[pair];
        let (next_start, next) = all[pair + 1];
        // The elidable words are short ASCII: compare without allocating for every word,
        // and most words are out at their length.
        if !(2..=LONGEST_ELIDABLE).contains(&word.len()) || !ELIDABLE_FIRST[usize::from(word.as_bytes()[0])] {
            continue;
        }
        let Some(&(lower, elided)) = ELIDABLE.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)) else { continue };
        if lower_case_openers.contains(next) || !takes_elision(text, all, pair, lower, cx) {
            continue;
        }
        if !spaced(text, (start, word), (next_start, next)) {
            continue;
        }
        let edit_span = Span::new(start, next_start);
        let apostrophe = cx.style().at(text, edit_span);
        let mut replacement = String::new();
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        for (i, c) in elided.chars().enumerate() {
            if i == 0 && capital {
                replacement.extend(c.to_uppercase());
            } else {
                replacement.push(c);
            }
        }
        replacement.push(apostrophe);
        out.push(
            Finding::new(
                RuleId::Elision,
                Span::new(start, next_start + next.len()),
                format!("{word:?} elides before {next:?}"),
            )
            .with_fix(Fix::safe(Edit::replace(edit_span, replacement))),
        );
    }
}

/// Whether the word at `all[pair]` (lower-cased `lower`) must elide before the next one.
fn takes_elision(text: &str, all: &[(usize, &str)], pair: usize, lower: &str, cx: &Context) -> bool {
    let (start, word) = all[pair];
    let (_, next) = all[pair + 1];
    // Most words after "de", "le", "que" start with a consonant: out before any work.
    if !starts_with_vowel_sound(next) || word.chars().skip(1).any(char::is_uppercase) {
        return false;
    }
    let word_capital = word.chars().next().is_some_and(char::is_uppercase);
    if word_capital && !is_sentence_start(text, start) {
        return false; // "De Oliveira", "La Havane": part of a name
    }
    let next_lower = next.to_lowercase();
    match lower {
        "si" => return SI_BEFORE.contains(&next_lower.as_str()),
        "ce" => return CE_BEFORE.contains(&next_lower.as_str()),
        _ => {}
    }
    // "le ou les responsables": the conjunction "ou" never takes an elision; after le/la,
    // "où" and the prepositions à/au/aux/en mean a pronoun or a missing accent ("donne
    // le à Paul", "la où"), not an article ("d’où", "jusqu’à" are fine).
    if next_lower == "ou"
        || (matches!(lower, "le" | "la") && matches!(next_lower.as_str(), "où" | "à" | "au" | "aux" | "en"))
    {
        return false;
    }
    // The pronoun "y" elides the pronouns before it ("j’y", "n’y", "s’y"), not an
    // article: "le y de l’équation".
    if next_lower == "y" && !matches!(lower, "je" | "ne" | "me" | "te" | "se" | "que" | "jusque") {
        return false;
    }
    // "le a et le b": a letter named, not a word ("jusque à" still elides).
    if next.chars().count() == 1 && matches!(lower, "le" | "la" | "de") {
        return false;
    }
    let next_is_acronym = next.chars().count() >= 2 && next.chars().all(|c| !c.is_lowercase());
    let next_capital = next.chars().next().is_some_and(char::is_uppercase);
    if next_is_acronym
        || NO_ELISION.contains(&next_lower.as_str())
        || cx.settings.elision_exceptions.contains(&next_lower)
    {
        return false;
    }
    // Names and words the French lexicon does not know ("de Atmel", "que autoconf",
    // "de Ian") are left as written: usage varies, and a wrong repair is worse than none.
    // A rare word counts when the French dictionary knows it ("la installateur", "le
    // empaquetage", "de amorçage").
    let rare = lexicon().zipf(&next_lower).fr < 2.0;
    if next_capital || (rare && glossfix_lexicon::is_french_word(&next_lower) != Some(true)) {
        return false;
    }
    let z = lexicon().zipf(&next_lower);
    if next_lower.starts_with('h') {
        let aspirated = ASPIRATED_H.iter().any(|h| next_lower == *h || (h.len() >= 4 && next_lower.starts_with(h)));
        // An h-word at least as frequent in English as in French is a loanword, and
        // French loanwords from English keep their h aspirated ("le hub", "le holding").
        let loanword = z.en >= z.fr;
        if aspirated || loanword || !lexicon().is_common_french(&next_lower) {
            return false;
        }
    }
    // "donne-le à", "dis-le"; and a particle glued to something other than a space or an
    // opening mark is part of a name, a path or a file name (".te est", "/de un").
    if char_before(text, start).is_some_and(|c| {
        !c.is_whitespace() && !matches!(c, '(' | '[' | '«' | '“' | '"' | '‘' | '\'' | '—' | '–' | '*' | '_' | '>')
    }) {
        return false;
    }
    if lower == "de" && pair > 0 {
        let (prev_start, prev) = all[pair - 1];
        let glued = text[prev_start + prev.len()..start].trim().is_empty();
        if glued && prev.chars().next().is_some_and(char::is_uppercase) && !is_sentence_start(text, prev_start) {
            return false; // "Manuel de Oliveira"
        }
    }
    // Numerals: "de un à trois", "de une ou deux"; "la une" is a front page.
    if matches!(next_lower.as_str(), "un" | "une") {
        if let Some(&(_, after)) = all.get(pair + 2) {
            if matches!(after.to_lowercase().as_str(), "à" | "ou" | "et" | "sur" | "seul" | "seule" | "contre") {
                return false;
            }
        }
        if lower == "la" || lower == "le" {
            return false;
        }
    }
    // "le appareils": a plural after "le"/"la" is a slip of "les", not a missing
    // elision ("l’appareils" would be wrong twice).
    if matches!(lower, "le" | "la") && plural_form(&next_lower) {
        return false;
    }
    // A word clearly more frequent in English than in French is English ("la end", "de
    // user", "la origin"): the leak rule speaks about it. wordfreq's French counts come
    // partly from the web, where English words are common, so a gap of 0.8 (six times as
    // frequent) is enough; French cognates ("information", "option") stay under it.
    if z.en - z.fr >= 0.75 {
        return false;
    }
    let end = all.get(pair + 1).map_or(start, |(s, w)| s + w.len());
    !cx.lang().is_english(start, end)
}

/// Whether `word` is the plural of a noun or adjective and not a dictionary entry itself:
/// "appareils" ("appareil"), "options", "animaux" ("animal"); not "avis", "os", "temps".
fn plural_form(word: &str) -> bool {
    if !french_entries(word).is_empty() {
        return false;
    }
    let entry = |w: &str| french_entries(w).iter().any(|m| m.noun || m.adjective);
    word.strip_suffix('s').is_some_and(entry)
        || word.strip_suffix('x').is_some_and(entry)
        || word.strip_suffix("aux").is_some_and(|stem| entry(&format!("{stem}al")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{fixed, run};

    #[test]
    fn every_elidable_word_passes_the_quick_tests() {
        assert_eq!(ELIDABLE.iter().map(|(w, _)| w.len()).max(), Some(LONGEST_ELIDABLE));
        for (w, _) in ELIDABLE {
            assert!(w.len() >= 2 && w.is_ascii(), "{w}");
            for form in [w.to_string(), w.to_uppercase(), glossfix_text::case::capitalize(w)] {
                assert!(ELIDABLE_FIRST[usize::from(form.as_bytes()[0])], "{form}");
            }
        }
        assert!(!ELIDABLE_FIRST[usize::from(b'v')] && !ELIDABLE_FIRST[0xC3]);
    }

    #[test]
    fn elision_table() {
        // (text, fixed)
        let cases = [
            ("faisant état de un éventuel marché d’armes", "faisant état d’un éventuel marché d’armes"),
            ("dans le but de empêcher les États", "dans le but d’empêcher les États"),
            ("dans le but de empêcher les États d'agir", "dans le but d'empêcher les États d'agir"),
            ("Il pense que il viendra", "Il pense qu’il viendra"),
            ("Je ne sais pas si il viendra", "Je ne sais pas s’il viendra"),
            ("Ce est vrai", "C’est vrai"),
            ("De un côté, la guerre", "D’un côté, la guerre"),
            ("jusque à la fin", "jusqu’à la fin"),
            ("Le a et le b représentent, de a à z", "Le a et le b représentent, de a à z"),
            ("lorsque on arrive", "lorsqu’on arrive"),
            ("je ai dit que le homme est là", "j’ai dit que l’homme est là"),
            ("je y vais", "j’y vais"),
            ("il ne y a rien", "il n’y a rien"),
            ("le y de l’équation", "le y de l’équation"),
            ("le ou les responsables", "le ou les responsables"),
            ("donne le à Paul, pas la où il dort", "donne le à Paul, pas la où il dort"),
            ("de où vient-il, jusque où ira-t-il", "d’où vient-il, jusqu’où ira-t-il"),
            ("il ne parle que en français", "il ne parle qu’en français"),
            ("la hausse des prix et le héros de la guerre", "la hausse des prix et le héros de la guerre"),
            (
                "de haut niveau, le onze de France, de oui ou de non",
                "de haut niveau, le onze de France, de oui ou de non",
            ),
            ("de un à trois ans", "de un à trois ans"),
            ("à la une du journal", "à la une du journal"),
            ("donne-le à son frère", "donne-le à son frère"),
            ("le film de Manuel de Oliveira", "le film de Manuel de Oliveira"),
            ("la hiérarchie de Hamas", "la hiérarchie de Hamas"),
            ("le président de ONU", "le président de ONU"),
            ("le plan de\nun autre", "le plan de\nun autre"),
            ("un accord de agreement", "un accord de agreement"),
            ("the case of de un", "the case of de un"),
            ("le hôpital de la ville", "l’hôpital de la ville"),
            ("l'architecture RISC 32 bits de Atmel, et de Ian", "l'architecture RISC 32 bits de Atmel, et de Ian"),
            ("des outils tels que autoconf ou automake", "des outils tels que autoconf ou automake"),
            (
                "plus récent que aptitude.\naptitude fournit une interface",
                "plus récent que aptitude.\naptitude fournit une interface",
            ),
            // English words, loanwords with an aspirated h, code and file names.
            ("la end du fichier, la origin du paquet", "la end du fichier, la origin du paquet"),
            ("à la place de user, de at", "à la place de user, de at"),
            ("le hashtag, le hacker, le hub, le holding", "le hashtag, le hacker, le hub, le holding"),
            ("le hamburger et le hall", "le hamburger et le hall"),
            ("Le fichier .te est compilé", "Le fichier .te est compilé"),
            ("de information et de option", "d’information et d’option"),
            ("la installateur, le empaquetage, de amorçage", "l’installateur, l’empaquetage, d’amorçage"),
            ("Il dit **que il** vient, _de un_ côté", "Il dit **qu’il** vient, _d’un_ côté"),
            // A plural after "le"/"la" is a slip of "les"; "de" still elides before it.
            (
                "comme le appareils photo, la options et le animaux",
                "comme le appareils photo, la options et le animaux",
            ),
            ("des piles de appareils et le avis du jury", "des piles d’appareils et l’avis du jury"),
        ];
        for (text, want) in cases {
            assert_eq!(fixed(text, &run(check, text)), want, "{text:?}");
        }
    }

    #[test]
    fn exceptions_from_the_glossary() {
        let settings = crate::RuleSettings::new(&Default::default(), &["Hôpital".to_string()]);
        let text = "le hôpital de la ville";
        let mut out = Vec::new();
        check(&Context::new(&glossfix_text::shared::Shared::new(text), &settings, &Default::default()), &mut out);
        assert!(out.is_empty());
    }
}
