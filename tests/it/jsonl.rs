//! `--jsonl` and `--files-from` through the real binary: record for record, fields and
//! ids kept, bad lines reported in place, order kept on every core.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn run(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_glossfix"))
        .current_dir(dir)
        .arg("--quiet")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn fix_jsonl_table() {
    let dir = tempfile::tempdir().unwrap();
    // (input lines, output lines)
    let cases: &[(&[u8], &str)] = &[
        // The text repaired; every other field, the key order and the spacing kept.
        (
            b"{\"id\": 7, \"text\": \"Il a parl\xc3\xa9 de un accord.\", \"meta\": {\"a\": [1, 2]}}\n",
            "{\"id\": 7, \"text\": \"Il a parl\u{e9} d\u{2019}un accord.\", \"meta\": {\"a\": [1, 2]}}\n",
        ),
        // Nothing to repair: the line as it was, byte for byte (escapes included).
        (b"{\"text\":\"Rien \\u00e0 dire.\",\"id\":\"a\"}\n", "{\"text\":\"Rien \\u00e0 dire.\",\"id\":\"a\"}\n"),
        // A blank line stays a blank line; a last line without a line break gets one.
        (b"\n{\"id\":1,\"text\":\"ok\"}", "\n{\"id\":1,\"text\":\"ok\"}\n"),
        // Bad lines: an error line in place, the input kept.
        (b"not json\n", "{\"error\":\"not a JSON object\",\"input\":\"not json\",\"line\":1}\n"),
        (b"{\"id\":3}\n", "{\"error\":\"no \\\"text\\\" field\",\"input\":\"{\\\"id\\\":3}\",\"line\":1}\n"),
        (
            b"{\"id\":3,\"text\":5}\n",
            "{\"error\":\"the \\\"text\\\" field is not a string\",\"input\":\"{\\\"id\\\":3,\\\"text\\\":5}\",\"line\":1}\n",
        ),
        (
            b"{\"text\":\"caf\xe9\"}\n",
            "{\"error\":\"not UTF-8: invalid byte 0xE9 at offset 12\",\"input\":\"{\\\"text\\\":\\\"caf\u{fffd}\\\"}\",\"line\":1}\n",
        ),
    ];
    for (input, want) in cases {
        let o = run(dir.path(), &["fix", "--jsonl", "-"], input);
        assert_eq!(out(&o), *want, "{:?}", String::from_utf8_lossy(input));
        let bad = want.starts_with("{\"error\"");
        assert_eq!(o.status.code(), Some(if bad { 2 } else { 0 }), "{:?}", String::from_utf8_lossy(input));
    }
}

#[test]
fn check_jsonl_adds_findings_and_names_fields() {
    let dir = tempfile::tempdir().unwrap();
    let input = b"{\"doc\":\"a\",\"body\":\"Il a parl\xc3\xa9 de un accord.\",\"findings\":null}\n{\"doc\":\"b\",\"body\":\"Rien.\"}\n";
    let o = run(dir.path(), &["check", "--jsonl", "--id-field", "doc", "--text-field", "body", "-"], input);
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = out(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["doc"], "a");
    assert_eq!(lines[0]["findings"][0]["rule"], "elision", "the old findings field replaced");
    assert_eq!(lines[0]["findings"][0]["matched"], "de un");
    assert!(lines[0]["findings"][0].get("path").is_none());
    assert_eq!(lines[1]["findings"], serde_json::json!([]));
}

#[test]
fn jsonl_keeps_input_order_on_every_core() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = String::new();
    for i in 0..3000 {
        let text = if i % 3 == 0 { "Il a parlé de un accord." } else { "Un texte propre, sans rien." };
        input.push_str(&format!("{{\"id\":{i},\"text\":\"{text} Numéro {i}.\"}}\n"));
        if i == 1500 {
            input.push_str("{broken\n");
        }
    }
    std::fs::write(dir.path().join("in.jsonl"), &input).unwrap();
    let one = run(dir.path(), &["--jobs", "1", "fix", "--jsonl", "in.jsonl"], b"");
    let four = run(dir.path(), &["--jobs", "4", "fix", "--jsonl", "in.jsonl"], b"");
    assert_eq!(one.stdout, four.stdout);
    assert_eq!(four.status.code(), Some(2), "the broken line fails the run, at the end");
    let lines: Vec<&str> = std::str::from_utf8(&four.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 3001);
    assert!(lines[1501].starts_with("{\"error\":\"not JSON"), "{}", lines[1501]);
    for (k, line) in lines.iter().enumerate().filter(|&(k, _)| k != 1501) {
        let i = if k > 1501 { k - 1 } else { k };
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["id"], i, "in input order, ids intact");
        let want = if i % 3 == 0 { "d’un" } else { "propre" };
        assert!(v["text"].as_str().unwrap().contains(want), "{line}");
    }
    let errors = String::from_utf8(four.stderr).unwrap();
    assert_eq!(errors, "glossfix: error: in.jsonl:1502: not JSON: key must be a string at line 1 column 2\n");
}

#[test]
fn files_from_lists_paths_by_line_or_nul() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Il a parlé de un accord.\n").unwrap();
    std::fs::write(dir.path().join("b c.txt"), "Il a parlé de un accord.\n").unwrap();
    std::fs::write(dir.path().join("list"), "a.txt\r\nb c.txt\n\n").unwrap();
    std::fs::write(dir.path().join("list0"), "a.txt\0b c.txt\0").unwrap();
    for args in [&["fix", "--check", "--files-from", "list"][..], &["fix", "--check", "--files-from", "-"]] {
        let o = run(dir.path(), args, b"a.txt\0b c.txt\0");
        let listed: Vec<&str> =
            std::str::from_utf8(&o.stdout).unwrap().lines().map(|l| l.split(':').next().unwrap()).collect();
        assert_eq!(listed, ["a.txt", "b c.txt"], "{args:?}");
        assert_eq!(o.status.code(), Some(1));
    }
    let o = run(dir.path(), &["check", "--files-from", "list0"], b"");
    assert_eq!(out(&o).lines().count(), 2);
    let o = run(dir.path(), &["check", "--files-from", "missing"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&o.stderr), "glossfix: error: missing: no such file\n");
    let o = run(dir.path(), &["fix", "--jsonl", "--write", "a.txt"], b"");
    assert_eq!(o.status.code(), Some(2));
}
