//! Reads with a single `read` call into a small buffer, so a reader that delivers the text in
//! pieces (a pipe, a socket) is parsed from its first piece only.

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
    /// Describes this layer only: the cause is reachable through `source()`, so repeating it here
    /// would print it twice in a full report.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppError::Io(_) => write!(f, "failed to read the port"),
            AppError::Parse(_) => write!(f, "invalid port number"),
            AppError::Privileged(port) => write!(f, "port {port} is privileged (below 1024)"),
        }
    }
}

impl Error for AppError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            AppError::Io(err) => Some(err),
            AppError::Parse(err) => Some(err),
            AppError::Privileged(_) => None,
        }
    }
}

impl From<io::Error> for AppError {
    fn from(err: io::Error) -> Self {
        AppError::Io(err)
    }
}

impl From<ParseIntError> for AppError {
    fn from(err: ParseIntError) -> Self {
        AppError::Parse(err)
    }
}

/// Reads the whole input as one port number (surrounding whitespace ignored); ports below 1024
/// are refused.
pub fn read_port<R: Read>(mut reader: R) -> Result<u16, AppError> {
    // A port number is at most a few bytes: one read into a small buffer is enough... unless
    // the reader hands the text over in pieces.
    let mut buf = [0u8; 64];
    let n = reader.read(&mut buf)?;
    let text = std::str::from_utf8(&buf[..n])
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    let port: u16 = text.trim().parse()?;
    if port < 1024 {
        return Err(AppError::Privileged(port));
    }
    Ok(port)
}

/// The error's message followed by the message of each error in its `source()` chain, joined
/// by `": "`.
pub fn report(err: &dyn Error) -> String {
    let mut text = err.to_string();
    let mut cause = err.source();
    while let Some(err) = cause {
        text.push_str(": ");
        text.push_str(&err.to_string());
        cause = err.source();
    }
    text
}
