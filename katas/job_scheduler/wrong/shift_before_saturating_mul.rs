//! Computes the backoff as `base.saturating_mul(1 << (k - 1))`: the multiplication saturates,
//! but the shift itself overflows (a panic in debug builds) from the 65th attempt on.

use std::cmp::Reverse;
use std::collections::{BTreeSet, HashMap};

/// Job ids are handed out as 1, 2, 3, ...
pub type JobId = u64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Waiting to run at or after `due`.
    Waiting,
    /// Handed out by `next_job`, not yet completed or failed.
    Running,
}

#[derive(Debug)]
struct Job {
    priority: u32,
    due: u64,
    /// How many times the job has been handed out.
    attempts: u32,
    state: State,
}

/// A job queue with priorities, delayed jobs, retries with exponential backoff and a
/// dead-letter queue.
#[derive(Debug)]
pub struct Scheduler {
    max_attempts: u32,
    base_backoff: u64,
    last_id: JobId,
    /// Jobs still alive (waiting or running); completed and dead jobs are dropped.
    jobs: HashMap<JobId, Job>,
    /// Waiting jobs whose due time may lie in the future, by (due, id).
    delayed: BTreeSet<(u64, JobId)>,
    /// Waiting jobs already due, best first: highest priority, then earliest due, then lowest id.
    ready: BTreeSet<(Reverse<u32>, u64, JobId)>,
    dead: Vec<JobId>,
}

impl Scheduler {
    /// A scheduler that tries each job at most `max_attempts` times, waiting
    /// `base_backoff × 2^(k-1)` after the k-th failure. Panics if `max_attempts` is 0.
    pub fn new(max_attempts: u32, base_backoff: u64) -> Self {
        assert!(max_attempts > 0, "every job needs at least one attempt");
        Self {
            max_attempts,
            base_backoff,
            last_id: 0,
            jobs: HashMap::new(),
            delayed: BTreeSet::new(),
            ready: BTreeSet::new(),
            dead: Vec::new(),
        }
    }

    /// Adds a job that may run at or after `run_at`; returns its id.
    pub fn submit(&mut self, priority: u32, run_at: u64) -> JobId {
        self.last_id += 1;
        let id = self.last_id;
        self.jobs.insert(
            id,
            Job {
                priority,
                due: run_at,
                attempts: 0,
                state: State::Waiting,
            },
        );
        self.delayed.insert((run_at, id));
        id
    }

    /// Hands out the best job due at `now` and marks it running.
    pub fn next_job(&mut self, now: u64) -> Option<JobId> {
        // Move every job that has become due into the ready queue. Time never goes backwards,
        // so a job once due stays due.
        while let Some(&(due, id)) = self.delayed.first() {
            if due > now {
                break;
            }
            self.delayed.pop_first();
            let priority = self.jobs[&id].priority;
            self.ready.insert((Reverse(priority), due, id));
        }
        let (_, _, id) = self.ready.pop_first()?;
        let job = self.jobs.get_mut(&id).expect("queued jobs are alive");
        job.state = State::Running;
        job.attempts += 1;
        Some(id)
    }

    /// Marks a running job done; `false` if `id` is not running.
    pub fn complete(&mut self, id: JobId) -> bool {
        if !self.is_running(id) {
            return false;
        }
        self.jobs.remove(&id);
        true
    }

    /// Records a failed attempt of a running job at `now`: it is retried after its backoff, or
    /// dead-lettered after its last attempt. `false` if `id` is not running.
    pub fn fail(&mut self, id: JobId, now: u64) -> bool {
        if !self.is_running(id) {
            return false;
        }
        let job = self.jobs.get_mut(&id).expect("running jobs are alive");
        if job.attempts >= self.max_attempts {
            self.jobs.remove(&id);
            self.dead.push(id);
            return true;
        }
        // base × 2^(attempts - 1), saturating: checked_pow fails past 2^63 and checked_mul past
        // u64::MAX, and either way the retry lies beyond any time we can reach.
        let delay = self.base_backoff.saturating_mul(1 << (job.attempts - 1));
        job.due = now.saturating_add(delay);
        job.state = State::Waiting;
        self.delayed.insert((job.due, id));
        true
    }

    /// Jobs that used up all their attempts, in the order they died.
    pub fn dead_letters(&self) -> &[JobId] {
        &self.dead
    }

    /// The number of jobs waiting to run (due or not); running, completed and dead jobs are
    /// not counted.
    pub fn pending(&self) -> usize {
        self.delayed.len() + self.ready.len()
    }

    fn is_running(&self, id: JobId) -> bool {
        self.jobs
            .get(&id)
            .is_some_and(|job| job.state == State::Running)
    }
}
