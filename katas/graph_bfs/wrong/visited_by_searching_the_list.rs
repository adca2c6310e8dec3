//! `bfs` checks whether a node was seen by searching the list built so far (`order.contains`),
//! O(n) per edge: quadratic on a graph of 100,000 nodes.

use std::collections::VecDeque;

/// Returns the nodes reachable from `start` in breadth-first order, neighbours in list order
/// (empty when `start` is not a node).
pub fn bfs(graph: &[Vec<usize>], start: usize) -> Vec<usize> {
    if start >= graph.len() {
        return Vec::new();
    }
    let mut order = vec![start];
    let mut next = 0;
    while let Some(&node) = order.get(next) {
        next += 1;
        for &neighbour in &graph[node] {
            if !order.contains(&neighbour) {
                order.push(neighbour);
            }
        }
    }
    order
}

/// Returns the path with the fewest edges from `from` to `to`, both ends included (ties: the path
/// breadth-first search finds), or `None` when there is none or an end is not a node.
pub fn shortest_path(graph: &[Vec<usize>], from: usize, to: usize) -> Option<Vec<usize>> {
    if from >= graph.len() || to >= graph.len() {
        return None;
    }
    // `parent[v]` is the node that discovered `v`; set once, so it lies one level closer to
    // `from` and is the first such node in breadth-first order.
    let mut parent: Vec<Option<usize>> = vec![None; graph.len()];
    let mut visited = vec![false; graph.len()];
    visited[from] = true;
    let mut queue = VecDeque::from([from]);
    while let Some(node) = queue.pop_front() {
        if node == to {
            let mut path = vec![to];
            let mut current = to;
            while let Some(p) = parent[current] {
                path.push(p);
                current = p;
            }
            path.reverse();
            return Some(path);
        }
        for &neighbour in &graph[node] {
            if !visited[neighbour] {
                visited[neighbour] = true;
                parent[neighbour] = Some(node);
                queue.push_back(neighbour);
            }
        }
    }
    None
}
