//! Takes only `# ` (a hash and a space) as the start of a comment, so a commented-out setting
//! such as `#port = 80` is read as the unknown key `#port`.

use std::fmt;

/// A parsed configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub host: String,
    pub port: u16,
    pub workers: u32,
    pub verbose: bool,
}

/// Why a configuration text was rejected. Line numbers start at 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// A line that is neither blank, a comment, nor `key = value`.
    MissingEquals { line: usize },
    /// A key other than `host`, `port`, `workers` or `verbose`.
    UnknownKey { line: usize, key: String },
    /// A key that already appeared on an earlier line.
    DuplicateKey { line: usize, key: String },
    /// A value that is not valid for its key.
    InvalidValue {
        line: usize,
        key: String,
        value: String,
    },
    /// A required key (`host` or `port`) that no line sets.
    MissingKey { key: String },
}

impl ConfigError {
    /// The line the error is on, or `None` for an error about the whole text.
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

/// Parses `key = value` lines into a [`Config`], reporting the first problem found.
pub fn parse_config(text: &str) -> Result<Config, ConfigError> {
    let mut host = None;
    let mut port = None;
    let mut workers = None;
    let mut verbose = None;

    // Number every line, blank and comment lines included, so errors point at the real line.
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with("# ") || trimmed == "#" {
            continue;
        }
        let (key, value) = trimmed
            .split_once('=')
            .ok_or(ConfigError::MissingEquals { line })?;
        let (key, value) = (key.trim(), value.trim());
        let invalid = || ConfigError::InvalidValue {
            line,
            key: key.to_string(),
            value: value.to_string(),
        };
        match key {
            "host" => {
                check_unset(&host, line, key)?;
                if value.is_empty() {
                    return Err(invalid());
                }
                host = Some(value.to_string());
            }
            "port" => {
                check_unset(&port, line, key)?;
                port = Some(positive::<u16>(value).ok_or_else(invalid)?);
            }
            "workers" => {
                check_unset(&workers, line, key)?;
                workers = Some(positive::<u32>(value).ok_or_else(invalid)?);
            }
            "verbose" => {
                check_unset(&verbose, line, key)?;
                verbose = Some(value.parse::<bool>().map_err(|_| invalid())?);
            }
            _ => {
                return Err(ConfigError::UnknownKey {
                    line,
                    key: key.to_string(),
                })
            }
        }
    }

    Ok(Config {
        host: host.ok_or_else(|| missing("host"))?,
        port: port.ok_or_else(|| missing("port"))?,
        workers: workers.unwrap_or(4),
        verbose: verbose.unwrap_or(false),
    })
}

/// Fails with `DuplicateKey` when the key was already set on an earlier line.
fn check_unset<T>(slot: &Option<T>, line: usize, key: &str) -> Result<(), ConfigError> {
    match slot {
        Some(_) => Err(ConfigError::DuplicateKey {
            line,
            key: key.to_string(),
        }),
        None => Ok(()),
    }
}

/// Parses a non-zero integer; `None` for anything else.
fn positive<T: std::str::FromStr + Default + PartialEq>(value: &str) -> Option<T> {
    value.parse::<T>().ok().filter(|n| *n != T::default())
}

fn missing(key: &str) -> ConfigError {
    ConfigError::MissingKey {
        key: key.to_string(),
    }
}
