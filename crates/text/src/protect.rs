//! What is not prose: the spans no rule may report on or change.
//!
//! In every text: fenced blocks (```` ``` ```` or `~~~` lines), words in backquotes, URLs, e-mail addresses, paths (`/usr/share`,
//! `~/.bashrc`, `./configure`), option names (`--force`, `-x`) and file names
//! (`sources.list`, `.te`). In Markdown ([`Markup::Markdown`], parsed with pulldown-cmark)
//! also code blocks, inline code, HTML, link and image targets, and front matter.
//!
//! ```
//! use glossfix_text::protect::{Markup, protected};
//! let text = "Lancez `que il` puis lisez https://debian.org/doc de --help.";
//! let spans: Vec<&str> = protected(text, Markup::Plain).iter().map(|s| &text[s.start..s.end]).collect();
//! assert_eq!(spans, ["`que il`", "https://debian.org/doc", "--help"]);
//! ```

use crate::span::Span;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// How a text is marked up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Markup {
    /// Plain text: one paragraph per line, or paragraphs between blank lines.
    #[default]
    Plain,
    /// CommonMark with front matter (`---` YAML or `+++` TOML at the top).
    Markdown,
}

impl Markup {
    /// The markup a file name implies: Markdown for `.md`, `.markdown`, `.mdown`, `.mkd`.
    pub fn of_file_name(name: &str) -> Markup {
        let lower = name.to_ascii_lowercase();
        let markdown = [".md", ".markdown", ".mdown", ".mkd"].iter().any(|ext| lower.ends_with(ext));
        if markdown { Markup::Markdown } else { Markup::Plain }
    }
}

/// The protected spans of `text`, sorted and disjoint.
pub fn protected(text: &str, markup: Markup) -> Vec<Span> {
    let mut spans = tokens(text);
    if markup == Markup::Markdown {
        spans.extend(markdown(text));
    }
    merge(spans)
}

/// True when `span` touches a protected span of `sorted` (an empty span counts when it
/// lies strictly inside one).
pub fn touches(sorted: &[Span], span: Span) -> bool {
    let i = sorted.partition_point(|s| s.end <= span.start);
    sorted.get(i).is_some_and(|s| if span.is_empty() { s.start < span.start } else { s.overlaps(&span) })
}

/// Sorts `spans` and merges those that overlap or touch.
fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match out.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => out.push(span),
        }
    }
    out
}

/// Backquoted runs and the white-space separated tokens that are URLs, addresses, paths,
/// options or file names.
fn tokens(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    // Fenced blocks: from a line that starts with ``` or ~~~ to the next such line (or
    // the end), as README files write code even when they are not Markdown.
    let mut fence: Option<(usize, &str)> = None;
    let mut at = 0;
    // A byte search first: most texts have neither mark.
    let has = |b: u8, fence: &str| memchr::memchr(b, text.as_bytes()).is_some() && text.contains(fence);
    let fenced = has(b'`', "```") || has(b'~', "~~~");
    for line in text.split_inclusive('\n').take_while(|_| fenced) {
        let trimmed = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some((at, m)),
            (Some((start, open)), Some(m)) if m == open => {
                out.push(Span::new(start, at + line.trim_end_matches(['\n', '\r']).len()));
                fence = None;
            }
            _ => {}
        }
        at += line.len();
    }
    if let Some((start, _)) = fence {
        out.push(Span::new(start, text.len()));
    }
    let bytes = text.as_bytes();
    // Backquotes: a run of n backquotes closed by the same run on the same line.
    let mut i = 0;
    while i < bytes.len() {
        // Most texts have none: jump from one to the next.
        let Some(next) = memchr::memchr(b'`', &bytes[i..]) else { break };
        i += next;
        let open = bytes[i..].iter().take_while(|&&b| b == b'`').count();
        let body = i + open;
        let line_end = bytes[body..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |p| body + p);
        let fence = &text[i..body];
        if let Some(close) = text[body..line_end].find(fence) {
            let end = body + close + open;
            out.push(Span::new(i, end));
            i = end;
            continue;
        }
        i = body;
    }
    // The white-space separated tokens that hold a byte every kind of code needs ("/",
    // ".", "@", "(", "-"; see `code_like`): found from those bytes, so that the words
    // around them cost nothing.
    let mut done = 0; // the end of the last token looked at
    // The five bytes in two vectorised searches ("/", ".", "-" are common; "@" and "("
    // rare), merged in order.
    let mut common = memchr::memchr3_iter(b'/', b'.', b'-', bytes).peekable();
    let mut rare = memchr::memchr2_iter(b'@', b'(', bytes).peekable();
    loop {
        let at = match (common.peek(), rare.peek()) {
            (Some(&c), Some(&r)) if r < c => rare.next(),
            (Some(_), _) => common.next(),
            (None, _) => rare.next(),
        };
        let Some(at) = at else { break };
        if at < done {
            continue; // inside the token just looked at
        }
        let start =
            text[..at].char_indices().rev().find(|&(_, c)| c.is_whitespace()).map_or(0, |(k, c)| k + c.len_utf8());
        let end = text[at..].char_indices().find(|&(_, c)| c.is_whitespace()).map_or(text.len(), |(k, _)| at + k);
        done = end;
        if let Some(span) = code_like(text, start, end) {
            out.push(span);
        }
    }
    out
}

/// The part of the token `text[start..end]` that is a URL, address, path, option or file
/// name, without the punctuation around it.
fn code_like(text: &str, start: usize, end: usize) -> Option<Span> {
    const OPENING: &[char] = &['(', '[', '«', '“', '"', '‘', '\'', '<', '{'];
    const CLOSING: &[char] = &['.', ',', ';', ':', '!', '?', ')', ']', '»', '”', '"', '’', '\'', '>', '}'];
    let raw = &text[start..end];
    // Every kind below needs one of these bytes (a URL "://", an address "@", a path "/",
    // an option "-", a file name ".", a manual page "("): most words have none.
    if !raw.bytes().any(|b| matches!(b, b'/' | b'.' | b'@' | b'(' | b'-')) {
        return None;
    }
    if let Some(span) = manual_page(raw) {
        return Some(Span::new(start + span.start, start + span.end));
    }
    // "texte](https://…)" or "voir(/usr/bin)": only what follows the last bracket.
    let inner = raw.rfind(['(', '[', '<']).map_or(0, |at| at + 1);
    let raw = &raw[inner..];
    let start = start + inner;
    let word = raw.trim_start_matches(OPENING);
    let lead = raw.len() - word.len();
    let word = word.trim_end_matches(CLOSING);
    if word.is_empty() {
        return None;
    }
    let span = Span::new(start + lead, start + lead + word.len());
    let alnum = |c: char| c.is_alphanumeric();
    let is_url = word.contains("://")
        && word
            .split("://")
            .next()
            .is_some_and(|s| s.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c)) && !s.is_empty())
        || word.starts_with("www.") && word.len() > 4;
    let is_mail = word.split_once('@').is_some_and(|(user, host)| {
        !user.is_empty()
            && host.contains('.')
            && !host.starts_with('.')
            && user.chars().all(|c| alnum(c) || "._%+-".contains(c))
    });
    let is_path =
        (word.starts_with('/') || word.starts_with("~/") || word.starts_with("./") || word.starts_with("../"))
            && word.chars().nth(1).is_some_and(|c| c != ' ');
    let is_option = {
        let body = word.strip_prefix("--").or_else(|| word.strip_prefix('-'));
        body.is_some_and(|b| {
            b.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && b.chars().all(|c| c.is_ascii_alphanumeric() || "-_=.,/".contains(c))
        })
    };
    // A dot inside the word between letters or digits ("sources.list", "README.Debian",
    // "debian.org"), or a leading dot before a letter (".bashrc", ".te"); not "etc." nor
    // a decimal number, whose dots are trimmed or between digits only.
    let is_file = {
        let inner = word.char_indices().any(|(k, c)| {
            c == '.'
                && k > 0
                && word[..k].chars().next_back().is_some_and(alnum)
                && word[k + 1..].chars().next().is_some_and(|n| n.is_alphabetic())
        });
        let dotfile = word.starts_with('.') && word[1..].chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        let initials = word.split('.').all(|part| part.chars().count() <= 1); // "M.", "U.S.A"
        (inner || dotfile) && !initials
    };
    (is_url || is_mail || is_path || is_option || is_file).then_some(span)
}

/// A manual page reference at the start of `raw` after opening punctuation: a command
/// name and its section in brackets, `tcpd(8)`, `perlre(1)`, `printf(3posix)`; the span
/// is relative to `raw`.
fn manual_page(raw: &str) -> Option<Span> {
    let word = raw.trim_start_matches(['(', '[', '«', '“', '"', '‘', '\'', '<', '{']);
    let lead = raw.len() - word.len();
    let open = word.find('(')?;
    let name = &word[..open];
    let name_ok = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || "._+-:".contains(c));
    let section = &word[open + 1..];
    let close = section.find(')')?;
    let section = &section[..close];
    let section_ok = section.chars().next().is_some_and(|c| c.is_ascii_digit())
        && section.len() <= 6
        && section.chars().skip(1).all(|c| c.is_ascii_lowercase());
    (name_ok && section_ok).then(|| Span::new(lead, lead + open + 1 + close + 1))
}

/// The non-prose parts of a Markdown text.
fn markdown(text: &str) -> Vec<Span> {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    let mut out = Vec::new();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let span = Span::new(range.start, range.end);
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::HtmlBlock)
            | Event::Code(_)
            | Event::Html(_)
            | Event::InlineHtml(_) => out.push(span),
            Event::End(TagEnd::Link | TagEnd::Image) => {
                // "[texte](https://…)" and "[texte][ref]": the target with its brackets;
                // an autolink "<https://…>" is all target.
                let link = &text[span.start..span.end];
                if link.starts_with('<') {
                    out.push(span);
                } else if let Some(at) = link.rfind("](").or_else(|| link.rfind("][")) {
                    out.push(Span::new(span.start + at, span.end));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, markup: Markup) -> Vec<&str> {
        protected(text, markup).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn plain_text_protection_table() {
        // (text, protected parts)
        let cases: &[(&str, &[&str])] = &[
            ("voir https://www.debian.org/doc/, puis", &["https://www.debian.org/doc/"]),
            ("écrivez à debian-user@lists.debian.org.", &["debian-user@lists.debian.org"]),
            ("le fichier /etc/apt/sources.list et ~/.bashrc", &["/etc/apt/sources.list", "~/.bashrc"]),
            ("lancez ./configure --prefix=/usr -x", &["./configure", "--prefix=/usr", "-x"]),
            ("le fichier .te est compilé", &[".te"]),
            ("voir README.Debian (www.debian.org)", &["README.Debian", "www.debian.org"]),
            ("la commande `que il` et ``a ` b``", &["`que il`", "``a ` b``"]),
            ("consultez perlre(1)). Voir tcpd(8), printf(3posix).", &["perlre(1)", "tcpd(8)", "printf(3posix)"]),
            ("les fonction(s) et article(s) (1) restent", &[]),
            // Prose stays prose: abbreviations, initials, decimals, dashes, "et/ou".
            ("etc. M. Dupont a dit 3.5 fois - et/ou U.S.A. vu.", &[]),
            ("une ` seule backquote", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(shown(text, Markup::Plain), *want, "{text:?}");
        }
    }

    #[test]
    fn markdown_protection_table() {
        let text = "---\ntitle: que il\n---\n\nDe un côté, `que il` et [le lien](https://x.org/que-il).\n\n```sh\nque il\n```\n\n<div>de un</div>\n\nVoir <https://a.org>.\n";
        let got = shown(text, Markup::Markdown);
        assert_eq!(
            got,
            [
                "---\ntitle: que il\n---",
                "`que il`",
                "](https://x.org/que-il)",
                "```sh\nque il\n```",
                "<div>de un</div>\n",
                "<https://a.org>"
            ]
        );
        assert!(!got.iter().any(|s| s.contains("De un")), "prose is not protected");
    }

    /// The code-like tokens as every token read in turn finds them: what `tokens` finds
    /// from the bytes code needs.
    fn every_token(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = None;
        for (at, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            if c.is_whitespace() {
                if let Some(s) = start.take() {
                    out.extend(code_like(text, s, at));
                }
            } else if start.is_none() {
                start = Some(at);
            }
        }
        out
    }

    #[test]
    fn code_tokens_are_found_from_their_bytes_as_from_every_token() {
        let texts = [
            "voir https://example.org/a-b. puis www.debian.org, ou /etc/fstab",
            "l’option --foo=bar\u{a0}et -x,\u{202f}user@host.fr (tcpd(8)) .bashrc",
            "a.b.c -- - . .. ... (a) [b](https://x.y) «/usr/bin» fin.",
            "\u{a0}-x\u{a0}",
            "sources.list\nREADME.Debian\r\n~/bin ./configure ../up",
            "",
            "é-è./à@b.c",
        ];
        for text in texts {
            let found: Vec<Span> =
                tokens(text).into_iter().filter(|s| !text[s.start..s.end].starts_with('`')).collect();
            assert_eq!(found, every_token(text), "{text:?}");
        }
    }

    proptest::proptest! {
        /// The same on any text made of words, code bytes, and white space of every kind
        /// (without fences).
        #[test]
        fn code_tokens_are_found_from_their_bytes_on_any_text(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "mot", "é", "/", ".", "-", "--", "@", "(", ")", "8", "://", "www", "~", "[", "»", "«", "http",
                    " ", " ", "\u{a0}", "\u{202f}", "\n", "\r\n", "\t", "org", "x",
                ]),
                0..40,
            ),
        ) {
            let text: String = parts.concat();
            // Fenced blocks ("~~~" opening a line) are protected whole, which the
            // reference does not do.
            proptest::prop_assume!(!text.contains("~~~"));
            let found: Vec<Span> = tokens(&text).into_iter().collect();
            proptest::prop_assert_eq!(found, every_token(&text), "{:?}", text);
        }
    }

    #[test]
    fn touches_table() {
        let spans = [Span::new(5, 10), Span::new(20, 25)];
        for (span, want) in [
            (Span::new(0, 5), false),
            (Span::new(0, 6), true),
            (Span::new(10, 20), false),
            (Span::new(24, 30), true),
            (Span::at(7), true),
            (Span::at(5), false),
            (Span::at(10), false),
        ] {
            assert_eq!(touches(&spans, span), want, "{span:?}");
        }
    }
}
