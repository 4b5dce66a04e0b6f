//! Folding: one function, [`fold`], and one view of a whole text with a map back to its
//! original offsets, [`Folded`], both following a [`Fold`].
//!
//! Every fold canonically decomposes (NFD), reads ’ (U+2019) and ʼ (U+02BC) as `'`, and
//! reads any run of white space (space, tab, line breaks, NBSP, narrow NBSP) as one
//! space. A [`Fold`] adds lower-casing, dropping accents, and reading hyphens and
//! apostrophes as spaces, as each comparison needs:
//!
//! | fold | used for | "Kim Jong-Un l’a dit" reads |
//! |---|---|---|
//! | [`Fold::MATCH`] | glossary patterns and the text they search | `kim jong-un l'a dit` |
//! | [`Fold::EXACT`] | patterns with capitals, which match their exact case | `Kim Jong-Un l'a dit` |
//! | [`Fold::BARE`] | word comparisons without accents: cognates, sort keys | `kim jong-un l'a dit` (no accents) |
//! | [`Fold::NAME`] | names, whatever their hyphens: near-misses, alignment anchors | `kim jong un l a dit` |

use crate::chars::{is_apostrophe, is_combining_mark, is_hyphen};
use crate::span::Span;
use unicode_normalization::char::decompose_canonical;

/// How a text is folded for comparison (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fold {
    /// Lower-case every letter.
    pub lower: bool,
    /// Drop accents and other combining marks: "é" reads "e".
    pub strip_marks: bool,
    /// Read hyphens and apostrophes as spaces: "Jong-Un" reads "jong un".
    pub separators_as_space: bool,
}

impl Fold {
    /// Lower case, accents kept: what the glossary automaton searches.
    pub const MATCH: Fold = Fold { lower: true, strip_marks: false, separators_as_space: false };
    /// Case and accents kept: a pattern with capitals matches exactly this.
    pub const EXACT: Fold = Fold { lower: false, strip_marks: false, separators_as_space: false };
    /// Lower case without accents.
    pub const BARE: Fold = Fold { lower: true, strip_marks: true, separators_as_space: false };
    /// Lower case without accents, hyphens and apostrophes read as spaces.
    pub const NAME: Fold = Fold { lower: true, strip_marks: true, separators_as_space: true };
}

/// Folds `s` as `how` says, without leading or trailing white space.
///
/// ```
/// use glossfix_text::fold::{fold, Fold};
/// assert_eq!(fold(" Kim  Jong-Un ", Fold::NAME), "kim jong un");
/// assert_eq!(fold("Sergueï Choïgou", Fold::BARE), "serguei choigou");
/// assert_eq!(fold("L’Élan", Fold::MATCH), "l'e\u{301}lan");
/// ```
pub fn fold(s: &str, how: Fold) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, how, &mut out, |_, _| {});
    let trimmed_end = out.trim_end_matches(' ').len();
    out.truncate(trimmed_end);
    match out.strip_prefix(' ') {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

/// The folding core: appends the folded form of `original` to `out`, calling
/// `origin(offset, folded_len)` after each original character (its byte offset, and the
/// length of `out` once it is folded).
fn fold_into(original: &str, how: Fold, out: &mut String, mut origin: impl FnMut(usize, usize)) {
    let mut in_space = false;
    for (offset, c) in original.char_indices() {
        fold_next(c, how, out, &mut in_space);
        origin(offset, out.len());
    }
}

/// Appends the fold of `c`, the next character of a text, to `out`: a separator after
/// another (`in_space`) adds nothing, a first one a space.
fn fold_next(c: char, how: Fold, out: &mut String, in_space: &mut bool) {
    if separates(c, how) {
        if !*in_space {
            out.push(' ');
        }
        *in_space = true;
    } else {
        *in_space = false;
        fold_char(c, how, out);
    }
}

/// Whether `c` reads as a space under `how`: white space always, hyphens and
/// apostrophes when the fold reads them so. A run of them folds to one space.
fn separates(c: char, how: Fold) -> bool {
    c.is_whitespace() || (how.separators_as_space && (is_hyphen(c) || is_apostrophe(c)))
}

/// The characters whose folds are remembered: Latin-1 and Latin Extended-A and -B, where
/// nearly every accented letter of French (and of the names it writes) is.
const REMEMBERED: usize = 0x250;

/// What [`Folded::new`] and [`fold_char`] look up for one fold, worked out once per fold:
/// folding a French text asks for the same few accented letters again and again.
struct Tables {
    /// The fold of each character under [`REMEMBERED`].
    folds: Vec<Box<str>>,
    /// Whether each character under [`REMEMBERED`] is a separator.
    separators: Vec<bool>,
    /// The bytes copied as they are: ASCII that is no separator.
    plain_ascii: [bool; 256],
    /// Every printable ASCII byte is plain and the space a separator (every fold but
    /// NAME): ASCII can be read eight bytes at a time.
    eight_at_once: bool,
}

/// The [`Tables`] of `how`, one for each of the eight folds.
fn tables(how: Fold) -> &'static Tables {
    use std::sync::OnceLock;
    static TABLES: [OnceLock<Tables>; 8] = [const { OnceLock::new() }; 8];
    let index = usize::from(how.lower) | usize::from(how.strip_marks) << 1 | usize::from(how.separators_as_space) << 2;
    TABLES[index].get_or_init(|| {
        let chars = || (0..REMEMBERED as u32).map(char::from_u32);
        let folds = chars()
            .map(|c| {
                let mut out = String::new();
                if let Some(c) = c {
                    fold_char_uncached(c, how, &mut out);
                }
                out.into_boxed_str()
            })
            .collect();
        let separators: Vec<bool> = chars().map(|c| c.is_some_and(|c| separates(c, how))).collect();
        let mut plain_ascii = [false; 256];
        for (b, plain) in plain_ascii.iter_mut().enumerate().take(128) {
            *plain = !separators[b];
        }
        let eight_at_once = (0x21..0x80).all(|b| plain_ascii[b]) && !plain_ascii[usize::from(b' ')];
        Tables { folds, separators, plain_ascii, eight_at_once }
    })
}

fn fold_char(c: char, how: Fold, out: &mut String) {
    if (c as usize) < REMEMBERED && !c.is_ascii() {
        out.push_str(&tables(how).folds[c as usize]);
        return;
    }
    fold_char_uncached(c, how, out);
}

fn fold_char_uncached(c: char, how: Fold, out: &mut String) {
    if c.is_ascii() {
        // ASCII has nothing to decompose: the common case, kept cheap.
        out.push(if how.lower { c.to_ascii_lowercase() } else { c });
        return;
    }
    if is_apostrophe(c) {
        out.push('\'');
        return;
    }
    decompose_canonical(c, |d| {
        if how.strip_marks && is_combining_mark(d) {
            return;
        }
        if how.lower {
            out.extend(d.to_lowercase());
        } else {
            out.push(d);
        }
    });
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that is zero, and no other bit.
fn zero_bytes(x: u64) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// A piece of a [`Folded`] text and where it comes from: the folding of one character
/// (its head, when it does not fold byte for byte), then a run of ASCII that does.
#[derive(Debug, Clone, Copy)]
struct Segment {
    /// Where it starts in the folded text.
    start: usize,
    /// Where it comes from in the original (offsets as wide as the text: a text of 4 GiB
    /// or more maps back too).
    origin: usize,
    /// The length of the head's folding (0 when the segment is all ASCII run).
    head: u8,
    /// The length of the head's character in the original.
    head_len: u8,
}

/// A folded copy of a whole text with a map back to the original offsets: what the
/// glossary automaton searches. Unlike [`fold`], it keeps leading and trailing space.
///
/// The map is kept as segments, not one entry per byte: a run of ASCII that folds byte
/// for byte is one segment whatever its length, together with the character before it
/// that does not (an accented letter, a curly apostrophe, a no-break space). On the
/// benchmark corpus that is one segment per 23 bytes of text: about one byte of map per
/// byte, where a per-byte map of `u32` took four (and could not reach past 4 GiB).
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// The segments, in order.
    segments: Vec<Segment>,
    original_len: usize,
}

impl Folded {
    /// Folds `original` as `how` says, remembering where each folded byte came from.
    pub fn new(original: &str, how: Fold) -> Self {
        let mut folded = Folded { text: String::new(), segments: Vec::new(), original_len: original.len() };
        let mut text = String::with_capacity(original.len() + original.len() / 8);
        let bytes = original.as_bytes();
        let Tables { folds: remembered, separators, plain_ascii, eight_at_once } = tables(how);
        let mut in_space = false;
        let mut i = 0;
        while i < bytes.len() {
            let at = text.len();
            if bytes[i].is_ascii() && !(in_space && separators[usize::from(bytes[i])]) {
                // A run of ASCII folds byte for byte (a separator reads as one space, a
                // second one is folded away and ends the run): one segment, copied in
                // stretches of bytes that stay as they are, then lower-cased at once.
                let start = i;
                loop {
                    let stretch = i;
                    loop {
                        if *eight_at_once {
                            // Eight bytes at a time while they are plain or single spaces.
                            while let Some(word) = bytes.get(i..i + 8) {
                                let x = u64::from_le_bytes(word.try_into().expect("eight bytes"));
                                let spaces = zero_bytes(x ^ (ONES * u64::from(b' ')));
                                let controls = zero_bytes(x & (ONES * 0x60)); // below 0x20
                                let doubled = spaces & (spaces >> 8) != 0 || (in_space && spaces & 0x80 != 0);
                                if x & HIGH != 0 || controls != 0 || doubled {
                                    break;
                                }
                                in_space = spaces >> 63 != 0;
                                i += 8;
                            }
                        }
                        let plain = i;
                        while i < bytes.len() && plain_ascii[usize::from(bytes[i])] {
                            i += 1;
                        }
                        in_space &= i == plain;
                        if i < bytes.len() && bytes[i] == b' ' && !in_space {
                            in_space = true;
                            i += 1;
                        } else {
                            break;
                        }
                    }
                    text.push_str(&original[stretch..i]);
                    if !bytes.get(i).is_some_and(u8::is_ascii) || in_space {
                        break; // the end of the run, or a second separator
                    }
                    text.push(' '); // a first separator that is not a space
                    in_space = true;
                    i += 1;
                }
                if how.lower {
                    text[at..].make_ascii_lowercase();
                }
                folded.record(at, start);
                continue;
            }
            // A two-byte character of Latin-1 or Latin Extended: its fold looked up.
            if let (0xC2..=0xC9, Some(&next)) = (bytes[i], bytes.get(i + 1)) {
                let code = usize::from(bytes[i] & 0x1F) << 6 | usize::from(next & 0x3F);
                if code < REMEMBERED {
                    if separators[code] {
                        if !in_space {
                            text.push(' ');
                        }
                        in_space = true;
                    } else {
                        text.push_str(&remembered[code]);
                        in_space = false;
                    }
                    if text.len() > at {
                        folded.record_head(at, text.len(), i, 2);
                    }
                    i += 2;
                    continue;
                }
            }
            // ’ (U+2019, E2 80 99), French's apostrophe: "'", or a separator.
            if bytes[i] == 0xE2 && bytes.get(i + 1..i + 3) == Some(&[0x80, 0x99][..]) {
                if how.separators_as_space {
                    if !in_space {
                        text.push(' ');
                    }
                    in_space = true;
                } else {
                    text.push('\'');
                    in_space = false;
                }
                if text.len() > at {
                    folded.record_head(at, text.len(), i, 3);
                }
                i += 3;
                continue;
            }
            let c = original[i..].chars().next().expect("a character starts here");
            fold_next(c, how, &mut text, &mut in_space);
            if text.len() > at {
                if c.is_ascii() {
                    folded.record(at, i);
                } else {
                    folded.record_head(at, text.len(), i, c.len_utf8());
                }
            }
            i += c.len_utf8();
        }
        folded.text = text;
        folded
    }

    /// Records that the folded bytes from `at` come byte for byte from the original byte
    /// `origin` on: in the current segment when its run maps there already, else in a new
    /// segment.
    fn record(&mut self, at: usize, origin: usize) {
        if let Some(last) = self.segments.last() {
            let tail = at - last.start - usize::from(last.head);
            if origin.checked_sub(last.origin + usize::from(last.head_len)) == Some(tail) {
                return; // the ASCII run goes on
            }
        }
        self.segments.push(Segment { start: at, origin, head: 0, head_len: 0 });
    }

    /// Records that the folded bytes `[at, end)` are the folding of the original
    /// character of `len` bytes at `origin`: a new segment, which the ASCII run after it
    /// joins.
    fn record_head(&mut self, at: usize, end: usize, origin: usize, len: usize) {
        let (head, head_len) = (u8::try_from(end - at).expect("a character folds short"), len as u8);
        self.segments.push(Segment { start: at, origin, head, head_len });
    }

    /// Maps the folded range `[start, end)` back to the original, or `None` when either
    /// end falls inside the expansion of one original character (for example a match that
    /// ends on the `e` of a decomposed `é`).
    pub fn to_original(&self, start: usize, end: usize) -> Option<Span> {
        Some(Span::new(self.origin(start)?, self.origin(end)?))
    }

    /// The original offset of folded byte `i`, if a character's folding starts there.
    fn origin(&self, i: usize) -> Option<usize> {
        if i >= self.text.len() {
            return Some(self.original_len);
        }
        let k = self.segments.partition_point(|s| s.start <= i).checked_sub(1)?;
        let Segment { start, origin, head, head_len } = self.segments[k];
        let offset = i - start;
        match offset.checked_sub(usize::from(head)) {
            _ if offset == 0 => Some(origin),
            None => None, // inside the head's folding
            Some(tail) => Some(origin + usize::from(head_len) + tail),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_table() {
        // (input, fold, folded)
        let cases = [
            ("Élan", Fold::MATCH, "e\u{301}lan"),
            ("E\u{301}lan", Fold::MATCH, "e\u{301}lan"),
            ("l’Iran", Fold::MATCH, "l'iran"),
            ("l'Iran", Fold::EXACT, "l'Iran"),
            ("a \t\r\n\u{a0}\u{202f}b", Fold::MATCH, "a b"),
            ("KIM", Fold::MATCH, "kim"),
            ("Choïgou", Fold::BARE, "choigou"),
            ("Choi\u{308}gou", Fold::BARE, "choigou"),
            ("Kim Jong-Un", Fold::NAME, "kim jong un"),
            ("Sergueï  Choïgou", Fold::NAME, "serguei choigou"),
            ("l’armée - d'abord", Fold::NAME, "l armee d abord"),
            ("  padded  ", Fold::EXACT, "padded"),
        ];
        for (input, how, want) in cases {
            assert_eq!(fold(input, how), want, "{input:?} {how:?}");
        }
    }

    /// The per-byte map the segments replace: the original offset of the character each
    /// folded byte came from.
    fn per_byte_origins(text: &str, how: Fold) -> Vec<usize> {
        let mut out = String::new();
        let mut origin = Vec::new();
        fold_into(text, how, &mut out, |offset, len| origin.resize(len, offset));
        origin
    }

    #[test]
    fn the_segments_map_as_a_per_byte_map_would() {
        let texts = [
            "Le  média\u{a0}japonaise",
            "Kim Jong-Un l’a dit.\r\n\r\n  Fin\t\tici",
            "e\u{301}té, l’été, ŒUVRE, ﬁn",
            "   ",
            "",
            "a\u{202f}:\u{a0}\u{a0}b",
        ];
        for text in texts {
            for how in [Fold::MATCH, Fold::EXACT, Fold::BARE, Fold::NAME] {
                let folded = Folded::new(text, how);
                let origins = per_byte_origins(text, how);
                assert_eq!(folded.text.len(), origins.len(), "{text:?} {how:?}");
                for i in 0..=origins.len() {
                    let unit = i == 0 || i == origins.len() || origins[i] != origins[i - 1];
                    let want = unit.then(|| origins.get(i).copied().unwrap_or(text.len()));
                    assert_eq!(folded.origin(i), want, "{text:?} {how:?} at {i}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_segments_map_as_a_per_byte_map_would_on_any_text(
            text in "[aB \t\r\n\u{a0}\u{202f}é’'-]{0,40}|([a-zA-Z.,']{1,11}( |  |\n|\t|é|\u{1}| \u{a0}|-)){0,12}"
        ) {
            for how in [Fold::MATCH, Fold::EXACT, Fold::BARE, Fold::NAME] {
                let folded = Folded::new(&text, how);
                let mut want = String::new();
                fold_into(&text, how, &mut want, |_, _| {});
                proptest::prop_assert_eq!(&folded.text, &want);
                let origins = per_byte_origins(&text, how);
                for i in 0..=origins.len() {
                    let unit = i == 0 || i == origins.len() || origins[i] != origins[i - 1];
                    let expected = unit.then(|| origins.get(i).copied().unwrap_or(text.len()));
                    proptest::prop_assert_eq!(folded.origin(i), expected, "{:?} {:?} at {}", text, how, i);
                }
            }
        }
    }

    #[test]
    fn remembered_folds_are_the_folds() {
        for how in [Fold::MATCH, Fold::EXACT, Fold::BARE, Fold::NAME] {
            for code in 0..REMEMBERED as u32 {
                let Some(c) = char::from_u32(code) else { continue };
                let (mut cached, mut direct) = (String::new(), String::new());
                fold_char(c, how, &mut cached);
                fold_char_uncached(c, how, &mut direct);
                assert_eq!(cached, direct, "{c:?} {how:?}");
            }
        }
    }

    #[test]
    fn the_view_and_the_function_agree() {
        for text in ["Le  média\u{a0}japonaise", "Kim Jong-Un", "e\u{301}té, l’été"] {
            for how in [Fold::MATCH, Fold::EXACT, Fold::BARE, Fold::NAME] {
                assert_eq!(Folded::new(text, how).text.trim(), fold(text, how), "{text:?} {how:?}");
            }
        }
    }

    #[test]
    fn maps_back_to_original_spans() {
        let text = "Le  média\u{a0}japonaise";
        let f = Folded::new(text, Fold::MATCH);
        let at = f.text.find("japonaise").unwrap();
        let span = f.to_original(at, at + "japonaise".len()).unwrap();
        assert_eq!(&text[span.start..span.end], "japonaise");
        let at = f.text.find("le m").unwrap();
        let span = f.to_original(at, at + 4).unwrap();
        assert_eq!(&text[span.start..span.end], "Le  m");
        // A match ending inside a decomposed é does not map.
        let f = Folded::new("é", Fold::MATCH);
        assert_eq!(f.to_original(0, 1), None);
        assert_eq!(f.to_original(0, f.text.len()), Some(Span::new(0, 2)));
    }
}
