//! Edits the config in place under the write lock and unwraps the lock: a panicking `change` leaves half its edits published and poisons the lock for everyone.

use std::sync::Arc;

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

use std::sync::RwLock;

#[derive(Debug, Clone)]
pub struct SharedConfig {
    current: Arc<RwLock<Snapshot>>,
}

impl SharedConfig {
    pub fn new(initial: Config) -> SharedConfig {
        SharedConfig {
            current: Arc::new(RwLock::new(Snapshot {
                version: 0,
                config: Arc::new(initial),
            })),
        }
    }

    pub fn snapshot(&self) -> Snapshot {
        self.current.read().unwrap().clone()
    }

    pub fn reload(&self, config: Config) -> u64 {
        let mut current = self.current.write().unwrap();
        current.version += 1;
        current.config = Arc::new(config);
        current.version
    }

    pub fn update<F: FnOnce(&mut Config)>(&self, change: F) -> u64 {
        let mut current = self.current.write().unwrap();
        // Copy-on-write: old snapshots keep their own copy.
        change(Arc::make_mut(&mut current.config));
        current.version += 1;
        current.version
    }
}
