use kata_assert::{expect, expect_eq};
use linked_list_cycle::{cycle_start, has_cycle, Link, Node};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::rc::Rc;

// ---------- counting the heap memory a call allocates (on this thread only) ----------

struct CountingAllocator;

thread_local! {
    static ALLOCATED: Cell<usize> = const { Cell::new(0) };
}

fn note(bytes: usize) {
    let _ = ALLOCATED.try_with(|a| a.set(a.get().saturating_add(bytes)));
}

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        System.alloc(layout)
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        System.alloc_zeroed(layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size);
        System.realloc(ptr, layout, new_size)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

/// Runs `f` and returns its result with the number of heap bytes it allocated.
fn bytes_allocated_by<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = ALLOCATED.with(Cell::get);
    let result = f();
    let after = ALLOCATED.with(Cell::get);
    (result, after - before)
}

// ---------- building lists ----------

/// A test list: its head and every node in list order. Dropping it unlinks the nodes, so that
/// cycles do not leak and long lists do not drop recursively.
struct List {
    head: Link,
    nodes: Vec<Rc<RefCell<Node>>>,
}

impl Drop for List {
    fn drop(&mut self) {
        for node in &self.nodes {
            if let Ok(mut node) = node.try_borrow_mut() {
                node.next = None;
            }
        }
    }
}

/// Builds `vals[0] → vals[1] → …`; the last node links to node `cycle_to` (or ends the list).
fn list(vals: &[i32], cycle_to: Option<usize>) -> List {
    let nodes: Vec<Rc<RefCell<Node>>> = vals
        .iter()
        .map(|&val| Rc::new(RefCell::new(Node { val, next: None })))
        .collect();
    for pair in nodes.windows(2) {
        pair[0].borrow_mut().next = Some(Rc::clone(&pair[1]));
    }
    if let (Some(to), Some(last)) = (cycle_to, nodes.last()) {
        last.borrow_mut().next = Some(Rc::clone(&nodes[to]));
    }
    List {
        head: nodes.first().cloned(),
        nodes,
    }
}

/// A list of `len` nodes with values `0, 1, 2, …`.
fn numbered(len: usize, cycle_to: Option<usize>) -> List {
    let vals: Vec<i32> = (0..len as i32).collect();
    list(&vals, cycle_to)
}

/// Describes a link returned by `cycle_start` in terms of the test list.
fn describe(link: &Link, list: &List) -> String {
    match link {
        None => "None".to_string(),
        Some(node) => match list.nodes.iter().position(|n| Rc::ptr_eq(n, node)) {
            Some(i) => format!("node {i}"),
            None => "a node that is not in the list".to_string(),
        },
    }
}

/// Calls `has_cycle`, turning a panic into a failure that names the list.
fn check_has_cycle(list: &List, what: &str) -> bool {
    let result = panic::catch_unwind(AssertUnwindSafe(|| has_cycle(&list.head)));
    expect!(result.is_ok(), "has_cycle must not panic ({what})");
    result.unwrap()
}

/// Calls `cycle_start` and describes its answer, turning a panic into a failure.
fn check_cycle_start(list: &List, what: &str) -> String {
    let result = panic::catch_unwind(AssertUnwindSafe(|| cycle_start(&list.head)));
    expect!(result.is_ok(), "cycle_start must not panic ({what})");
    describe(&result.unwrap(), list)
}

/// Checks both functions on a list whose cycle starts at node `start` (or that has none).
fn check(list: &List, start: Option<usize>, what: &str) {
    expect_eq!(
        check_has_cycle(list, what),
        start.is_some(),
        "has_cycle on {what}"
    );
    let expected = match start {
        Some(i) => format!("node {i}"),
        None => "None".to_string(),
    };
    expect_eq!(
        check_cycle_start(list, what),
        expected,
        "cycle_start on {what} (nodes numbered from 0 at the head)"
    );
}

// ---------- tests ----------

#[test]
fn empty_list_has_no_cycle() {
    expect!(!has_cycle(&None), "the empty list (None) has no cycle");
    expect!(
        cycle_start(&None).is_none(),
        "the empty list (None) has no cycle start"
    );
}

#[test]
fn single_node_without_cycle() {
    let l = list(&[1], None);
    check(&l, None, "a single node whose next is None");
}

#[test]
fn acyclic_lists_of_every_small_length() {
    for len in 1..=12 {
        let l = numbered(len, None);
        check(&l, None, &format!("a list of {len} nodes ending in None"));
    }
}

#[test]
fn single_node_pointing_to_itself() {
    let l = list(&[1], Some(0));
    check(
        &l,
        Some(0),
        "a single node whose next is itself (a self-loop)",
    );
}

#[test]
fn self_loop_at_the_end_of_a_list() {
    for len in 2..=6 {
        let l = numbered(len, Some(len - 1));
        check(
            &l,
            Some(len - 1),
            &format!("{len} nodes where the last node points to itself"),
        );
    }
}

#[test]
fn two_node_ring() {
    let l = list(&[1, 2], Some(0));
    check(&l, Some(0), "1 → 2 → back to 1");
}

#[test]
fn whole_list_is_a_ring() {
    for len in 2..=12 {
        let l = numbered(len, Some(0));
        check(
            &l,
            Some(0),
            &format!("a ring of {len} nodes where the last points back to the head"),
        );
    }
}

#[test]
fn every_tail_and_cycle_length() {
    for tail in 0..=9 {
        for cycle in 1..=9 {
            let l = numbered(tail + cycle, Some(tail));
            check(
                &l,
                Some(tail),
                &format!("{tail} nodes before a cycle of {cycle} nodes"),
            );
        }
    }
}

#[test]
fn repeated_values_are_not_a_cycle() {
    let l = list(&[5, 5, 5, 5, 5, 5], None);
    check(
        &l,
        None,
        "5 → 5 → 5 → 5 → 5 → 5 → None (equal values, distinct nodes)",
    );
    let l = list(&[1, 2, 1, 2, 1, 2, 1], None);
    check(&l, None, "1 → 2 → 1 → 2 → 1 → 2 → 1 → None");
}

#[test]
fn cycle_start_is_found_by_identity_not_value() {
    let l = list(&[7, 7, 7, 7, 7, 7, 7], Some(3));
    check(
        &l,
        Some(3),
        "seven nodes all holding 7, the last pointing back to node 3",
    );
    let l = list(&[4, 9, 4, 9, 4, 9], Some(5));
    check(
        &l,
        Some(5),
        "4 → 9 → 4 → 9 → 4 → 9 with the last 9 pointing to itself",
    );
}

#[test]
fn any_i32_value_is_allowed() {
    let l = list(&[i32::MIN, 0, i32::MAX, -1, i32::MIN], None);
    check(
        &l,
        None,
        "a list holding i32::MIN and i32::MAX, ending in None",
    );
    let l = list(&[i32::MAX, i32::MIN, 0, i32::MIN], Some(1));
    check(
        &l,
        Some(1),
        "i32::MAX → i32::MIN → 0 → i32::MIN → back to node 1",
    );
}

#[test]
fn long_list_without_cycle() {
    let l = numbered(100_000, None);
    check(&l, None, "a list of 100,000 nodes ending in None");
}

#[test]
fn long_list_with_a_long_cycle() {
    let l = numbered(100_000, Some(40_000));
    check(
        &l,
        Some(40_000),
        "100,000 nodes whose last points back to node 40,000",
    );
    let l = numbered(100_000, Some(99_999));
    check(&l, Some(99_999), "100,000 nodes ending in a self-loop");
}

#[test]
fn extra_memory_is_constant() {
    const LIMIT: usize = 1024;
    for (len, cycle_to) in [(20_000, Some(6_000)), (20_000, Some(0)), (20_000, None)] {
        let l = numbered(len, cycle_to);
        let what = match cycle_to {
            Some(to) => format!("{len} nodes whose last points back to node {to}"),
            None => format!("{len} nodes ending in None"),
        };
        let (found, bytes) = bytes_allocated_by(|| has_cycle(&l.head));
        expect_eq!(found, cycle_to.is_some(), "has_cycle on {what}");
        expect!(
            bytes <= LIMIT,
            "has_cycle must use O(1) extra memory: it allocated {bytes} bytes on {what} (at most {LIMIT} allowed; no set or list of visited nodes)"
        );
        let (start, bytes) = bytes_allocated_by(|| cycle_start(&l.head));
        let start = describe(&start, &l);
        let expected = cycle_to.map_or("None".to_string(), |i| format!("node {i}"));
        expect_eq!(start, expected, "cycle_start on {what}");
        expect!(
            bytes <= LIMIT,
            "cycle_start must use O(1) extra memory: it allocated {bytes} bytes on {what} (at most {LIMIT} allowed; no set or list of visited nodes)"
        );
    }
}

#[test]
fn list_is_left_unchanged() {
    for cycle_to in [None, Some(0), Some(4), Some(9)] {
        let vals = [3, -8, 3, i32::MAX, 0, 17, i32::MIN, 3, 42, -1];
        let l = list(&vals, cycle_to);
        let links: Vec<Option<usize>> = (0..vals.len())
            .map(|i| {
                if i + 1 < vals.len() {
                    Some(i + 1)
                } else {
                    cycle_to
                }
            })
            .collect();
        let _ = check_has_cycle(&l, "a list of 10 nodes");
        let _ = check_cycle_start(&l, "a list of 10 nodes");
        for (i, node) in l.nodes.iter().enumerate() {
            let node = node.try_borrow();
            expect!(
                node.is_ok(),
                "after the calls return, no node may still be borrowed (node {i})"
            );
            let node = node.unwrap();
            expect_eq!(
                node.val,
                vals[i],
                "has_cycle and cycle_start must not change any value (node {i})"
            );
            let next = match &node.next {
                None => None,
                Some(n) => l.nodes.iter().position(|m| Rc::ptr_eq(m, n)),
            };
            let next_ok = match (&node.next, links[i]) {
                (None, None) => true,
                (Some(_), Some(j)) => next == Some(j),
                _ => false,
            };
            expect!(
                next_ok,
                "has_cycle and cycle_start must not change any link: node {i} must still point to {:?}",
                links[i].map_or("None".to_string(), |j| format!("node {j}"))
            );
        }
    }
}

#[test]
fn repeated_calls_give_the_same_answers() {
    let l = numbered(50, Some(20));
    for round in 1..=3 {
        check(
            &l,
            Some(20),
            &format!("50 nodes whose last points back to node 20 (call number {round})"),
        );
    }
    let l = list(&[0, 0, 0], None);
    for round in 1..=3 {
        check(&l, None, &format!("0 → 0 → 0 → None (call number {round})"));
    }
}

#[test]
fn head_can_be_a_node_in_the_middle_of_a_list() {
    // Start the walk at node 2 of 0 → 1 → 2 → 3 → 4 → back to 1: the cycle 1 → 2 → 3 → 4 is
    // entered at node 2, so seen from there the whole list is a ring starting at node 2.
    let l = numbered(5, Some(1));
    let head: Link = Some(Rc::clone(&l.nodes[2]));
    expect!(has_cycle(&head), "walking from node 2 enters the cycle");
    expect_eq!(
        describe(&cycle_start(&head), &l),
        "node 2",
        "from node 2 the first repeated node is node 2 itself"
    );
}
