//! Derives `Ord` on `Task` and heaps the tasks directly: equal priorities are ordered by name, not push order.

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

#[derive(PartialEq, Eq, PartialOrd, Ord)]
pub struct Task {
    pub priority: u32,
    pub name: String,
}

#[derive(Default)]
pub struct TaskQueue {
    heap: BinaryHeap<Task>,
}

impl TaskQueue {
    pub fn new() -> TaskQueue {
        TaskQueue::default()
    }

    pub fn push(&mut self, task: Task) {
        self.heap.push(task);
    }

    pub fn pop(&mut self) -> Option<Task> {
        self.heap.pop()
    }
}
