//! Keeps the first panic it ever recorded and reads it without clearing it, so every later
//! call reports that first panic instead of its own.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::panic::{self, PanicHookInfo, UnwindSafe};
use std::sync::Arc;

/// What a captured panic said and where it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanicReport {
    /// The panic message: the `&str` or `String` payload, or `"Box<dyn Any>"` for any other payload.
    pub message: String,
    /// The source file of the panic, as `file!()` spells it.
    pub file: String,
    /// The line of the panic, starting at 1.
    pub line: u32,
    /// The column of the panic, starting at 1.
    pub column: u32,
}

thread_local! {
    /// How many `capture_panic` calls are running on this thread (they can nest).
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    /// The report the hook wrote for the latest panic on this thread.
    static CAPTURED: RefCell<Option<PanicReport>> = const { RefCell::new(None) };
}

/// Runs `f`. If it returns, gives `Ok(value)`; if it panics, gives `Err` with the panic's message
/// and location. The panic hook installed before the call is installed again afterwards, and the
/// captured panic never reaches it.
pub fn capture_panic<T, F>(f: F) -> Result<T, PanicReport>
where
    F: FnOnce() -> T + UnwindSafe,
{
    // The hook is process-wide. Share the previous one with our hook, so that panics on other
    // threads (which we do not capture) still reach it.
    let previous = Arc::new(panic::take_hook());
    let forward = Arc::clone(&previous);
    panic::set_hook(Box::new(move |info| {
        if DEPTH.get() > 0 {
            // Keep the first report: a nested call must not overwrite it.
            CAPTURED.with(|c| {
                if c.borrow().is_none() {
                    *c.borrow_mut() = Some(report(info));
                }
            });
        } else {
            forward(info);
        }
    }));

    DEPTH.set(DEPTH.get() + 1);
    let outcome = panic::catch_unwind(f);
    DEPTH.set(DEPTH.get() - 1);

    // Remove our hook (dropping its share of `previous`), then reinstall the previous hook.
    // Restoring happens on both paths: `catch_unwind` has already stopped any panic.
    drop(panic::take_hook());
    match Arc::try_unwrap(previous) {
        Ok(previous) => panic::set_hook(previous),
        // Only if another thread swapped hooks meanwhile: keep forwarding to the previous hook.
        Err(shared) => panic::set_hook(Box::new(move |info| shared(info))),
    }

    outcome.map_err(|payload| {
        CAPTURED
            .with(|c| c.borrow().clone())
            .unwrap_or_else(|| PanicReport {
                // The hook did not see this panic (something replaced it inside `f`): keep the
                // message, the location is unknown.
                message: message_of(payload.as_ref()),
                file: String::new(),
                line: 0,
                column: 0,
            })
    })
}

fn report(info: &PanicHookInfo<'_>) -> PanicReport {
    let (file, line, column) = match info.location() {
        Some(location) => (
            location.file().to_string(),
            location.line(),
            location.column(),
        ),
        None => (String::new(), 0, 0),
    };
    PanicReport {
        message: message_of(info.payload()),
        file,
        line,
        column,
    }
}

/// `panic!("literal")` carries a `&'static str`, `panic!("{}", x)` a `String`.
fn message_of(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "Box<dyn Any>".to_string()
    }
}
