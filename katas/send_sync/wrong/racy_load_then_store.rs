//! Replaces `RefCell` with an `AtomicU64` but updates it with `load` then `store`: concurrent updates are lost.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::thread;

pub fn parallel_sum_by<T, F>(data: Vec<T>, threads: usize, f: F) -> u64
where
    T: Send + Sync + 'static,
    F: Fn(&T) -> u64 + Send + Sync + 'static,
{
    let threads = threads.max(1);
    let chunk_len = data.len().div_ceil(threads).max(1);
    let data = Arc::new(data);
    let f = Arc::new(f);
    let total = Arc::new(AtomicU64::new(0));
    let mut handles = Vec::new();
    for start in (0..data.len()).step_by(chunk_len) {
        let data = Arc::clone(&data);
        let f = Arc::clone(&f);
        let total = Arc::clone(&total);
        handles.push(thread::spawn(move || {
            let end = (start + chunk_len).min(data.len());
            for item in &data[start..end] {
                total.store(total.load(Ordering::SeqCst) + f(item), Ordering::SeqCst);
            }
        }));
    }
    for handle in handles {
        handle.join().unwrap();
    }
    total.load(Ordering::SeqCst)
}

pub fn parallel_sum(data: Vec<u64>, threads: usize) -> u64 {
    parallel_sum_by(data, threads, |&x| x)
}
