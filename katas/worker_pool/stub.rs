//! Worker pool: see the task statement (`kata hint worker_pool` when stuck).

/// `try_submit` found the queue full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueFull;

/// A fixed set of worker threads fed by a bounded job queue.
pub struct WorkerPool {
    // Your fields here (the pool must stay `Send + Sync`).
}

impl WorkerPool {
    /// Starts `workers` threads and a queue holding up to `queue_capacity` waiting jobs.
    /// Panics if either is 0.
    pub fn new(workers: usize, queue_capacity: usize) -> Self {
        let _ = (workers, queue_capacity);
        todo!("start the workers")
    }

    /// Queues `job`, waiting while the queue is full.
    pub fn submit<F>(&self, job: F)
    where
        F: FnOnce() + Send + 'static,
    {
        let _ = job;
        todo!("queue a job, blocking while the queue is full")
    }

    /// Queues `job` if there is room right now.
    pub fn try_submit<F>(&self, job: F) -> Result<(), QueueFull>
    where
        F: FnOnce() + Send + 'static,
    {
        let _ = job;
        todo!("queue a job without blocking")
    }

    /// Stops accepting jobs, runs every job already submitted, and joins the workers.
    pub fn shutdown(self) {
        todo!("shut down gracefully")
    }
}

// Dropping the pool must shut it down the same way: implement `Drop` for `WorkerPool`.
