//! Wraps each job in `tokio::spawn(async move { job() })`: the jobs become ordinary tasks, which
//! run their CPU work on the runtime's own threads and block every other task there.

use std::panic;

pub async fn run_all<T, F>(jobs: Vec<F>) -> Vec<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let handles: Vec<_> = jobs
        .into_iter()
        .map(|job| tokio::spawn(async move { job() }))
        .collect();
    let mut results = Vec::with_capacity(handles.len());
    for handle in handles {
        match handle.await {
            Ok(value) => results.push(value),
            Err(err) => panic::resume_unwind(err.into_panic()),
        }
    }
    results
}
