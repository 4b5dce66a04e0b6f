//! Letter case: whether a pattern has capitals, and carrying an original's case over to
//! its replacement.

/// True when `s` has an upper-case letter: a pattern written so matches its exact case.
pub fn has_upper(s: &str) -> bool {
    s.chars().any(char::is_uppercase)
}

/// Smart case: "Furthermore tôt" + "plus tôt" gives "Plus tôt"; "FURTHERMORE" gives
/// upper case; otherwise the replacement as written.
///
/// ```
/// use glossfix_text::case::transfer_case;
/// assert_eq!(transfer_case("Furthermore tôt", "plus tôt"), "Plus tôt");
/// assert_eq!(transfer_case("ÉTAT DE UN", "état d’un"), "ÉTAT D’UN");
/// assert_eq!(transfer_case("kinds", "types"), "types");
/// ```
pub fn transfer_case(original: &str, replacement: &str) -> String {
    let mut letters = original.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return replacement.to_string();
    };
    let rest_upper = {
        let rest: Vec<char> = letters.collect();
        !rest.is_empty() && rest.iter().all(|c| c.is_uppercase())
    };
    if first.is_uppercase() && rest_upper {
        replacement.to_uppercase()
    } else if first.is_uppercase() {
        capitalize(replacement)
    } else {
        replacement.to_string()
    }
}

/// `s` with its first letter upper-cased: "véhicule" -> "Véhicule".
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
