//! Spawns a new thread for every job instead of using a fixed set of workers, so concurrency and queueing are unbounded.

use std::sync::Mutex;
use std::thread::{self, JoinHandle};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueFull;

pub struct WorkerPool {
    handles: Mutex<Vec<JoinHandle<()>>>,
}

impl WorkerPool {
    pub fn new(workers: usize, queue_capacity: usize) -> Self {
        assert!(workers > 0 && queue_capacity > 0);
        Self {
            handles: Mutex::new(Vec::new()),
        }
    }

    pub fn submit<F>(&self, job: F)
    where
        F: FnOnce() + Send + 'static,
    {
        let handle = thread::spawn(job);
        self.handles.lock().unwrap().push(handle);
    }

    pub fn try_submit<F>(&self, job: F) -> Result<(), QueueFull>
    where
        F: FnOnce() + Send + 'static,
    {
        self.submit(job);
        Ok(())
    }

    pub fn shutdown(self) {
        drop(self);
    }
}

impl Drop for WorkerPool {
    fn drop(&mut self) {
        for handle in self.handles.lock().unwrap().drain(..) {
            let _ = handle.join();
        }
    }
}
