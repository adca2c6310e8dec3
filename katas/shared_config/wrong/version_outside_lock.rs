//! Keeps the version in an `AtomicU64` next to the `RwLock`, bumped after the config is stored, so a snapshot can pair a config with the wrong version.

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

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError, RwLock};

#[derive(Debug)]
struct Inner {
    config: RwLock<Arc<Config>>,
    version: AtomicU64,
    /// Serialises writers so that updates are not lost.
    writer: Mutex<()>,
}

#[derive(Debug, Clone)]
pub struct SharedConfig {
    inner: Arc<Inner>,
}

impl SharedConfig {
    pub fn new(initial: Config) -> SharedConfig {
        SharedConfig {
            inner: Arc::new(Inner {
                config: RwLock::new(Arc::new(initial)),
                version: AtomicU64::new(0),
                writer: Mutex::new(()),
            }),
        }
    }

    pub fn snapshot(&self) -> Snapshot {
        let version = self.inner.version.load(Ordering::SeqCst);
        let config = self
            .inner
            .config
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        Snapshot { version, config }
    }

    pub fn reload(&self, config: Config) -> u64 {
        let _writer = self
            .inner
            .writer
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        self.publish(config)
    }

    pub fn update<F: FnOnce(&mut Config)>(&self, change: F) -> u64 {
        let _writer = self
            .inner
            .writer
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let mut config = Config::clone(
            &self
                .inner
                .config
                .read()
                .unwrap_or_else(PoisonError::into_inner),
        );
        change(&mut config);
        self.publish(config)
    }

    fn publish(&self, config: Config) -> u64 {
        *self
            .inner
            .config
            .write()
            .unwrap_or_else(PoisonError::into_inner) = Arc::new(config);
        self.inner.version.fetch_add(1, Ordering::SeqCst) + 1
    }
}
