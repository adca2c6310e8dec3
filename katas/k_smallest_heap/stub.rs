//! K smallest and a task queue: see the task statement (`kata hint k_smallest_heap` when stuck).

/// Returns the `k` smallest numbers of `nums` in ascending order, duplicates kept (all of `nums`,
/// sorted, when `k > nums.len()`).
pub fn k_smallest(nums: &[i32], k: usize) -> Vec<i32> {
    let _ = (nums, k);
    todo!("pick the k smallest numbers")
}

/// A unit of work with a priority: higher runs first.
pub struct Task {
    pub priority: u32,
    pub name: String,
}

/// A queue of tasks: highest priority first, first in first out among equal priorities.
pub struct TaskQueue {
    // Your fields here.
}

impl TaskQueue {
    /// Creates an empty queue.
    pub fn new() -> TaskQueue {
        todo!("create an empty queue")
    }

    /// Adds a task to the queue.
    pub fn push(&mut self, task: Task) {
        let _ = task;
        todo!("add the task")
    }

    /// Removes and returns the highest-priority task (the earliest pushed among equals), or
    /// `None` when the queue is empty.
    pub fn pop(&mut self) -> Option<Task> {
        todo!("take the next task")
    }
}
