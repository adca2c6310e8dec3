//! A sharded map whose `is_empty` looks only at the first shard: a map whose keys all live in
//! other shards says it is empty.

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash};
use std::sync::RwLock;

const SHARDS: usize = 16;

pub struct ConcurrentMap<K, V> {
    shards: Vec<RwLock<HashMap<K, V>>>,
    hasher: RandomState,
}

impl<K: Eq + Hash, V> ConcurrentMap<K, V> {
    pub fn new() -> Self {
        ConcurrentMap {
            shards: (0..SHARDS).map(|_| RwLock::new(HashMap::new())).collect(),
            hasher: RandomState::new(),
        }
    }

    fn shard(&self, key: &K) -> &RwLock<HashMap<K, V>> {
        &self.shards[(self.hasher.hash_one(key) % SHARDS as u64) as usize]
    }

    pub fn insert(&self, key: K, value: V) -> Option<V> {
        self.shard(&key).write().unwrap().insert(key, value)
    }

    pub fn get(&self, key: &K) -> Option<V>
    where
        V: Clone,
    {
        self.shard(key).read().unwrap().get(key).cloned()
    }

    pub fn update<R, F>(&self, key: &K, f: F) -> Option<R>
    where
        F: FnOnce(&mut V) -> R,
    {
        self.shard(key).write().unwrap().get_mut(key).map(f)
    }

    pub fn upsert<R, F>(&self, key: K, default: V, f: F) -> R
    where
        F: FnOnce(&mut V) -> R,
    {
        let mut shard = self.shard(&key).write().unwrap();
        f(shard.entry(key).or_insert(default))
    }

    pub fn remove(&self, key: &K) -> Option<V> {
        self.shard(key).write().unwrap().remove(key)
    }

    pub fn len(&self) -> usize {
        self.shards.iter().map(|s| s.read().unwrap().len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.shards[0].read().unwrap().is_empty()
    }
}
