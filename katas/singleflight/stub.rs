//! Singleflight: see the task statement (`kata hint singleflight` when stuck).

use std::collections::HashMap;
use std::hash::Hash;
use std::marker::PhantomData;
use std::sync::Mutex;

/// A cache in which concurrent misses for one key share a single computation.
pub struct SingleFlight<K, V, E> {
    // Replace these with your own fields.
    values: Mutex<HashMap<K, V>>,
    _error: PhantomData<fn() -> E>,
}

impl<K: Eq + Hash + Clone, V: Clone, E: Clone> SingleFlight<K, V, E> {
    /// An empty cache.
    pub fn new() -> Self {
        SingleFlight {
            values: Mutex::new(HashMap::new()),
            _error: PhantomData,
        }
    }

    /// Returns the cached value for `key`, or waits for the computation in flight for `key`, or
    /// runs `compute` (once, however many threads ask at the same time) and caches an `Ok`.
    pub fn get_or_compute<F>(&self, key: K, compute: F) -> Result<V, E>
    where
        F: FnOnce() -> Result<V, E>,
    {
        let _ = (key, compute, &self.values);
        todo!("return the cached value, join the computation in flight, or compute once")
    }
}

impl<K: Eq + Hash + Clone, V: Clone, E: Clone> Default for SingleFlight<K, V, E> {
    fn default() -> Self {
        Self::new()
    }
}
