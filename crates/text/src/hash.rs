//! A fast hash for the short strings the rules count per text (words, lower-cased
//! words): FNV-1a. The standard library's SipHash guards against crafted keys, which
//! matters for a server's maps, not for counting the words of one article; for a word
//! of a few bytes FNV-1a costs a handful of instructions.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The FNV-1a hasher (64 bits).
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A [`HashMap`] hashed with [`Fnv`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A [`HashSet`] hashed with [`Fnv`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_count_as_the_standard_ones() {
        let words = ["le", "la", "le", "Debian", "debian", "", "é", "le"];
        let mut fast: FastMap<&str, usize> = FastMap::default();
        let mut std: HashMap<&str, usize> = HashMap::new();
        for w in words {
            *fast.entry(w).or_default() += 1;
            *std.entry(w).or_default() += 1;
        }
        assert_eq!(fast.len(), std.len());
        for (w, n) in &std {
            assert_eq!(fast[w], *n, "{w}");
        }
        // Known FNV-1a values.
        let hash = |s: &[u8]| {
            let mut h = Fnv::default();
            h.write(s);
            h.finish()
        };
        assert_eq!(hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
