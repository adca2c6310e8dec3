//! Reads the bytes with `read_to_end` and checks UTF-8 with `String::from_utf8`, mapping that
//! failure to `InvalidData` by hand; `report` walks the chain with `iter::successors`.

use std::error::Error;
use std::fmt;
use std::io::{self, Read};
use std::num::ParseIntError;

#[derive(Debug)]
pub enum AppError {
    Io(io::Error),
    Parse(ParseIntError),
    Privileged(u16),
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppError::Io(_) => f.write_str("failed to read the port"),
            AppError::Parse(_) => f.write_str("invalid port number"),
            AppError::Privileged(p) => write!(f, "port {} is privileged (below 1024)", p),
        }
    }
}

impl Error for AppError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            AppError::Io(e) => Some(e),
            AppError::Parse(e) => Some(e),
            AppError::Privileged(_) => None,
        }
    }
}

impl From<io::Error> for AppError {
    fn from(e: io::Error) -> Self {
        AppError::Io(e)
    }
}

impl From<ParseIntError> for AppError {
    fn from(e: ParseIntError) -> Self {
        AppError::Parse(e)
    }
}

pub fn read_port<R: Read>(mut reader: R) -> Result<u16, AppError> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    let text =
        String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    match text.trim().parse::<u16>()? {
        p if p < 1024 => Err(AppError::Privileged(p)),
        p => Ok(p),
    }
}

pub fn report(err: &dyn Error) -> String {
    std::iter::successors(Some(err), |&e| e.source())
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join(": ")
}
