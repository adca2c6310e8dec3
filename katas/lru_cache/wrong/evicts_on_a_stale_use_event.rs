//! Keeps recency as a queue of use events but evicts the key of the oldest event without checking
//! that it is that key's latest use, so a key used again since is evicted as if it were stale.

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

    fn touch(&mut self, key: i32) -> u64 {
        self.clock += 1;
        self.uses.push_back((key, self.clock));
        if self.uses.len() > 2 * self.entries.len() + 16 {
            let entries = &self.entries;
            self.uses
                .retain(|&(k, stamp)| entries.get(&k).is_some_and(|&(_, s)| s == stamp));
        }
        self.clock
    }

    pub fn get(&mut self, key: i32) -> Option<i32> {
        let value = self.entries.get(&key)?.0;
        let stamp = self.touch(key);
        self.entries.insert(key, (value, stamp));
        Some(value)
    }

    pub fn put(&mut self, key: i32, value: i32) {
        if self.capacity == 0 {
            return;
        }
        if !self.entries.contains_key(&key) && self.entries.len() == self.capacity {
            // The oldest event names the least recently used key... unless that key was used
            // again since.
            while let Some((old, _)) = self.uses.pop_front() {
                if self.entries.remove(&old).is_some() {
                    break;
                }
            }
        }
        // Insert first so that a compaction inside `touch` keeps the previous stamp's event
        // only if it is still current.
        let stamp = self.clock + 1;
        self.entries.insert(key, (value, stamp));
        let pushed = self.touch(key);
        debug_assert_eq!(pushed, stamp);
    }
}
