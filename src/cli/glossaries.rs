//! Which glossary each article uses, and loading it: `--glossary FILE` (repeatable: the
//! files combine, in order), else the `glossary.toml` nearest to the article (its folder,
//! then each parent, as typos, Vale and prh find their configuration), else the one
//! built into glossfix. A glossary file may build on others with `extends = ["…"]`
//! (paths relative to it), loaded before it. Each distinct set is loaded once.

use crate::cli::input::{Input, read_text};
use glossfix::{DEFAULT_GLOSSARY, DEFAULT_GLOSSARY_NAME, Engine, LoadError};
use glossfix_maintain::load::{Loaded, ParsedFile, load_linted};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// How many `extends` deep a glossary may go.
const MAX_DEPTH: usize = 16;

/// The glossary files of `roots` in load order: each file's `extends` (recursively)
/// before it, every file once. An error names the file and the line of the `extends`
/// that fails (a missing file, a cycle). Each file is parsed once, here.
pub fn files_of(roots: &[PathBuf]) -> Result<Vec<ParsedFile>, String> {
    let mut out: Vec<ParsedFile> = Vec::new();
    let mut seen: Vec<PathBuf> = Vec::new();
    for root in roots {
        visit(root, None, &mut Vec::new(), &mut seen, &mut out)?;
    }
    Ok(out)
}

fn visit(
    path: &Path,
    from: Option<(&Path, usize)>,
    stack: &mut Vec<PathBuf>,
    seen: &mut Vec<PathBuf>,
    out: &mut Vec<ParsedFile>,
) -> Result<(), String> {
    let place =
        |from: Option<(&Path, usize)>| from.map(|(f, line)| format!("{}:{line}: ", f.display())).unwrap_or_default();
    let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if stack.contains(&key) {
        return Err(format!("{}extends {}, which extends it again", place(from), path.display()));
    }
    if seen.contains(&key) {
        return Ok(()); // already loaded, earlier in the order
    }
    if stack.len() >= MAX_DEPTH {
        return Err(format!("{}extends more than {MAX_DEPTH} glossaries deep", place(from)));
    }
    let source = read_text(path).map_err(|e| format!("{}{e}", place(from)))?;
    // The `extends` list, read by the glossary parser; a file that does not parse is
    // loaded as it is and its errors reported with the others.
    let file = ParsedFile::parse(&source, &path.display().to_string());
    let extends = file.parsed.as_ref().map(|g| g.extends.clone()).unwrap_or_default();
    stack.push(key.clone());
    let dir = path.parent().unwrap_or(Path::new(""));
    for (base, line) in extends {
        visit(&dir.join(&base), Some((path, line)), stack, seen, out)?;
    }
    stack.pop();
    seen.push(key);
    out.push(file);
    Ok(())
}

/// Loads the glossary files of `roots` (with what they extend) as one; no root: the
/// built-in glossary. Lint's answer for a big set comes from the lint cache when the
/// files have not changed since it was remembered.
pub fn load_set(roots: &[PathBuf]) -> Result<Loaded, Vec<String>> {
    if roots.is_empty() {
        // The built-in glossary is linted by the test suite, not at each start.
        return load_linted(&[(DEFAULT_GLOSSARY.to_string(), DEFAULT_GLOSSARY_NAME.to_string())])
            .map_err(|e| LoadError::lines(&e));
    }
    let files = files_of(roots).map_err(|e| vec![e])?;
    crate::cli::lint_cache::load(files).map_err(|e| e.lines())
}

/// `path` as messages show it: relative to the current folder when it is below one of
/// its parents (`../glossary.toml`), else as it is.
fn shown(path: &Path) -> PathBuf {
    let Ok(cwd) = std::env::current_dir() else { return path.to_path_buf() };
    for (up, ancestor) in cwd.ancestors().enumerate() {
        if let Ok(rest) = path.strip_prefix(ancestor) {
            let mut out = PathBuf::new();
            for _ in 0..up {
                out.push("..");
            }
            return out.join(rest);
        }
    }
    path.to_path_buf()
}

/// `glossary.toml` in `dir` or its nearest parent.
pub fn nearest(dir: &Path) -> Option<PathBuf> {
    dir.ancestors().map(|d| d.join("glossary.toml")).find(|c| c.is_file())
}

/// The engine each article uses, loaded once per glossary.
pub struct Glossaries {
    /// `--glossary` files: every article uses them.
    explicit: bool,
    /// The engine for standard input and for articles whose nearest glossary is the
    /// current folder's (or none): loaded at start.
    default: Arc<Engine>,
    /// The glossary file behind `default` (canonical), if any.
    default_file: Option<PathBuf>,
    /// Words accepted by the spelling rule (`--words`), added to every engine.
    words: Vec<String>,
    cache: Mutex<Cache>,
}

/// What [`Glossaries`] has found and loaded so far.
#[derive(Default)]
struct Cache {
    /// Folder → its nearest glossary file (canonical).
    nearest: HashMap<PathBuf, Option<PathBuf>>,
    /// Glossary file → its engine, or why it was refused.
    engines: HashMap<PathBuf, Result<Arc<Engine>, String>>,
}

impl Glossaries {
    /// The engines for a run: `default` is the engine for `explicit` files or, without
    /// them, for the current folder (whose glossary file is `default_file`).
    pub fn new(default: Arc<Engine>, explicit: bool, default_file: Option<PathBuf>, words: Vec<String>) -> Self {
        let default_file = default_file.map(|f| std::fs::canonicalize(&f).unwrap_or(f));
        Glossaries { explicit, default, default_file, words, cache: Mutex::new(Cache::default()) }
    }

    /// The engine for `input`: that of its nearest `glossary.toml` (unless `--glossary`
    /// names the files); `Err` with a one-line message when that glossary is refused.
    pub fn for_input(&self, input: &Input) -> Result<Arc<Engine>, String> {
        let Input::File(path) = input else { return Ok(self.default.clone()) };
        if self.explicit {
            return Ok(self.default.clone());
        }
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.clone());
        let dir = absolute.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut cache = self.cache.lock().expect("no thread panicked with the cache");
        let file = cache
            .nearest
            .entry(dir.clone())
            .or_insert_with(|| nearest(&dir).map(|f| std::fs::canonicalize(&f).unwrap_or(f)))
            .clone();
        let Some(file) = file.filter(|f| Some(f) != self.default_file.as_ref()) else {
            return Ok(self.default.clone());
        };
        let words = &self.words;
        cache
            .engines
            .entry(file.clone())
            .or_insert_with(|| {
                let loaded = load_set(&[shown(&file)]).map_err(|lines| {
                    let more = lines.len().saturating_sub(1);
                    let first = lines.into_iter().next().unwrap_or_default();
                    if more > 0 { format!("{first} (and {more} more)") } else { first }
                })?;
                let mut engine = loaded.engine;
                engine.accept_words(words.iter().map(String::as_str));
                Ok(Arc::new(engine))
            })
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extends_table() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let write = |name: &str, text: &str| {
            let path = d.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("base.toml", "[[fix]]\nfind = 'vehicle'\nreplace = 'car'\n");
        write("desk/glossary.toml", "extends = ['../base.toml']\n[[fix]]\nfind = 'steps'\nreplace = 'mesures'\n");
        write("loop/a.toml", "extends = ['b.toml']\n");
        write("loop/b.toml", "\nextends = ['a.toml']\n");
        write("missing.toml", "extends = ['nowhere.toml']\n");
        let names = |roots: &[&str]| -> Result<Vec<String>, String> {
            let roots: Vec<PathBuf> = roots.iter().map(|r| d.join(r)).collect();
            files_of(&roots).map(|files| {
                files
                    .into_iter()
                    .map(|f| f.origin.strip_prefix(&format!("{}/", d.display())).unwrap().to_string())
                    .collect()
            })
        };
        assert_eq!(names(&["desk/glossary.toml"]).unwrap(), ["desk/../base.toml", "desk/glossary.toml"]);
        // Named twice (directly and through extends): loaded once, at its first place.
        assert_eq!(names(&["base.toml", "desk/glossary.toml"]).unwrap(), ["base.toml", "desk/glossary.toml"]);
        let cycle = names(&["loop/a.toml"]).unwrap_err();
        assert!(
            cycle.ends_with("loop/b.toml:2: extends loop/b.toml/../a.toml, which extends it again")
                || cycle.contains("which extends it again"),
            "{cycle}"
        );
        assert!(cycle.contains("b.toml:2: "), "{cycle}");
        let missing = names(&["missing.toml"]).unwrap_err();
        assert!(missing.contains("missing.toml:1: ") && missing.contains("nowhere.toml"), "{missing}");
        // Loaded as one: both files' entries, each named by its own file.
        let loaded = load_set(&[d.join("desk/glossary.toml")]).unwrap();
        let g = loaded.engine.glossary();
        let places: Vec<String> = g.entries().map(|(id, _)| g.place_of_entry(id)).collect();
        assert_eq!(places.len(), 2);
        assert!(places[0].ends_with("base.toml:2") && places[1].ends_with("desk/glossary.toml:3"), "{places:?}");
    }
}
