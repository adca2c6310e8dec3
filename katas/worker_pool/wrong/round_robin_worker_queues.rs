//! Deals jobs out round-robin to one queue per worker (the total of waiting jobs is bounded
//! correctly): a job handed to a busy worker waits behind it while another worker sits idle.

use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::{self, JoinHandle};

type Job = Box<dyn FnOnce() + Send + 'static>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueFull;

struct Room {
    waiting: Mutex<usize>,
    freed: Condvar,
    capacity: usize,
}

pub struct WorkerPool {
    senders: Vec<Sender<Job>>,
    next: AtomicUsize,
    room: Arc<Room>,
    workers: Vec<JoinHandle<()>>,
}

impl WorkerPool {
    pub fn new(workers: usize, queue_capacity: usize) -> Self {
        assert!(workers > 0 && queue_capacity > 0);
        let room = Arc::new(Room {
            waiting: Mutex::new(0),
            freed: Condvar::new(),
            capacity: queue_capacity,
        });
        let mut senders = Vec::new();
        let mut handles = Vec::new();
        for _ in 0..workers {
            let (tx, rx) = mpsc::channel::<Job>();
            senders.push(tx);
            let room = Arc::clone(&room);
            handles.push(thread::spawn(move || work(rx, &room)));
        }
        Self {
            senders,
            next: AtomicUsize::new(0),
            room,
            workers: handles,
        }
    }

    fn dispatch(&self, job: Job) {
        let i = self.next.fetch_add(1, Ordering::SeqCst) % self.senders.len();
        let _ = self.senders[i].send(job);
    }

    pub fn submit<F>(&self, job: F)
    where
        F: FnOnce() + Send + 'static,
    {
        let mut waiting = self.room.waiting.lock().unwrap();
        while *waiting >= self.room.capacity {
            waiting = self.room.freed.wait(waiting).unwrap();
        }
        *waiting += 1;
        drop(waiting);
        self.dispatch(Box::new(job));
    }

    pub fn try_submit<F>(&self, job: F) -> Result<(), QueueFull>
    where
        F: FnOnce() + Send + 'static,
    {
        let mut waiting = self.room.waiting.lock().unwrap();
        if *waiting >= self.room.capacity {
            return Err(QueueFull);
        }
        *waiting += 1;
        drop(waiting);
        self.dispatch(Box::new(job));
        Ok(())
    }

    pub fn shutdown(self) {
        drop(self);
    }
}

impl Drop for WorkerPool {
    fn drop(&mut self) {
        self.senders.clear();
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}

fn work(jobs: Receiver<Job>, room: &Room) {
    while let Ok(job) = jobs.recv() {
        *room.waiting.lock().unwrap() -= 1;
        room.freed.notify_all();
        let _ = panic::catch_unwind(AssertUnwindSafe(job));
    }
}
