//! Entries in a `HashMap`, recency as a `VecDeque` of keys (least recent at the front, moved to
//! the back on each use, O(n)); the lifetime is compared in `u128` so it cannot overflow.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup<V> {
    Fresh(V),
    Stale { value: V, revalidate: bool },
    Miss,
}

struct Slot<V> {
    value: V,
    since: u64,
    asked: bool,
}

pub struct TtlLruCache<K, V> {
    capacity: usize,
    ttl: u64,
    stale_for: u64,
    slots: HashMap<K, Slot<V>>,
    order: VecDeque<K>,
}

impl<K: Hash + Eq + Clone, V: Clone> TtlLruCache<K, V> {
    pub fn new(capacity: usize, ttl: u64, stale_for: u64) -> Self {
        TtlLruCache {
            capacity,
            ttl,
            stale_for,
            slots: HashMap::new(),
            order: VecDeque::new(),
        }
    }

    fn touch(&mut self, key: &K) {
        if let Some(at) = self.order.iter().position(|k| k == key) {
            let k = self.order.remove(at).expect("position found");
            self.order.push_back(k);
        }
    }

    pub fn put(&mut self, key: K, value: V, now: u64) {
        if self.capacity == 0 {
            return;
        }
        let slot = Slot {
            value,
            since: now,
            asked: false,
        };
        if self.slots.insert(key.clone(), slot).is_some() {
            self.touch(&key);
            return;
        }
        if self.slots.len() > self.capacity {
            if let Some(oldest) = self.order.pop_front() {
                self.slots.remove(&oldest);
            }
        }
        self.order.push_back(key);
    }

    pub fn get(&mut self, key: &K, now: u64) -> Lookup<V> {
        let Some(slot) = self.slots.get_mut(key) else {
            return Lookup::Miss;
        };
        let age = if now > slot.since {
            now - slot.since
        } else {
            0
        };
        if u128::from(age) >= u128::from(self.ttl) + u128::from(self.stale_for) {
            self.slots.remove(key);
            self.order.retain(|k| k != key);
            return Lookup::Miss;
        }
        let result = if age < self.ttl {
            Lookup::Fresh(slot.value.clone())
        } else {
            let revalidate = !slot.asked;
            slot.asked = true;
            Lookup::Stale {
                value: slot.value.clone(),
                revalidate,
            }
        };
        self.touch(key);
        result
    }
}
