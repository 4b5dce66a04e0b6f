//! Capitals: nationality and language words written with a capital where French writes
//! them in lower case ("le mot Japonais", "en Anglais"), and names written in lower case
//! where the same text writes them with a capital ("debian" beside "Debian").
//!
//! Both are suggestions, never repaired by `fix` alone:
//!
//! - **Nationality and language words** are entries the French dictionary tags both noun
//!   (the people) and adjective, with a nationality ending (-ais, -ois, -ien, -éen, -ain,
//!   -and, -ol, and their feminines), or a short list of others ("britannique", "grec");
//!   "magique", "dynamique", "booléen" are not,
//!   written with a capital inside a sentence right after "en" (a language: "en
//!   Anglais") or right after a lower-case noun (an adjective: "le mot Japonais"). After
//!   a determiner they are people ("les Japonais") and stay; after a capitalised noun the
//!   phrase is a name ("l’Union Européenne", "la Maison Blanche"), left to the glossary.
//! - **Names in lower case**: a lower-case word the French dictionary does not know and
//!   that is not a common English word (Zipf < 3.5), which the same text writes with a
//!   capital inside a sentence more often than in lower case ("les versions de debian"
//!   where "Debian" appears twice), unless it is an item of a list of names ("sendmail,
//!   postfix ou exim"). A French word is taken for a name only when the text
//!   writes it twice or more with a capital after a determiner and not before another
//!   capitalised word ("les États-Unis", "des États voyous", but not "la Maison
//!   Blanche"), and this lower-case use, its only one, follows a determiner too ("les
//!   états de fournir"). A capitalised noun followed by its complement ("la Boîte à
//!   outils") is a title, not a name; a text with three French nouns or more written so
//!   ("la Teinte", "la Saturation") capitalises labels, and gives no such evidence.
//!
//! - **A word of a name in lower case**: a word of four letters or more between two
//!   capitalised words, where the text writes the same three words with capitals
//!   elsewhere ("Name service Switch" beside "Name Service Switch"). Small words ("des",
//!   "of") are left: names keep them small.
//!
//! - **A numbered part in lower case**: "section 9.5.11" once, where the text writes
//!   "Section" before a number twice or more and nowhere else in lower case before one.
//!
//! A lower-case word opening a sentence is the broken-sentence rule's business.

use crate::context::Context;
use crate::naming::in_list_of_names;
use glossfix_diagnostics::{Edit, Finding, Fix, RuleId};
use glossfix_lexicon::{french_entries, has_french_dictionary, is_french_word, lexicon};
use glossfix_text::Span;
use glossfix_text::case::capitalize;
use glossfix_text::chars::glued;
use glossfix_text::hash::{FastMap, FastSet};
use glossfix_text::segment::is_sentence_start;
use glossfix_text::words::spaced;

/// Endings of French nationality and language adjectives, masculine and feminine.
const NATIONALITY_ENDINGS: &[&str] =
    &["ais", "aise", "ois", "oise", "ien", "ienne", "éen", "éenne", "ain", "aine", "and", "ande", "ol", "ole"];

/// Nationality and language words with other endings, which the endings would confuse
/// with common adjectives ("graphique", "sec"): masculine and feminine.
const NATIONALITY_WORDS: &[&str] = &[
    "britannique",
    "hispanique",
    "germanique",
    "celtique",
    "helvétique",
    "slave",
    "russe",
    "belge",
    "suisse",
    "grec",
    "grecque",
    "tchèque",
    "turc",
    "turque",
    "arabe",
    "basque",
    "scandinave",
    "hébreu",
];

/// Whether `lower` is a nationality or language word: with a nationality ending, an
/// entry that is both a noun (the people: "un Japonais") and an adjective, as the
/// dictionary tags nationalities ("japonais", "coréen"; not "magique", "dynamique",
/// "booléen"), or the feminine of one; or one of [`NATIONALITY_WORDS`].
fn nationality(lower: &str) -> bool {
    if NATIONALITY_WORDS.contains(&lower) {
        return true;
    }
    if !NATIONALITY_ENDINGS.iter().any(|e| lower.ends_with(e)) {
        return false;
    }
    let people = |w: &str| french_entries(w).iter().any(|m| m.adjective && m.noun);
    people(lower)
        || lower.strip_suffix('e').is_some_and(people)
        || lower.strip_suffix("ne").is_some_and(|s| s.ends_with('n') && people(s))
}

/// Reports capitals French does not use, and names written in lower case.
pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    if !has_french_dictionary() {
        return;
    }
    let text = cx.text;
    let tokens = cx.tokens;
    // How often each word is written with a capital inside a sentence, and how often in
    // lower case: a name is the spelling the text uses most.
    let mut capitalised: FastMap<&str, usize> = FastMap::default();
    // Capitalised words after a determiner, not followed by another capitalised word
    // ("des États voyous", "les États-Unis", but not "la Maison Blanche"): a common noun
    // the text uses as a name.
    let mut named_nouns: FastMap<&str, usize> = FastMap::default();
    let mut label_nouns: FastSet<&str> = FastSet::default();
    // Nouns that name a numbered part ("Section 9.5", "Figure 3", "Chapitre 2"): how often
    // the text writes each before a number with a capital, and in lower case.
    let before_number = |k: usize| {
        tokens.get(k + 1).is_some_and(|&(n, next)| {
            next.as_bytes()[0].is_ascii_digit() && text[tokens[k].0 + tokens[k].1.len()..n] == *" "
        })
    };
    let mut numbered: FastMap<String, (usize, usize)> = FastMap::default();
    // Whether each word starts with a capital, decided once for the scans below.
    let upper: Vec<bool> = tokens.iter().map(|(_, w)| w.chars().next().is_some_and(char::is_uppercase)).collect();
    for (k, &(s, w)) in tokens.iter().enumerate() {
        // Captions ("Figure 3. Exemple") open a line, where a capital says nothing: counted
        // inside sentences only.
        if before_number(k)
            && w.chars().count() >= 4
            && w.chars().skip(1).all(char::is_lowercase)
            && !is_sentence_start(text, s)
        {
            let entry = numbered.entry(w.to_lowercase()).or_default();
            if upper[k] { entry.0 += 1 } else { entry.1 += 1 }
        }
        if upper[k] && !is_sentence_start(text, s) {
            *capitalised.entry(w).or_default() += 1;
            let next_is_name =
                tokens.get(k + 1).is_some_and(|&(n, _)| upper[k + 1] && text[s + w.len()..n].trim().is_empty());
            // "la Boîte à outils", "l’Historique d’annulation": a capitalised noun with
            // its complement is a title, written as titles are, not a name.
            let complement = tokens.get(k + 1).is_some_and(|&(n, next)| {
                text[s + w.len()..n].trim().is_empty()
                    && next.len() <= 4 // "pour", the longest link
                    && TITLE_LINKS.contains(&next.to_lowercase().as_str())
            });
            if !next_is_name && !complement && after_determiner(text, tokens, k) {
                // "États-Unis" is one word: its first part is the noun.
                let noun = w.split(['-', '\u{2011}']).next().unwrap_or(w);
                *named_nouns.entry(noun).or_default() += 1;
                // "la Teinte", "le Crayon": a label; not "ministère de la Défense", "Corée
                // du Nord", where the noun completes another and names an institution or
                // a place.
                if !complement_of_another(text, tokens, k) {
                    label_nouns.insert(noun);
                }
            }
        }
    }
    // The lower-case forms of the words written with a capital: the only words the
    // name-in-lower-case test below can say anything about.
    let capital_forms: FastSet<String> =
        capitalised.keys().chain(named_nouns.keys()).map(|w| w.to_lowercase()).collect();
    // How often each of those the text writes in lower case (other words need no count),
    // and which words are one of those forms (only they are looked up again below).
    let mut lower_case: FastMap<&str, usize> = FastMap::default();
    let mut capital_form = vec![false; tokens.len()];
    // Most words are none of those forms, and most are out at their length and first
    // and last bytes (a bit each of a small table) before any hashing.
    let mut could_be = vec![false; SHAPES];
    for form in &capital_forms {
        could_be[shape(form)] = true;
    }
    for (k, &(s, w)) in tokens.iter().enumerate() {
        if !upper[k] && could_be[shape(w)] && capital_forms.contains(w) {
            capital_form[k] = true;
            if w.chars().all(char::is_lowercase) && !glued(text, s, s + w.len()) {
                *lower_case.entry(w).or_default() += 1;
            }
        }
    }
    // Names of three words or more, each written with a capital: "Name Service Switch",
    // "Licence Publique Générale". Keyed by the middle word in lower case.
    let spaced_at = |k: usize| spaced(text, tokens[k], tokens[k + 1]);
    let mut capital_triples: FastSet<(&str, String, &str)> = FastSet::default();
    for k in 1..tokens.len().saturating_sub(1) {
        let (p, w, n) = (tokens[k - 1].1, tokens[k].1, tokens[k + 1].1);
        if upper[k - 1] && upper[k] && upper[k + 1] && spaced_at(k - 1) && spaced_at(k) {
            capital_triples.insert((p, w.to_lowercase(), n));
        }
    }
    // A text that writes several French nouns with a capital after a determiner writes
    // labels or titles that way ("la Teinte", "la Saturation", "le Crayon"): there, a
    // capital says nothing about a name.
    let labels = label_nouns.iter().filter(|w| is_french_word(&w.to_lowercase()) == Some(true)).count() >= LABEL_STYLE;
    let mut by_word: FastMap<&str, Evidence> = FastMap::default();
    for (i, &(start, word)) in tokens.iter().enumerate() {
        let span = Span::new(start, start + word.len());
        // A word of four letters or more in lower case between two capitalised ones,
        // where the text writes the same three words with capitals elsewhere: "Name
        // service Switch" beside "Name Service Switch".
        if !capital_triples.is_empty()
            && (1..tokens.len() - 1).contains(&i)
            && upper[i - 1]
            && upper[i + 1]
            && word.chars().count() >= 4 // not "des", "de", "of": names keep those small
            && word.chars().all(char::is_lowercase)
            && spaced_at(i - 1)
            && spaced_at(i)
            && capital_triples.contains(&(tokens[i - 1].1, word.to_string(), tokens[i + 1].1))
        {
            let capital = capitalize(word);
            out.push(
                Finding::new(
                    RuleId::Capitalisation,
                    span,
                    format!("{word:?} is written {capital:?} in the same name elsewhere in the text"),
                )
                .with_fix(Fix::suggestion(Edit::replace(span, capital))),
            );
            continue;
        }
        // "consultez section 9.5.11" where the text writes "Section 4.2" and "Section 7.1":
        // the text's own style for the numbered parts it refers to.
        if !numbered.is_empty()
            && before_number(i)
            && word.chars().all(char::is_lowercase)
            && numbered.get(word).is_some_and(|&(capital, lower)| capital >= NUMBERED_STYLE && lower == 1)
        {
            let capital = capitalize(word);
            out.push(
                Finding::new(
                    RuleId::Capitalisation,
                    span,
                    format!("{word:?} is written {capital:?} before a number everywhere else in the text"),
                )
                .with_fix(Fix::suggestion(Edit::replace(span, capital))),
            );
            continue;
        }
        let first_upper = upper[i];
        if first_upper && word.chars().skip(1).all(|c| !c.is_uppercase()) && !is_sentence_start(text, start) {
            let previous = i.checked_sub(1).map(|p| tokens[p]).filter(|&prev| spaced(text, prev, (start, word)));
            let after_en = previous.is_some_and(|(_, p)| p == "en");
            let after_noun = !after_en
                && previous.is_some_and(|(_, p)| {
                    p.chars().all(|c| !c.is_uppercase()) && french_entries(p).iter().any(|m| m.noun && !m.adjective)
                });
            if !(after_en || after_noun) {
                continue;
            }
            let lower = word.to_lowercase();
            if nationality(&lower) && !cx.lang().is_english(span.start, span.end) {
                let what = if after_en { "a language" } else { "an adjective" };
                out.push(
                    Finding::new(RuleId::Capitalisation, span, format!("{word:?} is {what}: French writes {lower:?}"))
                        .with_fix(Fix::suggestion(Edit::replace(span, lower))),
                );
            }
            continue;
        }
        // Only a word the text also writes with a capital can have evidence (looked up
        // without building its capitalised form); "sendmail, postfix ou exim": a program
        // in a list of programs keeps its case.
        // (The words `lower_case` counts are those capital forms, in lower case.)
        if !capital_form[i] || word.chars().count() < 3 {
            continue;
        }
        let Some(&lower_uses) = lower_case.get(word) else { continue };
        // What the text says of the word wherever it stands, worked out once per word.
        let evidence = *by_word.entry(word).or_insert_with(|| {
            let capital = capitalize(word);
            let named = capitalised.get(capital.as_str()).is_some_and(|&n| n > lower_uses);
            // A common English word ("testing", "freeze") is a word, not only a name; a
            // name is about as frequent in French as in English ("linux" 3.9 and 4.0,
            // "google"), an English word clearly more so ("testing" 2.8 and 4.7).
            let z = lexicon().zipf(word);
            let known = z.en >= 3.5 && z.en - z.fr >= 0.5;
            // A French word ("états") is a name only on stronger evidence: the text writes
            // it twice or more with a capital alone after a determiner, this is its one
            // lower-case use, and a determiner comes before it too ("les états", below).
            let french = is_french_word(word) == Some(true);
            let named_twice = named_nouns.get(capital.as_str()).is_some_and(|&n| n >= 2);
            if french {
                if !labels && named_twice && lower_uses == 1 { Evidence::IfAfterDeterminer } else { Evidence::None }
            } else if named && !known {
                Evidence::Named
            } else {
                Evidence::None
            }
        });
        let named = match evidence {
            Evidence::None => false,
            Evidence::Named => true,
            Evidence::IfAfterDeterminer => after_determiner(text, tokens, i),
        };
        if named
            && !glued(text, span.start, span.end)
            && !in_list_of_names(text, tokens, i, false)
            && !cx.lang().is_english(span.start, span.end)
        {
            let capital = capitalize(word);
            out.push(
                Finding::new(
                    RuleId::Capitalisation,
                    span,
                    format!("{word:?} is written {capital:?} elsewhere in the text: a name?"),
                )
                .with_fix(Fix::suggestion(Edit::replace(span, capital))),
            );
        }
    }
}

/// What the text says of a word it writes in lower case and elsewhere with a capital
/// (the position-free part of [`check`]'s name-in-lower-case test).
#[derive(Clone, Copy)]
enum Evidence {
    /// Not a name.
    None,
    /// A name (not French, and written with a capital more often than not).
    Named,
    /// A French word the text uses as a name: at its one lower-case use if a determiner
    /// comes before it.
    IfAfterDeterminer,
}

/// How many slots [`shape`] has.
const SHAPES: usize = 1 << 14;

/// A word's length (up to 15) and its first and last bytes, as a slot of a table of
/// [`SHAPES`]: equal words share a slot.
fn shape(word: &str) -> usize {
    let bytes = word.as_bytes();
    let (first, last) = (bytes.first().copied().unwrap_or(0), bytes.last().copied().unwrap_or(0));
    (word.len().min(15) << 10 | usize::from(first & 0x1F) << 5 | usize::from(last & 0x1F)) % SHAPES
}

/// How many references to numbered parts written with a capital ("Section 4.2") make a
/// text's style for them.
const NUMBERED_STYLE: usize = 2;

/// How many French nouns written with a capital after a determiner make a text's style
/// of labels (see [`check`]).
const LABEL_STYLE: usize = 3;

/// Prepositions that join a noun to its complement in a title ("Boîte à outils").
const TITLE_LINKS: &[&str] = &["à", "de", "d", "du", "des", "en", "pour", "par"];

/// Determiners after which a capitalised noun is used as a name.
const DETERMINERS: &[&str] = &["les", "des", "d", "aux", "ces", "leurs", "nos", "vos", "le", "la", "l", "du", "au"];

/// Whether the token at `k` completes another noun: after "du", "des", "au", "aux", or
/// after "de la", "de l’" ("ministère de la Défense", "Corée du Nord").
fn complement_of_another(text: &str, tokens: &[(usize, &str)], k: usize) -> bool {
    let Some(det) = k.checked_sub(1).map(|p| tokens[p].1.to_lowercase()) else { return false };
    if matches!(det.as_str(), "du" | "des" | "au" | "aux") {
        return true;
    }
    k >= 2
        && matches!(det.as_str(), "la" | "l" | "les")
        && matches!(tokens[k - 2].1.to_lowercase().as_str(), "de" | "d")
        && text[tokens[k - 2].0 + tokens[k - 2].1.len()..tokens[k - 1].0].trim_matches([' ', '’', '\'']).is_empty()
}

/// Whether the token at `k` follows a determiner, after spaces or an apostrophe.
fn after_determiner(text: &str, tokens: &[(usize, &str)], k: usize) -> bool {
    let Some(&(p, w)) = k.checked_sub(1).map(|p| &tokens[p]) else { return false };
    let gap = &text[p + w.len()..tokens[k].0];
    let joined = gap.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '’' || c == '\'');
    // "leurs", the longest determiner, and an apostrophe.
    joined && !gap.is_empty() && w.len() <= 8 && DETERMINERS.contains(&w.to_lowercase().trim_end_matches(['’', '\'']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run;

    #[test]
    fn capitals_table() {
        // (text, suggested replacements)
        let cases: &[(&str, &[&str])] = &[
            ("Il écrit le mot Japonais et parle en Anglais.", &["japonais", "anglais"]),
            ("Les versions de Debian, puis de Debian, et les versions précédentes de debian.", &["Debian"]),
            ("Le paquet debconf configure Debconf.", &[]),
            ("Avec Exim ou Exim, ou avec sendmail, postfix ou exim.", &[]),
            ("Debian, Debian, puis debian/control et debian_version.", &[]),
            ("La version Testing et la version testing.", &[]),
            ("le noyau Linux, le noyau Linux et le noyau linux", &["Linux"]),
            // After a capitalised noun the phrase is a name: left to the glossary.
            ("Elle siège à l’Union Européenne depuis un an.", &[]),
            // Left alone: people, names, sentence starts, French words, English.
            ("Les Japonais et les Anglais sont venus.", &[]),
            ("La Maison Blanche et la Corée du Nord.", &[]),
            ("Japonais et Coréens discutent.", &[]),
            ("Les États-Unis et les états de fournir.", &[]),
            // A French word as a name: only with the text's own evidence.
            ("Des États voyous et d’États parias. Il veut empêcher les états de fournir des armes.", &["États"]),
            ("La Maison Blanche et la Maison Blanche, une voiture blanche.", &[]),
            ("Les États-Unis, puis les États-Unis, veulent empêcher les états de fournir.", &["États"]),
            ("La Maison Blanche, la Maison Blanche et la maison de campagne.", &[]),
            ("He speaks English and Japanese with debian users of Debian.", &[]),
            // A word of a name in lower case, where the text writes the name with capitals.
            ("Le Name Service Switch (NSS) diffère du « Name service Switch ».", &["Service"]),
            ("la Licence Publique Générale GNU, ou Licence publique Générale", &["Publique"]),
            // Not without the whole name in capitals elsewhere.
            ("La Licence publique Générale et la Licence Publique", &[]),
            ("l’Organisation des Nations unies et l’Organisation Des Nations", &[]),
            // Adjectives with a nationality's ending that name no people; titles.
            ("l’outil baguette Magique, le dégradé Conique et la zone Dynamique", &[]),
            ("une notation Polonaise et une valeur Booléenne", &["polonaise"]),
            ("le mot Britannique, le mot Grec", &["britannique", "grec"]),
            ("la Boîte à outils, la Boîte à outils et la boîte de dialogue", &[]),
            ("la Teinte, la Teinte, la Saturation, le Crayon. La teinte change.", &[]),
            // Institutions and places are no labels: "de la Défense", "du Nord".
            (
                "Le ministère de la Défense, la Corée du Nord, le chef du Conseil. Les États-Unis et les États-Unis veulent empêcher les états de fournir.",
                &["États"],
            ),
            // Numbered parts: the text's own style.
            ("voir Section 4.2 et Section 7, puis la section 9.5.11", &["Section"]),
            ("voir Section 4.2, puis la section 9.5.11", &[]),
            ("Figure 3. Un exemple.\nFigure 4. Un autre.\nDans la figure 4, le fond", &[]),
            ("voir Section 4.2 et Section 7, puis la section 9 et la section 10", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<String> =
                run(check, text).iter().map(|f| f.fix.as_ref().unwrap().edits()[0].replacement.clone()).collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }
}
