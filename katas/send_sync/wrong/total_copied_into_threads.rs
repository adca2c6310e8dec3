//! Drops the `Rc<RefCell<u64>>` for a plain `u64`: each `move` closure adds to its own copy and the result is 0.

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
    let mut total = 0u64;
    let mut handles = Vec::new();
    for start in (0..data.len()).step_by(chunk_len) {
        let data = Arc::clone(&data);
        let f = Arc::clone(&f);
        handles.push(thread::spawn(move || {
            let end = (start + chunk_len).min(data.len());
            for item in &data[start..end] {
                total += f(item);
            }
        }));
    }
    for handle in handles {
        handle.join().unwrap();
    }
    total
}

pub fn parallel_sum(data: Vec<u64>, threads: usize) -> u64 {
    parallel_sum_by(data, threads, |&x| x)
}
