//! Errors as values: see the task statement (`kata hint result_and_question_mark` when stuck).

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
        todo!("return the line of a line error")
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let _ = f;
        todo!("write the message the task gives for each variant")
    }
}

impl std::error::Error for ConfigError {}

/// Parses `key = value` lines into a [`Config`], reporting the first problem found.
pub fn parse_config(text: &str) -> Result<Config, ConfigError> {
    let _ = text;
    todo!("parse the lines, returning the first error with `?`")
}
