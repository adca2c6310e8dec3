//! Capture a panic with a hook: see the task statement (`kata hint panic_hook` when stuck).

use std::panic::UnwindSafe;

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

/// Runs `f`. If it returns, gives `Ok(value)`; if it panics, gives `Err` with the panic's message
/// and location. The panic hook installed before the call is installed again afterwards, and the
/// captured panic never reaches it.
pub fn capture_panic<T, F>(f: F) -> Result<T, PanicReport>
where
    F: FnOnce() -> T + UnwindSafe,
{
    let _ = f;
    todo!("install a hook, run f under catch_unwind, restore the previous hook")
}
