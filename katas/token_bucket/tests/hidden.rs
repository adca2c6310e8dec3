use kata_assert::{expect, expect_eq};
use std::cell::Cell;
use std::rc::Rc;
use token_bucket::{Clock, RateLimiter};

/// A clock the test moves by hand.
#[derive(Clone)]
struct TestClock(Rc<Cell<u64>>);

impl TestClock {
    fn at(ms: u64) -> Self {
        TestClock(Rc::new(Cell::new(ms)))
    }
    fn set(&self, ms: u64) {
        self.0.set(ms);
    }
}

impl Clock for TestClock {
    fn now_ms(&self) -> u64 {
        self.0.get()
    }
}

fn limiter(capacity: u64, per_sec: u64) -> (TestClock, RateLimiter<TestClock>) {
    let clock = TestClock::at(0);
    (clock.clone(), RateLimiter::new(clock, capacity, per_sec))
}

/// How many single tokens can be taken right now.
fn drain(l: &mut RateLimiter<TestClock>, key: &str) -> u64 {
    let mut taken = 0;
    while l.try_acquire(key) {
        taken += 1;
        if taken > 1_000_000 {
            break;
        }
    }
    taken
}

#[test]
fn a_new_key_starts_with_a_full_bucket() {
    let (_clock, mut l) = limiter(5, 1);
    expect_eq!(
        l.available("alice"),
        5,
        "a key never seen has capacity tokens"
    );
    expect_eq!(
        drain(&mut l, "alice"),
        5,
        "a full bucket of 5 allows a burst of exactly 5"
    );
}

#[test]
fn an_empty_bucket_refuses() {
    let (_clock, mut l) = limiter(2, 1);
    drain(&mut l, "alice");
    expect!(
        !l.try_acquire("alice"),
        "no tokens left and no time passed: refused"
    );
    expect_eq!(l.available("alice"), 0, "an empty bucket has 0 tokens");
}

#[test]
fn buckets_are_per_key() {
    let (_clock, mut l) = limiter(3, 1);
    drain(&mut l, "alice");
    expect_eq!(
        l.available("bob"),
        3,
        "alice's requests do not touch bob's bucket"
    );
    expect_eq!(drain(&mut l, "bob"), 3, "bob still has his own full bucket");
    expect!(!l.try_acquire("alice"), "alice's bucket is still empty");
}

#[test]
fn available_takes_nothing() {
    let (_clock, mut l) = limiter(2, 1);
    for _ in 0..5 {
        l.available("alice");
    }
    expect_eq!(
        drain(&mut l, "alice"),
        2,
        "calling available does not use tokens"
    );
}

#[test]
fn refills_at_the_given_rate() {
    let (clock, mut l) = limiter(10, 2);
    drain(&mut l, "alice");
    clock.set(500);
    expect_eq!(
        l.available("alice"),
        1,
        "2 tokens per second: one token after 500 ms"
    );
    clock.set(3000);
    expect_eq!(
        l.available("alice"),
        6,
        "2 tokens per second: six tokens after 3 s"
    );
    expect_eq!(drain(&mut l, "alice"), 6, "and exactly six can be taken");
}

#[test]
fn refill_counts_partial_tokens_exactly() {
    let (clock, mut l) = limiter(10, 3);
    drain(&mut l, "alice");
    clock.set(333);
    expect_eq!(
        l.available("alice"),
        0,
        "3 per second: 333 ms earns 0.999 tokens, not a whole one"
    );
    expect!(
        !l.try_acquire("alice"),
        "0.999 tokens is not enough for a request"
    );
    clock.set(334);
    expect_eq!(
        l.available("alice"),
        1,
        "3 per second: 334 ms earns 1.002 tokens"
    );
    expect!(
        l.try_acquire("alice"),
        "1.002 tokens is enough for one request"
    );
}

#[test]
fn fractions_carry_over_between_requests() {
    let (clock, mut l) = limiter(1, 1);
    drain(&mut l, "alice");
    clock.set(400);
    expect!(!l.try_acquire("alice"), "0.4 tokens at 400 ms: refused");
    clock.set(800);
    expect!(!l.try_acquire("alice"), "0.8 tokens at 800 ms: refused");
    clock.set(1000);
    expect!(
        l.try_acquire("alice"),
        "at 1000 ms a whole token has been earned: refused requests must not throw away the fraction"
    );
}

#[test]
fn the_fraction_left_after_taking_is_kept() {
    let (clock, mut l) = limiter(5, 1);
    drain(&mut l, "alice");
    clock.set(1500);
    expect!(
        l.try_acquire("alice"),
        "1.5 tokens at 1500 ms: one request allowed"
    );
    clock.set(2000);
    expect!(
        l.try_acquire("alice"),
        "the 0.5 left over plus 0.5 more make a whole token at 2000 ms"
    );
}

#[test]
fn many_millisecond_steps_add_up_exactly() {
    let (clock, mut l) = limiter(10, 10);
    drain(&mut l, "alice");
    for ms in 1..1000 {
        clock.set(ms);
        expect!(
            !l.try_acquire_n("alice", 10),
            "at {} ms fewer than 10 tokens have been earned (10 per second)",
            ms
        );
    }
    clock.set(1000);
    expect!(
        l.try_acquire_n("alice", 10),
        "1000 steps of 1 ms at 10 per second earn exactly 10 tokens (integer arithmetic, no floating-point drift)"
    );
}

#[test]
fn never_refills_beyond_capacity() {
    let (clock, mut l) = limiter(4, 10);
    drain(&mut l, "alice");
    clock.set(3_600_000);
    expect_eq!(
        l.available("alice"),
        4,
        "after an hour idle the bucket holds capacity, not more"
    );
    expect_eq!(
        drain(&mut l, "alice"),
        4,
        "the burst after a long idle time is capacity"
    );
}

#[test]
fn a_full_bucket_does_not_bank_tokens() {
    let (clock, mut l) = limiter(3, 1);
    l.try_acquire("alice");
    clock.set(10_000);
    expect_eq!(
        drain(&mut l, "alice"),
        3,
        "earned tokens beyond capacity are lost"
    );
    clock.set(11_000);
    expect_eq!(
        drain(&mut l, "alice"),
        1,
        "then one more second earns one token"
    );
}

#[test]
fn a_full_bucket_does_not_bank_a_fraction_either() {
    let (clock, mut l) = limiter(3, 1);
    l.try_acquire("alice");
    // Full since 1000; at 10_500 it would hold 11.5 tokens without the cap: the whole 8.5 extra
    // tokens are lost, the half token included.
    clock.set(10_500);
    expect_eq!(drain(&mut l, "alice"), 3, "a full bucket gives capacity");
    clock.set(11_000);
    expect_eq!(
        l.available("alice"),
        0,
        "the bucket was full, not 3.5 tokens: half a second after emptying it holds half a token"
    );
    clock.set(11_500);
    expect_eq!(
        drain(&mut l, "alice"),
        1,
        "a whole second after emptying it holds one token"
    );
}

#[test]
fn burst_then_sustained_rate() {
    let (clock, mut l) = limiter(10, 5);
    let mut allowed = drain(&mut l, "alice");
    for ms in (100..=2000).step_by(100) {
        clock.set(ms);
        allowed += drain(&mut l, "alice");
    }
    expect_eq!(
        allowed,
        20,
        "burst of 10, then 5 per second for 2 s: 20 requests"
    );
}

#[test]
fn acquire_n_takes_all_or_nothing() {
    let (_clock, mut l) = limiter(5, 1);
    expect!(l.try_acquire_n("alice", 3), "5 tokens: taking 3 works");
    expect!(
        !l.try_acquire_n("alice", 3),
        "2 tokens left: taking 3 is refused"
    );
    expect_eq!(l.available("alice"), 2, "a refused request takes nothing");
    expect!(l.try_acquire_n("alice", 2), "taking the last 2 works");
    expect_eq!(l.available("alice"), 0, "now the bucket is empty");
}

#[test]
fn acquire_n_beyond_capacity_is_always_refused() {
    let (clock, mut l) = limiter(5, 1);
    clock.set(1_000_000);
    expect!(
        !l.try_acquire_n("alice", 6),
        "a bucket of 5 can never give 6 tokens"
    );
    expect!(!l.try_acquire_n("alice", u64::MAX), "nor u64::MAX tokens");
    expect_eq!(l.available("alice"), 5, "refused requests take nothing");
}

#[test]
fn acquire_zero_always_succeeds() {
    let (_clock, mut l) = limiter(1, 1);
    drain(&mut l, "alice");
    expect!(
        l.try_acquire_n("alice", 0),
        "taking 0 tokens always succeeds, even from an empty bucket"
    );
}

#[test]
fn capacity_zero_allows_nothing() {
    let (clock, mut l) = limiter(0, 100);
    expect!(!l.try_acquire("alice"), "capacity 0: nothing is allowed");
    clock.set(60_000);
    expect!(
        !l.try_acquire("alice"),
        "capacity 0: still nothing after a minute"
    );
    expect_eq!(l.available("alice"), 0, "capacity 0 holds 0 tokens");
}

#[test]
fn rate_zero_never_refills() {
    let (clock, mut l) = limiter(2, 0);
    drain(&mut l, "alice");
    clock.set(u64::MAX);
    expect_eq!(l.available("alice"), 0, "0 tokens per second never refills");
}

#[test]
fn clock_going_backwards_does_not_panic_or_refill() {
    let clock = TestClock::at(10_000);
    let mut l = RateLimiter::new(clock.clone(), 5, 2);
    drain(&mut l, "alice");
    clock.set(4_000);
    expect!(
        !l.try_acquire("alice"),
        "the clock went back 6 s: no tokens are earned"
    );
    expect_eq!(
        l.available("alice"),
        0,
        "still empty while the clock is behind"
    );
}

#[test]
fn the_stretch_jumped_back_over_is_not_credited_twice() {
    let clock = TestClock::at(10_000);
    let mut l = RateLimiter::new(clock.clone(), 5, 2);
    drain(&mut l, "alice");
    clock.set(8_000);
    l.try_acquire("alice");
    clock.set(10_000);
    expect_eq!(
        l.available("alice"),
        0,
        "emptied at 10 000, clock back to 8 000, then forward to 10 000: no time has passed since 10 000"
    );
    expect!(!l.try_acquire("alice"), "so still no token at 10 000");
    clock.set(10_500);
    expect!(
        l.try_acquire("alice"),
        "500 ms after 10 000 at 2 per second: one token"
    );
}

#[test]
fn a_huge_clock_jump_fills_without_overflow() {
    let (clock, mut l) = limiter(1_000_000_000, 1_000_000_000);
    l.try_acquire_n("alice", 1_000_000_000);
    clock.set(u64::MAX);
    expect_eq!(
        l.available("alice"),
        1_000_000_000,
        "a jump to the end of time fills the bucket exactly to capacity"
    );
    expect!(
        l.try_acquire_n("alice", 1_000_000_000),
        "and the full capacity can be taken"
    );
    expect!(!l.try_acquire("alice"), "and then nothing more");
}

#[test]
fn a_key_first_seen_late_is_full_and_refills_from_then() {
    let (clock, mut l) = limiter(2, 1);
    clock.set(50_000);
    expect_eq!(
        drain(&mut l, "late"),
        2,
        "a key first seen at 50 s starts full"
    );
    clock.set(50_999);
    expect!(
        !l.try_acquire("late"),
        "999 ms later less than one token has been earned"
    );
    clock.set(51_000);
    expect!(
        l.try_acquire("late"),
        "1000 ms later one token has been earned"
    );
}
