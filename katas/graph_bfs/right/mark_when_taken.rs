//! Marks a node when it is taken from the queue rather than when it is queued: a node may wait
//! in the queue more than once, and later copies are skipped. Its first copy is its first
//! discovery, so the order is the same. `shortest_path` keeps the first node that queued each
//! node as its predecessor.

use std::collections::VecDeque;

fn search(
    graph: &[Vec<usize>],
    start: usize,
    mut on_listed: impl FnMut(usize, &[Option<usize>]) -> bool,
) {
    let mut done = vec![false; graph.len()];
    let mut parent: Vec<Option<usize>> = vec![None; graph.len()];
    let mut queue = VecDeque::new();
    queue.push_back(start);
    while let Some(node) = queue.pop_front() {
        if done[node] {
            continue;
        }
        done[node] = true;
        if on_listed(node, &parent) {
            return;
        }
        for &next in &graph[node] {
            if !done[next] {
                if parent[next].is_none() && next != start {
                    parent[next] = Some(node);
                }
                queue.push_back(next);
            }
        }
    }
}

pub fn bfs(graph: &[Vec<usize>], start: usize) -> Vec<usize> {
    let mut order = Vec::new();
    if start < graph.len() {
        search(graph, start, |node, _| {
            order.push(node);
            false
        });
    }
    order
}

pub fn shortest_path(graph: &[Vec<usize>], from: usize, to: usize) -> Option<Vec<usize>> {
    if from >= graph.len() || to >= graph.len() {
        return None;
    }
    let mut found = None;
    search(graph, from, |node, parent| {
        if node != to {
            return false;
        }
        let mut path = vec![to];
        let mut at = to;
        while let Some(p) = parent[at] {
            path.push(p);
            at = p;
        }
        path.reverse();
        found = Some(path);
        true
    });
    found
}
