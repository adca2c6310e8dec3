//! Waiters wake up after a failed computation and each compute for themselves instead of sharing the Err.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Condvar, Mutex};

enum Slot<V> {
    Ready(V),
    Computing,
}

pub struct SingleFlight<K, V, E> {
    slots: Mutex<HashMap<K, Slot<V>>>,
    changed: Condvar,
    _error: std::marker::PhantomData<fn() -> E>,
}

impl<K: Eq + Hash + Clone, V: Clone, E: Clone> SingleFlight<K, V, E> {
    pub fn new() -> Self {
        SingleFlight {
            slots: Mutex::new(HashMap::new()),
            changed: Condvar::new(),
            _error: std::marker::PhantomData,
        }
    }

    pub fn get_or_compute<F>(&self, key: K, compute: F) -> Result<V, E>
    where
        F: FnOnce() -> Result<V, E>,
    {
        let mut slots = self.slots.lock().unwrap();
        loop {
            match slots.get(&key) {
                Some(Slot::Ready(value)) => return Ok(value.clone()),
                Some(Slot::Computing) => slots = self.changed.wait(slots).unwrap(),
                None => break,
            }
        }
        slots.insert(key.clone(), Slot::Computing);
        drop(slots);
        let result = compute();
        let mut slots = self.slots.lock().unwrap();
        match &result {
            Ok(value) => {
                slots.insert(key, Slot::Ready(value.clone()));
            }
            Err(_) => {
                slots.remove(&key);
            }
        }
        self.changed.notify_all();
        result
    }
}
