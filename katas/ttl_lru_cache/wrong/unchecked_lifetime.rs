//! Adds `ttl + stale_for` unchecked, which overflows (a panic in debug builds) for very long lifetimes.

use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup<V> {
    Fresh(V),
    Stale { value: V, revalidate: bool },
    Miss,
}

#[derive(Debug)]
struct Entry<V> {
    value: V,
    stored_at: u64,
    revalidation_requested: bool,
    stamp: u64,
}

#[derive(Debug)]
pub struct TtlLruCache<K, V> {
    capacity: usize,
    ttl: u64,
    stale_for: u64,
    entries: HashMap<K, Entry<V>>,
    by_recency: BTreeMap<u64, K>,
    next_stamp: u64,
}

impl<K: Hash + Eq + Clone, V: Clone> TtlLruCache<K, V> {
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

    pub fn put(&mut self, key: K, value: V, now: u64) {
        if self.capacity == 0 {
            return;
        }
        let stamp = self.bump();
        if let Some(entry) = self.entries.get_mut(&key) {
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

    pub fn get(&mut self, key: &K, now: u64) -> Lookup<V> {
        let (ttl, stale_for) = (self.ttl, self.stale_for);
        let Some(entry) = self.entries.get(key) else {
            return Lookup::Miss;
        };
        let age = now.saturating_sub(entry.stored_at);
        let expired = age >= ttl + stale_for;
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
