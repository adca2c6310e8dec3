//! `bfs` uses a `Vec` as its queue and takes from the front with `remove(0)`, which shifts the
//! whole queue: quadratic when many nodes wait at once (a node with 100,000 neighbours).

use std::collections::VecDeque;

/// Returns the nodes reachable from `start` in breadth-first order, neighbours in list order
/// (empty when `start` is not a node).
pub fn bfs(graph: &[Vec<usize>], start: usize) -> Vec<usize> {
    if start >= graph.len() {
        return Vec::new();
    }
    let mut visited = vec![false; graph.len()];
    visited[start] = true;
    let mut order = Vec::new();
    let mut queue = vec![start];
    while !queue.is_empty() {
        let node = queue.remove(0);
        order.push(node);
        for &neighbour in &graph[node] {
            if !visited[neighbour] {
                visited[neighbour] = true;
                queue.push(neighbour);
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
