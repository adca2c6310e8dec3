//! Runs each job on a new OS thread (`std::thread::spawn`) and awaits a `oneshot` channel for its
//! result: the runtime stays free, but the jobs do not run on tokio's blocking pool, so they
//! have no runtime context (`Handle::current()` panics inside a job) and each gets a fresh thread.

use std::panic::{self, AssertUnwindSafe};
use std::thread;
use tokio::sync::oneshot;

pub async fn run_all<T, F>(jobs: Vec<F>) -> Vec<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let receivers: Vec<_> = jobs
        .into_iter()
        .map(|job| {
            let (tx, rx) = oneshot::channel();
            thread::spawn(move || {
                let _ = tx.send(panic::catch_unwind(AssertUnwindSafe(job)));
            });
            rx
        })
        .collect();
    let mut results = Vec::with_capacity(receivers.len());
    for rx in receivers {
        match rx.await.expect("the job's thread ended without an answer") {
            Ok(value) => results.push(value),
            Err(payload) => panic::resume_unwind(payload),
        }
    }
    results
}
