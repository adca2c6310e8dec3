//! The calling thread is one of the workers: it spawns `threads - 1` scoped threads for all but
//! the first chunk, sums the first chunk itself, then adds the others' results (a `Mutex<u64>`
//! total that each worker adds its partial sum to once).

use std::sync::Mutex;
use std::thread;

pub fn parallel_sum_by<T, F>(data: Vec<T>, threads: usize, f: F) -> u64
where
    T: Send + Sync + 'static,
    F: Fn(&T) -> u64 + Send + Sync + 'static,
{
    if data.is_empty() {
        return 0;
    }
    let threads = threads.clamp(1, data.len());
    let per_chunk = data.len().div_ceil(threads);
    let mut chunks = data.chunks(per_chunk);
    let mine = chunks.next().expect("data is not empty");
    let total = Mutex::new(0u64);
    let f = &f;
    thread::scope(|s| {
        for chunk in chunks {
            let total = &total;
            s.spawn(move || {
                let part: u64 = chunk.iter().map(f).sum();
                *total.lock().unwrap() += part;
            });
        }
        let part: u64 = mine.iter().map(f).sum();
        *total.lock().unwrap() += part;
    });
    total.into_inner().unwrap()
}

pub fn parallel_sum(data: Vec<u64>, threads: usize) -> u64 {
    parallel_sum_by(data, threads, |&x| x)
}
