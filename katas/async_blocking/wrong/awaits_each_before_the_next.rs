//! Awaits each `spawn_blocking` handle before spawning the next job, so the runtime stays free but the jobs run one at a time.

use std::panic;
use tokio::task;

pub async fn run_all<T, F>(jobs: Vec<F>) -> Vec<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let mut results = Vec::with_capacity(jobs.len());
    for job in jobs {
        match task::spawn_blocking(job).await {
            Ok(value) => results.push(value),
            Err(err) => panic::resume_unwind(err.into_panic()),
        }
    }
    results
}
