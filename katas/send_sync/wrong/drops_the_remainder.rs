//! Gives each thread `len / threads` items, so the last `len % threads` items are never summed.

use std::thread;

pub fn parallel_sum_by<T, F>(data: Vec<T>, threads: usize, f: F) -> u64
where
    T: Send + Sync + 'static,
    F: Fn(&T) -> u64 + Send + Sync + 'static,
{
    let threads = threads.max(1);
    let chunk_len = data.len() / threads;
    let (data, f) = (&data, &f);
    thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    data[t * chunk_len..(t + 1) * chunk_len]
                        .iter()
                        .map(f)
                        .sum::<u64>()
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).sum()
    })
}

pub fn parallel_sum(data: Vec<u64>, threads: usize) -> u64 {
    parallel_sum_by(data, threads, |&x| x)
}
