//! Reference solution: scoped threads. `thread::scope` guarantees every worker is joined before
//! it returns, so the workers may borrow `data` and `f` directly: no `Rc`, no `Arc`, no lock.
//! Each worker returns its partial sum through its join handle, so no state is shared mutably.

use std::thread;

/// Sums `f(item)` over `data`, sharing the work among at most `threads` threads (0 counts as 1).
pub fn parallel_sum_by<T, F>(data: Vec<T>, threads: usize, f: F) -> u64
where
    T: Send + Sync + 'static,
    F: Fn(&T) -> u64 + Send + Sync + 'static,
{
    if data.is_empty() {
        return 0;
    }
    let threads = threads.max(1);
    // Rounding up makes at most `threads` chunks, and `chunks` keeps the remainder.
    let chunk_len = data.len().div_ceil(threads);
    let f = &f;
    thread::scope(|scope| {
        let workers: Vec<_> = data
            .chunks(chunk_len)
            // `&[T]` is `Send` because `T: Sync`; `&F` is `Send` because `F: Sync`.
            .map(|chunk| scope.spawn(move || chunk.iter().map(f).sum::<u64>()))
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().expect("a worker thread panicked"))
            .sum()
    })
}

/// Sums `data`, sharing the work among at most `threads` threads (0 counts as 1).
pub fn parallel_sum(data: Vec<u64>, threads: usize) -> u64 {
    parallel_sum_by(data, threads, |&x| x)
}
