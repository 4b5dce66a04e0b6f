//! Agreement in gender inside a noun phrase, from the French dictionary's tags:
//! determiner and noun ("le commande" → "la commande") and noun and adjective ("Le média
//! japonaise" → "japonais", "une installation normal" → "normale").
//!
//! Reported with the agreed form as a suggestion, never repaired by `fix` alone: gender
//! is a question of the whole phrase, and a noun phrase can hide traps. The rule looks
//! only at a singular determiner (`le`, `la`, `un`, `une`, `ce`, `cette`, `du`, `au`)
//! followed, after spaces, by a noun the dictionary gives one gender, and the word right
//! after it; or by a common prenominal adjective ("premier", "prochain", "nouveau"…)
//! that agrees with the noun after it, when the determiner alone disagrees ("le première
//! affectation"). It says nothing:
//!
//! - when the noun has both genders or none in the dictionary ("un/une après-midi", an
//!   epicene noun such as "élève");
//! - when the determiner may be a pronoun: after a subject or object pronoun ("il le
//!   commande"), or before a form that may be a verb ("le commande" after a verb), unless
//!   a preposition comes first ("pour le commande mount"), or before an infinitive or a
//!   present participle ("pour la lancer", "la remplaçant"); after an elided `l’`
//!   ("l’une d’elles"); before a one-letter word ("la v. 2.10"); on an adjective before
//!   a noun that agrees ("une forte valeur");
//! - before a word starting with a vowel or h after `le`/`la` (elision's business);
//! - on words that are adverbs or prepositions in a noun phrase ("la plus grande", "une
//!   fois sur deux"), and on a word after the noun that may be a verb ("le projet
//!   dispose") or is a present participle ("la ligne contenant");
//! - on a compound colour ("la couleur bleu ciel") and on an adjective after "du" or
//!   "de" + noun, which may agree with the noun before ("la zone du calque
//!   sous-jacente");
//! - on an adjective after a coordination ("le média et la presse japonais": the
//!   adjective may agree with both nouns), an epicene adjective ("facile"), or a word
//!   with a capital;
//! - in English context.

use crate::context::Context;
use glossfix_diagnostics::{Edit, Finding, Fix, RuleId};
use glossfix_lexicon::{Gender, french_entries, has_french_dictionary, is_french_word};
use glossfix_text::Span;
use glossfix_text::case::capitalize;
use glossfix_text::words::spaced;

/// Singular determiners: (determiner, its gender, the other gender's form).
const DETERMINERS: &[(&str, Gender, &str)] = &[
    ("le", Gender::Masculine, "la"),
    ("un", Gender::Masculine, "une"),
    ("ce", Gender::Masculine, "cette"),
    ("du", Gender::Masculine, "de la"),
    ("au", Gender::Masculine, "à la"),
    ("la", Gender::Feminine, "le"),
    ("une", Gender::Feminine, "un"),
    ("cette", Gender::Feminine, "ce"),
];

/// Adjectives that come before the noun: (masculine, feminine).
const PRENOMINAL: &[(&str, &str)] = &[
    ("premier", "première"),
    ("dernier", "dernière"),
    ("prochain", "prochaine"),
    ("nouveau", "nouvelle"),
    ("grand", "grande"),
    ("petit", "petite"),
    ("bon", "bonne"),
    ("mauvais", "mauvaise"),
    ("gros", "grosse"),
    ("deuxième", "deuxième"),
];

/// Words after which `le`/`la` is a pronoun ("il le commande", "ne la vend").
const PRONOUNS: &[&str] =
    &["je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ne", "me", "te", "se", "lui", "leur", "y", "en"];

/// Words after which `le`/`la` before a verb-like form is still a determiner.
const PREPOSITIONS: &[&str] = &[
    "pour", "de", "à", "par", "sans", "avec", "dans", "sur", "sous", "vers", "chez", "entre", "contre", "selon",
    "après", "avant", "depuis", "pendant", "malgré", "dès", "parmi",
];

/// Words the dictionary also lists as nouns or adjectives but that are, in a noun phrase,
/// adverbs or prepositions: "la plus grande", "une fois sur deux", "au moins".
const FUNCTION_LIKE: &[&str] = &[
    "plus", "moins", "sur", "sous", "bien", "mieux", "tout", "toute", "peu", "trop", "assez", "pire", "même", "large",
    "long", "haut", "bas", "près", "loin", "fort", "juste", "vite", "seul", "non", "pas", "point", "jamais", "rien",
    "est", "quasi",
];

/// Words after a colour that make it a compound colour, which does not agree ("la
/// couleur bleu ciel", "une robe vert foncé").
const COLOUR_QUALIFIERS: &[&str] =
    &["ciel", "clair", "foncé", "marine", "vif", "pâle", "nuit", "roi", "pastel", "électrique", "sombre", "moyen"];

/// Whether `word` may be an infinitive ("lancer", "lire"): after `le`/`la` it is then
/// the verb of an object pronoun ("pour la lancer", "de le lire").
fn infinitive(word: &str) -> bool {
    french_entries(word).iter().any(|m| m.verb)
}

/// Whether `word` may be an adjective (an entry, or the feminine or plural of one).
fn adjective_form(word: &str) -> bool {
    french_entries(word).iter().any(|m| m.adjective) || masculine_of(word).is_some()
}

/// The gender of the noun `word`, when the dictionary gives it exactly one. A noun entry
/// without a gender tag is the masculine of a noun whose feminine the affix rules make
/// ("serveur", "serveuse").
fn noun_gender(word: &str) -> Option<Gender> {
    if FUNCTION_LIKE.contains(&word) {
        return None;
    }
    let unmarked_is_masculine = |g: Gender| if g == Gender::Unmarked { Gender::Masculine } else { g };
    let entries = french_entries(word);
    let mut genders = entries.iter().filter(|m| m.noun).map(|m| unmarked_is_masculine(m.gender));
    let first = genders.next()?;
    (matches!(first, Gender::Masculine | Gender::Feminine) && genders.all(|g| g == first)).then_some(first)
}

/// The masculine of `word` when it is the feminine of an adjective ("japonaise" →
/// "japonais", "nord-coréenne" → "nord-coréen"), and not itself an adjective entry.
fn masculine_of(word: &str) -> Option<String> {
    if french_entries(word).iter().any(|m| m.adjective) {
        return None; // "facile", "russe": the same in both genders
    }
    let adjective = |w: &str| french_entries(w).iter().any(|m| m.adjective && m.gender == Gender::Unmarked);
    let stems = [word.strip_suffix("ne").filter(|s| s.ends_with('n')), word.strip_suffix('e')];
    stems.into_iter().flatten().find(|s| adjective(s)).map(str::to_string)
}

/// The feminine of `word` when it is an adjective entry whose feminine differs ("normal"
/// → "normale", "coréen" → "coréenne").
fn feminine_of(word: &str) -> Option<String> {
    if !french_entries(word).iter().any(|m| m.adjective && m.gender == Gender::Unmarked) {
        return None;
    }
    let doubled = format!("{word}{}e", word.chars().last()?);
    let plain = format!("{word}e");
    let candidates = if word.ends_with("en") || word.ends_with("on") { [doubled, plain] } else { [plain, doubled] };
    candidates.into_iter().find(|f| is_french_word(f) == Some(true))
}

/// Reports determiners and adjectives that disagree with their noun in gender.
pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    if !has_french_dictionary() {
        return;
    }
    let text = cx.text;
    let tokens = cx.tokens;
    let spaced = |a, b| spaced(text, a, b);
    for i in 0..tokens.len().saturating_sub(1) {
        let (det_start, det) = tokens[i];
        // "cette", the longest determiner: most words are ruled out by their length.
        if det.len() > 5 {
            continue;
        }
        let Some(&(_, det_gender, other)) = DETERMINERS.iter().find(|(d, _, _)| det.eq_ignore_ascii_case(d)) else {
            continue;
        };
        let (noun_start, noun) = tokens[i + 1];
        // A letter ("la v. 2.10") is an abbreviation or a letter's name.
        if !spaced(tokens[i], tokens[i + 1]) || noun.chars().any(char::is_uppercase) || noun.chars().count() < 2 {
            continue;
        }
        // "l’une d’elles", "l’un est": a pronoun, not a determiner.
        let elided_before = i > 0 && text[..det_start].ends_with(['’', '\'']);
        if elided_before && matches!(det.to_lowercase().as_str(), "un" | "une") {
            continue;
        }
        // "le première affectation": a prenominal adjective that agrees with the noun
        // after it leaves the determiner as the one slip.
        let prenominal = PRENOMINAL.iter().find(|(m, f)| noun == *m || noun == *f).and_then(|&(m, _)| {
            let &(after_start, after) = tokens.get(i + 2)?;
            let g = noun_gender(after).filter(|_| spaced(tokens[i + 1], tokens[i + 2]))?;
            let agrees = (g == Gender::Masculine) == (noun == m);
            (agrees && !after.chars().any(char::is_uppercase)).then_some((g, after_start + after.len()))
        });
        let is_prenominal = PRENOMINAL.iter().any(|(m, f)| noun == *m || noun == *f);
        let (gender, phrase_end) = match (noun_gender(noun).filter(|_| !is_prenominal), prenominal) {
            (Some(g), _) => (g, noun_start + noun.len()),
            (None, Some((g, end))) if g != det_gender => (g, end),
            _ => continue,
        };
        // The word before, unless a line break or a sentence mark comes between.
        let previous = i
            .checked_sub(1)
            .filter(|&p| {
                !text[tokens[p].0 + tokens[p].1.len()..det_start].contains(['\n', '.', ':', ';', '!', '?', '('])
            })
            .map(|p| tokens[p].1.to_lowercase());
        let previous = previous.as_deref();
        if cx.lang().is_english(det_start, phrase_end) {
            continue;
        }
        if gender != det_gender {
            let vowel = noun.chars().next().is_some_and(|c| "aeiouyhàâéèêëîïôûü".contains(c));
            let pronoun_possible = matches!(det.to_lowercase().as_str(), "le" | "la");
            let verb_like = pronoun_possible && is_french_word(&format!("{noun}r")) == Some(true);
            // "pour la lancer", "de le lire", "la remplaçant": a verb after an object pronoun.
            // "la fait apparaître", "le laisse passer": a verb before its infinitive.
            let verb_then_infinitive = pronoun_possible
                && tokens.get(i + 2).is_some_and(|&(_, after)| {
                    spaced(tokens[i + 1], tokens[i + 2]) && after.chars().all(char::is_lowercase) && infinitive(after)
                });
            let infinitive_after =
                pronoun_possible && (infinitive(noun) || noun.ends_with("ant") || verb_then_infinitive);
            // "en créer un grâce à", "il en a une": "un"/"une" after "en" and a verb is a
            // pronoun.
            let en_pronoun = matches!(det.to_lowercase().as_str(), "un" | "une")
                && i >= 2
                && tokens[i - 2].1.eq_ignore_ascii_case("en")
                && spaced(tokens[i - 2], tokens[i - 1]);
            // "une forte valeur": an adjective before a noun that agrees.
            let adjective_first = adjective_form(noun)
                && tokens.get(i + 2).is_some_and(|&(_, after)| {
                    spaced(tokens[i + 1], tokens[i + 2]) && noun_gender(after) == Some(det_gender)
                });
            let after_pronoun = previous.is_some_and(|p| PRONOUNS.contains(&p));
            // After a preposition or an infinitive ("installer le commande"), a pronoun
            // would come before the verb: the determiner is one.
            let infinitive = |p: &str| {
                (p.ends_with("er") || p.ends_with("ir") || p.ends_with("re")) && is_french_word(p) == Some(true)
            };
            let after_preposition = previous.is_none_or(|p| PREPOSITIONS.contains(&p) || infinitive(p));
            let pronoun = after_pronoun
                || (vowel && pronoun_possible)
                || (verb_like && !after_preposition)
                || infinitive_after
                || en_pronoun;
            if !pronoun && !adjective_first {
                let mut agreed = other.to_string();
                if other == "ce" && vowel {
                    agreed = "cet".to_string();
                }
                if det.chars().next().is_some_and(char::is_uppercase) {
                    agreed = capitalize(&agreed);
                }
                let det_span = Span::new(det_start, det_start + det.len());
                let head = text[noun_start..phrase_end].rsplit(' ').next().unwrap_or(noun);
                out.push(
                    Finding::new(
                        RuleId::Agreement,
                        Span::new(det_start, phrase_end),
                        format!("{head:?} is {}: {agreed:?}", name(gender)),
                    )
                    .with_fix(Fix::suggestion(Edit::replace(det_span, agreed))),
                );
            }
            continue;
        }
        if phrase_end != noun_start + noun.len() {
            continue; // the prenominal case ends here
        }
        // The adjective right after an agreeing determiner and noun.
        let Some(&(adj_start, adjective)) = tokens.get(i + 2) else { continue };
        let coordinated = previous.is_some_and(|p| matches!(p, "et" | "ou"));
        // "le projet dispose", "le document présente": a verb, not an adjective.
        // Present participles ("la ligne contenant") do not agree.
        let verb_like = is_french_word(&format!("{adjective}r")) == Some(true) || adjective.ends_with("ant");
        // "une architecture client/serveur": one of a pair, not an adjective alone.
        let paired = glossfix_text::chars::char_at(text, adj_start + adjective.len()) == Some('/');
        // "la couleur bleu ciel": a compound colour does not agree.
        let compound = tokens.get(i + 3).is_some_and(|&(_, q)| {
            spaced(tokens[i + 2], tokens[i + 3]) && COLOUR_QUALIFIERS.contains(&q.to_lowercase().as_str())
        });
        // "la zone du calque sous-jacente": after "du" or "de", the adjective may agree
        // with the noun before the complement.
        let complement = det.eq_ignore_ascii_case("du") || previous.is_some_and(|p| matches!(p, "de" | "d"));
        // "le filtre petite planète": an adjective before a noun of its own gender
        // belongs to that noun.
        let before_its_noun = tokens.get(i + 3).is_some_and(|&(_, next)| {
            spaced(tokens[i + 2], tokens[i + 3]) && noun_gender(next).is_some_and(|g| g != gender)
        });
        if !spaced(tokens[i + 1], tokens[i + 2])
            || paired
            || compound
            || complement
            || before_its_noun
            || adjective.chars().any(char::is_uppercase)
            || coordinated
            || verb_like
            || FUNCTION_LIKE.contains(&adjective)
        {
            continue;
        }
        let agreed = match gender {
            Gender::Masculine => masculine_of(adjective),
            _ => feminine_of(adjective),
        };
        if let Some(agreed) = agreed {
            let span = Span::new(adj_start, adj_start + adjective.len());
            out.push(
                Finding::new(
                    RuleId::Agreement,
                    Span::new(noun_start, span.end),
                    format!("{noun:?} is {}: {agreed:?}", name(gender)),
                )
                .with_fix(Fix::suggestion(Edit::replace(span, agreed))),
            );
        }
    }
}

fn name(gender: Gender) -> &'static str {
    if gender == Gender::Masculine { "masculine" } else { "feminine" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run;

    #[test]
    fn agreement_table() {
        // (text, suggested replacements in order)
        let cases: &[(&str, &[&str])] = &[
            ("Le média japonaise Kyodo a rapporté", &["japonais"]),
            ("Le média nord-coréenne KCNA a affirmé", &["nord-coréen"]),
            ("une installation normal du système", &["normale"]),
            ("sur un serveur distante", &["distant"]),
            ("une architecture client/serveur classique", &[]),
            ("pour le commande mount", &["la"]),
            ("vous pouvez installer le commande hello", &["la"]),
            ("Seule le première affectation compte, avec le prochaine version", &["la", "la"]),
            ("la premier fois et le première version", &["la"]),
            ("la sécurité.\nla programme devrait être", &["le"]),
            ("un accord et une accord", &["un"]),
            // Traps: nothing to say.
            ("le média et la presse japonaise", &[]),
            ("le média et la presse japonais", &[]),
            ("un après-midi et une après-midi", &[]),
            ("un élève et une élève", &[]),
            ("il le commande demain", &[]),
            ("une question facile et un problème facile", &[]),
            ("la porte et le mot", &[]),
            ("le Monde et la Presse", &[]),
            ("the la commande", &[]),
            ("la plus grande et une fois sur deux", &[]),
            ("le projet dispose de serveurs, le document présente", &[]),
            ("changer la ligne contenant le mot", &[]),
            // Pronouns before an infinitive or a verb; "l’une", "l’un".
            ("appuyez sur g pour la lancer, ou choisissez de la placer au début", &[]),
            ("avant de le lire, et sans pouvoir le lire, la remplaçant par", &[]),
            ("l’une d’entre elles et l’une d’elles, puis l’un est parti", &[]),
            ("deux interfaces réseau, une est configurée", &[]),
            // An adjective before its noun; a letter; a compound colour; a complement.
            ("une forte valeur donne moins de détails, une petite maison", &[]),
            ("la v. 2.10 et le a", &[]),
            ("avec la couleur bleu ciel du fond", &[]),
            ("la zone du calque sous-jacente au cornet", &[]),
            // ...but the slips next to them are still found.
            // A verb before an infinitive; "un"/"une" as a pronoun after "en" and a verb;
            // an adjective before a noun of its own gender.
            ("la combinaison Ctrl+L la fait apparaître, une touche le laisse passer", &[]),
            ("vous pouvez en créer un grâce à la commande, il en a une", &[]),
            ("appliquez le filtre petite planète", &[]),
            // "quasi" is an adverb.
            ("prend en charge la quasi totalité des configurations", &[]),
            ("selon le valeur fixée et un connexion lente", &["la", "une"]),
            ("le filtre petite, puis une installation normal", &["petit", "normale"]),
        ];
        for (text, want) in cases {
            let got: Vec<String> =
                run(check, text).iter().map(|f| f.fix.as_ref().unwrap().edits()[0].replacement.clone()).collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }
}
