//! Reference solution: a sharded map. Each key lives in one of a fixed number of shards, chosen
//! by its hash, and each shard is a `HashMap` behind its own `RwLock`. Readers of a shard share
//! it; a writer locks only its shard, so threads working on different keys rarely wait for each
//! other. A read-modify-write (`update`, `upsert`) runs entirely under one write lock, so no other
//! thread can slip in between the read and the write.

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash};
use std::sync::{PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

const SHARDS: usize = 16;

/// A map that many threads can read and write at once through a shared reference.
pub struct ConcurrentMap<K, V> {
    shards: Vec<RwLock<HashMap<K, V>>>,
    /// Picks a key's shard. Built once: every call must send a key to the same shard.
    shard_hasher: RandomState,
}

impl<K: Eq + Hash, V> ConcurrentMap<K, V> {
    /// Makes an empty map.
    pub fn new() -> Self {
        ConcurrentMap {
            shards: (0..SHARDS).map(|_| RwLock::new(HashMap::new())).collect(),
            shard_hasher: RandomState::new(),
        }
    }

    /// Stores `value` under `key`; returns the value it replaced, if any.
    pub fn insert(&self, key: K, value: V) -> Option<V> {
        self.write(&key).insert(key, value)
    }

    /// A copy of the value stored under `key`.
    pub fn get(&self, key: &K) -> Option<V>
    where
        V: Clone,
    {
        self.read(key).get(key).cloned()
    }

    /// Atomically applies `f` to the value stored under `key` and returns what `f` returns;
    /// `None`, without calling `f`, when `key` is absent.
    pub fn update<R, F>(&self, key: &K, f: F) -> Option<R>
    where
        F: FnOnce(&mut V) -> R,
    {
        self.write(key).get_mut(key).map(f)
    }

    /// Atomically inserts `default` under `key` if `key` is absent, then applies `f` to the
    /// stored value and returns what `f` returns.
    pub fn upsert<R, F>(&self, key: K, default: V, f: F) -> R
    where
        F: FnOnce(&mut V) -> R,
    {
        let mut shard = self.write(&key);
        f(shard.entry(key).or_insert(default))
    }

    /// Removes `key`; returns its value, if it was present.
    pub fn remove(&self, key: &K) -> Option<V> {
        self.write(key).remove(key)
    }

    /// The number of keys. Exact when no other thread is changing the map at the same time.
    pub fn len(&self) -> usize {
        self.shards.iter().map(|s| read_lock(s).len()).sum()
    }

    /// `true` when the map holds no keys.
    pub fn is_empty(&self) -> bool {
        self.shards.iter().all(|s| read_lock(s).is_empty())
    }

    fn shard(&self, key: &K) -> &RwLock<HashMap<K, V>> {
        let hash = self.shard_hasher.hash_one(key);
        &self.shards[(hash % SHARDS as u64) as usize]
    }

    fn read(&self, key: &K) -> RwLockReadGuard<'_, HashMap<K, V>> {
        read_lock(self.shard(key))
    }

    fn write(&self, key: &K) -> RwLockWriteGuard<'_, HashMap<K, V>> {
        self.shard(key)
            .write()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// Locks a shard for reading. A panic in another thread's `f` poisons the lock, but the
/// `HashMap` itself is still consistent, so the poison is ignored rather than spread.
fn read_lock<K, V>(shard: &RwLock<HashMap<K, V>>) -> RwLockReadGuard<'_, HashMap<K, V>> {
    shard.read().unwrap_or_else(PoisonError::into_inner)
}

impl<K: Eq + Hash, V> Default for ConcurrentMap<K, V> {
    fn default() -> Self {
        Self::new()
    }
}
