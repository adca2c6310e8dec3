//! TTL + LRU cache with stale-while-revalidate: see the task statement
//! (`kata hint ttl_lru_cache` when stuck).

use std::hash::Hash;

/// What a lookup found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup<V> {
    /// Younger than the TTL: serve it.
    Fresh(V),
    /// Past the TTL but inside the stale window: serve it, and refresh it in the background if
    /// `revalidate` is true.
    Stale { value: V, revalidate: bool },
    /// Absent, or past the stale window.
    Miss,
}

/// An LRU cache whose entries are fresh for `ttl`, then stale for `stale_for`, then gone.
pub struct TtlLruCache<K, V> {
    // Your fields here.
    _todo: std::marker::PhantomData<(K, V)>,
}

impl<K: Hash + Eq + Clone, V: Clone> TtlLruCache<K, V> {
    /// A cache of at most `capacity` entries.
    pub fn new(capacity: usize, ttl: u64, stale_for: u64) -> Self {
        let _ = (capacity, ttl, stale_for);
        todo!("create the cache")
    }

    /// Stores `value` under `key` as of `now`, making it fresh and most recently used.
    pub fn put(&mut self, key: K, value: V, now: u64) {
        let _ = (key, value, now);
        todo!("store an entry")
    }

    /// Looks `key` up as of `now`.
    pub fn get(&mut self, key: &K, now: u64) -> Lookup<V> {
        let _ = (key, now);
        todo!("look an entry up")
    }
}
