//! `remove_wait(waiter, holder)` drops every wait of `waiter`, not just the one for `holder`: a
//! transaction that waits for two holders and gets one lock forgets it still waits for the other.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

/// Who waits for whom: an edge `waiter -> holder` means `waiter` waits for a lock `holder` has.
#[derive(Default)]
pub struct WaitForGraph {
    waits_for: BTreeMap<u64, BTreeSet<u64>>,
}

impl WaitForGraph {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records that `waiter` waits for `holder`. Self-waits are ignored; repeats are no-ops.
    pub fn add_wait(&mut self, waiter: u64, holder: u64) {
        if waiter != holder {
            self.waits_for.entry(waiter).or_default().insert(holder);
        }
    }

    /// Forgets that `waiter` waits for `holder` (the lock was granted).
    pub fn remove_wait(&mut self, waiter: u64, holder: u64) {
        // The waiter got a lock: it is no longer waiting.
        if self
            .waits_for
            .get(&waiter)
            .is_some_and(|h| h.contains(&holder))
        {
            self.waits_for.remove(&waiter);
        }
    }

    /// Removes a finished or aborted transaction: its own waits and every wait for it.
    pub fn remove_txn(&mut self, txn: u64) {
        self.waits_for.remove(&txn);
        self.waits_for.retain(|_, holders| {
            holders.remove(&txn);
            !holders.is_empty()
        });
    }

    fn holders_of(&self, txn: u64) -> impl Iterator<Item = u64> + '_ {
        self.waits_for.get(&txn).into_iter().flatten().copied()
    }

    /// The strongly connected components with at least two transactions (Tarjan, iterative).
    fn deadlocked_components(&self) -> Vec<Vec<u64>> {
        let mut tarjan = Tarjan::default();
        // Only waiters can be on a cycle: a transaction waiting for nobody has no way back.
        for &root in self.waits_for.keys() {
            if !tarjan.index.contains_key(&root) {
                tarjan.run(self, root);
            }
        }
        tarjan.components
    }

    /// Some cycle `[t0, t1, .., tk]`: each waits for the next and `tk` waits for `t0`.
    pub fn find_cycle(&self) -> Option<Vec<u64>> {
        let component: HashSet<u64> = self.deadlocked_components().pop()?.into_iter().collect();
        let start = *component.iter().next().expect("components are not empty");
        // Breadth-first search inside the component for a way back to `start`.
        let mut came_from: HashMap<u64, u64> = HashMap::new();
        let mut queue = VecDeque::from([start]);
        while let Some(txn) = queue.pop_front() {
            for next in self.holders_of(txn) {
                if next == start {
                    let mut cycle = vec![txn];
                    while let Some(&prev) = came_from.get(cycle.last().expect("not empty")) {
                        cycle.push(prev);
                    }
                    cycle.reverse();
                    return Some(cycle);
                }
                if component.contains(&next) && !came_from.contains_key(&next) {
                    came_from.insert(next, txn);
                    queue.push_back(next);
                }
            }
        }
        unreachable!("every member of a strongly connected component lies on a cycle")
    }

    /// Every transaction that lies on a cycle, in ascending order.
    pub fn deadlocked(&self) -> Vec<u64> {
        let mut all: Vec<u64> = self.deadlocked_components().into_iter().flatten().collect();
        all.sort_unstable();
        all
    }

    /// The deadlocked transaction with the lowest cost; ties go to the highest id (youngest).
    pub fn choose_victim<F: Fn(u64) -> u64>(&self, cost: F) -> Option<u64> {
        self.deadlocked()
            .into_iter()
            .min_by_key(|&txn| (cost(txn), std::cmp::Reverse(txn)))
    }

    /// Aborts victims (removing them) until no deadlock is left; returns them in order.
    pub fn resolve<F: Fn(u64) -> u64>(&mut self, cost: F) -> Vec<u64> {
        let mut victims = Vec::new();
        while let Some(victim) = self.choose_victim(&cost) {
            self.remove_txn(victim);
            victims.push(victim);
        }
        victims
    }
}

/// The bookkeeping of Tarjan's strongly-connected-components algorithm.
#[derive(Default)]
struct Tarjan {
    index: HashMap<u64, usize>,
    low: HashMap<u64, usize>,
    on_stack: HashSet<u64>,
    stack: Vec<u64>,
    /// The explicit call stack: a transaction and the holders it has yet to explore.
    frames: Vec<(u64, Vec<u64>)>,
    /// Components of two or more transactions found so far.
    components: Vec<Vec<u64>>,
}

impl Tarjan {
    fn enter(&mut self, graph: &WaitForGraph, txn: u64) {
        let i = self.index.len();
        self.index.insert(txn, i);
        self.low.insert(txn, i);
        self.stack.push(txn);
        self.on_stack.insert(txn);
        self.frames.push((txn, graph.holders_of(txn).collect()));
    }

    fn run(&mut self, graph: &WaitForGraph, root: u64) {
        self.enter(graph, root);
        while let Some((txn, pending)) = self.frames.last_mut() {
            let txn = *txn;
            if let Some(next) = pending.pop() {
                if !self.index.contains_key(&next) {
                    self.enter(graph, next);
                } else if self.on_stack.contains(&next) {
                    let lowest = self.low[&txn].min(self.index[&next]);
                    self.low.insert(txn, lowest);
                }
                continue;
            }
            // All holders explored: return to the caller's frame.
            self.frames.pop();
            if let Some(&(parent, _)) = self.frames.last() {
                let lowest = self.low[&parent].min(self.low[&txn]);
                self.low.insert(parent, lowest);
            }
            if self.low[&txn] == self.index[&txn] {
                let mut component = Vec::new();
                loop {
                    let member = self.stack.pop().expect("the component is on the stack");
                    self.on_stack.remove(&member);
                    component.push(member);
                    if member == txn {
                        break;
                    }
                }
                if component.len() > 1 {
                    self.components.push(component);
                }
            }
        }
    }
}
