//! Implements `update` as snapshot, change, reload: another update can slip in between, and its change is lost.

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
        let mut config = Config::clone(&self.snapshot().config);
        change(&mut config);
        self.reload(config)
    }
}
