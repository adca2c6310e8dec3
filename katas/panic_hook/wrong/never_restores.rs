//! Installs its recording hook and never puts the previous hook back.

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
    panic::catch_unwind(f).map_err(|_| LAST.with(|last| last.borrow_mut().take().unwrap()))
}
