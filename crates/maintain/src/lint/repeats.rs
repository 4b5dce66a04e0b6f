//! Repairs changed again, among glossary entries: by their own entry (self-repeat), by
//! another (chain), or in a loop (cycle). One automaton pass over all the repairs, with
//! context conditions ignored: a repair counts as changed again if another entry's
//! `find` occurs in it at all.

use super::entries::rewrites;
use super::{ProblemKind, Report};
use glossfix_diagnostics::EntryId;
use glossfix_glossary::{CompiledGlossary, EntryKind};
use glossfix_text::fold::{Fold, fold};
use std::collections::{HashMap, HashSet};

/// Reports self-repeats, chains and cycles; returns the entries found in a self-repeat
/// or a cycle (the convergence check need not report them again).
pub(crate) fn check_repeats(r: &mut Report, compiled: &CompiledGlossary) -> HashSet<EntryId> {
    let g = r.glossary;
    let list = rewrites(g);
    let by_variant: HashMap<(EntryId, usize), usize> =
        list.iter().enumerate().map(|(i, rw)| ((rw.entry, rw.variant), i)).collect();
    // For each rewrite, the rewrites (by index) that match inside its repair.
    let mut changes: Vec<Vec<usize>> = vec![Vec::new(); list.len()];
    for (i, rw) in list.iter().enumerate() {
        if rw.replace.trim().is_empty() {
            continue;
        }
        for found in compiled.raw_matches(rw.replace) {
            if let Some(&j) = by_variant.get(&(found.entry, found.variant)) {
                if !changes[i].contains(&j) {
                    changes[i].push(j);
                }
            }
        }
    }
    let mut looping = HashSet::new();
    // Cycles through three entries or more (A -> B -> C -> A): strongly connected
    // components of the "changes the repair of" graph.
    for component in strongly_connected(&changes).into_iter().filter(|c| c.len() >= 3) {
        let path: Vec<String> =
            component.iter().map(|&i| format!("{:?} -> {:?}", list[i].find.get_ref(), list[i].replace)).collect();
        let first = component.iter().copied().min().expect("non-empty");
        looping.extend(component.iter().map(|&i| list[i].entry));
        r.add(
            list[first].find.span().start,
            ProblemKind::Cycle,
            format!("these repairs change each other in a loop: {}", path.join(", ")),
        );
    }
    for (i, rw) in list.iter().enumerate() {
        let find = rw.find.get_ref();
        let offset = rw.find.span().start;
        let label = rw.label();
        // A duplicated entry has its own report: name each repair once.
        let mut named: Vec<(String, &str)> = Vec::new();
        for &j in &changes[i] {
            let other = &list[j];
            let key = (fold(other.find.get_ref(), Fold::MATCH), other.replace);
            if named.contains(&key) {
                continue;
            }
            named.push(key);
            let other_line = g.line_name(other.find.span().start);
            if i == j {
                // Terms' variants cannot repeat (the canonical form protects itself).
                if rw.kind == EntryKind::Fix {
                    looping.insert(rw.entry);
                    let message = format!(
                        "{label} {find:?}: its replacement {:?} matches it again (fix would not be idempotent)",
                        rw.replace
                    );
                    r.add(offset, ProblemKind::SelfRepeat, message);
                }
            } else if changes[j].contains(&i) {
                looping.extend([rw.entry, other.entry]);
                if i < j {
                    let message = format!(
                        "{label} {find:?} -> {:?} and {other_line} {:?} -> {:?} undo each other",
                        rw.replace,
                        other.find.get_ref(),
                        other.replace
                    );
                    r.add(offset, ProblemKind::Cycle, message);
                }
            } else {
                let message = format!(
                    "{label} {find:?} -> {:?}: the repair is changed again by {other_line} ({:?} -> {:?})",
                    rw.replace,
                    other.find.get_ref(),
                    other.replace
                );
                r.add(offset, ProblemKind::Chain, message);
            }
        }
    }
    looping
}

/// Strongly connected components of a graph given as adjacency lists (Tarjan's
/// algorithm, iterative so that long chains cannot overflow the stack).
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = edges.len();
    let (mut index, mut low, mut on_stack) = (vec![usize::MAX; n], vec![0; n], vec![false; n]);
    let (mut stack, mut components, mut counter) = (Vec::new(), Vec::new(), 0);
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(&mut (v, ref mut next)) = work.last_mut() {
            if *next == 0 && index[v] == usize::MAX {
                index[v] = counter;
                low[v] = counter;
                counter += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = edges[v].get(*next) {
                *next += 1;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                components.push(component);
            }
        }
    }
    components
}
