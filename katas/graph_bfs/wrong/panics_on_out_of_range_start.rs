//! The seed's code as written: indexes `graph[start]` without checking, so an out-of-range start panics.

use std::collections::{HashSet, VecDeque};

pub fn bfs(graph: &[Vec<usize>], start: usize) -> Vec<usize> {
    let mut visited = HashSet::new();
    let mut queue = VecDeque::from([start]);
    let mut result = Vec::new();
    while let Some(node) = queue.pop_front() {
        if visited.insert(node) {
            result.push(node);
            for &neighbor in &graph[node] {
                if !visited.contains(&neighbor) {
                    queue.push_back(neighbor);
                }
            }
        }
    }
    result
}

pub fn shortest_path(graph: &[Vec<usize>], from: usize, to: usize) -> Option<Vec<usize>> {
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
