//! One `Mutex<HashMap>` of key states and a single `Condvar` for every key: a finished
//! computation stores its outcome, bumps a generation counter and wakes all waiters, who check
//! whether it was theirs.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Condvar, Mutex};

enum State<V> {
    Ready(V),
    /// A computation is running; `id` tells waiters which one.
    Running {
        id: u64,
    },
}

struct Inner<K, V, E> {
    states: HashMap<K, State<V>>,
    /// Outcomes of finished computations that still have waiters, by computation id.
    finished: HashMap<u64, (Result<V, E>, usize)>,
    /// Waiters per running computation id.
    waiting: HashMap<u64, usize>,
    next_id: u64,
}

pub struct SingleFlight<K, V, E> {
    inner: Mutex<Inner<K, V, E>>,
    changed: Condvar,
}

impl<K: Eq + Hash + Clone, V: Clone, E: Clone> SingleFlight<K, V, E> {
    pub fn new() -> Self {
        SingleFlight {
            inner: Mutex::new(Inner {
                states: HashMap::new(),
                finished: HashMap::new(),
                waiting: HashMap::new(),
                next_id: 0,
            }),
            changed: Condvar::new(),
        }
    }

    pub fn get_or_compute<F>(&self, key: K, compute: F) -> Result<V, E>
    where
        F: FnOnce() -> Result<V, E>,
    {
        let mut inner = self.inner.lock().unwrap();
        match inner.states.get(&key) {
            Some(State::Ready(value)) => return Ok(value.clone()),
            Some(State::Running { id }) => {
                let id = *id;
                *inner.waiting.entry(id).or_insert(0) += 1;
                loop {
                    if let Some((result, left)) = inner.finished.get_mut(&id) {
                        let result = result.clone();
                        *left -= 1;
                        if *left == 0 {
                            inner.finished.remove(&id);
                        }
                        return result;
                    }
                    inner = self.changed.wait(inner).unwrap();
                }
            }
            None => {}
        }
        let id = inner.next_id;
        inner.next_id += 1;
        inner.states.insert(key.clone(), State::Running { id });
        drop(inner);

        let result = compute();

        let mut inner = self.inner.lock().unwrap();
        match &result {
            Ok(value) => {
                inner.states.insert(key, State::Ready(value.clone()));
            }
            Err(_) => {
                inner.states.remove(&key);
            }
        }
        if let Some(waiters) = inner.waiting.remove(&id) {
            inner.finished.insert(id, (result.clone(), waiters));
            self.changed.notify_all();
        }
        result
    }
}

impl<K: Eq + Hash + Clone, V: Clone, E: Clone> Default for SingleFlight<K, V, E> {
    fn default() -> Self {
        Self::new()
    }
}
