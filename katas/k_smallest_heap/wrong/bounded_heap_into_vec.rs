//! Keeps the `k` smallest in a bounded max-heap but returns them with `into_vec`, in the heap's
//! internal order, not ascending.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

pub fn k_smallest(nums: &[i32], k: usize) -> Vec<i32> {
    if k == 0 {
        return Vec::new();
    }
    let mut kept: BinaryHeap<i32> = BinaryHeap::new();
    for &x in nums {
        if kept.len() < k {
            kept.push(x);
        } else if let Some(mut top) = kept.peek_mut() {
            if x < *top {
                *top = x;
            }
        }
    }
    kept.into_vec()
}

pub struct Task {
    pub priority: u32,
    pub name: String,
}

pub struct TaskQueue {
    order: BinaryHeap<(u32, Reverse<u64>)>,
    names: std::collections::HashMap<u64, String>,
    pushed: u64,
}

impl TaskQueue {
    pub fn new() -> TaskQueue {
        TaskQueue {
            order: BinaryHeap::new(),
            names: std::collections::HashMap::new(),
            pushed: 0,
        }
    }

    pub fn push(&mut self, task: Task) {
        self.pushed += 1;
        self.order.push((task.priority, Reverse(self.pushed)));
        self.names.insert(self.pushed, task.name);
    }

    pub fn pop(&mut self) -> Option<Task> {
        let (priority, Reverse(number)) = self.order.pop()?;
        let name = self.names.remove(&number)?;
        Some(Task { priority, name })
    }
}

impl Default for TaskQueue {
    fn default() -> Self {
        Self::new()
    }
}
