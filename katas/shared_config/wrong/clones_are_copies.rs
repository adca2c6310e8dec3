//! Implements `Clone` as a deep copy, so each clone gets its own configuration and reloads do not reach other handles.

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

#[derive(Debug)]
pub struct SharedConfig {
    current: RwLock<Snapshot>,
}

impl Clone for SharedConfig {
    fn clone(&self) -> SharedConfig {
        SharedConfig {
            current: RwLock::new(self.snapshot()),
        }
    }
}

impl SharedConfig {
    pub fn new(initial: Config) -> SharedConfig {
        SharedConfig {
            current: RwLock::new(Snapshot {
                version: 0,
                config: Arc::new(initial),
            }),
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
        let mut next = Config::clone(&current.config);
        change(&mut next);
        current.version += 1;
        current.config = Arc::new(next);
        current.version
    }
}
