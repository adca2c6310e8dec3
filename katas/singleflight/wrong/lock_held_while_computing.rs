//! Holds one global lock while computing: never computes twice, but a slow key blocks every other key (and nested calls deadlock).

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
        let mut values = self.values.lock().unwrap();
        if let Some(value) = values.get(&key) {
            return Ok(value.clone());
        }
        let value = compute()?;
        values.insert(key, value.clone());
        Ok(value)
    }
}
