//! Breadth-first search: see the task statement (`kata hint graph_bfs` when stuck).

/// Returns the nodes reachable from `start` in breadth-first order, neighbours in list order
/// (empty when `start` is not a node).
pub fn bfs(graph: &[Vec<usize>], start: usize) -> Vec<usize> {
    let _ = (graph, start);
    todo!("search the graph breadth-first")
}

/// Returns the path with the fewest edges from `from` to `to`, both ends included (ties: the path
/// breadth-first search finds), or `None` when there is none or an end is not a node.
pub fn shortest_path(graph: &[Vec<usize>], from: usize, to: usize) -> Option<Vec<usize>> {
    let _ = (graph, from, to);
    todo!("find the shortest path")
}
