//! A `Mutex` around an `Arc<Snapshot>`: a reader only clones the `Arc` under the lock, and every
//! change builds a whole new `Snapshot` and swaps it in.

use std::sync::{Arc, Mutex, MutexGuard};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub host: String,
    pub port: u16,
    pub max_connections: u32,
    pub features: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Snapshot {
    pub version: u64,
    pub config: Arc<Config>,
}

#[derive(Debug, Clone)]
pub struct SharedConfig {
    inner: Arc<Mutex<Arc<Snapshot>>>,
}

impl SharedConfig {
    pub fn new(initial: Config) -> SharedConfig {
        let first = Snapshot {
            version: 0,
            config: Arc::new(initial),
        };
        SharedConfig {
            inner: Arc::new(Mutex::new(Arc::new(first))),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Arc<Snapshot>> {
        match self.inner.lock() {
            Ok(guard) => guard,
            // Only a panicking `change` poisons the lock, before anything was swapped in.
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    pub fn snapshot(&self) -> Snapshot {
        let current = Arc::clone(&self.lock());
        Snapshot::clone(&current)
    }

    pub fn reload(&self, config: Config) -> u64 {
        let mut current = self.lock();
        let version = current.version + 1;
        *current = Arc::new(Snapshot {
            version,
            config: Arc::new(config),
        });
        version
    }

    pub fn update<F: FnOnce(&mut Config)>(&self, change: F) -> u64 {
        let mut current = self.lock();
        let mut config = (*current.config).clone();
        change(&mut config);
        let version = current.version + 1;
        *current = Arc::new(Snapshot {
            version,
            config: Arc::new(config),
        });
        version
    }
}
