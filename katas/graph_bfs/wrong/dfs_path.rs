//! `shortest_path` returns the first path a depth-first search finds, which need not have the fewest edges.

use std::collections::VecDeque;

pub fn bfs(graph: &[Vec<usize>], start: usize) -> Vec<usize> {
    if start >= graph.len() {
        return Vec::new();
    }
    let mut visited = vec![false; graph.len()];
    visited[start] = true;
    let mut queue = VecDeque::from([start]);
    let mut order = Vec::new();
    while let Some(node) = queue.pop_front() {
        order.push(node);
        for &n in &graph[node] {
            if !visited[n] {
                visited[n] = true;
                queue.push_back(n);
            }
        }
    }
    order
}

pub fn shortest_path(graph: &[Vec<usize>], from: usize, to: usize) -> Option<Vec<usize>> {
    if from >= graph.len() || to >= graph.len() {
        return None;
    }
    // Iterative DFS: the stack holds the current path and, for each node on it, the index of
    // the next neighbour to try.
    let mut visited = vec![false; graph.len()];
    visited[from] = true;
    let mut stack = vec![(from, 0usize)];
    while let Some(&mut (node, ref mut next)) = stack.last_mut() {
        if node == to {
            return Some(stack.iter().map(|&(n, _)| n).collect());
        }
        if let Some(&n) = graph[node].get(*next) {
            *next += 1;
            if !visited[n] {
                visited[n] = true;
                stack.push((n, 0));
            }
        } else {
            stack.pop();
        }
    }
    None
}
