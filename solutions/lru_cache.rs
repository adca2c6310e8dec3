//! Reference solution: a hash map from key to slot, and a doubly linked list threaded through a
//! `Vec` of slots by index (no `unsafe`, no `Rc<RefCell<_>>`). Every operation is O(1) on average.

use std::collections::HashMap;

/// Marks "no neighbour" in the index-linked list.
const NIL: usize = usize::MAX;

/// One cached entry and its neighbours in recency order.
struct Slot {
    key: i32,
    value: i32,
    /// The slot used more recently than this one (towards `head`), or `NIL`.
    newer: usize,
    /// The slot used less recently than this one (towards `tail`), or `NIL`.
    older: usize,
}

/// A least-recently-used cache from `i32` keys to `i32` values.
pub struct LruCache {
    capacity: usize,
    /// Key -> index of its slot in `slots`.
    index: HashMap<i32, usize>,
    /// Slots never move, so indices stay valid; an evicted slot is reused for the new entry.
    slots: Vec<Slot>,
    /// The most recently used slot, or `NIL` when empty.
    head: usize,
    /// The least recently used slot, or `NIL` when empty.
    tail: usize,
}

impl LruCache {
    /// Makes an empty cache holding at most `capacity` entries. Nothing is allocated up front, so
    /// a huge capacity costs nothing until entries arrive.
    pub fn new(capacity: usize) -> Self {
        LruCache {
            capacity,
            index: HashMap::new(),
            slots: Vec::new(),
            head: NIL,
            tail: NIL,
        }
    }

    /// Returns the value for `key` and marks `key` as the most recently used.
    pub fn get(&mut self, key: i32) -> Option<i32> {
        let i = *self.index.get(&key)?;
        self.move_to_front(i);
        Some(self.slots[i].value)
    }

    /// Stores `value` under `key` and marks `key` as the most recently used. Inserting a new key
    /// into a full cache first evicts the least recently used entry; updating never evicts.
    pub fn put(&mut self, key: i32, value: i32) {
        if let Some(&i) = self.index.get(&key) {
            self.slots[i].value = value;
            self.move_to_front(i);
            return;
        }
        if self.capacity == 0 {
            return;
        }
        let slot = Slot {
            key,
            value,
            newer: NIL,
            older: NIL,
        };
        let i = if self.index.len() == self.capacity {
            // Full: reuse the least recently used slot for the new entry.
            let lru = self.tail;
            self.unlink(lru);
            self.index.remove(&self.slots[lru].key);
            self.slots[lru] = slot;
            lru
        } else {
            self.slots.push(slot);
            self.slots.len() - 1
        };
        self.push_front(i);
        self.index.insert(key, i);
    }

    /// Detaches slot `i` from the recency list, joining its neighbours.
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

    /// Makes slot `i` (currently detached) the most recently used.
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

    fn move_to_front(&mut self, i: usize) {
        if self.head != i {
            self.unlink(i);
            self.push_front(i);
        }
    }
}
