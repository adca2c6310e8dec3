//! Concurrent map: see the task statement (`kata hint concurrent_map` when stuck).

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::RwLock;

/// A map that many threads can read and write at once through a shared reference.
pub struct ConcurrentMap<K, V> {
    // A starting point; shard it if you like.
    _map: RwLock<HashMap<K, V>>,
}

impl<K: Eq + Hash, V> ConcurrentMap<K, V> {
    /// Makes an empty map.
    pub fn new() -> Self {
        todo!("make an empty map")
    }

    /// Stores `value` under `key`; returns the value it replaced, if any.
    pub fn insert(&self, key: K, value: V) -> Option<V> {
        let _ = (key, value);
        todo!("insert")
    }

    /// A copy of the value stored under `key`.
    pub fn get(&self, key: &K) -> Option<V>
    where
        V: Clone,
    {
        let _ = key;
        todo!("get")
    }

    /// Atomically applies `f` to the value stored under `key` and returns what `f` returns;
    /// `None`, without calling `f`, when `key` is absent.
    pub fn update<R, F>(&self, key: &K, f: F) -> Option<R>
    where
        F: FnOnce(&mut V) -> R,
    {
        let _ = (key, f);
        todo!("update atomically")
    }

    /// Atomically inserts `default` under `key` if `key` is absent, then applies `f` to the
    /// stored value and returns what `f` returns.
    pub fn upsert<R, F>(&self, key: K, default: V, f: F) -> R
    where
        F: FnOnce(&mut V) -> R,
    {
        let _ = (key, default, f);
        todo!("insert-or-update atomically")
    }

    /// Removes `key`; returns its value, if it was present.
    pub fn remove(&self, key: &K) -> Option<V> {
        let _ = key;
        todo!("remove")
    }

    /// The number of keys.
    pub fn len(&self) -> usize {
        todo!("count the keys")
    }

    /// `true` when the map holds no keys.
    pub fn is_empty(&self) -> bool {
        todo!("is the map empty?")
    }
}
