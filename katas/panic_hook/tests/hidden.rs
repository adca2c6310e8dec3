use kata_assert::{expect, expect_eq};
use panic_hook::{capture_panic, PanicReport};
use std::cell::Cell;
use std::panic::{self, Location};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

// The panic hook is process-wide. Each test takes this lock (so tests never overlap, even when
// they share a process) and starts from the default hook.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> MutexGuard<'static, ()> {
    let guard = SERIAL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    drop(panic::take_hook());
    guard
}

/// Installs a hook that counts the panics it sees (and prints them like the default hook).
fn install_counting_hook() -> Arc<AtomicUsize> {
    let count = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&count);
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        seen.fetch_add(1, Ordering::SeqCst);
        default(info);
    }));
    count
}

/// Panics outside `capture_panic` and tells whether the counting hook saw that panic.
fn counting_hook_is_installed(count: &AtomicUsize) -> bool {
    let before = count.load(Ordering::SeqCst);
    let _ = panic::catch_unwind(|| panic!("probe panic raised by the test"));
    count.load(Ordering::SeqCst) == before + 1
}

thread_local! {
    static EXPECTED: Cell<Option<(&'static str, u32, u32)>> = const { Cell::new(None) };
}

/// Panics at its caller's location, after noting that location.
#[track_caller]
fn panic_at_caller(message: &'static str) -> u8 {
    let here = Location::caller();
    EXPECTED.set(Some((here.file(), here.line(), here.column())));
    panic!("{message}")
}

const HELPER_PANIC_LINE: u32 = line!() + 3;

fn helper_that_panics() -> u8 {
    panic!("deep inside a helper")
}

fn expect_report(result: Result<u8, PanicReport>, what: &str) -> PanicReport {
    match result {
        Ok(value) => {
            expect!(
                false,
                "{what}: the closure panics, so capture_panic must return Err, got Ok({value})"
            );
            unreachable!()
        }
        Err(report) => report,
    }
}

#[test]
fn returns_ok_with_the_value_when_f_does_not_panic() {
    let _serial = serial();
    expect_eq!(
        capture_panic(|| 6 * 7),
        Ok(42),
        "a closure that returns 42 gives Ok(42)"
    );
    expect_eq!(
        capture_panic(|| String::from("fine")),
        Ok(String::from("fine")),
        "any return type is passed through in Ok"
    );
    expect_eq!(
        capture_panic(|| ()),
        Ok(()),
        "a closure returning () gives Ok(())"
    );
}

#[test]
fn captures_a_literal_panic_message() {
    let _serial = serial();
    let report = expect_report(capture_panic(|| panic!("boom")), "panic!(\"boom\")");
    expect_eq!(
        report.message,
        "boom",
        "panic!(\"boom\") has the message \"boom\""
    );
}

#[test]
fn captures_a_formatted_panic_message() {
    let _serial = serial();
    let value = 7;
    let report = expect_report(
        capture_panic(move || panic!("bad value: {value}")),
        "panic!(\"bad value: {value}\")",
    );
    expect_eq!(
        report.message,
        "bad value: 7",
        "a formatted panic carries a String payload; its text is the message"
    );
}

#[test]
fn captures_an_empty_message() {
    let _serial = serial();
    let report = expect_report(capture_panic(|| panic!("")), "panic!(\"\")");
    expect_eq!(report.message, "", "panic!(\"\") has the empty message");
}

#[test]
fn other_payloads_are_reported_as_box_dyn_any() {
    let _serial = serial();
    let report = expect_report(capture_panic(|| panic::panic_any(42_i32)), "panic_any(42)");
    expect_eq!(
        report.message,
        "Box<dyn Any>",
        "a payload that is neither &str nor String gives the message \"Box<dyn Any>\""
    );
}

#[test]
fn location_is_the_file_and_line_of_the_panic() {
    let _serial = serial();
    let line = line!() + 1;
    let result = capture_panic(|| -> u8 { panic!("here") });
    let report = expect_report(result, "panic!(\"here\")");
    expect_eq!(
        report.file,
        file!(),
        "the file is where panic! was called, as file!() spells it"
    );
    expect_eq!(report.line, line, "the line is the line of the panic! call");
}

#[test]
fn location_includes_the_column() {
    let _serial = serial();
    let report = expect_report(
        capture_panic(|| panic_at_caller("marked")),
        "a panic at a noted location",
    );
    let (file, line, column) = EXPECTED.get().expect("the helper noted its location");
    expect_eq!(report.message, "marked", "the message of the panic");
    expect_eq!(
        (report.file.as_str(), report.line, report.column),
        (file, line, column),
        "file, line and column are those of the panic (from the hook's location)"
    );
}

#[test]
fn location_is_where_the_panic_happened_not_where_capture_panic_was_called() {
    let _serial = serial();
    let report = expect_report(
        capture_panic(|| {
            let value = helper_that_panics();
            value + 1
        }),
        "a panic inside a helper function",
    );
    expect_eq!(
        report.message,
        "deep inside a helper",
        "the helper's panic message"
    );
    expect_eq!(
        report.line,
        HELPER_PANIC_LINE,
        "the line is that of the panic! inside the helper, not of the capture_panic call"
    );
    expect_eq!(report.file, file!(), "the file of the helper");
}

#[test]
fn unwrap_on_none_reports_the_line_of_the_unwrap() {
    let _serial = serial();
    let expected_message = match panic::catch_unwind(|| None::<u8>.unwrap()) {
        Ok(_) => unreachable!(),
        Err(payload) => payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default(),
    };

    let nothing: Option<u8> = None;
    let line = line!() + 1;
    let result = capture_panic(move || nothing.unwrap());
    let report = expect_report(result, "None.unwrap()");
    expect_eq!(
        report.message,
        expected_message,
        "the message std gives for unwrap on None"
    );
    expect_eq!(report.line, line, "unwrap panics at its caller's line");
    expect_eq!(report.file, file!(), "unwrap panics in its caller's file");
}

#[test]
fn captured_panic_does_not_reach_the_previous_hook() {
    let _serial = serial();
    let count = install_counting_hook();
    let result = capture_panic(|| -> u8 { panic!("quiet") });
    let calls = count.load(Ordering::SeqCst);
    drop(panic::take_hook());
    expect!(
        result.is_err(),
        "the closure panics, so capture_panic returns Err"
    );
    expect_eq!(
        calls,
        0,
        "a captured panic is reported only through the return value: the previous hook must not be called for it"
    );
}

#[test]
fn previous_hook_is_restored_after_a_panic() {
    let _serial = serial();
    let count = install_counting_hook();
    let result = capture_panic(|| -> u8 { panic!("captured") });
    let restored = counting_hook_is_installed(&count);
    drop(panic::take_hook());
    expect!(
        result.is_err(),
        "the closure panics, so capture_panic returns Err"
    );
    expect!(
        restored,
        "after capture_panic returns Err, the hook installed before the call must be the panic hook again"
    );
}

#[test]
fn previous_hook_is_restored_after_success() {
    let _serial = serial();
    let count = install_counting_hook();
    let result = capture_panic(|| 1_u8);
    let restored = counting_hook_is_installed(&count);
    drop(panic::take_hook());
    expect_eq!(result, Ok(1), "the closure returns 1");
    expect!(
        restored,
        "after capture_panic returns Ok, the hook installed before the call must be the panic hook again"
    );
}

#[test]
fn nested_capture_reports_the_inner_panic_to_the_inner_call() {
    let _serial = serial();
    let outer = capture_panic(|| capture_panic(|| -> u8 { panic!("inner") }));
    match outer {
        Ok(Err(inner)) => expect_eq!(inner.message, "inner", "the inner call reports the inner panic"),
        Ok(Ok(value)) => expect!(false, "the inner closure panics, so the inner call returns Err, got Ok({value})"),
        Err(report) => expect!(
            false,
            "the inner call captures the panic, so the outer closure returns normally; the outer call got Err({report:?})"
        ),
    }
}

#[test]
fn outer_capture_still_works_after_an_inner_capture() {
    let _serial = serial();
    let line = line!() + 3;
    let outer = capture_panic(|| -> u8 {
        let _ = capture_panic(|| -> u8 { panic!("inner") });
        panic!("outer")
    });
    let report = expect_report(outer, "a panic after a nested capture_panic");
    expect_eq!(
        report.message,
        "outer",
        "the outer call reports the outer panic"
    );
    expect_eq!(report.line, line, "the outer panic's line");
}

#[test]
fn previous_hook_is_restored_after_nested_captures() {
    let _serial = serial();
    let count = install_counting_hook();
    let _ = capture_panic(|| {
        let _ = capture_panic(|| -> u8 { panic!("inner") });
        panic!("outer")
    });
    let calls = count.load(Ordering::SeqCst);
    let restored = counting_hook_is_installed(&count);
    drop(panic::take_hook());
    expect_eq!(
        calls,
        0,
        "neither captured panic may reach the previous hook"
    );
    expect!(
        restored,
        "after nested capture_panic calls, the original hook must be installed again"
    );
}

#[test]
fn many_calls_in_a_row_each_report_their_own_outcome() {
    let _serial = serial();
    let count = install_counting_hook();
    let mut mistakes = Vec::new();
    for i in 0..200_u32 {
        let result = capture_panic(move || {
            if i % 3 == 0 {
                panic!("call {i} failed");
            }
            i
        });
        let ok = match &result {
            Ok(value) => i % 3 != 0 && *value == i,
            Err(report) => i % 3 == 0 && report.message == format!("call {i} failed"),
        };
        if !ok {
            mistakes.push((i, result));
        }
    }
    let calls = count.load(Ordering::SeqCst);
    let restored = counting_hook_is_installed(&count);
    drop(panic::take_hook());
    expect_eq!(
        mistakes.first(),
        None,
        "call i panics with \"call i failed\" when i % 3 == 0 and returns i otherwise; each call reports its own outcome"
    );
    expect_eq!(
        calls,
        0,
        "none of the captured panics may reach the previous hook"
    );
    expect!(
        restored,
        "after 200 calls, the original hook must be installed again"
    );
}
