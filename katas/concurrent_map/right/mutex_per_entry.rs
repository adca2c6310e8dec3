//! One `RwLock` over the whole map and a `Mutex` around each value. Reads and updates of existing
//! keys share the map's read lock and lock only their own value, so updates of different keys run
//! in parallel; only adding or removing a key takes the map's write lock.

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
        let cell = map.get(key)?;
        let value = cell.lock().unwrap();
        Some(value.clone())
    }

    pub fn update<R, F>(&self, key: &K, f: F) -> Option<R>
    where
        F: FnOnce(&mut V) -> R,
    {
        let map = self.map.read().unwrap();
        let cell = map.get(key)?;
        let mut value = cell.lock().unwrap();
        Some(f(&mut value))
    }

    pub fn upsert<R, F>(&self, key: K, default: V, f: F) -> R
    where
        F: FnOnce(&mut V) -> R,
    {
        {
            let map = self.map.read().unwrap();
            if let Some(cell) = map.get(&key) {
                return f(&mut cell.lock().unwrap());
            }
        }
        // Absent a moment ago: decide again under the write lock, which no one else holds.
        let mut map = self.map.write().unwrap();
        let cell = map.entry(key).or_insert_with(|| Mutex::new(default));
        f(cell.get_mut().unwrap())
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

impl<K: Eq + Hash, V> Default for ConcurrentMap<K, V> {
    fn default() -> Self {
        Self::new()
    }
}
