//! `check --jsonl` and `fix --jsonl`: JSON Lines in, JSON Lines out, one output line per
//! input line and in input order. Each input line is an object with a text field (and
//! usually an id); the output line is the same bytes with the text field's value
//! replaced by the repaired text (`fix`), or with a `findings` array added (`check`).
//! Every other field, the key order and the spacing are kept as they were. A line that
//! is not such an object gives `{"error": …, "line": N, "input": …}` and the run goes
//! on (exit 2 at the end). Lines are processed in batches on every core through the
//! ordered runner, so memory stays bounded whatever the input's size.

use crate::cli::input::{FileError, Input, describe_io_error};
use crate::cli::runner::ordered;
use crate::cli::{Context, Exit, finish_output, render};
use glossfix::report::locate;
use glossfix::{Applicability, Markup, Request};
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};

/// `--jsonl` and the names of its fields, shared by `check` and `fix`.
#[derive(clap::Args, Debug, Clone)]
pub struct JsonlArgs {
    /// Read JSON Lines: each line an object with an id and a text field; write each
    /// line back with the text repaired (fix) or a `findings` array added (check)
    #[arg(long)]
    pub jsonl: bool,
    /// With --jsonl: the field holding the article's id
    #[arg(long, value_name = "NAME", default_value = "id", requires = "jsonl")]
    pub id_field: String,
    /// With --jsonl: the field holding the article's text
    #[arg(long, value_name = "NAME", default_value = "text", requires = "jsonl")]
    pub text_field: String,
}

impl JsonlArgs {
    /// The field names, when `--jsonl` is on.
    pub fn fields(&self) -> Option<Fields> {
        self.jsonl.then(|| Fields { id: self.id_field.clone(), text: self.text_field.clone() })
    }
}

/// The names of the fields (`--id-field`, `--text-field`).
#[derive(Debug, Clone)]
pub struct Fields {
    /// The article's id, named in error lines.
    pub id: String,
    /// The article's text.
    pub text: String,
}

/// What to do with each article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// Add a `findings` array.
    Check,
    /// Replace the text with the repaired text, applying fixes up to this level.
    Fix(Applicability),
}

/// Lines read before a batch goes to a worker, and bytes.
const BATCH_LINES: usize = 512;
const BATCH_BYTES: usize = 1 << 20;

/// A run of input lines: where the first one is, and the lines with their line breaks.
struct Batch {
    input: usize,
    first_line: usize,
    lines: Vec<Vec<u8>>,
}

/// What a batch gave.
struct Done {
    out: Vec<u8>,
    findings: usize,
    changed: usize,
    errors: Vec<String>,
}

/// Runs `job` over every line of `inputs`, writing to standard output.
pub fn run(inputs: &[Input], job: Job, fields: &Fields, cx: &Context) -> Exit {
    let mut exit = Exit::Clean;
    let mut stdout = io::stdout().lock();
    let (mut articles, mut changed, mut findings) = (0usize, 0usize, 0usize);
    let mut read_errors: Vec<FileError> = Vec::new();
    let result = {
        let read_errors = &mut read_errors;
        ordered(
            cx.jobs,
            &cx.interrupt,
            move |send| {
                for (index, input) in inputs.iter().enumerate() {
                    if let Err(e) = read_batches(index, input, send) {
                        read_errors.push(e);
                    }
                }
            },
            |batch: Batch| process(&batch, job, fields, cx, inputs),
            |done: Done| {
                articles += done.out.iter().filter(|&&b| b == b'\n').count();
                changed += done.changed;
                findings += done.findings;
                for e in &done.errors {
                    render::error(e);
                    exit = exit.max(Exit::Error);
                }
                stdout.write_all(&done.out)
            },
        )
    };
    for e in read_errors {
        render::error(e);
        exit = exit.max(Exit::Error);
    }
    if job == Job::Check && findings > 0 {
        exit = exit.max(Exit::Found);
    }
    let exit = finish_output(result.and_then(|()| stdout.flush()), exit);
    let summary = match job {
        Job::Check => format!("checked {articles} lines: {findings} findings"),
        Job::Fix(_) => format!("repaired {changed} of {articles} lines"),
    };
    cx.output.summary(summary);
    exit
}

/// Reads `input` line by line and sends it in batches; false from `send` stops.
fn read_batches(index: usize, input: &Input, send: &mut dyn FnMut(Batch) -> bool) -> Result<(), FileError> {
    let path = input.path().to_path_buf();
    let mut reader: Box<dyn BufRead> = match input {
        Input::Stdin => Box::new(io::BufReader::with_capacity(1 << 20, io::stdin())),
        Input::File(p) => {
            let file = std::fs::File::open(p).map_err(|e| FileError::new(p, describe_io_error(&e)))?;
            Box::new(io::BufReader::with_capacity(1 << 20, file))
        }
    };
    let mut batch = Batch { input: index, first_line: 1, lines: Vec::new() };
    let mut bytes = 0;
    let mut line_no = 1;
    loop {
        let mut line = Vec::new();
        let n = reader.read_until(b'\n', &mut line).map_err(|e| FileError::new(&path, describe_io_error(&e)))?;
        if n == 0 {
            break;
        }
        bytes += n;
        batch.lines.push(line);
        line_no += 1;
        if batch.lines.len() >= BATCH_LINES || bytes >= BATCH_BYTES {
            let next = Batch { input: index, first_line: line_no, lines: Vec::new() };
            if !send(std::mem::replace(&mut batch, next)) {
                return Ok(());
            }
            bytes = 0;
        }
    }
    if !batch.lines.is_empty() {
        send(batch);
    }
    Ok(())
}

fn process(batch: &Batch, job: Job, fields: &Fields, cx: &Context, inputs: &[Input]) -> Done {
    let name = inputs[batch.input].name();
    let mut done = Done { out: Vec::new(), findings: 0, changed: 0, errors: Vec::new() };
    for (k, raw) in batch.lines.iter().enumerate() {
        let line_no = batch.first_line + k;
        let body = raw.strip_suffix(b"\n").unwrap_or(raw);
        let body = body.strip_suffix(b"\r").unwrap_or(body);
        if body.iter().all(u8::is_ascii_whitespace) {
            done.out.extend_from_slice(body);
            done.out.push(b'\n');
            continue;
        }
        match line(body, job, fields, cx) {
            Ok(Line { out, findings, changed }) => {
                done.out.extend_from_slice(out.as_bytes());
                done.findings += findings;
                done.changed += usize::from(changed);
            }
            Err(message) => {
                let input = String::from_utf8_lossy(body);
                let error = serde_json::json!({"error": message, "line": line_no, "input": input});
                done.out.extend_from_slice(error.to_string().as_bytes());
                done.errors.push(format!("{name}:{line_no}: {message}"));
            }
        }
        done.out.push(b'\n');
    }
    done
}

/// One line's output.
struct Line {
    out: String,
    findings: usize,
    changed: bool,
}

/// The output for one input line (without its line break), or why it has none.
fn line(body: &[u8], job: Job, fields: &Fields, cx: &Context) -> Result<Line, String> {
    let body = std::str::from_utf8(body).map_err(|e| {
        format!("not UTF-8: invalid byte 0x{:02X} at offset {}", body[e.valid_up_to()], e.valid_up_to())
    })?;
    let object: BTreeMap<String, &RawValue> = serde_json::from_str(body).map_err(|e| {
        if body.trim_start().starts_with('{') { format!("not JSON: {e}") } else { "not a JSON object".to_string() }
    })?;
    let field = object.get(&fields.text).ok_or_else(|| format!("no {:?} field", fields.text))?;
    let text: String =
        serde_json::from_str(field.get()).map_err(|_| format!("the {:?} field is not a string", fields.text))?;
    // Where the text's value sits in the line: the raw value borrows from it.
    let at = field.get().as_ptr() as usize - body.as_ptr() as usize;
    let value_span = at..at + field.get().len();
    let id = object.get(&fields.id).map(|v| v.get().to_string()).unwrap_or_default();
    match job {
        Job::Fix(level) => {
            let request = Request { level, markup: Markup::Plain, ..Request::default() };
            let outcome = cx
                .engine
                .run(&text, &request)
                .map_err(|_| format!("article {id}: its repairs do not converge; left as it was"))?;
            if outcome.text == text {
                return Ok(Line { out: body.to_string(), findings: 0, changed: false });
            }
            let value = serde_json::to_string(&outcome.text).map_err(|e| e.to_string())?;
            let out = format!("{}{value}{}", &body[..value_span.start], &body[value_span.end..]);
            Ok(Line { out, findings: 0, changed: true })
        }
        Job::Check => {
            let request = Request { markup: Markup::Plain, ..Request::default() };
            let found = match cx.engine.run(&text, &request) {
                Ok(outcome) => outcome.findings,
                Err(e) => e.findings,
            };
            let located = locate("", &text, cx.engine.glossary(), &found, Default::default());
            // No path: the record places its findings.
            let findings = serde_json::to_string(&located).map_err(|e| e.to_string())?;
            Ok(Line { out: with_field(body, &object, "findings", &findings), findings: found.len(), changed: false })
        }
    }
}

/// `body` (a JSON object) with `key` set to the JSON `value`: its old value replaced in
/// place, or the key added before the closing brace.
fn with_field(body: &str, object: &BTreeMap<String, &RawValue>, key: &str, value: &str) -> String {
    if let Some(old) = object.get(key) {
        let at = old.get().as_ptr() as usize - body.as_ptr() as usize;
        return format!("{}{value}{}", &body[..at], &body[at + old.get().len()..]);
    }
    let close = body.rfind('}').unwrap_or(body.len());
    let head = body[..close].trim_end();
    let comma = if head.ends_with('{') { "" } else { "," };
    format!("{head}{comma}\"{key}\":{value}{}", &body[close..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_field_table() {
        // (object, key, value, result)
        let cases: &[(&str, &str, &str, &str)] = &[
            (r#"{"id": 1, "text": "a"}"#, "findings", "[]", r#"{"id": 1, "text": "a","findings":[]}"#),
            (r#"{"id":1,"findings":[1],"text":"a"}"#, "findings", "[]", r#"{"id":1,"findings":[],"text":"a"}"#),
            ("{}", "findings", "[]", r#"{"findings":[]}"#),
            ("{ }  ", "findings", "[]", r#"{"findings":[]}  "#),
        ];
        for &(body, key, value, want) in cases {
            let object: BTreeMap<String, &RawValue> = serde_json::from_str(body).unwrap();
            assert_eq!(with_field(body, &object, key, value), want, "{body}");
        }
    }
}
