//! Calls each job directly inside the `async fn`: the CPU work runs on the runtime's thread and blocks every other task.

pub async fn run_all<T, F>(jobs: Vec<F>) -> Vec<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    jobs.into_iter().map(|job| job()).collect()
}
