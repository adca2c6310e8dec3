use kata_assert::{expect, expect_eq};
use send_sync::{parallel_sum, parallel_sum_by};

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, ThreadId};

/// An item that is neither `Clone` nor `Copy`.
struct Item {
    index: usize,
    weight: u64,
}

fn items(n: usize) -> Vec<Item> {
    (0..n)
        .map(|index| Item {
            index,
            weight: (index as u64 * 7919) % 1000,
        })
        .collect()
}

/// Sums `items(n)` by weight and records which threads called `f` and how often per item.
fn observed_sum(n: usize, threads: usize) -> (u64, Vec<usize>, HashSet<ThreadId>) {
    let calls: Arc<Vec<AtomicUsize>> = Arc::new((0..n).map(|_| AtomicUsize::new(0)).collect());
    let seen = Arc::new(Mutex::new(HashSet::new()));
    let (calls_in_f, seen_in_f) = (Arc::clone(&calls), Arc::clone(&seen));
    let sum = parallel_sum_by(items(n), threads, move |item: &Item| {
        calls_in_f[item.index].fetch_add(1, Ordering::SeqCst);
        seen_in_f.lock().unwrap().insert(thread::current().id());
        item.weight
    });
    let calls = calls.iter().map(|c| c.load(Ordering::SeqCst)).collect();
    let seen = seen.lock().unwrap().clone();
    (sum, calls, seen)
}

fn expected_weight(n: usize) -> u64 {
    items(n).iter().map(|i| i.weight).sum()
}

#[test]
fn sums_a_small_vec() {
    expect_eq!(
        parallel_sum(vec![1, 2, 3, 4, 5], 2),
        15,
        "1 + 2 + 3 + 4 + 5 with 2 threads"
    );
}

#[test]
fn one_thread_sums_everything() {
    expect_eq!(
        parallel_sum((1..=100).collect(), 1),
        5050,
        "1 + ... + 100 with 1 thread"
    );
}

#[test]
fn empty_vec_sums_to_zero() {
    expect_eq!(parallel_sum(vec![], 1), 0, "an empty Vec sums to 0");
    expect_eq!(
        parallel_sum(vec![], 4),
        0,
        "an empty Vec sums to 0, whatever the thread count"
    );
}

#[test]
fn zero_threads_counts_as_one() {
    expect_eq!(
        parallel_sum(vec![1, 2, 3], 0),
        6,
        "threads == 0 counts as 1: the sum is 6"
    );
}

#[test]
fn more_threads_than_items() {
    expect_eq!(
        parallel_sum(vec![7, 8], 16),
        15,
        "2 items with 16 threads sum to 15"
    );
    expect_eq!(
        parallel_sum(vec![42], 3),
        42,
        "1 item with 3 threads sums to 42"
    );
}

#[test]
fn no_item_is_lost_when_the_split_is_uneven() {
    expect_eq!(
        parallel_sum((1..=10).collect(), 3),
        55,
        "10 items on 3 threads: 1 + ... + 10 = 55"
    );
    expect_eq!(
        parallel_sum((1..=10).collect(), 4),
        55,
        "10 items on 4 threads: 1 + ... + 10 = 55"
    );
    expect_eq!(
        parallel_sum((1..=7).collect(), 6),
        28,
        "7 items on 6 threads: 1 + ... + 7 = 28"
    );
}

#[test]
fn every_length_and_thread_count_up_to_small_sizes() {
    for len in 0..=24u64 {
        for threads in 0..=7 {
            let data: Vec<u64> = (1..=len).map(|x| x * x).collect();
            let expected: u64 = data.iter().sum();
            expect_eq!(
                parallel_sum(data, threads),
                expected,
                "sum of the squares 1..={} with {} threads",
                len,
                threads
            );
        }
    }
}

#[test]
fn large_values_sum_exactly() {
    let quarter = u64::MAX / 4;
    expect_eq!(
        parallel_sum(vec![quarter; 4], 4),
        quarter * 4,
        "four values of u64::MAX / 4 sum exactly"
    );
}

#[test]
fn f_is_applied_to_each_item() {
    let sum = parallel_sum_by(vec!["a", "bcd", "", "ef"], 8, |s| s.len() as u64);
    expect_eq!(sum, 6, "the lengths 1 + 3 + 0 + 2");
}

#[test]
fn f_is_called_exactly_once_per_item() {
    let (sum, calls, _) = observed_sum(10_007, 4);
    expect_eq!(
        sum,
        expected_weight(10_007),
        "the sum of the weights of 10,007 items"
    );
    let wrong = calls.iter().position(|&c| c != 1);
    expect!(
        wrong.is_none(),
        "f must be called exactly once per item: item {} was seen {} times",
        wrong.unwrap_or(0),
        wrong.map_or(0, |i| calls[i])
    );
}

#[test]
fn work_is_shared_by_at_least_two_threads() {
    let (_, _, seen) = observed_sum(10_000, 4);
    expect!(
        seen.len() >= 2,
        "with 4 threads and 10,000 items, at least 2 different threads must call f; only {} did",
        seen.len()
    );
    let (_, _, seen) = observed_sum(2, 2);
    expect!(
        seen.len() == 2,
        "with 2 threads and 2 items, both items must be handled on different threads; {} thread(s) did the work",
        seen.len()
    );
}

#[test]
fn uses_at_most_the_given_number_of_threads() {
    for threads in [1, 2, 3, 5] {
        let (sum, _, seen) = observed_sum(1_000, threads);
        expect_eq!(
            sum,
            expected_weight(1_000),
            "the sum of the weights of 1,000 items"
        );
        expect!(
            seen.len() <= threads,
            "with threads = {}, at most {} different threads may call f; {} did",
            threads,
            threads,
            seen.len()
        );
    }
    let (_, _, seen) = observed_sum(100, 0);
    expect!(
        seen.len() == 1,
        "threads == 0 counts as 1: one thread calls f; {} did",
        seen.len()
    );
}

#[test]
fn all_work_is_done_before_returning() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let sum = parallel_sum_by((0..50_000u64).collect(), 4, move |&x| {
        counter.fetch_add(1, Ordering::SeqCst);
        x % 3
    });
    let when_returned = calls.load(Ordering::SeqCst);
    expect_eq!(
        when_returned,
        50_000,
        "f must have run on all 50,000 items when parallel_sum_by returns"
    );
    expect_eq!(
        sum,
        (0..50_000u64).map(|x| x % 3).sum::<u64>(),
        "the sum of x % 3 over 0..50,000"
    );
}

#[test]
fn no_update_is_lost_under_contention() {
    // Two million items on 4 threads: every thread adds to the total constantly, at the same
    // time as the others.
    let n = 2_000_000;
    expect_eq!(
        parallel_sum(vec![1; n], 4),
        n as u64,
        "2,000,000 ones summed on 4 threads: every update must reach the total"
    );
}

/// A deliberately slow function of `x` (a few hundred nanoseconds), so that threads are often
/// interrupted while they are in the middle of adding its result to the total.
fn costly(x: u64) -> u64 {
    let mut h = x;
    for _ in 0..100 {
        h = h.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17) ^ x;
    }
    h % 1000 + 1
}

#[test]
fn no_update_is_lost_with_a_costly_f() {
    let n = 300_000u64;
    let sum = parallel_sum_by((0..n).collect(), 4, |&x| costly(x));
    let expected: u64 = (0..n).map(costly).sum();
    expect_eq!(
        sum,
        expected,
        "300,000 items on 4 threads, each taking a while: every contribution must reach the total"
    );
}
