//! Updates a copy (so a panicking `change` publishes nothing) but unwraps the lock: the panic
//! poisoned it, and every later call panics.

use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// The settings every thread reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub host: String,
    pub port: u16,
    pub max_connections: u32,
    pub features: Vec<String>,
}

/// A consistent view: a configuration and the version it was published as.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub version: u64,
    pub config: Arc<Config>,
}

/// A handle to a configuration shared by many threads. Clones share the same configuration.
#[derive(Debug, Clone)]
pub struct SharedConfig {
    current: Arc<RwLock<Snapshot>>,
}

impl SharedConfig {
    /// Shares `initial` as version 0.
    pub fn new(initial: Config) -> SharedConfig {
        SharedConfig {
            current: Arc::new(RwLock::new(Snapshot {
                version: 0,
                config: Arc::new(initial),
            })),
        }
    }

    /// The current configuration and its version, read together. Cheap: clones an `Arc`.
    pub fn snapshot(&self) -> Snapshot {
        self.read().clone()
    }

    /// Replaces the whole configuration and returns its new version.
    pub fn reload(&self, config: Config) -> u64 {
        let mut current = self.write();
        current.version += 1;
        current.config = Arc::new(config);
        current.version
    }

    /// Changes the configuration with `change` as one step (no other change can slip in
    /// between reading and writing) and returns the new version. If `change` panics, nothing
    /// is published and the panic propagates.
    pub fn update<F: FnOnce(&mut Config)>(&self, change: F) -> u64 {
        let mut current = self.write();
        // Work on a copy: readers keep seeing the old configuration until the new one is
        // complete, and a panic in `change` leaves the published one untouched.
        let mut next = Config::clone(&current.config);
        change(&mut next);
        current.version += 1;
        current.config = Arc::new(next);
        current.version
    }

    // The lock is only poisoned when `change` panicked, and that happens before anything is
    // published, so the data behind a poisoned lock is still consistent and safe to use.
    fn read(&self) -> RwLockReadGuard<'_, Snapshot> {
        self.current.read().unwrap()
    }

    fn write(&self) -> RwLockWriteGuard<'_, Snapshot> {
        self.current.write().unwrap()
    }
}
