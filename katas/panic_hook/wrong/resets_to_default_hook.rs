//! "Restores" by calling `take_hook()`, which installs the default hook instead of the one that was there before.

use std::cell::RefCell;
use std::panic::{self, UnwindSafe};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanicReport {
    pub message: String,
    pub file: String,
    pub line: u32,
    pub column: u32,
}

thread_local! {
    static LAST: RefCell<Option<PanicReport>> = const { RefCell::new(None) };
}

pub fn capture_panic<T, F>(f: F) -> Result<T, PanicReport>
where
    F: FnOnce() -> T + UnwindSafe,
{
    panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = if let Some(s) = payload.downcast_ref::<&str>() {
            s.to_string()
        } else if let Some(s) = payload.downcast_ref::<String>() {
            s.clone()
        } else {
            "Box<dyn Any>".to_string()
        };
        let location = info.location().unwrap();
        LAST.with(|last| {
            *last.borrow_mut() = Some(PanicReport {
                message,
                file: location.file().to_string(),
                line: location.line(),
                column: location.column(),
            })
        });
    }));
    let outcome = panic::catch_unwind(f);
    // Removes our hook, leaving the default one in place.
    let _ = panic::take_hook();
    outcome.map_err(|_| {
        LAST.with(|last| last.borrow_mut().take())
            .unwrap_or(PanicReport {
                message: "unknown panic".to_string(),
                file: String::new(),
                line: 0,
                column: 0,
            })
    })
}
