use kata_assert::{expect, expect_eq};
use pipeline_stages::run_pipeline;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// Runs `f` on its own thread and fails the test if it has not finished within `secs` seconds
/// (a deadlock), instead of hanging.
fn within<T: Send + 'static>(secs: u64, what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(Duration::from_secs(secs)) {
        Ok(value) => value,
        Err(RecvTimeoutError::Timeout) => {
            expect!(
                false,
                "{} did not finish within {} s: a deadlock on a full channel?",
                what,
                secs
            );
            unreachable!()
        }
        Err(RecvTimeoutError::Disconnected) => {
            expect!(false, "{} panicked", what);
            unreachable!()
        }
    }
}

/// The task's limit on items taken from the input but not yet finished.
fn bound(capacity: usize, validators: usize) -> usize {
    2 * (capacity + 2) * (validators + 2)
}

/// Counts items taken from the input and items finished (persisted or dropped), and remembers
/// the largest number in flight seen when an item was taken.
#[derive(Default)]
struct Tracker {
    pulled: AtomicUsize,
    finished: AtomicUsize,
    worst: AtomicUsize,
}

impl Tracker {
    fn finish(&self) {
        self.finished.fetch_add(1, Ordering::SeqCst);
    }
}

/// The input: the numbers `0..end`, counted by the tracker as they are taken.
struct Source {
    next: usize,
    end: usize,
    tracker: Arc<Tracker>,
}

impl Iterator for Source {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        if self.next == self.end {
            return None;
        }
        let pulled = self.tracker.pulled.fetch_add(1, Ordering::SeqCst) + 1;
        let in_flight = pulled - self.tracker.finished.load(Ordering::SeqCst);
        self.tracker.worst.fetch_max(in_flight, Ordering::SeqCst);
        self.next += 1;
        Some(self.next - 1)
    }
}

fn source(end: usize) -> (Source, Arc<Tracker>) {
    let tracker = Arc::new(Tracker::default());
    (
        Source {
            next: 0,
            end,
            tracker: Arc::clone(&tracker),
        },
        tracker,
    )
}

/// Busy work of about `micros` microseconds.
fn spin_for(micros: u64) {
    let end = Instant::now() + Duration::from_micros(micros);
    while Instant::now() < end {
        std::hint::spin_loop();
    }
}

/// Pushes `0..n` through pass-through stages and returns what persist saw, in order.
fn pass_through(n: usize, capacity: usize, validators: usize) -> (usize, Vec<usize>) {
    let mut seen = Vec::new();
    let count = run_pipeline(
        0..n,
        capacity,
        validators,
        Some,
        Some,
        |x| x,
        |x| seen.push(x),
    );
    (count, seen)
}

#[test]
fn empty_input_persists_nothing() {
    let (count, seen) = within(5, "an empty pipeline run", || pass_through(0, 4, 2));
    expect_eq!(count, 0, "nothing in, nothing persisted");
    expect_eq!(seen, vec![], "persist is never called");
}

#[test]
fn every_item_goes_through_in_order() {
    let (count, seen) = within(8, "a run of 1000 items", || pass_through(1000, 4, 1));
    expect_eq!(
        count,
        1000,
        "run_pipeline returns the number of items persisted"
    );
    expect_eq!(
        seen,
        (0..1000).collect::<Vec<usize>>(),
        "persist sees every item, in input order"
    );
}

#[test]
fn the_stages_transform_items_in_turn() {
    let ledger = within(5, "a run with real stages", || {
        let lines = vec!["BUY 10", "SELL x", "BUY 0", "SELL 5", "HOLD", "BUY 7"];
        let mut numbered = 0;
        let mut ledger = Vec::new();
        run_pipeline(
            lines,
            4,
            2,
            |line: &str| {
                let (side, qty) = line.split_once(' ')?;
                Some((side.to_string(), qty.parse::<u32>().ok()?))
            },
            |(side, qty): (String, u32)| (qty > 0).then_some((side, qty)),
            |order: (String, u32)| {
                numbered += 1;
                (numbered, order)
            },
            |trade| ledger.push(trade),
        );
        ledger
    });
    expect_eq!(
        ledger,
        vec![(1, ("BUY".to_string(), 10)), (2, ("SELL".to_string(), 5)), (3, ("BUY".to_string(), 7))],
        "unparsable lines and zero quantities are dropped; the matcher numbers the rest in input order"
    );
}

#[test]
fn dropped_items_go_no_further() {
    let (count, seen, validated) = within(8, "a run that drops items", || {
        let validated = Mutex::new(Vec::new());
        let mut seen = Vec::new();
        let count = run_pipeline(
            0..300usize,
            3,
            2,
            |x| (x % 3 != 0).then_some(x),
            |x| {
                validated.lock().unwrap().push(x);
                (x % 5 != 0).then_some(x)
            },
            |x| x * 10,
            |x| seen.push(x),
        );
        let mut validated = validated.into_inner().unwrap();
        validated.sort_unstable();
        (count, seen, validated)
    });
    let survivors: Vec<usize> = (0..300).filter(|x| x % 3 != 0 && x % 5 != 0).collect();
    expect_eq!(
        validated,
        (0..300).filter(|x| x % 3 != 0).collect::<Vec<usize>>(),
        "validate sees exactly the items parse kept"
    );
    expect_eq!(
        seen,
        survivors.iter().map(|x| x * 10).collect::<Vec<usize>>(),
        "only items kept by both parse and validate reach persist, in order"
    );
    expect_eq!(
        count,
        survivors.len(),
        "the count is of persisted items only"
    );
}

#[test]
fn parse_sees_the_input_in_order() {
    let parsed = within(8, "a run recording parse", || {
        let mut parsed = Vec::new();
        run_pipeline(
            0..2000usize,
            2,
            3,
            |x| {
                parsed.push(x);
                Some(x)
            },
            Some,
            |x| x,
            |_| {},
        );
        parsed
    });
    expect_eq!(
        parsed,
        (0..2000).collect::<Vec<usize>>(),
        "parse is called once per item, in input order"
    );
}

#[test]
fn order_is_kept_through_parallel_validation() {
    let (matched, persisted) = within(8, "a run with uneven validation times", || {
        let mut matched = Vec::new();
        let mut persisted = Vec::new();
        run_pipeline(
            0..3000usize,
            4,
            4,
            Some,
            |x: usize| {
                // Uneven work, so parallel validations finish out of order.
                spin_for((x.wrapping_mul(2654435761) % 7) as u64 * 15);
                (x % 11 != 0).then_some(x)
            },
            |x| {
                matched.push(x);
                x
            },
            |x| persisted.push(x),
        );
        (matched, persisted)
    });
    let expected: Vec<usize> = (0..3000).filter(|x| x % 11 != 0).collect();
    expect_eq!(
        matched,
        expected,
        "the matcher sees the validated items in input order"
    );
    expect_eq!(persisted, expected, "persist sees them in input order too");
}

#[test]
fn validation_runs_on_several_threads_at_once() {
    // Validating item 0 waits until item 1 has been validated: only a second validator
    // thread, working at the same time, can let item 0 through quickly.
    let overlapped = within(8, "a run with a slow first validation", || {
        let (one_done_tx, one_done_rx) = mpsc::channel::<()>();
        let one_done_tx = Mutex::new(one_done_tx);
        let one_done_rx = Mutex::new(one_done_rx);
        let overlapped = AtomicBool::new(false);
        let mut seen = Vec::new();
        run_pipeline(
            0..50usize,
            2,
            3,
            Some,
            |x: usize| {
                if x == 0 {
                    let got = one_done_rx
                        .lock()
                        .unwrap()
                        .recv_timeout(Duration::from_secs(3));
                    overlapped.store(got.is_ok(), Ordering::SeqCst);
                } else if x == 1 {
                    let _ = one_done_tx.lock().unwrap().send(());
                }
                Some(x)
            },
            |x| x,
            |x| seen.push(x),
        );
        expect_eq!(
            seen,
            (0..50).collect::<Vec<usize>>(),
            "all items arrive in order"
        );
        overlapped.load(Ordering::SeqCst)
    });
    expect!(
        overlapped,
        "with 3 validators, item 1 must be validated while item 0 is still being validated"
    );
}

#[test]
fn stages_work_at_the_same_time() {
    // Persisting item 0 waits until parse has reached item 5: only stages on separate
    // threads, working at the same time, get there.
    let overlapped = within(8, "a run with a slow first persist", || {
        let parsed = AtomicUsize::new(0);
        let overlapped = AtomicBool::new(false);
        run_pipeline(
            0..100usize,
            2,
            1,
            |x| {
                parsed.fetch_max(x, Ordering::SeqCst);
                Some(x)
            },
            Some,
            |x| x,
            |x| {
                if x == 0 {
                    let deadline = Instant::now() + Duration::from_secs(3);
                    while parsed.load(Ordering::SeqCst) < 5 && Instant::now() < deadline {
                        thread::yield_now();
                    }
                    overlapped.store(parsed.load(Ordering::SeqCst) >= 5, Ordering::SeqCst);
                }
            },
        );
        overlapped.load(Ordering::SeqCst)
    });
    expect!(
        overlapped,
        "while persist works on item 0, parse must go on to later items"
    );
}

#[test]
fn a_slow_persist_holds_back_the_input() {
    let (capacity, validators) = (2, 2);
    let (input, tracker) = source(10_000);
    let t = Arc::clone(&tracker);
    let count = within(8, "a run with a stalled persist", move || {
        run_pipeline(
            input,
            capacity,
            validators,
            Some,
            Some,
            |x| x,
            |x: usize| {
                if x == 0 {
                    // The ledger stalls; parse must not race ahead through the whole input.
                    thread::sleep(Duration::from_millis(300));
                }
                t.finish();
            },
        )
    });
    expect_eq!(count, 10_000, "every item is persisted");
    let worst = tracker.worst.load(Ordering::SeqCst);
    expect!(
        worst <= bound(capacity, validators),
        "with capacity {} and {} validators at most {} items may be in flight, but {} were taken from the input while persist was stalled: the channels must be bounded",
        capacity,
        validators,
        bound(capacity, validators),
        worst
    );
}

#[test]
fn one_slow_validation_holds_back_the_input() {
    let (capacity, validators) = (2, 3);
    let (input, tracker) = source(10_000);
    let t = Arc::clone(&tracker);
    let count = within(8, "a run with one very slow validation", move || {
        run_pipeline(
            input,
            capacity,
            validators,
            Some,
            |x: usize| {
                if x == 0 {
                    // Item 0 takes long; the other validators could race ahead, but their
                    // results have to wait for item 0 somewhere, and that place is bounded too.
                    thread::sleep(Duration::from_millis(300));
                }
                Some(x)
            },
            |x| x,
            |_| t.finish(),
        )
    });
    expect_eq!(count, 10_000, "every item is persisted");
    let worst = tracker.worst.load(Ordering::SeqCst);
    expect!(
        worst <= bound(capacity, validators),
        "with capacity {} and {} validators at most {} items may be in flight, but {} were taken from the input while item 0 was being validated: items waiting for an earlier one must not pile up without limit",
        capacity,
        validators,
        bound(capacity, validators),
        worst
    );
}

#[test]
fn dropped_items_do_not_count_as_in_flight() {
    let (capacity, validators) = (1, 1);
    let (input, tracker) = source(5_000);
    let (tp, tv, ts) = (
        Arc::clone(&tracker),
        Arc::clone(&tracker),
        Arc::clone(&tracker),
    );
    let count = within(8, "a run that drops most items", move || {
        run_pipeline(
            input,
            capacity,
            validators,
            move |x: usize| {
                if x % 2 == 0 {
                    tp.finish();
                    None
                } else {
                    Some(x)
                }
            },
            move |x: usize| {
                if x % 3 == 0 {
                    tv.finish();
                    None
                } else {
                    Some(x)
                }
            },
            |x| x,
            move |_| ts.finish(),
        )
    });
    expect_eq!(
        count,
        (0..5_000).filter(|x| x % 2 == 1 && x % 3 != 0).count(),
        "odd items not divisible by 3 are persisted"
    );
    expect!(
        tracker.worst.load(Ordering::SeqCst) <= bound(capacity, validators),
        "the in-flight bound holds"
    );
}

#[test]
fn capacity_one_with_many_items_does_not_deadlock() {
    let (count, seen) = within(
        8,
        "10,000 items through channels of capacity 1 and 3 validators",
        || pass_through(10_000, 1, 3),
    );
    expect_eq!(count, 10_000, "all 10,000 items are persisted");
    expect!(
        seen.iter().enumerate().all(|(i, &x)| i == x),
        "and in input order"
    );
}

#[test]
fn one_validator_and_capacity_one_does_not_deadlock() {
    let (count, _) = within(
        8,
        "10,000 items through channels of capacity 1 and 1 validator",
        || pass_through(10_000, 1, 1),
    );
    expect_eq!(count, 10_000, "all 10,000 items are persisted");
}

#[test]
fn many_validators_few_items() {
    let (count, seen) = within(8, "3 items and 16 validators", || pass_through(3, 1, 16));
    expect_eq!(count, 3, "more validators than items is fine");
    expect_eq!(seen, vec![0, 1, 2], "in order");
}

#[test]
fn large_capacity_works_too() {
    let (count, seen) = within(8, "a run with capacity 10,000", || {
        pass_through(20_000, 10_000, 2)
    });
    expect_eq!(count, 20_000, "all items are persisted");
    expect!(
        seen.iter().enumerate().all(|(i, &x)| i == x),
        "in input order"
    );
}

#[test]
fn zero_capacity_or_zero_validators_panics() {
    let no_room = std::panic::catch_unwind(|| pass_through(10, 0, 2));
    expect!(no_room.is_err(), "capacity 0 must panic");
    let no_validators = std::panic::catch_unwind(|| pass_through(10, 2, 0));
    expect!(no_validators.is_err(), "0 validators must panic");
}
