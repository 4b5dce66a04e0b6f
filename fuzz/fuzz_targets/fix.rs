//! Any text through `check` and `fix` with the default glossary: no panic, spans on
//! character boundaries, `fix` idempotent, and the text outside the repairs unchanged.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn engine() -> &'static glossfix::Engine {
    static ENGINE: OnceLock<glossfix::Engine> = OnceLock::new();
    ENGINE.get_or_init(|| glossfix::Engine::new(glossfix::Glossary::default_glossary()))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let engine = engine();
    for finding in engine.check(text) {
        assert!(text.is_char_boundary(finding.span.start) && text.is_char_boundary(finding.span.end));
    }
    let once = engine.fix(text);
    assert_eq!(engine.fix(&once.text).text, once.text, "not idempotent");
    // The text before the first repair and after the last is unchanged.
    if let (Some(first), Some(last)) = (once.applied.first(), once.applied.last()) {
        let start = first.safe_edit().unwrap().span.start;
        let end = once.applied.iter().map(|f| f.safe_edit().unwrap().span.end).max().unwrap_or(last.span.end);
        assert!(once.text.starts_with(&text[..start]) && once.text.ends_with(&text[end..]));
    } else {
        assert_eq!(once.text, text);
    }
});
