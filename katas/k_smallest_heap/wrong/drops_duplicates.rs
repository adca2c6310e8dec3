//! Collects the numbers into a `BTreeSet` first, so repeated numbers are kept only once.

use std::collections::{BTreeSet, BinaryHeap};

pub fn k_smallest(nums: &[i32], k: usize) -> Vec<i32> {
    let set: BTreeSet<i32> = nums.iter().copied().collect();
    set.into_iter().take(k).collect()
}

pub struct Task {
    pub priority: u32,
    pub name: String,
}

struct Entry {
    seq: u64,
    task: Task,
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.task
            .priority
            .cmp(&other.task.priority)
            .then_with(|| other.seq.cmp(&self.seq))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Entry {}

#[derive(Default)]
pub struct TaskQueue {
    heap: BinaryHeap<Entry>,
    next: u64,
}

impl TaskQueue {
    pub fn new() -> TaskQueue {
        TaskQueue::default()
    }

    pub fn push(&mut self, task: Task) {
        self.next += 1;
        self.heap.push(Entry {
            seq: self.next,
            task,
        });
    }

    pub fn pop(&mut self) -> Option<Task> {
        self.heap.pop().map(|e| e.task)
    }
}
