//! `upsert` checks "absent?" under a read lock, then stores the default under a separate write lock
//! with a plain insert: racing threads overwrite each other's values.

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
        self.map.write().unwrap().get_mut(key).map(f)
    }

    pub fn upsert<R, F>(&self, key: K, default: V, f: F) -> R
    where
        F: FnOnce(&mut V) -> R,
    {
        let present = self.map.read().unwrap().contains_key(&key);
        let mut map = self.map.write().unwrap();
        if present {
            if let Some(value) = map.get_mut(&key) {
                return f(value);
            }
        }
        // Absent a moment ago, so store the default: but another thread may have stored a value
        // in between, and a plain insert overwrites it.
        f(map.entry(key).insert_entry(default).into_mut())
    }
}
