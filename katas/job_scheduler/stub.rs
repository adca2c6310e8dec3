//! Job scheduler: see the task statement (`kata hint job_scheduler` when stuck).

/// Job ids are handed out as 1, 2, 3, ...
pub type JobId = u64;

/// A job queue with priorities, delayed jobs, retries with exponential backoff and a
/// dead-letter queue.
pub struct Scheduler {
    // Your fields here.
}

impl Scheduler {
    /// A scheduler that tries each job at most `max_attempts` times, waiting
    /// `base_backoff × 2^(k-1)` after the k-th failure. Panics if `max_attempts` is 0.
    pub fn new(max_attempts: u32, base_backoff: u64) -> Self {
        let _ = (max_attempts, base_backoff);
        todo!("create the scheduler")
    }

    /// Adds a job that may run at or after `run_at`; returns its id.
    pub fn submit(&mut self, priority: u32, run_at: u64) -> JobId {
        let _ = (priority, run_at);
        todo!("queue a job")
    }

    /// Hands out the best job due at `now` and marks it running.
    pub fn next_job(&mut self, now: u64) -> Option<JobId> {
        let _ = now;
        todo!("pick the next job")
    }

    /// Marks a running job done; `false` if `id` is not running.
    pub fn complete(&mut self, id: JobId) -> bool {
        let _ = id;
        todo!("complete a job")
    }

    /// Records a failed attempt of a running job at `now`: it is retried after its backoff, or
    /// dead-lettered after its last attempt. `false` if `id` is not running.
    pub fn fail(&mut self, id: JobId, now: u64) -> bool {
        let _ = (id, now);
        todo!("retry or dead-letter a job")
    }

    /// Jobs that used up all their attempts, in the order they died.
    pub fn dead_letters(&self) -> &[JobId] {
        todo!("list the dead letters")
    }

    /// The number of jobs waiting to run (due or not).
    pub fn pending(&self) -> usize {
        todo!("count waiting jobs")
    }
}
