//! Swaps hooks plainly: takes the previous hook, installs one that only records into a global
//! `Mutex` slot, and puts the previous hook back once `catch_unwind` has returned. The message
//! comes from `PanicHookInfo::payload_as_str`.

use std::panic::{self, PanicHookInfo, UnwindSafe};
use std::sync::Mutex;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanicReport {
    pub message: String,
    pub file: String,
    pub line: u32,
    pub column: u32,
}

static LAST: Mutex<Option<PanicReport>> = Mutex::new(None);

fn record(info: &PanicHookInfo<'_>) {
    let location = info.location();
    let report = PanicReport {
        message: info.payload_as_str().unwrap_or("Box<dyn Any>").to_owned(),
        file: location.map_or_else(String::new, |l| l.file().to_owned()),
        line: location.map_or(0, |l| l.line()),
        column: location.map_or(0, |l| l.column()),
    };
    *LAST.lock().unwrap_or_else(|e| e.into_inner()) = Some(report);
}

pub fn capture_panic<T, F>(f: F) -> Result<T, PanicReport>
where
    F: FnOnce() -> T + UnwindSafe,
{
    let previous = panic::take_hook();
    panic::set_hook(Box::new(record));
    let outcome = panic::catch_unwind(f);
    let _ours = panic::take_hook();
    panic::set_hook(previous);
    match outcome {
        Ok(value) => Ok(value),
        Err(_) => Err(LAST
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
            .expect("our hook saw the panic")),
    }
}
