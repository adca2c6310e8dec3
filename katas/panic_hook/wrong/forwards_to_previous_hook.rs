//! Chains to the previous hook after recording, so a captured panic is still printed and reported to it.

use std::cell::RefCell;
use std::panic::{self, UnwindSafe};
use std::sync::Arc;

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
    let previous = Arc::new(panic::take_hook());
    let chained = Arc::clone(&previous);
    panic::set_hook(Box::new(move |info| {
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
        chained(info);
    }));
    let outcome = panic::catch_unwind(f);
    drop(panic::take_hook());
    match Arc::try_unwrap(previous) {
        Ok(hook) => panic::set_hook(hook),
        Err(shared) => panic::set_hook(Box::new(move |info| shared(info))),
    }
    outcome.map_err(|_| LAST.with(|last| last.borrow_mut().take().unwrap()))
}
