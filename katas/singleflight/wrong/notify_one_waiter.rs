//! Wakes waiters with `notify_one`: only one of the threads waiting for a computation wakes up,
//! and the others wait forever.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};

/// What the map holds for a key.
enum Slot<V, E> {
    /// A computation returned `Ok`: the cached value.
    Ready(V),
    /// A computation is running; callers wait on the shared flight.
    InFlight(Arc<Flight<V, E>>),
}

/// One computation in flight, shared by the caller running it and everyone waiting for it.
struct Flight<V, E> {
    outcome: Mutex<Outcome<V, E>>,
    finished: Condvar,
}

enum Outcome<V, E> {
    Running,
    Done(Result<V, E>),
    /// The computing caller panicked: waiters start over.
    Abandoned,
}

/// A cache in which concurrent misses for one key share a single computation.
pub struct SingleFlight<K, V, E> {
    slots: Mutex<HashMap<K, Slot<V, E>>>,
}

/// Locks a mutex, ignoring poisoning: every critical section here leaves the data consistent.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl<V: Clone, E: Clone> Flight<V, E> {
    fn new() -> Self {
        Flight {
            outcome: Mutex::new(Outcome::Running),
            finished: Condvar::new(),
        }
    }

    /// Blocks until the computation ends; `None` if it was abandoned.
    fn wait(&self) -> Option<Result<V, E>> {
        let mut outcome = lock(&self.outcome);
        loop {
            match &*outcome {
                Outcome::Running => {
                    outcome = self
                        .finished
                        .wait(outcome)
                        .unwrap_or_else(PoisonError::into_inner);
                }
                Outcome::Done(result) => return Some(result.clone()),
                Outcome::Abandoned => return None,
            }
        }
    }

    fn finish(&self, outcome: Outcome<V, E>) {
        *lock(&self.outcome) = outcome;
        self.finished.notify_one();
    }
}

/// Cleans up if `compute` panics: removes the in-flight slot and wakes the waiters, who retry.
struct AbandonOnUnwind<'a, K: Eq + Hash, V: Clone, E: Clone> {
    cache: &'a SingleFlight<K, V, E>,
    key: Option<K>,
    flight: &'a Flight<V, E>,
}

impl<K: Eq + Hash, V: Clone, E: Clone> Drop for AbandonOnUnwind<'_, K, V, E> {
    fn drop(&mut self) {
        if let Some(key) = self.key.take() {
            lock(&self.cache.slots).remove(&key);
            self.flight.finish(Outcome::Abandoned);
        }
    }
}

impl<K: Eq + Hash + Clone, V: Clone, E: Clone> SingleFlight<K, V, E> {
    /// An empty cache.
    pub fn new() -> Self {
        SingleFlight {
            slots: Mutex::new(HashMap::new()),
        }
    }

    /// Returns the cached value for `key`, or waits for the computation in flight for `key`, or
    /// runs `compute` (once, however many threads ask at the same time) and caches an `Ok`.
    pub fn get_or_compute<F>(&self, key: K, compute: F) -> Result<V, E>
    where
        F: FnOnce() -> Result<V, E>,
    {
        let flight = loop {
            // Look up and claim the key in one critical section: this is what makes the
            // check-then-compute atomic.
            let existing = {
                let mut slots = lock(&self.slots);
                match slots.get(&key) {
                    Some(Slot::Ready(value)) => return Ok(value.clone()),
                    Some(Slot::InFlight(flight)) => Arc::clone(flight),
                    None => {
                        let flight = Arc::new(Flight::new());
                        slots.insert(key.clone(), Slot::InFlight(Arc::clone(&flight)));
                        break flight;
                    }
                }
            };
            // Wait outside the map's lock, so other keys stay available.
            if let Some(result) = existing.wait() {
                return result;
            }
            // The computing caller panicked; start over.
        };

        let mut guard = AbandonOnUnwind {
            cache: self,
            key: Some(key),
            flight: &flight,
        };
        let result = compute();
        let key = guard
            .key
            .take()
            .expect("the key is only taken here or on unwind");

        {
            let mut slots = lock(&self.slots);
            match &result {
                Ok(value) => {
                    slots.insert(key, Slot::Ready(value.clone()));
                }
                // Errors are shared with the waiters below but not cached.
                Err(_) => {
                    slots.remove(&key);
                }
            }
        }
        flight.finish(Outcome::Done(result.clone()));
        result
    }
}

impl<K: Eq + Hash + Clone, V: Clone, E: Clone> Default for SingleFlight<K, V, E> {
    fn default() -> Self {
        Self::new()
    }
}
