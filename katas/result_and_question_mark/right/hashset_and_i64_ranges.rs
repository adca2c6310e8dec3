//! Records which keys were seen in a `HashSet`, keeps the values as text until the end of the line
//! checks, and range-checks numbers parsed as `i64` (a leading `+` and zeros are fine, as for
//! `str::parse`).

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

fn number_in(value: &str, max: i64) -> Option<i64> {
    let n: i64 = value.parse().ok()?;
    (1..=max).contains(&n).then_some(n)
}

pub fn parse_config(text: &str) -> Result<Config, ConfigError> {
    let mut seen = std::collections::HashSet::new();
    let mut host = None;
    let mut port = None;
    let mut workers = 4;
    let mut verbose = false;
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some(eq) = trimmed.find('=') else {
            return Err(ConfigError::MissingEquals { line });
        };
        let key = trimmed[..eq].trim();
        let value = trimmed[eq + 1..].trim();
        if !KEYS.contains(&key) {
            return Err(ConfigError::UnknownKey {
                line,
                key: key.to_string(),
            });
        }
        if !seen.insert(key) {
            return Err(ConfigError::DuplicateKey {
                line,
                key: key.to_string(),
            });
        }
        let bad = || ConfigError::InvalidValue {
            line,
            key: key.to_string(),
            value: value.to_string(),
        };
        match key {
            "host" if !value.is_empty() => host = Some(value.to_string()),
            "port" => port = Some(number_in(value, 65535).ok_or_else(bad)? as u16),
            "workers" => workers = number_in(value, u32::MAX as i64).ok_or_else(bad)? as u32,
            "verbose" if value == "true" => verbose = true,
            "verbose" if value == "false" => verbose = false,
            _ => return Err(bad()),
        }
    }
    let missing = |key: &str| ConfigError::MissingKey {
        key: key.to_string(),
    };
    Ok(Config {
        host: host.ok_or_else(|| missing("host"))?,
        port: port.ok_or_else(|| missing("port"))?,
        workers,
        verbose,
    })
}
