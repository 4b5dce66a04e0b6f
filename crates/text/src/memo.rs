//! Answers about a word remembered for a run and shared by its threads: what a rule
//! works out from the lexicons alone (a leak's French candidates, a misspelling's
//! corrections), or a glossary from its own entries (the name a spelling is a near-miss
//! of), does not depend on the text, and the articles of a run ask about the same words
//! again and again. Remembered per thread instead, each thread would work the same
//! answers out again, and two threads would gain less over one. A [`RunMemo`] belongs to
//! what it remembers for (the engine's rule memory, a compiled glossary's name index):
//! the library keeps no memory of its own between calls.

use crate::hash::FastMap;
use std::sync::{Mutex, OnceLock, PoisonError};

/// A memory of answers by word, forgotten all at once past `limit` words so that it stays
/// flat. The lock is held for a lookup or an insertion, never while an answer is worked
/// out: two threads may work out the same answer at once, and both get it.
pub struct RunMemo<V> {
    answers: OnceLock<Mutex<FastMap<String, V>>>,
    limit: usize,
}

impl<V> Clone for RunMemo<V> {
    /// An empty memory of the same size: a copy works its answers out afresh.
    fn clone(&self) -> Self {
        RunMemo::new(self.limit)
    }
}

impl<V> std::fmt::Debug for RunMemo<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let remembered = self.answers.get().map_or(0, |a| a.lock().unwrap_or_else(PoisonError::into_inner).len());
        f.debug_struct("RunMemo").field("remembered", &remembered).field("limit", &self.limit).finish()
    }
}

impl<V> Default for RunMemo<V> {
    /// An empty memory of at most 100,000 words.
    fn default() -> Self {
        RunMemo::new(100_000)
    }
}

impl<V> RunMemo<V> {
    /// An empty memory of at most `limit` words.
    pub const fn new(limit: usize) -> Self {
        RunMemo { answers: OnceLock::new(), limit }
    }
}

impl<V: Clone> RunMemo<V> {
    /// The answer remembered for `word`, else `answer()`, then remembered.
    pub fn get_or_insert_with(&self, word: &str, answer: impl FnOnce() -> V) -> V {
        let answers = self.answers.get_or_init(Default::default);
        let lock = || answers.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(known) = lock().get(word) {
            return known.clone();
        }
        let known = answer();
        let mut answers = lock();
        if answers.len() >= self.limit {
            answers.clear();
        }
        answers.insert(word.to_string(), known.clone());
        known
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_worked_out_once_until_memory_is_full() {
        let memo: RunMemo<usize> = RunMemo::new(2);
        let worked = std::cell::Cell::new(0);
        let ask = |word: &str| {
            memo.get_or_insert_with(word, || {
                worked.set(worked.get() + 1);
                word.len()
            })
        };
        assert_eq!((ask("le"), ask("le"), ask("les")), (2, 2, 3));
        assert_eq!(worked.get(), 2, "\"le\" once, \"les\" once");
        // A third word: memory starts again, and "le" is worked out again.
        assert_eq!((ask("des"), ask("le")), (3, 2));
        assert_eq!(worked.get(), 4);
    }

    #[test]
    fn threads_share_the_memory() {
        let memo: RunMemo<String> = RunMemo::new(100);
        let worked = Mutex::new(0);
        let work = |answer: &str| {
            *worked.lock().unwrap() += 1;
            answer.to_string()
        };
        memo.get_or_insert_with("program", || work("programme"));
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| assert_eq!(memo.get_or_insert_with("program", || work("other")), "programme"));
            }
        });
        assert_eq!(*worked.lock().unwrap(), 1);
        // A copy starts empty.
        assert_eq!(memo.clone().get_or_insert_with("program", || work("afresh")), "afresh");
    }
}
