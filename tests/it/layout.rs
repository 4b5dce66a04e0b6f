//! The layout keeps its promises: each crate depends only on the crates below it, no
//! crate has an import cycle among its modules, and the library never prints, reads the
//! environment, or keeps process state. `cargo test layout -- --nocapture` prints the
//! module graph of every crate.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The crates from the bottom up: each may use only those before it.
const LAYERS: &[(&str, &str)] = &[
    ("glossfix-text", "crates/text"),
    ("glossfix-data-wordfreq", "crates/data-wordfreq"),
    ("glossfix-data-freedict", "crates/data-freedict"),
    ("glossfix-data-hunspell-fr", "crates/data-hunspell-fr"),
    ("glossfix-lexicon", "crates/lexicon"),
    ("glossfix-diagnostics", "crates/diagnostics"),
    ("glossfix-glossary", "crates/glossary"),
    ("glossfix-rules", "crates/rules"),
    ("glossfix-engine", "crates/engine"),
    ("glossfix-align", "crates/align"),
    ("glossfix-maintain", "crates/maintain"),
    ("glossfix-report", "crates/report"),
    ("glossfix", "."),
];

/// The glossfix crates in `[dependencies]` of a manifest (not dev-dependencies).
fn dependencies(manifest: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_deps = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_deps = line == "[dependencies]";
            continue;
        }
        if in_deps {
            let name = line.split(['=', '.', ' ']).next().unwrap_or("");
            if name.starts_with("glossfix") {
                out.push(name.to_string());
            }
        }
    }
    out
}

#[test]
fn every_crate_depends_only_on_the_crates_below_it() {
    let root = crate::root();
    let members: BTreeSet<String> = fs::read_dir(root.join("crates"))
        .unwrap()
        .map(|e| format!("crates/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    let listed: BTreeSet<String> = LAYERS.iter().filter(|(_, d)| *d != ".").map(|(_, d)| d.to_string()).collect();
    assert_eq!(members, listed, "every member crate has its place in LAYERS");
    for (i, (name, dir)) in LAYERS.iter().enumerate() {
        let manifest = fs::read_to_string(root.join(dir).join("Cargo.toml")).unwrap();
        for dep in dependencies(&manifest) {
            let below = LAYERS[..i].iter().any(|(n, _)| *n == dep);
            assert!(below, "{name} depends on {dep}, which is not below it");
        }
    }
}

/// The `.rs` files under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The module of namespace `dir` that `file` belongs to (`None` for the namespace's own
/// root file: `lib.rs`, `main.rs` or `mod.rs`), and whether the file is that module's
/// own file (where `super` is the namespace).
fn module_of(dir: &Path, file: &Path) -> (Option<String>, bool) {
    let rel = file.strip_prefix(dir).unwrap();
    let parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    match parts.as_slice() {
        [only] if only == "lib.rs" || only == "main.rs" || only == "mod.rs" => (None, false),
        [only] => (Some(only.trim_end_matches(".rs").to_string()), true),
        [sub, file] => (Some(sub.clone()), file == "mod.rs"),
        [sub, ..] => (Some(sub.clone()), false),
        [] => (None, false),
    }
}

/// The namespaces of a crate: its `src` (paths `crate::x`) and every folder module
/// (paths `crate::cli::x`).
fn namespaces(src: &Path) -> Vec<(PathBuf, String)> {
    let mut out = vec![(src.to_path_buf(), "crate::".to_string())];
    for file in sources(src).into_iter().filter(|f| f.file_name().is_some_and(|n| n == "mod.rs")) {
        let dir = file.parent().unwrap().to_path_buf();
        let rel: Vec<String> =
            dir.strip_prefix(src).unwrap().iter().map(|p| p.to_string_lossy().into_owned()).collect();
        out.push((dir, format!("crate::{}::", rel.join("::"))));
    }
    out
}

/// `pub use module::{A, B}` re-exports of a crate root: name -> module.
fn reexports(root_file: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in root_file.lines().map(str::trim).filter(|l| l.starts_with("pub use ")) {
        let path = line.trim_start_matches("pub use ").trim_end_matches(';');
        let Some((module, names)) = path.split_once("::") else { continue };
        let names = names.trim_start_matches('{').trim_end_matches('}');
        for name in names.split(',').map(|n| n.trim().rsplit("::").next().unwrap_or("").to_string()) {
            out.insert(name, module.to_string());
        }
    }
    out
}

/// Code without comments and string literals, so that prose never counts as a path.
fn code_only(source: &str) -> String {
    let mut out = String::new();
    for line in source.lines() {
        let line = line.split("//").next().unwrap_or("");
        let mut in_string = false;
        let mut prev = ' ';
        for c in line.chars() {
            if c == '"' && prev != '\\' {
                in_string = !in_string;
            } else if !in_string {
                out.push(c);
            }
            prev = c;
        }
        out.push('\n');
    }
    out
}

/// The names following `prefix` (`crate::` or `super::`) in `code`, including the ones
/// inside `prefix{a, b::c}` groups.
fn paths_after(code: &str, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        let rest = &code[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or("");
            out.extend(inner.split(',').map(|p| p.trim().split("::").next().unwrap_or("").to_string()));
        } else {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            out.push(name);
        }
    }
    out.retain(|n| !n.is_empty());
    out
}

/// The module graph of namespace `dir` (whose paths start with `prefix`): module -> the
/// sibling modules it uses.
fn module_graph(dir: &Path, prefix: &str) -> BTreeMap<String, BTreeSet<String>> {
    let files = sources(dir);
    let modules: BTreeSet<String> = files.iter().filter_map(|f| module_of(dir, f).0).collect();
    let root_file = ["lib.rs", "main.rs", "mod.rs"].iter().map(|f| dir.join(f)).find(|p| p.exists()).unwrap();
    let reexported = reexports(&fs::read_to_string(root_file).unwrap());
    let resolve = |name: &str| -> Option<String> {
        if modules.contains(name) {
            Some(name.to_string())
        } else {
            reexported.get(name).filter(|m| modules.contains(*m)).cloned()
        }
    };
    let mut graph: BTreeMap<String, BTreeSet<String>> = modules.iter().map(|m| (m.clone(), BTreeSet::new())).collect();
    for file in &files {
        let (Some(module), own_file) = module_of(dir, file) else { continue };
        let code = code_only(&fs::read_to_string(file).unwrap());
        let mut used = paths_after(&code, prefix);
        if own_file {
            used.extend(paths_after(&code, "super::"));
        }
        for name in used {
            if let Some(target) = resolve(&name).filter(|t| *t != module) {
                graph.get_mut(&module).unwrap().insert(target);
            }
        }
    }
    graph
}

/// A cycle in `graph`, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(node.to_string(), 1);
        path.push(node.to_string());
        for next in &graph[node] {
            match state.get(next.as_str()).copied().unwrap_or(0) {
                1 => {
                    let start = path.iter().position(|p| p == next).unwrap();
                    let mut cycle = path[start..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(cycle) = visit(next, graph, state, path) {
                        return Some(cycle);
                    }
                }
                _ => {}
            }
        }
        path.pop();
        state.insert(node.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if state.get(node.as_str()).copied().unwrap_or(0) == 0 {
            if let Some(cycle) = visit(node, graph, &mut state, &mut Vec::new()) {
                return Some(cycle);
            }
        }
    }
    None
}

#[test]
fn no_crate_has_an_import_cycle_among_its_modules() {
    for (name, dir) in LAYERS {
        for (namespace, prefix) in namespaces(&crate::root().join(dir).join("src")) {
            let graph = module_graph(&namespace, &prefix);
            println!("{name} {}:", prefix.trim_end_matches("::"));
            for (module, uses) in &graph {
                println!("  {module} -> {}", uses.iter().cloned().collect::<Vec<_>>().join(", "));
            }
            if let Some(cycle) = find_cycle(&graph) {
                panic!("{name} {prefix}: import cycle {}", cycle.join(" -> "));
            }
        }
    }
}

#[test]
fn the_cycle_finder_finds_cycles() {
    // (edges, has a cycle)
    let cases: &[(&[(&str, &str)], bool)] = &[
        (&[("a", "b"), ("b", "c")], false),
        (&[("a", "b"), ("b", "a")], true),
        (&[("a", "b"), ("b", "c"), ("c", "a")], true),
    ];
    for (edges, want) in cases {
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in *edges {
            graph.entry(a.to_string()).or_default().insert(b.to_string());
            graph.entry(b.to_string()).or_default();
        }
        assert_eq!(find_cycle(&graph).is_some(), *want, "{edges:?}");
    }
    // The parser sees grouped and re-exported paths.
    assert_eq!(paths_after("use crate::{a::X, b};", "crate::"), ["a", "b"]);
    assert_eq!(reexports("pub use finding::{EntryId, Finding};")["Finding"], "finding");
}

#[test]
fn every_library_crate_warns_on_printing() {
    let root = crate::root();
    let mut roots: Vec<PathBuf> =
        LAYERS.iter().filter(|(_, d)| *d != ".").map(|(_, d)| root.join(d).join("src/lib.rs")).collect();
    roots.push(root.join("src/lib.rs"));
    for file in roots {
        let source = fs::read_to_string(&file).unwrap();
        assert!(
            source.contains("#![warn(clippy::print_stdout, clippy::print_stderr)]"),
            "{} does not warn on printing",
            file.display()
        );
    }
}

#[test]
fn the_library_never_prints_reads_the_environment_or_keeps_process_state() {
    let root = crate::root();
    // Examples and build scripts are programs (the French tables' builder prints what it
    // kept, a build script reads OUT_DIR), not library.
    let program = |f: &PathBuf| f.components().any(|c| c.as_os_str() == "examples") || f.ends_with("build.rs");
    let mut files: Vec<PathBuf> = sources(&root.join("crates")).into_iter().filter(|f| !program(f)).collect();
    files.push(root.join("src/lib.rs"));
    for file in files {
        let code = code_only(&fs::read_to_string(&file).unwrap());
        for banned in
            ["println!", "eprintln!", "print!(", "eprint!(", "env::var", "AtomicBool", "AtomicUsize", "static mut"]
        {
            assert!(!code.contains(banned), "{}: the library uses {banned}", file.display());
        }
    }
}
