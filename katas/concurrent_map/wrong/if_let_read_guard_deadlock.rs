//! Checks for the key with `if let` on a read guard, then takes the write lock inside: the guard is still alive, so it deadlocks.

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
        // Cheap check under a shared lock first; only lock exclusively when there is work to do.
        if let Some(_current) = self.map.read().unwrap().get(key) {
            let mut map = self.map.write().unwrap();
            return map.get_mut(key).map(f);
        }
        None
    }

    pub fn upsert<R, F>(&self, key: K, default: V, f: F) -> R
    where
        F: FnOnce(&mut V) -> R,
    {
        let mut map = self.map.write().unwrap();
        f(map.entry(key).or_insert(default))
    }
}
