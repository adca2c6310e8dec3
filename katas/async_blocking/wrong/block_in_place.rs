//! Uses `block_in_place`, which blocks the calling task instead of freeing it and panics outright on a current-thread runtime.

use tokio::task;

pub async fn run_all<T, F>(jobs: Vec<F>) -> Vec<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    jobs.into_iter()
        .map(|job| task::block_in_place(job))
        .collect()
}
