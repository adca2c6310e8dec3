//! Checks the map, unlocks, computes and then inserts: every thread that misses at the same moment computes (a stampede).

use std::collections::HashMap;
use std::hash::Hash;
use std::marker::PhantomData;
use std::sync::Mutex;

pub struct SingleFlight<K, V, E> {
    values: Mutex<HashMap<K, V>>,
    _error: PhantomData<fn() -> E>,
}

impl<K: Eq + Hash + Clone, V: Clone, E: Clone> SingleFlight<K, V, E> {
    pub fn new() -> Self {
        SingleFlight {
            values: Mutex::new(HashMap::new()),
            _error: PhantomData,
        }
    }

    pub fn get_or_compute<F>(&self, key: K, compute: F) -> Result<V, E>
    where
        F: FnOnce() -> Result<V, E>,
    {
        if let Some(value) = self.values.lock().unwrap().get(&key) {
            return Ok(value.clone());
        }
        let value = compute()?;
        self.values
            .lock()
            .unwrap()
            .entry(key)
            .or_insert(value.clone());
        Ok(value)
    }
}
