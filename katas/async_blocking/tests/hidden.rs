use async_blocking::run_all;
use kata_assert::{expect, expect_eq};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Condvar, Mutex};
use std::time::{Duration, Instant};
use tokio::runtime::{Builder, Runtime};

/// How long a job waits for something that a correct solution makes happen in microseconds.
/// Only a wrong solution ever waits this long.
const PATIENCE: Duration = Duration::from_secs(3);

/// A runtime with a single thread: if a job runs on it, nothing else on the runtime can run.
fn current_thread() -> Runtime {
    Builder::new_current_thread().enable_all().build().unwrap()
}

fn multi_thread() -> Runtime {
    Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// Pings a task on the runtime from inside a job. Once one ping goes unanswered for PATIENCE,
/// later pings fail at once, so a wrong solution fails quickly instead of waiting once per ping.
#[derive(Clone)]
struct Pinger {
    pings: tokio::sync::mpsc::UnboundedSender<mpsc::Sender<()>>,
    stalled: Arc<AtomicBool>,
}

impl Pinger {
    /// Starts a task on `rt` that answers every ping.
    fn start(rt: &Runtime) -> Pinger {
        let (pings, mut rx) = tokio::sync::mpsc::unbounded_channel::<mpsc::Sender<()>>();
        rt.spawn(async move {
            while let Some(reply) = rx.recv().await {
                let _ = reply.send(());
            }
        });
        Pinger {
            pings,
            stalled: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Whether the task on the runtime answered a ping.
    fn runtime_answers(&self) -> bool {
        if self.stalled.load(Ordering::SeqCst) {
            return false;
        }
        let (reply_tx, reply_rx) = mpsc::channel();
        let answered = self.pings.send(reply_tx).is_ok() && reply_rx.recv_timeout(PATIENCE).is_ok();
        if !answered {
            self.stalled.store(true, Ordering::SeqCst);
        }
        answered
    }
}

/// Lets `total` jobs wait until all of them have started. After one wait times out, the others
/// give up at once, so a wrong solution fails quickly instead of waiting once per job.
struct Gate {
    arrived: Mutex<usize>,
    all_here: Condvar,
    total: usize,
    gave_up: AtomicBool,
}

impl Gate {
    fn new(total: usize) -> Arc<Gate> {
        Arc::new(Gate {
            arrived: Mutex::new(0),
            all_here: Condvar::new(),
            total,
            gave_up: AtomicBool::new(false),
        })
    }

    /// Returns whether every job arrived while this one was waiting.
    fn arrive_and_wait(&self) -> bool {
        let mut arrived = self.arrived.lock().unwrap();
        *arrived += 1;
        self.all_here.notify_all();
        if self.gave_up.load(Ordering::SeqCst) {
            return false;
        }
        let (arrived, timeout) = self
            .all_here
            .wait_timeout_while(arrived, PATIENCE, |n| *n < self.total)
            .unwrap();
        if timeout.timed_out() {
            self.gave_up.store(true, Ordering::SeqCst);
        }
        *arrived == self.total
    }
}

#[test]
fn no_jobs_give_an_empty_vec() {
    let jobs: Vec<fn() -> u8> = Vec::new();
    let results = current_thread().block_on(run_all(jobs));
    expect_eq!(results, Vec::<u8>::new(), "no jobs give an empty Vec");
}

#[test]
fn one_job_gives_its_result() {
    let results = current_thread().block_on(run_all(vec![|| String::from("done")]));
    expect_eq!(
        results,
        vec![String::from("done")],
        "one job gives a Vec with its result"
    );
}

#[test]
fn jobs_run_on_the_runtimes_blocking_pool() {
    // A thread of tokio's blocking pool belongs to the runtime, so a job there can reach the
    // runtime through `Handle::current()`; a plain OS thread cannot.
    let jobs: Vec<_> = (0..3)
        .map(|_| || tokio::runtime::Handle::try_current().is_ok())
        .collect();
    let results = current_thread().block_on(run_all(jobs));
    expect_eq!(
        results,
        vec![true, true, true],
        "every job runs on the runtime's blocking pool, where Handle::current() reaches the runtime (a plain std::thread is not part of it)"
    );
}

#[test]
fn results_are_in_job_order() {
    let jobs: Vec<_> = (0..8_u64).map(|i| move || i * 10).collect();
    let results = current_thread().block_on(run_all(jobs));
    expect_eq!(
        results,
        vec![0, 10, 20, 30, 40, 50, 60, 70],
        "one result per job, in the order of the jobs"
    );
}

#[test]
fn results_keep_job_order_when_jobs_finish_in_reverse() {
    // Job i finishes only after job i + 1 has finished, so the last job finishes first.
    const JOBS: usize = 4;
    let finished = Arc::new((Mutex::new([false; JOBS]), Condvar::new()));
    let gave_up = Arc::new(AtomicBool::new(false));
    let finish_order = Arc::new(Mutex::new(Vec::new()));
    let jobs: Vec<_> = (0..JOBS)
        .map(|i| {
            let finished = Arc::clone(&finished);
            let gave_up = Arc::clone(&gave_up);
            let finish_order = Arc::clone(&finish_order);
            move || {
                let (done, changed) = &*finished;
                let mut done = done.lock().unwrap();
                if i + 1 < JOBS && !gave_up.load(Ordering::SeqCst) {
                    let (guard, timeout) = changed
                        .wait_timeout_while(done, PATIENCE, |d| !d[i + 1])
                        .unwrap();
                    done = guard;
                    if timeout.timed_out() {
                        gave_up.store(true, Ordering::SeqCst);
                    }
                }
                done[i] = true;
                finish_order.lock().unwrap().push(i);
                changed.notify_all();
                i
            }
        })
        .collect();
    let results = current_thread().block_on(run_all(jobs));
    expect!(
        !gave_up.load(Ordering::SeqCst),
        "job i waits for job i + 1 to finish: all jobs must run at the same time (finish order was {:?})",
        finish_order.lock().unwrap()
    );
    expect_eq!(
        results,
        vec![0, 1, 2, 3],
        "results are in the order of the jobs, although the jobs finished in reverse order"
    );
}

#[test]
fn jobs_run_at_the_same_time() {
    let gate = Gate::new(4);
    let jobs: Vec<_> = (0..4)
        .map(|_| {
            let gate = Arc::clone(&gate);
            move || gate.arrive_and_wait()
        })
        .collect();
    let results = current_thread().block_on(run_all(jobs));
    expect_eq!(
        results,
        vec![true; 4],
        "each of the 4 jobs waits until all 4 have started: every job must be started before run_all waits for any"
    );
}

#[test]
fn runtime_keeps_running_other_tasks_while_a_job_runs() {
    let rt = current_thread();
    let pinger = Pinger::start(&rt);
    let results = rt.block_on(run_all(vec![move || pinger.runtime_answers()]));
    expect_eq!(
        results,
        vec![true],
        "while a job runs, another task on the (current-thread) runtime must still answer: the job must not run on the runtime's thread"
    );
}

#[test]
fn runtime_answers_while_several_jobs_wait_for_it() {
    let rt = current_thread();
    let pinger = Pinger::start(&rt);
    let jobs: Vec<_> = (0..3)
        .map(|_| {
            let pinger = pinger.clone();
            move || (0..5).all(|_| pinger.runtime_answers())
        })
        .collect();
    let results = rt.block_on(run_all(jobs));
    expect_eq!(
        results,
        vec![true; 3],
        "three running jobs each ping a task on the runtime five times; the runtime must stay free to answer"
    );
}

#[test]
fn heartbeat_keeps_ticking_during_cpu_work() {
    let rt = current_thread();
    let ticks = Arc::new(AtomicU64::new(0));
    let heartbeat_ticks = Arc::clone(&ticks);
    rt.spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_millis(1)).await;
            heartbeat_ticks.fetch_add(1, Ordering::SeqCst);
        }
    });
    let job_ticks = Arc::clone(&ticks);
    // CPU work that keeps going until it has seen the heartbeat tick 20 times (or gives up).
    let job = move || {
        let start = Instant::now();
        let first = job_ticks.load(Ordering::SeqCst);
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        while job_ticks.load(Ordering::SeqCst) < first + 20 && start.elapsed() < PATIENCE {
            for _ in 0..10_000 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
            }
        }
        (job_ticks.load(Ordering::SeqCst) - first, state)
    };
    let results = rt.block_on(run_all(vec![job]));
    let seen = results.first().map_or(0, |r| r.0);
    expect!(
        seen >= 20,
        "a heartbeat task ticking every millisecond must keep ticking while the CPU work runs; the job saw {seen} ticks in {PATIENCE:?}"
    );
}

#[test]
fn many_jobs_of_uneven_length_keep_their_order() {
    let jobs: Vec<_> = (0..64_u64)
        .map(|i| {
            move || {
                // Later jobs do less work, so they tend to finish first.
                let mut acc = i;
                for k in 0..(64 - i) * 2_000 {
                    acc = acc.wrapping_mul(6364136223846793005).wrapping_add(k);
                }
                (i, acc != 1)
            }
        })
        .collect();
    let results = current_thread().block_on(run_all(jobs));
    let order: Vec<u64> = results.iter().map(|r| r.0).collect();
    expect_eq!(
        order,
        (0..64).collect::<Vec<u64>>(),
        "64 results, in the order of the jobs"
    );
}

#[test]
fn a_panicking_job_makes_run_all_panic_with_its_payload() {
    let rt = current_thread();
    let jobs: Vec<_> = (0..4_u32)
        .map(|i| {
            move || {
                if i == 2 {
                    panic!("job 2 failed");
                }
                i
            }
        })
        .collect();
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| rt.block_on(run_all(jobs))));
    match outcome {
        Ok(results) => expect!(
            false,
            "job 2 panics, so run_all must panic too; it returned {results:?}"
        ),
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned());
            expect_eq!(
                message,
                Some(String::from("job 2 failed")),
                "run_all panics with the failing job's own payload (\"job 2 failed\"), not a new message"
            );
        }
    }
}

#[test]
fn run_all_can_be_spawned_as_a_task() {
    let rt = current_thread();
    let results = rt.block_on(async {
        let jobs: Vec<_> = (1..=3_u32).map(|i| move || i * i).collect();
        tokio::spawn(run_all(jobs)).await.unwrap()
    });
    expect_eq!(
        results,
        vec![1, 4, 9],
        "run_all's future is Send and works inside tokio::spawn"
    );
}

#[test]
fn works_on_a_multi_thread_runtime() {
    let rt = multi_thread();
    let gate = Gate::new(4);
    let jobs: Vec<_> = (0..4_u32)
        .map(|i| {
            let gate = Arc::clone(&gate);
            move || (i, gate.arrive_and_wait())
        })
        .collect();
    let results = rt.block_on(run_all(jobs));
    expect_eq!(
        results,
        vec![(0, true), (1, true), (2, true), (3, true)],
        "on a multi-thread runtime too: all jobs run at the same time and results are in job order"
    );
}

#[test]
fn run_all_can_be_called_again() {
    let rt = current_thread();
    for round in 0..20_u32 {
        let jobs: Vec<_> = (0..3_u32).map(|i| move || round * 10 + i).collect();
        let results = rt.block_on(run_all(jobs));
        expect_eq!(
            results,
            vec![round * 10, round * 10 + 1, round * 10 + 2],
            "round {}: each call returns its own jobs' results in order",
            round
        );
    }
}
