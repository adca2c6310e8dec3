//! Edges in a `HashMap` of `HashSet`s; the deadlocked transactions are the strongly connected
//! components of two or more, found with Kosaraju's two passes (iterative, so long cycles need
//! no deep recursion); a cycle is a breadth-first path inside one such component back to its
//! start.

use std::collections::{HashMap, HashSet, VecDeque};

#[derive(Default)]
pub struct WaitForGraph {
    out: HashMap<u64, HashSet<u64>>,
}

impl WaitForGraph {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add_wait(&mut self, waiter: u64, holder: u64) {
        if waiter != holder {
            self.out.entry(waiter).or_default().insert(holder);
        }
    }

    pub fn remove_wait(&mut self, waiter: u64, holder: u64) {
        if let Some(set) = self.out.get_mut(&waiter) {
            set.remove(&holder);
        }
    }

    pub fn remove_txn(&mut self, txn: u64) {
        self.out.remove(&txn);
        for set in self.out.values_mut() {
            set.remove(&txn);
        }
    }

    fn nodes(&self) -> Vec<u64> {
        let mut all: HashSet<u64> = self.out.keys().copied().collect();
        all.extend(self.out.values().flatten().copied());
        let mut all: Vec<u64> = all.into_iter().collect();
        all.sort_unstable();
        all
    }

    /// Components with at least two members.
    fn components(&self) -> Vec<Vec<u64>> {
        let nodes = self.nodes();
        let mut reverse: HashMap<u64, Vec<u64>> = HashMap::new();
        for (&w, holders) in &self.out {
            for &h in holders {
                reverse.entry(h).or_default().push(w);
            }
        }
        // Pass 1: order the nodes by DFS finishing time.
        let mut seen = HashSet::new();
        let mut finished = Vec::with_capacity(nodes.len());
        for &root in &nodes {
            if !seen.insert(root) {
                continue;
            }
            let mut stack: Vec<(u64, Vec<u64>)> = vec![(root, self.succ(root))];
            while let Some((node, todo)) = stack.last_mut() {
                if let Some(next) = todo.pop() {
                    if seen.insert(next) {
                        let succ = self.succ(next);
                        stack.push((next, succ));
                    }
                } else {
                    finished.push(*node);
                    stack.pop();
                }
            }
        }
        // Pass 2: on the reversed graph, in reverse finishing order.
        let mut assigned = HashSet::new();
        let mut out = Vec::new();
        for &root in finished.iter().rev() {
            if !assigned.insert(root) {
                continue;
            }
            let mut comp = vec![root];
            let mut stack = vec![root];
            while let Some(node) = stack.pop() {
                for &prev in reverse.get(&node).into_iter().flatten() {
                    if assigned.insert(prev) {
                        comp.push(prev);
                        stack.push(prev);
                    }
                }
            }
            if comp.len() >= 2 {
                out.push(comp);
            }
        }
        out
    }

    fn succ(&self, node: u64) -> Vec<u64> {
        self.out
            .get(&node)
            .map(|s| s.iter().copied().collect())
            .unwrap_or_default()
    }

    pub fn find_cycle(&self) -> Option<Vec<u64>> {
        let comp: HashSet<u64> = self.components().into_iter().next()?.into_iter().collect();
        let start = *comp.iter().min()?;
        // Shortest path inside the component from `start` back to `start`.
        let mut parent: HashMap<u64, u64> = HashMap::new();
        let mut queue = VecDeque::from([start]);
        while let Some(node) = queue.pop_front() {
            for next in self.succ(node) {
                if !comp.contains(&next) {
                    continue;
                }
                if next == start {
                    let mut path = vec![node];
                    let mut at = node;
                    while at != start {
                        at = parent[&at];
                        path.push(at);
                    }
                    path.reverse();
                    return Some(path);
                }
                if let std::collections::hash_map::Entry::Vacant(e) = parent.entry(next) {
                    e.insert(node);
                    queue.push_back(next);
                }
            }
        }
        None
    }

    pub fn deadlocked(&self) -> Vec<u64> {
        let mut all: Vec<u64> = self.components().into_iter().flatten().collect();
        all.sort_unstable();
        all
    }

    pub fn choose_victim<F: Fn(u64) -> u64>(&self, cost: F) -> Option<u64> {
        self.deadlocked()
            .into_iter()
            .min_by_key(|&t| (cost(t), std::cmp::Reverse(t)))
    }

    pub fn resolve<F: Fn(u64) -> u64>(&mut self, cost: F) -> Vec<u64> {
        let mut victims = Vec::new();
        while let Some(v) = self.choose_victim(&cost) {
            self.remove_txn(v);
            victims.push(v);
        }
        victims
    }
}
