//! Preallocates the map with `HashMap::with_capacity(capacity)`: a huge capacity fails to allocate.

use std::collections::{BTreeMap, HashMap};

pub struct LruCache {
    capacity: usize,
    map: HashMap<i32, (i32, u64)>,
    by_use: BTreeMap<u64, i32>,
    clock: u64,
}

impl LruCache {
    pub fn new(capacity: usize) -> Self {
        LruCache {
            capacity,
            map: HashMap::with_capacity(capacity),
            by_use: BTreeMap::new(),
            clock: 0,
        }
    }

    pub fn get(&mut self, key: i32) -> Option<i32> {
        let (value, used) = *self.map.get(&key)?;
        self.by_use.remove(&used);
        self.clock += 1;
        self.by_use.insert(self.clock, key);
        self.map.insert(key, (value, self.clock));
        Some(value)
    }

    pub fn put(&mut self, key: i32, value: i32) {
        if self.capacity == 0 {
            return;
        }
        if let Some(&(_, used)) = self.map.get(&key) {
            self.by_use.remove(&used);
        } else if self.map.len() == self.capacity {
            if let Some((_, old)) = self.by_use.pop_first() {
                self.map.remove(&old);
            }
        }
        self.clock += 1;
        self.by_use.insert(self.clock, key);
        self.map.insert(key, (value, self.clock));
    }
}
