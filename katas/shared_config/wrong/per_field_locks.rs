//! Keeps each field behind its own lock or atomic "to cut contention", so a reader can combine fields of two different versions.

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

use std::sync::atomic::{AtomicU16, AtomicU32, AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError, RwLock};

#[derive(Debug)]
struct Fields {
    version: AtomicU64,
    host: RwLock<String>,
    port: AtomicU16,
    max_connections: AtomicU32,
    features: RwLock<Vec<String>>,
    /// Serialises writers; readers never take it.
    writer: Mutex<()>,
}

#[derive(Debug, Clone)]
pub struct SharedConfig {
    fields: Arc<Fields>,
}

impl SharedConfig {
    pub fn new(initial: Config) -> SharedConfig {
        SharedConfig {
            fields: Arc::new(Fields {
                version: AtomicU64::new(0),
                host: RwLock::new(initial.host),
                port: AtomicU16::new(initial.port),
                max_connections: AtomicU32::new(initial.max_connections),
                features: RwLock::new(initial.features),
                writer: Mutex::new(()),
            }),
        }
    }

    pub fn snapshot(&self) -> Snapshot {
        let f = &self.fields;
        Snapshot {
            version: f.version.load(Ordering::SeqCst),
            config: Arc::new(self.read_config()),
        }
    }

    pub fn reload(&self, config: Config) -> u64 {
        let _writer = self
            .fields
            .writer
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        self.store(config)
    }

    pub fn update<F: FnOnce(&mut Config)>(&self, change: F) -> u64 {
        let _writer = self
            .fields
            .writer
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let mut config = self.read_config();
        change(&mut config);
        self.store(config)
    }

    fn read_config(&self) -> Config {
        let f = &self.fields;
        Config {
            host: f
                .host
                .read()
                .unwrap_or_else(PoisonError::into_inner)
                .clone(),
            port: f.port.load(Ordering::SeqCst),
            max_connections: f.max_connections.load(Ordering::SeqCst),
            features: f
                .features
                .read()
                .unwrap_or_else(PoisonError::into_inner)
                .clone(),
        }
    }

    fn store(&self, config: Config) -> u64 {
        let f = &self.fields;
        *f.host.write().unwrap_or_else(PoisonError::into_inner) = config.host;
        f.port.store(config.port, Ordering::SeqCst);
        f.max_connections
            .store(config.max_connections, Ordering::SeqCst);
        *f.features.write().unwrap_or_else(PoisonError::into_inner) = config.features;
        f.version.fetch_add(1, Ordering::SeqCst) + 1
    }
}
