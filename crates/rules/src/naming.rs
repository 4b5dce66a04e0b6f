//! Words a text marks as the name of a thing: a noun of their kind before them ("la
//! commande make", "le fichier control", "le greffon csource"), an enumeration with
//! other names ("rats, pscan, flawfinder et splint"), or a term a list defines at the
//! start of a line ("postgres : les bases…").
//!
//! The leak rule uses all three. The spelling and capitals rules use the lists and the
//! definitions, not the naming nouns: after a noun, a word French does not know is far
//! more often a slip in an adjective or a verb ("les fichiers modèels", "ce paquet
//! atteend", "la touche ctrl") than a name (measured on the development split: 12
//! typos and 5 capitals missed for 3 false reports saved).

use glossfix_lexicon::{is_french_word, lexicon};
use glossfix_text::words::spaced;

/// Nouns that name the word right after them as a thing of their kind: "la commande
/// make", "le fichier control", "la distribution unstable", "le mode batch", "les
/// options display et desktop" (the word after "et" is named too). A French word there
/// would be an adjective or a complement ("le fichier principal", "le mode de"); a lone
/// English word is a name in apposition.
pub(crate) const HEADS: &[&str] = &[
    "commande",
    "commandes",
    "paquet",
    "paquets",
    "fichier",
    "fichiers",
    "option",
    "options",
    "type",
    "types",
    "mode",
    "modes",
    "format",
    "formats",
    "bibliothèque",
    "bibliothèques",
    "utilitaire",
    "outil",
    "outils",
    "champ",
    "champs",
    "valeur",
    "valeurs",
    "variable",
    "variables",
    "paramètre",
    "paramètres",
    "touche",
    "touches",
    "bouton",
    "menu",
    "onglet",
    "répertoire",
    "répertoires",
    "dossier",
    "distribution",
    "distributions",
    "architecture",
    "suite",
    "branche",
    "cible",
    "module",
    "modules",
    "fonction",
    "méthode",
    "classe",
    "balise",
    "démon",
    "script",
    "compte",
    "dépôt",
    "greffon",
    "thème",
    "version",
    "licence",
    "protocole",
    "drapeau",
    "argument",
    "arguments",
    "filtre",
    "politique",
    "section",
    "macro",
    "pilote",
    "interface",
    "utilisateur",
    "utilisateurs",
    "passe",
    "règle",
    "règles",
    "clause",
    "sections",
    "groupe",
    "groupes",
    "priorité",
    "application",
    "directive",
    "directives",
    "appel",
    "versions",
    "paramétrage",
    "mot-clé",
    "mots-clés",
];

/// How many items of a list after a head noun are named by it ("les options chroot, users
/// et groups", "les sections start, stop, reload").
const LIST_REACH: usize = 6;

/// Whether `tokens[i]` is named by the noun right before it, or is an item of a list of
/// single words that such a noun opens, items joined by commas, "et" or "ou" ("les
/// options display et desktop", "les options chroot, users et groups").
pub(crate) fn named_by_head(text: &str, tokens: &[(usize, &str)], i: usize) -> bool {
    let is_head = |k: usize| HEADS.contains(&tokens[k].1.to_lowercase().as_str());
    // Walk back over the list: an item, then a comma or "et"/"ou" before it.
    let mut k = i;
    for _ in 0..LIST_REACH {
        if k == 0 {
            return false;
        }
        let gap = &text[tokens[k - 1].0 + tokens[k - 1].1.len()..tokens[k].0];
        if spaced(text, tokens[k - 1], tokens[k]) {
            if is_head(k - 1) {
                return true;
            }
            // "display et desktop": the item before the conjunction.
            if !matches!(tokens[k - 1].1, "et" | "ou") || k < 2 || !spaced(text, tokens[k - 2], tokens[k - 1]) {
                return false;
            }
            k -= 2;
        } else if gap == ", " {
            k -= 1; // "chroot, users": the item before the comma
        } else {
            return false;
        }
    }
    false
}

/// Whether `tokens[i]` is an item of an enumeration ("rats, pscan, flawfinder et splint",
/// "tels que monit, daemontools et mon") next to an item that is not a French word:
/// a list of programs or packages, whose names French does not know. A slip in a list
/// of French words ("pommes, poires et banannes") is still a slip. With `unknown_only`,
/// the other item must be unknown to English too ("compartment et chrootuid", "nobody
/// ou nogroup"), as the leak rule needs: two English stand-ins side by side ("vehicle et
/// steps") are two leaks, not a list of names.
pub(crate) fn in_list_of_names(text: &str, tokens: &[(usize, &str)], i: usize, unknown_only: bool) -> bool {
    let joined = |a: usize, b: usize| {
        let gap = &text[tokens[a].0 + tokens[a].1.len()..tokens[b].0];
        gap == ", " || gap == ","
    };
    let conjunction = |k: usize| matches!(tokens[k].1, "et" | "ou") && spaced(text, tokens[k - 1], tokens[k]);
    // The items either side: across a comma, or across "et"/"ou".
    let before = match i {
        0 => None,
        _ if joined(i - 1, i) => Some(i - 1),
        _ if i >= 2 && conjunction(i - 1) && spaced(text, tokens[i - 1], tokens[i]) => Some(i - 2),
        _ => None,
    };
    let after = match i + 1 {
        n if n >= tokens.len() => None,
        n if joined(i, n) => Some(n),
        n if n + 1 < tokens.len() && conjunction(n) && spaced(text, tokens[n], tokens[n + 1]) => Some(n + 1),
        _ => None,
    };
    let not_french = |k: usize| {
        let w = tokens[k].1.to_lowercase();
        let z = lexicon().zipf(&w);
        is_french_word(&w) != Some(true) && z.fr < 1.0 && (!unknown_only || z.en < 2.0)
    };
    before.into_iter().chain(after).any(not_french)
}

/// Whether `start` opens its line, after spaces only.
pub(crate) fn opens_line(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\u{a0}']);
    before.is_empty() || before.ends_with('\n')
}

/// Whether `[start, end)` stands alone at the start of a line before a colon: a term a
/// list defines ("postgres : les bases de données", "pass : ce champ indique…").
pub(crate) fn defined_at_line_start(text: &str, start: usize, end: usize) -> bool {
    opens_line(text, start) && text[end..].trim_start_matches([' ', '\u{a0}']).starts_with(':')
}

#[cfg(test)]
mod tests {
    use super::*;
    use glossfix_text::words::words;

    #[test]
    fn named_by_head_table() {
        // (text, the word looked at, named?)
        let cases: &[(&str, &str, bool)] = &[
            ("la commande make", "make", true),
            ("le fichier compat indique", "compat", true),
            ("les options display et desktop", "desktop", true),
            ("le fichier\ncompat", "compat", false),
            ("un programme nuclear", "nuclear", false),
            ("la commande et make", "make", false),
            ("les options chroot, users et groups", "groups", true),
            ("les options chroot, users et groups", "users", true),
            ("éditer les sections start, stop, reload, etc.", "reload", true),
            ("un programme nuclear, users et groups", "groups", false),
        ];
        for &(text, word, want) in cases {
            let tokens: Vec<(usize, &str)> = words(text).collect();
            let i = tokens.iter().position(|&(_, w)| w == word).unwrap();
            assert_eq!(named_by_head(text, &tokens, i), want, "{text:?}");
        }
    }
}
