//! Orders heap entries by priority alone: `BinaryHeap` is not stable, so equal priorities pop in no fixed order.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

pub fn k_smallest(nums: &[i32], k: usize) -> Vec<i32> {
    let mut heap: BinaryHeap<Reverse<i32>> = nums.iter().copied().map(Reverse).collect();
    let mut out = Vec::new();
    while out.len() < k {
        match heap.pop() {
            Some(Reverse(x)) => out.push(x),
            None => break,
        }
    }
    out
}

pub struct Task {
    pub priority: u32,
    pub name: String,
}

struct Entry(Task);

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.priority.cmp(&other.0.priority)
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.0.priority == other.0.priority
    }
}

impl Eq for Entry {}

#[derive(Default)]
pub struct TaskQueue {
    heap: BinaryHeap<Entry>,
}

impl TaskQueue {
    pub fn new() -> TaskQueue {
        TaskQueue::default()
    }

    pub fn push(&mut self, task: Task) {
        self.heap.push(Entry(task));
    }

    pub fn pop(&mut self) -> Option<Task> {
        self.heap.pop().map(|e| e.0)
    }
}
