//! Downcasts the payload only to `&str`, so formatted panics (whose payload is a `String`) lose their message.

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
    let previous = panic::take_hook();
    panic::set_hook(Box::new(|info| {
        let message = match info.payload().downcast_ref::<&str>() {
            Some(s) => s.to_string(),
            None => "Box<dyn Any>".to_string(),
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
    panic::set_hook(previous);
    outcome.map_err(|_| LAST.with(|last| last.borrow_mut().take().unwrap()))
}
