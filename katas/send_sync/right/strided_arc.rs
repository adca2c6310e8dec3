//! `Arc` instead of `Rc`, an `AtomicU64` total updated with `fetch_add`, and a strided split:
//! worker `k` of `w` takes the items `k`, `k + w`, `k + 2w`, ... on a `std::thread::spawn`ed
//! thread, and the caller joins them all.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::thread;

pub fn parallel_sum_by<T, F>(data: Vec<T>, threads: usize, f: F) -> u64
where
    T: Send + Sync + 'static,
    F: Fn(&T) -> u64 + Send + Sync + 'static,
{
    let workers = threads.max(1).min(data.len());
    let data = Arc::new(data);
    let f = Arc::new(f);
    let total = Arc::new(AtomicU64::new(0));
    let handles: Vec<_> = (0..workers)
        .map(|k| {
            let (data, f, total) = (Arc::clone(&data), Arc::clone(&f), Arc::clone(&total));
            thread::spawn(move || {
                for item in data.iter().skip(k).step_by(workers) {
                    total.fetch_add(f(item), Ordering::Relaxed);
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("a worker panicked");
    }
    total.load(Ordering::SeqCst)
}

pub fn parallel_sum(data: Vec<u64>, threads: usize) -> u64 {
    parallel_sum_by(data, threads, |&x| x)
}
