//! Shards picked by a hash of the key, each a `Mutex` (no reader/writer distinction), and a
//! `match` on the entry API instead of `or_insert`.

use std::collections::hash_map::{DefaultHasher, Entry};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Mutex, MutexGuard};

pub struct ConcurrentMap<K, V> {
    shards: [Mutex<HashMap<K, V>>; 8],
}

impl<K: Eq + Hash, V> ConcurrentMap<K, V> {
    pub fn new() -> Self {
        ConcurrentMap {
            shards: std::array::from_fn(|_| Mutex::new(HashMap::new())),
        }
    }

    fn shard(&self, key: &K) -> MutexGuard<'_, HashMap<K, V>> {
        // `DefaultHasher::new()` uses fixed keys, so a key always goes to the same shard.
        let mut hasher = DefaultHasher::new();
        key.hash(&mut hasher);
        let index = (hasher.finish() % self.shards.len() as u64) as usize;
        match self.shards[index].lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    pub fn insert(&self, key: K, value: V) -> Option<V> {
        self.shard(&key).insert(key, value)
    }

    pub fn get(&self, key: &K) -> Option<V>
    where
        V: Clone,
    {
        self.shard(key).get(key).map(V::clone)
    }

    pub fn update<R, F>(&self, key: &K, f: F) -> Option<R>
    where
        F: FnOnce(&mut V) -> R,
    {
        let mut shard = self.shard(key);
        match shard.get_mut(key) {
            Some(value) => Some(f(value)),
            None => None,
        }
    }

    pub fn upsert<R, F>(&self, key: K, default: V, f: F) -> R
    where
        F: FnOnce(&mut V) -> R,
    {
        let mut shard = self.shard(&key);
        let value = match shard.entry(key) {
            Entry::Occupied(entry) => entry.into_mut(),
            Entry::Vacant(entry) => entry.insert(default),
        };
        f(value)
    }

    pub fn remove(&self, key: &K) -> Option<V> {
        self.shard(key).remove(key)
    }

    pub fn len(&self) -> usize {
        self.shards
            .iter()
            .map(|s| s.lock().unwrap_or_else(|e| e.into_inner()).len())
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
