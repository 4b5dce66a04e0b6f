//! Every article in `tests/corpus/` is snapshotted (repairs made, findings left, fixed
//! text) under the top-level `snapshots/`; adding an article is all it takes to cover it.

use glossfix::report;
use std::fs;

#[test]
fn corpus_snapshots() {
    let engine = crate::engine();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::glob!("../corpus", "*.txt", |path| {
            let text = fs::read_to_string(path).unwrap();
            let outcome = engine.fix(&text);
            let remaining: String = report::text_lines(&report::locate("", &text, "glossary.toml", &outcome.remaining))
                .lines()
                .map(|l| format!("{}\n", l.trim_start_matches(':')))
                .collect();
            let snapshot = format!(
                "## repairs (line:column rule: before -> after)\n{}\n## reported, not repaired\n{}\n## fixed text\n{}",
                report::repairs(&text, &outcome.applied),
                remaining,
                outcome.text
            );
            insta::assert_snapshot!(snapshot);
        });
    });
}

#[test]
fn fix_is_idempotent_on_every_corpus_article() {
    let engine = crate::engine();
    let mut seen = 0;
    for entry in fs::read_dir(crate::root().join("tests/corpus")).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let once = engine.fix(&text).text;
        let twice = engine.fix(&once);
        assert_eq!(twice.text, once, "{}", path.display());
        assert!(twice.applied.is_empty(), "{}: second run applied {:?}", path.display(), twice.applied);
        seen += 1;
    }
    assert!(seen >= 5, "the corpus has the five seed articles");
}

#[test]
fn fix_changes_no_byte_outside_the_repaired_spans() {
    let engine = crate::engine();
    for entry in fs::read_dir(crate::root().join("tests/corpus")).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let outcome = engine.fix(&text);
        // Merge the repaired spans (mapped onto the input); every gap between them must
        // appear in the output, unchanged and in order, the first at the very start and
        // the last at the very end.
        let mut regions: Vec<(usize, usize)> = Vec::new();
        for f in &outcome.applied {
            let span = f.safe_edit().unwrap().span;
            match regions.last_mut() {
                Some(last) if span.start <= last.1 => last.1 = last.1.max(span.end),
                _ => regions.push((span.start, span.end)),
            }
        }
        let mut gaps = Vec::new();
        let mut at = 0;
        for (start, end) in &regions {
            gaps.push(&text[at..*start]);
            at = *end;
        }
        gaps.push(&text[at..]);
        let out = outcome.text.as_str();
        assert!(out.starts_with(gaps[0]) && out.ends_with(gaps[gaps.len() - 1]), "{}", path.display());
        let mut cursor = gaps[0].len();
        for gap in &gaps[1..gaps.len() - 1] {
            let found = out[cursor..].find(gap).unwrap_or_else(|| panic!("{}: gap {gap:?} lost", path.display()));
            cursor += found + gap.len();
        }
        assert!(cursor <= out.len() - gaps[gaps.len() - 1].len(), "{}", path.display());
    }
}

#[test]
fn crlf_and_bom_survive_and_only_repaired_bytes_change() {
    let engine = crate::engine();
    let text = "\u{feff}Follow\r\nLe média japonaise Kyodo.\r\n\r\nKim Jong Un  est arrivé.\r\n";
    let fixed = engine.fix(text).text;
    assert_eq!(fixed, "\u{feff}Le média japonais Kyodo.\r\n\r\nKim Jong-un  est arrivé.\r\n");
}
