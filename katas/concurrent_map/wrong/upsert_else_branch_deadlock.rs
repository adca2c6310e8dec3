//! A lock per value; `upsert` looks the key up with `if let` on a read guard of the map and takes
//! the map's write lock in the `else` branch. In edition 2021 the read guard lives until the end of
//! the whole `if let`, so upserting an absent key deadlocks.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Mutex, RwLock};

pub struct ConcurrentMap<K, V> {
    map: RwLock<HashMap<K, Mutex<V>>>,
}

impl<K: Eq + Hash, V> ConcurrentMap<K, V> {
    pub fn new() -> Self {
        ConcurrentMap {
            map: RwLock::new(HashMap::new()),
        }
    }

    pub fn insert(&self, key: K, value: V) -> Option<V> {
        let old = self.map.write().unwrap().insert(key, Mutex::new(value));
        old.map(|cell| cell.into_inner().unwrap())
    }

    pub fn get(&self, key: &K) -> Option<V>
    where
        V: Clone,
    {
        let map = self.map.read().unwrap();
        let value = map.get(key)?.lock().unwrap().clone();
        Some(value)
    }

    pub fn update<R, F>(&self, key: &K, f: F) -> Option<R>
    where
        F: FnOnce(&mut V) -> R,
    {
        let map = self.map.read().unwrap();
        let mut value = map.get(key)?.lock().unwrap();
        Some(f(&mut value))
    }

    pub fn upsert<R, F>(&self, key: K, default: V, f: F) -> R
    where
        F: FnOnce(&mut V) -> R,
    {
        if let Some(cell) = self.map.read().unwrap().get(&key) {
            f(&mut cell.lock().unwrap())
        } else {
            let mut map = self.map.write().unwrap();
            let cell = map.entry(key).or_insert_with(|| Mutex::new(default));
            f(cell.get_mut().unwrap())
        }
    }

    pub fn remove(&self, key: &K) -> Option<V> {
        let old = self.map.write().unwrap().remove(key);
        old.map(|cell| cell.into_inner().unwrap())
    }

    pub fn len(&self) -> usize {
        self.map.read().unwrap().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
