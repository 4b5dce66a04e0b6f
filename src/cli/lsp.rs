//! `glossfix lsp`: a language server over stdio (lsp-server, lsp-types). It publishes
//! diagnostics for open plain-text and Markdown documents as they change, offers a quick
//! fix per candidate and "add to the glossary" as a code action, and finds the glossary
//! from each document's folder upward (`--glossary` overrides), reloading it when it
//! changes on disk. Positions are in UTF-8 when the client offers it, else UTF-16.

use crate::cli::interrupt::Interrupt;
use crate::cli::write::{WriteOptions, write_atomic};
use crate::cli::{Exit, render};
use clap::Args;
use glossfix::{Applicability, Engine, Finding, Markup, Request, Span};
use glossfix_maintain::edit::{NewFix, add_fix};
use lsp_server::{Connection, ErrorCode, Message, Notification, Response};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionProviderCapability, Command,
    Diagnostic, DiagnosticSeverity, DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    ExecuteCommandOptions, ExecuteCommandParams, MessageType, NumberOrString, Position, PositionEncodingKind,
    PublishDiagnosticsParams, Range, ServerCapabilities, ServerInfo, ShowMessageParams, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, TextEdit, Url, WorkspaceEdit,
};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The command behind "add to the glossary": arguments `[glossary path, find, replace]`.
pub const ADD_TO_GLOSSARY: &str = "glossfix.addToGlossary";

#[derive(Args)]
pub struct LspArgs {
    /// Talk over standard input and output (the only transport; accepted because
    /// editors pass it)
    #[arg(long)]
    stdio: bool,
}

/// How the client counts characters in a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Utf16,
}

/// A glossary as loaded, with the stamp of its file.
struct Loaded {
    engine: Engine,
    stamp: Option<SystemTime>,
}

struct Server {
    connection: Connection,
    encoding: Encoding,
    /// `--glossary`, used for every document.
    explicit: Option<PathBuf>,
    /// Open articles (plain text and Markdown) by URI.
    documents: HashMap<Url, String>,
    /// Loaded glossaries by file (`None`: the built-in one).
    glossaries: HashMap<Option<PathBuf>, Loaded>,
}

pub fn run(_args: &LspArgs, explicit: Option<&Path>) -> Exit {
    let (connection, io_threads) = Connection::stdio();
    let result = serve(connection, explicit);
    let joined = io_threads.join();
    match (result, joined) {
        (Ok(()), Ok(())) => Exit::Clean,
        (Err(e), _) => {
            render::error(format!("lsp: {e}"));
            Exit::Error
        }
        (_, Err(e)) => {
            render::error(format!("lsp: {e}"));
            Exit::Error
        }
    }
}

fn serve(connection: Connection, explicit: Option<&Path>) -> Result<(), String> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let params: lsp_types::InitializeParams = serde_json::from_value(params).map_err(|e| e.to_string())?;
    let utf8 = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|e| e.contains(&PositionEncodingKind::UTF8));
    let encoding = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
    let capabilities = ServerCapabilities {
        position_encoding: Some(if utf8 { PositionEncodingKind::UTF8 } else { PositionEncodingKind::UTF16 }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::FULL),
            save: Some(TextDocumentSyncSaveOptions::Supported(true)),
            ..TextDocumentSyncOptions::default()
        })),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![ADD_TO_GLOSSARY.to_string()],
            ..ExecuteCommandOptions::default()
        }),
        ..ServerCapabilities::default()
    };
    let result = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": ServerInfo { name: "glossfix".to_string(), version: Some(env!("CARGO_PKG_VERSION").to_string()) },
    });
    connection.initialize_finish(id, result).map_err(|e| e.to_string())?;
    let mut server = Server {
        connection,
        encoding,
        explicit: explicit.map(Path::to_path_buf),
        documents: HashMap::new(),
        glossaries: HashMap::new(),
    };
    server.main_loop()
}

impl Server {
    fn main_loop(&mut self) -> Result<(), String> {
        while let Ok(message) = self.connection.receiver.recv() {
            match message {
                Message::Request(request) => {
                    if self.connection.handle_shutdown(&request).map_err(|e| e.to_string())? {
                        return Ok(());
                    }
                    let response = match request.method.as_str() {
                        "textDocument/codeAction" => match serde_json::from_value(request.params) {
                            Ok(params) => Response::new_ok(request.id, self.code_actions(&params)),
                            Err(e) => Response::new_err(request.id, ErrorCode::InvalidParams as i32, e.to_string()),
                        },
                        "workspace/executeCommand" => match serde_json::from_value(request.params) {
                            Ok(params) => match self.execute(&params) {
                                Ok(()) => Response::new_ok(request.id, serde_json::Value::Null),
                                Err(e) => Response::new_err(request.id, ErrorCode::RequestFailed as i32, e),
                            },
                            Err(e) => Response::new_err(request.id, ErrorCode::InvalidParams as i32, e.to_string()),
                        },
                        _ => Response::new_err(
                            request.id,
                            ErrorCode::MethodNotFound as i32,
                            format!("glossfix does not handle {}", request.method),
                        ),
                    };
                    self.send(Message::Response(response));
                }
                Message::Notification(notification) => self.notified(notification),
                Message::Response(_) => {}
            }
        }
        Ok(())
    }

    fn send(&self, message: Message) {
        // A client that went away ends the loop on the next receive.
        let _ = self.connection.sender.send(message);
    }

    fn notified(&mut self, notification: Notification) {
        match notification.method.as_str() {
            "textDocument/didOpen" => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(notification.params) {
                    let doc = p.text_document;
                    if is_article(&doc.uri, &doc.language_id) {
                        self.documents.insert(doc.uri.clone(), doc.text);
                        self.publish(&doc.uri);
                    }
                }
            }
            "textDocument/didChange" => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(notification.params) {
                    let uri = p.text_document.uri;
                    // Full synchronisation: the last change holds the whole text.
                    if let (Some(text), Some(change)) = (self.documents.get_mut(&uri), p.content_changes.last()) {
                        change.text.clone_into(text);
                        self.publish(&uri);
                    }
                }
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(notification.params) {
                    if self.documents.remove(&p.text_document.uri).is_some() {
                        self.publish_list(&p.text_document.uri, Vec::new());
                    }
                }
            }
            // A saved file may be the glossary; a watched file changed: look again.
            "textDocument/didSave" | "workspace/didChangeWatchedFiles" => self.publish_all(),
            _ => {}
        }
    }

    /// The glossary file of the document at `uri`: `--glossary`, else `glossary.toml` in
    /// its folder or the nearest parent; `None` for the built-in glossary.
    fn glossary_of(&self, uri: &Url) -> Option<PathBuf> {
        if let Some(explicit) = &self.explicit {
            return Some(explicit.clone());
        }
        let path = uri.to_file_path().ok()?;
        path.parent()?.ancestors().map(|dir| dir.join("glossary.toml")).find(|c| c.is_file())
    }

    /// The engine for `glossary`, loaded again when its file changed; a glossary that does
    /// not load is reported to the user and the built-in one is used meanwhile.
    fn engine(&mut self, glossary: &Option<PathBuf>) -> &Engine {
        let stamp = glossary.as_ref().and_then(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
        let fresh = self.glossaries.get(glossary).is_some_and(|l| l.stamp == stamp);
        if !fresh {
            // The glossary with what it extends; the built-in one when there is none.
            let roots: Vec<PathBuf> = glossary.iter().cloned().collect();
            let engine = match crate::cli::glossaries::load_set(&roots) {
                Ok(loaded) => loaded.engine,
                Err(lines) => {
                    let problems = lines.join("; ");
                    self.show(MessageType::ERROR, format!("glossfix: the glossary is refused: {problems}"));
                    glossfix::default_engine()
                }
            };
            self.glossaries.insert(glossary.clone(), Loaded { engine, stamp });
        }
        &self.glossaries[glossary].engine
    }

    fn show(&self, typ: MessageType, message: String) {
        let params = ShowMessageParams { typ, message };
        self.send(Message::Notification(Notification::new("window/showMessage".to_string(), params)));
    }

    /// The findings of the open document at `uri`.
    fn findings(&mut self, uri: &Url) -> Option<(String, Vec<Finding>)> {
        let text = self.documents.get(uri)?.clone();
        let glossary = self.glossary_of(uri);
        let markup = Markup::of_file_name(uri.path());
        let engine = self.engine(&glossary);
        let findings = match engine.run(&text, &Request { markup, ..Request::default() }) {
            Ok(outcome) => outcome.findings,
            Err(e) => e.findings,
        };
        Some((text, findings))
    }

    fn publish(&mut self, uri: &Url) {
        let Some((text, findings)) = self.findings(uri) else { return };
        let diagnostics = findings.iter().map(|f| self.diagnostic(&text, f)).collect();
        self.publish_list(uri, diagnostics);
    }

    fn publish_all(&mut self) {
        let uris: Vec<Url> = self.documents.keys().cloned().collect();
        for uri in uris {
            self.publish(&uri);
        }
    }

    fn publish_list(&self, uri: &Url, diagnostics: Vec<Diagnostic>) {
        let params = PublishDiagnosticsParams { uri: uri.clone(), diagnostics, version: None };
        self.send(Message::Notification(Notification::new("textDocument/publishDiagnostics".to_string(), params)));
    }

    fn diagnostic(&self, text: &str, f: &Finding) -> Diagnostic {
        let severity = match f.fix.as_ref().map(|fix| fix.applicability()) {
            Some(Applicability::Safe) | None => DiagnosticSeverity::WARNING,
            Some(_) => DiagnosticSeverity::INFORMATION,
        };
        Diagnostic {
            range: self.range(text, f.span),
            severity: Some(severity),
            code: Some(NumberOrString::String(f.rule.to_string())),
            source: Some("glossfix".to_string()),
            message: f.message.clone(),
            ..Diagnostic::default()
        }
    }

    fn range(&self, text: &str, span: Span) -> Range {
        Range::new(position(text, span.start, self.encoding), position(text, span.end, self.encoding))
    }

    /// A quick fix per candidate of each finding the range touches, and "add to the
    /// glossary" for a suggestion the glossary file could make certain.
    fn code_actions(&mut self, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &params.text_document.uri;
        let Some((text, findings)) = self.findings(uri) else { return Vec::new() };
        let want = (offset(&text, params.range.start, self.encoding), offset(&text, params.range.end, self.encoding));
        let glossary = self.glossary_of(uri);
        let mut actions = Vec::new();
        for f in &findings {
            let touches = f.span.start <= want.1 && want.0 <= f.span.end;
            let Some(fix) = f.fix.as_ref().filter(|_| touches) else { continue };
            let diagnostic = self.diagnostic(&text, f);
            let edit = |edits: Vec<TextEdit>| WorkspaceEdit {
                changes: Some(HashMap::from([(uri.clone(), edits)])),
                ..WorkspaceEdit::default()
            };
            let whole: Vec<TextEdit> =
                fix.edits().iter().map(|e| TextEdit::new(self.range(&text, e.span), e.replacement.clone())).collect();
            let shown = fix.render(&text, f.span.cover(&fix.span()));
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: if shown.is_empty() { "Delete".to_string() } else { format!("Replace with “{shown}”") },
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: Some(edit(whole)),
                is_preferred: Some(fix.applicability() == Applicability::Safe),
                ..CodeAction::default()
            }));
            let span = fix.span();
            for other in &f.alternatives {
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Replace with “{other}”"),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(edit(vec![TextEdit::new(self.range(&text, span), other.clone())])),
                    ..CodeAction::default()
                }));
            }
            // A suggestion replacing exactly the finding's text can become a glossary
            // entry, so that `fix` makes it from now on.
            let single = fix.edits().len() == 1 && fix.edits()[0].span == f.span && !f.span.is_empty();
            if let (Some(path), true, true) = (&glossary, fix.applicability() != Applicability::Safe, single) {
                let find = text[f.span.start..f.span.end].to_string();
                for replace in f.candidates() {
                    let name = path.file_name().map_or("the glossary".into(), |n| n.to_string_lossy());
                    let title = format!("Add “{find}” → “{replace}” to {name}");
                    let arguments = vec![path.display().to_string().into(), find.clone().into(), replace.into()];
                    actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                        title: title.clone(),
                        kind: Some(CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![diagnostic.clone()]),
                        command: Some(Command {
                            title,
                            command: ADD_TO_GLOSSARY.to_string(),
                            arguments: Some(arguments),
                        }),
                        ..CodeAction::default()
                    }));
                }
            }
        }
        actions
    }

    /// `glossfix.addToGlossary [path, find, replace]`: a `[[fix]]` added through the same
    /// code as `glossary add` (refused when lint would find a new problem), the file
    /// written atomically, every open document checked again.
    fn execute(&mut self, params: &ExecuteCommandParams) -> Result<(), String> {
        if params.command != ADD_TO_GLOSSARY {
            return Err(format!("unknown command {}", params.command));
        }
        let strings: Vec<&str> = params.arguments.iter().filter_map(|a| a.as_str()).collect();
        let [path, find, replace] = strings[..] else {
            return Err(format!("{ADD_TO_GLOSSARY} takes [glossary path, find, replace]"));
        };
        let path = PathBuf::from(path);
        let source = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let entry = NewFix {
            find: find.to_string(),
            replace: replace.to_string(),
            note: Some("added from the editor".to_string()),
            french: true,
            safe: true,
        };
        let updated = add_fix(&source, &path.display().to_string(), &entry).map_err(|e| {
            let message = format!("glossfix: not added: {e}");
            self.show(MessageType::ERROR, message.clone());
            message
        })?;
        let options = WriteOptions { interrupt: Interrupt::default(), pause: None };
        write_atomic(&path, &updated, None, &options).map_err(|e| e.to_string())?;
        self.glossaries.remove(&Some(path));
        self.publish_all();
        Ok(())
    }
}

/// Whether a document is an article glossfix checks: plain text or Markdown by language
/// id or by file name.
fn is_article(uri: &Url, language_id: &str) -> bool {
    let path = uri.path().to_ascii_lowercase();
    matches!(language_id, "plaintext" | "markdown" | "text")
        || [".txt", ".md", ".markdown", ".mdown", ".mkd"].iter().any(|e| path.ends_with(e))
}

/// The byte offsets where lines start: after "\n", "\r\n" or a lone "\r", as LSP counts.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            starts.push(i + 1);
        }
    }
    starts
}

/// The LSP position of byte `at` of `text`.
fn position(text: &str, at: usize, encoding: Encoding) -> Position {
    let starts = line_starts(text);
    let line = starts.partition_point(|&s| s <= at) - 1;
    let prefix = &text[starts[line]..at];
    let character = match encoding {
        Encoding::Utf8 => prefix.len(),
        Encoding::Utf16 => prefix.encode_utf16().count(),
    };
    Position::new(line as u32, character as u32)
}

/// The byte of `text` at an LSP position (clamped to its line and to the text).
fn offset(text: &str, position: Position, encoding: Encoding) -> usize {
    let starts = line_starts(text);
    let Some(&start) = starts.get(position.line as usize) else { return text.len() };
    let end = starts.get(position.line as usize + 1).copied().unwrap_or(text.len());
    let line = &text[start..end];
    let mut units = 0;
    for (i, c) in line.char_indices() {
        if units >= position.character as usize || c == '\n' || c == '\r' {
            return start + i;
        }
        units += match encoding {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        };
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_table() {
        // (text, byte, UTF-8 position, UTF-16 position)
        type Row = (&'static str, usize, (u32, u32), (u32, u32));
        let cases: &[Row] = &[
            ("abc", 2, (0, 2), (0, 2)),
            ("é\nde un", 3, (1, 0), (1, 0)),
            ("média de un", 10, (0, 10), (0, 9)),
            ("a\r\nb", 3, (1, 0), (1, 0)),
            ("a\rb", 2, (1, 0), (1, 0)),
            ("😀 de", 5, (0, 5), (0, 3)),
        ];
        for &(text, at, utf8, utf16) in cases {
            let p8 = position(text, at, Encoding::Utf8);
            let p16 = position(text, at, Encoding::Utf16);
            assert_eq!((p8.line, p8.character), utf8, "{text:?} {at}");
            assert_eq!((p16.line, p16.character), utf16, "{text:?} {at}");
            assert_eq!(offset(text, p8, Encoding::Utf8), at, "{text:?} {at}");
            assert_eq!(offset(text, p16, Encoding::Utf16), at, "{text:?} {at}");
        }
    }
}
