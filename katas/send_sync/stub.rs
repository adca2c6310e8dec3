//! Send and Sync: this file does NOT compile yet. `Rc` and `RefCell` are for one thread only;
//! make the parallel sum compile and work (see the task statement; `kata hint send_sync` when
//! stuck).

use std::cell::RefCell;
use std::rc::Rc;
use std::thread;

/// Sums `f(item)` over `data`, sharing the work among at most `threads` threads (0 counts as 1).
pub fn parallel_sum_by<T, F>(data: Vec<T>, threads: usize, f: F) -> u64
where
    T: Send + Sync + 'static,
    F: Fn(&T) -> u64 + Send + Sync + 'static,
{
    let threads = threads.max(1);
    let chunk_len = data.len().div_ceil(threads).max(1);
    let data = Rc::new(data);
    let f = Rc::new(f);
    let total = Rc::new(RefCell::new(0u64));
    let mut handles = Vec::new();
    for start in (0..data.len()).step_by(chunk_len) {
        let data = Rc::clone(&data);
        let f = Rc::clone(&f);
        let total = Rc::clone(&total);
        handles.push(thread::spawn(move || {
            let end = (start + chunk_len).min(data.len());
            for item in &data[start..end] {
                *total.borrow_mut() += f(item);
            }
        }));
    }
    for handle in handles {
        handle.join().unwrap();
    }
    let sum = *total.borrow();
    sum
}

/// Sums `data`, sharing the work among at most `threads` threads (0 counts as 1).
pub fn parallel_sum(data: Vec<u64>, threads: usize) -> u64 {
    parallel_sum_by(data, threads, |&x| x)
}
