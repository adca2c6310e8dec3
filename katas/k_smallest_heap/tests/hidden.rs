use k_smallest_heap::{k_smallest, Task, TaskQueue};
use kata_assert::{expect, expect_eq};
use std::cmp::Reverse;
use std::collections::VecDeque;
use std::panic;

/// Calls `k_smallest`, turning a panic into a failure that says what the task requires.
fn smallest(nums: &[i32], k: usize) -> Vec<i32> {
    let result = panic::catch_unwind(|| k_smallest(nums, k));
    expect!(
        result.is_ok(),
        "k_smallest must not panic (nums of length {}, k = {k})",
        nums.len()
    );
    result.unwrap()
}

fn task(priority: u32, name: &str) -> Task {
    Task {
        priority,
        name: name.to_string(),
    }
}

fn queue_of(tasks: &[(u32, &str)]) -> TaskQueue {
    let mut queue = TaskQueue::new();
    for &(priority, name) in tasks {
        queue.push(task(priority, name));
    }
    queue
}

/// Pops until `None`, as `(priority, name)` pairs.
fn drain(queue: &mut TaskQueue) -> Vec<(u32, String)> {
    let mut popped = Vec::new();
    while let Some(t) = queue.pop() {
        popped.push((t.priority, t.name));
    }
    popped
}

fn pairs(tasks: &[(u32, &str)]) -> Vec<(u32, String)> {
    tasks.iter().map(|&(p, n)| (p, n.to_string())).collect()
}

// ---------- k_smallest ----------

#[test]
fn k_smallest_of_a_small_slice() {
    expect_eq!(
        smallest(&[5, 2, 8, 1, 9], 3),
        vec![1, 2, 5],
        "the 3 smallest of [5, 2, 8, 1, 9]"
    );
}

#[test]
fn k_smallest_is_ascending() {
    expect_eq!(
        smallest(&[9, 7, 5, 3, 1], 4),
        vec![1, 3, 5, 7],
        "the k smallest come in ascending order"
    );
    expect_eq!(
        smallest(&[10, 20], 2),
        vec![10, 20],
        "the k smallest come in ascending order"
    );
}

#[test]
fn k_smallest_keeps_duplicates() {
    expect_eq!(
        smallest(&[3, 1, 3, 1, 2], 3),
        vec![1, 1, 2],
        "each occurrence is a separate number: both 1s are among the 3 smallest"
    );
    expect_eq!(
        smallest(&[4, 4, 4], 2),
        vec![4, 4],
        "two of the three 4s are the 2 smallest"
    );
    expect_eq!(
        smallest(&[2, 7, 2, 7], 4),
        vec![2, 2, 7, 7],
        "all four numbers, duplicates included"
    );
}

#[test]
fn k_zero_gives_nothing() {
    expect_eq!(
        smallest(&[3, 1, 2], 0),
        Vec::<i32>::new(),
        "k = 0 gives an empty Vec"
    );
}

#[test]
fn empty_input_gives_nothing() {
    expect_eq!(
        smallest(&[], 3),
        Vec::<i32>::new(),
        "an empty slice gives an empty Vec"
    );
    expect_eq!(
        smallest(&[], 0),
        Vec::<i32>::new(),
        "an empty slice gives an empty Vec"
    );
}

#[test]
fn k_equal_to_len_gives_all_sorted() {
    expect_eq!(
        smallest(&[2, -1, 0], 3),
        vec![-1, 0, 2],
        "k = len gives all numbers, ascending"
    );
}

#[test]
fn k_larger_than_len_gives_all_sorted() {
    expect_eq!(
        smallest(&[6, 4, 5], 4),
        vec![4, 5, 6],
        "k = len + 1 gives all numbers, ascending, without panicking"
    );
    expect_eq!(
        smallest(&[6, 4, 5, 4], 100),
        vec![4, 4, 5, 6],
        "k = 100 > len gives all numbers, ascending, duplicates kept"
    );
}

#[test]
fn k_usize_max_gives_all_sorted() {
    expect_eq!(
        smallest(&[1, 3, 2], usize::MAX),
        vec![1, 2, 3],
        "k = usize::MAX gives all numbers, ascending (no capacity overflow, no panic)"
    );
    expect_eq!(
        smallest(&[], usize::MAX),
        Vec::<i32>::new(),
        "k = usize::MAX on an empty slice gives an empty Vec"
    );
}

#[test]
fn single_element() {
    expect_eq!(smallest(&[7], 1), vec![7], "the 1 smallest of [7]");
    expect_eq!(smallest(&[7], 5), vec![7], "all of [7]");
}

#[test]
fn negative_numbers() {
    expect_eq!(
        smallest(&[-1, -10, 5, -3, 0], 3),
        vec![-10, -3, -1],
        "the 3 smallest, negatives included"
    );
}

#[test]
fn extreme_values() {
    expect_eq!(
        smallest(&[i32::MAX, 0, i32::MIN, -1, i32::MIN], 3),
        vec![i32::MIN, i32::MIN, -1],
        "i32::MIN is the smallest i32 (twice here), then -1"
    );
    expect_eq!(
        smallest(&[i32::MAX, i32::MIN, i32::MAX], 3),
        vec![i32::MIN, i32::MAX, i32::MAX],
        "every i32 is a valid number"
    );
}

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

#[test]
fn many_numbers_agree_with_sorting() {
    let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
    let nums: Vec<i32> = (0..50_000).map(|_| rng.next() as i32 % 1000).collect();
    let mut sorted = nums.clone();
    sorted.sort();
    for k in [1, 2, 17, 100, 1000, 49_999, 50_000] {
        expect_eq!(
            smallest(&nums, k),
            sorted[..k].to_vec(),
            "the {k} smallest of 50,000 numbers with many duplicates, ascending"
        );
    }
}

// ---------- TaskQueue ----------

#[test]
fn new_queue_is_empty() {
    let mut queue = TaskQueue::new();
    expect!(queue.pop().is_none(), "pop on a new queue must return None");
}

#[test]
fn pop_returns_the_task_as_pushed() {
    let mut queue = TaskQueue::new();
    queue.push(task(42, "deploy 🚀"));
    let popped = queue.pop();
    expect!(popped.is_some(), "one task was pushed: pop must return it");
    let popped = popped.unwrap();
    expect_eq!(
        popped.priority,
        42,
        "pop returns the task's priority unchanged"
    );
    expect_eq!(
        popped.name,
        "deploy 🚀",
        "pop returns the task's name unchanged"
    );
    expect!(
        queue.pop().is_none(),
        "the only task was popped: the queue is empty"
    );
}

#[test]
fn highest_priority_first() {
    let mut queue = queue_of(&[(2, "two"), (9, "nine"), (1, "one"), (5, "five")]);
    expect_eq!(
        drain(&mut queue),
        pairs(&[(9, "nine"), (5, "five"), (2, "two"), (1, "one")]),
        "tasks pop from the highest priority to the lowest"
    );
}

#[test]
fn equal_priorities_pop_in_push_order() {
    let names = ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10"];
    let tasks: Vec<(u32, &str)> = names.iter().map(|&n| (3, n)).collect();
    let mut queue = queue_of(&tasks);
    expect_eq!(
        drain(&mut queue),
        pairs(&tasks),
        "tasks of equal priority pop first in, first out"
    );
}

#[test]
fn ties_are_not_broken_by_name() {
    let tasks = [(1, "b"), (1, "a"), (1, "c"), (1, "a0"), (1, "")];
    let mut queue = queue_of(&tasks);
    expect_eq!(
        drain(&mut queue),
        pairs(&tasks),
        "equal priorities pop in push order, whatever their names"
    );
}

#[test]
fn priorities_then_push_order() {
    let mut queue = queue_of(&[
        (1, "low first"),
        (5, "high first"),
        (1, "low second"),
        (5, "high second"),
        (3, "mid"),
        (5, "high third"),
        (1, "low third"),
    ]);
    expect_eq!(
        drain(&mut queue),
        pairs(&[
            (5, "high first"),
            (5, "high second"),
            (5, "high third"),
            (3, "mid"),
            (1, "low first"),
            (1, "low second"),
            (1, "low third"),
        ]),
        "highest priority first; first in, first out among equal priorities"
    );
}

#[test]
fn interleaved_pushes_and_pops_keep_fifo() {
    let mut queue = queue_of(&[(2, "first"), (2, "second")]);
    let t = queue.pop().map(|t| t.name);
    expect_eq!(
        t,
        Some("first".to_string()),
        "\"first\" was pushed before \"second\""
    );
    queue.push(task(2, "third"));
    queue.push(task(7, "urgent"));
    let t = queue.pop().map(|t| t.name);
    expect_eq!(t, Some("urgent".to_string()), "priority 7 beats priority 2");
    let t = queue.pop().map(|t| t.name);
    expect_eq!(
        t,
        Some("second".to_string()),
        "\"second\" was pushed before \"third\""
    );
    queue.push(task(2, "fourth"));
    expect_eq!(
        drain(&mut queue),
        pairs(&[(2, "third"), (2, "fourth")]),
        "the remaining equal-priority tasks pop in push order"
    );
}

#[test]
fn queue_is_reusable_after_emptying() {
    let mut queue = queue_of(&[(1, "x")]);
    let _ = drain(&mut queue);
    expect!(queue.pop().is_none(), "an emptied queue pops None");
    queue.push(task(4, "y1"));
    queue.push(task(4, "y2"));
    queue.push(task(8, "z"));
    expect_eq!(
        drain(&mut queue),
        pairs(&[(8, "z"), (4, "y1"), (4, "y2")]),
        "a queue works the same after being emptied"
    );
}

#[test]
fn extreme_priorities() {
    let mut queue = queue_of(&[
        (0, "zero"),
        (u32::MAX, "max"),
        (1 << 31, "two to the 31"),
        (i32::MAX as u32, "i32 max"),
        (0, "zero again"),
        (u32::MAX, "max again"),
    ]);
    expect_eq!(
        drain(&mut queue),
        pairs(&[
            (u32::MAX, "max"),
            (u32::MAX, "max again"),
            (1 << 31, "two to the 31"),
            (i32::MAX as u32, "i32 max"),
            (0, "zero"),
            (0, "zero again"),
        ]),
        "priorities are compared as u32 over their whole range, ties in push order"
    );
}

#[test]
fn many_tasks_pop_by_priority_then_push_order() {
    let mut rng = XorShift(0x1234_5678_9abc_def1);
    let tasks: Vec<(u32, String)> = (0..5_000)
        .map(|i| ((rng.next() % 8) as u32, format!("task {i}")))
        .collect();
    let mut queue = TaskQueue::new();
    // What the queue should hold, in the order it should pop.
    let mut waiting: VecDeque<(u32, String)> = VecDeque::new();
    let mut pops = 0;
    // Push in bursts of 500 and pop 300 after each burst.
    for chunk in tasks.chunks(500) {
        for (priority, name) in chunk {
            queue.push(task(*priority, name));
        }
        waiting.extend(chunk.iter().cloned());
        // A stable sort by descending priority keeps push order among equals.
        waiting
            .make_contiguous()
            .sort_by_key(|&(priority, _)| Reverse(priority));
        for _ in 0..300 {
            pops += 1;
            let popped = queue.pop().map(|t| (t.priority, t.name));
            expect_eq!(
                popped,
                waiting.pop_front(),
                "pop number {pops} must return the highest priority, earliest pushed among equals"
            );
        }
    }
    expect_eq!(
        drain(&mut queue),
        Vec::from(waiting),
        "after the last push, the remaining tasks pop by priority, then push order"
    );
}

#[test]
fn popped_tasks_can_be_pushed_again() {
    let mut queue = queue_of(&[(3, "again"), (3, "other")]);
    let t = queue.pop();
    expect!(t.is_some(), "two tasks were pushed");
    queue.push(t.unwrap());
    expect_eq!(
        drain(&mut queue),
        pairs(&[(3, "other"), (3, "again")]),
        "a task pushed again goes behind the equal-priority tasks already waiting"
    );
}

#[test]
fn empty_queue_keeps_returning_none() {
    let mut queue = queue_of(&[(1, "only")]);
    let _ = queue.pop();
    for _ in 0..3 {
        expect!(
            queue.pop().is_none(),
            "pop on an emptied queue returns None, every time"
        );
    }
}
