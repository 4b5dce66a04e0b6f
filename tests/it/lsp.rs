//! `glossfix lsp` with a real client exchange over stdio: initialize, open a document,
//! receive its diagnostics, ask for code actions, apply the edit, add a choice to the
//! glossary through the server's command, see the diagnostics change, shut down.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// A minimal LSP client: framed JSON-RPC over the server's stdin and stdout.
struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(dir: &std::path::Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_glossfix"))
            .args(["lsp", "--stdio"])
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, messages) = channel();
        std::thread::spawn(move || {
            loop {
                let mut length = None;
                loop {
                    let mut header = String::new();
                    if stdout.read_line(&mut header).unwrap_or(0) == 0 {
                        return;
                    }
                    let header = header.trim_end();
                    if header.is_empty() {
                        break;
                    }
                    if let Some(n) = header.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                stdout.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Client { child, stdin, messages, next_id: 1 }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response (notifications before it are kept
    /// for [`Client::next_notification`]).
    fn request(&mut self, method: &str, params: Value, kept: &mut Vec<Value>) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.receive();
            if message["id"] == json!(id) && message.get("method").is_none() {
                return message;
            }
            kept.push(message);
        }
    }

    fn receive(&self) -> Value {
        self.messages.recv_timeout(Duration::from_secs(60)).expect("the server answers within a minute")
    }

    /// The next `textDocument/publishDiagnostics` for `uri`, from `kept` first.
    fn diagnostics_for(&self, uri: &str, kept: &mut Vec<Value>) -> Vec<Value> {
        let is_it = |m: &Value| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri;
        if let Some(at) = kept.iter().position(is_it) {
            return kept.remove(at)["params"]["diagnostics"].as_array().unwrap().clone();
        }
        loop {
            let message = self.receive();
            if is_it(&message) {
                return message["params"]["diagnostics"].as_array().unwrap().clone();
            }
        }
    }
}

/// Applies LSP text edits (UTF-16 positions, one line here) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        let rest = &text[start..];
        for (i, c) in rest.char_indices() {
            if units >= p["character"].as_u64().unwrap() as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut edits: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| (offset(&e["range"]["start"]), offset(&e["range"]["end"]), e["newText"].as_str().unwrap()))
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, new) in edits {
        out.replace_range(start..end, new);
    }
    out
}

#[test]
fn a_client_gets_diagnostics_code_actions_and_adds_to_the_glossary() {
    let dir = tempfile::tempdir().unwrap();
    let glossary = dir.path().join("glossary.toml");
    std::fs::write(&glossary, "").unwrap();
    let article = dir.path().join("article.txt");
    let text = "Le média a parlé de un accord et du vehicle de fonction.\n";
    std::fs::write(&article, text).unwrap();
    let uri = url_of(&article);
    let mut client = Client::start(dir.path());
    let mut kept = Vec::new();

    let init = client.request("initialize", json!({"processId": null, "rootUri": null, "capabilities": {}}), &mut kept);
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-16", "{init}");
    assert_eq!(init["result"]["serverInfo"]["name"], "glossfix");
    client.notify("initialized", json!({}));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
    );
    let diagnostics = client.diagnostics_for(&uri, &mut kept);
    let codes: Vec<&str> = diagnostics.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["elision", "english-leak"], "{diagnostics:?}");
    // "de un": UTF-16 columns, "é" counts one.
    assert_eq!(diagnostics[0]["range"]["start"], json!({"line": 0, "character": 17}));

    // The elision's quick fix, applied as a client would.
    let params = json!({
        "textDocument": {"uri": uri},
        "range": diagnostics[0]["range"],
        "context": {"diagnostics": [diagnostics[0]]},
    });
    let actions = client.request("textDocument/codeAction", params, &mut kept)["result"].clone();
    let fix = &actions[0];
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    let edits = fix["edit"]["changes"][&uri].as_array().unwrap();
    let text = apply(text, edits);
    assert_eq!(text, "Le média a parlé d’un accord et du vehicle de fonction.\n");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]}),
    );
    let diagnostics = client.diagnostics_for(&uri, &mut kept);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "english-leak");

    // The leak: one quick fix per French candidate, and "add to glossary.toml".
    let params =
        json!({"textDocument": {"uri": uri}, "range": diagnostics[0]["range"], "context": {"diagnostics": []}});
    let actions = client.request("textDocument/codeAction", params, &mut kept)["result"].clone();
    let titles: Vec<&str> = actions.as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert!(titles.contains(&"Replace with “véhicule”"), "{titles:?}");
    let add = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Add “vehicle” → “véhicule” to glossary.toml")
        .unwrap_or_else(|| panic!("{titles:?}"));
    let command = &add["command"];
    let answer = client.request(
        "workspace/executeCommand",
        json!({"command": command["command"], "arguments": command["arguments"]}),
        &mut kept,
    );
    assert!(answer.get("error").is_none(), "{answer}");
    let written = std::fs::read_to_string(&glossary).unwrap();
    assert!(written.contains("find = \"vehicle\"") && written.contains("replace = \"véhicule\""), "{written}");
    // The glossary is reloaded: the entry now repairs the leak, as a safe fix.
    let diagnostics = client.diagnostics_for(&uri, &mut kept);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "fix", "{diagnostics:?}");
    let lint = Command::new(env!("CARGO_BIN_EXE_glossfix")).args(["glossary", "lint"]).arg(&glossary).output().unwrap();
    assert_eq!(lint.status.code(), Some(0), "{}", String::from_utf8_lossy(&lint.stdout));

    let shutdown = client.request("shutdown", Value::Null, &mut kept);
    assert_eq!(shutdown["result"], Value::Null);
    client.notify("exit", Value::Null);
    let status = client.child.wait().unwrap();
    assert!(status.success(), "{status}");
}

#[test]
fn the_server_speaks_utf8_when_the_client_offers_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path());
    let mut kept = Vec::new();
    let capabilities = json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}});
    let init = client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": capabilities}),
        &mut kept,
    );
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-8");
    client.notify("initialized", json!({}));
    let uri = url_of(&dir.path().join("a.md"));
    let text = "Le média a parlé de un accord.\n\n```\nque il\n```\n";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let diagnostics = client.diagnostics_for(&uri, &mut kept);
    assert_eq!(diagnostics.len(), 1, "code in Markdown is left alone: {diagnostics:?}");
    assert_eq!(diagnostics[0]["range"]["start"], json!({"line": 0, "character": 19}), "UTF-8 bytes: é is two");
    // A TOML file is not an article.
    let toml = url_of(&dir.path().join("glossary.toml"));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": toml, "languageId": "toml", "version": 1, "text": "de un"}}),
    );
    client.request("shutdown", Value::Null, &mut kept);
    assert!(!kept.iter().any(|m| m["params"]["uri"] == toml), "no diagnostics for a TOML file: {kept:?}");
    client.notify("exit", Value::Null);
    assert!(client.child.wait().unwrap().success());
}

fn url_of(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}
