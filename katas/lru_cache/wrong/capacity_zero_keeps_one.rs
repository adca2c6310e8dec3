//! Evicts only when `len == capacity` and the list is non-empty, so capacity 0 still stores one entry.

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
        let value = *self.map.get(&key)?;
        self.touch(key);
        Some(value)
    }

    pub fn put(&mut self, key: i32, value: i32) {
        if self.map.insert(key, value).is_some() {
            self.touch(key);
            return;
        }
        if self.map.len() > self.capacity {
            if let Some(old) = self.order.pop_front() {
                self.map.remove(&old);
            }
        }
        self.order.push_back(key);
    }

    fn touch(&mut self, key: i32) {
        if let Some(pos) = self.order.iter().position(|&k| k == key) {
            self.order.remove(pos);
        }
        self.order.push_back(key);
    }
}
