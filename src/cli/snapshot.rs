//! `glossfix snapshot check|accept|review DIR`: snapshot tests for a user's own corpus,
//! without cargo. Each article's repairs, remaining findings and fixed text are stored
//! in insta's `.snap` format (`DIR/snapshots/NAME.snap`, or `--snapshots FOLDER`), so a
//! glossary change shows up as a diff. `check` writes each changed snapshot beside the
//! stored one as `NAME.snap.new`, as insta does, so `snapshot review` (or `cargo insta
//! review`) can take it from there.

use crate::cli::input::read_text;
use crate::cli::write::write_atomic;
use crate::cli::{Context, Exit, gather, render};
use clap::{Args, Subcommand};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use glossfix::Applicability;
use glossfix::Request;
use glossfix::report::{snap_body, snap_file, snapshot_body, unified_diff, word_diff};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum SnapshotCommand {
    /// Compare every article's repairs and fixed text with its stored snapshot; print
    /// the differences, leave each new snapshot as NAME.snap.new; exit 1 on any
    Check(SnapshotArgs),
    /// Store every article's snapshot as it is now
    Accept(SnapshotArgs),
    /// Walk through the differences in the terminal: accept, reject or skip each
    Review(SnapshotArgs),
}

#[derive(Args)]
pub struct SnapshotArgs {
    /// The folder of articles (walked for *.txt and *.md)
    dir: PathBuf,
    /// Where the snapshots are [default: DIR/snapshots]
    #[arg(long, value_name = "FOLDER")]
    snapshots: Option<PathBuf>,
}

/// One article and its snapshot.
struct Article {
    /// The article's path relative to DIR, as the snapshot names it.
    name: String,
    /// The stored snapshot file.
    snap: PathBuf,
    /// The snapshot as stored (its body), if there is one.
    stored: Option<String>,
    /// The snapshot as it is now.
    fresh: String,
}

impl Article {
    fn changed(&self) -> bool {
        self.stored.as_deref() != Some(self.fresh.trim_end_matches(['\n', '\r']))
    }

    /// `snapshots/NAME.snap.new`.
    fn pending(&self) -> PathBuf {
        let mut name = self.snap.as_os_str().to_owned();
        name.push(".new");
        PathBuf::from(name)
    }

    /// The snapshot's body as stored and as it is now, each ending with one line break.
    fn old_and_new(&self) -> (String, String) {
        let old = self.stored.as_deref().map(|s| format!("{s}\n")).unwrap_or_default();
        (old, format!("{}\n", self.fresh.trim_end_matches(['\n', '\r'])))
    }

    /// The difference, as a unified diff of the snapshot's body.
    fn diff(&self) -> String {
        let (old, new) = self.old_and_new();
        let diff = unified_diff(&self.snap.display().to_string(), &old, &new);
        if self.stored.is_none() { format!("new snapshot {}\n{diff}", self.snap.display()) } else { diff }
    }
}

pub fn run(command: SnapshotCommand, cx: &Context) -> Exit {
    let (args, what) = match &command {
        SnapshotCommand::Check(a) => (a, "check"),
        SnapshotCommand::Accept(a) => (a, "accept"),
        SnapshotCommand::Review(a) => (a, "review"),
    };
    if what == "review" && (!std::io::stdin().is_terminal() || !std::io::stdout().is_terminal()) {
        render::error("snapshot review needs a terminal (standard input and output); use snapshot check or accept");
        return Exit::Error;
    }
    if !args.dir.is_dir() {
        render::error(format!("{}: not a folder", args.dir.display()));
        return Exit::Error;
    }
    let folder = args.snapshots.clone().unwrap_or_else(|| args.dir.join("snapshots"));
    let articles = match articles(&args.dir, &folder, cx) {
        Ok(a) => a,
        Err(exit) => return exit,
    };
    match command {
        SnapshotCommand::Check(_) => check(&articles, cx),
        SnapshotCommand::Accept(_) => accept(&articles, cx),
        SnapshotCommand::Review(_) => review(&articles, cx),
    }
}

/// Every article of `dir` (not those in the snapshot folder) with its snapshot now and
/// as stored.
fn articles(dir: &Path, folder: &Path, cx: &Context) -> Result<Vec<Article>, Exit> {
    // The snapshot folder, when it is inside the articles' folder, is not walked.
    let mut walk = cx.walk.clone();
    if let Ok(inside) = folder.strip_prefix(dir) {
        walk.exclude.push(format!("/{}/", inside.display()));
    }
    let (inputs, exit) = gather(&[dir.to_path_buf()], &walk);
    if exit != Exit::Clean {
        return Err(exit);
    }
    let mut out = Vec::new();
    for input in inputs {
        let crate::cli::input::Input::File(path) = input else { continue };
        if path.starts_with(folder) {
            continue;
        }
        let text = read_text(&path).map_err(|e| {
            render::error(e);
            Exit::Error
        })?;
        let name = path.strip_prefix(dir).unwrap_or(&path).display().to_string();
        let request = Request { markup: cx.markup.of(&name), ..Request::default() };
        let (findings, fixed) = match cx.engine.run(&text, &request) {
            Ok(outcome) => (outcome.findings, outcome.text),
            Err(e) => {
                render::error(render::not_converged(&path.display().to_string(), cx.engine.glossary(), &e));
                return Err(Exit::Error);
            }
        };
        let fresh = snapshot_body(&text, cx.engine.glossary(), &findings, Applicability::Safe, &fixed);
        let snap = folder.join(format!("{}.snap", name.replace(['/', '\\'], "__")));
        let stored = std::fs::read_to_string(&snap).ok().map(|s| snap_body(&s).to_string());
        out.push(Article { name, snap, stored, fresh });
    }
    Ok(out)
}

fn write_snapshot(article: &Article, path: &Path, cx: &Context) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    write_atomic(path, &snap_file(&article.name, &article.fresh), None, &cx.write).map_err(|e| e.to_string())
}

fn remove_pending(article: &Article) {
    let _ = std::fs::remove_file(article.pending());
}

fn check(articles: &[Article], cx: &Context) -> Exit {
    let mut changed = 0;
    let mut stdout = std::io::stdout().lock();
    for article in articles {
        if !article.changed() {
            remove_pending(article);
            continue;
        }
        changed += 1;
        let _ = stdout.write_all(article.diff().as_bytes());
        if let Err(e) = write_snapshot(article, &article.pending(), cx) {
            render::error(e);
            return Exit::Error;
        }
    }
    let _ = stdout.flush();
    cx.output.summary(format!("{changed} of {} snapshots differ", articles.len()));
    if changed > 0 { Exit::Found } else { Exit::Clean }
}

fn accept(articles: &[Article], cx: &Context) -> Exit {
    let mut written = 0;
    for article in articles.iter().filter(|a| a.changed()) {
        if let Err(e) = write_snapshot(article, &article.snap, cx) {
            render::error(e);
            return Exit::Error;
        }
        remove_pending(article);
        written += 1;
    }
    cx.output.summary(format!("accepted {written} of {} snapshots", articles.len()));
    Exit::Clean
}

/// What the person chose for one difference.
enum Choice {
    Accept,
    Reject,
    Skip,
    Quit,
}

fn review(articles: &[Article], cx: &Context) -> Exit {
    let changed: Vec<&Article> = articles.iter().filter(|a| a.changed()).collect();
    let (mut accepted, mut rejected, mut skipped) = (0, 0, 0);
    let result = (|| -> Result<(), String> {
        let _raw = crate::cli::review::RawMode::on().map_err(|e| format!("the terminal: {e}"))?;
        for (n, article) in changed.iter().enumerate() {
            // The changed words, not whole paragraphs twice; the header again at the
            // bottom, where the keys are, when the changes fill more than a screen.
            let header = format!("snapshot {} of {}: {}", n + 1, changed.len(), article.name);
            let (old, new) = article.old_and_new();
            let words = word_diff("line", &old, &new, cx.output.color).replace('\n', "\r\n");
            let screen = format!("{header}\r\n\r\n{words}\r\n{header}: a accept  r reject  s skip  q quit\r\n");
            let mut out = std::io::stdout().lock();
            write!(out, "\x1b[2J\x1b[H{screen}").map_err(|e| e.to_string())?;
            out.flush().map_err(|e| e.to_string())?;
            match read_choice().map_err(|e| e.to_string())? {
                Choice::Accept => {
                    write_snapshot(article, &article.snap, cx)?;
                    remove_pending(article);
                    accepted += 1;
                }
                Choice::Reject => {
                    remove_pending(article);
                    rejected += 1;
                }
                Choice::Skip => {
                    write_snapshot(article, &article.pending(), cx)?;
                    skipped += 1;
                }
                Choice::Quit => break,
            }
        }
        Ok(())
    })();
    if let Err(e) = result {
        render::error(e);
        return Exit::Error;
    }
    render::status(format!("accepted {accepted}, rejected {rejected}, skipped {skipped}"));
    if accepted + rejected < changed.len() { Exit::Found } else { Exit::Clean }
}

fn read_choice() -> std::io::Result<Choice> {
    loop {
        let Event::Key(KeyEvent { code, modifiers, kind, .. }) = crossterm::event::read()? else { continue };
        if kind != KeyEventKind::Press {
            continue;
        }
        return Ok(match code {
            KeyCode::Char('c') if modifiers.contains(KeyModifiers::CONTROL) => Choice::Quit,
            KeyCode::Char('a') => Choice::Accept,
            KeyCode::Char('r') => Choice::Reject,
            KeyCode::Char('s') | KeyCode::Char(' ') => Choice::Skip,
            KeyCode::Char('q') | KeyCode::Esc => Choice::Quit,
            _ => continue,
        });
    }
}
