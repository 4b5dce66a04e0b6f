//! Words a text marks as the name of a thing: a noun of their kind before them ("la
//! commande make", "le fichier control", "le greffon csource"). The leak rule leaves an
//! English word there as written: it names a program, a file or an option. The spelling
//! and capitals rules do not use it: after a noun, a word French does not know is far
//! more often a slip in an adjective or a verb ("les fichiers modèels", "ce paquet
//! atteend", "la touche ctrl") than a name (measured on the development split: 12
//! typos and 5 capitals missed for 3 false reports saved).

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
];

/// Whether `tokens[i]` is named by the noun right before it, or, after "et"/"ou", by the
/// noun before the first of the pair ("les options display et desktop").
pub(crate) fn named_by_head(text: &str, tokens: &[(usize, &str)], i: usize) -> bool {
    let previous = |k: usize| (k > 0 && spaced(text, tokens[k - 1], tokens[k])).then(|| tokens[k - 1].1.to_lowercase());
    let is_head = |w: &str| HEADS.contains(&w);
    previous(i).is_some_and(|p| {
        is_head(&p) || (matches!(p.as_str(), "et" | "ou") && i >= 3 && previous(i - 2).is_some_and(|h| is_head(&h)))
    })
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
        ];
        for &(text, word, want) in cases {
            let tokens: Vec<(usize, &str)> = words(text).collect();
            let i = tokens.iter().position(|&(_, w)| w == word).unwrap();
            assert_eq!(named_by_head(text, &tokens, i), want, "{text:?}");
        }
    }
}
