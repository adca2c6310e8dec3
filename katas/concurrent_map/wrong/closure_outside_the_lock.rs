//! Runs the closure outside the lock by taking the value out and putting it back: meanwhile other threads find the key missing.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::RwLock;

pub struct ConcurrentMap<K, V> {
    map: RwLock<HashMap<K, V>>,
}

impl<K: Eq + Hash, V> ConcurrentMap<K, V> {
    pub fn new() -> Self {
        ConcurrentMap {
            map: RwLock::new(HashMap::new()),
        }
    }

    pub fn insert(&self, key: K, value: V) -> Option<V> {
        self.map.write().unwrap().insert(key, value)
    }

    pub fn get(&self, key: &K) -> Option<V>
    where
        V: Clone,
    {
        self.map.read().unwrap().get(key).cloned()
    }

    pub fn remove(&self, key: &K) -> Option<V> {
        self.map.write().unwrap().remove(key)
    }

    pub fn len(&self) -> usize {
        self.map.read().unwrap().len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.read().unwrap().is_empty()
    }

    pub fn update<R, F>(&self, key: &K, f: F) -> Option<R>
    where
        F: FnOnce(&mut V) -> R,
    {
        // Keep the critical section short: never call user code while holding the lock.
        let (key, mut value) = self.map.write().unwrap().remove_entry(key)?;
        let result = f(&mut value);
        self.map.write().unwrap().insert(key, value);
        Some(result)
    }

    pub fn upsert<R, F>(&self, key: K, default: V, f: F) -> R
    where
        F: FnOnce(&mut V) -> R,
    {
        let taken = self.map.write().unwrap().remove_entry(&key);
        let (key, mut value) = taken.unwrap_or((key, default));
        let result = f(&mut value);
        self.map.write().unwrap().insert(key, value);
        result
    }
}
