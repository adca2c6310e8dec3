//! Skips the hook: takes the message from `catch_unwind` and the location from `#[track_caller]`, which is where `capture_panic` was called, not where the panic happened (and the default hook still prints).

use std::panic::{self, Location, UnwindSafe};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanicReport {
    pub message: String,
    pub file: String,
    pub line: u32,
    pub column: u32,
}

#[track_caller]
pub fn capture_panic<T, F>(f: F) -> Result<T, PanicReport>
where
    F: FnOnce() -> T + UnwindSafe,
{
    let location = Location::caller();
    panic::catch_unwind(f).map_err(|payload| {
        let message = if let Some(s) = payload.downcast_ref::<&str>() {
            s.to_string()
        } else if let Some(s) = payload.downcast_ref::<String>() {
            s.clone()
        } else {
            "Box<dyn Any>".to_string()
        };
        PanicReport {
            message,
            file: location.file().to_string(),
            line: location.line(),
            column: location.column(),
        }
    })
}
