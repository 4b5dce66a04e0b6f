//! Printing: findings through the emitters of `glossfix-report`, and one-line errors,
//! warnings and notes on standard error.

use glossfix::{Glossary, NotConverged, Origin};
use std::fmt::Display;

/// `glossfix: error: …` on standard error.
pub fn error(message: impl Display) {
    eprintln!("glossfix: error: {message}");
}

/// `glossfix: error: …` on standard error, and the exit that goes with it.
pub fn failed(message: impl Display) -> crate::cli::Exit {
    error(message);
    crate::cli::Exit::Error
}

/// `glossfix: warning: …` on standard error.
pub fn warning(message: impl Display) {
    eprintln!("glossfix: warning: {message}");
}

/// `glossfix: note: …` on standard error.
pub fn note(message: impl Display) {
    eprintln!("glossfix: note: {message}");
}

/// A progress line on standard error ("fixed a.txt (3 repairs)").
pub fn status(message: impl Display) {
    eprintln!("{message}");
}

/// An origin as messages name it: `fix [glossary.toml:12]`, or a rule id.
pub fn origin(glossary: &Glossary, origin: Origin) -> String {
    match origin.entry {
        Some(id) => format!("{} [{}]", origin.rule, glossary.place_of_entry(id)),
        None => origin.rule.to_string(),
    }
}

/// `PATH: repairs undo each other (fix [g.toml:2], elision, …); nothing changed`.
pub fn not_converged(path: &str, glossary: &Glossary, e: &NotConverged) -> String {
    let involved: Vec<String> = e.involved.iter().map(|&o| origin(glossary, o)).collect();
    let what = if e.cycle {
        "repairs undo each other".to_string()
    } else {
        format!("repairs keep changing the text after {} passes", e.passes)
    };
    format!("{path}: {what} ({}); nothing changed", involved.join(", "))
}
