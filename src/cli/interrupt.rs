//! Ctrl-C and SIGTERM: the one piece of process state glossfix keeps. The runner stops
//! starting new work, and a write in progress is abandoned before its rename, so no file
//! is left half-written.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once the user asked glossfix to stop.
#[derive(Clone, Debug, Default)]
pub struct Interrupt(Arc<AtomicBool>);

impl Interrupt {
    /// A handle set by Ctrl-C and SIGTERM (when the handler can be installed).
    pub fn install() -> Self {
        let interrupt = Interrupt::default();
        let flag = interrupt.0.clone();
        let _ = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed));
        interrupt
    }

    /// Asks everything holding this handle to stop.
    pub fn request(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// True once the user asked to stop.
    pub fn requested(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}
