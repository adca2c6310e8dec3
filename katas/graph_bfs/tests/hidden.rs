use graph_bfs::{bfs, shortest_path};
use kata_assert::{expect, expect_eq};
use std::collections::VecDeque;
use std::panic;

/// Calls `bfs`, turning a panic into a failure that says what the task requires.
fn run_bfs(graph: &[Vec<usize>], start: usize) -> Vec<usize> {
    let result = panic::catch_unwind(|| bfs(graph, start));
    expect!(
        result.is_ok(),
        "bfs must not panic (graph of {} nodes, start = {start})",
        graph.len()
    );
    result.unwrap()
}

/// Calls `shortest_path`, turning a panic into a failure that says what the task requires.
fn run_path(graph: &[Vec<usize>], from: usize, to: usize) -> Option<Vec<usize>> {
    let result = panic::catch_unwind(|| shortest_path(graph, from, to));
    expect!(
        result.is_ok(),
        "shortest_path must not panic (graph of {} nodes, from = {from}, to = {to})",
        graph.len()
    );
    result.unwrap()
}

fn g(lists: &[&[usize]]) -> Vec<Vec<usize>> {
    lists.iter().map(|l| l.to_vec()).collect()
}

// ---------- bfs ----------

#[test]
fn single_node_graph() {
    expect_eq!(
        run_bfs(&g(&[&[]]), 0),
        vec![0],
        "a lone node reaches only itself"
    );
}

#[test]
fn start_out_of_range_gives_empty() {
    let graph = g(&[&[1], &[2], &[]]);
    expect_eq!(
        run_bfs(&graph, 3),
        Vec::<usize>::new(),
        "start = 3 is not a node of a 3-node graph: empty Vec"
    );
    expect_eq!(
        run_bfs(&graph, usize::MAX),
        Vec::<usize>::new(),
        "start = usize::MAX is not a node: empty Vec"
    );
    expect_eq!(
        run_bfs(&[], 0),
        Vec::<usize>::new(),
        "an empty graph has no node 0: empty Vec"
    );
}

#[test]
fn neighbours_in_list_order() {
    let graph = g(&[&[3, 1, 2], &[], &[], &[]]);
    expect_eq!(
        run_bfs(&graph, 0),
        vec![0, 3, 1, 2],
        "neighbours are listed in the order of the adjacency list, not sorted"
    );
}

#[test]
fn level_by_level_not_depth_first() {
    //     0
    //    / \
    //   1   2
    //   |   |
    //   3   4
    let graph = g(&[&[1, 2], &[3], &[4], &[], &[]]);
    expect_eq!(
        run_bfs(&graph, 0),
        vec![0, 1, 2, 3, 4],
        "all nodes one edge away (1, 2) come before nodes two edges away (3, 4)"
    );
    let graph = g(&[&[1, 5], &[2], &[3], &[4], &[], &[6], &[]]);
    expect_eq!(
        run_bfs(&graph, 0),
        vec![0, 1, 5, 2, 6, 3, 4],
        "breadth-first: 0; then 1, 5; then 2, 6; then 3; then 4"
    );
}

#[test]
fn nodes_are_listed_in_discovery_order() {
    // 1 is processed before 2, so 1's neighbours (4, 3) come before 2's (5).
    let graph = g(&[&[1, 2], &[4, 3], &[5, 3], &[], &[], &[]]);
    expect_eq!(
        run_bfs(&graph, 0),
        vec![0, 1, 2, 4, 3, 5],
        "each node's new neighbours are listed in turn, in the order the nodes were listed"
    );
}

#[test]
fn each_node_once_despite_cycles() {
    let graph = g(&[&[1, 2], &[2, 0], &[0, 1]]);
    expect_eq!(
        run_bfs(&graph, 0),
        vec![0, 1, 2],
        "a triangle with edges both ways: each node once"
    );
}

#[test]
fn start_is_not_listed_again_when_a_cycle_returns_to_it() {
    let graph = g(&[&[1], &[2], &[0]]);
    expect_eq!(
        run_bfs(&graph, 0),
        vec![0, 1, 2],
        "the cycle 0 → 1 → 2 → 0 leads back to start, which is listed once"
    );
    let graph = g(&[&[1], &[0]]);
    expect_eq!(
        run_bfs(&graph, 1),
        vec![1, 0],
        "1 → 0 → 1: start listed once"
    );
}

#[test]
fn self_loops_and_repeated_edges() {
    let graph = g(&[&[0, 1, 1, 0, 2], &[1, 2, 2], &[0]]);
    expect_eq!(
        run_bfs(&graph, 0),
        vec![0, 1, 2],
        "self-loops and repeated edges do not repeat nodes"
    );
    let graph = g(&[&[0]]);
    expect_eq!(
        run_bfs(&graph, 0),
        vec![0],
        "a node with a self-loop is listed once"
    );
}

#[test]
fn unreachable_nodes_are_left_out() {
    let graph = g(&[&[1], &[], &[0], &[3]]);
    expect_eq!(
        run_bfs(&graph, 0),
        vec![0, 1],
        "nodes 2 and 3 cannot be reached from 0"
    );
}

#[test]
fn edges_are_directed() {
    let graph = g(&[&[1], &[], &[1]]);
    expect_eq!(
        run_bfs(&graph, 1),
        vec![1],
        "node 1 has no outgoing edges: the edges 0 → 1 and 2 → 1 cannot be walked backwards"
    );
}

#[test]
fn start_anywhere() {
    let graph = g(&[&[], &[0], &[], &[1, 4], &[2]]);
    expect_eq!(run_bfs(&graph, 3), vec![3, 1, 4, 0, 2], "bfs from node 3");
    expect_eq!(run_bfs(&graph, 4), vec![4, 2], "bfs from node 4");
    expect_eq!(run_bfs(&graph, 2), vec![2], "node 2 has no outgoing edges");
}

// ---------- shortest_path ----------

#[test]
fn same_node_is_a_one_node_path() {
    let graph = g(&[&[1], &[0], &[]]);
    expect_eq!(
        run_path(&graph, 2, 2),
        Some(vec![2]),
        "from == to is a path with no edges, even for a node with no edges"
    );
    expect_eq!(
        run_path(&graph, 0, 0),
        Some(vec![0]),
        "from == to is the one-node path, not a walk around a cycle"
    );
    let graph = g(&[&[0]]);
    expect_eq!(
        run_path(&graph, 0, 0),
        Some(vec![0]),
        "from == to is the one-node path, even with a self-loop"
    );
}

#[test]
fn out_of_range_ends_give_none() {
    let graph = g(&[&[1], &[]]);
    expect_eq!(
        run_path(&graph, 2, 0),
        None,
        "from = 2 is not a node of a 2-node graph"
    );
    expect_eq!(
        run_path(&graph, 0, 2),
        None,
        "to = 2 is not a node of a 2-node graph"
    );
    expect_eq!(run_path(&graph, 5, 5), None, "from = to = 5 is not a node");
    expect_eq!(
        run_path(&graph, 0, usize::MAX),
        None,
        "to = usize::MAX is not a node"
    );
    expect_eq!(run_path(&[], 0, 0), None, "an empty graph has no nodes");
}

#[test]
fn direct_edge() {
    let graph = g(&[&[1], &[]]);
    expect_eq!(
        run_path(&graph, 0, 1),
        Some(vec![0, 1]),
        "one edge: both ends included, from first"
    );
}

#[test]
fn unreachable_target_gives_none() {
    let graph = g(&[&[1], &[], &[]]);
    expect_eq!(
        run_path(&graph, 0, 2),
        None,
        "node 2 cannot be reached from 0"
    );
    expect_eq!(
        run_path(&graph, 1, 0),
        None,
        "the edge 0 → 1 cannot be walked backwards"
    );
}

#[test]
fn path_runs_from_start_to_target() {
    let graph = g(&[&[1], &[2], &[3], &[]]);
    expect_eq!(
        run_path(&graph, 0, 3),
        Some(vec![0, 1, 2, 3]),
        "the path lists the nodes from `from` to `to`, in the direction of travel"
    );
    expect_eq!(
        run_path(&graph, 1, 3),
        Some(vec![1, 2, 3]),
        "path from 1 to 3"
    );
}

#[test]
fn fewest_edges_not_the_first_path_found_depth_first() {
    let graph = g(&[&[1, 4], &[2], &[3], &[4], &[]]);
    expect_eq!(
        run_path(&graph, 0, 4),
        Some(vec![0, 4]),
        "0 → 4 (one edge) beats 0 → 1 → 2 → 3 → 4"
    );
}

#[test]
fn ties_go_to_the_first_discoverer() {
    let graph = g(&[&[1, 2], &[3], &[3], &[]]);
    expect_eq!(
        run_path(&graph, 0, 3),
        Some(vec![0, 1, 3]),
        "3 is first listed as a neighbour of 1 (1 comes before 2 in 0's list)"
    );
    let graph = g(&[&[2, 1], &[3], &[3], &[]]);
    expect_eq!(
        run_path(&graph, 0, 3),
        Some(vec![0, 2, 3]),
        "3 is first listed as a neighbour of 2 (2 comes before 1 in 0's list)"
    );
}

#[test]
fn a_node_seen_again_keeps_its_first_predecessor() {
    // 0 lists 2 directly; 1 also lists 2 later, but 2 is already listed by then.
    let graph = g(&[&[1, 2], &[2, 3], &[3], &[]]);
    expect_eq!(
        run_path(&graph, 0, 2),
        Some(vec![0, 2]),
        "2 is one edge from 0; 1 → 2 does not make the path longer"
    );
    expect_eq!(
        run_path(&graph, 0, 3),
        Some(vec![0, 1, 3]),
        "3 is first listed as a neighbour of 1"
    );
}

#[test]
fn paths_around_a_ring() {
    let graph = g(&[&[1], &[2], &[3], &[0]]);
    expect_eq!(
        run_path(&graph, 2, 1),
        Some(vec![2, 3, 0, 1]),
        "in the one-way ring 0 → 1 → 2 → 3 → 0, node 2 reaches 1 through 3 and 0"
    );
    let graph = g(&[&[1, 3], &[0, 2], &[1, 3], &[2, 0]]);
    expect_eq!(
        run_path(&graph, 0, 2),
        Some(vec![0, 1, 2]),
        "in the two-way square, both ways around have two edges; 2 is first listed by 1"
    );
}

#[test]
fn path_through_self_loops_and_repeated_edges() {
    let graph = g(&[&[0, 1, 1], &[1, 0, 2], &[2]]);
    expect_eq!(
        run_path(&graph, 0, 2),
        Some(vec![0, 1, 2]),
        "self-loops and repeated edges never appear in a shortest path"
    );
}

// ---------- large graphs ----------

/// A small deterministic generator (xorshift) for the larger tests.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Breadth-first search as the task defines it: the order nodes are listed and the node that
/// first listed each one.
fn oracle(graph: &[Vec<usize>], start: usize) -> (Vec<usize>, Vec<Option<usize>>) {
    let mut parent = vec![None; graph.len()];
    let mut seen = vec![false; graph.len()];
    seen[start] = true;
    let mut order = Vec::new();
    let mut queue = VecDeque::from([start]);
    while let Some(u) = queue.pop_front() {
        order.push(u);
        for &v in &graph[u] {
            if !seen[v] {
                seen[v] = true;
                parent[v] = Some(u);
                queue.push_back(v);
            }
        }
    }
    (order, parent)
}

fn random_graph(rng: &mut XorShift, nodes: usize, edges: usize) -> Vec<Vec<usize>> {
    let mut graph = vec![Vec::new(); nodes];
    for _ in 0..edges {
        let u = (rng.next() % nodes as u64) as usize;
        let v = (rng.next() % nodes as u64) as usize;
        graph[u].push(v);
    }
    graph
}

#[test]
fn long_chain() {
    let n = 100_000;
    let graph: Vec<Vec<usize>> = (0..n)
        .map(|i| if i + 1 < n { vec![i + 1] } else { vec![] })
        .collect();
    let order = run_bfs(&graph, 0);
    expect_eq!(
        order.len(),
        n,
        "bfs along a chain of 100,000 nodes lists every node"
    );
    expect!(
        order.iter().enumerate().all(|(i, &v)| i == v),
        "bfs along the chain 0 → 1 → … → 99,999 lists the nodes in chain order"
    );
    let path = run_path(&graph, 0, n - 1);
    expect!(path.is_some(), "node 99,999 can be reached from 0");
    let path = path.unwrap();
    expect_eq!(path.len(), n, "the path along the chain has 100,000 nodes");
    expect!(
        path.iter().enumerate().all(|(i, &v)| i == v),
        "the path along the chain is 0, 1, …, 99,999"
    );
}

#[test]
fn large_graphs_take_linear_time() {
    // A chain of 100,000 nodes and a star whose centre has 99,999 neighbours: each node must be
    // marked and queued in O(1) time, not found by searching a list, and taking the next node
    // from the queue must not shift the whole queue.
    let n = 100_000;
    let chain: Vec<Vec<usize>> = (0..n)
        .map(|i| if i + 1 < n { vec![i + 1] } else { vec![] })
        .collect();
    let mut star = vec![(1..n).collect::<Vec<usize>>()];
    star.resize(n, Vec::new());
    // The star is searched five times, to keep a wide margin between a linear and a quadratic
    // search.
    for (name, graph) in [
        ("chain", &chain),
        ("star", &star),
        ("star", &star),
        ("star", &star),
        ("star", &star),
        ("star", &star),
    ] {
        let order = run_bfs(graph, 0);
        expect!(
            order.len() == n && order.iter().enumerate().all(|(i, &v)| i == v),
            "bfs on the {name} of 100,000 nodes lists 0, 1, …, 99,999"
        );
        let path = run_path(graph, 0, n - 1).map(|p| p.len());
        let expected = if name == "chain" { n } else { 2 };
        expect_eq!(
            path,
            Some(expected),
            "the path from 0 to 99,999 in the {name} has {expected} nodes"
        );
    }
}

#[test]
fn random_graphs_agree_with_breadth_first_search() {
    let mut rng = XorShift(0x5851_f42d_4c95_7f2d);
    for (nodes, edges) in [(10, 15), (50, 80), (2_000, 3_000), (20_000, 60_000)] {
        let graph = random_graph(&mut rng, nodes, edges);
        for _ in 0..3 {
            let start = (rng.next() % nodes as u64) as usize;
            let (order, parent) = oracle(&graph, start);
            expect_eq!(
                run_bfs(&graph, start),
                order,
                "bfs from {start} on a random graph of {nodes} nodes and {edges} edges"
            );
            for _ in 0..5 {
                let to = (rng.next() % nodes as u64) as usize;
                let expected = if to == start || parent[to].is_some() {
                    let mut path = vec![to];
                    let mut v = to;
                    while let Some(p) = parent[v] {
                        path.push(p);
                        v = p;
                    }
                    path.reverse();
                    Some(path)
                } else {
                    None
                };
                expect_eq!(
                    run_path(&graph, start, to),
                    expected,
                    "shortest_path from {start} to {to} on a random graph of {nodes} nodes and {edges} edges"
                );
            }
        }
    }
}
