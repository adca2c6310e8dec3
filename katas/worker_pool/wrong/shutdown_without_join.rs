//! Closes the queue on shutdown but does not join the workers, so shutdown returns before the jobs have run.

use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

type Job = Box<dyn FnOnce() + Send + 'static>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueFull;

#[derive(Debug)]
pub struct WorkerPool {
    sender: Option<SyncSender<Job>>,
    workers: Vec<JoinHandle<()>>,
}

impl WorkerPool {
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

    pub fn submit<F>(&self, job: F)
    where
        F: FnOnce() + Send + 'static,
    {
        self.sender()
            .send(Box::new(job))
            .expect("workers never exit while the pool is alive");
    }

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

    pub fn shutdown(self) {
        drop(self);
    }

    fn sender(&self) -> &SyncSender<Job> {
        self.sender.as_ref().expect("the sender lives until drop")
    }
}

impl Drop for WorkerPool {
    fn drop(&mut self) {
        self.sender.take();
        self.workers.clear();
    }
}

fn work(receiver: &Mutex<Receiver<Job>>) {
    loop {
        let next = receiver
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .recv();
        match next {
            Ok(job) => {
                let _ = panic::catch_unwind(AssertUnwindSafe(job));
            }
            Err(_) => break,
        }
    }
}
