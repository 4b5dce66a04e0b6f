//! Any bytes as a glossary: loading never panics; a glossary that loads without warnings
//! gives a `fix` that is idempotent on a text full of artifacts, or says it does not
//! converge.
#![no_main]
use libfuzzer_sys::fuzz_target;

const TEXT: &str = "Follow\nLe média japonaise Kyodo a parlé de un accord, Kim Jong Un et Choïgu. kinds de munitions (.) premières..\n";

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else { return };
    let Ok(loaded) = glossfix::load(source, "fuzz.toml") else { return };
    let clean = loaded.warnings.is_empty();
    let request = glossfix::Request::default();
    if let Ok(once) = loaded.engine.run(TEXT, &request) {
        if clean {
            let again = loaded.engine.run(&once.text, &request).expect("the output converges");
            assert_eq!(again.text, once.text, "not idempotent");
        }
    }
});
