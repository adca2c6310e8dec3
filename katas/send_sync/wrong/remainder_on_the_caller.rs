//! Gives each of `threads` workers `len / threads` items and sums the leftover items on the
//! calling thread, so up to `threads + 1` threads call `f`.

use std::thread;

pub fn parallel_sum_by<T, F>(data: Vec<T>, threads: usize, f: F) -> u64
where
    T: Send + Sync + 'static,
    F: Fn(&T) -> u64 + Send + Sync + 'static,
{
    let threads = threads.max(1);
    let chunk_len = data.len() / threads;
    let f = &f;
    if chunk_len == 0 {
        return data.iter().map(f).sum();
    }
    let (spread, rest) = data.split_at(chunk_len * threads);
    thread::scope(|scope| {
        let workers: Vec<_> = spread
            .chunks(chunk_len)
            .map(|chunk| scope.spawn(move || chunk.iter().map(f).sum::<u64>()))
            .collect();
        let leftover: u64 = rest.iter().map(f).sum();
        leftover + workers.into_iter().map(|w| w.join().unwrap()).sum::<u64>()
    })
}

pub fn parallel_sum(data: Vec<u64>, threads: usize) -> u64 {
    parallel_sum_by(data, threads, |&x| x)
}
