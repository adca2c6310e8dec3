//! Jobs in a `HashMap` with their state; `next_job` scans the waiting jobs for the best due one
//! with `max_by_key` on (priority, earliest due, smallest id). Simple, O(n) per pick.

use std::cmp::Reverse;
use std::collections::HashMap;

pub type JobId = u64;

#[derive(PartialEq)]
enum State {
    Waiting,
    Running,
    Done,
}

struct Job {
    priority: u32,
    due: u64,
    tries: u32,
    state: State,
}

pub struct Scheduler {
    max_attempts: u32,
    base_backoff: u64,
    jobs: HashMap<JobId, Job>,
    last_id: JobId,
    dead: Vec<JobId>,
}

impl Scheduler {
    pub fn new(max_attempts: u32, base_backoff: u64) -> Self {
        assert!(max_attempts > 0, "a job needs at least one attempt");
        Scheduler {
            max_attempts,
            base_backoff,
            jobs: HashMap::new(),
            last_id: 0,
            dead: Vec::new(),
        }
    }

    pub fn submit(&mut self, priority: u32, run_at: u64) -> JobId {
        self.last_id += 1;
        self.jobs.insert(
            self.last_id,
            Job {
                priority,
                due: run_at,
                tries: 0,
                state: State::Waiting,
            },
        );
        self.last_id
    }

    pub fn next_job(&mut self, now: u64) -> Option<JobId> {
        let id = self
            .jobs
            .iter()
            .filter(|(_, j)| j.state == State::Waiting && j.due <= now)
            .max_by_key(|(&id, j)| (j.priority, Reverse(j.due), Reverse(id)))
            .map(|(&id, _)| id)?;
        let job = self.jobs.get_mut(&id)?;
        job.state = State::Running;
        job.tries += 1;
        Some(id)
    }

    fn running(&mut self, id: JobId) -> Option<&mut Job> {
        self.jobs.get_mut(&id).filter(|j| j.state == State::Running)
    }

    pub fn complete(&mut self, id: JobId) -> bool {
        match self.running(id) {
            Some(job) => {
                job.state = State::Done;
                true
            }
            None => false,
        }
    }

    pub fn fail(&mut self, id: JobId, now: u64) -> bool {
        let (max, base) = (self.max_attempts, self.base_backoff);
        let Some(job) = self.running(id) else {
            return false;
        };
        if job.tries >= max {
            job.state = State::Done;
            self.dead.push(id);
        } else {
            let mut delay = base;
            for _ in 1..job.tries {
                delay = delay.saturating_mul(2);
            }
            job.due = now.saturating_add(delay);
            job.state = State::Waiting;
        }
        true
    }

    pub fn dead_letters(&self) -> &[JobId] {
        &self.dead
    }

    pub fn pending(&self) -> usize {
        self.jobs
            .values()
            .filter(|j| j.state == State::Waiting)
            .count()
    }
}
