//! Reserves `k + 1` heap slots up front: with a huge k (usize::MAX) that overflows and panics.

use std::collections::BinaryHeap;

pub fn k_smallest(nums: &[i32], k: usize) -> Vec<i32> {
    if k == 0 {
        return Vec::new();
    }
    // A max-heap of the k smallest seen so far; one spare slot for the push before the pop.
    let mut heap = BinaryHeap::with_capacity(k + 1);
    for &x in nums {
        heap.push(x);
        if heap.len() > k {
            heap.pop();
        }
    }
    heap.into_sorted_vec()
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
