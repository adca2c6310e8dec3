//! Pure request coalescing with no cache: once a computation finishes its result is forgotten, so every later call recomputes.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Condvar, Mutex};

type Flight<V, E> = Arc<(Mutex<Option<Result<V, E>>>, Condvar)>;

pub struct SingleFlight<K, V, E> {
    in_flight: Mutex<HashMap<K, Flight<V, E>>>,
}

impl<K: Eq + Hash + Clone, V: Clone, E: Clone> SingleFlight<K, V, E> {
    pub fn new() -> Self {
        SingleFlight {
            in_flight: Mutex::new(HashMap::new()),
        }
    }

    pub fn get_or_compute<F>(&self, key: K, compute: F) -> Result<V, E>
    where
        F: FnOnce() -> Result<V, E>,
    {
        let flight = {
            let mut in_flight = self.in_flight.lock().unwrap();
            if let Some(flight) = in_flight.get(&key) {
                let flight = Arc::clone(flight);
                drop(in_flight);
                let (lock, cv) = &*flight;
                let mut done = lock.lock().unwrap();
                while done.is_none() {
                    done = cv.wait(done).unwrap();
                }
                return done.clone().unwrap();
            }
            let flight: Flight<V, E> = Arc::new((Mutex::new(None), Condvar::new()));
            in_flight.insert(key.clone(), Arc::clone(&flight));
            flight
        };
        let result = compute();
        self.in_flight.lock().unwrap().remove(&key);
        *flight.0.lock().unwrap() = Some(result.clone());
        flight.1.notify_all();
        result
    }
}
