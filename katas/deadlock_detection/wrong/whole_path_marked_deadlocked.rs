//! On finding a cycle, marks every transaction on the current search path as deadlocked, including the ones that only wait for the cycle.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

#[derive(Default)]
pub struct WaitForGraph {
    edges: BTreeMap<u64, BTreeSet<u64>>,
}

impl WaitForGraph {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add_wait(&mut self, waiter: u64, holder: u64) {
        if waiter != holder {
            self.edges.entry(waiter).or_default().insert(holder);
        }
    }

    pub fn remove_wait(&mut self, waiter: u64, holder: u64) {
        if let Some(holders) = self.edges.get_mut(&waiter) {
            holders.remove(&holder);
        }
    }

    pub fn remove_txn(&mut self, txn: u64) {
        self.edges.remove(&txn);
        for holders in self.edges.values_mut() {
            holders.remove(&txn);
        }
    }

    fn holders(&self, txn: u64) -> Vec<u64> {
        self.edges
            .get(&txn)
            .into_iter()
            .flatten()
            .copied()
            .collect()
    }

    /// Whether `target` can be reached from `from` by following at least one edge.
    fn reaches(&self, from: u64, target: u64) -> bool {
        let mut seen = BTreeSet::new();
        let mut stack = self.holders(from);
        while let Some(txn) = stack.pop() {
            if txn == target {
                return true;
            }
            if seen.insert(txn) {
                stack.extend(self.holders(txn));
            }
        }
        false
    }

    /// A shortest cycle through `start`, if there is one.
    fn cycle_through(&self, start: u64) -> Option<Vec<u64>> {
        let mut came_from: HashMap<u64, u64> = HashMap::new();
        let mut queue = VecDeque::from([start]);
        while let Some(txn) = queue.pop_front() {
            for next in self.holders(txn) {
                if next == start {
                    let mut cycle = vec![txn];
                    while let Some(&prev) = came_from.get(cycle.last().unwrap()) {
                        cycle.push(prev);
                    }
                    cycle.reverse();
                    return Some(cycle);
                }
                if next != start && !came_from.contains_key(&next) {
                    came_from.insert(next, txn);
                    queue.push_back(next);
                }
            }
        }
        None
    }

    fn visit(
        &self,
        txn: u64,
        path: &mut Vec<u64>,
        state: &mut HashMap<u64, bool>,
        dead: &mut BTreeSet<u64>,
    ) {
        state.insert(txn, true);
        path.push(txn);
        for holder in self.holders(txn) {
            match state.get(&holder) {
                None => self.visit(holder, path, state, dead),
                // Back edge: everything on the path is stuck.
                Some(true) => dead.extend(path.iter().copied()),
                Some(false) => {}
            }
        }
        path.pop();
        state.insert(txn, false);
    }

    pub fn deadlocked(&self) -> Vec<u64> {
        let mut state = HashMap::new();
        let mut dead = BTreeSet::new();
        for &root in self.edges.keys() {
            if !state.contains_key(&root) {
                self.visit(root, &mut Vec::new(), &mut state, &mut dead);
            }
        }
        dead.into_iter().collect()
    }

    pub fn find_cycle(&self) -> Option<Vec<u64>> {
        let first = *self.deadlocked().first()?;
        self.cycle_through(first)
    }

    pub fn choose_victim<F: Fn(u64) -> u64>(&self, cost: F) -> Option<u64> {
        self.deadlocked()
            .into_iter()
            .min_by_key(|&txn| (cost(txn), Reverse(txn)))
    }

    pub fn resolve<F: Fn(u64) -> u64>(&mut self, cost: F) -> Vec<u64> {
        let mut victims = Vec::new();
        while let Some(victim) = self.choose_victim(&cost) {
            self.remove_txn(victim);
            victims.push(victim);
        }
        victims
    }
}
