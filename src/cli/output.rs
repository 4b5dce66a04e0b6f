//! What people read besides the findings: colour (`--color`, `NO_COLOR`), the progress
//! bar of long runs on a terminal, and the one-line summary at the end (`--quiet` turns
//! both off).

use crate::cli::input::Input;
use crate::cli::runner::Unit;
use anstream::ColorChoice;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::fmt::Display;
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// `--color`: when to colour the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorArg {
    /// On a terminal, unless `NO_COLOR` is set (or `TERM=dumb`; `CLICOLOR_FORCE` forces it)
    Auto,
    /// Always, even in a pipe
    Always,
    /// Never
    Never,
}

/// How a run talks to the person who started it.
#[derive(Debug, Clone)]
pub struct Output {
    /// Colour and the matched text in its line in text output.
    pub color: bool,
    /// No progress bar and no summary.
    pub quiet: bool,
    /// When the run started, for the summary.
    pub started: Instant,
    /// Whether standard error is a terminal (progress, and the summary of a filter).
    pub stderr_terminal: bool,
    /// How long a run goes before its progress bar appears.
    pub progress_delay: Duration,
}

impl Output {
    /// The output settings from `--color` and `--quiet`; `auto` follows anstream's
    /// rules for standard output (a terminal, `NO_COLOR`, `CLICOLOR_FORCE`, `TERM`).
    pub fn new(color: ColorArg, quiet: bool, progress_delay: Duration) -> Self {
        let color = match color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => anstream::AutoStream::choice(&std::io::stdout()) != ColorChoice::Never,
        };
        let stderr_terminal = std::io::stderr().is_terminal();
        Output { color, quiet, started: Instant::now(), stderr_terminal, progress_delay }
    }

    /// `glossfix: checked 3 files: …, 0.21 s` on standard error, unless `--quiet`.
    pub fn summary(&self, what: impl Display) {
        if !self.quiet {
            eprintln!("glossfix: {what}, {:.2} s", self.started.elapsed().as_secs_f64());
        }
    }

    /// A progress bar over `inputs`, drawn on standard error once the run has lasted
    /// [`Output::progress_delay`] (a second), only on a terminal, never with `--quiet` or
    /// under CI (`CI` set).
    pub fn progress(&self, inputs: &[Input]) -> Progress {
        let enabled = !self.quiet && self.stderr_terminal && std::env::var_os("CI").is_none();
        let sizes: Vec<u64> = inputs
            .iter()
            .map(|i| match i {
                Input::File(path) => std::fs::metadata(path).map_or(0, |m| m.len()),
                Input::Stdin => 0,
            })
            .collect();
        let bar = enabled.then(|| {
            let bar = ProgressBar::with_draw_target(Some(sizes.iter().sum()), ProgressDrawTarget::hidden());
            let style = ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {bytes_per_sec} {eta} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        Progress { bar, sizes, done: 0, started: self.started, delay: self.progress_delay, shown: false }
    }
}

/// The progress bar of one run (hidden when there is none to draw).
pub struct Progress {
    bar: Option<ProgressBar>,
    sizes: Vec<u64>,
    /// Bytes of the inputs finished.
    done: u64,
    started: Instant,
    delay: Duration,
    shown: bool,
}

impl Progress {
    /// One piece of `inputs[unit.input]` is done.
    pub fn advance(&mut self, unit: &Unit, name: &str) {
        let Some(bar) = &self.bar else { return };
        let size = self.sizes.get(unit.input).copied().unwrap_or(0);
        if unit.last {
            self.done += size;
            bar.set_position(self.done);
        } else {
            bar.set_position(self.done + (unit.offset.bytes as u64).min(size));
        }
        if !self.shown && self.started.elapsed() >= self.delay {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown = true;
        }
        if self.shown {
            bar.set_message(name.to_string());
        }
    }

    /// Runs `f` (which prints to standard error) with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) if self.shown => bar.suspend(f),
            _ => f(),
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// `1 file`, `3 files`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
