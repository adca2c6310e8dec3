//! Runs the jobs on OS threads (concurrently) but waits with the blocking `JoinHandle::join` inside the `async fn`, which stalls the runtime.

use std::panic;
use std::thread;

pub async fn run_all<T, F>(jobs: Vec<F>) -> Vec<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let handles: Vec<_> = jobs.into_iter().map(thread::spawn).collect();
    handles
        .into_iter()
        .map(|handle| match handle.join() {
            Ok(value) => value,
            Err(payload) => panic::resume_unwind(payload),
        })
        .collect()
}
