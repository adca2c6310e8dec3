//! Spawns the jobs on the blocking pool through a `JoinSet`, each tagged with its index, and puts
//! every result into its slot as it arrives.

use std::panic;
use tokio::task::JoinSet;

pub async fn run_all<T, F>(jobs: Vec<F>) -> Vec<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let mut set = JoinSet::new();
    let count = jobs.len();
    for (index, job) in jobs.into_iter().enumerate() {
        set.spawn_blocking(move || (index, job()));
    }
    let mut slots: Vec<Option<T>> = (0..count).map(|_| None).collect();
    while let Some(joined) = set.join_next().await {
        match joined {
            Ok((index, value)) => slots[index] = Some(value),
            Err(err) if err.is_panic() => panic::resume_unwind(err.into_panic()),
            Err(err) => panic!("a job did not finish: {err}"),
        }
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every job gave a result"))
        .collect()
}
