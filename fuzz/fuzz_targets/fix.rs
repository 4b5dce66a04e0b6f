//! Any text through `check` and `fix` with the default glossary: no panic, spans on
//! character boundaries, the reported fixes applied to the input give exactly `fix`'s
//! output, and `fix` is idempotent.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn engine() -> &'static glossfix::Engine {
    static ENGINE: OnceLock<glossfix::Engine> = OnceLock::new();
    ENGINE.get_or_init(glossfix::default_engine)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let engine = engine();
    let Ok(outcome) = engine.run(text, &glossfix::Request::default()) else {
        assert!(engine.check(text).is_err(), "check and fix disagree on convergence");
        return;
    };
    for finding in &outcome.findings {
        assert!(text.is_char_boundary(finding.span.start) && text.is_char_boundary(finding.span.end));
    }
    let fixes: Vec<&glossfix::Fix> = outcome.applied().map(|f| f.fix.as_ref().unwrap()).collect();
    let applied = glossfix::apply_fixes(text, &fixes);
    assert_eq!(applied.taken.len(), fixes.len(), "reported fixes conflict");
    assert_eq!(applied.text, outcome.text, "the reported fixes do not give fix's output");
    let again = engine.run(&outcome.text, &glossfix::Request::default()).expect("the output converges");
    assert_eq!(again.text, outcome.text, "not idempotent");
});
