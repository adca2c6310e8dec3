//! `get` returns the value but does not mark the key as recently used (evicts in insertion order).

use std::collections::{HashMap, VecDeque};

pub struct LruCache {
    capacity: usize,
    map: HashMap<i32, i32>,
    order: VecDeque<i32>,
}

impl LruCache {
    pub fn new(capacity: usize) -> Self {
        LruCache {
            capacity,
            map: HashMap::new(),
            order: VecDeque::new(),
        }
    }

    pub fn get(&mut self, key: i32) -> Option<i32> {
        self.map.get(&key).copied()
    }

    pub fn put(&mut self, key: i32, value: i32) {
        if self.capacity == 0 {
            return;
        }
        if let Some(v) = self.map.get_mut(&key) {
            *v = value;
            let pos = self.order.iter().position(|&k| k == key).unwrap();
            self.order.remove(pos);
            self.order.push_back(key);
            return;
        }
        if self.map.len() == self.capacity {
            let old = self.order.pop_front().unwrap();
            self.map.remove(&old);
        }
        self.map.insert(key, value);
        self.order.push_back(key);
    }
}
