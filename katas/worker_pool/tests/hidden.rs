use kata_assert::{expect, expect_eq};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};
use worker_pool::{QueueFull, WorkerPool};

/// Runs `f` on its own thread and fails the test if it has not finished within `secs` seconds
/// (a deadlock, or workers that never exit), instead of hanging.
fn within<T: Send + 'static>(secs: u64, what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(Duration::from_secs(secs)) {
        Ok(value) => value,
        Err(RecvTimeoutError::Timeout) => {
            expect!(
                false,
                "{} did not finish within {} s: a deadlock, or workers that never exit?",
                what,
                secs
            );
            unreachable!()
        }
        Err(RecvTimeoutError::Disconnected) => {
            expect!(false, "{} panicked", what);
            unreachable!()
        }
    }
}

/// A job that tells the test it has started, then waits until the test opens its gate.
fn gated_job(
    started: Sender<()>,
    gate: Arc<Mutex<Receiver<()>>>,
    done: Arc<AtomicUsize>,
) -> impl FnOnce() + Send + 'static {
    move || {
        let _ = started.send(());
        let _ = gate.lock().unwrap().recv_timeout(Duration::from_secs(5));
        done.fetch_add(1, Ordering::SeqCst);
    }
}

fn counting_job(done: &Arc<AtomicUsize>) -> impl FnOnce() + Send + 'static {
    let done = Arc::clone(done);
    move || {
        done.fetch_add(1, Ordering::SeqCst);
    }
}

/// Busy work of about `micros` microseconds, so that a job takes real time without sleeping.
fn spin_for(micros: u64) {
    let end = Instant::now() + Duration::from_micros(micros);
    while Instant::now() < end {
        std::hint::spin_loop();
    }
}

#[test]
fn zero_workers_or_zero_capacity_panics() {
    let no_workers = std::panic::catch_unwind(|| WorkerPool::new(0, 4));
    expect!(
        no_workers.is_err(),
        "WorkerPool::new(0, 4) must panic: a pool needs a worker"
    );
    let no_room = std::panic::catch_unwind(|| WorkerPool::new(2, 0));
    expect!(
        no_room.is_err(),
        "WorkerPool::new(2, 0) must panic: the queue needs room"
    );
}

#[test]
fn every_submitted_job_runs_by_shutdown() {
    let done = Arc::new(AtomicUsize::new(0));
    let d = Arc::clone(&done);
    within(8, "submitting 1000 jobs and shutting down", move || {
        let pool = WorkerPool::new(4, 16);
        for _ in 0..1000 {
            pool.submit(counting_job(&d));
        }
        pool.shutdown();
    });
    expect_eq!(
        done.load(Ordering::SeqCst),
        1000,
        "when shutdown returns, all 1000 submitted jobs have run"
    );
}

#[test]
fn shutdown_of_an_idle_pool_returns() {
    within(5, "shutting down a pool that never got a job", || {
        WorkerPool::new(3, 4).shutdown();
    });
}

#[test]
fn shutdown_wakes_every_idle_worker() {
    // All four workers have run a job and gone back to waiting for the next one; shutdown
    // must wake every one of them, not just one.
    let met = within(9, "shutting down four idle workers", || {
        let pool = WorkerPool::new(4, 4);
        let met = jobs_that_met(&pool, 4);
        // Let the workers go back to sleep on an empty queue.
        thread::sleep(Duration::from_millis(100));
        pool.shutdown();
        met
    });
    expect_eq!(met, 4, "the four workers ran four jobs at once");
}

#[test]
fn shutdown_drains_a_full_queue() {
    // One worker is held inside a job while ten more jobs wait in the queue; shutdown is
    // called in that state, then the worker is let go. All eleven jobs must run.
    let done = Arc::new(AtomicUsize::new(0));
    let (started_tx, started_rx) = mpsc::channel();
    let (gate_tx, gate_rx) = mpsc::channel();
    let gate = Arc::new(Mutex::new(gate_rx));
    let pool = WorkerPool::new(1, 10);
    pool.submit(gated_job(started_tx, gate, Arc::clone(&done)));
    expect!(
        started_rx.recv_timeout(Duration::from_secs(5)).is_ok(),
        "the first job starts"
    );
    for _ in 0..10 {
        expect!(
            pool.try_submit(counting_job(&done)).is_ok(),
            "ten jobs fit in a queue of ten"
        );
    }
    let (finished_tx, finished_rx) = mpsc::channel();
    thread::spawn(move || {
        pool.shutdown();
        let _ = finished_tx.send(());
    });
    // Give shutdown time to begin while the worker is still busy.
    thread::sleep(Duration::from_millis(50));
    let _ = gate_tx.send(());
    expect!(
        finished_rx.recv_timeout(Duration::from_secs(5)).is_ok(),
        "shutdown returns once the queue is drained"
    );
    expect_eq!(
        done.load(Ordering::SeqCst),
        11,
        "the running job and all ten queued jobs ran: shutdown must not drop queued jobs"
    );
}

#[test]
fn shutdown_while_jobs_are_still_queued_loses_none() {
    let done = Arc::new(AtomicUsize::new(0));
    let d = Arc::clone(&done);
    within(8, "shutting down with a busy queue", move || {
        let pool = WorkerPool::new(2, 64);
        for _ in 0..600 {
            let d = Arc::clone(&d);
            pool.submit(move || {
                spin_for(50);
                d.fetch_add(1, Ordering::SeqCst);
            });
        }
        // The queue is full right now: shutdown must still run all of it.
        pool.shutdown();
    });
    expect_eq!(
        done.load(Ordering::SeqCst),
        600,
        "all 600 jobs ran, including the ones still queued at shutdown"
    );
}

#[test]
fn dropping_the_pool_waits_for_its_jobs() {
    let done = Arc::new(AtomicUsize::new(0));
    let d = Arc::clone(&done);
    within(8, "dropping a pool with work in it", move || {
        let pool = WorkerPool::new(2, 8);
        for _ in 0..6 {
            let d = Arc::clone(&d);
            pool.submit(move || {
                spin_for(20_000);
                d.fetch_add(1, Ordering::SeqCst);
            });
        }
        drop(pool);
    });
    expect_eq!(
        done.load(Ordering::SeqCst),
        6,
        "dropping the pool shuts it down gracefully: all 6 jobs ran before drop returned"
    );
}

#[test]
fn try_submit_refuses_when_the_queue_is_full() {
    let done = Arc::new(AtomicUsize::new(0));
    let (started_tx, started_rx) = mpsc::channel();
    let (gate_tx, gate_rx) = mpsc::channel();
    let gate = Arc::new(Mutex::new(gate_rx));
    let pool = WorkerPool::new(1, 3);
    pool.submit(gated_job(started_tx, gate, Arc::clone(&done)));
    expect!(
        started_rx.recv_timeout(Duration::from_secs(5)).is_ok(),
        "the first job starts and holds the only worker"
    );
    for i in 1..=3 {
        expect_eq!(
            pool.try_submit(counting_job(&done)),
            Ok(()),
            "job {} fits in a queue of capacity 3",
            i
        );
    }
    expect_eq!(
        pool.try_submit(counting_job(&done)),
        Err(QueueFull),
        "a fourth waiting job does not fit: QueueFull"
    );
    expect_eq!(
        pool.try_submit(counting_job(&done)),
        Err(QueueFull),
        "still full"
    );
    let _ = gate_tx.send(());
    within(5, "shutdown", move || pool.shutdown());
    expect_eq!(
        done.load(Ordering::SeqCst),
        4,
        "the refused jobs were dropped; the other four ran"
    );
}

#[test]
fn running_jobs_do_not_count_against_the_queue() {
    let done = Arc::new(AtomicUsize::new(0));
    let (started_tx, started_rx) = mpsc::channel();
    let (gate_tx, gate_rx) = mpsc::channel();
    let gate = Arc::new(Mutex::new(gate_rx));
    let pool = WorkerPool::new(2, 2);
    for _ in 0..2 {
        pool.submit(gated_job(
            started_tx.clone(),
            Arc::clone(&gate),
            Arc::clone(&done),
        ));
    }
    for _ in 0..2 {
        expect!(
            started_rx.recv_timeout(Duration::from_secs(5)).is_ok(),
            "both workers start a job"
        );
    }
    expect!(
        pool.try_submit(counting_job(&done)).is_ok(),
        "two jobs are running, the queue is empty: room for 2"
    );
    expect!(
        pool.try_submit(counting_job(&done)).is_ok(),
        "room for the second waiting job"
    );
    expect_eq!(
        pool.try_submit(counting_job(&done)),
        Err(QueueFull),
        "a third waiting job does not fit"
    );
    let _ = gate_tx.send(());
    let _ = gate_tx.send(());
    within(5, "shutdown", move || pool.shutdown());
    expect_eq!(
        done.load(Ordering::SeqCst),
        4,
        "two gated jobs and two queued jobs ran"
    );
}

#[test]
fn try_submit_succeeds_again_once_there_is_room() {
    let done = Arc::new(AtomicUsize::new(0));
    let pool = WorkerPool::new(1, 1);
    let mut accepted = 0;
    let deadline = Instant::now() + Duration::from_secs(5);
    while accepted < 50 && Instant::now() < deadline {
        if pool.try_submit(counting_job(&done)).is_ok() {
            accepted += 1;
        } else {
            thread::yield_now();
        }
    }
    expect_eq!(
        accepted,
        50,
        "as the worker takes jobs off the queue, try_submit finds room again"
    );
    within(5, "shutdown", move || pool.shutdown());
    expect_eq!(done.load(Ordering::SeqCst), 50, "all accepted jobs ran");
}

#[test]
fn submit_blocks_while_the_queue_is_full() {
    let done = Arc::new(AtomicUsize::new(0));
    let (started_tx, started_rx) = mpsc::channel();
    let (gate_tx, gate_rx) = mpsc::channel();
    let gate = Arc::new(Mutex::new(gate_rx));
    let pool = Arc::new(WorkerPool::new(1, 1));
    pool.submit(gated_job(started_tx, gate, Arc::clone(&done)));
    expect!(
        started_rx.recv_timeout(Duration::from_secs(5)).is_ok(),
        "the first job starts"
    );
    pool.submit(counting_job(&done)); // fills the queue of one
    let (returned_tx, returned_rx) = mpsc::channel();
    let p = Arc::clone(&pool);
    let d = Arc::clone(&done);
    let submitter = thread::spawn(move || {
        p.submit(counting_job(&d));
        let _ = returned_tx.send(());
    });
    expect!(
        returned_rx.recv_timeout(Duration::from_millis(300)).is_err(),
        "with the worker busy and the queue full, submit must wait (backpressure), not return at once"
    );
    let _ = gate_tx.send(());
    expect!(
        returned_rx.recv_timeout(Duration::from_secs(5)).is_ok(),
        "once the worker frees a slot, the blocked submit returns"
    );
    // The submitter drops its handle on the pool only when its thread ends.
    submitter
        .join()
        .expect("the submitting thread does not panic");
    let pool = Arc::try_unwrap(pool)
        .ok()
        .expect("the submitting thread has finished");
    within(5, "shutdown", move || pool.shutdown());
    expect_eq!(done.load(Ordering::SeqCst), 3, "all three jobs ran");
}

#[test]
fn with_one_worker_jobs_run_in_submission_order() {
    let order = Arc::new(Mutex::new(Vec::new()));
    let o = Arc::clone(&order);
    within(8, "running 200 jobs on one worker", move || {
        let pool = WorkerPool::new(1, 8);
        for i in 0..200 {
            let o = Arc::clone(&o);
            pool.submit(move || o.lock().unwrap().push(i));
        }
        pool.shutdown();
    });
    expect_eq!(
        *order.lock().unwrap(),
        (0..200).collect::<Vec<i32>>(),
        "one worker runs the jobs first in, first out"
    );
}

/// A meeting point for `n` jobs with a fixed deadline: each job arrives and waits until all `n`
/// have arrived. A job that is still waiting at the deadline gives up and reports `false`.
/// Only jobs that run at the same time can meet, so a pool that runs them one after the other
/// fails every time (its first job waits alone until the deadline), and a hang is impossible.
struct Meeting {
    arrived: Mutex<usize>,
    changed: Condvar,
    n: usize,
    deadline: Instant,
}

impl Meeting {
    fn new(n: usize, within: Duration) -> Arc<Self> {
        Arc::new(Self {
            arrived: Mutex::new(0),
            changed: Condvar::new(),
            n,
            deadline: Instant::now() + within,
        })
    }

    /// Arrives, then waits for the others; `true` if all `n` were here together.
    fn arrive(&self) -> bool {
        let mut arrived = self.arrived.lock().unwrap();
        *arrived += 1;
        self.changed.notify_all();
        while *arrived < self.n {
            let now = Instant::now();
            if now >= self.deadline {
                return false;
            }
            arrived = self
                .changed
                .wait_timeout(arrived, self.deadline - now)
                .unwrap()
                .0;
        }
        true
    }
}

/// Submits `n` jobs that must all meet, and returns how many of them saw all `n` together.
fn jobs_that_met(pool: &WorkerPool, n: usize) -> usize {
    let meeting = Meeting::new(n, Duration::from_secs(3));
    let met = Arc::new(AtomicUsize::new(0));
    let (finished_tx, finished_rx) = mpsc::channel();
    for _ in 0..n {
        let (meeting, met, finished) =
            (Arc::clone(&meeting), Arc::clone(&met), finished_tx.clone());
        pool.submit(move || {
            if meeting.arrive() {
                met.fetch_add(1, Ordering::SeqCst);
            }
            let _ = finished.send(());
        });
    }
    for _ in 0..n {
        // Every job gives up by the deadline, so this only waits long for a pool that is
        // running them one after the other.
        if finished_rx.recv_timeout(Duration::from_secs(8)).is_err() {
            break;
        }
    }
    met.load(Ordering::SeqCst)
}

#[test]
fn all_workers_run_at_the_same_time() {
    // Four jobs each wait until all four have started: only four workers running at once can
    // get them all going. Then four more, so the workers are concurrent again after a job.
    let done = within(9, "two rounds of four jobs on four workers", || {
        let pool = WorkerPool::new(4, 8);
        let first = jobs_that_met(&pool, 4);
        let second = if first == 4 {
            jobs_that_met(&pool, 4)
        } else {
            0
        };
        drop(pool);
        (first, second)
    });
    expect_eq!(
        done.0,
        4,
        "a pool of 4 workers runs 4 jobs at the same time (is a worker holding the queue's lock while it runs a job?)"
    );
    expect_eq!(
        done.1,
        4,
        "after finishing a job, the 4 workers again run 4 jobs at the same time"
    );
}

#[test]
fn an_idle_worker_takes_the_next_job_while_another_is_busy() {
    // One of two workers is held inside a job. The three jobs submitted next must all run on
    // the other worker in the meantime: no job may wait behind the busy worker while a worker
    // is free.
    let done = Arc::new(AtomicUsize::new(0));
    let (started_tx, started_rx) = mpsc::channel();
    let (gate_tx, gate_rx) = mpsc::channel();
    let gate = Arc::new(Mutex::new(gate_rx));
    let pool = WorkerPool::new(2, 8);
    pool.submit(gated_job(started_tx, gate, Arc::clone(&done)));
    expect!(
        started_rx.recv_timeout(Duration::from_secs(5)).is_ok(),
        "the first job starts and holds one worker"
    );
    let (ran_tx, ran_rx) = mpsc::channel();
    for _ in 0..3 {
        let ran = ran_tx.clone();
        pool.submit(move || {
            let _ = ran.send(());
        });
    }
    let mut ran = 0;
    while ran < 3 && ran_rx.recv_timeout(Duration::from_secs(3)).is_ok() {
        ran += 1;
    }
    let _ = gate_tx.send(());
    within(8, "shutdown", move || pool.shutdown());
    expect_eq!(
        ran,
        3,
        "with one worker busy, the other worker runs all three later jobs"
    );
}

#[test]
fn never_more_jobs_at_once_than_workers() {
    let active = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let (a, p) = (Arc::clone(&active), Arc::clone(&peak));
    within(8, "running 60 jobs on 3 workers", move || {
        let pool = WorkerPool::new(3, 100);
        for _ in 0..60 {
            let (a, p) = (Arc::clone(&a), Arc::clone(&p));
            pool.submit(move || {
                let now = a.fetch_add(1, Ordering::SeqCst) + 1;
                p.fetch_max(now, Ordering::SeqCst);
                spin_for(1_000);
                a.fetch_sub(1, Ordering::SeqCst);
            });
        }
        pool.shutdown();
    });
    let peak = peak.load(Ordering::SeqCst);
    expect!(
        peak <= 3,
        "at most 3 jobs may run at once on 3 workers, but {} did",
        peak
    );
}

#[test]
fn a_panicking_job_does_not_kill_its_worker() {
    let done = Arc::new(AtomicUsize::new(0));
    let d = Arc::clone(&done);
    within(8, "a pool whose jobs panic", move || {
        let pool = WorkerPool::new(1, 8);
        pool.submit(|| panic!("job failed on purpose (this message is expected)"));
        for _ in 0..5 {
            pool.submit(counting_job(&d));
        }
        pool.shutdown();
    });
    expect_eq!(
        done.load(Ordering::SeqCst),
        5,
        "the jobs after a panicking job still run on the same worker"
    );
}

#[test]
fn workers_survive_many_panics() {
    let done = Arc::new(AtomicUsize::new(0));
    let d = Arc::clone(&done);
    within(8, "a pool where every other job panics", move || {
        let pool = WorkerPool::new(2, 8);
        for i in 0..40 {
            if i % 2 == 0 {
                pool.submit(|| panic!("job failed on purpose (this message is expected)"));
            } else {
                pool.submit(counting_job(&d));
            }
        }
        pool.shutdown();
    });
    expect_eq!(
        done.load(Ordering::SeqCst),
        20,
        "all 20 good jobs ran despite 20 panics on 2 workers"
    );
}

#[test]
fn several_threads_submit_at_once() {
    let done = Arc::new(AtomicUsize::new(0));
    let d = Arc::clone(&done);
    within(8, "four threads submitting 500 jobs each", move || {
        let pool = WorkerPool::new(3, 16);
        thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for _ in 0..500 {
                        pool.submit(counting_job(&d));
                    }
                });
            }
        });
        pool.shutdown();
    });
    expect_eq!(
        done.load(Ordering::SeqCst),
        2000,
        "2000 jobs submitted from four threads, 2000 run"
    );
}
