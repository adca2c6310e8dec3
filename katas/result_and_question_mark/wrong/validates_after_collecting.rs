//! Collects every `key = value` pair first and validates values afterwards, key by key, so errors are not reported in line order.

use std::collections::HashMap;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub host: String,
    pub port: u16,
    pub workers: u32,
    pub verbose: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    MissingEquals {
        line: usize,
    },
    UnknownKey {
        line: usize,
        key: String,
    },
    DuplicateKey {
        line: usize,
        key: String,
    },
    InvalidValue {
        line: usize,
        key: String,
        value: String,
    },
    MissingKey {
        key: String,
    },
}

impl ConfigError {
    pub fn line(&self) -> Option<usize> {
        match self {
            ConfigError::MissingEquals { line }
            | ConfigError::UnknownKey { line, .. }
            | ConfigError::DuplicateKey { line, .. }
            | ConfigError::InvalidValue { line, .. } => Some(*line),
            ConfigError::MissingKey { .. } => None,
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::MissingEquals { line } => write!(f, "line {line}: expected `key = value`"),
            ConfigError::UnknownKey { line, key } => write!(f, "line {line}: unknown key `{key}`"),
            ConfigError::DuplicateKey { line, key } => {
                write!(f, "line {line}: duplicate key `{key}`")
            }
            ConfigError::InvalidValue { line, key, value } => {
                write!(f, "line {line}: invalid value `{value}` for `{key}`")
            }
            ConfigError::MissingKey { key } => write!(f, "missing required key `{key}`"),
        }
    }
}

impl std::error::Error for ConfigError {}

const KEYS: [&str; 4] = ["host", "port", "workers", "verbose"];

pub fn parse_config(text: &str) -> Result<Config, ConfigError> {
    // Pass 1: syntax, unknown and duplicate keys.
    let mut entries: HashMap<&str, (usize, &str)> = HashMap::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let (key, value) = trimmed
            .split_once('=')
            .ok_or(ConfigError::MissingEquals { line })?;
        let (key, value) = (key.trim(), value.trim());
        if !KEYS.contains(&key) {
            return Err(ConfigError::UnknownKey {
                line,
                key: key.to_string(),
            });
        }
        if entries.insert(key, (line, value)).is_some() {
            return Err(ConfigError::DuplicateKey {
                line,
                key: key.to_string(),
            });
        }
    }

    // Pass 2: values, one key at a time.
    let invalid = |key: &str, (line, value): (usize, &str)| ConfigError::InvalidValue {
        line,
        key: key.to_string(),
        value: value.to_string(),
    };
    let host = match entries.get("host") {
        Some(&(_, value)) if !value.is_empty() => value.to_string(),
        Some(&entry) => return Err(invalid("host", entry)),
        None => {
            return Err(ConfigError::MissingKey {
                key: "host".to_string(),
            })
        }
    };
    let port = match entries.get("port") {
        Some(&entry) => match entry.1.parse::<u16>() {
            Ok(p) if p != 0 => p,
            _ => return Err(invalid("port", entry)),
        },
        None => {
            return Err(ConfigError::MissingKey {
                key: "port".to_string(),
            })
        }
    };
    let workers = match entries.get("workers") {
        Some(&entry) => match entry.1.parse::<u32>() {
            Ok(w) if w != 0 => w,
            _ => return Err(invalid("workers", entry)),
        },
        None => 4,
    };
    let verbose = match entries.get("verbose") {
        Some(&entry) => entry
            .1
            .parse::<bool>()
            .map_err(|_| invalid("verbose", entry))?,
        None => false,
    };
    Ok(Config {
        host,
        port,
        workers,
        verbose,
    })
}
