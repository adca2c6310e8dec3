//! A `Mutex<VecDeque>` queue with two condition variables (a job is waiting / there is room)
//! and a `closed` flag: workers leave only once the queue is closed and empty.

use std::collections::VecDeque;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::{self, JoinHandle};

type Job = Box<dyn FnOnce() + Send + 'static>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueFull;

struct State {
    queue: VecDeque<Job>,
    closed: bool,
}

struct Shared {
    state: Mutex<State>,
    has_job: Condvar,
    has_room: Condvar,
    capacity: usize,
}

pub struct WorkerPool {
    shared: Arc<Shared>,
    workers: Vec<JoinHandle<()>>,
}

impl WorkerPool {
    pub fn new(workers: usize, queue_capacity: usize) -> Self {
        assert!(workers > 0 && queue_capacity > 0);
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                queue: VecDeque::new(),
                closed: false,
            }),
            has_job: Condvar::new(),
            has_room: Condvar::new(),
            capacity: queue_capacity,
        });
        let workers = (0..workers)
            .map(|_| {
                let shared = Arc::clone(&shared);
                thread::spawn(move || work(&shared))
            })
            .collect();
        Self { shared, workers }
    }

    pub fn submit<F>(&self, job: F)
    where
        F: FnOnce() + Send + 'static,
    {
        let mut state = self.shared.state.lock().unwrap();
        while state.queue.len() >= self.shared.capacity {
            state = self.shared.has_room.wait(state).unwrap();
        }
        state.queue.push_back(Box::new(job));
        self.shared.has_job.notify_one();
    }

    pub fn try_submit<F>(&self, job: F) -> Result<(), QueueFull>
    where
        F: FnOnce() + Send + 'static,
    {
        let mut state = self.shared.state.lock().unwrap();
        if state.queue.len() >= self.shared.capacity {
            return Err(QueueFull);
        }
        state.queue.push_back(Box::new(job));
        self.shared.has_job.notify_one();
        Ok(())
    }

    pub fn shutdown(self) {
        drop(self);
    }
}

impl Drop for WorkerPool {
    fn drop(&mut self) {
        self.shared.state.lock().unwrap().closed = true;
        // Every sleeping worker must wake up to see the queue closed.
        self.shared.has_job.notify_all();
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}

fn work(shared: &Shared) {
    loop {
        let job = {
            let mut state = shared.state.lock().unwrap();
            loop {
                if let Some(job) = state.queue.pop_front() {
                    shared.has_room.notify_one();
                    break job;
                }
                if state.closed {
                    return;
                }
                state = shared.has_job.wait(state).unwrap();
            }
        };
        let _ = panic::catch_unwind(AssertUnwindSafe(job));
    }
}
