//! Any bytes as a glossary: loading never panics; a glossary that loads without warnings
//! gives a `fix` that is idempotent on a text full of artifacts.
#![no_main]
use libfuzzer_sys::fuzz_target;

const TEXT: &str = "Follow\nLe média japonaise Kyodo a parlé de un accord, Kim Jong Un et Choïgu. kinds de munitions (.) premières..\n";

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else { return };
    let Ok(glossary) = glossfix::Glossary::from_toml_str(source, "fuzz.toml") else { return };
    let clean = glossary.warnings.is_empty();
    let engine = glossfix::Engine::new(glossary);
    let once = engine.fix(TEXT);
    if clean {
        assert_eq!(engine.fix(&once.text).text, once.text, "not idempotent");
    }
});
