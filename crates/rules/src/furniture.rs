//! Page furniture that no glossary entry names, reported and never removed by `fix`
//! (glossary `[[furniture]]` entries remove lines; `fix --unsafe` removes these too):
//!
//! - anywhere in an article of any length, a short line without sentence punctuation
//!   built on a word of the web page's widgets: sharing, following, subscribing,
//!   advertising, sponsored and related content ("Advertisement continues below",
//!   "Partager sur Facebook", "Contenu partenaire", "Read more");
//! - in an article of more than six lines, a short line (at most three words, starting
//!   with a capital) without sentence punctuation near the top or bottom ("Follow", "En
//!   direct").
//!
//! The widget words ([`WIDGET_WORDS`]) were written from the labels of the share,
//! subscription, advertising and related-content widgets of French and English news
//! pages, as the seed articles show them; they are words, not whole phrases, so that a
//! phrasing never seen is still found.

use crate::context::Context;
use glossfix_diagnostics::{Edit, Finding, Fix, RuleId};
use glossfix_text::Span;
use glossfix_text::lines::split_lines;
use glossfix_text::words::words;

/// How many non-blank lines at each end of the article are looked at.
const EDGE_LINES: usize = 3;
/// Longer lines are headlines, table cells or text, not navigation.
const MAX_WORDS: usize = 3;

/// Words (lower case, compared whole, or as a prefix when they end with `*`) that make a
/// short unpunctuated line page furniture wherever it stands.
pub const WIDGET_WORDS: &[&str] = &[
    // advertising and sponsored content
    "advertisement",
    "advertisements",
    "advert",
    "ads",
    "publicité",
    "publicités",
    "pub",
    "sponsor*",
    "sponsorisé*",
    "partenaire",
    "partenaires",
    "promoted",
    "annonce",
    "annonces",
    // sharing and following
    "share",
    "partager",
    "partagez",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "telegram",
    "pinterest",
    "tweet",
    "tweeter",
    "follow",
    "suivez-nous",
    "suivez",
    "suivre",
    // subscribing
    "subscribe",
    "subscribers",
    "abonnez-vous",
    "abonnés",
    "abonnement",
    "newsletter",
    "newsletters",
    "inscrivez-vous",
    "sign",
    // related and further content
    "related",
    "recommended",
    "recommandé*",
    "lire",
    "lisez",
    "read",
    "reading",
    "voir",
    "continue",
    "continues",
    "suite",
    "aussi",
    "également",
    "sujet",
    "more",
    // page tools
    "email",
    "e-mail",
    "print",
    "imprimer",
    "comments",
    "commentaires",
    "commenter",
    "fermer",
    "close",
];

/// Words that must come with a widget word for the short line to count (a line made
/// only of "voir" or "suite" is a heading or a fragment).
const WEAK: &[&str] = &[
    "voir",
    "suite",
    "aussi",
    "également",
    "sujet",
    "more",
    "continue",
    "continues",
    "sign",
    "lire",
    "read",
    "reading",
    "suivre",
    "close",
    "fermer",
];

/// The widget words of `line`, if it is a short label: at most six words, no sentence
/// punctuation, every word a widget word or a short function word, and at least one
/// strong widget word or two weak ones.
fn is_widget_label(line: &str) -> bool {
    // Sentence punctuation first: it rules out nearly every line of an article at once.
    if line.contains(['.', '!', '?', ';', ',', '«', '“', '"']) {
        return false;
    }
    let ws: Vec<String> = words(line).take(7).map(|(_, w)| w.to_lowercase()).collect();
    if ws.is_empty() || ws.len() > 6 {
        return false;
    }
    let widget = |w: &str| {
        WIDGET_WORDS.iter().any(|k| match k.strip_suffix('*') {
            Some(prefix) => w.starts_with(prefix),
            None => w == *k,
        })
    };
    const GLUE: &[&str] = &[
        "à",
        "a",
        "au",
        "aux",
        "de",
        "des",
        "du",
        "la",
        "le",
        "les",
        "l",
        "sur",
        "our",
        "for",
        "you",
        "on",
        "us",
        "to",
        "the",
        "up",
        "nous",
        "notre",
        "nos",
        "cette",
        "cet",
        "ce",
        "this",
        "même",
        "same",
        "pour",
        "vous",
        "par",
        "by",
        "below",
        "ci-dessous",
        "après",
        "after",
        "article",
        "articles",
        "story",
        "stories",
        "contenu",
        "content",
        "mail",
        "page",
        "réservé",
        "réservés",
    ];
    let strong = ws.iter().filter(|w| widget(w) && !WEAK.contains(&w.as_str())).count();
    let weak = ws.iter().filter(|w| WEAK.contains(&w.as_str())).count();
    let all_known = ws.iter().all(|w| widget(w) || GLUE.contains(&w.as_str()));
    all_known && (strong >= 1 || weak >= 2)
}

/// Reports widget labels anywhere, and short, unpunctuated lines among the first and
/// last lines of a longer text.
pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let text = cx.text;
    // Each non-blank line: its content (trimmed) and the whole line with its break.
    let lines: Vec<(Span, Span)> = split_lines(text)
        .into_iter()
        .filter_map(|l| {
            let line = &text[l.start..l.end];
            let content = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
            let lead = line.len() - line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}').len();
            let span = Span::new(l.start + lead, l.start + lead + content.len());
            (!content.is_empty()).then(|| (span, Span::new(l.start, l.next)))
        })
        .collect();
    let content: Vec<Span> = lines.iter().map(|&(span, _)| span).collect();
    let mut labels = Vec::new();
    for &(span, whole) in &lines {
        let line = &text[span.start..span.end];
        if is_widget_label(line) {
            labels.push(span);
            out.push(
                Finding::new(
                    RuleId::PageFurniture,
                    span,
                    format!("{line:?} is a web page's widget label, not article text"),
                )
                .with_fix(Fix::suggestion(Edit::delete(whole))),
            );
        }
    }
    if content.len() <= 2 * EDGE_LINES {
        return; // a short text: only the widget labels tell furniture from content
    }
    let edges = content.iter().take(EDGE_LINES).chain(content.iter().rev().take(EDGE_LINES));
    for span in edges.filter(|s| !labels.contains(s)) {
        let line = &text[span.start..span.end];
        let word_count = words(line).count();
        let punctuated = line.contains(['.', '!', '?', ':', ';', '»', '”', '"', '…', ',', '(']);
        let has_letters = line.chars().any(char::is_alphabetic);
        let has_digits = line.chars().any(|c| c.is_ascii_digit()); // "Article 30", "Version 11.0": headings
        // Labels start with a capital ("Follow", "En direct"); a lower-case start is a
        // fragment or a table cell ("valeur logique de retour").
        let capital = line.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase);
        if word_count <= MAX_WORDS && !punctuated && has_letters && !has_digits && capital {
            out.push(Finding::new(
                RuleId::PageFurniture,
                *span,
                format!("{line:?} looks like page furniture (add it to [[furniture]] to remove it)"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run;

    #[test]
    fn furniture_table() {
        let body = "Une phrase.\nUne autre phrase.\nEncore une.\nEt une autre.\nLa suite.\nLa fin, enfin.\nFin.";
        // (text, reported lines)
        let cases: Vec<(String, Vec<&str>)> = vec![
            (format!("Follow\nEn direct\n{body}"), vec!["Follow", "En direct"]),
            (format!("{body}\n\nPartager sur Facebook"), vec!["Partager sur Facebook"]),
            (format!("Maison Blanche : des négociations secrètes progressent\n{body}"), vec![]),
            (format!("{body}\nSource: AA"), vec![]),
            ("Follow\nFin.".to_string(), vec!["Follow"]),
            (format!("Une phrase.\nAdvertisement continues below\n{body}"), vec!["Advertisement continues below"]),
            ("Une phrase.\nContenu partenaire\nFin.".to_string(), vec!["Contenu partenaire"]),
            ("Une phrase.\nRead more\nFin.".to_string(), vec!["Read more"]),
            ("Une phrase.\nVoir aussi\nLa suite\nFin.".to_string(), vec!["Voir aussi"]),
            ("Une phrase.\nPartager cet article sur Facebook.\nFin.".to_string(), vec![]),
            ("Une phrase.\nLes partenaires sociaux du secteur\nFin.".to_string(), vec![]),
            (format!("{body}\nMercredi 18 septembre 2024 à Paris ce jour"), vec![]),
            (format!("{body}\nvaleur logique de retour"), vec![]),
            (format!("{body}\nHistoire du projet Debian"), vec![]),
            (format!("   \n  Follow  \n \t\n{body}\nArticle 30"), vec!["Follow"]),
        ];
        for (text, want) in cases {
            let got: Vec<_> = run(check, &text).iter().map(|f| &text[f.span.start..f.span.end]).collect::<Vec<_>>();
            assert_eq!(got, want, "{text:?}");
        }
    }
}
