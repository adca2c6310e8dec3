//! Treats an entry as expired only once its age is greater than `ttl + stale_for`, so at exactly
//! that age it is still served stale.

use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

/// What a lookup found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup<V> {
    /// Younger than the TTL: serve it.
    Fresh(V),
    /// Past the TTL but inside the stale window: serve it, and refresh it in the background if
    /// `revalidate` is true (only the first stale lookup of an entry is asked to).
    Stale { value: V, revalidate: bool },
    /// Absent, or past the stale window.
    Miss,
}

#[derive(Debug)]
struct Entry<V> {
    value: V,
    stored_at: u64,
    /// Whether a stale lookup has already asked a caller to revalidate this value.
    revalidation_requested: bool,
    /// The recency stamp under which the key sits in `by_recency`.
    stamp: u64,
}

/// An LRU cache whose entries are fresh for `ttl`, then stale for `stale_for`, then gone.
#[derive(Debug)]
pub struct TtlLruCache<K, V> {
    capacity: usize,
    ttl: u64,
    stale_for: u64,
    entries: HashMap<K, Entry<V>>,
    /// Recency stamp → key; the smallest stamp is the least recently used entry.
    by_recency: BTreeMap<u64, K>,
    next_stamp: u64,
}

impl<K: Hash + Eq + Clone, V: Clone> TtlLruCache<K, V> {
    /// A cache of at most `capacity` entries.
    pub fn new(capacity: usize, ttl: u64, stale_for: u64) -> Self {
        Self {
            capacity,
            ttl,
            stale_for,
            entries: HashMap::new(),
            by_recency: BTreeMap::new(),
            next_stamp: 0,
        }
    }

    /// Stores `value` under `key` as of `now`, making it fresh and most recently used.
    pub fn put(&mut self, key: K, value: V, now: u64) {
        if self.capacity == 0 {
            return;
        }
        let stamp = self.bump();
        if let Some(entry) = self.entries.get_mut(&key) {
            // Overwriting never evicts anything else.
            self.by_recency.remove(&entry.stamp);
            *entry = Entry {
                value,
                stored_at: now,
                revalidation_requested: false,
                stamp,
            };
        } else {
            if self.entries.len() == self.capacity {
                if let Some((_, oldest)) = self.by_recency.pop_first() {
                    self.entries.remove(&oldest);
                }
            }
            let entry = Entry {
                value,
                stored_at: now,
                revalidation_requested: false,
                stamp,
            };
            self.entries.insert(key.clone(), entry);
        }
        self.by_recency.insert(stamp, key);
    }

    /// Looks `key` up as of `now`. A hit (fresh or stale) makes the entry most recently used;
    /// an expired entry is removed and reported as a miss.
    pub fn get(&mut self, key: &K, now: u64) -> Lookup<V> {
        let (ttl, stale_for) = (self.ttl, self.stale_for);
        let Some(entry) = self.entries.get(key) else {
            return Lookup::Miss;
        };
        // A clock behind the store time counts as age 0, and a lifetime past `u64::MAX` never
        // runs out: neither the age nor the limit may overflow.
        let age = now.saturating_sub(entry.stored_at);
        let expired = ttl.checked_add(stale_for).is_some_and(|limit| age > limit);
        if expired {
            let stamp = entry.stamp;
            self.entries.remove(key);
            self.by_recency.remove(&stamp);
            return Lookup::Miss;
        }
        let stamp = self.bump();
        let entry = self.entries.get_mut(key).expect("checked above");
        self.by_recency.remove(&entry.stamp);
        self.by_recency.insert(stamp, key.clone());
        entry.stamp = stamp;
        if age < ttl {
            Lookup::Fresh(entry.value.clone())
        } else {
            let revalidate = !entry.revalidation_requested;
            entry.revalidation_requested = true;
            Lookup::Stale {
                value: entry.value.clone(),
                revalidate,
            }
        }
    }

    fn bump(&mut self) -> u64 {
        self.next_stamp += 1;
        self.next_stamp
    }
}
