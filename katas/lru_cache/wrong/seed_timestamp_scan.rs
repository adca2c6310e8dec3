//! The seed's design: a use counter per key, and eviction scans every entry for the oldest (O(n) put).

use std::collections::HashMap;

pub struct LruCache {
    capacity: usize,
    map: HashMap<i32, (i32, usize)>,
    time: usize,
}

impl LruCache {
    pub fn new(capacity: usize) -> Self {
        LruCache {
            capacity,
            map: HashMap::new(),
            time: 0,
        }
    }

    pub fn get(&mut self, key: i32) -> Option<i32> {
        self.time += 1;
        let now = self.time;
        let entry = self.map.get_mut(&key)?;
        entry.1 = now;
        Some(entry.0)
    }

    pub fn put(&mut self, key: i32, value: i32) {
        if self.capacity == 0 {
            return;
        }
        self.time += 1;
        if !self.map.contains_key(&key) && self.map.len() == self.capacity {
            let oldest = self
                .map
                .iter()
                .min_by_key(|(_, &(_, used))| used)
                .map(|(&k, _)| k);
            if let Some(k) = oldest {
                self.map.remove(&k);
            }
        }
        self.map.insert(key, (value, self.time));
    }
}
