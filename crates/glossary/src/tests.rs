//! Table-driven tests of the compiled glossary: whole words, smart case, apostrophes,
//! white space, normalization, longest match, conditions, terms, furniture lines.

use crate::{CompiledGlossary, Glossary};
use glossfix_diagnostics::apply_fixes;

/// Runs `glossary` over `text` and returns the (original, replacement) of each finding.
fn run(glossary: &str, text: &str) -> Vec<(String, String)> {
    let g = Glossary::parse(glossary, "t.toml").unwrap_or_else(|e| panic!("{e}"));
    CompiledGlossary::compile(g)
        .find(text, true)
        .into_iter()
        .map(|f| {
            let edit = f.fix.unwrap().edits()[0].clone();
            (text[edit.span.start..edit.span.end].to_string(), edit.replacement)
        })
        .collect()
}

fn fix(find: &str, replace: &str, extra: &str) -> String {
    format!("[[fix]]\nfind = {find:?}\nreplace = {replace:?}\n{extra}\n")
}

/// (glossary, text, expected (original, replacement) repairs)
type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn whole_words_only() {
    let g = fix("program", "programme", "");
    // (text, expected repairs)
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("le dernier program du Kremlin", &[("program", "programme")]),
        ("le programme du Kremlin", &[]),
        ("reprogram", &[]),
        ("program-based", &[]),
        ("(program)", &[("program", "programme")]),
        ("l’program", &[("program", "programme")]),
        ("programé", &[]),
        ("e\u{301}program", &[]),
    ];
    for (text, want) in cases {
        assert_eq!(run(&g, text), pairs(want), "{text:?}");
    }
}

#[test]
fn smart_case() {
    let g = fix("furthermore tôt", "plus tôt", "") + &fix("Kim Jong-Un", "Kim Jong-un", "");
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("Furthermore tôt cette année", &[("Furthermore tôt", "Plus tôt")]),
        ("furthermore tôt", &[("furthermore tôt", "plus tôt")]),
        ("FURTHERMORE TÔT", &[("FURTHERMORE TÔT", "PLUS TÔT")]),
        ("Kim Jong-Un", &[("Kim Jong-Un", "Kim Jong-un")]),
        ("Kim Jong-un", &[]),
        ("kim jong-un", &[]),
        ("KIM JONG-UN", &[]),
    ];
    for (text, want) in cases {
        assert_eq!(run(&g, text), pairs(want), "{text:?}");
    }
}

#[test]
fn apostrophes_are_interchangeable_and_follow_the_text() {
    let g = fix("de un", "d’un", "") + &fix("l’agreement", "l’accord", "");
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("faisant état de un marché, l’armée", &[("de un", "d’un")]),
        ("faisant état de un marché, l'armée", &[("de un", "d'un")]),
        ("faisant état de un marché", &[("de un", "d’un")]),
        ("l'agreement", &[("l'agreement", "l'accord")]),
        ("l’agreement", &[("l’agreement", "l’accord")]),
    ];
    for (text, want) in cases {
        assert_eq!(run(&g, text), pairs(want), "{text:?}");
    }
}

#[test]
fn white_space_runs_and_line_breaks_match_a_space() {
    let g = fix("hundreds of thousands de pounds", "millions de dollars", "");
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("250 hundreds of thousands de pounds,", &[("hundreds of thousands de pounds", "millions de dollars")]),
        (
            "250 hundreds  of\nthousands de\u{a0}pounds",
            &[("hundreds  of\nthousands de\u{a0}pounds", "millions de dollars")],
        ),
        ("250 hundreds of thousands de poundsterling", &[]),
    ];
    for (text, want) in cases {
        assert_eq!(run(&g, text), pairs(want), "{text:?}");
    }
}

#[test]
fn nfc_and_nfd_match() {
    let g = fix("média japonaise", "média japonais", "");
    let nfd = "Le me\u{301}dia japonaise";
    assert_eq!(run(&g, "Le média japonaise"), pairs(&[("média japonaise", "média japonais")]));
    assert_eq!(run(&g, nfd), pairs(&[("me\u{301}dia japonaise", "me\u{301}dia japonais")]));
}

#[test]
fn longest_valid_match_wins_and_a_rejected_one_hides_nothing() {
    let g = fix("in addition", "plus", "before = [\"rapidement\"]")
        + &fix("in addition rapidement", "vite", "after = [\"jamais\"]");
    // The long match is rejected by its condition: the shorter must still be found.
    let g2 = fix("go on", "continue", "before = [\"de\", \"d’\"]") + &fix("go", "aller", "french = true");
    let cases: &[Case] = &[
        (&g, "d’avancer in addition rapidement", &[("in addition", "plus")]),
        (&g, "in addition, the", &[]),
        (&g2, "la RPDC go on d’envisager", &[("go on", "continue")]),
        (&g2, "la RPDC go on le dit", &[("go", "aller")]),
    ];
    for (g, text, want) in cases {
        assert_eq!(run(g, text), pairs(want), "{text:?}");
    }
}

#[test]
fn context_conditions() {
    let vehicle = fix("vehicle", "car", "french = true\nbefore = [\"le\", \"la\", \"les\", \"l’\"]");
    let significant = fix("significant", "important", "after = [\"un\"]\nnot_before = [\"of\"]");
    let cases: &[Case] = &[
        (&vehicle, "d’avancer plus rapidement, vehicle le nettoyage de ces fortifications", &[("vehicle", "car")]),
        (&vehicle, "“The vehicle le driver used was stolen,” he said.", &[]),
        (&vehicle, "le vehicle de fonction", &[]),
        (&vehicle, "vehicle l’armée", &[("vehicle", "car")]),
        (&significant, "un significant défilé", &[("significant", "important")]),
        (&significant, "une significant", &[]),
        (&significant, "un significant of", &[]),
    ];
    for (g, text, want) in cases {
        assert_eq!(run(g, text), pairs(want), "{text:?}");
    }
}

#[test]
fn punctuation_edges_and_deletions() {
    let g = fix("premières..", "premières.", "") + &fix("(.)", "", "");
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("matières premières..", &[("premières..", "premières.")]),
        ("matières premières...", &[]),
        ("avec (.) les médias", &[("(.) ", "")]),
        ("avec les médias (.)", &[(" (.)", "")]),
        ("((.))", &[]),
    ];
    for (text, want) in cases {
        assert_eq!(run(&g, text), pairs(want), "{text:?}");
    }
}

#[test]
fn terms_rewrite_variants_and_protect_the_canonical_form() {
    let g = "[[term]]\ncanonical = \"Kim Jong-un\"\nvariants = [\"Kim Jong-Un\", \"Kim Jong Un\"]\n\
             [[fix]]\nfind = \"jong-un\"\nreplace = \"XX\"\n";
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("Kim Jong Un et Kim Jong-Un", &[("Kim Jong Un", "Kim Jong-un"), ("Kim Jong-Un", "Kim Jong-un")]),
        ("Kim Jong-un", &[]),
    ];
    for (text, want) in cases {
        assert_eq!(run(g, text), pairs(want), "{text:?}");
    }
}

#[test]
fn furniture_lines() {
    let g = "[[furniture]]\nline = \"Follow\"\n[[furniture]]\nline = \"En direct\"\n\
             [[furniture]]\nline = \"Publicité\"\n[[furniture]]\nline = \"in\"\nposition = \"edges\"\n\
             [[furniture]]\nline = \"De la même section International\"\n";
    let g = CompiledGlossary::compile(Glossary::parse(g, "t.toml").unwrap());
    let fixed = |text: &str| {
        let findings = g.find(text, true);
        let fixes: Vec<_> = findings.iter().filter_map(|f| f.safe_fix()).collect();
        apply_fixes(text, &fixes).text
    };
    // (text, expected)
    let cases = [
        ("Follow\nEn direct\nLe texte.", "Le texte."),
        ("in\n\nLes États-Unis.\n\nSuite.", "Les États-Unis.\n\nSuite."),
        ("A.\n\nPublicité\n\nB.", "A.\n\nB."),
        ("A.\r\n\r\nPublicité\r\n\r\nB.", "A.\r\n\r\nB."),
        ("Source: AA\n\nDe la même section International", "Source: AA"),
        ("Source: AA\n\nDe la même section International\n", "Source: AA\n"),
        ("A.\n\nin\n\nB.", "A.\n\nin\n\nB."),
        ("A.\nFollow\n\nPublicité", "A."),
        ("Follow me on the road.", "Follow me on the road."),
        ("Publicité", ""),
    ];
    for (text, want) in cases {
        assert_eq!(fixed(text), want, "{text:?}");
    }
}
