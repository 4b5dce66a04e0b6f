//! `glossfix review`: every finding `fix` does not apply, one at a time, in the terminal,
//! in the manner of `cargo insta review`. The person accepts a candidate, types another
//! replacement, skips (this finding, every finding of its rule, or every finding of the
//! same text), adds the last choice to the glossary (as a `[[fix]]` or as a variant of a
//! term, through the code of `glossary add`), undoes the last choice, or quits. A file's
//! accepted changes are written atomically when the file is done, or on quit; never a
//! half-reviewed file.

use crate::cli::input::{Stamp, read_text};
use crate::cli::write::write_atomic;
use crate::cli::{Context, Exit, discover_glossary, gather, load_engine, render};
use clap::Args;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::terminal;
use glossfix::{Edit, Engine, Finding, Request, apply_edits};
use glossfix_maintain::edit::{NewFix, add_fix, add_term};
use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct ReviewArgs {
    /// Files or folders (folders are walked for *.txt and *.md)
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

/// One choice made on a finding.
#[derive(Debug, Clone)]
struct Choice {
    /// The finding's index in the file's list.
    at: usize,
    /// The edit accepted.
    edit: Edit,
    /// The text it replaces.
    find: String,
    /// The glossary as it was before this choice was added to it (for undo).
    glossary_before: Option<String>,
}

/// What the person asked for at one finding.
enum Key {
    Candidate(usize),
    Type,
    Skip,
    SkipRule,
    SkipWord,
    AddFix,
    AddTerm,
    Undo,
    Quit,
}

/// Raw mode for the time it lives: the terminal is restored however the review ends.
pub struct RawMode;

impl RawMode {
    /// Turns raw mode on.
    pub fn on() -> std::io::Result<RawMode> {
        terminal::enable_raw_mode()?;
        Ok(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = terminal::disable_raw_mode();
    }
}

pub fn run(args: &ReviewArgs, cx: &Context, explicit: Option<&Path>) -> Exit {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        render::error("review needs a terminal (standard input and output); in a script, use check, or fix --unsafe");
        return Exit::Error;
    }
    let (inputs, mut exit) = gather(&args.paths, &cx.walk);
    let glossary_path = explicit.map(Path::to_path_buf).or_else(discover_glossary);
    let mut review = Review {
        engine: None,
        explicit,
        glossary_path,
        skipped_rules: HashSet::new(),
        skipped_words: HashSet::new(),
        status: String::new(),
        files: inputs.len(),
    };
    for (n, input) in inputs.iter().enumerate() {
        let crate::cli::input::Input::File(path) = input else {
            render::error("review works on files, not standard input");
            return Exit::Error;
        };
        match review.file(path, n, cx) {
            Ok(Flow::Next) => {}
            Ok(Flow::Quit) => break,
            Err(e) => {
                render::error(e);
                exit = exit.max(Exit::Error);
            }
        }
    }
    exit
}

enum Flow {
    Next,
    Quit,
}

struct Review<'a> {
    /// The engine, loaded again after the glossary changed (`None`: use the context's).
    engine: Option<Engine>,
    explicit: Option<&'a Path>,
    glossary_path: Option<PathBuf>,
    skipped_rules: HashSet<String>,
    skipped_words: HashSet<String>,
    /// A line shown above the keys (what the last key did).
    status: String,
    files: usize,
}

impl Review<'_> {
    /// Reviews one file; writes its accepted changes when it is done or on quit.
    fn file(&mut self, path: &Path, n: usize, cx: &Context) -> Result<Flow, String> {
        let stamp = Stamp::of(path).ok();
        let text = read_text(path).map_err(|e| e.to_string())?;
        let name = path.display().to_string();
        let engine = self.engine.as_ref().unwrap_or(&cx.engine);
        let request = Request { markup: cx.markup.of(&name), ..Request::default() };
        let findings: Vec<Finding> = match engine.run(&text, &request) {
            Ok(outcome) => outcome.findings,
            Err(e) => e.findings,
        };
        // What `fix` does not apply: suggestions and reports.
        let open: Vec<Finding> = findings.into_iter().filter(|f| f.safe_fix().is_none()).collect();
        let mut choices: Vec<Choice> = Vec::new();
        let mut at = 0;
        let flow = {
            let _raw = RawMode::on().map_err(|e| format!("the terminal: {e}"))?;
            loop {
                let Some(f) = open.get(at) else { break Flow::Next };
                let word = text[f.span.start..f.span.end].to_lowercase();
                let taken = choices.iter().any(|c| c.edit.span.start < f.span.end && f.span.start < c.edit.span.end);
                if self.skipped_rules.contains(f.rule.as_str()) || self.skipped_words.contains(&word) || taken {
                    at += 1;
                    continue;
                }
                let candidates = f.candidates();
                self.show(&name, n, &text, f, at, open.len(), &candidates, choices.last())
                    .map_err(|e| e.to_string())?;
                let key = read_key(candidates.len()).map_err(|e| e.to_string())?;
                self.status.clear();
                let span = f.fix.as_ref().filter(|fix| fix.edits().len() == 1).map_or(f.span, |fix| fix.span());
                let choose = |replacement: String| Choice {
                    at,
                    edit: Edit::replace(span, replacement),
                    find: text[span.start..span.end].to_string(),
                    glossary_before: None,
                };
                match key {
                    Key::Candidate(k) => {
                        choices.push(choose(candidates[k].clone()));
                        at += 1;
                    }
                    Key::Type => {
                        let typed = prompt("replacement: ").map_err(|e| e.to_string())?;
                        if let Some(typed) = typed {
                            choices.push(choose(typed));
                            at += 1;
                        } else {
                            self.status = "nothing typed: the finding is unchanged".to_string();
                        }
                    }
                    Key::Skip => at += 1,
                    Key::SkipRule => {
                        self.status = format!("skipping every {} finding", f.rule);
                        self.skipped_rules.insert(f.rule.to_string());
                        at += 1;
                    }
                    Key::SkipWord => {
                        self.status = format!("skipping every finding on {word:?}");
                        self.skipped_words.insert(word);
                        at += 1;
                    }
                    Key::AddFix | Key::AddTerm => {
                        let term = matches!(key, Key::AddTerm);
                        self.status = match choices.last_mut() {
                            None => "no choice yet to add to the glossary".to_string(),
                            Some(choice) if choice.glossary_before.is_some() => "already added".to_string(),
                            Some(choice) => match self.add_to_glossary(choice, term, cx) {
                                Ok(message) | Err(message) => message,
                            },
                        };
                    }
                    Key::Undo => match choices.pop() {
                        Some(choice) => {
                            at = choice.at;
                            self.status = format!("undone: {:?} -> {:?}", choice.find, choice.edit.replacement);
                            if let (Some(before), Some(path)) = (&choice.glossary_before, &self.glossary_path) {
                                write_atomic(path, before, None, &cx.write).map_err(|e| e.to_string())?;
                                self.reload();
                                self.status.push_str(", and taken out of the glossary");
                            }
                        }
                        None => self.status = "nothing to undo in this file".to_string(),
                    },
                    Key::Quit => break Flow::Quit,
                }
            }
        };
        let edits: Vec<Edit> = choices.into_iter().map(|c| c.edit).collect();
        if !edits.is_empty() {
            let applied = apply_edits(&text, &edits);
            write_atomic(path, &applied.text, stamp, &cx.write).map_err(|e| e.to_string())?;
            render::status(format!("reviewed {name}: {} changes written", applied.taken.len()));
        }
        Ok(flow)
    }

    /// Adds the choice to the glossary file: a `[[fix]]` (find → replace, among French
    /// words), or `find` as a variant of the term `replace`.
    fn add_to_glossary(&mut self, choice: &mut Choice, term: bool, cx: &Context) -> Result<String, String> {
        let Some(path) = self.glossary_path.clone() else {
            return Err("no glossary.toml here or above: give one with --glossary".to_string());
        };
        let source = read_text(&path).map_err(|e| e.to_string())?;
        let origin = path.display().to_string();
        let (find, replace) = (choice.find.clone(), choice.edit.replacement.clone());
        let updated = if term {
            add_term(&source, &origin, &replace, std::slice::from_ref(&find), Some("added in review"))
        } else {
            let fix = NewFix {
                find: find.clone(),
                replace: replace.clone(),
                note: Some("added in review".to_string()),
                french: true,
                safe: true,
            };
            add_fix(&source, &origin, &fix)
        }
        .map_err(|e| format!("not added: {e}"))?;
        write_atomic(&path, &updated, None, &cx.write).map_err(|e| e.to_string())?;
        choice.glossary_before = Some(source);
        self.reload();
        let what = if term { "as a variant of the term" } else { "as a [[fix]]" };
        Ok(format!("added {find:?} -> {replace:?} to {} {what}", path.display()))
    }

    /// Loads the glossary again after a change, for the files still to review.
    fn reload(&mut self) {
        let path = self.glossary_path.as_deref().or(self.explicit);
        if let Ok(engine) = load_engine(&path.map(Path::to_path_buf).into_iter().collect::<Vec<_>>()) {
            self.engine = Some(engine);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn show(
        &self,
        name: &str,
        n: usize,
        text: &str,
        f: &Finding,
        at: usize,
        total: usize,
        candidates: &[String],
        last: Option<&Choice>,
    ) -> std::io::Result<()> {
        let mut out = std::io::stdout().lock();
        let highlight = anstyle::Style::new().bold().underline().fg_color(Some(anstyle::AnsiColor::Red.into()));
        let bold = anstyle::Style::new().bold();
        let dim = anstyle::Style::new().dimmed();
        let mut screen = String::new();
        let line = |s: &mut String, l: String| {
            s.push_str(&l);
            s.push_str("\r\n");
        };
        line(
            &mut screen,
            format!(
                "{}{name}{} (file {} of {}), finding {} of {total}",
                bold.render(),
                bold.render_reset(),
                n + 1,
                self.files,
                at + 1
            ),
        );
        line(&mut screen, format!("{}: {}", f.rule, f.message));
        line(&mut screen, String::new());
        let (before, matched, after) = around(text, f.span.start, f.span.end);
        line(&mut screen, format!("  {before}{}{matched}{}{after}", highlight.render(), highlight.render_reset()));
        line(&mut screen, String::new());
        for (k, c) in candidates.iter().take(9).enumerate() {
            line(&mut screen, format!("  {}) {c}", k + 1));
        }
        if candidates.is_empty() {
            line(&mut screen, "  (no candidate: type one with e, or skip)".to_string());
        }
        line(&mut screen, String::new());
        if let Some(choice) = last {
            line(&mut screen, format!("last choice: {:?} -> {:?}", choice.find, choice.edit.replacement));
        }
        if !self.status.is_empty() {
            line(&mut screen, self.status.clone());
        }
        line(
            &mut screen,
            format!(
                "{}1-9 accept  e type  s skip  r skip rule  w skip word  g add last choice as [[fix]]  t as term variant  u undo  q quit{}",
                dim.render(),
                dim.render_reset()
            ),
        );
        write!(out, "\x1b[2J\x1b[H{screen}")?;
        out.flush()
    }
}

/// The line around `[start, end)`, up to 60 characters each side (report's
/// `context_around`): (before, matched, after).
fn around(text: &str, start: usize, end: usize) -> (String, String, String) {
    let (before, after) = glossfix::report::context_around(text, start, end, 60);
    let matched = if start == end { "‸".to_string() } else { glossfix_text::display::one_line(&text[start..end]) };
    (before, matched, after)
}

/// Waits for a key the review knows.
fn read_key(candidates: usize) -> std::io::Result<Key> {
    loop {
        let Event::Key(KeyEvent { code, modifiers, kind, .. }) = crossterm::event::read()? else { continue };
        if kind != KeyEventKind::Press {
            continue;
        }
        if modifiers.contains(KeyModifiers::CONTROL) && code == KeyCode::Char('c') {
            return Ok(Key::Quit);
        }
        let key = match code {
            KeyCode::Char(c @ '1'..='9') if (c as usize - '1' as usize) < candidates => {
                Key::Candidate(c as usize - '1' as usize)
            }
            KeyCode::Char('e') => Key::Type,
            KeyCode::Char('s' | ' ') | KeyCode::Enter => Key::Skip,
            KeyCode::Char('r') => Key::SkipRule,
            KeyCode::Char('w') => Key::SkipWord,
            KeyCode::Char('g') => Key::AddFix,
            KeyCode::Char('t') => Key::AddTerm,
            KeyCode::Char('u') => Key::Undo,
            KeyCode::Char('q') | KeyCode::Esc => Key::Quit,
            _ => continue,
        };
        return Ok(key);
    }
}

/// A line typed after `label` (raw mode: the keys are echoed here); `None` when empty or
/// abandoned with Esc.
fn prompt(label: &str) -> std::io::Result<Option<String>> {
    let mut out = std::io::stdout().lock();
    write!(out, "\r\n{label}")?;
    out.flush()?;
    let mut typed = String::new();
    loop {
        let Event::Key(KeyEvent { code, kind, .. }) = crossterm::event::read()? else { continue };
        if kind != KeyEventKind::Press {
            continue;
        }
        match code {
            KeyCode::Enter => break,
            KeyCode::Esc => return Ok(None),
            KeyCode::Backspace if typed.pop().is_some() => write!(out, "\x08 \x08")?,
            KeyCode::Char(c) => {
                typed.push(c);
                write!(out, "{c}")?;
            }
            _ => {}
        }
        out.flush()?;
    }
    Ok(Some(typed).filter(|t| !t.is_empty()))
}
