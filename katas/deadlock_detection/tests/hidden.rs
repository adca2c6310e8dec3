use deadlock_detection::WaitForGraph;
use kata_assert::{expect, expect_eq};
use std::collections::BTreeSet;

/// The graph under test plus the tests' own record of its edges, to check returned cycles.
struct Tracked {
    g: WaitForGraph,
    edges: BTreeSet<(u64, u64)>,
}

impl Tracked {
    fn new(edges: &[(u64, u64)]) -> Self {
        let mut t = Tracked {
            g: WaitForGraph::new(),
            edges: BTreeSet::new(),
        };
        for &(w, h) in edges {
            t.add(w, h);
        }
        t
    }

    fn add(&mut self, w: u64, h: u64) {
        self.g.add_wait(w, h);
        if w != h {
            self.edges.insert((w, h));
        }
    }

    /// Checks that find_cycle returned a real cycle of this graph.
    fn expect_valid_cycle(&self, what: &str) -> Vec<u64> {
        let Some(cycle) = self.g.find_cycle() else {
            expect!(
                false,
                "{}: find_cycle returned None, but the graph has a cycle",
                what
            );
            unreachable!()
        };
        expect!(
            cycle.len() >= 2,
            "{}: a cycle has at least two transactions; got {:?}",
            what,
            cycle
        );
        let distinct: BTreeSet<u64> = cycle.iter().copied().collect();
        expect_eq!(
            distinct.len(),
            cycle.len(),
            "{}: the transactions of a cycle are distinct",
            what
        );
        for i in 0..cycle.len() {
            let (w, h) = (cycle[i], cycle[(i + 1) % cycle.len()]);
            expect!(
                self.edges.contains(&(w, h)),
                "{}: in the returned cycle, {} must wait for {}, but there is no such edge",
                what,
                w,
                h
            );
        }
        cycle
    }
}

fn ring(start: u64, len: u64) -> Vec<(u64, u64)> {
    (0..len)
        .map(|i| (start + i, start + (i + 1) % len))
        .collect()
}

#[test]
fn empty_graph_has_no_deadlock() {
    let g = WaitForGraph::new();
    expect_eq!(g.find_cycle(), None, "no edges, no cycle");
    expect_eq!(
        g.deadlocked(),
        Vec::<u64>::new(),
        "no edges, nobody deadlocked"
    );
    expect_eq!(g.choose_victim(|_| 1), None, "no deadlock, no victim");
}

#[test]
fn chain_is_not_a_deadlock() {
    let t = Tracked::new(&[(1, 2), (2, 3), (3, 4)]);
    expect_eq!(
        t.g.find_cycle(),
        None,
        "1 → 2 → 3 → 4 is a chain: 4 will finish"
    );
    expect_eq!(
        t.g.deadlocked(),
        Vec::<u64>::new(),
        "nobody in a chain is deadlocked"
    );
}

#[test]
fn two_transactions_waiting_for_each_other() {
    let t = Tracked::new(&[(1, 2), (2, 1)]);
    let cycle = t.expect_valid_cycle("1 ⇄ 2");
    expect_eq!(cycle.len(), 2, "the only cycle has two transactions");
    expect_eq!(t.g.deadlocked(), vec![1, 2], "both are deadlocked");
}

#[test]
fn self_wait_is_ignored() {
    let t = Tracked::new(&[(5, 5)]);
    expect_eq!(
        t.g.find_cycle(),
        None,
        "add_wait(5, 5) is ignored: no cycle"
    );
    expect_eq!(t.g.deadlocked(), Vec::<u64>::new(), "5 is not deadlocked");
}

#[test]
fn three_cycle_is_found() {
    let t = Tracked::new(&[(1, 2), (2, 3), (3, 1)]);
    let cycle = t.expect_valid_cycle("1 → 2 → 3 → 1");
    expect_eq!(cycle.len(), 3, "the cycle has three transactions");
    expect_eq!(t.g.deadlocked(), vec![1, 2, 3], "all three are deadlocked");
}

#[test]
fn long_cycle_is_found() {
    let t = Tracked::new(&ring(1, 1_000));
    let cycle = t.expect_valid_cycle("a ring of 1,000 transactions");
    expect_eq!(cycle.len(), 1_000, "the only cycle runs through all 1,000");
    expect_eq!(
        t.g.deadlocked(),
        (1..=1_000).collect::<Vec<u64>>(),
        "every transaction of the ring is deadlocked"
    );
}

#[test]
fn long_cycle_behind_a_long_chain_is_found() {
    // 1 → 2 → … → 500 → 501, and 501 → … → 1000 → 501.
    let mut edges: Vec<(u64, u64)> = (1..=500).map(|i| (i, i + 1)).collect();
    edges.extend(ring(501, 500));
    let t = Tracked::new(&edges);
    let cycle = t.expect_valid_cycle("a ring of 500 reached through a chain of 500");
    expect_eq!(cycle.len(), 500, "the cycle is the ring");
    expect_eq!(
        t.g.deadlocked(),
        (501..=1_000).collect::<Vec<u64>>(),
        "only the ring is deadlocked; the chain leading into it is not"
    );
}

#[test]
fn cycle_not_reachable_from_the_first_transaction_is_found() {
    let t = Tracked::new(&[(1, 2), (2, 3), (50, 60), (60, 70), (70, 50)]);
    t.expect_valid_cycle("a chain 1 → 2 → 3 and a separate cycle 50 → 60 → 70 → 50");
    expect_eq!(
        t.g.deadlocked(),
        vec![50, 60, 70],
        "the separate cycle is deadlocked"
    );
}

#[test]
fn diamond_is_not_a_deadlock() {
    let t = Tracked::new(&[(1, 2), (1, 3), (2, 4), (3, 4)]);
    expect_eq!(
        t.g.find_cycle(),
        None,
        "1 waits for 2 and 3, which both wait for 4: 4 is reached twice, but there is no cycle"
    );
    expect_eq!(
        t.g.deadlocked(),
        Vec::<u64>::new(),
        "nobody in a diamond is deadlocked"
    );
}

#[test]
fn many_paths_without_a_cycle() {
    // Layers of 10 transactions, each waiting for all of the next layer: no cycle, but a huge
    // number of paths.
    let mut edges = Vec::new();
    for layer in 0..30u64 {
        for a in 0..10 {
            for b in 0..10 {
                edges.push((layer * 10 + a, (layer + 1) * 10 + b));
            }
        }
    }
    let t = Tracked::new(&edges);
    expect_eq!(
        t.g.find_cycle(),
        None,
        "every edge points to a later layer: no cycle"
    );
    expect_eq!(t.g.deadlocked(), Vec::<u64>::new(), "nobody is deadlocked");
}

#[test]
fn many_overlapping_cycles_are_handled() {
    // 400 transactions in a circle, each waiting for the next five: a huge number of cycles.
    let n = 400u64;
    let mut edges = Vec::new();
    for i in 0..n {
        for k in 1..=5 {
            edges.push((i, (i + k) % n));
        }
    }
    let t = Tracked::new(&edges);
    t.expect_valid_cycle("400 transactions each waiting for the next five");
    expect_eq!(
        t.g.deadlocked(),
        (0..n).collect::<Vec<u64>>(),
        "every one of them is on a cycle"
    );
}

#[test]
fn waiters_on_a_deadlock_are_not_deadlocked() {
    let t = Tracked::new(&[(1, 2), (2, 3), (3, 1), (4, 1), (5, 4), (6, 2)]);
    expect_eq!(
        t.g.deadlocked(),
        vec![1, 2, 3],
        "4, 5 and 6 wait for the cycle 1 → 2 → 3 → 1 but are not on it"
    );
}

#[test]
fn holders_outside_a_cycle_are_not_deadlocked() {
    let t = Tracked::new(&[(1, 2), (2, 1), (2, 9), (9, 10)]);
    expect_eq!(
        t.g.deadlocked(),
        vec![1, 2],
        "2 also waits for 9, but 9 does not wait back: 9 and 10 are not deadlocked"
    );
}

#[test]
fn two_separate_cycles_are_both_deadlocked() {
    let t = Tracked::new(&[(1, 2), (2, 1), (7, 8), (8, 9), (9, 7)]);
    t.expect_valid_cycle("two separate cycles");
    expect_eq!(
        t.g.deadlocked(),
        vec![1, 2, 7, 8, 9],
        "members of both cycles"
    );
}

#[test]
fn cycles_sharing_a_transaction() {
    let t = Tracked::new(&[(1, 2), (2, 1), (2, 3), (3, 2)]);
    t.expect_valid_cycle("two cycles through transaction 2");
    expect_eq!(t.g.deadlocked(), vec![1, 2, 3], "all three are on a cycle");
}

#[test]
fn duplicate_waits_are_one_edge() {
    let mut t = Tracked::new(&[(1, 2), (1, 2), (2, 1)]);
    t.g.remove_wait(1, 2);
    expect_eq!(
        t.g.find_cycle(),
        None,
        "the edge 1 → 2 was added twice but is one edge: one remove_wait removes it"
    );
}

#[test]
fn remove_wait_breaks_the_cycle() {
    let mut t = Tracked::new(&[(1, 2), (2, 3), (3, 1)]);
    t.g.remove_wait(3, 1);
    expect_eq!(
        t.g.find_cycle(),
        None,
        "3 got its lock: the cycle is broken"
    );
    expect_eq!(t.g.deadlocked(), Vec::<u64>::new(), "nobody is deadlocked");
    t.g.remove_wait(3, 1);
    t.g.remove_wait(40, 41);
    expect_eq!(
        t.g.deadlocked(),
        Vec::<u64>::new(),
        "removing missing edges changes nothing"
    );
}

#[test]
fn remove_wait_removes_only_that_wait() {
    // 1 waits for both 2 and 3; 3 waits for 1. Granting 1 the lock held by 2 leaves 1 → 3.
    let mut t = Tracked::new(&[(1, 2), (1, 3), (3, 1)]);
    t.g.remove_wait(1, 2);
    t.edges.remove(&(1, 2));
    t.expect_valid_cycle("1 still waits for 3, and 3 for 1");
    expect_eq!(
        t.g.deadlocked(),
        vec![1, 3],
        "remove_wait(1, 2) removes only the edge 1 → 2: 1 ⇄ 3 is still a deadlock"
    );
}

#[test]
fn remove_txn_removes_waits_for_it() {
    let mut t = Tracked::new(&[(1, 2), (2, 3), (3, 1), (4, 3)]);
    t.g.remove_txn(3);
    expect_eq!(
        t.g.find_cycle(),
        None,
        "removing 3 removes 2 → 3 and 4 → 3 as well as 3 → 1"
    );
    // 2 → 3 must be gone too: adding 3 → 2 must not recreate a cycle.
    t.g.add_wait(3, 2);
    expect_eq!(
        t.g.find_cycle(),
        None,
        "after remove_txn(3), a new wait 3 → 2 makes no cycle (nobody waits for 3 any more)"
    );
}

#[test]
fn remove_txn_removes_its_own_waits() {
    let mut t = Tracked::new(&[(1, 2), (2, 1)]);
    t.g.remove_txn(1);
    t.g.add_wait(2, 1);
    expect_eq!(
        t.g.find_cycle(),
        None,
        "1 no longer waits for 2, so 2 → 1 is not a cycle"
    );
}

#[test]
fn graph_can_deadlock_again_after_resolution() {
    let mut t = Tracked::new(&[(1, 2), (2, 1)]);
    t.g.remove_txn(2);
    t.add(1, 3);
    t.add(3, 1);
    t.expect_valid_cycle("a new deadlock 1 ⇄ 3");
    expect_eq!(t.g.deadlocked(), vec![1, 3], "1 and 3 are deadlocked");
}

#[test]
fn victim_is_the_cheapest_deadlocked_transaction() {
    let t = Tracked::new(&[(1, 2), (2, 3), (3, 1)]);
    let cost = |txn: u64| match txn {
        1 => 30,
        2 => 5,
        _ => 20,
    };
    expect_eq!(
        t.g.choose_victim(cost),
        Some(2),
        "2 has the lowest cost (5)"
    );
}

#[test]
fn victim_ties_go_to_the_youngest() {
    let t = Tracked::new(&[(4, 9), (9, 6), (6, 4)]);
    expect_eq!(
        t.g.choose_victim(|_| 7),
        Some(9),
        "all cost 7: the highest id (9) is the youngest and is chosen"
    );
    let t = Tracked::new(&[(1, 2), (2, 3), (3, 1)]);
    expect_eq!(
        t.g.choose_victim(|txn| if txn == 3 { 99 } else { 1 }),
        Some(2),
        "1 and 2 tie at cost 1: 2 is younger"
    );
}

#[test]
fn victim_is_never_a_mere_waiter() {
    let t = Tracked::new(&[(1, 2), (2, 1), (3, 1)]);
    expect_eq!(
        t.g.choose_victim(|txn| if txn == 3 { 0 } else { 10 }),
        Some(2),
        "3 is cheapest but only waits for the deadlock; the victim must be 1 or 2 (tie: 2)"
    );
}

#[test]
fn victim_may_come_from_any_cycle() {
    let t = Tracked::new(&[(1, 2), (2, 1), (7, 8), (8, 7)]);
    expect_eq!(
        t.g.choose_victim(|txn| txn % 7),
        Some(7),
        "the cheapest deadlocked transaction overall (7, cost 0) is chosen"
    );
}

#[test]
fn resolve_aborts_until_no_deadlock_is_left() {
    let mut t = Tracked::new(&[(1, 2), (2, 1), (7, 8), (8, 9), (9, 7), (5, 7)]);
    let victims = t.g.resolve(|txn| txn);
    expect_eq!(
        victims,
        vec![1, 7],
        "cost = id: 1 is cheapest (its cycle is broken), then 7; 5 never was deadlocked"
    );
    expect_eq!(t.g.find_cycle(), None, "no cycle is left");
    expect_eq!(t.g.deadlocked(), Vec::<u64>::new(), "nobody is deadlocked");
}

#[test]
fn resolve_aborts_one_victim_for_cycles_sharing_it() {
    let mut t = Tracked::new(&[(1, 2), (2, 1), (2, 3), (3, 2), (2, 4), (4, 2)]);
    let victims = t.g.resolve(|txn| if txn == 2 { 1 } else { 100 });
    expect_eq!(
        victims,
        vec![2],
        "aborting 2 breaks all three cycles at once"
    );
}

#[test]
fn resolve_on_a_healthy_graph_does_nothing() {
    let mut t = Tracked::new(&[(1, 2), (2, 3)]);
    expect_eq!(
        t.g.resolve(|_| 1),
        Vec::<u64>::new(),
        "no deadlock, no victims"
    );
    t.g.add_wait(3, 1);
    expect_eq!(
        t.g.deadlocked(),
        vec![1, 2, 3],
        "resolve removed nothing: adding 3 → 1 now closes the cycle 1 → 2 → 3 → 1"
    );
}

#[test]
fn resolve_a_long_cycle() {
    let mut t = Tracked::new(&ring(1, 1_000));
    let victims = t.g.resolve(|txn| 10_000 - txn);
    expect_eq!(
        victims,
        vec![1_000],
        "the cheapest member (1,000) of the ring is aborted"
    );
    expect_eq!(t.g.find_cycle(), None, "one abort breaks a ring");
}
