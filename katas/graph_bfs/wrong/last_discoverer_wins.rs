//! `shortest_path` marks nodes visited only when dequeued, so a later node overwrites the parent of a node still in the queue.

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
    let mut parent = vec![None; graph.len()];
    let mut visited = vec![false; graph.len()];
    let mut queue = VecDeque::from([from]);
    while let Some(node) = queue.pop_front() {
        if visited[node] {
            continue;
        }
        visited[node] = true;
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
                parent[n] = Some(node);
                queue.push_back(n);
            }
        }
    }
    None
}
