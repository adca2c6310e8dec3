//! Reference solution: `workers` threads share the receiving end of a bounded `sync_channel`;
//! shutting down drops the sender, so each worker drains the queue, sees the channel close and
//! exits, and the pool joins them.

use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

type Job = Box<dyn FnOnce() + Send + 'static>;

/// `try_submit` found the queue full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueFull;

/// A fixed set of worker threads fed by a bounded job queue.
#[derive(Debug)]
pub struct WorkerPool {
    /// `None` once shutdown has begun; dropping it closes the queue.
    sender: Option<SyncSender<Job>>,
    workers: Vec<JoinHandle<()>>,
}

impl WorkerPool {
    /// Starts `workers` threads and a queue holding up to `queue_capacity` waiting jobs.
    /// Panics if either is 0.
    pub fn new(workers: usize, queue_capacity: usize) -> Self {
        assert!(workers > 0, "a pool needs at least one worker");
        assert!(
            queue_capacity > 0,
            "the queue needs room for at least one job"
        );
        let (sender, receiver) = mpsc::sync_channel::<Job>(queue_capacity);
        let receiver = Arc::new(Mutex::new(receiver));
        let workers = (0..workers)
            .map(|_| {
                let receiver = Arc::clone(&receiver);
                thread::spawn(move || work(&receiver))
            })
            .collect();
        Self {
            sender: Some(sender),
            workers,
        }
    }

    /// Queues `job`, waiting while the queue is full.
    pub fn submit<F>(&self, job: F)
    where
        F: FnOnce() + Send + 'static,
    {
        self.sender()
            .send(Box::new(job))
            .expect("workers never exit while the pool is alive");
    }

    /// Queues `job` if there is room right now.
    pub fn try_submit<F>(&self, job: F) -> Result<(), QueueFull>
    where
        F: FnOnce() + Send + 'static,
    {
        match self.sender().try_send(Box::new(job)) {
            Ok(()) => Ok(()),
            Err(TrySendError::Full(_)) => Err(QueueFull),
            Err(TrySendError::Disconnected(_)) => unreachable!("workers outlive the pool"),
        }
    }

    /// Stops accepting jobs, runs every job already submitted, and joins the workers.
    pub fn shutdown(self) {
        // Dropping does the work, so that shutdown and drop cannot disagree.
        drop(self);
    }

    fn sender(&self) -> &SyncSender<Job> {
        self.sender.as_ref().expect("the sender lives until drop")
    }
}

impl Drop for WorkerPool {
    fn drop(&mut self) {
        // Closing the queue lets each worker finish what is queued and then see `Err` from
        // `recv`; joining waits for exactly that.
        self.sender.take();
        for worker in self.workers.drain(..) {
            // Workers catch job panics, so a join error cannot happen; ignore it in any case
            // rather than panicking inside drop.
            let _ = worker.join();
        }
    }
}

/// A worker's loop: take the next job, run it, repeat until the queue is closed and empty.
fn work(receiver: &Mutex<Receiver<Job>>) {
    loop {
        // The lock is held only while waiting for a job, never while running one.
        let next = receiver
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .recv();
        match next {
            // A panicking job must not take its worker down with it.
            Ok(job) => {
                let _ = panic::catch_unwind(AssertUnwindSafe(job));
            }
            Err(_) => break,
        }
    }
}
