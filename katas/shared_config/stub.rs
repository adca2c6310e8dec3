//! A hot-reloadable configuration: see the task statement (`kata hint shared_config` when
//! stuck).

use std::sync::Arc;

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
    // Your fields here.
}

impl SharedConfig {
    /// Shares `initial` as version 0.
    pub fn new(initial: Config) -> SharedConfig {
        let _ = initial;
        todo!("share the initial configuration as version 0")
    }

    /// The current configuration and its version, read together.
    pub fn snapshot(&self) -> Snapshot {
        todo!("read the configuration and its version in one step")
    }

    /// Replaces the whole configuration and returns its new version.
    pub fn reload(&self, config: Config) -> u64 {
        let _ = config;
        todo!("publish a new configuration")
    }

    /// Changes the configuration with `change` as one atomic step and returns the new version.
    pub fn update<F: FnOnce(&mut Config)>(&self, change: F) -> u64 {
        let _ = change;
        todo!("read, change and publish without letting another change slip in between")
    }
}
