//! Recency as a queue of (key, stamp) events: every use pushes a fresh stamp, and eviction pops
//! from the front, skipping events whose stamp is no longer the key's latest. The queue is
//! rebuilt when stale events outnumber live ones, so memory stays proportional to the entries.

use std::collections::{HashMap, VecDeque};

pub struct LruCache {
    capacity: usize,
    clock: u64,
    entries: HashMap<i32, (i32, u64)>,
    uses: VecDeque<(i32, u64)>,
}

impl LruCache {
    pub fn new(capacity: usize) -> Self {
        LruCache {
            capacity,
            clock: 0,
            entries: HashMap::new(),
            uses: VecDeque::new(),
        }
    }

    /// Records a use of `key`, which must be cached: its entry and a new event get a fresh stamp.
    fn touch(&mut self, key: i32) {
        self.clock += 1;
        if let Some(entry) = self.entries.get_mut(&key) {
            entry.1 = self.clock;
        }
        self.uses.push_back((key, self.clock));
        if self.uses.len() > 2 * self.entries.len() + 16 {
            let entries = &self.entries;
            self.uses
                .retain(|&(k, stamp)| entries.get(&k).is_some_and(|&(_, s)| s == stamp));
        }
    }

    pub fn get(&mut self, key: i32) -> Option<i32> {
        let value = self.entries.get(&key)?.0;
        self.touch(key);
        Some(value)
    }

    pub fn put(&mut self, key: i32, value: i32) {
        if self.capacity == 0 {
            return;
        }
        if !self.entries.contains_key(&key) && self.entries.len() == self.capacity {
            while let Some((old, stamp)) = self.uses.pop_front() {
                if self.entries.get(&old).is_some_and(|&(_, s)| s == stamp) {
                    self.entries.remove(&old);
                    break;
                }
            }
        }
        self.entries.insert(key, (value, 0));
        self.touch(key);
    }
}
