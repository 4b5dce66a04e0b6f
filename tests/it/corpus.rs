//! Every article in `tests/corpus/` is snapshotted (repairs made, findings left, fixed
//! text) under the top-level `snapshots/`; adding an article is all it takes to cover it.
//! They run with the corpus glossary (`tests/corpus/glossary.toml`), which is the
//! default glossary plus the entries fitted to these articles.

use glossfix::Applicability;
use glossfix::report;
use std::fs;

#[test]
fn corpus_snapshots() {
    let engine = crate::corpus_engine();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::glob!("../corpus", "*.txt", |path| {
            let text = fs::read_to_string(path).unwrap();
            let outcome = crate::fix(&engine, &text);
            // The same body `glossfix snapshot` stores for a user's corpus.
            let snapshot =
                report::snapshot_body(&text, engine.glossary(), &outcome.findings, Applicability::Safe, &outcome.text);
            insta::assert_snapshot!(snapshot);
        });
    });
}

#[test]
fn fix_is_idempotent_on_every_corpus_article() {
    let engine = crate::corpus_engine();
    let mut seen = 0;
    for entry in fs::read_dir(crate::root().join("tests/corpus")).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let once = crate::fix(&engine, &text).text;
        let twice = crate::fix(&engine, &once);
        assert_eq!(twice.text, once, "{}", path.display());
        let again: Vec<_> = twice.applied().collect();
        assert!(again.is_empty(), "{}: second run applied {again:?}", path.display());
        seen += 1;
    }
    assert!(seen >= 5, "the corpus has the five seed articles");
}

#[test]
fn fix_changes_no_byte_outside_the_repaired_spans() {
    let engine = crate::corpus_engine();
    for entry in fs::read_dir(crate::root().join("tests/corpus")).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let outcome = crate::fix(&engine, &text);
        // The reported repairs, all made on the input, give fix's output.
        crate::gaps_survive(&text, &outcome).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

#[test]
fn crlf_and_bom_survive_and_only_repaired_bytes_change() {
    let engine = crate::corpus_engine();
    let text = "\u{feff}Follow\r\nLe média japonaise Kyodo.\r\n\r\nKim Jong Un  est arrivé.\r\n";
    let fixed = crate::fix(&engine, text).text;
    assert_eq!(fixed, "\u{feff}Le média japonais Kyodo.\r\n\r\nKim Jong-un  est arrivé.\r\n");
}
