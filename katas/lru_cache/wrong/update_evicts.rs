//! `put` checks "full?" before "already present?", so updating a key in a full cache evicts another.

use std::collections::HashMap;

const NIL: usize = usize::MAX;

struct Slot {
    key: i32,
    value: i32,
    newer: usize,
    older: usize,
}

pub struct LruCache {
    capacity: usize,
    index: HashMap<i32, usize>,
    slots: Vec<Slot>,
    free: Vec<usize>,
    head: usize,
    tail: usize,
}

impl LruCache {
    pub fn new(capacity: usize) -> Self {
        LruCache {
            capacity,
            index: HashMap::new(),
            slots: Vec::new(),
            free: Vec::new(),
            head: NIL,
            tail: NIL,
        }
    }

    pub fn get(&mut self, key: i32) -> Option<i32> {
        let i = *self.index.get(&key)?;
        self.unlink(i);
        self.push_front(i);
        Some(self.slots[i].value)
    }

    pub fn put(&mut self, key: i32, value: i32) {
        if self.capacity == 0 {
            return;
        }
        if self.index.len() == self.capacity {
            let lru = self.tail;
            self.unlink(lru);
            self.index.remove(&self.slots[lru].key);
            self.free.push(lru);
        }
        if let Some(&i) = self.index.get(&key) {
            self.slots[i].value = value;
            self.unlink(i);
            self.push_front(i);
            return;
        }
        let slot = Slot {
            key,
            value,
            newer: NIL,
            older: NIL,
        };
        let i = match self.free.pop() {
            Some(i) => {
                self.slots[i] = slot;
                i
            }
            None => {
                self.slots.push(slot);
                self.slots.len() - 1
            }
        };
        self.push_front(i);
        self.index.insert(key, i);
    }

    fn unlink(&mut self, i: usize) {
        let (newer, older) = (self.slots[i].newer, self.slots[i].older);
        if newer == NIL {
            self.head = older;
        } else {
            self.slots[newer].older = older;
        }
        if older == NIL {
            self.tail = newer;
        } else {
            self.slots[older].newer = newer;
        }
    }

    fn push_front(&mut self, i: usize) {
        self.slots[i].newer = NIL;
        self.slots[i].older = self.head;
        if self.head == NIL {
            self.tail = i;
        } else {
            self.slots[self.head].newer = i;
        }
        self.head = i;
    }
}
