//! Alignment against gold alignments of real parallel text nobody here wrote, and
//! `align` / `check --source` on the seed articles against English sources written for
//! the tests.

use glossfix_align::Aligner;
use glossfix_text::segment::split_sentences;
use std::fs;

/// Precision, recall and F1 of the aligner on one corpus of `tests/align/`.
///
/// Gold units are paragraph groups (see `scripts/build-align-eval.py`); the aligner sees
/// only the flat sentence lists. A predicted group (with sentences on both sides) is
/// correct when all its sentences lie in one gold unit; a gold unit is recovered when
/// every one of its sentences lies in correct groups of that unit.
fn evaluate(corpus: &str) -> (f64, f64, f64) {
    let dir = crate::root().join("tests/align").join(corpus);
    let read = |name: &str| fs::read_to_string(dir.join(name)).unwrap();
    let (en_text, fr_text, gold) = (read("en.txt"), read("fr.txt"), read("gold.tsv"));
    let parse =
        |s: &str| -> Vec<usize> { s.split(',').filter(|x| !x.is_empty()).map(|x| x.parse().unwrap()).collect() };
    let mut unit_of_en = vec![usize::MAX; en_text.lines().count()];
    let mut unit_of_fr = vec![usize::MAX; fr_text.lines().count()];
    let units: Vec<(Vec<usize>, Vec<usize>)> =
        gold.lines().map(|l| l.split_once('\t').map(|(a, b)| (parse(a), parse(b))).unwrap()).collect();
    for (u, (e, f)) in units.iter().enumerate() {
        e.iter().for_each(|&p| unit_of_en[p] = u);
        f.iter().for_each(|&p| unit_of_fr[p] = u);
    }
    // Sentences, with the gold unit of their paragraph.
    let sentences = |text: &str, unit_of: &[usize]| -> (Vec<String>, Vec<usize>) {
        let mut texts = Vec::new();
        let mut units = Vec::new();
        for (p, line) in text.lines().enumerate() {
            for s in split_sentences(line) {
                texts.push(line[s.span.start..s.span.end].to_string());
                units.push(unit_of[p]);
            }
        }
        (texts, units)
    };
    let (en, en_units) = sentences(&en_text, &unit_of_en);
    let (fr, fr_units) = sentences(&fr_text, &unit_of_fr);
    let en_refs: Vec<&str> = en.iter().map(String::as_str).collect();
    let fr_refs: Vec<&str> = fr.iter().map(String::as_str).collect();
    let groups = Aligner::new(&[]).align(&en_refs, &fr_refs);
    let mut predicted = 0;
    let mut correct = 0;
    let mut good_en = vec![false; en.len()];
    let mut good_fr = vec![false; fr.len()];
    for g in &groups {
        if g.source.is_empty() || g.target.is_empty() {
            continue;
        }
        predicted += 1;
        let unit = en_units[g.source.start];
        let same = g.source.clone().all(|s| en_units[s] == unit) && g.target.clone().all(|t| fr_units[t] == unit);
        if same {
            correct += 1;
            g.source.clone().for_each(|s| good_en[s] = true);
            g.target.clone().for_each(|t| good_fr[t] = true);
        }
    }
    let recovered = (0..units.len())
        .filter(|&u| {
            en_units.iter().zip(&good_en).filter(|(x, _)| **x == u).all(|(_, g)| *g)
                && fr_units.iter().zip(&good_fr).filter(|(x, _)| **x == u).all(|(_, g)| *g)
        })
        .count();
    let precision = correct as f64 / predicted as f64;
    let recall = recovered as f64 / units.len() as f64;
    let f1 = 2.0 * precision * recall / (precision + recall);
    println!(
        "alignment on {corpus}: {} English and {} French sentences, {} gold units; precision {precision:.3}, recall {recall:.3}, F1 {f1:.3}",
        en.len(),
        fr.len(),
        units.len()
    );
    (precision, recall, f1)
}

#[test]
fn alignment_f1_on_the_universal_declaration() {
    let (_, _, f1) = evaluate("udhr");
    assert!(f1 >= 0.95, "F1 {f1:.3}");
}

#[test]
fn alignment_f1_on_gnu_message_catalogs() {
    let (_, _, f1) = evaluate("gettext");
    assert!(f1 >= 0.95, "F1 {f1:.3}");
}

const SEEDS: &[&str] = &[
    "kim-hopes-to-meet-putin-in-russia",
    "kim-arrives-in-russia-by-train",
    "white-house-says-russia-north-korea-arms-talks-advance",
    "white-house-secret-arms-talks-progressing-aa",
    "us-works-to-expose-and-counter-arms-deal",
];

/// Runs glossfix at the repository root, with the seed articles' glossary unless the
/// arguments name one.
fn glossfix(args: &[&str]) -> std::process::Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_glossfix"));
    cmd.current_dir(crate::root());
    if !args.contains(&"--glossary") {
        cmd.args(["--glossary", "tests/corpus/glossary.toml"]);
    }
    cmd.args(args).output().unwrap()
}

fn seed_paths(name: &str) -> (String, String) {
    (format!("tests/align/seeds/{name}.en.txt"), format!("tests/corpus/{name}.txt"))
}

/// A group that is not 1-1: (shape, start of the source, start of the translation).
type Unusual<'a> = (&'a str, &'a str, &'a str);

#[test]
fn align_pairs_the_seed_articles_with_their_english_sources() {
    // Every group is 1-1 but these (shape, start of the source, start of the translation).
    let expected: &[(&str, &[Unusual])] = &[
        (SEEDS[0], &[]),
        (SEEDS[1], &[("0-1", "", "Follow"), ("0-1", "", "En direct"), ("1-0", "The Kremlin has said", "")]),
        (SEEDS[2], &[("1-2", "Despite Pyongyang", "Malgré les assurances")]),
        (SEEDS[3], &[("0-1", "", "De la même section")]),
        (SEEDS[4], &[("0-1", "", "in"), ("0-1", "", "Publicité")]),
    ];
    for (name, unusual) in expected {
        let (en, fr) = seed_paths(name);
        let out = glossfix(&["align", &en, &fr]);
        assert_eq!(out.status.code(), Some(0));
        let mut found = Vec::new();
        for line in String::from_utf8(out.stdout).unwrap().lines() {
            let mut cells = line.split('\t');
            let (s, t) = (cells.next().unwrap(), cells.next().unwrap());
            let count = |x: &str| if x.is_empty() { 0 } else { x.split(" ~~~ ").count() };
            let shape = format!("{}-{}", count(s), count(t));
            if shape != "1-1" {
                found.push((shape, s.to_string(), t.to_string()));
            }
        }
        assert_eq!(found.len(), unusual.len(), "{name}: {found:#?}");
        for ((shape, s, t), (want_shape, want_s, want_t)) in found.iter().zip(unusual.iter()) {
            assert!(
                shape == want_shape && s.starts_with(want_s) && t.starts_with(want_t),
                "{name}: {shape} {s:?} | {t:?}"
            );
        }
    }
}

#[test]
fn check_against_the_source_reports_the_planted_problems() {
    // (article, expected source findings as "rule line:column")
    let expected: &[(&str, &[&str])] = &[
        (SEEDS[0], &["term-missing 14:1"]),
        (SEEDS[1], &["omission 7:95", "number-mismatch 11:133"]),
        (SEEDS[2], &["number-mismatch 17:309"]),
        (SEEDS[3], &[]),
        (SEEDS[4], &[]),
    ];
    for (name, want) in expected {
        let (en, fr) = seed_paths(name);
        let out = glossfix(&["check", "--format", "json", "--source", &en, &fr]);
        let got: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .filter(|f| {
                ["omission", "addition", "number-mismatch", "term-missing", "untranslated"]
                    .contains(&f["rule"].as_str().unwrap())
            })
            .map(|f| format!("{} {}:{}", f["rule"].as_str().unwrap(), f["line"], f["column"]))
            .collect();
        assert_eq!(&got, want, "{name}");
    }
}

#[test]
fn fix_against_the_source_repairs_the_amount_even_without_a_glossary() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.toml");
    fs::write(&empty, "").unwrap();
    let (en, fr) = seed_paths(SEEDS[2]);
    let out = glossfix(&["--glossary", empty.to_str().unwrap(), "fix", "--source", &en, &fr]);
    let fixed = String::from_utf8(out.stdout).unwrap();
    assert!(fixed.contains("un programme d’aide à la sécurité de 250 millions de dollars, qui comprend"), "{fixed}");
    let without_source = glossfix(&["--glossary", empty.to_str().unwrap(), "fix", &fr]);
    assert!(String::from_utf8(without_source.stdout).unwrap().contains("250 hundreds of thousands de pounds"));
}

#[test]
fn tmx_output_is_valid_against_the_tmx_dtd() {
    let (en, fr) = seed_paths(SEEDS[0]);
    let out = glossfix(&["align", "--format", "tmx", &en, &fr]);
    let tmx = String::from_utf8(out.stdout).unwrap();
    let tsv = String::from_utf8(glossfix(&["align", &en, &fr]).stdout).unwrap();
    let both_sides = tsv.lines().filter(|l| !l.starts_with('\t') && !l.contains("\t\t")).count();
    assert_eq!(tmx.matches("<tu>").count(), both_sides, "one translation unit per group with both sides");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out.tmx");
    fs::write(&file, &tmx).unwrap();
    let dtd = crate::root().join("tests/align/tmx14.dtd");
    match std::process::Command::new("xmllint").arg("--noout").arg("--dtdvalid").arg(&dtd).arg(&file).output() {
        Ok(result) => assert!(result.status.success(), "{}", String::from_utf8_lossy(&result.stderr)),
        Err(_) if std::env::var_os("CI").is_none() => eprintln!("xmllint not installed: DTD validation skipped"),
        Err(e) => panic!("xmllint is needed in CI (libxml2-utils): {e}"),
    }
}
