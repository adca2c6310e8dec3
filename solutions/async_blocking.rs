//! Reference solution: every job goes to tokio's blocking pool with `spawn_blocking`, all of them
//! before any is awaited, and the results are collected in job order.

use std::panic;
use tokio::task;

/// Runs every job on tokio's blocking thread pool, all at the same time, and returns their
/// results in the order of `jobs`. The runtime stays free to run other tasks meanwhile. If a job
/// panics, `run_all` panics with that job's panic payload.
pub async fn run_all<T, F>(jobs: Vec<F>) -> Vec<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    // Start every job before awaiting any: awaiting inside this loop would run them one by one.
    let handles: Vec<_> = jobs.into_iter().map(task::spawn_blocking).collect();

    let mut results = Vec::with_capacity(handles.len());
    // Awaiting the handles in job order puts the results in job order, whichever finishes first.
    for handle in handles {
        match handle.await {
            Ok(value) => results.push(value),
            // Re-raise the job's own panic rather than a new one about a `JoinError`.
            Err(err) => match err.try_into_panic() {
                Ok(payload) => panic::resume_unwind(payload),
                Err(err) => panic!("a job was cancelled: {err}"),
            },
        }
    }
    results
}
