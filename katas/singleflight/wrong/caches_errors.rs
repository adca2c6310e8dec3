//! Coalesces correctly but caches the Err too, so a key that failed once never recovers.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Condvar, Mutex};

enum Slot<V, E> {
    Done(Result<V, E>),
    InFlight(Arc<(Mutex<Option<Result<V, E>>>, Condvar)>),
}

pub struct SingleFlight<K, V, E> {
    slots: Mutex<HashMap<K, Slot<V, E>>>,
}

impl<K: Eq + Hash + Clone, V: Clone, E: Clone> SingleFlight<K, V, E> {
    pub fn new() -> Self {
        SingleFlight {
            slots: Mutex::new(HashMap::new()),
        }
    }

    pub fn get_or_compute<F>(&self, key: K, compute: F) -> Result<V, E>
    where
        F: FnOnce() -> Result<V, E>,
    {
        let flight = {
            let mut slots = self.slots.lock().unwrap();
            match slots.get(&key) {
                Some(Slot::Done(result)) => return result.clone(),
                Some(Slot::InFlight(flight)) => {
                    let flight = Arc::clone(flight);
                    drop(slots);
                    let (lock, cv) = &*flight;
                    let mut done = lock.lock().unwrap();
                    while done.is_none() {
                        done = cv.wait(done).unwrap();
                    }
                    return done.clone().unwrap();
                }
                None => {
                    let flight = Arc::new((Mutex::new(None), Condvar::new()));
                    slots.insert(key.clone(), Slot::InFlight(Arc::clone(&flight)));
                    flight
                }
            }
        };
        let result = compute();
        self.slots
            .lock()
            .unwrap()
            .insert(key, Slot::Done(result.clone()));
        *flight.0.lock().unwrap() = Some(result.clone());
        flight.1.notify_all();
        result
    }
}
