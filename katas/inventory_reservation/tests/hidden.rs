use inventory_reservation::{Inventory, ReservationError};
use kata_assert::{expect, expect_eq};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Barrier, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

// ---------- one thread ----------

#[test]
fn reserving_takes_units_off_sale() {
    let shop = Inventory::new(100);
    shop.add_stock("lamp", 5);
    expect_eq!(shop.available("lamp", 0), 5, "5 units added, none reserved");
    expect!(
        shop.reserve("lamp", 2, 0).is_some(),
        "2 of 5 units can be reserved"
    );
    expect_eq!(
        shop.available("lamp", 0),
        3,
        "a reservation of 2 leaves 3 available"
    );
}

#[test]
fn ids_count_up_from_1() {
    let shop = Inventory::new(100);
    shop.add_stock("a", 10);
    shop.add_stock("b", 10);
    expect_eq!(
        shop.reserve("a", 1, 0),
        Some(1),
        "the first reservation gets id 1"
    );
    expect_eq!(shop.reserve("b", 2, 0), Some(2), "ids count across skus");
    expect_eq!(
        shop.reserve("a", 3, 0),
        Some(3),
        "the third reservation gets id 3"
    );
}

#[test]
fn reserving_more_than_available_changes_nothing() {
    let shop = Inventory::new(100);
    shop.add_stock("lamp", 2);
    expect_eq!(
        shop.reserve("lamp", 3, 0),
        None,
        "3 units of 2 cannot be reserved"
    );
    expect_eq!(
        shop.available("lamp", 0),
        2,
        "a refused reservation takes nothing"
    );
    expect!(
        shop.reserve("lamp", 2, 0).is_some(),
        "exactly the available 2 can be reserved"
    );
    expect_eq!(shop.reserve("lamp", 1, 0), None, "then nothing is left");
}

#[test]
fn zero_units_or_unknown_skus_cannot_be_reserved() {
    let shop = Inventory::new(100);
    shop.add_stock("lamp", 2);
    expect_eq!(
        shop.reserve("lamp", 0, 0),
        None,
        "a reservation of 0 units is refused"
    );
    expect_eq!(
        shop.reserve("sofa", 1, 0),
        None,
        "an unknown sku has nothing to reserve"
    );
    expect_eq!(
        shop.available("sofa", 0),
        0,
        "an unknown sku has 0 available"
    );
    expect_eq!(shop.sold("sofa"), 0, "an unknown sku has sold nothing");
}

#[test]
fn stock_adds_up_per_sku() {
    let shop = Inventory::new(100);
    shop.add_stock("lamp", 2);
    shop.add_stock("lamp", 3);
    shop.add_stock("sofa", 1);
    expect_eq!(shop.available("lamp", 0), 5, "2 + 3 lamps");
    expect_eq!(shop.available("sofa", 0), 1, "skus are counted separately");
    shop.reserve("lamp", 5, 0);
    expect_eq!(
        shop.available("sofa", 0),
        1,
        "reserving lamps leaves sofas alone"
    );
}

#[test]
fn confirm_sells_the_units() {
    let shop = Inventory::new(100);
    shop.add_stock("lamp", 5);
    let id = shop.reserve("lamp", 2, 0).unwrap();
    expect_eq!(
        shop.confirm(id, 10),
        Ok(()),
        "an active reservation can be confirmed"
    );
    expect_eq!(shop.sold("lamp"), 2, "confirming sells its 2 units");
    expect_eq!(shop.available("lamp", 10), 3, "sold units do not come back");
    expect_eq!(
        shop.available("lamp", 10_000),
        3,
        "not even after the hold time"
    );
}

#[test]
fn release_puts_the_units_back() {
    let shop = Inventory::new(100);
    shop.add_stock("lamp", 5);
    let id = shop.reserve("lamp", 2, 0).unwrap();
    expect_eq!(
        shop.release(id, 10),
        Ok(()),
        "an active reservation can be released"
    );
    expect_eq!(
        shop.available("lamp", 10),
        5,
        "released units are on sale again"
    );
    expect_eq!(shop.sold("lamp"), 0, "nothing was sold");
}

#[test]
fn a_reservation_finishes_only_once() {
    let shop = Inventory::new(100);
    shop.add_stock("lamp", 5);
    let a = shop.reserve("lamp", 1, 0).unwrap();
    let b = shop.reserve("lamp", 1, 0).unwrap();
    shop.confirm(a, 1).unwrap();
    shop.release(b, 1).unwrap();
    expect_eq!(
        shop.confirm(a, 2),
        Err(ReservationError::Finished),
        "confirming twice gives Finished"
    );
    expect_eq!(
        shop.release(a, 2),
        Err(ReservationError::Finished),
        "releasing a confirmed reservation gives Finished"
    );
    expect_eq!(
        shop.release(b, 2),
        Err(ReservationError::Finished),
        "releasing twice gives Finished"
    );
    expect_eq!(
        shop.confirm(b, 2),
        Err(ReservationError::Finished),
        "confirming a released reservation gives Finished"
    );
    expect_eq!(shop.sold("lamp"), 1, "one unit sold");
    expect_eq!(
        shop.available("lamp", 2),
        4,
        "one released unit back: 4 available"
    );
}

#[test]
fn unknown_ids_are_reported() {
    let shop = Inventory::new(100);
    shop.add_stock("lamp", 5);
    shop.reserve("lamp", 1, 0);
    expect_eq!(
        shop.confirm(2, 0),
        Err(ReservationError::Unknown),
        "id 2 was never issued"
    );
    expect_eq!(
        shop.release(0, 0),
        Err(ReservationError::Unknown),
        "id 0 is never issued"
    );
    expect_eq!(
        shop.release(u64::MAX, 0),
        Err(ReservationError::Unknown),
        "id u64::MAX was never issued"
    );
}

#[test]
fn a_hold_is_active_until_its_expiry_time() {
    let shop = Inventory::new(100);
    shop.add_stock("lamp", 1);
    let id = shop.reserve("lamp", 1, 50).unwrap();
    expect_eq!(
        shop.available("lamp", 149),
        0,
        "reserved at 50 with hold 100: still held at 149"
    );
    expect_eq!(
        shop.confirm(id, 149),
        Ok(()),
        "and still confirmable at 149"
    );
}

#[test]
fn an_expired_hold_goes_back_on_sale() {
    let shop = Inventory::new(100);
    shop.add_stock("lamp", 1);
    let id = shop.reserve("lamp", 1, 50).unwrap();
    expect_eq!(
        shop.available("lamp", 150),
        1,
        "reserved at 50 with hold 100: expired at 150"
    );
    expect_eq!(
        shop.confirm(id, 150),
        Err(ReservationError::Expired),
        "an expired reservation cannot be confirmed"
    );
    expect_eq!(shop.sold("lamp"), 0, "nothing was sold");
}

#[test]
fn releasing_an_expired_hold_does_not_return_its_units_twice() {
    let shop = Inventory::new(100);
    shop.add_stock("lamp", 1);
    let id = shop.reserve("lamp", 1, 0).unwrap();
    expect_eq!(
        shop.release(id, 100),
        Err(ReservationError::Expired),
        "the hold ran out at 100"
    );
    expect_eq!(
        shop.available("lamp", 100),
        1,
        "the unit came back once: 1 available, not 2"
    );
}

#[test]
fn expired_units_can_be_sold_to_someone_else_but_not_twice() {
    let shop = Inventory::new(10);
    shop.add_stock("lamp", 1);
    let slow = shop.reserve("lamp", 1, 0).unwrap();
    let fast = shop
        .reserve("lamp", 1, 20)
        .expect("the first hold expired at 10, so the unit is free again");
    expect_eq!(
        shop.confirm(slow, 21),
        Err(ReservationError::Expired),
        "the slow shopper's hold is gone"
    );
    expect_eq!(
        shop.confirm(fast, 21),
        Ok(()),
        "the fast shopper buys the unit"
    );
    expect_eq!(shop.sold("lamp"), 1, "exactly one unit sold");
    expect_eq!(shop.available("lamp", 21), 0, "nothing left");
}

#[test]
fn expiry_only_frees_the_expired_holds() {
    let shop = Inventory::new(100);
    shop.add_stock("lamp", 10);
    shop.reserve("lamp", 3, 0).unwrap();
    let late = shop.reserve("lamp", 4, 60).unwrap();
    expect_eq!(
        shop.available("lamp", 100),
        6,
        "at 100 the first hold (3) expired, the second (4) did not"
    );
    expect_eq!(
        shop.confirm(late, 159),
        Ok(()),
        "the second hold is active until 160"
    );
    expect_eq!(shop.available("lamp", 1_000), 6, "4 sold, 6 left");
}

#[test]
fn a_huge_hold_never_expires_and_does_not_overflow() {
    let shop = Inventory::new(u64::MAX);
    shop.add_stock("lamp", 1);
    let id = shop.reserve("lamp", 1, 10).unwrap();
    expect_eq!(
        shop.available("lamp", u64::MAX - 1),
        0,
        "10 + u64::MAX saturates: the hold lasts"
    );
    expect_eq!(
        shop.confirm(id, u64::MAX - 1),
        Ok(()),
        "still confirmable near the end of time"
    );
}

#[test]
fn zero_hold_expires_at_once() {
    let shop = Inventory::new(0);
    shop.add_stock("lamp", 1);
    let id = shop.reserve("lamp", 1, 5).unwrap();
    expect_eq!(
        shop.confirm(id, 5),
        Err(ReservationError::Expired),
        "hold 0: expired at the moment it was made"
    );
    expect_eq!(
        shop.available("lamp", 5),
        1,
        "so the unit is available again"
    );
}

// ---------- many threads ----------

const THREADS: usize = 4;

/// The concurrency tests take this lock so that, when the whole suite runs in one process,
/// they do not compete with each other for the two cores (a race needs both threads running).
static SERIAL: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// A barrier for two threads that spins instead of sleeping, so that both leave it within
/// nanoseconds of each other: each round starts a fresh, tight race.
struct SpinGate {
    arrived: AtomicUsize,
    round: AtomicUsize,
    /// Set when a thread panicked or the race is over, so nobody waits forever.
    closed: AtomicBool,
}

impl SpinGate {
    fn new() -> Self {
        SpinGate {
            arrived: AtomicUsize::new(0),
            round: AtomicUsize::new(0),
            closed: AtomicBool::new(false),
        }
    }

    /// Waits for the other thread; the last to arrive runs `between` before opening the gate.
    /// Returns `false` once the gate is closed.
    fn wait(&self, between: impl FnOnce()) -> bool {
        let round = self.round.load(Ordering::Acquire);
        if self.arrived.fetch_add(1, Ordering::AcqRel) == 1 {
            between();
            self.arrived.store(0, Ordering::Release);
            self.round.fetch_add(1, Ordering::AcqRel);
        } else {
            let mut spins = 0u32;
            while self.round.load(Ordering::Acquire) == round {
                if self.closed.load(Ordering::Acquire) {
                    return false;
                }
                spins += 1;
                if spins < 2_000 {
                    std::hint::spin_loop();
                } else {
                    // The other thread is not running (a busy machine): let it run.
                    spins = 0;
                    thread::yield_now();
                }
            }
        }
        !self.closed.load(Ordering::Acquire)
    }
}

/// Closes the gate if the thread holding it unwinds.
struct CloseOnPanic<'a>(&'a SpinGate);

impl Drop for CloseOnPanic<'_> {
    fn drop(&mut self) {
        if thread::panicking() {
            self.0.closed.store(true, Ordering::Release);
        }
    }
}

/// What happened in a series of two-thread races.
struct RaceReport {
    rounds: usize,
    both_won: usize,
    neither_won: usize,
}

/// Runs rounds of a race between two threads. Before each round `setup` runs (on one thread,
/// while the other waits); then both threads call `contend(side)` at the same moment, and it
/// says whether that side won. Stops at the first round both sides won, or once 50,000 rounds
/// have had the two calls truly overlap (on a busy machine that takes longer; the test stops
/// waiting after 5 s).
fn race_rounds(setup: impl Fn() + Sync, contend: impl Fn(usize) -> bool + Sync) -> RaceReport {
    const OVERLAPPING_ROUNDS: usize = 50_000;
    const CAP: Duration = Duration::from_secs(5);
    let gate = SpinGate::new();
    let wins_this_round = AtomicUsize::new(0);
    let started_this_round = AtomicUsize::new(0);
    let one_finished = AtomicBool::new(false);
    let rounds = AtomicUsize::new(0);
    let overlapping = AtomicUsize::new(0);
    let both_won = AtomicUsize::new(0);
    let neither_won = AtomicUsize::new(0);
    let started = Instant::now();
    // Runs between rounds: judge the round that just ended, then set up the next one.
    let between = || {
        let done = rounds.load(Ordering::Relaxed);
        if done > 0 {
            match wins_this_round.swap(0, Ordering::AcqRel) {
                2 => {
                    both_won.fetch_add(1, Ordering::Relaxed);
                }
                0 => {
                    neither_won.fetch_add(1, Ordering::Relaxed);
                }
                _ => {}
            }
        }
        started_this_round.store(0, Ordering::Release);
        one_finished.store(false, Ordering::Release);
        let over =
            overlapping.load(Ordering::Relaxed) >= OVERLAPPING_ROUNDS || started.elapsed() >= CAP;
        if both_won.load(Ordering::Relaxed) > 0 || over {
            gate.closed.store(true, Ordering::Release);
            return;
        }
        setup();
        rounds.fetch_add(1, Ordering::Relaxed);
    };
    thread::scope(|s| {
        for side in 0..2 {
            let (gate, between, contend) = (&gate, &between, &contend);
            let (wins, started_this_round, one_finished, overlapping) = (
                &wins_this_round,
                &started_this_round,
                &one_finished,
                &overlapping,
            );
            s.spawn(move || {
                let _guard = CloseOnPanic(gate);
                while gate.wait(between) {
                    started_this_round.fetch_add(1, Ordering::AcqRel);
                    if contend(side) {
                        wins.fetch_add(1, Ordering::AcqRel);
                    }
                    // The first thread to finish checks whether the other had already started:
                    // then the two calls overlapped in time.
                    if !one_finished.swap(true, Ordering::AcqRel)
                        && started_this_round.load(Ordering::Acquire) == 2
                    {
                        overlapping.fetch_add(1, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    RaceReport {
        rounds: rounds.load(Ordering::Relaxed),
        both_won: both_won.load(Ordering::Relaxed),
        neither_won: neither_won.load(Ordering::Relaxed),
    }
}

#[test]
fn two_shoppers_grabbing_the_last_unit_at_the_same_instant() {
    let _serial = one_at_a_time();
    // Round after round, one unit is put on sale and two threads leave a spinning gate together
    // to reserve it: exactly one of them may get it.
    let shop = Inventory::new(u64::MAX);
    let report = race_rounds(
        || shop.add_stock("drop", 1),
        |_| shop.reserve("drop", 1, 0).is_some(),
    );
    expect_eq!(
        report.both_won,
        0,
        "both threads reserved the one unit on sale (round {}): the availability check and the taking must be one atomic step",
        report.rounds
    );
    expect_eq!(
        report.neither_won,
        0,
        "in {} rounds nobody got the unit, though one was on sale",
        report.neither_won
    );
}

#[test]
fn racing_for_single_units_never_oversells() {
    let _serial = one_at_a_time();
    // 20,000 skus with one unit each. Every thread walks the skus in the same order, trying to
    // reserve and buy each one, so the threads keep colliding on the same unit.
    const SKUS: usize = 20_000;
    let shop = Inventory::new(1_000);
    let names: Vec<String> = (0..SKUS).map(|i| format!("sku-{i}")).collect();
    for name in &names {
        shop.add_stock(name, 1);
    }
    let bought = AtomicUsize::new(0);
    let barrier = Barrier::new(THREADS);
    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                barrier.wait();
                for name in &names {
                    if let Some(id) = shop.reserve(name, 1, 0) {
                        if shop.confirm(id, 0).is_ok() {
                            bought.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
            });
        }
    });
    let oversold: Vec<&String> = names.iter().filter(|n| shop.sold(n) > 1).collect();
    expect!(
        oversold.is_empty(),
        "{} of {} single-unit skus were sold more than once (e.g. {:?}): checking availability and taking the unit must be one atomic step",
        oversold.len(),
        SKUS,
        oversold.first()
    );
    expect_eq!(
        bought.load(Ordering::Relaxed),
        SKUS,
        "exactly one buyer gets each of the {} units",
        SKUS
    );
}

#[test]
fn hammering_one_unit_keeps_it_exclusive() {
    let _serial = one_at_a_time();
    // One unit; every thread repeatedly reserves it, checks that nobody else could take it while
    // it is held, and releases it.
    const ROUNDS: usize = 20_000;
    let shop = Inventory::new(1_000);
    shop.add_stock("last-one", 1);
    let violations = AtomicUsize::new(0);
    let failed_releases = AtomicUsize::new(0);
    let barrier = Barrier::new(THREADS);
    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                barrier.wait();
                for _ in 0..ROUNDS {
                    if let Some(id) = shop.reserve("last-one", 1, 0) {
                        if shop.available("last-one", 0) != 0 {
                            violations.fetch_add(1, Ordering::Relaxed);
                        }
                        if shop.release(id, 0).is_err() {
                            failed_releases.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
            });
        }
    });
    expect_eq!(
        violations.load(Ordering::Relaxed),
        0,
        "while one thread holds the only unit, available must read 0"
    );
    expect_eq!(
        failed_releases.load(Ordering::Relaxed),
        0,
        "every successful reservation can be released once"
    );
    expect_eq!(
        shop.available("last-one", 0),
        1,
        "after every hold is released the unit is available again"
    );
}

#[test]
fn concurrent_buyers_sell_exactly_the_stock() {
    let _serial = one_at_a_time();
    const STOCK: u32 = 40_000;
    let shop = Inventory::new(1_000);
    shop.add_stock("widget", STOCK);
    let bought = AtomicUsize::new(0);
    let barrier = Barrier::new(THREADS);
    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                barrier.wait();
                while let Some(id) = shop.reserve("widget", 1, 0) {
                    if shop.confirm(id, 0).is_ok() {
                        bought.fetch_add(1, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    expect_eq!(
        bought.load(Ordering::Relaxed),
        STOCK as usize,
        "the buyers together buy exactly the stock"
    );
    expect_eq!(shop.sold("widget"), STOCK, "sold equals the stock");
    expect_eq!(shop.available("widget", 0), 0, "nothing is left");
}

#[test]
fn threads_on_different_skus_do_not_interfere() {
    let _serial = one_at_a_time();
    let shop = Inventory::new(1_000);
    for t in 0..THREADS {
        shop.add_stock(&format!("own-{t}"), 5_000);
    }
    let barrier = Barrier::new(THREADS);
    thread::scope(|s| {
        for t in 0..THREADS {
            let (shop, barrier) = (&shop, &barrier);
            s.spawn(move || {
                let sku = format!("own-{t}");
                barrier.wait();
                for i in 0..5_000 {
                    let id = shop
                        .reserve(&sku, 1, 0)
                        .expect("this thread's sku has stock left");
                    if i % 2 == 0 {
                        shop.confirm(id, 0)
                            .expect("an active hold can be confirmed");
                    }
                }
            });
        }
    });
    for t in 0..THREADS {
        let sku = format!("own-{t}");
        expect_eq!(
            shop.sold(&sku),
            2_500,
            "{}: every second reservation was confirmed",
            sku
        );
        expect_eq!(shop.available(&sku, 0), 0, "{}: the rest is held", sku);
    }
    for t in 0..THREADS {
        let sku = format!("own-{t}");
        expect_eq!(
            shop.available(&sku, 1_000),
            2_500,
            "{}: the unconfirmed holds expire at 1000",
            sku
        );
    }
}

#[test]
fn confirm_and_release_racing_on_one_reservation_exactly_one_wins() {
    let _serial = one_at_a_time();
    // Round after round, a fresh reservation is made; then one thread confirms it while the
    // other releases it, at the same moment: exactly one of them may succeed.
    let shop = Inventory::new(u64::MAX);
    let current = AtomicU64::new(0);
    let report = race_rounds(
        || {
            shop.add_stock("seat", 1);
            let id = shop.reserve("seat", 1, 0).expect("a unit was just added");
            current.store(id, Ordering::Release);
        },
        |side| {
            let id = current.load(Ordering::Acquire);
            if side == 0 {
                shop.confirm(id, 0).is_ok()
            } else {
                shop.release(id, 0).is_ok()
            }
        },
    );
    expect_eq!(
        report.both_won,
        0,
        "a confirm and a release of the same reservation both succeeded (round {}): checking the reservation is active and finishing it must be one atomic step",
        report.rounds
    );
    expect_eq!(
        report.neither_won,
        0,
        "in {} rounds neither the confirm nor the release of an active reservation succeeded",
        report.neither_won
    );
}
