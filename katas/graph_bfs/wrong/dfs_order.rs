//! `bfs` keeps its frontier in a `Vec` used as a stack (`push`/`pop`): that is depth-first order.

use std::collections::VecDeque;

pub fn bfs(graph: &[Vec<usize>], start: usize) -> Vec<usize> {
    if start >= graph.len() {
        return Vec::new();
    }
    let mut visited = vec![false; graph.len()];
    let mut stack = vec![start];
    let mut order = Vec::new();
    while let Some(node) = stack.pop() {
        if visited[node] {
            continue;
        }
        visited[node] = true;
        order.push(node);
        // Reversed so that the first neighbour is popped first.
        for &n in graph[node].iter().rev() {
            if !visited[n] {
                stack.push(n);
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
