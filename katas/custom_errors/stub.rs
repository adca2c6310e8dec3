//! Custom error types: see the task statement (`kata hint custom_errors` when stuck).

use std::error::Error;
use std::fmt;
use std::io::{self, Read};
use std::num::ParseIntError;

/// Everything that can go wrong while reading a port number.
#[derive(Debug)]
pub enum AppError {
    /// Reading the input failed (including input that is not valid UTF-8).
    Io(io::Error),
    /// The input is not a number in `0..=65535`.
    Parse(ParseIntError),
    /// The port is below 1024.
    Privileged(u16),
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let _ = f;
        todo!("one message per variant, without the cause's message")
    }
}

impl Error for AppError {
    // Hint: the default `source()` returns `None`.
}

impl From<io::Error> for AppError {
    fn from(err: io::Error) -> Self {
        let _ = err;
        todo!("wrap the I/O error")
    }
}

impl From<ParseIntError> for AppError {
    fn from(err: ParseIntError) -> Self {
        let _ = err;
        todo!("wrap the parse error")
    }
}

/// Reads the whole input as one port number (surrounding whitespace ignored); ports below 1024
/// are refused.
pub fn read_port<R: Read>(reader: R) -> Result<u16, AppError> {
    let _ = reader;
    todo!("read, trim, parse with `?`, then check the range")
}

/// The error's message followed by the message of each error in its `source()` chain, joined
/// by `": "`.
pub fn report(err: &dyn Error) -> String {
    let _ = err;
    todo!("walk the source() chain")
}
