//! Collects results from a `JoinSet` as jobs finish, so they come back in completion order, not job order.

use std::panic;
use tokio::task::JoinSet;

pub async fn run_all<T, F>(jobs: Vec<F>) -> Vec<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let mut set = JoinSet::new();
    for job in jobs {
        set.spawn_blocking(job);
    }
    let mut results = Vec::new();
    while let Some(joined) = set.join_next().await {
        match joined {
            Ok(value) => results.push(value),
            Err(err) => panic::resume_unwind(err.into_panic()),
        }
    }
    results
}
