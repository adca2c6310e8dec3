//! Computes the backoff with `base << (k - 1)` and `now + delay`, which overflow (wrap or panic) for long backoffs.

use std::cmp::Reverse;
use std::collections::{BTreeSet, HashMap};

pub type JobId = u64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Waiting,
    Running,
}

#[derive(Debug)]
struct Job {
    priority: u32,
    due: u64,
    attempts: u32,
    state: State,
}

#[derive(Debug)]
pub struct Scheduler {
    max_attempts: u32,
    base_backoff: u64,
    last_id: JobId,
    jobs: HashMap<JobId, Job>,
    delayed: BTreeSet<(u64, JobId)>,
    ready: BTreeSet<(Reverse<u32>, u64, JobId)>,
    dead: Vec<JobId>,
}

impl Scheduler {
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

    pub fn next_job(&mut self, now: u64) -> Option<JobId> {
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

    pub fn complete(&mut self, id: JobId) -> bool {
        if !self.is_running(id) {
            return false;
        }
        self.jobs.remove(&id);
        true
    }

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
        let delay = self.base_backoff << (job.attempts - 1);
        job.due = now.wrapping_add(delay);
        job.state = State::Waiting;
        self.delayed.insert((job.due, id));
        true
    }

    pub fn dead_letters(&self) -> &[JobId] {
        &self.dead
    }

    pub fn pending(&self) -> usize {
        self.delayed.len() + self.ready.len()
    }

    fn is_running(&self, id: JobId) -> bool {
        self.jobs
            .get(&id)
            .is_some_and(|job| job.state == State::Running)
    }
}
